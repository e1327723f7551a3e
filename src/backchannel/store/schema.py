"""Tables and migrations (SQLAlchemy 2 Core, SQLite by default, PostgreSQL alike).

Migrations are registered functions, numbered, each run in its own transaction and
recorded in ``schema_version``; opening a database applies the ones it lacks. A new
stage that needs a table adds a function with the next number (never edits an old
one), so every existing database upgrades in place.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("applied_at", DateTime, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(300), primary_key=True),
    Column("url", Text, nullable=True),
    Column("outlet", String(300)),
    Column("title", Text),
    Column("author", String(300)),
    Column("published", String(10), index=True),  # ISO date; sorts as text
    Column("text", Text, nullable=False),
    Column("source_path", Text),
    Column("content_hash", String(64), nullable=False),
    Column("ingested_at", DateTime, nullable=False),
    Column("story", String(300)),
    Column("extra", Text),  # JSON of other input fields
    UniqueConstraint("content_hash", name="uq_articles_content_hash"),
    UniqueConstraint("url", name="uq_articles_url"),
)

signals = Table(
    "signals",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(300), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("holder", String(20), nullable=False),
    Column("person", String(200)),
    Column("issue", String(60), nullable=False),
    Column("stance", String(20), nullable=False),
    Column("channel", String(20), nullable=False),
    Column("source", String(20), nullable=False),
    Column("hedged", Boolean, nullable=False),
    Column("when", String(40)),  # the spec's value: YYYY[-MM[-DD]][/...]
    Column("when_start", String(10)),  # first day it covers, for range queries
    Column("when_end", String(10)),
    Column("confidence", Float, nullable=False),
    Column("why", Text),  # JSON list of cue names
    Column("extractor", String(80), nullable=False),  # version + lexicon digest
    Index("ix_signals_holder_issue", "holder", "issue"),
    Index("ix_signals_article", "article_id"),
)

# Filled by the cluster stage; an article with no row here has not been clustered yet.
cluster_members = Table(
    "cluster_members",
    metadata,
    Column("article_id", String(300), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("cluster_id", String(300), nullable=False, index=True),
    Column("relation", String(20), nullable=False),  # canonical | exact | near_copy | rewrite
    Column("similarity", Float, nullable=False),
)

Migration = Callable[[Connection], None]
MIGRATIONS: dict[int, tuple[str, Migration]] = {}


def migration(version: int, name: str) -> Callable[[Migration], Migration]:
    """Register ``fn`` as migration ``version``; numbers are unique and never reused."""

    def register(fn: Migration) -> Migration:
        if version in MIGRATIONS:
            raise RuntimeError(f"migration {version} registered twice")
        MIGRATIONS[version] = (name, fn)
        return fn

    return register


@migration(1, "articles, signals, cluster members")
def _create_core(conn: Connection) -> None:
    for table in (articles, signals, cluster_members):
        table.create(conn, checkfirst=True)
