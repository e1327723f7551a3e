"""RSS and Atom feeds from files and URLs, broken feeds, and --fetch-links against a loopback server."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from backchannel.ingest import FetchOptions, Problem, ReadOptions, read_paths
from backchannel.records import Article
from ingest_server import html_page, serve

FIX = Path(__file__).parent / "fixtures" / "ingest"
PAGE = [
    "The full report from the border crossing: mediators shuttled between the two delegations for most of the day "
    "before both sides accepted a short pause in the shelling to let aid convoys through.",
    "Officials said the pause would be reviewed after three days and could be extended if it held.",
]


def split(items) -> tuple[list[Article], list[Problem]]:
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Problem)]


def test_rss_entries() -> None:
    arts, problems = split(read_paths([FIX / "feed.rss"]))
    assert [a.title for a in arts] == [
        "Kremlin rejects thirty-day truce proposal as a pause for rearming",
        "Finland completes its accession to the alliance",
    ]
    first = arts[0]
    assert first.url == "https://easterndispatch.example/2025/03/12/kremlin-rejects-truce"
    assert (
        first.published == date(2025, 3, 12) and first.author == "Ilse Navarro" and first.outlet == "Eastern Dispatch"
    )
    assert "appeared first on" not in first.text  # the WordPress feed footer
    assert first.text.count("\n\n") == 1 and "<p>" not in first.text
    assert arts[1].published == date(2023, 4, 4)
    (short,) = problems
    assert short.where == "entry 3" and short.severity == "skipped" and "--fetch-links" in short.message


def test_atom_entries() -> None:
    arts, problems = split(read_paths([FIX / "feed.atom"]))
    (art,) = arts
    assert art.title.startswith("Summit in Switzerland")
    assert art.author == "Oskar Brandt" and art.outlet == "Lakeside Observer" and art.published == date(2024, 6, 16)
    assert art.text.startswith("Delegations from more than ninety countries")
    assert [p.where for p in problems] == ["entry 2"]


def test_broken_and_non_feeds(tmp_path: Path) -> None:
    (tmp_path / "broken.rss").write_text("<rss version='2.0'><channel><title>x</title><item><title>a", encoding="utf-8")
    (tmp_path / "notes.xml").write_text("<?xml version='1.0'?><config><key>value</key></config>", encoding="utf-8")
    arts, problems = split(read_paths([tmp_path]))
    assert arts == []
    by_name = {Path(p.source).name: p for p in problems if not p.where}
    broken = by_name["broken.rss"]
    assert broken.severity == "failed" and broken.message.startswith("broken feed (")
    assert "read 0 article(s) from 1 entries" in broken.message
    assert by_name["notes.xml"].severity == "failed" and "not an RSS or Atom feed" in by_name["notes.xml"].message


def test_broken_feed_that_still_gave_articles_is_a_warning(tmp_path: Path) -> None:
    words = "A long enough entry about envoys meeting to discuss a truce along the front line. " * 4
    path = tmp_path / "cut.rss"
    path.write_text(
        f"<rss version='2.0'><channel><title>Cut Feed</title><item><title>One</title><description>{words}</description>"
        "</item><item><title>Two",
        encoding="utf-8",
    )
    arts, problems = split(read_paths([path]))
    assert [a.title for a in arts] == ["One"] and arts[0].outlet == "Cut Feed"
    assert problems[-1].severity == "warning" and "read 1 article(s) from 2 entries" in problems[-1].message


def test_feed_from_a_url_with_fetched_links() -> None:
    base_holder: dict[str, str] = {}

    def feed(handler) -> None:
        base = base_holder["base"]
        body = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback Wire</title>
        <item><title>Pause agreed at the border</title><link>{base}/story</link><pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate>
        <description>Short teaser.</description></item>
        <item><title>Dead link</title><link>{base}/missing</link><description>Another short teaser.</description></item>
        </channel></rss>""".encode()
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    routes = {
        "/feed": feed,
        "/story": (200, {"Content-Type": "text/html"}, html_page("Pause agreed at the border", PAGE)),
    }
    with serve(routes) as base:
        base_holder["base"] = base
        opts = ReadOptions(fetch_links=True, fetch=FetchOptions(timeout=2))
        arts, problems = split(read_paths([f"{base}/feed"], opts))
        without, skipped = split(read_paths([f"{base}/feed"], ReadOptions(fetch=FetchOptions(timeout=2))))
    (art,) = arts
    assert art.url == f"{base}/story" and art.text == "\n\n".join(PAGE)
    assert art.outlet == "Loopback Wire" and art.published == date(2025, 6, 2)
    (dead,) = problems
    assert dead.where == "entry 2" and dead.severity == "failed" and "HTTP 404" in dead.message
    assert without == [] and len(skipped) == 2
