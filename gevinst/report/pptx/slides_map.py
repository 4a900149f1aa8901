"""The benefit map's slides in the council deck: the drill-downs
:mod:`gevinst.report.pptx.story` chose, one slide per part (split by goal when one slide
would need text under 9 pt, see :mod:`gevinst.layout.split`), each drawn as native
shapes and connectors by :mod:`gevinst.report.pptx.map`, with its title and speaker
notes that say what the part feeds and which benefits are behind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gevinst.report.pptx.base import SLIDE_H, _new_slide, _one_line
from gevinst.report.pptx.map import draw_legend, draw_map
from gevinst.report.pptx.slides_text import amount, listing

if TYPE_CHECKING:
    from gevinst.layout.geometry import Layout
    from gevinst.report.content import ReportData
    from gevinst.report.pptx.story import Chain

__all__ = ["map_slides"]


def _map_titles(
    data: ReportData, chain: Chain, used: set[str]
) -> list[tuple[str | None, Layout, str]]:
    """The parts of ``chain`` with their titles: ``(1/2)`` and ``(2/2)`` for one
    element's parts (they follow one another); a title used before gets the goal's name."""
    parts = chain.parts
    totals: dict[str | None, int] = {}
    for root, _ in parts:
        totals[root] = totals.get(root, 0) + 1
    seen: dict[str | None, int] = {}
    out = []
    for root, lay in parts:
        seen[root] = seen.get(root, 0) + 1
        if root is None:
            title = data.phrase("map_title")
        elif root == "overview":
            title = f"{data.phrase('map_title')}: {data.phrase('overview').lower()}"
        elif root == "rest":
            title = data.phrase("map_part", name=data.phrase("other_goals").lower())
        else:
            title = data.phrase("map_part", name=_one_line(data.name_of(root)))
            if chain.key is not None and root != chain.key and title in used:
                title = f"{title} – {_one_line(data.name_of(chain.key))}"
        if totals[root] > 1:
            title += f" ({seen[root]}/{totals[root]})"
        out.append((root, lay, title))
    return out


def map_slides(prs: Any, data: ReportData, chain: Chain, used: set[str], first: bool) -> list[Any]:
    """The slides of one drill-down; ``first`` for the first map slide of the deck."""
    names = {e.id: e.name for e in data.plan.elements()}
    slides = []
    for number, (root, lay, title) in enumerate(_map_titles(data, chain, used)):
        used.add(title)
        notes = _map_notes(data, root, lay, number if first else 1, 1)
        slide = _new_slide(prs, data, title, notes)
        draw_map(slide, lay, names, palette=data.theme)
        draw_legend(slide, lay, SLIDE_H - 26, look=data.theme)
        slides.append(slide)
    return slides


def _map_notes(data: ReportData, root: str | None, lay: Layout, number: int, parts: int) -> str:
    text: list[str] = []
    if number == 0:
        text.append(data.phrase("deck_map_notes"))
        if data.evaluation is not None:
            text.append(data.phrase("deck_map_colours"))
        if parts > 1:
            text.append(data.phrase("deck_map_split", parts=parts))
    if root == "overview":
        text.append(data.phrase("deck_map_overview"))
    elif root not in (None, "rest"):
        kinds = [n.kind for n in lay.nodes]
        name = data.name_of(root)
        count = listing(
            data,
            [
                amount(data, kinds.count(k), k)
                for k in ("measure", "benefit", "disbenefit")
                if kinds.count(k)
            ],
        )
        text.append(data.phrase("deck_map_feeds", name=name, count=count))
    for status, key in (("off_track", "deck_off_track_here"), ("at_risk", "deck_at_risk_here")):
        behind = [n.element for n in lay.nodes if n.status == status and n.kind == "benefit"]
        if behind:
            listed = "; ".join(data.name_of(b) for b in behind)
            text.append(data.phrase(key, names=listed))
    return " ".join(text)
