"""The headings and rows that the evaluation's tables (:mod:`gevinst.report.tables`,
:mod:`gevinst.report.workbook`) share: title, money note, optimism-adjusted rows,
the period of a year.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from gevinst.i18n.formats import format_date, format_percent, format_rate
from gevinst.i18n.words import t
from gevinst.report.content.money import period_text

if TYPE_CHECKING:
    from gevinst.analysis.evaluate import Evaluation

__all__ = [
    "adjusted_rows",
    "evaluation_title",
    "money_note",
    "year_period",
]


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
