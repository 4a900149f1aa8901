"""A plan file whose name holds a window-title escape: ``check`` printed the name raw in
its message (``FILE:LINE: ...``), and click's usage errors quoted extra arguments raw."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case


def make(tmp: Path) -> Case:
    plan = tmp / "\x1b]0;eid\x07plan.yaml"
    plan.write_text("schema: gevinst/1\nplan: {id: p, title: [}\n", "utf-8")
    return Case(
        args=["check", str(plan)],
        exit=1,
        contains=["\\u001b]0;eid\\u0007plan.yaml:2:"],
        absent=["\x1b", "\x07"],
    )
