"""Incremental clustering against the store, and the LSH index file beside the database."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import delete

from backchannel.cluster import assign_clusters, cluster_articles
from backchannel.cluster.assign import index_path_for
from backchannel.records import Article
from backchannel.store import open_db
from backchannel.store.articles import add_articles
from backchannel.store.clusters import cluster_of, cluster_signatures, get_cluster, list_clusters
from backchannel.store.schema import articles as A


def _stored(pair_set) -> list[Article]:
    """The pair set minus exact copies (the store refuses a second copy of the same text)."""
    seen, out = set(), []
    for a in pair_set[0]:
        if a.content_hash not in seen:
            seen.add(a.content_hash)
            out.append(a)
    return out


def _memberships(engine, articles):
    return {a.id: cluster_of(engine, a.id) for a in articles}


def test_two_halves_give_the_clusters_of_one_batch(pair_set, db_path) -> None:
    articles = _stored(pair_set)
    expected = {m.article_id: m for m in cluster_articles(articles)}
    shuffled = articles[:]
    random.Random(7).shuffle(shuffled)  # canonicals arrive after their copies, clusters get bridged
    engine = open_db(db_path)
    add_articles(engine, articles)
    first = assign_clusters(engine, [a.id for a in shuffled[: len(shuffled) // 2]])
    assert first.warnings == []
    assert first.assigned == len(shuffled) // 2 and first.joined_existing == 0
    second = assign_clusters(engine)  # None: every unclustered article
    assert second.warnings == []
    assert second.assigned == len(shuffled) - first.assigned
    assert second.joined_existing > 0
    assert _memberships(engine, articles) == expected
    again = assign_clusters(engine)
    assert again.assigned == 0 and again.warnings == []


def test_one_at_a_time_equals_all_at_once(pair_set, tmp_path) -> None:
    articles = [a for a in _stored(pair_set) if a.story in {"geneva-grain", "geneva-grain-independent", "china-envoy"}]
    expected = {m.article_id: m for m in cluster_articles(articles)}
    engine = open_db(tmp_path / "one.db")
    add_articles(engine, articles)
    for a in reversed(articles):  # the canonical comes last: every member is relabelled
        assert assign_clusters(engine, [a.id]).warnings == []
    assert _memberships(engine, articles) == expected
    cluster = get_cluster(engine, "geneva-grain-base")
    stored_story = [a for a in articles if a.story == "geneva-grain"]
    assert cluster is not None and cluster.canonical_id == "geneva-grain-base" and cluster.size == len(stored_story)


def _clustered_db(pair_set, db_path):
    articles = _stored(pair_set)
    engine = open_db(db_path)
    add_articles(engine, articles[:30])
    assign_clusters(engine)
    add_articles(engine, articles[30:])
    return engine, articles


def test_missing_index_is_rebuilt_with_a_warning(pair_set, db_path) -> None:
    engine, articles = _clustered_db(pair_set, db_path)
    path = index_path_for(engine)
    assert path is not None and path.is_file()
    path.unlink()
    report = assign_clusters(engine)
    assert any("missing" in w and "rebuilding" in w for w in report.warnings), report.warnings
    assert _memberships(engine, articles) == {m.article_id: m for m in cluster_articles(articles)}
    assert path.is_file()
    assert assign_clusters(engine).warnings == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # truncated write
        lambda b: b[:-10] + bytes(10),  # flipped bytes
        lambda b: b"not an index at all",
        lambda b: b"",
    ],
    ids=["truncated", "flipped", "foreign", "empty"],
)
def test_corrupt_index_is_rebuilt_with_a_warning(pair_set, db_path, damage) -> None:
    engine, articles = _clustered_db(pair_set, db_path)
    path = index_path_for(engine)
    path.write_bytes(damage(path.read_bytes()))
    report = assign_clusters(engine)
    assert any("rebuilding" in w for w in report.warnings), report.warnings
    assert _memberships(engine, articles) == {m.article_id: m for m in cluster_articles(articles)}


def test_stale_index_is_never_used(pair_set, db_path, tmp_path) -> None:
    """An index saved before the database changed (a copy restored, a crash) is detected."""
    engine, articles = _clustered_db(pair_set, db_path)
    path = index_path_for(engine)
    old = path.read_bytes()
    assign_clusters(engine)
    path.write_bytes(old)  # the index of the first half only
    extra = articles[0].with_(
        id="late-syndicated-copy", text=articles[0].text + "\nRepublished with permission.", content_hash=""
    )
    add_articles(engine, [extra])
    report = assign_clusters(engine, [extra.id])
    assert any("out of date" in w for w in report.warnings), report.warnings
    assert cluster_of(engine, extra.id).cluster_id == cluster_of(engine, articles[0].id).cluster_id


def test_deleted_article_leaves_no_ghost(pair_set, db_path) -> None:
    engine, articles = _clustered_db(pair_set, db_path)
    assign_clusters(engine)
    with engine.begin() as conn:
        conn.execute(delete(A).where(A.c.id == "moldova-transnistria-rewrite"))
    assert cluster_of(engine, "moldova-transnistria-rewrite") is None
    with engine.connect() as conn:
        left = conn.execute(
            cluster_signatures.select().where(cluster_signatures.c.article_id == "moldova-transnistria-rewrite")
        ).all()
    assert left == []
    late = articles[0].with_(id="late", text=articles[0].text + " Republished.", content_hash="")
    add_articles(engine, [late])
    report = assign_clusters(engine, [late.id])  # the index still lists the deleted article
    assert any("rebuilding" in w for w in report.warnings)
    assert cluster_of(engine, "late").relation == "near_copy"


def test_unknown_ids_are_reported(db_path) -> None:
    engine = open_db(db_path)
    report = assign_clusters(engine, ["nope", "also-nope"])
    assert report.assigned == 0
    assert report.warnings == ["2 article ids are not stored, skipped: also-nope, nope"]


def test_database_without_a_file_keeps_its_index_in_memory(pair_set) -> None:
    articles = _stored(pair_set)
    engine = open_db("sqlite:///:memory:")  # one connection per thread: the same database throughout
    assert index_path_for(engine) is None
    add_articles(engine, articles[:25])
    assert assign_clusters(engine).warnings == []
    add_articles(engine, articles[25:])
    assert assign_clusters(engine).warnings == []
    assert _memberships(engine, articles) == {m.article_id: m for m in cluster_articles(articles)}


def test_list_clusters_orders_by_size(pair_set, db_path) -> None:
    engine, _ = _clustered_db(pair_set, db_path)
    assign_clusters(engine)
    big = list_clusters(engine, min_size=2)
    from collections import Counter

    sizes = Counter(a.story for a in _stored(pair_set))
    assert len(big) == 10
    assert sorted(c.size for c in big) == sorted(n for n in sizes.values() if n > 1)
    assert [c.size for c in big] == sorted((c.size for c in big), reverse=True)
    assert big[0].members[0].relation == "canonical"
    assert [m.relation for m in big[0].members[1:]] == sorted(
        (m.relation for m in big[0].members[1:]), key=["exact", "near_copy", "rewrite"].index
    )
    every = {m.cluster_id for m in cluster_articles(_stored(pair_set))}
    assert len(list_clusters(engine, min_size=1)) == len(every)
    assert len(list_clusters(engine, min_size=2, limit=3, offset=8)) == 2


def test_a_concurrent_writer_is_detected_and_the_work_redone(pair_set, db_path, monkeypatch) -> None:
    import backchannel.cluster.assign as assign_module

    articles = _stored(pair_set)
    engine = open_db(db_path)
    add_articles(engine, articles)
    real = assign_module.load_index
    raced: list[bool] = []

    def racing(engine_, cfg, signer, warnings, generation):
        index = real(engine_, cfg, signer, warnings, generation)
        if not raced:  # another process clusters two articles after this one loaded its index
            raced.append(True)
            assign_module.assign_clusters(engine_, ["geneva-grain-base", "geneva-grain-rewrite"])
        return index

    monkeypatch.setattr(assign_module, "load_index", racing)
    report = assign_module.assign_clusters(engine)
    assert any("another process" in w for w in report.warnings), report.warnings
    assert report.assigned == len(articles) - 2
    assert _memberships(engine, articles) == {m.article_id: m for m in cluster_articles(articles)}
