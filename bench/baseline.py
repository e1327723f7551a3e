"""The keyword baseline of issue 3, scored and timed beside the extractor.

A sentence that names an actor and an issue term is an ``open`` signal by that actor on
that issue, channel ``unknown``, source ``author``, no hedge, no time. It reuses the
project's own pieces (the sentence splitter, the actor dictionary's mention finder, the
issue lexicons' term patterns) so the comparison with ``signals.extract`` measures the
rules, not a different tokeniser or dictionary. No coreference, no stance cues, no
attribution: that is exactly what the rules add.
"""

from __future__ import annotations

from backchannel.records import Article, Signal
from backchannel.sentences import split
from backchannel.signals import Lexicon, load_lexicon

WHY = ("baseline: actor named + issue term",)


def baseline_extract(article: Article, *, lexicon: Lexicon | None = None) -> list[Signal]:
    """Every (actor, issue) pair named together in a sentence, as an ``open`` signal, in text order."""
    lex = lexicon or load_lexicon()
    text = article.text
    out: list[Signal] = []
    for span in split(text).sentences:
        sentence = span.of(text)
        issues = [item.code for item in lex.issues if item.terms.search(sentence)]
        if not issues:
            continue
        holders: dict[str, str | None] = {}
        for m in lex.actors.mentions(text, span.start, span.end, on=article.published):
            if m.code and m.code not in holders:
                holders[m.code] = m.person
        for code, person in holders.items():
            for issue in issues:
                out.append(
                    Signal(
                        article_id=article.id,
                        sentence=sentence,
                        start=span.start,
                        end=span.end,
                        holder=code,
                        issue=issue,
                        stance="open",
                        person=person,
                        why=WHY,
                    )
                )
    return out
