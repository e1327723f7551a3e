"""The actor dictionary: names, titles by date, groups, non-holders, coreference, user files.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backchannel.actors import ActorDictionary, ActorFileError, Mention

FIX = Path(__file__).resolve().parent / "fixtures" / "actors"
D2024 = date(2024, 6, 1)
D2025 = date(2025, 3, 1)


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


def found(actors: ActorDictionary, text: str, on: date | None = D2025, **kw) -> list[tuple[str, str, str | None, str]]:
    return [(m.text, m.code, m.person, m.kind) for m in actors.mentions(text, on=on, **kw)]


def paragraphs_of(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Sentences (split after . ! ? and a blank) and paragraphs (lines) for coreference tests."""
    paras, sents = [], []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            paras.append((pos, pos + len(line)))
            start = pos
            for m in re.finditer(r"[.!?][”\"]?(?= |$)", line):
                end = pos + m.end()
                sents.append((start, end))
                start = end + 1
            if start < pos + len(line):
                sents.append((start, pos + len(line)))
        pos += len(line) + 1
    return sents, paras


def resolved(
    actors: ActorDictionary, text: str, on: date | None = D2025, **kw
) -> list[list[tuple[str, str, str | None]]]:
    sents, paras = paragraphs_of(text)
    return [[(m.text, m.code, m.person) for m in ms] for ms in actors.resolve(text, sents, paras, on=on, **kw)]


# -- names, surnames, possessives, case ----------------------------------------------------


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


# -- metonyms, demonyms, groups, not-actors -------------------------------------------------


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


# -- titles and dates --------------------------------------------------------------------


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
        ("the Pope", None, None),
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


# -- coreference ---------------------------------------------------------------------------


def test_pronouns_resolve_within_the_paragraph_only(actors: ActorDictionary) -> None:
    text = "Putin addressed his generals. He said the troops would press on.\nHe was not named here."
    assert resolved(actors, text, on=D2024) == [
        [("Putin", "RUS", "Vladimir Putin"), ("his", "RUS", "Vladimir Putin")],
        [("He", "RUS", "Vladimir Putin")],
        [],
    ]


def test_gender_and_number_decide_the_antecedent(actors: ActorDictionary) -> None:
    text = "Lavrov spoke first and Zakharova followed. She said talks were over. Ukrainian negotiators said they disagreed."
    out = resolved(actors, text, on=D2024)
    assert out[1] == [("She", "RUS", "Maria Zakharova")]
    assert out[2] == [("Ukrainian negotiators", "UKR", None), ("they", "UKR", None)]


def test_a_speaker_in_the_same_sentence_beats_a_later_mention(actors: ActorDictionary) -> None:
    text = "Trump said he would meet the Russian leader and that he hoped for a deal."
    (sentence,) = resolved(actors, text, on=D2025)
    assert [p for t, _, p in sentence if t == "he"] == ["Donald Trump", "Donald Trump"]


def test_they_after_a_non_holder_is_dropped(actors: ActorDictionary) -> None:
    text = "Russia shelled the port. Western leaders met in Paris. They called for restraint."
    out = resolved(actors, text, on=D2024)
    assert out[2] == []


def test_places_are_no_antecedent(actors: ActorDictionary) -> None:
    text = "Ukrainian officials arrived for talks in Riyadh. They said the meeting went well."
    out = resolved(actors, text, on=D2025)
    assert out[0][-1][:2] == ("Riyadh", "SAU")
    assert out[1] == [("They", "UKR", None)]
    (riyadh,) = [m for m in actors.mentions(text, on=D2025) if m.text == "Riyadh"]
    assert riyadh.locative


def test_bare_titles_resolve_to_the_last_fitting_mention(actors: ActorDictionary) -> None:
    text = (
        "Lavrov met Putin in Moscow. The president said a truce was possible. His spokesman added details. "
        "The foreign minister disagreed. The ministry said nothing."
    )
    out = resolved(actors, text, on=D2024)
    assert out[1][0] == ("The president", "RUS", "Vladimir Putin")
    assert out[2][0] == ("His spokesman", "RUS", "Dmitry Peskov")
    assert out[3][0] == ("The foreign minister", "RUS", "Sergei Lavrov")
    assert out[4] == []  # no ministry was named before


def test_the_ministry_after_a_ministry(actors: ActorDictionary) -> None:
    text = "Russia’s defence ministry accused Kyiv. The ministry said the truce was broken."
    out = resolved(actors, text, on=D2025)
    assert out[1] == [("The ministry", "RUS", None)]


def test_anaphor_needs_its_actor_in_the_paragraph(actors: ActorDictionary) -> None:
    text = "Nato met in Brussels. The alliance said the door stays open.\nThe alliance said more."
    out = resolved(actors, text, on=D2025)
    assert ("The alliance", "NATO", None) in out[1]
    assert out[2] == []


