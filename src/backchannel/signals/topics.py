"""The topic a sentence without an issue term may continue.

A context term ("the offer", "those proposals") names an issue that a recent signal was
about; a sentence naming no issue at all ("We are prepared for this.") may continue the
previous signal sentence in the holder's own voice; a paragraph that opens with a quote
right after the holder's quoted signal goes on quoting them.
"""

from __future__ import annotations

import re

from .analysis import Cue, spans_cues
from .context import DocContext, Topic
from .holders import Actorish, Attribution
from .lexicon import Lexicon

OPENING_QUOTE = re.compile(r"[\"“«]")


def quote_goes_on(text: str, parts, para: int, topic: Topic, ctx: DocContext) -> bool:
    """A paragraph that opens with a quote right after the holder's quoted signal goes on quoting them."""
    start = parts.paragraphs[para].start
    speaker = ctx.last_speaker
    return (
        para == topic.paragraph + 1
        and OPENING_QUOTE.match(text, start) is not None
        and speaker is not None
        and speaker.code == topic.holder
    )


def topic_hits(
    lex: Lexicon, sentence: str, recent_issues: list[str], topic: Topic | None
) -> tuple[dict[str, list[Cue]], str]:
    """Issues for a sentence that names none by its terms.

    A context term ("the offer", "any agreement") names an issue that a signal in the
    last few sentences was about ("context"); else the sentence may still continue the
    previous signal sentence of its paragraph ("carried"), which ``_continues_topic``
    then checks.
    """
    found = {}
    for code in recent_issues:
        item = lex.issue(code)
        cues = spans_cues(item.context_terms, sentence, code)
        if item.circumstantial is not None:
            # "at the start of a meeting with Rutte": when, not what is at stake
            cues = [c for c in cues if not item.circumstantial.search(sentence, max(0, c.start - 40), c.start)]
        if cues:
            found[code] = cues
            break  # the most recent issue the term fits
    if found:
        return found, "context"
    if topic is None:
        return {}, ""
    return {code: [] for code in topic.issues}, "carried"


def continues_topic(
    lex: Lexicon,
    ctx: DocContext,
    index: int,
    sentence: str,
    sc,
    mentions: list[Actorish],
    topic: Topic | None,
    attr: Attribution,
) -> bool:
    """Whether a sentence without an issue term continues the previous signal sentence.

    "We are ready for that." after a sentence on talks is the same speaker's position;
    an article's aside ("He deserves our support.") is not. So the carried issue needs a
    polar stance cue and either the holder's own voice (a first-person mention of the
    same holder) or a reference back ("this", "such").
    """
    if topic is None or not (sc.polar or sc.conditions):
        return False
    if ctx.voice is None and not ctx.transcript and not OPENING_QUOTE.match(sentence):
        return False  # in news the article's own sentences name their issue; only quotes run on
    if any(m.kind == "first_person" and m.code == topic.holder for m in mentions):
        return True
    quoted_by_holder = attr.speaker is not None and attr.speaker.code == topic.holder and attr.verb is not None
    if quoted_by_holder and OPENING_QUOTE.match(sentence):
        return True  # '"Yet, with the root causes removed," he added.': the holder's quote goes on
    if lex.cues.continuation is None or lex.cues.continuation.search(sentence) is None:
        return False
    voice = ctx.speaker_of[ctx.paragraph_of(index)]
    if voice is not None and voice.code == topic.holder and not any(m.code for m in mentions):
        return True  # "This issue requires scrutiny." in the same speaker's turn, naming no one else
    return any(m.kind == "pronoun" and m.code == topic.holder for m in mentions)
