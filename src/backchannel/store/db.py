"""Opening a database: SQLite file by default, any SQLAlchemy URL for PostgreSQL."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, func, insert, select

from . import schema

DEFAULT_DB = "backchannel.db"
DB_ENV = "BACKCHANNEL_DB"


class StoreError(Exception):
    """A database that cannot be opened or upgraded; the message says which and why."""


def resolve_db(db: str | os.PathLike[str] | None) -> str:
    """``--db`` if given, else ``$BACKCHANNEL_DB``, else ``./backchannel.db``."""
    return str(db) if db else os.environ.get(DB_ENV) or DEFAULT_DB


def db_url(db: str) -> str:
    """A path becomes a SQLite URL; a string with ``://`` is taken as a URL."""
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    # WAL lets the web server read while an ingest writes; foreign keys cascade deletes.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def open_db(db: str | os.PathLike[str] | None = None, *, migrate: bool = True) -> Engine:
    """An engine for ``db`` (see ``resolve_db``) with every migration applied."""
    url = db_url(resolve_db(db))
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        parent = Path(url.removeprefix("sqlite:///")).parent
        if not parent.exists():
            raise StoreError(f"cannot create database {url.removeprefix('sqlite:///')}: folder {parent} does not exist")
    try:
        engine = create_engine(url, future=True)
    except Exception as exc:  # a bad URL or a missing driver
        raise StoreError(f"cannot open database {url}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    if migrate:
        apply_migrations(engine)
    return engine


def current_version(engine: Engine) -> int:
    with engine.connect() as conn:
        if not engine.dialect.has_table(conn, "schema_version"):
            return 0
        return conn.execute(select(func.coalesce(func.max(schema.schema_version.c.version), 0))).scalar_one()


def applied_versions(engine: Engine) -> set[int]:
    with engine.connect() as conn:
        if not engine.dialect.has_table(conn, "schema_version"):
            return set()
        return set(conn.execute(select(schema.schema_version.c.version)).scalars())


def apply_migrations(engine: Engine) -> list[int]:
    """Run each registered migration the database has not recorded, in order, one transaction each.

    By recorded number, not by the highest one: a database made while a lower-numbered
    migration was still unwritten gets it later instead of skipping it.
    """
    # Importing the stages registers their migrations.
    from . import migrations  # noqa: F401

    try:
        with engine.begin() as conn:
            schema.schema_version.create(conn, checkfirst=True)
        have = applied_versions(engine)
    except Exception as exc:
        raise StoreError(f"cannot read database {engine.url}: {exc}") from exc
    applied = []
    for version in sorted(schema.MIGRATIONS):
        if version in have:
            continue
        name, fn = schema.MIGRATIONS[version]
        with engine.begin() as conn:
            fn(conn)
            conn.execute(
                insert(schema.schema_version).values(
                    version=version, name=name, applied_at=datetime.now(UTC).replace(tzinfo=None)
                )
            )
        applied.append(version)
    return applied
