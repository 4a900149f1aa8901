"""GV020-GV023: ranges, ramp-up shares and correlation (SPEC sections 4 and 6).

Each code fires on a small plan and not on its neighbour (the nearest plan that is
right); ``gevinst check`` reports them at their lines; and no money is computed from
such a plan, whether it was checked or not.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from click.testing import CliRunner

import gevinst as gv
from gevinst.analysis.limits import require_within_limits
from gevinst.analysis.money import npv
from gevinst.cli import cli
from tests.analysis.test_checks import clean as clean_nb
from tests.test_docs_guides import DOCS, replay


def clean_en() -> gv.Plan:
    """The clean plan of test_checks, in English: these tests read the English messages
    (the Norwegian ones are in test_checks.test_messages_in_both_languages)."""
    plan = clean_nb()
    plan.info.language = "en"
    return plan


def found(plan: gv.Plan, prefix: str = "GV02") -> list[tuple[str, str | None]]:
    return [(f.code, f.element) for f in gv.check(plan, select=[prefix])]


def valued(annual: object, ramp: list[float] | None = None) -> gv.Plan:
    plan = clean_en()
    plan.benefits[0].value = gv.Value(annual=annual, ramp=ramp)
    return plan


# -- GV020: a range out of order -------------------------------------------------------


@pytest.mark.parametrize(
    ("annual", "why"),
    [
        ([900_000, 500_000, 800_000], "low 900000 is above most likely 500000"),
        ([400_000, 900_000, 800_000], "most likely 900000 is above high 800000"),
        ([3, 2, 1], "low 3 is above most likely 2"),
    ],
)
def test_gv020_a_range_out_of_order(annual: list[float], why: str) -> None:
    (finding,) = gv.check(valued(annual))
    assert (finding.code, finding.severity, finding.element) == ("GV020", "error", "B1")
    written = ", ".join(str(x) for x in annual)
    assert finding.message == (
        f"value.annual of benefit B1 is [{written}]: {why}; "
        "write [low, most_likely, high] with low <= most_likely <= high"
    )


@pytest.mark.parametrize("annual", [[5, 5, 5], [4, 5, 5], [5, 5, 6], [0, 0.5, 1e15]])
def test_gv020_not_for_a_range_in_order(annual: list[float]) -> None:
    assert gv.check(valued(annual)) == []


def test_gv020_for_costs_with_the_field() -> None:
    plan = clean_en()
    plan.measures[0].cost = gv.Cost(one_off=[1, 2, 3], annual=[20, 10, 30])
    (finding,) = gv.check(plan)
    assert (finding.code, finding.element) == ("GV020", "M1")
    assert finding.message.startswith("cost.annual of measure M1 is [20, 10, 30]: low 20")


def test_a_range_with_a_nan_is_gv006_not_gv020() -> None:
    plan = valued([math.nan, 5, 6])
    assert [f.message for f in gv.check(plan, select=["GV006"])] == [
        "value.annual (low) is nan; write a finite number"
    ]
    assert found(plan) == []  # GV007 names it too, as it does a plain NaN


# -- GV006 and GV007 look at low and high too ----------------------------------------------


@pytest.mark.parametrize(
    ("annual", "message"),
    [
        ([1, 2, math.inf], "value.annual (high) is inf; write a finite number"),
        ([-1, 2, 3], "value.annual (low) is negative (-1); money is given as a positive"),
    ],
)
def test_gv006_for_low_and_high(annual: list[float], message: str) -> None:
    findings = gv.check(valued(annual), select=["GV006", "GV02"])
    assert [(f.code, f.element) for f in findings] == [("GV006", "B1")]
    assert findings[0].message.startswith(message)


def test_gv007_for_low_and_high() -> None:
    high = gv.check(valued([1, 2, 1.5e15]))
    assert [(f.code, f.element) for f in high] == [("GV007", "B1")]
    assert high[0].message.startswith("value.annual (high) is 1.5e+15, beyond what a plan")
    assert gv.check(valued([1, 2, 1e15])) == []  # the limit itself is within
    plan = clean_en()
    plan.measures[0].cost = gv.Cost(one_off=[-2e15, 1, 2])
    assert sorted(found(plan, "GV0")) == [("GV006", "M1"), ("GV007", "M1")]


# -- GV021: a ramp-up share outside 0..1 ---------------------------------------------------


@pytest.mark.parametrize("share", [-0.1, 1.01, 2.0, math.nan])
def test_gv021_a_share_outside_0_to_1(share: float) -> None:
    (finding,) = gv.check(valued(1000, ramp=[0.5, share]))
    assert (finding.code, finding.severity, finding.element) == ("GV021", "error", "B1")
    assert finding.message.startswith(f"value.ramp[1] of benefit B1 is {share:.15g}; ")
    assert finding.message.endswith("write it as a share, e.g. ramp: [0.25, 0.5]")


@pytest.mark.parametrize("ramp", [[0.0], [1.0], [0, 0.5, 1], None, []])
def test_gv021_not_for_shares_within(ramp: list[float] | None) -> None:
    assert gv.check(valued(1000, ramp=ramp)) == []


def test_gv021_for_a_disbenefit_and_each_share() -> None:
    plan = clean_en()
    plan.add_disbenefit("D1", "Ulempe", contributes_to=["O1"], value={"annual": 5})
    plan.disbenefits[0].value = gv.Value(annual=5, ramp=[1.5, 0.5, -1])
    findings = [f for f in gv.check(plan) if f.code == "GV021"]
    assert [f.message.split(";")[0] for f in findings] == [
        "value.ramp[0] of dis-benefit D1 is 1.5",
        "value.ramp[2] of dis-benefit D1 is -1",
    ]


# -- GV022: correlation outside 0..1 --------------------------------------------------------


@pytest.mark.parametrize("correlation", [-0.1, 1.0000001, 3.0, math.nan])
def test_gv022_correlation_outside_0_to_1(correlation: float) -> None:
    plan = clean_en()
    plan.info.correlation = correlation
    (finding,) = gv.check(plan)
    assert (finding.code, finding.severity, finding.element) == ("GV022", "error", "p")
    assert finding.message.startswith(f"correlation is {correlation:.15g}; ")
    assert "write e.g. correlation: 0.3, or leave it out for 0" in finding.message


@pytest.mark.parametrize("correlation", [0.0, 1.0, 0.3, None])
def test_gv022_not_for_correlation_within(correlation: float | None) -> None:
    plan = clean_en()
    plan.info.correlation = correlation
    assert gv.check(plan) == []


# -- GV023: an amount without a range where most have one ------------------------------------


def three_amounts(one_off: object, annual: object, value: object) -> gv.Plan:
    plan = clean_en()
    plan.measures[0].cost = gv.Cost(one_off=one_off, annual=annual)
    plan.benefits[0].value = gv.Value(annual=value)
    return plan


def test_gv023_when_two_of_three_have_a_range() -> None:
    plan = three_amounts([1, 2, 3], 50, [10, 20, 30])
    (finding,) = gv.check(plan)
    assert (finding.code, finding.severity, finding.element) == ("GV023", "info", "M1")
    assert finding.message == (
        "cost.annual of measure M1 is one number (50), while 2 of the plan's 3 amounts "
        "have a range; give it [low, most_likely, high] too, so the simulation counts its "
        "uncertainty"
    )


def test_gv023_not_when_half_or_fewer_have_a_range() -> None:
    assert gv.check(three_amounts([1, 2, 3], 50, 20)) == []  # one of three
    plan = three_amounts([1, 2, 3], 0, 20)  # one of two: half is not most
    assert gv.check(plan) == []
    plan.add_disbenefit("D1", "Ulempe", contributes_to=["O1"], value={"annual": [1, 2, 3]})
    assert found(plan) == [("GV023", "B1")]  # now two of three, dis-benefits counted
    assert [f.severity for f in gv.check(plan)] == ["info"]


def test_gv023_does_not_count_an_amount_of_0_without_a_range() -> None:
    # cost.annual is 0 (left out): the two amounts that count both have a range
    assert gv.check(three_amounts([1, 2, 3], 0, [10, 20, 30])) == []
    # three equal numbers are a range: an amount known for certain, said so
    assert gv.check(three_amounts([1, 2, 3], [50, 50, 50], [10, 20, 30])) == []
    # [0, 0, 0] is written as a range, so it counts: two of three have one
    assert found(three_amounts([1, 2, 3], [0, 0, 0], 20)) == [("GV023", "B1")]


# -- no money is computed from such a plan ------------------------------------------------


@pytest.mark.parametrize(
    ("mutate", "element", "field"),
    [
        (
            lambda p: setattr(p.benefits[0], "value", gv.Value(annual=[3, 2, 1])),
            "B1",
            "value.annual",
        ),
        (
            lambda p: setattr(p.benefits[0], "value", gv.Value(annual=1, ramp=[1.5])),
            "B1",
            "value.ramp[0]",
        ),
        (lambda p: setattr(p.info, "correlation", 2.0), "p", "correlation"),
    ],
)
def test_money_is_refused(mutate: object, element: str, field: str) -> None:
    plan = clean_en()
    mutate(plan)  # type: ignore[operator]
    with pytest.raises(gv.PlanError) as caught:
        npv(plan, {})
    assert (caught.value.element, caught.value.field) == (element, field)
    assert "write" in caught.value.reason  # and says how to fix it
    with pytest.raises(gv.PlanError):
        require_within_limits(plan)
    with pytest.raises(gv.PlanCheckError, match="cannot be evaluated"):
        gv.evaluate(plan, at="2025-01-01")


def test_money_of_a_sound_range_is_computed() -> None:
    plan = three_amounts([1, 2, 3], 0, [10, 20, 30])
    plan.info.correlation = 1.0
    require_within_limits(plan)
    assert npv(plan, {}).costs == pytest.approx(2)  # the most likely one-off, undiscounted


# -- the command line --------------------------------------------------------------------------

PLAN = """\
schema: gevinst/1
plan:
  id: P1
  title: Usikkerhet
  start: 2025-01-01
