"""The attributes of one signal once its holder is known: stance, source, channel, hedging, time.

Each function returns its value with the reason (for the signal's ``why``), following
the spec's decisions: the object decides the stance ("accept neutrality" is opposed to
NATO membership), the article credits a source, a named official's on-the-record words
are public, ``hedged`` is the article's doubt and not the holder's tentativeness, and
``when`` is the holder's act, never a third party's claim about it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..records import Signal
from ..timeexpr import time_expressions
from .analysis import Cue, StanceCues, finditer, inside, quote_spans
from .context import DocContext
from .holders import Actorish, Attribution
from .lexicon import Lexicon

_NEAR = 3  # sentences within which a news report's dated act carries to the same holder
# Acts that say nothing about how they were made known ("conveyed a willingness", "signalled").
_ASIDE = re.compile(r",\s*(?:in which|which|who|whom|where|when)\b[^,;]*,", re.IGNORECASE)
_SILENT_ACT = re.compile(r"(?:convey|signal|express)", re.IGNORECASE)
_WITHOUT = re.compile(r"\bwithout\b", re.IGNORECASE)
_BUT = re.compile(r"\bbut\b", re.IGNORECASE)  # the same speaker's turn ("fight on, but would take a halt")
_CONTRAST = re.compile(r"\b(?:but|while|yet|although|only)\b", re.IGNORECASE)


_ACCEPTING = ("accept", "offer", "agree", "propos")


def _close_after(sentence: str, cue: Cue, marker: Cue) -> bool:
    """Whether ``marker`` follows ``cue`` within two words ("keep fighting if", "not ready for membership while")."""
    return marker.start >= cue.end and len(sentence[cue.end : marker.start].split()) <= 2


def decide_stance(sc: StanceCues, holder_pos: int, sentence: str) -> tuple[str, list[str]]:
    """The stance toward the issue from the cues after the holder (all cues when none follow)."""
    after = [c for c in sc.polar if c.start >= holder_pos] or list(sc.polar)
    if not after:
        if not sc.conditions:
            return "open", []  # only a proposal's author, whose stance the caller sets
        return "conditional", [f"stance: conditional ({sc.conditions[0].text!r})"]
    primary = after[0]
    own = [c for c in after if c in sc.issue_polar]
    # "ready to accept neutrality": an offer of the issue's opposed term, not a refusal with terms
    accepted = bool(own) and any(
        c.kind == "open" and c.text.lower().startswith(_ACCEPTING) for c in after if c.start < own[0].start
    )
    if own and own[0] is not primary and not (primary.kind == "opposed" and own[0].kind == "open"):
        # The issue's own phrasing decides: "ready to accept neutrality" is opposed to NATO entry.
        # (A refusal of the thing sought stays a refusal: "opposition to Ukraine's bid to join".)
        primary = own[0]
    elif (
        primary.kind == "open" and len(after) > 1 and after[1].kind == "opposed" and after[1].start - primary.end <= 12
    ):
        primary = after[1]  # "ready to keep fighting", "willing to continue the war"
    why = [f"stance: {primary.kind} ({primary.text!r})"]
    if not accepted and primary.kind == "opposed" and any(_close_after(sentence, primary, b) for b in sc.bare_markers):
        # "ready to keep fighting if Kyiv does not respond": the refusal holds only on that condition.
        why.append(f"condition: {sc.bare_markers[0].text!r}")
        return "conditional", why
    other = "open" if primary.kind == "opposed" else "opposed"
    later = [c for c in after if c.kind == other and c.start > primary.end and c not in sc.issue_polar]
    contrast = bool(later) and _CONTRAST.search(sentence, primary.end, later[0].start) is not None
    if (
        contrast
        and primary.kind == "opposed"
        and primary in sc.issue_polar
        and _BUT.search(sentence, primary.end, later[0].start)
    ):
        # "could fight on for years, but would take a halt on today's lines": two stances, one record
        why.append(f"partial acceptance: {later[0].text!r}")
        return "conditional", why
    if primary in sc.issue_polar:
        return primary.kind, why  # "withdraw and abandon its NATO bid": the issue's own phrasing is final
    if primary.kind == "open" and (sc.conditions or sc.qualifiers):
        why.append(f"condition: {(sc.conditions or sc.qualifiers)[0].text!r}")
        return "conditional", why
    if contrast:
        # "rejects a full truce but accepts a partial one" / "agreed to a pause but refused a full truce"
        why.append(f"partial acceptance: {later[0].text!r}")
        return "conditional", why
    without = [c for c in sc.conditions if c.start > primary.end and _WITHOUT.search(c.text)]
    if primary.kind == "opposed" and without:
        # "would not accept any deal about Ukraine without Ukraine's participation": only with it
        why.append(f"condition: {without[0].text!r}")
        return "conditional", why
    if primary.kind == "opposed" and sc.bare_markers:
        why.append(f"condition: {sc.bare_markers[0].text!r}")
        return "conditional", why
    return primary.kind, why


def _speech_act(lex: Lexicon, sentence: str, sc: StanceCues) -> Cue | None:
    """The first stance cue that is something said or done on the record ("rejected", "agreed")."""
    acts = finditer(lex.cues.speech_acts, sentence, "act")
    for c in list(sc.polar) + list(sc.conditions):  # "asked how", "outlined questions": terms set on the record
        for a in acts:
            if a.start < c.end and c.start < a.end:
                return a
    return None


def source_of(
    lex: Lexicon, ctx: DocContext, index: int, sentence: str, sc: StanceCues, attr: Attribution, head: Actorish
) -> tuple[str, str]:
    """Whom the article credits: a source cue, the speaker's side, the document's voice, or itself."""
    speaker = attr.speaker
    behind = _credited_behind(lex, sentence)
    if behind is not None:
        return behind.kind, f"source: {behind.kind} (the whole report credited to {behind.text!r})"
    relayed = attr.source_cue is not None and attr.source_cue.text.lower() == "reportedly"  # "X reportedly said"
    if attr.source_cue is not None and (speaker is None or speaker.code != head.code or relayed):
        return attr.source_cue.kind, f"source: {attr.source_cue.kind} ({attr.source_cue.text!r})"
    if speaker is not None and head is not speaker:
        kind = "holder" if speaker.code == head.code else "third_party"
        return kind, f"source: {kind} (speaker {speaker.text!r})"
    if head.kind == "first_person" or speaker is not None:
        return "holder", "source: holder (own words)"
    para = ctx.paragraph_of(index)
    if ctx.document_text and ctx.document_text[para] and speaker is None:
        return "holder", "source: holder (the paragraph quotes their statement)"
    if head.role == "document":
        return "holder", f"source: holder (its own text: {head.text!r})"
    turn = ctx.speaker_of[ctx.paragraph_of(index)] if ctx.transcript else None
    if turn is not None and turn.code == head.code:
        return "holder", f"source: holder (in the turn of {turn.text!r})"
    if turn is not None and turn.code:
        # A transcript speaker on another side's position ("all our partners supported it") reports it.
        return "third_party", f"source: third_party (reported in the turn of {turn.text!r})"
    voice = ctx.voice
    if voice is not None and not ctx.transcript:
        if voice.code == head.code:
            return "holder", f"source: holder (a statement of {voice.text!r})"
        return "third_party", f"source: third_party (reported by {voice.text!r})"
    if attr.speaker is None and _BARE_SPOKESPERSON.match(sentence):
        return "holder", "source: holder (its spokesperson: 'A spokesperson said Turkey was ready')"
    own_text = _OWN_STATEMENT.search(sentence)
    spans = quote_spans(sentence) if own_text is not None else []
    # '"... Kyiv breaks its word," Moscow said in a statement': a side named inside the quote is not its author
    if own_text is not None and not inside(own_text.start(), spans) and head.start < own_text.start():
        if not inside(head.start, spans):
            return "holder", f"source: holder (its own statement: {own_text.group()!r})"
        return "third_party", f"source: third_party (named in a quoted statement: {own_text.group()!r})"
    act = _speech_act(lex, sentence, sc)
    if act is not None and (head.kind in ("person", "title", "group", "pronoun") or _metonym(lex, head)):
        return "holder", f"source: holder (a named official's act: {act.text!r})"
    return "author", "source: author"


# "A spokesperson said Turkey was ready": an unnamed spokesperson speaks for the side named.
_BARE_SPOKESPERSON = re.compile(
    r"^\W*(?:But |And )?(?:a|an|the|its) (?:government |ministry |foreign ministry |presidential )?"
    r"(?:spokes(?:wo)?man|spokesperson|press secretary),? (?:said|says|told|added|stated)\b",
    re.IGNORECASE,
)
# "Both governments issued a joint statement that proposed a truce": the holder's own text.
_OWN_STATEMENT = re.compile(
    r"\b(?:(?:a|an|the|their|its|in a) )?(?:joint |written |official )?(?:statement|declaration|communiqu[eé])\b",
    re.IGNORECASE,
)


# "Washington replied that ..., one of the Russian sources said": a trailing report credits it all.
_TRAILING_REPORT = re.compile(r",\s+([^,;“”\"]{3,70}?)\s+(?:said|says|say|told|added)\b[^,;]{0,60}(?:[,.;]|$)")


def _credited_behind(lex: Lexicon, sentence: str) -> Cue | None:
    """The anonymous, analyst or media source of a trailing report that credits the whole sentence."""
    for m in _TRAILING_REPORT.finditer(sentence):
        for kind in ("anonymous", "analyst", "media"):
            found = finditer(lex.cues.source.get(kind), m.group(1), kind)
            if found:
                return found[0]
    return None


def _metonym(lex: Lexicon, head: Actorish) -> bool:
    """Whether the mention is a government metonym ("the Kremlin", "Washington"), not the country's name."""
    actor = lex.actors.data.actors.get(head.code) if hasattr(lex.actors, "data") else None
    if actor is None:
        return False
    text = head.text.removeprefix("the ").removeprefix("The ")
    return text in actor.metonyms


