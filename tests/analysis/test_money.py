"""Money (SPEC section 3) checked against numbers worked out by hand."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gevinst as gv
from gevinst.analysis.limits import add_years
from gevinst.analysis.money import npv, present_value, year_bounds, yearly
from tests.analysis.test_evaluate import AT, B2_SCORE, HAND_PLAN

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


# -- SPEC section 6: the R-109 rates when the plan gives none, and a measure's end ---------


def _long_plan(rate: float | None, horizon: int = 50) -> gv.Plan:
    """1 000 kroner a year from 2000-01-01 for ``horizon`` years (every year full)."""
    plan = gv.Plan.new("p", "P", start="2000-01-01", horizon_years=horizon, discount_rate=rate)
    plan.add_benefit("B1", "Gevinst", value={"annual": 1000, "from": "2000-01-01"})
    return plan


def test_r109_factors_by_hand() -> None:
    money = gv.evaluate(_long_plan(None, 100), at="2000-01-01").npv()
    factors = [y.factor for y in money.years]
    # 4 % for the years k = 0..39 before year y, 3 % for k = 40..74, 2 % from k = 75
    assert factors[0] == 1.0
    assert factors[39] == pytest.approx(1 / 1.04**39)
    assert factors[40] == pytest.approx(1 / 1.04**40)  # years 0..39 at 4 %
    assert factors[41] == pytest.approx(1 / 1.04**40 * 1 / 1.03)  # and year 40 at 3 %
    assert factors[75] == pytest.approx(1 / (1.04**40 * 1.03**35))
    assert factors[80] == pytest.approx(1 / (1.04**40 * 1.03**35 * 1.02**5))
    assert factors[99] == pytest.approx(1 / (1.04**40 * 1.03**35 * 1.02**24))
    # 1/1.04^40 = 0.20829, / 1.03 = 0.20222 (a flat 4 % would give 1/1.04^41 = 0.20028)
    assert factors[41] == pytest.approx(0.2022, abs=1e-4)
    assert money.discount_rate is None


def test_fifty_years_without_a_rate_against_a_flat_four_percent() -> None:
    r109 = gv.evaluate(_long_plan(None), at="2000-01-01").npv()
    flat = gv.evaluate(_long_plan(0.04), at="2000-01-01").npv()
    # Flat 4 %: an annuity due, 1000 * (1 - 1.04^-50) / (1 - 1/1.04)
    #   = 1000 * (1 - 0.140713) / 0.0384615 = 22 341.5
    assert flat.expected == pytest.approx(1000 * (1 - 1.04**-50) / (1 - 1 / 1.04))
    assert flat.expected == pytest.approx(22341.5, abs=0.1)
    # years 0..40 as at 4 % (41 years), then years 41..49 at the factor
    # 1/1.04^40 times 1/1.03^j for j = 1..9.
    first = 1000 * (1 - 1.04**-41) / (1 - 1 / 1.04)  # (1 - 0.200278) / 0.0384615 = 20 792.8
    rest = 1000 / 1.04**40 * sum(1 / 1.03**j for j in range(1, 10))  # 208.289 * 7.78611 = 1 621.8
    assert r109.expected == pytest.approx(first + rest)
    assert r109.expected == pytest.approx(22414.5, abs=0.1)
    assert r109.expected > flat.expected  # lower rates after year 40: worth more today


@settings(max_examples=50, deadline=None)
@given(horizon=st.integers(min_value=1, max_value=40), annual=st.floats(0, 1e12))
def test_within_forty_years_r109_is_a_flat_four_percent(horizon: int, annual: float) -> None:
    plans = [_long_plan(rate, horizon) for rate in (None, 0.04)]
    for plan in plans:
        plan.benefits[0].value = gv.Value(annual=annual)
    r109, flat = (gv.evaluate(plan, at="2000-01-01").npv() for plan in plans)
    assert r109.expected == flat.expected  # the same floats, not only close
    assert [y.factor for y in r109.years] == [y.factor for y in flat.years]


def test_a_given_rate_is_flat_and_written_back() -> None:
    assert "discount_rate: 0.04" in gv.dumps(_long_plan(0.04))
    assert "discount_rate" not in gv.dumps(_long_plan(None))
    money = gv.evaluate(_long_plan(0.04), at="2000-01-01").npv()
    assert money.years[41].factor == pytest.approx(1 / 1.04**41)
    assert money.discount_rate == 0.04


def test_rate_is_shown_as_r109_in_every_language() -> None:
    from gevinst.report import report_bytes
    from gevinst.report.tables import json_text, text_table

    ev = gv.evaluate(_long_plan(None), at="2000-01-01")
    assert "kalkulasjonsrente R-109 (4/3/2\u00a0%)" in text_table(ev, "nb")
    assert "discount rate R-109 (4/3/2%)" in text_table(ev, "en")
    assert '"discount_rule": "R-109"' in json_text(ev)
    markdown = report_bytes(_long_plan(None), "md", language="nb").decode()
    assert "kalkulasjonsrente R-109 (4/3/2\u00a0%)" in markdown
    flat = report_bytes(_long_plan(0.035), "md", language="en").decode()
    assert "discount rate 3.5%" in flat


# A measure from 2024-03-01 to 2025-06-30 (its last day), 36 500 a year, in the 3-year
# hand plan (2024 has 366 days, 2025 and 2026 365):
#   2024: 2024-03-01 .. 2024-12-31 = 306 days -> 36 500 * 306 / 366 = 30 516.39
#   2025: 2025-01-01 .. 2025-06-30 = 181 days -> 36 500 * 181 / 365 = 18 100
#   2026: nothing (it has ended)
ENDED_YEARS = [300000 + 36500 * 306 / 366, 36500 * 181 / 365, 0.0]


def test_a_measure_stops_costing_after_its_end() -> None:
    plan = gv.loads(HAND_PLAN)
    plan.measures[0].cost = gv.Cost(one_off=300000, annual=36500)
    plan.measures[0].end = dt.date(2025, 6, 30)
    line = gv.evaluate(plan, at=AT).npv().costs_by_measure["M1"]
    assert line.by_year == pytest.approx(tuple(ENDED_YEARS))
    assert line.by_year[1] == pytest.approx(18100)
    assert line.costs == pytest.approx(pv(ENDED_YEARS))
    # ending on the last day of the horizon (2026-12-31) or later costs every day
    plan.measures[0].end = dt.date(2026, 12, 31)
    full = gv.evaluate(plan, at=AT).npv().costs_by_measure["M1"].by_year
    assert full[1:] == pytest.approx((36500, 36500))
    # without a start it runs from plan.start: 2024-01-01 .. 2024-01-31 is 31 days
    plan.measures[0].start = None
    plan.measures[0].end = dt.date(2024, 1, 31)
    early = gv.evaluate(plan, at=AT).npv().costs_by_measure["M1"].by_year
    assert early == pytest.approx((300000 + 36500 * 31 / 366, 0.0, 0.0))


def test_end_round_trips_through_yaml_json_and_excel(tmp_path: Path) -> None:
    plan = gv.loads(HAND_PLAN)
    plan.measures[0].end = dt.date(2025, 6, 30)
    for name in ("plan.yaml", "plan.json", "plan.xlsx"):
        gv.save(plan, tmp_path / name)
        again = gv.load(tmp_path / name)
        assert again.measures[0].end == dt.date(2025, 6, 30)
        assert again.info.discount_rate is None
        assert again == plan


@settings(max_examples=100, deadline=None)
@given(
    start=st.integers(0, 1000),
    length=st.integers(0, 1500),
    shorter=st.integers(0, 1500),
    annual=st.floats(0, 1e12),
)
def test_an_earlier_end_never_costs_more(
    start: int, length: int, shorter: int, annual: float
) -> None:
    plan = gv.Plan.new("p", "P", start="2024-01-01", horizon_years=5)
    first = dt.date(2024, 1, 1) + dt.timedelta(days=start)
    end = first + dt.timedelta(days=length)
    plan.add_measure("M1", "Tiltak", start=first, end=end, cost={"annual": annual})
    later = gv.evaluate(plan, at="2024-01-01").npv().costs
    plan.measures[0].end = first + dt.timedelta(days=min(shorter, length))
    earlier = gv.evaluate(plan, at="2024-01-01").npv().costs
    assert 0 <= earlier <= later * (1 + 1e-12)
    # every booked day is one 365th or 366th of the annual cost: at most length+1 days
    assert later <= annual * (length + 1) / 365 + 1e-6


# -- limits: the money code refuses what it cannot carry, even without check -------------


def test_npv_refuses_values_beyond_the_limits_without_check() -> None:
    plan = gv.loads(HAND_PLAN)
    ev = gv.evaluate(plan, at=AT)
    plan.benefits[2].value = gv.Value(annual=1e308)  # changed after evaluate: unchecked
    with pytest.raises(gv.PlanError, match=r"\[B2 value\.annual\].*1e\+308.*1e15"):
        npv(ev.plan, {})
    plan.benefits[2].value = gv.Value(annual=1)
    plan.info.start = dt.date(9999, 1, 1)
    with pytest.raises(gv.PlanError, match="2200-12-31"):
        npv(ev.plan, {})


def test_dates_cannot_reach_year_ten_thousand() -> None:
    with pytest.raises(gv.PlanError, match="after 2200-12-31"):
        add_years(dt.date(9999, 1, 1), 1)
    with pytest.raises(gv.PlanError, match="horizon of 10 years from 2195-01-01"):
        year_bounds(dt.date(2195, 1, 1), 10)
    assert year_bounds(dt.date(2191, 1, 1), 10)[-1] == dt.date(2201, 1, 1)


def test_docs_limits_page_shows_what_gevinst_prints(tmp_path: Path) -> None:
    """docs/limits.md: the page is replayed and the limits it names are the code's."""
    from gevinst.analysis import limits
    from tests.test_docs_guides import DOCS, replay

    text = (DOCS / "limits.md").read_text("utf-8")
    problems = replay(text, tmp_path)
    assert not problems, "\n\n".join(problems)
    assert (tmp_path / "plan.json").exists()
    assert (limits.MAX_AMOUNT, limits.MAX_RATE, limits.MIN_RATE) == (1e15, 1.0, -0.5)
    assert str(limits.LAST_DATE) in text and "±1e15" in text and "−0.5 to 1" in text


