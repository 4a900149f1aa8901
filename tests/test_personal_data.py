"""Personal data never leaves: every command refuses a plan holding a national identity
number (in a name, a comment, a measurements file, a workbook cell), names the file and
the place and never the number, and writes nothing; the library's writers refuse such a
plan too (SPEC section 5)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

import gevinst as gv
from gevinst.analysis.stakeholders import to_csv, to_markdown
from gevinst.charts.results import impact_chart, stakeholder_chart
from gevinst.cli import cli
from gevinst.personal_data import find_in_text, is_national_id, mask
from tests.conftest import BERGEN

FNR = "15019010063"  # a valid fødselsnummer (15 January 1990)
D_NUMBER = "55019010057"  # a valid D-number (day + 40)
LOST_ZERO = "01019000083"  # valid; written as a number it loses its leading zero


def _number_free(text: str) -> None:
    """The output must not repeat any form of the number."""
    for number in (FNR, D_NUMBER, LOST_ZERO, LOST_ZERO[1:], "150190 10063", "10063"):
        assert number not in text, f"{number} was printed:\n{text}"


PLAN = """\
schema: gevinst/1
plan: {{id: p, title: Prøve, language: nb}}
goals:
  - {{id: G1, name: Trygge barn}}
benefits:
  - id: B1
    name: {name}
    owner: leder
    contributes_to: [G1]
    indicators: [I1]
stakeholders:
  - {{id: leder, name: Leder, power: high, interest: high}}
indicators:
  - id: I1
    name: Ventetid
    unit: dager
    source: Fagsystemet
    direction: decrease
    baseline: {{date: 2024-01-01, value: 30}}
    targets: [{{date: 2025-12-31, value: 10}}]
