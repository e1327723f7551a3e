"""The small phrase language of the lexicon files, compiled to regular expressions.

Users tune cue lists in YAML, and most of them are not regex writers, so a phrase is
written as plain words with four conveniences: ``word*`` (any continuation; ``*n't`` any beginning),
``(a|b)`` (a choice, ``(the )?`` optional), ``~`` (up to three words in between) and a
hyphen that also matches a space or nothing ("cease-fire" finds "ceasefire"). Each
family of phrases compiles once into one alternation, so matching a sentence costs one
regex search per family.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..actors.trie import trie_regex

_GAP = r"(?:[^\w]+[\w'’-]+){0,3}?[^\w]+"
_SEP = r"[^\w]+"


class PhraseError(ValueError):
    """A phrase that cannot be compiled; the message says why."""


def phrase_to_regex(phrase: str) -> str:
    """The regular expression (a string) for one lexicon phrase."""
    text = " ".join(phrase.split())
    if not text:
        raise PhraseError("empty phrase")
    bad = sorted(set(text) & set("\\[]{}^$+"))
    if bad:
        raise PhraseError(f"{''.join(bad)!r} has no meaning in a phrase (write regular expressions under 'patterns:')")
    out: list[str] = []
    depth = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if text.startswith(" ~ ", i):
            out.append(_GAP)
            i += 3
            continue
        if ch == " ":
            out.append(_SEP)
        elif ch == "(":
            depth += 1
            out.append("(?:")
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise PhraseError("unbalanced ')'")
            out.append(")")
        elif ch == "|":
            if depth == 0:
                raise PhraseError("'|' outside a (choice)")
            out.append("|")
        elif ch == "?":
            out.append("?")
        elif ch == "*":
            out.append(r"[\w'’-]*")
        elif ch == "-":
            out.append(r"[-‐–\s]?")
        elif ch in "'’":
            out.append("['’]")
        else:
            out.append(re.escape(ch))
        i += 1
    if depth:
        raise PhraseError("unbalanced '('")
    body = "".join(out)
    # Word boundaries where the phrase starts or ends with a letter or digit.
    first = text.lstrip("(")[:1]
    prefix = r"\b" if first.isalnum() else ""
    if text.startswith("*"):
        prefix = ""  # "*n't": a word ending, so no boundary before it
    last = text.rstrip(")?")[-1:]
    suffix = r"\b" if last.isalnum() else ""
    if text.endswith(("*", "?", ")", ")?")):
        suffix = r"(?![\w])" if not text.endswith(")?") else ""
    return prefix + body + suffix


def compile_phrases(phrases: list[str], *, raw: bool = False) -> re.Pattern[str] | None:
    """One case-insensitive alternation of ``phrases`` (longest first), or None when empty.

    ``raw`` phrases are regular expressions already (the debris list).
    """
    if not phrases:
        return None
    parts = [p if raw else phrase_to_regex(p) for p in sorted(set(phrases), key=len, reverse=True)]
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


class RawPatterns:
    """Raw regular expressions searched as one, with the ``^``-anchored ones tried only at the start.

    One alternation mixing anchored and free patterns is tried at every position of the text;
    split in two, the anchored half costs one attempt and only the free half scans.
    """

    def __init__(self, patterns: list[str]) -> None:
        anchored = [p for p in patterns if p.startswith("^")]
        free = [p for p in patterns if not p.startswith("^")]
        self._anchored = compile_phrases(anchored, raw=True)
        self._free = compile_phrases(free, raw=True)

    def search(self, text: str) -> re.Match[str] | None:
        found = self._anchored.match(text) if self._anchored is not None else None
        if found is None and self._free is not None:
            found = self._free.search(text)
        return found


def check_phrase(phrase: str, *, raw: bool = False) -> None:
    """Raise PhraseError (with the regex error's reason) when ``phrase`` is unusable."""
    try:
        re.compile(phrase if raw else phrase_to_regex(phrase), re.IGNORECASE)
    except re.error as exc:
        raise PhraseError(str(exc)) from None


_STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "from",
        "into",
        "its",
        "his",
        "her",
        "their",
        "our",
        "was",
        "were",
        "are",
        "has",
        "have",
        "had",
        "that",
        "this",
    ]
)


