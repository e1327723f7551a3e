"""Holder selection: subject of the stance, both sides, calls, coreference, non-holders."""

from __future__ import annotations

from datetime import date

import pytest

from backchannel.signals.holders import Actorish, subject_before


def test_both_sides_is_one_record_per_side(by_key, signals_of) -> None:
    text = "Russia and Ukraine met in Istanbul. Both sides agreed to a prisoner exchange and a truce around the plant."
    keys = set(by_key(signals_of(text)))
    assert {("RUS", "ceasefire"), ("UKR", "ceasefire")} <= keys


def test_coordinated_subjects(by_key, signals_of) -> None:
    keys = set(by_key(signals_of("The United States and Ukraine agreed on a thirty-day truce.")))
    assert keys == {("USA", "ceasefire"), ("UKR", "ceasefire")}


def test_the_caller_holds_a_call_not_its_addressees(by_key, signals_of) -> None:
    keys = set(by_key(signals_of("China called on Russia and Ukraine to agree to a cease-fire.")))
    assert keys == {("CHN", "ceasefire")}


def test_pronoun_after_a_named_leader(by_key, signals_of) -> None:
    text = "Vladimir Putin spoke to his generals on Monday. He said Russia would never accept a truce."
    s = by_key(signals_of(text))[("RUS", "ceasefire")]
    assert s.stance == "opposed"


def test_we_in_a_quote_is_the_speaker(by_key, signals_of) -> None:
    sigs = signals_of('"We are ready for talks at any time," Zelensky said.')
    assert set(by_key(sigs)) == {("UKR", "negotiations")}


def test_first_person_in_an_official_text_is_its_voice(by_key, signals_of) -> None:
    sigs = signals_of("We remain ready for negotiations.", outlet="President of Russia (en.kremlin.ru)")
    s = by_key(sigs)[("RUS", "negotiations")]
    assert (s.source, s.channel) == ("holder", "public")


def test_the_west_is_no_holder(signals_of) -> None:
    assert signals_of("Western leaders called for a cease-fire.") == []


def test_proposal_author_is_open(by_key, signals_of) -> None:
    sigs = by_key(signals_of("The Kremlin rejected the truce proposal put forward by the United States."))
    assert sigs[("RUS", "ceasefire")].stance == "opposed"
    assert sigs[("USA", "ceasefire")].stance == "open"


def test_a_demand_on_the_other_side_is_the_speaker_s_position(by_key, signals_of) -> None:
    s = by_key(signals_of("Lavrov said Ukraine must withdraw its troops before any truce."))
    assert ("RUS", "ceasefire") in s and ("UKR", "ceasefire") not in s


def test_continuation_in_the_holder_s_voice(signals_of) -> None:
    text = "Vladimir Putin: We are ready to consider a truce over the holidays. We will not rule such a step out."
    sigs = signals_of(text)
    assert len([s for s in sigs if s.holder == "RUS"]) == 2


def test_states_inside_a_country_name_is_no_reporting_verb(by_key, signals_of) -> None:
    # "United States" holds the word "states"; it must not become the verb whose content follows it.
    text = "Antony Blinken, the U.S. secretary of state, said the United States backed a truce that respected Ukraine's borders."
    keys = set(by_key(signals_of(text, published=date(2023, 5, 2))))
    assert ("USA", "ceasefire") in keys
    assert ("UKR", "ceasefire") not in keys


def test_a_relative_that_does_not_move_the_reported_content(by_key, signals_of) -> None:
    # "said Germany backed a truce that ...": the content starts after "said", not after the relative "that".
    keys = set(by_key(signals_of("Scholz said Germany backed a truce that Kyiv could accept.")))
    assert keys == {("DEU", "ceasefire")}


