"""Signals in the store: replace an article's signals, query them with filters."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from operator import itemgetter

from sqlalchemy import Engine, and_, delete, func, select

from ..records import Article, Signal
from .articles import row_to_article
from .schema import articles as A
from .schema import cluster_members as CM
from .schema import signals as S


def when_bounds(when: str | None) -> tuple[str | None, str | None]:
    """First and last day a ``when`` value covers: ``2022-09/2022-11`` -> 2022-09-01, 2022-11-30."""
    if not when:
        return None, None
    start, _, end = when.partition("/")
    end = end or start
    return _first_day(start), _last_day(end)


def _first_day(part: str) -> str:
    return {4: f"{part}-01-01", 7: f"{part}-01"}.get(len(part), part)


def _last_day(part: str) -> str:
    import calendar

    if len(part) == 4:
        return f"{part}-12-31"
    if len(part) == 7:
        y, m = int(part[:4]), int(part[5:7])
        return f"{part}-{calendar.monthrange(y, m)[1]:02d}"
    return part


def replace_signals(engine: Engine, by_article: Mapping[str, Sequence[Signal]], *, extractor: str) -> int:
    """Store the signals of each article in ``by_article``, dropping what it had before.

    One transaction for the whole mapping, so a re-extraction after a lexicon change
    never leaves an article half old, half new. Returns the number of rows written.
    """
    rows = []
    for article_id, sigs in by_article.items():
        for s in sigs:
            start, end = when_bounds(s.when)
            rows.append(
                {
                    "article_id": article_id,
                    "start": s.start,
                    "end": s.end,
                    "sentence": s.sentence,
                    "holder": s.holder,
                    "person": s.person,
                    "issue": s.issue,
                    "stance": s.stance,
                    "channel": s.channel,
                    "source": s.source,
                    "hedged": s.hedged,
                    "when": s.when,
                    "when_start": start,
                    "when_end": end,
                    "confidence": s.confidence,
                    "why": json.dumps(list(s.why)),
                    "extractor": extractor,
                }
            )
    ids = list(by_article)
    with engine.begin() as conn:
        for i in range(0, len(ids), 500):
            conn.execute(delete(S).where(S.c.article_id.in_(ids[i : i + 500])))
        if rows:
            conn.execute(S.insert(), rows)
    return len(rows)


@dataclass(frozen=True, slots=True)
class StoredSignal:
    """A stored signal with what a reader needs beside it: its article and story cluster."""

    id: int
    signal: Signal
    published: date | None  # the article's publication date
    outlet: str | None
    title: str | None
    url: str | None
    cluster_id: str | None  # None until the article is clustered
    extractor: str

    @property
    def day(self) -> date | None:
        """The signal's own date when the text gives one (its first day), else publication."""
        start, _ = when_bounds(self.signal.when)
        if start and len(start) == 10:
            try:
                return date.fromisoformat(start)
            except ValueError:
                pass
        return self.published


# The order of Signal's positional fields, as stored columns.
_SIGNAL_COLUMNS = (
    "article_id",
    "sentence",
    "start",
    "end",
    "holder",
    "issue",
    "stance",
    "channel",
    "source",
    "hedged",
    "when",
    "person",
    "confidence",
    "why",
)


def _signal_from_row(m) -> Signal:
    return Signal(
        article_id=m["article_id"],
        sentence=m["sentence"],
        start=m["start"],
        end=m["end"],
        holder=m["holder"],
        issue=m["issue"],
        stance=m["stance"],
        channel=m["channel"],
        source=m["source"],
        hedged=bool(m["hedged"]),
        when=m["when"],
        person=m["person"],
        confidence=m["confidence"],
        why=tuple(json.loads(m["why"])) if m["why"] else (),
    )


