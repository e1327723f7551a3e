"""Issue detection: terms, their variants, the object deciding, circumstances, context terms."""

from __future__ import annotations

import pytest


def test_cease_fire_spellings(by_key, signals_of) -> None:
    for word in ("cease-fire", "ceasefire", "cease fire", "truce", "armistice"):
        sigs = signals_of(f"The Kremlin said it was ready for a {word} in the south.")
        assert ("RUS", "ceasefire") in by_key(sigs), word


def test_talks_are_negotiations(by_key, signals_of) -> None:
    sigs = signals_of("Kyiv said it was ready for talks with Moscow in Geneva.")
    assert set(by_key(sigs)) == {("UKR", "negotiations")}


def test_the_object_of_the_talks_decides(by_key, signals_of) -> None:
    sigs = signals_of("The Kremlin said it was willing to negotiate a cease-fire with Kyiv.")
    assert set(by_key(sigs)) == {("RUS", "ceasefire")}


def test_nato_membership(by_key, signals_of) -> None:
    sigs = signals_of("Ukraine's foreign minister said Kyiv wants to join NATO as soon as possible.")
    assert by_key(sigs)[("UKR", "nato_membership")].stance == "open"


def test_talks_as_a_circumstance_are_no_topic(by_key, signals_of) -> None:
    sigs = signals_of("After talks with the United States, Ukraine agreed to a thirty-day truce.")
    assert ("UKR", "ceasefire") in by_key(sigs)
    assert not [s for s in sigs if s.issue == "negotiations"]


def test_a_mention_without_a_position_is_no_signal(signals_of) -> None:
    assert signals_of("Putin discussed the war with his generals. Talks are scheduled for May.") == []


def test_context_terms_need_the_issue_as_topic(by_key, signals_of) -> None:
    assert signals_of("The minister rejected the offer on Friday.") == []
    text = "Russia proposed a truce over the holidays on Monday.\n\nOn Tuesday, Kyiv rejected the offer."
    sigs = signals_of(text)
    assert ("UKR", "ceasefire") in by_key(sigs)
    assert by_key(sigs)[("UKR", "ceasefire")].stance == "opposed"


def test_page_debris_and_headings_are_skipped(signals_of) -> None:
    text = "Putin open to a truce\n\nAlso Read: Kremlin ready for a truce, aides say\n\nThe weather was cold."
    assert signals_of(text) == []


def test_questions_state_no_position(signals_of) -> None:
    assert signals_of("Is the Kremlin ready for a truce?") == []


def test_the_title_repeated_in_the_text_is_no_body(lexicon) -> None:
    from backchannel.records import Article
    from backchannel.signals import extract

    text = "Kremlin says it is ready for talks with Kyiv.\n\nThe weather in Moscow was cold."
    article = Article(id="t", text=text, title="Kremlin says it is ready for talks with Kyiv")
    assert extract(article, lexicon=lexicon) == []
    assert extract(Article(id="t", text=text), lexicon=lexicon) != []


@pytest.mark.parametrize(
    "text",
    [
        "Zelensky urged the allies at the summit to invite Ukraine into the alliance this year.",
        "Zelensky called for an invitation to NATO at the summit.",
    ],
)
def test_an_invitation_into_the_alliance_is_membership(by_key, signals_of, text: str) -> None:
    assert by_key(signals_of(text))[("UKR", "nato_membership")].stance == "open"


def test_shelter_under_the_alliance_is_membership(by_key, signals_of) -> None:
    text = "Zelensky asked that the western regions be brought under the alliance's umbrella at once."
    assert by_key(signals_of(text))[("UKR", "nato_membership")].stance == "open"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Kuleba said Ukraine wanted a meeting of the two presidents.", ("UKR", "negotiations")),
        ("Lavrov said any settlement must exclude foreign troops on Ukrainian soil.", ("RUS", "ceasefire")),
        ("Sybiha said Kyiv would reject a freeze that rewarded the invader.", ("UKR", "ceasefire")),
    ],
)
def test_a_presidents_meeting_a_settlement_and_a_freeze(by_key, signals_of, text: str, key: tuple[str, str]) -> None:
    assert key in by_key(signals_of(text))


def test_a_village_settlement_is_no_issue(signals_of) -> None:
    assert signals_of("Russian forces said they had captured the settlement of Pervomaiske.") == []


def test_a_meaningful_discussion_is_talks(by_key, signals_of) -> None:
    s = by_key(signals_of("Peskov said the Kremlin was ready for a serious discussion with the American side."))
    assert s[("RUS", "negotiations")].stance == "open"


def test_through_intermediaries_is_a_channel_not_talks(by_key, signals_of) -> None:
    sigs = by_key(signals_of("The Kremlin told Washington through intermediaries that it was open to a truce."))
    assert ("RUS", "ceasefire") in sigs
    assert ("RUS", "negotiations") not in sigs
    assert sigs[("RUS", "ceasefire")].channel == "private"


