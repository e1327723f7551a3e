"""``backchannel track`` and ``backchannel brief``: a holder's line on an issue over time."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ..export import ExportError
from ..store import StoreError, open_db, resolve_db
from ..track import BY_VALUES, Track, TrackConfig, TrackConfigError, compute_track, load_config, signal_counts
from .app import app, console, err_console
from .options import DbOption, JsonOption, SinceOption, UntilOption, parse_day

HolderOption = Annotated[str, typer.Option("--holder", help="Actor code, e.g. RUS, UKR, USA, NATO.", metavar="CODE")]
IssueOption = Annotated[
    str, typer.Option("--issue", help="Issue code: ceasefire, negotiations, nato_membership.", metavar="ISSUE")
]
ByOption = Annotated[
    str, typer.Option("--by", help="Period length: day, week or month.", case_sensitive=False, metavar="day|week|month")
]
ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help="Your own copy of data/track.yaml (weights, stance values, shift thresholds)."),
]


STANCE_COLUMNS = ("opposed", "conditional", "open")


def _fail(message: str, code: int = 1) -> typer.Exit:
    err_console.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def missing_database(db: str | None) -> str | None:
    """A message when ``db`` names a SQLite file that does not exist (reading must not create one)."""
    target = resolve_db(db)
    if "://" in target or Path(target).expanduser().exists():
        return None
    return f"no database at {target}; create one with `backchannel ingest PATH` (or give --db)"


def _setup(db: str | None, by: str, config: Path | None):
    if by.lower() not in BY_VALUES:
        raise typer.BadParameter(f"{by!r} is not one of {', '.join(BY_VALUES)}", param_hint="--by")
    missing = missing_database(db)
    if missing:
        raise _fail(missing, 2)
    try:
        cfg = load_config(config)
        engine = open_db(db)
    except (StoreError, TrackConfigError) as exc:
        raise _fail(str(exc), 2) from None
    return engine, cfg


def _compute(engine, holder: str, issue: str, since, until, by: str, cfg: TrackConfig) -> Track:
    """The track, or a clear message on what the database does hold (exit 1)."""
    holder, issue = holder.strip().upper(), issue.strip().lower()
    track = compute_track(engine, holder, issue, since=since, until=until, by=by.lower(), config=cfg)  # type: ignore[arg-type]
    if not track.empty:
        return track
    counts = signal_counts(engine)
    if not counts:
        raise _fail("the database has no signals yet; add articles with `backchannel ingest PATH`")
    if (holder, issue) in counts:
        whole = compute_track(engine, holder, issue, by="month", config=cfg)
        if whole.first and whole.latest:
            raise _fail(
                f"no signals for {holder}/{issue} in that date range; its {len(whole.signals)} dated signals run "
                f"from {whole.first.day} to {whole.latest.day}"
            )
        raise _fail(
            f"the {counts[holder, issue]} signals for {holder}/{issue} have no date (no `when`, no publication date)"
        )
    holders = sorted({h for h, i in counts if i == issue})
    issues = sorted({i for h, i in counts if h == holder})
    hints = []
    if holders:
        hints.append(f"holders with signals on {issue}: {', '.join(holders)}")
    if issues:
        hints.append(f"issues with signals for {holder}: {', '.join(issues)}")
    if not hints:
        hints.append(f"holders with signals: {', '.join(sorted({h for h, _ in counts}))}")
        hints.append(f"issues: {', '.join(sorted({i for _, i in counts}))}")
    raise _fail(f"no signals for {holder}/{issue}; " + "; ".join(hints))


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:+.2f}"


def print_track(track: Track, cfg: TrackConfig) -> None:
    """The track as a terminal table, then the source mix, first/latest signal and shifts."""
    t = track.totals
    assert t is not None and track.first is not None and track.latest is not None
    console.print(
        f"[bold]{escape(track.holder)} on {escape(track.issue)}[/bold]: {t.signals} signals in {t.articles} articles from "
        f"{t.reports} independent reports, {track.first.day} to {track.latest.day}"
        + (f" ({track.undated} undated, not counted)" if track.undated else ""),
        highlight=False,
    )
    marks: dict[str, list[str]] = {}
    for s in track.shifts:
        short = {"overall": "all", "public": "pub", "private": "priv", "gap": "gap"}[s.series]
        marks.setdefault(s.period, []).append(f"{'▲' if s.change > 0 else '▼'}{short}")
    table = Table(
        caption=f"by {track.by} · opp./cond./open count independent reports · index -1 opposed … +1 open · "
        "gap = private - public" + (" · Δ shift: ▲ toward open, ▼ toward opposed" if track.shifts else ""),
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
    )
    for col in ("period", "sig.", "rep.", "opp.", "cond.", "open", "public", "private", "gap", "all"):
        table.add_column(col, justify="left" if col == "period" else "right", no_wrap=True)
    if track.shifts:
        table.add_column("Δ", no_wrap=True)
    for p in track.active_periods():
        row = [p.label, str(p.signals), str(p.reports)]
        row += [str(sum(p.counts[s].values()) or "") for s in STANCE_COLUMNS]
        row += [_fmt(p.public), _fmt(p.private), _fmt(p.gap), _fmt(p.index)]
        if track.shifts:
            row.append(Text(", ".join(marks.get(p.label, [])), style="magenta"))
        table.add_row(*row)
    table.add_section()
    total = [str(t.signals), str(t.reports)] + [str(sum(t.counts[s].values()) or "") for s in STANCE_COLUMNS]
    total += [_fmt(t.public), _fmt(t.private), _fmt(t.gap), _fmt(t.index)] + ([""] if track.shifts else [])
    table.add_row("all", *total, style="bold")
    console.print(table)
    console.print(
        f"Overall {cfg.label(t.index)}; public line {cfg.label(t.public)}; private line {cfg.label(t.private)}.",
        highlight=False,
    )
    mix = ", ".join(f"{s.source.replace('_', ' ')} {s.signals} ({s.hedged} hedged)" for s in track.sources)
    console.print(Text.assemble(("Sources: ", "dim"), mix))
    for word, ref in (("First", track.first), ("Latest", track.latest)):
        console.print(
            Text.assemble(
                (f"{word}: ", "dim"),
                f"{ref.day} {ref.stance}/{ref.channel} · {ref.outlet or '?'} · ",
                (f"“{ref.sentence}”", "italic"),
            )  # fmt: skip
        )
    if not track.shifts:
        console.print("[dim]No shifts beyond the noise.[/dim]")
    for s in track.shifts:
        console.print(
            f"[magenta]Shift {s.period}[/magenta] {s.series} {s.before:+.2f} → {s.after:+.2f} ({s.direction}, "
            f"threshold {s.threshold:.2f}, {s.reports} report{'' if s.reports == 1 else 's'} in {s.period})",
            highlight=False,
        )
        for sid in s.signal_ids[:3]:
            ref = track.signal(sid)
            if ref:
                console.print(
                    Text.assemble("   ", (f"“{ref.sentence}”", "italic"), f" — {ref.outlet or '?'}, {ref.day}")
                )


@app.command("track")
def track_cmd(
    holder: HolderOption,
    issue: IssueOption,
    since: SinceOption = None,
    until: UntilOption = None,
    by: ByOption = "month",
    as_json: JsonOption = False,
    chart: Annotated[
        Path | None, typer.Option("--chart", help="Also write the timeline chart here (.png or .svg).")
    ] = None,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Track a holder's stance on an issue: per period, by independent report, public line against private."""
    if chart is not None and chart.suffix.lower() not in (".png", ".svg"):
        raise typer.BadParameter(f"{chart.name} must end in .png or .svg", param_hint="--chart")
    engine, cfg = _setup(db, by, config)
    track = _compute(engine, holder, issue, parse_day(since, "--since"), parse_day(until, "--until"), by, cfg)
    if chart is not None:
        _write_chart(track, chart)
    if as_json:
        print(json.dumps(track.to_json(), ensure_ascii=False, indent=2))
        return
    print_track(track, cfg)


