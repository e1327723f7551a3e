"""The dashboard on the sample corpus as the real pipeline stores it (ingest, clean, cluster, extract).

The figures depend on the extractor, so these checks are about the path an analyst
takes and what each page must show, not exact counts (test_browser.py has those, on a
store built by hand).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from backchannel.ingest import ReadOptions
from backchannel.ingest.load import ingest_paths
from backchannel.pipeline import after_ingest
from backchannel.store import open_db
from backchannel.web import create_app

from .conftest import Server

pytestmark = pytest.mark.browser

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


@pytest.fixture(scope="module")
def corpus_server(tmp_path_factory):
    db = tmp_path_factory.mktemp("corpus") / "corpus.db"
    engine = open_db(db)
    report = ingest_paths(engine, [str(CORPUS)], ReadOptions(recursive=True))
    assert report.ingested, "the sample corpus stored no article"
    after_ingest(engine, report.ingested)
    engine.dispose()
    with Server(create_app(str(db))) as s:
        yield s


@pytest.fixture
def cpage(browser, corpus_server):
    context = browser.new_context(viewport={"width": 1360, "height": 900}, base_url=corpus_server.url)
    p = context.new_page()
    p.problems = []
    p.on("console", lambda m: p.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    p.on("pageerror", lambda e: p.problems.append(f"page error: {e}"))
    yield p
    context.close()


def test_sample_corpus_path(cpage, corpus_server, screenshot) -> None:
    page = cpage
    page.goto("/")
    cell = page.locator('a.cell-link[data-holder="RUS"][data-issue="ceasefire"]')
    assert cell.count() == 1, "the sample corpus has no Russia / cease-fire cell"
    screenshot(page, "corpus-01-overview")

    cell.click()
    page.wait_for_url(re.compile(r"/track/RUS/ceasefire$"))
    page.wait_for_selector("#track-chart[data-rendered=true] svg")
    assert page.locator("table.signals tbody tr").count() > 0
    track = httpx.get(f"{corpus_server.url}/api/tracks/RUS/ceasefire", params={"signals_limit": 0}).json()
    assert page.locator("ul.shifts li").count() == len(track["shifts"])
    if track["shifts"]:  # each shift is a rule and a marker on the chart
        assert page.locator("#track-chart svg g.mark-rule.role-mark line").count() >= 1 + len(track["shifts"])
    screenshot(page, "corpus-02-tracker")

    page.select_option('#track-filters select[name="channel"]', "private")
    page.locator("#track-filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"channel=private"))
    channels = page.locator("table.signals tbody .chan").all_inner_texts()
    assert channels and set(channels) == {"private"}
    screenshot(page, "corpus-03-tracker-private")

    page.fill("form.quick input[name=q]", "ceasefire OR truce")
    page.press("form.quick input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    hits = page.locator("#signal-hits tbody tr")
    assert hits.count() > 0
    assert page.locator("#signal-hits mark").count() > 0
    screenshot(page, "corpus-04-search")

    page.locator("#signal-hits td.evidence > a").first.click()
    page.wait_for_url(re.compile(r"/articles/.+#s\d+"))
    anchor = page.url.rsplit("#", 1)[1]
    assert page.locator(f"#{anchor} + mark.sig").is_visible()
    assert page.locator("ol.side-signals li").count() > 0
    screenshot(page, "corpus-05-article")

    clusters = httpx.get(f"{corpus_server.url}/api/clusters").json()
    assert clusters["total"] > 0, "the sample corpus has copies; clustering found none"
    canonical = clusters["items"][0]["canonical"]["article_id"]
    page.goto(f"/articles/{quote(canonical, safe='')}")
    page.locator("#cluster-link").click()
    page.wait_for_url(re.compile(r"/clusters/"))
    assert page.locator("#member-list tbody tr").count() >= 1
    screenshot(page, "corpus-06-cluster")
    assert page.problems == []
