"""Bylines and datelines: the lines above a body that say who wrote it and when.

A head line is cut into segments at the separators pages use ("|", "·", "•", " — "),
and each segment is read as a byline ("By Ana Lee", "Posted by admin"), a dated
segment ("Posted on May 3, 2024", "ISTANBUL, July 24, 2022", "10:15 GMT"), a label
("Filed under: Talks"), a reading time, a name with its job title ("Ana Lee, Moscow
correspondent"), or a name. A line is metadata only when every
segment is one of these (a short leftover such as a section name is allowed), so a body
sentence that happens to start with "By" stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from .clean_rules import Rules, parse_date_text, strip_dates

ACTORS_FILE = Path(__file__).resolve().parent / "data" / "actors.yaml"  # the bundled actor dictionary
GENERIC_AUTHORS = frozenset(
    {"admin", "administrator", "editor", "editors", "staff", "webmaster", "guest", "user", "root", "team", "newsdesk"}
)
_PARTICLES = {"de", "da", "van", "von", "der", "bin", "al", "el", "la", "le", "di", "du", "del", "ibn", "al-", "and"}
_NOT_NAMES = re.compile(
    r"(?i)^(?:mon|tues|wednes|thurs|fri|satur|sun)day$|^(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december|then|now|today|yesterday|contrast|comparison|far|the|this|that|posted|"
    r"published|updated)$"
)
_SEGMENTS = re.compile(r"\s*[|•·]\s*|\s+[—–]\s+|\s+-\s+|\s+/\s+")
_TIME = re.compile(
    r"(?i)\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\b[ap]\.?m\.?(?!\w)|\b(?:utc|gmt|[a-z]st|[a-z]dt|cet|cest|msk|eet)\b|\bat\b"
)
_PLACE = re.compile(r"^\s*(?:[A-ZÀ-Þ][\w'’.\-]*\s*){1,3},")
_BYLINE_PLACE = re.compile(r"\s+in\s+[A-ZÀ-Þ][\w'’.\-]*(?:\s+[A-ZÀ-Þ][\w'’.\-]*)?(?=\s+and\s|\s*,|\s*$)")
_READING = re.compile(r"(?i)^\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+(?:read|listen)$")


@dataclass(frozen=True, slots=True)
class Head:
    """What a head line said: ``kind`` is "byline" or "dateline"."""

    kind: str
    author: str | None
    published: date | None


def real_author(name: str | None) -> str | None:
    """``name`` unless it is a site account rather than a person ("admin", "Staff")."""
    if not name or name.strip().lower() in GENERIC_AUTHORS:
        return None
    return name.strip()


def is_name_word(word: str) -> bool:
    """A capitalised word of letters (any script), or an initial: "Zelensky", "Niinistö", "J."."""
    core = word.strip(",")
    return bool(core) and core[0].isupper() and all(ch.isalpha() or ch in "'’.-" for ch in core)


def looks_like_names(text: str) -> bool:
    """One or more person names ("Ana Lee and Tom Ruiz"), or a site account ("admin")."""
    if text.strip().lower() in GENERIC_AUTHORS:
        return True
    words = text.replace("&", " and ").split()
    if not words or len(words) > 10 or _NOT_NAMES.match(words[0]) or parse_date_text(text):
        return False
    return all(w.lower() in _PARTICLES or is_name_word(w) or w.isupper() for w in words)


def _date_only(text: str) -> date | None:
    """The date of a segment that holds nothing but a date (a time, zone or place may go with it)."""
    when = parse_date_text(text)
    if when is None:
        return None
    leftover = _TIME.sub(" ", strip_dates(text))
    leftover = _PLACE.sub(" ", leftover) if _PLACE.match(text) else leftover
    return None if re.search(r"[^\W\d_]{3,}", leftover) else when


def parse_head_line(line: str, rules: Rules) -> Head | None:
    """The byline or dateline ``line`` is, or None when it is text."""
    stripped = re.sub(r"^[\W_]+|[\W_]+$", "", line.strip())
    if not stripped or len(stripped.split()) > 16:
        return None
    author: str | None = None
    by_seen = False
    when: date | None = None
    names: list[str] = []
    loose = 0
    for seg in (s.strip() for s in _SEGMENTS.split(stripped) if s and s.strip()):
        m = rules.byline.match(seg)
        if m:
            name, _, tail = m.group(1).partition(" on ")
            # "By Ana Lee in Kyiv and Tom Ruiz in Moscow", "By Ana Lee for Example News"
            name = _BYLINE_PLACE.sub("", re.split(r"\s+for\s+", name, maxsplit=1, flags=re.IGNORECASE)[0])
            name = name.split(",")[0].strip()
            if not looks_like_names(name):
                return None
            by_seen, author = True, author or real_author(name)
            when = when or (_date_only(tail) if tail else None)
            continue
        m = rules.dateline.match(seg)
        rest = m.group(1) if m else seg
        dated, _, who = rest.partition(" by ")
        day = _date_only(dated)
        if day is not None and (not who or looks_like_names(who)):
            when = when or day
            if who:
                by_seen, author = True, author or real_author(who)
            continue
        if rules.labels.match(seg.lower()) or _READING.match(seg) or rules.credits.match(seg.lower()):
            continue  # "Filed under: Talks", "4 min read", "Edited by Tom Ruiz"
        role = rules.role.search(seg) if len(seg.split()) <= 8 else None
        if role:
            name, comma, _ = seg[: role.start()].partition(",")
            if comma and looks_like_names(name.strip()):  # "Ana Lee, Moscow correspondent"
                by_seen, author = True, author or real_author(name.strip())
                continue
            if not comma and len(seg.split()) <= 4:  # "Diplomatic editor": a title beside the name
                continue
        if looks_like_names(seg):
            names.append(seg)
        elif len(seg.split()) <= 3:
            loose += 1
        else:
            return None
    if by_seen:
        return Head("byline", author, when)
    if when is None or loose > 1:
        return None
    if names and len(names[0].split()) >= 2 and not stripped[:1].isdigit():
        return Head("byline", real_author(names[0]), when)  # "Ana Lee · May 3, 2024"
    return Head("dateline", None, when)


@lru_cache(maxsize=1)
def known_people() -> frozenset[str]:
    """Full names (two words or more) of the people in the bundled actor dictionary.

    A photo caption left behind by a copied page is often just the name of the person in
    the photo, and the text around it may never name them in full: the actor dictionary
    (``data/actors.yaml``) says the line is a person's name rather than a sub-heading.
    Read straight from the YAML, as the report does: compiling the dictionary's matcher
    takes seconds (and ingest must not depend on the actors package importing), and a
    dictionary that cannot be read only means no names (the extract stage reports its
    problem where it matters).
    """
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        raw = yaml.load(ACTORS_FILE.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, yaml.YAMLError):
        return frozenset()
    persons = raw.get("persons") if isinstance(raw, dict) else None
    names: set[str] = set()
    for entry in persons if isinstance(persons, list) else ():
        if not isinstance(entry, dict):
            continue
        aliases = entry.get("aliases")
        for name in [entry.get("name"), *(aliases if isinstance(aliases, list) else ())]:
            if isinstance(name, str) and len(name.split()) >= 2:
                names.add(" ".join(name.split()))
    return frozenset(names)


_INLINE_DATELINE = re.compile(
    r"^\s*(?:[A-ZÀ-Þ][\w'’.\-]*\s+){0,3}[A-ZÀ-Þ][\w'’.\-]*"  # the place: "KYIV", "New York"
    r"(?P<rest>,[^—–()\n]{0,60}?)?\s*(?:\([^)\n]{1,40}\))?\s*(?:[—–]|--?)\s+\S"  # ", March 3, 2024 (Wire) — "
)


def inline_dateline_date(paragraph: str) -> date | None:
    """The full date of a dateline that opens the first paragraph ("KYIV, March 3, 2024 (Wire) — ...").

    The prefix stays in the text (gold texts keep it, and their offsets count it); only
    its date becomes metadata, when it is a whole date (a day without a year is not).
    """
    m = _INLINE_DATELINE.match(paragraph)
    return _date_only(m.group("rest").lstrip(",")) if m and m.group("rest") else None


def parse_head_block(block: list[str], rules: Rules) -> Head | None:
    """A byline set over two or three lines: a name, then a job title or a date ("Ana Lee" / "May 3, 2024").

    Alone, a line with only a name may be a caption or a heading; with a title or a date
    under it in the same block, the block says who wrote the story and when.
    """
    if not 2 <= len(block) <= 3:
        return None
    author: str | None = None
    when: date | None = None
    named = described = False
    for line in block:
        text = re.sub(r"^[\W_]+|[\W_]+$", "", line.strip())
        words = text.split()
        head = parse_head_line(line, rules)
        if head is not None:
            author, when = author or head.author, when or head.published
            described = True
        elif not named and 2 <= len(words) <= 5 and looks_like_names(text) and not rules.role.search(text):
            author, named = author or real_author(text), True
        elif words and len(words) <= 5 and rules.role.search(text):
            described = True  # "Moscow bureau chief"
        else:
            return None
    return Head("byline", author, when) if named and described else None
