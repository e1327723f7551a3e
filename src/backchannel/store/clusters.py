"""Story clusters in the store: memberships, signatures for the LSH index, and counting.

Migration 2 adds ``cluster_signatures`` (each article's two MinHash signatures, so the
LSH index can always be rebuilt from the database) and ``cluster_state`` (the index
generation: a token changed on every clustering write, which the index file beside
the database must match). Memberships live in ``cluster_members`` (migration 1).

``support`` is what keeps counts honest: how many stored articles carry a signal, and
from how many independent story clusters.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Engine,
    ForeignKey,
    LargeBinary,
    String,
    Table,
    Text,
    delete,
    func,
    select,
)

from ..records import ClusterMembership, StoryCluster, parse_date
from .copies import cluster_sightings_counts, sighting_counts, sightings_of
from .schema import articles as A
from .schema import cluster_members as CM
from .schema import metadata, migration
from .schema import signals as S

cluster_signatures = Table(
    "cluster_signatures",
    metadata,
    Column("article_id", String(300), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("eligible", Boolean, nullable=False),  # long enough to join a cluster
    Column("near_sig", LargeBinary, nullable=False),  # MinHash of word shingles
    Column("rewrite_sig", LargeBinary, nullable=False),  # MinHash of content words
    Column("settings", String(60), nullable=False),  # ClusterConfig.digest() it was computed with
)

cluster_state = Table(
    "cluster_state",
    metadata,
    Column("key", String(60), primary_key=True),
    Column("value", Text, nullable=False),
)

GENERATION = "index_generation"


@migration(2, "cluster signatures and index state")
def _create_cluster_tables(conn: Connection) -> None:
    for table in (cluster_signatures, cluster_state):
        table.create(conn, checkfirst=True)


# --- memberships -----------------------------------------------------------------------


def _membership(m) -> ClusterMembership:
    return ClusterMembership(m.article_id, m.cluster_id, m.relation, m.similarity)


def replace_memberships(conn: Connection, remove_ids: Iterable[str], rows: Sequence[ClusterMembership]) -> None:
    """Drop the memberships of ``remove_ids`` and write ``rows`` (inside the caller's transaction)."""
    ids = sorted(set(remove_ids) | {m.article_id for m in rows})
    for i in range(0, len(ids), 500):
        conn.execute(delete(CM).where(CM.c.article_id.in_(ids[i : i + 500])))
    if rows:
        conn.execute(
            CM.insert(),
            [
                {
                    "article_id": m.article_id,
                    "cluster_id": m.cluster_id,
                    "relation": m.relation,
                    "similarity": m.similarity,
                }
                for m in rows
            ],
        )


def members_of_clusters(conn: Connection, cluster_ids: Iterable[str]) -> list[ClusterMembership]:
    ids = sorted(set(cluster_ids))
    out = []
    for i in range(0, len(ids), 500):
        out.extend(_membership(r) for r in conn.execute(select(CM).where(CM.c.cluster_id.in_(ids[i : i + 500]))))
    return out


def clusters_of(conn: Connection, article_ids: Iterable[str]) -> dict[str, str]:
    """article id -> cluster id, for those of ``article_ids`` already clustered."""
    ids = sorted(set(article_ids))
    out: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        q = select(CM.c.article_id, CM.c.cluster_id).where(CM.c.article_id.in_(ids[i : i + 500]))
        out.update((r.article_id, r.cluster_id) for r in conn.execute(q))
    return out


def published_dates(conn: Connection, article_ids: Iterable[str]) -> dict[str, date | None]:
    """article id -> publication date, for the stored ones of ``article_ids``."""
    ids = sorted(set(article_ids))
    out: dict[str, date | None] = {}
    for i in range(0, len(ids), 500):
        for r in conn.execute(select(A.c.id, A.c.published).where(A.c.id.in_(ids[i : i + 500]))):
            out[r.id] = parse_date(r.published)
    return out


def unclustered_ids(engine: Engine) -> list[str]:
    q = select(A.c.id).outerjoin(CM, CM.c.article_id == A.c.id).where(CM.c.article_id.is_(None)).order_by(A.c.id)
    with engine.connect() as conn:
        return [r.id for r in conn.execute(q)]


def cluster_of(engine: Engine, article_id: str) -> ClusterMembership | None:
    """The membership of one article, or None when it is not stored or not clustered yet."""
    with engine.connect() as conn:
        row = conn.execute(select(CM).where(CM.c.article_id == article_id)).first()
    return _membership(row) if row else None


_RANK = {"canonical": 0, "exact": 1, "near_copy": 2, "rewrite": 3}


def _order(m: ClusterMembership) -> tuple[int, float, str]:
    """Canonical, then exact copies, near copies, rewrites; most similar first within each."""
    return (_RANK.get(m.relation, 4), -m.similarity, m.article_id)


def _sightings(conn: Connection, members: Sequence[ClusterMembership]) -> tuple:
    """The exact copies seen elsewhere of ``members``, in the members' order."""
    found = sightings_of(conn, [m.article_id for m in members])
    return tuple(c for m in members for c in found.get(m.article_id, ()))


def get_cluster(engine: Engine, cluster_id: str) -> StoryCluster | None:
    """One cluster: the canonical member first, then copies and rewrites (see ``_order``).

    ``sightings`` are the exact copies of its members seen at other addresses (``store.copies``).
    """
    with engine.connect() as conn:
        members = members_of_clusters(conn, [cluster_id])
        if not members:
            return None
        members.sort(key=_order)
        sightings = _sightings(conn, members)
    return StoryCluster(cluster_id, members[0].article_id, tuple(members), sightings)


def cluster_sizes():
    """(cluster_id, size) per cluster: its stored members plus their sightings."""
    copies = cluster_sightings_counts()
    stored = select(CM.c.cluster_id, func.count().label("n")).group_by(CM.c.cluster_id).subquery()
    size = (stored.c.n + func.coalesce(copies.c.copies, 0)).label("size")
    return select(stored.c.cluster_id, size).outerjoin(copies, copies.c.cluster_id == stored.c.cluster_id).subquery()


def list_clusters(engine: Engine, min_size: int = 1, limit: int | None = None, offset: int = 0) -> list[StoryCluster]:
    """Clusters with at least ``min_size`` articles (sightings included), largest first (then by cluster id)."""
    sizes = cluster_sizes()
    q = select(sizes.c.cluster_id).where(sizes.c.size >= min_size)
    q = q.order_by(sizes.c.size.desc(), sizes.c.cluster_id).offset(offset)
    if limit is not None:
        q = q.limit(limit)
    with engine.connect() as conn:
        ids = [r.cluster_id for r in conn.execute(q)]
        grouped: dict[str, list[ClusterMembership]] = defaultdict(list)
        for m in members_of_clusters(conn, ids):
            grouped[m.cluster_id].append(m)
        found = sightings_of(conn, [m.article_id for ms in grouped.values() for m in ms])
    out = []
    for cid in ids:
        members = sorted(grouped[cid], key=_order)
        sightings = tuple(c for m in members for c in found.get(m.article_id, ()))
        out.append(StoryCluster(cid, members[0].article_id, tuple(members), sightings))
    return out


def count_clusters(engine: Engine, min_size: int = 1) -> int:
    """Clusters with at least ``min_size`` articles (sightings included)."""
    sizes = cluster_sizes()
    inner = select(sizes.c.cluster_id).where(sizes.c.size >= min_size).subquery()
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(inner)).scalar_one()


