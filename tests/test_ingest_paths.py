"""Folders, format detection and the never-raise promise of read_paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backchannel.ingest import Problem, ReadOptions, expand, read_paths, sniff_format
from backchannel.ingest.base import id_from_path, id_from_url, slugify
from backchannel.records import Article

FIX = Path(__file__).parent / "fixtures" / "ingest"
TEXT = (
    "Delegations from both sides met on Tuesday at a hotel near the border, where mediators presented a "
    "draft text for a cease-fire and an exchange of prisoners that both sides agreed to study."
)


def write_tree(root: Path) -> None:
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text(f"Top\n\n{TEXT}", encoding="utf-8")
    (root / "sub" / "b.md").write_text(f"# Middle\n\n{TEXT} Second copy edited.", encoding="utf-8")
    (root / "sub" / "deeper" / "c.txt").write_text(f"Deep\n\n{TEXT} Third copy edited.", encoding="utf-8")
    (root / ".hidden" / "d.txt").write_text(f"Hidden\n\n{TEXT}", encoding="utf-8")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0binary")


def test_folder_without_and_with_recursion(tmp_path: Path) -> None:
    write_tree(tmp_path)
    flat, problems = expand([tmp_path], ReadOptions())
    assert [Path(s.location).name for s in flat] == ["a.txt"]
    assert [(Path(p.source).name, p.severity) for p in problems] == [("photo.jpg", "skipped")]
    deep, _ = expand([tmp_path], ReadOptions(recursive=True))
    assert sorted(Path(s.location).name for s in deep) == ["a.txt", "b.md", "c.txt"]


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    write_tree(tmp_path)
    sources, _ = expand([tmp_path, tmp_path / "a.txt", tmp_path / "sub" / ".." / "a.txt"], ReadOptions())
    assert [Path(s.location).name for s in sources] == ["a.txt"]


def test_missing_paths_and_bad_format_are_problems(tmp_path: Path) -> None:
    _, problems = expand([tmp_path / "nope.txt"], ReadOptions())
    assert problems == [Problem(str(tmp_path / "nope.txt"), "no such file or folder")]
    _, problems = expand([tmp_path], ReadOptions(fmt="pdf"))
    assert "unknown format 'pdf'" in problems[0].message


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (b"WARC/1.0\r\nWARC-Type: warcinfo", "warc"),
        (b'{"id": "x", "text": "y"}\n', "jsonl"),
        (b'[{"id": "x"}]', "json"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel>', "feed"),
        (b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b"<!DOCTYPE html><html><head>", "html"),
        (b"\xef\xbb\xbf<html>", "html"),
        (b"Just a title\n\nand some text", "text"),
    ],
)
def test_sniff_format(head: bytes, fmt: str) -> None:
    assert sniff_format(head) == fmt


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "download"
    path.write_bytes((FIX / "feed.rss").read_bytes())
    arts = [i for i in read_paths([path]) if isinstance(i, Article)]
    assert len(arts) == 2 and arts[0].outlet == "Eastern Dispatch"


def test_format_option_overrides_the_name(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes((FIX / "news_page.html").read_bytes())
    (art,) = [i for i in read_paths([path], ReadOptions(fmt="html")) if isinstance(i, Article)]
    assert art.outlet == "The Harbour Ledger"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(f"T\n\n{TEXT}", encoding="utf-8")
    path.chmod(0)
    (problem,) = list(read_paths([path]))
    assert problem.severity == "failed" and "permission denied" in problem.message


def test_permission_denied_is_one_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root reads any file, so the refusal is simulated where the reader opens the file.
    path = tmp_path / "locked.txt"
    path.write_text(f"T\n\n{TEXT}", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    (problem,) = list(read_paths([path]))
    assert problem == Problem(str(path), "cannot read: permission denied")


def test_special_files_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (problem,) = list(read_paths([fifo]))
    assert problem.message == "not a regular file or folder"


def test_a_folder_where_a_file_is_expected_errors_cleanly(tmp_path: Path) -> None:
    (tmp_path / "x.jsonl").mkdir()
    problems = list(read_paths([tmp_path / "x.jsonl"], ReadOptions(recursive=True)))
    assert problems == []  # an empty folder holds nothing; named .jsonl or not


def test_ids_are_stable_and_readable(tmp_path: Path) -> None:
    url = "https://www.example.co.uk/world/2024/05/01/talks-resume?ref=rss"
    assert id_from_url(url) == id_from_url(url)
    assert id_from_url(url).startswith("example-01-talks-resume-")
    assert id_from_url(url) != id_from_url(url.replace("01", "02"))
    path = tmp_path / "Über Talks.txt"
    assert id_from_path(path).startswith("uber-talks-")
    assert id_from_path(path) == id_from_path(tmp_path / "." / "Über Talks.txt")
    assert id_from_path(path, "3") != id_from_path(path, "4")
    assert slugify("!!!") == "article"


@settings(max_examples=150, deadline=None)
@given(
    st.binary(max_size=3000),
    st.sampled_from(["x.txt", "x.html", "x.jsonl", "x.json", "x.csv", "x.xml", "x.warc", "x.warc.gz", "x"]),
)
def test_read_paths_never_raises_on_arbitrary_bytes(tmp_path_factory, data: bytes, name: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / name
    path.write_bytes(data)
    for item in read_paths([path]):
        assert isinstance(item, Article | Problem)
        if isinstance(item, Problem):
            assert item.source == str(path) and item.message
            assert "unexpected error" not in item.message, item
