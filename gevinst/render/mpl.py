"""The benefit map as PNG or PDF, drawn with matplotlib from the Layout.

No cairo, no system Graphviz: matplotlib's Agg canvas and its own DejaVu Sans font.
One layout point is one point on the page (the figure is the layout's size in
inches × 72), so text sizes are the same as in the SVG. The files carry no date or
software stamp, so the same plan gives the same bytes.

Examples:
    >>> import gevinst as gv
    >>> from gevinst.render import render_bytes
    >>> plan = gv.Plan.new("p", "Demo")
    >>> _ = plan.add_goal("G1", "Mål")
    >>> render_bytes(plan, "png")[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import math
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

import gevinst.theme as theme
from gevinst.errors import RenderError
from gevinst.i18n.words import t
from gevinst.layout.pages import HEADER, HEADINGS, Page, paginate
from gevinst.render.svg import TEE_THICKNESS, arrowhead
from gevinst.theme import DEFAULT_THEME, Theme

if TYPE_CHECKING:
    from gevinst.layout.geometry import Layout
    from gevinst.layout.request import MapRequest

__all__ = [
    "draw_layout",
    "layout_figure",
    "page_figure",
    "png_pages",
    "render_pdf",
    "render_png",
]

MAX_PIXELS = 14_000  # longest side of a PNG
PNG_DPI = 200.0
MAX_PDF_POINTS = 14_400.0  # 200 inches, the largest page PDF readers accept
PAGE_DPI = 150.0  # a printed page of a large map as PNG: A3 is 2480 x 1754 pixels
FOOTER_SIZE = 10.0  # the page number at the foot of a printed page
PAGE_TITLE_SIZE = 12.0  # the title of a printed page: which part of the map it is

_FONT = "DejaVu Sans"


def _rounded(x: float, y: float, w: float, h: float, radius: float, **kw: Any) -> Any:
    from matplotlib.patches import FancyBboxPatch, Rectangle

    if radius <= 0:
        return Rectangle((x, y), w, h, **kw)
    return FancyBboxPatch(
        (x, y), w, h, boxstyle=f"round,pad=0,rounding_size={radius}", mutation_aspect=1, **kw
    )


def map_font(look: Theme) -> str:
    """The font matplotlib draws ``look``'s map in: the theme's font where this machine
    has it as a TrueType file (what PDF embeds), else DejaVu Sans, with a warning."""
    if look.font is None:
        return _FONT
    from matplotlib import font_manager

    found = {
        entry.name
        for entry in font_manager.fontManager.ttflist
        if str(entry.fname).lower().endswith(".ttf")
    }
    if look.font in found:
        return look.font
    warnings.warn(
        f"the theme's font {look.font!r} is not installed as a TrueType (.ttf) font; the "
        f"PNG/PDF map uses {_FONT} (install the font to use it)",
        UserWarning,
        stacklevel=2,
    )
    return _FONT


def draw_layout(
    ax: Any,
    lay: Layout,
    scale: float = 1.0,
    look: Theme = DEFAULT_THEME,
    font: str = _FONT,
    band: tuple[float, float] | None = None,
) -> None:
    """Draw a layout on matplotlib axes whose data units are layout points, y down.

    ``scale`` is the size of one layout point in points on the page: text and line
    widths are multiplied by it (the data units scale with the axes by themselves).
    ``look`` gives the colours of kinds and statuses, ``font`` the font family
    (see :func:`map_font`). ``band`` (top, bottom) is the part of the layout the axes
    show, on a printed page: texts wholly outside it are left out.
    """
    from matplotlib.patches import Polygon, Rectangle
    from matplotlib.path import Path

    low, high = band or (-math.inf, math.inf)

    def text(x: float, y: float, s: str, size: float, **kw: Any) -> None:
        # clipped to the axes: a page of a large map shows one band of the layout, and
        # a text wholly outside it is left out of the file
        if not low - 2 * size <= y <= high + 2 * size:
            return
        kw.setdefault("clip_on", True)
        ax.text(x, y, s, fontsize=size * scale, fontfamily=font, parse_math=False, **kw)

    def add(patch: Any) -> None:
        # add_artist, not add_patch: the limits are set by the caller, and updating
        # them per patch was a tenth of the time of drawing a 400-element map
        ax.add_artist(patch)

    _, gy, _, gh = lay.graph_box
    for heading in lay.headings:
        add(
            _rounded(
                heading.left - 10,
                gy - 6,
                heading.right - heading.left + 20,
                gh + 12,
                8,
                facecolor=theme.PANEL_FILL,
                edgecolor="none",
                zorder=0,
            )
        )
        text(
            heading.x,
            heading.y,
            heading.text,
            heading.font_size,
            ha="center",
            va="baseline",
            fontweight="bold",
            color=theme.HEADING_COLOUR,
        )
    for cluster in lay.clusters:
        add(
            _rounded(
                cluster.x,
                cluster.y,
                cluster.width,
                cluster.height,
                8,
                facecolor=theme.CLUSTER_FILL,
                alpha=0.8,
                edgecolor=theme.CLUSTER_STROKE,
                zorder=0.5,
            )
        )
        text(
            cluster.x + 8,
            cluster.y + 14,
            cluster.label,
            10.0,
            color=theme.MUTED_TEXT,
            fontstyle="italic",
            va="baseline",
            zorder=0.6,
        )
    text(
        lay.margin,
        lay.title_y,
        lay.title,
        lay.title_size,
        fontweight="bold",
        color=theme.HEADING_COLOUR,
        va="baseline",
    )
    text(
        lay.margin,
        lay.subtitle_y,
        lay.subtitle,
        lay.subtitle_size,
        color=theme.MUTED_TEXT,
        va="baseline",
    )
    for edge in lay.edges:
        if not edge.points:
            continue
        codes = [Path.MOVETO] + [Path.CURVE4] * (len(edge.points) - 1)
        colour, dash = theme.EDGE_COLOUR, cast(Any, "solid")
        if edge.style == "note":
            colour, dash = theme.NOTE_STROKE, (0, theme.DASHES["note"])
        elif edge.disbenefit:
            colour, dash = theme.DISBENEFIT_EDGE, (0, theme.DASHES["disbenefit"])
        elif edge.style == "implied":
            dash = (0, theme.DASHES["implied"])
        elif edge.style == "mitigates":
            dash = (0, theme.DASHES["mitigates"])
        width = theme.edge_width(edge.weight) if edge.style != "note" else 1.0
        from matplotlib.patches import PathPatch

        add(
            PathPatch(
                Path(edge.points, codes),
                facecolor="none",
                edgecolor=colour,
                linewidth=width * scale,
                linestyle=dash,
                zorder=1,
                capstyle="butt",
            )
        )
        head = arrowhead(edge)
        if head:
            add(Polygon(head, closed=True, facecolor=colour, edgecolor="none", zorder=1))
    for node in lay.nodes:
        kind = look.kinds[node.kind]
        fill = look.statuses[node.status].fill if node.status else kind.fill
        add(
            _rounded(
                node.left,
                node.top,
                node.width,
                node.height,
                6 if kind.rounded else 0,
                facecolor=fill,
                edgecolor=kind.stroke,
                linewidth=kind.stroke_width * scale,
                linestyle=(0, theme.DASHES["border"]) if kind.dashed else "solid",
                zorder=2,
            )
        )
        lines = list(node.lines) + ([node.badge] if node.badge else [])
        step = node.font_size * theme.LINE_HEIGHT
        first = node.y - step * (len(lines) - 1) / 2
        left = node.kind == "assumption"
        for i, line in enumerate(lines):
            badge = node.badge is not None and i == len(lines) - 1
            text(
                node.left + 8 if left else node.x,
                first + i * step + 0.35 * node.font_size,
                line,
                node.font_size * (lay.badge_scale if badge else 1.0),
                ha="left" if left else "center",
                va="baseline",
                zorder=3,
                color=theme.MUTED_TEXT if badge else theme.TEXT_COLOUR,
                fontweight="bold" if node.bold and not badge else "normal",
            )
    for item in lay.legend:
        if item.group == "edge":
            mid = item.y + item.height / 2
            colour, width, pattern = theme.LEGEND_LINES[item.key]
            ax.plot(
                [item.x, item.x + item.width],
                [mid, mid],
                color=colour,
                linewidth=width * scale,
                linestyle=(0, pattern) if pattern else "solid",
                solid_capstyle="butt",
            )
            if item.key == "mitigates":  # the flat bar of its head
                bar = (item.x + item.width - TEE_THICKNESS, item.y)
                add(Rectangle(bar, TEE_THICKNESS, item.height, facecolor=colour, edgecolor="none"))
            label = item.label
        else:
            if item.group == "status":
                status = look.statuses[item.key]
                fill, stroke, dashed, radius = status.fill, status.stroke, False, 2.0
                label = f"{status.mark} {item.label}"
            else:
                kind = look.kinds[item.key]
                fill, stroke, dashed = kind.fill, kind.stroke, kind.dashed
                radius, label = (3.0 if kind.rounded else 0.0), item.label
                if item.outline:
                    fill = theme.BACKGROUND
            add(
                _rounded(
                    item.x,
                    item.y,
                    item.width,
                    item.height,
                    radius,
                    facecolor=fill,
                    edgecolor=stroke,
                    linewidth=(2.0 if item.outline else 1.0) * scale,
                    linestyle=(0, theme.DASHES["swatch"]) if dashed else "solid",
                )
            )
        text(
            item.label_x,
            item.y + item.height / 2 + 0.35 * lay.legend_size,
            label,
            lay.legend_size,
            va="baseline",
            color=theme.TEXT_COLOUR,
        )
    _draw_link_notes(ax, lay, text, scale)


def _draw_link_notes(ax: Any, lay: Layout, text: Any, scale: float) -> None:
    """The numbered circles on arrows whose links have notes, and the list of the notes."""
    from matplotlib.patches import Circle

    for note in lay.link_notes:
        if note.marker is None:
            continue
        x, y = note.marker
        ax.add_artist(
            Circle(
                (x, y),
                lay.marker_radius,
                facecolor=theme.BACKGROUND,
                edgecolor=theme.HEADING_COLOUR,
                linewidth=1.0 * scale,
                zorder=4,
            )
        )
        text(
            x,
            y + 0.35 * lay.marker_size,
            str(note.number),
            lay.marker_size,
            ha="center",
            va="baseline",
            fontweight="bold",
            color=theme.HEADING_COLOUR,
            zorder=5,
        )
    if not lay.link_notes:
        return
    size = lay.link_note_size
    text(
        lay.margin,
        lay.link_notes_y,
        lay.link_notes_title,
        size,
        va="baseline",
        fontweight="bold",
        color=theme.HEADING_COLOUR,
    )
    step = size * theme.LINE_HEIGHT
    for note in lay.link_notes:
        text(note.x, note.y, str(note.number), size, va="baseline", fontweight="bold")
        for i, line in enumerate(note.lines):
            text(note.text_x, note.y + i * step, line, size, va="baseline", color=theme.TEXT_COLOUR)


def layout_figure(lay: Layout, scale: float = 1.0, look: Theme = DEFAULT_THEME) -> Any:
    """A matplotlib Figure (not registered with pyplot) with the map drawn on it.

    The page is the layout's size times ``scale`` (1: one layout point per point);
    ``look`` gives the colours and font (see :func:`map_font`).
    """
    from matplotlib.figure import Figure

    fig = Figure(
        figsize=(lay.width * scale / 72, lay.height * scale / 72),
        dpi=72,
        facecolor=theme.BACKGROUND,
    )
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_xlim(0, lay.width)
    ax.set_ylim(lay.height, 0)
    ax.set_axis_off()
    draw_layout(ax, lay, scale, look, map_font(look))
    return fig


@contextlib.contextmanager
def _quiet_rc() -> Iterator[None]:
    import matplotlib

    rc: dict[str, Any] = {"svg.hashsalt": "gevinst", "pdf.fonttype": 42, "path.simplify": False}
    with matplotlib.rc_context(cast(Any, rc)), warnings.catch_warnings():
        # a character the font lacks is drawn as a box; that is not worth failing for
        warnings.filterwarnings("ignore", message=r".*[Gg]lyph.*missing")
        warnings.filterwarnings("ignore", message=r".*[Mm]atplotlib currently does not support")
        yield


_PDF_META = {"Creator": None, "Producer": None, "CreationDate": None}


def _save(lay: Layout, fmt: str, look: Theme = DEFAULT_THEME) -> bytes:
    with _quiet_rc():
        # PDF readers refuse pages over 200 inches: very large maps are scaled to fit
        scale = 1.0 if fmt == "png" else min(1.0, MAX_PDF_POINTS / max(lay.width, lay.height))
        fig = layout_figure(lay, scale, look)
        buffer = io.BytesIO()
        if fmt == "png":
            longest = max(lay.width, lay.height) / 72
            dpi = min(PNG_DPI, MAX_PIXELS / longest)
            fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
        else:
            fig.savefig(buffer, format="pdf", metadata={**_PDF_META, "Title": lay.title})
    return buffer.getvalue()


def page_figure(
    page: Page, size: tuple[float, float] | None = None, look: Theme = DEFAULT_THEME
) -> Any:
    """A matplotlib Figure of one printed page of a large map (see :mod:`gevinst.layout.pages`).

    The page (``size``, by default ``page.size``) has the page's title at the top (which
    part of the map it is); under it the page's band of the layout, drawn at the page's
    scale, centred, with the column headings repeated when the band goes on from the
    page before; at the foot the map's title and ``Side 2 av 9`` / ``Page 2 of 9``.
    """
    from matplotlib.figure import Figure

    lay = page.layout
    width, height = size or page.size
    fig = Figure(figsize=(width / 72, height / 72), dpi=72, facecolor=theme.BACKGROUND)
    w = lay.width * page.scale
    h = (page.bottom - page.top) * page.scale
    left = (width - w) / 2
    font = map_font(look)
    fig.text(
        (left + lay.margin * page.scale) / width,
        1 - (HEADER - 8) / height,
        page.title,
        fontsize=PAGE_TITLE_SIZE,
        fontfamily=font,
        fontweight="bold",
        va="baseline",
        color=theme.HEADING_COLOUR,
        parse_math=False,
    )
    below = HEADER  # page points from the top to the band
    if page.top > 0 and lay.headings:
        strip = HEADINGS * page.scale
        head = fig.add_axes(
            (left / width, 1 - (HEADER + strip) / height, w / width, strip / height)
        )
        head.set_xlim(0, lay.width)
        head.set_ylim(HEADINGS, 0)
        head.set_axis_off()
        _draw_headings(head, lay, page.scale, font)
        below += strip
    ax = fig.add_axes((left / width, 1 - (below + h) / height, w / width, h / height))
    ax.set_xlim(0, lay.width)
    ax.set_ylim(page.bottom, page.top)
    ax.set_axis_off()
    shown = _band(lay, page.top, page.bottom, page.hidden)
    draw_layout(ax, shown, page.scale, look, font, (page.top, page.bottom))
    words = t("page_of", lay.language).format(number=page.number, count=page.count)
    fig.text(
        0.5,
        8 / height,
        f"{lay.title} · {words}",
        fontsize=FOOTER_SIZE,
        fontfamily=font,
        ha="center",
        va="baseline",
        color=theme.MUTED_TEXT,
        parse_math=False,
    )
    return fig


def _draw_headings(ax: Any, lay: Layout, scale: float, font: str) -> None:
    """The column headings on a strip :data:`~gevinst.layout.pages.HEADINGS` layout
    points tall, over the columns' panels, which go on down into the band below."""
    for heading in lay.headings:
        ax.add_artist(
            _rounded(
                heading.left - 10,
                4,
                heading.right - heading.left + 20,
                HEADINGS + 8,  # into the band below: one panel with the column
                8,
                facecolor=theme.PANEL_FILL,
                edgecolor="none",
                zorder=0,
                clip_on=True,
            )
        )
        ax.text(
            heading.x,
            HEADINGS - 9,
            heading.text,
            fontsize=heading.font_size * scale,
            fontfamily=font,
            fontweight="bold",
            ha="center",
            va="baseline",
            color=theme.HEADING_COLOUR,
            parse_math=False,
        )


