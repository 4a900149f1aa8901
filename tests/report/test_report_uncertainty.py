"""The uncertainty part of the reports (a plan with ranges only): the deck's slide read
back with python-pptx, the HTML section parsed back, the Markdown table; numbers equal
the simulation's, formatted; a plan without ranges gets no such part and no simulation."""

from __future__ import annotations

import io
from html.parser import HTMLParser

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

import gevinst as gv
import gevinst.analysis.simulate as simulate_module
from gevinst.analysis.simulate import Simulation, simulate
from gevinst.charts.uncertainty import chance_text
from gevinst.i18n.formats import format_money
from gevinst.report import report_bytes
from gevinst.report.content import SIMULATION_RUNS, SIMULATION_SEED
from tests.ranged import plain_bergen, ranged_bergen

TITLES = {"nb": "Usikkerhet i netto nåverdi", "en": "Uncertainty in net present value"}
FOOTERS = {"footer", "slide number"}  # along the bottom edge, 9 pt like on every slide


@pytest.fixture(scope="module")
def ranged() -> gv.Plan:
    return ranged_bergen()


@pytest.fixture(scope="module")
def sim(ranged: gv.Plan) -> Simulation:
    return simulate(ranged, runs=SIMULATION_RUNS, seed=SIMULATION_SEED)


def slide_titled(prs: Presentation, title: str) -> list:
    return [s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text == title]


def m(value: float, language: str) -> str:
    return format_money(value, "NOK", language, True)


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_deck_has_one_uncertainty_slide_that_says_the_numbers(
    ranged: gv.Plan, sim: Simulation, language: str
) -> None:
    prs = Presentation(io.BytesIO(report_bytes(ranged, "pptx", language=language)))
    found = slide_titled(prs, TITLES[language])
    assert len(found) == 1
    slide = found[0]
    first = slide.shapes[0]  # reading order is the order of the shape tree
    assert first.is_placeholder and first.placeholder_format.type == PP_PLACEHOLDER.TITLE
    pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1
    alt = pictures[0]._element.nvPicPr.cNvPr.get("descr")
    for p in (10, 50, 85, 90):
        assert f"P{p} {m(sim.percentile(p), language)}" in alt
    assert pictures[0].image.content_type == "image/png"
    text = " ".join(
        s.text_frame.text for s in slide.shapes if s.has_text_frame and s.name not in FOOTERS
    )
    assert f"{m(sim.percentile(50), language)} (P50)" in text
    assert f"{m(sim.percentile(15), language)} (P15)" in text  # 85 % chance of at least
    assert m(sim.percentile(85, "costs"), language) in text
    negative = chance_text(float((sim.values() < 0).mean()), language)
    assert {"nb": f"negativ er {negative}.", "en": f"negative is {negative}."}[language] in text
    assert sim.drivers[0].name in text
    sizes = [
        run.font.size.pt
        for s in slide.shapes
        if s.has_text_frame and s.name not in FOOTERS
        for paragraph in s.text_frame.paragraphs
        for run in paragraph.runs
    ]
    assert sizes and min(sizes) >= 12
    assert slide.notes_slide.notes_text_frame.text.strip()


