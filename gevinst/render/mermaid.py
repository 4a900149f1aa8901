"""The benefit map as a Mermaid flowchart (``.mmd``) for wikis, GitHub and GitLab.

Left to right, one subgraph per column (Tiltak → … → Samfunnsmål), a class per kind
with the map's colours, dashed red arrows from dis-benefits and arrow width from the
weight. Node ids are the element ids (:func:`mermaid_id`), so adding one element
changes a few lines of the text, not all of them; an id Mermaid could read as
something else (a word such as ``end`` or ``style``, a subgraph's name, a ``.`` or
``-``) gets the prefix ``e_``. Arrows of the same look share one ``linkStyle`` line.
Every label is written with Mermaid's entity codes for anything but
letters, digits and plain punctuation, so quotes, brackets, ``<script>`` and the
like stay text. A link's note is the label of its arrow (``-->|"…"|``), written the
same way and with ``-`` and ``|`` as entity codes too, so it cannot end the label or
draw an arrow.

Mermaid refuses a diagram of more than 50,000 characters or 500 links (its defaults,
:data:`MAX_TEXT_SIZE` and :data:`MAX_EDGES`). A map above either is split by goal
(:func:`mermaid_parts`): one diagram per goal with the elements under it, an element
under several goals in each; a part that is still too large has no text, and the
report says so in words. ``render -o map.mmd`` (one diagram per file) refuses such a
map and names ``--focus GOAL``, the Markdown report and the SVG/HTML map instead.

Examples:
    >>> import gevinst as gv
    >>> from gevinst.render import render_bytes
    >>> plan = gv.Plan.new("p", "Demo")
    >>> _ = plan.add_goal("G1", 'Sagt "hei" <b>')
    >>> print(render_bytes(plan, "mmd").decode().splitlines()[6])
        G1["Sagt #34;hei#34; #60;b#62;"]
"""

from __future__ import annotations

import dataclasses
import json
import re
from typing import TYPE_CHECKING

import gevinst.theme as theme
from gevinst.errors import RenderError
from gevinst.i18n.formats import format_number
from gevinst.i18n.words import t

if TYPE_CHECKING:
    from gevinst.layout.request import MapRequest
    from gevinst.layout.view import MapView

__all__ = [
    "MAX_EDGES",
    "MAX_TEXT_SIZE",
    "MermaidPart",
    "mermaid_fits",
    "mermaid_id",
    "mermaid_parts",
    "mermaid_text",
    "render_mermaid",
]

# Mermaid's default limits, from its configuration schema
# (packages/mermaid/src/schemas/config.schema.yaml; documented at
# https://mermaid.js.org/config/schema-docs/config-properties-maxtextsize.html and
# .../config-properties-maxedges.html): ``maxTextSize`` 50000 (the length of the whole
# text as JavaScript counts it, UTF-16 code units; longer text is replaced by an error
# message) and ``maxEdges`` 500 (a flowchart with more links is refused). GitHub,
# GitLab and mermaid.live draw with these defaults.
#: The most characters (UTF-16 code units) Mermaid draws by default.
MAX_TEXT_SIZE = 50_000
#: The most links Mermaid draws by default.
MAX_EDGES = 500

_SAFE = set(" .,:-_/()'!?+")
_EDGE_SAFE = _SAFE - {"-"}
_TITLE_LOOKALIKES = str.maketrans({"&": "＆", "<": "‹", ">": "›"})
_COLUMNS = {0: "measures", 1: "changes", 2: "benefits", 3: "objectives", 4: "goals"}


def _label(text: str) -> str:
    """Text for inside ``["..."]``: entity codes for everything that could mean something."""
    return "".join(ch if ch.isalnum() or ch in _SAFE else f"#{ord(ch)};" for ch in text)


def _edge_label(note: str) -> str:
    """A note as the text of ``-->|"..."|``: one line, entity codes as in labels and for ``-``."""
    text = theme.clean_text(note).replace("\n", " ")
    return "".join(ch if ch.isalnum() or ch in _EDGE_SAFE else f"#{ord(ch)};" for ch in text)


#: Words of Mermaid's flowchart syntax (compared in lower case): never a node id as they are.
_RESERVED = frozenset(
    [
        "accdescr",
        "acctitle",
        "bt",
        "call",
        "callback",
        "class",
        "classdef",
        "click",
        "default",
        "direction",
        "end",
        "flowchart",
        "flowchart-elk",
        "graph",
        "href",
        "interpolate",
        "lr",
        "linkstyle",
        "rl",
        "style",
        "subgraph",
        "tb",
        "td",
    ]
)
_PLAIN_ID = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_PREFIX = "e_"


