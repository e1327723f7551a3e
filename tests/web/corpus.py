"""A small store written for the web tests: articles, signals and story clusters.

The texts are invented for these tests. Signals are stored directly (not extracted),
so the figures the pages show are known exactly: RUS on ceasefire moves from a public
refusal to private openness over the spring of 2023; one wire story has two copies; one
article carries script tags and event-handler attributes in its title, text and URL.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import insert

from backchannel.records import Article, Signal
from backchannel.store import open_db
from backchannel.store.articles import add_articles
from backchannel.store.schema import cluster_members
from backchannel.store.signals import replace_signals

XSS_TITLE = 'Talks <script>window.__pwned = "title"</script><img src=x onerror="window.__pwned=\'img\'">'
XSS_SENTENCE = 'Officials said <script>window.__pwned = 1; alert(1)</script> Moscow is privately open to a truce <img src=x onerror="window.__pwned=2">.'
XSS_URL = "javascript:window.__pwned=3"

_FILLER = (
    "The war has now lasted for many months and the front line has barely moved. "
    "Diplomats in several capitals continue to compare notes on what each side might accept."
)

# (id, published, outlet, [(sentence, holder, issue, stance, channel, source, hedged)])
_ARTICLES = [
    (
        "wire-jan",
        "2023-01-12",
        "Wire Service",
        [
            (
                "The Kremlin spokesman said on Thursday that Moscow rejects any truce while its goals are unmet.",
                "RUS",
                "ceasefire",
                "opposed",
                "public",
                "holder",
                False,
            ),
            (
                "Kyiv said it is ready to join talks mediated by Turkey.",
                "UKR",
                "negotiations",
                "open",
                "public",
                "holder",
                False,
            ),
        ],
    ),
    (
        "daily-feb",
        "2023-02-08",
        "Daily Ledger",
        [
            (
                "In a televised address the Russian president ruled out a cease-fire along the current lines.",
                "RUS",
                "ceasefire",
                "opposed",
                "public",
                "holder",
                False,
            ),
        ],
    ),
    (
        "globe-mar",
        "2023-03-15",
        "Evening Globe",
        [
            (
                "People familiar with the contacts say Moscow has quietly signalled openness to a cease-fire through intermediaries.",
                "RUS",
                "ceasefire",
                "open",
                "private",
                "anonymous",
                True,
            ),
            (
                "Russian officials publicly repeated that a truce is out of the question.",
                "RUS",
                "ceasefire",
                "opposed",
                "public",
                "holder",
                False,
            ),
        ],
    ),
    (
        "wire-apr",
        "2023-04-20",
        "Wire Service",
        [
            (
                "Western officials report that Russian envoys privately proposed a freeze of the fighting.",
                "RUS",
                "ceasefire",
                "open",
                "private",
                "third_party",
                False,
            ),
            (
                "NATO said Ukraine's path to membership remains open.",
                "NATO",
                "nato_membership",
                "open",
                "public",
                "holder",
                False,
            ),
        ],
    ),
    (
        "times-may",
        "2023-05-18",
        "Capital Times",
        [
            (
                "Through a back-channel in the Gulf, Moscow told mediators it would accept a truce if Ukraine withdrew from four regions.",
                "RUS",
                "ceasefire",
                "conditional",
                "private",
                "third_party",
                False,
            ),
            (
                "Moscow appears ready to pause strikes on energy sites, analysts said.",
                "RUS",
                "ceasefire",
                "open",
                "private",
                "analyst",
                True,
            ),
        ],
    ),
    (
        "daily-jun",
        "2023-06-22",
        "Daily Ledger",
        [
            (
                "Behind closed doors Russian diplomats said a cease-fire could be arranged within weeks.",
                "RUS",
                "ceasefire",
                "open",
                "private",
                "anonymous",
                False,
            ),
            ("In public the Kremlin again rejected a truce.", "RUS", "ceasefire", "opposed", "public", "holder", False),
            (
                "Ukraine's foreign minister said there will be no negotiations with the current leadership in Moscow.",
                "UKR",
                "negotiations",
                "opposed",
                "public",
                "holder",
                False,
            ),
        ],
    ),
]

# Two copies of wire-apr: a syndicated copy and a rewrite.
_COPIES = [
    ("copy-apr", "2023-04-20", "Regional Courier", "near_copy", 0.93),
    ("rewrite-apr", "2023-04-21", "Metro Post", "rewrite", 0.61),
]


def _article_text(sentences: list[str], n: int) -> str:
    body = " ".join(sentences)
    return f"{_FILLER}\n\n{body}\n\nReporting note {n}: figures could not be verified independently."


def build_store(path: Path) -> dict[str, object]:
    """Create the store at ``path``; returns the ids tests refer to."""
    engine = open_db(path)
    articles: list[Article] = []
    signals: dict[str, list[Signal]] = {}
    texts: dict[str, str] = {}
    for n, (aid, day, outlet, sigs) in enumerate(_ARTICLES, 1):
        text = _article_text([s[0] for s in sigs], n)
        texts[aid] = text
        articles.append(
            Article(
                id=aid,
                text=text,
                title=f"{outlet}: report of {day}",
                url=f"https://news.example.org/{aid}",
                outlet=outlet,
                published=date.fromisoformat(day),
            )
        )
        rows = []
        for sentence, holder, issue, stance, channel, source, hedged in sigs:
            start = text.index(sentence)
            rows.append(
                Signal(
                    aid,
                    sentence,
                    start,
                    start + len(sentence),
                    holder,
                    issue,
                    stance,
                    channel,
                    source,
                    hedged,
                    confidence=0.8,
                )
            )
        signals[aid] = rows
    base = next(a for a in _ARTICLES if a[0] == "wire-apr")
    for cid, day, outlet, _, _ in _COPIES:
        text = texts["wire-apr"].replace("Reporting note", f"Syndicated by {outlet}. Reporting note")
        articles.append(
            Article(
                id=cid,
                text=text,
                title=f"{outlet}: envoys and a freeze",
                url=f"https://{outlet.lower().replace(' ', '')}.example.com/{cid}",
                outlet=outlet,
                published=date.fromisoformat(day),
            )
        )
        rows = []
        for sentence, holder, issue, stance, channel, source, hedged in base[3]:
            start = text.index(sentence)
            rows.append(
                Signal(
                    cid,
                    sentence,
                    start,
                    start + len(sentence),
                    holder,
                    issue,
                    stance,
                    channel,
                    source,
                    hedged,
                    confidence=0.8,
                )
            )
        signals[cid] = rows
    xss_text = f'{_FILLER}\n\n{XSS_SENTENCE}\n\nA caption <b onmouseover="window.__pwned=4">hover</b> and a link <a href="javascript:window.__pwned=5">here</a>.'
    articles.append(
        Article(
            id="xss-1",
            text=xss_text,
            title=XSS_TITLE,
            url=XSS_URL,
            outlet='<i onclick="x()">Evil</i>',
            published=date(2023, 6, 25),
        )
    )
    start = xss_text.index(XSS_SENTENCE)
    signals["xss-1"] = [
        Signal(
            "xss-1",
            XSS_SENTENCE,
            start,
            start + len(XSS_SENTENCE),
            "RUS",
            "ceasefire",
            "open",
            "private",
            "holder",
            False,
            confidence=0.7,
        )
    ]
    add_articles(engine, articles)
    replace_signals(engine, signals, extractor="test-fixture")
    rows = [{"article_id": "wire-apr", "cluster_id": "story-apr", "relation": "canonical", "similarity": 1.0}]
    rows += [
        {"article_id": cid, "cluster_id": "story-apr", "relation": rel, "similarity": sim}
        for cid, _, _, rel, sim in _COPIES
    ]
    rows += [
        {"article_id": a.id, "cluster_id": f"story-{a.id}", "relation": "canonical", "similarity": 1.0}
        for a in articles
        if a.id not in {"wire-apr", *[c[0] for c in _COPIES]}
    ]
    with engine.begin() as conn:
        conn.execute(insert(cluster_members), rows)
    engine.dispose()
    return {"articles": len(articles), "signals": sum(len(v) for v in signals.values()), "cluster": "story-apr"}
