"""Hostile text in every text field, through every command and every output format.

An attack from outside, kept as a test: the Bergen plan with each of its texts replaced
by something that means something in one of the formats we write (a spreadsheet formula,
a script, Markdown structure, Mermaid and DOT syntax). Every output is then opened with
the library that reads that format, and must be well-formed, show the text as text and
run nothing: no formula in a CSV or spreadsheet cell, no script or event handler in SVG
or HTML, no heading or list injected into Markdown, DOT that Graphviz parses, JSON that
parses, a deck that python-pptx opens, a plan that reads back equal.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest
from click.testing import CliRunner
from pptx import Presentation

import gevinst as gv
from gevinst.cli import cli
from tests.conftest import BERGEN

HOSTILE = [
    '=HYPERLINK("http://example.invalid/?q="&A1,"Klikk her")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "<script>alert('æøå')</script>",
    '<img src=x onerror="alert(1)">',
    "Tiltak\n# Overskrift\n- punkt",
    "A --> B ]] | end; } {",
    '"; digraph x { a -> b } "\\',
    "`kode` *fet* [lenke](http://example.invalid) | celle",
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
INJECTED_MD = ("# Overskrift", "- punkt")


def _hostile_plan() -> gv.Plan:
    plan = gv.load(BERGEN)
    texts = itertools.cycle(HOSTILE)
    plan.info.title = next(texts)
    plan.info.organisation = next(texts)
    for section in (
        plan.goals,
        plan.objectives,
        plan.benefits,
        plan.disbenefits,
        plan.changes,
        plan.measures,
    ):
        for element in section:
            element.name = next(texts)
            element.description = next(texts)
            element.assumptions = [next(texts)]
            for link in element.contributes_to:
                link.note = next(texts)
    for stakeholder in plan.stakeholders:
        stakeholder.name = next(texts)
        stakeholder.group = next(texts)
    for indicator in plan.indicators:
        indicator.name = next(texts)
        indicator.unit = next(texts)
        indicator.source = next(texts)
    for review in plan.reviews:
        review.comment = next(texts)
    return plan


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "plan.yaml"
    gv.save(_hostile_plan(), path)
    return path


def _run(*args: str) -> None:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert result.exit_code == 0, result.output


def _assert_csv_is_inert(data: bytes) -> None:
    for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))):
        for cell in row:
            if cell.startswith(FORMULA_START):
                float(cell.replace(",", "."))  # only a number may start with - or +


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the code inside script elements (a
    script of type application/json is data, not code)."""

    def __init__(self) -> None:
        super().__init__()
        self.attributes: list[tuple[str, str]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes += [(tag, name) for name, _ in attrs]
        kind = dict(attrs).get("type") or "text/javascript"
        self._in_script = tag == "script" and "json" not in kind

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def _assert_markup_is_inert(data: bytes) -> None:
    tags = _Tags()
    tags.feed(data.decode("utf-8"))
    assert not [a for a in tags.attributes if a[1].lower().startswith("on")], tags.attributes
    assert not [s for s in tags.scripts if "alert(" in s]


def _assert_markdown_is_inert(data: bytes) -> None:
    lines = data.decode("utf-8").splitlines()
    assert not [line for line in lines if line.lstrip().startswith(INJECTED_MD)]
    assert "<script>alert(" not in "\n".join(lines)


def _assert_svg(data: bytes) -> None:
    root = ElementTree.fromstring(data)
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    assert not [a for e in root.iter() for a in e.attrib if a.lower().startswith("on")]


def _assert_xlsx(path: Path) -> None:
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate}: {cell.value!r}"


def _assert_pptx(path: Path) -> None:
    deck = Presentation(str(path))
    texts = [
        shape.text_frame.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame
    ]
    assert any("<script>" in text for text in texts)  # shown as text, not dropped


def _check(path: Path) -> None:
    data = path.read_bytes()
    suffix = path.suffix
    if suffix == ".csv":
        _assert_csv_is_inert(data)
    elif suffix == ".md":
        _assert_markdown_is_inert(data)
    elif suffix == ".svg":
        _assert_svg(data)
    elif suffix == ".html":
        _assert_markup_is_inert(data)
    elif suffix == ".json":
        json.loads(data)
    elif suffix == ".xlsx":
        _assert_xlsx(path)
    elif suffix == ".pptx":
        _assert_pptx(path)
    elif suffix == ".dot":
        from gevinst.layout.geometry import run_dot

        ElementTree.fromstring(run_dot(data.decode("utf-8"), "svg"))
    elif suffix == ".mmd":
        assert "<script>alert(" not in data.decode("utf-8")
    elif suffix == ".png":
        assert data.startswith(b"\x89PNG")
    elif suffix == ".pdf":
        assert data.startswith(b"%PDF")
    else:  # pragma: no cover - every suffix below is handled above
        raise AssertionError(suffix)


COMMANDS = [
    *(("render", s, ()) for s in (".svg", ".html", ".dot", ".mmd", ".json", ".png")),
    *(("evaluate", s, ("--at", "2025-10-01")) for s in (".csv", ".json", ".md", ".xlsx")),
    *(("stakeholders", s, ()) for s in (".csv", ".md", ".svg")),
    *(("report", s, ("--at", "2025-10-01")) for s in (".md", ".html", ".pptx")),
]


@pytest.mark.parametrize(
    ("command", "suffix", "extra"), COMMANDS, ids=[f"{c}{s}" for c, s, _ in COMMANDS]
)
def test_hostile_text_stays_text(
    hostile: Path, tmp_path: Path, command: str, suffix: str, extra: tuple[str, ...]
) -> None:
    out = tmp_path / f"out{suffix}"
    _run(command, str(hostile), "-o", str(out), *extra)
    _check(out)


@pytest.mark.parametrize("suffix", [".json", ".xlsx", ".yaml"])
def test_hostile_text_round_trips(hostile: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"plan{suffix}"
    _run("convert", str(hostile), str(out))
    if suffix == ".xlsx":
        _assert_xlsx(out)
    assert gv.load(out) == gv.load(hostile)


@pytest.mark.browser
@pytest.mark.parametrize("command", ["render", "report"])
def test_hostile_html_runs_nothing_in_a_browser(
    hostile: Path, tmp_path: Path, command: str
) -> None:
    """The pages opened in headless Chromium: no alert opens, no element carries an
    event handler from the plan, and the hostile names are there as text."""
    from selenium.common.exceptions import NoAlertPresentException

    from tests.conftest import chromium

    out = tmp_path / "side.html"
    _run(command, str(hostile), "-o", str(out), *(("--at", "2025-10-01") * (command == "report")))
    with chromium() as driver:
        driver.get(out.as_uri())
        with pytest.raises(NoAlertPresentException):
            driver.switch_to.alert.text  # noqa: B018 - asking is the check
        handlers = driver.execute_script(
            "return [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]"
            ".filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name));"
        )
        assert handlers == []
        text = driver.execute_script("return document.documentElement.textContent;")
        assert "<script>alert('æøå')</script>" in text
