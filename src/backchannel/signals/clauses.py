"""Clause-level checks for one issue's signals in a sentence: what the cues are about.

A report that talks took place states no position; the target of an aim ("a strategic
defeat on Russia") does not hold it; the owner of an issue's own phrase ("Ukraine's bid
to join") holds that phrase's stance too.
"""

from __future__ import annotations

import re

from .analysis import Cue
from .holders import Actorish

_TARGET_AFTER = re.compile(r"[\"”’]?\s+(?:on|upon|against)\s+(?:the\s+)?$", re.IGNORECASE)


def targets_of_terms(sentence: str, terms: list[Cue], mentions: list[Actorish]) -> set[str]:
    """Codes named right after an issue term as its target ("a strategic defeat on Russia")."""
    out = set()
    for t in terms:
        for m in mentions:
            if m.code and m.start > t.end and _TARGET_AFTER.match(sentence[t.end : m.start]):
                out.add(m.code)
    return out


_OWNER_GAP = re.compile(r"^['’]s?\s+$")


def owners_of_issue_phrases(
    sentence: str, mentions: list[Actorish], issue_polar: tuple[Cue, ...], seen: set[str]
) -> list[tuple[Actorish, Cue]]:
    """Possessive owners right before an issue's own stance phrase ("Ukraine's bid to join"), not yet holders."""
    out = []
    for cue in issue_polar:
        if cue.kind != "open":
            continue  # "Ukraine's neutrality" demanded by Moscow is Moscow's demand, not Ukraine's offer
        owner = next(
            (m for m in mentions if m.end <= cue.start and _OWNER_GAP.match(sentence[m.end : cue.start])), None
        )
        if owner is not None and owner.code and owner.code not in seen and seen:
            out.append((owner, cue))
    return out


# A report that talks took place ("teams met in Jeddah to negotiate terms for peace", "officials have
# been in talks for weeks to try to reach a deal") states no position (SIGNALS.md): the cues are only the aim.
_TALKS_EVENT = re.compile(
    r"\b(?:met|held talks|(?:have|has|had) been (?:in|holding) talks|(?:are|were) in talks|sat down|gathered)\b",
    re.IGNORECASE,
)
_PURPOSE = re.compile(r"\b(?:to|in order to|aimed at|aiming to|seeking to)\s", re.IGNORECASE)


def only_the_aim_of_talks(sentence: str, sc) -> bool:
    event = _TALKS_EVENT.search(sentence)
    cues = list(sc.polar) + list(sc.conditions)
    if event is None or not cues or any(c.start < event.end() for c in cues):
        return False
    return all(_PURPOSE.search(sentence, event.end(), c.start + 1) is not None for c in cues)


_BY = re.compile(r"\s+by\s+", re.IGNORECASE)


def passive_agent(sentence: str, cue: Cue, mentions: list[Actorish]) -> tuple[bool, Actorish | None]:
    """Whether a participle cue is passive with an agent ("dismissed by ..."), and the agent if an actor.

    "a plan that observers quickly waved away" is no one's position; "the truce
    was rejected by Kyiv" is Kyiv's.
    """
    if not cue.text.lower().endswith("ed"):
        return False, None
    by = _BY.match(sentence, cue.end)
    if by is None:
        return False, None
    agent = next((m for m in mentions if m.code and by.end() <= m.start <= by.end() + 12), None)
    if agent is None and not _ONLOOKERS.match(sentence, by.end()):
        return False, None  # "could be stopped by a truce": an instrument, not an agent
    return True, agent


# Agents who take no position of a side: "dismissed by most observers", "welcomed by analysts".
_ONLOOKERS = re.compile(
    r"(?:(?:most|many|some|several|the|western|foreign|independent|other)\s+)*"
    r"(?:observers|analysts|critics|experts|commentators|people|citizens|media|journalists|others|pundits)\b",
    re.IGNORECASE,
)
