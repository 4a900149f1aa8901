"""``discount_rate: 1e308``: passed ``check``, then ``evaluate`` died with an
OverflowError traceback in ``(1 + rate) ** y``. It must fail ``check`` with GV007 naming
the field and the limit."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case
from tests.hostile.huge_amount_report_pptx import huge_plan


def make(tmp: Path) -> Case:
    plan = huge_plan(tmp, value={"annual": 100}, discount_rate=1e308)
    return Case(
        args=["check", str(plan)],
        exit=1,
        contains=[f"{plan}", "GV007 error p", "discount_rate is 1e+308", "100 % a year"],
    )
