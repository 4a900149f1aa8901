"""The benefit map as Graphviz DOT source (``.dot``), built as pure text.

:func:`to_dot` writes the source with the ``graphviz`` package; it is what
:mod:`gevinst.layout.geometry` hands to Graphviz, and what the ``.dot`` format writes: left to
right, one rank per level, boxes sized to their wrapped labels, coloured by kind (or
status). Run it with
``dot -Tsvg map.dot`` to restyle the map in Graphviz. Every label is escaped: quotes,
backslashes and ``<...>`` in names stay plain text.

Examples:
    >>> import gevinst as gv
    >>> from gevinst.render import render_bytes
    >>> plan = gv.Plan.new("p", "Demo")
    >>> _ = plan.add_goal("G1", 'Sagt "hei" <b>')
    >>> 'label="Sagt \\\\"hei\\\\" <b>"' in render_bytes(plan, "dot").decode()
    True
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

import gevinst.theme as theme
from gevinst.i18n.words import t

if TYPE_CHECKING:
    from gevinst.layout.view import MapView

__all__ = ["RANKSEP", "to_dot"]

#: Inches between two columns (Graphviz's ``ranksep``): the gutter the arrows run in.
RANKSEP = 0.9


def to_dot(view: MapView) -> str:
    """The DOT source of a map view (pure text; the ``.dot`` output format)."""
    import graphviz

    big = len(view.nodes) > 400
    graph = graphviz.Digraph(
        "gevinstkart",
        graph_attr={
            "rankdir": "LR",
            "newrank": "true",
            "ranksep": _num(RANKSEP),
            "nodesep": "0.16",
            "label": _dot_text([view.title]),
            "labelloc": "t",
            "fontname": "DejaVu Sans",
            "fontsize": "18",
            "outputorder": "edgesfirst",
            **({"mclimit": "0.3", "nslimit": "2", "nslimit1": "2"} if big else {}),
            # from the order worked out here, two more rounds of Graphviz's own
            # crossing minimisation: fewer crossings and long arrows (docs/maps.md)
            **({"mclimit": "2"} if _ORDER_FROM <= len(view.nodes) <= 400 else {}),
            # Graphviz 2.43 (Debian's) orders clustered maps differently from run to run
            # in its second crossing pass; without it, the same plan gives the same map
            **({"remincross": "false"} if view.clusters else {}),
        },
        node_attr={
            "shape": "box",
            "fixedsize": "true",
            "fontname": "DejaVu Sans",
            "fontsize": _num(theme.FONT_SIZE),
        },
        edge_attr={"arrowsize": "0.7", "color": theme.EDGE_COLOUR},
    )
    by_level = _ordered_levels(view)
    levels = sorted(by_level)
    for level in levels:
        with graph.subgraph() as rank:
            rank.attr(rank="same")
            rank.node(_spine(level), style="invis", shape="point", width="0.01", height="0.01")
            for node_id in by_level[level]:
                rank.node(node_id)
    for first, second in itertools.pairwise(levels):
        graph.edge(_spine(first), _spine(second), style="invis")
    members: dict[str, str] = {}
    for cluster in view.clusters:
        for member in cluster.members:
            members[member] = cluster.id
    for index, cluster in enumerate(view.clusters):
        with graph.subgraph(name=f"cluster_{index}") as sub:
            sub.attr(
                label=_dot_text([cluster.label]),
                style="rounded,filled",
                fillcolor=theme.CLUSTER_FILL,
                color=theme.CLUSTER_STROKE,
                fontsize="11",
                labeljust="l",
            )
            for member in cluster.members:
                sub.node(member)
    for node in view.nodes:
        kind = theme.KIND_STYLES[node.kind]
        styles = (
            ["filled"] + (["rounded"] if kind.rounded else []) + (["dashed"] if kind.dashed else [])
        )
        fill = kind.fill
        if node.status is not None:
            fill = theme.STATUS_STYLES[node.status].fill
        graph.node(
            node.id,
            label=_dot_text([*node.lines, *([node.badge] if node.badge else [])]),
            width=_num(node.width / 72, 4),
            height=_num(node.height / 72, 4),
            style=",".join(styles),
            fillcolor=fill,
            color=kind.stroke,
            penwidth=_num(kind.stroke_width),
            fontsize=_num(node.font_size),
            **({"fontname": "DejaVu Sans Bold"} if node.bold else {}),
        )
    for edge in view.edges:
        attrs = {"penwidth": _num(theme.edge_width(edge.weight))}
        if edge.style == "note":
            attrs.update(arrowhead="none", style="dashed", color=theme.NOTE_STROKE)
        elif edge.style == "implied":
            attrs.update(style="dotted")
        elif edge.style == "mitigates":
            # not a contribution: dashed, a flat bar for a head, and the word on it
            word = t("mitigates", view.language)
            label = _dot_text([word])
            attrs.update(style="dashed", arrowhead="tee", tooltip=label, xlabel=label, fontsize="8")
        if edge.disbenefit:
            attrs.update(style="dashed", color=theme.DISBENEFIT_EDGE)
        if edge.weight is not None and edge.style == "contributes":
            attrs["weight"] = str(1 + round(edge.weight * 4))
        note = _one_line(edge.note or "") if edge.style in ("contributes", "mitigates") else ""
        if note and edge.style == "mitigates":
            text = f"{t('mitigates', view.language)}: {note}"
            attrs.update(tooltip=_dot_text([text]), xlabel=_dot_text([text]))
        elif note:
            # an external label is placed after the layout, so it moves no box or arrow
            attrs.update(tooltip=_dot_text([note]), xlabel=_dot_text([note]), fontsize="8")
        graph.edge(edge.source, edge.target, **attrs)
    source: str = graph.source
    return source


def _ordered_levels(view: MapView) -> dict[int, list[str]]:
    """The boxes of each column, top to bottom, in an order with few crossings.

    Graphviz starts its crossing minimisation from the order the nodes are declared
    in and, on maps of hundreds of boxes, stops far from a good order (elements of
    different goals interleave, and arrows run the length of the map). So the order
    is worked out here first, the barycentre way (Sugiyama): columns in plan order,
    then sweeps right to left and left to right, each box moved to the mean position
    of its neighbours in the column before; the order with the fewest crossings
    between neighbouring columns is kept. Ties keep plan order, so the result is
    deterministic.
    """
    by_level: dict[int, list[str]] = {}
    level_of: dict[str, int] = {}
    for node in view.nodes:
        by_level.setdefault(node.level, []).append(node.id)
        level_of[node.id] = node.level
    levels = sorted(by_level)
    if len(view.nodes) < _ORDER_FROM:
        return by_level
    before: dict[str, list[str]] = {n: [] for n in level_of}
    after: dict[str, list[str]] = {n: [] for n in level_of}
    for edge in view.edges:
        a, b = edge.source, edge.target
        if a not in level_of or b not in level_of or level_of[a] == level_of[b]:
            continue
        if level_of[a] > level_of[b]:
            a, b = b, a
        after[a].append(b)
        before[b].append(a)
    pos: dict[str, float] = {}

    def place(order: list[str]) -> None:
        for i, n in enumerate(order):
            pos[n] = (i + 0.5) / len(order)

    def sort_by(level: int, side: dict[str, list[str]]) -> None:
        def key(n: str) -> tuple[float, float]:
            near = side[n]
            return (sum(pos[m] for m in near) / len(near) if near else pos[n], pos[n])

        by_level[level] = sorted(by_level[level], key=key)
        place(by_level[level])

    for level in levels:
        place(by_level[level])
    best = {level: list(order) for level, order in by_level.items()}
    fewest = _crossings(by_level, levels, after)
    for _ in range(_SWEEPS):
        for level in reversed(levels[:-1]):
            sort_by(level, after)
        for level in levels[1:]:
            sort_by(level, before)
        count = _crossings(by_level, levels, after)
        if count < fewest:
            fewest, best = count, {level: list(order) for level, order in by_level.items()}
    return best


_ORDER_FROM = 60  # boxes; smaller maps keep plan order, which Graphviz orders well
_SWEEPS = 6


def _crossings(
    by_level: dict[int, list[str]], levels: list[int], after: dict[str, list[str]]
) -> int:
    """Crossings between arrows joining neighbouring columns, for the order given."""
    import bisect

    total = 0
    for first, second in itertools.pairwise(levels):
        index = {n: i for i, n in enumerate(by_level[second])}
        pairs = sorted(
            (i, index[m]) for i, n in enumerate(by_level[first]) for m in after[n] if m in index
        )
        seen: list[int] = []
        for _, j in pairs:
            at = bisect.bisect_right(seen, j)
            total += len(seen) - at
            seen.insert(at, j)
    return total


def _one_line(text: str) -> str:
    return theme.clean_text(text).replace("\n", " ")


def _spine(level: int) -> str:
    return f"~level{level}"


def _num(value: float, digits: int = 2) -> str:
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return text or "0"


def _dot_text(lines: Sequence[str]) -> str:
    """A DOT label from lines: backslashes, quotes and ``<...>`` made literal."""
    import graphviz

    joined = "\\n".join(graphviz.escape(line) for line in lines)
    literal: str = graphviz.nohtml(joined)  # a str that is never read as an HTML label
    return literal
