"""An evaluation as tables: terminal text, CSV, JSON, Markdown and Excel.

:func:`write` picks the format from the file suffix (:data:`WRITERS`) and writes
atomically, so a failed write leaves an existing file untouched. Text for people
(terminal, Markdown, Excel headings) is in the plan's language; CSV and JSON are for
machines: English keys, full-precision numbers, ISO dates.

Examples:
    >>> import gevinst as gv
    >>> from gevinst.report.tables import text_table
    >>> ev = gv.evaluate(gv.load("examples/minimal.yaml"), at="2025-01-01")
    >>> print(text_table(ev).splitlines()[0])
    Minimal plan: gevinstevaluering per 1. januar 2025
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gevinst.theme as theme
from gevinst.analysis.evaluate import trend_text
from gevinst.i18n.formats import (
    format_date,
    format_money_range,
    format_number,
    format_percent,
    format_rate,
)
from gevinst.i18n.markdown import markdown_escape, markdown_table
from gevinst.i18n.words import t
from gevinst.io.cells import csv_text as table_csv
from gevinst.io.cells import keep_text
from gevinst.personal_data import refuse

if TYPE_CHECKING:
    from gevinst.analysis.evaluate import Evaluation

__all__ = [
    "WRITERS",
    "csv_text",
    "json_text",
    "markdown_text",
    "text_table",
    "write",
    "writer_for",
    "xlsx_bytes",
]

# -- shared content -------------------------------------------------------------------------


def _pct(value: float | None, lang: str) -> str:
    return "" if value is None else format_percent(value, lang)


def _num(value: float | None, lang: str) -> str:
    if value is None:
        return ""
    decimals = 0 if float(value).is_integer() else 1
    return format_number(value, lang, decimals)


def _money(value: float, lang: str) -> str:
    return format_number(value, lang, 0)


def _title(ev: Evaluation, lang: str) -> str:
    return f"{ev.plan.title}: {t('evaluation', lang).lower()} {t('per_date', lang)} " + format_date(
        ev.at, lang
    )


def _element_table(ev: Evaluation, lang: str) -> tuple[list[str], list[list[str]]]:
    header = [
        t("id", lang),
        t("kind_label", lang),
        t("name", lang),
        t("score", lang),
        t("coverage", lang),
        t("status", lang),
        t("since_last", lang),
        t("disbenefits", lang),
    ]
    rows = [
        [
            r.id,
            t(r.kind, lang),
            r.name,
            _pct(r.score, lang),
            _pct(r.coverage, lang),
            t(r.status or "", lang),
            trend_text(r.trend, lang, r.previous_status),
            ", ".join(r.disbenefits),
        ]
        for r in ev.elements.values()
        if r.status is not None
    ]
    return header, rows


def _indicator_table(ev: Evaluation, lang: str) -> tuple[list[str], list[list[str]]]:
    header = [
        t("id", lang),
        t("name", lang),
        t("unit", lang),
        t("baseline", lang),
        t("expected", lang),
        t("realised", lang),
        t("progress", lang),
        t("attainment", lang),
        t("status", lang),
        t("forecast", lang),
        t("target", lang),
    ]
    rows = []
    for r in ev.indicators.values():
        target = _num(r.target, lang)
        if r.target_date is not None:
            target += f" ({r.target_date.isoformat()})"
        rows.append(
            [
                r.id,
                r.name,
                r.unit or "",
                _num(r.baseline, lang),
                _num(r.expected, lang),
                _num(r.realised, lang),
                _pct(r.progress, lang),
                _pct(r.attainment, lang),
                t(r.status, lang),
                _num(r.forecast, lang),
                target,
            ]
        )
    return header, rows


def _span(low: float | None, high: float | None, lang: str) -> str:
    """A range of present values, low to high, in whole units; ``""`` without one."""
    if low is None or high is None:
        return ""
    return format_money_range(min(low, high), max(low, high), "", lang)


def _adjusted_rows(ev: Evaluation, lang: str) -> list[tuple[str, float, float]]:
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


def _money_table(ev: Evaluation, lang: str) -> tuple[list[str], list[list[str]]]:
    """Each monetised element, the costs and the net; with ranges, a column of them
    beside the expected value; with an optimism bias, the adjusted rows at the end."""
    money = ev.npv()
    ranged = money.ranged
    header = [
        t("id", lang),
        t("name", lang),
        t("category", lang),
        t("score", lang),
        t("expected", lang),
        *([t("range_col", lang)] if ranged else []),
        t("realised", lang),
    ]

    def row(first: list[str], expected: float, span: str, realised: float) -> list[str]:
        return [*first, _money(expected, lang), *([span] if ranged else []), _money(realised, lang)]

    costs_low, costs_high = money.costs_range()
    net_low, net_high = money.expected_net_range()
    rows = [
        row(
            [line.id, line.name, t(line.category or "unspecified", lang), _pct(line.score, lang)],
            line.expected,
            _span(line.low, line.high, lang),
            line.realised,
        )
        for line in money.lines.values()
    ]
    some_cost = any(c.low is not None for c in money.costs_by_measure.values())
    rows.append(
        row(
            ["", t("costs", lang), "", ""],
            -money.costs,
            _span(-costs_high, -costs_low, lang) if some_cost else "",
            -money.costs,
        )
    )
    rows.append(
        row(
            ["", t("net", lang), "", ""],
            money.expected_net,
            _span(net_low, net_high, lang),
            money.net,
        )
    )
    for label, expected, realised in _adjusted_rows(ev, lang):
        rows.append(row(["", label, "", ""], expected, "", realised))
    return header, rows


def _period(start: dt.date, end: dt.date, lang: str) -> str:
    """A year's calendar year, or first and last day (``end`` is the day after it)."""
    from gevinst.report.content import period_text

    return period_text(start, end - dt.timedelta(days=1), lang)


