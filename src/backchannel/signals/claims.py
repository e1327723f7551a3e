"""Claims about the other side: "accused Russia of breaking the truce", "both sides blamed each other".

SIGNALS.md: one side's claim about the other is a signal of the side described
(opposed, source third_party). These records come on top of what the stance rules find
in the same sentence; a mutual claim replaces them for the sides it names.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from .analysis import Cue, StanceCues, finditer, inside, stance_cues
from .context import DocContext, Topic
from .found import Found, build_record, side
from .holders import Actorish, Attribution, subject_before
from .lexicon import Lexicon


class _Scope(NamedTuple):
    """The sentence the claim rules work on, as the extractor passes it."""

    lex: Lexicon
    ctx: DocContext
    index: int
    sentence: str
    hits: dict[str, list[Cue]]
    quotes: list[tuple[int, int]]
    mentions: list[Actorish]
    carried: str
    topic: Topic | None
    last: Topic | None  # the latest signal sentence, in any paragraph


def onlooker(lex: Lexicon, m: Actorish | None) -> bool:
    """An actor outside the war who accuses a side ("Johnson blamed Russia for breaches").

    SIGNALS.md counts "accusing the other side" of a breach: a claim by one side about the
    other. An onlooker's accusation is its own view of the war, no record of the accused.
    """
    sides = lex.actors.data.belligerents
    return m is not None and bool(m.code) and bool(sides) and m.code not in sides


_ACCUSING = re.compile(r"(?:accus|blam)", re.IGNORECASE)


def onlooker_accusation(lex: Lexicon, attr: Attribution) -> bool:
    """Whether the sentence's reporting verb is an onlooker accusing a side ("Johnson blamed Russia")."""
    return (
        attr.claim and attr.verb is not None and bool(_ACCUSING.match(attr.verb.text)) and onlooker(lex, attr.speaker)
    )


def before_the_accusation(sc: StanceCues, attr: Attribution) -> tuple[StanceCues, Attribution]:
    """The cues before the accusing verb, as the onlooker's own words ("Macron urged a truce and accused ...")."""
    assert attr.verb is not None
    at = attr.verb.start
    sc = replace(
        sc, polar=tuple(c for c in sc.polar if c.end <= at), conditions=tuple(c for c in sc.conditions if c.end <= at)
    )
    return sc, Attribution(attr.speaker, attr.source_cue, None, (0, at))


_MUTUAL = re.compile(r"\s+(?:each other|one another)\b", re.IGNORECASE)
_WORD_RE = re.compile(r"[\w'’-]+")
_ACCUSED_WITHIN = 25  # characters between the claim verb and the accused ("accused the Kremlin of")
_BREACH_WITHIN = 12  # words after the accused in which the breach must be named


def _accused_sides(scope: _Scope, found: list[Found]) -> list[Found]:
    """Records for a side accused of breaking a truce or refusing talks in a clause of its own.

    "Zelensky said Ukraine would back a pause, but he accused Russia of shelling a hospital":
    the first clause is Ukraine's position; the accusation is a claim about Russia
    (SIGNALS.md: that side / opposed / third_party). Only an accusation whose object names a
    breach or refusal counts ("accused Russia of war crimes" says nothing about the truce).
    """
    lex, ctx, index, sentence, hits, quotes, mentions, carried, topic, _last = scope
    if lex.cues.claims is None or lex.cues.breaches is None or not hits:
        return []
    have = {(f.holder, f.issue) for f in found}
    out: list[Found] = []
    for claim in finditer(lex.cues.claims, sentence, "claim"):
        if inside(claim.start, quotes) or not claim.text.lower().startswith(("accus", "blam")):
            continue
        if _MUTUAL.match(sentence, claim.end):
            # "both sides blamed each other": a claim about each side, by the other.
            out += _mutual_claims(scope, claim, have)
            continue
        accused = next((m for m in mentions if m.code and 0 <= m.start - claim.end <= _ACCUSED_WITHIN), None)
        if accused is None:
            continue
        tail_words = list(_WORD_RE.finditer(sentence, accused.end))[:_BREACH_WITHIN]
        limit = tail_words[-1].end() if tail_words else accused.end
        if not any(accused.end <= b.start < limit for b in finditer(lex.cues.breaches, sentence, "breach")):
            continue
        before = [m for m in mentions if m.end <= claim.start and m.code != accused.code]
        speaker = subject_before(sentence, before, claim.start, 0) or (before[-1] if before else None)
        if onlooker(lex, speaker):
            continue
        code = min(hits, key=lambda c: min(abs(t.start - claim.start) for t in hits[c]) if hits[c] else 0)
        if (accused.code, code) in have:
            continue
        attr = Attribution(speaker, None, claim, (claim.end, len(sentence)), True)
        sc = stance_cues(lex, code, sentence, hits[code])
        term = hits[code][0].text if hits[code] else None
        rec = build_record(
            lex, ctx, index, sentence, code, term, quotes, sc, attr, accused, "accused side", carried, topic
        )
        credited = ("third_party", f"speaker {speaker.text!r}") if speaker is not None else ("author", "no speaker")
        rec.restate("opposed", f"accused by a claim: {claim.text!r}", *credited)
        have.add((accused.code, code))
        out.append(rec)
    return out


