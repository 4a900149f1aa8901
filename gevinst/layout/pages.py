"""A large map cut into printable pages: an overview, then a page per goal or a band each.

A map that fits one A3 landscape sheet with its box labels at 9 pt or more (the two
examples) stays one page, as it was. A larger one is printed as pages of A3
landscape (:data:`A3`), or of A4 (:data:`A4`, ``MapOptions(paper="A4")``):

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
more. No text of a page is smaller than a box label: assumption notes, the status line,
the legend and the numbers on arrows are laid out at :data:`PRINT_TEXT` points, in
boxes that grow to hold them, so every text prints at 9 pt or more. On A4 the labels
wrap narrower (:func:`wrap_width`) so that the five columns fit the sheet at 9 pt: the
boxes are taller and a page holds fewer of them.

Each page has a title that says which part it is (``Samfunnsmål: ...``,
``Hele kartet (3 av 12)``) and, at its foot, ``Side N av M``; a band that goes on from
the page before repeats the column headings. Pages are plain data (:class:`Page`);
:mod:`gevinst.render.mpl` draws them.

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
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import gevinst.theme as theme
from gevinst.i18n.words import t
from gevinst.layout.dot import RANKSEP
from gevinst.layout.geometry import MARGIN, Layout
from gevinst.layout.options import PAPERS
from gevinst.layout.view import PAD_X, WRAP_WIDTH, MapView, map_view

if TYPE_CHECKING:
    from gevinst.layout.options import MapOptions
    from gevinst.layout.request import MapRequest

__all__ = [
    "A3",
    "A4",
    "FOOTER",
    "HEADER",
    "HEADINGS",
    "MIN_LABEL",
    "PRINT_TEXT",
    "SHARED",
    "Page",
    "fits",
    "page_scale",
    "paginate",
    "wrap_width",
]

#: A3 landscape, in points (420 x 297 mm).
A3 = PAPERS["A3"]
#: A4 landscape, in points (297 x 210 mm).
A4 = PAPERS["A4"]
#: The smallest text on a printed page, in points.
MIN_LABEL = 9.0
#: The smallest text in the layout of a printed page: the size of a box label, which
#: a page shows at :data:`MIN_LABEL` / :data:`PRINT_TEXT` (0.9) of its size or more.
PRINT_TEXT = theme.FONT_SIZE
#: Points at the foot of a page for its number.
FOOTER = 22.0
#: Points at the top of a page for its title (which part of the map it shows).
HEADER = 26.0
#: Layout points for the column headings repeated on a band that goes on from the page
#: before.
HEADINGS = 30.0
#: A band is cut at the lowest gap across the map when that gap is at least this far
#: down the page; else at the foot of the page, the boxes across it going on the next.
CLEAN_CUT = 0.75
#: The narrowest wrap of a label on a narrow sheet, in points (about 12 letters).
MIN_WRAP = 70.0
#: Pages per goal while all goals' chains together hold at most this many times the
#: boxes of the map (the generated 400-element plan: 666 boxes for 400, 1.67).
SHARED = 1.5


@dataclass(frozen=True)
class Page:
    """One printed page: the part ``top..bottom`` (layout points) of ``layout``.

    ``key`` names the page: ``overview``, the id of its goal, ``part`` (the whole map), and
    ``-2``, ``-3``... after it for the further bands of one that is cut. ``scale``
    is page points per layout point. ``number`` counts from 1, of ``count``. ``title``
    says which part of the map the page shows, in the map's language; ``size`` is the
    sheet (landscape width and height, points). A band with ``top > 0`` goes on from
    the page before and repeats the column headings. ``hidden`` are the boxes that
    reach into the band but are shown whole on the page before or after.
    """

    key: str
    layout: Layout
    top: float
    bottom: float
    scale: float
    number: int = 1
    count: int = 1
    title: str = ""
    size: tuple[float, float] = A3
    hidden: frozenset[str] = frozenset()


def wrap_width(columns: int, size: tuple[float, float] = A3) -> float:
    """How wide box labels wrap on a printed page so that ``columns`` columns fit the
    width of the sheet at 9 pt: :data:`~gevinst.layout.view.WRAP_WIDTH` (185) on A3.

    The layout is at most ``size[0] / 0.9`` points wide: the margins, the gutters
    between columns (:data:`~gevinst.layout.dot.RANKSEP`) and the columns, each a label
    and its padding.

    Examples:
        >>> wrap_width(5), wrap_width(5, A4), wrap_width(2, A4)
        (185.0, 107.0, 185.0)
    """
    widest = size[0] * PRINT_TEXT / MIN_LABEL
    column = (widest - 2 * MARGIN - (columns - 1) * RANKSEP * 72) / max(columns, 1)
    return float(max(MIN_WRAP, min(WRAP_WIDTH, math.floor(column - 2 * PAD_X))))


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


def paginate(request: MapRequest, size: tuple[float, float] | None = None) -> tuple[Page, ...]:
    """The pages of a large map, in order; ``()`` when the map fits one page as it is.

    ``size`` is the sheet (landscape, points); by default the request's paper
    (``request.options.paper``, A3 unless asked).

    Raises:
        RenderError: Graphviz failed.
    """
    size = size or PAPERS[request.options.paper]
    whole = request.layout()
    if fits(whole, size):
        return ()
    options = request.options
    view = request.view()
    lang = view.language
    goals = [n.id for n in view.nodes if n.kind == "goal"]
    pages: list[Page] = []
    whole_title = t("page_whole", lang)
    if options.focus is not None or not goals:
        pages += _bands("part", whole_title, _printed(request, options, size), size)
    else:
        chosen = options.kinds or ("objective", "goal")
        kinds = tuple(k for k in ("objective", "goal") if k in chosen)
        overview = _printed(request, dataclasses.replace(options, kinds=kinds), size)
        columns = ", ".join(h.text for h in overview.headings)
        pages += _bands(
            "overview", t("page_overview", lang).format(columns=columns), overview, size
        )
        # goals that share most of their chains would repeat the same boxes page
        # after page: then the whole map, ordered by goal, in bands
        shown = sum(_chain_size(view, goal) for goal in goals)
        if shown <= SHARED * len(view.nodes):
            names = {n.id: theme.clean_text(n.name).replace("\n", " ") for n in view.nodes}
            for goal in goals:
                focused = dataclasses.replace(options, focus=goal, depth=None)
                title = t("page_goal", lang).format(name=names[goal])
                pages += _bands(goal, title, _printed(request, focused, size), size)
        else:
            pages += _bands("part", whole_title, _printed(request, options, size), size)
    count = len(pages)
    return tuple(
        dataclasses.replace(p, number=i, count=count, size=size) for i, p in enumerate(pages, 1)
    )


def _printed(request: MapRequest, options: MapOptions, size: tuple[float, float]) -> Layout:
    """The layout of one part of the map for print: every text at :data:`PRINT_TEXT`
    points or more, labels wrapped to fit the sheet's width at 9 pt.

    When the layout still comes out wider (frames of groups, a long title), the labels
    wrap narrower by the excess, once.
    """
    # the columns of the whole map that the part may show (a goal's part may show fewer)
    chosen = options.kinds
    columns = len({n.level for n in request.view().nodes if not chosen or n.kind in chosen})
    wrap = wrap_width(columns, size)
    lay = request.lay_out(map_view(request.plan, options, min_text=PRINT_TEXT, wrap=wrap))
    widest = size[0] * PRINT_TEXT / MIN_LABEL
    if lay.width > widest + 0.01 and wrap > MIN_WRAP:
        wrap = max(MIN_WRAP, math.floor(wrap - (lay.width - widest) / max(columns, 1)))
        lay = request.lay_out(map_view(request.plan, options, min_text=PRINT_TEXT, wrap=wrap))
    return lay


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


def _bands(key: str, title: str, lay: Layout, size: tuple[float, float]) -> list[Page]:
    """``lay`` as one page, or cut into bands between rows of boxes when it is too tall.

    The first band starts with the layout's own title and column headings; each further
    band has room at its top for the headings, repeated.
    """
    # a map wider than a page at 9 pt (long unbreakable words) is fitted to its width
    scale = page_scale(lay, size)
    first = (size[1] - FOOTER - HEADER) / scale  # layout points of height on a page
    if lay.height <= first:
        return [Page(key, lay, 0.0, lay.height, scale, title=title)]
    boxes = sorted((n.top, n.bottom, n.id) for n in lay.nodes)
    # top and bottom of each band, and the boxes across its bottom, on the next page
    bands: list[tuple[float, float, frozenset[str]]] = []
    top = 0.0
    room = first
    while lay.height - top > room:
        limit = top + room
        cut = top
        # the lowest gap between boxes above the limit: no box crosses a cut
        reach = top
        for box_top, box_bottom, _ in boxes:
            if box_top < top:  # on the page before
                continue
            if box_top >= limit:
                break
            # 4 pt above the box, or halfway when the gap is narrower than 8 pt
            gap = max(box_top - 4, (reach + box_top) / 2)
            if box_top > reach and gap > top:
                cut = gap
            reach = max(reach, box_bottom)
        if reach <= limit:
            cut = max(cut, min(limit, reach + 4))
        if cut - top >= CLEAN_CUT * room:
            bands.append((top, cut, frozenset()))
            top = cut
        else:
            # boxes in steps down the columns leave no gap across the map low on the
            # page: cut at the foot of the page, and the boxes across it begin the next
            # page, whole (they are left out of this one)
            across = [
                (b_top, b_id) for b_top, b_bottom, b_id in boxes if top <= b_top < limit < b_bottom
            ]
            below = min((b_top for b_top, _ in across), default=limit) - 4
            if below <= top + HEADINGS:  # one box taller than a page: cut through it
                below, across = limit, []
            bands.append((top, limit, frozenset(b_id for _, b_id in across)))
            top = below
        room = first - HEADINGS
    bands.append((top, lay.height, frozenset()))
    pages: list[Page] = []
    for i, (upper, lower, onward) in enumerate(bands, 1):
        # boxes whole on the page before that reach into the top of this one
        before = bands[i - 2][1] if i > 1 else upper
        earlier = {n.id for n in lay.nodes if n.top < upper < n.bottom <= before}
        pages.append(
            Page(
                key if i == 1 else f"{key}-{i}",
                lay,
                upper,
                lower,
                scale,
                title=t("page_band", lay.language).format(part=title, number=i, count=len(bands)),
                hidden=frozenset(onward | earlier),
            )
        )
    return pages
