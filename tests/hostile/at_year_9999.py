"""``report --at 9999-12-31``: the evaluation ran, then the charts died with "date value
out of range" in a traceback. An evaluation date after 2200-12-31 is an input error said
before any work, and nothing is written."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case

ROOT = Path(__file__).resolve().parents[2]


def make(tmp: Path) -> Case:
    out = tmp / "rapport.html"
    plan = ROOT / "examples" / "bergen_barnevern" / "plan.yaml"
    return Case(
        args=["report", str(plan), "-o", str(out), "--at", "9999-12-31"],
        exit=1,
        contains=["--at 9999-12-31", "2200-12-31"],
        not_written=[out],
    )
