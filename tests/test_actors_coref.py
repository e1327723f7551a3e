"""Coreference of the actor dictionary: pronouns, bare titles, plurals, quotes, speakers.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from backchannel.actors import ActorDictionary

D2024 = date(2024, 6, 1)
D2025 = date(2025, 3, 1)


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


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
    text = "Trump said he would see the Kremlin chief and that he hoped for a deal."
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


def test_both_sides_in_a_new_paragraph_are_the_war_s_sides(actors: ActorDictionary) -> None:
    text = (
        "Moscow and Kyiv each signed a grain deal with Ankara and the United Nations.\n\n"
        "Under the deal, both sides promised to spare the ports."
    )
    out = resolved(actors, text, on=D2025)
    assert sorted(c for t, c, _ in out[1] if t == "both sides") == ["RUS", "UKR"]
    # A pair named together in the paragraph still comes first.
    text = "Washington and Kyiv met in Jeddah. Both sides agreed on a proposal for Moscow."
    out = resolved(actors, text, on=D2025)
    assert sorted(c for t, c, _ in out[1] if t == "Both sides") == ["UKR", "USA"]


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


def test_the_administration_needs_that_noun(actors: ActorDictionary) -> None:
    text = "The Ukrainian government asked for jets. A senator said he would help the administration."
    assert resolved(actors, text, on=D2024)[1] == []
    text = "The Trump administration sent envoys. The administration said talks would go on."
    assert resolved(actors, text, on=D2025)[1] == [("The administration", "USA", None)]


def test_the_two_leaders_are_sitting_leaders(actors: ActorDictionary) -> None:
    text = "Trump spoke with Zelenskyy while Kellogg listened. The two leaders agreed to talk again."
    out = resolved(actors, text, on=D2025)
    assert sorted(p for t, _, p in out[1] if t == "The two leaders") == ["Donald Trump", "Volodymyr Zelensky"]


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


def test_they_after_a_plural_is_every_side(actors: ActorDictionary) -> None:
    text = "Trump called Zelenskyy on Wednesday. The two leaders spoke for an hour. They agreed to meet again."
    out = resolved(actors, text, on=D2025)
    assert sorted(c for t, c, _ in out[2] if t == "They") == ["UKR", "USA"]


def test_a_transcripts_bare_titles_belong_to_its_speaker(actors: ActorDictionary) -> None:
    text = "The President spoke with allies. The Defence Ministry will report."
    assert resolved(actors, text, on=D2024) == [[], []]
    out = resolved(actors, text, on=D2024, speaker="The White House")
    assert out == [[("The President", "USA", "Joe Biden")], [("The Defence Ministry", "USA", None)]]


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
    (label,) = actors.mentions("PRESIDENT ZELENSKYY: Thank you.", on=D2024)
    assert (label.text, label.code, label.person, label.kind) == (
        "PRESIDENT ZELENSKYY",
        "UKR",
        "Volodymyr Zelensky",
        "person",
    )
    assert actors.mentions("MR. SULLIVAN: Good afternoon.", on=D2024)[0].person == "Jake Sullivan"
    out = resolved(actors, "THE PRESIDENT: We will help.", on=D2024, speaker="The White House")
    assert out[0][0] == ("THE PRESIDENT", "USA", "Joe Biden")


def test_it_acts_past_an_adverb(actors: ActorDictionary) -> None:
    text = "Turkey hosted the talks. It has repeatedly offered to mediate again."
    out = resolved(actors, text, on=D2025)
    assert ("It", "TUR") in [(t, c) for t, c, _ in out[1]]


def test_the_council_refers_back_to_the_security_council_named(actors: ActorDictionary) -> None:
    text = "A ruling by Ukraine's national security council took force.\n\nThe council ruled out talks with Putin."
    out = resolved(actors, text, on=D2025, carry_over=True)
    assert ("The council", "UKR") in [(t, c) for t, c, _ in out[1]]


def test_our_partners_are_the_list_named_before_in_the_paragraph(actors: ActorDictionary) -> None:
    text = (
        "We briefed our partners at length, including Brazil, India, the People's Republic of China "
        "and South Africa. Our partners, every one of them, backed the plan."
    )
    out = resolved(actors, text, on=D2025)
    assert sorted(c for t, c, _ in out[1] if t == "partners") == ["BRA", "CHN", "IND", "ZAF"]
    # Only the speaker's own partners, and only with a list of three or more in the paragraph.
    for text in (
        "Brazil, India and China met in Delhi. Their partners backed the plan.",
        "Brazil and India met in Delhi. Our partners backed the plan.",
        "Brazil, India and China met in Delhi.\nOur partners backed the plan.",
    ):
        assert not any(t == "partners" for t, _, _ in resolved(actors, text, on=D2025)[-1]), text
    text = "Hungary, Slovakia and Austria met in Vienna. These countries backed the plan."
    out = resolved(actors, text, on=D2025)
    assert sorted(c for t, c, _ in out[1] if t == "These countries") == ["AUT", "HUN", "SVK"]
