"""Coreference within a paragraph: pronouns, bare titles and anaphors to the last fitting actor.

Deliberately simple and predictable, because an analyst must be able to see why a
sentence was given to a holder: a pronoun or "the president" takes the *last* earlier
mention in the same paragraph that fits it, and nothing across a paragraph break.

- he/him/his need a person (or a singular title) that is not known to be a woman;
  she/her one that is not known to be a man; they/them/their a group or a country.
- "the president", "the foreign minister" need a mention whose title is, or is covered
  by, that title ("the leader" also takes a president); "the ministry" a mention with
  that group role. Failing that, nothing: an unresolved bare title is dropped.
- "his spokesman", "their negotiators": the possessive is resolved like a pronoun, and
  the title is then looked up for the antecedent's code on the day.
- "the alliance", "the bloc" (actor anaphors) take their actor only if it was named
  earlier in the paragraph.

Non-holders ("Western leaders") and persons out of office take part as antecedents, so
"they" after "Western leaders" is dropped instead of going to an earlier country; they
are left out of the result unless asked for.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from datetime import date

from .matcher import PRONOUNS, Matcher, Raw
from .model import Mention

_POSSESSIVE_DET = {"his": "m", "her": "f", "their": "p", "its": "p"}


def _fits_pronoun(m: Raw, want: str, matcher: Matcher) -> bool:
    if want == "p":
        return m.kind in ("group", "country", "non_holder")
    if m.kind not in ("person", "title"):
        return False
    if m.person is None:
        return m.kind == "title"
    gender = matcher.data.persons[m.person].gender
    return gender is None or gender == want


def _fits_bare(m: Raw, bare: Raw, matcher: Matcher, on: date | None) -> bool:
    if m.kind == "non_holder" or not m.code:
        return False
    if bare.title is not None:
        wanted = matcher.expand(bare.title)
        if m.title in wanted:
            return True
        if m.person is not None and m.active:
            return any(r.title in wanted for r in matcher.data.persons[m.person].roles_on(on))
        return False
    return m.kind in ("group", "title") and m.role is not None and m.role == bare.role


def _last(history: list[Raw], test) -> Raw | None:
    for m in reversed(history):
        if test(m):
            return m
    return None


def _resolve_one(raw: Raw, history: list[Raw], matcher: Matcher, on: date | None) -> Raw | None:
    """The resolved form of a pronoun, bare title or anaphor, or None when nothing fits."""
    if raw.kind == "pronoun":
        want = PRONOUNS[raw.det]  # type: ignore[index]
        ante = _last(history, lambda m: _fits_pronoun(m, want, matcher))
        if ante is None:
            return None
        return Raw(raw.start, raw.end, "pronoun", ante.code, ante.person, ante.role, ante.title, ante.active)
    if raw.kind == "anaphor":
        ante = _last(history, lambda m: m.code == raw.code and m.kind != "non_holder")
        return None if ante is None else Raw(raw.start, raw.end, "country", raw.code)
    # bare title or group
    if raw.det == "the":
        ante = _last(history, lambda m: _fits_bare(m, raw, matcher, on))
        if ante is None:
            return None
        kind = "title" if raw.title is not None else "group"
        person = ante.person if raw.title is not None else None
        return Raw(raw.start, raw.end, kind, ante.code, person, raw.role, raw.title, ante.active)
    want = _POSSESSIVE_DET[raw.det]  # type: ignore[index]
    owner = _last(history, lambda m: _fits_pronoun(m, want, matcher) or (want == "p" and m.kind == "group"))
    if owner is None or not owner.code:
        return None
    if raw.title is not None:
        person = matcher.holder(owner.code, raw.title, on) if owner.active else None
        return Raw(raw.start, raw.end, "title", owner.code, person, raw.role, raw.title, owner.active)
    return Raw(raw.start, raw.end, "group", owner.code, None, raw.role, None, owner.active)


def to_mention(raw: Raw, text: str) -> Mention:
    return Mention(
        raw.start,
        raw.end,
        text[raw.start : raw.end],
        raw.code or "",
        raw.person,
        raw.kind,
        raw.role,
        raw.title,
        raw.active,
    )


def keep(raw: Raw, include_inactive: bool, include_non_holders: bool) -> bool:
    """Whether a resolved raw match is returned to the caller."""
    if raw.kind in ("bare", "anaphor", "honorific", "not_actor"):
        return False
    if raw.kind == "pronoun" and raw.code is None:
        return False
    if raw.kind == "non_holder":
        return include_non_holders
    return raw.active or include_inactive


def resolve(
    matcher: Matcher,
    text: str,
    sentences: Sequence[tuple[int, int]],
    paragraphs: Sequence[tuple[int, int]],
    on: date | None,
    include_inactive: bool,
    include_non_holders: bool,
) -> list[list[Mention]]:
    """Per sentence, its mentions with pronouns, bare titles and anaphors resolved (see module doc)."""
    para_starts = sorted(p[0] for p in paragraphs)
    out: list[list[Mention]] = []
    history: list[Raw] = []
    current = None
    for s_start, s_end in sentences:
        para = bisect_right(para_starts, s_start) - 1
        if para != current:
            history = []
            current = para
        mentions: list[Mention] = []
        for raw in matcher.scan(text, s_start, s_end, on):
            if raw.kind in ("pronoun", "bare", "anaphor"):
                resolved = _resolve_one(raw, history, matcher, on)
                if resolved is None:
                    continue
                raw = resolved
            history.append(raw)
            if keep(raw, include_inactive, include_non_holders):
                mentions.append(to_mention(raw, text))
        out.append(mentions)
    return out
