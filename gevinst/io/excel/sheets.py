"""The sheets of a plan workbook as rows of records, each remembering its place.

Which sheet is which (by its name in Norwegian or English), the cells of a sheet with a
value (a formula or an error value is refused with its place), the header row matched
to the columns of :mod:`gevinst.io.excel.schema`, and each row as a record of plan
data with its :class:`Place`: the sheet, the row, and the column of each field, so
that :mod:`gevinst.io.excel.located` can name the cell of an error. Used by
:mod:`gevinst.io.excel.read`.

Examples:
    >>> import gevinst as gv, tempfile, pathlib
    >>> from gevinst.io.excel.guard import open_workbook
    >>> from gevinst.io.excel.schema import SHEETS
    >>> plan = gv.Plan.new("demo", "Demo")
    >>> _ = plan.add_goal("G1", "Gode tjenester")
    >>> path = gv.save(plan, pathlib.Path(tempfile.mkdtemp()) / "plan.xlsx")
    >>> book = open_workbook(path.read_bytes(), str(path))
    >>> reader = SheetReader(book, str(path))
    >>> rows = reader.records("goals", reader.sheets()["goals"], SHEETS["goals"])
    >>> rows[0].record, rows[0].place.sheet, rows[0].place.row
    ({'id': 'G1', 'name': 'Gode tjenester'}, 'Samfunnsmål', 2)
    >>> book.close()
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from openpyxl.utils import get_column_letter

from gevinst.errors import Said, WorkbookError
from gevinst.i18n.words import t
from gevinst.io.excel.guard import DAMAGED, check_dimension, sheet_cells, unreadable
from gevinst.io.excel.schema import ID_LIST, ORDER, REQUIRED, Column, column_words, norm, words
from gevinst.io.excel.values import cell_value

__all__ = ["Place", "Row", "SheetReader"]


@dataclass
class Place:
    """Where a record came from: its sheet, its row and its columns by field path."""

    sheet: str
    row: int
    columns: dict[tuple[str, ...], tuple[int, str, str]]  # path -> (number, header, kind)


@dataclass
class Row:
    """One record of plan data as read from a row, and where it came from."""

    record: dict[str, Any]
    place: Place


class SheetReader:
    """Reads the sheets of one workbook, row by row, into records of plan data."""

    def __init__(self, book: Any, source: str) -> None:
        self.book = book
        self.source = source
        self.sheet_titles: dict[str, str] = {}

    def error(self, reason: str, **where: Any) -> WorkbookError:
        return WorkbookError(reason, source=self.source, **where)

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

    def records(self, key: str, sheet: Any, columns: tuple[Column, ...]) -> list[Row]:
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
                value = cell_value(column, raw, where, self.source)
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
                out.append(Row(record, Place(name, r, place_columns)))
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
