"""The catalogue of hostile inputs: one module per case, found by the red team or by us.

Each module here has a docstring saying what the attack is and what it did before it was
fixed, and a function ``make(tmp: Path) -> Case`` that writes its input files into
``tmp`` (large inputs are generated, not stored) and says what must happen. The suite
runs every case in-process (``tests/test_hostile.py``); ``benchmarks/hostile_budget.py``
runs each in its own process and checks the time and memory budget.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Case:
    """What one hostile command must do.

    Attributes:
        args: the ``gevinst`` command line, without ``gevinst``.
        exit: the exit code it must give (0 or 1; never a traceback).
        contains: texts the output (stdout and stderr) must contain, such as the file
            name and the place.
        absent: texts the output must not contain (an identity number, an escape).
        not_written: paths that must not exist afterwards.
        unchanged: paths whose bytes must be the same afterwards.
        check: an extra check on the run, called with the output text.
    """

    args: list[str]
    exit: int
    contains: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    not_written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    check: Callable[[str], None] | None = None


def cases() -> dict[str, Callable[[Path], Case]]:
    """Every case of the catalogue, by module name."""
    found: dict[str, Callable[[Path], Case]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        found[info.name] = module.make
    return found
