"""Article-level context for the signal rules: speakers, skipped paragraphs, actors per sentence.

Official texts speak in the first person ("We are ready for talks"), transcripts label
each turn ("President of Russia Vladimir Putin: ..."), and quotes run across sentences.
This module works out who "we" and "I" are, which paragraphs are headings, captions
or a journalist's question (never annotated), and which actors each sentence names
(through the actor dictionary's coreference within the paragraph).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from ..records import Article
from ..sentences import Split
from ..timeexpr import time_expressions
from .analysis import inside
from .documents import document_voices
from .holders import _FIRST_PERSON_RE, FIRST_PERSON, Actorish
from .lexicon import Lexicon

_LABEL = re.compile(r"^([^:“”\"\n]{2,90}?)(?:\s*\([^()]*\))?:\s+\S")  # "Name (retranslated): ..."
# "Statement: ...": a paragraph that quotes an official text named around it (live blogs, analyses).
_DOCUMENT_LABEL = re.compile(
    r"^(?:Statement|Joint statement|Text|Communiqu[eé]|Declaration|Readout|Excerpt)\s*:\s*[\"“]?", re.IGNORECASE
)
# A speaker label is a name or a title: two lower-case words that are not particles of a title
# ("Ukraine wants a two-stage process:") make it a clause.
_CLAUSE_WORDS = re.compile(
    r"\b(?!(?:of|the|and|for|on|to|de|von|van|al|bin|in|at)\b)[a-z][\w'’-]*\s+"
    r"(?!(?:of|the|and|for|on|to|de|von|van|al|bin|in|at)\b)[a-z][\w'’-]*"
)
_QUESTION_LABEL = re.compile(r"^(?:Q|Question|Journalist|Reporter|Moderator|Host|Interviewer|Audience)\b", re.I)
# A speaker label that names a person the dictionary does not know (a journalist).
_NAME_LABEL = re.compile(r"^(?:[A-Z][\w.'’-]+\s+){1,4}[A-Z][\w'’-]+$")
_READOUT = re.compile(
    r"\b(?:readout|spoke with|spoke by phone|call with|phone call|telephone|met with|meeting|talks|expert groups?)\b",
    re.I,
)
_OTHERS_AFTER = re.compile(
    r"\s+(?:so-called\s+|[\"“]?)?(?:\w+\s+)?(?:adversar\w*|partners?|colleagues?|friends?|opponents?|enem\w+|allies|"
    r"counterparts?|curators|sponsors|interlocutors)\b",
    re.IGNORECASE,
)
_QUESTION_END = re.compile(r"\?[\"'”’»)]*$")
_OUR_OTHERS = re.compile(r"(?<!\w)(?:[Oo]ur|[Mm]y)" + _OTHERS_AFTER.pattern, re.IGNORECASE)
_AND = re.compile(r"^\s*(?:and|&)\s*$")
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)»]\s*$")
_KINDS = ("country", "person", "title", "group", "demonym", "pronoun")


@dataclass(frozen=True, slots=True)
class Topic:
    """The issues and holder of the latest signal sentence, for continuations."""

    paragraph: int
    issues: tuple[str, ...]
    holder: str
    when: str | None
    holders: tuple[str, ...] = ()  # every holder of that sentence ("the United States and Ukraine agreed")
    sentence: int = -1  # the index of that sentence: a topic fades a few sentences on


@dataclass
class DocContext:
    """What the rules know about the article beyond one sentence."""

    published: date | None
    split: Split
    skip: list[bool]  # per paragraph: heading, caption, debris or a journalist's question
    speaker_of: list[Actorish | None]  # per paragraph: the transcript speaker, else the document's voice
    labelled: list[bool]  # per paragraph: whether it opens with a speaker label
    mentions: list[list[Actorish]]  # per sentence, offsets relative to the sentence
    last_speaker: Actorish | None = None
    voice: Actorish | None = None  # the actor an official text speaks for (from its outlet)
    transcript: bool = False  # turns labelled with speakers ("Vladimir Putin: ...")
    readout: bool = False  # an official account of a call or meeting (other sides' words were private)
    document_text: list[bool] = field(default_factory=list)  # per paragraph: quotes an official text
    others: list[bool] = field(default_factory=list)  # per sentence: names a party that is no holder
    doc_date: str | None = None  # an official text's own date: its first time expression, else publication
    _codes_before: list[list[str]] = field(default_factory=list)
    _state_before: list[tuple[list[str], list[str]]] = field(default_factory=list)
    _text: str = ""

    def paragraph_of(self, sentence_index: int) -> int:
        return self.split.paragraph_of[sentence_index]

    def continues(self, para_a: int, para_b: int) -> bool:
        """Whether paragraph ``para_b`` continues the same speaker's turn as ``para_a`` (transcripts)."""
        if para_b <= para_a or self.labelled[para_b]:
            return False
        a, b = self.speaker_of[para_a], self.speaker_of[para_b]
        if a is None or b is None or a is not b:
            return False
        start = self._turn_start(para_b)
        return start <= para_a and self.labelled[start]  # the same labelled turn, however many paragraphs long

    def _turn_start(self, para: int) -> int:
        while para > 0 and not self.labelled[para] and self.speaker_of[para - 1] is self.speaker_of[para]:
            para -= 1
        return para

    def sides(self, sentence_index: int, before: int | None = None) -> list[str]:
        """The two (or more) most recently named distinct holders up to this sentence.

        With ``before`` (an offset in the sentence), only the sentence's mentions before it
        count: in "both countries agreed to the ban that Putin and Trump discussed" the pair
        named after the phrase is not who "both countries" are.
        """
        if before is None:
            return self._codes_before[sentence_index]
        recent, pair = self._state_before[sentence_index]
        found = [m for m in self.mentions[sentence_index] if m.end <= before]
        recent, pair = _named(self._text, self.split.sentences[sentence_index].start, found, recent, pair)
        return pair + [c for c in recent if c not in pair] if pair else recent


