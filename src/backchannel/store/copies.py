"""Exact copies seen at other addresses: a stored article's text found again under another URL or file.

A wire story runs word for word on many sites. The store keeps its text once (articles are
unique by content hash), but each further address it was seen at is a *sighting*: a row
here with that copy's URL, outlet, title, author and date. Sightings are members of their
stored article's story cluster with relation ``exact`` and count as articles carrying its
signals (``store.clusters.support``), never as independent reports.

Migration 4 adds the table. A sighting is identified by its stored article and its
*location*: the URL, or (for inputs without one) the source path and the id the input
gave it, so re-running the same ingest finds it and adds nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Engine,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    select,
)

from ..records import Article, CopySighting, parse_date
from .schema import cluster_members as CM
from .schema import metadata, migration

article_copies = Table(
    "article_copies",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(300), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("location", Text, nullable=False),  # see ``location``: what makes a sighting the same input
    Column("input_id", String(300)),  # the id the input gave the copy
    Column("url", Text),
    Column("outlet", String(300)),
    Column("title", Text),
    Column("author", String(300)),
    Column("published", String(10)),  # ISO date, like articles.published
    Column("source_path", Text),
    Column("seen_at", DateTime, nullable=False),
    UniqueConstraint("article_id", "location", name="uq_article_copies_location"),
    Index("ix_article_copies_article", "article_id"),
    Index("ix_article_copies_url", "url"),
)


@migration(4, "exact copies seen at other addresses")
def _create_copies(conn: Connection) -> None:
    article_copies.create(conn, checkfirst=True)


def location(article: Article) -> str:
    """Where an input came from, as one key: its URL, else its source path and id.

    Without a URL the id is part of the key because one file (JSONL, CSV, a feed) holds
    many records: two records of one file with the same text are two copies, while the
    same record read again is the same input.
    """
    if article.url:
        return article.url
    return f"{article.source_path or ''}#{article.id}"


def sighting_row(stored_id: str, article: Article, seen_at: datetime) -> dict:
    """The table row recording that ``article`` repeats the stored article ``stored_id`` word for word."""
    return {
        "article_id": stored_id,
        "location": location(article),
        "input_id": article.id,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "author": article.author,
        "published": article.published.isoformat() if article.published else None,
        "source_path": article.source_path,
        "seen_at": seen_at,
    }


def _sighting(r) -> CopySighting:
    return CopySighting(
        article_id=r.article_id,
        input_id=r.input_id,
        url=r.url,
        outlet=r.outlet,
        title=r.title,
        author=r.author,
        published=parse_date(r.published),
        source_path=r.source_path,
        seen_at=r.seen_at,
    )


def known_locations(conn: Connection, article_ids: Iterable[str]) -> dict[str, set[str]]:
    """stored article id -> the locations its sightings were recorded at (inside the caller's transaction)."""
    ids = sorted(set(article_ids))
    out: dict[str, set[str]] = defaultdict(set)
    T = article_copies
    for i in range(0, len(ids), 500):
        for r in conn.execute(select(T.c.article_id, T.c.location).where(T.c.article_id.in_(ids[i : i + 500]))):
            out[r.article_id].add(r.location)
    return out


def urls_seen(conn: Connection, urls: Iterable[str]) -> dict[str, str]:
    """URL -> the stored article a sighting at that URL copies, for those of ``urls`` recorded."""
    wanted = sorted(set(urls))
    out: dict[str, str] = {}
    T = article_copies
    for i in range(0, len(wanted), 500):
        out.update(
            (r.url, r.article_id)
            for r in conn.execute(select(T.c.url, T.c.article_id).where(T.c.url.in_(wanted[i : i + 500])))
        )
    return out


def sightings_of(conn: Connection, article_ids: Iterable[str]) -> dict[str, list[CopySighting]]:
    """stored article id -> its sightings, earliest published first (undated last), then by location."""
    ids = sorted(set(article_ids))
    out: dict[str, list[CopySighting]] = defaultdict(list)
    T = article_copies
    for i in range(0, len(ids), 500):
        q = (
            select(T)
            .where(T.c.article_id.in_(ids[i : i + 500]))
            .order_by(T.c.published.is_(None), T.c.published, T.c.location)
        )
        for r in conn.execute(q):
            out[r.article_id].append(_sighting(r))
    return out


def sighting_counts(conn: Connection, article_ids: Iterable[str]) -> dict[str, int]:
    """stored article id -> how many sightings it has (ids without any are left out)."""
    ids = sorted(set(article_ids))
    out: dict[str, int] = {}
    T = article_copies
    for i in range(0, len(ids), 500):
        q = select(T.c.article_id, func.count()).where(T.c.article_id.in_(ids[i : i + 500])).group_by(T.c.article_id)
        out.update((aid, int(n)) for aid, n in conn.execute(q))
    return out


def cluster_sightings_counts():
    """A subquery of (cluster_id, copies): sightings per story cluster, through their stored article."""
    T = article_copies
    return (
        select(CM.c.cluster_id, func.count().label("copies"))
        .select_from(T.join(CM, CM.c.article_id == T.c.article_id))
        .group_by(CM.c.cluster_id)
        .subquery()
    )


def count_sightings(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(article_copies)).scalar_one()


def iter_sightings(engine: Engine, article_ids: Sequence[str] | None = None) -> Iterator[CopySighting]:
    """Every sighting (or those of ``article_ids``), by stored article then location."""
    T = article_copies
    q = select(T).order_by(T.c.article_id, T.c.location)
    if article_ids is not None:
        q = q.where(T.c.article_id.in_(list(article_ids)))
    with engine.connect() as conn:
        for r in conn.execute(q):
            yield _sighting(r)


def find_sighting(engine: Engine, input_id: str) -> CopySighting | None:
    """The sighting an input with id ``input_id`` was recorded as (the earliest, if several), or None."""
    T = article_copies
    with engine.connect() as conn:
        row = conn.execute(select(T).where(T.c.input_id == input_id).order_by(T.c.id).limit(1)).first()
    return _sighting(row) if row else None
