"""``--measurements /dev/zero``: the measurement file has no suffix to refuse, and it
was read without end. It is now read only up to the limit, and the message names it."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.hostile import Case

MINIMAL = Path(__file__).parent.parent.parent / "examples" / "minimal.yaml"


def make(tmp: Path) -> Case:
    plan = tmp / "plan.yaml"
    shutil.copy(MINIMAL, plan)
    out = tmp / "evaluering.csv"
    return Case(
        args=["evaluate", str(plan), "--measurements", "/dev/zero", "-o", str(out)],
        exit=1,
        contains=["/dev/zero: more than 200 MiB came from it; a measurement file is at most"],
        not_written=[out],
    )
