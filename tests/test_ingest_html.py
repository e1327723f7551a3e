"""HTML pages: a news page with navigation, ads, share widgets and comments; the kremlin.ru pages."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from backchannel.ingest import Problem, ReadOptions, read_paths
from backchannel.ingest.html import declared_charset, fragment_text, html_to_article
from backchannel.records import Article

FIX = Path(__file__).parent / "fixtures" / "ingest"


def read_one(path: Path, **kw) -> tuple[Article, list[Problem]]:
    items = list(read_paths([path], ReadOptions(**kw)))
    arts = [i for i in items if isinstance(i, Article)]
    assert len(arts) == 1, items
    return arts[0], [i for i in items if isinstance(i, Problem)]


def test_news_page_main_text_and_metadata() -> None:
    art, problems = read_one(FIX / "news_page.html")
    assert problems == []
    assert art.title == "Delegations meet in Istanbul for first direct talks in three years"
    assert art.published == date(2025, 5, 16)
    assert art.author == "Mara Lindqvist"
    assert art.outlet == "The Harbour Ledger"
    assert art.url == "https://harbourledger.example/world/2025/05/16/istanbul-direct-talks"
    assert art.id.startswith("harbourledger-") and art.id == read_one(FIX / "news_page.html")[0].id
    paras = art.text.split("\n\n")
    assert paras[0].startswith("Negotiators from Russia and Ukraine sat at the same table")
    assert paras[-1].startswith("European leaders meeting in Tirana")
    assert len(paras) == 5
    for debris in (
        "Politics",
        "Subscribe",
        "Breaking",
        "Advertisement",
        "Cheap flights",
        "ovens",
        "Share on",
        "Email this",
        "More on this story",
        "Talks delayed",
        "newsletter",
        "comments",
        "riverwatcher",
        "disappointed",
        "Leave a comment",
        "Privacy",
        "All rights reserved",
    ):
        assert debris not in art.text, debris


def test_content_farm_post_loses_its_debris() -> None:
    art, problems = read_one(FIX / "wordpress_post.html")
    assert problems == []
    assert art.title == "Zelensky signals readiness for talks on a frozen front"
    assert art.published == date(2024, 11, 20)
    assert art.author is None  # "admin" is an account, not a person
    assert art.outlet == "Global Pulse Now"
    paras = art.text.split("\n\n")
    assert len(paras) == 5
    assert paras[0].startswith("Ukrainian President Volodymyr Zelensky has said")
    assert paras[-1].endswith("would require a cease-fire first.")
    for debris in (
        "Also Read",
        "Markets react",
        "Share this",
        "Telegram",
        "Posted in",
        "Tagged",
        "Previous Post",
        "thoughts on",
        "clickbait",
        "stop the killing",
        "Leave a Reply",
        "email address",
        "Recent Posts",
        "Crypto",
        "Copyright",
    ):
        assert debris not in art.text, debris
    assert "Volodymyr Zelensky" not in paras  # the caption paragraph that only names him


def test_kremlin_pages_main_text_title_and_date(shared_dir: Path) -> None:
    folder = shared_dir / "corpus" / "html"
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    assert len(index) >= 10
    for entry in index:
        art, _ = read_one(folder / entry["file"])
        assert art.title == entry["title"], entry["file"]
        assert art.published == date.fromisoformat(entry["published"]), entry["file"]
        assert art.url == entry["url"].removesuffix("/print")  # the print page names its canonical URL
        assert art.outlet == "President of Russia"
        assert len(art.text) > 500
        for nav in (
            "Version for People with Disabilities",
            "Send a Letter",
            "Search this website",
            "Amur tiger",
            "Direct link",
            "Send by email",
        ):
            assert nav not in art.text, (entry["file"], nav)
        assert "\u00a0" not in art.text
        assert "\n\n" in art.text


def test_print_page_and_page_share_an_id(shared_dir: Path) -> None:
    folder = shared_dir / "corpus" / "html"
    a, _ = read_one(folder / "kremlin-63755.html")
    b, _ = read_one(folder / "kremlin-63755-print.html")
    assert a.id == b.id and a.content_hash == b.content_hash


def test_declared_charset_is_used(tmp_path: Path) -> None:
    body = "Переговоры о прекращении огня продолжатся в Стамбуле на следующей неделе, заявили обе стороны. " * 4
    page = f"<html><head><meta charset='windows-1251'><title>Переговоры</title></head><body><article><p>{body}</p></article></body></html>"
    path = tmp_path / "ru.html"
    path.write_bytes(page.encode("cp1251"))
    assert declared_charset(path.read_bytes()) == "windows-1251"
    art, problems = read_one(path)
    assert "прекращении огня" in art.text
    assert problems == []  # a declared charset is not a guess


def test_undeclared_legacy_encoding_is_detected_and_reported(tmp_path: Path) -> None:
    body = "The minister’s café meeting – a “frank” exchange – ended without a cease-fire agreement, aides said. " * 4
    path = tmp_path / "legacy.html"
    path.write_bytes(f"<html><body><article><p>{body}</p></article></body></html>".encode("cp1252"))
    art, problems = read_one(path)
    assert "café" in art.text and "“frank”" in art.text
    assert len(problems) == 1 and problems[0].severity == "warning" and "not UTF-8" in problems[0].message


def test_page_without_article_text_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    items = list(read_paths([path]))
    assert len(items) == 1 and items[0].severity == "skipped"
    assert items[0].source == str(path)


def test_binary_data_as_html_fails() -> None:
    items = list(html_to_article(b"\x89PNG\r\n\x1a\n\x00\x00\x00", source="x.html", opts=ReadOptions()))
    assert [i.severity for i in items] == ["failed"] and "binary" in items[0].message


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("<p>One.</p><p>Two &amp; three.</p>", "One.\n\nTwo & three."),
        ("plain text", "plain text"),
        ("<div>a<br>b<script>x()</script></div>", "a\n\nb"),
        ("<p>unclosed <b>bold", "unclosed bold"),
    ],
)
def test_fragment_text(fragment: str, expected: str) -> None:
    assert fragment_text(fragment) == expected
