"""A Mermaid map of 10,000 elements. Choosing what the map shows rebuilt the order of all
shown elements once per element (mapview._select), so ``render -o .mmd`` grew
quadratically: 10.5 s at 10,000 elements on the red team's machine, 36 s at 5,000 on a
busy one. It must stay within the budget (benchmarks/bench_mermaid.py measures it).
The map is far above Mermaid's limits (500 links, 50,000 characters), so after choosing
and writing it the command refuses, names the other ways and writes no file."""

from __future__ import annotations

from pathlib import Path

from benchmarks.generate import portfolio_text
from tests.hostile import Case


def make(tmp: Path) -> Case:
    plan = tmp / "portfolio.yaml"
    plan.write_text(portfolio_text(5000, seed=1), "utf-8")  # 10,000 map elements
    out = tmp / "map.mmd"
    return Case(
        args=["render", str(plan), "-o", str(out)],
        exit=1,
        contains=[
            "Mermaid draws at most 500 links",
            "--focus GOAL (G1, G2",
            "or draw the map as .svg or .html.",
        ],
        not_written=[out],
    )
