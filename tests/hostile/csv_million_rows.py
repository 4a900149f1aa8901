"""A measurement file with 1,048,575 rows (the most an Excel sheet has). Reading it took
107 s and 1.5 GB. It is refused before parsing, with the limit (50,000 rows) in the
message."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case
from tests.workbooks import EXAMPLE


def make(tmp: Path) -> Case:
    csv = tmp / "m.csv"
    csv.write_text("indicator,date,value\n" + "I1,2024-06-30,22\n" * 1_048_575, "utf-8")
    out = tmp / "report.md"
    return Case(
        args=["report", str(EXAMPLE), "--measurements", str(csv), "-o", str(out)],
        exit=1,
        contains=[f"{csv}:", "1,048,576 lines", "at most 50,000 rows"],
        not_written=[out],
    )
