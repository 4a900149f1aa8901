"""gv.simulate (SPEC section 6): triangular draws, a one-factor Gaussian copula, the
planned money of section 3 per run. Expected numbers are worked out by hand here."""

from __future__ import annotations

import json
import math
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings

import gevinst as gv
from gevinst.analysis import simulate as simulate_module
from gevinst.analysis.money import npv
from gevinst.analysis.simulate import BLOCK, CHUNK, OF, Driver, Simulation, simulate
from tests.strategies import plans

ROOT = Path(__file__).resolve().parents[2]
BERGEN = ROOT / "examples" / "bergen_barnevern" / "plan.yaml"


def _plan(body: str, *, rate: float = 0.05, horizon: int = 4, correlation: float = 0) -> gv.Plan:
    head = (
        "schema: gevinst/1\n"
        f"plan: {{id: p, title: P, start: 2025-01-01, horizon_years: {horizon}, "
        f"discount_rate: {rate}, correlation: {correlation}}}\n"
    )
    return gv.loads(head + body)


def _annuity(rate: float, years: range) -> float:
    return sum(1 / (1 + rate) ** y for y in years)


def _triangular_quantile(q: float, low: float, mode: float, high: float) -> float:
    """The inverse of the triangular CDF, from its formula."""
    if high == low:
        return low
    c = (mode - low) / (high - low)
    if q < c:
        return low + math.sqrt(q * (high - low) * (mode - low))
    return high - math.sqrt((1 - q) * (high - low) * (high - mode))


def _close(a: float, b: float, scale: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6 * scale + 1e-9)


def _assert_planned_is_npv(plan: gv.Plan, sim: Simulation) -> None:
    money = npv(plan, {})
    scale = sum(abs(float(a)) for _, _, a in plan.amounts()) * plan.info.horizon_years
    assert _close(sim.planned["benefits"], money.expected, scale)
    assert _close(sim.planned["costs"], money.costs, scale)
    assert _close(sim.planned["net"], money.expected_net, scale)


# -- the planned figures ----------------------------------------------------------------


def test_bergen_planned_equals_npv() -> None:
    plan = gv.load(BERGEN)
    sim = simulate(plan, runs=10)
    _assert_planned_is_npv(plan, sim)
    assert sim.currency == "NOK" and sim.discount_rate == plan.info.discount_rate


def test_ramp_and_end_against_a_hand_sum() -> None:
    # rate 10 %, 3 years from 2025-01-01. The benefit ramps 25 %, 50 %, then all:
    # 0.25 + 0.5/1.1 + 1/1.21 per krone. The measure pays its one-off in 2026 (year 1,
    # factor 1/1.1) and its annual cost from 2025-01-01 to 2026-06-30: all of year 0
    # and 181 of 365 days of year 1.
    plan = _plan(
        "benefits: [{id: B1, name: Tid, value: {annual: [600, 1000, 1800], ramp: [0.25, 0.5]}}]\n"
        "measures: [{id: M1, name: Sys, start: 2025-01-01, end: 2026-06-30,\n"
        "            cost: {one_off: 0, annual: [90, 100, 130]}},\n"
        "           {id: M2, name: Kurs, start: 2026-03-01, cost: {one_off: [40, 50, 80]}}]\n",
        rate=0.1,
        horizon=3,
    )
    per_benefit = 0.25 + 0.5 / 1.1 + 1 / 1.21
    per_annual = 1 + (181 / 365) / 1.1
    per_once = 1 / 1.1
    sim = simulate(plan, runs=100)
    assert sim.planned["benefits"] == pytest.approx(1000 * per_benefit, rel=1e-12)
    assert sim.planned["costs"] == pytest.approx(100 * per_annual + 50 * per_once, rel=1e-12)
    net = 1000 * per_benefit - 100 * per_annual - 50 * per_once
    assert sim.planned["net"] == pytest.approx(net, rel=1e-12)
    _assert_planned_is_npv(plan, sim)
    # the tornado: each amount alone at its low and high
    drivers = {(d.id, d.field): d for d in sim.drivers}
    b1 = drivers["B1", "value.annual"]
    assert (b1.low, b1.high) == pytest.approx((net - 400 * per_benefit, net + 800 * per_benefit))
    m1 = drivers["M1", "cost.annual"]
    assert (m1.low, m1.high) == pytest.approx((net + 10 * per_annual, net - 30 * per_annual))
    m2 = drivers["M2", "cost.one_off"]
    assert (m2.low, m2.high) == pytest.approx((net + 10 * per_once, net - 30 * per_once))
    assert m2.swing == pytest.approx(40 * per_once)
    # M1's one_off (0, no range) is not uncertain; largest swing first
    assert sim.uncertain == 3
    assert [d.id for d in sim.drivers] == ["B1", "M1", "M2"]
    # every run lies within the sum of the extremes
    values = sim.values()
    assert values.min() >= net - 800 * per_benefit - 30 * per_annual - 30 * per_once
    assert values.max() <= net + 800 * per_benefit + 10 * per_annual + 10 * per_once


