"""``backchannel articles list|show``: browse what is stored."""

from __future__ import annotations

import json

import typer
from rich.markup import escape
from rich.table import Table

from ..store import StoreError, open_db
from ..store.articles import get_article, list_articles
from ..store.copies import find_sighting, iter_sightings
from .app import app, console, err_console
from .options import DbOption, JsonOption, SinceOption, UntilOption, parse_day

articles_app = typer.Typer(help="Browse stored articles.", no_args_is_help=True)
app.add_typer(articles_app, name="articles")


def open_or_exit(db: str | None):
    """The database engine, or a one-line error and exit status 2."""
    try:
        return open_db(db)
    except StoreError as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None


@articles_app.command("list")
def list_cmd(
    db: DbOption = None,
    outlet: str | None = typer.Option(None, "--outlet", help="Only this outlet (exact name)."),
    since: SinceOption = None,
    until: UntilOption = None,
    limit: int = typer.Option(50, "--limit", min=1, help="At most this many rows."),
    as_json: JsonOption = False,
) -> None:
    """List stored articles, newest first."""
    engine = open_or_exit(db)
    rows = list_articles(
        engine, outlet=outlet, since=parse_day(since, "--since"), until=parse_day(until, "--until"), limit=limit
    )
    if as_json:
        out = [{k: v for k, v in a.to_json().items() if k != "text"} | {"chars": len(a.text)} for a in rows]
        console.print_json(json.dumps(out, ensure_ascii=False))
        return
    if not rows:
        console.print("No articles match. Add some with [bold]backchannel ingest PATH[/bold].")
        return
    table = Table("id", "published", "outlet", "title", "chars")
    for a in rows:
        table.add_row(
            a.id, a.published.isoformat() if a.published else "-", a.outlet or "-", a.title or "-", str(len(a.text))
        )
    console.print(table)


@articles_app.command("show")
def show_cmd(
    article_id: str = typer.Argument(..., help="The article id (see `articles list`)."),
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one article: metadata and cleaned text."""
    engine = open_or_exit(db)
    article = get_article(engine, article_id)
    if article is None:
        copy = find_sighting(engine, article_id)
        if copy is not None:  # its text is stored once, under the article it repeats
            err_console.print(
                f"[red]error:[/red] {escape(repr(article_id))} is an exact copy of {escape(repr(copy.article_id))} "
                f"at {escape(copy.url or copy.source_path or '?')}; its text is stored under that id "
                f"([bold]backchannel articles show {escape(copy.article_id)}[/bold])",
                highlight=False,
                soft_wrap=True,
            )
            raise typer.Exit(1)
        err_console.print(f"[red]error:[/red] no article with id {article_id!r}")
        raise typer.Exit(1)
    if as_json:
        console.print_json(json.dumps(article.to_json(), ensure_ascii=False))
        return
    console.print(f"[bold]{article.title or article.id}[/bold]")
    meta = [
        ("id", article.id),
        ("outlet", article.outlet),
        ("author", article.author),
        ("published", article.published.isoformat() if article.published else None),
        ("url", article.url),
        ("source", article.source_path),
    ]
    for key, value in meta:
        if value:
            console.print(f"[dim]{key}:[/dim] {value}", markup=True, highlight=False)
    for copy in iter_sightings(engine, [article.id]):
        where = ", ".join(x for x in (copy.outlet, copy.published.isoformat() if copy.published else None) if x)
        line = f"{copy.url or copy.source_path}" + (f" ({where})" if where else "")
        console.print(f"[dim]exact copy at:[/dim] {escape(line)}", highlight=False, soft_wrap=True)
    console.print()
    console.print(article.text, markup=False, highlight=False)
