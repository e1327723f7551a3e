"""Reporting structure: the reporting verb of a sentence, its speaker and the content it reports.

"Western officials report ... that Putin is open to ...": the speaker (Western officials)
is credited with the content after the verb; "'...,' X said" credits the quote; "..., X
said." without quotes credits the clause before the comma. A source cue ("people familiar
with", "according to X") may credit the content instead of, or beside, a named speaker.
The holder is chosen afterwards, from the content, by ``holders.select_holders``.
"""

from __future__ import annotations

import re

from .analysis import Cue, finditer, inside
from .holders import _POSSESSIVE_AFTER, _PREPOSITION_BEFORE, Actorish, Attribution
from .lexicon import Lexicon

_BARE_GAP = re.compile(r"\s*(?:the\s+)?", re.IGNORECASE)  # "according to (the) US"


def _source_cues(lex: Lexicon, sentence: str) -> list[Cue]:
    out: list[Cue] = []
    for kind, pattern in lex.cues.source.items():
        out += finditer(pattern, sentence, kind)
    return sorted(out, key=lambda c: c.start)


def attribution(
    lex: Lexicon, sentence: str, mentions: list[Actorish], quotes: list[tuple[int, int]], anchor: int | None = None
) -> Attribution:
    """Find the reporting verb outside quotes, its speaker and the content it reports.

    Three shapes: "X said (that) ..." (content after the verb; "told Y that ..." skips the
    addressee), "'...,' X said" (the quote is the content) and "..., X said." without
    quotes (the clause before the comma is the content). With ``anchor`` (where the stance
    cue is) the verb nearest before it is tried first.
    """
    verbs = [
        c
        for c in finditer(lex.cues.reporting, sentence, "reporting")
        if not inside(c.start, quotes)
        and not _PASSIVE_BEFORE.search(sentence, max(0, c.start - 12), c.start)
        and not any(m.start <= c.start < m.end for m in mentions)  # "the United States": a name, not "states"
        and not _NOUN_BEFORE.search(sentence, max(0, c.start - 12), c.start)  # "the report said": a noun
    ]
    sources = _source_cues(lex, sentence)
    claims = finditer(lex.cues.claims, sentence, "claim")
    if anchor is not None:
        # The verb that governs the stance cue is the nearest one before it ("Zelensky said Ukraine would
        # support a pause, but he accused Russia ..."); verbs after it report it from behind ("..., X said").
        before_cue = [v for v in verbs if v.end <= anchor]
        verbs = before_cue[::-1] + [v for v in verbs if v.end > anchor]
    n = len(sentence)
    for verb in verbs:
        before = [m for m in mentions if m.end <= verb.start and not inside(m.start, quotes)]
        after = [m for m in mentions if m.start >= verb.end and not inside(m.start, quotes)]
        src_before = [c for c in sources if c.end <= verb.start and verb.start - c.end <= 40]
        quote_before = [q for q in quotes if q[1] <= verb.start]
        claim = any(c.start <= verb.start < c.end or c.start == verb.start for c in claims)
        if verb.text.lower() == "according to":
            # "According to X, ..." / "..., according to X": X is credited, the rest is content.
            speaker = after[0] if after and _BARE_GAP.fullmatch(sentence, verb.end, after[0].start) else None
            src_after = [c for c in sources if verb.start <= c.start <= verb.end + 30]
            comma = sentence.find(",", verb.end)
            content = (comma + 1, n) if verb.start < 3 and comma > 0 else (0, verb.start)
            return Attribution(speaker, src_after[0] if src_after else None, verb, content)
        if quote_before and not [m for m in before if m.start < quote_before[-1][1]]:
            # "'...,' X said" / "'...,' said X": the quote is the content.
            near = [m for m in mentions if not inside(m.start, quotes) and abs(m.start - verb.start) <= 40]
            near = [m for m in near if m.start >= quote_before[-1][1]]
            speaker = min(near, key=lambda m: abs(m.start - verb.start)) if near else None
            src = [c for c in sources if c.start >= quote_before[-1][1]]
            return Attribution(speaker, src[0] if src else None, verb, (0, quote_before[-1][1]), claim)
        trailing = _trailing(sentence, verb, mentions, sources)
        if trailing is not None:
            return trailing
        content_start = _content_start(sentence, verb)
        if before:
            speaker = _speaker_before(sentence, before, verb.start)
            if verb.start - before[-1].end > 60 and not src_before:
                speaker = None
            if src_before and src_before[-1].kind != "third_party" and src_before[-1].start < speaker.start:
                speaker = None  # "a researcher at King's College London said": the analyst speaks, not the city
            if speaker is not None or src_before:
                return Attribution(speaker, src_before[-1] if src_before else None, verb, (content_start, n), claim)
        elif src_before:
            return Attribution(None, src_before[-1], verb, (content_start, n), claim)
        elif after and after[0].start - verb.end <= 25 and quote_before:
            return Attribution(after[0], None, verb, (0, verb.start), claim)
    # No reporting verb: a source cue at the start still credits the sentence ("Interviews with insiders reveal").
    lead = [c for c in sources if c.start < max(60, n // 3)]
    return Attribution(None, lead[0] if lead else None, None, (0, n))


_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "me", "us"})
_TAIL_END = re.compile(r"\s*(?:[,.;:!?”\"’)]|$)")
_RELATIVE_GAP = re.compile(r"^\s*,\s*(?:who|whom)\b[^,;]*$", re.IGNORECASE)
_APPOSITIVE_GAP = re.compile(r"^\s*,\s*(?:the\s+|a\s+|an\s+)?$")


