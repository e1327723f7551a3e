"""Briefings and charts: wording from the figures, cited evidence, escaping, self-contained HTML."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import pytest

from _track_corpus import SCRIPT_SENTENCE, build_db
from backchannel.records import Signal
from backchannel.report.briefing import build_briefing
from backchannel.report.charts import ChartError, render_png, render_svg, vegalite_spec
from backchannel.report.render import BriefingError, md_escape, render_html, safe_url, write_briefing
from backchannel.store.signals import StoredSignal
from backchannel.track import build_track, compute_track

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def corpus(db_path):
    return build_db(db_path)


class Page(HTMLParser):
    """Collects what the tests look at: ids, tags, links, text per section."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.srcs: list[str] = []
        self.text: list[str] = []
        self.section: str | None = None
        self.section_text: dict[str, list[str]] = {}
        self.svg_in: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "section":
            self.section = a.get("id")
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        for key in ("src", "srcset"):
            if key in a:
                self.srcs.append(a[key])
        if tag == "link":
            self.srcs.append(a.get("href", ""))
        if tag == "svg":
            self.svg_in.append(self.section)

    def handle_data(self, data):
        self.text.append(data)
        if self.section:
            self.section_text.setdefault(self.section, []).append(data)


def _parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def test_finding_is_worded_from_the_figures_and_cites_evidence(corpus):
    engine, ids = corpus
    b = build_briefing(compute_track(engine, "RUS", "ceasefire"))
    assert b.finding.text == (
        "Russia's public line on a cease-fire stayed opposed from 2023-06 to 2023-09 "
        "while private signals stayed open from 2023-07 to 2023-10."
    )
    assert b.finding.cites
    cited = {b.evidence[n].ref.channel for n in b.finding.cites}
    assert cited == {"public", "private"}
    assert b.title == "Russia on a cease-fire: the public and the private line"


def test_every_statement_cites_existing_evidence(corpus):
    engine, ids = corpus
    b = build_briefing(compute_track(engine, "RUS", "ceasefire"))
    statements = [b.finding, *b.figures, *b.shifts, *b.sources]
    for s in statements:
        assert set(s.cites) <= set(b.evidence), s.text
    uncited = [s.text for s in statements if not s.cites]
    assert uncited == [b.figures[1].text]  # the index summary: its figures are the table's, not one signal's
    assert b.figures[0].text.startswith("13 signals in 9 articles from 6 independent reports, 2023-06-10 to 2023-10-20")
    assert "(1 more undated, not counted)" in b.figures[0].text
    assert b.figures[2].text == "Overtures (open or conditional): reported by 6 articles from 4 independent reports."
    assert b.figures[3].text == "Denials and rejections: reported by 5 articles from 4 independent reports."
    assert b.sources[0].text.startswith("6 of 13 signals (46%) rest on anonymous sources or are hedged")


def test_evidence_splits_overtures_from_rejections_one_item_per_report(corpus):
    engine, ids = corpus
    b = build_briefing(compute_track(engine, "RUS", "ceasefire"))
    assert all(e.ref.stance != "opposed" for e in b.overtures)
    assert all(e.ref.stance == "opposed" for e in b.rejections)
    shown = {e.ref.id for e in b.evidence.values()}
    # s1, s2 and s3 are one report (cluster c1, opposed, public): only the firmest, s1, is quoted.
    assert ids["s1"] in shown and ids["s2"] not in shown and ids["s3"] not in shown
    item = next(e for e in b.evidence.values() if e.ref.id == ids["s1"])
    assert (item.articles, item.reports) == (2, 1)
    assert [e.number for e in b.evidence.values()] == list(range(1, len(b.evidence) + 1))


def test_html_is_self_contained_with_sections_and_escaped_text(corpus, tmp_path):
    engine, ids = corpus
    written = write_briefing(engine, "RUS", "ceasefire", tmp_path / "b.html", fmt="html")
    html = written.paths[0].read_text(encoding="utf-8")
    page = _parse(html)
    for section in ("finding", "figures", "chart", "shifts", "evidence", "overtures", "rejections", "sources",
                    "methods"):  # fmt: skip
        assert section in page.ids, section
    assert "script" not in page.tags  # nothing executable, article markup included
    assert SCRIPT_SENTENCE in "".join(page.text)  # shown as text ...
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # ... because it was escaped
    assert "<the>" not in html and "Report a1 on &lt;the&gt; war" in html
    assert page.svg_in == ["chart"]
    assert "default-src 'none'" in html  # even a script that slipped through could not run or load anything
    assert page.srcs == []  # no external images, stylesheets or scripts
    internal = [h for h in page.hrefs if h.startswith("#")]
    assert internal and all(h[1:] in page.ids for h in internal)
    assert all(h.startswith("https://news.example/") for h in page.hrefs if not h.startswith("#"))
    finding = "".join(page.section_text["finding"])
    assert "Russia's public line on a cease-fire stayed opposed" in finding
    methods = "".join(page.section_text["methods"])
    assert "0.5 when the article hedges it" in methods and "count once" in methods


