"""The limits a plan must stay within: amounts, rates and dates no real plan goes beyond.

A plan is checked against them by rule GV007 (an error, so ``check`` fails first and
every command that evaluates refuses the plan), and the money code refuses a plan
beyond them with a :class:`~gevinst.errors.PlanError` naming the element, so that no
overflow (an amount of 1e308 summed over the years, a year 10000) can happen even when
a plan is built in Python and never checked. ``docs/limits.md`` lists them.

- **Amounts** (``value.annual``, ``cost.one_off``, ``cost.annual``; low and high of a
  range too) and **indicator values** (baseline, targets, measurements) lie within
  ±:data:`MAX_AMOUNT` (10^15, a million billion kroner: about 200 times Norway's yearly
  GDP).
- **The discount rate** lies within :data:`MIN_RATE` to :data:`MAX_RATE` (0 % to 100 %
  a year in a plan; a negative rate is GV006; ``npv(discount_rate=...)`` accepts down to
  -50 % for a sensitivity check).
- **Dates** lie on or before :data:`LAST_DATE` (31 December 2200), and so does the
  horizon: ``start`` plus ``horizon_years`` years ends by then.

Examples:
    >>> import gevinst as gv
    >>> plan = gv.Plan.new("p", "P", start="2024-01-01")
    >>> _ = plan.add_benefit("B1", "Gevinst", value={"annual": 1e308})
    >>> [(element, field) for element, field, _ in outside_limits(plan)]
    [('B1', 'value.annual')]
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from typing import TYPE_CHECKING

from gevinst.amounts import Estimate, as_written
from gevinst.analysis.checks_money import require_sound_money
from gevinst.errors import PlanError, Said

if TYPE_CHECKING:
    from gevinst.model import Plan

__all__ = [
    "LAST_DATE",
    "MAX_AMOUNT",
    "MAX_RATE",
    "MIN_RATE",
    "add_years",
    "horizon_end",
    "outside_limits",
    "require_within_limits",
]

#: The largest amount (NOK) or indicator value, in absolute value: 10^15.
MAX_AMOUNT = 1e15
#: The highest discount rate: 100 % a year.
MAX_RATE = 1.0
#: The lowest rate ``npv(discount_rate=...)`` accepts: -50 % a year (a plan's own rate
#: is 0 or more: GV006).
MIN_RATE = -0.5
#: The last date a plan can hold; the horizon ends by then too.
LAST_DATE = dt.date(2200, 12, 31)

_AMOUNT_TEXT = "1e15 (1 000 000 000 000 000)"


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` moved ``years`` years on; 29 February becomes 28 February in other years.

    >>> add_years(dt.date(2024, 2, 29), 1)
    datetime.date(2025, 2, 28)

    Raises:
        PlanError: the result would be after 31 December 2200 (:data:`LAST_DATE`).
    """
    if day.year + years > LAST_DATE.year + 1:
        raise PlanError(Said("gv007_plus_years", day=day, years=years, last=LAST_DATE))
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def horizon_end(start: dt.date, horizon_years: int) -> dt.date:
    """The last day of the horizon: the day before ``start`` + ``horizon_years`` years.

    Raises:
        PlanError: the horizon ends after :data:`LAST_DATE`.

    >>> horizon_end(dt.date(2024, 1, 1), 10)
    datetime.date(2033, 12, 31)
    """
    if start > LAST_DATE or start.year + horizon_years > LAST_DATE.year + 1:
        raise PlanError(_horizon_message(start, horizon_years), field="horizon_years")
    end = add_years(start, horizon_years) - dt.timedelta(days=1)
    if end > LAST_DATE:
        raise PlanError(_horizon_message(start, horizon_years), field="horizon_years")
    return end


def _horizon_message(start: dt.date, horizon_years: int, derived: object = "") -> Said:
    return Said("gv007_horizon", years=horizon_years, start=start, derived=derived, last=LAST_DATE)


def _amount(field: object, value: float) -> Said | None:
    if not _beyond(value):  # NaN and infinities are GV006's
        return None
    if isinstance(value, Estimate) and value.ranged:  # a range: the first point beyond
        names = ("gv007_low", "gv007_most_likely", "gv007_high")
        for point, name in zip(value.points, names, strict=True):
            message = _amount(Said("gv007_point", field=field, point=Said(name)), point)
            if message is not None:
                return message
    return Said("gv007_amount", field=field, value=f"{value:g}", limit=_AMOUNT_TEXT)


