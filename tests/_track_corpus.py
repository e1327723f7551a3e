"""A small database with hand-counted signals, shared by the tracker, report and export tests.

Every sentence here was written for these tests. The expected figures in
tests/test_track.py were counted by hand from the table below, not computed by code.

RUS / ceasefire (sid: article, stance, channel, source, hedged, confidence, when):

  June 2023 — cluster c1 = {a1 (canonical), a2 (copy)}; a3 unclustered
    s1  a1  opposed     public   holder      no   1.0
    s2  a1  opposed     public   holder      no   0.8   (the same position repeated)
    s3  a2  opposed     public   holder      no   0.9   (the copy of s1)
    s4  a3  opposed     public   holder      yes  0.6
  July 2023 — a4 unclustered; a8 (published in October) dated by its `when`
    s5  a4  opposed     public   holder      no   1.0
    s6  a4  open        unknown  anonymous   yes  0.8
    s13 a8  open        private  media       yes  0.8   when 2023-07
  August 2023 — nothing
  September 2023 — cluster c2 = {a5 (canonical), a6 (rewrite), a9 (later rewrite)}; a7 unclustered
    s7  a5  open        private  anonymous   no   1.0
    s8  a5  opposed     public   holder      no   1.0
    s9  a6  open        private  anonymous   yes  1.0
    s10 a7  conditional private  third_party no   0.8
  October 2023
    s11 a8  open        private  anonymous   no   0.9   when 2023-10-01
    s12 a9  open        private  media       no   0.6

Also: an undated RUS/ceasefire signal (a10, no date at all), a UKR/ceasefire signal and a
RUS/negotiations signal (other tracks), and s10's sentence carries markup to check escaping.
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

SCRIPT_SENTENCE = "Turkish mediators said Moscow would halt <script>alert(1)</script> strikes if Kyiv froze the front."

ARTICLES = {
    "a1": ("Wire A", date(2023, 6, 10)),
    "a2": ("Paper B", date(2023, 6, 11)),
    "a3": ("Paper C", date(2023, 6, 20)),
    "a4": ("Wire A", date(2023, 7, 5)),
    "a5": ("Wire A", date(2023, 9, 3)),
    "a6": ("Paper C", date(2023, 9, 4)),
    "a7": ("Daily D", date(2023, 9, 15)),
    "a8": ("Paper B", date(2023, 10, 25)),
    "a9": ("Daily D", date(2023, 10, 20)),
    "a10": ("Blog E", None),
}

# sid -> (article, sentence, holder, issue, stance, channel, source, hedged, confidence, when)
SIGNALS = {
    "s1": ("a1", "The Kremlin said the fighting would go on until every goal was met.", "RUS", "ceasefire",
           "opposed", "public", "holder", False, 1.0, None),
    "s2": ("a1", "Its spokesman repeated that no truce was on the table.", "RUS", "ceasefire",
           "opposed", "public", "holder", False, 0.8, None),
    "s3": ("a2", "The Kremlin said the fighting would go on until every goal was met, officials added.", "RUS",
           "ceasefire", "opposed", "public", "holder", False, 0.9, None),
    "s4": ("a3", "Moscow appeared to rule out any pause in the fighting, its envoy said.", "RUS", "ceasefire",
           "opposed", "public", "holder", True, 0.6, None),
    "s5": ("a4", "The defence minister told reporters there would be no cease-fire.", "RUS", "ceasefire",
           "opposed", "public", "holder", False, 1.0, None),
    "s6": ("a4", "People close to the Kremlin hinted that a truce might be acceptable.", "RUS", "ceasefire",
           "open", "unknown", "anonymous", True, 0.8, None),
    "s7": ("a5", "Through an intermediary, Russian officials privately conveyed interest in a cease-fire.", "RUS",
           "ceasefire", "open", "private", "anonymous", False, 1.0, None),
    "s8": ("a5", "In public, the president vowed to keep fighting.", "RUS", "ceasefire",
           "opposed", "public", "holder", False, 1.0, None),
    "s9": ("a6", "Russian officials are said to have privately signalled interest in a cease-fire.", "RUS",
           "ceasefire", "open", "private", "anonymous", True, 1.0, None),
    "s10": ("a7", SCRIPT_SENTENCE, "RUS", "ceasefire", "conditional", "private", "third_party", False, 0.8, None),
    "s11": ("a8", "Behind closed doors, Moscow told envoys it was ready to stop the fighting.", "RUS", "ceasefire",
            "open", "private", "anonymous", False, 0.9, "2023-10-01"),
    "s12": ("a9", "A newspaper reported that Russia had quietly offered a truce.", "RUS", "ceasefire",
            "open", "private", "media", False, 0.6, None),
    "s13": ("a8", "Russia was reported to have explored a truce in secret talks in July.", "RUS", "ceasefire",
            "open", "private", "media", True, 0.8, "2023-07"),
    "u1": ("a10", "Moscow had once rejected a truce, the blog claimed.", "RUS", "ceasefire",
           "opposed", "public", "media", False, 1.0, None),
    "x1": ("a5", "Kyiv said it would accept no cease-fire that froze the front line.", "UKR", "ceasefire",
           "conditional", "public", "holder", False, 1.0, None),
    "x2": ("a4", "The Kremlin said it was ready for talks.", "RUS", "negotiations",
           "open", "public", "holder", False, 1.0, None),
}  # fmt: skip

CLUSTERS = {
    "a1": ("c1", "canonical", 1.0),
    "a2": ("c1", "exact", 0.98),
    "a5": ("c2", "canonical", 1.0),
    "a6": ("c2", "rewrite", 0.7),
    "a9": ("c2", "rewrite", 0.6),
}


def article_text(aid: str) -> str:
    """The article's text: its signal sentences in order, with a neutral opening line."""
    body = [f"Article {aid} reports on the war."]
    body += [sig[1] for sig in SIGNALS.values() if sig[0] == aid]
    return "\n\n".join(body)


def build_db(path: Path):
    """Create the database at ``path``; returns (engine, {sid: stored signal id})."""
    engine = open_db(path)
    arts = []
    for aid, (outlet, published) in ARTICLES.items():
        arts.append(
            Article(
                id=aid,
                text=article_text(aid),
                title=f"Report {aid} on <the> war",
                url=f"https://news.example/{aid}",
                outlet=outlet,
                published=published,
            )
        )
    add_articles(engine, arts)
    by_article: dict[str, list[Signal]] = {aid: [] for aid in ARTICLES}
    order: list[str] = []
    for sid, (aid, sentence, holder, issue, stance, channel, source, hedged, conf, when) in SIGNALS.items():
        text = article_text(aid)
        start = text.index(sentence)
        by_article[aid].append(
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
                when,
                None,
                conf,
            )  # fmt: skip
        )
        order.append(sid)
    replace_signals(engine, by_article, extractor="hand")
    with engine.begin() as conn:
        conn.execute(
            insert(cluster_members),
            [{"article_id": a, "cluster_id": c, "relation": r, "similarity": s} for a, (c, r, s) in CLUSTERS.items()],
        )
    # Map our names to stored ids through the sentence (unique per article).
    from backchannel.store.signals import query_signals

    ids = {}
    stored = query_signals(engine)
    for sid, sig in SIGNALS.items():
        match = [s for s in stored if s.signal.article_id == sig[0] and s.signal.sentence == sig[1]]
        assert len(match) == 1, sid
        ids[sid] = match[0].id
    return engine, ids
