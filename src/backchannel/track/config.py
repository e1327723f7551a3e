"""The tracker's tunable numbers (``data/track.yaml``): stance values, weights, shift thresholds.

Loaded on first use and cached; a bad value is a ``TrackConfigError`` naming the file and
the entry, so a user who edits the file learns exactly what to fix.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..records import STANCES


class TrackConfigError(ValueError):
    """``data/track.yaml`` (or a user's copy) holds a value the tracker cannot use."""


@dataclass(frozen=True, slots=True)
class ShiftParams:
    """When a period-to-period change counts as a shift (see ``detect_shifts``)."""

    k: float = 3.0
    min_change: float = 0.5
    min_reports: int = 2
    window: int = 3


@dataclass(frozen=True, slots=True)
class TrackConfig:
    stance_values: dict[str, float]
    hedged_weight: float
    use_confidence: bool
    shifts: ShiftParams
    labels: tuple[tuple[float, str], ...]  # (upper bound, word), ascending
    source: str = "data/track.yaml"

    def label(self, index: float | None) -> str:
        """The word for an index value ("opposed", "open on conditions", ...); "no signals" for None."""
        if index is None:
            return "no signals"
        for upto, word in self.labels:
            if index <= upto + 1e-9:
                return word
        return self.labels[-1][1]


def _number(value: Any, where: str, lo: float, hi: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise TrackConfigError(f"{where}: expected a number, got {value!r}")
    if not lo <= value <= hi:
        raise TrackConfigError(f"{where}: {value} is outside [{lo}, {hi}]")
    return float(value)


def parse_config(raw: Any, source: str) -> TrackConfig:
    """Validate the parsed YAML ``raw``; every error names ``source`` and the entry."""
    if not isinstance(raw, dict):
        raise TrackConfigError(f"{source}: expected a mapping at the top level")
    known = {"stance_values", "hedged_weight", "use_confidence", "shifts", "labels"}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise TrackConfigError(f"{source}: unknown entry {unknown[0]!r} (known: {', '.join(sorted(known))})")
    sv = raw.get("stance_values")
    if not isinstance(sv, dict) or set(sv) != set(STANCES):
        raise TrackConfigError(f"{source}: stance_values must give exactly {', '.join(STANCES)}")
    values = {s: _number(sv[s], f"{source}: stance_values.{s}", -1.0, 1.0) for s in STANCES}
    hedged = _number(raw.get("hedged_weight", 0.5), f"{source}: hedged_weight", 0.0, 1.0)
    use_conf = raw.get("use_confidence", True)
    if not isinstance(use_conf, bool):
        raise TrackConfigError(f"{source}: use_confidence must be true or false, got {use_conf!r}")
    sh = raw.get("shifts", {}) or {}
    if not isinstance(sh, dict):
        raise TrackConfigError(f"{source}: shifts must be a mapping")
    bad = sorted(set(sh) - {"k", "min_change", "min_reports", "window"})
    if bad:
        raise TrackConfigError(f"{source}: unknown entry shifts.{bad[0]}")
    mr = sh.get("min_reports", 2)
    if isinstance(mr, bool) or not isinstance(mr, int) or mr < 1:
        raise TrackConfigError(f"{source}: shifts.min_reports must be a whole number >= 1, got {mr!r}")
    win = sh.get("window", 3)
    if isinstance(win, bool) or not isinstance(win, int) or not 1 <= win <= 24:
        raise TrackConfigError(f"{source}: shifts.window must be a whole number from 1 to 24, got {win!r}")
    shifts = ShiftParams(
        k=_number(sh.get("k", 3.0), f"{source}: shifts.k", 0.0, 100.0),
        min_change=_number(sh.get("min_change", 0.5), f"{source}: shifts.min_change", 0.0, 2.0),
        min_reports=mr,
        window=win,
    )
    labels_raw = raw.get("labels")
    if not isinstance(labels_raw, list) or not labels_raw:
        raise TrackConfigError(f"{source}: labels must be a non-empty list of {{upto, label}}")
    labels = []
    for i, item in enumerate(labels_raw, 1):
        if not isinstance(item, dict) or set(item) != {"upto", "label"} or not isinstance(item["label"], str):
            raise TrackConfigError(f"{source}: labels entry {i} must be {{upto: NUMBER, label: TEXT}}")
        labels.append((_number(item["upto"], f"{source}: labels entry {i} upto", -1.0, 1.0), item["label"]))
    if [u for u, _ in labels] != sorted(u for u, _ in labels):
        raise TrackConfigError(f"{source}: labels must be in ascending order of upto")
    return TrackConfig(values, hedged, use_conf, shifts, tuple(labels), source)


def load_config(path: str | Path | None = None) -> TrackConfig:
    """The packaged ``data/track.yaml``, or a user's file at ``path``."""
    if path is None:
        return _packaged()
    p = Path(path)
    try:
        raw = yaml.safe_load(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise TrackConfigError(f"{p}: cannot read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        raise TrackConfigError(f"{p}: not valid YAML ({exc})") from None
    return parse_config(raw, str(p))


@lru_cache(maxsize=1)
def _packaged() -> TrackConfig:
    text = resources.files("backchannel").joinpath("data/track.yaml").read_text(encoding="utf-8")
    return parse_config(yaml.safe_load(text), "backchannel/data/track.yaml")
