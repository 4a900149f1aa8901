"""The one formatter: numbers, percentages, money, rates and dates for people, and
Markdown, each written in one place and the same in every output."""

from __future__ import annotations

import datetime as dt
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gevinst as gv
from gevinst.i18n.formats import (
    format_date,
    format_money,
    format_number,
    format_percent,
    format_quantity,
    format_rate,
    format_signed,
    whole_percent,
    with_unit,
)
from gevinst.i18n.markdown import markdown_escape, markdown_table

NBSP = "\u00a0"
MINUS = "\u2212"
ROOT = Path(__file__).resolve().parents[2]
BERGEN = ROOT / "examples" / "bergen_barnevern" / "plan.yaml"

# -- values worked out by hand ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "language", "decimals", "expected"),
    [
        (0, "nb", 0, "0"),
        (0, "en", 1, "0.0"),
        (-0.0, "nb", 0, "0"),  # no sign on zero
        (-0.4, "nb", 0, "0"),  # rounds to zero: no sign either
        (-0.04, "en", 1, "0.0"),
        (-0.0004, "nb", 3, "0,000"),
        (1234.5, "nb", 1, f"1{NBSP}234,5"),
        (1234.5, "en", 1, "1,234.5"),
        (-1234.5, "nb", 1, f"{MINUS}1{NBSP}234,5"),
        (-1234.5, "en", 1, "-1,234.5"),
        (1e15, "nb", 0, f"1{NBSP}000{NBSP}000{NBSP}000{NBSP}000{NBSP}000"),
        (1e15, "en", 0, "1,000,000,000,000,000"),
        # ties go to the even neighbour: 0.5 -> 0, 1.5 -> 2, 2.5 -> 2, -2.5 -> -2
        (0.5, "nb", 0, "0"),
        (1.5, "nb", 0, "2"),
        (2.5, "en", 0, "2"),
        (-2.5, "nb", 0, f"{MINUS}2"),
        (0.125, "en", 2, "0.12"),  # 0.125 is exact in binary: a true tie
        (2.675, "en", 2, "2.67"),  # 2.675 is 2.67499999... in binary: no tie
        (78.8, "nb", 1, "78,8"),
        (78.8, "en", 1, "78.8"),
    ],
)
def test_numbers(value: float, language: str, decimals: int, expected: str) -> None:
    assert format_number(value, language, decimals) == expected


def test_not_finite_numbers_are_written_as_they_are() -> None:
    assert format_number(float("nan"), "nb") == "nan"
    assert format_number(float("-inf"), "en") == "-inf"


@pytest.mark.parametrize(
    ("share", "language", "expected"),
    [
        (0.614, "nb", f"61{NBSP}%"),
        (0.614, "en", "61%"),
        (0.0, "nb", f"0{NBSP}%"),
        (-0.0, "en", "0%"),
        (-0.004, "nb", f"0{NBSP}%"),  # -0.4 % rounds to 0: no minus
        (-0.25, "nb", f"{MINUS}25{NBSP}%"),
        (-0.25, "en", "-25%"),
        (1.0, "en", "100%"),
        (0.125, "nb", f"12{NBSP}%"),  # 12.5 exactly: tie to even
        (0.375, "en", "38%"),  # 37.5 exactly: tie to even
        (0.8999999999999999, "nb", f"90{NBSP}%"),
        (12.5, "nb", f"1{NBSP}250{NBSP}%"),
        (12.5, "en", "1,250%"),
        (None, "nb", "\u2013"),
        (None, "en", "\u2013"),
    ],
)
def test_percentages(share: float | None, language: str, expected: str) -> None:
    assert format_percent(share, language) == expected


def test_percent_with_decimals() -> None:
    assert format_percent(0.7875, "nb", 1) == f"78,8{NBSP}%"  # 78.75 is exact: tie to 78.8
    assert format_percent(0.7875, "en", 1) == "78.8%"


@pytest.mark.parametrize(
    ("value", "currency", "language", "millions", "expected"),
    [
        (43_509_742, "NOK", "nb", True, "43,5 mill. kr"),
        (43_509_742, "NOK", "en", True, "NOK 43.5 million"),
        (43_509_742, "NOK", "nb", False, f"43{NBSP}509{NBSP}742 NOK"),
        (43_509_742, "NOK", "en", False, "43,509,742 NOK"),
        (-1_500, "NOK", "nb", False, f"{MINUS}1{NBSP}500 NOK"),
        (-1_500, "NOK", "en", False, "-1,500 NOK"),
        (1_250_000, "EUR", "nb", True, "EUR 1,2 mill."),  # 1.25: tie to even
        (1_350_000, "EUR", "en", True, "EUR 1.4 million"),  # 1.35 is 1.350000...01
        (1_500, "EUR", "nb", False, f"1{NBSP}500 EUR"),
        (0, "NOK", "nb", True, "0,0 mill. kr"),
        (-0.0, "NOK", "en", False, "0 NOK"),
        (-20_000, "NOK", "nb", True, "0,0 mill. kr"),  # -0.02 million rounds to zero
    ],
)
def test_money(value: float, currency: str, language: str, millions: bool, expected: str) -> None:
    assert format_money(value, currency, language, millions) == expected


