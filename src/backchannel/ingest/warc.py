"""WARC and WARC.gz web archives (warcio): every HTML response record an article.

The record gives the URL (``WARC-Target-URI``) and the capture date (``WARC-Date``);
the page's own publication date wins when trafilatura finds one, because a page is
often archived long after it was written. A truncated or corrupt archive ends with
one problem saying how many records were read; what was read is kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..records import Article, parse_date
from .base import Problem, ReadOptions
from .fetch import HTML_TYPES
from .html import html_to_article

MAX_RECORD_BYTES = 20_000_000


def _content_type(record) -> str:
    if record.rec_type == "response" and record.http_headers is not None:
        value = record.http_headers.get_header("Content-Type") or ""
    else:
        value = record.rec_headers.get_header("Content-Type") or ""
    return value.split(";")[0].strip().lower()


def _charset(record) -> str | None:
    value = record.http_headers.get_header("Content-Type") if record.http_headers is not None else None
    if value and "charset=" in value.lower():
        return value.lower().split("charset=", 1)[1].split(";")[0].strip().strip("\"'") or None
    return None


def read_warc(path: Path, *, source: str, opts: ReadOptions) -> Iterator[Article | Problem]:
    """Each HTML response (or resource) record with status 2xx, in archive order."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    read = 0
    try:
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh, arc2warc=True):
                n += 1
                if record.rec_type not in ("response", "resource"):
                    continue
                if _content_type(record) not in HTML_TYPES:
                    continue
                status = record.http_headers.get_statuscode() if record.http_headers is not None else "200"
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"record {n}" + (f" ({url})" if url else "")
                if not str(status).startswith("2"):
                    continue  # redirects and error pages hold no article
                body = record.content_stream().read(MAX_RECORD_BYTES + 1)
                if len(body) > MAX_RECORD_BYTES:
                    yield Problem(source, f"page over {MAX_RECORD_BYTES:,} bytes, not read", where, "skipped")
                    continue
                captured = record.rec_headers.get_header("WARC-Date")
                read += 1
                yield from html_to_article(
                    body,
                    source=source,
                    opts=opts,
                    where=where,
                    url=url,
                    path=path,
                    published=parse_date(captured),
                    charset=_charset(record),
                    extra={"warc_date": captured} if captured else None,
                )
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        reason = str(exc).strip() or exc.__class__.__name__
        yield Problem(
            source,
            f"truncated or corrupt WARC after {read} HTML record(s): {reason}; kept what was read",
            f"record {n + 1}",
        )