def test_a_disbenefit_counts_negative_and_a_cost_after_the_horizon_nothing() -> None:
    plan = _plan(
        "disbenefits: [{id: D1, name: Støy, value: {annual: [10, 20, 40]}}]\n"
        "measures: [{id: M1, name: Sen, start: 2040-01-01, cost: {one_off: [1, 2, 3]}}]\n",
        rate=0.0,
        horizon=2,
    )
    sim = simulate(plan, runs=500)
    assert sim.planned == {"benefits": -40.0, "costs": 0.0, "net": -40.0}
    assert sim.values("benefits").min() >= -80 and sim.values("benefits").max() <= -20
    assert (sim.values("costs") == 0).all()
    assert [(d.id, d.low, d.high) for d in sim.drivers] == [("D1", -20.0, -80.0), ("M1", -40, -40)]


def test_without_ranges_every_run_is_planned() -> None:
    plan = _plan(
        "benefits: [{id: B1, name: Tid, value: {annual: 1000}}]\n"
        "measures: [{id: M1, name: Sys, cost: {one_off: 300, annual: 50}}]\n",
        correlation=0.5,
    )
    sim = simulate(plan, runs=300, seed=4)
    assert sim.uncertain == 0 and sim.drivers == ()
    for of in OF:
        assert (sim.values(of) == sim.planned[of]).all()
        assert sim.percentile(85, of) == sim.planned[of]
    assert sim.planned["net"] == pytest.approx(950 * _annuity(0.05, range(4)) - 300)


# -- the draws ---------------------------------------------------------------------------


def test_the_mean_is_the_triangular_mean_times_the_annuity_factor() -> None:
    a, m, b, r, h, runs = 200.0, 500.0, 1400.0, 0.04, 10, 40_000
    plan = _plan(
        f"benefits: [{{id: B1, name: Tid, value: {{annual: [{a}, {m}, {b}]}}}}]\n",
        rate=r,
        horizon=h,
    )
    sim = simulate(plan, runs=runs, seed=11)
    annuity = _annuity(r, range(h))
    variance = (a * a + m * m + b * b - a * m - a * b - m * b) / 18
    error = math.sqrt(variance) * annuity / math.sqrt(runs)
    assert abs(sim.mean("benefits") - (a + m + b) / 3 * annuity) < 4 * error
    assert sim.mean("costs") == 0 and sim.mean("net") == sim.mean("benefits")
    assert sim.planned["benefits"] == pytest.approx(m * annuity)