def _years_table(ev: Evaluation, lang: str) -> tuple[list[str], list[list[str]]]:
    """Year by year, undiscounted, then the discount factor and the discounted net; the
    last row holds the present values, so the discounted net adds up to the net."""
    money = ev.npv()
    header = [
        t("year", lang),
        t("period", lang),
        t("expected", lang),
        t("realised", lang),
        t("costs", lang),
        t("net", lang),
        t("discount_factor", lang),
        t("discounted_net", lang),
    ]
    rows = [
        [
            str(y.year),
            _period(y.start, y.end, lang),
            _money(y.expected, lang),
            _money(y.realised, lang),
            _money(y.costs, lang),
            _money(y.net, lang),
            format_number(y.factor, lang, 4),
            _money(y.net * y.factor, lang),
        ]
        for y in money.years
    ]
    rows.append(
        [
            t("present_value_total", lang),
            "",
            _money(money.expected, lang),
            _money(money.realised, lang),
            _money(money.costs, lang),
            _money(money.net, lang),
            "",
            _money(money.net, lang),
        ]
    )
    return header, rows


def _review_table(ev: Evaluation, lang: str) -> tuple[list[str], list[list[str]]]:
    header = [
        t("date", lang),
        t("element", lang),
        t("by", lang),
        t("review_said", lang),
        t("numbers_said", lang),
        t("disagrees", lang),
        t("comment", lang),
    ]
    rows = [
        [
            r.date.isoformat(),
            r.element,
            r.by or "",
            t(r.status, lang),
            t(r.computed or "", lang),
            t("answer_yes", lang).upper() if r.disagrees else "",
            r.comment or "",
        ]
        for r in ev.reviews()
    ]
    return header, rows


def _money_note(ev: Evaluation, lang: str) -> str:
    money = ev.npv()
    rate = format_rate(money.discount_rate, lang)
    return (
        f"{t('npv', lang)} ({money.currency}): {t('calculation_rate', lang).lower()} {rate}, "
        f"{money.horizon_years} {t('years', lang)} {t('from_date', lang)} "
        f"{money.start.isoformat()}"
    )


# -- terminal -------------------------------------------------------------------------------

_NUMERIC_HINT = set("0123456789%-+ ,.()\u00a0\u2212")


_BLANKS = re.compile(r"[^\S\u00a0]+")


def _fit(text: str, width: int) -> str:
    flat = _BLANKS.sub(" ", text).strip(" ")  # keeps the no-break spaces of numbers
    return flat if len(flat) <= width else flat[: width - 1] + "\u2026"


