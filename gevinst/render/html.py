"""The benefit map as one interactive, offline HTML page.

The page holds the map's SVG (the same drawing as ``.svg``), the facts behind each
element as JSON, a little CSS and a little JavaScript, all inline: it opens from a
USB stick or an e-mail attachment with no network. A content security policy forbids
loading anything from elsewhere.

- **Hover** (or focus with Tab) an element: its owner, indicators, assumptions,
  status and the notes on its links appear in a tooltip. An arrow whose link has a
  note shows it as the arrow's tooltip, and its number in the list under the map.
- **Click** an element: it and everything that feeds it or that it feeds are
  highlighted, the rest fades. Click the background (or press Escape) to clear.
- **Search**: type part of a name or id; matching elements are highlighted, and
  Enter brings the first of them into view.
- **Readable at any width**: the map is drawn so large that its smallest text is at
  least :data:`MIN_TEXT_PX` CSS pixels (:func:`readable_svg`), in a frame that pans
  when the map is wider than the window, so a phone never shrinks it to dots and the
  page itself never scrolls sideways; a button shows the whole map at once instead
  (its text then as small as the window makes it). The page has one heading and landmarks, and
  passes axe-core's WCAG 2.1 AA rules (``tests/test_accessibility.py``).

The page is the template ``templates/map.html.j2``, its style and script are
``map.css`` and ``map.js`` beside it (:mod:`gevinst.render._templates`). Names are never
put into the page as markup: the templates autoescape, the SVG is XML-escaped by its
writer, the JSON has ``<``, ``>`` and ``&`` as ``\\u003c``-style escapes, and the
script writes tooltips with ``textContent`` only.

Examples:
    >>> import gevinst as gv
    >>> from gevinst.render import render_bytes
    >>> plan = gv.Plan.new("p", "Demo")
    >>> _ = plan.add_goal("G1", "<script>alert(1)</script>")
    >>> page = render_bytes(plan, "html").decode()
    >>> page.count("<script")  # the data block and the page's own script, nothing else
    2
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, NamedTuple

from markupsafe import Markup

from gevinst.i18n.words import t
from gevinst.layout.geometry import one_line
from gevinst.render._templates import render_page
from gevinst.render.svg import layout_svg

if TYPE_CHECKING:
    from gevinst.layout.geometry import Layout
    from gevinst.layout.request import MapRequest
    from gevinst.model import Plan

__all__ = ["MIN_TEXT_PX", "MapUI", "facts", "readable_svg", "readable_width", "render_html"]

#: The smallest text on the HTML pages, in CSS pixels (about 9 pt): the map is never
#: drawn smaller than this on any screen; its frame pans instead.
MIN_TEXT_PX = 12.0
_PX_PER_PT = 4 / 3  # CSS: 96 px to the inch, 72 pt to the inch


class MapUI(NamedTuple):
    """What ``templates/_map.html.j2`` draws: the search box, the map, its facts."""

    search: str
    hint: str
    svg: Markup  # from gevinst.render.svg, which escapes every label
    facts: dict[str, Any]
    label: str  # the name of the map's frame (a region) for screen readers
    fit: str  # the button that fits the whole map in the window (smaller text)


def readable_svg(svg: str) -> str:
    """The map's SVG with a CSS width at which its smallest text is :data:`MIN_TEXT_PX`.

    The SVG of :mod:`gevinst.render.svg` is sized in points; drawn at that size its
    smallest text may be under 12 px (8 pt is 10.7 px), and a browser told to fit the
    map to the window makes it smaller still. The width given here keeps every text at
    least :data:`MIN_TEXT_PX`; the page's frame around the map pans instead.

    Examples:
        >>> svg = '<svg width="300pt" height="90pt" class="gevinst-map"><text font-size="8">'
        >>> readable_svg(svg)[:72]
        '<svg width="300pt" height="90pt" class="gevinst-map" style="width:450px"'
    """
    width = readable_width(svg)
    if width is None:
        return svg
    return svg.replace('class="gevinst-map"', f'class="gevinst-map" style="width:{width}px"', 1)


def readable_width(svg: str) -> int | None:
    """The CSS width in whole pixels at which the map's smallest text is
    :data:`MIN_TEXT_PX` (never under its own size); none for an SVG without text.

    A page whose Content-Security-Policy refuses style attributes (the workshop) sets
    it through the DOM instead of taking :func:`readable_svg`'s attribute.

    Examples:
        >>> readable_width('<svg width="300pt" height="90pt"><text font-size="8">')
        450
        >>> readable_width('<svg width="300pt" height="90pt"><text font-size="20">')
        400
    """
    sizes = [float(size) for size in re.findall(r'font-size="([0-9.]+)"', svg)]
    found = re.search(r'<svg[^>]*?\swidth="([0-9.]+)pt"', svg)
    if not sizes or found is None:
        return None
    scale = max(1.0, MIN_TEXT_PX / (min(sizes) * _PX_PER_PT))
    return round(float(found.group(1)) * _PX_PER_PT * scale)


def facts(plan: Plan, lay: Layout) -> dict[str, Any]:
    """What the map page tells of each element when pointed at, by id (data for the JSON)."""
    lang = lay.language
    people = {s.id: s.name for s in plan.stakeholders}
    indicators = {i.id: i for i in plan.indicators}
    elements = {e.id: e for e in reversed(list(plan.elements()))}  # the first of a repeated id
    shown = {n.id: n for n in lay.nodes if n.kind != "assumption"}
    facts: dict[str, Any] = {}
    for node_id, node in shown.items():
        element = elements[node_id]
        owner = getattr(element, "owner", None)
        names = []
        for ref in getattr(element, "indicators", []):
            indicator = indicators.get(ref)
            if indicator is not None:
                unit = f" ({indicator.unit})" if indicator.unit else ""
                names.append(f"{indicator.name}{unit}")
        status = node.badge.split(" ", 1)[1] if node.badge else None
        measure_status = getattr(element, "status", None)
        if status is None and isinstance(measure_status, str):
            status = t(measure_status, lang)
        facts[node_id] = {
            "id": node_id,
            "name": element.name,
            "kind": t(element.kind, lang),
            "owner": people.get(owner, owner) if owner else None,
            "indicators": names,
            "assumptions": list(element.assumptions),
            "status": status,
            "description": element.description,
            "links": [],
        }
    feeds: dict[str, list[str]] = {}
    fed_by: dict[str, list[str]] = {}
    for edge in lay.edges:
        if edge.style in ("note", "mitigates"):  # a mitigation is no step in a chain
            continue
        feeds.setdefault(edge.source, []).append(edge.target)
        fed_by.setdefault(edge.target, []).append(edge.source)
    shown_names = {key: str(value["name"]) for key, value in facts.items()}
    for note in lay.link_notes:  # an element's links with notes, both ways
        for end, other, arrow in ((note.source, note.target, "→"), (note.target, note.source, "←")):
            if end in facts:
                text = (
                    f"{note.number}. {arrow} {one_line(shown_names.get(other, other))}: {note.note}"
                )
                facts[end]["links"].append(text)
    keys = ("status", "owner", "indicators", "assumptions", "description", "link_notes")
    words = {key: t(key, lang) for key in keys}
    return {"elements": facts, "feeds": feeds, "fedBy": fed_by, "words": words}


def render_html(request: MapRequest) -> bytes:
    """The map of a request as one self-contained HTML page (UTF-8)."""
    lay = request.layout()
    lang = lay.language
    map_ui = MapUI(
        search=t("search", lang),
        hint=t("map_page_hint", lang),
        svg=Markup(  # noqa: S704 - escaped by the writer
            readable_svg(layout_svg(lay, standalone=False, look=request.options.theme))
        ),
        facts=facts(request.plan, lay),
        label=t("map_part", lang).format(name=lay.title),
        fit=t("map_fit", lang),
    )
    return render_page(
        "map.html.j2",
        request.options.theme,
        lang=lang,
        title=lay.title,
        kind=t("benefit_map", lang),
        map_ui=map_ui,
    )