def _actorish(m, offset: int) -> Actorish:
    return Actorish(m.start - offset, m.end - offset, m.text, m.code, m.person, m.kind, m.role)


def build_context(lex: Lexicon, article: Article, parts: Split) -> DocContext:
    text = article.text
    on = article.published
    sentences = [(s.start, s.end) for s in parts.sentences]
    paragraphs = [(p.start, p.end) for p in parts.paragraphs]
    resolved = lex.actors.resolve(text, sentences, paragraphs, on=on, carry_over=True, include_non_holders=True)
    mentions = []
    others: list[bool] = []  # per sentence: names a party that is no holder ("Western leaders", "our partners")
    for (start, _end), found in zip(sentences, resolved, strict=True):
        others.append(any(m.kind == "non_holder" for m in found) or bool(_OUR_OTHERS.search(text, start, _end)))
        # A place ("talks in Moscow", "at the White House") is where, not who: no holder.
        usable = [m for m in found if m.code and m.kind in _KINDS and m.active and not getattr(m, "locative", False)]
        mentions.append([_actorish(m, start) for m in usable])
    mentions = document_voices([text[a:b] for a, b in sentences], mentions)
    doc_voice = _document_voice(lex, article)
    skip, speaker_of, labelled = [], [], []
    label_spans: list[tuple[int, int]] = []  # "Vladimir Putin:" opening a turn names the speaker, no subject
    document_text: list[bool] = []
    current = doc_voice
    debris = lex.cues.debris
    for p in parts.paragraphs:
        para = p.of(text)
        label = _LABEL.match(para)
        is_debris = debris is not None and debris.search(para) is not None
        if label is not None and (
            is_debris
            or (lex.cues.reporting and lex.cues.reporting.spans(label.group(1)))
            or _CLAUSE_WORDS.search(label.group(1))
        ):
            label = None  # "Also Read: ...", "Putin added: ...", "Ukraine wants a two-stage process: ...": no turn
        is_label = False
        if label and len(label.group(1).split()) <= 12:
            found = [m for m in lex.actors.mentions(text, p.start, p.start + label.end(1), on=on) if m.code]
            if found and not _QUESTION_LABEL.match(para):
                best = found[-1]
                current = Actorish(0, 0, best.text, best.code, best.person, best.kind, best.role)
                is_label = True
            elif _QUESTION_LABEL.match(para) or _NAME_LABEL.match(label.group(1)):
                current = None  # a named journalist or a question: not a holder's turn
                is_label = True
        if is_label and label is not None:
            label_spans.append((p.start, p.start + label.end(1)))
        heading = (not _SENTENCE_END.search(para) and len(para.split()) < 15) or _is_title(para, article.title)
        skip.append(heading or is_debris or (is_label and current is None))
        speaker_of.append(current if (is_label or current is not doc_voice) else doc_voice)
        labelled.append(is_label)
        document_text.append(_DOCUMENT_LABEL.match(para) is not None)
    for k, para_span in enumerate(parts.paragraphs):
        turn_ends = k + 1 == len(parts.paragraphs) or labelled[k + 1]
        if labelled[k] and turn_ends and _QUESTION_END.search(para_span.of(text).rstrip()):
            skip[k] = True  # a one-paragraph turn that ends asking ("May I ask you ...?") is a question
    if label_spans:
        mentions = [
            [m for m in found if not any(a <= start + m.start < b for a, b in label_spans)]
            for (start, _end), found in zip(sentences, mentions, strict=True)
        ]
    codes_before: list[list[str]] = []
    state_before: list[tuple[list[str], list[str]]] = []
    recent: list[str] = []
    pair: list[str] = []  # the latest coordinated pair ("the United States and Russia")
    for (start, _end), found in zip(sentences, mentions, strict=True):
        state_before.append((list(recent), list(pair)))
        recent, pair = _named(text, start, found, recent, pair)
        codes_before.append(pair + [c for c in recent if c not in pair] if pair else list(recent))
    first = parts.paragraphs[0].of(text) if parts.paragraphs else ""
    readout = doc_voice is not None and _READOUT.search(first + " " + (article.title or "")) is not None
    doc_date = _document_date(text, parts, on) if doc_voice is not None else None
    return DocContext(
        on,
        parts,
        skip,
        speaker_of,
        labelled,
        mentions,
        voice=doc_voice,
        transcript=any(labelled),
        readout=readout,
        document_text=document_text,
        others=others,
        doc_date=doc_date,
        _codes_before=codes_before,
        _state_before=state_before,
        _text=text,
    )


