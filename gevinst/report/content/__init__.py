"""What every report says, as plain data: the writers (Markdown, PowerPoint, HTML) only
lay it out, so the three formats tell the same story with the same numbers.

A :class:`ReportData` holds the plan, the evaluation (when the report has a date),
the language, and the rows of each table: status per goal, objective, benefit and
dis-benefit; indicators expected against realised; money; stakeholders by quadrant.
Every text, a word or a whole sentence with ``{fields}`` (headings, speaker notes), is
in :data:`gevinst.i18n.words.WORDS`, in nb and en.

Each section of a report has its module, with its rows and the functions that make
them from a :class:`ReportData` (whose methods of the same names are what the writers
call): :mod:`~gevinst.report.content.status`, :mod:`~gevinst.report.content.indicators`,
:mod:`~gevinst.report.content.reviews`, :mod:`~gevinst.report.content.risks`,
:mod:`~gevinst.report.content.links`, :mod:`~gevinst.report.content.money`,
:mod:`~gevinst.report.content.uncertainty`; :mod:`~gevinst.report.content.evaluation`
holds what the evaluation's tables share.

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
from gevinst.i18n.formats import format_date, format_number
from gevinst.i18n.words import t
from gevinst.report.content import indicators as _indicators
from gevinst.report.content import links as _links
from gevinst.report.content import money as _money
from gevinst.report.content import reviews as _reviews
from gevinst.report.content import risks as _risks
from gevinst.report.content import status as _status
from gevinst.report.content import uncertainty as _uncertainty
from gevinst.report.content.evaluation import (
    adjusted_rows,
    evaluation_title,
    money_note,
    year_period,
)
from gevinst.report.content.indicators import KEY_INDICATORS, IndicatorRow
from gevinst.report.content.links import LinkRow
from gevinst.report.content.money import MoneyRow, MoneyYearRow, period_text
from gevinst.report.content.reviews import ReviewRow
from gevinst.report.content.risks import RiskRow, TextRow, TextTable
from gevinst.report.content.status import StatusRow
from gevinst.report.content.uncertainty import SIMULATION_RUNS, SIMULATION_SEED, UncertaintyRow
from gevinst.theme import DEFAULT_THEME, Theme

if TYPE_CHECKING:
    from collections.abc import Iterable

    from gevinst.analysis.evaluate import Evaluation
    from gevinst.analysis.money import Money
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
        """Status rows of the elements of ``kinds`` (:func:`.status.status_rows`)."""
        return _status.status_rows(self, kinds)

    def indicator_rows(self) -> list[IndicatorRow]:
        """Every indicator, expected and realised (:func:`.indicators.indicator_rows`)."""
        return _indicators.indicator_rows(self)

    def key_indicators(self, limit: int = KEY_INDICATORS) -> list[IndicatorRow]:
        """The indicators worth a chart (:func:`.indicators.key_indicators`)."""
        return _indicators.key_indicators(self, limit)

    def review_rows(self) -> list[ReviewRow]:
        """The reviews up to the date, newest first (:func:`.reviews.review_rows`)."""
        return _reviews.review_rows(self)

    def risk_rows(self) -> list[RiskRow]:
        """The benefits and dis-benefits with a risk profile (:func:`.risks.risk_rows`)."""
        return _risks.risk_rows(self)

    def risk_table(self, separator: str = "; ") -> TextTable:
        """The risk rows as the reports show them (:func:`.risks.risk_table`)."""
        return _risks.risk_table(self, separator)

    def link_rows(self) -> list[LinkRow]:
        """The links that carry a note (:func:`.links.link_rows`)."""
        return _links.link_rows(self)

    def quadrants(self) -> dict[str, list[StakeholderRow]]:
        """The power/interest grid (:func:`gevinst.analysis.stakeholders.grid`)."""
        from gevinst.analysis.stakeholders import grid

        return grid(self.plan)

    def money_rows(self) -> list[tuple[str, float, float | None]]:
        """(label, expected, realised) present values (:func:`.money.money_rows`)."""
        return _money.money_rows(self)

    def money_table(self) -> list[MoneyRow]:
        """The money rows with ranges and optimism bias (:func:`.money.money_table`)."""
        return _money.money_table(self)

    def optimism_label(self) -> str | None:
        """The optimism bias in words, or ``None`` (:func:`.money.optimism_label`)."""
        return _money.optimism_label(self)

    def optimism_shares(self) -> dict[str, str]:
        """The optimism bias shares as text (:func:`.money.optimism_shares`)."""
        return _money.optimism_shares(self)

    def money_years(self, first: int | None = None) -> list[MoneyYearRow]:
        """The money year by year, then the present values (:func:`.money.money_years`)."""
        return _money.money_years(self, first)

    def period(self, row: MoneyYearRow) -> str:
        """The days a row of :meth:`money_years` covers (:func:`.money.period`)."""
        return _money.period(self, row)

    def has_money(self) -> bool:
        """True when some element carries money (:func:`.money.has_money`)."""
        return _money.has_money(self)

    def money_basis(self) -> str:
        """Horizon, start and rate of the present values (:func:`.money.money_basis`)."""
        return _money.money_basis(self)

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
        """Benefits, costs and net as simulated (:func:`.uncertainty.uncertainty_rows`)."""
        return _uncertainty.uncertainty_rows(self)

    def drivers(self, top: int = 10) -> list[Driver]:
        """The amounts that move net present value most (:func:`.uncertainty.drivers`)."""
        return _uncertainty.drivers(self, top)

    def field_word(self, field_name: str) -> str:
        """An amount's field in words (:func:`.uncertainty.field_word`)."""
        return _uncertainty.field_word(self, field_name)

    def uncertainty_sentences(self) -> list[str]:
        """What the simulation says, in sentences (:func:`.uncertainty.uncertainty_sentences`)."""
        return _uncertainty.uncertainty_sentences(self)

    def uncertainty_basis(self) -> str:
        """Runs, uncertain amounts, correlation, seed (:func:`.uncertainty.uncertainty_basis`)."""
        return _uncertainty.uncertainty_basis(self)


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
