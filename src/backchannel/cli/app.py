"""The ``backchannel`` Typer application; command modules register on it."""

from __future__ import annotations

import typer
from rich.console import Console

from .. import __version__

app = typer.Typer(
    name="backchannel",
    help=(
        "Read the news and track what governments signal about war and peace: who is open to a "
        "cease-fire, who rejects talks, on what terms, in public or through back-channels.\n\n"
        "Typical run: [bold]backchannel ingest examples/corpus[/bold] (reads, cleans, clusters and "
        "extracts signals into ./backchannel.db), then [bold]backchannel track --holder RUS --issue "
        "ceasefire[/bold] or [bold]backchannel serve[/bold]."
    ),
    rich_markup_mode="rich",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
console = Console()
err_console = Console(stderr=True)


def _version(value: bool) -> None:
    if value:
        console.print(f"backchannel {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    pass


def main() -> None:
    app()


# Importing the command modules registers their commands (order = order in --help).
from . import (  # noqa: E402,F401,I001 (registration order is the order of --help)
    ingest_cmd,
    articles_cmd,
    extract_cmd,
    eval_cmd,
    clusters_cmd,
    track_cmd,
    export_cmd,
    serve_cmd,
)
