"""Large maps: ordered for fewer crossings, printed as A3 pages with labels of 9 pt or more."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import gevinst as gv
from benchmarks.generate import portfolio_plan
from benchmarks.map_quality import measure
from gevinst.cli import cli
from gevinst.layout.geometry import EdgeRoute, layout
from gevinst.layout.pages import A3, FOOTER, MIN_LABEL, Page, paginate
from gevinst.layout.request import MapRequest
from gevinst.render import render_bytes

ROOT = Path(__file__).resolve().parents[2]
# 420 x 297 mm at 150 dpi: 1190.55 / 72 * 150 = 2480.3, 841.89 / 72 * 150 = 1753.9, cut down
A3_PIXELS = (2480, 1753)


@pytest.fixture(scope="module")
def big() -> gv.Plan:
    plan: gv.Plan = portfolio_plan(200)  # 400 elements
    return plan


@pytest.fixture(scope="module")
def pages(big: gv.Plan) -> tuple[Page, ...]:
    return paginate(MapRequest(big))


def _media_boxes(pdf: bytes) -> list[tuple[float, float]]:
    found = re.findall(rb"/MediaBox \[\s*[\d.]+ [\d.]+ ([\d.]+) ([\d.]+)\s*\]", pdf)
    return [(float(w), float(h)) for w, h in found]


def test_ordering_keeps_the_generated_map_followable() -> None:
    # measured on the 300-element plan before the columns were ordered: 1785
    # crossings, 53 arrows over 1000 pt, 26 arrows side by side in one gutter; after:
    # 1267, 44 and 21 (docs/maps.md). The bounds leave room for Graphviz versions.
    quality = measure(layout(portfolio_plan(150)))
    assert quality.elements == 300
    assert quality.crossings <= 1450
    assert quality.long_edges <= 48
    assert quality.widest_bundle <= 24


def test_map_quality_counts_a_crossing_worked_by_hand() -> None:
    plan = gv.Plan.new("x", "Kryss")
    plan.add_goal("G1", "Mål")
    plan.add_benefit("B1", "Første", contributes_to=["G1"])
    plan.add_benefit("B2", "Andre", contributes_to=["G1"])
    plan.add_measure("M1", "Første tiltak", contributes_to=["B1"])
    plan.add_measure("M2", "Andre tiltak", contributes_to=["B2"])
    lay = layout(plan)
    assert measure(lay).crossings == 0  # two parallel chains into one goal
    # M1 -> B2 and M2 -> B1 as straight lines make one X; into G1 they share a box

    def line(source: str, target: str) -> EdgeRoute:
        a, b = (lay.node(source).x, lay.node(source).y), (lay.node(target).x, lay.node(target).y)
        return EdgeRoute(source, target, (a, a, b, b), None, None)  # a Bézier that is straight

    straight = [line("M1", "B2"), line("M2", "B1"), line("B1", "G1"), line("B2", "G1")]
    assert measure(dataclasses.replace(lay, edges=tuple(straight))).crossings == 1


def test_examples_stay_one_page() -> None:
    for path in ("examples/bergen_barnevern/plan.yaml", "examples/modulus_barn/plan.yaml"):
        plan = gv.load(ROOT / path)
        assert paginate(MapRequest(plan)) == ()
        lay = layout(plan)
        boxes = _media_boxes(render_bytes(plan, "pdf"))
        assert boxes == [(round(lay.width, 2), round(lay.height, 2))]


def test_large_map_is_an_overview_and_pages(pages: tuple[Page, ...], big: gv.Plan) -> None:
    lay = layout(big)
    assert lay.height > 9000  # one sheet of 3.4 m before
    assert pages[0].key == "overview"
    assert {p.layout.title for p in pages} == {lay.title}
    assert [p.number for p in pages] == list(range(1, len(pages) + 1))
    assert {p.count for p in pages} == {len(pages)}
    # the map is 9626 pt tall at 0.916 (1190.55 / 1299): about 895 pt of it per page,
    # so at least 11 pages of it; the 24 objectives of the overview need 2
    map_pages = [p for p in pages if not p.key.startswith("overview")]
    assert len(map_pages) >= 11
    assert len(pages) <= 16
    # every box is on a page, whole
    on_pages = {
        n.id for p in map_pages for n in p.layout.nodes if p.top <= n.top and n.bottom <= p.bottom
    }
    assert on_pages == {n.id for n in lay.nodes}


def test_labels_are_9_pt_or_more_at_print_size(pages: tuple[Page, ...]) -> None:
    for page in pages:
        assert page.layout.width * page.scale <= A3[0] + 0.01
        assert (page.bottom - page.top) * page.scale <= A3[1] - FOOTER + 0.01
        for node in page.layout.nodes:
            assert node.font_size * page.scale >= MIN_LABEL


def test_pdf_has_every_page_at_a3(big: gv.Plan, pages: tuple[Page, ...]) -> None:
    pdf = render_bytes(big, "pdf")
    assert _media_boxes(pdf) == [A3] * len(pages)
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") >= len(pages)


def test_png_pages_by_number_key_or_all(
    big: gv.Plan, pages: tuple[Page, ...], tmp_path: Path
) -> None:
    from PIL import Image

    plan_file = gv.save(big, tmp_path / "p.yaml")
    out = tmp_path / "map.png"
    runner = CliRunner()
    result = runner.invoke(cli, ["render", str(plan_file), "-o", str(out), "--page", "all"])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in tmp_path.glob("map*.png"))
    assert written == sorted(["map.png"] + [f"map-{p.key}.png" for p in pages[1:]])
    assert "map-part-2.png" in written  # the map in bands (goals share most of their chains)
    for name in written[:3]:
        with Image.open(tmp_path / name) as image:
            assert image.size == A3_PIXELS
    with Image.open(io.BytesIO(gv_page(big, "2"))) as second:
        assert second.size == A3_PIXELS
    assert (tmp_path / "map-overview-2.png").read_bytes() == gv_page(big, "2")
    # a page that is not there: an error naming the pages, and nothing written
    bad = tmp_path / "bad.png"
    result = runner.invoke(cli, ["render", str(plan_file), "-o", str(bad), "--page", "G99"])
    assert result.exit_code == 1
    assert "overview" in result.output
    assert not bad.exists()


def gv_page(plan: gv.Plan, page: str) -> bytes:
    from gevinst.layout.options import MapOptions
    from gevinst.render import map_bytes

    return map_bytes(plan, "png", MapOptions(), page=page)


def test_goals_with_chains_of_their_own_get_a_page_each() -> None:
    # two goals, each fed by 30 measures through one benefit and one objective: the
    # columns of 30 boxes (about 1250 pt) need two pages per goal; the chains share
    # nothing, so pages per goal (G1, G1-2, G2, G2-2) after the overview
    plan = gv.Plan.new("to", "To mål")
    for g in (1, 2):
        plan.add_goal(f"G{g}", f"Samfunnsmål {g}")
        plan.add_objective(f"O{g}", f"Effektmål {g}", contributes_to=[f"G{g}"])
        plan.add_benefit(f"B{g}", f"Gevinst {g}", contributes_to=[f"O{g}"])
        for m in range(30):
            plan.add_measure(f"M{g}_{m}", f"Tiltak {m} for mål {g}", contributes_to=[f"B{g}"])
    pages = paginate(MapRequest(plan))
    assert [p.key for p in pages] == ["overview", "G1", "G1-2", "G2", "G2-2"]
    assert {n.id for n in pages[1].layout.nodes} == {
        "G1",
        "O1",
        "B1",
        *(f"M1_{m}" for m in range(30)),
    }
    assert [p.number for p in pages] == [1, 2, 3, 4, 5]
    assert _media_boxes(render_bytes(plan, "pdf")) == [A3] * 5
