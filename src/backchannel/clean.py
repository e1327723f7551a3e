"""Page debris removal for text inputs: what a copied web page carries around its article.

A blog post saved as text keeps its "Also Read:" links, "1 thought on ..." and "Leave a
Comment" lines, share and subscribe rows, photo captions that only repeat a name, and a
byline and dateline above the body. Later stages quote sentences and give character
offsets into the stored text, so the debris goes here, once, before storing; bylines
and datelines become metadata. The rules are general (phrase lists in
``data/debris.yaml``, shapes of lines in this module), never rules for one page, and a
line is only ever dropped, never rewritten, so every kept line is a line of the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .clean_rules import Rules, line_key, load_rules, parse_date_text, strip_dates

HEAD_BLOCKS = 6  # bylines and datelines are looked for in the first blocks only
MIN_WORDS_BEFORE_COMMENTS = 60
MAX_TITLE_CHARS = 200  # a longer first line is a paragraph, not a title
MAX_TITLE_WORDS = 30  # a comment marker this far in ends the article

_NAME_WORD = re.compile(r"^(?:[A-Z][a-zA-Z'’.\-]*|[A-Z]\.)$")
_NAME_PARTICLES = {"de", "da", "van", "von", "der", "bin", "al", "el", "la", "le", "di", "du", "del", "ibn", "al-"}


@dataclass(frozen=True, slots=True)
class Removed:
    """A dropped line: its 1-based number in the input, its text, and why."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The cleaned body and the metadata lifted out of the page around it."""

    text: str
    title: str | None = None
    author: str | None = None
    published: date | None = None
    url: str | None = None
    outlet: str | None = None
    removed: tuple[Removed, ...] = ()


def clean_text(text: str, *, title_first_line: bool = False, known_title: str | None = None) -> Cleaned:
    """Remove page debris from ``text``; with ``title_first_line`` the first line is the title.

    ``known_title`` (from HTML metadata or a feed) drops a line in the head that only
    repeats it. Never raises: any string in gives a ``Cleaned`` out.
    """
    rules = load_rules()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    drop: dict[int, str] = {}
    meta: dict[str, str] = {}
    start = _front_matter(lines, drop, meta)
    title = meta.get("title")
    if title_first_line and title is None:
        first = next((i for i in range(start, len(lines)) if lines[i].strip()), None)
        # A first line as long as a paragraph is the body of a file without a title: keep it.
        if first is not None and len(lines[first]) <= MAX_TITLE_CHARS and len(lines[first].split()) <= MAX_TITLE_WORDS:
            title = _strip_marks(lines[first]).strip() or None
            drop[first] = "title"
    title_key = line_key(title or known_title or "")
    blocks = _blocks(lines, drop)
    author: str | None = meta.get("author")
    published = parse_date_text(meta.get("date", "")) if meta.get("date") else None
    full = "\n".join(lines)
    words_before = 0
    for b_index, block in enumerate(blocks):
        head = b_index < HEAD_BLOCKS
        standalone = len(block) == 1
        for i in block:
            line = lines[i]
            key = line_key(line)
            if not key:
                if re.fullmatch(r"[*\-_=~•·\s]{3,}", line.strip()):
                    drop[i] = "separator"
                continue
            if head and title_key and key == title_key:
                drop[i] = "repeats the title"
                continue
            if head:
                got = _byline_or_dateline(line, key, rules)
                if got is not None:
                    kind, value, when = got
                    drop[i] = kind
                    if kind == "byline" and value and author is None:  # the first byline names the author
                        author = value
                    if when and published is None:
                        published = when
                    continue
            reason = rules.debris_reason(line, key)
            if reason is None and words_before == 0 and standalone and _is_kicker(line, b_index, blocks, lines):
                reason = "section label"
            if reason is None and standalone and _is_name_caption(line, i, lines, full):
                reason = "caption that only repeats a name"
            if reason is not None:
                drop[i] = reason
                if reason == "comment section" and words_before >= MIN_WORDS_BEFORE_COMMENTS:
                    for j in range(i + 1, len(lines)):
                        if lines[j].strip():
                            drop.setdefault(j, "comment section")
                    return _result(lines, drop, title, author, published, meta)
                continue
            words_before += len(line.split())
    return _result(lines, drop, title, author, published, meta)


