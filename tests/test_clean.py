"""Page-debris removal: the seed page, a blog post with debris, rules that must not fire."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backchannel.clean import clean_text
from backchannel.clean_rules import DebrisRulesError, _load, build_rules, load_rules, parse_date_text

FIX = Path(__file__).parent / "fixtures" / "ingest"

BODY = (
    "Officials from both governments met in Geneva on Tuesday and agreed to keep talking about the exchange "
    "of prisoners, according to a statement released after the meeting by the host government."
)

BODY2 = BODY.replace("Tuesday", "Monday")


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def test_seed_page_debris_is_gone_and_the_body_survives(shared_dir: Path) -> None:
    raw = (shared_dir / "corpus" / "seed-putin-open-to-ceasefire.txt").read_text(encoding="utf-8")
    got = clean_text(raw, title_first_line=True)
    lines = [line.strip() for line in got.text.splitlines()]
    assert got.title == raw.splitlines()[0].strip()
    assert not any(line.startswith("Also Read:") for line in lines)
    assert not any(" thought on " in line or line.startswith("Leave a") for line in lines)
    # The lone caption lines repeat a name that the body also uses.
    raw_lines = [line.strip() for line in raw.splitlines()]
    captions = [line for line in raw_lines if line and len(line.split()) == 2 and line[-1].isalpha() and line.istitle()]
    assert captions, "the seed page has lone caption lines"
    assert not any(line in captions for line in lines)
    # Every body paragraph of the page (long lines) is kept, verbatim.
    body = [p for p in paragraphs(raw) if len(p) > 150]
    assert len(body) >= 10
    for p in body:
        assert p in got.text
    # A sub-heading with lower-case words is not a caption and stays.
    headings = [p for p in paragraphs(raw) if 10 < len(p) < 60 and not p.istitle() and p not in captions][1:]
    assert any(h in lines for h in headings if not h.startswith(("Also", "Leave")) and "thought" not in h)
    assert {r.reason for r in got.removed} >= {
        "title",
        "caption that only repeats a name",
        "link to another story",
        "comment section",
    }


def test_blog_post_debris_byline_and_dateline() -> None:
    got = clean_text((FIX / "blog_post.txt").read_text(encoding="utf-8"), title_first_line=True)
    assert got.title == "Erdogan offers to host a new round of peace talks"
    assert got.author == "Tomas Ferreira"
    assert got.published == date(2024, 3, 14)
    text = got.text
    for debris in (
        "By Tomas",
        "Share this",
        "Also Read",
        "READ MORE",
        "Subscribe",
        "Photo:",
        "thoughts on",
        "says:",
        "Leave a Reply",
        "email address",
    ):
        assert debris not in text, debris
    assert "\nRecep Tayyip Erdogan\n" not in text
    assert text.startswith("Turkish President Recep Tayyip Erdogan told")
    assert text.endswith("at the centre of any future settlement.")
    assert len(paragraphs(text)) == 3


def test_front_matter_becomes_metadata() -> None:
    got = clean_text((FIX / "front_matter.md").read_text(encoding="utf-8"), title_first_line=True)
    assert got.title == "NATO leaders say Ukraine's path to membership is irreversible"
    assert got.published == date(2024, 7, 10)
    assert got.author == "Priya Raman"
    assert got.url == "https://northwind.example/2024/07/10/nato-irreversible-path"
    assert got.outlet == "Northwind Review"
    assert "Share this article" not in got.text and "Tags:" not in got.text
    assert "# NATO" not in got.text  # the heading repeating the title
    assert got.text.startswith("At their summit in Washington")


@pytest.mark.parametrize(
    "line",
    [
        "ALSO READ | Markets calm as talks resume",
        "[Read more](https://example.org/next-story)",
        "Related: Envoys to meet again next week",
        "Share on Facebook",
        "Facebook Twitter LinkedIn Email Print",
        "Follow us on Google News for the latest updates",
        "Click here to join our WhatsApp channel",
        "Advertisement",
        "Story continues below advertisement",
        "Tags: diplomacy, truce, summit",
        "Image caption, The two leaders before the meeting",
        "Photo: AFP",
        "The leaders met in the capital (Photo: Reuters)",
        "![The two delegations](https://example.org/photo.jpg)",
        "4 min read",
        "Previous Post: Talks stall over prisoner lists",
        "© 2025 Example Media",
        "The post Envoys meet again appeared first on Example Wire.",
        "* * *",
        "Home » World » Europe",
        "World | Politics | Business | Sport",
        "Menu",
        "Related",
        "Like Loading...",
        "Like Loading…",
        "Read the full story",
        "Discussion",
        "Load more comments",
        "(Reuters)",
        "Reuters/AFP",
        "AP Photo/Efrem Lukatsky",
        "Ludovic Marin/AFP via Getty Images",
        "Delegations at the palace before the session. Photograph: Ana Lee",
        "Source: Reuters",
        "With inputs from agencies",
        "Reporting by Ana Lee; Editing by Tom Ruiz",
        "Reuters contributed to this report.",
        "Associated Press writer Tom Ruiz in Kyiv contributed.",
        "Sign up for the Morning Briefing",
        "Get the Morning Briefing newsletter",
        "Breaking: Follow our live coverage of the war",
        "Follow us on X",
        "Enter your email address",
        "Support our journalism",
        "We use cookies to improve your experience",
        "Accept all cookies",
        "Most viewed",
        "Explore more on these topics",
        "This article was amended on 14 March 2025",
        "Recommend",
        "Source link",
        "Posted in World News",
        "Tagged Putin, Ukraine, talks",
        "← Previous Post",
        "Post Comment",
        "Recent Posts",
        "Proudly powered by WordPress",
    ],
)
def test_debris_lines_are_removed(line: str) -> None:
    text = f"{BODY}\n\n{line}\n\n{BODY.replace('Tuesday', 'Monday')}"
    got = clean_text(text)
    assert got.text == f"{BODY}\n\n{BODY.replace('Tuesday', 'Monday')}", got.removed
    assert [r.text for r in got.removed] == [line]


@pytest.mark.parametrize(
    "line",
    [
        "By March 2023, the two sides had exchanged more than two thousand prisoners, officials said.",
        "By then, both delegations had left the city.",
        "Peace talks by the foreign ministers",
        "Share prices fell sharply in Moscow after the announcement of new sanctions on Friday.",
        "Comments made by the minister on Tuesday were later withdrawn by his office.",
        "Read the full statement below, which the ministry published late on Sunday evening.",
        "Sources, speaking on condition of anonymity, said the talks had stalled over prisoner lists.",
        "Follow-up talks are planned for next week, the foreign ministry said.",
        "Follow-up talks on the channel are due in May, with updates expected.",
        "Reuters could not independently verify the claims made by either side.",
        "The agency said photographs of the signing would be released later.",
        "A photograph of the two men shaking hands was released by the ministry.",
        "Journalists who contributed to the investigation were later detained.",
        "Get the prisoners home first, the minister told parliament on Monday.",
        "Posted in Kyiv since 2019, he expects a long negotiation.",
        "Tagged as extremists by Moscow.",
    ],
)
def test_body_lines_that_look_like_debris_are_kept(line: str) -> None:
    text = f"{line}\n\n{BODY}\n\n{BODY.replace('Tuesday', 'Monday')}"
    got = clean_text(text)
    assert line in got.text, got.removed


def test_a_section_label_above_the_first_paragraph_goes() -> None:
    got = clean_text(
        f"Headline here\n\nWorld\n\n{BODY}\n\nEurope\n\n{BODY.replace('Geneva', 'Vienna')}", title_first_line=True
    )
    assert got.text == f"{BODY}\n\nEurope\n\n{BODY.replace('Geneva', 'Vienna')}"  # a later heading stays


def test_a_lone_capitalised_line_stays_when_the_text_never_uses_it() -> None:
    text = f"{BODY}\n\nKey Developments\n\n{BODY.replace('Geneva', 'Vienna')}"
    assert "Key Developments" in clean_text(text).text


def test_name_caption_is_removed_when_the_name_recurs() -> None:
    text = f"Maria Kowalska said the talks would go on. {BODY}\n\nMaria Kowalska\n\n{BODY.replace('Geneva', 'Vienna')}"
    got = clean_text(text)
    assert "\nMaria Kowalska\n" not in f"\n{got.text}\n"
    assert got.text.startswith("Maria Kowalska said")


def test_caption_with_a_surname_the_text_uses_goes_but_a_heading_stays() -> None:
    body = f"Kowalska said the talks would go on. {BODY}"
    got = clean_text(f"{body}\n\nMaria Kowalska\n\n{BODY}\n\nMiddle East\n\nIn the East and the west, {BODY}")
    assert "Maria Kowalska" not in got.text
    assert "\nMiddle East\n" in got.text


def test_kicker_above_a_repeated_title_goes() -> None:
    got = clean_text(f"World\n\nTalks resume in Geneva\n\n{BODY}", known_title="Talks resume in Geneva")
    assert got.text == BODY


def test_dateline_with_a_place() -> None:
    got = clean_text(f"By Ana Lee\nISTANBUL, July 24, 2022\n\n{BODY}")
    assert (got.author, got.published, got.text) == ("Ana Lee", date(2022, 7, 24), BODY)


def test_comment_marker_near_the_top_does_not_cut_the_article() -> None:
    text = f"Leave a Comment\n\n{BODY}\n\n{BODY.replace('Geneva', 'Vienna')}"
    got = clean_text(text)
    assert got.text == f"{BODY}\n\n{BODY.replace('Geneva', 'Vienna')}"


def test_comment_section_ends_the_article() -> None:
    long_body = "\n\n".join([BODY] * 3)
    text = f"{long_body}\n\n12 Comments\n\nanna_k\n\nI disagree with every word of this article, it is nonsense."
    got = clean_text(text)
    assert got.text == long_body
    assert "nonsense" not in got.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05", date(2024, 3, 5)),
        ("March 5, 2024", date(2024, 3, 5)),
        ("Tuesday, March 5th, 2024 10:15 AM", date(2024, 3, 5)),
        ("5 Mar. 2024", date(2024, 3, 5)),
        ("Published: 5 March 2024", date(2024, 3, 5)),
        ("February 30, 2024", None),
        ("no date here", None),
    ],
)
def test_parse_date_text(text: str, expected: date | None) -> None:
    assert parse_date_text(text) == expected


def test_a_paragraph_on_the_first_line_is_not_taken_for_a_title() -> None:
    got = clean_text(f"{BODY}\n\n{BODY.replace('Geneva', 'Vienna')}", title_first_line=True)
    assert got.title is None
    assert got.text.startswith(BODY)


def test_a_rule_line_is_never_the_title() -> None:
    got = clean_text(f"* * *\nTalks resume\n\n{BODY}", title_first_line=True)
    assert got.title == "Talks resume" and got.text == BODY


def test_dateline_with_prefix_and_time_is_lifted() -> None:
    got = clean_text(f"Updated: 5 March 2024, 10:15 GMT\n\n{BODY}")
    assert got.published == date(2024, 3, 5)
    assert got.text == BODY


def test_rules_file_errors_name_the_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(DebrisRulesError, match="related entry 2"):
        build_rules({"related": ["also read", ""]}, "x.yaml")
    with pytest.raises(DebrisRulesError, match="unknown key 'relatd'"):
        build_rules({"relatd": ["x"]}, "x.yaml")
    bad = tmp_path / "debris.yaml"
    bad.write_text("related: [unclosed", encoding="utf-8")
    monkeypatch.setenv("BACKCHANNEL_DEBRIS", str(bad))
    with pytest.raises(DebrisRulesError, match="debris.yaml: not valid YAML"):
        load_rules()


def test_user_rules_file_adds_a_phrase(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    own = tmp_path / "mine.yaml"
    own.write_text("related:\n  - elsewhere on the site\n", encoding="utf-8")
    monkeypatch.setenv("BACKCHANNEL_DEBRIS", str(own))
    _load.cache_clear()
    got = clean_text(f"{BODY}\n\nElsewhere on the site: a recipe for soup")
    assert got.text == BODY


lines_st = st.lists(
    st.one_of(
        st.text(max_size=80),
        st.sampled_from(
            [
                *("", "Also Read: x", "Vladimir Putin", "By Ann Lee", "---", "Leave a Reply", "3 thoughts on “x”"),
                *("# Title", "Ann Lee", "May 3, 2024", "Discussion", "ann_k", "(File photo)", "KYIV, May 3, 2024 — x"),
                *("Ann Lee is a correspondent in Kyiv.", "A phrase under the headline with no stop"),
            ]
        ),
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(lines_st, st.booleans())
def test_cleaner_never_raises_and_only_drops_lines(lines: list[str], title_first: bool) -> None:
    text = "\n".join(lines)
    got = clean_text(text, title_first_line=title_first, known_summary=lines[-1] if lines else None)
    source = {line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")}
    for line in got.text.split("\n"):
        assert not line.strip() or line.strip() in source
    assert "\n\n\n" not in got.text


@pytest.mark.parametrize(
    ("head", "author", "day"),
    [
        ("Posted on May 3, 2024 by Ana Lee", "Ana Lee", date(2024, 5, 3)),
        ("Posted on May 3, 2024 by admin", None, date(2024, 5, 3)),
        ("By admin", None, None),
        ("By Ana Lee and Tom Ruiz | 3 May 2024", "Ana Lee and Tom Ruiz", date(2024, 5, 3)),
        ("Written by: Ana Lee, Reuters", "Ana Lee", None),
        ("*Ana Lee · May 3, 2024 · Kremlin watch*", "Ana Lee", date(2024, 5, 3)),
        ("By Ana Lee in Kyiv and Tom Ruiz in Moscow", "Ana Lee and Tom Ruiz", None),
        ("By Ana Lee for Example News", "Ana Lee", None),
        ("Written by Ana Lee | Edited by Tom Ruiz", "Ana Lee", None),
        ("Ana Lee\nMarch 5, 2024", "Ana Lee", date(2024, 3, 5)),
        ("Ana Lee\nMoscow bureau chief", "Ana Lee", None),
        ("By Ana Lee, Moscow Bureau Chief\nPublished March 5, 2024 at 10:15 am", "Ana Lee", date(2024, 3, 5)),
    ],
)
def test_byline_forms(head: str, author: str | None, day: date | None) -> None:
    got = clean_text(f"{head}\n\n{BODY}")
    assert got.text == BODY, got.removed
    assert got.author == author and got.published == day


@pytest.mark.parametrize(
    ("head", "author"),
    [
        ("Ana Lee, Moscow correspondent", "Ana Lee"),
        ("Ana Lee, Political Correspondent | 3 May 2024", "Ana Lee"),
        ("By Ana Lee, Diplomatic Editor", "Ana Lee"),
        ("*Pavel Sorokin · 14 March 2025*", "Pavel Sorokin"),
    ],
)
def test_bylines_with_a_job_title(head: str, author: str) -> None:
    got = clean_text(f"{head}\n\n{BODY}")
    assert (got.text, got.author) == (BODY, author), got.removed


def test_a_job_title_in_a_sentence_is_not_a_byline() -> None:
    line = "She spoke to a Reuters correspondent"
    assert clean_text(f"{line}\n\n{BODY}").text == f"{line}\n\n{BODY}"


def test_a_lone_full_name_of_a_known_person_is_a_caption() -> None:
    """The actor dictionary knows the name, so the line goes though the text never repeats it."""
    text = f"{BODY}\n\nVolodymyr Zelensky\n\n{BODY2}"
    got = clean_text(text)
    assert got.text == f"{BODY}\n\n{BODY2}"
    assert [r.reason for r in got.removed] == ["caption that only repeats a name"]
    two = clean_text(f"{BODY}\n\nVladimir Putin and Xi Jinping\n\n{BODY2}")
    assert two.text == f"{BODY}\n\n{BODY2}"
    unknown = f"{BODY}\n\nMarta Kowalczyk-Brandt\n\n{BODY2}"  # a name-shaped line nobody knows stays
    assert clean_text(unknown).text == unknown


def test_standfirst_above_the_byline_goes() -> None:
    dek = "Both capitals play down hopes of a quick breakthrough as envoys prepare a second round"
    got = clean_text(f"Envoys agree to meet again\n\n{dek}\n\nBy Ana Lee\n\n{BODY}", title_first_line=True)
    assert got.text == BODY and got.author == "Ana Lee"
    assert "standfirst" in {r.reason for r in got.removed}


def test_standfirst_needs_the_description_or_a_byline_below() -> None:
    line = "Both capitals play down hopes of a quick breakthrough as envoys prepare a second round"
    kept = clean_text(f"Envoys agree to meet again\n\n{line}\n\n{BODY}", title_first_line=True)
    assert kept.text == f"{line}\n\n{BODY}"
    gone = clean_text(f"{line}\n\n{BODY}", known_summary=line)
    assert gone.text == BODY
    lead = f"{line}."  # a lead sentence copied into the description stays
    assert clean_text(f"{lead}\n\n{BODY}", known_summary=lead).text == f"{lead}\n\n{BODY}"


@pytest.mark.parametrize("label", ["Ukraine war", "War in Ukraine", "Analysis", "EXCLUSIVE"])
def test_section_labels_of_up_to_three_words(label: str) -> None:
    got = clean_text(f"{label}\n\n{BODY}\n\n{BODY2}")
    assert got.text == f"{BODY}\n\n{BODY2}", got.removed


@pytest.mark.parametrize("line", ["Good evening", "So —", "Aspen, Colorado", "Talks in the capital resumed"])
def test_a_first_line_that_is_no_label_stays(line: str) -> None:
    text = f"{line}\n\n{BODY}\n\n{BODY2}"
    assert clean_text(text).text == text


def test_a_one_word_comment_marker_ends_the_article_only_before_comments() -> None:
    long_body = "\n\n".join([BODY] * 3)
    section = f"{long_body}\n\nDiscussion\n\n{BODY2}\n\n{BODY2}\n\n{BODY}"  # a heading of the body
    assert clean_text(section).text == section
    for comments in ("2 comments\n\nGood news at last.", "anna_k\n\nGood news at last.", "Good news at last."):
        got = clean_text(f"{long_body}\n\nDiscussion\n\n{comments}")
        assert got.text == long_body, got.removed


@pytest.mark.parametrize(
    ("lead", "day"),
    [
        ("GENEVA, March 3, 2024 (Example Wire) — ", date(2024, 3, 3)),
        ("NEW YORK, 5 May 2023 - ", date(2023, 5, 5)),
        ("GENEVA, March 3 (Example Wire) — ", None),  # no year: no date
        ("GENEVA (Example Wire) — ", None),
    ],
)
def test_an_inline_dateline_gives_its_date_and_stays_in_the_text(lead: str, day: date | None) -> None:
    got = clean_text(f"{lead}{BODY}\n\n{BODY2}")
    assert got.text == f"{lead}{BODY}\n\n{BODY2}"
    assert got.published == day


def test_a_dated_clause_is_no_inline_dateline() -> None:
    text = f"The talks, held on May 3, 2024 — were short. {BODY}"
    assert clean_text(text).published is None


def test_an_author_bio_under_the_story_goes() -> None:
    long_body = "\n\n".join([BODY, BODY2, BODY])
    got = clean_text(f"By Ana Lee\n\n{long_body}\n\nAna Lee is a correspondent based in Kyiv.")
    assert got.text == long_body
    assert got.removed[-1].reason == "author bio"


def test_a_last_paragraph_about_a_named_reporter_stays() -> None:
    story = f"Police detained the reporter Ana Lee in Moscow. {BODY}\n\n{BODY2}"
    text = f"{story}\n\nAna Lee is a correspondent who has covered the war since 2022."
    assert clean_text(text).text == text


@pytest.mark.parametrize(
    "line",
    [
        "— Ana Lee (@analee) March 3, 2024",
        "A post shared by Example News (@examplenews)",
        "pic.twitter.com/abc123XYZ",
        "https://example.org/2024/03/03/story",
        "This article is more than 1 year old",
        "Listen to this article · 5 min",
    ],
)
def test_embeds_and_bare_links_go(line: str) -> None:
    got = clean_text(f"{BODY}\n\n{line}\n\n{BODY2}")
    assert got.text == f"{BODY}\n\n{BODY2}", got.removed


@pytest.mark.parametrize(
    "line",
    [
        "Russian President Vladimir Putin",
        "Volodymyr Zelensky, President of Ukraine",
        "Vladimir Putin (File)",
        "Talks at the lakeside hotel. (File photo)",
        "File photo of the delegations in Geneva",
        "Representational image",
    ],
)
def test_photo_captions_go(line: str) -> None:
    got = clean_text(f"{BODY}\n\n{line}\n\n{BODY2}")
    assert got.text == f"{BODY}\n\n{BODY2}", got.removed


@pytest.mark.parametrize(
    "line",
    [
        "Vladimir Putin said on Tuesday that he was ready to talk.",
        "What the Ukrainian Parliament Decided",
        "They agreed to file a complaint",
        "A handout from the ministry showed the two men shaking hands at the start of the meeting.",
    ],
)
def test_caption_rules_leave_sentences_and_headings(line: str) -> None:
    text = f"{BODY}\n\n{line}\n\n{BODY2}"
    assert clean_text(text).text == text


def test_a_name_over_a_sentence_is_no_byline_block() -> None:
    text = f"Ana Lee\nThe talks went on late into the night.\n\n{BODY}"
    assert clean_text(text).text == text


def test_the_top_bar_of_a_saved_page_is_not_the_title() -> None:
    text = f"Skip to content\nMenu\nHome » World » Europe\n\nEnvoys agree to meet again\n\nBy Ana Lee\n\n{BODY}"
    got = clean_text(text, title_first_line=True)
    assert (got.title, got.author, got.text) == ("Envoys agree to meet again", "Ana Lee", BODY)
    watch = clean_text(f"Watch: envoys agree to meet again\n\nBy Ana Lee\n\n{BODY}", title_first_line=True)
    assert (watch.title, watch.text) == ("Watch: envoys agree to meet again", BODY)
