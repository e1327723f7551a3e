"""Time expressions: each rule of the spec's "When" section on sentences written for the tests."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backchannel.records import WHEN_RE
from backchannel.timeexpr import resolve_when, time_expressions

SAT = date(2023, 12, 23)  # a Saturday
WED = date(2025, 3, 12)  # a Wednesday


@pytest.mark.parametrize(
    "sentence, published, expected",
    [
        # explicit dates, with or without a publication date
        ("The envoy arrived on March 11, 2025, with a letter.", None, "2025-03-11"),
        ("The envoy arrived on 11 March 2025.", None, "2025-03-11"),
        ("The note is dated 2025-03-11 in the archive.", None, "2025-03-11"),
        ("A memo of Sept. 5, 2022 mentions it.", None, "2022-09-05"),
        ("The decree of 11.03.2025 bans the talks.", None, "2025-03-11"),
        ("Release 4.1.2.2025 of the file is no date; 31.02.2025 is none either.", None, None),
        ("Talks ran March 23-25, 2025 in a desert city.", None, "2025-03-23/2025-03-25"),
        ("Talks ran 23–25 March 2025.", None, "2025-03-23/2025-03-25"),
        ("They met from March 3 to April 9, 2024.", None, "2024-03-03/2024-04-09"),
        ("The accord of July 2020 was mentioned.", None, "2020-07"),
        ("A later push came in 2022.", None, "2022"),
        ("Fighting between 2014 and 2022 was sporadic.", None, "2014/2022"),
        ("He held the post from 2014 to 2019.", None, "2014/2019"),
        # leap years: February 29 exists only in leap years
        ("The letter of February 29, 2024 surfaced.", None, "2024-02-29"),
        ("The letter of February 29, 2023 surfaced.", None, None),
        # months and days without a year
        ("The offer came in March.", WED, "2025-03"),
        ("The offer came in December.", WED, "2024-12"),
        ("A summit is planned in May.", WED, "2025-05"),
        ("The offer came in April.", date(2024, 12, 20), "2024-04"),
        ("Talks are set for January.", date(2024, 12, 20), "2025-01"),
        ("A meeting in February is planned.", date(2024, 12, 20), "2025-02"),
        ("The offer came last March.", WED, "2024-03"),
        ("The offer came last August.", WED, "2024-08"),
        ("It could come next March.", WED, "2026-03"),
        ("The proposal of mid-March is on the table.", date(2025, 4, 2), "2025-03"),
        ("The sides recommitted on January 26 to the truce.", date(2022, 1, 27), "2022-01-26"),
        ("He conceded on 15 March that the bid was over.", date(2022, 3, 30), "2022-03-15"),
        ("He wrote on December 30 that talks were possible.", date(2025, 1, 3), "2024-12-30"),
        ("Envoys carried the offer in December and January.", date(2024, 2, 14), "2023-12/2024-01"),
        ("Envoys carried the offer in March and April 2024.", None, "2024-03/2024-04"),
        ("Envoys carried the offer between March and May.", date(2024, 8, 1), "2024-03/2024-05"),
        # weekdays: the latest such day on or before publication
        ("The minister said on Tuesday that talks could resume.", WED, "2025-03-11"),
        ("The minister said on Wednesday that talks could resume.", WED, "2025-03-12"),
        ("At Thursday's briefing, the spokesman spoke again.", WED, "2025-03-06"),
        ("The minister said last Wednesday that talks could resume.", WED, "2025-03-05"),
        ("Delegates meet next Monday.", WED, "2025-03-17"),
        ("She spoke on Friday.", date(2025, 1, 1), "2024-12-27"),
        ("Tuesday, March 11, 2025 was the day.", None, "2025-03-11"),
        # relative days and periods
        ("Yesterday the spokesman denied it.", WED, "2025-03-11"),
        ("Yesterday the spokesman denied it.", date(2024, 3, 1), "2024-02-29"),
        ("Today the spokesman denied it.", WED, "2025-03-12"),
        ("The ministry said this morning that it agreed.", WED, "2025-03-12"),
        ("The ministry said earlier this month that it agreed.", WED, "2025-03"),
        ("The ministry said last month that it agreed.", WED, "2025-02"),
        ("The ministry said last month that it agreed.", date(2025, 1, 9), "2024-12"),
        ("The ministry said this year that it agreed.", WED, "2025"),
        ("The ministry said last year that it agreed.", date(2025, 1, 1), "2024"),
        ("Two days ago the ministry agreed.", date(2025, 3, 1), "2025-02-27"),
        ("Three months ago the ministry agreed.", date(2025, 2, 10), "2024-11"),
        # weekends: the Saturday/Sunday range
        ("Over the weekend, the envoy flew in.", WED, "2025-03-08/2025-03-09"),
        ("Over the weekend, the envoy flew in.", SAT, "2023-12-23/2023-12-24"),
        ("Over the weekend, the envoy flew in.", date(2023, 12, 24), "2023-12-23/2023-12-24"),
        ("Over the weekend, the envoy flew in.", date(2024, 1, 1), "2023-12-30/2023-12-31"),
        # seasons
        ("He explored a deal in the fall of 2022.", None, "2022-09/2022-11"),
        ("He explored a deal in the autumn of 2022.", None, "2022-09/2022-11"),
        ("He explored a deal in spring 2023.", None, "2023-03/2023-05"),
        ("He explored a deal in the summer of 2023.", None, "2023-06/2023-08"),
        ("He explored a deal in the winter of 2022.", None, "2022-12/2023-02"),
        ("He explored a deal last winter.", date(2023, 4, 2), "2022-12/2023-02"),
        ("He explored a deal this winter.", date(2024, 1, 15), "2023-12/2024-02"),
        ("He explored a deal this winter.", date(2023, 12, 5), "2023-12/2024-02"),
        ("He explored a deal last summer.", WED, "2024-06/2024-08"),
        ("He explored a deal in the spring.", date(2024, 4, 10), "2024-03/2024-05"),
        ("He explored a deal during the fall of Mariupol.", WED, None),
        # since X: X's start to the publication date
        ("Since September, the line has not moved.", SAT, "2023-09/2023-12-23"),
        ("Since the fall of 2022, contacts have continued.", SAT, "2022-09/2023-12-23"),
        ("Since 2014, the border has been disputed.", SAT, "2014/2023-12-23"),
        ("Since Monday, the guns have been quiet.", SAT, "2023-12-18/2023-12-23"),
        ("Since 2014, the border has been disputed.", None, None),
        # vague spans and missing publication dates
        ("Recently, the envoy hinted at a pause.", WED, None),
        ("In recent weeks, the envoy hinted at a pause.", WED, None),
        ("This week the envoy hinted at a pause.", WED, None),
        ("Last week the envoy hinted at a pause.", WED, None),
        ("On Tuesday the envoy hinted at a pause.", None, None),
        ("In March the envoy hinted at a pause.", None, None),
        ("The envoy hinted at a pause.", WED, None),
        # things that look like dates but are not
        ("A 30-day ceasefire would cover 2,000 km of front.", WED, None),
        ("The president may agree, a march on the capital aside.", WED, None),
    ],
)
def test_resolve_when(sentence: str, published: date | None, expected: str | None) -> None:
    assert resolve_when(sentence, published) == expected


def test_expressions_carry_offsets_text_and_vagueness() -> None:
    sentence = "Recently he said that on Tuesday, not in March 2024, the offer stood."
    exprs = time_expressions(sentence, WED)
    assert [(e.text, e.value, e.vague) for e in exprs] == [
        ("Recently", None, True),
        ("on Tuesday", "2025-03-11", False),
        ("March 2024", "2024-03", False),
    ]
    for e in exprs:
        assert sentence[e.start : e.end] == e.text


def test_a_full_month_name_does_not_take_the_full_stop() -> None:
    (expr,) = time_expressions("The text will be studied by the end of June.", date(2025, 6, 2))
    assert (expr.text, expr.value) == ("the end of June", "2025-06")
    (abbrev,) = time_expressions("A memo of Sept. 5 says so.", date(2025, 10, 1))
    assert (abbrev.text, abbrev.value) == ("Sept. 5", "2025-09-05")


def test_first_resolvable_expression_wins() -> None:
    # The vague "recently" has no value, so the first dated expression is used.
    assert resolve_when("Recently, on Tuesday, the envoy spoke.", WED) == "2025-03-11"
    assert resolve_when("On January 26 they recommitted to the July 2020 truce.", date(2022, 1, 27)) == "2022-01-26"


def test_datetime_publication_is_accepted() -> None:
    assert resolve_when("Yesterday he spoke.", datetime(2025, 3, 12, 18, 30)) == "2025-03-11"


def test_month_names_are_case_sensitive() -> None:
    # "may" the verb and "march" the noun are not months.
    assert time_expressions("They may march in protest.", WED) == []


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(
            list("0123456789-–/,.'")
            + [
                "in",
                "on",
                "of",
                "since",
                "last",
                "next",
                "this",
                "the",
                "from",
                "to",
                "between",
                "and",
                "early",
                "late",
                "mid",
                "ago",
                "days",
                "weeks",
            ]
            + [
                "March",
                "May",
                "Sept.",
                "Tuesday",
                "Sunday",
                "spring",
                "fall",
                "winter",
                "yesterday",
                "today",
                "weekend",
                "2022",
                "2024",
                "29",
                "31",
            ]
        ),
        max_size=25,
    ),
    spaces=st.booleans(),
    published=st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))),
)
def test_never_raises_and_values_match_the_spec(words: list[str], spaces: bool, published: date | None) -> None:
    text = (" " if spaces else "").join(words)
    for expr in time_expressions(text, published):
        assert text[expr.start : expr.end] == expr.text
        if expr.value is not None:
            assert WHEN_RE.match(expr.value), expr
            parts = expr.value.split("/")
            assert len(parts) == 1 or parts[0] <= parts[1], expr
        assert not (expr.vague and expr.value is not None)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200), published=st.one_of(st.none(), st.dates()))
def test_never_raises_on_arbitrary_text(text: str, published: date | None) -> None:
    for expr in time_expressions(text, published):
        assert expr.value is None or WHEN_RE.match(expr.value)
