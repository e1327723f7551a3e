"""Story clustering: exact copies, near copies and rewrites of one report, so it counts once.

- ``cluster_articles(articles)``: pure, in memory; one ``ClusterMembership`` per article.
- ``assign_clusters(engine, ids)``: incremental, against the store and its LSH index.

How pairs are decided is in ``match``; the thresholds are in ``data/cluster.yaml``.
"""

from .assign import AssignReport, assign_clusters
from .config import ClusterConfig, ClusterConfigError, default_config, load_config_file
from .core import ClusterRun, cluster_articles, run_clustering

__all__ = [
    "AssignReport",
    "ClusterConfig",
    "ClusterConfigError",
    "ClusterRun",
    "assign_clusters",
    "cluster_articles",
    "default_config",
    "load_config_file",
    "run_clustering",
]
