"""Status since the last measurement period: previous status and trend, worked by hand.

Every indicator runs from 0 on 2024-01-01 to 366 on 2025-01-01 (2024 has 366 days), so
the expected value on a date is its day number: 40 on 2024-02-10, 100 on 2024-04-10
and 160 on 2024-06-09, the three measurement dates.
"""

from __future__ import annotations

import datetime as dt

import pytest

import gevinst as gv
from gevinst.analysis.evaluate import trend_text
from gevinst.analysis.indicators import trend_of

DAYS = ("2024-02-10", "2024-04-10", "2024-06-09")  # days 40, 100 and 160
AT = "2024-06-09"


def since_plan(language: str = "nb") -> gv.Plan:
    """B1 worsens (on track, then off track), B2 improves, B3 stays at risk, B4 is
    measured once (new), B5 never; O1 and G1 take the benefits' scores."""
    plan = gv.Plan.new("since", "Siden sist", language=language)
    plan.add_goal("G1", "Gode tjenester")
    plan.add_objective("O1", "Raskere saksbehandling", contributes_to=["G1"])
    values = {
        "I1": (40, 100, 80),  # 100 %, 100 % (on track), 50 % (off track): worse
        "I2": (10, 50, 150),  # 25 %, 50 % (off track), 93.75 % (on track): better
        "I3": (30, 70, 120),  # 75 %, 70 % (at risk), 75 % (at risk): unchanged
        "I4": (None, None, 120),  # 75 % (at risk), measured once: new
        "I5": (None, None, None),  # never measured: no trend
    }
    for n, (indicator, series) in enumerate(values.items(), start=1):
        plan.add_benefit(f"B{n}", f"Gevinst {n}", indicators=[indicator], contributes_to=["O1"])
        plan.add_indicator(
            indicator,
            f"Indikator {n}",
            baseline={"date": "2024-01-01", "value": 0},
            targets=[{"date": "2025-01-01", "value": 366}],
        )
        for day, value in zip(DAYS, series, strict=True):
            if value is not None:
                plan.add_measurement(indicator, day, value)
    plan.add_measure("M1", "Nytt fagsystem", contributes_to=[f"B{n}" for n in range(1, 6)])
    return plan


@pytest.fixture(scope="module")
def ev() -> gv.Evaluation:
    return gv.evaluate(since_plan(), at=AT)


def test_indicators_beside_the_previous_measurement(ev: gv.Evaluation) -> None:
    april = dt.date(2024, 4, 10)
    got = {
        r.id: (r.status, r.previous_date, r.previous_status, r.trend)
        for r in ev.indicators.values()
    }
    assert got == {
        "I1": ("off_track", april, "on_track", "worsened"),
        "I2": ("on_track", april, "off_track", "improved"),
        "I3": ("at_risk", april, "at_risk", "unchanged"),
        "I4": ("at_risk", None, None, "new"),
        "I5": ("not_measured", None, None, None),
    }


def test_benefits_objective_and_goal(ev: gv.Evaluation) -> None:
    april = dt.date(2024, 4, 10)
    got = {
        id: (r.status, r.previous_date, r.previous_status, r.trend)
        for id, r in ev.elements.items()
        if r.kind != "measure"
    }
    # O1 now: (0.5 + 0.9375 + 0.75 + 0.75) / 4 = 0.734 (B5 has no score), at risk;
    # on 2024-04-10, the latest previous period of its benefits: (1 + 0.5 + 0.7) / 3 =
    # 0.733 (B4 not yet measured), at risk too.
    assert got == {
        "G1": ("at_risk", april, "at_risk", "unchanged"),
        "O1": ("at_risk", april, "at_risk", "unchanged"),
        "B1": ("off_track", april, "on_track", "worsened"),
        "B2": ("on_track", april, "off_track", "improved"),
        "B3": ("at_risk", april, "at_risk", "unchanged"),
        "B4": ("at_risk", None, None, "new"),
        "B5": ("not_measured", None, None, None),
    }
    assert ev.element("O1").score == pytest.approx((0.5 + 0.9375 + 0.75 + 0.75) / 4)
    assert ev.element("M1").trend is None and ev.element("M1").previous_status is None


def test_the_previous_status_is_the_evaluation_on_that_date(ev: gv.Evaluation) -> None:
    earlier = gv.evaluate(since_plan(), at="2024-04-10")
    for id, result in ev.indicators.items():
        if result.previous_date is not None:
            assert result.previous_status == earlier.indicator(id).status
    assert ev.element("O1").previous_status == earlier.element("O1").status
    assert earlier.element("O1").score == pytest.approx((1 + 0.5 + 0.7) / 3)


def test_between_measurements_the_status_is_judged_at_the_date() -> None:
    # on 2024-05-01 (day 121) I1's latest value, 100, is 100/121 = 83 % of what was
    # expected: at risk; the period before it (2024-02-10) was on track.
    ev = gv.evaluate(since_plan(), at="2024-05-01")
    i1 = ev.indicator("I1")
    assert (i1.status, i1.previous_date, i1.previous_status, i1.trend) == (
        "at_risk",
        dt.date(2024, 2, 10),
        "on_track",
        "worsened",
    )
    # before its second measurement an indicator has no previous period
    assert gv.evaluate(since_plan(), at="2024-03-01").indicator("I1").trend == "new"


@pytest.mark.parametrize(
    ("previous", "current", "trend"),
    [
        ("on_track", "at_risk", "worsened"),
        ("at_risk", "off_track", "worsened"),
        ("off_track", "on_track", "improved"),
        ("off_track", "off_track", "unchanged"),
        ("not_measured", "on_track", "new"),
        ("not_due", "off_track", "new"),
        (None, "at_risk", "new"),
        ("on_track", "not_measured", None),
        ("on_track", "not_due", None),
    ],
)
def test_trend_of(previous: str | None, current: str | None, trend: str | None) -> None:
    assert trend_of(previous, current) == trend


def test_words_with_a_glyph_in_both_languages() -> None:
    assert trend_text("improved", "nb", "off_track") == "↑ bedre (fra Ikke i rute)"
    assert trend_text("worsened", "en", "on_track") == "↓ worse (from On track)"
    assert trend_text("unchanged", "nb", "at_risk") == "→ uendret"
    assert trend_text("new", "en") == "new"
    assert trend_text(None, "en") == ""


def test_rows_and_repr_html(ev: gv.Evaluation) -> None:
    rows = {r["id"]: r for r in ev.rows("elements")}
    assert (rows["B1"]["previous_status"], rows["B1"]["trend"]) == ("on_track", "worsened")
    assert rows["B1"]["previous_date"] == dt.date(2024, 4, 10)
    indicators = {r["id"]: r for r in ev.rows("indicators")}
    assert indicators["I2"]["trend"] == "improved"
    page = ev._repr_html_()
    assert "Siden forrige periode" in page
    assert "↓ verre (fra I rute)" in page and "↑ bedre (fra Ikke i rute)" in page
    assert "→ uendret" in page and ">ny<" in page
