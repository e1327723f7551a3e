"""Consistency checks for the bundled sample corpus and its independent gold file.

``examples/corpus/`` is what ``make demo`` ingests and what a new user reads first;
``tests/data/sample_gold.jsonl`` is the second, hand-annotated measure of the extractor
and of story clustering (besides the shared dev gold). Both are hand-written, so these
tests guard against the slips a hand edit makes: a sentence that no longer matches its
text, a field value the spec does not allow, a story label that disagrees with the
manifest, or a source file whose body drifted away from the gold text.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import feedparser
import pytest

from backchannel.records import CHANNELS, SOURCES, STANCES, WHEN_RE

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
GOLD = Path(__file__).resolve().parent / "data" / "sample_gold.jsonl"

ISSUES = {"ceasefire", "negotiations", "nato_membership"}
ORGANISATIONS = {"NATO", "EU", "UN"}
# ISO 3166 alpha-3 codes of the states that act in the Russia–Ukraine war's diplomacy.
COUNTRIES = {
    "RUS", "UKR", "USA", "CHN", "TUR", "GBR", "FRA", "DEU", "POL", "HUN", "SAU", "QAT", "BLR", "IND", "BRA",
    "ZAF", "VAT", "ARE", "ITA", "CHE", "EGY", "SEN", "ZMB", "COM", "UGA", "COG", "IDN", "MEX", "THA", "FIN",
    "SWE", "LTU", "EST", "LVA", "KAZ", "PRK", "IRN", "ISR", "JPN", "CAN", "NOR", "DNK", "NLD", "BEL", "ESP",
}  # fmt: skip
SIGNAL_FIELDS = {"sentence", "holder", "person", "issue", "stance", "channel", "source", "hedged", "when"}
REQUIRED_SIGNAL_FIELDS = SIGNAL_FIELDS - {"person"}
ARTICLE_FIELDS = {"id", "url", "outlet", "title", "published", "text", "story", "signals"}
RELATIONS = {"original", "syndicated copy", "truncated copy", "edited copy", "rewrite", "independent"}
COPY_RELATIONS = {"syndicated copy", "truncated copy", "edited copy"}
FEED = CORPUS / "feeds" / "steppe-dispatch.xml"


def _load_manifest() -> list[dict]:
    return json.loads((CORPUS / "MANIFEST.json").read_text(encoding="utf-8"))["articles"]


def _load_gold() -> list[dict]:
    rows = []
    for number, line in enumerate(GOLD.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:  # pragma: no cover - the message is the point
                pytest.fail(f"{GOLD}:{number}: not JSON ({exc})")
    return rows


@pytest.fixture(scope="module")
def manifest() -> list[dict]:
    return _load_manifest()


@pytest.fixture(scope="module")
def gold() -> dict[str, dict]:
    return {row["id"]: row for row in _load_gold()}


@pytest.fixture(scope="module")
def feed_entries() -> dict[str, object]:
    parsed = feedparser.parse(str(FEED))
    assert not parsed.bozo, f"{FEED}: feed does not parse cleanly: {parsed.get('bozo_exception')}"
    return {entry.id: entry for entry in parsed.entries}


@pytest.fixture(scope="module")
def jsonl_rows() -> dict[str, dict]:
    path = CORPUS / "articles.jsonl"
    return {json.loads(line)["id"]: json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line}


def _when_bounds(value: str) -> tuple[date, date]:
    """First and last day a spec `when` value covers (validates calendar dates on the way)."""
    parts = value.split("/")

    def first(part: str) -> date:
        bits = [int(b) for b in part.split("-")]
        return date(bits[0], bits[1] if len(bits) > 1 else 1, bits[2] if len(bits) > 2 else 1)

    def last(part: str) -> date:
        bits = [int(b) for b in part.split("-")]
        if len(bits) == 3:
            return date(*bits)
        if len(bits) == 2:
            nxt = date(bits[0] + (bits[1] == 12), bits[1] % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1)
        return date(bits[0], 12, 31)

    return first(parts[0]), last(parts[-1])


# ---------------------------------------------------------------- manifest and files


def test_manifest_paths_exist_and_items_resolve(manifest, feed_entries, jsonl_rows) -> None:
    for entry in manifest:
        path = CORPUS / entry["path"]
        assert path.is_file(), f"MANIFEST entry {entry['id']}: {path} does not exist"
        if entry["format"] == "feed":
            assert entry["item"] in feed_entries, f"{entry['id']}: no feed item with guid {entry['item']}"
        elif entry["format"] == "jsonl":
            assert entry["item"] in jsonl_rows, f"{entry['id']}: no line with id {entry['item']} in articles.jsonl"
        else:
            assert "item" not in entry, f"{entry['id']}: only feed and JSONL entries name an item"


def test_every_corpus_file_is_in_the_manifest(manifest, feed_entries, jsonl_rows) -> None:
    listed = {entry["path"] for entry in manifest}
    on_disk = {str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*") if p.is_file() and p.name != "MANIFEST.json"}
    assert on_disk == listed, f"files not in MANIFEST: {on_disk - listed}; listed but missing: {listed - on_disk}"
    items = {entry["item"] for entry in manifest if "item" in entry}
    assert set(feed_entries) | set(jsonl_rows) == items, "feed items or JSONL lines missing from MANIFEST"


def test_manifest_fields_are_valid(manifest) -> None:
    ids = [entry["id"] for entry in manifest]
    assert len(ids) == len(set(ids)), f"duplicate ids: {[i for i, n in Counter(ids).items() if n > 1]}"
    by_id = {entry["id"]: entry for entry in manifest}
    for entry in manifest:
        where = f"MANIFEST entry {entry['id']}"
        assert entry["relation"] in RELATIONS, f"{where}: relation {entry['relation']!r}"
        assert entry["fact"].strip(), f"{where}: no fact"
        date.fromisoformat(entry["event_date"])
        published = date.fromisoformat(entry["published"][:10])
        assert date.fromisoformat(entry["event_date"]) <= published, f"{where}: event after publication"
        if entry["relation"] in COPY_RELATIONS | {"rewrite"}:
            original = by_id.get(entry.get("copy_of", ""))
            assert original is not None, f"{where}: copy_of must name the copied article"
            assert original["story"] == entry["story"], f"{where}: a copy shares the story of what it copies"
            assert original["published"] <= entry["published"], f"{where}: copy published before its original"
        else:
            assert "copy_of" not in entry, f"{where}: only copies and rewrites have copy_of"


def test_corpus_has_the_promised_mix(manifest, gold) -> None:
    formats = Counter(entry["format"] for entry in manifest)
    assert formats["html"] >= 12 and formats["text"] >= 10 and formats["feed"] >= 8 and formats["jsonl"] >= 11
    assert {p.suffix for p in (CORPUS / "text").iterdir()} == {".txt", ".md"}, "text posts in both .txt and .md"
    assert len({entry["outlet"] for entry in manifest}) >= 15

    stories: dict[str, list[dict]] = defaultdict(list)
    for entry in manifest:
        stories[entry["story"]].append(entry)
    copied = [members for members in stories.values() if sum(m["relation"] in COPY_RELATIONS for m in members) >= 4]
    assert copied, "one wire story must have at least four syndicated, truncated or edited copies"
    wire = copied[0]
    assert {m["relation"] for m in wire} >= COPY_RELATIONS | {"original"}
    assert len({m["outlet"] for m in wire}) == len(wire), "each copy of the wire story runs on a different site"
    assert sum(entry["relation"] == "rewrite" for entry in manifest) >= 2

    by_event: dict[str, list[dict]] = defaultdict(list)
    for entry in manifest:
        if entry["relation"] == "independent":
            by_event[entry["event_date"]].append(entry)
    pairs = [group for group in by_event.values() if len(group) >= 2]
    assert len(pairs) >= 2, "two events must each be reported independently by two outlets"
    for group in pairs:
        assert len({m["story"] for m in group}) == len(group), "independent reports must not share a story label"
        assert len({m["outlet"] for m in group}) == len(group)

    assert sum(not row["signals"] for row in gold.values()) >= 2, "some articles carry mentions but no signals"
    years = {entry["event_date"][:4] for entry in manifest}
    assert years >= {"2022", "2023", "2024", "2025"}


# ---------------------------------------------------------------- gold against the spec


def test_gold_matches_manifest(manifest, gold) -> None:
    assert set(gold) == {entry["id"] for entry in manifest}
    for entry in manifest:
        row = gold[entry["id"]]
        assert row["story"] == entry["story"], f"{entry['id']}: story differs between gold and MANIFEST"
        assert row["url"] == entry["url"] and row["outlet"] == entry["outlet"], entry["id"]
        assert row["published"] == entry["published"][:10], entry["id"]


def test_gold_articles_have_the_article_file_fields() -> None:
    for row in _load_gold():
        assert set(row) == ARTICLE_FIELDS, f"{row.get('id')}: fields {sorted(set(row) ^ ARTICLE_FIELDS)}"
        assert row["text"] == row["text"].strip() and "\n\n\n" not in row["text"], f"{row['id']}: text layout"
        assert row["title"] not in row["text"].split("\n\n"), f"{row['id']}: the title is not part of the body"
        date.fromisoformat(row["published"])


def test_gold_signals_are_valid_per_spec(gold) -> None:
    for row in gold.values():
        published = date.fromisoformat(row["published"])
        seen: set[tuple[str, str, str]] = set()
        for number, signal in enumerate(row["signals"], start=1):
            where = f"{row['id']} signal {number}"
            assert REQUIRED_SIGNAL_FIELDS <= set(signal) <= SIGNAL_FIELDS, f"{where}: fields {sorted(signal)}"
            assert signal["holder"] in COUNTRIES | ORGANISATIONS, f"{where}: holder {signal['holder']!r}"
            assert signal["issue"] in ISSUES, f"{where}: issue {signal['issue']!r}"
            assert signal["stance"] in STANCES, f"{where}: stance {signal['stance']!r}"
            assert signal["channel"] in CHANNELS, f"{where}: channel {signal['channel']!r}"
            assert signal["source"] in SOURCES, f"{where}: source {signal['source']!r}"
            assert isinstance(signal["hedged"], bool), f"{where}: hedged must be true or false"
            if "person" in signal:
                assert isinstance(signal["person"], str) and signal["person"].strip(), f"{where}: empty person"
            when = signal["when"]
            if when is not None:
                assert WHEN_RE.match(when), f"{where}: when {when!r} is not a spec time"
                start, end = _when_bounds(when)
                assert start <= end and start <= published, f"{where}: when {when} starts after publication"
            key = (signal["sentence"], signal["holder"], signal["issue"])
            assert key not in seen, f"{where}: one record per holder and issue in a sentence (spec)"
            seen.add(key)


def test_gold_sentences_are_whole_sentences_of_the_text(gold) -> None:
    for row in gold.values():
        paragraphs = row["text"].split("\n\n")
        for signal in row["signals"]:
            sentence = signal["sentence"]
            assert sentence in row["text"], f"{row['id']}: sentence not in text: {sentence[:70]!r}"
            holders = [p for p in paragraphs if sentence in p]
            assert len(holders) == 1, f"{row['id']}: sentence must lie in one paragraph: {sentence[:70]!r}"
            paragraph = holders[0]
            start = paragraph.index(sentence)
            before = paragraph[:start]
            assert not before or re.search(r"[.!?][”\"’)]*\s$", before), (
                f"{row['id']}: starts mid-sentence: {sentence[:60]!r}"
            )
            assert re.search(r"[.!?:][”\"’)]*$", sentence), f"{row['id']}: ends mid-sentence: {sentence[-60:]!r}"


# ---------------------------------------------------------------- source files carry the gold body


def test_html_pages_carry_metadata_and_body(manifest, gold) -> None:
    for entry in (e for e in manifest if e["format"] == "html"):
        raw = (CORPUS / entry["path"]).read_text(encoding="utf-8")
        page = html.unescape(raw)
        row = gold[entry["id"]]
        where = entry["path"]
        assert f'<meta property="og:site_name" content="{entry["outlet"]}">' in page, f"{where}: og:site_name"
        assert f'<meta property="article:published_time" content="{entry["published"]}">' in page, where
        assert re.search(r'<meta name="author" content="[^"]+">', page), f"{where}: author meta"
        assert re.search(r"<title>[^<]*" + re.escape(row["title"]), page), f"{where}: <title>"
        for furniture in (r"<nav|class=\"menu\"", r"<footer|class=\"footer\"", r"[Cc]omment", r"[Aa]dvert|Sponsored"):
            assert re.search(furniture, page), f"{where}: page furniture /{furniture}/ missing"
        for paragraph in row["text"].split("\n\n"):
            assert f"<p>{paragraph}</p>" in page, f"{where}: body paragraph missing: {paragraph[:60]!r}"
    skeletons = {re.sub(r"\s+", "", re.sub(r">[^<]*<", "><", (CORPUS / e["path"]).read_text())[:400])
                 for e in manifest if e["format"] == "html"}  # fmt: skip
    assert len(skeletons) >= 4, "HTML pages use several different templates"


def test_text_posts_have_title_first_and_body_lines(manifest, gold) -> None:
    debris = re.compile(r"^(Also Read:|\*\*Also Read:\*\*|Share this:|Leave a Reply|\d+ thoughts? on )", re.M)
    for entry in (e for e in manifest if e["format"] == "text"):
        raw = (CORPUS / entry["path"]).read_text(encoding="utf-8")
        lines = raw.splitlines()
        row = gold[entry["id"]]
        assert lines[0].removeprefix("# ") == row["title"], f"{entry['path']}: first line is the title"
        for paragraph in row["text"].split("\n\n"):
            assert paragraph in lines, f"{entry['path']}: body paragraph missing: {paragraph[:60]!r}"
        assert debris.search(raw), f"{entry['path']}: a blog post carries its debris"
        for paragraph in row["text"].split("\n\n"):
            assert not debris.match(paragraph), f"{entry['path']}: debris leaked into the gold text"


def test_feed_items_carry_body_link_and_date(manifest, gold, feed_entries) -> None:
    feed_ids = [e for e in manifest if e["format"] == "feed"]
    assert len(feed_ids) == len(feed_entries)
    for entry in feed_ids:
        item = feed_entries[entry["item"]]
        row = gold[entry["id"]]
        assert item.link == entry["url"], entry["id"]
        assert item.title == row["title"], entry["id"]
        assert date(*item.published_parsed[:3]).isoformat() == row["published"], entry["id"]
        content = html.unescape(item.content[0].value)
        for paragraph in row["text"].split("\n\n"):
            assert f"<p>{paragraph}</p>" in content, f"{entry['id']}: paragraph missing: {paragraph[:60]!r}"


def test_jsonl_articles_are_the_gold_texts(manifest, gold, jsonl_rows) -> None:
    for entry in (e for e in manifest if e["format"] == "jsonl"):
        line = jsonl_rows[entry["item"]]
        row = gold[entry["id"]]
        assert set(line) == {"id", "url", "outlet", "title", "published", "text"}, entry["id"]
        for key in ("url", "outlet", "title", "published", "text"):
            assert line[key] == row[key], f"{entry['id']}: {key} differs from gold"


def test_copies_share_their_originals_sentences(manifest, gold) -> None:
    """Syndicated copies repeat the wire body word for word; a rewrite repeats its quotes only."""
    by_id = {entry["id"]: entry for entry in manifest}
    for entry in manifest:
        if entry["relation"] not in COPY_RELATIONS | {"rewrite"}:
            continue
        copy, original = gold[entry["id"]]["text"], gold[entry["copy_of"]]["text"]
        if entry["relation"] == "syndicated copy":
            assert copy == original, f"{entry['id']}: a syndicated copy carries the same body"
        elif entry["relation"] == "truncated copy":
            assert original.startswith(copy) and len(copy) < len(original) * 0.6, entry["id"]
        elif entry["relation"] == "edited copy":
            shared = set(copy.split("\n\n")) & set(original.split("\n\n"))
            assert 0.4 < len(shared) / len(original.split("\n\n")) < 1.0, f"{entry['id']}: edits are light"
        else:
            shared = set(copy.split("\n\n")) & set(original.split("\n\n"))
            assert not shared, f"{entry['id']}: a rewrite words every paragraph anew"
            quotes = re.findall(r"“([^”]{20,})”", original)
            assert any(q.rstrip(",.") in copy for q in quotes) or not quotes, (
                f"{entry['id']}: a rewrite keeps the quotes"
            )
            assert by_id[entry["copy_of"]]["published"] < entry["published"]
