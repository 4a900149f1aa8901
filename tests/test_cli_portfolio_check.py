"""``gevinst check`` on several plans (GV300-GV302 across them, a folder for its plan
files), ``--fail-on`` and ``-o -`` (JSON to stdout, nothing else there) on every
command that writes JSON.

The plans are made by hand: ``ventetid`` (benefit B1, 1 000 000 NOK a year, measured by
«Saker per saksbehandler») and ``ko`` (benefit K1, 400 000 NOK a year, measured by
«saker pr. saksbehandler.»): the same indicator as people read it, so the same money
may be claimed twice. All but the largest claim, 400 000 NOK a year, is at stake.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import gevinst as gv
from gevinst.analysis.portfolio import Portfolio, indicator_key
from gevinst.cli import cli

ROOT = Path(__file__).resolve().parents[1]
BERGEN = ROOT / "examples" / "bergen_barnevern" / "plan.yaml"
BERGEN_2024 = ROOT / "examples" / "bergen_barnevern" / "plan-2024.yaml"


def _plan(id: str, benefit: str, indicator: str, annual: float) -> gv.Plan:
    plan = gv.Plan.new(id, f"Plan {id}", start="2024-01-01")
    plan.add_stakeholder("leder", "Tjenesteleder", power="high", interest="high")
    plan.add_goal("G1", "Bergens barn, byens framtid")
    plan.add_indicator(
        "I1",
        indicator,
        unit="saker",
        direction="decrease",
        baseline={"date": "2024-01-01", "value": 30},
        targets=[{"date": "2025-12-31", "value": 20}],
        source="Fagsystemet",
    )
    plan.add_benefit(
        benefit,
        f"Gevinst i {id}",
        owner="leder",
        indicators=["I1"],
        value={"annual": annual},
        contributes_to=["G1"],
    )
    plan.add_measure("M1", "Tiltak", contributes_to=[benefit])
    return plan


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


# -- near-identical indicators ----------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Saker per saksbehandler", "saker pr. saksbehandler"),
        ("Saker pr saksbehandler", "Saker per saksbehandler."),
        ("Ventetid (dager)", "ventetid, dager"),
        ("Sykefravær", "  SYKEFRAVÆR "),
        ("Andel meldinger via portalen", "Andel  meldinger-via portalen"),
    ],
)
def test_near_identical_indicator_names_are_one(a: str, b: str) -> None:
    assert indicator_key(a) == indicator_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Saker per saksbehandler", "Saker per leder"),
        ("Prisnivå", "Perisnivå"),  # only the word «pr» is «per»
        ("Sykefravær", "Sykefravær korttid"),
    ],
)
def test_different_indicator_names_stay_different(a: str, b: str) -> None:
    assert indicator_key(a) != indicator_key(b)


def test_double_counting_catches_pr_and_per() -> None:
    a = _plan("ventetid", "B1", "Saker per saksbehandler", 1_000_000)
    b = _plan("ko", "K1", "saker pr. saksbehandler.", 400_000)
    [double] = Portfolio([a, b]).double_counting()
    assert double.code == "GV301"
    assert double.claims == [("ko", "K1"), ("ventetid", "B1")]
    assert double.reason == "same indicator «Saker per saksbehandler» = «saker pr. saksbehandler.»"
    assert double.annual_at_stake == 400_000


# -- gevinst check on several plans -----------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    plans = tmp_path / "planer"
    plans.mkdir()
    gv.save(_plan("ventetid", "B1", "Saker per saksbehandler", 1_000_000), plans / "a.yaml")
    gv.save(_plan("ko", "K1", "saker pr. saksbehandler.", 400_000), plans / "b.json")
    (plans / "notater.txt").write_text("ikke en plan", "utf-8")
    return plans


def test_check_two_files_runs_the_portfolio_rules(folder: Path) -> None:
    a, b = folder / "a.yaml", folder / "b.json"
    code, out, _ = _run("check", str(a), str(b), "--lang", "en")
    assert code == 0  # GV301 is a warning
    [found] = [x for x in out.splitlines() if "GV301" in x]
    # at the plan named first (ko:K1), on the line that opens K1's record in the JSON file
    k1 = _line_of(b, '"id": "K1"') - 1
    assert found.startswith(f"{b}:{k1}: GV301 warning K1 ")
    assert "ko:K1, ventetid:B1 claim the same monetised benefit" in found
    assert "up to 400,000 NOK a year may be counted twice" in found
    assert out.splitlines()[-1] == "2 plans checked: 0 error(s), 1 warning(s), 0 info"
    # one plan alone: no portfolio rules
    code, out, _ = _run("check", str(a))
    assert "GV301" not in out and code == 0


def _line_of(path: Path, id: str) -> int:
    return next(n for n, text in enumerate(path.read_text("utf-8").splitlines(), 1) if id in text)


def test_check_a_folder_reads_its_plan_files_and_says_which(folder: Path) -> None:
    gv.save(_plan("tredje", "T1", "Noe annet", 10), folder / "c.xlsx")
    code, out, _ = _run("check", str(folder), "--lang", "en")
    lines = out.splitlines()
    assert lines[0] == f"{folder}: 3 plan files read: a.yaml, b.json, c.xlsx"
    assert lines[-1] == "3 plans checked: 0 error(s), 1 warning(s), 0 info"
    assert code == 0


def test_a_folder_without_plans_is_one_message(tmp_path: Path) -> None:
    code, out, err = _run("check", str(tmp_path))
    assert code == 1 and out == ""
    assert err == (  # no plan, no language of its own: the environment's (nb here)
        f"error: {tmp_path}: mappen har ingen planfil (.yaml, .yml, .json, .xlsx); "
        "oppgi planfilene eller en annen mappe\n"
    )
    assert _run("check", str(tmp_path), "--lang", "en")[2] == (
        f"error: {tmp_path}: the folder holds no plan file (.yaml, .yml, .json, .xlsx); "
        "name the plan files or another folder\n"
    )


def test_two_versions_of_one_plan_are_gv300() -> None:
    code, out, _ = _run("check", str(BERGEN_2024), str(BERGEN), "--lang", "en")
    assert code == 1
    [found] = [x for x in out.splitlines() if "GV300" in x]
    assert found.startswith(f"{BERGEN}: GV300 error plan id 'ebf-smidig' is used by {BERGEN_2024}")
    code, out, _ = _run("check", str(BERGEN_2024), str(BERGEN), "--ignore", "GV3")
    assert code == 0 and "GV300" not in out


# -- --fail-on --------------------------------------------------------------------------


@pytest.fixture
def with_warning_and_info(tmp_path: Path) -> Path:
    plan = gv.load(ROOT / "examples" / "minimal.yaml")
    plan.add_stakeholder("hr", "HR")  # owns nothing, no impact: GV110 info
    plan.add_measure("M2", "Løst tiltak")  # leads to nothing: GV101 warning
    path = tmp_path / "plan.yaml"
    gv.save(plan, path)
    return path


def test_fail_on_each_level(with_warning_and_info: Path, tmp_path: Path) -> None:
    path = str(with_warning_and_info)
    codes = {level: _run("check", path, "--fail-on", level)[0] for level in ("error", "warning")}
    assert codes == {"error": 0, "warning": 1}
    assert _run("check", path, "--ignore", "GV101", "--fail-on", "warning")[0] == 0
    assert _run("check", path, "--ignore", "GV101", "--fail-on", "info")[0] == 1
    assert _run("check", path, "--select", "GV101", "--fail-on", "info")[0] == 1
    clean = str(ROOT / "examples" / "minimal.yaml")
    assert _run("check", clean, "--fail-on", "info")[0] == 0
    code, _, err = _run("check", path, "--fail-on", "notice")
    assert code == 2 and "'error', 'warning', 'info'" in err.replace('"', "'")


# -- -o - : JSON to stdout, nothing else --------------------------------------------------


def test_check_json_to_stdout_and_to_a_file(folder: Path, tmp_path: Path) -> None:
    code, out, err = _run("check", str(folder), "-o", "-")
    rows = json.loads(out)
    assert [r["code"] for r in rows] == ["GV301"]
    assert err == f"{folder}: 2 planfiler lest: a.yaml, b.json\n"  # the plans are nb
    target = tmp_path / "funn.json"
    code, out, err = _run("check", str(folder), "-o", str(target))
    assert out == "" and json.loads(target.read_text("utf-8")) == rows
    code, out, err = _run("check", str(folder), "-o", str(tmp_path / "funn.csv"))
    assert code == 1 and "check writes JSON" in err and not (tmp_path / "funn.csv").exists()


def test_evaluate_json_to_stdout() -> None:
    code, out, err = _run("evaluate", str(BERGEN), "--at", "2025-10-01", "-o", "-")
    assert code == 0
    data = json.loads(out)
    expected = gv.evaluate(gv.load(BERGEN), at="2025-10-01")
    [g1] = [row for row in data["elements"] if row["id"] == "G1"]
    assert g1["score"] == pytest.approx(expected.element("G1").score)
    assert err == ""


def test_simulate_json_to_stdout() -> None:
    code, out, _ = _run("simulate", str(BERGEN), "--runs", "200", "-o", "-")
    assert code == 0
    summary = gv.simulate(gv.load(BERGEN), runs=200).summary()
    assert json.loads(out) == json.loads(json.dumps(summary))


def test_diff_json_to_stdout() -> None:
    code, out, _ = _run("diff", str(BERGEN_2024), str(BERGEN), "-o", "-")
    assert code == 0
    data = json.loads(out)
    expected = json.loads(gv.diff(gv.load(BERGEN_2024), gv.load(BERGEN)).to_json())
    assert data == expected and data  # the two versions differ


def test_portfolio_findings_name_the_file_of_the_plan_named_first(folder: Path) -> None:
    portfolio = gv.load_many([folder])  # a.yaml (ventetid), b.json (ko); not notater.txt
    found = [(f.code, f.element, f.source) for f in portfolio.portfolio_findings()]
    assert found == [("GV301", "K1", str(folder / "b.json"))]  # ko:K1 sorts first
