"""Confidence bounds and ordering; bad inputs give clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from backchannel.records import Article
from backchannel.signals import ExtractionError, LexiconError, extract, load_lexicon


def test_confidence_is_a_probability_and_direct_beats_carried(signals_of) -> None:
    text = "Vladimir Putin: We are ready to consider a truce over the holidays. We will not rule such a step out."
    sigs = signals_of(text)
    assert all(0.0 <= s.confidence <= 1.0 for s in sigs)
    direct, carried = sigs[0], sigs[1]
    assert direct.confidence > carried.confidence


def test_offsets_point_at_the_sentence(signals_of) -> None:
    text = "Intro line.\n\nThe Kremlin said it was ready for a truce. Nothing else."
    for s in signals_of(text):
        assert text[s.start : s.end] == s.sentence


def test_empty_text_is_an_error_naming_the_article(lexicon) -> None:
    with pytest.raises(ExtractionError, match="article 'a1': text is empty"):
        extract(Article(id="a1", text="  \n"), lexicon=lexicon)


def test_text_without_sentences_is_an_error(lexicon) -> None:
    with pytest.raises(ExtractionError, match="article 'a2': text has no sentences"):
        extract(Article(id="a2", text="... --- 123 !!"), lexicon=lexicon)


def test_unknown_code_in_a_user_actor_file(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text("version: 1\nactors:\n  XYZQ: {name: Nowhere, names: [Nowhere]}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"mine\.yaml.*XYZQ"):
        load_lexicon(actors_files=(user,))


def test_user_actor_file_merges(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(
        "version: 1\npersons:\n  - name: Ivan Testov\n    aliases: [Testov]\n    roles: [{code: RUS, title: envoy}]\n",
        encoding="utf-8",
    )
    lex = load_lexicon(actors_files=(user,))
    sigs = extract(Article(id="u", text="Ivan Testov said Moscow was ready for talks."), lexicon=lex)
    assert [(s.holder, s.person) for s in sigs] == [("RUS", "Ivan Testov")]
