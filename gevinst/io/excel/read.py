"""Reading a plan workbook back: cells to plan data, pydantic errors to sheet/row/column.

The layout (sheets, columns, drop-down values) is defined once, in
:mod:`gevinst.io.excel.write`; this module only reads. It never evaluates a formula: a formula
cell is refused with its place, so the plan holds what the consultant sees typed. The
workbook is opened, and its size and cells bounded, by :mod:`gevinst.io.excel.guard`; its
sheets are read row by row by :mod:`gevinst.io.excel.sheets` (each cell by
:mod:`gevinst.io.excel.values`), and errors are placed by :mod:`gevinst.io.excel.located`.
This module reads the plan sheet, hangs the links and targets on their elements and
indicators, and validates the whole plan.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from gevinst.errors import Said, SaidLines, WorkbookError
from gevinst.field_types import ID_PATTERN
from gevinst.i18n.words import t
from gevinst.io.excel.guard import open_workbook, read_file
from gevinst.io.excel.located import Origins
from gevinst.io.excel.schema import (
    MAP_SECTIONS,
    PLAN_HEADER,
    PLAN_ROWS,
    SHEETS,
    TABLES,
    label,
    norm,
    words,
)
from gevinst.io.excel.sheets import Place, Row, SheetReader
from gevinst.io.excel.values import cell_value
from gevinst.model import SCHEMA, Plan

__all__ = ["read_places", "read_plan", "read_workbook", "record_places"]


class _Reader:
    """Turns the sheets of one workbook into plan data, remembering where each came from."""

    def __init__(self, book: Any, source: str) -> None:
        self.tables = SheetReader(book, source)
        self.source = source
        self.data: dict[str, Any] = {}
        self.places: dict[tuple[int | str, ...], Place] = {}
        self.plan_rows: dict[str, int] = {}

    def error(self, reason: str, **where: Any) -> WorkbookError:
        return WorkbookError(reason, source=self.source, **where)

    def plan_info(self, sheet: Any) -> dict[str, Any]:
        rows = self.tables.cells("plan", sheet)
        header = self.tables.header("plan", rows, PLAN_HEADER)
        name = self.tables.sheet_titles["plan"]
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
                target[spec.path[-1]] = cell_value(spec, raw, where, self.source)
        self.plan_place = Place(
            name, 0, {row.path: (value_col, value_title, row.kind) for row in PLAN_ROWS}
        )
        return info

    def read(self) -> Plan:
        sheets = self.tables.sheets()
        info = self.plan_info(sheets["plan"])
        self.data = {"schema": info.pop("schema", SCHEMA), "plan": info}
        by_id: dict[str, list[tuple[str, int]]] = {}
        for section in (*MAP_SECTIONS, "stakeholders", "indicators"):
            rows = (
                self.tables.records(section, sheets[section], SHEETS[section])
                if section in sheets
                else []
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
                self.tables.records(section, sheets[section], TABLES[section])
                if section in sheets
                else []
            )
            self.data[section] = [row.record for row in rows]
            for i, row in enumerate(rows):
                self.places[(section, i)] = row.place
        try:
            return Plan.model_validate(self.data)
        except ValidationError as exc:
            raise self.located(exc) from exc

    def check_id(self, row: Row) -> None:
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
        for row in self.tables.records(key, sheets[key], TABLES[key]):
            owner = row.record.pop(owner_word, None)
            c, header, _ = row.place.columns[(owner_word,)]
            where = {"sheet": row.place.sheet, "row": row.place.row, "column": c, "header": header}
            if owner is None:
                raise self.error(Said("load_cell_empty", header=header), **where)
            homes = [home for home in by_id.get(str(owner), []) if home[0] in sections]
            if not homes:
                sheet_names = ", ".join(
                    self.tables.sheet_titles.get(s, t(s, "nb")) for s in sections
                )
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
        origins = Origins(self.source, self.data, self.places, self.plan_rows, self.plan_place)
        return origins.located(exc)


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
