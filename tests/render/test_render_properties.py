"""Properties: whatever the names, every format stays well-formed and shows them as text."""

from __future__ import annotations

import re
from xml.etree import ElementTree

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gevinst as gv
from gevinst.layout.geometry import run_dot
from gevinst.render import render_bytes
from gevinst.theme import clean_text

# Names from every plane of Unicode, with a bias to what means something somewhere.
_SPECIAL = [*"\"<>&{}[]()|\\`#%;:$'\n\t ", "]]", "-->", "</script>", "\\n", "\\l", "end"]
names = st.one_of(
    st.text(min_size=1, max_size=60),
    st.lists(st.sampled_from([*_SPECIAL, "Tiltak", "æøå"]), min_size=1, max_size=12).map("".join),
).filter(lambda s: s.strip() != "")


def _plan(goal: str, benefit: str, measure: str) -> gv.Plan:
    plan = gv.Plan.new("p", goal)
    plan.add_goal("G1", goal)
    plan.add_benefit("B1", benefit, contributes_to=["G1"], assumptions=[measure])
    plan.add_measure("M1", measure, contributes_to=["B1"])
    return plan


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names, names, names)
def test_any_names_give_valid_svg_dot_mermaid_and_html(
    goal: str, benefit: str, measure: str
) -> None:
    plan = _plan(goal, benefit, measure)
    shown = {clean_text(n).replace("\n", " ") for n in (goal, benefit, measure)}

    svg = render_bytes(plan, "svg", assumptions=True)
    root = ElementTree.fromstring(svg)  # well-formed XML
    assert not [e for e in root.iter() if not e.tag.startswith("{http://www.w3.org/2000/svg}")]
    title = root.find("{http://www.w3.org/2000/svg}title")
    assert title is not None and (title.text or "") == clean_text(goal).replace("\n", " ")

    dot = render_bytes(plan, "dot", assumptions=True).decode("utf-8")
    drawn = ElementTree.fromstring(run_dot(dot, "svg"))  # Graphviz parses it
    texts = " ".join(t.text or "" for t in drawn.iter("{http://www.w3.org/2000/svg}text"))
    assert clean_text(goal).replace("\n", " ") in texts  # the title comes through as text

    mmd = render_bytes(plan, "mmd").decode("utf-8")
    for line in mmd.splitlines():
        match = re.match(r'^\s+n\d+\["(.*)"\]$', line)
        if match:
            assert re.fullmatch(r"[\w .,:\-/()'!?+#;<>]*", match[1])
            assert not re.search(r"<(?!br/>)", match[1])

    html = render_bytes(plan, "html").decode("utf-8")
    assert html.count("<script") == 2
    data = html.split('id="gevinst-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data
    assert shown  # every name was non-empty after cleaning or shown as an empty line
