"""Opening a workbook safely, within the size of a plan: the guard before every read.

A workbook is a zip of XML parts, and a hostile one can be small on disk and huge
unpacked, or nest entities that expand to gigabytes. Everything here runs before the
work it bounds: the file's size (:func:`read_file`), the zip's entries and their
declared sizes, the XML tags in all parts, then each sheet's declared used range
(:func:`check_dimension`) and every valued cell as it streams by
(:func:`sheet_cells`). A DTD or entity is refused (defusedxml; lxml parses without
them). Used by :mod:`gevinst.io.excel.read` (cells into plan data) and
:mod:`gevinst.io.excel.scan` (the scan for personal data).

Examples:
    >>> import gevinst as gv
    >>> from gevinst.io.excel.guard import open_workbook
    >>> try:
    ...     open_workbook(b"name,title", "p.xlsx")
    ... except gv.PlanError as exc:
    ...     print(exc)
    p.xlsx: is not an Excel workbook; open it in Excel and save it as 'Excel Workbook (*.xlsx)'
"""

from __future__ import annotations

import io
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl.utils import coordinate_to_tuple, get_column_letter

from gevinst.errors import Said, SaidNumber, WorkbookError

__all__ = [
    "DAMAGED",
    "MAX_COLUMNS",
    "MAX_ENTRIES",
    "MAX_PART",
    "MAX_ROWS",
    "MAX_TAGS",
    "MAX_UNPACKED",
    "check_dimension",
    "open_workbook",
    "read_file",
    "sheet_cells",
    "unreadable",
]

#: What openpyxl raises on a damaged file: broken zip, XML, numbers or dates in the XML.
DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    ValueError,
    TypeError,
    AttributeError,
    IndexError,
    SyntaxError,
    OSError,
)

# Limits, checked before the work they bound. The widest sheet has 15 columns and a plan
# has far fewer than 50,000 rows of one kind; a part of a plan workbook is a few MB.
MAX_ROWS = 50_000  # rows of a sheet
MAX_COLUMNS = 200  # columns of a sheet (A to GR)
MAX_ENTRIES = 1_000  # files in the zip (a plan workbook has about 60)
MAX_PART = 64 * 1024 * 1024  # bytes of one file in the zip, unpacked
MAX_UNPACKED = 128 * 1024 * 1024  # bytes of all files in the zip, unpacked
# XML tags ('<') in all parts: what parsing costs is the number of elements, not bytes
# (``<c/>`` is four bytes). 50,000 rows of 8 values are about 1.7 million tags.
MAX_TAGS = 2_000_000

_AGAIN = Said("xl_again")


def unreadable(exc: Exception, source: str, sheet: str | None = None) -> WorkbookError:
    """A workbook openpyxl cannot parse, with the reason a user can act on."""
    from defusedxml import DefusedXmlException

    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, DefusedXmlException | _EntitiesForbidden):
        cause = cause.__cause__ or cause.__context__  # openpyxl wraps what the parser raised
    if cause is not None:
        reason = Said("xl_dtd", cause=cause, again=_AGAIN)
    elif sheet is not None:
        reason = Said("xl_sheet_damaged", problem=f"{type(exc).__name__}: {exc}")
    else:
        reason = Said("xl_unreadable", problem=f"{type(exc).__name__}: {exc}", again=_AGAIN)
    return WorkbookError(reason, source=source, sheet=sheet)


