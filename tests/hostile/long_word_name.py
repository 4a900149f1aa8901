"""A name that is one 4,000-character word. Label wrapping measured the word again for
every cut it tried, for every line: ``render`` took 20 s (200 s on a busy machine). A
name is a label, so the model now refuses one over 500 characters at load, naming the
element, the line and the limit; the wrap is linear for what gets through."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case


def make(tmp: Path) -> Case:
    plan = tmp / "plan.yaml"
    plan.write_text(
        "schema: gevinst/1\nplan: {id: p, title: T}\n"
        "goals:\n- id: G1\n  name: Mål\n"
        "objectives:\n- id: O1\n  name: " + "x" * 4000 + "\n  contributes_to: [G1]\n",
        "utf-8",
    )
    out = tmp / "map.svg"
    return Case(
        args=["render", str(plan), "-o", str(out)],
        exit=1,
        contains=[f"{plan}:8:", "[O1 name]", "at most 500 characters", "this one has 4000"],
        not_written=[out],
    )
