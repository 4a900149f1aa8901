"""The benefit map as native, editable PowerPoint shapes, placed from the shared layout.

Every element is a shape (rectangle for measures, rounded for the rest) with its name
as real text, coloured by kind, or by status when the plan was evaluated. Column
headings share one line above the map, over light column bands. Every arrow between
columns is a straight connector glued to its two boxes at connection sites of its
own (see :mod:`gevinst.report.pptx.shapes`), so arrows into one box end at separate
points and moving a box in PowerPoint drags its arrows along. Positions come from
:class:`gevinst.layout.geometry.Layout`, the same numbers the SVG, PNG and HTML maps draw.

A map is placed on the slide by :func:`gevinst.layout.split.fit`, whose text is never
under :data:`gevinst.layout.split.MIN_FONT` points; boxes are then made narrower, to
leave room for the arrows, and their text larger where the slide has room (see
:func:`draw_map`). A map that would need smaller text comes here in parts, one per
slide, from :func:`gevinst.layout.split.map_parts`.

Examples:
    >>> import gevinst as gv
    >>> from pptx import Presentation
    >>> from gevinst.layout.options import MapOptions
    >>> from gevinst.layout.split import map_parts
    >>> from gevinst.report.pptx.map import draw_map
    >>> plan = gv.Plan.new("p", "Demo")
    >>> _ = plan.add_goal("G1", "Mål")
    >>> _ = plan.add_measure("M1", "Tiltak", contributes_to=["G1"])
    >>> [(_, lay)] = map_parts(plan, MapOptions(language="nb"))
    >>> deck = Presentation()
    >>> slide = deck.slides.add_slide(deck.slide_layouts[6])  # a blank slide
    >>> _ = draw_map(slide, lay, {"G1": "Mål", "M1": "Tiltak"})
    >>> sorted(shape.name for shape in slide.shapes)  # doctest: +NORMALIZE_WHITESPACE
    ['arrow M1 -> G1', 'column 0', 'column 4', 'goal G1', 'heading Samfunnsmål',
     'heading Tiltak', 'measure M1']
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

import gevinst.theme as theme
from gevinst.layout.split import AREA, GAP_Y, MIN_FONT, MapArea, fit
from gevinst.report.pptx.shapes import (
    FONT,
    _arrowhead,
    _dash,
    _emu,
    _rgb,
    _text,
    draw_legend,
    geometry,
    glue,
    plain,
)
from gevinst.theme import DEFAULT_THEME, Theme

if TYPE_CHECKING:
    from gevinst.layout.geometry import EdgeRoute, Heading, Layout, NodeBox

__all__ = ["FONT", "draw_legend", "draw_map", "readable"]

#: Where arrows meet a box side: the middle of the side for one arrow, else spread
#: evenly over this share of the side's height (clear of the rounded corners).
_SPREAD = (0.22, 0.78)
_BAND = theme.CLUSTER_FILL  # the column bands behind the boxes
_HEADING_H = 22.0  # points: the row of column headings above the map area


def _columns(
    lay: Layout, place: MapArea, sizes: dict[str, tuple[float, float]]
) -> list[tuple[Heading, float, float]]:
    """Each column's heading and its band's left and right edge on the slide (points).

    A band reaches out from its boxes by up to 8 points, and stops 2 points short of
    the middle of the gap to the next column, so neighbouring bands never touch.
    """
    spans = []
    for heading in lay.headings:
        column = [n for n in lay.nodes if n.level == heading.level and n.kind != "assumption"]
        if not column:
            continue
        left = min(place.point(n.x, 0)[0] - sizes[n.id][0] / 2 for n in column)
        right = max(place.point(n.x, 0)[0] + sizes[n.id][0] / 2 for n in column)
        spans.append((heading, left, right))
    out = []
    for index, (heading, left, right) in enumerate(spans):
        pad_left = pad_right = 8.0
        if index > 0:
            pad_left = min(pad_left, (left - spans[index - 1][2]) / 2 - 2)
        if index + 1 < len(spans):
            pad_right = min(pad_right, (spans[index + 1][1] - right) / 2 - 2)
        out.append((heading, left - max(pad_left, 0.0), right + max(pad_right, 0.0)))
    return out


#: The room wanted between two columns for the arrows, in points.
_ARROW_ROOM = 40.0


def _label(node: NodeBox, names: dict[str, str]) -> list[str]:
    """The paragraphs of a box: the element's full name (its lines), then the badge."""
    if node.kind == "assumption":
        name = "\n".join(node.lines)
    else:
        name = theme.clean_text(names.get(node.element, " ".join(node.lines)))
    return name.split("\n") + ([node.badge] if node.badge else [])


