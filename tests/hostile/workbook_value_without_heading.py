"""A value right of a sheet's last header column. It was ignored and ``check`` said
"All checks passed": the value was lost without a word. It is refused, naming the cell."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case
from tests.workbooks import edit_sheet, plan_workbook, text_cell


def make(tmp: Path) -> Case:
    plan = plan_workbook(tmp / "plan.xlsx")  # Gevinster has headings in A to R

    def add_value(xml: bytes) -> bytes:
        end = xml.index(b"</row>", xml.index(b'<row r="2"'))
        return xml[:end] + text_cell("S2", "viktig merknad") + xml[end:]

    edit_sheet(plan, "Gevinster", add_value)
    return Case(
        args=["check", str(plan)],
        exit=1,
        contains=[f"{plan}: sheet Gevinster, row 2, column S", "S2 has no column heading"],
        absent=["All checks passed"],
        unchanged=[plan],
    )