def test_a_turn_that_names_no_one_is_its_speaker_s_position(by_key, signals_of) -> None:
    text = (
        "Question: What about the proposal to stop strikes on power plants?\n\n"
        "Vladimir Putin: The idea of a pause in strikes on power plants deserves careful study. "
        "Regarding the moratorium on strikes against ports, it requires a detailed examination."
    )
    sigs = [s for s in signals_of(text) if s.issue == "ceasefire"]
    assert {s.holder for s in sigs} == {"RUS"}
    assert any(s.sentence.startswith("Regarding the moratorium") for s in sigs)


def test_a_news_sentence_that_names_no_one_has_no_holder(signals_of) -> None:
    assert signals_of("Regarding the moratorium on strikes against ports, it requires a detailed examination.") == []


def test_this_in_the_same_turn_carries_the_topic(signals_at) -> None:
    text = (
        "Question: Will you accept the truce?\n\n"
        "Vladimir Putin: We are ready to consider a thirty-day truce. This question deserves careful study."
    )
    sigs = signals_at(text, "This question")
    assert [(s.holder, s.issue) for s in sigs] == [("RUS", "ceasefire")]


def test_an_accusation_in_a_second_clause_is_a_claim_about_the_accused(by_key, signals_of) -> None:
    text = "Zelensky said Kyiv supported an energy truce, but he accused Russia of shelling a grain port hours later."
    sigs = by_key(signals_of(text))
    assert sigs[("UKR", "ceasefire")].stance == "open"
    accused = sigs[("RUS", "ceasefire")]
    assert (accused.stance, accused.source) == ("opposed", "third_party")


def test_an_accusation_that_names_no_breach_is_no_claim_about_the_truce(by_key, signals_of) -> None:
    text = "Erdogan said Turkey supported an energy truce, but he accused Russia of war crimes in the south."
    assert ("RUS", "ceasefire") not in by_key(signals_of(text))


def test_terms_the_speaker_sets_for_the_other_side_are_the_speaker_s(by_key, signals_of) -> None:
    text = "Sybiha said Moscow could have a truce within days if it pulled its forces back to the border."
    sigs = by_key(signals_of(text))
    assert sigs[("UKR", "ceasefire")].stance == "conditional"
    assert ("RUS", "ceasefire") not in sigs


def test_a_permission_without_terms_stays_with_its_subject(by_key, signals_of) -> None:
    sigs = by_key(signals_of("Sybiha said Moscow could accept a truce within days."))
    assert ("RUS", "ceasefire") in sigs


def test_the_parties_an_agreement_was_reached_with_agreed_too(by_key, signals_of) -> None:
    text = "Turkey said it had signed a deal with Russia and Ukraine on a truce in the grain ports."
    assert {("TUR", "ceasefire"), ("RUS", "ceasefire"), ("UKR", "ceasefire")} <= set(by_key(signals_of(text)))


def test_a_truce_with_someone_is_not_their_acceptance(by_key, signals_of) -> None:
    keys = set(by_key(signals_of("Moscow said it would accept a truce with Ukraine only after a new vote in Kyiv.")))
    assert ("UKR", "ceasefire") not in keys


def test_an_offer_to_make_a_deal_with_someone_binds_only_the_offerer(by_key, signals_of) -> None:
    keys = set(by_key(signals_of("Peskov said Moscow was prepared to make a deal with Washington soon.")))
    assert ("RUS", "ceasefire") in keys
    assert ("USA", "ceasefire") not in keys


@pytest.mark.parametrize("verb", ["Addressing", "Telling", "Thanking"])
def test_leaders_as_the_audience_are_not_both_sides(by_key, signals_of, verb: str) -> None:
    text = (
        "Zelensky flew to the summit in Oslo. "
        f"{verb} the leaders, with Russia's envoy, Ivan Petrov, in the hall, he said the time had come to end the war."
    )
    s = by_key(signals_of(text))
    assert ("UKR", "ceasefire") in s
    assert ("RUS", "ceasefire") not in s


