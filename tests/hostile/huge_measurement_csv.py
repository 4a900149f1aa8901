"""A measured value of 1e308 in a measurements CSV: it passed ``check`` and turned
progress and forecasts into ``inf``. ``evaluate --measurements`` must refuse it (GV007),
say that the error came with the measurements file, and write nothing."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case


def make(tmp: Path) -> Case:
    plan = tmp / "plan.yaml"
    plan.write_text(
        "schema: gevinst/1\nplan: {id: p, title: Tittel, start: 2024-01-01}\n"
        "indicators:\n"
        "  - id: I1\n    name: Ventetid\n"
        "    baseline: {date: 2024-01-01, value: 30}\n"
        "    targets: [{date: 2025-01-01, value: 20}]\n",
        "utf-8",
    )
    csv = tmp / "målinger.csv"
    csv.write_text("indicator,date,value\nI1,2024-06-01,1e308\n", "utf-8")
    out = tmp / "evaluering.json"
    return Case(
        args=[
            "evaluate",
            str(plan),
            "--at",
            "2024-07-01",
            "--measurements",
            str(csv),
            "-o",
            str(out),
        ],
        exit=1,
        contains=[
            f"with the measurements in {csv}",
            f"{plan}:4: GV007 error I1",
            "the measurement of I1 dated 2024-06-01 is 1e+308",
            f"--measurements {csv}",
        ],
        not_written=[out],
    )
