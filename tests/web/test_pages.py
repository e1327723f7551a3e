"""The HTML pages: content, filters, escaping of untrusted text, headers, error pages."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from backchannel.web import create_app

from .conftest import Client
from .corpus import XSS_SENTENCE

PAGES = [
    "/",
    "/track/RUS/ceasefire",
    "/track/RUS/ceasefire?channel=private&hedged=false",
    "/search?q=truce",
    "/search?q=truce&kind=articles",
    "/articles",
    "/articles/xss-1",
    "/articles/wire-apr",
    "/clusters",
    "/clusters/story-apr",
    "/docs",
]


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside <script> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_text.append(data)


def parse(html: str) -> Tags:
    t = Tags()
    t.feed(html)
    return t


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_with_security_headers_and_no_inline_script(client: Client, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 200, r.text[:500]
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    tags = parse(r.text)
    for tag, attrs in tags.tags:
        if tag == "script":
            # Only the package's own files, or JSON data blocks (which a browser never runs).
            assert attrs.get("src", "").startswith("/static/") or attrs.get("type") == "application/json", attrs
        assert not any(k.startswith("on") for k in attrs), f"event handler attribute on <{tag}>"
        for key in ("href", "src"):
            value = (attrs.get(key) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), f"<{tag} {key}={value}>"
        if tag == "a" and attrs.get("href", "").startswith("http"):
            assert attrs.get("rel") == "noopener noreferrer", attrs


def test_article_page_escapes_untrusted_title_text_outlet_and_url(client: Client) -> None:
    html = client.get("/articles/xss-1").text
    assert "<script>window.__pwned" not in html
    assert "&lt;script&gt;window.__pwned = 1" in html
    assert "onerror=" not in html.replace("onerror=&#34;", "").replace("onerror=&quot;", "")
    assert "<img" not in html and "<i onclick" not in html and "<b onmouseover" not in html
    # The javascript: URL is shown as text, never as a link.
    assert 'href="javascript' not in html.lower()
    assert "javascript:window.__pwned=3" in html


def test_xss_text_is_escaped_in_lists_and_search_too(client: Client) -> None:
    for url in (
        "/track/RUS/ceasefire",
        "/search?q=privately+truce",
        "/search?q=caption&kind=articles",
        "/articles",
        "/api/tracks",
    ):
        body = client.get(url).text
        assert "<script>window" not in body, url
        assert "<img src=x" not in body, url


def test_article_page_highlights_and_labels_each_signal(client: Client) -> None:
    html = client.get("/articles/wire-apr").text
    marks = re.findall(r'<mark class="sig stance-(\w+)" data-signals="([\d ]+)">(.*?)</mark>', html)
    assert [(stance, nums) for stance, nums, _ in marks] == [("open", "1"), ("open", "2")]
    assert marks[0][2] == "Western officials report that Russian envoys privately proposed a freeze of the fighting."
    labels = re.findall(r'<a class="sig-label stance-open" href="#signal-(\d+)"', html)
    assert len(labels) == 2
    for sid in labels:
        assert f'id="signal-{sid}"' in html and f'id="s{sid}"' in html
    assert "near copy" in html and "Regional Courier: envoys and a freeze" in html
    assert 'href="/clusters/story-apr"' in html


def test_article_page_labels_the_untrusted_signal_escaped(client: Client) -> None:
    html = client.get("/articles/xss-1").text
    mark = re.search(r'<mark class="sig stance-open" data-signals="1">(.*?)</mark>', html).group(1)
    assert mark == XSS_SENTENCE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        '"', "&#34;"
    ).replace("'", "&#39;")


def test_tracker_filters_the_list_and_keeps_filters_in_links(client: Client) -> None:
    html = client.get("/track/RUS/ceasefire?channel=private").text
    rows = re.findall(r'<span class="chan chan-(\w+)">', html)
    assert rows and set(rows) == {"private"}
    assert len(rows) == 8
    assert "8 matching" in html
    # The chart spec is a JSON data block, and its points link back with the filters.
    spec = re.search(r'<script type="application/json" id="track-spec">(.*?)</script>', html, re.S).group(1)
    assert "channel=private" in spec and "<" not in spec
    hedged = client.get("/track/RUS/ceasefire?hedged=true").text
    assert len(re.findall(r'<span class="hedge">hedged</span>', hedged)) == 2
    stance = client.get("/track/RUS/ceasefire?stance=conditional").text
    assert len(re.findall(r'<span class="stance stance-conditional">', stance)) == 1
    assert "/track/RUS/ceasefire?channel=private&amp;source=" not in html  # empty values are dropped


def test_tracker_paginates(writable_store) -> None:
    from backchannel.web import filters

    c = Client(create_app(str(writable_store)))
    old = filters.PAGE_SIZE
    try:
        filters.PAGE_SIZE = 5
        first = c.get("/track/RUS/ceasefire").text
        assert "page 1 of 3" in first and 'rel="next"' in first
        third = c.get("/track/RUS/ceasefire?page=3").text
        assert "page 3 of 3" in third and len(re.findall(r'<span class="chan chan-', third)) == 2
        assert c.get("/track/RUS/ceasefire?page=0").status_code == 422
        assert c.get("/track/RUS/ceasefire?page=999999").status_code == 422
    finally:
        filters.PAGE_SIZE = old
        c.close()


def test_overview_lists_cells_with_links(client: Client) -> None:
    html = client.get("/").text
    cells = re.findall(r'<a class="cell-link" href="/track/(\w+)/(\w+)"', html)
    assert set(cells) == {("RUS", "ceasefire"), ("UKR", "negotiations"), ("NATO", "nato_membership")}
    assert "Cease-fire" in html and "NATO membership" in html
    assert html.count('<svg class="spark"') == 3


def test_search_page_reports_a_bad_query_instead_of_failing(client: Client) -> None:
    r = client.get("/search", params={"q": '"" ((( '})
    assert r.status_code == 200
    assert 'class="problem"' in r.text and "no words" in r.text
    many = client.get("/search", params={"q": " ".join(f"w{i}" for i in range(20))})
    assert "at most 12" in many.text


def test_search_page_combines_words_and_filters(client: Client) -> None:
    html = client.get("/search", params={"q": "truce", "stance": "opposed"}).text
    assert len(re.findall(r'<span class="stance stance-opposed">', html)) == 3
    assert "<mark>truce</mark>" in html
    assert 'Signals <span class="count">3</span>' in html


@pytest.mark.parametrize(
    "url, status, words",
    [
        ("/no/such/page", 404, "There is no page at this address"),
        ("/articles/nope", 404, "No article with this id"),
        ("/clusters/nope", 404, "No story cluster"),
        ("/track/XXX/ceasefire", 404, "No signals of XXX on ceasefire"),
        ("/track/RUS/ceasefire?since=2023-13-40", 422, "since must be a date"),
        ("/track/RUS/ceasefire?channel=telepathy", 422, "channel must be one of"),
        ("/articles?page=abc", 422, "page"),
    ],
)
def test_errors_are_friendly_pages(client: Client, url: str, status: int, words: str) -> None:
    r = client.get(url)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("text/html")
    assert words in r.text
    assert "Traceback" not in r.text


def test_server_error_page_hides_the_exception(writable_store) -> None:
    app = create_app(str(writable_store))

    def boom() -> None:
        raise RuntimeError("secret internals")

    app.add_api_route("/boom", boom, include_in_schema=False)
    c = Client(app)
    try:
        r = c.get("/boom")
        assert r.status_code == 500 and "Something went wrong" in r.text
        assert "script-src 'self'" in r.headers["content-security-policy"]
        assert "secret" not in r.text and "Traceback" not in r.text and "RuntimeError" not in r.text
    finally:
        c.close()


def test_vendored_scripts_are_served_locally(client: Client) -> None:
    for name in ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js", "vega-interpreter.min.js", "LICENSE.vega"):
        r = client.get(f"/static/vendor/{name}")
        assert r.status_code == 200 and len(r.content) > 1000, name


def test_pages_answer_head(client: Client) -> None:
    r = client.request("HEAD", "/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert client.request("HEAD", "/articles/nope").status_code == 404


def test_an_empty_store_explains_itself(db_path) -> None:
    from backchannel.store import open_db

    open_db(db_path).dispose()
    c = Client(create_app(str(db_path)))
    try:
        assert "No signals yet" in c.get("/").text and "backchannel ingest" in c.get("/").text
        assert "No articles match" in c.get("/articles").text
        assert "No story has more than one article yet" in c.get("/clusters").text
        assert "No signal sentence matches" in c.get("/search", params={"q": "truce"}).text
        assert c.get("/api/tracks").json() == []
        assert c.get("/api/signals").json()["total"] == 0
    finally:
        c.close()


def test_tracker_lists_undated_signals_after_the_dated_ones(writable_store, monkeypatch) -> None:
    from backchannel.records import Article, Signal
    from backchannel.store import open_db
    from backchannel.store.articles import add_articles
    from backchannel.store.signals import replace_signals
    from backchannel.web import filters

    engine = open_db(writable_store)
    text = "An undated note on the war and the front. Moscow would accept a truce, an aide said, without giving any date at all."
    sentence = "Moscow would accept a truce, an aide said, without giving any date at all."
    start = text.index(sentence)
    add_articles(engine, [Article(id="undated-1", text=text, title="Undated note")])
    replace_signals(
        engine,
        {"undated-1": [Signal("undated-1", sentence, start, start + len(sentence), "RUS", "ceasefire", "open")]},
        extractor="t",
    )
    monkeypatch.setattr(filters, "PAGE_SIZE", 5)
    c = Client(create_app(str(writable_store)))
    try:
        seen = []
        for page in (1, 2, 3):
            html = c.get(f"/track/RUS/ceasefire?page={page}").text
            seen += re.findall(r'href="/articles/[^"#]+#s(\d+)"', html)
            if page == 1:
                assert "undated last" in html and "no date" not in html
        assert len(seen) == len(set(seen)) == 13
        assert "no date" in html and html.index("2023-06-") < html.index("no date")
        dated_only = c.get("/track/RUS/ceasefire?since=2023-01-01").text
        assert "12 matching" in dated_only and "undated last" not in dated_only
    finally:
        c.close()
