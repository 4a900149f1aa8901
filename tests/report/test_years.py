"""The money year by year in every evaluation output, against years worked out by hand
for the hand plan (tests/analysis/test_evaluate.py), each read back with its reader."""

from __future__ import annotations

import csv
import io
import json

import pytest

import gevinst as gv
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
            ["0", "1.1.2024–31.12.2024", "50\u00a0546", "43\u00a0164", "316\u00a0721"],
            "Nåverdi",
        ),
        (
            "en",
            "Year by year",
            "Year",
            ["0", "1 Jan 2024–31 Dec 2024", "50,546", "43,164", "316,721"],
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
