"""Turn stored signals into a track: periods, stance index, public and private lines, shifts.

How it counts (also stated in every briefing's methods note):

* **Independent reports.** Copies and rewrites of one story (one story cluster) are one
  report; an article not yet clustered is its own report. In each period, the signals of
  one report with the same stance and channel count **once** (a position repeated five
  times in an article, or carried by five outlets copying one wire story, is one report).
* **Weight.** A signal weighs its extractor confidence (when ``use_confidence``) times
  ``hedged_weight`` (0.5 by default) when the article hedges it; a report counts with the
  weight of its firmest signal in that cell.
* **Stance index.** The weighted mean over a period's reports of the stance values
  (opposed -1, conditional +0.5, open +1 by default): -1 is a flat refusal, +1 plain
  openness, and anything above 0 leans open.
* **Public and private lines.** The index over public-channel reports and over
  private-channel reports; the gap is private minus public (positive: more open in private
  than in public). Reports whose channel is unknown enter only the overall index.
* **Time.** A signal sits at its own date (the first day of its ``when``) when the text
  gives one, else at its article's publication date; one with neither is counted as
  undated and left out of the periods. One that starts before ``since`` sits at ``since``.
* **Shifts.** See ``shifts``: the level of the periods (with data) after a boundary against
  the level before it, beyond both k standard errors and a minimum change, on enough
  reports.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from sqlalchemy import Engine

from ..records import CHANNELS
from ..store.signals import StoredSignal, query_signals
from .config import TrackConfig, load_config
from .model import SERIES, By, Cell, Period, Shift, SignalRef, SourceShare, Track, empty_grid
from .shifts import Point, find_changes, sampling_variances

BY_VALUES: tuple[str, ...] = ("day", "week", "month")
SPARKLINE_MONTHS = 12


def period_of(day: date, by: str) -> tuple[str, date, date]:
    """The label, first and last day of the period (``by`` day/week/month) holding ``day``."""
    if by == "day":
        return day.isoformat(), day, day
    if by == "week":
        start = day - timedelta(days=day.weekday())
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}", start, start + timedelta(days=6)
    if by == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return f"{day.year}-{day.month:02d}", day.replace(day=1), day.replace(day=last)
    raise ValueError(f"by must be one of {', '.join(BY_VALUES)}, not {by!r}")


def report_key(s: StoredSignal) -> str:
    """The independent report a signal belongs to: its story cluster, else its own article."""
    return f"cluster:{s.cluster_id}" if s.cluster_id else f"article:{s.signal.article_id}"


def signal_weight(s: StoredSignal, cfg: TrackConfig) -> float:
    w = max(0.0, min(1.0, s.signal.confidence)) if cfg.use_confidence else 1.0
    return w * (cfg.hedged_weight if s.signal.hedged else 1.0)


def to_ref(s: StoredSignal, cfg: TrackConfig, day: date | None) -> SignalRef:
    g = s.signal
    return SignalRef(
        id=s.id,
        article_id=g.article_id,
        day=day,
        stance=g.stance,
        channel=g.channel,
        source=g.source,
        hedged=g.hedged,
        confidence=g.confidence,
        weight=signal_weight(s, cfg),
        sentence=g.sentence,
        person=g.person,
        when=g.when,
        published=s.published,
        outlet=s.outlet,
        title=s.title,
        url=s.url,
        report=report_key(s),
    )


def _mean(pairs: Iterable[tuple[float, float]]) -> float | None:
    total = value = 0.0
    for w, v in pairs:
        total += w
        value += w * v
    return value / total if total > 0 else None


def report_cells(refs: Sequence[SignalRef]) -> dict[tuple[str, str, str], float]:
    """(report, stance, channel) -> the weight of its firmest signal: what a period counts."""
    cells: dict[tuple[str, str, str], float] = {}
    for r in refs:
        key = (r.report, r.stance, r.channel)
        cells[key] = max(cells.get(key, 0.0), r.weight)
    return cells


def _series_cells(refs: Sequence[SignalRef], series: str, cfg: TrackConfig) -> list[tuple[float, float]]:
    chans = CHANNELS if series == "overall" else (series,)
    return [(w, cfg.stance_values[st]) for (_, st, ch), w in report_cells(refs).items() if ch in chans]


def summarize(label: str, start: date, end: date, refs: Sequence[SignalRef], cfg: TrackConfig) -> Period:
    """One period's figures from its signals (see the module docstring for the counting)."""
    cells = report_cells(refs)
    counts = empty_grid(0)
    weights = empty_grid(0.0)
    for (_, stance, channel), w in cells.items():
        counts[stance][channel] += 1
        weights[stance][channel] += w

    def line(channels: Sequence[str]) -> tuple[float | None, int]:
        chosen = [(rep, w, cfg.stance_values[st]) for (rep, st, ch), w in cells.items() if ch in channels]
        return _mean((w, v) for _, w, v in chosen), len({rep for rep, _, _ in chosen})

    index, n_all = line(CHANNELS)
    public, n_pub = line(("public",))
    private, n_priv = line(("private",))
    gap = private - public if public is not None and private is not None else None
    return Period(
        label=label,
        start=start,
        end=end,
        signals=len(refs),
        articles=len({r.article_id for r in refs}),
        reports=len({r.report for r in refs}),
        counts=counts,
        weights=weights,
        index=index,
        public=public,
        private=private,
        gap=gap,
        support={"overall": n_all, "public": n_pub, "private": n_priv, "gap": min(n_pub, n_priv)},
        signal_ids=tuple(r.id for r in refs),
    )