def _speaker_before(sentence: str, before: list[Actorish], verb_start: int) -> Actorish:
    """The subject of the reporting verb among the mentions before it.

    The last one, except that an object ("spoke to Zelensky ... and told him that", "rally
    support behind Kyiv, and said") is not who speaks when an earlier mention can be, and an
    appositive title ("Dmitry Peskov, its spokesman, said") is the named person before it.
    """
    for k in range(len(before) - 1, -1, -1):
        m = before[k]
        # the mention before this one ("both sides" resolved to two sides is one mention per side, one span)
        prev = next((p for p in reversed(before[:k]) if p.start != m.start), None)
        if prev is not None and prev.kind == "person" and _APPOSITIVE_GAP.match(sentence[prev.end : m.start]):
            return prev
        if (
            prev is not None
            and "," in sentence[m.end : verb_start]  # the clause is closed before the verb
            and prev.kind in ("person", "title")
            and _RELATIVE_GAP.match(sentence[prev.end : m.start])
        ):
            return prev  # "Zelensky, who was visiting Turkey, said": the relative clause's name is no speaker
        object_like = (
            m.text.lower() in _OBJECT_PRONOUNS
            or _PREPOSITION_BEFORE.search(sentence, max(0, m.start - 20), m.start)
            or _POSSESSIVE_AFTER.match(sentence, m.end)  # "branded Putin's promises as hollow and accused"
        )
        if not object_like:
            return m
    return before[-1]


# "the report said", "a statement says": after a determiner the word is a noun, not the reporting verb
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|this|that|its|his|her|their|our|media|news|press)\s+$", re.IGNORECASE)
# "is said to be willing": a hedge, not a report with a speaker
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$", re.IGNORECASE)
_THAT_AFTER = re.compile(r"(?:\s+[\w'’.-]+){0,6}?\s+that\b", re.IGNORECASE)
# Verbs whose object (the addressee) may stand between them and "that" ("told reporters that").
_ADDRESSEE_VERB = re.compile(
    r"(?:told|tells|tell|telling|assured|assures|informed|informs|warned|warns|reminded)\b", re.I
)
# What else may stand between a reporting verb and its "that": time, place or manner ("said on Friday that").
_ADVERBIAL_START = re.compile(
    r"\s*(?:,|that\b|on|in|at|during|after|before|late|earlier|later|again|also|then|repeatedly|publicly|privately"
    r"|last|this|yesterday|today|separately|once|previously|recently|now|through|via|by)\b",
    re.I,
)


def _content_start(sentence: str, verb: Cue) -> int:
    """Where the reported content begins: after "that" when it closely follows ("told reporters that")."""
    m = _THAT_AFTER.match(sentence, verb.end)
    if m is None:
        return verb.end
    if not _ADDRESSEE_VERB.match(verb.text) and not _ADVERBIAL_START.match(sentence, verb.end):
        # "said the United States backed a truce that respected ...": the "that" is a relative
        # clause inside the content, which begins right after the verb.
        return verb.end
    return m.end()


def _trailing(sentence: str, verb: Cue, mentions: list[Actorish], sources: list[Cue]) -> Attribution | None:
    """ "..., the people said" / "..., Putin said on Friday": a short speaker phrase after a comma."""
    comma = sentence.rfind(",", 0, verb.start)
    if comma < 20:
        return None
    rest = sentence[verb.end :]
    if len(rest.split()) > 8 and not rest.lstrip().startswith(","):
        return None  # the verb introduces content of its own ("..., Putin asserts that ...")
    if _THAT_AFTER.match(sentence, verb.end):
        return None
    phrase = sentence[comma + 1 : verb.start]
    src = [c for c in sources if comma < c.start < verb.start]
    if len(phrase.split()) > (14 if src else 6):
        return None  # a long clause is content of its own, unless it is a source's description
    speaker_m = [m for m in mentions if comma < m.start < verb.start]
    if src and speaker_m and src[0].start < speaker_m[0].start:
        speaker_m = []  # "..., four people who have worked with him told X": the people speak
    if not speaker_m and not src:
        # "..., said Lavrov": the speaker right after the verb.
        tail = [m for m in mentions if verb.end <= m.start <= verb.end + 3]
        if not tail or sentence[verb.end : tail[0].start].strip():
            return None
        if not _TAIL_END.match(sentence, tail[0].end):
            return None  # "Zelensky, who was in Ankara, said Ukraine was ready": Ukraine starts the content
        speaker_m = tail[:1]
    return Attribution(speaker_m[-1] if speaker_m else None, src[-1] if src else None, verb, (0, comma))
