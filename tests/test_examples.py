"""The examples run as tests, so the docs that show them cannot go stale.

Every plan under examples/ loads and checks without errors (the bundled ones without
warnings too, as examples/README.md shows); every measurement CSV beside a plan loads
with it; every script under examples/ runs in a fresh working directory with the
interpreter running the tests, warnings as errors, and writes nothing into examples/.
"""

from __future__ import annotations

import datetime as dt
import os
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
    plans = "1 plan" if count == 1 else f"{count} plans"
    expected = f"{plans} checked: 0 error(s), 0 warning(s), 0 info. All checks passed.\n"
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