def test_telling_an_audience_reports_the_speaker_s_demand(by_key, signals_of) -> None:
    s = by_key(
        signals_of(
            "Zelensky spoke on Friday, telling reporters that Russia must withdraw all of its forces before any truce."
        )
    )
    assert s[("UKR", "ceasefire")].stance == "conditional"
    assert s[("UKR", "ceasefire")].source == "holder"
    assert ("RUS", "ceasefire") not in s


def test_a_quote_that_goes_on_with_terms_keeps_the_speaker_s_issue(by_key, signals_of) -> None:
    text = (
        "“We would accept a truce in the spring,” Lavrov told reporters. "
        "“But only with the original causes of the crisis addressed,” he added."
    )
    sigs = [s for s in signals_of(text) if s.holder == "RUS" and s.issue == "ceasefire"]
    assert [s.stance for s in sigs] == ["open", "conditional"]


def test_an_article_sentence_with_terms_does_not_go_on_with_the_quote(signals_of) -> None:
    text = (
        "“We would accept a truce in the spring,” Lavrov told reporters. "
        "Analysts said the original causes of the crisis were still debated."
    )
    assert len(signals_of(text)) == 1


def test_a_pair_named_after_both_countries_is_not_who_they_are(signals_at) -> None:
    text = (
        "Negotiators from Russia and Ukraine met in Riyadh on Monday. "
        "The White House said both countries had agreed to a ban on strikes on energy sites that Putin and Trump discussed."
    )
    second = signals_at(text, "The White House")
    assert {s.holder for s in second} == {"RUS", "UKR"}


def test_the_leaders_after_a_call_are_the_two_who_spoke(signals_at) -> None:
    text = (
        "President Macron spoke with President Zelensky of Ukraine on Monday. "
        "He said Russia had struck Odesa again and Moscow had to be answered. "
        "The leaders agreed that a truce must respect Ukraine's borders."
    )
    last = signals_at(text, "The leaders")
    assert {s.holder for s in last} == {"FRA", "UKR"}


def test_the_owner_of_a_stance_noun_with_words_between_holds_it(by_key, signals_of) -> None:
    s = by_key(signals_of("The Kremlin spokesman pointed to Kyiv's de facto refusal of any truce."))
    assert s[("UKR", "ceasefire")].stance == "opposed"
    assert ("RUS", "ceasefire") not in s


def test_sides_blaming_each_other_is_a_claim_about_each(by_key, signals_of) -> None:
    text = "Moscow and Kyiv agreed to a pause in Kherson. Within hours the truce broke down, and the two sides blamed each other."
    last = {(s.holder, s.stance, s.source) for s in signals_of(text) if s.sentence.startswith("Within")}
    assert last == {("RUS", "opposed", "third_party"), ("UKR", "opposed", "third_party")}


def test_a_quote_naming_the_issue_sets_the_topic_for_the_speaker_s_next_words(by_key, signals_of) -> None:
    text = (
        'Erdogan told reporters: "A truce over the holidays would help the civilians.\n\n'
        '"We are in favour of it, and we will work for it."'
    )
    sigs = [s for s in signals_of(text) if s.holder == "TUR"]
    assert [(s.issue, s.stance) for s in sigs] == [("ceasefire", "open")]
    assert sigs[0].sentence.startswith('"We are in favour')


def test_the_one_offered_something_is_no_holder(by_key, signals_of) -> None:
    text = "Analysts said Kyiv may need to offer Moscow a guarantee of neutrality in any talks."
    assert ("RUS", "nato_membership") not in by_key(signals_of(text))


def test_a_possessive_in_the_first_clause_is_not_the_second_clause_s_subject(by_key, signals_of) -> None:
    text = "Erdogan said Turkey would match Greece's offer, and proposed extending the truce to a month."
    assert ("TUR", "ceasefire") in by_key(signals_of(text))


