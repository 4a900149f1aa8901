"""The impact chart at size: at most 20 x 20, labels apart, what is left out said."""

from __future__ import annotations

import itertools
import math
import re

import pytest

import gevinst as gv
from benchmarks.generate import portfolio_plan
from gevinst.analysis.stakeholders import impact_matrix
from gevinst.charts.figure import figure_bytes
from gevinst.charts.stakeholders import impact_chart


@pytest.fixture(scope="module")
def big() -> gv.Plan:
    plan = portfolio_plan(200, seed=1)
    matrix = impact_matrix(plan)
    # what the rule below is worked out from: 80 stakeholders, 120 benefits and 10
    # dis-benefits, each with one stakeholder who gains (benefits) or loses (dis-benefits)
    assert len(matrix.stakeholders) == 80 and len(matrix.elements) == 130
    assert sorted(e for _, e in matrix.cells) == sorted(matrix.elements)
    return plan


def _svg_texts(fig: object) -> list[str]:
    """The texts drawn, read back from the SVG (matplotlib notes each text as a comment)."""
    svg = figure_bytes(fig, "svg").decode("utf-8")  # type: ignore[arg-type]
    return re.findall(r"<!-- (.*?) -->", svg, flags=re.S)


def test_the_chart_shows_the_twenty_that_matter_and_says_how_many_are_left_out(
    big: gv.Plan,
) -> None:
    fig = impact_chart(big)
    ax = fig.axes[0]
    heads = [label.get_text().split("  ")[0] for label in ax.get_xticklabels()]
    # every loss first (D1-D10, one loser each), then the first gains in plan order
    assert heads == [f"B{i}" for i in range(1, 11)] + [f"D{i}" for i in range(1, 11)]
    people = [label.get_text() for label in ax.get_yticklabels()]
    assert len(people) == 17  # the stakeholders with a mark in those 20 columns
    texts = _svg_texts(fig)
    said = (
        "Viser 20 av 130 gevinster og ulemper og 17 av 80 interessenter: de med flest "
        "interessenter som taper, deretter flest som vinner. 110 gevinster og ulemper og "
        "63 interessenter er utelatt"
    )
    assert said in " ".join(" ".join(texts).split())
    assert texts.count("+") == 10 and texts.count("\u2212") == 10
    english = " ".join(" ".join(_svg_texts(impact_chart(big, language="en"))).split())
    assert "Showing 20 of 130 benefits and dis-benefits and 17 of 80 stakeholders" in english
    assert "110 benefits and dis-benefits and 63 stakeholders are left out" in english


def _apart(fig: object) -> None:
    """No two drawn labels overlap, measured with matplotlib's renderer."""
    fig.canvas.draw()  # type: ignore[attr-defined]
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    ax = fig.axes[0]  # type: ignore[attr-defined]
    rows = sorted(
        (label.get_window_extent(renderer) for label in ax.get_yticklabels()),
        key=lambda box: box.y0,
    )
    for lower, upper in itertools.pairwise(rows):
        assert lower.y1 <= upper.y0, "stakeholder names overlap"
    # column heads are slanted 40 degrees, all alike: two neighbours stay apart when
    # the distance between them across the slant is at least one line of text
    heads = ax.get_xticklabels()
    xs = [ax.transData.transform((x, 0))[0] for x in range(len(heads))]
    for left_x, right_x, head in zip(xs, xs[1:], heads, strict=False):
        _, height, _ = renderer.get_text_width_height_descent(
            head.get_text(), head.get_fontproperties(), ismath=False
        )
        assert (right_x - left_x) * math.sin(math.radians(40)) >= height, "heads overlap"
    # the titles and the note stand above the heads, apart from each other
    tops = sorted(
        (text.get_window_extent(renderer) for text in fig.texts),  # type: ignore[attr-defined]
        key=lambda box: -box.y0,
    )
    for upper, lower in itertools.pairwise(tops):
        assert lower.y1 <= upper.y0, "title lines overlap"
    highest = max(head.get_window_extent(renderer).y1 for head in heads)
    assert tops[-1].y0 >= highest, "the note runs into the column heads"


def test_no_label_overlaps_on_the_large_chart(big: gv.Plan) -> None:
    _apart(impact_chart(big))


def test_no_label_overlaps_on_the_example_and_nothing_is_left_out() -> None:
    plan = gv.load("examples/bergen_barnevern/plan.yaml")
    fig = impact_chart(plan)
    _apart(fig)
    matrix = impact_matrix(plan)
    assert len(fig.axes[0].get_xticklabels()) == len(matrix.elements) == 13
    assert len(fig.axes[0].get_yticklabels()) == len(matrix.stakeholders) == 14
    assert not any("Viser" in text for text in _svg_texts(fig))
