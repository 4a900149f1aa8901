"""The Excel workbook: layout, exact round trips, hand edits and their errors.

Workbooks are read back with openpyxl (the library that reads the format) to check
the layout, and with ``gv.load`` to check that nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gevinst as gv
from gevinst.cli import cli
from gevinst.errors import WorkbookError
from gevinst.field_types import CLOSED
from gevinst.io.excel.read import record_places
from gevinst.io.excel.write import workbook_bytes

NB_SHEETS = [
    "Plan",
    "Tiltak",
    "Endringer",
    "Gevinster",
    "Ulemper",
    "Effektmål",
    "Samfunnsmål",
    "Koblinger",
    "Interessenter",
    "Indikatorer",
    "Målverdier",
    "Målinger",
    "Evalueringer",
    "Id-liste",  # hidden: every element's id, for the links' drop-downs
]
EN_SHEETS = [
    "Plan",
    "Measures",
    "Changes",
    "Benefits",
    "Dis-benefits",
    "Objectives",
    "Goals",
    "Links",
    "Stakeholders",
    "Indicators",
    "Targets",
    "Measurements",
    "Reviews",
    "Id list",
]


def _book(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def _save(book: Any, path: Path) -> Path:
    book.save(path)
    return path


@pytest.fixture
def bergen_xlsx(bergen: gv.Plan, tmp_path: Path) -> Path:
    return gv.save(bergen, tmp_path / "plan.xlsx")


# -- layout ---------------------------------------------------------------------------


def test_bergen_round_trips_exactly(bergen: gv.Plan, bergen_xlsx: Path) -> None:
    again = gv.load(bergen_xlsx)
    assert again == bergen
    # spot checks that the equality is about real content
    assert again["B1"].contributes_to[0].note == "Nyansatte blir raskere selvstendige"
    assert again["B1"].contributes_to[0].weight == 0.2
    assert [(t.date, t.value) for t in again["I1"].targets] == [
        (dt.date(2025, 6, 30), 16.0),
        (dt.date(2026, 12, 31), 12.0),
    ]


def test_same_plan_gives_same_bytes(bergen: gv.Plan, tmp_path: Path) -> None:
    first = gv.save(bergen, tmp_path / "a.xlsx").read_bytes()
    second = gv.save(bergen, tmp_path / "b.xlsx").read_bytes()
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core
    assert "gevinst" in core


def test_rows_added_by_hand_are_read_and_the_id_list_is_not(
    bergen: gv.Plan, tmp_path: Path
) -> None:
    """A consultant adds a stakeholder, a measure it owns and the measure's link in Excel:
    all are read; the hidden id list, now out of date, is not read at all."""
    book = _book(workbook_bytes(bergen))
    book["Interessenter"].append(["S99", "Ny interessent"])
    measures = book["Tiltak"]
    measures.append(["M99", "Nytt tiltak", None, "S99"])
    book["Koblinger"].append(["M99", None, bergen.changes[0].id])
    book["Id-liste"].append(["X1", "Bare i id-listen"])
    path = tmp_path / "grown.xlsx"
    book.save(path)
    plan = gv.load(path)
    assert plan["S99"].name == "Ny interessent"
    assert plan["M99"].owner == "S99"
    assert [link.to for link in plan["M99"].contributes_to] == [bergen.changes[0].id]
    assert "X1" not in {e.id for e in plan.elements()}


def test_sheets_and_headers_follow_the_plan_language(bergen: gv.Plan) -> None:
    assert _book(workbook_bytes(bergen)).sheetnames == NB_SHEETS
    english = bergen.model_copy(deep=True)
    english.info.language = "en"
    book = _book(workbook_bytes(english))
    assert book.sheetnames == EN_SHEETS
    assert [c.value for c in book["Benefits"][1]][:4] == ["Id", "Name", "Owner", "Indicators"]
    assert book["Measures"]["C2"].value == "Implemented"  # M1's status, as a label


def test_layout_a_consultant_recognises(bergen: gv.Plan) -> None:
    book = _book(workbook_bytes(bergen))
    sheet = book["Gevinster"]
    headers = [c.value for c in sheet[1]]
    assert headers == [
        "Id",
        "Navn",
        "Eier",
        "Indikatorer",
        "Type",
        "Kategori",
        "Årlig verdi, lav",
        "Årlig verdi, mest sannsynlig",
        "Årlig verdi, høy",
        "Verdi fra",
        "Opptrapping",
        "Kontantfrigjørende",
        "Risiko",
        "Risikobeskrivelse",
        "Tiltak mot risikoen",
        "Gevinstrealiseringstiltak",
        "Beskrivelse",
        "Forutsetninger",
    ]
    assert sheet.freeze_panes == "C2"
    # the header is theme.HEADING_COLOUR, as are the tables of the deck and the report
    assert sheet["A1"].font.b and sheet["A1"].fill.fgColor.rgb.endswith("24313F")
    assert sheet.column_dimensions["B"].width >= 40  # names are readable
    assert sheet.auto_filter.ref == f"A1:R{len(bergen.benefits) + 1}"  # benefits under the header
    # B2 is row 3: [1 200 000, 2 400 000, 3 000 000] a year from 2025-01-01, half of it in
    # the first year, cashable, high risk
    assert [c.value for c in sheet[3]][:13] == [
        "B2",
        "Lavere turnover blant saksbehandlere",
        "hr",
        "I2",
        "Effektivisering",
        "Budsjettgevinst",
        1200000,  # low, most likely, high side by side
        2400000,
        3000000,
        dt.datetime(2025, 1, 1),
        "0,5",  # the ramp-up shares, as text in the workbook's language
        "Ja",
        "Stor",
    ]
    assert sheet["H3"].number_format == "#,##0"
    assert sheet["J3"].number_format == "yyyy-mm-dd"
    assert book["Plan"]["B3"].value == "ebf-smidig"
    links = book["Koblinger"]
    assert [c.value for c in links[1]] == [
        "Fra",
        "Fra (navn)",
        "Til",
        "Til (navn)",
        "Vekt",
        "Merknad",
        "Forutsetninger",
        "Kobling",
    ]
    b1 = [[c.value for c in row] for row in links.iter_rows(min_row=2) if row[0].value == "B1"]
    assert b1 == [
        ["B1", "Kortere opplæringstid for nyansatte", "B4", "Mer tid til direkte arbeid med sakene",
         0.2, "Nyansatte blir raskere selvstendige", None, "bidrar til"],
        ["B1", "Kortere opplæringstid for nyansatte", "O2", "Stabil og kompetent arbeidsstyrke",
         None, None, None, "bidrar til"],
    ]  # fmt: skip


def test_every_sheet_prints_with_the_plan_and_page_numbers(bergen: gv.Plan, tmp_path: Path) -> None:
    plan = bergen.model_copy(deep=True)
    plan.info.title = "Barn & unge"  # "&" starts a code in a page header: doubled
    path = gv.save(plan, tmp_path / "plan.xlsx")
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
        assert sheet.print_title_rows == "$1:$1"
        assert sheet.oddHeader.left.text == "Barn && unge"
        assert sheet.oddFooter.right.text == "Side &P av &N"
    assert gv.load(path) == plan  # the margins hold no data: the plan reads back the same


def _lists(sheet: Any) -> dict[str, str]:
    """Drop-down lists of a sheet: column letter -> the quoted list."""
    out = {}
    for check in sheet.data_validations.dataValidation:
        for cell_range in check.sqref.ranges:
            out[re.sub(r"\d", "", cell_range.coord.split(":")[0])] = check.formula1
    return out


def test_closed_values_have_drop_down_lists(bergen: gv.Plan) -> None:
    book = _book(workbook_bytes(bergen))
    owners = "gevinst_stakeholders"  # the stakeholders' ids, rows added later included
    assert _lists(book["Tiltak"]) == {"C": '"Idé,Planlagt,Pilot,Innført,Stoppet"', "D": owners}
    assert _lists(book["Gevinster"]) == {
        "C": owners,
        "E": '"Effektivisering,Kvalitet,Andre aktører"',
        "F": '"Budsjettgevinst,Omdisponering,Annen offentlig sektor,Ikke prissatt"',
        "L": '"Ja,Nei"',
        "M": '"Liten,Middels,Stor"',
    }
    assert _lists(book["Interessenter"]) == {
        "D": '"Ingen,Liten,Middels,Stor"',
        "E": '"Ingen,Liten,Middels,Stor"',
        "F": '"Positiv,Nøytral,Motstand"',
    }
    assert _lists(book["Indikatorer"]) == {
        "D": '"Økning er bedre,Nedgang er bedre"',
        "H": '"Ukentlig,Månedlig,Kvartalsvis,Halvårlig,Årlig"',
    }
    indicators = "gevinst_indicators"
    assert _lists(book["Målinger"]) == {"A": indicators}
    assert _lists(book["Evalueringer"]) == {
        "D": owners,
        "E": '"I rute,Usikker,Ikke i rute,Ikke målt,Ikke forfalt"',
    }
    assert _lists(book["Plan"]) == {"B": '"nb,en"'}
    status, owner = book["Tiltak"].data_validations.dataValidation[:2]
    assert status.showErrorMessage and status.errorStyle in (None, "stop")
    assert str(status.sqref) == "C2:C1048576"
    assert owner.errorStyle == "warning"  # a new stakeholder's id may be typed first
    assert _lists(book["Koblinger"]) == {
        "A": "gevinst_id_list",
        "C": "gevinst_id_list",
        "H": '"bidrar til,demper"',
    }
    # each list is column A of its sheet below the header, as far down as it is filled
    names = {name: d.attr_text for name, d in book.defined_names.items()}
    assert names == {
        f"gevinst_{key}": f"OFFSET('{sheet}'!$A$2,0,0,MAX(1,COUNTA('{sheet}'!$A:$A)-1),1)"
        for key, sheet in [
            ("stakeholders", "Interessenter"),
            ("indicators", "Indikatorer"),
            ("id_list", "Id-liste"),
        ]
    }
    ids = book["Id-liste"]
    assert ids.sheet_state == "hidden"
    every = [e for section in ("measures", "changes", "benefits", "disbenefits", "objectives",
                               "goals") for e in getattr(bergen, section)]  # fmt: skip
    assert [(r[0].value, r[1].value) for r in ids.iter_rows(min_row=2)] == [
        (e.id, e.name) for e in every
    ]
    # header notes say how to fill in the cells
    assert "semikolon" in book["Gevinster"]["D1"].comment.text
    assert "Alt+Enter" in book["Gevinster"]["R1"].comment.text  # assumptions
    assert "gevinstrealiseringstiltak" in book["Gevinster"]["P1"].comment.text


def test_text_that_looks_like_a_formula_is_written_as_text(tmp_path: Path) -> None:
    plan = gv.Plan.new("p", '=HYPERLINK("http://x")')
    plan.add_benefit("B1", "=SUM(A1:A9)", description="+47 55 55 55 55")
    plan.add_benefit("B2", "-ned med ventetid", assumptions=["@alle", "#REF!"])
    data = workbook_bytes(plan)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = "".join(
            archive.read(name).decode()
            for name in archive.namelist()
            if name.startswith("xl/worksheets/")
        )
    assert "<f>" not in xml and "<f " not in xml  # no formula anywhere
    sheet = _book(data)["Gevinster"]
    assert (sheet["B2"].value, sheet["B2"].data_type) == ("=SUM(A1:A9)", "s")
    assert (sheet["B3"].value, sheet["B3"].data_type) == ("-ned med ventetid", "s")
    assert sheet["R3"].data_type == "s"  # "@alle\n#REF!" is text, not an error value
    path = tmp_path / "p.xlsx"
    path.write_bytes(data)
    assert gv.load(path) == plan


def test_numbers_dates_and_lists_that_need_care(tmp_path: Path) -> None:
    plan = gv.Plan.new("p", "P", discount_rate=0.1 + 0.2)  # 0.30000000000000004: 17 digits
    plan.add_measure("M1", "Gammelt", start=dt.date(1899, 12, 31), cost={"one_off": math.inf})
    plan.add_benefit("B1", "Flere linjer", assumptions=["to\nlinjer", "", "[ikke json"])
    plan.add_benefit("B2", "Klammer", assumptions=["[1]"])
    plan.link("B1", "B2", weight=1 / 3, note="a; b, (c) = d")
    path = gv.save(plan, tmp_path / "p.xlsx")
    again = gv.load(path)
    assert again == plan
    assert again.info.discount_rate == 0.30000000000000004
    assert again.measures[0].cost is not None and again.measures[0].cost.one_off == math.inf


def test_assumptions_one_per_line_with_bullets_when_several(tmp_path: Path) -> None:
    plan = gv.Plan.new("p", "P")
    plan.add_goal("G1", "Ett", assumptions=["Mentorer får tid, også i turnus"])
    plan.add_goal("G2", "To", assumptions=["Første", "Andre; med semikolon"])
    sheet = _book(workbook_bytes(plan))["Samfunnsmål"]
    assert sheet["E2"].value == "Mentorer får tid, også i turnus"
    # a wrapped line must not pass for a second assumption: each begins with a bullet
    assert sheet["E3"].value == "• Første\n• Andre; med semikolon"


def test_a_workbook_saved_again_by_libreoffice_reads_back(
    bergen: gv.Plan, bergen_xlsx: Path, tmp_path: Path
) -> None:
    soffice = shutil.which("soffice")
    if soffice is None or shutil.which("localc") is None:  # Impress alone cannot convert
        pytest.skip("LibreOffice Calc (soffice, localc) is not installed")
    out = tmp_path / "lo"
    profile = (tmp_path / "profile").as_uri()  # its own profile: other runs may be open
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx",
         "--outdir", str(out), str(bergen_xlsx)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    assert gv.load(out / "plan.xlsx") == bergen


def test_an_empty_text_reads_back_as_no_text(tmp_path: Path) -> None:
    # An empty cell cannot tell "" from nothing: the one thing the workbook normalises.
    plan = gv.Plan.new("p", "P")
    plan.add_goal("G1", "Mål", description="")
    again = gv.load(gv.save(plan, tmp_path / "p.xlsx"))
    assert again.goals[0].description is None


def test_a_control_character_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    plan = gv.Plan.new("p", "P")
    plan.add_goal("G1", "Mål\x07")
    target = tmp_path / "p.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(gv.PlanError, match="control character"):
        gv.save(plan, target)
    assert target.read_bytes() == b"old"


# -- round trips with generated plans ------------------------------------------------------

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
    | st.sampled_from(list("æøåÆØÅ,;:=+-@#[]()\"'\n\r\t%")),
    min_size=1,
    max_size=24,
).filter(lambda s: s.strip() != "")
FORMULA_LIKE = st.builds(lambda p, s: p + s, st.sampled_from(["=", "+", "-", "@"]), TEXT)
NAMES = TEXT | FORMULA_LIKE
IDS = st.from_regex(r"[A-Za-z][A-Za-z0-9_.-]{0,12}", fullmatch=True)
DATES = st.dates()  # year 1 to 9999: Excel has serial numbers only from 1900 on
NUMBERS = st.floats(allow_nan=False)  # includes 17-digit floats and infinities
WEIGHTS = st.floats(min_value=0, max_value=1)


def _opt(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@st.composite
def plans(draw: st.DrawFn) -> gv.Plan:
    sections = ["goals", "objectives", "benefits", "disbenefits", "changes", "measures"]
    counts = [draw(st.integers(0, 3)) for _ in sections]
    n_stake, n_ind = draw(st.integers(0, 3)), draw(st.integers(0, 3))
    total = sum(counts) + n_stake + n_ind
    ids = draw(st.lists(IDS, min_size=total, max_size=total, unique=True))
    pool = list(ids)
    refs = st.sampled_from(ids) if ids else st.just("X1")

    def element(section: str, id: str) -> dict[str, Any]:
        record: dict[str, Any] = {"id": id, "name": draw(NAMES)}
        record["description"] = draw(_opt(NAMES))
        record["assumptions"] = draw(st.lists(TEXT | st.just(""), max_size=3))
        record["contributes_to"] = [
            {"to": draw(refs), "weight": draw(_opt(WEIGHTS)), "note": draw(_opt(NAMES))}
            for _ in range(draw(st.integers(0, 2)))
        ]
        if section != "goals":
            record["owner"] = draw(_opt(refs))
        if section in ("goals", "objectives", "benefits", "disbenefits"):
            record["indicators"] = draw(st.lists(refs, max_size=2))
        if section in ("benefits", "disbenefits"):
            record["type"] = draw(_opt(st.sampled_from(["efficiency", "quality", "other_actors"])))
            record["category"] = draw(
                _opt(st.sampled_from(["budget", "redeployment", "public_sector", "non_priced"]))
            )
            if draw(st.booleans()):
                record["value"] = {"annual": draw(NUMBERS), "from": draw(_opt(DATES))}
            record["cashable"] = draw(_opt(st.booleans()))
            record["risk"] = draw(_opt(st.sampled_from(["low", "medium", "high"])))
        if section == "measures":
            statuses = ["idea", "planned", "pilot", "implemented", "stopped"]
            record["status"] = draw(_opt(st.sampled_from(statuses)))
            record["start"], record["end"] = draw(_opt(DATES)), draw(_opt(DATES))
            if draw(st.booleans()):
                record["cost"] = {"one_off": draw(NUMBERS), "annual": draw(NUMBERS)}
        return record

    data: dict[str, Any] = {
        "schema": "gevinst/1",
        "plan": {
            "id": draw(IDS),
            "title": draw(NAMES),
            "description": draw(_opt(NAMES)),
            "organisation": draw(_opt(NAMES)),
            "owner": draw(_opt(refs)),
            "language": draw(st.sampled_from(["nb", "en"])),
            "currency": draw(st.sampled_from(["NOK", "EUR", "=kr"])),
            "discount_rate": draw(NUMBERS),
            "start": draw(_opt(DATES)),
            "horizon_years": draw(st.integers(1, 200)),
        },
    }
    for section, count in zip(sections, counts, strict=True):
        data[section] = [element(section, pool.pop()) for _ in range(count)]
    scale = st.sampled_from(["none", "low", "medium", "high"])
    data["stakeholders"] = [
        {
            "id": pool.pop(),
            "name": draw(NAMES),
            "group": draw(_opt(NAMES)),
            "power": draw(_opt(scale)),
            "interest": draw(_opt(scale)),
            "attitude": draw(_opt(st.sampled_from(["supportive", "neutral", "resistant"]))),
            "impacts": draw(
                st.dictionaries(refs, st.sampled_from(["positive", "negative"]), max_size=3)
            ),
        }
        for _ in range(n_stake)
    ]
    data["indicators"] = [
        {
            "id": pool.pop(),
            "name": draw(NAMES),
            "unit": draw(_opt(st.sampled_from(["%", "uker", "kr/år", "=x"]))),
            "direction": draw(st.sampled_from(["increase", "decrease"])),
            "baseline": draw(_opt(st.fixed_dictionaries({"date": DATES, "value": NUMBERS}))),
            "targets": draw(
                st.lists(st.fixed_dictionaries({"date": DATES, "value": NUMBERS}), max_size=3)
            ),
            "source": draw(_opt(NAMES)),
            "frequency": draw(_opt(st.sampled_from(list(CLOSED["frequency"])))),
        }
        for _ in range(n_ind)
    ]
    data["measurements"] = [
        {"indicator": draw(refs), "date": draw(DATES), "value": draw(NUMBERS),
         "note": draw(_opt(NAMES))}
        for _ in range(draw(st.integers(0, 3)))
    ]  # fmt: skip
    statuses = ["on_track", "at_risk", "off_track", "not_measured", "not_due"]
    data["reviews"] = [
        {"date": draw(DATES), "element": draw(refs), "by": draw(_opt(refs)),
         "status": draw(st.sampled_from(statuses)), "comment": draw(_opt(NAMES))}
        for _ in range(draw(st.integers(0, 2)))
    ]  # fmt: skip
    return gv.Plan.model_validate(data)


# 30 examples, not 60: each writes a workbook twice and reads it back, which made this
# the slowest test measured (--durations: 106 s of 725 s for eight busy test files).
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans())
def test_round_trip_of_generated_plans(plan: gv.Plan, tmp_path_factory: Any) -> None:
    path = tmp_path_factory.mktemp("rt") / "plan.xlsx"
    gv.save(plan, path)
    assert gv.load(path) == plan
    assert workbook_bytes(plan) == path.read_bytes()  # deterministic


# -- hand edits that are fine ---------------------------------------------------------------


def test_hand_edits_in_either_language_are_read(
    bergen: gv.Plan, bergen_xlsx: Path, tmp_path: Path
) -> None:
    book = openpyxl.load_workbook(bergen_xlsx)
    book["Gevinster"].title = "Benefits"  # English sheet name in a Norwegian plan
    sheet = book["Benefits"]
    sheet["C1"] = "OWNER"  # header in English, any case
    sheet["M2"] = "høy"  # synonym the YAML reader also accepts
    sheet["E2"] = "quality"  # the code instead of the label
    sheet["L2"] = True  # a real TRUE cell for Kontantfrigjørende
    sheet["H2"] = "1 200 000,50"  # typed as text, Norwegian style
    sheet["J2"] = "01.07.2025"  # dd.mm.yyyy as text
    book["Tiltak"]["C2"] = "Pilot"
    book["Indikatorer"]["F2"] = "2023-10-02"  # ISO date as text
    book["Plan"]["B9"] = "3,5 %"  # discount rate as percent text
    book["Interessenter"]["G2"] = "O1: +; O2: Negative"
    sheet["R2"] = "Mentorer får tid\nLedere følger opp"  # no bullets: one per line
    sheet.insert_rows(5)  # an empty row in the middle is skipped
    plan = gv.load(_save(book, tmp_path / "edited.xlsx"))
    b1 = plan["B1"]
    assert isinstance(b1, gv.Benefit)
    assert (b1.owner, b1.risk, b1.type, b1.cashable) == ("leder-bvt", "high", "quality", True)
    assert b1.value is not None and b1.value.annual == 1200000.5
    assert b1.value.from_ == dt.date(2025, 7, 1)
    assert plan.measures[0].status == "pilot"
    assert plan.info.discount_rate == pytest.approx(0.035)
    baseline = plan["I1"].baseline  # type: ignore[union-attr]
    assert baseline is not None and baseline.date == dt.date(2023, 10, 2)
    assert plan["etatsdirektor"].impacts == {"O1": "positive", "O2": "negative"}  # type: ignore[union-attr]
    assert b1.assumptions == ["Mentorer får tid", "Ledere følger opp"]
    assert [b.id for b in plan.benefits] == [b.id for b in bergen.benefits]


def test_a_workbook_typed_from_scratch(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    info = book.active
    info.title = "Plan"
    info.append(["Field", "Value"])
    info.append(["Id", "hjemme"])
    info.append(["Title", "Hjemmetjenesten"])
    info.append(["Language", "en"])
    goals = book.create_sheet("Goals")
    goals.append(["Id", "Name"])
    goals.append(["G1", "Trygg alderdom"])
    measures = book.create_sheet("Measures")
    measures.append(["Name", "Id", "Status"])  # columns in any order
    measures.append(["Digitalt tilsyn", "M1", "Idea"])
    links = book.create_sheet("Links")
    links.append(["From", "To", "Weight"])
    links.append(["M1", "G1", 0.5])
    plan = gv.load(_save(book, tmp_path / "scratch.xlsx"))
    assert plan.info.language == "en"
    assert plan["M1"].contributes_to == [gv.Link(to="G1", weight=0.5)]  # type: ignore[union-attr]
    assert plan.measures[0].status == "idea"


# -- hand edits that are mistakes -----------------------------------------------------------


def _edit(path: Path, tmp_path: Path, change: Any) -> Path:
    book = openpyxl.load_workbook(path)
    change(book)
    return _save(book, tmp_path / "edited.xlsx")


def _error(path: Path) -> WorkbookError:
    with pytest.raises(WorkbookError) as caught:
        gv.load(path)
    assert isinstance(caught.value, gv.PlanError)
    return caught.value


def test_unknown_sheet(bergen_xlsx: Path, tmp_path: Path) -> None:
    path = _edit(bergen_xlsx, tmp_path, lambda b: b.create_sheet("Notater"))
    error = _error(path)
    assert str(error).startswith(f"{path}: sheet Notater: unknown sheet 'Notater'")
    assert "rename or delete this sheet" in str(error)


def test_missing_required_column(bergen_xlsx: Path, tmp_path: Path) -> None:
    path = _edit(bergen_xlsx, tmp_path, lambda b: b["Gevinster"].delete_cols(2))
    assert str(_error(path)) == (
        f"{path}: sheet Gevinster, row 1: the required column 'Navn' (Name) is missing; "
        "add it to the header row"
    )


def test_text_in_a_number_cell(bergen_xlsx: Path, tmp_path: Path) -> None:
    path = _edit(bergen_xlsx, tmp_path, lambda b: b["Indikatorer"].__setitem__("E3", "atten"))
    error = _error(path)
    assert str(error) == (
        f"{path}: sheet Indikatorer, row 3, column Nullpunkt (E): 'atten' is not a number"
    )
    assert (error.sheet, error.line, error.column, error.element) == ("Indikatorer", 3, 5, "I2")


def test_bad_date(bergen_xlsx: Path, tmp_path: Path) -> None:
    path = _edit(bergen_xlsx, tmp_path, lambda b: b["Tiltak"].__setitem__("E4", "31.02.2024"))
    assert str(_error(path)) == (
        f"{path}: sheet Tiltak, row 4, column Start (E): "
        "'31.02.2024' is not a date: write it as YYYY-MM-DD"
    )


def test_bad_drop_down_value(bergen_xlsx: Path, tmp_path: Path) -> None:
    path = _edit(bergen_xlsx, tmp_path, lambda b: b["Tiltak"].__setitem__("C3", "Kanskje"))
    message = str(_error(path))
    assert message.startswith(
        f"{path}: sheet Tiltak, row 3, column Status (C): 'Kanskje' is not in the drop-down list"
    )
    assert "Idé (Idea), Planlagt (Planned), Pilot (Pilot), Innført (Implemented)" in message


def test_empty_id(bergen_xlsx: Path, tmp_path: Path) -> None:
    path = _edit(bergen_xlsx, tmp_path, lambda b: b["Gevinster"].__setitem__("A5", None))
    assert str(_error(path)) == (
        f"{path}: sheet Gevinster, row 5, column Id (A): the cell is empty, but Id is required "
        "here: links, targets and references find a row by its id"
    )


def test_empty_name(tmp_path: Path) -> None:
    plan = gv.Plan.new("p", "P")
    plan.add_goal("G1", "Mål")
    plan.add_goal("G2", "Mål to")
    path = _edit(
        gv.save(plan, tmp_path / "p.xlsx"),
        tmp_path,
        lambda b: b["Samfunnsmål"].__setitem__("B3", "  "),
    )
    assert str(_error(path)) == (
        f"{path}: sheet Samfunnsmål, row 3, column Navn (B): "
        "the cell is empty, but Navn is required here"
    )


def test_duplicate_header(bergen_xlsx: Path, tmp_path: Path) -> None:
    path = _edit(bergen_xlsx, tmp_path, lambda b: b["Gevinster"].__setitem__("K1", "Eier"))
    assert str(_error(path)) == (
        f"{path}: sheet Gevinster, row 1, column Eier (K): the column 'Eier' appears twice "
        "(also in column C); keep one"
    )


def test_formula_is_refused_not_evaluated(bergen_xlsx: Path, tmp_path: Path) -> None:
    path = _edit(bergen_xlsx, tmp_path, lambda b: b["Gevinster"].__setitem__("H3", "=200000*12"))
    message = str(_error(path))
    assert message.startswith(
        f"{path}: sheet Gevinster, row 3, column Årlig verdi, mest sannsynlig (H): the cell "
        "holds a formula "
        "(=200000*12)"
    )
    assert "paste as values" in message


def test_error_value_in_a_cell(bergen_xlsx: Path, tmp_path: Path) -> None:
    path = _edit(bergen_xlsx, tmp_path, lambda b: b["Målinger"].__setitem__("D2", "#DIV/0!"))
    assert str(_error(path)) == (
        f"{path}: sheet Målinger, row 2, column Verdi (D): the cell shows the error #DIV/0!; "
        "type the value itself"
    )


def test_not_an_excel_file(tmp_path: Path, bergen_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(bergen_path.read_bytes())  # a YAML file renamed .xlsx
    assert str(_error(path)) == (
        f"{path}: is not an Excel workbook; open it in Excel and save it as "
        "'Excel Workbook (*.xlsx)'"
    )
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))  # an old .xls
    assert "is an old Excel file (.xls)" in str(_error(path))
    with zipfile.ZipFile(path, "w") as archive:  # a zip that is no workbook
        archive.writestr("hei.txt", "hei")
    assert "is not a readable Excel workbook" in str(_error(path))


@pytest.mark.parametrize(
    "sheet_xml",
    [
        b"<worksheet",  # XML cut off
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="s"><v>999</v></c></row></sheetData></worksheet>',
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="n"><v>abc</v></c></row></sheetData></worksheet>',
    ],
    ids=["broken-xml", "missing-shared-string", "bad-number"],
)
def test_a_damaged_workbook(bergen_xlsx: Path, tmp_path: Path, sheet_xml: bytes) -> None:
    path = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(bergen_xlsx) as source, zipfile.ZipFile(path, "w") as target:
        for name in source.namelist():
            damaged = name == "xl/worksheets/sheet2.xml"
            target.writestr(name, sheet_xml if damaged else source.read(name))
    message = str(_error(path))
    assert message.startswith(f"{path}: ")
    assert "damaged" in message or "is not a readable Excel workbook" in message


def test_a_zip_bomb_is_refused_before_unpacking(
    bergen_xlsx: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gevinst.io.excel.guard

    # the Bergen workbook unpacks to about 170 kB; pretend the limit is 100 kB
    monkeypatch.setattr(gevinst.io.excel.guard, "MAX_UNPACKED", 100_000)
    with zipfile.ZipFile(bergen_xlsx) as archive:
        size = sum(info.file_size for info in archive.infolist())
    assert str(_error(bergen_xlsx)) == (
        f"{bergen_xlsx}: unpacks to {size:,} bytes; a plan workbook unpacks to at most "
        "100,000 bytes (is something else packed into it?)"
    )


def test_invalid_id_in_a_reference(bergen_xlsx: Path, tmp_path: Path) -> None:
    path = _edit(bergen_xlsx, tmp_path, lambda b: b["Gevinster"].__setitem__("C6", "leder bvt"))
    error = _error(path)
    assert str(error).startswith(
        f"{path}: sheet Gevinster, row 6, column Eier (C): 'leder bvt' is not a valid id"
    )
    assert error.element == "B5"


def test_invalid_id_of_a_row_is_named_before_its_links(bergen_xlsx: Path, tmp_path: Path) -> None:
    path = _edit(bergen_xlsx, tmp_path, lambda b: b["Gevinster"].__setitem__("A2", "B 1"))
    assert str(_error(path)) == (
        f"{path}: sheet Gevinster, row 2, column Id (A): 'B 1' is not a valid id: an id starts "
        "with a letter and has only letters, digits, '_', '.' and '-' (at most 64 characters)"
    )


def test_link_from_an_unknown_element(bergen: gv.Plan, bergen_xlsx: Path, tmp_path: Path) -> None:
    path = _edit(bergen_xlsx, tmp_path, lambda b: b["Koblinger"].append(["B99", None, "O1"]))
    # after the last link: the contributions and the mitigations each have a row
    links = sum(len(e.contributes_to) + len(getattr(e, "mitigates", ())) for e in bergen.elements())
    row = 1 + links + 1
    assert str(_error(path)).startswith(
        f"{path}: sheet Koblinger, row {row}, column Fra (A): 'B99' is not the id of a row in "
        "Tiltak, Endringer, Gevinster, Ulemper, Effektmål, Samfunnsmål"
    )


def test_impacts_without_colon(bergen_xlsx: Path, tmp_path: Path) -> None:
    path = _edit(
        bergen_xlsx, tmp_path, lambda b: b["Interessenter"].__setitem__("G2", "O1 positiv")
    )
    assert "row 2, column Påvirkning (G): 'O1 positiv' has no ':'" in str(_error(path))


def test_missing_title_in_plan_sheet(bergen_xlsx: Path, tmp_path: Path) -> None:
    path = _edit(bergen_xlsx, tmp_path, lambda b: b["Plan"].delete_rows(4))
    assert str(_error(path)) == (
        f"{path}: sheet Plan: the field 'Tittel' (Title) is missing; add a row with "
        "Tittel in the first column and its value in the second"
    )


def test_every_problem_is_listed(bergen_xlsx: Path, tmp_path: Path) -> None:
    def change(book: Any) -> None:
        book["Tiltak"]["C2"] = "Ferdig"
        book["Målinger"]["D4"] = "sytten"

    message = str(_error(_edit(bergen_xlsx, tmp_path, change)))
    assert (
        "sheet Tiltak, row 2, column Status (C): 'Ferdig' is not in the drop-down list" in message
    )
    assert "1 more problem(s):" in message
    assert "sheet Målinger, row 4, column Verdi (D): 'sytten' is not a number" in message


# -- the command line ------------------------------------------------------------------------


def test_convert_yaml_to_excel_and_back(bergen_path: Path, bergen: gv.Plan, tmp_path: Path) -> None:
    runner = CliRunner()
    xlsx, back = tmp_path / "plan.xlsx", tmp_path / "back.json"
    result = runner.invoke(cli, ["convert", str(bergen_path), str(xlsx)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["convert", str(xlsx), str(back)])
    assert result.exit_code == 0, result.output
    assert gv.load(back) == bergen


def test_convert_of_a_bad_workbook_writes_nothing(bergen_xlsx: Path, tmp_path: Path) -> None:
    bad = _edit(bergen_xlsx, tmp_path, lambda b: b["Tiltak"].__setitem__("E2", "snart"))
    target = tmp_path / "out.yaml"
    target.write_text("old\n")
    result = CliRunner().invoke(cli, ["convert", str(bad), str(target)])
    assert result.exit_code == 1
    # a workbook that cannot be read: the environment's language (C: nb)
    assert result.output.startswith(f"error: {bad}: ark Tiltak, rad 2, kolonne Start (E): ")
    assert "Traceback" not in result.output
    assert target.read_text() == "old\n"


def test_docs_excel_page_shows_what_gevinst_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/excel.md: every Python cell and command is run and compared."""
    from tests.test_examples import _check_page

    root = Path(__file__).resolve().parents[2]
    shutil.copytree(root / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    text = (root / "docs" / "excel.md").read_text("utf-8")
    assert _check_page(text, tmp_path) == 7  # 3 Python cells, 4 console blocks
    assert "img/bergen-excel.png" in text and (root / "docs/img/bergen-excel.png").exists()


def test_convert_says_what_is_wrong_before_reading(bergen_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["convert", str(bergen_path), str(tmp_path / "plan.txt")])
    assert (result.exit_code, result.output) == (
        1,
        f"error: {tmp_path / 'plan.txt'}: kan ikke lagre en plan som .txt; "
        "bruk en av filendelsene: .json .xlsx .yaml .yml\n",  # the Bergen plan is Norwegian
    )
    missing = tmp_path / "nowhere" / "plan.xlsx"
    result = runner.invoke(cli, ["convert", str(bergen_path), str(missing)])
    assert result.exit_code == 1
    assert result.output == (
        f"error: {missing}: the folder {missing.parent} does not exist; create it first\n"
    )
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    result = runner.invoke(cli, ["convert", str(empty), str(tmp_path / "out.yaml")])
    assert result.exit_code == 1 and "filen er tom (0 byte)" in result.output  # no language: nb
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.xlsx"]  # nothing written


# -- any hand edit: a plan or a PlanError, never a traceback ---------------------------------

CELL_VALUES = st.one_of(
    st.none(),
    TEXT,
    FORMULA_LIKE,
    st.integers(-(2**40), 2**40),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 3, 1)),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(9999, 1, 1)),
    st.times(),
    st.sampled_from(["Ja", "Stor", "I1; I2", "B1: Positiv", "#N/A", "[1, 2]", "[", "0,5 %"]),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    edits=st.lists(
        st.tuples(st.sampled_from(NB_SHEETS), st.integers(1, 16), st.integers(1, 16), CELL_VALUES),
        min_size=1,
        max_size=4,
    )
)
def test_any_hand_edit_gives_a_plan_or_a_located_error(
    edits: list[tuple[str, int, int, Any]], tmp_path_factory: Any
) -> None:
    from tests.conftest import BERGEN

    folder = tmp_path_factory.mktemp("edit")
    book = _book(workbook_bytes(gv.load(BERGEN)))
    for sheet, row, column, value in edits:
        book[sheet].cell(row, column).value = value
    path = _save(book, folder / "plan.xlsx")
    try:
        plan = gv.load(path)
    except gv.PlanError as error:
        assert str(error).startswith(f"{path}: ")
        assert "Traceback" not in str(error)
    else:
        assert isinstance(plan, gv.Plan)


