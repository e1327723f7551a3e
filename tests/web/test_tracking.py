"""The overview and track cache: figures match the tracker, stale-while-updating, single flight."""

from __future__ import annotations

import threading
import time

from backchannel.records import Signal
from backchannel.store import open_db
from backchannel.store.articles import get_article
from backchannel.store.signals import replace_signals
from backchannel.track import overview
from backchannel.web.cache import Cache
from backchannel.web.filters import SignalFilters
from backchannel.web.tracking import cached_track, compute_overview


def test_overview_cells_equal_the_trackers_overview(store_path) -> None:
    engine = open_db(store_path)
    ov = compute_overview(engine, Cache(), wait=True)
    expected = {(c.holder, c.issue): c for c in overview(engine)}
    assert ov.cells == expected
    assert ov.holders[0] == "RUS" and ov.total_signals == 17


def test_overview_tracks_are_reused_by_the_tracker(store_path) -> None:
    engine = open_db(store_path)
    cache = Cache()
    ov = compute_overview(engine, cache, wait=True)
    t = cached_track(engine, cache, "RUS", "ceasefire", SignalFilters(), "month")
    assert t is ov.tracks[("RUS", "ceasefire")]


def test_after_a_change_the_previous_overview_is_shown_while_the_new_one_is_computed(writable_store) -> None:
    engine = open_db(writable_store)
    cache = Cache()
    first = compute_overview(engine, cache)
    assert not first.stale and first.cell("UKR", "negotiations").signals == 2
    article = get_article(engine, "daily-jun")
    sentence = "In public the Kremlin again rejected a truce."
    start = article.text.index(sentence)
    extra = Signal("daily-jun", sentence, start, start + len(sentence), "UKR", "negotiations", "open", "public")
    replace_signals(engine, {"daily-jun": [extra]}, extractor="test")
    cache.clear()
    second = compute_overview(engine, cache)
    assert second.stale and second.cell("UKR", "negotiations").signals == 2
    deadline = time.monotonic() + 10
    while True:
        now = compute_overview(engine, cache)
        if not now.stale:
            break
        assert time.monotonic() < deadline, "the overview was never recomputed"
        time.sleep(0.05)
    assert now.cell("UKR", "negotiations").signals == 2  # one removed (daily-jun's own), one added
    assert now.cell("RUS", "ceasefire").signals == 10


def test_concurrent_misses_compute_once(store_path) -> None:
    engine = open_db(store_path)
    cache = Cache()
    calls = []

    def slow() -> int:
        calls.append(1)
        time.sleep(0.3)
        return 42

    results = []
    threads = [threading.Thread(target=lambda: results.append(cache.get(engine, "k", slow))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [42, 42, 42, 42] and len(calls) == 1


def test_cache_is_bounded(store_path) -> None:
    engine = open_db(store_path)
    cache = Cache(size=3)
    for i in range(5):
        cache.get(engine, i, lambda i=i: i)
    assert cache.peek(engine, 0) is None and cache.peek(engine, 4) == 4


def test_a_large_store_shows_its_pairs_while_the_first_overview_is_computed(writable_store, monkeypatch) -> None:
    from backchannel.web import create_app, tracking

    from .conftest import Client

    monkeypatch.setattr(tracking, "SYNC_SIGNALS", 0)  # treat the test store as large
    gate = threading.Event()
    real = tracking._build_overview

    def slow_build(engine):
        gate.wait(10)
        return real(engine)

    monkeypatch.setattr(tracking, "_build_overview", slow_build)
    c = Client(create_app(str(writable_store), warm=True))
    try:
        html = c.get("/").text
        assert 'id="pending-pairs"' in html and '<meta http-equiv="refresh" content="5">' in html
        assert 'href="/track/RUS/ceasefire"' in html and "12" in html
        gate.set()
        deadline = time.monotonic() + 10
        while 'id="overview-grid"' not in (html := c.get("/").text):
            assert time.monotonic() < deadline, "the overview never appeared"
            time.sleep(0.05)
        assert 'http-equiv="refresh"' not in html
    finally:
        gate.set()
        c.close()


def test_cache_drops_old_entries_beyond_its_weight(store_path) -> None:
    engine = open_db(store_path)
    cache = Cache(size=100, max_weight=25)

    class Heavy:
        def __init__(self, n: int) -> None:
            self.signals = tuple(range(n))

    for i in range(4):
        cache.get(engine, i, lambda: Heavy(9))  # weight 10 each
    assert cache.peek(engine, 0) is None and cache.peek(engine, 1) is None
    assert cache.peek(engine, 2) is not None and cache.peek(engine, 3) is not None
    cache.get(engine, "huge", lambda: Heavy(100))  # alone over the limit: kept, the rest dropped
    assert cache.peek(engine, "huge") is not None and cache.peek(engine, 3) is None


def test_sparklines_share_the_stores_last_twelve_months(store_path) -> None:
    from backchannel.web.tracking import last_months

    assert last_months("2024-02", 4) == ("2023-11", "2023-12", "2024-01", "2024-02")
    ov = compute_overview(open_db(store_path), Cache(), wait=True)
    assert ov.months[-1] == "2023-06" and len(ov.months) == 12
    rus, nato = ov.spark("RUS", "ceasefire"), ov.spark("NATO", "nato_membership")
    assert len(rus) == len(nato) == 12
    # NATO has signals only in April 2023: one value, at April's place on the shared axis.
    assert [i for i, v in enumerate(nato) if v is not None] == [ov.months.index("2023-04")]
    assert rus[-1] is not None and rus[0] is None