def _aligned(header: list[str], rows: list[list[str]], widths: dict[int, int]) -> list[str]:
    """Columns padded to their widest cell; numbers right-aligned; long text cut."""
    cells = [[_fit(c, widths.get(i, 200)) for i, c in enumerate(row)] for row in [header, *rows]]
    size = [max(len(row[i]) for row in cells) for i in range(len(header))]
    numeric = [
        all(not row[i] or set(row[i]) <= _NUMERIC_HINT for row in cells[1:])
        for i in range(len(header))
    ]
    lines = []
    for n, row in enumerate(cells):
        parts = [
            c.rjust(size[i]) if numeric[i] and n else c.ljust(size[i]) for i, c in enumerate(row)
        ]
        lines.append("  ".join(parts).rstrip())
        if n == 0:
            lines.append("  ".join("-" * s for s in size))
    return lines


def text_table(ev: Evaluation, language: str | None = None, *, name_width: int = 44) -> str:
    """The evaluation as aligned plain text for a terminal: elements, indicators, money,
    reviews. Long names are cut to ``name_width`` characters."""
    lang = language or ev.plan.language
    out = [_title(ev, lang), ""]
    sections = [
        (t("benefits_and_goals", lang), _element_table(ev, lang), {2: name_width}),
        (t("indicators", lang), _indicator_table(ev, lang), {1: name_width - 14}),
    ]
    if ev.npv().lines or ev.npv().costs_by_measure:
        # the optimism bias rows say their shares in full
        wide = max([name_width, *(len(label) for label, _, _ in _adjusted_rows(ev, lang))])
        sections.append((_money_note(ev, lang), _money_table(ev, lang), {1: wide}))
        sections.append((t("year_by_year", lang), _years_table(ev, lang), {}))
    if ev.reviews():
        sections.append((t("reviews", lang), _review_table(ev, lang), {6: name_width}))
    for heading, (header, rows), widths in sections:
        if rows:
            out += [heading, *_aligned(header, rows, widths), ""]
    return "\n".join(out)


# -- files ----------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


_YEAR_COLUMNS = (
    "year",
    "start",
    "end",
    "factor",
    "expected",
    "realised",
    "costs",
    "net",
    "discounted_net",
)


_MONEY_COLUMNS = (
    "id",
    "kind",
    "name",
    "category",
    "score",
    "expected",
    "realised",
    "low",
    "high",
)


def csv_text(ev: Evaluation, table: str = "results") -> str:
    """One CSV table: by default (``table="results"``) a row per scored element, then a
    row per indicator (column ``kind`` tells them apart); ``table="years"`` gives the
    money year by year (``end`` is the day after the year's last day; the discounted
    nets add up to ``ev.npv().net``); ``table="money"`` a row per monetised element and
    per measure with a cost (negative), each with ``low`` and ``high``: its present value
    with the amount at its low and high end (empty without a range). English keys,
    full-precision numbers, ISO dates.
    Text is quoted and never starts a formula (:mod:`gevinst.io.cells`).

    Raises:
        ValueError: an unknown ``table``.
    """
    if table == "years":
        return table_csv(
            _YEAR_COLUMNS,
            (
                [
                    y.year,
                    y.start.isoformat(),
                    y.end.isoformat(),
                    y.factor,
                    y.expected,
                    y.realised,
                    y.costs,
                    y.net,
                    y.net * y.factor,
                ]
                for y in ev.npv().years
            ),
        )
    if table == "money":
        money = ev.npv()
        lines = [
            [x.id, x.kind, x.name, x.category, x.score, x.expected, x.realised, x.low, x.high]
            for x in money.lines.values()
        ]
        costs = [  # negative, as in the money table: costs count against
            [c.id, "measure", c.name, None, None, -c.costs, -c.costs]
            + ([None, None] if c.low is None or c.high is None else [-c.low, -c.high])
            for c in money.costs_by_measure.values()
        ]
        return table_csv(_MONEY_COLUMNS, [*lines, *costs])
    if table != "results":
        raise ValueError(f"no CSV table {table!r}; use 'results', 'years' or 'money'")
    columns = [
        "id",
        "kind",
        "name",
        "score",
        "coverage",
        "status",
        "previous_date",
        "previous_status",
        "trend",
        "unit",
        "baseline",
        "expected",
        "realised",
        "realised_date",
        "progress",
        "attainment",
        "forecast",
        "target",
        "target_date",
    ]
    rows = [
        *ev.rows("elements"),
        *({**row, "kind": "indicator"} for row in ev.rows("indicators")),
    ]
    return table_csv(columns, ([row.get(c) for c in columns] for row in rows))


