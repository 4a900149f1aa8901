"""Since the last period when the previous periods differ, worked by hand.

Every indicator runs from 0 on 2024-01-01 to 366 on 2025-01-01, so the expected value on
a date is its day number: 40 on 2024-02-10, 60 on 2024-03-01, 100 on 2024-04-10 and 160
on 2024-06-09 (the evaluation date). The three benefits have different previous dates
(or none), and the objective's status on its previous date rests on a benefit that has
no previous date of its own.
"""

from __future__ import annotations

import datetime as dt

import gevinst as gv
from gevinst.analysis.indicators import indicator_result

AT = "2024-06-09"  # day 160

MEASURED = {
    "I1": [("2024-02-10", 40), ("2024-04-10", 50)],  # 100 % (on track), then 50/160
    "I2": [("2024-04-10", 70), ("2024-06-09", 160)],  # 70 % (at risk), then 100 %
    "I3": [("2024-03-01", 60)],  # measured once: 60/100 on 2024-04-10, 60/160 now
}


def dates_plan() -> gv.Plan:
    plan = gv.Plan.new("dates", "Ulike perioder")
    plan.add_goal("G1", "Gode tjenester")
    plan.add_objective("O1", "Raskere saksbehandling", contributes_to=["G1"])
    for n, (indicator, series) in enumerate(MEASURED.items(), start=1):
        plan.add_benefit(f"B{n}", f"Gevinst {n}", indicators=[indicator], contributes_to=["O1"])
        plan.add_indicator(
            indicator,
            f"Indikator {n}",
            baseline={"date": "2024-01-01", "value": 0},
            targets=[{"date": "2025-01-01", "value": 366}],
        )
        for day, value in series:
            plan.add_measurement(indicator, day, value)
    return plan


def test_each_element_beside_its_own_previous_period() -> None:
    ev = gv.evaluate(dates_plan(), at=AT)
    got = {
        id: (r.previous_date, r.previous_status, r.status, r.trend)
        for id, r in ev.elements.items()
        if r.kind != "measure"
    }
    feb, apr = dt.date(2024, 2, 10), dt.date(2024, 4, 10)
    assert got == {
        # 100 % on 2024-02-10; 50/160 = 31 % now
        "B1": (feb, "on_track", "off_track", "worsened"),
        # 70/100 on 2024-04-10; 160/160 now
        "B2": (apr, "at_risk", "on_track", "improved"),
        # one measurement: 60/160 = 38 % now, nothing before
        "B3": (None, None, "off_track", "new"),
        # on 2024-04-10: (50 + 70 + 60) / 3 = 60 %; now (31.25 + 100 + 37.5) / 3 = 56 %
        "O1": (apr, "at_risk", "off_track", "worsened"),
        "G1": (apr, "at_risk", "off_track", "worsened"),
    }
    assert ev.element("O1").score == (50 / 160 + 1 + 60 / 160) / 3
    indicators = {id: (r.previous_date, r.previous_status) for id, r in ev.indicators.items()}
    assert indicators == {"I1": (feb, "on_track"), "I2": (apr, "at_risk"), "I3": (None, None)}


def test_the_previous_status_is_the_evaluation_on_that_date() -> None:
    plan = dates_plan()
    ev = gv.evaluate(plan, at=AT)
    for id, result in ev.elements.items():
        if result.previous_date is not None:
            then = gv.evaluate(plan, at=result.previous_date)
            assert result.previous_status == then.element(id).status, id
    for id, indicator in ev.indicators.items():
        if indicator.previous_date is not None:
            then = gv.evaluate(plan, at=indicator.previous_date)
            assert indicator.previous_status == then.indicator(id).status, id


def test_a_status_without_details_leaves_out_forecast_and_overdue() -> None:
    plan = dates_plan()
    indicator = plan.indicators[0].model_copy(update={"frequency": "monthly"})
    measured = [m for m in plan.measurements if m.indicator == "I1"]
    at = dt.date(2024, 7, 1)  # day 182, 82 days after the last measurement
    full = indicator_result(indicator, measured, at)
    short = indicator_result(indicator, measured, at, details=False)
    assert full.overdue == dt.date(2024, 4, 10)  # 82 days is more than 2 x 31
    assert full.forecast is not None
    assert (short.forecast, short.overdue) == (None, None)
    assert (
        (short.progress, short.status)
        == (50 / 182, "off_track")
        == (
            full.progress,
            full.status,
        )
    )
