"""The benefit map as a graph (SPEC section 2) and the questions asked of it.

:func:`build_graph` turns a :class:`~gevinst.model.Plan` into a ``networkx.DiGraph``
whose nodes are element ids (attributes ``kind``, ``level``, ``name``) and whose edge
``u -> v`` means "u contributes to v", with the resolved ``weight``: u's share of v.

:class:`BenefitMap` holds a plan and its graph and answers: who contributes to what,
which benefits are intermediate and which are end benefits, the paths from an element
up to the goals (:func:`trace`), and what is supported without an element
(:meth:`BenefitMap.supported`, which :mod:`gevinst.analysis.impact` builds on).

Examples:
    >>> import gevinst as gv
    >>> plan = gv.Plan.new("p", "P")
    >>> _ = plan.add_goal("G1", "Mål")
    >>> _ = plan.add_benefit("B1", "Gevinst", contributes_to=["G1"])
    >>> _ = plan.add_measure("M1", "Tiltak", contributes_to=["B1"])
    >>> gv.trace(plan, "M1").up
    [('M1', 'B1', 'G1')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import networkx as nx

from gevinst.i18n.html import Cell, html_table
from gevinst.i18n.words import t
from gevinst.model import LEVELS, Disbenefit, MapElement, Plan

__all__ = [
    "ALLOWED_SAME_LEVEL",
    "BenefitMap",
    "Trace",
    "build_graph",
    "mitigations",
    "neighbourhood",
    "reach_graph",
    "resolve_weights",
    "trace",
]

#: Edges that may stay on one level: (kind of u, kind of v).
ALLOWED_SAME_LEVEL = frozenset(
    {
        ("benefit", "benefit"),
        ("disbenefit", "benefit"),
        ("objective", "objective"),
        ("goal", "goal"),
    }
)

#: At most this many paths are listed by :func:`trace` in each direction.
MAX_PATHS = 10_000


def resolve_weights(
    given: list[tuple[str, float | None]],
) -> dict[str, float]:
    """Resolve the weights of the (non-disbenefit) edges into one target.

    ``given`` holds (source id, weight or None). Given weights stand; edges without a
    weight share what is left of 1 equally; where no edge has a weight, all share
    equally. Over-full targets (given weights above 1: GV005) leave 0 to share.

    >>> resolve_weights([("a", 0.5), ("b", None), ("c", None)])
    {'a': 0.5, 'b': 0.25, 'c': 0.25}
    """
    if not given:
        return {}
    unweighted = [source for source, weight in given if weight is None]
    total = sum(weight for _, weight in given if weight is not None)
    rest = max(0.0, 1.0 - total)
    share = rest / len(unweighted) if unweighted else 0.0
    return {source: (share if weight is None else weight) for source, weight in given}


def build_graph(plan: Plan) -> nx.DiGraph:
    """The benefit map of ``plan`` as a ``networkx.DiGraph`` (SPEC section 2).

    Broken references and repeated ids are left out (``check`` reports them), so a
    graph can be built from any plan that loads.
    """
    graph = nx.DiGraph(id=plan.id, title=plan.title)
    elements: dict[str, MapElement] = {}
    for element in plan.elements():
        elements.setdefault(element.id, element)
    graph.add_nodes_from(
        (id, {"kind": e.kind, "level": LEVELS[e.kind], "name": e.name})
        for id, e in elements.items()
    )
    edges: dict[tuple[str, str], dict[str, object]] = {}
    incoming: dict[str, list[tuple[str, float | None]]] = {}
    for source, element in elements.items():
        for link in element.contributes_to:
            key = (source, link.to)
            if link.to not in elements or link.to == source or key in edges:
                continue
            edges[key] = {
                "weight": 0.0,
                "note": link.note,
                "given_weight": link.weight,
                "assumptions": tuple(link.assumptions),
            }
            if not isinstance(element, Disbenefit):
                incoming.setdefault(link.to, []).append((source, link.weight))
    for target, given in incoming.items():
        for source, weight in resolve_weights(given).items():
            edges[source, target]["weight"] = weight
    graph.add_edges_from((u, v, data) for (u, v), data in edges.items())
    return graph


def mitigations(plan: Plan) -> list[tuple[str, str, dict[str, object]]]:
    """The mitigations of ``plan``: ``(measure or change, dis-benefit, data)``, in plan order.

    A mitigation (``mitigates: [D1]``) is a relation of its own, not a contribution,
    so it is not an edge of :func:`build_graph`'s graph: it adds to no score, no trace
    and no weight. ``data`` holds ``relation`` (``"mitigates"``), ``note`` and
    ``assumptions``. Targets that are unknown or not dis-benefits are left out
    (``check`` reports them: GV002, GV008).

    >>> import gevinst as gv
    >>> plan = gv.Plan.new("p", "P")
    >>> _ = plan.add_disbenefit("D1", "Mer rapportering")
    >>> _ = plan.add_measure("M1", "Ny mal", mitigates=["D1"])
    >>> [(u, v) for u, v, _ in mitigations(plan)]
    [('M1', 'D1')]
    """
    kinds: dict[str, str] = {}
    for element in plan.elements():
        kinds.setdefault(element.id, element.kind)
    found: dict[tuple[str, str], dict[str, object]] = {}
    for section in (plan.changes, plan.measures):
        for element in section:
            for link in element.mitigates:
                key = (element.id, link.to)
                if kinds.get(link.to) != "disbenefit" or key in found:
                    continue
                found[key] = {
                    "relation": "mitigates",
                    "note": link.note,
                    "assumptions": tuple(link.assumptions),
                }
    return [(u, v, data) for (u, v), data in found.items()]


def reach_graph(graph: nx.DiGraph, links: list[tuple[str, str, dict[str, object]]]) -> nx.DiGraph:
    """A copy of the contribution ``graph`` with each mitigation in ``links`` (from
    :func:`mitigations`) as one more step: what a focused map and a deck's slide reach,
    so that a dis-benefit is shown with what mitigates it. Never for scores or traces.

    >>> import gevinst as gv
    >>> plan = gv.Plan.new("p", "P")
    >>> _ = plan.add_disbenefit("D1", "Mer rapportering")
    >>> _ = plan.add_measure("M1", "Ny mal", mitigates=["D1"])
    >>> graph = build_graph(plan)
    >>> sorted(reach_graph(graph, mitigations(plan)).edges), sorted(graph.edges)
    ([('M1', 'D1')], [])
    """
    reach = graph.copy()
    reach.add_edges_from((u, v) for u, v, _ in links)
    return reach


@dataclass(frozen=True)
class Trace:
    """The paths through one element: ``up`` to the top of the map, ``down`` from measures.

    Iterating over a trace gives the paths up, each as a list of ids (SPEC section 5).
    Each path in ``up`` and ``down`` is a tuple of ids. ``up`` paths start at the
    element and end at a goal (or the highest element reached); ``down`` paths start at
    a measure (or another element with nothing feeding it) and end at the element.
    ``truncated`` is true when more than :data:`MAX_PATHS` paths exist in a direction.
    """

    element: str
    up: list[tuple[str, ...]]
    down: list[tuple[str, ...]]
    truncated: bool = False
    #: The name of each element on the paths, and the plan's language (for display).
    names: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    language: str = field(default="nb", compare=False, repr=False)

    def _repr_html_(self) -> str:
        """The paths as a table, so a trace shows itself in Jupyter (ids and names)."""
        lang = self.language

        def show(path: tuple[str, ...]) -> str:
            return " → ".join(f"{n} ({self.names[n]})" if n in self.names else n for n in path)

        rows: list[list[Cell]] = []
        for key, paths in (("trace_up", self.up), ("trace_down", self.down)):
            heading = t(key, lang).format(n=len(paths))
            rows += [[heading if i == 0 else "", show(p)] for i, p in enumerate(paths)]
            if not paths:
                rows.append([heading, ""])
        caption = t("html_trace", lang).format(
            element=self.element, name=self.names.get(self.element, self.element)
        )
        note = t("trace_truncated", lang) if self.truncated else None
        header = [t("direction", lang), t("path", lang)]
        return html_table(caption, header, rows, note=note, more=t("html_rows_left_out", lang))

    def __iter__(self) -> Iterator[list[str]]:
        """The paths up to the goals, each a list of ids from the element to the top.

        Examples:
            >>> import gevinst as gv
            >>> plan = gv.Plan.new("p", "P")
            >>> _ = plan.add_goal("G1", "Mål")
            >>> _ = plan.add_benefit("B1", "Gevinst", contributes_to=["G1"])
            >>> list(gv.trace(plan, "B1"))
            [['B1', 'G1']]
        """
        return (list(path) for path in self.up)

    @property
    def goals(self) -> list[str]:
        """The tops reached going up, sorted."""
        return sorted({path[-1] for path in self.up})

    @property
    def measures(self) -> list[str]:
        """The bottoms feeding the element, sorted."""
        return sorted({path[0] for path in self.down})


class BenefitMap:
    """A plan with its graph, and the questions asked of the map.

    Holds an ``nx.DiGraph`` (composition, not inheritance); every query is a plain
    method or a free function over it.
    """

    def __init__(self, plan: Plan, graph: nx.DiGraph | None = None) -> None:
        self.plan = plan
        self.graph = graph if graph is not None else build_graph(plan)

    def __contains__(self, id: object) -> bool:
        return id in self.graph

    def kind(self, id: str) -> str:
        """The kind of element ``id``: measure, change, benefit, ... ."""
        kind: str = self.graph.nodes[id]["kind"]
        return kind

    def nodes_of(self, *kinds: str) -> list[str]:
        """Ids of the elements of the given kinds, in plan order."""
        return [n for n, kind in self.graph.nodes(data="kind") if kind in kinds]

    def contributors(self, id: str) -> list[str]:
        """The elements with an arrow into ``id``, sorted."""
        return sorted(self.graph.predecessors(id))

    def contributes_to(self, id: str) -> list[str]:
        """The elements ``id`` has an arrow to, sorted."""
        return sorted(self.graph.successors(id))

    def is_intermediate(self, id: str) -> bool:
        """A benefit that contributes to another benefit (mellomliggende gevinst)."""
        return self.kind(id) == "benefit" and any(
            self.kind(v) == "benefit" for v in self.graph.successors(id)
        )

    def is_end(self, id: str) -> bool:
        """A benefit that reaches an objective or a goal directly (sluttgevinst)."""
        return self.kind(id) == "benefit" and any(
            self.kind(v) in ("objective", "goal") for v in self.graph.successors(id)
        )

    def intermediate_benefits(self) -> list[str]:
        """Benefits that feed other benefits, in plan order."""
        return [n for n in self.nodes_of("benefit") if self.is_intermediate(n)]

    def end_benefits(self) -> list[str]:
        """Benefits that reach an objective or goal directly, in plan order."""
        return [n for n in self.nodes_of("benefit") if self.is_end(n)]

    def reaches_top(self, id: str) -> bool:
        """True when ``id`` reaches at least one objective or goal."""
        return any(self.kind(n) in ("objective", "goal") for n in nx.descendants(self.graph, id))

    def supported(self, without: Iterable[str] = ()) -> set[str]:
        """Elements fed (directly or not) by a measure, optionally with some removed."""
        removed = set(without)
        graph = self.graph
        if removed:
            graph = nx.restricted_view(self.graph, removed, [])
        seen: set[str] = set()
        stack = [n for n in graph if self.kind(n) == "measure"]
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            stack.extend(graph.successors(node))
        return seen

    def neighbourhood(self, id: str, depth: int | None = None) -> set[str]:
        """``id`` with everything that feeds it and everything it feeds (up to ``depth``)."""
        return neighbourhood(self.graph, id, depth)


def neighbourhood(graph: nx.DiGraph, id: str, depth: int | None = None) -> set[str]:
    """``id`` with everything that feeds it and everything it feeds, at most ``depth``
    steps away (any distance without ``depth``): what a focused map shows."""
    if depth is None:
        related: set[str] = nx.ancestors(graph, id) | nx.descendants(graph, id)
        return {id} | related
    up = nx.single_source_shortest_path_length(graph, id, cutoff=depth)
    down = nx.single_source_shortest_path_length(graph.reverse(copy=False), id, depth)
    return set(up) | set(down)


def _paths(graph: nx.DiGraph, sources: list[str], targets: list[str]) -> Iterator[list[str]]:
    for source in sources:
        for target in targets:
            if source == target:
                yield [source]
            else:
                yield from nx.all_simple_paths(graph, source, target)


def trace(plan: Plan | BenefitMap, id: str) -> Trace:
    """Every path from element ``id`` up to the goals, and down to the measures.

    Raises:
        KeyError: ``id`` is not an element of the map.
    """
    bmap = plan if isinstance(plan, BenefitMap) else BenefitMap(plan)
    graph = bmap.graph
    if id not in graph:
        raise KeyError(f"{id!r} is not an element of the benefit map")
    above = nx.descendants(graph, id) | {id}
    tops = sorted(n for n in above if graph.out_degree(n) == 0)
    below = nx.ancestors(graph, id) | {id}
    bottoms = sorted(n for n in below if graph.in_degree(n) == 0)
    truncated = False
    up: list[tuple[str, ...]] = []
    for path in _paths(graph, [id], tops):
        if len(up) >= MAX_PATHS:
            truncated = True
            break
        up.append(tuple(path))
    down: list[tuple[str, ...]] = []
    for path in _paths(graph, bottoms, [id]):
        if len(down) >= MAX_PATHS:
            truncated = True
            break
        down.append(tuple(path))
    names = {n: str(graph.nodes[n]["name"]) for n in above | below}
    return Trace(
        element=id,
        up=sorted(up),
        down=sorted(down),
        truncated=truncated,
        names=names,
        language=bmap.plan.language,
    )
