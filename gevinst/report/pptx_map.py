"""The benefit map as native, editable PowerPoint shapes, placed from the shared layout.

Every element is a shape (rectangle for measures, rounded for the rest) with its name
as real text, coloured by kind, or by status when the plan was evaluated; every arrow
is a connector glued to the two shapes, so moving a box in PowerPoint drags its
arrows along. Positions come from :class:`gevinst.layout.Layout`, the same numbers
the SVG, PNG and HTML maps draw.

A map is scaled to fit the slide; boxes and text are scaled as little as the space
between boxes allows, and never set below :data:`MIN_FONT` points. A map that would
need smaller text is split (:func:`map_parts`): an overview of benefits, objectives
and goals, then one slide per goal with the elements that feed it, and so on down
(per objective) while a part is still too big.

Example:
    >>> import gevinst as gv
    >>> from gevinst.report.pptx_map import map_parts
    >>> plan = gv.Plan.new("p", "Demo")
    >>> _ = plan.add_goal("G1", "Mål")
    >>> _ = plan.add_measure("M1", "Tiltak", contributes_to=["G1"])
    >>> [(title, [n.id for n in lay.nodes]) for title, lay in map_parts(plan, None, "nb")]
    [(None, ['G1', 'M1'])]
"""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gevinst.render import style

if TYPE_CHECKING:
    import networkx as nx

    from gevinst.layout import EvaluationLike, Layout, NodeBox
    from gevinst.mapview import MapView
    from gevinst.model import Plan

__all__ = ["MIN_FONT", "MapArea", "draw_map", "fit", "map_parts"]

#: The smallest text on a map slide, in points; a map needing less is split. Text is set
#: in half points, so this is 9 pt on the slide.
MIN_FONT = 8.75
#: A small map is drawn larger, up to this scale (labels of 15 pt).
MAX_SCALE = 1.5
#: The map area of a 16:9 slide (13.333 × 7.5 in), in points: left, top, width, height.
AREA = (14.0, 90.0, 932.0, 374.0)
_GAP_Y = 3.0  # points between boxes in a column, at least
_GAP_X = 12.0  # points between columns, at least
_EMU = 12700  # EMU per point


@dataclass(frozen=True)
class MapArea:
    """Where a layout lands on the slide: ``slide x = x0 + sx * layout x`` and
    ``slide y = y0 + sy * layout y`` (points). The two axes scale apart, so a wide map
    keeps its height; boxes and text are scaled by ``box_scale``."""

    sx: float
    sy: float
    box_scale: float
    x0: float
    y0: float

    @property
    def scale(self) -> float:
        """The smaller of the two axis scales."""
        return min(self.sx, self.sy)

    @property
    def font(self) -> float:
        """The label size, in points, of a box whose layout size was 10 pt."""
        return style.FONT_SIZE * self.box_scale

    def point(self, x: float, y: float) -> tuple[float, float]:
        return self.x0 + self.sx * x, self.y0 + self.sy * y


def _box_scale(lay: Layout, sx: float, sy: float) -> float:
    """The largest box scale up to :data:`MAX_SCALE` at which no two boxes touch."""
    best = MAX_SCALE
    columns: dict[int, list[NodeBox]] = {}
    for node in lay.nodes:
        columns.setdefault(node.level, []).append(node)
    for column in columns.values():
        column.sort(key=lambda n: n.y)
        for a, b in itertools.pairwise(column):
            room = (b.y - a.y) * sy - _GAP_Y
            best = min(best, room / ((a.height + b.height) / 2))
    levels = sorted(columns)
    for left, right in itertools.pairwise(levels):
        a = max(columns[left], key=lambda n: n.x + n.width / 2)
        b = min(columns[right], key=lambda n: n.x - n.width / 2)
        room = (b.x - a.x) * sx - _GAP_X
        best = min(best, room / ((a.width + b.width) / 2))
    return max(0.1, best)


def _bisect(ok: Any, low: float = 0.05, high: float = 1.5) -> float:
    """The largest value in ``[low, high]`` for which ``ok`` holds (``ok`` is monotone)."""
    if ok(high):
        return high
    for _ in range(30):
        middle = (low + high) / 2
        if ok(middle):
            low = middle
        else:
            high = middle
    return low