def channel_of(
    lex: Lexicon,
    ctx: DocContext,
    sentence: str,
    quotes: list[tuple[int, int]],
    attr: Attribution,
    head: Actorish,
    source: str,
    sc: StanceCues,
) -> tuple[str, str | None]:
    """Public when the holder's side speaks on the record, private on back-channel cues, else unknown."""
    private = finditer(lex.cues.channel.get("private"), sentence, "private")
    if private:
        return "private", f"channel: private ({private[0].text!r})"
    public = finditer(lex.cues.channel.get("public"), sentence, "public")
    own_words = (
        attr.verb is not None or bool(quotes) or head.kind == "first_person" or bool(_BARE_SPOKESPERSON.match(sentence))
    )
    if source == "holder" and (public or own_words):
        return "public", "channel: public (" + (repr(public[0].text) if public else "on-record words") + ")"
    act = _speech_act(lex, sentence, sc) if source == "holder" else None
    if act is not None and not _SILENT_ACT.match(act.text):
        return "public", f"channel: public (said on the record: {act.text!r})"
    if source == "holder" and ctx.voice is not None and ctx.voice.code == head.code:
        return "public", f"channel: public (an official text of {ctx.voice.text!r})"
    if (
        source == "third_party"
        and ctx.voice is not None
        and attr.speaker is None
        and ctx.readout
        and not ctx.transcript
    ):
        return "private", "channel: private (a readout of a call or meeting)"
    if public and source == "author" and attr.verb is None:
        return "public", f"channel: public ({public[0].text!r})"
    return "unknown", None


