"""Ingest throughput: read + clean + store, for text files and for HTML pages.

Generates ``N`` articles (seeded, about 400 words each, every one different) in a
temporary folder twice: as blog-style text files with page debris around the body,
and as full HTML pages with navigation, share widgets, ads and comments. Each folder is
ingested into a fresh SQLite file the way ``backchannel ingest --no-cluster
--no-extract`` does it (``ingest_paths``, batches of 200), and compared with plain
reading of the same files (open + read) in the same process, so the ratio says what
extraction, cleaning and storing cost over touching the disk. One process, one core.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from backchannel.ingest import ReadOptions
from backchannel.ingest.load import ingest_paths
from backchannel.store import open_db

SEED = 20251201
FULL = 1000
QUICK = 200

_SUBJECTS = [
    "The foreign minister",
    "A senior aide",
    "The delegation",
    "Mediators",
    "The president's office",
    "Western officials",
    "The defence ministry",
    "Negotiators",
    "The prime minister",
    "Diplomats",
]
_VERBS = [
    "said on Tuesday that",
    "told reporters that",
    "announced that",
    "insisted that",
    "suggested that",
    "wrote in a statement that",
    "repeated that",
    "denied reports that",
    "confirmed that",
    "hinted that",
]
_CLAUSES = [
    "talks could resume within weeks",
    "a cease-fire along the current lines was under discussion",
    "no agreement had been reached on prisoner exchanges",
    "the next round would be held in a neutral capital",
    "the proposal needed further study",
    "security guarantees remained the main obstacle",
    "observers would monitor any truce",
    "the alliance's door remained open",
    "sanctions would stay in place",
    "humanitarian corridors were being negotiated",
    "the front line had barely moved in a month",
    "a summit was possible before the end of the year",
]
_PLACES = ["Geneva", "Istanbul", "Vienna", "Riyadh", "Doha", "Minsk", "Helsinki", "Ankara", "Rome", "Oslo"]


def _paragraph(rng: random.Random, i: int) -> str:
    sentences = []
    for _ in range(rng.randint(3, 5)):
        sentences.append(
            f"{rng.choice(_SUBJECTS)} in {rng.choice(_PLACES)} {rng.choice(_VERBS)} {rng.choice(_CLAUSES)}, "
            f"and {rng.choice(_CLAUSES)} (report {i}-{rng.randint(0, 10**6)})."
        )
    return " ".join(sentences)


def _article(rng: random.Random, i: int) -> tuple[str, list[str]]:
    title = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS).split(' that')[0]} on talks, report {i}"
    return title, [_paragraph(rng, i) for _ in range(rng.randint(5, 7))]


def write_text(folder: Path, n: int) -> None:
    rng = random.Random(SEED)
    for i in range(n):
        title, paras = _article(rng, i)
        debris = ["Also Read: Markets rally as talks resume", "Share this: Facebook Twitter WhatsApp"]
        body = "\n\n".join(paras[:3] + debris + paras[3:])
        text = f"{title}\n\nBy Staff Writer\nMarch {1 + i % 28}, 2024\n\n{body}\n\n3 thoughts on “{title}”\n\nLeave a Reply\n"
        (folder / f"post-{i:05d}.txt").write_text(text, encoding="utf-8")


def write_html(folder: Path, n: int) -> None:
    rng = random.Random(SEED + 1)
    nav = "".join(f"<li><a href='/s{k}'>Section {k}</a></li>" for k in range(12))
    for i in range(n):
        title, paras = _article(rng, i)
        body = "".join(f"<p>{p}</p>" for p in paras)
        page = (
            f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
            f"<meta property='og:site_name' content='Bench Gazette'>"
            f"<meta property='article:published_time' content='2024-03-{1 + i % 28:02d}'>"
            f"<link rel='canonical' href='https://gazette.example/world/{i}'></head><body>"
            f"<header><nav><ul>{nav}</ul></nav></header><div class='ad'>Advertisement</div>"
            f"<article><h1>{title}</h1><div class='share'><a>Share on Facebook</a><a>Tweet</a></div>{body}</article>"
            f"<section class='comments'><h2>12 comments</h2><p>First!</p><p>I disagree.</p></section>"
            f"<footer>Copyright Bench Gazette. All rights reserved.</footer></body></html>"
        )
        (folder / f"page-{i:05d}.html").write_text(page, encoding="utf-8")


def _plain_read(folder: Path) -> tuple[int, float]:
    start = time.perf_counter()
    n = 0
    for path in sorted(folder.iterdir()):
        with path.open("rb") as fh:
            fh.read()
        n += 1
    return n, time.perf_counter() - start


def _ingest(folder: Path, db: Path) -> tuple[int, float, int]:
    engine = open_db(db)
    start = time.perf_counter()
    report = ingest_paths(engine, [str(folder)], ReadOptions())
    seconds = time.perf_counter() - start
    engine.dispose()
    return len(report.ingested), seconds, len(report.failed) + len(report.skipped) + len(report.duplicates)


def run(quick: bool) -> list[dict]:
    n = QUICK if quick else FULL
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        root = Path(tmp)
        for kind, writer, what in (
            ("text", write_text, "read+clean+store"),
            ("html", write_html, "trafilatura+clean+store"),
        ):
            folder = root / kind
            folder.mkdir()
            writer(folder, n)
            _plain_read(folder)  # warm the page cache so both sides read from memory
            read_n, read_s = _plain_read(folder)
            stored, seconds, other = _ingest(folder, root / f"{kind}.db")
            per_second = stored / seconds if seconds else 0.0
            baseline = read_n / read_s if read_s else 0.0
            rows.append(
                {
                    "name": f"ingest {kind} ({what})",
                    "items": stored,
                    "seconds": seconds,
                    "per_second": per_second,
                    "baseline": "open+read of the same files",
                    "baseline_per_second": baseline,
                    "ratio": per_second / baseline if baseline else 0.0,
                    "notes": [f"{n} generated files, {other} not stored (should be 0), batches of 200, one process"],
                }
            )
    return rows


if __name__ == "__main__":
    for row in run(quick=False):
        print(row)
