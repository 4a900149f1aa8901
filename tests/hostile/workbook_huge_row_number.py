"""A 35 KB workbook with one value in row 999,999,999 of a sheet. openpyxl's row
iterator filled in every missing row, so ``check`` hung (killed at 150 s). The reader
visits only the cells in the file and refuses the value beyond the last row, naming it."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case
from tests.workbooks import add_rows, edit_sheet, plan_workbook, text_cell


def make(tmp: Path) -> Case:
    plan = plan_workbook(tmp / "plan.xlsx")
    row = b'<row r="999999999">' + text_cell("A999999999", "B9") + b"</row>"
    edit_sheet(plan, "Gevinster", lambda xml: add_rows(xml, row))
    return Case(
        args=["check", str(plan)],
        exit=1,
        contains=[f"{plan}: sheet Gevinster", "A999999999", "beyond the last row", "50,000"],
        unchanged=[plan],
    )
