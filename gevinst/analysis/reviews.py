"""Reviews (gevinstevaluering) beside what the numbers said on their dates.

A plan's reviews are a person's judgement of an element on a date; each is set beside
the status the evaluation gave on that date, and marked when the two judgements differ
and when the reviewer judged better than the numbers (:meth:`Evaluation.reviews
<gevinst.analysis.evaluate.Evaluation.reviews>`).

Examples:
    >>> import gevinst as gv
    >>> ev = gv.evaluate(gv.load("examples/bergen_barnevern/plan.yaml"), at="2025-10-01")
    >>> second = review_results(ev.plan, ev.at, ev.elements, ev.elements_at)[1]
    >>> second.element, second.date, second.status, second.computed
    ('B1', datetime.date(2025, 3, 1), 'on_track', 'at_risk')
    >>> second.disagrees, second.optimistic
    (True, True)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from gevinst.analysis.indicators import Status
from gevinst.analysis.scores import ElementResult
from gevinst.model import Plan

__all__ = ["ReviewResult", "review_results"]

_JUDGEMENTS: dict[str, int] = {"on_track": 0, "at_risk": 1, "off_track": 2}


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


def review_results(
    plan: Plan,
    at: dt.date,
    elements: Mapping[str, ElementResult],
    elements_at: Callable[[dt.date], Mapping[str, ElementResult]],
) -> list[ReviewResult]:
    """The plan's reviews dated on or before ``at``, each beside the status the numbers
    gave on its date (``elements_at`` of that date); sorted by element, in the order of
    ``elements``, then date."""
    order = {id: n for n, id in enumerate(elements)}
    chosen = [r for r in plan.reviews if r.date <= at]
    chosen.sort(key=lambda r: (order.get(r.element, len(order)), r.element, r.date))
    out: list[ReviewResult] = []
    for review in chosen:
        result = elements_at(review.date).get(review.element)
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
    return out
