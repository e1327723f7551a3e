"""The store on a real SQLite file: migrations, idempotent adds, signal round trips."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from backchannel.records import Article, Signal
from backchannel.store import StoreError, open_db
from backchannel.store.articles import add_articles, count_articles, get_article, list_articles
from backchannel.store.db import current_version
from backchannel.store.schema import MIGRATIONS
from backchannel.store.signals import query_signals, replace_signals, when_bounds


def test_migrations_apply_once_and_record_versions(db_path):
    engine = open_db(db_path)
    assert current_version(engine) == max(MIGRATIONS)
    engine2 = open_db(db_path)  # reopening applies nothing again
    with engine2.connect() as conn:
        versions = [r[0] for r in conn.execute(text("select version from schema_version order by version"))]
    assert versions == sorted(MIGRATIONS)


def test_sqlite_uses_wal(db_path):
    engine = open_db(db_path)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_add_is_idempotent_by_hash_url_and_id(db_path):
    engine = open_db(db_path)
    a = Article(id="a1", text="Talks resumed in Geneva.", url="https://example.org/a1", published=date(2023, 5, 1))
    assert [r.outcome for r in add_articles(engine, [a])] == ["ingested"]
    again = add_articles(engine, [a])
    assert again[0].outcome == "duplicate" and "a1" in again[0].reason
    same_text = Article(id="other", text="talks  resumed in Geneva.")  # another record: an exact copy
    assert add_articles(engine, [same_text])[0].outcome == "copy"
    assert add_articles(engine, [same_text])[0].outcome == "duplicate"  # the same record again
    same_url = Article(id="x", text="Different words entirely.", url="https://example.org/a1")
    assert add_articles(engine, [same_url])[0].outcome == "duplicate"
    within_batch = [Article(id="b1", text="One text."), Article(id="b1", text="One text.")]
    assert [r.outcome for r in add_articles(engine, within_batch)] == ["ingested", "duplicate"]
    assert count_articles(engine) == 2
    assert get_article(engine, "a1").published == date(2023, 5, 1)


def test_list_filters_by_outlet_and_date(db_path):
    engine = open_db(db_path)
    add_articles(
        engine,
        [
            Article(id="old", text="old text", outlet="A", published=date(2022, 1, 1)),
            Article(id="new", text="new text", outlet="B", published=date(2024, 1, 1)),
            Article(id="undated", text="undated text", outlet="A"),
        ],
    )
    assert [a.id for a in list_articles(engine)] == ["new", "old", "undated"]
    assert [a.id for a in list_articles(engine, outlet="A")] == ["old", "undated"]
    assert [a.id for a in list_articles(engine, since=date(2023, 1, 1))] == ["new"]


def test_signals_replace_not_mix(db_path):
    engine = open_db(db_path)
    add_articles(engine, [Article(id="a", text="Moscow is ready for talks.", published=date(2023, 3, 1))])
    s = Signal("a", "Moscow is ready for talks.", 0, 26, "RUS", "negotiations", "open", why=("cue:ready",))
    replace_signals(engine, {"a": [s, s]}, extractor="v1")
    replace_signals(engine, {"a": [s]}, extractor="v2")
    got = query_signals(engine, holder="RUS")
    assert len(got) == 1 and got[0].extractor == "v2" and got[0].signal == s
    assert query_signals(engine, holder="UKR") == []
    assert len(query_signals(engine, since=date(2023, 2, 1), until=date(2023, 3, 31))) == 1
    assert query_signals(engine, since=date(2023, 4, 1)) == []


@pytest.mark.parametrize(
    ("when", "bounds"),
    [
        (None, (None, None)),
        ("2022", ("2022-01-01", "2022-12-31")),
        ("2022-09/2022-11", ("2022-09-01", "2022-11-30")),
        ("2024-02", ("2024-02-01", "2024-02-29")),
        ("2023-09/2023-12-23", ("2023-09-01", "2023-12-23")),
    ],
)
def test_when_bounds(when, bounds):
    assert when_bounds(when) == bounds


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_db(tmp_path / "nope" / "x.db")


def test_a_missing_lower_migration_is_applied_later(db_path):
    from backchannel.store.db import apply_migrations

    engine = open_db(db_path)
    with engine.begin() as conn:  # as if this database was made before migration 2 existed
        conn.execute(text("delete from schema_version where version = 2"))
    assert apply_migrations(engine) == [2]
    assert apply_migrations(engine) == []
