"""The result types of scoring: counts, rates, breakdowns and the list of errors."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

ATTRIBUTES: tuple[str, ...] = ("stance", "channel", "source", "hedged", "when")


@dataclass
class Detection:
    """True positives, false positives and false negatives, with the rates they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn} | {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Accuracy:
    """Correct out of n; ``value`` is None when there was nothing to judge."""

    correct: int = 0
    n: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.n if self.n else None

    def to_json(self) -> dict[str, Any]:
        value = self.value
        return {"correct": self.correct, "n": self.n, "accuracy": None if value is None else round(value, 4)}


@dataclass
class Breakdown:
    """Detection and stance accuracy for one slice (an issue or a holder)."""

    detection: Detection = field(default_factory=Detection)
    stance: Accuracy = field(default_factory=Accuracy)

    def to_json(self) -> dict[str, Any]:
        return {"detection": self.detection.to_json(), "stance": self.stance.to_json()}


@dataclass
class ScoreError:
    """One scoring error: a ``miss``, a ``false_alarm``, or a ``mismatch`` (matched, wrong attributes).

    ``diffs`` maps each wrong attribute to ``[gold, predicted]``.
    """

    kind: str
    article_id: str
    sentence: str
    holder: str
    issue: str
    gold: dict[str, Any] | None = None
    pred: dict[str, Any] | None = None
    diffs: dict[str, list[Any]] = field(default_factory=dict)


@dataclass
class Outcome:
    """Whether one prediction matched, with its confidence (for calibration curves)."""

    article_id: str
    index: int
    confidence: float | None
    matched: bool


@dataclass
class Scores:
    """Everything ``score`` measures; ``to_json()`` gives it as one JSON-ready dict."""

    articles: int = 0
    detection: Detection = field(default_factory=Detection)
    attributes: dict[str, Accuracy] = field(default_factory=lambda: {a: Accuracy() for a in ATTRIBUTES})
    clustering: Detection | None = None  # pairwise: tp/fp/fn count article pairs
    by_issue: dict[str, Breakdown] = field(default_factory=dict)
    by_holder: dict[str, Breakdown] = field(default_factory=dict)
    stance_confusion: dict[str, dict[str, int]] = field(default_factory=dict)  # gold -> predicted -> n
    errors: list[ScoreError] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def calibration(self, bins: int = 5) -> list[dict[str, Any]]:
        """Share of predictions that matched a gold signal, per confidence bin (equal widths over [0, 1]).

        A calibrated extractor shows rising rates from bin to bin; empty bins are left out,
        predictions without a confidence are not counted.
        """
        counts = [[0, 0] for _ in range(bins)]
        for o in self.outcomes:
            if o.confidence is None:
                continue
            i = min(bins - 1, max(0, int(o.confidence * bins)))
            counts[i][0] += 1
            counts[i][1] += o.matched
        return [
            {"low": i / bins, "high": (i + 1) / bins, "n": n, "matched": hit, "precision": round(hit / n, 4)}
            for i, (n, hit) in enumerate(counts)
            if n
        ]

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "detection": self.detection.to_json(),
            "attributes": {name: acc.to_json() for name, acc in self.attributes.items()},
            "clustering": self.clustering.to_json() if self.clustering else None,
            "by_issue": {k: v.to_json() for k, v in sorted(self.by_issue.items())},
            "by_holder": {k: v.to_json() for k, v in sorted(self.by_holder.items())},
            "stance_confusion": self.stance_confusion,
            "calibration": self.calibration(),
            "errors": [asdict(e) for e in self.errors],
            "problems": list(self.problems),
        }
