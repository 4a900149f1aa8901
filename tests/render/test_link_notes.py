"""A link's note (``contributes_to: [{to, note}]``) is shown wherever links are shown.

The note travels once with the edge (graph -> map view -> layout); every format shows
it in its own way and reads back as the note, however hostile its characters: the SVG
and HTML maps as an arrow's tooltip, a numbered circle on the arrow and a numbered
list under the legend; PNG and PDF as the same circle and list; DOT as the edge's
tooltip and external label; Mermaid as the arrow's label; the layout JSON as ``note``
and ``number`` on the edge and the list in ``link_notes``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest

import gevinst as gv
from gevinst.layout.geometry import layout, run_dot
from gevinst.layout.options import MapOptions
from gevinst.render import render_bytes
from tests.mapplans import HOSTILE_NOTE, hostile_plan, small_plan

SVG = "{http://www.w3.org/2000/svg}"
NOTE = "Frigjort tid går til saksbehandling"
ONE_LINE = HOSTILE_NOTE.replace("\n", " ")
BERGEN = Path(__file__).resolve().parents[2] / "examples" / "bergen_barnevern" / "plan.yaml"


def _plan_without_notes() -> gv.Plan:
    plan = small_plan()
    plan.benefits[0].contributes_to[0].note = None
    return plan


def test_the_layout_numbers_each_link_note_and_places_its_marker_on_the_arrow() -> None:
    lay = layout(small_plan())
    assert [(n.number, n.source, n.target, n.note) for n in lay.link_notes] == [
        (1, "B1", "O1", NOTE)
    ]
    (note,) = lay.link_notes
    edge = next(e for e in lay.edges if (e.source, e.target) == ("B1", "O1"))
    assert (edge.note, edge.number) == (NOTE, 1)
    assert all(e.number is None for e in lay.edges if e is not edge)
    # the marker sits on the arrow, between its two boxes
    assert note.marker is not None
    assert lay.node("B1").right <= note.marker[0] <= lay.node("O1").left
    # the list is under the legend and inside the page, which grew to hold it
    assert note.lines == ("Kortere opplæringstid for nyansatte → Raskere saksbehandling: " + NOTE,)
    assert note.y > max(item.y for item in lay.legend) and note.y < lay.height
    assert lay.link_notes_title == "Forutsetninger og begrunnelser for koblinger"
    assert layout(small_plan(), MapOptions(language="en")).link_notes_title == (
        "Assumptions and reasons for links"
    )
    plain = layout(_plan_without_notes())
    assert plain.link_notes == () and plain.height < lay.height
    # the note changes no position of any box or arrow (the DOT label is external)
    assert [(n.x, n.y) for n in plain.nodes] == [(n.x, n.y) for n in lay.nodes]
    assert [e.points for e in plain.edges] == [e.points for e in lay.edges]


def test_a_note_on_a_link_hidden_by_the_view_is_not_listed() -> None:
    lay = layout(small_plan(), MapOptions(kinds=["measure", "objective", "goal"]))
    assert lay.link_notes == ()


def _svg_root(plan: gv.Plan) -> ElementTree.Element:
    return ElementTree.fromstring(render_bytes(plan, "svg"))


def test_svg_shows_the_note_as_tooltip_marker_and_list() -> None:
    root = _svg_root(small_plan())
    edge = next(
        g
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "edge" and (g.get("data-source"), g.get("data-target")) == ("B1", "O1")
    )
    assert edge.findtext(f"{SVG}title") == f"1: {NOTE}"
    (marker,) = [g for g in root.iter(f"{SVG}g") if g.get("class") == "link-marker"]
    assert marker.findtext(f"{SVG}text") == "1"
    assert marker.find(f"{SVG}circle") is not None
    (listing,) = [g for g in root.iter(f"{SVG}g") if g.get("class") == "link-notes"]
    texts = [t.text for t in listing.iter(f"{SVG}text")]
    assert texts[0] == "Forutsetninger og begrunnelser for koblinger"
    assert texts[1:] == [
        "1",
        f"Kortere opplæringstid for nyansatte → Raskere saksbehandling: {NOTE}",
    ]


def test_svg_without_notes_has_no_list() -> None:
    root = _svg_root(_plan_without_notes())
    classes = {g.get("class") for g in root.iter(f"{SVG}g")}
    assert "link-notes" not in classes and "link-marker" not in classes


def test_a_hostile_note_stays_text_in_svg() -> None:
    root = _svg_root(hostile_plan())
    assert not list(root.iter(f"{SVG}script"))
    titles = [t.text for t in root.iter(f"{SVG}title")]
    assert f"1: {ONE_LINE}" in titles
    listed = " ".join(
        t.text or ""
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "link-note"
        for t in g.iter(f"{SVG}text")
    )
    assert "<script>alert(1)</script>" in listed and "-->|y|" in listed


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def test_html_map_carries_the_note_on_the_arrow_and_in_the_elements_facts() -> None:
    page = render_bytes(hostile_plan(), "html").decode("utf-8")
    parser = _Tags()
    parser.feed(page)
    assert parser.tags.count("script") == 2  # the data block and the page's own script
    data_text = re.search(r'id="gevinst-data">(.*?)</script>', page, re.S)
    assert data_text is not None
    data = json.loads(data_text.group(1))
    assert data["elements"]["node"]["links"] == [f"1. → {_name('subgraph')}: {ONE_LINE}"]
    assert data["elements"]["subgraph"]["links"] == [f"1. ← {_name('node')}: {ONE_LINE}"]
    assert data["words"]["link_notes"] == "Forutsetninger og begrunnelser for koblinger"
    # the map inside the page is the SVG map: the arrow's tooltip and the list
    svg = page[page.index("<svg") : page.index("</svg>") + 6]
    root = ElementTree.fromstring(svg)
    assert f"1: {ONE_LINE}" in [t.text for t in root.iter(f"{SVG}title")]


def _name(element_id: str) -> str:
    plan = hostile_plan()
    name = next(e.name for e in plan.elements() if e.id == element_id)
    return " ".join(name.split("\n"))


def test_dot_has_the_note_as_tooltip_and_external_label_that_graphviz_draws() -> None:
    source = render_bytes(hostile_plan(), "dot").decode("utf-8")
    svg = ElementTree.fromstring(run_dot(source, "svg"))
    drawn = [t.text for t in svg.iter(f"{SVG}text")]
    assert ONE_LINE in drawn  # the external label, as text
    assert not list(svg.iter(f"{SVG}script"))
    links = [a.get("{http://www.w3.org/1999/xlink}title") for a in svg.iter(f"{SVG}a")]
    assert ONE_LINE in links  # the tooltip
    small = render_bytes(small_plan(), "dot").decode("utf-8")
    assert f'tooltip="{NOTE}"' in small and f'xlabel="{NOTE}"' in small


_LABELLED = re.compile(r'^\s+[A-Za-z]\w* -->\|"(?P<label>[^"]*)"\| [A-Za-z]\w*$')


def test_mermaid_has_the_note_as_the_arrows_label_in_entity_codes() -> None:
    text = render_bytes(hostile_plan(), "mmd").decode("utf-8")
    labels = [m["label"] for line in text.splitlines() if (m := _LABELLED.match(line))]
    assert len(labels) == 1
    plain = re.sub(r"#\d+;", "", labels[0])
    assert re.fullmatch(r"[\w .,:_/()'!?+]*", plain), labels[0]  # no - | " < > [ ] { }
    decoded = re.sub(r"#(\d+);", lambda m: chr(int(m[1])), labels[0])
    assert decoded == ONE_LINE
    assert (
        '-->|"Frigjort tid går til saksbehandling"|' in render_bytes(small_plan(), "mmd").decode()
    )


def test_layout_json_has_the_note_on_the_edge_and_the_list() -> None:
    data = json.loads(render_bytes(hostile_plan(), "json"))
    edge = next(e for e in data["edges"] if (e["source"], e["target"]) == ("node", "subgraph"))
    assert edge["note"] == HOSTILE_NOTE and edge["number"] == 1
    (entry,) = data["link_notes"]
    assert (entry["number"], entry["source"], entry["target"], entry["note"]) == (
        1,
        "node",
        "subgraph",
        ONE_LINE,
    )
    assert len(entry["marker"]) == 2


def test_pdf_map_lists_the_note(tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler) is not installed")
    pdf = tmp_path / "kart.pdf"
    pdf.write_bytes(render_bytes(small_plan(), "pdf"))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Forutsetninger og begrunnelser for koblinger" in text
    assert NOTE in text


def test_png_map_draws_the_marker_and_the_list() -> None:
    import io

    from PIL import Image

    with_note = Image.open(io.BytesIO(render_bytes(small_plan(), "png"))).convert("L")
    without = Image.open(io.BytesIO(render_bytes(_plan_without_notes(), "png"))).convert("L")
    assert with_note.height > without.height  # the list under the legend
    lay = layout(small_plan())
    (note,) = lay.link_notes
    assert note.marker is not None
    scale = with_note.width / lay.width
    # around the marker the two pictures differ: the circle and its number are drawn
    # over the arrow (every box and arrow is where it was: the layout is the same)
    x, y = note.marker
    r = lay.marker_radius + 1
    box = tuple(round(v * scale) for v in (x - r, y - r, x + r, y + r))
    ImageChops = pytest.importorskip("PIL.ImageChops")
    assert ImageChops.difference(with_note.crop(box), without.crop(box)).getbbox() is not None
    assert with_note.crop(box).getextrema()[0] < 80  # the dark number
    # and the list's number "1" is drawn where the layout put it
    left = round(note.x * scale)
    top = round((note.y - lay.link_note_size) * scale)
    box = with_note.crop((left, top, left + round(10 * scale), round(note.y * scale) + 2))
    assert box.getextrema()[0] < 100


def test_bergen_map_lists_its_three_link_notes() -> None:
    lay = layout(gv.load(BERGEN))
    assert [(n.number, n.source, n.target) for n in lay.link_notes] == [
        (1, "B1", "B4"),
        (2, "B11", "B4"),
        (3, "M12", "D2"),  # a mitigation's note, numbered after the contributions'
    ]
    assert all(n.marker is not None for n in lay.link_notes)


# -- the reports ---------------------------------------------------------------------------


def _many_notes_plan() -> gv.Plan:
    """The hostile plan with ten more benefits whose links carry notes (11 in all)."""
    plan = hostile_plan()
    for number in range(1, 11):
        plan.add_benefit(
            f"X{number}",
            f"Gevinst {number} | ekstra",
            contributes_to=[{"to": "subgraph", "note": f"Merknad {number}: æøå | ]] -->"}],
        )
    return plan


def test_markdown_report_has_a_table_of_link_notes_that_stays_a_table() -> None:
    from gevinst.report import report_bytes

    text = report_bytes(hostile_plan(), "md").decode("utf-8")
    lines = text.splitlines()
    start = lines.index("### Forutsetninger og begrunnelser for koblinger")
    table = [line for line in lines[start + 1 :] if line.startswith("|")][:3]
    assert table[0] == "| Fra | Til | Vekt | Merknad |"
    row = table[2]
    # four cells: no | of the note or a name ends a cell early, no newline breaks the row
    cells = re.split(r"(?<!\\)\|", row)[1:-1]
    assert len(cells) == 4, row
    assert cells[0].strip().startswith("node ")
    assert "&lt;script&gt;" in cells[3] and "<script>" not in row
    # the Mermaid map in the same report has the note on the arrow
    assert re.search(r'[A-Za-z]\w* -->\|"Fordi #34;x#34;', text)


def test_html_report_lists_the_link_notes_numbered_as_on_the_map() -> None:
    from gevinst.report import report_bytes

    page = report_bytes(gv.load(BERGEN), "html", at="2025-10-01").decode("utf-8")
    parser = _Rows()
    parser.feed(page)
    assert parser.rows == [
        [
            "1",
            "B1 Kortere opplæringstid for nyansatte",
            "B4 Mer tid til direkte arbeid med sakene",
            "Nyansatte blir raskere selvstendige",
        ],
        [
            "2",
            "B11 Mindre tid til manuell registrering og leting i systemene",
            "B4 Mer tid til direkte arbeid med sakene",
            "Tid spart på registrering går til samtaler med barn og familier",
        ],
        [
            "3",
            "M12 Superbrukernettverk for Modulus Barn, Altinn, BK360 og BkKvalitet",
            "D2 Omstillingsbelastning ved nye rutiner og systemer",
            "Superbrukere hjelper kollegaer i gang med nye systemer",
        ],
    ]
    hostile = report_bytes(hostile_plan(), "html").decode("utf-8")
    tags = _Tags()
    tags.feed(hostile)
    assert tags.tags.count("script") == 2  # data block and script of the map, nothing else
    rows = _Rows()
    rows.feed(hostile)
    assert rows.rows[0][3] == ONE_LINE


class _Rows(HTMLParser):
    """The cells of table rows that carry data-source (the table of link notes)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._in_row = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr" and dict(attrs).get("data-source") is not None:
            self._in_row = True
            self.rows.append([])
        elif tag == "td" and self._in_row:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None
        elif tag == "tr":
            self._in_row = False

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _deck(plan: gv.Plan) -> object:
    import io

    from pptx import Presentation

    from gevinst.report import report_bytes

    return Presentation(io.BytesIO(report_bytes(plan, "pptx", appendix=True)))


