"""The examples run as tests, so the docs that show them cannot go stale.

Every plan under examples/ loads and checks without errors (the bundled ones without
warnings too, as examples/README.md shows); every measurement CSV beside a plan loads
with it; every script under examples/ runs in a fresh working directory with the
interpreter running the tests, warnings as errors, and writes nothing into examples/.
The commands and Python cells on the docs pages written from real runs (Kom i gang and
the notebook guide; the other guides are replayed in test_docs_guides.py) are run again
and their output compared with what the page shows.
"""

from __future__ import annotations

import ast
import contextlib
import datetime as dt
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import gevinst as gv
from gevinst.cli import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
MODULUS = EXAMPLES / "modulus_barn" / "plan.yaml"
MODULUS_CSV = EXAMPLES / "modulus_barn" / "measurements.csv"


def _is_plan(path: Path) -> bool:
    text = path.read_text("utf-8")
    return "schema: gevinst/" in text or '"schema": "gevinst/' in text


PLANS = sorted(
    p for p in EXAMPLES.rglob("*") if p.suffix in {".yaml", ".yml", ".json"} and _is_plan(p)
)
SCRIPTS = sorted(EXAMPLES.rglob("*.py"))
CSVS = sorted(p for p in EXAMPLES.rglob("measurements.csv"))


def _name(path: Path) -> str:
    return path.relative_to(EXAMPLES).as_posix()


def test_the_bundled_examples_are_found() -> None:
    # Discovery must not silently find nothing: these are named in examples/README.md.
    names = {_name(p) for p in PLANS}
    assert {"minimal.yaml", "bergen_barnevern/plan.yaml", "modulus_barn/plan.yaml"} <= names
    assert "bergen_barnevern/analyse.py" in {_name(p) for p in SCRIPTS}
    assert "modulus_barn/measurements.csv" in {_name(p) for p in CSVS}


@pytest.mark.parametrize("path", PLANS, ids=_name)
def test_plan_loads_and_checks_without_errors(path: Path) -> None:
    plan = gv.load(path)
    errors = [str(f) for f in gv.check(plan) if f.severity == "error"]
    assert errors == []


@pytest.mark.parametrize("path", CSVS, ids=_name)
def test_measurements_load_with_their_plan(path: Path) -> None:
    plan_path = path.with_name("plan.yaml")
    without = gv.load(plan_path)
    plan = gv.load(plan_path, measurements=path)
    added = gv.load_measurements(path)
    assert len(plan.measurements) == len(without.measurements) + len(added)
    assert [f for f in gv.check(plan) if f.severity == "error"] == []
    # The CSV adds new observations; it does not repeat any the plan already has.
    known = {(m.indicator, m.date) for m in without.measurements}
    assert not known & {(m.indicator, m.date) for m in added}


@pytest.mark.parametrize(
    "args",
    [
        ["examples/minimal.yaml", "examples/bergen_barnevern/plan.yaml", MODULUS.as_posix()],
        [MODULUS.as_posix(), "--measurements", MODULUS_CSV.as_posix()],
    ],
    ids=["three-plans", "with-csv"],
)
def test_cli_check_prints_what_the_readme_shows(
    args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["check", *args])
    assert result.exit_code == 0, result.output
    count = len([a for a in args if a.endswith(".yaml")])
    plans = "1 plan" if count == 1 else f"{count} planer"  # the plans are nb
    expected = f"{plans} kontrollert: 0 feil, 0 advarsler, 0 info. Alle kontroller bestått.\n"
    assert result.output == expected
    assert expected.rstrip("\n") in (EXAMPLES / "README.md").read_text("utf-8")


def test_modulus_barn_shows_expected_against_realised_over_time() -> None:
    plan = gv.load(MODULUS, measurements=MODULUS_CSV)
    reviews = {r.date for r in plan.reviews}
    assert reviews == {dt.date(2024, 6, 30), dt.date(2024, 12, 31), dt.date(2025, 6, 30)}
    # Every indicator is measured at two or more dates after its baseline, and has a
    # target, so expected and realised can be compared over time.
    for indicator in plan.indicators:
        assert indicator.baseline is not None and indicator.targets, indicator.id
        dates = {m.date for m in plan.measurements if m.indicator == indicator.id}
        assert len(dates) >= 2, indicator.id
        assert min(dates) > indicator.baseline.date, indicator.id
    # Every benefit is measured through at least one of its indicators.
    measured = {m.indicator for m in plan.measurements}
    assert all(set(b.indicators) & measured for b in plan.benefits)
    # Some money: monetised benefits, a monetised disbenefit and costed measures.
    assert [b.id for b in plan.benefits if b.value is not None] == ["B7", "B8"]
    assert [d.id for d in plan.disbenefits if d.value is not None] == ["D1"]
    assert all(m.cost is not None for m in plan.measures)
    # No warnings at all, with and without the CSV.
    assert gv.check(plan) == []
    assert gv.check(gv.load(MODULUS)) == []


