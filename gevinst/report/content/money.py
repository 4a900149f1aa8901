"""The money: present values expected against realised, their ranges and their
figures adjusted for optimism bias, year by year, and the basis of the calculation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gevinst.i18n.formats import format_date, format_percent, format_rate

if TYPE_CHECKING:
    from gevinst.analysis.money import MoneyYear
    from gevinst.report.content.core import ReportCore

__all__ = [
    "MoneyRow",
    "MoneyYearRow",
    "has_money",
    "money_basis",
    "money_rows",
    "money_table",
    "money_years",
    "optimism_label",
    "optimism_shares",
    "period",
    "period_text",
]


def period_text(first: dt.date, last: dt.date, language: str) -> str:
    """Calendar years (``2024``, ``2034–2063``) when ``first`` is 1 January and ``last``
    31 December, else the two days (``1.7.2024–30.6.2025``).

    >>> period_text(dt.date(2034, 1, 1), dt.date(2063, 12, 31), "nb")
    '2034–2063'
    >>> period_text(dt.date(2024, 7, 1), dt.date(2025, 6, 30), "en")
    '1 Jul 2024–30 Jun 2025'
    """
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return str(first.year) if first.year == last.year else f"{first.year}\u2013{last.year}"
    start = format_date(first, language, compact=True)
    return f"{start}\u2013{format_date(last, language, compact=True)}"


@dataclass(frozen=True)
class MoneyRow:
    """A row of the money table: benefits, dis-benefits, costs or net (present values;
    costs negative).

    ``realised`` is ``None`` when the report has no date; ``low`` and ``high`` the
    expected value with every amount at its low and at its high end (``None`` when the
    plan has no ranges); ``adjusted_*`` the same adjusted for optimism bias (``None``
    when the plan sets none).
    """

    label: str
    expected: float
    realised: float | None
    low: float | None
    high: float | None
    adjusted_expected: float | None
    adjusted_realised: float | None


@dataclass(frozen=True)
class MoneyYearRow:
    """A year of the money, or several years summed, or the present values (the last row).

    ``label`` is the year (``0``), a span (``10–39``) or the words for present value;
    ``first`` and ``last`` the first and last day covered (``None`` in the last row).
    Amounts are undiscounted except in the last row; ``discounted`` is the net times
    each year's factor, so the discounted nets of the years add up to the last row's.
    ``realised`` is ``None`` when the report has no date (``net`` is then expected
    minus costs); ``factor`` is ``None`` for summed years and the last row.
    """

    label: str
    first: dt.date | None
    last: dt.date | None
    expected: float
    realised: float | None
    costs: float
    net: float
    factor: float | None
    discounted: float


def money_rows(data: ReportCore) -> list[tuple[str, float, float | None]]:
    """(label, expected, realised) present values: benefits, dis-benefits, costs, net.

    Realised is ``None`` when the report has no date.
    """
    m = data.money
    expected_benefits = sum(line.expected for line in m.lines.values() if line.kind == "benefit")
    expected_dis = sum(line.expected for line in m.lines.values() if line.kind == "disbenefit")
    dated = data.evaluation is not None
    return [
        (data.phrase("benefits_pv"), expected_benefits, m.benefits if dated else None),
        (data.phrase("disbenefits_pv"), expected_dis, m.disbenefits if dated else None),
        (data.phrase("costs_pv"), -m.costs, -m.costs if dated else None),
        (data.phrase("net_pv"), m.expected_net, m.net if dated else None),
    ]


def money_table(data: ReportCore) -> list[MoneyRow]:
    """The rows of :func:`money_rows` with their ranges and their figures adjusted
    for optimism bias beside them.

    Examples:
        >>> import gevinst as gv
        >>> from gevinst.report.content import report_data
        >>> rows = report_data(gv.load("examples/minimal.yaml")).money_table()
        >>> [(r.low, r.adjusted_expected) for r in rows][-1]  # no ranges, no bias
        (None, None)
    """
    m = data.money
    adjusted = m.adjusted
    dated = data.evaluation is not None
    if m.ranged:
        costs_low, costs_high = m.costs_range()
        ranges: list[tuple[float | None, float | None]] = [
            m.expected_range("benefit"),
            m.expected_range("disbenefit"),
            (-costs_high, -costs_low),
            m.expected_net_range(),
        ]
    else:
        ranges = [(None, None)] * 4
    if adjusted is not None:
        dis_expected = sum(line.expected for line in m.lines.values() if line.kind == "disbenefit")
        changed: list[tuple[float | None, float | None]] = [
            (adjusted.benefits_expected, adjusted.benefits_realised),
            (dis_expected, m.disbenefits),
            (-adjusted.costs, -adjusted.costs),
            (adjusted.expected_net, adjusted.net),
        ]
    else:
        changed = [(None, None)] * 4
    return [
        MoneyRow(
            label=label,
            expected=expected,
            realised=realised,
            low=low,
            high=high,
            adjusted_expected=adj_expected,
            adjusted_realised=adj_realised if dated else None,
        )
        for (label, expected, realised), (low, high), (adj_expected, adj_realised) in zip(
            money_rows(data), ranges, changed, strict=True
        )
    ]


def optimism_label(data: ReportCore) -> str | None:
    """``Justert for optimisme (kostnader +20 %, gevinster −10 %)``, or ``None`` when
    the plan sets no optimism bias."""
    adjusted = data.money.adjusted
    if adjusted is None:
        return None
    return data.phrase("optimism_adjusted", **optimism_shares(data))


def optimism_shares(data: ReportCore) -> dict[str, str]:
    """The optimism bias shares as text: ``{"costs": "20 %", "benefits": "10 %"}``
    (empty when the plan sets none)."""
    adjusted = data.money.adjusted
    if adjusted is None:
        return {}

    def share(value: float) -> str:  # 20 %, or 12,5 % when the share has a half
        decimals = 0 if round(100 * value, 6).is_integer() else 1
        return format_percent(value, data.language, decimals)

    return {"costs": share(adjusted.costs_share), "benefits": share(adjusted.benefits_share)}


def money_years(data: ReportCore, first: int | None = None) -> list[MoneyYearRow]:
    """The money year by year, then the present values; with ``first``, the years
    after the first ``first`` are summed into one row (so a 40-year horizon fits a
    slide) while the discounted nets still add up to the net present value.

    Examples:
        >>> import gevinst as gv
        >>> from gevinst.report.content import report_data
        >>> data = report_data(gv.load("examples/bergen_barnevern/plan.yaml"),
        ...                    at="2025-10-01")
        >>> rows = data.money_years(first=3)
        >>> [r.label for r in rows][:3], len(rows) <= 5
        (['0', '1', '2'], True)
        >>> round(sum(r.discounted for r in rows[:-1])) == round(rows[-1].discounted)
        True
    """
    m = data.money
    dated = data.evaluation is not None

    def row(label: str, years: list[MoneyYear]) -> MoneyYearRow:
        expected = sum(y.expected for y in years)
        realised = sum(y.realised for y in years)
        costs = sum(y.costs for y in years)
        net = (realised if dated else expected) - costs
        return MoneyYearRow(
            label=label,
            first=years[0].start,
            last=years[-1].end - dt.timedelta(days=1),
            expected=expected,
            realised=realised if dated else None,
            costs=costs,
            net=net,
            factor=years[0].factor if len(years) == 1 else None,
            discounted=sum(
                ((y.realised if dated else y.expected) - y.costs) * y.factor for y in years
            ),
        )

    years = list(m.years)
    shown = years if first is None or len(years) <= first + 1 else years[:first]
    rows = [row(str(y.year), [y]) for y in shown]
    rest = years[len(shown) :]
    if rest:
        rows.append(row(f"{rest[0].year}\u2013{rest[-1].year}", rest))
    net = m.net if dated else m.expected_net
    rows.append(
        MoneyYearRow(
            label=data.phrase("present_value_total"),
            first=None,
            last=None,
            expected=m.expected,
            realised=m.realised if dated else None,
            costs=m.costs,
            net=net,
            factor=None,
            discounted=net,
        )
    )
    return rows


def period(data: ReportCore, row: MoneyYearRow) -> str:
    """The days a row of :func:`money_years` covers: its calendar years (``2024``,
    ``2034–2063``) when it starts on 1 January and ends on 31 December, else its
    first and last day (``1.7.2024–30.6.2025``)."""
    if row.first is None or row.last is None:
        return ""
    return period_text(row.first, row.last, data.language)


def has_money(data: ReportCore) -> bool:
    """True when some benefit, dis-benefit or measure carries money."""
    return bool(data.money.lines) or bool(data.money.costs_by_measure)


def money_basis(data: ReportCore) -> str:
    """Horizon, start and rate of the present values, in one sentence."""
    m = data.money
    return data.phrase(
        "money_basis",
        years=m.horizon_years,
        start=data.date(m.start),
        rate=format_rate(m.discount_rate, data.language),
    )
