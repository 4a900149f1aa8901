"""A named pipe as the plan, with no one writing to it: opening it waited forever.
It is now opened without waiting, and a pipe without a writer reads as empty."""

from __future__ import annotations

import os
from pathlib import Path

from tests.hostile import Case


def make(tmp: Path) -> Case:
    plan = tmp / "plan.yaml"
    os.mkfifo(plan)
    return Case(args=["check", str(plan)], exit=1, contains=[f"{plan}:1: the file is empty"])
