"""Channel, source and hedging cues, and attribution chains."""

from __future__ import annotations

from datetime import date

import pytest


def test_attribution_chain_gives_the_described_side(by_key, signals_of) -> None:
    sigs = signals_of(
        "Western officials report signs that the Kremlin is open to a truce, passed on through intermediaries."
    )
    s = by_key(sigs)[("RUS", "ceasefire")]
    assert (s.stance, s.source, s.channel, s.hedged) == ("open", "third_party", "private", True)


def test_on_the_record_words_are_public_holder(by_key, signals_of) -> None:
    s = by_key(signals_of("Sergei Lavrov told reporters that Moscow was ready for talks."))[("RUS", "negotiations")]
    assert (s.source, s.channel, s.hedged) == ("holder", "public", False)


def test_private_channels(by_key, signals_of) -> None:
    for cue in ("privately", "through back-channels", "behind closed doors", "quietly"):
        s = by_key(signals_of(f"The Kremlin {cue} signalled readiness for a truce."))[("RUS", "ceasefire")]
        assert s.channel == "private", cue


def test_unknown_channel_when_the_text_does_not_say(by_key, signals_of) -> None:
    s = by_key(signals_of("Russia has signalled a willingness to discuss a truce."))[("RUS", "ceasefire")]
    assert s.channel == "unknown"


def test_anonymous_analyst_media_sources(by_key, signals_of) -> None:
    cases = {
        "People familiar with the matter said Moscow was open to a truce.": "anonymous",
        "Analysts said Moscow was open to a truce.": "analyst",
        "According to Reuters, Moscow was open to a truce.": "media",
        "Russia is open to a truce.": "author",
    }
    for text, source in cases.items():
        assert by_key(signals_of(text))[("RUS", "ceasefire")].source == source, text


def test_a_claim_about_the_other_side(by_key, signals_of) -> None:
    s = by_key(signals_of("Kyiv accused Moscow of breaking the Easter truce on Sunday."))[("RUS", "ceasefire")]
    assert (s.stance, s.source) == ("opposed", "third_party")


def test_reported_hedges(by_key, signals_of) -> None:
    s = by_key(signals_of("The Kremlin is reportedly ready for a truce."))[("RUS", "ceasefire")]
    assert s.hedged


def test_the_holder_s_own_tentativeness_is_not_a_hedge(by_key, signals_of) -> None:
    s = by_key(signals_of("Putin said a truce could be possible soon."))[("RUS", "ceasefire")]
    assert (s.stance, s.hedged) == ("open", False)


def test_when_resolves_against_publication(by_key, signals_of) -> None:
    from datetime import date

    s = by_key(signals_of("Putin said on Tuesday he was ready for a truce.", published=date(2025, 3, 14)))
    assert s[("RUS", "ceasefire")].when == "2025-03-11"


def test_why_names_the_cues(by_key, signals_of) -> None:
    s = by_key(signals_of("Sergei Lavrov told reporters that Moscow was ready for talks."))[("RUS", "negotiations")]
    text = " ".join(s.why)
    assert "negotiations" in text and "ready" in text and "public" in text


def test_said_to_is_a_hedge_not_a_speaker(signals_of, by_key) -> None:
    s = by_key(signals_of("According to two insiders, the Russian leader is said to be willing to accept a truce."))
    r = s[("RUS", "ceasefire")]
    assert (r.source, r.hedged, r.channel) == ("anonymous", True, "unknown")


def test_a_trailing_source_description(signals_of, by_key) -> None:
    text = "The Kremlin is ready to freeze the war along the current lines, three people who have advised it told a newspaper."
    r = by_key(signals_of(text))[("RUS", "ceasefire")]
    assert (r.stance, r.source) == ("conditional", "anonymous")


def test_an_on_the_record_act_is_public(signals_of, by_key) -> None:
    r = by_key(signals_of("The Kremlin rejected the truce on Monday."))[("RUS", "ceasefire")]
    assert (r.stance, r.source, r.channel) == ("opposed", "holder", "public")
    r = by_key(signals_of("Russia has conveyed a willingness to discuss a truce."))[("RUS", "ceasefire")]
    assert r.channel == "unknown"


def test_making_it_clear_is_on_the_record(signals_of) -> None:
    (s,) = signals_of("Scholz has made it clear that Germany wants talks to begin before the summer.")
    assert (s.holder, s.channel, s.source) == ("DEU", "public", "holder")


def test_the_one_told_is_not_the_speaker(signals_of) -> None:
    text = "Modi spoke to Zelensky by phone on Monday and told him that India would support a truce."
    (s,) = [s for s in signals_of(text) if s.holder == "IND"]
    assert (s.source, s.channel) == ("holder", "public")


def test_an_appositive_title_is_the_named_person(signals_of) -> None:
    text = "The Kremlin welcomed the offer from Beijing. Dmitry Peskov, its spokesman, said Russia was open to talks."
    sigs = {(s.holder, s.issue): s for s in signals_of(text)}
    assert sigs[("RUS", "negotiations")].source == "holder"


