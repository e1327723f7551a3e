"""Coreference by salience and agreement: titles an actor can have, subjects over phrases,
speakers of quotes, lists of venues. Every sentence here is written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from backchannel.actors import ActorDictionary
from test_actors_coref import paragraphs_of, resolved

D2025 = date(2025, 3, 1)


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


def test_its_foreign_minister_skips_an_organisation(actors: ActorDictionary) -> None:
    text = "Turkey hosted envoys from NATO, and its foreign minister said talks must resume."
    (sentence,) = resolved(actors, text, on=D2025)
    assert ("its foreign minister", "TUR", "Hakan Fidan") in sentence


def test_its_title_held_in_an_organisation_finds_it(actors: ActorDictionary) -> None:
    text = "Poland welcomed NATO, and its secretary general praised the plan."
    (sentence,) = resolved(actors, text, on=D2025)
    assert ("its secretary general", "NATO", "Mark Rutte") in sentence


def test_a_user_organisation_is_read_from_the_file(actors: ActorDictionary) -> None:
    assert actors.data.actors["NATO"].organization
    assert not actors.data.actors["TUR"].organization


def test_every_city_of_a_venue_list_is_a_place(actors: ActorDictionary) -> None:
    text = "Envoys held rounds of talks in Warsaw, Bratislava and Baku, while Kyiv waited."
    places = {m.text: m.locative for m in actors.mentions(text, on=D2025)}
    assert places == {"Warsaw": True, "Bratislava": True, "Baku": True, "Kyiv": False}
    text = "Mediators met in Doha or Ankara. Moscow, not Kyiv, then stalled."
    places = {m.text: m.locative for m in actors.mentions(text, on=D2025)}
    assert places == {"Doha": True, "Ankara": True, "Moscow": False, "Kyiv": False}


def test_he_opening_a_sentence_is_the_last_subject(actors: ActorDictionary) -> None:
    text = "Zelensky addressed the summit by video while Lavrov listened. He said the war must end."
    out = resolved(actors, text, on=D2025)
    assert out[1] == [("He", "UKR", "Volodymyr Zelensky")]


def test_he_skips_a_name_in_a_prepositional_phrase(actors: ActorDictionary) -> None:
    text = (
        "Zelensky toured the front. "
        "After a lunch with Alexander Lukashenko's envoys in Vilnius, he hinted that a pause could come."
    )
    out = resolved(actors, text, on=D2025)
    assert ("he", "UKR", "Volodymyr Zelensky") in out[1]
    text = "Zelensky flew in. Later, seated opposite Russia's foreign minister, Sergei Lavrov, he asked for a truce."
    out = resolved(actors, text, on=D2025)
    assert ("he", "UKR", "Volodymyr Zelensky") in out[1]


def test_him_is_not_the_subject_of_its_own_clause(actors: ActorDictionary) -> None:
    text = "Witkoff waited two days before Putin finally saw him."
    (sentence,) = resolved(actors, text, on=D2025)
    assert ("him", "USA", "Steve Witkoff") in sentence


def test_he_inside_a_quote_is_the_quotes_subject(actors: ActorDictionary) -> None:
    text = "Zelensky spoke on Monday. He added: “Putin keeps hiding from Trump that he plans a summer offensive.”"
    out = resolved(actors, text, on=D2025)
    assert ("he", "RUS", "Vladimir Putin") in out[1]


def test_he_said_after_a_quote_is_the_speaker_not_a_name_inside(actors: ActorDictionary) -> None:
    text = "Zelensky spoke on Monday. “Every night Putin sends drones at our cities,” he said."
    out = resolved(actors, text, on=D2025)
    assert ("he", "UKR", "Volodymyr Zelensky") in out[1]


def test_a_speaker_the_dictionary_lacks_takes_the_pronoun(actors: ActorDictionary) -> None:
    text = "Zelensky spoke on Monday. “We want peace,” said Mykola Petrenko, an analyst. “Talks must go on,” he added."
    out = resolved(actors, text, on=D2025)
    assert out[2] == []
    text = "Putin spoke on Monday. Dmitry Peskov said talks were near. He said Kyiv was ready."
    out = resolved(actors, text, on=D2025)
    assert ("He", "RUS", "Dmitry Peskov") in out[2]  # a known name is no unknown speaker


def test_paragraph_helper_splits_lines(actors: ActorDictionary) -> None:
    sents, paras = paragraphs_of("One. Two.\nThree.")
    assert len(sents) == 3 and len(paras) == 2


def test_they_after_two_people_together_is_both(actors: ActorDictionary) -> None:
    text = "Trump spoke with Putin for two hours. They agreed to a partial truce."
    out = resolved(actors, text, on=D2025)
    assert sorted(p for t, _, p in out[1] if t == "They") == ["Donald Trump", "Vladimir Putin"]
    text = "Zelensky thanked Trump for the missiles.\nThey agreed that talks must continue."
    out = resolved(actors, text, on=D2025, carry_over=True)
    assert sorted(c for t, c, _ in out[1] if t == "They") == ["UKR", "USA"]


def test_they_prefers_a_later_group_to_an_earlier_pair_of_people(actors: ActorDictionary) -> None:
    text = "Trump met Putin in Alaska. Ukrainian officials said they were worried."
    out = resolved(actors, text, on=D2025)
    assert out[1] == [("Ukrainian officials", "UKR", None), ("they", "UKR", None)]
    text = "Trump spoke to reporters. Putin was silent. They said nothing more."
    assert resolved(actors, text, on=D2025)[2] == []  # two sentences apart: no pair


def test_their_opening_no_sentence_takes_no_pair_across_paragraphs(actors: ActorDictionary) -> None:
    text = (
        "Putin proposed that Russia and Ukraine meet in Istanbul.\nThe talks would be direct, and their aim was peace."
    )
    out = resolved(actors, text, on=D2025, carry_over=True)
    assert [t for t, _, _ in out[1]] == []


def test_its_is_the_nearest_body_in_its_sentence(actors: ActorDictionary) -> None:
    text = "Zelensky accused the Kremlin of stalling on its promises."
    (sentence,) = resolved(actors, text, on=D2025)
    assert ("its", "RUS", None) in sentence
    text = "Putin said talks could start once Ukraine pulled back its brigades."
    (sentence,) = resolved(actors, text, on=D2025)
    assert ("its", "UKR", None) in sentence
    text = "The Turkish foreign minister said it was working to host a new round."
    (sentence,) = resolved(actors, text, on=D2025)
    assert ("it", "TUR", None) in sentence  # a subject "it" still goes to the speaker's side


def test_a_title_only_one_actor_has_needs_no_antecedent(actors: ActorDictionary) -> None:
    text = "In a radio interview recorded in Geneva, the pope said that talking was no defeat."
    (sentence,) = resolved(actors, text, on=D2025)
    assert ("the pope", "VAT", "Pope Francis") in sentence
    between = resolved(actors, text, on=date(2025, 5, 1))[0]  # after Francis, before Leo XIV
    assert ("the pope", "VAT", None) in between
    text = "The president said nothing about it."
    assert resolved(actors, text, on=D2025) == [[]]  # many actors have a president: no guess


def test_a_sole_title_as_an_object_is_left_alone(actors: ActorDictionary) -> None:
    text = "Zelensky, without naming the pope, said mediation was misplaced."
    (sentence,) = resolved(actors, text, on=D2025)
    assert [c for t, c, _ in sentence if t == "the pope"] == []
    text = "The pope called for talks. But the pontiff gave no date."
    out = resolved(actors, text, on=D2025)
    assert out[0] == [("The pope", "VAT", "Pope Francis")]


def test_the_sides_are_the_pair_named_together_not_the_host(actors: ActorDictionary) -> None:
    text = "Talks between Moscow and Kyiv resumed, and Turkey, which hosted the sides, urged calm."
    (sentence,) = resolved(actors, text, on=D2025)
    assert sorted(c for t, c, _ in sentence if t == "the sides") == ["RUS", "UKR"]
    text = "Poland sent aid to Ukraine. Hungary objected. Both sides then went quiet."
    out = resolved(actors, text, on=D2025)  # no pair named together: the last two actors
    assert sorted(c for t, c, _ in out[2] if t == "Both sides") == ["HUN", "UKR"]


def test_he_in_a_quote_opening_a_paragraph_is_the_one_it_was_about(actors: ActorDictionary) -> None:
    text = (
        "Aides said the Russian president would accept a freeze on the current lines.\n"
        "A former aide summed it up: “He is patient, and he will wait for a better offer.”"
    )
    out = resolved(actors, text, on=D2025, carry_over=True)
    assert [(t, c) for t, c, _ in out[1]] == [("He", "RUS"), ("he", "RUS")]
    assert resolved(actors, text, on=D2025)[1] == []  # only with carry_over


def test_he_after_a_fronted_adjunct_is_the_previous_subject(actors: ActorDictionary) -> None:
    text = "Zelensky spoke to the summit by video. Speaking in English, as the Russian foreign minister, Sergei Lavrov, listened, he asked for a truce."
    _, second = resolved(actors, text, on=D2025)
    assert ("he", "UKR", "Volodymyr Zelensky") in second


def test_he_after_a_fronted_adjunct_across_a_paragraph_break(actors: ActorDictionary) -> None:
    text = "Zelensky laid out a plan.\nAfter meeting Sergei Lavrov in Ankara, he said talks could resume."
    _, second = resolved(actors, text, on=D2025, carry_over=True)
    assert ("he", "UKR", "Volodymyr Zelensky") in second


def test_a_bare_title_as_subject_looks_back_across_paragraphs(actors: ActorDictionary) -> None:
    text = "Dmitry Peskov told reporters the talks went on.\nMoscow was calm.\nThe spokesman said more later."
    *_, last = resolved(actors, text, on=D2025, carry_over=True)
    assert ("The spokesman", "RUS", "Dmitry Peskov") in last


def test_a_bare_title_as_an_object_does_not_look_back(actors: ActorDictionary) -> None:
    text = "Pope Leo spoke of peace.\nZelensky, without naming the pope, said the church belonged with the people."
    _, second = resolved(actors, text, on=D2025, carry_over=True)
    assert not any(code == "VAT" for _text, code, _p in second)


def test_but_the_spokesman_is_a_subject_too(actors: ActorDictionary) -> None:
    text = "Dmitry Peskov told reporters the talks went on.\nMoscow was calm.\nBut the spokesman said more later."
    *_, last = resolved(actors, text, on=D2025, carry_over=True)
    assert ("the spokesman", "RUS", "Dmitry Peskov") in last


def test_a_capital_opening_the_sentence_after_in_is_a_place(actors: ActorDictionary) -> None:
    text = "In Brussels, the minister said the offer was late."
    sents, paras = paragraphs_of(text)
    (found,) = actors.resolve(text, sents, paras, on=D2025)
    assert [m.locative for m in found if m.text == "Brussels"] == [True]


def test_a_bare_list_of_cities_is_a_list_of_places(actors: ActorDictionary) -> None:
    text = "Vienna, Geneva, Istanbul, Baku - we offered Moscow each of these."
    places = {m.text: m.locative for m in actors.mentions(text, on=D2025)}
    assert places.get("Baku") is True
    assert places.get("Moscow") is False
    text = "Brazil, India, China, South Africa backed the plan."
    assert not any(m.locative for m in actors.mentions(text, on=D2025))
