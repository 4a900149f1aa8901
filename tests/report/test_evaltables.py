"""Evaluation tables (terminal, CSV, JSON, Markdown, Excel) and the `evaluate` and
`stakeholders` commands, each output read back with the library that reads it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

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
    assert cell.quotePrefix and cell.alignment.wrap_text  # styled, and still kept as text


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


# -- the workbook people hand on --------------------------------------------------------------


def _book(ev: gv.Evaluation, language: str | None = None) -> Any:
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(xlsx_bytes(ev, language)))


def _rows(sheet: Any, key: int = 0) -> dict[Any, Any]:
    return {row[key].value: row for row in sheet.iter_rows(min_row=2)}


def test_xlsx_numbers_stay_numbers_with_formats(ev: gv.Evaluation) -> None:
    book = _book(ev)
    indicators = _rows(book["Indikatorer"])
    i1 = indicators["I1"]
    # I1 expected at 2025-03-31: 26 + (16 - 26) * 547 / 638 = 17.426..., still a number,
    # shown with one decimal: the plan's own numbers (26, 12, 19) are whole, under 100
    assert i1[4].value == pytest.approx(17.4263, abs=1e-4)
    values = (i1[3], i1[4], i1[5], i1[9], i1[10])  # baseline .. realised, forecast, target
    assert [c.number_format for c in values] == ["#,##0.0"] * 5
    assert isinstance(i1[3].value, int | float) and i1[3].value == 26
    assert i1[6].number_format == i1[7].number_format == "0%"  # progress, attainment
    assert i1[11].value == dt.datetime(2026, 12, 31) and i1[11].number_format == "yyyy-mm-dd"
    money = _rows(book["Nåverdi"], 1)
    for name in ("Bedre kapasitet", "Kostnader", "Netto"):
        expected, realised = money[name][4], money[name][5]
        assert expected.number_format == realised.number_format == "#,##0"
        assert isinstance(expected.value, float)
    assert money["Netto"][4].value == pytest.approx(ev.npv().expected_net)
    assert money["Bedre kapasitet"][3].number_format == "0%"
    years = _rows(book["År for år"])
    assert years[1][6].value == pytest.approx(1 / 1.04)  # 4 % in year 1
    assert years[1][6].number_format == "0.0000" and years[1][2].number_format == "#,##0"
    reviews = list(book["Evalueringer"].iter_rows(min_row=2))
    assert reviews[0][0].value == dt.datetime(2024, 9, 1)
    assert reviews[0][0].number_format == "yyyy-mm-dd"


def test_xlsx_indicator_decimals_follow_the_plans_numbers() -> None:
    plan = gv.loads(
        HAND_PLAN.replace("value: 16}", "value: 16.25}")  # I1: quarters of a week
        .replace("{date: 2024-01-31, value: 45}", "{date: 2024-01-31, value: 450}")
        .replace("value: 52}", "value: 520}")  # I2: whole numbers from 100 up
        .replace("date: 2024-07-31, value: 46}", "date: 2024-07-31, value: 460}")
        .replace("date: 2025-01-31, value: 50}", "date: 2025-01-31, value: 500}")
    )
    indicators = _rows(_book(gv.evaluate(plan, at=AT))["Indikatorer"])
    assert indicators["I1"][4].number_format == "#,##0.00"
    assert indicators["I2"][4].number_format == "#,##0"
    # I2 expected: 450 + 70 * 425 / 700 = 492.5, a number however it is shown
    assert indicators["I2"][4].value == pytest.approx(492.5)


@pytest.mark.parametrize(
    ("language", "at_risk", "on_track", "not_measured"),
    [
        ("nb", "▲ Usikker", "● I rute", "○ Ikke målt"),
        ("en", "▲ At risk", "● On track", "○ Not measured"),
    ],
)
def test_xlsx_status_cells_are_worded_and_coloured(
    ev: gv.Evaluation, language: str, at_risk: str, on_track: str, not_measured: str
) -> None:
    from gevinst.i18n.words import t
    from gevinst.theme import STATUS_STYLES

    book = _book(ev, language)
    elements = _rows(book[t("benefits_and_goals", language)])
    # B1: 0.816 is under 0.9 and over 0.6; B2: 0.927; B3 has no indicator
    cells = {key: elements[key][5] for key in ("B1", "B2", "B3")}
    assert [c.value for c in cells.values()] == [at_risk, on_track, not_measured]
    for key, status in (("B1", "at_risk"), ("B2", "on_track"), ("B3", "not_measured")):
        assert cells[key].fill.fgColor.rgb == "00" + STATUS_STYLES[status].fill.lstrip("#")
    reviews = list(book[t("reviews", language)].iter_rows(min_row=2))
    said, numbers = reviews[0][3], reviews[0][4]  # B1 on 2024-09-01: on track by review
    assert (said.value, numbers.value) == (on_track, at_risk)
    assert numbers.fill.fgColor.rgb.endswith(STATUS_STYLES["at_risk"].fill.lstrip("#"))
    assert elements["B1"][2].fill.fill_type is None  # only status cells are coloured


@pytest.mark.parametrize(
    ("language", "title", "page", "money"),
    [
        (
            "nb",
            "Håndregnet plan: gevinstevaluering per 31. mars 2025",
            "Side &P av &N",
            "Nåverdi (NOK): kalkulasjonsrente R-109 (4/3/2 %), 3 år fra 2024-01-01",
        ),
        (
            "en",
            "Håndregnet plan: benefit evaluation at 31 March 2025",
            "Page &P of &N",
            "Net present value (NOK): discount rate R-109 (4/3/2%), 3 years from 2024-01-01",
        ),
    ],
)
def test_xlsx_every_sheet_is_set_up_to_print(
    ev: gv.Evaluation, language: str, title: str, page: str, money: str
) -> None:
    book = _book(ev, language)
    assert len(book.worksheets) == 5
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
        assert sheet.print_title_rows == "$1:$1"
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.b for cell in sheet[1])
        assert sheet.oddHeader.left.text == title
        assert sheet.oddHeader.right.text == "&A"  # the sheet's name
        assert sheet.oddFooter.right.text == page
    # the money sheets say at the foot of each page how the present values were reckoned
    assert [sheet.oddFooter.left.text for sheet in book.worksheets] == [
        None,
        None,
        money,
        money,
        None,
    ]


def test_xlsx_filters_leave_the_sums_below_and_totals_are_bold(ev: gv.Evaluation) -> None:
    book = _book(ev)
    money = book["Nåverdi"]
    # B2, B3, D1 in rows 2-4; Kostnader and Netto (row 5, 6) stay below when sorting
    assert money.auto_filter.ref == "A1:F4"
    assert [money.cell(r, 2).value for r in (5, 6)] == ["Kostnader", "Netto"]
    assert money.cell(5, 5).font.b and not money.cell(4, 5).font.b
    years = book["År for år"]
    assert years.auto_filter.ref == "A1:H4"  # three years; the present values below
    assert years.cell(5, 1).value == "Nåverdi" and years.cell(5, 6).font.b
    assert book["Gevinster og mål"].auto_filter.ref == "A1:G8"  # all seven elements


def test_xlsx_columns_fit_and_long_names_wrap() -> None:
    long_name = "Bedre kapasitet " + "og mer tid til barna " * 6  # 142 characters
    plan = gv.loads(HAND_PLAN.replace("name: Bedre kapasitet", f"name: {long_name.strip()}"))
    book = _book(gv.evaluate(plan, at=AT))
    sheet = book["Gevinster og mål"]
    width = sheet.column_dimensions["C"].width
    # at most 62; the other columns (with "Siden forrige periode") leave it 61 of the
    # 140 characters across a landscape A4 page
    assert width == 61
    assert sum(d.width for d in sheet.column_dimensions.values()) <= 140
    b2 = _rows(sheet)["B2"]
    assert b2[2].alignment.wrap_text and sheet.row_dimensions[b2[2].row].height >= 30
    # "Raskere saksbehandling" (22) fits in a row of its own
    o1 = _rows(sheet)["O1"]
    assert sheet.row_dimensions[o1[2].row].height is None
    money = book["Nåverdi"]
    for column, cells in zip("ABCDEF", money.iter_cols(min_row=2), strict=True):
        shown = [f"{c.value:,.0f}" for c in cells if isinstance(c.value, float)]
        if column in "EF":
            assert shown and money.column_dimensions[column].width >= max(map(len, shown)) + 2
