"""The model: the file format of SPEC section 1, defaults, synonyms, building in code."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

import gevinst as gv

ROOT = Path(__file__).resolve().parents[1]

HEADER = "schema: gevinst/1\nplan: {id: p, title: Prøve}\n"


def test_defaults_applied() -> None:
    plan = gv.loads(HEADER + "measurements: [{indicator: I1, date: 2023-05-02, value: 1}]\n")
    assert plan.info.language == "nb"
    assert plan.info.currency == "NOK"
    # no rate given: None, and money follows the R-109 rates (4 % for years 0-39, as a
    # flat 0.04 did before; SPEC section 6)
    assert plan.info.discount_rate is None
    assert "discount_rate" not in gv.dumps(plan)  # written back only when given
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
    assert gv.dumps(built) == gv.dumps(gv.loads(text))


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


@pytest.mark.parametrize("kind", ["goals", "stakeholders", "indicators"])
def test_a_name_is_a_label_of_at_most_500_characters(kind: str) -> None:
    from gevinst.field_types import MAX_NAME

    def plan(name: str) -> str:
        return f"schema: gevinst/1\nplan: {{id: p, title: T}}\n{kind}:\n- id: X1\n  name: {name}\n"

    assert MAX_NAME == 500
    assert gv.loads(plan("æ" * 500)).records()  # 500 characters, not bytes
    with pytest.raises(gv.PlanError) as info:
        gv.loads(plan("x" * 501), source="p.yaml")
    message = str(info.value)
    assert message.startswith("p.yaml:5:3: [X1 name]"), message
    assert "at most 500 characters, this one has 501" in message
    assert "description" in message  # where longer text goes
    with pytest.raises(ValueError, match="at most 500"):
        gv.Plan.new("p", "P").add_goal("G1", "x" * 501)


def test_the_old_plan_shortcuts_warn_and_still_work(tmp_path: Path) -> None:
    # Plan.graph, Plan.save and Plan.dumps moved to gv.build_graph, gv.save and gv.dumps;
    # the old spellings stay one release, with a warning that names the new one.
    plan = gv.load(ROOT / "examples" / "minimal.yaml")
    with pytest.warns(DeprecationWarning, match=r"gv\.build_graph\(plan\)"):
        graph = plan.graph
    assert sorted(graph.edges) == sorted(gv.build_graph(plan).edges)
    with pytest.warns(DeprecationWarning, match=r"gv\.dumps\(plan, format\)"):
        text = plan.dumps("json")
    assert text == gv.dumps(plan, "json")
    with pytest.warns(DeprecationWarning, match=r"gv\.save\(plan, path\)"):
        saved = plan.save(tmp_path / "plan.yaml")
    assert gv.load(saved) == plan
    # Jupyter's display is no shortcut to deprecate: it shows the map without a warning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert "<svg" in plan._repr_svg_()


@pytest.mark.parametrize(
    ("field", "given", "stored"),
    [
        # measures, indicators, benefits, stakeholders and reviews: the nb word, any case
        ("measures: [{id: M1, name: T, status: %s}]", "planlagt", "planned"),
        ("measures: [{id: M1, name: T, status: %s}]", "Idé", "idea"),
        ("measures: [{id: M1, name: T, status: %s}]", "innført", "implemented"),
        ("indicators: [{id: I1, name: I, direction: %s}]", "nedgang", "decrease"),
        ("indicators: [{id: I1, name: I, direction: %s}]", "Økning", "increase"),
        ("benefits: [{id: B1, name: G, type: %s}]", "effektivisering", "efficiency"),
        ("benefits: [{id: B1, name: G, type: %s}]", "andre aktører", "other_actors"),
        ("benefits: [{id: B1, name: G, category: %s}]", "ikke prissatt", "non_priced"),
        ("benefits: [{id: B1, name: G, category: %s}]", "omdisponering", "redeployment"),
        ("benefits: [{id: B1, name: G, risk: %s}]", "høy", "high"),
        ("stakeholders: [{id: S, name: S, attitude: %s}]", "nøytral", "neutral"),
        ("stakeholders: [{id: S, name: S, attitude: %s}]", "motstand", "resistant"),
        ("reviews: [{date: 2025-01-01, element: B1, status: %s}]", "I  rute", "on_track"),
        ("reviews: [{date: 2025-01-01, element: B1, status: %s}]", "ikke_målt", "not_measured"),
        ("reviews: [{date: 2025-01-01, element: B1, status: %s}]", "off-track", "off_track"),
    ],
)
def test_norwegian_words_for_closed_values(field: str, given: str, stored: str) -> None:
    plan = gv.loads(HEADER + field % given + "\n")
    section = field.split(":")[0]
    record = getattr(plan, section)[0]
    name = field.split("%s")[0].rsplit(",", 1)[1].split(":")[0].strip()
    assert getattr(record, name) == stored
    # written back in the canonical form (docs/format.md), and read back the same
    text = gv.dumps(plan)
    assert f"{name}: {stored}" in text
    assert given not in text
    assert getattr(getattr(gv.loads(text), section)[0], name) == stored


def test_norwegian_impact_words() -> None:
    plan = gv.loads(HEADER + "stakeholders: [{id: S, name: S, impacts: {B1: Negativ}}]\n")
    assert plan.stakeholders[0].impacts == {"B1": "negative"}


def test_unknown_closed_word_refused_with_the_codes() -> None:
    with pytest.raises(gv.PlanError) as info:
        gv.loads(HEADER + "measures: [{id: M1, name: T, status: påbegynt}]\n")
    message = str(info.value)
    assert "'påbegynt'" in message
    assert "'planned'" in message


def test_closed_lists_are_the_models() -> None:
    """Each word table covers exactly the codes the model's field accepts."""
    from typing import Literal, get_args, get_origin

    from gevinst import field_types, model

    def codes(annotation: object) -> set[object]:
        if get_origin(annotation) is Literal:
            return set(get_args(annotation))
        return set().union(*(codes(a) for a in get_args(annotation)))

    fields = {
        "status": model.Measure.model_fields["status"],
        "direction": model.Indicator.model_fields["direction"],
        "type": model.Benefit.model_fields["type"],
        "category": model.Benefit.model_fields["category"],
        "risk": model.Benefit.model_fields["risk"],
        "scale": model.Stakeholder.model_fields["power"],
        "attitude": model.Stakeholder.model_fields["attitude"],
        "review_status": model.Review.model_fields["status"],
        "frequency": model.Indicator.model_fields["frequency"],
    }
    for name, info in fields.items():
        assert codes(info.annotation) == set(field_types.CLOSED[name]), name
        assert set(field_types.CLOSED_WORDS[name].values()) == set(field_types.CLOSED[name]), name


