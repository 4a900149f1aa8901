"""gv.diff and `gevinst diff` on two real-looking versions of the Bergen plan.

examples/bergen_barnevern/plan-2024.yaml is the plan as presented after the pilot
phase (September 2024); plan.yaml is today's. The changes between them were made by
hand, so every expected difference below is known exactly.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings

import gevinst as gv
from gevinst.cli import cli
from gevinst.diff import KINDS, Difference
from tests.strategies import plans

ROOT = Path(__file__).resolve().parent.parent
OLD = ROOT / "examples" / "bergen_barnevern" / "plan-2024.yaml"
NEW = ROOT / "examples" / "bergen_barnevern" / "plan.yaml"


@pytest.fixture(scope="module")
def changes() -> gv.PlanDiff:
    return gv.diff(gv.load(OLD), gv.load(NEW))


def _find(changes: gv.PlanDiff, kind: str, element: str) -> list[Difference]:
    return [d for d in changes if d.kind == kind and d.element == element]


def test_the_old_version_is_a_valid_plan() -> None:
    errors = [f for f in gv.check(gv.load(OLD)) if f.severity == "error"]
    assert errors == []


def test_a_plan_has_no_differences_with_itself() -> None:
    plan = gv.load(NEW)
    result = gv.diff(plan, plan.model_copy(deep=True))
    assert not result
    assert len(result) == 0
    assert result.to_text(language="en").splitlines()[1] == "No changes."


def test_added_removed_and_renamed(changes: gv.PlanDiff) -> None:
    assert [(d.element, d.element_kind) for d in changes.added] == [("M12", "measure")]
    assert [(d.element, d.element_kind) for d in changes.removed] == [
        ("B12", "benefit"),
        ("I12", "indicator"),
    ]
    assert [(d.element, d.old, d.new) for d in changes.renamed] == [
        (
            "B5",
            "Flere undersøkelser innen fristen",
            "Flere undersøkelser avsluttet innen fristen",
        ),
        ("M3", "Digitale hjelpemidler", "Bruk av digitale hjelpemidler"),
    ]


def test_links_and_weights(changes: gv.PlanDiff) -> None:
    [added] = changes.of_kind("link_added")
    assert (added.element, added.detail) == ("C7", "B4 «Mer tid til direkte arbeid med sakene»")
    [removed] = changes.of_kind("link_removed")
    assert removed.element == "B9"
    assert removed.detail is not None and removed.detail.startswith("O1 ")
    [weight] = changes.of_kind("weight_changed")
    assert (weight.element, weight.detail, weight.old, weight.new) == ("B1", "B4", 0.3, 0.2)


def test_targets_judged_with_the_indicators_direction(changes: gv.PlanDiff) -> None:
    # I1 (decrease is better): 14 -> 16 weeks by 2025-06-30 is less ambitious.
    [i1] = _find(changes, "target_changed", "I1")
    assert (i1.detail, i1.old, i1.new, i1.judgement) == ("2025-06-30", 14.0, 16.0, "lowered")
    # I5 (increase is better): 98 % -> 95 % by 2026-12-31 is less ambitious.
    [i5] = _find(changes, "target_changed", "I5")
    assert (i5.old, i5.new, i5.judgement) == (98.0, 95.0, "lowered")
    # I8 (decrease): 5 -> 10 breaches a quarter is less ambitious.
    [i8] = _find(changes, "target_changed", "I8")
    assert (i8.old, i8.new, i8.judgement) == (5.0, 10.0, "lowered")
    # I6 (increase): 95 % -> 100 % is more ambitious.
    [i6] = _find(changes, "target_changed", "I6")
    assert (i6.old, i6.new, i6.judgement) == (95.0, 100.0, "raised")
    # I10: the same 75 % half a year later is a postponement: expectations lowered.
    [i10] = _find(changes, "target_changed", "I10")
    assert (i10.detail, i10.old, i10.new) == ("2026-06-30 → 2026-12-31", 75.0, 75.0)
    assert i10.judgement == "lowered"


def test_expectations_lowered_and_raised(changes: gv.PlanDiff) -> None:
    # Four targets, B4's value (7 -> 6 MNOK), B9's value from a later date and M6's
    # higher annual cost (3.0 -> 3.6 MNOK): seven in all. One target was raised (I6).
    lowered = {(d.kind, d.element, d.detail) for d in changes.lowered}
    assert lowered == {
        ("target_changed", "I1", "2025-06-30"),
        ("target_changed", "I5", "2026-12-31"),
        ("target_changed", "I8", "2026-12-31"),
        ("target_changed", "I10", "2026-06-30 → 2026-12-31"),
        ("value_changed", "B4", "annual_value"),
        ("value_changed", "B9", "value_from"),
        ("cost_changed", "M6", "annual_cost"),
    }
    assert [(d.kind, d.element) for d in changes.raised] == [("target_changed", "I6")]


def test_baseline_money_owner_status(changes: gv.PlanDiff) -> None:
    [baseline] = changes.of_kind("baseline_changed")
    assert (baseline.element, baseline.old, baseline.new, baseline.unit) == ("I4", 44.0, 45.0, "%")
    [b4] = _find(changes, "value_changed", "B4")
    assert (b4.old, b4.new, b4.unit) == (7_000_000.0, 6_000_000.0, "NOK")
    [m6] = _find(changes, "cost_changed", "M6")
    assert (m6.old, m6.new) == (3_000_000.0, 3_600_000.0)
    [owner] = changes.of_kind("owner_changed")
    assert (owner.element, owner.old, owner.new) == ("B3", "hr", "leder-bvt")
    [status] = changes.of_kind("status_changed")
    assert (status.element, status.old, status.new) == ("M3", "planned", "pilot")


def test_measurements_counted_per_indicator(changes: gv.PlanDiff) -> None:
    old, new = gv.load(OLD), gv.load(NEW)
    measured = changes.of_kind("measurements_changed")
    for d in measured:
        assert d.old == sum(1 for m in old.measurements if m.indicator == d.element)
        assert d.new == sum(1 for m in new.measurements if m.indicator == d.element)
    # I9 has no measurement in either version: not listed.
    assert "I9" not in {d.element for d in measured}


def test_order_is_stable_and_by_kind(changes: gv.PlanDiff) -> None:
    order = [KINDS.index(d.kind) for d in changes]
    assert order == sorted(order)
    again = gv.diff(gv.load(OLD), gv.load(NEW))
    assert again.to_json() == changes.to_json()


def test_text_in_norwegian_and_english(changes: gv.PlanDiff) -> None:
    nb = changes.to_text()
    assert nb.startswith("Endringer i «Smidige metoder i barnevernet» (ebf-smidig)\n")
    assert "7 forventninger senket, 1 forventninger hevet." in nb
    assert (
        "- Indikator I5 «Andel undersøkelser avsluttet innen fristen»: målverdi for "
        "2026-12-31 fra 98 % til 95 % (økning er bedre)"
    ) in nb
    assert (
        "- Tiltak M6 «Eget team for krevende saker»: årlig kostnad fra 3\u00a0000\u00a0000 NOK"
        in nb
    )
    en = changes.to_text(language="en")
    assert "Expectations lowered (7):" in en
    assert (
        "- Indicator I10 «Andel bekymringsmeldinger via nasjonal portal»: target 75 % "
        "postponed from 2026-06-30 to 2026-12-31 (higher is better)"
    ) in en
    assert (
        "- Benefit B5: name «Flere undersøkelser innen fristen» → «Flere undersøkelser avsluttet"
        in en
    )


def test_json_reads_back(changes: gv.PlanDiff) -> None:
    data = json.loads(changes.to_json())
    assert data["expectations_lowered"] == 7
    assert data["summary"]["renamed"] == 2
    assert len(data["changes"]) == len(changes)
    first = data["changes"][0]
    assert first["kind"] == "target_changed" and first["element"] == "I1"
    assert first["text"].startswith("Indikator I1")


def test_markdown_escapes_names() -> None:
    old = gv.Plan.new("p", "Plan")
    old.add_goal("G1", "Mål")
    new = old.model_copy(deep=True)
    new.goals[0].name = "Mål *viktig* <b>[1]</b> | x"
    md = gv.diff(old, new).to_markdown()
    assert "\\*viktig\\* \\<b\\>\\[1\\]\\</b\\> \\| x" in md
    assert "<b>" not in md


def test_disbenefit_value_up_is_lowered_expectation() -> None:
    old = gv.Plan.new("p", "Plan")
    old.add_disbenefit("D1", "Mer rapportering", value={"annual": 100_000})
    new = old.model_copy(deep=True)
    assert new.disbenefits[0].value is not None
    new.disbenefits[0].value.annual = 150_000
    changes = gv.diff(old, new)
    [d] = changes.of_kind("value_changed")
    assert (d.kind, d.judgement) == ("value_changed", "lowered")
    # the money moved: the expected present value went down with it
    expected = {d.detail: (d.old, d.new) for d in changes.of_kind("npv_changed")}
    before, after = (gv.evaluate(p).npv().expected for p in (old, new))
    assert expected["expected"] == (before, after) and after < before < 0


def test_target_added_removed_and_direction_changed() -> None:
    old = gv.Plan.new("p", "Plan")
    old.add_indicator(
        "I1",
        "Andel",
        targets=[{"date": "2025-01-01", "value": 10}, {"date": "2026-01-01", "value": 20}],
    )
    new = old.model_copy(deep=True)
    new.indicators[0].targets.append(gv.Target(date="2027-01-01", value=30))
    assert [(d.kind, d.detail, d.new) for d in gv.diff(old, new)] == [
        ("target_added", "2027-01-01", 30.0)
    ]
    assert [(d.kind, d.detail, d.old) for d in gv.diff(new, old)] == [
        ("target_removed", "2027-01-01", 30.0)
    ]
    flipped = old.model_copy(deep=True)
    flipped.indicators[0].direction = "decrease"
    flipped.indicators[0].targets[0].value = 5
    found = [(d.kind, d.judgement) for d in gv.diff(old, flipped)]
    # targets in another direction are listed, not judged
    assert found == [("target_changed", None), ("direction_changed", None)]


@settings(max_examples=60, deadline=None)
@given(old=plans(), new=plans())
def test_any_two_plans_diff_to_readable_json(old: gv.Plan, new: gv.Plan) -> None:
    result = gv.diff(old, new)
    data = json.loads(result.to_json())
    assert len(data["changes"]) == len(result)
    for language in ("nb", "en"):
        assert result.to_text(language=language)
        assert result.to_markdown(language=language)
    assert not gv.diff(new, new.model_copy(deep=True))
    # added and removed swap when the versions swap
    back = gv.diff(new, old)
    assert {d.element for d in back.added} == {d.element for d in result.removed}


# -- the command line ----------------------------------------------------------------------


def test_cli_diff_text() -> None:
    result = CliRunner().invoke(cli, ["diff", str(OLD), str(NEW)])
    assert result.exit_code == 0, result.output
    assert result.output == gv.diff(gv.load(OLD), gv.load(NEW)).to_text()


@pytest.mark.parametrize("fmt", ["json", "md"])
def test_cli_diff_formats(fmt: str) -> None:
    result = CliRunner().invoke(cli, ["diff", str(OLD), str(NEW), "--format", fmt, "--lang", "en"])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert json.loads(result.output)["language"] == "en"
    else:
        assert result.output.startswith("# Changes in «Smidige metoder i barnevernet»")


def test_cli_diff_to_file_and_errors(tmp_path: Path) -> None:
    out = tmp_path / "endringer.md"
    result = CliRunner().invoke(cli, ["diff", str(OLD), str(NEW), "--format", "md", "-o", str(out)])
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# Endringer i")
    missing = CliRunner().invoke(cli, ["diff", str(OLD), str(tmp_path / "nope.yaml")])
    assert missing.exit_code == 1
    assert "nope.yaml" in missing.output and "Traceback" not in missing.output
    wrong = CliRunner().invoke(cli, ["diff", str(OLD), str(NEW), "--format", "pdf"])
    assert wrong.exit_code == 2


def test_corrected_measurement_is_reported() -> None:
    old = gv.load(NEW)
    new = old.model_copy(deep=True)
    new.measurements[0].value += 1  # I1 on 2024-06-30: 22 -> 23, as many measurements
    [d] = gv.diff(old, new)
    assert (d.kind, d.element, d.detail, d.old, d.new) == (
        "measurement_corrected",
        "I1",
        "2024-06-30",
        22.0,
        23.0,
    )
    assert str(d.to_data("en")["text"]).endswith(
        ": measurement 2024-06-30 corrected from 22 uker to 23 uker"
    )
