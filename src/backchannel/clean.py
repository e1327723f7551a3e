"""Page debris removal for text inputs: what a copied web page carries around its article.

A blog post saved as text keeps its "Also Read:" links, "1 thought on ..." and "Leave a
Comment" lines, share and subscribe rows, photo captions that only repeat a name, and a
byline and dateline above the body; a news page keeps its section label, its
standfirst and a credit or two. Later stages quote sentences and give character
offsets into the stored text, so the debris goes here, once, before storing; bylines
and datelines become metadata. A dateline that opens the first paragraph ("KYIV,
March 3, 2024 (Wire) — ...") is part of the text, as in the gold texts: only its date
is lifted. The rules are general (phrase lists in
``data/debris.yaml``, shapes of lines in this module), never rules for one page, and a
line is only ever dropped, never rewritten, so every kept line is a line of the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .clean_head import inline_dateline_date, is_name_word, known_people, parse_head_block, parse_head_line
from .clean_rules import Rules, line_key, load_rules, parse_date_text

HEAD_BLOCKS = 6  # bylines and datelines are looked for in the first blocks only
MIN_WORDS_BEFORE_COMMENTS = 60
MAX_TITLE_CHARS = 200  # a longer first line is a paragraph, not a title
MAX_TITLE_WORDS = 30  # a comment marker this far in ends the article

_FUNCTION_WORDS = "and|or|of|in|the|for|to|with|on|at|by|from|as|a|an|nor|but|than|into|over|under"
_GREETINGS = {"good", "dear", "hello", "thank", "thanks", "ladies", "friends", "colleagues", "welcome", "greetings"}
_SENTENCE_END = '.!?…"”’)'
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


def clean_text(
    text: str, *, title_first_line: bool = False, known_title: str | None = None, known_summary: str | None = None
) -> Cleaned:
    """Remove page debris from ``text``; with ``title_first_line`` the first line is the title.

    ``known_title`` (from HTML metadata or a feed) drops a line in the head that only
    repeats it; ``known_summary`` (a page's description) drops the standfirst that
    repeats it, unless it reads as the first sentence of the body (many sites use the
    lead paragraph as their description). Never raises: any string in gives a ``Cleaned`` out.
    """
    rules = load_rules()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    drop: dict[int, str] = {}
    meta: dict[str, str] = {}
    start = _front_matter(lines, drop, meta)
    title = meta.get("title")
    if title_first_line and title is None:
        first = next((i for i in range(start, len(lines)) if line_key(lines[i])), None)  # not a "---" rule
        # A first line as long as a paragraph is the body of a file without a title: keep it.
        if first is not None and len(lines[first]) <= MAX_TITLE_CHARS and len(lines[first].split()) <= MAX_TITLE_WORDS:
            title = _strip_marks(lines[first]).strip() or None
            drop[first] = "title"
    title_key = line_key(title or known_title or "")
    summary_key = line_key(known_summary or "")
    blocks = _blocks(lines, drop)
    author: str | None = meta.get("author")
    published = parse_date_text(meta.get("date", "")) if meta.get("date") else None
    full = "\n".join(lines)
    words_before = 0
    for b_index, block in enumerate(blocks):
        head = b_index < HEAD_BLOCKS
        standalone = len(block) == 1
        got_block = parse_head_block([lines[i] for i in block], rules) if head and words_before == 0 else None
        if got_block is not None:
            for i in block:
                drop[i] = "byline"
            author = author or got_block.author
            published = published or got_block.published
            continue
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
                got = parse_head_line(line, rules)
                if got is not None:
                    drop[i] = got.kind
                    author = author or got.author  # the first byline names the author
                    published = published or got.published
                    continue
            reason = rules.debris_reason(line, key)
            if reason is None and words_before == 0 and standalone:
                if _is_kicker(line, b_index, blocks, lines, title_key):
                    reason = "section label"
                elif _is_standfirst(line, key, summary_key, b_index, blocks, lines, rules):
                    reason = "standfirst"
            if reason is None and standalone and _is_name_caption(line, i, lines, full):
                reason = "caption that only repeats a name"
            # One word ("Discussion", "Comments") may head a section of the body: it ends the
            # article only when comments follow it or little text is left.
            if (
                reason == "comment section"
                and words_before >= MIN_WORDS_BEFORE_COMMENTS
                and _weak_marker(key, rules)
                and not _comments_follow(lines, i, rules, words_before)
            ):
                reason = None
            if reason is not None:
                drop[i] = reason
                if reason == "comment section" and words_before >= MIN_WORDS_BEFORE_COMMENTS:
                    for j in range(i + 1, len(lines)):
                        if lines[j].strip():
                            drop.setdefault(j, "comment section")
                    _drop_author_bio(lines, drop, rules)
                    return _result(lines, drop, title, author, published, meta)
                continue
            words_before += len(line.split())
    if words_before >= MIN_WORDS_BEFORE_COMMENTS:
        _drop_author_bio(lines, drop, rules)
    return _result(lines, drop, title, author, published, meta)


_USER_LINE = re.compile(r"(?i)^(?:[\w.\-]*[_\d][\w.\-]*|.{1,40}\s(?:says|said|wrote)\s*:?)$")  # "anna_k", "Tom says:"
_STAMP = re.compile(r"(?i)\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?$|\b\d+\s+(?:minutes?|hours?|days?)\s+ago$")


def _weak_marker(key: str, rules: Rules) -> bool:
    """A comment marker of one word, which a heading of the body could also be."""
    bare = key.rstrip(" .:!…")
    return " " not in bare and bare in rules.comment_exact


def _comments_follow(lines: list[str], index: int, rules: Rules, words_before: int) -> bool:
    """Whether the lines after ``index`` read as comments: a count, a user name, a time stamp.

    Or what follows is short next to the article (a comment or two after the body).
    """
    following = [line.strip() for line in lines[index + 1 :] if line.strip()]
    for line in following[:4]:
        key = line_key(line)
        if rules.debris_reason(line, key) == "comment section" or _USER_LINE.match(line) or _STAMP.search(line):
            return True
    return sum(len(line.split()) for line in following) <= words_before // 3


_BIO = re.compile(r"^(?P<name>(?:[A-ZÀ-Þ][\w'’.\-]*\s+){1,3}[A-ZÀ-Þ][\w'’.\-]*)\s+(?:is|was)\s+(?:a|an|the|our)\s")


def _drop_author_bio(lines: list[str], drop: dict[int, str], rules: Rules) -> None:
    """Drop the last line when it introduces the author ("Ana Lee is a correspondent in Kyiv.").

    Only a person the rest of the text never names: a story about a reporter names
    them in its body, a bio under the story names its author once.
    """
    kept = [i for i, line in enumerate(lines) if i not in drop and line.strip()]
    if len(kept) < 2:
        return
    last = lines[kept[-1]].strip()
    m = _BIO.match(last)
    if not m or len(last.split()) > 40 or not rules.role_word.search(last):
        return
    surname = m.group("name").split()[-1]
    if any(surname in lines[i] for i in kept[:-1]):
        return
    drop[kept[-1]] = "author bio"


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
    if published is None and kept:
        published = inline_dateline_date(kept[0])
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


def _is_kicker(line: str, b_index: int, blocks: list[list[int]], lines: list[str], title_key: str) -> bool:
    """A label of one to three words ("World", "Exclusive", "Ukraine war") right above the first paragraph.

    Pages put the section name over the story; as the first line of the body it is not
    text. Only before any body text, and only when a real paragraph follows; a greeting
    that opens a speech ("Good evening") is not a label.
    """
    stripped = line.strip()
    words = stripped.split()
    if not 1 <= len(words) <= 3 or not all(ch.isalpha() or ch in " '’&/-" for ch in stripped):
        return False  # a label is words only: "So —", "Including…" or "Aspen, Colorado" are not
    if not words[0][:1].isupper() or words[0].lower() in _GREETINGS:
        return False
    if len(words) == 3 and not all(w[:1].isupper() or w in _FUNCTION_WORDS.split("|") for w in words):
        return False  # "War in Ukraine" is a label; three words in sentence case may be a phrase
    later = [b for b in blocks[b_index + 1 : b_index + 3] if not (len(b) == 1 and line_key(lines[b[0]]) == title_key)]
    return bool(later) and sum(len(lines[i].split()) for i in later[0]) >= 25


def _is_name_caption(line: str, index: int, lines: list[str], full: str) -> bool:
    """A lone line of 2-5 capitalised words (a name) that the text also has elsewhere, or a known person's name.

    That is how a photo caption reads once the photo is gone ("Vladimir Putin" between
    two paragraphs); a heading has lower-case words, a sentence ends in punctuation.
    The actor dictionary's people count even when the text never names them in full
    ("Vladimir Putin and Xi Jinping" over a photo of the two).
    """
    stripped = line.strip()
    if stripped.startswith("#") or stripped[-1:] in '.!?:;,"”)':
        return False
    if _names_known_people(stripped):
        return True
    words = stripped.split()
    if not 2 <= len(words) <= 5:
        return False
    capitals = 0
    for word in words:
        if word.lower() in _NAME_PARTICLES:
            continue
        if not is_name_word(word):
            return False
        capitals += 1
    if capitals < 2:
        return False
    # The caption repeats a name the text uses: the whole name, or the surname alone as a
    # person is written ("Zelensky said", "Putin's"), not as part of a phrase ("East and").
    start = sum(len(l_) for l_ in lines[:index]) + index
    rest = full[:start] + "\n" + full[start + len(line) :]
    if stripped in rest:
        return True
    if "," in stripped or len(words[-1]) < 4:
        return False
    used = re.compile(rf"\b{re.escape(words[-1])}(?:['’]s\b|\s+(?!(?:{_FUNCTION_WORDS})\b)[a-z]+)")
    return used.search(rest) is not None


def _names_known_people(stripped: str) -> bool:
    """A line made of known people's full names, each perhaps with a title in capitals.

    "Vladimir Putin and Xi Jinping", "Russian President Vladimir Putin", "Volodymyr
    Zelensky, President of Ukraine": what a caption under a photo of them says.
    """
    parts = [p.split() for p in re.split(r"\s+and\s+|\s+&\s+", stripped)]
    if not 2 <= len(stripped.split()) <= 12:
        return False
    people = known_people()
    for words in parts:
        words = [w.strip(",") for w in words if w.strip(",")]
        spans = [(a, b) for a in range(len(words)) for b in range(a + 2, min(len(words), a + 4) + 1)]
        found = [(a, b) for a, b in spans if " ".join(words[a:b]) in people]
        if not found:
            return False
        a, b = found[0]
        extra = words[:a] + words[b:]
        if len(extra) > 4 or not all(w[:1].isupper() or w in _FUNCTION_WORDS.split("|") for w in extra):
            return False
    return True


def _is_standfirst(
    line: str, key: str, summary_key: str, b_index: int, blocks: list[list[int]], lines: list[str], rules: Rules
) -> bool:
    """The summary under a headline ("dek"): the page's description, or a phrase right above the byline.

    A standfirst is a phrase, not the lead sentence: it has no full stop at the end. The
    lead paragraph, which many sites copy into their description, ends in one and stays.
    """
    stripped = line.strip()
    words = stripped.split()
    if not 5 <= len(words) <= 60 or stripped[-1:] in _SENTENCE_END or stripped.endswith(":"):
        return False
    if not any(w[:1].islower() for w in words[1:]):
        return False  # a title-case line is a heading or a headline, not a summary
    if summary_key and key == summary_key:
        return True
    if b_index > 1 or b_index + 1 >= len(blocks):
        return False
    return parse_head_line(lines[blocks[b_index + 1][0]], rules) is not None