# --- signatures and index state ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SignatureRow:
    article_id: str
    eligible: bool
    near_sig: bytes
    rewrite_sig: bytes
    settings: str


def write_signatures(conn: Connection, rows: Sequence[SignatureRow]) -> None:
    ids = [r.article_id for r in rows]
    for i in range(0, len(ids), 500):
        conn.execute(delete(cluster_signatures).where(cluster_signatures.c.article_id.in_(ids[i : i + 500])))
    if rows:
        conn.execute(
            cluster_signatures.insert(),
            [
                {
                    "article_id": r.article_id,
                    "eligible": r.eligible,
                    "near_sig": r.near_sig,
                    "rewrite_sig": r.rewrite_sig,
                    "settings": r.settings,
                }
                for r in rows
            ],
        )


def iter_signatures(engine: Engine, batch_size: int = 2000) -> Iterator[SignatureRow]:
    """Every stored eligible signature, in article id order."""
    T = cluster_signatures
    q = select(T).where(T.c.eligible.is_(True)).order_by(T.c.article_id)
    with engine.connect() as conn:
        for r in conn.execution_options(yield_per=batch_size).execute(q):
            yield SignatureRow(r.article_id, bool(r.eligible), bytes(r.near_sig), bytes(r.rewrite_sig), r.settings)


def count_signatures(engine: Engine) -> int:
    T = cluster_signatures
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(T).where(T.c.eligible.is_(True))).scalar_one()


def read_generation(conn: Connection) -> str:
    """The current index generation ('' before the first clustering), inside the caller's transaction."""
    value = conn.execute(select(cluster_state.c.value).where(cluster_state.c.key == GENERATION)).scalar()
    return value or ""


def get_generation(engine: Engine) -> str:
    with engine.connect() as conn:
        return read_generation(conn)


