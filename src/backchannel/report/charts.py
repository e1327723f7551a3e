"""The timeline chart: public line against private line, shifts marked, reports counted below.

Static PNG/SVG come from matplotlib's object API on an Agg canvas (no pyplot, so no
global figure state and safe in a web worker); ``vegalite_spec`` gives the same data as a
Vega-Lite v5 spec for the dashboard, so the static and the interactive chart agree.
"""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure

from ..track import Period, Track

LINE_COLOURS = {"public": "#1f4e79", "private": "#c2410c"}
OVERALL_COLOUR = "#6b7280"
STANCE_COLOURS = {"opposed": "#b91c1c", "conditional": "#d97706", "open": "#15803d"}
STANCE_ORDER = ("opposed", "conditional", "open")
SHIFT_COLOUR = "#7c3aed"
Y_TICKS = ((-1.0, "opposed  −1"), (-0.5, ""), (0.0, "0"), (0.5, "conditional  +0.5"), (1.0, "open  +1"))


class ChartError(ValueError):
    """A chart was asked for a track that has nothing to draw."""


def _mid(p: Period) -> date:
    return p.start + (p.end - p.start) / 2


def _stance_reports(p: Period, stance: str) -> int:
    return sum(p.counts[stance].values())


def _draw_line(ax, points: list[tuple[int, date, float | None]], colour: str, label: str) -> None:
    """Markers for each period with data; solid between neighbouring periods, dotted across silences.

    A dotted segment says "no reports in between", so the eye does not read a trend into
    months nobody reported on.
    """
    have = [(i, x, v) for i, x, v in points if v is not None]
    if not have:
        return
    ax.plot([x for _, x, _ in have], [v for _, _, v in have], color=colour, lw=0, marker="o", ms=6, zorder=3)
    ax.plot([], [], color=colour, lw=2.2, marker="o", ms=6, label=label)  # the legend's entry: line and marker
    run: list[tuple[date, float]] = [(have[0][1], have[0][2])]  # type: ignore[list-item]
    for (i0, x0, v0), (i1, x1, v1) in zip(have, have[1:], strict=False):
        if i1 == i0 + 1:
            run.append((x1, v1))  # type: ignore[arg-type]
            continue
        if len(run) > 1:
            ax.plot([x for x, _ in run], [v for _, v in run], color=colour, lw=2.2, zorder=3)
        ax.plot([x0, x1], [v0, v1], color=colour, lw=1.1, ls=(0, (1, 2.5)), zorder=2)
        run = [(x1, v1)]  # type: ignore[list-item]
    if len(run) > 1:
        ax.plot([x for x, _ in run], [v for _, v in run], color=colour, lw=2.2, zorder=3)


def timeline_figure(track: Track, *, title: str | None = None, width: float = 9.0, height: float = 5.2) -> Figure:
    """The chart as a matplotlib Figure (not attached to pyplot); ``title`` defaults to codes."""
    if track.empty:
        raise ChartError(f"no signals for {track.holder}/{track.issue}: nothing to chart")
    fig = Figure(figsize=(width, height), dpi=110, layout="constrained")
    FigureCanvasAgg(fig)
    top, bottom = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 1.2]})
    periods = list(track.periods)
    xs = [_mid(p) for p in periods]
    span = max((periods[-1].end - periods[0].start).days, 1)
    bar_width = max((periods[0].end - periods[0].start).days * 0.8, 0.6)

    for series, colour, label in (("public", LINE_COLOURS["public"], "public line"),
                                  ("private", LINE_COLOURS["private"], "private line")):  # fmt: skip
        _draw_line(top, [(i, xs[i], p.value(series)) for i, p in enumerate(periods)], colour, label)
    overall = [(x, p.index) for x, p in zip(xs, periods, strict=True) if p.index is not None]
    top.scatter([x for x, _ in overall], [v for _, v in overall], s=70, facecolors="none",
                edgecolors=OVERALL_COLOUR, lw=1.4, label="all reports", zorder=2)  # fmt: skip

    shown: list[str] = []
    starts = {p.label: _mid(p) for p in periods}
    for sh in track.shifts:
        x = starts[sh.period]
        top.axvline(x, color=SHIFT_COLOUR, ls=":", lw=1.4, zorder=1)
        bottom.axvline(x, color=SHIFT_COLOUR, ls=":", lw=1.4, zorder=1)
        if sh.period in shown:
            continue
        names = ", ".join(s.series for s in track.shifts if s.period == sh.period)
        # Labels alternate between two heights so neighbouring shifts do not print over each other;
        # past the middle of the chart they sit left of their line.
        y = 1.38 if len(shown) % 2 == 0 else 1.2
        right = x <= xs[0] + (xs[-1] - xs[0]) / 2
        top.annotate(f"shift {sh.period}: {names}", (x, y), xytext=(4 if right else -4, 0),
                     textcoords="offset points", fontsize=7.5, color=SHIFT_COLOUR, va="center",
                     ha="left" if right else "right", annotation_clip=False)  # fmt: skip
        shown.append(sh.period)

    top.axhline(0, color="#9ca3af", lw=0.8)
    top.set_ylim(-1.15, 1.48 if track.shifts else 1.15)
    top.set_yticks([t for t, _ in Y_TICKS], [name for _, name in Y_TICKS], fontsize=8)
    top.set_ylabel("stance index")
    top.grid(axis="y", color="#e5e7eb", lw=0.6)
    top.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), fontsize=8, frameon=False, ncol=3)
    if title != "":  # "" leaves the title to the page the chart sits in
        default = f"{track.holder} on {track.issue.replace('_', ' ')}: public against private"
        fig.suptitle(title or default, fontsize=11, x=0.01, ha="left")

    base = [0] * len(periods)
    for stance in STANCE_ORDER:
        heights = [_stance_reports(p, stance) for p in periods]
        bottom.bar(xs, heights, width=bar_width, bottom=base, color=STANCE_COLOURS[stance], label=stance)
        base = [b + h for b, h in zip(base, heights, strict=True)]
    bottom.set_ylabel("reports", fontsize=9)
    bottom.legend(loc="upper left", fontsize=7, frameon=False, ncol=3)
    bottom.set_ylim(0, max(max(base), 1) * 1.35)
    bottom.yaxis.get_major_locator().set_params(integer=True)
    for ax in (top, bottom):
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    pad = timedelta(days=max(span * 0.04, 1))
    bottom.set_xlim(periods[0].start - pad, periods[-1].end + pad)
    locator = AutoDateLocator(minticks=3, maxticks=9)
    bottom.xaxis.set_major_locator(locator)
    bottom.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    return fig


