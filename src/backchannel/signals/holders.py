"""Whose position it is: holder selection in a sentence.

The spec separates three people a sentence can involve: the *holder* whose position it
reveals, the *speaker* the article credits ("Western officials report ... that Putin is
open to ...": speaker Western officials, holder Russia), and the article's own voice.
``reporting.attribution`` finds the speaker and the reported content; these rules take
the holder as the subject of the first stance cue in that content, and fall back to the
speaker when the content names no one else. Positions are offsets within the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .analysis import Cue

FIRST_PERSON = frozenset({"we", "us", "our", "ours", "i", "me", "my", "mine", "ourselves", "myself"})
# Case matters: "US" is a country, "us" a pronoun.
_FIRST_PERSON_RE = re.compile(r"\b(?:[Ww]e|us|[Oo]ur|[Oo]urs|I|me|[Mm]y|[Oo]urselves|[Mm]yself)\b")
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:with|to|from|against|on|for|of|in|into|toward|towards|about|over|between)\s+(?:the\s+|a\s+|an\s+)?$",
    re.I,
)
# "offer Putin a guarantee", "told Kyiv", "provided Russia with arms": the one given or told something is no subject.
_GIVEN_TO_BEFORE = re.compile(
    r"\b(?:offer|offers|offered|offering|give|gives|gave|giving|grant|grants|granted|promise|promises|promised"
    r"|hand|hands|handed|assure|assures|assured|tell|tells|told|telling|provide|provides|provided|providing"
    r"|supply|supplies|supplied|supplying|send|sends|sent|sending|sell|sells|sold|selling"
    r"|put|puts|putting|place|places|placed|placing)\s+$",
    re.I,
)
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
# ", and proposed ...": a second verb of the same subject follows
_CLAUSE_AND = re.compile(r",?\s+(?:and|but)\s+(?:then\s+|also\s+|later\s+)?$", re.IGNORECASE)
_AND_BETWEEN = re.compile(r"^\s*(?:,|and|&|as well as|,\s*and|-|–)\s*$", re.IGNORECASE)
_PROPOSAL_AFTER = re.compile(
    # "Russia's new peace plan" (possessive) or "the Chinese 12-point plan" (modifier, no article
    # between: "we know the proposals" names no author)
    r"(?:(?:['’]s?\s+(?:(?!(?:to|on|for|of|against|about|with|over)\b)[\w-]+\s+){0,3}?"
    r"|\s+(?:(?!(?:to|on|for|of|against|about|with|over|the|a|an|this|that|these|those|its|their|our|his|her)\b)"
    r"[\w-]+\s+){0,3}?)"
    r"(?:proposals?|plan|initiative|offer|idea|formula)\b"
    r"|-(?:proposed|brokered|drafted|backed)\b)",
    re.IGNORECASE,
)
_PROPOSED_BY = re.compile(
    r"\b(?:proposed|put forward|offered|suggested|brokered|initiated|drafted|declared|announced|tabled)\s+by\s+(?:the\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Actorish:
    """A holder candidate in the sentence: a resolved mention, relative offsets."""

    start: int
    end: int
    text: str
    code: str
    person: str | None
    kind: str
    role: str | None


@dataclass(frozen=True, slots=True)
class Attribution:
    """The reporting structure: who is credited, and where the reported content lies."""

    speaker: Actorish | None
    source_cue: Cue | None  # anonymous/analyst/media/third_party cue crediting the content
    verb: Cue | None
    content: tuple[int, int]  # offsets of the reported content (the whole sentence if none)
    claim: bool = False  # an accusation about another side ("blamed", "accused")


DEONTIC = re.compile(
    r"['’]?s?\s+(?:[\w-]+\s+)?(?:must|should|has to|have to|had to|would have to|needs? to|ought to|was to"
    r"|(?:could|can|would|should) play (?:a|an)\b)",  # "said Beijing could play a part in persuading Moscow"
    re.I,
)
_PERMISSIVE = re.compile(r"['’]?s?\s+(?:could|can|may|might|would be (?:able|allowed|welcome) to)\b", re.I)
_GRATITUDE = re.compile(
    r"\b(?:thank(?:ed|s|ing)?|prais(?:ed|es|ing)|commend(?:ed|s|ing)|credit(?:ed|s|ing)|applaud(?:ed|s|ing)|"
    r"hail(?:ed|s|ing)|grateful to)\s+(?:the\s+)?$",
    re.I,
)


_GRATITUDE_WORD = re.compile(r"thank|prais|commend|credit|applaud|hail|grateful", re.I)


def _thanked_for(sentence: str, mentions: list[Actorish], pos: int) -> Actorish | None:
    """The one thanked or praised "for" the stance at ``pos`` ("thanked Trump for his efforts")."""
    if _GRATITUDE_WORD.search(sentence, 0, pos) is None:
        return None
    for m in mentions:
        if m.end <= pos and _GRATITUDE.search(sentence, max(0, m.start - 30), m.start):
            between = sentence[m.end : pos]
            if re.search(r"\b(?:for|with)\b", between) and not re.search(r"[.;]", between):
                return m
    return None


_ACCORDING_BEFORE = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.IGNORECASE)
_PASSIVE_AFTER = re.compile(
    r"\s+(?:could|would|should|must|might|may|will|to)?\s*be\s+(?:placed|put|brought|made|forced|required|subjected|"
    r"demilitari[sz]ed|disarmed|stripped|barred)\b",
    re.I,
)
_TERMS_MARKER = re.compile(r"\b(?:if|unless|once|provided|as soon as|only after|only when)\b", re.I)
# "Russian opposition", "Kyiv's readiness", "Ukraine's de facto rejection": the owner of the stance noun
# (not "... to Ukraine and accused": a conjunction starts another clause).
_ADJACENT = re.compile(r"^(?:['’]s?\s*(?:[\w-]+\s+){0,2}|\s*(?:(?!(?:and|or|but|then)\s)[\w-]+\s+)?)$", re.I)


# Nouns through which a side acts or speaks: "the Russian side's", "a joint US-Ukraine statement".
_VOICE_NOUN = re.compile(
    r"(?:statement|declaration|communiqu[eé]|government|authorities|leadership|officials|delegation|side|forces"
    r"|troops|negotiators|diplomats|military|army|president|leader|administration|team|envoys?)",
    re.IGNORECASE,
)
_POSSESSED_CUE = re.compile(r"^['’]s?\s*$")


def cue_owners(sentence: str, mentions: list[Actorish], cues: tuple[Cue, ...], skip: Cue | None) -> list[Actorish]:
    """Holders named as the possessor of a later stance noun ("the sides' recommitment to the truce").

    One sentence may credit a second side this way after the first cue's holder ("Biden
    voiced support for the talks, hoping the sides' recommitment to the truce would hold").
    """
    out: list[Actorish] = []
    for c in cues:
        if c is skip:
            continue
        before = [m for m in mentions if m.end <= c.start and m.code]
        if before and _POSSESSED_CUE.match(sentence[before[-1].end : c.start]):
            last = before[-1]
            out += [m for m in before if m.start == last.start and m.end == last.end]
    return out


def subject_before(sentence: str, mentions: list[Actorish], pos: int, lo: int) -> Actorish | None:
    """The nearest mention before ``pos`` (and after ``lo``) that is not a prepositional object.

    A mention right before the cue ("Russian opposition", "Kyiv's readiness") is its
    holder even after a preposition.
    """
    before = [m for m in mentions if lo <= m.start and m.end <= pos]
    if before and _ADJACENT.match(sentence[before[-1].end : pos]):
        # "Russian opposition", "a joint US-Ukraine statement backing" own the cue; "Russian
        # reciprocity is the key to" describes a thing
        gap = sentence[before[-1].end : pos].strip()
        if before[-1].kind != "demonym" or not gap or _VOICE_NOUN.fullmatch(gap):
            return before[-1]
    objects: set[int] = set()
    for i, m in enumerate(before):
        # a prepositional object, or the second half of a compound after one ("of the Russia-Ukraine war")
        compound = i > 0 and sentence[before[i - 1].end : m.start] in ("-", "–") and (i - 1) in objects
        if (
            compound
            or _PREPOSITION_BEFORE.search(sentence, max(0, m.start - 20), m.start)
            or _GIVEN_TO_BEFORE.search(sentence, max(0, m.start - 20), m.start)
        ):
            objects.add(i)
    candidates = [i for i in range(len(before)) if i not in objects and before[i].kind != "demonym"]
    plain = [i for i in candidates if not _POSSESSIVE_AFTER.match(sentence, before[i].end)]
    if plain and plain[-1] != candidates[-1] and _CLAUSE_AND.search(sentence, before[candidates[-1]].end, pos):
        # "Ukraine would mirror Russia's actions, and proposed ...": the possessive modifies a noun of
        # the first clause; the subject of the second is the earlier one.
        candidates = plain
    for k in range(len(candidates) - 1, -1, -1):
        m = before[candidates[k]]
        if k > 0 and _in_aside(sentence, before[candidates[k - 1]].end, m, pos):
            continue  # "Erdogan, hosting Zelensky in Ankara, offered ...": the aside's actor does not act
        return m
    return None


def _in_aside(sentence: str, earlier_end: int, m: Actorish, pos: int) -> bool:
    """Whether ``m`` sits in a comma-delimited aside between an earlier actor and the cue."""
    opening = sentence.rfind(",", earlier_end, m.start)
    closing = sentence.find(",", m.end, pos)
    return opening >= 0 and closing >= 0


def coordinated(sentence: str, mentions: list[Actorish], head: Actorish) -> list[Actorish]:
    """The head mention with those coordinated with it ("the United States and Ukraine")."""
    group = [head]
    ordered = sorted(mentions, key=lambda m: m.start)
    if head not in ordered:
        return group
    i = ordered.index(head)
    j = i
    while j > 0 and _AND_BETWEEN.match(sentence[ordered[j - 1].end : ordered[j].start]):
        group.insert(0, ordered[j - 1])
        j -= 1
    j = i
    while j + 1 < len(ordered) and _AND_BETWEEN.match(sentence[ordered[j].end : ordered[j + 1].start]):
        group.append(ordered[j + 1])
        j += 1
    # "both sides" resolved to each side: one mention per side on the same span
    same_span = [m for m in ordered if m is not head and m.start == head.start and m.end == head.end]
    return group + [m for m in same_span if m not in group]


def proposers(sentence: str, mentions: list[Actorish], terms: list[Cue]) -> list[Actorish]:
    """Actors named as the author of a proposal on this issue ("the US proposal for a truce").

    The proposal must sit next to one of the issue's ``terms`` (within 60 characters), so
    "a U.S. proposal for a cease-fire, after hours of talks" is a cease-fire proposal only.
    """

    def near_term(m: Actorish) -> bool:
        return any(-60 <= t.start - m.end <= 60 or (t.end <= m.start and m.start - t.end <= 60) for t in terms)

    def authors(m: Actorish) -> bool:
        return bool(
            _PROPOSAL_AFTER.match(sentence, m.end) or _PROPOSED_BY.search(sentence, max(0, m.start - 30), m.start)
        )

    return [m for m in mentions if authors(m) and near_term(m)]


def select_holders(
    sentence: str,
    mentions: list[Actorish],
    first_cue: Cue | None,
    attr: Attribution,
    excluded: list[tuple[int, int]] = (),  # type: ignore[assignment]
    call: Cue | None = None,
    object_codes: tuple[str, ...] = (),
    later_cues: tuple[Cue, ...] = (),
) -> tuple[list[Actorish], str]:
    """The holder mentions for a signal and how they were chosen (for ``why``).

    Mentions inside ``excluded`` spans (the issue term itself: "join NATO", "NATO
    expansion") are the issue's object, never its holder.
    """
    lo, hi = attr.content
    mentions = [m for m in mentions if not any(a <= m.start < b for a, b in excluded)]
    content = [m for m in mentions if lo <= m.start < hi]
    if attr.verb is not None and attr.speaker is not None and lo == 0:
        content = [m for m in content if m is not attr.speaker]
    pos = first_cue.start if first_cue is not None and lo <= first_cue.start < hi else hi
    if call is not None:
        # "China called on Russia and Ukraine to agree to a truce": the caller's position.
        addressees = [m for m in mentions if m.start >= call.start]
        mentions = [m for m in mentions if m not in addressees]
        content = [m for m in content if m not in addressees]
        pos = call.start
    coordinated_verb = not attr.claim and _CLAUSE_AND.search(sentence, max(0, pos - 14), pos) is not None
    if attr.claim and content:
        # "Russia accused Ukraine of rejecting talks": the claim is about the side it names.
        head, how = content[0], "side described by a claim"
    elif coordinated_verb and attr.speaker is not None and attr.verb is not None and attr.verb.start < pos:
        # "Zelensky described Putin's answer as manipulative and called for sanctions": the second
        # verb shares the first one's subject, not the name in its object.
        head, how = attr.speaker, "subject of the coordinated verb"
    else:
        head = subject_before(sentence, content, pos, lo)
        how = "subject of the stance cue" if call is None else f"caller ({call.text!r})"
        for later in later_cues if head is None and call is None and attr.speaker is None else ():
            # "Reports suggest that Putin had explored a truce": the first cue had no subject.
            if lo <= later.start < hi and later.start > pos:
                head = subject_before(sentence, content, later.start, lo)
                if head is not None:
                    break
    speaker = attr.speaker
    if head is not None and speaker is not None and head.code in object_codes and speaker.code != head.code:
        # "Biden said Ukraine was not ready for membership": Ukraine is what the issue is about.
        head, how = speaker, f"speaker (on {head.text!r}, the issue's object)"
    group = coordinated(sentence, mentions, head) if head is not None else []
    group_end = max((m.end for m in group), default=0)
    others = speaker is not None and any(m.code != speaker.code for m in group)
    if head is not None and speaker is not None and others and DEONTIC.match(sentence, group_end):
        # "Lavrov said Ukraine must withdraw", "Barrot said Beijing and Paris should coordinate":
        # a demand on others (even with one's own side among them) is the speaker's position.
        return [speaker], "speaker (a demand on the other side)"
    if (
        head is not None
        and speaker is not None
        and speaker.code != head.code
        and _PERMISSIVE.match(sentence, head.end)
        and _TERMS_MARKER.search(sentence, head.end)
    ):
        # "Zelensky said Russia could join the talks if it withdrew its troops": the speaker sets the terms.
        head, how = speaker, "speaker (terms set for the other side)"
    if (
        head is not None
        and speaker is not None
        and speaker.code != head.code
        and _PASSIVE_AFTER.match(sentence, head.end)
    ):
        # "Putin said Ukraine could be placed under an outside administration": what would be done to
        # Ukraine is the speaker's term, not Ukraine's position.
        head, how = speaker, "speaker (terms for the side that would undergo them)"
    thanked = _thanked_for(sentence, mentions, pos)
    if thanked is not None:
        # "Zelensky thanked Trump for his efforts towards peace": the one thanked made the efforts.
        head, how = thanked, "the one thanked for it"
    if head is None and attr.speaker is not None:
        head, how = attr.speaker, "speaker"
    if head is None:
        head = subject_before(sentence, mentions, pos, 0)
    if head is None:
        return [], ""
    group = group if head in group else coordinated(sentence, mentions, head)
    # "According to Washington, Moscow and Kyiv accepted": the source before the comma is no co-holder
    return [m for m in group if m is head or not _ACCORDING_BEFORE.search(sentence, max(0, m.start - 20), m.start)], how


_WITH_PARTNER = re.compile(
    r"\b(?:reached|signed|struck|concluded|sealed|clinched)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:agreements?|deals?|accords?|arrangements?)\s+with\s+(?:both\s+|the\s+)?$",
    re.I,
)


def partners(sentence: str, mentions: list[Actorish], heads: list[Actorish]) -> list[Actorish]:
    """The other parties to an agreement the holder reached ("reached agreements with Russia and Ukraine").

    An agreement takes two: whoever it was reached *with* agreed to it as well. One only
    offered or sought ("ready to strike a deal with Washington") binds nobody else.
    """
    codes = {h.code for h in heads}
    first = next(
        (m for m in mentions if m.code and _WITH_PARTNER.search(sentence, max(0, m.start - 40), m.start)), None
    )
    if first is None:
        return []
    return [m for m in coordinated(sentence, mentions, first) if m.code and m.code not in codes]
