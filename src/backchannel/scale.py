"""Scale-out on Dask distributed: extraction and clustering features on many workers.

The stages are plain functions over records, so scaling out is only a matter of
shipping chunks of articles to workers and collecting the results. The database has
one writer (the caller): workers never touch it, which keeps SQLite safe and keeps a
PostgreSQL store free of write contention. Each worker process loads the lexicon once
(``load_lexicon`` is cached per process) and reuses it for every chunk.

``scheduler`` is either the address of a running Dask scheduler (``tcp://host:8786``)
or ``local:N`` for a local cluster of N worker processes on this machine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine

from .records import Article, Signal

Progress = Callable[[int], None]


class ScaleError(RuntimeError):
    """A scheduler that cannot be reached or a bad ``--scheduler`` value."""


@dataclass(frozen=True, slots=True)
class ScaleDone:
    articles: int
    signals: int
    workers: int


def _extract_chunk(articles: list[Article], actors_files: tuple[str, ...]) -> list[tuple[str, list[Signal]]]:
    # Runs on a worker: imports stay inside so the driver need not load the rules.
    from .signals import ExtractionError, extract, load_lexicon

    lexicon = load_lexicon(actors_files=actors_files)
    out = []
    for a in articles:
        try:
            out.append((a.id, extract(a, lexicon=lexicon)))
        except ExtractionError:  # an article with no usable text gets no signals
            out.append((a.id, []))
    return out


@contextmanager
def dask_client(scheduler: str):
    """A Dask client for ``tcp://...`` or ``local:N``; a clear ScaleError otherwise."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # the optional extra is not installed
        raise ScaleError("Dask is not installed: pip install 'backchannel[distributed]'") from exc
    if scheduler.startswith("local:"):
        try:
            n = int(scheduler.removeprefix("local:"))
        except ValueError:
            raise ScaleError(f"--scheduler {scheduler!r}: local:N needs a whole number of workers") from None
        if n < 1:
            raise ScaleError(f"--scheduler {scheduler!r}: at least one worker")
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()
            cluster.close()
        return
    if "://" not in scheduler:
        raise ScaleError(f"--scheduler {scheduler!r}: give tcp://HOST:PORT or local:N")
    try:
        client = Client(scheduler, timeout="10s")
    except OSError as exc:
        raise ScaleError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    try:
        yield client
    finally:
        client.close()


def extract_distributed(
    articles: Iterable[Article],
    client,
    *,
    chunk_size: int = 100,
    actors_files: Sequence[str] = (),
) -> Iterator[tuple[str, list[Signal]]]:
    """Signals of every article, computed on the client's workers, yielded as chunks finish.

    Order is the order chunks complete, not input order: the caller stores by id.
    At most a few chunks per worker are in flight, so memory stays bounded however
    long ``articles`` is.
    """
    from dask.distributed import as_completed

    files = tuple(str(f) for f in actors_files)
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    in_flight = as_completed()
    limit = 4 * workers

    def chunks() -> Iterator[list[Article]]:
        chunk: list[Article] = []
        for a in articles:
            chunk.append(a)
            if len(chunk) >= chunk_size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    source = chunks()
    for chunk in source:
        in_flight.add(client.submit(_extract_chunk, chunk, files, pure=False))
        if in_flight.count() >= limit:
            yield from next(in_flight).result()
    for future in in_flight:
        yield from future.result()


def extract_stored_distributed(
    engine: Engine,
    article_ids: Sequence[str] | None,
    scheduler: str,
    *,
    chunk_size: int = 100,
    actors_files: Sequence[str] = (),
    progress: Progress | None = None,
) -> ScaleDone:
    """Re-extract stored articles on a Dask cluster; this process writes the results."""
    from .signals import load_lexicon
    from .signals.stored import extractor_label
    from .store.articles import iter_articles
    from .store.schema import articles as articles_table
    from .store.signals import replace_signals

    extractor = extractor_label(load_lexicon(actors_files=tuple(str(f) for f in actors_files)))
    if article_ids is None:
        from sqlalchemy import select

        with engine.connect() as conn:
            article_ids = [r[0] for r in conn.execute(select(articles_table.c.id).order_by(articles_table.c.id))]
    ids = list(article_ids)

    def stored_articles() -> Iterator[Article]:
        # Read a slice fully before yielding: SQLite cannot commit while a read cursor is open.
        for i in range(0, len(ids), 500):
            yield from list(iter_articles(engine, ids[i : i + 500]))

    n_articles = n_signals = 0
    with dask_client(scheduler) as client:
        workers = len(client.scheduler_info().get("workers", {}))
        pending: dict[str, list[Signal]] = {}
        stream = extract_distributed(stored_articles(), client, chunk_size=chunk_size, actors_files=actors_files)
        for article_id, sigs in stream:
            pending[article_id] = sigs
            if len(pending) >= 500:
                n_signals += replace_signals(engine, pending, extractor=extractor)
                n_articles += len(pending)
                if progress:
                    progress(len(pending))
                pending = {}
        if pending:
            n_signals += replace_signals(engine, pending, extractor=extractor)
            n_articles += len(pending)
            if progress:
                progress(len(pending))
    return ScaleDone(n_articles, n_signals, workers)
