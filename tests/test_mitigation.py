"""Mitigation (``mitigates: [D1]``): a measure or change that reduces a dis-benefit.

Not a contribution: it adds nothing to scores or traces, and every map format draws
it as its own arrow (dashed, a flat bar for a head, the word "demper"/"mitigates").
Expectations are worked out by hand from the small plan below.
"""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

import gevinst as gv
from gevinst.analysis.diff_text import sentence
from gevinst.analysis.impact_text import impact_json, impact_text
from gevinst.graph import mitigations
from gevinst.render import render_bytes
from gevinst.report import report_bytes

PLAN = """\
schema: gevinst/1
plan: {id: liten, title: Liten plan med demping}
goals:
  - {id: G1, name: 'Bergens barn, byens framtid'}
objectives:
  - {id: O1, name: Raskere saksbehandling, contributes_to: [G1]}
benefits:
  - {id: B1, name: Kortere opplæringstid, contributes_to: [O1]}
disbenefits:
  - {id: D1, name: Mer tid til rapportering, contributes_to: [O1]}
changes:
  - {id: C1, name: Felles maler brukes, contributes_to: [B1],
     mitigates: [{to: D1, note: Mindre skjemaarbeid}]}
measures:
  - {id: M1, name: Innføringsprogram, contributes_to: [C1]}
  - {id: M2, name: Ferdige maler for rapportering, mitigates: [D1]}
"""


@pytest.fixture
def plan() -> gv.Plan:
    return gv.loads(PLAN, "yaml")


def test_the_file_says_mitigates_in_both_forms(plan: gv.Plan) -> None:
    assert [m.to for m in plan["M2"].mitigates] == ["D1"]
    assert plan["M2"].mitigates[0].note is None
    assert plan["C1"].mitigates[0].note == "Mindre skjemaarbeid"
    assert mitigations(plan) == [
        ("C1", "D1", {"relation": "mitigates", "note": "Mindre skjemaarbeid", "assumptions": ()}),
        ("M2", "D1", {"relation": "mitigates", "note": None, "assumptions": ()}),
    ]


def test_a_mitigation_has_no_weight(plan: gv.Plan) -> None:
    with pytest.raises(gv.PlanError, match="weight"):
        gv.loads(PLAN.replace("mitigates: [D1]", "mitigates: [{to: D1, weight: 0.5}]"), "yaml")


def test_a_mitigation_is_not_a_contribution(plan: gv.Plan) -> None:
    graph = gv.build_graph(plan)
    assert not graph.has_edge("M2", "D1") and not graph.has_edge("C1", "D1")
    # M2 only mitigates: it reaches no goal, and D1 is fed by no measure
    assert gv.trace(plan, "M2").up == [("M2",)]
    assert gv.trace(plan, "D1").down == [("D1",)]
    assert gv.trace(plan, "C1").up == [("C1", "B1", "O1", "G1")]


def test_unknown_target_is_gv002_and_a_non_disbenefit_is_gv008(plan: gv.Plan) -> None:
    text = PLAN.replace("mitigates: [D1]", "mitigates: [B1, X9]")
    findings = gv.check(gv.loads(text, "yaml"))
    errors = [(f.code, f.element) for f in findings if f.severity == "error"]
    assert errors == [("GV002", "M2"), ("GV008", "M2")]
    gv002, gv008 = (f for f in findings if f.severity == "error")
    assert "mitigates 'X9'" in gv002.message
    assert gv008.message.startswith("M2 demper 'B1', men 'B1' er av typen gevinst")
    english = gv.check(gv.loads(text.replace("{id: liten,", "{language: en, id: liten,"), "yaml"))
    assert any(
        f.code == "GV008" and f.message.startswith("M2 mitigates 'B1', but 'B1' is of kind benefit")
        for f in english
    )
    assert not [f for f in gv.check(plan) if f.code in ("GV002", "GV008")]


def test_a_measure_that_only_mitigates_leads_somewhere(plan: gv.Plan) -> None:
    # M2 only mitigates D1: no GV101; a measure with neither link still gets it
    assert not [f for f in gv.check(plan) if f.code == "GV101"]
    bare = gv.loads(PLAN.replace(", mitigates: [D1]}", "}"), "yaml")
    assert [(f.code, f.element) for f in gv.check(bare) if f.code == "GV101"] == [("GV101", "M2")]


