"""The editor page in real headless Chromium against a real uvicorn server.

A plan is built from an empty file by clicks and keys, as in a workshop, and the YAML
on disk is read back (with gevinst's own reader) after every step.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import gevinst as gv
from tests.conftest import chromium
from tests.workshop.conftest import EMPTY, running_server

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module: starting one takes seconds on a busy machine."""
    with chromium(1400, 900) as driver:
        yield driver


@pytest.fixture
def driver(browser: Any) -> Iterator[Any]:
    """The module's Chromium as a new one: no cookie from an earlier server (the token
    must come from the link, as for a user), no cache, a blank page."""
    browser.execute_cdp_cmd("Network.clearBrowserCookies", {})
    browser.execute_cdp_cmd("Network.clearBrowserCache", {})
    browser.get("about:blank")
    yield browser
    browser.get("about:blank")


def _wait(condition: Callable[[], Any], what: str, timeout: float = 15.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = condition()
        except Exception:  # noqa: BLE001 - the page may be between two states
            value = None
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def _add(driver: Any, kind: str, element_id: str, name: str, path: Path) -> None:
    """Add an element with the form: choose the kind, type id and name, press Enter."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element(By.ID, "add-kind")).select_by_value(kind)
    driver.find_element(By.ID, "add-id").send_keys(element_id)
    driver.find_element(By.ID, "add-name").send_keys(name, Keys.ENTER)
    _wait(lambda: element_id in _ids(path), f"{element_id} in the file")
    _wait(lambda: _node(driver, element_id), f"{element_id} on the map")
    _idle(driver)


def _idle(driver: Any) -> None:
    """Wait until the page has shown the answer to its last request."""
    from selenium.webdriver.common.by import By

    body = driver.find_element(By.TAG_NAME, "body")
    _wait(lambda: body.get_attribute("aria-busy") != "true", "the page idle")


def _ids(path: Path) -> list[str]:
    return [e.id for e in gv.load(path).elements()]


def _node(driver: Any, element_id: str) -> Any:
    from selenium.webdriver.common.by import By

    found = driver.find_elements(By.CSS_SELECTOR, f'#map g.node[data-id="{element_id}"]')
    return found[0] if found else None


def _link(
    driver: Any, source: str, target: str, path: Path, weight: str = "", note: str = ""
) -> None:
    """Click the source on the map, choose the target, give weight and note, press Link."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    _node(driver, source).click()
    _wait(lambda: driver.find_element(By.ID, "edit-name").get_attribute("value"), "the editor")
    Select(driver.find_element(By.ID, "link-target")).select_by_value(target)
    driver.find_element(By.ID, "link-weight").send_keys(weight)
    driver.find_element(By.ID, "link-note").send_keys(note)
    driver.find_element(By.ID, "link-button").click()
    _wait(lambda: (source, target) in gv.build_graph(gv.load(path)).edges, f"{source} -> {target}")
    arrow = f'#map g.edge[data-source="{source}"][data-target="{target}"]'
    _wait(lambda: driver.find_elements(By.CSS_SELECTOR, arrow), "the arrow on the map")
    _idle(driver)


def test_a_plan_is_built_from_an_empty_file_by_clicks_and_keys(driver: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    path = tmp_path / "verksted.yaml"
    path.write_text(EMPTY, "utf-8")
    with running_server(path) as url:
        driver.get(url)
        assert driver.current_url.endswith("/")  # the token has left the address bar
        assert "token" not in driver.current_url
        _wait(lambda: driver.find_element(By.ID, "empty").is_displayed(), "the empty map")

        # the Bergen plan's first goal, objective, benefit and measure
        _add(driver, "goal", "G1", "Bergens barn, byens framtid", path)
        assert gv.load(path).goals[0].name == "Bergens barn, byens framtid"
        _add(driver, "objective", "O1", "Raskere og mer likeverdig saksbehandling", path)
        _add(driver, "benefit", "B1", "Kortere opplæringstid for nyansatte", path)
        _add(driver, "measure", "M1", "Innføringsprogram for nyansatte", path)
        assert _ids(path) == ["G1", "O1", "B1", "M1"]
        assert path.read_text("utf-8").startswith(EMPTY)  # what was there keeps its text

        # findings follow the edits and click through to their element
        findings = driver.find_element(By.ID, "findings").text
        assert "GV101" in findings  # the measure leads nowhere yet

        _link(driver, "O1", "G1", path)
        _link(driver, "B1", "O1", path, weight="0,5", note="Frigjort tid går til saksbehandling")
        _link(driver, "M1", "B1", path)
        plan = gv.load(path)
        assert plan.benefits[0].contributes_to[0].weight == 0.5
        assert plan.benefits[0].contributes_to[0].note == "Frigjort tid går til saksbehandling"
        assert plan.measures[0].contributes_to[0].to == "B1"
        _wait(lambda: "GV101" not in driver.find_element(By.ID, "findings").text, "GV101 gone")
        edges = driver.find_elements(By.CSS_SELECTOR, "#map g.edge")
        assert len(edges) == 3

        # a finding about an element brings the editor to it
        button = driver.find_element(By.CSS_SELECTOR, '#findings button[data-element="B1"]')
        button.click()
        assert driver.find_element(By.ID, "edit-name").get_attribute("value") == (
            "Kortere opplæringstid for nyansatte"
        )
        assert driver.switch_to.active_element.get_attribute("data-id") == "B1"

        # edit fields by keyboard: the owner, then Enter saves
        before = path.read_text("utf-8")
        owner = driver.find_element(By.ID, "field-owner")
        owner.send_keys("leder-bvt", Keys.ENTER)
        _wait(lambda: gv.load(path).benefits[0].owner == "leder-bvt", "the owner saved")
        _idle(driver)

        # undo with Ctrl+Z on the page: the file is as before the edit, byte for byte
        driver.find_element(By.TAG_NAME, "body").click()
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.CONTROL, "z")
        _wait(lambda: path.read_text("utf-8") == before, "the undo on disk")
        redo = driver.find_element(By.ID, "redo")
        _wait(redo.is_enabled, "redo offered")
        redo.click()
        _wait(lambda: gv.load(path).benefits[0].owner == "leder-bvt", "the redo on disk")
        _idle(driver)

        # keyboard on the map: Tab reaches an element, Enter chooses it
        node = _node(driver, "M1")
        driver.execute_script("arguments[0].focus()", node)
        driver.switch_to.active_element.send_keys(Keys.ENTER)
        assert driver.find_element(By.ID, "element-select").get_attribute("value") == "M1"

        # delete M1 with the button; its link from nothing else remains
        driver.find_element(By.ID, "delete").click()
        _wait(lambda: "M1" not in _ids(path), "M1 deleted")
        assert "M1" not in path.read_text("utf-8")


def test_a_change_on_disk_is_shown_and_never_overwritten(driver: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    path = tmp_path / "plan.yaml"
    path.write_text(EMPTY, "utf-8")
    with running_server(path) as url:
        driver.get(url)
        _add(driver, "goal", "G1", "Mål", path)
        banner = driver.find_element(By.ID, "conflict")
        assert not banner.is_displayed()
        # someone edits the file in a text editor while the page is open
        changed = path.read_text("utf-8") + "# endret i en teksteditor\n"
        path.write_text(changed, "utf-8")
        _wait(banner.is_displayed, "the conflict banner")
        # an edit made now is refused: the change on disk stays
        driver.find_element(By.ID, "add-id").send_keys("G2")
        driver.find_element(By.ID, "add-name").send_keys("Nytt mål")
        driver.find_element(By.ID, "add-button").click()
        _wait(lambda: "Ikke lagret" in driver.find_element(By.ID, "status").text, "not saved")
        assert path.read_text("utf-8") == changed
        assert driver.find_element(By.ID, "add-id").get_attribute("value") == "G2"  # kept
        # reload, then the same edit is saved after the change
        driver.find_element(By.ID, "reload").click()
        _wait(lambda: not banner.is_displayed(), "the banner gone")
        driver.find_element(By.ID, "add-button").click()
        _wait(lambda: "G2" in _ids(path), "G2 saved")
        assert "# endret i en teksteditor\n" in path.read_text("utf-8")


def test_undo_in_one_tab_keeps_the_edit_made_in_another(driver: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    path = tmp_path / "plan.yaml"
    path.write_text(EMPTY + "goals:\n  - id: G1\n    name: Mål\n", "utf-8")
    with running_server(path) as url:
        driver.get(url)
        first = driver.current_window_handle
        _add(driver, "goal", "G2", "Fra fane 1", path)
        driver.switch_to.new_window("tab")
        second = driver.current_window_handle
        try:
            driver.get(url)
            _wait(lambda: _node(driver, "G2"), "G2 in the second tab")
            assert not driver.find_element(By.ID, "undo").is_enabled()  # nothing of its own
            _add(driver, "goal", "G3", "Fra fane 2", path)
            driver.switch_to.window(first)
            banner = driver.find_element(By.ID, "conflict")  # the file changed elsewhere
            _wait(banner.is_displayed, "the first tab sees the change")
            driver.find_element(By.ID, "reload").click()
            _wait(lambda: _node(driver, "G3"), "G3 in the first tab")
            _idle(driver)
            driver.find_element(By.ID, "undo").click()
            _wait(lambda: "G2" not in _ids(path), "the first tab's undo on disk")
            assert _ids(path) == ["G1", "G3"]  # the second tab's goal stays
            assert path.read_text("utf-8").endswith("  - id: G3\n    name: Fra fane 2\n")
            _wait(driver.find_element(By.ID, "redo").is_enabled, "redo in the first tab")
            driver.switch_to.window(second)
            driver.get(url)  # a reload of the page: the tab keeps its id and its history
            _wait(lambda: _node(driver, "G3") and not _node(driver, "G2"), "the second tab")
            _wait(driver.find_element(By.ID, "undo").is_enabled, "its own edit to undo")
            assert not driver.find_element(By.ID, "redo").is_enabled()
        finally:
            driver.switch_to.window(second)
            driver.close()
            driver.switch_to.window(first)


def test_a_hostile_name_is_shown_as_text(driver: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    path = tmp_path / "plan.yaml"
    path.write_text(EMPTY, "utf-8")
    hostile = "<script>window.pwned=1</script><img src=x onerror=window.pwned=2>"
    with running_server(path) as url:
        driver.get(url)
        _add(driver, "goal", "G1", hostile, path)
        assert gv.load(path).goals[0].name == hostile
        _node(driver, "G1").click()
        assert driver.find_element(By.ID, "edit-name").get_attribute("value") == hostile
        options = driver.find_element(By.ID, "element-select").text
        assert hostile in options
        assert driver.execute_script("return window.pwned") is None
        assert not driver.find_elements(By.CSS_SELECTOR, "#map script, #map img, aside img")


def test_the_map_is_drawn_at_a_readable_size(driver: Any, tmp_path: Path) -> None:
    """The map's smallest text is at least 12 px on the page, as on render's HTML page:
    the width comes through the DOM, since the page's Content-Security-Policy refuses a
    style attribute (with it the map was drawn at its size in points, text at 10.7 px)."""
    path = tmp_path / "plan.yaml"
    path.write_text(EMPTY, "utf-8")
    with running_server(path) as url:
        driver.get(url)
        _add(driver, "goal", "G1", "Bergens barn, byens framtid", path)
        smallest = driver.execute_script(
            "return Math.min(...Array.from(document.querySelectorAll('#map svg text'))"
            ".map(t => t.getBoundingClientRect().height))"
        )
        sizes = driver.execute_script(
            "const svg = document.querySelector('#map svg');"
            "return [svg.getAttribute('style'), svg.getBoundingClientRect().width];"
        )
    assert sizes[0] and sizes[0].startswith("width:"), sizes
    assert float(sizes[0].removeprefix("width:").strip(" ;px")) == pytest.approx(sizes[1], abs=1)
    assert smallest >= 12, smallest


def test_the_page_is_in_english_for_an_english_plan(driver: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    path = tmp_path / "plan.yaml"
    path.write_text(EMPTY.replace("title: Tom plan}", "title: Empty, language: en}"), "utf-8")
    with running_server(path) as url:
        driver.get(url)
        _wait(lambda: driver.find_element(By.ID, "file").text, "the page")
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
        assert driver.find_element(By.ID, "add-button").text == "Add"
        assert driver.find_element(By.ID, "undo").text == "Undo"


AXE = os.environ.get("GEVINST_AXE_JS")


@pytest.mark.skipif(
    not AXE or not Path(AXE).is_file(), reason="axe-core is not here (set GEVINST_AXE_JS)"
)
@pytest.mark.parametrize("width", [1400, 390])
def test_axe_finds_nothing_on_the_page(driver: Any, tmp_path: Path, width: int) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(Path("examples/minimal.yaml").read_text("utf-8"), "utf-8")
    script = Path(str(AXE)).read_text("utf-8")
    with running_server(path) as url:
        try:
            driver.set_window_size(width, 900)
            driver.get(url)
            _wait(lambda: _node(driver, "G1"), "the map")
            _node(driver, "B1").click()  # the editor open too
            driver.execute_script(script)
            result = driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', "
                "'wcag21a', 'wcag21aa', 'best-practice']}}).then(r => done(r.violations));"
            )
        finally:
            driver.set_window_size(1400, 900)
    problems = [
        f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in result
    ]
    assert problems == [], json.dumps(problems, indent=1, ensure_ascii=False)


def _keys(driver: Any, *keys: str) -> None:
    """Press keys where the focus is, as a person at the keyboard does (no clicks)."""
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(*keys).perform()


def _tab_to(driver: Any, element_id: str, most: int = 60) -> None:
    """Press Tab until the control ``element_id`` has the focus."""
    from selenium.webdriver.common.keys import Keys

    for _ in range(most):
        if driver.switch_to.active_element.get_attribute("id") == element_id:
            return
        _keys(driver, Keys.TAB)
    raise AssertionError(f"Tab never reached #{element_id}")


def test_every_list_and_field_is_edited_with_the_keyboard_alone(tmp_path: Path) -> None:
    """Tab, arrows, Enter and Space only: choose a kind, an element, a value from a list,
    a link target, and save each; the file has what was chosen."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    path = tmp_path / "tastatur.yaml"
    path.write_text(EMPTY, "utf-8")
    with running_server(path) as url, chromium(1400, 900) as driver:
        driver.get(url)
        _wait(lambda: driver.find_element(By.ID, "empty").is_displayed(), "the empty map")
        _idle(driver)
        # the kind list: goal is first; Down twice is benefit
        _tab_to(driver, "add-kind")  # goal, the first kind
        _keys(driver, Keys.TAB, "G1", Keys.TAB, "Mål", Keys.ENTER)
        _wait(lambda: "G1" in _ids(path), "G1 added")
        _idle(driver)
        assert gv.load(path).goals[0].id == "G1"
        _tab_to(driver, "add-kind")
        _keys(driver, Keys.ARROW_DOWN, Keys.ARROW_DOWN)
        assert driver.find_element(By.ID, "add-kind").get_attribute("value") == "benefit"
        _keys(driver, Keys.TAB, "B1", Keys.TAB, "Gevinst", Keys.ENTER)
        _wait(lambda: "B1" in _ids(path), "B1 added")
        _idle(driver)
        assert gv.load(path).benefits[0].id == "B1"

        # the element list: arrows choose B1 (after "choose" and G1)
        _tab_to(driver, "element-select")
        _keys(driver, Keys.HOME, Keys.ARROW_DOWN, Keys.ARROW_DOWN)
        _wait(lambda: driver.find_element(By.ID, "edit-name").get_attribute("value"), "editor")
        assert driver.find_element(By.ID, "element-select").get_attribute("value") == "B1"

        # a value from a list (the benefit's type), saved with Space on the button
        _tab_to(driver, "field-type")
        _keys(driver, Keys.ARROW_DOWN)  # from "—" to the first type
        assert driver.switch_to.active_element.get_attribute("value") == "efficiency"
        _tab_to(driver, "save")
        _keys(driver, " ")
        _wait(lambda: gv.load(path).benefits[0].type == "efficiency", "the type saved")
        _idle(driver)
        assert driver.switch_to.active_element.get_attribute("id") == "save"  # focus kept

        # a date typed as Norwegians write it; the file has it as ISO, the page as typed
        _tab_to(driver, "field-value-annual")
        _keys(driver, "100 000", Keys.TAB, "31.03.2026", Keys.ENTER)
        _wait(lambda: "      from: 2026-03-31\n" in path.read_text("utf-8"), "the date saved")
        _idle(driver)
        assert gv.load(path).benefits[0].value.from_ == dt.date(2026, 3, 31)
        shown = driver.find_element(By.ID, "field-value-from")
        assert shown.get_attribute("value") == "31.03.2026"
        assert shown.get_attribute("type") == "text"

        # another list, saved with Enter from the list itself
        _tab_to(driver, "field-risk")
        _keys(driver, Keys.END)
        assert driver.switch_to.active_element.get_attribute("value") == "high"
        _keys(driver, Keys.ENTER)
        _wait(lambda: gv.load(path).benefits[0].risk == "high", "the risk saved")
        _idle(driver)
        assert driver.switch_to.active_element.get_attribute("id") == "field-risk"

        # the link target list: G1 is the only one; Enter on the button links
        _tab_to(driver, "link-target")
        assert driver.switch_to.active_element.get_attribute("value") == "G1"
        _tab_to(driver, "link-button")
        _keys(driver, Keys.ENTER)
        _wait(lambda: gv.load(path).benefits[0].contributes_to, "the link saved")
        assert gv.load(path).benefits[0].contributes_to[0].to == "G1"


MITIGATED = """\
schema: gevinst/1
plan: {id: dempe, title: Demping}
benefits:
  - {id: B1, name: Kortere ventetid}
disbenefits:
  - {id: D1, name: Mer opplæring}
measures:
  - {id: M1, name: Digital innmelding, contributes_to: [B1]}
"""


def test_a_mitigation_is_made_edited_and_removed_with_the_keyboard(
    driver: Any, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    path = tmp_path / "plan.yaml"
    path.write_text(MITIGATED, "utf-8")
    line = "  - {id: M1, name: Digital innmelding, contributes_to: [B1]}\n"
    with running_server(path) as url:
        driver.get(url)
        node = _wait(lambda: _node(driver, "M1"), "M1 on the map")
        node.send_keys(Keys.ENTER)
        relation = driver.find_element(By.ID, "link-relation")
        _wait(relation.is_displayed, "the choice of relation for a measure")
        relation.send_keys(Keys.ARROW_DOWN)  # bidrar til -> demper
        _wait(lambda: relation.get_attribute("value") == "mitigates", "mitigates chosen")
        targets = driver.find_element(By.ID, "link-target")
        offered = [o.get_attribute("value") for o in targets.find_elements(By.TAG_NAME, "option")]
        assert offered == ["D1"]  # only a dis-benefit can be mitigated
        assert not driver.find_element(By.ID, "link-weight").is_enabled()
        driver.find_element(By.ID, "link-note").send_keys("Færre feil", Keys.ENTER)
        made = line.replace("[B1]}", "[B1], mitigates: [{to: D1, note: Færre feil}]}")
        _wait(lambda: path.read_text("utf-8") == MITIGATED.replace(line, made), "the file")
        arrow = '#map g.edge[data-source="M1"][data-target="D1"][data-relation="mitigates"]'
        _wait(lambda: driver.find_elements(By.CSS_SELECTOR, arrow), "the dashed arrow")
        _idle(driver)
        items = driver.find_element(By.ID, "links").text
        assert "⊣ demper Mer opplæring (D1): Færre feil" in items
        driver.save_screenshot(str(tmp_path / "mitigation.png"))

        driver.find_element(By.CSS_SELECTOR, 'button.edit-link[data-relation="mitigates"]').click()
        note = driver.find_element(By.ID, "link-note")
        assert note.get_attribute("value") == "Færre feil"
        note.clear()
        note.send_keys("Mindre feil", Keys.ENTER)
        edited = made.replace("Færre feil", "Mindre feil")
        _wait(lambda: path.read_text("utf-8") == MITIGATED.replace(line, edited), "the edit")
        _idle(driver)

        remove = driver.find_element(By.CSS_SELECTOR, "button.unmitigate")
        assert remove.get_attribute("aria-label") == "Fjern dempingen av Mer opplæring"
        remove.send_keys(Keys.ENTER)
        _wait(lambda: path.read_text("utf-8") == MITIGATED, "the mitigation removed")
        _wait(lambda: not driver.find_elements(By.CSS_SELECTOR, arrow), "the arrow gone")


def test_on_a_phone_the_form_goes_under_the_map_and_the_page_scrolls_one_way(
    driver: Any, tmp_path: Path
) -> None:
    """WCAG 1.4.10 (reflow): at 390 px the page is one column; only the map's frame (a
    diagram) scrolls sideways. At 1400 px the form stays beside the map."""
    from selenium.webdriver.common.by import By

    path = tmp_path / "plan.yaml"
    path.write_text(Path("examples/bergen_barnevern/plan.yaml").read_text("utf-8"), "utf-8")
    with running_server(path) as url:
        try:
            driver.set_window_size(390, 844)
            driver.get(url)
            _wait(lambda: driver.find_elements(By.CSS_SELECTOR, "#map svg"), "the map")
            width = driver.execute_script("return document.documentElement.clientWidth")
            page = driver.execute_script("return document.documentElement.scrollWidth")
            assert page <= width, (page, width)  # no sideways scrolling of the page
            main = driver.find_element(By.CSS_SELECTOR, ".ws main").rect
            aside = driver.find_element(By.CSS_SELECTOR, ".ws aside").rect
            assert aside["y"] >= main["y"] + main["height"] - 1  # the form under the map
            assert aside["width"] >= width - 40  # the form has the width of the page
            map_frame = driver.find_element(By.ID, "map")
            assert map_frame.size["width"] <= width
            driver.set_window_size(1400, 900)
            main = driver.find_element(By.CSS_SELECTOR, ".ws main").rect
            aside = driver.find_element(By.CSS_SELECTOR, ".ws aside").rect
            assert aside["x"] >= main["x"] + main["width"] - 1  # beside it again
        finally:
            driver.set_window_size(1400, 900)
