"""The scorer on hand-made cases: every number here was counted by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backchannel.evaluate import (
    ArticleFileError,
    GoldError,
    PredictionError,
    load_articles,
    pairwise_clusters,
    score,
)

TEXT = (
    "The Ruritanian foreign minister said on Monday that his country was ready for talks. "
    "Officials in the capital privately floated a truce along the current front. "
    "The weather was cold."
)
S1 = "The Ruritanian foreign minister said on Monday that his country was ready for talks."
S2 = "Officials in the capital privately floated a truce along the current front."
S3 = "The weather was cold."


def sig(sentence: str, holder: str = "RUS", issue: str = "negotiations", stance: str = "open", **kw) -> dict:
    return {"sentence": sentence, "holder": holder, "issue": issue, "stance": stance} | kw


def article(signals: list[dict], text: str = TEXT, aid: str = "a1", **kw) -> dict:
    return {"id": aid, "text": text, "signals": signals} | kw


def test_exact_match_scores_perfectly() -> None:
    gold = [article([sig(S1, channel="public", source="holder", when="2025-03-10")])]
    pred = [article([sig(S1, channel="public", source="holder", when="2025-03-10", confidence=0.8)])]
    s = score(gold, pred)
    assert (s.detection.tp, s.detection.fp, s.detection.fn) == (1, 0, 0)
    assert s.detection.f1 == 1.0
    for name in ("stance", "channel", "source", "hedged", "when"):
        assert s.attributes[name].value == 1.0
    assert s.errors == []


def _offset_pred(start: int, end: int) -> dict:
    return sig(TEXT[start:end], start=start, end=end)


def test_partial_overlap_at_and_below_half_of_the_shorter_span() -> None:
    start = TEXT.index(S1)
    gold = [article([sig(S1)])]
    # A prediction spanning exactly the last half of S1 plus the next sentence: overlap = half of S1 (shorter).
    half = len(S1) // 2 if len(S1) % 2 == 0 else len(S1) // 2 + 1
    cut = start + len(S1) - half
    at_half = _offset_pred(cut, TEXT.index(S2) + len(S2))
    assert score(gold, [article([at_half])]).detection.tp == 1
    below = _offset_pred(cut + 1, TEXT.index(S2) + len(S2))
    s = score(gold, [article([below])])
    assert (s.detection.tp, s.detection.fp, s.detection.fn) == (0, 1, 1)


def test_shorter_span_decides_the_half() -> None:
    # A short prediction wholly inside a long gold sentence overlaps all of itself: a match.
    inner = S1.index("his country")
    pred = _offset_pred(inner, inner + len("his country was ready for talks."))
    assert score([article([sig(S1)])], [article([pred])]).detection.tp == 1


def test_duplicate_predictions_count_once() -> None:
    gold = [article([sig(S1)])]
    pred = [article([sig(S1, confidence=0.9), sig(S1, confidence=0.4)])]
    s = score(gold, pred)
    assert (s.detection.tp, s.detection.fp, s.detection.fn) == (1, 1, 0)
    assert s.detection.precision == 0.5
    (alarm,) = [e for e in s.errors if e.kind == "false_alarm"]
    assert alarm.pred["confidence"] == 0.4  # the more confident one took the match
    assert [o.matched for o in s.outcomes] == [True, False]


@pytest.mark.parametrize("field, value", [("holder", "UKR"), ("issue", "ceasefire")])
def test_wrong_holder_or_issue_is_a_miss_and_a_false_alarm(field: str, value: str) -> None:
    s = score([article([sig(S1)])], [article([sig(S1) | {field: value}])])
    assert (s.detection.tp, s.detection.fp, s.detection.fn) == (0, 1, 1)
    assert sorted(e.kind for e in s.errors) == ["false_alarm", "miss"]


def test_two_gold_records_on_one_sentence() -> None:
    gold = [article([sig(S2, holder="RUS", issue="ceasefire"), sig(S2, holder="UKR", issue="ceasefire")])]
    pred = [article([sig(S2, holder="UKR", issue="ceasefire", stance="opposed")])]
    s = score(gold, pred)
    assert (s.detection.tp, s.detection.fp, s.detection.fn) == (1, 0, 1)
    assert s.attributes["stance"].value == 0.0
    assert s.stance_confusion == {"open": {"opposed": 1}}
    (mismatch,) = [e for e in s.errors if e.kind == "mismatch"]
    assert mismatch.diffs == {"stance": ["open", "opposed"]}
    assert s.by_holder["RUS"].detection.fn == 1 and s.by_holder["UKR"].detection.tp == 1


def test_repeated_sentence_records_take_occurrences_in_order() -> None:
    text = "Moscow is ready for talks. Then came a pause. Moscow is ready for talks."
    second = text.rindex("Moscow")
    gold = [article([sig("Moscow is ready for talks."), sig("Moscow is ready for talks.")], text=text)]
    only_second = [article([sig("Moscow is ready for talks.", start=second, end=len(text))], text=text)]
    s = score(gold, only_second)
    assert (s.detection.tp, s.detection.fn) == (1, 1)
    both = [article([sig("Moscow is ready for talks.", start=0, end=26), sig("Moscow is ready for talks.")], text=text)]
    assert score(gold, both).detection.tp == 2


def test_maximum_matching_beats_greedy_choice() -> None:
    # Greedy by overlap would give the long prediction to gold A, leaving gold B unmatched.
    text = "Alpha wants talks now. Beta also wants talks now, it says."
    a_end = text.index(".") + 1
    gold = [article([sig(text[:a_end], start=0, end=a_end), sig(text[a_end + 1 :])], text=text)]
    long_pred = sig(text, start=0, end=len(text))  # overlaps all of A and all of B
    short_pred = sig(text[:a_end], start=0, end=a_end)
    s = score(gold, [article([long_pred, short_pred], text=text)])
    assert (s.detection.tp, s.detection.fp, s.detection.fn) == (2, 0, 0)


def test_when_scored_only_where_gold_has_one() -> None:
    gold = [article([sig(S1, when=None), sig(S2, issue="ceasefire", when="2025-03")])]
    pred = [article([sig(S1, when="2024"), sig(S2, issue="ceasefire", when="2025-04")])]
    s = score(gold, pred)
    assert (s.attributes["when"].correct, s.attributes["when"].n) == (0, 1)


def test_missing_prediction_article_and_per_issue_breakdown() -> None:
    gold = [article([sig(S1)]), article([sig(S2, issue="ceasefire")], aid="a2")]
    s = score(gold, [article([sig(S1)])])
    assert s.by_issue["negotiations"].detection.f1 == 1.0
    assert s.by_issue["ceasefire"].detection.fn == 1
    assert any("a2" in p for p in s.problems)


def test_gold_sentence_not_in_text_names_the_article() -> None:
    with pytest.raises(GoldError, match=r"'a9'.*Moscow suddenly"):
        score([article([sig("Moscow suddenly agreed to everything.")], aid="a9")], [])


def test_prediction_that_cannot_be_placed_is_an_error() -> None:
    with pytest.raises(PredictionError, match="'a1'"):
        score([article([])], [article([sig("Not in the text at all.")])])


def test_invalid_gold_values_are_rejected() -> None:
    with pytest.raises(GoldError, match="stance 'maybe'"):
        score([article([sig(S1, stance="maybe")])], [])
    with pytest.raises(GoldError, match="when 'March'"):
        score([article([sig(S1, when="March")])], [])


def test_clustering_pairwise_on_a_hand_labelled_set() -> None:
    # Stories: {1,2,3} {4,5} {6}; clusters: {1,2} {3,4,5} {6}.
    stories = ["s1", "s1", "s1", "s2", "s2", "s3"]
    clusters = ["c1", "c1", "c2", "c2", "c2", "c3"]
    d = pairwise_clusters(stories, clusters)
    # Same-story pairs: 3 + 1 = 4; same-cluster pairs: 1 + 3 = 4; both: (1,2) and (4,5) = 2.
    assert (d.tp, d.fp, d.fn) == (2, 2, 2)
    assert d.precision == 0.5 and d.recall == 0.5


def test_clustering_from_article_files() -> None:
    gold = [article([], aid=f"g{i}", story=st) for i, st in enumerate(["x", "x", "y", None])]
    pred = [article([], aid=f"g{i}", cluster=c) for i, c in enumerate(["k", "k", "k", "m"])]
    s = score(gold, pred)
    assert s.clustering is not None
    assert (s.clustering.tp, s.clustering.fp, s.clustering.fn) == (1, 2, 0)
    assert score(gold, [article([], aid=f"g{i}") for i in range(4)]).clustering is None


def test_to_json_is_serialisable() -> None:
    s = score([article([sig(S1), sig(S3, issue="ceasefire")])], [article([sig(S2)])])
    data = json.loads(json.dumps(s.to_json()))
    assert data["detection"] == {"tp": 0, "fp": 1, "fn": 2, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert {e["kind"] for e in data["errors"]} == {"miss", "false_alarm"}


def test_empty_rates_are_vacuous_not_errors() -> None:
    s = score([article([])], [article([])])
    assert s.detection.precision == 1.0 and s.detection.recall == 1.0
    assert s.attributes["stance"].value is None


def test_load_articles_reports_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(article([])) + "\n\n{not json\n", encoding="utf-8")
    with pytest.raises(ArticleFileError, match=r"gold.jsonl:3: malformed JSON"):
        load_articles(path)
    path.write_text(json.dumps({"id": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(ArticleFileError, match=r"gold.jsonl:1: article has no 'text'"):
        load_articles(path)
    path.write_text(json.dumps(article([])) + "\n" + json.dumps(article([])) + "\n", encoding="utf-8")
    with pytest.raises(ArticleFileError, match=r":2: duplicate article id 'a1' \(first on line 1\)"):
        load_articles(path)
    with pytest.raises(ArticleFileError, match="no such file"):
        load_articles(tmp_path / "absent.jsonl")


def test_load_articles_reads_valid_file(tmp_path: Path) -> None:
    path = tmp_path / "ok.jsonl"
    path.write_text("\n".join(json.dumps(article([sig(S1)], aid=f"a{i}")) for i in range(3)) + "\n", encoding="utf-8")
    assert [a["id"] for a in load_articles(path)] == ["a0", "a1", "a2"]


def test_gold_scored_against_itself_is_perfect(shared_gold: list[dict]) -> None:
    s = score(shared_gold, shared_gold)
    assert s.detection.fp == 0 and s.detection.fn == 0
    assert all(acc.value in (1.0, None) for acc in s.attributes.values())


def test_offsets_that_contradict_the_sentence_yield_to_it() -> None:
    wrong = sig(S1, start=TEXT.index(S3), end=TEXT.index(S3) + len(S3))
    s = score([article([sig(S1)])], [article([wrong])])
    assert s.detection.tp == 1
    assert any("do not match the sentence" in p for p in s.problems)


def test_calibration_bins_count_matched_predictions() -> None:
    gold = [article([sig(S1), sig(S2, issue="ceasefire")])]
    pred = [
        article(
            [
                sig(S1, confidence=0.95),
                sig(S2, issue="ceasefire", confidence=0.85),
                sig(S3, issue="ceasefire", confidence=0.81),
                sig(S3, confidence=0.1),
                sig(S2, holder="UKR", confidence=None),
            ]
        )
    ]
    bins = score(gold, pred).calibration(bins=5)
    assert bins == [
        {"low": 0.0, "high": 0.2, "n": 1, "matched": 0, "precision": 0.0},
        {"low": 0.8, "high": 1.0, "n": 3, "matched": 2, "precision": 0.6667},
    ]
