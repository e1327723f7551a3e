"""Extraction over stored articles: read from the store, extract, replace their signals.

Used after ``ingest`` (``pipeline.after_ingest``) and by ``backchannel extract --db`` to
redo every article after a lexicon edit. Each stored signal records the extractor
version and lexicon digest, so a reader can tell which rules produced it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Engine, select

from ..records import Signal
from ..store.articles import iter_articles
from ..store.schema import articles as articles_table
from ..store.signals import replace_signals
from .extract import VERSION, ExtractionError, extract
from .lexicon import Lexicon, load_lexicon

Progress = Callable[[int], None]
_BATCH = 200


@dataclass(frozen=True, slots=True)
class ExtractDone:
    """How many articles were extracted, how many signals stored, and which articles failed why."""

    articles: int
    signals: int
    problems: tuple[str, ...] = field(default=())


def extractor_label(lexicon: Lexicon) -> str:
    """The ``extractor`` value stored with each signal: rules version plus lexicon digest."""
    return f"{VERSION}+{lexicon.digest}"


def extract_stored(
    engine: Engine,
    article_ids: Sequence[str] | None,
    *,
    progress: Progress | None = None,
    lexicon: Lexicon | None = None,
) -> ExtractDone:
    """Extract the stored articles ``article_ids`` (all when None) and replace their signals.

    Writes in batches, one transaction each, so an interrupted run leaves every article
    either fully old or fully new. An article that cannot be read (empty text) gets no
    signals and a problem line naming it.
    """
    lex = lexicon or load_lexicon()
    label = extractor_label(lex)
    n_articles = n_signals = 0
    problems: list[str] = []
    batch: dict[str, list[Signal]] = {}

    def flush() -> None:
        nonlocal n_signals
        if batch:
            n_signals += replace_signals(engine, batch, extractor=label)
            if progress is not None:
                progress(len(batch))
            batch.clear()

    ids = list(article_ids) if article_ids is not None else _all_ids(engine)
    for i in range(0, len(ids), _BATCH):
        # Read a whole batch before writing: SQLite cannot commit while a read cursor is open.
        for article in list(iter_articles(engine, ids[i : i + _BATCH])):
            try:
                batch[article.id] = extract(article, lexicon=lex)
            except ExtractionError as exc:
                problems.append(str(exc))
                batch[article.id] = []
            n_articles += 1
        flush()
    return ExtractDone(n_articles, n_signals, tuple(problems))


def _all_ids(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(select(articles_table.c.id).order_by(articles_table.c.id)).scalars())
