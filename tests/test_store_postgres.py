"""The same store code on a real PostgreSQL server: a throwaway cluster started by the test.

Runs wherever PostgreSQL's server binaries are installed (Debian's postgresql, which the
project's machines carry); skips elsewhere, but fails under CI=true, where it must run.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from datetime import date
from pathlib import Path

import pytest

from backchannel.records import Article, ClusterMembership, Signal
from backchannel.store import open_db
from backchannel.store.articles import add_articles, get_article, list_articles
from backchannel.store.clusters import count_clusters, list_clusters, replace_memberships, support
from backchannel.store.db import current_version
from backchannel.store.schema import MIGRATIONS
from backchannel.store.signals import query_signals, replace_signals

pytest.importorskip("psycopg")


def _pg_bin() -> Path | None:
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "initdb").exists():
            return candidate
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def pg_url():
    bin_dir = _pg_bin()
    if bin_dir is None:
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL server binaries missing in CI")
        pytest.skip("PostgreSQL server binaries (initdb) not installed")
    # Not under pytest's tmp folder: that one is private to root, and the server is not root.
    root = Path(tempfile.mkdtemp(prefix="backchannel-pg-"))
    data = root / "data"
    # The server refuses to run as root; run it as the postgres user when we are root.
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_user:
        shutil.chown(root, "postgres")
        root.chmod(0o755)
    port = _free_port()
    subprocess.run(
        [*as_user, str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust"],
        check=True,
        capture_output=True,
    )
    log = root / "server.log"
    subprocess.run(
        [
            *as_user,
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(log),
            "-w",
            "-o",
            f"-p {port} -k {root} -c listen_addresses=127.0.0.1",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        subprocess.run(
            [*as_user, str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "bc"],
            check=True,
            capture_output=True,
        )
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/bc"
    finally:
        subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def test_postgres_migrations_articles_and_signals(pg_url):
    engine = open_db(pg_url)
    assert engine.dialect.name == "postgresql"
    assert current_version(engine) == max(MIGRATIONS)
    assert current_version(open_db(pg_url)) == max(MIGRATIONS)  # idempotent

    batch = [
        Article(
            id="pg1",
            text="Kyiv said it was ready for talks.",
            url="https://example.org/pg1",
            published=date(2024, 2, 1),
        ),
        Article(id="pg2", text="kyiv said it was ready  for talks."),  # same text elsewhere: an exact copy
    ]
    assert [r.outcome for r in add_articles(engine, batch)] == ["ingested", "copy"]
    assert [r.outcome for r in add_articles(engine, batch)] == ["duplicate", "duplicate"]
    assert get_article(engine, "pg1").published == date(2024, 2, 1)
    assert [a.id for a in list_articles(engine, since=date(2024, 1, 1))] == ["pg1"]

    sig = Signal("pg1", "Kyiv said it was ready for talks.", 0, 33, "UKR", "negotiations", "open", "public", "holder")
    replace_signals(engine, {"pg1": [sig]}, extractor="test")
    got = query_signals(engine, holder="UKR", since=date(2024, 1, 15))
    assert [g.signal for g in got] == [sig]

    with engine.begin() as conn:  # the copy is a member of pg1's cluster and an article carrying its signal
        replace_memberships(conn, [], [ClusterMembership("pg1", "pg1", "canonical")])
    assert [(c.id, c.size) for c in list_clusters(engine, min_size=2)] == [("pg1", 2)]
    assert count_clusters(engine, min_size=2) == 1
    [(articles, reports)] = [(s.articles, s.independent_reports) for s in support(engine, [got[0].id]).values()]
    assert (articles, reports) == (2, 1)
