"""The HTML outputs are accessible (SPEC section 8, WCAG 2.1 AA): axe-core finds no
violation, a 390 px phone never scrolls the page sideways and shows no text under 12 px,
and every chart has a text alternative.

Every HTML writer of gevinst is here: ``gevinst render -o map.html`` and ``gevinst report
-o report.html``, for the Bergen example (with and without an evaluation, nb and en),
Modulus Barn with its measurements, and Bergen with ranges (the uncertainty section).

axe-core comes from the npm registry (``npm pack axe-core@4``; ``.ci/run`` fetches it) and
is found through ``GEVINST_AXE_JS``, the path of ``axe.min.js``; the axe tests are skipped,
saying so, where it cannot be had. The page-width tests need only Chromium.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from gevinst.cli import cli
from tests.conftest import BERGEN, EXAMPLES, chromium

MODULUS = EXAMPLES / "modulus_barn" / "plan.yaml"
MODULUS_CSV = EXAMPLES / "modulus_barn" / "measurements.csv"
AXE_JS = os.environ.get("GEVINST_AXE_JS", "")
AXE_MISSING = "axe-core is not available: set GEVINST_AXE_JS to axe.min.js (npm pack axe-core@4)"

#: The rules SPEC section 8 names: WCAG 2.0 and 2.1, A and AA, and axe's best practice.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}
DESKTOP = {"width": 1400, "height": 1000, "deviceScaleFactor": 1, "mobile": False}
MIN_TEXT_PX = 12.0

#: Every HTML output, as the command line that writes it (None: written in Python below).
PAGES: dict[str, list[str] | None] = {
    "map-bergen": ["render", str(BERGEN)],
    "map-bergen-en-at": ["render", str(BERGEN), "--at", "2025-10-01", "--lang", "en"],
    "map-modulus-measured": [
        "render",
        str(MODULUS),
        "--measurements",
        str(MODULUS_CSV),
        "--at",
        "2025-12-31",
    ],
    "report-bergen-at": ["report", str(BERGEN), "--at", "2025-10-01"],
    "report-bergen-en": ["report", str(BERGEN), "--lang", "en"],
    "report-modulus-measured": [
        "report",
        str(MODULUS),
        "--measurements",
        str(MODULUS_CSV),
        "--at",
        "2025-12-31",
        "--lang",
        "en",
    ],
    "report-bergen-ranged": None,
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each page written once, as a user writes it."""
    from gevinst.report import report
    from tests.ranged import ranged_bergen

    folder = tmp_path_factory.mktemp("pages")
    written = {}
    for name, args in PAGES.items():
        path = folder / f"{name}.html"
        if args is None:
            report(ranged_bergen(), path, at=dt.date(2025, 10, 1))
        else:
            result = CliRunner().invoke(cli, [*args, "-o", str(path)])
            assert result.exit_code == 0, result.output
        written[name] = path
    return written


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium(1400, 1000) as driver:
        driver.set_script_timeout(180)
        yield driver


def _open(driver: Any, path: Path, screen: dict[str, object]) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", screen)
    driver.get(path.as_uri())


#: The checks' findings on a page at a screen: ``measure`` (widths and text sizes) and
#: ``axe`` (the violations, None where axe-core cannot be had).
Seen = Callable[[str, dict[str, object]], dict[str, Any]]


@pytest.fixture(scope="module")
def seen(browser: Any, pages: dict[str, Path]) -> Seen:
    """Each page loaded once per screen, every check run on that load: first the widths
    and text sizes (they only read the page), then axe-core. A page load with its layout
    of the map is most of a check's time, so the two tests of a page share it."""
    done: dict[tuple[str, object], dict[str, Any]] = {}

    def look(name: str, screen: dict[str, object]) -> dict[str, Any]:
        key = (name, screen["width"])
        if key not in done:
            _open(browser, pages[name], screen)
            found = {"measure": measure(browser), "axe": None}
            if _have_axe():
                found["axe"] = axe_violations(browser)
            done[key] = found
        return done[key]

    return look


def _have_axe() -> bool:
    return bool(AXE_JS) and Path(AXE_JS).is_file()


# -- axe-core ---------------------------------------------------------------------------------

_RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: "tag", values: arguments[0]}, resultTypes: ["violations"]})
  .then(r => done(r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(" ") + "\\n      " + n.failureSummary
      .replace(/\\s+/g, " "))}))))
  .catch(e => done([{id: "axe-error", impact: "", help: String(e), nodes: []}]));
