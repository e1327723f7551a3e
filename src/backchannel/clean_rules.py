"""The debris phrase lists of ``data/debris.yaml`` (loaded once, validated) and date parsing.

Kept apart from ``clean.py`` so the line-shape logic there reads on its own. The
phrases are user data: a user who meets a new kind of debris adds a line to the YAML
file (or points ``BACKCHANNEL_DEBRIS`` at their own copy), no code change needed.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

DEBRIS_FILE = Path(__file__).resolve().parent / "data" / "debris.yaml"
DEBRIS_ENV = "BACKCHANNEL_DEBRIS"

_KEYS = (
    "related",
    "related_colon",
    "comment_heading",
    "comment_section",
    "share",
    "share_words",
    "subscribe",
    "subscribe_words",
    "ads",
    "labels",
    "labels_bare",
    "credits",
    "caption_marks",
    "byline",
    "roles",
    "dateline",
    "boilerplate",
    "agencies",
)


class DebrisRulesError(ValueError):
    """``debris.yaml`` is malformed; the message names the file and the entry."""


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_LEAD = re.compile(r"^[\s>#*_\-–—•·»›«‹←→|~+]+")
_SEP_AFTER = r"\s*(?:[:|>»›]|[-–—]\s)"
_READING_TIME = re.compile(r"\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+(?:read|listen)")
_TOKEN_SPLIT = re.compile(r"[^\w\-]+")
_NUMBER_WORDS = "no|one|two|three|four|five|six|seven|eight|nine|ten|\\d+"
# "Associated Press writer Ana Lee in Kyiv contributed." closes wire copy.
_CONTRIBUTED = re.compile(
    r"\b(?:writers?|reporters?|correspondents?|journalists?)\b.*\bcontributed(?: to this (?:report|story|article))?$"
)
# "— Ana Lee (@analee) March 3, 2024" under an embedded post; "A post shared by X (@x)".
_EMBED_SIGNATURE = re.compile(r"^.{1,60}\(@\w{1,30}\)(?:\s+[\w ,.]{0,30}\d{4})?$")
_BARE_LINKS = re.compile(r"(?:(?:https?://|www\.|pic\.twitter\.com/)\S+\s*)+")
_TICKER = re.compile(r"^(?:breaking(?: news)?|live|latest|update|alert)\s*:\s*")  # "Breaking: Follow our live ..."


def line_key(line: str) -> str:
    """A line reduced for matching: Markdown marks and links off, lower case, spaces folded."""
    text = _MD_LINK.sub(r"\1", line)
    text = text.replace("**", "").replace("__", "")
    text = _LEAD.sub("", text)
    return " ".join(text.lower().replace("’", "'").split())


def _alternation(phrases: tuple[str, ...]) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


@dataclass(frozen=True)
class Rules:
    """Compiled matchers; ``debris_reason`` says why a line is debris, or None."""

    related: re.Pattern[str]
    related_colon: re.Pattern[str]
    related_alone: frozenset[str]  # a line that is only "Related" or "Watch" heads a link list
    comment_heading: re.Pattern[str]
    comment_exact: frozenset[str]
    comment_prefix: re.Pattern[str] | None
    share: re.Pattern[str]
    share_words: frozenset[str]
    subscribe: re.Pattern[str]
    subscribe_words: re.Pattern[str]
    ads: frozenset[str]
    labels: re.Pattern[str]
    labels_bare: re.Pattern[str]  # "Posted in World News", "Tagged Putin, Ukraine": no colon needed
    credits: re.Pattern[str]
    credit_inline: re.Pattern[str]  # a photo credit inside a short line ("Ana Lee/AFP via Getty Images")
    credit_tail: re.Pattern[str]  # a caption that ends in its credit ("... Photograph: Ana Lee")
    caption_mark: re.Pattern[str]  # "(File photo)", "Representational image", "File image of ..."
    agency_line: re.Pattern[str]  # a line that is only agency names: "Reuters", "(AP)", "Reuters/AFP"
    boilerplate: re.Pattern[str]
    byline: re.Pattern[str]  # group 1: what follows the byline word ("By", "Written by")
    role: re.Pattern[str]  # a journalist's job title ending a byline segment ("Moscow correspondent")
    role_word: re.Pattern[str]  # a journalist's job title anywhere in a line (author bios)
    dateline: re.Pattern[str]  # group 1: what follows the dateline word ("Published:")

    def debris_reason(self, line: str, key: str) -> str | None:
        """The kind of debris ``line`` is (``key`` is its ``line_key``), or None for text."""
        if line.lstrip().startswith("!["):
            return "image"
        n_words = len(key.split())
        bare = key.rstrip(" .:!…")
        if re.fullmatch(r"[*\-_=~•·#\s]{3,}", line.strip()) and not line.strip().startswith("#"):
            return "separator"
        if self.comment_heading.match(key) and n_words <= 30:
            return "comment section"
        if bare in self.comment_exact or re.fullmatch(r"comments?\s*\(\d+\)", bare):
            return "comment section"
        if self.comment_prefix is not None and self.comment_prefix.match(key) and n_words <= 30:
            return "comment section"
        if n_words <= 25 and self.related.match(key):
            rest = key[self.related.match(key).end() :]
            if not rest or re.match(_SEP_AFTER, rest) or n_words <= 12:
                return "link to another story"
        if n_words <= 20 and self.related_colon.match(key) or bare in self.related_alone:
            return "link to another story"
        if n_words <= 15 and self.share.match(key):
            return "share prompt"
        if n_words <= 12:
            tokens = [t for t in _TOKEN_SPLIT.split(bare) if t]
            if tokens and all(t in self.share_words for t in tokens):
                return "share buttons"
        prompt = _TICKER.sub("", key)
        if n_words <= 30 and self.subscribe.match(prompt) and self.subscribe_words.search(prompt):
            return "subscribe prompt"
        if bare in self.ads:
            return "advertising"
        if n_words <= 15 and _is_breadcrumb(key):
            return "navigation"
        if n_words <= 12 and _EMBED_SIGNATURE.match(bare):
            return "embedded post"
        if _BARE_LINKS.fullmatch(bare):
            return "bare link"
        if _READING_TIME.fullmatch(bare):
            return "reading time"
        if n_words <= 40 and self.labels.match(key):
            return "tags"
        if n_words <= 10 and self.labels_bare.match(key) and not key.endswith((".", "!", "?")):
            return "tags"
        if n_words <= 30 and (self.credits.match(key) or (n_words <= 15 and self.credit_inline.search(key))):
            return "credit line"
        if n_words <= 40 and self.credit_tail.search(key) or n_words <= 15 and self.caption_mark.search(bare):
            return "photo caption"
        if n_words <= 8 and self.agency_line.fullmatch(bare) or n_words <= 30 and _CONTRIBUTED.search(bare):
            return "credit line"
        if n_words <= 30 and self.boilerplate.search(key):
            return "site boilerplate"
        return None


_NAV_SEP = re.compile(r"\s+[»›>|/]\s+|\s+[•·]\s+")


def _is_breadcrumb(key: str) -> bool:
    """ "home » world » europe" or "world | politics | business": short segments, no sentence."""
    parts = _NAV_SEP.split(key)
    return len(parts) >= 3 and all(0 < len(p.split()) <= 3 and not p.endswith((".", "?", "!")) for p in parts)


def _validate(data: object, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(data, dict):
        raise DebrisRulesError(f"{where}: expected a mapping of lists, got {type(data).__name__}")
    unknown = sorted(set(data) - set(_KEYS))
    if unknown:
        raise DebrisRulesError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(_KEYS)})")
    out: dict[str, tuple[str, ...]] = {}
    for key in _KEYS:
        items = data.get(key, [])
        if not isinstance(items, list):
            raise DebrisRulesError(f"{where}: {key} must be a list of phrases")
        for n, item in enumerate(items, 1):
            if not isinstance(item, str) or not item.strip():
                raise DebrisRulesError(f"{where}: {key} entry {n} must be a non-empty string, got {item!r}")
        out[key] = tuple(" ".join(i.lower().split()) for i in items)
    return out


def build_rules(data: object, where: str = "debris rules") -> Rules:
    """Compile phrase lists (the parsed YAML) into ``Rules``; bad entries raise ``DebrisRulesError``."""
    p = _validate(data, where)
    never = re.compile(r"(?!x)x")

    def prefix(key: str, tail: str = r"\b") -> re.Pattern[str]:
        return re.compile(rf"^(?:{_alternation(p[key])}){tail}") if p[key] else never

    multi = tuple(c for c in p["comment_section"] if " " in c)
    agencies = _alternation(p["agencies"]) if p["agencies"] else r"(?!x)x"
    agency = rf"\(?(?:{agencies})\)?"
    return Rules(
        related=prefix("related"),
        related_colon=prefix("related_colon", _SEP_AFTER) if p["related_colon"] else never,
        related_alone=frozenset(p["related_colon"]),
        comment_heading=(
            re.compile(rf"^(?:{_NUMBER_WORDS})\s+(?:{_alternation(p['comment_heading'])})(?:\s+(?:on|to|for)\b|\s*$)")
            if p["comment_heading"]
            else never
        ),
        comment_exact=frozenset(p["comment_section"]),
        comment_prefix=re.compile(rf"^(?:{_alternation(multi)})\b") if multi else None,
        share=prefix("share"),
        share_words=frozenset(p["share_words"]),
        subscribe=prefix("subscribe", r"(?![\w-])"),  # "follow us", not "follow-up"
        subscribe_words=re.compile(rf"\b(?:{_alternation(p['subscribe_words'])})\b") if p["subscribe_words"] else never,
        ads=frozenset(p["ads"]),
        labels=prefix("labels", r"\s*:") if p["labels"] else never,
        labels_bare=prefix("labels_bare", r"\s+\S") if p["labels_bare"] else never,
        credits=prefix("credits", r"(?:\s*[:,]|\s+by\b|(?<=\bby)\s|(?<=\bfrom)\s)") if p["credits"] else never,
        credit_inline=re.compile(
            rf"\b(?:photo|photograph|image|picture|credit)s?\s*:\s*\S|getty images|\bap photo\b|/\s*(?:{agencies})\b"
        ),
        caption_mark=(
            re.compile(
                rf"^(?:{_alternation(p['caption_marks'])})(?:$|\s+of\s|\s*:)|"
                rf"(?:[(\[]|[.|,;]\s+|\s[-–—]\s+)(?:{_alternation(p['caption_marks'])})[)\]]?$"
            )
            if p["caption_marks"]
            else never
        ),
        credit_tail=re.compile(r"[.!?]\s+(?:photo|photograph|image|picture|credit)s?\s*:\s*[^.!?:]{2,80}$"),
        agency_line=re.compile(rf"{agency}(?:\s*(?:/|,|&|\band\b|\bvia\b)\s*{agency})*"),
        boilerplate=re.compile(_alternation(p["boilerplate"])) if p["boilerplate"] else never,
        byline=re.compile(rf"(?i)^(?:{_alternation(p['byline'])})\s*[:\-]?\s+(.+)$") if p["byline"] else never,
        role=re.compile(rf"(?i)\b(?:{_alternation(p['roles'])})s?$") if p["roles"] else never,
        role_word=re.compile(rf"(?i)\b(?:{_alternation(p['roles'])})s?\b") if p["roles"] else never,
        dateline=re.compile(rf"(?i)^(?:{_alternation(p['dateline'])})\s*:?\s+(.+)$") if p["dateline"] else never,
    )


@lru_cache(maxsize=4)
def _load(path: str) -> Rules:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise DebrisRulesError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise DebrisRulesError(f"{path}: not valid YAML: {exc}") from exc
    return build_rules(data, path)


def load_rules() -> Rules:
    """The rules of ``$BACKCHANNEL_DEBRIS`` or the bundled ``data/debris.yaml``, compiled once."""
    return _load(os.environ.get(DEBRIS_ENV) or str(DEBRIS_FILE))


_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for m in names
}
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DATE_FORMS = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    re.compile(rf"(?i){_WEEKDAY}{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})"),
    re.compile(rf"(?i){_WEEKDAY}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<y>\d{{4}})"),
)


def strip_dates(text: str) -> str:
    """``text`` with every full date taken out (to see what else a dateline holds)."""
    for form in _DATE_FORMS:
        text = form.sub(" ", text)
    return text


def parse_date_text(text: str) -> date | None:
    """The first full date in ``text`` ("2023-11-05", "November 5, 2023", "5 Nov 2023"), or None."""
    for form in _DATE_FORMS:
        m = form.search(text)
        if not m:
            continue
        groups = m.groupdict()
        month = int(groups["m"]) if groups.get("m") else _MONTHS[groups["mon"].lower()]
        try:
            return date(int(groups["y"]), month, int(groups["d"]))
        except ValueError:
            continue
    return None
