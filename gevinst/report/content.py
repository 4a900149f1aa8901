"""What every report says, as plain data: the writers (Markdown, PowerPoint, HTML) only
lay it out, so the three formats tell the same story with the same numbers.

A :class:`ReportData` holds the plan, the evaluation (when the report has a date),
the language, and the rows of each table: status per goal, objective, benefit and
dis-benefit; indicators expected against realised; money; stakeholders by quadrant.
Every text, a word or a whole sentence with ``{fields}`` (headings, speaker notes), is
in :data:`gevinst.i18n.words.WORDS`, in nb and en.

Examples:
    >>> import gevinst as gv
    >>> from gevinst.report.content import report_data
    >>> data = report_data(gv.load("examples/bergen_barnevern/plan.yaml"), at="2025-10-01")
    >>> [row.id for row in data.status_rows(("goal",))]
    ['G1', 'G2']
    >>> data.phrase("why")
    'Hvorfor tiltakene betyr noe'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from gevinst.errors import RenderError
from gevinst.graph import build_graph
from gevinst.i18n.formats import format_date, format_number, format_percent, format_rate
from gevinst.i18n.words import t
from gevinst.theme import DEFAULT_THEME, Theme

if TYPE_CHECKING:
    from collections.abc import Iterable

    from gevinst.analysis.evaluate import Evaluation
    from gevinst.analysis.money import Money, MoneyYear
    from gevinst.analysis.simulate import Driver, Simulation
    from gevinst.analysis.stakeholders import StakeholderRow
    from gevinst.model import Measurement, Plan

__all__ = [
    "KEY_INDICATORS",
    "SIMULATION_RUNS",
    "SIMULATION_SEED",
    "IndicatorRow",
    "LinkRow",
    "MoneyRow",
    "MoneyYearRow",
    "ReportData",
    "ReviewRow",
    "StatusRow",
    "TextRow",
    "TextTable",
    "UncertaintyRow",
    "adjusted_rows",
    "evaluation_title",
    "money_note",
    "period_text",
    "report_data",
    "year_period",
]

#: At most this many indicators get a chart of their own (the rest are in the table).
KEY_INDICATORS = 6

#: The simulation behind every report's uncertainty part: runs and seed (same plan,
#: same numbers).
SIMULATION_RUNS = 10_000
SIMULATION_SEED = 0


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


@dataclass(frozen=True)
class RiskRow:
    """One benefit or dis-benefit's risk profile and realisation measures (DFØ)."""

    id: str
    name: str
    risk: str
    description: str
    response: str
    realisation: tuple[str, ...]


@dataclass(frozen=True)
class TextRow:
    """A row of a :class:`TextTable`: the id of the element it is about, and its cells."""

    id: str
    cells: tuple[str, ...]


@dataclass(frozen=True)
class TextTable:
    """A table as text in the report's language, for each writer to lay out as it
    lays out tables: the headings and the rows."""

    header: tuple[str, ...]
    rows: tuple[TextRow, ...]


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


@dataclass(frozen=True)
class LinkRow:
    """A link whose note says why it holds: ``source`` contributes to ``target``."""

    source: str
    source_name: str
    target: str
    target_name: str
    weight: float | None
    note: str


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


# -- the evaluation's tables (gevinst.report.tables, gevinst.report.workbook) -----------------


def evaluation_title(ev: Evaluation, lang: str) -> str:
    """The heading of an evaluation's tables: the plan's title and the date."""
    return f"{ev.plan.title}: {t('evaluation', lang).lower()} {t('per_date', lang)} " + format_date(
        ev.at, lang
    )


