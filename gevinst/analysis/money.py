"""Money: expected and realised value of benefits, costs and net present value.

The rules (SPEC section 3), as a manager would read them:

- **Years** are counted from ``plan.start``: year 0 is the first year from that
  date, year 1 the next, up to ``horizon_years - 1``. Year *y* starts on the same
  day and month as ``plan.start``, *y* years later (a start on 29 February starts
  later years on 28 February when the year is not a leap year).
- **Expected value** of a benefit in year *y* is ``value.annual`` times the share of
  that year's days that fall on or after ``value.from`` (counted in days, so 2024
  has 366 and 2025 has 365). Without ``from`` the value counts from ``plan.start``.
  With ``value.ramp`` (SPEC section 6) the k-th full year from ``from`` (``from + k``
  years up to ``from + k + 1`` years) counts ``annual * ramp[k]``, and later years
  ``annual``; each such year is booked into plan years by days as above.
- **Realised value** is the expected value times the benefit's score at the
  evaluation date. A benefit without a score books 0 (unverified gains are not
  booked); a dis-benefit without a score books its full expected value (unverified
  losses are). Dis-benefits count negative.
- **Costs**: a measure's ``cost.one_off`` falls in the year of its ``start`` (year 0
  without a start), its ``cost.annual`` like a value from ``start`` up to and including
  its ``end`` (SPEC section 6: a stopped measure stops costing), counted in days.
- **Discounting**: ``npv = sum over y of value_y * factor_y``. With a flat
  ``discount_rate`` *r*, ``factor_y = 1 / (1 + r) ** y``. A plan that gives no rate
  follows Finansdepartementet's rundskriv R-109/2021 (SPEC section 6): 4 % a year for
  years 0-39, 3 % for years 40-74, 2 % from year 75, and ``factor_y`` is the product of
  ``1 / (1 + r_k)`` over the years ``k < y``. Within 40 years both give the same numbers
  as a flat 4 %.
- **Ranges** (SPEC section 6): an amount given as ``[low, most_likely, high]`` counts its
  most likely value in every figure above. Each line also carries ``low`` and ``high``:
  its present value with the amount at its low and at its high end (``None`` when the
  amount has no range); a measure's costs take ``one_off`` and ``annual`` at their low
  ends together, and at their high ends together. :meth:`Money.expected_range` and the
  other ranges sum these ends: every amount at its low end, every amount at its high
  end. They bound the planned figures; they are not percentiles (``gv.simulate`` gives
  those).
- **Optimism bias** (the UK Green Book's adjustment; ``plan.optimism_bias``): beside the
  figures above, never instead of them, :attr:`Money.adjusted` holds them adjusted.
  Every cost is multiplied by ``1 + costs`` (``costs: 0.2`` adds 20 %), every benefit
  (a positive line) by ``1 - benefits`` (``benefits: 0.1`` takes 10 % off, expected and
  realised alike). Dis-benefits are not benefits and stay as they are: the haircut is
  for forecasts that run high, and taking it off a loss would make the plan look
  better. ``adjusted`` is ``None`` when the plan sets no optimism bias.
- **Limits**: amounts beyond ±1e15, rates above 100 % and dates after 2200 are refused
  (:mod:`gevinst.analysis.limits`), so the sums can never overflow.

Examples:
    >>> import gevinst as gv
    >>> money = gv.evaluate(gv.load("examples/bergen_barnevern/plan.yaml"),
    ...                     at="2025-10-01").npv()
    >>> money.net == money.realised - money.costs
    True
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass

from gevinst.amounts import Estimate, estimate
from gevinst.analysis.limits import (
    MAX_RATE,
    MIN_RATE,
    add_years,
    horizon_end,
    require_within_limits,
)
from gevinst.model import Benefit, Disbenefit, Measure, Plan

__all__ = [
    "CATEGORIES",
    "R109",
    "Adjusted",
    "CategoryTotal",
    "CostLine",
    "Money",
    "MoneyLine",
    "MoneyYear",
    "discount_factors",
    "npv",
    "one_off_year",
    "present_value",
    "ramped",
    "year_bounds",
    "yearly",
]

#: DFØ's categories of benefit, in report order; ``unspecified`` when none is given.
CATEGORIES: tuple[str, ...] = ("budget", "redeployment", "public_sector", "non_priced")


#: Finansdepartementet's rundskriv R-109/2021: (first year, real rate) steps, used when a
#: plan gives no ``discount_rate``: 4 % for years 0-39, 3 % for 40-74, 2 % from 75.
R109: tuple[tuple[int, float], ...] = ((0, 0.04), (40, 0.03), (75, 0.02))


def year_bounds(start: dt.date, horizon_years: int) -> list[dt.date]:
    """The first day of each year 0..horizon_years-1, and the day after the last year.

    Raises:
        PlanError: the horizon runs past 31 December 2200 (``gevinst.analysis.limits``).
    """
    horizon_end(start, horizon_years)
    return [add_years(start, y) for y in range(horizon_years + 1)]


def yearly(
    annual: float, since: dt.date | None, bounds: list[dt.date], until: dt.date | None = None
) -> list[float]:
    """``annual`` times the share of each year's days from ``since`` up to and including
    ``until`` (``None``: no limit on that side).

    >>> bounds = year_bounds(dt.date(2024, 1, 1), 2)
    >>> yearly(366.0, dt.date(2024, 12, 31), bounds)
    [1.0, 366.0]
    >>> yearly(365.0, None, bounds, until=dt.date(2025, 1, 31))  # 366/366, 31/365
    [365.0, 31.0]
    """
    out = []
    for first, after in itertools.pairwise(bounds):
        days = (after - first).days
        begin = first if since is None or since < first else since
        stop = after if until is None or until >= after else until + dt.timedelta(days=1)
        counted = max(0, (stop - begin).days)
        out.append(annual * counted / days)
    return out


def ramped(
    annual: float, since: dt.date | None, ramp: list[float] | None, bounds: list[dt.date]
) -> list[float]:
    """Like :func:`yearly`, with the k-th full year from ``since`` at ``annual * ramp[k]``
    (SPEC section 6) and ``annual`` after the list; ``since=None``: from ``bounds[0]``.

    Each ramp year is booked into the plan years by days, as :func:`yearly` books.

    >>> bounds = year_bounds(dt.date(2025, 1, 1), 3)
    >>> ramped(1200.0, dt.date(2025, 1, 1), [0.25, 0.5], bounds)
    [300.0, 600.0, 1200.0]
    >>> ramped(1200.0, None, [], bounds) == yearly(1200.0, None, bounds)
    True
    """
    if not ramp:
        return yearly(annual, since, bounds)
    begin = bounds[0] if since is None else since
    out = [0.0] * (len(bounds) - 1)
    for k, share in enumerate(ramp):
        first, after = add_years(begin, k), add_years(begin, k + 1)
        if first >= bounds[-1]:
            break
        part = yearly(annual * share, first, bounds, until=after - dt.timedelta(days=1))
        out = [a + b for a, b in zip(out, part, strict=True)]
    rest = yearly(annual, add_years(begin, len(ramp)), bounds)
    return [a + b for a, b in zip(out, rest, strict=True)]


def _divisor(rate: float | None, year: int) -> float:
    """``1 / factor`` of ``year``: ``(1 + rate) ** year``, or the R-109 steps' product."""
    if rate is not None:
        return (1.0 + rate) ** year
    out = 1.0
    ends = [first for first, _ in R109[1:]] + [max(year, R109[-1][0])]
    for (first, step), end in zip(R109, ends, strict=True):
        out *= (1.0 + step) ** min(max(year - first, 0), end - first)  # years k < year here
    return out