@pytest.mark.parametrize(
    ("rate", "language", "expected"),
    [
        (0.04, "nb", f"4{NBSP}%"),
        (0.04, "en", "4%"),
        (0.035, "nb", f"3,5{NBSP}%"),
        (0.035, "en", "3.5%"),
        (0.0325, "nb", f"3,25{NBSP}%"),
        (0.0, "en", "0%"),
        (None, "nb", f"R-109 (4/3/2{NBSP}%)"),
        (None, "en", "R-109 (4/3/2%)"),
    ],
)
def test_rates(rate: float | None, language: str, expected: str) -> None:
    assert format_rate(rate, language) == expected


def test_signed_changes_quantities_units_and_dates() -> None:
    assert format_signed(3, "nb") == "+3"
    assert format_signed(-1.5, "nb", 1) == f"{MINUS}1,5"
    assert format_signed(-1.5, "en", 1) == "-1.5"
    assert format_signed(0.04, "en", 1) == "0.0"
    assert format_signed(-0.04, "nb", 1) == "0,0"
    assert format_signed(1234, "nb") == f"+1{NBSP}234"
    assert format_quantity(12.0, "nb") == "12"
    assert format_quantity(0.25, "en") == "0.25"
    assert format_quantity(-2.5, "nb") == f"{MINUS}2,5"
    assert format_quantity(1 / 3, "nb") == "0,333333"
    assert format_quantity(12345.678, "en") == "12,345.7"
    assert with_unit("12", "uker", "nb") == "12 uker"
    assert with_unit("12", "%", "nb") == f"12{NBSP}%"
    assert with_unit("12", "%", "en") == "12%"
    day = dt.date(2025, 10, 1)
    assert format_date(day, "nb") == "1. oktober 2025"
    assert format_date(day, "en") == "1 October 2025"
    assert format_date(day, "nb", short=True) == "okt. 2025"
    assert format_date(day, "en", short=True) == "Oct 2025"
    assert format_date(day, "nb", compact=True) == "1.10.2025"
    assert format_date(day, "en", compact=True) == "1 Oct 2025"


# -- the property: a share printed as a percentage is its whole percent ----------------------


@given(
    share=st.floats(min_value=-20.0, max_value=20.0, allow_nan=False),
    language=st.sampled_from(["nb", "en"]),
)
def test_a_share_printed_as_percent_is_its_whole_percent(share: float, language: str) -> None:
    whole = whole_percent(share)
    digits = f"{abs(whole):,}"
    sign = "" if whole >= 0 else ("-" if language == "en" else MINUS)
    if language == "en":
        assert format_percent(share, language) == f"{sign}{digits}%"
    else:
        assert format_percent(share, language) == f"{sign}{digits.replace(',', NBSP)}{NBSP}%"


# -- Markdown ---------------------------------------------------------------------------------


def test_markdown_escape_and_table() -> None:
    assert markdown_escape("Mål *1* | <b> & [x]\n# y") == (
        "Mål \\*1\\* \\| &lt;b&gt; &amp; \\[x\\] \\# y"
    )
    assert markdown_escape("a\tb\x07") == "a b\\\\u0007"  # the backslash shows
    assert markdown_escape(f"61{NBSP}%") == f"61{NBSP}%"  # numbers pass unchanged
    assert markdown_table(
        ["Id", "Navn", "Score", "+/\u2212"], [["G1", "A|B", "61 %", "+"]], {2}, {3}
    ) == [
        "| Id | Navn | Score | +/\u2212 |",
        "|---|---|---:|:---:|",
        "| G1 | A\\|B | 61 % | + |",
    ]


# -- the same percentage written the same way in every output of the Bergen example ----------


