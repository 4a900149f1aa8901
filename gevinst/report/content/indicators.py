"""The indicators: what each was expected to show at the report's date against what
was measured, and the few worth a chart of their own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gevinst.model import Measurement
    from gevinst.report.content.core import ReportCore

__all__ = [
    "KEY_INDICATORS",
    "IndicatorRow",
    "indicator_rows",
    "key_indicators",
]

#: At most this many indicators get a chart of their own (the rest are in the table).
KEY_INDICATORS = 6


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator: what was expected at the date against what was measured."""

    id: str
    name: str
    unit: str
    direction: str
    baseline: float | None
    baseline_date: dt.date | None
    target: float | None
    target_date: dt.date | None
    expected: float | None
    realised: float | None
    realised_date: dt.date | None
    progress: float | None
    status: str | None
    measurements: tuple[Measurement, ...]
    elements: tuple[str, ...]


def indicator_rows(data: ReportCore) -> list[IndicatorRow]:
    """Every indicator (plan order) with expected and realised values at the date."""
    users: dict[str, list[str]] = {}
    for element in data.plan.elements():
        for indicator in getattr(element, "indicators", ()) or ():
            users.setdefault(indicator, []).append(element.id)
    rows = []
    for spec in data.plan.indicators:
        targets = sorted(spec.targets, key=lambda x: x.date)
        last = targets[-1] if targets else None
        expected = realised = progress = None
        realised_date = None
        status: str | None = None
        measured: tuple[Measurement, ...] = ()
        if data.evaluation is not None:
            result = data.evaluation.indicator(spec.id)
            expected, realised, progress = result.expected, result.realised, result.progress
            realised_date, status = result.realised_date, result.status
            measured = tuple(data.evaluation.measurements(spec.id))
        rows.append(
            IndicatorRow(
                id=spec.id,
                name=spec.name,
                unit=spec.unit or "",
                direction=spec.direction,
                baseline=spec.baseline.value if spec.baseline else None,
                baseline_date=spec.baseline.date if spec.baseline else None,
                target=last.value if last else None,
                target_date=last.date if last else None,
                expected=expected,
                realised=realised,
                realised_date=realised_date,
                progress=progress,
                status=status,
                measurements=measured,
                elements=tuple(users.get(spec.id, ())),
            )
        )
    return rows


def key_indicators(data: ReportCore, limit: int = KEY_INDICATORS) -> list[IndicatorRow]:
    """The indicators worth a chart: with a baseline, a target and a measurement.

    When there are more than ``limit``, the ones furthest behind come first (what
    the council must hear about), then plan order; the chosen ones are shown in
    plan order.
    """
    rows = [
        r
        for r in indicator_rows(data)
        if r.baseline is not None and r.target is not None and r.measurements
    ]
    if len(rows) <= limit:
        return rows
    rank = {"off_track": 0, "at_risk": 1, "on_track": 2}
    order = {r.id: n for n, r in enumerate(rows)}
    chosen = sorted(rows, key=lambda r: (rank.get(r.status or "", 3), order[r.id]))[:limit]
    return sorted(chosen, key=lambda r: order[r.id])
