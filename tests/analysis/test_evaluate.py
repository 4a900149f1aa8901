"""Evaluation (SPEC section 3) checked against numbers worked out by hand.

The small plan below has two indicators, a benefit chain with weights and a
dis-benefit. Every expected number is written as the arithmetic a reader can redo
with a calendar: day counts are given in the comments.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gevinst as gv
from gevinst.analysis.evaluate import STATUSES, expected_value

ROOT = Path(__file__).resolve().parents[2]

HAND_PLAN = """
schema: gevinst/1
plan: {id: hand, title: Håndregnet plan, start: 2024-01-01, horizon_years: 3}
goals:
  - {id: G1, name: Bergens barn, contributes_to: []}
objectives:
  - {id: O1, name: Raskere saksbehandling, contributes_to: [G1]}
benefits:
  - id: B1
    name: Kortere opplæringstid
    indicators: [I1]
    contributes_to: [{to: B2, weight: 0.4}]
  - id: B4
    name: Mer tid til sakene
    indicators: [I2]
    contributes_to: [B2]
  - id: B2
    name: Bedre kapasitet
    contributes_to: [{to: O1, weight: 0.7}]
    category: redeployment
    value: {annual: 200000, from: 2024-07-01}
  - id: B3
    name: Færre klager
    contributes_to: [O1]
    category: budget
    value: {annual: 100000, from: 2025-01-01}
disbenefits:
  - id: D1
    name: Mer rapportering
    contributes_to: [O1]
    category: redeployment
    value: {annual: 50000}
changes:
  - {id: C1, name: Mentorordning, contributes_to: [B1, B4]}
measures:
  - id: M1
    name: Innføringsprogram
    start: 2024-03-01
    cost: {one_off: 300000, annual: 20000}
    contributes_to: [C1]
indicators:
  - id: I1
    name: Opplæringstid
    unit: uker
    direction: decrease
    baseline: {date: 2023-10-01, value: 26}
    targets: [{date: 2025-06-30, value: 16}, {date: 2026-12-31, value: 12}]
  - id: I2
    name: Andel tid til sakene
    unit: '%'
    direction: increase
    baseline: {date: 2024-01-31, value: 45}
    targets: [{date: 2025-12-31, value: 52}]
measurements:
  - {indicator: I1, date: 2024-06-30, value: 22}
  - {indicator: I1, date: 2024-12-31, value: 19}
  - {indicator: I2, date: 2024-07-31, value: 46}
  - {indicator: I2, date: 2025-01-31, value: 50}
reviews:
  - {date: 2024-09-01, element: B1, status: on_track, comment: Godt i gang}
  - {date: 2025-03-01, element: B2, status: on_track}
  - {date: 2026-01-01, element: B2, status: off_track}
