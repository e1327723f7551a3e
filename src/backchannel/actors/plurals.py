"""Plural coreference: "they" for two actors, and "both sides", "the two leaders".

"they" may mean two actors named together ("Kyiv and Moscow agreed..., but they") or two
people of different sides who did something together in one sentence ("Trump spoke with
Putin. They agreed"). "Both sides", "the sides" acting are the pair named together in the
paragraph ("talks between Moscow and Kyiv ... Turkey hosted the sides"), else the war's two
sides once both are named (the actor file's ``belligerents``), else the last two actors named; "the two leaders" the last two sitting leaders.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .cues import LIST_GAP
from .names import Raw
from .salience import OBLIQUE, last

if TYPE_CHECKING:
    from .coref import _Resolver

ACTING = ("person", "title", "group", "country", "pronoun")
_AND = re.compile(r"[^\S\n]*(?:and|&)[^\S\n]*")
# Two people in one sentence doing something together: "Trump spoke with Putin", "Xi met Lula".
_TOGETHER = re.compile(
    r"(?<!\w)(?:and|with|met|meets|meeting|called|phoned|spoke to|talked to|thanked|hosted|received|welcomed|"
    r"joined|between)(?!\w)"
)
_SENTENCE_END = re.compile(r"[.!?][\"”’]?(?:\s|$)")


def joined(text: str, acting: list[Raw]) -> tuple[Raw, Raw] | None:
    """The latest two actors of different sides joined by "and" ("Kyiv and Moscow")."""
    for a, b in zip(acting[-2::-1], acting[:0:-1], strict=False):
        if a.code != b.code and _AND.fullmatch(text, a.end, b.start):
            return a, b
    return None


def pair(state: _Resolver, pool: list[Raw]) -> tuple[Raw, Raw] | None:
    """The two actors a "they" means: the latest "X and Y" ("Kyiv and Moscow agreed... they"),
    or two people of different sides who did something together in one sentence ("Trump
    spoke with Putin. They agreed"), whichever is later.
    """
    acting = [m for m in pool if m.kind in ACTING and m.code and not m.locative]
    joined_pair = joined(state.text, acting)
    people = [m for m in acting if m.person is not None and m.active]
    if len(people) >= 2:
        b = people[-1]
        a = last(people[:-1], lambda m: m.code != b.code)
        if a is not None and (joined_pair is None or b.start > joined_pair[1].start):
            between = state.text[a.end : b.start]
            if len(between) < 160 and not _SENTENCE_END.search(between) and _TOGETHER.search(between):
                return a, b
    return joined_pair


def _belligerents(state: _Resolver, raw: Raw) -> list[Raw]:
    """The latest mention of each of the war's sides, when both have been named before ``raw``
    ("Russia and Ukraine signed deals with Turkey and the UN. ... both sides committed": not the UN)."""
    wanted = state.matcher.data.belligerents
    latest: dict[str, Raw] = {}
    for m in state.all:
        if m.start < raw.start and m.code in wanted and m.kind in ACTING and not m.locative:
            latest[m.code] = m
    if len(latest) < 2:
        return []
    return sorted(latest.values(), key=lambda m: m.start, reverse=True)


_LISTED_KINDS = ("country", "group", "person")
# "our partners", "all our allies": the speaker's own list; "their partners" or "European allies" are not.
_OURS_BEFORE = re.compile(r"(?<!\w)(?:our|all)[^\S\n]+$", re.IGNORECASE)


def listed(state: _Resolver, raw: Raw) -> list[Raw]:
    """The actors of the paragraph's latest list of three or more ("our partners, including
    China, India, Brazil and South Africa. ... our partners supported it"): one mention each,
    on the span of the description. Nothing when the paragraph has no such list."""
    demonstrative = state.text[raw.start : raw.end].lower().startswith(("these", "those", "all these", "all those"))
    if not demonstrative and not _OURS_BEFORE.search(state.text, max(0, raw.start - 12), raw.start):
        return []
    runs: list[list[Raw]] = []
    for m in state.history:
        if m.start >= raw.start or not m.code or m.kind not in _LISTED_KINDS:
            continue
        if runs and LIST_GAP.fullmatch(state.text, runs[-1][-1].end, m.start):
            runs[-1].append(m)
        else:
            runs.append([m])
    for run in reversed(runs):
        codes = list(dict.fromkeys(m.code for m in run))
        if len(codes) >= 3:
            return [Raw(raw.start, raw.end, "group", code, None, raw.code, None, True, det="plural") for code in codes]
    return []


def plural(state: _Resolver, raw: Raw) -> list[Raw]:
    """One mention per side for "both sides", "the two leaders": the pair named together
    ("talks between Russia and Ukraine ... Turkey hosted the sides": Turkey is the host,
    not a side), else the last two actors named; in the paragraph, else earlier.
    """
    if raw.code == "listed":
        return listed(state, raw)
    leaders = raw.code == "leader"
    for pool in (state.history, state.all):
        sides: list[Raw] = []
        # Only where the sides act ("both sides committed"); "talks between the sides" keeps recency.
        if not leaders and pool is state.history and not OBLIQUE.search(state.text, max(0, raw.start - 30), raw.start):
            acting = [m for m in pool if m.kind in ACTING and m.code and not m.locative and m.active]
            found = joined(state.text, [m for m in acting if m.start < raw.start])
            if found is not None:
                sides = [found[1], found[0]]
            elif raw.code == "side":
                sides = _belligerents(state, raw)
        for m in reversed(pool):
            if len(sides) == 2:
                break
            if m.kind not in ACTING or not m.code or m.locative or not m.active or m.start >= raw.start:
                continue
            if leaders and (m.person is None or m.role != "leader"):
                continue
            if all(s.code != m.code for s in sides):
                sides.append(m)
        if len(sides) == 2:
            role = "leader" if leaders else raw.code
            return [
                Raw(
                    raw.start,
                    raw.end,
                    "group",
                    s.code,
                    s.person if leaders else None,
                    role,
                    None,
                    True,
                    det="plural",
                )
                for s in reversed(sides)
            ]
    return []
