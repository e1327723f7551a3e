"""The keyword baseline of bench/baseline.py on sentences written for the tests."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from backchannel.evaluate import predict, score
from backchannel.records import Article

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.fixture(scope="module")
def baseline() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_baseline", BENCH / "baseline.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _article(text: str) -> Article:
    return Article(id="t1", text=text, published=date(2025, 3, 12))


def test_actor_and_issue_term_make_an_open_signal(baseline: ModuleType) -> None:
    text = "The Kremlin rejected any cease-fire on Tuesday.\n\nThe harvest was late this year."
    (sig,) = baseline.baseline_extract(_article(text))
    assert (sig.holder, sig.issue, sig.stance) == ("RUS", "ceasefire", "open")  # stance blind by design
    assert (sig.channel, sig.source, sig.hedged, sig.when) == ("unknown", "author", False, None)
    assert text[sig.start : sig.end] == sig.sentence == "The Kremlin rejected any cease-fire on Tuesday."
    assert sig.why == baseline.WHY


def test_no_actor_or_no_issue_gives_nothing(baseline: ModuleType) -> None:
    text = "A cease-fire was discussed at length.\n\nUkraine's farmers began sowing wheat."
    assert baseline.baseline_extract(_article(text)) == []


def test_one_record_per_actor_and_issue(baseline: ModuleType) -> None:
    text = "Ukraine and Russia both said peace talks and a truce were possible, and Kyiv repeated it."
    found = {(s.holder, s.issue) for s in baseline.baseline_extract(_article(text))}
    assert {("UKR", "negotiations"), ("RUS", "negotiations"), ("UKR", "ceasefire"), ("RUS", "ceasefire")} <= found
    assert len(baseline.baseline_extract(_article(text))) == len(found)  # Kyiv again adds no duplicate


def test_baseline_is_scored_like_the_extractor(baseline: ModuleType) -> None:
    text = "Moscow ruled out talks with Kyiv.\n\nThe sun rose early."
    sentence = "Moscow ruled out talks with Kyiv."
    gold = [
        {
            "id": "t1",
            "text": text,
            "signals": [{"sentence": sentence, "holder": "RUS", "issue": "negotiations", "stance": "opposed"}],
        }
    ]
    pred, problems = predict(gold, baseline.baseline_extract)
    s = score(gold, pred)
    assert problems == []
    assert s.detection.tp == 1  # found RUS / negotiations ...
    assert s.attributes["stance"].value == 0.0  # ... but always "open"
    assert s.detection.fp >= 1  # and Kyiv named in the same sentence is a false alarm
