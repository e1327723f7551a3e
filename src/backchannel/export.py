"""Export stored signals, articles or story clusters as CSV, JSON, JSON Lines or Parquet.

Every file is written to a temporary file beside its destination and renamed into place
only when complete, so an interrupted or failed export never leaves a half-written file
where a spreadsheet or a script would read it (and never clobbers a good earlier one).
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Engine, select

from .store.articles import iter_articles
from .store.clusters import cluster_sizes
from .store.copies import iter_sightings
from .store.schema import articles as A
from .store.schema import cluster_members as CM
from .store.signals import query_signals

KINDS: tuple[str, ...] = ("signals", "articles", "clusters")
FORMATS: tuple[str, ...] = ("csv", "json", "jsonl", "parquet")

# Column order and Parquet type of each kind ("str", "int", "float", "bool", "date", "list").
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "signals": (
        ("id", "int"), ("article_id", "str"), ("holder", "str"), ("person", "str"), ("issue", "str"),
        ("stance", "str"), ("channel", "str"), ("source", "str"), ("hedged", "bool"), ("when", "str"),
        ("day", "date"), ("confidence", "float"), ("sentence", "str"), ("start", "int"), ("end", "int"),
        ("why", "list"), ("extractor", "str"), ("published", "date"), ("outlet", "str"), ("title", "str"),
        ("url", "str"), ("cluster_id", "str"),
    ),
    "articles": (
        ("id", "str"), ("url", "str"), ("outlet", "str"), ("title", "str"), ("author", "str"),
        ("published", "date"), ("story", "str"), ("cluster_id", "str"), ("content_hash", "str"),
        ("source_path", "str"), ("chars", "int"), ("text", "str"),
    ),
    "clusters": (
        ("cluster_id", "str"), ("article_id", "str"), ("relation", "str"), ("similarity", "float"),
        ("size", "int"), ("outlet", "str"), ("published", "date"), ("title", "str"), ("url", "str"),
        ("copy_of", "str"),
    ),
}  # fmt: skip


class ExportError(ValueError):
    """An export that cannot be made: unknown kind or format, or a destination that cannot be written."""


@dataclass(frozen=True, slots=True)
class ExportResult:
    kind: str
    format: str
    path: Path
    rows: int


@contextlib.contextmanager
def atomic_path(dest: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside ``dest``; renamed onto ``dest`` only if the block succeeds."""
    dest = Path(dest)
    if not dest.parent.is_dir():
        raise ExportError(f"cannot write {dest}: folder {dest.parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.replace(tmp_path, dest)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise


def atomic_write(dest: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8) to ``dest`` atomically; returns the path."""
    with atomic_path(dest) as tmp:
        if isinstance(data, str):
            tmp.write_text(data, encoding="utf-8")
        else:
            tmp.write_bytes(data)
    return Path(dest)


# --- rows ------------------------------------------------------------------------------


def signal_rows(engine: Engine, **filters: Any) -> Iterator[dict[str, Any]]:
    """One flat row per stored signal matching ``filters`` (those of ``query_signals``)."""
    for s in query_signals(engine, **filters):
        g = s.signal
        yield {
            "id": s.id, "article_id": g.article_id, "holder": g.holder, "person": g.person, "issue": g.issue,
            "stance": g.stance, "channel": g.channel, "source": g.source, "hedged": g.hedged, "when": g.when,
            "day": s.day, "confidence": g.confidence, "sentence": g.sentence, "start": g.start, "end": g.end,
            "why": list(g.why), "extractor": s.extractor, "published": s.published, "outlet": s.outlet,
            "title": s.title, "url": s.url, "cluster_id": s.cluster_id,
        }  # fmt: skip


def _cluster_ids(engine: Engine) -> dict[str, str]:
    with engine.connect() as conn:
        return {r.article_id: r.cluster_id for r in conn.execute(select(CM.c.article_id, CM.c.cluster_id))}


def article_rows(
    engine: Engine, *, since: date | None = None, until: date | None = None, outlet: str | None = None
) -> Iterator[dict[str, Any]]:
    """One row per stored article (with its text and story cluster), in id order."""
    clusters = _cluster_ids(engine)
    for a in iter_articles(engine):
        if outlet and a.outlet != outlet:
            continue
        if (since or until) and (
            a.published is None or (since and a.published < since) or (until and a.published > until)
        ):
            continue
        yield {
            "id": a.id, "url": a.url, "outlet": a.outlet, "title": a.title, "author": a.author,
            "published": a.published, "story": a.story, "cluster_id": clusters.get(a.id),
            "content_hash": a.content_hash, "source_path": a.source_path, "chars": len(a.text), "text": a.text,
        }  # fmt: skip


def cluster_rows(engine: Engine) -> Iterator[dict[str, Any]]:
    """One row per cluster member, clusters largest first, the canonical member first.

    Exact copies seen at other addresses (``store.copies``) follow their cluster's stored
    members: ``article_id`` empty, ``copy_of`` the stored article whose text they repeat.
    """
    sizes = cluster_sizes()
    q = (
        select(CM, sizes.c.size, A.c.outlet, A.c.published, A.c.title, A.c.url)
        .join(sizes, sizes.c.cluster_id == CM.c.cluster_id)
        .join(A, A.c.id == CM.c.article_id)
        .order_by(sizes.c.size.desc(), CM.c.cluster_id, (CM.c.relation != "canonical"), A.c.published, CM.c.article_id)
    )
    copies: dict[str, list] = {}
    for s in iter_sightings(engine):
        copies.setdefault(s.article_id, []).append(s)
    with engine.connect() as conn:
        current, pending, size = None, [], 0
        for r in conn.execute(q):
            if r.cluster_id != current:
                yield from _sighting_rows(current, size, pending)
                current, pending, size = r.cluster_id, [], r.size
            pending.extend((c, r.similarity) for c in copies.get(r.article_id, ()))  # its text, so its similarity
            yield {
                "cluster_id": r.cluster_id, "article_id": r.article_id, "relation": r.relation,
                "similarity": r.similarity, "size": r.size, "outlet": r.outlet,
                "published": date.fromisoformat(r.published) if r.published else None, "title": r.title,
                "url": r.url, "copy_of": None,
            }  # fmt: skip
        yield from _sighting_rows(current, size, pending)


def _sighting_rows(cluster_id: str | None, size: int, sightings: list) -> Iterator[dict[str, Any]]:
    for s, similarity in sightings:
        yield {
            "cluster_id": cluster_id, "article_id": None, "relation": "exact", "similarity": similarity, "size": size,
            "outlet": s.outlet, "published": s.published, "title": s.title, "url": s.url or s.source_path,
            "copy_of": s.article_id,
        }  # fmt: skip


# --- writers ---------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


# A spreadsheet runs a cell that starts with one of these as a formula; article text is
# untrusted, so by default such text cells get a leading apostrophe (OWASP's advice).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any, *, escape_formulas: bool = True) -> str:
    if isinstance(value, str) and escape_formulas and value.startswith(_FORMULA_START):
        return "'" + value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return str(_plain(value))


def _write_csv(
    fh: IO[str], columns: Sequence[str], rows: Iterator[dict[str, Any]], *, escape_formulas: bool = True
) -> int:
    w = csv.writer(fh)
    w.writerow(columns)
    n = 0
    for row in rows:
        w.writerow([_csv_cell(row[c], escape_formulas=escape_formulas) for c in columns])
        n += 1
    return n


def _write_json(fh: IO[str], columns: Sequence[str], rows: Iterator[dict[str, Any]], *, lines: bool) -> int:
    n = 0
    if not lines:
        fh.write("[")
    for row in rows:
        text = json.dumps({c: _plain(row[c]) for c in columns}, ensure_ascii=False)
        if lines:
            fh.write(text + "\n")
        else:
            fh.write(("\n" if n == 0 else ",\n") + text)
        n += 1
    if not lines:
        fh.write("\n]\n" if n else "]\n")
    return n


def _write_parquet(path: Path, columns: Sequence[tuple[str, str]], rows: Iterator[dict[str, Any]]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "date": pa.date32(), "list": pa.list_(pa.string())}  # fmt: skip
    schema = pa.schema([(name, types[kind]) for name, kind in columns])
    data = list(rows)
    table = pa.Table.from_pylist([{c: r[c] for c, _ in columns} for r in data], schema=schema)
    pq.write_table(table, path)
    return len(data)


def export(
    engine: Engine,
    kind: str,
    fmt: str,
    out: str | os.PathLike[str],
    *,
    escape_formulas: bool = True,
    **filters: Any,
) -> ExportResult:
    """Write every ``kind`` row (signals take ``query_signals`` filters; articles since/until/outlet).

    CSV text cells that a spreadsheet would run as a formula get a leading apostrophe
    unless ``escape_formulas`` is false (then the file round-trips byte for byte).
    """
    if kind not in KINDS:
        raise ExportError(f"unknown export {kind!r}: choose one of {', '.join(KINDS)}")
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if kind == "signals":
        rows = signal_rows(engine, **filters)
    elif kind == "articles":
        rows = article_rows(engine, **filters)
    else:
        if filters:
            raise ExportError(f"clusters take no filters (got {', '.join(sorted(filters))})")
        rows = cluster_rows(engine)
    columns = COLUMNS[kind]
    names = [c for c, _ in columns]
    with atomic_path(out) as tmp:
        if fmt == "parquet":
            n = _write_parquet(tmp, columns, rows)
        else:
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                if fmt == "csv":
                    n = _write_csv(fh, names, rows, escape_formulas=escape_formulas)
                else:
                    n = _write_json(fh, names, rows, lines=fmt == "jsonl")
                fh.flush()
                os.fsync(fh.fileno())
    return ExportResult(kind, fmt, Path(out), n)
