"""The GV rules: what a good reviewer checks in a benefit plan (SPEC section 4).

:func:`check` returns :class:`Finding` objects, sorted by code and element. Each rule
is a small function registered with its code; the codes are stable. Errors mean the
plan cannot be evaluated; warnings and info are advice a consultant acts on.

Examples:
    >>> import gevinst as gv
    >>> plan = gv.Plan.new("p", "P")
    >>> _ = plan.add_measure("M1", "Tiltak uten retning")
    >>> [f.code for f in gv.check(plan)]
    ['GV101']
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx

from gevinst._files import paused_gc
from gevinst.amounts import Estimate
from gevinst.analysis.checks_money import money_problems, unranged_amounts
from gevinst.analysis.limits import outside_limits
from gevinst.errors import PlanCheckError
from gevinst.graph import ALLOWED_SAME_LEVEL, build_graph
from gevinst.model import LEVELS, Disbenefit, MapElement, Plan
from gevinst.personal_data import dotted, find_in_plan, is_national_id, mask

__all__ = ["CODES", "Finding", "Severity", "check", "is_national_id", "refuse_errors"]

Severity = Literal["error", "warning", "info"]

#: Every check code with its severity and a one-line title.
CODES: dict[str, tuple[Severity, str]] = {
    "GV001": ("error", "duplicate id"),
    "GV002": ("error", "reference to an unknown id"),
    "GV003": ("error", "cycle in the graph"),
    "GV004": ("error", "edge goes down a level, or across a level where not allowed"),
    "GV005": ("error", "weights into one element sum to more than 1"),
    "GV006": ("error", "impossible value"),
    "GV007": ("error", "value outside what a plan can hold"),
    "GV020": ("error", "range not in the order low <= most likely <= high"),
    "GV021": ("error", "ramp-up share outside 0..1"),
    "GV022": ("error", "correlation outside 0..1"),
    "GV023": ("info", "amount without a range where most amounts have one"),
    "GV101": ("warning", "measure contributes to nothing"),
    "GV102": ("warning", "benefit or dis-benefit does not reach any objective or goal"),
    "GV103": ("warning", "objective or goal has nothing contributing to it"),
    "GV104": ("warning", "benefit has no owner"),
    "GV105": ("warning", "benefit has no indicator"),
    "GV106": ("warning", "indicator has no baseline"),
    "GV107": ("warning", "indicator has no target"),
    "GV108": ("warning", "owner is not a stakeholder with power and interest set"),
    "GV109": ("warning", "measurement dated before its indicator's baseline"),
    "GV110": ("info", "stakeholder has no impact and owns nothing"),
    "GV111": ("warning", "monetised benefit feeds another monetised benefit"),
    "GV112": ("warning", "indicator has no source"),
    "GV113": ("warning", "powerful stakeholder is resistant or only hit by dis-benefits"),
    "GV201": ("error", "text looks like a national identity number"),
}

_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, order=True)
class Finding:
    """One thing ``check`` found: a stable code, a severity, the element and a message."""

    code: str
    severity: Severity
    element: str | None
    message: str

    def __str__(self) -> str:
        where = f" {self.element}" if self.element else ""
        return f"{self.code} {self.severity}{where}: {self.message}"


_Rule = Callable[["_Context"], Iterator[Finding]]
#: Each rule with the codes it can report, so a selection runs only the rules it needs.
_RULES: list[tuple[_Rule, tuple[str, ...]]] = []


def _rule(*codes: str) -> Callable[[_Rule], _Rule]:
    def register(func: _Rule) -> _Rule:
        _RULES.append((func, codes))
        return func

    return register


def _finding(code: str, element: str | None, message: str) -> Finding:
    return Finding(code, CODES[code][0], element, message)


class _Context:
    """What the rules share, computed once."""

    def __init__(self, plan: Plan, graph: nx.DiGraph | None = None) -> None:
        self.plan = plan
        self.elements: dict[str, MapElement] = {}
        for element in plan.elements():
            self.elements.setdefault(element.id, element)
        self.stakeholders = {s.id: s for s in reversed(plan.stakeholders)}
        self.indicators = {i.id: i for i in reversed(plan.indicators)}
        self.graph = build_graph(plan) if graph is None else graph

    def level(self, id: str) -> int:
        return LEVELS[self.elements[id].kind]

    def reaching_top(self) -> set[str]:
        """Elements with a path to an objective or goal (not counting themselves)."""
        reverse = self.graph.reverse(copy=False)
        tops = [n for n, kind in self.graph.nodes(data="kind") if kind in ("objective", "goal")]
        seen: set[str] = set()
        stack = [p for top in tops for p in reverse.successors(top)]
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            stack.extend(reverse.successors(node))
        return seen


def _kind_name(element: Any) -> str:
    kind: str = element.kind
    return "dis-benefit" if kind == "disbenefit" else kind


# -- errors -------------------------------------------------------------------------------


@_rule("GV001")
def _duplicate_ids(ctx: _Context) -> Iterator[Finding]:
    counts = Counter(record.id for record in ctx.plan.records())
    for id, count in sorted(counts.items()):
        if count > 1:
            kinds = sorted({r.kind for r in ctx.plan.records() if r.id == id})
            yield _finding(
                "GV001",
                id,
                f"the id {id!r} is used {count} times ({', '.join(kinds)}); ids must be unique "
                "across the whole plan: rename all but one",
            )


@_rule("GV002")
def _unknown_references(ctx: _Context) -> Iterator[Finding]:
    plan = ctx.plan

    def unknown(owner: str, what: str, ref: str, valid: str) -> Finding:
        return _finding("GV002", owner, f"{what} {ref!r} is not {valid}; fix the id or add it")

    if plan.info.owner and plan.info.owner not in ctx.stakeholders:
        yield unknown(plan.id, "plan owner", plan.info.owner, "a stakeholder")
    for element in plan.elements():
        for link in element.contributes_to:
            if link.to not in ctx.elements:
                yield unknown(element.id, "contributes_to", link.to, "an element of the map")
        owner = getattr(element, "owner", None)
        if owner and owner not in ctx.stakeholders:
            yield unknown(element.id, "owner", owner, "a stakeholder")
        for ref in getattr(element, "indicators", ()):
            if ref not in ctx.indicators:
                yield unknown(element.id, "indicator", ref, "an indicator")
    for stakeholder in plan.stakeholders:
        for ref in stakeholder.impacts:
            if ref not in ctx.elements:
                yield unknown(stakeholder.id, "impacts", ref, "an element of the map")
    for number, measurement in enumerate(plan.measurements):
        if measurement.indicator not in ctx.indicators:
            yield _finding(
                "GV002",
                None,
                f"measurements[{number}] ({measurement.date}) is of indicator "
                f"{measurement.indicator!r}, which is not an indicator; fix the id or add it",
            )
    for number, review in enumerate(plan.reviews):
        if review.element not in ctx.elements:
            yield _finding(
                "GV002",
                None,
                f"reviews[{number}] ({review.date}) is of {review.element!r}, which is not an "
                "element of the map; fix the id",
            )
        if review.by and review.by not in ctx.stakeholders:
            yield _finding(
                "GV002",
                review.element if review.element in ctx.elements else None,
                f"reviews[{number}] ({review.date}) is by {review.by!r}, which is not a "
                "stakeholder; fix the id or add the stakeholder",
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


@_rule("GV003")
def _cycles(ctx: _Context) -> Iterator[Finding]:
    for element in ctx.elements.values():
        if any(link.to == element.id for link in element.contributes_to):
            yield _finding(
                "GV003",
                element.id,
                f"{element.id} contributes to itself; remove that link",
            )
    if _acyclic(ctx.graph):
        return
    for component in nx.strongly_connected_components(ctx.graph):
        if len(component) < 2:
            continue
        sub = ctx.graph.subgraph(component)
        cycle = [u for u, _ in nx.find_cycle(sub, source=min(component))]
        cycle.append(cycle[0])
        yield _finding(
            "GV003",
            min(component),
            f"cycle {' -> '.join(cycle)}: an element cannot, through others, contribute to "
            "itself; remove one of these links",
        )


@_rule("GV004")
def _levels(ctx: _Context) -> Iterator[Finding]:
    for u, v in sorted(ctx.graph.edges):
        ku, kv = ctx.elements[u].kind, ctx.elements[v].kind
        lu, lv = LEVELS[ku], LEVELS[kv]
        if lv < lu:
            yield _finding(
                "GV004",
                u,
                f"{_kind_name(ctx.elements[u])} {u} contributes to {_kind_name(ctx.elements[v])} "
                f"{v}, which is lower on the map; arrows go from measures up towards goals",
            )
        elif lv == lu and (ku, kv) not in ALLOWED_SAME_LEVEL:
            yield _finding(
                "GV004",
                u,
                f"{_kind_name(ctx.elements[u])} {u} contributes to {_kind_name(ctx.elements[v])} "
                f"{v} on the same level; only benefit->benefit, dis-benefit->benefit, "
                "objective->objective and goal->goal may stay on a level",
            )


@_rule("GV005")
def _weights(ctx: _Context) -> Iterator[Finding]:
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
            yield _finding(
                "GV005",
                target,
                f"the weights into {target} sum to {total:g} ({', '.join(sources[target])}); "
                "a weight is a share of the target, so they may sum to at most 1",
            )


def _points(element: str, field: str, amount: Estimate) -> Iterator[tuple[str, str, float]]:
    """An amount's numbers: the most likely value, and low and high when it has a range."""
    yield element, field, float(amount)
    if amount.ranged:
        yield element, f"{field} (low)", amount.low
        yield element, f"{field} (high)", amount.high


