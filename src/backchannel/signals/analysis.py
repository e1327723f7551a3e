"""Cue finding within one sentence: stance (with negation and conditions), quotes (issue terms: ``terms``).

Positions here are offsets within the sentence string. The functions are pure and
cheap: each cue family is one precompiled alternation, searched once per sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Cues, Lexicon
from .phrases import PhraseSet

WORD = re.compile(r"[\w'’-]+")
CLAUSE_BREAK = re.compile(r"[,;:!?–—]")
# "If Kyiv refuses to talk, ...": a stance inside a condition is hypothetical, nobody's position.
_RELATIVE_ASIDE = re.compile(r",\s*(?:which|who)\b[^,;:–—]*,", re.IGNORECASE)
_IF_CLAUSE = re.compile(r"\b(?:if|unless|whether)\b[^,;:–—]*", re.IGNORECASE)
_QUOTE_PAIRS = (("“", "”"), ("«", "»"), ('"', '"'))


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue found in a sentence: its family value (``open``, ``private``...) and span."""

    kind: str
    start: int
    end: int
    text: str


def finditer(pattern: re.Pattern[str] | PhraseSet | None, text: str, kind: str) -> list[Cue]:
    """The cues of one family in ``text`` (a compiled regex or an anchored phrase set)."""
    if pattern is None:
        return []
    if isinstance(pattern, PhraseSet):
        return [Cue(kind, a, b, text[a:b]) for a, b in pattern.spans(text)]
    return [Cue(kind, m.start(), m.end(), m.group()) for m in pattern.finditer(text) if m.end() > m.start()]


def quote_spans(sentence: str) -> list[tuple[int, int]]:
    """Quoted stretches of the sentence (inner spans); an unclosed quote runs to the end."""
    out: list[tuple[int, int]] = []
    for open_q, close_q in _QUOTE_PAIRS:
        i = 0
        while True:
            a = sentence.find(open_q, i)
            if a < 0:
                break
            b = sentence.find(close_q, a + 1)
            if b < 0:
                # An unclosed quote: a quote running on from (or into) another sentence.
                if open_q != close_q or not out:
                    out.append((a + 1, len(sentence)))
                break
            out.append((a + 1, b))
            i = b + 1
    # A closing quote with no opening one: the sentence continues a quote begun earlier.
    for open_q, close_q in _QUOTE_PAIRS[:2]:
        b = sentence.find(close_q)
        a = sentence.find(open_q)
        if b >= 0 and (a < 0 or a > b):
            out.append((0, b))
    return sorted(out)


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def spans_cues(phrases: PhraseSet | None, text: str, kind: str) -> list[Cue]:
    if phrases is None:
        return []
    return [Cue(kind, a, b, text[a:b]) for a, b in phrases.spans(text)]


def overlaps(cue: Cue, others: list[Cue]) -> bool:
    return any(o.start < cue.end and cue.start < o.end for o in others)


def issue_stance_terms(lex: Lexicon, code: str, sentence: str) -> list[Cue]:
    """Phrasings of one issue that carry their own stance ("no intention of relenting")."""
    item = lex.issue(code)
    out: list[Cue] = []
    for stance, pattern in item.stance_terms.items():
        out += finditer(pattern, sentence, stance)
    return out


_NO_AFTER = re.compile(r"\s+(?:no|none of|neither)\b", re.IGNORECASE)


def _negated(cues: Cues, sentence: str, start: int) -> Cue | None:
    """A negation ending within ``negation_window`` words before ``start``, if any."""
    if cues.negation is None:
        return None
    window_start = start
    for words, m in enumerate(reversed(list(WORD.finditer(sentence, 0, start))), 1):
        window_start = m.start()
        if words >= cues.negation_window:
            break
    best = None
    for m in cues.negation.finditer(sentence, window_start, start):
        if _CONTRASTED_NAME.match(sentence, m.end(), start):
            continue  # "Ukraine, not Russia, had walked away": the "not" is about the name
        best = Cue("negation", m.start(), m.end(), m.group())
    if best is None:
        # Negation raised over a belief ("do not think the Kremlin is in the mood to talk"):
        # the "not" before the belief verb negates the clause it introduces.
        raised = _RAISED_NEGATION.search(sentence, max(0, start - 60), start)
        if raised is not None:
            best = Cue("raised", raised.start(), raised.end(), raised.group())
    if best is None:
        # A past counterfactual ("if Kyiv had agreed to it, ... would have worked") says it did not.
        past = _COUNTERFACTUAL.search(sentence, max(0, start - 80), start)
        if past is not None:
            best = Cue("counterfactual", past.start(1), past.end(1), past.group(1))
    if best is None:
        # "neither Ukraine nor its Western patrons support": the pair's verb is negated.
        pair = _NEITHER_NOR.search(sentence, max(0, start - 90), start)
        if pair is not None:
            nor = pair.start(1)  # the cue starts at "nor", so the pair before it stays a subject
            best = Cue("negation", nor, nor + 3, "nor")
    return best


