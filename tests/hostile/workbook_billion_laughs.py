"""A sheet whose XML declares nested entities that expand to gigabytes (billion laughs).
expat's own guard held, but the refusal must be ours and clear: defusedxml refuses the
entity declarations, and the message says what they are and how to get a clean file."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case
from tests.workbooks import edit_sheet, plan_workbook, text_cell

_DTD = (
    b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a0 "ha">'
    + b"".join(
        b'<!ENTITY a%d "&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;">'
        % ((i,) + (i - 1,) * 10)
        for i in range(1, 10)
    )
    + b"]>"
)


def make(tmp: Path) -> Case:
    plan = plan_workbook(tmp / "plan.xlsx")

    def laugh(xml: bytes) -> bytes:
        cell = text_cell("B2", "&a9;")
        start = xml.index(b'<c r="B2"')
        end = xml.index(b"</c>", start) + 4
        return _DTD + xml[:start] + cell + xml[end:]

    edit_sheet(plan, "Gevinster", laugh)
    return Case(
        args=["check", str(plan)],
        exit=1,
        contains=[f"{plan}", "declares a DTD or entities", "Excel never writes"],
        unchanged=[plan],
    )
