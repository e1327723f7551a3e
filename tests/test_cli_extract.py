"""``backchannel extract`` (file and database) and ``backchannel signals``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from backchannel.cli.app import app
from backchannel.records import Article
from backchannel.store import open_db
from backchannel.store.articles import add_articles

runner = CliRunner()

ARTICLES = [
    {
        "id": "one",
        "published": "2025-03-14",
        "outlet": "Test Wire",
        "text": "The Kremlin said on Thursday that Moscow was ready for talks with Kyiv.\n\nThe weather was cold.",
        "signals": [{"sentence": "The weather was cold.", "holder": "UKR", "issue": "ceasefire", "stance": "open"}],
        "story": "s1",
    },
    {
        "id": "two",
        "text": "Kyiv rejected a truce along current lines, Ukrainian officials said.",
        "url": "https://example.org/two",
    },
]


def write_input(tmp_path: Path, extra_lines: tuple[str, ...] = ()) -> Path:
    path = tmp_path / "in.jsonl"
    lines = [json.dumps(a) for a in ARTICLES] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_extract_file_replaces_gold_and_adds_offsets_confidence_cluster(tmp_path: Path) -> None:
    src = write_input(tmp_path, ("{not json", json.dumps({"id": "three"})))
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{src}:3: not JSON" in result.output and f"{src}:4: missing 'text'" in result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["one", "two"]
    one = rows[0]
    assert one["story"] == "s1" and one["cluster"]
    assert [(s["holder"], s["issue"], s["stance"]) for s in one["signals"]] == [("RUS", "negotiations", "open")]
    sig = one["signals"][0]
    assert one["text"][sig["start"] : sig["end"]] == sig["sentence"]
    assert 0 <= sig["confidence"] <= 1 and sig["why"] and sig["when"] == "2025-03-13"
    assert [(s["holder"], s["stance"]) for s in rows[1]["signals"]] == [("UKR", "opposed")]


def test_extract_needs_out_for_a_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(write_input(tmp_path))])
    assert result.exit_code == 2 and "--out" in result.output


def test_bad_user_actor_file_is_a_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "mine.yaml"
    bad.write_text("version: 1\nactors:\n  ZZZQ: {name: Nowhere}\n", encoding="utf-8")
    result = runner.invoke(
        app, ["extract", str(write_input(tmp_path)), "--out", str(tmp_path / "o.jsonl"), "--actors", str(bad)]
    )
    assert result.exit_code == 2 and "mine.yaml" in result.output and "ZZZQ" in result.output


def test_extract_db_then_list_signals(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    engine = open_db(db)
    add_articles(
        engine,
        [
            Article(
                id="a1",
                text="Sergei Lavrov told reporters that Moscow was ready for talks.",
                published=date(2024, 5, 2),
                outlet="Wire",
            ),
            Article(id="a2", text="Kyiv privately signalled it was open to a truce.", published=date(2024, 6, 1)),
        ],
    )
    result = runner.invoke(app, ["extract", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "2 articles re-extracted, 2 signals stored" in result.output
    listed = runner.invoke(app, ["signals", "--db", str(db), "--holder", "rus", "--json"])
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.output)
    assert [(r["article_id"], r["holder"], r["channel"], r["outlet"]) for r in rows] == [
        ("a1", "RUS", "public", "Wire")
    ]
    private = runner.invoke(app, ["signals", "--db", str(db), "--channel", "private"])
    assert private.exit_code == 0 and "a2" in private.output and "UKR" in private.output
    bad = runner.invoke(app, ["signals", "--db", str(db), "--stance", "maybe"])
    assert bad.exit_code == 2 and "maybe" in bad.output


def test_extract_db_on_an_empty_store(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", "--db", str(tmp_path / "empty.db")])
    assert result.exit_code == 0 and "No stored articles" in result.output
