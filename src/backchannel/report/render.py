"""Render a briefing as self-contained HTML or as Markdown with its chart beside it.

HTML: one file, CSS inline, the chart as inline SVG (matplotlib draws text as paths, so
the SVG carries no markup from articles); Jinja2 autoescaping is on, so article text, titles
and outlets are always escaped, and only http(s) links become links. Markdown: article
text is escaped for Markdown and for the HTML a Markdown viewer would pass through; the
chart is written as FILE-stem.png beside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import quote, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from sqlalchemy import Engine

from ..export import atomic_write
from ..track import TrackConfig, compute_track
from .briefing import Briefing, build_briefing
from .charts import render_png, render_svg

Format = Literal["md", "html"]
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_MD_LINE_START = re.compile(r"^(\s*)([#+=>-])")
_MD_NUMBERED = re.compile(r"^(\s*\d+)([.)])")


class BriefingError(ValueError):
    """A briefing that cannot be made (no signals, unknown format); the message says why."""


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) link, else None (a javascript: or data: link is never rendered)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def md_escape(value: object) -> str:
    """Text safe inside Markdown: its syntax characters backslashed, HTML characters as entities."""
    if value is None or value == "":
        return ""
    text = str(value)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))  # one line: a newline would end a quote
    # "# x", "- x", "1. x" must not start a heading or a list
    return _MD_NUMBERED.sub(r"\1\\\2", _MD_LINE_START.sub(r"\1\\\2", text))


def md_path(name: str) -> str:
    """A relative file name fit for ``![alt](name)``."""
    return quote(name)


def md_url(url: str | None) -> str | None:
    """A safe URL fit for ``[text](url)``: spaces and parentheses percent-encoded."""
    url = safe_url(url)
    return quote(url, safe=":/?#@!$&'*+,;=%~-._") if url else None


@lru_cache(maxsize=2)
def _env(kind: str) -> Environment:
    env = Environment(
        loader=PackageLoader("backchannel", "report/templates"),
        autoescape=kind == "html",
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["md"] = md_escape
    env.filters["md_url"] = md_url
    env.filters["md_path"] = md_path
    return env


def _svg_inline(svg: str) -> str:
    """The SVG element alone (no XML prolog or DOCTYPE), scaling to its container."""
    start = svg.find("<svg")
    body = svg[start:]
    return re.sub(r'(<svg[^>]*?)\swidth="[^"]*"\s+height="[^"]*"', r'\1 width="100%"', body, count=1)


def render_html(briefing: Briefing) -> str:
    """The briefing as one self-contained HTML document."""
    from markupsafe import Markup

    svg = Markup(_svg_inline(render_svg(briefing.track, title="")))  # noqa: S704 (drawn by us, text as paths)
    return _env("html").get_template("brief.html.j2").render(b=briefing, t=briefing.track, chart_svg=svg)


def render_markdown(briefing: Briefing, chart_name: str) -> str:
    """The briefing as Markdown; ``chart_name`` is the PNG's file name, relative to the Markdown file."""
    return _env("md").get_template("brief.md.j2").render(b=briefing, t=briefing.track, chart=chart_name)


@dataclass(frozen=True, slots=True)
class Written:
    briefing: Briefing
    paths: tuple[Path, ...]  # the briefing first, then its chart (Markdown)


def write_briefing(
    engine: Engine,
    holder: str,
    issue: str,
    out: str | Path,
    *,
    fmt: Format = "html",
    since: date | None = None,
    until: date | None = None,
    by: str = "month",
    config: TrackConfig | None = None,
) -> Written:
    """Compute the track, build the briefing and write it (atomically) to ``out``."""
    if fmt not in ("md", "html"):
        raise BriefingError(f"unknown briefing format {fmt!r}: use md or html")
    track = compute_track(engine, holder, issue, since=since, until=until, by=by, config=config)  # type: ignore[arg-type]
    if track.empty:
        raise BriefingError(f"no signals for {holder}/{issue}: nothing to brief")
    briefing = build_briefing(track, config=config, support=lambda ids: _support(engine, ids))
    out = Path(out)
    if fmt == "html":
        return Written(briefing, (atomic_write(out, render_html(briefing)),))
    png = out.with_name(out.stem + ".png")
    atomic_write(png, render_png(track, title=briefing.title))
    return Written(briefing, (atomic_write(out, render_markdown(briefing, png.name)), png))


def _support(engine: Engine, signal_ids: Sequence[int]) -> dict[int, tuple[int, int]]:
    """Articles and independent reports carrying each signal (the cluster stage's count)."""
    from ..store.clusters import support

    return {sid: (s.articles, s.independent_reports) for sid, s in support(engine, list(signal_ids)).items()}
