"""What a benefit map shows: the chosen elements, their wrapped labels and box sizes.

:func:`map_view` is the pure first step of drawing a map (see :mod:`gevinst.layout.geometry`):
it applies the view options (:class:`~gevinst.layout.options.MapOptions`: ``focus``,
``kinds``, ``depth``, ``group_by``, ``assumptions``), reads statuses from an evaluation,
and sizes every box from its wrapped text. Mermaid output is written straight from a
view; the other formats lay it out first.

Examples:
    >>> import gevinst as gv
    >>> from gevinst.layout.options import MapOptions
    >>> from gevinst.layout.view import map_view
    >>> plan = gv.Plan.new("p", "Demo")
    >>> _ = plan.add_goal("G1", "Mål")
    >>> _ = plan.add_benefit("B1", "Gevinst", contributes_to=["G1"])
    >>> _ = plan.add_measure("M1", "Tiltak", contributes_to=["B1"])
    >>> view = map_view(plan, MapOptions(kinds=["measure", "goal"]))
    >>> [n.id for n in view.nodes]
    ['G1', 'M1']
    >>> [(e.source, e.target, e.style) for e in view.edges]
    [('M1', 'G1', 'implied')]
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, cast

import gevinst.theme as theme
from gevinst.errors import RenderError
from gevinst.graph import build_graph, mitigations, neighbourhood, reach_graph
from gevinst.i18n.formats import format_percent
from gevinst.i18n.words import t
from gevinst.layout.options import ElementResult, EvaluationLike, MapOptions
from gevinst.model import KINDS, LEVELS

if TYPE_CHECKING:
    import networkx as nx

    from gevinst.model import Plan

__all__ = [
    "ElementResult",
    "EvaluationLike",
    "MapCluster",
    "MapEdge",
    "MapNode",
    "MapView",
    "map_view",
]

WRAP_WIDTH = 185.0  # points of text per line in a box
PAD_X, PAD_Y = 9.0, 7.0
MIN_WIDTH = 96.0
NOTE_SIZE = 8.5


@dataclass(frozen=True)
class MapNode:
    """One box to draw, before layout: its wrapped text and its size in points."""

    id: str
    element: str
    kind: str
    level: int
    name: str
    lines: tuple[str, ...]
    width: float
    height: float
    font_size: float = theme.FONT_SIZE
    bold: bool = False
    badge: str | None = None
    status: str | None = None
    score: float | None = None


@dataclass(frozen=True)
class MapEdge:
    """One arrow to draw, before layout (see :class:`gevinst.layout.geometry.EdgeRoute`)."""

    source: str
    target: str
    weight: float | None
    style: Literal["contributes", "implied", "note", "mitigates"] = "contributes"
    disbenefit: bool = False
    note: str | None = None


@dataclass(frozen=True)
class MapCluster:
    """A group of elements drawn inside one frame."""

    id: str
    label: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class MapView:
    """Everything a map shows, in a fixed order (plan order), ready for layout."""

    title: str
    subtitle: str
    language: str
    nodes: tuple[MapNode, ...]
    edges: tuple[MapEdge, ...]
    clusters: tuple[MapCluster, ...] = ()
    evaluated: bool = False
    #: No text of the map is smaller than this (0: the sizes for the screen); a
    #: printed page raises its small texts (notes, status line, legend) to it.
    min_text: float = 0.0


def _select(
    graph: nx.DiGraph,
    focus: str | None,
    depth: int | None,
    kinds: set[str],
    reach: nx.DiGraph | None = None,
) -> tuple[list[str], list[tuple[str, str, bool]]]:
    """The nodes shown and the edges between them: (u, v, implied).

    With a focus, what is shown is chosen on ``reach`` (:func:`gevinst.graph.reach_graph`,
    as the deck's slides are): a mitigation is one step from the measure to the
    dis-benefit, so a focus on a dis-benefit shows what mitigates it, one on a measure
    the dis-benefits it mitigates. It is never a contribution, so it makes no implied
    arrow.
    """

    if focus is not None:
        if focus not in graph:
            known = ", ".join(sorted(graph.nodes)[:30])
            raise RenderError(f"--focus {focus!r} is not an element of the map; known: {known}")
        around = neighbourhood(graph if reach is None else reach, focus, depth)
    else:  # a depth without a focus is refused by MapOptions
        around = set(graph.nodes)
    shown = [n for n in graph.nodes if n in around and graph.nodes[n]["kind"] in kinds]
    keep = set(shown)
    order = {n: i for i, n in enumerate(shown)}  # once: per element it made render quadratic
    edges: list[tuple[str, str, bool]] = []
    for u in shown:
        direct = [v for v in graph.successors(u) if v in keep]
        edges += [(u, v, False) for v in direct]
        # paths through elements that are left out become one dotted arrow
        seen: set[str] = set()
        stack = [v for v in graph.successors(u) if v not in keep and v in around]
        implied: set[str] = set()
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            for nxt in graph.successors(node):
                if nxt in keep:
                    implied.add(nxt)
                elif nxt in around:
                    stack.append(nxt)
        edges += [(u, v, True) for v in sorted(implied - set(direct), key=order.__getitem__)]
    return shown, edges


def _score_badge(status: str, score: float | None, language: str) -> str:
    mark = theme.STATUS_STYLES[status].mark
    if score is None:
        return f"{mark} {t(status, language)}"
    return f"{mark} {format_percent(score, language)} · {t(status, language)}"


def _size(
    lines: tuple[str, ...], size: float, bold: bool, extra_lines: int = 0
) -> tuple[float, float]:
    widest = max(theme.text_width(line, size, bold) for line in lines)
    height = (len(lines) + extra_lines) * size * theme.LINE_HEIGHT + 2 * PAD_Y
    return widest + 2 * PAD_X, round(height, 2)


def map_view(
    plan: Plan,
    options: MapOptions | None = None,
    *,
    min_text: float = 0.0,
    wrap: float = WRAP_WIDTH,
) -> MapView:
    """Choose and size what the map of ``plan`` shows (see :mod:`gevinst.layout.geometry`).

    A printed page (:mod:`gevinst.layout.pages`) asks for its small texts at
    ``min_text`` points or more (their boxes grow to hold them) and may wrap labels to
    ``wrap`` points instead of :data:`WRAP_WIDTH`, so that a map fits a narrower sheet.

    Raises:
        RenderError: ``options.focus`` is not an element of the plan.
    """
    options = MapOptions() if options is None else options
    evaluation, focus = options.evaluation, options.focus
    lang = options.language or plan.language
    graph = build_graph(plan)
    kinds = set(KINDS if options.kinds is None else options.kinds)
    links = mitigations(plan)
    reach = reach_graph(graph, links) if focus is not None and links else None
    shown, edges = _select(graph, focus, options.depth, kinds, reach)
    elements = {e.id: e for e in reversed(list(plan.elements()))}  # the first of a repeated id
    # one width per column, so the columns read as columns
    texts: dict[str, tuple[tuple[str, ...], float, bool]] = {}
    column_width: dict[int, float] = {}
    statuses: dict[str, tuple[str, float | None, str]] = {}
    for node_id in shown:
        data = graph.nodes[node_id]
        bold = data["kind"] in ("objective", "goal")
        lines = theme.wrap(data["name"], wrap, theme.FONT_SIZE, bold)
        texts[node_id] = (lines, theme.FONT_SIZE, bold)
        extra = 0
        if evaluation is not None and data["kind"] not in ("measure", "change"):
            result = _result(evaluation, node_id)
            if result is not None:
                statuses[node_id] = (result[0], result[1], _score_badge(*result, lang))
                extra = 1
        width, _ = _size(lines, theme.FONT_SIZE, bold, extra)
        if extra:
            width = max(width, theme.text_width(statuses[node_id][2]) + 2 * PAD_X)
        level = LEVELS[data["kind"]]
        width = min(width, wrap + 2 * PAD_X)
        column_width[level] = max(column_width.get(level, MIN_WIDTH), width)
    nodes: list[MapNode] = []
    for node_id in shown:
        data = graph.nodes[node_id]
        lines, size, bold = texts[node_id]
        status: str | None = None
        score: float | None = None
        badge: str | None = None
        if node_id in statuses:
            status, score, badge = statuses[node_id]
        _, height = _size(lines, size, bold, 1 if badge else 0)
        level = LEVELS[data["kind"]]
        nodes.append(
            MapNode(
                id=node_id,
                element=node_id,
                kind=data["kind"],
                level=level,
                name=data["name"],
                lines=lines,
                width=round(column_width[level], 2),
                height=height,
                bold=bold,
                badge=badge,
                status=status,
                score=score,
            )
        )
    map_edges = [
        MapEdge(
            source=u,
            target=v,
            weight=None if implied or disbenefit else graph.edges[u, v]["weight"],
            style="implied" if implied else "contributes",
            disbenefit=disbenefit,
            note=None if implied else _link_note(graph.edges[u, v], options.assumptions, lang),
        )
        for u, v, implied in edges
        for disbenefit in [graph.nodes[u]["kind"] == "disbenefit"]
    ]
    note_size = max(NOTE_SIZE, min_text)
    # a mitigation is its own arrow between two shown boxes, never implied
    shown_set = set(shown)
    map_edges += [
        MapEdge(u, v, None, "mitigates", note=_link_note(data, options.assumptions, lang))
        for u, v, data in links
        if u in shown_set and v in shown_set
    ]
    if options.assumptions:
        for node_id in shown:
            element = elements[node_id]
            if not element.assumptions:
                continue
            text = "\n".join(f"• {theme.clean_text(a)}" for a in element.assumptions)
            lines = theme.wrap(text, wrap, note_size)
            width, height = _size(lines, note_size, False)
            note_id = f"~note~{node_id}"
            level = LEVELS[element.kind]
            nodes.append(
                MapNode(
                    note_id,
                    node_id,
                    "assumption",
                    level,
                    text,
                    lines,
                    round(column_width[level], 2),
                    height,
                    note_size,
                )
            )
            map_edges.append(MapEdge(node_id, note_id, None, "note"))
    clusters = _clusters(plan, graph, shown, options.group_by)
    subtitle = _subtitle(plan, lang, evaluation)
    if focus is not None:
        name = theme.clean_text(graph.nodes[focus]["name"]).replace("\n", " ")
        subtitle += f" · {t('focus_on', lang)}: {name}"
    return MapView(
        title=theme.clean_text(plan.title).replace("\n", " "),
        subtitle=subtitle,
        language=lang,
        nodes=tuple(nodes),
        edges=tuple(map_edges),
        clusters=clusters,
        evaluated=evaluation is not None,
        min_text=min_text,
    )


def _result(evaluation: EvaluationLike, node_id: str) -> tuple[str, float | None] | None:
    try:
        result = evaluation.element(node_id)
    except KeyError:
        return None
    status = getattr(result, "status", None)
    if status not in theme.STATUS_STYLES:
        return None
    score = getattr(result, "score", None)
    return str(status), None if score is None else float(score)


def _link_note(edge: dict[str, object], assumptions: bool, language: str) -> str | None:
    """A link's note on the map: its note, and with ``assumptions`` shown its
    assumptions after it (``Forutsetninger: ...``), as elements' are shown beside them."""
    note = edge.get("note")
    parts = [str(note)] if note else []
    held = cast("tuple[str, ...]", edge.get("assumptions", ()))
    if assumptions and held:
        listed = "; ".join(theme.clean_text(a) for a in held)
        parts.append(f"{t('assumptions', language)}: {listed}")
    return " ".join(parts) if parts else None


def _subtitle(plan: Plan, language: str, evaluation: EvaluationLike | None) -> str:
    parts = [t("benefit_map", language)]
    if plan.info.organisation:
        parts.append(theme.clean_text(plan.info.organisation).replace("\n", " "))
    at = getattr(evaluation, "at", None) if evaluation is not None else None
    if isinstance(at, dt.date):
        parts.append(f"{t('evaluated_at', language)} {at.isoformat()}")
    return " · ".join(parts)


def _clusters(
    plan: Plan, graph: nx.DiGraph, shown: list[str], group_by: str | None
) -> tuple[MapCluster, ...]:
    if group_by is None:
        return ()
    groups: dict[str, list[str]] = {}
    labels: dict[str, str] = {}
    if group_by == "owner":
        names = {s.id: s.name for s in plan.stakeholders}
        for element in plan.elements():
            owner = getattr(element, "owner", None)
            if element.id in shown and owner:
                groups.setdefault(owner, []).append(element.id)
                labels[owner] = theme.clean_text(names.get(owner, owner)).replace("\n", " ")
    else:
        goals = {n for n in graph.nodes if graph.nodes[n]["kind"] == "goal"}
        for node_id in shown:
            if graph.nodes[node_id]["kind"] == "goal":
                groups.setdefault(node_id, []).append(node_id)
                continue
            # the goals reached first, not through another goal
            reached = _first_goals(graph, node_id, goals)
            if len(reached) == 1:
                groups.setdefault(reached.pop(), []).append(node_id)
        for goal in groups:
            labels[goal] = theme.clean_text(graph.nodes[goal]["name"]).replace("\n", " ")
    order = {n: i for i, n in enumerate(shown)}
    return tuple(
        MapCluster(key, labels[key], tuple(sorted(members, key=order.__getitem__)))
        for key, members in sorted(groups.items())
    )


def _first_goals(graph: nx.DiGraph, start: str, goals: set[str]) -> set[str]:
    """The goals reached from ``start`` on paths that pass through no other goal."""
    found: set[str] = set()
    seen = {start}
    stack = [start]
    while stack:
        for nxt in graph.successors(stack.pop()):
            if nxt in seen:
                continue
            seen.add(nxt)
            if nxt in goals:
                found.add(nxt)
            else:
                stack.append(nxt)
    return found
