"""Jinja2 set-up and the helpers templates use: safe links, query strings, highlights.

Autoescaping is on for every template. The only markup built in Python (highlighted
snippets, the article body with its signals, sparklines) escapes the untrusted text
first with ``markupsafe.escape`` and adds tags around the escaped pieces afterwards.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from ..store.search import MARK_END, MARK_START

STANCE_LABELS = {"open": "open", "opposed": "opposed", "conditional": "conditional"}


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL with a host, else None (never a link)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(c in url for c in "\x00\r\n\t<>\"' "):
        return None
    return url


def marked(snippet: str | None) -> Markup:
    """A search snippet as HTML: the text escaped, the match markers turned into <mark>."""
    text = str(escape(snippet or ""))
    return Markup(text.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def qs(params: Mapping[str, Any], **changes: Any) -> str:
    """A query string of ``params`` with ``changes`` applied; empty values are dropped."""
    merged = {**params, **changes}
    pairs = []
    for key, value in merged.items():
        if value is None or value == "" or value is False:
            continue
        if isinstance(value, list | tuple):
            pairs.extend((key, str(v)) for v in value if v not in (None, ""))
        else:
            pairs.append((key, "true" if value is True else str(value)))
    return ("?" + urlencode(pairs)) if pairs else ""


def path_id(value: str) -> str:
    """An id as a URL path segment (ids may hold slashes or spaces)."""
    return quote(value, safe="")


def fmt_index(value: float | None) -> str:
    return "–" if value is None else f"{value:+.2f}"


def fmt_date(value: date | str | None) -> str:
    if value is None or value == "":
        return "–"
    return value.isoformat() if isinstance(value, date) else str(value)


def sparkline(values: Sequence[float | None], *, width: int = 120, height: int = 28) -> Markup:
    """An inline SVG of a stance index series in [-1, 1]; gaps where a period has no data."""
    if not values:
        return Markup("")
    n = len(values)
    pad = 3  # keeps the dots at the ends inside the box
    step = (width - 2 * pad) / max(n - 1, 1)

    def y(v: float) -> float:
        return round((1 - (max(-1.0, min(1.0, v)) + 1) / 2) * (height - 2 * pad) + pad, 1)

    runs: list[list[str]] = [[]]
    dots = []
    for i, v in enumerate(values):
        if v is None:
            if runs[-1]:
                runs.append([])
            continue
        x = round(pad + i * step, 1) if n > 1 else width / 2
        runs[-1].append(f"{x},{y(v)}")
        dots.append((x, y(v)))
    lines = "".join(f'<polyline points="{" ".join(r)}"/>' for r in runs if len(r) > 1)
    single = "".join(f'<circle cx="{x}" cy="{yy}" r="2"/>' for x, yy in dots)
    mid = y(0.0)
    return Markup(
        f'<svg class="spark" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="stance index over the last {n} months">'
        f'<line class="zero" x1="0" x2="{width}" y1="{mid}" y2="{mid}"/>{lines}{single}</svg>'
    )


def make_templates(directory: Path) -> Jinja2Templates:
    env = Environment(
        loader=FileSystemLoader(str(directory)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        safe_url=safe_url, marked=marked, path_id=path_id, fmt_index=fmt_index, fmt_date=fmt_date, sparkline=sparkline
    )
    env.globals.update(qs=qs, STANCE_LABELS=STANCE_LABELS)
    return Jinja2Templates(env=env)
