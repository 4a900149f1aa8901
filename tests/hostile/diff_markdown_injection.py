"""A unit, a name and a title with line breaks and Markdown in them, shown by
``gevinst diff --format md``. On main the unit was written as it was, so a unit
``uker\\n# Overskrift\\n- punkt`` made a heading and a list item of its own in the
case document. Every line must stay the one line gevinst wrote, with Markdown's
special characters escaped (no link, no HTML, no code fence)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.hostile import Case

OLD = """\
schema: gevinst/1
plan: {id: p, title: Plan}
indicators:
  - id: I1
    name: Ventetid
    unit: uker
    baseline: {date: 2024-01-01, value: 30}
    targets: [{date: 2025-12-31, value: 20}]
"""

NEW = """\
schema: gevinst/1
plan: {id: p, title: "Plan\\n# Overskrift i tittel"}
indicators:
  - id: I1
    name: "Ventetid\\n\\n## Falsk gruppe\\n\\n- [lenke](https://example.org) <img src=x>"
    unit: "uker\\n# Overskrift\\n- punkt\\n1. nummer\\n> sitat\\n```\\nkode"
    baseline: {date: 2024-01-01, value: 30}
    targets: [{date: 2025-12-31, value: 25}]
"""


def _one_line_each(output: str) -> None:
    lines = output.splitlines()
    assert [line for line in lines if line.startswith("# ")] == [lines[0]], lines
    for line in lines[1:]:
        assert not line or line.startswith(("## ", "- ")) or line[0].isdigit(), line
        if line.startswith("## "):
            assert re.fullmatch(r"## [\w ]+ \(\d+\)", line), line
    # no link, no HTML tag, no code: each special character escaped
    assert not re.search(r"(?<!\\)[<>\[\]`]", output), output


def make(tmp: Path) -> Case:
    old, new = tmp / "old.yaml", tmp / "new.yaml"
    old.write_text(OLD, "utf-8")
    new.write_text(NEW, "utf-8")
    return Case(
        args=["diff", str(old), str(new), "--format", "md"],
        exit=0,
        contains=["from 20 uker \\# Overskrift - punkt", "\\[lenke\\]"],
        absent=["\n# Overskrift", "\n- punkt", "\n1. nummer", "\n> sitat", "\n```"],
        check=_one_line_each,
    )
