"""Since the last period: each status beside the one the same rules gave before.

An indicator's previous measurement period is the date of its measurement before the
latest one; an element's is the latest previous period of the indicators its score
rests on (its own, or those of the benefits, objectives and goals feeding it). On each
such date only what is needed is evaluated again, by the same rules
(:class:`~gevinst.analysis.scores.Scoring`) and without forecasts; the ``trend``
between the two is ``improved``, ``worsened``, ``unchanged`` or ``new``
(:func:`~gevinst.analysis.indicators.trend_of`).

Examples:
    >>> import gevinst as gv
    >>> plan = gv.load("examples/bergen_barnevern/plan.yaml")
    >>> scoring = Scoring(plan, (0.9, 0.6), 1.0, gv.build_graph(plan))
    >>> indicators, elements = since_last_period(scoring, dt.date(2025, 10, 1))
    >>> b3 = elements["B3"]
    >>> b3.previous_date, b3.previous_status, b3.status, b3.trend
    (datetime.date(2025, 6, 30), 'off_track', 'at_risk', 'improved')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import replace

from gevinst.analysis.indicators import IndicatorResult, Status, trend_of
from gevinst.analysis.scores import FEEDING_KINDS, SCORED_KINDS, ElementResult, Scoring, roll_up

__all__ = ["previous_dates", "since_last_period", "statuses_on"]


def previous_dates(
    scoring: Scoring,
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
            for m in reversed(scoring.by_indicator.get(id, ())):
                if m.date < result.realised_date:
                    day = m.date
                    break
        before_indicator[id] = day
    before_element: dict[str, dt.date | None] = {}
    graph = scoring.graph
    for node in scoring.order:
        if graph.nodes[node]["kind"] not in SCORED_KINDS:
            continue
        if node not in own and scores[node][0] is not None:  # rolled up
            found = [
                before_element.get(source)
                for source in graph.predecessors(node)
                if graph.nodes[source]["kind"] in FEEDING_KINDS
            ]
        else:
            found = [before_indicator.get(ref) for ref in scoring.refs.get(node, ())]
        dates = [day for day in found if day is not None]
        before_element[node] = max(dates) if dates else None
    return before_indicator, before_element


def statuses_on(
    scoring: Scoring, day: dt.date, indicator_ids: Iterable[str], element_ids: Iterable[str]
) -> tuple[dict[str, Status], dict[str, Status]]:
    """The statuses on ``day`` of the given indicators and scored elements, by the
    same rules as at ``at``: only the elements feeding them and their indicators
    are evaluated, and without forecasts."""
    graph = scoring.graph
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
            if graph.nodes[source]["kind"] in FEEDING_KINDS and source not in feeding
        )
    needed = set(indicator_ids)
    for node in feeding:
        needed.update(scoring.refs.get(node, ()))
    indicators = scoring.indicator_results(day, needed, details=False)
    own = scoring.own_scores(indicators, feeding)
    order = [node for node in scoring.order if node in feeding]
    scores = roll_up(graph, own, order)
    return (
        {id: indicators[id].status for id in indicator_ids},
        {id: scoring.status(id, scores[id][0], indicators) for id in wanted},
    )


def since_last_period(
    scoring: Scoring, at: dt.date
) -> tuple[dict[str, IndicatorResult], dict[str, ElementResult]]:
    """The results at ``at``, each with its status at the previous measurement period
    (computed by the same rules on that date) and the trend between the two."""
    now = scoring.indicator_results(at)
    own = scoring.own_scores(now)
    scores = roll_up(scoring.graph, own, scoring.order)
    before_indicator, before_element = previous_dates(scoring, now, own, scores)
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
        was_i, was_e = statuses_on(scoring, day, *days[day])
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
    return indicators, scoring.elements(now, own, scores, previous)
