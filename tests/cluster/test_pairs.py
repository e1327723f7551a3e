"""The labelled pair set: copies and rewrites must cluster, independent reports must not."""

from __future__ import annotations

from collections import Counter

from backchannel.cluster import cluster_articles, run_clustering

from .conftest import record


def _counts(pair_set):
    articles, pairs = pair_set
    members = {m.article_id: m for m in cluster_articles(articles)}
    counts: Counter[tuple[str, bool]] = Counter()
    wrong = []
    for a, b, label in pairs:
        same = members[a].cluster_id == members[b].cluster_id
        counts[(label, same)] += 1
        if same != (label != "distinct"):
            wrong.append((a, b, label))
    return members, counts, wrong


def test_pair_set_covers_every_kind(pair_set) -> None:
    _, pairs = pair_set
    labels = Counter(label for _, _, label in pairs)
    assert labels["copy"] >= 50 and labels["rewrite"] >= 30 and labels["distinct"] >= 1000
    hard = [p for p in pairs if p[2] == "distinct" and p[0].rsplit("-", 1)[0] == p[1].rsplit("-", 1)[0]]
    assert len(hard) >= 50, "needs independent reports of the same events"


def test_copies_precision_and_recall(pair_set) -> None:
    _, counts, wrong = _counts(pair_set)
    # Copy precision: of the predicted-same pairs outside rewrites, how many are copies.
    tp = counts[("copy", True)]
    fp = counts[("distinct", True)]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + counts[("copy", False)])
    record(
        "copies (tests/data)", f"precision {precision:.3f} recall {recall:.3f} ({tp} of {tp + counts[('copy', False)]})"
    )
    assert precision >= 0.95 and recall >= 0.95, f"copy P={precision:.3f} R={recall:.3f}; wrong pairs: {wrong[:10]}"


def test_rewrites_precision_and_recall(pair_set) -> None:
    articles, pairs = pair_set
    members, counts, wrong = _counts(pair_set)
    recall = counts[("rewrite", True)] / (counts[("rewrite", True)] + counts[("rewrite", False)])
    # Rewrite precision: of the articles the clusterer calls a rewrite of their canonical,
    # how many are really rewrites of it (same story, hand-written rewrite).
    story = {a.id: a.story for a in articles}
    called = [m for m in members.values() if m.relation == "rewrite"]
    right = [m for m in called if story[m.article_id] == story[m.cluster_id]]
    precision = len(right) / len(called) if called else 1.0
    record("rewrites (tests/data)", f"precision {precision:.3f} recall {recall:.3f}")
    assert recall >= 0.9 and precision >= 0.9, f"rewrite P={precision:.3f} R={recall:.3f}; wrong pairs: {wrong[:10]}"


def test_independent_reports_stay_apart(pair_set) -> None:
    _, counts, wrong = _counts(pair_set)
    merged = [w for w in wrong if w[2] == "distinct"]
    assert not merged, f"independent reports merged: {merged}"


def test_relations_name_how_each_member_copies_the_canonical(pair_set) -> None:
    articles, _ = pair_set
    members = {m.article_id: m for m in cluster_articles(articles)}
    base = members["geneva-grain-base"]
    assert base.relation == "canonical" and base.cluster_id == "geneva-grain-base" and base.similarity == 1.0
    assert members["geneva-grain-exact"].relation == "exact"
    assert members["geneva-grain-syndicated"].relation == "near_copy"
    assert members["geneva-grain-truncated"].relation == "near_copy"
    assert members["geneva-grain-edited"].relation == "near_copy"
    assert members["geneva-grain-rewrite"].relation == "rewrite"
    assert 0.0 < members["geneva-grain-edited"].similarity < 1.0
    assert members["geneva-grain-independent"].cluster_id == "geneva-grain-independent"


def test_canonical_is_earliest_then_lowest_id(pair_set) -> None:
    articles, _ = pair_set
    story = [a for a in articles if a.story == "kellogg-berlin"]
    # Make the rewrite the earliest: it becomes canonical, and the base relates to it.
    earliest = story[-1].with_(published=story[0].published.replace(day=1))
    members = {m.article_id: m for m in cluster_articles([*story[:-1], earliest])}
    assert {m.cluster_id for m in members.values()} == {earliest.id}
    assert members[earliest.id].relation == "canonical"
    assert members["kellogg-berlin-base"].relation == "rewrite"
    # Same day: ties go to the lower id.
    same_day = [a.with_(published=story[0].published) for a in story]
    assert {m.cluster_id for m in cluster_articles(same_day)} == {min(a.id for a in same_day)}


def test_candidate_pairs_are_a_fraction_of_all_pairs(pair_set) -> None:
    articles, _ = pair_set
    run = run_clustering(articles)
    n = len(articles)
    assert run.candidate_pairs < n * (n - 1) / 2 * 0.15
    # 10 stories of 6 articles (one an exact copy): at least 5 edges each to connect them.
    assert run.matched_pairs >= 50
