"""One map to draw: a plan and its options, with the view and layout made from them once.

A :class:`MapRequest` is what every map format (:mod:`gevinst.render`) and every slide
of a map starts from. It sits above :mod:`gevinst.layout.options`, which the view and
the layout read, so the modules of the layout import one another in one direction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from gevinst.layout.geometry import Layout, layout_view, run_dot, to_dot
from gevinst.layout.options import MapOptions
from gevinst.layout.view import MapView, map_view

if TYPE_CHECKING:
    from gevinst.model import Plan

__all__ = ["MapRequest"]


@dataclass
class MapRequest:
    """A plan with the options of one map; view and layout are made once, on demand.

    ``page`` picks one printed page of a large map where a format shows one page
    (PNG): its number from 1 (the overview) or its key, a goal or objective id (see
    :mod:`gevinst.layout.pages`); ``None``: the first.
    """

    plan: Plan
    options: MapOptions = field(default_factory=MapOptions)
    page: str | None = None
    _view: MapView | None = field(default=None, repr=False)
    _layout: Layout | None = field(default=None, repr=False)
    _graphs: dict[tuple[object, ...], bytes] = field(default_factory=dict, repr=False)

    def view(self) -> MapView:
        """What the map shows (elements, wrapped labels, sizes)."""
        if self._view is None:
            self._view = map_view(self.plan, self.options)
        return self._view

    def layout(self) -> Layout:
        """Where everything goes (Graphviz runs here, once)."""
        if self._layout is None:
            self._layout = self.lay_out(self.view())
        return self._layout

    def lay_out(self, view: MapView) -> Layout:
        """The layout of ``view``, another view of this map (a printed page); Graphviz
        runs once for views that draw the same graph (they differ in small texts only)."""
        key = (view.title, view.nodes, view.edges, view.clusters)  # all that to_dot reads
        if key not in self._graphs:
            self._graphs[key] = run_dot(to_dot(view), "json0")
        return layout_view(view, self._graphs[key])
