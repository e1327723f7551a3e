"""Dashboard and API response times on a large synthetic store (100,000 articles; quick: 5,000).

The store is generated (invented sentences, random holders, issues, stances, channels,
dates over three years, one article in ten a copy in a story cluster) and written with
bulk inserts, so the FTS triggers run as they do on ingest. Each page is requested
twice: cold (first request after start, computing tracks) and warm (cached). The
baseline is a budget of one second per page.
"""

from __future__ import annotations

import asyncio
import itertools
import random
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import insert

from backchannel.records import content_hash
from backchannel.store import open_db
from backchannel.store.schema import articles, cluster_members, signals

HOLDERS = ["RUS", "UKR", "USA", "CHN", "TUR", "GBR", "FRA", "DEU", "POL", "HUN", "NATO", "EU", "UN", "QAT", "SAU"]
ISSUES = ["ceasefire", "negotiations", "nato_membership"]
STANCES = ["open", "opposed", "conditional"]
CHANNELS = ["public", "private", "unknown"]
SOURCES = ["holder", "third_party", "anonymous", "analyst", "media", "author"]
TOPIC = [
    "officials",
    "said",
    "the",
    "government",
    "would",
    "consider",
    "talks",
    "on",
    "a",
    "truce",
    "along",
    "the",
    "front",
    "while",
    "envoys",
    "met",
    "quietly",
    "in",
    "a",
    "neutral",
    "capital",
    "and",
    "analysts",
    "expected",
    "little",
    "progress",
    "before",
    "the",
    "winter",
    "offensive",
]
# A news-like vocabulary: the topic words plus 5,000 rarer ones, drawn with Zipf weights.
WORDS = TOPIC + [f"w{i:x}" for i in range(5000)]
CUM_WEIGHTS = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(WORDS))))

PAGES = [
    ("overview", "/"),
    ("api overview (tracks)", "/api/tracks"),
    ("tracker RUS ceasefire", "/track/RUS/ceasefire"),
    ("tracker filtered (private, hedged)", "/track/RUS/ceasefire?channel=private&hedged=true"),
    ("tracker page 40", "/track/RUS/ceasefire?page=40"),
    ("evidence search, common words", "/search?q=truce+envoys"),
    ("evidence search, rare word", "/search?q=w1a3"),
    ("evidence search + filters", "/search?q=talks&holder=UKR&channel=private"),
    ("article search", "/search?q=%22neutral+capital%22&kind=articles"),
    ("articles list", "/articles"),
    ("articles by outlet", "/articles?outlet=Outlet+7"),
    ("article page", "/articles/a-00000042"),
    ("stories list", "/clusters"),
    ("api signals filtered", "/api/signals?holder=RUS&issue=ceasefire&channel=private&limit=100"),
    ("api track", "/api/tracks/UKR/negotiations"),
]


def build(path: Path, n: int, seed: int = 7) -> dict[str, int]:
    rng = random.Random(seed)
    engine = open_db(path)
    start = date(2022, 3, 1)
    now = datetime(2024, 1, 1)
    n_sig = 0
    batch_a, batch_s, batch_c = [], [], []
    sid = 0
    for i in range(n):
        aid = f"a-{i:08d}"
        day = start + timedelta(days=rng.randrange(0, 1000))
        sentences = [" ".join(rng.choices(WORDS, cum_weights=CUM_WEIGHTS, k=18)).capitalize() + "." for _ in range(12)]
        text = " ".join(sentences) + f" Report {i}."
        batch_a.append(
            {
                "id": aid, "url": f"https://outlet{i % 40}.example.com/{aid}", "outlet": f"Outlet {i % 40}",
                "title": " ".join(rng.choices(WORDS, cum_weights=CUM_WEIGHTS, k=7)).capitalize(), "author": None,
                "published": day.isoformat(), "text": text, "source_path": None, "content_hash": content_hash(text),
                "ingested_at": now, "story": None, "extra": None,
            }
        )  # fmt: skip
        offset = 0
        for k, sentence in enumerate(sentences):
            if k % 4 == 0:
                sid += 1
                holder = "RUS" if rng.random() < 0.3 else rng.choice(HOLDERS)
                batch_s.append(
                    {
                        "id": sid, "article_id": aid, "start": offset, "end": offset + len(sentence), "sentence": sentence,
                        "holder": holder, "person": None, "issue": rng.choice(ISSUES), "stance": rng.choice(STANCES),
                        "channel": rng.choice(CHANNELS), "source": rng.choice(SOURCES), "hedged": rng.random() < 0.3,
                        "when": None, "when_start": None, "when_end": None, "confidence": 0.7, "why": "[]",
                        "extractor": "bench",
                    }
                )  # fmt: skip
                n_sig += 1
            offset += len(sentence) + 1
        canonical = i - (i % 10) if i % 10 in (1, 2) else i
        batch_c.append(
            {
                "article_id": aid,
                "cluster_id": f"c-{canonical:08d}",
                "relation": "canonical" if canonical == i else "near_copy",
                "similarity": 1.0 if canonical == i else 0.9,
            }
        )
        if len(batch_a) >= 2000 or i == n - 1:
            with engine.begin() as conn:
                conn.execute(insert(articles), batch_a)
                conn.execute(insert(signals), batch_s)
                conn.execute(insert(cluster_members), batch_c)
            batch_a, batch_s, batch_c = [], [], []
    engine.dispose()
    return {"articles": n, "signals": n_sig}


async def _time_pages(app) -> list[tuple[str, float, float, int]]:
    """Each page cold then warm; the overview page first, as a visitor right after start sees it."""
    out = []
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench", timeout=600) as client:
        for name, url in PAGES:
            t0 = time.perf_counter()
            r = await client.get(url)
            cold = time.perf_counter() - t0
            t0 = time.perf_counter()
            await client.get(url)
            warm = time.perf_counter() - t0
            out.append((name, cold, warm, r.status_code))
    return out


def run(quick: bool) -> list[dict]:
    from backchannel.web import create_app

    n = 5_000 if quick else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench-web.db"
        t0 = time.perf_counter()
        sizes = build(path, n)
        build_s = time.perf_counter() - t0
        app = create_app(str(path))
        rows = []
        for name, cold, warm, status in asyncio.run(_time_pages(app)):
            rows.append(
                {
                    "name": f"web {name}",
                    "items": n,
                    "seconds": cold,
                    "per_second": 1 / cold if cold else 0.0,
                    "baseline": "1 s page budget",
                    "baseline_per_second": 1.0,
                    "ratio": (1 / cold) if cold else 0.0,
                    "notes": [f"cold {cold * 1000:.0f} ms, warm {warm * 1000:.0f} ms, HTTP {status}"],
                }
            )
        rows[0]["notes"].append(
            f"store: {sizes['articles']:,} articles, {sizes['signals']:,} signals, built in {build_s:.0f} s"
        )
        return rows


if __name__ == "__main__":
    import sys

    for row in run("--quick" in sys.argv):
        print(row["name"], *row["notes"])