def _numbers(ctx: _Context) -> Iterator[tuple[str | None, str, float]]:
    """Every number in the plan as (element id, field, value)."""
    plan = ctx.plan
    if plan.info.discount_rate is not None:
        yield plan.id, "discount_rate", plan.info.discount_rate
    for owner, field, amount in plan.amounts():
        yield from _points(owner, field, amount)
    for element in plan.elements():
        for link in element.contributes_to:
            if link.weight is not None:
                yield element.id, f"weight to {link.to}", link.weight
    for indicator in plan.indicators:
        if indicator.baseline is not None:
            yield indicator.id, "baseline.value", indicator.baseline.value
        for target in indicator.targets:
            yield indicator.id, f"target {target.date}", target.value
    for measurement in plan.measurements:
        yield measurement.indicator, f"measurement {measurement.date}", measurement.value


@_rule("GV006")
def _impossible_values(ctx: _Context) -> Iterator[Finding]:
    for element, name, value in _numbers(ctx):
        if not math.isfinite(value):
            yield _finding("GV006", element, f"{name} is {value}; write a finite number")
        elif value < 0 and name == "discount_rate":
            yield _finding(
                "GV006",
                element,
                f"discount_rate is negative ({value:g}); give a real rate of 0 or more "
                "(0.04 = 4 %), or leave it out for the R-109 rates",
            )
        elif value < 0 and name.startswith(("value.", "cost.")):
            yield _finding(
                "GV006",
                element,
                f"{name} is negative ({value:g}); money is given as a positive amount "
                "(a loss is a dis-benefit)",
            )
    for measure in ctx.plan.measures:
        if measure.start is not None and measure.end is not None and measure.end < measure.start:
            yield _finding(
                "GV006",
                measure.id,
                f"measure {measure.id} ends ({measure.end}) before it starts "
                f"({measure.start}); end is the last day it runs (and costs)",
            )
    for indicator in ctx.plan.indicators:
        dates = Counter(t.date for t in indicator.targets)
        for date, count in sorted(dates.items()):
            if count > 1:
                yield _finding(
                    "GV006",
                    indicator.id,
                    f"{count} targets are dated {date}; keep one target per date",
                )
        if indicator.baseline is not None:
            for target in indicator.targets:
                if target.date < indicator.baseline.date:
                    yield _finding(
                        "GV006",
                        indicator.id,
                        f"the target dated {target.date} is before the baseline "
                        f"({indicator.baseline.date}); a target lies after the baseline",
                    )


