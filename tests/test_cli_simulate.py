"""``gevinst simulate``: what it prints and writes is the Python API's simulation."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import gevinst as gv
from gevinst.cli import cli
from gevinst.i18n.formats import format_number, format_percent

PLAN = (
    "schema: gevinst/1\n"
    "plan: {{id: sim-test, title: Prøve, language: {lang}, start: 2025-01-01,\n"
    "       horizon_years: 5, discount_rate: 0.04, correlation: 0.5}}\n"
    "goals: [{{id: G1, name: Mål}}]\n"
    "objectives: [{{id: O1, name: Effekt, contributes_to: [G1]}}]\n"
    "benefits:\n"
    "  - {{id: B1, name: Spart tid, contributes_to: [O1],\n"
    "      value: {{annual: [600000, 1000000, 1300000]}}}}\n"
    "changes: [{{id: C1, name: Ny arbeidsform, contributes_to: [B1]}}]\n"
    "measures:\n"
    "  - {{id: M1, name: Nytt system, contributes_to: [C1],\n"
    "      cost: {{one_off: [2000000, 2500000, 4000000], annual: {annual}}}}}\n"
)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def _write(folder: Path, lang: str = "nb", annual: str = "[100000, 150000, 300000]") -> Path:
    path = folder / "plan.yaml"
    path.write_text(PLAN.format(lang=lang, annual=annual), "utf-8")
    return path


def _cells(output: str, label: str) -> list[str]:
    line = next(line for line in output.splitlines() if line.startswith(label))
    return re.split(r"\s{2,}", line.strip())[1:]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_printed_figures_are_the_apis(tmp_path: Path, lang: str) -> None:
    path = _write(tmp_path, lang)
    assert [f for f in gv.check(gv.load(path)) if f.severity == "error"] == []
    code, out = run("simulate", str(path), "--runs", "700", "--seed", "7")
    assert code == 0, out
    sim = gv.simulate(gv.load(path), runs=700, seed=7)
    labels = {"nb": ("Netto nåverdi", "Kostnader"), "en": ("Net present value", "Costs")}[lang]
    for label, of in zip(labels, ("net", "costs"), strict=True):
        expected = [
            sim.planned[of],
            sim.mean(of),
            *(sim.percentile(p, of) for p in (10, 50, 85, 90)),
        ]
        assert _cells(out, label) == [format_number(v, lang) for v in expected]
    share = format_percent(sim.probability_below(0), lang, 1)
    words = {
        "nb": ("700 kjøringer, frø 7, korrelasjon 0,5", f"negativ netto nåverdi: {share}."),
        "en": ("700 runs, seed 7, correlation 0.5", f"negative net present value: {share}."),
    }[lang]
    for text in words:
        assert text in out
    # the drivers, the largest swing first: the benefit (0.7 million a year over five
    # years) before the one-off cost (2 million) and the annual cost (0.2 million a year)
    drivers = [line for line in out.splitlines() if line.startswith("  ")]
    assert [re.search(r"\((\w+)\)", d).group(1) for d in drivers] == ["B1", "M1", "M1"]  # type: ignore[union-attr]


def test_lang_overrides_the_plans(tmp_path: Path) -> None:
    code, out = run("simulate", str(_write(tmp_path, "nb")), "--runs", "50", "--lang", "en")
    assert code == 0 and "Simulation of «Prøve» (sim-test)" in out and "kjøringer" not in out


def test_json_is_the_summary(tmp_path: Path) -> None:
    path = _write(tmp_path)
    out_file = tmp_path / "sim.json"
    code, out = run("simulate", str(path), "--runs", "300", "--seed", "2", "-o", str(out_file))
    assert code == 0 and out.strip() == f"wrote {out_file}"
    data = json.loads(out_file.read_text("utf-8"))
    assert data == gv.simulate(gv.load(path), runs=300, seed=2).summary()


def test_csv_has_one_row_per_run(tmp_path: Path) -> None:
    path = _write(tmp_path)
    out_file = tmp_path / "runs.csv"
    code, _ = run("simulate", str(path), "--runs", "257", "-o", str(out_file))
    assert code == 0
    with out_file.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["run", "benefits", "costs", "net"]
    assert len(rows) == 258
    sim = gv.simulate(gv.load(path), runs=257)
    assert [int(r[0]) for r in rows[1:]] == list(range(1, 258))
    for column, of in enumerate(("benefits", "costs", "net"), start=1):
        assert [float(r[column]) for r in rows[1:]] == sim.values(of).tolist()


def test_markdown_has_the_tables(tmp_path: Path) -> None:
    path = _write(tmp_path, "en")
    out_file = tmp_path / "sim.md"
    code, _ = run("simulate", str(path), "--runs", "100", "-o", str(out_file))
    assert code == 0
    text = out_file.read_text("utf-8")
    sim = gv.simulate(gv.load(path), runs=100)
    assert text.startswith("# Simulation of «Prøve» (sim-test)\n")
    p85 = format_number(sim.percentile(85), "en")
    assert f"| Net present value | {format_number(sim.planned['net'], 'en')} |" in text
    assert f" {p85} |" in text
    assert (
        "| Element | Amount | Net present value at low | Net present value at high | Swing |"
        in text
    )
    assert "| Spart tid (B1) | Annual value |" in text


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--runs", "0"], "'--runs'"),
        (["--runs", "1000001"], "'--runs'"),
        (["--runs", "many"], "'--runs'"),
        (["--seed", "-1"], "'--seed'"),
        (["--seed", "1.5"], "'--seed'"),
        (["--lang", "de"], "'--lang'"),
    ],
)
def test_bad_options_are_usage_errors(tmp_path: Path, args: list[str], words: str) -> None:
    out_file = tmp_path / "sim.json"
    code, out = run("simulate", str(_write(tmp_path)), *args, "-o", str(out_file))
    assert code == 2 and words in out
    assert not out_file.exists()


def test_the_input_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    gv.save(gv.load(_write(tmp_path)), path)
    before = path.read_bytes()
    code, out = run("simulate", str(path), "-o", str(path))
    assert code == 1 and "er planen som leses inn" in out  # a Norwegian plan
    assert path.read_bytes() == before


def test_an_unknown_suffix_is_refused_before_any_work(tmp_path: Path) -> None:
    code, out = run("simulate", str(tmp_path / "missing.yaml"), "-o", str(tmp_path / "sim.txt"))
    assert code == 1 and "bruk en av filendelsene: .csv .json .md" in out  # LANG=C: nb
    assert list(tmp_path.iterdir()) == []


def test_a_plan_with_check_errors_is_refused_with_the_findings(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        _write(tmp_path).read_text("utf-8").replace("contributes_to: [C1]", "contributes_to: [C9]"),
        "utf-8",
    )
    out_file = tmp_path / "sim.csv"
    code, out = run("simulate", str(path), "-o", str(out_file))
    assert code == 1
    assert (
        "kan ikke evalueres" in out and "C9" in out
    )  # the plan's language, nb and re.search(r"plan\.yaml:\d+", out)
    assert "Traceback" not in out
    assert not out_file.exists()


def test_a_range_out_of_order_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, annual="[300000, 150000, 200000]")
    out_file = tmp_path / "sim.json"
    code, out = run("simulate", str(path), "-o", str(out_file))
    assert code == 1 and "M1" in out and "Traceback" not in out
    assert not out_file.exists()
