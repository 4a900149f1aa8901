"""DOT and Mermaid output: golden files, escaping checked by Graphviz, hostile names."""

from __future__ import annotations

import os
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

import gevinst as gv
from gevinst.layout.geometry import run_dot
from gevinst.layout.options import MapOptions
from gevinst.layout.view import map_view
from gevinst.render import render_bytes
from tests.mapplans import HOSTILE, hostile_plan, small_evaluation, small_plan

GOLDEN = Path(__file__).parents[1] / "golden"
UPDATE = os.environ.get("GEVINST_UPDATE_GOLDEN") == "1"


def _golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"{name} changed; see tests/golden"


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("small.dot", {}),
        ("small-eval-en.dot", {"evaluation": small_evaluation(), "language": "en"}),
        ("small.mmd", {}),
        ("small-eval-en.mmd", {"evaluation": small_evaluation(), "language": "en"}),
    ],
)
def test_golden(name: str, options: dict[str, object]) -> None:
    text = render_bytes(small_plan(), Path(name).suffix, **options).decode("utf-8")  # type: ignore[arg-type]
    _golden(name, text)


def test_hostile_dot_is_valid_and_every_label_survives_graphviz() -> None:
    options = {"group_by": "owner", "assumptions": True}
    source = render_bytes(hostile_plan(), "dot", **options).decode("utf-8")  # type: ignore[arg-type]
    # Graphviz itself parses the file and draws each label line as text
    svg = run_dot(source, "svg")
    root = ElementTree.fromstring(svg)
    drawn = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]
    view = map_view(hostile_plan(), MapOptions(group_by="owner", assumptions=True))
    assert [c.label for c in view.clusters] == [HOSTILE.replace("\n", " ")]
    assert any(n.kind == "assumption" for n in view.nodes)
    for node in view.nodes:
        for line in node.lines:
            assert line.strip() in {d.strip() for d in drawn}, line
    assert HOSTILE.replace("\n", " ") in drawn  # the title, as text
    assert not list(root.iter("{http://www.w3.org/2000/svg}script"))


def test_a_name_that_looks_like_an_html_label_stays_text() -> None:
    plan = small_plan()
    plan.goals[0].name = "<b>fet</b>"
    source = render_bytes(plan, "dot").decode("utf-8")
    assert 'label="<b>fet</b>"' in source


_MERMAID_LABEL = re.compile(r'^\s+[A-Za-z]\w*\["(?P<label>[^"]*)"\]$')


def test_hostile_mermaid_labels_hold_only_plain_characters_and_entity_codes() -> None:
    text = render_bytes(hostile_plan(), "mmd").decode("utf-8")
    labels = [m["label"] for line in text.splitlines() if (m := _MERMAID_LABEL.match(line))]
    assert len(labels) == 5
    for label in labels:
        plain = re.sub(r"#\d+;|<br/>", "", label)
        assert re.fullmatch(r"[\w .,:\-/()'!?+]*", plain), label
    # the goal's name, decoded, is the original name (one line per wrapped line)
    goal = labels[-1] if "Ond" in labels[-1] else next(lb for lb in labels if "Ond" in lb)
    decoded = re.sub(r"#(\d+);", lambda m: chr(int(m[1])), goal.replace("<br/>", " "))
    assert decoded == HOSTILE.replace("\n", " ")
    # the title sits in YAML front matter as a JSON string (valid YAML)
    assert text.splitlines()[1].startswith('title: "Ond \\"navn\\"')
    assert "<" not in text.splitlines()[1] and "&" not in text.splitlines()[1]
    # node ids are generated, so ids such as `end` and `subgraph` never reach Mermaid
    assert not re.search(r"^\s+(end|subgraph|graph)\[", text, re.M)


def _awkward_ids_plan() -> gv.Plan:
    """Element ids that are Mermaid words, a subgraph's name, or hold ``.`` and ``-``;
    and one that is the name of a class (``goal``), which Mermaid keeps apart."""
    plan = gv.Plan.new("ids", "Ids")
    plan.add_goal("level0", "Mål")
    plan.add_goal("End", "Mål 2")
    plan.add_objective("style", "Effektmål", contributes_to=["level0", "End"])
    plan.add_benefit("B-1.2", "Gevinst", contributes_to=["style"], assumptions=["Forutsetning"])
    plan.add_benefit("e_end", "Gevinst 2", contributes_to=["style"])
    plan.add_benefit("goal", "Gevinst 3", contributes_to=["style"])
    plan.add_change("o1", "Endring", contributes_to=["B-1.2", "e_end"])
    plan.add_measure("x1", "Tiltak", contributes_to=["o1"])
    plan.add_measure("classDef", "Tiltak 2", contributes_to=["o1"])
    return plan