def hedged_of(
    lex: Lexicon, sentence: str, quotes: list[tuple[int, int]], attr: Attribution, source: str
) -> tuple[bool, str | None]:
    """The article's doubt, outside quotes; modals and belief verbs only when not the holder's own words."""
    asides = [(m.start(), m.end()) for m in _ASIDE.finditer(sentence)]
    hedges = [
        c
        for c in finditer(lex.cues.hedge, sentence, "hedge")
        if not inside(c.start, quotes)
        and not inside(c.start, asides)  # "His intervention, in which he hinted ..., came as"
    ]
    if source != "holder":
        # "could", "may" in the article's own voice; inside a report they are the holder's words relayed
        lo, hi = attr.content if attr.verb is not None else (len(sentence), len(sentence))
        hedges += [
            c
            for c in finditer(lex.cues.hedge_modal, sentence, "hedge")
            if not inside(c.start, quotes) and not lo <= c.start < hi
        ]
        belief = lex.cues.hedge_reporting
        if attr.verb is not None and belief is not None and belief.fullmatch(attr.verb.text):
            hedges.append(attr.verb)
        elif attr.source_cue is not None and belief is not None and belief.search(attr.source_cue.text):
            hedges.append(attr.source_cue)  # 'Diplomats believe Erdogan is eyeing a role'
    if not hedges:
        return False, None
    return True, f"hedged ({hedges[0].text!r})"


