"""A theme in the council deck and the HTML report, read back: the font on every run
(python-pptx), the colours of the map's boxes and the status cells, the logo with its
alternative text on the title slide and in the report's header."""

from __future__ import annotations

import base64
import io
from html.parser import HTMLParser
from pathlib import Path

import pytest

import gevinst as gv
from gevinst.report import report_bytes
from gevinst.report.pptx.brand import runs
from gevinst.theme import DEFAULT_THEME, Logo, Theme

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "theme" / "bergen-like.yaml"
LOGO = ROOT / "examples" / "theme" / "eksempel-logo.png"
BERGEN = ROOT / "examples" / "bergen_barnevern" / "plan.yaml"
MINIMAL = ROOT / "examples" / "minimal.yaml"


@pytest.fixture(scope="module")
def plan() -> gv.Plan:
    return gv.load(BERGEN)


@pytest.fixture(scope="module")
def small() -> gv.Plan:
    return gv.load(MINIMAL)


@pytest.fixture(scope="module")
def deck(plan: gv.Plan) -> object:
    from pptx import Presentation

    return Presentation(io.BytesIO(report_bytes(plan, "pptx", at="2025-10-01", theme=EXAMPLE)))


def _fill(shape: object) -> str | None:
    try:
        return str(shape.fill.fore_color.rgb)  # type: ignore[attr-defined]
    except (AttributeError, TypeError):
        return None


def test_every_run_of_the_deck_is_in_the_theme_font(deck: object) -> None:
    fonts = [run.font.name for run in runs(deck)]
    assert len(fonts) > 200
    assert set(fonts) == {"DejaVu Serif"}


def test_the_deck_without_a_theme_keeps_arial(small: gv.Plan) -> None:
    from pptx import Presentation

    plain = Presentation(io.BytesIO(report_bytes(small, "pptx", at="2025-10-01")))
    assert {run.font.name for run in runs(plain)} == {"Arial"}
    assert not [s for s in plain.slides[0].shapes if s.name == "logo"]


def test_the_map_boxes_and_status_cells_take_the_theme_colours(deck: object) -> None:
    measures = [
        shape
        for slide in deck.slides  # type: ignore[attr-defined]
        for shape in slide.shapes
        if shape.name.startswith("measure ")
    ]
    assert measures and {_fill(s) for s in measures} == {"CFE0F1"}
    assert {str(s.line.color.rgb) for s in measures} == {"1F5C99"}
    cells = [
        str(cell.fill.fore_color.rgb)
        for slide in deck.slides  # type: ignore[attr-defined]
        for shape in slide.shapes
        if getattr(shape, "has_table", False)
        for row in shape.table.rows
        for cell in row.cells
        if cell.fill.type == 1 and "Ikke i rute" in cell.text_frame.text
    ]
    assert "F5B7A8" in cells  # off track: the theme's fill
    assert "F3B48F" not in cells  # and never the default one


def test_the_logo_is_on_the_title_slide_with_its_alternative_text(deck: object) -> None:
    title = deck.slides[0]  # type: ignore[attr-defined]
    [logo] = [shape for shape in title.shapes if shape.name == "logo"]
    assert logo.image.blob == LOGO.read_bytes()
    assert logo._element.nvPicPr.cNvPr.get("descr") == "Logoen til Eksempel kommune"
    # 360 x 120 pixels in a box of at most 240 x 72 pt: 216 x 72 pt, right edge at 900 pt
    assert logo.height == 72 * 12700 and logo.width == 216 * 12700
    assert logo.left + logo.width == 900 * 12700
    assert next(iter(title.shapes)) == title.shapes.title  # the title stays first


def test_an_svg_logo_is_left_out_of_the_deck_with_a_warning(small: gv.Plan) -> None:
    from pptx import Presentation

    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
    look = Theme(name="X", logo=Logo(svg, "image/svg+xml", "logo.svg"))
    with pytest.warns(UserWarning, match="the deck shows no logo: logo.svg is SVG") as told:
        blob = report_bytes(small, "pptx", theme=look)
    assert "save the logo as PNG" in str(told[0].message)
    prs = Presentation(io.BytesIO(blob))
    assert not [s for s in prs.slides[0].shapes if s.shape_type == 13]  # no picture
    page = report_bytes(small, "html", theme=look).decode("utf-8")
    assert f'src="data:image/svg+xml;base64,{base64.b64encode(svg).decode()}"' in page


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.images: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images.append(dict(attrs))


@pytest.mark.parametrize(("language", "alt"), [("nb", "Logoen til"), ("en", "Logo of")])
def test_the_html_report_has_the_logo_in_its_header(
    small: gv.Plan, language: str, alt: str
) -> None:
    page = report_bytes(small, "html", theme=EXAMPLE, language=language).decode("utf-8")
    parser = _Images()
    parser.feed(page)
    [logo] = [image for image in parser.images if image.get("class") == "logo"]
    assert logo["alt"] == f"{alt} Eksempel kommune"
    src = logo["src"] or ""
    assert src.startswith("data:image/png;base64,")
    assert base64.b64decode(src.split(",", 1)[1]) == LOGO.read_bytes()
    assert page.index('class="logo"') < page.index("<h1>")
    assert "--font: 'DejaVu Serif', DejaVu Sans" in page
    assert "--status-off-track: #F5B7A8;" in page


def test_a_logo_without_a_name_is_called_logo(small: gv.Plan) -> None:
    look = Theme(logo=Logo(LOGO.read_bytes(), "image/png", str(LOGO)))
    page = report_bytes(small, "html", theme=look, language="en").decode("utf-8")
    assert 'alt="Logo"' in page
    assert DEFAULT_THEME.logo is None


def test_the_html_report_charts_take_the_theme_font_and_status_colours(plan: gv.Plan) -> None:
    """The charts are SVG with text as glyph paths, each glyph named after its font
    (``DejaVuSerif-61``): with the example theme every glyph is DejaVu Serif, and the
    bars of benefits off track take the theme's off-track colour (#B02E0C, gevinst's own
    is #D55E00); without a theme the charts keep DejaVu Sans and gevinst's colours."""
    import re

    themed = report_bytes(plan, "html", at="2025-10-01", theme=EXAMPLE).decode("utf-8")
    plain = report_bytes(plan, "html", at="2025-10-01").decode("utf-8")
    glyphs = set(re.findall(r'id="(DejaVu\w*)-[0-9a-f]+"', themed))
    assert glyphs == {"DejaVuSerif"}
    assert set(re.findall(r'id="(DejaVu\w*)-[0-9a-f]+"', plain)) == {"DejaVuSans"}
    [status_chart] = re.findall(r'<section id="status">.*?</svg>', themed, re.S)
    assert "fill: #b02e0c" in status_chart and "#d55e00" not in status_chart
    [plain_chart] = re.findall(r'<section id="status">.*?</svg>', plain, re.S)
    assert "fill: #d55e00" in plain_chart and "#b02e0c" not in plain_chart
