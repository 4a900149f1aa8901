"""Reading a plan workbook back: cells to plan data, pydantic errors to sheet/row/column.

The layout (sheets, columns, drop-down values) is defined once, in
:mod:`gevinst.io.excel.write`; this module only reads. It never evaluates a formula: a formula
cell is refused with its place, so the plan holds what the consultant sees typed. The
workbook is opened, and its size and cells bounded, by :mod:`gevinst.io.excel.guard`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from pydantic import ValidationError

from gevinst.errors import Said, SaidLines, WorkbookError
from gevinst.field_types import ID_PATTERN
from gevinst.i18n.words import t
from gevinst.io.excel.guard import (
    DAMAGED,
    check_dimension,
    open_workbook,
    read_file,
    sheet_cells,
    unreadable,
)
from gevinst.io.excel.schema import (
    BULLET,
    CHOICE_TABLES,
    CHOICES,
    ID_LIST,
    MAP_SECTIONS,
    ORDER,
    PLAN_HEADER,
    PLAN_ROWS,
    REQUIRED,
    SHEETS,
    TABLES,
    Column,
    column_words,
    label,
    norm,
    words,
)
from gevinst.io.validate import validator_message
from gevinst.model import SCHEMA, Plan

__all__ = ["read_places", "read_plan", "read_workbook", "record_places"]


@dataclass
class _Place:
    """Where a record came from: its sheet, its row and its columns by field path."""

    sheet: str
    row: int
    columns: dict[tuple[str, ...], tuple[int, str, str]]  # path -> (number, header, kind)


def _parse_number(text: str) -> float | None:
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


class _Reader:
    """Turns the sheets of one workbook into plan data, remembering where each came from."""

    def __init__(self, book: Any, source: str) -> None:
        self.book = book
        self.source = source
        self.data: dict[str, Any] = {}
        self.places: dict[tuple[int | str, ...], _Place] = {}
        self.plan_rows: dict[str, int] = {}
        self.sheet_titles: dict[str, str] = {}

    def error(self, reason: str, **where: Any) -> WorkbookError:
        return WorkbookError(reason, source=self.source, **where)

    # -- sheets and headers ------------------------------------------------------------

    def sheets(self) -> dict[str, Any]:
        known = {word: key for key in (*ORDER, ID_LIST) for word in words(key)}
        found: dict[str, Any] = {}
        for name in self.book.sheetnames:
            key = known.get(norm(name))
            if key == ID_LIST:
                continue  # made from the other sheets when the workbook was written
            if key is None:
                expected = ", ".join(t(k, "nb") for k in ORDER)
                raise self.error(
                    Said("xl_unknown_sheet", name=repr(name), expected=expected), sheet=name
                )
            if key in found:
                other = repr(self.sheet_titles[key])
                raise self.error(Said("xl_sheet_twice", name=repr(name), other=other), sheet=name)
            found[key] = self.book[name]
            self.sheet_titles[key] = name
        if "plan" not in found:
            raise self.error(Said("xl_no_plan_sheet"))
        return found

    def cells(self, key: str, sheet: Any) -> list[tuple[int, list[Any]]]:
        """Every row with a value, as plain values; formulas and error values are refused.

        Row 1 is the header: a value in a column without a heading is refused (it would
        be dropped). Only the cells in the file are visited (no grid is filled in), so a
        row number or column far out costs nothing until a value there is refused.
        """
        name = self.sheet_titles[key]
        check_dimension(sheet, name, self.source)
        rows: list[tuple[int, list[Any]]] = []
        titles: list[Any] = []
        for r, found in self.rows(sheet, name):
            values: list[Any] = []
            for c, value, kind in found:
                title = titles[c - 1] if c - 1 < len(titles) else None
                where = {"sheet": name, "row": r, "column": c, "header": title}
                if kind in ("f", "e"):
                    if kind == "e":
                        raise self.error(Said("xl_error_cell", value=value), **where)
                    text = value if isinstance(value, str) else getattr(value, "text", "")
                    raise self.error(Said("xl_formula", formula=text), **where)
                if isinstance(value, str) and not value.strip():
                    continue
                if not rows and r != 1:
                    raise self.error(Said("xl_header_empty"), sheet=name, row=1)
                if rows and title is None:
                    cell = f"{get_column_letter(c)}{r}"
                    raise self.error(Said("xl_no_heading", cell=cell), **where)
                values.extend([None] * (c - 1 - len(values)))
                values.append(value)
            if not values:
                continue
            if r == 1:
                titles = [str(v) if v is not None else None for v in values]
            rows.append((r, values))
        return rows

    def rows(self, sheet: Any, name: str) -> Iterator[tuple[int, list[tuple[int, Any, str]]]]:
        """(row, [(column, value, data type)]) of the cells in the file, in order.

        openpyxl's own ``iter_rows`` fills in every missing row and pads every row to the
        widest one: one cell in XFD40000 becomes 655 million cells. This reads the sheet's
        XML as a stream with openpyxl's cell parser and keeps only the cell being read;
        a cell beyond :data:`~gevinst.io.excel.guard.MAX_ROWS` or
        :data:`~gevinst.io.excel.guard.MAX_COLUMNS` with a value is refused,
        naming it. A damaged sheet is a located error.
        """
        try:
            yield from sheet_cells(sheet, name, self.source)
        except WorkbookError:
            raise
        except DAMAGED as exc:
            raise unreadable(exc, self.source, name) from exc

    def header(
        self, key: str, rows: list[tuple[int, list[Any]]], columns: tuple[Column, ...]
    ) -> dict[int, Column]:
        name = self.sheet_titles[key]
        lookup = {word: column for column in columns for word in column_words(column)}
        if not rows or rows[0][0] != 1:
            if not rows:
                return {}
            raise self.error(Said("xl_header_empty"), sheet=name, row=1)
        taken: dict[str, int] = {}
        out: dict[int, Column] = {}
        for c, title in enumerate(rows[0][1], start=1):
            if title is None:  # a value under it was refused by cells()
                continue
            column = lookup.get(norm(str(title)))
            if column is None:
                names = ", ".join(t(col.word, "nb") for col in columns)
                raise self.error(
                    Said("xl_unknown_column", title=repr(title), names=names),
                    sheet=name,
                    row=1,
                    column=c,
                    header=str(title),
                )
            if column.word in taken:
                letter = get_column_letter(taken[column.word])
                raise self.error(
                    Said("xl_column_twice", title=repr(title), letter=letter),
                    sheet=name,
                    row=1,
                    column=c,
                    header=str(title),
                )
            taken[column.word] = c
            out[c] = column
        for word in REQUIRED[key]:
            if word not in taken:
                raise self.error(
                    Said("xl_column_missing", name=repr(t(word, "nb")), english=t(word, "en")),
                    sheet=name,
                    row=1,
                )
        return out

    # -- cells to data -----------------------------------------------------------------

    def value(self, column: Column, value: Any, where: dict[str, Any]) -> Any:
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
                    raise self.error(Said("xl_json_list"), **where)
                return items
            lines = (line.strip().removeprefix(BULLET).strip() for line in text.split("\n"))
            return [line for line in lines if line]
        if kind == "impacts":
            return self.impacts(str(value), where)
        if kind == "shares":  # "0,25; 0,5", "0.25; 0.5" or "25 %; 50 %"
            if isinstance(value, int | float) and not isinstance(value, bool):
                return [value]
            parts = [part.strip() for part in str(value).split(";")]
            return [
                part if (number := _parse_number(part)) is None else number
                for part in parts
                if part
            ]
        if kind in ("number", "money", "int"):
            if isinstance(value, str):
                number = _parse_number(value)
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

    def impacts(self, text: str, where: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for part in re.split(r"[;\n]+", text):
            if not part.strip():
                continue
            ref, sep, effect = part.partition(":")
            if not sep:
                raise self.error(Said("xl_impact_colon", part=repr(part.strip())), **where)
            ref = ref.strip()
            if ref in out:
                raise self.error(Said("xl_listed_twice", ref=repr(ref)), **where)
            signs = {"+": "positive", "-": "negative", "\u2212": "negative"}
            effect = signs.get(effect.strip(), effect)
            out[ref] = CHOICE_TABLES["impact"].get(norm(effect), effect.strip())
        return out

    def records(self, key: str, sheet: Any, columns: tuple[Column, ...]) -> list[_Row]:
        """The rows of one sheet as dicts, each with its place."""
        rows = self.cells(key, sheet)
        header = self.header(key, rows, columns)
        name = self.sheet_titles[key]
        titles = {c: str(rows[0][1][c - 1]) for c in header}
        place_columns = {
            (*col.path, *([col.point] if col.point else [])): (c, titles[c], col.kind)
            for c, col in header.items()
        }
        out = []
        for r, values in rows[1:]:
            record: dict[str, Any] = {}
            ends: dict[tuple[str, ...], dict[str, tuple[Any, dict[str, Any]]]] = {}
            for c, column in header.items():
                raw = values[c - 1] if c - 1 < len(values) else None
                if raw is None or column.kind == "shown":
                    continue
                where = {"sheet": name, "row": r, "column": c, "header": titles[c]}
                value = self.value(column, raw, where)
                if column.point:  # the low or high end of a range: joined below
                    ends.setdefault(column.path, {})[column.point] = (value, where)
                    continue
                target = record
                for part in column.path[:-1]:
                    target = target.setdefault(part, {})
                target[column.path[-1]] = value
            for path, found in ends.items():
                self.estimate(record, path, found, columns, place_columns)
            if record:
                out.append(_Row(record, _Place(name, r, place_columns)))
        return out

    def estimate(
        self,
        record: dict[str, Any],
        path: tuple[str, ...],
        ends: dict[str, tuple[Any, dict[str, Any]]],
        columns: tuple[Column, ...],
        places: dict[tuple[str, ...], tuple[int, str, str]],
    ) -> None:
        """Join the low and high cells of an amount to its most likely value:
        ``[low, most_likely, high]``. Both ends or neither; each a number. The order of
        the three is ``gevinst check``'s to report (GV020), not a reason to refuse."""
        element = record.get("id") if isinstance(record.get("id"), str) else None
        of: object = Said("xl_of", element=element) if element else ""

        def heading(point: str) -> tuple[str, dict[str, Any] | None]:
            """The header of the column of ``point`` as written (or its words), and the
            place of that cell in this row when the sheet has the column."""
            found = places.get((*path, point) if point else path)
            if found is not None:
                row = next(iter(ends.values()))[1]["row"]
                where = {"sheet": next(iter(ends.values()))[1]["sheet"], "row": row}
                return found[1], {**where, "column": found[0], "header": found[1]}
            word = next(c.word for c in columns if c.path == path and c.point == point)
            return f"{t(word, 'nb')} ({t(word, 'en')})", None

        for point, (value, where) in ends.items():
            if isinstance(value, bool) or not isinstance(value, int | float):
                end = Said("xl_low_end" if point == "low" else "xl_high_end")
                raise self.error(
                    Said("xl_end_not_number", value=repr(value), end=end, of=of),
                    element=element,
                    **where,
                )
        if len(ends) == 1:
            ((point, (_, where)),) = ends.items()
            other, place = heading("high" if point == "low" else "low")
            fix = Said("xl_fill_in" if place else "xl_add_and_fill_in")
            header = repr(where["header"])
            raise self.error(
                Said("xl_one_end", header=header, of=of, other=repr(other), fix=fix),
                element=element,
                **(place or where),
            )
        target = record
        for part in path[:-1]:
            target = target.setdefault(part, {})
        likely = target.get(path[-1])
        if likely is None:
            middle, place = heading("")
            raise self.error(
                Said("xl_likely_empty", of=of, middle=repr(middle)),
                element=element,
                **(place or ends["low"][1]),
            )
        target[path[-1]] = [ends["low"][0], likely, ends["high"][0]]

    # -- the whole plan ----------------------------------------------------------------

    def plan_info(self, sheet: Any) -> dict[str, Any]:
        rows = self.cells("plan", sheet)
        header = self.header("plan", rows, PLAN_HEADER)
        name = self.sheet_titles["plan"]
        by_word = {c.word: n for n, c in header.items()}
        field_col, value_col = by_word["field"], by_word["value"]
        value_title = str(rows[0][1][value_col - 1])
        lookup = {word: row for row in PLAN_ROWS for word in words(row.word)}
        info: dict[str, Any] = {}
        for r, values in rows[1:]:
            label = values[field_col - 1] if field_col - 1 < len(values) else None
            raw = values[value_col - 1] if value_col - 1 < len(values) else None
            if label is None:
                if raw is not None:
                    raise self.error(
                        Said("xl_value_without_field", column=t("field", "nb")),
                        sheet=name,
                        row=r,
                        column=field_col,
                    )
                continue
            spec = lookup.get(norm(str(label)))
            if spec is None:
                fields = ", ".join(t(row.word, "nb") for row in PLAN_ROWS)
                raise self.error(
                    Said("xl_unknown_field", label=repr(label), fields=fields),
                    sheet=name,
                    row=r,
                    column=field_col,
                    header=str(rows[0][1][field_col - 1]),
                )
            if spec.word in self.plan_rows:
                row = self.plan_rows[spec.word]
                raise self.error(
                    Said("xl_field_twice", label=repr(label), row=row),
                    sheet=name,
                    row=r,
                    column=field_col,
                )
            self.plan_rows[spec.word] = r
            if raw is not None:
                where = {"sheet": name, "row": r, "column": value_col, "header": value_title}
                target = info
                for part in spec.path[:-1]:  # optimism_bias.costs
                    target = target.setdefault(part, {})
                target[spec.path[-1]] = self.value(spec, raw, where)
        self.plan_place = _Place(
            name, 0, {row.path: (value_col, value_title, row.kind) for row in PLAN_ROWS}
        )
        return info

    def read(self) -> Plan:
        sheets = self.sheets()
        info = self.plan_info(sheets["plan"])
        self.data = {"schema": info.pop("schema", SCHEMA), "plan": info}
        by_id: dict[str, list[tuple[str, int]]] = {}
        for section in (*MAP_SECTIONS, "stakeholders", "indicators"):
            rows = (
                self.records(section, sheets[section], SHEETS[section]) if section in sheets else []
            )
            self.data[section] = [row.record for row in rows]
            for i, row in enumerate(rows):
                self.places[(section, i)] = row.place
                self.check_id(row)
                by_id.setdefault(str(row.record["id"]), []).append((section, i))
        self.attach(sheets, "links", "from", "contributes_to", MAP_SECTIONS, by_id)
        self.attach(sheets, "targets", "indicator", "targets", ("indicators",), by_id)
        for section in ("measurements", "reviews"):
            rows = (
                self.records(section, sheets[section], TABLES[section]) if section in sheets else []
            )
            self.data[section] = [row.record for row in rows]
            for i, row in enumerate(rows):
                self.places[(section, i)] = row.place
        try:
            return Plan.model_validate(self.data)
        except ValidationError as exc:
            raise self.located(exc) from exc

    def check_id(self, row: _Row) -> None:
        """Rows hang on their ids (links, targets, references): a bad id stops here."""
        c, header, _ = row.place.columns[("id",)]
        where = {"sheet": row.place.sheet, "row": row.place.row, "column": c, "header": header}
        value = row.record.get("id")
        if value is None:
            raise self.error(Said("xl_id_empty", header=header), **where)
        if not re.fullmatch(ID_PATTERN, str(value)):
            raise self.error(Said("load_bad_id", given=repr(str(value))), **where)

    def attach(
        self,
        sheets: dict[str, Any],
        key: str,
        owner_word: str,
        field: str,
        sections: tuple[str, ...],
        by_id: dict[str, list[tuple[str, int]]],
    ) -> None:
        """Rows of ``key`` (links, targets) go into the list ``field`` of their owner."""
        if key not in sheets:
            return
        for row in self.records(key, sheets[key], TABLES[key]):
            owner = row.record.pop(owner_word, None)
            c, header, _ = row.place.columns[(owner_word,)]
            where = {"sheet": row.place.sheet, "row": row.place.row, "column": c, "header": header}
            if owner is None:
                raise self.error(Said("load_cell_empty", header=header), **where)
            homes = [home for home in by_id.get(str(owner), []) if home[0] in sections]
            if not homes:
                sheet_names = ", ".join(self.sheet_titles.get(s, t(s, "nb")) for s in sections)
                raise self.error(
                    Said("xl_no_such_row", owner=repr(owner), sheets=sheet_names), **where
                )
            if len(homes) > 1:
                rows = SaidLines(
                    (
                        Said("xl_sheet_row", sheet=self.places[h].sheet, row=self.places[h].row)
                        for h in homes
                    ),
                    sep=", ",
                )
                raise self.error(Said("xl_id_twice", owner=repr(owner), rows=rows), **where)
            section, i = homes[0]
            relation = row.record.pop("relation", None)  # links only; empty: contributes
            if relation not in (None, "contributes", "mitigates"):
                rc, rheader, _ = row.place.columns[("relation",)]
                labels = ", ".join(
                    f"{label(c, 'nb')} ({label(c, 'en')})" for c in ("contributes", "mitigates")
                )
                raise self.error(
                    Said("xl_not_in_list", given=repr(relation), labels=labels),
                    sheet=row.place.sheet,
                    row=row.place.row,
                    column=rc,
                    header=rheader,
                )
            home = "mitigates" if relation == "mitigates" else field
            items = self.data[section][i].setdefault(home, [])
            self.places[(section, i, home, len(items))] = row.place
            items.append(row.record)

    def located(self, exc: ValidationError) -> WorkbookError:
        """Each pydantic error mapped back to its sheet, row and column."""
        problems = [self.locate(error) for error in exc.errors(include_url=False)]
        first = problems[0]
        reason = first.reason
        if len(problems) > 1:
            listed: list[object] = [Said("load_problem_line", problem=p) for p in problems[1:20]]
            if len(problems) > 20:
                listed.append(Said("load_and_more", count=len(problems) - 20))
            more = SaidLines(listed)
            reason = Said("load_more_problems", first=reason, count=len(problems) - 1, more=more)
        return WorkbookError(
            reason,
            source=self.source,
            sheet=first.sheet,
            row=first.line,
            column=first.column,
            header=first.header,
            element=first.element,
            field=first.field,
        )

    def locate(self, error: Any) -> WorkbookError:
        """One pydantic error as a located :class:`WorkbookError`."""
        loc = tuple(error["loc"])
        field = ".".join(str(p) for p in loc)
        element: str | None = None
        rest: tuple[str, ...]
        if loc[0] in ("plan", "schema"):
            place = self.plan_place
            rest = ("schema",) if loc[0] == "schema" else tuple(str(p) for p in loc[1:])
            specs = [s for s in PLAN_ROWS if s.path[: len(rest)] == rest[: len(s.path)]]
            spec = next((s for s in specs if s.word in self.plan_rows), None)
            word = spec.word if spec else specs[0].word if specs else "".join(rest[:1])
            row = self.plan_rows.get(word)
            if row is None:
                label = t(word, "nb")
                return self.error(
                    Said("xl_field_missing", label=repr(label), english=t(word, "en"), name=label),
                    sheet=place.sheet,
                    field=field,
                )
        else:
            key = next((loc[:n] for n in (4, 2) if loc[:n] in self.places), None)
            if key is None:
                return self.error(_reason(error, None, None), field=field)
            place, rest = self.places[key], tuple(str(p) for p in loc[len(key) :])
            row = place.row
            record = self.data[str(loc[0])][int(loc[1])]
            element = record.get("id") if isinstance(record.get("id"), str) else None
        match = _column_for(place.columns, rest)
        if match is None:
            return self.error(
                _reason(error, None, None), sheet=place.sheet, row=row, element=element
            )
        number, header, kind = match
        return self.error(
            _reason(error, header, kind),
            sheet=place.sheet,
            row=row,
            column=number,
            header=header,
            element=element,
            field=field,
        )