def _filters(holder, issue, stance, channel, source, hedged, since, until, article_id):
    conds = []
    for col, value in (
        (S.c.holder, holder),
        (S.c.issue, issue),
        (S.c.stance, stance),
        (S.c.channel, channel),
        (S.c.source, source),
        (S.c.article_id, article_id),
    ):
        if value is None:
            continue
        conds.append(col.in_(list(value)) if isinstance(value, list | tuple | set | frozenset) else col == value)
    if hedged is not None:
        conds.append(S.c.hedged == hedged)
    # A signal's date is its own `when` where the text gives one, else publication.
    day = func.coalesce(S.c.when_start, A.c.published)
    if since:
        conds.append(func.coalesce(S.c.when_end, A.c.published) >= since.isoformat())
    if until:
        conds.append(day <= until.isoformat())
    return and_(*conds) if conds else None


def query_signals(
    engine: Engine,
    *,
    holder: str | Sequence[str] | None = None,
    issue: str | Sequence[str] | None = None,
    stance: str | Sequence[str] | None = None,
    channel: str | Sequence[str] | None = None,
    source: str | Sequence[str] | None = None,
    hedged: bool | None = None,
    since: date | None = None,
    until: date | None = None,
    article_id: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[StoredSignal]:
    """Signals matching every given filter, oldest first (by signal date)."""
    q = (
        select(S, A.c.published, A.c.outlet, A.c.title, A.c.url, CM.c.cluster_id)
        .join(A, A.c.id == S.c.article_id)
        .outerjoin(CM, CM.c.article_id == S.c.article_id)
    )
    where = _filters(holder, issue, stance, channel, source, hedged, since, until, article_id)
    if where is not None:
        q = q.where(where)
    q = q.order_by(func.coalesce(S.c.when_start, A.c.published), S.c.article_id, S.c.start, S.c.id).offset(offset)
    if limit is not None:
        q = q.limit(limit)
    # Positional access: building objects from row mappings dominated large queries.
    n = len(S.columns)
    cols = {c.name: i for i, c in enumerate(S.columns)}
    get = itemgetter(*(cols[k] for k in _SIGNAL_COLUMNS))
    i_id, i_extractor = cols["id"], cols["extractor"]
    iso = date.fromisoformat
    why_cache: dict[str, tuple[str, ...]] = {}
    out = []
    with engine.connect() as conn:
        for row in conn.execute(q):
            (aid, sentence, start, end, holder, issue, stance, channel, source, hedged, when, person, conf, why) = get(
                row
            )
            if why and why not in why_cache:
                why_cache[why] = tuple(json.loads(why))
            published, outlet, title, url, cluster_id = row[n : n + 5]
            out.append(
                StoredSignal(
                    id=row[i_id],
                    signal=Signal(
                        aid,
                        sentence,
                        start,
                        end,
                        holder,
                        issue,
                        stance,
                        channel,
                        source,
                        bool(hedged),
                        when,
                        person,
                        conf,
                        why_cache[why] if why else (),
                    ),
                    published=iso(published) if published else None,
                    outlet=outlet,
                    title=title,
                    url=url,
                    cluster_id=cluster_id,
                    extractor=row[i_extractor],
                )
            )
    return out


def count_signals(engine: Engine, **filters) -> int:
    where = _filters(
        filters.get("holder"),
        filters.get("issue"),
        filters.get("stance"),
        filters.get("channel"),
        filters.get("source"),
        filters.get("hedged"),
        filters.get("since"),
        filters.get("until"),
        filters.get("article_id"),
    )
    q = select(func.count()).select_from(S.join(A, A.c.id == S.c.article_id))
    if where is not None:
        q = q.where(where)
    with engine.connect() as conn:
        return conn.execute(q).scalar_one()


def articles_with_signals(engine: Engine, article_ids: Sequence[str]) -> list[tuple[Article, list[Signal]]]:
    """Each article with its stored signals, in text order (for the article page, exports)."""
    out = []
    with engine.connect() as conn:
        for i in range(0, len(article_ids), 500):
            chunk = list(article_ids[i : i + 500])
            arts = {r.id: row_to_article(r) for r in conn.execute(select(A).where(A.c.id.in_(chunk)))}
            sigs: dict[str, list[Signal]] = {a: [] for a in arts}
            for r in conn.execute(select(S).where(S.c.article_id.in_(chunk)).order_by(S.c.start, S.c.id)):
                sigs[r.article_id].append(_signal_from_row(r._mapping))
            out.extend((arts[a], sigs[a]) for a in chunk if a in arts)
    return out