def test_dot_draws_it_dashed_with_a_tee(plan: gv.Plan) -> None:
    dot = render_bytes(plan, "dot").decode()
    line = next(x for x in dot.splitlines() if x.strip().startswith("M2 -> D1"))
    assert "style=dashed" in line and "arrowhead=tee" in line and "xlabel=demper" in line
    c1 = next(x for x in dot.splitlines() if x.strip().startswith("C1 -> D1"))
    assert "arrowhead=tee" in c1 and '"demper: Mindre skjemaarbeid"' in c1
    contribution = next(x for x in dot.splitlines() if x.strip().startswith("M1 -> C1"))
    assert "tee" not in contribution and "dashed" not in contribution


def test_svg_has_the_dashed_path_and_the_bar(plan: gv.Plan) -> None:
    root = ET.fromstring(render_bytes(plan, "svg"))
    ns = {"s": "http://www.w3.org/2000/svg"}
    group = next(
        g
        for g in root.iter("{http://www.w3.org/2000/svg}g")
        if g.get("data-source") == "M2" and g.get("data-target") == "D1"
    )
    assert group.get("data-relation") == "mitigates"
    assert group.find("s:title", ns).text == "demper"  # type: ignore[union-attr]
    path = group.find("s:path", ns)
    assert path is not None and path.get("stroke-dasharray") == "8,3"
    corners = group.find("s:polygon", ns).get("points").split()  # type: ignore[union-attr]
    assert len(corners) == 8  # a T on its side, not a triangle
    legend = [g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "legend"]
    assert "Demper en ulempe" in ET.tostring(legend[0], encoding="unicode")
    # a contribution keeps its triangle and no dashes
    plain = next(
        g
        for g in root.iter("{http://www.w3.org/2000/svg}g")
        if g.get("data-source") == "M1" and g.get("data-target") == "C1"
    )
    assert plain.get("data-relation") is None
    assert len(plain.find("s:polygon", ns).get("points").split()) == 3  # type: ignore[union-attr]


def test_the_bar_lies_across_the_arrow_at_its_tip() -> None:
    from gevinst.layout.geometry import EdgeRoute
    from gevinst.render.svg import arrowhead

    # an arrow going right, ending at x=110; weight None is 1.4 pt wide
    edge = EdgeRoute("M", "D", ((0.0, 50.0), (100.0, 50.0)), (110.0, 50.0), None, "mitigates")
    corners = arrowhead(edge)
    xs = sorted({x for x, _ in corners})
    assert xs == [100.0, 107.5, 110.0]  # the stem from the base, the bar 2.5 pt thick
    bar = [y for x, y in corners if x == 110.0]
    assert sorted(bar) == [50 - 5.7, 50 + 5.7]  # half = max(3.2, 1.4 * 1.3) + 2.5


def test_mermaid_has_the_mitigation_arrow(plan: gv.Plan) -> None:
    text = render_bytes(plan, "mmd").decode()
    lines = text.splitlines()
    edges = [x.strip() for x in lines if re.match(r"  \w+ (-->|-\.->|-\.-x)", x)]
    # the view's order: contributions in plan order, then the mitigations
    assert edges[5:] == [
        'C1 -.-x|"demper: Mindre skjemaarbeid"| D1',
        'M2 -.-x|"demper"| D1',
    ]
    assert "  linkStyle 5,6 stroke:#5F6B7A,stroke-width:1.8px,stroke-dasharray:8 3" in lines


def test_layout_json_names_the_relation(plan: gv.Plan) -> None:
    data = json.loads(render_bytes(plan, "json"))
    relations = {(e["source"], e["target"]): e["style"] for e in data["edges"]}
    assert relations[("M2", "D1")] == "mitigates"
    assert relations[("C1", "D1")] == "mitigates"
    assert relations[("M1", "C1")] == "contributes"
    assert ("edge", "mitigates") in {(i["group"], i["key"]) for i in data["legend"]}