def _beyond(value: float) -> bool:
    """Whether :func:`_amount` has a message for ``value`` (cheaply, without wording it).

    >>> _beyond(1e16), _beyond(2.5), _beyond(math.inf)
    (True, False, False)
    """
    if isinstance(value, Estimate) and value.ranged:
        return any(_beyond(point) for point in value.points)
    return math.isfinite(value) and abs(value) > MAX_AMOUNT


def _date(field: object, value: dt.date) -> Said | None:
    if value <= LAST_DATE:
        return None
    return Said("gv007_date", field=field, value=value, last=LAST_DATE)


def _values(plan: Plan) -> Iterator[tuple[str | None, str, Said | None]]:
    """(element, field, message or None) for the numbers and dates of the plan; a
    target or measurement within the limits is passed over unworded (there are many)."""
    info = plan.info
    rate = info.discount_rate
    if rate is not None and rate > MAX_RATE:  # a negative rate is GV006's
        yield (
            plan.id,
            "discount_rate",
            Said("gv007_rate", rate=f"{rate:g}", most=f"{MAX_RATE:g}"),
        )
    if info.start is not None:
        yield plan.id, "start", _date("start", info.start)
    for benefit in (*plan.benefits, *plan.disbenefits):
        if benefit.value is not None:
            yield benefit.id, "value.annual", _amount("value.annual", benefit.value.annual)
            if benefit.value.from_ is not None:
                yield benefit.id, "value.from", _date("value.from", benefit.value.from_)
    for measure in plan.measures:
        if measure.cost is not None:
            yield measure.id, "cost.one_off", _amount("cost.one_off", measure.cost.one_off)
            yield measure.id, "cost.annual", _amount("cost.annual", measure.cost.annual)
        if measure.start is not None:
            yield measure.id, "start", _date("start", measure.start)
        if measure.end is not None:
            yield measure.id, "end", _date("end", measure.end)
    for indicator in plan.indicators:
        if indicator.baseline is not None:
            base = indicator.baseline
            yield indicator.id, "baseline.value", _amount("baseline.value", base.value)
            yield indicator.id, "baseline.date", _date("baseline.date", base.date)
        for target in indicator.targets:
            if target.date <= LAST_DATE and not _beyond(target.value):
                continue  # the usual case: no message to word
            field = f"target {target.date}"
            the_target = Said("gv007_the_target", date=target.date)
            yield indicator.id, field, _amount(the_target, target.value)
            yield indicator.id, field, _date(Said("gv007_a_target_date"), target.date)
    for number, measurement in enumerate(plan.measurements):
        if measurement.date <= LAST_DATE and not _beyond(measurement.value):
            continue  # the usual case, tens of thousands of times: no message to word
        field = f"measurements[{number}]"
        where = Said("gv007_measurement", indicator=measurement.indicator, date=measurement.date)
        yield measurement.indicator, field, _amount(where, measurement.value)
        the_date = Said("gv007_date_of", field=field)
        yield measurement.indicator, field, _date(the_date, measurement.date)
    for number, review in enumerate(plan.reviews):
        field = f"reviews[{number}]"
        yield review.element, field, _date(Said("gv007_date_of", field=field), review.date)


def outside_limits(plan: Plan) -> Iterator[tuple[str | None, str, Said]]:
    """Every value of ``plan`` beyond the limits, as (element id, field, message); the
    message is English as a ``str``, and ``message.in_language("nb")`` Norwegian.

    The horizon is checked only when its start is within the limits (a start after
    :data:`LAST_DATE` is reported once, as a date).
    """
    for element, field, message in _values(plan):
        if message is not None:
            yield element, field, message
    start = plan.start
    if start <= LAST_DATE:
        try:
            horizon_end(start, plan.info.horizon_years)
        except PlanError:
            derived = "" if plan.info.start is not None else Said("gv007_derived_start")
            yield (
                plan.id,
                "horizon_years",
                _horizon_message(start, plan.info.horizon_years, derived),
            )


def require_within_limits(plan: Plan) -> None:
    """Raise for the first value of ``plan`` beyond the limits, then for money no
    computation can use: a range out of order, a ramp-up share or a correlation outside
    0..1 (:func:`~gevinst.analysis.checks_money.require_sound_money`).

    Raises:
        PlanError: naming the element and field, what is wrong and how to fix it.
    """
    for element, field, message in outside_limits(plan):
        raise PlanError(message, source=plan.id, element=element, field=field)
    for element, field, amount in plan.amounts():
        if not amount.finite:  # GV006 in check
            raise PlanError(
                f"{field} is {as_written(amount)}, not a finite number; write a plain number",
                source=plan.id,
                element=element,
                field=field,
            )
    require_sound_money(plan)