"""

AT = dt.date(2025, 3, 31)

# Day counts (from a calendar; 2024 is a leap year):
#   2023-10-01 -> 2024-01-01:  92 days (Oct 31 + Nov 30 + Dec 31)
#   2023-10-01 -> 2025-03-31: 547 days (92 + 366 + Jan 31 + Feb 28 + Mar 30)
#   2023-10-01 -> 2025-06-30: 638 days (92 + 366 + 180)
#   2023-10-01 -> 2024-06-30: 273 days (92 + 181)
#   2023-10-01 -> 2024-12-31: 457 days (92 + 365)
#   2023-10-01 -> 2026-12-31: 1187 days (92 + 366 + 365 + 364)
#   2024-01-31 -> 2025-03-31: 425 days (366 + Feb 28 + Mar 31)
#   2024-01-31 -> 2025-12-31: 700 days (366 + 334)
#   2024-01-31 -> 2024-07-31: 182 days;  2024-01-31 -> 2025-01-31: 366 days

# I1 (decrease, s = -1) at 2025-03-31
I1_EXPECTED = 26 + (16 - 26) * 547 / 638  # 17.426...
I1_PROGRESS = (-1 * (19 - 26)) / (-1 * (I1_EXPECTED - 26))  # 7 / 8.5736 = 0.8165
# I2 (increase, s = +1) at 2025-03-31
I2_EXPECTED = 45 + (52 - 45) * 425 / 700  # 49.25
I2_PROGRESS = (50 - 45) / (I2_EXPECTED - 45)  # 5 / 4.25 = 1.176 (over-delivery)
# Scores: B1 from I1; B4 from I2 clipped to cap 1; B2 rolled up from B1 (weight 0.4)
# and B4 (unweighted: shares the rest, 0.6); O1 from B2 (0.7) and B3 (unweighted:
# 0.3, no score), so coverage 0.7; D1 is beside O1, never in it; G1 from O1 (weight 1).
B1_SCORE = I1_PROGRESS
B4_SCORE = min(I2_PROGRESS, 1.0)
B2_SCORE = (0.4 * B1_SCORE + 0.6 * B4_SCORE) / (0.4 + 0.6)  # 0.9266


def _ols(xs: list[float], ys: list[float], at: float) -> float:
    """Least squares line through the points, read at ``at`` (the textbook formula)."""
    mx = sum(xs) / len(xs)
    my = sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )
    return my + slope * (at - mx)


@pytest.fixture
def plan() -> gv.Plan:
    return gv.loads(HAND_PLAN)


@pytest.fixture
def ev(plan: gv.Plan) -> gv.Evaluation:
    return gv.evaluate(plan, at=AT)


def test_the_hand_plan_has_no_check_errors(plan: gv.Plan) -> None:
    assert [f for f in gv.check(plan) if f.severity == "error"] == []


def test_indicator_decrease_by_hand(ev: gv.Evaluation) -> None:
    i1 = ev.indicator("I1")
    assert i1.expected == pytest.approx(I1_EXPECTED)
    assert i1.expected == pytest.approx(17.42633228840125)
    assert i1.realised == 19  # latest measurement on or before 2025-03-31
    assert i1.realised_date == dt.date(2024, 12, 31)
    assert i1.progress == pytest.approx(I1_PROGRESS)
    assert i1.progress == pytest.approx(0.816453382084095)
    assert i1.attainment == pytest.approx((26 - 19) / (26 - 12))  # 0.5
    assert i1.status == "at_risk"  # 0.6 <= 0.816 < 0.9
    # forecast: line through baseline (day 0, 26) and both measurements, read at the
    # last target date (day 1187)
    assert i1.forecast == pytest.approx(_ols([0, 273, 457], [26, 22, 19], 1187))
    assert i1.target == 12 and i1.target_date == dt.date(2026, 12, 31)


def test_indicator_increase_by_hand(ev: gv.Evaluation) -> None:
    i2 = ev.indicator("I2")
    assert i2.expected == pytest.approx(49.25)
    assert i2.realised == 50
    assert i2.progress == pytest.approx(I2_PROGRESS)
    assert i2.progress == pytest.approx(5 / 4.25)
    assert i2.attainment == pytest.approx(5 / 7)
    assert i2.status == "on_track"
    assert i2.forecast == pytest.approx(_ols([0, 182, 366], [45, 46, 50], 700))


def test_element_scores_by_hand(ev: gv.Evaluation) -> None:
    b1, b4, b2 = ev.element("B1"), ev.element("B4"), ev.element("B2")
    assert b1.score == pytest.approx(B1_SCORE) and b1.coverage == 1 and b1.status == "at_risk"
    assert b1.basis == "indicators"
    assert b4.score == 1.0 and b4.status == "on_track"  # 1.176 clipped to cap 1
    assert b2.score == pytest.approx(B2_SCORE)
    assert b2.score == pytest.approx(0.4 * 0.816453382084095 + 0.6)
    assert b2.coverage == pytest.approx(1.0) and b2.status == "on_track"
    assert b2.basis == "contributors"
    o1 = ev.element("O1")
    assert o1.score == pytest.approx(0.7 * B2_SCORE / 0.7)
    assert o1.coverage == pytest.approx(0.7 / (0.7 + 0.3))
    assert o1.disbenefits == ("D1",)
    g1 = ev.element("G1")
    assert g1.score == pytest.approx(B2_SCORE) and g1.coverage == pytest.approx(1.0)
    b3 = ev.element("B3")
    assert (b3.score, b3.coverage, b3.status) == (None, 0.0, "not_measured")
    d1 = ev.element("D1")
    assert (d1.score, d1.status) == (None, "not_measured")
    for id in ("C1", "M1"):
        result = ev.element(id)
        assert (result.score, result.coverage, result.status) == (None, None, None)


def test_disbenefit_never_enters_a_score(plan: gv.Plan) -> None:
    plan.add_indicator(
        "I3",
        "Rapporteringstid",
        direction="decrease",
        baseline={"date": "2024-01-01", "value": 10},
        targets=[{"date": "2025-01-01", "value": 0}],
    )
    plan.disbenefits[0].indicators.append("I3")
    plan.add_measurement("I3", "2024-12-31", 10)  # no progress at all: score 0
    ev = gv.evaluate(plan, at=AT)
    assert ev.element("D1").score == 0.0
    assert ev.element("D1").status == "off_track"
    assert ev.element("O1").score == pytest.approx(B2_SCORE)  # unchanged


def test_thresholds_and_cap_are_parameters(plan: gv.Plan) -> None:
    ev = gv.evaluate(plan, at=AT, thresholds=(0.95, 0.85), cap=1.5)
    assert ev.indicator("I1").status == "off_track"  # 0.816 < 0.85
    assert ev.element("B4").score == pytest.approx(5 / 4.25)  # under the cap of 1.5
    b2 = (0.4 * I1_PROGRESS + 0.6 * 5 / 4.25) / 1.0  # 1.0324
    assert ev.element("B2").score == pytest.approx(b2)
    assert ev.element("B2").status == "on_track"
    with pytest.raises(ValueError, match="thresholds"):
        gv.evaluate(plan, at=AT, thresholds=(0.5, 0.9))
    with pytest.raises(ValueError, match="cap"):
        gv.evaluate(plan, at=AT, cap=0)


def test_not_due_and_not_measured(plan: gv.Plan) -> None:
    # on the baseline date nothing was expected yet: progress undefined -> not_due
    plan.add_measurement("I2", "2024-01-31", 45)
    ev = gv.evaluate(plan, at="2024-01-31")
    assert ev.indicator("I2").progress is None
    assert ev.indicator("I2").status == "not_due"
    assert ev.indicator("I2").expected == 45
    # before any measurement: not_measured, no forecast
    ev = gv.evaluate(plan, at="2024-01-01")
    assert ev.indicator("I1").realised is None
    assert ev.indicator("I1").status == "not_measured"
    assert ev.indicator("I1").forecast is None
    assert ev.element("G1").status == "not_measured"


def test_expected_after_last_target_and_before_baseline(plan: gv.Plan) -> None:
    indicator = plan.indicators[0]
    assert expected_value(indicator, dt.date(2020, 1, 1)) == 26
    assert expected_value(indicator, dt.date(2030, 1, 1)) == 12
    # between the two targets: 2025-06-30 -> 2026-12-31 is 549 days; 2026-01-01 is 185 in
    assert expected_value(indicator, dt.date(2026, 1, 1)) == pytest.approx(
        16 + (12 - 16) * 185 / 549
    )


def test_to_frame_and_rows(ev: gv.Evaluation) -> None:
    frame = ev.to_frame()
    assert frame.loc["B2", "score"] == pytest.approx(B2_SCORE)
    assert frame.loc["O1", "coverage"] == pytest.approx(0.7)
    assert list(frame.index) == ["G1", "O1", "B1", "B4", "B2", "B3", "D1"]
    indicators = ev.to_frame("indicators")
    assert indicators.loc["I2", "expected"] == pytest.approx(49.25)
    assert len(ev.rows("money")) == 3
    with pytest.raises(ValueError, match="unknown table"):
        ev.rows("nonsense")


def test_unknown_ids_raise_key_error(ev: gv.Evaluation) -> None:
    with pytest.raises(KeyError, match="not an indicator"):
        ev.indicator("I9")
    with pytest.raises(KeyError, match="not an element"):
        ev.element("X")


def test_without_re_resolves_weights(ev: gv.Evaluation) -> None:
    # Without B1, B4 is the only benefit into B2 and takes the whole weight: B2 = 1.0
    assert ev.without("B1") == {
        "B2": (pytest.approx(B2_SCORE), 1.0),
        "O1": (pytest.approx(B2_SCORE), 1.0),
        "G1": (pytest.approx(B2_SCORE), 1.0),
    }
    assert ev.without("D1") == {}
    impact = gv.impact(ev.plan, "B4", ev)
    # without B4, B2 rests on B1 alone: B2 = B1 score
    assert impact.scores["B2"] == (pytest.approx(B2_SCORE), pytest.approx(B1_SCORE))


def test_reviews_beside_the_numbers(ev: gv.Evaluation) -> None:
    reviews = ev.reviews()
    # the 2026 review lies after the evaluation date and is left out
    assert [(r.element, r.date) for r in reviews] == [
        ("B1", dt.date(2024, 9, 1)),
        ("B2", dt.date(2025, 3, 1)),
    ]
    b1, b2 = reviews
    # B1 on 2024-09-01: 2023-10-01 -> 2024-09-01 is 336 days; realised 22 (2024-06-30)
    b1_then = (26 - 22) / (26 - (26 + (16 - 26) * 336 / 638))  # 0.7595
    assert b1.score == pytest.approx(b1_then)
    assert (b1.status, b1.computed, b1.disagrees, b1.optimistic) == (
        "on_track",
        "at_risk",
        True,
        True,
    )
    assert b1.comment == "Godt i gang"
    # B2 on 2025-03-01: I1 517 days in, realised 19; I2 395 days in, realised 50 (clipped)
    i1_then = (26 - 19) / (26 - (26 + (16 - 26) * 517 / 638))
    assert b2.score == pytest.approx(0.4 * i1_then + 0.6 * 1.0)
    assert (b2.computed, b2.disagrees) == ("on_track", False)


def test_measurements_from_csv_are_added(plan: gv.Plan, tmp_path: Path) -> None:
    csv = tmp_path / "m.csv"
    csv.write_text("indicator,date,value\nI1,2025-03-01,17\n", encoding="utf-8")
    ev = gv.evaluate(plan, at=AT, measurements=csv)
    assert ev.indicator("I1").realised == 17
    assert len(plan.measurements) == 4  # the caller's plan is not changed
    ev = gv.evaluate(plan, at=AT, measurements=[gv.Measurement(indicator="I1", date=AT, value=18)])
    assert ev.indicator("I1").realised == 18


def test_same_date_measurement_later_one_wins(plan: gv.Plan) -> None:
    plan.add_measurement("I1", "2024-12-31", 20)
    assert gv.evaluate(plan, at=AT).indicator("I1").realised == 20


def test_plan_with_errors_is_refused(plan: gv.Plan) -> None:
    plan.add_measurement("NOPE", "2024-12-31", 1)
    with pytest.raises(gv.PlanCheckError, match="GV002"):
        gv.evaluate(plan, at=AT)
    with pytest.raises(gv.PlanCheckError, match="cannot be evaluated"):
        gv.evaluate(plan, at=AT)


def test_at_accepts_text_and_rejects_nonsense(plan: gv.Plan) -> None:
    assert gv.evaluate(plan, at="2025-03-31").at == AT
    with pytest.raises(ValueError, match="not a date"):
        gv.evaluate(plan, at="31.03.2025")


def test_bergen_example_at_2025_10_01() -> None:
    plan = gv.load(ROOT / "examples" / "bergen_barnevern" / "plan.yaml")
    ev = gv.evaluate(plan, at="2025-10-01")
    statuses = {r.status for r in ev.elements.values() if r.status}
    assert statuses <= set(STATUSES)
    # I6 (increase): baseline 2024-04-30 20, targets 2025-03-31 80, 2025-12-31 100.
    # 2025-03-31 -> 2025-10-01 is 184 days of the 275 to 2025-12-31; realised 88.
    expected = 80 + (100 - 80) * 184 / 275
    assert ev.indicator("I6").expected == pytest.approx(expected)
    assert ev.indicator("I6").progress == pytest.approx((88 - 20) / (expected - 20))
    assert ev.element("B6").status == "on_track"
    # B9 has no measurement yet; O4 gets only B10's score, with half the weight covered
    assert ev.element("B9").status == "not_measured"
    assert ev.element("O4").coverage == pytest.approx(0.5)
    assert ev.element("O4").score == pytest.approx(ev.element("B10").score)
    flagged = [r.element for r in ev.reviews() if r.disagrees]
    assert "B8" in flagged  # "on track" by the reviewer, off track by the numbers


# -- properties ---------------------------------------------------------------------------

_days = st.integers(min_value=1, max_value=2000)
_values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


def _indicator(
    direction: str, base: float, offsets: list[int], values: list[float]
) -> gv.Indicator:
    start = dt.date(2024, 1, 1)
    day = start
    targets = []
    for offset, value in zip(offsets, values, strict=False):
        day = day + dt.timedelta(days=offset)
        targets.append({"date": day, "value": value})
    return gv.Indicator(
        id="I",
        name="I",
        direction=direction,
        baseline={"date": start, "value": base},
        targets=targets,
    )


@settings(max_examples=200, deadline=None)
@given(
    direction=st.sampled_from(["increase", "decrease"]),
    base=_values,
    offsets=st.lists(_days, min_size=1, max_size=4),
    values=st.lists(_values, min_size=4, max_size=4),
    at=st.integers(min_value=-10, max_value=9000),
    a=_values,
    b=_values,
)
def test_a_better_realised_value_never_lowers_progress(
    direction: str,
    base: float,
    offsets: list[int],
    values: list[float],
    at: int,
    a: float,
    b: float,
) -> None:
    indicator = _indicator(direction, base, offsets, values)
    when = dt.date(2024, 1, 1) + dt.timedelta(days=at)
    worse, better = sorted([a, b]) if direction == "increase" else sorted([a, b], reverse=True)
    plan = gv.Plan.new("p", "P")
    plan.indicators.append(indicator)
    results = []
    for value in (worse, better):
        plan.measurements[:] = [
            gv.Measurement(indicator="I", date=dt.date(2024, 1, 1), value=value)
        ]
        results.append(gv.evaluate(plan, at=when).indicator("I").progress)
    if results[0] is not None:
        assert results[1] is not None
        # (a subnormal expected change can make progress infinite: inf >= inf holds)
        assert results[1] == results[0] or results[1] >= results[0] - 1e-9 * max(
            1.0, abs(results[0])
        )


@settings(max_examples=200, deadline=None)
@given(
    direction=st.sampled_from(["increase", "decrease"]),
    base=_values,
    offsets=st.lists(_days, min_size=1, max_size=4),
    values=st.lists(_values, min_size=4, max_size=4),
    at=st.integers(min_value=-10, max_value=9000),
)
def test_expected_values_are_continuous_in_time(
    direction: str, base: float, offsets: list[int], values: list[float], at: int
) -> None:
    indicator = _indicator(direction, base, offsets, values)
    points = [(indicator.baseline.date, base)] + [(t.date, t.value) for t in indicator.targets]  # type: ignore[union-attr]
    steepest = max(
        abs(v1 - v0) / (d1 - d0).days for (d0, v0), (d1, v1) in itertools.pairwise(points)
    )
    day = dt.date(2024, 1, 1) + dt.timedelta(days=at)
    now = expected_value(indicator, day)
    later = expected_value(indicator, day + dt.timedelta(days=1))
    assert now is not None and later is not None
    # one day later moves the expected value by at most the steepest slope per day
    assert abs(later - now) <= steepest + 1e-9 * max(1.0, abs(now), abs(later))


@settings(max_examples=100, deadline=None)
@given(
    progress=st.lists(
        st.tuples(st.sampled_from(["increase", "decrease"]), _values, _values),
        min_size=1,
        max_size=5,
    ),
    weights=st.lists(st.one_of(st.none(), st.floats(0, 0.19)), min_size=5, max_size=5),
    cap=st.floats(min_value=0.1, max_value=3.0),
    at=st.integers(min_value=0, max_value=1500),
)
def test_scores_stay_within_zero_and_cap(
    progress: list[tuple[str, float, float]],
    weights: list[float | None],
    cap: float,
    at: int,
) -> None:
    plan = gv.Plan.new("p", "P")
    plan.add_goal("G1", "Mål")
    plan.add_objective("O1", "Effektmål", contributes_to=["G1"])
    for n, (direction, target, measured) in enumerate(progress):
        plan.add_indicator(
            f"I{n}",
            "I",
            direction=direction,
            baseline={"date": "2024-01-01", "value": 0},
            targets=[{"date": "2025-01-01", "value": target}],
        )
        plan.add_measurement(f"I{n}", "2024-06-01", measured)
        plan.add_benefit(f"B{n}", "B", indicators=[f"I{n}"])
        plan.link(f"B{n}", "O1", weights[n])
    when = dt.date(2024, 1, 1) + dt.timedelta(days=at)
    ev = gv.evaluate(plan, at=when, cap=cap)
    for result in ev.elements.values():
        if result.score is not None:
            assert 0.0 <= result.score <= cap + 1e-12
            assert math.isfinite(result.score)
        if result.coverage is not None:
            assert 0.0 <= result.coverage <= 1.0 + 1e-12


def test_docs_evaluation_page_shows_what_gevinst_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/evaluation.md: every Python cell and command is run and compared."""
    import shutil

    from tests.test_examples import _check_page

    pytest.importorskip("pandas")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    text = (ROOT / "docs" / "evaluation.md").read_text("utf-8")
    assert _check_page(text, tmp_path) == 11  # 9 Python cells, 2 console blocks
    assert (tmp_path / "status.png").read_bytes()[:4] == b"\x89PNG"
    assert (tmp_path / "evaluering.xlsx").read_bytes()[:2] == b"PK"


