"""The plan as an Excel workbook (.xlsx), and back.

One sheet per kind of record, with headers, sheet names and drop-down values in the
plan's language (reading accepts Norwegian and English alike). What does not fit in
one cell gets its own sheet with one row per item, so every value keeps its own
cell, type and drop-down:

* **Koblinger / Links**: the arrows of the benefit map, one row per
  ``contributes_to`` link (from, to, weight, note) and per ``mitigates`` link (relation
  *Demper* / *Mitigates*);
* **Målverdier / Targets**: one row per target of an indicator (indicator, date, value).

Short lists stay in one cell: indicator ids as ``I1; I2``, a stakeholder's impacts as
``B1: Positiv; D1: Negativ``, assumptions one per line. Text is always written as
text (a name starting with ``=`` never becomes a formula) and the reader never
evaluates a formula: it refuses one, naming the cell. The same plan always gives the
same bytes.

Examples:
    >>> import gevinst as gv
    >>> plan = gv.Plan.new("demo", "Demo")
    >>> _ = plan.add_benefit("B1", "=Kortere ventetid")
    >>> data = workbook_bytes(plan)
    >>> data == workbook_bytes(plan)
    True
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import re
from collections.abc import Sequence
from copy import copy
from typing import TYPE_CHECKING, Any

import gevinst.theme as theme
from gevinst._files import deterministic_zip
from gevinst.errors import PlanError
from gevinst.i18n.formats import format_exact
from gevinst.i18n.words import t
from gevinst.io.cells import keep_text
from gevinst.io.excel.schema import (
    BULLET,
    CHOICES,
    COLUMN_HELP,
    ID_LIST,
    MAP_SECTIONS,
    PLAN_HELP,
    PLAN_ROWS,
    POINTS,
    REFERENCES,
    SHEETS,
    SHOWN_HELP,
    TABLES,
    Column,
    label,
)
from gevinst.model import Plan
from gevinst.personal_data import refuse

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["ILLEGAL_CHARACTERS", "fit_row_heights", "print_setup", "style_header", "workbook_bytes"]

_HEADER_FILL = theme.HEADING_COLOUR.lstrip("#")  # as the deck's and the report's tables
_HEADER_INK = theme.BACKGROUND.lstrip("#")
_HELP_INK = theme.MUTED_TEXT.lstrip("#")
_LIST_ROWS = 1_048_576  # drop-downs reach the last row of the sheet, for rows added by hand
_FIXED_TIME = dt.datetime(2000, 1, 1)  # created/modified: fixed, so same plan = same bytes
#: Characters a worksheet cell cannot hold (openpyxl refuses them).
ILLEGAL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# --------------------------------------------------------------------------------------
# Writing


class _Writer:
    """Fills one openpyxl workbook from a plan."""

    def __init__(self, plan: Plan) -> None:
        from openpyxl import Workbook

        self.plan = plan
        self.lang = plan.language
        self.book = Workbook()
        self.book.remove(self.book.active)
        self.data = plan.model_dump(mode="python", by_alias=True)
        self.names: dict[str, str] = {}
        for record in plan.records():
            self.names.setdefault(record.id, record.name)

    def sheet_name(self, key: str) -> str:
        return t(key, self.lang)

    def text(self, cell: Any, value: str, where: str) -> None:
        """Put text in a cell as text; ``where`` is "ELEMENT FIELD" for error messages."""
        element, _, field = where.partition(" ")
        if ILLEGAL_CHARACTERS.search(value):
            raise PlanError(
                f"{value[:40]!r} contains a control character that Excel cannot store; remove it",
                element=element,
                field=field or None,
            )
        if len(value) > 32767:
            raise PlanError(
                f"the text is {len(value)} characters; an Excel cell holds at most 32767",
                element=element,
                field=field or None,
            )
        cell.value = value
        cell.data_type = "s"  # never a formula, never an error code, whatever it starts with
        keep_text(cell)  # and still text when someone edits a cell starting with '=' in Excel

    def put(self, cell: Any, column: Column, value: Any, where: str) -> None:
        kind = column.kind
        if value is None or value == [] or value == {}:
            return
        if kind in ("number", "money", "int"):
            _put_number(cell, value, money=kind == "money")
        elif kind == "date":
            if value >= dt.date(1900, 3, 1):
                cell.value = value
                cell.number_format = "yyyy-mm-dd"
            else:  # Excel has no serial number for these: keep the ISO text
                self.text(cell, value.isoformat(), where)
        elif kind.startswith("choice:"):
            code = ("yes" if value else "no") if isinstance(value, bool) else value
            self.text(cell, label(code, self.lang), where)
        elif kind == "ids":
            self.text(cell, "; ".join(value), where)
        elif kind == "shares":  # every digit, so the workbook reads back the same plan
            self.text(cell, "; ".join(format_exact(v, self.lang) for v in value), where)
        elif kind == "lines":
            self.text(cell, _lines_cell(value), where)
        elif kind == "impacts":
            cell_text = "; ".join(f"{k}: {label(v, self.lang)}" for k, v in value.items())
            self.text(cell, cell_text, where)
        else:
            self.text(cell, str(value), where)

    def table(
        self, key: str, columns: tuple[Column, ...], rows: list[tuple[str, dict[str, Any]]]
    ) -> None:
        from openpyxl.styles import Alignment, Font

        sheet = self.book.create_sheet(self.sheet_name(key))
        self.header(sheet, [t(c.word, self.lang) for c in columns])
        top = Alignment(vertical="top", wrap_text=True)
        grey = Font(name=theme.SHEET_FONT, size=11, italic=True, color=_HELP_INK)
        style = None  # openpyxl looks a style up on every assignment: copy it instead
        for r, (where, record) in enumerate(rows, start=2):
            for c, column in enumerate(columns, start=1):
                cell = sheet.cell(r, c)
                if style is None:
                    cell.alignment = top
                    style = copy(cell._style)
                else:
                    cell._style = copy(style)
                if column.kind == "shown":
                    name = self.names.get(str(record.get(column.word.removesuffix("_name"))))
                    if name is not None:
                        self.text(cell, name, where)
                        cell.font = grey
                    continue
                value = _get(record, column.path)
                if column.kind == "money":
                    value = _point(value, column.point)
                self.put(cell, column, value, f"{where} {column.word}")
        self.finish(sheet, columns, len(rows))

    def header(self, sheet: Worksheet, titles: list[str]) -> None:
        for c, title in enumerate(titles, start=1):
            self.text(sheet.cell(1, c), title, "header")
        style_header(sheet)

    def finish(self, sheet: Worksheet, columns: tuple[Column, ...], rows: int) -> None:
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.datavalidation import DataValidation

        widths = []
        for c, column in enumerate(columns, start=1):
            letter = get_column_letter(c)
            title = _title_width(str(sheet.cell(1, c).value), column)
            longest = max(
                (len(line) for r in range(2, rows + 2) for line in _lines(sheet.cell(r, c).value)),
                default=0,
            )
            cap = 50 if column.width >= 24 else 20
            width = max(title + 3, min(longest + 2, cap), 8) if longest else max(title + 3, 12)
            if column.kind == "date":
                width = max(width, 13)
            widths.append(width)
            sheet.column_dimensions[letter].width = width
            self.note(sheet.cell(1, c), column)
            links = sheet.title == self.sheet_name("links")
            if column.kind == "id" and (column.word in REFERENCES or links):
                self.reference_list(sheet, letter, column)
            if column.kind.startswith("choice:"):
                codes = CHOICES[column.kind.removeprefix("choice:")]
                labels = [label(code, self.lang) for code in codes]
                check = DataValidation(
                    type="list",
                    formula1='"' + ",".join(labels) + '"',
                    allow_blank=True,
                    showErrorMessage=True,
                    errorTitle=t(column.word, self.lang),
                    error=", ".join(labels),
                )
                check.add(f"{letter}2:{letter}{_LIST_ROWS}")
                sheet.add_data_validation(check)
        fit_row_heights(sheet, widths, rows)
        last = get_column_letter(len(columns))
        sheet.freeze_panes = "C2" if columns[0].word == "id" else "A2"
        sheet.auto_filter.ref = f"A1:{last}{rows + 1}"
        print_setup(sheet, self.plan.title, self.lang)

    def note(self, cell: Any, column: Column) -> None:
        from openpyxl.comments import Comment

        key = SHOWN_HELP if column.kind == "shown" else COLUMN_HELP.get(column.word)
        if key is not None:
            comment = Comment(t(key, self.lang), "gevinst")
            comment.width, comment.height = 240, 60
            cell.comment = comment

    def reference_list(self, sheet: Worksheet, letter: str, column: Column) -> None:
        """A drop-down of the ids in another sheet, rows added there later included;
        other ids are allowed after a warning."""
        from openpyxl.worksheet.datavalidation import DataValidation

        target = "id_list" if sheet.title == self.sheet_name("links") else REFERENCES[column.word]
        check = DataValidation(
            type="list",
            formula1=self.growing_list(target),
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            errorTitle=t(column.word, self.lang),
            error=f"{t('id', self.lang)}: {self.sheet_name(target)}",
        )
        check.add(f"{letter}2:{letter}{_LIST_ROWS}")
        sheet.add_data_validation(check)

    def growing_list(self, target: str) -> str:
        """The workbook's name for column A of ``target``'s sheet below the header, as far
        down as it is filled (``OFFSET`` by ``COUNTA``), so that a drop-down reading it
        also offers the ids of rows added later."""
        from openpyxl.workbook.defined_name import DefinedName

        name = f"gevinst_{target}"
        if name not in self.book.defined_names:
            sheet = "'" + self.sheet_name(target).replace("'", "''") + "'"
            formula = f"OFFSET({sheet}!$A$2,0,0,MAX(1,COUNTA({sheet}!$A:$A)-1),1)"
            self.book.defined_names[name] = DefinedName(name, attr_text=formula)
        return name

    def id_list(self) -> None:
        """The hidden sheet of every element's id and name, for the links' drop-downs."""
        sheet = self.book.create_sheet(self.sheet_name(ID_LIST))
        sheet.sheet_state = "hidden"
        self.header(sheet, [t("id", self.lang), t("name", self.lang)])
        r = 2
        for section in MAP_SECTIONS:
            for record in self.data[section]:
                self.text(sheet.cell(r, 1), record["id"], f"{record['id']} id")
                self.text(sheet.cell(r, 2), record["name"], f"{record['id']} name")
                r += 1
        print_setup(sheet, self.plan.title, self.lang)  # if someone shows and prints it

    def plan_sheet(self) -> None:
        from openpyxl.styles import Alignment, Font

        sheet = self.book.create_sheet(self.sheet_name("plan"))
        self.header(sheet, [t("field", self.lang), t("value", self.lang), t("help", self.lang)])
        info = {"schema": self.data["schema"], **self.data["plan"]}
        for r, row in enumerate(PLAN_ROWS, start=2):
            word = sheet.cell(r, 1)
            self.text(word, t(row.word, self.lang), "plan")
            word.font = Font(name=theme.SHEET_FONT, size=11, bold=True)
            word.alignment = Alignment(vertical="top")
            value = sheet.cell(r, 2)
            value.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
            self.put(value, row, _get(info, row.path), f"plan {row.word}")
            if row.word in PLAN_HELP:
                help_cell = sheet.cell(r, 3)
                self.text(help_cell, t(PLAN_HELP[row.word], self.lang), "plan")
                help_cell.font = Font(name=theme.SHEET_FONT, size=11, italic=True, color=_HELP_INK)
                help_cell.alignment = Alignment(vertical="top", wrap_text=True)
            if row.kind.startswith("choice:"):
                from openpyxl.worksheet.datavalidation import DataValidation

                check = DataValidation(type="list", formula1='"nb,en"', showErrorMessage=True)
                check.add(f"B{r}")
                sheet.add_data_validation(check)
        sheet.column_dimensions["A"].width = 30  # "Optimismefradrag, gevinster"
        sheet.column_dimensions["B"].width = 60
        sheet.column_dimensions["C"].width = 48
        fit_row_heights(sheet, [30, 60, 48], len(PLAN_ROWS))
        sheet.freeze_panes = "A2"
        print_setup(sheet, self.plan.title, self.lang)

    def build(self) -> Any:
        self.plan_sheet()
        for section in MAP_SECTIONS:
            rows = [(r["id"], r) for r in self.data[section]]
            self.table(section, SHEETS[section], rows)
        links = [
            (record["id"], {"from": record["id"], **link, "relation": relation})
            for section in MAP_SECTIONS
            for record in self.data[section]
            for field, relation in (("contributes_to", "contributes"), ("mitigates", "mitigates"))
            for link in record.get(field, ())
        ]
        self.table("links", TABLES["links"], links)
        for section in ("stakeholders", "indicators"):
            rows = [(r["id"], r) for r in self.data[section]]
            self.table(section, SHEETS[section], rows)
        targets = [
            (ind["id"], {"indicator": ind["id"], **target})
            for ind in self.data["indicators"]
            for target in ind["targets"]
        ]
        self.table("targets", TABLES["targets"], targets)
        for section in ("measurements", "reviews"):
            rows = [(f"{section}[{i}]", r) for i, r in enumerate(self.data[section])]
            self.table(section, TABLES[section], rows)
        self.id_list()
        props = self.book.properties
        props.creator = "gevinst"
        props.title = self.plan.title
        props.created = props.modified = _FIXED_TIME
        return self.book


def style_header(sheet: Worksheet) -> None:
    """The header row (row 1) as in the deck's and the report's tables: bold white on
    the heading colour, two lines high so a long title wraps."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    fill = PatternFill("solid", fgColor=_HEADER_FILL)
    font = Font(name=theme.SHEET_FONT, size=11, bold=True, color=_HEADER_INK)
    line = Side(style="thin", color=_HEADER_INK)
    for cell in sheet[1]:
        cell.fill = fill
        cell.font = font
        cell.border = Border(left=line, right=line)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    sheet.row_dimensions[1].height = 30