def _result(lines, drop, title, author, published, meta) -> Cleaned:
    kept: list[str] = []
    for i, line in enumerate(lines):
        if i in drop:
            continue
        line = line.rstrip()
        if not line.strip():
            if kept and kept[-1]:
                kept.append("")
            continue
        kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    removed = tuple(Removed(i + 1, lines[i].strip(), why) for i, why in sorted(drop.items()) if lines[i].strip())
    return Cleaned(
        text="\n".join(kept),
        title=title,
        author=author,
        published=published,
        url=meta.get("url"),
        outlet=meta.get("outlet"),
        removed=removed,
    )


_FM_KEYS = {
    "title": "title",
    "date": "date",
    "published": "date",
    "pubdate": "date",
    "author": "author",
    "authors": "author",
    "url": "url",
    "link": "url",
    "canonical": "url",
    "source": "outlet",
    "outlet": "outlet",
    "site": "outlet",
    "publisher": "outlet",
}


def _front_matter(lines: list[str], drop: dict[int, str], meta: dict[str, str]) -> int:
    """Read a Markdown front matter block (``---`` ... ``---``) into ``meta``; return the body start."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].strip() != "---":
        return 0
    for end in range(first + 1, min(len(lines), first + 40)):
        if lines[end].strip() == "---":
            break
    else:
        return 0
    pairs = [lines[i].split(":", 1) for i in range(first + 1, end) if ":" in lines[i]]
    if not pairs or len(pairs) < sum(1 for i in range(first + 1, end) if lines[i].strip()) / 2:
        return 0
    for key, value in pairs:
        field = _FM_KEYS.get(key.strip().lower())
        value = value.strip().strip("\"'").strip()
        if field and value and field not in meta:
            meta[field] = value
    for i in range(first, end + 1):
        drop[i] = "front matter"
    return end + 1


def _blocks(lines: list[str], drop: dict[int, str]) -> list[list[int]]:
    """Runs of non-blank lines (paragraphs), skipping lines already dropped."""
    blocks: list[list[int]] = []
    current: list[int] = []
    for i, line in enumerate(lines):
        if i in drop:
            continue
        if line.strip():
            current.append(i)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _strip_marks(line: str) -> str:
    return re.sub(r"^\s*#{1,6}\s+|^\s*(?:title\s*:\s*)|[*_]{2,}", "", line, flags=re.IGNORECASE)


_BY_SPLIT = re.compile(r"\s*[|•·/]\s*|\s+[—–-]\s+|\s+on\s+(?=\S)")


def _byline_or_dateline(line: str, key: str, rules: Rules) -> tuple[str, str | None, date | None] | None:
    """("byline", author, date) or ("dateline", None, date) for a head line that is one."""
    words = key.split()
    if not words or len(words) > 16:
        return None
    stripped = re.sub(r"^[\W_]+|[\W_]+$", "", line.strip())
    m = rules.byline.match(stripped)
    if m:
        parts = [p for p in _BY_SPLIT.split(m.group(1)) if p and p.strip()]
        name = parts[0].strip().rstrip(",")
        if not _looks_like_names(name.split(",")[0]):
            return None
        if stripped.endswith(".") and len(words) > 8:
            return None
        when = None
        for part in parts[1:]:
            when = when or parse_date_text(part)
        return "byline", real_author(name.split(",")[0].strip()), when
    if not any(ch.isdigit() for ch in stripped):
        return None  # every date form has digits
    parts = [p.strip() for p in _BY_SPLIT.split(stripped) if p and p.strip()]
    if len(parts) >= 2 and not rules.dateline.match(stripped) and _looks_like_names(parts[0]):
        when = next((d for d in map(parse_date_text, parts[1:]) if d), None)
        if when is not None:  # "Ana Lee · May 3, 2024 · Kremlin watch": a byline without "By"
            return "byline", real_author(parts[0]), when
    m = rules.dateline.match(stripped)
    rest = m.group(1) if m else stripped
    who = None
    tail = re.match(r"(?i)^(.*?\d.*?)\s+by\s+(.+)$", rest)  # "Posted on May 3, 2024 by Ana Lee"
    if tail and _looks_like_names(tail.group(2)):
        rest, who = tail.group(1), tail.group(2)
    when = parse_date_text(rest)
    if when is None:
        return None
    leftover = strip_dates(rest)
    leftover = re.sub(
        r"(?i)\b(\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?|[ap]\.?m\.?|[A-Z]{2,4}|utc|gmt|at|\d+\s+min(ute)?s?\s+read)\b",
        "",
        leftover,
    )
    if re.search(r"[A-Za-z]{3,}", leftover):
        return None
    if who is not None:
        return "byline", real_author(who), when
    return "dateline", None, when


_NOT_NAMES = re.compile(
    r"(?i)^(?:mon|tues|wednes|thurs|fri|satur|sun)day$|^(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december|then|now|today|yesterday|contrast|comparison|far|the|this|that)$"
)


GENERIC_AUTHORS = frozenset(
    {"admin", "administrator", "editor", "editors", "staff", "webmaster", "guest", "user", "root", "team", "newsdesk"}
)


def real_author(name: str | None) -> str | None:
    """``name`` unless it is a site account rather than a person ("admin", "Staff")."""
    if not name or name.strip().lower() in GENERIC_AUTHORS:
        return None
    return name.strip()


def _looks_like_names(text: str) -> bool:
    """One or more person names ("Ana Lee and Tom Ruiz"): capitalised words, joined by and/&."""
    if text.strip().lower() in GENERIC_AUTHORS:
        return True
    words = text.replace("&", " and ").split()
    if not words or len(words) > 10 or _NOT_NAMES.match(words[0]) or parse_date_text(text):
        return False
    for word in words:
        if word.lower() in _NAME_PARTICLES or word.lower() == "and":
            continue
        if not (_NAME_WORD.match(word) or word.isupper()):
            return False
    return True


def _is_kicker(line: str, b_index: int, blocks: list[list[int]], lines: list[str]) -> bool:
    """A one- or two-word label ("World", "Exclusive") right above the first paragraph.

    Pages put the section name over the story; as the first line of the body it is not
    text. Only before any body text, and only when a real paragraph follows.
    """
    stripped = line.strip()
    words = stripped.split()
    if not 1 <= len(words) <= 2 or stripped.startswith("#") or any(ch.isdigit() for ch in stripped):
        return False
    if stripped[-1:] in '.!?:;,"”)' or not all(w[:1].isupper() for w in words):
        return False
    following = blocks[b_index + 1] if b_index + 1 < len(blocks) else []
    return sum(len(lines[i].split()) for i in following) >= 25


def _is_name_caption(line: str, index: int, lines: list[str], full: str) -> bool:
    """A lone line of 2-5 capitalised words (a name) that the text also has elsewhere.

    That is how a photo caption reads once the photo is gone ("Vladimir Putin" between
    two paragraphs); a heading has lower-case words, a sentence ends in punctuation.
    """
    stripped = line.strip()
    if stripped.startswith("#") or stripped[-1:] in '.!?:;,"”)':
        return False
    words = stripped.split()
    if not 2 <= len(words) <= 5:
        return False
    capitals = 0
    for word in words:
        if word.lower() in _NAME_PARTICLES:
            continue
        if not _NAME_WORD.match(word):
            return False
        capitals += 1
    if capitals < 2:
        return False
    others = sum(len(l_) for l_ in lines[:index]) + index
    before, after = full[:others], full[others + len(line) :]
    return stripped in before or stripped in after
