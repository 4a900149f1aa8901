"""What the docs show in passing works when a reader copies it.

- Every complete plan in a YAML or JSON block of the docs (a block with ``schema:``)
  passes ``gevinst check`` without errors, so an example cannot drift from the format.
  An outline whose sections are ``[...]`` (the shape in format.md) is not a plan. A
  few examples show an error on purpose (``BROKEN_ON_PURPOSE``): they give exactly the
  errors named there, and their pages are replayed with what ``check`` prints.
- Every call written inline as ``gevinst.module.function(...)`` resolves the way a
  reader's ``import gevinst.module`` makes it resolve (``gevinst.render`` is the
  function ``gv.render``, not the module, so such a name must not be documented).
"""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import gevinst
from gevinst.cli import cli

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted([*DOCS.rglob("*.md"), ROOT / "README.md"])
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```[ \t]*$", re.M | re.S)
SCHEMA = re.compile(r"""^\s*(?:schema:|\{?\s*"schema"\s*:)""", re.M)
INLINE_CALL = re.compile(r"`((?:gevinst|gv)(?:\.\w+)+)\(")


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _plan_blocks() -> list[tuple[str, str, str]]:
    """(page and block number, yaml or json, text) of every complete plan in the docs."""
    found = []
    for page in PAGES:
        for number, match in enumerate(FENCE.finditer(page.read_text("utf-8")), start=1):
            lang, body = match.group(1), match.group(2)
            outline = "[...]" in body
            if lang in ("yaml", "yml", "json") and SCHEMA.search(body) and not outline:
                fmt = "json" if lang == "json" else "yaml"
                found.append((f"{_name(page)}#{number}", fmt, body))
    return found


PLAN_BLOCKS = _plan_blocks()

#: Examples that show an error on purpose, with the error codes they must give.
BROKEN_ON_PURPOSE = {
    "docs/checks.md#4": {"GV020", "GV021", "GV022"},  # money that cannot be computed
    "docs/checks.md#6": {"GV201"},  # an identity number, refused wherever it is
    "docs/limits.md#1": {"GV007"},  # an amount beyond what a plan can hold
}


def test_the_plan_examples_are_found() -> None:
    """Discovery must not silently find nothing: these pages show whole plans."""
    pages = {where.split("#")[0] for where, _, _ in PLAN_BLOCKS}
    assert {"docs/format.md", "docs/index.md", "docs/tutorial.md"} <= pages
    assert "json" in {fmt for _, fmt, _ in PLAN_BLOCKS}


@pytest.mark.parametrize(("where", "fmt", "text"), PLAN_BLOCKS, ids=[b[0] for b in PLAN_BLOCKS])
def test_every_plan_example_in_the_docs_passes_check(
    where: str, fmt: str, text: str, tmp_path: Path
) -> None:
    path = tmp_path / f"plan.{fmt}"
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(path)])
    errors = {f["code"] for f in json.loads(result.stdout) if f["severity"] == "error"}
    assert errors == BROKEN_ON_PURPOSE.get(where, set()), f"{where}:\n{result.output}"
    assert result.exit_code == (1 if errors else 0), f"{where}:\n{result.output}"


def test_every_example_broken_on_purpose_exists() -> None:
    assert set(BROKEN_ON_PURPOSE) <= {where for where, _, _ in PLAN_BLOCKS}


def _inline_calls() -> list[tuple[str, str]]:
    return sorted(
        {
            (_name(page), call)
            for page in PAGES
            for call in INLINE_CALL.findall(page.read_text("utf-8"))
        }
    )


INLINE_CALLS = _inline_calls()


def test_inline_calls_are_found() -> None:
    assert ("docs/evaluation.md", "gv.evaluate") in INLINE_CALLS


@pytest.mark.parametrize(("page", "call"), INLINE_CALLS, ids=[f"{p}:{c}" for p, c in INLINE_CALLS])
def test_every_call_written_inline_in_the_docs_exists(page: str, call: str) -> None:
    parts = call.split(".")[1:]
    # What a reader imports to write this: the longest module prefix (import gevinst.x).
    for end in range(len(parts), 0, -1):
        module = ".".join(["gevinst", *parts[:end]])
        try:
            importlib.import_module(module)
        except ModuleNotFoundError:
            continue
        break
    target: object = gevinst
    for part in parts:
        assert hasattr(target, part), f"{page}: `{call}(...)` fails: no {part!r} on {target!r}"
        target = getattr(target, part)
    assert callable(target), f"{page}: {call} is not callable"
