"""Page debris removal for text inputs: what a copied web page carries around its article.

A blog post saved as text keeps its "Also Read:" links, "1 thought on ..." and "Leave a
Comment" lines, share and subscribe rows, photo captions that only repeat a name, and a
byline and dateline above the body; a news page keeps its section label, its
standfirst and a credit or two. Later stages quote sentences and give character
offsets into the stored text, so the debris goes here, once, before storing; bylines
and datelines become metadata. A dateline that opens the first paragraph ("KYIV,
March 3, 2024 (Wire) — ...") is part of the text, as in the gold texts: only its date
is lifted. The rules are general (phrase lists in ``data/debris.yaml``, shapes of
lines in ``clean_shapes`` and ``clean_head``), never rules for one page, and a line is
only ever dropped, never rewritten, so every kept line is a line of the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .clean_head import inline_dateline_date, parse_head_block, parse_head_line
from .clean_rules import line_key, load_rules, parse_date_text
from .clean_shapes import comments_follow, drop_author_bio, is_kicker, is_name_caption, is_standfirst, weak_marker

HEAD_BLOCKS = 6  # bylines and datelines are looked for in the first blocks only
MIN_WORDS_BEFORE_COMMENTS = 60
# What a saved page can carry above its title; a headline that only looks like debris
# ("Watch: ...") is still the title.
_TOP_BAR = frozenset({"advertising", "navigation", "share buttons", "share prompt", "subscribe prompt", "separator"})
MAX_TITLE_CHARS = 200  # a longer first line is a paragraph, not a title
MAX_TITLE_WORDS = 30  # a comment marker this far in ends the article


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
        first = None
        for i in range(start, len(lines)):
            key = line_key(lines[i])
            if not key:
                continue  # blank, or a "---" rule
            why = rules.debris_reason(lines[i], key)
            if why not in _TOP_BAR:
                first = i
                break
            drop[i] = why  # "Skip to content", "Home » World": a saved page's top bar, above the title
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
                if is_kicker(line, b_index, blocks, lines, title_key):
                    reason = "section label"
                elif is_standfirst(line, key, summary_key, b_index, blocks, lines, rules):
                    reason = "standfirst"
            if reason is None and standalone and is_name_caption(line, i, lines, full):
                reason = "caption that only repeats a name"
            # One word ("Discussion", "Comments") may head a section of the body: it ends the
            # article only when comments follow it or little text is left.
            if (
                reason == "comment section"
                and words_before >= MIN_WORDS_BEFORE_COMMENTS
                and weak_marker(key, rules)
                and not comments_follow(lines, i, rules, words_before)
            ):
                reason = None
            if reason is not None:
                drop[i] = reason
                if reason == "comment section" and words_before >= MIN_WORDS_BEFORE_COMMENTS:
                    for j in range(i + 1, len(lines)):
                        if lines[j].strip():
                            drop.setdefault(j, "comment section")
                    drop_author_bio(lines, drop, rules)
                    return _result(lines, drop, title, author, published, meta)
                continue
            words_before += len(line.split())
    if words_before >= MIN_WORDS_BEFORE_COMMENTS:
        drop_author_bio(lines, drop, rules)
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