def _mutual_claims(scope: _Scope, claim: Cue, have: set[tuple[str, str]]) -> list[Found]:
    lex, ctx, index, sentence, hits, quotes, mentions, carried, topic, _last = scope
    sides = ctx.sides(index, before=claim.start)[:2]
    if len(sides) < 2:
        return []
    code = min(hits, key=lambda c: min(abs(t.start - claim.start) for t in hits[c]) if hits[c] else 0)
    sc = stance_cues(lex, code, sentence, hits[code])
    term = hits[code][0].text if hits[code] else None
    out = []
    for code_, other in ((sides[0], sides[1]), (sides[1], sides[0])):
        # Overrides what the sentence's other rules found for the side: the claim is what it says of it.
        attr = Attribution(
            Actorish(0, 0, other, other, None, "country", None), None, claim, (claim.end, len(sentence)), True
        )
        rec = build_record(
            lex, ctx, index, sentence, code, term, quotes, sc, attr, side(code_), "mutual claim", carried, topic
        )
        rec.restate("opposed", f"each side blames the other: {claim.text!r}", "third_party", f"the other side, {other}")
        rec.overrides = True
        have.add((code_, code))
        out.append(rec)
    return out


# "painting it as a reluctant peacemaker", "called the reply a refusal", "Erdogan, whom the Kremlin
# chief described as truly wanting an end": the one described holds what follows "as".
_DESCRIBED = re.compile(
    r"\b(?:described|describes|describing|painted|paints|painting|portrayed|portrays|portraying|depicted|"
    r"depicts|depicting|branded|brands|branding|cast|casts|casting)\s+(?:(?P<object>[^,;.]{1,60}?)\s+)?as\b",
    re.IGNORECASE,
)
# What one side said or did, named without its author: "the answer", "his reply", "that offer".
_ACT_NOUN = re.compile(
    r"(?:the|this|that|his|her|its|their)\s+(?:latest\s+|new\s+|first\s+)?(?:answer|reply|response|offer|proposal"
    r"|statement|position|move|decision)",
    re.IGNORECASE,
)
_PHRASE_END = re.compile(r"[,;]|\s(?:and|but|while)\s", re.IGNORECASE)
_WHO_BEFORE = re.compile(r",\s*(?:who|whom)\s+[^,;]{0,60}$", re.IGNORECASE)


