"""No module of gevinst uses another module's private names (``from x import _y``,
``x._y`` of a module it imported).

A name with a leading underscore may change without notice; a module that needs it
from elsewhere should get it under a public name where it belongs. The allowlist
names the few imports within one package that are justified, each with its reason.
"""

from __future__ import annotations

import ast
from pathlib import Path

import gevinst

PACKAGE = Path(gevinst.__file__).parent

_PPTX_BASE = "the deck's drawing kit, shared by the modules of gevinst.report.pptx only"

#: (importing module, imported module) -> why the private names may cross.
ALLOWED: dict[tuple[str, str], str] = {
    ("gevinst.report.pptx.charts", "gevinst.report.pptx.base"): _PPTX_BASE,
    ("gevinst.report.pptx.deck", "gevinst.report.pptx.base"): _PPTX_BASE,
    ("gevinst.report.pptx.slides_map", "gevinst.report.pptx.base"): _PPTX_BASE,
    ("gevinst.report.pptx.slides_text", "gevinst.report.pptx.base"): _PPTX_BASE,
    ("gevinst.report.pptx.stakeholders", "gevinst.report.pptx.base"): _PPTX_BASE,
    ("gevinst.report.pptx.tables", "gevinst.report.pptx.base"): _PPTX_BASE,
    ("gevinst.report.pptx.map", "gevinst.report.pptx.shapes"): (
        "the slide shapes of the map, drawn by gevinst.report.pptx.map only"
    ),
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def private_imports(source: str, module: str) -> list[tuple[int, str, str]]:
    """(line, other module, name) of each private name ``module`` imports from another
    gevinst module, or reads as an attribute of one it imported."""
    found = []
    tree = ast.parse(source)
    imported: dict[str, str] = {}  # local name -> gevinst module or name
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "gevinst" and alias.asname:
                    imported[alias.asname] = alias.name
        if not isinstance(node, ast.ImportFrom) or node.level or not node.module:
            continue
        if node.module.split(".")[0] != "gevinst" or node.module == module:
            continue
        for alias in node.names:
            if alias.name.startswith("_") and not alias.name.startswith("__"):
                found.append((node.lineno, node.module, alias.name))
            imported[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in imported
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            found.append((node.lineno, imported[node.value.id], node.attr))
    return found


def test_the_walk_finds_a_private_import() -> None:
    source = "from gevinst.io.plans import load, _decode\nfrom gevinst.model import Plan\n"
    assert private_imports(source, "gevinst.io.inputs") == [(1, "gevinst.io.plans", "_decode")]
    assert private_imports("from gevinst import __version__\n", "gevinst.cli") == []
    assert private_imports("from gevinst._files import atomic_write\n", "gevinst.cli") == []
    source = "from gevinst.render import html as map_html\nmap_html._facts(plan)\n"
    assert private_imports(source, "gevinst.report.html") == [(2, "gevinst.render.html", "_facts")]
    source = "from gevinst.model import Plan\nPlan._private\nx._other\n"
    assert private_imports(source, "gevinst.io.plans") == [(2, "gevinst.model.Plan", "_private")]


def test_no_module_imports_private_names_of_another() -> None:
    offending = []
    used = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        for line, imported, name in private_imports(path.read_text("utf-8"), module):
            if (module, imported) in ALLOWED:
                used.add((module, imported))
                continue
            offending.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {name} of {imported}")
    assert offending == [], "give these a public name where they belong:\n" + "\n".join(offending)
    assert used == set(ALLOWED), f"no longer needed in ALLOWED: {set(ALLOWED) - used}"
