"""Shapes of lines that are page debris only where they stand: labels, standfirsts, captions, bios.

``clean.py`` walks the page; these tests look at one line and its neighbours. A word or
two is a section label only above the first paragraph, a phrase is a standfirst only
under the headline, a name alone is a caption only between paragraphs, a one-word
comment marker ends the article only when comments follow it. Kept apart so each rule
reads, and is tested, on its own.
"""

from __future__ import annotations

import re

from .clean_head import is_name_word, known_people, parse_head_line
from .clean_rules import Rules, line_key

_FUNCTION_WORDS = "and|or|of|in|the|for|to|with|on|at|by|from|as|a|an|nor|but|than|into|over|under"
_GREETINGS = {"good", "dear", "hello", "thank", "thanks", "ladies", "friends", "colleagues", "welcome", "greetings"}
_SENTENCE_END = '.!?…"”’)'
_NAME_PARTICLES = {"de", "da", "van", "von", "der", "bin", "al", "el", "la", "le", "di", "du", "del", "ibn", "al-"}


_USER_LINE = re.compile(r"(?i)^(?:[\w.\-]*[_\d][\w.\-]*|.{1,40}\s(?:says|said|wrote)\s*:?)$")  # "anna_k", "Tom says:"
_STAMP = re.compile(r"(?i)\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?$|\b\d+\s+(?:minutes?|hours?|days?)\s+ago$")


def weak_marker(key: str, rules: Rules) -> bool:
    """A comment marker of one word, which a heading of the body could also be."""
    bare = key.rstrip(" .:!…")
    return " " not in bare and bare in rules.comment_exact


def comments_follow(lines: list[str], index: int, rules: Rules, words_before: int) -> bool:
    """Whether the lines after ``index`` read as comments: a count, a user name, a time stamp.

    Or what follows is short next to the article (a comment or two after the body).
    """
    following = [line.strip() for line in lines[index + 1 :] if line.strip()]
    for line in following[:4]:
        key = line_key(line)
        if rules.debris_reason(line, key) == "comment section" or _USER_LINE.match(line) or _STAMP.search(line):
            return True
    return sum(len(line.split()) for line in following) <= words_before // 3


_BIO = re.compile(r"^(?P<name>(?:[A-ZÀ-Þ][\w'’.\-]*\s+){1,3}[A-ZÀ-Þ][\w'’.\-]*)\s+(?:is|was)\s+(?:a|an|the|our)\s")


def drop_author_bio(lines: list[str], drop: dict[int, str], rules: Rules) -> None:
    """Drop the last line when it introduces the author ("Ana Lee is a correspondent in Kyiv.").

    Only a person the rest of the text never names: a story about a reporter names
    them in its body, a bio under the story names its author once.
    """
    kept = [i for i, line in enumerate(lines) if i not in drop and line.strip()]
    if len(kept) < 2:
        return
    last = lines[kept[-1]].strip()
    m = _BIO.match(last)
    if not m or len(last.split()) > 40 or not rules.role_word.search(last):
        return
    surname = m.group("name").split()[-1]
    if any(surname in lines[i] for i in kept[:-1]):
        return
    drop[kept[-1]] = "author bio"


def is_kicker(line: str, b_index: int, blocks: list[list[int]], lines: list[str], title_key: str) -> bool:
    """A label of one to three words ("World", "Exclusive", "Ukraine war") right above the first paragraph.

    Pages put the section name over the story; as the first line of the body it is not
    text. Only before any body text, and only when a real paragraph follows; a greeting
    that opens a speech ("Good evening") is not a label.
    """
    stripped = line.strip()
    words = stripped.split()
    if not 1 <= len(words) <= 3 or not all(ch.isalpha() or ch in " '’&/-" for ch in stripped):
        return False  # a label is words only: "So —", "Including…" or "Aspen, Colorado" are not
    if not words[0][:1].isupper() or words[0].lower() in _GREETINGS:
        return False
    if len(words) == 3 and not all(w[:1].isupper() or w in _FUNCTION_WORDS.split("|") for w in words):
        return False  # "War in Ukraine" is a label; three words in sentence case may be a phrase
    later = [b for b in blocks[b_index + 1 : b_index + 3] if not (len(b) == 1 and line_key(lines[b[0]]) == title_key)]
    return bool(later) and sum(len(lines[i].split()) for i in later[0]) >= 25


