"""Build tests/data/cluster_pairs.jsonl from the hand-written stories of cluster_stories.py.

Run: ``python tests/data/build_cluster_pairs.py`` (deterministic; the output is committed).

For each story it writes the base report and mechanical copies of it, as they occur when a
wire story is syndicated: an exact copy (re-wrapped, new headline), a syndicated copy with
another outlet's boilerplate and headline, a truncated teaser, and a lightly edited copy
(dateline, a few words changed, one sentence dropped). Then the hand-written rewrite and
the hand-written independent report. Each line is either ``{"article": {...}}`` (the
article file format, with ``story``) or ``{"pair": [id, id], "label": L}`` where L is
``copy`` (both copies of one report), ``rewrite`` (one of them a rewrite), or ``distinct``.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

from cluster_stories import EXTRA_REWRITES, STORIES, UNRELATED

OUT = Path(__file__).with_name("cluster_pairs.jsonl")
SENTENCE = re.compile(r"(?<=[.!?\"])\s+(?=[A-Z\"])")

HEADER = "Home | World | Europe | Live\nListen to this article · 4 min\n"
FOOTER = (
    "\nSign up for our morning briefing and get the day's top stories in your inbox. "
    "We use cookies to improve your experience; by continuing you agree to our privacy policy.\n"
    "Copyright 2025 Eastern Ledger Media Group. All rights reserved. Related: More from our Europe desk."
)
WIRE_CREDIT = "\n(Reporting by our correspondents; editing by the world desk)"
EDITS = [
    ("said", "told reporters"),
    ("percent", "per cent"),
    ("on Tuesday", "on Tuesday evening"),
    ("officials", "government officials"),
    ("about", "around"),
    ("more than", "over"),
]


def sentences(text: str) -> list[str]:
    return SENTENCE.split(text)


def day(iso: str, plus: int) -> str:
    return (date.fromisoformat(iso) + timedelta(days=plus)).isoformat()


def rewrap(text: str) -> str:
    """The same words with other line breaks: what an exact copy from another CMS looks like."""
    words, lines, line = text.split(" "), [], []
    for w in words:
        line.append(w)
        if len(" ".join(line)) > 70:
            lines.append(" ".join(line))
            line = []
    return "\n".join([*lines, " ".join(line)]) + "\n"


def light_edit(text: str, dateline: str) -> str:
    sents = sentences(text)
    del sents[len(sents) // 2]  # an editor cut one sentence
    out = " ".join(sents)
    for old, new in EDITS:
        out = out.replace(old, new, 1)
    return f"{dateline} (Eastern Wire) - {out}"


def main() -> None:
    lines: list[dict] = []
    for s in STORIES:
        key, pub = s["key"], s["published"]
        base = s["base"]
        members = {
            f"{key}-base": dict(text=base, title=s["title"], outlet="Continental Wire", published=pub),
            f"{key}-exact": dict(
                text=rewrap(base), title="WIRE: " + s["title"].upper(), outlet="Daily Courier", published=pub
            ),
            f"{key}-syndicated": dict(
                text=HEADER + base + WIRE_CREDIT + FOOTER,
                title=s["title"] + " | Eastern Ledger",
                outlet="Eastern Ledger",
                published=day(pub, 1),
            ),
            f"{key}-truncated": dict(
                text=" ".join(sentences(base)[:5]) + "\nRead the full story at continentalwire.example.",
                title=s["title"],
                outlet="News Digest",
                published=pub,
            ),
            f"{key}-edited": dict(
                text=light_edit(base, "KYIV"),
                title="Update: " + s["title"],
                outlet="Regional Times",
                published=day(pub, 1),
            ),
            f"{key}-rewrite": dict(
                text=s["rewrite"],
                title="What happened: " + s["title"].lower(),
                outlet="newsflash24.example",
                published=day(pub, 2),
            ),
        }
        if key in EXTRA_REWRITES:
            kind, text = EXTRA_REWRITES[key]
            members[f"{key}-rewrite-{kind}"] = dict(
                text=text, title=s["title"], outlet="contentmill.example", published=day(pub, 3)
            )
        for aid, fields in members.items():
            lines.append({"article": {"id": aid, "story": key, **fields}})
        lines.append(
            {
                "article": {
                    "id": f"{key}-independent",
                    "story": f"{key}-independent",
                    "text": s["independent"],
                    "title": "Independent: " + s["title"],
                    "outlet": "Baltic Observer",
                    "published": pub,
                }
            }
        )
    for i, (pub, title, text) in enumerate(UNRELATED):
        lines.append(
            {
                "article": {
                    "id": f"unrelated-{i}",
                    "story": f"unrelated-{i}",
                    "text": text,
                    "title": title,
                    "outlet": "Continental Wire",
                    "published": pub,
                }
            }
        )
    # Bad input: never joins a cluster, even when it repeats another article's words.
    lines.append({"article": {"id": "short-empty", "story": "short-empty", "text": "", "published": "2025-02-03"}})
    lines.append(
        {"article": {"id": "short-word", "story": "short-word", "text": "Ceasefire", "published": "2025-02-03"}}
    )
    lines.append(
        {
            "article": {
                "id": "short-headline",
                "story": "short-headline",
                "text": STORIES[0]["title"],
                "published": "2025-02-03",
            }
        }
    )
    arts = [line["article"] for line in lines]
    for a, b in combinations(arts, 2):
        if a["story"] != b["story"]:
            label = "distinct"
        elif "-rewrite" in a["id"] or "-rewrite" in b["id"]:
            label = "rewrite"
        else:
            label = "copy"
        lines.append({"pair": [a["id"], b["id"]], "label": label})
    OUT.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")


if __name__ == "__main__":
    main()