def json_text(ev: Evaluation) -> str:
    """The whole evaluation as JSON: settings, elements, indicators, money, reviews."""
    money = ev.npv()
    data: dict[str, Any] = {
        "plan": ev.plan.id,
        "title": ev.plan.title,
        "at": ev.at.isoformat(),
        "thresholds": list(ev.thresholds),
        "cap": ev.cap,
        "elements": [{k: _plain(v) for k, v in r.items()} for r in ev.rows("elements")],
        "indicators": [{k: _plain(v) for k, v in r.items()} for r in ev.rows("indicators")],
        "money": {
            "currency": money.currency,
            "discount_rate": money.discount_rate,  # null: the R-109 rates (discount_rule)
            "discount_rule": "flat" if money.discount_rate is not None else "R-109",
            "start": money.start.isoformat(),
            "horizon_years": money.horizon_years,
            "expected": money.expected,
            "realised": money.realised,
            "costs": money.costs,
            "net": money.net,
            "expected_net": money.expected_net,
            "lines": _json_lines(ev),
            "categories": {
                key: {"expected": c.expected, "realised": c.realised}
                for key, c in money.categories.items()
            },
            "years": [
                {
                    "year": y.year,
                    "start": y.start.isoformat(),
                    "end": y.end.isoformat(),  # the day after the year's last day
                    "factor": y.factor,
                    "expected": y.expected,
                    "realised": y.realised,
                    "costs": y.costs,
                    "net": y.net,
                    "discounted_net": y.net * y.factor,
                }
                for y in money.years
            ],
        },
        "reviews": [{k: _plain(v) for k, v in r.items()} for r in ev.rows("reviews")],
    }
    extra: dict[str, Any] = {}
    if money.ranged:  # each end: every amount at its low, or at its high end
        extra["expected_low"], extra["expected_high"] = money.expected_range()
        extra["costs_low"], extra["costs_high"] = money.costs_range()
        extra["expected_net_low"], extra["expected_net_high"] = money.expected_net_range()
        extra["costs_by_measure"] = [
            {"id": c.id, "name": c.name, "costs": c.costs, "low": c.low, "high": c.high}
            for c in money.costs_by_measure.values()
        ]
    if money.adjusted is not None:
        adjusted = money.adjusted
        extra["optimism_bias"] = {
            "costs_share": adjusted.costs_share,
            "benefits_share": adjusted.benefits_share,
            "benefits_expected": adjusted.benefits_expected,
            "benefits_realised": adjusted.benefits_realised,
            "expected": adjusted.expected,
            "realised": adjusted.realised,
            "costs": adjusted.costs,
            "net": adjusted.net,
            "expected_net": adjusted.expected_net,
        }
    data["money"].update(extra)
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _json_lines(ev: Evaluation) -> list[dict[str, Any]]:
    """The money lines of :meth:`Evaluation.rows`; when some amount has a range, each
    with ``low`` and ``high`` (its expected value at the amount's low and high end,
    signed; ``null`` without a range)."""
    rows = ev.rows("money")
    money = ev.npv()
    if not money.ranged:
        return rows
    return [
        {**row, "low": money.lines[row["id"]].low, "high": money.lines[row["id"]].high}
        for row in rows
    ]


def markdown_text(ev: Evaluation, language: str | None = None) -> str:
    """The evaluation as Markdown: a heading and one table per section."""
    lang = language or ev.plan.language
    out = [f"# {markdown_escape(_title(ev, lang))}", ""]
    sections = [
        (t("benefits_and_goals", lang), _element_table(ev, lang)),
        (t("indicators", lang), _indicator_table(ev, lang)),
    ]
    if ev.npv().lines or ev.npv().costs_by_measure:
        sections.append((_money_note(ev, lang), _money_table(ev, lang)))
        sections.append((t("year_by_year", lang), _years_table(ev, lang)))
    if ev.reviews():
        sections.append((t("reviews", lang), _review_table(ev, lang)))
    for heading, (header, rows) in sections:
        if rows:
            out += [f"## {markdown_escape(heading)}", "", *markdown_table(header, rows), ""]
    return "\n".join(out)


def _check_cell_text(text: str, element: object, key: str) -> None:
    """Refuse text a worksheet cannot hold, as :meth:`Plan.save` to .xlsx does."""
    from gevinst.errors import PlanError
    from gevinst.io.excel.write import ILLEGAL_CHARACTERS

    who = element if isinstance(element, str) else None
    if ILLEGAL_CHARACTERS.search(text):
        raise PlanError(
            f"{text[:40]!r} contains a control character that Excel cannot store; remove it",
            element=who,
            field=key,
        )
    if len(text) > 32767:
        raise PlanError(
            f"the text is {len(text)} characters; an Excel cell holds at most 32767",
            element=who,
            field=key,
        )