def discount_factors(rate: float | None, years: int) -> list[float]:
    """The discount factor of each year 0..years-1.

    A flat ``rate``: ``1 / (1 + rate) ** y``. ``None``: the R-109 rates (:data:`R109`),
    ``factor_y = prod(1 / (1 + r_k) for k < y)``, so year 41 is ``1 / (1.04**40 * 1.03)``.

    >>> [round(f, 6) for f in discount_factors(0.04, 3)]
    [1.0, 0.961538, 0.924556]
    >>> discount_factors(None, 42)[41] == 1 / (1.04**40 * 1.03)
    True
    """
    return [1.0 / _divisor(rate, y) for y in range(years)]


def present_value(values: list[float], rate: float | None) -> float:
    """``sum(values[y] / (1 + rate) ** y)``; ``rate=None``: the R-109 rates (see
    :func:`discount_factors`).

    >>> round(present_value([100.0, 104.0], 0.04), 6)
    200.0
    """
    return math.fsum(v / _divisor(rate, y) for y, v in enumerate(values))


@dataclass(frozen=True)
class MoneyLine:
    """One monetised benefit or dis-benefit.

    Attributes:
        id, kind, name: the element.
        category: its DFØ category (``budget``, ``redeployment``, ``public_sector``,
            ``non_priced``) or ``None``.
        score: its score at the evaluation date (``None`` without one).
        expected: present value as planned (negative for a dis-benefit).
        realised: present value at the evaluation date (expected times score).
        expected_by_year: the undiscounted expected value of each year (signed).
        realised_by_year: the undiscounted realised value of each year (signed).
        low, high: ``expected`` with the amount at its low and at its high end (signed,
            so ``high < low`` for a dis-benefit); ``None`` when it has no range.
    """

    id: str
    kind: str
    name: str
    category: str | None
    score: float | None
    expected: float
    realised: float
    expected_by_year: tuple[float, ...]
    realised_by_year: tuple[float, ...]
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True)
class CostLine:
    """What one measure costs: present value and the undiscounted cost of each year.

    ``low`` and ``high`` are the present value with ``one_off`` and ``annual`` both at
    their low, or both at their high end; ``None`` when neither has a range.
    """

    id: str
    name: str
    costs: float
    by_year: tuple[float, ...]
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True)
class MoneyYear:
    """One year of the horizon, undiscounted (multiply by ``factor`` to discount).

    ``benefits_*`` are positive, ``disbenefits_*`` negative (or zero), ``costs`` positive.
    """

    year: int
    start: dt.date
    end: dt.date
    factor: float
    benefits_expected: float
    disbenefits_expected: float
    benefits_realised: float
    disbenefits_realised: float
    costs: float

    @property
    def expected(self) -> float:
        """Benefits minus dis-benefits as planned, this year."""
        return self.benefits_expected + self.disbenefits_expected

    @property
    def realised(self) -> float:
        """Benefits minus dis-benefits at the evaluation date, this year."""
        return self.benefits_realised + self.disbenefits_realised

    @property
    def net(self) -> float:
        """Realised minus costs, this year (undiscounted)."""
        return self.realised - self.costs