def _described_sides(scope: _Scope) -> list[Found]:
    """Records for the side a speaker describes as holding a position (a claim about it: third_party).

    The side is the object of the verb ("painting it as", "described Putin's answer as") or,
    with no object, the one a relative clause hangs on ("Trump, who the Russian leader
    described as ..."). Its stance is that of the cues after "as"; the describer speaks.
    """
    lex, ctx, index, sentence, hits, quotes, mentions, carried, topic, last = scope
    out: list[Found] = []
    for m in _DESCRIBED.finditer(sentence):
        if inside(m.start(), quotes):
            continue
        if m.group("object") is not None:
            lo, hi = m.start("object"), m.end("object")
            described = next((a for a in mentions if a.code and lo <= a.start < hi), None)
            if described is None and m.group("object").strip().lower() in ("it", "them", "him", "her"):
                # "put pressure on Russia, painting it as ...": the pronoun is the last actor named
                described = next((a for a in reversed(mentions) if a.code and a.end <= m.start()), None)
            latest = topic or last
            if described is None and latest is not None and _ACT_NOUN.fullmatch(m.group("object").strip()):
                # "Putin agreed in principle. Kyiv described the answer as a refusal": the answer is his
                described = side(latest.holder)
        else:
            who = _WHO_BEFORE.search(sentence, 0, m.start())
            described = None
            if who is not None:
                described = next((a for a in reversed(mentions) if a.code and a.end <= who.start()), None)
        if described is None:
            continue
        describer = next((a for a in mentions if a.code and a.end <= m.start() and a.code != described.code), None)
        for code, terms in hits.items():
            # the issue after "as", or named by the object itself ("described the answer as a refusal")
            after = [t for t in terms if t.start >= m.end()]
            if m.group("object") is not None:
                after += [t for t in terms if m.start("object") <= t.start < m.end("object")]
            if terms and not after:
                continue
            sc = stance_cues(lex, code, sentence[: len(sentence)], terms)
            # What follows "as", up to where the describer's next act begins ("... as manipulative and called for")
            stop = _PHRASE_END.search(sentence, m.end())
            limit = stop.start() if stop is not None else len(sentence)
            polar = [c for c in sc.polar if m.end() <= c.start < limit]
            if not polar:
                continue
            attr = Attribution(describer, None, None, (m.end(), len(sentence)), False)
            term = after[0].text if after else None
            rec = build_record(
                lex, ctx, index, sentence, code, term, quotes, sc, attr, described, "described side", carried, topic
            )
            credited = ("third_party", f"described by {describer.text!r}") if describer is not None else ("author", "")
            rec.restate(polar[0].kind, f"described as: {polar[0].text!r}", *credited)
            rec.displaces = describer.code if describer is not None else None
            out.append(rec)
    return out


# "it was Kyiv, not Moscow, that refused to talk": the name set against the holder
_NOT_BEFORE = re.compile(r",\s*(?:and\s+)?not\s+(?:the\s+)?$", re.IGNORECASE)
_COMMA_AFTER = re.compile(r"\s*,")
_FLIPPED = {"open": "opposed", "opposed": "open"}


def contrasted_records(
    sentence: str, mentions: list[Actorish], found: list[Found], speaker: Actorish | None
) -> list[Found]:
    """Records for a side the sentence sets against the holder ("Kyiv, not Moscow, refused to talk").

    The "not" negates the name, so the contrasted side holds the opposite stance: Moscow did
    not refuse. Only for a plain open or opposed record of another side on the same issue.
    When the speaker is that side ("Putin said Kyiv, not Moscow, ...") it is its own word.
    """
    out: list[Found] = []
    for m in mentions:
        if not m.code or not _NOT_BEFORE.search(sentence, max(0, m.start - 12), m.start):
            continue
        if not _COMMA_AFTER.match(sentence, m.end):
            continue
        have = {(f.holder, f.issue) for f in found + out}
        for f in found:
            if f.holder != m.code and f.stance in _FLIPPED and (m.code, f.issue) not in have:
                why = [
                    w if not w.startswith("holder:") else f"holder: {m.code} (set against {f.holder})" for w in f.why
                ]
                rec = replace(f, holder=m.code, person=m.person, why=why)
                own = speaker is not None and speaker.code == m.code
                rec.restate(
                    _FLIPPED[f.stance],
                    f"'not {m.text}'",
                    *(("holder", f"speaker {speaker.text!r}") if own and speaker is not None else ()),
                )
                if own and speaker is not None:
                    rec.person = speaker.person
                    rec.channel = "public"
                    rec.why = [w for w in rec.why if not w.startswith("channel:")] + [
                        "channel: public (on-record words)"
                    ]
                out.append(rec)
                have.add((m.code, f.issue))
    return out


def claim_records(
    lex: Lexicon,
    ctx: DocContext,
    index: int,
    sentence: str,
    hits: dict[str, list[Cue]],
    quotes: list[tuple[int, int]],
    mentions: list[Actorish],
    found: list[Found],
    carried: str,
    topic: Topic | None,
    last: Topic | None = None,
) -> list[Found]:
    """The records one side's words give about another: accusations, mutual blame, descriptions."""
    scope = _Scope(lex, ctx, index, sentence, hits, quotes, mentions, carried, topic, last)
    return _accused_sides(scope, found) + _described_sides(scope)
