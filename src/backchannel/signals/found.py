"""One found signal before it becomes a ``Signal``: its attributes decided, with the reasons why."""

from __future__ import annotations

from dataclasses import dataclass, field

from .attributes import channel_of, confidence, decide_stance, hedged_of, source_of, when_of
from .context import DocContext, Topic
from .holders import Actorish, Attribution
from .lexicon import Lexicon


@dataclass(slots=True)
class Found:
    holder: str
    issue: str
    stance: str
    channel: str
    source: str
    hedged: bool
    when: str | None
    person: str | None
    confidence: float
    why: list[str] = field(default_factory=list)
    overrides: bool = False  # replaces what other rules found for (holder, issue) in the sentence
    displaces: str | None = None  # a holder whose record for this issue this one replaces (the describer)

    def restate(self, stance: str, reason: str, source: str | None = None, source_reason: str = "") -> None:
        """Set the stance a special rule decided (and the source), replacing the general rules' reasons."""
        stale = ("stance:", "condition:", "claim about") + (("source:",) if source is not None else ())
        self.why = [w for w in self.why if not w.startswith(stale)]
        self.stance = stance
        self.why.append(f"stance: {stance} ({reason})")
        if source is not None:
            self.source = source
            self.why.append(f"source: {source} ({source_reason})")


def side(code: str) -> Actorish:
    return Actorish(0, 0, "", code, None, "country", None)


def build_record(
    lex: Lexicon,
    ctx: DocContext,
    index: int,
    sentence: str,
    code: str,
    term: str | None,
    quotes: list[tuple[int, int]],
    sc,
    attr: Attribution,
    head: Actorish,
    how: str,
    carried: str,
    topic: Topic | None,
) -> Found:
    named = (
        f"{term!r}" + (" while it is the topic" if carried else "") if term else "carried from the previous sentence"
    )
    why = [f"issue: {code} ({named})", f"holder: {head.code} ({how})"]
    stance, swhy = decide_stance(sc, head.end, sentence)
    speaker = attr.speaker
    if attr.claim and speaker is not None and speaker.code != head.code and stance == "open":
        stance = "opposed"
        swhy.append("claim about the other side")
    why += swhy
    source, reason = source_of(lex, ctx, index, sentence, sc, attr, head)
    why.append(reason)
    channel, reason = channel_of(lex, ctx, sentence, quotes, attr, head, source, sc)
    if reason:
        why.append(reason)
    hedged, reason = hedged_of(lex, sentence, quotes, attr, source)
    if reason:
        why.append(reason)
    when = when_of(ctx, sentence, attr, source)
    if when:
        why.append(f"when: {when}")
    person = head.person or (speaker.person if speaker is not None and speaker.code == head.code else None)
    conf, _ = confidence(sc, how, carried, source)
    return Found(head.code, code, stance, channel, source, hedged, when, person, conf, why)
