"""A national identity number in the note of a measurements CSV. Before the fix the plan
file was blamed, at line 1, and ``render --measurements`` drew the map all the same."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case


def make(tmp: Path) -> Case:
    plan = tmp / "plan.yaml"
    plan.write_text(
        "schema: gevinst/1\n"
        "plan: {id: p, title: Prøve}\n"
        "indicators:\n"
        "  - {id: I1, name: Ventetid, unit: dager, baseline: {date: 2024-01-01, value: 30}}\n",
        "utf-8",
    )
    table = tmp / "målinger.csv"
    table.write_text(
        "indicator,date,value,note\nI1,2024-06-30,25,ok\nI1,2024-09-30,22,gjelder 55019010057\n",
        "utf-8",
    )
    out = tmp / "evaluering.csv"
    return Case(
        args=["evaluate", str(plan), "--measurements", str(table), "-o", str(out)],
        exit=1,
        contains=[f"{table}:3:", "GV201"],
        absent=["55019010057", f"{plan}:"],
        not_written=[out],
        unchanged=[plan, table],
    )