@dataclass
class _Row:
    record: dict[str, Any]
    place: _Place


def _column_for(
    columns: dict[tuple[str, ...], tuple[int, str, str]], rest: tuple[str, ...]
) -> tuple[int, str, str] | None:
    best = None
    for path, found in columns.items():
        if rest[: len(path)] == path and (best is None or len(path) > best[0]):
            best = (len(path), found)
    if best is not None:
        return best[1]
    for path, found in columns.items():
        if path[: len(rest)] == rest:
            return found
    return None


def _reason(error: Any, header: str | None, kind: str | None) -> str:
    kind_of_error = error["type"]
    given = error.get("input")
    if kind_of_error == "missing":
        return Said("xl_missing", header=header or Said("xl_this_value"))
    if (
        kind
        and kind.startswith("choice:")
        and kind_of_error
        in (
            "literal_error",
            "bool_parsing",
            "bool_type",
        )
    ):
        codes = CHOICES[kind.removeprefix("choice:")]
        labels = ", ".join(f"{label(c, 'nb')} ({label(c, 'en')})" for c in codes)
        return Said("xl_not_in_list", given=repr(given), labels=labels)
    if kind == "impacts" and kind_of_error == "literal_error":
        return Said("xl_not_impact", given=repr(given))
    if kind_of_error == "string_pattern_mismatch":
        return Said("load_bad_id", given=repr(given))
    if kind_of_error == "string_too_short":
        return Said("xl_text_empty")
    if kind_of_error == "string_too_long":  # a name (a label): not echoed, it is long
        limit = error.get("ctx", {}).get("max_length")
        return Said("xl_name_too_long", limit=limit)
    if kind_of_error == "value_error":
        return validator_message(error)
    if kind_of_error.startswith("int_"):
        return Said("load_not_whole", given=repr(given))
    if kind_of_error == "string_type":
        return Said("xl_expected_text", given=repr(given))
    if kind_of_error == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return Said("xl_not_allowed", given=repr(given), expected=expected)
    return f"{error['msg']} (got {given!r})"


