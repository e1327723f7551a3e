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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ]
    )
    for name in names
}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_NUMBERS |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10}

# A handler gets the match and the publication date; it returns (first, last) value parts
# (last None for a single point), None when it cannot resolve, or raises _Skip for a non-date.
Span = tuple[str, str | None]
Handler = Callable[[re.Match[str], "date | None"], "Span | None"]


class _Skip(Exception):
    """The text looked like a date but is none (e.g. February 30)."""


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One time expression: offsets within the sentence, its text and normalised value."""

    start: int
    end: int
    text: str
    value: str | None
    vague: bool = False


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _day(y: int, m: int, d: int) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise _Skip from None


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    index = y * 12 + (m - 1) + delta
    return index // 12, index % 12 + 1


def _year_for_month(month: int, pub: date, mode: str) -> int:
    """The year of the named month relative to the publication month (see the module docstring)."""
    diff = month - pub.month  # months ahead of publication within the same year
    if mode == "near":
        if diff > 3:
            return pub.year - 1
        if diff < -8:
            return pub.year + 1
        return pub.year
    if mode == "past":  # on or before the publication month
        return pub.year if diff <= 0 else pub.year - 1
    if mode == "before":  # strictly before
        return pub.year if diff < 0 else pub.year - 1
    if mode == "after":
        return pub.year if diff > 0 else pub.year + 1
    return pub.year  # "this"


def _mode(word: str | None) -> str:
    word = (word or "").lower()
    return {"last": "before", "past": "before", "since": "past", "next": "after", "this": "this"}.get(word, "near")


def _season(name: str, year: int) -> Span:
    first = _SEASONS[name.lower()]
    y2, m2 = _shift_month(year, first, 2)
    return _ym(year, first), _ym(y2, m2)


def _month_num(text: str) -> int:
    return _MONTHS[text.rstrip(".")]


def _h_iso(m: re.Match[str], pub: date | None) -> Span:
    return _day(int(m["y"]), int(m["mo"]), int(m["d"])).isoformat(), None


def _h_month_day(m: re.Match[str], pub: date | None) -> Span | None:
    month = _month_num(m["mon"])
    if m["y"]:
        year = int(m["y"])
    elif pub is None:
        _day(2000, month, int(m["d"]))  # still reject February 30
        return None
    else:
        year = _year_for_month(month, pub, _mode(m["mod"]))
    first = _day(year, month, int(m["d"])).isoformat()
    last = _day(year, month, int(m["d2"])).isoformat() if m["d2"] else None
    if last is not None and last <= first:
        raise _Skip
    return first, last


def _h_cross_month(m: re.Match[str], pub: date | None) -> Span | None:
    """ "March 28 to April 2, 2025": the year, given once, belongs to the end of the range."""
    first_m, last_m = _month_num(m["mon"]), _month_num(m["mon2"])
    if m["y"]:
        last_y = int(m["y"])
        first_y = last_y if first_m <= last_m else last_y - 1
    elif pub is None:
        return None
    else:
        first_y = _year_for_month(first_m, pub, "near")
        last_y = first_y if first_m <= last_m else first_y + 1
    first = _day(first_y, first_m, int(m["d"]))
    last = _day(last_y, last_m, int(m["d2"]))
    if last <= first:
        raise _Skip
    return first.isoformat(), last.isoformat()


def _h_month_year(m: re.Match[str], pub: date | None) -> Span:
    return _ym(int(m["y"]), _month_num(m["mon"])), None


def _h_month(m: re.Match[str], pub: date | None) -> Span | None:
    if pub is None:
        return None
    month = _month_num(m["mon"])
    return _ym(_year_for_month(month, pub, _mode(m["mod"])), month), None


def _h_year(m: re.Match[str], pub: date | None) -> Span:
    if m["y2"]:
        if int(m["y2"]) <= int(m["y"]):
            raise _Skip
        return m["y"], m["y2"]
    return m["y"], None


def _h_season_year(m: re.Match[str], pub: date | None) -> Span:
    return _season(m["s"], int(m["y"]))


def _h_season(m: re.Match[str], pub: date | None) -> Span | None:
    if pub is None:
        return None
    first = _SEASONS[m["s"].lower()]
    mode = _mode(m["mod"])
    # The season's year is the year it starts in; a winter running into this year started last December.
    current = pub.year - 1 if first == 12 and pub.month <= 2 else pub.year
    in_season = 0 <= (pub.month - first) % 12 <= 2
    if mode == "this":
        year = current if first == 12 else pub.year
    elif mode == "before":  # the latest such season over before publication
        end_y, end_m = _shift_month(current, first, 2)
        year = current if (end_y, end_m) < (pub.year, pub.month) else current - 1
    elif mode == "after":
        year = current + 1 if in_season or (current, first) < (pub.year, pub.month) else current
    elif mode == "past":
        year = current if (current, first) <= (pub.year, pub.month) else current - 1
    else:
        year = _year_for_month(first, pub, "near") if not in_season else current
    return _season(m["s"], year)


def _h_relative_day(m: re.Match[str], pub: date | None) -> Span | None:
    if pub is None:
        return None
    word = m[0].lower()
    offset = -2 if "before" in word else -1 if "yesterday" in word else 1 if "tomorrow" in word else 0
    return (pub + timedelta(days=offset)).isoformat(), None


def _h_relative_period(m: re.Match[str], pub: date | None) -> Span | None:
    if pub is None:
        return None
    words = m[0].lower().split()
    shift = -1 if "last" in words else 1 if "next" in words else 0
    if words[-1] == "year":
        return str(pub.year + shift), None
    return _ym(*_shift_month(pub.year, pub.month, shift)), None


def _h_ago(m: re.Match[str], pub: date | None) -> Span | None:
    if pub is None:
        return None
    n = int(m["n"]) if m["n"].isdigit() else _NUMBERS[m["n"].lower()]
    unit = m["u"].lower().rstrip("s")
    if unit == "day":
        return (pub - timedelta(days=n)).isoformat(), None
    if unit == "month":
        return _ym(*_shift_month(pub.year, pub.month, -n)), None
    return str(pub.year - n), None


def _h_weekday(m: re.Match[str], pub: date | None) -> Span | None:
    if pub is None:
        return None
    target = _WEEKDAYS.index(m["wd"])
    mod = (m["mod"] or "").lower()
    back = (pub.weekday() - target) % 7
    if mod == "next":
        return (pub + timedelta(days=(target - pub.weekday()) % 7 or 7)).isoformat(), None
    if mod == "last" and back == 0:
        back = 7
    return (pub - timedelta(days=back)).isoformat(), None


def _h_weekend(m: re.Match[str], pub: date | None) -> Span | None:
    if pub is None:
        return None
    words = m[0].lower().split()
    wd = pub.weekday()
    saturday = pub - timedelta(days=(wd - 5) % 7)  # the latest Saturday on or before publication
    if "next" in words or ("this" in words and "past" not in words and wd < 5):
        saturday += timedelta(days=7)
    return saturday.isoformat(), (saturday + timedelta(days=1)).isoformat()


def _h_vague(m: re.Match[str], pub: date | None) -> Span | None:
    return None


_MON = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_WD = r"(?:(?:" + "|".join(_WEEKDAYS) + r"),?\s+)?"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:1[89]|20)\d{2})"
_DASH = r"\s*(?:-|–|—|(?i:to|through|until))\s*"
_EDGE = r"(?:(?i:early|mid|late|the\s+(?:end|beginning|start|middle)\s+of)[\s-]+)?"
_PREP = (
    r"(?i:in|since|during|until|till|by|for|from|through|throughout|before|after|of|last|this|next|past"
    r"|early|mid|late|the\s+(?:end|beginning|start|middle)\s+of)"
)
_SEASON = r"(?P<s>(?i:spring|summer|autumn|fall|winter))"
_N = r"(?P<n>\d{1,3}|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten))"

# Each rule: pattern, handler, and the features (see _FEATURE_WORDS; M month, W weekday, D digit)
# a sentence must have for the pattern to be worth running ("V|P": either). Most sentences have no
# time expression and skip every rule.
_RULES: tuple[tuple[str, Handler, str], ...] = (
    (r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})\b", _h_iso, "D"),
    (
        rf"(?:\b(?P<mod>(?i:last|next|since))\s+)?{_WD}{_MON}\s+(?P<d>\d{{1,2}}){_ORD}\b"
        rf"(?:{_DASH}(?P<d2>\d{{1,2}}){_ORD}\b)?(?:,?\s+{_YEAR}\b)?",
        _h_month_day,
        "MD",
    ),
    (
        rf"(?:\b(?P<mod>(?i:last|next|since))\s+)?{_WD}(?:(?i:the)\s+)?\b(?P<d>\d{{1,2}}){_ORD}"
        rf"(?:{_DASH}(?P<d2>\d{{1,2}}){_ORD})?\s+(?:(?i:of)\s+)?{_MON}(?:,?\s+{_YEAR}\b)?",
        _h_month_day,
        "MD",
    ),
    (
        rf"(?:\b(?i:from|between)\s+)?{_WD}{_MON}\s+(?P<d>\d{{1,2}}){_ORD}\b(?:{_DASH}|\s+(?i:and)\s+)"
        rf"{_MON.replace('<mon>', '<mon2>')}\s+(?P<d2>\d{{1,2}}){_ORD}\b(?:,?\s+{_YEAR}\b)?",
        _h_cross_month,
        "MD",
    ),
    (rf"{_EDGE}\b{_MON},?\s+(?:(?i:of)\s+)?{_YEAR}\b", _h_month_year, "MD"),
    (rf"\b(?P<mod>{_PREP})[\s-]+(?:(?i:early|mid|late)[\s-]+)?{_MON}", _h_month, "M"),
    (rf"{_EDGE}(?:(?i:the)\s+)?\b{_SEASON}(?:\s+(?i:of))?\s+{_YEAR}\b", _h_season_year, "SD"),
    (rf"\b(?P<mod>(?i:last|this|next|past))\s+{_SEASON}\b", _h_season, "S"),
    (
        rf"\b(?P<mod>(?i:in|during|over|since|until|by|through|throughout))\s+(?:(?i:the)\s+)?"
        rf"(?:(?i:early|late)\s+)?{_SEASON}\b(?!\s+(?i:of)\b)(?!,?\s+\d)",
        _h_season,
        "S",
    ),
    (rf"\b(?P<mod>{_PREP})[\s-]+{_YEAR}(?:{_DASH}(?P<y2>(?:1[89]|20)\d{{2}}))?\b(?![-–]\d|,\d)", _h_year, "D"),
    (rf"\b{_YEAR}\s*[-–]\s*(?P<y2>(?:1[89]|20)\d{{2}})\b", _h_year, "D"),
    (rf"\b(?i:between)\s+{_YEAR}\s+(?i:and)\s+(?P<y2>(?:1[89]|20)\d{{2}})\b", _h_year, "D"),
    (
        r"(?i:\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|earlier\s+today"
        r"|this\s+(?:morning|afternoon|evening))\b)",
        _h_relative_day,
        "R",
    ),
    (
        r"(?i:\b(?:(?:earlier|later|early|late)\s+)?(?:this|last|next)\s+(?:month|year)\b)",
        _h_relative_period,
        "P",
    ),
    (rf"\b{_N}\s+(?P<u>(?i:days?|months?|years?))\s+(?i:ago)\b", _h_ago, "P"),
    (
        r"(?i:\b(?:(?:over|at|during)\s+the\s+weekend|this\s+(?:past\s+)?weekend|(?:last|next)\s+weekend)\b)",
        _h_weekend,
        "P",
    ),
    (
        r"(?:\b(?P<mod>(?i:last|next|this|on|since|by|until))\s+)?\b(?P<wd>" + "|".join(_WEEKDAYS) + r")\b",
        _h_weekday,
        "W",
    ),
    (
        r"(?i:\b(?:recently|lately|of\s+late|soon|the\s+other\s+day|in\s+recent\s+(?:days|weeks|months|years)"
        r"|(?:in|over)\s+the\s+(?:past|last|coming|next)\s+(?:few\s+|several\s+)?(?:days|weeks|months|years)"
        r"|(?:(?:earlier|later)\s+)?(?:this|last|next)\s+week|(?:a\s+few\s+|several\s+|\w+\s+)?weeks\s+ago"
        r"|a\s+week\s+ago|(?:a\s+few|several|some)\s+(?:days|months|years)\s+ago)\b)",
        _h_vague,
        "V|P",
    ),
)


# Features that gate the rules, found from the sentence's words in one cheap pass.
_FEATURE_WORDS: dict[str, frozenset[str]] = {
    "S": frozenset(_SEASONS),
    "R": frozenset(["yesterday", "today", "tonight", "tomorrow", "morning", "afternoon", "evening"]),
    "P": frozenset(["month", "year", "weekend", "week", "ago", "days", "weeks", "months", "years"]),
    "V": frozenset(["recently", "lately", "late", "soon", "other", "recent"]),
}
_MONTH_WORDS = frozenset(_MONTHS)
_WEEKDAY_WORDS = frozenset(_WEEKDAYS)
# A leading preposition does not make a match more specific: "from March" loses to "March 3".
_PLAIN_PREPS = frozenset(
    [
        "in",
        "during",
        "until",
        "till",
        "by",
        "for",
        "from",
        "through",
        "throughout",
        "before",
        "after",
        "of",
        "on",
        "over",
    ]
)


@cache
def _compiled() -> tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], Handler, str], ...]]:
    return re.compile(r"[^\W\d_]+|\d"), tuple(
        (re.compile(pattern), handler, needs) for pattern, handler, needs in _RULES
    )


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
    words_re, rules = _compiled()
    words = set(words_re.findall(sentence))
    lower = {w.lower() for w in words}
    present = {name for name, vocab in _FEATURE_WORDS.items() if not vocab.isdisjoint(lower)}
    present |= {"M"} if not _MONTH_WORDS.isdisjoint(words) else set()
    present |= {"W"} if not _WEEKDAY_WORDS.isdisjoint(words) else set()
    present |= {"D"} if any(w.isdigit() for w in words) else set()
    if not present:
        return []
    found: list[tuple[int, int, int, re.Match[str], Handler]] = []
    for rank, (pattern, handler, needs) in enumerate(rules):
        if not any(all(f in present for f in option) for option in needs.split("|")):
            continue
        for m in pattern.finditer(sentence):
            if m.end() > m.start():
                mod = m.groupdict().get("mod")
                core = m.end() - m.start() - (len(mod) + 1 if mod and mod.lower() in _PLAIN_PREPS else 0)
                found.append((m.start(), -core, rank, m, handler))
    # Longest first, then leftmost: "in March 2022" is one expression, not "in March" + "2022".
    found.sort(key=lambda item: (item[1], item[0], item[2]))
    out: list[TimeExpression] = []
    taken: list[tuple[int, int]] = []
    for start, _, _, m, handler in found:
        vague = handler is _h_vague
        if any(start < b and m.end() > a for a, b in taken):
            continue
        try:
            span = handler(m, pub)
        except _Skip:
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
