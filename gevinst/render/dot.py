"""The benefit map as Graphviz DOT source (``.dot``).

The same source :mod:`gevinst.layout` lays out: left to right, one rank per level,
boxes sized to their wrapped labels, coloured by kind (or status). Run it with
``dot -Tsvg map.dot`` to restyle the map in Graphviz. Every label is escaped: quotes,
backslashes and ``<...>`` in names stay plain text.

Example:
    >>> import gevinst as gv
    >>> from gevinst.render import render_bytes
    >>> plan = gv.Plan.new("p", "Demo")
    >>> _ = plan.add_goal("G1", 'Sagt "hei" <b>')
    >>> 'label="Sagt \\\\"hei\\\\" <b>"' in render_bytes(plan, "dot").decode()
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gevinst.render import MapRequest

__all__ = ["render_dot"]


def render_dot(request: MapRequest) -> bytes:
    """The DOT source of a request's map (UTF-8)."""
    from gevinst.layout import to_dot

    return to_dot(request.view()).encode("utf-8")
