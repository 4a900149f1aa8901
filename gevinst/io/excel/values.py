"""One cell of a plan workbook as plan data, by the kind of its column.

Numbers and dates as a Norwegian or an English workbook types them (``1 234,5``,
``25 %``, ``31.12.2025``), lists of ids and lines, impacts (``B1: Positiv``) and the
labels of the drop-down lists turned back into codes. A cell that cannot be read is a
:class:`~gevinst.errors.WorkbookError` at its place. Used by
:mod:`gevinst.io.excel.sheets` and :mod:`gevinst.io.excel.read`.

Examples:
    >>> parse_number("1 234,5"), parse_number("25 %"), parse_number("atten")
    (1234.5, 0.25, None)
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from gevinst.errors import Said, WorkbookError
from gevinst.io.excel.schema import BULLET, CHOICE_TABLES, Column, norm

__all__ = ["cell_value", "parse_number"]


def parse_number(text: str) -> float | None:
    """A number as typed in a cell (spaces, a decimal comma, a minus sign, a per cent)."""
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text).replace("\u2212", "-")
    scale = 1.0
    if cleaned.endswith("%"):
        cleaned, scale = cleaned[:-1], 0.01
    if "," in cleaned and "." not in cleaned and cleaned.count(",") == 1:
        cleaned = cleaned.replace(",", ".")
    try:
        return float(cleaned) * scale
    except ValueError:
        return None


def _date_text(text: str) -> object:
    match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            pass
    return text


def cell_value(column: Column, value: Any, where: dict[str, Any], source: str) -> Any:
    """The value of one cell of ``column`` as plan data; ``where`` is its place, for an
    error, in the workbook ``source``."""
    kind = column.kind
    if isinstance(value, dt.datetime) and kind != "date":
        value = value.date().isoformat() if value.time() == dt.time(0) else value.isoformat()
    elif isinstance(value, dt.time | dt.timedelta) and kind != "date":
        value = str(value)
    if kind in ("text", "id"):
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return value
    if kind == "ids":
        return [part for part in re.split(r"[;,\s]+", str(value)) if part]
    if kind == "lines":
        text = str(value).replace("\r\n", "\n").replace("\r", "\n")
        if text.startswith("["):
            try:
                items = json.loads(text)
            except ValueError:
                items = None
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise WorkbookError(Said("xl_json_list"), source=source, **where)
            return items
        lines = (line.strip().removeprefix(BULLET).strip() for line in text.split("\n"))
        return [line for line in lines if line]
    if kind == "impacts":
        return _impacts(str(value), where, source)
    if kind == "shares":  # "0,25; 0,5", "0.25; 0.5" or "25 %; 50 %"
        if isinstance(value, int | float) and not isinstance(value, bool):
            return [value]
        parts = [part.strip() for part in str(value).split(";")]
        return [
            part if (number := parse_number(part)) is None else number for part in parts if part
        ]
    if kind in ("number", "money", "int"):
        if isinstance(value, str):
            number = parse_number(value)
            value = value if number is None else number
        if kind == "int" and isinstance(value, float) and value.is_integer():
            return int(value)
        return value
    if kind == "date":
        if isinstance(value, dt.datetime) and value.time() == dt.time(0):
            return value.date()
        return _date_text(value.strip()) if isinstance(value, str) else value
    if kind.startswith("choice:"):
        name = kind.removeprefix("choice:")
        if isinstance(value, bool) and name == "bool":
            return value
        code = CHOICE_TABLES[name].get(norm(str(value)), value)
        if name == "bool" and code in ("yes", "no"):
            return code == "yes"
        return code
    return value


def _impacts(text: str, where: dict[str, Any], source: str) -> dict[str, Any]:
    """``B1: Positiv; D1: Negativ`` (or ``+`` and ``-``) as ``{id: impact}``."""
    out: dict[str, Any] = {}
    for part in re.split(r"[;\n]+", text):
        if not part.strip():
            continue
        ref, sep, effect = part.partition(":")
        if not sep:
            raise WorkbookError(
                Said("xl_impact_colon", part=repr(part.strip())), source=source, **where
            )
        ref = ref.strip()
        if ref in out:
            raise WorkbookError(Said("xl_listed_twice", ref=repr(ref)), source=source, **where)
        signs = {"+": "positive", "-": "negative", "\u2212": "negative"}
        effect = signs.get(effect.strip(), effect)
        out[ref] = CHOICE_TABLES["impact"].get(norm(effect), effect.strip())
    return out
