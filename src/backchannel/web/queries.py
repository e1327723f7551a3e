"""The bounded queries behind the pages that the store modules do not offer directly.

Story clusters are read from the ``cluster_members`` table (the clustering stage fills
it). Every function takes a limit, so a page never loads a whole corpus.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, and_, func, select

from ..records import CopySighting
from ..store.articles import article_filters
from ..store.clusters import count_clusters as store_count_clusters
from ..store.clusters import get_cluster
from ..store.clusters import list_clusters as store_list_clusters
from ..store.copies import article_copies as AC
from ..store.schema import articles as A
from ..store.schema import cluster_members as CM
from ..store.schema import signals as S


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """An article as listed: metadata, length, how many signals, its cluster."""

    id: str
    title: str | None
    outlet: str | None
    published: date | None
    url: str | None
    chars: int
    signals: int
    cluster_id: str | None
    relation: str | None
    similarity: float | None
    cluster_size: int = 0  # articles in its story cluster (1: a report of its own)


@dataclass(frozen=True, slots=True)
class ClusterRow:
    id: str
    size: int
    canonical: ArticleRow | None
    first: date | None
    last: date | None


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _article_rows(engine: Engine, where, order, limit: int, offset: int = 0) -> list[ArticleRow]:
    n_sig = select(func.count()).where(S.c.article_id == A.c.id).scalar_subquery()
    other = CM.alias("other_members")
    n_cluster = select(func.count()).select_from(other).where(other.c.cluster_id == CM.c.cluster_id).scalar_subquery()
    q = (
        select(
            A.c.id,
            A.c.title,
            A.c.outlet,
            A.c.published,
            A.c.url,
            func.length(A.c.text).label("chars"),
            n_sig.label("n_sig"),
            CM.c.cluster_id,
            CM.c.relation,
            CM.c.similarity,
            n_cluster.label("n_cluster"),
        )  # fmt: skip
        .outerjoin(CM, CM.c.article_id == A.c.id)
        .order_by(*order)
        .limit(limit)
        .offset(offset)
    )
    if where is not None:
        q = q.where(where)
    with engine.connect() as conn:
        return [
            ArticleRow(
                r.id,
                r.title,
                r.outlet,
                _day(r.published),
                r.url,
                r.chars or 0,
                r.n_sig or 0,
                r.cluster_id,
                r.relation,
                r.similarity,
                r.n_cluster or 0,
            )  # fmt: skip
            for r in conn.execute(q)
        ]


def _article_where(outlet: str | None, since: date | None, until: date | None):
    conds = article_filters(outlet, since, until)
    return and_(*conds) if conds else None


# Undated last; NULLS LAST (the default of DESC on SQLite) keeps the published index usable.
_NEWEST = (A.c.published.desc().nulls_last(), A.c.id)


def list_article_rows(
    engine: Engine, *, outlet=None, since=None, until=None, limit: int = 50, offset: int = 0
) -> list[ArticleRow]:
    """Articles newest first, with signal counts and cluster, one page."""
    return _article_rows(engine, _article_where(outlet, since, until), _NEWEST, limit, offset)


def count_article_rows(engine: Engine, *, outlet=None, since=None, until=None) -> int:
    q = select(func.count()).select_from(A)
    where = _article_where(outlet, since, until)
    if where is not None:
        q = q.where(where)
    with engine.connect() as conn:
        return conn.execute(q).scalar_one()


def article_row(engine: Engine, article_id: str) -> ArticleRow | None:
    rows = _article_rows(engine, A.c.id == article_id, (A.c.id,), 1)
    return rows[0] if rows else None


def cluster_member_rows(engine: Engine, cluster_id: str, *, limit: int = 200) -> list[ArticleRow]:
    """The members of one cluster in ``store.clusters``' order (canonical, copies, rewrites), with metadata."""
    cluster = get_cluster(engine, cluster_id)
    if cluster is None:
        return []
    members = cluster.members[:limit]
    ids = [m.article_id for m in members]
    rows = {r.id: r for r in _article_rows(engine, A.c.id.in_(ids), (A.c.id,), len(ids))}
    return [rows[i] for i in ids if i in rows]


def cluster_size(engine: Engine, cluster_id: str) -> int:
    """Articles in the story: stored members plus the exact copies of them seen elsewhere (``store.copies``)."""
    with engine.connect() as conn:
        stored = conn.execute(select(func.count()).where(CM.c.cluster_id == cluster_id)).scalar_one()
        copies = conn.execute(
            select(func.count())
            .select_from(AC.join(CM, CM.c.article_id == AC.c.article_id))
            .where(CM.c.cluster_id == cluster_id)
        ).scalar_one()
    return stored + copies


