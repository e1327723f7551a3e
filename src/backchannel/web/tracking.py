"""Tracks and the overview for the pages and API, computed by ``backchannel.track`` and cached.

The overview is one ``track.overview`` call plus the shifts of the cells that have any,
arranged as a holders x issues grid. A tracker view is ``build_track`` over the stored
signals of one holder and issue that pass the page's filters (date, channel, source,
hedged); the stance filter applies to the signal list only, since the stance index is
made of every stance. Both are cached until the store changes (see ``cache``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from sqlalchemy import Engine

from ..store.signals import query_signals
from ..track import BY_VALUES, Cell, Shift, Track, build_track, compute_track, load_config, overview
from .cache import Cache
from .filters import SignalFilters

RECENT_SHIFTS = 12


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

    def cell(self, holder: str, issue: str) -> Cell | None:
        return self.cells.get((holder, issue))


@lru_cache(maxsize=1)
def _issue_labels() -> dict[str, str]:
    """Issue code -> label from the bundled issue files (``data/issues/*.yaml``)."""
    from ..signals.lexicon import LexiconError, load_issue

    folder = Path(str(resources.files("backchannel") / "data" / "issues"))
    labels: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            item = load_issue(path)
        except LexiconError:  # the extractor reports a broken file; here the code is shown instead
            continue
        labels[item.code] = item.label
    return labels


def issue_label(code: str) -> str:
    """A readable name for an issue code (its lexicon label, else the code spelled out)."""
    return _issue_labels().get(code) or code.replace("_", " ")


def compute_overview(engine: Engine, cache: Cache) -> Overview:
    def build() -> Overview:
        cells = overview(engine)
        by_holder: dict[str, int] = {}
        issues: set[str] = set()
        for c in cells:
            by_holder[c.holder] = by_holder.get(c.holder, 0) + c.signals
            issues.add(c.issue)
        shifts: list[ShiftRow] = []
        for c in cells:
            if not c.shifts:
                continue
            t = cached_track(engine, cache, c.holder, c.issue, SignalFilters(), "month")
            starts = {p.label: p.start for p in t.periods}
            shifts.extend(ShiftRow(c.holder, c.issue, s, starts[s.period]) for s in t.shifts if s.period in starts)
        shifts.sort(key=lambda r: (r.start, abs(r.shift.change)), reverse=True)
        return Overview(
            holders=sorted(by_holder, key=lambda h: (-by_holder[h], h)),
            issues=sorted(issues),
            cells={(c.holder, c.issue): c for c in cells},
            shifts=shifts[:RECENT_SHIFTS],
            total_signals=sum(by_holder.values()),
        )

    return cache.get(engine, ("overview",), build)


def cached_track(engine: Engine, cache: Cache, holder: str, issue: str, f: SignalFilters, by: str) -> Track:
    """The track of ``holder`` on ``issue`` under the filters (all but stance), cached."""
    if by not in BY_VALUES:
        raise ValueError(f"by must be one of {', '.join(BY_VALUES)}")
    key = ("track", holder, issue, f.since, f.until, f.channel, f.source, f.hedged, by)

    def build() -> Track:
        if f.channel is None and f.source is None and f.hedged is None:
            return compute_track(engine, holder, issue, since=f.since, until=f.until, by=by)  # type: ignore[arg-type]
        stored = query_signals(
            engine, holder=holder, issue=issue, since=f.since, until=f.until,
            channel=f.channel, source=f.source, hedged=f.hedged,
        )  # fmt: skip
        return build_track(stored, holder, issue, since=f.since, until=f.until, by=by, config=load_config())  # type: ignore[arg-type]

    return cache.get(engine, key, build)


def index_label(value: float | None) -> str:
    return load_config().label(value)
