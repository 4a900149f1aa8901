"""Hand-crafted plan workbooks for tests: a normal workbook written by gevinst, then one
part of the zip (a sheet's XML, the shared strings) edited as an attacker would."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import gevinst as gv

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "minimal.yaml"


def plan_workbook(path: Path) -> Path:
    """The minimal example plan saved by gevinst as a workbook at ``path``."""
    return gv.save(gv.load(EXAMPLE), path)


def sheet_part(path: Path, title: str) -> str:
    """The zip member holding the sheet called ``title`` (xl/worksheets/sheetN.xml)."""
    with zipfile.ZipFile(path) as archive:
        book = archive.read("xl/workbook.xml").decode("utf-8")
        rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    match = re.search(rf'<sheet [^>]*name="{re.escape(title)}"[^>]*r:id="([^"]+)"', book)
    assert match, f"no sheet {title!r} in {path}"
    target = re.search(rf'<Relationship [^>]*Id="{match.group(1)}"[^>]*/>', rels)
    assert target
    part = re.search(r'Target="([^"]+)"', target.group(0))
    assert part
    return "xl/" + part.group(1).removeprefix("/xl/")


def edit_part(path: Path, part: str, change: Callable[[bytes], bytes]) -> None:
    """Rewrite the zip at ``path`` with ``change`` applied to the member ``part``."""
    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    assert part in {info.filename for info, _ in members}, f"no {part} in {path}"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            archive.writestr(info.filename, change(data) if info.filename == part else data)


def edit_sheet(path: Path, title: str, change: Callable[[bytes], bytes]) -> None:
    """Rewrite the XML of the sheet called ``title`` with ``change``."""
    edit_part(path, sheet_part(path, title), change)


def add_rows(xml: bytes, rows: bytes) -> bytes:
    """The sheet XML with ``rows`` (``<row>`` elements) added at the end of its data."""
    assert b"</sheetData>" in xml
    return xml.replace(b"</sheetData>", rows + b"</sheetData>", 1)


def text_cell(ref: str, text: str) -> bytes:
    """One cell holding ``text`` inline (no shared string needed)."""
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'.encode()
