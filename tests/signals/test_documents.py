"""A document speaks for its author: "the memorandum says", "the paper, released by ..."."""

from __future__ import annotations

from backchannel.signals.documents import document_voices
from backchannel.signals.holders import Actorish


def test_a_document_introduced_earlier_speaks_for_its_author(by_key, signals_of) -> None:
    text = (
        "Belarus handed the delegations a memorandum on Friday. "
        "The document says any truce must leave the current lines where they are."
    )
    sigs = by_key(signals_of(text))
    assert sigs[("BLR", "ceasefire")].stance == "conditional"
    assert sigs[("BLR", "ceasefire")].source == "holder"


def test_the_author_named_in_the_phrase(by_key, signals_of) -> None:
    text = "The Turkish draft, read out in parliament, calls for talks in Istanbul without delay."
    assert ("TUR", "negotiations") in by_key(signals_of(text))


def test_the_author_after_by(by_key, signals_of) -> None:
    text = "The paper, released by the Indian foreign ministry, says all sides should return to dialogue."
    assert set(by_key(signals_of(text))) == {("IND", "negotiations")}


def test_a_document_nobody_is_credited_with_speaks_for_no_one(signals_of) -> None:
    assert signals_of("The document says a truce must hold along the current lines.") == []


def test_a_document_as_an_object_is_no_voice() -> None:
    sentences = ["Poland received a letter from Hungary.", "Warsaw said it would answer the letter soon."]
    poland = Actorish(0, 6, "Poland", "POL", None, "country", None)
    hungary = Actorish(26, 33, "Hungary", "HUN", None, "country", None)
    warsaw = Actorish(0, 6, "Warsaw", "POL", None, "country", None)
    out = document_voices(sentences, [[poland, hungary], [warsaw]])
    assert out == [[poland, hungary], [warsaw]]


def test_a_joint_statement_is_every_side_s(by_key, signals_of) -> None:
    text = (
        "Delegations of Armenia and Azerbaijan met the Russian and Ukrainian teams in Geneva. "
        "Moscow and Kyiv later agreed on a prisoner exchange. "
        "A joint statement announced a humanitarian pause for a week."
    )
    keys = set(by_key(signals_of(text)))
    assert {("RUS", "ceasefire"), ("UKR", "ceasefire")} <= keys


def test_terms_set_out_by_a_side_speak_for_it(signals_at) -> None:
    text = (
        "Minsk set out Belarus's terms for a truce on Monday.\n\n"
        "The terms require all foreign troops to leave the border districts first."
    )
    later = signals_at(text, "The terms")
    assert [(s.holder, s.issue, s.stance) for s in later] == [("BLR", "ceasefire", "conditional")]


def test_an_also_read_line_or_an_attribution_does_not_make_a_transcript(lexicon) -> None:
    from backchannel.records import Article
    from backchannel.sentences import split
    from backchannel.signals.context import build_context

    text = (
        "Putin said on Friday he wanted a deal.\n\nAlso Read: Kremlin denies rift\n\n"
        'Putin added: "We are ready."\n\nUkraine wants a two-stage process: a truce, then talks.\n\n'
        "The talks are due next week."
    )
    ctx = build_context(lexicon, Article(id="t", text=text), split(text))
    assert not ctx.transcript


def test_a_news_paragraph_naming_no_one_goes_on_about_the_last_holder(signals_at) -> None:
    text = (
        "Putin quietly signalled a desire to conclude the war.\n\n"
        "Such frequent hints of interest in a cease-fire point to a leader keeping his options open."
    )
    sigs = signals_at(text, "Such frequent")
    assert [(s.holder, s.stance) for s in sigs] == [("RUS", "open")]


def test_a_one_paragraph_turn_that_ends_asking_is_a_question(signals_of) -> None:
    text = (
        "Sergei Lavrov: Good afternoon.\n\n"
        "Valentina Matviyenko: Everyone is discussing the American peace plan. May I ask your view of it?\n\n"
        "Sergei Lavrov: We are ready to study the peace plan."
    )
    sentences = [s.sentence for s in signals_of(text)]
    assert sentences == ["Sergei Lavrov: We are ready to study the peace plan."]


def test_an_existential_stance_in_a_turn_is_not_the_speaker_s(signals_of) -> None:
    text = (
        "Question: Where would the talks be held?\n\n"
        "Sergei Lavrov: The last round was in Istanbul. Today there is an offer to meet in Minsk again."
    )
    assert not [s for s in signals_of(text) if s.sentence.startswith("Today")]
    # An agreement that existed binds the speaker's side too.
    text = "Question: What about the corridors?\n\nSergei Lavrov: There was an agreement on humanitarian corridors."
    assert [s.holder for s in signals_of(text)] == ["RUS"]
