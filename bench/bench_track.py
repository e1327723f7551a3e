"""Tracker, briefing and export speed on the synthetic store of bench_web (100,000 articles; quick: 5,000).

``items`` is the number of signals each step reads. The baseline is a budget: a track or
the overview within one second, a briefing within five (it draws a chart and counts
support), an export of every signal within ten.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from backchannel.export import export
from backchannel.report.render import write_briefing
from backchannel.store import open_db
from backchannel.store.signals import count_signals
from backchannel.track import compute_track, overview
from bench_web import build


def _row(name: str, items: int, seconds: float, budget: float, note: str) -> dict:
    return {
        "name": name,
        "items": items,
        "seconds": seconds,
        "per_second": items / seconds if seconds else 0.0,
        "baseline": f"{budget:g} s budget",
        "baseline_per_second": items / budget,
        "ratio": budget / seconds if seconds else 0.0,
        "notes": [note],
    }


def _timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def run(quick: bool) -> list[dict]:
    n = 5_000 if quick else 100_000
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench-track.db"
        build(path, n)
        engine = open_db(path)
        pair = count_signals(engine, holder="RUS", issue="ceasefire")
        total = count_signals(engine)
        for by in ("month", "week", "day"):
            t, s = _timed(lambda by=by: compute_track(engine, "RUS", "ceasefire", by=by))
            rows.append(_row(f"track RUS/ceasefire by {by}", pair, s, 1.0,
                             f"{len(t.periods)} periods, {len(t.shifts)} shifts"))  # fmt: skip
        cells, s = _timed(lambda: overview(engine))
        rows.append(_row("overview (all holders x issues)", total, s, 1.0, f"{len(cells)} cells"))
        written, s = _timed(lambda: write_briefing(engine, "RUS", "ceasefire", Path(tmp) / "b.html"))
        size = written.paths[0].stat().st_size
        rows.append(_row("briefing RUS/ceasefire (html)", pair, s, 5.0, f"{size / 1024:.0f} KiB, self-contained"))
        for fmt in ("csv", "parquet"):
            result, s = _timed(lambda fmt=fmt: export(engine, "signals", fmt, Path(tmp) / f"s.{fmt}"))
            rows.append(_row(f"export signals ({fmt})", result.rows, s, 10.0, f"{result.rows:,} rows"))
        engine.dispose()
    return rows


if __name__ == "__main__":
    import sys

    for row in run("--quick" in sys.argv):
        print(row["name"], f"{row['seconds']:.2f} s", *row["notes"])