def fit_row_heights(sheet: Worksheet, widths: Sequence[float], rows: int) -> None:
    """Tall enough for wrapped text: spreadsheet programs do not grow rows on opening."""
    for r in range(2, rows + 2):
        lines = max(
            (
                sum(max(1, math.ceil(len(line) * 0.8 / (width - 1))) for line in _lines(text))
                for text, width in ((sheet.cell(r, c).value, w) for c, w in enumerate(widths, 1))
                if isinstance(text, str)  # a number never wraps (too narrow, it shows ###)
            ),
            default=1,
        )
        if lines > 1:
            sheet.row_dimensions[r].height = 15 * min(lines, 20)


def print_setup(sheet: Worksheet, title: str, language: str, note: str = "") -> None:
    """Landscape A4, one page wide, the header row on every page, ``title`` at the top
    left, the sheet's name at the top right, ``note`` at the bottom left and "Side 2 av
    3" at the bottom right: how a consultant prints, and a page that still says where it
    belongs once handed on."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.print_options.gridLines = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4  # inches: room for columns
    # "&" starts a code in a header or footer ("&P" the page number): the text's own
    # are doubled; each holds 255 characters in all, so the texts are cut at 100
    sheet.oddHeader.left.text = _margin_text(title)
    sheet.oddHeader.right.text = "&A"  # the sheet's name
    if note:
        sheet.oddFooter.left.text = _margin_text(note)
    sheet.oddFooter.right.text = t("page_of_pages", language).format(page="&P", pages="&N")


def _margin_text(text: str) -> str:
    line = " ".join(text.split())
    return (line if len(line) <= 100 else line[:99] + "\u2026").replace("&", "&&")


def _get(record: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = record
    for part in path:
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _point(value: Any, point: str) -> Any:
    """One cell of an amount: ``[low, most_likely, high]`` in three cells, one number in
    the most likely cell (the low and high cells stay empty)."""
    if isinstance(value, list):
        return value[POINTS[point]]
    return None if point else value


def _title_width(title: str, column: Column) -> int:
    """The width a header needs; the long headers of an amount wrap onto two lines
    ("Årlig verdi," above "mest sannsynlig"), as the header row is two lines high."""
    if column.kind != "money":
        return len(title)
    first, comma, rest = title.partition(", ")
    return max(len(first + comma), len(rest))


def _lines(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, dt.date):
        return ["2025-01-01"]
    return str(value).split("\n")


def _lines_cell(items: list[str]) -> str:
    """Assumptions: one alone; several as bulleted lines; JSON where lines could not tell.

    A wrapped line could be taken for two assumptions; the bullets say where each begins.
    """
    plain = all(
        item and "\n" not in item and "\r" not in item and not item.startswith(BULLET)
        for item in items
    )
    if plain and len(items) > 1:
        return "\n".join(f"{BULLET} {item}" for item in items)
    if plain and not items[0].startswith("["):
        return items[0]
    return json.dumps(items, ensure_ascii=False)


def _put_number(cell: Any, value: float, *, money: bool) -> None:
    if not math.isfinite(value):
        cell.value = repr(value)  # inf, -inf, nan: Excel has no such number
        cell.data_type = "s"
    elif float(f"{value:.16g}") != value:
        cell.value = repr(value)  # openpyxl writes 16 digits; keep all 17 as text
        cell.data_type = "s"
    else:
        cell.value = value
        if money:
            cell.number_format = "#,##0" if value.is_integer() else "#,##0.00"


def workbook_bytes(plan: Plan) -> bytes:
    """The plan as the bytes of an .xlsx workbook (same plan, same bytes).

    Raises:
        PersonalDataError: the plan holds a national identity number (GV201).

    Examples:
        >>> import gevinst as gv
        >>> plan = gv.Plan.new("demo", "Demo", language="en")
        >>> workbook_bytes(plan)[:2]
        b'PK'
    """
    from openpyxl.xml.functions import tostring

    refuse(plan)
    book = _Writer(plan).build()
    buffer = io.BytesIO()
    book.save(buffer)
    book.properties.modified = _FIXED_TIME
    core = tostring(book.properties.to_tree())
    return deterministic_zip(buffer.getvalue(), core)


# --------------------------------------------------------------------------------------
# Reading
