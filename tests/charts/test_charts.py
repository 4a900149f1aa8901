"""Charts: they draw, read back as images, carry the right words, never overlap names,
and give the same bytes for the same input."""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gevinst as gv
from gevinst.charts import results as charts

AT = "2025-10-01"


@pytest.fixture
def ev(bergen: gv.Plan) -> gv.Evaluation:
    return gv.evaluate(bergen, at=AT)


def _texts(fig: object) -> list[str]:
    from matplotlib.text import Text

    return [x.get_text() for x in fig.findobj(Text)]  # type: ignore[attr-defined]


def _ink(png: bytes) -> float:
    """Share of pixels that are not white."""
    import matplotlib.image as mpimg

    image = mpimg.imread(io.BytesIO(png), format="png")
    rgb = image[..., :3]
    return float((rgb.sum(axis=2) < 2.9).mean())


def test_indicator_chart(ev: gv.Evaluation) -> None:
    fig = charts.indicator_chart(ev, "I1")
    words = _texts(fig)
    assert "Opplæringstid for nyansatte" in words
    assert any("Evalueringsdato" in w and "1. oktober 2025" in w for w in words)
    assert {"Forventet utvikling", "Nullpunkt", "Målverdier", "Målt", "Prognose"} <= set(words)
    forecast = charts.format_number(ev.indicator("I1").forecast or 0, "nb", 1)
    assert "," in forecast and forecast in words  # the forecast, with a decimal comma
    png = charts.figure_bytes(fig, "png")
    assert png.startswith(b"\x89PNG") and _ink(png) > 0.02
    english = _texts(charts.indicator_chart(ev, "I1", language="en"))
    assert "Expected trajectory" in english and "Forecast" in english


def test_indicator_chart_without_measurements(ev: gv.Evaluation) -> None:
    words = _texts(charts.indicator_chart(ev, "I9"))
    assert "Målt" not in words and "Prognose" not in words
    assert any("Ikke målt" in w for w in words)
    with pytest.raises(KeyError):
        charts.indicator_chart(ev, "NOPE")


def test_status_chart(ev: gv.Evaluation) -> None:
    fig = charts.status_chart(ev)
    words = _texts(fig)
    assert "Status for gevinstene" in words
    assert any(w.startswith("B1  Kortere opplæringstid") for w in words)
    assert "93\u00a0%   I rute" in words  # B6
    assert "Ikke målt" in words  # B9
    assert _ink(charts.figure_bytes(fig)) > 0.02
    with_objectives = _texts(charts.status_chart(ev, kinds=("objective",), language="en"))
    assert "coverage 50%" in with_objectives  # O4: only B10 of B9 and B10 measured


def test_money_chart(ev: gv.Evaluation) -> None:
    money = ev.npv()
    words = _texts(charts.money_chart(ev))
    assert "Kostnader" in words and "Netto nåverdi (realisert)" in words
    net = charts.format_number(money.net / 1e6, "nb", 1)
    assert (net if money.net < 0 else f"+{net}") in words  # Bergen's realised net: −0,1
    assert "mill. kr" in words
    expected = _texts(charts.money_chart(ev, basis="expected", language="en"))
    assert "Net present value (expected)" in expected and "NOK million" in expected
    with pytest.raises(ValueError, match="basis"):
        charts.money_chart(ev, basis="hoped")


def test_stakeholder_chart_bergen(bergen: gv.Plan) -> None:
    fig = charts.stakeholder_chart(bergen)
    words = _texts(fig)
    for quadrant in ("Nøkkelaktører som må involveres", "Holdes tilfreds"):
        assert quadrant in words
    assert "Bystyret" in words
    _assert_names_apart(fig)
    assert "Manage closely" in _texts(charts.stakeholder_chart(bergen, language="en"))


def _assert_names_apart(fig: object) -> None:
    """No two name boxes overlap, and every box lies inside the figure."""
    from matplotlib.text import Text

    canvas = fig.canvas  # type: ignore[attr-defined]
    canvas.draw()
    renderer = canvas.get_renderer()
    boxes = []
    for text in fig.findobj(Text):  # type: ignore[attr-defined]
        patch = text.get_bbox_patch()
        if patch is None or not text.get_text():
            continue
        boxes.append((text.get_text(), patch.get_window_extent(renderer)))
    assert boxes
    width, height = canvas.get_width_height()
    for name, box in boxes:
        assert box.x0 >= 0 and box.x1 <= width and box.y0 >= 0 and box.y1 <= height, name
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        assert not box_a.overlaps(box_b), (a, b)


@pytest.mark.parametrize("count", [1, 6, 14, 30])
def test_many_stakeholders_in_one_cell_never_overlap(count: int) -> None:
    plan = gv.Plan.new("p", "Mange interessenter")
    for n in range(count):
        plan.add_stakeholder(
            f"s{n}",
            f"Interessent nummer {n} med et ganske langt navn, æøå",
            power="high",
            interest="high",
            attitude=("supportive", "neutral", "resistant")[n % 3],
        )
    plan.add_stakeholder("alene", "Alene i hjørnet", power="low", interest="low")
    fig = charts.stakeholder_chart(plan)
    _assert_names_apart(fig)
    names = [w for w in _texts(fig) if w.startswith("Interessent nummer")]
    assert len(names) == count


