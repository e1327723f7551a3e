"""Extraction over stored articles: replace, re-extract, report unreadable articles."""

from __future__ import annotations

from datetime import date

from backchannel.records import Article
from backchannel.signals.stored import extract_stored, extractor_label
from backchannel.store import open_db
from backchannel.store.articles import add_articles
from backchannel.store.signals import query_signals


def test_extract_stored_writes_and_replaces(db_path, lexicon) -> None:
    engine = open_db(db_path)
    add_articles(
        engine,
        [
            Article(id="a1", text="The Kremlin said Moscow was ready for talks with Kyiv.", published=date(2024, 5, 2)),
            Article(
                id="a2",
                text="Kyiv rejected a truce along current lines, officials in Kyiv said.",
                published=date(2024, 5, 3),
            ),
            Article(id="a3", text="The weather in Kyiv was mild.", published=date(2024, 5, 3)),
        ],
    )
    seen: list[int] = []
    done = extract_stored(engine, None, progress=seen.append, lexicon=lexicon)
    assert done.articles == 3 and done.signals == 2 and sum(seen) == 3 and not done.problems
    rows = query_signals(engine)
    assert {(r.signal.article_id, r.signal.holder, r.signal.issue) for r in rows} == {
        ("a1", "RUS", "negotiations"),
        ("a2", "UKR", "ceasefire"),
    }
    assert {r.extractor for r in rows} == {extractor_label(lexicon)}
    again = extract_stored(engine, ["a1"], lexicon=lexicon)  # re-extraction replaces, never duplicates
    assert again.articles == 1 and len(query_signals(engine)) == 2
