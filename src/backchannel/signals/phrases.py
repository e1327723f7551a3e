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

_GAP = r"(?:[^\w]+[\w'’-]+){0,3}?[^\w]+"
_SEP = r"[^\w]+"


class PhraseError(ValueError):
    """A phrase that cannot be compiled; the message says why."""


def phrase_to_regex(phrase: str) -> str:
    """The regular expression (a string) for one lexicon phrase."""
    text = " ".join(phrase.split())
    if not text:
        raise PhraseError("empty phrase")
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


def check_phrase(phrase: str, *, raw: bool = False) -> None:
    """Raise PhraseError (with the regex error's reason) when ``phrase`` is unusable."""
    try:
        re.compile(phrase if raw else phrase_to_regex(phrase), re.IGNORECASE)
    except re.error as exc:
        raise PhraseError(str(exc)) from None
