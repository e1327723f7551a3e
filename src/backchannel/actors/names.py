"""Text helpers of the matcher: spellings, and personal names the dictionary does not know.

Kept apart from ``matcher`` so each stays small: these work on plain strings and raw
matches and need no dictionary.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

# A personal name right after a title: one to four capitalised words ("Sergei Ryabkov",
# "Jean-Noël Barrot", "Mohammed bin Abdulrahman Al Thani"), optionally after a comma.
_NAME_AFTER = re.compile(
    r"[^\S\n]*,?[^\S\n]+((?:[A-Z][\w'’-]*[a-z\u00e0-\u024f][\w'’-]*|[A-Z]\.)"
    r"(?:[^\S\n]+(?:[A-Z][\w'’-]*[a-z\u00e0-\u024f][\w'’-]*|[A-Z]\.|bin|al|de|da|von|van|der|le|la)){0,3})(?![\w])"
)
FORMER_RE = re.compile(r"(?<![\w])(?:former|Former|ex-|Ex-|then-|Then-)[^\S\n]*\Z")
NAME_STOP_WORDS = (
    "The A An And But Or On In At For To Of From By With As After Before During Since While When If This That "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December He She It They We Mr Mrs Ms Dr Sir President Minister Prime Secretary "
    "League Council Office Ministry Palace House Party Front Forces Union Commission Summit Agreement Plan "
    "Republic Federation Kingdom State States Government Administration Emirates Islands Assembly Parliament"
)
NAME_STOP = frozenset(NAME_STOP_WORDS.split())
# A capitalised word right after / right before a surname, when it would make another name.
NEXT_CAPITAL = re.compile(r"[^\S\n]+([A-Z][a-z\u00e0-\u024f][\w'’-]*|Jr\.?|Sr\.?)")
PREV_CAPITAL = re.compile(r"(?<![\w.])([A-Z][a-z\u00e0-\u024f][\w'’-]*)[^\S\n]+\Z")
SENTENCE_START = re.compile(r"(?:^|[.!?:;”\"\n(]\s*|\A)\Z")
_APOSTROPHES = "'’"


def fold(text: str) -> str:
    """ASCII spelling of a name ("Erdoğan" -> "Erdogan"), so both spellings match."""
    decomposed = unicodedata.normalize("NFKD", text)
    out = "".join(c for c in decomposed if not unicodedata.combining(c))
    return out.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o")


_MINOR = frozenset({"of", "for", "the", "to", "in", "on", "and"})


def case_variants(noun: str) -> set[str]:
    """The spellings a lower-case noun phrase appears in: as is, capitalised, title case, and
    upper case ("pm", "mfa", and transcript labels such as "THE PRESIDENT:")."""
    words = noun.split()
    title = " ".join(w if w in _MINOR and i else cap(w) for i, w in enumerate(words))
    title = "-".join(cap(part) for part in title.split("-")) if "-" in title else title
    return {noun, cap(noun), title, noun.upper()}


def norm(text: str) -> str:
    return " ".join(text.split())


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(slots=True)
class Raw:
    """A match before coreference: a Mention in the making, plus what resolution needs."""

    start: int
    end: int
    kind: str  # Mention kinds plus 'honorific', 'bare', 'anaphor', 'plural', 'not_actor'
    code: str | None
    person: str | None = None
    role: str | None = None
    title: str | None = None
    active: bool = True
    det: str | None = None  # for 'bare' and 'pronoun': the determiner or pronoun, lower case
    possessive: bool = False
    speaker: bool = False  # followed by a reporting verb ("Putin said") or after one ("said Putin")
    locative: bool = False  # a place, not an actor acting: "talks in Moscow"
    noun: str | None = None  # a group's head noun ("ministry"), for "the ministry" to find it


def named_after_titles(raws: list[Raw], text: str, end: int) -> list[Raw]:
    """A title before a name the dictionary lacks names that person: "Russian Deputy Foreign
    Minister Alexander Pankin" is Pankin (RUS), and a later "Pankin said" is him too.

    When the dictionary gives the title to someone else on that day, the named person is
    taken for a past holder (inactive: no holder), as in "US President Bill Clinton".
    """
    out: list[Raw] = []
    surnames: dict[str, Raw] = {}
    for index, raw in enumerate(raws):
        if raw.kind == "title" and not raw.possessive and raw.code:
            match = _NAME_AFTER.match(text, raw.end, end)
            nxt = raws[index + 1].start if index + 1 < len(raws) else end
            if match and match.end() <= nxt:
                words = [w for w in match.group(1).split() if w not in NAME_STOP]
                if words and words == match.group(1).split():
                    name = " ".join(words)
                    # A name other than the title's sitting holder is a past holder:
                    # "US President Bill Clinton" in 2024, "First President of Kazakhstan Nazarbayev".
                    # The sitting holder's surname with another first name ("Prime Minister Keith
                    # Starmer", a common slip) is still the sitting holder.
                    active = raw.active and (
                        raw.person is None or raw.person == name or raw.person.split()[-1] == words[-1]
                    )
                    raw = replace(raw, end=match.end(), kind="person", person=name, active=active)
                    if len(words) > 1 and len(words[-1]) > 2:
                        surnames[words[-1]] = raw
        out.append(raw)
    if not surnames:
        return out
    taken = [(r.start, r.end) for r in out]
    pattern = re.compile(r"(?<![\w])(" + "|".join(map(re.escape, surnames)) + r")(?:['’]s?)?(?![\w])")
    for match in pattern.finditer(text, 0, end):
        intro = surnames[match.group(1)]
        start, stop = match.span(1)
        if start <= intro.start or any(a < stop and start < b for a, b in taken):
            continue
        poss = match.end() > stop
        out.append(replace(intro, start=start, end=stop, possessive=poss, speaker=False, locative=False))
    out.sort(key=lambda r: r.start)
    return out


def part_of_other_name(raw: Raw, starts: set[int], ends: set[int], text: str, honorifics: tuple[str, ...]) -> bool:
    """A bare surname that is part of another name: "Michel Barnier", "Hunter Biden",
    "Costa Rica", "Trump Tower". Only for one-word aliases, never full names."""
    if raw.possessive or " " in text[raw.start : raw.end]:
        return False
    after = NEXT_CAPITAL.match(text, raw.end)
    if after and after.start(1) not in starts and after.group(1) not in NAME_STOP:
        return True
    before = PREV_CAPITAL.search(text, max(0, raw.start - 30), raw.start)
    if before and before.group(1) not in NAME_STOP and before.group(1) not in honorifics:
        return before.end(1) not in ends and not SENTENCE_START.search(
            text, max(0, before.start(1) - 3), before.start(1)
        )
    return False
