"""The JSON API's request and response models (they are what /openapi.json documents).

Field names follow SIGNALS.md and the records; the track models mirror
``backchannel.track``'s ``to_json`` output, so the API and ``track --json`` agree.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")

MAX_INGEST_ARTICLES = 200
MAX_TEXT_CHARS = 2_000_000


class Page(BaseModel, Generic[T]):
    """One page of a list: ``total`` rows match, this page holds ``items``."""

    total: int = Field(description="Rows matching the filters (capped for searches: see `capped`).")
    limit: int
    offset: int
    capped: bool = Field(False, description="True when `total` stopped counting at the search's cap.")
    items: list[T]


class SignalOut(BaseModel):
    id: int
    article_id: str
    sentence: str
    start: int
    end: int
    holder: str
    person: str | None
    issue: str
    stance: Literal["open", "opposed", "conditional"]
    channel: Literal["public", "private", "unknown"]
    source: Literal["holder", "third_party", "anonymous", "analyst", "media", "author"]
    hedged: bool
    when: str | None
    day: date | None = Field(
        description="The signal's own date (first day of `when`), else the article's publication date."
    )
    confidence: float
    why: list[str]
    published: date | None
    outlet: str | None
    title: str | None
    url: str | None
    cluster_id: str | None
    extractor: str


class SignalHitOut(SignalOut):
    highlight: str = Field(description="The sentence with matched words between «[» and «]».")


class ClusterRef(BaseModel):
    cluster_id: str
    relation: Literal["canonical", "exact", "near_copy", "rewrite"]
    similarity: float
    size: int


class ArticleSummary(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: date | None
    url: str | None
    chars: int
    signals: int
    cluster_id: str | None
    relation: str | None
    cluster_size: int = Field(
        0, description="Articles in its story cluster (1: a report of its own; 0: not clustered)."
    )


class ArticleDetail(BaseModel):
    id: str
    title: str | None
    url: str | None
    outlet: str | None
    author: str | None
    published: date | None
    text: str
    content_hash: str
    source_path: str | None
    story: str | None
    extra: dict[str, Any]
    cluster: ClusterRef | None
    signals: list[SignalOut]


class ArticleHitOut(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: date | None
    url: str | None
    highlight: str = Field(description="A window of the text with matched words between «[» and «]».")


class ClusterMember(BaseModel):
    article_id: str
    relation: str
    similarity: float
    title: str | None
    outlet: str | None
    published: date | None
    url: str | None
    signals: int


class ClusterSummary(BaseModel):
    id: str
    size: int
    first: date | None
    last: date | None
    canonical: ClusterMember | None


class ClusterSighting(BaseModel):
    copy_of: str = Field(description="The stored article whose text this copy repeats word for word.")
    url: str | None
    title: str | None
    outlet: str | None
    author: str | None
    published: date | None
    source_path: str | None


class ClusterDetail(BaseModel):
    id: str
    size: int
    signals: int
    canonical: ClusterMember
    members: list[ClusterMember] = Field(description="The copies and rewrites, closest first (at most 500).")
    sightings: list[ClusterSighting] = Field(
        default_factory=list,
        description="Exact copies of members seen at other addresses (relation exact; their text is stored once).",
    )


# ---- tracks (mirror backchannel.track's to_json)


class SignalRefOut(BaseModel):
    id: int
    article_id: str
    day: date | None
    stance: str
    channel: str
    source: str
    hedged: bool
    confidence: float | None
    weight: float | None
    sentence: str
    person: str | None
    when: str | None
    published: date | None
    outlet: str | None
    title: str | None
    url: str | None
    report: str


class PeriodOut(BaseModel):
    label: str
    start: date
    end: date
    signals: int
    articles: int
    reports: int
    counts: dict[str, dict[str, int]]
    weights: dict[str, dict[str, float | None]]
    index: float | None
    public: float | None
    private: float | None
    gap: float | None
    support: dict[str, int]
    signal_ids: list[int]


class ShiftOut(BaseModel):
    series: str
    period: str
    previous: str
    before: float | None
    after: float | None
    change: float | None
    threshold: float | None
    noise: float | None
    reports: int
    direction: str
    signal_ids: list[int]


class SourceShareOut(BaseModel):
    source: str
    signals: int
    reports: int
    hedged: int


class TrackOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    holder: str
    issue: str
    by: Literal["day", "week", "month"]
    since: date | None
    until: date | None
    periods: list[PeriodOut]
    totals: PeriodOut | None
    sources: list[SourceShareOut]
    first: SignalRefOut | None
    latest: SignalRefOut | None
    shifts: list[ShiftOut]
    signals: list[SignalRefOut] = Field(description="The track's signals (the first `signals_limit`).")
    signals_total: int = Field(description="How many signals the track has in all.")
    undated: int
    method: dict[str, Any]


class CellOut(BaseModel):
    holder: str
    issue: str
    signals: int
    reports: int
    latest_stance: str | None
    latest_day: date | None
    index: float | None
    public: float | None
    private: float | None
    label: str
    sparkline: list[float | None]
    sparkline_periods: list[str]
    shifts: int


# ---- ingest


class ArticleIn(BaseModel):
    """One article in the spec's article format; fields beyond these are kept as ``extra``."""

    model_config = ConfigDict(extra="allow")

    id: str = Field(min_length=1, max_length=300)
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    title: str | None = Field(None, max_length=2000)
    url: str | None = Field(None, max_length=4000)
    outlet: str | None = Field(None, max_length=300)
    author: str | None = Field(None, max_length=300)
    published: date | None = None
    story: str | None = Field(None, max_length=300)


class IngestRequest(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_INGEST_ARTICLES)


class IngestResult(BaseModel):
    id: str
    outcome: str = Field(description="ingested, copy (an exact copy, recorded), duplicate, or rejected")
    reason: str = ""


class IngestResponse(BaseModel):
    ingested: int
    duplicates: int
    rejected: int
    clustered: int
    signals: int
    results: list[IngestResult]
    copies: int = Field(0, description="Exact copies of stored articles at new addresses, recorded as sightings.")
