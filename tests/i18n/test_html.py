"""HTML tables for notebooks: every text escaped, read back by an HTML parser."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from gevinst.i18n import html as html_module
from gevinst.i18n.html import html_table


class _Cells(HTMLParser):
    """The caption, and the text of each cell by row, as a browser reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.caption = ""
        self.rows: list[list[str]] = []
        self.tags: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th", "caption"):
            self._in = tag
            if tag != "caption":
                self.rows[-1].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th", "caption"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "caption":
            self.caption += data
        elif self._in:
            self.rows[-1][-1] += data


def cells(html: str) -> _Cells:
    parser = _Cells()
    parser.feed(html)
    parser.close()
    return parser


def test_text_from_a_plan_stays_text() -> None:
    hostile = '<script>alert("x")</script> & <b>'
    parsed = cells(html_table(hostile, ["Id", "Navn"], [["B1", hostile]], note=hostile))
    assert parsed.caption == hostile
    assert parsed.rows == [["Id", "Navn"], ["B1", hostile], [hostile]]
    assert "script" not in parsed.tags and "b" not in parsed.tags


def test_fill_and_alignment() -> None:
    html = html_table("T", ["a", "b"], [["x", ("y", "#A7DCC9")]], right={1})
    assert '<td style="text-align:right;background:#A7DCC9">y</td>' in html
    assert '<td style="text-align:left">x</td>' in html


@pytest.mark.parametrize("fill", ["red", "#12345", "#GGGGGG", '#000000" onclick="x'])
def test_a_fill_is_a_colour_or_refused(fill: str) -> None:
    with pytest.raises(ValueError, match="#RRGGBB"):
        html_table("T", ["a"], [[("x", fill)]])


def test_long_tables_are_cut_with_a_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_module, "MAX_ROWS", 3)
    rows = [[str(i)] for i in range(5)]
    parsed = cells(html_table("T", ["n"], rows, more="and {n} more"))
    assert parsed.rows == [["n"], ["0"], ["1"], ["2"], ["and 2 more"]]