@_rule("GV007")
def _beyond_limits(ctx: _Context) -> Iterator[Finding]:
    for element, _field, message in outside_limits(ctx.plan):
        yield _finding("GV007", element, message)


@_rule("GV020", "GV021", "GV022")
def _uncertain_money(ctx: _Context) -> Iterator[Finding]:
    for code, element, _field, message in money_problems(ctx.plan):
        yield _finding(code, element, message)


@_rule("GV201")
def _personal_data(ctx: _Context) -> Iterator[Finding]:
    for element, loc, _ in find_in_plan(ctx.plan):
        yield _finding(
            "GV201",
            element,
            f"{mask(dotted(loc))} holds an 11-digit number with a valid "
            "fødselsnummer/D-number checksum; personal data must not be in a plan: remove it",
        )


# -- warnings -----------------------------------------------------------------------------


@_rule("GV101")
def _measures_lead_somewhere(ctx: _Context) -> Iterator[Finding]:
    for measure in ctx.plan.measures:
        if not measure.contributes_to:
            yield _finding(
                "GV101",
                measure.id,
                f"measure {measure.id} contributes to nothing; link it to the change or "
                "benefit it leads to (contributes_to)",
            )


@_rule("GV102")
def _benefits_reach_top(ctx: _Context) -> Iterator[Finding]:
    reaching = ctx.reaching_top()
    for element in (*ctx.plan.benefits, *ctx.plan.disbenefits):
        if element.id in ctx.graph and element.id not in reaching:
            yield _finding(
                "GV102",
                element.id,
                f"{_kind_name(element)} {element.id} does not reach any objective or goal; "
                "link it (contributes_to) to the objective it supports",
            )


