"""The JSON API under /api/: articles, signals, tracks, clusters, search; ingest with a token.

Every list is paginated with a bounded ``limit``, and reads never write. ``POST
/api/articles`` answers 403 unless the server was started with a token; with one, it
needs ``Authorization: Bearer TOKEN``, compared in constant time (``hmac.compare_digest``)
before the body is read.
"""

from __future__ import annotations

import dataclasses
import hmac
import logging
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from ..records import Article
from ..store.articles import add_articles, get_article
from ..store.search import MARK_END, MARK_START, QueryError, search_articles, search_signals
from ..store.signals import StoredSignal, count_signals, query_signals
from ..track import BY_VALUES
from .filters import Paging, SignalFilters, api_paging, parse_dates, signal_filters, track_filters
from .queries import (
    ArticleRow,
    article_row,
    cluster_member_rows,
    cluster_sightings,
    cluster_signal_count,
    count_article_rows,
    count_clusters,
    list_article_rows,
    list_clusters,
)
from .queries import cluster_size as _cluster_size
from .schemas import (
    ArticleDetail,
    ArticleHitOut,
    ArticleSummary,
    CellOut,
    ClusterDetail,
    ClusterMember,
    ClusterRef,
    ClusterSighting,
    ClusterSummary,
    IngestRequest,
    IngestResponse,
    IngestResult,
    Page,
    SignalHitOut,
    SignalOut,
    TrackOut,
)
from .tracking import cached_track, compute_overview

router = APIRouter(prefix="/api", tags=["api"])
log = logging.getLogger(__name__)

TRACK_SIGNALS_MAX = 1000
NOT_FOUND = {404: {"description": "No such record"}}
INVALID = {422: {"description": "A filter or parameter is invalid; `detail` says which"}}


def _signal_out(s: StoredSignal) -> SignalOut:
    g = s.signal
    return SignalOut(
        id=s.id, article_id=g.article_id, sentence=g.sentence, start=g.start, end=g.end, holder=g.holder,
        person=g.person, issue=g.issue, stance=g.stance, channel=g.channel, source=g.source, hedged=g.hedged,
        when=g.when, day=s.day, confidence=g.confidence, why=list(g.why), published=s.published,
        outlet=s.outlet, title=s.title, url=s.url, cluster_id=s.cluster_id, extractor=s.extractor,
    )  # fmt: skip


def _summary(r: ArticleRow) -> ArticleSummary:
    return ArticleSummary(
        id=r.id, title=r.title, outlet=r.outlet, published=r.published, url=r.url, chars=r.chars,
        signals=r.signals, cluster_id=r.cluster_id, relation=r.relation, cluster_size=r.cluster_size,
    )  # fmt: skip


def _member(r: ArticleRow) -> ClusterMember:
    return ClusterMember(
        article_id=r.id, relation=r.relation or "canonical", similarity=r.similarity if r.similarity is not None else 1.0,
        title=r.title, outlet=r.outlet, published=r.published, url=r.url, signals=r.signals,
    )  # fmt: skip


def _plain_marks(snippet: str) -> str:
    return snippet.replace(MARK_START, "«").replace(MARK_END, "»")