def test_labels_are_shown_as_written() -> None:
    plan = gv.Plan.new("p", 'Plan "$x$" <b>&')
    plan.add_stakeholder("s", "Kr $100 & {a} [b] \\ <c>", power="high", interest="high")
    fig = charts.stakeholder_chart(plan)
    png = charts.figure_bytes(fig)  # a lone $ must not start math mode and fail
    assert png.startswith(b"\x89PNG")
    svg = charts.figure_bytes(fig, "svg").decode("utf-8")
    assert svg.startswith("<?xml")


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_same_input_same_bytes(bergen: gv.Plan, fmt: str) -> None:
    first = charts.figure_bytes(charts.stakeholder_chart(bergen), fmt)
    second = charts.figure_bytes(charts.stakeholder_chart(bergen), fmt)
    assert first == second
    assert b"CreationDate" not in first and b"<dc:date>" not in first


def test_pdf_reads_back(ev: gv.Evaluation) -> None:
    pdf = charts.figure_bytes(charts.money_chart(ev), "pdf")
    assert pdf.startswith(b"%PDF")
    assert b"/Type /Page" in pdf


def test_save_figure_writes_atomically(ev: gv.Evaluation, tmp_path: Path) -> None:
    target = charts.save_figure(charts.status_chart(ev), tmp_path / "status.svg")
    assert target.read_text("utf-8").startswith("<?xml")
    existing = tmp_path / "keep.png"
    existing.write_bytes(b"old")
    with pytest.raises(
        gv.FormatError, match=r"cannot write a chart as \.gif; use one of: \.pdf \.png \.svg"
    ):
        charts.save_figure(charts.status_chart(ev), tmp_path / "keep.gif")
    assert existing.read_bytes() == b"old"
    assert not (tmp_path / "keep.gif").exists()


def test_number_and_date_formats() -> None:
    import datetime as dt

    assert charts.format_number(-1234567.25, "nb", 1) == "\u22121\u00a0234\u00a0567,2"
    assert charts.format_number(-0.01, "nb", 1) == "0,0"
    assert charts.format_date(dt.date(2025, 10, 1), "nb") == "1. oktober 2025"
    assert charts.format_date(dt.date(2025, 10, 1), "en") == "1 October 2025"
    assert charts.format_date(dt.date(2025, 5, 1), "nb", short=True) == "mai. 2025"


def test_matplotlib_is_not_imported_by_gevinst() -> None:
    import subprocess
    import sys

    code = "import gevinst, gevinst.charts.results, sys; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_an_empty_plan_draws_without_warnings() -> None:
    plan = gv.Plan.new("tom", "Tom plan")
    ev = gv.evaluate(plan, at="2025-01-01")
    for fig in (charts.status_chart(ev), charts.money_chart(ev), charts.stakeholder_chart(plan)):
        assert charts.figure_bytes(fig).startswith(b"\x89PNG")


def test_indicator_without_baseline_or_targets_draws() -> None:
    plan = gv.Plan.new("p", "P")
    plan.add_indicator("I", "Uten nullpunkt")
    plan.add_measurement("I", "2024-01-01", 3)
    plan.add_measurement("I", "2024-06-01", 5)
    ev = gv.evaluate(plan, at="2025-01-01")
    assert ev.indicator("I").status == "not_due"
    assert charts.figure_bytes(charts.indicator_chart(ev, "I")).startswith(b"\x89PNG")


def test_impact_chart(bergen: gv.Plan) -> None:
    fig = charts.impact_chart(bergen)
    words = _texts(fig)
    assert "Hvem vinner og hvem taper" in words
    assert words.count("+") == 15 and words.count("\u2212") == 4  # impacts on B* and D*
    assert any(w.startswith("D1  Mer tid til opplæring") for w in words)
    assert charts.figure_bytes(fig) == charts.figure_bytes(charts.impact_chart(bergen))
    english = _texts(charts.impact_chart(bergen, language="en"))
    assert "Who gains and who loses" in english


def test_review_chart(ev: gv.Evaluation) -> None:
    from matplotlib.lines import Line2D

    fig = charts.review_chart(ev)
    words = _texts(fig)
    assert "Vurderinger og tall over tid" in words
    assert any(w.startswith("B8  Færre fristbrudd") for w in words)
    rings = [
        line
        for line in fig.axes[0].get_lines()
        if isinstance(line, Line2D) and line.get_markersize() == 34
    ]
    assert len(rings) == sum(1 for r in ev.reviews() if r.disagrees) == 4
    assert charts.figure_bytes(fig) == charts.figure_bytes(charts.review_chart(ev))
    empty = gv.evaluate(gv.Plan.new("tom", "Tom"), at="2025-01-01")
    assert charts.figure_bytes(charts.review_chart(empty, language="en"))[:4] == b"\x89PNG"


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(
        st.text(alphabet="abcæ$- ", max_size=10) | st.text(alphabet="xyz", max_size=130),
        max_size=8,
    ),
    joiner=st.sampled_from([" ", "  ", "\n"]),
    width=st.sampled_from([10, 20, 38, 80, 200]),
)
def test_wrap_text_wraps_as_textwrap_in_linear_time(
    words: list[str], joiner: str, width: int
) -> None:
    # The same lines as textwrap (which is quadratic in a long word), except that a
    # space before a broken word no longer trails its line.
    import textwrap

    from gevinst.charts.figure import plain_text, wrap_text

    text = joiner.join(words)
    flat = " ".join(text.splitlines())
    old = plain_text("\n".join(textwrap.wrap(flat, width=width, break_long_words=True)) or flat)
    new = wrap_text(text, width)
    assert [line.rstrip(" ") for line in new.split("\n")] == [
        line.rstrip(" ") for line in old.split("\n")
    ]
    for line in new.split("\n"):
        assert len(line.replace("\\$", "$")) <= width or not line.strip()
