"""RSS and Atom feeds (feedparser): each entry an article, its linked page on request.

An entry's own content (or summary) is the text; with ``fetch_links`` the linked page
is fetched and read as HTML instead, and the entry's text stays the fallback when the
page cannot be fetched. The feed's title is the outlet, else the link's domain.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from ..clean import clean_text
from ..records import Article
from .base import Problem, ReadOptions, domain_of, id_from_path, id_from_url, looks_binary, too_short
from .fetch import HTML_TYPES, FetchError, fetch, make_client
from .html import fragment_text, html_to_article


def _entry_date(entry) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            try:
                return date(value.tm_year, value.tm_mon, value.tm_mday)
            except ValueError:
                continue
    return None


def _entry_text(entry) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary", "") or ""
    return fragment_text(best if len(best) >= len(summary) else summary)


def read_feed(
    data: bytes, *, source: str, opts: ReadOptions, path: Path | None = None, feed_url: str | None = None
) -> Iterator[Article | Problem]:
    """Every entry of the feed in ``data``; a broken feed is one problem, a bad entry another."""
    import feedparser

    if looks_binary(data):
        yield Problem(source, "binary data, not an RSS or Atom feed")
        return
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    entries = parsed.get("entries", [])
    if not parsed.get("version") and not entries:
        reason = parsed.get("bozo_exception")
        yield Problem(source, f"not an RSS or Atom feed{f': {reason}' if reason else ''}")
        return
    if parsed.get("bozo") and not entries:
        yield Problem(source, f"broken feed: {parsed.get('bozo_exception')}")
        return
    if not entries:
        yield Problem(source, "feed has no entries", severity="skipped")
        return
    outlet = (parsed.feed.get("title") or "").strip() or None
    client = make_client(opts.fetch) if opts.fetch_links else None
    stored = 0
    try:
        for n, entry in enumerate(entries, 1):
            for item in _entry(
                entry, n, source=source, opts=opts, path=path, feed_url=feed_url, outlet=outlet, client=client
            ):
                stored += isinstance(item, Article)
                yield item
    finally:
        if client is not None:
            client.close()
    if parsed.get("bozo"):
        # A broken feed that still gave articles is a warning; one that gave none has failed.
        yield Problem(
            source,
            f"broken feed ({parsed.get('bozo_exception')}); read {stored} article(s) from {len(entries)} entries",
            severity="warning" if stored else "failed",
        )


def _entry(entry, n: int, *, source, opts, path, feed_url, outlet, client) -> Iterator[Article | Problem]:
    where = f"entry {n}"
    link = (entry.get("link") or "").strip() or None
    title = (entry.get("title") or "").strip() or None
    published = _entry_date(entry)
    author = (entry.get("author") or "").strip() or None
    article_id = id_from_url(link) if link else id_from_path(path or Path(feed_url or source), str(n))
    fallback_note = None
    if client is not None and link:
        try:
            page = fetch(link, opts.fetch, accept=HTML_TYPES, client=client)
        except FetchError as exc:
            fallback_note = f"cannot fetch {link}: {exc}"
        else:
            items = list(
                html_to_article(
                    page.body,
                    source=source,
                    opts=opts,
                    where=where,
                    url=link,
                    published=published,
                    charset=page.charset,
                    article_id=article_id,
                )
            )
            art = next((i for i in items if isinstance(i, Article)), None)
            if art is not None:
                yield from (i for i in items if not isinstance(i, Article))
                yield art.with_(
                    title=art.title or title,
                    author=art.author or author,
                    outlet=outlet or art.outlet,
                    published=published or art.published,
                )
                return
            fallback_note = (
                "; ".join(p.message for p in items if isinstance(p, Problem)) or "no article text on the page"
            )
            fallback_note = f"linked page {link}: {fallback_note}"
    cleaned = clean_text(_entry_text(entry), known_title=title)
    why = too_short(cleaned.text, opts)
    if fallback_note:
        severity = "warning" if not why else "failed"
        tail = "; stored the feed's own text instead" if not why else ""
        yield Problem(source, fallback_note + tail, where, severity)
        if why:
            return
    if why:
        hint = "; add --fetch-links to read the linked page" if link and client is None else ""
        yield Problem(source, why + hint, where, "skipped")
        return
    yield Article(
        id=article_id,
        text=cleaned.text,
        title=title,
        url=link,
        outlet=outlet or domain_of(link or feed_url),
        author=author or cleaned.author,
        published=published or cleaned.published,
        source_path=str(path) if path else (feed_url or source),
    )