@dataclass(frozen=True)
class CategoryTotal:
    """Present values of the benefits and dis-benefits in one DFØ category."""

    category: str
    expected: float
    realised: float


@dataclass(frozen=True)
class Adjusted:
    """The money adjusted for optimism bias (present values; see the module's rules).

    Attributes:
        costs_share: the uplift on costs (``0.2``: every cost plus 20 %).
        benefits_share: the haircut on benefits (``0.1``: every benefit minus 10 %).
        expected: benefits times ``1 - benefits_share``, minus dis-benefits as they are.
        realised: the same at the evaluation date.
        costs: the costs times ``1 + costs_share``.
        net: ``realised - costs``.
        expected_net: ``expected - costs``.
        benefits_expected, benefits_realised: the benefits alone, adjusted.
    """

    costs_share: float
    benefits_share: float
    expected: float
    realised: float
    costs: float
    net: float
    expected_net: float
    benefits_expected: float
    benefits_realised: float


@dataclass(frozen=True)
class Money:
    """The money of a plan at an evaluation date; all amounts are present values.

    Attributes:
        currency: the plan's currency (``NOK``).
        discount_rate: the flat real rate used; ``None`` when the plan gives none and
            the R-109 rates apply (:data:`R109`: 4 %, 3 % from year 40, 2 % from year
            75). ``years[y].factor`` is the factor of each year either way.
        start: year 0's first day (``plan.start``).
        horizon_years: number of years counted.
        expected: benefits minus dis-benefits as planned.
        realised: the same at the evaluation date.
        costs: the measures' costs.
        net: ``realised - costs``.
        lines: :class:`MoneyLine` per monetised benefit and dis-benefit (plan order).
        costs_by_measure: :class:`CostLine` per measure with a cost.
        years: :class:`MoneyYear` per year, undiscounted.
        categories: :class:`CategoryTotal` per DFØ category that has a value (in
            :data:`CATEGORIES` order, then ``unspecified``).
        adjusted: the same adjusted for optimism bias (:class:`Adjusted`), or ``None``
            when the plan sets none.
    """

    currency: str
    discount_rate: float | None
    start: dt.date
    horizon_years: int
    expected: float
    realised: float
    costs: float
    net: float
    lines: dict[str, MoneyLine]
    costs_by_measure: dict[str, CostLine]
    years: tuple[MoneyYear, ...]
    categories: dict[str, CategoryTotal]
    adjusted: Adjusted | None = None

    @property
    def ranged(self) -> bool:
        """True when some line or measure's cost has a range."""
        return any(x.low is not None for x in self.lines.values()) or any(
            c.low is not None for c in self.costs_by_measure.values()
        )

    def expected_range(self, kind: str | None = None) -> tuple[float, float]:
        """``expected`` (or the lines of one ``kind``, ``"benefit"`` or ``"disbenefit"``)
        with every amount at its low end, and at its high end, ordered low to high."""
        ends = [
            (line.expected, line.expected)
            if line.low is None or line.high is None
            else (min(line.low, line.high), max(line.low, line.high))
            for line in self.lines.values()
            if kind is None or line.kind == kind
        ]
        return math.fsum(a for a, _ in ends), math.fsum(b for _, b in ends)

    def costs_range(self) -> tuple[float, float]:
        """``costs`` with every cost at its low end, and at its high end."""
        ends = [
            (c.costs, c.costs) if c.low is None or c.high is None else (c.low, c.high)
            for c in self.costs_by_measure.values()
        ]
        return math.fsum(a for a, _ in ends), math.fsum(b for _, b in ends)

    def expected_net_range(self) -> tuple[float, float]:
        """``expected_net`` at its lowest (benefits low, dis-benefits and costs high) and
        at its highest (the other way round)."""
        low, high = self.expected_range()
        costs_low, costs_high = self.costs_range()
        return low - costs_high, high - costs_low

    @property
    def expected_net(self) -> float:
        """``expected - costs``: the net present value as planned."""
        return self.expected - self.costs

    @property
    def benefits(self) -> float:
        """Present value of the benefits alone, realised."""
        return math.fsum(line.realised for line in self.lines.values() if line.kind == "benefit")

    @property
    def disbenefits(self) -> float:
        """Present value of the dis-benefits alone, realised (negative or zero)."""
        return math.fsum(line.realised for line in self.lines.values() if line.kind == "disbenefit")


