"""Issue terms of a sentence: which issues it names, once overlaps, other wars and yields are settled.

"ready for peace talks" names the talks (the longer term wins); "lasting peace between Armenia
and Azerbaijan" is another conflict; "talks on a ceasefire" are about the ceasefire, while
"negotiations toward an enduring peace" are peace talks (SIGNALS.md).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .analysis import CLAUSE_BREAK, WORD, Cue, finditer, overlaps
from .lexicon import IssueLexicon, Lexicon
from .phrases import PhraseSet


def narrow_terms(lex: Lexicon, document: str) -> dict[str, PhraseSet]:
    """Per issue, its term set restricted to the anchors the document contains (one pass per article)."""
    located = lex.anchor_scan.locate(document.lower()) if lex.anchor_scan is not None else None
    return {item.code: item.term_set.narrow(document, located) for item in lex.issues if item.term_set is not None}


def issue_hits(
    lex: Lexicon, sentence: str, narrowed: dict[str, PhraseSet] | None = None, at: int | None = None
) -> dict[str, list[Cue]]:
    """Issue code -> the term matches in the sentence, with ``yields_to`` applied.

    ``at`` is the sentence's offset in the document ``narrowed`` was made for (a faster lookup).
    """
    hits: dict[str, list[Cue]] = {}
    for item in lex.issues:
        if item.term_set is not None:
            terms = narrowed.get(item.code, item.term_set) if narrowed is not None else item.term_set
            at_ = at if narrowed is not None and item.code in narrowed else None
            found = [Cue(item.code, a, b, sentence[a:b]) for a, b in terms.spans(sentence, at_)] if terms else []
            found += [c for c in finditer(item.extra_terms, sentence, item.code) if not overlaps(c, found)]
        else:
            found = finditer(item.terms, sentence, item.code)
        if item.circumstantial is not None:
            # "after talks in Jeddah", "during the summit": when or where, not what is at stake
            found = [c for c in found if not item.circumstantial.search(sentence, max(0, c.start - 40), c.start)]
        if found:
            hits[item.code] = found
    _drop_elsewhere(lex, sentence, hits)
    _longest_wins(hits)
    for item in lex.issues:
        if item.code not in hits or not item.yields_to:
            continue
        others = [c for code in item.yields_to for c in hits.get(code, ())]
        # "negotiations toward an enduring peace" are peace talks (SIGNALS.md): a bare peace
        # as the talks' object names the talks, not a truce; "talks on a ceasefire" yield to it.
        plain_peace = [c for c in others if _PLAIN_PEACE.search(c.text)]
        absorbing = [o for o in others if o not in plain_peace]
        kept = [c for c in hits[item.code] if not _absorbed(sentence, c, absorbing, item)]
        if kept:
            hits[item.code] = kept
        else:
            del hits[item.code]
        talks_object = [p for p in plain_peace if any(_absorbed(sentence, k, [p], item) for k in kept)]
        for code in item.yields_to:
            rest = [c for c in hits.get(code, ()) if c not in talks_object]
            if rest:
                hits[code] = rest
            else:
                hits.pop(code, None)
    return hits


# A peace named for itself ("an enduring peace", "a just and lasting peace"), not a halt or a deal.
_PLAIN_PEACE = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:(?:just|lasting|durable|enduring|long-term|sustainable|real|genuine)\s+)*peace$", re.I
)


def _drop_elsewhere(lex: Lexicon, sentence: str, hits: dict[str, list[Cue]]) -> None:
    """Drop terms about another conflict or forum ("lasting peace between Armenia and Azerbaijan").

    A term goes when a name from ``elsewhere`` lies within ``elsewhere_window`` words of it and no
    name of this war (``this_war``) lies nearer.
    """
    cues = lex.cues
    if not hits or cues.elsewhere is None:
        return
    other = cues.elsewhere.spans(sentence)
    if not other:
        return
    ours = cues.this_war.spans(sentence) if cues.this_war is not None else []
    words = [m.start() for m in WORD.finditer(sentence)]

    def distance(a: int, b: int) -> int:
        lo, hi = min(a, b), max(a, b)
        return bisect_right(words, hi) - bisect_right(words, lo)

    for code in list(hits):
        kept = []
        for c in hits[code]:
            near_other = min((distance(c.start, s) for s, _e in other), default=10**6)
            near_ours = min((distance(c.start, s) for s, _e in ours), default=10**6)
            if near_other > cues.elsewhere_window or near_ours <= near_other:
                kept.append(c)
        if kept:
            hits[code] = kept
        else:
            del hits[code]


def _longest_wins(hits: dict[str, list[Cue]]) -> None:
    """Where terms of two issues overlap, the one reaching further right names the topic.

    "ready for peace talks" is about talks, not the cease-fire "ready for peace" names.
    """
    for code, cues in list(hits.items()):
        others = [c for other, found in hits.items() if other != code for c in found]
        kept = [c for c in cues if not any(o.start < c.end and c.start < o.end and o.end > c.end for o in others)]
        if kept:
            hits[code] = kept
        else:
            del hits[code]


# "talks between the parties aimed at reaching a peaceful settlement": the talks' purpose is their object.
_PURPOSE = re.compile(
    r"\b(?:to|aimed at|aiming at|in order to|with a view to(?:wards?)?)\s+(?:achieve|achieving|reach|reaching|secure|"
    r"securing|bring(?:\s+about)?|bringing|agree(?:\s+on)?|broker|find|finding|discuss|discussing|negotiate|"
    r"negotiating|work\s+out|hammer\s+out|support|supporting|implement|implementing)\b(?:\s+[\w'’-]+){0,4}\s*$",
    re.IGNORECASE,
)


def _absorbed(sentence: str, cue: Cue, others: list[Cue], item: IssueLexicon) -> bool:
    """Whether another issue's term follows ``cue`` closely: "talks on a cease-fire" is about the cease-fire."""
    for other in others:
        if other.start >= cue.end or (other.start <= cue.start < other.end):
            gap = sentence[cue.end : other.start] if other.start >= cue.end else ""
            if CLAUSE_BREAK.search(gap):
                continue
            words = len(WORD.findall(gap))
            # a stated purpose links further ("mediation by neutral states with a view to supporting ...")
            if words <= item.yields_within or (words <= 4 * item.yields_within and _PURPOSE.search(gap)):
                return True
    return False


