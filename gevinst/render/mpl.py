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

import io
import warnings
from typing import TYPE_CHECKING, Any, cast

import gevinst.theme as theme
from gevinst.render.svg import arrowhead
from gevinst.theme import DEFAULT_THEME, Theme

if TYPE_CHECKING:
    from gevinst.layout.geometry import Layout
    from gevinst.layout.request import MapRequest

__all__ = ["draw_layout", "layout_figure", "render_pdf", "render_png"]

MAX_PIXELS = 14_000  # longest side of a PNG
PNG_DPI = 200.0
MAX_PDF_POINTS = 14_400.0  # 200 inches, the largest page PDF readers accept

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
    ax: Any, lay: Layout, scale: float = 1.0, look: Theme = DEFAULT_THEME, font: str = _FONT
) -> None:
    """Draw a layout on matplotlib axes whose data units are layout points, y down.

    ``scale`` is the size of one layout point in points on the page: text and line
    widths are multiplied by it (the data units scale with the axes by themselves).
    ``look`` gives the colours of kinds and statuses, ``font`` the font family
    (see :func:`map_font`).
    """
    from matplotlib.patches import Polygon
    from matplotlib.path import Path

    def text(x: float, y: float, s: str, size: float, **kw: Any) -> None:
        ax.text(x, y, s, fontsize=size * scale, fontfamily=font, parse_math=False, **kw)

    _, gy, _, gh = lay.graph_box
    for heading in lay.headings:
        ax.add_patch(
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
        ax.add_patch(
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
        width = theme.edge_width(edge.weight) if edge.style != "note" else 1.0
        from matplotlib.patches import PathPatch

        ax.add_patch(
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
            ax.add_patch(Polygon(head, closed=True, facecolor=colour, edgecolor="none", zorder=1))
    for node in lay.nodes:
        kind = look.kinds[node.kind]
        fill = look.statuses[node.status].fill if node.status else kind.fill
        ax.add_patch(
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
                node.font_size * (0.9 if badge else 1.0),
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
            ax.add_patch(
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
        ax.add_patch(
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


def _save(lay: Layout, fmt: str, look: Theme = DEFAULT_THEME) -> bytes:
    import matplotlib

    rc: dict[str, Any] = {"svg.hashsalt": "gevinst", "pdf.fonttype": 42, "path.simplify": False}
    with matplotlib.rc_context(cast(Any, rc)), warnings.catch_warnings():
        # a character the font lacks is drawn as a box; that is not worth failing for
        warnings.filterwarnings("ignore", message=r".*[Gg]lyph.*missing")
        warnings.filterwarnings("ignore", message=r".*[Mm]atplotlib currently does not support")
        # PDF readers refuse pages over 200 inches: very large maps are scaled to fit
        scale = 1.0 if fmt == "png" else min(1.0, MAX_PDF_POINTS / max(lay.width, lay.height))
        fig = layout_figure(lay, scale, look)
        buffer = io.BytesIO()
        if fmt == "png":
            longest = max(lay.width, lay.height) / 72
            dpi = min(PNG_DPI, MAX_PIXELS / longest)
            fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
        else:
            meta = {"Creator": None, "Producer": None, "CreationDate": None, "Title": lay.title}
            fig.savefig(buffer, format="pdf", metadata=meta)
    return buffer.getvalue()


def render_png(request: MapRequest) -> bytes:
    """The map of a request as PNG bytes."""
    return _save(request.layout(), "png", request.options.theme)


def render_pdf(request: MapRequest) -> bytes:
    """The map of a request as PDF bytes (vector, fonts embedded)."""
    return _save(request.layout(), "pdf", request.options.theme)