def open_workbook(raw: bytes, source: str) -> Any:
    """The read-only openpyxl workbook in ``raw``, once it is known to be a workbook of
    the size of a plan (see :data:`MAX_UNPACKED` and :data:`MAX_TAGS`)."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if not raw:
        raise WorkbookError(Said("xl_empty_file"), source=source)
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        problem = "xl_old_excel"
    elif not raw.startswith(b"PK"):
        problem = "xl_not_workbook"
    else:
        problem = ""
    if not problem:
        _check_size(raw, source)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # styles and extensions we do not read
                return load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
        except (InvalidFileException, *DAMAGED) as exc:
            raise unreadable(exc, source) from exc
    raise WorkbookError(Said(problem, again=_AGAIN), source=source)


def _check_size(raw: bytes, source: str) -> None:
    """Refuse a zip bomb before openpyxl unpacks it: entries, and their sizes as declared.

    A declared size bounds what is unpacked: :mod:`zipfile` stops reading a member at its
    declared size (and a member that claims less than it holds fails its checksum).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, *DAMAGED) as exc:
        raise unreadable(exc, source) from exc
    if len(entries) > MAX_ENTRIES:
        count, limit = SaidNumber(len(entries)), SaidNumber(MAX_ENTRIES)
        raise WorkbookError(Said("xl_many_files", count=count, limit=limit), source=source)
    largest = max(entries, key=lambda info: info.file_size, default=None)
    if largest is not None and largest.file_size > MAX_PART:
        size, limit = SaidNumber(largest.file_size), SaidNumber(MAX_PART)
        raise WorkbookError(
            Said("xl_large_part", part=largest.filename, size=size, limit=limit), source=source
        )
    unpacked = sum(info.file_size for info in entries)
    if unpacked > MAX_UNPACKED:
        size, limit = SaidNumber(unpacked), SaidNumber(MAX_UNPACKED)
        raise WorkbookError(Said("xl_unpacks", size=size, limit=limit), source=source)
    _count_tags(raw, source)


def _count_tags(raw: bytes, source: str) -> None:
    """Refuse a workbook whose XML has more tags than a plan has, before parsing it.

    Counting ``<`` in the unpacked parts runs in C, a megabyte at a time; parsing costs
    about a hundred times as much per tag. Pictures count their stray ``<`` bytes too
    (one in 256), which is far below the limit.
    """
    tags = 0
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            for info in archive.infolist():  # every part: a sheet may have any name
                with archive.open(info) as part:
                    while chunk := part.read(1024 * 1024):
                        tags += chunk.count(b"<")
                if tags > MAX_TAGS:
                    said = Said(
                        "xl_many_tags",
                        limit=SaidNumber(MAX_TAGS),
                        count=SaidNumber(tags),
                        part=info.filename,
                        rows=SaidNumber(MAX_ROWS),
                    )
                    raise WorkbookError(said, source=source)
    except WorkbookError:
        raise
    except DAMAGED as exc:
        raise unreadable(exc, source) from exc


def _beyond(row: int, column: int) -> str:
    """Why a cell at (row, column) is out of bounds, or '' when it is within them."""
    if column > MAX_COLUMNS:
        letter = get_column_letter(MAX_COLUMNS)
        return Said("xl_beyond_column", letter=letter, limit=MAX_COLUMNS)
    if row > MAX_ROWS:
        return Said("xl_beyond_row", limit=SaidNumber(MAX_ROWS))
    return ""


def check_dimension(sheet: Any, name: str, source: str) -> None:
    """Refuse a sheet whose declared used range (``<dimension ref=...>``) is out of bounds."""
    rows, columns = getattr(sheet, "max_row", None), getattr(sheet, "max_column", None)
    if rows is None or columns is None:
        return  # no dimension given: the cells are checked as they are read
    beyond = _beyond(rows, columns)
    if beyond:
        used = f"A1:{get_column_letter(min(columns, 16384))}{rows}"
        raise WorkbookError(
            Said("xl_dimension", used=used, beyond=beyond), source=source, sheet=name
        )


