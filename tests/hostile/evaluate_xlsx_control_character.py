"""A goal name with a control character (BEL) and ``evaluate -o status.xlsx``: openpyxl's
IllegalCharacterError came out as a traceback. It is refused as ``plan.save`` to .xlsx
refuses it: the element, the field and "control character"; the old file stays."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case


def make(tmp: Path) -> Case:
    plan = tmp / "plan.yaml"
    plan.write_text(
        'schema: gevinst/1\nplan: {id: p, title: T}\ngoals:\n  - {id: G1, name: "Mål\\a nådd"}\n'
        "indicators:\n"
        '  - {id: I1, name: Ventetid, unit: "dager\\x1b[31m", baseline: {date: 2024-01-01, '
        "value: 3}, targets: [{date: 2025-01-01, value: 2}]}\n",
        "utf-8",
    )
    out = tmp / "status.xlsx"
    out.write_bytes(b"the evaluation of last quarter")
    return Case(
        args=["evaluate", str(plan), "-o", str(out)],
        exit=1,
        contains=["[G1 name]", "contains a control character that Excel cannot store"],
        absent=["IllegalCharacterError"],
        unchanged=[out],
    )
