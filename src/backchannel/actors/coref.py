"""Coreference: pronouns, bare titles, anaphors and first-person quotes to the actor they mean.

Kept simple and predictable, because an analyst must be able to see why a sentence went
to a holder. Within a paragraph a pronoun or "the president" takes the *last* earlier
mention that fits it, except that a speaker earlier in the same sentence wins ("Trump
said he would see the Kremlin chief and that he hoped..." is Trump both times).

- Among several fitting persons, he/she/him follow salience first (``salience``: the
  subject over a name in a phrase, the previous subject for "He" opening a sentence, the
  speaker for '"...," he said'), then recency.
- he/him/his need a person (or a singular title) not known to be a woman; she/her one
  not known to be a man; they/them/their a group or a country, or both of a later
  "X and Y" ("Kyiv and Moscow agreed..., but they") or every side of a plural ("the
  two leaders... They"). Inside a quote, he/she is not the quote's speaker. "it"/"its"
  need a country or a singular body ("its" the nearest in its sentence), and "it" only as the subject of what actors do
  ("it said", "it was ready"); a thing named in between ("the plan") blocks it. Places
  ("talks in Moscow") and demonyms are never antecedents.
- "the president", "the foreign minister" need a mention whose title is, or is covered
  by, that title; "the ministry" a group with that noun, or with the same role for
  ministries, delegations and armed forces ("the army" after "Russian forces"), while
  "the government" and "the administration" need that very noun. "his spokesman": the
  possessive resolves like a pronoun and the title is looked up for that code and day;
  "its foreign minister" needs an owner that can have one (a country, not NATO).
- "the two leaders" take the last two sitting leaders named.
- "the alliance", "the bloc" (actor anaphors) need their actor earlier in the paragraph.
- "both sides", "the two leaders" (plurals) stand for the pair named together or else the
  last two actors named, in the paragraph or else earlier in the text: one mention per
  side, on the same span (see ``plurals``).
- First person (I, we, our...) inside quotation marks is the quote's speaker: the
  speaker mention just after the closing mark (", he said") or before the opening one
  ("Putin said: ..."); a quote running on from the previous paragraph keeps its speaker.
  Outside quotes it is the document's ``speaker`` when the caller names one (a
  transcript's speaker), else dropped. With a document speaker, a bare title or group
  that nothing in the paragraph fits ("The President said", "the Defence Ministry")
  is the speaker's side's.
- Across a paragraph break (news often has one-sentence paragraphs) only with
  ``carry_over``: a pronoun that nothing in its paragraph fits takes the last fitting
  *speaker* of the previous paragraph, and nothing else.

Non-holders ("Western leaders") and persons out of office take part as antecedents, so
"they" after "Western leaders" is dropped instead of going to an earlier country; they
are left out of the result unless asked for. Unresolved pronouns are dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from .cues import ACTOR_IT, THING_BETWEEN, quote_regions, region_speakers
from .matcher import PRONOUNS, Matcher, Raw
from .model import Mention
from .plurals import ACTING as _ACTING
from .plurals import pair as _pair_of
from .plurals import plural
from .salience import OPENING, is_subject, salient, unknown_speaker
from .salience import last as _last

_SINGULAR_ROLES = frozenset({None, "ministry", "government", "negotiator", "military"})
_LOOSE_ROLES = frozenset({"ministry", "negotiator", "military"})
_APPOSITION = re.compile(r"[^\S\n]*,[^\S\n]*")
_POSSESSIVE_DET = {"his": "m", "her": "f", "their": "p", "its": "p"}
# Where a subject starts: the sentence's start, after a comma or dash, or after "and", "but", "that".
_SUBJECT_SLOT = re.compile(r"(?:[,;:—–(“\"]|(?<!\w)(?i:and|but|that|when|as|while|yet|however|later|then))[^\S\n]*\Z")


def _fits_pronoun(m: Raw, want: str, matcher: Matcher) -> bool:
    if m.locative:
        return False
    if want == "s":
        if m.kind == "pronoun":
            return m.person is None and m.role in _SINGULAR_ROLES
        return m.kind == "country" or (m.kind == "group" and m.noun in matcher.data.bare_groups)
    if want == "p":
        return m.kind in ("group", "country", "non_holder") or (m.kind == "pronoun" and m.person is None)
    if m.kind not in ("person", "title", "pronoun") or (m.kind == "pronoun" and m.person is None):
        return False
    if m.person is None:
        return m.kind == "title"
    known = matcher.data.persons.get(m.person)
    gender = known.gender if known else None
    return gender is None or gender == want


def _fits_bare(m: Raw, bare: Raw, matcher: Matcher, on: date | None) -> bool:
    if m.kind == "non_holder" or not m.code or m.locative:
        return False
    if bare.title is not None:
        wanted = matcher.expand(bare.title)
        if m.title in wanted:
            return True
        if bare.noun is not None and m.kind == "group":
            # "the head of the delegation" after "the Russian delegation": the head of that body.
            body = bare.noun.rsplit(" of ", 1)[-1].removeprefix("the ")
            return m.noun == body or (m.role is not None and m.role == matcher.noun_group.get(body))
        known = matcher.data.persons.get(m.person) if m.person is not None else None
        if known is not None and m.active:
            return any(r.title in wanted for r in known.roles_on(on))
        return False
    if m.kind != "group" or m.role is None:
        return False
    # "the ministry" finds "Russia's foreign ministry" (same role); "the government" or "the
    # administration" only the same noun, since "the administration" is idiomatic for the US one.
    return m.noun == bare.noun or (m.role == bare.role and bare.role in _LOOSE_ROLES)


class _Resolver:
    """The state of one resolve() call: histories per paragraph and for the whole text."""

    def __init__(self, matcher: Matcher, text: str, on: date | None, speaker: Raw | None, carry_over: bool) -> None:
        self.matcher = matcher
        self.text = text
        self.on = on
        self.doc_speaker = speaker
        self.carry_over = carry_over
        self.history: list[Raw] = []  # this paragraph
        self.previous: list[Raw] = []  # the paragraph before
        self.all: list[Raw] = []  # the whole text so far
        self.sentence_start = 0
        self.quotes: list[tuple[int, int, bool]] = []  # quotations of the current paragraph
        self.previous_sentence = (-1, 0)  # the last sentence's first index in ``history`` and its start
        self.sentence_from = 0  # index in ``history`` of the current sentence's first mention

    def new_paragraph(self) -> None:
        self.previous = self.history
        self.history = []
        self.previous_sentence = (-1, 0)

    def push(self, raw: Raw) -> None:
        self.history.append(raw)
        self.all.append(raw)

    def pronoun(self, raw: Raw) -> list[Raw]:
        """The pronoun resolved: one mention, or one per side when "they" follows "both sides"."""
        want = PRONOUNS[raw.det]  # type: ignore[index]

        def fits(m: Raw) -> bool:
            return _fits_pronoun(m, want, self.matcher)

        if want == "s":
            return [r for r in (self._it(raw, fits),) if r is not None]
        if any(s <= raw.start < e for s, e, _closed in self.quotes):
            # Inside a quote, "he" is someone the speaker talks about, not the speaker:
            # 'Putin "is stalling", Zelensky said, "and he knows it"' is Putin.
            speakers = {m.person or m.code for m in self.history if m.start >= self.sentence_start and m.speaker}

            def other(m: Raw) -> bool:
                return fits(m) and (m.person or m.code) not in speakers

            # The quote's own subject first: '"Putin is afraid to tell Trump that he wants..."' is Putin.
            opened = max(s for s, e, _closed in self.quotes if s <= raw.start < e) + 1
            inside = [m for m in self.history if opened <= m.start < raw.start]
            subject = inside[0] if inside and other(inside[0]) and is_subject(inside[0], self.text, opened) else None
            ante = subject or _last(self.history, other)
            if ante is None and self.carry_over and want in ("m", "f") and not any(map(fits, self.history)):
                # 'One insider put it bluntly: "He has the reserves..."' after a paragraph about
                # Putin: the one the previous paragraph was about, as a subject, not in a phrase.
                ante = _last(self.previous, lambda m: fits(m) and m.kind != "pronoun" and not m.possessive)
        else:
            same = _last(self.history, lambda m: m.start >= self.sentence_start and m.speaker and fits(m))
            ante = same or (salient(self, raw, fits) if want in ("m", "f") else None) or _last(self.history, fits)
            # '..., said Mykola Petrenko, an analyst. "...," he added': someone the dictionary
            # does not know spoke since, so the pronoun is theirs and no holder.
            if (
                ante is not None
                and raw.speaker
                and want in ("m", "f")
                and unknown_speaker(self.text, self.history, max(ante.end, raw.start - 400), raw.start)
            ):
                return []
        if ante is None and self.carry_over:
            ante = _last(self.previous, lambda m: m.speaker and fits(m))
        pair = _pair_of(self, self.history) if want == "p" else None
        if (
            pair is None
            and ante is None
            and raw.det == "they"
            and self.carry_over
            and OPENING.fullmatch(self.text, self.sentence_start, raw.start)
        ):
            pair = _pair_of(self, self.previous)  # "Zelensky thanked Trump ...\n\nThey agreed"
        if pair and (ante is None or pair[1].start >= ante.start):
            ante = None
        if ante is None and not pair:
            return []
        sides = list(pair) if ante is None and pair else [ante]
        if want == "p" and ante is not None and ante.det == "plural":  # "The two leaders agreed... They said"
            sides = [m for m in self.history if m.det == "plural" and m.start == ante.start] or [ante]
        out = []
        for side in sides:
            kind = (
                "non_holder" if side.kind == "non_holder" or (side.kind == "pronoun" and not side.code) else "pronoun"
            )
            out.append(Raw(raw.start, raw.end, kind, side.code, side.person, side.role, side.title, side.active,
                           speaker=raw.speaker, det="plural" if len(sides) > 1 else None))  # fmt: skip
        return out

    @property
    def subject(self) -> Raw | None:
        """The previous sentence's subject in this paragraph, for a "He" that opens the next one."""
        first, start = self.previous_sentence
        if first < 0 or first >= self.sentence_from:
            return None
        m = self.history[first]
        return m if is_subject(m, self.text, start) else None

    def _it(self, raw: Raw, fits: Callable[[Raw], bool]) -> Raw | None:
        """ "it"/"its": a country or body, when "it" does what actors do and no thing comes between."""
        if raw.det == "it" and (raw.possessive or not ACTOR_IT.match(self.text, raw.end)):
            return None  # "it's", "it is clear", "opposed to it": no actor
        # "The Turkish foreign minister said ... it was working to": the speaker's country. But
        # "its" is the nearest body in its sentence: "Zelensky accused the Kremlin of dragging its feet".
        here = self.history[self.sentence_from :]
        same = _last(here, fits) if raw.det == "its" else None
        same = same or _last(here, lambda m: m.speaker and (fits(m) or m.kind in ("person", "title")))
        ante = same or _last(self.history, fits)
        if ante is None and self.carry_over:
            ante = _last(self.previous, lambda m: m.speaker and fits(m))
        if ante is None or not ante.code:
            return None
        if ante.end <= raw.start and THING_BETWEEN.search(self.text, ante.end, raw.start):
            return None
        return Raw(raw.start, raw.end, "pronoun", ante.code, None, ante.role, None, ante.active, speaker=raw.speaker)

    def bare(self, raw: Raw) -> Raw | None:
        if raw.det == "the":

            def fits(m: Raw) -> bool:
                return _fits_bare(m, raw, self.matcher, self.on)

            ante = _last(self.history, fits)
            # Only as a subject does a bare title act: "without naming the pope" names the one
            # talked about, not one acting.
            subject = not self.text[self.sentence_start : raw.start].strip(' “"') or bool(
                _SUBJECT_SLOT.search(self.text, max(0, raw.start - 12), raw.start)
            )
            if ante is None and raw.title is not None:
                sole = self.matcher.data.titles[raw.title].sole_code
                # "..., the pope said", with no Vatican named: the one actor with a pope.
                if sole is not None and subject:
                    person = self.matcher.holder(sole, raw.title, self.on)
                    return Raw(
                        raw.start, raw.end, "title", sole, person, raw.role, raw.title, True, speaker=raw.speaker
                    )
            if ante is None and self.carry_over and subject:
                # News runs one sentence to a paragraph: "the spokesman said" two paragraphs after
                # "Dmitry Peskov said" is still Peskov. A title looks back through the text, a body
                # ("the ministry") only into the paragraph before.
                ante = _last(self.previous, fits)
                if ante is None and raw.title is not None:
                    ante = _last(self.all, fits)
            if ante is None and self.doc_speaker is not None and self.doc_speaker.code:
                # A transcript's own "the President", "the Defence Ministry": the speaker's side.
                code = self.doc_speaker.code
                person = self.matcher.holder(code, raw.title, self.on) if raw.title is not None else None
                kind = "title" if raw.title is not None else "group"
                return Raw(raw.start, raw.end, kind, code, person, raw.role, raw.title, True, speaker=raw.speaker)
            if ante is None:
                return None
            kind = "title" if raw.title is not None else "group"
            person = ante.person if raw.title is not None else None
            if kind == "title" and ante.kind == "group" and ante.active:
                person = self.matcher.holder(ante.code, raw.title, self.on)  # type: ignore[arg-type]
            return Raw(
                raw.start, raw.end, kind, ante.code, person, raw.role, raw.title, ante.active, speaker=raw.speaker
            )
        want = _POSSESSIVE_DET[raw.det]  # type: ignore[index]
        key = raw.title

        def owns(m: Raw) -> bool:
            # "its foreign minister" needs an actor that has one: a country, not NATO named since.
            return _fits_pronoun(m, want, self.matcher) and (
                key is None or not m.code or self.matcher.has_title(m.code, key)
            )

        named = self.history[-1] if self.history else None
        if (
            named is not None
            and named.kind == "person"
            and named.code
            and _APPOSITION.fullmatch(self.text, named.end, raw.start)
        ):
            # "Dmitry Peskov, its spokesman": the title is the person's own, whatever "its" last named.
            kind = "title" if raw.title is not None else "group"
            return Raw(raw.start, raw.end, kind, named.code, named.person, raw.role, raw.title, named.active,
                       speaker=raw.speaker)  # fmt: skip
        owner = _last(self.history, owns)
        if owner is None or not owner.code:
            return None
        person = None
        title = raw.title
        if title is not None and owner.person is not None and owner.role == "leader":
            # "his spokesman" after Putin is the presidential spokesperson, as "Putin's spokesman" is.
            for candidate in self.matcher.modifier_titles:
                if "<leader>" in candidate.modifiers and candidate.role == raw.role:
                    title = candidate.key
                    break
        if title is not None and owner.active:
            person = self.matcher.holder(owner.code, title, self.on)
        kind = "title" if title is not None else "group"
        return Raw(raw.start, raw.end, kind, owner.code, person, raw.role, title, owner.active, speaker=raw.speaker)

    def anaphor(self, raw: Raw) -> Raw | None:
        ante = _last(self.history, lambda m: m.code == raw.code and m.kind in _ACTING)
        return None if ante is None else replace(raw, kind="country")

    def first_person(self, raw: Raw, regions: list[tuple[int, int, Raw | None]]) -> Raw | None:
        owner = self.doc_speaker
        for start, end, speaker in regions:
            if start <= raw.start < end:
                owner = speaker
                break
        if owner is None or not owner.code:
            return None
        return Raw(raw.start, raw.end, "pronoun", owner.code, owner.person, owner.role, owner.title, owner.active)