@router.get("/articles", response_model=Page[ArticleSummary], summary="List articles", responses=INVALID)
def api_articles(
    request: Request,
    paging: Annotated[Paging, Depends(api_paging)],
    outlet: Annotated[str | None, Query(max_length=300, description="Exact outlet name.")] = None,
    since: Annotated[str | None, Query(description="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(description="Published on or before (YYYY-MM-DD).")] = None,
) -> Page[ArticleSummary]:
    """Stored articles, newest first, without their text."""
    engine = request.app.state.engine
    s, u = parse_dates(since, until)
    rows = list_article_rows(engine, outlet=outlet or None, since=s, until=u, limit=paging.limit, offset=paging.offset)
    total = count_article_rows(engine, outlet=outlet or None, since=s, until=u)
    return Page(total=total, limit=paging.limit, offset=paging.offset, items=[_summary(r) for r in rows])


@router.get(
    "/articles/{article_id:path}",
    summary="Get one article with its signals",
    response_model=ArticleDetail,
    responses=NOT_FOUND,
)
def api_article(request: Request, article_id: str) -> ArticleDetail:
    """One article: its cleaned text, metadata, story cluster and signals (in text order)."""
    engine = request.app.state.engine
    a = get_article(engine, article_id)
    if a is None:
        raise HTTPException(404, f"no article with id {article_id[:300]!r}")
    row = article_row(engine, article_id)
    cluster = None
    if row and row.cluster_id:
        cluster = ClusterRef(
            cluster_id=row.cluster_id, relation=row.relation, similarity=row.similarity or 0.0,  # type: ignore[arg-type]
            size=_cluster_size(engine, row.cluster_id),
        )  # fmt: skip
    signals = sorted(query_signals(engine, article_id=article_id, limit=2000), key=lambda s: (s.signal.start, s.id))
    return ArticleDetail(
        id=a.id, title=a.title, url=a.url, outlet=a.outlet, author=a.author, published=a.published, text=a.text,
        content_hash=a.content_hash, source_path=a.source_path, story=a.story, extra=a.extra, cluster=cluster,
        signals=[_signal_out(s) for s in signals],
    )  # fmt: skip


@router.get("/signals", summary="List signals", response_model=Page[SignalOut], responses=INVALID)
def api_signals(
    request: Request,
    f: Annotated[SignalFilters, Depends(signal_filters)],
    paging: Annotated[Paging, Depends(api_paging)],
    article_id: Annotated[str | None, Query(max_length=300, description="Only this article's signals.")] = None,
) -> Page[SignalOut]:
    """Stored signals matching every filter, oldest first (by the signal's own date)."""
    engine = request.app.state.engine
    kw = {**f.store_kwargs(), "article_id": article_id or None}
    rows = query_signals(engine, **kw, limit=paging.limit, offset=paging.offset)
    total = count_signals(engine, **kw)
    return Page(total=total, limit=paging.limit, offset=paging.offset, items=[_signal_out(s) for s in rows])


@router.get("/tracks", summary="Overview of every holder and issue", response_model=list[CellOut])
def api_tracks(request: Request) -> list[CellOut]:
    """The overview: one cell per holder and issue that has signals, most reported first."""
    ov = compute_overview(request.app.state.engine, request.app.state.cache, wait=True)
    return [CellOut(**c.to_json()) for c in sorted(ov.cells.values(), key=lambda c: (-c.signals, c.holder, c.issue))]


@router.get(
    "/tracks/{holder}/{issue}",
    summary="Track one holder on one issue",
    response_model=TrackOut,
    responses={**NOT_FOUND, **INVALID},
)
def api_track(
    request: Request,
    holder: str,
    issue: str,
    f: Annotated[SignalFilters, Depends(track_filters)],
    by: Annotated[str, Query(pattern="^(day|week|month)$", description=f"Period: {', '.join(BY_VALUES)}.")] = "month",
    signals_limit: Annotated[int, Query(ge=0, le=TRACK_SIGNALS_MAX, description="Signals listed in the answer.")] = 200,
) -> TrackOut:
    """The track of one holder on one issue: periods, stance index, public and private lines, gap, shifts.

    Date, channel, source and hedged filters select the signals the track is built from;
    `holder`, `issue` and `stance` query filters are ignored (the path names the pair,
    and the stance index needs every stance).
    """
    engine = request.app.state.engine
    if count_signals(engine, holder=holder, issue=issue) == 0:
        raise HTTPException(404, f"no signals of {holder[:40]} on {issue[:60]}")
    track = cached_track(engine, request.app.state.cache, holder, issue, f, by)
    # Serialise only the signals asked for: a busy pair has tens of thousands.
    out = dataclasses.replace(track, signals=track.signals[:signals_limit]).to_json()
    out["signals_total"] = len(track.signals)
    return TrackOut(**out)


@router.get("/clusters", summary="List story clusters", response_model=Page[ClusterSummary], responses=INVALID)
def api_clusters(
    request: Request,
    paging: Annotated[Paging, Depends(api_paging)],
    min_size: Annotated[int, Query(ge=1, le=10_000, description="Only clusters with at least this many articles.")] = 2,
) -> Page[ClusterSummary]:
    """Story clusters, largest first, each with its canonical report."""
    engine = request.app.state.engine
    rows = list_clusters(engine, min_size=min_size, limit=paging.limit, offset=paging.offset)
    items = [
        ClusterSummary(
            id=c.id, size=c.size, first=c.first, last=c.last, canonical=_member(c.canonical) if c.canonical else None
        )
        for c in rows
    ]
    return Page(total=count_clusters(engine, min_size=min_size), limit=paging.limit, offset=paging.offset, items=items)


@router.get(
    "/clusters/{cluster_id:path}", summary="Get one story cluster", response_model=ClusterDetail, responses=NOT_FOUND
)
def api_cluster(request: Request, cluster_id: str) -> ClusterDetail:
    """One story cluster: its canonical report, then its copies and rewrites."""
    engine = request.app.state.engine
    members = cluster_member_rows(engine, cluster_id, limit=501)
    if not members:
        raise HTTPException(404, f"no cluster with id {cluster_id[:300]!r}")
    return ClusterDetail(
        id=cluster_id,
        size=_cluster_size(engine, cluster_id),
        signals=cluster_signal_count(engine, cluster_id),
        canonical=_member(members[0]),
        members=[_member(m) for m in members[1:501]],
        sightings=[
            ClusterSighting(
                copy_of=s.article_id,
                url=s.url,
                title=s.title,
                outlet=s.outlet,
                author=s.author,
                published=s.published,
                source_path=s.source_path,
            )
            for s in cluster_sightings(engine, cluster_id, limit=500)
        ],
    )


@router.get("/search/signals", summary="Search signal sentences", response_model=Page[SignalHitOut], responses=INVALID)
def api_search_signals(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200, description='Words, "phrases", prefix*, OR.')],
    f: Annotated[SignalFilters, Depends(signal_filters)],
    paging: Annotated[Paging, Depends(api_paging)],
) -> Page[SignalHitOut]:
    """Signals whose sentence matches `q` (full-text, stemmed) and every filter, best match first."""
    try:
        page = search_signals(request.app.state.engine, q, **f.store_kwargs(), limit=paging.limit, offset=paging.offset)
    except QueryError as exc:
        raise HTTPException(422, str(exc)) from None
    items = [SignalHitOut(**_signal_out(h.stored).model_dump(), highlight=_plain_marks(h.snippet)) for h in page.hits]
    return Page(total=page.total, capped=page.capped, limit=paging.limit, offset=paging.offset, items=items)


