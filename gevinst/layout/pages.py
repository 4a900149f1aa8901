"""A large map cut into printable pages: an overview, then a page per goal or a band each.

A map that fits one A3 landscape sheet with its box labels at 9 pt or more (the two
examples) stays one page, as it was. A larger one is printed as pages of A3
landscape (:data:`A3`):

1. an overview: the goals and objectives only, with the arrows between them;
2. per goal, in plan order, the goal with everything that feeds it (``focus``); or,
   when the goals share so much of their chains that the pages of all goals would
   show more than :data:`SHARED` times the boxes of the map, the whole map (its
   columns ordered so that the elements of one goal sit together) in bands, with
   keys ``part``, ``part-2``...

What does not fit one page (a goal of a large programme, the overview of many
objectives, a map with ``focus`` or without goals) is cut into bands, top to bottom,
between rows of boxes (never through a box), one page each. Pages of goals rather
than of objectives: in a programme whose benefits serve several objectives, each
objective's chain is nearly the goal's, and pages per objective repeat the same boxes
(52 pages for the generated 400-element plan, 30 per goal, 13 in bands).

Every page is laid out on its own by Graphviz, and shown at one scale (layout points
to page points, at most 1) that keeps each box label at :data:`MIN_LABEL` points or
more. Pages are plain data (:class:`Page`); :mod:`gevinst.render.mpl` draws them.

Examples:
    >>> import gevinst as gv
    >>> from gevinst.layout.pages import paginate
    >>> from gevinst.layout.request import MapRequest
    >>> plan = gv.Plan.new("p", "Demo")
    >>> _ = plan.add_goal("G1", "Mål")
    >>> paginate(MapRequest(plan))  # a small map stays one page
    ()
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gevinst.layout.geometry import Layout, layout_view
from gevinst.layout.view import MapView, map_view

if TYPE_CHECKING:
    from gevinst.layout.request import MapRequest

__all__ = ["A3", "FOOTER", "MIN_LABEL", "SHARED", "Page", "fits", "page_scale", "paginate"]

#: A3 landscape, in points (420 x 297 mm).
A3 = (1190.55, 841.89)
#: The smallest box label on a printed page, in points.
MIN_LABEL = 9.0
#: Points at the foot of a page for its number.
FOOTER = 22.0
#: Pages per goal while all goals' chains together hold at most this many times the
#: boxes of the map (the generated 400-element plan: 666 boxes for 400, 1.67).
SHARED = 1.5


@dataclass(frozen=True)
class Page:
    """One printed page: the part ``top..bottom`` (layout points) of ``layout``.

    ``key`` names the page: ``overview``, the id of its goal, ``part`` (the whole map), and
    ``-2``, ``-3``... after it for the further bands of one that is cut. ``scale``
    is page points per layout point. ``number`` counts from 1, of ``count``.
    """

    key: str
    layout: Layout
    top: float
    bottom: float
    scale: float
    number: int = 1
    count: int = 1


def _smallest_label(lay: Layout) -> float:
    """The smallest box label: the names of elements (assumption notes are smaller)."""
    sizes = [n.font_size for n in lay.nodes if n.kind != "assumption"]
    return min(sizes, default=MIN_LABEL)


def page_scale(lay: Layout, size: tuple[float, float] = A3) -> float:
    """The scale that fits the width of ``lay`` on a page (never more than 1)."""
    return min(1.0, size[0] / lay.width)


def fits(lay: Layout, size: tuple[float, float] = A3, footer: float = 0.0) -> bool:
    """Whether all of ``lay`` fits one page with box labels of :data:`MIN_LABEL` pt or more."""
    scale = min(1.0, size[0] / lay.width, (size[1] - footer) / lay.height)
    return _smallest_label(lay) * scale >= MIN_LABEL - 1e-9


def paginate(request: MapRequest, size: tuple[float, float] = A3) -> tuple[Page, ...]:
    """The pages of a large map, in order; ``()`` when the map fits one page as it is.

    Raises:
        RenderError: Graphviz failed.
    """
    whole = request.layout()
    if fits(whole, size):
        return ()
    options = request.options
    plan = request.plan
    view = request.view()
    goals = [n.id for n in view.nodes if n.kind == "goal"]
    pages: list[Page] = []
    if options.focus is not None or not goals:
        pages += _bands("part", whole, size)
    else:
        chosen = options.kinds or ("objective", "goal")
        kinds = tuple(k for k in ("objective", "goal") if k in chosen)
        overview = layout_view(map_view(plan, dataclasses.replace(options, kinds=kinds)))
        pages += _bands("overview", overview, size)
        # goals that share most of their chains would repeat the same boxes page
        # after page: then the whole map, ordered by goal, in bands
        shown = sum(_chain_size(view, goal) for goal in goals)
        if shown <= SHARED * len(view.nodes):
            pages += [p for goal in goals for p in _bands(goal, _focused(request, goal), size)]
        else:
            pages += _bands("part", whole, size)
    count = len(pages)
    return tuple(dataclasses.replace(p, number=i, count=count) for i, p in enumerate(pages, 1))


def _chain_size(view: MapView, goal: str) -> int:
    """How many boxes the page of ``goal`` shows: it and everything that feeds it."""
    feeders: dict[str, list[str]] = {}
    for edge in view.edges:
        feeders.setdefault(edge.target, []).append(edge.source)
    seen = {goal}
    stack = [goal]
    while stack:
        for source in feeders.get(stack.pop(), []):
            if source not in seen:
                seen.add(source)
                stack.append(source)
    return len(seen)


def _focused(request: MapRequest, element: str) -> Layout:
    options = dataclasses.replace(request.options, focus=element, depth=None)
    return layout_view(map_view(request.plan, options))


def _bands(key: str, lay: Layout, size: tuple[float, float]) -> list[Page]:
    """``lay`` as one page, or cut into bands between rows of boxes when it is too tall."""
    # a map wider than a page at 9 pt (long unbreakable words) is fitted to its width
    scale = page_scale(lay, size)
    room = (size[1] - FOOTER) / scale  # layout points of height per page
    if lay.height <= room:
        return [Page(key, lay, 0.0, lay.height, scale)]
    boxes = sorted((n.top, n.bottom) for n in lay.nodes)
    pages: list[Page] = []
    top = 0.0
    while lay.height - top > room:
        limit = top + room
        cut = top
        # the lowest gap between boxes above the limit: no box crosses a cut
        reach = top
        for box_top, box_bottom in boxes:
            if box_top >= limit:
                break
            if box_top > reach and box_top - 4 > top:
                cut = box_top - 4
            reach = max(reach, box_bottom)
        if reach <= limit:
            cut = max(cut, min(limit, reach + 4))
        if cut <= top:  # one box taller than a page: cut through it
            cut = limit
        pages.append(Page(key if not pages else f"{key}-{len(pages) + 1}", lay, top, cut, scale))
        top = cut
    pages.append(Page(key if not pages else f"{key}-{len(pages) + 1}", lay, top, lay.height, scale))
    return pages
