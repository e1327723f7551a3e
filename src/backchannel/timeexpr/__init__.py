"""Time expressions in a sentence, normalised against the publication date (SIGNALS.md, "When").

Values use the spec's ``when`` forms: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or
``START/END`` of those. The rules, with the decisions the spec leaves open:

- Explicit dates ("March 11, 2025", "11 March 2025", "2025-03-11", "March 23-25, 2025",
  "March 2025", "in 2022", "2014-2022") need no publication date.
- A month or a day without a year ("in March", "on January 26") is the occurrence in the
  window from eight months before to three months after the publication month: news
  mostly looks back, but "talks in April" in a March article are this April. "last March"
  is the latest March before the publication month, "next March" the first one after it,
  "since March" the latest one on or before it.
- Weekdays ("on Tuesday", "Thursday's press conference") are the latest such day on or
  before the publication date (the day itself included, as the gold reads them);
  "last Tuesday" is strictly before it, "next Tuesday" strictly after it.
- Seasons are three months: spring ``03/05``, summer ``06/08``, autumn/fall ``09/11``,
  winter ``YYYY-12/YYYY+1-02`` ("winter of 2022" starts in December 2022).
- "yesterday", "today", "this month", "earlier this month", "last month", "this year",
  "last year", "N days/months/years ago", "over the weekend" (the Saturday/Sunday range
  of the latest weekend) resolve against the publication date.
- "since X" is ``X's start/publication date``; "from X to Y" and "between X and Y" are
  ``X's start/Y's end``.
- Vague spans ("recently", "in recent weeks", "this week", "last week", "weeks ago", "in
  the coming days", "soon") are found, marked ``vague`` and have no value.
- Without a publication date only absolute expressions get a value.

Patterns are compiled once, on first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from .rules import PLAIN_PREPS, Handler, Skip, compiled, features, h_vague


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One time expression: offsets within the sentence, its text and normalised value."""

    start: int
    end: int
    text: str
    value: str | None
    vague: bool = False


@cache
def _since_tail() -> re.Pattern[str]:
    return re.compile(r"(?i:\bsince\s+(?:the\s+)?)$")


@cache
def _range_parts() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(r"(?i:\b(?:from|between)\s+(?:the\s+)?)$"), re.compile(r"^(?i:\s*(?:to|until|till|and|-|–)\s*)$")


def _first(value: str) -> str:
    return value.split("/")[0]


def _last(value: str) -> str:
    return value.split("/")[-1]


def _normalise_published(published: date | datetime | None) -> date | None:
    if isinstance(published, datetime):
        return published.date()
    return published if isinstance(published, date) else None


def time_expressions(sentence: str, published: date | None) -> list[TimeExpression]:
    """Every time expression in ``sentence``, left to right, longest match first where they overlap."""
    pub = _normalise_published(published)
    present = features(sentence)
    if not present:
        return []
    found: list[tuple[int, int, int, re.Match[str], Handler]] = []
    for rank, (pattern, handler, needs) in enumerate(compiled()):
        if not any(all(f in present for f in option) for option in needs.split("|")):
            continue
        for m in pattern.finditer(sentence):
            if m.end() > m.start():
                mod = m.groupdict().get("mod")
                core = m.end() - m.start() - (len(mod) + 1 if mod and mod.lower() in PLAIN_PREPS else 0)
                found.append((m.start(), -core, rank, m, handler))
    # Longest first, then leftmost: "in March 2022" is one expression, not "in March" + "2022".
    found.sort(key=lambda item: (item[1], item[0], item[2]))
    out: list[TimeExpression] = []
    taken: list[tuple[int, int]] = []
    for start, _, _, m, handler in found:
        vague = handler is h_vague
        if any(start < b and m.end() > a for a, b in taken):
            continue
        try:
            span = handler(m, pub)
        except Skip:
            continue
        end = m.end()
        value = None if span is None else span[0] if span[1] is None else f"{span[0]}/{span[1]}"
        mod = (m.groupdict().get("mod") or "").lower()
        since = _since_tail().search(sentence, max(0, start - 12), start)
        if (since or mod == "since") and not vague:
            if since:
                start = since.start()
            value = f"{_first(value)}/{pub.isoformat()}" if value and pub and _first(value) <= pub.isoformat() else None
        taken.append((m.start(), end))
        out.append(TimeExpression(start, end, sentence[start:end], value, vague))
    out.sort(key=lambda e: e.start)
    return _merge_ranges(sentence, out)


def _merge_ranges(sentence: str, exprs: list[TimeExpression]) -> list[TimeExpression]:
    """Join "from X to Y" / "between X and Y" into one range expression."""
    lead, join = _range_parts()
    out: list[TimeExpression] = []
    i = 0
    while i < len(exprs):
        a = exprs[i]
        b = exprs[i + 1] if i + 1 < len(exprs) else None
        if b is not None and a.value and b.value and not a.vague and not b.vague:
            opener = lead.search(sentence, max(0, a.start - 14), a.start)
            starts_with = re.match(r"(?i:(?:from|between)\b)", a.text)
            if (opener or starts_with) and join.match(sentence[a.end : b.start]) and _first(a.value) < _last(b.value):
                begin = opener.start() if opener else a.start
                value = f"{_first(a.value)}/{_last(b.value)}"
                out.append(TimeExpression(begin, b.end, sentence[begin : b.end], value, False))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def resolve_when(sentence: str, published: date | None) -> str | None:
    """The value of the first expression in the sentence that has one (vague ones have none)."""
    for expr in time_expressions(sentence, published):
        if expr.value is not None:
            return expr.value
    return None