def _all_periods(first: date, last: date, by: str) -> list[tuple[str, date, date]]:
    out = []
    label, start, end = period_of(first, by)
    while start <= last:
        out.append((label, start, end))
        label, start, end = period_of(end + timedelta(days=1), by)
    return out


def _marking(series: str, prev: Period, before: float, change: float, refs: Sequence[SignalRef], cfg: TrackConfig):
    """The signals of the shift's first period that pull its ``series`` the way it moved."""
    sign = 1.0 if change > 0 else -1.0
    marks = []
    for r in refs:
        v = cfg.stance_values[r.stance]
        if series == "gap":
            # The gap widens toward "more open in private" when private moves up or public down.
            side = {"private": prev.private, "public": prev.public}.get(r.channel)
            if side is None:
                continue
            pull = v - side if r.channel == "private" else side - v
            if pull * sign > 0:
                marks.append(r.id)
            continue
        if series != "overall" and r.channel != series:
            continue
        if (v - before) * sign > 0:
            marks.append(r.id)
    return tuple(marks)


def detect_shifts(periods: Sequence[Period], refs_by_period: dict[str, list[SignalRef]], cfg: TrackConfig):
    """Shifts in each series (overall, public, private, gap), in time order."""
    out: list[Shift] = []
    variances: dict[str, dict[str, float | None]] = {}
    for series in ("overall", "public", "private"):
        have = [p for p in periods if p.value(series) is not None]
        var = sampling_variances([_series_cells(refs_by_period[p.label], series, cfg) for p in have])
        variances[series] = {p.label: v for p, v in zip(have, var, strict=True)}
    for series in SERIES:
        have = [p for p in periods if p.value(series) is not None]
        if series == "gap":
            pub, priv = variances["public"], variances["private"]
            var_of = {
                p.label: pub[p.label] + priv[p.label]  # type: ignore[operator]
                if pub.get(p.label) is not None and priv.get(p.label) is not None
                else None
                for p in have
            }
        else:
            var_of = variances[series]
        points = [Point(p.label, p.value(series), p.support[series], var_of.get(p.label)) for p in have]  # type: ignore[arg-type]
        for ch in find_changes(points, cfg.shifts):
            prev, cur = have[ch.at - 1], have[ch.at]
            change = ch.after - ch.before
            out.append(
                Shift(
                    series=series,
                    period=cur.label,
                    previous=prev.label,
                    before=ch.before,
                    after=ch.after,
                    change=change,
                    threshold=ch.threshold,
                    noise=ch.noise,
                    reports=cur.support[series],
                    signal_ids=_marking(series, prev, ch.before, change, refs_by_period[cur.label], cfg),
                )
            )
    order = {p.label: i for i, p in enumerate(periods)}
    out.sort(key=lambda s: (order[s.period], SERIES.index(s.series)))
    return tuple(out)


