"""Measurement discipline (issue 16 item 6): frequency is a closed value with Norwegian
words, and an indicator measured far less often than its frequency says is flagged
(GV114, and ``overdue`` on its evaluation). Dates worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

import gevinst as gv

PLAN = """
schema: gevinst/1
plan: {id: takt, title: Måletakt, start: 2025-01-01}
goals: [{id: G1, name: Mål}]
benefits: [{id: B1, name: Gevinst, indicators: [I1, I2], contributes_to: [G1]}]
indicators:
  - id: I1
    name: Ventetid
    frequency: FREQUENCY
    baseline: {date: 2025-01-01, value: 30}
    targets: [{date: 2026-12-31, value: 10}]
  - id: I2
    name: Klager
    frequency: yearly
    baseline: {date: 2025-01-01, value: 5}
    targets: [{date: 2026-12-31, value: 2}]
measurements:
  - {indicator: I1, date: 2025-02-01, value: 28}
  - {indicator: I2, date: 2025-12-31, value: 4}
"""


@pytest.mark.parametrize(
    ("word", "code"),
    [("månedlig", "monthly"), ("Kvartalsvis", "quarterly"), ("hvert halvår", "half-yearly"),
     ("half_yearly", "half-yearly"), ("Årlig", "yearly"), ("annually", "yearly")],
)  # fmt: skip
def test_frequency_takes_norwegian_words_and_keeps_the_code(word: str, code: str) -> None:
    plan = gv.loads(PLAN.replace("FREQUENCY", word))
    assert plan["I1"].frequency == code
    assert f"frequency: {code}" in gv.dumps(plan)


def test_an_unknown_frequency_is_refused_with_the_codes() -> None:
    with pytest.raises(gv.PlanError, match="frequency") as caught:
        gv.loads(PLAN.replace("FREQUENCY", "av og til"))
    assert str(caught.value).startswith("<string>:9:5: [I1 frequency]")  # file, line, field
    assert "'monthly'" in str(caught.value)


def test_gv114_counts_from_the_plans_newest_measurement() -> None:
    # newest measurement 2025-12-31; I1 last measured 2025-02-01: 333 days, more than
    # twice a month (62) and twice a quarter (184), not twice a year (732)
    monthly = gv.check(gv.loads(PLAN.replace("FREQUENCY", "monthly")), language="en")
    (found,) = [f for f in monthly if f.code == "GV114"]
    assert (found.element, found.severity) == ("I1", "warning")
    assert found.message == (
        "indicator I1 is measured monthly, but last on 2025-02-01, long before the plan's "
        "newest measurement (2025-12-31); measure it, or correct its frequency"
    )
    quarterly = gv.check(gv.loads(PLAN.replace("FREQUENCY", "quarterly")), language="nb")
    assert [f.message for f in quarterly if f.code == "GV114"] == [
        "indikator I1 skal måles kvartalsvis, men er sist målt 2025-02-01, lenge før planens "
        "nyeste måling (2025-12-31); mål den, eller rett frekvensen"
    ]
    yearly = gv.check(gv.loads(PLAN.replace("FREQUENCY", "yearly")))
    assert [f for f in yearly if f.code == "GV114"] == []


def test_the_evaluation_marks_overdue_at_its_own_date() -> None:
    plan = gv.loads(PLAN.replace("FREQUENCY", "quarterly"))
    # last measured 2025-02-01; 2 x 92 = 184 days later is 2025-08-04
    assert gv.evaluate(plan, at=dt.date(2025, 8, 4)).indicator("I1").overdue is None
    late = gv.evaluate(plan, at=dt.date(2025, 8, 5)).indicator("I1")
    assert late.overdue == dt.date(2025, 2, 1)
    # I2 has no measurement before 2025-06-01: counted from its baseline, 151 days < 732
    assert gv.evaluate(plan, at=dt.date(2025, 6, 1)).indicator("I2").overdue is None


def test_the_excel_workbook_offers_the_frequencies(tmp_path: object) -> None:
    from pathlib import Path

    from openpyxl import load_workbook

    path = gv.save(gv.loads(PLAN.replace("FREQUENCY", "monthly")), Path(str(tmp_path)) / "p.xlsx")
    sheet = load_workbook(path)["Indikatorer"]
    lists = [v.formula1 for v in sheet.data_validations.dataValidation]
    assert '"Ukentlig,Månedlig,Kvartalsvis,Halvårlig,Årlig"' in lists
    assert gv.load(path)["I1"].frequency == "monthly"