def test_both_sides_is_one_mention_per_side(actors: ActorDictionary) -> None:
    text = "Moscow and Kyiv traded blame. Both sides said they wanted a truce."
    out = resolved(actors, text, on=D2025)
    assert sorted(c for t, c, _ in out[1] if t == "Both sides") == ["RUS", "UKR"]
    text = "Trump called Putin on Tuesday.\nThe two leaders agreed on a partial ceasefire."
    out = resolved(actors, text, on=D2025)
    assert sorted(p for _, _, p in out[1]) == ["Donald Trump", "Vladimir Putin"]


def test_first_person_in_a_quote_is_the_speaker(actors: ActorDictionary) -> None:
    text = "“We are ready for talks,” Peskov said. “Our position is known,” he added, “and I repeat it.”"
    out = resolved(actors, text, on=D2024)
    assert out[0] == [("We", "RUS", "Dmitry Peskov"), ("Peskov", "RUS", "Dmitry Peskov")]
    assert [(t, p) for t, _, p in out[1]] == [("Our", "Dmitry Peskov"), ("he", "Dmitry Peskov"), ("I", "Dmitry Peskov")]


def test_first_person_outside_quotes_needs_a_document_speaker(actors: ActorDictionary) -> None:
    text = "We are ready for a ceasefire. Our terms are known."
    assert resolved(actors, text, on=D2024) == [[], []]
    out = resolved(actors, text, on=D2024, speaker="President of Ukraine")
    assert out == [[("We", "UKR", "Volodymyr Zelensky")], [("Our", "UKR", "Volodymyr Zelensky")]]
    assert actors.speaker_of("President of Russia (en.kremlin.ru)", on=D2024).code == "RUS"


def test_carry_over_takes_only_the_previous_speaker(actors: ActorDictionary) -> None:
    text = "A truce should hold, Putin said.\n“We need to talk to our partners,” he said."
    assert resolved(actors, text, on=D2025)[1] == []
    carried = resolved(actors, text, on=D2025, carry_over=True)[1]
    assert [(t, c) for t, c, _ in carried] == [("We", "RUS"), ("our", "RUS"), ("he", "RUS")]
    text = "Officials said Putin would decide.\nHe was silent."
    assert resolved(actors, text, on=D2025, carry_over=True)[1] == []  # Putin is no speaker there


# -- lookup helpers --------------------------------------------------------------------------


def test_code_of_and_known_codes(actors: ActorDictionary) -> None:
    assert actors.code_of("the Kremlin") == "RUS"
    assert actors.code_of("RUS") == "RUS"
    assert actors.code_of("Kuleba", on=D2025) is None
    assert actors.code_of("Kuleba", on=D2024) == "UKR"
    assert actors.code_of("the U.S. president") == "USA"
    assert actors.code_of("Atlantis") is None
    assert actors.is_known_code("NATO") and actors.is_known_code("VAT")
    assert not actors.is_known_code("XXX")


def test_load_is_cached_and_digest_tracks_the_data(actors: ActorDictionary) -> None:
    assert ActorDictionary.load() is actors
    assert re.fullmatch(r"[0-9a-f]{12}", actors.digest)
    assert ActorDictionary.load([FIX / "add_alias.yaml"]).digest != actors.digest


def test_digest_depends_on_content_not_location(tmp_path: Path, actors: ActorDictionary) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    for path in (a, b):
        path.write_text("actors:\n  RUS:\n    metonyms: [Staraya Ploshchad]\n", encoding="utf-8")
    assert ActorDictionary.load([a]).digest == ActorDictionary.load([b]).digest != actors.digest


# -- user files --------------------------------------------------------------------------------


def test_user_file_adds_aliases_persons_and_metonyms() -> None:
    actors = ActorDictionary.load([FIX / "add_alias.yaml"])
    assert found(actors, "Vova and Testovich met at Staraya Ploshchad.", on=D2025) == [
        ("Vova", "RUS", "Vladimir Putin", "person"),
        ("Testovich", "RUS", "Ivan Testovich", "person"),
        ("Staraya Ploshchad", "RUS", None, "country"),
    ]
    # The bundled names still work.
    assert found(actors, "Putin spoke.", on=D2025)[0][2] == "Vladimir Putin"


def test_user_file_overrides_roles_removes_and_adds_actors() -> None:
    actors = ActorDictionary.load([str(FIX / "override.yaml")])
    assert found(actors, "Ukraine’s foreign minister spoke.", on=D2025)[0][2] == "Dmytro Kuleba"
    assert found(actors, "Sybiha spoke.", on=D2025) == []
    assert found(actors, "The Atlantean government and Atlantis agreed.", on=D2025) == [
        ("Atlantean government", "ATL", None, "group"),
        ("Atlantis", "ATL", None, "country"),
    ]