#: Columns of the workbook that hold a status word.
_STATUS_COLUMNS = frozenset({"status", "review_said", "numbers_said"})
#: Columns of the workbook whose text wraps, so that a sheet fits a page's width.
_WRAPPED_COLUMNS = frozenset({"name", "comment"})
#: Number formats: kroner in whole units with thousands separators, shares as whole
#: percentages, dates as dates in ISO order (read alike in nb and en). The spreadsheet
#: program shows the separators of its own language (1 234 567 or 1,234,567).
_MONEY = "#,##0"
_PERCENT = "0%"
_DATE = "yyyy-mm-dd"
#: Columns (in character widths) that fit across a landscape A4 page at 100 %: a wider
#: sheet wraps its names and comments (down to 30 wide) before the page shrinks to fit.
_PAGE_WIDTH = 140


def _status_cell(status: str | None, lang: str) -> str:
    """A status as the workbook writes it: its mark, then the word, so colour is never
    the only signal; empty for none.

    >>> _status_cell("off_track", "nb"), _status_cell("on_track", "en"), _status_cell(None, "nb")
    ('■ Ikke i rute', '● On track', '')
    """
    if not status:
        return ""
    look = theme.STATUS_STYLES.get(status)
    return f"{look.mark} {t(status, lang)}" if look else t(status, lang)


def _places(value: float) -> int:
    """Decimals ``value`` is written with, up to two: 15.5 has one, 26.0 none."""
    for places in (0, 1):
        if abs(value - round(value, places)) < 1e-6:
            return places
    return 2


def _indicator_format(given: Sequence[float | None]) -> str:
    """The number format of an indicator's values, from the numbers the plan gives it
    (baseline, targets, latest measurement): as many decimals as they have, at most
    two, and at least one on a scale under 100, where whole numbers would hide the
    movement (a turnover of 14.5 %, not 14 %).

    >>> _indicator_format([900, 400, 780]), _indicator_format([18, 12, 17])
    ('#,##0', '#,##0.0')
    >>> _indicator_format([0.25, 0.5, None]), _indicator_format([None, None, None])
    ('#,##0.00', '#,##0.0')
    """
    numbers = [v for v in given if v is not None]
    decimals = max((_places(v) for v in numbers), default=1)
    if not numbers or max(abs(v) for v in numbers) < 100:
        decimals = max(decimals, 1)
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def _given(ev: Evaluation, indicator: str, realised: float | None) -> list[float | None]:
    """The numbers the plan gives an indicator: its baseline, its targets and the latest
    measurement."""
    found = next((i for i in ev.plan.indicators if i.id == indicator), None)
    if found is None:
        return [realised]
    baseline = found.baseline.value if found.baseline is not None else None
    return [baseline, *(target.value for target in found.targets), realised]


