"""Stance cues with negation scope, conditions, reciprocity and hypotheticals."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("The Kremlin said Moscow was ready for peace talks with Kyiv.", "open"),
        ("The Kremlin said Moscow was not ready for peace talks with Kyiv.", "opposed"),
        ("The Kremlin said Moscow had no intention of holding talks with Kyiv.", "opposed"),
        ("The Kremlin said Moscow rejected talks with Kyiv.", "opposed"),
        ("The Kremlin said Moscow did not rule out talks with Kyiv.", "open"),
        (
            "The Kremlin said Moscow would agree to talks only if Ukrainian troops withdraw from the region.",
            "conditional",
        ),
    ],
)
def test_negotiations_stance(by_key, signals_of, text: str, stance: str) -> None:
    assert by_key(signals_of(text))[("RUS", "negotiations")].stance == stance


def test_freeze_along_current_lines_is_conditional(by_key, signals_of) -> None:
    sigs = signals_of(
        "Moscow signalled a willingness to accept a truce that would freeze the front along current lines."
    )
    assert by_key(sigs)[("RUS", "ceasefire")].stance == "conditional"


def test_reciprocity_is_not_a_condition(by_key, signals_of) -> None:
    sigs = signals_of("Kyiv said it would observe a truce if the other side also observes it.")
    assert by_key(sigs)[("UKR", "ceasefire")].stance == "open"


def test_rejecting_a_full_truce_but_accepting_a_partial_one_is_conditional(by_key, signals_of) -> None:
    sigs = signals_of("The Kremlin rejected a full cease-fire but accepted a pause in strikes on power plants.")
    assert by_key(sigs)[("RUS", "ceasefire")].stance == "conditional"


def test_fighting_on_is_opposed(by_key, signals_of) -> None:
    sigs = signals_of("The Russian president said his army would keep fighting until every goal was met.")
    assert by_key(sigs)[("RUS", "ceasefire")].stance == "opposed"


def test_a_refusal_inside_a_hypothetical_is_nobody_s_position(by_key, signals_of) -> None:
    sigs = signals_of("If Kyiv refuses talks, the front will move west, the Kremlin said.")
    assert ("UKR", "negotiations") not in by_key(sigs)


def test_offering_neutrality_is_opposed_to_membership(by_key, signals_of) -> None:
    sigs = signals_of("Ukraine's envoys said Kyiv could accept neutrality in exchange for guarantees.")
    assert by_key(sigs)[("UKR", "nato_membership")].stance == "opposed"


def test_a_peace_plan_setting_terms_is_conditional(by_key, signals_of) -> None:
    sigs = signals_of("Kyiv presented its peace formula, demanding the withdrawal of all Russian troops.")
    assert by_key(sigs)[("UKR", "ceasefire")].stance == "conditional"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Lula said the two countries should resume talks.", ("BRA", "negotiations")),
        ("Orban said the conflict should be settled at the negotiating table.", ("HUN", "negotiations")),
        ("Erdogan said the war had to be settled at the negotiating table.", ("TUR", "negotiations")),
    ],
)
def test_a_modal_call_to_talk_or_settle_is_open(by_key, signals_of, text: str, key: tuple[str, str]) -> None:
    s = by_key(signals_of(text))[key]
    assert s.stance == "open"


def test_terms_after_should_stay_conditional(by_key, signals_of) -> None:
    text = "Lavrov said a truce should include the withdrawal of Ukrainian troops from four regions."
    assert by_key(signals_of(text))[("RUS", "ceasefire")].stance == "conditional"


@pytest.mark.parametrize(
    "text",
    [
        "In Moscow, the Kremlin said it would study the truce carefully.",
        "The Kremlin said the energy truce deserves careful consideration.",
    ],
)
def test_weighing_a_proposal_is_open(by_key, signals_of, text: str) -> None:
    assert by_key(signals_of(text))[("RUS", "ceasefire")].stance == "open"


@pytest.mark.parametrize(
    ("text", "key", "stance"),
    [
        ("Kuleba said Russian forces must withdraw before any truce.", ("UKR", "ceasefire"), "conditional"),
        ("Kuleba said Ukraine has to be at the table in any truce talks.", ("UKR", "ceasefire"), "conditional"),
        ("A Kremlin aide said Moscow would accept a truce on today's lines.", ("RUS", "ceasefire"), "conditional"),
        ("Austin said NATO membership for Ukraine was unrealistic for now.", ("USA", "nato_membership"), "opposed"),
        ("Kremlin envoys were sounding out whether Washington would back a truce.", ("RUS", "ceasefire"), "open"),
        ("Zelensky said the war could be stopped by a truce this winter.", ("UKR", "ceasefire"), "open"),
    ],
)
def test_terms_realism_and_sounding_out(by_key, signals_of, text: str, key: tuple[str, str], stance: str) -> None:
    assert by_key(signals_of(text))[key].stance == stance


def test_presenting_a_plan_is_proposing_it(signals_at) -> None:
    text = "Brazil wants a truce and talks in Geneva. Lula presented the plan to the leaders in Brasilia on Monday."
    sigs = signals_at(text, "Lula presented")
    assert [(s.holder, s.issue, s.stance) for s in sigs] == [("BRA", "ceasefire", "open")]


def test_dragging_out_the_talks_is_opposed(by_key, signals_of) -> None:
    s = by_key(signals_of("Sybiha said Moscow was trying to drag out the talks."))
    assert s[("RUS", "negotiations")].stance == "opposed"


def test_an_acceptance_of_no_deal_is_opposed(by_key, signals_of) -> None:
    s = by_key(signals_of("Sybiha said Ukraine would accept no truce on Moscow's timetable."))
    assert s[("UKR", "ceasefire")].stance == "opposed"


@pytest.mark.parametrize(
    "text",
    [
        "Duda said new talks would need Ukraine's full participation to succeed.",
        "Duda said Poland believed any peace talks required the consent of Ukraine's parliament.",
    ],
)
def test_a_party_s_participation_or_consent_is_a_condition(by_key, signals_of, text: str) -> None:
    assert by_key(signals_of(text))[("POL", "negotiations")].stance == "conditional"


def test_fighting_on_unless_answered_is_conditional(by_key, signals_of) -> None:
    s = by_key(signals_of("Peskov said the Kremlin was prepared to keep fighting if Kyiv ignored its offer."))
    assert s[("RUS", "ceasefire")].stance == "conditional"


def test_accepting_neutrality_on_terms_stays_opposed_to_membership(by_key, signals_of) -> None:
    s = by_key(signals_of("Kyiv said it would accept neutrality if the allies gave it binding guarantees."))
    assert s[("UKR", "nato_membership")].stance == "opposed"


def test_not_ready_for_membership_while_at_war_is_conditional(by_key, signals_of) -> None:
    s = by_key(signals_of("Scholz said Ukraine was not ready for NATO membership while the war went on."))
    assert s[("DEU", "nato_membership")].stance == "conditional"


def test_a_refusal_in_a_relative_aside_is_about_something_else(by_key, signals_of) -> None:
    text = "Erdogan, who has refused to join the sanctions, said Turkey hoped to host a truce meeting soon."
    assert all(s.stance == "open" for s in signals_of(text))
    assert signals_of(text)


@pytest.mark.parametrize(
    ("text", "key", "stance"),
    [
        ("Guterres said humanitarian corridors must be opened around the besieged city.", ("UN", "ceasefire"), "open"),
        ("Kyiv said Europe shall be involved in any peace talks.", ("UKR", "negotiations"), "conditional"),
    ],
)
def test_a_required_corridor_or_party(by_key, signals_of, text: str, key: tuple[str, str], stance: str) -> None:
    assert by_key(signals_of(text))[key].stance == stance


def test_serving_as_a_basis_for_a_settlement_is_open(by_key, signals_of) -> None:
    s = by_key(signals_of("Putin said the memorandum could serve as a basis for a final peace settlement."))
    assert s[("RUS", "ceasefire")].stance == "open"


def test_not_excluding_a_truce_is_open(by_key, signals_of) -> None:
    s = by_key(signals_of("Hungary's foreign minister said Budapest did not exclude a truce before winter."))
    assert s[("HUN", "ceasefire")].stance == "open"


def test_helping_the_sides_talk_is_a_stance_for_talks(by_key, signals_of) -> None:
    s = by_key(signals_of("Qatar said it would continue facilitating talks between Kyiv and Moscow."))
    assert s[("QAT", "negotiations")].stance == "open"


def test_a_report_that_talks_were_facilitated_is_no_signal(signals_of) -> None:
    assert signals_of("Last year Qatar facilitated talks on returning children.") == []


def test_travelling_to_meet_is_taking_part_in_talks(by_key, signals_of) -> None:
    s = by_key(signals_of("India's foreign minister flew to Kyiv to meet Zelensky on Friday."))
    assert s[("IND", "negotiations")].stance == "open"


def test_a_call_on_the_shape_of_a_truce_is_open(by_key, signals_of) -> None:
    s = by_key(signals_of("Brazil said the Easter truce should be made permanent."))
    assert s[("BRA", "ceasefire")].stance == "open"


def test_fighting_on_but_taking_a_halt_is_one_conditional_record(by_key, signals_of) -> None:
    text = "Lukashenko said Belarus could fight on for years, but would accept a truce along the current lines."
    assert by_key(signals_of(text))[("BLR", "ceasefire")].stance == "conditional"


def test_the_issue_as_the_condition_is_a_stance_on_it(by_key, signals_of) -> None:
    text = "Lavrov said Russia would agree to a truce if Ukraine gave up its hopes of joining NATO."
    s = by_key(signals_of(text))
    assert s[("RUS", "ceasefire")].stance == "conditional"
    assert s[("RUS", "nato_membership")].stance == "opposed"


def test_other_cues_in_an_if_clause_are_still_no_position(by_key, signals_of) -> None:
    text = "Lavrov said Russia would agree to a truce if Ukraine accepted the loss of its regions."
    assert by_key(signals_of(text))[("RUS", "ceasefire")].stance == "conditional"


def test_proposing_to_extend_a_truce_is_open(by_key, signals_of) -> None:
    s = by_key(signals_of("The Vatican said it proposed extending the Christmas truce by a week."))
    assert s[("VAT", "ceasefire")].stance == "open"


def test_a_motive_is_no_position(signals_at) -> None:
    text = "Envoys of Moscow and Kyiv met in Doha. Economists said both countries had strong reasons to want a truce."
    assert signals_at(text, "Economists") == []


def test_an_attempt_by_others_is_no_stance(signals_of) -> None:
    text = "Sources said Putin saw the peace conference in Geneva as an attempt to isolate Moscow."
    assert [(s.holder, s.stance) for s in signals_of(text) if s.stance == "open"] == []


def test_a_side_s_attempts_to_forge_a_truce_are_its_stance(by_key, signals_of) -> None:
    assert (
        by_key(signals_of("The vote came despite Turkish attempts to forge a truce."))[("TUR", "ceasefire")].stance
        == "open"
    )


def test_a_bid_to_join_is_seeking_membership_and_opposing_it_is_opposed(by_key, signals_of) -> None:
    s = by_key(signals_of("Lula said Hungarian opposition to Ukraine's bid to join NATO had hardened."))
    assert s[("HUN", "nato_membership")].stance == "opposed"
    assert s[("UKR", "nato_membership")].stance == "open"


def test_a_speaker_s_own_plan_to_meet_is_open(by_key, signals_of) -> None:
    text = '"Perhaps I will hold a call with Donald Trump," Erdogan told reporters.'
    assert by_key(signals_of(text))[("TUR", "negotiations")].stance == "open"


def test_ready_to_fight_is_against_a_halt(by_key, signals_of) -> None:
    s = by_key(signals_of("Medinsky warned that Russia was ready to fight for as long as it took."))
    assert s[("RUS", "ceasefire")].stance == "opposed"


def test_a_call_for_sanctions_is_no_stance_on_the_truce(signals_at) -> None:
    text = "Kyiv said the truce plan was weak. Zelensky described the plan as empty and called for more sanctions on Russia."
    assert signals_at(text, "Zelensky") == []


def test_not_stopping_until_there_is_a_peace_deal_is_open(by_key, signals_of) -> None:
    s = by_key(signals_of("Macron said France would not stop until there was a peace agreement."))
    assert s[("FRA", "ceasefire")].stance == "open"


def test_refusing_to_condemn_is_no_stance_on_a_truce(signals_of) -> None:
    text = "Macron said India had little credibility as a peacemaker because it had refused to condemn the invasion."
    assert [s for s in signals_of(text) if s.stance == "opposed"] == []


def test_no_deal_about_a_country_without_it_is_conditional_talks(by_key, signals_of) -> None:
    text = "Sandu said Moldova would not accept any agreement reached about it without its participation."
    s = by_key(signals_of(text))
    assert s[("MDA", "negotiations")].stance == "conditional"


def test_claiming_to_have_observed_a_truce_is_no_record(signals_of) -> None:
    text = "Belarus said its border guards had strictly observed the truce all week."
    assert signals_of(text) == []


def test_promising_to_observe_a_truce_is_open(by_key, signals_of) -> None:
    assert (
        by_key(signals_of("Belarus said it would observe the truce all week."))[("BLR", "ceasefire")].stance == "open"
    )


def test_the_agreed_truce_is_no_act_of_agreeing(signals_of) -> None:
    assert signals_of("Observers in Geneva counted three breaches of the agreed naval ceasefire by Friday.") == []


def test_finally_considering_a_truce_is_open(by_key, signals_of) -> None:
    s = by_key(signals_of("Diplomats said Minsk was finally considering a truce along the border."))
    assert s[("BLR", "ceasefire")].stance == "open"


def test_a_deal_behind_a_party_s_back_is_a_condition(signals_at) -> None:
    text = "Sandu said Moldova wanted a truce soon. She added that any deal made behind Moldova's back would not work."
    later = signals_at(text, "She added")
    assert [(s.holder, s.stance) for s in later] == [("MDA", "conditional")]


def test_a_negated_belief_negates_the_clause_it_introduces(by_key, signals_of) -> None:
    s = by_key(signals_of("Western diplomats do not believe Lukashenko is ready for talks."))
    rec = s[("BLR", "negotiations")]
    assert (rec.stance, rec.source, rec.hedged) == ("opposed", "third_party", True)


def test_believing_someone_is_ready_is_open(by_key, signals_of) -> None:
    s = by_key(signals_of("Western diplomats believe Lukashenko is ready for talks."))
    assert s[("BLR", "negotiations")].stance == "open"


def test_neither_nor_negates_the_pair_s_verb(by_key, signals_of) -> None:
    sigs = signals_of("Moscow offered a truce. Sadly, neither Kyiv nor its foreign backers support these initiatives.")
    assert by_key(sigs)[("UKR", "ceasefire")].stance == "opposed"


def test_a_past_counterfactual_says_the_act_did_not_happen(by_key, signals_of) -> None:
    sigs = signals_of("If Kyiv had accepted the truce last spring, thousands would be alive.")
    assert by_key(sigs)[("UKR", "ceasefire")].stance == "opposed"


def test_a_plain_if_clause_is_still_no_position(signals_of) -> None:
    assert not [s for s in signals_of("If Kyiv accepts the truce, thousands will live.") if s.holder == "UKR"]


def test_laying_out_provisions_for_a_peace_process_is_conditional(by_key, signals_of) -> None:
    sigs = signals_of("At a naval base, Putin set out a list of provisions for a peace process that would end the war.")
    assert by_key(sigs)[("RUS", "ceasefire")].stance == "conditional"


@pytest.mark.parametrize(
    "text",
    [
        "Zelensky ruled out any talks with Moscow as long as Putin remains in power.",
        "Kyiv said it would negotiate with Moscow, but only with a different leader in the Kremlin.",
    ],
)
def test_talks_refused_with_the_leader_in_office_are_opposed(by_key, signals_of, text: str) -> None:
    assert by_key(signals_of(text))[("UKR", "negotiations")].stance == "opposed"


def test_creating_the_conditions_for_talks_is_open(by_key, signals_of) -> None:
    sigs = signals_of("The Kremlin said the pullback was meant to create the conditions for further talks.")
    assert by_key(sigs)[("RUS", "negotiations")].stance == "open"


def test_talks_only_after_a_withdrawal_stay_conditional(by_key, signals_of) -> None:
    sigs = signals_of("Kyiv said talks with Moscow could start only after Russian troops withdraw.")
    assert by_key(sigs)[("UKR", "negotiations")].stance == "conditional"


def test_not_before_a_contrasted_name_does_not_negate_the_verb(by_key, signals_of) -> None:
    sig = by_key(signals_of("Putin replied that Ukraine, not Russia, had walked away from talks."))
    assert (sig[("UKR", "negotiations")].stance, sig[("UKR", "negotiations")].source) == ("opposed", "third_party")


def test_one_matter_kept_off_the_table_is_conditional_talks(by_key, signals_of) -> None:
    sigs = signals_of("Lavrov said the status of Crimea would not be negotiated.")
    assert by_key(sigs)[("RUS", "negotiations")].stance == "conditional"


def test_agreeing_in_principle_alone_is_open(by_key, signals_of) -> None:
    sigs = signals_of("Ankara said Kyiv had agreed in principle to a short Easter truce.")
    assert by_key(sigs)[("UKR", "ceasefire")].stance == "open"


@pytest.mark.parametrize(
    "text",
    [
        "Insiders say Putin would accept a truce that leaves the front where it is today.",
        "Putin told intermediaries he was open to a cease-fire along the current front.",
    ],
)
def test_a_truce_on_the_lines_as_they_stand_is_conditional(by_key, signals_of, text: str) -> None:
    assert by_key(signals_of(text))[("RUS", "ceasefire")].stance == "conditional"


def test_only_in_this_way_makes_the_talks_conditional(by_key, signals_of) -> None:
    text = (
        "Kyiv wants the Russian troops out first. Only in this way can negotiations with Moscow be honest, Kyiv said."
    )
    assert by_key(signals_of(text))[("UKR", "negotiations")].stance == "conditional"


def test_honouring_the_deal_is_open_but_a_doubt_about_it_is_no_position(by_key, signals_of) -> None:
    assert by_key(signals_of("Kyiv said it would honour the energy and maritime agreements."))[("UKR", "ceasefire")]
    assert signals_of("Critics say the Kremlin leader cannot be trusted to keep to any peace deal.") == []


def test_seeing_an_opportune_moment_for_a_deal_is_open(by_key, signals_of) -> None:
    sigs = signals_of("Analysts say Erdogan sees this as an opportune moment for a peace deal.")
    assert by_key(sigs)[("TUR", "ceasefire")].stance == "open"


@pytest.mark.parametrize(
    "text",
    [
        "Putin said he backed a truce, but questions remain about how it would be monitored.",
        "Putin said a truce was welcome and that there are issues that we need to settle first.",
        "Putin said a truce would be possible in order to hold elections in Ukraine.",
    ],
)
def test_open_points_and_purposes_with_terms_make_it_conditional(by_key, signals_of, text: str) -> None:
    assert by_key(signals_of(text))[("RUS", "ceasefire")].stance == "conditional"


def test_hindsight_about_what_others_could_have_done_is_no_position(signals_of) -> None:
    text = "Washington could have prevented the war by stating that Ukraine would never join NATO, Lula said."
    assert not [s for s in signals_of(text) if s.holder == "USA"]


def test_in_terms_of_is_no_terms(by_key, signals_of) -> None:
    sigs = signals_of("Kyiv is trying to widen the framework of the truce, both in terms of time and of targets.")
    assert by_key(sigs)[("UKR", "ceasefire")].stance == "open"


def test_weighing_what_must_first_be_evaluated_is_open(by_key, signals_of) -> None:
    sigs = signals_of("Lavrov said Moscow must first carefully evaluate the truce proposal.")
    assert by_key(sigs)[("RUS", "ceasefire")].stance == "open"


def test_urging_a_side_to_negotiate_an_end_is_the_speaker_s_open_stance(by_key, signals_of) -> None:
    sigs = signals_of(
        "Pope Francis said Ukraine should find the courage of the white flag and negotiate an end to the war."
    )
    assert by_key(sigs)[("VAT", "ceasefire")].stance == "open"


def test_fighting_on_should_the_other_side_refuse_is_conditional(by_key, signals_of) -> None:
    sigs = signals_of("Aides say Putin will carry on the war should Kyiv and its backers fail to take up the offer.")
    assert by_key(sigs)[("RUS", "ceasefire")].stance == "conditional"


def test_the_speaker_s_aside_about_what_he_says_is_no_stance(by_key, signals_of) -> None:
    sigs = signals_of("Lavrov said the Kremlin, and I want to stress this, has rejected the truce plan.")
    assert by_key(sigs)[("RUS", "ceasefire")].stance == "opposed"
    sigs = signals_of("Ukraine, we would like to note, turned down the truce plan, Peskov said.")
    assert by_key(sigs)[("UKR", "ceasefire")].stance == "opposed"


def test_provided_as_a_verb_sets_no_condition_but_as_a_conjunction_does(by_key, signals_of) -> None:
    sigs = signals_of("Kyiv would accept a truce, provided Russia withdraws its troops from the region.")
    assert by_key(sigs)[("UKR", "ceasefire")].stance == "conditional"
    sigs = signals_of("Ankara, which has provided Kyiv with drones and troops, backs an immediate truce.")
    assert by_key(sigs)[("TUR", "ceasefire")].stance == "open"


def test_a_position_the_speaker_dismisses_as_hollow_is_no_record(by_key, signals_of) -> None:
    for text in (
        "Ukraine's foreign minister branded the Kremlin's pledges of a truce as “hollow”.",
        "Kyiv described the Kremlin's readiness for a truce as a smokescreen.",
    ):
        assert not [s for s in signals_of(text) if s.holder == "RUS"], text
    sigs = by_key(signals_of("Ukraine's foreign minister said the Kremlin had pledged a truce."))
    assert sigs[("RUS", "ceasefire")].stance == "open"


def test_a_pledge_to_end_the_war_is_open_but_being_able_to_is_no_position(by_key, signals_of) -> None:
    for text in ("Trump vowed to end the war within weeks.", "Trump promised he would put an end to the fighting."):
        assert by_key(signals_of(text))[("USA", "ceasefire")].stance == "open", text
    assert not signals_of("Russia could end this war today.")


def test_a_lack_of_respect_for_the_truce_is_opposition_to_it(by_key, signals_of) -> None:
    sigs = by_key(signals_of("Kyiv's strikes show a total disregard for the truce, Lavrov said."))
    assert sigs[("UKR", "ceasefire")].stance == "opposed"


def test_how_a_thing_needs_to_be_is_no_stance_on_it(by_key, signals_of) -> None:
    assert not signals_of("Lavrov said the format of any talks did not need to be settled beforehand.")
    sigs = by_key(signals_of("Lavrov said Russia needs to hold talks with Washington soon."))
    assert sigs[("RUS", "negotiations")].stance == "open"
