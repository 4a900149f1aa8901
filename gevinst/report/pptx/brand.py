"""The theme's font and logo on a finished council deck.

The slides are drawn with the theme's colours as they are made; the font and the logo
are put on last, over the whole deck, so that no slide can be left out: the font goes
on every run of text (text boxes, shapes, tables, chart titles) and into each chart's
own text properties, and the logo goes on the title slide, top right, with its
alternative text. Without a theme font or logo the deck is left as it is.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from gevinst.report.pptx.base import SLIDE_W

if TYPE_CHECKING:
    from gevinst.report.content import ReportData

__all__ = ["LOGO_BOX", "apply_brand", "runs"]

_EMU = 12700  # English metric units in a point

#: Where the logo may go on the title slide: right edge, top, largest width and height
#: (points); it keeps its proportions inside that box.
LOGO_BOX = (SLIDE_W - 60.0, 40.0, 240.0, 72.0)


def _shapes(shapes: Any) -> Iterator[Any]:
    """Every shape, the shapes inside groups too."""
    for shape in shapes:
        yield shape
        if shape.shape_type == 6:  # MSO_SHAPE_TYPE.GROUP
            yield from _shapes(shape.shapes)


def runs(prs: Any) -> Iterator[Any]:
    """Every run of text on every slide: text frames, table cells and chart titles."""
    for slide in prs.slides:
        for shape in _shapes(slide.shapes):
            frames = []
            if shape.has_text_frame:
                frames.append(shape.text_frame)
            if getattr(shape, "has_table", False):
                frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
            if getattr(shape, "has_chart", False) and shape.chart.has_title:
                frames.append(shape.chart.chart_title.text_frame)
            for frame in frames:
                for paragraph in frame.paragraphs:
                    yield from paragraph.runs


def _font(prs: Any, font: str) -> None:
    for run in runs(prs):
        run.font.name = font
    for slide in prs.slides:
        for shape in _shapes(slide.shapes):
            if getattr(shape, "has_chart", False):
                shape.chart.font.name = font  # axes, labels and legend


def _logo(prs: Any, data: ReportData) -> None:
    logo = data.theme.logo
    if logo is None:
        return
    if logo.media_type == "image/svg+xml":
        warnings.warn(
            f"the deck shows no logo: {logo.path} is SVG, and a PowerPoint picture must be "
            "PNG or JPEG (nothing gevinst uses can turn SVG into PNG; the HTML report shows "
            "the SVG); save the logo as PNG too and point 'logo:' in the theme file at it",
            UserWarning,
            stacklevel=3,
        )
        return
    from PIL import Image

    with Image.open(io.BytesIO(logo.data)) as picture:
        width, height = picture.size
    right, top, most_w, most_h = LOGO_BOX
    scale = min(most_w / width, most_h / height)
    w, h = width * scale, height * scale
    slide = prs.slides[0]
    shape = slide.shapes.add_picture(
        io.BytesIO(logo.data), *(round(v * _EMU) for v in (right - w, top, w, h))
    )
    name = data.theme.name
    shape.name = "logo"
    alt = data.phrase("logo_of", name=name) if name else data.word("logo")
    shape._element.nvPicPr.cNvPr.set("descr", alt)


def apply_brand(prs: Any, data: ReportData) -> None:
    """Put ``data.theme``'s font on every run of ``prs`` and its logo on the title slide.

    An SVG logo is left out of the deck, with a warning: a PowerPoint picture must be
    PNG or JPEG.
    """
    if data.theme.font:
        _font(prs, data.theme.font)
    _logo(prs, data)
