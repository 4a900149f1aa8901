"""SVG: well-formed XML whatever the names, every element drawn, the same bytes each time."""

from __future__ import annotations

from xml.etree import ElementTree

import gevinst as gv
from gevinst.render import render_bytes, to_svg
from tests.mapplans import HOSTILE, hostile_plan, small_evaluation, small_plan

SVG = "{http://www.w3.org/2000/svg}"


def _texts(root: ElementTree.Element) -> list[str]:
    return [t.text or "" for t in root.iter(f"{SVG}text")]


def test_svg_parses_and_holds_every_element() -> None:
    root = ElementTree.fromstring(render_bytes(small_plan(), "svg"))
    nodes = [g for g in root.iter(f"{SVG}g") if "node" in g.get("class", "").split()]
    assert sorted(g.get("data-id") for g in nodes) == [
        "B1",
        "B2",
        "C1",
        "D1",
        "G1",
        "M1",
        "M2",
        "O1",
    ]
    edges = [g for g in root.iter(f"{SVG}g") if g.get("class") == "edge"]
    assert len(edges) == 9  # 9 links in the small plan
    texts = _texts(root)
    assert "Liten plan for kart" in texts
    assert [
        t for t in texts if t in {"Tiltak", "Endringer", "Gevinster", "Effektmål", "Samfunnsmål"}
    ][:5] == ["Tiltak", "Endringer", "Gevinster", "Effektmål", "Samfunnsmål"]
    # a dis-benefit is dashed, its arrow dashed red
    disbenefit = next(g for g in nodes if g.get("data-id") == "D1")
    assert disbenefit.find(f"{SVG}rect").get("stroke-dasharray")  # type: ignore[union-attr]
    d1 = next(g for g in edges if g.get("data-source") == "D1")
    assert d1.find(f"{SVG}path").get("stroke") == "#CC3311"  # type: ignore[union-attr]


def test_hostile_names_are_text_not_markup() -> None:
    data = render_bytes(hostile_plan(), "svg", assumptions=True, group_by="owner")
    root = ElementTree.fromstring(data)  # well-formed
    assert not [e for e in root.iter() if e.tag in (f"{SVG}script", f"{SVG}img", f"{SVG}b")]
    texts = _texts(root)
    assert HOSTILE.replace("\n", " ") in texts  # the title, exactly
    assert "</text><script>x()</script>" in " ".join(texts)
    assert b"<script" not in data


def test_status_colours_and_badges() -> None:
    root = ElementTree.fromstring(render_bytes(small_plan(), "svg", evaluation=small_evaluation()))
    nodes = {g.get("data-id"): g for g in root.iter(f"{SVG}g") if "node" in g.get("class", "")}
    assert "status-on_track" in nodes["O1"].get("class", "")
    assert nodes["O1"].find(f"{SVG}rect").get("fill") == "#A7DCC9"  # type: ignore[union-attr]
    assert "● 95\u00a0% · I rute" in _texts(nodes["O1"])
    legend = " ".join(_texts(root))
    assert "▲ Usikker" in legend and "■ Ikke i rute" in legend


def test_repr_svg_and_determinism() -> None:
    plan = small_plan()
    assert plan._repr_svg_() == to_svg(plan)
    assert render_bytes(plan, "svg") == render_bytes(small_plan(), "svg")
    assert to_svg(plan).startswith("<?xml")


def test_bergen_svg(bergen: gv.Plan) -> None:
    root = ElementTree.fromstring(render_bytes(bergen, "svg"))
    assert float(root.get("viewBox", "0 0 0 0").split()[2]) > 600