def sheet_cells(
    sheet: Any, name: str, source: str
) -> Iterator[tuple[int, list[tuple[int, Any, str]]]]:
    """The valued cells of a read-only openpyxl sheet, row by row: ``(row, [(column,
    value, data type)])``, in the order of the file.

    lxml parses the sheet's XML (in C; only rows and cells reach Python) without a DTD,
    entities or network; openpyxl's worksheet parser reads each cell's value (shared
    strings, dates, formulas). Each element is dropped once read, so memory stays that
    of one row whatever the size of the sheet.
    """
    from lxml import etree
    from openpyxl.worksheet._reader import CELL_TAG, ROW_TAG, WorkSheetParser

    book = sheet.parent
    with sheet._get_source() as src:  # the sheet's XML, as openpyxl opens it itself
        parser = WorkSheetParser(
            src,
            sheet._shared_strings,
            data_only=False,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        events = etree.iterparse(
            src,
            events=("end",),
            tag=(ROW_TAG, CELL_TAG),
            resolve_entities=False,
            load_dtd=False,
            no_network=True,
            remove_comments=True,
            remove_pis=True,
        )
        row = 0  # the row of the cells in ``cells``
        rows_read = 0  # the number of the last row element read (for rows without r=)
        cells: list[tuple[int, Any, str]] = []
        last = (0, 0)
        prolog_read = False
        for _, element in events:
            if not prolog_read:  # a DOCTYPE comes before the first element: refuse it
                if element.getroottree().docinfo.doctype:
                    raise unreadable(_EntitiesForbidden(), source, name)
                prolog_read = True
            parent = element.getparent()
            if element.tag == ROW_TAG:
                number = element.get("r")
                rows_read = rows_read + 1 if number is None else int(number)
                parser.col_counter = 0
                element.clear()
                if parent is not None:
                    parent.remove(element)  # read: drop it, keep memory flat
                continue
            if parser.col_counter == 0 and parent is not None:  # first cell of its row
                number = parent.get("r")
                parser.row_counter = rows_read + 1 if number is None else int(number)
            if len(element) == 0:  # no value, formula or text: only its place counts
                ref = element.get("r")
                parser.col_counter = (
                    parser.col_counter + 1 if ref is None else coordinate_to_tuple(ref)[1]
                )
                cell = None
            else:
                cell = parser.parse_cell(element)
            if parent is not None:
                parent.remove(element)  # read: drop it, keep memory flat
            if cell is None:
                continue
            value, kind = cell["value"], cell["data_type"]
            if value is None:
                continue
            at = (cell["row"], cell["column"])
            beyond = _beyond(*at)
            if beyond:
                ref = f"{get_column_letter(min(at[1], 18278))}{at[0]}"
                raise WorkbookError(
                    Said("xl_cell_beyond", ref=ref, beyond=beyond),
                    source=source,
                    sheet=name,
                    row=at[0],
                    column=at[1] if at[1] <= MAX_COLUMNS else None,
                )
            if at <= last:
                cell = f"{get_column_letter(at[1])}{at[0]}"
                raise WorkbookError(
                    Said("xl_cell_order", cell=cell, last=f"{get_column_letter(last[1])}{last[0]}"),
                    source=source,
                    sheet=name,
                )
            last = at
            if at[0] != row:
                if cells:
                    yield row, cells
                row, cells = at[0], []
            cells.append((at[1], value, kind))
        if cells:
            yield row, cells


class _EntitiesForbidden(ValueError):
    """A DTD in a sheet's XML, found by the sheet reader (defusedxml's word for it)."""


def read_file(path: Path) -> bytes:
    """The bytes of a workbook file, refused unread beyond :data:`MAX_UNPACKED` (a zip is
    no larger than what it unpacks to); reads at most that much, also from a device."""
    too_large = path.is_file() and path.stat().st_size > MAX_UNPACKED  # before reading
    if not too_large:
        with path.open("rb") as handle:
            raw = handle.read(MAX_UNPACKED + 1)
    if too_large or len(raw) > MAX_UNPACKED:
        limit = SaidNumber(MAX_UNPACKED)
        raise WorkbookError(Said("xl_file_too_large", limit=limit), source=str(path))
    return raw
