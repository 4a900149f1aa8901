"""The laid-out map as JSON (``.json``): boxes, routes, headings and legend as data.

For people who draw the map themselves (a web page, a BI tool): the same numbers every
gevinst renderer draws from, in points, origin top-left, y pointing down. The shape is
:class:`gevinst.layout.geometry.Layout` turned into plain objects with
:func:`dataclasses.asdict`.

Examples:
    >>> import json
    >>> import gevinst as gv
    >>> from gevinst.render import render_bytes
    >>> plan = gv.Plan.new("p", "Demo")
    >>> _ = plan.add_goal("G1", "Bergens barn, byens framtid")
    >>> data = json.loads(render_bytes(plan, "json"))
    >>> [node["id"] for node in data["nodes"]]
    ['G1']
"""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gevinst.layout.request import MapRequest

__all__ = ["render_json"]


def render_json(request: MapRequest) -> bytes:
    """The layout of a request's map as UTF-8 JSON (the same map, same bytes)."""
    data = dataclasses.asdict(request.layout())
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
