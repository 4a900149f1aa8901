"""The checks of how a plan's map hangs together: ids, references and links (SPEC section 4).

Every id once (GV001) and every reference to one that exists (GV002); the links of the
map without cycles (GV003), going up a level (GV004), with weights into an element that
add up to at most 1 (GV005), and mitigating only dis-benefits (GV008). Then the paths:
every measure leads somewhere (GV101), every benefit reaches an objective or goal
(GV102), every objective and goal has something under it (GV103), no monetised benefit
feeds another (GV111: the money would count twice) and no element both causes and
mitigates one dis-benefit (GV115).

The rules are found here as ``(code, element id, message)``, for ``check`` (which
registers them with their codes in ``gevinst.analysis.checks.CODES``, and shares with
them the plan's lookups and graph, built once: :class:`Context`).

Examples:
    >>> import gevinst as gv
    >>> plan = gv.Plan.new("p", "P")
    >>> _ = plan.add_measure("M1", "Tiltak", contributes_to=["M1"])
    >>> [f.code for f in gv.check(plan, select=["GV003"])]
    ['GV003']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any, Protocol

import networkx as nx

from gevinst.graph import ALLOWED_SAME_LEVEL
from gevinst.i18n.words import t
from gevinst.model import LEVELS, Disbenefit, Indicator, MapElement, Plan, Stakeholder

__all__ = [
    "Context",
    "Problem",
    "benefits_reach_top",
    "causes_and_mitigates",
    "cycles",
    "double_counting",
    "duplicate_ids",
    "levels",
    "measures_lead_somewhere",
    "mitigates_a_disbenefit",
    "tops_supported",
    "unknown_references",
    "weights",
]

#: (code, element id, message)
Problem = tuple[str, str | None, str]


class Context(Protocol):
    """What these rules read of the check's context: the plan, its elements, stakeholders
    and indicators by id (the first of each id), its graph, and the language."""

    plan: Plan
    language: str
    elements: dict[str, MapElement]
    stakeholders: dict[str, Stakeholder]
    indicators: dict[str, Indicator]
    graph: nx.DiGraph

    def say(self, key: str, **fields: object) -> str: ...

    def kind(self, element: Any) -> str: ...


def duplicate_ids(ctx: Context) -> Iterator[Problem]:
    """GV001: an id given to more than one record, with the kinds that share it."""
    counts = Counter(record.id for record in ctx.plan.records())
    for id, count in sorted(counts.items()):
        if count > 1:
            kinds = sorted({r.kind for r in ctx.plan.records() if r.id == id})
            words = ", ".join(t(kind, ctx.language).lower() for kind in kinds)
            yield ("GV001", id, ctx.say("gv001_duplicate", id=id, count=count, kinds=words))


def unknown_references(ctx: Context) -> Iterator[Problem]:
    """GV002: a link, mitigation, owner, indicator, impact, measurement or review
    that names an id the plan does not have."""
    plan = ctx.plan

    def unknown(owner: str | None, key: str, ref: str, **fields: object) -> Problem:
        return ("GV002", owner, ctx.say(key, ref=ref, **fields))

    if plan.info.owner and plan.info.owner not in ctx.stakeholders:
        yield unknown(plan.id, "gv002_plan_owner", plan.info.owner)
    for element in plan.elements():
        for link in element.contributes_to:
            if link.to not in ctx.elements:
                yield unknown(element.id, "gv002_link", link.to)
        for mitigation in getattr(element, "mitigates", ()):
            if mitigation.to not in ctx.elements:
                yield unknown(element.id, "gv002_mitigates", mitigation.to)
        owner = getattr(element, "owner", None)
        if owner and owner not in ctx.stakeholders:
            yield unknown(element.id, "gv002_owner", owner)
        for ref in getattr(element, "indicators", ()):
            if ref not in ctx.indicators:
                yield unknown(element.id, "gv002_indicator", ref)
    for stakeholder in plan.stakeholders:
        for ref in stakeholder.impacts:
            if ref not in ctx.elements:
                yield unknown(stakeholder.id, "gv002_impacts", ref)
    for number, measurement in enumerate(plan.measurements):
        if measurement.indicator not in ctx.indicators:
            yield unknown(
                None,
                "gv002_measurement",
                measurement.indicator,
                number=number,
                date=measurement.date,
            )
    for number, review in enumerate(plan.reviews):
        if review.element not in ctx.elements:
            yield unknown(
                None, "gv002_review_element", review.element, number=number, date=review.date
            )
        if review.by and review.by not in ctx.stakeholders:
            yield unknown(
                review.element if review.element in ctx.elements else None,
                "gv002_review_by",
                review.by,
                number=number,
                date=review.date,
            )


def mitigates_a_disbenefit(ctx: Context) -> Iterator[Problem]:
    """GV008: ``mitigates`` naming an element that is not a dis-benefit."""
    for element in ctx.plan.elements():
        for mitigation in getattr(element, "mitigates", ()):
            target = ctx.elements.get(mitigation.to)
            if target is None or target.kind == "disbenefit":
                continue  # an unknown id is GV002
            yield (
                "GV008",
                element.id,
                ctx.say(
                    "gv008_not_disbenefit",
                    id=element.id,
                    ref=mitigation.to,
                    kind=ctx.kind(target),
                ),
            )


def _acyclic(graph: nx.DiGraph) -> bool:
    """True when the graph has no cycle (Kahn's algorithm over plain dicts: fast)."""
    indegree: dict[str, int] = dict(graph.in_degree())
    ready = [node for node, degree in indegree.items() if degree == 0]
    seen = 0
    successors = graph.succ
    while ready:
        node = ready.pop()
        seen += 1
        for follower in successors[node]:
            indegree[follower] -= 1
            if indegree[follower] == 0:
                ready.append(follower)
    return seen == len(indegree)


def cycles(ctx: Context) -> Iterator[Problem]:
    """GV003: an element that contributes to itself, and each cycle of the map."""
    for element in ctx.elements.values():
        if any(link.to == element.id for link in element.contributes_to):
            yield ("GV003", element.id, ctx.say("gv003_self", id=element.id))
    if _acyclic(ctx.graph):
        return
    for component in nx.strongly_connected_components(ctx.graph):
        if len(component) < 2:
            continue
        sub = ctx.graph.subgraph(component)
        cycle = [u for u, _ in nx.find_cycle(sub, source=min(component))]
        cycle.append(cycle[0])
        yield ("GV003", min(component), ctx.say("gv003_cycle", cycle=" -> ".join(cycle)))


def levels(ctx: Context) -> Iterator[Problem]:
    """GV004: a link that goes down a level, or across where that is not allowed."""
    for u, v in sorted(ctx.graph.edges):
        ku, kv = ctx.elements[u].kind, ctx.elements[v].kind
        lu, lv = LEVELS[ku], LEVELS[kv]
        kinds = {"kind": ctx.kind(ctx.elements[u]), "target_kind": ctx.kind(ctx.elements[v])}
        if lv < lu:
            yield ("GV004", u, ctx.say("gv004_down", id=u, target=v, **kinds))
        elif lv == lu and (ku, kv) not in ALLOWED_SAME_LEVEL:
            yield ("GV004", u, ctx.say("gv004_across", id=u, target=v, **kinds))


def weights(ctx: Context) -> Iterator[Problem]:
    """GV005: weights into one element that add up to more than 1."""
    totals: dict[str, float] = {}
    sources: dict[str, list[str]] = {}
    for element in ctx.elements.values():
        if isinstance(element, Disbenefit):
            continue
        for link in element.contributes_to:
            if link.weight is not None and link.to in ctx.elements:
                totals[link.to] = totals.get(link.to, 0.0) + link.weight
                sources.setdefault(link.to, []).append(f"{element.id}={link.weight:g}")
    for target, total in sorted(totals.items()):
        if total > 1.0 + 1e-9:
            listed = ", ".join(sources[target])
            message = ctx.say("gv005_weights", target=target, total=f"{total:g}", sources=listed)
            yield ("GV005", target, message)


def measures_lead_somewhere(ctx: Context) -> Iterator[Problem]:
    """GV101: a measure that neither contributes to nor mitigates anything."""
    for measure in ctx.plan.measures:
        # a measure that only mitigates a dis-benefit does lead somewhere
        if not measure.contributes_to and not measure.mitigates:
            yield ("GV101", measure.id, ctx.say("gv101_nothing", id=measure.id))


def benefits_reach_top(ctx: Context) -> Iterator[Problem]:
    """GV102: a benefit or dis-benefit with no path to an objective or goal."""
    reaching = _reaching_top(ctx.graph)
    for element in (*ctx.plan.benefits, *ctx.plan.disbenefits):
        if element.id in ctx.graph and element.id not in reaching:
            message = ctx.say("gv102_no_top", kind=ctx.kind(element), id=element.id)
            yield ("GV102", element.id, message)


def tops_supported(ctx: Context) -> Iterator[Problem]:
    """GV103: an objective or goal that nothing contributes to."""
    for element in (*ctx.plan.objectives, *ctx.plan.goals):
        if element.id in ctx.graph and ctx.graph.in_degree(element.id) == 0:
            message = ctx.say("gv103_unsupported", kind=ctx.kind(element), id=element.id)
            yield ("GV103", element.id, message)


def double_counting(ctx: Context) -> Iterator[Problem]:
    """GV111: a monetised benefit that feeds another monetised benefit."""
    for benefit in ctx.plan.benefits:
        if benefit.value is None:
            continue
        for link in benefit.contributes_to:
            target = ctx.elements.get(link.to)
            if target is not None and target.kind == "benefit" and target.value is not None:  # type: ignore[union-attr]
                message = ctx.say("gv111_twice", id=benefit.id, target=link.to)
                yield ("GV111", benefit.id, message)


def causes_and_mitigates(ctx: Context) -> Iterator[Problem]:
    """GV115: an element that both contributes to and mitigates one dis-benefit."""
    # contributes_to a dis-benefit says the element causes it; mitigates, that it
    # reduces it: both on one element cannot both be true as written
    for section in (ctx.plan.changes, ctx.plan.measures):
        for element in section:
            causes = {link.to for link in element.contributes_to}
            both = sorted({m.to for m in element.mitigates if m.to in causes})
            for ref in both:
                target = ctx.elements.get(ref)
                if target is None or target.kind != "disbenefit":
                    continue  # GV002, GV008
                message = ctx.say("gv115_both", kind=ctx.kind(element), id=element.id, ref=ref)
                yield ("GV115", element.id, message)


def _reaching_top(graph: nx.DiGraph) -> set[str]:
    """Elements with a path to an objective or goal (not counting themselves)."""
    reverse = graph.reverse(copy=False)
    tops = [n for n, kind in graph.nodes(data="kind") if kind in ("objective", "goal")]
    seen: set[str] = set()
    stack = [p for top in tops for p in reverse.successors(top)]
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        stack.extend(reverse.successors(node))
    return seen
