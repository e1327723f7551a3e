"""The JSON API: lists, filters, bounds, tracks, clusters, search, ingest with a token, OpenAPI."""

from __future__ import annotations

import json

import pytest
from openapi_spec_validator import validate

from backchannel.store import open_db
from backchannel.store.articles import get_article
from backchannel.web import create_app
from backchannel.web.filters import MAX_LIMIT

from .conftest import TOKEN, Client

LONG_TEXT = (
    "A Kremlin spokesman said on Monday that Russia is ready to hold peace talks with Ukraine, provided that "
    "prisoners are exchanged first. Officials added that a delegation could travel to a neutral capital within "
    "days. The statement followed weeks of heavy fighting in the east of the country."
)


def test_articles_list_paginates_and_bounds_the_page(client: Client) -> None:
    first = client.get("/api/articles", params={"limit": 4}).json()
    assert first["total"] == 9 and len(first["items"]) == 4
    second = client.get("/api/articles", params={"limit": 4, "offset": 4}).json()
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}
    dates = [a["published"] for a in first["items"] + second["items"]]
    assert dates == sorted(dates, reverse=True)
    assert "text" not in first["items"][0]
    sizes = {a["id"]: a["cluster_size"] for a in first["items"] + second["items"]}
    assert sizes["wire-apr"] == 3 and sizes["daily-jun"] == 1
    too_big = client.get("/api/articles", params={"limit": MAX_LIMIT + 1})
    assert too_big.status_code == 422
    assert client.get("/api/articles", params={"offset": -1}).status_code == 422


def test_articles_filter_by_outlet_and_date(client: Client) -> None:
    got = client.get("/api/articles", params={"outlet": "Wire Service"}).json()
    assert {a["id"] for a in got["items"]} == {"wire-jan", "wire-apr"}
    got = client.get("/api/articles", params={"since": "2023-04-20", "until": "2023-04-21"}).json()
    assert {a["id"] for a in got["items"]} == {"wire-apr", "copy-apr", "rewrite-apr"}
    bad = client.get("/api/articles", params={"since": "2023-02-30"})
    assert bad.status_code == 422 and "since" in bad.json()["detail"]


def test_article_detail_has_text_signals_and_cluster(client: Client) -> None:
    a = client.get("/api/articles/wire-apr").json()
    assert a["cluster"] == {"cluster_id": "story-apr", "relation": "canonical", "similarity": 1.0, "size": 3}
    assert [s["holder"] for s in a["signals"]] == ["RUS", "NATO"]
    for s in a["signals"]:
        assert a["text"][s["start"] : s["end"]] == s["sentence"]
    missing = client.get("/api/articles/no-such-article")
    assert missing.status_code == 404 and "no-such-article" in missing.json()["detail"]


def test_signals_filters_combine(client: Client) -> None:
    everything = client.get("/api/signals", params={"limit": 100}).json()
    assert everything["total"] == 17
    private = client.get(
        "/api/signals", params={"holder": "RUS", "issue": "ceasefire", "channel": "private", "limit": 100}
    ).json()
    assert private["total"] == 8
    assert {s["channel"] for s in private["items"]} == {"private"}
    hedged = client.get("/api/signals", params={"hedged": "true"}).json()
    assert hedged["total"] == 2 and all(s["hedged"] for s in hedged["items"])
    spring = client.get("/api/signals", params={"since": "2023-03-01", "until": "2023-03-31"}).json()
    assert {s["article_id"] for s in spring["items"]} == {"globe-mar"}
    # Empty values (what an HTML form sends for "any") mean no filter.
    assert client.get("/api/signals", params={"channel": "", "stance": ""}).json()["total"] == 17


@pytest.mark.parametrize(
    "params, word",
    [
        ({"stance": "maybe"}, "stance"),
        ({"channel": "secret"}, "channel"),
        ({"hedged": "perhaps"}, "hedged"),
        ({"since": "2023-05-01", "until": "2023-01-01"}, "after"),
        ({"holder": "R" * 60}, "holder"),
    ],
)
def test_signals_reject_bad_filters_with_a_reason(client: Client, params: dict, word: str) -> None:
    r = client.get("/api/signals", params=params)
    assert r.status_code == 422
    assert word in json.dumps(r.json())


