"""The tracker against hand-counted figures (tests/_track_corpus.py) and constructed series."""

from __future__ import annotations

import json
import random
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _track_corpus import build_db
from backchannel.records import Signal
from backchannel.store.signals import StoredSignal
from backchannel.track import (
    ShiftParams,
    TrackConfigError,
    build_track,
    compute_track,
    find_changes,
    load_config,
    overview,
    period_of,
    robust_noise,
)
from backchannel.track.config import parse_config
from backchannel.track.shifts import Point, _leave_one_out_noise, sampling_variances


@pytest.fixture
def corpus(db_path):
    return build_db(db_path)


def by_label(track):
    return {p.label: p for p in track.periods}


def test_monthly_figures_match_the_hand_count(corpus):
    engine, _ = corpus
    t = compute_track(engine, "RUS", "ceasefire")
    assert [p.label for p in t.periods] == ["2023-06", "2023-07", "2023-08", "2023-09", "2023-10"]
    p = by_label(t)
    # June: s1, s2 (repeat) and s3 (copy in the same cluster) are one report; s4 is hedged (0.6 x 0.5).
    jun = p["2023-06"]
    assert (jun.signals, jun.articles, jun.reports) == (4, 3, 2)
    assert jun.counts["opposed"]["public"] == 2
    assert sum(sum(row.values()) for row in jun.counts.values()) == 2
    assert jun.weights["opposed"]["public"] == pytest.approx(1.3)
    assert (jun.index, jun.public, jun.private, jun.gap) == (-1.0, -1.0, None, None)
    # July: s13 is dated by its `when` (published in October); s6's unknown channel is in the overall only.
    jul = p["2023-07"]
    assert (jul.signals, jul.articles, jul.reports) == (3, 2, 2)
    assert jul.counts["opposed"]["public"] == 1 and jul.counts["open"]["unknown"] == 1
    assert jul.counts["open"]["private"] == 1
    assert jul.weights["open"]["unknown"] == pytest.approx(0.4)
    assert jul.weights["open"]["private"] == pytest.approx(0.4)
    assert jul.index == pytest.approx(-0.2 / 1.8)
    assert (jul.public, jul.private, jul.gap) == (-1.0, 1.0, 2.0)
    assert jul.support == {"overall": 2, "public": 1, "private": 1, "gap": 1}
    aug = p["2023-08"]
    assert (aug.signals, aug.reports, aug.index, aug.public, aug.private) == (0, 0, None, None, None)
    # September: s7 and s9 (hedged rewrite in cluster c2) are one report at s7's weight.
    sep = p["2023-09"]
    assert (sep.signals, sep.articles, sep.reports) == (4, 3, 2)
    assert sep.counts["open"]["private"] == 1 and sep.counts["conditional"]["private"] == 1
    assert sep.counts["opposed"]["public"] == 1
    assert sep.weights["open"]["private"] == pytest.approx(1.0)
    assert sep.private == pytest.approx(1.4 / 1.8)
    assert sep.public == -1.0
    assert sep.gap == pytest.approx(1.4 / 1.8 + 1)
    assert sep.index == pytest.approx(0.4 / 2.8)
    # October: a9 belongs to c2 too, but a new period counts the report again.
    oct_ = p["2023-10"]
    assert (oct_.signals, oct_.articles, oct_.reports) == (2, 2, 2)
    assert oct_.counts["open"]["private"] == 2
    assert oct_.weights["open"]["private"] == pytest.approx(1.5)
    assert (oct_.index, oct_.public, oct_.private) == (1.0, None, 1.0)


def test_totals_sources_first_latest_and_undated(corpus):
    engine, ids = corpus
    t = compute_track(engine, "RUS", "ceasefire")
    tot = t.totals
    assert (tot.signals, tot.articles, tot.reports) == (13, 9, 6)
    assert tot.counts["opposed"]["public"] == 4
    assert tot.counts["open"]["private"] == 2
    assert tot.counts["open"]["unknown"] == 1
    assert tot.counts["conditional"]["private"] == 1
    assert tot.weights["opposed"]["public"] == pytest.approx(3.3)  # c1 1.0, a3 0.3, a4 1.0, c2 1.0
    assert tot.weights["open"]["private"] == pytest.approx(1.9)  # a8 0.9 (s11 beats s13), c2 1.0
    assert tot.weights["conditional"]["private"] == pytest.approx(0.8)
    assert tot.weights["open"]["unknown"] == pytest.approx(0.4)
    assert tot.index == pytest.approx(-0.6 / 6.4)
    assert tot.support == {"overall": 6, "public": 4, "private": 3, "gap": 3}
    assert tot.public == -1.0
    assert tot.private == pytest.approx(2.3 / 2.7)
    mix = {s.source: (s.signals, s.reports, s.hedged) for s in t.sources}
    assert mix == {"holder": (6, 4, 1), "anonymous": (4, 3, 2), "media": (2, 2, 1), "third_party": (1, 1, 0)}
    assert t.sources[0].source == "holder"
    assert t.first.id == ids["s1"] and t.first.day == date(2023, 6, 10)
    assert t.latest.id == ids["s12"] and t.latest.day == date(2023, 10, 20)
    assert t.undated == 1
    assert t.shifts == ()  # no change here is beyond the noise on two reports


