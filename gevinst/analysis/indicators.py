"""One indicator at a date: expected, realised, progress, attainment, status, forecast.

The per-indicator arithmetic of SPEC section 3 (``gevinst.analysis.evaluate`` rolls the results
up the map). For an indicator with baseline ``(t0, b)``, targets ``(t_i, v_i)`` and
``s = +1`` for ``increase``, ``-1`` for ``decrease``:

- **expected(t)**: ``b`` up to ``t0``; a straight line (by days) between consecutive
  points ``(t0, b), (t_1, v_1), ...``; the last target's value after its date.
- **realised(t)**: the latest measurement dated on or before ``t``.
- **progress** = ``s*(realised - b) / (s*(expected(t) - b))``, defined when
  ``s*(expected(t) - b) > 0``.
- **attainment** = ``s*(realised - b) / (s*(v_last - b))``.
- **status**: ``on_track`` from 0.9, ``at_risk`` from 0.6, else ``off_track``;
  ``not_measured`` without a measurement, ``not_due`` while progress is undefined.
  One exception: an indicator whose targets all equal its baseline ("hold the line",
  such as a dis-benefit's harm expected to stay at 0) never has a progress, since no
  change is ever expected; measured, it is ``on_track`` while the value is no worse
  than the baseline and ``off_track`` once it is worse, so a measured harm shows as
  harm rather than as "not due".
- **forecast**: the least-squares line through the baseline and the measurements so
  far, read at the last target date.

Examples:
    >>> import gevinst as gv
    >>> i = gv.Indicator(id="I", name="Ventetid", direction="decrease",
    ...                  baseline={"date": "2024-01-01", "value": 30},
    ...                  targets=[{"date": "2025-01-01", "value": 20}])
    >>> m = [gv.Measurement(indicator="I", date="2024-07-01", value=26)]
    >>> r = indicator_result(i, m, dt.date(2024, 7, 2))
    >>> r.expected, r.progress, r.status
    (25.0, 0.8, 'at_risk')
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from dataclasses import dataclass
from typing import Literal, TypeAlias

from gevinst.i18n.formats import whole_percent
from gevinst.model import Indicator, Measurement

__all__ = [
    "INTERVAL_DAYS",
    "STATUSES",
    "TRENDS",
    "IndicatorResult",
    "Status",
    "Trend",
    "expected_value",
    "indicator_result",
    "judge",
    "latest",
    "overdue_since",
    "trend_line",
    "trend_of",
]

Status: TypeAlias = Literal["on_track", "at_risk", "off_track", "not_measured", "not_due"]

#: The statuses of SPEC section 3, best first.
STATUSES: tuple[Status, ...] = ("on_track", "at_risk", "off_track", "not_measured", "not_due")

Trend: TypeAlias = Literal["improved", "worsened", "unchanged", "new"]

#: How a status moved since the previous measurement period.
TRENDS: tuple[Trend, ...] = ("improved", "worsened", "unchanged", "new")

#: The judgements a trend compares, best first.
_RANK: dict[str, int] = {"on_track": 0, "at_risk": 1, "off_track": 2}


def trend_of(previous: str | None, current: str | None) -> Trend | None:
    """How a status moved: ``improved``, ``worsened`` or ``unchanged`` between two
    judgements (on track, at risk, off track); ``new`` for a judgement with none before
    it (no earlier status, or one not measured or not due); ``None`` when the current
    status is no judgement.

    >>> trend_of("on_track", "off_track"), trend_of("off_track", "at_risk")
    ('worsened', 'improved')
    >>> trend_of("at_risk", "at_risk"), trend_of(None, "on_track"), trend_of("on_track", None)
    ('unchanged', 'new', None)
    """
    now = _RANK.get(current or "")
    if now is None:
        return None
    before = _RANK.get(previous or "")
    if before is None:
        return "new"
    return "improved" if now < before else "worsened" if now > before else "unchanged"


@dataclass(frozen=True)
class IndicatorResult:
    """One indicator at the evaluation date. Undefined values are ``None``.

    Attributes:
        id: the indicator's id.
        name: its name.
        unit: its unit, if given.
        direction: ``increase`` or ``decrease`` (which way is better).
        baseline: the baseline value ``b`` (``None`` without a baseline).
        baseline_date: the baseline date ``t0``.
        target: the last target's value ``v_last``.
        target_date: the last target's date.
        expected: the expected value at the evaluation date.
        realised: the latest measured value dated on or before the evaluation date.
        realised_date: the date of that measurement.
        progress: achieved change / expected change (unclipped; can exceed 1 or be
            negative); ``None`` while nothing was expected yet or nothing measured.
        attainment: achieved change / change to the last target.
        status: one of :data:`STATUSES`.
        forecast: the least-squares line through the baseline and the measurements,
            read at the last target date.
        overdue: the date of the last measurement (or of the baseline, never measured)
            when more than twice the indicator's ``frequency`` has passed since it by
            ``at`` (:func:`overdue_since`), else ``None``.
        previous_date: the date of the previous measurement period: the measurement
            before the latest one on or before ``at`` (``None`` with fewer than two).
        previous_status: the status the evaluation gave on ``previous_date``.
        trend: ``status`` beside ``previous_status`` (:func:`trend_of`).
    """

    id: str
    name: str
    unit: str | None
    direction: str
    baseline: float | None
    baseline_date: dt.date | None
    target: float | None
    target_date: dt.date | None
    expected: float | None
    realised: float | None
    realised_date: dt.date | None
    progress: float | None
    attainment: float | None
    status: Status
    forecast: float | None
    overdue: dt.date | None = None
    previous_date: dt.date | None = None
    previous_status: Status | None = None
    trend: Trend | None = None


def _days(a: dt.date, b: dt.date) -> int:
    return (b - a).days


def expected_value(indicator: Indicator, at: dt.date) -> float | None:
    """expected(t): the baseline before its date, straight lines (by days) between the
    baseline and each target, the last target after its date; ``None`` without a
    baseline.

    >>> import gevinst as gv
    >>> i = gv.Indicator(id="I", name="I", baseline={"date": "2024-01-01", "value": 0},
    ...                  targets=[{"date": "2024-01-11", "value": 10}])
    >>> expected_value(i, dt.date(2024, 1, 4))
    3.0
    """
    if indicator.baseline is None:
        return None
    points = [(indicator.baseline.date, indicator.baseline.value)]
    points += sorted((t.date, t.value) for t in indicator.targets)
    if at <= points[0][0]:
        return points[0][1]
    for (d0, v0), (d1, v1) in itertools.pairwise(points):
        if at <= d1:
            span = _days(d0, d1)
            if span <= 0:
                return v1
            return v0 + (v1 - v0) * _days(d0, at) / span
    return points[-1][1]


#: The days between two measurements of an indicator measured at each ``frequency``.
INTERVAL_DAYS: dict[str, int] = {
    "weekly": 7,
    "monthly": 31,
    "quarterly": 92,
    "half-yearly": 183,
    "yearly": 366,
}


def overdue_since(
    indicator: Indicator, measurements: list[Measurement], at: dt.date
) -> dt.date | None:
    """The date of the last measurement of ``indicator`` on or before ``at`` (the
    baseline's date if it was never measured) when more than twice its interval has
    passed since then, so at least one measurement is missing; else ``None`` (also
    without a ``frequency``, or without a date to count from).

    >>> i = Indicator(id="I", name="Ventetid", frequency="monthly",
    ...               baseline={"date": "2025-01-01", "value": 30})
    >>> m = [Measurement(indicator="I", date="2025-02-01", value=28)]
    >>> overdue_since(i, m, dt.date(2025, 4, 4)), overdue_since(i, m, dt.date(2025, 4, 5))
    (None, datetime.date(2025, 2, 1))
    """
    if indicator.frequency is None:
        return None
    found = latest([m for m in measurements if m.indicator == indicator.id], at)
    since = found.date if found else indicator.baseline.date if indicator.baseline else None
    if since is None or _days(since, at) <= 2 * INTERVAL_DAYS[indicator.frequency]:
        return None
    return since


def latest(measurements: list[Measurement], at: dt.date) -> Measurement | None:
    """The latest measurement dated on or before ``at`` (later in the list wins a tie)."""
    found: Measurement | None = None
    for m in measurements:
        if m.date <= at and (found is None or m.date >= found.date):
            found = m
    return found


def trend_line(
    indicator: Indicator, measurements: list[Measurement], at: dt.date
) -> tuple[dt.date, float, float] | None:
    """The least-squares line (value against days) through the baseline and the
    measurements dated on or before ``at``.

    Returns:
        ``(origin date, value at origin, slope per day)``, or ``None`` without a
        measurement or when all points share one date.
    """
    used = [m for m in measurements if m.date <= at]
    if not used:
        return None
    origin = indicator.baseline.date if indicator.baseline is not None else used[0].date
    xs = [float(_days(origin, m.date)) for m in used]
    ys = [m.value for m in used]
    if indicator.baseline is not None:
        xs.insert(0, 0.0)
        ys.insert(0, indicator.baseline.value)
    n = len(xs)
    mx = sum(xs) / n
    my = sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    if sxx == 0:
        return None
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    slope = sxy / sxx
    return origin, my - slope * mx, slope


def _forecast(indicator: Indicator, measurements: list[Measurement], at: dt.date) -> float | None:
    """The trend line read at the last target date (SPEC section 3)."""
    if not indicator.targets:
        return None
    line = trend_line(indicator, measurements, at)
    if line is None:
        return None
    origin, intercept, slope = line
    last = max(t.date for t in indicator.targets)
    return intercept + slope * _days(origin, last)


def judge(value: float, thresholds: tuple[float, float]) -> Status:
    """The status of a progress or score, judged on the whole percent that is shown.

    Tables print ``90 %`` for 0.8999999999999999 (a weighted mean of three scores of
    0.9), so the status is judged on ``90 / 100`` too: the colour never disagrees with
    the number beside it.

    >>> judge(0.8999999999999999, (0.9, 0.6)), judge(0.894, (0.9, 0.6))
    ('on_track', 'at_risk')
    >>> judge(1e307, (0.9, 0.6)), judge(-1e307, (0.9, 0.6))
    ('on_track', 'off_track')
    """
    on, risk = thresholds
    if math.isfinite(100 * value):  # a share near the float limit is judged as it is
        value = whole_percent(value) / 100
    if value >= on:
        return "on_track"
    if value >= risk:
        return "at_risk"
    return "off_track"


def indicator_result(
    indicator: Indicator,
    measurements: list[Measurement],
    at: dt.date,
    thresholds: tuple[float, float] = (0.9, 0.6),
    *,
    details: bool = True,
) -> IndicatorResult:
    """Everything SPEC section 3 says about one indicator at date ``at``.

    Args:
        indicator: the indicator.
        measurements: its measurements (any order; on one date the later one listed wins).
        at: the evaluation date.
        thresholds: (on track from, at risk from).
        details: ``False`` leaves out the forecast and the overdue date (``None``), which
            the status does not depend on: for a status on an earlier date, quicker.
    """
    measurements = sorted(measurements, key=lambda m: m.date)
    sign = 1.0 if indicator.direction == "increase" else -1.0
    base = indicator.baseline
    b = base.value if base is not None else None
    last = max(indicator.targets, key=lambda t: t.date) if indicator.targets else None
    expected = expected_value(indicator, at)
    found = latest(measurements, at)
    realised = found.value if found is not None else None
    progress: float | None = None
    attainment: float | None = None
    if realised is not None and b is not None:
        if expected is not None and sign * (expected - b) > 0:
            progress = sign * (realised - b) / (sign * (expected - b))
        if last is not None and sign * (last.value - b) > 0:
            attainment = sign * (realised - b) / (sign * (last.value - b))
    status: Status
    held = b is not None and bool(indicator.targets)
    held = held and all(target.value == b for target in indicator.targets)
    if realised is None:
        status = "not_measured"
    elif progress is None and held and b is not None:
        status = "off_track" if sign * (realised - b) < 0 else "on_track"
    elif progress is None:
        status = "not_due"
    else:
        status = judge(progress, thresholds)
    return IndicatorResult(
        id=indicator.id,
        name=indicator.name,
        unit=indicator.unit,
        direction=indicator.direction,
        baseline=b,
        baseline_date=base.date if base is not None else None,
        target=last.value if last is not None else None,
        target_date=last.date if last is not None else None,
        expected=expected,
        realised=realised,
        realised_date=found.date if found is not None else None,
        progress=progress,
        attainment=attainment,
        status=status,
        forecast=_forecast(indicator, measurements, at) if details else None,
        overdue=overdue_since(indicator, measurements, at) if details else None,
    )
