"""``annual: 1e308`` in a JSON plan: finite, so it passed ``check``, and ``report -o
.pptx`` crashed with a traceback on the infinite sums. It must fail ``check`` (GV007) and
every command that evaluates must refuse it, naming the file, line and element, and
write nothing."""

from __future__ import annotations

import json
from pathlib import Path

from tests.hostile import Case


def huge_plan(tmp: Path, value: dict[str, object] | None = None, **info: object) -> Path:
    """A small JSON plan whose benefit B1 (line 4) has ``value`` (default annual 1e308)."""
    plan = tmp / "huge.json"
    header = {"id": "p", "title": "Tittel", "start": "2025-01-01", **info}
    benefit = {"id": "B1", "name": "Gevinst", "contributes_to": ["G1"]}
    benefit["value"] = value if value is not None else {"annual": 1e308}
    plan.write_text(
        '{"schema": "gevinst/1",\n'
        f' "plan": {json.dumps(header)},\n'
        ' "goals": [{"id": "G1", "name": "Mål"}],\n'
        f' "benefits": [{json.dumps(benefit)}]}}\n',
        "utf-8",
    )
    return plan


def make(tmp: Path) -> Case:
    plan = huge_plan(tmp)
    out = tmp / "bystyret.pptx"
    return Case(
        args=["report", str(plan), "-o", str(out)],
        exit=1,
        contains=[f"{plan}:4: GV007 error B1", "value.annual is 1e+308", "1e15"],
        not_written=[out],
    )