"""


def axe_violations(driver: Any) -> list[dict[str, Any]]:
    """axe-core's violations of :data:`AXE_TAGS` on the open page."""
    if not _have_axe():
        pytest.skip(AXE_MISSING)
    driver.execute_script(Path(AXE_JS).read_text(encoding="utf-8"))
    result: list[dict[str, Any]] = driver.execute_async_script(_RUN_AXE, AXE_TAGS)
    return result


def readable(violations: list[dict[str, Any]]) -> str:
    """The violations as a reader wants them in a failed test: rule, impact, where, why."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        lines += [f"    {node}" for node in v["nodes"][:8]]
        if len(v["nodes"]) > 8:
            lines.append(f"    … and {len(v['nodes']) - 8} more")
    return "\n".join(lines)


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize("screen", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_finds_no_violation(seen: Seen, name: str, screen: dict[str, object]) -> None:
    violations = seen(name, screen)["axe"]
    if violations is None:
        pytest.skip(AXE_MISSING)
    assert not violations, f"{name}:\n{readable(violations)}"


_BAD_PAGE = """<!DOCTYPE html><html><head><title>x</title></head><body>
<div><table><tr><th></th><th>Verdi</th></tr><tr><td>a</td><td>1</td></tr></table></div>
<svg role="img" width="10" height="10"></svg></body></html>"""


@pytest.mark.browser
def test_axe_finds_what_the_pages_had(browser: Any, tmp_path: Path) -> None:
    """The check can fail: a page with the faults found in gevinst's pages before (no
    landmark, an empty table header, no level-one heading, no language, a chart with
    no text alternative) gives exactly those rules, readably."""
    page = tmp_path / "bad.html"
    page.write_text(_BAD_PAGE, encoding="utf-8")
    _open(browser, page, DESKTOP)
    violations = axe_violations(browser)
    found = {v["id"] for v in violations}
    assert {
        "region",
        "empty-table-header",
        "page-has-heading-one",
        "html-has-lang",
        "svg-img-alt",
    } <= found
    assert "empty-table-header (minor): Table header text should not be empty" in readable(
        violations
    )


# -- a phone: no sideways scrolling, no tiny text ----------------------------------------------

#: The rendered size of every visible text in CSS px (SVG text times the SVG's scale on
#: screen), and the page's width against the window's.
_MEASURE = """
const sizes = [];
const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walk.nextNode(); node; node = walk.nextNode()) {
  const el = node.parentElement;
  if (!node.textContent.trim() || !el || el.closest("script, style, title")) continue;
  const box = el.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) continue;
  let size = parseFloat(getComputedStyle(el).fontSize);
  if (el instanceof SVGElement) {
    const m = el.getScreenCTM();
    size *= Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
  }
  sizes.push([Math.round(size * 100) / 100, node.textContent.trim().slice(0, 40)]);
}
return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
        sizes: sizes};