def test_tracks_overview_and_one_track(client: Client) -> None:
    cells = client.get("/api/tracks").json()
    pairs = {(c["holder"], c["issue"]) for c in cells}
    assert pairs == {("RUS", "ceasefire"), ("UKR", "negotiations"), ("NATO", "nato_membership")}
    rus = next(c for c in cells if c["holder"] == "RUS")
    assert rus["signals"] == 12 and rus["latest_stance"] == "open"
    t = client.get("/api/tracks/RUS/ceasefire").json()
    assert [p["label"] for p in t["periods"]] == ["2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06"]
    april = t["periods"][3]
    # One wire story and its two copies are one independent report.
    assert april["signals"] == 3 and april["reports"] == 1
    assert t["periods"][0]["public"] == -1.0 and t["periods"][0]["private"] is None
    assert t["signals_total"] == 12
    limited = client.get("/api/tracks/RUS/ceasefire", params={"signals_limit": 2}).json()
    assert len(limited["signals"]) == 2 and limited["signals_total"] == 12
    private = client.get("/api/tracks/RUS/ceasefire", params={"channel": "private"}).json()
    assert all(p["public"] is None for p in private["periods"])
    assert client.get("/api/tracks/RUS/ceasefire", params={"by": "year"}).status_code == 422
    assert client.get("/api/tracks/XXX/ceasefire").status_code == 404


def test_clusters_list_and_detail(client: Client) -> None:
    listed = client.get("/api/clusters").json()
    assert listed["total"] == 1
    c = listed["items"][0]
    assert c["id"] == "story-apr" and c["size"] == 3 and c["canonical"]["article_id"] == "wire-apr"
    assert client.get("/api/clusters", params={"min_size": 1}).json()["total"] == 7
    d = client.get("/api/clusters/story-apr").json()
    assert d["canonical"]["article_id"] == "wire-apr"
    assert [(m["article_id"], m["relation"]) for m in d["members"]] == [
        ("copy-apr", "near_copy"),
        ("rewrite-apr", "rewrite"),
    ]
    assert d["signals"] == 6
    assert client.get("/api/clusters/nope").status_code == 404


def test_search_signals_stems_ranks_and_filters(client: Client) -> None:
    got = client.get("/api/search/signals", params={"q": "proposes freeze"}).json()
    # "proposes" finds "proposed" (stemming); the wire story and its two copies all match.
    assert got["total"] == 3
    assert all("«" in h["highlight"] and "»" in h["highlight"] for h in got["items"])
    narrowed = client.get("/api/search/signals", params={"q": "truce", "channel": "public"}).json()
    assert narrowed["total"] == 3 and {h["channel"] for h in narrowed["items"]} == {"public"}
    phrase = client.get("/api/search/signals", params={"q": '"televised address"'}).json()
    assert [h["article_id"] for h in phrase["items"]] == ["daily-feb"]
    either = client.get("/api/search/signals", params={"q": "Gulf OR Turkey"}).json()
    assert sorted(h["article_id"] for h in either["items"]) == ["times-may", "wire-jan"]
    both = client.get("/api/search/signals", params={"q": "Gulf Turkey"}).json()
    assert both["total"] == 0
    bad = client.get("/api/search/signals", params={"q": '"""'})
    assert bad.status_code == 422 and "no words" in bad.json()["detail"]
    assert client.get("/api/search/signals", params={"q": "x" * 201}).status_code == 422


def test_search_articles_matches_title_and_text(client: Client) -> None:
    got = client.get("/api/search/articles", params={"q": "envoys freeze"}).json()
    assert {h["id"] for h in got["items"]} == {"wire-apr", "copy-apr", "rewrite-apr"}
    dated = client.get("/api/search/articles", params={"q": "freeze", "since": "2023-04-21"}).json()
    assert [h["id"] for h in dated["items"]] == ["rewrite-apr"]
    assert client.get("/api/search/articles", params={"q": "Syndicated", "outlet": "Metro Post"}).json()["total"] == 1


def test_openapi_schema_is_valid_and_documents_every_api_route(client: Client) -> None:
    r = client.get("/openapi.json")
    assert r.status_code == 200
    spec = r.json()
    validate(spec)
    documented = set(spec["paths"])
    routes = {
        route.path.replace(":path", "") for route in client.app.routes if getattr(route, "path", "").startswith("/api/")
    }
    assert routes <= documented, routes - documented
    for path, ops in spec["paths"].items():
        assert path.startswith("/api/"), f"page {path} should not be in the API schema"
        for method, op in ops.items():
            ok = op["responses"]["200"]["content"]["application/json"]["schema"]
            assert ok.get("$ref") or ok.get("items") or ok.get("type"), f"{method} {path} has an untyped response"
            assert op.get("description") or op.get("summary"), f"{method} {path} is undocumented"


