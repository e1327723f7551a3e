"""The dashboard in headless Chromium against a real uvicorn server on 127.0.0.1.

An analyst's path: overview -> tracker -> filter by channel -> chart point -> evidence
search -> article with its highlighted signal -> story cluster; and an article whose
title and text carry script tags and event handlers, of which the browser runs nothing.
A screenshot of each page goes to test-output/screenshots/.
"""

from __future__ import annotations

import re

import httpx
import pytest

from backchannel.web import create_app

from .conftest import TOKEN, Server

pytestmark = pytest.mark.browser

XSS_POSTED = {
    "id": "xss-posted",
    "title": '<script>window.__pwned="posted-title"</script>Kremlin <img src=x onerror="window.__pwned=\'t\'">',
    "url": "javascript:window.__pwned='url'",
    "outlet": "<svg onload=\"window.__pwned='outlet'\">",
    "published": "2023-07-03",
    "text": (
        "A Kremlin spokesman said on Monday that Russia is ready to hold peace talks with Ukraine "
        "<script>window.__pwned='text'; alert('x')</script> if prisoners are exchanged first. "
        "<img src=x onerror=\"window.__pwned='img'\"> Officials added that a delegation could travel "
        "to a neutral capital within days. <iframe src=\"javascript:window.__pwned='frame'\"></iframe> "
        "The statement followed weeks of heavy fighting in the east of the country."
    ),
}


@pytest.fixture(scope="module")
def server(tmp_path_factory, store_path):
    import shutil

    db = tmp_path_factory.mktemp("browser") / "web.db"
    shutil.copy(store_path, db)
    with Server(create_app(str(db), token=TOKEN)) as s:
        yield s


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1360, "height": 900}, base_url=server.url)
    p = context.new_page()
    p.problems = []  # console errors, page errors, dialogs: none may happen
    p.on("console", lambda m: p.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    p.on("pageerror", lambda e: p.problems.append(f"page error: {e}"))

    def on_dialog(d):
        p.problems.append(f"dialog: {d.message}")
        d.dismiss()

    p.on("dialog", on_dialog)
    yield p
    context.close()


def test_analyst_path_overview_tracker_filter_search_article_cluster(page, screenshot) -> None:
    page.goto("/")
    assert page.locator("h1").inner_text() == "Overview"
    assert page.locator("#overview-grid a.cell-link").count() == 3
    screenshot(page, "01-overview")

    page.locator('a.cell-link[data-holder="RUS"][data-issue="ceasefire"]').click()
    page.wait_for_url(re.compile(r"/track/RUS/ceasefire$"))
    page.wait_for_selector("#track-chart[data-rendered=true] svg")
    assert page.locator("#track-chart svg g.mark-symbol.role-mark path").count() >= 6  # points of the lines
    assert page.locator("table.signals tbody tr").count() == 12
    screenshot(page, "02-tracker")

    page.select_option('#track-filters select[name="channel"]', "private")
    page.locator("#track-filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"channel=private"))
    page.wait_for_selector("#track-chart[data-rendered=true] svg")
    channels = page.locator("table.signals tbody .chan").all_inner_texts()
    assert len(channels) == 8 and set(channels) == {"private"}
    screenshot(page, "03-tracker-private")

    # A point of the chart links to the signals of its period and line.
    point = page.locator("#track-chart svg g.mark-symbol.role-mark path").last
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(re.compile(r"since=2023-06-01.*until=2023-06-30"))
    dates = page.locator("table.signals tbody td.nowrap").all_inner_texts()
    assert dates and all(d.startswith("2023-06") for d in dates)

    page.fill("form.quick input[name=q]", "freeze")
    page.press("form.quick input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=freeze"))
    hits = page.locator("#signal-hits tbody tr")
    assert hits.count() == 3
    assert page.locator("#signal-hits mark").first.inner_text().lower() == "freeze"
    screenshot(page, "04-search")

    page.select_option('#search-form select[name="source"]', "third_party")
    page.locator("#search-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"source=third_party"))
    assert page.locator("#signal-hits tbody tr").count() == 3

    page.locator("#signal-hits td.evidence > a").first.click()
    page.wait_for_url(re.compile(r"/articles/[\w-]+#s\d+"))
    anchor = page.url.rsplit("#", 1)[1]
    mark = page.locator(f"#{anchor} + mark.sig")
    assert mark.is_visible()
    assert "freeze of the fighting" in mark.inner_text()
    label = page.locator("a.sig-label").first
    assert "RUS" in label.inner_text() and "private" in label.inner_text()
    screenshot(page, "05-article")

    page.locator("#cluster-link").click()
    page.wait_for_url(re.compile(r"/clusters/story-apr$"))
    assert page.locator("#canonical a").first.inner_text() == "Wire Service: report of 2023-04-20"
    assert page.locator("#member-list tbody tr").count() == 2
    screenshot(page, "06-cluster")
    assert page.problems == []


def test_untrusted_article_runs_nothing(page, server, screenshot) -> None:
    r = httpx.post(
        f"{server.url}/api/articles", json={"articles": [XSS_POSTED]}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert r.status_code == 200, r.text
    assert r.json()["results"][0]["outcome"] == "ingested"
    for path, name in (("/articles/xss-posted", "07-xss-posted"), ("/articles/xss-1", "08-xss-fixture")):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.locator("h1").inner_text().startswith("<script>") or "<script>" in page.locator("h1").inner_text()
        assert page.locator("article img, article iframe, article script, h1 img, h1 script").count() == 0
        # The javascript: URL is text, not a link.
        assert page.locator('a[href^="javascript"]').count() == 0
        screenshot(page, name)
    for path in ("/search?q=kremlin+talks&kind=articles", "/track/RUS/ceasefire", "/articles", "/search?q=privately"):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("typeof window.__pwned") == "undefined", path
    assert page.problems == []


def test_api_docs_render_offline(page, screenshot) -> None:
    page.goto("/docs")
    page.wait_for_selector(".opblock", timeout=15000)
    assert page.locator(".opblock").count() >= 10
    screenshot(page, "09-api-docs")
    assert page.problems == []


def test_error_page_in_the_browser(page, screenshot) -> None:
    response = page.goto("/articles/does-not-exist")
    assert response.status == 404
    assert "No article with this id" in page.locator("section.error").inner_text()
    screenshot(page, "10-not-found")