def _band(lay: Layout, top: float, bottom: float, hidden: frozenset[str] = frozenset()) -> Layout:
    """``lay`` with only the boxes and arrows that reach into ``top..bottom``, without
    the boxes ``hidden`` (shown whole on the page before or after).

    The rest would be clipped away anyway; leaving it out makes a page of a large map
    as quick to draw as a small map.
    """
    if top <= 0 and bottom >= lay.height:
        return lay

    def near(y0: float, y1: float) -> bool:
        return y1 >= top - 20 and y0 <= bottom + 20

    nodes = tuple(n for n in lay.nodes if near(n.top, n.bottom) and n.id not in hidden)
    edges = tuple(
        e
        for e in lay.edges
        if e.points and near(min(p[1] for p in e.points) - 10, max(p[1] for p in e.points) + 10)
    )
    clusters = tuple(c for c in lay.clusters if near(c.y, c.y + c.height))
    return dataclasses.replace(lay, nodes=nodes, edges=edges, clusters=clusters)


def _page_png(page: Page, look: Theme = DEFAULT_THEME) -> bytes:
    buffer = io.BytesIO()
    page_figure(page, look=look).savefig(
        buffer,
        format="png",
        dpi=PAGE_DPI,
        metadata={"Software": None},
        # zlib level 3 instead of 6: a page is about a sixth quicker, 10 % larger
        pil_kwargs={"compress_level": 3},
    )
    return buffer.getvalue()