def test_check_names_sheet_and_row_of_a_workbook(bergen: gv.Plan, tmp_path: Path) -> None:
    bergen.benefits[2].owner = None  # B3, on row 4 of Gevinster under the header
    path = gv.save(bergen, tmp_path / "plan.xlsx")
    result = CliRunner().invoke(cli, ["check", str(path), "--select", "GV104"])
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == (
        f"{path}: sheet Gevinster, row 4: GV104 warning B3 gevinst B3 har ingen eier; oppgi "
        "interessenten (gevinsteier) som svarer for å realisere den (owner)"
    )
    assert record_places(path)["etatsdirektor"] == ("Interessenter", 2)


def test_a_value_under_an_empty_heading_is_refused(bergen_xlsx: Path, tmp_path: Path) -> None:
    def drop_heading(book: Any) -> None:
        sheet = book["Gevinster"]
        sheet["N1"] = None
        sheet["N2"] = "glemt"
        sheet["P3"] = "også glemt"

    path = _edit(bergen_xlsx, tmp_path, drop_heading)
    assert str(_error(path)) == (
        f"{path}: sheet Gevinster, row 2, column N: a value in N2 has no column heading, "
        "so it would be lost; remove it, or add a heading in row 1"
    )


def test_too_many_tags_are_refused_before_parsing(
    bergen_xlsx: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gevinst.io.excel.guard

    monkeypatch.setattr(gevinst.io.excel.guard, "MAX_TAGS", 1_000)
    message = str(_error(bergen_xlsx))
    assert message.startswith(f"{bergen_xlsx}: its XML has more than 1,000 tags")


def test_a_sheet_part_with_another_name_counts_its_tags(tmp_path: Path) -> None:
    from tests.workbooks import edit_part, plan_workbook, sheet_part

    path = plan_workbook(tmp_path / "plan.xlsx")
    part = sheet_part(path, "Gevinster")
    spam = b"<c/>" * 2_000_001

    def rename(data: bytes) -> bytes:
        return data.replace(part.removeprefix("xl/").encode(), b"worksheets/gevinster.bin")

    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members["xl/worksheets/gevinster.bin"] = members.pop(part).replace(
        b"<sheetData>", b"<sheetData><row r='3'>" + spam + b"</row>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    edit_part(path, "xl/_rels/workbook.xml.rels", rename)
    assert str(_error(path)).startswith(f"{path}: its XML has more than 2,000,000 tags")


def test_cells_out_of_order_are_a_damaged_file(tmp_path: Path) -> None:
    from tests.workbooks import add_rows, edit_sheet, plan_workbook, text_cell

    path = plan_workbook(tmp_path / "plan.xlsx")
    row = b'<row r="4">' + text_cell("B4", "to") + text_cell("A4", "B9") + b"</row>"
    edit_sheet(path, "Gevinster", lambda xml: add_rows(xml, row))
    assert str(_error(path)) == (
        f"{path}: sheet Gevinster: the cell A4 comes after B4 in the file (cells must be "
        "in order); the file is damaged: open it in Excel and save it again"
    )


def test_a_name_over_500_characters_is_refused_at_its_cell(tmp_path: Path) -> None:
    plan = gv.Plan.new("p", "T")
    plan.add_goal("G1", "Mål")
    book = _book(workbook_bytes(plan))
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    cell = next(c for c in cells if c.value == "Mål")
    cell.value = "y" * 600
    path = tmp_path / "long.xlsx"
    book.save(path)
    with pytest.raises(gv.PlanError) as info:
        gv.load(path)
    message = str(info.value)
    assert f"row {cell.row}" in message and "at most 500 characters" in message
    assert "y" * 50 not in message  # the long name is not echoed