def _parse(text: str, i: int = 0) -> tuple[list, int]:
    """The phrase as a sequence of words and groups; a group is (alternatives, optional)."""
    seq: list = []
    alts: list[list] = []
    word = ""
    while i < len(text):
        ch = text[i]
        if ch == "(":
            if word:
                seq.append(word)
                word = ""
            inner, i = _parse(text, i + 1)
            optional = i + 1 < len(text) and text[i + 1] == "?"
            seq.append((inner, optional))
            i += 2 if optional else 1
            continue
        if ch == ")":
            break
        if ch == "|":
            if word:
                seq.append(word)
                word = ""
            alts.append(seq)
            seq = []
        elif ch in " ~":
            if word:
                seq.append(word)
                word = ""
        else:
            word += ch
        i += 1
    if word:
        seq.append(word)
    if alts:
        alts.append(seq)
        return alts, i  # type: ignore[return-value]
    return [seq], i  # type: ignore[return-value]


def _anchor_cost(words: set[str]) -> int:
    """How often a set of anchors lets a sentence through: short words occur inside many others
    ("let" in "complete", "not" in "another"), so they cost more than long ones."""
    return sum(1 if len(w) >= 5 else 3 if len(w) == 4 else 8 for w in words)


def _anchors(seq: list) -> set[str] | None:
    best = ""
    for item in seq:
        if isinstance(item, str) and not item.startswith("*") and item not in _STOP:
            word = item.split("*")[0].replace("-?", "-")  # an optional hyphen keeps both halves
            if "?" in word:
                word = word[: max(0, word.index("?") - 1)]  # "suggests?": the "s" is optional
            stem = max(re.split(r"[-'’]", word), key=len)
            if len(stem) > len(best):
                best = stem
    if len(best) >= 5:
        return {best}
    options = [{best}] if len(best) >= 3 else []
    for item in seq:
        if isinstance(item, tuple) and not item[1]:
            union: set[str] = set()
            for alt in item[0]:
                found = _anchors(alt)
                if found is None:
                    union = set()
                    break
                union |= found
            if union:
                options.append(union)
    return min(options, key=_anchor_cost) if options else None


def anchors_of(phrase: str) -> set[str] | None:
    """Lower-case substrings one of which every match of ``phrase`` contains (None: no such set).

    They make a cheap pre-filter: a sentence containing none of an issue's anchors cannot
    match any of its terms, so the full regex is not run on it.
    """
    alternatives, _ = _parse(" ".join(phrase.lower().split()))
    union: set[str] = set()
    for seq in alternatives:
        found = _anchors(seq)
        if found is None:
            return None
        union |= found
    return union


class AnchorScan:
    """Every occurrence of many anchor words in one pass over a lower-cased document.

    A substring search per anchor reads the document once per anchor; a lookahead trie
    reports the longest anchor at each position in one pass, and the anchors that are its
    prefixes ("evacuat" in "evacuation") occur there too.
    """

    def __init__(self, words: frozenset[str] | set[str]) -> None:
        ordered = sorted(w for w in words if w)
        self.usable = bool(ordered) and not any(c.isspace() for w in ordered for c in w)
        self._scan = re.compile("(?=(" + trie_regex(ordered) + "))") if self.usable else None
        self._prefixes = {w: [v for v in ordered if w.startswith(v)] for w in ordered}

    def locate(self, low: str) -> list[tuple[int, int, str]] | None:
        """(start, end, word) of each occurrence in ``low``, sorted; None when unusable."""
        if self._scan is None:
            return None
        prefixes = self._prefixes
        return sorted(
            (m.start(), m.start() + len(word), word) for m in self._scan.finditer(low) for word in prefixes[m.group(1)]
        )


