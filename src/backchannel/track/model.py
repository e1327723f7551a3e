"""What a track is made of: periods, series, shifts, the evidence behind them.

Plain frozen dataclasses with ``to_json()`` so the CLI (``--json``), the briefings and
the web dashboard read one structure. Dates are ISO strings in JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from ..records import CHANNELS, STANCES

By = Literal["day", "week", "month"]
SeriesName = Literal["overall", "public", "private", "gap"]
SERIES: tuple[str, ...] = ("overall", "public", "private", "gap")


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _round(x: float | None, nd: int = 4) -> float | None:
    return None if x is None else round(x, nd)


@dataclass(frozen=True, slots=True)
class SignalRef:
    """One stored signal as evidence: what it says, where and when it was reported."""

    id: int
    article_id: str
    day: date | None  # the signal's own date (its `when`), else the article's publication date
    stance: str
    channel: str
    source: str
    hedged: bool
    confidence: float
    weight: float  # this signal's weight: confidence x hedge factor
    sentence: str
    person: str | None
    when: str | None
    published: date | None
    outlet: str | None
    title: str | None
    url: str | None
    report: str  # the independent report it belongs to: its story cluster, else its own article

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "day": _iso(self.day),
            "stance": self.stance,
            "channel": self.channel,
            "source": self.source,
            "hedged": self.hedged,
            "confidence": _round(self.confidence),
            "weight": _round(self.weight),
            "sentence": self.sentence,
            "person": self.person,
            "when": self.when,
            "published": _iso(self.published),
            "outlet": self.outlet,
            "title": self.title,
            "url": self.url,
            "report": self.report,
        }


def empty_grid(value: Any = 0) -> dict[str, dict[str, Any]]:
    """A stance x channel table filled with ``value``."""
    return {s: dict.fromkeys(CHANNELS, value) for s in STANCES}


@dataclass(frozen=True, slots=True)
class Period:
    """One day, ISO week or month of a track.

    ``counts[stance][channel]`` is the number of independent reports (a story cluster, or
    an unclustered article) carrying that stance through that channel in the period;
    ``weights`` the same cells summed by weight. ``index``/``public``/``private`` are the
    stance indexes of all reports, the public-channel ones and the private-channel ones
    (None when the period has none); ``gap`` is private minus public when both exist.
    """

    label: str
    start: date
    end: date
    signals: int  # stored signal records in the period (copies and repeats included)
    articles: int
    reports: int  # independent reports
    counts: dict[str, dict[str, int]]
    weights: dict[str, dict[str, float]]
    index: float | None
    public: float | None
    private: float | None
    gap: float | None
    support: dict[str, int]  # series -> independent reports behind it (gap: the smaller side)
    signal_ids: tuple[int, ...]

    def value(self, series: str) -> float | None:
        return {"overall": self.index, "public": self.public, "private": self.private, "gap": self.gap}[series]

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "start": _iso(self.start),
            "end": _iso(self.end),
            "signals": self.signals,
            "articles": self.articles,
            "reports": self.reports,
            "counts": self.counts,
            "weights": {s: {c: _round(w) for c, w in row.items()} for s, row in self.weights.items()},
            "index": _round(self.index),
            "public": _round(self.public),
            "private": _round(self.private),
            "gap": _round(self.gap),
            "support": dict(self.support),
            "signal_ids": list(self.signal_ids),
        }


@dataclass(frozen=True, slots=True)
class Shift:
    """A change of level in one series at the boundary before ``period``, beyond its noise."""

    series: str  # overall | public | private | gap
    period: str  # label of the period where the new level shows
    previous: str  # label of the period before it (with data in that series)
    before: float  # level (mean index) of up to `window` periods with data before the boundary
    after: float  # level of up to `window` periods with data from ``period`` on
    change: float  # after - before
    threshold: float  # the change it had to exceed: max(k x noise, min_change)
    noise: float  # the standard error of the change (sampling and drift; see ``shifts``)
    reports: int  # independent reports behind ``period`` itself
    signal_ids: tuple[int, ...]  # the signals of the later period that pull in the direction of the change

    @property
    def direction(self) -> str:
        if self.series == "gap":
            return "private more open than public" if self.change > 0 else "private less open than public"
        return "toward open" if self.change > 0 else "toward opposed"

    def to_json(self) -> dict[str, Any]:
        return {
            "series": self.series,
            "period": self.period,
            "previous": self.previous,
            "before": _round(self.before),
            "after": _round(self.after),
            "change": _round(self.change),
            "threshold": _round(self.threshold),
            "noise": _round(self.noise),
            "reports": self.reports,
            "direction": self.direction,
            "signal_ids": list(self.signal_ids),
        }


@dataclass(frozen=True, slots=True)
class SourceShare:
    """How many signals (and independent reports) a kind of source accounts for."""

    source: str
    signals: int
    reports: int
    hedged: int  # of those signals, how many the article hedges

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "signals": self.signals, "reports": self.reports, "hedged": self.hedged}


@dataclass(frozen=True, slots=True)
class Track:
    """A holder's stance on an issue over time; see ``compute_track`` for how it is counted."""

    holder: str
    issue: str
    by: str
    since: date | None
    until: date | None
    periods: tuple[Period, ...]  # every period from the first signal's to the last's, empty ones included
    totals: Period | None  # the whole range as one period (reports counted once over it); None if no signals
    sources: tuple[SourceShare, ...]
    first: SignalRef | None
    latest: SignalRef | None
    shifts: tuple[Shift, ...]
    signals: tuple[SignalRef, ...]  # every dated signal, oldest first
    undated: int = 0  # signals with neither a `when` nor a publication date: in no period
    method: dict[str, Any] = field(default_factory=dict)  # the weights and thresholds used

    @property
    def empty(self) -> bool:
        return not self.signals

    def signal(self, signal_id: int) -> SignalRef | None:
        for s in self.signals:
            if s.id == signal_id:
                return s
        return None

    def active_periods(self) -> list[Period]:
        """The periods that have at least one signal."""
        return [p for p in self.periods if p.signals]

    def to_json(self) -> dict[str, Any]:
        return {
            "holder": self.holder,
            "issue": self.issue,
            "by": self.by,
            "since": _iso(self.since),
            "until": _iso(self.until),
            "periods": [p.to_json() for p in self.periods],
            "totals": self.totals.to_json() if self.totals else None,
            "sources": [s.to_json() for s in self.sources],
            "first": self.first.to_json() if self.first else None,
            "latest": self.latest.to_json() if self.latest else None,
            "shifts": [s.to_json() for s in self.shifts],
            "signals": [s.to_json() for s in self.signals],
            "undated": self.undated,
            "method": self.method,
        }


@dataclass(frozen=True, slots=True)
class Cell:
    """One holder x issue of the overview: where it stands now and a short history."""

    holder: str
    issue: str
    signals: int  # stored signals, undated ones included
    reports: int  # independent reports over the whole range
    latest_stance: str | None  # stance of the most recent signal
    latest_day: date | None
    index: float | None  # over the whole range
    public: float | None  # the latest public line: its value in the last month with public signals
    private: float | None  # the latest private line, likewise
    label: str  # the word for ``index`` ("open on conditions")
    sparkline: tuple[float | None, ...]  # overall index of the last months (None: no signals that month)
    sparkline_periods: tuple[str, ...]
    shifts: int

    def to_json(self) -> dict[str, Any]:
        return {
            "holder": self.holder,
            "issue": self.issue,
            "signals": self.signals,
            "reports": self.reports,
            "latest_stance": self.latest_stance,
            "latest_day": _iso(self.latest_day),
            "index": _round(self.index),
            "public": _round(self.public),
            "private": _round(self.private),
            "label": self.label,
            "sparkline": [_round(v) for v in self.sparkline],
            "sparkline_periods": list(self.sparkline_periods),
            "shifts": self.shifts,
        }