def test_english_words(plan: gv.Plan) -> None:
    english = gv.loads(PLAN.replace("{id: liten,", "{language: en, id: liten,"), "yaml")
    assert 'M2 -.-x|"mitigates"| D1' in render_bytes(english, "mmd").decode()
    assert b"Mitigates a dis-benefit" in render_bytes(english, "svg")


def test_png_draws_it(plan: gv.Plan) -> None:
    png = render_bytes(plan, "png")
    assert png.startswith(b"\x89PNG")
    without = plan.model_copy(deep=True)
    without.measures[1].mitigates = []
    assert render_bytes(without, "png") != png


def test_deck_connector_is_dashed_with_a_round_head(plan: gv.Plan) -> None:
    prs = Presentation(io.BytesIO(report_bytes(plan, "pptx", at="2025-10-01")))
    found = {}
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.name in ("arrow M2 -> D1", "arrow M1 -> C1", "legend mitigates"):
                ln = shape._element.spPr.find(qn("a:ln"))
                dash = ln.find(qn("a:prstDash"))
                tail = ln.find(qn("a:tailEnd"))
                found[shape.name] = (
                    None if dash is None else dash.get("val"),
                    None if tail is None else tail.get("type"),
                )
    assert found["arrow M2 -> D1"] == ("lgDash", "oval")
    assert found["legend mitigates"] == ("lgDash", "oval")
    assert found["arrow M1 -> C1"] == (None, "triangle")


def test_excel_round_trip_keeps_it(plan: gv.Plan, tmp_path: Path) -> None:
    path = gv.save(plan, tmp_path / "plan.xlsx")
    assert gv.load(path) == plan
    sheet = openpyxl.load_workbook(path)["Koblinger"]
    rows = list(sheet.iter_rows(values_only=True))
    column = rows[0].index("Kobling")
    relation = {(r[0], r[2]): r[column] for r in rows[1:]}
    assert relation[("M2", "D1")] == "demper"
    assert relation[("M1", "C1")] == "bidrar til"


def test_excel_reads_the_english_word_and_refuses_others(plan: gv.Plan, tmp_path: Path) -> None:
    path = gv.save(plan, tmp_path / "plan.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Koblinger"]
    header = [c.value for c in sheet[1]]
    col = header.index("Kobling") + 1
    rows = {
        (sheet.cell(r, 1).value, sheet.cell(r, 3).value): r for r in range(2, sheet.max_row + 1)
    }
    sheet.cell(rows[("M2", "D1")], col).value = "Mitigates"
    sheet.cell(rows[("M1", "C1")], col).value = None  # empty: contributes
    book.save(path)
    assert gv.load(path) == plan
    sheet.cell(rows[("M2", "D1")], col).value = "hemmer"
    book.save(path)
    with pytest.raises(gv.PlanError, match="'hemmer' is not in the drop-down list"):
        gv.load(path)


def test_yaml_and_json_round_trips(plan: gv.Plan) -> None:
    for fmt in ("yaml", "json"):
        text = gv.dumps(plan, fmt)
        assert "mitigates" in text
        assert gv.loads(text, fmt) == plan


def test_diff_tells_added_and_removed(plan: gv.Plan) -> None:
    new = plan.model_copy(deep=True)
    new.measures[1].mitigates = []
    new.measures[0].mitigates = [gv.model.Mitigation(to="D1")]
    found = list(gv.diff(plan, new))
    said = [sentence(d, "nb") for d in found]
    assert said == [
        "Tiltak M1 «Innføringsprogram» demper nå D1 «Mer tid til rapportering» (ny demping)",
        "Tiltak M2 «Ferdige maler for rapportering» demper ikke lenger D1 «Mer tid til "
        "rapportering» (demping fjernet)",
    ]
    assert sentence(found[0], "en") == (
        "Measure M1 «Innføringsprogram» now mitigates D1 «Mer tid til rapportering» "
        "(new mitigation)"
    )
    noted = plan.model_copy(deep=True)
    noted.changes[0].mitigates[0].note = "Færre skjema"
    (change,) = gv.diff(plan, noted)
    assert (change.kind, change.field) == ("link_changed", "mitigates.note")