@settings(max_examples=150, deadline=None)
@given(
    amounts=st.lists(st.floats(0, 1e15), min_size=3, max_size=3),
    rate=st.none() | st.floats(0, 1.0),
    horizon=st.integers(1, 200),
    start=st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)),
    score=st.floats(0, 1),
)
def test_money_within_the_limits_is_always_finite(
    amounts: list[float], rate: float | None, horizon: int, start: dt.date, score: float
) -> None:
    """Any plan GV007 lets through gives finite money, however extreme it is."""
    plan = gv.Plan.new("p", "P", start=start, horizon_years=horizon, discount_rate=rate)
    plan.add_benefit("B1", "B", value={"annual": amounts[0]})
    plan.add_disbenefit("D1", "D", value={"annual": amounts[1]})
    plan.add_measure("M1", "M", cost={"one_off": amounts[2], "annual": amounts[2]})
    if any(f.code == "GV007" for f in gv.check(plan)):
        # only the horizon can be beyond the limits here: it runs past 2200-12-31
        assert start.year + horizon > 2200
        # and the money code refuses it even without check (Evaluation built directly)
        with pytest.raises(gv.PlanError, match=r"\[p horizon_years\] the horizon of"):
            gv.Evaluation(plan, start).npv()
        return
    money = gv.evaluate(plan, at=start).npv()
    for value in (money.expected, money.realised, money.costs, money.net):
        assert math.isfinite(value)
    assert all(math.isfinite(y.factor) and 0 < y.factor <= 1 for y in money.years)


