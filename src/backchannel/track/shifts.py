"""Shift detection: where a series moves between consecutive periods by more than its noise.

Pure functions over ``(label, value, reports)`` points, so they can be tested on a
constructed series without a database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from .config import ShiftParams

MAD_TO_SIGMA = 1.4826  # scales a median absolute deviation to a normal standard deviation


@dataclass(frozen=True, slots=True)
class Point:
    label: str
    value: float
    reports: int


@dataclass(frozen=True, slots=True)
class Change:
    """A detected shift between ``points[at - 1]`` and ``points[at]``."""

    at: int
    before: float
    after: float
    noise: float
    threshold: float


def robust_noise(changes: Sequence[float], leave_out: int | None = None) -> float:
    """1.4826 x the median absolute change, leaving out change ``leave_out``.

    The changes of a series with no shift scatter around zero, so their median absolute
    value measures the noise; a single large change barely moves a median. Leaving the
    candidate itself out keeps a short series (three or four periods) from hiding its one
    real shift behind its own size. Fewer than two remaining changes: no estimate (0).
    """
    rest = [abs(c) for i, c in enumerate(changes) if i != leave_out]
    if len(rest) < 2:
        return 0.0
    return MAD_TO_SIGMA * median(rest)


def find_changes(points: Sequence[Point], params: ShiftParams) -> list[Change]:
    """Each consecutive pair whose change exceeds ``max(k x noise, min_change)``.

    ``points`` are the periods that have data in one series, in time order (empty periods
    are skipped, so a silence is not a change). The later point must rest on at least
    ``params.min_reports`` independent reports: one stray report is no shift.
    """
    if len(points) < 2:
        return []
    changes = [points[i].value - points[i - 1].value for i in range(1, len(points))]
    out = []
    for i, change in enumerate(changes):
        later = points[i + 1]
        if later.reports < params.min_reports:
            continue
        noise = robust_noise(changes, leave_out=i)
        threshold = max(params.k * noise, params.min_change)
        if abs(change) > threshold + 1e-12:
            out.append(Change(i + 1, points[i].value, later.value, noise, threshold))
    return out
