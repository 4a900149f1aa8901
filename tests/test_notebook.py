"""What results show in a notebook (``_repr_html_``), read back with an HTML parser.

The plan: goal G1 fed equally by B1 and B2. I1 (up is better) goes from 0 on
2024-01-01 to a target of 100 on 2025-01-01 and is measured at 75 on 2025-01-01:
progress 75 / 100 = 0.75, at risk (0.6 <= 0.75 < 0.9). I2 (down is better) goes from
40 to 20 and is measured at 18: progress (40 - 18) / (40 - 20) = 1.1, capped at 1 for
the score, on track. G1: (0.75 + 1) / 2 = 0.875, at risk.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

import gevinst as gv


class _Table(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.caption = ""
        self.rows: list[list[str]] = []
        self.fills: dict[str, str] = {}
        self.tags: set[str] = set()
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th", "caption"):
            self._in = tag
            if tag != "caption":
                self.rows[-1].append("")
                style = dict(attrs).get("style") or ""
                if "background:" in style:
                    self.fills[f"{len(self.rows) - 1},{len(self.rows[-1]) - 1}"] = style[-7:]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th", "caption"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "caption":
            self.caption += data
        elif self._in:
            self.rows[-1][-1] += data


def table(html: str) -> _Table:
    parsed = _Table()
    parsed.feed(html)
    parsed.close()
    return parsed


def plan_in(language: str) -> gv.Plan:
    plan = gv.Plan.new("p", "Prøve <1>", language=language)
    plan.add_goal("G1", "Bedre tjenester")
    plan.add_benefit("B1", "Flere saker", indicators=["I1"], contributes_to=["G1"])
    plan.add_benefit("B2", "Kortere ventetid", indicators=["I2"], contributes_to=["G1"])
    plan.add_measure("M1", "Nytt system", contributes_to=["B1", "B2"], cost={"one_off": 100})
    plan.add_measure("M2", "Ny rutine", contributes_to=["B2"])
    for id, start, end, direction in (("I1", 0, 100, "økning"), ("I2", 40, 20, "nedgang")):
        plan.add_indicator(
            id,
            f"Indikator {id}",
            direction=direction,
            baseline={"date": "2024-01-01", "value": start},
            targets=[{"date": "2025-01-01", "value": end}],
        )
    plan.add_measurement("I1", "2025-01-01", 75)
    plan.add_measurement("I2", "2025-01-01", 18)
    return plan


def test_evaluation_status_table_nb() -> None:
    parsed = table(gv.evaluate(plan_in("nb"), at="2025-01-01")._repr_html_())
    assert parsed.caption == "Prøve <1>: status per 1. januar 2025"
    assert parsed.rows == [
        ["Id", "Type", "Navn", "Status", "Score", "Dekning", "Siden forrige periode"],
        ["G1", "Samfunnsmål", "Bedre tjenester", "▲ Usikker", "88\u00a0%", "100\u00a0%", "ny"],
        ["B1", "Gevinst", "Flere saker", "▲ Usikker", "75\u00a0%", "100\u00a0%", "ny"],
        ["B2", "Gevinst", "Kortere ventetid", "● I rute", "100\u00a0%", "100\u00a0%", "ny"],
    ]
    # the status cells carry the status colours of the theme
    assert parsed.fills == {"1,3": "#F7D99A", "2,3": "#F7D99A", "3,3": "#A7DCC9"}


def test_evaluation_status_table_en() -> None:
    parsed = table(gv.evaluate(plan_in("en"), at="2025-01-01")._repr_html_())
    assert parsed.caption == "Prøve <1>: status at 1 January 2025"
    assert parsed.rows[0] == [
        "Id",
        "Type",
        "Name",
        "Status",
        "Score",
        "Coverage",
        "Since last period",
    ]
    assert parsed.rows[2] == ["B1", "Benefit", "Flere saker", "▲ At risk", "75%", "100%", "new"]
    assert parsed.rows[3][3] == "● On track"


@pytest.mark.parametrize(
    ("language", "up", "down"),
    [
        ("nb", "Opp til målene (stier: 1)", "Ned til tiltakene (stier: 2)"),
        ("en", "Up to the goals (1 path(s))", "Down to the measures (2 path(s))"),
    ],
)
def test_trace_table(language: str, up: str, down: str) -> None:
    parsed = table(gv.trace(plan_in(language), "B2")._repr_html_())
    name = "Paths through" if language == "en" else "Stier gjennom"
    assert parsed.caption == f"{name} B2: Kortere ventetid"
    assert parsed.rows[1:] == [
        [up, "B2 (Kortere ventetid) → G1 (Bedre tjenester)"],
        [down, "M1 (Nytt system) → B2 (Kortere ventetid)"],
        ["", "M2 (Ny rutine) → B2 (Kortere ventetid)"],
    ]


def test_impact_table() -> None:
    """Without M1, B1 has no measure left (orphaned); B2 keeps M2 (weakened). Scores
    come from the indicators, so they do not move."""
    parsed = table(gv.impact(plan_in("nb"), "M1")._repr_html_())
    assert parsed.caption == "Uten M1 (Nytt system)"
    assert parsed.rows[1:] == [
        ["B1", "Flere saker", "Mister all støtte fra tiltak", "", ""],
        ["B2", "Kortere ventetid", "Svekket, har annen støtte", "", ""],
    ]
    nothing = table(gv.impact(plan_in("en"), "G1")._repr_html_())
    assert nothing.rows[1:] == [["No element loses support and no score changes."]]


def test_portfolio_table() -> None:
    portfolio = gv.Portfolio([plan_in("en")], sources=["a/<plan>.yaml"])
    parsed = table(portfolio._repr_html_())
    assert parsed.caption == "Portfolio of 1 plan(s)"
    assert parsed.rows == [
        ["Id", "Title", "Benefits", "Measures", "Source"],
        ["p", "Prøve <1>", "2", "2", "a/<plan>.yaml"],
    ]


def test_simulation_table_without_ranges() -> None:
    """No amount has a range, so every run is the plan: 100 NOK once, in year 0 (the
    plan starts 1 January 2024 and so does M1's cost), discounted by 1."""
    plan = plan_in("en")
    plan.info.start = "2024-01-01"
    plan.measures[0].start = "2024-01-01"
    parsed = table(gv.simulate(plan, runs=10)._repr_html_())
    assert parsed.caption == "Present values from the simulation (10 runs)"
    assert parsed.rows[0] == ["", "Planned", "Mean", "P10", "P50", "P85", "P90"]
    assert parsed.rows[2] == ["Costs", *["100 NOK"] * 6]
    assert parsed.rows[3] == ["Net present value", *["-100 NOK"] * 6]
    assert parsed.rows[4] == ["Probability of a negative net present value: 100%."]


def test_plan_map_scales_to_the_cell() -> None:
    import xml.etree.ElementTree as ET

    plan = plan_in("nb")
    html = plan._repr_html_()
    root = ET.fromstring(html)  # the inline SVG is well-formed XML
    drawn = ET.fromstring(plan._repr_svg_().encode())
    assert root.get("width") == "100%"
    assert root.get("viewBox") == drawn.get("viewBox")
    width = drawn.get("width")
    assert width is not None and width.endswith("pt")
    assert root.get("style") == f"max-width:min(100%,{width});height:auto"


def test_render_bytes_is_public() -> None:
    plan = plan_in("nb")
    svg = gv.render_bytes(plan, "svg")
    assert svg.startswith(b"<?xml") and b"Kortere ventetid" in svg
    assert b"\nflowchart LR\n" in gv.render_bytes(plan, ".mmd")
    with pytest.raises(gv.FormatError, match=r"\.svg"):
        gv.render_bytes(plan, "gif")
