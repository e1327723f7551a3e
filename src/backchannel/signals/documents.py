"""Documents that speak for their side: "the memorandum says", "the document also calls for".

News often credits a position to a text rather than to a person: "Russia handed Ukraine a
memorandum ... The document also says a settlement must include neutrality." The document
is its author's voice, so a sentence whose subject is such a text gets a mention of the
author there, and the usual attribution rules then treat it like "Moscow says".

The author comes from the phrase itself ("the Ukrainian document", "the paper, released by
the foreign ministry in Beijing") or else from where the text was introduced earlier in the
article ("Russia handed Ukraine a memorandum", "China published a position paper"). With
no author known, nothing is added: a document nobody is credited with speaks for no one.
"""

from __future__ import annotations

import re

from .holders import Actorish

_NOUN = (
    r"(?:documents?|memorand(?:um|ums|a)|communiqu[eé]s?|(?:position\s+)?papers?|draft|declaration|"
    r"(?:peace\s+)?plan|proposals?|letter|text|resolution|terms|offer|conditions|demands)"
)
# Acts that make their subject a text's author: "Russia handed Ukraine a memorandum".
_AUTHORED = re.compile(
    r"[^\S\n]*(?:,[^.;]{0,60},[^\S\n]*)?(?:has|have|had|also|then|later|on\s+\w+)?[^\S\n]*"
    r"(?:handed|presented|published|publishing|released|releasing|issued|issuing|sent|submitted|put\s+forward|"
    r"set\s+out|setting\s+out|sets\s+out|laid\s+out|laying\s+out|outlined|outlining|"
    r"drafted|unveiled|unveiling|tabled|circulated|delivered|adopted|produced|proposed|offered|gave)"
    r"\b[^.;]{0,60}?\b(?:a|an|its|their|his|her|the)\s+(?:[\w-]+\s+){0,3}?" + _NOUN + r"\b",
    re.IGNORECASE,
)
# "The document, released by the foreign ministry in Beijing, says": the author after "by".
_BY_AFTER = re.compile(
    r"[^\S\n]*,?[^\S\n]*(?:released|issued|published|drafted|circulated|prepared|sent)\s+by\s+(?:the\s+)?", re.I
)
_ANY_NOUN = re.compile(r"(?<!\w)" + _NOUN, re.IGNORECASE)
# "the Kremlin's most detailed terms", "Russia's memorandum": the owner named with the text.
_OWNED = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,3}?" + _NOUN + r"\b", re.IGNORECASE)
# A text as the subject of what it says.
_SUBJECT = re.compile(
    r"(?<!\w)(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\s+(?:(?P<owner>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)\s+)?"
    + _NOUN.replace("(?:", "(?P<noun>", 1)
    + r"(?=\s*(?:,[^,]{0,80},)?\s*(?:also\s+|further\s+|itself\s+)?"
    r"(?:says|said|states|stated|declares|declared|calls?\s+for|called\s+for|provides?\s+for|provided\s+for|"
    r"mentions|mentioned|did\s+not\s+mention|does\s+not\s+mention|proposes|proposed|demands|demanded|"
    r"insists|insisted|includes|included|sets\s+out|set\s+out|lists|listed|envisages|envisaged|stipulates|"
    r"stipulated|offers|offered|urges|urged|reaffirms|reaffirmed|rejects|rejected|describes|described|"
    r"requires?|required|would\s+require|envisages?)\b)"
)


def document_voices(sentences: list[str], mentions: list[list[Actorish]]) -> list[list[Actorish]]:
    """``mentions`` with an author mention added where a text is the subject of what it says."""
    author: Actorish | None = None  # the author of the latest text introduced in the article
    out: list[list[Actorish]] = []
    for sentence, found in zip(sentences, mentions, strict=True):
        if not found and author is None or _ANY_NOUN.search(sentence) is None:
            out.append(found)  # most sentences name no text at all: skip the costlier patterns
            continue
        extra: list[Actorish] = []
        for m in _SUBJECT.finditer(sentence):
            start, end = m.start("noun"), m.end("noun")
            if any(a.start <= start < a.end for a in found):
                continue
            owner = _owner_in_phrase(m, found) or _author_after(sentence, end, found) or author
            if owner is not None:
                extra.append(Actorish(start, end, m.group("noun"), owner.code, None, "group", "document"))
        introduced = _introduced(sentence, found)
        if introduced is not None:
            author = introduced
        out.append(sorted(found + extra, key=lambda a: a.start) if extra else found)
    return out


def _owner_in_phrase(m: re.Match[str], found: list[Actorish]) -> Actorish | None:
    """ "The Ukrainian document", "the Kremlin's memorandum": the author is named in the phrase."""
    lo, hi = m.start(), m.start("noun")
    inside = [a for a in found if lo <= a.start and a.end <= hi and a.code]
    return inside[-1] if inside else None


def _author_after(sentence: str, noun_end: int, found: list[Actorish]) -> Actorish | None:
    by = _BY_AFTER.match(sentence, noun_end)
    if by is None:
        return None
    return next((a for a in found if a.code and 0 <= a.start - by.end() <= 30), None)


def _introduced(sentence: str, found: list[Actorish]) -> Actorish | None:
    """The author of a text this sentence introduces ("China published a position paper"), if any."""
    for a in found:
        if a.code and _OWNED.match(sentence, a.end):
            return a  # "the Kremlin's most detailed terms"
    for a in found:
        if not a.code or (a.kind in ("demonym", "pronoun") and a.text.lower() not in ("it", "they")):
            continue
        if _AUTHORED.match(sentence, a.end):
            return a
    return None
