"""Plain text and Markdown files: title, debris, encodings, and files that are not text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from backchannel.ingest import Problem, ReadOptions, read_paths
from backchannel.records import Article

FIX = Path(__file__).parent / "fixtures" / "ingest"

BODY = (
    "The foreign ministers of both countries spoke by telephone on Thursday and agreed that their deputies "
    "would meet in Vienna next month to prepare a possible summit, the ministry said in a statement."
)


def items(path: Path, **kw) -> tuple[list[Article], list[Problem]]:
    got = list(read_paths([path], ReadOptions(**kw)))
    return [i for i in got if isinstance(i, Article)], [i for i in got if isinstance(i, Problem)]


def test_seed_page_as_text(shared_dir: Path) -> None:
    path = shared_dir / "corpus" / "seed-putin-open-to-ceasefire.txt"
    (art,), problems = items(path)
    assert problems == []
    assert art.title and art.title == path.read_text(encoding="utf-8").splitlines()[0]
    assert not art.text.startswith(art.title)
    assert "Also Read" not in art.text and "Leave a Comment" not in art.text
    assert art.source_path == str(path)
    assert art.id.startswith("seed-putin-open-to-ceasefire-")


def test_blog_post_metadata_and_clean_body() -> None:
    (art,), problems = items(FIX / "blog_post.txt")
    assert problems == []
    assert art.title == "Erdogan offers to host a new round of peace talks"
    assert art.author == "Tomas Ferreira"
    assert art.published == date(2024, 3, 14)
    assert art.url is None and art.outlet is None
    assert "thoughts on" not in art.text and "Subscribe" not in art.text


def test_markdown_with_front_matter_takes_its_url_and_outlet() -> None:
    (art,), _ = items(FIX / "front_matter.md")
    assert art.url == "https://northwind.example/2024/07/10/nato-irreversible-path"
    assert art.outlet == "Northwind Review"
    assert art.id.startswith("northwind-")


def test_cp1252_text_is_detected_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(
        ("Talks in Genève – a “new” start\n\n" + BODY.replace("Vienna", "Genève") + " Café.").encode("cp1252")
    )
    (art,), problems = items(path)
    assert art.title == "Talks in Genève – a “new” start"
    assert "Genève" in art.text
    assert len(problems) == 1 and problems[0].severity == "warning"
    assert problems[0].source == str(path) and "not UTF-8" in problems[0].message


def test_mixed_encoding_keeps_the_utf8_and_reads_stray_bytes(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("Ministers meet in Zürich\n\n".encode() + BODY.encode() + b" The caf\xe9 was closed.")
    (art,), problems = items(path)
    assert art.title == "Ministers meet in Zürich"
    assert art.text.endswith("The café was closed.")
    assert problems[0].severity == "warning" and "mixed encoding: 1 byte(s)" in problems[0].message


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(("Title line\n\n" + BODY + "\n\n" + BODY).encode("utf-16"))
    (art,), problems = items(path)
    assert art.text == BODY + "\n\n" + BODY and problems == []


def test_binary_empty_and_short_files(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "empty.txt").write_bytes(b"  \n\n ")
    (tmp_path / "short.md").write_text("# A title\n\nOnly one short line of text.", encoding="utf-8")
    arts, problems = items(tmp_path)
    assert arts == []
    by_file = {Path(p.source).name: p for p in problems}
    assert by_file["image.txt"].severity == "failed" and "binary" in by_file["image.txt"].message
    assert by_file["empty.txt"].severity == "skipped" and by_file["empty.txt"].message == "empty file"
    assert by_file["short.md"].severity == "skipped" and "text too short" in by_file["short.md"].message


def test_minimum_length_is_an_option(tmp_path: Path) -> None:
    (tmp_path / "short.txt").write_text("Title\n\nFive words are enough here.", encoding="utf-8")
    arts, _ = items(tmp_path / "short.txt", min_chars=10, min_words=5)
    assert len(arts) == 1