def fit(lay: Layout, area: tuple[float, float, float, float] = AREA) -> MapArea:
    """Scale and place ``lay``'s boxes in ``area`` (left, top, width, height, points)."""
    left, top, width, height = area
    nodes = lay.nodes
    if not nodes:
        return MapArea(1.0, 1.0, 1.0, left, top)
    xs0 = min(n.x for n in nodes)
    xs1 = max(n.x for n in nodes)
    ys0 = min(n.y for n in nodes)
    ys1 = max(n.y for n in nodes)
    widest = max(n.width for n in nodes)
    tallest = max(n.height for n in nodes)

    def box_at(sx: float, sy: float) -> float:
        return min(MAX_SCALE, _box_scale(lay, sx, sy))

    sx = _bisect(lambda v: (xs1 - xs0) * v + widest * box_at(v, 1e3) <= width, high=MAX_SCALE)
    sy = _bisect(lambda v: (ys1 - ys0) * v + tallest * box_at(1e3, v) <= height, high=MAX_SCALE)
    box = box_at(sx, sy)
    span_x = (xs1 - xs0) * sx
    span_y = (ys1 - ys0) * sy
    x0 = left + (width - span_x) / 2 - xs0 * sx
    y0 = top + (height - span_y) / 2 - ys0 * sy
    return MapArea(sx, sy, box, x0, y0)


def _fits(lay: Layout) -> bool:
    return fit(lay).font >= MIN_FONT - 1e-9


def _sub_view(view: MapView, members: set[str]) -> MapView:
    nodes = tuple(n for n in view.nodes if n.id in members)
    edges = tuple(e for e in view.edges if e.source in members and e.target in members)
    return dataclasses.replace(view, nodes=nodes, edges=edges, clusters=())


def _feeders(graph: nx.DiGraph, root: str) -> set[str]:
    """``root`` and everything that feeds it, not passing through another goal."""
    seen = {root}
    stack = [root]
    while stack:
        node = stack.pop()
        for prev in graph.predecessors(node):
            if prev in seen:
                continue
            seen.add(prev)
            if graph.nodes[prev]["kind"] != "goal":
                stack.append(prev)
    return seen


def map_parts(
    plan: Plan, evaluation: EvaluationLike | None, language: str
) -> list[tuple[str | None, Layout]]:
    """The map slides of ``plan``: ``[(id of the part's root, or None, layout)]``.

    One part (``None``) when the whole map fits at :data:`MIN_FONT`; otherwise an
    overview (``"overview"``: benefits, objectives, goals) when that fits, then for
    each goal the elements feeding it, in as few parts as fit: what feeds the goal is
    gathered objective by objective (and, for an objective too big for one slide,
    benefit by benefit). Every element is on at least one part.
    """
    from gevinst.layout import layout, layout_view
    from gevinst.mapview import map_view

    view = map_view(plan, evaluation=evaluation, language=language)
    whole = layout_view(view)
    if _fits(whole) or len(view.nodes) <= 2:
        return [(None, whole)]
    graph = plan.graph
    shown = {n.id for n in view.nodes}
    cache: dict[frozenset[str], Layout] = {}

    def lay_of(members: set[str]) -> Layout:
        key = frozenset(members & shown)
        if key not in cache:
            cache[key] = layout_view(_sub_view(view, set(key)))
        return cache[key]

    parts: list[tuple[str | None, Layout]] = []
    overview = layout(
        plan,
        evaluation=evaluation,
        kinds=("benefit", "disbenefit", "objective", "goal"),
        language=language,
    )
    if _fits(overview) and len(overview.nodes) < len(whole.nodes):
        parts.append(("overview", overview))

    def split(root: str, context: set[str], depth: int) -> None:
        members = _feeders(graph, root) | context
        children = [p for p in graph.predecessors(root) if graph.nodes[p]["kind"] != "goal"]
        if _fits(lay_of(members)) or depth >= 2 or len(children) < 2:
            parts.append((root, lay_of(members)))
            return
        base = context | {root} | {p for p in graph.predecessors(root) if p not in children}
        chunk: list[str] = []  # children gathered on one slide

        def flush() -> None:
            members = base.union(*(_feeders(graph, c) for c in chunk))
            if len(chunk) == 1 and _fits(lay_of(members)):
                # one objective (or benefit) on the slide: the slide is named after it
                parts.append((chunk[0], lay_of(members)))
            elif len(chunk) > 1:
                parts.append((root, lay_of(members)))
            else:  # one child too big on its own: split it in turn
                split(chunk[0], context | {root}, depth + 1)

        for child in children:
            trial = base.union(*(_feeders(graph, c) for c in [*chunk, child]))
            if chunk and not _fits(lay_of(trial)):
                flush()
                chunk = []
            chunk.append(child)
        if chunk:
            flush()

    goals = [n for n in graph.nodes if graph.nodes[n]["kind"] == "goal"]
    for goal in goals:
        above = {g for g in graph.successors(goal) if graph.nodes[g]["kind"] == "goal"}
        split(goal, above, 0)
    covered = {n.id for _, lay in parts if _ != "overview" for n in lay.nodes}
    left = shown - covered
    if left:
        parts.append(("rest", lay_of(left)))
    return parts