def test_format_page_lists_the_words_the_model_reads() -> None:
    """docs/format.md's table of Norwegian words: every word is read as the code in its
    column, and every code of the model is in the table."""
    import re

    from gevinst import field_types

    page = (ROOT / "docs" / "format.md").read_text("utf-8")
    table = page.split("## Norwegian words for closed values", 1)[1]
    rows = [line for line in table.splitlines() if line.startswith("| ") and "`" in line]
    names = {
        "measure `status`": "status",
        "indicator `direction`": "direction",
        "benefit `type`": "type",
        "benefit `category`": "category",
        "benefit `risk`": "risk",
        "stakeholder `power`, `interest`": "scale",
        "stakeholder `attitude`": "attitude",
        "stakeholder `impacts`": "impact",
        "review `status`": "review_status",
        "indicator `frequency`": "frequency",
    }
    assert len(rows) == len(names) == len(field_types.CLOSED)
    for row in rows:
        field, codes, words = (cell.strip() for cell in row.strip("|").split("|"))
        name = names[field]
        codes_listed = re.findall(r"`([^`]+)`", codes)
        assert codes_listed == list(field_types.CLOSED[name])
        for code, cell in zip(codes_listed, words.split(", "), strict=True):
            for word in re.findall(r"`([^`]+)`", cell):
                assert field_types.CLOSED_WORDS[name][word.casefold()] == code, (name, word)