def build_track(
    stored: Sequence[StoredSignal],
    holder: str,
    issue: str,
    *,
    since: date | None = None,
    until: date | None = None,
    by: By = "month",
    config: TrackConfig | None = None,
) -> Track:
    """The track of ``stored`` (signals of one holder and issue); pure, no database."""
    cfg = config or load_config()
    period_of(date(2000, 1, 1), by)  # validates ``by`` before any work
    refs: list[SignalRef] = []
    undated = 0
    for s in stored:
        day = s.day
        if day is None:
            undated += 1
            continue
        if since and day < since:
            day = since
        if until and day > until:
            continue
        refs.append(to_ref(s, cfg, day))
    refs.sort(key=lambda r: (r.day, r.id))
    method = {
        "stance_values": dict(cfg.stance_values),
        "hedged_weight": cfg.hedged_weight,
        "use_confidence": cfg.use_confidence,
        "shifts": {
            "k": cfg.shifts.k,
            "min_change": cfg.shifts.min_change,
            "min_reports": cfg.shifts.min_reports,
            "window": cfg.shifts.window,
        },
        "config": cfg.source,
    }
    base = {"holder": holder, "issue": issue, "by": by, "since": since, "until": until, "undated": undated,
            "method": method}  # fmt: skip
    if not refs:
        return Track(**base, periods=(), totals=None, sources=(), first=None, latest=None, shifts=(), signals=())
    by_label: dict[str, list[SignalRef]] = defaultdict(list)
    for r in refs:
        by_label[period_of(r.day, by)[0]].append(r)  # type: ignore[arg-type]
    periods = tuple(
        summarize(label, start, end, by_label.get(label, []), cfg)
        for label, start, end in _all_periods(refs[0].day, refs[-1].day, by)  # type: ignore[arg-type]
    )
    totals = summarize("all", refs[0].day, refs[-1].day, refs, cfg)  # type: ignore[arg-type]
    sources = []
    for src in sorted({r.source for r in refs}, key=lambda x: (-sum(1 for r in refs if r.source == x), x)):
        mine = [r for r in refs if r.source == src]
        sources.append(SourceShare(src, len(mine), len({r.report for r in mine}), sum(r.hedged for r in mine)))
    shifts = detect_shifts(periods, by_label, cfg)
    return Track(
        **base,
        periods=periods,
        totals=totals,
        sources=tuple(sources),
        first=refs[0],
        latest=refs[-1],
        shifts=shifts,
        signals=tuple(refs),
    )


def compute_track(
    engine: Engine,
    holder: str,
    issue: str,
    *,
    since: date | None = None,
    until: date | None = None,
    by: By = "month",
    config: TrackConfig | None = None,
) -> Track:
    """The track of ``holder`` on ``issue`` from the store (see the module docstring)."""
    stored = query_signals(engine, holder=holder, issue=issue, since=since, until=until)
    return build_track(stored, holder, issue, since=since, until=until, by=by, config=config)


def overview_cell(track: Track, signals: int, *, config: TrackConfig | None = None) -> Cell:
    """The overview cell of one monthly track with ``signals`` stored signals (also the web's)."""
    cfg = config or load_config()
    if track.empty or track.totals is None or track.latest is None:
        return Cell(track.holder, track.issue, signals, 0, None, None, None, None, None, "undated only", (), (), 0)
    last = list(track.periods[-SPARKLINE_MONTHS:])
    pub = next((p.public for p in reversed(track.periods) if p.public is not None), None)
    priv = next((p.private for p in reversed(track.periods) if p.private is not None), None)
    return Cell(
        holder=track.holder,
        issue=track.issue,
        signals=signals,
        reports=track.totals.reports,
        latest_stance=track.latest.stance,
        latest_day=track.latest.day,
        index=track.totals.index,
        public=pub,
        private=priv,
        label=cfg.label(track.totals.index),
        sparkline=tuple(p.index for p in last),
        sparkline_periods=tuple(p.label for p in last),
        shifts=len(track.shifts),
    )


def overview(engine: Engine, *, config: TrackConfig | None = None) -> list[Cell]:
    """One cell per holder x issue that has signals, most reported first.

    ``index`` is over the whole range; ``public`` and ``private`` are the latest lines
    (the last month that has signals of that channel); the sparkline is the overall
    index of the last twelve months of the track.
    """
    cfg = config or load_config()
    groups: dict[tuple[str, str], list[StoredSignal]] = defaultdict(list)
    for s in query_signals(engine):
        groups[(s.signal.holder, s.signal.issue)].append(s)
    cells = [
        overview_cell(build_track(stored, holder, issue, by="month", config=cfg), len(stored), config=cfg)
        for (holder, issue), stored in groups.items()
    ]
    cells.sort(key=lambda c: (-c.reports, -c.signals, c.holder, c.issue))
    return cells


def signal_counts(engine: Engine) -> dict[tuple[str, str], int]:
    """How many stored signals each (holder, issue) has: what a user can track."""
    from sqlalchemy import func, select

    from ..store.schema import signals as S

    q = select(S.c.holder, S.c.issue, func.count()).group_by(S.c.holder, S.c.issue)
    with engine.connect() as conn:
        return {(h, i): n for h, i, n in conn.execute(q)}
