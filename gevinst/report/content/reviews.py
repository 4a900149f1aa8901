"""The reviews (gevinstevalueringer) up to the report's date, each beside what the
numbers said on its date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gevinst.report.content.core import ReportCore

__all__ = [
    "ReviewRow",
    "review_rows",
]


@dataclass(frozen=True)
class ReviewRow:
    """A review (gevinstevaluering) beside what the numbers said on its date."""

    date: dt.date
    element: str
    name: str
    by: str
    status: str
    computed: str | None
    score: float | None
    disagrees: bool
    optimistic: bool
    comment: str


def review_rows(data: ReportCore) -> list[ReviewRow]:
    """The reviews dated on or before the evaluation date, newest first; none
    without a date."""
    if data.evaluation is None:
        return []
    rows = [
        ReviewRow(
            date=r.date,
            element=r.element,
            name=data.name_of(r.element),
            by=data.name_of(r.by) if r.by else "",
            status=r.status,
            computed=r.computed,
            score=r.score,
            disagrees=r.disagrees,
            optimistic=r.optimistic,
            comment=r.comment or "",
        )
        for r in data.evaluation.reviews()
    ]
    order = {id: n for n, id in enumerate(e.id for e in data.plan.elements())}
    rows.sort(key=lambda r: (-r.date.toordinal(), order.get(r.element, len(order))))
    return rows
