"""The HTML map: one offline file, checked as text and in real headless Chromium."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from gevinst.render import render, render_bytes
from tests.conftest import chromium
from tests.mapplans import hostile_plan, small_evaluation, small_plan


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def test_page_is_self_contained() -> None:
    page = render_bytes(small_plan(), "html").decode("utf-8")
    assert not re.search(r"(src|href)=[\"']?(https?:)?//", page)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert page.count("<script") == 2 and page.count("<svg") == 1


def test_hostile_names_add_no_markup() -> None:
    page = render_bytes(hostile_plan(), "html", assumptions=True).decode("utf-8")
    parser = _Tags()
    parser.feed(page)
    assert parser.tags.count("script") == 2
    assert "img" not in parser.tags and "b" not in parser.tags
    # inside the JSON block nothing can close the script early
    data = page.split('id="gevinst-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium(1600, 1000) as driver:
        yield driver


def _classes(driver: Any, selector: str) -> set[str]:
    from selenium.webdriver.common.by import By

    return set(driver.find_element(By.CSS_SELECTOR, selector).get_attribute("class").split())


@pytest.mark.browser
def test_click_highlights_the_chain(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    page = render(small_plan(), tmp_path / "kart.html", evaluation=small_evaluation())
    browser.get(page.as_uri())
    browser.find_element(By.CSS_SELECTOR, 'g.node[data-id="C1"]').click()
    # C1 is fed by M1 and feeds B1 and B2, which feed O1 -> G1
    chain = {"M1", "C1", "B1", "B2", "O1", "G1"}
    for node in ("M1", "C1", "B1", "B2", "O1", "G1", "M2", "D1"):
        classes = _classes(browser, f'g.node[data-id="{node}"]')
        assert ("chain" in classes) == (node in chain), node
    assert "selected" in _classes(browser, 'g.node[data-id="C1"]')
    assert "focused" in _classes(browser, "svg.gevinst-map")
    assert "chain" in _classes(browser, 'g.edge[data-source="M1"][data-target="C1"]')
    assert "chain" in _classes(browser, 'g.edge[data-source="B2"][data-target="O1"]')
    assert "chain" not in _classes(browser, 'g.edge[data-source="M2"][data-target="B2"]')
    assert "chain" not in _classes(browser, 'g.edge[data-source="D1"][data-target="O1"]')
    # faded elements really are faded
    m2 = browser.find_element(By.CSS_SELECTOR, 'g.node[data-id="M2"]')
    assert float(m2.value_of_css_property("opacity")) < 0.5
    # clicking the background clears the highlight
    browser.find_element(By.CSS_SELECTOR, "svg.gevinst-map > text").click()  # a heading
    assert "focused" not in _classes(browser, "svg.gevinst-map")
    assert not any("chain" in _classes(browser, f'g.node[data-id="{n}"]') for n in chain)


@pytest.mark.browser
def test_hover_shows_owner_indicators_assumptions_status(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    plan = small_plan()
    plan.add_indicator("I1", "Opplæringstid", unit="uker")
    plan.benefits[0].indicators = ["I1"]
    page = render(plan, tmp_path / "kart.html", evaluation=small_evaluation())
    browser.get(page.as_uri())
    node = browser.find_element(By.CSS_SELECTOR, 'g.node[data-id="B1"]')
    ActionChains(browser).move_to_element(node).perform()
    tip = browser.find_element(By.ID, "tooltip")
    assert tip.is_displayed()
    text = tip.text
    assert "Kortere opplæringstid for nyansatte" in text
    assert "Eier: HR-sjef" in text
    assert "Opplæringstid (uker)" in text
    assert "Mentorer får avsatt tid" in text
    assert "30 % · Ikke i rute" in text


@pytest.mark.browser
def test_search_marks_matches(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    browser.get(render(small_plan(), tmp_path / "kart.html").as_uri())
    browser.find_element(By.ID, "search").send_keys("fristbrudd")
    assert "match" in _classes(browser, 'g.node[data-id="B2"]')
    assert "match" not in _classes(browser, 'g.node[data-id="B1"]')
    assert "searching" in _classes(browser, "svg.gevinst-map")


@pytest.mark.browser
def test_hostile_names_run_nothing(browser: Any, tmp_path: Path) -> None:
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    page = render(hostile_plan(), tmp_path / "ond.html", assumptions=True)
    browser.get(page.as_uri())
    for node in browser.find_elements(By.CSS_SELECTOR, "g.node"):
        ActionChains(browser).move_to_element(node).perform()
        node.click()
    with pytest.raises(NoAlertPresentException):
        _ = browser.switch_to.alert.text
    assert browser.execute_script("return document.querySelectorAll('script').length") == 2
    assert browser.execute_script("return document.querySelectorAll('img, b').length") == 0
    tip = browser.find_element(By.ID, "tooltip").text
    assert "<" in tip or tip == ""  # names are shown as text, brackets and all
    assert browser.title.startswith('Ond "navn" <script>')


@pytest.mark.browser
def test_enter_in_search_brings_the_first_match_into_view(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    from tests.mapplans import large_plan

    plan = large_plan(300)
    last = plan.measures[-1]
    browser.get(render(plan, tmp_path / "stor.html").as_uri())
    selector = f'g.node[data-id="{last.id}"]'
    in_view = (
        "var r = document.querySelector(arguments[0]).getBoundingClientRect();"
        "return r.top >= 0 && r.bottom <= window.innerHeight;"
    )
    assert not browser.execute_script(in_view, selector)  # far down a tall map
    box = browser.find_element(By.ID, "search")
    box.send_keys(last.name)
    box.send_keys(Keys.ENTER)
    assert "match" in _classes(browser, selector)
    assert browser.execute_script(in_view, selector)


@pytest.mark.browser
def test_the_map_pans_at_a_readable_size_and_fits_on_request(browser: Any, tmp_path: Path) -> None:
    """Bergen's map (1304 pt wide, smallest text 8 pt) is drawn 1304 * 4/3 * 12 / (8 * 4/3)
    = 1956 px wide, wider than the window: its frame pans and can be reached with Tab.
    The button fits it in the window, and a second press gives the readable size back."""
    from selenium.webdriver.common.by import By

    import gevinst as gv
    from tests.conftest import BERGEN

    browser.get(render(gv.load(BERGEN), tmp_path / "kart.html").as_uri())
    sizes = "var f = document.querySelector('.map-frame'), s = f.querySelector('svg');"
    sizes += "return [s.getBoundingClientRect().width, f.clientWidth, f.getAttribute('tabindex')];"
    width, frame, tabindex = browser.execute_script(sizes)
    assert width == pytest.approx(1956, abs=1)
    assert frame < width and tabindex == "0"
    button = browser.find_element(By.ID, "map-fit")
    button.click()
    width, frame, tabindex = browser.execute_script(sizes)
    assert width <= frame and tabindex is None
    assert button.get_attribute("aria-pressed") == "true"
    button.click()
    assert browser.execute_script(sizes)[0] == pytest.approx(1956, abs=1)
    assert button.get_attribute("aria-pressed") == "false"