def _write_chart(track: Track, path: Path) -> None:
    from ..export import atomic_write
    from ..report.charts import render_png, render_svg
    from ..report.names import holder_name, issue_phrase

    title = f"{holder_name(track.holder)} on {issue_phrase(track.issue)}: the public and the private line"
    data = render_svg(track, title=title) if path.suffix.lower() == ".svg" else render_png(track, title=title)
    try:
        atomic_write(path, data)
    except (ExportError, OSError) as exc:
        raise _fail(f"cannot write {path}: {getattr(exc, 'strerror', None) or exc}", 2) from None
    err_console.print(Text(f"chart written to {path}", style="dim"))


@app.command("brief")
def brief_cmd(
    holder: HolderOption,
    issue: IssueOption,
    out: Annotated[Path, typer.Option("--out", help="Where to write the briefing (Markdown also writes STEM.png).")],
    fmt: Annotated[
        str | None, typer.Option("--format", help="html or md (default: from --out's suffix, else html).")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    by: ByOption = "month",
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Write a briefing: the finding, the timeline chart, the key signals as cited evidence, sources, methods."""
    from ..report.render import BriefingError, write_briefing

    chosen = (fmt or ("md" if out.suffix.lower() in (".md", ".markdown") else "html")).lower()
    if chosen not in ("md", "html"):
        raise typer.BadParameter(f"{fmt!r} is not html or md", param_hint="--format")
    if not out.parent.is_dir():
        raise _fail(f"cannot write {out}: folder {out.parent} does not exist", 2)
    engine, cfg = _setup(db, by, config)
    s, u = parse_day(since, "--since"), parse_day(until, "--until")
    track = _compute(engine, holder, issue, s, u, by, cfg)  # the clear message when there is nothing
    try:
        written = write_briefing(
            engine,
            track.holder,
            track.issue,
            out,
            fmt=chosen,
            since=s,
            until=u,
            by=by.lower(),
            config=cfg,  # type: ignore[arg-type]
        )
    except BriefingError as exc:
        raise _fail(str(exc)) from None
    except ExportError as exc:
        raise _fail(str(exc), 2) from None
    except OSError as exc:
        raise _fail(f"cannot write {out}: {exc.strerror or exc}") from None
    console.print(Text(written.briefing.finding.text, style="bold"))
    console.print(Text("wrote " + " and ".join(str(p) for p in written.paths)))
