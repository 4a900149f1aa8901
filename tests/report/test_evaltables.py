"""Evaluation tables (terminal, CSV, JSON, Markdown, Excel) and the `evaluate` and
`stakeholders` commands, each output read back with the library that reads it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import gevinst as gv
from gevinst.cli import cli
from gevinst.report.tables import csv_text, json_text, markdown_text, text_table, write, xlsx_bytes
from tests.analysis.test_evaluate import AT, B2_SCORE, HAND_PLAN

ROOT = Path(__file__).resolve().parents[2]
BERGEN = ROOT / "examples" / "bergen_barnevern" / "plan.yaml"


@pytest.fixture
def ev() -> gv.Evaluation:
    return gv.evaluate(gv.loads(HAND_PLAN), at=AT)


def test_text_table_is_aligned_and_in_the_plans_language(ev: gv.Evaluation) -> None:
    text = text_table(ev)
    lines = text.splitlines()
    assert lines[0] == "Håndregnet plan: gevinstevaluering per 31. mars 2025"
    assert "Gevinster og mål" in lines
    b2 = next(line for line in lines if line.startswith("B2 "))
    assert "93\u00a0%" in b2 and "I rute" in b2  # 0.9266 rounds to 93 %
    # every row of a section is as wide as its header row's columns: the status column
    # starts at the same place in each row
    header = next(line for line in lines if line.startswith("Id ") and "Dekning" in line)
    column = header.index("Status")
    for line in lines[lines.index(header) + 2 :]:
        if not line:
            break
        assert line[column - 2 : column] == "  "
    assert "Kostnader" in text and "Netto" in text
    english = text_table(ev, "en")
    assert english.splitlines()[0] == "Håndregnet plan: benefit evaluation at 31 March 2025"


def test_csv_reads_back(ev: gv.Evaluation) -> None:
    rows = list(csv.DictReader(io.StringIO(csv_text(ev))))
    by_id = {row["id"]: row for row in rows}
    assert float(by_id["B2"]["score"]) == pytest.approx(B2_SCORE)
    assert by_id["B2"]["status"] == "on_track"
    assert by_id["I2"]["kind"] == "indicator"
    assert float(by_id["I2"]["expected"]) == pytest.approx(49.25)
    assert by_id["I1"]["realised_date"] == "2024-12-31"
    assert by_id["B3"]["score"] == ""  # undefined is empty


def test_json_reads_back(ev: gv.Evaluation) -> None:
    data = json.loads(json_text(ev))
    assert data["at"] == "2025-03-31"
    assert data["thresholds"] == [0.9, 0.6]
    elements = {e["id"]: e for e in data["elements"]}
    assert elements["O1"]["coverage"] == pytest.approx(0.7)
    assert elements["B3"]["score"] is None
    money = ev.npv()
    assert data["money"]["net"] == pytest.approx(money.net)
    assert len(data["money"]["years"]) == 3
    assert data["reviews"][0]["disagrees"] is True


def test_markdown_escapes_cells() -> None:
    plan = gv.loads(
        HAND_PLAN.replace("name: Bedre kapasitet", "name: 'Bedre | <kapasitet> & *mer*'")
    )
    text = markdown_text(gv.evaluate(plan, at=AT))
    line = next(row for row in text.splitlines() if row.startswith("| B2 |"))
    assert "Bedre \\| &lt;kapasitet&gt; &amp; \\*mer\\*" in line
    assert text.startswith("# Håndregnet plan: gevinstevaluering per 31. mars 2025")


def test_xlsx_reads_back_and_is_deterministic(ev: gv.Evaluation) -> None:
    from openpyxl import load_workbook

    data = xlsx_bytes(ev)
    assert data == xlsx_bytes(ev)
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == [
        "Gevinster og mål",
        "Indikatorer",
        "Nåverdi",
        "År for år",
        "Evalueringer",
    ]
    sheet = book["Gevinster og mål"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["B2"][3] == pytest.approx(B2_SCORE)
    assert sheet["D2"].number_format == "0%"
    money = {row[1]: row for row in book["Nåverdi"].iter_rows(min_row=2, values_only=True)}
    assert money["Netto"][5] == pytest.approx(ev.npv().net)


def test_write_refuses_unknown_suffix(ev: gv.Evaluation, tmp_path: Path) -> None:
    with pytest.raises(gv.FormatError, match=r"use one of: \.csv \.json \.md \.xlsx"):
        write(ev, tmp_path / "out.txt")
    assert not (tmp_path / "out.txt").exists()


# -- the commands ----------------------------------------------------------------------------


def test_cli_evaluate_prints_a_table() -> None:
    result = CliRunner().invoke(cli, ["evaluate", str(BERGEN), "--at", "2025-10-01"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        "Smidige metoder i barnevernet: gevinstevaluering per 1. oktober 2025"
    )
    assert "Indikatorer" in result.output and "Evalueringer" in result.output


@pytest.mark.parametrize("suffix", [".csv", ".json", ".md", ".xlsx"])
def test_cli_evaluate_writes_files(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"evaluering{suffix}"
    result = CliRunner().invoke(
        cli, ["evaluate", str(BERGEN), "--at", "2025-10-01", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert target.stat().st_size > 100


def test_cli_evaluate_with_measurements_csv(tmp_path: Path) -> None:
    extra = tmp_path / "m.csv"
    extra.write_text("indicator,date,value\nI9,2025-09-30,3\n", encoding="utf-8")
    out = tmp_path / "e.json"
    result = CliRunner().invoke(
        cli,
        [
            "evaluate",
            str(BERGEN),
            "--at",
            "2025-10-01",
            "--measurements",
            str(extra),
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    indicators = {i["id"]: i for i in json.loads(out.read_text("utf-8"))["indicators"]}
    assert indicators["I9"]["realised"] == 3


def test_cli_evaluate_failures_leave_files_alone(tmp_path: Path) -> None:
    existing = tmp_path / "e.csv"
    existing.write_text("old", encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "schema: gevinst/1\nplan: {id: p, title: P}\n"
        "benefits: [{id: B1, name: B, contributes_to: [NOPE]}]\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["evaluate", str(broken), "-o", str(existing)])
    assert result.exit_code == 1
    assert "GV002" in result.output and "Traceback" not in result.output
    assert existing.read_text("utf-8") == "old"
    result = CliRunner().invoke(cli, ["evaluate", str(BERGEN), "-o", str(tmp_path / "e.txt")])
    assert result.exit_code == 1 and ".xlsx" in result.output
    result = CliRunner().invoke(cli, ["evaluate", str(BERGEN), "--at", "1.10.2025"])
    assert result.exit_code == 2


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf", ".csv", ".md"])
def test_cli_stakeholders(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"grid{suffix}"
    result = CliRunner().invoke(cli, ["stakeholders", str(BERGEN), "-o", str(target)])
    assert result.exit_code == 0, result.output
    data = target.read_bytes()
    if suffix == ".csv":
        rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
        assert rows[0][0] == "Id" and len(rows) == 15
    elif suffix == ".md":
        assert "Nøkkelaktører som må involveres" in data.decode("utf-8")
    else:
        assert data[:4] in (b"\x89PNG", b"<?xm", b"%PDF")


def test_cli_stakeholders_unknown_suffix(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["stakeholders", str(BERGEN), "-o", str(tmp_path / "g.gif")])
    assert result.exit_code == 1 and ".png" in result.output
    assert not (tmp_path / "g.gif").exists()


def test_empty_sections_are_left_out() -> None:
    ev = gv.evaluate(gv.Plan.new("tom", "Tom plan"), at="2025-01-01")
    assert text_table(ev).strip() == "Tom plan: gevinstevaluering per 1. januar 2025"
    assert markdown_text(ev).strip() == "# Tom plan: gevinstevaluering per 1. januar 2025"


def test_cli_stakeholders_impact_chart(tmp_path: Path) -> None:
    target = tmp_path / "impacts.png"
    result = CliRunner().invoke(
        cli, ["stakeholders", str(BERGEN), "-o", str(target), "--chart", "impacts"]
    )
    assert result.exit_code == 0, result.output
    assert target.read_bytes()[:4] == b"\x89PNG"


def test_xlsx_text_is_never_a_formula() -> None:
    from openpyxl import load_workbook

    plan = gv.loads(HAND_PLAN.replace("name: Bedre kapasitet", "name: '=HYPERLINK(\"x\")'"))
    book = load_workbook(io.BytesIO(xlsx_bytes(gv.evaluate(plan, at=AT))))
    cell = next(
        row[2] for row in book["Gevinster og mål"].iter_rows(min_row=2) if row[0].value == "B2"
    )
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("x")'


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("name: Bedre kapasitet", 'name: "Bedre\\ekapasitet"', "[B2 name]"),
        ("comment: Godt i gang", 'comment: "Godt\\a i gang"', "[B1 comment]"),
    ],
)
def test_xlsx_refuses_control_characters_like_plan_save(old: str, new: str, where: str) -> None:
    plan = gv.loads(HAND_PLAN.replace(old, new, 1))
    with pytest.raises(gv.PlanError) as info:
        xlsx_bytes(gv.evaluate(plan, at=AT))
    assert where in str(info.value)
    assert "contains a control character that Excel cannot store; remove it" in str(info.value)
