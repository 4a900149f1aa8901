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
from gevinst.analysis import checks_structure as structure
from gevinst.analysis.checks_money import money_problems, unranged_amounts
from gevinst.analysis.checks_structure import Problem
from gevinst.analysis.indicators import overdue_since
from gevinst.analysis.limits import outside_limits
from gevinst.errors import PlanCheckError, Said
from gevinst.graph import build_graph
from gevinst.i18n.words import t
from gevinst.model import MapElement, Measurement, Plan
from gevinst.personal_data import dotted, find_in_plan, is_national_id, mask

__all__ = ["CODES", "Finding", "Severity", "check", "is_national_id", "refuse_errors", "title"]

Severity = Literal["error", "warning", "info"]

#: Every check code with its severity and the key of its one-line title in
#: :mod:`gevinst.i18n.words` (nb and en).
_CODE_TITLES: dict[str, tuple[Severity, str]] = {
    "GV001": ("error", "gv001"),
    "GV002": ("error", "gv002"),
    "GV003": ("error", "gv003"),
    "GV004": ("error", "gv004"),
    "GV005": ("error", "gv005"),
    "GV006": ("error", "gv006"),
    "GV007": ("error", "gv007"),
    "GV008": ("error", "gv008"),
    "GV020": ("error", "gv020"),
    "GV021": ("error", "gv021"),
    "GV022": ("error", "gv022"),
    "GV023": ("info", "gv023"),
    "GV101": ("warning", "gv101"),
    "GV102": ("warning", "gv102"),
    "GV103": ("warning", "gv103"),
    "GV104": ("warning", "gv104"),
    "GV105": ("warning", "gv105"),
    "GV106": ("warning", "gv106"),
    "GV107": ("warning", "gv107"),
    "GV108": ("warning", "gv108"),
    "GV109": ("warning", "gv109"),
    "GV110": ("info", "gv110"),
    "GV111": ("warning", "gv111"),
    "GV112": ("warning", "gv112"),
    "GV113": ("warning", "gv113"),
    "GV114": ("warning", "gv114"),
    "GV115": ("warning", "gv115"),
    "GV201": ("error", "gv201"),
}
#: Every check code with its severity and a one-line title (in English).
CODES: dict[str, tuple[Severity, str]] = {
    code: (severity, t(key, "en")) for code, (severity, key) in _CODE_TITLES.items()
}


def title(code: str, language: str = "en") -> str:
    """The one-line title of a GV code in ``language``.

    >>> title("GV104", "nb"), title("GV104", "en")
    ('gevinst uten eier', 'benefit has no owner')
    """
    return t(_CODE_TITLES[code][1], language)


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


def _told(rule: Callable[[_Context], Iterator[Problem]]) -> _Rule:
    """A rule that says its problems as ``(code, element id, message)``, as findings."""

    def findings(ctx: _Context) -> Iterator[Finding]:
        for code, element, message in rule(ctx):
            yield _finding(code, element, message)

    return findings


class _Context:
    """What the rules share, computed once, and the language their messages are in."""

    def __init__(
        self, plan: Plan, graph: nx.DiGraph | None = None, language: str | None = None
    ) -> None:
        self.plan = plan
        self.language = language or plan.language
        self.elements: dict[str, MapElement] = {}
        for element in plan.elements():
            self.elements.setdefault(element.id, element)
        self.stakeholders = {s.id: s for s in reversed(plan.stakeholders)}
        self.indicators = {i.id: i for i in reversed(plan.indicators)}
        self.graph = build_graph(plan) if graph is None else graph

    def say(self, key: str, **fields: object) -> str:
        """The message ``key`` of :mod:`gevinst.i18n.words` in the check's language."""
        return t(key, self.language).format(**fields)

    def kind(self, element: Any) -> str:
        """The kind of ``element`` as a word in a sentence: ``benefit``, ``gevinst``."""
        return t(element.kind, self.language).lower()


# -- errors -------------------------------------------------------------------------------

