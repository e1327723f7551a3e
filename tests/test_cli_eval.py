"""``backchannel eval`` through Typer's CliRunner, on small gold and prediction files written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backchannel.cli.app import app

TEXT = (
    "The Ruritanian foreign minister said on Monday that his country was ready for talks.\n\n"
    "Officials in Moscow privately floated a truce along the current front, people familiar with the matter said.\n\n"
    "The weather in the capital was cold."
)
S1 = "The Ruritanian foreign minister said on Monday that his country was ready for talks."
S2 = "Officials in Moscow privately floated a truce along the current front, people familiar with the matter said."
S3 = "The weather in the capital was cold."


def _sig(sentence: str, holder: str, issue: str, stance: str, **kw) -> dict:
    return {"sentence": sentence, "holder": holder, "issue": issue, "stance": stance} | kw


def _write(path: Path, articles: list[dict]) -> Path:
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    gold = [
        {
            "id": "g1",
            "text": TEXT,
            "published": "2025-03-12",
            "story": "st1",
            "signals": [
                _sig(S1, "RUR", "negotiations", "open", channel="public", source="holder", when="2025-03-10"),
                _sig(S2, "RUS", "ceasefire", "conditional", channel="private", source="anonymous"),
            ],
        },
        {"id": "g2", "text": TEXT, "story": "st1", "signals": []},
    ]
    pred = [
        {
            "id": "g1",
            "text": TEXT,
            "cluster": "c1",
            "signals": [
                _sig(S1, "RUR", "negotiations", "open", channel="public", source="holder", when="2025-03-10"),
                _sig(S2, "RUS", "ceasefire", "open", channel="private", source="anonymous", confidence=0.7),
                _sig(S3, "UKR", "ceasefire", "open", confidence=0.2),
            ],
        },
        {"id": "g2", "text": TEXT, "cluster": "c1", "signals": []},
    ]
    return _write(tmp_path / "gold.jsonl", gold), _write(tmp_path / "pred.jsonl", pred)


runner = CliRunner()


def test_table_shows_detection_attributes_and_clusters(files: tuple[Path, Path]) -> None:
    gold, pred = files
    result = runner.invoke(app, ["eval", str(gold), "--pred", str(pred)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    out = result.output
    # 2 matched, 1 false alarm: P 2/3, R 1, F1 0.8; stance 1/2 right.
    assert "0.667" in out and "0.800" in out
    assert "stance" in out and "0.500" in out
    assert "story clusters" in out
    assert "ceasefire" in out and "negotiations" in out  # per-issue rows


def test_json_output_carries_the_counts(files: tuple[Path, Path]) -> None:
    gold, pred = files
    result = runner.invoke(app, ["eval", str(gold), "--pred", str(pred), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["detection"]["tp"] == 2 and data["detection"]["fp"] == 1 and data["detection"]["fn"] == 0
    assert data["attributes"]["stance"] == {"correct": 1, "n": 2, "accuracy": 0.5}
    assert data["attributes"]["when"]["n"] == 1
    assert data["clustering"]["f1"] == 1.0
    assert data["stance_confusion"]["conditional"] == {"open": 1}
    assert "errors" not in data


def test_errors_lists_false_alarms_and_wrong_stances(files: tuple[Path, Path]) -> None:
    gold, pred = files
    result = runner.invoke(app, ["eval", str(gold), "--pred", str(pred), "--errors"], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert "false alarm" in result.output and "weather in the capital" in result.output
    assert "mismatch" in result.output and "conditional -> open" in result.output
    data = json.loads(runner.invoke(app, ["eval", str(gold), "--pred", str(pred), "--errors", "--json"]).stdout)
    assert sorted(e["kind"] for e in data["errors"]) == ["false_alarm", "mismatch"]


def test_gold_sentence_missing_from_text_is_a_clear_error(tmp_path: Path) -> None:
    gold = _write(
        tmp_path / "bad.jsonl",
        [{"id": "broken-7", "text": TEXT, "signals": [_sig("Not here.", "RUS", "ceasefire", "open")]}],
    )
    result = runner.invoke(app, ["eval", str(gold), "--pred", str(gold)])
    assert result.exit_code == 2
    assert "broken-7" in result.output and "not found" in result.output


def test_malformed_file_names_file_and_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a", "text": "x"}) + "\n{oops\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), "--pred", str(gold)])
    assert result.exit_code == 2
    assert "gold.jsonl:2" in result.output and "malformed JSON" in result.output


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_actors_with_pred_is_a_usage_error(files: tuple[Path, Path], tmp_path: Path) -> None:
    gold, pred = files
    extra = tmp_path / "actors.yaml"
    extra.write_text("actors: {}\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), "--pred", str(pred), "--actors", str(extra)])
    assert result.exit_code == 2
    assert "--actors" in result.output


def test_without_pred_runs_the_extractor(tmp_path: Path) -> None:
    text = (
        "Russian President Vladimir Putin said on Tuesday that Moscow was ready to negotiate with Kyiv.\n\n"
        "The weather was mild."
    )
    sentence = text.split("\n")[0]
    gold = _write(
        tmp_path / "gold.jsonl",
        [
            {
                "id": "x1",
                "text": text,
                "published": "2025-03-12",
                "signals": [_sig(sentence, "RUS", "negotiations", "open")],
            }
        ],
    )
    result = runner.invoke(app, ["eval", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["detection"]["tp"] + data["detection"]["fn"] == 1
    assert data["detection"]["tp"] + data["detection"]["fp"] >= 1, data  # the extractor ran and found something
    assert data["detection"]["tp"] == 1, data  # a plain on-the-record readiness to negotiate


def test_bad_user_actor_file_is_a_clear_error(files: tuple[Path, Path], tmp_path: Path) -> None:
    gold, _ = files
    user = tmp_path / "mine.yaml"
    user.write_text("version: 1\nactors:\n  XYZQ: {name: Nowhere, names: [Nowhere]}\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), "--actors", str(user)], env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert "mine.yaml" in result.output and "XYZQ" in result.output


def test_user_actor_file_reaches_the_extractor(tmp_path: Path) -> None:
    # Ruritania is not in the bundled dictionary; with the user's file it is a holder (RUR is no ISO 3166
    # code, so the file declares it an organisation, as the loader requires).
    text = "Ruritanian Foreign Minister Olaf Brandt said on Monday that Ruritania was ready to negotiate with Kyiv."
    gold = _write(
        tmp_path / "gold.jsonl",
        [{"id": "r1", "text": text, "published": "2025-03-12", "signals": [_sig(text, "RUR", "negotiations", "open")]}],
    )
    user = tmp_path / "ruritania.yaml"
    user.write_text(
        "version: 1\nactors:\n  RUR: {name: Ruritania, names: [Ruritania], demonyms: [Ruritanian], organization: true}\n",
        encoding="utf-8",
    )
    without = json.loads(runner.invoke(app, ["eval", str(gold), "--json"]).stdout)
    result = runner.invoke(app, ["eval", str(gold), "--json", "--actors", str(user)])
    assert result.exit_code == 0, result.output
    with_file = json.loads(result.stdout)
    assert without["detection"]["tp"] == 0
    assert with_file["detection"]["tp"] == 1, with_file


def test_holders_table(files: tuple[Path, Path]) -> None:
    gold, pred = files
    result = runner.invoke(app, ["eval", str(gold), "--pred", str(pred), "--holders"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "per holder" in result.output
    assert "RUR" in result.output and "UKR" in result.output  # UKR only as a false alarm: predicted 1, gold 0
