"""Cluster test helpers: the labelled pair set, and scores printed in pytest's summary.

Scores measured by the tests (copy and rewrite precision/recall, gold F1) are recorded
in ``SCORES`` and printed at the end of the run, so every run shows them, pass or fail.
"""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import pytest

from backchannel.records import Article, ClusterMembership

PAIRS = Path(__file__).resolve().parents[1] / "data" / "cluster_pairs.jsonl"
SCORES: dict[str, str] = {}


def load_pair_set(path: Path = PAIRS) -> tuple[list[Article], list[tuple[str, str, str]]]:
    """(articles, [(id, id, label)]) from the pair file (see tests/data/build_cluster_pairs.py)."""
    articles, pairs = [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        obj = json.loads(line)
        if "article" in obj:
            articles.append(Article.from_json(obj["article"]))
        elif "pair" in obj:
            a, b = obj["pair"]
            pairs.append((a, b, obj["label"]))
        else:
            raise ValueError(f"{path}:{n}: neither an article nor a pair")
    return articles, pairs


@pytest.fixture(scope="session")
def pair_set() -> tuple[list[Article], list[tuple[str, str, str]]]:
    return load_pair_set()


def pairwise(labels: dict[str, str | None], memberships: list[ClusterMembership]) -> tuple[float, float, float]:
    """Pairwise precision, recall, F1 of same-cluster against same-label (None: a label of its own)."""
    cluster = {m.article_id: m.cluster_id for m in memberships}
    tp = fp = fn = 0
    for a, b in combinations(sorted(cluster), 2):
        gold = labels.get(a) is not None and labels.get(a) == labels.get(b)
        pred = cluster[a] == cluster[b]
        tp += gold and pred
        fp += pred and not gold
        fn += gold and not pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def record(name: str, value: str) -> None:
    SCORES[name] = value


def pytest_terminal_summary(terminalreporter) -> None:
    if SCORES:
        terminalreporter.section("story clustering scores")
        for name, value in SCORES.items():
            terminalreporter.write_line(f"{name}: {value}")
