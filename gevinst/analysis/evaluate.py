"""Expected versus realised (gevinstevaluering), at a date (SPEC section 3).

:func:`evaluate` reads a plan at a date ``at`` and answers, for each indicator, what
was expected by then, what was measured, how far along that is (*progress*) and
what share of the final target has been reached (*attainment*); and for each
benefit, dis-benefit, objective and goal a *score* between 0 and ``cap``, the
*coverage* of that score, and a *status*. Money is in :mod:`gevinst.analysis.money`
(:meth:`Evaluation.npv`).

The rules, in short (SPEC section 3 is the contract):

- **expected(t)** runs in a straight line (by days) from the baseline through each
  target, and stays at the last target after its date.
- **realised(t)** is the latest measurement dated on or before ``t``.
- **progress** = achieved change / expected change, in the better direction.
- **score** of an element: the mean of its indicators' progress, each clipped to
  ``[0, cap]``; without any, the weighted mean of the scores of the benefits,
  objectives and goals feeding it. Dis-benefits are scored but never enter another
  element's score: they are listed beside it (:attr:`ElementResult.disbenefits`).
- **status**: ``on_track`` from 0.9, ``at_risk`` from 0.6, else ``off_track``;
  ``not_measured`` without a measurement (or a score), ``not_due`` while nothing was
  expected yet.
- **since the last period**: beside each status, the status the same rules gave at
  the previous measurement period (``previous_status`` on ``previous_date``) and the
  ``trend``: ``improved``, ``worsened``, ``unchanged`` or ``new``. An indicator's
  previous period is the date of its measurement before the latest one; an element's
  is the latest previous period of the indicators its score rests on (its own, or
  those of the benefits, objectives and goals feeding it).

Examples:
    >>> import datetime as dt
    >>> import gevinst as gv
    >>> plan = gv.Plan.new("p", "P")
    >>> _ = plan.add_goal("G1", "Mål")
    >>> _ = plan.add_benefit("B1", "Kortere ventetid", indicators=["I1"], contributes_to=["G1"])
    >>> _ = plan.add_indicator("I1", "Ventetid", direction="decrease",
    ...     baseline={"date": "2024-01-01", "value": 30},
    ...     targets=[{"date": "2025-01-01", "value": 20}])
    >>> _ = plan.add_measurement("I1", "2024-07-01", 26)
    >>> ev = gv.evaluate(plan, at=dt.date(2024, 7, 2))
    >>> round(ev.indicator("I1").progress, 3), ev.indicator("I1").status
    (0.8, 'at_risk')
    >>> ev.element("G1").status
    'at_risk'
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import networkx as nx

from gevinst.analysis.indicators import (
    STATUSES,
    TRENDS,
    IndicatorResult,
    Status,
    Trend,
    expected_value,
    indicator_result,
    judge,
    trend_line,
    trend_of,
)
from gevinst.graph import build_graph, resolve_weights
from gevinst.i18n.formats import NO_VALUE, format_date, format_percent
from gevinst.i18n.html import Cell, html_table
from gevinst.i18n.words import t
from gevinst.model import Indicator, Measurement, Plan
from gevinst.theme import STATUS_STYLES, TREND_MARKS

if TYPE_CHECKING:
    import pandas as pd

    from gevinst.analysis.money import Money

__all__ = [
    "SCORED_KINDS",
    "STATUSES",
    "TRENDS",
    "ElementResult",
    "Evaluation",
    "IndicatorResult",
    "ReviewResult",
    "Status",
    "Trend",
    "evaluate",
    "expected_value",
    "trend_line",
    "trend_text",
]

#: Kinds of element that get a score. Measures and changes do not.
SCORED_KINDS = frozenset({"benefit", "disbenefit", "objective", "goal"})

#: Kinds whose score feeds the element they contribute to (not dis-benefits).
_FEEDING_KINDS = frozenset({"benefit", "objective", "goal"})

_JUDGEMENTS: dict[str, int] = {"on_track": 0, "at_risk": 1, "off_track": 2}


# -- results ------------------------------------------------------------------------------


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
        status: one of :data:`STATUSES` (``not_measured`` without a score); ``None``
            for measures and changes, which are not scored.
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


def trend_text(trend: str | None, language: str = "nb", previous: str | None = None) -> str:
    """A trend as tables write it: its glyph and word, never colour alone, and the
    status it moved from when it moved; empty without a trend.

    >>> trend_text("worsened", "nb", "on_track"), trend_text("unchanged", "en", "at_risk")
    ('↓ verre (fra I rute)', '→ unchanged')
    >>> trend_text("new", "nb"), trend_text(None, "nb")
    ('ny', '')
    """
    if not trend:
        return ""
    text = f"{TREND_MARKS.get(trend, '')} {t(trend, language)}".strip()
    if trend in ("improved", "worsened") and previous:
        text += f" ({t('was_status', language).format(status=t(previous, language))})"
    return text


@dataclass(frozen=True)
class ReviewResult:
    """A review (gevinstevaluering) beside what the numbers said on its date.

    Attributes:
        date: the review's date.
        element: the reviewed element's id.
        by: the reviewer (a stakeholder id), if given.
        comment: the reviewer's comment, if given.
        status: the reviewer's judgement.
        computed: the status the numbers gave on that date (``None`` for measures and
            changes, which have no score).
        score: the element's score on that date.
        disagrees: true when both are judgements (on track, at risk, off track) and
            they differ.
        optimistic: true when the reviewer judged better than the numbers did (for
            example "on track" while the numbers say "off track").
    """

    date: dt.date
    element: str
    by: str | None
    comment: str | None
    status: str
    computed: Status | None
    score: float | None
    disagrees: bool
    optimistic: bool


# -- scores up the map --------------------------------------------------------------------


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


def _roll_up(
    graph: nx.DiGraph, own: Mapping[str, float], order: Iterable[str] | None = None
) -> dict[str, tuple[float | None, float | None]]:
    """(score, coverage) of every node (or of those in ``order``, a topological order
    that holds all that feeds them): own indicator score, else the weighted mean of the
    scores of the benefits, objectives and goals feeding it."""
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
            if graph.nodes[source]["kind"] not in _FEEDING_KINDS:
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


# -- the evaluation -----------------------------------------------------------------------


class Evaluation:
    """A plan evaluated at a date: indicators, element scores, money and reviews.

    Build it with :func:`evaluate`. Results are plain frozen dataclasses; undefined
    values are ``None``. An evaluation is a snapshot: after changing the plan, evaluate
    again (money and reviews are computed once and kept).

    Attributes:
        plan: the evaluated plan (with any extra measurements added).
        at: the evaluation date.
        thresholds: (on track from, at risk from).
        cap: the clip cap for progress in scores.
        indicators: :class:`IndicatorResult` by indicator id, in plan order.
        elements: :class:`ElementResult` by element id, goals first, measures last.

    Examples:
        >>> import gevinst as gv
        >>> ev = gv.evaluate(gv.load("examples/bergen_barnevern/plan.yaml"), at="2025-10-01")
        >>> ev.element("B6").status
        'on_track'
    """

    def __init__(
        self,
        plan: Plan,
        at: dt.date,
        *,
        thresholds: tuple[float, float] = (0.9, 0.6),
        cap: float = 1.0,
        graph: nx.DiGraph | None = None,
    ) -> None:
        self.plan = plan
        self.at = at
        self.thresholds = thresholds
        self.cap = cap
        self._graph: nx.DiGraph = build_graph(plan) if graph is None else graph
        self._by_indicator: dict[str, list[Measurement]] = {}
        for m in sorted(plan.measurements, key=lambda m: m.date):
            self._by_indicator.setdefault(m.indicator, []).append(m)
        # date-independent, kept for every date evaluated: the order scores roll up in
        # and each element's own indicators (a pydantic getattr per element is slow)
        self._order: list[str] = list(nx.topological_sort(self._graph))
        self._refs: dict[str, tuple[str, ...]] = {}
        for element in plan.elements():
            self._refs.setdefault(element.id, tuple(getattr(element, "indicators", ())))
        self.indicators, self.elements = self._since_last_period(at)
        self._history: dict[
            dt.date, tuple[dict[str, IndicatorResult], dict[str, ElementResult]]
        ] = {at: (self.indicators, self.elements)}
        self._money: dict[float | None, Money] = {}
        self._reviews: tuple[ReviewResult, ...] | None = None

    def __repr__(self) -> str:
        return f"<Evaluation of {self.plan.id!r} at {self.at.isoformat()}>"

    def _repr_html_(self) -> str:
        """The status table, so an evaluation shows itself in Jupyter: each scored
        element with its kind, name, status (mark, word and colour), score, coverage and
        trend since the previous measurement period, in the plan's language."""
        lang = self.plan.language
        rows: list[list[Cell]] = []
        for r in self.elements.values():
            if r.kind not in SCORED_KINDS:
                continue
            style = STATUS_STYLES.get(r.status or "")
            status: Cell = (f"{style.mark} {t(r.status or '', lang)}", style.fill) if style else ""
            score = NO_VALUE if r.score is None else format_percent(r.score, lang)
            since = trend_text(r.trend, lang, r.previous_status)
            rows.append(
                [
                    r.id,
                    t(r.kind, lang),
                    r.name,
                    status,
                    score,
                    format_percent(r.coverage, lang),
                    since,
                ]
            )
        caption = t("html_evaluation", lang).format(
            plan=self.plan.title, date=format_date(self.at, lang)
        )
        keys = ("id", "type", "name", "status", "score", "coverage", "since_last")
        header = [t(k, lang) for k in keys]
        return html_table(caption, header, rows, right={4, 5}, more=t("html_rows_left_out", lang))

    # -- computing --

    def _indicator_results(
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
                self._by_indicator.get(indicator.id, []),
                at,
                self.thresholds,
                details=details,
            )
        return out

    def _own_scores(
        self, indicators: Mapping[str, IndicatorResult], only: Iterable[str] | None = None
    ) -> dict[str, float]:
        """The score from its own indicators of every scored element (or of those in
        ``only``) that has one."""
        own: dict[str, float] = {}
        kinds = self._graph.nodes
        for id in self._refs if only is None else only:
            if id not in kinds or kinds[id]["kind"] not in SCORED_KINDS:
                continue
            values = [
                min(max(p, 0.0), self.cap)
                for ref in self._refs.get(id, ())
                if ref in indicators and (p := indicators[ref].progress) is not None
            ]
            if values:
                own[id] = sum(values) / len(values)
        return own

    def _status(
        self, id: str, score: float | None, indicators: Mapping[str, IndicatorResult]
    ) -> Status:
        """The status of scored element ``id`` with this score (SPEC section 3)."""
        if score is not None:
            return judge(score, self.thresholds)
        return _held_status(self._refs.get(id, ()), indicators)

    def _elements(
        self,
        indicators: Mapping[str, IndicatorResult],
        own: Mapping[str, float],
        scores: Mapping[str, tuple[float | None, float | None]],
        previous: Mapping[str, tuple[dt.date | None, Status | None]] | None = None,
    ) -> dict[str, ElementResult]:
        """The element results, each with its previous date and status if given."""
        graph = self._graph
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
                status = self._status(element.id, score, indicators)
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
                indicators=self._refs[element.id],
                disbenefits=tuple(beside.get(element.id, ())),
                previous_date=day,
                previous_status=before,
                trend=trend_of(before, status) if previous is not None else None,
            )
        return out

    def _compute(self, at: dt.date) -> tuple[dict[str, IndicatorResult], dict[str, ElementResult]]:
        indicators = self._indicator_results(at)
        own = self._own_scores(indicators)
        return indicators, self._elements(indicators, own, _roll_up(self._graph, own, self._order))

    def _snapshot(self, at: dt.date) -> tuple[dict[str, IndicatorResult], dict[str, ElementResult]]:
        """Indicator and element results on another date (same plan, same rules), kept."""
        if at not in self._history:
            self._history[at] = self._compute(at)
        return self._history[at]

    def _previous_dates(
        self,
        indicators: Mapping[str, IndicatorResult],
        own: Mapping[str, float],
        scores: Mapping[str, tuple[float | None, float | None]],
    ) -> tuple[dict[str, dt.date | None], dict[str, dt.date | None]]:
        """The previous measurement period of every indicator and scored element, from
        the results at ``at``."""
        before_indicator: dict[str, dt.date | None] = {}
        for id, result in indicators.items():
            # the latest date before the latest measurement's (which is realised_date)
            day = None
            if result.realised_date is not None:
                for m in reversed(self._by_indicator.get(id, ())):
                    if m.date < result.realised_date:
                        day = m.date
                        break
            before_indicator[id] = day
        before_element: dict[str, dt.date | None] = {}
        graph = self._graph
        for node in self._order:
            if graph.nodes[node]["kind"] not in SCORED_KINDS:
                continue
            if node not in own and scores[node][0] is not None:  # rolled up
                found = [
                    before_element.get(source)
                    for source in graph.predecessors(node)
                    if graph.nodes[source]["kind"] in _FEEDING_KINDS
                ]
            else:
                found = [before_indicator.get(ref) for ref in self._refs.get(node, ())]
            dates = [day for day in found if day is not None]
            before_element[node] = max(dates) if dates else None
        return before_indicator, before_element

    def _statuses_on(
        self, day: dt.date, indicator_ids: Iterable[str], element_ids: Iterable[str]
    ) -> tuple[dict[str, Status], dict[str, Status]]:
        """The statuses on ``day`` of the given indicators and scored elements, by the
        same rules as at ``at``: only the elements feeding them and their indicators
        are evaluated, and without forecasts."""
        graph = self._graph
        wanted = set(element_ids)
        feeding: set[str] = set()  # the elements and all that feed their scores
        stack = list(wanted)
        while stack:
            node = stack.pop()
            if node in feeding:
                continue
            feeding.add(node)
            stack.extend(
                source
                for source in graph.predecessors(node)
                if graph.nodes[source]["kind"] in _FEEDING_KINDS and source not in feeding
            )
        needed = set(indicator_ids)
        for node in feeding:
            needed.update(self._refs.get(node, ()))
        indicators = self._indicator_results(day, needed, details=False)
        own = self._own_scores(indicators, feeding)
        order = [node for node in self._order if node in feeding]
        scores = _roll_up(graph, own, order)
        return (
            {id: indicators[id].status for id in indicator_ids},
            {id: self._status(id, scores[id][0], indicators) for id in wanted},
        )

    def _since_last_period(
        self, at: dt.date
    ) -> tuple[dict[str, IndicatorResult], dict[str, ElementResult]]:
        """The results at ``at``, each with its status at the previous measurement period
        (computed by the same rules on that date) and the trend between the two."""
        now = self._indicator_results(at)
        own = self._own_scores(now)
        scores = _roll_up(self._graph, own, self._order)
        before_indicator, before_element = self._previous_dates(now, own, scores)
        days: dict[dt.date, tuple[list[str], list[str]]] = {}
        for id, day in before_indicator.items():
            if day is not None:
                days.setdefault(day, ([], []))[0].append(id)
        for id, day in before_element.items():
            if day is not None:
                days.setdefault(day, ([], []))[1].append(id)
        indicator_was: dict[str, Status] = {}
        element_was: dict[str, Status] = {}
        for day in sorted(days):
            was_i, was_e = self._statuses_on(day, *days[day])
            indicator_was.update(was_i)
            element_was.update(was_e)
        indicators: dict[str, IndicatorResult] = {}
        for id, result in now.items():
            status = indicator_was.get(id)
            indicators[id] = replace(
                result,
                previous_date=before_indicator[id],
                previous_status=status,
                trend=trend_of(status, result.status),
            )
        previous = {id: (day, element_was.get(id)) for id, day in before_element.items()}
        return indicators, self._elements(now, own, scores, previous)

    # -- asking --

    def indicator(self, id: str) -> IndicatorResult:
        """The result for indicator ``id``.

        Raises:
            KeyError: no indicator has this id.
        """
        try:
            return self.indicators[id]
        except KeyError:
            raise KeyError(f"{id!r} is not an indicator of plan {self.plan.id!r}") from None

    def element(self, id: str) -> ElementResult:
        """The result for map element ``id`` (benefit, objective, goal, ...).

        Raises:
            KeyError: no element of the map has this id.
        """
        try:
            return self.elements[id]
        except KeyError:
            raise KeyError(f"{id!r} is not an element of plan {self.plan.id!r}") from None

    def measurements(self, indicator: str) -> list[Measurement]:
        """The measurements of ``indicator`` dated on or before the evaluation date,
        oldest first."""
        return [m for m in self._by_indicator.get(indicator, []) if m.date <= self.at]

    def trend(self, indicator: str) -> tuple[dt.date, float, float] | None:
        """The forecast's least-squares line for ``indicator``: see :func:`trend_line`."""
        return trend_line(self.plan_indicator(indicator), self.measurements(indicator), self.at)

    def plan_indicator(self, id: str) -> Indicator:
        """The plan's :class:`~gevinst.model.Indicator` with this id."""
        for indicator in self.plan.indicators:
            if indicator.id == id:
                return indicator
        raise KeyError(f"{id!r} is not an indicator of plan {self.plan.id!r}")

    def scores(self) -> dict[str, float | None]:
        """The score of every scored element (benefits, dis-benefits, objectives, goals)."""
        return {k: r.score for k, r in self.elements.items() if r.kind in SCORED_KINDS}

    def without(self, id: str) -> dict[str, tuple[float | None, float | None]]:
        """How scores change if element ``id`` is removed from the map.

        The weights into the elements ``id`` fed are resolved anew without it. Used by
        :func:`gevinst.impact`.

        Returns:
            ``{element id: (score now, score without id)}`` for every other element whose
            score changes.

        Raises:
            KeyError: ``id`` is not an element of the map.
        """
        if id not in self._graph:
            raise KeyError(f"{id!r} is not an element of plan {self.plan.id!r}")
        own = self._own_scores(self.indicators)
        own.pop(id, None)
        after = _roll_up(_reweighted(self._graph, id), own)
        out: dict[str, tuple[float | None, float | None]] = {}
        for node, result in self.elements.items():
            if node == id:
                continue
            new = after[node][0]
            old = result.score
            if (old is None) != (new is None) or (
                old is not None and new is not None and not math.isclose(old, new, abs_tol=1e-12)
            ):
                out[node] = (old, new)
        return out

    def npv(self, discount_rate: float | None = None) -> Money:
        """Money at the evaluation date (SPEC section 3): see :func:`gevinst.analysis.money.npv`.

        Args:
            discount_rate: a flat rate instead of the plan's (e.g. for a sensitivity
                check); by default the plan's own rate, or the R-109 rates when it gives
                none.
        """
        from gevinst.analysis.money import npv

        key = None if discount_rate is None else float(discount_rate)
        if key not in self._money:
            scores = {id: result.score for id, result in self.elements.items()}
            self._money[key] = npv(self.plan, scores, discount_rate=key)
        return self._money[key]

    def elements_at(self, at: dt.date) -> dict[str, ElementResult]:
        """Element results as the numbers stood on another date (same plan, same rules)."""
        return self._snapshot(at)[1]

    def reviews(self) -> list[ReviewResult]:
        """The plan's reviews dated on or before the evaluation date, each beside the
        status the numbers gave on its date; sorted by element (plan order), then date.
        """
        if self._reviews is not None:
            return list(self._reviews)
        order = {id: n for n, id in enumerate(self.elements)}
        chosen = [r for r in self.plan.reviews if r.date <= self.at]
        chosen.sort(key=lambda r: (order.get(r.element, len(order)), r.element, r.date))
        out: list[ReviewResult] = []
        for review in chosen:
            result = self.elements_at(review.date).get(review.element)
            computed = result.status if result is not None else None
            said = _JUDGEMENTS.get(review.status)
            found = _JUDGEMENTS.get(computed) if computed is not None else None
            both = said is not None and found is not None
            out.append(
                ReviewResult(
                    date=review.date,
                    element=review.element,
                    by=review.by,
                    comment=review.comment,
                    status=review.status,
                    computed=computed,
                    score=result.score if result is not None else None,
                    disagrees=both and said != found,
                    optimistic=both and (said or 0) < (found or 0),
                )
            )
        self._reviews = tuple(out)
        return out

    # -- tables --

    def rows(self, what: str = "elements") -> list[dict[str, Any]]:
        """The results as plain rows (dicts), for tables and files.

        Args:
            what: ``"elements"`` (scored elements: goals, objectives, benefits,
                dis-benefits), ``"indicators"``, ``"reviews"`` or ``"money"`` (one row
                per monetised benefit or dis-benefit, present values).
        """
        if what == "elements":
            return [
                {
                    "id": r.id,
                    "kind": r.kind,
                    "name": r.name,
                    "score": r.score,
                    "coverage": r.coverage,
                    "status": r.status,
                    "basis": r.basis,
                    "indicators": ", ".join(r.indicators),
                    "disbenefits": ", ".join(r.disbenefits),
                    "previous_date": r.previous_date,
                    "previous_status": r.previous_status,
                    "trend": r.trend,
                }
                for r in self.elements.values()
                if r.kind in SCORED_KINDS
            ]
        if what == "indicators":
            return [
                {
                    "id": r.id,
                    "name": r.name,
                    "unit": r.unit,
                    "direction": r.direction,
                    "baseline": r.baseline,
                    "baseline_date": r.baseline_date,
                    "target": r.target,
                    "target_date": r.target_date,
                    "expected": r.expected,
                    "realised": r.realised,
                    "realised_date": r.realised_date,
                    "progress": r.progress,
                    "attainment": r.attainment,
                    "status": r.status,
                    "forecast": r.forecast,
                    "previous_date": r.previous_date,
                    "previous_status": r.previous_status,
                    "trend": r.trend,
                }
                for r in self.indicators.values()
            ]
        if what == "reviews":
            return [
                {
                    "date": r.date,
                    "element": r.element,
                    "by": r.by,
                    "status": r.status,
                    "computed": r.computed,
                    "score": r.score,
                    "disagrees": r.disagrees,
                    "optimistic": r.optimistic,
                    "comment": r.comment,
                }
                for r in self.reviews()
            ]
        if what == "money":
            return [
                {
                    "id": line.id,
                    "kind": line.kind,
                    "name": line.name,
                    "category": line.category,
                    "score": line.score,
                    "expected": line.expected,
                    "realised": line.realised,
                }
                for line in self.npv().lines.values()
            ]
        raise ValueError(
            f"unknown table {what!r}; use 'elements', 'indicators', 'reviews' or 'money'"
        )

    def to_frame(self, what: str = "elements") -> pd.DataFrame:
        """The results as a pandas DataFrame indexed by id (see :meth:`rows`).

        pandas is imported only here (``pip install gevinst[pandas]``).
        """
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - pandas is in the test extras
            from gevinst.errors import MissingDependencyError

            raise MissingDependencyError(
                "to_frame() needs pandas; install it with: pip install 'gevinst[pandas]'"
            ) from exc
        rows = self.rows(what)
        frame = pd.DataFrame(rows)
        if what == "reviews":
            return frame
        if frame.empty:
            return frame
        return frame.set_index("id")


