"""The HTML report: one offline file, parsed as text and opened in headless Chromium."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import gevinst as gv
from gevinst.report import report, report_bytes
from tests.conftest import chromium

AT = "2025-10-01"
NASTY = 'Sagt "hei" <b>bold</b> & {x} ] \\ æøå'


class _Page(HTMLParser):
    """Tags, ids, table cells and text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.ids: list[str] = []
        self.cells: list[str] = []
        self.text: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.ids += [v or "" for k, v in attrs if k == "id"]
        if tag == "td":
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._cell is not None:
            self.cells.append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)


def parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    return parser


@pytest.fixture(scope="module")
def bergen_page() -> str:
    plan = gv.load(Path(__file__).parents[2] / "examples/bergen_barnevern/plan.yaml")
    return report_bytes(plan, "html", at=AT).decode("utf-8")


def test_no_external_urls_at_all(bergen_page: str) -> None:
    assert not re.search(r"https?://|//[a-z]", bergen_page.replace("//]]>", ""))
    assert "default-src 'none'" in bergen_page


def test_sections_tables_and_inline_svg_charts(bergen: gv.Plan, bergen_page: str) -> None:
    page = parse(bergen_page)
    for section in ("map", "status", "risks", "indicators", "reviews", "stakeholders", "money"):
        assert section in page.ids
    # the map, the status chart, 6 indicator charts, the grid, the waterfall, and for a
    # plan with ranges (Bergen has them) the S-curve and the tornado
    assert page.tags.count("svg") == 1 + 1 + 6 + 1 + 1 + 2
    assert page.tags.count("img") == 0
    # link notes (B1 -> B4, B11 -> B4), status (goals, objectives, benefits,
    # dis-benefits), risk and realisation, indicators, reviews, money, money year by year,
    # and the uncertainty: percentiles and drivers
    assert page.tags.count("table") == 1 + 4 + 1 + 1 + 1 + 1 + 1 + 2
    # B2: 29 % and off track (see tests/report/test_report_markdown.py for the hand calculation)
    cells = page.cells
    b2 = cells.index("B2")
    assert cells[b2 + 3 : b2 + 5] == ["■ Ikke i rute", "29\u00a0%"]
    text = "".join(page.text)
    for element in bergen.elements():
        assert element.name in text


def test_print_styles(bergen_page: str) -> None:
    assert "@media print" in bergen_page
    assert "break-before: page" in bergen_page


def test_names_are_text_not_markup() -> None:
    plan = gv.Plan.new("p", NASTY)
    plan.add_goal("G1", NASTY)
    plan.add_benefit("B1", "<script>alert(1)</script>", contributes_to=["G1"])
    page = report_bytes(plan, "html").decode("utf-8")
    parsed = parse(page)
    assert "b" not in parsed.tags
    assert parsed.tags.count("script") == 2  # the map's data and the page's script
    assert NASTY in "".join(parsed.text)


def test_same_plan_same_bytes(bergen: gv.Plan) -> None:
    assert report_bytes(bergen, "html", at=AT) == report_bytes(bergen, "html", at=AT)


def test_english(bergen: gv.Plan) -> None:
    page = report_bytes(bergen, "html", at=AT, language="en").decode("utf-8")
    assert '<html lang="en">' in page
    assert "Status of goals and benefits" in page


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium(1300, 1000) as driver:
        yield driver


@pytest.mark.browser
def test_opens_offline_and_the_map_is_interactive(
    browser: Any, bergen: gv.Plan, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    page = report(bergen, tmp_path / "rapport.html", at=AT)
    browser.get(page.as_uri())
    # nothing but the file itself was loaded
    loaded = browser.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
    )
    assert loaded == []
    assert browser.execute_script("return document.title").startswith("Smidige metoder")
    svg_count = browser.execute_script("return document.querySelectorAll('svg').length")
    assert svg_count == 12  # as counted in test_sections_tables_and_inline_svg_charts
    node = browser.find_element(By.CSS_SELECTOR, 'g.node[data-id="M8"]')
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", node)
    node.click()
    svg = browser.find_element(By.CSS_SELECTOR, "svg.gevinst-map")
    assert "focused" in svg.get_attribute("class").split()
    # M8 -> C6 -> B8, B9 -> O1, O4 -> G2 -> G1 is its chain; M1 is not on it
    for element, on_chain in (("C6", True), ("B8", True), ("G1", True), ("M1", False)):
        classes = browser.find_element(
            By.CSS_SELECTOR, f'g.node[data-id="{element}"]'
        ).get_attribute("class")
        assert ("chain" in classes.split()) == on_chain, element
    shot = tmp_path / "rapport.png"
    assert browser.save_screenshot(str(shot))
    assert shot.read_bytes()[:4] == b"\x89PNG"
    browser.find_element(By.TAG_NAME, "h1").click()


@pytest.mark.browser
def test_prints_to_pdf(browser: Any, bergen: gv.Plan, tmp_path: Path) -> None:
    import base64

    page = report(bergen, tmp_path / "rapport.html", at=AT)
    browser.get(page.as_uri())
    pdf = base64.b64decode(browser.print_page(_print_options()))
    assert pdf[:5] == b"%PDF-"
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 5 <= pages <= 24  # a section per page or so, not one long strip


def _print_options() -> Any:
    from selenium.webdriver.common.print_page_options import PrintOptions

    options = PrintOptions()
    options.background = True
    return options