def test_impact_lists_the_dis_benefits_left_unmitigated(plan: gv.Plan) -> None:
    # D1 is mitigated by C1 and M2: dropping one leaves the other
    assert gv.impact(plan, "M2").unmitigated == []
    alone = gv.loads(PLAN.replace("mitigates: [{to: D1, note: Mindre skjemaarbeid}]", ""), "yaml")
    result = gv.impact(alone, "M2")
    assert result.unmitigated == ["D1"]
    assert result.orphaned == [] and result.weakened == []
    assert "Ulemper som ikke lenger dempes av noe: D1 «Mer tid til rapportering»" in (
        impact_text(alone, result)
    )
    assert json.loads(impact_json(alone, result))["unmitigated"] == ["D1"]
    assert "unmitigated" not in impact_text(plan, gv.impact(plan, "M1"), language="en")


def test_a_focused_map_without_the_dis_benefit_draws_no_mitigation(plan: gv.Plan) -> None:
    from gevinst.layout.options import MapOptions
    from gevinst.layout.view import map_view

    view = map_view(plan, MapOptions(kinds=["measure", "benefit", "objective", "goal"]))
    assert not [e for e in view.edges if e.style == "mitigates"]


def test_a_goal_slide_holds_the_measures_that_mitigate_its_dis_benefits(plan: gv.Plan) -> None:
    from gevinst.layout.options import MapOptions
    from gevinst.layout.split import MapSplitter

    # M2 only mitigates D1, which feeds O1 and G1: the goal's part holds M2 with D1
    splitter = MapSplitter(plan, MapOptions())
    assert splitter.members("G1") == {"G1", "O1", "B1", "D1", "C1", "M1", "M2"}


# -- a focused map follows a mitigation one step, then the usual rules ------------------------
# By hand from PLAN: D1 feeds O1 -> G1; C1 and M2 mitigate D1; M1 feeds C1 -> B1 -> O1.


def _focused(plan: gv.Plan, **kw: object) -> tuple[list[str], list[tuple[str, str, str]]]:
    from gevinst.layout.options import MapOptions
    from gevinst.layout.view import map_view

    view = map_view(plan, MapOptions(**kw))  # type: ignore[arg-type]
    return [n.id for n in view.nodes], [(e.source, e.target, e.style) for e in view.edges]


def test_a_focus_on_a_dis_benefit_shows_what_mitigates_it(plan: gv.Plan) -> None:
    # D1, what it feeds (O1, G1), its mitigators C1 and M2, and M1, which feeds C1;
    # B1 is fed by C1 but neither feeds D1 nor is fed by it: left out
    nodes, edges = _focused(plan, focus="D1")
    assert nodes == ["G1", "O1", "D1", "C1", "M1", "M2"]
    assert edges == [
        ("O1", "G1", "contributes"),
        ("D1", "O1", "contributes"),
        ("M1", "C1", "contributes"),
        ("C1", "D1", "mitigates"),
        ("M2", "D1", "mitigates"),
    ]
    # a mitigation is one step: depth 1 reaches O1 above and C1, M2 below, not M1
    nodes, edges = _focused(plan, focus="D1", depth=1)
    assert nodes == ["O1", "D1", "C1", "M2"]
    assert edges == [
        ("D1", "O1", "contributes"),
        ("C1", "D1", "mitigates"),
        ("M2", "D1", "mitigates"),
    ]
    assert _focused(plan, focus="D1", depth=0) == (["D1"], [])


def test_a_focus_on_a_measure_shows_the_dis_benefit_it_mitigates(plan: gv.Plan) -> None:
    # M2 contributes to nothing: before, its focused map was M2 alone
    nodes, edges = _focused(plan, focus="M2")
    assert nodes == ["G1", "O1", "D1", "M2"]
    assert edges == [
        ("O1", "G1", "contributes"),
        ("D1", "O1", "contributes"),
        ("M2", "D1", "mitigates"),
    ]
    assert _focused(plan, focus="M2", depth=1) == (["D1", "M2"], [("M2", "D1", "mitigates")])
    # C1 feeds B1 and mitigates D1: both chains up to G1, and M1 below it
    nodes, _ = _focused(plan, focus="C1")
    assert nodes == ["G1", "O1", "B1", "D1", "C1", "M1"]