def _as_date(value: dt.date | str | None) -> dt.date:
    if value is None:
        day = dt.date.today()
    elif isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        try:
            day = dt.date.fromisoformat(str(value).strip())
        except ValueError:
            from gevinst.errors import Said  # said in nb too: said_in(error.args[0], "nb")

            raise ValueError(Said("at_not_a_date", value=repr(value))) from None
    return day


def _within_limits(day: dt.date) -> dt.date:
    from gevinst.analysis.limits import LAST_DATE
    from gevinst.errors import Said

    if day > LAST_DATE:
        what = Said("at_the_evaluation_date")
        raise ValueError(Said("at_after_last", what=what, day=day, last=LAST_DATE))
    return day


def _extra_measurements(
    measurements: Iterable[Measurement] | str | Path | None,
) -> list[Measurement]:
    if measurements is None:
        return []
    if isinstance(measurements, str | Path):
        from gevinst.io.plans import load_measurements

        return load_measurements(measurements)
    return list(measurements)


def evaluate(
    plan: Plan,
    at: dt.date | str | None = None,
    *,
    thresholds: tuple[float, float] = (0.9, 0.6),
    cap: float = 1.0,
    measurements: Iterable[Measurement] | str | Path | None = None,
) -> Evaluation:
    """Evaluate a plan at a date: expected versus realised (SPEC section 3).

    Args:
        plan: the plan.
        at: the evaluation date (a date or ``"YYYY-MM-DD"``); today when omitted.
        thresholds: (on track from, at risk from), applied to progress and scores.
        cap: progress is clipped to ``[0, cap]`` before it enters a score.
        measurements: more measurements, added to the plan's own: a list of
            :class:`~gevinst.model.Measurement` or the path of a CSV file with the
            columns ``indicator,date,value[,note]``.

    Returns:
        An :class:`Evaluation`.

    Raises:
        PlanCheckError: ``gv.check(plan)`` finds errors; the message lists them.
        ValueError: thresholds or cap make no sense, or ``at`` is not a date (or is
            after 2200-12-31, :data:`gevinst.analysis.limits.LAST_DATE`).

    Examples:
        >>> import gevinst as gv
        >>> plan = gv.load("examples/bergen_barnevern/plan.yaml")
        >>> ev = gv.evaluate(plan, at="2025-10-01")
        >>> ev.indicator("I1").baseline, ev.indicator("I1").unit
        (26.0, 'uker')
    """
    from gevinst._files import paused_gc
    from gevinst.analysis.checks import refuse_errors

    when = _as_date(at)
    on, risk = (float(x) for x in thresholds)
    if not (math.isfinite(on) and math.isfinite(risk) and on >= risk):
        raise ValueError(
            f"thresholds {thresholds!r} must be two numbers (on track from, at risk from) "
            "with the first at least the second, e.g. (0.9, 0.6)"
        )
    if not (math.isfinite(cap) and cap > 0):
        raise ValueError(f"cap {cap!r} must be a positive number, e.g. 1.0")
    extra = _extra_measurements(measurements)
    if extra:
        plan = plan.model_copy(update={"measurements": [*plan.measurements, *extra]})
    with paused_gc():  # many small objects, no cycles: the collector would only slow it
        graph = build_graph(plan)
        refuse_errors(plan, "evaluated", graph=graph)
        # after the check: a plan dated beyond the limits is named as such (GV007) first
        when = _within_limits(when)
        return Evaluation(plan, when, thresholds=(on, risk), cap=float(cap), graph=graph)