def _margin(text: float) -> float:
    """The left and right text margin of a box with text at scale ``text`` (top and
    bottom are half of it)."""
    return 9.0 * text - 2


#: Labels on a roomy map slide may grow up to this scale (12 pt).
_MAX_TEXT = 1.2


def _sizes(
    lay: Layout, place: MapArea, names: dict[str, str], area: tuple[float, float, float, float]
) -> tuple[float, dict[str, tuple[float, float]]]:
    """The text scale, and the width and height (points) of every box on the slide.

    Boxes keep their place (centre). Where it can, a box is made narrower than the
    layout's, to leave :data:`_ARROW_ROOM` between the columns for the arrows, and
    its text larger (up to :data:`_MAX_TEXT`) when the slide has room: the name is
    wrapped anew and the box grows taller to hold it, as long as no two boxes in a
    column come closer than the layout allowed and all stay in ``area``. The
    largest text that fits wins; then the narrowest box. Otherwise the boxes are the
    layout's, scaled, with text at ``place.box_scale``.
    """
    scaled = {n.id: (n.width * place.box_scale, n.height * place.box_scale) for n in lay.nodes}
    centres = {n.id: place.point(n.x, n.y) for n in lay.nodes}
    columns: dict[int, list[NodeBox]] = {}
    for node in lay.nodes:
        columns.setdefault(node.level, []).append(node)
    spacing = min(
        (
            min(centres[n.id][0] for n in columns[b]) - max(centres[n.id][0] for n in columns[a])
            for a, b in itertools.pairwise(sorted(columns))
        ),
        default=area[2],
    )
    top, bottom = area[1], area[1] + area[3]

    def at(text: float, widen: float) -> dict[str, tuple[float, float]] | None:
        """Boxes with text at scale ``text``, ``widen`` of the way from as narrow as
        the arrows want (0) to the layout's width (1)."""
        margin = _margin(text)
        sizes = {}
        for node in lay.nodes:
            w, h = scaled[node.id]
            narrow = max(min(node.width * text, spacing - _ARROW_ROOM), w * 0.6)
            w = narrow + max(0.0, w - narrow) * widen
            size = round(node.font_size * text * 2) / 2
            room = w - 2 * margin - 1
            lines = 0
            for paragraph in _label(node, names):
                bold = node.bold and paragraph != node.badge
                if max(theme.text_width(word, size, bold) for word in paragraph.split(" ")) > room:
                    return None  # a word would be broken
                lines += len(theme.wrap(paragraph, room, size, bold))
            h = max(h, lines * size * 1.2 + margin + size * 0.25)  # a little air
            y = centres[node.id][1]
            if y - h / 2 < top - 1e-6 or y + h / 2 > bottom + 1e-6:
                return None
            sizes[node.id] = (w, h)
        for column in columns.values():
            column = sorted(column, key=lambda n: centres[n.id][1])
            for a, b in itertools.pairwise(column):
                room = centres[b.id][1] - centres[a.id][1] - (sizes[a.id][1] + sizes[b.id][1]) / 2
                if room < GAP_Y - 1e-6:
                    return None
        return sizes

    base = place.box_scale
    steps = max(0, int((_MAX_TEXT - base) / 0.05))
    if base < _MAX_TEXT:  # 12 pt itself first, the size a council slide needs, in
        for widen in (0.0, 0.25, 0.5, 0.75, 1.0):  # boxes as narrow as its words allow
            sizes = at(_MAX_TEXT, widen)
            if sizes is not None:
                return _MAX_TEXT, sizes
    for text in [base + 0.05 * (steps - k) for k in range(steps)]:
        sizes = at(text, 0.0)
        if sizes is not None:
            return text, sizes
    for step in range(21):
        sizes = at(base, step / 20)
        if sizes is not None:
            return base, sizes
    return base, scaled