def test_mermaid_node_ids_are_the_element_ids_prefixed_only_where_mermaid_needs_it() -> None:
    text = render_bytes(_awkward_ids_plan(), "mmd", assumptions=True).decode("utf-8")
    nodes = re.findall(r"^    (\S+)\[", text, re.M)
    assert nodes == [
        "x1", "e_classDef", "o1", "e_B_2D1_2E2", "e_e_5Fend", "goal",
        "e__7Enote_7EB_2D1_2E2", "e_style", "e_level0", "e_End",
    ]  # fmt: skip
    assert "  o1 --> e_B_2D1_2E2" in text.splitlines()
    assert "  e_style --> e_level0" in text.splitlines()
    assert "  class e_B_2D1_2E2,e_e_5Fend,goal benefit" in text.splitlines()


def test_adding_one_goal_changes_a_few_lines_of_the_mermaid_map() -> None:
    """Ids stay the element ids, so the old lines stay (they were ``n1``..``nN``)."""
    import difflib

    before = render_bytes(small_plan(), "mmd").decode("utf-8").splitlines()
    plan = small_plan()
    plan.add_goal("G2", "Trygge barn")
    plan.objectives[0].contributes_to.append(gv.Link(to="G2"))
    after = render_bytes(plan, "mmd").decode("utf-8").splitlines()
    changed = [
        line
        for line in difflib.unified_diff(before, after, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    # by hand: + the node G2, + the link O1 --> G2 (now arrow 1), the class line of goals
    # (- and +), and the linkStyle line of each of the five looks of arrow, whose numbers
    # move from 1 on (- and +): 2 + 2 + 2 * 5 = 14 changed lines of 59 (with n1..nN
    # every node, link and class line changed)
    assert '+    G2["Trygge barn"]' in changed
    assert "+  O1 --> G2" in changed
    assert "-  class G1 goal" in changed and "+  class G1,G2 goal" in changed
    assert "+  linkStyle 0,1,5,7,9 stroke:#5F6B7A,stroke-width:5.0px" in changed
    assert len(changed) == 14, changed
    assert len(before) == 59


def test_text_formats_are_deterministic() -> None:
    for fmt in ("dot", "mmd"):
        assert render_bytes(small_plan(), fmt) == render_bytes(small_plan(), fmt)


def _mermaid_js() -> Path | None:
    """mermaid.min.js from GEVINST_MERMAID_JS (e.g. after `npm install mermaid`), if given."""
    given = os.environ.get("GEVINST_MERMAID_JS")
    return Path(given) if given and Path(given).is_file() else None


@pytest.mark.browser
def test_mermaid_itself_parses_and_draws_the_text(tmp_path: Path) -> None:
    """Run by hand: GEVINST_MERMAID_JS=.../node_modules/mermaid/dist/mermaid.min.js pytest."""
    import json
    import shutil
    import time

    script = _mermaid_js()
    if script is None or not shutil.which("chromedriver") or not shutil.which("chromium"):
        pytest.skip("set GEVINST_MERMAID_JS to mermaid.min.js; needs chromium and chromedriver")
    from selenium import webdriver

    texts = {
        "small": render_bytes(small_plan(), "mmd", evaluation=small_evaluation()).decode(),
        "hostile": render_bytes(hostile_plan(), "mmd", assumptions=True).decode(),
        "ids": render_bytes(_awkward_ids_plan(), "mmd", assumptions=True).decode(),
    }
    shutil.copy(script, tmp_path / "mermaid.min.js")
    safe = json.dumps(texts).replace("<", "\\u003c")
    page = tmp_path / "check.html"
    page.write_text(
        '<!doctype html><meta charset="utf-8"><script src="mermaid.min.js"></script><div id="out">'
        "</div><script>window.alert = function () { window.alerted = true; };"
        "mermaid.initialize({startOnLoad: false});"
        f"var texts = {safe}; window.results = {{}};"
        "(async function () { for (const k of Object.keys(texts)) { try {"
        "await mermaid.parse(texts[k]); const r = await mermaid.render('g' + k, texts[k]);"
        "const d = document.createElement('div'); d.innerHTML = r.svg;"
        "document.getElementById('out').appendChild(d); window.results[k] = 'ok';"
        "} catch (e) { window.results[k] = String(e); } } window.done = true; })();</script>",
        encoding="utf-8",
    )
    options = webdriver.ChromeOptions()
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"):
        options.add_argument(flag)
    options.binary_location = str(shutil.which("chromium"))
    driver = webdriver.Chrome(
        options=options, service=webdriver.ChromeService(str(shutil.which("chromedriver")))
    )
    try:
        driver.get(page.as_uri())
        for _ in range(60):
            if driver.execute_script("return window.done"):
                break
            time.sleep(0.5)
        assert driver.execute_script("return window.results") == {
            "small": "ok",
            "hostile": "ok",
            "ids": "ok",
        }
        assert not driver.execute_script("return window.alerted")
        assert driver.execute_script("return document.querySelectorAll('#out img').length") == 0
        text = driver.execute_script("return document.getElementById('out').textContent")
        assert "<img src=x" in text  # drawn as text
    finally:
        driver.quit()
