"""Exact copies at other addresses (``store.copies``): recorded as sightings, counted, shown, exported.

A wire story printed word for word by another site is one text but two articles: the
store keeps the text once and records the second address; clusters list it as an
``exact`` member, ``support`` counts it as an article (not as an independent report).
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backchannel.cli.app import app
from backchannel.export import cluster_rows
from backchannel.pipeline import after_ingest
from backchannel.records import Article, content_hash
from backchannel.store import open_db
from backchannel.store.articles import add_articles, count_articles
from backchannel.store.clusters import count_clusters, get_cluster, list_clusters, support
from backchannel.store.copies import article_copies, count_sightings, iter_sightings
from backchannel.store.schema import signals as S

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()

# Written for this test: a short wire story with one signal from each side.
WIRE_TEXT = (
    "Kyiv, 3 March 2025. Russian President Vladimir Putin said on Monday that Moscow is ready to agree to a "
    "cease-fire along the current front line if Western countries stop sending weapons to Ukraine. "
    "Ukrainian officials rejected the idea and said any truce must begin with a full withdrawal of Russian troops. "
    "The remarks came during a televised meeting with regional governors in the Kremlin, where Putin spoke for "
    "almost an hour about the economy and the war."
)
OTHER_TEXT = (
    "Ankara, 12 May 2025. Turkish diplomats said the grain corridor through the Black Sea would stay open through "
    "the summer, and that shipping insurers had lowered their rates for the first time this year. Port officials "
    "in Odesa reported a steady rise in the number of vessels loading wheat and maize since the start of April."
)


def _wire(**changes) -> Article:
    a = Article(
        id="wire-putin-truce",
        text=WIRE_TEXT,
        title="Putin says Moscow ready for a truce on current lines",
        url="https://wire.example/2025/03/03/putin-truce",
        outlet="Example Wire",
        author="Wire staff",
        published=date(2025, 3, 3),
        source_path="feeds/wire.xml",
    )
    return a.with_(**changes) if changes else a


def _reprint() -> Article:
    return _wire(
        id="gazette-putin-truce",
        title="Kremlin open to cease-fire where troops stand",
        url="https://gazette.example/world/kremlin-ceasefire",
        outlet="Example Gazette",
        author="Agency report",
        published=date(2025, 3, 4),
        source_path="pages/gazette.html",
    )


def test_same_text_under_two_urls_is_one_article_and_one_sighting(db_path) -> None:
    engine = open_db(db_path)
    first = add_articles(engine, [_wire()])
    assert [r.outcome for r in first] == ["ingested"]
    [copy] = add_articles(engine, [_reprint()])
    assert copy.outcome == "copy" and copy.copy_of == "wire-putin-truce"
    assert copy.article_id == "gazette-putin-truce"
    assert copy.reason == "exact copy of wire-putin-truce (recorded)"
    assert count_articles(engine) == 1 and count_sightings(engine) == 1
    [seen] = list(iter_sightings(engine))
    assert seen.article_id == "wire-putin-truce" and seen.input_id == "gazette-putin-truce"
    assert (seen.url, seen.outlet, seen.title, seen.author) == (
        "https://gazette.example/world/kremlin-ceasefire",
        "Example Gazette",
        "Kremlin open to cease-fire where troops stand",
        "Agency report",
    )
    assert seen.published == date(2025, 3, 4) and seen.source_path == "pages/gazette.html"
    assert seen.seen_at is not None


def test_rerun_adds_nothing_and_says_duplicate(db_path) -> None:
    engine = open_db(db_path)
    batch = [_wire(), _reprint()]
    assert [r.outcome for r in add_articles(engine, batch)] == ["ingested", "copy"]  # same batch
    again = add_articles(engine, batch)
    assert [r.outcome for r in again] == ["duplicate", "duplicate"]
    assert again[1].reason == "same text as wire-putin-truce"
    assert count_articles(engine) == 1 and count_sightings(engine) == 1


def test_a_second_copy_within_one_batch_is_recorded_once(db_path) -> None:
    engine = open_db(db_path)
    results = add_articles(engine, [_wire(), _reprint(), _reprint()])
    assert [r.outcome for r in results] == ["ingested", "copy", "duplicate"]
    assert count_sightings(engine) == 1


def test_without_urls_the_source_path_and_record_id_tell_copies_apart(db_path) -> None:
    engine = open_db(db_path)
    stored = _wire(url=None, source_path="notes/a.txt", id="a")
    assert add_articles(engine, [stored])[0].outcome == "ingested"
    assert add_articles(engine, [stored])[0].outcome == "duplicate"  # the same file read again
    other_file = _wire(url=None, source_path="notes/b.txt", id="b")
    same_file_other_record = _wire(url=None, source_path="notes/a.txt", id="a2")
    results = add_articles(engine, [other_file, same_file_other_record])
    assert [r.outcome for r in results] == ["copy", "copy"]
    assert [r.outcome for r in add_articles(engine, [other_file, same_file_other_record])] == ["duplicate"] * 2
    assert count_articles(engine) == 1 and count_sightings(engine) == 2


def test_new_text_at_a_recorded_copys_url_is_a_duplicate(db_path) -> None:
    engine = open_db(db_path)
    add_articles(engine, [_wire(), _reprint()])
    changed = _reprint().with_(text=OTHER_TEXT, id="gazette-updated")
    [result] = add_articles(engine, [changed])
    assert result.outcome == "duplicate"
    assert result.reason == "same URL as a recorded copy of wire-putin-truce"
    assert count_articles(engine) == 1


def _ingested_and_processed(db_path) -> tuple:
    engine = open_db(db_path)
    other = Article(id="grain", text=OTHER_TEXT, url="https://port.example/grain", published=date(2025, 5, 12))
    results = add_articles(engine, [_wire(), _reprint(), other])
    after_ingest(engine, [r.article_id for r in results if r.outcome == "ingested"])
    return engine


def test_clusters_list_the_sighting_as_an_exact_member(db_path) -> None:
    engine = _ingested_and_processed(db_path)
    cluster = get_cluster(engine, "wire-putin-truce")
    assert cluster is not None and cluster.canonical_id == "wire-putin-truce"
    assert [m.article_id for m in cluster.members] == ["wire-putin-truce"]
    assert [s.url for s in cluster.sightings] == ["https://gazette.example/world/kremlin-ceasefire"]
    assert cluster.size == 2
    assert [c.id for c in list_clusters(engine, min_size=2)] == ["wire-putin-truce"]
    assert count_clusters(engine, min_size=2) == 1 and count_clusters(engine, min_size=1) == 2

    shown = runner.invoke(app, ["clusters", "show", "wire-putin-truce", "--db", str(db_path), "--json"])
    assert shown.exit_code == 0, shown.output
    data = json.loads(shown.output)
    assert data["size"] == 2 and data["relations"] == {"exact": 1}
    assert [(m["article_id"], m["relation"]) for m in data["members"]] == [
        ("wire-putin-truce", "canonical"),
        (None, "exact"),
    ]
    copy = data["members"][1]
    assert copy["copy_of"] == "wire-putin-truce" and copy["outlet"] == "Example Gazette"
    assert copy["url"] == "https://gazette.example/world/kremlin-ceasefire" and copy["published"] == "2025-03-04"
    by_copy = runner.invoke(app, ["clusters", "show", "gazette-putin-truce", "--db", str(db_path), "--json"])
    assert by_copy.exit_code == 0 and json.loads(by_copy.output)["id"] == "wire-putin-truce"
    table = runner.invoke(app, ["clusters", "show", "wire-putin-truce", "--db", str(db_path)])
    assert "Kremlin open to cease-fire where troops stand" in table.output
    assert "copy of wire-putin-truce at" in table.output
    listed = runner.invoke(app, ["clusters", "list", "--db", str(db_path)])
    assert "2 articles: 1 copies" in listed.output


def test_support_counts_the_sighting_as_an_article_not_a_report(db_path) -> None:
    engine = _ingested_and_processed(db_path)
    with engine.connect() as conn:
        ids = [r.id for r in conn.execute(S.select().where(S.c.article_id == "wire-putin-truce"))]
    assert ids, "the wire story carries signals"
    for s in support(engine, ids).values():
        assert (s.articles, s.independent_reports) == (2, 1)


def test_briefing_says_reported_by_two_articles_from_one_report(db_path, tmp_path) -> None:
    from backchannel.report.render import write_briefing

    engine = _ingested_and_processed(db_path)
    out = tmp_path / "brief.md"
    write_briefing(engine, "RUS", "ceasefire", out, fmt="md")
    assert "reported by 2 articles from 1 independent report" in out.read_text(encoding="utf-8")


def test_export_clusters_includes_the_sighting_rows(db_path, tmp_path) -> None:
    engine = _ingested_and_processed(db_path)
    rows = [r for r in cluster_rows(engine) if r["cluster_id"] == "wire-putin-truce"]
    assert [(r["article_id"], r["relation"], r["copy_of"]) for r in rows] == [
        ("wire-putin-truce", "canonical", None),
        (None, "exact", "wire-putin-truce"),
    ]
    assert rows[1]["url"] == "https://gazette.example/world/kremlin-ceasefire" and rows[1]["size"] == 2
    out = tmp_path / "clusters.csv"
    done = runner.invoke(app, ["export", "clusters", "--out", str(out), "--db", str(db_path)])
    assert done.exit_code == 0, done.output
    with out.open(encoding="utf-8") as fh:
        written = list(csv.DictReader(fh))
    assert any(r["copy_of"] == "wire-putin-truce" and r["outlet"] == "Example Gazette" for r in written)


def test_with_new_text_recomputes_the_content_hash() -> None:
    a = _wire()
    b = a.with_(text=OTHER_TEXT)
    assert b.content_hash == content_hash(OTHER_TEXT) != a.content_hash
    assert a.with_(title="Another title").content_hash == a.content_hash
    assert a.with_(text=OTHER_TEXT, content_hash="given").content_hash == "given"
    assert a.with_(text=a.text).content_hash == a.content_hash


@pytest.mark.slow
def test_sample_corpus_keeps_the_syndicated_copies_of_the_wire_story(tmp_path) -> None:
    """The demo's corpus: the wire story printed word for word by two other sites stays in its cluster."""
    db = str(tmp_path / "demo.db")
    done = runner.invoke(app, ["ingest", str(ROOT / "examples" / "corpus"), "--recursive", "--db", db])
    assert done.exit_code == 0, done.output
    assert "copy (recorded)" in done.output and "exact copy of" in done.output
    again = runner.invoke(app, ["ingest", str(ROOT / "examples" / "corpus"), "--recursive", "--db", db])
    assert again.exit_code == 0 and "nothing new" in again.output
    engine = open_db(db)
    assert count_sightings(engine) == 2  # the re-run recorded nothing more
    wire = next(iter_sightings(engine)).article_id  # whichever of the three was read first holds the text
    shown = runner.invoke(app, ["clusters", "show", wire, "--db", db, "--json"])
    data = json.loads(shown.output)
    copies = [m for m in data["members"] if m["article_id"] is None]
    assert len(copies) == 2 and {m["relation"] for m in copies} == {"exact"}
    wire_hosts = {"harborpost.example", "northgateledger.example", "meridianwire.example"}
    assert {m["url"].split("/")[2] for m in copies} < wire_hosts
    assert {"Meridian Wire", "Harbor Post", "Northgate Ledger"} <= {m["outlet"] for m in data["members"]}
    assert data["size"] == len(data["members"]) >= 5  # the wire, its two reprints, and the near copies
    with engine.connect() as conn:
        ids = [r.id for r in conn.execute(S.select().where(S.c.article_id == wire))]
    counted = support(engine, ids)
    with engine.begin() as conn:
        conn.execute(article_copies.delete())
    without = support(engine, ids)
    assert counted and all(counted[i].articles == without[i].articles + 2 for i in ids)
    assert all(counted[i].independent_reports == without[i].independent_reports for i in ids)


def test_articles_show_lists_the_copies_and_points_a_copy_to_its_article(db_path) -> None:
    engine = open_db(db_path)
    add_articles(engine, [_wire(), _reprint()])
    shown = runner.invoke(app, ["articles", "show", "wire-putin-truce", "--db", str(db_path)])
    assert shown.exit_code == 0
    assert (
        "exact copy at: https://gazette.example/world/kremlin-ceasefire (Example Gazette, 2025-03-04)" in shown.output
    )
    copy = runner.invoke(app, ["articles", "show", "gazette-putin-truce", "--db", str(db_path)])
    assert copy.exit_code == 1
    assert "'gazette-putin-truce' is an exact copy of 'wire-putin-truce'" in copy.output
