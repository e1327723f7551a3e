"""Fetching a URL with limits: http(s) only, a timeout, a size cap, few redirects, a type check.

A page that breaks one of the limits is refused with a ``FetchError`` saying which,
instead of hanging a batch or filling memory. Redirects are followed by hand so each
hop's scheme is checked (a redirect to ``file:`` or ``ftp:`` is refused too).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from .base import FetchOptions

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")


class FetchError(Exception):
    """A URL that could not be fetched within the limits; ``str()`` is the one-line reason."""


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    content_type: str  # lower case, without parameters
    charset: str | None
    body: bytes


def check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs can be fetched, not {parts.scheme or 'a bare path'!r}")
    if not parts.hostname:
        raise FetchError("URL has no host")


def fetch(
    url: str,
    opts: FetchOptions,
    *,
    accept: tuple[str, ...] = HTML_TYPES + FEED_TYPES,
    client: httpx.Client | None = None,
) -> Fetched:
    """GET ``url`` within ``opts``; the response's type must be one of ``accept``."""
    check_url(url)
    own = client is None
    client = client or httpx.Client(
        timeout=httpx.Timeout(opts.timeout), follow_redirects=False, headers={"User-Agent": opts.user_agent}
    )
    deadline = time.monotonic() + opts.timeout * 4  # a slow drip of bytes is a timeout too
    try:
        current = url
        for _hop in range(opts.max_redirects + 1):
            with client.stream("GET", current) as resp:
                if resp.is_redirect:
                    location = resp.headers.get("location")
                    if not location:
                        raise FetchError(f"HTTP {resp.status_code} redirect without a Location header")
                    current = urljoin(current, location)
                    check_url(current)
                    continue
                if resp.status_code >= 400:
                    raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}".rstrip())
                ctype_full = resp.headers.get("content-type", "")
                ctype = ctype_full.split(";")[0].strip().lower()
                if ctype and ctype not in accept:
                    raise FetchError(f"content type {ctype} is not HTML or a feed")
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > opts.max_bytes:
                    raise FetchError(f"page is {int(declared):,} bytes, over the {opts.max_bytes:,}-byte limit")
                chunks: list[bytes] = []
                size = 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > opts.max_bytes:
                        raise FetchError(f"page is over the {opts.max_bytes:,}-byte limit")
                    chunks.append(chunk)
                    if time.monotonic() > deadline:
                        raise FetchError(f"timed out: still downloading after {opts.timeout * 4:g} s")
                charset = resp.charset_encoding
                return Fetched(str(resp.url), ctype, charset, b"".join(chunks))
        raise FetchError(f"more than {opts.max_redirects} redirects")
    except httpx.TimeoutException:
        raise FetchError(f"timed out after {opts.timeout:g} s") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"cannot fetch: {exc.__class__.__name__}: {exc}") from None
    finally:
        if own:
            client.close()


def make_client(opts: FetchOptions) -> httpx.Client:
    """A client to reuse across many fetches (connection pooling), with the limits of ``opts``."""
    return httpx.Client(
        timeout=httpx.Timeout(opts.timeout), follow_redirects=False, headers={"User-Agent": opts.user_agent}
    )
