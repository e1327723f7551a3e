"""Clustering in memory: candidate pairs from LSH, pair tests, connected components.

A cluster is a connected component of the graph whose edges are positive pair tests
(``match.compare``). Components do not depend on the order edges are found in, and
each pair test depends only on its two articles, so clustering a corpus in two batches
(``assign_clusters``) gives the clusters of one batch (``cluster_articles``). The
canonical member is the earliest published (undated last, ties by id); every other
member records its relation to the canonical.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..records import Article, ClusterMembership
from .config import ClusterConfig, default_config
from .features import ArticleFeatures, Signer, featurize
from .index import StoryIndex
from .match import compare, relation_to_canonical


class UnionFind:
    """Disjoint sets over string ids (path halving, union by size)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.size: dict[str, int] = {}

    def add(self, x: str) -> None:
        if x not in self.parent:
            self.parent[x] = x
            self.size[x] = 1

    def find(self, x: str) -> str:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for x in self.parent:
            out[self.find(x)].append(x)
        return out


def new_index(cfg: ClusterConfig) -> StoryIndex:
    return StoryIndex(cfg.num_perm, cfg.near_lsh_threshold, cfg.rewrite_lsh_threshold, cfg.digest())


def memberships_of(members: Iterable[ArticleFeatures], cfg: ClusterConfig) -> list[ClusterMembership]:
    """The memberships of one component: canonical first, the others with their relation to it."""
    ordered = sorted(members, key=lambda f: f.sort_key)
    canonical = ordered[0]
    out = [ClusterMembership(canonical.id, canonical.id, "canonical", 1.0)]
    for member in ordered[1:]:
        match = relation_to_canonical(canonical, member, cfg)
        out.append(ClusterMembership(member.id, canonical.id, match.relation, match.similarity))
    return out


@dataclass(frozen=True, slots=True)
class ClusterRun:
    """The result of one in-memory clustering, with the counts a benchmark reports."""

    memberships: list[ClusterMembership]  # in input order
    candidate_pairs: int  # distinct pairs proposed by LSH and compared
    matched_pairs: int  # of those, how many passed a pair test
    relations: dict[tuple[str, str], str]  # (id, id) sorted -> relation of every matched pair


def run_clustering(articles: Sequence[Article], cfg: ClusterConfig | None = None) -> ClusterRun:
    """Cluster ``articles`` from scratch (see the module docstring); ids must be unique."""
    cfg = cfg or default_config()
    seen: set[str] = set()
    for a in articles:
        if a.id in seen:
            raise ValueError(f"article id {a.id!r} occurs twice; ids must be unique to cluster")
        seen.add(a.id)
    signer = Signer(cfg.num_perm)
    index = new_index(cfg)
    feats: dict[str, ArticleFeatures] = {}
    by_hash: dict[str, list[str]] = defaultdict(list)
    ids, near, rewrite = [], [], []
    for a in articles:
        f = featurize(a, cfg)
        if f.eligible:
            n, r = signer.sign(f)
            ids.append(f.id)
            near.append(n)
            rewrite.append(r)
            by_hash[f.content_hash].append(f.id)
        feats[a.id] = f.signed()  # the fact pairs are only needed for the signature
    index.add_many(ids, near, rewrite)
    uf = UnionFind()
    for a in articles:
        uf.add(a.id)
    relations: dict[tuple[str, str], str] = {}
    for group in by_hash.values():  # exact copies need no candidate search
        for other in group[1:]:
            uf.union(group[0], other)
            relations[(min(group[0], other), max(group[0], other))] = "exact"
    candidates = index.all_pairs()
    for aid, bid in sorted(candidates):
        if (aid, bid) in relations:
            continue
        match = compare(feats[aid], feats[bid], cfg)
        if match is not None:
            relations[(aid, bid)] = match.relation
            uf.union(aid, bid)
    compared = len(candidates)
    by_id: dict[str, ClusterMembership] = {}
    for members in uf.groups().values():
        for m in memberships_of((feats[i] for i in members), cfg):
            by_id[m.article_id] = m
    return ClusterRun([by_id[a.id] for a in articles], compared, len(relations), relations)


def cluster_articles(articles: Sequence[Article]) -> list[ClusterMembership]:
    """One membership per article, in input order: which story cluster it belongs to.

    Pure and in memory (``backchannel extract`` and ``eval`` use it on a JSONL file);
    ``cluster_id`` is the canonical member's id. Articles too short to compare
    (``min_words``) are singletons.
    """
    return run_clustering(articles).memberships
