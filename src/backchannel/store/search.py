"""Full-text search over signal sentences and article titles and text.

On SQLite, migration 3 creates two FTS5 indexes kept in sync by triggers, so every
writer (ingest, re-extraction, deletes) updates them without knowing they exist:

- ``signals_fts``: an external-content index over ``signals.sentence`` (the signal id
  is an INTEGER PRIMARY KEY, so it is a stable rowid).
- ``articles_fts``: an external-content index over ``articles.title`` and ``text``.
  The articles table is keyed by a string, and the implicit rowid of such a table may
  change on VACUUM, so the index is keyed by ``article_fts_rowids`` (a stable integer per
  article id) and reads its content through the view ``article_fts_content``.

Both use the Porter stemmer, so "negotiate" finds "negotiations". On other dialects (or
a SQLite built without FTS5) the same functions fall back to LIKE over the same columns:
slower and unranked, but the same results for plain words.

User queries are never passed to FTS5 raw (its syntax errors on a stray quote): ``parse_query``
turns them into quoted terms and phrases, optional prefixes (``negotiat*``) and ``OR``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from sqlalchemy import Connection, Engine, and_, column, func, literal_column, or_, select, table, text

from .articles import article_filters
from .schema import articles as A
from .schema import cluster_members as CM
from .schema import migration
from .schema import signals as S
from .signals import StoredSignal, _filters, _signal_from_row

T = TypeVar("T")

MAX_QUERY_CHARS = 200
MAX_TERMS = 12
# Markers around matched words in snippets: private-use characters that cannot come from
# the escaped text, so a renderer can escape the snippet first and then turn them into tags.
MARK_START = "\ue000"
MARK_END = "\ue001"

_TOKENIZE = "porter unicode61 remove_diacritics 2"

_SQLITE_DDL = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS signals_fts USING fts5(
        sentence, content='signals', content_rowid='id', tokenize='{_TOKENIZE}')""",
    """CREATE TRIGGER IF NOT EXISTS signals_fts_ai AFTER INSERT ON signals BEGIN
        INSERT INTO signals_fts(rowid, sentence) VALUES (new.id, new.sentence);
    END""",
    """CREATE TRIGGER IF NOT EXISTS signals_fts_ad AFTER DELETE ON signals BEGIN
        INSERT INTO signals_fts(signals_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence);
    END""",
    """CREATE TRIGGER IF NOT EXISTS signals_fts_au AFTER UPDATE OF sentence ON signals BEGIN
        INSERT INTO signals_fts(signals_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence);
        INSERT INTO signals_fts(rowid, sentence) VALUES (new.id, new.sentence);
    END""",
    """CREATE TABLE IF NOT EXISTS article_fts_rowids (
        fts_rowid INTEGER PRIMARY KEY, article_id VARCHAR(300) NOT NULL UNIQUE)""",
    """CREATE VIEW IF NOT EXISTS article_fts_content AS
        SELECT m.fts_rowid AS fts_rowid, a.title AS title, a.text AS text
        FROM article_fts_rowids m JOIN articles a ON a.id = m.article_id""",
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
        title, text, content='article_fts_content', content_rowid='fts_rowid', tokenize='{_TOKENIZE}')""",
    """CREATE TRIGGER IF NOT EXISTS articles_fts_ai AFTER INSERT ON articles BEGIN
        INSERT OR IGNORE INTO article_fts_rowids(article_id) VALUES (new.id);
        INSERT INTO articles_fts(rowid, title, text)
            SELECT fts_rowid, new.title, new.text FROM article_fts_rowids WHERE article_id = new.id;
    END""",
    """CREATE TRIGGER IF NOT EXISTS articles_fts_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
            SELECT 'delete', fts_rowid, old.title, old.text FROM article_fts_rowids WHERE article_id = old.id;
        DELETE FROM article_fts_rowids WHERE article_id = old.id;
    END""",
    """CREATE TRIGGER IF NOT EXISTS articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
            SELECT 'delete', fts_rowid, old.title, old.text FROM article_fts_rowids WHERE article_id = old.id;
        INSERT INTO articles_fts(rowid, title, text)
            SELECT fts_rowid, new.title, new.text FROM article_fts_rowids WHERE article_id = new.id;
    END""",
    # Backfill what a database already holds, then build both indexes from their content.
    "INSERT OR IGNORE INTO article_fts_rowids(article_id) SELECT id FROM articles ORDER BY id",
    "INSERT INTO signals_fts(signals_fts) VALUES ('rebuild')",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
]


def _sqlite_has_fts5(conn: Connection) -> bool:
    try:
        conn.execute(text("CREATE VIRTUAL TABLE temp._bc_fts5_probe USING fts5(x)"))
        conn.execute(text("DROP TABLE temp._bc_fts5_probe"))
        return True
    except Exception:
        return False


@migration(3, "full-text search")
def _create_search(conn: Connection) -> None:
    """FTS5 indexes and their triggers on SQLite (LIKE elsewhere needs no table).

    Also an index on ``articles.outlet``, which the search and article filters use.
    """
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_articles_outlet ON articles (outlet)"))
    if conn.dialect.name != "sqlite" or not _sqlite_has_fts5(conn):
        return
    for statement in _SQLITE_DDL:
        conn.execute(text(statement))


def has_fts(engine: Engine) -> bool:
    """Whether this database has the FTS5 indexes (SQLite with FTS5 and migration 3)."""
    if engine.dialect.name != "sqlite":
        return False
    with engine.connect() as conn:
        row = conn.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'signals_fts'")).first()
    return row is not None


# ---------------------------------------------------------------- query parsing


@dataclass(frozen=True, slots=True)
class Term:
    """A word or phrase of a user query; ``prefix`` for ``word*``; ``alt`` starts an OR branch."""

    text: str
    prefix: bool = False
    alt: bool = False


class QueryError(ValueError):
    """A search query that cannot be used; the message says why, for the user."""


_TOKEN_RE = re.compile(r'"([^"]*)"?|(\S+)')
_WORD_RE = re.compile(r"[\w][\w'’.-]*", re.UNICODE)


def parse_query(query: str) -> list[Term]:
    """Words and "quoted phrases" ANDed, ``OR`` between them, ``word*`` for a prefix.

    Punctuation is dropped (FTS5 would otherwise read it as syntax). Raises QueryError
    for an empty or oversized query, so the caller can show the reason.
    """
    query = query.strip()
    if not query:
        raise QueryError("type one or more words to search for")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is {len(query)} characters long; at most {MAX_QUERY_CHARS} are allowed")
    terms: list[Term] = []
    alt = False
    for m in _TOKEN_RE.finditer(query):
        phrase, word = m.group(1), m.group(2)
        if word is not None and word == "OR":
            alt = bool(terms)
            continue
        raw = phrase if phrase is not None else word
        prefix = phrase is None and raw.endswith("*")
        words = _WORD_RE.findall(raw)
        if not words:
            continue
        terms.append(Term(" ".join(w.strip(".'’-") or w for w in words), prefix=prefix, alt=alt))
        alt = False
    if not terms:
        raise QueryError("the query has no words to search for (only punctuation)")
    if len(terms) > MAX_TERMS:
        raise QueryError(f"the query has {len(terms)} terms; at most {MAX_TERMS} are allowed")
    return terms


def fts_expression(terms: Sequence[Term]) -> str:
    """The FTS5 MATCH string: every term quoted (so nothing is read as syntax)."""
    parts: list[str] = []
    for t in terms:
        quoted = '"' + t.text.replace('"', " ") + '"' + ("*" if t.prefix else "")
        if t.alt and parts:
            parts.append("OR")
        parts.append(quoted)
    return " ".join(parts)


def _like_condition(terms: Sequence[Term], columns) -> object:
    """The LIKE fallback: each term in any of ``columns``; OR branches as in FTS."""
    groups: list[list] = [[]]
    for t in terms:
        if t.alt:
            groups.append([])
        pattern = "%" + t.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        groups[-1].append(or_(*[func.lower(c).like(pattern.lower(), escape="\\") for c in columns]))
    return or_(*[and_(*g) for g in groups if g])


# ---------------------------------------------------------------- searching


@dataclass(frozen=True, slots=True)
class SignalHit:
    stored: StoredSignal
    snippet: str  # the sentence with matched words between MARK_START and MARK_END


@dataclass(frozen=True, slots=True)
class ArticleHit:
    article_id: str
    title: str | None
    outlet: str | None
    published: date | None
    url: str | None
    snippet: str  # a window of the text with matched words between the markers


@dataclass(frozen=True, slots=True)
class SearchPage(Generic[T]):
    """One page of hits; ``total`` is exact up to ``count_cap``, and ``capped`` says it stopped there."""

    hits: list[T]
    total: int
    capped: bool


def search_signals(
    engine: Engine,
    query: str,
    *,
    limit: int = 25,
    offset: int = 0,
    count_cap: int = 10_000,
    **filters,
) -> SearchPage[SignalHit]:
    """Signals whose sentence matches ``query`` and every filter of ``query_signals``, best first."""
    terms = parse_query(query)
    where = _filters(
        filters.get("holder"), filters.get("issue"), filters.get("stance"), filters.get("channel"),
        filters.get("source"), filters.get("hedged"), filters.get("since"), filters.get("until"),
        filters.get("article_id"),
    )  # fmt: skip
    cols = [S, A.c.published, A.c.outlet, A.c.title, A.c.url, CM.c.cluster_id]
    if has_fts(engine):
        fts = table("signals_fts", column("rowid"), column("rank"))
        match = text("signals_fts MATCH :q").bindparams(q=fts_expression(terms))
        snippet = func.highlight(literal_column("signals_fts"), 0, MARK_START, MARK_END).label("snip")
        base = (
            select(*cols, snippet)
            .select_from(fts)
            .join(S, S.c.id == fts.c.rowid)
            .join(A, A.c.id == S.c.article_id)
            .outerjoin(CM, CM.c.article_id == S.c.article_id)
            .where(match)
        )
        order = [fts.c.rank, S.c.id]
    else:
        base = (
            select(*cols, S.c.sentence.label("snip"))
            .join(A, A.c.id == S.c.article_id)
            .outerjoin(CM, CM.c.article_id == S.c.article_id)
            .where(_like_condition(terms, [S.c.sentence]))
        )
        order = [func.coalesce(S.c.when_start, A.c.published).desc(), S.c.id]
    if where is not None:
        base = base.where(where)
    with engine.connect() as conn:
        total = conn.execute(
            select(func.count()).select_from(base.with_only_columns(S.c.id).limit(count_cap + 1).subquery())
        ).scalar_one()
        rows = conn.execute(base.order_by(*order).limit(limit).offset(offset)).all()
    hits = []
    for row in rows:
        m = row._mapping
        stored = StoredSignal(
            id=m["id"],
            signal=_signal_from_row(m),
            published=date.fromisoformat(m["published"]) if m["published"] else None,
            outlet=m["outlet"],
            title=m["title"],
            url=m["url"],
            cluster_id=m["cluster_id"],
            extractor=m["extractor"],
        )
        hits.append(SignalHit(stored, m["snip"]))
    return SearchPage(hits, min(total, count_cap), total > count_cap)


def search_articles(
    engine: Engine,
    query: str,
    *,
    outlet: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = 25,
    offset: int = 0,
    count_cap: int = 10_000,
) -> SearchPage[ArticleHit]:
    """Articles whose title or text matches ``query``, best first, with a snippet of the match."""
    terms = parse_query(query)
    conds = article_filters(outlet, since, until)
    cols = [A.c.id, A.c.title, A.c.outlet, A.c.published, A.c.url]
    if has_fts(engine):
        fts = table("articles_fts", column("rowid"), column("rank"))
        rowids = table("article_fts_rowids", column("fts_rowid"), column("article_id"))
        snippet = func.snippet(literal_column("articles_fts"), 1, MARK_START, MARK_END, " … ", 32).label("snip")
        base = (
            select(*cols, snippet)
            .select_from(fts)
            .join(rowids, rowids.c.fts_rowid == fts.c.rowid)
            .join(A, A.c.id == rowids.c.article_id)
            .where(text("articles_fts MATCH :q").bindparams(q=fts_expression(terms)))
        )
        order = [fts.c.rank, A.c.id]
    else:
        base = select(*cols, func.substr(A.c.text, 1, 240).label("snip")).where(
            _like_condition(terms, [A.c.title, A.c.text])
        )
        order = [A.c.published.is_(None), A.c.published.desc(), A.c.id]
    if conds:
        base = base.where(and_(*conds))
    with engine.connect() as conn:
        total = conn.execute(
            select(func.count()).select_from(base.with_only_columns(A.c.id).limit(count_cap + 1).subquery())
        ).scalar_one()
        rows = conn.execute(base.order_by(*order).limit(limit).offset(offset)).all()
    hits = [
        ArticleHit(
            article_id=r.id,
            title=r.title,
            outlet=r.outlet,
            published=date.fromisoformat(r.published) if r.published else None,
            url=r.url,
            snippet=r.snip or "",
        )
        for r in rows
    ]
    return SearchPage(hits, min(total, count_cap), total > count_cap)
