"""The S-curve and the tornado of a simulation: they draw, carry the right words and
numbers in nb and en (read back from the SVG), and mark what they promise."""

from __future__ import annotations

import io
import re

import pytest

import gevinst as gv
from gevinst.analysis.simulate import Simulation, simulate
from gevinst.charts.figure import figure_bytes
from gevinst.charts.uncertainty import chance_text, money_unit, s_curve, tornado
from gevinst.i18n.formats import format_number
from tests.ranged import plain_bergen, ranged_bergen


@pytest.fixture(scope="module")
def sim() -> Simulation:
    return simulate(ranged_bergen(), runs=4000, seed=1)


def svg_texts(fig: object) -> list[str]:
    """The texts of the figure as its SVG says them (matplotlib draws text as paths and
    writes each text in a comment before it)."""
    svg = figure_bytes(fig, "svg").decode("utf-8")  # type: ignore[arg-type]
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    return re.findall(r"<!-- (.*?) -->", svg, flags=re.S)


def ink(png: bytes) -> float:
    import matplotlib.image as mpimg

    image = mpimg.imread(io.BytesIO(png), format="png")
    return float((image[..., :3].sum(axis=2) < 2.9).mean())


def millions(value: float, language: str) -> str:
    return format_number(value / 1e6, language, 1)


@pytest.mark.parametrize(
    ("language", "title", "axis", "planned"),
    [
        ("nb", "Hvor sannsynlig er hver netto nåverdi?", "Netto nåverdi, mill. kr", "Planlagt"),
        (
            "en",
            "How likely is each net present value?",
            "Net present value, NOK million",
            "Planned",
        ),
    ],
)
def test_s_curve_marks_the_percentiles_and_the_plan(
    sim: Simulation, language: str, title: str, axis: str, planned: str
) -> None:
    fig = s_curve(sim, language)
    texts = svg_texts(fig)
    assert title in texts and axis in texts
    for p in (10, 50, 85, 90):
        assert f"P{p}: {millions(sim.percentile(p), language)}" in texts
    assert f"{planned} {millions(sim.planned['net'], language)}" in texts
    assert ("50\u00a0%" if language == "nb" else "50%") in texts  # the probability axis
    png = figure_bytes(fig, "png")
    assert png.startswith(b"\x89PNG") and ink(png) > 0.02


def test_s_curve_is_the_distribution_of_net(sim: Simulation) -> None:
    """The curve climbs from 0 to 100 % over the sorted nets; zero is on the axis."""
    import numpy as np

    fig = s_curve(sim, "nb")
    ax = fig.axes[0]
    curve = max(ax.get_lines(), key=lambda line: len(line.get_xdata()))
    xs = np.asarray(curve.get_xdata()) * 1e6
    ys = np.asarray(curve.get_ydata())
    assert ys[0] == 0 and ys[-1] == 100 and np.all(np.diff(ys) >= 0)
    values = np.sort(sim.values("net"))
    assert np.allclose(xs[1:], values)
    # y at a run is the share of runs at or below it
    k = len(values) // 4
    assert ys[k + 1] == pytest.approx(100 * (k + 1) / len(values))
    low, high = ax.get_xlim()
    assert low <= 0 <= high
    assert low * 1e6 <= values[0] and values[-1] <= high * 1e6


def test_zero_is_shown_when_every_run_is_far_above_it() -> None:
    """A plan whose net is always well above zero still shows zero (the line the
    council asks about)."""
    raw = plain_bergen().model_dump(by_alias=True, exclude_none=True)
    measure = next(m for m in raw["measures"] if "one_off" in m.get("cost", {}))
    x = measure["cost"]["one_off"]
    measure["cost"]["one_off"] = [0.9 * x, x, 1.2 * x]
    sim = simulate(gv.Plan.model_validate(raw), runs=500, seed=0)
    assert sim.percentile(0) > 0.3 * sim.planned["net"] > 0
    ax = s_curve(sim, "en").axes[0]
    assert ax.get_xlim()[0] < 0
    assert any(list(line.get_xdata()) == [0, 0] for line in ax.get_lines())


@pytest.mark.parametrize("language", ["nb", "en"])
def test_tornado_names_each_amount_in_words_and_labels_both_ends(
    sim: Simulation, language: str
) -> None:
    fig = tornado(sim, language, top=5)
    ax = fig.axes[0]
    labels = [label.get_text() for label in ax.get_yticklabels()]
    shown = sim.drivers[:5]
    assert len(labels) == len(shown) == 5
    words = {
        "nb": {
            "value.annual": "Årlig verdi",
            "cost.one_off": "Engangskostnad",
            "cost.annual": "Årlig kostnad",
        },
        "en": {
            "value.annual": "Annual value",
            "cost.one_off": "One-off cost",
            "cost.annual": "Annual cost",
        },
    }[language]
    for label, driver in zip(labels, shown, strict=True):
        assert label.startswith(driver.id) and label.endswith("\n" + words[driver.field])
    texts = svg_texts(fig)
    low, high = ("lav", "høy") if language == "nb" else ("low", "high")
    for driver in shown:
        assert f"{low} {millions(driver.low, language)}" in texts
        assert f"{high} {millions(driver.high, language)}" in texts
    assert len(ax.patches) == 2 * len(shown)  # a bar from planned to each end
    png = figure_bytes(fig, "png")
    assert png.startswith(b"\x89PNG") and ink(png) > 0.02


def test_tornado_puts_the_largest_swing_on_top(sim: Simulation) -> None:
    fig = tornado(sim, "nb")
    first = fig.axes[0].get_yticklabels()[0].get_text()
    assert first.startswith(sim.drivers[0].id)
    swings = [d.swing for d in sim.drivers]
    assert swings == sorted(swings, reverse=True)
    assert len(fig.axes[0].get_yticklabels()) == min(10, len(sim.drivers))


def test_same_simulation_same_bytes(sim: Simulation) -> None:
    assert figure_bytes(s_curve(sim, "nb"), "svg") == figure_bytes(s_curve(sim, "nb"), "svg")
    assert figure_bytes(tornado(sim, "en"), "png") == figure_bytes(tornado(sim, "en"), "png")


def test_units_and_chances() -> None:
    assert money_unit(2.5e6, "NOK", "nb") == (1e6, "mill. kr")
    assert money_unit(2.5e6, "EUR", "en") == (1e6, "EUR million")
    assert money_unit(900.0, "NOK", "nb") == (1.0, "kr")
    assert chance_text(0.25, "nb") == "25\u00a0%"
    assert chance_text(0.001, "nb") == "under 1\u00a0%"
    assert chance_text(0.0, "en") == "0%"
