"""The dashboard's story page and API list the exact copies seen at other addresses (``store.copies``)."""

from __future__ import annotations

from datetime import date

from backchannel.pipeline import after_ingest
from backchannel.records import Article
from backchannel.store import open_db
from backchannel.store.articles import add_articles
from backchannel.web import create_app

from .conftest import TOKEN, Client

# Written for this test.
TEXT = (
    "Brussels, 9 April 2025. The Finnish foreign minister said on Wednesday that Helsinki was ready to host "
    "talks between Ukraine and Russia on a cease-fire if both governments asked for it. She added that any "
    "agreement would need guarantees backed by European troops. Diplomats in the city described the offer as "
    "a sign that smaller capitals want a role in the talks that Washington has led so far this spring."
)


def test_story_page_and_api_list_the_copy(db_path) -> None:
    engine = open_db(db_path)
    first = Article(
        id="wire-helsinki", text=TEXT, title="Finland offers to host talks", url="https://wire.example/helsinki",
        outlet="Example Wire", published=date(2025, 4, 9),
    )  # fmt: skip
    reprint = first.with_(
        id="daily-helsinki", title="Helsinki ready to host peace talks", url="https://daily.example/helsinki-talks",
        outlet="Example Daily", published=date(2025, 4, 10),
    )  # fmt: skip
    assert [r.outcome for r in add_articles(engine, [first, reprint])] == ["ingested", "copy"]
    after_ingest(engine, ["wire-helsinki"])
    client = Client(create_app(str(db_path)))
    try:
        api = client.get("/api/clusters/wire-helsinki")
        assert api.status_code == 200, api.text
        data = api.json()
        assert data["size"] == 2 and data["members"] == []
        [seen] = data["sightings"]
        assert seen["copy_of"] == "wire-helsinki" and seen["url"] == "https://daily.example/helsinki-talks"
        assert seen["outlet"] == "Example Daily" and seen["published"] == "2025-04-10"
        page = client.get("/clusters/wire-helsinki")
        assert page.status_code == 200
        assert 'id="sighting-list"' in page.text and "Helsinki ready to host peace talks" in page.text
        assert "2 articles" in page.text and "This story has a single article" not in page.text
        listed = client.get("/api/clusters?min_size=2").json()
        assert [(c["id"], c["size"]) for c in listed["items"]] == [("wire-helsinki", 2)]
    finally:
        client.close()


def test_ingest_api_reports_an_exact_copy(db_path) -> None:
    client = Client(create_app(str(db_path), token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    wire = {"id": "wire-helsinki", "text": TEXT, "url": "https://wire.example/helsinki", "outlet": "Example Wire"}
    reprint = {**wire, "id": "daily-helsinki", "url": "https://daily.example/helsinki-talks", "outlet": "Example Daily"}
    try:
        out = client.post("/api/articles", json={"articles": [wire, reprint]}, headers=auth).json()
        assert [r["outcome"] for r in out["results"]] == ["ingested", "copy"]
        assert out["results"][1]["reason"] == "exact copy of wire-helsinki (recorded)"
        assert (out["ingested"], out["copies"], out["duplicates"]) == (1, 1, 0)
        again = client.post("/api/articles", json={"articles": [reprint]}, headers=auth).json()
        assert (again["copies"], again["duplicates"]) == (0, 1)
    finally:
        client.close()