# -- statuses are judged on the percentage that is shown (issue 10, item 3) ---------------


def _three_at_ninety() -> gv.Plan:
    """Three benefits at exactly 90 % progress feeding one objective and one goal."""
    plan = gv.Plan.new("p", "P", start="2024-01-01")
    plan.add_goal("G1", "Bergens barn, byens framtid")
    plan.add_objective("O1", "Raskere saksbehandling", contributes_to=["G1"])
    for k in (1, 2, 3):
        plan.add_benefit(f"B{k}", f"Gevinst {k}", indicators=[f"I{k}"], contributes_to=["O1"])
        plan.add_indicator(
            f"I{k}",
            f"Indikator {k}",
            baseline={"date": "2024-01-01", "value": 0},
            targets=[{"date": "2025-01-01", "value": 100}],
        )
        plan.add_measurement(f"I{k}", "2025-01-01", 90)
    return plan


def test_three_benefits_at_ninety_percent_make_an_objective_on_track() -> None:
    ev = gv.evaluate(_three_at_ninety(), at="2025-06-01")
    # Each benefit: progress (90 - 0) / (100 - 0) = 0.9, on track. O1 is their mean with
    # equal weights 1/3: in floating point 0.9 * (1/3) * 3 = 0.8999999999999999, which
    # every table prints as "90 %"; G1 takes O1's score (weight 1).
    assert ev.element("O1").score == pytest.approx(0.9) and ev.element("O1").score != 0.9
    for id in ("B1", "B2", "B3", "O1", "G1"):
        assert ev.element(id).status == "on_track", id
    from gevinst.report.tables import text_table

    table = text_table(ev, "nb")
    o1 = next(line for line in table.splitlines() if "Raskere saksbehandling" in line)
    assert "90\u00a0%" in o1 and "I rute" in o1


