"""``diff`` printed renamed names raw: a new name could set the window title or hide
a hyperlink in the change list a manager reads."""

from __future__ import annotations

import shutil
from pathlib import Path

import gevinst as gv
from tests.hostile import Case

MINIMAL = Path(__file__).parent.parent.parent / "examples" / "minimal.yaml"


def make(tmp: Path) -> Case:
    old = tmp / "old.yaml"
    shutil.copy(MINIMAL, old)
    plan = gv.load(MINIMAL)
    plan.measures[0].name = "Tiltak\x1b]0;eid\x07\x1b]8;;http://x\x1b\\lenke\x1b]8;;\x1b\\\x08"
    plan.indicators[0].unit = "dager\x07"
    new = tmp / "new.json"
    gv.save(plan, new)
    return Case(
        args=["diff", str(old), str(new)],
        exit=0,  # if diff comes to exit 1 on changes by default (git diff --exit-code): 1
        contains=["Tiltak\\u001b]0;eid\\u0007"],
        absent=["\x1b", "\x07", "\x08"],
    )
