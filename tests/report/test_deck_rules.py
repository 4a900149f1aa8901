"""The council deck's rules (SPEC section 8), read back with python-pptx: at most 20
slides for any plan, no text under 12 pt (footer 10 pt), a unique title first in
reading order, alternative text on every chart and picture, table header rows, the
language on every text run, and an appendix only when asked for."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

import gevinst as gv
from benchmarks.generate import portfolio_data
from gevinst.report import report_bytes
from gevinst.report.pptx.deck import MAX_SLIDES

ROOT = Path(__file__).parents[2]
FOOTER = ("footer", "slide number")


def deck(plan: gv.Plan, **options: object) -> Presentation:
    return Presentation(io.BytesIO(report_bytes(plan, "pptx", **options)))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def decks() -> dict[str, Presentation]:
    bergen = gv.load(ROOT / "examples/bergen_barnevern/plan.yaml")
    modulus = gv.load(ROOT / "examples/modulus_barn/plan.yaml")
    big = gv.Plan.model_validate(portfolio_data(200))
    assert len(list(big.elements())) >= 400
    return {
        "bergen": deck(bergen, at="2025-10-01"),
        "modulus": deck(
            modulus,
            at="2025-12-31",
            measurements=ROOT / "examples/modulus_barn/measurements.csv",
        ),
        "big": deck(big),
    }


@pytest.fixture(scope="module")
def bergen_appendix() -> Presentation:
    return deck(
        gv.load(ROOT / "examples/bergen_barnevern/plan.yaml"), at="2025-10-01", appendix=True
    )


def titles(prs: Presentation) -> list[str]:
    return [s.shapes.title.text for s in prs.slides]


def font_problems(prs: Presentation) -> list[str]:
    """Every text run under 12 pt (10 pt for the footer along the bottom edge)."""
    bottom = prs.slide_height * 0.9
    found = []
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            frames = [shape.text_frame] if shape.has_text_frame else []
            if shape.has_table:
                frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
            least = 10 if shape.name in FOOTER and shape.top >= bottom else 12
            for frame in frames:
                for paragraph in frame.paragraphs:
                    for run in paragraph.runs:
                        if not run.text.strip():
                            continue
                        size = run.font.size
                        if size is None or size.pt < least:
                            found.append(f"{number} {shape.name} {run.text[:20]!r} {size}")
            if shape.has_chart:  # every size set in the chart, in hundredths of a point
                sizes = re.findall(rb'\bsz="(\d+)"', shape.chart.part.blob)
                found += [f"{number} {shape.name} chart {s!r}" for s in sizes if int(s) < 1200]
    return found


@pytest.mark.parametrize("name", ["bergen", "modulus", "big"])
def test_at_most_20_slides(decks: dict[str, Presentation], name: str) -> None:
    assert 5 <= len(decks[name].slides) <= MAX_SLIDES == 20


@pytest.mark.parametrize("name", ["bergen", "modulus", "big"])
def test_no_text_under_12_pt_footer_10(decks: dict[str, Presentation], name: str) -> None:
    assert font_problems(decks[name]) == []


def test_the_footer_is_10_pt_along_the_bottom(decks: dict[str, Presentation]) -> None:
    prs = decks["bergen"]
    footers = [s for slide in prs.slides for s in slide.shapes if s.name == "footer"]
    assert len(footers) == len(prs.slides) - 1  # all but the title slide
    for shape in footers:
        assert shape.top + shape.height <= prs.slide_height
        assert shape.top >= prs.slide_height * 0.9
        assert shape.text_frame.paragraphs[0].runs[0].font.size.pt == 10


@pytest.mark.parametrize("name", ["bergen", "modulus", "big"])
def test_unique_titles_first_in_reading_order(decks: dict[str, Presentation], name: str) -> None:
    prs = decks[name]
    names = titles(prs)
    assert all(t.strip() for t in names)
    assert len(set(names)) == len(names)
    for slide in prs.slides:
        first = slide.shapes[0]
        assert first.is_placeholder and first.shape_id == slide.shapes.title.shape_id


@pytest.mark.parametrize("name", ["bergen", "modulus", "big"])
def test_alt_text_on_every_chart_and_picture(decks: dict[str, Presentation], name: str) -> None:
    seen = 0
    for slide in decks[name].slides:
        for shape in slide.shapes:
            if shape.shape_type is not None and (shape.has_chart or shape.shape_type == 13):
                seen += 1
                properties = shape._element.xpath("./*[1]/p:cNvPr")[0]
                assert len(properties.get("descr", "")) > 20, shape.name
    if name != "big":  # the planned 400-element deck has no evaluation charts
        assert seen >= 2


@pytest.mark.parametrize("name", ["bergen", "modulus", "big"])
def test_tables_have_a_header_row(decks: dict[str, Presentation], name: str) -> None:
    tables = [s.table for slide in decks[name].slides for s in slide.shapes if s.has_table]
    assert tables
    assert all(table.first_row for table in tables)


def test_language_on_every_text_run(decks: dict[str, Presentation]) -> None:
    for slide in decks["bergen"].slides:
        runs = list(slide._element.iter(qn("a:r")))
        assert runs
        assert {r.find(qn("a:rPr")).get("lang") for r in runs} == {"nb-NO"}
    english = deck(gv.load(ROOT / "examples/minimal.yaml"), language="en")
    langs = {
        r.find(qn("a:rPr")).get("lang") for s in english.slides for r in s._element.iter(qn("a:r"))
    }
    assert langs == {"en-GB"}


def test_split_maps_keep_their_sequences(decks: dict[str, Presentation]) -> None:
    """ "X (1/3)" is followed by "X (2/3)" and "X (3/3)", never by another slide."""
    for prs in decks.values():
        names = titles(prs)
        for index, title in enumerate(names):
            found = re.fullmatch(r"(.*) \((\d+)/(\d+)\)", title)
            if found and found[2] == "1":
                stem, total = found[1], int(found[3])
                expected = [f"{stem} ({k}/{total})" for k in range(1, total + 1)]
                assert names[index : index + total] == expected


def test_the_story(decks: dict[str, Presentation]) -> None:
    names = titles(decks["bergen"])
    assert names[:3] == [
        "Smidige metoder i barnevernet",
        "Hvorfor tiltakene betyr noe",
        "Oversikt: mål og status",
    ]
    assert names[3].startswith("Gevinstkart")
    assert names[-1] == "Mer i vedlegget og rapportene"
    for key in ("Indikatorer", "Interessenter", "Økonomi", "Usikkerhet"):
        assert any(t.startswith(key) for t in names), key
    # the big plan: maps of the chains that fit, and a last slide on what is left out
    big = titles(decks["big"])
    assert sum(t.startswith("Gevinstkart") for t in big) >= 5
    last = decks["big"].slides[-1]
    said = " ".join(s.text_frame.text for s in last.shapes if s.has_text_frame)
    assert "gevinstkartet for" in said and "--appendix" in said


def test_appendix_adds_slides_after_the_story(
    decks: dict[str, Presentation], bergen_appendix: Presentation
) -> None:
    main, full = titles(decks["bergen"]), titles(bergen_appendix)
    assert full[: len(main)] == main
    extra = full[len(main) :]
    assert len(extra) >= 5
    assert all(t.startswith("Vedlegg: ") for t in extra)
    assert "Vedlegg: Status for mål og gevinster (1/2)" in extra
    assert len(set(full)) == len(full)
    assert font_problems(bergen_appendix) == []
    for slide in bergen_appendix.slides:
        assert slide.shapes[0].shape_id == slide.shapes.title.shape_id


def test_overview_counts_worked_out_by_hand() -> None:
    plan = gv.Plan.new("p", "Oversikt")
    plan.add_goal("G1", "Gode tjenester")
    plan.add_objective("O1", "Raskere hjelp", contributes_to=["G1"])
    plan.add_objective("O2", "Bedre kvalitet", contributes_to=["G1"])
    plan.add_benefit("B1", "Kortere ventetid", contributes_to=["O1"])
    plan.add_benefit("B2", "Færre fristbrudd", contributes_to=["O1"])
    plan.add_benefit("B3", "Bedre dokumentasjon", contributes_to=["O2"])
    plan.add_measure("M1", "Team", contributes_to=["B1"])
    plan.add_measure("M2", "Mottak", contributes_to=["B1", "B2"])
    plan.add_measure("M3", "Maler", contributes_to=["B3"])
    slide = deck(plan).slides[2]
    assert slide.shapes.title.text == "Oversikt: mål og status"
    [table] = [s.table for s in slide.shapes if s.has_table]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows == [
        ["Effektmål", "Samfunnsmål", "Gevinster", "Tiltak"],
        ["Raskere hjelp", "Gode tjenester", "2", "2"],  # B1, B2; M1, M2
        ["Bedre kvalitet", "Gode tjenester", "1", "1"],  # B3; M3
    ]


def test_cli_appendix_flag(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from gevinst.cli import cli

    plan = str(ROOT / "examples/minimal.yaml")
    counts = {}
    for flags in ([], ["--appendix"]):
        out = tmp_path / f"deck{len(flags)}.pptx"
        result = CliRunner().invoke(cli, ["report", plan, "-o", str(out), *flags])
        assert result.exit_code == 0, result.output
        counts[bool(flags)] = titles(Presentation(str(out)))
    main, full = counts[False], counts[True]
    assert full[: len(main)] == main
    assert len(full) > len(main)
    assert all(t.startswith("Vedlegg: ") for t in full[len(main) :])
