"""Ramp-up of a value (SPEC section 6), checked against sums worked out by hand."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

import gevinst as gv
from gevinst.analysis.diff_text import field_word
from gevinst.analysis.money import npv, ramped, year_bounds
from gevinst.cli import cli
from gevinst.errors import PlanError
from gevinst.model import Benefit
from tests.strategies import plans

PLAN = """\
schema: gevinst/1
plan:
  id: P1
  title: Opptrapping
  start: 2025-01-01
  horizon_years: 3
  discount_rate: 0.04
benefits:
  - id: B1
    name: Spart tid
    value: {{annual: 1200000, from: {since}, ramp: {ramp}}}
"""


def money(since: str = "2025-01-01", ramp: str = "[0.25, 0.5]") -> gv.Money:
    plan = gv.loads(PLAN.format(since=since, ramp=ramp))
    return npv(plan, {})


def test_ramp_from_plan_start_by_hand() -> None:
    # Ramp year k is plan year k: 1 200 000 * 0.25, * 0.5, then the whole amount.
    line = money().lines["B1"]
    assert line.expected_by_year == pytest.approx((300_000, 600_000, 1_200_000))
    # NPV = 300000 + 600000 / 1.04 + 1200000 / 1.04^2
    #     = 300000 + 576923.0769 + 1109467.4556 = 1986390.5325
    assert line.expected == pytest.approx(300_000 + 600_000 / 1.04 + 1_200_000 / 1.04**2)
    assert line.expected == pytest.approx(1_986_390.5325, abs=1e-3)


def test_ramp_from_mid_year_is_booked_by_days() -> None:
    # from 2025-07-01: ramp year 0 is 2025-07-01..2026-07-01 at 300 000, ramp year 1
    # 2026-07-01..2027-07-01 at 600 000, and 1 200 000 from 2027-07-01.
    # Plan years are calendar years of 365 days; 1 Jan -> 1 Jul is 181 days, 1 Jul ->
    # 1 Jan is 184 days.
    #   2025: 184/365 * 300000                       = 151232.88
    #   2026: 181/365 * 300000 + 184/365 * 600000    = 148767.12 + 302465.75 = 451232.88
    #   2027: 181/365 * 600000 + 184/365 * 1200000   = 297534.25 + 604931.51 = 902465.75
    line = money(since="2025-07-01").lines["B1"]
    assert line.expected_by_year == pytest.approx(
        (151_232.876712, 451_232.876712, 902_465.753425), abs=1e-5
    )


def test_ramp_longer_than_the_horizon() -> None:
    # Ten years of 10 %: every year of a 3-year horizon books 120 000.
    line = money(ramp="[" + ", ".join(["0.1"] * 10) + "]").lines["B1"]
    assert line.expected_by_year == pytest.approx((120_000, 120_000, 120_000))


def test_ramp_starting_after_the_horizon_books_nothing() -> None:
    line = money(since="2030-01-01").lines["B1"]
    assert line.expected_by_year == (0.0, 0.0, 0.0)


def test_empty_ramp_is_no_ramp() -> None:
    plan = gv.loads(PLAN.format(since="2025-01-01", ramp="[]"))
    value = plan.benefits[0].value
    assert value is not None
    assert value.ramp is None
    assert npv(plan, {}).lines["B1"].expected_by_year == pytest.approx((1.2e6,) * 3)


def test_ramped_matches_yearly_sum_in_a_leap_year() -> None:
    # 2024 has 366 days: ramp year 0 from 2024-03-01 to 2025-03-01; plan years 2024, 2025.
    # 2024: 306/366 * 366 * 0.5 = 153; 2025: 59/365 * 365 * 0.5 + 306/365 * 365 = 29.5 + 306
    bounds = year_bounds(dt.date(2024, 1, 1), 2)
    assert ramped(366.0, dt.date(2024, 3, 1), [0.5], bounds)[0] == pytest.approx(153.0)
    assert ramped(365.0, dt.date(2024, 3, 1), [0.5], bounds)[1] == pytest.approx(335.5)


@pytest.mark.parametrize("ramp", ["[x]", "[{a: 1}]"])
def test_a_share_that_is_no_number_is_refused_with_its_place(ramp: str, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.format(since="2025-01-01", ramp=ramp), encoding="utf-8")
    with pytest.raises(PlanError) as caught:
        gv.load(path)
    text = str(caught.value)
    assert "plan.yaml:11:" in text
    assert "B1 value.ramp[0]" in text
    assert "between 0 and 1" in text


def test_a_ramp_that_is_no_list_is_refused() -> None:
    with pytest.raises(PlanError, match=r"value\.ramp.*expected a list"):
        gv.loads(PLAN.format(since="2025-01-01", ramp="{a: 1}"))


def test_excel_round_trip_and_cell_text(tmp_path: Path) -> None:
    plan = gv.loads(PLAN.format(since="2025-01-01", ramp="[0.25, 0.5, 0.1]"))
    path = tmp_path / "plan.xlsx"
    gv.save(plan, path)
    assert gv.load(path) == plan
    sheet = openpyxl.load_workbook(path)["Gevinster"]
    headers = [cell.value for cell in sheet[1]]
    column = headers.index("Opptrapping")
    assert sheet[2][column].value == "0,25; 0,5; 0,1"  # Norwegian decimal comma


@pytest.mark.parametrize("text", ["25 %; 50 %", "0.25;0.5", "0,25 ; 0,5"])
def test_excel_reads_hand_typed_shares(text: str, tmp_path: Path) -> None:
    plan = gv.loads(PLAN.format(since="2025-01-01", ramp="[0.9]"))
    path = tmp_path / "plan.xlsx"
    gv.save(plan, path)
    book = openpyxl.load_workbook(path)
    sheet = book["Gevinster"]
    column = [cell.value for cell in sheet[1]].index("Opptrapping")
    sheet[2][column].value = text
    book.save(path)
    value = gv.load(path).benefits[0].value
    assert value is not None
    assert value.ramp == [0.25, 0.5]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_round_trips_keep_ramps(plan: gv.Plan) -> None:
    assert gv.loads(gv.dumps(plan, "yaml")) == plan
    assert gv.loads(gv.dumps(plan, "json"), "json") == plan


def test_diff_names_the_ramp() -> None:
    old = gv.loads(PLAN.format(since="2025-01-01", ramp="[0.25]"))
    new = gv.loads(PLAN.format(since="2025-01-01", ramp="[0.5]"))
    assert field_word(Benefit, "value.ramp", "nb") == "opptrapping"
    assert field_word(Benefit, "value.ramp", "en") == "ramp-up"
    result = gv.diff(old, new)
    assert [d.field for d in result.differences if d.kind == "value_changed"] == ["value.ramp"]


def test_the_docs_example_gives_the_numbers_it_shows() -> None:
    page = (Path(__file__).parents[2] / "docs" / "evaluation.md").read_text("utf-8")
    block = re.search(r"```yaml\n(.*?ramp: \[0\.25, 0\.5\].*?)```", page, re.DOTALL)
    assert block is not None
    plan = gv.loads(textwrap.dedent(block.group(1)))
    line = npv(plan, {}).lines["B1"]
    assert line.expected_by_year == pytest.approx((300_000, 600_000, 1_200_000))
    assert round(line.expected) == 1_986_391  # the figure the page shows
    assert "1 986 391 kroner" in page
    later = plan.model_copy(deep=True)
    value = later.benefits[0].value
    assert value is not None
    value.from_ = dt.date(2025, 7, 1)
    years = npv(later, {}).lines["B1"].expected_by_year
    assert [round(v) for v in years[:2]] == [151_233, 451_233]  # the page's figures


def test_an_english_workbook_writes_a_decimal_point(tmp_path: Path) -> None:
    plan = gv.loads(PLAN.format(since="2025-01-01", ramp="[0.25, 0.5]"))
    plan.info.language = "en"
    path = tmp_path / "plan.xlsx"
    gv.save(plan, path)
    sheet = openpyxl.load_workbook(path)["Benefits"]
    column = [cell.value for cell in sheet[1]].index("Ramp-up")
    assert sheet[2][column].value == "0.25; 0.5"
    assert gv.load(path) == plan


@pytest.mark.parametrize("ramp", ["[1.5]", "[-0.1]"])
def test_a_share_outside_0_to_1_loads_and_check_reports_it(ramp: str) -> None:
    plan = gv.loads(PLAN.format(since="2025-01-01", ramp=ramp))  # GV021 reports it
    assert [f.code for f in gv.check(plan, select=["GV0"])] == ["GV021"]
    with pytest.raises(PlanError, match=r"value\.ramp\[0\].*between 0 and 1"):
        npv(plan, {})  # and no money is computed from it


def test_check_reports_a_bad_share_at_its_line_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.format(since="2025-01-01", ramp="[1.5]"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--lang", "en", str(path)])
    assert result.exit_code == 1
    assert f"{path}:9: GV021 error B1 value.ramp[0] of benefit B1 is 1.5;" in result.output
    assert "write it as a share, e.g. ramp: [0.25, 0.5]" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]
