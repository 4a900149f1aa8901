"""Fitting a benefit map to a slide, and splitting one too big into parts that fit.

Pure geometry over :class:`gevinst.layout.geometry.Layout`: no drawing, no
python-pptx. :func:`fit` scales and places a layout in a slide's map area; the axes
scale apart and boxes and text are scaled as little as the space between boxes
allows. A map whose text would come out under :data:`MIN_FONT` points is split
(:func:`map_parts`): an overview of benefits, objectives and goals, then one part per
goal with the elements that feed it, and so on down (per objective) while a part is
still too big. The council deck draws each part on a slide of its own
(:mod:`gevinst.report.pptx.map`).

Examples:
    >>> import gevinst as gv
    >>> from gevinst.layout.split import map_parts
    >>> plan = gv.Plan.new("p", "Demo")
    >>> _ = plan.add_goal("G1", "Mål")
    >>> _ = plan.add_measure("M1", "Tiltak", contributes_to=["G1"])
    >>> from gevinst.layout.options import MapOptions
    >>> parts = map_parts(plan, MapOptions(language="nb"))
    >>> [(title, [n.id for n in lay.nodes]) for title, lay in parts]
    [(None, ['G1', 'M1'])]
"""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import gevinst.theme as theme
from gevinst.graph import build_graph
from gevinst.layout.geometry import layout, layout_view
from gevinst.layout.view import MapView, map_view

if TYPE_CHECKING:
    import networkx as nx

    from gevinst.layout.geometry import Layout, NodeBox
    from gevinst.layout.options import MapOptions
    from gevinst.model import Plan

__all__ = ["AREA", "GAP_X", "GAP_Y", "MAX_SCALE", "MIN_FONT", "MapArea", "fit", "map_parts"]

#: The smallest text on a map slide, in points; a map needing less is split. Text is set
#: in half points, so this is 9 pt on the slide.
MIN_FONT = 8.75
#: A small map is drawn larger, up to this scale (labels of 15 pt).
MAX_SCALE = 1.5
#: The map area of a 16:9 slide (13.333 × 7.5 in), in points: left, top, width, height.
AREA = (14.0, 90.0, 932.0, 374.0)
#: Points between two boxes of a column, at least.
GAP_Y = 3.0
#: Points between two columns, at least.
GAP_X = 12.0


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
        return theme.FONT_SIZE * self.box_scale

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
            room = (b.y - a.y) * sy - GAP_Y
            best = min(best, room / ((a.height + b.height) / 2))
    levels = sorted(columns)
    for left, right in itertools.pairwise(levels):
        a = max(columns[left], key=lambda n: n.x + n.width / 2)
        b = min(columns[right], key=lambda n: n.x - n.width / 2)
        room = (b.x - a.x) * sx - GAP_X
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


def map_parts(plan: Plan, options: MapOptions) -> list[tuple[str | None, Layout]]:
    """The map slides of ``plan`` with ``options``: ``[(root of the part or None, layout)]``.

    One part (``None``) when the whole map fits at :data:`MIN_FONT`; otherwise an
    overview (``"overview"``: benefits, objectives, goals) when that fits, then for
    each goal the elements feeding it, in as few parts as fit: what feeds the goal is
    gathered objective by objective (and, for an objective too big for one slide,
    benefit by benefit). Every element is on at least one part.
    """
    view = map_view(plan, options)
    whole = layout_view(view)
    if _fits(whole) or len(view.nodes) <= 2:
        return [(None, whole)]
    graph = build_graph(plan)
    shown = {n.id for n in view.nodes}
    cache: dict[frozenset[str], Layout] = {}

    def lay_of(members: set[str]) -> Layout:
        key = frozenset(members & shown)
        if key not in cache:
            cache[key] = layout_view(_sub_view(view, set(key)))
        return cache[key]

    parts: list[tuple[str | None, Layout]] = []
    overview = layout(
        plan, dataclasses.replace(options, kinds=("benefit", "disbenefit", "objective", "goal"))
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
