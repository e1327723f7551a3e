"""Salience for he/she/him: which earlier person a pronoun means when several fit.

Plain recency ("the last fitting mention") goes wrong when the last name sits in a phrase
("talks with Lavrov") or is the object of the sentence before. These rules, tried before
recency, follow who the text is about: a sentence's subject outranks a name in a
prepositional phrase, "He" opening a sentence continues the previous subject, "him" is
never the subject of its own clause, and "..., he said" after a quote is the speaker, not
a name inside the quote. A speaker the dictionary does not know ("said Olena Petrenko, an
analyst") takes the pronoun, which then names no holder.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from .names import Raw

if TYPE_CHECKING:
    from .coref import _Resolver


def last(history: list[Raw], test: Callable[[Raw], bool]) -> Raw | None:
    """The latest mention passing ``test``, or None."""
    for m in reversed(history):
        if test(m):
            return m
    return None


# A mention right after a preposition is in a phrase, not the one acting ("talks with Lavrov").
OBLIQUE = re.compile(
    r"(?<!\w)(?i:with|to|for|from|against|about|towards?|between|than|by|on|of|into|at|over|under|alongside|"
    r"opposite|beside|besides|among|near|behind|unlike)"
    r"[^\S\n]+(?:the[^\S\n]+)?(?:[A-Z][\w.-]*['’]s?[^\S\n]+)?\Z",
)
# What may open a sentence before its subject pronoun: a quote mark, "But", "And", "Later,".
OPENING = re.compile(r"[\s“\"«(]*(?:(?:But|And|Yet|So|Then|Later|However|Still|Instead|Also)[,\s]+)?")
# A fronted adjunct before the subject pronoun ("Speaking in Bali, with Lavrov in the room, he said"):
# the names inside it are circumstances; the pronoun continues the previous subject.
FRONTED = re.compile(
    r"[\s“\"«(]*(?:(?:But|And|Yet|Later|Then)[,\s]+)?"
    r"(?:[A-Z][a-z]+ing|After|Before|During|Asked|With|Upon|Following|Flanked|Alongside)\b[^.;:!?\n]*,[^\S\n]*"
)
# A subject and its own object pronoun: "Putin received him", "Xi told her".
_CLAUSE_VERB = re.compile(r"[^\S\n]+(?:[a-z]+[^\S\n]+){1,2}")


# "said Mykola Petrenko", "Olena Kovalenko, an analyst, said": a speaker by a name the dictionary lacks.
_NAME = r"[A-Z][\w'’-]+(?:[^\S\n]+[A-Z][\w'’-]+)+"
_UNKNOWN_SPEAKER = re.compile(
    rf"(?<!\w)(?:said|says|added|told reporters)[^\S\n]+{_NAME}(?=[^\S\n]*[,.])"
    rf"|(?<![\w'’])(?<!the )(?<!The ){_NAME}(?:,[^,\n]{{1,60}},)?[^\S\n]+(?:said|says|added)(?!\w)"
)


def is_subject(m: Raw, text: str, sentence_start: int) -> bool:
    """Whether a sentence's first mention is its subject: a person or title, not in a phrase or a quote."""
    if (m.kind not in ("person", "title") and (m.kind != "pronoun" or m.person is None)) or m.locative or m.possessive:
        return False
    lead = text[sentence_start : m.start]
    return len(lead) < 40 and not OBLIQUE.search(lead) and '"' not in lead and "“" not in lead


def salient(state: _Resolver, raw: Raw, fits: Callable[[Raw], bool]) -> Raw | None:
    """He/she by salience, before plain recency: a sentence's subject outranks a name in a phrase.

    "He" opening a sentence is the subject of the sentence before ("Zelensky spoke with
    Lavrov in the room. He said..." is Zelensky); "he" later in a sentence its subject
    ("Zelensky, meeting Lavrov, said he..."); "him" never the subject of its own clause
    ("Putin received him"). Otherwise the last fitting name not inside a prepositional
    phrase ("talks with Lavrov") goes before one that is.
    """
    text = state.text
    if raw.speaker and raw.det in ("he", "she"):
        # '"...," he said': the one quoted before, not a name inside the quote.
        outside = [m for m in state.history if fits(m) and not quoted(state, m)]
        if outside and outside[-1].speaker:
            return outside[-1]
        if not outside and state.carry_over:
            return last(state.previous, lambda m: m.speaker and fits(m))
        unquoted = fits

        def fits(m: Raw) -> bool:
            return unquoted(m) and not quoted(state, m)

    here = state.history[state.sentence_from :]
    if raw.det in ("he", "she", "his", "her") or raw.det is None:
        if raw.det in ("he", "she") and FRONTED.fullmatch(text, state.sentence_start, raw.start):
            return _after_adjunct(state, fits)
        if raw.det in ("he", "she") and OPENING.fullmatch(text, state.sentence_start, raw.start):
            subject = state.subject
            if subject is not None and fits(subject):
                return subject
        elif here:
            first = here[0]
            if first is not None and fits(first) and is_subject(first, text, state.sentence_start):
                return first
    clause = None
    if raw.det in ("him", "her"):
        clause = last(here, lambda m: _CLAUSE_VERB.fullmatch(text, m.end, raw.start) is not None)
    for m in reversed(state.history):
        if m is not clause and fits(m) and not OBLIQUE.search(text, max(0, m.start - 30), m.start):
            return m
    if state.carry_over and raw.det in ("he", "she"):
        # Only names in phrases here ("At talks with Lukashenko, he said"): the last speaker before.
        return last(state.previous, lambda m: m.speaker and fits(m))
    return None


def _after_adjunct(state: _Resolver, fits: Callable[[Raw], bool]) -> Raw | None:
    """The subject pronoun after a fronted adjunct: who the text was about before this sentence."""
    subject = state.subject
    if subject is not None and fits(subject):
        return subject
    text = state.text

    def acting(m: Raw) -> bool:
        return fits(m) and not OBLIQUE.search(text, max(0, m.start - 30), m.start)

    earlier = last(state.history[: state.sentence_from], acting)
    if earlier is not None or not state.carry_over:
        return earlier
    return last(state.previous, acting)


def unknown_speaker(text: str, history: list[Raw], start: int, end: int) -> bool:
    """Whether a name the dictionary does not know speaks in text[start:end] ("said Olena Petrenko")."""
    for match in _UNKNOWN_SPEAKER.finditer(text, start, end):
        s, e = match.span()
        if not any(m.start < e and s < m.end for m in history if m.kind != "demonym"):
            return True
    return False


def quoted(state: _Resolver, m: Raw) -> bool:
    """Whether a mention is inside a quotation of the current paragraph."""
    return any(s <= m.start < e for s, e, _closed in state.quotes)
