"""A 400-digit integer as a measured value in JSON: OverflowError traceback in the model.
It must be an input error at its line, naming the field, and write nothing."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case


def make(tmp: Path) -> Case:
    plan = tmp / "plan.json"
    plan.write_text(
        '{"schema": "gevinst/1", "plan": {"id": "p", "title": "Tittel"},\n'
        ' "indicators": [{"id": "I1", "name": "Ventetid"}],\n'
        ' "measurements": [\n'
        f'  {{"indicator": "I1", "date": "2025-01-01", "value": -{"7" * 400}}}]}}\n',
        "utf-8",
    )
    out = tmp / "evaluering.csv"
    return Case(
        args=["evaluate", str(plan), "--at", "2025-06-01", "-o", str(out)],
        exit=1,
        contains=[f"{plan}:4:", "measurements", "401 digits"],
        not_written=[out],
    )
