"""What the editor page shows of a plan: the map, the findings, the elements, as JSON data.

The map is the SVG of :mod:`gevinst.render.svg`, laid out by :mod:`gevinst.layout` as
``gevinst render`` lays it out: the same positions, colours and ``data-id`` on every
element. The page puts that SVG in place (it is ours, every label escaped by its
writer) and writes every other text with ``textContent``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gevinst.analysis.checks import check
from gevinst.errors import Said, said_in
from gevinst.graph import build_graph
from gevinst.i18n.formats import format_date
from gevinst.layout.geometry import layout_view
from gevinst.layout.options import MapOptions
from gevinst.layout.request import MapRequest
from gevinst.render.html import readable_width
from gevinst.render.svg import layout_svg
from gevinst.workshop.edits import DATES, FIELDS, SECTIONS

if TYPE_CHECKING:
    from gevinst.layout.geometry import Layout
    from gevinst.layout.view import MapView
    from gevinst.model import Plan
    from gevinst.workshop.document import Snapshot

__all__ = ["LastLayout", "elements", "page_state"]


class LastLayout:
    """The layout of the last map drawn, reused while what the map shows is the same.

    Most edits (an owner, a description, an indicator, a stakeholder) leave the map's
    view as it was; laying it out again (Graphviz and the geometry) is then skipped. A
    layout is a pure function of the view, so an equal view has the same layout.
    """

    def __init__(self) -> None:
        self._last: tuple[MapView, Layout] | None = None

    def of(self, view: MapView) -> Layout:
        """The layout of ``view`` (the last one when ``view`` equals the last view)."""
        last = self._last
        if last is not None and last[0] == view:
            return last[1]
        layout = layout_view(view)
        self._last = (view, layout)
        return layout


def elements(plan: Plan, language: str = "nb") -> list[dict[str, Any]]:
    """Each element the page can edit: its kind and its fields as in the file, and its
    dates as they are shown and typed in ``language`` (31.03.2026 in Norwegian)."""
    out = []
    for kind, section in SECTIONS.items():
        for item in getattr(plan, section):
            data = item.model_dump(mode="json", by_alias=True, exclude_none=True)
            data["kind"] = kind
            data["fields"] = list(FIELDS[kind])
            dates = {}
            for field in DATES:
                value: Any = item
                for part in field.split("."):
                    value = getattr(value, {"from": "from_"}.get(part, part), None)
                if value is not None:
                    dates[field] = format_date(value, language, numeric=True)
            if dates:
                data["dates"] = dates
            out.append(data)
    return out


def page_state(
    snapshot: Snapshot, language: str | None = None, last: LastLayout | None = None
) -> dict[str, Any]:
    """The page's data for one version of the file (JSON-ready), its messages in
    ``language`` (else the plan's); ``last`` keeps the last layout for the next call."""
    plan = snapshot.plan
    said = language or snapshot.language
    state: dict[str, Any] = {
        "version": snapshot.version,
        "error": said_in(snapshot.error, said) if snapshot.error is not None else None,
        "svg": "",
        "svg_width": None,
        "findings": [],
        "elements": [],
    }
    if plan is None:
        return state
    graph = build_graph(plan)
    state["findings"] = [
        {"code": f.code, "severity": f.severity, "element": f.element, "message": f.message}
        for f in check(plan, graph=graph, language=said)
    ]
    state["elements"] = elements(plan, language or plan.info.language)
    try:
        request = MapRequest(plan, MapOptions(language=language))
        lay = last.of(request.view()) if last is not None else request.layout()
        svg = layout_svg(lay, standalone=False)
        state["svg"] = svg
        # as render's page; the page sets it through the DOM (its CSP refuses style="")
        state["svg_width"] = readable_width(svg)
    except Exception as exc:  # noqa: BLE001 - a map that cannot be drawn still lets one edit
        state["error"] = Said("ws_err_map", reason=exc).in_language(said)
    return state