def _chosen(pages: tuple[Page, ...], page: str | None) -> Page:
    """The page asked for: its number (1 is the overview) or key; the first by default."""
    if page is None or page == "all":
        return pages[0]
    if page.isdigit() and 1 <= int(page) <= len(pages):
        return pages[int(page) - 1]
    for candidate in pages:
        if candidate.key == page:
            return candidate
    keys = ", ".join(p.key for p in pages)
    raise RenderError(f"no page {page!r}: the map has pages 1-{len(pages)}: {keys}")


def png_pages(request: MapRequest) -> list[tuple[str, bytes]]:
    """Every page of the map as PNG: ``("", overview)``, then ``("-" + key, page)`` each.

    A map that fits one page gives one PNG, with the key ``""``.
    """
    pages = paginate(request)
    if not pages:
        return [("", render_png(request))]
    with _quiet_rc():
        look = request.options.theme
        return [("" if i == 0 else f"-{p.key}", _page_png(p, look)) for i, p in enumerate(pages)]


def render_png(request: MapRequest) -> bytes:
    """The map of a request as PNG bytes; of a large map, one page (``request.page``).

    A large map (see :mod:`gevinst.layout.pages`) gives its overview page, or the page
    ``request.page`` names (a number from 1, or a goal or objective id).

    Raises:
        RenderError: ``request.page`` is not a page of the map.
    """
    pages = paginate(request)
    if not pages:
        if request.page not in (None, "1", "all"):
            raise RenderError(f"no page {request.page!r}: the map fits one page")
        return _save(request.layout(), "png", request.options.theme)
    with _quiet_rc():
        return _page_png(_chosen(pages, request.page), request.options.theme)


def render_pdf(request: MapRequest) -> bytes:
    """The map of a request as PDF bytes (vector, fonts embedded).

    A large map gives one file of landscape pages (A3, or the request's
    ``options.paper``): the overview, then a page per goal, or the whole map in bands
    (see :mod:`gevinst.layout.pages`).
    """
    pages = paginate(request)
    if not pages:
        return _save(request.layout(), "pdf", request.options.theme)
    from matplotlib.backends.backend_pdf import PdfPages

    buffer = io.BytesIO()
    with _quiet_rc():
        meta = {**_PDF_META, "Title": request.layout().title}
        with PdfPages(buffer, metadata=meta) as pdf:
            for page in pages:
                pdf.savefig(page_figure(page, look=request.options.theme))
    return buffer.getvalue()