goals:
  - {id: G1, name: Mål}
benefits:
  - id: B1
    name: Spart tid
    contributes_to: [G1]
    value: {annual: [900000, 500000, 800000]}
  - id: B2
    name: Færre klager
    contributes_to: [G1]
    value: {annual: 100000, ramp: [0.5, 1.5]}
"""


def test_check_reports_gv020_and_gv021_at_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, "utf-8")
    result = CliRunner().invoke(cli, ["check", str(path), "--select", "GV0", "--lang", "en"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{path}:9: GV020 error B1 value.annual of benefit B1 is ")
    assert lines[1].startswith(f"{path}:13: GV021 error B2 value.ramp[1] of benefit B2 is 1.5;")
    assert lines[2] == "1 plan checked: 2 error(s), 0 warning(s), 0 info"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]


def test_check_json_has_the_lines(tmp_path: Path) -> None:
    import json

    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, "utf-8")
    result = CliRunner().invoke(cli, ["check", str(path), "--select", "GV02", "--format", "json"])
    rows = json.loads(result.stdout)
    assert [(r["line"], r["code"], r["element"]) for r in rows] == [
        (9, "GV020", "B1"),
        (13, "GV021", "B2"),
    ]


def test_gv023_alone_is_exit_0(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    text = PLAN.replace("[900000, 500000, 800000]", "[400000, 500000, 800000]")
    text = text.replace("ramp: [0.5, 1.5]", "ramp: [0.5, 1]")
    text += "  - id: B3\n    name: Tredje\n    contributes_to: [G1]\n"
    text += "    value: {annual: [1, 2, 3]}\n"
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(cli, ["check", str(path), "--select", "GV02", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith(
        f"{path}:13: GV023 info B2 value.annual of benefit B2 is one number (100000), while "
        "2 of the plan's 3 amounts have a range"
    )


@pytest.mark.parametrize("command", ["evaluate", "report"])
def test_evaluate_and_report_refuse_and_write_nothing(command: str, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, "utf-8")
    out = tmp_path / ("rapport.md" if command == "report" else "evaluering.json")
    args = [command, str(path), "-o", str(out), "--at", "2025-06-30"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert "planen har 2 feil og kan ikke evalueres" in result.output  # the plan's nb
    assert f"{path}:9: GV020 error B1" in result.output
    assert f"{path}:13: GV021 error B2" in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]


# -- the page ----------------------------------------------------------------------------------


def test_the_docs_example_shows_what_check_prints(tmp_path: Path) -> None:
    page = (DOCS / "checks.md").read_text("utf-8")
    start = page.index("## Ranges, ramps and correlation: an example")
    section = page[start : page.index("## Personal data never leaves")]
    for code in ("GV020", "GV021", "GV022", "GV023"):
        assert f" {code} " in section
    problems = replay(section, tmp_path)
    assert not problems, "\n\n".join(problems)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["usikker.yaml"]
