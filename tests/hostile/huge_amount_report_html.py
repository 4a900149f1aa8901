"""``annual: 1e308`` in a JSON plan: ``report -o .html`` wrote a page full of ``inf`` and
``nan`` with exit 0. It must be refused (GV007) at the file, line and element."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case
from tests.hostile.huge_amount_report_pptx import huge_plan


def make(tmp: Path) -> Case:
    plan = huge_plan(tmp)
    out = tmp / "rapport.html"
    return Case(
        args=["report", str(plan), "-o", str(out), "--at", "2026-01-01"],
        exit=1,
        contains=[f"{plan}:4: GV007 error B1", "value.annual", "1e15"],
        absent=["inf", "nan"],
        not_written=[out],
    )
