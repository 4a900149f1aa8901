"""The risk profile and realisation measures of a benefit (DFØ's gevinstrealiseringsplan,
issue 16 item 1): read, written back in every plan format, compared by the diff, and
shown in the reports and the deck's appendix."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import gevinst as gv

PLAN = """
schema: gevinst/1
plan: {id: risiko, title: Risiko og realisering, start: 2025-01-01}
goals: [{id: G1, name: Tryggere barn}]
benefits:
  - id: B1
    name: Lavere turnover
    contributes_to: [G1]
    risk: høy
    risk_description: Nabokommunene betaler bedre
    risk_response: Mentorordning for nyansatte
    realisation: [Frigjort tid går til saksarbeid, Rekrutteringsbudsjettet kuttes]
  - {id: B2, name: Uten risiko, contributes_to: [G1]}
disbenefits:
  - {id: D1, name: Mer opplæring, contributes_to: [G1], realisation: Opplæring i turnus}
"""


def test_the_fields_are_read() -> None:
    plan = gv.loads(PLAN)
    b1 = plan["B1"]
    assert (b1.risk, b1.risk_description, b1.risk_response) == (
        "high",
        "Nabokommunene betaler bedre",
        "Mentorordning for nyansatte",
    )
    assert b1.realisation == ["Frigjort tid går til saksarbeid", "Rekrutteringsbudsjettet kuttes"]
    assert plan["D1"].realisation == ["Opplæring i turnus"]  # one is a list of one


@pytest.mark.parametrize("suffix", [".yaml", ".json", ".xlsx"])
def test_every_plan_format_keeps_them(suffix: str, tmp_path: Path) -> None:
    plan = gv.loads(PLAN)
    assert gv.load(gv.save(plan, tmp_path / f"plan{suffix}")) == plan


def test_the_diff_names_a_changed_response() -> None:
    old = gv.loads(PLAN)
    new = gv.loads(PLAN.replace("Mentorordning for nyansatte", "Lønnstillegg"))
    (change,) = gv.diff(old, new).differences
    assert (change.element, change.field) == ("B1", "risk_response")
    assert (change.old, change.new) == ("Mentorordning for nyansatte", "Lønnstillegg")


def test_the_markdown_report_tables_them() -> None:
    from gevinst.report import report_bytes

    text = report_bytes(gv.loads(PLAN), "md").decode()
    section = text.split("## Risiko og gevinstrealisering", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    assert rows[0] == (
        "| Gevinst | Risiko | Risikobeskrivelse | Tiltak mot risikoen | Gevinstrealiseringstiltak |"
    )
    assert rows[1:] == [
        "| B1 Lavere turnover | Stor | Nabokommunene betaler bedre | Mentorordning for nyansatte "
        "| Frigjort tid går til saksarbeid; Rekrutteringsbudsjettet kuttes |",
        "| D1 Mer opplæring | – | – | – | Opplæring i turnus |",
    ]  # B2 has none of it


def test_the_html_report_has_the_section_and_a_plan_without_any_has_none() -> None:
    from html.parser import HTMLParser

    from gevinst.report import report_bytes

    page = report_bytes(gv.loads(PLAN), "html").decode()
    assert '<section id="risks"><h2>Risiko og gevinstrealisering</h2>' in page
    assert 'href="#risks"' in page
    cells: list[str] = []

    class Cells(HTMLParser):
        inside = False

        def handle_starttag(self, tag: str, attrs: object) -> None:
            self.inside = tag == "td"

        def handle_data(self, data: str) -> None:
            if self.inside:
                cells.append(data)

    Cells().feed(page.split('<section id="risks">', 1)[1].split("</section>", 1)[0])
    assert "Mentorordning for nyansatte" in cells and "Opplæring i turnus" in cells
    bare = gv.loads(PLAN.split("  - id: B1")[0] + "  - {id: B2, name: Uten risiko}\n")
    assert 'id="risks"' not in report_bytes(bare, "html").decode()


def test_the_deck_shows_them_in_its_appendix_only() -> None:
    from pptx import Presentation

    from gevinst.report import report_bytes

    plan = gv.loads(PLAN)

    def titles(appendix: bool) -> list[str]:
        deck = Presentation(io.BytesIO(report_bytes(plan, "pptx", appendix=appendix)))
        return [s.shapes.title.text_frame.text for s in deck.slides]

    assert "Vedlegg: Risiko og gevinstrealisering" in titles(True)
    assert not any("Risiko og gevinstrealisering" in t for t in titles(False))
    deck = Presentation(io.BytesIO(report_bytes(plan, "pptx", appendix=True)))
    title = "Vedlegg: Risiko og gevinstrealisering"
    (slide,) = [s for s in deck.slides if s.shapes.title.text_frame.text == title]
    (table,) = [s.table for s in slide.shapes if s.has_table]
    assert [c.text for c in table.rows[1].cells] == [
        "B1 Lavere turnover",
        "Stor",
        "Nabokommunene betaler bedre",
        "Mentorordning for nyansatte",
        "Frigjort tid går til saksarbeid\nRekrutteringsbudsjettet kuttes",
    ]
