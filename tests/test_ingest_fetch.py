"""Fetching URLs against a real server on 127.0.0.1: limits on time, size, redirects and type."""

from __future__ import annotations

import time

import pytest

from backchannel.ingest import FetchError, FetchOptions, ReadOptions, fetch, read_paths
from backchannel.records import Article
from ingest_server import html_page, serve

PARAS = [
    "Envoys from the two governments met on the border on Monday and agreed to resume talks on a cease-fire "
    "along the current front line, according to a statement issued by the mediators after the meeting.",
    "Both delegations said they would report back to their capitals, and a second round was planned for the "
    "following week in the same place, with observers from three neighbouring countries invited.",
]


def slow(handler) -> None:
    time.sleep(2)
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    handler.wfile.write(b"<html>late</html>")


def endless_redirect(handler) -> None:
    handler.send_response(302)
    handler.send_header("Location", "/loop")
    handler.send_header("Content-Length", "0")
    handler.end_headers()


def chunked_big(handler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()  # no Content-Length: the cap must hold while streaming
    try:
        for _ in range(64):
            handler.wfile.write(b"<p>" + b"x" * 4096 + b"</p>")
    except (BrokenPipeError, ConnectionResetError):
        pass  # the client stopped reading at the cap, as it should


@pytest.fixture(scope="module")
def site():
    routes = {
        "/page": (200, {"Content-Type": "text/html; charset=utf-8"}, html_page("Envoys agree to resume talks", PARAS)),
        "/moved": (301, {"Location": "/page"}, b""),
        "/loop": endless_redirect,
        "/slow": slow,
        "/pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 binary"),
        "/big": (200, {"Content-Type": "text/html"}, b"<html>" + b"y" * 300_000 + b"</html>"),
        "/stream": chunked_big,
        "/to-ftp": (302, {"Location": "ftp://127.0.0.1/file"}, b""),
        "/gone": (410, {"Content-Type": "text/html"}, b"gone"),
    }
    with serve(routes) as base:
        yield base


OPTS = FetchOptions(timeout=0.5, max_bytes=100_000, max_redirects=3)


def test_fetch_follows_a_redirect(site: str) -> None:
    got = fetch(f"{site}/moved", OPTS)
    assert got.url.endswith("/page")
    assert got.content_type == "text/html"
    assert got.charset == "utf-8"
    assert b"Envoys agree" in got.body


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/loop", "more than 3 redirects"),
        ("/slow", "timed out after 0.5 s"),
        ("/pdf", "content type application/pdf is not HTML or a feed"),
        ("/big", "over the 100,000-byte limit"),
        ("/stream", "over the 100,000-byte limit"),
        ("/to-ftp", "only http and https"),
        ("/gone", "HTTP 410"),
    ],
)
def test_fetch_refuses_what_breaks_a_limit(site: str, path: str, message: str) -> None:
    with pytest.raises(FetchError, match=message):
        fetch(f"{site}{path}", OPTS)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "http:///nohost"])
def test_only_http_urls_with_a_host(url: str) -> None:
    with pytest.raises(FetchError):
        fetch(url, OPTS)


def test_read_paths_reads_a_url_and_reports_bad_ones(site: str) -> None:
    items = list(read_paths([f"{site}/page", f"{site}/slow", f"{site}/pdf"], ReadOptions(fetch=OPTS)))
    arts = [i for i in items if isinstance(i, Article)]
    problems = [i for i in items if not isinstance(i, Article)]
    assert len(arts) == 1
    art = arts[0]
    assert art.url == f"{site}/page"
    assert art.title == "Envoys agree to resume talks"
    assert art.outlet == "Loopback News"
    assert art.text == "\n\n".join(PARAS)
    assert "Home" not in art.text and "Copyright" not in art.text
    assert [p.source for p in problems] == [f"{site}/slow", f"{site}/pdf"]
    assert "timed out" in problems[0].message and problems[0].severity == "failed"
    assert "application/pdf" in problems[1].message
