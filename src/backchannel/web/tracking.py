"""Tracks and the overview for the pages and API, computed by ``backchannel.track`` and cached.

The overview reads every signal once, builds each holder x issue's monthly track with
``track.build_track`` and derives from those tracks both the cells (as ``track.overview``
does) and the recent shifts; the tracks go into the cache too, so opening a tracker from
the overview costs nothing more. A tracker view with filters is ``build_track`` over the
signals that pass them (date, channel, source, hedged); the stance filter applies to the
signal list only, since the stance index is made of every stance.

On a large store the overview takes seconds, so it is computed once per change of the
data and, after a change, the previous one is shown (marked as updating) while the new
one is computed in the background: a page never waits on a recomputation it can avoid.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Engine

from ..store.signals import StoredSignal, query_signals
from ..track import BY_VALUES, Cell, Shift, Track, build_track, compute_track, load_config
from ..track.compute import SPARKLINE_MONTHS, overview_cell
from .cache import Cache
from .filters import SignalFilters

log = logging.getLogger(__name__)

RECENT_SHIFTS = 12
SYNC_SIGNALS = 10_000  # above this many signals the overview is computed in the background


@dataclass(frozen=True, slots=True)
class ShiftRow:
    holder: str
    issue: str
    shift: Shift
    start: date  # first day of the period where the new level shows


@dataclass(frozen=True, slots=True)
class Overview:
    holders: list[str]  # rows, most signals first
    issues: list[str]  # columns
    cells: dict[tuple[str, str], Cell]
    shifts: list[ShiftRow]  # most recent first
    total_signals: int
    stale: bool = False  # True: from before the latest change; a fresh one is being computed
    tracks: dict[tuple[str, str], Track] = field(default_factory=dict, repr=False)
    months: tuple[str, ...] = ()  # the sparklines' shared axis: the store's last twelve months

    def cell(self, holder: str, issue: str) -> Cell | None:
        return self.cells.get((holder, issue))

    def spark(self, holder: str, issue: str) -> list[float | None]:
        """The cell's sparkline on the shared axis, so every cell's months line up."""
        c = self.cells.get((holder, issue))
        if c is None:
            return []
        by_month = dict(zip(c.sparkline_periods, c.sparkline, strict=False))
        return [by_month.get(m) for m in self.months]


def last_months(latest: str, n: int = SPARKLINE_MONTHS) -> tuple[str, ...]:
    """The ``n`` month labels (YYYY-MM) ending with ``latest``."""
    year, month = int(latest[:4]), int(latest[5:7])
    out = []
    for _ in range(n):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return tuple(reversed(out))


def cell_of(track: Track, signals: int) -> Cell:
    """The overview cell of one monthly track (the same figures as ``track.overview``)."""
    return overview_cell(track, signals)


def _build_overview(engine: Engine) -> Overview:
    groups: dict[tuple[str, str], list[StoredSignal]] = defaultdict(list)
    for s in query_signals(engine):
        groups[(s.signal.holder, s.signal.issue)].append(s)
    cfg = load_config()
    tracks = {pair: build_track(stored, *pair, by="month", config=cfg) for pair, stored in groups.items()}
    cells = {pair: cell_of(t, len(groups[pair])) for pair, t in tracks.items()}
    by_holder: dict[str, int] = defaultdict(int)
    for (holder, _), c in cells.items():
        by_holder[holder] += c.signals
    shifts: list[ShiftRow] = []
    for (holder, issue), t in tracks.items():
        starts = {p.label: p.start for p in t.periods}
        shifts.extend(ShiftRow(holder, issue, s, starts[s.period]) for s in t.shifts if s.period in starts)
    shifts.sort(key=lambda r: (r.start, abs(r.shift.change)), reverse=True)
    ends = [c.sparkline_periods[-1] for c in cells.values() if c.sparkline_periods]
    return Overview(
        holders=sorted(by_holder, key=lambda h: (-by_holder[h], h)),
        issues=sorted({issue for _, issue in cells}),
        cells=cells,
        shifts=shifts[:RECENT_SHIFTS],
        total_signals=sum(by_holder.values()),
        tracks=tracks,
        months=last_months(max(ends)) if ends else (),
    )


class _Refresher:
    """At most one background recomputation of the overview at a time, per cache."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running = False
        self.last: Overview | None = None