def mermaid_id(element: str) -> str:
    """The Mermaid node id of an element id: the id itself where Mermaid reads it as a
    plain name, else ``e_`` and the id with ``_XX`` (hex) for each character but
    letters and digits.

    Different ids give different node ids: only prefixed ones start with ``e_``.

    Examples:
        >>> [mermaid_id(i) for i in ("B1", "B_2", "end", "Style", "level0", "B-1.2", "e_x")]
        ['B1', 'B_2', 'e_end', 'e_Style', 'e_level0', 'e_B_2D1_2E2', 'e_e_5Fx']
    """
    plain = _PLAIN_ID.fullmatch(element) and element.isascii()
    if (
        plain
        and element.lower() not in _RESERVED
        and not element.startswith(_PREFIX)
        and not re.fullmatch(r"level\d+", element, re.IGNORECASE)
    ):
        return element
    return _PREFIX + "".join(
        ch if ch.isascii() and ch.isalnum() else f"_{ord(ch):02X}" for ch in element
    )


def _link_styles(view: MapView) -> list[str]:
    """One ``linkStyle`` line per look of arrow, listing the arrows (by index) that have it."""
    looks: dict[str, list[int]] = {}
    for index, edge in enumerate(view.edges):
        colour = theme.EDGE_COLOUR
        if edge.disbenefit:
            colour = theme.DISBENEFIT_EDGE
        elif edge.style == "note":
            colour = theme.NOTE_STROKE
        width = theme.edge_width(edge.weight) * 1.25
        dash = (
            "disbenefit" if edge.disbenefit else "mitigates" if edge.style == "mitigates" else None
        )
        look = f"stroke:{colour},stroke-width:{width:.1f}px" + (
            ",stroke-dasharray:{:g} {:g}".format(*theme.DASHES[dash]) if dash else ""
        )
        looks.setdefault(look, []).append(index)
    return [f"  linkStyle {','.join(map(str, indices))} {look}" for look, indices in looks.items()]


def mermaid_text(view: MapView) -> str:
    """Mermaid flowchart source for a map view."""
    ids = {node.id: mermaid_id(node.id) for node in view.nodes}
    # Mermaid escapes the title once more after its own sanitising: "&" would show as
    # "&amp;". Look-alike characters keep it readable (and can open no markup).
    title = view.title.translate(_TITLE_LOOKALIKES)
    out = ["---", f"title: {json.dumps(title, ensure_ascii=False)}", "---", "flowchart LR"]
    for level in sorted({n.level for n in view.nodes}):
        heading = _label(t(_COLUMNS[level], view.language))
        out.append(f'  subgraph level{level}["{heading}"]')
        out.append("    direction TB")
        for node in view.nodes:
            if node.level != level:
                continue
            lines = [*node.lines, *([node.badge] if node.badge else [])]
            text = "<br/>".join(_label(line) for line in lines)
            out.append(f'    {ids[node.id]}["{text}"]')
        out.append("  end")
    for edge in view.edges:
        arrow = "-->"
        if edge.style == "note":
            arrow = "---"
        elif edge.style == "implied" or edge.disbenefit:
            arrow = "-.->"
        note = _edge_label(edge.note or "") if edge.style == "contributes" else ""
        if edge.style == "mitigates":  # dotted, a cross for a head, and the word on it
            arrow = "-.-x"
            word = t("mitigates", view.language)
            note = _edge_label(f"{word}: {edge.note}" if edge.note else word)
        label = f'|"{note}"|' if note else ""
        out.append(f"  {ids[edge.source]} {arrow}{label} {ids[edge.target]}")
    out.extend(_link_styles(view))
    for kind, look in theme.KIND_STYLES.items():
        dash = ",stroke-dasharray:{:g} {:g}".format(*theme.DASHES["border"]) if look.dashed else ""
        weight = ",font-weight:bold" if look.bold else ""
        out.append(
            f"  classDef {kind} fill:{look.fill},stroke:{look.stroke},"
            f"stroke-width:{look.stroke_width:.1f}px,color:{theme.TEXT_COLOUR}{dash}{weight}"
        )
    for status, status_look in theme.STATUS_STYLES.items():
        out.append(f"  classDef {status} fill:{status_look.fill},stroke:{status_look.stroke}")
    for kind in theme.KIND_STYLES:
        members = [ids[n.id] for n in view.nodes if n.kind == kind]
        if members:
            out.append(f"  class {','.join(members)} {kind}")
    for status in theme.STATUS_STYLES:
        members = [ids[n.id] for n in view.nodes if n.status == status]
        if members:
            out.append(f"  class {','.join(members)} {status}")
    return "\n".join(out) + "\n"


