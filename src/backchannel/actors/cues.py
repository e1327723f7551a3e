"""Text cues coreference reads besides mentions: quotations and their speakers, and when
"it" is an actor. Plain functions over the text, kept apart from the resolver's state.
"""

from __future__ import annotations

import re

from .names import Raw
from .trie import trie_regex

_OPEN, _CLOSE = "“«„", "”»"

# "it" is an actor only as the subject of what actors do ("Turkey said it was working to",
# "the ministry announced it was ordering", "it accused Ukraine of"); as an object or in
# "it is clear", "it shifts the onus" it is almost never one, so only these verbs count.
ACTOR_IT = re.compile(
    r"[^\S\n]+(?:(?:has|had|have|would|will|also|later|then|had not|has not|did not|does not|[a-z]+ly|"
    r"would not|will not|could not|(?:was|is|were)(?=[^\S\n]+(?:ready|working|ordering|sending|considering|"
    r"preparing|seeking|pushing|pressing|prepared|open|willing|not ready|not willing)))[^\S\n]+)*"
    r"(?:said|says|added|accused|announced|alleged|called|claimed|denied|rejected|agreed|agrees|proposed|offered|"
    r"wants|wanted|ready|prepared|open|willing|not ready|not willing|stands ready|working|sending|send|sent|"
    r"consider|considering|preparing|seeking|pushing|pressing|suspended|"
    r"felt|feels|released|launched|urged|insisted|warned|believes|believed|hoped|hopes|plans|planned|"
    r"intends|intended|refused|refuses|supports|supported|backed|welcomed|demanded|demands|accepted|accepts|"
    r"ordering|ordered|opposes|opposed|favours|favors|seeks|sought|expects|expected|declared|stated|told|"
    r"insists|prefers|preferred|continues|continued|remains ready|will continue|would continue|"
    r"wrote|replied|responded|signalled|signaled|indicated|confirmed|condemned|blamed|threatened|vowed|pledged|"
    r"provided|given|put forward|drives|pressed)(?![\w])"
)
# A thing named between the actor and "it" is the likelier referent: "Russia rejected the plan, saying it ...".
THING_BETWEEN = re.compile(
    r"\b(?:the|a|an|this|that|its|their)[^\S\n]+(?:[\w-]+[^\S\n]+){0,2}(?:plan|proposal|deal|agreement|accord|"
    r"ceasefire|cease-fire|truce|war|conflict|offer|initiative|idea|document|statement|text|framework|memorandum|"
    r"process|meeting|call|summit|move|decision|attack|strike|invasion|offensive|operation|report|law|decree)s?\b"
)

_QUOTE_RE = re.compile(r'[“”«»„"]')
# Between two items of a list: "Warsaw, Bratislava and Baku", "Minsk or Astana", "India, the DPRK".
LIST_GAP = re.compile(r"[^\S\n]*(?:,[^\S\n]*(?:(?:and|or)[^\S\n]+)?|(?:and|or)[^\S\n]+)(?:the[^\S\n]+)?")