def adjusted_rows(ev: Evaluation, lang: str) -> list[tuple[str, float, float]]:
    """(label, expected, realised) of the benefits, costs (negative) and net adjusted for
    optimism bias; none when the plan sets no optimism bias."""
    adjusted = ev.npv().adjusted
    if adjusted is None:
        return []
    shares = {
        "costs": format_percent(adjusted.costs_share, lang, _decimals(adjusted.costs_share)),
        "benefits": format_percent(
            adjusted.benefits_share, lang, _decimals(adjusted.benefits_share)
        ),
    }
    return [
        (
            t("benefits_adjusted", lang).format(**shares),
            adjusted.benefits_expected,
            adjusted.benefits_realised,
        ),
        (t("costs_adjusted", lang).format(**shares), -adjusted.costs, -adjusted.costs),
        (t("net_adjusted", lang).format(**shares), adjusted.expected_net, adjusted.net),
    ]


def _decimals(share: float) -> int:
    """Decimals of a percentage: none for a whole percent, else one (12,5 %)."""
    return 0 if round(100 * share, 6).is_integer() else 1


def year_period(start: dt.date, end: dt.date, lang: str) -> str:
    """A year's calendar year, or first and last day (``end`` is the day after it)."""
    return period_text(start, end - dt.timedelta(days=1), lang)


def money_note(ev: Evaluation, lang: str) -> str:
    """The heading of the money table: currency, rate, years and first day."""
    money = ev.npv()
    rate = format_rate(money.discount_rate, lang)
    return (
        f"{t('npv', lang)} ({money.currency}): {t('calculation_rate', lang).lower()} {rate}, "
        f"{money.horizon_years} {t('years', lang)} {t('from_date', lang)} "
        f"{money.start.isoformat()}"
    )


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


@dataclass(frozen=True)
class UncertaintyRow:
    """Benefits, costs or net (``of``) as planned and as simulated: P10, P50, P85, P90
    and the mean of the present value over the runs."""

    of: str
    label: str
    planned: float
    p10: float
    p50: float
    p85: float
    p90: float
    mean: float


