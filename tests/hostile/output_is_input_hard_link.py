"""``convert plan.json twin.yaml`` where twin.yaml is a hard link to plan.json: a write
through the other name replaces the plan. The same file is found by device and inode."""

from __future__ import annotations

import os
from pathlib import Path

import gevinst as gv
from tests.hostile import Case

MINIMAL = Path(__file__).parent.parent.parent / "examples" / "minimal.yaml"


def make(tmp: Path) -> Case:
    plan = tmp / "plan.json"
    gv.save(gv.load(MINIMAL), plan)
    twin = tmp / "twin.yaml"
    os.link(plan, twin)
    return Case(
        args=["convert", str(plan), str(twin), "--lang", "en"],
        exit=1,
        contains=[f"{twin} is the plan to convert; choose another output file"],
        unchanged=[plan],
    )
