"""JSONL, JSON and CSV article files: the spec's format, --map, and every kind of bad record."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backchannel.ingest import MapError, Problem, ReadOptions, parse_map, read_paths
from backchannel.ingest.tabular import read_jsonl_lines
from backchannel.records import Article

FIX = Path(__file__).parent / "fixtures" / "ingest"
CSV_MAP = "text=body,title=headline,published=date,url=link,outlet=site"


def split(items) -> tuple[list[Article], list[Problem]]:
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Problem)]


def test_jsonl_articles_and_bad_lines() -> None:
    path = FIX / "articles.jsonl"
    arts, problems = split(read_paths([path]))
    assert [a.id for a in arts][:2] == ["wire-2022-03-29-istanbul", "wire-2022-03-29-istanbul-copy"]
    first = arts[0]
    assert first.title.startswith("Ukraine proposes neutrality")
    assert first.published == date(2022, 3, 29) and first.outlet == "Wire Example" and first.story == "istanbul-2022"
    assert "signals" not in first.extra
    no_id = arts[2]
    assert no_id.id.startswith("wire-01-no-id-") and no_id.outlet == "wire.example" and no_id.published is None
    where = {(p.where, p.severity): p.message for p in problems}
    assert where[("line 3", "failed")].startswith("malformed JSON")
    assert where[("line 4", "failed")] == "no 'text' field"
    assert where[("line 5", "failed")] == "expected a JSON object, got list"
    assert "not an ISO date" in where[("line 6", "warning")]
    assert where[("line 7", "skipped")].startswith("text too short")
    assert all(p.source == str(path) for p in problems)


def test_jsonl_text_is_stored_as_given() -> None:
    line = json.dumps(
        {"id": "x", "text": "Also Read: this line stays, because article files carry their text as is. " * 4}
    )
    arts, _ = split(read_jsonl_lines([line.encode()], source="s", path=Path("s.jsonl"), opts=ReadOptions()))
    assert arts[0].text.startswith("Also Read:")


def test_official_statements_file_reads_whole(shared_dir: Path) -> None:
    path = shared_dir / "corpus" / "official-statements.jsonl"
    arts, problems = split(read_paths([path]))
    n_lines = sum(1 for line in path.open("rb") if line.strip())
    assert len(arts) == n_lines and problems == []
    assert len({a.id for a in arts}) == len(arts)


def test_csv_with_a_column_map() -> None:
    arts, problems = split(read_paths([FIX / "custom.csv"], ReadOptions(mapping=parse_map(CSV_MAP))))
    assert [a.title for a in arts] == ["Moldova says it will not join any military bloc", "Vatican envoy visits Moscow"]
    assert arts[0].published == date(2023, 5, 25) and arts[0].url == "https://csv.example/moldova-neutrality"
    assert arts[0].outlet == "CSV Example" and arts[0].id.startswith("csv-moldova-neutrality-")
    assert [(p.where, p.severity) for p in problems] == [("line 3", "skipped")]


def test_csv_without_a_text_column_is_one_clear_problem() -> None:
    arts, problems = split(read_paths([FIX / "no_text_column.csv"]))
    assert arts == []
    (p,) = problems
    assert p.severity == "failed" and p.where == "line 1"
    assert "no 'text' column (columns: headline, summary, date)" in p.message and "--map text=" in p.message


def test_csv_semicolons_and_ragged_rows(tmp_path: Path) -> None:
    text = "Long enough text for the minimum, written for this test about talks resuming in the capital next week. " * 3
    path = tmp_path / "semi.csv"
    path.write_text(f"id;text\nok-1;{text}\nbad-2;{text};extra cell\n", encoding="utf-8")
    arts, problems = split(read_paths([path]))
    assert [a.id for a in arts] == ["ok-1"]
    assert problems[0].where == "line 3" and "3 cells but the header has 2" in problems[0].message


def test_json_array_and_json_without_articles(tmp_path: Path) -> None:
    text = "A JSON array holds article objects too; this one is long enough to pass the minimum length check. " * 3
    (tmp_path / "list.json").write_text(json.dumps([{"id": "j1", "text": text}, {"id": "j2"}]), encoding="utf-8")
    (tmp_path / "index.json").write_text(json.dumps([{"file": "a.html", "title": "x"}]), encoding="utf-8")
    arts, problems = split(read_paths([tmp_path]))
    assert [a.id for a in arts] == ["j1"]
    found = {(Path(p.source).name, p.where, p.severity) for p in problems}
    assert found == {("list.json", "record 2", "failed"), ("index.json", "", "skipped")}


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("text", "is not FIELD=COLUMN"),
        ("body=text", "unknown article field 'body'"),
        ("text=", "no column"),
        ("text=a,text=b", "mapped twice"),
    ],
)
def test_parse_map_errors(spec: str, message: str) -> None:
    with pytest.raises(MapError, match=message):
        parse_map(spec)


def test_parse_map() -> None:
    assert parse_map(" text = body , published=date,") == {"text": "body", "published": "date"}
    assert parse_map(None) == {}


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_jsonl_reader_never_raises_on_arbitrary_bytes(data: bytes) -> None:
    for item in read_jsonl_lines(io.BytesIO(data), source="fuzz.jsonl", path=Path("fuzz.jsonl"), opts=ReadOptions()):
        assert isinstance(item, Article | Problem)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=300),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(["id", "text", "url", "published", "title", "x"]), children, max_size=6)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_jsonl_reader_never_raises_on_arbitrary_json(value) -> None:
    line = json.dumps(value).encode()
    for item in read_jsonl_lines([line], source="fuzz.jsonl", path=Path("fuzz.jsonl"), opts=ReadOptions()):
        assert isinstance(item, Article | Problem)


def test_encoding_fallback_is_reported_once_per_file(tmp_path: Path) -> None:
    text = "Ministers met in Genève on Monday; the café talks on a truce went on all night and into the morning. " * 3
    lines = [json.dumps({"id": f"e{i}", "text": f"{text} {i}"}, ensure_ascii=False).encode("cp1252") for i in range(4)]
    path = tmp_path / "legacy.jsonl"
    path.write_bytes(b"\n".join(lines))
    arts, problems = split(read_paths([path]))
    assert len(arts) == 4 and "Genève" in arts[0].text
    assert [(p.where, p.severity) for p in problems] == [("line 1", "warning"), ("", "warning")]
    assert problems[1].message.startswith("3 more line(s)")


def test_binary_file_named_jsonl_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "image.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    assert [str(p) for p in read_paths([path])] == [f"{path}: binary file, not JSON or CSV text"]
