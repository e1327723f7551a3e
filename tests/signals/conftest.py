"""Helpers for the signal-rule tests: extract from text written for the tests."""

from __future__ import annotations

from datetime import date

import pytest

from backchannel.records import Article, Signal
from backchannel.signals import extract, load_lexicon


@pytest.fixture(scope="session")
def lexicon():
    return load_lexicon()


@pytest.fixture
def signals_of(lexicon):
    """signals_of(text, published=None, outlet=None) -> list[Signal]."""

    def run(text: str, published: date | None = None, outlet: str | None = None) -> list[Signal]:
        return extract(Article(id="t", text=text, published=published, outlet=outlet), lexicon=lexicon)

    return run


@pytest.fixture
def signals_at(signals_of):
    """signals_at(text, prefix) -> the signals whose evidence sentence starts with ``prefix``."""

    def run(text: str, prefix: str) -> list[Signal]:
        return [s for s in signals_of(text) if s.sentence.startswith(prefix)]

    return run


@pytest.fixture
def by_key():
    """by_key(signals) -> {(holder, issue): signal}."""

    def run(signals: list[Signal]) -> dict[tuple[str, str], Signal]:
        return {(s.holder, s.issue): s for s in signals}

    return run
