"""``backchannel clusters list|show|assign`` on a real database file."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from backchannel.cli.app import app
from backchannel.store import open_db
from backchannel.store.articles import add_articles

runner = CliRunner()


def _db(pair_set, db_path) -> tuple[str, int]:
    seen, arts = set(), []
    for a in pair_set[0]:
        if a.content_hash not in seen:
            seen.add(a.content_hash)
            arts.append(a)
    add_articles(open_db(db_path), arts)
    return str(db_path), len(arts)


def test_assign_then_list_and_show(pair_set, db_path) -> None:
    db, n = _db(pair_set, db_path)
    empty = runner.invoke(app, ["clusters", "list", "--db", db])
    assert empty.exit_code == 0 and "No clusters with at least 2 articles" in empty.output
    done = runner.invoke(app, ["clusters", "assign", "--db", db, "--json"])
    assert done.exit_code == 0, done.output
    assert json.loads(done.output)["assigned"] == n
    listed = runner.invoke(app, ["clusters", "list", "--db", db, "--json", "--limit", "3"])
    data = json.loads(listed.output)
    assert data["total"] == 10 and len(data["clusters"]) == 3
    assert data["clusters"][0]["size"] == 6 and set(data["clusters"][0]["relations"]) == {"near_copy", "rewrite"}
    singles = json.loads(runner.invoke(app, ["clusters", "list", "--db", db, "--json", "--min-size", "1"]).output)
    assert singles["total"] > 10
    shown = runner.invoke(app, ["clusters", "show", "geneva-grain-rewrite", "--db", db, "--json"])
    assert shown.exit_code == 0
    cluster = json.loads(shown.output)
    assert cluster["id"] == cluster["canonical"] == "geneva-grain-base"
    relations = ["canonical", "near_copy", "near_copy", "near_copy", "rewrite", "rewrite"]
    assert [m["relation"] for m in cluster["members"]] == relations
    assert all(0 < m["similarity"] <= 1 for m in cluster["members"])
    table = runner.invoke(app, ["clusters", "show", "geneva-grain-base", "--db", db])
    assert table.exit_code == 0 and "geneva-grain-rewrite" in table.output and "rewrite" in table.output


def test_show_unknown_cluster_is_a_clear_error(db_path) -> None:
    result = runner.invoke(app, ["clusters", "show", "nope", "--db", str(db_path)])
    assert result.exit_code == 1
    assert "no cluster and no clustered article with id 'nope'" in result.output
