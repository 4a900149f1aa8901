"""Reading and writing: safety, located errors, CSV measurements, atomic and stable saves."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

import gevinst as gv
from gevinst._files import atomic_write
from gevinst.io.plans import parse_measurements, record_lines

HEADER = "schema: gevinst/1\nplan: {id: p, title: Prøve}\n"


def test_error_names_element_and_field() -> None:
    text = HEADER + "benefits:\n  - id: B7\n    name: Gevinst\n    risk: enorm\n"
    with pytest.raises(gv.PlanError) as info:
        gv.loads(text, source="plan.yaml")
    error = info.value
    assert (error.source, error.line, error.element, error.field) == ("plan.yaml", 6, "B7", "risk")
    assert "'low', 'medium' or 'high'" in error.reason
    assert str(error).startswith("plan.yaml:6:")


def test_all_problems_listed() -> None:
    text = HEADER + "goals:\n  - {id: G1}\n  - {id: G2, name: x, farge: rød}\n"
    with pytest.raises(gv.PlanError) as info:
        gv.loads(text, source="p.yaml")
    message = str(info.value)
    assert "required key 'name'" in message
    assert "unknown key 'farge'" in message
    assert "p.yaml:5" in message


def test_json_errors_located() -> None:
    with pytest.raises(gv.PlanError) as info:
        gv.loads('{"schema": "gevinst/1",\n "plan": {"id": "p", "title": 3.5, "x": 1}}', "json")
    assert info.value.line == 2


def test_yaml_1_2_numbers() -> None:
    plan = gv.loads(HEADER + "measures: [{id: M1, name: T, cost: {one_off: 1e3, annual: 0x10}}]")
    cost = plan.measures[0].cost
    assert cost is not None and (cost.one_off, cost.annual) == (1000.0, 16.0)


def test_booleans_only_true_false() -> None:
    plan = gv.loads(HEADER + "benefits: [{id: B1, name: N, cashable: true}]")
    assert plan.benefits[0].cashable is True
    with pytest.raises(gv.PlanError, match="cashable"):
        gv.loads(HEADER + "benefits: [{id: B1, name: N, cashable: yes}]")


def test_dates_as_strings_in_json() -> None:
    data = {
        "schema": "gevinst/1",
        "plan": {"id": "p", "title": "t"},
        "measurements": [{"indicator": "I1", "date": "2025-06-30", "value": 3}],
    }
    plan = gv.loads(json.dumps(data), "json")
    assert plan.measurements[0].date == dt.date(2025, 6, 30)


def test_bytes_with_bom_and_crlf() -> None:
    text = (HEADER + "goals: [{id: G1, name: Mål}]\n").replace("\n", "\r\n")
    plan = gv.loads(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert plan.goals[0].name == "Mål"


def test_invalid_utf8_position_after_bom() -> None:
    raw = b"\xef\xbb\xbf" + HEADER.encode("utf-8") + b"goals: [{id: G1, name: M\xe5l}]\n"
    with pytest.raises(gv.PlanError) as info:
        gv.loads(raw, source="p.yaml")
    assert (info.value.line, info.value.column) == (3, 25)
    assert "0xe5" in str(info.value)


def test_unknown_format() -> None:
    with pytest.raises(gv.FormatError):
        gv.loads(HEADER, "toml")
    with pytest.raises(gv.FormatError, match=r"\.yaml"):
        gv.load("plan.toml")


def test_save_is_deterministic_and_readable(bergen: gv.Plan, tmp_path: Path) -> None:
    one, two = tmp_path / "a.yaml", tmp_path / "b.yaml"
    gv.save(bergen, one)
    gv.save(gv.load(one), two)
    assert one.read_bytes() == two.read_bytes()
    text = one.read_text("utf-8")
    assert "Effektmål" not in text  # labels are not in the file, only data
    assert "Høyere kvalitet og bedre dokumentasjon" in text
    assert "\\u00f8" not in text


def test_atomic_write_keeps_old_file_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.yaml"
    target.write_text("old", "utf-8")

    def fail(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        atomic_write(target, "new")
    assert target.read_text("utf-8") == "old"
    assert sorted(os.listdir(tmp_path)) == ["plan.yaml"]


def test_save_unknown_suffix_writes_nothing(minimal: gv.Plan, tmp_path: Path) -> None:
    with pytest.raises(gv.FormatError):
        gv.save(minimal, tmp_path / "plan.docx")
    assert list(tmp_path.iterdir()) == []


def test_measurements_csv(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text(
        "indicator,date,value,note\nI1,2025-03-31,17.5,første kvartal\nI1,2025-06-30,16,\n",
        "utf-8",
    )
    rows = gv.load_measurements(path)
    assert [(r.indicator, r.date, r.value, r.note) for r in rows] == [
        ("I1", dt.date(2025, 3, 31), 17.5, "første kvartal"),
        ("I1", dt.date(2025, 6, 30), 16.0, None),
    ]


def test_measurements_csv_norwegian_excel() -> None:
    rows = parse_measurements("indicator;date;value\nI1;2025-03-31;17,5\nI2;2025-03-31;1 200\n")
    assert [r.value for r in rows] == [17.5, 1200.0]


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("2026-03-31", dt.date(2026, 3, 31)),
        ("31.03.2026", dt.date(2026, 3, 31)),  # Norwegian Excel's short date
        ("31.3.2026", dt.date(2026, 3, 31)),
        ("1.2.2026", dt.date(2026, 2, 1)),  # day first: 1 February, never 2 January
        ("01.02.2026", dt.date(2026, 2, 1)),
    ],
)
def test_measurements_csv_norwegian_dates(written: str, date: dt.date) -> None:
    rows = parse_measurements(f"indicator;date;value\nI1;{written};17,5\n")
    assert [(r.date, r.value) for r in rows] == [(date, 17.5)]


@pytest.mark.parametrize(
    ("written", "fragment"),
    [
        ("03/04/2026", "'03/04/2026' is ambiguous (day or month first?)"),
        ("31/03/2026", "'31/03/2026' is ambiguous"),
        ("2026/03/31", "'2026/03/31' is ambiguous"),
        ("31.03.26", "'31.03.26' has a 2-digit year"),
        ("31.02.2026", "'31.02.2026' is not a date (day is out of range for month)"),
        ("2026-02-30", "'2026-02-30' is not a date"),
    ],
)
def test_measurements_csv_dates_refused(written: str, fragment: str) -> None:
    with pytest.raises(gv.PlanError) as info:
        parse_measurements(f"indicator,date,value\nI1,2026-01-31,1\nI1,{written},3\n", "m.csv")
    assert (info.value.line, info.value.column) == (3, 2)
    assert fragment in str(info.value)
    assert "YYYY-MM-DD (2026-03-31) or DD.MM.YYYY (31.03.2026)" in str(info.value)


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("indikator,dato,verdi\n", 1, "header"),
        ("indicator,date,value\nI1,mars 2025,3\n", 2, "not a date"),
        ("indicator,date,value\nI1,2025-03-31,mye\n", 2, "not a number"),
        ("indicator,date,value\nI1,2025-03-31\n", 2, "columns"),
        ("indicator,date,value\n1x,2025-03-31,3\n", 2, "not a valid id"),
        ("", 1, "empty"),
    ],
)
def test_measurements_csv_errors(text: str, line: int, fragment: str) -> None:
    with pytest.raises(gv.PlanError) as info:
        parse_measurements(text, "m.csv")
    assert info.value.line == line
    assert fragment in str(info.value)
    assert str(info.value).startswith(f"m.csv:{line}")


def test_load_with_measurements(tmp_path: Path, minimal: gv.Plan) -> None:
    csv = tmp_path / "m.csv"
    csv.write_text("indicator,date,value\nI1,2025-01-31,25\n", "utf-8")
    plan = gv.load(Path(__file__).parents[2] / "examples" / "minimal.yaml", measurements=csv)
    assert len(plan.measurements) == len(minimal.measurements) + 1


def test_record_lines(bergen_path: Path) -> None:
    lines = record_lines(bergen_path.read_text("utf-8"))
    source = bergen_path.read_text("utf-8").splitlines()
    for id in ("G1", "B11", "M12", "leder-bvt", "I5"):
        assert f"id: {id}" in source[lines[id] - 1]


def test_atomic_write_permissions(tmp_path: Path) -> None:
    new = atomic_write(tmp_path / "new.yaml", "x")
    umask = os.umask(0)
    os.umask(umask)
    assert new.stat().st_mode & 0o777 == 0o666 & ~umask
    kept = tmp_path / "kept.yaml"
    kept.write_text("old", "utf-8")
    kept.chmod(0o640)
    atomic_write(kept, "new")
    assert kept.stat().st_mode & 0o777 == 0o640
    assert kept.read_text("utf-8") == "new"


def test_atomic_write_missing_folder_named(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as info:
        atomic_write(tmp_path / "nowhere" / "plan.yaml", "x")
    assert info.value.filename == str(tmp_path / "nowhere")


def test_csv_with_unknown_indicator_is_located_in_the_csv(tmp_path: Path) -> None:
    csv = tmp_path / "m.csv"
    csv.write_text("indicator,date,value\nI1,2025-01-31,25\n\nI9,2025-03-31,24\n", "utf-8")
    plan = Path(__file__).parents[2] / "examples" / "minimal.yaml"
    with pytest.raises(gv.PlanError) as info:
        gv.load(plan, measurements=csv)
    assert (info.value.source, info.value.line) == (str(csv), 4)
    assert "'I9' is not an indicator of plan 'minimal'" in str(info.value)


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_measurements_csv_any_line_end(end: str) -> None:
    text = end.join(["indicator,date,value", "I1,2025-03-31,17", "I1,2025-06-30,16", ""])
    assert [r.value for r in parse_measurements(text)] == [17.0, 16.0]


@pytest.mark.parametrize(
    ("value", "number"),
    [("17", 17.0), ("-3.5", -3.5), ("+2", 2.0), (".5", 0.5), ("1e3", 1000.0), ("1 200", 1200.0)],
)
def test_measurements_csv_numbers(value: str, number: float) -> None:
    rows = parse_measurements(f'indicator,date,value\nI1,2025-03-31,"{value}"\n')
    assert rows[0].value == number


@pytest.mark.parametrize("value", ["1_000", "１２", "٣", "nan", "inf", "1e400", "0x10", "12,5"])
def test_measurements_csv_strict_numbers(value: str) -> None:
    with pytest.raises(gv.PlanError) as info:
        parse_measurements(f'indicator,date,value\nI1,2025-03-31,"{value}"\n', "m.csv")
    assert str(info.value).startswith(f"m.csv:2:3: {value!r} is not a number")


def test_measurements_csv_field_too_long() -> None:
    text = "indicator,date,value,note\nI1,2025-03-31,1,kort\nI1,2025-06-30,2," + "x" * 200_000
    with pytest.raises(gv.PlanError) as info:
        parse_measurements(text, "m.csv")
    assert str(info.value).startswith("m.csv:3: a field is longer than 131,072 characters")


def test_measurements_csv_row_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    import gevinst.io.measurements

    monkeypatch.setattr(gevinst.io.measurements, "MAX_MEASUREMENT_ROWS", 2)
    assert len(parse_measurements("indicator,date,value\nI1,2025-03-31,1\nI1,2025-06-30,2")) == 2
    with pytest.raises(gv.PlanError) as info:
        parse_measurements("indicator,date,value\n" + "I1,2025-03-31,1\n" * 3, "m.csv")
    assert str(info.value).startswith("m.csv: the measurement file has 4 lines")
    assert "at most 2 rows" in str(info.value)


@pytest.mark.parametrize("unit", ["%", "% av saker"])
def test_unquoted_percent_unit_named_in_the_error(unit: str) -> None:
    """YAML reserves '%' (directives): no plain value may start with it, so the error
    names it and shows the value in quotes; quoted, it is read."""
    text = "schema: gevinst/1\nplan: {id: p, title: P}\nindicators:\n  - id: I1\n    name: Andel\n"
    with pytest.raises(gv.PlanError) as info:
        gv.loads(text + f"    unit: {unit}\n")
    assert (info.value.line, info.value.column) == (6, 11)
    assert f"""a value cannot start with '%'; put it in quotes: "{unit}\"""" in str(info.value)
    assert gv.loads(text + f'    unit: "{unit}"\n').indicators[0].unit == unit
