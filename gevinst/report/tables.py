"""An evaluation as tables: terminal text, CSV, JSON, Markdown and Excel.

:func:`write` picks the format from the file suffix (:data:`WRITERS`) and writes
atomically, so a failed write leaves an existing file untouched. Text for people
(terminal, Markdown, Excel headings) is in the plan's language; CSV and JSON are for
machines: English keys, full-precision numbers, ISO dates. The Excel workbook is made
by :mod:`gevinst.report.workbook`.

Examples:
    >>> import gevinst as gv
    >>> from gevinst.report.tables import text_table
    >>> ev = gv.evaluate(gv.load("examples/minimal.yaml"), at="2025-01-01")
    >>> print(text_table(ev).splitlines()[0])
    Minimal plan: gevinstevaluering per 1. januar 2025
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gevinst.analysis.evaluate import trend_text
from gevinst.i18n.formats import format_money_range, format_number, format_percent
from gevinst.i18n.markdown import markdown_escape, markdown_table
from gevinst.i18n.words import t
from gevinst.io.cells import csv_text as table_csv
from gevinst.personal_data import refuse
from gevinst.report.content import adjusted_rows, evaluation_title, money_note, year_period
from gevinst.report.workbook import xlsx_bytes

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
    for label, expected, realised in adjusted_rows(ev, lang):
        rows.append(row(["", label, "", ""], expected, "", realised))
    return header, rows


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
            year_period(y.start, y.end, lang),
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
    out = [evaluation_title(ev, lang), ""]
    sections = [
        (t("benefits_and_goals", lang), _element_table(ev, lang), {2: name_width}),
        (t("indicators", lang), _indicator_table(ev, lang), {1: name_width - 14}),
    ]
    if ev.npv().lines or ev.npv().costs_by_measure:
        # the optimism bias rows say their shares in full
        wide = max([name_width, *(len(label) for label, _, _ in adjusted_rows(ev, lang))])
        sections.append((money_note(ev, lang), _money_table(ev, lang), {1: wide}))
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
    out = [f"# {markdown_escape(evaluation_title(ev, lang))}", ""]
    sections = [
        (t("benefits_and_goals", lang), _element_table(ev, lang)),
        (t("indicators", lang), _indicator_table(ev, lang)),
    ]
    if ev.npv().lines or ev.npv().costs_by_measure:
        sections.append((money_note(ev, lang), _money_table(ev, lang)))
        sections.append((t("year_by_year", lang), _years_table(ev, lang)))
    if ev.reviews():
        sections.append((t("reviews", lang), _review_table(ev, lang)))
    for heading, (header, rows) in sections:
        if rows:
            out += [f"## {markdown_escape(heading)}", "", *markdown_table(header, rows), ""]
    return "\n".join(out)


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
    from gevinst.errors import Said

    return by_suffix(WRITERS, path, Said("format_an_evaluation"))