def _refresher(cache: Cache) -> _Refresher:
    with cache.lock:
        if not hasattr(cache, "_overview_refresher"):
            cache._overview_refresher = _Refresher()  # type: ignore[attr-defined]
        return cache._overview_refresher  # type: ignore[attr-defined]


def compute_overview(engine: Engine, cache: Cache, *, wait: bool = False) -> Overview | None:
    """The overview for the current data, or while a new one is being computed in the
    background, the previous one (``stale``), or None when there is none yet.

    A store of up to ``SYNC_SIGNALS`` signals is computed in this thread (about a
    second); ``wait`` always does so (the API, so it always gives current figures).
    """
    ref = _refresher(cache)
    fresh = cache.peek(engine, ("overview",))
    if fresh is not None:
        return fresh
    if wait or (ref.last is None and cache.fingerprint(engine)[0] <= SYNC_SIGNALS):
        ov = cache.get(engine, ("overview",), lambda: _build_overview(engine))
        ref.last = ov
        _cache_tracks(engine, cache, ov)
        return ov
    with ref.lock:
        start = not ref.running
        ref.running = True
    if start:
        threading.Thread(target=_refresh, args=(engine, cache, ref), daemon=True, name="overview-refresh").start()
    last = ref.last
    if last is None:
        return None
    return dataclasses.replace(last, stale=True)


def _refresh(engine: Engine, cache: Cache, ref: _Refresher) -> None:
    try:
        ov = cache.get(engine, ("overview",), lambda: _build_overview(engine))
        ref.last = ov
        _cache_tracks(engine, cache, ov)
    except Exception:  # the page keeps showing the previous overview; the log says why
        log.exception("recomputing the overview failed")
    finally:
        with ref.lock:
            ref.running = False


def _cache_tracks(engine: Engine, cache: Cache, ov: Overview) -> None:
    unfiltered = SignalFilters()
    for (holder, issue), track in ov.tracks.items():
        cache.put(engine, _track_key(holder, issue, unfiltered, "month"), track)


def warm(engine: Engine, cache: Cache) -> threading.Thread:
    """Compute the overview in a background thread (at server start, before the first visit)."""
    ref = _refresher(cache)

    with ref.lock:
        ref.running = True
    thread = threading.Thread(target=_refresh, args=(engine, cache, ref), daemon=True, name="overview-warm")
    thread.start()
    return thread


def _track_key(holder: str, issue: str, f: SignalFilters, by: str) -> tuple:
    return ("track", holder, issue, f.since, f.until, f.channel, f.source, f.hedged, by)


def cached_track(engine: Engine, cache: Cache, holder: str, issue: str, f: SignalFilters, by: str) -> Track:
    """The track of ``holder`` on ``issue`` under the filters (all but stance), cached."""
    if by not in BY_VALUES:
        raise ValueError(f"by must be one of {', '.join(BY_VALUES)}")

    def build() -> Track:
        if f.channel is None and f.source is None and f.hedged is None:
            return compute_track(engine, holder, issue, since=f.since, until=f.until, by=by)  # type: ignore[arg-type]
        stored = query_signals(
            engine, holder=holder, issue=issue, since=f.since, until=f.until,
            channel=f.channel, source=f.source, hedged=f.hedged,
        )  # fmt: skip
        return build_track(stored, holder, issue, since=f.since, until=f.until, by=by, config=load_config())  # type: ignore[arg-type]

    return cache.get(engine, _track_key(holder, issue, f, by), build)


def index_label(value: float | None) -> str:
    return load_config().label(value)
