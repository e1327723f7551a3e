"""The project's own files copy no text of ../shared (gold, seed page, corpus).

Tests and examples use sentences written for them; a rule's comment gives an example in
its own words. Eight words in a row shared with a ../shared text count as a copy (shorter
runs are common news phrasing: "said in a statement on Friday").
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUN = 8
_WORD = re.compile(r"\w+")


def _runs(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    return {" ".join(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def _shared_texts(shared_dir: Path) -> list[str]:
    texts = [(shared_dir / "corpus" / "seed-putin-open-to-ceasefire.txt").read_text(encoding="utf-8")]
    for path in [shared_dir / "gold" / "dev.jsonl", *sorted((shared_dir / "corpus").glob("*.jsonl"))]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def _project_files() -> list[Path]:
    patterns = ("src/backchannel/**/*.py", "src/backchannel/data/**/*.yaml", "tests/**/*.py", "docs/*.md", "*.md")
    return sorted({p for pattern in patterns for p in ROOT.glob(pattern) if p.is_file()})


def test_no_eight_word_run_of_a_shared_text_is_in_the_project(shared_dir: Path) -> None:
    shared: set[str] = set()
    for text in _shared_texts(shared_dir):
        shared |= _runs(text)
    copied = {
        str(path.relative_to(ROOT)): sorted(_runs(path.read_text(encoding="utf-8")) & shared)[:3]
        for path in _project_files()
    }
    copied = {name: runs for name, runs in copied.items() if runs}
    assert not copied, f"text copied from ../shared: {copied}"
