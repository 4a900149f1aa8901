"""A theme changes the map in every format: fills read back from the SVG, the HTML
page's custom properties, the pixels of the PNG, and a missing font falls back."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import gevinst as gv
from gevinst.render import render_bytes
from gevinst.theme import KIND_STYLES, KindStyle, Theme

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "theme" / "bergen-like.yaml"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def plan() -> gv.Plan:
    return gv.load(ROOT / "examples" / "minimal.yaml")


def boxes(svg: bytes) -> dict[str, tuple[str, str]]:
    """kind -> (fill, stroke) of the boxes of an SVG map, read back as XML."""
    root = ET.fromstring(svg)
    found = {}
    for group in root.iter(f"{SVG}g"):
        classes = group.get("class", "").split()
        if "node" in classes:
            kind = next(c[5:] for c in classes if c.startswith("kind-"))
            rect = group.find(f"{SVG}rect")
            assert rect is not None
            found[kind] = (rect.get("fill", ""), rect.get("stroke", ""))
    return found


def test_a_theme_changes_the_fills_and_font_of_the_svg(plan: gv.Plan) -> None:
    plain = render_bytes(plan, "svg")
    themed = render_bytes(plan, "svg", theme=EXAMPLE)
    assert boxes(plain)["measure"] == ("#77AADD", "#3A6C9E")
    assert boxes(themed)["measure"] == ("#CFE0F1", "#1F5C99")
    assert boxes(themed)["goal"] == ("#F6C9B8", "#A3391B")
    font = ET.fromstring(themed).get("font-family")
    assert font == "'DejaVu Serif', DejaVu Sans, Arial, Helvetica, sans-serif"
    # the layout is the theme's business not at all: every box in the same place
    assert re.findall(rb'<rect x="[^"]*" y="[^"]*"', plain) == re.findall(
        rb'<rect x="[^"]*" y="[^"]*"', themed
    )


def test_a_theme_object_and_status_colours(plan: gv.Plan) -> None:
    evaluation = gv.evaluate(plan, at="2025-06-30")
    status = evaluation.element("B1").status
    assert status is not None
    look = Theme(kinds={"measure": KindStyle("#DDEEFF", "#123456", rounded=False)})
    svg = render_bytes(plan, "svg", theme=look, evaluation=evaluation)
    assert boxes(svg)["measure"] == ("#DDEEFF", "#123456")
    assert boxes(svg)["benefit"][0] == look.statuses[status].fill


def test_the_html_map_gets_the_theme_as_custom_properties(plan: gv.Plan) -> None:
    page = render_bytes(plan, "html", theme=EXAMPLE).decode("utf-8")
    assert "--font: 'DejaVu Serif', DejaVu Sans, Arial, Helvetica, sans-serif;" in page
    assert "--status-off-track: #F5B7A8;" in page
    assert 'fill="#CFE0F1"' in page
    assert "&#39;" not in page.split("</style>")[0]  # the quotes stay quotes in CSS


def _pixels(png: bytes, rgb: tuple[int, int, int]) -> int:
    from PIL import Image

    with Image.open(io.BytesIO(png)) as picture:
        colours = picture.convert("RGB").getcolors(maxcolors=1 << 24) or []
    return sum(count for count, colour in colours if colour == rgb)


def test_the_png_is_drawn_in_the_theme_colours(plan: gv.Plan) -> None:
    themed = render_bytes(plan, "png", theme=EXAMPLE)
    plain = render_bytes(plan, "png")
    measure = (0xCF, 0xE0, 0xF1)  # the theme's measure fill
    assert KIND_STYLES["measure"].fill == "#77AADD"
    default = (0x77, 0xAA, 0xDD)
    assert _pixels(themed, measure) > 1000 and _pixels(plain, measure) == 0
    assert _pixels(plain, default) > 1000 and _pixels(themed, default) == 0


def test_a_missing_font_falls_back_to_dejavu_sans_with_a_warning(plan: gv.Plan) -> None:
    look = Theme(font="Eksempel Sans Finnes Ikke")
    with pytest.warns(UserWarning, match="'Eksempel Sans Finnes Ikke' is not installed"):
        png = render_bytes(plan, "png", theme=look)
    assert png == render_bytes(plan, "png")  # drawn as without a theme


def test_the_pdf_embeds_the_theme_font(plan: gv.Plan) -> None:
    fonts = set(re.findall(rb"/BaseFont /[A-Z]{6}\+([A-Za-z-]+)", render_bytes(plan, "pdf")))
    themed = render_bytes(plan, "pdf", theme=EXAMPLE)
    assert fonts == {b"DejaVuSans", b"DejaVuSans-Bold"}
    assert set(re.findall(rb"/BaseFont /[A-Z]{6}\+([A-Za-z-]+)", themed)) == {
        b"DejaVuSerif",
        b"DejaVuSerif-Bold",
    }


@pytest.mark.parametrize("fmt", ["dot", "mmd", "json"])
def test_sources_for_other_tools_keep_the_default_look_and_say_so(plan: gv.Plan, fmt: str) -> None:
    with pytest.warns(UserWarning, match=rf"a \.{fmt} map keeps gevinst's own look: the theme "
                      r"is used by \.svg, \.png, \.pdf, \.html"):  # fmt: skip
        themed = render_bytes(plan, fmt, theme=EXAMPLE)
    assert themed == render_bytes(plan, fmt)