# -- drawing ------------------------------------------------------------------------------


def _rgb(colour: str) -> Any:
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(colour.lstrip("#").upper())  # type: ignore[no-untyped-call]


def _emu(points: float) -> int:
    return round(points * _EMU)


def _arrowhead(line: Any, dashed: str | None = None) -> None:
    from pptx.oxml.ns import qn

    ln = line._get_or_add_ln()
    if dashed:
        prst = ln.makeelement(qn("a:prstDash"), {"val": dashed})
        ln.append(prst)
    tail = ln.makeelement(qn("a:tailEnd"), {"type": "triangle", "w": "med", "len": "med"})
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


FONT = "Arial"


def draw_map(
    slide: Any,
    lay: Layout,
    names: dict[str, str],
    area: tuple[float, float, float, float] = AREA,
) -> MapArea:
    """Draw ``lay`` on ``slide`` in ``area``: boxes, connectors and column headings.

    ``names`` gives each element's full name (the text of its box; the layout's
    lines are only how the other renderers wrap it).

    Returns the placement used (scale, box scale and the label size).
    """
    from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE

    place = fit(lay, area)
    shapes = slide.shapes
    by_id: dict[str, Any] = {}
    for heading in lay.headings:
        column = [n for n in lay.nodes if n.level == heading.level]
        if not column:
            continue
        x, _ = place.point(heading.x, 0)
        top = min(place.point(0, n.y)[1] - n.height * place.box_scale / 2 for n in column)
        width = max(n.width for n in column) * place.box_scale + 20
        box = shapes.add_textbox(
            _emu(x - width / 2), _emu(max(area[1] - 24, top - 24)), _emu(width), _emu(20)
        )
        box.name = f"heading {heading.text}"
        _text(box.text_frame, [(heading.text, 13, True, style.HEADING_COLOUR)], 2)
    for node in lay.nodes:
        look = style.KIND_STYLES.get(node.kind, style.KIND_STYLES["assumption"])
        cx, cy = place.point(node.x, node.y)
        w, h = node.width * place.box_scale, node.height * place.box_scale
        kind = MSO_SHAPE.ROUNDED_RECTANGLE if look.rounded else MSO_SHAPE.RECTANGLE
        shape = shapes.add_shape(kind, _emu(cx - w / 2), _emu(cy - h / 2), _emu(w), _emu(h))
        shape.name = f"{node.kind} {node.id}"
        if look.rounded:
            shape.adjustments[0] = 0.12
        fill = look.fill if node.status is None else style.STATUS_STYLES[node.status].fill
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(fill)
        shape.line.color.rgb = _rgb(look.stroke)
        shape.line.width = _emu(look.stroke_width * max(place.box_scale, 0.75))
        if look.dashed:
            _dash(shape.line, "dash")
        shape.shadow.inherit = False
        size = node.font_size * place.box_scale
        if node.kind == "assumption":
            name = "\n".join(node.lines)
        else:
            name = style.clean_text(names.get(node.element, " ".join(node.lines)))
        paragraphs = [(line, size, node.bold, style.TEXT_COLOUR) for line in name.split("\n")]
        if node.badge:
            paragraphs.append((node.badge, size, False, style.TEXT_COLOUR))
        _text(shape.text_frame, paragraphs, 9.0 * place.box_scale - 2)
        by_id[node.id] = shape
    arrows: list[Any] = []
    for edge in lay.edges:
        source, target = by_id.get(edge.source), by_id.get(edge.target)
        if source is None or target is None:
            continue
        a, b = lay.node(edge.source), lay.node(edge.target)
        if a.level != b.level:
            start, end = (3, 1) if a.x < b.x else (1, 3)
        else:
            start, end = (2, 0) if a.y < b.y else (0, 2)
        # straight: curved connectors glued to shapes loop in LibreOffice
        connector = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, 0, 0, 1, 1)
        connector.begin_connect(source, start)
        connector.end_connect(target, end)
        connector.name = f"arrow {edge.source} -> {edge.target}"
        arrows.append(connector)
        colour = style.EDGE_COLOUR
        dash = None
        if edge.disbenefit:
            colour, dash = style.DISBENEFIT_EDGE, "dash"
        elif edge.style == "implied":
            dash = "sysDot"
        elif edge.style == "note":
            colour, dash = style.NOTE_STROKE, "dash"
        connector.line.color.rgb = _rgb(colour)
        connector.line.width = _emu(style.edge_width(edge.weight) * max(place.box_scale, 0.7))
        if edge.style == "note":
            _dash(connector.line, "dash")
        else:
            _arrowhead(connector.line, dash)
    tree = shapes._spTree
    for position, arrow in enumerate(arrows):  # behind the boxes, in drawing order
        tree.remove(arrow._element)
        tree.insert(2 + position, arrow._element)
    return place


