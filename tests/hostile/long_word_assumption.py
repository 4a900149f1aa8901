"""Texts that are not names get through at any length: an assumption (shown as a note on
the map) and descriptions that are one 4,000-character word each. Their wrap must be
linear in the text, so ``render --assumptions`` draws them, each line no wider than
the note, well within the budget (the old wrap took minutes on one such word)."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case

WORD = "a" * 4000


def make(tmp: Path) -> Case:
    plan = tmp / "plan.yaml"
    plan.write_text(
        f"schema: gevinst/1\nplan: {{id: p, title: T, description: {WORD}}}\n"
        "goals:\n- id: G1\n  name: Mål\n"
        "benefits:\n- id: B1\n  name: Gevinst\n  contributes_to: [G1]\n"
        f"  description: {WORD}\n  assumptions: [{WORD}]\n",
        "utf-8",
    )
    out = tmp / "map.svg"

    def drawn(output: str) -> None:
        svg = out.read_text("utf-8")
        pieces = svg.count("aaaaaaaaaa-<")  # the word cut into hyphenated lines
        assert pieces > 50, pieces

    return Case(
        args=["render", str(plan), "--assumptions", "-o", str(out)],
        exit=0,
        contains=["map.svg"],
        check=drawn,
    )
