"""Optimism bias and ranges beside the planned money, in every evaluation output and
report, read back with the library that reads each format; numbers worked by hand.

The plan (tests/analysis/test_money.py): a flat rate of 25 % over two years, so an
annual amount counts 1.8 times. B1 is worth [80 000, 100 000, 150 000] a year (180 000
expected, 144 000 to 270 000), D1 loses [5 000, 10 000, 20 000] a year (-18 000, from
-36 000 to -9 000), M1 costs [40 000, 50 000, 70 000] once and 20 000 a year (86 000,
from 76 000 to 106 000). Nothing is measured at the date, so B1 realises 0 and D1 its
full loss. Optimism bias: costs +20 %, benefits -10 %.
"""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser

import pytest

import gevinst as gv
from gevinst.report import report_bytes
from gevinst.report.tables import csv_text, json_text, markdown_text, text_table, xlsx_bytes
from tests.analysis.test_money import BIASED_PLAN

AT = "2025-06-01"
NB = "\u00a0"  # the thousands separator of nb
NET_LABEL_NB = "Netto justert for optimisme (kostnader +20\u00a0%, gevinster −10\u00a0%)"
NET_LABEL_EN = "Net adjusted for optimism bias (costs +20%, benefits −10%)"
PLAIN_PLAN = (
    BIASED_PLAN.replace("  optimism_bias: {costs: 0.2, benefits: 0.1}\n", "")
    .replace("[80000, 100000, 150000]", "100000")
    .replace("[5000, 10000, 20000]", "10000")
    .replace("[40000, 50000, 70000]", "50000")
)


@pytest.fixture
def ev() -> gv.Evaluation:
    return gv.evaluate(gv.loads(BIASED_PLAN), at=AT)


@pytest.fixture
def plain() -> gv.Evaluation:
    return gv.evaluate(gv.loads(PLAIN_PLAN), at=AT)


def test_json_has_adjusted_figures_and_ranges_beside_the_planned(ev: gv.Evaluation) -> None:
    money = json.loads(json_text(ev))["money"]
    # the planned figures are where they were
    assert money["expected"] == pytest.approx(180000 - 18000)
    assert money["costs"] == pytest.approx(86000)
    assert money["net"] == pytest.approx(-18000 - 86000)
    bias = money["optimism_bias"]
    assert (bias["costs_share"], bias["benefits_share"]) == (0.2, 0.1)
    assert bias["expected"] == pytest.approx(162000 - 18000)
    assert bias["costs"] == pytest.approx(103200)
    assert bias["expected_net"] == pytest.approx(144000 - 103200)
    assert bias["net"] == pytest.approx(0 - 18000 - 103200)
    lines = {line["id"]: line for line in money["lines"]}
    assert (lines["B1"]["low"], lines["B1"]["high"]) == pytest.approx((144000, 270000))
    assert (lines["D1"]["low"], lines["D1"]["high"]) == pytest.approx((-9000, -36000))
    assert lines["B1"]["expected"] == pytest.approx(180000)
    assert (money["costs_low"], money["costs_high"]) == pytest.approx((76000, 106000))
    assert (money["expected_net_low"], money["expected_net_high"]) == pytest.approx(
        (108000 - 106000, 261000 - 76000)
    )
    (m1,) = money["costs_by_measure"]
    assert (m1["id"], m1["low"], m1["high"]) == ("M1", pytest.approx(76000), pytest.approx(106000))


def test_json_of_a_plan_without_bias_or_ranges_has_no_new_keys(plain: gv.Evaluation) -> None:
    money = json.loads(json_text(plain))["money"]
    assert "optimism_bias" not in money and "costs_low" not in money
    assert all("low" not in line for line in money["lines"])
    assert money["net"] == pytest.approx(-18000 - 86000)  # the same figures


def test_csv_money_table_has_low_and_high(ev: gv.Evaluation, plain: gv.Evaluation) -> None:
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(csv_text(ev, "money")))}
    assert float(rows["B1"]["low"]) == pytest.approx(144000)
    assert float(rows["B1"]["high"]) == pytest.approx(270000)
    assert float(rows["M1"]["expected"]) == pytest.approx(-86000)  # costs count against
    assert float(rows["M1"]["low"]) == pytest.approx(-76000)  # every cost at its low end
    assert float(rows["M1"]["high"]) == pytest.approx(-106000)
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(csv_text(plain, "money")))}
    assert rows["B1"]["low"] == rows["M1"]["high"] == ""
    with pytest.raises(ValueError, match="'money'"):
        csv_text(ev, "moneys")


def test_xlsx_has_range_columns_and_adjusted_rows(ev: gv.Evaluation) -> None:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(xlsx_bytes(ev, "en")))
    rows = list(book["Net present value"].iter_rows(values_only=True))
    assert rows[0] == ("Id", "Name", "Category", "Score", "Expected", "Low", "High", "Realised")
    by_name = {row[1]: row for row in rows[1:]}
    assert by_name["Kortere ventetid"][4:7] == pytest.approx((180000, 144000, 270000))
    assert by_name["Costs"][4:8] == pytest.approx((-86000, -106000, -76000, -86000))
    assert by_name["Net"][4:7] == pytest.approx((76000, 2000, 185000))
    assert by_name["Benefits adjusted for optimism bias (−10%)"][4] == pytest.approx(162000)
    assert by_name["Costs adjusted for optimism bias (+20%)"][4] == pytest.approx(-103200)
    adjusted = by_name[NET_LABEL_EN]
    assert (adjusted[4], adjusted[7]) == pytest.approx((40800, -121200))
    assert adjusted[5] is None and adjusted[6] is None  # no range of an adjusted figure