def test_asking_how_a_truce_would_work_is_on_the_record(signals_of) -> None:
    text = "Lukashenko asked how a truce would be monitored along the border, and who would pay for it."
    (s,) = signals_of(text)
    assert (s.holder, s.source, s.channel) == ("BLR", "holder", "public")


def test_a_vow_reports_what_follows(signals_of) -> None:
    (s,) = signals_of("In his new year address Erdogan vowed that Turkey would keep hosting talks.")
    assert (s.holder, s.issue, s.source, s.channel) == ("TUR", "negotiations", "holder", "public")


def test_a_joint_statement_is_each_side_s_own_text(signals_at) -> None:
    text = (
        "Teams from Qatar and Ukraine met in Doha on Monday. "
        "A joint statement said both would push for a halt to strikes on power plants."
    )
    second = signals_at(text, "A joint")
    assert {(s.holder, s.source, s.channel) for s in second} == {
        ("QAT", "holder", "public"),
        ("UKR", "holder", "public"),
    }


def test_a_paragraph_quoting_a_statement_is_its_signatories_own_text(signals_of) -> None:
    text = (
        "Talks in Doha ended with a joint statement.\n\n"
        'Statement: "Qatar expressed readiness to host further rounds of negotiations."'
    )
    (s,) = [s for s in signals_of(text) if s.holder == "QAT"]
    assert (s.source, s.channel) == ("holder", "public")


def test_a_breakthrough_is_no_breach(by_key, signals_of) -> None:
    text = "Turkey said it welcomed a breakthrough toward ending the war."
    assert by_key(signals_of(text))[("TUR", "ceasefire")].stance == "open"


@pytest.mark.parametrize("verb", ["pointed out", "acknowledged", "underlined", "explained"])
def test_more_verbs_of_saying_credit_the_speaker(signals_of, verb: str) -> None:
    (s,) = signals_of(f"On Friday Sybiha {verb} that Ukraine was ready for talks.")
    assert (s.holder, s.source, s.channel) == ("UKR", "holder", "public")


def test_trying_to_bring_about_a_truce_is_open(by_key, signals_of) -> None:
    s = by_key(signals_of("Macron said France tries to bring about a truce before the winter."))
    assert s[("FRA", "ceasefire")].stance == "open"


def test_the_report_said_is_a_media_source_not_a_verb(signals_of) -> None:
    (s,) = signals_of("Qatar had spent weeks mediating between the sides, the report said, before the talks stalled.")
    assert (s.holder, s.source) == ("QAT", "media")


def test_reportedly_credits_unnamed_reports_even_with_a_named_speaker(signals_of) -> None:
    (s,) = signals_of("Lavrov reportedly told the mediators that Russia would no longer take part in the talks.")
    assert (s.holder, s.source, s.hedged) == ("RUS", "media", True)


def test_a_named_official_s_proposal_is_on_the_record(by_key, signals_of) -> None:
    s = by_key(signals_of("Moscow dismissed Erdogan's peace plan on Monday."))
    assert (s[("TUR", "ceasefire")].source, s[("TUR", "ceasefire")].channel) == ("holder", "public")
    s = by_key(signals_of("Moscow dismissed a Turkish peace plan on Monday."))
    assert s[("TUR", "ceasefire")].source == "author"


def test_a_quoted_statement_takes_the_date_the_article_gave_it(signals_of) -> None:
    from datetime import date

    text = (
        "Qatar said on Tuesday it backed a truce in the region, in a statement after talks in Doha.\n\n"
        'Statement: "Qatar expressed readiness to host further rounds of negotiations."'
    )
    sigs = signals_of(text, published=date(2025, 3, 13))
    assert [s.when for s in sigs if s.sentence.startswith("Statement")] == ["2025-03-11"]


def test_a_relative_clause_s_name_is_not_the_speaker(signals_of) -> None:
    text = "Zelensky, who was visiting Turkey, said Ukraine was ready for talks in Istanbul."
    (s,) = [s for s in signals_of(text) if s.holder == "UKR"]
    assert s.source == "holder"


def test_a_possessive_before_the_verb_is_not_its_speaker(by_key, signals_of) -> None:
    text = "Zelensky called Lukashenko's offer empty and accused Minsk of sabotaging the truce."
    s = by_key(signals_of(text))
    assert s[("BLR", "ceasefire")].source == "third_party"


def test_what_unnamed_diplomats_believe_is_hedged(signals_of) -> None:
    (s,) = signals_of("Diplomats believe Erdogan is eyeing a role as mediator.")
    assert (s.holder, s.source, s.hedged) == ("TUR", "anonymous", True)


def test_a_joint_statement_is_the_signatories_own_text(by_key, signals_of) -> None:
    sigs = by_key(
        signals_of(
            "Kyiv and Washington met in Jeddah. Afterwards the two countries issued a joint statement "
            "proposing an immediate truce."
        )
    )
    assert sigs[("USA", "ceasefire")].source == "holder"
    assert sigs[("UKR", "ceasefire")].source == "holder"