def test_judge_rounds_to_the_whole_percent_shown() -> None:
    from gevinst.analysis.indicators import judge

    # 0.894 shows as 89 % (at risk). 100 * 0.895 is 89.5 in floating point, printed
    # "90" (ties to even), so on track. 0.5949 shows as 59 % (off track), 0.5951 as 60 %.
    assert judge(0.894, (0.9, 0.6)) == "at_risk"
    assert judge(0.895, (0.9, 0.6)) == "on_track"
    assert judge(0.5949, (0.9, 0.6)) == "off_track"
    assert judge(0.5951, (0.9, 0.6)) == "at_risk"
    assert judge(float("inf"), (0.9, 0.6)) == "on_track"


def _shown_share(text: str) -> float:
    """The share a printed percentage stands for: '1 234 %', '90%' -> 12.34, 0.9."""
    digits = "".join(c for c in text.replace("\u2212", "-") if c.isdigit() or c == "-")
    return int(digits) / 100


@given(
    score=st.floats(min_value=-0.5, max_value=3.0, allow_nan=False),
    on=st.integers(min_value=1, max_value=150),
    risk=st.integers(min_value=0, max_value=150),
    language=st.sampled_from(["nb", "en"]),
)
def test_status_agrees_with_the_percentage_every_table_shows(
    score: float, on: int, risk: int, language: str
) -> None:
    from gevinst.analysis.indicators import judge
    from gevinst.i18n.formats import format_percent
    from gevinst.report.tables import _pct

    thresholds = (max(on, risk) / 100, min(on, risk) / 100)
    status = judge(score, thresholds)
    for text in (
        format_percent(score, language),
        _pct(score, language),
    ):
        assert judge(_shown_share(text), thresholds) == status, text


def test_at_after_the_last_date_a_plan_can_hold_is_refused(plan: gv.Plan) -> None:
    # year 10000 would overflow the dates of the horizon and the charts
    with pytest.raises(ValueError, match=r"9999-12-31 is after 2200-12-31"):
        gv.evaluate(plan, at="9999-12-31")
    assert gv.evaluate(plan, at="2200-12-31").at == dt.date(2200, 12, 31)
