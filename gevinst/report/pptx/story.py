"""The story of the council deck: which map slides it shows, in what order, and what it
leaves out. No drawing here: :mod:`gevinst.report.pptx.slides_map` draws what is chosen.

The main story has at most :data:`MAX_SLIDES` slides. The map comes as drill-downs
(:class:`Chain`): the overview, then each goal's parts, the goals with benefits off
track first, then at risk, then the largest; what no goal holds comes last
(:func:`chains`). :func:`select` takes the drill-downs that fit the room left, each
drawn whole or not at all, and of a goal too big for the room its most important runs
(:func:`runs`); the rest is left out (named on the deck's "what is left out" slide, and
drawn in the appendix when asked for, :func:`readable_parts`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gevinst.layout.options import MapOptions
from gevinst.report.pptx.map import readable

if TYPE_CHECKING:
    from gevinst.layout.geometry import Layout
    from gevinst.report.content import ReportData

__all__ = ["MAX_SLIDES", "Chain", "chains", "readable_parts", "runs", "select", "status_of"]

#: The main story of the council deck has at most this many slides (SPEC section 8);
#: an appendix, when asked for, comes after them.
MAX_SLIDES = 20


def status_of(data: ReportData, element: str) -> str | None:
    """The evaluated status of ``element`` (``None`` for a plan not evaluated)."""
    return data.evaluation.element(element).status if data.evaluation is not None else None


class Chain:
    """One drill-down of the map: the map slides of one goal (or the overview, the whole
    map, or what no goal holds), drawn together or not at all."""

    def __init__(self, key: str | None, rank: tuple[int, ...], parts: Any, ok: Any = None) -> None:
        self.key = key
        self.rank = rank
        self._parts = parts  # the parts, or a function that makes them
        self.ok = ok  # whether a layout is drawn with text of 12 pt or more

    def readable(self) -> bool:
        """Whether every part is drawn with text of 12 pt or more."""
        return self.ok is None or all(self.ok(lay) for _, lay in self.parts)

    @property
    def known(self) -> bool:
        """Whether the parts are laid out already."""
        return not callable(self._parts)

    @property
    def parts(self) -> list[tuple[str | None, Layout]]:
        if callable(self._parts):
            self._parts = self._parts()
        return list(self._parts)


def chains(data: ReportData) -> list[Chain]:
    """The map's drill-downs, most important first: the overview, then each goal's
    parts, goals with benefits off track first, then at risk, then the largest; what no
    goal holds comes last. Parts are laid out only when asked for."""
    from gevinst.layout.split import MapSplitter

    options = MapOptions(evaluation=data.evaluation, language=data.language)
    names = {e.id: e.name for e in data.plan.elements()}
    known: dict[int, tuple[Layout, bool]] = {}

    def ok(lay: Layout) -> bool:
        if id(lay) not in known:  # the splitter keeps its layouts: ids stay theirs
            known[id(lay)] = (lay, readable(lay, names))
        return known[id(lay)][1]

    splitter = MapSplitter(data.plan, options, ok)
    if splitter.whole is not None:
        return [Chain(None, (), [(None, splitter.whole)], ok)]
    found: list[Chain] = []
    if splitter.overview is not None:
        found.append(Chain("overview", (), [("overview", splitter.overview)], ok))
    ranked = []
    kinds = {e.id: e.kind for e in data.plan.elements()}
    for order, goal in enumerate(splitter.goals):
        members = splitter.members(goal)
        statuses = [status_of(data, m) for m in members if kinds.get(m) == "benefit"]
        rank = (-statuses.count("off_track"), -statuses.count("at_risk"), -len(members), order)
        ranked.append(Chain(goal, rank, lambda goal=goal: splitter.goal_parts(goal), ok))
    found += sorted(ranked, key=lambda c: c.rank)

    def rest() -> list[tuple[str | None, Layout]]:
        for goal in splitter.goals:
            splitter.goal_parts(goal)  # the rest is what no goal's parts hold
        lay = splitter.rest()
        return [] if lay is None else [("rest", lay)]

    found.append(Chain("rest", (), rest, ok))
    return found


def runs(chain: Chain) -> list[Chain]:
    """A goal's parts as runs of one element's parts (kept together, so that "(1/2)" is
    followed by "(2/2)"), those with benefits off track first, then at risk, then in
    the goal's order."""
    found: list[list[tuple[str | None, Layout]]] = []
    for root, lay in chain.parts:
        if found and found[-1][0][0] == root:
            found[-1].append((root, lay))
        else:
            found.append([(root, lay)])

    def rank(index: int) -> tuple[int, ...]:
        said = [n.status for _, lay in found[index] for n in lay.nodes if n.kind == "benefit"]
        return (-said.count("off_track"), -said.count("at_risk"), index)

    order = sorted(range(len(found)), key=rank)
    return [Chain(chain.key, rank(i), found[i], chain.ok) for i in order]


def select(drill_downs: list[Chain], room: int) -> tuple[list[Chain], list[Chain]]:
    """The drill-downs the main story shows in ``room`` map slides, in order, and those
    it leaves out: each drill-down whole when it fits and is readable; of a goal too
    big for the room left, its most important runs that fit (the rest of it is left
    out); the whole map, the overview and what no goal holds whole or not at all."""
    shown: list[Chain] = []
    left: list[Chain] = []
    slides = 0
    for chain in drill_downs:
        if slides >= room:
            left.append(chain)
            continue
        if len(chain.parts) <= room - slides and chain.readable():
            shown.append(chain)
            slides += len(chain.parts)
            continue
        if chain.key in (None, "overview", "rest"):
            left.append(chain)
            continue
        rest_parts: list[tuple[str | None, Layout]] = []
        for run in runs(chain):
            if len(run.parts) <= room - slides and run.readable():
                shown.append(run)
                slides += len(run.parts)
            else:
                rest_parts += run.parts
        if rest_parts:
            left.append(Chain(chain.key, chain.rank, rest_parts, chain.ok))
    return shown, [c for c in left if not c.known or c.parts]


def readable_parts(left: list[Chain]) -> tuple[list[Chain], list[str]]:
    """The drill-downs left out, with only the parts drawn with 12 pt text or more (for
    the appendix), and the roots of the parts no slide can show that way (they are in
    the HTML report)."""
    kept: list[Chain] = []
    unreadable: list[str] = []
    for chain in left:
        ok = chain.ok or (lambda lay: True)
        parts = [p for p in chain.parts if ok(p[1])]
        unreadable += [str(r) for r, lay in chain.parts if not ok(lay)]
        kept.append(Chain(chain.key, chain.rank, parts, chain.ok))
    return kept, unreadable