def test_since_until_and_week_and_day_periods(corpus):
    engine, _ = corpus
    t = compute_track(engine, "RUS", "ceasefire", since=date(2023, 9, 1))
    assert [p.label for p in t.periods] == ["2023-09", "2023-10"]
    assert t.totals.signals == 6
    t = compute_track(engine, "RUS", "ceasefire", until=date(2023, 6, 30), by="week")
    assert [p.label for p in t.active_periods()] == ["2023-W23", "2023-W25"]  # 10-11 June, 20 June
    assert len(t.periods) == 3
    assert t.periods[0].start == date(2023, 6, 5)
    t = compute_track(engine, "RUS", "ceasefire", since=date(2023, 10, 1), by="day")
    assert [p.label for p in t.active_periods()] == ["2023-10-01", "2023-10-20"]
    assert len(t.periods) == 20


def test_json_is_serialisable_and_round_numbers(corpus):
    engine, _ = corpus
    data = json.loads(json.dumps(compute_track(engine, "RUS", "ceasefire").to_json()))
    assert data["periods"][1]["index"] == round(-0.2 / 1.8, 4)
    assert data["method"]["hedged_weight"] == 0.5
    assert data["first"]["day"] == "2023-06-10"
    assert len(data["signals"]) == 13


def test_no_signals_gives_an_empty_track(corpus):
    engine, _ = corpus
    t = compute_track(engine, "CHN", "ceasefire")
    assert t.empty and t.totals is None and t.periods == () and t.first is None


def test_overview_cells(corpus):
    engine, _ = corpus
    cells = {(c.holder, c.issue): c for c in overview(engine)}
    assert set(cells) == {("RUS", "ceasefire"), ("RUS", "negotiations"), ("UKR", "ceasefire")}
    rus = cells["RUS", "ceasefire"]
    assert (rus.signals, rus.reports, rus.latest_stance) == (14, 6, "open")
    assert rus.public == -1.0 and rus.private == 1.0  # the latest lines: September public, October private
    assert rus.sparkline_periods == ("2023-06", "2023-07", "2023-08", "2023-09", "2023-10")
    assert rus.sparkline[2] is None and rus.sparkline[-1] == 1.0
    assert overview(engine)[0].holder == "RUS" and overview(engine)[0].issue == "ceasefire"


def test_period_of_rejects_unknown_by():
    with pytest.raises(ValueError, match="by must be one of"):
        period_of(date(2023, 1, 1), "year")
    assert period_of(date(2024, 12, 30), "week")[0] == "2025-W01"


# --- shifts on constructed series -------------------------------------------------


def _stored(i: int, day: date, stance: str, channel: str, article: str | None = None) -> StoredSignal:
    sig = Signal(article or f"art{i}", f"Sentence {i}.", 0, 12, "RUS", "ceasefire", stance, channel, "holder",
                 False, None, None, 1.0)  # fmt: skip
    return StoredSignal(i, sig, day, "Outlet", None, None, None, "test")


def test_known_change_is_found_with_its_signals():
    # Public line opposed throughout; private line opposed for six months, open from month 7.
    stored = []
    i = 0
    for month in range(1, 13):
        for _ in range(3):
            i += 1
            stored.append(_stored(i, date(2023, month, 5), "opposed", "public"))
            i += 1
            stored.append(_stored(i, date(2023, month, 6), "open" if month >= 7 else "opposed", "private"))
    t = build_track(stored, "RUS", "ceasefire")
    found = {(s.series, s.period) for s in t.shifts}
    assert found == {("private", "2023-07"), ("gap", "2023-07"), ("overall", "2023-07")}
    private = next(s for s in t.shifts if s.series == "private")
    assert (private.before, private.after, private.direction) == (-1.0, 1.0, "toward open")
    july_private = {s.id for s in stored if s.published.month == 7 and s.signal.channel == "private"}
    assert set(private.signal_ids) == july_private


def test_flat_noisy_series_has_no_shift():
    rng = random.Random(7)
    stored = []
    i = 0
    for month in range(1, 13):
        for _ in range(6):  # about one in three reports open: the index wanders around -0.33
            i += 1
            stance = "open" if rng.random() < 1 / 3 else "opposed"
            stored.append(_stored(i, date(2022, month, rng.randint(1, 28)), stance, "public"))
    t = build_track(stored, "RUS", "ceasefire")
    assert t.shifts == ()


