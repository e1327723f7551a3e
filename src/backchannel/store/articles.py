"""Articles in the store: add a batch idempotently (exact copies elsewhere become sightings), fetch, list."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal

from sqlalchemy import Engine, Row, or_, select

from ..records import Article, parse_date
from .copies import article_copies, known_locations, location, sighting_row, urls_seen
from .schema import articles as T

Outcome = Literal["ingested", "duplicate", "copy"]


@dataclass(frozen=True, slots=True)
class AddResult:
    """What became of one incoming article.

    ``copy``: its text is stored already under another address, so it was recorded as a
    sighting of ``copy_of`` (``store.copies``) rather than stored again.
    """

    article_id: str
    outcome: Outcome
    reason: str = ""  # for duplicates and copies: which stored article it repeats, and how
    copy_of: str | None = None  # for copies: the stored article whose text it repeats


def _row_values(article: Article, now: datetime) -> dict:
    return {
        "id": article.id,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "author": article.author,
        "published": article.published.isoformat() if article.published else None,
        "text": article.text,
        "source_path": article.source_path,
        "content_hash": article.content_hash,
        "ingested_at": article.ingested_at or now,
        "story": article.story,
        "extra": json.dumps(article.extra, ensure_ascii=False) if article.extra else None,
    }


def row_to_article(row: Row) -> Article:
    m = row._mapping
    return Article(
        id=m["id"],
        text=m["text"],
        title=m["title"],
        url=m["url"],
        outlet=m["outlet"],
        author=m["author"],
        published=parse_date(m["published"]),
        source_path=m["source_path"],
        content_hash=m["content_hash"],
        ingested_at=m["ingested_at"],
        story=m["story"],
        extra=json.loads(m["extra"]) if m["extra"] else {},
    )


def add_articles(engine: Engine, batch: Sequence[Article]) -> list[AddResult]:
    """Insert ``batch`` in one transaction; an input already stored is a duplicate.

    Duplicates are found by id, content hash or URL, against the database and within
    the batch, so re-running an ingest adds nothing. Text already stored but seen at
    another address (another URL; without URLs, another file or record) is an exact copy:
    it is recorded as a sighting of the stored article (``store.copies``), once per
    address. A crash mid-batch rolls the whole batch back, and the re-run completes it.
    """
    now = datetime.now(UTC).replace(tzinfo=None)
    results: list[AddResult] = []
    with engine.begin() as conn:
        ids = [a.id for a in batch]
        hashes = [a.content_hash for a in batch]
        urls = [a.url for a in batch if a.url]
        known_id: dict[str, str] = {}
        known_hash: dict[str, str] = {}
        known_url: dict[str, str] = {}
        home: dict[str, str] = {}  # stored article id -> its own location (see copies.location)
        for chunk_start in range(0, len(batch), 300):
            sl = slice(chunk_start, chunk_start + 300)
            conds = [T.c.id.in_(ids[sl]), T.c.content_hash.in_(hashes[sl])]
            if urls[sl]:
                conds.append(T.c.url.in_(urls[sl]))
            q = select(T.c.id, T.c.content_hash, T.c.url, T.c.source_path).where(or_(*conds))
            for r in conn.execute(q):
                known_id[r.id] = r.id
                known_hash[r.content_hash] = r.id
                if r.url:
                    known_url[r.url] = r.id
                home[r.id] = r.url or f"{r.source_path or ''}#{r.id}"
        seen_at = known_locations(conn, set(known_hash.values()))
        copy_url = urls_seen(conn, urls)  # URLs already recorded as sightings
        rows, sightings = [], []
        for a in batch:
            stored = known_hash.get(a.content_hash)
            if stored is not None:
                loc = location(a)
                if a.id == stored or loc == home.get(stored) or loc in seen_at[stored]:
                    results.append(AddResult(a.id, "duplicate", f"same text as {stored}"))
                elif a.url and a.url in known_url:
                    results.append(AddResult(a.id, "duplicate", f"same URL as {known_url[a.url]}"))
                elif a.url and a.url in copy_url:
                    results.append(AddResult(a.id, "duplicate", f"same URL as a recorded copy of {copy_url[a.url]}"))
                else:
                    sightings.append(sighting_row(stored, a, now))
                    seen_at[stored].add(loc)
                    if a.url:
                        copy_url[a.url] = stored
                    results.append(AddResult(a.id, "copy", f"exact copy of {stored} (recorded)", copy_of=stored))
                continue
            if a.url and a.url in known_url:
                results.append(AddResult(a.id, "duplicate", f"same URL as {known_url[a.url]}"))
                continue
            if a.url and a.url in copy_url:
                results.append(AddResult(a.id, "duplicate", f"same URL as a recorded copy of {copy_url[a.url]}"))
                continue
            if a.id in known_id:
                results.append(AddResult(a.id, "duplicate", f"id {a.id} already stored with other text"))
                continue
            rows.append(_row_values(a, now))
            known_id[a.id] = known_hash[a.content_hash] = a.id
            home[a.id] = location(a)
            if a.url:
                known_url[a.url] = a.id
            results.append(AddResult(a.id, "ingested"))
        if rows:
            conn.execute(T.insert(), rows)
        if sightings:
            conn.execute(article_copies.insert(), sightings)
    return results


def get_article(engine: Engine, article_id: str) -> Article | None:
    with engine.connect() as conn:
        row = conn.execute(select(T).where(T.c.id == article_id)).first()
    return row_to_article(row) if row else None


def article_filters(outlet: str | None, since: date | None, until: date | None) -> list:
    """The WHERE conditions for an outlet and a publication-date range (empty: no filter)."""
    conds = []
    if outlet:
        conds.append(T.c.outlet == outlet)
    if since:
        conds.append(T.c.published >= since.isoformat())
    if until:
        conds.append(T.c.published <= until.isoformat())
    return conds


def list_articles(
    engine: Engine,
    *,
    outlet: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[Article]:
    """Articles newest first (undated last), filtered by outlet and publication date."""
    q = select(T).where(*article_filters(outlet, since, until))
    q = q.order_by(T.c.published.is_(None), T.c.published.desc(), T.c.id).offset(offset)
    if limit is not None:
        q = q.limit(limit)
    with engine.connect() as conn:
        return [row_to_article(r) for r in conn.execute(q)]


def iter_articles(engine: Engine, ids: Iterable[str] | None = None, batch_size: int = 500):
    """Every stored article (or those in ``ids``), streamed in id order."""
    with engine.connect() as conn:
        q = select(T).order_by(T.c.id)
        if ids is not None:
            q = q.where(T.c.id.in_(list(ids)))
        for row in conn.execution_options(yield_per=batch_size).execute(q):
            yield row_to_article(row)


def count_articles(engine: Engine) -> int:
    from sqlalchemy import func

    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(T)).scalar_one()
