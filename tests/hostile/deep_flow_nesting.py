"""100,000 nested flow lists. With PyYAML 6.0.4's libyaml the nesting limit fired inside
libyaml and the user was told to put text in quotes; it must say the file is nested too
deeply, at its place."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case


def make(tmp: Path) -> Case:
    plan = tmp / "deep.yaml"
    plan.write_text(
        "schema: gevinst/1\nplan: {id: p, title: T}\ngoals: "
        + "[" * 100_000
        + "]" * 100_000
        + "\n",
        "utf-8",
    )
    out = tmp / "map.svg"
    return Case(
        args=["render", str(plan), "-o", str(out)],
        exit=1,
        contains=[f"{plan}:3:", "nested too deeply"],
        absent=["quotes"],
        not_written=[out],
    )
