"""Measurements in CSV text (``indicator,date,value[,note]``), located by line.

A semicolon-separated file with decimal commas and dates like ``31.03.2026`` (as
Norwegian Excel writes it) is read too; every error names the source, the line and the
column. The files are read by :func:`gevinst.io.plans.load_measurements` (measured
first, like a plan).

Examples:
    >>> rows = parse_measurements("indicator;date;value\\nI1;2025-03-31;1 200,5\\n")
    >>> [(m.indicator, m.date.isoformat(), m.value) for m in rows]
    [('I1', '2025-03-31', 1200.5)]
"""

from __future__ import annotations

import csv
import datetime as dt
import io as _io
import math
import re
from pathlib import Path

from pydantic import ValidationError

from gevinst.errors import PlanError, Said, SaidLines, SaidNumber
from gevinst.io.validate import describe
from gevinst.model import Measurement, Plan

__all__ = [
    "MAX_MEASUREMENT_ROWS",
    "measurement_rows",
    "parse_measurements",
    "rows_for",
]


def rows_for(plan: Plan, text: str, path: Path) -> list[tuple[int, Measurement]]:
    """(line, measurement) of CSV text, each of an indicator the plan has."""
    known = {indicator.id for indicator in plan.indicators}
    rows = measurement_rows(text, str(path))
    for line, measurement in rows:
        if measurement.indicator not in known:
            listed = ", ".join(sorted(known)[:12]) or Said("load_none")
            raise PlanError(
                Said(
                    "load_not_indicator",
                    id=repr(measurement.indicator),
                    plan=repr(plan.id),
                    listed=listed,
                ),
                source=path,
                line=line,
                column=1,
            )
    return rows


def parse_measurements(text: str, source: str = "<string>") -> list[Measurement]:
    """Parse measurement CSV text (see :func:`gevinst.io.plans.load_measurements`)."""
    return [measurement for _, measurement in measurement_rows(text, source)]


#: Rows of one measurement file. Reading costs about 0.1 ms a row (validation and
#: checks): 50,000 rows stay within seconds; a million would take minutes.
MAX_MEASUREMENT_ROWS = 50_000

# A number as a person types it: ASCII digits only (no '1_000', no full-width '１２', which
# float() accepts), an optional sign, decimals and exponent. Spaces between thousands
# are removed before, and a decimal comma is turned into a point where ';' separates.
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,3})?")
_THOUSANDS = str.maketrans("", "", " \u00a0\u202f")


def _csv_number(text: str, decimal_comma: bool) -> float | None:
    """The number in a value cell, or None when it is not one (strictly: see _NUMBER)."""
    cleaned = text.translate(_THOUSANDS).replace("\u2212", "-")
    if decimal_comma:
        cleaned = cleaned.replace(",", ".")
    if not _NUMBER.fullmatch(cleaned):
        return None
    value = float(cleaned)
    return value if math.isfinite(value) else None


_DOTTED = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]+)")
_SLASHED = re.compile(r"[0-9]{1,4}/[0-9]{1,2}/[0-9]{1,4}")
_DATE_FORMS = Said("load_date_forms")


def _csv_date(text: str) -> dt.date | str:
    """The date in a date cell, or why it is not one.

    Read: ISO 8601 ``2026-03-31`` and the Norwegian day-first ``31.03.2026`` or
    ``31.3.2026`` (as Norwegian Excel writes dates), always day.month.year. Refused:
    ``03/31/2026`` and ``31/03/2026`` (day or month first? both are in use) and a
    two-digit year (``31.03.26``: which century?).

    Examples:
        >>> _csv_date("31.3.2026"), _csv_date("2026-03-31")
        (datetime.date(2026, 3, 31), datetime.date(2026, 3, 31))
        >>> print(_csv_date("04/03/2026").split(";")[0])
        '04/03/2026' is ambiguous (day or month first?)
    """
    dotted = _DOTTED.fullmatch(text)
    if dotted:
        day, month, year = dotted.groups()
        if len(year) != 4:
            return Said("load_csv_year", text=repr(text), digits=len(year), forms=_DATE_FORMS)
        try:
            return dt.date(int(year), int(month), int(day))
        except ValueError as exc:
            return Said("load_csv_no_date", text=repr(text), problem=exc, forms=_DATE_FORMS)
    if _SLASHED.fullmatch(text):
        return Said("load_csv_ambiguous", text=repr(text), forms=_DATE_FORMS)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return Said("load_csv_not_date", text=repr(text), forms=_DATE_FORMS)


def measurement_rows(text: str, source: str = "<string>") -> list[tuple[int, Measurement]]:
    """(line, measurement) for each row of measurement CSV text.

    Line ends may be LF, CRLF or CR alone (old Mac Excel). The file is refused before it
    is parsed when it has more than :data:`MAX_MEASUREMENT_ROWS` lines.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.count("\n") + (not text.endswith("\n"))
    if lines - 1 > MAX_MEASUREMENT_ROWS:
        raise PlanError(
            Said(
                "load_csv_lines",
                lines=SaidNumber(lines),
                limit=SaidNumber(MAX_MEASUREMENT_ROWS),
            ),
            source=source,
        )
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(_io.StringIO(text), delimiter=delimiter)
    rows = []
    try:
        for row in reader:
            rows.append((reader.line_num, row))
    except csv.Error as exc:
        line = reader.line_num
        if "field larger" in str(exc):
            reason = Said("load_csv_field", limit=SaidNumber(csv.field_size_limit()))
        else:
            reason = Said("load_csv_line", problem=exc)
        raise PlanError(reason, source=source, line=line) from exc
    if not rows:
        raise PlanError(Said("load_csv_empty"), source=source, line=1)
    header = [h.strip().lower() for h in rows[0][1]]
    required = ["indicator", "date", "value"]
    if header[:3] != required or len(header) > 4 or (len(header) == 4 and header[3] != "note"):
        raise PlanError(
            Said("load_csv_header", header=repr(",".join(rows[0][1]))),
            source=source,
            line=1,
        )
    out: list[tuple[int, Measurement]] = []
    for number, row in rows[1:]:
        if not "".join(row).strip():
            continue
        if len(row) < 3 or len(row) > len(header):
            raise PlanError(
                Said("load_csv_columns", expected=len(header), found=len(row)),
                source=source,
                line=number,
            )
        indicator, date_text, value_text = (cell.strip() for cell in row[:3])
        note = row[3].strip() if len(row) > 3 and row[3].strip() else None
        date = _csv_date(date_text)
        if isinstance(date, str):
            raise PlanError(date, source=source, line=number, column=2)
        value = _csv_number(value_text, delimiter == ";")
        if value is None:
            comma = Said("load_csv_comma") if "," in value_text else ""
            raise PlanError(
                Said("load_csv_not_number", text=repr(value_text[:40]), comma=comma),
                source=source,
                line=number,
                column=3,
            )
        try:
            out.append(
                (number, Measurement(indicator=indicator, date=date, value=value, note=note))
            )
        except ValidationError as exc:
            said = SaidLines((describe(e, tuple(e["loc"])) for e in exc.errors()), sep="; ")
            raise PlanError(said, source=source, line=number, column=1) from exc
    return out
