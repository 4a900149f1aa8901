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

The parts live beside this module: the roll-up of scores in
:mod:`gevinst.analysis.scores`, the trend since the last period in
:mod:`gevinst.analysis.since`, reviews beside the numbers in
:mod:`gevinst.analysis.reviews`, and the rows, DataFrames and Jupyter table in
:mod:`gevinst.analysis.evaluate_text`; their results and :func:`trend_text` are
importable from here too.

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
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from gevinst.analysis.evaluate_text import (
    element_rows,
    evaluation_frame,
    evaluation_html,
    indicator_rows,
    money_rows,
    review_rows,
    trend_text,
)
from gevinst.analysis.indicators import (
    STATUSES,
    TRENDS,
    IndicatorResult,
    Status,
    Trend,
    expected_value,
    trend_line,
)
from gevinst.analysis.reviews import ReviewResult, review_results
from gevinst.analysis.scores import SCORED_KINDS, ElementResult, Scoring
from gevinst.analysis.since import since_last_period
from gevinst.graph import build_graph
from gevinst.model import Indicator, Measurement, Plan

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
        # what does not depend on the date, kept for every date evaluated
        self._scoring = Scoring(
            plan, thresholds, cap, build_graph(plan) if graph is None else graph
        )
        self.indicators, self.elements = since_last_period(self._scoring, at)
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
        return evaluation_html(self.plan, self.at, self.elements)

    def _snapshot(self, at: dt.date) -> tuple[dict[str, IndicatorResult], dict[str, ElementResult]]:
        """Indicator and element results on another date (same plan, same rules), kept."""
        if at not in self._history:
            self._history[at] = self._scoring.results(at)
        return self._history[at]

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
        return [m for m in self._scoring.by_indicator.get(indicator, []) if m.date <= self.at]

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
        if id not in self._scoring.graph:
            raise KeyError(f"{id!r} is not an element of plan {self.plan.id!r}")
        return self._scoring.without(id, self.indicators, self.elements)

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
        out = review_results(self.plan, self.at, self.elements, self.elements_at)
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
            return element_rows(self.elements)
        if what == "indicators":
            return indicator_rows(self.indicators)
        if what == "reviews":
            return review_rows(self.reviews())
        if what == "money":
            return money_rows(self.npv())
        raise ValueError(
            f"unknown table {what!r}; use 'elements', 'indicators', 'reviews' or 'money'"
        )

    def to_frame(self, what: str = "elements") -> pd.DataFrame:
        """The results as a pandas DataFrame indexed by id (see :meth:`rows`).

        pandas is imported only here (``pip install gevinst[pandas]``).
        """
        return evaluation_frame(what, self.rows)


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