"""


def measure(driver: Any) -> dict[str, Any]:
    result: dict[str, Any] = driver.execute_script(_MEASURE)
    return result


def small_texts(sizes: list[list[Any]]) -> list[str]:
    """The texts under :data:`MIN_TEXT_PX` (a hundredth of a pixel of rounding allowed)."""
    return [f"{size} px: {text!r}" for size, text in sizes if size < MIN_TEXT_PX - 0.01]


#: Where each status cell of the report's status tables is, and its heading as shown.
_STATUS_CELLS = """
return Array.from(document.querySelectorAll("#status table.data td.status")).map(td => {
  const box = td.getBoundingClientRect();
  return {left: box.left, right: box.right, display: getComputedStyle(td).display,
          label: getComputedStyle(td, "::before").content, text: td.textContent};
});
"""


@pytest.mark.browser
@pytest.mark.slow
def test_a_phone_shows_the_status_of_every_benefit_without_panning(
    browser: Any, pages: dict[str, Path]
) -> None:
    """At 390 px the status tables are cards (one per row, "Status: ● I rute" on a line
    of its own), so no status lies right of the screen in a frame that pans; on a
    desktop they stay tables."""
    _open(browser, pages["report-bergen-at"], PHONE)
    cells = browser.execute_script(_STATUS_CELLS)
    assert len(cells) >= 11  # Bergen: 11 benefits, and its goals and objectives
    for cell in cells:
        assert cell["display"] == "block"
        assert cell["left"] >= 0 and cell["right"] <= PHONE["width"], cell
        assert cell["label"] == '"Status: "', cell
    # the cards keep their table roles for a screen reader (display: block drops them)
    first = browser.find_element("css selector", "#status table.data td.status")
    assert first.aria_role == "cell"
    table = browser.find_element("css selector", "#status table.data.stacked")
    assert table.aria_role == "table"
    heading = browser.find_element("css selector", "#status table.data.stacked th")
    assert heading.aria_role == "columnheader"
    _open(browser, pages["report-bergen-at"], DESKTOP)
    cells = browser.execute_script(_STATUS_CELLS)
    assert {cell["display"] for cell in cells} == {"table-cell"}
    assert {cell["label"] for cell in cells} == {"none"}


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize("screen", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_page_fits_and_its_text_is_readable(
    seen: Seen, name: str, screen: dict[str, object]
) -> None:
    found = seen(name, screen)["measure"]
    # a phone widens its window to a page wider than the screen: both would show it
    assert found["innerWidth"] == screen["width"], f"{name} is wider than the screen"
    assert found["scrollWidth"] <= screen["width"], f"{name} scrolls sideways"
    assert len(found["sizes"]) > 50  # the map's labels are measured too
    assert not small_texts(found["sizes"]), "\n".join(small_texts(found["sizes"])[:20])


@pytest.mark.browser
def test_the_phone_check_finds_a_wide_page_and_tiny_text(browser: Any, tmp_path: Path) -> None:
    """The check can fail: a 600 px wide block scrolls a phone sideways; 9 px text and
    12 pt SVG text drawn at half size (8 px) are both found."""
    page = tmp_path / "wide.html"
    page.write_text(
        '<!DOCTYPE html><html lang="nb"><head><meta name="viewport" '
        'content="width=device-width, initial-scale=1"><title>x</title></head><body>'
        '<div style="width:600px">bred</div><p style="font-size:9px">liten</p>'
        '<svg viewBox="0 0 200 100" style="width:100px"><text y="50" font-size="16">svg</text>'
        "</svg></body></html>",
        encoding="utf-8",
    )
    _open(browser, page, PHONE)
    found = measure(browser)
    assert found["innerWidth"] > 390  # the phone zooms out to show it all
    assert found["scrollWidth"] >= 600
    assert small_texts(found["sizes"]) == ["9 px: 'liten'", "8 px: 'svg'"]


# -- without a browser: what the pages say ---------------------------------------------------


def test_every_chart_in_the_report_has_a_text_alternative(pages: dict[str, Path]) -> None:
    for name in ("report-bergen-at", "report-bergen-ranged", "report-modulus-measured"):
        page = pages[name].read_text(encoding="utf-8")
        svgs = re.findall(r"<svg\b[^>]*>", page)
        charts = [tag for tag in svgs if "gevinst-map" not in tag]
        assert len(charts) >= 4, name  # status, indicators, stakeholders, money
        for tag in charts:
            label = re.search(r'aria-label="([^"]*)"', tag)
            assert 'role="img"' in tag and label and len(label.group(1)) > 40, (name, tag)


def test_the_status_chart_is_told_in_words(pages: dict[str, Path]) -> None:
    """The status chart's text alternative counts the benefits of each status. Bergen at
    2025-10-01, counted by hand in the Benefits table of the same page: B1 on track, B2
    off, B3 and B4 at risk, B5 and B6 on track, B7 and B8 off, B9 not measured, B10 on
    track, B11 off: 4, 2, 4 and 1."""
    page = pages["report-bergen-at"].read_text(encoding="utf-8")
    benefits = page.split("<h3>Gevinster</h3>", 1)[1].split("</table>", 1)[0]
    statuses = re.findall(r'<td class="status"[^>]*>. ([^<]*)<', benefits)
    assert statuses == [
        "I rute",
        "Ikke i rute",
        "Usikker",
        "Usikker",
        "I rute",
        "I rute",
        "Ikke i rute",
        "Ikke i rute",
        "Ikke målt",
        "I rute",
        "Ikke i rute",
    ]
    said = "farget etter status: 4 i rute, 2 usikre, 4 ikke i rute og 1 ikke målt eller ikke"
    assert f'aria-label="Stolpediagram over scoren til hver gevinst, {said}' in page


def test_pages_have_a_language_a_heading_and_landmarks(pages: dict[str, Path]) -> None:
    for name, path in pages.items():
        page = path.read_text(encoding="utf-8")
        lang = "en" if "-en" in name or name == "report-modulus-measured" else "nb"
        assert f'<html lang="{lang}">' in page, name
        assert page.count("<h1") == 1 and page.count("<main") == 1, name
        assert 'role="search"' in page and 'role="region"' in page, name