def readable(
    lay: Layout, names: dict[str, str], area: tuple[float, float, float, float] = AREA
) -> bool:
    """Whether :func:`draw_map` sets every label of ``lay`` at :data:`MIN_FONT` or more
    (12 pt on the slide), counting on boxes made narrower and names wrapped anew."""
    if not lay.nodes:
        return True
    place = fit(lay, area)
    smallest = min(n.font_size for n in lay.nodes)
    if smallest * place.box_scale >= MIN_FONT:
        return True
    text, _ = _sizes(lay, place, names, area)
    return smallest * text >= MIN_FONT


#: Room for a vertical arrow between two boxes of one column, in points.
_VERTICAL_ROOM = 16.0


def _centres(
    lay: Layout,
    place: MapArea,
    sizes: dict[str, tuple[float, float]],
    area: tuple[float, float, float, float],
) -> dict[str, tuple[float, float]]:
    """The centre of every box on the slide (points).

    As the layout places them, except that two boxes of one column joined by an arrow
    are moved apart to leave :data:`_VERTICAL_ROOM` for it (the lower one and those
    under it move down, and the whole column up if it then reaches below ``area``);
    a column that would not fit in ``area`` keeps the layout's places.
    """
    centres = {n.id: place.point(n.x, n.y) for n in lay.nodes}
    joined = {frozenset((e.source, e.target)) for e in lay.edges}
    columns: dict[int, list[NodeBox]] = {}
    for node in lay.nodes:
        columns.setdefault(round(node.x), []).append(node)  # a column: one x
    bottom = area[1] + area[3]
    for column in columns.values():
        column.sort(key=lambda n: centres[n.id][1])
        moved = dict(centres)
        moved_ids = {n.id for n in column}
        push = 0.0
        for a, b in itertools.pairwise(column):
            ay = moved[a.id][1]
            bx, by = centres[b.id]
            gap = by + push - ay - (sizes[a.id][1] + sizes[b.id][1]) / 2
            if frozenset((a.id, b.id)) in joined and gap < _VERTICAL_ROOM:
                push += _VERTICAL_ROOM - gap
            moved[b.id] = (bx, by + push)
        first, last = column[0].id, column[-1].id
        over = moved[last][1] + sizes[last][1] / 2 - bottom  # then the column moves up
        if over <= centres[first][1] - sizes[first][1] / 2 - area[1] + 1e-6:
            lift = max(0.0, over)
            centres = {k: (x, y - lift if k in moved_ids else y) for k, (x, y) in moved.items()}
    return centres


def _between(lay: Layout, a: NodeBox, b: NodeBox) -> bool:
    """Whether a box of the same column lies between ``a`` and ``b``."""
    low, high = sorted((a.y, b.y))
    return any(n.x == a.x and low < n.y < high for n in lay.nodes)


def _fractions(count: int) -> list[float]:
    """Where ``count`` arrows meet one side of a box, as shares of its height."""
    if count == 1:
        return [0.5]
    low, high = _SPREAD
    return [low + (high - low) * i / (count - 1) for i in range(count)]


#: An arrow's key: its ends and whether it is a mitigation, since one element may
#: both contribute to and mitigate a dis-benefit (GV115): two arrows, one pair.
_Arrow = tuple[str, str, bool]


#: The order of the arrows along one side of a box: the box at the other end (y, x,
#: id), then the arrow's source and target and the mean height of its route.
_Order = tuple[float, float, str, str, str, float]


def _arrow(edge: EdgeRoute) -> _Arrow:
    return edge.source, edge.target, edge.style == "mitigates"


