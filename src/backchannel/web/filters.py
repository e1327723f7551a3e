"""Query parameters shared by pages and API: signal filters and bounded pagination.

HTML forms send empty strings for "any", so every filter accepts ``""`` as unset; a
value outside its vocabulary is a 422 naming the parameter. Page sizes are bounded
here, once, so no route can be asked for an unbounded result.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import HTTPException, Query

from ..records import CHANNELS, SOURCES, STANCES

MAX_LIMIT = 100  # rows per API page
PAGE_SIZE = 50  # rows per HTML page
MAX_PAGE = 2000  # deepest HTML page
MAX_OFFSET = 100_000  # deepest API offset: deeper scans should use filters or an export

_CODE = r"^[A-Za-z0-9_.-]{0,40}$"


def _choice(value: str | None, allowed: tuple[str, ...], name: str) -> str | None:
    if value is None or value == "":
        return None
    if value not in allowed:
        raise HTTPException(422, f"{name} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def _day(value: str | None, name: str) -> date | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"{name} must be a date YYYY-MM-DD, not {value[:40]!r}") from None


def _bool(value: str | None, name: str) -> bool | None:
    if value is None or value == "":
        return None
    lowered = value.lower()
    if lowered in ("true", "yes", "1"):
        return True
    if lowered in ("false", "no", "0"):
        return False
    raise HTTPException(422, f"{name} must be true or false, not {value[:20]!r}")


@dataclass(frozen=True, slots=True)
class SignalFilters:
    """The filters of ``store.signals.query_signals``, already validated."""

    holder: str | None = None
    issue: str | None = None
    stance: str | None = None
    channel: str | None = None
    source: str | None = None
    hedged: bool | None = None
    since: date | None = None
    until: date | None = None

    def store_kwargs(self) -> dict[str, Any]:
        return asdict(self)

    def params(self) -> dict[str, Any]:
        """As query-string values (for links that keep the filters)."""
        out = asdict(self)
        for key in ("since", "until"):
            out[key] = out[key].isoformat() if out[key] else None
        if self.hedged is not None:
            out["hedged"] = "true" if self.hedged else "false"
        return out

    def without(self, *names: str) -> SignalFilters:
        return SignalFilters(**{k: (None if k in names else v) for k, v in asdict(self).items()})


_Stance = Annotated[str | None, Query(description=f"One of {', '.join(STANCES)}.")]
_Channel = Annotated[str | None, Query(description=f"One of {', '.join(CHANNELS)}.")]
_Source = Annotated[str | None, Query(description=f"One of {', '.join(SOURCES)}.")]
_Hedged = Annotated[str | None, Query(description="true or false: only hedged, or only plain, signals.")]
_Since = Annotated[str | None, Query(description="Signals on or after this date (YYYY-MM-DD).")]
_Until = Annotated[str | None, Query(description="Signals on or before this date (YYYY-MM-DD).")]


def _build(holder, issue, stance, channel, source, hedged, since, until) -> SignalFilters:
    f = SignalFilters(
        holder=holder or None,
        issue=issue or None,
        stance=_choice(stance, STANCES, "stance"),
        channel=_choice(channel, CHANNELS, "channel"),
        source=_choice(source, SOURCES, "source"),
        hedged=_bool(hedged, "hedged"),
        since=_day(since, "since"),
        until=_day(until, "until"),
    )
    if f.since and f.until and f.since > f.until:
        raise HTTPException(422, f"since ({f.since}) is after until ({f.until})")
    return f


def signal_filters(
    holder: Annotated[str | None, Query(pattern=_CODE, description="Actor code, e.g. RUS, UKR, NATO.")] = None,
    issue: Annotated[str | None, Query(pattern=_CODE, description="Issue code, e.g. ceasefire.")] = None,
    stance: _Stance = None,
    channel: _Channel = None,
    source: _Source = None,
    hedged: _Hedged = None,
    since: _Since = None,
    until: _Until = None,
) -> SignalFilters:
    """FastAPI dependency: the validated signal filters of a request."""
    return _build(holder, issue, stance, channel, source, hedged, since, until)


def track_filters(
    stance: _Stance = None,
    channel: _Channel = None,
    source: _Source = None,
    hedged: _Hedged = None,
    since: _Since = None,
    until: _Until = None,
) -> SignalFilters:
    """The same for routes whose path names the holder and issue."""
    return _build(None, None, stance, channel, source, hedged, since, until)


@dataclass(frozen=True, slots=True)
class Paging:
    limit: int
    offset: int


def api_paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Rows per page (at most {MAX_LIMIT}).")] = 25,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")] = 0,
) -> Paging:
    return Paging(limit, offset)


def html_page(page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1) -> Paging:
    return Paging(PAGE_SIZE, (page - 1) * PAGE_SIZE)


def parse_dates(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    """Article date filters (same rules as the signal ones)."""
    s, u = _day(since, "since"), _day(until, "until")
    if s and u and s > u:
        raise HTTPException(422, f"since ({s}) is after until ({u})")
    return s, u
