"""A workbook of 300 KB whose sheet unpacks to 100 MiB (spaces compress well). It is
refused from the sizes the zip declares, before anything is unpacked or parsed."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case
from tests.workbooks import edit_sheet, plan_workbook, sheet_part


def make(tmp: Path) -> Case:
    plan = plan_workbook(tmp / "plan.xlsx")
    padding = b" " * (100 * 1024 * 1024)
    edit_sheet(plan, "Gevinster", lambda xml: xml.replace(b"<sheetData>", b"<sheetData>" + padding))
    part = sheet_part(plan, "Gevinster")
    return Case(
        args=["check", str(plan)],
        exit=1,
        contains=[f"{plan}: its part {part} unpacks to", "at most 67,108,864 bytes"],
        unchanged=[plan],
    )
