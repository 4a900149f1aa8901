"""A sparse 5 GB plan file (``truncate -s 5G``): it was read whole before the 200 MiB
check (27 s, 5 GB of memory). Its size is now checked before a byte is read."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case


def make(tmp: Path) -> Case:
    plan = tmp / "big.yaml"
    with plan.open("wb") as handle:
        handle.truncate(5 * 2**30)  # holes only: nothing on the disk
    out = tmp / "kart.svg"
    return Case(
        args=["render", str(plan), "-o", str(out)],
        exit=1,
        contains=[f"{plan}: the file is 5,120 MiB; a plan is at most 200 MiB"],
        not_written=[out],
    )
