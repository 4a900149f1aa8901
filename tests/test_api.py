"""The public API: everything in gevinst/__init__.py, sorted, complete, light to import."""

from __future__ import annotations

import subprocess
import sys
import types

import gevinst as gv


def _isort_key(name: str) -> tuple[int, str]:
    # ruff's RUF022 order: CONSTANTS, then Classes, then everything else
    if name.isupper() and len(name) > 1:
        return 0, name
    return (1, name) if name[0].isupper() else (2, name)


def test_all_is_sorted_and_unique() -> None:
    assert list(gv.__all__) == sorted(set(gv.__all__), key=_isort_key)


def test_all_is_complete() -> None:
    public = {
        name
        for name, value in vars(gv).items()
        if not name.startswith("_")
        and not isinstance(value, types.ModuleType)
        and name != "annotations"
    }
    assert public | {"__version__"} == set(gv.__all__)


def test_every_name_exists() -> None:
    for name in gv.__all__:
        assert getattr(gv, name) is not None


def test_import_is_light() -> None:
    code = (
        "import sys, gevinst\n"
        "heavy = {'matplotlib', 'pandas', 'pptx', 'openpyxl', 'wasmtime', 'selenium'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_py_typed_ships() -> None:
    from importlib.resources import files

    assert files("gevinst").joinpath("py.typed").is_file()