def when_of(ctx: DocContext, sentence: str, attr: Attribution, source: str) -> str | None:
    """The time expression of the holder's act: nearest the reporting verb; for third-party reports, in the content."""
    exprs = [e for e in time_expressions(sentence, ctx.published) if e.value and not e.vague]
    if source == "third_party" and attr.verb is not None:
        lo, hi = attr.content
        exprs = [e for e in exprs if lo <= e.start < hi]
    if not exprs:
        return None
    anchor = attr.verb.start if attr.verb is not None else 0
    return min(exprs, key=lambda e: abs(e.start - anchor)).value


# How often each kind of evidence was right on the gold (dev and sample corpora together,
# 475 predictions, refitted 2026-12-01 by least squares on "matched"; features seen fewer
# than 15 times are shrunk toward zero): a signal's confidence starts from the base rate
# and moves by these differences, so a higher number does mean more often right.
_BASE = 0.90
_ADJUST = {
    "carried": -0.22,  # no issue term, only a continuation in the holder's voice
    "implicit holder": -0.12,  # no actor named in the sentence
    "context": -0.03,  # an issue named by a context term ("the offer")
    "no polar cue": -0.11,  # only conditions
    "source holder": 0.0,
    "source author": -0.10,
    "source third_party": -0.11,
    "both sides": +0.05,
    "call or proposal": +0.01,
}


def confidence(sc: StanceCues, how: str, carried: str, source: str) -> tuple[float, list[str]]:
    """A score in [0, 1] from the evidence behind the signal, with the adjustments applied."""
    applied = []
    if carried == "carried":
        applied.append("carried")
    elif carried == "context":
        applied.append("context")
    if how == "holder of the previous sentence":
        applied.append("implicit holder")
    if not sc.polar:
        applied.append("no polar cue")
    if f"source {source}" in _ADJUST:
        applied.append(f"source {source}")
    if how.startswith("both sides"):
        applied.append("both sides")
    if how.startswith(("caller", "proposer", "speaker (a demand")):
        applied.append("call or proposal")
    conf = _BASE + sum(_ADJUST[k] for k in applied)
    return max(0.05, min(0.95, conf)), applied


def fill_when(signals: list[Signal], where: list[int], ctx: DocContext) -> list[Signal]:
    """Give undated signals the date of the same holder's dated act nearby.

    The spec's rule (a quote continuing a statement dated in the previous sentence of the
    paragraph carries that date) generalised: within a paragraph the last dated signal of
    the holder; in an official text (a readout, a statement) the date the text gave last;
    in a news report the nearest dated signal of the holder within a few sentences.
    """
    out = list(signals)
    for k, sig in enumerate(signals):
        if sig.when:
            continue
        para = ctx.paragraph_of(where[k])
        dated = [j for j, other in enumerate(signals) if other.when and j != k]
        same_para = [
            j for j in dated if j < k and ctx.paragraph_of(where[j]) == para and signals[j].holder == sig.holder
        ]
        value, how = None, ""
        if same_para:
            value, how = signals[same_para[-1]].when, "the holder's dated statement earlier in the paragraph"
        elif ctx.document_text and ctx.document_text[para] and any(j < k for j in dated):
            # "Statement: ..." quotes the text the article dated before ("talks on Tuesday ended with a statement")
            value = signals[[j for j in dated if j < k][-1]].when
            how = "the date of the statement it quotes"
        elif ctx.voice is not None and not ctx.transcript and (dated or ctx.doc_date):
            earlier = [j for j in dated if j < k]
            value = signals[earlier[-1]].when if earlier else ctx.doc_date
            how = "the date this official text gives"
        else:
            near = [j for j in dated if signals[j].holder == sig.holder and abs(where[j] - where[k]) <= _NEAR]
            if near:
                pick = min(near, key=lambda j: abs(where[j] - where[k]))
                value, how = signals[pick].when, "the holder's dated act in a nearby sentence"
        if value:
            out[k] = replace(sig, when=value, why=(*sig.why, f"when: {value} ({how})"))
    return out
