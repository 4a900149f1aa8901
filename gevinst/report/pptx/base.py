"""Shared pieces of the council deck: slide frame, text boxes, tables, colours.

Used by :mod:`gevinst.report.pptx.deck` and :mod:`gevinst.report.pptx.charts`; python-pptx is
imported inside the functions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import gevinst.theme as theme
from gevinst.report.pptx.map import FONT

if TYPE_CHECKING:
    from gevinst.report.content import ReportData

__all__ = ["SLIDE_H", "SLIDE_W"]

SLIDE_W, SLIDE_H = 960.0, 540.0  # points: 13.333 × 7.5 inches
_EMU = 12700
_INK = theme.TEXT_COLOUR
_MUTED = theme.MUTED_TEXT
_ACCENT = theme.ACCENT
_ROWS_PER_TABLE = 11


def _emu(points: float) -> int:
    return round(points * _EMU)


def _rgb(colour: str) -> Any:
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(colour.lstrip("#").upper())  # type: ignore[no-untyped-call]


def _font(run: Any, size: float, bold: bool = False, colour: str = _INK) -> None:
    from pptx.util import Pt

    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = FONT
    run.font.color.rgb = _rgb(colour)


def _textbox(
    slide: Any,
    box: tuple[float, float, float, float],
    lines: list[tuple[str, float, bool, str]],
    name: str,
    align: str = "left",
) -> Any:
    """A text box with one paragraph per ``(text, size, bold, colour)``."""
    from pptx.enum.text import MSO_AUTO_SIZE, PP_ALIGN

    shape = slide.shapes.add_textbox(*(_emu(v) for v in box))
    shape.name = name
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    for index, (text, size, bold, colour) in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.alignment = {
            "left": PP_ALIGN.LEFT,
            "center": PP_ALIGN.CENTER,
            "right": PP_ALIGN.RIGHT,
        }[align]
        paragraph.space_after = _emu(size * 0.35)
        if bold and index > 0:
            paragraph.space_before = _emu(size * 0.6)
        _font(paragraph.add_run(), size, bold, colour)
        paragraph.runs[0].text = text
    return shape


def _one_line(text: str) -> str:
    """Text for a title: line breaks and runs of spaces become single spaces."""
    return " ".join(text.split())


def _new_slide(prs: Any, data: ReportData, title: str, notes: str) -> Any:
    """A slide with a title (a real title placeholder), a footer line and notes."""
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    heading = slide.shapes.title
    heading.left, heading.top = _emu(28), _emu(16)
    heading.width, heading.height = _emu(SLIDE_W - 56), _emu(44)
    frame = heading.text_frame
    frame.word_wrap = True
    title = _one_line(title)
    frame.text = title
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN

    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.LEFT
    _font(paragraph.runs[0], 26 if len(title) < 60 else 22, True, theme.HEADING_COLOUR)
    footer = _one_line(f"{data.plan.title} · {data.subtitle}" if data.subtitle else data.plan.title)
    _textbox(slide, (28, SLIDE_H - 22, SLIDE_W - 56, 16), [(footer, 10, False, _MUTED)], "footer")
    slide.notes_slide.notes_text_frame.text = notes
    return slide


def _table(
    slide: Any,
    box: tuple[float, float, float, float],
    header: list[str],
    rows: list[list[str]],
    widths: list[float],
    fills: dict[tuple[int, int], str] | None = None,
    right: set[int] | None = None,
    size: float = 12,
) -> Any:
    """A native table; ``fills`` colours body cells ``(row, column)``."""
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN

    left, top, width, _ = box
    row_h = size * 2.1
    shape = slide.shapes.add_table(
        len(rows) + 1,
        len(header),
        _emu(left),
        _emu(top),
        _emu(width),
        _emu(row_h * (len(rows) + 1)),
    )
    shape.name = "table"
    table = shape.table
    total = sum(widths)
    for index, share in enumerate(widths):
        table.columns[index].width = _emu(width * share / total)
    for r in range(len(rows) + 1):
        table.rows[r].height = _emu(row_h)
    for r, values in enumerate([header, *rows]):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            cell.margin_left = cell.margin_right = _emu(5)
            cell.margin_top = cell.margin_bottom = _emu(2)
            frame = cell.text_frame
            frame.word_wrap = True
            frame.text = value
            header_row = r == 0
            for paragraph in frame.paragraphs:  # a name may hold line breaks
                if right and c in right:
                    paragraph.alignment = PP_ALIGN.RIGHT
                for run in paragraph.runs:
                    _font(run, size, header_row, theme.BACKGROUND if header_row else _INK)
            cell.fill.solid()
            if r == 0:
                cell.fill.fore_color.rgb = _rgb(theme.HEADING_COLOUR)
            elif fills and (r - 1, c) in fills:
                cell.fill.fore_color.rgb = _rgb(fills[(r - 1, c)])
            else:
                cell.fill.fore_color.rgb = _rgb(theme.BACKGROUND if r % 2 else theme.STRIPE_FILL)
    return shape


def _pages(rows: list[Any], size: int = _ROWS_PER_TABLE) -> list[list[Any]]:
    if not rows:
        return []
    count = -(-len(rows) // size)
    per = -(-len(rows) // count)
    return [rows[i : i + per] for i in range(0, len(rows), per)]


def _status_text(data: ReportData, status: str | None) -> str:
    if status is None:
        return "–"
    return f"{theme.STATUS_STYLES[status].mark} {data.status_word(status)}"


def _pt(size: float) -> Any:
    from pptx.util import Pt

    return Pt(size)