def test_acting_as_an_intermediary_is_talks(by_key, signals_of) -> None:
    sigs = by_key(signals_of("Erdogan said Turkey was ready to act as an intermediary between Moscow and Kyiv."))
    assert sigs[("TUR", "negotiations")].stance == "open"


def test_discussing_with_the_other_side_is_talks(by_key, signals_of) -> None:
    s = by_key(signals_of("Britain said it was ready to discuss the plan with Moscow next week."))
    assert s[("GBR", "negotiations")].stance == "open"


def test_a_discussion_without_a_position_is_no_signal(signals_of) -> None:
    assert signals_of("Britain discussed the plan with Moscow on Monday.") == []


@pytest.mark.parametrize(
    "text",
    [
        "A senior Kyiv official said nothing about Ukraine could be agreed without Ukraine.",
        "Kyiv's envoy repeated that nothing about Ukraine will be settled without Kyiv.",
    ],
)
def test_nothing_about_ukraine_without_ukraine_with_words_between_is_conditional_talks(
    by_key, signals_of, text: str
) -> None:
    assert by_key(signals_of(text))[("UKR", "negotiations")].stance == "conditional"


def test_ideas_for_a_settlement_are_about_settling_the_war(by_key, signals_of) -> None:
    s = by_key(signals_of("The Kremlin said it rejected the American ideas for a settlement."))
    assert s[("RUS", "ceasefire")].stance == "opposed"


def test_a_settlement_of_houses_is_no_issue(signals_of) -> None:
    assert signals_of("Moscow said it was ready to rebuild the settlement of Kupiansk by spring.") == []


def test_observing_the_pause_is_the_truce(by_key, signals_of) -> None:
    s = by_key(signals_of("Moscow said it would observe the pause along the whole front for three days."))
    assert s[("RUS", "ceasefire")].stance == "open"


def test_ending_the_war_with_words_between_is_the_truce(by_key, signals_of) -> None:
    s = by_key(signals_of("Erdogan said Turkey was ready to help end the nearly four-year war."))
    assert s[("TUR", "ceasefire")].stance == "open"


def test_talks_to_achieve_a_truce_are_about_the_truce(by_key, signals_of) -> None:
    text = "Turkey said it would keep hosting negotiations between the two sides to achieve a lasting truce."
    assert set(by_key(signals_of(text))) == {("TUR", "ceasefire")}


def test_a_meeting_as_the_occasion_is_no_topic(signals_of) -> None:
    text = (
        "Moscow said it was ready for talks with Kyiv in May.\n\n"
        "At the start of a meeting with Scholz, Trump said he hoped the weather in Washington would hold."
    )
    assert [s.holder for s in signals_of(text)] == ["RUS"]


def test_a_term_about_another_conflict_is_no_topic(signals_of) -> None:
    text = "Moscow said it backed a lasting peace between Armenia and Azerbaijan."
    assert signals_of(text) == []


def test_a_term_about_this_war_near_another_conflict_stays(by_key, signals_of) -> None:
    text = "After talks on Gaza, Moscow said it backed a lasting peace in Ukraine."
    assert ("RUS", "ceasefire") in by_key(signals_of(text))


def test_hosting_a_summit_on_something_else_is_no_talks(signals_of) -> None:
    assert signals_of("Kazakhstan said it was proud to host the BRICS summit in the autumn.") == []


def test_fighting_until_the_occupiers_leave_is_against_a_halt(by_key, signals_of) -> None:
    s = by_key(signals_of("Zelensky said Ukraine would keep resisting until the occupiers leave its land."))
    assert s[("UKR", "ceasefire")].stance == "opposed"


def test_evacuating_the_wounded_is_a_humanitarian_halt(by_key, signals_of) -> None:
    s = by_key(signals_of("Kyiv said it was doing everything to evacuate the wounded from the plant."))
    assert s[("UKR", "ceasefire")].stance == "open"


def test_peace_as_one_s_own_aim_is_readiness_for_it(by_key, signals_of) -> None:
    s = by_key(signals_of("Erdogan said Turkey's aim was clear: peace, and soon."))
    assert s[("TUR", "ceasefire")].stance == "open"


def test_a_report_that_talks_took_place_is_no_position(signals_of) -> None:
    assert signals_of("Teams from Ankara and Kyiv met in Geneva on Monday to negotiate terms for a truce.") == []
    assert (
        signals_of("Turkish and Ukrainian envoys have met for weeks in a bid to settle a deal that ends the war.") == []
    )


def test_a_position_stated_at_a_meeting_still_counts(by_key, signals_of) -> None:
    text = "Turkey's foreign minister met Lavrov in Antalya and said Ankara was ready to host new talks."
    assert ("TUR", "negotiations") in by_key(signals_of(text))


