"""A measurement value in full-width digits ('１２', U+FF11 U+FF12). Python's float()
reads any Unicode decimal digit, so it passed as 12. Only ASCII digits are numbers."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case
from tests.workbooks import EXAMPLE


def make(tmp: Path) -> Case:
    csv = tmp / "m.csv"
    csv.write_text("indicator;date;value\nI1;2024-06-30;１２,５\n", "utf-8")
    return Case(
        args=["check", str(EXAMPLE), "--measurements", str(csv)],
        exit=1,
        contains=[f"{csv}:2:3:", "'１２,５' is not a number", "digits 0-9"],
        absent=["All checks passed"],
    )