# how the map hangs together: gevinst.analysis.checks_structure
_rule("GV001")(_told(structure.duplicate_ids))
_rule("GV002")(_told(structure.unknown_references))
_rule("GV008")(_told(structure.mitigates_a_disbenefit))
_rule("GV003")(_told(structure.cycles))
_rule("GV004")(_told(structure.levels))
_rule("GV005")(_told(structure.weights))


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
            yield _finding("GV006", element, ctx.say("gv006_not_finite", name=name, value=value))
        elif value < 0 and name == "discount_rate":
            yield _finding("GV006", element, ctx.say("gv006_negative_rate", value=f"{value:g}"))
        elif value < 0 and name.startswith(("value.", "cost.")):
            message = ctx.say("gv006_negative_money", name=name, value=f"{value:g}")
            yield _finding("GV006", element, message)
    for measure in ctx.plan.measures:
        if measure.start is not None and measure.end is not None and measure.end < measure.start:
            message = ctx.say(
                "gv006_ends_before", id=measure.id, end=measure.end, start=measure.start
            )
            yield _finding("GV006", measure.id, message)
    for indicator in ctx.plan.indicators:
        dates = Counter(t.date for t in indicator.targets)
        for date, count in sorted(dates.items()):
            if count > 1:
                message = ctx.say("gv006_same_date", count=count, date=date)
                yield _finding("GV006", indicator.id, message)
        if indicator.baseline is not None:
            for target in indicator.targets:
                if target.date < indicator.baseline.date:
                    message = ctx.say(
                        "gv006_target_before", date=target.date, baseline=indicator.baseline.date
                    )
                    yield _finding("GV006", indicator.id, message)


@_rule("GV007")
def _beyond_limits(ctx: _Context) -> Iterator[Finding]:
    for element, _field, message in outside_limits(ctx.plan):
        yield _finding("GV007", element, message.in_language(ctx.language))


@_rule("GV020", "GV021", "GV022")
def _uncertain_money(ctx: _Context) -> Iterator[Finding]:
    for code, element, _field, message in money_problems(ctx.plan, ctx.language):
        yield _finding(code, element, message)


@_rule("GV201")
def _personal_data(ctx: _Context) -> Iterator[Finding]:
    for element, loc, _ in find_in_plan(ctx.plan):
        yield _finding("GV201", element, ctx.say("gv201_found", place=mask(dotted(loc))))


# -- warnings -----------------------------------------------------------------------------


_rule("GV101")(_told(structure.measures_lead_somewhere))
_rule("GV102")(_told(structure.benefits_reach_top))
_rule("GV103")(_told(structure.tops_supported))


@_rule("GV104", "GV105")
def _benefit_owner_and_indicator(ctx: _Context) -> Iterator[Finding]:
    for benefit in ctx.plan.benefits:
        if not benefit.owner:
            yield _finding("GV104", benefit.id, ctx.say("gv104_no_owner", id=benefit.id))
        if not benefit.indicators:
            yield _finding("GV105", benefit.id, ctx.say("gv105_no_indicator", id=benefit.id))


@_rule("GV106", "GV107", "GV112")
def _indicator_completeness(ctx: _Context) -> Iterator[Finding]:
    for indicator in ctx.plan.indicators:
        if indicator.baseline is None:
            yield _finding("GV106", indicator.id, ctx.say("gv106_no_baseline", id=indicator.id))
        if not indicator.targets:
            yield _finding("GV107", indicator.id, ctx.say("gv107_no_target", id=indicator.id))
        if not indicator.source:
            yield _finding("GV112", indicator.id, ctx.say("gv112_no_source", id=indicator.id))


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
            missing = [n for n in ("power", "interest") if getattr(stakeholder, n) is None]
            keys: dict[tuple[str, ...], str] = {
                ("power",): "gv108_power",
                ("interest",): "gv108_interest",
            }
            key = keys.get(tuple(missing), "gv108_both")
            yield _finding("GV108", owned, ctx.say(key, owner=owner))


