"""Clustering scored on labelled corpora: the dev gold and the bundled sample corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backchannel.cluster import cluster_articles
from backchannel.records import Article

from .conftest import pairwise, record

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "corpus"


def test_dev_gold_story_pairs(shared_gold) -> None:
    articles = [Article.from_json(obj) for obj in shared_gold]
    p, r, f1 = pairwise({a.id: a.story for a in articles}, cluster_articles(articles))
    record("dev gold stories", f"precision {p:.3f} recall {r:.3f} F1 {f1:.3f}")
    assert f1 >= 0.8, f"pairwise P={p:.3f} R={r:.3f} F1={f1:.3f}"


def _sample_articles() -> list[Article]:
    from backchannel.ingest import Problem, read_paths

    manifest = json.loads((SAMPLE / "MANIFEST.json").read_text(encoding="utf-8"))["articles"]
    by_url = {m["url"]: m for m in manifest}
    by_path = {str(SAMPLE / m["path"]): m for m in manifest if "item" not in m}
    out = []
    sources = [SAMPLE / "articles.jsonl", SAMPLE / "html", SAMPLE / "text", SAMPLE / "feeds"]
    for item in read_paths([p for p in sources if p.exists()]):
        if isinstance(item, Problem):
            continue
        entry = (
            by_url.get(item.url)
            or by_path.get(str(Path(item.source_path).resolve()))
            or by_path.get(str(ROOT / item.source_path))
        )
        if entry is None:
            raise AssertionError(f"{item.source_path}: article {item.id} is not in MANIFEST.json")
        out.append(item.with_(story=entry["story"]))
    return out


def test_sample_corpus_story_pairs() -> None:
    assert (SAMPLE / "MANIFEST.json").is_file(), "examples/corpus/MANIFEST.json is part of the project"
    articles = _sample_articles()
    assert len(articles) >= 10
    members = cluster_articles(articles)
    p, r, f1 = pairwise({a.id: a.story for a in articles}, members)
    record("sample corpus stories", f"precision {p:.3f} recall {r:.3f} F1 {f1:.3f} ({len(articles)} articles)")
    assert p >= 0.95 and r >= 0.9, f"pairwise P={p:.3f} R={r:.3f}"


@pytest.mark.slow
def test_official_statements_are_not_merged(shared_dir) -> None:
    """114 long official texts, each its own report: at most the one known twin pair merges."""
    path = shared_dir / "corpus" / "official-statements.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not present")
    articles = [Article.from_json(json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines() if line]
    members = cluster_articles(articles)
    merged = [m for m in members if m.relation != "canonical"]
    record("official statements merged", f"{len(merged)} of {len(articles)}")
    assert len(merged) <= 2, [(m.article_id, m.cluster_id, m.relation) for m in merged]
