"""``backchannel ingest PATH...``: read, clean and store articles, then cluster and extract.

Bad inputs are printed one line each (file and line or record) while the rest goes on;
the run ends with a table of ingested / copy / duplicate / skipped / failed.
"""

from __future__ import annotations

import os

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..ingest import FORMATS, MIN_CHARS, MIN_WORDS, FetchOptions, MapError, Problem, ReadOptions, parse_map
from ..ingest.load import BATCH_SIZE, IngestReport, ingest_paths, unclustered_ids
from .app import app, console, err_console
from .articles_cmd import open_or_exit
from .options import DbOption

PROGRESS_MIN_SOURCES = 20  # fewer inputs than this (and fewer bytes) finish too fast for a bar to help
PROGRESS_MIN_BYTES = 10_000_000
SHOW_DUPLICATES = 10


def _print_problem(problem: Problem) -> None:
    style = {"failed": "red", "skipped": "yellow", "warning": "magenta"}[problem.severity]
    label = {"failed": "error", "skipped": "skipped", "warning": "warning"}[problem.severity]
    err_console.print(f"[{style}]{label}:[/{style}] {escape(str(problem))}", highlight=False, soft_wrap=True)


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    )


@app.command("ingest")
def ingest_cmd(
    paths: list[str] = typer.Argument(
        ..., metavar="PATH...", help="Files, folders or http(s) URLs of pages and feeds."
    ),
    fmt: str = typer.Option(
        "auto", "--format", "-f", metavar="FORMAT", help=f"Read every input as this format: {'|'.join(FORMATS)}."
    ),
    recursive: bool = typer.Option(False, "--recursive", "-r", help="Read folders with all their subfolders."),
    mapping: str | None = typer.Option(
        None,
        "--map",
        metavar="FIELD=COLUMN,...",
        help="JSONL/CSV columns for article fields, e.g. text=body,published=date (fields: id, text, title, url, outlet, author, published, story).",
    ),
    fetch_links: bool = typer.Option(
        False, "--fetch-links", help="For feeds: fetch each entry's linked page and read it."
    ),
    timeout: float = typer.Option(15.0, "--timeout", min=0.1, metavar="SECONDS", help="Timeout for each URL fetched."),
    db: DbOption = None,
    strict: bool = typer.Option(False, "--strict", help="Exit with status 1 when any input failed."),
    no_cluster: bool = typer.Option(False, "--no-cluster", help="Do not cluster the new articles into stories."),
    no_extract: bool = typer.Option(False, "--no-extract", help="Do not extract signals from the new articles."),
    batch_size: int = typer.Option(BATCH_SIZE, "--batch-size", min=1, help="Articles stored per transaction."),
) -> None:
    """Read articles (HTML, text/Markdown, JSONL/CSV, RSS/Atom, WARC, URLs), clean and store them.

    PATH may be a file, a folder (--recursive for subfolders) or an http(s) URL of a page or feed; the format comes from the file name or its first bytes unless --format says.

    Texts under 200 characters or 30 words are skipped; duplicates (same text, URL or id as a stored article) are counted, not stored again, so re-running an ingest is safe; the same text at a new address (another URL, or file without one) is an exact copy, recorded as a sighting of the stored article. Each bad input is one line on stderr naming the file and line or record.
    """
    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(FORMATS)}", param_hint="--format")
    try:
        field_map = parse_map(mapping)
    except MapError as exc:
        raise typer.BadParameter(str(exc), param_hint="--map") from None
    opts = ReadOptions(
        fmt=fmt, recursive=recursive, mapping=field_map, fetch_links=fetch_links, fetch=FetchOptions(timeout=timeout)
    )
    engine = open_or_exit(db)
    report = IngestReport()
    progress = _progress()
    task = None

    def on_sources(sources) -> None:
        nonlocal task
        big = sum(os.path.getsize(s.location) for s in sources if not s.is_url and os.path.isfile(s.location))
        if err_console.is_terminal and (len(sources) >= PROGRESS_MIN_SOURCES or big >= PROGRESS_MIN_BYTES):
            progress.start()
            task = progress.add_task("reading", total=len(sources))

    def on_done(_src, rep: IngestReport) -> None:
        if task is not None:
            progress.update(task, advance=1, description=f"read {rep.read} articles")

    def on_stored(rep: IngestReport) -> None:  # a single large file: the count moves per batch
        if task is not None:
            progress.update(task, description=f"read {rep.read} articles")

    try:
        ingest_paths(
            engine,
            paths,
            opts,
            batch_size=batch_size,
            report=report,
            on_problem=_print_problem,
            on_sources=on_sources,
            on_source_done=on_done,
            on_stored=on_stored,
        )
    except KeyboardInterrupt:
        progress.stop()
        _summary(report)
        err_console.print(
            f"[red]interrupted:[/red] {len(report.ingested)} new articles were stored (whole batches only); "
            "run the same command again to finish."
        )
        raise typer.Exit(130) from None
    finally:
        progress.stop()
    _summary(report)
    todo = list(report.ingested)
    if not no_cluster:
        new = set(todo)
        earlier = [i for i in unclustered_ids(engine) if i not in new]
        if earlier:
            console.print(
                f"{len(earlier)} stored articles were never clustered (an earlier run was interrupted or used --no-cluster): doing them now."
            )
            todo += earlier
    if todo and not (no_cluster and no_extract):
        _after(engine, todo, cluster=not no_cluster, extract=not no_extract)
    if not report.ingested:
        if report.copies:
            console.print(
                f"no new text: {len(report.copies)} exact copies seen at new addresses were recorded, "
                f"{len(report.duplicates)} articles read are already stored."
            )
        elif report.duplicates:
            console.print(f"nothing new: all {len(report.duplicates)} articles read are already stored.")
        else:
            err_console.print(
                f"[red]error:[/red] nothing could be ingested ({len(report.failed)} failed, {len(report.skipped)} "
                f"skipped; an article needs at least {MIN_CHARS} characters and {MIN_WORDS} words of text)."
            )
            raise typer.Exit(1)
    if strict and report.failed:
        err_console.print(f"[red]--strict:[/red] {len(report.failed)} input(s) failed.")
        raise typer.Exit(1)


