"""Text in CSV and spreadsheet cells that never starts a formula (SPEC section 5).

A spreadsheet takes a cell that begins with ``=``, ``+``, ``-`` or ``@`` (some also a
tab or a carriage return) for a formula: a plan's name ``=HYPERLINK("https://…";"Klikk")``
would open as a live link, ``+cmd|' /C calc'!A0`` as a command (CSV injection, OWASP).
Every CSV and Excel writer of gevinst puts its cells through this module:

* CSV (:func:`csv_text`): such text gets a leading ``'``, as OWASP recommends, and every
  text cell is quoted, so a spreadsheet that splits fields on ``;`` (as Excel does in
  Norway) cannot cut one into a new cell that starts a formula. Numbers are written as
  numbers, negative ones too.
* Excel (:func:`keep_text`): the cell is stored as text, never as a formula, and marked
  the way Excel marks text typed with a leading ``'`` (``quotePrefix``), so it stays text
  when someone edits it. The text itself is unchanged: a plan workbook reads back as it
  was written.

Examples:
    >>> csv_text(["name", "value"], [["=1+2", -3.5], ["Mål", None]])
    '"name","value"\\n"\\'=1+2",-3.5\\n"Mål",""\\n'
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["FORMULA_START", "csv_cell", "csv_text", "keep_text", "starts_formula"]

#: What a spreadsheet takes for the start of a formula (OWASP, CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def starts_formula(text: str) -> bool:
    """True when a spreadsheet would read ``text`` as a formula.

    >>> starts_formula("-5 %"), starts_formula("Mål")
    (True, False)
    """
    return text.startswith(FORMULA_START)


def csv_cell(value: object) -> str | int | float:
    """One CSV cell: numbers as they are; text that would start a formula with a ``'``
    before it; dates in ISO form; nothing as empty text (and ``inf`` or ``nan`` as text,
    which no spreadsheet reads as a number).

    >>> csv_cell("@SUM(A1:A9)"), csv_cell(-2), csv_cell(None)
    ("'@SUM(A1:A9)", -2, '')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int) or (isinstance(value, float) and math.isfinite(value)):
        return value
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    return "'" + text if starts_formula(text) else text


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """CSV text (comma, ``\\n``) with every cell made safe by :func:`csv_cell`; text is
    quoted and numbers are not, so a reader can tell them apart."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow([csv_cell(cell) for cell in header])
    writer.writerows([csv_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def keep_text(cell: Any) -> None:
    """Keep the text in an openpyxl cell as text: never a formula, and still text when
    someone edits it in Excel (the cell's ``quotePrefix``, as a typed ``'`` sets it)."""
    value = cell.value
    if isinstance(value, str) and starts_formula(value):
        cell.data_type = "s"
        cell.quotePrefix = True