def test_a_focus_on_a_goal_holds_what_mitigates_its_dis_benefits(plan: gv.Plan) -> None:
    # the same members as the goal's slide in the deck: M2 only mitigates D1
    nodes, edges = _focused(plan, focus="G1")
    assert nodes == ["G1", "O1", "B1", "D1", "C1", "M1", "M2"]
    assert ("M2", "D1", "mitigates") in edges and ("C1", "D1", "mitigates") in edges


def test_a_mitigation_in_a_focus_never_becomes_an_implied_arrow(plan: gv.Plan) -> None:
    # with C1 left out, M1 -> C1 -> B1 -> O1 is a contribution path, but M1's
    # route to D1 goes through a mitigation: no dotted M1 -> D1
    nodes, edges = _focused(plan, focus="D1", kinds=["measure", "disbenefit", "objective"])
    assert nodes == ["O1", "D1", "M1", "M2"]
    assert edges == [("D1", "O1", "contributes"), ("M2", "D1", "mitigates")]


def test_focused_dot_and_svg_draw_the_mitigations(plan: gv.Plan) -> None:
    dot = render_bytes(plan, "dot", focus="D1").decode()
    arrows = re.findall(r"^\t(\w+) -> (\w+) \[(.*)\]$", dot, flags=re.MULTILINE)
    drawn = {(u, v): "tee" in attrs for u, v, attrs in arrows}
    assert drawn == {
        ("O1", "G1"): False,
        ("D1", "O1"): False,
        ("M1", "C1"): False,
        ("C1", "D1"): True,
        ("M2", "D1"): True,
    }
    root = ET.fromstring(render_bytes(plan, "svg", focus="M2", language="en"))
    groups = {
        (g.get("data-source"), g.get("data-target")): g.get("data-relation")
        for g in root.iter("{http://www.w3.org/2000/svg}g")
        if g.get("data-source")
    }
    assert groups == {("O1", "G1"): None, ("D1", "O1"): None, ("M2", "D1"): "mitigates"}


# -- contributing to and mitigating the same dis-benefit: GV115, and two arrows apart ---------
BOTH = PLAN.replace(
    "{id: M2, name: Ferdige maler for rapportering, mitigates: [D1]}",
    "{id: M2, name: Ferdige maler for rapportering, contributes_to: [D1], mitigates: [D1]}",
)


def test_contributing_to_and_mitigating_one_dis_benefit_is_gv115() -> None:
    both = gv.loads(BOTH, "yaml")
    [nb] = [f for f in gv.check(both) if f.code == "GV115"]
    assert (nb.severity, nb.element) == ("warning", "M2")
    assert nb.message == (
        "tiltak M2 både bidrar til ulempe D1 (contributes_to) og demper den (mitigates): "
        "kartet kan ikke si om det skaper eller reduserer ulempen; del det som demper ut i "
        "et eget tiltak eller en egen endring, eller fjern den ene koblingen"
    )
    [en] = [f for f in gv.check(both, language="en") if f.code == "GV115"]
    assert en.message == (
        "measure M2 both contributes to dis-benefit D1 (contributes_to) and mitigates it "
        "(mitigates): the map cannot say whether it causes or reduces the harm; split the "
        "part that mitigates into a measure or change of its own, or remove one of the links"
    )
    # a change too; mitigating one dis-benefit and causing another is no finding
    change = BOTH.replace(
        "contributes_to: [B1],\n     mitigates", "contributes_to: [B1, D1],\n     mitigates"
    )
    assert [
        (f.code, f.element) for f in gv.check(gv.loads(change, "yaml")) if f.code == "GV115"
    ] == [
        ("GV115", "C1"),
        ("GV115", "M2"),
    ]
    other = BOTH.replace("contributes_to: [D1], mitigates", "contributes_to: [B1], mitigates")
    assert not [f for f in gv.check(gv.loads(other, "yaml")) if f.code == "GV115"]
    assert not [f for f in gv.check(gv.loads(PLAN, "yaml")) if f.code == "GV115"]


