"""Scale-out on Dask: the same signals as one process, written by the caller."""

from __future__ import annotations

from datetime import date

import pytest

from backchannel.records import Article
from backchannel.scale import ScaleError, dask_client, extract_distributed, extract_stored_distributed
from backchannel.signals import extract, load_lexicon
from backchannel.store import open_db
from backchannel.store.articles import add_articles
from backchannel.store.signals import query_signals

pytest.importorskip("dask.distributed")

TEXTS = [
    "The Kremlin said on Tuesday that Russia was ready for peace talks with Ukraine.\n\n"
    "Ukrainian officials rejected any cease-fire that would freeze the front line.",
    "President Zelensky said Ukraine would never give up its bid to join NATO.",
    "China called on both sides to agree a ceasefire and return to negotiations.",
    "A weather report with no positions at all: rain is expected over the weekend in Kyiv.",
]


def _articles(n: int) -> list[Article]:
    return [
        Article(id=f"a{i:03d}", text=TEXTS[i % len(TEXTS)] + f"\n\nFile {i}.", published=date(2024, 5, 1 + i % 20))
        for i in range(n)
    ]


def _key(sigs):
    return sorted((s.start, s.end, s.holder, s.issue, s.stance, s.channel, s.source) for s in sigs)


@pytest.mark.slow
def test_distributed_extraction_equals_local_and_is_stored(db_path):
    articles = _articles(24)
    lexicon = load_lexicon()
    local = {a.id: _key(extract(a, lexicon=lexicon)) for a in articles}
    assert any(local.values()), "the fixture texts must carry signals"
    with dask_client("local:2") as client:
        remote = {aid: _key(sigs) for aid, sigs in extract_distributed(articles, client, chunk_size=5)}
    assert remote == local

    engine = open_db(db_path)
    add_articles(engine, articles)
    done = extract_stored_distributed(engine, None, "local:2", chunk_size=7)
    assert done.articles == 24 and done.workers == 2
    stored = query_signals(engine)
    assert done.signals == len(stored) == sum(len(v) for v in local.values())


@pytest.mark.parametrize("bad", ["local:x", "local:0", "nonsense"])
def test_bad_scheduler_values_are_clear_errors(bad):
    with pytest.raises(ScaleError, match="--scheduler"), dask_client(bad):
        pass


@pytest.mark.slow
def test_cli_extract_db_on_a_local_dask_cluster(db_path):
    from typer.testing import CliRunner

    from backchannel.cli import app

    engine = open_db(db_path)
    add_articles(engine, _articles(6))
    runner = CliRunner()
    result = runner.invoke(app, ["extract", "--db", str(db_path), "--scheduler", "local:1"])
    assert result.exit_code == 0, result.output
    assert "6 articles re-extracted on 1 workers" in result.output
    assert len(query_signals(engine)) > 0
    bad = runner.invoke(app, ["extract", "--db", str(db_path), "--scheduler", "local:none"])
    assert bad.exit_code == 2 and "local:N needs a whole number" in bad.output
