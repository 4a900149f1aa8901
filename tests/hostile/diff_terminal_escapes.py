"""An indicator's name with a terminal escape (OSC: set the window title), a bell, a
backspace and line breaks, shown by ``gevinst diff``. On main they were printed as
they were: the terminal obeyed them and a name could write lines that look like
gevinst's own. Each difference must be one line, with no control character."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case

OLD = """\
schema: gevinst/1
plan: {id: p, title: Plan}
indicators:
  - {id: I1, name: Ventetid, unit: uker}
"""

NEW = """\
schema: gevinst/1
plan: {id: p, title: Plan}
indicators:
  - id: I1
    name: "Ventetid\\e]0;eid\\a\\b\\b\\bX"
    unit: "uker\\n- Gevinst B9: alt i rute\\r\\u2028neste"
"""


def _no_control(output: str) -> None:
    assert not [c for c in output if ord(c) < 32 and c != "\n"], repr(output)
    assert "\u2028" not in output
    assert all(not line.startswith("- Gevinst B9") for line in output.splitlines())


def make(tmp: Path) -> Case:
    old, new = tmp / "old.yaml", tmp / "new.yaml"
    old.write_text(OLD, "utf-8")
    new.write_text(NEW, "utf-8")
    return Case(
        args=["diff", str(old), str(new), "--lang", "en"],
        exit=0,
        contains=["Indicator I1", "unit from «uker» to «uker - Gevinst B9: alt i rute neste»"],
        check=_no_control,
    )
