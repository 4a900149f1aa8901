"""The status tables: each goal, objective, benefit and dis-benefit, its status, score
and owner at the report's date.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from gevinst.report.content.core import ReportCore

__all__ = [
    "StatusRow",
    "status_rows",
]


@dataclass(frozen=True)
class StatusRow:
    """One goal, objective, benefit or dis-benefit in a status table."""

    id: str
    kind: str
    name: str
    owner: str
    status: str | None
    score: float | None
    coverage: float | None
    indicators: tuple[str, ...]
    previous_status: str | None = None
    trend: str | None = None


def status_rows(data: ReportCore, kinds: Iterable[str]) -> list[StatusRow]:
    """Status rows of the elements of ``kinds`` (plan order, kinds in the order given)."""
    rows: list[StatusRow] = []
    wanted = tuple(kinds)
    for kind in wanted:
        for element in data.plan.elements():
            if element.kind != kind:
                continue
            owner = getattr(element, "owner", None)
            status = score = coverage = previous = trend = None
            if data.evaluation is not None:
                result = data.evaluation.element(element.id)
                status, score, coverage = result.status, result.score, result.coverage
                previous, trend = result.previous_status, result.trend
            rows.append(
                StatusRow(
                    id=element.id,
                    kind=kind,
                    name=element.name,
                    owner=data.name_of(owner) if owner else "",
                    status=status,
                    score=score,
                    coverage=coverage,
                    indicators=tuple(getattr(element, "indicators", ()) or ()),
                    previous_status=previous,
                    trend=trend,
                )
            )
    return rows
