"""Lexicon files: the bundled ones load, and bad user files fail naming file and entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backchannel.signals.lexicon import LexiconError, load_cues, load_issue, load_lexicon
from backchannel.signals.phrases import PhraseError, phrase_to_regex

DATA = Path(__file__).resolve().parents[2] / "src" / "backchannel" / "data"


def test_bundled_issues_and_cues_load() -> None:
    codes = {load_issue(p).code for p in (DATA / "issues").glob("*.yaml")}
    assert {"ceasefire", "negotiations", "nato_membership"} <= codes
    cues = load_cues(DATA / "cues.yaml")
    assert set(cues.stance) == {"open", "opposed", "conditional"}
    assert cues.negation_window >= 1


@pytest.mark.parametrize(
    ("phrase", "text", "found"),
    [
        ("cease-fire*", "a ceasefire deal", "ceasefire"),
        ("cease-fire*", "the cease fire", "cease fire"),
        ("end (the|this) (war|conflict)", "to end this conflict soon", "end this conflict"),
        ("door ~ open", "the door to talks remains open", "door to talks remains open"),
        ("*n't", "they won't", "won't"),
        ("conditions?", "on conditions", "conditions"),
    ],
)
def test_phrase_language(phrase: str, text: str, found: str) -> None:
    import re

    m = re.search(phrase_to_regex(phrase), text, re.IGNORECASE)
    assert m is not None and m.group() == found


def test_phrase_words_are_whole_words() -> None:
    import re

    assert re.search(phrase_to_regex("talks"), "stalkshow", re.IGNORECASE) is None


@pytest.mark.parametrize("phrase", ["(unclosed", "closed)", "a|b", "truce\\w+", "[Tt]ruce"])
def test_bad_phrases_are_rejected(phrase: str) -> None:
    with pytest.raises(PhraseError):
        phrase_to_regex(phrase)


def test_user_issue_file_adds_an_issue(tmp_path: Path) -> None:
    issues = tmp_path / "issues"
    issues.mkdir()
    for p in (DATA / "issues").glob("*.yaml"):
        (issues / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    (issues / "prisoner_exchange.yaml").write_text(
        "code: prisoner_exchange\nterms: [prisoner swap*, prisoner exchange*, exchange of prisoners]\n",
        encoding="utf-8",
    )
    lex = load_lexicon(issues_dir=issues)
    assert lex.issue("prisoner_exchange").terms.search("a new prisoner swap was agreed")


def test_issue_without_terms_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "empty.yaml"
    bad.write_text("code: empty\nterms: []\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"empty\.yaml: 'terms'"):
        load_issue(bad)


def test_issue_with_bad_code(tmp_path: Path) -> None:
    bad = tmp_path / "x.yaml"
    bad.write_text("code: Cease Fire\nterms: [truce]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"x\.yaml: 'code'"):
        load_issue(bad)


def test_bad_phrase_names_file_entry_and_index(tmp_path: Path) -> None:
    bad = tmp_path / "x.yaml"
    bad.write_text("code: x\nterms: [truce, '(broken']\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"x\.yaml: terms\[1\] '\(broken'"):
        load_issue(bad)


def test_unknown_stance_in_issue_file(tmp_path: Path) -> None:
    bad = tmp_path / "x.yaml"
    bad.write_text("code: x\nterms: [truce]\nstance_terms:\n  maybe: [perhaps]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"unknown stance 'maybe'"):
        load_issue(bad)


def test_cue_file_errors(tmp_path: Path) -> None:
    bad = tmp_path / "cues.yaml"
    bad.write_text("stance:\n  open: [ready]\n  opposed: [reject]\n", encoding="utf-8")
    with pytest.raises(
        LexiconError, match=r"cues\.yaml: stance: needs phrases for every stance \(missing: conditional\)"
    ):
        load_cues(bad)
    bad.write_text("stance: {open: [a], opposed: [b], conditional: [c]}\nhedges: [maybe]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"unknown cue family 'hedges'"):
        load_cues(bad)
    bad.write_text("stance: {open: [a], opposed: [b], conditional: [c]}\nnegation: [no]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"negation\[0\]: expected a non-empty phrase, got False"):
        load_cues(bad)
    bad.write_text("stance: {open: [a], opposed: [b], conditional: [c]}\nnegation_window: 0\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"negation_window must be an integer"):
        load_cues(bad)


def test_not_yaml(tmp_path: Path) -> None:
    bad = tmp_path / "x.yaml"
    bad.write_text("code: [unclosed\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"x\.yaml: not valid YAML"):
        load_issue(bad)


def test_unknown_code_in_user_actor_file(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text("version: 1\nactors:\n  XYZQ: {name: Nowhere, names: [Nowhere]}\n", encoding="utf-8")
    with pytest.raises((LexiconError, ValueError), match=r"mine\.yaml.*XYZQ"):
        load_lexicon(actors_files=(user,))


def test_phrase_set_matches_like_the_alternation() -> None:

    from backchannel.signals.phrases import PhraseSet, anchors_of, compile_phrases

    phrases = [
        "cease-fire*",
        "truce",
        "end (the|this) (war|conflict)",
        "evacuat* ~ (civilians|people)",
        "evacuation corridor*",
    ]
    text = "A truce and a ceasefire could end this war; the evacuation of civilians and evacuation corridors resumed."
    expected = [(m.start(), m.end()) for m in compile_phrases(phrases).finditer(text)]
    assert PhraseSet(phrases).spans(text) == expected
    assert PhraseSet(phrases).narrow("nothing relevant here").spans(text) == []
    assert anchors_of("(want*|ready for|vision (of|for)) (a )?peace") == {"peace"}
    assert anchors_of("de-escalat*") == {"escalat"}


def test_located_anchors_find_what_a_search_of_each_sentence_finds() -> None:
    from backchannel.sentences import split
    from backchannel.signals.phrases import PhraseSet

    phrases = ["cease-fire*", "truce", "evacuat* ~ (civilians|people)", "evacuation corridor*", "peace treat(y|ies)"]
    document = (
        "Kyiv wants a truce.\n\nThe evacuation of civilians resumed; evacuation corridors opened.\n\n"
        "A ceasefire, then a peace treaty, Moscow said. Nothing else happened."
    )
    narrowed = PhraseSet(phrases).narrow(document)
    for span in split(document).sentences:
        sentence = span.of(document)
        assert narrowed.spans(sentence, span.start) == narrowed.spans(sentence) == PhraseSet(phrases).spans(sentence)
    # A text whose lower case changes length ("İ") falls back to searching each sentence.
    odd = "İstanbul hosted the truce talks. A truce held."
    view = PhraseSet(phrases).narrow(odd)
    assert [view.spans(s.of(odd), s.start) for s in split(odd).sentences] == [
        PhraseSet(phrases).spans(s.of(odd)) for s in split(odd).sentences
    ]


@given(
    st.lists(
        st.sampled_from(
            ["truce", "truces", "evacuat", "evacuation", "cease", "fire", "ceasefire", "x", " ", ", ", "-"]
        ),
        max_size=30,
    )
)
def test_one_shared_scan_locates_every_anchor_occurrence_a_substring_search_finds(pieces: list[str]) -> None:
    from backchannel.signals.phrases import AnchorScan, PhraseSet

    phrases = ["cease-fire*", "truce*", "evacuat* ~ (civilians|people)", "evacuation corridor*", "fire*"]
    base = PhraseSet(phrases)
    document = "".join(pieces)
    scan = AnchorScan(base.anchor_words | {"talks"})  # shared with another set's anchors
    view = base.narrow(document, scan.locate(document.lower()))
    expected = sorted(
        (at, at + len(word), word)
        for word in base._by_anchor
        for at in range(len(document))
        if document.lower().startswith(word, at)
    )
    assert view._located is not None and view._located[1] == expected
    assert set(view._by_anchor) == {w for _, _, w in expected}


def test_raw_patterns_split_by_anchor_find_what_one_alternation_finds() -> None:
    from backchannel.signals.phrases import RawPatterns, compile_phrases

    patterns = [r"^Also Read\b", r"\bAll rights reserved", r"Read more$", r"^\d+ comments?"]
    split_set = RawPatterns(patterns)
    one = compile_phrases(patterns, raw=True)
    assert one is not None
    for text in [
        "Also Read: talks",
        "12 comments",
        "x All rights reserved",
        "See more. Read more",
        "also read",
        "A read",
    ]:
        assert bool(split_set.search(text)) == bool(one.search(text)), text