def test_text_and_markdown_show_both(ev: gv.Evaluation) -> None:
    for text in (text_table(ev), markdown_text(ev)):
        assert "Spenn (lav–høy)" in text
        assert f"144{NB}000–270{NB}000" in text
        assert f"−106{NB}000 – −76{NB}000" in text  # costs, negative: a spaced dash
        assert NET_LABEL_NB in text  # said in full, not cut in the terminal
        assert f"40{NB}800" in text and f"76{NB}000" in text  # adjusted and planned net


def test_evaluation_of_a_plan_without_bias_shows_no_new_columns(plain: gv.Evaluation) -> None:
    for text in (text_table(plain), markdown_text(plain)):
        assert "Spenn" not in text and "optimisme" not in text


class _Tables(HTMLParser):
    """The tables of a page as rows of cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.paragraphs: list[str] = []
        self._cell: list[str] | None = None
        self._para: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "p":
            self._para = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "p" and self._para is not None:
            self.paragraphs.append("".join(self._para).strip())
            self._para = None

    def handle_data(self, data: str) -> None:
        for part in (self._cell, self._para):
            if part is not None:
                part.append(data)


def _money_table(page: bytes) -> tuple[list[list[str]], list[str]]:
    parser = _Tables()
    parser.feed(page.decode("utf-8"))
    table = next(t for t in parser.tables if t and t[0][:2] == ["Item", "Expected"])
    return table, parser.paragraphs


def test_html_report_shows_ranges_and_adjusted_columns() -> None:
    plan = gv.loads(BIASED_PLAN)
    table, paragraphs = _money_table(report_bytes(plan, "html", at=AT, language="en"))
    assert table[0] == [
        "Item",
        "Expected",
        "Range (low–high)",
        "Realised",
        "Expected, adjusted",
        "Realised, adjusted",
    ]
    rows = {row[0]: row[1:] for row in table[1:]}
    assert rows["Benefits"] == [
        "180,000 NOK",
        "144,000–270,000 NOK",
        "0 NOK",
        "162,000 NOK",
        "0 NOK",
    ]
    assert rows["Dis-benefits"][0] == rows["Dis-benefits"][3] == "-18,000 NOK"  # unchanged
    assert rows["Costs"] == [
        "-86,000 NOK",
        "-106,000 – -76,000 NOK",
        "-86,000 NOK",
        "-103,200 NOK",
        "-103,200 NOK",
    ]
    assert rows["Net"][3:] == ["40,800 NOK", "-121,200 NOK"]
    assert any("Adjusted for optimism bias (costs +20%, benefits −10%)" in p for p in paragraphs)
    # without a date: expected only, adjusted beside it
    table, _ = _money_table(report_bytes(plan, "html", language="en"))
    assert table[0] == ["Item", "Expected", "Range (low–high)", "Expected, adjusted"]


def test_markdown_report_lists_each_lines_range() -> None:
    text = report_bytes(gv.loads(BIASED_PLAN), "md", at=AT).decode()
    b1 = next(line for line in text.splitlines() if line.startswith("| B1 ") and "NOK" in line)
    assert f"144{NB}000–270{NB}000 NOK" in b1
    d1 = next(line for line in text.splitlines() if line.startswith("| D1 ") and "NOK" in line)
    assert f"−36{NB}000 – −9{NB}000 NOK" in d1  # the larger loss first
    assert "Justert for optimisme (kostnader +20\u00a0%, gevinster −10\u00a0%)" in text
    assert "| Forventet, justert | Realisert, justert |" in text


def test_deck_has_a_slide_with_ranges_and_adjusted_figures() -> None:
    from pptx import Presentation
    from pptx.util import Pt

    deck = Presentation(io.BytesIO(report_bytes(gv.loads(BIASED_PLAN), "pptx", at=AT)))
    titles = [slide.shapes.title.text for slide in deck.slides]
    index = titles.index("Nåverdi med spenn og justert for optimisme")
    assert titles[index - 1] == "Økonomi: nåverdi"  # right after the money slide
    slide = deck.slides[index]
    (shape,) = [s for s in slide.shapes if s.name == "table money adjusted"]
    cells = [[cell.text for cell in row.cells] for row in shape.table.rows]
    assert cells[0][1:] == [
        "Forventet",
        "Spenn (lav–høy)",
        "Realisert",
        "Forventet, justert",
        "Realisert, justert",
    ]
    assert cells[3] == [
        "Kostnader",
        "−0,1 mill. kr",
        "−0,1 – −0,1 mill. kr",
        "−0,1 mill. kr",
        "−0,1 mill. kr",
        "−0,1 mill. kr",
    ]
    sizes = [
        run.font.size
        for s in slide.shapes
        if s.has_text_frame and s.name not in ("footer", "slide number")
        for p in s.text_frame.paragraphs
        for run in p.runs
    ]
    sizes += [
        run.font.size
        for row in shape.table.rows
        for cell in row.cells
        for p in cell.text_frame.paragraphs
        for run in p.runs
    ]
    assert sizes and all(size >= Pt(12) for size in sizes)
    notes = slide.notes_slide.notes_text_frame.text
    assert "ulempene står som de er" in notes


def test_reports_of_a_plan_without_bias_or_ranges_have_nothing_new() -> None:
    from pptx import Presentation

    plan = gv.loads(PLAIN_PLAN)
    deck = Presentation(io.BytesIO(report_bytes(plan, "pptx", at=AT)))
    assert not any("optimisme" in slide.shapes.title.text for slide in deck.slides)
    assert not any("spenn" in slide.shapes.title.text.lower() for slide in deck.slides)
    for fmt in ("md", "html"):
        text = report_bytes(plan, fmt, at=AT).decode()
        assert "Spenn" not in text and "optimisme" not in text
