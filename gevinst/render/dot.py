"""The map as Graphviz DOT source (``.dot``), for people who want to restyle it.

The source is the one the layout runs (:func:`gevinst.layout.dot.to_dot`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gevinst.layout.dot import to_dot

if TYPE_CHECKING:
    from gevinst.layout.request import MapRequest

__all__ = ["render_dot"]


def render_dot(request: MapRequest) -> bytes:
    """The DOT source of a request's map (UTF-8)."""
    return to_dot(request.view()).encode("utf-8")
