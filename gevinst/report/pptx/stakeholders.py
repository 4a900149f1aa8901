"""The stakeholder grid of the council deck: power against interest in four quadrants
of native shapes, each stakeholder a chip coloured by attitude, its name in 12 pt text;
a quadrant too full for its chips ends with one that counts the rest, who are named in
the speaker notes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import gevinst.theme as theme
from gevinst.i18n.words import t
from gevinst.report.pptx.base import (
    _ACCENT,
    _INK,
    _MUTED,
    SLIDE_W,
    _emu,
    _font,
    _new_slide,
    _one_line,
    _rgb,
    _textbox,
)

if TYPE_CHECKING:
    from gevinst.report.content import ReportData

__all__ = ["stakeholder_slide"]


class _More:
    """The last chip of a full quadrant: how many more there are."""

    def __init__(self, count: int, language: str) -> None:
        self.id = "more"
        self.name = t("deck_more", language).format(count=count)
        self.attitude = "unknown"


#: The size of a stakeholder's chip text: 12 pt, the least on a slide (SPEC section 8).
_CHIP_SIZE = 12.0


def _chip_grid(
    names: list[str], width: float, height: float
) -> tuple[int, int, float, float, float, int]:
    """Columns, rows per column, chip width and height, font size and how many chips fit.

    The fewest columns at which every name fits its chip in :data:`_CHIP_SIZE` text
    (measured with DejaVu metrics, wider than Arial, so there is room to spare); at
    worst three columns, as many chips as fit (never smaller text).
    """
    size = _CHIP_SIZE
    for columns in range(1 if len(names) <= 4 else 2, 4):
        per_column = -(-len(names) // columns)
        chip_w = (width - (columns - 1) * 6) / columns
        lines = max(len(theme.wrap(n, chip_w - 10, size * 0.9)) for n in names)
        chip_h = lines * size * 1.2 + 6
        if per_column * (chip_h + 4) <= height:
            return columns, per_column, chip_w, chip_h, size, len(names)
    chip_w = (width - 12) / 3
    chip_h = size * 1.2 * 2 + 6  # room for two lines; a longer name is cut
    per_column = max(1, int(height // (chip_h + 4)))
    shown = min(len(names), per_column * 3)
    return 3, per_column, chip_w, chip_h, size, shown


def stakeholder_slide(prs: Any, data: ReportData) -> None:
    """The stakeholder grid (no stakeholders: no slide)."""
    if not data.plan.stakeholders:
        return
    cells = data.quadrants()
    notes = data.phrase("deck_stakeholder_notes")
    slide = _new_slide(prs, data, data.phrase("stakeholder_title"), notes)
    left, top, width, height = 70.0, 74.0, SLIDE_W - 98, 400.0
    half_w, half_h = width / 2, height / 2
    where = {
        "keep_satisfied": (0, 0),
        "manage_closely": (1, 0),
        "monitor": (0, 1),
        "keep_informed": (1, 1),
    }
    for key, (col, row) in where.items():
        x, y = left + col * half_w, top + row * half_h
        quad = slide.shapes.add_shape(
            1, _emu(x + 2), _emu(y + 2), _emu(half_w - 4), _emu(half_h - 4)
        )
        quad.name = f"quadrant {key}"
        quad.fill.solid()
        quad.fill.fore_color.rgb = _rgb(theme.QUADRANT_FILLS[key])
        quad.line.fill.background()
        quad.shadow.inherit = False
        heading = data.word(key)
        _textbox(
            slide,
            (x + 8, y + 4, half_w - 16, 22),
            [(heading, 13, True, _ACCENT if key == "manage_closely" else _INK)],
            f"quadrant label {key}",
        )
        people: list[Any] = list(cells[key])
        if not people:
            continue
        _columns, per_column, chip_w, chip_h, size, shown = _chip_grid(
            [_one_line(p.name) for p in people], half_w - 16, half_h - 34
        )
        if shown < len(people):  # the rest are named in the speaker notes
            rest = ", ".join(_one_line(p.name) for p in people[shown - 1 :])
            notes += f" {data.word(key)}: {rest}."
            people = [*people[: shown - 1], _More(len(people) - shown + 1, data.language)]
        for index, person in enumerate(people):
            c, r = divmod(index, per_column)
            cx = x + 8 + c * (chip_w + 6)
            cy = y + 30 + r * (chip_h + 4)
            fill, edge = theme.ATTITUDE_COLOURS.get(
                person.attitude or "unknown", theme.ATTITUDE_COLOURS["unknown"]
            )
            chip = slide.shapes.add_shape(5, _emu(cx), _emu(cy), _emu(chip_w), _emu(chip_h))
            chip.name = f"stakeholder {person.id}"
            chip.fill.solid()
            chip.fill.fore_color.rgb = _rgb(fill)
            chip.line.color.rgb = _rgb(edge)
            chip.shadow.inherit = False
            frame = chip.text_frame
            frame.word_wrap = True
            frame.margin_left = frame.margin_right = _emu(4)
            frame.margin_top = frame.margin_bottom = _emu(1)
            frame.text = _one_line(person.name)
            from pptx.enum.text import MSO_ANCHOR

            frame.vertical_anchor = MSO_ANCHOR.MIDDLE
            _font(frame.paragraphs[0].runs[0], size, False, _INK)
    axis = [
        ((left, top + height + 4, width, 20), f"{data.word('interest')} →", "center"),
    ]
    for box, text, align in axis:
        _textbox(slide, box, [(text, 13, True, _INK)], "axis interest", align)
    slide.notes_slide.notes_text_frame.text = notes
    power = _textbox(
        slide,
        (left - 250, top + half_h - 10, 440, 20),
        [(f"{data.word('power')} →", 13, True, _INK)],
        "axis power",
        "center",
    )
    power.rotation = 270.0
    legend = _textbox(
        slide,
        (SLIDE_W - 380, 52, 352, 18),
        [(f"{data.word('attitude')}:", 12, True, _MUTED)],
        "legend attitude",
    )
    paragraph = legend.text_frame.paragraphs[0]
    from pptx.enum.text import PP_ALIGN

    paragraph.alignment = PP_ALIGN.RIGHT
    for attitude in ("supportive", "neutral", "resistant"):
        swatch = paragraph.add_run()
        swatch.text = "  ■ "
        _font(swatch, 12, False, theme.ATTITUDE_COLOURS[attitude][1])
        word = paragraph.add_run()
        word.text = data.word(attitude)
        _font(word, 12, False, _MUTED)