class PhraseSet:
    """A family of phrases matched like one alternation, but only where their anchors occur.

    Running one big alternation over every sentence costs a try of every phrase at every
    position. Here each phrase is compiled alone and tried only on sentences containing its
    anchor word (one cheap literal search first); phrases without an anchor always run.
    Matches come back leftmost first, the longer of two that start together, with no
    overlaps, the way the alternation would give them.
    """

    def __init__(self, phrases: list[str]) -> None:
        self._by_anchor: dict[str, list[re.Pattern[str]]] = {}
        self._always: list[re.Pattern[str]] = []
        # after narrow(): anchor occurrences in the document (starts, (start, end, anchor)) for spans(at=)
        self._located: tuple[list[int], list[tuple[int, int, str]]] | None = None
        for phrase in sorted(set(phrases)):
            pattern = re.compile(phrase_to_regex(phrase), re.IGNORECASE)
            found = anchors_of(phrase)
            if found is None:
                self._always.append(pattern)
                continue
            for anchor in found:
                self._by_anchor.setdefault(anchor, []).append(pattern)
        self.pattern = "|".join(f"(?:{phrase_to_regex(p)})" for p in sorted(set(phrases), key=len, reverse=True))

    @property
    def anchor_words(self) -> frozenset[str]:
        return frozenset(self._by_anchor)

    def narrow(self, document: str, located: list[tuple[int, int, str]] | None = None) -> PhraseSet:
        """The same set restricted to the anchors that occur in ``document`` (once per article).

        ``located``: every anchor occurrence in the document as (start, end, word), sorted, from
        one ``AnchorScan`` shared by several sets; else each anchor is searched for here.
        """
        low = document.lower()
        view = PhraseSet.__new__(PhraseSet)
        view._always = self._always
        view.pattern = self.pattern
        view._located = None
        if located is not None and len(low) == len(document):
            own = [f for f in located if f[2] in self._by_anchor]
            view._by_anchor = {w: self._by_anchor[w] for w in {f[2] for f in own}}
            view._located = ([f[0] for f in own], own)
            return view
        view._by_anchor = {w: p for w, p in self._by_anchor.items() if w in low}
        if len(low) == len(document):  # lower() kept every offset: anchors can be located once
            found: list[tuple[int, int, str]] = []
            for word in view._by_anchor:
                at = low.find(word)
                while at >= 0:
                    found.append((at, at + len(word), word))
                    at = low.find(word, at + 1)
            found.sort()
            view._located = ([f[0] for f in found], found)
        return view

    def __bool__(self) -> bool:
        return bool(self._always or self._by_anchor)

    def spans(self, text: str, at: int | None = None) -> list[tuple[int, int]]:
        """Non-overlapping match spans, leftmost-longest.

        ``at``: where ``text`` starts in the document this set was narrowed to; the anchors
        found there once are then looked up instead of searched for again.
        """
        candidates: list[re.Pattern[str]] = list(self._always)
        located = self._located
        if at is not None and located is not None:
            starts, found = located
            end = at + len(text)
            words = {w for _, stop, w in found[bisect_left(starts, at) : bisect_left(starts, end)] if stop <= end}
            for word in words:
                candidates.extend(self._by_anchor[word])
        else:
            low = text.lower()
            for word, patterns in self._by_anchor.items():
                if word in low:  # a plain substring test per anchor: nested anchors ("evacuat", "evacuation") all count
                    candidates.extend(patterns)
        if not candidates:
            return []
        if len(candidates) == 1:  # one pattern's own matches never overlap: nothing to sort out
            return [(m.start(), m.end()) for m in candidates[0].finditer(text) if m.end() > m.start()]
        found = sorted(
            {(m.start(), m.end()) for p in set(candidates) for m in p.finditer(text) if m.end() > m.start()},
            key=lambda se: (se[0], -se[1]),
        )
        out: list[tuple[int, int]] = []
        end = -1
        for s, e in found:
            if s >= end:
                out.append((s, e))
                end = e
        return out