@router.get("/search/articles", summary="Search articles", response_model=Page[ArticleHitOut], responses=INVALID)
def api_search_articles(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200, description='Words, "phrases", prefix*, OR.')],
    paging: Annotated[Paging, Depends(api_paging)],
    outlet: Annotated[str | None, Query(max_length=300)] = None,
    since: str | None = None,
    until: str | None = None,
) -> Page[ArticleHitOut]:
    """Articles whose title or text matches `q`, best match first, with a highlighted snippet."""
    s, u = parse_dates(since, until)
    try:
        page = search_articles(
            request.app.state.engine,
            q,
            outlet=outlet or None,
            since=s,
            until=u,
            limit=paging.limit,
            offset=paging.offset,
        )
    except QueryError as exc:
        raise HTTPException(422, str(exc)) from None
    items = [
        ArticleHitOut(
            id=h.article_id,
            title=h.title,
            outlet=h.outlet,
            published=h.published,
            url=h.url,
            highlight=_plain_marks(h.snippet),
        )
        for h in page.hits
    ]
    return Page(total=page.total, capped=page.capped, limit=paging.limit, offset=paging.offset, items=items)


_bearer = HTTPBearer(auto_error=False, description="The token the server was started with (--token).")


def require_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> None:
    """Dependency: the request carries the server's token (checked before the body is read)."""
    expected = request.app.state.token
    if not expected:
        raise HTTPException(403, "ingest is disabled: start the server with --token to allow POST /api/articles")
    given = credentials.credentials if credentials else ""
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(
            401, "missing or wrong token (send Authorization: Bearer TOKEN)", headers={"WWW-Authenticate": "Bearer"}
        )


def _ingest(request: Request, body: IngestRequest) -> IngestResponse:
    from ..ingest.base import ReadOptions
    from ..ingest.tabular import record_to_article
    from ..pipeline import after_ingest

    engine = request.app.state.engine
    results: list[IngestResult] = []
    batch: list[Article] = []
    for i, item in enumerate(body.articles, 1):
        obj = item.model_dump(mode="json", exclude_none=True)
        got = record_to_article(
            obj, source="POST /api/articles", where=f"article {i}", path=Path("api"), record=str(i), opts=ReadOptions()
        )
        if isinstance(got, Article):
            batch.append(got.with_(source_path="api"))
        else:
            results.append(IngestResult(id=item.id, outcome="rejected", reason=got.message))
    added = add_articles(engine, batch) if batch else []
    results.extend(IngestResult(id=r.article_id, outcome=r.outcome, reason=r.reason) for r in added)
    new_ids = [r.article_id for r in added if r.outcome == "ingested"]
    try:
        done = after_ingest(engine, new_ids) if new_ids else None
    except Exception:
        log.exception("after_ingest failed for %d new articles", len(new_ids))
        raise HTTPException(
            500,
            f"{len(new_ids)} articles were stored, but clustering or signal extraction failed (see the server log); "
            "run `backchannel extract` to retry",
        ) from None
    finally:
        request.app.state.cache.clear()
    return IngestResponse(
        ingested=len(new_ids),
        duplicates=sum(r.outcome == "duplicate" for r in results),
        rejected=sum(r.outcome == "rejected" for r in results),
        clustered=done.clustered if done else 0,
        signals=done.signals if done else 0,
        results=results,
        copies=sum(r.outcome == "copy" for r in results),
    )


@router.post(
    "/articles",
    summary="Ingest articles (needs the server's token)",
    response_model=IngestResponse,
    responses={
        401: {"description": "Missing or wrong token"},
        403: {"description": "Server started without --token"},
        413: {"description": "Body too large"},
        **INVALID,
    },
)
async def api_ingest(
    request: Request, body: IngestRequest, _auth: Annotated[None, Depends(require_token)]
) -> IngestResponse:
    """Ingest articles (the spec's article format): store, cluster and extract their signals.

    Allowed only when the server was started with `--token`; send it as
    `Authorization: Bearer TOKEN`. Articles already stored (same id, text or URL) are
    reported as duplicates; texts too short to be articles are rejected.
    """
    return await run_in_threadpool(_ingest, request, body)