@pytest.mark.parametrize(
    ("name", "pieces"),
    [
        ("bad_unknown_code.yaml", ["bad_unknown_code.yaml:5", "'Jane Roe'", "unknown code 'RUX'"]),
        ("bad_missing_field.yaml", ["bad_missing_field.yaml:2", "'John Doe'", "missing field 'roles'"]),
        ("bad_wrong_type.yaml", ["bad_wrong_type.yaml:3", "actors entry 'RUS'", "names must be a list"]),
        ("bad_date.yaml", ["bad_date.yaml:4", "'Sam Date'", "'2025-13-40' is not a valid date"]),
        ("bad_syntax.yaml", ["bad_syntax.yaml:", "YAML syntax error"]),
        ("bad_new_code.yaml", ["bad_new_code.yaml:3", "actors entry 'Atlantis'", "unknown code"]),
        ("no_such_file.yaml", ["no_such_file.yaml", "cannot read"]),
        ("bad_duplicate.yaml", ["bad_duplicate.yaml", "line 4", "'RUS' is given twice"]),
        ("bad_removed_code.yaml", ["bad_removed_code.yaml", "persons entry 'Volodymyr Zelensky'", "'UKR' was removed"]),
    ],
)
def test_bad_user_files_name_file_entry_and_line(name: str, pieces: list[str]) -> None:
    with pytest.raises(ActorFileError) as info:
        ActorDictionary.load([FIX / name])
    message = str(info.value)
    assert "\n" not in message
    for piece in pieces:
        assert piece in message, message


def test_actor_file_error_is_a_value_error() -> None:
    assert issubclass(ActorFileError, ValueError)
    assert Mention(0, 1, "x", "RUS", None, "country", None).active


# -- the dev gold: phrasing coverage -----------------------------------------------------------


def test_gold_holders_are_found_in_their_sentences(shared_gold: list[dict], actors: ActorDictionary) -> None:
    """Most gold signals' holders are named (or resolvable) in their sentence; guards coverage."""
    from backchannel import sentences

    hit = total = 0
    for article in shared_gold:
        text = article["text"]
        on = date.fromisoformat(article["published"][:10]) if article.get("published") else None
        split = sentences.split(text)
        spans = [(s.start, s.end) for s in split.sentences]
        per = actors.resolve(
            text,
            spans,
            [(p.start, p.end) for p in split.paragraphs],
            on=on,
            speaker=article.get("outlet"),
            carry_over=True,
        )
        for signal in article.get("signals", []):
            i = text.find(signal["sentence"])
            if i < 0:
                continue
            j = i + len(signal["sentence"])
            total += 1
            codes = {m.code for span, ms in zip(spans, per, strict=True) if span[0] < j and span[1] > i for m in ms}
            hit += signal["holder"] in codes
    assert total > 250
    assert hit / total >= 0.85, f"holder named in {hit}/{total} gold sentences"


# -- names the dictionary lacks, former office holders, group nouns -----------------------------


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


def test_the_administration_needs_that_noun(actors: ActorDictionary) -> None:
    text = "The Ukrainian government asked for jets. A senator said he would help the administration."
    assert resolved(actors, text, on=D2024)[1] == []
    text = "The Trump administration sent envoys. The administration said talks would go on."
    assert resolved(actors, text, on=D2025)[1] == [("The administration", "USA", None)]


def test_the_two_leaders_are_sitting_leaders(actors: ActorDictionary) -> None:
    text = "Trump spoke with Zelenskyy while Kellogg listened. The two leaders agreed to talk again."
    out = resolved(actors, text, on=D2025)
    assert sorted(p for t, _, p in out[1] if t == "The two leaders") == ["Donald Trump", "Volodymyr Zelensky"]


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


def test_head_of_the_delegation_resolves_in_the_paragraph(actors: ActorDictionary) -> None:
    text = "The Russian delegation arrived in Istanbul. The head of the delegation said talks could start."
    out = resolved(actors, text, on=D2025)
    assert out[1] == [("The head of the delegation", "RUS", None)]


def test_he_inside_a_quote_is_not_the_speaker(actors: ActorDictionary) -> None:
    text = 'Putin "is stalling", Zelensky said in his address, "and he knows it."'
    (sentence,) = resolved(actors, text, on=D2025)
    assert [(t, p) for t, _, p in sentence if t in ("his", "he")] == [
        ("his", "Volodymyr Zelensky"),
        ("he", "Vladimir Putin"),
    ]


def test_it_is_an_actor_only_when_it_acts(actors: ActorDictionary) -> None:
    text = "Turkey said it was ready to host talks. It is clear that Ukraine is opposed to it."
    out = resolved(actors, text, on=D2025)
    assert out[0] == [("Turkey", "TUR", None), ("it", "TUR", None)]
    assert out[1] == [("Ukraine", "UKR", None)]
    text = "Russia rejected the proposal, saying it would consider other options. Moscow said its goals stand."
    out = resolved(actors, text, on=D2025)
    assert [t for t, _, _ in out[0]] == ["Russia"]  # a thing came between: "it" is the proposal
    assert out[1] == [("Moscow", "RUS", None), ("its", "RUS", None)]