@_rule("GV109")
def _measurement_dates(ctx: _Context) -> Iterator[Finding]:
    for measurement in ctx.plan.measurements:
        indicator = ctx.indicators.get(measurement.indicator)
        if indicator and indicator.baseline and measurement.date < indicator.baseline.date:
            message = ctx.say(
                "gv109_before_baseline", date=measurement.date, baseline=indicator.baseline.date
            )
            yield _finding("GV109", indicator.id, message)


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
            yield _finding("GV110", stakeholder.id, ctx.say("gv110_idle", id=stakeholder.id))


_rule("GV111")(_told(structure.double_counting))


@_rule("GV113")
def _stakeholder_risk(ctx: _Context) -> Iterator[Finding]:
    for stakeholder in ctx.plan.stakeholders:
        if stakeholder.power not in ("medium", "high"):
            continue
        if stakeholder.attitude == "resistant":
            power = t(stakeholder.power, ctx.language).lower()
            message = ctx.say("gv113_resistant", id=stakeholder.id, power=power)
            yield _finding("GV113", stakeholder.id, message)
            continue
        impacts = stakeholder.impacts
        hit = [
            ref
            for ref, sign in impacts.items()
            if sign == "negative"
            or (ref in ctx.elements and ctx.elements[ref].kind == "disbenefit")
        ]
        if impacts and len(hit) == len(impacts):
            power = t(stakeholder.power, ctx.language).lower()
            message = ctx.say(
                "gv113_only_hit", id=stakeholder.id, power=power, hit=", ".join(sorted(hit))
            )
            yield _finding("GV113", stakeholder.id, message)


@_rule("GV114")
def _overdue_measurements(ctx: _Context) -> Iterator[Finding]:
    # As of the plan's latest measurement, not today: the same file gives the same
    # findings any day, and an indicator that fell behind the others is what shows.
    measurements = ctx.plan.measurements
    if not measurements:
        return
    newest = max(m.date for m in measurements)
    # each indicator's own measurements, gathered once (a plan has tens of thousands)
    own: dict[str, list[Measurement]] = {}
    for measurement in measurements:
        own.setdefault(measurement.indicator, []).append(measurement)
    for indicator in ctx.plan.indicators:
        since = overdue_since(indicator, own.get(indicator.id, []), newest)
        if since is not None and indicator.frequency is not None:
            message = ctx.say(
                "gv114_overdue",
                id=indicator.id,
                frequency=t(indicator.frequency, ctx.language).lower(),
                since=since.isoformat(),
                newest=newest.isoformat(),
            )
            yield _finding("GV114", indicator.id, message)


_rule("GV115")(_told(structure.causes_and_mitigates))


@_rule("GV023")
def _amounts_without_range(ctx: _Context) -> Iterator[Finding]:
    for code, element, _field, message in unranged_amounts(ctx.plan, ctx.language):
        yield _finding(code, element, message)


def check(
    plan: Plan,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    graph: nx.DiGraph | None = None,
    language: str | None = None,
) -> list[Finding]:
    """Check a plan against the GV rules.

    Args:
        plan: the plan to check.
        select: only these codes (or prefixes, e.g. ``"GV1"``); only the rules that can
            report them run.
        ignore: leave out these codes (or prefixes).
        graph: ``gv.build_graph(plan)`` if the caller has already built it (saves building it
            again on a large plan).
        language: ``"nb"`` or ``"en"`` for the messages; default: the plan's language.

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
        ctx = _Context(plan, graph, language)
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
        PlanCheckError: ``the plan has N error(s) and cannot be {doing}``, with the first ten
            (the findings in the plan's language; ``in_language("nb")`` says the rest in nb).
    """
    errors = check(plan, select=ERROR_CODES, graph=graph)
    if errors:
        listed = "; ".join(str(f) for f in errors[:10])
        more: object = Said("check_and_more", count=len(errors) - 10) if len(errors) > 10 else ""
        key = _DOING.get(doing)
        said = Said("check_cannot_be", count=len(errors), doing=Said(key) if key else doing)
        reason = Said("check_fix_first", said=said, listed=listed, more=more)
        raise PlanCheckError(reason, source=plan.id)


#: What a plan with check errors cannot be, as the word table says it.
_DOING = {"evaluated": "check_evaluated", "simulated": "check_simulated"}
