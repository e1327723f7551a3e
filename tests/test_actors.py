"""The actor dictionary's mention finding: names, surnames, metonyms, groups, titles by
date, non-holders, former office holders.

Coreference (pronouns, bare titles, quotes) is tested in ``test_actors_coref.py``, files
and lookups in ``test_actors_files.py``. Every sentence here is written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backchannel.actors import ActorDictionary

D2024 = date(2024, 6, 1)
D2025 = date(2025, 3, 1)


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


def found(actors: ActorDictionary, text: str, on: date | None = D2025, **kw) -> list[tuple[str, str, str | None, str]]:
    return [(m.text, m.code, m.person, m.kind) for m in actors.mentions(text, on=on, **kw)]


PHRASES = [
    "Putin",
    "the Kremlin",
    "Russian officials",
    "U.S. President",
    "Zelensky’s",
    "he",
    "the West",
    "turkey",
    "Kyiv",
]


def test_full_names_and_surnames(actors: ActorDictionary) -> None:
    assert found(actors, "Peskov said on Monday that Vladimir Putin would decide.") == [
        ("Peskov", "RUS", "Dmitry Peskov", "person"),
        ("Vladimir Putin", "RUS", "Vladimir Putin", "person"),
    ]


def test_spelling_variants_and_diacritics(actors: ActorDictionary) -> None:
    text = "Zelenskyy met Zelenskiy's aides while Erdogan called Erdoğan's rival Cavusoglu."
    persons = [p for _, _, p, _ in found(actors, text, on=date(2023, 1, 10))]
    assert persons == [
        "Volodymyr Zelensky",
        "Volodymyr Zelensky",
        "Recep Tayyip Erdoğan",
        "Recep Tayyip Erdoğan",
        "Mevlüt Çavuşoğlu",
    ]


def test_possessives_straight_and_curly_are_outside_the_span(actors: ActorDictionary) -> None:
    text = "Zelensky’s office and Putin's envoy met in Ukraine’s capital."
    mentions = actors.mentions(text, on=D2025)
    assert [m.text for m in mentions][:1] == ["Zelensky"]
    assert ("Putin", "RUS") in [(m.text, m.code) for m in mentions]
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_names_are_case_sensitive_and_word_bounded(actors: ActorDictionary) -> None:
    assert found(actors, "We ate turkey off fine china and read about putinism, Putinism and Russianness.") == []
    assert [c for _, c, _, _ in found(actors, "Turkey and China called for calm.")] == ["TUR", "CHN"]


def test_offsets_refer_to_the_whole_text(actors: ActorDictionary) -> None:
    text = "Intro sentence. Then Lavrov spoke. Kuleba answered."
    start = text.index("Then")
    end = text.index("Kuleba")
    mentions = actors.mentions(text, start, end, on=D2024)
    assert [(m.start, m.end, m.text) for m in mentions] == [(text.index("Lavrov"), text.index("Lavrov") + 6, "Lavrov")]


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Moscow", "RUS"),
        ("the Kremlin", "RUS"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Washington", "USA"),
        ("the White House", "USA"),
        ("the State Department", "USA"),
        ("Beijing", "CHN"),
        ("Ankara", "TUR"),
        ("Brussels", "EU"),
        ("the Vatican", "VAT"),
        ("the Holy See", "VAT"),
        ("Budapest", "HUN"),
        ("Minsk", "BLR"),
        ("Riyadh", "SAU"),
        ("Doha", "QAT"),
        ("New Delhi", "IND"),
        ("Pretoria", "ZAF"),
    ],
)
def test_metonyms(actors: ActorDictionary, phrase: str, code: str) -> None:
    mentions = actors.mentions(f"On Monday {phrase} rejected the idea.", on=D2025)
    assert [(m.code, m.kind) for m in mentions] == [(code, "country")]
    assert actors.code_of(phrase) == code


@pytest.mark.parametrize(
    ("phrase", "code", "role"),
    [
        ("Russian officials", "RUS", "official"),
        ("Ukrainian negotiators", "UKR", "negotiator"),
        ("the Russian side", "RUS", "government"),
        ("US administration", "USA", "government"),
        ("Kremlin negotiators", "RUS", "negotiator"),
        ("Russia’s defence ministry", "RUS", "ministry"),
        ("the Ministry of Foreign Affairs of Ukraine", "UKR", "ministry"),
        ("Chinese diplomats", "CHN", "diplomat"),
        ("Turkish authorities", "TUR", "government"),
        ("the Kyiv regime", "UKR", "government"),
        ("the leadership of Russia", "RUS", "government"),
        ("Polish Government", "POL", "government"),
    ],
)
def test_groups(actors: ActorDictionary, phrase: str, code: str, role: str) -> None:
    mentions = actors.mentions(f"Yesterday {phrase} said more talks were possible.", on=D2025)
    assert [(m.code, m.kind, m.role) for m in mentions] == [(code, "group", role)]


def test_bare_demonym_is_weak(actors: ActorDictionary) -> None:
    assert found(actors, "Russian troops advanced near a Ukrainian village.") == [
        ("Russian", "RUS", None, "demonym"),
        ("Ukrainian", "UKR", None, "demonym"),
    ]
    assert found(actors, "A Moscow-backed official and the US-Ukraine statement.") == [
        ("Moscow", "RUS", None, "demonym"),
        ("US", "USA", None, "demonym"),
        ("Ukraine", "UKR", None, "demonym"),
    ]


def test_phrases_that_contain_a_name_but_are_no_actor(actors: ActorDictionary) -> None:
    assert found(actors, "The Washington Post recalled the Minsk agreements and the Budapest Memorandum.") == []


@pytest.mark.parametrize(
    ("phrase", "day", "person"),
    [
        ("the U.S. president", date(2025, 1, 19), "Joe Biden"),
        ("the U.S. president", date(2025, 1, 20), "Donald Trump"),
        ("the American president", date(2022, 3, 1), "Joe Biden"),
        ("Ukraine’s foreign minister", date(2024, 9, 4), "Dmytro Kuleba"),
        ("Ukraine’s foreign minister", date(2024, 9, 5), "Andrii Sybiha"),
        ("the NATO secretary general", date(2024, 9, 30), "Jens Stoltenberg"),
        ("the NATO secretary general", date(2024, 10, 1), "Mark Rutte"),
        ("the German chancellor", date(2025, 5, 5), "Olaf Scholz"),
        ("the German chancellor", date(2025, 5, 6), "Friedrich Merz"),
        ("the Kremlin spokesman", date(2023, 1, 1), "Dmitry Peskov"),
        ("the Russian leader", date(2023, 1, 1), "Vladimir Putin"),
        ("the president of Ukraine", date(2023, 1, 1), "Volodymyr Zelensky"),
        ("the British prime minister", date(2022, 10, 1), "Liz Truss"),
        ("the EU’s foreign policy chief", date(2025, 2, 1), "Kaja Kallas"),
        ("the Kremlin leader", date(2024, 1, 1), "Vladimir Putin"),
        ("the Emir of Qatar", date(2024, 1, 1), "Tamim bin Hamad Al Thani"),
        ("the President", None, None),
        ("the Pope", date(2024, 1, 1), "Pope Francis"),  # sole_code: only the Holy See has a pope
    ],
)
def test_titles_resolve_by_date(actors: ActorDictionary, phrase: str, day: date | None, person: str | None) -> None:
    mentions = actors.resolve(f"{phrase} spoke.", [(0, len(phrase) + 7)], [(0, len(phrase) + 7)], on=day)[0]
    if person is None:
        assert mentions == []  # a bare title with nothing before it in the paragraph is dropped
        return
    assert [(m.kind, m.person) for m in mentions] == [("title", person)]


def test_ambiguous_title_names_no_person(actors: ActorDictionary) -> None:
    # Peskov and Zakharova are both Russian spokespeople: "a Russian spokesman" is RUS, nobody in particular.
    (mention,) = actors.mentions("A Russian spokesman denied it.", on=D2024)
    assert (mention.code, mention.kind, mention.person, mention.role) == ("RUS", "title", None, "spokesperson")


def test_title_before_a_name_merges_into_the_person(actors: ActorDictionary) -> None:
    text = "Russian Foreign Minister Sergei Lavrov met Kremlin aide Yuri Ushakov and President Zelenskyy."
    assert found(actors, text, on=D2024) == [
        ("Russian Foreign Minister Sergei Lavrov", "RUS", "Sergei Lavrov", "person"),
        ("Kremlin aide Yuri Ushakov", "RUS", "Yuri Ushakov", "person"),
        ("President Zelenskyy", "UKR", "Volodymyr Zelensky", "person"),
    ]
    assert found(actors, "Secretary Rubio and Mr. Witkoff flew in.", on=D2025) == [
        ("Secretary Rubio", "USA", "Marco Rubio", "person"),
        ("Mr. Witkoff", "USA", "Steve Witkoff", "person"),
    ]
    text = "The Turkish foreign minister, Mevlüt Çavuşoğlu, spoke."
    assert found(actors, text, on=date(2022, 3, 5))[0][2:] == ("Mevlüt Çavuşoğlu", "person")


def test_possessive_person_then_title_is_two_mentions(actors: ActorDictionary) -> None:
    text = "Putin's spokesman Dmitry Peskov said so."
    assert found(actors, text, on=D2024) == [
        ("Putin", "RUS", "Vladimir Putin", "person"),
        ("spokesman Dmitry Peskov", "RUS", "Dmitry Peskov", "person"),
    ]


def test_former_leaders_and_candidates_are_no_holder(actors: ActorDictionary) -> None:
    assert found(actors, "Biden said the war must end.", on=D2025) == []
    (former,) = actors.mentions("Biden said the war must end.", on=D2025, include_inactive=True)
    assert (former.code, former.active) == ("USA", False)
    assert found(actors, "Trump said he would end the war.", on=date(2023, 6, 1)) == []
    # The president-elect counts (spec, "Who").
    assert found(actors, "Trump said he would end the war.", on=date(2024, 12, 1))[0][1] == "USA"
    assert found(actors, "Lula said both sides share blame.", on=date(2022, 5, 4)) == []
    assert found(actors, "Lula said both sides share blame.", on=date(2023, 5, 4))[0][1] == "BRA"
    # Without a date every person counts, with their latest code.
    assert found(actors, "Rutte spoke.", on=None) == [("Rutte", "NATO", "Mark Rutte", "person")]


def test_a_shared_surname_goes_to_whoever_is_in_office(actors: ActorDictionary) -> None:
    assert found(actors, "Johnson said it.", on=date(2022, 4, 1))[0][1:3] == ("GBR", "Boris Johnson")


def test_non_holders_are_left_out_unless_asked(actors: ActorDictionary) -> None:
    text = "The West and Western leaders, backed by the international community, urged talks."
    assert found(actors, text) == []
    kinds = {(m.kind, m.code) for m in actors.mentions(text, include_non_holders=True)}
    assert kinds == {("non_holder", "")}


def test_mentions_are_sorted_and_never_overlap(actors: ActorDictionary) -> None:
    text = "U.S. Secretary of State Marco Rubio and Russian Foreign Ministry officials met the Saudi crown prince."
    mentions = actors.mentions(text, on=D2025)
    assert [m.text for m in mentions] == [
        "U.S. Secretary of State Marco Rubio",
        "Russian Foreign Ministry officials",
        "Saudi crown prince",
    ]
    assert mentions[2].person == "Mohammed bin Salman"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PHRASES + ["said", "and", ",", "met", "in"]), min_size=1, max_size=25))
def test_mentions_property(words: list[str]) -> None:
    actors = ActorDictionary.load()
    text = " ".join(words)
    mentions = actors.mentions(text, on=D2025)
    assert mentions == sorted(mentions, key=lambda m: m.start)
    for a, b in zip(mentions, mentions[1:], strict=False):
        assert a.end <= b.start
    assert all(text[m.start : m.end] == m.text and actors.is_known_code(m.code) for m in mentions)


def test_a_title_names_an_unknown_person_and_their_surname_later(actors: ActorDictionary) -> None:
    text = "Belarusian Deputy Foreign Minister Igor Nonexistov spoke first. Later Nonexistov’s aide and Lavrov spoke."
    mentions = actors.mentions(text, on=D2025)
    assert [(m.text, m.code, m.person, m.kind) for m in mentions] == [
        ("Belarusian Deputy Foreign Minister Igor Nonexistov", "BLR", "Igor Nonexistov", "person"),
        ("Nonexistov", "BLR", "Igor Nonexistov", "person"),
        ("Lavrov", "RUS", "Sergei Lavrov", "person"),
    ]
    # Weekdays and other capitalised words after a title are not names.
    assert [m.kind for m in actors.mentions("The Russian president Monday agreed.", on=D2025)] == ["title"]


def test_former_office_holders_are_no_holder(actors: ActorDictionary) -> None:
    text = "The former British foreign secretary Alan Imaginary said a deal was near."
    assert actors.mentions(text, on=D2025) == []
    (m,) = actors.mentions(text, on=D2025, include_inactive=True)
    assert (m.code, m.person, m.active) == ("GBR", "Alan Imaginary", False)
    # A known person keeps their dated status: Medvedev still holds a Russian office.
    (m,) = actors.mentions("Former Russian President Dmitry Medvedev warned Kyiv.", on=D2025)[:1]
    assert (m.person, m.active) == ("Dmitry Medvedev", True)


def test_hyphenated_titles_before_names(actors: ActorDictionary) -> None:
    text = "Vice-President JD Vance met Secretary-General António Guterres."
    assert [m.text for m in actors.mentions(text, on=D2025)] == [
        "Vice-President JD Vance",
        "Secretary-General António Guterres",
    ]


@pytest.mark.parametrize(
    ("phrase", "code", "person"),
    [
        ("The head of the Russian Foreign Ministry", "RUS", "Sergei Lavrov"),
        ("The head of Ukrainian diplomacy", "UKR", "Andrii Sybiha"),
        ("The head of the Kremlin", "RUS", "Vladimir Putin"),
        ("The head of the Pentagon", "USA", "Pete Hegseth"),
    ],
)
def test_head_of_a_body_is_its_chief(actors: ActorDictionary, phrase: str, code: str, person: str) -> None:
    (m,) = actors.mentions(f"{phrase} spoke on Friday.", on=D2025)
    assert (m.code, m.person, m.kind) == (code, person, "title")


def test_a_surname_inside_another_name_is_not_that_person(actors: ActorDictionary) -> None:
    text = "Michel Barnier met Hunter Biden in Costa Rica near Trump Tower."
    assert found(actors, text, on=D2024) == []
    # Sentence openers, weekdays and neighbouring mentions do not make a name.
    text = "Meanwhile Putin spoke. On Monday Putin spoke again. Biden, Putin and Xi met."
    assert [p for _, _, p, _ in found(actors, text, on=D2024)] == [
        "Vladimir Putin",
        "Vladimir Putin",
        "Joe Biden",
        "Vladimir Putin",
        "Xi Jinping",
    ]


def test_a_named_title_holder_other_than_the_sitting_one_is_past(actors: ActorDictionary) -> None:
    text = "In 2000 US President Bill Clinton visited Moscow."
    assert [m.text for m in actors.mentions(text, on=D2024)] == ["Moscow"]
    (m,) = [m for m in actors.mentions(text, on=D2024, include_inactive=True) if m.kind == "person"]
    assert (m.person, m.code, m.active) == ("Bill Clinton", "USA", False)
    # The sitting holder's surname with a slip in the first name is still the sitting holder.
    text = "British Prime Minister Keith Starmer visited Kyiv."
    (m,) = [m for m in actors.mentions(text, on=D2025) if m.kind == "person"]
    assert (m.code, m.active) == ("GBR", True)


def test_a_name_modifying_a_noun_is_a_demonym(actors: ActorDictionary) -> None:
    text = "Ukraine’s NATO aspirations and US aid were discussed. NATO said no. Russia rejected a US proposal."
    assert [(m.text, m.kind) for m in actors.mentions(text, on=D2025)] == [
        ("Ukraine", "country"),
        ("NATO", "demonym"),
        ("US", "demonym"),
        ("NATO", "country"),
        ("Russia", "country"),
        ("US", "country"),
    ]
    # A capital letter does not make the noun part of a name: "the United Nations Charter".
    text = "They cited the United Nations Charter."
    assert [(m.text, m.kind) for m in actors.mentions(text, on=D2025)] == [("United Nations", "demonym")]


def test_visited_places_are_places(actors: ActorDictionary) -> None:
    (moscow,) = actors.mentions("Scholz visited Moscow on Monday.", on=date(2022, 2, 15))[1:]
    assert moscow.locative


def test_the_russians_is_the_russian_side(actors: ActorDictionary) -> None:
    assert found(actors, "The Russians want guarantees; Russians abroad do not.", on=D2025) == [
        ("Russians", "RUS", None, "group"),
        ("Russians", "RUS", None, "demonym"),
    ]
