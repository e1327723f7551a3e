"""What runs after articles are stored: clustering, then signal extraction.

``ingest`` calls ``after_ingest`` with the ids it just added; ``backchannel extract
--db`` calls ``extract_stored`` to redo the signals after the lexicons change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Engine

Progress = Callable[[int], None]  # called with the number of articles just done


@dataclass(frozen=True, slots=True)
class AfterIngest:
    clustered: int
    clusters_joined: int  # of the clustered, how many joined an existing cluster
    extracted: int
    signals: int
    warnings: tuple[str, ...] = ()  # from clustering (e.g. the LSH index file was rebuilt)


def after_ingest(
    engine: Engine,
    article_ids: Sequence[str],
    *,
    cluster: bool = True,
    extract: bool = True,
    progress: Progress | None = None,
) -> AfterIngest:
    """Cluster the new articles into the stored stories, then extract their signals."""
    from .cluster import assign_clusters
    from .signals.stored import extract_stored

    clustered = joined = extracted = n_signals = 0
    warnings: tuple[str, ...] = ()
    if cluster and article_ids:
        report = assign_clusters(engine, list(article_ids))
        clustered, joined, warnings = report.assigned, report.joined_existing, tuple(report.warnings)
    if extract and article_ids:
        done = extract_stored(engine, list(article_ids), progress=progress)
        extracted, n_signals = done.articles, done.signals
    return AfterIngest(clustered, joined, extracted, n_signals, warnings)