def quote_regions(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """(open, close, closed) spans of quotations in text[start:end]; an unclosed one runs to the end."""
    out: list[tuple[int, int, bool]] = []
    opened: int | None = None
    straight: int | None = None
    for match in _QUOTE_RE.finditer(text, start, end):
        i = match.start()
        ch = text[i]
        if ch in _OPEN and opened is None:
            opened = i
        elif ch in _CLOSE and opened is not None:
            out.append((opened, i + 1, True))
            opened = None
        elif ch == '"':
            if straight is None:
                straight = i
            else:
                out.append((straight, i + 1, True))
                straight = None
    for pos in (opened, straight):
        if pos is not None:
            out.append((pos, end, False))
    return sorted(out)


def region_speakers(
    regions: list[tuple[int, int, bool]], raws: list[Raw], para_start: int, carried: Raw | None, text: str
) -> list[tuple[int, int, Raw | None]]:
    """Each quotation's speaker: a speaker mention right after it, else the last one before it."""
    out: list[tuple[int, int, Raw | None]] = []
    outside = [r for r in raws if r.speaker and r.code and not any(s <= r.start < e for s, e, _ in regions)]
    for index, (start, end, _closed) in enumerate(regions):
        nxt = regions[index + 1][0] if index + 1 < len(regions) else len(text)
        after = [r for r in outside if end <= r.start < nxt]
        before = [r for r in outside if para_start <= r.start < start]
        speaker = after[0] if after else before[-1] if before else None
        if speaker is None and index == 0 and start == para_start:
            speaker = carried
        out.append((start, end, speaker))
    return out


class RoleCues:
    """Marks speakers ("Peskov said", "..., said Peskov.") and places ("talks in Moscow")."""

    def __init__(
        self, reporting_verbs: tuple[str, ...], locative_words: tuple[str, ...], modified_nouns: tuple[str, ...]
    ) -> None:
        verbs = trie_regex(reporting_verbs)
        adverbs = (
            r"(?:(?:has|have|had|also|later|then|earlier|again|previously|further|repeatedly|once again)[^\S\n]+)*"
        )
        self.after = re.compile(rf"[^\S\n]*(?:,[^\S\n]*)?{adverbs}(?:{verbs})(?!\w)")
        self.before = re.compile(rf"(?<!\w)(?:{verbs})[^\S\n]+(?:the[^\S\n]+)?\Z")
        # "..., said Peskov." / "said Peskov, adding": only then is the mention after the verb its subject.
        self.before_end = re.compile(r"[^\S\n]*(?:[.,;:!?”\"]|$)")
        # "In Brussels, ..." opens a sentence as often as "talks in Brussels" ends one
        self.locative = re.compile(rf"(?<!\w)(?i:{trie_regex(locative_words)})[^\S\n]+(?:the[^\S\n]+)?\Z")
        # "the United Nations Charter", "NATO Summit": a capital does not make the noun a name
        self.modifier = re.compile(rf"[^\S\n]+(?i:{trie_regex(modified_nouns)})(?![\w])")

    def flag(self, raws: list[Raw], text: str) -> None:
        """Set ``speaker`` and ``locative`` on the raw matches in place (demonyms are neither).

        A name right before a noun it modifies ("Ukraine's NATO aspirations", "US aid") is
        made a demonym: it names what the thing is about, not who acts.
        """
        place: Raw | None = None  # the last place, so that a list of places stays places
        starts = {r.start for r in raws}
        for raw in raws:
            if raw.kind == "country" and not raw.possessive and self.modifier.match(text, raw.end):
                raw.kind = "demonym"
            if raw.kind == "demonym":
                continue
            back = max(0, raw.start - 30)
            if not raw.possessive and (
                self.after.match(text, raw.end)
                or (self.before.search(text, back, raw.start) and self.before_end.match(text, raw.end))
            ):
                raw.speaker = True
            elif raw.kind == "country" and (
                self.locative.search(text, back, raw.start)
                or (place is not None and not raw.possessive and LIST_GAP.fullmatch(text, place.end, raw.start))
            ):
                # "talks in Warsaw, Bratislava and Baku": every city of the list is a venue.
                raw.locative = True
            if raw.kind == "country" and not raw.locative and _in_place_list(text, raw, starts):
                # "Warsaw, Bratislava, Budapest, Istanbul, Baku - we proposed": a list of venues
                raw.locative = True
            place = raw if raw.locative else None


_LIST_BEFORE = re.compile(r"(?:\b[A-Z][\w'’-]+,[^\S\n]+){3,}\Z")
_LIST_WORD = re.compile(r"\b[A-Z][\w'’-]+")


def _in_place_list(text: str, raw: Raw, actor_starts: set[int]) -> bool:
    """Whether a name ends a comma list of single capitalised words that are not all actors.

    Such a list is of cities ("Warsaw, Bratislava, Budapest, Istanbul, Baku"); a list of
    countries that act ("China, India, Brazil, South Africa") names actors only.
    """
    if not text.startswith(", ", max(0, raw.start - 2)):
        return False  # cheap test first: a list item follows a comma
    back = max(0, raw.start - 120)
    found = _LIST_BEFORE.search(text, back, raw.start)
    if found is None:
        return False
    words = [m.start() for m in _LIST_WORD.finditer(text, found.start(), raw.start)]
    return any(w not in actor_starts for w in words)