def draw_legend(slide: Any, lay: Layout, bottom: float, left: float = AREA[0]) -> None:
    """The legend of ``lay`` in rows ending at ``bottom`` (points), wrapped to the slide."""
    from pptx.enum.shapes import MSO_SHAPE

    right = 960.0 - left
    entries = []
    for item in lay.legend:
        label = item.label
        if item.group == "status":
            label = f"{style.STATUS_STYLES[item.key].mark} {label}"
        entries.append((item, label, 20 + style.text_width(label, 10) * 0.92 + 12))
    rows: list[list[tuple[Any, str, float, float]]] = [[]]
    x = left
    previous = None
    for item, label, width in entries:
        if previous is not None and item.group != previous:
            x += 12
        previous = item.group
        if x + width > right and rows[-1]:
            rows.append([])
            x = left
        rows[-1].append((item, label, x, width))
        x += width
    top = bottom - 18 * len(rows)
    for number, row in enumerate(rows):
        y = top + 18 * number
        for item, label, x, width in row:
            if item.group == "kind":
                look = style.KIND_STYLES[item.key]
                fill, stroke = look.fill, look.stroke
            elif item.group == "status":
                fill = style.STATUS_STYLES[item.key].fill
                stroke = style.STATUS_STYLES[item.key].stroke
            else:
                fill, stroke = "#FFFFFF", style.EDGE_COLOUR
            swatch = slide.shapes.add_shape(
                MSO_SHAPE.RECTANGLE, _emu(x), _emu(y + 3), _emu(16), _emu(10)
            )
            swatch.name = f"legend {item.key}"
            swatch.fill.solid()
            swatch.fill.fore_color.rgb = _rgb(fill)
            swatch.line.color.rgb = _rgb(stroke)
            swatch.shadow.inherit = False
            box = slide.shapes.add_textbox(_emu(x + 18), _emu(y), _emu(width - 18), _emu(16))
            box.name = f"legend label {item.key}"
            frame = box.text_frame
            frame.word_wrap = False
            frame.margin_left = frame.margin_right = _emu(2)
            frame.margin_top = frame.margin_bottom = 0
            run = frame.paragraphs[0].add_run()
            run.text = label
            run.font.size = _pt(10)
            run.font.name = FONT
            run.font.color.rgb = _rgb(style.TEXT_COLOUR)