@pytest.mark.parametrize("rho", [0.0, 0.4])
@pytest.mark.parametrize("points", [(100.0, 200.0, 500.0), (0.0, 0.0, 90.0), (5.0, 9.0, 9.0)])
def test_one_amount_has_the_triangular_quantiles(
    rho: float, points: tuple[float, float, float]
) -> None:
    # horizon 1, no costs: benefits of a run = the drawn amount
    low, likely, high = points
    plan = _plan(
        f"benefits: [{{id: B1, name: En, value: {{annual: [{low}, {likely}, {high}]}}}}]\n",
        horizon=1,
        correlation=rho,
    )
    sim = simulate(plan, runs=20_000, seed=4)
    for p in (5, 10, 50, 85, 90, 99):
        expected = _triangular_quantile(p / 100, *points)
        assert abs(sim.percentile(p, "benefits") - expected) < 0.01 * (high - low), p
    assert low <= sim.values("benefits").min() <= sim.values("benefits").max() <= high


_SEVERAL = (
    "benefits:\n"
    "  - {id: B1, name: En, value: {annual: [100, 200, 500]}}\n"
    "  - {id: B2, name: To, value: {annual: [50, 300, 310], from: 2026-01-01}}\n"
    "  - {id: B3, name: Tre, value: {annual: [0, 0, 90]}}\n"
    "measures:\n"
    "  - {id: M1, name: Sys, cost: {one_off: [400, 500, 900], annual: [20, 20, 20]}}\n"
    "  - {id: M2, name: Kurs, cost: {annual: [10, 40, 45]}}\n"
)


def test_correlation_one_puts_every_amount_at_the_same_quantile() -> None:
    r, h = 0.05, 4
    sim = simulate(_plan(_SEVERAL, rate=r, horizon=h, correlation=1), runs=20_000, seed=3)
    all_years, from_1 = _annuity(r, range(h)), _annuity(r, range(1, h))
    benefits = [((100, 200, 500), all_years), ((50, 300, 310), from_1), ((0, 0, 90), all_years)]
    costs = [((400, 500, 900), 1.0), ((20, 20, 20), all_years), ((10, 40, 45), all_years)]
    for of, amounts in (("benefits", benefits), ("costs", costs)):
        span = sum(coef * (hi - lo) for (lo, _, hi), coef in amounts)
        for p in (10, 50, 85, 90):
            expected = sum(coef * _triangular_quantile(p / 100, *pts) for pts, coef in amounts)
            assert abs(sim.percentile(p, of) - expected) < 0.01 * span, (of, p)


def test_correlation_widens_the_spread_of_a_sum() -> None:
    # Independent amounts partly cancel each other's deviations; fully correlated ones
    # add them up, so P90 - P10 of the sum is wider.
    spreads = []
    for rho in (0, 1):
        sim = simulate(_plan(_SEVERAL, correlation=rho), runs=5000, seed=2)
        spreads.append(sim.percentile(90, "benefits") - sim.percentile(10, "benefits"))
    assert spreads[1] > 1.3 * spreads[0]


def _ranks(x: np.ndarray) -> np.ndarray:
    ranks = np.empty(len(x))
    ranks[np.argsort(x)] = np.arange(len(x))
    return ranks


@pytest.mark.parametrize("rho", [0.0, 0.5, 1.0])
def test_the_rank_correlation_of_two_amounts_is_the_plans(rho: float) -> None:
    # One uncertain benefit and one uncertain cost: benefits and costs of a run are each
    # increasing in one amount, so their rank correlation is the two amounts'. A Gaussian
    # copula with correlation rho has rank (Spearman) correlation 6/pi * asin(rho / 2).
    plan = _plan(
        "benefits: [{id: B1, name: En, value: {annual: [100, 200, 500]}}]\n"
        "measures: [{id: M1, name: Sys, cost: {one_off: [10, 40, 45]}}]\n",
        correlation=rho,
    )
    sim = simulate(plan, runs=20_000, seed=9)
    spearman = np.corrcoef(_ranks(sim.values("benefits")), _ranks(sim.values("costs")))[0, 1]
    assert spearman == pytest.approx(6 / math.pi * math.asin(rho / 2), abs=0.03)