def test_both_arrows_are_drawn_apart() -> None:
    both = gv.loads(BOTH, "yaml")
    dot = render_bytes(both, "dot").decode()
    arrows = [x for x in dot.splitlines() if x.strip().startswith("M2 -> D1")]
    assert len(arrows) == 2 and ["tee" in x for x in arrows] == [False, True]
    layout = json.loads(render_bytes(both, "json"))
    routes = {e["style"]: e["points"] for e in layout["edges"] if e["source"] == "M2"}
    assert sorted(routes) == ["contributes", "mitigates"]
    # Graphviz routes the two apart; before, both took the last route and one hid the other
    assert routes["contributes"] != routes["mitigates"]
    root = ET.fromstring(render_bytes(both, "svg"))
    relations = sorted(
        str(g.get("data-relation"))
        for g in root.iter("{http://www.w3.org/2000/svg}g")
        if g.get("data-source") == "M2" and g.get("data-target") == "D1"
    )
    assert relations == ["None", "mitigates"]


@pytest.mark.parametrize("language", ["nb", "en"])
def test_both_connectors_in_the_deck_are_apart(language: str) -> None:
    deck = Presentation(
        io.BytesIO(report_bytes(gv.loads(BOTH, "yaml"), "pptx", at="2025-10-01", language=language))
    )
    [slide] = [s for s in deck.slides if any(x.name == "measure M2" for x in s.shapes)]
    shapes = {x.name: x for x in slide.shapes if not x.name.startswith("arrow ")}
    m2, d1 = shapes["measure M2"], shapes["disbenefit D1"]
    arrows = {}
    for arrow in slide.shapes:
        if arrow.name == "arrow M2 -> D1":
            ln = arrow._element.spPr.find(qn("a:ln"))
            dash, head = ln.find(qn("a:prstDash")), ln.find(qn("a:tailEnd")).get("type")
            props = arrow._element.nvCxnSpPr.cNvCxnSpPr
            glued = [
                (int(props.find(qn(tag)).get("id")), int(props.find(qn(tag)).get("idx")))
                for tag in ("a:stCxn", "a:endCxn")
            ]
            arrows[(None if dash is None else dash.get("val"), head)] = (arrow, glued)
    # both are there: the contribution solid with a triangle, the mitigation dashed, round
    assert sorted(arrows, key=str) == [("lgDash", "oval"), (None, "triangle")]
    mitigation, mitigation_glue = arrows[("lgDash", "oval")]
    contribution, contribution_glue = arrows[(None, "triangle")]
    # each glued to a site of its own on M2 and on D1, a site the box has
    for glue in (mitigation_glue, contribution_glue):
        assert [shape_id for shape_id, _ in glue] == [m2.shape_id, d1.shape_id]
    for (_, one), (_, other), box in zip(mitigation_glue, contribution_glue, (m2, d1), strict=True):
        assert one != other
        assert max(one, other) < len(box._element.findall(f".//{qn('a:cxn')}"))
    # worked out: M2's right side holds these two arrows only, at 22 % and 78 % of its
    # height; D1's left side holds three (C1's mitigation above), at 22, 50 and 78 %,
    # these two at 50 and 78 %. The mitigation above, as Graphviz routes it in the SVG.
    for arrow in (mitigation, contribution):
        assert (arrow.begin_x, arrow.end_x) == (m2.left + m2.width, d1.left)
    assert abs(mitigation.begin_y - (m2.top + 0.22 * m2.height)) <= 1
    assert abs(contribution.begin_y - (m2.top + 0.78 * m2.height)) <= 1
    assert abs(mitigation.end_y - (d1.top + 0.50 * d1.height)) <= 1
    assert abs(contribution.end_y - (d1.top + 0.78 * d1.height)) <= 1
    # so at least 0.28 of the shorter box apart at both ends: M2 is 40.6 pt tall
    # (515,620 EMU), 0.28 of it 11.4 pt; before, both ran on one line
    assert contribution.begin_y - mitigation.begin_y >= 0.28 * 515620
    assert contribution.end_y - mitigation.end_y >= 0.28 * 515620