def test_code_of_needs_the_whole_string_to_be_one_mention(actors: ActorDictionary) -> None:
    assert actors.code_of("Zelensky’s") == "UKR"
    assert actors.code_of("Erdogan") == "TUR"
    assert actors.code_of("Putin and Zelensky") is None
    assert actors.code_of("the Russian troops") is None
    assert actors.code_of("Russian") == "RUS"


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


def test_an_edited_user_file_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("actors:\n  RUS:\n    metonyms: [Staraya Ploshchad]\n", encoding="utf-8")
    first = ActorDictionary.load([path])
    assert ActorDictionary.load([path]) is first
    path.write_text("actors:\n  RUS:\n    metonyms: [Lubyanka Square]\n", encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    second = ActorDictionary.load([path])
    assert second is not first
    assert [m.code for m in second.mentions("Lubyanka Square said no.")] == ["RUS"]


def test_they_after_a_plural_is_every_side(actors: ActorDictionary) -> None:
    text = "Trump called Zelenskyy on Wednesday. The two leaders spoke for an hour. They agreed to meet again."
    out = resolved(actors, text, on=D2025)
    assert sorted(c for t, c, _ in out[2] if t == "They") == ["UKR", "USA"]


def test_empty_and_partial_inputs(actors: ActorDictionary) -> None:
    assert actors.mentions("") == []
    assert actors.resolve("", [], []) == []
    assert actors.mentions("Putin spoke.", 5, 5) == []
    text = "No actor here.\n\nNone here either."
    assert actors.resolve(text, [(0, 14), (16, 33)], [(0, 14), (16, 33)]) == [[], []]


def test_a_transcripts_bare_titles_belong_to_its_speaker(actors: ActorDictionary) -> None:
    text = "The President spoke with allies. The Defence Ministry will report."
    assert resolved(actors, text, on=D2024) == [[], []]
    out = resolved(actors, text, on=D2024, speaker="The White House")
    assert out == [[("The President", "USA", "Joe Biden")], [("The Defence Ministry", "USA", None)]]


def test_a_named_title_holder_other_than_the_sitting_one_is_past(actors: ActorDictionary) -> None:
    text = "In 2000 US President Bill Clinton visited Moscow."
    assert [m.text for m in actors.mentions(text, on=D2024)] == ["Moscow"]
    (m,) = [m for m in actors.mentions(text, on=D2024, include_inactive=True) if m.kind == "person"]
    assert (m.person, m.code, m.active) == ("Bill Clinton", "USA", False)


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


def test_visited_places_are_places(actors: ActorDictionary) -> None:
    (moscow,) = actors.mentions("Scholz visited Moscow on Monday.", on=date(2022, 2, 15))[1:]
    assert moscow.locative


def test_it_after_a_speaking_minister_is_the_ministers_country(actors: ActorDictionary) -> None:
    text = (
        "Moscow declared a truce. The Turkish foreign minister said corridors must open and that it was working on it."
    )
    out = resolved(actors, text, on=date(2022, 3, 5))
    assert ("it", "TUR", None) in out[1]


def test_they_after_x_and_y_is_both(actors: ActorDictionary) -> None:
    text = "Kyiv and Moscow agreed to halt strikes, but since then they have accused each other of violations."
    (sentence,) = resolved(actors, text, on=D2025)
    assert sorted(c for t, c, _ in sentence if t == "they") == ["RUS", "UKR"]
    text = "Trump met Putin. Ukrainian officials said they were not consulted."
    out = resolved(actors, text, on=D2025)
    assert [c for t, c, _ in out[1] if t == "they"] == ["UKR"]


def test_transcript_labels_in_capitals(actors: ActorDictionary) -> None:
    assert found(actors, "PRESIDENT ZELENSKYY: Thank you.", on=D2024) == [
        ("PRESIDENT ZELENSKYY", "UKR", "Volodymyr Zelensky", "person")
    ]
    assert found(actors, "MR. SULLIVAN: Good afternoon.", on=D2024)[0][2] == "Jake Sullivan"
    out = resolved(actors, "THE PRESIDENT: We will help.", on=D2024, speaker="The White House")
    assert out[0][0] == ("THE PRESIDENT", "USA", "Joe Biden")


def test_the_russians_is_the_russian_side(actors: ActorDictionary) -> None:
    assert found(actors, "The Russians want guarantees; Russians abroad do not.", on=D2025) == [
        ("Russians", "RUS", None, "group"),
        ("Russians", "RUS", None, "demonym"),
    ]