def render_png(track: Track, *, title: str | None = None, **size: float) -> bytes:
    """The chart as PNG bytes."""
    buf = io.BytesIO()
    timeline_figure(track, title=title, **size).savefig(buf, format="png")
    return buf.getvalue()


def render_svg(track: Track, *, title: str | None = None, **size: float) -> str:
    """The chart as an SVG document (text), fit to inline in HTML."""
    buf = io.StringIO()
    timeline_figure(track, title=title, **size).savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


def chart_rows(track: Track) -> list[dict[str, Any]]:
    """The lines as long-form rows: one per period and series that has a value."""
    rows = []
    for p in track.periods:
        for series in ("public", "private", "overall"):
            v = p.value(series)
            if v is not None:
                rows.append({"period": p.label, "date": _mid(p).isoformat(), "series": series,
                             "index": round(v, 4), "reports": p.support[series]})  # fmt: skip
    return rows


def vegalite_spec(track: Track) -> dict[str, Any]:
    """A Vega-Lite v5 spec of the same chart: index lines above, stacked report counts below."""
    lines = chart_rows(track)
    counts = [{"period": p.label, "date": _mid(p).isoformat(), "stance": s, "reports": _stance_reports(p, s)}
              for p in track.periods for s in STANCE_ORDER if _stance_reports(p, s)]  # fmt: skip
    shifts = [{"period": s.period, "date": next(_mid(p).isoformat() for p in track.periods if p.label == s.period),
               "series": s.series, "change": round(s.change, 4), "direction": s.direction}
              for s in track.shifts]  # fmt: skip
    x = {"field": "date", "type": "temporal", "title": None}
    colour = {
        "field": "series",
        "type": "nominal",
        "title": "line",
        "scale": {"domain": ["public", "private", "overall"],
                  "range": [LINE_COLOURS["public"], LINE_COLOURS["private"], OVERALL_COLOUR]},
    }  # fmt: skip
    top_layers: list[dict[str, Any]] = [
        {
            "data": {"values": [r for r in lines if r["series"] != "overall"]},
            "mark": {"type": "line", "point": True, "strokeWidth": 2.2},
            "encoding": {"x": x, "y": {"field": "index", "type": "quantitative", "title": "stance index",
                                       "scale": {"domain": [-1, 1]}},
                         "color": colour,
                         "tooltip": [{"field": "period"}, {"field": "series"}, {"field": "index"},
                                     {"field": "reports"}]},
        },
        {
            "data": {"values": [r for r in lines if r["series"] == "overall"]},
            "mark": {"type": "point", "size": 70, "filled": False},
            "encoding": {"x": x, "y": {"field": "index", "type": "quantitative"}, "color": colour,
                         "tooltip": [{"field": "period"}, {"field": "index"}, {"field": "reports"}]},
        },
    ]  # fmt: skip
    if shifts:
        top_layers.append(
            {
                "data": {"values": shifts},
                "mark": {"type": "rule", "strokeDash": [3, 3], "color": SHIFT_COLOUR},
                "encoding": {
                    "x": x,
                    "tooltip": [{"field": "period"}, {"field": "series"}, {"field": "direction"}, {"field": "change"}],
                },
            }  # fmt: skip
        )
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "description": f"{track.holder} on {track.issue}: stance index by channel, by {track.by}",
        "title": f"{track.holder} on {track.issue.replace('_', ' ')}: public against private",
        "vconcat": [
            {"width": "container", "height": 220, "layer": top_layers},
            {
                "width": "container",
                "height": 80,
                "data": {"values": counts},
                "mark": "bar",
                "encoding": {
                    "x": x,
                    "y": {"field": "reports", "type": "quantitative", "stack": "zero", "title": "reports"},
                    "color": {"field": "stance", "type": "nominal",
                              "scale": {"domain": list(STANCE_ORDER),
                                        "range": [STANCE_COLOURS[s] for s in STANCE_ORDER]}},
                    "tooltip": [{"field": "period"}, {"field": "stance"}, {"field": "reports"}],
                },
            },
        ],
        "resolve": {"scale": {"color": "independent", "x": "shared"}},
    }  # fmt: skip
