"""Scores up the map: from indicator results to a score, coverage and status per element.

The rules of SPEC section 3 for elements (:mod:`gevinst.analysis.evaluate` sums them
up): an element with indicators of its own scores the mean of their progress, each
clipped to ``[0, cap]``; one without takes the weighted mean of the scores of the
benefits, objectives and goals feeding it (:func:`roll_up`). Dis-benefits are scored
but never feed another score: they are listed beside it.

:class:`Scoring` holds what does not depend on the date (the graph, the measurements by
indicator, the order scores roll up in) and applies the rules on any date; an
:class:`~gevinst.analysis.evaluate.Evaluation` keeps one and asks it for each date.

Examples:
    >>> import gevinst as gv
    >>> plan = gv.load("examples/bergen_barnevern/plan.yaml")
    >>> scoring = Scoring(plan, (0.9, 0.6), 1.0, gv.build_graph(plan))
    >>> indicators, elements = scoring.results(dt.date(2025, 10, 1))
    >>> elements["B6"].status, elements["G1"].basis
    ('on_track', 'contributors')
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import networkx as nx

from gevinst.analysis.indicators import (
    IndicatorResult,
    Status,
    Trend,
    indicator_result,
    judge,
    trend_of,
)
from gevinst.graph import resolve_weights
from gevinst.model import Measurement, Plan

__all__ = [
    "FEEDING_KINDS",
    "SCORED_KINDS",
    "ElementResult",
    "Scoring",
    "roll_up",
]

#: Kinds of element that get a score. Measures and changes do not.
SCORED_KINDS = frozenset({"benefit", "disbenefit", "objective", "goal"})

#: Kinds whose score feeds the element they contribute to (not dis-benefits).
FEEDING_KINDS = frozenset({"benefit", "objective", "goal"})


@dataclass(frozen=True)
class ElementResult:
    """One element of the map at the evaluation date.

    Attributes:
        id: the element's id.
        kind: ``benefit``, ``disbenefit``, ``objective``, ``goal``, ``change`` or
            ``measure``.
        name: its name.
        score: in ``[0, cap]``; ``None`` without one (always for measures and changes).
        coverage: 1 for a score from the element's own indicators; otherwise the share
            of the weight of the contributing benefits, objectives and goals that had a
            score; 0 when it has no score; ``None`` for measures and changes.
        status: one of :data:`~gevinst.analysis.indicators.STATUSES` (``not_measured``
            without a score); ``None`` for measures and changes, which are not scored.
        basis: ``"indicators"`` (own indicators), ``"contributors"`` (rolled up) or
            ``None`` (no score).
        indicators: the ids of the element's own indicators.
        disbenefits: the dis-benefits that contribute to it, listed beside its score.
        previous_date: the date of its previous measurement period: the latest date
            of a measurement before the latest one of an indicator its score rests on
            (``None`` when none has two).
        previous_status: the status the evaluation gave on ``previous_date``.
        trend: ``status`` beside ``previous_status``: ``improved``, ``worsened``,
            ``unchanged``, ``new`` (no earlier judgement), ``None`` without a judgement
            now.
    """

    id: str
    kind: str
    name: str
    score: float | None
    coverage: float | None
    status: Status | None
    basis: Literal["indicators", "contributors"] | None = None
    indicators: tuple[str, ...] = ()
    disbenefits: tuple[str, ...] = ()
    previous_date: dt.date | None = None
    previous_status: Status | None = None
    trend: Trend | None = None


def _reweighted(graph: nx.DiGraph, removed: str) -> nx.DiGraph:
    """The graph without ``removed``, with the weights into its targets resolved anew."""
    out = graph.copy()
    targets = list(out.successors(removed))
    out.remove_node(removed)
    for target in targets:
        given = [
            (u, out.edges[u, target].get("given_weight"))
            for u in out.predecessors(target)
            if out.nodes[u]["kind"] != "disbenefit"
        ]
        for source, weight in resolve_weights(given).items():
            out.edges[source, target]["weight"] = weight
    return out


def _held_status(refs: Sequence[str], indicators: Mapping[str, IndicatorResult]) -> Status:
    """The status of an element without a score: ``not_measured``, unless some of its
    own indicators hold the line (every target equal to the baseline: no progress, ever)
    and are measured; then the worst of theirs, so that a measured harm shows."""
    held = [
        indicators[ref].status
        for ref in refs
        if ref in indicators
        and indicators[ref].progress is None
        and indicators[ref].status in ("on_track", "off_track")
    ]
    return "off_track" if "off_track" in held else "on_track" if held else "not_measured"


def roll_up(
    graph: nx.DiGraph, own: Mapping[str, float], order: Iterable[str] | None = None
) -> dict[str, tuple[float | None, float | None]]:
    """(score, coverage) of every node (or of those in ``order``, a topological order
    that holds all that feeds them): own indicator score, else the weighted mean of the
    scores of the benefits, objectives and goals feeding it.

    >>> g = nx.DiGraph()
    >>> g.add_nodes_from([("B1", {"kind": "benefit"}), ("B2", {"kind": "benefit"}),
    ...                   ("G1", {"kind": "goal"})])
    >>> g.add_edge("B1", "G1", weight=3.0); g.add_edge("B2", "G1", weight=1.0)
    >>> roll_up(g, {"B1": 0.5})["G1"]  # only B1 is scored: its score, 3/4 of the weight
    (0.5, 0.75)
    """
    out: dict[str, tuple[float | None, float | None]] = {}
    for node in nx.topological_sort(graph) if order is None else order:
        kind = graph.nodes[node]["kind"]
        if kind not in SCORED_KINDS:
            out[node] = (None, None)
            continue
        if node in own:
            out[node] = (own[node], 1.0)
            continue
        total = scored = weighted = 0.0
        for source in graph.predecessors(node):
            if graph.nodes[source]["kind"] not in FEEDING_KINDS:
                continue
            weight = float(graph.edges[source, node]["weight"])
            total += weight
            score = out[source][0]
            if score is not None:
                scored += weight
                weighted += weight * score
        if scored > 0:
            out[node] = (weighted / scored, scored / total)
        else:
            out[node] = (None, 0.0)
    return out


class Scoring:
    """The rules of SPEC section 3 for one plan, ready to apply on any date.

    Attributes:
        plan: the plan.
        thresholds: (on track from, at risk from).
        cap: the clip cap for progress in scores.
        graph: the plan's map (:func:`~gevinst.graph.build_graph`).
        by_indicator: each indicator's measurements, oldest first.
        order: the map's elements in a topological order: the order scores roll up in.
        refs: each element's own indicators.
    """

    def __init__(
        self, plan: Plan, thresholds: tuple[float, float], cap: float, graph: nx.DiGraph
    ) -> None:
        self.plan = plan
        self.thresholds = thresholds
        self.cap = cap
        self.graph = graph
        self.by_indicator: dict[str, list[Measurement]] = {}
        for m in sorted(plan.measurements, key=lambda m: m.date):
            self.by_indicator.setdefault(m.indicator, []).append(m)
        # date-independent, kept for every date evaluated: the order scores roll up in
        # and each element's own indicators (a pydantic getattr per element is slow)
        self.order: list[str] = list(nx.topological_sort(graph))
        self.refs: dict[str, tuple[str, ...]] = {}
        for element in plan.elements():
            self.refs.setdefault(element.id, tuple(getattr(element, "indicators", ())))

    def indicator_results(
        self, at: dt.date, only: Iterable[str] | None = None, *, details: bool = True
    ) -> dict[str, IndicatorResult]:
        """Indicator results at ``at``, of every indicator or of those in ``only``
        (without forecast and overdue date unless ``details``)."""
        wanted = None if only is None else set(only)
        out: dict[str, IndicatorResult] = {}
        for indicator in self.plan.indicators:
            if indicator.id in out or (wanted is not None and indicator.id not in wanted):
                continue
            out[indicator.id] = indicator_result(
                indicator,
                self.by_indicator.get(indicator.id, []),
                at,
                self.thresholds,
                details=details,
            )
        return out

    def own_scores(
        self, indicators: Mapping[str, IndicatorResult], only: Iterable[str] | None = None
    ) -> dict[str, float]:
        """The score from its own indicators of every scored element (or of those in
        ``only``) that has one."""
        own: dict[str, float] = {}
        kinds = self.graph.nodes
        for id in self.refs if only is None else only:
            if id not in kinds or kinds[id]["kind"] not in SCORED_KINDS:
                continue
            values = [
                min(max(p, 0.0), self.cap)
                for ref in self.refs.get(id, ())
                if ref in indicators and (p := indicators[ref].progress) is not None
            ]
            if values:
                own[id] = sum(values) / len(values)
        return own

    def status(
        self, id: str, score: float | None, indicators: Mapping[str, IndicatorResult]
    ) -> Status:
        """The status of scored element ``id`` with this score (SPEC section 3)."""
        if score is not None:
            return judge(score, self.thresholds)
        return _held_status(self.refs.get(id, ()), indicators)

    def elements(
        self,
        indicators: Mapping[str, IndicatorResult],
        own: Mapping[str, float],
        scores: Mapping[str, tuple[float | None, float | None]],
        previous: Mapping[str, tuple[dt.date | None, Status | None]] | None = None,
    ) -> dict[str, ElementResult]:
        """The element results, each with its previous date and status if given."""
        graph = self.graph
        beside: dict[str, list[str]] = {}  # the dis-benefits listed beside each element
        for u, kind in graph.nodes(data="kind"):
            if kind == "disbenefit":
                for v in graph.successors(u):
                    beside.setdefault(v, []).append(u)
        out: dict[str, ElementResult] = {}
        for element in self.plan.elements():
            if element.id in out or element.id not in graph:
                continue
            score, coverage = scores[element.id]
            status: Status | None = None
            day: dt.date | None = None
            before: Status | None = None
            if element.kind in SCORED_KINDS:
                status = self.status(element.id, score, indicators)
                if previous is not None:
                    day, before = previous[element.id]
            basis: Literal["indicators", "contributors"] | None = None
            if score is not None:
                basis = "indicators" if element.id in own else "contributors"
            out[element.id] = ElementResult(
                id=element.id,
                kind=element.kind,
                name=element.name,
                score=score,
                coverage=coverage,
                status=status,
                basis=basis,
                indicators=self.refs[element.id],
                disbenefits=tuple(beside.get(element.id, ())),
                previous_date=day,
                previous_status=before,
                trend=trend_of(before, status) if previous is not None else None,
            )
        return out

    def results(self, at: dt.date) -> tuple[dict[str, IndicatorResult], dict[str, ElementResult]]:
        """Indicator and element results at ``at``, without the previous period."""
        indicators = self.indicator_results(at)
        own = self.own_scores(indicators)
        return indicators, self.elements(indicators, own, roll_up(self.graph, own, self.order))

    def without(
        self,
        removed: str,
        indicators: Mapping[str, IndicatorResult],
        elements: Mapping[str, ElementResult],
    ) -> dict[str, tuple[float | None, float | None]]:
        """``{element id: (score now, score without removed)}`` of every other element
        whose score changes when ``removed`` leaves the map (the weights into the
        elements it fed resolved anew); ``indicators`` and ``elements`` are the results
        now."""
        own = self.own_scores(indicators)
        own.pop(removed, None)
        after = roll_up(_reweighted(self.graph, removed), own)
        out: dict[str, tuple[float | None, float | None]] = {}
        for node, result in elements.items():
            if node == removed:
                continue
            new = after[node][0]
            old = result.score
            if (old is None) != (new is None) or (
                old is not None and new is not None and not math.isclose(old, new, abs_tol=1e-12)
            ):
                out[node] = (old, new)
        return out