@_rule("GV103")
def _tops_supported(ctx: _Context) -> Iterator[Finding]:
    for element in (*ctx.plan.objectives, *ctx.plan.goals):
        if element.id in ctx.graph and ctx.graph.in_degree(element.id) == 0:
            yield _finding(
                "GV103",
                element.id,
                f"nothing contributes to {_kind_name(element)} {element.id}; link the "
                "benefits or objectives that support it, or remove it",
            )


@_rule("GV104", "GV105")
def _benefit_owner_and_indicator(ctx: _Context) -> Iterator[Finding]:
    for benefit in ctx.plan.benefits:
        if not benefit.owner:
            yield _finding(
                "GV104",
                benefit.id,
                f"benefit {benefit.id} has no owner; name the stakeholder (gevinsteier) "
                "who answers for realising it (owner)",
            )
        if not benefit.indicators:
            yield _finding(
                "GV105",
                benefit.id,
                f"benefit {benefit.id} has no indicator; add how it will be measured (indicators)",
            )


@_rule("GV106", "GV107", "GV112")
def _indicator_completeness(ctx: _Context) -> Iterator[Finding]:
    for indicator in ctx.plan.indicators:
        if indicator.baseline is None:
            yield _finding(
                "GV106",
                indicator.id,
                f"indicator {indicator.id} has no baseline; add the value before the change "
                "(baseline: {date, value})",
            )
        if not indicator.targets:
            yield _finding(
                "GV107",
                indicator.id,
                f"indicator {indicator.id} has no target; add what it should reach and by "
                "when (targets: [{date, value}])",
            )
        if not indicator.source:
            yield _finding(
                "GV112",
                indicator.id,
                f"indicator {indicator.id} has no source; say where the numbers come from "
                "(source), or it cannot be measured",
            )


@_rule("GV108")
def _owners_are_stakeholders(ctx: _Context) -> Iterator[Finding]:
    owners: list[tuple[str, str]] = []
    if ctx.plan.info.owner:
        owners.append((ctx.plan.id, ctx.plan.info.owner))
    for element in ctx.plan.elements():
        owner = getattr(element, "owner", None)
        if owner:
            owners.append((element.id, owner))
    for owned, owner in owners:
        stakeholder = ctx.stakeholders.get(owner)
        if stakeholder is not None and (stakeholder.power is None or stakeholder.interest is None):
            missing = " and ".join(
                name for name in ("power", "interest") if getattr(stakeholder, name) is None
            )
            yield _finding(
                "GV108",
                owned,
                f"owner {owner} has no {missing} set; an owner belongs in the stakeholder "
                "analysis: set power and interest",
            )


@_rule("GV109")
def _measurement_dates(ctx: _Context) -> Iterator[Finding]:
    for measurement in ctx.plan.measurements:
        indicator = ctx.indicators.get(measurement.indicator)
        if indicator and indicator.baseline and measurement.date < indicator.baseline.date:
            yield _finding(
                "GV109",
                indicator.id,
                f"a measurement dated {measurement.date} is before the baseline "
                f"({indicator.baseline.date}); move the baseline or check the date",
            )


def _owned(plan: Plan) -> set[str]:
    owners = {getattr(e, "owner", None) for e in plan.elements()}
    owners.add(plan.info.owner)
    owners.update(review.by for review in plan.reviews)
    return {o for o in owners if o}


@_rule("GV110")
def _idle_stakeholders(ctx: _Context) -> Iterator[Finding]:
    owners = _owned(ctx.plan)
    for stakeholder in ctx.plan.stakeholders:
        if not stakeholder.impacts and stakeholder.id not in owners:
            yield _finding(
                "GV110",
                stakeholder.id,
                f"stakeholder {stakeholder.id} has no impacts and owns nothing; add what "
                "affects them (impacts) or leave them out",
            )


