"""A "workbook" that never ends: plan.xlsx is a link to /dev/zero. It was read whole
before any check (MemoryError). At most 128 MiB (the most a plan workbook unpacks to)
is read before it is refused."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case


def make(tmp: Path) -> Case:
    plan = tmp / "plan.xlsx"
    plan.symlink_to("/dev/zero")
    return Case(
        args=["check", str(plan)],
        exit=1,
        contains=[f"{plan}: the file is larger than 134,217,728 bytes"],
    )
