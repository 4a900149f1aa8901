"""A national identity number in a hidden cell of a plan workbook, far outside the table.
Before the fix the workbook was refused for the stray value with no word of the number;
the number itself, in a cell that is read, was converted to YAML and exit 0."""

from __future__ import annotations

from pathlib import Path

from tests.hostile import Case


def make(tmp: Path) -> Case:
    import openpyxl

    import gevinst as gv

    book_path = tmp / "plan.xlsx"
    plan = gv.Plan.new("p", "Prøve")
    plan.add_goal("G1", "Trygge barn")
    gv.save(plan, book_path)
    book = openpyxl.load_workbook(book_path)
    book["Samfunnsmål"]["D2"] = "Saken gjelder 150190 10063"  # the description, read
    sheet = book["Tiltak"]
    sheet["AB300"] = 15019010063  # a number, in a hidden column far from the table
    sheet.column_dimensions["AB"].hidden = True
    book.save(book_path)
    out = tmp / "plan.yaml"
    return Case(
        args=["convert", str(book_path), str(out)],
        exit=1,
        contains=[
            f"{book_path}: sheet Tiltak, cell AB300",
            "sheet Samfunnsmål, cell D2",
            "GV201",
        ],
        absent=["150190 10063", "15019010063"],
        not_written=[out],
        unchanged=[book_path],
    )
