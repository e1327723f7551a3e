"""``backchannel ingest`` through Typer's runner and as a subprocess."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backchannel.cli import app
from backchannel.store import open_db
from backchannel.store.articles import count_articles, get_article

FIX = Path(__file__).parent / "fixtures" / "ingest"
QUIET = ["--no-cluster", "--no-extract"]
TEXT = (
    "Delegations from the two countries met on Tuesday near the border, where mediators presented a draft "
    "text for a cease-fire and an exchange of prisoners that both sides said they would study at home."
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str):
    return runner.invoke(app, ["ingest", *args], catch_exceptions=False)


def many_files(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"story-{i:03d}.txt").write_text(
            f"Story number {i}\n\n{TEXT} Item {i} of the batch.", encoding="utf-8"
        )
    return folder


def test_ingest_fixtures_then_rerun_is_nothing_new(runner: CliRunner, db_path: Path) -> None:
    first = run(runner, str(FIX), "--db", str(db_path), *QUIET, "--map", "text=text")
    assert first.exit_code == 0, first.output
    out = first.output
    assert "ingested" in out and "duplicate" in out and "skipped" in out and "failed" in out
    # One-line errors name the file and the line or record, and the batch went on.
    assert "articles.jsonl:line 3: malformed JSON" in out
    assert "no_text_column.csv:line 1: no 'text' column" in out
    assert "feed.rss:entry 3: text too short" in out
    engine = open_db(db_path)
    stored = count_articles(engine)
    assert stored >= 9
    blog = next(a for a in _all(engine) if a.title and a.title.startswith("Erdogan offers"))
    assert blog.author == "Tomas Ferreira" and "Also Read" not in blog.text
    again = run(runner, str(FIX), "--db", str(db_path), *QUIET)
    assert again.exit_code == 0, again.output
    assert f"nothing new: all {stored} articles read are already stored." in again.output
    assert "duplicate: " in again.output and "same text as" in again.output
    assert count_articles(engine) == stored


def _all(engine):
    from backchannel.store.articles import iter_articles

    return list(iter_articles(engine))


def test_strict_and_nothing_ingestable_exit_codes(runner: CliRunner, db_path: Path, tmp_path: Path) -> None:
    ok = run(runner, str(FIX / "articles.jsonl"), "--db", str(db_path), *QUIET)
    assert ok.exit_code == 0  # failures without --strict: the rest was stored
    strict = run(
        runner, str(FIX / "no_text_column.csv"), str(FIX / "front_matter.md"), "--db", str(db_path), "--strict", *QUIET
    )
    assert strict.exit_code == 1 and "--strict: 1 input(s) failed" in strict.output
    (tmp_path / "short.txt").write_text("Title\n\nToo short.", encoding="utf-8")
    none = run(runner, str(tmp_path / "short.txt"), str(tmp_path / "missing.txt"), "--db", str(db_path), *QUIET)
    assert none.exit_code == 1
    assert "nothing could be ingested" in none.output
    assert "missing.txt: no such file or folder" in none.output


def test_map_and_format_options(runner: CliRunner, db_path: Path) -> None:
    got = run(
        runner,
        str(FIX / "custom.csv"),
        "--db",
        str(db_path),
        *QUIET,
        "--map",
        "text=body,title=headline,published=date,url=link,outlet=site",
    )
    assert got.exit_code == 0, got.output
    engine = open_db(db_path)
    assert {a.outlet for a in _all(engine)} == {"CSV Example"}
    bad = runner.invoke(app, ["ingest", str(FIX), "--db", str(db_path), "--map", "body"])
    assert bad.exit_code == 2 and "FIELD=COLUMN" in bad.output
    bad = runner.invoke(app, ["ingest", str(FIX), "--db", str(db_path), "--format", "pdf"])
    assert bad.exit_code == 2 and "pdf" in bad.output


def test_interrupted_batch_leaves_whole_batches_and_rerun_completes(
    runner: CliRunner, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = many_files(tmp_path / "many", 25)
    import backchannel.ingest.load as load

    real = load.add_articles
    calls = {"n": 0}

    def crash_on_third(engine, batch):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(engine, batch)

    monkeypatch.setattr(load, "add_articles", crash_on_third)
    cut = run(runner, str(folder), "--db", str(db_path), "--batch-size", "10", *QUIET)
    assert cut.exit_code == 130 and "interrupted: 20 new articles were stored" in cut.output
    assert count_articles(open_db(db_path)) == 20
    monkeypatch.setattr(load, "add_articles", real)
    rest = run(runner, str(folder), "--db", str(db_path), "--batch-size", "10", *QUIET)
    assert rest.exit_code == 0
    assert count_articles(open_db(db_path)) == 25
    assert re.search(r"ingested\s*│\s*5\s*│", rest.output) and re.search(r"duplicate\s*│\s*20\s*│", rest.output)


def test_urls_on_the_command_line(runner: CliRunner, db_path: Path) -> None:
    from ingest_server import html_page, serve

    page = html_page("Envoys meet at the border", [TEXT, TEXT.replace("Tuesday", "Wednesday")])
    routes = {
        "/story": (200, {"Content-Type": "text/html"}, page),
        "/doc": (200, {"Content-Type": "application/pdf"}, b"%PDF"),
    }
    with serve(routes) as base:
        got = run(
            runner, f"{base}/story", f"{base}/doc", "ftp://127.0.0.1/x", "--db", str(db_path), "--timeout", "2", *QUIET
        )
    assert got.exit_code == 0, got.output
    assert f"{base}/doc: content type application/pdf is not HTML or a feed" in got.output
    assert "ftp://127.0.0.1/x: only http and https URLs can be fetched" in got.output
    (art,) = _all(open_db(db_path))
    assert art.url == f"{base}/story" and art.title == "Envoys meet at the border" and art.outlet == "Loopback News"


def test_bad_database_path_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    got = runner.invoke(app, ["ingest", str(FIX), "--db", str(tmp_path / "no" / "such" / "x.db"), *QUIET])
    assert got.exit_code == 2 and "does not exist" in got.output


def test_default_path_clusters_and_extracts(runner: CliRunner, db_path: Path) -> None:
    pytest.importorskip("backchannel.cluster")
    pytest.importorskip("backchannel.signals.stored")
    got = run(runner, str(FIX / "news_page.html"), str(FIX / "blog_post.txt"), "--db", str(db_path))
    assert got.exit_code == 0, got.output
    assert "clustered 2 articles" in got.output and "extracted" in got.output


def test_rerun_after_an_interrupted_pipeline_completes_it(runner: CliRunner, db_path: Path) -> None:
    pytest.importorskip("backchannel.cluster")
    pytest.importorskip("backchannel.signals.stored")
    first = run(runner, str(FIX / "news_page.html"), "--db", str(db_path), *QUIET)
    assert first.exit_code == 0
    again = run(runner, str(FIX / "news_page.html"), str(FIX / "blog_post.txt"), "--db", str(db_path))
    assert again.exit_code == 0, again.output
    assert "1 stored articles were never clustered" in again.output
    assert "clustered 2 articles" in again.output


def test_a_failing_later_stage_is_one_line_and_the_articles_stay(
    runner: CliRunner, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import backchannel.pipeline as pipeline

    def broken(*_a, **_k):
        raise ValueError("lexicon exploded")

    monkeypatch.setattr(pipeline, "after_ingest", broken)
    got = run(runner, str(FIX / "news_page.html"), "--db", str(db_path))
    assert got.exit_code == 1
    assert "clustering failed after storing 1 new articles: ValueError: lexicon exploded" in " ".join(
        got.output.split()
    )
    assert count_articles(open_db(db_path)) == 1


@pytest.mark.slow
def test_subprocess_ingest(tmp_path: Path) -> None:
    exe = shutil.which("backchannel", path=str(Path(sys.executable).parent)) or "backchannel"
    env = {**os.environ, "BACKCHANNEL_DB": str(tmp_path / "sub.db")}
    folder = many_files(tmp_path / "corpus", 3)
    shutil.copy(FIX / "news_page.html", folder / "page.html")
    cmd = [exe, "ingest", str(folder), *QUIET]
    first = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert first.returncode == 0, first.stderr
    assert "ingested" in first.stdout and "│ 4" in first.stdout
    second = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert second.returncode == 0 and "nothing new: all 4 articles" in second.stdout
    engine = open_db(tmp_path / "sub.db")
    assert get_article(engine, next(a.id for a in _all(engine) if a.url)).outlet == "The Harbour Ledger"
    broken = subprocess.run(
        [exe, "ingest", str(tmp_path / "nope"), *QUIET, "--strict"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert broken.returncode == 1 and "no such file or folder" in broken.stderr
