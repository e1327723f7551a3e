"""Bad input: empty, one-word and very short articles never join a cluster; bad settings fail clearly."""

from __future__ import annotations

import pytest

from backchannel.cluster import ClusterConfigError, cluster_articles, default_config, load_config_file
from backchannel.cluster.config import parse_config
from backchannel.records import Article
from backchannel.store import open_db
from backchannel.store.articles import add_articles
from backchannel.store.clusters import cluster_of


def test_short_articles_stay_singletons(pair_set) -> None:
    articles, _ = pair_set
    short = [a for a in articles if a.story and a.story.startswith("short-")]
    assert {a.text for a in short} >= {"", "Ceasefire"}
    members = {m.article_id: m for m in cluster_articles(articles)}
    for a in short:
        assert members[a.id].cluster_id == a.id and members[a.id].relation == "canonical"


def test_identical_short_articles_do_not_merge() -> None:
    same = [
        Article(id=f"w{i}", text=t) for i, t in enumerate(["Ceasefire", "Ceasefire", "", "", "Talks resume today."] * 2)
    ]
    members = cluster_articles(same)
    assert [m.cluster_id for m in members] == [a.id for a in same]


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(ValueError, match="'x' occurs twice"):
        cluster_articles([Article(id="x", text="one text"), Article(id="x", text="another text")])


def test_empty_input() -> None:
    assert cluster_articles([]) == []


def test_short_stored_article_never_joins(db_path, pair_set) -> None:
    from backchannel.cluster import assign_clusters

    articles, _ = pair_set
    base = next(a for a in articles if a.id == "geneva-grain-base")
    teaser = Article(id="teaser", text=" ".join(base.text.split()[:12]), published=base.published)
    engine = open_db(db_path)
    add_articles(engine, [base, teaser, Article(id="blank", text=" ")])
    report = assign_clusters(engine)
    assert report.assigned == 3 and report.new_clusters == 3
    assert cluster_of(engine, "teaser").cluster_id == "teaser"
    assert cluster_of(engine, "blank").cluster_id == "blank"


def test_bundled_config_loads() -> None:
    cfg = default_config()
    assert cfg.min_words > 1 and 0 < cfg.near_containment <= 1 and cfg.synonyms["truce"] == "ceasefire"


BASE = {
    "min_words": 25,
    "shingle_size": 4,
    "num_perm": 128,
    "near_copy": {"lsh_threshold": 0.4, "containment": 0.5, "min_shared": 12},
    "rewrite": {
        "lsh_threshold": 0.2,
        "sentence_similarity": 0.5,
        "coverage": 0.4,
        "min_aligned": 3,
        "window_days": 60,
        "min_vocabulary": 0.3,
        "name_weight": 3.0,
        "word_weight": 1.0,
    },
    "support_similarity": 0.5,
    "synonyms": [["truce", "ceasefire"]],
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("min_words"), "x.yaml: missing key 'min_words'"),
        (lambda d: d["near_copy"].update(containment=1.5), "x.yaml: near_copy: containment = 1.5 is outside"),
        (lambda d: d["rewrite"].update(min_aligned="three"), "x.yaml: rewrite: min_aligned must be an integer"),
        (lambda d: d.update(rewrite=[1]), "x.yaml: rewrite must be a mapping"),
        (lambda d: d.update(synonyms=[["alone"]]), "x.yaml: synonyms entry 1 must be a list of at least two words"),
        (
            lambda d: d.update(synonyms=[["a", "b"], ["c", "b"]]),
            "x.yaml: synonyms entry 2: 'b' is already in the group",
        ),
    ],
)
def test_bad_config_names_file_and_key(change, message) -> None:
    import copy

    data = copy.deepcopy(BASE)
    change(data)
    with pytest.raises(ClusterConfigError) as err:
        parse_config(data, "x.yaml")
    assert str(err.value).startswith(message)


def test_config_file_errors(tmp_path) -> None:
    bad = tmp_path / "cluster.yaml"
    bad.write_text("min_words: [\n", encoding="utf-8")
    with pytest.raises(ClusterConfigError, match=r"cluster.yaml: cannot read"):
        load_config_file(bad)
    good = tmp_path / "ok.yaml"
    import yaml

    good.write_text(yaml.safe_dump(BASE), encoding="utf-8")
    assert load_config_file(good).synonyms == {"truce": "truce", "ceasefire": "truce"}
