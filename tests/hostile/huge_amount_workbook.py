"""``annual: 1e308`` in the Excel workbook of a plan: ``evaluate`` must refuse it (GV007)
at the sheet and row of the benefit, as ``check`` says it, and write nothing."""

from __future__ import annotations

from pathlib import Path

import gevinst as gv
from tests.hostile import Case


def make(tmp: Path) -> Case:
    plan = gv.Plan.new("p", "Tittel", start="2025-01-01")
    plan.add_goal("G1", "Mål")
    plan.add_benefit("B1", "Gevinst", contributes_to=["G1"], value={"annual": 1e308})
    workbook = gv.save(plan, tmp / "plan.xlsx")
    out = tmp / "evaluering.md"
    return Case(
        args=["evaluate", str(workbook), "--at", "2026-01-01", "-o", str(out)],
        exit=1,
        contains=[f"{workbook}: sheet Gevinster, row 2: GV007 error B1", "value.annual"],
        not_written=[out],
    )