def cluster_sightings(engine: Engine, cluster_id: str, *, limit: int = 200) -> list[CopySighting]:
    """Exact copies of the cluster's members seen at other addresses, in the members' order."""
    cluster = get_cluster(engine, cluster_id)
    return list(cluster.sightings[:limit]) if cluster else []


def list_clusters(engine: Engine, *, min_size: int = 2, limit: int = 50, offset: int = 0) -> list[ClusterRow]:
    """Clusters with at least ``min_size`` members, largest first, with their canonical article and dates."""
    clusters = store_list_clusters(engine, min_size=min_size, limit=limit, offset=offset)
    canon = {c.canonical_id for c in clusters}
    rows = {r.id: r for r in _article_rows(engine, A.c.id.in_(canon), (A.c.id,), len(canon))} if canon else {}
    spans: dict[str, tuple[str | None, str | None]] = {}
    if clusters:
        q = (
            select(CM.c.cluster_id, func.min(A.c.published), func.max(A.c.published))
            .select_from(CM.join(A, A.c.id == CM.c.article_id))
            .where(CM.c.cluster_id.in_([c.id for c in clusters]))
            .group_by(CM.c.cluster_id)
        )
        with engine.connect() as conn:
            spans = {cid: (lo, hi) for cid, lo, hi in conn.execute(q)}
    out = []
    for c in clusters:
        lo, hi = spans.get(c.id, (None, None))
        out.append(ClusterRow(c.id, c.size, rows.get(c.canonical_id), _day(lo), _day(hi)))
    return out


def count_clusters(engine: Engine, *, min_size: int = 2) -> int:
    return store_count_clusters(engine, min_size=min_size)


def cluster_signal_count(engine: Engine, cluster_id: str) -> int:
    q = (
        select(func.count())
        .select_from(S.join(CM, CM.c.article_id == S.c.article_id))
        .where(CM.c.cluster_id == cluster_id)
    )
    with engine.connect() as conn:
        return conn.execute(q).scalar_one()


@dataclass(frozen=True, slots=True)
class Facets:
    """The values present in the store, for filter menus (bounded lists)."""

    holders: list[str]
    issues: list[str]
    outlets: list[str]


def facets(engine: Engine, *, limit: int = 200) -> Facets:
    with engine.connect() as conn:
        holders = [
            r[0]
            for r in conn.execute(select(S.c.holder).group_by(S.c.holder).order_by(func.count().desc()).limit(limit))
        ]
        issues = [r[0] for r in conn.execute(select(S.c.issue).group_by(S.c.issue).order_by(S.c.issue).limit(limit))]
        outlets = [
            r[0]
            for r in conn.execute(
                select(A.c.outlet)
                .where(A.c.outlet.is_not(None))
                .group_by(A.c.outlet)
                .order_by(func.count().desc())
                .limit(limit)
            )
        ]
    return Facets(holders, issues, outlets)


def dated_first(
    engine: Engine, filters: dict, *, limit: int, offset: int, total: int | None = None, undated: int | None = None
) -> tuple[list, int, int]:
    """One page of ``query_signals`` with the undated signals after the dated ones, not before.

    The store orders by the signal's date, and SQLite puts "no date" first; a tracker
    reads left to right like its chart, so the dated signals come first here. Returns
    (rows, total, undated). An undated signal has neither a ``when`` nor a publication
    date: a date filter already leaves it out. ``total`` and ``undated`` may be given when
    the caller knows them (from a cached track), saving two counts.
    """
    from ..store.signals import count_signals, query_signals

    if total is None:
        total = count_signals(engine, **filters)
    if filters.get("since") is not None or filters.get("until") is not None or not total:
        undated = 0
    elif undated is None:
        undated = total - count_signals(engine, **{**filters, "since": date.min})
    if not undated:
        return query_signals(engine, **filters, limit=limit, offset=offset), total, 0
    head = query_signals(engine, **filters, limit=1)
    if head and head[0].day is not None:  # this dialect already sorts "no date" last
        return query_signals(engine, **filters, limit=limit, offset=offset), total, undated
    dated = total - undated
    rows = []
    if offset < dated:  # dated signals sit after the undated ones in the store's order
        rows += query_signals(engine, **filters, limit=min(limit, dated - offset), offset=undated + offset)
    left = limit - len(rows)
    if left > 0:
        start = max(0, offset - dated)
        rows += query_signals(engine, **filters, limit=min(left, max(0, undated - start)), offset=start)
    return rows, total, undated
