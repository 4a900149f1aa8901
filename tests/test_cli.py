"""The command line in-process: output like a linter, exit codes, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import gevinst as gv
from gevinst.cli import cli

EXAMPLES = Path(__file__).parent.parent / "examples"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


@pytest.fixture
def flawed(tmp_path: Path) -> Path:
    path = tmp_path / "flawed.yaml"
    path.write_text(
        "schema: gevinst/1\n"
        "plan: {id: p, title: Prøve}\n"
        "goals:\n"
        "  - {id: G1, name: Mål}\n"
        "benefits:\n"
        "  - {id: B1, name: Gevinst, contributes_to: [G1]}\n"
        "measures:\n"
        "  - {id: M1, name: Tiltak}\n",
        "utf-8",
    )
    return path


def test_check_example_passes() -> None:
    code, output = run("check", str(EXAMPLES / "bergen_barnevern" / "plan.yaml"))
    assert code == 0
    assert "0 feil" in output and "Alle kontroller bestått" in output  # the plan is nb


def test_check_lines_like_a_linter(flawed: Path) -> None:
    code, output = run("check", str(flawed))
    assert code == 0  # warnings only
    lines = output.splitlines()
    assert f"{flawed}:6: GV104 warning B1 " in output
    assert f"{flawed}:8: GV101 warning M1 " in output
    assert lines[-1] == "1 plan kontrollert: 0 feil, 3 advarsler, 0 info"


def test_check_exit_1_on_errors(flawed: Path) -> None:
    flawed.write_text(flawed.read_text("utf-8").replace("[G1]", "[G9]"), "utf-8")
    code, output = run("check", str(flawed))
    assert code == 1
    assert "GV002 error B1" in output


def test_check_json(flawed: Path) -> None:
    code, output = run("check", "--format", "json", str(flawed))
    rows = json.loads(output)
    assert code == 0
    assert {r["code"] for r in rows} == {"GV101", "GV104", "GV105"}
    assert all(r["file"] == str(flawed) for r in rows)
    assert next(r for r in rows if r["code"] == "GV101")["line"] == 8


def test_check_select_ignore(flawed: Path) -> None:
    _, output = run("check", "--select", "GV101", str(flawed))
    assert "GV101" in output and "GV104" not in output
    _, output = run("check", "--ignore", "GV104,GV105", str(flawed))
    assert "GV101" in output and "GV104" not in output and "GV105" not in output


def test_check_several_files_one_unreadable(flawed: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: [", "utf-8")
    code, output = run("check", str(flawed), str(bad))
    assert code == 1
    # bad.yaml names no language: the environment's (C, as the tests run: nb) says it
    assert "GV101" in output and f"{bad}:2:1: YAML-syntaksfeil" in output
    assert "1 fil kunne ikke leses" in output


def test_usage_errors_exit_2() -> None:
    assert run("check")[0] == 2
    assert run("check", "--format", "xml", "x.yaml")[0] == 2
    assert run("nosuchcommand")[0] == 2


def test_init_writes_valid_plan(tmp_path: Path) -> None:
    for lang in ("nb", "en"):
        path = tmp_path / f"plan-{lang}.yaml"
        code, output = run("init", str(path), "--lang", lang)
        assert code == 0, output
        plan = gv.load(path)
        assert plan.language == lang
        assert gv.check(plan) == []


def test_init_does_not_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("mitt arbeid", "utf-8")
    code, output = run("init", str(path))
    assert code == 1 and "--force" in output
    assert path.read_text("utf-8") == "mitt arbeid"
    assert run("init", str(path), "--force")[0] == 0
    assert path.read_text("utf-8") != "mitt arbeid"


def test_trace() -> None:
    plan = str(EXAMPLES / "bergen_barnevern" / "plan.yaml")
    code, output = run("trace", plan, "M1")
    assert code == 0
    assert "M1 (Innføringsprogram for nyansatte) -> C1" in output
    assert "G1 (Bergens barn, byens framtid)" in output
    code, output = run("trace", plan, "G2", "--format", "json")
    data = json.loads(output)
    assert ["M7", "C5", "B5", "O1", "G2"] in data["down"]
    code, output = run("trace", plan, "X99")
    assert code == 1 and "'X99' er ikke et element i kartet; kjente: B1, B10" in output


def test_convert_yaml_json(tmp_path: Path) -> None:
    source = EXAMPLES / "bergen_barnevern" / "plan.yaml"
    target = tmp_path / "plan.json"
    assert run("convert", str(source), str(target))[0] == 0
    assert gv.load(target) == gv.load(source)


def test_convert_failure_leaves_target(tmp_path: Path) -> None:
    source = tmp_path / "bad.yaml"
    source.write_text("schema: gevinst/1\nplan: {id: p}\n", "utf-8")
    target = tmp_path / "out.json"
    target.write_text("keep", "utf-8")
    code, output = run("convert", str(source), str(target))
    assert code == 1 and "title" in output
    assert target.read_text("utf-8") == "keep"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml", "out.json"]


def test_render_with_measurements_csv(tmp_path: Path) -> None:
    csv = tmp_path / "m.csv"
    csv.write_text("indicator,date,value\nI1,2025-06-30,21\n", "utf-8")
    out = tmp_path / "kart.svg"
    plan = str(EXAMPLES / "minimal.yaml")
    code, output = run(
        "render", plan, "-o", str(out), "--at", "2025-07-01", "--measurements", str(csv)
    )
    assert code == 0, output
    with_csv = out.read_text("utf-8")
    code, _ = run("render", plan, "-o", str(out), "--at", "2025-07-01")
    assert out.read_text("utf-8") != with_csv  # the CSV's measurement changed the status
