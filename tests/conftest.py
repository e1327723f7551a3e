"""Fixtures shared by every test module."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("BACKCHANNEL_SHARED", ROOT.parent / "shared"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (spec, gold, seed); skips when a user's fresh clone has none. CI always has it."""
    if not SHARED.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SHARED} is missing; CI must have ../shared beside the clone")
        pytest.skip(f"{SHARED} not present (it sits beside the project checkout in development and CI)")
    return SHARED


@pytest.fixture(scope="session")
def shared_gold(shared_dir: Path) -> list[dict]:
    """The dev gold articles of ../shared/gold/dev.jsonl, parsed."""
    path = shared_dir / "gold" / "dev.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not present")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a fresh SQLite file in the test's own folder."""
    return tmp_path / "test.db"
