"""The benefit map as SVG, drawn from the :class:`~gevinst.layout.geometry.Layout`.

Hand-written SVG (not Graphviz's), so it matches the PNG and the HTML map exactly.
Every text goes through XML escaping; ids appear only in ``data-id`` attributes.
Each element is a ``<g class="node kind-…" data-id="…">`` and each arrow a
``<g class="edge" data-source="…" data-target="…">``, which the HTML map uses. An
arrow whose link has a note carries it as its ``<title>`` (a tooltip in a browser,
the arrow's name for a screen reader), a numbered circle on the arrow
(``<g class="link-marker">``) and a numbered entry in the list of link notes under
the legend (``<g class="link-notes">``).

Examples:
    >>> import gevinst as gv
    >>> from gevinst.render import to_svg
    >>> plan = gv.Plan.new("p", "A <b> & c")
    >>> _ = plan.add_goal("G1", "Mål")
    >>> "A &lt;b&gt; &amp; c" in to_svg(plan)
    True
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

import gevinst.theme as theme
from gevinst.i18n.words import t
from gevinst.layout.geometry import one_line
from gevinst.theme import DEFAULT_THEME, Theme

if TYPE_CHECKING:
    from gevinst.layout.geometry import EdgeRoute, Layout, LegendItem, LinkNote, NodeBox
    from gevinst.layout.request import MapRequest

__all__ = ["arrowhead", "layout_svg", "render_svg"]


def _n(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _dasharray(key: str) -> str:
    """The ``stroke-dasharray`` attribute of dash pattern ``key`` of the theme."""
    on, off = theme.DASHES[key]
    return f' stroke-dasharray="{_n(on)},{_n(off)}"'


def _text(x: float, y: float, text: str, size: float, **attrs: str) -> str:
    extra = "".join(f" {k.replace('_', '-')}={quoteattr(v)}" for k, v in sorted(attrs.items()))
    return f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}"{extra}>{escape(text)}</text>'


def arrowhead(edge: EdgeRoute) -> tuple[tuple[float, float], ...]:
    """The corners of an arrow's head, in layout points: for a contribution the three
    corners of a triangle (tip first); for a mitigation (``style == "mitigates"``) a
    flat bar across the tip on a short stem, a "T" lying on its side (eight corners)."""
    if edge.tip is None or not edge.points:
        return ()
    (bx, by), (tx, ty) = edge.points[-1], edge.tip
    dx, dy = tx - bx, ty - by
    length = math.hypot(dx, dy) or 1.0
    half = max(3.2, theme.edge_width(edge.weight) * 1.3)
    nx_, ny_ = -dy / length * half, dx / length * half
    if edge.style == "mitigates":
        return _tee((bx, by), (tx, ty), (dx / length, dy / length), half + 2.5, edge.weight)
    return ((tx, ty), (bx + nx_, by + ny_), (bx - nx_, by - ny_))


TEE_THICKNESS = 2.5  # points: the bar of a mitigation's head


def _tee(
    base: tuple[float, float],
    tip: tuple[float, float],
    along: tuple[float, float],
    half: float,
    weight: float | None,
) -> tuple[tuple[float, float], ...]:
    """A flat bar ``2 * half`` long across ``tip``, on a stem from ``base`` as wide as
    the line: the head of a mitigation."""
    (bx, by), (tx, ty), (ux, uy) = base, tip, along
    stem = theme.edge_width(weight) / 2
    cx, cy = tx - ux * TEE_THICKNESS, ty - uy * TEE_THICKNESS  # the bar's back edge
    corners = []
    for (px, py), width in (
        ((bx, by), stem),
        ((cx, cy), stem),
        ((cx, cy), half),
        ((tx, ty), half),
    ):
        corners.append((px - uy * width, py + ux * width))
    for (px, py), width in (
        ((tx, ty), half),
        ((cx, cy), half),
        ((cx, cy), stem),
        ((bx, by), stem),
    ):
        corners.append((px + uy * width, py - ux * width))
    return tuple((round(x, 2), round(y, 2)) for x, y in corners)


def _edge(edge: EdgeRoute, language: str = "nb") -> str:
    if not edge.points:
        return ""
    pts = edge.points
    d = f"M{_n(pts[0][0])},{_n(pts[0][1])}"
    for i in range(1, len(pts) - 2, 3):
        (ax, ay), (bx, by), (cx, cy) = pts[i], pts[i + 1], pts[i + 2]
        d += f" C{_n(ax)},{_n(ay)} {_n(bx)},{_n(by)} {_n(cx)},{_n(cy)}"
    colour = theme.EDGE_COLOUR
    dash = ""
    if edge.style == "note":
        colour, dash = theme.NOTE_STROKE, _dasharray("note")
    elif edge.disbenefit:
        colour, dash = theme.DISBENEFIT_EDGE, _dasharray("disbenefit")
    elif edge.style == "implied":
        dash = _dasharray("implied")
    elif edge.style == "mitigates":
        dash = _dasharray("mitigates")
    width = theme.edge_width(edge.weight) if edge.style != "note" else 1.0
    parts = [
        f'<g class="edge" data-source={quoteattr(edge.source)} '
        f"data-target={quoteattr(edge.target)}"
        + (' data-relation="mitigates">' if edge.style == "mitigates" else ">"),
    ]
    if edge.number is not None and edge.note:
        parts.append(f"<title>{escape(f'{edge.number}: {one_line(edge.note)}')}</title>")
    elif edge.style == "mitigates":
        parts.append(f"<title>{escape(t('mitigates', language))}</title>")
    parts.append(f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="{_n(width)}"{dash}/>')
    head = arrowhead(edge)
    if head:
        corners = " ".join(f"{_n(x)},{_n(y)}" for x, y in head)
        parts.append(f'<polygon points="{corners}" fill="{colour}"/>')
    parts.append("</g>")
    return "".join(parts)


def _marker(note: LinkNote, lay: Layout) -> str:
    """The numbered circle on an arrow with a note (its tooltip is the note)."""
    if note.marker is None:
        return ""
    x, y = note.marker
    return (
        f'<g class="link-marker" data-source={quoteattr(note.source)} '
        f"data-target={quoteattr(note.target)}>"
        f"<title>{escape(f'{note.number}: {note.note}')}</title>"
        f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(lay.marker_radius)}" '
        f'fill="{theme.BACKGROUND}" stroke="{theme.HEADING_COLOUR}" stroke-width="1"/>'
        + _text(
            x,
            y + 0.35 * lay.marker_size,
            str(note.number),
            lay.marker_size,
            text_anchor="middle",
            font_weight="bold",
            fill=theme.HEADING_COLOUR,
        )
        + "</g>"
    )


def _link_notes(lay: Layout) -> list[str]:
    """The heading and numbered entries of the list of link notes under the legend."""
    if not lay.link_notes:
        return []
    size = lay.link_note_size
    out = [
        '<g class="link-notes">',
        _text(
            lay.margin,
            lay.link_notes_y,
            lay.link_notes_title,
            size,
            font_weight="bold",
            fill=theme.HEADING_COLOUR,
        ),
    ]
    step = size * theme.LINE_HEIGHT
    for note in lay.link_notes:
        out.append(
            f'<g class="link-note" data-source={quoteattr(note.source)} '
            f"data-target={quoteattr(note.target)}>"
        )
        out.append(
            _text(
                note.x, note.y, str(note.number), size, font_weight="bold", fill=theme.TEXT_COLOUR
            )
        )
        out.extend(
            _text(note.text_x, note.y + i * step, line, size, fill=theme.TEXT_COLOUR)
            for i, line in enumerate(note.lines)
        )
        out.append("</g>")
    out.append("</g>")
    return out


def _node(node: NodeBox, look: Theme = DEFAULT_THEME, badge_scale: float = 0.9) -> str:
    kind = look.kinds[node.kind]
    fill = look.statuses[node.status].fill if node.status else kind.fill
    radius = 6 if kind.rounded else 0
    dash = _dasharray("border") if kind.dashed else ""
    classes = f"node kind-{node.kind}" + (f" status-{node.status}" if node.status else "")
    parts = [
        f'<g class="{classes}" data-id={quoteattr(node.element)}>',
        f'<rect x="{_n(node.left)}" y="{_n(node.top)}" width="{_n(node.width)}" '
        f'height="{_n(node.height)}" rx="{radius}" fill="{fill}" stroke="{kind.stroke}" '
        f'stroke-width="{_n(kind.stroke_width)}"{dash}/>',
    ]
    lines = list(node.lines) + ([node.badge] if node.badge else [])
    step = node.font_size * theme.LINE_HEIGHT
    first = node.y - step * (len(lines) - 1) / 2
    anchor = "start" if node.kind == "assumption" else "middle"
    x = node.left + 8 if anchor == "start" else node.x
    for i, line in enumerate(lines):
        is_badge = node.badge is not None and i == len(lines) - 1
        attrs = {"text_anchor": anchor, "fill": theme.MUTED_TEXT if is_badge else theme.TEXT_COLOUR}
        if node.bold and not is_badge:
            attrs["font_weight"] = "bold"
        size = node.font_size * (badge_scale if is_badge else 1.0)
        parts.append(_text(x, first + i * step + 0.35 * node.font_size, line, size, **attrs))
    parts.append("</g>")
    return "".join(parts)


def _legend(item: LegendItem, size: float, look: Theme = DEFAULT_THEME) -> str:
    x, y, w, h = item.x, item.y, item.width, item.height
    if item.group == "edge":
        mid = y + h / 2
        colour, width, pattern = theme.LEGEND_LINES[item.key]
        dash = f' stroke-dasharray="{_n(pattern[0])},{_n(pattern[1])}"' if pattern else ""
        swatch = (
            f'<line x1="{_n(x)}" y1="{_n(mid)}" x2="{_n(x + w)}" y2="{_n(mid)}" '
            f'stroke="{colour}" stroke-width="{_n(width)}"{dash}/>'
        )
        if item.key == "mitigates":  # the flat bar of its head
            swatch += (
                f'<rect x="{_n(x + w - TEE_THICKNESS)}" y="{_n(y)}" width="{_n(TEE_THICKNESS)}" '
                f'height="{_n(h)}" fill="{colour}"/>'
            )
    else:
        if item.group == "status":
            fill, stroke, dash, rx = (
                look.statuses[item.key].fill,
                look.statuses[item.key].stroke,
                "",
                2,
            )
        else:
            kind = look.kinds[item.key]
            fill, stroke, rx = kind.fill, kind.stroke, (3 if kind.rounded else 0)
            if item.outline:
                fill = theme.BACKGROUND
            dash = _dasharray("swatch") if kind.dashed else ""
        swatch = (
            f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" rx="{rx}" '
            f'fill="{fill}" stroke="{stroke}" stroke-width="{2 if item.outline else 1}"{dash}/>'
        )
    label = item.label
    if item.group == "status":
        label = f"{theme.STATUS_STYLES[item.key].mark} {label}"
    text = _text(item.label_x, y + h / 2 + 0.35 * size, label, size, fill=theme.TEXT_COLOUR)
    return f'<g class="legend-item">{swatch}{text}</g>'


def layout_svg(lay: Layout, *, standalone: bool = True, look: Theme = DEFAULT_THEME) -> str:
    """SVG text for a layout; ``standalone=False`` leaves out the XML declaration.

    ``look`` gives the font and the colours of kinds and statuses.
    """
    out: list[str] = []
    if standalone:
        out.append('<?xml version="1.0" encoding="UTF-8"?>')
    w, h = _n(lay.width), _n(lay.height)
    out.append(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}pt" height="{h}pt" '
        f'viewBox="0 0 {w} {h}" font-family={quoteattr(look.font_family)} class="gevinst-map">'
    )
    out.append(f"<title>{escape(lay.title)}</title>")
    out.append(f'<rect width="{w}" height="{h}" fill="{theme.BACKGROUND}"/>')
    _, gy, _, gh = lay.graph_box
    for heading in lay.headings:
        out.append(
            f'<rect class="column" x="{_n(heading.left - 10)}" y="{_n(gy - 6)}" '
            f'width="{_n(heading.right - heading.left + 20)}" height="{_n(gh + 12)}" '
            f'rx="8" fill="{theme.PANEL_FILL}"/>'
        )
        out.append(
            _text(
                heading.x,
                heading.y,
                heading.text,
                heading.font_size,
                text_anchor="middle",
                font_weight="bold",
                fill=theme.HEADING_COLOUR,
            )
        )
    for cluster in lay.clusters:
        out.append(
            f'<g class="cluster"><rect x="{_n(cluster.x)}" y="{_n(cluster.y)}" '
            f'width="{_n(cluster.width)}" height="{_n(cluster.height)}" rx="8" '
            f'fill="{theme.CLUSTER_FILL}" fill-opacity="0.6" stroke="{theme.CLUSTER_STROKE}"/>'
            + _text(
                cluster.x + 8,
                cluster.y + 14,
                cluster.label,
                10.0,
                fill=theme.MUTED_TEXT,
                font_style="italic",
            )
            + "</g>"
        )
    out.append(
        _text(
            lay.margin,
            lay.title_y,
            lay.title,
            lay.title_size,
            font_weight="bold",
            fill=theme.HEADING_COLOUR,
        )
    )
    out.append(
        _text(lay.margin, lay.subtitle_y, lay.subtitle, lay.subtitle_size, fill=theme.MUTED_TEXT)
    )
    out.append('<g class="edges">')
    out.extend(_edge(edge, lay.language) for edge in lay.edges)
    out.append("</g>")
    out.append('<g class="nodes">')
    out.extend(_node(node, look, lay.badge_scale) for node in lay.nodes)
    out.append("</g>")
    if lay.link_notes:
        out.append('<g class="link-markers">')
        out.extend(_marker(note, lay) for note in lay.link_notes)
        out.append("</g>")
    out.append('<g class="legend">')
    out.extend(_legend(item, lay.legend_size, look) for item in lay.legend)
    out.append("</g>")
    out.extend(_link_notes(lay))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def render_svg(request: MapRequest) -> bytes:
    """The map of a request as SVG bytes (UTF-8)."""
    return layout_svg(request.layout(), look=request.options.theme).encode("utf-8")