def _read(raw: bytes, source: str) -> tuple[Plan, _Reader]:
    book = open_workbook(raw, source)
    try:
        with warnings.catch_warnings():
            # openpyxl warns while it parses (a date cell out of range, unknown extensions);
            # what matters reaches the reader as a value or an error cell
            warnings.simplefilter("ignore")
            reader = _Reader(book, source)
            return reader.read(), reader
    finally:
        book.close()


def read_plan(raw: bytes, source: str) -> Plan:
    """The plan in the workbook ``raw`` (the bytes of an .xlsx file named ``source``)."""
    return _read(raw, source)[0]


def read_places(raw: bytes, source: str) -> dict[str, tuple[str, int]]:
    """Where each record with an id is: id -> (sheet, row); the first row if ids repeat."""
    _, reader = _read(raw, source)
    places: dict[str, tuple[str, int]] = {}
    for key, place in reader.places.items():
        if len(key) == 2 and key[0] in (*MAP_SECTIONS, "stakeholders", "indicators"):
            record = reader.data[str(key[0])][int(key[1])]
            places.setdefault(str(record["id"]), (place.sheet, place.row))
    return places


def read_workbook(path: str | Path) -> Plan:
    """Read a plan from a workbook written by gevinst (or edited by hand since).

    Raises:
        WorkbookError: a :class:`~gevinst.errors.PlanError` naming the sheet, row and
            column of the first problem (and listing the others).

    Examples:
        >>> import gevinst as gv, tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> plan = gv.Plan.new("demo", "Demo")
        >>> _ = gv.save(plan, folder / "plan.xlsx")
        >>> read_workbook(folder / "plan.xlsx") == plan
        True
    """
    path = Path(path)
    return read_plan(read_file(path), str(path))


def record_places(path: str | Path) -> dict[str, tuple[str, int]]:
    """Where each record of a plan workbook is: id -> (sheet name, row).

    For messages about an element (``gevinst check``) in the terms of the workbook.

    Examples:
        >>> import gevinst as gv, tempfile, pathlib
        >>> plan = gv.Plan.new("demo", "Demo")
        >>> _ = plan.add_goal("G1", "Bergens barn, byens framtid")
        >>> path = gv.save(plan, pathlib.Path(tempfile.mkdtemp()) / "plan.xlsx")
        >>> record_places(path)
        {'G1': ('Samfunnsmål', 2)}
    """
    path = Path(path)
    return read_places(read_file(path), str(path))