@_rule("GV111")
def _double_counting(ctx: _Context) -> Iterator[Finding]:
    for benefit in ctx.plan.benefits:
        if benefit.value is None:
            continue
        for link in benefit.contributes_to:
            target = ctx.elements.get(link.to)
            if target is not None and target.kind == "benefit" and target.value is not None:  # type: ignore[union-attr]
                yield _finding(
                    "GV111",
                    benefit.id,
                    f"monetised benefit {benefit.id} feeds monetised benefit {link.to}: the "
                    "same money may be counted twice; value only one of them",
                )


@_rule("GV113")
def _stakeholder_risk(ctx: _Context) -> Iterator[Finding]:
    for stakeholder in ctx.plan.stakeholders:
        if stakeholder.power not in ("medium", "high"):
            continue
        if stakeholder.attitude == "resistant":
            yield _finding(
                "GV113",
                stakeholder.id,
                f"stakeholder {stakeholder.id} has {stakeholder.power} power and is "
                "resistant; plan how to involve them",
            )
            continue
        impacts = stakeholder.impacts
        hit = [
            ref
            for ref, sign in impacts.items()
            if sign == "negative"
            or (ref in ctx.elements and ctx.elements[ref].kind == "disbenefit")
        ]
        if impacts and len(hit) == len(impacts):
            yield _finding(
                "GV113",
                stakeholder.id,
                f"stakeholder {stakeholder.id} has {stakeholder.power} power and is only hit "
                f"by dis-benefits ({', '.join(sorted(hit))}); show them what they gain, or "
                "plan for resistance",
            )


@_rule("GV023")
def _amounts_without_range(ctx: _Context) -> Iterator[Finding]:
    for code, element, _field, message in unranged_amounts(ctx.plan):
        yield _finding(code, element, message)


def check(
    plan: Plan,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    graph: nx.DiGraph | None = None,
) -> list[Finding]:
    """Check a plan against the GV rules.

    Args:
        plan: the plan to check.
        select: only these codes (or prefixes, e.g. ``"GV1"``); only the rules that can
            report them run.
        ignore: leave out these codes (or prefixes).
        graph: ``gv.build_graph(plan)`` if the caller has already built it (saves building it
            again on a large plan).

    Returns:
        The findings, errors first, then by code and element.

    Examples:
        >>> import gevinst as gv
        >>> plan = gv.Plan.new("p", "P")
        >>> _ = plan.add_goal("G1", "Mål", contributes_to=["G9"])
        >>> [f.code for f in gv.check(plan, select=["GV0"])]
        ['GV002']
    """
    chosen = tuple(select) if select else None
    left_out = tuple(ignore) if ignore else ()

    def wanted(code: str) -> bool:
        if chosen is not None and not code.startswith(chosen):
            return False
        return not (left_out and code.startswith(left_out))

    with paused_gc():  # many small objects, no cycles: the collector would only slow it
        ctx = _Context(plan, graph)
        findings = [
            finding
            for rule, codes in _RULES
            if any(wanted(code) for code in codes)
            for finding in rule(ctx)
            if wanted(finding.code)
        ]
    return sorted(
        set(findings),
        key=lambda f: (_SEVERITY_RANK[f.severity], f.code, f.element or "", f.message),
    )


#: The codes of severity ``error``: a plan with any of them cannot be evaluated.
ERROR_CODES: tuple[str, ...] = tuple(code for code, (sev, _) in CODES.items() if sev == "error")


def refuse_errors(plan: Plan, doing: str = "evaluated", *, graph: nx.DiGraph | None = None) -> None:
    """Refuse a plan with check errors before computing on it.

    Raises:
        PlanCheckError: ``the plan has N error(s) and cannot be {doing}``, with the first ten.
    """
    errors = check(plan, select=ERROR_CODES, graph=graph)
    if errors:
        listed = "; ".join(str(f) for f in errors[:10])
        more = f"; and {len(errors) - 10} more" if len(errors) > 10 else ""
        raise PlanCheckError(
            f"the plan has {len(errors)} error(s) and cannot be {doing}: {listed}{more}. "
            "Fix them first (`gevinst check` lists them with line numbers).",
            source=plan.id,
        )
