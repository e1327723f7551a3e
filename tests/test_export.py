"""Exports round-tripped in each format, filters, and atomic writing."""

from __future__ import annotations

import csv
import json
from datetime import date

import pyarrow.parquet as pq
import pytest

from _track_corpus import SIGNALS, build_db
from backchannel import export as export_mod
from backchannel.export import ExportError, atomic_write, export
from backchannel.records import Article
from backchannel.store.articles import add_articles
from backchannel.store.signals import query_signals


@pytest.fixture
def corpus(db_path):
    return build_db(db_path)


def _read(path, fmt):
    """Rows back as dicts of plain values (CSV cells are strings)."""
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    if fmt == "json":
        return json.loads(path.read_text(encoding="utf-8"))
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return pq.read_table(path).to_pylist()


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "parquet"])
def test_signals_round_trip(corpus, tmp_path, fmt):
    engine, ids = corpus
    out = tmp_path / f"signals.{fmt}"
    result = export(engine, "signals", fmt, out)
    assert result.rows == len(SIGNALS) == 16
    rows = {int(r["id"]): r for r in _read(out, fmt)}
    assert set(rows) == set(ids.values())
    for s in query_signals(engine):
        r = rows[s.id]
        assert r["sentence"] == s.signal.sentence
        assert r["holder"] == s.signal.holder and r["stance"] == s.signal.stance
        day = s.day.isoformat() if s.day else None
        hedged = s.signal.hedged
        if fmt == "csv":
            assert r["hedged"] == ("true" if hedged else "false")
            assert r["day"] == (day or "")
            assert float(r["confidence"]) == s.signal.confidence
            assert r["cluster_id"] == (s.cluster_id or "")
            assert json.loads(r["why"]) == list(s.signal.why)
        elif fmt == "parquet":
            assert r["hedged"] is hedged and r["day"] == s.day and r["confidence"] == s.signal.confidence
            assert r["why"] == list(s.signal.why) and r["cluster_id"] == s.cluster_id
        else:
            assert r["hedged"] is hedged and r["day"] == day and r["cluster_id"] == s.cluster_id
    assert not list(tmp_path.glob(".*.part"))


def test_signal_filters(corpus, tmp_path):
    engine, ids = corpus
    out = tmp_path / "s.json"
    assert (
        export(engine, "signals", "json", out, holder="RUS", issue="ceasefire", channel="private").rows == 6
    )  # s7, s9-s13
    assert {r["channel"] for r in _read(out, "json")} == {"private"}
    assert export(engine, "signals", "json", out, holder="RUS", since=date(2023, 10, 1)).rows == 2
    assert export(engine, "signals", "json", out, holder="NOBODY").rows == 0
    assert _read(out, "json") == []


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_articles_round_trip_keep_text_and_cluster(corpus, tmp_path, fmt):
    engine, _ = corpus
    tricky = 'Line one, with "quotes".\nLine two; <b>bold</b>\ttab.'
    add_articles(engine, [Article(id="t1", text=tricky, outlet="Q", published=date(2024, 2, 1))])
    out = tmp_path / f"articles.{fmt}"
    assert export(engine, "articles", fmt, out).rows == 11
    rows = {r["id"]: r for r in _read(out, fmt)}
    assert rows["t1"]["text"] == tricky
    assert rows["a2"]["cluster_id"] == "c1"
    assert str(rows["a1"]["published"]) == "2023-06-10"
    assert export(engine, "articles", fmt, out, since=date(2024, 1, 1)).rows == 1


def test_clusters_export(corpus, tmp_path):
    engine, _ = corpus
    out = tmp_path / "clusters.csv"
    assert export(engine, "clusters", "csv", out).rows == 5
    rows = _read(out, "csv")
    assert [(r["cluster_id"], r["article_id"], r["relation"], r["size"]) for r in rows] == [
        ("c2", "a5", "canonical", "3"),
        ("c2", "a6", "rewrite", "3"),
        ("c2", "a9", "rewrite", "3"),
        ("c1", "a1", "canonical", "2"),
        ("c1", "a2", "exact", "2"),
    ]
    with pytest.raises(ExportError, match="clusters take no filters"):
        export(engine, "clusters", "csv", out, holder="RUS")


def test_failure_leaves_the_old_file_and_no_part_file(corpus, tmp_path, monkeypatch):
    engine, _ = corpus
    out = tmp_path / "signals.csv"
    out.write_text("the good old export\n")

    real_rows = export_mod.signal_rows

    def broken_rows(_engine, **_filters):
        yield from list(real_rows(_engine))[:3]
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(export_mod, "signal_rows", broken_rows)
    with pytest.raises(RuntimeError, match="disk on fire"):
        export(engine, "signals", "csv", out)
    assert out.read_text() == "the good old export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["signals.csv", "test.db", "test.db-shm", "test.db-wal"]


def test_bad_kind_format_and_folder(corpus, tmp_path):
    engine, _ = corpus
    with pytest.raises(ExportError, match="unknown export 'votes'"):
        export(engine, "votes", "csv", tmp_path / "x.csv")
    with pytest.raises(ExportError, match="unknown format 'xlsx'"):
        export(engine, "signals", "xlsx", tmp_path / "x.xlsx")
    with pytest.raises(ExportError, match="folder .* does not exist"):
        export(engine, "signals", "csv", tmp_path / "missing" / "x.csv")


def test_atomic_write_text_and_bytes(tmp_path):
    assert atomic_write(tmp_path / "a.txt", "é").read_text(encoding="utf-8") == "é"
    assert atomic_write(tmp_path / "b.bin", b"\x00\x01").read_bytes() == b"\x00\x01"


def test_csv_cells_a_spreadsheet_would_run_are_escaped_unless_kept(db_path, tmp_path):
    from backchannel.store import open_db

    engine = open_db(db_path)
    title = '=HYPERLINK("http://attacker.example","click")'
    add_articles(engine, [Article(id="f1", title=title, text="@SUM(1+1) opens this text.", outlet="-Desk-")])
    safe = tmp_path / "safe.csv"
    export(engine, "articles", "csv", safe)
    row = _read(safe, "csv")[0]
    assert row["title"] == "'" + title and row["text"].startswith("'@SUM") and row["outlet"] == "'-Desk-"
    raw = tmp_path / "raw.csv"
    export(engine, "articles", "csv", raw, escape_formulas=False)
    assert _read(raw, "csv")[0]["title"] == title
    as_json = tmp_path / "a.json"  # JSON is no spreadsheet: never altered
    export(engine, "articles", "json", as_json)
    assert _read(as_json, "json")[0]["title"] == title
