"""A national identity number in a YAML comment. Before the fix ``render`` drew the map
and exited 0: only ``check`` looked, at the plan as read, so a comment passed (and a hit
in a value was put at the element's first line, not its own)."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case


def make(tmp: Path) -> Case:
    plan = tmp / "plan.yaml"
    plan.write_text(
        "schema: gevinst/1\n"
        "plan: {id: p, title: Prøve}\n"
        "goals:\n"
        "  # sjekket mot saken til 150190 10063\n"
        "  - {id: G1, name: Trygge barn}\n",
        "utf-8",
    )
    out = tmp / "kart.svg"
    return Case(
        args=["render", str(plan), "-o", str(out)],
        exit=1,
        contains=[f"{plan}:4:27:", "GV201", "nothing was written"],
        absent=["150190 10063", "15019010063", "10063"],
        not_written=[out],
    )