# "we must discuss it with Washington": the talks' object is a pronoun
_ABOUT_IT = re.compile(
    r"\b(?:talk|talks|talking|discuss|discussing|discussed|negotiate|negotiating|consult|consulting)"
    r"\s+(?:about\s+|on\s+|over\s+)?(?:it\b(?!['’]|\s+(?:is|was|will|would|has|had)\b)"
    # "this" only as the whole object ("discuss this with Trump"), never "talks this week"
    r"|this(?=\s*[,.;:!?”\"]|\s+(?:with|further|again|first|directly|together)\b))",
    re.IGNORECASE,
)


def talks_about_the_topic(
    lex: Lexicon, sentence: str, hits: dict[str, list[Cue]], topic_issues: tuple[str, ...]
) -> dict[str, list[Cue]]:
    """Talks whose object is "it" while another issue is the topic are about that issue.

    SIGNALS.md: the object decides ("talks on a cease-fire" are ``ceasefire``). After "We agree
    with the truce proposal", "we must discuss it with Washington first" is
    about the truce; an issue that ``yields_to`` the topic's issue is read as that issue.
    """
    about = [m.span() for m in _ABOUT_IT.finditer(sentence)] if topic_issues else []
    if not about:
        return hits
    out = dict(hits)
    for item in lex.issues:
        if item.code not in out or item.code in topic_issues:
            continue
        target = next((code for code in item.yields_to if code in topic_issues and code not in out), None)
        if target is not None:
            # the talks' terms become the target's, and the pronoun's phrase ("talk about it") names it
            # too, so cues near either count
            spans = [(c.start, c.end) for c in out.pop(item.code)] + about
            out[target] = [Cue(target, a, b, sentence[a:b]) for a, b in sorted(spans)]
    return out
