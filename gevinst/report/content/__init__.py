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
from pathlib import Path
from typing import TYPE_CHECKING

from gevinst.errors import RenderError
from gevinst.report.content import indicators as _indicators
from gevinst.report.content import links as _links
from gevinst.report.content import money as _money
from gevinst.report.content import reviews as _reviews
from gevinst.report.content import risks as _risks
from gevinst.report.content import status as _status
from gevinst.report.content import uncertainty as _uncertainty
from gevinst.report.content.core import SIMULATION_RUNS, SIMULATION_SEED, ReportCore
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
from gevinst.report.content.uncertainty import UncertaintyRow
from gevinst.theme import DEFAULT_THEME, Theme

if TYPE_CHECKING:
    from collections.abc import Iterable

    from gevinst.analysis.simulate import Driver
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


class ReportData(ReportCore):
    """Everything a report says about one plan, at one date (or none), in one language:
    :class:`~gevinst.report.content.core.ReportCore` and each section's rows."""

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
