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

Names are never put into the page as markup: the SVG is XML-escaped, the JSON has
``<``, ``>`` and ``&`` as ``\\u003c``-style escapes, and the script writes tooltips
with ``textContent`` only.

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

import json
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from gevinst.i18n.words import t
from gevinst.layout.geometry import one_line
from gevinst.render.svg import layout_svg

if TYPE_CHECKING:
    from gevinst.layout.geometry import Layout
    from gevinst.layout.options import MapRequest
    from gevinst.model import Plan

__all__ = ["render_html"]

_CSS = """
:root { font-family: "DejaVu Sans", Arial, sans-serif; color: #1A1A1A; }
body { margin: 0; background: #FFFFFF; }
header { position: sticky; top: 0; z-index: 2; display: flex; gap: 12px; align-items: center;
  padding: 8px 16px; background: #F3F5F8; border-bottom: 1px solid #D5DBE2; }
header input { font: inherit; padding: 4px 8px; min-width: 18em; border: 1px solid #98A2AE;
  border-radius: 4px; }
header .hint { color: #4D4D4D; font-size: 90%; }
main { padding: 8px; overflow: auto; }
svg.gevinst-map { max-width: 100%; height: auto; }
svg.gevinst-map g.node { cursor: pointer; }
svg.gevinst-map g.node:focus { outline: none; }
svg.gevinst-map g.node:focus rect, svg.gevinst-map g.node:hover rect { stroke-width: 3; }
svg.gevinst-map.focused g.node:not(.chain), svg.gevinst-map.focused g.edge:not(.chain),
svg.gevinst-map.searching g.node:not(.match) { opacity: 0.18; }
svg.gevinst-map g.node.selected rect { stroke: #000000; stroke-width: 4; }
svg.gevinst-map g.node.match rect { stroke: #000000; stroke-width: 3; }
svg.gevinst-map g.edge.chain path { stroke: #1A1A1A; }
svg.gevinst-map g.edge.chain polygon { fill: #1A1A1A; }
#tooltip { position: fixed; z-index: 3; display: none; max-width: 26em; padding: 8px 10px;
  background: #FFFFFF; border: 1px solid #5F6B7A; border-radius: 6px;
  box-shadow: 0 2px 8px rgba(0,0,0,.2); font-size: 13px; pointer-events: none; }
#tooltip.visible { display: block; }
#tooltip .title { font-weight: bold; margin-bottom: 2px; }
#tooltip .kind { color: #4D4D4D; margin-bottom: 6px; }
#tooltip .label { font-weight: bold; }
#tooltip ul { margin: 2px 0 4px 0; padding-left: 18px; }
"""

