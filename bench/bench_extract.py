"""Extraction speed on ~800-word articles read back from a SQLite store, against the keyword baseline.

Articles are built by shuffling real paragraphs (``../shared/corpus/official-statements.jsonl``
when present, else the sample corpus in ``examples/corpus``) with a fixed seed and joining
them until each has about 800 words, so the text looks like the news and official texts the
tool reads. They are stored with ``add_articles`` in a temporary SQLite file and read back
with ``iter_articles``: extraction is timed on stored text, as ``backchannel extract --db``
runs it. One process is one core, so articles per second here is per core.

A second row, when ``../shared/gold/dev.jsonl`` is present, scores the extractor and the
baseline on the dev gold with the spec's scorer and prints both F1s as notes.
"""

from __future__ import annotations

import json
import os
import random
import tempfile
import time
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from backchannel.evaluate import load_articles, predict, score
from backchannel.records import Article, Signal, parse_date
from backchannel.signals import ExtractionError, extract, load_lexicon
from backchannel.store import open_db
from backchannel.store.articles import add_articles, iter_articles
from baseline import baseline_extract

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("BACKCHANNEL_SHARED", ROOT.parent / "shared"))
WORDS = 800
SEED = 20251201


def _source_texts() -> tuple[str, list[tuple[str, date | None]]]:
    """(where from, [(text, published)]) of the paragraph source."""
    official = SHARED / "corpus" / "official-statements.jsonl"
    if official.is_file():
        rows = [json.loads(line) for line in official.read_text(encoding="utf-8").splitlines() if line.strip()]
        return str(official), [(r["text"], parse_date(r.get("published"))) for r in rows]
    sample = ROOT / "examples" / "corpus"
    out = []
    for line in (sample / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            out.append((obj["text"], parse_date(obj.get("published"))))
    for path in sorted((sample / "text").glob("*")):
        if path.suffix in (".txt", ".md"):
            out.append((path.read_text(encoding="utf-8"), None))
    return str(sample), out


def build_articles(n: int, words: int = WORDS) -> tuple[str, list[Article]]:
    """``n`` articles of about ``words`` words from shuffled paragraphs (seeded, so runs compare)."""
    where, sources = _source_texts()
    paragraphs = [
        (p.strip(), published)
        for text, published in sources
        for p in text.split("\n")
        if len(p.split()) >= 8  # headings and bylines are not prose
    ]
    if not paragraphs:
        raise RuntimeError(f"{where}: no paragraphs to build benchmark articles from")
    rng = random.Random(SEED)
    articles = []
    for i in range(n):
        chosen: list[str] = []
        count = 0
        published = None
        while count < words:
            para, when = rng.choice(paragraphs)
            published = published or when
            chosen.append(para)
            count += len(para.split())
        articles.append(Article(id=f"bench-{i:04d}", text="\n\n".join(chosen), published=published))
    return where, articles


def _time(fn: Callable[[Article], Iterable[Signal]], articles: list[Article]) -> tuple[float, int]:
    start = time.perf_counter()
    signals = 0
    for article in articles:
        signals += len(list(fn(article)))
    return time.perf_counter() - start, signals


def _speed_row(quick: bool) -> dict:
    n = 60 if quick else 300
    where, built = build_articles(n)
    lex = load_lexicon()
    with tempfile.TemporaryDirectory(prefix="bench-extract-") as tmp:
        engine = open_db(Path(tmp) / "bench.db")
        add_articles(engine, built)
        stored = [a for batch in _batches(iter_articles(engine)) for a in batch]
        engine.dispose()
    words = sum(len(a.text.split()) for a in stored)
    # Warm up both (lazy regex compilation, caches) so the timings measure steady state.
    for article in stored[:5]:
        extract(article, lexicon=lex)
        baseline_extract(article, lexicon=lex)
    rounds = 1 if quick else 3
    rule_s = min(_time(lambda a: extract(a, lexicon=lex), stored)[0] for _ in range(rounds))
    base_s = min(_time(lambda a: baseline_extract(a, lexicon=lex), stored)[0] for _ in range(rounds))
    _, rule_signals = _time(lambda a: extract(a, lexicon=lex), stored[:50])
    rule_ps, base_ps = len(stored) / rule_s, len(stored) / base_s
    return {
        "name": f"extract, ~{WORDS}-word stored articles",
        "items": len(stored),
        "seconds": rule_s,
        "per_second": rule_ps,
        "baseline": "keyword baseline",
        "baseline_per_second": base_ps,
        "ratio": rule_ps / base_ps,
        "notes": [
            f"{len(stored)} articles, {words / len(stored):.0f} words each on average, paragraphs from {where}",
            f"one process = one core; best of {rounds} round(s); bar: >= 150 articles/s per core",
            f"{rule_signals / 50:.1f} signals per article (first 50)",
        ],
    }


def _batches(items: Iterable) -> Iterable[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= 100:
            yield batch
            batch = []
    if batch:
        yield batch


def _quality_row() -> dict | None:
    gold_path = SHARED / "gold" / "dev.jsonl"
    if not gold_path.is_file():
        return None
    gold = load_articles(gold_path)
    lex = load_lexicon()
    start = time.perf_counter()
    rule_pred, _ = predict(gold, lambda a: extract(a, lexicon=lex), rejects=(ExtractionError,))
    rule_s = time.perf_counter() - start
    start = time.perf_counter()
    base_pred, _ = predict(gold, lambda a: baseline_extract(a, lexicon=lex))
    base_s = time.perf_counter() - start
    rules, base = score(gold, rule_pred), score(gold, base_pred)

    def line(label: str, s) -> str:
        d = s.detection
        stance = s.attributes["stance"].value
        return (
            f"{label}: detection F1 {d.f1:.3f} (P {d.precision:.3f} R {d.recall:.3f}; tp {d.tp} fp {d.fp} fn {d.fn}), "
            f"stance accuracy {stance if stance is None else round(stance, 3)}"
        )

    return {
        "name": "quality on dev gold",
        "items": len(gold),
        "seconds": rule_s,
        "per_second": len(gold) / rule_s,
        "baseline": "keyword baseline",
        "baseline_per_second": len(gold) / base_s,
        "ratio": (len(gold) / rule_s) / (len(gold) / base_s),
        "notes": [
            line("extractor", rules),
            line("baseline ", base),
            f"F1 gain over the baseline: {rules.detection.f1 - base.detection.f1:+.3f} ({gold_path})",
        ],
    }


def run(quick: bool) -> list[dict]:
    rows = [_speed_row(quick)]
    quality = _quality_row()
    if quality is not None:
        rows.append(quality)
    return rows
