"""A sheet that declares it uses every cell Excel has (``<dimension ref="A1:XFD1048576">``).
It is refused before its cells are read, with the way to repair it."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case
from tests.workbooks import edit_sheet, plan_workbook


def make(tmp: Path) -> Case:
    plan = plan_workbook(tmp / "plan.xlsx")

    def claim_everything(xml: bytes) -> bytes:
        start = xml.index(b"<dimension ref=")
        end = xml.index(b"/>", start) + 2
        return xml[:start] + b'<dimension ref="A1:XFD1048576"/>' + xml[end:]

    edit_sheet(plan, "Tiltak", claim_everything)
    return Case(
        args=["check", str(plan)],
        exit=1,
        contains=[f"{plan}: sheet Tiltak", "A1:XFD1048576", "delete the rows and columns"],
        unchanged=[plan],
    )
