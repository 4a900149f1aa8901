"""``evaluate same.json -o same.json`` exited 0 and replaced the plan with its own
evaluation: the plan was lost. A command must never write over one of its inputs."""

from __future__ import annotations

from pathlib import Path

import gevinst as gv
from tests.hostile import Case

MINIMAL = Path(__file__).parent.parent.parent / "examples" / "minimal.yaml"


def make(tmp: Path) -> Case:
    plan = tmp / "same.json"
    gv.save(gv.load(MINIMAL), plan)
    return Case(
        args=["evaluate", str(plan), "-o", str(plan), "--lang", "en"],
        exit=1,
        contains=[f"{plan} is the input plan; choose another output file"],
        unchanged=[plan],
    )