def _run(script: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONWARNINGS="error", MPLBACKEND="Agg", PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, str(script)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )


def _tree(folder: Path) -> dict[str, int]:
    return {
        p.relative_to(folder).as_posix(): p.stat().st_mtime_ns
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


@pytest.mark.parametrize("script", SCRIPTS, ids=_name)
def test_script_runs(script: Path, tmp_path: Path) -> None:
    before = _tree(EXAMPLES)
    result = _run(script, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.strip()
    assert _tree(EXAMPLES) == before  # scripts write into their cwd, never into examples/


def test_bergen_analysis_prints_the_paths_worked_out_by_hand(tmp_path: Path) -> None:
    result = _run(EXAMPLES / "bergen_barnevern" / "analyse.py", tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout.splitlines()
    # From the plan: M8 -> C6; C6 -> B8 and B9; B8 -> O1, B9 -> O4; O1 and O4 -> G2 -> G1.
    assert "  M8 -> C6 -> B8 -> O1 -> G2 -> G1" in out
    assert "  M8 -> C6 -> B9 -> O4 -> G2 -> G1" in out
    assert "Mål som nås: G1" in out
    assert "Sjekk: 0 funn, 0 feil" in out
    # B4 is fed by C3 (M4, M5), C7 (M3, M12) and B1 and B11 (weights 0.2 and 0.3):
    # B1 <- C1 <- M1; B11 <- C7. Measures in plan order: M1, M3, M4, M5, M12.
    b4 = next(line for line in out if line.startswith("  B4 "))
    assert b4.split() == ["B4", "leder-bvt", "M1,", "M3,", "M4,", "M5,", "M12"]


# -- the docs' own examples ----------------------------------------------------------------
#
# The how-to pages and Kom i gang show commands and Python cells with their output. Here
# they are run again and compared line by line, so a change in gevinst that alters what a
# page shows fails a test instead of leaving the page wrong.

DOCS = ROOT / "docs"
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```[ \t]*$", re.M | re.S)
SHELL = {"gevinst", "cat", "echo"}


def _fences(text: str) -> list[tuple[str, str, int]]:
    return [(m.group(1), m.group(2), m.start()) for m in FENCE.finditer(text)]


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.rstrip("\n").splitlines()]


def _run_python(code: str, namespace: dict[str, object]) -> str:
    """Run a cell like a notebook: print the value of a final expression."""
    tree = ast.parse(code)
    last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    body = tree.body[:-1] if last is not None else tree.body
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(ast.Module(body=body, type_ignores=[]), "<doc>", "exec"), namespace)
        if last is not None:
            value = eval(compile(ast.Expression(last.value), "<doc>", "eval"), namespace)
            if value is not None:
                print(repr(value))
    return out.getvalue()


def _run_console(block: str, cwd: Path) -> list[tuple[str, list[str], list[str]]]:
    """Run each ``$ command`` of a console block; return (command, shown, got)."""
    steps: list[tuple[str, list[str]]] = []
    for line in block.rstrip("\n").splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        elif steps:
            steps[-1][1].append(line.rstrip())
    results = []
    code = 0
    for command, shown in steps:
        words = shlex.split(command)
        if words[0] == "gevinst":
            result = CliRunner().invoke(cli, words[1:])
            got, code = result.output, result.exit_code
        elif words[0] == "cat":  # a file the page made or one bundled with gevinst
            got = (cwd / words[1]).read_text("utf-8")
        else:
            assert command == "echo $?", command
            got = f"{code}\n"
        results.append((command, shown, _lines(got)))
    return results


def _check_page(text: str, cwd: Path) -> int:
    """Run the page's python and console blocks in order; return how many ran."""
    namespace: dict[str, object] = {}
    fences = _fences(text)
    ran = 0
    for number, (lang, body, start) in enumerate(fences):
        if lang == "python":
            got = _run_python(body, namespace)
            following = fences[number + 1] if number + 1 < len(fences) else None
            if following is not None and following[0] == "text":
                assert _lines(got) == _lines(following[1]), body
            ran += 1
        elif lang == "console":
            commands = [line[2:].split()[0] for line in body.splitlines() if line[:2] == "$ "]
            if not set(commands) <= SHELL:
                continue  # installing (pip, venv, cd) is not repeated here
            for command, shown, got in _run_console(body, cwd):
                assert got == shown, command
            ran += 1
        elif lang == "text":
            saved = re.search(r"Save this as `([^`]+)`:\s*$", text[:start])
            if saved:
                (cwd / saved.group(1)).write_text(body, "utf-8")
    return ran


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh working directory with a copy of examples/, as in the source tree."""
    shutil.copytree(EXAMPLES, tmp_path / "examples", ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_howto_notebook_shows_what_gevinst_returns(workdir: Path) -> None:
    pytest.importorskip("pandas")
    text = (DOCS / "howto" / "notebook.md").read_text("utf-8")
    assert _check_page(text, workdir) == 11  # every python cell on the page


def test_uncertainty_page_shows_what_gevinst_returns(workdir: Path) -> None:
    """docs/uncertainty.md: the Python cell and the command print what the page shows."""
    text = (DOCS / "uncertainty.md").read_text("utf-8")
    assert _check_page(text, workdir) == 2


def test_kom_i_gang_shows_what_gevinst_prints(workdir: Path) -> None:
    """Follow Kom i gang: init, check, the edits the page asks for, check, trace."""
    text = (DOCS / "kom-i-gang.md").read_text("utf-8")
    yaml_blocks = [body for lang, body, _ in _fences(text) if lang == "yaml"]
    consoles = [body for lang, body, _ in _fences(text) if lang == "console"]
    new_benefit, fixed_benefit, indicator, measure = yaml_blocks
    init, first_check, with_typo, fixed_check, trace, render = consoles[1:]
    plan = workdir / "plan.yaml"

    def run(block: str) -> None:
        # cd and mkdir only move the reader into a new folder; workdir is one already
        kept = [
            line
            for line in block.splitlines(keepends=True)
            if not line.startswith(("$ cd", "$ mkdir"))
        ]
        for command, shown, got in _run_console("".join(kept), workdir):
            assert got == shown, command

    def insert(block: str, before: str) -> None:
        # "legg til ... under benefits:" and so on: at the end of that section
        old = plan.read_text("utf-8")
        assert old.count(before) == 1
        plan.write_text(old.replace(before, "\n" + block.rstrip("\n") + before), "utf-8")

    run(init)
    run(first_check)
    insert(new_benefit, "\n\nmeasures:")
    run(with_typo)
    plan.write_text(plan.read_text("utf-8").replace(new_benefit, fixed_benefit), "utf-8")
    insert(indicator, "\n\nmeasurements:")
    insert(measure, "\n\nstakeholders:")
    run(fixed_check)
    run(trace)
    run(render)
    assert (workdir / "gevinstkart.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_modulus_over_time_prints_expected_worked_out_by_hand(tmp_path: Path) -> None:
    result = _run(EXAMPLES / "modulus_barn" / "over_tid.py", tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout.splitlines()
    block = out.index("I1 Dager fra tildeling til første kontakt (median) (dager)")
    # I1 falls from 9 (2024-01-31) to 6 (2024-12-31, 335 days later). On 2024-06-30,
    # 151 days in: expected 9 - 3 * 151/335 = 7.648; measured 8.5;
    # progress (9 - 8.5) / (9 - 7.648) = 0.37: off track (below 0.6).
    assert out[block + 2].split() == ["2024-06-30", "7.6", "8.5", "0.37", "off_track"]
    # 2025-12-31 is the last target (4); 4.6 comes from measurements.csv:
    # progress (9 - 4.6) / (9 - 4) = 0.88: at risk.
    assert out[block + 5].split() == ["2025-12-31", "4.0", "4.6", "0.88", "at_risk"]
    # B8 is measured once a year: no score before the first yearly figure.
    assert next(line for line in out if line.startswith("  B8 ")).split()[1] == "-"
