"""WARC archives built in the test with warcio: HTML records, other records, truncation."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from backchannel.ingest import Problem, read_paths
from backchannel.records import Article

PARAS = [
    "Mediators said on Sunday that both governments had accepted a proposal to resume talks on a truce in the "
    "eastern region, after weeks in which neither side would meet the other's envoys directly.",
    "A first meeting at the level of deputy ministers is planned for the end of the month in a neutral capital.",
]


def page(title: str, dated: bool) -> bytes:
    meta = "<meta property='article:published_time' content='2024-02-03'>" if dated else ""
    body = "".join(f"<p>{p} ({title})</p>" for p in PARAS)
    return (
        f"<html><head><title>{title}</title>{meta}</head><body><nav>Home World Sport</nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>Footer links</footer></body></html>"
    ).encode()


def build_warc(path: Path, gz: bool) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)

        def response(
            url: str, ctype: str, body: bytes, status: str = "200 OK", when: str = "2024-05-06T07:08:09Z"
        ) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                url, "response", payload=BytesIO(body), http_headers=headers, warc_headers_dict={"WARC-Date": when}
            )
            writer.write_record(rec)

        writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "pytest"}))
        response(
            "https://archived.example/news/one", "text/html; charset=utf-8", page("First archived story", dated=True)
        )
        response("https://archived.example/style.css", "text/css", b"body{color:red}")
        response(
            "https://archived.example/news/two",
            "text/html",
            page("Second archived story", dated=False),
            when="2024-05-07T00:00:00Z",
        )
        response("https://archived.example/missing", "text/html", b"<html>not found</html>", status="404 Not Found")
        response("https://archived.example/news/three", "text/html", page("Third archived story", dated=True))


def split(items) -> tuple[list[Article], list[Problem]]:
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Problem)]


@pytest.mark.parametrize("name", ["archive.warc", "archive.warc.gz"])
def test_html_response_records_become_articles(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    build_warc(path, gz=name.endswith(".gz"))
    arts, problems = split(read_paths([path]))
    assert problems == []
    assert [a.url for a in arts] == [f"https://archived.example/news/{n}" for n in ("one", "two", "three")]
    one, two, _ = arts
    assert one.title == "First archived story" and one.published == date(2024, 2, 3)  # the page's own date
    assert two.published == date(2024, 5, 7) and two.extra["warc_date"] == "2024-05-07T00:00:00Z"  # the capture date
    assert one.outlet == "archived.example" and one.id.startswith("archived-news-one-")
    assert "Home World" not in one.text and "Footer" not in one.text
    assert one.source_path == str(path)


@pytest.mark.parametrize("name", ["cut.warc", "cut.warc.gz"])
def test_truncated_warc_keeps_what_was_read(tmp_path: Path, name: str) -> None:
    full = tmp_path / f"full-{name}"
    build_warc(full, gz=name.endswith(".gz"))
    data = full.read_bytes()
    last = data.rfind(b"WARC/1" if not name.endswith(".gz") else b"\x1f\x8b\x08")
    cut = tmp_path / name
    cut.write_bytes(data[: last + (len(data) - last) // 2])
    arts, problems = split(read_paths([cut]))
    assert [a.url.rsplit("/", 1)[1] for a in arts] == ["one", "two"]
    (p,) = problems
    assert p.severity == "failed" and p.source == str(cut)
    assert p.message == "truncated WARC: it ends inside record 6; kept the 2 article(s) before it"
    assert p.where == "record 6"


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("this is not an archive at all\n" * 5, encoding="utf-8")
    arts, problems = split(read_paths([path]))
    assert arts == [] and problems[0].severity == "failed" and "WARC" in problems[0].message
