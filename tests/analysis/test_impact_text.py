"""``gevinst impact``: what a plan loses without one element, with the money, nb and en.

The plan (worked by hand): start 2024-01-01, two years, a flat rate of 25 % (factors 1
and 0.8). M1 costs 500 once (year 0) and 100 a year; it feeds C1, which feeds B1
(1 000 a year) and the dis-benefit D1 (200 a year), and it feeds B2 (no value), which
M2 feeds too. Present values: M1's costs 500 + 100 + 0.8 * 100 = 680; B1 1 000 +
0.8 * 1 000 = 1 800; D1 -(200 + 160) = -360. The net present value as planned is
1 800 - 360 - 680 = 760. Without M1: C1, B1 and D1 lose all support, B2 keeps M2;
the net present value changes by 680 - (1 800 - 360) = -760, to 0.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import gevinst as gv
from gevinst.analysis.impact_text import (
    checked_impact,
    impact_json,
    impact_markdown,
    impact_money,
    impact_text,
)
from gevinst.cli import cli
from gevinst.errors import PlanError

ROOT = Path(__file__).resolve().parents[2]
BERGEN = ROOT / "examples" / "bergen_barnevern" / "plan.yaml"


def hand_plan() -> gv.Plan:
    plan = gv.Plan.new(
        "hjelp", "Raskere hjelp", start="2024-01-01", horizon_years=2, discount_rate=0.25
    )
    plan.add_goal("G1", "Trygge barn")
    plan.add_objective("O1", "Raskere saksbehandling", contributes_to=["G1"])
    plan.add_benefit("B1", "Spart tid", value={"annual": 1000}, contributes_to=["O1"])
    plan.add_benefit("B2", "Bedre kvalitet", contributes_to=["O1"])
    plan.add_disbenefit("D1", "Mer rapportering", value={"annual": 200}, contributes_to=["O1"])
    plan.add_change("C1", "Ny saksflyt", contributes_to=["B1", "D1"])
    plan.add_measure(
        "M1",
        "Digitalt mottak",
        cost={"one_off": 500, "annual": 100},
        contributes_to=["C1", "B2"],
    )
    plan.add_measure("M2", "Veiledning", contributes_to=["B2"])
    return plan


def test_the_money_of_dropping_a_measure_worked_by_hand() -> None:
    plan = hand_plan()
    result = gv.impact(plan, "M1")
    assert (result.orphaned, result.weakened) == (["B1", "C1", "D1"], ["B2"])
    money = impact_money(plan, result)
    assert money.costs_saved == pytest.approx(680)
    assert money.benefits_lost == pytest.approx({"B1": 1800, "D1": -360})
    assert money.lost == pytest.approx(1440)
    assert money.net_change == pytest.approx(-760)
    assert money.expected_net == pytest.approx(760)
    assert money.expected_net_without == pytest.approx(0, abs=1e-9)


def test_a_measure_whose_benefits_keep_support_saves_only_its_costs() -> None:
    plan = hand_plan()
    money = impact_money(plan, gv.impact(plan, "M2"))  # M2 costs nothing; B2 keeps M1
    assert (money.costs_saved, money.benefits_lost, money.net_change) == (0.0, {}, 0.0)


def test_dropping_a_benefit_loses_its_own_value() -> None:
    plan = hand_plan()
    money = impact_money(plan, gv.impact(plan, "B1"))
    assert money.benefits_lost == pytest.approx({"B1": 1800})
    assert money.net_change == pytest.approx(-1800)


def test_the_text_in_norwegian() -> None:
    plan = hand_plan()
    assert impact_text(plan, gv.impact(plan, "M1")) == (
        "Uten M1 «Digitalt mottak» i «Raskere hjelp» (hjelp)\n"
        "Mister all støtte fra tiltak: B1 «Spart tid», C1 «Ny saksflyt», "
        "D1 «Mer rapportering»\n"
        "Svekket, men har fortsatt annen støtte: B2 «Bedre kvalitet»\n"
        "\n"
        "Penger, nåverdi som planlagt (virkning på netto nåverdi):\n"
        "  Kostnader spart                         680 NOK\n"
        "  Gevinst tapt: B1 «Spart tid»         −1\xa0800 NOK\n"
        "  Ulempe borte: D1 «Mer rapportering»     360 NOK\n"
        "  Endring i netto nåverdi                −760 NOK\n"
        "  Netto nåverdi med                       760 NOK\n"
        "  Netto nåverdi uten                        0 NOK\n"
    )


def test_the_text_in_english_names_benefits_without_a_value() -> None:
    plan = hand_plan()
    plan.benefits[0].value = None  # B1 unpriced: only D1's value goes
    text = impact_text(plan, gv.impact(plan, "M1"), language="en")
    assert "Lose all support from measures: B1 «Spart tid», C1 «Ny saksflyt»" in text
    assert "  Dis-benefit gone: D1 «Mer rapportering" in text
    # 680 saved, D1's -360 gone: +1 040
    assert re.search(r"\n  Change in net present value +1,040 NOK\n", text)
    assert text.endswith("Without a value in money, not in the amounts: B1 «Spart tid».\n")


def test_markdown_and_json() -> None:
    plan = hand_plan()
    result = gv.impact(plan, "M1")
    markdown = impact_markdown(plan, result, language="en")
    assert "| Benefit lost: B1 «Spart tid» | -1,800 NOK |" in markdown
    assert "| Change in net present value | -760 NOK |" in markdown
    data = json.loads(impact_json(plan, result))
    assert data["orphaned"] == ["B1", "C1", "D1"] and data["weakened"] == ["B2"]
    assert data["money"]["costs_saved"] == pytest.approx(680)
    assert data["money"]["benefits_lost"] == pytest.approx({"B1": 1800, "D1": -360})
    assert data["money"]["net_change"] == pytest.approx(-760)


def test_an_unknown_element_is_named_with_the_ids_there_are() -> None:
    with pytest.raises(PlanError, match=r"'M9' is not an element of plan 'hjelp'.*G1, O1"):
        checked_impact(hand_plan(), "M9")


# -- the command ------------------------------------------------------------------------


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "hjelp.yaml"
    gv.save(hand_plan(), path)
    return path


def test_impact_command_prints_in_the_plans_language_or_lang(plan_file: Path) -> None:
    code, out, _ = _run("impact", str(plan_file), "M1")
    assert code == 0 and out == impact_text(hand_plan(), gv.impact(hand_plan(), "M1"))
    code, out, _ = _run("impact", str(plan_file), "M1", "--lang", "en")
    assert code == 0 and re.search(r"\n  Benefit lost: B1 «Spart tid» +-1,800 NOK\n", out)


def test_impact_command_writes_json_and_markdown(plan_file: Path, tmp_path: Path) -> None:
    code, out, err = _run("impact", str(plan_file), "M1", "-o", "-")
    assert code == 0 and err == ""
    assert json.loads(out)["money"]["net_change"] == pytest.approx(-760)  # stdout: JSON only
    target = tmp_path / "uten-m1.md"
    code, out, _ = _run("impact", str(plan_file), "M1", "-o", str(target))
    assert code == 0 and out == f"wrote {target}\n"
    assert "| Gevinst tapt: B1 «Spart tid» | −1\xa0800 NOK |" in target.read_text("utf-8")
    code, _, err = _run("impact", str(plan_file), "M1", "-o", str(tmp_path / "x.txt"))
    assert code == 1 and ".json" in err and ".md" in err


def test_impact_command_unknown_element_is_one_message(plan_file: Path) -> None:
    code, out, err = _run("impact", str(plan_file), "X1")
    assert code == 1 and out == ""
    assert err.startswith(f"error: {plan_file}: 'X1' is not an element of plan 'hjelp'")


def test_impact_command_at_a_date_lists_the_scores_that_change() -> None:
    plan = gv.load(BERGEN)
    expected = gv.evaluate(plan, at="2025-10-01").without("B6")
    code, out, _ = _run("impact", str(BERGEN), "B6", "--at", "2025-10-01", "--lang", "en")
    assert code == 0 and "Scores that change (now → without):" in out
    data = json.loads(_run("impact", str(BERGEN), "B6", "--at", "2025-10-01", "-o", "-")[1])
    assert data["scores"] == {
        id: {"now": now, "without": without} for id, (now, without) in sorted(expected.items())
    }
    assert sorted(data["scores"])[:3] == ["G1", "G2", "O1"]
