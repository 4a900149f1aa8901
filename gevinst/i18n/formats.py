"""Numbers, percentages, money, rates and dates, written once the way nb and en readers
expect them.

Every table, chart, slide, badge and sentence for people gets its numbers from here, so
the same value is written the same way everywhere. One spelling per language:

- nb: decimal comma, a no-break space (U+00A0) between thousands, the minus sign
  U+2212, and a no-break space before the percent sign: ``−1\xa0234,5``, ``61\xa0%``,
  ``43,5 mill. kr``.
- en: decimal point, a comma between thousands, a hyphen-minus, and no space before the
  percent sign, as English style guides write it: ``-1,234.5``, ``61%``,
  ``NOK 43.5 million``.

Numbers are rounded half to even on the exact binary value (as Python's ``format``
does), and a value that rounds to zero is written without a sign. Machine formats (CSV,
JSON, SVG coordinates, DOT) do not come here: they keep plain numbers.

Examples:
    >>> format_number(1234567.5, "nb", 1)
    '1\xa0234\xa0567,5'
    >>> format_percent(0.614, "nb"), format_percent(0.614, "en")
    ('61\xa0%', '61%')
    >>> format_money(43_509_742, "NOK", "nb", millions=True)
    '43,5 mill. kr'
"""

from __future__ import annotations

import datetime as dt
import math

from gevinst.i18n.words import t

__all__ = [
    "NO_VALUE",
    "format_date",
    "format_exact",
    "format_money",
    "format_money_range",
    "format_number",
    "format_percent",
    "format_quantity",
    "format_rate",
    "format_signed",
    "whole_percent",
    "with_unit",
]

