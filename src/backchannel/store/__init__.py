"""The store: SQLite by default (one file), PostgreSQL through the same Core code."""

from .db import DB_ENV, DEFAULT_DB, StoreError, open_db, resolve_db

__all__ = ["DB_ENV", "DEFAULT_DB", "StoreError", "open_db", "resolve_db"]