def test_still_working_with_the_other_side_is_talks(by_key, signals_of) -> None:
    s = by_key(signals_of('Kyiv says it is still "working with the Americans" on the next round.'))
    assert s[("UKR", "negotiations")].stance == "open"


def test_a_moratorium_on_penalties_is_no_truce(signals_of) -> None:
    assert (
        signals_of("Putin said the moratorium on tax penalties had to end, and he asked the government to end it.")
        == []
    )


def test_a_moratorium_on_strikes_is_a_truce(by_key, signals_of) -> None:
    s = by_key(signals_of("Kyiv said it would respect a moratorium on strikes against energy sites."))
    assert s[("UKR", "ceasefire")].stance == "open"


def test_waiting_for_the_other_leader_somewhere_is_readiness_to_meet(by_key, signals_of) -> None:
    s = by_key(signals_of("Erdogan said he would wait for Putin in Ankara next week."))
    assert s[("TUR", "negotiations")].stance == "open"


def test_speaking_to_a_leader_to_discuss_a_truce_is_about_the_truce(by_key, signals_of) -> None:
    text = "Erdogan hopes to phone Putin at the weekend to discuss a ceasefire."
    assert set(by_key(signals_of(text))) == {("TUR", "ceasefire")}


def test_ready_to_work_with_the_other_side_is_talks(by_key, signals_of) -> None:
    s = by_key(signals_of("Lukashenko said he was also ready to work with Europe."))
    assert s[("BLR", "negotiations")].stance == "open"


def test_those_proposals_refer_back_to_the_plan(signals_at) -> None:
    text = (
        "Question: What about the American plan?\n\n"
        "Sergei Lavrov: Washington sent us a peace plan and asked us for flexibility. "
        "We accept those proposals and can show the flexibility asked of us."
    )
    second = signals_at(text, "We accept")
    assert [(s.holder, s.issue, s.stance) for s in second] == [("RUS", "ceasefire", "open")]


def test_in_these_conditions_is_circumstance_not_the_terms(signals_of) -> None:
    text = "Kyiv said it was ready for a truce. We thank all partners who visit our capital in these conditions."
    assert [s.sentence for s in signals_of(text)] == ["Kyiv said it was ready for a truce."]


def test_words_after_a_glued_video_caption_are_body_text(by_key, signals_of) -> None:
    text = (
        "Putin spoke on Friday. 12:05 'We had to run': families leave the city – video "
        "But Kyiv said it was ready to negotiate with Moscow."
    )
    sigs = by_key(signals_of(text))
    assert sigs[("UKR", "negotiations")].sentence == "But Kyiv said it was ready to negotiate with Moscow."


def test_a_caption_alone_is_still_debris(signals_of) -> None:
    assert signals_of("12:05 Kyiv said it was ready to negotiate with Moscow – video") == []


def test_the_energy_and_maritime_agreements_are_partial_truces(by_key, signals_of) -> None:
    sigs = by_key(signals_of("Kyiv said it would honour the energy and maritime agreements."))
    assert sigs[("UKR", "ceasefire")].stance == "open"


def test_good_offices_with_a_view_to_a_truce_are_about_the_truce(by_key, signals_of) -> None:
    text = (
        "Kyiv welcomes the good offices of neutral states with a view to supporting the "
        "implementation of the energy truce."
    )
    assert set(by_key(signals_of(text))) == {("UKR", "ceasefire")}


def test_conflicts_in_general_are_no_topic(signals_of) -> None:
    text = "Analysts say that settling terms before a ceasefire in conflicts is important for both sides."
    assert signals_of(text) == []


def test_a_cue_about_peace_in_another_clause_says_nothing_of_the_talks(by_key, signals_of) -> None:
    sigs = by_key(
        signals_of("Zelensky said another round of negotiations is coming, because Ukraine is looking for peace.")
    )
    assert ("UKR", "ceasefire") in sigs
    assert ("UKR", "negotiations") not in sigs
    # The same when the cue sits in another conjunct, however close.
    sigs = by_key(signals_of("The Kremlin has shown quiet diplomacy and a renewed interest in a cease-fire."))
    assert set(sigs) == {("RUS", "ceasefire")}


def test_a_call_to_halt_and_return_to_the_table_covers_both(by_key, signals_of) -> None:
    sigs = by_key(signals_of("Putin called on Kyiv to halt hostilities and return to the negotiating table."))
    assert {("RUS", "ceasefire"), ("RUS", "negotiations")} <= set(sigs)


