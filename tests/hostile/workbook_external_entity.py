"""A sheet whose XML declares an external entity that would read /etc/passwd into a
cell. It is refused as entity declarations, and nothing of the file is shown."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case
from tests.workbooks import edit_sheet, plan_workbook, text_cell


def make(tmp: Path) -> Case:
    plan = plan_workbook(tmp / "plan.xlsx")
    dtd = b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>'

    def inject(xml: bytes) -> bytes:
        start = xml.index(b'<c r="B2"')
        end = xml.index(b"</c>", start) + 4
        return dtd + xml[:start] + text_cell("B2", "&x;") + xml[end:]

    edit_sheet(plan, "Gevinster", inject)
    return Case(
        args=["check", str(plan)],
        exit=1,
        contains=[f"{plan}", "declares a DTD or entities"],
        absent=["root:"],
        unchanged=[plan],
    )
