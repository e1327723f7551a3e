"""The ``track``, ``brief`` and ``export`` commands: output, JSON, files, and clear messages."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from _track_corpus import build_db
from backchannel.cli import app
from backchannel.store import open_db

runner = CliRunner()


@pytest.fixture
def db(db_path):
    build_db(db_path)
    return str(db_path)


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_track_table(db):
    r = run("track", "--holder", "RUS", "--issue", "ceasefire", "--db", db)
    assert r.exit_code == 0, r.output
    out = r.output
    assert "13 signals in 9 articles from 6 independent reports" in out
    for label in ("2023-06", "2023-07", "2023-09", "2023-10"):
        assert label in out
    assert "2023-08" not in out  # empty periods are not rows
    assert "+1.85" in out and "-0.09" in out  # totals: gap and overall index
    assert "public line opposed; private line open" in out
    assert "First: 2023-06-10 opposed/public" in out


def test_track_json_lowercase_holder_and_week(db):
    r = run("track", "--holder", "rus", "--issue", "ceasefire", "--by", "week", "--json", "--db", db)
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert data["holder"] == "RUS" and data["by"] == "week"
    assert data["totals"]["reports"] == 6
    assert [p["label"] for p in data["periods"] if p["signals"]][:2] == ["2023-W23", "2023-W25"]


def test_no_signals_for_the_pair_names_what_exists(db):
    r = run("track", "--holder", "CHN", "--issue", "ceasefire", "--db", db)
    assert r.exit_code == 1
    assert "no signals for CHN/ceasefire; holders with signals on ceasefire: RUS, UKR" in r.output
    assert "Traceback" not in r.output
    r = run("track", "--holder", "RUS", "--issue", "nato_membership", "--db", db)
    assert "issues with signals for RUS: ceasefire, negotiations" in r.output


def test_date_range_without_signals(db):
    r = run("track", "--holder", "RUS", "--issue", "ceasefire", "--since", "2024-01-01", "--db", db)
    assert r.exit_code == 1
    assert "in that date range; its 13 dated signals run from 2023-06-10 to 2023-10-20" in r.output


def test_empty_database(db_path, tmp_path):
    open_db(db_path)
    for cmd in (["track"], ["brief", "--out", str(tmp_path / "b.html")]):
        r = run(*cmd, "--holder", "RUS", "--issue", "ceasefire", "--db", str(db_path))
        assert r.exit_code == 1
        assert "the database has no signals yet" in r.output
    assert not (tmp_path / "b.html").exists()


def test_bad_options(db):
    r = runner.invoke(app, ["track", "--holder", "RUS", "--issue", "ceasefire", "--by", "year", "--db", db])
    assert r.exit_code == 2 and "'year' is not one of day, week, month" in r.output
    r = runner.invoke(app, ["track", "--holder", "RUS", "--issue", "ceasefire", "--since", "May", "--db", db])
    assert r.exit_code == 2 and "YYYY-MM-DD" in r.output


def test_brief_html_and_markdown(db, tmp_path):
    r = run("brief", "--holder", "RUS", "--issue", "ceasefire", "--out", str(tmp_path / "b.html"), "--db", db)
    assert r.exit_code == 0, r.output
    assert "Russia's public line on a cease-fire" in r.output and "wrote" in r.output
    assert (tmp_path / "b.html").read_text().startswith("<!DOCTYPE html>")
    r = run("brief", "--holder", "RUS", "--issue", "ceasefire", "--format", "md", "--out", str(tmp_path / "b.md"),
            "--db", db)  # fmt: skip
    assert r.exit_code == 0, r.output
    assert (tmp_path / "b.md").exists() and (tmp_path / "b.png").exists()


def test_export_command(db, tmp_path):
    out = tmp_path / "s.parquet"
    r = run("export", "signals", "--out", str(out), "--holder", "rus", "--issue", "ceasefire", "--db", db)
    assert r.exit_code == 0, r.output
    assert "wrote 14 signals" in r.output and "(parquet)" in r.output
    r = run("export", "clusters", "--format", "json", "--out", str(tmp_path / "c.json"), "--db", db)
    assert "wrote 5 cluster memberships" in r.output
    r = runner.invoke(app, ["export", "clusters", "--out", str(tmp_path / "c.csv"), "--holder", "RUS", "--db", db])
    assert r.exit_code == 2 and "--holder does not apply to clusters" in r.output
    r = runner.invoke(app, ["export", "votes", "--out", str(tmp_path / "v.csv"), "--db", db])
    assert r.exit_code == 2 and "'votes' is not one of signals, articles, clusters" in r.output
    r = runner.invoke(app, ["export", "signals", "--out", str(tmp_path / "nope" / "s.csv"), "--db", db])
    assert r.exit_code == 2 and "does not exist" in r.output


@pytest.mark.slow
def test_track_as_a_subprocess(db):
    cmd = [sys.executable, "-m", "backchannel.cli.app", "--help"]
    assert subprocess.run(cmd, capture_output=True, check=False).returncode in (0, 1)
    exe = [sys.executable, "-c", "from backchannel.cli import main; main()"]
    r = subprocess.run([*exe, "track", "--holder", "RUS", "--issue", "ceasefire", "--json", "--db", db],
                       capture_output=True, text=True, check=False)  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["totals"]["signals"] == 13
    r = subprocess.run([*exe, "track", "--holder", "XXX", "--issue", "ceasefire", "--db", db],
                       capture_output=True, text=True, check=False)  # fmt: skip
    assert r.returncode == 1 and "no signals for XXX/ceasefire" in r.stderr and "Traceback" not in r.stderr


def test_export_rejects_unknown_filter_values(db, tmp_path):
    r = runner.invoke(app, ["export", "signals", "--stance", "maybe", "--out", str(tmp_path / "s.csv"), "--db", db])
    assert r.exit_code == 2 and "'maybe' is not one of open, opposed, conditional" in r.output
    assert not (tmp_path / "s.csv").exists()


def test_track_writes_the_chart(db, tmp_path):
    for name in ("t.png", "t.svg"):
        r = run("track", "--holder", "RUS", "--issue", "ceasefire", "--chart", str(tmp_path / name), "--db", db)
        assert r.exit_code == 0, r.output
    assert (tmp_path / "t.png").read_bytes().startswith(b"\x89PNG")
    assert "<svg" in (tmp_path / "t.svg").read_text()
    r = runner.invoke(app, ["track", "--holder", "RUS", "--issue", "ceasefire", "--chart", str(tmp_path / "t.gif"),
                            "--db", db])  # fmt: skip
    assert r.exit_code == 2 and "must end in .png or .svg" in r.output


def test_brief_into_a_missing_folder(db, tmp_path):
    r = run("brief", "--holder", "RUS", "--issue", "ceasefire", "--out", str(tmp_path / "no" / "b.html"), "--db", db)
    assert r.exit_code == 2 and "does not exist" in r.output


def test_a_missing_database_is_not_created(tmp_path):
    path = tmp_path / "typo.db"
    for cmd in (["track", "--holder", "RUS", "--issue", "ceasefire"],
                ["brief", "--holder", "RUS", "--issue", "ceasefire", "--out", str(tmp_path / "b.html")],
                ["export", "signals", "--out", str(tmp_path / "s.csv")]):  # fmt: skip
        r = runner.invoke(app, [*cmd, "--db", str(path)])
        assert r.exit_code == 2 and "no database at" in r.output, r.output
    assert not path.exists()


def test_track_with_a_users_config(db, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("hedged_weight: 3\n")
    r = run("track", "--holder", "RUS", "--issue", "ceasefire", "--config", str(bad), "--db", db)
    assert r.exit_code == 2 and "bad.yaml" in r.output and "stance_values" in r.output