@dataclass
class ReportData:
    """Everything a report says about one plan, at one date (or none), in one language."""

    plan: Plan
    evaluation: Evaluation | None
    language: str
    money: Money
    #: The look (font, logo, colours of kinds and statuses) of every part of the report.
    theme: Theme = field(default=DEFAULT_THEME, repr=False)
    _names: dict[str, str] = field(default_factory=dict, repr=False)
    #: The simulation once computed (one item; ``None`` in it for a plan without
    #: ranges), shared with a copy of the report made by :meth:`sharing_simulation`.
    _simulation: list[Simulation | None] = field(default_factory=list, repr=False)
    #: The council deck adds its appendix (every map part, table and chart that the
    #: main story of at most 20 slides leaves out).
    appendix: bool = False

    @property
    def at(self) -> dt.date | None:
        """The evaluation date, or ``None`` for a report of the plan alone."""
        return self.evaluation.at if self.evaluation is not None else None

    def word(self, key: str) -> str:
        """One word from :func:`gevinst.i18n.words.t` in the report's language."""
        return t(key, self.language)

    def phrase(self, key: str, **fields: object) -> str:
        """A sentence of :data:`gevinst.i18n.words.WORDS` in the report's language, its
        ``{fields}`` filled in."""
        text = t(key, self.language)
        return text.format(**fields) if fields else text

    def number(self, value: float | None, decimals: int | None = None) -> str:
        """A number in the reader's style; decimals as needed when not given."""
        if value is None:
            return "–"
        if decimals is None:
            decimals = 0 if float(value).is_integer() else 1
        return format_number(value, self.language, decimals)

    def date(self, day: dt.date | None, short: bool = False) -> str:
        """A date as the reader writes it (``1. oktober 2025``)."""
        return "–" if day is None else format_date(day, self.language, short=short)

    def status_word(self, status: str | None) -> str:
        """The status in words; an en dash for none."""
        return t(status, self.language) if status else "–"

    def name_of(self, id: str) -> str:
        """The name of an element or stakeholder, or the id itself."""
        if not self._names:
            self._names.update({s.id: s.name for s in self.plan.stakeholders})
            self._names.update({e.id: e.name for e in self.plan.elements()})
            self._names.update({i.id: i.name for i in self.plan.indicators})
        return self._names.get(id, id)

    @property
    def subtitle(self) -> str:
        """Organisation, the plan's owner (gevinstansvarlig) and, when evaluated, the
        date: one line under the title."""
        parts = []
        if self.plan.info.organisation:
            parts.append(self.plan.info.organisation)
        if self.plan.info.owner:
            parts.append(f"{self.word('plan_owner')}: {self.name_of(self.plan.info.owner)}")
        if self.at is not None:
            parts.append(f"{self.word('evaluated_at')} {self.date(self.at)}")
        return " · ".join(parts)

    def counts(self) -> str:
        """How many elements of each kind, in one line."""
        plan = self.plan
        return self.phrase(
            "counts",
            measures=len(plan.measures),
            benefits=len(plan.benefits),
            disbenefits=len(plan.disbenefits),
            objectives=len(plan.objectives),
            goals=len(plan.goals),
        )

    def status_rows(self, kinds: Iterable[str]) -> list[StatusRow]:
        """Status rows of the elements of ``kinds`` (plan order, kinds in the order given)."""
        rows: list[StatusRow] = []
        wanted = tuple(kinds)
        for kind in wanted:
            for element in self.plan.elements():
                if element.kind != kind:
                    continue
                owner = getattr(element, "owner", None)
                status = score = coverage = previous = trend = None
                if self.evaluation is not None:
                    result = self.evaluation.element(element.id)
                    status, score, coverage = result.status, result.score, result.coverage
                    previous, trend = result.previous_status, result.trend
                rows.append(
                    StatusRow(
                        id=element.id,
                        kind=kind,
                        name=element.name,
                        owner=self.name_of(owner) if owner else "",
                        status=status,
                        score=score,
                        coverage=coverage,
                        indicators=tuple(getattr(element, "indicators", ()) or ()),
                        previous_status=previous,
                        trend=trend,
                    )
                )
        return rows

    def indicator_rows(self) -> list[IndicatorRow]:
        """Every indicator (plan order) with expected and realised values at the date."""
        users: dict[str, list[str]] = {}
        for element in self.plan.elements():
            for indicator in getattr(element, "indicators", ()) or ():
                users.setdefault(indicator, []).append(element.id)
        rows = []
        for spec in self.plan.indicators:
            targets = sorted(spec.targets, key=lambda x: x.date)
            last = targets[-1] if targets else None
            expected = realised = progress = None
            realised_date = None
            status: str | None = None
            measured: tuple[Measurement, ...] = ()
            if self.evaluation is not None:
                result = self.evaluation.indicator(spec.id)
                expected, realised, progress = result.expected, result.realised, result.progress
                realised_date, status = result.realised_date, result.status
                measured = tuple(self.evaluation.measurements(spec.id))
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

    def key_indicators(self, limit: int = KEY_INDICATORS) -> list[IndicatorRow]:
        """The indicators worth a chart: with a baseline, a target and a measurement.

        When there are more than ``limit``, the ones furthest behind come first (what
        the council must hear about), then plan order; the chosen ones are shown in
        plan order.
        """
        rows = [
            r
            for r in self.indicator_rows()
            if r.baseline is not None and r.target is not None and r.measurements
        ]
        if len(rows) <= limit:
            return rows
        rank = {"off_track": 0, "at_risk": 1, "on_track": 2}
        order = {r.id: n for n, r in enumerate(rows)}
        chosen = sorted(rows, key=lambda r: (rank.get(r.status or "", 3), order[r.id]))[:limit]
        return sorted(chosen, key=lambda r: order[r.id])

    def review_rows(self) -> list[ReviewRow]:
        """The reviews dated on or before the evaluation date, newest first; none
        without a date."""
        if self.evaluation is None:
            return []
        rows = [
            ReviewRow(
                date=r.date,
                element=r.element,
                name=self.name_of(r.element),
                by=self.name_of(r.by) if r.by else "",
                status=r.status,
                computed=r.computed,
                score=r.score,
                disagrees=r.disagrees,
                optimistic=r.optimistic,
                comment=r.comment or "",
            )
            for r in self.evaluation.reviews()
        ]
        order = {id: n for n, id in enumerate(e.id for e in self.plan.elements())}
        rows.sort(key=lambda r: (-r.date.toordinal(), order.get(r.element, len(order))))
        return rows

    def risk_rows(self) -> list[RiskRow]:
        """The benefits and dis-benefits that have a risk level, a risk description or
        response, or realisation measures, in plan order (none: no such part)."""
        rows = []
        for element in [*self.plan.benefits, *self.plan.disbenefits]:
            if not (
                element.risk
                or element.risk_description
                or element.risk_response
                or element.realisation
            ):
                continue
            rows.append(
                RiskRow(
                    id=element.id,
                    name=element.name,
                    risk=self.word(element.risk) if element.risk else "",
                    description=element.risk_description or "",
                    response=element.risk_response or "",
                    realisation=tuple(element.realisation),
                )
            )
        return rows

    def risk_table(self, separator: str = "; ") -> TextTable:
        """The rows of :meth:`risk_rows` as the reports show them: the benefit's id and
        name, its risk, the description, the response and the realisation measures
        joined by ``separator`` (a line break in a slide's cell); ``–`` where one is
        not given.

        >>> import gevinst as gv
        >>> plan = gv.Plan.new("p", "Plan")
        >>> _ = plan.add_benefit("B1", "Raskere svar", risk="high", realisation=["A", "B"])
        >>> table = report_data(plan).risk_table()
        >>> table.header[:3]
        ('Gevinst', 'Risiko', 'Risikobeskrivelse')
        >>> table.rows[0]
        TextRow(id='B1', cells=('B1 Raskere svar', 'Stor', '–', '–', 'A; B'))
        """
        keys = ("benefit", "risk", "risk_description", "risk_response", "realisation")
        rows = (
            TextRow(
                r.id,
                (
                    f"{r.id} {r.name}",
                    r.risk or "–",
                    r.description or "–",
                    r.response or "–",
                    separator.join(r.realisation) or "–",
                ),
            )
            for r in self.risk_rows()
        )
        return TextTable(tuple(self.word(key) for key in keys), tuple(rows))

    def link_rows(self) -> list[LinkRow]:
        """The links that carry a note, in plan order (the note as one line of text)."""
        from gevinst.theme import clean_text

        graph = build_graph(self.plan)
        rows = []
        for source, target, attrs in graph.edges(data=True):
            note = clean_text(str(attrs.get("note") or "")).replace("\n", " ")
            if not note:
                continue
            weight = attrs.get("given_weight")
            rows.append(
                LinkRow(
                    source=source,
                    source_name=self.name_of(source),
                    target=target,
                    target_name=self.name_of(target),
                    weight=None if weight is None else float(weight),
                    note=note,
                )
            )
        order = {id: n for n, id in enumerate(e.id for e in self.plan.elements())}
        rows.sort(key=lambda r: order.get(r.source, len(order)))
        return rows

    def quadrants(self) -> dict[str, list[StakeholderRow]]:
        """The power/interest grid (:func:`gevinst.analysis.stakeholders.grid`)."""
        from gevinst.analysis.stakeholders import grid

        return grid(self.plan)

    def money_rows(self) -> list[tuple[str, float, float | None]]:
        """(label, expected, realised) present values: benefits, dis-benefits, costs, net.

        Realised is ``None`` when the report has no date.
        """
        m = self.money
        expected_benefits = sum(
            line.expected for line in m.lines.values() if line.kind == "benefit"
        )
        expected_dis = sum(line.expected for line in m.lines.values() if line.kind == "disbenefit")
        dated = self.evaluation is not None
        return [
            (self.phrase("benefits_pv"), expected_benefits, m.benefits if dated else None),
            (self.phrase("disbenefits_pv"), expected_dis, m.disbenefits if dated else None),
            (self.phrase("costs_pv"), -m.costs, -m.costs if dated else None),
            (self.phrase("net_pv"), m.expected_net, m.net if dated else None),
        ]

    def money_table(self) -> list[MoneyRow]:
        """The rows of :meth:`money_rows` with their ranges and their figures adjusted
        for optimism bias beside them.

        Examples:
            >>> import gevinst as gv
            >>> rows = report_data(gv.load("examples/minimal.yaml")).money_table()
            >>> [(r.low, r.adjusted_expected) for r in rows][-1]  # no ranges, no bias
            (None, None)
        """
        m = self.money
        adjusted = m.adjusted
        dated = self.evaluation is not None
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
            dis_expected = sum(
                line.expected for line in m.lines.values() if line.kind == "disbenefit"
            )
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
                self.money_rows(), ranges, changed, strict=True
            )
        ]

    def optimism_label(self) -> str | None:
        """``Justert for optimisme (kostnader +20 %, gevinster −10 %)``, or ``None`` when
        the plan sets no optimism bias."""
        adjusted = self.money.adjusted
        if adjusted is None:
            return None
        return self.phrase("optimism_adjusted", **self.optimism_shares())

    def optimism_shares(self) -> dict[str, str]:
        """The optimism bias shares as text: ``{"costs": "20 %", "benefits": "10 %"}``
        (empty when the plan sets none)."""
        adjusted = self.money.adjusted
        if adjusted is None:
            return {}

        def share(value: float) -> str:  # 20 %, or 12,5 % when the share has a half
            decimals = 0 if round(100 * value, 6).is_integer() else 1
            return format_percent(value, self.language, decimals)

        return {"costs": share(adjusted.costs_share), "benefits": share(adjusted.benefits_share)}

    def money_years(self, first: int | None = None) -> list[MoneyYearRow]:
        """The money year by year, then the present values; with ``first``, the years
        after the first ``first`` are summed into one row (so a 40-year horizon fits a
        slide) while the discounted nets still add up to the net present value.

        Examples:
            >>> import gevinst as gv
            >>> data = report_data(gv.load("examples/bergen_barnevern/plan.yaml"),
            ...                    at="2025-10-01")
            >>> rows = data.money_years(first=3)
            >>> [r.label for r in rows][:3], len(rows) <= 5
            (['0', '1', '2'], True)
            >>> round(sum(r.discounted for r in rows[:-1])) == round(rows[-1].discounted)
            True
        """
        m = self.money
        dated = self.evaluation is not None

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
                label=self.phrase("present_value_total"),
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

    def period(self, row: MoneyYearRow) -> str:
        """The days a row of :meth:`money_years` covers: its calendar years (``2024``,
        ``2034–2063``) when it starts on 1 January and ends on 31 December, else its
        first and last day (``1.7.2024–30.6.2025``)."""
        if row.first is None or row.last is None:
            return ""
        return period_text(row.first, row.last, self.language)

    def has_money(self) -> bool:
        """True when some benefit, dis-benefit or measure carries money."""
        return bool(self.money.lines) or bool(self.money.costs_by_measure)

    def has_ranges(self) -> bool:
        """True when some amount of the plan is a range ``[low, most_likely, high]``."""
        return any(amount.ranged for _, _, amount in self.plan.amounts())

    def simulation(self) -> Simulation | None:
        """The simulation of the plan's money (:data:`SIMULATION_RUNS` runs, seed
        :data:`SIMULATION_SEED`), computed once per report and shared by every part of
        it; ``None`` for a plan without ranges (its reports have no uncertainty part)."""
        if not self._simulation:
            result = None
            if self.has_ranges():
                from gevinst.analysis.simulate import simulate

                result = simulate(self.plan, runs=SIMULATION_RUNS, seed=SIMULATION_SEED)
            self._simulation.append(result)
        return self._simulation[0]

    def sharing_simulation(self, other: ReportData) -> ReportData:
        """This report, using ``other``'s simulation (the same plan's money, with texts
        cleaned), so that it is computed once, and ``other``'s theme."""
        self._simulation = other._simulation
        self.theme = other.theme
        return self

    def uncertainty_rows(self) -> list[UncertaintyRow]:
        """Benefits, costs and net: planned, P10, P50, P85, P90 and mean (none without
        ranges)."""
        sim = self.simulation()
        if sim is None:
            return []
        labels = {"benefits": "benefits_pv", "costs": "costs_pv", "net": "net_pv"}
        return [
            UncertaintyRow(
                of=of,
                label=self.phrase(key),
                planned=sim.planned[of],
                p10=sim.percentile(10, of),
                p50=sim.percentile(50, of),
                p85=sim.percentile(85, of),
                p90=sim.percentile(90, of),
                mean=sim.mean(of),
            )
            for of, key in labels.items()
        ]

    def drivers(self, top: int = 10) -> list[Driver]:
        """The ``top`` amounts that move net present value most (largest swing first)."""
        sim = self.simulation()
        return [] if sim is None else list(sim.drivers[:top])

    def field_word(self, field_name: str) -> str:
        """An amount's field in words: ``Årlig verdi``, ``Engangskostnad``, ``Årlig kostnad``."""
        from gevinst.charts.uncertainty import FIELD_WORDS

        return self.word(FIELD_WORDS.get(field_name, field_name))

    def uncertainty_sentences(self) -> list[str]:
        """What the simulation says, in plain sentences (amounts in millions): P50 and
        P15 of net, P85 of the costs, the chance of a negative net, the planned net."""
        from gevinst.charts.uncertainty import chance_text
        from gevinst.i18n.formats import format_money

        sim = self.simulation()
        if sim is None:
            return []

        def money(value: float) -> str:
            return format_money(value, sim.currency, self.language, True)

        return [
            self.phrase("unc_p50", value=money(sim.percentile(50))),
            self.phrase("unc_net_85", value=money(sim.percentile(15))),
            self.phrase("unc_costs_85", value=money(sim.percentile(85, "costs"))),
            self.phrase(
                "unc_negative", value=chance_text(sim.probability_below(0.0), self.language)
            ),
            self.phrase("unc_planned", value=money(sim.planned["net"])),
        ]

    def uncertainty_basis(self) -> str:
        """Runs, uncertain amounts, correlation and seed, in one sentence."""
        sim = self.simulation()
        if sim is None:
            return ""
        return self.phrase(
            "unc_basis",
            runs=format_number(sim.runs, self.language),
            uncertain=sim.uncertain,
            correlation=format_number(sim.correlation, self.language, 1),
            seed=sim.seed,
        )

    def money_basis(self) -> str:
        """Horizon, start and rate of the present values, in one sentence."""
        m = self.money
        return self.phrase(
            "money_basis",
            years=m.horizon_years,
            start=self.date(m.start),
            rate=format_rate(m.discount_rate, self.language),
        )