def test_noisy_step_is_found_where_it_happened():
    rng = random.Random(4)  # monthly public index: about -0.7 for six months, then about +0.8
    stored = []
    for month in range(1, 13):
        p_open = 0.15 if month < 7 else 0.85
        for _ in range(8):
            stored.append(_stored(len(stored) + 1, date(2022, month, rng.randint(1, 28)),
                                  "open" if rng.random() < p_open else "opposed", "public"))  # fmt: skip
    shifts = build_track(stored, "RUS", "ceasefire").shifts
    assert {(s.series, s.period) for s in shifts} == {("public", "2022-07"), ("overall", "2022-07")}
    public = next(s for s in shifts if s.series == "public")
    assert public.before < -0.4 and public.after > 0.4 and public.noise > 0
    assert abs(public.change) > public.threshold >= 0.5


def test_sampling_variances_pool_the_spread_within_periods():
    # Period 1: two reports, +1 and -1 (spread 1 around 0); period 2: one report; period 3: none.
    var = sampling_variances([[(1.0, 1.0), (1.0, -1.0)], [(1.0, 1.0)], []])
    # pooled: n_eff 2 x biased variance 1 / (2 - 1) = 2; per period: 2 / n_eff.
    assert var == [pytest.approx(1.0), pytest.approx(2.0), None]
    assert sampling_variances([[(1.0, 1.0)], [(0.5, -1.0)]]) == [None, None]


def test_one_stray_report_is_no_shift():
    stored = [_stored(i, date(2023, m, 1), "opposed", "public") for i, m in enumerate(range(1, 7))]
    stored.append(_stored(99, date(2023, 7, 1), "open", "public"))
    assert build_track(stored, "RUS", "ceasefire").shifts == ()
    params = ShiftParams(k=3.0, min_change=0.5, min_reports=1)
    points = [Point(str(m), -1.0, 1) for m in range(6)] + [Point("7", 1.0, 1)]
    assert [c.at for c in find_changes(points, params)] == [6]


def test_robust_noise_leaves_out_the_candidate():
    assert robust_noise([0.1, 2.0, -0.1], leave_out=1) == pytest.approx(1.4826 * 0.1 / 2**0.5)
    assert robust_noise([2.0]) == 0.0


# --- configuration ------------------------------------------------------------------


def test_packaged_config_values():
    cfg = load_config()
    assert cfg.stance_values == {"open": 1.0, "opposed": -1.0, "conditional": 0.5}
    assert cfg.hedged_weight == 0.5
    assert cfg.label(-1.0) == "opposed" and cfg.label(1.0) == "open" and cfg.label(None) == "no signals"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"hedged_weight": 2}, "hedged_weight: 2 is outside"),
        ({"stance_values": {"open": 1}}, "stance_values must give exactly"),
        ({"shifts": {"k": "x"}}, "shifts.k: expected a number"),
        ({"shifts": {"min_reports": 0}}, "shifts.min_reports"),
        ({"colour": 1}, "unknown entry 'colour'"),
        ({"labels": [{"upto": 0.5, "label": "b"}, {"upto": -0.5, "label": "a"}]}, "ascending"),
    ],
)
def test_bad_config_names_file_and_entry(change, message):
    from importlib import resources

    import yaml

    raw = yaml.safe_load(resources.files("backchannel").joinpath("data/track.yaml").read_text())
    raw.update(change)
    with pytest.raises(TrackConfigError, match="my.yaml: ") as exc:
        parse_config(raw, "my.yaml")
    assert message in str(exc.value)


def test_user_config_file(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text("stance_values: [1, 2\n")
    with pytest.raises(TrackConfigError, match="not valid YAML"):
        load_config(path)


@given(st.lists(st.floats(-2, 2, allow_nan=False), max_size=30))
def test_fast_leave_one_out_noise_equals_the_definition(changes):
    fast = _leave_one_out_noise(changes)
    assert fast == pytest.approx([robust_noise(changes, leave_out=i) for i in range(len(changes))])


def test_a_users_config_changes_the_weights(corpus, tmp_path):
    from importlib import resources

    import yaml

    raw = yaml.safe_load(resources.files("backchannel").joinpath("data/track.yaml").read_text())
    raw["hedged_weight"] = 1.0
    raw["use_confidence"] = False
    path = tmp_path / "mine.yaml"
    path.write_text(yaml.safe_dump(raw))
    engine, _ = corpus
    t = compute_track(engine, "RUS", "ceasefire", config=load_config(path))
    jun = by_label(t)["2023-06"]
    assert jun.weights["opposed"]["public"] == 2.0  # c1 and a3 at full weight
    jul = by_label(t)["2023-07"]
    assert jul.index == pytest.approx(1 / 3)  # (-1 + 1 + 1) / 3
    assert t.method["hedged_weight"] == 1.0 and t.method["config"] == str(path)
