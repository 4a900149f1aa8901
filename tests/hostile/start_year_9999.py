"""``start: 9999-01-01``: passed ``check``, then every evaluating command died with
"year 10000 is out of range" in a traceback (the horizon's years). It must fail
``check`` (GV007) and be refused by ``report`` with the file and the field named."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case


def make(tmp: Path) -> Case:
    plan = tmp / "plan.yaml"
    plan.write_text(
        "schema: gevinst/1\nplan: {id: p, title: Tittel, start: 9999-01-01}\n"
        "goals:\n  - {id: G1, name: Mål}\n"
        "benefits:\n  - {id: B1, name: Gevinst, contributes_to: [G1], value: {annual: 100}}\n",
        "utf-8",
    )
    out = tmp / "rapport.md"
    out.write_text("the old report\n", "utf-8")
    return Case(
        args=["report", str(plan), "-o", str(out)],
        exit=1,
        contains=[str(plan), "GV007", "start is 9999-01-01", "2200-12-31"],
        unchanged=[out],
    )
