"""Three-point estimates and the plan's uncertainty settings in the workbook (SPEC 6).

Each amount has three columns side by side (low, most likely, high); the Plan sheet has
rows for the correlation and the optimism bias. Written workbooks are read back with
openpyxl (what a consultant sees) and with gv.load (the plan again).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import gevinst as gv
from gevinst.errors import WorkbookError
from gevinst.io.excel.write import workbook_bytes


def _plan(language: str = "nb") -> gv.Plan:
    plan = gv.Plan.new(
        "p",
        "Usikre beløp",
        language=language,
        correlation=0.3,
        optimism_bias={"costs": 0.2, "benefits": 0.1},
    )
    plan.add_measure(
        "M1",
        "Nytt fagsystem",
        cost={"one_off": [400000, 500000, 800000], "annual": [150000, 150000, 150000]},
    )
    plan.add_measure("M2", "Kurs", cost={"one_off": 20000})
    plan.add_benefit(
        "B1",
        "Kortere ventetid",
        value={"annual": [1800000, 2400000, 2900000], "from": "2025-01-01"},
    )
    plan.add_benefit("B2", "Færre feil", value={"annual": 300000.5})
    plan.add_disbenefit("D1", "Mer opplæring", value={"annual": [-50000, -20000, -10000]})
    return plan


def _book(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def _row(sheet: Any, row: int, first: str, last: str) -> list[Any]:
    return [c.value for c in sheet[f"{first}{row}:{last}{row}"][0]]


def _save(plan: gv.Plan, path: Path) -> Path:
    return gv.save(plan, path)


def _edit(path: Path, change: Any) -> Path:
    book = openpyxl.load_workbook(path)
    change(book)
    book.save(path)
    return path


def _error(path: Path) -> WorkbookError:
    with pytest.raises(WorkbookError) as caught:
        gv.load(path)
    return caught.value


# -- written as a consultant reads it --------------------------------------------------------


def test_each_amount_has_low_most_likely_and_high_side_by_side() -> None:
    book = _book(workbook_bytes(_plan()))
    measures = book["Tiltak"]
    assert _row(measures, 1, "F", "M") == [
        "Slutt",
        "Engangskostnad, lav",
        "Engangskostnad, mest sannsynlig",
        "Engangskostnad, høy",
        "Årlig kostnad, lav",
        "Årlig kostnad, mest sannsynlig",
        "Årlig kostnad, høy",
        "Beskrivelse",
    ]
    # M1: one-off 400 000 / 500 000 / 800 000; annual three equal numbers, all written
    assert _row(measures, 2, "G", "L") == [400000, 500000, 800000, 150000, 150000, 150000]
    # M2: one number; low and high empty (the annual cost is the default 0)
    assert _row(measures, 3, "G", "L") == [None, 20000, None, None, 0, None]
    benefits = book["Gevinster"]
    assert _row(benefits, 1, "F", "J") == [
        "Kategori",
        "Årlig verdi, lav",
        "Årlig verdi, mest sannsynlig",
        "Årlig verdi, høy",
        "Verdi fra",
    ]
    assert _row(benefits, 2, "G", "J") == [1800000, 2400000, 2900000, dt.datetime(2025, 1, 1)]
    assert _row(benefits, 3, "G", "I") == [None, 300000.5, None]
    assert _row(book["Ulemper"], 2, "G", "I") == [-50000, -20000, -10000]
    # money formats as on the other money cells; numbers, never text or formulas
    assert [benefits[f"{c}2"].number_format for c in "GHI"] == ["#,##0"] * 3
    assert benefits["H3"].number_format == "#,##0.00"
    assert {measures[f"{c}2"].data_type for c in "GHIJKL"} == {"n"}
    # the notes on the headers say what low and high are
    assert "fyll inn både lav og høy" in benefits["G1"].comment.text
    assert "fyll inn både lav og høy" in measures["L1"].comment.text
    assert "Mest sannsynlige" in benefits["H1"].comment.text
    assert "Mest sannsynlige" in measures["H1"].comment.text


def test_english_headers_and_notes() -> None:
    book = _book(workbook_bytes(_plan("en")))
    assert _row(book["Measures"], 1, "G", "L") == [
        "One-off cost, low",
        "One-off cost, most likely",
        "One-off cost, high",
        "Annual cost, low",
        "Annual cost, most likely",
        "Annual cost, high",
    ]
    assert _row(book["Benefits"], 1, "G", "I") == [
        "Annual value, low",
        "Annual value, most likely",
        "Annual value, high",
    ]
    assert "fill in both low and high" in book["Benefits"]["I1"].comment.text
    plan = book["Plan"]
    rows = {plan[f"A{r}"].value: plan[f"B{r}"].value for r in range(2, plan.max_row + 1)}
    assert (rows["Correlation"], rows["Optimism bias, costs"]) == (0.3, 0.2)
    assert rows["Optimism bias, benefits"] == 0.1


def test_plan_sheet_has_correlation_and_optimism_bias_with_help() -> None:
    sheet = _book(workbook_bytes(_plan()))["Plan"]
    rows = {
        sheet[f"A{r}"].value: (sheet[f"B{r}"].value, sheet[f"C{r}"].value)
        for r in range(2, sheet.max_row + 1)
    }
    value, help_text = rows["Korrelasjon"]
    assert value == 0.3 and "0 til 1" in help_text
    value, help_text = rows["Optimismepåslag, kostnader"]
    assert value == 0.2 and "0,2 = +20 %" in help_text
    value, help_text = rows["Optimismefradrag, gevinster"]
    assert value == 0.1 and "0,1 = −10 %" in help_text
    # not set: the rows are there, empty, so a consultant sees where to set them
    empty = _book(workbook_bytes(gv.Plan.new("p", "P")))["Plan"]
    values = {empty[f"A{r}"].value: empty[f"B{r}"].value for r in range(2, empty.max_row + 1)}
    assert values["Korrelasjon"] is None and values["Optimismepåslag, kostnader"] is None


@pytest.mark.parametrize("language", ["nb", "en"])
def test_ranges_and_settings_read_back_as_written(language: str, tmp_path: Path) -> None:
    plan = _plan(language)
    again = gv.load(_save(plan, tmp_path / "plan.xlsx"))
    assert again == plan
    m1 = again["M1"]
    assert isinstance(m1, gv.Measure) and m1.cost is not None
    assert m1.cost.one_off.points == (400000, 500000, 800000) and m1.cost.one_off.ranged
    assert m1.cost.annual.points == (150000, 150000, 150000) and m1.cost.annual.ranged
    m2 = again["M2"]
    assert isinstance(m2, gv.Measure) and m2.cost is not None and not m2.cost.one_off.ranged
    assert again.info.correlation == 0.3
    assert again.info.optimism_bias is not None
    assert (again.info.optimism_bias.costs, again.info.optimism_bias.benefits) == (0.2, 0.1)
    assert gv.loads(gv.dumps(again)) == plan  # and on to YAML as [low, most_likely, high]


def test_no_settings_read_back_as_none(tmp_path: Path) -> None:
    plan = gv.Plan.new("p", "P")
    plan.add_benefit("B1", "Gevinst", value={"annual": 10})
    again = gv.load(_save(plan, tmp_path / "plan.xlsx"))
    assert again == plan
    assert (again.info.correlation, again.info.optimism_bias) == (None, None)


def test_low_and_high_cells_never_start_a_formula() -> None:
    data = workbook_bytes(_plan())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = "".join(
            archive.read(name).decode()
            for name in archive.namelist()
            if name.startswith("xl/worksheets/")
        )
    assert "<f>" not in xml and "<f " not in xml
    assert _book(data)["Ulemper"]["G2"].data_type == "n"  # -50 000 is a number


# -- typed by hand ---------------------------------------------------------------------------


def test_a_range_typed_in_by_hand(tmp_path: Path) -> None:
    path = _save(_plan(), tmp_path / "plan.xlsx")

    def type_range(book: Any) -> None:
        sheet = book["Gevinster"]
        sheet["G3"] = "250 000"  # text, as numbers typed with spaces often are
        sheet["I3"] = 400000
        book["Plan"]["B13"] = "20 %"  # Optimismepåslag, kostnader as a percentage

    plan = gv.load(_edit(path, type_range))
    b2 = plan["B2"]
    assert isinstance(b2, gv.Benefit) and b2.value is not None
    assert b2.value.annual.points == (250000, 300000.5, 400000)
    assert plan.info.optimism_bias is not None and plan.info.optimism_bias.costs == 0.2


def test_a_range_out_of_order_is_read_as_it_is(tmp_path: Path) -> None:
    """A range out of order is for ``gevinst check`` to report (GV020), not a load error."""
    path = _save(_plan(), tmp_path / "plan.xlsx")
    plan = gv.load(_edit(path, lambda b: b["Gevinster"].__setitem__("G2", 3000000)))
    b1 = plan["B1"]
    assert isinstance(b1, gv.Benefit) and b1.value is not None
    assert b1.value.annual.points == (3000000, 2400000, 2900000)
    assert not b1.value.annual.ordered


def test_only_one_end_of_a_range_is_a_located_error(tmp_path: Path) -> None:
    path = _save(_plan(), tmp_path / "plan.xlsx")
    _edit(path, lambda b: b["Gevinster"].__setitem__("G3", 250000))  # B2: low, no high
    error = _error(path)
    assert str(error) == (
        f"{path}: sheet Gevinster, row 3, column Årlig verdi, høy (I): 'Årlig verdi, lav' "
        "of B2 is filled in but 'Årlig verdi, høy' is empty: a range needs both its low and "
        "its high value; fill it in, or empty 'Årlig verdi, lav' for one amount"
    )
    assert (error.sheet, error.line, error.column, error.element) == ("Gevinster", 3, 9, "B2")
    assert isinstance(error, gv.PlanError)


def test_only_the_high_end_of_a_cost_is_a_located_error(tmp_path: Path) -> None:
    path = _save(_plan("en"), tmp_path / "plan.xlsx")
    _edit(path, lambda b: b["Measures"].__setitem__("G2", None))  # M1: one-off without low
    error = _error(path)
    assert str(error).startswith(
        f"{path}: sheet Measures, row 2, column One-off cost, low (G): 'One-off cost, high' "
        "of M1 is filled in but 'One-off cost, low' is empty"
    )
    assert error.element == "M1"


@pytest.mark.parametrize(
    ("cell", "value", "shown"),
    [("G2", "ca. en million", "'ca. en million'"), ("I2", True, "True")],
)
def test_text_or_true_in_a_low_or_high_cell_is_a_located_error(
    cell: str, value: object, shown: str, tmp_path: Path
) -> None:
    path = _save(_plan(), tmp_path / "plan.xlsx")
    _edit(path, lambda b: b["Gevinster"].__setitem__(cell, value))
    error = _error(path)
    point, header = (
        ("low", "Årlig verdi, lav (G)") if cell == "G2" else ("high", "Årlig verdi, høy (I)")
    )
    assert str(error) == (
        f"{path}: sheet Gevinster, row 2, column {header}: {shown} is not a number: the "
        f"{point} end of a three-point estimate of B1 is an amount (e.g. 400000); or leave "
        "both low and high empty for one amount"
    )
    assert (error.line, error.element) == (2, "B1")


def test_text_in_the_most_likely_cell_of_a_range_is_located_there(tmp_path: Path) -> None:
    path = _save(_plan(), tmp_path / "plan.xlsx")
    _edit(path, lambda b: b["Tiltak"].__setitem__("H2", "mye"))
    error = _error(path)
    assert str(error).startswith(
        f"{path}: sheet Tiltak, row 2, column Engangskostnad, mest sannsynlig (H): 'mye' is "
        "not a number"
    )
    assert error.element == "M1"


def test_a_range_without_its_most_likely_value_is_a_located_error(tmp_path: Path) -> None:
    path = _save(_plan(), tmp_path / "plan.xlsx")
    _edit(path, lambda b: b["Gevinster"].__setitem__("H2", None))
    error = _error(path)
    assert str(error) == (
        f"{path}: sheet Gevinster, row 2, column Årlig verdi, mest sannsynlig (H): the most "
        "likely value of B1 ('Årlig verdi, mest sannsynlig') is empty, but its low and high "
        "are filled in; fill in the most likely value (the middle of the three), or empty "
        "low and high"
    )


def test_an_optimism_bias_out_of_bounds_is_located_on_the_plan_sheet(tmp_path: Path) -> None:
    path = _save(_plan(), tmp_path / "plan.xlsx")
    _edit(path, lambda b: b["Plan"].__setitem__("B14", 1.5))  # benefits: a share, 0 to 1
    error = _error(path)
    assert str(error).startswith(f"{path}: sheet Plan, row 14, column Verdi (B): ")
    assert error.field == "plan.optimism_bias.benefits"


# -- workbooks of gevinst 0.2 ----------------------------------------------------------------


def _old_layout(book: Any) -> None:
    """The columns and rows of a workbook written before amounts had ranges."""
    measures = book["Tiltak"]
    measures.delete_cols(12)  # Årlig kostnad, høy
    measures.delete_cols(10)  # Årlig kostnad, lav
    measures.delete_cols(9)  # Engangskostnad, høy
    measures.delete_cols(7)  # Engangskostnad, lav
    measures["G1"], measures["H1"] = "Engangskostnad", "Årlig kostnad"
    for key in ("Gevinster", "Ulemper"):
        sheet = book[key]
        sheet.delete_cols(9)
        sheet.delete_cols(7)
        sheet["G1"] = "Årlig verdi"
    book["Plan"].delete_rows(12, 3)  # Korrelasjon, Optimismepåslag, Optimismefradrag


def test_a_workbook_without_the_new_columns_still_reads(tmp_path: Path) -> None:
    plan = gv.Plan.new("p", "Gammel")
    plan.add_measure("M1", "Nytt fagsystem", cost={"one_off": 500000, "annual": 150000})
    plan.add_benefit("B1", "Kortere ventetid", value={"annual": 2400000, "from": "2025-01-01"})
    plan.add_disbenefit("D1", "Mer opplæring", value={"annual": -20000})
    path = _edit(_save(plan, tmp_path / "plan.xlsx"), _old_layout)
    book = openpyxl.load_workbook(path)
    assert _row(book["Gevinster"], 1, "F", "H") == ["Kategori", "Årlig verdi", "Verdi fra"]
    assert _row(book["Tiltak"], 1, "F", "I") == [
        "Slutt",
        "Engangskostnad",
        "Årlig kostnad",
        "Beskrivelse",
    ]
    assert book["Plan"]["A12"].value == "Beskrivelse"
    assert gv.load(path) == plan


def test_an_old_english_header_reads_too(tmp_path: Path) -> None:
    plan = _plan("en")
    path = _save(plan, tmp_path / "plan.xlsx")
    _edit(path, lambda b: b["Benefits"].__setitem__("H1", "ANNUAL VALUE"))
    assert gv.load(path) == plan


def test_the_old_and_the_new_header_together_are_a_duplicate(tmp_path: Path) -> None:
    path = _save(_plan(), tmp_path / "plan.xlsx")
    _edit(path, lambda b: b["Gevinster"].__setitem__("P1", "Årlig verdi"))
    assert "appears twice (also in column H)" in str(_error(path))