class _Rows(HTMLParser):
    """The text of each cell, row by row, of every table in an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self.rows:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


@pytest.mark.parametrize("language", ["nb", "en"])
def test_bergen_scores_are_written_alike_in_markdown_deck_and_html(language: str) -> None:
    from pptx import Presentation

    from gevinst.report import report_bytes

    plan = gv.load(BERGEN)
    at = dt.date(2025, 10, 1)
    ev = gv.evaluate(plan, at=at)
    # the whole percent of each scored goal, written by hand-rule (not by the formatter)
    scores = {
        gid: ev.elements[gid].score for gid in ("G1", "G2") if ev.elements[gid].score is not None
    }
    assert scores, "Bergen has scored goals at 2025-10-01"
    expected = {
        gid: f"{round(100 * s)}{'%' if language == 'en' else NBSP + '%'}"
        for gid, s in scores.items()
    }

    markdown = report_bytes(plan, "md", at=at, language=language).decode("utf-8")
    md_rows = {
        cells[0]: cells
        for line in markdown.splitlines()
        if line.startswith("| ")
        for cells in [[c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]]
    }

    deck = Presentation(
        io.BytesIO(report_bytes(plan, "pptx", at=at, language=language, appendix=True))
    )
    deck_rows: dict[str, list[str]] = {}
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_table:
                for row in shape.table.rows:
                    cells = [c.text_frame.text.strip() for c in row.cells]
                    deck_rows.setdefault(cells[0], cells)

    page = _Rows()
    page.feed(report_bytes(plan, "html", at=at, language=language).decode("utf-8"))
    html_rows = {row[0]: row for row in page.rows if row}

    for gid, text in expected.items():
        assert text in md_rows[gid], (gid, md_rows[gid])
        assert text in deck_rows[gid], (gid, deck_rows[gid])
        assert text in html_rows[gid], (gid, html_rows[gid])
        # and never a second spelling of the same number anywhere in the three
        other = f"{round(100 * scores[gid])}{NBSP + '%' if language == 'en' else '%'}"
        assert other not in " ".join(md_rows[gid] + deck_rows[gid] + html_rows[gid])


# -- the guard: no number is formatted for people outside the formats module ----------------

#: A format spec inside an f-string or str.format field that writes a number:
#: ``{x:.1f}``, ``{x:,}``, ``{x:,.0f}``, ``{x:05d}``, ``{x:g}``, ``{x:.0%}`` (a spec with
#: no space after the colon, so a dict literal ``{k: 1}`` is not one).
NUMBER_SPEC = re.compile(r"\{[^{}\n:]*:(?=[^}\s])[<>^=+#0-]*\d*[,_]?(?:\.\d+)?[dfFgGeE%n]?\}")
#: printf style: ``"%.2f" % x``, ``"%d" % n``.
OLD_STYLE = re.compile(r"%[-+ #0]*\d*(?:\.\d+)?[dfgeE][^\"'\n]*[\"']\s*%")


def _number_formats(code: str) -> list[str]:
    return [m.group(0) for m in NUMBER_SPEC.finditer(code)] + [
        m.group(0) for m in OLD_STYLE.finditer(code)
    ]


#: (file, text on the line): places that format a number but not for a reader, each
#: with the reason. Anything else found is a number written for people outside
#: gevinst/i18n/formats.py, and fails the test below.
ALLOWED = {
    # SVG coordinates: a machine format, two decimals, no locale
    ("gevinst/render/svg.py", 'text = f"{value:.2f}".rstrip("0").rstrip(".")'),
    # Mermaid/CSS stroke widths: a machine format
    ("gevinst/render/mermaid.py", "stroke-width:{width:.1f}px"),
    ("gevinst/render/mermaid.py", "stroke-width:{look.stroke_width:.1f}px"),
    ("gevinst/render/mermaid.py", 'stroke-dasharray:{:g} {:g}".format(*theme.DASHES'),
    # a national identity number rebuilt with its leading zeros, to be matched, never shown
    ("gevinst/personal_data.py", 'f"{abs(int(value)):011d}"'),
    # checks that a float survives 16 significant digits in an Excel cell
    ("gevinst/io/excel/write.py", 'float(f"{value:.16g}")'),
}

#: Modules whose f-string numbers are only in error messages (English only, for the
#: developer or the plan's author): ``{value:g}`` echoes a value as the plan file spells
#: it, ``{n:,}`` is a size or a limit with the en thousands separator.
ERROR_MESSAGES_ONLY = {
    "gevinst/io/plans.py",
    "gevinst/io/excel/read.py",
    "gevinst/io/excel/guard.py",
    "gevinst/io/measurements.py",
    "gevinst/analysis/limits.py",
    "gevinst/analysis/money.py",
    "gevinst/analysis/checks.py",
    "gevinst/analysis/checks_structure.py",
    "gevinst/analysis/simulate.py",
    "gevinst/analysis/checks_money.py",
}


def _found() -> list[tuple[str, int, str]]:
    hits = []
    for path in sorted((ROOT / "gevinst").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name == "gevinst/i18n/formats.py" or name in ERROR_MESSAGES_ONLY:
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if _number_formats(line) and not any(name == f and text in line for f, text in ALLOWED):
                hits.append((name, number, line.strip()))
    return hits


def test_no_number_is_formatted_for_people_outside_the_formats_module() -> None:
    assert _found() == []


def test_the_guard_finds_what_it_looks_for() -> None:
    for text in ('f"{x:.1f} %"', 'f"{n:,}"', 'f"{share:.0%}"', 'f"{v:,.0f} NOK"', '"%.2f" % x'):
        assert _number_formats(text), text
    for text in ('f"{name}: {value}"', 'f"{a!r}"', '{"k": 1}', 'f"{day:%Y}"'):
        assert not _number_formats(text), text
