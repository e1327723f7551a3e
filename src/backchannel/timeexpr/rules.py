"""The patterns and resolvers behind ``time_expressions``: one rule per kind of expression.

Each rule is a regex, a handler that turns its match and the publication date into the
value's first and last part (see the package docstring for the decisions), and the word
features a sentence must have for the rule to run at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
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


class Skip(Exception):
    """The text looked like a date but is none (e.g. February 30)."""


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _day(y: int, m: int, d: int) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise Skip from None


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
        raise Skip
    return first, last


def _h_month_pair(m: re.Match[str], pub: date | None) -> Span | None:
    """ "in December and January": the two months as a range, the second after the first."""
    first_m, last_m = _month_num(m["mon"]), _month_num(m["mon2"])
    if first_m == last_m:
        raise Skip
    if m["y"]:  # "in March and April 2024": the year, given once, belongs to the end
        last_y = int(m["y"])
        first_y = last_y if first_m < last_m else last_y - 1
        return _ym(first_y, first_m), _ym(last_y, last_m)
    if pub is None:
        return None
    first_y = _year_for_month(first_m, pub, _mode(m["mod"]))
    last_y = first_y if first_m < last_m else first_y + 1
    return _ym(first_y, first_m), _ym(last_y, last_m)


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
        raise Skip
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
            raise Skip
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


def h_vague(m: re.Match[str], pub: date | None) -> Span | None:
    return None


_FULL_MONTHS = [name for name in _MONTHS if len(name) > 4 or name in ("May", "June", "July")]
_SHORT_MONTHS = [name for name in _MONTHS if name not in _FULL_MONTHS]
# A dot belongs to an abbreviation ("Sept."), never to a full name at the end of a sentence.
_MON = (
    r"(?P<mon>(?:" + "|".join(sorted(_FULL_MONTHS, key=len, reverse=True)) + r")\b"
    r"|(?:" + "|".join(sorted(_SHORT_MONTHS, key=len, reverse=True)) + r")\b\.?)"
)
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
    # Day-first dotted dates ("11.03.2025"), common in translated European and Russian pages;
    # slashed dates stay unread: 03/11/2025 is March in the U.S. and November elsewhere.
    (r"(?<![\d.])(?P<d>\d{1,2})\.(?P<mo>\d{1,2})\.(?P<y>\d{4})\b(?!\.\d)", _h_iso, "D"),
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
    (
        rf"\b(?P<mod>(?i:in|during|between|from|since))\s+{_MON}\s+(?i:and|to|through|until|-|–)\s+"
        rf"{_MON.replace('<mon>', '<mon2>')}(?!\s+\d{{1,2}}\b)(?:,?\s+{_YEAR}\b)?",
        _h_month_pair,
        "M",
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
        h_vague,
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
PLAIN_PREPS = frozenset(
    "in during until till by for from through throughout before after of on over".split()  # noqa: SIM905
)


@cache
def _words() -> re.Pattern[str]:
    return re.compile(r"[^\W\d_]+|\d")


@cache
def compiled() -> tuple[tuple[re.Pattern[str], Handler, str], ...]:
    """The rules with their patterns compiled, once, on first use."""
    return tuple((re.compile(pattern), handler, needs) for pattern, handler, needs in _RULES)


def features(sentence: str) -> set[str]:
    """The rule features present in the sentence (empty for most sentences: then no rule runs)."""
    words = set(_words().findall(sentence))
    lower = {w.lower() for w in words}
    present = {name for name, vocab in _FEATURE_WORDS.items() if not vocab.isdisjoint(lower)}
    if not _MONTH_WORDS.isdisjoint(words):
        present.add("M")
    if not _WEEKDAY_WORDS.isdisjoint(words):
        present.add("W")
    if any(w.isdigit() for w in words):
        present.add("D")
    return present
