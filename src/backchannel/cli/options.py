"""Options shared by several commands, declared once (name, default, help)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from ..store import DB_ENV, DEFAULT_DB

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar=DB_ENV,
        help=f"SQLite file, or a SQLAlchemy URL such as postgresql+psycopg://user@host/db. [default: ./{DEFAULT_DB}]",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (one object) instead of a table.")]
SinceOption = Annotated[
    str | None, typer.Option("--since", help="Only from this date on (YYYY-MM-DD).", metavar="DATE")
]
UntilOption = Annotated[str | None, typer.Option("--until", help="Only up to this date (YYYY-MM-DD).", metavar="DATE")]


def parse_day(value: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option value, or a clear usage error naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD", param_hint=option) from None
