"""``render plan.yaml -o kart.json`` where kart.json is a symbolic link to the plan:
writing through the link would replace the plan. The same file is found through links."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.hostile import Case

MINIMAL = Path(__file__).parent.parent.parent / "examples" / "minimal.yaml"


def make(tmp: Path) -> Case:
    plan = tmp / "plan.yaml"
    shutil.copy(MINIMAL, plan)
    link = tmp / "kart.json"
    link.symlink_to(plan.name)
    return Case(
        args=["render", str(plan), "-o", str(link), "--lang", "en"],
        exit=1,
        contains=[f"{link} is the input plan; choose another output file"],
        unchanged=[plan],
    )