def test_a_topic_does_not_carry_through_a_long_speech(signals_of) -> None:
    text = (
        "Vladimir Putin: We are ready for talks with Kyiv. "
        "Now about the economy. Wages grew last year. The budget is balanced. "
        "We will continue to support this programme."
    )
    assert [s.sentence for s in signals_of(text, outlet="President of Russia")] == [
        "Vladimir Putin: We are ready for talks with Kyiv."
    ]


def test_the_one_persuaded_to_talk_holds_no_position(by_key, signals_of) -> None:
    keys = set(by_key(signals_of("Erdogan said he would try to persuade Putin to accept a truce.")))
    assert ("RUS", "ceasefire") not in keys and ("TUR", "ceasefire") in keys


def test_the_sides_named_in_a_proposal_hold_no_position(by_key, signals_of) -> None:
    text = "Erdogan proposed on Monday that Russia and Ukraine resume talks in Istanbul."
    assert set(by_key(signals_of(text))) == {("TUR", "negotiations")}


def test_the_side_described_as_holding_a_position_holds_it(by_key, signals_of) -> None:
    text = "Ukraine keeps up the pressure on Russia, painting it as unwilling to agree to any truce."
    s = by_key(signals_of(text))
    assert (s[("RUS", "ceasefire")].stance, s[("RUS", "ceasefire")].source) == ("opposed", "third_party")
    assert ("UKR", "ceasefire") not in s


def test_the_one_a_relative_clause_describes_holds_it(by_key, signals_of) -> None:
    text = "Praise went to Erdogan, whom the Kremlin chief described as sincerely wanting an end to the war."
    s = by_key(signals_of(text))
    assert s[("TUR", "ceasefire")].stance == "open"
    assert ("RUS", "ceasefire") not in s


def test_a_coordinated_verb_shares_the_first_verb_s_subject(by_key, signals_of) -> None:
    text = "Erdogan described Putin's answer as a first step and urged both leaders to agree to a truce."
    keys = set(by_key(signals_of(text)))
    assert ("TUR", "ceasefire") in keys and ("RUS", "ceasefire") not in keys


def test_the_target_of_a_strategic_defeat_holds_no_such_aim(by_key, signals_of) -> None:
    text = "Vladimir Putin: Our adversaries still dream of a strategic defeat on Russia."
    assert ("RUS", "ceasefire") not in by_key(signals_of(text, outlet="President of Russia"))


def test_our_partners_are_not_the_speaker(by_key, signals_of) -> None:
    text = "Vladimir Putin: Our Western partners rejected the truce once again."
    assert ("RUS", "ceasefire") not in by_key(signals_of(text, outlet="President of Russia"))


def test_a_turn_about_western_leaders_is_not_the_speaker_s_position(signals_of) -> None:
    assert (
        signals_of("Vladimir Putin: Western leaders rejected the truce once again.", outlet="President of Russia") == []
    )
    assert [s.holder for s in signals_of("Vladimir Putin: We rejected the truce.", outlet="President of Russia")] == [
        "RUS"
    ]


def test_a_demand_on_a_pair_that_includes_one_s_own_side_is_the_speaker_s(by_key, signals_of) -> None:
    text = "Erdogan, during a visit to Beijing, said Ankara and Beijing should promote peace in Ukraine."
    assert set(by_key(signals_of(text))) == {("TUR", "ceasefire")}


def test_a_speaker_saying_another_could_play_a_role_holds_the_position(by_key, signals_of) -> None:
    text = "Erdogan said Beijing could play a part in persuading Moscow to come to the table."
    assert set(by_key(signals_of(text))) == {("TUR", "negotiations")}


def test_both_delegations_are_the_two_sides_last_named(by_key, signals_of) -> None:
    sigs = by_key(
        signals_of("Ukraine and the US met in Jeddah. Both delegations agreed to begin negotiations with Russia.")
    )
    assert {("USA", "negotiations"), ("UKR", "negotiations")} <= set(sigs)


