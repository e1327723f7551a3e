"""Reading article files for scoring, and making predictions to score.

Every error names what is wrong and where: the file and line for a malformed file, the
article and record for a record the scorer cannot use.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any


class ScoreInputError(ValueError):
    """An article or signal record the scorer cannot use; the message names it."""


class GoldError(ScoreInputError):
    """A gold record that cannot be scored (e.g. its sentence is not in the article text)."""


class PredictionError(ScoreInputError):
    """A predicted record that cannot be placed in its article."""


class ArticleFileError(ScoreInputError):
    """A malformed article file; the message names file and line."""


def load_articles(path: str | Path) -> list[dict[str, Any]]:
    """Read an article file (JSONL, one article per line) with errors naming file:line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise ArticleFileError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ArticleFileError(f"{path}: cannot read: {exc}") from None
    articles: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ArticleFileError(f"{path}:{number}: malformed JSON: {exc.msg} (column {exc.colno})") from None
        if not isinstance(obj, dict):
            raise ArticleFileError(f"{path}:{number}: expected a JSON object (an article), got {type(obj).__name__}")
        for key in ("id", "text"):
            if key not in obj:
                raise ArticleFileError(f"{path}:{number}: article has no {key!r}")
        if not isinstance(obj["text"], str):
            raise ArticleFileError(f"{path}:{number}: article {obj['id']!r}: 'text' is not a string")
        signals = obj.get("signals", [])
        if signals is not None and not isinstance(signals, list):
            raise ArticleFileError(f"{path}:{number}: article {obj['id']!r}: 'signals' is not a list")
        key = str(obj["id"])
        if key in seen:
            raise ArticleFileError(f"{path}:{number}: duplicate article id {key!r} (first on line {seen[key]})")
        seen[key] = number
        articles.append(obj)
    return articles


ExtractFn = Callable[[Any], Iterable[Any]]  # Article -> Signals
ClusterFn = Callable[[list[Any]], Iterable[Any]]  # Articles -> ClusterMemberships


def predict(
    gold_articles: Iterable[dict[str, Any]],
    extract_fn: ExtractFn,
    cluster_fn: ClusterFn | None = None,
    *,
    rejects: tuple[type[Exception], ...] = (),
) -> tuple[list[dict[str, Any]], list[str]]:
    """Predicted article records for the texts of ``gold_articles``, and one problem per failed article.

    The extractor and the clusterer see only what a user's input would carry: the gold
    ``signals`` and ``story`` are removed first, so nothing leaks into the predictions.
    An article the extractor rejects with one of ``rejects`` (its documented error for an
    unreadable text, e.g. ``ExtractionError``) gets no signals and a problem line, and
    still counts in the scores; any other exception is a bug and propagates.
    """
    from ..records import Article

    articles = [
        Article.from_json({k: v for k, v in obj.items() if k not in ("signals", "story", "cluster")})
        for obj in gold_articles
    ]
    problems: list[str] = []
    labels: dict[str, str] = {}
    if cluster_fn is not None:
        labels = {m.article_id: m.cluster_id for m in cluster_fn(articles)}
    out: list[dict[str, Any]] = []
    for article in articles:
        try:
            signals = [s.to_json() for s in extract_fn(article)]
        except rejects as exc:
            problems.append(f"article {article.id!r}: no signals: {exc}")
            signals = []
        record: dict[str, Any] = {"id": article.id, "text": article.text, "signals": signals}
        if cluster_fn is not None:
            record["cluster"] = labels.get(article.id, article.id)
        out.append(record)
    return out, problems
