"""A small cache of computed tracks and overviews, invalidated when the data changes.

Tracks are computed from every signal of a holder and issue, which is too slow to
repeat on each page view of a large corpus. The cache key includes a fingerprint of
the store (signal count and highest id, cluster rows, article count), so an ingest or
re-extraction by another process shows up on the next request without any signalling.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import Engine, func, select

from ..store.copies import article_copies
from ..store.schema import articles, cluster_members, signals

V = TypeVar("V")

FINGERPRINT_TTL = 2.0  # seconds a fingerprint is trusted before it is read again
# Signal records the cache may hold in all (a few hundred bytes each): the overview of a
# 300,000-signal store and a few filtered tracks; older entries are dropped first.
MAX_WEIGHT = 800_000


class Cache:
    """LRU over (fingerprint, key); thread-safe, since uvicorn runs sync routes in threads.

    Concurrent requests for the same missing key compute it once: the others wait for
    that result instead of repeating seconds of work.
    """

    def __init__(self, size: int = 256, max_weight: int = MAX_WEIGHT) -> None:
        self.size = size
        self.max_weight = max_weight
        self._weight = 0
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self.lock = threading.Lock()
        self._computing: dict[Hashable, threading.Lock] = {}
        self._fingerprint: tuple[float, tuple] | None = None

    def fingerprint(self, engine: Engine) -> tuple:
        """What changes whenever articles, signals, clusters or exact copies change (read at most every 2 s)."""
        now = time.monotonic()
        with self.lock:
            if self._fingerprint and now - self._fingerprint[0] < FINGERPRINT_TTL:
                return self._fingerprint[1]
        with engine.connect() as conn:
            sig = conn.execute(select(func.count(), func.max(signals.c.id))).one()
            clu = conn.execute(select(func.count()).select_from(cluster_members)).scalar_one()
            art = conn.execute(select(func.count()).select_from(articles)).scalar_one()
            cop = conn.execute(select(func.count()).select_from(article_copies)).scalar_one()  # exact copies seen
        fp = (sig[0], sig[1], clu, art, cop)
        with self.lock:
            self._fingerprint = (now, fp)
        return fp

    def peek(self, engine: Engine, key: Hashable) -> Any | None:
        """The value for ``key`` under the current data, or None (never computes)."""
        full = (self.fingerprint(engine), key)
        with self.lock:
            if full in self._items:
                self._items.move_to_end(full)
                return self._items[full]
        return None

    def put(self, engine: Engine, key: Hashable, value: Any) -> None:
        self._store((self.fingerprint(engine), key), value)

    def get(self, engine: Engine, key: Hashable, compute: Callable[[], V]) -> V:
        """The cached value for ``key`` under the current data, computing it (once) on a miss."""
        full = (self.fingerprint(engine), key)
        with self.lock:
            if full in self._items:
                self._items.move_to_end(full)
                return self._items[full]
            flight = self._computing.setdefault(full, threading.Lock())
        with flight:
            with self.lock:
                if full in self._items:
                    return self._items[full]
            try:
                value = compute()
                self._store(full, value)
            finally:
                with self.lock:
                    self._computing.pop(full, None)
        return value

    def _store(self, full: Hashable, value: Any) -> None:
        with self.lock:
            if full in self._items:
                self._weight -= weight(self._items[full])
            self._items[full] = value
            self._weight += weight(value)
            self._items.move_to_end(full)
            while len(self._items) > 1 and (len(self._items) > self.size or self._weight > self.max_weight):
                _, dropped = self._items.popitem(last=False)
                self._weight -= weight(dropped)

    def clear(self) -> None:
        with self.lock:
            self._items.clear()
            self._weight = 0
            self._fingerprint = None


def weight(value: Any) -> int:
    """Roughly how many signal records a cached value holds (tracks dominate memory)."""
    signals_ = getattr(value, "signals", None)
    if isinstance(signals_, tuple | list):
        return len(signals_) + 1
    total = getattr(value, "total_signals", None)
    return total + 1 if isinstance(total, int) else 1
