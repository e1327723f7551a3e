"""From PATH arguments to Articles: expand folders, detect formats, dispatch, never raise.

``read_paths`` is the entry point: it yields Articles and Problems for files, folders
and http(s) URLs. One bad input becomes a Problem (file, line or record, message) and
the rest of the batch goes on; only KeyboardInterrupt gets through.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..records import Article
from .base import FORMATS, Problem, ReadOptions
from .feed import read_feed
from .fetch import FEED_TYPES, FetchError, fetch
from .html import html_to_article
from .tabular import read_csv, read_json, read_jsonl
from .text import text_to_article
from .warc import read_warc

EXTENSIONS: dict[str, str] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "csv",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
    ".arc": "warc",
}


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: a file or a URL, with its format (``auto`` until read for URLs)."""

    location: str
    fmt: str
    is_url: bool = False

    @property
    def path(self) -> Path:
        return Path(self.location)


def is_url(arg: str) -> bool:
    return "://" in arg[:12]


def format_of(path: Path) -> str | None:
    """The format a file name says (``.warc.gz`` included), or None when it says nothing."""
    name = path.name.lower()
    if name.endswith((".warc.gz", ".arc.gz")):
        return "warc"
    return EXTENSIONS.get(path.suffix.lower())


def sniff_format(head: bytes) -> str:
    """The format of a file with an unknown name, from its first bytes."""
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 65536)
        except zlib.error:
            return "warc"  # let warcio say what is wrong with it
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"warc/", b"filedesc://")):
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"["):
        return "json"
    if start.startswith(b"<?xml") or start.startswith((b"<rss", b"<feed", b"<rdf")):
        return "feed" if any(t in start[:2000] for t in (b"<rss", b"<feed", b"<rdf:rdf", b"<channel")) else "html"
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or b"<html" in start[:2000]:
        return "html"
    return "text"


def expand(args: Iterable[str | Path], opts: ReadOptions) -> tuple[list[Source], list[Problem]]:
    """The inputs named by ``args`` (files, folders, URLs), in order, and those that do not exist.

    A folder gives the files directly in it (``recursive`` for the whole tree); hidden
    files and folders are left out, and so, with ``--format auto``, are files whose
    name and first bytes say no article format (reported as skipped).
    """
    if opts.fmt not in FORMATS:
        return [], [Problem("--format", f"unknown format {opts.fmt!r} (formats: {', '.join(FORMATS)})")]
    sources: list[Source] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for arg in args:
        text = str(arg)
        if is_url(text):
            sources.append(Source(text, opts.fmt, is_url=True))
            continue
        path = Path(text)
        if path.is_dir():
            files = sorted(path.rglob("*") if opts.recursive else path.iterdir())
            for f in files:
                rel = f.relative_to(path).parts
                if any(p.startswith(".") for p in rel) or not f.is_file():
                    continue
                fmt = opts.fmt if opts.fmt != "auto" else format_of(f)
                if fmt is None:
                    problems.append(
                        Problem(str(f), "not an article file type (name it with --format)", severity="skipped")
                    )
                    continue
                if (key := str(f.resolve())) not in seen:
                    seen.add(key)
                    sources.append(Source(str(f), fmt))
        elif path.is_file():
            if (key := str(path.resolve())) not in seen:
                seen.add(key)
                sources.append(Source(text, opts.fmt if opts.fmt != "auto" else (format_of(path) or "sniff")))
        elif path.exists():
            problems.append(Problem(text, "not a regular file or folder"))
        else:
            problems.append(Problem(text, "no such file or folder"))
    return sources, problems


def read_source(src: Source, opts: ReadOptions) -> Iterator[Article | Problem]:
    """Every Article and Problem of one input; never raises (but lets Ctrl-C through)."""
    try:
        if src.is_url:
            yield from _read_url(src, opts)
        else:
            yield from _read_file(src, opts)
    except KeyboardInterrupt:
        raise
    except MemoryError:
        yield Problem(src.location, "out of memory reading this input")
    except Exception as exc:  # one input must never stop the batch
        yield Problem(src.location, f"unexpected error: {exc.__class__.__name__}: {exc}")


def read_paths(args: Iterable[str | Path], opts: ReadOptions | None = None) -> Iterator[Article | Problem]:
    """Articles and Problems from files, folders and URLs (see ``expand`` and ``read_source``)."""
    opts = opts or ReadOptions()
    sources, problems = expand(args, opts)
    yield from problems
    for src in sources:
        yield from read_source(src, opts)


def _read_file(src: Source, opts: ReadOptions) -> Iterator[Article | Problem]:
    path = src.path
    fmt = src.fmt
    try:
        if fmt in ("jsonl", "json", "csv", "warc"):
            reader = {"jsonl": read_jsonl, "json": read_json, "csv": read_csv, "warc": read_warc}[fmt]
            if path.stat().st_size == 0:
                yield Problem(src.location, "empty file", severity="skipped")
                return
            yield from reader(path, source=src.location, opts=opts)
            return
        data = path.read_bytes()
    except PermissionError:
        yield Problem(src.location, "cannot read: permission denied")
        return
    except OSError as exc:
        yield Problem(src.location, f"cannot read: {exc.strerror or exc}")
        return
    if not data.strip():
        yield Problem(src.location, "empty file", severity="skipped")
        return
    if fmt == "sniff":
        fmt = sniff_format(data[:65536])
        if fmt in ("jsonl", "json", "csv", "warc"):
            yield from _read_file(Source(src.location, fmt), opts)
            return
    if fmt == "html":
        yield from html_to_article(data, source=src.location, opts=opts, path=path)
    elif fmt == "feed":
        yield from read_feed(data, source=src.location, opts=opts, path=path)
    else:
        yield from text_to_article(data, source=src.location, path=path, opts=opts)


def _read_url(src: Source, opts: ReadOptions) -> Iterator[Article | Problem]:
    try:
        page = fetch(src.location, opts.fetch)
    except FetchError as exc:
        yield Problem(src.location, str(exc))
        return
    is_feed = src.fmt == "feed" or (
        src.fmt == "auto" and (page.content_type in FEED_TYPES or sniff_format(page.body[:4096]) == "feed")
    )
    if is_feed:
        yield from read_feed(page.body, source=src.location, opts=opts, feed_url=page.url)
    elif src.fmt in ("auto", "html"):
        yield from html_to_article(page.body, source=src.location, opts=opts, url=src.location, charset=page.charset)
    else:
        yield Problem(src.location, f"--format {src.fmt} cannot be read from a URL (use html or feed)")
