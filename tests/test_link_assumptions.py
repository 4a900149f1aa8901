"""Assumptions on links, not only on elements (issue 16 item 4): read, written back in
every plan format, compared by the diff and shown on the map beside the link's note."""

from __future__ import annotations

from pathlib import Path

import pytest

import gevinst as gv

PLAN = """
schema: gevinst/1
plan: {id: la, title: Forutsetninger på koblinger, start: 2025-01-01}
goals: [{id: G1, name: Tryggere barn}]
objectives: [{id: O1, name: Raskere avklaring, contributes_to: [G1]}]
benefits:
  - id: B1
    name: Kortere ventetid
    contributes_to:
      - {to: O1, note: Mindre kø, assumptions: [Teamene er bemannet, "Rutinen, slik den er"]}
measures:
  - {id: M1, name: Nytt fagsystem, contributes_to: [{to: B1, assumptions: Data er flyttet}]}
"""


def test_a_link_carries_its_assumptions() -> None:
    plan = gv.loads(PLAN)
    held = ["Teamene er bemannet", "Rutinen, slik den er"]
    assert plan["B1"].contributes_to[0].assumptions == held
    assert plan["M1"].contributes_to[0].assumptions == ["Data er flyttet"]  # one is a list
    assert [f for f in gv.check(plan) if f.severity == "error"] == []


@pytest.mark.parametrize("suffix", [".yaml", ".json", ".xlsx"])
def test_every_plan_format_keeps_them(suffix: str, tmp_path: Path) -> None:
    plan = gv.loads(PLAN)
    again = gv.load(gv.save(plan, tmp_path / f"plan{suffix}"))
    assert again == plan
    assert again["B1"].contributes_to[0].assumptions[1] == "Rutinen, slik den er"


def test_the_excel_links_sheet_has_a_column_for_them(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(gv.save(gv.loads(PLAN), tmp_path / "plan.xlsx"))
    links = book["Koblinger"]
    header = [c.value for c in links[1]]
    assert header[-2:] == ["Forutsetninger", "Kobling"]  # the relation comes last
    rows = {(r[0].value, r[2].value): r[-2].value for r in links.iter_rows(min_row=2)}
    assert rows[("M1", "B1")] == "Data er flyttet"
    assert rows[("B1", "O1")] == "• Teamene er bemannet\n• Rutinen, slik den er"


def test_the_diff_reports_a_changed_assumption() -> None:
    old = gv.loads(PLAN)
    new = gv.loads(PLAN.replace("assumptions: Data er flyttet", "assumptions: Data er vasket"))
    (change,) = gv.diff(old, new).differences
    assert (change.kind, change.element, change.detail) == ("link_changed", "M1", "B1")
    assert change.field == "contributes_to.assumptions"
    assert (change.old, change.new) == (["Data er flyttet"], ["Data er vasket"])


def test_the_map_shows_them_after_the_note_when_assumptions_are_shown(tmp_path: Path) -> None:
    plan = gv.loads(PLAN)
    shown = gv.render(plan, tmp_path / "with.svg", assumptions=True).read_text("utf-8")
    assert "Mindre kø Forutsetninger: Teamene er bemannet; Rutinen, slik den er" in shown
    assert "Forutsetninger: Data er flyttet" in shown  # a link with no note of its own
    plain = gv.render(plan, tmp_path / "without.svg").read_text("utf-8")
    assert "Mindre kø" in plain and "Teamene er bemannet" not in plain
    english = plan.model_copy(deep=True)
    english.info.language = "en"
    text = gv.render(english, tmp_path / "en.svg", assumptions=True).read_text("utf-8")
    assert "Assumptions: Data er flyttet" in text
