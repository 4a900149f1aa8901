"""docs/architecture.md stays true: its examples run, and it names every module.

The page's ``python`` blocks run in one namespace, each compared with the ``text``
block right after it (as the guides are, see ``tests/test_docs_guides.py``); ``py``
blocks are sketches of code that goes into a file of gevinst and are not run. Every
file the page names exists, every module of the package is named, and every layer of
the import contract in pyproject.toml is in the drawing.
"""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

from tests.test_docs_guides import FENCE, replay, steps

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "architecture.md"
TEXT = PAGE.read_text("utf-8")


def test_the_examples_are_found() -> None:
    """Two examples run (a map format, a chart), two sketches do not."""
    cells = [s for s in steps(TEXT) if s.kind == "python"]
    assert len(cells) == 2
    assert all(cell.old for cell in cells)  # each shows what it prints
    sketches = [m for m in FENCE.finditer(TEXT) if m.group(1) == "py"]
    assert len(sketches) == 2


def test_the_examples_print_what_the_page_shows(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    problems = replay(TEXT, tmp_path)
    assert not problems, "\n\n".join(problems)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["examples"]  # nothing written


#: The file a recipe makes up: it must stay made up, or the recipe would clash.
INVENTED = {"gevinst/render/text.py"}


def _named_paths() -> set[str]:
    return set(re.findall(r"`(gevinst/[\w/]+(?:\.py|/))`", TEXT))


def test_every_file_named_exists() -> None:
    named = _named_paths()
    assert "gevinst/analysis/checks.py" in named
    assert named >= INVENTED
    for path in named:
        there = (ROOT / path).exists()
        assert there != (path in INVENTED), f"docs/architecture.md names {path}: there? {there}"


def test_every_module_is_named() -> None:
    named = _named_paths()
    for module in sorted((ROOT / "gevinst").rglob("*.py")):
        path = module.relative_to(ROOT).as_posix()
        is_package = module.name == "__init__.py"
        if is_package and path.count("/") > 1 and path not in named:
            # a package whose modules are listed one by one
            continue
        assert path in named, f"docs/architecture.md does not say what {path} is for"


def test_every_layer_of_the_contract_is_drawn() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    layers = next(c["layers"] for c in contracts if c["type"] == "layers")
    drawing = next(m.group(2) for m in FENCE.finditer(TEXT) if "personal_data" in m.group(2))
    for layer in layers:
        for name in layer.split("|"):
            name = name.strip()
            package = (ROOT / "gevinst" / name).is_dir()
            path = f"gevinst/{name}/" if package else f"gevinst/{name}.py"
            assert path in drawing, f"the layer {name} of pyproject.toml is not drawn"
