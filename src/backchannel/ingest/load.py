"""Reading into the store: batches of articles, one transaction each, and a running report.

A batch is committed whole or not at all (``store.articles.add_articles``), so a crash
or Ctrl-C mid-run leaves the database consistent, and re-running the same ingest adds
what is missing (everything stored already comes back as a duplicate).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import Engine

from ..records import Article
from ..store.articles import add_articles
from .base import Problem, ReadOptions
from .paths import Source, expand, read_source

BATCH_SIZE = 200


@dataclass(frozen=True, slots=True)
class Duplicate:
    article_id: str
    source: str
    reason: str  # which stored article it repeats, and how


@dataclass
class IngestReport:
    """What an ingest did so far; filled as it goes, so an interrupted run still has it."""

    sources: int = 0
    sources_done: int = 0
    read: int = 0  # articles read so far (stored or duplicate, or still in the open batch)
    ingested: list[str] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    copies: list[Duplicate] = field(default_factory=list)  # exact copies at other addresses, recorded as sightings
    skipped: list[Problem] = field(default_factory=list)
    failed: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def add_problem(self, problem: Problem) -> None:
        {"failed": self.failed, "skipped": self.skipped, "warning": self.warnings}[problem.severity].append(problem)


def ingest_paths(
    engine: Engine,
    args: Iterable[str],
    opts: ReadOptions,
    *,
    batch_size: int = BATCH_SIZE,
    report: IngestReport | None = None,
    on_problem: Callable[[Problem], None] | None = None,
    on_sources: Callable[[list[Source]], None] | None = None,
    on_source_done: Callable[[Source, IngestReport], None] | None = None,
    on_stored: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Read ``args`` (files, folders, URLs) and store the articles in batches of ``batch_size``.

    Problems go to ``on_problem`` as they happen (the CLI prints them) and into the
    report; ``on_sources`` gets the expanded input list first (to size a progress bar),
    ``on_stored`` the report after each stored batch.
    """
    report = report if report is not None else IngestReport()
    sources, problems = expand(args, opts)
    report.sources = len(sources)
    if on_sources:
        on_sources(sources)
    for problem in problems:
        report.add_problem(problem)
        if on_problem:
            on_problem(problem)
    batch: list[Article] = []
    for src in sources:
        for item in read_source(src, opts):
            if isinstance(item, Problem):
                report.add_problem(item)
                if on_problem:
                    on_problem(item)
                continue
            batch.append(item)
            report.read += 1
            if len(batch) >= batch_size:
                store_batch(engine, batch, report)
                batch = []
                if on_stored:
                    on_stored(report)
        report.sources_done += 1
        if on_source_done:
            on_source_done(src, report)
    if batch:
        store_batch(engine, batch, report)
    return report


def unclustered_ids(engine: Engine) -> list[str]:
    """Stored articles that no clustering has seen: left over by an interrupted or --no-cluster run.

    Clustering runs before extraction after every ingest, so these are the articles whose
    after-ingest work never started; a default ingest picks them up, and a re-run of an
    interrupted ingest completes.
    """
    from sqlalchemy import select

    from ..store.schema import articles, cluster_members

    q = (
        select(articles.c.id)
        .outerjoin(cluster_members, cluster_members.c.article_id == articles.c.id)
        .where(cluster_members.c.article_id.is_(None))
        .order_by(articles.c.id)
    )
    with engine.connect() as conn:
        return [row.id for row in conn.execute(q)]


def store_batch(engine: Engine, batch: list[Article], report: IngestReport) -> None:
    """Add ``batch`` in one transaction and record each article's outcome in ``report``."""
    for article, result in zip(batch, add_articles(engine, batch), strict=True):  # one result per article, in order
        if result.outcome == "ingested":
            report.ingested.append(result.article_id)
        elif result.outcome == "copy":
            report.copies.append(Duplicate(result.article_id, article.source_path or article.url or "", result.reason))
        else:
            report.duplicates.append(
                Duplicate(result.article_id, article.source_path or article.url or "", result.reason)
            )