def _title(slide: object) -> str:
    return str(slide.shapes.title.text_frame.text)  # type: ignore[attr-defined]


def test_deck_explains_the_links_in_a_table_of_readable_text() -> None:
    from gevinst.report.pptx.deck import LINK_ROWS

    deck = _deck(_many_notes_plan())
    titles = [_title(s) for s in deck.slides]  # type: ignore[attr-defined]
    # the link notes are in the appendix the deck adds when asked
    title = "Vedlegg: Forutsetninger og begrunnelser for koblinger"
    assert titles.count(title) == 1
    slide = deck.slides[titles.index(title)]  # type: ignore[attr-defined]
    assert slide.shapes[0] == slide.shapes.title  # the title first in reading order
    (table,) = [s.table for s in slide.shapes if s.has_table]
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0] == ["Fra", "Til", "Merknad"]  # a header row
    assert len(cells) == 1 + LINK_ROWS
    assert cells[1][2] == ONE_LINE  # the hostile note, as text
    sizes = {
        run.font.size.pt
        for shape in slide.shapes
        if shape.has_text_frame or shape.has_table
        for frame in (
            [shape.text_frame]
            if shape.has_text_frame
            else [c.text_frame for row in shape.table.rows for c in row.cells]
        )
        for paragraph in frame.paragraphs
        for run in paragraph.runs
        if run.font.size is not None and shape.top < 6400000  # the footer may be 10 pt
    }
    assert sizes and min(sizes) >= 12
    # the rows left out of the table are said on the slide and spoken in its notes
    texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
    assert "3 flere koblinger har merknader" in " ".join(texts)
    notes = slide.notes_slide.notes_text_frame.text
    assert all(f"Merknad {n}: æøå" in notes for n in range(1, 11))