def test_a_peace_treaty_is_the_truce_but_not_one_with_japan(by_key, signals_of) -> None:
    assert ("RUS", "ceasefire") in by_key(signals_of("Lavrov said Moscow was ready to sign a peace treaty with Kyiv."))
    assert signals_of("Lavrov said Moscow was ready to sign a peace treaty with Japan over the Kuril Islands.") == []


def test_a_side_s_negotiators_named_as_its_actor_are_no_talks(by_key, signals_of) -> None:
    text = "Ukrainian negotiators compared the guarantees they want to those of an alliance treaty."
    assert ("UKR", "negotiations") not in by_key(signals_of(text))
    text = "Russia told the Qatari mediators that it would no longer take part."
    assert by_key(signals_of(text))[("RUS", "negotiations")].stance == "opposed"


def test_ordering_the_forces_to_advance_refuses_a_halt(by_key, signals_of) -> None:
    sigs = by_key(
        signals_of("The defence ministry in Moscow said it was ordering all units to advance on every front.")
    )
    assert sigs[("RUS", "ceasefire")].stance == "opposed"


def test_trying_to_save_people_from_a_besieged_city_is_a_humanitarian_halt(by_key, signals_of) -> None:
    sigs = by_key(signals_of("Zelensky said: We do not stop trying to save our people from the besieged plant."))
    assert sigs[("UKR", "ceasefire")].stance == "open"


def test_a_stance_verb_on_it_while_the_issue_is_the_topic(by_key, signals_of) -> None:
    text = "Washington proposed a truce to Moscow. Kyiv has not given consent, as Ukraine is opposed to it."
    assert by_key(signals_of(text))[("UKR", "ceasefire")].stance == "opposed"
    assert signals_of("Ukraine is opposed to it.") == []


def test_refusing_a_pause_the_other_side_would_use_is_opposed(by_key, signals_of) -> None:
    text = "Zelensky said Kyiv would not let Russia use a pause to rebuild its forces, as the 2015 deal that froze the fighting did."
    assert by_key(signals_of(text))[("UKR", "ceasefire")].stance == "opposed"


def test_breaking_its_word_on_the_deal_is_a_breach_claim(by_key, signals_of) -> None:
    text = (
        "Moscow and Kyiv signed a grain corridor deal on Friday. On Saturday Kyiv accused Moscow of breaking its word."
    )
    sig = by_key(signals_of(text))[("RUS", "ceasefire")]
    assert (sig.stance, sig.source) == ("opposed", "third_party")


def test_the_memorandum_refers_back_to_the_truce(by_key, signals_of) -> None:
    text = "Moscow handed Kyiv terms for a cease-fire. Kyiv rejected the memorandum the next day."
    assert by_key(signals_of(text))[("UKR", "ceasefire")].stance == "opposed"


def test_negotiations_toward_a_lasting_peace_are_peace_talks(by_key, signals_of) -> None:
    # SIGNALS.md: "peace talks" is negotiations; talks on a truce are about the truce.
    sigs = by_key(signals_of("Kyiv and Washington agreed to open negotiations toward a just and lasting peace."))
    assert set(sigs) == {("UKR", "negotiations"), ("USA", "negotiations")}
    sigs = by_key(signals_of("Kyiv and Washington agreed to open negotiations on a ceasefire."))
    assert set(sigs) == {("UKR", "ceasefire"), ("USA", "ceasefire")}


def test_the_frame_of_the_peace_process_is_not_what_is_at_stake(by_key, signals_of) -> None:
    text = "Putin proposed that, as part of the peace process, Kyiv be put under a temporary UN administration."
    assert set(by_key(signals_of(text))) == {("RUS", "ceasefire")}


def test_talks_about_it_after_a_truce_sentence_are_about_the_truce(signals_of) -> None:
    text = (
        "Putin said Russia agreed with the truce proposal.\n"
        "“But there are issues that we need to settle, and we must talk about it with the Americans "
        "and maybe phone President Trump as well,” he added."
    )
    sigs = [s for s in signals_of(text) if s.sentence.startswith("“But")]
    assert [(s.holder, s.issue, s.stance) for s in sigs] == [("RUS", "ceasefire", "conditional")]
    # After a sentence on the talks themselves, the same words are about the talks.
    text = (
        "Putin said Russia would send a delegation to Istanbul.\n"
        "“We need to talk about it with the Americans and maybe hold a call with President Trump,” he added."
    )
    sigs = [s for s in signals_of(text) if s.sentence.startswith("“We")]
    assert [(s.holder, s.issue) for s in sigs] == [("RUS", "negotiations")]
    # "talks this week" or "the talks that follow" have no pronoun object: still the talks.
    text = "Putin said Russia agreed with the truce proposal.\nHe said he was ready for talks this week in Riyadh."
    sigs = [s for s in signals_of(text) if s.sentence.startswith("He said")]
    assert [(s.holder, s.issue) for s in sigs] == [("RUS", "negotiations")]
