"""A measurement value written 1_000. Python's float() reads it as 1000, so it passed
silently; a person typed something else. It is refused, naming the line and column."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case
from tests.workbooks import EXAMPLE


def make(tmp: Path) -> Case:
    csv = tmp / "m.csv"
    csv.write_text("indicator,date,value\nI1,2024-06-30,22\nI1,2024-12-31,1_000\n", "utf-8")
    return Case(
        args=["check", str(EXAMPLE), "--measurements", str(csv)],
        exit=1,
        contains=[f"{csv}:3:3:", "'1_000' is not a number"],
        absent=["All checks passed"],
    )