# Optimism bias and ranges, worked by hand. A flat rate of 25 % makes the factors exact:
# year 0 (2025) counts 1, year 1 (2026) counts 1 / 1.25 = 0.8, so an annual amount from
# the start counts 1.8 times.
BIASED_PLAN = """
schema: gevinst/1
plan:
  id: biased
  title: Optimisme
  start: 2025-01-01
  horizon_years: 2
  discount_rate: 0.25
  optimism_bias: {costs: 0.2, benefits: 0.1}
benefits:
  - {id: B1, name: Kortere ventetid, value: {annual: [80000, 100000, 150000]}}
disbenefits:
  - {id: D1, name: Mer rapportering, value: {annual: [5000, 10000, 20000]}}
measures:
  - id: M1
    name: Digital innmelding
    start: 2025-01-01
    cost: {one_off: [40000, 50000, 70000], annual: 20000}
"""


@pytest.fixture
def biased() -> gv.Money:
    return npv(gv.loads(BIASED_PLAN), {"B1": 0.5})


def test_unadjusted_figures_stay_as_planned(biased: gv.Money) -> None:
    assert biased.lines["B1"].expected == pytest.approx(100000 * 1.8)  # 180 000
    assert biased.lines["B1"].realised == pytest.approx(90000)  # score 0.5
    assert biased.lines["D1"].expected == pytest.approx(-18000)  # no score: counted in full
    assert biased.costs == pytest.approx(50000 + 20000 * 1.8)  # 86 000
    assert biased.expected == pytest.approx(180000 - 18000)
    assert biased.realised == pytest.approx(90000 - 18000)
    assert biased.net == pytest.approx(72000 - 86000)
    assert biased.expected_net == pytest.approx(162000 - 86000)


