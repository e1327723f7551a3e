"""``backchannel serve``: the web dashboard and JSON API, served by uvicorn."""

from __future__ import annotations

from pathlib import Path

import typer

from ..store import StoreError, resolve_db
from .app import app, console, err_console
from .options import DbOption


@app.command("serve")
def serve_cmd(
    db: DbOption = None,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0 exposes it to the network)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    token: str | None = typer.Option(
        None,
        "--token",
        envvar="BACKCHANNEL_TOKEN",
        help="Allow POST /api/articles for clients sending 'Authorization: Bearer TOKEN'. Without it the server is read-only.",
        show_default=False,
    ),
) -> None:
    """Serve the dashboard (overview, tracker, evidence search, articles, stories) and the API (/api/, docs at /docs)."""
    import uvicorn

    from ..web import create_app

    target = resolve_db(db)
    if "://" not in target and not Path(target).expanduser().is_file():
        err_console.print(
            f"[red]error:[/red] no database at {target}; create one with [bold]backchannel ingest PATH --db {target}[/bold]"
        )
        raise typer.Exit(2)
    if token is not None and len(token) < 12:
        err_console.print("[red]error:[/red] --token must be at least 12 characters (it guards writes)")
        raise typer.Exit(2)
    try:
        web_app = create_app(db, token=token, warm=True)
    except StoreError as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    mode = "ingest enabled with token" if token else "read-only"
    console.print(
        f"Serving {web_app.state.db_label} on [bold]http://{host}:{port}/[/bold] ({mode}); API docs at /docs. Ctrl-C stops."
    )
    try:
        uvicorn.run(web_app, host=host, port=port, log_level="warning", server_header=False)
    except OSError as exc:  # port in use, address not available
        err_console.print(f"[red]error:[/red] cannot listen on {host}:{port}: {exc}")
        raise typer.Exit(2) from None
