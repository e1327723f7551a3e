"""The seed page as a golden test: its signals, reviewed, stay put (by sentence offset)."""

from __future__ import annotations

import json
from pathlib import Path

from backchannel.records import Article
from backchannel.signals import extract

EXPECTED = Path(__file__).resolve().parents[1] / "fixtures" / "signals" / "seed_expected.json"


def test_seed_signals_match_the_reviewed_fixture(shared_dir: Path, lexicon) -> None:
    text = (shared_dir / "corpus" / "seed-putin-open-to-ceasefire.txt").read_text(encoding="utf-8")
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))["signals"]
    got = [
        {"start": s.start, "end": s.end, "holder": s.holder, "issue": s.issue, "stance": s.stance, "channel": s.channel}
        for s in extract(Article(id="seed", text=text), lexicon=lexicon)
    ]
    key = lambda r: (r["start"], r["holder"], r["issue"])  # noqa: E731
    assert sorted(got, key=key) == sorted(expected, key=key)


def test_seed_reads_the_public_and_the_private_line(shared_dir: Path, lexicon) -> None:
    """The model case of SIGNALS.md: unbending in public, open to a truce in private."""
    text = (shared_dir / "corpus" / "seed-putin-open-to-ceasefire.txt").read_text(encoding="utf-8")
    sigs = [
        s
        for s in extract(Article(id="seed", text=text), lexicon=lexicon)
        if s.holder == "RUS" and s.issue == "ceasefire"
    ]
    assert {(s.channel, s.stance) for s in sigs} >= {("public", "opposed"), ("private", "open")}
    # the page's headline, "Also Read" line and comment count are no evidence
    assert all(len(s.sentence.split()) > 6 for s in sigs)