def _named(
    text: str, start: int, found: list[Actorish], recent: list[str], pair: list[str]
) -> tuple[list[str], list[str]]:
    """The recency list and latest coordinated pair after the mentions ``found`` of one sentence."""
    recent, pair = list(recent), list(pair)
    for a, b in zip(found, found[1:], strict=False):
        if a.code != b.code and _AND.match(text[start + a.end : start + b.start]):
            pair = [a.code, b.code]
    for m in found:
        if m.code in recent:
            recent.remove(m.code)
        recent.insert(0, m.code)
    return recent, pair


def _document_date(text: str, parts: Split, published: date | None) -> str | None:
    """The date an official text reports on: the first dated expression of its opening, else its publication date."""
    for span in parts.sentences[:3]:
        for expr in time_expressions(span.of(text), published):
            if expr.value and not expr.vague:
                return expr.value
    return published.isoformat() if published else None


def _is_title(paragraph: str, title: str | None) -> bool:
    """The page's title repeated as the first line of its text is no body (SIGNALS.md: titles are not annotated)."""
    if not title:
        return False
    fold = " ".join(paragraph.casefold().split()).strip(" .!?\"'“”")
    return fold == " ".join(title.casefold().split()).strip(" .!?\"'“”")


def _document_voice(lex: Lexicon, article: Article) -> Actorish | None:
    """The actor an official text speaks for, from its outlet ("President of Russia", "The White House")."""
    outlet = article.outlet or ""
    if not outlet:
        return None
    found = [m for m in lex.actors.mentions(outlet, 0, len(outlet), on=article.published) if m.code]
    if not found:
        return None
    m = found[0]
    return Actorish(0, 0, m.text, m.code, None, "first_person", m.role)


@dataclass
class SentenceActors:
    """The actors of one sentence; first-person pronouns are filled in once the speaker is known."""

    plain: list[Actorish]
    sentence: str
    quotes: list[tuple[int, int]]
    outside_speaker: Actorish | None
    quote_speaker: Actorish | None
    all: list[Actorish] = field(default_factory=list)

    def with_first_person(self, speaker: Actorish | None) -> SentenceActors:
        """Resolve "we"/"I": inside a quote to its speaker, outside to the paragraph's voice."""
        in_quote_speaker = speaker or self.quote_speaker
        extra = []
        for m in _FIRST_PERSON_RE.finditer(self.sentence):
            who = in_quote_speaker if inside(m.start(), self.quotes) else self.outside_speaker
            if who is None or _OTHERS_AFTER.match(self.sentence, m.end()):
                continue  # "our adversaries", "our Western partners": others, not the speaker
            extra.append(Actorish(m.start(), m.end(), m.group(), who.code, who.person, "first_person", who.role))
        self.all = sorted(self.plain + extra, key=lambda a: a.start)
        return self


def sentence_actors(
    lex: Lexicon, ctx: DocContext, index: int, sentence: str, quotes: list[tuple[int, int]], skipped: int = 0
) -> SentenceActors:
    """The sentence's actors; ``skipped`` characters were cut from its start (a glued caption)."""
    para = ctx.paragraph_of(index)
    plain = [
        replace(m, start=m.start - skipped, end=m.end - skipped) if skipped else m
        for m in ctx.mentions[index]
        if m.start >= skipped and not (m.kind == "pronoun" and m.text.lower() in FIRST_PERSON and m.text != "US")
    ]
    return SentenceActors(plain, sentence, quotes, ctx.speaker_of[para], ctx.last_speaker)