def _summary(report: IngestReport) -> None:
    console.print(f"read {report.sources_done} of {report.sources} inputs", highlight=False)
    table = Table("outcome", "articles")
    table.add_row("ingested", str(len(report.ingested)))
    table.add_row("copy (recorded)", str(len(report.copies)))
    table.add_row("duplicate", str(len(report.duplicates)))
    table.add_row("skipped", str(len(report.skipped)))
    table.add_row("failed", str(len(report.failed)), style="red" if report.failed else None)
    if report.warnings:
        table.add_row("(warnings)", str(len(report.warnings)), style="dim")
    console.print(table)
    for copy in report.copies[:SHOW_DUPLICATES]:
        console.print(
            f"[dim]copy:[/dim] {escape(copy.source or copy.article_id)}: {escape(copy.reason)}",
            highlight=False,
            soft_wrap=True,
        )
    if len(report.copies) > SHOW_DUPLICATES:
        console.print(f"[dim]... and {len(report.copies) - SHOW_DUPLICATES} more copies[/dim]")
    for dup in report.duplicates[:SHOW_DUPLICATES]:
        console.print(
            f"[dim]duplicate:[/dim] {escape(dup.source or dup.article_id)}: {escape(dup.reason)}",
            highlight=False,
            soft_wrap=True,
        )
    if len(report.duplicates) > SHOW_DUPLICATES:
        console.print(f"[dim]... and {len(report.duplicates) - SHOW_DUPLICATES} more duplicates[/dim]")


def _after(engine, new_ids: list[str], *, cluster: bool, extract: bool) -> None:
    """Cluster and extract the new articles, with a progress bar on long runs."""
    from ..pipeline import after_ingest

    progress = _progress()
    task = None
    if len(new_ids) >= PROGRESS_MIN_SOURCES and err_console.is_terminal:
        progress.start()
        task = progress.add_task("extracting signals", total=len(new_ids))

    def advance(n: int) -> None:
        if task is not None:
            progress.update(task, advance=n)

    try:
        done = after_ingest(engine, new_ids, cluster=cluster, extract=extract, progress=advance)
    except Exception as exc:  # a failing later stage must not hide that the articles are stored
        progress.stop()
        err_console.print(
            f"[red]error:[/red] {'clustering' if cluster else 'extraction'} failed after storing "
            f"{len(new_ids)} new articles: {exc.__class__.__name__}: {escape(str(exc))}. The articles are stored; "
            "run [bold]backchannel extract --db ...[/bold] (or re-ingest with --no-cluster --no-extract) once it is fixed.",
            highlight=False,
        )
        raise typer.Exit(1) from None
    finally:
        progress.stop()
    for warning in done.warnings:
        err_console.print(f"[yellow]warning:[/yellow] {escape(warning)}", highlight=False)
    parts = []
    if cluster:
        parts.append(f"clustered {done.clustered} articles ({done.clusters_joined} joined stored stories)")
    if extract:
        parts.append(f"extracted {done.signals} signals from {done.extracted} articles")
    console.print("; ".join(parts) + ".")
