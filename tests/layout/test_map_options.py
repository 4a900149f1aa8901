"""MapOptions: one checked set of view options that every map format draws the same way.

The maps here are read back with what reads each format (an XML parser for SVG,
``json`` for the layout, the Mermaid lines parsed below) and compared with sets of
elements worked out by hand from ``tests/mapplans.small_plan``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gevinst.analysis.evaluate import evaluate
from gevinst.errors import RenderError
from gevinst.io.plans import load
from gevinst.layout.options import MapOptions
from gevinst.model import KINDS
from gevinst.render import map_bytes, render, render_bytes, write_map
from tests.mapplans import small_evaluation, small_plan

BERGEN = Path(__file__).resolve().parents[2] / "examples" / "bergen_barnevern" / "plan.yaml"
BERGEN_PLAN = load(BERGEN)
BERGEN_EVALUATION = evaluate(BERGEN_PLAN, at=dt.date(2025, 10, 1))
BERGEN_IDS = sorted(e.id for e in BERGEN_PLAN.elements())

# -- the values are checked once, in MapOptions ---------------------------------------------


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"kinds": ["tiltak"]},
            "unknown kind 'tiltak'; known kinds: measure, change, benefit, disbenefit, "
            "objective, goal",
        ),
        ({"kinds": [" , "]}, "no kinds chosen; known kinds: measure, change, benefit"),
        ({"kinds": []}, "no kinds chosen; known kinds: measure, change, benefit"),
        ({"group_by": "colour"}, "unknown grouping 'colour'; use one of: owner, goal"),
        ({"language": "de"}, "unknown language 'de'; use nb or en"),
        ({"focus": "B1", "depth": -1}, "depth must be 0 or more, not -1"),
        ({"depth": 2}, "depth counts steps from an element: give focus (--focus ID) too"),
    ],
)
def test_a_bad_option_is_refused_with_the_values_that_are_allowed(
    options: dict[str, Any], message: str, tmp_path: Path
) -> None:
    with pytest.raises(RenderError) as made:
        MapOptions(**options)
    assert str(made.value).startswith(message)
    # the public functions say the same, and write nothing
    with pytest.raises(RenderError) as drawn:
        render_bytes(small_plan(), "svg", **options)
    assert str(drawn.value) == str(made.value)
    with pytest.raises(RenderError) as written:
        render(small_plan(), tmp_path / "kart.svg", **options)
    assert str(written.value) == str(made.value)
    assert list(tmp_path.iterdir()) == []


def test_kinds_are_kept_once_each_in_plan_order() -> None:
    assert MapOptions(kinds="Goals, measures").kinds == ("measure", "goal")
    assert MapOptions(kinds=["goal", "measure,goal", "benefits"]).kinds == (
        "measure",
        "benefit",
        "goal",
    )
    assert MapOptions(kinds=("goal", "measure")) == MapOptions(kinds=["measures, goal"])
    assert MapOptions().kinds is None


def test_an_empty_language_means_the_plans_own() -> None:
    assert MapOptions(language="").language is None
    assert MapOptions(language="en").language == "en"


def test_options_are_frozen_and_checked_again_when_replaced() -> None:
    options = MapOptions(focus="C1", depth=1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.depth = 3  # type: ignore[misc]
    assert dataclasses.replace(options, depth=2) == MapOptions(focus="C1", depth=2)
    with pytest.raises(RenderError, match="depth must be 0 or more"):
        dataclasses.replace(options, depth=-2)
    with pytest.raises(RenderError, match="known kinds"):
        dataclasses.replace(options, kinds=["gevinst"])


def test_a_focus_outside_the_plan_is_refused_when_the_map_is_made() -> None:
    options = MapOptions(focus="X9")  # whether X9 is an element needs the plan
    with pytest.raises(RenderError, match="'X9' is not an element of the map; known: B1, B2"):
        map_bytes(small_plan(), "mmd", options)


# -- every format draws the same elements -----------------------------------------------------


def _svg_elements(data: bytes) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    """(kind, element) of every box, (source, target) of every arrow, read from the SVG."""
    root = ET.fromstring(data)
    nodes: Counter[tuple[str, str]] = Counter()
    edges: Counter[tuple[str, str]] = Counter()
    for group in root.iter("{http://www.w3.org/2000/svg}g"):
        classes = group.get("class", "").split()
        if "node" in classes:
            kind = next(c.removeprefix("kind-") for c in classes if c.startswith("kind-"))
            nodes[kind, group.attrib["data-id"]] += 1
        elif "edge" in classes:
            edges[group.attrib["data-source"], group.attrib["data-target"]] += 1
    return nodes, edges


def _json_elements(data: bytes) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    lay = json.loads(data)
    element = {n["id"]: n["element"] for n in lay["nodes"]}
    nodes = Counter((n["kind"], n["element"]) for n in lay["nodes"])
    edges = Counter((e["source"], e["target"]) for e in lay["edges"])
    # the SVG names a note's box by the element it belongs to, its arrow by the note's id
    assert set(element) >= {s for s, _ in edges} | {t for _, t in edges}
    return nodes, edges


_MERMAID_NODE = re.compile(r'^    ([A-Za-z]\w*)\["(.*)"\]$')
_MERMAID_EDGE = re.compile(
    r"^  ([A-Za-z]\w*) (-->|-\.->|-\.-x|---)(?:\|\"[^\"]*\"\|)? ([A-Za-z]\w*)$"
)


def _mermaid_text(label: str) -> tuple[str, ...]:
    return tuple(
        re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), line) for line in label.split("<br/>")
    )


def _mermaid_elements(data: bytes) -> tuple[Counter[tuple[str, ...]], Counter[tuple[Any, ...]]]:
    """The text of every box, and (source text, arrow, target text) of every arrow."""
    labels: dict[str, tuple[str, ...]] = {}
    arrows: list[tuple[str, str, str]] = []
    for line in data.decode("utf-8").splitlines():
        if node := _MERMAID_NODE.match(line):
            labels[node.group(1)] = _mermaid_text(node.group(2))
        elif edge := _MERMAID_EDGE.match(line):
            arrows.append((edge.group(1), edge.group(2), edge.group(3)))
    edges = Counter((labels[s], arrow, labels[t]) for s, arrow, t in arrows)
    return Counter(labels.values()), edges


def _json_as_mermaid(data: bytes) -> tuple[Counter[tuple[str, ...]], Counter[tuple[Any, ...]]]:
    lay = json.loads(data)
    text = {n["id"]: (*n["lines"], *([n["badge"]] if n["badge"] else [])) for n in lay["nodes"]}
    arrow = {"note": "---", "implied": "-.->", "contributes": "-->", "mitigates": "-.-x"}
    edges = Counter(
        (text[e["source"]], "-.->" if e["disbenefit"] else arrow[e["style"]], text[e["target"]])
        for e in lay["edges"]
    )
    return Counter(text.values()), edges


SMALL_CASES = {
    # the options, then the boxes (kind, element) and arrows worked out from small_plan
    "kinds": (
        {"kinds": "measures,goal"},
        {("goal", "G1"), ("measure", "M1"), ("measure", "M2")},
        {("M1", "G1"), ("M2", "G1")},
    ),
    "focus": (
        {"focus": "C1", "depth": 1},
        {("measure", "M1"), ("change", "C1"), ("benefit", "B1"), ("benefit", "B2")},
        {("M1", "C1"), ("C1", "B1"), ("C1", "B2")},
    ),
    "notes": (
        {"focus": "B1", "depth": 1, "assumptions": True, "group_by": "owner", "language": "en"},
        {("change", "C1"), ("benefit", "B1"), ("objective", "O1"), ("assumption", "B1")},
        {("C1", "B1"), ("B1", "O1"), ("B1", "~note~B1")},
    ),
}


@pytest.mark.parametrize("case", sorted(SMALL_CASES))
def test_every_format_draws_the_elements_worked_out_by_hand(case: str) -> None:
    kw, boxes, arrows = SMALL_CASES[case]
    for evaluation in (None, small_evaluation()):
        options = MapOptions(evaluation=evaluation, **kw)
        svg = _svg_elements(map_bytes(small_plan(), "svg", options))
        layout = _json_elements(map_bytes(small_plan(), "json", options))
        assert svg == layout
        assert set(svg[0]) == boxes and sum(svg[0].values()) == len(boxes)
        assert set(svg[1]) == arrows and sum(svg[1].values()) == len(arrows)
        mermaid = _mermaid_elements(map_bytes(small_plan(), "mmd", options))
        assert mermaid == _json_as_mermaid(map_bytes(small_plan(), "json", options))
        assert sum(mermaid[0].values()) == len(boxes)


@pytest.mark.parametrize(
    "kw",
    [
        {},
        {"evaluation": BERGEN_EVALUATION, "language": "en", "group_by": "goal"},
        {"kinds": ["benefit", "objective", "goal"], "assumptions": True},
    ],
    ids=["plain", "evaluated", "kinds"],
)
def test_every_format_draws_the_same_bergen_map(kw: dict[str, Any]) -> None:
    options = MapOptions(**kw)
    svg = _svg_elements(map_bytes(BERGEN_PLAN, "svg", options))
    layout_json = map_bytes(BERGEN_PLAN, "json", options)
    assert svg == _json_elements(layout_json)
    mermaid = _mermaid_elements(map_bytes(BERGEN_PLAN, "mmd", options))
    assert mermaid == _json_as_mermaid(layout_json)
    kinds = set(options.kinds or KINDS)
    shown = {e.id for e in BERGEN_PLAN.elements() if e.kind in kinds}
    assert {element for kind, element in svg[0] if kind != "assumption"} == shown


# -- the keywords of the public functions are one MapOptions ---------------------------------


@st.composite
def _options(draw: st.DrawFn) -> dict[str, Any]:
    kw: dict[str, Any] = {}
    if draw(st.booleans()):
        chosen = draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=4, unique=True))
        plural = draw(st.booleans())
        kw["kinds"] = [f"{k}s" if plural else k.upper() for k in chosen]
    if draw(st.booleans()):
        kw["focus"] = draw(st.sampled_from(BERGEN_IDS))
        kw["depth"] = draw(st.none() | st.integers(0, 3))
    kw["evaluation"] = draw(st.sampled_from([None, BERGEN_EVALUATION]))
    kw["group_by"] = draw(st.sampled_from([None, "owner", "goal"]))
    kw["language"] = draw(st.sampled_from([None, "nb", "en"]))
    kw["assumptions"] = draw(st.booleans())
    return kw


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kw=_options(), fmt=st.sampled_from(["svg", "json", "mmd", "dot"]))
def test_render_with_keywords_is_the_map_of_their_options(kw: dict[str, Any], fmt: str) -> None:
    options = MapOptions(**kw)
    expected = map_bytes(BERGEN_PLAN, fmt, options)
    assert render_bytes(BERGEN_PLAN, fmt, **kw) == expected
    with tempfile.TemporaryDirectory() as folder:
        path = render(BERGEN_PLAN, Path(folder) / f"kart.{fmt}", **kw)
        assert path.read_bytes() == expected
        again = write_map(BERGEN_PLAN, Path(folder) / f"igjen.{fmt}", options)
        assert again.read_bytes() == expected
