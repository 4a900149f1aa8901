"""One indicator at a date (SPEC section 3), worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

import gevinst as gv
from gevinst.analysis.indicators import expected_value, indicator_result, judge, latest, trend_line

# Ventetid: 30 days on 2024-01-01, target 20 on 2025-01-01 (366 days: 2024 is a leap year).
WAIT = gv.Indicator(
    id="I",
    name="Ventetid",
    direction="decrease",
    baseline={"date": "2024-01-01", "value": 30},
    targets=[{"date": "2025-01-01", "value": 20}],
)


def m(date: str, value: float) -> gv.Measurement:
    return gv.Measurement(indicator="I", date=date, value=value)


def test_thresholds_are_inclusive() -> None:
    assert judge(0.9, (0.9, 0.6)) == "on_track"
    assert judge(0.8949, (0.9, 0.6)) == "at_risk"  # shown as 89 %
    assert judge(0.6, (0.9, 0.6)) == "at_risk"
    assert judge(0.5949, (0.9, 0.6)) == "off_track"  # shown as 59 %
    assert judge(-3.0, (0.9, 0.6)) == "off_track"
    # judged on the whole percent shown: 0.8999 and 0.5999 are printed 90 % and 60 %
    assert judge(0.8999, (0.9, 0.6)) == "on_track"
    assert judge(0.5999, (0.9, 0.6)) == "at_risk"


def test_result_by_hand_from_unsorted_measurements() -> None:
    # 2024-01-01 -> 2024-07-02 is 183 days of 366: expected 30 - 10 * 183/366 = 25
    at = dt.date(2024, 7, 2)
    result = indicator_result(WAIT, [m("2024-07-01", 26), m("2024-04-01", 28)], at)
    assert result.expected == pytest.approx(25.0)
    assert result.realised == 26 and result.realised_date == dt.date(2024, 7, 1)
    assert result.progress == pytest.approx((30 - 26) / (30 - 25))  # 0.8
    assert result.attainment == pytest.approx((30 - 26) / (30 - 20))  # 0.4
    assert result.status == "at_risk"


def test_worse_than_baseline_is_negative_progress() -> None:
    result = indicator_result(WAIT, [m("2024-07-01", 33)], dt.date(2024, 7, 2))
    assert result.progress == pytest.approx((30 - 33) / (30 - 25))  # -0.6
    assert result.status == "off_track"


def test_latest_breaks_ties_by_list_order() -> None:
    found = latest(
        [m("2024-05-01", 1), m("2024-05-01", 2), m("2024-09-01", 3)], dt.date(2024, 6, 1)
    )
    assert found is not None and found.value == 2


def test_trend_line_by_hand() -> None:
    # points (0, 30), (91, 28), (182, 26): a straight line, slope -2/91 per day
    line = trend_line(WAIT, [m("2024-04-01", 28), m("2024-07-01", 26)], dt.date(2024, 12, 1))
    assert line is not None
    origin, intercept, slope = line
    assert origin == dt.date(2024, 1, 1)
    assert intercept == pytest.approx(30.0)
    assert slope == pytest.approx(-2 / 91)
    forecast = indicator_result(
        WAIT, [m("2024-04-01", 28), m("2024-07-01", 26)], dt.date(2024, 12, 1)
    )
    assert forecast.forecast == pytest.approx(30 - 2 / 91 * 366)


def test_target_on_the_baseline_date_jumps() -> None:
    jump = gv.Indicator(
        id="J",
        name="J",
        baseline={"date": "2024-01-01", "value": 0},
        targets=[{"date": "2024-01-01", "value": 5}, {"date": "2024-01-11", "value": 15}],
    )
    assert expected_value(jump, dt.date(2024, 1, 1)) == 0
    assert expected_value(jump, dt.date(2024, 1, 6)) == pytest.approx(10.0)
