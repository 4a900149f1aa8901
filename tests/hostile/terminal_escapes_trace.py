"""Names with an OSC window title (``ESC ] 0 ; ... BEL``), a hidden hyperlink
(``ESC ] 8 ;; url ESC \\``), backspaces, a carriage return and a C1 CSI were printed
raw by ``trace``: the terminal obeyed them. They are now shown as ``\\u001b`` and so on."""

from __future__ import annotations

from pathlib import Path

import gevinst as gv
from tests.hostile import Case

MINIMAL = Path(__file__).parent.parent.parent / "examples" / "minimal.yaml"
NAME = "Tiltak\x1b]0;eid\x07 \x1b]8;;http://x\x1b\\lenke\x1b]8;;\x1b\\ slett\x08\x08\r\x9b2J"


def make(tmp: Path) -> Case:
    plan = gv.load(MINIMAL)
    plan.measures[0].name = NAME
    plan.goals[0].name = "Mål\x1b[2J\x1b[H"
    path = tmp / "plan.json"
    gv.save(plan, path)
    return Case(
        args=["trace", str(path), "M1"],
        exit=0,
        contains=["Tiltak\\u001b]0;eid\\u0007", "slett\\u0008\\u0008\\u000d\\u009b2J"],
        absent=["\x1b", "\x07", "\x08", "\r", "\x9b"],
    )