def _shown(value: Any, number_format: str) -> str:
    """About what a spreadsheet shows for ``value`` in ``number_format``, to fit a
    column's width to it."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return "2025-01-01"
    if isinstance(value, int | float):
        if number_format == _PERCENT:
            return str(round(100 * value)) + "%"  # a width, not a figure for people
        decimals = len(number_format.partition(".")[2])
        separator = "," if number_format.startswith("#,##0") else ""
        return f"{value:{separator}.{decimals}f}"
    return str(value)


def _header_width(title: str) -> int:
    """The width a header cell needs: the header row is two lines high, so a title of
    several words may wrap once; room is kept for the filter button."""
    words = title.split()
    need = len(title)
    for i in range(1, len(words)):  # the narrowest split into two lines
        need = min(need, max(len(" ".join(words[:i])), len(" ".join(words[i:]))))
    return need + 3


def xlsx_bytes(ev: Evaluation, language: str | None = None) -> bytes:
    """The evaluation as an Excel workbook to hand on: one sheet per table, numbers as
    numbers (kroner with thousands separators, percentages, indicator values with the
    decimals of the plan's own numbers, dates as dates), statuses worded with their
    mark on the theme's status fills, a frozen bold header row with filters, totals in
    bold, and each sheet set up to print (landscape, one page wide, the header row on
    every page, the plan and page numbers in the margins); headings and sheet names in
    the plan's language. Text never starts a formula. Same in, same bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.xml.functions import tostring

    from gevinst._files import deterministic_zip
    from gevinst.io.excel.write import fit_row_heights, print_setup, style_header

    lang = language or ev.plan.language
    book = Workbook()
    fixed = dt.datetime(2000, 1, 1)
    book.properties.created = book.properties.modified = fixed
    book.properties.creator = "gevinst"
    book.properties.title = ev.plan.title
    money = ev.npv()
    heading = _title(ev, lang)
    # status cells get the status fill of the map, deck and report (the word says it too)
    status_of = {_status_cell(key, lang): key for key in theme.STATUS_STYLES}
    fills = {
        key: PatternFill("solid", fgColor=look.fill.lstrip("#"))
        for key, look in theme.STATUS_STYLES.items()
    }
    bold = Font(name=theme.SHEET_FONT, size=11, bold=True)
    top = Alignment(vertical="top")
    wrapped = Alignment(vertical="top", wrap_text=True)
    right = Alignment(horizontal="right", vertical="top")  # a period reads as a number

    def sheet(
        title: str,
        keys: Sequence[str],
        rows: list[list[Any]],
        formats: dict[int, str],
        id_column: int = 0,
        *,
        totals: int = 0,
        row_formats: Sequence[dict[int, str]] = (),
        note: str = "",
    ) -> None:
        """One table: ``formats`` by column (1-based), ``row_formats`` per row over
        them; the last ``totals`` rows are sums, in bold and outside the filter;
        ``note`` at the foot of each printed page."""
        ws = book.create_sheet(title[:31])
        ws.append([t(k, lang) for k in keys])
        style_header(ws)
        shown = [[_header_width(str(c.value))] for c in ws[1]]
        for n, row in enumerate(rows):
            for key, value in zip(keys, row, strict=True):
                if isinstance(value, str):
                    _check_cell_text(value, row[id_column], key)
            ws.append(row)
            own = {**formats, **(row_formats[n] if n < len(row_formats) else {})}
            for c, (key, cell) in enumerate(zip(keys, ws[ws.max_row], strict=True), start=1):
                keep_text(cell)  # text from the plan is never a formula
                wraps = key in _WRAPPED_COLUMNS
                cell.alignment = wrapped if wraps else right if key == "period" else top
                if c in own:
                    cell.number_format = own[c]
                if key in _STATUS_COLUMNS and cell.value in status_of:
                    cell.fill = fills[status_of[cell.value]]
                if n >= len(rows) - totals:
                    cell.font = bold
                shown[c - 1].append(len(_shown(cell.value, own.get(c, ""))) + 2)
        widths = [max(8, *shown[c]) for c in range(len(keys))]
        for c, key in enumerate(keys):  # what the page lacks comes off the wrapped columns
            if key in _WRAPPED_COLUMNS:
                widths[c] = max(min(widths[c], 30), min(62, widths[c] - sum(widths) + _PAGE_WIDTH))
        for c, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(c)].width = width
        fit_row_heights(ws, widths, len(rows))
        ws.freeze_panes = "A2"
        # the filter covers the rows, not the sums below them (sorting keeps them last)
        ws.auto_filter.ref = f"A1:{get_column_letter(len(keys))}{1 + len(rows) - totals}"
        print_setup(ws, heading, lang, note)

    book.remove(book.active)
    sheet(
        t("benefits_and_goals", lang),
        ("id", "kind_label", "name", "score", "coverage", "status", "since_last"),
        [
            [
                r.id,
                t(r.kind, lang),
                r.name,
                r.score,
                r.coverage,
                _status_cell(r.status, lang),
                trend_text(r.trend, lang, r.previous_status),
            ]
            for r in ev.elements.values()
            if r.status is not None
        ],
        {4: _PERCENT, 5: _PERCENT},
    )
    keys = (
        "id",
        "name",
        "unit",
        "baseline",
        "expected",
        "realised",
        "progress",
        "attainment",
        "status",
        "forecast",
        "target",
        "target_date",
    )
    sheet(
        t("indicators", lang),
        keys,
        [
            [
                r.id,
                r.name,
                r.unit,
                r.baseline,
                r.expected,
                r.realised,
                r.progress,
                r.attainment,
                _status_cell(r.status, lang),
                r.forecast,
                r.target,
                r.target_date,
            ]
            for r in ev.indicators.values()
        ],
        {7: _PERCENT, 8: _PERCENT, 12: _DATE},
        row_formats=[
            dict.fromkeys((4, 5, 6, 10, 11), _indicator_format(_given(ev, r.id, r.realised)))
            for r in ev.indicators.values()
        ],
    )
    ranged = money.ranged

    def ends(low: float | None, high: float | None) -> list[float | None]:
        if not ranged:
            return []
        if low is None or high is None:
            return [None, None]
        return [min(low, high), max(low, high)]

    costs_low, costs_high = money.costs_range()
    some_cost = any(c.low is not None for c in money.costs_by_measure.values())
    sheet(
        t("npv", lang),
        (
            "id",
            "name",
            "category",
            "score",
            "expected",
            *(("range_low", "range_high") if ranged else ()),
            "realised",
        ),
        [
            [
                x.id,
                x.name,
                t(x.category or "unspecified", lang),
                x.score,
                x.expected,
                *ends(x.low, x.high),
                x.realised,
            ]
            for x in money.lines.values()
        ]
        + [
            [
                None,
                t("costs", lang),
                None,
                None,
                -money.costs,
                *(ends(-costs_high, -costs_low) if some_cost else ends(None, None)),
                -money.costs,
            ]
        ]
        + [
            [
                None,
                t("net", lang),
                None,
                None,
                money.expected_net,
                *ends(*money.expected_net_range()),
                money.net,
            ]
        ]
        + [
            [None, label, None, None, expected, *ends(None, None), realised]
            for label, expected, realised in _adjusted_rows(ev, lang)
        ],
        {4: _PERCENT, **dict.fromkeys(range(5, 9 if ranged else 7), _MONEY)},
        totals=2 + len(_adjusted_rows(ev, lang)),
        note=_money_note(ev, lang),
    )
    sheet(
        t("year_by_year", lang),
        (
            "year",
            "period",
            "expected",
            "realised",
            "costs",
            "net",
            "discount_factor",
            "discounted_net",
        ),
        [
            [
                y.year,
                _period(y.start, y.end, lang),
                y.expected,
                y.realised,
                y.costs,
                y.net,
                y.factor,
                y.net * y.factor,
            ]
            for y in money.years
        ]
        + [
            [
                t("present_value_total", lang),
                None,
                money.expected,
                money.realised,
                money.costs,
                money.net,
                None,
                money.net,
            ]
        ],
        {**dict.fromkeys((3, 4, 5, 6, 8), _MONEY), 7: "0.0000"},
        totals=1,
        note=_money_note(ev, lang),
    )
    sheet(
        t("reviews", lang),
        ("date", "element", "by", "review_said", "numbers_said", "disagrees", "comment"),
        [
            [
                r.date,
                r.element,
                r.by,
                _status_cell(r.status, lang),
                _status_cell(r.computed, lang),
                t("answer_yes" if r.disagrees else "answer_no", lang),
                r.comment,
            ]
            for r in ev.reviews()
        ],
        {1: _DATE},
        id_column=1,
    )
    buffer = io.BytesIO()
    book.save(buffer)
    book.properties.modified = fixed
    return deterministic_zip(buffer.getvalue(), tostring(book.properties.to_tree()))


#: Writers by suffix: each takes the evaluation and a language, returns text or bytes.
WRITERS: dict[str, Callable[[Evaluation, str | None], str | bytes]] = {
    ".csv": lambda ev, _lang: csv_text(ev),
    ".json": lambda ev, _lang: json_text(ev),
    ".md": markdown_text,
    ".xlsx": xlsx_bytes,
}


def write(ev: Evaluation, path: str | Path, language: str | None = None) -> Path:
    """Write the evaluation to ``path``; the suffix picks the format (:data:`WRITERS`).

    Raises:
        FormatError: an unknown suffix (the message lists the known ones).
        PersonalDataError: the plan holds a national identity number (GV201).
    """
    from gevinst._files import atomic_write

    target = Path(path)
    writer = writer_for(target)
    refuse(ev.plan)
    atomic_write(target, writer(ev, language))
    return target


def writer_for(path: str | Path) -> Callable[[Evaluation, str | None], str | bytes]:
    """The writer of :data:`WRITERS` for the suffix of ``path``.

    Raises:
        FormatError: an unknown suffix (the message lists the known ones).
    """
    from gevinst._files import by_suffix

    return by_suffix(WRITERS, path, "an evaluation")