def is_name_caption(line: str, index: int, lines: list[str], full: str) -> bool:
    """A lone line of 2-5 capitalised words (a name) that the text also has elsewhere, or a known person's name.

    That is how a photo caption reads once the photo is gone ("Vladimir Putin" between
    two paragraphs); a heading has lower-case words, a sentence ends in punctuation.
    The actor dictionary's people count even when the text never names them in full
    ("Vladimir Putin and Xi Jinping" over a photo of the two).
    """
    stripped = line.strip()
    if stripped.startswith("#") or stripped[-1:] in '.!?:;,"”)':
        return False
    if _names_known_people(stripped):
        return True
    words = stripped.split()
    if not 2 <= len(words) <= 5:
        return False
    capitals = 0
    for word in words:
        if word.lower() in _NAME_PARTICLES:
            continue
        if not is_name_word(word):
            return False
        capitals += 1
    if capitals < 2:
        return False
    # The caption repeats a name the text uses: the whole name, or the surname alone as a
    # person is written ("Zelensky said", "Putin's"), not as part of a phrase ("East and").
    start = sum(len(l_) for l_ in lines[:index]) + index
    rest = full[:start] + "\n" + full[start + len(line) :]
    if stripped in rest:
        return True
    if "," in stripped or len(words[-1]) < 4:
        return False
    used = re.compile(rf"\b{re.escape(words[-1])}(?:['’]s\b|\s+(?!(?:{_FUNCTION_WORDS})\b)[a-z]+)")
    return used.search(rest) is not None


def _names_known_people(stripped: str) -> bool:
    """A line made of known people's full names, each perhaps with a title in capitals.

    "Vladimir Putin and Xi Jinping", "Russian President Vladimir Putin", "Volodymyr
    Zelensky, President of Ukraine": what a caption under a photo of them says.
    """
    parts = [p.split() for p in re.split(r"\s+and\s+|\s+&\s+", stripped)]
    if not 2 <= len(stripped.split()) <= 12:
        return False
    people = known_people()
    for words in parts:
        words = [w.strip(",") for w in words if w.strip(",")]
        spans = [(a, b) for a in range(len(words)) for b in range(a + 2, min(len(words), a + 4) + 1)]
        found = [(a, b) for a, b in spans if " ".join(words[a:b]) in people]
        if not found:
            return False
        a, b = found[0]
        extra = words[:a] + words[b:]
        if len(extra) > 4 or not all(w[:1].isupper() or w in _FUNCTION_WORDS.split("|") for w in extra):
            return False
    return True


def is_standfirst(
    line: str, key: str, summary_key: str, b_index: int, blocks: list[list[int]], lines: list[str], rules: Rules
) -> bool:
    """The summary under a headline ("dek"): the page's description, or a phrase right above the byline.

    A standfirst is a phrase, not the lead sentence: it has no full stop at the end. The
    lead paragraph, which many sites copy into their description, ends in one and stays.
    """
    stripped = line.strip()
    words = stripped.split()
    if not 5 <= len(words) <= 60 or stripped[-1:] in _SENTENCE_END or stripped.endswith(":"):
        return False
    if not any(w[:1].islower() for w in words[1:]):
        return False  # a title-case line is a heading or a headline, not a summary
    if summary_key and key == summary_key:
        return True
    if b_index > 1 or b_index + 1 >= len(blocks):
        return False
    return parse_head_line(lines[blocks[b_index + 1][0]], rules) is not None
