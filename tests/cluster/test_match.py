"""The pair tests and their parts, on small hand-made inputs."""

from __future__ import annotations

from datetime import date

from backchannel.cluster import default_config
from backchannel.cluster.features import featurize, sentence_features, split_sentences, words
from backchannel.cluster.match import compare, longest_alignment, strip_shared_furniture, within_window
from backchannel.records import Article

TEXT = (
    "The foreign ministers of Chile and Kenya met in Nairobi on Thursday to prepare a mediation mission. "
    "They agreed to send 12 observers to the contact line by March 3, officials said. "
    "Chilean minister Ana Robles said the mission would report to the UN Security Council within 30 days. "
    "Kenya's foreign minister said both capitals had been consulted and neither had refused. "
    "The talks lasted five hours and ended with a joint statement."
)


def test_words_and_sentences() -> None:
    assert words("Kyiv’s  CEASE-fire, 30 days") == ["kyiv's", "cease", "fire", "30", "days"]
    assert split_sentences('He said "no." Then left.\nNext line') == ['He said "no."', "Then left.", "Next line"]


def test_sentence_features_weigh_names_and_numbers() -> None:
    cfg = default_config()
    f = sentence_features("Officials said Ana Robles agreed to a truce of thirty days.", cfg)
    assert f["robles"] == cfg.name_weight and f["#30"] == cfg.name_weight
    assert f["ceasef"] == cfg.word_weight  # "truce" folds to its synonym group's first word
    assert "the" not in f and "of" not in f


def test_longest_alignment_is_monotone() -> None:
    pairs = [(0, 0, 0.9), (1, 2, 0.8), (2, 1, 0.7), (3, 3, 0.6)]
    count, total = longest_alignment(pairs, 4)
    assert count == 3 and abs(total - 2.3) < 1e-9
    assert longest_alignment([(0, 0, 1.0), (0, 1, 1.0)], 2)[0] == 1  # one sentence aligns once
    assert longest_alignment([], 3) == (0, 0.0)


def test_strip_shared_furniture() -> None:
    a = ({"x": 1.0}, {"a": 1.0}, {"z": 1.0})
    b = ({"x": 1.0}, {"b": 1.0}, {"z": 1.0})
    assert strip_shared_furniture(a, b) == (({"a": 1.0},), ({"b": 1.0},))
    assert strip_shared_furniture(a, a) == ((), ())


def test_window_only_applies_to_two_known_dates() -> None:
    cfg = default_config()
    f = featurize(Article(id="a", text=TEXT, published=date(2025, 1, 1)), cfg)
    late = featurize(Article(id="b", text=TEXT + " x", published=date(2026, 1, 1)), cfg)
    undated = featurize(Article(id="c", text=TEXT + " y"), cfg)
    assert not within_window(f, late, cfg.window_days)
    assert within_window(f, undated, cfg.window_days)


def test_compare_kinds() -> None:
    cfg = default_config()
    a = featurize(Article(id="a", text=TEXT), cfg)
    assert compare(a, featurize(Article(id="b", text=TEXT.upper()), cfg), cfg).relation == "exact"
    copy = featurize(Article(id="c", text="Breaking: " + TEXT.replace("five hours", "six hours")), cfg)
    assert compare(a, copy, cfg).relation == "near_copy"
    rewrite = (
        "Meeting in Nairobi on Thursday, Chile's and Kenya's foreign ministers laid the groundwork for a mediation "
        "mission. According to officials, 12 observers will be dispatched to the contact line by March 3. "
        "Within 30 days the mission is to report to the UN Security Council, Chilean minister Ana Robles stated. "
        "Both capitals were consulted and none refused, the Kenyan foreign minister noted."
    )
    match = compare(a, featurize(Article(id="r", text=rewrite), cfg), cfg)
    assert match is not None and match.relation == "rewrite" and match.similarity >= cfg.rewrite_coverage
    other = (
        "Kenya's opposition criticised the government on Thursday for hosting talks while drought hits the north. "
        "Farmers in Turkana said 12 wells had dried up since March. "
        "The UN said it would send food aid within 30 days. "
        "Chile's embassy in Nairobi declined to comment on the criticism."
    )
    assert compare(a, featurize(Article(id="o", text=other), cfg), cfg) is None