def _sites(lay: Layout) -> dict[tuple[_Arrow, str], tuple[str, int, float]]:
    """Where each arrow leaves and enters: ``(arrow, "begin"|"end")`` (``arrow`` as
    :func:`_arrow` gives it) maps to ``(side, connection site index, share of the box
    height)``.

    Arrows between columns leave a box on the side facing the target and enter on
    the side facing the source; the arrows on one side are spread along it in the
    order of the boxes at their other ends, so no two meet the box at one point and
    they do not cross at the box. Two arrows between one pair (a contribution and a
    mitigation) get a site each, in the order their routes in ``lay`` run (the
    higher route above, at both ends), so they run side by side as in the other
    formats instead of one hiding the other. An arrow within one column (a benefit
    feeding a benefit) leaves and enters on the right, unless the two boxes are next
    to each other (it then runs from the bottom of one to the top of the other and
    is left out here). Site indices follow the rectangle's four (0 top, 1 left, 2 bottom,
    3 right); the left side's spread sites come next, then the right side's.
    """
    ends: dict[tuple[str, str], list[tuple[_Order, tuple[_Arrow, str]]]] = {}
    for edge in lay.edges:
        a, b = lay.node(edge.source), lay.node(edge.target)
        if a.x == b.x and not _between(lay, a, b):  # next to each other in a column
            continue
        if a.level == b.level or a.x == b.x:
            out_side = in_side = "right"
        elif a.x < b.x:
            out_side, in_side = "right", "left"
        else:
            out_side, in_side = "left", "right"
        key = _arrow(edge)
        height = sum(y for _, y in edge.points) / max(len(edge.points), 1)
        pair = (edge.source, edge.target, height)
        ends.setdefault((a.id, out_side), []).append(((b.y, b.x, b.id, *pair), (key, "begin")))
        ends.setdefault((b.id, in_side), []).append(((a.y, a.x, a.id, *pair), (key, "end")))
    left_count = {node: len(v) for (node, side), v in ends.items() if side == "left"}
    sites: dict[tuple[_Arrow, str], tuple[str, int, float]] = {}
    for (node, side), items in sorted(ends.items()):
        items.sort()
        first = 4 if side == "left" else 4 + left_count.get(node, 0)
        for index, (_, end) in enumerate(items):
            sites[end] = (side, first + index, _fractions(len(items))[index])
    return sites


def _edge_look(edge: EdgeRoute, place: MapArea) -> tuple[str, str | None, float]:
    """Colour, dash and width of an arrow."""
    colour, dash = theme.EDGE_COLOUR, None
    if edge.disbenefit:
        colour, dash = theme.DISBENEFIT_EDGE, theme.OFFICE_DASHES["disbenefit"]
    elif edge.style == "implied":
        dash = theme.OFFICE_DASHES["implied"]
    elif edge.style == "mitigates":
        dash = theme.OFFICE_DASHES["mitigates"]
    elif edge.style == "note":
        colour, dash = theme.NOTE_STROKE, theme.OFFICE_DASHES["note"]
    return colour, dash, theme.edge_width(edge.weight) * max(place.box_scale, 0.7)


