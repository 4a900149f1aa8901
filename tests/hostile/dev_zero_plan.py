"""A plan that is a symbolic link to ``/dev/zero`` (``/dev/zero`` itself is refused for
its missing suffix): it was read without end until the process was killed at 24 GB.
A device or pipe is now read only up to the limit."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case


def make(tmp: Path) -> Case:
    plan = tmp / "zero.yaml"
    plan.symlink_to("/dev/zero")
    out = tmp / "kart.svg"
    return Case(
        args=["render", str(plan), "-o", str(out)],
        exit=1,
        contains=[f"{plan}: more than 200 MiB came from it; a plan is at most 200 MiB"],
        not_written=[out],
    )
