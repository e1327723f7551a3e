"""Rule-based sentence splitting that keeps character offsets into the stored text.

Every later stage points back into ``Article.text`` (a signal's ``start``/``end`` are
offsets of its evidence sentence), so the splitter never rewrites the text: it returns
spans. Paragraphs are kept too, because coreference ("he said", "the Kremlin's
spokesman") is resolved within a paragraph, and a line break always ends a sentence.

A full stop ends a sentence only when white space follows it and the next word can
start one. It does not end one after a title ("Gen.", "Mr."), an initial ("Donald
J. Trump"), "No." before a number, a decimal, or a dotted acronym ("U.S.") unless the
next word is a common sentence opener. Closing quotes and brackets after the stop stay
with the sentence they close.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that, followed by a period, are abbreviations rather than sentence ends.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "adm",
        "cmdr",
        "cdr",
        "rev",
        "sen",
        "rep",
        "gov",
        "pres",
        "amb",
        "sec",
        "gen",
        "st",
        "mt",
        "ft",
        "jr",
        "sr",
        "vs",
        "etc",
        "al",
        "approx",
        "dept",
        "est",
        "govt",
        "inc",
        "ltd",
        "co",
        "corp",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "e.g",
        "i.e",
        "cf",
        "op",
        "lt.gen",
        "brig",
        "hon",
    ]
)
# Abbreviations that only abbreviate before a number ("No. 2", "Art. 5").
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "art", "p", "pp", "vol", "ch", "para", "sec"})
# After a dotted acronym ("U.S."), a new sentence starts only with one of these words.
_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "its",
        "their",
        "our",
        "this",
        "that",
        "these",
        "those",
        "there",
        "but",
        "and",
        "in",
        "on",
        "at",
        "as",
        "after",
        "before",
        "when",
        "while",
        "however",
        "meanwhile",
        "yet",
        "so",
        "still",
        "also",
        "if",
        "what",
        "why",
        "how",
        "some",
        "many",
        "most",
        "no",
        "not",
        "one",
        "two",
        "both",
        "all",
        "such",
        "earlier",
        "later",
        "last",
        "next",
        "on",
        "under",
    ]
)

_CANDIDATE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_DOTTED_ACRONYM = re.compile(r"^(?:[A-Za-z]\.){1,}[A-Za-z]?$")
_GLUED_LINK = re.compile(r"(?:Read more|Read More|READ MORE)(?=\s+[A-Z“\"‘'])")  # also glued: "DaalderRead more"
_BULLET = re.compile(r"^(?:[-*•–—▪·]|\d{1,2}[.)])\s+")
_NEXT_WORD = re.compile(r"\s+([\"'“‘«(\[]*)(\S*)")


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` of the text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Split:
    """Sentences and paragraphs of one text; ``paragraph_of[i]`` is sentence i's paragraph."""

    sentences: tuple[Span, ...]
    paragraphs: tuple[Span, ...]
    paragraph_of: tuple[int, ...]


def paragraphs(text: str) -> list[Span]:
    """Non-blank lines of ``text`` as spans, stripped of surrounding white space."""
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append(Span(pos + lead, pos + lead + len(stripped)))
        pos = end + 1
    return out


def _is_boundary(text: str, stop_start: int, stop_end: int) -> bool:
    """Whether the punctuation run ``text[stop_start:stop_end]`` ends a sentence."""
    mark = text[stop_start]
    m = _NEXT_WORD.match(text, stop_end)
    if m is None:
        return True
    opener, word = m.group(1), m.group(2)
    if not word and not opener:
        return True
    first = (word or opener)[0]
    if first.islower():
        return False  # "e.g. the", "... said. and" — a sentence does not start lower-case
    if mark != ".":
        return True
    wb = _WORD_BEFORE.search(text, max(0, stop_start - 64), stop_start)  # a window: from 0 was quadratic
    if wb is None:
        return True
    before = wb.group(1)
    low = before.lower().rstrip(".")
    if low in _ABBREVIATIONS:
        return False
    if low in _NUMBER_ABBREVIATIONS and word[:1].isdigit():
        return False
    if len(before) == 1 and before.isupper():
        return False  # an initial: "Donald J. Trump"
    if _DOTTED_ACRONYM.match(before + "."):
        return word.lower().strip("\"'“”‘’,") in _OPENERS
    return True


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of ``text[start:end]`` (one paragraph) as stripped, non-empty spans.

    A page's "Read more" link glued between a headline and the next sentence also ends
    a sentence, so the link text stays out of the sentence that follows it.
    """
    end = len(text) if end is None else end
    cuts = [
        m.end()
        for m in _CANDIDATE.finditer(text, start, end)
        if m.end() < end and _is_boundary(text, m.start(), m.end())
    ]
    cuts += [m.end() for m in _GLUED_LINK.finditer(text, start, end) if m.end() < end]
    out: list[Span] = []
    cur = start
    for cut in sorted(set(cuts)):
        if cut > cur:
            _add(text, cur, cut, out)
            cur = cut
    _add(text, cur, end, out)
    return out


def _add(text: str, start: int, end: int, out: list[Span]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    bullet = _BULLET.match(stripped)
    if bullet and bullet.end() < len(stripped):
        stripped = stripped[bullet.end() :]  # a list bullet is layout, not part of the sentence
    if stripped:
        lead = chunk.index(stripped)
        out.append(Span(start + lead, start + lead + len(stripped)))


def split(text: str) -> Split:
    """Sentences and paragraphs of ``text``; no sentence crosses a line break."""
    paras = paragraphs(text)
    sents: list[Span] = []
    owner: list[int] = []
    for i, p in enumerate(paras):
        for s in sentence_spans(text, p.start, p.end):
            sents.append(s)
            owner.append(i)
    return Split(tuple(sents), tuple(paras), tuple(owner))
