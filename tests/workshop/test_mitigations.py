"""Mitigations in the workshop: made, edited and removed through the server, on disk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import gevinst as gv
from gevinst.graph import mitigations
from tests.workshop.conftest import client_for

#: A plan with a dis-benefit and two measures, one written as a flow map.
PLAN = """\
schema: gevinst/1
plan: {id: dempe, title: Demping}   # the plan
benefits:
  - {id: B1, name: Kortere ventetid}
disbenefits:
  - id: D1
    name: Mer opplæring   # a cost in time
measures:
  - {id: M1, name: Digital innmelding, contributes_to: [B1]}
  - id: M2
    name: Ny mal
"""


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def _post(client: Any, path: str, edit: dict[str, Any] | None = None) -> Any:
    body: dict[str, Any] = {"version": client.get("/api/version").json()["version"]}
    if edit is not None:
        body["edit"] = edit
    return client.post(path, json=body)


def _mitigate(source: str, target: str, **more: Any) -> dict[str, Any]:
    return {"op": "link", "relation": "mitigates", "source": source, "target": target, **more}


def test_a_mitigation_is_added_edited_removed_and_undone(plan_path: Path) -> None:
    flow = "  - {id: M1, name: Digital innmelding, contributes_to: [B1]}\n"
    with client_for(plan_path) as client:
        answer = _post(client, "/api/edit", _mitigate("M1", "D1"))
        assert answer.status_code == 200, answer.json()
        # the flow map keeps its style; the dis-benefit's comment its place
        one = PLAN.replace(
            flow, "  - {id: M1, name: Digital innmelding, contributes_to: [B1], mitigates: [D1]}\n"
        )
        assert plan_path.read_text("utf-8") == one
        m1 = next(e for e in answer.json()["elements"] if e["id"] == "M1")
        assert m1["mitigates"] == [{"to": "D1", "assumptions": []}]
        assert m1["contributes_to"] == [{"to": "B1", "assumptions": []}]
        assert 'data-relation="mitigates"' in answer.json()["svg"]  # drawn on the map

        lines = "Malen brukes\nAlle får opplæring"
        made = _mitigate("M2", "D1", note="Færre feil", assumptions=lines)
        assert _post(client, "/api/edit", made).status_code == 200
        two = one + (
            "    mitigates:\n"
            "      - to: D1\n"
            "        note: Færre feil\n"
            "        assumptions:\n"
            "          - Malen brukes\n"
            "          - Alle får opplæring\n"
        )
        assert plan_path.read_text("utf-8") == two

        # made again to the same dis-benefit: the mitigation is replaced, not doubled
        edited = _mitigate("M2", "D1", note="Mindre feil")
        assert _post(client, "/api/edit", edited).status_code == 200
        three = one + "    mitigates:\n      - to: D1\n        note: Mindre feil\n"
        assert plan_path.read_text("utf-8") == three
        plan = gv.load(plan_path)
        assert [(u, v, d["note"]) for u, v, d in mitigations(plan)] == [
            ("M1", "D1", None),
            ("M2", "D1", "Mindre feil"),
        ]

        removed = {"op": "unlink", "relation": "mitigates", "source": "M1", "target": "D1"}
        answer = _post(client, "/api/edit", removed)
        assert answer.status_code == 200
        four = PLAN + "    mitigates:\n      - to: D1\n        note: Mindre feil\n"
        assert plan_path.read_text("utf-8") == four
        m1 = next(e for e in answer.json()["elements"] if e["id"] == "M1")
        assert m1["mitigates"] == [] and m1["contributes_to"] == [{"to": "B1", "assumptions": []}]
        again = _post(client, "/api/edit", removed)
        assert again.status_code == 422 and "does not mitigate" in again.json()["message"]

        assert _post(client, "/api/undo").status_code == 200
        assert plan_path.read_text("utf-8") == three
        assert _post(client, "/api/redo").status_code == 200
        assert plan_path.read_text("utf-8") == four

        # deleting the dis-benefit takes the mitigations of it along
        answer = _post(client, "/api/edit", {"op": "delete", "id": "D1"})
        assert answer.status_code == 200
        assert plan_path.read_text("utf-8") == (
            "schema: gevinst/1\n"
            "plan: {id: dempe, title: Demping}   # the plan\n"
            "benefits:\n"
            "  - {id: B1, name: Kortere ventetid}\n"
            "measures:\n" + flow + "  - id: M2\n    name: Ny mal\n"
        )
        assert 'data-relation="mitigates"' not in answer.json()["svg"]
        assert _post(client, "/api/undo").status_code == 200
        assert plan_path.read_text("utf-8") == four


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (_mitigate("M1", "B1"), "'B1' is a benefit, not a dis-benefit"),
        (_mitigate("D1", "D1"), "cannot contribute to itself"),
        (_mitigate("M1", "D1", weight=0.5), "a mitigation has no weight"),
        ({**_mitigate("M1", "D1"), "relation": "reduces"}, "'relation' must be one of"),
    ],
)
def test_a_mitigation_the_plan_cannot_have_is_refused(
    plan_path: Path, edit: dict[str, Any], words: str
) -> None:
    with client_for(plan_path) as client:
        answer = _post(client, "/api/edit", edit)
        assert answer.status_code == 422
        assert words in answer.json()["message"]
        assert answer.json()["message"].count("\n") == 0
        assert client.get("/api/state").json()["can"]["undo"] is False
    assert plan_path.read_text("utf-8") == PLAN


def test_a_benefit_cannot_mitigate(plan_path: Path) -> None:
    with client_for(plan_path) as client:
        answer = _post(client, "/api/edit", _mitigate("B1", "D1"))
    assert answer.status_code == 422
    assert answer.json()["message"] == "only a measure or a change can mitigate, not a benefit"


def test_mitigation_edits_write_only_their_lines_and_equal_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Mitigations keep the fast path: only the edited elements are written (also those
    a deleted dis-benefit was mitigated by), and the kept data is that of a fresh read."""
    from tests.workshop.test_edits import edit_each_alone

    text = Path("examples/bergen_barnevern/plan.yaml").read_text("utf-8")
    edits = [
        _mitigate("C1", "D1", note="Mentor avlaster", assumptions=["Mentor har tid"]),
        _mitigate("M12", "D2", note="Endret merknad"),  # its commented list, replaced
        _mitigate("M12", "D1"),
        {"op": "unlink", "relation": "mitigates", "source": "C1", "target": "D1"},
        _mitigate("C2", "D1"),
        {"op": "delete", "id": "D1"},  # mitigated by C2 and M12
    ]
    path = tmp_path / "plan.yaml"
    edit_each_alone(path, text, edits, monkeypatch)
    after = path.read_text("utf-8")
    assert (
        "    mitigates:                     # demper: superbrukere tar av for omstillingen\n"
        in (after)
    )
    assert "      - to: D2\n        note: Endret merknad\n\nstakeholders:\n" in after
    assert [(u, v) for u, v, _ in mitigations(gv.load(path))] == [("M12", "D2")]
