"""The money year by year in every evaluation output, against years worked out by hand
for the hand plan (tests/analysis/test_evaluate.py), each read back with its reader."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import gevinst as gv
from gevinst.report import report_bytes
from gevinst.report.tables import csv_text, json_text, markdown_text, xlsx_bytes
from tests.analysis.test_evaluate import AT, B2_SCORE, HAND_PLAN

# The hand plan starts 2024-01-01 with 3 years and no rate, so R-109: 4 % a year.
# 2024 has 366 days. B2 (200 000 a year) counts from 2024-07-01: 184 days of 2024.
# B3 (100 000) from 2025, no score so realised 0. D1 (-50 000) every year, no score so
# booked in full. M1: 300 000 one-off in 2024, 20 000 a year from 2024-03-01: 306 days.
B2_2024 = 200_000 * 184 / 366
EXPECTED = [B2_2024 - 50_000, 200_000 + 100_000 - 50_000, 250_000]
REALISED = [B2_2024 * B2_SCORE - 50_000, 200_000 * B2_SCORE - 50_000, 200_000 * B2_SCORE - 50_000]
COSTS = [300_000 + 20_000 * 306 / 366, 20_000, 20_000]
FACTORS = [1, 1 / 1.04, 1 / 1.04**2]
NET = [r - c for r, c in zip(REALISED, COSTS, strict=True)]
DISCOUNTED = [n * f for n, f in zip(NET, FACTORS, strict=True)]


@pytest.fixture
def ev() -> gv.Evaluation:
    return gv.evaluate(gv.loads(HAND_PLAN), at=AT)


def test_hand_years_add_up_to_the_present_values(ev: gv.Evaluation) -> None:
    money = ev.npv()
    assert sum(DISCOUNTED) == pytest.approx(money.net)
    assert sum(e * f for e, f in zip(EXPECTED, FACTORS, strict=True)) == pytest.approx(
        money.expected
    )
    assert sum(c * f for c, f in zip(COSTS, FACTORS, strict=True)) == pytest.approx(money.costs)


def test_csv_years_table(ev: gv.Evaluation) -> None:
    rows = list(csv.DictReader(io.StringIO(csv_text(ev, "years"))))
    assert [r["year"] for r in rows] == ["0", "1", "2"]
    assert [r["start"] for r in rows] == ["2024-01-01", "2025-01-01", "2026-01-01"]
    assert [r["end"] for r in rows] == ["2025-01-01", "2026-01-01", "2027-01-01"]
    for key, values in [
        ("expected", EXPECTED),
        ("realised", REALISED),
        ("costs", COSTS),
        ("factor", FACTORS),
        ("net", NET),
        ("discounted_net", DISCOUNTED),
    ]:
        assert [float(r[key]) for r in rows] == pytest.approx(values), key
    # the default table is unchanged: elements and indicators, no years
    default = list(csv.DictReader(io.StringIO(csv_text(ev))))
    assert "discounted_net" not in default[0]
    with pytest.raises(ValueError, match="years"):
        csv_text(ev, "yeers")


def test_json_years(ev: gv.Evaluation) -> None:
    years = json.loads(json_text(ev))["money"]["years"]
    assert [y["end"] for y in years] == ["2025-01-01", "2026-01-01", "2027-01-01"]
    assert [y["net"] for y in years] == pytest.approx(NET)
    assert [y["discounted_net"] for y in years] == pytest.approx(DISCOUNTED)
    assert sum(y["discounted_net"] for y in years) == pytest.approx(ev.npv().net)


def _markdown_table(text: str, heading: str) -> list[list[str]]:
    lines = text.splitlines()
    start = lines.index(f"## {heading}") + 2
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append([c.strip() for c in line.strip("|").split("|")])
    return [rows[0], *rows[2:]]  # without the |---| line


@pytest.mark.parametrize(
    ("lang", "heading", "header", "first", "total"),
    [
        (
            "nb",
            "År for år",
            "År",
            ["0", "2024", "50\u00a0546", "43\u00a0164", "316\u00a0721"],
            "Nåverdi",
        ),
        (
            "en",
            "Year by year",
            "Year",
            ["0", "2024", "50,546", "43,164", "316,721"],
            "Present value",
        ),
    ],
)
def test_markdown_years_table(
    ev: gv.Evaluation, lang: str, heading: str, header: str, first: list[str], total: str
) -> None:
    rows = _markdown_table(markdown_text(ev, lang), heading)
    assert rows[0][0] == header and len(rows[0]) == 8
    assert rows[1][:5] == first
    # hand values, rounded to whole kroner: 1 - 316 721.31 ... net -273 557
    assert rows[1][5].replace("\u2212", "-").replace("\u00a0", "").replace(",", "") == "-273557"
    assert rows[4][0] == total
    assert rows[4][7] == rows[4][5]  # the discounted nets add up to the net present value
    assert [r[0] for r in rows[1:4]] == ["0", "1", "2"]


def test_excel_years_sheet(ev: gv.Evaluation) -> None:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(xlsx_bytes(ev, "en")))
    ws = book["Year by year"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == (
        "Year",
        "Period",
        "Expected",
        "Realised",
        "Costs",
        "Net",
        "Discount factor",
        "Discounted net",
    )
    assert [r[0] for r in rows[1:4]] == [0, 1, 2]
    assert [r[2] for r in rows[1:4]] == pytest.approx(EXPECTED)
    assert [r[3] for r in rows[1:4]] == pytest.approx(REALISED)
    assert [r[4] for r in rows[1:4]] == pytest.approx(COSTS)
    assert [r[6] for r in rows[1:4]] == pytest.approx(FACTORS)
    assert [r[7] for r in rows[1:4]] == pytest.approx(DISCOUNTED)
    total = rows[4]
    money = ev.npv()
    assert total[0] == "Present value"
    assert total[2:6] == pytest.approx((money.expected, money.realised, money.costs, money.net))
    assert total[7] == pytest.approx(sum(DISCOUNTED))
    assert load_workbook(io.BytesIO(xlsx_bytes(ev, "nb")))["År for år"].cell(1, 1).value == "År"


# -- the reports: Markdown, HTML, council deck -----------------------------------------------


def test_report_money_years_group_later_years_and_add_up() -> None:
    from gevinst.report.content import report_data

    data = report_data(gv.loads(HAND_PLAN), at=AT)
    rows = data.money_years()
    assert [r.label for r in rows] == ["0", "1", "2", "Nåverdi"]
    assert [r.discounted for r in rows[:3]] == pytest.approx(DISCOUNTED)
    assert rows[3].discounted == pytest.approx(sum(DISCOUNTED))
    grouped = data.money_years(first=1)
    assert [r.label for r in grouped] == ["0", "1\u20132", "Nåverdi"]
    assert grouped[1].costs == pytest.approx(COSTS[1] + COSTS[2])
    assert grouped[1].discounted == pytest.approx(DISCOUNTED[1] + DISCOUNTED[2])
    assert grouped[1].factor is None
    assert data.period(grouped[1]) == "2025\u20132026"
    # one year left over is shown as itself, not as a group of one
    assert [r.label for r in data.money_years(first=2)][:3] == ["0", "1", "2"]
    # without a date: no realised, the net is expected minus costs
    plain = report_data(gv.loads(HAND_PLAN), language="en").money_years()
    assert plain[0].realised is None
    assert plain[0].net == pytest.approx(EXPECTED[0] - COSTS[0])
    assert plain[-1].label == "Present value"


def test_markdown_report_years_table() -> None:
    text = report_bytes(gv.loads(HAND_PLAN), "md", at=AT).decode()
    rows = _markdown_table(text.replace("### År for år", "## År for år"), "År for år")
    assert rows[0] == [
        "År",
        "Periode",
        "Forventet",
        "Realisert",
        "Kostnader",
        "Netto",
        "Diskonteringsfaktor",
        "Neddiskontert netto",
    ]
    assert rows[1][:2] == ["0", "2024"]
    assert rows[2][6] == "0,9615"  # 1 / 1.04
    assert rows[3][6] == "0,9246"  # 1 / 1.04²
    assert rows[2][4] == "20\u00a0000 NOK"
    assert rows[4][0] == "Nåverdi" and rows[4][7] == rows[4][5]


def test_html_report_years_table_is_a_real_table() -> None:
    from html.parser import HTMLParser

    class Tables(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tables: list[dict[str, list[str]]] = []
            self.at: str | None = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "table":
                self.tables.append({"caption": [], "th": [], "td": [], "scope": []})
            if tag in ("caption", "th", "td"):
                self.at = tag
                self.tables[-1][tag].append("")
            if tag == "th":
                self.tables[-1]["scope"].append(dict(attrs).get("scope") or "")

        def handle_endtag(self, tag: str) -> None:
            if tag in ("caption", "th", "td"):
                self.at = None

        def handle_data(self, data: str) -> None:
            if self.at:
                self.tables[-1][self.at][-1] += data

    parser = Tables()
    parser.feed(report_bytes(gv.loads(HAND_PLAN), "html", at=AT, language="en").decode())
    (years,) = [t for t in parser.tables if t["caption"] == ["Year by year"]]
    assert years["th"][0] == "Year" and years["th"][-1] == "Discounted net"
    assert set(years["scope"]) == {"col"}
    cells = years["td"]
    assert len(cells) == 4 * 8
    assert cells[:2] == ["0", "2024"]
    assert cells[8 + 4] == "20,000 NOK"  # costs of 2025
    assert cells[24] == "Present value"


def test_deck_years_slide_reads_back(tmp_path: Path) -> None:
    from pptx import Presentation
    from pptx.util import Pt

    plan = gv.loads(HAND_PLAN)
    path = gv.report(plan, tmp_path / "deck.pptx", at=AT, language="en")
    prs = Presentation(str(path))
    (table,) = [
        shape.table for slide in prs.slides for shape in slide.shapes if shape.name == "table years"
    ]
    cells = [[table.cell(r, c).text for c in range(8)] for r in range(len(table.rows))]
    assert cells[0][0] == "Year" and cells[0][6] == "Discount factor"
    # millions, one decimal: costs 2024 = 316 721 -> 0.3; net 2024 = -273 557 -> -0.3
    assert cells[1][:2] == ["0", "2024"]
    assert cells[1][4] == "0.3" and cells[1][5] == "-0.3"
    assert cells[2][6] == "0.9615"
    assert cells[4][0] == "Present value"
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    assert run.font.size is not None and run.font.size >= Pt(12)


def test_deck_groups_a_long_horizon(tmp_path: Path) -> None:
    from pptx import Presentation

    plan = gv.loads(HAND_PLAN.replace("horizon_years: 3", "horizon_years: 40"))
    path = gv.report(plan, tmp_path / "deck.pptx", at=AT)
    prs = Presentation(str(path))
    (shape,) = [s for slide in prs.slides for s in slide.shapes if s.name == "table years"]
    labels = [shape.table.cell(r, 0).text for r in range(len(shape.table.rows))]
    assert labels == ["År", *map(str, range(10)), "10\u201339", "Nåverdi"]
    assert shape.table.cell(11, 1).text == "2034\u20132063"
    assert shape.top + shape.height < prs.slide_height  # the table fits the slide
