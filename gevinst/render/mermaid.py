"""The benefit map as a Mermaid flowchart (``.mmd``) for wikis, GitHub and GitLab.

Left to right, one subgraph per column (Tiltak → … → Samfunnsmål), a class per kind
with the map's colours, dashed red arrows from dis-benefits and arrow width from the
weight. Node ids are ``n1, n2, …`` in plan order (Mermaid reserves words such as
``end``); every label is written with Mermaid's entity codes for anything but
letters, digits and plain punctuation, so quotes, brackets, ``<script>`` and the
like stay text. A link's note is the label of its arrow (``-->|"…"|``), written the
same way and with ``-`` and ``|`` as entity codes too, so it cannot end the label or
draw an arrow.

Examples:
    >>> import gevinst as gv
    >>> from gevinst.render import render_bytes
    >>> plan = gv.Plan.new("p", "Demo")
    >>> _ = plan.add_goal("G1", 'Sagt "hei" <b>')
    >>> print(render_bytes(plan, "mmd").decode().splitlines()[6])
        n1["Sagt #34;hei#34; #60;b#62;"]
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import gevinst.theme as theme
from gevinst.i18n.words import t

if TYPE_CHECKING:
    from gevinst.layout.request import MapRequest
    from gevinst.layout.view import MapView

__all__ = ["mermaid_text", "render_mermaid"]

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


def mermaid_text(view: MapView) -> str:
    """Mermaid flowchart source for a map view."""
    ids = {node.id: f"n{i}" for i, node in enumerate(view.nodes, start=1)}
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
    link_styles: list[str] = []
    for index, edge in enumerate(view.edges):
        arrow = "-->"
        if edge.style == "note":
            arrow = "---"
        elif edge.style == "implied" or edge.disbenefit:
            arrow = "-.->"
        note = _edge_label(edge.note or "") if edge.style == "contributes" else ""
        label = f'|"{note}"|' if note else ""
        out.append(f"  {ids[edge.source]} {arrow}{label} {ids[edge.target]}")
        colour = theme.EDGE_COLOUR
        if edge.disbenefit:
            colour = theme.DISBENEFIT_EDGE
        elif edge.style == "note":
            colour = theme.NOTE_STROKE
        width = theme.edge_width(edge.weight) * 1.25
        link_styles.append(
            f"  linkStyle {index} stroke:{colour},stroke-width:{width:.1f}px"
            + (
                ",stroke-dasharray:{:g} {:g}".format(*theme.DASHES["disbenefit"])
                if edge.disbenefit
                else ""
            )
        )
    out.extend(link_styles)
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


def render_mermaid(request: MapRequest) -> bytes:
    """The map of a request as Mermaid flowchart text (UTF-8)."""
    return mermaid_text(request.view()).encode("utf-8")
