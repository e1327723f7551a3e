"""store/clusters.py: counting a signal's support across copies and independent reports."""

from __future__ import annotations

from sqlalchemy import select

from backchannel.cluster import assign_clusters
from backchannel.records import Signal
from backchannel.store import open_db
from backchannel.store.articles import add_articles
from backchannel.store.clusters import Support, cluster_of, get_cluster, support
from backchannel.store.schema import signals as S
from backchannel.store.signals import replace_signals


def _signal(article_id: str, text: str, sentence: str, stance: str = "open") -> Signal:
    start = text.index(sentence)
    return Signal(article_id, sentence, start, start + len(sentence), "TUR", "negotiations", stance)


def test_support_counts_articles_and_independent_reports(pair_set, db_path) -> None:
    articles = {a.id: a for a in pair_set[0]}
    ids = [
        "geneva-grain-base",
        "geneva-grain-syndicated",
        "geneva-grain-rewrite",
        "geneva-grain-independent",
        "china-envoy-base",
    ]
    engine = open_db(db_path)
    add_articles(engine, [articles[i] for i in ids])
    assign_clusters(engine)
    assert cluster_of(engine, "geneva-grain-rewrite").cluster_id == "geneva-grain-base"
    base = articles["geneva-grain-base"].text
    quote = "Turkey and Norway on Monday proposed a new round of talks in Geneva to reopen a grain corridor across the Black Sea, officials in Ankara said."
    rewritten = articles["geneva-grain-rewrite"].text
    rw = "Officials in Ankara announced that Turkey and Norway put forward on Monday a fresh round of Geneva negotiations aimed at reopening a Black Sea grain corridor."
    indep = articles["geneva-grain-independent"].text
    # The independent report carries the same position in its own sentence (a second report).
    indep_sentence = "Ukraine's foreign ministry said on Monday it was reviewing a Turkish-Norwegian paper on shipping through the Black Sea, a day after the document arrived in Kyiv."
    china = articles["china-envoy-base"].text
    china_sentence = china.split(". ")[0] + "."
    replace_signals(
        engine,
        {
            "geneva-grain-base": [_signal("geneva-grain-base", base, quote)],
            "geneva-grain-syndicated": [
                _signal("geneva-grain-syndicated", articles["geneva-grain-syndicated"].text, quote)
            ],
            "geneva-grain-rewrite": [_signal("geneva-grain-rewrite", rewritten, rw)],
            "geneva-grain-independent": [_signal("geneva-grain-independent", indep, indep_sentence)],
            "china-envoy-base": [
                _signal("china-envoy-base", china, china_sentence),
                _signal("china-envoy-base", base, quote, "opposed"),
            ],
        },
        extractor="test",
    )
    with engine.connect() as conn:
        sid = {(r.article_id, r.stance): r.id for r in conn.execute(select(S.c.id, S.c.article_id, S.c.stance))}
    got = support(
        engine,
        [
            sid[("geneva-grain-base", "open")],
            sid[("china-envoy-base", "opposed")],
            sid[("china-envoy-base", "open")],
            99999,
        ],
    )
    # Base, its syndicated copy and its rewrite carry it: three articles, one report.
    assert got[sid[("geneva-grain-base", "open")]] == Support(articles=3, independent_reports=1)
    # Another stance is another signal, even in the same words.
    assert got[sid[("china-envoy-base", "opposed")]] == Support(articles=1, independent_reports=1)
    assert got[sid[("china-envoy-base", "open")]] == Support(articles=1, independent_reports=1)
    assert 99999 not in got


def test_support_counts_an_equal_sentence_across_clusters(db_path) -> None:
    from backchannel.records import Article

    sentence = "Turkey said on Monday it was ready to host new talks between the two sides in Istanbul next month."
    texts = {
        "a": "Ankara, Monday. " + sentence + " Officials gave no date for the meeting and said invitations would "
        "follow once both delegations had confirmed their members. The foreign ministry added that security at the "
        "venue would be handled by the interior ministry, and that journalists would be briefed after each session.",
        "b": sentence + " Separately, farmers in the south protested against fuel prices for a third day running, "
        "blocking a motorway near Adana with tractors. Police said the protest was peaceful. Union leaders said they "
        "would meet the agriculture minister on Wednesday and demanded a cut in diesel taxes before the harvest.",
    }
    engine = open_db(db_path)
    add_articles(engine, [Article(id=k, text=v) for k, v in texts.items()])
    assign_clusters(engine)
    assert cluster_of(engine, "a").cluster_id != cluster_of(engine, "b").cluster_id
    replace_signals(engine, {k: [_signal(k, v, sentence)] for k, v in texts.items()}, extractor="test")
    with engine.connect() as conn:
        ids = [r.id for r in conn.execute(select(S.c.id))]
    assert set(support(engine, ids).values()) == {Support(articles=2, independent_reports=2)}


def test_get_cluster_unknown(db_path) -> None:
    assert get_cluster(open_db(db_path), "nope") is None
