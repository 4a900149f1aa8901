"""The council deck, read back with python-pptx."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

import gevinst as gv
from gevinst.layout.options import MapOptions
from gevinst.layout.split import MIN_FONT, fit, map_parts
from gevinst.report import report, report_bytes
from tests.strategies import plans

AT = "2025-10-01"
NASTY = 'Sagt "hei" <b>&amp; {x} ] \\ æøå'


def deck(plan: gv.Plan, **options: object) -> Presentation:
    return Presentation(io.BytesIO(report_bytes(plan, "pptx", **options)))  # type: ignore[arg-type]


def map_slides(prs: Presentation) -> list:
    keys = ("gevinstkart", "benefit map")
    return [
        s for s in prs.slides if s.shapes.title and s.shapes.title.text.lower().startswith(keys)
    ]


def texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


@pytest.fixture(scope="module")
def bergen_deck() -> Presentation:
    plan = gv.load(Path(__file__).parents[2] / "examples/bergen_barnevern/plan.yaml")
    return deck(plan, at=AT)


def test_16_9_and_story_order(bergen_deck: Presentation) -> None:
    assert (bergen_deck.slide_width, bergen_deck.slide_height) == (12192000, 6858000)
    titles = [s.shapes.title.text for s in bergen_deck.slides if s.shapes.title]
    assert titles[0] == "Smidige metoder i barnevernet"
    assert titles[1] == "Hvorfor tiltakene betyr noe"
    first = {
        key: next(i for i, t in enumerate(titles) if t.startswith(key))
        for key in ("Oversikt", "Gevinstkart", "Indikatorer", "Interessenter", "Økonomi")
    }
    assert list(first) == sorted(first, key=first.__getitem__)


def test_every_element_name_is_a_shape_text_on_the_map_slides(
    bergen: gv.Plan, bergen_deck: Presentation
) -> None:
    slides = map_slides(bergen_deck)
    assert len(slides) >= 2  # the Bergen map is split by goal
    first_lines = {t.split("\n")[0] for s in slides for t in texts(s)}
    for element in bergen.elements():
        assert element.name in first_lines, element.id


def test_map_boxes_are_native_shapes_with_connectors(bergen_deck: Presentation) -> None:
    slide = map_slides(bergen_deck)[0]
    boxes = [s for s in slide.shapes if s.name.startswith(("benefit ", "measure ", "goal "))]
    arrows = [s for s in slide.shapes if s.name.startswith("arrow ")]
    assert boxes and arrows
    assert all(s.shape_type is not None and not hasattr(s, "image") for s in boxes)
    # each connector is glued to the two boxes it joins
    xml = arrows[0]._element.xml
    assert "a:stCxn" in xml and "a:endCxn" in xml and "tailEnd" in xml


def test_map_text_is_at_least_12_pt_and_fits(bergen: gv.Plan) -> None:
    from gevinst.report.pptx.map import readable

    ev = gv.evaluate(bergen, at=AT)
    names = {e.id: e.name for e in bergen.elements()}
    options = MapOptions(evaluation=ev, language="nb")
    parts = map_parts(bergen, options, lambda lay: readable(lay, names))
    assert len(parts) == 7  # the Bergen map at 12 pt: seven slides
    for _, lay in parts:
        assert readable(lay, names)
        place = fit(lay)
        # boxes in a column never overlap after scaling
        for a in lay.nodes:
            for b in lay.nodes:
                if a.id < b.id and a.level == b.level:
                    gap = abs(a.y - b.y) * place.sy - (a.height + b.height) / 2 * place.box_scale
                    assert gap >= 0, (a.id, b.id)


def test_a_benefit_reached_from_two_objectives_is_one_part(
    bergen: gv.Plan, bergen_deck: Presentation
) -> None:
    """B4 feeds O1 and O3: once its own part under each, two near-identical slides
    ("(1/2)", "(2/2)") that differed in one box; now one part shows it feeding both."""
    from gevinst.report.pptx.map import readable

    ev = gv.evaluate(bergen, at=AT)
    names = {e.id: e.name for e in bergen.elements()}
    options = MapOptions(evaluation=ev, language="nb")
    parts = map_parts(bergen, options, lambda lay: readable(lay, names))
    roots = [root for root, _ in parts]
    assert len(roots) == len(set(roots))
    [b4] = [lay for root, lay in parts if root == "B4"]
    assert {"B4", "O1", "O3", "M1", "M12"} <= {n.id for n in b4.nodes}
    titles = [s.shapes.title.text for s in map_slides(bergen_deck)]
    assert not any("(1/2)" in title for title in titles), titles


def test_small_map_is_one_slide(minimal: gv.Plan) -> None:
    prs = deck(minimal)
    assert [s.shapes.title.text for s in map_slides(prs)] == ["Gevinstkart"]


def test_status_table_coloured(bergen: gv.Plan) -> None:
    tables = [
        shape.table
        for s in deck(bergen, at=AT, appendix=True).slides  # in the appendix
        if s.shapes.title and s.shapes.title.text.startswith("Vedlegg: Status for")
        for shape in s.shapes
        if shape.has_table
    ]
    assert tables
    header = [c.text for c in tables[0].rows[0].cells]
    assert header == ["Id", "Type", "Navn", "Eier", "Status", "Score", "Siden forrige periode"]
    rows = {r.cells[0].text: r for t in tables for r in list(t.rows)[1:]}
    assert rows["B2"].cells[4].text == "■ Ikke i rute"
    assert str(rows["B2"].cells[4].fill.fore_color.rgb) == "F3B48F"
    assert rows["B1"].cells[4].text == "● I rute"


def test_indicator_charts_are_native_with_the_right_values(
    bergen: gv.Plan, bergen_deck: Presentation
) -> None:
    charts = {
        shape.chart.chart_title.text_frame.text: shape.chart
        for s in bergen_deck.slides
        for shape in s.shapes
        if shape.has_chart and shape.name.startswith("chart I")
    }
    assert 1 <= len(charts) <= 6
    chart = charts["Turnover blant saksbehandlere"]
    # python-pptx names an XY chart by its first series' look; all are scatter charts
    assert chart.chart_type in (XL_CHART_TYPE.XY_SCATTER, XL_CHART_TYPE.XY_SCATTER_LINES)
    assert chart._chartSpace.xpath(".//c:scatterChart")
    series = {s.name: list(s.values) for s in chart.plots[0].series}
    # I2: baseline 18 (2023-12-31), targets 14 (2025-12-31) and 12 (2027-12-31); one
    # measurement, 17 on 2024-12-31
    assert series["Forventet utvikling"] == [18.0, 14.0, 12.0]
    assert series["Målt"] == [17.0]
    assert series["Målverdier"] == [14.0, 12.0]
    x = chart.plots[0].series[0]._element.xpath("./c:xVal//c:v")
    assert float(x[0].text) == (dt.date(2023, 12, 31) - dt.date(1899, 12, 30)).days


def test_money_chart_and_table(bergen: gv.Plan, bergen_deck: Presentation) -> None:
    money = gv.evaluate(bergen, at=AT).npv()
    slide = next(s for s in bergen_deck.slides if s.shapes.title.text.startswith("Økonomi"))
    chart = next(shape.chart for shape in slide.shapes if shape.has_chart)
    assert chart.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    realised = dict(zip(chart.plots[0].categories, chart.plots[0].series[1].values, strict=True))
    assert realised["Kostnader"] == round(-money.costs / 1e6, 1)
    assert realised["Netto"] == round(money.net / 1e6, 1)
    assert any(shape.has_table for shape in slide.shapes)


def test_stakeholders_native_and_not_overlapping(
    bergen: gv.Plan, bergen_deck: Presentation
) -> None:
    slide = next(s for s in bergen_deck.slides if s.shapes.title.text.startswith("Interessenter"))
    chips = [s for s in slide.shapes if s.name.startswith("stakeholder ")]
    assert sorted(c.text_frame.text for c in chips) == sorted(s.name for s in bergen.stakeholders)
    for a in chips:
        for b in chips:
            if a is not b:
                apart = (
                    a.left + a.width <= b.left
                    or b.left + b.width <= a.left
                    or a.top + a.height <= b.top
                    or b.top + b.height <= a.top
                )
                assert apart, (a.name, b.name)


def test_notes_on_every_slide(bergen_deck: Presentation) -> None:
    for slide in bergen_deck.slides:
        assert slide.has_notes_slide
        assert len(slide.notes_slide.notes_text_frame.text) > 40


def test_english_deck(bergen: gv.Plan) -> None:
    prs = deck(bergen, at=AT, language="en")
    titles = [s.shapes.title.text for s in prs.slides]
    assert "Why the measures matter" in titles
    assert "Read the benefit map" in map_slides(prs)[0].notes_slide.notes_text_frame.text


def test_nasty_labels_survive() -> None:
    plan = gv.Plan.new("p", NASTY)
    plan.add_stakeholder("s1", NASTY, power="high", interest="high")
    plan.add_goal("G1", NASTY)
    plan.add_benefit("B1", "Gevinst æøå", owner="s1", contributes_to=["G1"])
    plan.add_measure("M1", "Tiltak <script>", contributes_to=["B1"])
    prs = deck(plan, at="2025-01-01")
    assert prs.slides[0].shapes.title.text == NASTY
    on_map = {t.split("\n")[0] for s in map_slides(prs) for t in texts(s)}
    assert {NASTY, "Gevinst æøå", "Tiltak <script>"} <= on_map


def test_same_plan_same_bytes(bergen: gv.Plan) -> None:
    first = report_bytes(bergen, "pptx", at=AT)
    assert first == report_bytes(bergen, "pptx", at=AT)
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    props = Presentation(io.BytesIO(first)).core_properties
    assert props.created == dt.datetime(2025, 10, 1, 12, 0)
    assert props.last_modified_by == "gevinst"
    assert props.revision == 1


def test_writes_file(tmp_path: Path, minimal: gv.Plan) -> None:
    out = report(minimal, tmp_path / "deck.pptx")
    assert Presentation(str(out)).slides
    assert Emu(1)  # python-pptx reads it


def test_a_goal_slide_stays_readable_for_a_wide_plan() -> None:
    plan = gv.Plan.new("big", "Stor plan")
    for g in range(3):
        plan.add_goal(f"G{g}", f"Samfunnsmål nummer {g} med et ganske langt navn")
        for o in range(2):
            oid = f"O{g}{o}"
            plan.add_objective(oid, f"Effektmål {g}.{o} for tjenesten", contributes_to=[f"G{g}"])
            for b in range(4):
                bid = f"B{g}{o}{b}"
                plan.add_benefit(bid, f"Gevinst {g}.{o}.{b} som er viktig", contributes_to=[oid])
                plan.add_measure(f"M{g}{o}{b}", f"Tiltak {g}.{o}.{b}", contributes_to=[bid])
    parts = map_parts(plan, MapOptions(language="nb"))
    assert len(parts) > 1
    shown = {n.id for _, lay in parts for n in lay.nodes}
    assert shown == {e.id for e in plan.elements()}
    for _, lay in parts:
        assert fit(lay).font >= MIN_FONT


def test_line_breaks_and_blank_lines_in_names() -> None:
    plan = gv.Plan.new("p", "Plan\nmed to linjer", organisation="Org\n\nmed tom linje")
    plan.add_stakeholder("s1", "Leder\nav alt", power="high", interest="high")
    plan.add_goal("G1", "Mål\nto")
    plan.add_benefit("B1", "Gevinst\nny linje", owner="s1", contributes_to=["G1"])
    prs = deck(plan, at="2025-01-01", appendix=True)  # the status table is in the appendix
    assert prs.slides[0].shapes.title.text == "Plan med to linjer"
    cells = [
        cell
        for s in prs.slides
        for shape in s.shapes
        if shape.has_table
        for row in shape.table.rows
        for cell in row.cells
    ]
    multi = next(c for c in cells if c.text == "Gevinst\nny linje")
    sizes = {r.font.size for p in multi.text_frame.paragraphs for r in p.runs}
    assert sizes == {Pt(12)}  # every line styled, not just the first


# 15 examples, not 25: a whole deck per example made this the second slowest test measured
# (--durations: 52 s); the 400-element deck is tested in test_deck_rules.py.
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow],
)
@given(plan=plans(), at=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2060, 1, 1)))
def test_any_valid_plan_makes_a_deck_with_every_name_on_the_map(plan: gv.Plan, at: dt.date) -> None:
    from gevinst.theme import clean_text

    assume(not [f for f in gv.check(plan) if f.severity == "error"])
    prs = deck(plan, at=at)
    shown = [t for s in map_slides(prs) for t in texts(s)]
    for element in plan.elements():
        name = clean_text(element.name)
        assert any(t.startswith(name) for t in shown), element.id
    for slide in prs.slides:
        assert slide.notes_slide.notes_text_frame.text


def test_characters_xml_forbids_become_spaces() -> None:
    # JSON can carry "\u000b" and "\uffff"; XML (and so PowerPoint) cannot
    plan = gv.loads(
        '{"schema": "gevinst/1", "plan": {"id": "p", "title": "T\\uffffx"},'
        ' "goals": [{"id": "G1", "name": "M\\u000bål"}]}',
        format="json",
    )
    prs = deck(plan)
    assert prs.slides[0].shapes.title.text == "T x"
    assert any(t.startswith("M ål") for s in map_slides(prs) for t in texts(s))


def test_reviews_beside_the_numbers(bergen_deck: Presentation) -> None:
    slide = next(s for s in bergen_deck.slides if s.shapes.title.text.startswith("Gevinstevalu"))
    table = next(shape.table for shape in slide.shapes if shape.has_table)
    rows = [[c.text for c in r.cells] for r in list(table.rows)[1:]]
    # six reviews up to 2025-10-01, newest first; the plan's B8 review said on track
    # while B8's one indicator I8 gave progress 0.22 on 2025-09-01: off track
    assert len(rows) == 6
    assert rows[1][:5] == [
        "1.9.2025",
        "B8 Færre fristbrudd når saksbehandler er fraværende",
        "Ledere i barneverntjenestene",
        "● I rute",
        "■ Ikke i rute  ≠",
    ]
    assert sum("≠" in row[4] for row in rows) == 4
    notes = slide.notes_slide.notes_text_frame.text
    assert "I 4 av 6 vurderinger var vurderingen bedre enn tallene." in notes


def test_map_labels_in_the_file_are_12_pt_or_more(bergen_deck: Presentation) -> None:
    kinds = ("measure ", "change ", "benefit ", "disbenefit ", "objective ", "goal ")
    sizes = [
        run.font.size
        for slide in map_slides(bergen_deck)
        for shape in slide.shapes
        if shape.name.startswith(kinds)
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
    ]
    assert sizes and min(sizes) >= Pt(12)
    # and the text fits the box: the wrapped lines times the line height, plus margins
    from gevinst.theme import wrap

    for slide in map_slides(bergen_deck):
        for shape in slide.shapes:
            if not shape.name.startswith(kinds):
                continue
            frame = shape.text_frame
            size = frame.paragraphs[0].runs[0].font.size.pt
            width = (shape.width - frame.margin_left - frame.margin_right) / 12700
            lines = sum(
                len(wrap(p.text, width, size, bool(p.runs[0].font.bold))) for p in frame.paragraphs
            )
            needed = lines * size * 1.2 + (frame.margin_top + frame.margin_bottom) / 12700
            assert needed <= shape.height / 12700 + 1, shape.name


def _kind_boxes(slide) -> list:
    kinds = ("measure ", "change ", "benefit ", "disbenefit ", "objective ", "goal ")
    return [s for s in slide.shapes if s.name.startswith(kinds)]


def test_column_headings_share_one_line_above_every_box(bergen_deck: Presentation) -> None:
    for slide in map_slides(bergen_deck):
        headings = [s for s in slide.shapes if s.name.startswith("heading ")]
        # the Bergen map parts span three to five columns, in the order of the map
        five = ["Tiltak", "Endringer", "Gevinster", "Effektmål", "Samfunnsmål"]
        shown = [h.text_frame.text for h in headings]
        assert len(shown) >= 3 and shown == [c for c in five if c in shown]
        assert len({(h.top, h.height) for h in headings}) == 1
        lowest = headings[0].top + headings[0].height
        assert all(box.top >= lowest for box in _kind_boxes(slide))
        # each heading is centred over its column's band, and the bands do not touch
        bands = sorted(
            (s for s in slide.shapes if s.name.startswith("column ")), key=lambda s: s.left
        )
        assert len(bands) == len(headings)
        for band, heading in zip(bands, headings, strict=True):
            assert abs((band.left + band.width / 2) - (heading.left + heading.width / 2)) <= 1
        for a, b in itertools.pairwise(bands):
            assert a.left + a.width < b.left


def _cxn(arrow, tag: str) -> tuple[int, int]:
    element = arrow._element.nvCxnSpPr.cNvCxnSpPr.find(qn(tag))
    return int(element.get("id")), int(element.get("idx"))


def _site_count(box) -> int:
    return len(box._element.spPr.findall(f"{qn('a:custGeom')}/{qn('a:cxnLst')}/{qn('a:cxn')}"))


def test_arrows_into_one_box_end_at_different_points_on_its_edge(
    bergen_deck: Presentation,
) -> None:
    for slide in map_slides(bergen_deck):
        boxes = {b.shape_id: b for b in _kind_boxes(slide)}
        arrows = [s for s in slide.shapes if s.name.startswith("arrow ")]
        ends: dict[int, list[tuple[int, int]]] = {}
        glued = 0
        for arrow in arrows:
            if arrow.shape_type != MSO_SHAPE_TYPE.LINE:
                continue  # a bracket within one column (a freeform)
            glued += 1
            (begin, begin_site), (end, end_site) = _cxn(arrow, "a:stCxn"), _cxn(arrow, "a:endCxn")
            # glued to sites the boxes have
            assert begin_site < _site_count(boxes[begin]) and end_site < _site_count(boxes[end])
            target = boxes[end]
            x, y = arrow.end_x, arrow.end_y
            # the end lies on the target's edge (left, right, top or bottom), in EMU
            on_side = x in (target.left, target.left + target.width) and (
                target.top <= y <= target.top + target.height
            )
            on_top = y in (target.top, target.top + target.height) and (
                target.left <= x <= target.left + target.width
            )
            assert on_side or on_top, arrow.name
            ends.setdefault(end, []).append((x, y))
            # long enough to show a line behind its head (the goal-to-goal arrow was
            # 3 pt, a bare head, before boxes joined in a column were moved apart)
            length = ((x - arrow.begin_x) ** 2 + (y - arrow.begin_y) ** 2) ** 0.5
            assert length >= Pt(14), arrow.name
        assert glued >= len(arrows) - 3
        for end, points in ends.items():
            assert len(points) == len(set(points)), boxes[end].name
        # arrows meeting one side of a box meet it 3 points apart at least
        for end, points in ends.items():
            for x in {x for x, _ in points}:
                ys = sorted(y for x_, y in points if x_ == x)
                assert all(b - a >= Pt(3) for a, b in itertools.pairwise(ys)), boxes[end].name


def test_legend_is_at_most_two_lines_with_an_arrow_for_the_arrows(
    bergen_deck: Presentation,
) -> None:
    for slide in map_slides(bergen_deck):
        labels = [s for s in slide.shapes if s.name.startswith("legend label ")]
        assert len({s.top for s in labels}) <= 2  # 12 pt labels take two lines
        assert all(s.left + s.width <= bergen_deck.slide_width for s in labels)
        assert all(s.text_frame.paragraphs[0].runs[0].font.size >= Pt(12) for s in labels)
        footer = next(s for s in slide.shapes if s.name == "footer")
        assert all(s.top + s.height <= footer.top + Pt(2) for s in labels)
        arrow = next(s for s in slide.shapes if s.name == "legend contributes")
        assert arrow.shape_type == MSO_SHAPE_TYPE.LINE
        assert "tailEnd" in arrow._element.xml


def test_disbenefits_stay_dashed_and_red(bergen_deck: Presentation) -> None:
    from gevinst.theme import KIND_STYLES

    found = 0
    for slide in map_slides(bergen_deck):
        for box in _kind_boxes(slide):
            dashed = box._element.spPr.find(f"{qn('a:ln')}/{qn('a:prstDash')}")
            if box.name.startswith("disbenefit "):
                found += 1
                assert dashed is not None and dashed.get("val") == "dash"
                assert str(box.line.color.rgb) == KIND_STYLES["disbenefit"].stroke[1:]
            else:
                assert dashed is None, box.name
    assert found >= 2  # D1 on the first goal's slide, D2 on O3's


def test_boxes_apart_with_room_for_the_arrows(bergen_deck: Presentation) -> None:
    for slide in map_slides(bergen_deck):
        boxes = _kind_boxes(slide)
        heading = next(s for s in slide.shapes if s.name.startswith("heading "))
        legend = min(s.top for s in slide.shapes if s.name.startswith("legend "))
        for a in boxes:
            assert heading.top + heading.height <= a.top and a.top + a.height <= legend
            for b in boxes:
                if a is not b:
                    apart = (
                        a.left + a.width <= b.left
                        or b.left + b.width <= a.left
                        or a.top + a.height <= b.top
                        or b.top + b.height <= a.top
                    )
                    assert apart, (a.name, b.name)
        # the columns of the Bergen slides are at least 24 pt apart (the old boxes,
        # as wide as the layout's, left 12 pt; 12 pt text needs wider boxes than 9 pt
        # did, 26 pt at the least): room to tell the arrows apart
        lefts = sorted({b.left for b in boxes})
        rights = sorted({b.left + b.width for b in boxes})
        gaps = [left - right for left in lefts for right in rights if left > right]
        assert min(gaps) >= Pt(24), slide.shapes.title.text


@pytest.mark.parametrize("language", ["nb", "en"])
def test_money_chart_labels_are_written_like_the_tables(tmp_path: Path, language: str) -> None:
    # A number format in a chart is written in the viewer's locale (78.8 on an English
    # machine beside the table's 78,8); the labels are the formatter's own text instead.
    from gevinst.i18n.formats import format_number

    plan = gv.load(Path(__file__).parents[2] / "examples/bergen_barnevern/plan.yaml")
    plan.info.language = language
    path = report(plan, tmp_path / "deck.pptx", at=AT)
    charts = [
        shape.chart
        for slide in Presentation(str(path)).slides
        for shape in slide.shapes
        if shape.name == "chart money"
    ]
    assert len(charts) == 1
    for series in charts[0].plots[0].series:
        values = list(series.values)
        labels = [series.points[i].data_label.text_frame.text for i in range(len(values))]
        assert labels == [format_number(v, language, 1) for v in values]
        frames = [series.points[i].data_label.text_frame for i in range(len(values))]
        sizes = [frame.paragraphs[0].runs[0].font.size for frame in frames]
        assert all(size is not None and size.pt >= 12 for size in sizes)
    decimal = "," if language == "nb" else "."
    assert all(decimal in label for label in labels)
