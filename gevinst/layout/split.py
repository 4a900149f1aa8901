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
from gevinst.graph import build_graph, mitigations, reach_graph
from gevinst.layout.geometry import layout, layout_view
from gevinst.layout.view import MapView, map_view

if TYPE_CHECKING:
    from collections.abc import Callable

    import networkx as nx

    from gevinst.layout.geometry import Layout, NodeBox
    from gevinst.layout.options import MapOptions
    from gevinst.model import Plan

__all__ = [
    "AREA",
    "GAP_X",
    "GAP_Y",
    "MAX_SCALE",
    "MIN_FONT",
    "MapArea",
    "MapSplitter",
    "fit",
    "map_parts",
]

#: The smallest text on a map slide, in points; a map needing less is split (fewer
#: boxes per slide, never smaller text). Text is set in half points, so this is 12 pt on
#: the slide, the least a council reads from a projector (SPEC section 8).
MIN_FONT = 11.75
#: A small map is drawn larger, up to this scale (labels of 15 pt).
MAX_SCALE = 1.5
#: The map area of a 16:9 slide (13.333 × 7.5 in), in points: left, top, width, height.
AREA = (14.0, 90.0, 932.0, 374.0)
#: Points between two boxes of a column, at least.
GAP_Y = 3.0
#: Points between two columns, at least.
GAP_X = 12.0
#: How far down a goal's part is split: by objective, benefit, change, then measure.
_DEPTH = 4


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


class MapSplitter:
    """The map of ``plan`` cut into slide-sized parts, one goal at a time, so that a
    deck with room for a few parts lays out only those (each layout runs Graphviz).

    ``whole`` is the map when it fits one slide (else ``None``); ``overview`` the
    benefits, objectives and goals when they fit one slide and leave something out;
    :meth:`goal_parts` the parts of one goal, those named after one element next to
    each other (so "(1/2)" and "(2/2)" follow one another); :meth:`rest` what no goal's
    parts hold. ``fits`` says whether a layout fits one slide (default: its text at
    :data:`MIN_FONT` or more when placed by :func:`fit`; the deck passes its own test,
    which also counts on narrower boxes with text wrapped anew).
    """

    def __init__(
        self, plan: Plan, options: MapOptions, fits: Callable[[Layout], bool] | None = None
    ) -> None:
        self.fits = fits or _fits
        self.plan = plan
        self.options = options
        self.view = map_view(plan, options)
        whole = layout_view(self.view)
        self.whole: Layout | None = None
        self.overview: Layout | None = None
        # a mitigation feeds no score, but its slide is the dis-benefit's: there the
        # measure that mitigates it is drawn with it
        self.graph = reach_graph(build_graph(plan), mitigations(plan))
        self.shown = {n.id for n in self.view.nodes}
        self._cache: dict[frozenset[str], Layout] = {}
        self._covered: set[str] = set()
        self._parts: dict[str, list[tuple[str, Layout]]] = {}
        self.goals = [n for n in self.graph.nodes if self.graph.nodes[n]["kind"] == "goal"]
        if self.fits(whole) or len(self.view.nodes) <= 2:
            self.whole = whole
            return
        overview = layout(
            plan,
            dataclasses.replace(options, kinds=("benefit", "disbenefit", "objective", "goal")),
        )
        if self.fits(overview) and len(overview.nodes) < len(whole.nodes):
            self.overview = overview

    def _lay(self, members: set[str]) -> Layout:
        key = frozenset(members & self.shown)
        if key not in self._cache:
            self._cache[key] = layout_view(_sub_view(self.view, set(key)))
        return self._cache[key]

    def members(self, goal: str) -> set[str]:
        """The shown elements that feed ``goal`` (not through another goal), and it."""
        return _feeders(self.graph, goal) & self.shown

    def goal_parts(self, goal: str) -> list[tuple[str, Layout]]:
        """The parts of ``goal``: what feeds it, in as few parts as fit, gathered
        objective by objective (and, for an objective too big for one slide, benefit by
        benefit)."""
        if goal in self._parts:
            return self._parts[goal]
        graph = self.graph
        parts: list[tuple[str, Layout]] = []

        def split(root: str, context: set[str], depth: int) -> None:
            members = _feeders(graph, root) | context
            children = [p for p in graph.predecessors(root) if graph.nodes[p]["kind"] != "goal"]
            if self.fits(self._lay(members)) or depth >= _DEPTH or len(children) < 2:
                parts.append((root, self._lay(members)))
                return
            base = context | {root} | {p for p in graph.predecessors(root) if p not in children}
            chunk: list[str] = []  # children gathered on one slide

            def flush() -> None:
                members = base.union(*(_feeders(graph, c) for c in chunk))
                if len(chunk) == 1 and self.fits(self._lay(members)):
                    # one objective (or benefit) on the slide: the slide is named after it
                    parts.append((chunk[0], self._lay(members)))
                elif len(chunk) > 1:
                    parts.append((root, self._lay(members)))
                else:  # one child too big on its own: split it in turn
                    split(chunk[0], context | {root}, depth + 1)

            for child in children:
                trial = base.union(*(_feeders(graph, c) for c in [*chunk, child]))
                if chunk and not self.fits(self._lay(trial)):
                    flush()
                    chunk = []
                chunk.append(child)
            if chunk:
                flush()

        above = {g for g in graph.successors(goal) if graph.nodes[g]["kind"] == "goal"}
        split(goal, above, 0)
        order: dict[str, int] = {}
        for root, _ in parts:
            order.setdefault(root, len(order))
        parts.sort(key=lambda part: order[part[0]])  # stable: one root's parts together
        parts = self._merged(parts)
        for _, lay in parts:
            self._covered.update(n.id for n in lay.nodes)
        self._parts[goal] = parts
        return parts

    def _merged(self, parts: list[tuple[str, Layout]]) -> list[tuple[str, Layout]]:
        """One part per root where one slide holds them all: a benefit that feeds two
        objectives is reached once from each, and its two parts show the same feeders
        with a different objective (Bergen's "(1/2)" and "(2/2)" differed in one box)."""
        out: list[tuple[str, Layout]] = []
        for root, group in itertools.groupby(parts, key=lambda part: part[0]):
            runs = list(group)
            if len(runs) > 1:
                joined = self._lay({n.id for _, lay in runs for n in lay.nodes})
                if self.fits(joined):
                    runs = [(root, joined)]
            out += runs
        return out

    def rest(self) -> Layout | None:
        """What the parts of every goal leave out (call after :meth:`goal_parts` of each)."""
        left = self.shown - self._covered
        return self._lay(left) if left else None


def map_parts(
    plan: Plan, options: MapOptions, fits: Callable[[Layout], bool] | None = None
) -> list[tuple[str | None, Layout]]:
    """The map slides of ``plan`` with ``options``: ``[(root of the part or None, layout)]``.

    One part (``None``) when the whole map fits at :data:`MIN_FONT`; otherwise an
    overview (``"overview"``: benefits, objectives, goals) when that fits, then for
    each goal the elements feeding it, in as few parts as fit (see
    :class:`MapSplitter`). Every element is on at least one part.
    """
    splitter = MapSplitter(plan, options, fits)
    if splitter.whole is not None:
        return [(None, splitter.whole)]
    parts: list[tuple[str | None, Layout]] = []
    if splitter.overview is not None:
        parts.append(("overview", splitter.overview))
    for goal in splitter.goals:
        parts += splitter.goal_parts(goal)
    rest = splitter.rest()
    if rest is not None:
        parts.append(("rest", rest))
    return parts
