"""The HTML pages: overview, tracker, evidence search, articles, clusters, API docs.

Each route gathers bounded data (one page of rows, cached tracks) and renders one
template; the templates only format. Filters travel in the query string, so every view
is a link an analyst can share.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from ..store.articles import count_articles, get_article
from ..store.search import QueryError, search_articles, search_signals
from ..store.signals import query_signals
from ..track.compute import signal_counts
from .charts import track_chart
from .filters import Paging, SignalFilters, html_page, parse_dates, signal_filters, track_filters
from .highlight import place_signals, render_article
from .queries import (
    article_row,
    cluster_member_rows,
    cluster_sightings,
    cluster_signal_count,
    cluster_size,
    count_article_rows,
    count_clusters,
    dated_first,
    facets,
    list_article_rows,
    list_clusters,
)
from .templating import path_id
from .tracking import cached_track, compute_overview

router = APIRouter(include_in_schema=False)  # pages answer HEAD too (link checkers, monitors)


def _render(request: Request, template: str, **context) -> HTMLResponse:
    state = request.app.state
    context.setdefault("nav", "")
    return state.templates.TemplateResponse(request, template, context)


def _pages(total: int, paging: Paging) -> dict:
    last = max(1, -(-total // paging.limit))
    current = paging.offset // paging.limit + 1
    return {"page": current, "last": last, "total": total, "size": paging.limit}


def _pairs(request: Request) -> dict[tuple[str, str], int]:
    """Signals per (holder, issue), cached until the store changes."""
    engine = request.app.state.engine
    return request.app.state.cache.get(engine, ("pairs",), lambda: signal_counts(engine))


def _facets(request: Request):
    engine = request.app.state.engine
    return request.app.state.cache.get(engine, ("facets",), lambda: facets(engine))


@router.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse)
def overview_page(request: Request) -> HTMLResponse:
    engine = request.app.state.engine
    cache = request.app.state.cache
    ov = compute_overview(engine, cache)
    pending = None
    if ov is None:  # a large store's first overview is still being computed: show the pairs meanwhile
        pending = sorted(_pairs(request).items(), key=lambda kv: (-kv[1], kv[0]))[:300]
    return _render(
        request,
        "overview.html",
        nav="overview",
        ov=ov,
        pending=pending,
        n_articles=count_articles(engine),
        n_clusters=cache.get(engine, ("n_clusters", 2), lambda: count_clusters(engine)),
        refresh=ov is None or ov.stale,
    )


@router.api_route("/track/{holder}/{issue}", methods=["GET", "HEAD"], response_class=HTMLResponse)
def tracker_page(
    request: Request,
    holder: str,
    issue: str,
    f: Annotated[SignalFilters, Depends(track_filters)],
    paging: Annotated[Paging, Depends(html_page)],
    by: Annotated[str, Query(pattern="^(day|week|month)$")] = "month",
) -> HTMLResponse:
    engine = request.app.state.engine
    cache = request.app.state.cache
    pair_total = _pairs(request).get((holder, issue), 0)
    if pair_total == 0:
        raise HTTPException(404, f"No signals of {holder[:40]} on {issue[:60]} are stored.")
    track = cached_track(engine, cache, holder, issue, f, by)
    lf = SignalFilters(**{**f.store_kwargs(), "holder": holder, "issue": issue})
    # The cached track knows the undated count for every filter but stance; no filter at all: the total too.
    known_total = pair_total if f == SignalFilters() else None
    known_undated = track.undated if f.stance is None else None
    rows, total, _ = dated_first(
        engine, lf.store_kwargs(), limit=paging.limit, offset=paging.offset, total=known_total, undated=known_undated
    )
    params = {**f.without("holder", "issue").params(), "by": by if by != "month" else None}
    params.pop("holder")
    params.pop("issue")
    base = f"/track/{path_id(holder)}/{path_id(issue)}"
    return _render(
        request,
        "tracker.html",
        nav="overview",
        holder=holder,
        issue=issue,
        f=f,
        by=by,
        params=params,
        track=track,
        chart=track_chart(track, base, params) if not track.empty else None,
        rows=rows,
        pages=_pages(total, paging),
    )


@router.api_route("/search", methods=["GET", "HEAD"], response_class=HTMLResponse)
def search_page(
    request: Request,
    f: Annotated[SignalFilters, Depends(signal_filters)],
    paging: Annotated[Paging, Depends(html_page)],
    q: Annotated[str, Query(max_length=400)] = "",
    kind: Annotated[str, Query(pattern="^(signals|articles)$")] = "signals",
) -> HTMLResponse:
    engine = request.app.state.engine
    params = {**f.params(), "q": q, "kind": kind if kind != "signals" else None}
    context = {"nav": "search", "q": q, "kind": kind, "f": f, "params": params, "facets": _facets(request)}
    if not q.strip():
        return _render(request, "search.html", **context, error=None, hits=None)
    try:
        sig = search_signals(
            engine,
            q,
            **f.store_kwargs(),
            limit=paging.limit if kind == "signals" else 1,
            offset=paging.offset if kind == "signals" else 0,
        )
        art = search_articles(
            engine,
            q,
            since=f.since,
            until=f.until,
            limit=paging.limit if kind == "articles" else 1,
            offset=paging.offset if kind == "articles" else 0,
        )
    except QueryError as exc:
        return _render(request, "search.html", **context, error=str(exc), hits=None)
    page = sig if kind == "signals" else art
    return _render(
        request,
        "search.html",
        **context,
        error=None,
        sig=sig,
        art=art,
        hits=page.hits,
        pages=_pages(page.total, paging),
    )


@router.api_route("/articles", methods=["GET", "HEAD"], response_class=HTMLResponse)
def articles_page(
    request: Request,
    paging: Annotated[Paging, Depends(html_page)],
    outlet: Annotated[str | None, Query(max_length=300)] = None,
    since: str | None = None,
    until: str | None = None,
) -> HTMLResponse:
    engine = request.app.state.engine
    s, u = parse_dates(since, until)
    outlet = outlet or None
    rows = list_article_rows(engine, outlet=outlet, since=s, until=u, limit=paging.limit, offset=paging.offset)
    total = count_article_rows(engine, outlet=outlet, since=s, until=u)
    params = {"outlet": outlet, "since": since, "until": until}
    return _render(
        request,
        "articles.html",
        nav="articles",
        rows=rows,
        pages=_pages(total, paging),
        params=params,
        facets=_facets(request),
    )


@router.api_route("/articles/{article_id:path}", methods=["GET", "HEAD"], response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    engine = request.app.state.engine
    article = get_article(engine, article_id)
    if article is None:
        raise HTTPException(404, "No article with this id is stored.")
    stored = query_signals(engine, article_id=article_id, limit=2000)
    placed = place_signals(article.text, [(s.id, s.signal) for s in stored])
    row = article_row(engine, article_id)
    members = cluster_member_rows(engine, row.cluster_id, limit=50) if row and row.cluster_id else []
    return _render(
        request,
        "article.html",
        nav="articles",
        article=article,
        row=row,
        placed=placed,
        body=render_article(article.text, placed),
        members=[m for m in members if m.id != article_id],
        extra={k: v for k, v in article.extra.items() if isinstance(v, str | int | float | bool)},
    )


@router.api_route("/clusters", methods=["GET", "HEAD"], response_class=HTMLResponse)
def clusters_page(
    request: Request,
    paging: Annotated[Paging, Depends(html_page)],
    min_size: Annotated[int, Query(ge=1, le=10_000)] = 2,
) -> HTMLResponse:
    engine = request.app.state.engine
    cache = request.app.state.cache
    key = ("clusters", min_size, paging.limit, paging.offset)
    rows = cache.get(
        engine, key, lambda: list_clusters(engine, min_size=min_size, limit=paging.limit, offset=paging.offset)
    )
    total = cache.get(engine, ("n_clusters", min_size), lambda: count_clusters(engine, min_size=min_size))
    return _render(
        request,
        "clusters.html",
        nav="clusters",
        rows=rows,
        pages=_pages(total, paging),
        params={"min_size": min_size if min_size != 2 else None},
    )


@router.api_route("/clusters/{cluster_id:path}", methods=["GET", "HEAD"], response_class=HTMLResponse)
def cluster_page(request: Request, cluster_id: str) -> HTMLResponse:
    engine = request.app.state.engine
    members = cluster_member_rows(engine, cluster_id, limit=500)
    if not members:
        raise HTTPException(404, "No story cluster with this id is stored.")
    canonical = members[0]
    text = get_article(engine, canonical.id)
    return _render(
        request,
        "cluster.html",
        nav="clusters",
        cluster_id=cluster_id,
        canonical=canonical,
        canonical_text=text.text if text else "",
        members=members[1:],
        n_signals=cluster_signal_count(engine, cluster_id),
        size=cluster_size(engine, cluster_id),
        sightings=cluster_sightings(engine, cluster_id),
    )


@router.api_route("/docs", methods=["GET", "HEAD"], response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """Swagger UI from the package's own copy (static/vendor/swagger-ui), reading /openapi.json."""
    return request.app.state.templates.TemplateResponse(request, "docs.html", {})
