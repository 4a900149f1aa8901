"""One value in column XFD (the last column Excel has) on each of 40,000 rows. openpyxl
padded every row to 16,384 cells: 113 s, 4 GB, then MemoryError. The reader refuses the
first value beyond the last column a plan uses, naming the cell."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case
from tests.workbooks import add_rows, edit_sheet, plan_workbook


def make(tmp: Path) -> Case:
    plan = plan_workbook(tmp / "plan.xlsx")
    rows = b"".join(
        b'<row r="%d"><c r="XFD%d"><v>1</v></c></row>' % (r, r) for r in range(3, 40_003)
    )
    edit_sheet(plan, "Gevinster", lambda xml: add_rows(xml, rows))
    return Case(
        args=["check", str(plan)],
        exit=1,
        contains=[f"{plan}: sheet Gevinster", "XFD3", "beyond the last column", "GR"],
        unchanged=[plan],
    )
