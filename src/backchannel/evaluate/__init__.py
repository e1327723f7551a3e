"""The spec's scorer (SIGNALS.md, "Scoring"): signal detection, attributes and story clusters.

- ``score(gold_articles, pred_articles) -> Scores`` (``Scores.to_json()`` for a report);
- ``load_articles(path)`` reads an article file with errors naming file and line;
- ``predict(gold_articles, extract_fn, cluster_fn)`` runs an extractor on the gold texts.

The matching rule and its tie-breaks are documented in ``scoring``.
"""

from .inputs import ArticleFileError, GoldError, PredictionError, ScoreInputError, load_articles, predict
from .scores import ATTRIBUTES, Accuracy, Breakdown, Detection, Outcome, ScoreError, Scores
from .scoring import pairwise_clusters, score

__all__ = [
    "ATTRIBUTES",
    "Accuracy",
    "ArticleFileError",
    "Breakdown",
    "Detection",
    "GoldError",
    "Outcome",
    "PredictionError",
    "ScoreError",
    "ScoreInputError",
    "Scores",
    "load_articles",
    "pairwise_clusters",
    "predict",
    "score",
]
