"""``diff a.yaml b.json -o a.yaml`` exited 0 and wrote the diff over the old plan."""

from __future__ import annotations

import shutil
from pathlib import Path

import gevinst as gv
from tests.hostile import Case

MINIMAL = Path(__file__).parent.parent.parent / "examples" / "minimal.yaml"


def make(tmp: Path) -> Case:
    old = tmp / "a.yaml"
    new = tmp / "b.json"
    shutil.copy(MINIMAL, old)
    gv.save(gv.load(MINIMAL), new)
    return Case(
        args=["diff", str(old), str(new), "-o", str(old), "--lang", "en"],
        exit=1,
        contains=[f"{old} is the old plan; choose another output file"],
        unchanged=[old, new],
    )