def test_deck_without_link_notes_has_no_links_slide() -> None:
    deck = _deck(_plan_without_notes())
    assert "Vedlegg: Forutsetninger og begrunnelser for koblinger" not in [
        _title(s)
        for s in deck.slides  # type: ignore[attr-defined]
    ]


@pytest.mark.browser
def test_html_map_hover_shows_the_notes_of_an_elements_links(tmp_path: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    from gevinst.render import render
    from tests.conftest import chromium

    page = render(hostile_plan(), tmp_path / "kart.html")
    with chromium(1600, 1000) as browser:
        browser.get(page.as_uri())
        node = browser.find_element(By.CSS_SELECTOR, 'g.node[data-id="node"]')
        ActionChains(browser).move_to_element(node).perform()
        tip = browser.find_element(By.ID, "tooltip")
        assert tip.is_displayed()
        assert "Forutsetninger og begrunnelser for koblinger" in tip.text
        assert "<script>alert(1)</script>" in tip.text  # as text, not run
        markup = "return document.querySelectorAll('#tooltip script, #tooltip img').length"
        assert browser.execute_script(markup) == 0
        # the arrow is named by its note for a screen reader, and its marker too
        titles = browser.execute_script(
            "return Array.from(document.querySelectorAll("
            "'g.edge > title, g.link-marker > title')).map(t => t.textContent)"
        )
        assert titles == [f"1: {ONE_LINE}", f"1: {ONE_LINE}"]