def one_off_year(start: dt.date | None, bounds: list[dt.date]) -> int | None:
    """The plan year a measure starting on ``start`` pays its ``cost.one_off`` in: year 0
    without a start or for one before the plan, ``None`` for one after the horizon.

    >>> bounds = year_bounds(dt.date(2025, 1, 1), 2)
    >>> one_off_year(None, bounds), one_off_year(dt.date(2026, 3, 1), bounds)
    (0, 1)
    >>> one_off_year(dt.date(2027, 1, 1), bounds) is None
    True
    """
    if start is None or start < bounds[0]:
        return 0
    for y, (first, after) in enumerate(itertools.pairwise(bounds)):
        if first <= start < after:
            return y
    return None  # after the horizon


def _costs_by_year(
    one_off: float, annual: float, measure: Measure, bounds: list[dt.date]
) -> list[float]:
    """A measure's undiscounted costs per year, with these amounts."""
    out = yearly(annual, measure.start, bounds, until=measure.end)
    year = one_off_year(measure.start, bounds)
    if year is not None:
        out[year] += one_off
    return out


def npv(
    plan: Plan, scores: Mapping[str, float | None], discount_rate: float | None = None
) -> Money:
    """Expected and realised money, costs and net present value (SPEC section 3).

    Args:
        plan: the plan whose values and costs are counted.
        scores: element id -> its score at the evaluation date (an evaluation's
            ``{id: result.score}``); these give the realised values.
        discount_rate: a flat rate instead of the plan's (its own flat rate, or the
            R-109 rates when it gives none), e.g. for a sensitivity check.

    Raises:
        ValueError: ``discount_rate`` is outside -0.5 to 1 (-50 % to 100 % a year).
        PlanError: a value of the plan is beyond :mod:`gevinst.analysis.limits` (the message
            names the element and field); ``gevinst check`` reports these as GV007.
    """
    require_within_limits(plan)
    rate = plan.info.discount_rate if discount_rate is None else float(discount_rate)
    if rate is not None and not MIN_RATE <= rate <= MAX_RATE:
        raise ValueError(
            f"discount rate {rate!r} is outside {MIN_RATE:g} to {MAX_RATE:g}; give it as a "
            "share per year (0.04 for 4 %)"
        )
    horizon = plan.info.horizon_years
    start = plan.start
    bounds = year_bounds(start, horizon)
    factors = discount_factors(rate, horizon)

    lines: dict[str, MoneyLine] = {}
    for element in (*plan.benefits, *plan.disbenefits):
        if element.value is None or element.id in lines:
            continue
        sign = -1.0 if isinstance(element, Disbenefit) else 1.0
        score = scores.get(element.id)
        value = element.value
        planned = [sign * v for v in ramped(value.annual, value.from_, value.ramp, bounds)]
        multiplier = score if score is not None else 1.0 if isinstance(element, Disbenefit) else 0.0
        realised = [v * multiplier for v in planned]
        assert isinstance(element, Benefit | Disbenefit)
        low: float | None = None
        high: float | None = None
        if isinstance(value.annual, Estimate) and value.annual.ranged:
            low, high = (
                sign * present_value(ramped(x, value.from_, value.ramp, bounds), rate)
                for x in (value.annual.low, value.annual.high)
            )
        lines[element.id] = MoneyLine(
            id=element.id,
            kind=element.kind,
            name=element.name,
            category=element.category,
            score=score,
            expected=present_value(planned, rate),
            realised=present_value(realised, rate),
            expected_by_year=tuple(planned),
            realised_by_year=tuple(realised),
            low=low,
            high=high,
        )

    cost_lines: dict[str, CostLine] = {}
    for measure in plan.measures:
        if measure.cost is None or measure.id in cost_lines:
            continue
        cost = measure.cost
        by_year = _costs_by_year(cost.one_off, cost.annual, measure, bounds)
        if any(isinstance(x, Estimate) and x.ranged for x in (cost.one_off, cost.annual)):
            one_off, annual = estimate(cost.one_off), estimate(cost.annual)
            low = present_value(_costs_by_year(one_off.low, annual.low, measure, bounds), rate)
            high = present_value(_costs_by_year(one_off.high, annual.high, measure, bounds), rate)
        else:
            low = high = None
        cost_lines[measure.id] = CostLine(
            id=measure.id,
            name=measure.name,
            costs=present_value(by_year, rate),
            by_year=tuple(by_year),
            low=low,
            high=high,
        )

    years = []
    for y in range(horizon):
        ben = [line for line in lines.values() if line.kind == "benefit"]
        dis = [line for line in lines.values() if line.kind == "disbenefit"]
        years.append(
            MoneyYear(
                year=y,
                start=bounds[y],
                end=bounds[y + 1],
                factor=factors[y],
                benefits_expected=math.fsum(line.expected_by_year[y] for line in ben),
                disbenefits_expected=math.fsum(line.expected_by_year[y] for line in dis),
                benefits_realised=math.fsum(line.realised_by_year[y] for line in ben),
                disbenefits_realised=math.fsum(line.realised_by_year[y] for line in dis),
                costs=math.fsum(c.by_year[y] for c in cost_lines.values()),
            )
        )

    categories: dict[str, CategoryTotal] = {}
    for key in (*CATEGORIES, "unspecified"):
        chosen = [line for line in lines.values() if (line.category or "unspecified") == key]
        if chosen:
            categories[key] = CategoryTotal(
                category=key,
                expected=math.fsum(line.expected for line in chosen),
                realised=math.fsum(line.realised for line in chosen),
            )

    expected = math.fsum(line.expected for line in lines.values())
    realised_total = math.fsum(line.realised for line in lines.values())
    costs = math.fsum(c.costs for c in cost_lines.values())
    adjusted = None
    bias = plan.info.optimism_bias
    if bias is not None:
        up, cut = 1.0 + bias.costs, 1.0 - bias.benefits
        ben = [line for line in lines.values() if line.kind == "benefit"]
        dis = [line for line in lines.values() if line.kind == "disbenefit"]
        ben_expected = cut * math.fsum(line.expected for line in ben)
        ben_realised = cut * math.fsum(line.realised for line in ben)
        adj_expected = ben_expected + math.fsum(line.expected for line in dis)
        adj_realised = ben_realised + math.fsum(line.realised for line in dis)
        adjusted = Adjusted(
            costs_share=bias.costs,
            benefits_share=bias.benefits,
            expected=adj_expected,
            realised=adj_realised,
            costs=up * costs,
            net=adj_realised - up * costs,
            expected_net=adj_expected - up * costs,
            benefits_expected=ben_expected,
            benefits_realised=ben_realised,
        )
    return Money(
        currency=plan.info.currency,
        discount_rate=rate,
        start=start,
        horizon_years=horizon,
        expected=expected,
        realised=realised_total,
        costs=costs,
        net=realised_total - costs,
        lines=lines,
        costs_by_measure=cost_lines,
        years=tuple(years),
        categories=categories,
        adjusted=adjusted,
    )
