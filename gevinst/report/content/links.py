"""The links whose notes say why they hold: what contributes to what, and why."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from gevinst.graph import build_graph

if TYPE_CHECKING:
    from gevinst.report.content.core import ReportCore

__all__ = [
    "LinkRow",
    "link_rows",
]


@dataclass(frozen=True)
class LinkRow:
    """A link whose note says why it holds: ``source`` contributes to ``target``."""

    source: str
    source_name: str
    target: str
    target_name: str
    weight: float | None
    note: str


def link_rows(data: ReportCore) -> list[LinkRow]:
    """The links that carry a note, in plan order (the note as one line of text)."""
    from gevinst.theme import clean_text

    graph = build_graph(data.plan)
    rows = []
    for source, target, attrs in graph.edges(data=True):
        note = clean_text(str(attrs.get("note") or "")).replace("\n", " ")
        if not note:
            continue
        weight = attrs.get("given_weight")
        rows.append(
            LinkRow(
                source=source,
                source_name=data.name_of(source),
                target=target,
                target_name=data.name_of(target),
                weight=None if weight is None else float(weight),
                note=note,
            )
        )
    order = {id: n for n, id in enumerate(e.id for e in data.plan.elements())}
    rows.sort(key=lambda r: order.get(r.source, len(order)))
    return rows
