"""An evaluation as an Excel workbook to hand on (:func:`xlsx_bytes`), the ``.xlsx``
writer of :data:`gevinst.report.tables.WRITERS`.

One sheet per table of :mod:`gevinst.report.tables`, with numbers as numbers, statuses
worded with their mark on the theme's status fills, and each sheet set up to print.
Headings and sheet names are in the plan's language; text never starts a formula.

Examples:
    >>> import io
    >>> import gevinst as gv
    >>> from openpyxl import load_workbook
    >>> ev = gv.evaluate(gv.load("examples/minimal.yaml"), at="2025-01-01")
    >>> load_workbook(io.BytesIO(xlsx_bytes(ev))).sheetnames[:2]
    ['Gevinster og mål', 'Indikatorer']
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import gevinst.theme as theme
from gevinst.analysis.evaluate import trend_text
from gevinst.i18n.words import t
from gevinst.io.cells import keep_text
from gevinst.report.content import adjusted_rows, evaluation_title, money_note, year_period

if TYPE_CHECKING:
    from gevinst.analysis.evaluate import Evaluation

__all__ = ["xlsx_bytes"]


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
    heading = evaluation_title(ev, lang)
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
            for label, expected, realised in adjusted_rows(ev, lang)
        ],
        {4: _PERCENT, **dict.fromkeys(range(5, 9 if ranged else 7), _MONEY)},
        totals=2 + len(adjusted_rows(ev, lang)),
        note=money_note(ev, lang),
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
                year_period(y.start, y.end, lang),
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
        note=money_note(ev, lang),
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
