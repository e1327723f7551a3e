"""Which issue a term or a stance cue belongs to when a sentence names more than one.

"Another round of talks is coming, since we seek peace": "seek"
is about peace, not about the round of talks. "the sides' recommitment to the ceasefire"
after "support for the Normandy talks": the recommitment's object is the truce. And a
side's "negotiators" named as its actor are people, not a mention of talks.
"""

from __future__ import annotations

import re

from .analysis import Cue
from .holders import Actorish

_WORDS = re.compile(r"[\w'’-]+")
_CONJUNCT = re.compile(r"\band\b|,")
_NEGOTIATORS = re.compile(r"negotiators?|negotiating team|negotiation team", re.IGNORECASE)


def outside_names(hits: dict[str, list[Cue]], mentions: list[Actorish]) -> dict[str, list[Cue]]:
    """Drop a side's own negotiators named as its actor ("Ukrainian negotiators said" names people, not talks).

    Mediators stay: a third party mediating is talks ("told the Qatari mediators it would no longer take part").
    """
    out = {}
    for code, cues in hits.items():
        kept = [
            c
            for c in cues
            if not (
                _NEGOTIATORS.fullmatch(c.text)
                and any(m.start <= c.start and c.end <= m.end and m.role != "document" for m in mentions)
            )
        ]
        if kept or not cues:
            out[code] = kept
    return out


def nearest_issue_is(sentence: str, cue: Cue, terms: list[Cue], other_terms: list[Cue]) -> bool:
    """Whether the cue's nearest issue term (in words, its object after it first) is one of ``terms``."""

    def gap(t: Cue) -> int:
        lo, hi = (t.end, cue.start) if t.end <= cue.start else (cue.end, t.start)
        return len(_WORDS.findall(sentence, lo, max(lo, hi)))

    # a stance noun's object follows it ("recommitment ... to the ceasefire"): look there first
    after = [t for t in terms + other_terms if t.start >= cue.end]
    pool_mine = [t for t in terms if t.start >= cue.end] if after else terms
    pool_theirs = [t for t in other_terms if t.start >= cue.end] if after else other_terms
    mine = min((gap(t) for t in pool_mine), default=None)
    theirs = min((gap(t) for t in pool_theirs), default=None)
    return mine is not None and (theirs is None or mine < theirs)


def owned_elsewhere(sentence: str, cue: Cue, terms: list[Cue], other_terms: list[Cue]) -> bool:
    """Whether a stance cue takes another issue's term as its object, far from this issue's terms.

    "Another round of talks is coming, since we are looking for peace": "looking for" is
    about peace, not about the round of talks named in the other clause.
    """
    if not terms or any(t.end > cue.start for t in terms):
        return False  # "call on Kyiv to halt hostilities and return to the table": the call governs both
    owned = any(
        (t.start <= cue.start < t.end) or (t.start >= cue.end and len(_WORDS.findall(sentence[cue.end : t.start])) <= 2)
        for t in other_terms
    )
    if not owned:
        return False
    # Far from this issue's terms, or in another conjunct ("back-channel diplomacy and an interest in a truce")
    return all(
        len(_WORDS.findall(sentence[t.end : cue.start])) >= 5 or _CONJUNCT.search(sentence, t.end, cue.start)
        for t in terms
    )
