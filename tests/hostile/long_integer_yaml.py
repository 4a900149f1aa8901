"""A 400-digit integer as an amount in YAML: ``float()`` of it raised OverflowError and
every command showed a traceback. It must be an input error at its line and column,
naming the element and field, and write nothing."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case


def make(tmp: Path) -> Case:
    plan = tmp / "plan.yaml"
    plan.write_text(
        "schema: gevinst/1\nplan: {id: p, title: Tittel}\ngoals:\n  - {id: G1, name: Mål}\n"
        "benefits:\n  - id: B1\n    name: Gevinst\n    contributes_to: [G1]\n"
        f"    value: {{annual: {'9' * 400}}}\n",
        "utf-8",
    )
    out = tmp / "kart.svg"
    return Case(
        args=["render", str(plan), "-o", str(out)],
        exit=1,
        contains=[f"{plan}:9:", "B1 value.annual", "401 digits", "1e15"],
        not_written=[out],
    )