def to_mention(raw: Raw, text: str) -> Mention:
    return Mention(raw.start, raw.end, text[raw.start : raw.end], raw.code or "", raw.person, raw.kind, raw.role,
                   raw.title, raw.active, raw.speaker, raw.locative)  # fmt: skip


def keep(raw: Raw, include_inactive: bool, include_non_holders: bool) -> bool:
    """Whether a resolved raw match is returned to the caller."""
    if raw.kind in ("bare", "anaphor", "plural", "honorific", "not_actor"):
        return False
    if raw.kind == "pronoun" and raw.code is None:
        return False
    if raw.kind == "non_holder":
        return include_non_holders
    return raw.active or include_inactive


def resolve(
    matcher: Matcher,
    text: str,
    sentences: Sequence[tuple[int, int]],
    paragraphs: Sequence[tuple[int, int]],
    on: date | None,
    *,
    include_inactive: bool = False,
    include_non_holders: bool = False,
    speaker: Raw | None = None,
    carry_over: bool = False,
) -> list[list[Mention]]:
    """Per sentence, its mentions with coreference resolved (see the module docstring)."""
    paras = sorted(paragraphs)
    para_starts = [p[0] for p in paras]
    # One scan of the whole text, bucketed by sentence: a scan per sentence costs a regex
    # call per sentence. Merges never cross a sentence end (they need a blank or comma gap).
    raws = matcher.scan(text, 0, len(text), on)
    raw_starts = [r.start for r in raws]
    state = _Resolver(matcher, text, on, speaker, carry_over)
    resolved: list[list[Raw]] = []
    current = None
    carried: Raw | None = None
    pending: list[tuple[int, Raw]] = []  # first-person pronouns, resolved once the paragraph is read
    for index, (s_start, s_end) in enumerate(sentences):
        para = bisect_right(para_starts, s_start) - 1
        if para != current:
            carried = _finish_paragraph(state, pending, resolved, carried, paras, current, text)
            pending = []
            state.new_paragraph()
            current = para
            if 0 <= para < len(paras):
                p_start, p_end = paras[para]
                chunk = text[p_start:p_end]
                has_quote = '"' in chunk or "“" in chunk or "«" in chunk
                state.quotes = quote_regions(text, p_start, p_end) if has_quote else []
        if state.history and state.sentence_from < len(state.history):
            state.previous_sentence = (state.sentence_from, state.sentence_start)
        else:
            state.previous_sentence = (-1, 0)
        state.sentence_start = s_start
        state.sentence_from = len(state.history)
        bucket: list[Raw] = []
        for raw in raws[bisect_left(raw_starts, s_start) :]:
            if raw.start >= s_end:
                break
            if raw.end > s_end:
                continue
            if raw.kind == "pronoun" and PRONOUNS[raw.det] == "1":  # type: ignore[index]
                pending.append((index, raw))
                continue
            found: list[Raw]
            if raw.kind == "pronoun":
                found = state.pronoun(raw)
            elif raw.kind == "bare":
                found = [r for r in (state.bare(raw),) if r is not None]
            elif raw.kind == "anaphor":
                found = [r for r in (state.anaphor(raw),) if r is not None]
            elif raw.kind == "plural":
                found = plural(state, raw)
            else:
                found = [raw]
            for item in found:
                state.push(item)
                bucket.append(item)
        resolved.append(bucket)
    _finish_paragraph(state, pending, resolved, carried, paras, current, text)
    out = []
    for bucket in resolved:
        bucket.sort(key=lambda r: (r.start, r.end))
        out.append([to_mention(r, text) for r in bucket if keep(r, include_inactive, include_non_holders)])
    return out


def _finish_paragraph(
    state: _Resolver,
    pending: list[tuple[int, Raw]],
    resolved: list[list[Raw]],
    carried: Raw | None,
    paras: list[tuple[int, int]],
    current: int | None,
    text: str,
) -> Raw | None:
    """Resolve the paragraph's first-person pronouns; return the speaker of a quote left open."""
    if current is None or current < 0 or current >= len(paras):
        start, end = 0, len(text)
        if pending:
            start = min(r.start for _, r in pending)
            end = max(r.end for _, r in pending)
        spans = quote_regions(text, start, end)
    else:
        start, end = paras[current]
        spans = state.quotes  # computed when the paragraph began
    if not spans and not pending:
        return None
    speakers = region_speakers(spans, state.history, start, carried, text)
    for index, raw in pending:
        item = state.first_person(raw, speakers)
        if item is not None:
            resolved[index].append(item)
    if spans and not spans[-1][2]:
        return speakers[-1][2]
    return None