def test_an_unnamed_spokesperson_speaks_for_the_side_named(by_key, signals_of) -> None:
    sig = by_key(signals_of("A spokesperson said Turkey was ready to host talks between the sides."))
    assert (sig[("TUR", "negotiations")].source, sig[("TUR", "negotiations")].channel) == ("holder", "public")


def test_a_leader_s_suggestion_is_his_own_act_on_the_record(by_key, signals_of) -> None:
    sig = by_key(signals_of("Erdogan suggested a truce over the religious holidays."))[("TUR", "ceasefire")]
    assert (sig.source, sig.channel) == ("holder", "public")


def test_a_country_s_act_with_no_one_credited_is_the_author_s(by_key, signals_of) -> None:
    assert by_key(signals_of("Russia rejected the truce."))[("RUS", "ceasefire")].source == "author"


def test_a_trailing_anonymous_report_credits_the_whole_sentence(by_key, signals_of) -> None:
    text = "Moscow replied that it was open to a truce, two people familiar with the exchanges said."
    assert by_key(signals_of(text))[("RUS", "ceasefire")].source == "anonymous"


def test_according_to_a_third_side_credits_it_and_holds_nothing(by_key, signals_of) -> None:
    sigs = by_key(
        signals_of("According to Washington, Moscow and Kyiv both accepted a pause in strikes on cargo ships.")
    )
    assert ("USA", "ceasefire") not in sigs
    assert sigs[("UKR", "ceasefire")].source == sigs[("RUS", "ceasefire")].source == "third_party"


def test_a_quote_that_goes_on_is_still_its_speaker_s_on_the_record(signals_at) -> None:
    text = (
        '"We need to negotiate with our partners in Washington," Putin said. "Perhaps I will hold a call with Trump."'
    )
    second = signals_at(text, '"Perhaps')
    assert [(s.holder, s.source, s.channel) for s in second] == [("RUS", "holder", "public")]


def test_a_hedge_in_an_aside_or_a_leader_s_suggestions_hedge_nothing(by_key, signals_of) -> None:
    text = "His speech, in which he hinted at escalation, came as Moscow broke a ceasefire agreement."
    assert by_key(signals_of(text))[("RUS", "ceasefire")].hedged is False
    text = "Putin's suggestions included a call for a truce once a vote is held, the agency said."
    assert by_key(signals_of(text))[("RUS", "ceasefire")].hedged is False
    text = "Reports suggest Moscow is open to a truce."
    assert by_key(signals_of(text))[("RUS", "ceasefire")].hedged is True


def test_a_transcript_speaker_on_another_side_s_position_reports_it(by_key, signals_at) -> None:
    text = (
        "Valentina Matviyenko: How did the partners react?\n\n"
        "Vladimir Putin: We told our friends and partners about it, including Brazil, India and "
        "South Africa. Our partners, every one of them, supported the truce plan."
    )
    sigs = by_key(signals_at(text, "Our partners"))
    assert set(sigs) == {("BRA", "ceasefire"), ("IND", "ceasefire"), ("ZAF", "ceasefire")}
    for s in sigs.values():
        assert (s.stance, s.source, s.channel) == ("open", "third_party", "unknown")


def test_an_onlooker_s_accusation_of_a_side_is_no_record(by_key, signals_of) -> None:
    # SIGNALS.md: accusing "the other side" of a breach is a claim about it; an onlooker's is its own view.
    for text in (
        "Emmanuel Macron has pledged more shells to Ukraine and accused Russian troops of shelling towns in breach of the truce.",
        "The leaders spoke by phone, with Macron blaming Russia for breaches of the truce.",
        "British Prime Minister Keith Starmer urged a truce with Ukraine and accused Moscow of stalling on it.",
    ):
        assert ("RUS", "ceasefire") not in by_key(signals_of(text, published=date(2025, 3, 1))), text
    sigs = by_key(signals_of("Zelensky accused Russian troops of shelling towns in breach of the truce."))
    assert sigs[("RUS", "ceasefire")].stance == "opposed"


def test_a_side_named_inside_a_quoted_statement_is_not_its_author(by_key, signals_of) -> None:
    text = "“The shelling shows that Kyiv has no respect for the truce,” the Kremlin said in a statement."
    s = by_key(signals_of(text))[("UKR", "ceasefire")]
    assert (s.stance, s.source) == ("opposed", "third_party")


def test_describing_the_other_side_s_answer_is_a_claim_about_it(by_key, signals_of) -> None:
    text = (
        "Putin said Russia backed the truce in principle but raised questions.\n\n"
        "Aides in Kyiv described the answer as a refusal in disguise."
    )
    sigs = [s for s in signals_of(text) if s.sentence.startswith("Aides")]
    assert [(s.holder, s.stance, s.source) for s in sigs] == [("RUS", "opposed", "third_party")]