def bump_generation(conn: Connection) -> str:
    """A fresh generation token, written in the caller's transaction (so it commits with the data)."""
    token = uuid.uuid4().hex
    conn.execute(delete(cluster_state).where(cluster_state.c.key == GENERATION))
    conn.execute(cluster_state.insert().values(key=GENERATION, value=token))
    return token


# --- counting ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Support:
    """How many articles carry a signal, and from how many independent story clusters.

    ``articles`` counts the stored articles and their exact copies seen elsewhere
    (``store.copies``); a copy is in its article's cluster, so it adds no report.
    """

    articles: int
    independent_reports: int


def support(engine: Engine, signal_ids: Sequence[int]) -> dict[int, Support]:
    """For each stored signal id, the articles that carry the same signal and their clusters.

    The same signal means the same holder, issue and stance, with a sentence that is the
    same once normalised, or whose content words overlap (weighted Dice) at least
    ``support_similarity`` of ``cluster.yaml``: a copy keeps the sentence, a rewrite
    words it anew but keeps its names and facts. An article not clustered yet counts as its own report.
    Each exact copy of a carrying article seen at another address counts as one more article.
    Unknown ids are left out of the result.
    """
    from ..cluster.config import default_config

    cfg = default_config()
    wanted = sorted(set(signal_ids))
    targets = {}
    with engine.connect() as conn:
        for i in range(0, len(wanted), 500):
            q = select(S.c.id, S.c.holder, S.c.issue, S.c.stance).where(S.c.id.in_(wanted[i : i + 500]))
            targets.update((r.id, (r.holder, r.issue, r.stance)) for r in conn.execute(q))
        groups: dict[tuple[str, str, str], list] = defaultdict(list)
        keys = sorted(set(targets.values()))
        for holder, issue, stance in keys:
            q = (
                select(S.c.id, S.c.article_id, S.c.sentence, CM.c.cluster_id)
                .outerjoin(CM, CM.c.article_id == S.c.article_id)
                .where(S.c.holder == holder, S.c.issue == issue, S.c.stance == stance)
            )
            groups[(holder, issue, stance)] = list(conn.execute(q))
        copies = sighting_counts(conn, {r.article_id for rows in groups.values() for r in rows})
    out: dict[int, Support] = {}
    for key, rows in groups.items():
        out.update(_group_support(rows, [s for s, k in targets.items() if k == key], cfg, copies))
    return out


def _group_support(rows: list, wanted: list[int], cfg, copies: dict[str, int] | None = None) -> dict[int, Support]:
    """Support within one (holder, issue, stance) group: for each wanted signal, the rows alike.

    Shared weights come from per-key posting arrays summed with ``numpy.bincount``, so a
    group of thousands of signals costs milliseconds per wanted signal, not seconds.
    """
    import numpy as np

    from ..cluster.features import fold, sentence_features

    n = len(rows)
    pos = {r.id: i for i, r in enumerate(rows)}
    norm_rows: dict[str, list[int]] = defaultdict(list)
    norms = []
    for i, r in enumerate(rows):
        norm = " ".join(fold(r.sentence).casefold().split())
        norms.append(norm)
        norm_rows[norm].append(i)
    feats = [sentence_features(r.sentence, cfg) for r in rows]
    totals = np.array([sum(f.values()) for f in feats], dtype=float)
    post_rows: dict[str, list[int]] = defaultdict(list)
    post_weights: dict[str, list[float]] = defaultdict(list)
    for i, f in enumerate(feats):
        for k, w in f.items():
            post_rows[k].append(i)
            post_weights[k].append(w)
    postings = {k: (np.array(post_rows[k]), np.array(post_weights[k])) for k in post_rows}
    article_ids, articles = np.unique([r.article_id for r in rows], return_inverse=True)
    copies = copies or {}
    weight = np.array([1 + copies.get(str(a), 0) for a in article_ids], dtype=np.int64)  # itself and its copies
    reports = np.unique([r.cluster_id or f"\0{r.article_id}" for r in rows], return_inverse=True)[1]
    out: dict[int, Support] = {}
    for sid in wanted:
        i = pos[sid]
        match = np.zeros(n, dtype=bool)
        if feats[i]:
            idx = np.concatenate([postings[k][0] for k in feats[i]])
            wts = np.concatenate([np.minimum(postings[k][1], w) for k, w in feats[i].items()])
            shared = np.bincount(idx, weights=wts, minlength=n)
            denom = totals[i] + totals
            match = (denom > 0) & (2 * shared >= cfg.support_similarity * denom)
        match[i] = True
        match[norm_rows[norms[i]]] = True
        members = np.flatnonzero(match)
        out[sid] = Support(
            articles=int(weight[np.unique(articles[members])].sum()),
            independent_reports=int(np.unique(reports[members]).size),
        )
    return out
