"""Amounts that may be three-point estimates (SPEC section 6): read, compared, written back."""

from __future__ import annotations

import copy
import json
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gevinst as gv
from gevinst.amounts import Estimate, as_written, estimate
from gevinst.errors import PlanError

FINITE = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False)


@given(st.lists(FINITE, min_size=3, max_size=3))
def test_a_range_is_its_most_likely_number_and_keeps_its_ends(points: list[float]) -> None:
    low, likely, high = points
    amount = estimate(points)
    assert float(amount) == likely
    assert amount + 1 == likely + 1
    assert amount.points == (low, likely, high)
    assert amount.ranged
    assert amount.ordered == (low <= likely <= high)
    assert as_written(amount) == points
    assert pickle.loads(pickle.dumps(amount)).points == amount.points
    assert copy.deepcopy(amount) == amount
    assert json.loads(json.dumps(amount)) == likely


@given(FINITE)
def test_one_number_has_no_range(number: float) -> None:
    amount = estimate(number)
    assert not amount.ranged
    assert amount.points == (number, number, number)
    assert as_written(amount) == number
    assert pickle.loads(pickle.dumps(amount)).ranged is False


def test_ranges_differ_when_an_end_differs() -> None:
    assert estimate([1, 2, 3]) != estimate([1, 2, 4])
    assert estimate([1, 2, 3]) == estimate([1.0, 2.0, 3.0])
    assert estimate([2, 2, 2]) != estimate(2)  # written differently, so not the same plan
    assert estimate([1, 2, 3]) == 2.0  # against a plain number: the most likely value
    assert hash(estimate([1, 2, 3])) == hash(2.0)


@pytest.mark.parametrize(
    ("given", "words"),
    [
        ([1, 2], "is not a three-point estimate"),
        ([1, 2, 3, 4], "is not a three-point estimate"),
        ([1, "x", 3], "'x' is not a number (a three-point estimate is [low, most_likely, high])"),
        ([1, True, 3], "True is not a number"),
        ({"low": 1}, "is not a number: an amount is one number, or [low, most_likely, high]"),
        ("500000", "is not a number"),
    ],
)
def test_a_malformed_amount_is_refused_with_the_way_to_write_it(given: object, words: str) -> None:
    with pytest.raises(ValueError) as caught:
        estimate(given)
    assert words in str(caught.value)


def test_a_malformed_range_in_a_file_names_the_line_and_element() -> None:
    text = """schema: gevinst/1
plan: {id: p, title: T}
measures:
  - id: M1
    name: Tiltak
    cost: {one_off: [1, 2], annual: 0}
"""
    with pytest.raises(PlanError) as caught:
        gv.loads(text, source="plan.yaml")
    message = str(caught.value)
    assert "plan.yaml:6" in message
    assert "M1" in message and "cost.one_off" in message
    assert "[low, most_likely, high]" in message


def test_yaml_writes_a_range_on_one_line_and_reads_it_back() -> None:
    plan = gv.Plan.new("p", "T")
    plan.add_measure("M1", "Tiltak", cost={"one_off": [400000, 500000, 800000], "annual": 10})
    plan.add_benefit("B1", "Gevinst", value={"annual": [1, 2.5, 3], "ramp": [0.5]})
    text = gv.dumps(plan)
    assert "cost: {one_off: [400000, 500000, 800000], annual: 10}" in text
    assert "value: {annual: [1, 2.5, 3], ramp: [0.5]}" in text
    again = gv.loads(text)
    assert again == plan
    assert again.measures[0].cost is not None
    assert again.measures[0].cost.one_off.points == (400000, 500000, 800000)
    assert gv.loads(gv.dumps(plan, "json"), "json") == plan


def test_plan_amounts_lists_every_amount_in_file_order() -> None:
    plan = gv.Plan.new("p", "T")
    plan.add_benefit("B1", "Gevinst", value={"annual": [1, 2, 3]})
    plan.add_disbenefit("D1", "Ulempe", value={"annual": 4})
    plan.add_measure("M1", "Tiltak", cost={"one_off": 5})
    found = [(i, f, a.points) for i, f, a in plan.amounts()]
    assert found == [
        ("B1", "value.annual", (1, 2, 3)),
        ("D1", "value.annual", (4, 4, 4)),
        ("M1", "cost.one_off", (5, 5, 5)),
        ("M1", "cost.annual", (0, 0, 0)),
    ]


def test_planned_money_uses_the_most_likely_value() -> None:
    """SPEC 6: npv() and the rest use most_likely, so a range changes no planned figure."""
    plain = gv.Plan.new("p", "T", start="2025-01-01", horizon_years=3, discount_rate=0.0)
    plain.add_benefit("B1", "Gevinst", value={"annual": 1000})
    plain.add_measure("M1", "Tiltak", cost={"one_off": 300})
    ranged = plain.model_copy(deep=True)
    assert ranged.benefits[0].value is not None and ranged.measures[0].cost is not None
    ranged.benefits[0].value.annual = estimate([10, 1000, 5000])
    ranged.measures[0].cost.one_off = estimate([0, 300, 900])
    a = gv.evaluate(plain, at="2025-06-01").npv()
    b = gv.evaluate(ranged, at="2025-06-01").npv()
    assert (a.expected, a.costs) == (b.expected, b.costs) == (3000.0, 300.0)


def test_an_estimate_is_a_float_everywhere() -> None:
    assert isinstance(Estimate(3.0, low=1, high=4), float)
    assert repr(Estimate(3.0, low=1, high=4)) == "Estimate(3.0, low=1.0, high=4.0)"
    assert repr(Estimate(3.0)) == "3.0"