def test_optimism_bias_by_hand(biased: gv.Money) -> None:
    adjusted = biased.adjusted
    assert adjusted is not None
    assert (adjusted.costs_share, adjusted.benefits_share) == (0.2, 0.1)
    # benefits times 0.9; the dis-benefit stays -18 000; costs times 1.2
    assert adjusted.benefits_expected == pytest.approx(162000)
    assert adjusted.benefits_realised == pytest.approx(81000)
    assert adjusted.expected == pytest.approx(162000 - 18000)  # 144 000
    assert adjusted.realised == pytest.approx(81000 - 18000)  # 63 000
    assert adjusted.costs == pytest.approx(103200)
    assert adjusted.net == pytest.approx(63000 - 103200)  # -40 200
    assert adjusted.expected_net == pytest.approx(144000 - 103200)  # 40 800


def test_ranges_by_hand(biased: gv.Money) -> None:
    b1, d1, m1 = biased.lines["B1"], biased.lines["D1"], biased.costs_by_measure["M1"]
    assert (b1.low, b1.high) == pytest.approx((80000 * 1.8, 150000 * 1.8))
    assert (d1.low, d1.high) == pytest.approx((-9000, -36000))  # signed: a loss
    assert (m1.low, m1.high) == pytest.approx((40000 + 36000, 70000 + 36000))
    assert biased.ranged
    assert biased.expected_range("benefit") == pytest.approx((144000, 270000))
    assert biased.expected_range("disbenefit") == pytest.approx((-36000, -9000))
    assert biased.expected_range() == pytest.approx((108000, 261000))
    assert biased.costs_range() == pytest.approx((76000, 106000))
    assert biased.expected_net_range() == pytest.approx((108000 - 106000, 261000 - 76000))


def test_no_bias_no_ranges_nothing_added() -> None:
    plain = BIASED_PLAN.replace("  optimism_bias: {costs: 0.2, benefits: 0.1}\n", "")
    for old, new in (
        ("[80000, 100000, 150000]", "100000"),
        ("[5000, 10000, 20000]", "10000"),
        ("[40000, 50000, 70000]", "50000"),
    ):
        plain = plain.replace(old, new)
    money = npv(gv.loads(plain), {"B1": 0.5})
    assert money.adjusted is None
    assert not money.ranged
    assert money.lines["B1"].low is None and money.costs_by_measure["M1"].high is None
    assert money.expected_net_range() == (money.expected_net, money.expected_net)
    assert money.net == pytest.approx(72000 - 86000)  # the same figures as with ranges


def test_zero_bias_adjusts_nothing() -> None:
    plan = gv.loads(BIASED_PLAN.replace("{costs: 0.2, benefits: 0.1}", "{costs: 0, benefits: 0}"))
    money = npv(plan, {"B1": 0.5})
    assert money.adjusted is not None
    assert money.adjusted.net == pytest.approx(money.net)
    assert money.adjusted.expected_net == pytest.approx(money.expected_net)
