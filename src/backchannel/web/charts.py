"""The tracker page's Vega-Lite chart: public against private line, shifts marked.

Built for the browser: every point links to the signals of its period and channel
(Vega-Lite's ``href`` channel), and tooltips give the figures behind it. The page embeds
the spec as JSON data (not script) and ``static/chart.js`` renders it with the vendored
Vega, so the chart works offline and under the page's Content-Security-Policy.
"""

from __future__ import annotations

from typing import Any

from ..track import Track

SERIES_LABELS = {"public": "public line", "private": "private line", "overall": "all reports"}
SERIES_COLOURS = {"public": "#2563eb", "private": "#d97706", "overall": "#94a3b8"}


def track_chart(track: Track, link_base: str, link_params: dict[str, Any] | None = None) -> dict[str, Any]:
    """A Vega-Lite spec of ``track``; ``link_base`` is the tracker page URL the points link to."""
    from urllib.parse import urlencode

    keep = {
        k: v
        for k, v in (link_params or {}).items()
        if v not in (None, "") and k not in ("since", "until", "channel", "page")
    }
    points: list[dict[str, Any]] = []
    for p in track.periods:
        for series in ("overall", "public", "private"):
            value = p.value(series)
            if value is None:
                # A period without data breaks the line instead of bridging it.
                points.append(
                    {"period": p.label, "start": p.start.isoformat(), "series": SERIES_LABELS[series], "value": None}
                )
                continue
            params = {**keep, "since": p.start.isoformat(), "until": p.end.isoformat()}
            if series != "overall":
                params["channel"] = series
            points.append(
                {
                    "period": p.label,
                    "start": p.start.isoformat(),
                    "series": SERIES_LABELS[series],
                    "value": round(value, 3),
                    "reports": p.support[series],
                    "signals": p.signals,
                    "href": f"{link_base}?{urlencode(params)}#signals",
                }
            )
    shifts = [
        {
            "start": next(p.start.isoformat() for p in track.periods if p.label == s.period),
            "period": s.period,
            "series": SERIES_LABELS.get(s.series, s.series),
            "what": f"{s.series}: {s.direction} ({s.before:+.2f} → {s.after:+.2f})",
            "reports": s.reports,
        }
        for s in track.shifts
    ]
    unit = {"day": "yearmonthdate", "week": "yearmonthdate", "month": "yearmonth"}[track.by]
    x = {
        "field": "start",
        "type": "temporal",
        "timeUnit": unit,
        "title": None,
        "axis": {"labelOverlap": True, "grid": False},
    }
    y = {
        "field": "value",
        "type": "quantitative",
        "title": "stance index (−1 opposed … +1 open)",
        "scale": {"domain": [-1, 1]},
        "axis": {"values": [-1, -0.5, 0, 0.5, 1], "format": "+.1f"},
    }
    names = list(SERIES_LABELS.values())
    colour = {
        "field": "series",
        "type": "nominal",
        "title": None,
        "scale": {"domain": names, "range": [SERIES_COLOURS[k] for k in SERIES_LABELS]},
        "legend": {"orient": "top", "direction": "horizontal", "symbolOpacity": 1},
    }
    tooltip = [
        {"field": "period", "title": "period"},
        {"field": "series", "title": "line"},
        {"field": "value", "title": "index", "format": "+.2f"},
        {"field": "reports", "title": "independent reports"},
    ]
    layers: list[dict[str, Any]] = [
        {
            "mark": {"type": "rule", "color": "#cbd5e1"},
            "data": {"values": [{"zero": 0}]},
            "encoding": {"y": {"field": "zero", "type": "quantitative"}},
        },
        # Faint dashes bridge the months without data; solid lines join consecutive months.
        {
            "data": {"values": points},
            "transform": [{"filter": "isValid(datum.value)"}],
            "mark": {"type": "line", "strokeWidth": 1.2, "strokeDash": [3, 3], "opacity": 0.45},
            "encoding": {"x": x, "y": y, "color": colour},
        },
        {
            "data": {"values": points},
            "mark": {"type": "line", "invalid": "break-paths-filter-domains"},
            "encoding": {
                "x": x,
                "y": y,
                "color": colour,
                "strokeWidth": {"condition": {"test": "datum.series === 'all reports'", "value": 1.5}, "value": 2.5},
            },
        },
        {
            "data": {"values": points},
            "transform": [{"filter": "isValid(datum.value)"}],
            "mark": {"type": "point", "filled": True, "cursor": "pointer", "opacity": 0.9},
            "encoding": {
                "x": x,
                "y": y,
                "color": colour,
                "size": {
                    "field": "reports",
                    "type": "quantitative",
                    "title": "reports",
                    "scale": {"range": [30, 260]},
                    "legend": None,
                },
                "tooltip": tooltip,
                "href": {"field": "href"},
            },
        },
    ]
    if shifts:
        layers.append(
            {
                "data": {"values": shifts},
                "mark": {"type": "rule", "strokeDash": [2, 2], "color": "#dc2626", "strokeWidth": 1.5},
                "encoding": {
                    "x": {**x},
                    "tooltip": [{"field": "period"}, {"field": "what", "title": "shift"}, {"field": "reports"}],
                },
            }
        )
        layers.append(
            {
                "data": {"values": shifts},
                "mark": {
                    "type": "point",
                    "shape": "triangle-down",
                    "filled": True,
                    "size": 90,
                    "color": "#dc2626",
                    "yOffset": 6,
                },
                "encoding": {
                    "x": {**x},
                    "y": {"datum": 1, "type": "quantitative", "scale": {"domain": [-1, 1]}},
                    "tooltip": [{"field": "period"}, {"field": "what", "title": "shift"}],
                },
            }
        )
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "description": f"Stance index of {track.holder} on {track.issue} by {track.by}: public against private line.",
        "width": "container",
        "height": 260,
        "autosize": {"type": "fit", "contains": "padding"},
        "config": {
            "view": {"stroke": None},
            "font": "system-ui, sans-serif",
            "axis": {"labelColor": "#475569", "titleColor": "#475569"},
        },
        "layer": layers,
    }