def test_a_pledge_by_both_sides_is_a_record_per_side(by_key, signals_of) -> None:
    text = (
        "Moscow and Kyiv each signed a grain deal with Ankara and the United Nations.\n\n"
        "Under the deal, both sides committed not to attack ships in the corridor."
    )
    sigs = by_key(signals_of(text))
    assert sigs[("RUS", "ceasefire")].stance == sigs[("UKR", "ceasefire")].stance == "open"


def test_an_object_in_a_relative_clause_is_not_the_speaker_of_saying(by_key, signals_of) -> None:
    text = (
        "Delegations from Moscow and Kyiv met in Istanbul. Erdogan, who welcomed the delegations before "
        "the session, urged them to agree a truce, saying it was up to the two sides."
    )
    assert {k for k in by_key(signals_of(text)) if k[1] == "ceasefire"} == {("TUR", "ceasefire")}


def test_what_would_be_done_to_the_other_side_is_the_speaker_s_term(by_key, signals_of) -> None:
    sigs = by_key(
        signals_of("Putin said Kyiv could be put under a transitional administration before any peace treaty.")
    )
    assert sigs[("RUS", "ceasefire")].stance == "conditional"
    assert ("UKR", "ceasefire") not in sigs


def test_the_one_thanked_for_peace_efforts_holds_them(by_key, signals_of) -> None:
    sigs = by_key(signals_of("Zelensky thanked Erdogan for his efforts towards a just peace."))
    assert ("TUR", "ceasefire") in sigs
    assert ("UKR", "ceasefire") not in sigs


def test_priorities_in_the_talks_are_terms_of_the_settlement(by_key, signals_of) -> None:
    sigs = by_key(
        signals_of("Zelensky said Ukraine's priorities in the negotiations were clear: its borders and guarantees.")
    )
    assert sigs[("UKR", "ceasefire")].stance == "conditional"
    assert ("UKR", "negotiations") not in sigs


def test_a_passive_agent_holds_the_stance_and_a_non_actor_agent_none(by_key, signals_of) -> None:
    sigs = by_key(signals_of("The Easter truce was violated by Ukrainian forces thousands of times, Moscow said."))
    assert sigs[("UKR", "ceasefire")].stance == "opposed"
    # the observers' dismissal is no one's position; the plan is still its author's
    sigs = signals_of("Beijing's peace plan was soon dismissed by many observers.")
    assert [(s.holder, s.stance) for s in sigs] == [("CHN", "conditional")]


def test_putting_forward_an_initiative_is_open(by_key, signals_of) -> None:
    sigs = by_key(signals_of("China and Brazil put forward a peace initiative at the General Assembly."))
    assert sigs[("CHN", "ceasefire")].stance == sigs[("BRA", "ceasefire")].stance == "open"


def test_our_proposal_named_by_a_context_term_is_the_speaker_s(signals_at) -> None:
    text = "Vladimir Putin: We declared a truce for Easter. Kyiv called our proposal a game."
    sigs = signals_at(text, "Kyiv called")
    assert ("RUS", "ceasefire", "open") in [(s.holder, s.issue, s.stance) for s in sigs]


@pytest.mark.parametrize(
    "text",
    [
        "Zelensky described Putin's response to the peace plan as manipulative.",
        "Vladimir Putin: We are ready for a truce. Naturally, we have read the proposals of our friends in Beijing.",
    ],
)
def test_a_response_to_a_plan_or_knowing_proposals_is_no_authorship(signals_of, text: str) -> None:
    assert not [s for s in signals_of(text) if "author of the proposal" in " ".join(s.why)]


def test_putting_forth_a_proposal_or_stating_the_plan_is_open(by_key, signals_of) -> None:
    assert (
        by_key(signals_of("Orban put forth a proposal for a brief Christmas truce."))[("HUN", "ceasefire")].stance
        == "open"
    )
    sigs = by_key(signals_of("Kyiv said the plan was to evacuate 200,000 people from Mariupol."))
    assert sigs[("UKR", "ceasefire")].stance == "open"


