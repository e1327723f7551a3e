"""Ingest the bundled sample corpus and compare each stored text with its gold body.

``tests/data/sample_gold.jsonl`` holds, for every article of ``examples/corpus``, the
clean body a reader should store (paragraphs joined by blank lines, no title, no page
debris). This helper reads the corpus with the real readers (no database: the store
would fold the exact copies of one story into one row), pairs each article with its
gold row through ``MANIFEST.json`` (the file path, and for feeds and JSONL files the
item's URL) and says how far apart the two are, paragraph by paragraph.
``compare_articles`` does the same for articles from anywhere (e.g. read back from a
store).

Run it as a script to see the diffs: ``.venv/bin/python tests/_clean_fidelity.py``.
"""

from __future__ import annotations

import difflib
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from backchannel.ingest import ReadOptions, read_paths
from backchannel.records import Article

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
GOLD = Path(__file__).resolve().parent / "data" / "sample_gold.jsonl"


@dataclass(frozen=True, slots=True)
class Comparison:
    """One article: the gold body, the text ingest stored, and their line-level similarity."""

    article_id: str
    path: str
    gold: str
    got: str | None  # None: ingest yielded no article for this manifest entry
    article: Article | None = None  # the article read, for its metadata
    row: dict | None = None  # the gold row (title, published, url, outlet)

    @property
    def identical(self) -> bool:
        return self.got == self.gold

    @property
    def similarity(self) -> float:
        """difflib ratio over paragraphs (1.0 identical, 0.0 nothing shared or nothing stored)."""
        if self.got is None:
            return 0.0
        return difflib.SequenceMatcher(None, _paragraphs(self.gold), _paragraphs(self.got), autojunk=False).ratio()

    def diff(self) -> str:
        """A unified diff of the paragraphs, gold first."""
        got = _paragraphs(self.got or "")
        lines = difflib.unified_diff(_paragraphs(self.gold), got, "gold", "ingested", n=0, lineterm="")
        return "\n".join(line[:160] for line in lines)


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def load_gold(gold_file: Path = GOLD) -> dict[str, dict]:
    """The gold rows by article id."""
    rows = (json.loads(line) for line in gold_file.read_text(encoding="utf-8").splitlines() if line.strip())
    return {row["id"]: row for row in rows}


def compare_articles(articles: Iterable[Article], corpus: Path = CORPUS, gold_file: Path = GOLD) -> list[Comparison]:
    """Each manifest entry against the article read from its file (and, in a feed or JSONL file, with its URL).

    An entry no article matches, or more than one does, gets ``got=None``.
    """
    manifest = json.loads((corpus / "MANIFEST.json").read_text(encoding="utf-8"))["articles"]
    gold = load_gold(gold_file)
    by_path: dict[str, list[Article]] = {}
    for article in articles:
        rel = Path(article.source_path or "").resolve().relative_to(corpus.resolve()).as_posix()
        by_path.setdefault(rel, []).append(article)
    out: list[Comparison] = []
    for entry in manifest:
        candidates = by_path.get(entry["path"], [])
        if entry.get("item"):  # one of several records in a feed or JSONL file: its URL names it
            candidates = [a for a in candidates if a.url == entry["url"]]
        article = candidates[0] if len(candidates) == 1 else None
        row = gold[entry["id"]]
        out.append(Comparison(entry["id"], entry["path"], row["text"], article.text if article else None, article, row))
    return out


def read_corpus(corpus: Path = CORPUS) -> list[Article]:
    """Every article of the corpus files, as ``backchannel.ingest.read_paths`` reads them."""
    manifest = json.loads((corpus / "MANIFEST.json").read_text(encoding="utf-8"))["articles"]
    sources = sorted({entry["path"] for entry in manifest})
    return [item for item in read_paths([corpus / p for p in sources], ReadOptions()) if isinstance(item, Article)]


def compare_corpus(corpus: Path = CORPUS, gold_file: Path = GOLD) -> list[Comparison]:
    """Every manifest article, read by the ingest readers, against its gold body."""
    return compare_articles(read_corpus(corpus), corpus, gold_file)


def main() -> int:
    results = compare_corpus()
    same = sum(r.identical for r in results)
    for r in results:
        if not r.identical:
            print(f"== {r.article_id} ({r.path}) similarity {r.similarity:.3f}")
            print(r.diff() if r.got is not None else "   (no article read)")
    print(f"{same} of {len(results)} identical; lowest similarity {min(r.similarity for r in results):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
