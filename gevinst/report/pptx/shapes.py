"""Native shapes for the map slides: boxes with connection sites, glued arrows, legend.

The boxes of the council deck's map are drawn with custom geometry (a rectangle, or
one with rounded corners) that carries a connection site for every arrow that
meets it, so arrows into one box end at points of their own and stay glued to
both boxes when a box is moved in PowerPoint (LibreOffice honours the sites too).
Used by :mod:`gevinst.report.pptx.map`; python-pptx is imported inside the functions.

Examples:
    >>> from gevinst.report.pptx.shapes import geometry
    >>> xml = geometry(True, [0.3, 0.7], [])
    >>> len(xml.findall(".//{*}cxn"))  # the rectangle's four sites, then two on the left
    6
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import gevinst.theme as theme
from gevinst.theme import DEFAULT_THEME, Theme

if TYPE_CHECKING:
    from gevinst.layout.geometry import Layout

__all__ = ["FONT", "draw_legend", "geometry", "glue", "plain"]

_EMU = 12700  # EMU per point
_SLIDE_W = 960.0  # points: a 16:9 slide, 13.333 in


def _rgb(colour: str) -> Any:
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(colour.lstrip("#").upper())  # type: ignore[no-untyped-call]


def _emu(points: float) -> int:
    return round(points * _EMU)


def _arrowhead(line: Any, dashed: str | None = None, head: str = "triangle") -> None:
    """Dash ``line`` (an Office preset) and give it a head at its end: ``triangle``,
    or ``oval`` for a mitigation (Office has no flat bar: the round head and the long
    dashes tell it apart, as the legend says)."""
    from pptx.oxml.ns import qn

    ln = line._get_or_add_ln()
    if dashed:
        prst = ln.makeelement(qn("a:prstDash"), {"val": dashed})
        ln.append(prst)
    tail = ln.makeelement(qn("a:tailEnd"), {"type": head, "w": "med", "len": "med"})
    ln.append(tail)


def _dash(shape_line: Any, value: str) -> None:
    from pptx.oxml.ns import qn

    ln = shape_line._get_or_add_ln()
    for old in ln.findall(qn("a:prstDash")):
        ln.remove(old)
    ln.append(ln.makeelement(qn("a:prstDash"), {"val": value}))


def _text(frame: Any, paragraphs: list[tuple[str, float, bool, str]], margin: float) -> None:
    """Fill a text frame: ``(text, size, bold, colour)`` per paragraph, centred."""
    from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN

    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    frame.margin_left = frame.margin_right = _emu(margin)
    frame.margin_top = frame.margin_bottom = _emu(margin * 0.5)
    for index, (text, size, bold, colour) in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.alignment = PP_ALIGN.CENTER
        run = paragraph.add_run()
        run.text = text
        run.font.size = _pt(size)
        run.font.bold = bold
        run.font.name = FONT
        run.font.color.rgb = _rgb(colour)


def _pt(size: float) -> Any:
    from pptx.util import Pt

    return Pt(round(size * 2) / 2)


FONT = theme.OFFICE_FONT


def geometry(rounded: bool, left: list[float], right: list[float]) -> Any:
    """Custom geometry for a box: a (rounded) rectangle with connection sites 0-3 as
    a rectangle's (top, left, bottom, right), then ``left`` and ``right`` (shares of
    the height) on those sides. The sites are formulas of the box's size, so they
    stay on the box edges when it is resized."""
    from pptx.oxml import parse_xml

    guides = ['<a:gd name="rd" fmla="*/ ss 12000 100000"/>' if rounded else ""]
    if rounded:
        guides += ['<a:gd name="x2" fmla="+- r 0 rd"/>', '<a:gd name="y2" fmla="+- b 0 rd"/>']
    sites = [
        '<a:cxn ang="3cd4"><a:pos x="hc" y="t"/></a:cxn>',
        '<a:cxn ang="cd2"><a:pos x="l" y="vc"/></a:cxn>',
        '<a:cxn ang="cd4"><a:pos x="hc" y="b"/></a:cxn>',
        '<a:cxn ang="0"><a:pos x="r" y="vc"/></a:cxn>',
    ]
    for side, shares in (("l", left), ("r", right)):
        for index, share in enumerate(shares):
            name = f"{side}{index}"
            guides.append(f'<a:gd name="{name}" fmla="*/ h {round(share * 100000)} 100000"/>')
            angle = "cd2" if side == "l" else "0"
            sites.append(f'<a:cxn ang="{angle}"><a:pos x="{side}" y="{name}"/></a:cxn>')
    if rounded:
        path = (
            '<a:moveTo><a:pt x="l" y="rd"/></a:moveTo>'
            '<a:arcTo wR="rd" hR="rd" stAng="cd2" swAng="cd4"/>'
            '<a:lnTo><a:pt x="x2" y="t"/></a:lnTo>'
            '<a:arcTo wR="rd" hR="rd" stAng="3cd4" swAng="cd4"/>'
            '<a:lnTo><a:pt x="r" y="y2"/></a:lnTo>'
            '<a:arcTo wR="rd" hR="rd" stAng="0" swAng="cd4"/>'
            '<a:lnTo><a:pt x="rd" y="b"/></a:lnTo>'
            '<a:arcTo wR="rd" hR="rd" stAng="cd4" swAng="cd4"/>'
        )
    else:
        path = (
            '<a:moveTo><a:pt x="l" y="t"/></a:moveTo><a:lnTo><a:pt x="r" y="t"/></a:lnTo>'
            '<a:lnTo><a:pt x="r" y="b"/></a:lnTo><a:lnTo><a:pt x="l" y="b"/></a:lnTo>'
        )
    return parse_xml(
        '<a:custGeom xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        f"<a:avLst/><a:gdLst>{''.join(guides)}</a:gdLst><a:ahLst/>"
        f"<a:cxnLst>{''.join(sites)}</a:cxnLst>"
        '<a:rect l="l" t="t" r="r" b="b"/>'
        f"<a:pathLst><a:path>{path}<a:close/></a:path></a:pathLst></a:custGeom>"
    )


def plain(shape: Any) -> None:
    """No theme style (LibreOffice draws the theme's shadow even when told not to):
    the shape's own fill, line and text settings are all it has."""
    from pptx.oxml.ns import qn

    style_element = shape._element.find(qn("p:style"))
    if style_element is not None:
        shape._element.remove(style_element)


def glue(connector: Any, source: Any, begin: int, target: Any, end: int) -> None:
    """Glue ``connector`` to connection site ``begin`` of ``source`` and ``end`` of
    ``target`` (its end points are already there)."""
    from pptx.oxml.ns import qn

    props = connector._element.nvCxnSpPr.cNvCxnSpPr
    for tag, shape, index in (("a:stCxn", source, begin), ("a:endCxn", target, end)):
        props.append(props.makeelement(qn(tag), {"id": str(shape.shape_id), "idx": str(index)}))


def draw_legend(
    slide: Any, lay: Layout, bottom: float, left: float = 14.0, look: Theme = DEFAULT_THEME
) -> None:
    """The legend of ``lay`` on one line ending at ``bottom`` (points), if it fits.

    Kinds and statuses get a small swatch (on an evaluated map the kinds are outlined,
    as their boxes are: the fill tells the status), arrows a short line with a head;
    ``look`` gives their colours.
    """
    from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE

    right = _SLIDE_W - left
    swatch_w, size = 14.0, 12.0  # no text under 12 pt (SPEC section 8)
    entries = []
    for item in lay.legend:
        label = item.label
        if item.group == "status":
            label = f"{theme.STATUS_STYLES[item.key].mark} {label}"
        entries.append((item, label, swatch_w + 4 + theme.text_width(label, size) * 0.92 + 10))
    rows: list[list[tuple[Any, str, float, float]]] = [[]]
    x = left
    previous = None
    for item, label, width in entries:
        if previous is not None and item.group != previous:
            x += 10
        previous = item.group
        if x + width > right and rows[-1]:
            rows.append([])
            x = left
        rows[-1].append((item, label, x, width))
        x += width
    top = bottom - 16 * len(rows)
    for number, row in enumerate(rows):
        y = top + 16 * number
        for item, label, x, width in row:
            if item.group == "edge":
                colour, line_w, pattern = theme.LEGEND_LINES[item.key]
                swatch = slide.shapes.add_connector(
                    MSO_CONNECTOR.STRAIGHT, _emu(x), _emu(y + 8), _emu(x + swatch_w), _emu(y + 8)
                )
                swatch.line.color.rgb = _rgb(colour)
                swatch.line.width = _emu(min(line_w, 2.0))
                if item.key == "mitigates":
                    _arrowhead(swatch.line, theme.OFFICE_DASHES["mitigates"], "oval")
                else:
                    _arrowhead(swatch.line, theme.OFFICE_DASHES["implied"] if pattern else None)
            else:
                if item.group == "kind":
                    kind = look.kinds[item.key]
                    fill = theme.BACKGROUND if item.outline else kind.fill
                    stroke, dashed = kind.stroke, kind.dashed
                    line_w = 1.75 if item.outline else 1.0
                else:
                    fill = look.statuses[item.key].fill
                    stroke = look.statuses[item.key].stroke
                    dashed, line_w = False, 0.75
                swatch = slide.shapes.add_shape(
                    MSO_SHAPE.RECTANGLE, _emu(x), _emu(y + 3.5), _emu(swatch_w), _emu(9)
                )
                swatch.fill.solid()
                swatch.fill.fore_color.rgb = _rgb(fill)
                swatch.line.color.rgb = _rgb(stroke)
                swatch.line.width = _emu(line_w)
                if dashed:
                    _dash(swatch.line, theme.OFFICE_DASHES["swatch"])
            swatch.name = f"legend {item.key}"
            plain(swatch)
            box = slide.shapes.add_textbox(
                _emu(x + swatch_w + 2), _emu(y), _emu(width - swatch_w - 2), _emu(16)
            )
            box.name = f"legend label {item.key}"
            frame = box.text_frame
            frame.word_wrap = False
            frame.margin_left = frame.margin_right = _emu(2)
            frame.margin_top = frame.margin_bottom = 0
            run = frame.paragraphs[0].add_run()
            run.text = label
            run.font.size = _pt(size)
            run.font.name = FONT
            run.font.color.rgb = _rgb(theme.TEXT_COLOUR)