def test_the_simulation_is_run_once_per_report(
    ranged: gv.Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once for the deck, even when its texts are cleaned for XML (a new report data)."""
    calls = []

    def counted(plan: gv.Plan, runs: int = 10_000, seed: int = 0) -> Simulation:
        calls.append((runs, seed))
        return simulate(plan, runs=500, seed=seed)

    monkeypatch.setattr(simulate_module, "simulate", counted)
    raw = ranged.model_dump(by_alias=True, exclude_none=True)
    raw["plan"]["title"] = "Kontroll\x01tegn"
    report_bytes(gv.Plan.model_validate(raw), "pptx")
    assert calls == [(SIMULATION_RUNS, SIMULATION_SEED)]


def test_a_plan_without_ranges_has_no_uncertainty_part(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("no simulation for a plan without ranges")

    monkeypatch.setattr(simulate_module, "simulate", refuse)
    plan = plain_bergen()
    prs = Presentation(io.BytesIO(report_bytes(plan, "pptx", at="2025-10-01")))
    assert not slide_titled(prs, TITLES["nb"])
    page = report_bytes(plan, "html").decode()
    assert 'id="uncertainty"' not in page and "P50" not in page
    text = report_bytes(plan, "md", language="en").decode()
    assert "## Uncertainty" not in text and "P50" not in text


class _Tables(HTMLParser):
    """The uncertainty section's headings, rows of cells and labelled images."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = 0
        self.headings: list[str] = []
        self.rows: list[list[str]] = []
        self.labels: list[str] = []
        self._tag = ""
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "section":
            self.inside = 1 if found.get("id") == "uncertainty" else 0
        if not self.inside:
            return
        self._tag = tag
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th"):
            self._cell = []
        if tag == "svg" and found.get("role") == "img":
            self.labels.append(found.get("aria-label") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "section":
            self.inside = 0
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if not self.inside:
            return
        if self._cell is not None:
            self._cell.append(data)
        elif self._tag == "h2" and data.strip():
            self.headings.append(data.strip())


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_html_section_tables_equal_the_simulation(
    ranged: gv.Plan, sim: Simulation, language: str
) -> None:
    page = report_bytes(ranged, "html", language=language).decode()
    parsed = _Tables()
    parsed.feed(page)
    assert parsed.headings == [{"nb": "Usikkerhet", "en": "Uncertainty"}[language]]
    assert 'href="#uncertainty"' in page
    header = parsed.rows[0]
    assert header[2:6] == ["P10", "P50", "P85", "P90"]
    rows = {row[0]: row[1:] for row in parsed.rows[1:4]}
    names = {"nb": ("Gevinster", "Kostnader", "Netto"), "en": ("Benefits", "Costs", "Net")}
    for of, label in zip(("benefits", "costs", "net"), names[language], strict=True):
        expected = [sim.planned[of]] + [sim.percentile(p, of) for p in (10, 50, 85, 90)]
        expected.append(sim.mean(of))
        assert rows[label] == [format_money(v, "NOK", language) for v in expected]
    drivers = parsed.rows[5:]  # after the header of the drivers table
    assert len(drivers) == min(10, len(sim.drivers))
    first = sim.drivers[0]
    assert drivers[0][0] == first.id and drivers[0][3] == format_money(first.low, "NOK", language)
    assert drivers[0][4] == format_money(first.high, "NOK", language)
    assert len(parsed.labels) == 2  # the S-curve and the tornado, each with a text alternative
    assert f"P50 {m(sim.percentile(50), language)}" in parsed.labels[0]
    assert {"nb": "like sannsynlig", "en": "as likely"}[language] in page  # what P50 means


def test_the_markdown_section(ranged: gv.Plan, sim: Simulation) -> None:
    text = report_bytes(ranged, "md", language="en").decode()
    section = text.split("## Uncertainty\n", 1)[1].split("\n## ", 1)[0]
    assert (
        "| Net | "
        + " | ".join(
            format_money(v, "NOK", "en")
            for v in [
                sim.planned["net"],
                *(sim.percentile(p) for p in (10, 50, 85, 90)),
                sim.mean(),
            ]
        )
        + " |"
        in section
    )
    p50 = m(sim.percentile(50), "en")
    assert f"- With 50% probability the net present value is at least {p50} (P50)." in section
    driver = sim.drivers[0]
    assert f"| {driver.id} | " in section and format_money(driver.swing, "NOK", "en") in section
    assert "P50 is as likely to be exceeded as not." in section


def test_same_ranged_plan_same_deck_within_twenty_slides(ranged: gv.Plan) -> None:
    first = report_bytes(ranged, "pptx", at="2025-10-01")
    assert report_bytes(ranged, "pptx", at="2025-10-01") == first
    prs = Presentation(io.BytesIO(first))
    assert len(prs.slides) <= 20
    assert slide_titled(prs, TITLES["nb"])


def test_the_s_curve_text_is_at_least_12_pt_where_it_is_placed(
    ranged: gv.Plan, sim: Simulation
) -> None:
    """Every text of the S-curve, at the size the picture is placed on the slide, is
    12 pt or more: font size x placed width / figure width, the placed width read back
    with python-pptx and the figure width from the picture's pixels and resolution."""
    from matplotlib.text import Text
    from PIL import Image

    from gevinst.charts.uncertainty import s_curve

    prs = Presentation(io.BytesIO(report_bytes(ranged, "pptx", language="nb")))
    [slide] = slide_titled(prs, TITLES["nb"])
    [picture] = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    placed_w, placed_h = picture.width / 12700, picture.height / 12700  # points
    with Image.open(io.BytesIO(picture.image.blob)) as png:
        dpi = png.info["dpi"][0]
        figure_w, figure_h = (72 * px / dpi for px in png.size)  # points
    assert placed_w / placed_h == pytest.approx(figure_w / figure_h, rel=0.01)  # not stretched
    fig = s_curve(sim, "nb", width=figure_w / 72)
    sizes = [
        text.get_fontsize()
        for text in fig.findobj(Text)
        if text.get_text().strip() and text.get_visible()
    ]
    assert len(sizes) > 10  # title, basis, P-marks, planned, axis labels, ticks
    assert min(sizes) * placed_w / figure_w >= 12 - 1e-6
