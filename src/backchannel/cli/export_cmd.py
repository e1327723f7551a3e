"""``backchannel export signals|articles|clusters``: the store as CSV, JSON, JSON Lines or Parquet."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.text import Text

from ..export import FORMATS, KINDS, ExportError, export
from ..records import CHANNELS, SOURCES, STANCES
from ..store import StoreError, open_db
from .app import app, console, err_console
from .options import DbOption, SinceOption, UntilOption, parse_day
from .track_cmd import missing_database

SIGNAL_ONLY = ("holder", "issue", "stance", "channel", "source", "hedged")


@app.command("export")
def export_cmd(
    kind: Annotated[str, typer.Argument(help="What to export: signals, articles or clusters.", metavar="KIND")],
    out: Annotated[Path, typer.Option("--out", help="The file to write (replaced only once complete).")],
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="csv, json, jsonl or parquet (default: from --out's suffix, else csv)."),
    ] = None,
    holder: Annotated[str | None, typer.Option("--holder", help="Signals: only this actor code.")] = None,
    issue: Annotated[str | None, typer.Option("--issue", help="Signals: only this issue.")] = None,
    stance: Annotated[str | None, typer.Option("--stance", help="Signals: open, opposed or conditional.")] = None,
    channel: Annotated[str | None, typer.Option("--channel", help="Signals: public, private or unknown.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Signals: who the article credits.")] = None,
    hedged: Annotated[
        bool | None, typer.Option("--hedged/--plain", help="Signals: only hedged (or only plain) ones.")
    ] = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Articles: only this outlet.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    keep_formulas: Annotated[
        bool,
        typer.Option(
            "--keep-formulas",
            help="CSV: write text that starts with = + - @ as it is. By default such cells get a leading ' "
            "so a spreadsheet shows article text instead of running it as a formula.",
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Export stored signals, articles or story clusters (with their filters) to a file."""
    kind = kind.lower()
    if kind not in KINDS:
        raise typer.BadParameter(f"{kind!r} is not one of {', '.join(KINDS)}", param_hint="KIND")
    chosen = (fmt or out.suffix.lstrip(".") or "csv").lower()
    if chosen not in FORMATS:
        hint = "--format" if fmt else "--out (suffix)"
        raise typer.BadParameter(f"{chosen!r} is not one of {', '.join(FORMATS)}", param_hint=hint)
    given = {"holder": holder, "issue": issue, "stance": stance, "channel": channel, "source": source,
             "hedged": hedged, "outlet": outlet, "since": parse_day(since, "--since"),
             "until": parse_day(until, "--until")}  # fmt: skip
    allowed = {"signals": (*SIGNAL_ONLY, "since", "until"), "articles": ("outlet", "since", "until"), "clusters": ()}
    wrong = [k for k, v in given.items() if v is not None and k not in allowed[kind]]
    if wrong:
        raise typer.BadParameter(f"--{wrong[0]} does not apply to {kind}", param_hint=f"--{wrong[0]}")
    for name, allowed_values in (("stance", STANCES), ("channel", CHANNELS), ("source", SOURCES)):
        value = given[name]
        if value is not None and value not in allowed_values:
            raise typer.BadParameter(f"{value!r} is not one of {', '.join(allowed_values)}", param_hint=f"--{name}")
    filters = {k: v for k, v in given.items() if v is not None}
    if "holder" in filters:
        filters["holder"] = filters["holder"].upper()
    missing = missing_database(db)
    if missing:
        err_console.print(f"[red]error:[/red] {escape(missing)}", highlight=False, soft_wrap=True)
        raise typer.Exit(2)
    try:
        engine = open_db(db)
        result = export(engine, kind, chosen, out, escape_formulas=not keep_formulas, **filters)
    except (StoreError, ExportError) as exc:
        err_console.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    except OSError as exc:
        err_console.print(
            f"[red]error:[/red] {escape(f'cannot write {out}: {exc.strerror or exc}')}", highlight=False, soft_wrap=True
        )
        raise typer.Exit(2) from None
    noun = {"signals": "signal", "articles": "article", "clusters": "cluster membership"}[kind]
    noun += "" if result.rows == 1 else "s"
    console.print(Text(f"wrote {result.rows} {noun} to {result.path} ({result.format})"))
    if result.rows == 0:
        err_console.print("[yellow]note:[/yellow] nothing matched; the file holds no rows", highlight=False)