"""
NAME_LINE = 7  # the line of B1's name
CSV = "indicator,date,value,note\nI1,2024-06-30,25,første måling\nI1,2025-06-30,20,{note}\n"


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.format(name="Kortere ventetid"), "utf-8")
    return path


def _plan_with(tmp_path: Path, where: str) -> tuple[Path, Path | None, str]:
    """A plan (and measurements) with an identity number in ``where``: the file to blame
    and the line it is on."""
    plan = tmp_path / "plan.yaml"
    text = PLAN.format(name="Kortere ventetid")
    table = None
    if where == "name":
        text = PLAN.format(name=f"Saken til barn {FNR[:6]} {FNR[6:]}")
        blamed, line = plan, NAME_LINE
    elif where == "comment":
        text = text.replace("goals:\n", f"goals:  # sjekket for {D_NUMBER}\n")
        blamed, line = plan, 3
    else:
        table = tmp_path / "målinger.csv"
        table.write_text(CSV.format(note=f"gjelder {FNR}"), "utf-8")
        blamed, line = table, 3
    plan.write_text(text, "utf-8")
    return blamed, table, f"{blamed}:{line}:"


def _run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


# (command line with {plan}, {out} and {csv} filled in; does it take --measurements?)
COMMANDS = {
    "check": (["check", "{plan}"], True),
    "render-svg": (["render", "{plan}", "-o", "{out}.svg"], True),
    "render-html": (["render", "{plan}", "-o", "{out}.html"], True),
    "evaluate": (["evaluate", "{plan}", "--at", "2025-10-01", "-o", "{out}.csv"], True),
    "evaluate-screen": (["evaluate", "{plan}", "--at", "2025-10-01"], True),
    "trace": (["trace", "{plan}", "B1"], False),
    "report": (["report", "{plan}", "-o", "{out}.md"], True),
    "stakeholders": (["stakeholders", "{plan}", "-o", "{out}.csv"], False),
    "convert-json": (["convert", "{plan}", "{out}.json"], False),
    "convert-xlsx": (["convert", "{plan}", "{out}.xlsx"], False),
    "diff": (["diff", "{plan}", "{plan}", "-o", "{out}.txt"], False),
    "simulate": (["simulate", "{plan}", "--runs", "10", "-o", "{out}.json"], False),
    "impact": (["impact", "{plan}", "B1", "-o", "{out}.json"], True),
    "impact-stdout": (["impact", "{plan}", "B1", "-o", "-"], True),
    "evaluate-stdout": (["evaluate", "{plan}", "--at", "2025-10-01", "-o", "-"], True),
}
CASES = [
    (command, where)
    for command, (_, takes_csv) in COMMANDS.items()
    for where in ("name", "comment", "csv")
    if where != "csv" or takes_csv
]


@pytest.mark.parametrize(("command", "where"), CASES, ids=[f"{c}-{w}" for c, w in CASES])
def test_every_command_refuses_an_identity_number(tmp_path: Path, command: str, where: str) -> None:
    blamed, table, place = _plan_with(tmp_path, where)
    args, _ = COMMANDS[command]
    out = tmp_path / "out"
    line = [a.format(plan=tmp_path / "plan.yaml", out=out) for a in args]
    if table is not None:
        line += ["--measurements", str(table)]
    result = _run(*line)
    assert result.exit_code == 1, result.output
    assert place in result.output, f"expected {place!r} in:\n{result.output}"
    assert "GV201" in result.output
    _number_free(result.output)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({"plan.yaml", blamed.name}), (
        "nothing may be written"
    )


def test_diff_blames_the_new_plan(tmp_path: Path, clean: Path) -> None:
    new = tmp_path / "ny.yaml"
    new.write_text(PLAN.format(name=f"Barn {FNR}"), "utf-8")
    result = _run("diff", str(clean), str(new))
    assert result.exit_code == 1
    assert f"{new}:{NAME_LINE}:" in result.output
    _number_free(result.output)


def test_check_lists_each_place_at_its_line(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    text = PLAN.format(name=f"Barn {FNR}").replace("goals:\n", f"goals:  # {D_NUMBER}\n")
    plan.write_text(text, "utf-8")
    table = tmp_path / "m.csv"
    table.write_text(CSV.format(note=f"{FNR[:6]}-{FNR[6:]}"), "utf-8")
    result = _run("check", str(plan), "--measurements", str(table), "--format", "json")
    rows = [r for r in json.loads(result.stdout) if r["code"] == "GV201"]
    assert {(r["file"], r["line"]) for r in rows} == {
        (str(plan), 3),
        (str(plan), NAME_LINE),
        (str(table), 3),
    }
    assert result.exit_code == 1
    _number_free(result.output)


def test_check_can_leave_gv201_out_but_other_commands_cannot(tmp_path: Path) -> None:
    _plan_with(tmp_path, "comment")
    plan = str(tmp_path / "plan.yaml")
    assert _run("check", "--ignore", "GV201", plan).exit_code == 0
    assert _run("render", plan, "-o", str(tmp_path / "m.svg")).exit_code == 1
    # but a plan that cannot be read either is not "checked" by leaving GV201 out
    broken = tmp_path / "broken.yaml"
    broken.write_text(f"schema: gevinst/1\nplan: {{id: p, title: T, start: {FNR}}}\n", "utf-8")
    result = _run("check", "--ignore", "GV201", str(broken))
    assert result.exit_code == 1 and f"{broken}:2:" in result.output
    _number_free(result.output)


def test_a_number_that_lost_its_leading_zero(tmp_path: Path, clean: Path) -> None:
    # An identity number typed into Excel as a number loses its zero; in the file it is
    # ten digits, read as a number it is the identity number again.
    text = clean.read_text("utf-8").replace("value: 30}", f"value: {int(LOST_ZERO)}}}")
    clean.write_text(text, "utf-8")
    result = _run("render", str(clean), "-o", str(tmp_path / "m.svg"))
    assert result.exit_code == 1
    assert f"{clean}:19:" in result.output and "indicators[0].baseline.value" in result.output
    _number_free(result.output)
    table = tmp_path / "m.csv"
    table.write_text(f"indicator,date,value\nI1,2024-06-30,{int(LOST_ZERO)}\n", "utf-8")
    plan = clean.with_name("ren.yaml")
    plan.write_text(PLAN.format(name="Ren"), "utf-8")
    result = _run("evaluate", str(plan), "--measurements", str(table))
    assert result.exit_code == 1
    assert f"{table}:2 [value]" in result.output
    _number_free(result.output)


def test_json_escapes_do_not_hide_a_number(tmp_path: Path) -> None:
    escaped = "".join(f"\\u{ord(c):04x}" for c in FNR)
    path = tmp_path / "plan.json"
    path.write_text(
        '{"schema": "gevinst/1",\n "plan": {"id": "p", "title": "T"},\n'
        f' "goals": [{{"id": "G1", "name": "Barn {escaped}"}}]}}\n',
        "utf-8",
    )
    result = _run("convert", str(path), str(tmp_path / "plan.yaml"))
    assert result.exit_code == 1
    assert f"{path}:3:" in result.output and "goals[0].name" in result.output
    assert not (tmp_path / "plan.yaml").exists()


def test_a_mistake_next_to_the_number_does_not_quote_it(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(f"schema: gevinst/1\nplan: {{id: p, title: T, start: {FNR}}}\n", "utf-8")
    result = _run("check", str(path))
    assert result.exit_code == 1
    assert f"{path}:2:" in result.output and "GV201" in result.output
    _number_free(result.output)


def test_an_error_message_never_quotes_an_escaped_number(tmp_path: Path) -> None:
    # The raw text shows no digits; the reader would say "'15019010063' is not a date".
    escaped = "".join(f"\\u{ord(c):04x}" for c in FNR)
    path = tmp_path / "plan.json"
    path.write_text(
        f'{{"schema": "gevinst/1",\n "plan": {{"id": "p", "title": "T", "start": "{escaped}"}}}}\n',
        "utf-8",
    )
    result = _run("check", str(path))
    assert result.exit_code == 1
    assert f"{path}:2:36:" in result.output and "GV201" in result.output
    _number_free(result.output)


def test_workbook_cells_are_named_by_sheet_and_cell(tmp_path: Path) -> None:
    book_path = tmp_path / "plan.xlsx"
    gv.save(gv.load(BERGEN), book_path)
    book = openpyxl.load_workbook(book_path)
    book["Gevinster"]["B3"] = f"Barn {FNR}"
    book["Endringer"]["Z40"] = int(LOST_ZERO)  # far outside the table, a number
    book["Endringer"].column_dimensions["Z"].hidden = True
    book.save(book_path)
    before = book_path.read_bytes()
    out = tmp_path / "plan.yaml"
    result = _run("convert", str(book_path), str(out))
    assert result.exit_code == 1
    assert f"{book_path}: sheet Gevinster, cell B3" in result.output
    assert "sheet Endringer, cell Z40" in result.output
    _number_free(result.output)
    assert not out.exists() and book_path.read_bytes() == before
    check = _run("check", str(book_path))
    assert check.exit_code == 1 and check.output.count("GV201") == 2


def test_a_workbook_with_rows_far_apart_is_scanned_at_once(tmp_path: Path) -> None:
    from gevinst.io.excel.scan import find_in_workbook

    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "x"
    sheet["B1048576"] = FNR  # the last row Excel has: nothing between is read
    book.save(tmp_path / "far.xlsx")
    hits = find_in_workbook((tmp_path / "far.xlsx").read_bytes(), "far.xlsx")
    assert [h.place() for h in hits] == ["far.xlsx: sheet Sheet, cell B1048576"]


# -- the library's writers ---------------------------------------------------------------------


@pytest.fixture
def holding() -> gv.Plan:
    plan = gv.load(BERGEN)
    plan.benefits[1].description = f"Gjelder {FNR[:6]} {FNR[6:]}"
    return plan


WRITERS = {
    "render": lambda plan, folder: gv.render(plan, folder / "kart.svg"),
    "report": lambda plan, folder: gv.report(plan, folder / "rapport.md"),
    "save-yaml": lambda plan, folder: gv.save(plan, folder / "plan.yaml"),
    "save-xlsx": lambda plan, folder: gv.save(plan, folder / "plan.xlsx"),
    "dumps": lambda plan, folder: gv.dumps(plan, "json"),
    "stakeholder-csv": lambda plan, folder: to_csv(plan),
    "stakeholder-md": lambda plan, folder: to_markdown(plan),
    "stakeholder-chart": lambda plan, folder: stakeholder_chart(plan),
    "impact-chart": lambda plan, folder: impact_chart(plan),
}


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_library_writers_refuse(holding: gv.Plan, tmp_path: Path, writer: str) -> None:
    with pytest.raises(gv.PersonalDataError) as info:
        WRITERS[writer](holding, tmp_path)
    assert "[B2 benefits[1].description]" in str(info.value)
    _number_free(str(info.value))
    assert list(tmp_path.iterdir()) == []


def test_evaluation_writer_refuses(tmp_path: Path) -> None:
    from gevinst.report.tables import write

    evaluation = gv.evaluate(gv.load(BERGEN), at="2025-10-01")
    evaluation.plan.goals[0].name = f"Barn {FNR}"  # changed after it was evaluated
    with pytest.raises(gv.PersonalDataError):
        write(evaluation, tmp_path / "e.csv")
    assert list(tmp_path.iterdir()) == []


def test_personal_data_error_is_a_plan_error() -> None:
    assert issubclass(gv.PersonalDataError, gv.PlanError)
    assert issubclass(gv.PersonalDataError, ValueError)


# -- finding the place: properties ---------------------------------------------------------------

VALID = [FNR, D_NUMBER, LOST_ZERO, "31129900183", "29020000064"]
LINES = st.lists(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Nd")), max_size=40).map(
        lambda s: s.replace("\n", " ").replace("\r", " ")
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(
    lines=LINES,
    row=st.integers(min_value=0, max_value=7),
    at=st.integers(min_value=0, max_value=40),
    number=st.sampled_from(VALID),
    separator=st.sampled_from(["", " ", ".", "-"]),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),  # as YAML and CSV readers end lines
)
def test_found_at_its_line_and_column_and_never_shown(
    lines: list[str], row: int, at: int, number: str, separator: str, newline: str
) -> None:
    row = min(row, len(lines) - 1)
    column = min(at, len(lines[row]))
    written = f"{number[:6]}{separator}{number[6:]}"
    lines[row] = f"{lines[row][:column]} {written} {lines[row][column:]}"
    text = newline.join(lines)
    hits = find_in_text(text, "f.yaml")
    assert [(h.line, h.column) for h in hits] == [(row + 1, column + 2)]
    assert written not in mask(text)


def test_valid_numbers_here_are_valid() -> None:
    assert all(is_national_id(n) for n in VALID)


def test_phone_and_organisation_numbers_pass() -> None:
    text = "tlf 4791234567, org.nr. 974 760 673, konto 1234.56.78903, 2025-06-30"
    assert find_in_text(text, "f") == []
    assert re.fullmatch(r"[^<]*", mask(text))


def test_the_docs_show_what_gevinst_prints(tmp_path: Path) -> None:
    from tests.test_docs_guides import DOCS, replay

    page = (DOCS / "checks.md").read_text("utf-8")
    section = page[page.index("## Personal data never leaves") :]
    assert "$ gevinst render" in section and "```python" in section
    problems = replay(section, tmp_path)
    assert not problems, "\n\n".join(problems)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]
