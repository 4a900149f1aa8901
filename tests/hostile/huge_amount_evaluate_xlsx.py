"""``annual: 1e308`` in a JSON plan: ``evaluate -o .xlsx`` crashed in the spreadsheet
writer (NAN/INF not supported) with a traceback; the table on screen printed ``inf`` and
``nan``. It must be refused (GV007) at the file, line and element."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case
from tests.hostile.huge_amount_report_pptx import huge_plan


def make(tmp: Path) -> Case:
    plan = huge_plan(tmp, value={"annual": 5e15, "from": "2025-01-01"})
    out = tmp / "evaluering.xlsx"
    return Case(
        args=["evaluate", str(plan), "--at", "2026-01-01", "-o", str(out)],
        exit=1,
        contains=[f"{plan}:4: GV007 error B1", "value.annual is 5e+15", "1e15"],
        not_written=[out],
    )
