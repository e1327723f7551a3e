"""Incremental clustering against the store: new articles join the stored clusters.

Only the new articles are featurized and signed; the LSH index proposes stored
candidates, which are read back and compared; clusters touched by a new edge are merged
and their relations recomputed if their canonical changed. Untouched clusters are left
alone, so adding a day's articles to a large corpus costs a day's work.

The index lives in a file beside the database (``<db>.lsh``), or in memory for a
database that is not a local file. It is checked against the database on every load
(``index.StoryIndex.load``) and rebuilt from ``cluster_signatures`` when it does not
match, with a warning saying why.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from ..records import ClusterMembership
from ..store import clusters as store
from ..store.articles import iter_articles
from .config import ClusterConfig, default_config
from .core import UnionFind, memberships_of, new_index
from .features import ArticleFeatures, Signer, canonical_order, featurize, to_bytes
from .index import IndexProblem, StoryIndex
from .match import compare, relation_to_canonical


@dataclass
class AssignReport:
    """What one ``assign_clusters`` call did; ``warnings`` are for the user (index rebuilt, ids unknown)."""

    assigned: int = 0  # articles given a cluster by this call
    joined_existing: int = 0  # of those, how many joined a cluster that had stored members
    new_clusters: int = 0  # clusters made only of new articles (singletons included)
    merged_clusters: int = 0  # stored clusters merged into another because a new article bridged them
    candidate_pairs: int = 0  # pairs proposed by LSH and compared
    warnings: list[str] = field(default_factory=list)


def index_path_for(engine: Engine) -> Path | None:
    """``<db file>.lsh`` for a SQLite file; None (index kept in memory) otherwise."""
    if engine.dialect.name != "sqlite":
        return None
    db = engine.url.database
    if not db or db == ":memory:":
        return None
    return Path(db).with_name(Path(db).name + ".lsh")


# Indexes of databases without a file, kept for the life of the process.
_MEMORY_INDEXES: dict[str, tuple[str, StoryIndex]] = {}


def load_index(engine: Engine, cfg: ClusterConfig, signer: Signer, warnings: list[str], generation: str) -> StoryIndex:
    """The index matching the database at ``generation``: the saved one when it checks out, else rebuilt."""
    count = store.count_signatures(engine)
    path = index_path_for(engine)
    if path is None:
        cached = _MEMORY_INDEXES.get(str(engine.url))
        if cached and cached[0] == generation and len(cached[1]) == count:
            return cached[1]
        return rebuild_index(engine, cfg, signer, warnings)
    if count == 0 and not path.exists():
        return new_index(cfg)
    try:
        return StoryIndex.load(path, settings=cfg.digest(), generation=generation, count=count, template=new_index(cfg))
    except IndexProblem as problem:
        warnings.append(f"{problem}; rebuilding it from the {count} signatures in the database")
    return rebuild_index(engine, cfg, signer, warnings)


def rebuild_index(engine: Engine, cfg: ClusterConfig, signer: Signer, warnings: list[str]) -> StoryIndex:
    """A fresh index from ``cluster_signatures``; signatures made with other settings are recomputed."""
    index = new_index(cfg)
    stale: list[str] = []
    ids, near, rewrite = [], [], []
    for row in store.iter_signatures(engine):
        if row.settings != cfg.digest():
            stale.append(row.article_id)
            continue
        try:
            n, r = signer.from_bytes(row.near_sig), signer.from_bytes(row.rewrite_sig)
        except ValueError:
            stale.append(row.article_id)
            continue
        ids.append(row.article_id)
        near.append(n)
        rewrite.append(r)
    index.add_many(ids, near, rewrite)
    if stale:
        warnings.append(f"{len(stale)} stored signatures were made with other settings or damaged; recomputed them")
        rows = []
        for article in iter_articles(engine, stale):
            f = featurize(article, cfg)
            n, r = signer.sign(f)
            rows.append(store.SignatureRow(f.id, f.eligible, to_bytes(n), to_bytes(r), cfg.digest()))
            if f.eligible:
                index.add(f.id, n, r)
        with engine.begin() as conn:
            store.write_signatures(conn, rows)
    return index


def _features(
    engine: Engine, ids: Iterable[str], cfg: ClusterConfig, cache: dict[str, ArticleFeatures], *, to_sign: bool = False
) -> None:
    """Featurize the stored articles of ``ids`` not in ``cache`` (keeping fact pairs only ``to_sign``)."""
    missing = sorted(set(ids) - cache.keys())
    for i in range(0, len(missing), 500):
        for article in iter_articles(engine, missing[i : i + 500]):
            f = featurize(article, cfg)
            cache[article.id] = f if to_sign else f.signed()


def assign_clusters(
    engine: Engine, article_ids: list[str] | None = None, *, config: ClusterConfig | None = None
) -> AssignReport:
    """Give each of ``article_ids`` (None: every unclustered stored article) its story cluster.

    Articles already clustered are left as they are; ids not stored are reported in
    ``warnings``. The result is the same as clustering the whole corpus at once.
    """
    cfg = config or default_config()
    signer = Signer(cfg.num_perm)
    report = AssignReport()
    if article_ids is None:
        wanted = store.unclustered_ids(engine)
    else:
        with engine.connect() as conn:
            done = store.clusters_of(conn, article_ids)
        wanted = sorted(set(article_ids) - done.keys())
    feats: dict[str, ArticleFeatures] = {}
    _features(engine, wanted, cfg, feats, to_sign=True)
    unknown = [i for i in wanted if i not in feats]
    if unknown:
        shown = ", ".join(unknown[:5]) + (" ..." if len(unknown) > 5 else "")
        report.warnings.append(f"{len(unknown)} article ids are not stored, skipped: {shown}")
    new_ids = [i for i in wanted if i in feats]
    if not new_ids:
        return report
    for _attempt in range(3):
        attempt = AssignReport(warnings=list(report.warnings))
        try:
            return _assign(engine, cfg, signer, new_ids, dict(feats), attempt)
        except _Concurrent:
            report.warnings = attempt.warnings + [
                "another process clustered articles meanwhile; redone against its result"
            ]
            with engine.connect() as conn:
                done = store.clusters_of(conn, new_ids)
            new_ids = [i for i in new_ids if i not in done]
            if not new_ids:
                return report
    raise RuntimeError("story clustering kept racing with another process; try again when it has finished")


class _Concurrent(Exception):
    """The index generation changed between loading the index and writing: start again."""


def _assign(
    engine: Engine,
    cfg: ClusterConfig,
    signer: Signer,
    new_ids: list[str],
    feats: dict[str, ArticleFeatures],
    report: AssignReport,
) -> AssignReport:
    """One attempt of ``assign_clusters`` for articles not clustered yet (``feats`` holds theirs)."""
    loaded = store.get_generation(engine)
    index = load_index(engine, cfg, signer, report.warnings, loaded)
    sig_rows, sigs = [], {}
    for aid in new_ids:
        f = feats[aid]
        near, rew = signer.sign(f)
        feats[aid] = f.signed()
        sig_rows.append(store.SignatureRow(aid, f.eligible, to_bytes(near), to_bytes(rew), cfg.digest()))
        if f.eligible:
            sigs[aid] = (near, rew)
    index.add_many(list(sigs), [n for n, _ in sigs.values()], [r for _, r in sigs.values()])
    # Candidates of every new article, among stored and new ones alike.
    new_set = set(new_ids)
    candidates: dict[str, set[str]] = {aid: index.candidates(*sig) - {aid} for aid, sig in sigs.items()}
    _features(engine, {c for cs in candidates.values() for c in cs}, cfg, feats)
    edges: list[tuple[str, str]] = []
    for aid, cands in candidates.items():
        for bid in sorted(cands):
            if bid in new_set and bid <= aid:  # a pair of two new articles is tested once
                continue
            if bid not in feats:  # a candidate deleted from the store since it was indexed
                continue
            report.candidate_pairs += 1
            if compare(feats[aid], feats[bid], cfg) is not None:
                edges.append((aid, bid))
    with engine.begin() as conn:
        if store.read_generation(conn) != loaded:
            raise _Concurrent
        old_cluster = store.clusters_of(conn, {b for _, b in edges if b not in new_set})
        stored = store.members_of_clusters(conn, set(old_cluster.values()))
        uf = UnionFind()
        for aid in new_ids:
            uf.add(aid)
        for m in stored:  # each stored cluster stays one component
            uf.add(m.article_id)
            uf.add("\0" + m.cluster_id)
            uf.union("\0" + m.cluster_id, m.article_id)
        for a, b in edges:
            uf.add(b)
            uf.union(a, b)
        previous = {m.article_id: m for m in stored}
        published = store.published_dates(conn, previous)
        rows: list[ClusterMembership] = []
        for members in uf.groups().values():
            ids = [i for i in members if not i.startswith("\0") and (i in feats or i in previous)]
            if not any(i in new_set for i in ids):
                continue
            old_clusters = {previous[i].cluster_id for i in ids if i in previous}
            report.merged_clusters += max(0, len(old_clusters) - 1)
            n_new = sum(1 for i in ids if i in new_set)
            report.assigned += n_new
            if not old_clusters:
                report.new_clusters += 1
                rows.extend(memberships_of([feats[i] for i in ids], cfg))
                continue
            report.joined_existing += n_new

            def order(i: str) -> tuple[int, str, str]:
                return feats[i].sort_key if i in feats else canonical_order(i, published.get(i))

            canonical = min(ids, key=order)
            if len(old_clusters) == 1 and canonical in previous and previous[canonical].relation == "canonical":
                # The stored cluster keeps its canonical: only the new members need a relation.
                _features(engine, [canonical], cfg, feats)
                for i in ids:
                    if i in new_set:
                        match = relation_to_canonical(feats[canonical], feats[i], cfg)
                        rows.append(ClusterMembership(i, canonical, match.relation, match.similarity))
                continue
            # A new canonical or merged clusters: every member relates to the new canonical.
            _features(engine, ids, cfg, feats)
            rows.extend(m for m in memberships_of([feats[i] for i in ids], cfg) if previous.get(m.article_id) != m)
        store.write_signatures(conn, sig_rows)
        store.replace_memberships(conn, [], rows)
        generation = store.bump_generation(conn)
    path = index_path_for(engine)
    if path is None:
        _MEMORY_INDEXES[str(engine.url)] = (generation, index)
    else:
        try:
            index.save(path, generation)
        except OSError as exc:
            report.warnings.append(f"could not save the index file {path} ({exc}); it will be rebuilt next time")
    return report