#: What a table or label shows for a value that is not there (an en dash).
NO_VALUE = "\u2013"


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

    Rounded to ``decimals`` places, ties to even; ``-0`` and values that round to zero
    have no sign; ``nan`` and ``inf`` are written as they are.

    >>> format_number(1234.5, "nb", 1), format_number(1234.5, "en", 1)
    ('1\\xa0234,5', '1,234.5')
    >>> format_number(-2.5, "nb"), format_number(-0.04, "en", 1)
    ('\u22122', '0.0')
    """
    if not math.isfinite(value):
        return str(value)
    text = f"{value:,.{decimals}f}"
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]
    if language == "en":
        return text
    return text.replace(",", "\u00a0").replace(".", ",").replace("-", "\u2212")


def format_exact(value: float, language: str = "nb") -> str:
    """A number with every digit it holds, so that reading the text gives it back:
    Python's shortest round-trip form, with a decimal comma in ``nb`` (for a cell a
    person reads and may edit, such as a workbook's ramp-up shares).

    >>> format_exact(0.1, "nb"), format_exact(0.1, "en"), format_exact(1 / 3, "nb")
    ('0,1', '0.1', '0,3333333333333333')
    """
    text = repr(float(value))
    return text if language == "en" else text.replace(".", ",")


def format_quantity(value: float, language: str = "nb") -> str:
    """A value as a plan gives it (a baseline, a target, an amount in a diff): whole
    numbers in full, others to six significant digits, trailing zeros dropped.

    >>> format_quantity(1234567.0, "nb"), format_quantity(0.25, "nb")
    ('1\\xa0234\\xa0567', '0,25')
    >>> format_quantity(-12345.67, "en")
    '-12,345.7'
    >>> format_quantity(1.5e-7, "nb"), format_quantity(float("nan"), "nb")
    ('1,5e\u221207', 'nan')
    """
    if not math.isfinite(value):
        return str(value)
    if value == int(value) and abs(value) < 1e15:
        return format_number(value, language)
    text = f"{value:.6g}"
    if "e" in text:
        return text if language == "en" else text.replace(".", ",").replace("-", "\u2212")
    return format_number(value, language, len(text.partition(".")[2]))


def with_unit(number: str, unit: str | None, language: str = "nb") -> str:
    """A number already written, with its unit: ``12 uker``; the unit ``%`` as in
    :func:`format_percent`: ``12 %`` (nb), ``12%`` (en).

    >>> with_unit("12", "uker", "nb"), with_unit("12", "%", "en"), with_unit("12", None)
    ('12 uker', '12%', '12')
    """
    if not unit:
        return number
    if unit == "%":
        return _percent_sign(number, language)
    return f"{number} {unit}"


def format_date(
    day: dt.date,
    language: str = "nb",
    short: bool = False,
    compact: bool = False,
    numeric: bool = False,
) -> str:
    """``1. oktober 2025`` (nb) or ``1 October 2025`` (en); ``short`` gives ``okt. 2025``;
    ``compact``, for a narrow column, ``1.9.2025`` (nb) or ``1 Sep 2025`` (en);
    ``numeric``, as a date is typed in a form, ``01.09.2025`` (nb) or ISO ``2025-09-01``
    (en: English readers differ on day and month order, ISO does not).

    >>> day = dt.date(2025, 9, 1)
    >>> format_date(day, "nb", compact=True), format_date(day, "en", compact=True)
    ('1.9.2025', '1 Sep 2025')
    >>> format_date(day, "nb", numeric=True), format_date(day, "en", numeric=True)
    ('01.09.2025', '2025-09-01')
    """
    if numeric:
        return day.isoformat() if language == "en" else f"{day.day:02}.{day.month:02}.{day.year}"
    month = _MONTHS["en" if language == "en" else "nb"][day.month - 1]
    if compact:
        if language == "en":
            return f"{day.day} {month[:3]} {day.year}"
        return f"{day.day}.{day.month}.{day.year}"
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


def _percent_sign(number: str, language: str) -> str:
    return f"{number}%" if language == "en" else f"{number}\u00a0%"


def format_percent(value: float | None, language: str = "nb", decimals: int = 0) -> str:
    """A share (0.614 = 61.4 %) as a percentage: ``61 %`` (nb), ``61%`` (en); an en dash
    for no value. With no decimals the number is :func:`whole_percent` of the share.

    >>> format_percent(0.614, "nb"), format_percent(0.614, "en"), format_percent(None, "nb")
    ('61\\xa0%', '61%', '–')
    >>> format_percent(-0.125, "nb", 1)
    '\u221212,5\\xa0%'
    """
    if value is None:
        return NO_VALUE
    return _percent_sign(format_number(100 * value, language, decimals), language)


def format_signed(value: float, language: str = "nb", decimals: int = 0) -> str:
    """A change, with its sign always written: ``+3``, ``−1,5`` (nb), ``-1.5`` (en);
    zero (also after rounding) has no sign.

    >>> format_signed(3, "nb"), format_signed(-1.5, "nb", 1), format_signed(0.04, "en", 1)
    ('+3', '\u22121,5', '0.0')
    """
    text = format_number(value, language, decimals)
    if text[0].isdigit() and text.strip("0,.\u00a0"):
        return "+" + text
    return text


def format_money(
    value: float, currency: str = "NOK", language: str = "nb", millions: bool = False
) -> str:
    """An amount as a reader writes it. Whole units, in tables and lists, with the
    currency code after the number as a unit (as a plan's values are shown):
    ``43 509 742 NOK`` (nb), ``43,509,742 NOK`` (en). In millions with one decimal, for
    headlines and slides: ``43,5 mill. kr`` (nb), ``NOK 43.5 million`` (en); another
    currency by its code: ``EUR 1,5 mill.`` (nb), ``EUR 1.5 million`` (en).

    >>> format_money(43_509_742, "NOK", "nb"), format_money(43_509_742, "NOK", "en")
    ('43\\xa0509\\xa0742 NOK', '43,509,742 NOK')
    >>> format_money(-1_250_000, "NOK", "nb", True), format_money(1_250_000, "EUR", "en", True)
    ('\u22121,2 mill. kr', 'EUR 1.2 million')
    """
    if not millions:
        return with_unit(format_number(value, language), currency, language)
    number = format_number(value / 1e6, language, 1)
    if language == "en":
        return f"{currency} {number} million"
    return f"{number} mill. kr" if currency == "NOK" else f"{currency} {number} mill."


def format_money_range(
    low: float, high: float, currency: str = "NOK", language: str = "nb", millions: bool = False
) -> str:
    """A range of amounts (low to high), written as :func:`format_money` writes one,
    the unit once: ``400 000–800 000 NOK`` (nb), ``0,8–1,5 mill. kr`` (nb),
    ``NOK 0.8–1.5 million`` (en). A negative end puts spaces round the dash, so that
    it is not read as a minus: ``−1,5 – −0,8 mill. kr``. ``currency=""``: no unit, for
    a table whose heading gives it.

    >>> format_money_range(400_000, 800_000, "NOK", "nb")
    '400\xa0000–800\xa0000 NOK'
    >>> format_money_range(800_000, 1_500_000, "NOK", "nb", True)
    '0,8–1,5 mill. kr'
    >>> format_money_range(-1_500_000, -800_000, "NOK", "en", True)
    'NOK -1.5 – -0.8 million'
    """
    dash = " \u2013 " if low < 0 or high < 0 else "\u2013"
    scale, decimals = (1e6, 1) if millions else (1.0, 0)
    last = format_number(high / scale, language, decimals)
    span = f"{format_number(low / scale, language, decimals)}{dash}{last}"
    # the high end written as one amount, its number replaced by the span
    return format_money(high, currency, language, millions).replace(last, span, 1)


def format_rate(rate: float | None, language: str) -> str:
    """A discount rate as written in reports: ``4 %``, ``3,5 %`` (nb), ``3.5%`` (en);
    ``None`` (the plan gives none, so the R-109 rates apply): ``R-109 (4/3/2 %)``.

    >>> format_rate(0.035, "nb"), format_rate(0.035, "en"), format_rate(None, "en")
    ('3,5\xa0%', '3.5%', 'R-109 (4/3/2%)')
    """
    if rate is None:
        return t("rate_r109", language)
    return _percent_sign(format_quantity(round(100 * rate, 10), language), language)
