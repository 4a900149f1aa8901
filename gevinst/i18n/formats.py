"""Numbers, percentages, rates and dates, written once the way nb and en readers expect.

Every table, chart, slide and sentence gets its numbers from here, so the same value
is written the same way everywhere: ``1\xa0234,5`` and ``61\xa0%`` in nb,
``1,234.5`` and ``61\xa0%`` in en.

Examples:
    >>> format_number(1234567.5, "nb", 1)
    '1\xa0234\xa0567,5'
    >>> format_percent(0.614, "en")
    '61\xa0%'
"""

from __future__ import annotations

import datetime as dt

from gevinst.i18n.words import t

__all__ = [
    "format_date",
    "format_number",
    "format_percent",
    "format_rate",
    "whole_percent",
]


_MONTHS = {
    "nb": [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def format_number(value: float, language: str = "nb", decimals: int = 0) -> str:
    """A number as a reader of ``language`` writes it: ``1 234,5`` (nb), ``1,234.5`` (en).

    >>> format_number(1234.5, "nb", 1), format_number(1234.5, "en", 1)
    ('1\\xa0234,5', '1,234.5')
    """
    text = f"{value:,.{decimals}f}"
    if text in ("-0", "-0.0", "-0.00"):
        text = text[1:]
    if language == "en":
        return text
    return text.replace(",", "\u00a0").replace(".", ",").replace("-", "\u2212")


def format_date(day: dt.date, language: str = "nb", short: bool = False) -> str:
    """``1. oktober 2025`` (nb) or ``1 October 2025`` (en); ``short`` gives ``okt. 2025``."""
    month = _MONTHS["en" if language == "en" else "nb"][day.month - 1]
    if short:
        return f"{month[:3]} {day.year}" if language == "en" else f"{month[:3]}. {day.year}"
    return f"{day.day} {month} {day.year}" if language == "en" else f"{day.day}. {month} {day.year}"


def whole_percent(value: float) -> int:
    """``value`` (a share, 0.9 = 90 %) as the whole percent every table and label shows.

    Rounds ``100 * value`` the way :func:`format_number` prints it with no decimals
    (to the nearest, ties to even), so a status judged on this number and the
    percentage printed beside it never disagree.

    >>> whole_percent(0.8999999999999999), whole_percent(0.614)
    (90, 61)
    """
    return round(100 * value)


def format_percent(value: float, language: str) -> str:
    return f"{format_number(100 * value, language)}\u00a0%"


def format_rate(rate: float | None, language: str) -> str:
    """A discount rate as written in reports: ``4 %``, ``3,5 %`` (nb), ``3.5 %`` (en);
    ``None`` (the plan gives none, so the R-109 rates apply): ``R-109 (4/3/2 %)``.

    >>> format_rate(0.035, "nb"), format_rate(None, "en")
    ('3,5\xa0%', 'R-109 (4/3/2\xa0%)')
    """
    if rate is None:
        return t("rate_r109", language)
    number = format_number(100 * rate, language, 2)
    if "," in number[-3:] or "." in number[-3:]:
        number = number.rstrip("0").rstrip(",.")
    return f"{number}\u00a0%"
