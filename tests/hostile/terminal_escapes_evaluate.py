"""``evaluate`` printed names and units with terminal escapes raw (window title,
hidden hyperlink, backspaces over the status column)."""

from __future__ import annotations

from pathlib import Path

import gevinst as gv
from tests.hostile import Case

MINIMAL = Path(__file__).parent.parent.parent / "examples" / "minimal.yaml"
NAME = "Gevinst\x1b]0;eid\x07 \x1b]8;;http://x\x1b\\lenke\x1b]8;;\x1b\\ \x08\x08\x08"


def make(tmp: Path) -> Case:
    plan = gv.load(MINIMAL)
    plan.benefits[0].name = NAME
    plan.indicators[0].name = NAME
    plan.indicators[0].unit = "dager\x1b[31m"
    path = tmp / "plan.json"
    gv.save(plan, path)
    return Case(
        args=["evaluate", str(path), "--at", "2025-06-30"],
        exit=0,
        contains=["Gevinst\\u001b]0;eid\\u0007"],
        absent=["\x1b", "\x07", "\x08"],
    )
