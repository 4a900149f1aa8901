"""A 10 MB name (one word, no spaces). It hung every ``render`` and ``report`` in label
wrapping; it must be refused at load, quickly, with the element, the line and the
limit, and nothing written."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case


def make(tmp: Path) -> Case:
    plan = tmp / "plan.yaml"
    plan.write_text(
        "schema: gevinst/1\nplan: {id: p, title: T}\n"
        "goals:\n- id: G1\n  name: " + "æ" * 10_000_000 + "\n",
        "utf-8",
    )
    out = tmp / "report.html"
    return Case(
        args=["report", str(plan), "-o", str(out)],
        exit=1,
        contains=[f"{plan}:5:", "[G1 name]", "at most 500 characters"],
        absent=["æææææææææ"],  # the name is not echoed back
        not_written=[out],
    )
