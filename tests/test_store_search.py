"""Full-text search (store/search.py): migration 3, triggers, query parsing, LIKE fallback."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from sqlalchemy import text, update

from backchannel.records import Article, Signal
from backchannel.store import open_db
from backchannel.store import search as search_mod
from backchannel.store.articles import add_articles
from backchannel.store.schema import MIGRATIONS, articles
from backchannel.store.search import QueryError, fts_expression, has_fts, parse_query, search_articles, search_signals
from backchannel.store.signals import replace_signals

BODY = (
    "Envoys met in a neutral capital on Tuesday. Moscow is quietly exploring negotiations through intermediaries. "
    "The Kremlin publicly rejected any truce."
)


def _store(db_path, *, articles_: list[Article] | None = None):
    engine = open_db(db_path)
    arts = articles_ or [
        Article(id="a1", text=BODY, title="Envoys and talks", outlet="Wire", published=date(2023, 5, 2))
    ]
    add_articles(engine, arts)
    return engine


def _signal(article_id: str, text_: str, sentence: str, **kw) -> Signal:
    start = text_.index(sentence)
    defaults = {"holder": "RUS", "issue": "negotiations", "stance": "open", "channel": "private"}
    return Signal(article_id, sentence, start, start + len(sentence), **{**defaults, **kw})


def test_migration_3_is_registered_and_creates_the_indexes(db_path) -> None:
    assert MIGRATIONS[3][0] == "full-text search"
    engine = open_db(db_path)
    assert has_fts(engine)
    with engine.connect() as conn:
        names = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
    assert {"signals_fts", "articles_fts", "article_fts_rowids", "article_fts_content", "ix_articles_outlet"} <= names


def test_triggers_follow_inserts_replacements_updates_and_deletes(db_path) -> None:
    engine = _store(db_path)
    sentence = "Moscow is quietly exploring negotiations through intermediaries."
    replace_signals(engine, {"a1": [_signal("a1", BODY, sentence)]}, extractor="t")
    hits = search_signals(engine, "negotiate").hits  # stemmed: negotiate ~ negotiations
    assert [h.stored.signal.sentence for h in hits] == [sentence]
    assert "\ue000negotiations\ue001" in hits[0].snippet
    replace_signals(
        engine,
        {"a1": [_signal("a1", BODY, "The Kremlin publicly rejected any truce.", stance="opposed")]},
        extractor="t",
    )
    assert search_signals(engine, "negotiations").total == 0
    assert search_signals(engine, "truce").total == 1
    assert search_articles(engine, "neutral capital").total == 1
    with engine.begin() as conn:
        conn.execute(
            update(articles).where(articles.c.id == "a1").values(title="Renamed", text="Nothing about it here at all.")
        )
    assert search_articles(engine, "neutral").total == 0
    assert search_articles(engine, "renamed").total == 1
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM articles WHERE id = 'a1'"))
        left = conn.execute(text("SELECT count(*) FROM article_fts_rowids")).scalar_one()
    assert left == 0 and search_articles(engine, "renamed").total == 0 and search_signals(engine, "truce").total == 0


def test_a_database_made_before_migration_3_is_indexed_on_upgrade(db_path) -> None:
    engine = open_db(db_path)
    add_articles(engine, [Article(id="old", text=BODY, title="Old article")])
    replace_signals(engine, {"old": [_signal("old", BODY, "The Kremlin publicly rejected any truce.")]}, extractor="t")
    with engine.begin() as conn:  # undo migration 3, as on a database from before it
        for name in ("signals_fts", "articles_fts"):
            conn.execute(text(f"DROP TABLE {name}"))
        conn.execute(text("DROP VIEW article_fts_content"))
        conn.execute(text("DROP TABLE article_fts_rowids"))
        for trig in (
            "signals_fts_ai",
            "signals_fts_ad",
            "signals_fts_au",
            "articles_fts_ai",
            "articles_fts_ad",
            "articles_fts_au",
        ):
            conn.execute(text(f"DROP TRIGGER {trig}"))
        conn.execute(text("DELETE FROM schema_version WHERE version >= 3"))
    engine.dispose()
    engine = open_db(db_path)
    assert search_signals(engine, "truce").total == 1
    assert search_articles(engine, "old").total == 1


def test_search_combines_words_with_signal_filters(db_path) -> None:
    engine = _store(db_path)
    s1 = _signal("a1", BODY, "Moscow is quietly exploring negotiations through intermediaries.")
    s2 = _signal(
        "a1", BODY, "The Kremlin publicly rejected any truce.", issue="ceasefire", stance="opposed", channel="public"
    )
    replace_signals(engine, {"a1": [s1, s2]}, extractor="t")
    assert search_signals(engine, "moscow OR kremlin").total == 2
    assert search_signals(engine, "moscow OR kremlin", channel="public").total == 1
    assert search_signals(engine, "moscow OR kremlin", stance=["open", "conditional"]).total == 1
    assert search_signals(engine, "moscow OR kremlin", since=date(2023, 6, 1)).total == 0
    assert search_signals(engine, "kreml*").total == 1
    page = search_signals(engine, "moscow OR kremlin", limit=1, offset=1)
    assert page.total == 2 and len(page.hits) == 1


def test_counts_stop_at_the_cap(db_path) -> None:
    arts = [Article(id=f"a{i}", text=f"{BODY} Number {i}.") for i in range(12)]
    engine = _store(db_path, articles_=arts)
    page = search_articles(engine, "envoys", limit=5, count_cap=10)
    assert page.total == 10 and page.capped and len(page.hits) == 5
    assert not search_articles(engine, "envoys", count_cap=100).capped


@pytest.mark.parametrize(
    "query, expected",
    [
        ("truce talks", '"truce" "talks"'),
        ('"cease-fire" OR armistice', '"cease-fire" OR "armistice"'),
        ("negotiat*", '"negotiat"*'),
        ('say "no" (now) AND: NEAR', '"say" "no" "now" "AND" "NEAR"'),
        ("Moscow's back-channel", '"Moscow\'s" "back-channel"'),
        ('unbalanced "quote', '"unbalanced" "quote"'),
    ],
)
def test_queries_are_quoted_so_fts_syntax_never_leaks(query: str, expected: str) -> None:
    assert fts_expression(parse_query(query)) == expected


@pytest.mark.parametrize(
    "query, reason",
    [("", "type one or more"), ('"" ()', "no words"), ("x" * 201, "at most 200"), (" ".join("w" * 13), "at most 12")],
)
def test_unusable_queries_say_why(query: str, reason: str) -> None:
    with pytest.raises(QueryError, match=reason):
        parse_query(query)


def test_every_parsed_query_is_valid_fts(db_path) -> None:
    engine = _store(db_path)
    for q in ['"', "a OR", "OR b", "(*)", "-x", "^start", "x:y", "col:truce", "NOT truce", "truce*"]:
        with contextlib.suppress(QueryError):  # a clear refusal is fine; an SQL error is not
            search_articles(engine, q)


def test_like_fallback_finds_the_same_plain_words(db_path, monkeypatch) -> None:
    engine = _store(db_path)
    sentence = "Moscow is quietly exploring negotiations through intermediaries."
    replace_signals(engine, {"a1": [_signal("a1", BODY, sentence)]}, extractor="t")
    monkeypatch.setattr(search_mod, "has_fts", lambda engine: False)
    assert [h.stored.signal.sentence for h in search_signals(engine, "Negotiations").hits] == [sentence]
    assert search_signals(engine, "negotiations", channel="public").total == 0
    assert search_signals(engine, "truce OR intermediaries").total == 1
    assert search_articles(engine, "capital neutral").total == 1  # words anywhere
    assert search_articles(engine, '"neutral capital"').total == 1  # a phrase as typed
    assert search_articles(engine, '"capital neutral"').total == 0
    assert search_articles(engine, "100%").total == 0  # LIKE wildcards are escaped
