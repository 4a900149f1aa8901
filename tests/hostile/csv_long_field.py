"""A measurement file with a note of 140,000 characters: over the csv module's field
limit (131,072), which raised a traceback. It is refused naming the line; the limit is
not raised (it is process-wide state)."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case
from tests.workbooks import EXAMPLE


def make(tmp: Path) -> Case:
    csv = tmp / "m.csv"
    csv.write_text(
        "indicator,date,value,note\nI1,2024-06-30,22,ok\nI1,2024-12-31,21," + "x" * 140_000 + "\n",
        "utf-8",
    )
    out = tmp / "status.xlsx"
    return Case(
        args=["evaluate", str(EXAMPLE), "--measurements", str(csv), "-o", str(out)],
        exit=1,
        contains=[f"{csv}:3:", "longer than 131,072 characters"],
        not_written=[out],
    )