def test_docs_page_uses_only_local_assets(client: Client) -> None:
    html = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower() and "https://" not in html
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_ingest_is_refused_without_a_configured_token(client: Client) -> None:
    body = {"articles": [{"id": "new-1", "text": LONG_TEXT}]}
    r = client.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403 and "--token" in r.json()["detail"]


def test_ingest_checks_the_token(writable_store) -> None:
    c = Client(create_app(str(writable_store), token=TOKEN))
    try:
        body = {"articles": [{"id": "new-1", "text": LONG_TEXT}]}
        assert c.post("/api/articles", json=body).status_code == 401
        assert c.post("/api/articles", json=body, headers={"Authorization": "Bearer wrong-token"}).status_code == 401
        assert c.post("/api/articles", json=body, headers={"Authorization": TOKEN}).status_code == 401
        # The token is checked before the body: a bad body without a token is still 401.
        assert c.post("/api/articles", json={"nope": 1}).status_code == 401
    finally:
        c.close()
    assert get_article(open_db(writable_store), "new-1") is None


def test_ingest_with_the_token_stores_clusters_and_extracts(writable_store) -> None:
    c = Client(create_app(str(writable_store), token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    try:
        body = {
            "articles": [
                {
                    "id": "new-1",
                    "text": LONG_TEXT,
                    "title": "Ministry open to talks",
                    "outlet": "Test Wire",
                    "published": "2023-07-01",
                },
                {"id": "short-1", "text": "Too short to be an article."},
                {"id": "wire-apr-again", "text": "x" * 10 + LONG_TEXT, "url": "https://news.example.org/wire-apr"},
            ]
        }
        r = c.post("/api/articles", json=body, headers=auth)
        assert r.status_code == 200, r.text
        out = r.json()
        outcomes = {x["id"]: x["outcome"] for x in out["results"]}
        assert outcomes == {"new-1": "ingested", "short-1": "rejected", "wire-apr-again": "duplicate"}
        assert out["ingested"] == 1 and out["rejected"] == 1 and out["duplicates"] == 1
        assert out["clustered"] == 1
        stored = c.get("/api/articles/new-1").json()
        assert stored["title"] == "Ministry open to talks" and stored["cluster"] is not None
        assert ("RUS", "negotiations") in {(x["holder"], x["issue"]) for x in stored["signals"]}
        again = c.post("/api/articles", json={"articles": body["articles"][:1]}, headers=auth).json()
        assert again["results"][0]["outcome"] == "duplicate"
    finally:
        c.close()


def test_ingest_bounds_the_request(writable_store) -> None:
    c = Client(create_app(str(writable_store), token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    try:
        many = {"articles": [{"id": f"a{i}", "text": LONG_TEXT + str(i)} for i in range(201)]}
        assert c.post("/api/articles", json=many, headers=auth).status_code == 422
        huge = b'{"articles": [{"id": "big", "text": "' + b"a" * (17 * 1024 * 1024) + b'"}]}'
        r = c.post("/api/articles", content=huge, headers={**auth, "content-type": "application/json"})
        assert r.status_code == 413
        assert c.post("/api/articles", json={"articles": []}, headers=auth).status_code == 422
    finally:
        c.close()


def test_api_errors_are_json_and_never_a_traceback(writable_store) -> None:
    app = create_app(str(writable_store))

    def boom() -> None:
        raise RuntimeError("secret internals")

    app.add_api_route("/api/boom", boom, include_in_schema=False)
    c = Client(app)
    try:
        r = c.get("/api/boom")
        assert r.status_code == 500
        assert r.json() == {"detail": "internal error; see the server log"}
        assert "secret" not in r.text and "Traceback" not in r.text
    finally:
        c.close()


def test_reads_never_write(client: Client) -> None:
    for method in ("PUT", "DELETE", "PATCH"):
        assert client.request(method, "/api/articles/wire-apr").status_code == 405
    assert client.post("/api/signals").status_code == 405
