"""The spec's scorer (SIGNALS.md, "Scoring"): signal detection, attributes and story clusters.

A predicted signal **matches** a gold signal of the same article when their sentence
spans overlap by at least half of the shorter span and ``holder`` and ``issue`` are
equal; each gold signal matches at most one prediction and each prediction at most one
gold signal.

Matching, per article: every (gold, prediction) pair that qualifies is a candidate.
Candidates are taken greedily, best first (larger overlap relative to the shorter span,
then higher prediction confidence, then file order), and the greedy matching is then
grown to a *maximum* matching with augmenting paths (Kuhn's algorithm), so no
arrangement of the same predictions could score more true positives. Ties between
maximum matchings are thus broken by overlap and confidence, never by whether the
attributes agree, so attribute accuracy is not flattered by the choice.

Gold records carry ``sentence`` but no offsets; it is located as an exact substring of the
text (a :class:`GoldError` when absent). When a sentence occurs more than once, the k-th
record with the same sentence, holder and issue takes the k-th occurrence. Predictions use
their ``start``/``end`` when present and ``text[start:end]`` is their sentence; otherwise the
sentence is located the same way (offsets that contradict it are reported in ``problems``).

Rates with an empty denominator are vacuous: precision is 1.0 when nothing was predicted
(no false claim was made), recall is 1.0 when there was nothing to find; the counts are
always reported beside them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from ..records import CHANNELS, SOURCES, STANCES, WHEN_RE
from .inputs import GoldError, PredictionError, ScoreInputError
from .scores import ATTRIBUTES, Breakdown, Detection, Outcome, ScoreError, Scores

_REQUIRED = ("sentence", "holder", "issue", "stance")


@dataclass
class _Rec:
    index: int
    start: int
    end: int
    obj: dict[str, Any]

    @property
    def holder(self) -> str:
        return str(self.obj["holder"])

    @property
    def issue(self) -> str:
        return str(self.obj["issue"])


def _check_record(obj: Any, where: str, exc: type[ScoreInputError]) -> None:
    if not isinstance(obj, dict):
        raise exc(f"{where}: a signal must be a JSON object")
    for key in _REQUIRED:
        if not isinstance(obj.get(key), str) or not obj[key]:
            raise exc(f"{where}: missing or empty {key!r}")
    checks = (("stance", STANCES), ("channel", CHANNELS), ("source", SOURCES))
    for key, allowed in checks:
        if key in obj and obj[key] not in allowed:
            raise exc(f"{where}: {key} {obj[key]!r} is not one of {', '.join(allowed)}")
    when = obj.get("when")
    if when is not None and not (isinstance(when, str) and WHEN_RE.match(when)):
        raise exc(f"{where}: when {when!r} is not YYYY, YYYY-MM, YYYY-MM-DD or START/END of those")


def _locate(text: str, sentence: str, nth: int) -> tuple[int, int] | None:
    """Offsets of the nth occurrence (0-based) of sentence in text; the last one if fewer; None if absent."""
    found = -1
    pos = text.find(sentence)
    for _ in range(nth + 1):
        if pos < 0:
            break
        found = pos
        pos = text.find(sentence, pos + 1)
    return None if found < 0 else (found, found + len(sentence))


def _spans(
    article_id: str, text: str, records: list[Any], *, gold: bool, use_offsets: bool, problems: list[str] | None = None
) -> list[_Rec]:
    """Character spans of the records in ``text``; offsets that contradict the sentence yield to the sentence."""
    kind = "gold" if gold else "predicted"
    contradicted = 0
    exc: type[ScoreInputError] = GoldError if gold else PredictionError
    seen: Counter[tuple[str, str, str]] = Counter()
    out: list[_Rec] = []
    for i, obj in enumerate(records):
        where = f"article {article_id!r}, {kind} signal {i + 1}"
        _check_record(obj, where, exc)
        sentence = obj["sentence"]
        start, end = obj.get("start"), obj.get("end")
        key = (sentence, obj["holder"], obj["issue"])
        nth = seen[key]
        seen[key] += 1
        valid = use_offsets and isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
        if valid and text[start:end] == sentence:
            out.append(_Rec(i, start, end, obj))
            continue
        span = _locate(text, sentence, nth)
        if valid:
            contradicted += 1
            span = span or (start, end)  # the sentence is not in the text: the offsets are all there is
        if span is None:
            raise exc(f"{where}: sentence not found in the article text: {sentence[:60]!r}")
        out.append(_Rec(i, span[0], span[1], obj))
    if contradicted and problems is not None:
        problems.append(
            f"article {article_id!r}: {contradicted} {kind} signal(s) whose start/end do not match the sentence"
        )
    return out


def _overlap_ratio(a: _Rec, b: _Rec) -> float:
    overlap = min(a.end, b.end) - max(a.start, b.start)
    shorter = min(a.end - a.start, b.end - b.start)
    return overlap / shorter if overlap > 0 and shorter > 0 else 0.0


def _confidence(rec: _Rec) -> float:
    value = rec.obj.get("confidence")
    return float(value) if isinstance(value, int | float) else 0.0


def _match(gold: list[_Rec], pred: list[_Rec]) -> list[tuple[int, int]]:
    """A maximum matching of gold to predictions (positions in the lists), preferring close overlaps."""
    cands: list[tuple[float, float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if g.holder == p.holder and g.issue == p.issue:
                ratio = _overlap_ratio(g, p)
                if ratio >= 0.5:
                    cands.append((-ratio, -_confidence(p), gi, pi))
    cands.sort()
    gold_of: dict[int, int] = {}  # pred -> gold
    pred_of: dict[int, int] = {}  # gold -> pred
    adj: dict[int, list[int]] = defaultdict(list)
    for _, _, gi, pi in cands:
        adj[gi].append(pi)
        if gi not in pred_of and pi not in gold_of:
            pred_of[gi], gold_of[pi] = pi, gi

    def augment(gi: int, visited: set[int]) -> bool:
        for pi in adj[gi]:
            if pi in visited:
                continue
            visited.add(pi)
            if pi not in gold_of or augment(gold_of[pi], visited):
                pred_of[gi], gold_of[pi] = pi, gi
                return True
        return False

    for gi in list(adj):
        if gi not in pred_of:
            augment(gi, set())
    return sorted(pred_of.items())


def _same(name: str, gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    if name == "hedged":
        return bool(gold.get("hedged", False)) == bool(pred.get("hedged", False))
    default = {"channel": "unknown", "source": "author"}.get(name)
    return gold.get(name, default) == pred.get(name, default)


def _brief(obj: dict[str, Any]) -> dict[str, Any]:
    keys = ("holder", "issue", *ATTRIBUTES, "person", "confidence")
    return {k: obj.get(k) for k in keys if k in obj}


def _score_article(scores: Scores, article_id: str, golds: list[_Rec], preds: list[_Rec]) -> None:
    pairs = _match(golds, preds)
    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    for gi, pi in pairs:
        g, p = golds[gi].obj, preds[pi].obj
        diffs: dict[str, list[Any]] = {}
        for name in ATTRIBUTES:
            if name == "when" and g.get("when") is None:
                continue
            ok = _same(name, g, p)
            acc = scores.attributes[name]
            acc.n += 1
            acc.correct += ok
            if not ok:
                diffs[name] = [g.get(name), p.get(name)]
        scores.detection.tp += 1
        gs, ps = g["stance"], p["stance"]
        row = scores.stance_confusion.setdefault(gs, {})
        row[ps] = row.get(ps, 0) + 1
        for part, key in ((scores.by_issue, g["issue"]), (scores.by_holder, g["holder"])):
            part.setdefault(key, Breakdown()).detection.tp += 1
            part[key].stance.n += 1
            part[key].stance.correct += gs == ps
        if diffs:
            scores.errors.append(
                ScoreError("mismatch", article_id, g["sentence"], g["holder"], g["issue"], _brief(g), _brief(p), diffs)
            )
    for gi, g in enumerate(golds):
        if gi not in matched_gold:
            scores.detection.fn += 1
            scores.by_issue.setdefault(g.issue, Breakdown()).detection.fn += 1
            scores.by_holder.setdefault(g.holder, Breakdown()).detection.fn += 1
            scores.errors.append(
                ScoreError("miss", article_id, g.obj["sentence"], g.holder, g.issue, gold=_brief(g.obj))
            )
    for pi, p in enumerate(preds):
        hit = pi in matched_pred
        conf = p.obj.get("confidence")
        scores.outcomes.append(
            Outcome(article_id, p.index, float(conf) if isinstance(conf, int | float) else None, hit)
        )
        if not hit:
            scores.detection.fp += 1
            scores.by_issue.setdefault(p.issue, Breakdown()).detection.fp += 1
            scores.by_holder.setdefault(p.holder, Breakdown()).detection.fp += 1
            scores.errors.append(
                ScoreError("false_alarm", article_id, p.obj["sentence"], p.holder, p.issue, pred=_brief(p.obj))
            )


def pairwise_clusters(story: list[str | None], cluster: list[str | None]) -> Detection:
    """Pairwise scores of predicted clusters against gold stories, over all article pairs.

    An article without a label is a group of its own on that side. Counted from the
    contingency table, so it is linear in the number of articles, not quadratic.
    """
    story = [s if s is not None else f"\0story{i}" for i, s in enumerate(story)]
    cluster = [c if c is not None else f"\0cluster{i}" for i, c in enumerate(cluster)]

    def pairs(counts: Counter[Any]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    both = pairs(Counter(zip(story, cluster, strict=True)))
    return Detection(tp=both, fp=pairs(Counter(cluster)) - both, fn=pairs(Counter(story)) - both)


def score(gold_articles: list[dict[str, Any]], pred_articles: list[dict[str, Any]]) -> Scores:
    """Score predictions against gold, by the spec (see the module docstring for the matching rule).

    Articles are paired by ``id``; a gold article without a predicted one has no
    predictions (noted in ``problems``), predicted articles absent from the gold are ignored.
    """
    scores = Scores(articles=len(gold_articles))
    preds_by_id: dict[str, dict[str, Any]] = {}
    for obj in pred_articles:
        preds_by_id.setdefault(str(obj.get("id")), obj)
    gold_ids = {str(g.get("id")) for g in gold_articles}
    extra = sorted(set(preds_by_id) - gold_ids)
    if extra:
        scores.problems.append(f"{len(extra)} predicted article(s) not in the gold, ignored: {', '.join(extra[:5])}")
    missing: list[str] = []
    for gold_obj in gold_articles:
        article_id = str(gold_obj.get("id"))
        text = gold_obj.get("text")
        if not isinstance(text, str):
            raise GoldError(f"gold article {article_id!r} has no text")
        golds = _spans(article_id, text, gold_obj.get("signals") or [], gold=True, use_offsets=False)
        pred_obj = preds_by_id.get(article_id)
        if pred_obj is None:
            missing.append(article_id)
            pred_obj = {}
        same_text = pred_obj.get("text", text) == text
        if not same_text:
            scores.problems.append(f"article {article_id!r}: predicted text differs from gold; offsets ignored")
        preds = _spans(
            article_id, text, pred_obj.get("signals") or [], gold=False, use_offsets=same_text, problems=scores.problems
        )
        _score_article(scores, article_id, golds, preds)
    if missing:
        scores.problems.append(f"{len(missing)} gold article(s) have no predictions: {', '.join(missing[:5])}")
    has_story = any(g.get("story") is not None for g in gold_articles)
    has_cluster = any(p.get("cluster") is not None for p in pred_articles)
    if has_story and has_cluster:
        stories = [g.get("story") for g in gold_articles]
        clusters = [preds_by_id.get(str(g.get("id")), {}).get("cluster") for g in gold_articles]
        scores.clustering = pairwise_clusters(stories, clusters)
    return scores