def report_data(
    plan: Plan,
    *,
    at: dt.date | str | None = None,
    language: str | None = None,
    measurements: Iterable[Measurement] | str | Path | None = None,
    theme: Theme | None = None,
) -> ReportData:
    """Evaluate ``plan`` at ``at`` (when given) and gather what the reports say, to be
    drawn with ``theme`` (default: gevinst's own look).

    Without ``at`` the report shows the plan as planned: no status, expected money
    only (so the same plan always gives the same report).

    Raises:
        PlanCheckError: the plan has errors and cannot be evaluated.
        RenderError: an unknown language.
    """
    from gevinst.analysis.evaluate import evaluate

    lang = language or plan.language
    if lang not in ("nb", "en"):
        raise RenderError(f"unknown language {lang!r}; use nb or en")
    if isinstance(measurements, str):
        measurements = Path(measurements)
    evaluation = None
    if at is not None:
        evaluation = evaluate(plan, at=at, measurements=measurements)
        money_source = evaluation
    else:
        money_source = evaluate(plan, at=plan.start, measurements=measurements)
    return ReportData(
        plan=money_source.plan if evaluation is not None else plan,
        evaluation=evaluation,
        language=lang,
        money=money_source.npv(),
        theme=theme or DEFAULT_THEME,
    )