def test_a_later_stance_noun_s_possessor_holds_it_too(by_key, signals_of) -> None:
    text = (
        "Moscow and Kyiv traded blame over the front.\n\n"
        "Biden voiced support for the Normandy talks, hoping the sides' recommitment to the July ceasefire would hold."
    )
    sigs = by_key(signals_of(text))
    assert {("RUS", "ceasefire"), ("UKR", "ceasefire")} <= set(sigs)
    assert ("RUS", "negotiations") not in sigs and ("UKR", "negotiations") not in sigs


def test_the_one_provided_with_something_is_no_subject(by_key, signals_of) -> None:
    sigs = by_key(
        signals_of("China has not provided Russia with weapons and has since put forward a peace plan of its own.")
    )
    assert set(sigs) == {("CHN", "ceasefire")}
    assert not any("provided" in w for w in sigs[("CHN", "ceasefire")].why)
    # The same for the one put or placed somewhere: "putting Kyiv under an outside administration".
    sigs = by_key(signals_of("The Kremlin leader floated putting Kyiv under a temporary UN administration."))
    assert set(sigs) == {("RUS", "ceasefire")}


def test_a_name_before_and_is_not_the_owner_of_the_next_verb() -> None:
    sentence = "Macron has pledged to send more shells to Ukraine and accused Moscow"
    macron = Actorish(0, 6, "Macron", "FRA", "Emmanuel Macron", "person", "leader")
    ukraine = Actorish(42, 49, "Ukraine", "UKR", None, "country", None)
    assert sentence[ukraine.start : ukraine.end] == "Ukraine"
    assert subject_before(sentence, [macron, ukraine], sentence.index("accused"), 0) is macron
    # Right before a stance noun, the name owns it: "Ukrainian readiness", "Kyiv's rejection".
    sentence = "Officials welcomed Ukrainian readiness"
    ukrainian = Actorish(19, 28, "Ukrainian", "UKR", None, "country", None)
    assert subject_before(sentence, [ukrainian], sentence.index("readiness"), 0) is ukrainian


def test_a_demonym_describing_a_thing_holds_nothing_but_one_through_its_voice_does(by_key, signals_of) -> None:
    sigs = by_key(signals_of("The White House will tell Moscow that Russian restraint is the key to achieving peace."))
    assert set(sigs) == {("USA", "ceasefire")}
    sigs = by_key(signals_of("On Tuesday a joint US-Ukraine statement backing a 30-day truce was issued."))
    assert set(sigs) == {("USA", "ceasefire"), ("UKR", "ceasefire")}


def test_what_the_speaker_was_told_is_no_position_of_the_speaker(by_key, signals_of) -> None:
    for text in (
        "Zelensky said: “For years we have been told that the alliance's door is open to Kyiv.”",
        "Kuleba said: “We keep hearing that NATO membership is open to us.”",
    ):
        assert ("UKR", "nato_membership") not in by_key(signals_of(text)), text
    sigs = by_key(signals_of("Zelensky said: “We want to join NATO.”"))
    assert sigs[("UKR", "nato_membership")].stance == "open"


def test_the_side_set_against_the_holder_holds_the_opposite(by_key, signals_at) -> None:
    text = "Putin told state television that it was Kyiv and its backers, not Moscow, that were refusing to talk."
    sigs = by_key(signals_at(text, "Putin"))
    assert sigs[("UKR", "negotiations")].stance == "opposed"
    moscow = sigs[("RUS", "negotiations")]
    assert (moscow.stance, moscow.source, moscow.channel) == ("open", "holder", "public")
    # Reported by a third side, the contrasted side's stance is a third-party report.
    sigs = by_key(signals_at("Erdogan said Kyiv, not Moscow, had rejected the truce.", "Erdogan"))
    assert (sigs[("RUS", "ceasefire")].stance, sigs[("RUS", "ceasefire")].source) == ("open", "third_party")
