"""Money (SPEC section 3) checked against numbers worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gevinst as gv
from gevinst.money import add_years, present_value, year_bounds, yearly
from tests.test_evaluate import AT, B2_SCORE, HAND_PLAN

# The hand plan: start 2024-01-01, horizon 3 years, no discount rate: the R-109 rates,
# which are 4 % for years 0-39, so within 3 years the same as a flat 0.04.
# Year 0 is 2024 (366 days, a leap year), year 1 is 2025, year 2 is 2026 (365 days each).
#   2024-07-01 -> 2025-01-01: 184 days;  2024-03-01 -> 2025-01-01: 306 days
B2_YEARS = [200000 * 184 / 366, 200000, 200000]  # from 2024-07-01
B3_YEARS = [0, 100000, 100000]  # from 2025-01-01
D1_YEARS = [-50000, -50000, -50000]  # no 'from': counts from plan.start
M1_YEARS = [300000 + 20000 * 306 / 366, 20000, 20000]  # one-off in 2024, annual from March


def pv(values: list[float]) -> float:
    return values[0] + values[1] / 1.04 + values[2] / 1.04**2


@pytest.fixture
def money() -> gv.Money:
    return gv.evaluate(gv.loads(HAND_PLAN), at=AT).npv()


def test_lines_by_hand(money: gv.Money) -> None:
    b2 = money.lines["B2"]
    assert b2.expected_by_year == pytest.approx(tuple(B2_YEARS))
    assert b2.expected == pytest.approx(pv(B2_YEARS))
    assert b2.expected == pytest.approx(100546.44808743169 + 192307.6923076923 + 184911.2426035503)
    # realised = expected times B2's score at the evaluation date
    assert b2.realised == pytest.approx(pv(B2_YEARS) * B2_SCORE)
    assert b2.score == pytest.approx(B2_SCORE)
    # B3 has no score: an unverified gain books 0
    assert money.lines["B3"].expected == pytest.approx(pv(B3_YEARS))
    assert money.lines["B3"].realised == 0
    # D1 has no score: an unverified loss books its full value, negative
    assert money.lines["D1"].expected == pytest.approx(pv(D1_YEARS))
    assert money.lines["D1"].realised == pytest.approx(pv(D1_YEARS))
    assert money.lines["D1"].realised < 0
    assert list(money.lines) == ["B2", "B3", "D1"]  # only monetised elements


def test_totals_by_hand(money: gv.Money) -> None:
    expected = pv(B2_YEARS) + pv(B3_YEARS) + pv(D1_YEARS)
    realised = pv(B2_YEARS) * B2_SCORE + 0 + pv(D1_YEARS)
    costs = pv(M1_YEARS)
    assert money.expected == pytest.approx(expected)
    assert money.realised == pytest.approx(realised)
    assert money.costs == pytest.approx(costs)
    assert money.costs == pytest.approx(316721.0 + 19230.76923076923 + 18491.12426035503, abs=1)
    assert money.net == pytest.approx(realised - costs)
    assert money.expected_net == pytest.approx(expected - costs)
    assert money.benefits == pytest.approx(pv(B2_YEARS) * B2_SCORE)
    assert money.disbenefits == pytest.approx(pv(D1_YEARS))
    # discount_rate None: the plan gives none, so the R-109 rates apply
    assert (money.currency, money.discount_rate, money.horizon_years) == ("NOK", None, 3)


def test_years_by_hand(money: gv.Money) -> None:
    assert [y.start for y in money.years] == [
        dt.date(2024, 1, 1),
        dt.date(2025, 1, 1),
        dt.date(2026, 1, 1),
    ]
    assert money.years[-1].end == dt.date(2027, 1, 1)
    assert [y.factor for y in money.years] == pytest.approx([1, 1 / 1.04, 1 / 1.04**2])
    first = money.years[0]
    assert first.benefits_expected == pytest.approx(200000 * 184 / 366)
    assert first.disbenefits_expected == -50000
    assert first.costs == pytest.approx(300000 + 20000 * 306 / 366)
    assert money.years[1].expected == pytest.approx(200000 + 100000 - 50000)
    assert money.years[1].realised == pytest.approx(200000 * B2_SCORE - 50000)
    assert money.years[1].net == pytest.approx(200000 * B2_SCORE - 50000 - 20000)
    assert sum(y.realised * y.factor for y in money.years) == pytest.approx(money.realised)


def test_categories_by_hand(money: gv.Money) -> None:
    assert list(money.categories) == ["budget", "redeployment"]
    assert money.categories["budget"].expected == pytest.approx(pv(B3_YEARS))
    assert money.categories["budget"].realised == 0
    assert money.categories["redeployment"].expected == pytest.approx(pv(B2_YEARS) + pv(D1_YEARS))
    assert money.categories["redeployment"].realised == pytest.approx(
        pv(B2_YEARS) * B2_SCORE + pv(D1_YEARS)
    )


def test_rate_override_and_bad_rate() -> None:
    ev = gv.evaluate(gv.loads(HAND_PLAN), at=AT)
    undiscounted = ev.npv(discount_rate=0.0)
    assert undiscounted.costs == pytest.approx(sum(M1_YEARS))
    with pytest.raises(ValueError, match=r"outside -0\.5 to 1"):
        ev.npv(discount_rate=-1)
    with pytest.raises(ValueError, match=r"outside -0\.5 to 1"):
        ev.npv(discount_rate=1e308)


def test_leap_year_start_and_partial_years() -> None:
    # A plan starting 29 February 2024: later years start on 28 February.
    assert add_years(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)
    assert add_years(dt.date(2024, 2, 29), 4) == dt.date(2028, 2, 29)
    bounds = year_bounds(dt.date(2024, 2, 29), 2)
    assert bounds == [dt.date(2024, 2, 29), dt.date(2025, 2, 28), dt.date(2026, 2, 28)]
    # year 0 has 365 days (2024-02-29 -> 2025-02-28), year 1 365 days.
    # A value from 2024-12-31: 59 days of year 0 (Dec 1 + Jan 31 + Feb 27).
    assert yearly(365.0, dt.date(2024, 12, 31), bounds) == pytest.approx([59.0, 365.0])
    # A value from after the horizon counts nothing; from before plan.start counts all.
    assert yearly(100.0, dt.date(2030, 1, 1), bounds) == [0.0, 0.0]
    assert yearly(100.0, dt.date(2000, 1, 1), bounds) == [100.0, 100.0]


def test_costs_after_the_horizon_and_before_start() -> None:
    plan = gv.loads(HAND_PLAN)
    plan.measures[0].start = dt.date(2030, 1, 1)  # after the 3-year horizon: no cost
    assert gv.evaluate(plan, at=AT).npv().costs == 0
    plan.measures[0].start = dt.date(2020, 1, 1)  # before plan.start: one-off in year 0
    costs = gv.evaluate(plan, at=AT).npv().costs
    assert costs == pytest.approx(300000 + pv([20000, 20000, 20000]))
    plan.measures[0].start = None  # no start: year 0, annual from plan.start
    assert gv.evaluate(plan, at=AT).npv().costs == pytest.approx(costs)


def test_default_start_is_first_january_of_earliest_date() -> None:
    text = HAND_PLAN.replace("start: 2024-01-01, ", "")
    plan = gv.loads(text)
    assert plan.start == dt.date(2023, 1, 1)  # the I1 baseline is dated 2023-10-01
    money = gv.evaluate(plan, at=AT).npv()
    assert money.years[0].start == dt.date(2023, 1, 1)
    # D1 counts from 2023-01-01: three full years
    assert money.lines["D1"].expected == pytest.approx(pv(D1_YEARS))


@settings(max_examples=200, deadline=None)
@given(
    annual=st.floats(min_value=0, max_value=1e9),
    rate=st.floats(min_value=-0.5, max_value=0.5).filter(lambda r: abs(r) > 1e-6),
    horizon=st.integers(min_value=1, max_value=60),
    year=st.integers(min_value=1990, max_value=2100),
)
def test_npv_of_a_constant_stream_is_the_closed_form(
    annual: float, rate: float, horizon: int, year: int
) -> None:
    plan = gv.Plan.new("p", "P", start=dt.date(year, 1, 1), horizon_years=horizon)
    plan.add_benefit("B1", "B", value={"annual": annual})
    money = gv.evaluate(plan, at=dt.date(year, 1, 1)).npv(discount_rate=rate)
    # annuity due: A * (1 - (1+r)^-H) / (1 - 1/(1+r))
    closed = annual * (1 - (1 + rate) ** -horizon) / (1 - 1 / (1 + rate))
    assert money.expected == pytest.approx(closed, rel=1e-9, abs=1e-6)
    assert present_value([annual] * horizon, rate) == pytest.approx(closed, rel=1e-9, abs=1e-6)
    assert money.realised == 0  # no score: an unverified gain books 0
