"""The sentence splitter: offsets, abbreviations, quotes, paragraphs, and a property test."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from backchannel.sentences import paragraphs, sentence_spans, split


def texts(text: str) -> list[str]:
    return [s.of(text) for s in split(text).sentences]


def test_plain_sentences_keep_offsets() -> None:
    text = "The envoy arrived on Monday. Talks began at noon! Did they end?"
    spans = split(text).sentences
    assert [s.of(text) for s in spans] == ["The envoy arrived on Monday.", "Talks began at noon!", "Did they end?"]
    assert all(text[s.start : s.end] == s.of(text) for s in spans)


def test_titles_initials_and_acronyms_do_not_end_a_sentence() -> None:
    text = "Gen. Ivanov met Donald J. Trump in the U.S. capital. Mr. Smith stayed home."
    assert texts(text) == ["Gen. Ivanov met Donald J. Trump in the U.S. capital.", "Mr. Smith stayed home."]


def test_acronym_at_the_end_of_a_sentence_breaks_before_an_opener() -> None:
    text = "The offer went to the U.S. The reply came a day later."
    assert texts(text) == ["The offer went to the U.S.", "The reply came a day later."]


def test_numbers_and_decimals() -> None:
    text = "Resolution No. 2 passed with 3.5 percent abstaining. Voting closed."
    assert texts(text) == ["Resolution No. 2 passed with 3.5 percent abstaining.", "Voting closed."]


def test_closing_quotes_and_brackets_stay_with_their_sentence() -> None:
    text = '"We are ready," the minister said. "Are you?" (He smiled.) Then he left.'
    assert texts(text) == ['"We are ready," the minister said.', '"Are you?"', "(He smiled.)", "Then he left."]


def test_curly_quotes_and_lower_case_continuation() -> None:
    text = "“No deal yet.” said the aide, e.g. about the corridor. A new round follows."
    assert texts(text) == ["“No deal yet.” said the aide, e.g. about the corridor.", "A new round follows."]


def test_no_space_after_the_stop_is_not_a_boundary() -> None:
    assert texts("It was late.Nobody answered.") == ["It was late.Nobody answered."]


def test_line_breaks_end_paragraphs_and_sentences() -> None:
    text = "Heading without stop\n\nFirst paragraph here. Second sentence\nThird line."
    parts = split(text)
    assert [p.of(text) for p in parts.paragraphs] == [
        "Heading without stop",
        "First paragraph here. Second sentence",
        "Third line.",
    ]
    assert [s.of(text) for s in parts.sentences] == [
        "Heading without stop",
        "First paragraph here.",
        "Second sentence",
        "Third line.",
    ]
    assert parts.paragraph_of == (0, 1, 1, 2)


def test_list_bullets_are_not_part_of_the_sentence() -> None:
    text = "- The two delegations agreed to meet again.\n• A second point."
    assert texts(text) == ["The two delegations agreed to meet again.", "A second point."]


def test_empty_and_blank_text() -> None:
    assert split("").sentences == ()
    assert split("  \n\n \t").paragraphs == ()


def test_sentence_spans_of_a_slice() -> None:
    text = "Ignore this. Keep this one. And this."
    start = text.index("Keep")
    assert [s.of(text) for s in sentence_spans(text, start)] == ["Keep this one.", "And this."]


def test_paragraph_spans_are_stripped() -> None:
    text = "  one  \n\ttwo\n"
    assert [p.of(text) for p in paragraphs(text)] == ["one", "two"]


_ALPHABET = st.sampled_from(list("abcXYZ .!?\"“”'()\n-:;,0123456789") + ["U.S.", "Mr.", "No. ", "J. ", "  "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_spans_are_ordered_in_bounds_non_overlapping_and_stripped(text: str) -> None:
    parts = split(text)
    prev_end = 0
    for span in parts.sentences:
        assert 0 <= prev_end <= span.start < span.end <= len(text)
        chunk = text[span.start : span.end]
        assert chunk == chunk.strip() and chunk
        assert "\n" not in chunk
        prev_end = span.end
    for i, span in enumerate(parts.sentences):
        para = parts.paragraphs[parts.paragraph_of[i]]
        assert para.start <= span.start and span.end <= para.end
