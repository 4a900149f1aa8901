"""The options of one map, and the view and layout made from them once.

A :class:`MapRequest` is what every map format and every slide of a map starts from:
the plan, what to show (focus, kinds, depth, grouping, language, assumptions, status
from an evaluation), and, made on demand and kept, the view (:mod:`gevinst.layout.view`)
and the layout (:mod:`gevinst.layout.geometry`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from gevinst.layout.geometry import Layout, layout_view
from gevinst.layout.view import EvaluationLike, MapView, map_view

if TYPE_CHECKING:
    from gevinst.model import Plan

__all__ = ["MapRequest"]


@dataclass
class MapRequest:
    """A plan with the view options of one map; view and layout are made once, on demand."""

    plan: Plan
    evaluation: EvaluationLike | None = None
    focus: str | None = None
    kinds: tuple[str, ...] | None = None
    depth: int | None = None
    group_by: str | None = None
    language: str | None = None
    assumptions: bool = False
    _view: MapView | None = field(default=None, repr=False)
    _layout: Layout | None = field(default=None, repr=False)

    def view(self) -> MapView:
        """What the map shows (elements, wrapped labels, sizes)."""
        if self._view is None:
            self._view = map_view(
                self.plan,
                evaluation=self.evaluation,
                focus=self.focus,
                kinds=self.kinds,
                depth=self.depth,
                group_by=self.group_by,
                language=self.language,
                assumptions=self.assumptions,
            )
        return self._view

    def layout(self) -> Layout:
        """Where everything goes (Graphviz runs here, once)."""
        if self._layout is None:
            self._layout = layout_view(self.view())
        return self._layout