def draw_map(
    slide: Any,
    lay: Layout,
    names: dict[str, str],
    area: tuple[float, float, float, float] = AREA,
    palette: Theme = DEFAULT_THEME,
) -> MapArea:
    """Draw ``lay`` on ``slide`` in ``area``: column bands and headings, boxes, arrows.

    ``names`` gives each element's full name (the text of its box; the layout's
    lines are only how the other renderers wrap it). The column headings sit on one
    line in a row just above ``area``, each at the top of a light band that runs
    down behind its column.

    Every arrow between columns is a straight connector glued to both boxes: it
    leaves the source on the side facing the target and ends on the side facing the
    source, at a connection site of its own (boxes are drawn with custom geometry
    that has one site per arrow), so arrows into one box stay apart and still follow
    the boxes when they are moved. An arrow between neighbours in one column is glued
    from the bottom of one to the top of the other; one that would pass behind other
    boxes of the column is a bracket drawn out to the right of the column (a
    freeform: the one arrow that does not follow moved boxes).

    Returns the placement used (scale, box scale and the label size).
    """
    from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE

    place = fit(lay, area)
    shapes = slide.shapes
    behind: list[Any] = []  # bands, then arrows: moved behind the boxes at the end
    band_top, band_bottom = area[1] - _HEADING_H - 4, area[1] + area[3] + 4
    text, sizes = _sizes(lay, place, names, area)
    centres = _centres(lay, place, sizes, area)
    heading_size = max(13.0, round(theme.FONT_SIZE * text) + 1.0)  # above the labels
    for heading, left, right in _columns(lay, place, sizes):
        band = shapes.add_shape(
            MSO_SHAPE.RECTANGLE,
            _emu(left),
            _emu(band_top),
            _emu(right - left),
            _emu(band_bottom - band_top),
        )
        band.name = f"column {heading.level}"
        band.fill.solid()
        band.fill.fore_color.rgb = _rgb(_BAND)
        band.line.fill.background()
        plain(band)
        behind.append(band)
        box = shapes.add_textbox(
            _emu(left), _emu(area[1] - _HEADING_H - 2), _emu(right - left), _emu(_HEADING_H)
        )
        box.name = f"heading {heading.text}"
        _text(box.text_frame, [(heading.text, heading_size, True, theme.HEADING_COLOUR)], 2)
    sites = _sites(lay)
    shares: dict[tuple[str, str], list[float]] = {}
    for ((source, target, _), end), (side, _, share) in sorted(
        sites.items(), key=lambda i: i[1][1]
    ):
        shares.setdefault((source if end == "begin" else target, side), []).append(share)
    by_id: dict[str, Any] = {}
    for node in lay.nodes:
        look = palette.kinds.get(node.kind, palette.kinds["assumption"])
        cx, cy = centres[node.id]
        w, h = sizes[node.id]
        shape = shapes.add_shape(
            MSO_SHAPE.RECTANGLE, _emu(cx - w / 2), _emu(cy - h / 2), _emu(w), _emu(h)
        )
        shape.name = f"{node.kind} {node.id}"
        custom = geometry(
            look.rounded,
            shares.get((node.id, "left"), []),
            shares.get((node.id, "right"), []),
        )
        preset = shape._element.spPr.prstGeom
        preset.addprevious(custom)
        shape._element.spPr.remove(preset)
        fill = look.fill if node.status is None else palette.statuses[node.status].fill
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(fill)
        shape.line.color.rgb = _rgb(look.stroke)
        shape.line.width = _emu(look.stroke_width * max(place.box_scale, 0.75))
        if look.dashed:
            _dash(shape.line, theme.OFFICE_DASHES["border"])
        plain(shape)
        size = node.font_size * text
        paragraphs = [
            (line, size, node.bold and line != node.badge, theme.TEXT_COLOUR)
            for line in _label(node, names)
        ]
        _text(shape.text_frame, paragraphs, _margin(text))
        by_id[node.id] = shape

    def at(node_id: str, side: str, share: float) -> tuple[int, int]:
        shape = by_id[node_id]
        if side in ("top", "bottom"):
            return shape.left + shape.width // 2, shape.top + (shape.height if share else 0)
        x = shape.left if side == "left" else shape.left + shape.width
        return x, shape.top + round(shape.height * share)

    # brackets nest: the longer the bracket, the further out it reaches
    spans = sorted(
        (abs(lay.node(e.source).y - lay.node(e.target).y), _arrow(e))
        for e in lay.edges
        if sites.get((_arrow(e), "begin"), ("",))[0] == "right"
        and sites.get((_arrow(e), "end"), ("",))[0] == "right"
    )
    reach = {key: 6.0 + 4.0 * rank for rank, (_, key) in enumerate(spans)}
    for edge in lay.edges:
        if edge.source not in by_id or edge.target not in by_id:
            continue
        if (_arrow(edge), "begin") in sites:
            side0, site0, share0 = sites[(_arrow(edge), "begin")]
            side1, site1, share1 = sites[(_arrow(edge), "end")]
        elif lay.node(edge.source).y < lay.node(edge.target).y:  # next one down
            (side0, site0, share0), (side1, site1, share1) = ("bottom", 2, 1), ("top", 0, 0)
        else:
            (side0, site0, share0), (side1, site1, share1) = ("top", 0, 0), ("bottom", 2, 1)
        (x0, y0), (x1, y1) = at(edge.source, side0, share0), at(edge.target, side1, share1)
        colour, dash, width = _edge_look(edge, place)
        if side0 == side1 == "right":  # within one column: a bracket out to the right
            builder = shapes.build_freeform(x0, y0, scale=1.0)
            out = max(x0, x1) + _emu(reach[_arrow(edge)])
            builder.add_line_segments([(out, y0), (out, y1), (x1, y1)], close=False)
            arrow = builder.convert_to_shape()
            arrow.fill.background()
        else:
            # straight: curved connectors glued to shapes loop in LibreOffice
            arrow = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, x0, y0, x1, y1)
            glue(arrow, by_id[edge.source], site0, by_id[edge.target], site1)
        arrow.name = f"arrow {edge.source} -> {edge.target}"
        plain(arrow)
        arrow.line.color.rgb = _rgb(colour)
        arrow.line.width = _emu(width)
        if edge.style == "note":
            _dash(arrow.line, theme.OFFICE_DASHES["note"])
        else:
            _arrowhead(arrow.line, dash, "oval" if edge.style == "mitigates" else "triangle")
        behind.append(arrow)
    tree = shapes._spTree
    for position, shape in enumerate(behind):  # behind the boxes, in drawing order
        tree.remove(shape._element)
        tree.insert(2 + position, shape._element)
    return place
