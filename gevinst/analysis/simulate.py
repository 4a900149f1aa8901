"""Monte Carlo simulation of a plan's money from its three-point estimates (SPEC section 6).

Every amount given as ``[low, most_likely, high]`` is drawn from the triangular
distribution with those three points; amounts without a range stay as they are. The
amounts are drawn together through a Gaussian copula with the same correlation
``plan.correlation`` between every pair (0, the default: independent; 1: every amount at
the same quantile). Each run then counts the planned money of section 3 (what
:func:`gevinst.analysis.money.npv` gives as ``expected``, ``costs`` and ``expected_net``)
with the drawn amounts.

How it is computed: the planned money is linear in each amount, so each amount has a
coefficient, its present value per unit (a benefit's ``value.annual`` counts
``present_value(ramped(1.0, from, ramp))``, a dis-benefit's the same negative, a
measure's ``cost.one_off`` the discount factor of its year, its ``cost.annual``
``present_value(yearly(1.0, start, until=end))``). A run is the planned figure plus the
drawn deviations from the most likely values times their coefficients. Independent
amounts (correlation 0) are drawn as ``low + width * (c * max(u, v) + (1 - c) * min(u,
v))`` with ``c = (most_likely - low) / width`` (exactly triangular, Stein and Keblis
2009), correlated ones as the inverse of the triangular CDF at ``Phi(z)``. The runs are
drawn in blocks of :data:`BLOCK` runs, each block from its own random stream and on as
many processor cores as there are, and within a block in chunks of :data:`CHUNK` runs,
so memory stays ``cores x CHUNK x amounts`` floats and the same seed gives the same
numbers on any machine, with one core or many.

Optimism bias (``plan.info.optimism_bias``) is not applied here: the simulation is of
the planned money; outputs may show the adjusted figures beside it.

Examples:
    >>> import gevinst as gv
    >>> plan = gv.loads('''
    ... schema: gevinst/1
    ... plan: {id: demo, title: Demo, start: 2025-01-01, horizon_years: 1, correlation: 0}
    ... benefits: [{id: B1, name: Time saved, value: {annual: [80, 100, 150]}}]
    ... measures: [{id: M1, name: New system, cost: {one_off: 90}}]
    ... ''')
    >>> sim = gv.simulate(plan, runs=2000, seed=1)
    >>> sim.planned["net"], sim.uncertain, [d.id for d in sim.drivers]
    (10.0, 1, ['B1'])
    >>> 80 - 90 <= sim.percentile(10) <= sim.percentile(90) <= 150 - 90
    True
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import TYPE_CHECKING, Any

from gevinst.analysis.limits import MAX_RATE, MIN_RATE, require_within_limits
from gevinst.analysis.money import (
    discount_factors,
    one_off_year,
    present_value,
    ramped,
    year_bounds,
    yearly,
)
from gevinst.errors import PlanError
from gevinst.i18n.formats import format_money, format_number, format_percent
from gevinst.i18n.html import Cell, html_table
from gevinst.i18n.words import t
from gevinst.model import Disbenefit, Plan

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["BLOCK", "CHUNK", "MAX_RUNS", "OF", "Driver", "Simulation", "simulate"]

#: What a figure of a :class:`Simulation` can be of: benefits minus dis-benefits,
#: the measures' costs, and benefits minus costs; all present values.
OF: tuple[str, ...] = ("benefits", "costs", "net")

#: Runs drawn at a time. Fixed, so that a seed gives the same numbers everywhere; small,
#: so that a chunk of a large portfolio stays in the processor's cache (on 20,000
#: uncertain amounts 16 runs took half the time of 64 or 256; 8 was no faster).
CHUNK = 16

#: Runs drawn from one random stream; blocks are drawn on as many processor cores as
#: the process may use. Fixed (and a multiple of :data:`CHUNK`), so that a seed gives
#: the same numbers on any machine, with one core or many.
BLOCK = 512

#: The most runs one simulation draws.
MAX_RUNS = 1_000_000


@dataclass(frozen=True)
class Driver:
    """One uncertain amount and how far it alone moves the net present value (a bar of
    the tornado).

    Attributes:
        id: the element (benefit, dis-benefit or measure).
        field: ``value.annual``, ``cost.one_off`` or ``cost.annual``.
        name: the element's name.
        low: the planned net present value with this amount at its low and every other
            amount at its most likely value.
        high: the same with this amount at its high.
    """

    id: str
    field: str
    name: str
    low: float
    high: float

    @property
    def swing(self) -> float:
        """``|high - low|``: how much the net present value moves across the range."""
        return abs(self.high - self.low)


@dataclass(frozen=True)
class Simulation:
    """The runs of :func:`simulate`: benefits, costs and net present value of each run.

    Attributes:
        runs: how many runs were drawn.
        seed: the seed they were drawn with (the same seed gives the same runs).
        correlation: the correlation between the uncertain amounts (0 to 1).
        currency: the plan's currency.
        discount_rate: the flat rate used; ``None``: the R-109 rates.
        planned: ``{"benefits", "costs", "net"}`` as planned (every amount at its most
            likely value): ``npv()``'s ``expected``, ``costs`` and ``expected_net``.
        uncertain: how many amounts carry a range.
        drivers: a :class:`Driver` for every amount with a range, the largest swing
            first (equal swings in plan order).
    """

    runs: int
    seed: int
    correlation: float
    currency: str
    discount_rate: float | None
    planned: dict[str, float]
    uncertain: int
    drivers: tuple[Driver, ...]
    _figures: dict[str, NDArray[np.float64]] = dataclass_field(repr=False, compare=False)
    #: The plan's language, for display (``_repr_html_``).
    language: str = dataclass_field(default="nb", repr=False, compare=False)

    def _repr_html_(self) -> str:
        """Present values as planned, on average and at P10, P50, P85 and P90, and the
        probability of a loss, so a simulation shows itself in Jupyter."""
        lang = self.language

        def money(value: float) -> str:
            return format_money(value, self.currency, lang)

        labels = {"benefits": "sim_benefits", "costs": "costs", "net": "sim_net"}
        rows: list[list[Cell]] = [
            [
                t(labels[of], lang),
                money(self.planned[of]),
                money(self.mean(of)),
                *(money(self.percentile(p, of)) for p in (10, 50, 85, 90)),
            ]
            for of in OF
        ]
        header = ["", t("planned_col", lang), t("mean", lang), "P10", "P50", "P85", "P90"]
        negative = format_percent(self.probability_below(0.0, "net"), lang)
        return html_table(
            t("unc_table_caption", lang).format(runs=format_number(self.runs, lang)),
            header,
            rows,
            right=range(1, 7),
            note=t("sim_negative", lang).format(share=negative),
        )

    def values(self, of: str = "net") -> NDArray[np.float64]:
        """A copy of the figure ``of`` (one of :data:`OF`) of every run, in run order."""
        return self._of(of).copy()

    def mean(self, of: str = "net") -> float:
        """The mean of ``of`` over the runs."""
        return float(self._of(of).mean())

    def percentile(self, p: float, of: str = "net") -> float:
        """The ``p``-th percentile (0 to 100) of ``of``: P85 is the value 85 % of the
        runs are at or below (numpy's default, linear, method)."""
        import numpy as np

        if isinstance(p, bool) or not isinstance(p, int | float) or not 0 <= p <= 100:
            raise ValueError(f"percentile {p!r} is not a number from 0 to 100; e.g. 85 for P85")
        return float(np.percentile(self._of(of), p))

    def probability_below(self, x: float = 0.0, of: str = "net") -> float:
        """The share of runs whose ``of`` is below ``x`` (net below 0: a loss)."""
        return float((self._of(of) < x).mean())

    def summary(self) -> dict[str, Any]:
        """The simulation as plain data (numbers, text, lists, dicts) for JSON."""
        out: dict[str, Any] = {
            "runs": self.runs,
            "seed": self.seed,
            "correlation": self.correlation,
            "currency": self.currency,
            "discount_rate": self.discount_rate,
            "uncertain": self.uncertain,
        }
        for of in OF:
            out[of] = {
                "planned": self.planned[of],
                "mean": self.mean(of),
                **{f"p{p}": self.percentile(p, of) for p in (10, 50, 85, 90)},
            }
        out["probability_negative"] = self.probability_below(0.0, "net")
        out["drivers"] = [
            {"id": d.id, "field": d.field, "name": d.name, "low": d.low, "high": d.high,
             "swing": d.swing}
            for d in self.drivers
        ]  # fmt: skip
        return out

    def _of(self, of: str) -> NDArray[np.float64]:
        if of not in OF:
            raise ValueError(f"of={of!r} is not one of {', '.join(OF)}")
        return self._figures[of]


@dataclass(frozen=True)
class _Amount:
    id: str
    field: str
    name: str
    estimate: float  # an Estimate: most likely, with .low and .high
    low: float
    high: float
    ranged: bool
    cost: bool  # counts in costs (else in benefits)
    coefficient: float  # present value per unit, signed (a dis-benefit's is negative)


def _amounts(plan: Plan, rate: float | None) -> Iterator[_Amount]:
    """Every amount ``npv()`` counts (the first element of an id, as it does), with its
    coefficient. Elements with the same dates share one computation."""
    horizon = plan.info.horizon_years
    bounds = year_bounds(plan.start, horizon)
    factors = discount_factors(rate, horizon)
    per_value: dict[tuple[dt.date | None, tuple[float, ...]], float] = {}
    per_year: dict[tuple[dt.date | None, dt.date | None], float] = {}
    seen: set[str] = set()
    for element in (*plan.benefits, *plan.disbenefits):
        if element.value is None or element.id in seen:
            continue
        seen.add(element.id)
        value = element.value
        key = (value.from_, tuple(value.ramp or ()))
        if key not in per_value:
            per_value[key] = present_value(ramped(1.0, value.from_, value.ramp, bounds), rate)
        sign = -1.0 if isinstance(element, Disbenefit) else 1.0
        yield _make(element.id, "value.annual", element.name, value.annual, sign * per_value[key])
    seen.clear()
    for measure in plan.measures:
        if measure.cost is None or measure.id in seen:
            continue
        seen.add(measure.id)
        year = one_off_year(measure.start, bounds)
        once = 0.0 if year is None else factors[year]
        yield _make(measure.id, "cost.one_off", measure.name, measure.cost.one_off, once)
        span = (measure.start, measure.end)
        if span not in per_year:
            per_unit = yearly(1.0, measure.start, bounds, until=measure.end)
            per_year[span] = present_value(per_unit, rate)
        yield _make(measure.id, "cost.annual", measure.name, measure.cost.annual, per_year[span])


def _make(id: str, field: str, name: str, amount: float, coefficient: float) -> _Amount:
    """One amount with its coefficient; ``require_within_limits`` has refused ranges out
    of order, numbers that are not finite and numbers beyond the limits."""
    low = float(getattr(amount, "low", amount))
    high = float(getattr(amount, "high", amount))
    return _Amount(
        id=id,
        field=field,
        name=name,
        estimate=amount,
        low=low,
        high=high,
        ranged=bool(getattr(amount, "ranged", False)),
        cost=field.startswith("cost."),
        coefficient=coefficient,
    )


def _check_arguments(plan: Plan, runs: int, seed: int) -> float:
    """The plan's correlation, after refusing what cannot be simulated."""
    if isinstance(runs, bool) or not isinstance(runs, int) or not 1 <= runs <= MAX_RUNS:
        raise ValueError(
            f"runs={runs!r}: give a whole number of runs from 1 to {MAX_RUNS:,} (10,000 is "
            "plenty for P10 to P90)"
        )
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValueError(
            f"seed={seed!r}: give a whole number 0 or more (the same seed, the same runs)"
        )
    require_within_limits(plan)
    rate = plan.info.discount_rate
    if rate is not None and not MIN_RATE <= rate <= MAX_RATE:
        raise PlanError(
            f"discount_rate is {rate!r}, outside {MIN_RATE:g} to {MAX_RATE:g}; give it as a "
            "share per year (0.04 for 4 %)",
            source=plan.id,
            element=plan.id,
            field="discount_rate",
        )
    rho = plan.info.correlation  # 0..1: require_within_limits refused the others
    rho = 0.0 if rho is None else float(rho)
    return rho


def simulate(plan: Plan, runs: int = 10_000, seed: int = 0) -> Simulation:
    """Draw the uncertain amounts of ``plan`` ``runs`` times and count its money each time.

    Args:
        plan: the plan; its ``[low, most_likely, high]`` amounts are drawn (triangular),
            jointly with correlation ``plan.correlation`` (Gaussian copula, one factor).
        runs: how many runs, 1 to :data:`MAX_RUNS`.
        seed: the seed of the random numbers (numpy's PCG64, one stream per block of
            :data:`BLOCK` runs); 0 or more.

    Returns:
        A :class:`Simulation`: ``.mean()``, ``.percentile(85)``, ``.values("costs")``, ...

    Raises:
        ValueError: ``runs`` or ``seed`` is not a whole number in range.
        PlanError: a range out of order (``low > most_likely`` or ``most_likely >
            high``), a number that is not finite or beyond the limits, a correlation
            outside 0 to 1 (the message names the element and field).

    Examples:
        >>> import gevinst as gv
        >>> sim = gv.simulate(gv.load("examples/bergen_barnevern/plan.yaml"), runs=1000)
        >>> sim.runs, len(sim.values("costs"))
        (1000, 1000)
    """
    rho = _check_arguments(plan, runs, seed)
    rate = plan.info.discount_rate
    amounts = list(_amounts(plan, rate))
    planned_benefits = math.fsum(a.coefficient * float(a.estimate) for a in amounts if not a.cost)
    planned_costs = math.fsum(a.coefficient * float(a.estimate) for a in amounts if a.cost)
    planned = {
        "benefits": planned_benefits,
        "costs": planned_costs,
        "net": planned_benefits - planned_costs,
    }
    ranged = [a for a in amounts if a.ranged]
    drivers = []
    for a in ranged:
        per_unit = -a.coefficient if a.cost else a.coefficient
        likely = float(a.estimate)
        drivers.append(
            Driver(
                id=a.id,
                field=a.field,
                name=a.name,
                low=planned["net"] + per_unit * (a.low - likely),
                high=planned["net"] + per_unit * (a.high - likely),
            )
        )
    drivers.sort(key=lambda d: -d.swing)  # stable: equal swings keep plan order

    deviations = _draw(ranged, runs, seed, rho)  # (runs, 2): benefits, costs
    benefits = planned_benefits + deviations[:, 0]
    costs = planned_costs + deviations[:, 1]
    figures = {"benefits": benefits, "costs": costs, "net": benefits - costs}
    for array in figures.values():
        array.flags.writeable = False
    return Simulation(
        runs=runs,
        seed=seed,
        correlation=rho,
        currency=plan.info.currency,
        discount_rate=rate,
        planned=planned,
        uncertain=len(ranged),
        drivers=tuple(drivers),
        _figures=figures,
        language=plan.info.language,
    )


def _draw(ranged: list[_Amount], runs: int, seed: int, rho: float) -> NDArray[np.float64]:
    """``(runs, 2)``: the drawn deviations from the planned benefits and costs.

    The runs are drawn in blocks of :data:`BLOCK`, each from its own random stream
    (``SeedSequence(seed, spawn_key=(block,))``), so the blocks can be drawn on several
    processor cores at once (numpy releases the GIL while it draws and sums) and still
    give the same numbers however many cores there are. Within a block each chunk of
    :data:`CHUNK` runs is drawn whole, also the last, so that fewer runs with the same
    seed are the first runs of more. The arrays of a chunk are made once per block and
    filled in place (a large portfolio would otherwise spend its time allocating).
    """
    import numpy as np

    out = np.zeros((runs, 2))
    if not ranged:
        return out
    # benefits' amounts first, then costs': a run's two sums are then each one product
    # with a block of columns, and every drawn number is read once
    ranged = sorted(ranged, key=lambda a: a.cost)
    split = sum(1 for a in ranged if not a.cost)
    n = len(ranged)
    low = np.array([a.low for a in ranged])
    likely = np.array([float(a.estimate) for a in ranged])
    high = np.array([a.high for a in ranged])
    width = high - low
    mode_at = np.divide(likely - low, width, out=np.zeros_like(width), where=width > 0)
    coefficients = np.array([a.coefficient for a in ranged])

    def sums(drawn: NDArray[np.float64], weights: NDArray[np.float64]) -> NDArray[np.float64]:
        """``(CHUNK, 2)``: each run's benefits and costs of ``drawn`` times ``weights``."""
        both = np.empty((drawn.shape[0], 2))
        both[:, 0] = drawn[:, :split] @ weights[:split]
        both[:, 1] = drawn[:, split:] @ weights[split:]
        return both

    # Independent: a triangular (low, likely, high) is low + width * (c * max(u, v)
    # + (1 - c) * min(u, v)) for uniforms u, v and c = (likely - low) / width (Stein
    # and Keblis 2009), so a run's sum needs no square root and no branch.
    on_max = coefficients * width * mode_at
    on_min = coefficients * width * (1.0 - mode_at)
    offset = sums((low - likely)[None, :], coefficients)

    def independent(rng: np.random.Generator, rows: slice) -> None:
        first, second, smaller = (np.empty((CHUNK, n)) for _ in range(3))
        for start in range(rows.start, rows.stop, CHUNK):
            stop = min(start + CHUNK, rows.stop)
            rng.random(out=first)
            rng.random(out=second)
            np.minimum(first, second, out=smaller)
            larger = np.maximum(first, second, out=first)
            drawn = sums(larger, on_max) + sums(smaller, on_min) + offset
            out[start:stop] = drawn[: stop - start]

    # Correlated: u = Phi(z) per amount, then the inverse of the triangular CDF: below
    # the mode's quantile c, x = low + sqrt(u * width * (likely - low)); above it,
    # x = high - sqrt((1 - u) * width * (high - likely)); here as a deviation from likely.
    below = width * (likely - low)
    above = width * (high - likely)
    below_offset = low - likely
    above_offset = high - likely
    shared, own = math.sqrt(rho), math.sqrt(1.0 - rho)

    def correlated(rng: np.random.Generator, rows: slice) -> None:
        first, second = np.empty((CHUNK, n)), np.empty((CHUNK, n))
        under = np.empty((CHUNK, n), dtype=bool)
        for start in range(rows.start, rows.stop, CHUNK):
            stop = min(start + CHUNK, rows.stop)
            u = _uniforms(rng, first, rho, shared, own)
            np.less(u, mode_at, out=under)
            spread = np.multiply(u, below, out=second)
            np.multiply(u, above, out=first)  # u is done with once this is read
            rest = np.subtract(above, first, out=first)  # (1 - u) * above
            np.copyto(rest, spread, where=under)
            root = np.sqrt(rest, out=rest)
            np.add(below_offset, root, out=spread)
            deviation = np.subtract(above_offset, root, out=root)
            np.copyto(deviation, spread, where=under)
            out[start:stop] = sums(deviation, coefficients)[: stop - start]

    draw = independent if rho == 0.0 else correlated

    def block(index: int) -> None:
        stream = np.random.SeedSequence(seed, spawn_key=(index,))
        rows = slice(index * BLOCK, min((index + 1) * BLOCK, runs))
        draw(np.random.Generator(np.random.PCG64(stream)), rows)

    blocks = range(-(-runs // BLOCK))
    workers = min(_cores(), len(blocks))
    if workers == 1:
        for index in blocks:
            block(index)
    else:
        with ThreadPoolExecutor(workers) as pool:
            list(pool.map(block, blocks))  # list(): a block's exception is raised here
    return out


def _cores() -> int:
    """The processor cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _uniforms(
    rng: np.random.Generator, buffer: NDArray[np.float64], rho: float, shared: float, own: float
) -> NDArray[np.float64]:
    """Uniforms on [0, 1] for ``buffer``'s shape, pairwise correlated through one normal
    factor: ``z = sqrt(rho) w + sqrt(1 - rho) e``, ``u = Phi(z)``, in ``buffer`` (or a
    column of one per run when ``rho`` is 1: every amount at the same quantile)."""
    from scipy.special import ndtr

    factor = rng.standard_normal((buffer.shape[0], 1))
    if rho == 1.0:
        column: NDArray[np.float64] = ndtr(factor)
        return column
    rng.standard_normal(out=buffer)
    buffer *= own
    buffer += shared * factor
    ndtr(buffer, out=buffer)
    return buffer
