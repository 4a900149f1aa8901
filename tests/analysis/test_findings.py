"""What the commands call: findings at their places, traces, suffix tables, refusals."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import gevinst as gv
from gevinst.analysis.diff import diff_format
from gevinst.analysis.findings import check_files, codes, error_lines, located
from gevinst.analysis.trace_text import trace_text
from gevinst.errors import FormatError, OverwriteError
from gevinst.io.inputs import refuse_overwrite

# line 6: B1 (no owner, no indicator); line 8: M1 (contributes to nothing)
FLAWED = (
    "schema: gevinst/1\n"
    "plan: {id: p, title: Prøve, language: en}\n"
    "goals:\n"
    "  - {id: G1, name: Mål}\n"
    "benefits:\n"
    "  - {id: B1, name: Gevinst, contributes_to: [G1]}\n"
    "measures:\n"
    "  - {id: M1, name: Tiltak}\n"
)
B1_NO_OWNER = (
    "benefit B1 has no owner; name the stakeholder (gevinsteier) who answers for "
    "realising it (owner)"
)
M1_TO_NOTHING = (
    "measure M1 contributes to nothing; link it to the change or benefit it leads to "
    "(contributes_to)"
)


@pytest.fixture
def flawed(tmp_path: Path) -> Path:
    path = tmp_path / "flawed.yaml"
    path.write_text(FLAWED, "utf-8")
    return path


def test_check_files_locates_each_finding(flawed: Path, tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.yaml")
    run = check_files([str(flawed), missing], select=["gv101, GV104"])
    assert run.lines() == [
        f"{flawed}:6: GV104 warning B1 {B1_NO_OWNER}",
        f"{flawed}:8: GV101 warning M1 {M1_TO_NOTHING}",
    ]
    # a file that cannot be read names no language: the environment's (C: nb) says it
    assert run.unreadable == [f"{missing}: filen finnes ikke"]
    assert run.errors == 1  # the missing file
    assert run.summary() == (
        "1 plan checked: 0 error(s), 2 warning(s), 0 info; 1 file(s) could not be read"
    )
    rows = json.loads(run.to_json())
    assert [(r["file"], r["line"], r["code"]) for r in rows] == [
        (str(flawed), 8, "GV101"),  # in the order the rules ran, not sorted
        (str(flawed), 6, "GV104"),
        (missing, None, "GV000"),
    ]
    assert all("place" not in r for r in rows)


def test_check_files_speaks_the_plan_language(flawed: Path) -> None:
    """A plan in nb gets its messages in nb; ``language`` overrides the plan's."""
    norwegian = flawed.with_name("norsk.yaml")
    norwegian.write_text(FLAWED.replace(", language: en", ""), "utf-8")
    run = check_files([str(norwegian)], select=["GV101", "GV104"])
    assert run.lines() == [
        f"{norwegian}:6: GV104 warning B1 gevinst B1 har ingen eier; oppgi interessenten "
        "(gevinsteier) som svarer for å realisere den (owner)",
        f"{norwegian}:8: GV101 warning M1 tiltak M1 bidrar ikke til noe; koble det til "
        "endringen eller gevinsten det fører til (contributes_to)",
    ]
    run = check_files([str(norwegian)], select=["GV101", "GV104"], language="en")
    assert run.lines() == [
        f"{norwegian}:6: GV104 warning B1 {B1_NO_OWNER}",
        f"{norwegian}:8: GV101 warning M1 {M1_TO_NOTHING}",
    ]


def test_codes() -> None:
    assert codes([" gv1 ,GV201", ","]) == ["GV1", "GV201"]


def test_located_and_error_lines(flawed: Path) -> None:
    plan = gv.load(flawed)
    findings = gv.check(plan, select=["GV101", "GV104"])
    assert located(str(flawed), findings[::-1]) == [  # in the order of the file
        f"{flawed}:6: GV104 warning B1 {B1_NO_OWNER}",
        f"{flawed}:8: GV101 warning M1 {M1_TO_NOTHING}",
    ]
    assert error_lines(str(flawed), plan) == []  # warnings only: nothing to say
    broken = flawed.with_name("broken.yaml")
    broken.write_text(FLAWED.replace("[G1]", "[G9]"), "utf-8")
    said = error_lines(str(broken), gv.load(broken))  # the plan's language: en
    assert said[0].startswith(f"{broken}:6: GV002 error B1 ")
    assert said[-1] == (
        f"{broken}: drawn with 1 error(s), as the plan is; `gevinst check {broken}` lists "
        "every finding"
    )
    assert error_lines(str(broken), gv.load(broken), language="nb")[-1] == (
        f"{broken}: tegnet med 1 feil, slik planen er; `gevinst check {broken}` viser alle funnene"
    )
    assert error_lines(str(broken), gv.load(broken), drawn=False) == said[:-1]


def test_trace_text(flawed: Path) -> None:
    plan = gv.load(flawed)
    assert trace_text(plan, "B1").splitlines() == [
        "B1: Gevinst",
        "Up to the goals (1 path(s)):",
        "  B1 (Gevinst) -> G1 (Mål)",
        "Down to the measures (1 path(s)):",
        "  B1 (Gevinst)",
    ]
    data = json.loads(trace_text(plan, "B1", format="json"))
    assert data == {"element": "B1", "up": [["B1", "G1"]], "down": [["B1"]]}
    with pytest.raises(gv.PlanError) as info:
        trace_text(plan, "X9", source="p.yaml")
    assert str(info.value) == "p.yaml: 'X9' is not an element of the map; known: B1, G1, M1"


def test_diff_format_follows_the_suffix() -> None:
    assert diff_format(None) == "text"
    assert diff_format(None, "a.JSON") == "json"
    assert diff_format(None, "a.md") == "md"
    assert diff_format(None, "a.txt") == "text"
    assert diff_format("text", "a.md") == "text"


def test_refuse_overwrite_names_the_role(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("x", "utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(plan)
    refuse_overwrite(tmp_path / "other.yaml", {"the input plan": plan})
    refuse_overwrite(None, {"the input plan": plan})
    with pytest.raises(OverwriteError) as info:
        refuse_overwrite(link, {"the input plan": plan, "the measurements file": None})
    assert str(info.value) == (
        f"{link} is the input plan; choose another output file (nothing written)"
    )
    assert isinstance(info.value, OSError) and isinstance(info.value, gv.GevinstError)


def test_stakeholder_table_read_back(tmp_path: Path) -> None:
    from gevinst.report.stakeholders import write_stakeholders

    plan = gv.load("examples/minimal.yaml")
    target = write_stakeholders(plan, tmp_path / "s.csv", language="en")
    rows = list(csv.reader(io.StringIO(target.read_text("utf-8"), newline="")))
    assert len(rows) == 2  # the header and Tjenesteleder
    assert "Tjenesteleder" in rows[1]
    png = write_stakeholders(plan, tmp_path / "s.png")
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.parametrize(
    ("module", "table"),
    [
        ("gevinst.io.plans", "WRITERS"),
        ("gevinst.report.tables", "WRITERS"),
        ("gevinst.report.stakeholders", "WRITERS"),
    ],
)
def test_an_unknown_suffix_lists_the_known_ones(module: str, table: str) -> None:
    import importlib

    found = importlib.import_module(module)
    with pytest.raises(FormatError) as info:
        found.writer_for("out.txt")
    message = str(info.value)
    assert message.startswith("out.txt: ")
    known = sorted(getattr(found, table))
    assert "use one of: " + " ".join(known) in message  # FormatError.unknown_suffix
    for suffix in known:
        assert callable(found.writer_for(f"out{suffix.upper()}"))
