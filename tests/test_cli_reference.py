"""docs/cli.md is generated from the code; this fails when they drift apart."""

from __future__ import annotations

from pathlib import Path

from backchannel.cli.reference import reference

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def test_reference_lists_every_command():
    text = reference()
    for command in (
        "ingest",
        "articles list",
        "extract",
        "eval",
        "signals",
        "clusters",
        "track",
        "brief",
        "export",
        "serve",
    ):
        assert f"`backchannel {command}" in text, command


def test_docs_cli_md_is_current():
    assert DOC.read_text(encoding="utf-8") == reference(), "docs/cli.md is stale: run `make docs`"
