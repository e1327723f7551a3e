"""JSONL, JSON and CSV article files: the spec's article format, or any layout via ``--map``.

The text of these files is stored as given (no debris cleaning): the article file
format of SIGNALS.md carries clean text already, and gold offsets refer to it.
``--map text=body,published=date`` names the input column for an article field.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..records import Article, parse_date
from .base import Problem, ReadOptions, decode_bytes, domain_of, id_from_path, id_from_url, looks_binary, too_short

FIELDS = ("id", "text", "title", "url", "outlet", "author", "published", "story")


class MapError(ValueError):
    """A ``--map`` value that cannot be used; the message says which part and why."""


def parse_map(spec: str | None) -> dict[str, str]:
    """``"text=body,published=date"`` -> ``{"text": "body", "published": "date"}`` (article field -> column)."""
    out: dict[str, str] = {}
    if not spec:
        return out
    for part in spec.split(","):
        if not part.strip():
            continue
        if "=" not in part:
            raise MapError(f"{part.strip()!r} is not FIELD=COLUMN")
        name, column = (s.strip() for s in part.split("=", 1))
        if name not in FIELDS:
            raise MapError(f"unknown article field {name!r} (fields: {', '.join(FIELDS)})")
        if not column:
            raise MapError(f"no column given for {name!r}")
        if name in out:
            raise MapError(f"field {name!r} mapped twice")
        out[name] = column
    return out


def record_to_article(
    obj: dict[str, Any], *, source: str, where: str, path: Path, record: str, opts: ReadOptions
) -> Article | Problem:
    """One record (a JSON object or a CSV row) as an Article, through the field mapping."""
    mapping = opts.mapping
    values = {f: obj.get(mapping.get(f, f)) for f in FIELDS}
    text_col = mapping.get("text", "text")
    text = values["text"]
    if text is None:
        return Problem(source, f"no {text_col!r} field", where)
    if not isinstance(text, str):
        return Problem(source, f"{text_col!r} is a {type(text).__name__}, not a string", where)
    why = too_short(text, opts)
    if why:
        return Problem(source, why, where, "skipped")
    url = values["url"] if isinstance(values["url"], str) and values["url"].strip() else None
    rid = values["id"]
    article_id = (
        str(rid).strip() if rid not in (None, "") else (id_from_url(url) if url else id_from_path(path, record))
    )
    used = {mapping.get(f, f) for f in FIELDS}
    skip = used | {"signals", "cluster", "content_hash", "ingested_at", "source_path"}

    def opt_str(name: str) -> str | None:
        v = values[name]
        return str(v).strip() or None if v not in (None, "") else None

    published = parse_date(values["published"])
    return Article(
        id=article_id,
        text=text,
        title=opt_str("title"),
        url=url,
        outlet=opt_str("outlet") or domain_of(url),
        author=opt_str("author"),
        published=published,
        source_path=str(path),
        story=opt_str("story"),
        extra={k: v for k, v in obj.items() if k not in skip and v not in (None, "")},
    )


def _date_warning(obj: dict, source: str, where: str, opts: ReadOptions, art: Article) -> Problem | None:
    raw = obj.get(opts.mapping.get("published", "published"))
    if raw not in (None, "") and art.published is None:
        return Problem(source, f"published value {raw!r} is not an ISO date; stored without a date", where, "warning")
    return None


def _emit(
    obj: Any, *, source: str, where: str, path: Path, record: str, opts: ReadOptions
) -> Iterator[Article | Problem]:
    if not isinstance(obj, dict):
        yield Problem(source, f"expected a JSON object, got {type(obj).__name__}", where)
        return
    got = record_to_article(obj, source=source, where=where, path=path, record=record, opts=opts)
    if isinstance(got, Article):
        warn = _date_warning(obj, source, where, opts, got)
        if warn:
            yield warn
    yield got


def read_jsonl_lines(
    lines: Iterable[bytes], *, source: str, path: Path, opts: ReadOptions
) -> Iterator[Article | Problem]:
    """One article per line; a malformed line is one problem and the next line goes on."""
    fallbacks = 0
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        where = f"line {n}"
        decoded = decode_bytes(raw)
        if decoded.note:
            fallbacks += 1
            if fallbacks == 1:  # once per file, not once per line
                yield Problem(source, f"{decoded.note} (later lines like it are counted at the end)", where, "warning")
        try:
            obj = json.loads(decoded.text)
        except (json.JSONDecodeError, RecursionError) as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            yield Problem(source, f"malformed JSON: {msg}", where)
            continue
        yield from _emit(obj, source=source, where=where, path=path, record=str(n), opts=opts)
    if fallbacks > 1:
        yield Problem(
            source, f"{fallbacks - 1} more line(s) were not UTF-8 and were decoded by a fallback", severity="warning"
        )


def _binary(path: Path, source: str) -> Problem | None:
    with path.open("rb") as fh:
        head = fh.read(8192)
    return Problem(source, "binary file, not JSON or CSV text") if looks_binary(head) else None


def read_jsonl(path: Path, *, source: str, opts: ReadOptions) -> Iterator[Article | Problem]:
    if problem := _binary(path, source):
        yield problem
        return
    with path.open("rb") as fh:
        yield from read_jsonl_lines(fh, source=source, path=path, opts=opts)


def read_json(path: Path, *, source: str, opts: ReadOptions) -> Iterator[Article | Problem]:
    """A ``.json`` file: one article object, a list of them, or JSON Lines under that name."""
    if problem := _binary(path, source):
        yield problem
        return
    data = path.read_bytes()
    decoded = decode_bytes(data)
    try:
        obj = json.loads(decoded.text)
    except json.JSONDecodeError:
        yield from read_jsonl_lines(io.BytesIO(data), source=source, path=path, opts=opts)
        return
    except RecursionError:
        yield Problem(source, "malformed JSON: nested too deeply")
        return
    records = obj if isinstance(obj, list) else [obj]
    text_col = opts.mapping.get("text", "text")
    if not any(isinstance(r, dict) and text_col in r for r in records):
        yield Problem(source, f"JSON file without articles (no record has a {text_col!r} field)", severity="skipped")
        return
    for n, rec in enumerate(records, 1):
        yield from _emit(rec, source=source, where=f"record {n}", path=path, record=str(n), opts=opts)


def _header_delimiter(text: str) -> str:
    """The delimiter the header row uses most (``,`` ``;`` tab ``|``); commas by default.

    Only the header is looked at: article text is full of commas whatever the delimiter.
    """
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(path: Path, *, source: str, opts: ReadOptions) -> Iterator[Article | Problem]:
    """A CSV (or TSV) file with a header row; the delimiter is sniffed."""
    if problem := _binary(path, source):
        yield problem
        return
    decoded = decode_bytes(path.read_bytes())
    if decoded.note:
        yield Problem(source, decoded.note, severity="warning")
    text = decoded.text.lstrip("\ufeff")
    if not text.strip():
        yield Problem(source, "empty CSV file", severity="skipped")
        return
    delimiter = "\t" if path.suffix.lower() == ".tsv" else _header_delimiter(text)
    csv.field_size_limit(50_000_000)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        columns = reader.fieldnames or []
    except csv.Error as exc:
        yield Problem(source, f"malformed CSV header: {exc}", "line 1")
        return
    text_col = opts.mapping.get("text", "text")
    if text_col not in columns:
        shown = ", ".join(c for c in columns[:12] if c) or "none"
        yield Problem(source, f"no {text_col!r} column (columns: {shown}); name it with --map text=COLUMN", "line 1")
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Problem(source, f"malformed CSV: {exc}", f"line {reader.line_num}")
            return
        where = f"line {reader.line_num}"
        if None in row:  # more cells than the header has
            yield Problem(source, f"{len(columns) + len(row[None])} cells but the header has {len(columns)}", where)
            continue
        yield from _emit(row, source=source, where=where, path=path, record=str(reader.line_num), opts=opts)
