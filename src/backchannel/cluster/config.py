"""The clustering thresholds of ``data/cluster.yaml``, loaded on first use and validated.

Thresholds are data, not code, so a user can tune them for their corpus; a bad value
fails loudly with the file and the key, never silently falls back to a default.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

# Bumped whenever what a signature is computed from changes (features.featurize).
SIGNATURE_VERSION = 3


class ClusterConfigError(ValueError):
    """``cluster.yaml`` is missing a key or has a value out of range; the message says which."""


@dataclass(frozen=True, slots=True)
class ClusterConfig:
    min_words: int = 25
    shingle_size: int = 4
    num_perm: int = 128
    near_lsh_threshold: float = 0.4
    near_containment: float = 0.6
    near_min_shared: int = 12
    rewrite_lsh_threshold: float = 0.2
    sentence_similarity: float = 0.35
    rewrite_coverage: float = 0.5
    rewrite_min_aligned: int = 3
    window_days: int = 60
    rewrite_min_vocabulary: float = 0.3
    name_weight: float = 3.0
    word_weight: float = 1.0
    support_similarity: float = 0.5
    synonyms: dict[str, str] = field(default_factory=dict)  # word -> the first word of its group

    def digest(self) -> str:
        """Identifies what a stored signature depends on; a change makes it be recomputed."""
        import hashlib

        syn = hashlib.sha256(repr(sorted(self.synonyms.items())).encode()).hexdigest()[:10]
        return f"v{SIGNATURE_VERSION}-k{self.shingle_size}-p{self.num_perm}-s{syn}"


def _number(where: str, raw: dict[str, Any], key: str, kind: type, lo: float, hi: float) -> Any:
    if key not in raw:
        raise ClusterConfigError(f"{where}: missing key {key!r}")
    value = raw[key]
    if isinstance(value, bool) or not isinstance(value, int | float) or (kind is int and not isinstance(value, int)):
        raise ClusterConfigError(f"{where}: {key} must be {'an integer' if kind is int else 'a number'}, got {value!r}")
    if not lo <= value <= hi:
        raise ClusterConfigError(f"{where}: {key} = {value} is outside [{lo}, {hi}]")
    return kind(value)


def parse_config(data: Any, source: str) -> ClusterConfig:
    """Validate the parsed YAML ``data``; ``source`` names the file in every error."""
    if not isinstance(data, dict):
        raise ClusterConfigError(f"{source}: expected a mapping at the top level")
    near, rew = data.get("near_copy"), data.get("rewrite")
    if not isinstance(near, dict):
        raise ClusterConfigError(f"{source}: near_copy must be a mapping")
    if not isinstance(rew, dict):
        raise ClusterConfigError(f"{source}: rewrite must be a mapping")
    synonyms: dict[str, str] = {}
    groups = data.get("synonyms", [])
    if not isinstance(groups, list):
        raise ClusterConfigError(f"{source}: synonyms must be a list of word lists")
    for i, group in enumerate(groups, 1):
        if not isinstance(group, list) or len(group) < 2 or not all(isinstance(w, str) and w.strip() for w in group):
            raise ClusterConfigError(
                f"{source}: synonyms entry {i} must be a list of at least two words, got {group!r}"
            )
        head = group[0].strip().casefold()
        for word in group:
            word = word.strip().casefold()
            if word in synonyms and synonyms[word] != head:
                raise ClusterConfigError(
                    f"{source}: synonyms entry {i}: {word!r} is already in the group of {synonyms[word]!r}"
                )
            synonyms[word] = head
    n, r = f"{source}: near_copy", f"{source}: rewrite"
    return ClusterConfig(
        min_words=_number(source, data, "min_words", int, 1, 10_000),
        shingle_size=_number(source, data, "shingle_size", int, 1, 12),
        num_perm=_number(source, data, "num_perm", int, 16, 1024),
        near_lsh_threshold=_number(n, near, "lsh_threshold", float, 0.01, 0.99),
        near_containment=_number(n, near, "containment", float, 0.01, 1.0),
        near_min_shared=_number(n, near, "min_shared", int, 1, 10_000),
        rewrite_lsh_threshold=_number(r, rew, "lsh_threshold", float, 0.01, 0.99),
        sentence_similarity=_number(r, rew, "sentence_similarity", float, 0.01, 1.0),
        rewrite_coverage=_number(r, rew, "coverage", float, 0.01, 1.0),
        rewrite_min_aligned=_number(r, rew, "min_aligned", int, 1, 1000),
        window_days=_number(r, rew, "window_days", int, 0, 100_000),
        rewrite_min_vocabulary=_number(r, rew, "min_vocabulary", float, 0.0, 1.0),
        name_weight=_number(r, rew, "name_weight", float, 0.0, 100.0),
        word_weight=_number(r, rew, "word_weight", float, 0.0, 100.0),
        support_similarity=_number(source, data, "support_similarity", float, 0.01, 1.0),
        synonyms=synonyms,
    )


def load_config_file(path: str | Path) -> ClusterConfig:
    """Read and validate a cluster.yaml at ``path`` (for users with their own thresholds)."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ClusterConfigError(f"{path}: cannot read: {exc}") from exc
    return parse_config(data, str(path))


@cache
def default_config() -> ClusterConfig:
    """The bundled ``backchannel/data/cluster.yaml``, read once."""
    ref = resources.files("backchannel") / "data" / "cluster.yaml"
    try:
        data = yaml.safe_load(ref.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ClusterConfigError(f"{ref}: cannot read: {exc}") from exc
    return parse_config(data, "backchannel/data/cluster.yaml")
