"""The typed graph (SPEC section 2): nodes, levels, resolved weights, trace and impact."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest

import gevinst as gv
from gevinst.graph import resolve_weights


def small() -> gv.Plan:
    plan = gv.Plan.new("p", "P")
    plan.add_goal("G1", "Mål")
    plan.add_objective("O1", "Effektmål", contributes_to=["G1"])
    plan.add_benefit("B1", "En", contributes_to=[{"to": "O1", "weight": 0.5}])
    plan.add_benefit("B2", "To", contributes_to=["O1", "B3"])
    plan.add_benefit("B3", "Tre", contributes_to=["O1"])
    plan.add_disbenefit("D1", "Ulempe", contributes_to=["O1"])
    plan.add_change("C1", "Endring", contributes_to=["B1", "B2"])
    plan.add_measure("M1", "Tiltak", contributes_to=["C1"])
    plan.add_measure("M2", "Tiltak to", contributes_to=["B3"])
    return plan


def test_nodes_have_kind_level_name() -> None:
    graph = gv.build_graph(small())
    assert isinstance(graph, nx.DiGraph)
    assert graph.nodes["M1"] == {"kind": "measure", "level": 0, "name": "Tiltak"}
    assert graph.nodes["C1"]["level"] == 1
    assert graph.nodes["D1"] == {"kind": "disbenefit", "level": 2, "name": "Ulempe"}
    assert graph.nodes["O1"]["level"] == 3
    assert graph.nodes["G1"]["level"] == 4


def test_weights_resolved_by_hand() -> None:
    graph = gv.build_graph(small())
    # Into O1: B1 has 0.5 given; B2 and B3 share the rest: (1 - 0.5) / 2 = 0.25 each.
    # D1 is a dis-benefit and carries no share.
    assert graph.edges["B1", "O1"]["weight"] == 0.5
    assert graph.edges["B2", "O1"]["weight"] == 0.25
    assert graph.edges["B3", "O1"]["weight"] == 0.25
    assert graph.edges["D1", "O1"]["weight"] == 0.0
    # Into B3: B2 and M2, no weights: 1/2 each.
    assert graph.edges["B2", "B3"]["weight"] == 0.5
    assert graph.edges["M2", "B3"]["weight"] == 0.5
    # A single edge gets everything.
    assert graph.edges["O1", "G1"]["weight"] == 1.0


def test_resolve_weights_rules() -> None:
    assert resolve_weights([("a", None), ("b", None), ("c", None), ("d", None)]) == {
        "a": 0.25,
        "b": 0.25,
        "c": 0.25,
        "d": 0.25,
    }
    assert resolve_weights([("a", 0.2), ("b", 0.3)]) == {"a": 0.2, "b": 0.3}
    # over-full (GV005): the unweighted get nothing
    assert resolve_weights([("a", 0.8), ("b", 0.4), ("c", None)]) == {"a": 0.8, "b": 0.4, "c": 0.0}
    assert resolve_weights([]) == {}


def test_intermediate_and_end_benefits() -> None:
    bmap = gv.BenefitMap(small())
    assert bmap.intermediate_benefits() == ["B2"]
    assert bmap.end_benefits() == ["B1", "B2", "B3"]
    assert bmap.is_intermediate("B2") and not bmap.is_intermediate("B3")
    assert bmap.contributors("O1") == ["B1", "B2", "B3", "D1"]


def test_trace_up_and_down() -> None:
    plan = small()
    result = gv.trace(plan, "C1")
    assert result.up == [
        ("C1", "B1", "O1", "G1"),
        ("C1", "B2", "B3", "O1", "G1"),
        ("C1", "B2", "O1", "G1"),
    ]
    assert result.down == [("M1", "C1")]
    assert result.goals == ["G1"]
    down = gv.trace(plan, "G1").down
    assert ("M2", "B3", "O1", "G1") in down
    assert gv.trace(plan, "G1").measures == ["D1", "M1", "M2"]  # D1 has nothing feeding it


def test_trace_unknown() -> None:
    with pytest.raises(KeyError):
        gv.trace(small(), "X9")


def test_impact_orphans() -> None:
    plan = small()
    # Without C1, B1 loses its only support; B2 too (C1 is its only feed).
    result = gv.impact(plan, "C1")
    assert result.orphaned == ["B1", "B2"]
    assert result.weakened == []
    # Without M2, B3 keeps support through B2 (from M1): weakened, not orphaned.
    result = gv.impact(plan, "M2")
    assert result.orphaned == []
    assert result.weakened == ["B3"]


def test_graph_of_broken_plan_still_builds() -> None:
    plan = gv.Plan.new("p", "P")
    plan.add_goal("G1", "Mål")
    plan.add_goal("G1", "Mål igjen")  # duplicate id (GV001)
    plan.add_benefit("B1", "Gevinst", contributes_to=["G9", "B1"])  # unknown, self
    graph = gv.build_graph(plan)
    assert sorted(graph.nodes) == ["B1", "G1"]
    assert list(graph.edges) == []


def test_bergen_graph(bergen: gv.Plan) -> None:
    graph = gv.build_graph(bergen)
    assert nx.is_directed_acyclic_graph(graph)
    assert graph.number_of_nodes() == 2 + 4 + 11 + 2 + 8 + 12
    # every measure reaches the top goal "Bergens barn, byens framtid"
    for measure in bergen.measures:
        assert "G1" in gv.trace(bergen, measure.id).goals


def test_impact_scores_at_a_date(bergen: gv.Plan) -> None:
    result = gv.impact(bergen, "B6", at="2025-10-01")
    assert result.orphaned == [] and result.weakened == ["O1", "O3"]
    now = gv.evaluate(bergen, at="2025-10-01")  # type: ignore[arg-type]
    assert result.scores == gv.impact(bergen, "B6", now).scores
    before, after = result.scores["O1"]
    assert before == now.element("O1").score
    # O1 is fed by B4, B5, B6 and B8, a quarter each; without B6 the other three share
    # it equally, so O1's score becomes the plain mean of their scores.
    others = [now.element(b).score for b in ("B4", "B5", "B8")]
    assert after == pytest.approx(sum(others) / 3)  # type: ignore[arg-type]


def test_iterating_a_trace_gives_the_paths_up(bergen: gv.Plan) -> None:
    # SPEC 5: gv.trace(plan, id) -> the paths from that element up to the goals
    # (iterating over it gives those paths)
    for measure in bergen.measures:
        result = gv.trace(bergen, measure.id)
        paths = list(result)
        assert paths == [list(path) for path in result.up]
        assert paths and all(isinstance(path, list) for path in paths)
        for path in paths:
            assert path[0] == measure.id and path[-1] in result.goals
            assert all(gv.build_graph(bergen).has_edge(u, v) for u, v in itertools.pairwise(path))
    top = gv.trace(bergen, "G1")
    assert list(top) == [["G1"]] and top.down  # .up and .down stay
