"""The tracker: a holder's stance on an issue over time, public line against private line.

``compute_track(engine, holder, issue, by=...)`` returns a ``Track`` (periods with counts
by stance and channel over independent reports, the stance index, the public and private
lines and their gap, the source mix, first and latest signal, and shifts); ``overview``
returns one ``Cell`` per holder x issue for the dashboard. The counting rules are in
``compute``'s docstring; the numbers users may tune are in ``data/track.yaml``.
"""

from .compute import (
    BY_VALUES,
    build_track,
    compute_track,
    overview,
    period_of,
    report_key,
    signal_counts,
    signal_weight,
)
from .config import ShiftParams, TrackConfig, TrackConfigError, load_config
from .model import SERIES, Cell, Period, Shift, SignalRef, SourceShare, Track
from .shifts import find_changes, robust_noise

__all__ = [
    "BY_VALUES",
    "SERIES",
    "Cell",
    "Period",
    "Shift",
    "ShiftParams",
    "SignalRef",
    "SourceShare",
    "Track",
    "TrackConfig",
    "TrackConfigError",
    "build_track",
    "compute_track",
    "find_changes",
    "load_config",
    "overview",
    "period_of",
    "report_key",
    "robust_noise",
    "signal_counts",
    "signal_weight",
]
