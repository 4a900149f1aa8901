"""Layout: columns per level, no overlaps, routes that join the boxes, the runner and its cache."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

import gevinst as gv
from gevinst.errors import RenderError
from gevinst.layout import graphviz as _graphviz
from gevinst.layout.geometry import Layout, layout, run_dot, to_dot
from gevinst.layout.options import MapOptions
from gevinst.layout.view import map_view
from tests.mapplans import hostile_plan, large_plan, small_evaluation, small_plan

LEVEL_OF = {"measure": 0, "change": 1, "benefit": 2, "disbenefit": 2, "objective": 3, "goal": 4}


def _overlaps(lay: Layout) -> list[tuple[str, str]]:
    bad = []
    for a, b in itertools.combinations(lay.nodes, 2):
        if a.left < b.right and b.left < a.right and a.top < b.bottom and b.top < a.bottom:
            bad.append((a.id, b.id))
    return bad


def test_columns_run_left_to_right_by_level() -> None:
    lay = layout(small_plan())
    xs = {level: {round(n.x, 1) for n in lay.nodes if n.level == level} for level in range(5)}
    # one column per level: every box of a level has the same centre x
    assert all(len(column) == 1 for column in xs.values())
    centres = [xs[level].pop() for level in range(5)]
    assert centres == sorted(centres)
    assert [h.text for h in lay.headings] == [
        "Tiltak",
        "Endringer",
        "Gevinster",
        "Effektmål",
        "Samfunnsmål",
    ]
    for node in lay.nodes:
        assert node.level == LEVEL_OF[node.kind]


def test_headings_follow_language() -> None:
    plan = small_plan()
    english = layout(plan, MapOptions(language="en"))
    assert [h.text for h in english.headings] == [
        "Measures",
        "Changes",
        "Benefits",
        "Objectives",
        "Goals",
    ]
    assert english.subtitle.startswith("Benefit map")
    with pytest.raises(RenderError, match="nb or en"):
        layout(plan, MapOptions(language="de"))


@pytest.mark.parametrize("plan", [small_plan(), hostile_plan()], ids=["small", "hostile"])
def test_everything_is_on_the_page_and_nothing_overlaps(plan: gv.Plan) -> None:
    lay = layout(plan, MapOptions(assumptions=True))
    assert _overlaps(lay) == []
    gx, gy, gw, gh = lay.graph_box
    for node in lay.nodes:
        assert gx - 0.01 <= node.left and node.right <= gx + gw + 0.01
        assert gy - 0.01 <= node.top and node.bottom <= gy + gh + 0.01
    for item in lay.legend:
        assert gy + gh < item.y < lay.height
        assert item.x + item.width <= lay.width
    assert lay.title_y < min(h.y for h in lay.headings) < gy


def test_bergen_has_no_overlaps_and_every_edge_joins_its_boxes(bergen: gv.Plan) -> None:
    lay = layout(bergen)
    assert _overlaps(lay) == []
    assert len(lay.nodes) == len(list(bergen.elements()))
    # every contribution, and the one mitigation (M12 -> D2), which is no graph edge
    assert len(lay.edges) == gv.build_graph(bergen).number_of_edges() + 1
    assert [(e.source, e.target) for e in lay.edges if e.style == "mitigates"] == [("M12", "D2")]
    for edge in lay.edges:
        source, target = lay.node(edge.source), lay.node(edge.target)
        start, tip = edge.points[0], edge.tip
        assert tip is not None
        assert len(edge.points) % 3 == 1  # cubic Bézier: 1 + 3k control points
        # the curve starts on the source box and the arrow ends on the target box (2 pt slack)
        assert source.left - 2 <= start[0] <= source.right + 2
        assert source.top - 2 <= start[1] <= source.bottom + 2
        assert target.left - 2 <= tip[0] <= target.right + 2
        assert target.top - 2 <= tip[1] <= target.bottom + 2


def test_large_plan_is_legible() -> None:
    lay = layout(large_plan(300))
    assert _overlaps(lay) == []
    # labels are wrapped: no box is wider than the widest column allows
    from gevinst.layout.view import MIN_WIDTH, PAD_X, WRAP_WIDTH

    assert max(n.width for n in lay.nodes) <= WRAP_WIDTH + 2 * PAD_X + 0.01
    assert min(n.width for n in lay.nodes) >= MIN_WIDTH
    assert min(n.font_size for n in lay.nodes) >= 10


def test_same_plan_same_layout() -> None:
    assert layout(small_plan()) == layout(small_plan())


def test_a_map_in_frames_is_the_same_every_time(bergen: gv.Plan) -> None:
    # Graphviz 2.43's second crossing pass orders clusters differently from run to run
    # (about one run in three gave other positions for the Bergen map by goal); the
    # DOT turns it off when there are frames, so the same plan gives the same map.
    options = MapOptions(group_by="goal", assumptions=True)
    source = to_dot(map_view(bergen, options))
    assert "remincross=false" in source
    assert len({run_dot(source, "plain") for _ in range(8)}) == 1
    assert "remincross" not in to_dot(map_view(bergen, MapOptions()))


def test_weights_and_disbenefits_reach_the_edges() -> None:
    lay = layout(small_plan())
    by_pair = {(e.source, e.target): e for e in lay.edges}
    # B1 -> O1 carries the given 0.6; B2 -> O1 the rest, 0.4 (D1 takes no share)
    assert by_pair["B1", "O1"].weight == pytest.approx(0.6)
    assert by_pair["B2", "O1"].weight == pytest.approx(0.4)
    assert by_pair["D1", "O1"].disbenefit
    assert by_pair["D1", "O1"].weight is None


def test_focus_shows_the_chain_only() -> None:
    view = map_view(small_plan(), MapOptions(focus="C1"))
    # C1 is fed by M1 and feeds B1, B2 -> O1 -> G1; M2 and D1 are not on its chain
    assert sorted(n.id for n in view.nodes) == ["B1", "B2", "C1", "G1", "M1", "O1"]
    shallow = map_view(small_plan(), MapOptions(focus="C1", depth=1))
    assert sorted(n.id for n in shallow.nodes) == ["B1", "B2", "C1", "M1"]
    with pytest.raises(RenderError, match="not an element"):
        map_view(small_plan(), MapOptions(focus="X9"))
    with pytest.raises(RenderError, match="focus"):
        map_view(small_plan(), MapOptions(depth=2))


def test_kinds_keep_paths_through_hidden_elements_as_dotted_arrows() -> None:
    view = map_view(small_plan(), MapOptions(kinds=["measures", "goal"]))
    assert [n.id for n in view.nodes] == ["G1", "M1", "M2"]
    assert sorted((e.source, e.target, e.style) for e in view.edges) == [
        ("M1", "G1", "implied"),
        ("M2", "G1", "implied"),
    ]
    with pytest.raises(RenderError, match="known kinds"):
        map_view(small_plan(), MapOptions(kinds=["tiltak"]))


def test_group_by_owner_draws_frames_around_members() -> None:
    lay = layout(small_plan(), MapOptions(group_by="owner"))
    frames = {c.id: c for c in lay.clusters}
    assert set(frames) == {"hr", "leder"}
    assert frames["hr"].label == "HR-sjef"
    for member in ("O1", "B2", "D1"):
        node, frame = lay.node(member), frames["leder"]
        assert frame.x <= node.left and node.right <= frame.x + frame.width
        assert frame.y <= node.top and node.bottom <= frame.y + frame.height
    with pytest.raises(RenderError, match="owner, goal"):
        layout(small_plan(), MapOptions(group_by="colour"))


def test_group_by_goal_puts_each_element_with_the_first_goal_it_reaches(
    bergen: gv.Plan,
) -> None:
    view = map_view(bergen, MapOptions(group_by="goal"))
    groups = {c.id: set(c.members) for c in view.clusters}
    # O2 feeds G1 directly; O1, O3 and O4 feed G2 (which itself feeds G1)
    assert "O2" in groups["G1"]
    assert {"O1", "O3", "O4"} <= groups["G2"]
    # B1 feeds both O2 (-> G1) and B4 (-> O1 -> G2): it belongs to neither frame
    assert all("B1" not in members for members in groups.values())


def test_evaluation_adds_a_status_line() -> None:
    lay = layout(small_plan(), MapOptions(evaluation=small_evaluation()))
    assert lay.node("G1").badge == "▲ 72\u00a0% · Usikker"
    assert lay.node("B2").badge == "○ Ikke målt"
    assert lay.node("C1").badge is None and lay.node("C1").status is None
    assert lay.node("O1").status == "on_track"
    english = layout(small_plan(), MapOptions(evaluation=small_evaluation(), language="en"))
    assert english.node("B1").badge == "■ 30% · Off track"
    assert "2025-10-01" in lay.subtitle


def test_assumptions_become_notes_beside_their_element() -> None:
    lay = layout(small_plan(), MapOptions(assumptions=True))
    note = lay.node("~note~B1")
    assert note.kind == "assumption" and note.element == "B1"
    assert note.lines == ("• Mentorer får avsatt tid",)
    assert note.x == lay.node("B1").x  # same column
    assert any(e.style == "note" and e.tip is None for e in lay.edges)


def test_dot_is_checked_by_graphviz() -> None:
    with pytest.raises(RenderError, match="Graphviz"):
        run_dot("digraph { a -> }", "json0")


def test_wasm_runner_caches_the_compiled_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GEVINST_GRAPHVIZ", "wasm")
    monkeypatch.setenv("GEVINST_CACHE_DIR", str(tmp_path))
    _graphviz._wasm.cache_clear()
    try:
        assert _graphviz.which_graphviz() == "wasm"
        assert b"node a" in run_dot("digraph { a -> b }", "plain")
        cached = list(tmp_path.glob("graphviz-*-wasmtime-*.cwasm"))
        assert len(cached) == 1
        good = cached[0].read_bytes()
        # a damaged cache file is never loaded: it is compiled again and rewritten
        cached[0].write_bytes(good[:32] + b"garbage")
        _graphviz._wasm.cache_clear()
        assert b"node a" in run_dot("digraph { a -> b }", "plain")
        assert cached[0].read_bytes()[:32] == good[:32]
        # a cache folder that cannot be written costs time, not the render
        blocker = tmp_path / "file"
        blocker.write_text("not a folder")
        monkeypatch.setenv("GEVINST_CACHE_DIR", str(blocker / "sub"))
        _graphviz._wasm.cache_clear()
        assert b"node a" in run_dot("digraph { a -> b }", "plain")
    finally:
        _graphviz._wasm.cache_clear()


def test_cache_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GEVINST_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/x/cache")
    assert _graphviz.cache_dir() == Path("/x/cache/gevinst")
    monkeypatch.setenv("GEVINST_CACHE_DIR", "/y")
    assert _graphviz.cache_dir() == Path("/y")


@pytest.mark.system_dot
def test_system_dot_and_wasm_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    if shutil.which("dot") is None:
        pytest.skip("no Graphviz dot on PATH")
    source = to_dot(map_view(small_plan()))
    monkeypatch.setenv("GEVINST_GRAPHVIZ", "dot")
    assert b"Liten plan" in run_dot(source, "json0")


def test_layout_is_plain_data() -> None:
    import dataclasses
    import json

    lay = layout(
        small_plan(), MapOptions(evaluation=small_evaluation(), group_by="owner", assumptions=True)
    )
    data = json.loads(json.dumps(dataclasses.asdict(lay)))  # numbers, strings, lists only
    assert set(data) >= {"width", "height", "nodes", "edges", "clusters", "headings", "legend"}
    assert data["nodes"][0]["id"] == lay.nodes[0].id
    assert len(data["edges"]) == len(lay.edges)