def test_markdown_briefing_and_png_beside_it(corpus, tmp_path):
    engine, _ = corpus
    written = write_briefing(engine, "RUS", "ceasefire", tmp_path / "rus ceasefire.md", fmt="md")
    md_path, png_path = written.paths
    assert png_path == tmp_path / "rus ceasefire.png"
    assert png_path.read_bytes().startswith(PNG_MAGIC)
    md = md_path.read_text(encoding="utf-8")
    assert "![Stance index by month: public line against private line](rus%20ceasefire.png)" in md
    for heading in ("## Finding", "## Key figures", "## Timeline", "## Shifts", "### Overtures",
                    "### Denials and rejections", "## Sources and firmness", "## Methods"):  # fmt: skip
        assert heading in md
    assert "<script>" not in md and "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    cites = set(re.findall(r"\(#e(\d+)\)", md))
    anchors = set(re.findall(r'<a id="e(\d+)"></a>', md))
    assert cites and cites <= anchors


def test_no_signals_is_a_clear_error(corpus, tmp_path):
    engine, _ = corpus
    with pytest.raises(BriefingError, match="no signals for CHN/ceasefire"):
        write_briefing(engine, "CHN", "ceasefire", tmp_path / "x.html")
    assert not (tmp_path / "x.html").exists()
    with pytest.raises(ChartError):
        render_png(compute_track(engine, "CHN", "ceasefire"))


# --- a constructed track with a shift -------------------------------------------------


def _stored(i, day, stance, channel, url="https://example.org/a", sentence=None):
    sig = Signal(f"art{i}", sentence or f"Sentence {i}.", 0, 10, "RUS", "ceasefire", stance, channel, "holder",
                 False, None, None, 1.0)  # fmt: skip
    return StoredSignal(i, sig, day, "Outlet", "Title", url, None, "test")


def _shifting_track():
    stored, i = [], 0
    for month in range(1, 9):
        for _ in range(2):
            i += 1
            stored.append(_stored(i, date(2024, month, 3), "opposed", "public"))
            i += 1
            stored.append(_stored(i, date(2024, month, 4), "open" if month >= 5 else "opposed", "private"))
    return build_track(stored, "RUS", "ceasefire")


def test_briefing_names_the_shift_and_cites_its_signals():
    track = _shifting_track()
    b = build_briefing(track)
    assert b.finding.text == (
        "Russia's public line on a cease-fire stayed opposed from 2024-01 to 2024-08 "
        "while private signals turned open from 2024-05 (before: opposed)."
    )
    private = next(s for s in b.shifts if "private line moved toward open" in s.text)
    assert "from 2024-05 (after 2024-04): from opposed (-1.00) to open (+1.00;" in private.text
    cited = [b.evidence[n].ref for n in private.cites]
    assert cited and all(r.channel == "private" and r.stance == "open" and r.day.month == 5 for r in cited)


def test_chart_outputs_and_vegalite_spec_agree_with_the_track():
    track = _shifting_track()
    assert render_png(track).startswith(PNG_MAGIC)
    svg = render_svg(track)
    assert "<svg" in svg and "</svg>" in svg
    spec = vegalite_spec(track)
    assert spec["$schema"] == "https://vega.github.io/schema/vega-lite/v5.json"
    layers = spec["vconcat"][0]["layer"]
    lines = layers[0]["data"]["values"]
    assert {r["series"] for r in lines} == {"public", "private"}
    assert len([r for r in lines if r["series"] == "private"]) == 8
    may = next(r for r in lines if r["series"] == "private" and r["period"] == "2024-05")
    assert may["index"] == 1.0 and may["reports"] == 2
    rules = layers[-1]["data"]["values"]
    assert {(r["series"], r["period"]) for r in rules} == {(s.series, s.period) for s in track.shifts}
    bars = spec["vconcat"][1]["data"]["values"]
    assert sum(r["reports"] for r in bars if r["period"] == "2024-05") == 4


def test_unsafe_links_are_never_rendered():
    stored = [_stored(1, date(2024, 1, 1), "open", "public", url="javascript:alert(1)"),
              _stored(2, date(2024, 1, 2), "opposed", "public", url="https://ok.example/x")]  # fmt: skip
    html = render_html(build_briefing(build_track(stored, "RUS", "ceasefire")))
    page = _parse(html)
    assert "javascript:alert(1)" not in page.hrefs
    assert "https://ok.example/x" in page.hrefs


def test_safe_url_and_md_escape():
    assert safe_url("https://a.example/x") == "https://a.example/x"
    assert safe_url("JavaScript:alert(1)") is None and safe_url("data:text/html,x") is None and safe_url(None) is None
    assert md_escape("<b>*x*</b> [y](z)") == "&lt;b&gt;\\*x\\*&lt;/b&gt; \\[y\\](z)"
    assert md_escape("# not a heading") == "\\# not a heading"
    assert md_escape("1. not a list") == "1\\. not a list"
    assert md_escape("two\nlines") == "two lines"


def test_without_a_shift_the_finding_states_the_balance_and_figures_the_latest():
    # Public: opposed in January, conditional in June (one report each: too little for a shift).
    stored = [_stored(1, date(2024, 1, 5), "opposed", "public"), _stored(2, date(2024, 6, 5), "conditional", "public")]
    b = build_briefing(build_track(stored, "UKR", "negotiations"))
    assert b.finding.text == (
        "Ukraine's public line on negotiations was leaning opposed on balance from 2024-01 to 2024-06; "
        "no private signals were found."
    )
    latest = next(s for s in b.figures if s.text.startswith("Latest public line"))
    assert latest.text == "Latest public line: open on conditions (+0.50) in 2024-06, on 1 independent report."
    assert [b.evidence[n].ref.id for n in latest.cites] == [2]
    assert not any(s.text.startswith("Latest private line") for s in b.figures)
    only_private = [_stored(3, date(2024, 2, 1), "open", "private")]
    b = build_briefing(build_track(only_private, "XYZ", "ceasefire"))
    assert (
        b.finding.text == "XYZ's private signals on a cease-fire were open (2024-02); no public statements were found."
    )


def test_a_sentence_told_twice_is_quoted_once():
    same = "Moscow said it would never agree to a truce."
    stored = [_stored(1, date(2024, 1, 5), "opposed", "public", sentence=same),
              _stored(2, date(2024, 3, 5), "opposed", "public", sentence="  moscow said it would never agree to a truce."),
              _stored(3, date(2024, 3, 9), "open", "public", sentence=same)]  # fmt: skip
    b = build_briefing(build_track(stored, "RUS", "ceasefire"))
    quoted = [(e.ref.id, e.ref.stance) for e in b.evidence.values()]
    assert quoted == [(1, "opposed"), (3, "open")]  # the same words with another stance are another signal
    assert b.cited([2]) == (1,)


@pytest.mark.browser
def test_html_briefing_in_a_browser_loads_nothing_and_runs_nothing(corpus, tmp_path):
    """Opened in Chromium, the briefing requests no other resource, runs no script, and shows its chart."""
    import os

    chromium = "/usr/bin/chromium"
    if not os.path.exists(chromium):
        if os.environ.get("CI") == "true":
            pytest.fail(f"{chromium} is missing; CI must install chromium")
        pytest.skip(f"{chromium} not installed — browser test skipped")
    from playwright.sync_api import sync_playwright

    engine, _ = corpus
    path = write_briefing(engine, "RUS", "ceasefire", tmp_path / "b.html", fmt="html").paths[0]
    url = path.resolve().as_uri()
    requests, dialogs, errors = [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on("request", lambda r: requests.append(r.url))
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(url)
            box = page.locator("#chart svg").bounding_box()
            quote = page.locator("li.evidence blockquote").filter(has_text="<script>").first
            shown = quote.inner_text()
        finally:
            browser.close()
    assert requests == [url]
    assert dialogs == [] and errors == []
    assert box is not None and box["width"] > 600 and box["height"] > 300
    assert "<script>alert(1)</script>" in shown


@pytest.mark.browser
def test_vegalite_spec_compiles_and_renders_with_the_vendored_vega_lite():
    """The dashboard's own Vega-Lite accepts the spec without a warning and draws both views."""
    import os
    from pathlib import Path

    chromium = "/usr/bin/chromium"
    if not os.path.exists(chromium):
        if os.environ.get("CI") == "true":
            pytest.fail(f"{chromium} is missing; CI must install chromium")
        pytest.skip(f"{chromium} not installed — browser test skipped")
    from playwright.sync_api import sync_playwright

    vendor = Path(__file__).resolve().parents[1] / "src" / "backchannel" / "web" / "static" / "vendor"
    spec = vegalite_spec(_shifting_track())
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.set_content("<html><body><div id='v' style='width:800px'></div></body></html>")
            for name in ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js"):
                page.add_script_tag(path=str(vendor / name))
            out = page.evaluate(
                """async (spec) => {
                    const warns = [];
                    const logger = {level() { return this; }, warn(...a) { warns.push(a.join(" ")); },
                                    error(...a) { warns.push(a.join(" ")); }, info() {}, debug() {}};
                    vegaLite.compile(spec, {logger});
                    await vegaEmbed("#v", spec, {renderer: "svg", actions: false});
                    const box = document.querySelector("#v svg").getBoundingClientRect();
                    return {warns, width: box.width, height: box.height};
                }""",
                spec,
            )
        finally:
            browser.close()
    assert out["warns"] == []
    assert out["width"] > 600 and out["height"] > 300


def test_issue_phrases_are_checked_and_fall_back_to_the_label():
    from backchannel.report.names import ReportWordingError, issue_phrase, parse_phrases

    assert issue_phrase("ceasefire") == "a cease-fire"
    assert issue_phrase("no_such_issue") == "no such issue"
    assert parse_phrases({"issue_phrases": {"x": " talks "}}, "r.yaml") == {"x": "talks"}
    with pytest.raises(ReportWordingError, match=r"r.yaml: issue_phrases.x must be a non-empty phrase"):
        parse_phrases({"issue_phrases": {"x": ""}}, "r.yaml")
    with pytest.raises(ReportWordingError, match="must map issue codes"):
        parse_phrases({"issue_phrases": ["a"]}, "r.yaml")
