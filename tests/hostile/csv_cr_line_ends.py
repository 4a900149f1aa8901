"""A measurement file with CR alone as line end (as old Mac Excel saves CSV). The csv
module raised "new-line character seen in unquoted field" as a traceback. CR is read as a
line end, like LF and CRLF."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case
from tests.workbooks import EXAMPLE


def _realised_21(output: str) -> None:
    row = next(line for line in output.splitlines() if line.startswith("I1 "))
    assert " 21 " in row, row  # the realised value: the last measurement, from line 3


def make(tmp: Path) -> Case:
    csv = tmp / "målinger.csv"
    csv.write_bytes(b"indicator,date,value\rI1,2024-06-30,22\rI1,2024-12-31,21\r")
    return Case(
        args=["evaluate", str(EXAMPLE), "--measurements", str(csv), "--at", "2025-01-01"],
        exit=0,
        check=_realised_21,
    )