_CONTRASTED_NAME = re.compile(r"\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s*,")
_IF_HAD = r"if\b(?:\s+[\w'’.-]+){1,7}\s+(had)\s"  # "if Kyiv had agreed": a past counterfactual
_COUNTERFACTUAL = re.compile(r"\b" + _IF_HAD + r"+$", re.IGNORECASE)  # ending right before the cue
_COUNTERFACTUAL_IF = re.compile(_IF_HAD, re.IGNORECASE)  # starting at the "if" marker
_NEITHER_NOR = re.compile(r"\bneither\b[^,.;:]{1,50}?\b(nor)\b(?:\s+[\w'’.-]+){1,4}\s+$", re.IGNORECASE)


_RAISED_NEGATION = re.compile(
    r"\b(?:do|does|did)\s+not\s+(?:believe|think|expect)\b(?:\s+(?:that\s+)?[\w'’-]+){1,4}\s+"
    r"(?:is|are|was|were|would be|will be)\s+$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class StanceCues:
    """Open/opposed cues after negation (in sentence order) and the conditions found."""

    polar: tuple[Cue, ...]  # kind open/opposed, negation applied
    conditions: tuple[Cue, ...]  # strong conditional cues and marker+terms pairs
    negations: tuple[Cue, ...]
    issue_polar: tuple[Cue, ...] = ()  # the polar cues that are the issue's own phrasings ("neutrality")
    qualifiers: tuple[Cue, ...] = ()  # weak conditions: they qualify an acceptance, state nothing alone
    bare_markers: tuple[Cue, ...] = ()  # "if", "while": they make a refusal conditional


def _near(sentence: str, cue: Cue, terms: list[Cue], window: int) -> bool:
    """Whether ``cue`` lies within ``window`` words of one of the issue's terms."""
    for t in terms:
        if t.start <= cue.start < t.end or cue.start <= t.start < cue.end:
            return True
        lo, hi = (cue.end, t.start) if cue.end <= t.start else (t.end, cue.start)
        if len(WORD.findall(sentence, lo, hi)) <= window:
            return True
    return False


_OTHER_MATTER = re.compile(
    r"\s*(?:(?:more|new|further|tougher|stronger|additional|fresh|sweeping|extra)\s+)?"
    r"(?:sanctions|weapons|arms|military aid|aid|tariffs|reparations|air defen[cs]e|missiles|funding|loans)\b",
    re.IGNORECASE,
)


_PARTICIPLES = frozenset({"agreed", "proposed", "offered", "declared", "announced", "rejected", "signed", "endorsed"})
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|that|its|their|his|her|previously|mutually)\s+$", re.IGNORECASE)
# "branded Putin's promises as hollow": what the speaker dismisses is no one's position here.
_DISMISSED = re.compile(
    r"\b(?:branded|brands|branding|dismissed|dismisses|dismissing|derided|derides|deriding|described|describes"
    r"|describing)\s+(?P<object>[^,;.]{1,80}?)\s+as\s+[“\"'‘]?(?:hollow|empty|meaningless|worthless|insincere|a ploy"
    r"|a stunt|a sham|a trick|a smokescreen|a bluff|propaganda|theatre|theater|a farce|a charade|a delaying tactic)\b",
    re.IGNORECASE,
)
_COMPLIED = re.compile(
    r"\b(?:had|has|have)\s+(?:(?:strictly|fully|always|scrupulously|consistently)\s+)?"
    r"(?:observed|respected|complied with|adhered to|abided by)\b",
    re.IGNORECASE,
)
_BARE_NEED = re.compile(r"(?:^|\s)(?:need|needs|ought) to$", re.IGNORECASE)
_BE_AFTER = re.compile(r"\s+be\b", re.IGNORECASE)
_OTHER_ACT = re.compile(
    r"\s+to\s+(?:condemn|impose|supply|deliver|provide|sell|arm|fund|finance|extradite|deport|sanction"
    # "I want to emphasise this", "we would like to note": the speaker's aside about what he says
    r"|emphasi[sz]e|stress|underline|underscore|note|point out|remind|add|repeat|say|draw attention)\b",
    re.IGNORECASE,
)


