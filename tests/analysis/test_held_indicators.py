"""Indicators that hold the line (every target equal to the baseline), issue 16 item 5:
a measured harm shows as harm, not as "not due". Worked out by hand from SPEC section 3
and the exception in ``gevinst.analysis.indicators``."""

from __future__ import annotations

import datetime as dt

import pytest

import gevinst as gv
from gevinst.analysis.indicators import indicator_result

AT = dt.date(2025, 7, 1)


def _indicator(direction: str, baseline: float, targets: list[float]) -> gv.Indicator:
    return gv.Indicator(
        id="I",
        name="Klager",
        direction=direction,
        baseline={"date": "2025-01-01", "value": baseline},
        targets=[{"date": f"{2026 + i}-01-01", "value": v} for i, v in enumerate(targets)],
    )


def _measured(value: float) -> list[gv.Measurement]:
    return [gv.Measurement(indicator="I", date="2025-06-01", value=value)]


@pytest.mark.parametrize(
    ("direction", "measured", "status"),
    [
        ("decrease", 120, "off_track"),  # harm expected to stay at 0 came: worse
        ("decrease", 0, "on_track"),  # stayed at the baseline
        ("increase", 120, "on_track"),  # more is better here: not worse
        ("increase", -1, "off_track"),
    ],
)
def test_a_held_indicator_is_judged_against_its_baseline(
    direction: str, measured: float, status: str
) -> None:
    result = indicator_result(_indicator(direction, 0, [0, 0]), _measured(measured), AT)
    assert result.expected == 0 and result.realised == measured
    assert result.progress is None and result.attainment is None  # no change is expected
    assert result.status == status


def test_unmeasured_it_is_not_measured_and_a_change_not_yet_expected_is_still_not_due() -> None:
    assert indicator_result(_indicator("decrease", 0, [0]), [], AT).status == "not_measured"
    # a target that differs from the baseline: at the baseline's date nothing is expected
    # yet, so a worse measurement that day is still "not due" (SPEC section 3)
    moving = _indicator("decrease", 10, [5])
    early = [gv.Measurement(indicator="I", date="2025-01-01", value=12)]
    assert indicator_result(moving, early, dt.date(2025, 1, 1)).status == "not_due"
    # one target equal to the baseline and a later one that is not: no hold
    two = _indicator("decrease", 10, [10, 5])
    assert indicator_result(two, _measured(12), AT).status == "not_due"


PLAN = """
schema: gevinst/1
plan: {id: hold, title: Hold, start: 2025-01-01, horizon_years: 2, discount_rate: 0.04}
goals: [{id: G1, name: Mål}]
objectives: [{id: O1, name: Effekt, contributes_to: [G1]}]
benefits:
  - {id: B1, name: Gevinst, contributes_to: [O1]}
disbenefits:
  - id: D1
    name: Flere klager
    indicators: [I1]
    value: {annual: 1000}
    contributes_to: [O1]
measures: [{id: M1, name: Tiltak, contributes_to: [B1, D1]}]
indicators:
  - id: I1
    name: Klager per måned
    direction: decrease
    baseline: {date: 2025-01-01, value: 0}
    targets: [{date: 2026-12-31, value: 0}]
measurements:
  - {indicator: I1, date: 2025-06-01, value: MEASURED}
"""


@pytest.mark.parametrize(("measured", "status"), [(120, "off_track"), (0, "on_track")])
def test_a_dis_benefit_whose_harm_is_measured_shows_it(measured: int, status: str) -> None:
    plan = gv.loads(PLAN.replace("MEASURED", str(measured)))
    review = gv.evaluate(plan, at=AT)
    d1 = review.element("D1")
    assert d1.score is None and d1.status == status
    # without a score a dis-benefit books its full value either way (SPEC section 3):
    # 1000 a year for two years at 4 %: 1000 + 1000 / 1.04 = 1961.54 kroner lost
    money = review.npv()
    assert money.realised == pytest.approx(-1961.538, abs=0.001)
    assert money.realised == money.expected  # B1 has no value: all of it is D1's loss
    # never inside another element's score: O1 has none (B1 is not measured)
    assert review.element("O1").score is None and review.element("O1").status == "not_measured"