def test_the_same_seed_gives_the_same_runs() -> None:
    plan = _plan(_SEVERAL, correlation=0.3)
    one, two = simulate(plan, runs=1000, seed=5), simulate(plan, runs=1000, seed=5)
    for of in OF:
        assert np.array_equal(one.values(of), two.values(of))
    assert not np.array_equal(one.values(), simulate(plan, runs=1000, seed=6).values())
    assert one.seed == 5 and one.runs == 1000 and one.correlation == 0.3


@pytest.mark.parametrize("rho", [0, 0.3, 1])
def test_runs_not_a_multiple_of_the_chunk_and_fewer_runs_are_a_prefix(rho: float) -> None:
    plan = _plan(_SEVERAL, correlation=rho)
    many = simulate(plan, runs=3 * CHUNK + 7, seed=1)
    assert len(many.values()) == 3 * CHUNK + 7
    assert np.isfinite(many.values()).all()
    few = simulate(plan, runs=CHUNK + 1, seed=1)
    assert np.array_equal(few.values(), many.values()[: CHUNK + 1])
    assert len(simulate(plan, runs=1).values()) == 1


@pytest.mark.parametrize("rho", [0, 0.3])
def test_the_runs_cross_blocks_and_are_the_same_on_one_core_or_many(
    rho: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = _plan(_SEVERAL, correlation=rho)
    runs = 2 * BLOCK + CHUNK + 3  # three blocks, the last not whole
    by_cores = {}
    pools = []

    class Pool(ThreadPoolExecutor):
        def __init__(self, workers: int) -> None:
            pools.append(workers)
            super().__init__(workers)

    monkeypatch.setattr(simulate_module, "ThreadPoolExecutor", Pool)
    for cores in (1, 2, 5):
        monkeypatch.setattr(simulate_module, "_cores", lambda cores=cores: cores)
        by_cores[cores] = simulate(plan, runs=runs, seed=7).values()
    assert pools == [2, 3]  # one core draws alone; five draw the three blocks on three
    assert np.array_equal(by_cores[1], by_cores[2]) and np.array_equal(by_cores[1], by_cores[5])
    # the blocks are different streams: no block repeats the first one's runs
    first, second = by_cores[1][:BLOCK], by_cores[1][BLOCK : 2 * BLOCK]
    assert not np.array_equal(first, second)
    fewer = simulate(plan, runs=BLOCK + 1, seed=7).values()
    assert np.array_equal(fewer, by_cores[1][: BLOCK + 1])


def test_values_is_a_copy() -> None:
    sim = simulate(_plan(_SEVERAL), runs=10)
    values = sim.values()
    values[:] = 0
    assert (sim.values() != 0).any()


def test_probability_below_is_the_share_of_runs() -> None:
    sim = simulate(_plan(_SEVERAL, correlation=0.2), runs=999, seed=8)
    values = sim.values()
    for x in (-1e9, sim.percentile(30), float(np.median(values)), 1e9):
        assert sim.probability_below(x) == sum(1 for v in values if v < x) / 999
    costs = sim.values("costs")
    assert sim.probability_below(600, "costs") == sum(1 for v in costs if v < 600) / 999


def test_summary_is_plain_json() -> None:
    sim = simulate(_plan(_SEVERAL), runs=200)
    data = json.loads(json.dumps(sim.summary()))
    # M1's annual [20, 20, 20] carries a range too, of one point
    assert data["runs"] == 200 and data["uncertain"] == 6 and data["correlation"] == 0
    assert data["net"]["p85"] == sim.percentile(85) and data["costs"]["mean"] == sim.mean("costs")
    assert data["benefits"]["planned"] == sim.planned["benefits"]
    assert data["probability_negative"] == sim.probability_below(0)
    first = sim.drivers[0]
    assert data["drivers"][0] == {
        "id": first.id, "field": first.field, "name": first.name,
        "low": first.low, "high": first.high, "swing": first.swing,
    }  # fmt: skip
    assert Driver("B1", "value.annual", "En", 3.0, 1.0).swing == 2.0


# -- what is refused ----------------------------------------------------------------------


@pytest.mark.parametrize("runs", [0, -5, 1_000_001, 2.5, True, "100"])
def test_bad_runs_are_refused(runs: object) -> None:
    with pytest.raises(ValueError, match="whole number of runs from 1 to 1,000,000"):
        simulate(_plan(_SEVERAL), runs=runs)  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", [-1, 1.5, None])
def test_bad_seeds_are_refused(seed: object) -> None:
    with pytest.raises(ValueError, match="seed"):
        simulate(_plan(_SEVERAL), seed=seed)  # type: ignore[arg-type]


def test_a_range_out_of_order_is_refused_with_element_and_field() -> None:
    plan = _plan("measures: [{id: M7, name: Sys, cost: {annual: [50, 40, 60]}}]\n")
    with pytest.raises(gv.PlanError, match=r"M7 cost.annual.*low <= most_likely <= high") as exc:
        simulate(plan)
    assert exc.value.element == "M7" and exc.value.field == "cost.annual"
    plan = _plan("benefits: [{id: B2, name: En, value: {annual: [1, 3, 2]}}]\n")
    with pytest.raises(gv.PlanError, match=r"B2 value\.annual"):
        simulate(plan)


@pytest.mark.parametrize("rho", [1.5, -0.1, float("nan")])
def test_a_correlation_outside_0_to_1_is_refused(rho: float) -> None:
    plan = _plan(_SEVERAL)
    plan.info.correlation = rho
    with pytest.raises(gv.PlanError, match=r"correlation is .* lies between 0 .* and 1"):
        simulate(plan)


def test_non_finite_and_huge_amounts_are_refused() -> None:
    for amounts, words in (("[.nan, 1, 2]", "not a finite"), ("[1, 2, .inf]", "not a finite"),
                           ("[0, 1, 1e16]", "beyond")):  # fmt: skip
        plan = _plan(f"benefits: [{{id: B1, name: En, value: {{annual: {amounts}}}}}]\n")
        with pytest.raises(gv.PlanError, match=words):
            simulate(plan)


def test_gv_simulate_is_this_function() -> None:
    assert gv.simulate is simulate and gv.Simulation is Simulation


# -- any plan ----------------------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_any_plan(plan: gv.Plan) -> None:
    sim = simulate(plan, runs=64 + 9, seed=0)
    _assert_planned_is_npv(plan, sim)
    scale = sum(abs(a.low) + abs(a.high) for _, _, a in plan.amounts()) * plan.info.horizon_years
    tol = 1e-9 * scale + 1e-9
    for of in OF:
        p = [sim.percentile(q, of) for q in (0, 10, 50, 85, 90, 100)]
        assert p == sorted(p)
    # Each amount alone moves net between its driver's low and high, so a run lies
    # within the planned net plus every amount's most downward and most upward move.
    net = sim.planned["net"]
    down = sum(min(d.low, d.high) - net for d in sim.drivers)
    up = sum(max(d.low, d.high) - net for d in sim.drivers)
    values = sim.values()
    assert values.min() >= net + down - tol
    assert values.max() <= net + up + tol
    assert sim.uncertain == len(sim.drivers)
    swings = [d.swing for d in sim.drivers]
    assert swings == sorted(swings, reverse=True)
    if sim.uncertain == 0:
        assert (values == net).all()


@pytest.mark.parametrize("p", [-1, 100.5, float("nan"), True])
def test_a_percentile_outside_0_to_100_is_refused(p: float) -> None:
    with pytest.raises(ValueError, match="from 0 to 100"):
        simulate(_plan(_SEVERAL), runs=10).percentile(p)


def test_an_unknown_figure_is_refused() -> None:
    sim = simulate(_plan(_SEVERAL), runs=10)
    for call in (sim.values, sim.mean, sim.probability_below):
        with pytest.raises(ValueError, match="benefits, costs, net"):
            call(of="profit")
    assert sim.percentile(0) == sim.values().min() and sim.percentile(100) == sim.values().max()