_JS = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("gevinst-data").textContent);
  var svg = document.querySelector("svg.gevinst-map");
  var tip = document.getElementById("tooltip");
  var search = document.getElementById("search");
  var nodes = Array.prototype.slice.call(svg.querySelectorAll("g.node"));
  var edges = Array.prototype.slice.call(svg.querySelectorAll("g.edge"));
  function walk(start, links) {
    var seen = {}, stack = [start];
    seen[start] = true;
    while (stack.length) {
      var next = links[stack.pop()] || [];
      for (var i = 0; i < next.length; i++) {
        if (!seen[next[i]]) { seen[next[i]] = true; stack.push(next[i]); }
      }
    }
    return seen;
  }
  function clear() {
    svg.classList.remove("focused");
    nodes.concat(edges).forEach(function (el) { el.classList.remove("chain", "selected"); });
  }
  function select(id) {
    clear();
    var up = walk(id, data.feeds), down = walk(id, data.fedBy), chain = {};
    Object.keys(up).concat(Object.keys(down)).forEach(function (k) { chain[k] = true; });
    nodes.forEach(function (el) {
      var key = el.getAttribute("data-id");
      if (chain[key]) { el.classList.add("chain"); }
      if (key === id && !el.classList.contains("kind-assumption")) { el.classList.add("selected"); }
    });
    edges.forEach(function (el) {
      var s = el.getAttribute("data-source"), t = el.getAttribute("data-target");
      var note = t.indexOf("~note~") === 0 && s === id;
      if ((up[s] && up[t]) || (down[s] && down[t]) || note) { el.classList.add("chain"); }
    });
    svg.classList.add("focused");
  }
  function line(parent, label, text) {
    var row = document.createElement("div");
    var strong = document.createElement("span");
    strong.className = "label";
    strong.textContent = label + ": ";
    row.appendChild(strong);
    row.appendChild(document.createTextNode(text));
    parent.appendChild(row);
  }
  function list(parent, label, items) {
    if (!items.length) { return; }
    var head = document.createElement("div");
    head.className = "label";
    head.textContent = label + ":";
    parent.appendChild(head);
    var ul = document.createElement("ul");
    items.forEach(function (item) {
      var li = document.createElement("li");
      li.textContent = item;
      ul.appendChild(li);
    });
    parent.appendChild(ul);
  }
  function show(el, x, y) {
    var info = data.elements[el.getAttribute("data-id")];
    if (!info) { return; }
    while (tip.firstChild) { tip.removeChild(tip.firstChild); }
    var title = document.createElement("div");
    title.className = "title";
    title.textContent = info.name;
    tip.appendChild(title);
    var kind = document.createElement("div");
    kind.className = "kind";
    kind.textContent = info.kind + " \\u00b7 " + info.id;
    tip.appendChild(kind);
    if (info.status) { line(tip, data.words.status, info.status); }
    if (info.owner) { line(tip, data.words.owner, info.owner); }
    list(tip, data.words.indicators, info.indicators);
    list(tip, data.words.assumptions, info.assumptions);
    list(tip, data.words.link_notes, info.links);
    if (info.description) { line(tip, data.words.description, info.description); }
    tip.classList.add("visible");
    var left = Math.min(x + 14, window.innerWidth - tip.offsetWidth - 8);
    var top = Math.min(y + 14, window.innerHeight - tip.offsetHeight - 8);
    tip.style.left = Math.max(4, left) + "px";
    tip.style.top = Math.max(4, top) + "px";
  }
  function hide() { tip.classList.remove("visible"); }
  nodes.forEach(function (el) {
    el.setAttribute("tabindex", "0");
    el.setAttribute("role", "button");
    el.addEventListener("mousemove", function (ev) { show(el, ev.clientX, ev.clientY); });
    el.addEventListener("mouseleave", hide);
    el.addEventListener("focus", function () {
      var box = el.getBoundingClientRect();
      show(el, box.right, box.top);
    });
    el.addEventListener("blur", hide);
    el.addEventListener("click", function (ev) {
      ev.stopPropagation();
      select(el.getAttribute("data-id"));
    });
    el.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        select(el.getAttribute("data-id"));
      }
    });
  });
  svg.addEventListener("click", clear);
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { clear(); hide(); }
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter") { return; }
    var first = svg.querySelector("g.node.match");
    if (first) { first.scrollIntoView({block: "center", inline: "center"}); first.focus(); }
  });
  search.addEventListener("input", function () {
    var query = search.value.trim().toLowerCase();
    svg.classList.toggle("searching", query.length > 0);
    nodes.forEach(function (el) {
      var info = data.elements[el.getAttribute("data-id")];
      var hit = query.length > 0 && !!info && !el.classList.contains("kind-assumption") &&
        (info.name.toLowerCase().indexOf(query) >= 0 || info.id.toLowerCase().indexOf(query) >= 0);
      el.classList.toggle("match", hit);
    });
  });
}());
"""


def _json_for_script(value: object) -> str:
    """JSON that cannot end a ``<script>`` block or open a comment inside it."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, code)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _facts(plan: Plan, lay: Layout) -> dict[str, Any]:
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
        if edge.style == "note":
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
    hint = (
        "Pek på et element for detaljer, klikk for å vise kjeden, Esc for å nullstille."
        " Enter i søket viser første treff."
        if lang == "nb"
        else "Point at an element for details, click to show its chain, Esc to reset."
        " Enter in the search shows the first match."
    )
    page = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(lay.title)} · {escape(t('benefit_map', lang))}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f'<label for="search">{escape(t("search", lang))}</label>',
        f'<input id="search" type="search" autocomplete="off" '
        f'placeholder="{escape(t("search", lang))} …">',
        f'<span class="hint">{escape(hint)}</span>',
        "</header>",
        "<main>",
        layout_svg(lay, standalone=False),
        "</main>",
        '<div id="tooltip" role="tooltip"></div>',
        '<script type="application/json" id="gevinst-data">'
        f"{_json_for_script(_facts(request.plan, lay))}</script>",
        f"<script>{_JS}</script>",
        "</body>",
        "</html>",
    ]
    return ("\n".join(page) + "\n").encode("utf-8")
