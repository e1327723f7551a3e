"""WARC and WARC.gz web archives (warcio): every HTML response record an article.

The record gives the URL (``WARC-Target-URI``) and the capture date (``WARC-Date``);
the page's own publication date wins when trafilatura finds one, because a page is
often archived long after it was written. A truncated or corrupt archive ends with
one problem saying how many records were read; what was read is kept.
"""

from __future__ import annotations

import contextlib
import io
import zlib
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


def _head(path: Path) -> bytes:
    """The first bytes of the archive, decompressed when it is gzipped."""
    with path.open("rb") as fh:
        head = fh.read(65536)
    if head.startswith(b"\x1f\x8b"):
        try:
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 4096)
        except zlib.error:
            return b""
    return head


def _gzip_complete(path: Path) -> bool:
    """Whether the last gzip member of the file ends properly (a cut file ends inside one)."""
    dec = zlib.decompressobj(16 + zlib.MAX_WBITS)
    fed = False
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            data = chunk
            while data:
                dec.decompress(data)
                fed = True
                if dec.eof:
                    data = dec.unused_data
                    dec = zlib.decompressobj(16 + zlib.MAX_WBITS)
                    fed = False
                else:
                    data = b""
    return not fed


def read_warc(path: Path, *, source: str, opts: ReadOptions) -> Iterator[Article | Problem]:
    """Each HTML response (or resource) record with status 2xx, in archive order."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if not _head(path).lstrip().startswith((b"WARC/", b"filedesc://")):
        yield Problem(source, "not a WARC or ARC file (no WARC header at the start)")
        return
    n = read = 0
    gzipped = path.open("rb").read(2) == b"\x1f\x8b"
    previous = None
    cut = False
    warnings = io.StringIO()
    try:
        with path.open("rb") as fh, contextlib.redirect_stderr(warnings):  # warcio writes warnings to stderr
            for record in ArchiveIterator(fh, arc2warc=True):
                if previous is not None and previous.raw_stream.limit > 0:
                    cut = True
                    break
                previous = record
                n += 1
                got = _record_article(record, n, path=path, source=source, opts=opts)
                if got is not None:
                    read += sum(1 for item in got if isinstance(item, Article))
                    yield from got
            else:
                cut = previous is not None and previous.raw_stream.limit > 0
        if not cut and gzipped and not _gzip_complete(path):
            cut, n = True, n + 1  # the cut member never became a record
        if cut:
            yield Problem(
                source,
                f"truncated WARC: it ends inside record {n}; kept the {read} article(s) before it",
                f"record {n}",
            )
        elif warnings.getvalue().strip():
            first = warnings.getvalue().strip().splitlines()[0].strip()
            yield Problem(source, f"malformed WARC ({first}); kept the {read} article(s) read", severity="warning")
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
        yield Problem(
            source,
            f"truncated or corrupt WARC after {read} article(s): {reason}; kept what was read",
            f"record {n + 1}",
        )


def _record_article(record, n: int, *, path: Path, source: str, opts: ReadOptions) -> list[Article | Problem] | None:
    """The article (or problems) of one record; None for records that hold no page."""
    if record.rec_type not in ("response", "resource") or _content_type(record) not in HTML_TYPES:
        return None
    status = record.http_headers.get_statuscode() if record.http_headers is not None else "200"
    if not str(status).startswith("2"):
        return None  # redirects and error pages hold no article
    url = record.rec_headers.get_header("WARC-Target-URI")
    where = f"record {n}" + (f" ({url})" if url else "")
    body = record.content_stream().read(MAX_RECORD_BYTES + 1)
    if len(body) > MAX_RECORD_BYTES:
        return [Problem(source, f"page over {MAX_RECORD_BYTES:,} bytes, not read", where, "skipped")]
    if record.raw_stream.limit > 0:
        return []  # cut short: the caller reports the truncation
    captured = record.rec_headers.get_header("WARC-Date")
    return list(
        html_to_article(
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
    )
