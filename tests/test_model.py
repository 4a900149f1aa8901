"""The model: the file format of SPEC section 1, defaults, synonyms, building in code."""

from __future__ import annotations

import datetime as dt

import pytest

import gevinst as gv

HEADER = "schema: gevinst/1\nplan: {id: p, title: Prøve}\n"


def test_defaults_applied() -> None:
    plan = gv.loads(HEADER + "measurements: [{indicator: I1, date: 2023-05-02, value: 1}]\n")
    assert plan.info.language == "nb"
    assert plan.info.currency == "NOK"
    # no rate given: None, and money follows the R-109 rates (4 % for years 0-39, as a
    # flat 0.04 did before; SPEC section 6)
    assert plan.info.discount_rate is None
    assert "discount_rate" not in plan.dumps()  # written back only when given
    assert plan.info.horizon_years == 10
    # start: 1 January of the earliest year of any date in the plan
    assert plan.start == dt.date(2023, 1, 1)


def test_explicit_start_wins() -> None:
    plan = gv.loads(HEADER.replace("title: Prøve", "title: Prøve, start: 2024-03-01"))
    assert plan.start == dt.date(2024, 3, 1)


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("ingen", "none"),
        ("liten", "low"),
        ("middels", "medium"),
        ("stor", "high"),
        ("high", "high"),
    ],
)
def test_norwegian_scale_synonyms(given: str, stored: str) -> None:
    plan = gv.loads(HEADER + f"stakeholders: [{{id: s, name: S, power: {given}}}]\n")
    assert plan.stakeholders[0].power == stored


def test_norway_problem_no_is_text() -> None:
    plan = gv.loads(HEADER + "goals: [{id: G1, name: no}, {id: G2, name: yes, description: on}]\n")
    assert plan.goals[0].name == "no"
    assert plan.goals[1].name == "yes"
    assert plan.goals[1].description == "on"


def test_contributes_to_plain_or_mapping() -> None:
    plan = gv.loads(
        HEADER
        + "goals: [{id: G1, name: Mål}]\n"
        + "benefits: [{id: B1, name: G, contributes_to: [G1, {to: G1, weight: 0.5, note: n}]}]\n"
    )
    first, second = plan.benefits[0].contributes_to
    assert (first.to, first.weight, first.note) == ("G1", None, None)
    assert (second.to, second.weight, second.note) == ("G1", 0.5, "n")


def test_unknown_keys_rejected_everywhere() -> None:
    for text in (
        "plan: {id: p, title: t, colour: red}\nschema: gevinst/1\n",
        HEADER + "indicators: [{id: I1, name: n, baseline: {date: 2024-01-01, value: 1, x: 2}}]\n",
        HEADER + "benefits: [{id: B1, name: n, value: {annual: 1, from: 2024-01-01, to: 2}}]\n",
    ):
        with pytest.raises(gv.PlanError, match="unknown key"):
            gv.loads(text)


def test_built_in_code_equals_loaded() -> None:
    text = """\
schema: gevinst/1
plan: {id: demo, title: Demo, language: en}
goals: [{id: G1, name: 'Bergens barn, byens framtid'}]
benefits:
  - id: B1
    name: Kortere ventetid
    owner: leder
    indicators: [I1]
    contributes_to: [{to: G1, weight: 0.5}]
    value: {annual: 1200000, from: 2025-01-01}
measures: [{id: M1, name: Digital innmelding, cost: {one_off: 500000}, contributes_to: [B1]}]
stakeholders: [{id: leder, name: Leder, power: stor, interest: stor}]
indicators:
  - {id: I1, name: Ventetid, direction: decrease, baseline: {date: 2024-01-01, value: 30},
     targets: [{date: 2025-12-31, value: 20}]}
measurements: [{indicator: I1, date: 2024-06-30, value: 27}]
reviews: [{date: 2024-09-01, element: B1, by: leder, status: at_risk}]
"""
    built = gv.Plan.new("demo", "Demo", language="en")
    built.add_goal("G1", "Bergens barn, byens framtid")
    built.add_benefit(
        "B1",
        "Kortere ventetid",
        owner="leder",
        indicators=["I1"],
        value={"annual": 1_200_000, "from": "2025-01-01"},
    )
    built.link("B1", "G1", weight=0.5)
    built.add_measure("M1", "Digital innmelding", cost={"one_off": 500_000})
    built.link("M1", "B1")
    built.add_stakeholder("leder", "Leder", power="stor", interest="stor")
    built.add_indicator(
        "I1",
        "Ventetid",
        direction="decrease",
        baseline={"date": "2024-01-01", "value": 30},
        targets=[{"date": "2025-12-31", "value": 20}],
    )
    built.add_measurement("I1", "2024-06-30", 27)
    built.add_review("2024-09-01", "B1", "at_risk", by="leder")
    assert built == gv.loads(text)
    assert built.dumps() == gv.loads(text).dumps()


def test_assignment_is_validated() -> None:
    plan = gv.Plan.new("p", "P")
    goal = plan.add_goal("G1", "Mål")
    with pytest.raises(ValueError):
        goal.id = "not an id"


def test_link_from_unknown_element() -> None:
    plan = gv.Plan.new("p", "P")
    with pytest.raises(KeyError):
        plan.link("nope", "G1")


def test_lookup_by_id(bergen: gv.Plan) -> None:
    assert bergen["B1"].name == "Kortere opplæringstid for nyansatte"
    assert bergen.get("missing") is None
    with pytest.raises(KeyError):
        bergen["missing"]
    kinds = {record.kind for record in bergen.records()}
    assert kinds == {
        "goal",
        "objective",
        "benefit",
        "disbenefit",
        "change",
        "measure",
        "stakeholder",
        "indicator",
    }


def test_monetised(bergen: gv.Plan) -> None:
    assert bergen["B2"].monetised  # type: ignore[union-attr]
    assert not bergen["B1"].monetised  # type: ignore[union-attr]
