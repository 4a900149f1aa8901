"""gv.load_many / gv.Portfolio on real-looking plans from Bergen.

The portfolio holds the child welfare plan (examples/bergen_barnevern/plan.yaml) and
HR's attendance programme for the same agency (tests/data/bergen_naervaer.yaml). By
construction both support the goal G1 «Bergens barn, byens framtid», both claim the
monetised benefit «Lavere sykefravær» (B3: 1 500 000 NOK a year; N1: 2 000 000 NOK a
year, both measured by an indicator named «Sykefravær»), and in the HR plan the money
of N2 (500 000) reaches N3 (1 000 000) through N4.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import gevinst as gv
from gevinst.analysis.portfolio import PORTFOLIO_CODES, Portfolio

ROOT = Path(__file__).resolve().parents[2]
BERGEN = ROOT / "examples" / "bergen_barnevern" / "plan.yaml"
BERGEN_2024 = ROOT / "examples" / "bergen_barnevern" / "plan-2024.yaml"
HR = ROOT / "tests" / "data" / "bergen_naervaer.yaml"
AT = "2025-10-01"


@pytest.fixture(scope="module")
def portfolio() -> Portfolio:
    return gv.load_many([BERGEN, HR])


def test_load_many_reads_every_file(portfolio: Portfolio) -> None:
    assert [p.id for p in portfolio] == ["ebf-smidig", "ebf-naervaer"]
    assert portfolio.sources == [str(BERGEN), str(HR)]
    assert portfolio["ebf-naervaer"].title == "Nærværsprogram i Etat for barn og familie"
    with pytest.raises(KeyError):
        portfolio["ukjent"]


def test_the_hr_plan_is_a_clean_plan() -> None:
    assert gv.check(gv.load(HR)) == []


def test_shared_goals(portfolio: Portfolio) -> None:
    [shared] = portfolio.shared_goals()
    assert shared.name == "Bergens barn, byens framtid"
    assert shared.members == [("ebf-naervaer", "G1"), ("ebf-smidig", "G1")]


def test_shared_goals_by_name_alone() -> None:
    a = gv.Plan.new("a", "A")
    a.add_goal("G1", "Bergens barn, byens framtid")
    a.add_goal("G2", "Noe annet")
    b = gv.Plan.new("b", "B")
    b.add_goal("Maal-1", "  bergens BARN,  byens framtid ")
    c = gv.Plan.new("c", "C")
    c.add_goal("G2", "Et tredje mål")  # same id as a's G2: shared by id
    shared = Portfolio([a, b, c]).shared_goals()
    assert [g.members for g in shared] == [
        [("a", "G1"), ("b", "Maal-1")],
        [("a", "G2"), ("c", "G2")],
    ]


def test_double_counting_between_plans(portfolio: Portfolio) -> None:
    across = [d for d in portfolio.double_counting() if d.code == "GV301"]
    [double] = across
    assert double.claims == [("ebf-naervaer", "N1"), ("ebf-smidig", "B3")]
    assert double.reason == "same indicator «Sykefravær», same name"
    # All claims but the largest: 2 000 000 and 1 500 000 -> 1 500 000 may be counted twice.
    assert double.annual_at_stake == 1_500_000
    assert "up to 1,500,000 NOK a year" in double.message()


def test_double_counting_along_a_path(portfolio: Portfolio) -> None:
    [path] = [d for d in portfolio.double_counting() if d.code == "GV302"]
    assert path.claims == [("ebf-naervaer", "N2"), ("ebf-naervaer", "N3")]
    assert path.reason.startswith("N2 -> N4 -> N3")
    assert path.annual_at_stake == 500_000  # the smaller of 500 000 and 1 000 000


def test_the_bergen_plan_alone_counts_nothing_twice() -> None:
    # Its monetised benefits B2, B3, B4, B9 feed only objectives.
    assert Portfolio([gv.load(BERGEN)]).double_counting() == []


def test_check_lists_plan_findings_and_portfolio_findings(portfolio: Portfolio) -> None:
    findings = portfolio.check()
    own = [(f.plan, f.code, f.element) for f in findings if f.code in PORTFOLIO_CODES]
    assert own == [(None, "GV301", "N1"), ("ebf-naervaer", "GV302", "N2")]
    per_plan = [f for f in findings if f.code not in PORTFOLIO_CODES]
    assert per_plan == [
        f for f in per_plan if f.plan == "ebf-smidig"
    ]  # the HR plan is clean; Bergen's own findings keep their GV codes
    expected = [(f.code, f.element) for f in gv.check(gv.load(BERGEN))]
    assert [(f.code, f.element) for f in per_plan] == expected
    assert all(f.source == str(BERGEN) for f in per_plan)


def test_two_versions_of_one_plan_are_not_a_portfolio() -> None:
    both = gv.load_many([BERGEN_2024, BERGEN])
    [same_id] = [f for f in both.check() if f.code == "GV300"]
    assert same_id.severity == "error"
    assert "gevinst diff" in same_id.message
    evaluated = both.evaluate(AT)
    assert evaluated.evaluations == {}
    assert "GV300" in evaluated.refused["ebf-smidig"]


def test_evaluate_sums_the_plans(portfolio: Portfolio) -> None:
    evaluated = portfolio.evaluate(AT)
    alone = {p.id: gv.evaluate(p, at=AT).npv() for p in portfolio}
    rows = {row["plan"]: row for row in evaluated.rows()}
    for plan_id, money in alone.items():
        assert rows[plan_id]["expected"] == pytest.approx(money.expected)
        assert rows[plan_id]["net"] == pytest.approx(money.net)
    totals = evaluated.totals()
    assert totals["realised"] == pytest.approx(sum(m.realised for m in alone.values()))
    assert totals["costs"] == pytest.approx(sum(m.costs for m in alone.values()))
    # 1 500 000 (GV301) + 500 000 (GV302)
    assert totals["annual_counted_twice"] == 2_000_000


def test_shared_goal_score_is_the_mean_of_the_plans(portfolio: Portfolio) -> None:
    evaluated = portfolio.evaluate(AT)
    [shared] = portfolio.shared_goals()
    goal = evaluated.goal(shared)
    a = gv.evaluate(gv.load(BERGEN), at=AT).element("G1").score
    b = gv.evaluate(gv.load(HR), at=AT).element("G1").score
    assert a is not None and b is not None
    assert goal["scores"] == {"ebf-naervaer:G1": b, "ebf-smidig:G1": a}
    assert goal["mean"] == pytest.approx((a + b) / 2)


def test_plans_with_errors_are_refused_not_fatal(tmp_path: Path) -> None:
    broken = tmp_path / "brudd.yaml"
    broken.write_text(
        "schema: gevinst/1\nplan: {id: brudd, title: Brudd}\n"
        "goals: [{id: G1, name: Mål, contributes_to: [X9]}]\n",
        encoding="utf-8",
    )
    evaluated = gv.load_many([HR, broken]).evaluate(AT)
    assert list(evaluated.evaluations) == ["ebf-naervaer"]
    assert "GV002" in evaluated.refused["brudd"]
    [row] = [r for r in evaluated.rows() if r["plan"] == "brudd"]
    assert row["refused"] == evaluated.refused["brudd"]


def test_load_many_from_a_folder_and_unreadable_files(tmp_path: Path) -> None:
    shutil.copy(BERGEN, tmp_path / "a.yaml")
    shutil.copy(HR, tmp_path / "b.yaml")
    (tmp_path / "c.yaml").write_text("schema: gevinst/1\nplan: {id: x}\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a plan", encoding="utf-8")
    with pytest.raises(gv.PlanError) as info:
        gv.load_many([tmp_path])
    assert "c.yaml" in str(info.value) and "title" in str(info.value)
    skipped = gv.load_many([tmp_path], errors="skip")
    assert [p.id for p in skipped] == ["ebf-smidig", "ebf-naervaer"]
    [bad] = skipped.unreadable
    assert "c.yaml" in str(bad)
    with pytest.raises(gv.PlanError, match="no plan files"):
        gv.load_many([])


def test_measurements_go_to_the_plan_with_the_indicator(tmp_path: Path) -> None:
    csv = tmp_path / "målinger.csv"
    csv.write_text(
        "indicator,date,value\nI-vikarer,2025-09-30,8\nI11,2025-09-30,700\n", encoding="utf-8"
    )
    portfolio = gv.load_many([BERGEN, HR], measurements=csv)
    bergen, hr = portfolio["ebf-smidig"], portfolio["ebf-naervaer"]
    assert [m.value for m in hr.measurements if m.indicator == "I-vikarer"][-1] == 8
    assert [m.value for m in bergen.measurements if m.indicator == "I11"][-1] == 700
    assert not any(m.indicator == "I11" for m in hr.measurements)


def test_repr_is_short() -> None:
    examples = Path(__file__).parents[2] / "examples"
    portfolio = gv.load_many(
        [examples / "bergen_barnevern" / "plan.yaml", examples / "modulus_barn" / "plan.yaml"]
    )
    assert repr(portfolio) == "<Portfolio of 2 plan(s): ebf-smidig, modulus-barn>"
