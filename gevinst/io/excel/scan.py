"""The scan of a workbook's cells for personal data: identity numbers in any cell.

Before a workbook is loaded, :func:`find_in_workbook` looks at every cell of every
sheet, read or not (hidden sheets and columns, cells outside the table, formulas as
written), and at the sheet names, for Norwegian identity numbers
(:mod:`gevinst.personal_data`). It opens the workbook through
:mod:`gevinst.io.excel.guard`, within the same limits as reading it.

Examples:
    >>> import gevinst as gv, tempfile, pathlib
    >>> plan = gv.Plan.new("demo", "Demo")
    >>> _ = plan.add_goal("G1", "Bergens barn, byens framtid")
    >>> path = gv.save(plan, pathlib.Path(tempfile.mkdtemp()) / "plan.xlsx")
    >>> find_in_workbook(path.read_bytes(), str(path))
    []
"""

from __future__ import annotations

import warnings
from typing import Any

from gevinst.errors import WorkbookError
from gevinst.io.excel.guard import DAMAGED, open_workbook
from gevinst.personal_data import ELEVEN_DIGITS, Hit, is_national_id, texts

__all__ = ["find_in_workbook"]


def _holds_id(value: Any) -> bool:
    if not isinstance(value, str | int | float):
        value = getattr(value, "text", None)  # an array formula
        if not isinstance(value, str):
            return False
    return any(
        is_national_id(match.group(1) + match.group(2))
        for _, text in texts(value, "")
        for match in ELEVEN_DIGITS.finditer(text)
    )


def find_in_workbook(raw: bytes, source: str) -> list[Hit]:
    """Every identity number in a workbook's cells and sheet names, by sheet and cell.

    Every cell of every sheet counts, read or not (hidden sheets and columns, cells
    outside the table, formulas as written). The sheet XML is read as it is stored, so
    a sheet whose rows say they are far apart costs no more than its size.
    """
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet
    from openpyxl.worksheet._reader import WorkSheetParser

    book = open_workbook(raw, source)
    hits: list[Hit] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # dates out of range and the like, as when reading
            for number, name in enumerate(book.sheetnames, start=1):
                if _holds_id(name):
                    hits.append(Hit(source, sheet=f"number {number}", field="sheet name"))
                sheet = book[name]
                if not isinstance(sheet, ReadOnlyWorksheet):
                    continue  # a chart sheet holds no cells
                stored = sheet._get_source  # the sheet's XML as stored, without filling gaps
                try:
                    with stored() as xml:
                        parser = WorkSheetParser(xml, book.shared_strings)
                        for _, cells in parser.parse():
                            hits.extend(
                                Hit(source, line=c["row"], column=c["column"], sheet=name)
                                for c in cells
                                if c["value"] is not None and _holds_id(c["value"])
                            )
                except DAMAGED as exc:
                    raise WorkbookError(
                        f"the sheet cannot be read ({type(exc).__name__}: {exc}); the file "
                        "is damaged: open it in Excel and save it again",
                        source=source,
                        sheet=name,
                    ) from exc
    finally:
        book.close()
    return hits
