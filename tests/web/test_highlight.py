"""Highlighting signals in article text, and the template helpers that build markup."""

from __future__ import annotations

import re

from backchannel.records import Signal
from backchannel.store.search import MARK_END, MARK_START
from backchannel.web.highlight import place_signals, render_article
from backchannel.web.templating import marked, qs, safe_url, sparkline

TEXT = "First a plain sentence. Moscow is open to talks & a truce. Kyiv <b>rejects</b> them. The end."


def sig(sentence: str, holder: str = "RUS", stance: str = "open", start: int | None = None) -> Signal:
    s = TEXT.index(sentence) if start is None else start
    return Signal("a", sentence, s, s + len(sentence), holder, "ceasefire", stance, "private", "anonymous", True)


def test_each_signal_is_marked_labelled_and_escaped() -> None:
    one = sig("Moscow is open to talks & a truce.")
    two = sig("Kyiv <b>rejects</b> them.", holder="UKR", stance="opposed")
    placed = place_signals(TEXT, [(20, two), (10, one)])
    assert [p.number for p in placed] == [1, 2] and [p.signal_id for p in placed] == [10, 20]
    html = str(render_article(TEXT, placed))
    assert '<mark class="sig stance-open" data-signals="1">Moscow is open to talks &amp; a truce.</mark>' in html
    assert '<mark class="sig stance-opposed" data-signals="2">Kyiv &lt;b&gt;rejects&lt;/b&gt; them.</mark>' in html
    assert "<b>" not in html
    assert html.index('id="s10"') < html.index("Moscow") and html.index('id="s20"') < html.index("Kyiv")
    label = re.search(r'<a class="sig-label stance-open" href="#signal-10"[^>]*>(.*?)</a>', html).group(1)
    assert "RUS" in label and "hedged" in label and "anonymous" in label
    # Removing the markup gives back the text exactly (labels aside).
    stripped = re.sub(r'<a class="sig-label.*?</a>', "", html)
    stripped = re.sub(r"<[^>]+>", "", stripped).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    assert stripped == TEXT


def test_two_signals_on_one_sentence_and_overlaps() -> None:
    sentence = "Moscow is open to talks & a truce."
    a = sig(sentence)
    b = sig(sentence, holder="UKR", stance="opposed")
    html = str(render_article(TEXT, place_signals(TEXT, [(1, a), (2, b)])))
    assert f'<mark class="sig stance-mixed" data-signals="1 2">{sentence.replace("&", "&amp;")}</mark>' in html
    assert html.count('class="sig-label') == 2 and 'id="s1"' in html and 'id="s2"' in html
    # Partial overlap: the shared part carries both numbers.
    start = TEXT.index("a truce.")
    c = Signal("a", TEXT[start : start + 20], start, start + 20, "TUR", "ceasefire", "open")
    html = str(render_article(TEXT, place_signals(TEXT, [(1, a), (3, c)])))
    assert '<mark class="sig stance-open" data-signals="1 2">a truce.</mark>' in html


def test_signal_with_stale_offsets_is_found_by_sentence_or_reported() -> None:
    moved = sig("Moscow is open to talks & a truce.", start=0)
    assert place_signals(TEXT, [(1, moved)])[0].span == (TEXT.index("Moscow"), TEXT.index("Moscow") + 34)
    gone = Signal("a", "A sentence that is not there.", 0, 29, "RUS", "ceasefire", "open")
    placed = place_signals(TEXT, [(1, gone)])
    assert placed[0].span is None
    assert "<mark" not in str(render_article(TEXT, placed))


def test_safe_url_allows_only_http_links() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url(" http://example.org ") == "http://example.org"
    for bad in ("javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "//example.org", "/local", "ftp://x.org",
                'https://example.org/"onmouseover="x', "https://exa mple.org", "", None, "http://"):  # fmt: skip
        assert safe_url(bad) is None, bad


def test_marked_escapes_then_marks() -> None:
    out = str(marked(f"a <script> {MARK_START}truce{MARK_END} & b"))
    assert out == "a &lt;script&gt; <mark>truce</mark> &amp; b"


def test_query_strings_drop_empty_values_and_encode() -> None:
    assert qs({"q": "a b", "channel": None, "stance": "", "page": 2}) == "?q=a+b&page=2"
    assert qs({"q": "<x>"}, page=None) == "?q=%3Cx%3E"
    assert qs({}) == ""


def test_sparkline_scales_and_breaks_at_gaps() -> None:
    svg = str(sparkline([-1.0, None, 0.5, 1.0], width=90, height=24))
    assert svg.startswith('<svg class="spark"') and svg.count("<polyline") == 1
    points = re.search(r'<polyline points="([^"]+)"', svg).group(1).split()
    assert points == ["59.0,7.5", "87.0,3.0"] and svg.count("<circle") == 3
    assert str(sparkline([])) == ""