def _size(text: str) -> int:
    """The length of ``text`` as JavaScript counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def mermaid_fits(text: str, edges: int) -> bool:
    """Whether Mermaid draws ``text`` with ``edges`` links under its default limits."""
    return _size(text) <= MAX_TEXT_SIZE and edges <= MAX_EDGES


@dataclasses.dataclass(frozen=True)
class MermaidPart:
    """One Mermaid diagram of a map: the whole map, or the elements under one goal.

    Attributes:
        goal: the goal's element id; ``None`` for the whole map, or (when split) for
            the elements under no goal.
        name: the goal's name (the map's title for the whole map; empty for the rest).
        elements: the ids of the elements shown, in plan order.
        edges: the number of links drawn.
        size: the length of the text (UTF-16 code units, as Mermaid counts it).
        text: the Mermaid source; ``None`` when it would exceed Mermaid's limits.
    """

    goal: str | None
    name: str
    elements: tuple[str, ...]
    edges: int
    size: int
    text: str | None


def _part(view: MapView, goal: str | None, name: str) -> MermaidPart:
    text = mermaid_text(view)
    elements = tuple(node.element for node in view.nodes if node.kind != "note")
    size = _size(text)
    fits = mermaid_fits(text, len(view.edges))
    return MermaidPart(goal, name, elements, len(view.edges), size, text if fits else None)


def _sub_view(view: MapView, keep: set[str], title: str) -> MapView:
    """The nodes in ``keep`` (and their notes) with the links between them."""
    for edge in view.edges:  # notes hang off their element
        if edge.style == "note" and edge.source in keep:
            keep.add(edge.target)
    return dataclasses.replace(
        view,
        title=title,
        nodes=tuple(node for node in view.nodes if node.id in keep),
        edges=tuple(e for e in view.edges if e.source in keep and e.target in keep),
        clusters=(),
    )


def mermaid_parts(view: MapView) -> list[MermaidPart]:
    """The map as Mermaid diagrams that Mermaid draws: one if it fits, else one per goal.

    A goal's diagram holds the goal and every element with a path of links up to it;
    an element under several goals is in each. Elements under no goal shown come last,
    in one diagram. A part above Mermaid's limits has ``text=None``.

    Examples:
        >>> import gevinst as gv
        >>> from gevinst.layout.view import map_view
        >>> plan = gv.Plan.new("p", "Demo")
        >>> _ = plan.add_goal("G1", "Mål")
        >>> [(p.goal, p.elements, p.text is not None) for p in mermaid_parts(map_view(plan))]
        [(None, ('G1',), True)]
    """
    whole = _part(view, None, view.title)
    if whole.text is not None:
        return [whole]
    feeders: dict[str, list[str]] = {}
    for edge in view.edges:
        if edge.style != "note":
            feeders.setdefault(edge.target, []).append(edge.source)
    goals = [node for node in view.nodes if node.kind == "goal"]
    if not goals:
        return [whole]
    parts: list[MermaidPart] = []
    covered: set[str] = set()
    for goal in goals:
        under = {goal.id}
        stack = [goal.id]
        while stack:
            for source in feeders.get(stack.pop(), ()):
                if source not in under:
                    under.add(source)
                    stack.append(source)
        covered |= under
        title = f"{view.title} \u2013 {goal.name}"
        parts.append(_part(_sub_view(view, under, title), goal.element, goal.name))
    rest = {n.id for n in view.nodes if n.id not in covered and n.kind != "note"}
    if rest:
        title = f"{view.title} \u2013 {t('mermaid_no_goal', view.language)}"
        parts.append(_part(_sub_view(view, rest, title), None, ""))
    return parts


def render_mermaid(request: MapRequest) -> bytes:
    """The map of a request as Mermaid flowchart text (UTF-8).

    Raises:
        RenderError: the map exceeds Mermaid's limits (one diagram cannot be split in a
            ``.mmd`` file); the message names the ways to draw it.
    """
    view = request.view()
    text = mermaid_text(view)
    if mermaid_fits(text, len(view.edges)):
        return text.encode("utf-8")
    goals = [node.element for node in view.nodes if node.kind == "goal"]
    remedy = "Draw the map as .svg or .html instead"
    if len(goals) > 1 or (goals and request.options.focus not in goals):
        shown = ", ".join(goals[:12]) + (", \u2026" if len(goals) > 12 else "")
        remedy = (
            f"Draw one goal at a time with --focus GOAL ({shown}), write the report as .md "
            "(one diagram per goal), or draw the map as .svg or .html"
        )
    edges, size = format_number(len(view.edges), "en"), format_number(_size(text), "en")
    raise RenderError(
        f"the Mermaid map has {edges} links and {size} characters; Mermaid draws at most "
        f"{MAX_EDGES} links and {format_number(MAX_TEXT_SIZE, 'en')} characters. {remedy}."
    )