def stance_cues(lex: Lexicon, code: str, sentence: str, terms: list[Cue] | None = None) -> StanceCues:
    """The stance evidence of the sentence toward issue ``code``.

    With ``terms`` (the issue's matches), only cues within ``cue_window`` words of one
    of them count, so a cue about something else in a long sentence is not taken.
    """
    cues = lex.cues
    raw: list[Cue] = []
    for kind in ("open", "opposed"):
        raw += finditer(cues.stance.get(kind), sentence, kind)
    issue_terms = issue_stance_terms(lex, code, sentence)
    raw += [c for c in issue_terms if c.kind != "conditional"]
    # A cue inside a longer cue of the other kind is part of it ("not ready" holds "ready").
    raw.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[Cue] = []
    for c in raw:
        if any(k.start <= c.start and c.end <= k.end and (k.end - k.start) > (c.end - c.start) for k in kept):
            continue
        kept.append(c)
    polar: list[Cue] = []
    negations: list[Cue] = []
    counterfactual: set[int] = set()  # starts of cues a past counterfactual negates (kept in their if-clause)
    for c in kept:
        neg = _negated(cues, sentence, c.start)
        after = _NO_AFTER.match(sentence, c.end) if c.kind == "open" else None
        if neg is not None and not any(k.start <= neg.start < k.end for k in kept if k is not c):
            flipped = "opposed" if c.kind == "open" else "open"
            lo = c.start if neg.kind == "raised" else neg.start  # the holder sits between a raised "not" and its cue
            polar.append(Cue(flipped, lo, c.end, sentence[lo : c.end]))
            negations.append(neg)
            if neg.kind == "counterfactual":
                counterfactual.add(lo)
        elif after is not None:
            # "would accept no settlement that ...": the object's "no" negates the acceptance.
            polar.append(Cue("opposed", c.start, after.end(), sentence[c.start : after.end()]))
            negations.append(Cue("negation", after.start(), after.end(), after.group()))
        else:
            polar.append(c)
    conditions = finditer(cues.stance.get("conditional"), sentence, "conditional")
    own_conditional = [c for c in issue_terms if c.kind == "conditional"]
    conditions += own_conditional
    # "priorities in the negotiations": a generic cue inside the issue's own conditional phrasing is part of it
    polar = [c for c in polar if not any(o.start <= c.start and c.end <= o.end for o in own_conditional)]
    conditions += _marked_conditions(cues, sentence)
    if cues.not_conditions is not None:
        masks = [(m.start(), m.end()) for m in cues.not_conditions.finditer(sentence)]
        conditions = [c for c in conditions if not any(a <= c.start < b for a, b in masks)]
    if cues.doubt is not None:
        # "sceptical of Russia's willingness to negotiate": a doubt, not a position
        for d in cues.doubt.finditer(sentence):
            tail = list(WORD.finditer(sentence, d.end()))[: cues.doubt_window]
            limit = tail[-1].end() if tail else d.end()
            polar = [c for c in polar if not d.start() <= c.start < limit]
    asides = [(m.start(), m.end()) for m in _RELATIVE_ASIDE.finditer(sentence)]
    if asides and terms and not any(a <= t.start < b for t in terms for a, b in asides):
        # "Turkey, which has refused to impose sanctions, hopes to discuss a truce": the aside is about something else.
        polar = [c for c in polar if not any(a <= c.start < b for a, b in asides)]
    # "called for more sanctions": a demand about another matter (SIGNALS.md: not a signal of the issue)
    polar = [c for c in polar if not (c.kind == "open" and _OTHER_MATTER.match(sentence, c.end))]
    # "the agreed naval ceasefire", "a proposed truce": a participle describing the thing, no one's act here
    polar = [
        c for c in polar if not (c.text.lower() in _PARTICIPLES and _DETERMINER_BEFORE.search(sentence, 0, c.start))
    ]
    # "refused to condemn the invasion", "ready to supply weapons": an act about another matter
    polar = [c for c in polar if not _OTHER_ACT.match(sentence, c.end)]
    # "the format of any talks did not need to be fixed": a bare "need to be" says how a
    # thing should be, not what the holder seeks (the specific "must be observed" cues stay)
    polar = [c for c in polar if not (_BARE_NEED.search(c.text) and _BE_AFTER.match(sentence, c.end))]
    dismissed = [(m.start("object"), m.end("object")) for m in _DISMISSED.finditer(sentence)]
    polar = [c for c in polar if not inside(c.start, dismissed)]
    # "its forces had strictly observed the truce": a denial of breaking it, which is no record (SIGNALS.md)
    polar = [c for c in polar if not (c.kind == "open" and _COMPLIED.search(sentence, max(0, c.start - 30), c.end))]
    hypothetical = [(m.start(), m.end()) for m in _IF_CLAUSE.finditer(sentence)]
    if hypothetical:
        # A cue in an if-clause is no position, except the issue's own phrasing when the issue
        # itself is the condition ("a truce if Ukraine abandoned its plan to join NATO": opposed to it).
        own_spans = {(c.start, c.end) for c in issue_terms if c.kind != "conditional"}
        polar = [
            c
            for c in polar
            if c.start in counterfactual
            or not any(
                a <= c.start < b
                and not ((c.start, c.end) in own_spans and terms and any(a <= t.start < b for t in terms))
                for a, b in hypothetical
            )
        ]
    if terms:
        polar = [c for c in polar if _near(sentence, c, terms, cues.cue_window)]
        conditions = [c for c in conditions if _near(sentence, c, terms, cues.cue_window)]
    polar.sort(key=lambda c: c.start)
    conditions.sort(key=lambda c: c.start)
    qualifiers = [c for c in finditer(cues.condition_qualifiers, sentence, "conditional") if not overlaps(c, polar)]
    conditions = [c for c in conditions if not overlaps(c, polar)]  # "without preconditions" is unconditional
    if terms:
        qualifiers = [c for c in qualifiers if _near(sentence, c, terms, cues.cue_window)]
    own = {(c.start, c.end) for c in issue_terms if c.kind != "conditional"}
    issue_polar = tuple(c for c in polar if (c.start, c.end) in own or any(a < c.end and c.start < b for a, b in own))
    bare = [c for c in finditer(cues.opposition_conditions, sentence, "conditional") if not overlaps(c, polar)]
    if cues.not_conditions is not None:  # "fight for as long as it takes" sets no condition
        masks = [(m.start(), m.end()) for m in cues.not_conditions.finditer(sentence)]
        bare = [c for c in bare if not any(a <= c.start < b for a, b in masks)]
    if counterfactual:  # "if Kyiv had agreed" is a claim that it did not, not a condition
        bare = [c for c in bare if not _COUNTERFACTUAL_IF.match(sentence, c.start)]
    if terms:
        bare = [c for c in bare if _near(sentence, c, terms, cues.cue_window)]
    return StanceCues(tuple(polar), tuple(conditions), tuple(negations), issue_polar, tuple(qualifiers), tuple(bare))


_PROVIDED_AS_VERB = re.compile(
    r"\b(?:has|have|had|was|were|is|are|be|been|not|never|also|already|knowingly|it|they|he|she|we|who|which)\s+$",
    re.IGNORECASE,
)


def _marked_conditions(cues: Cues, sentence: str) -> list[Cue]:
    """A weak marker ("if", "until") counts only when terms (territory, troops...) follow it closely."""
    if cues.condition_markers is None or cues.condition_terms is None:
        return []
    out = []
    for m in cues.condition_markers.finditer(sentence):
        if m.group().lower().startswith("provided") and _PROVIDED_AS_VERB.search(
            sentence, max(0, m.start() - 30), m.start()
        ):
            continue  # "it has not provided Russia with weapons" gives, it sets no condition
        tail_words = list(WORD.finditer(sentence, m.end()))[: cues.condition_window]
        if not tail_words:
            continue
        limit = tail_words[-1].end()
        t = cues.condition_terms.search(sentence, m.end(), limit)
        if t is not None:
            out.append(Cue("conditional", m.start(), t.end(), sentence[m.start() : t.end()]))
    return out
