"""Status since the last period in every output, read back with the library that
reads the format (the hand-worked plan is in tests/analysis/test_since.py)."""

from __future__ import annotations

import csv
import io
import json

from pptx import Presentation

import gevinst as gv
from gevinst.report import report_bytes
from gevinst.report.tables import csv_text, json_text, markdown_text, text_table
from tests.analysis.test_since import AT, since_plan
from tests.report.test_report_html import parse
from tests.report.test_report_markdown import table_rows

WORSE_NB, BETTER_NB = "↓ verre (fra I rute)", "↑ bedre (fra Ikke i rute)"
WORSE_EN, BETTER_EN = "↓ worse (from On track)", "↑ better (from Off track)"


def test_json_and_csv() -> None:
    ev = gv.evaluate(since_plan(), at=AT)
    data = json.loads(json_text(ev))
    elements = {e["id"]: e for e in data["elements"]}
    assert elements["B1"]["previous_date"] == "2024-04-10"
    assert (elements["B1"]["previous_status"], elements["B1"]["trend"]) == (
        "on_track",
        "worsened",
    )
    assert (elements["B4"]["previous_status"], elements["B4"]["trend"]) == (None, "new")
    indicators = {i["id"]: i for i in data["indicators"]}
    assert indicators["I2"]["trend"] == "improved" and indicators["I5"]["trend"] is None
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(csv_text(ev)))}
    assert (rows["B2"]["previous_date"], rows["B2"]["previous_status"]) == (
        "2024-04-10",
        "off_track",
    )
    assert (rows["B2"]["trend"], rows["I3"]["trend"], rows["B5"]["trend"]) == (
        "improved",
        "unchanged",
        "",
    )


def test_evaluate_tables_text_and_markdown() -> None:
    ev = gv.evaluate(since_plan(), at=AT)
    rows = {r[0]: r for r in table_rows(markdown_text(ev), "## Gevinster og mål")}
    assert (rows["B1"][5], rows["B1"][6]) == ("Ikke i rute", WORSE_NB)
    assert (rows["B2"][6], rows["B3"][6], rows["B4"][6], rows["B5"][6]) == (
        BETTER_NB,
        "→ uendret",
        "ny",
        "",
    )
    text = text_table(ev, "en")
    assert "Since last period" in text and WORSE_EN in text and BETTER_EN in text


def test_markdown_report() -> None:
    text = report_bytes(since_plan(), "md", at=AT).decode()
    rows = {r[0]: r for r in table_rows(text, "### Gevinster")}
    header = text.splitlines()[text.splitlines().index("### Gevinster") + 2]
    assert "Siden forrige periode" in header
    assert (rows["B1"][3], rows["B1"][6]) == ("■ Ikke i rute", WORSE_NB)
    assert (rows["B2"][6], rows["B3"][6], rows["B4"][6], rows["B5"][6]) == (
        BETTER_NB,
        "→ uendret",
        "ny",
        "–",
    )
    english = report_bytes(since_plan("en"), "md", at=AT).decode()
    assert "Since last period" in english and WORSE_EN in english


def test_html_report() -> None:
    page = parse(report_bytes(since_plan(), "html", at=AT).decode())
    cells = page.cells
    at = cells.index("Gevinst 1")  # id, name, owner, status, score, since last
    assert cells[at + 2 : at + 5] == ["■ Ikke i rute", "50\xa0%", WORSE_NB]
    at = cells.index("Gevinst 2")
    assert cells[at + 4] == BETTER_NB
    assert cells[cells.index("Gevinst 3") + 4] == "→ uendret"
    assert cells[cells.index("Gevinst 4") + 4] == "ny"
    assert cells[cells.index("Gevinst 5") + 4] == "–"
    assert "Siden forrige periode" in page.text


def test_deck_status_slides() -> None:
    data = report_bytes(since_plan(), "pptx", at=AT, appendix=True)
    prs = Presentation(io.BytesIO(data))
    tables = [
        shape.table
        for slide in prs.slides
        if slide.shapes.title and slide.shapes.title.text.startswith("Vedlegg: Status for")
        for shape in slide.shapes
        if shape.has_table
    ]
    assert tables
    assert tables[0].cell(0, 6).text == "Siden forrige periode"
    rows = {r.cells[0].text: [c.text for c in r.cells] for t in tables for r in list(t.rows)[1:]}
    assert rows["B1"][4:] == ["■ Ikke i rute", "50\xa0%", WORSE_NB]
    assert [rows[b][6] for b in ("B2", "B3", "B4", "B5")] == [BETTER_NB, "→ uendret", "ny", "–"]


def test_evaluation_workbook() -> None:
    import openpyxl

    from gevinst.report.tables import xlsx_bytes

    ev = gv.evaluate(since_plan(), at=AT)
    for language, worse, better, same, new in (
        ("nb", WORSE_NB, BETTER_NB, "→ uendret", "ny"),
        ("en", WORSE_EN, BETTER_EN, "→ unchanged", "new"),
    ):
        book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(ev, language)))
        sheet = book.worksheets[0]
        rows = [[c.value for c in row] for row in sheet.iter_rows()]
        assert rows[0][5:] == (
            ["Status", "Siden forrige periode"]
            if language == "nb"
            else ["Status", "Since last period"]
        )
        since = {row[0]: row[6] for row in rows[1:] if row[0]}
        assert [since[b] for b in ("B1", "B2", "B3", "B4")] == [worse, better, same, new]
        assert since["B5"] in (None, "")
