"""The Markdown report: tables, the Mermaid map, escaping, and the report() contract."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import gevinst as gv
from gevinst.report import REPORTS, report, report_bytes
from gevinst.report.markdown import cell
from tests.strategies import plans

AT = "2025-10-01"
NASTY = 'Sagt "hei" <b>&amp; {x} ] \\ | *fet* _k_ `c` #1 æøå'


def nasty_plan() -> gv.Plan:
    plan = gv.Plan.new("p", "Plan | æøå")
    plan.add_stakeholder("s1", NASTY, power="high", interest="high")
    plan.add_goal("G1", NASTY)
    plan.add_benefit("B1", "Gevinst | to", owner="s1", indicators=["I1"], contributes_to=["G1"])
    plan.add_measure("M1", "Tiltak <script>", contributes_to=["B1"])
    plan.add_indicator(
        "I1",
        "Ventetid",
        unit="dager",
        direction="decrease",
        baseline={"date": "2024-01-01", "value": 30},
        targets=[{"date": "2025-01-01", "value": 20}],
    )
    plan.add_measurement("I1", "2024-07-01", 26)
    return plan


def table_rows(text: str, heading: str) -> list[list[str]]:
    """The rows of the first table after the heading line ``heading``, split on
    unescaped pipes."""
    lines = text.splitlines()
    after = lines.index(heading)
    start = next(i for i, line in enumerate(lines) if i > after and line.startswith("| "))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
        rows.append([c.strip() for c in cells])
    return rows


def test_bergen_status_tables_by_hand(bergen: gv.Plan) -> None:
    text = report_bytes(bergen, "md", at=AT).decode()
    ev = gv.evaluate(bergen, at=AT)
    assert text.startswith("# Smidige metoder i barnevernet\n")
    assert "Evaluert per 1. oktober 2025" in text
    benefits = table_rows(text, "### Gevinster")
    assert [r[0] for r in benefits] == [b.id for b in bergen.benefits]
    # B2's score from its one indicator I2: baseline 18 (2023-12-31), target 14 at
    # 2025-12-31, so expected on 2025-10-01 is 18 - 4 * 640/731 = 14.498; realised 17:
    # progress (18-17)/(18-14.498) = 0.2855 -> 29 %, off track.
    b2 = next(r for r in benefits if r[0] == "B2")
    assert b2[3] == "■ Ikke i rute"
    assert b2[4] == "29\u00a0%"
    assert round(ev.element("B2").score * 100) == 29
    assert b2[2] == "HR og personal"


def test_indicator_table_expected_against_realised(bergen: gv.Plan) -> None:
    text = report_bytes(bergen, "md", at=AT).decode()
    rows = {r[0]: r for r in table_rows(text, "## Indikatorer: forventet og realisert")}
    # I1: 26 weeks at 2023-10-01, 16 at 2025-06-30 (638 days), 12 at 2026-12-31
    # (549 days). On 2025-10-01 (93 days after 2025-06-30): 16 - 4 * 93/549 = 15.32.
    assert rows["I1"][5] == "15,3"
    assert rows["I1"][6] == "15,5 (2025-09-30)"
    assert rows["I9"][6] == "–"
    assert rows["I9"][8] == "○ Ikke målt"


def test_money_table_matches_npv(bergen: gv.Plan) -> None:
    text = report_bytes(bergen, "md", at=AT).decode()
    money = gv.evaluate(bergen, at=AT).npv()
    net = f"{money.net:,.0f}".replace(",", "\u00a0").replace("-", "\u2212")  # a minus sign
    assert "| Netto | " in text
    assert f"{net} NOK |" in text


def test_mermaid_map_block(bergen: gv.Plan) -> None:
    text = report_bytes(bergen, "md").decode()
    block = text.split("```mermaid\n", 1)[1].split("\n```", 1)[0]
    assert "flowchart LR" in block
    assert block.count('["') >= len(list(bergen.elements()))


def test_without_a_date_no_status(bergen: gv.Plan) -> None:
    text = report_bytes(bergen, "md").decode()
    assert "Planen er ikke evaluert" in text
    assert "I rute" not in text
    assert "Realisert" not in text


def test_english(bergen: gv.Plan) -> None:
    text = report_bytes(bergen, "md", at=AT, language="en").decode()
    assert "## Status of goals and benefits" in text
    assert "Off track" in text
    assert "Evaluated at 1 October 2025" in text


def test_specials_escaped_in_every_cell() -> None:
    text = report_bytes(nasty_plan(), "md", at="2024-07-02").decode()
    assert "<b>" not in text and "<script>" not in text
    assert "&lt;b&gt;" in text and "æøå" in text
    goals = table_rows(text, "### Samfunnsmål")
    # the nasty name is one cell: the row has exactly the header's number of cells
    assert len(goals[0]) == 8
    assert goals[0][1].startswith('Sagt "hei" &lt;b&gt;&amp;amp; \\{x\\} \\] \\\\ \\|')
    assert "# Plan \\| æøå" in text


def test_same_plan_same_bytes(bergen: gv.Plan) -> None:
    assert report_bytes(bergen, "md", at=AT) == report_bytes(bergen, "md", at=AT)


def test_report_writes_file(tmp_path: Path, bergen: gv.Plan) -> None:
    out = report(bergen, tmp_path / "r.md", at=AT)
    assert out.read_text("utf-8").startswith("# Smidige")
    assert gv.report is report


def test_unknown_suffix_names_the_known_ones(tmp_path: Path, bergen: gv.Plan) -> None:
    with pytest.raises(gv.FormatError) as info:
        report(bergen, tmp_path / "r.docx")
    for suffix in REPORTS:
        assert suffix in str(info.value)
    assert not (tmp_path / "r.docx").exists()


def test_failed_report_leaves_existing_file(tmp_path: Path) -> None:
    broken = gv.Plan.new("p", "P")
    broken.add_goal("G1", "Mål")
    broken.add_benefit("B1", "G", contributes_to=["NOPE"])
    target = tmp_path / "r.md"
    target.write_text("old", "utf-8")
    with pytest.raises(gv.PlanCheckError):
        report(broken, target, at=AT)
    assert target.read_text("utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


def test_cli_report(tmp_path: Path, bergen_path: Path) -> None:
    from click.testing import CliRunner

    from gevinst.cli import cli

    out = tmp_path / "r.md"
    runner = CliRunner()
    result = runner.invoke(
        cli, ["report", str(bergen_path), "-o", str(out), "--at", AT, "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    assert "Off track" in out.read_text("utf-8")
    bad = runner.invoke(cli, ["report", str(bergen_path), "-o", str(tmp_path / "r.odt")])
    assert bad.exit_code == 1
    assert f"error: {tmp_path / 'r.odt'}: kan ikke lagre en rapport som .odt" in bad.output
    assert not (tmp_path / "r.odt").exists()


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh working directory with a copy of examples/, as in the source tree."""
    import shutil

    root = Path(__file__).resolve().parents[2]
    shutil.copytree(
        root / "examples", tmp_path / "examples", ignore=shutil.ignore_patterns("__pycache__")
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("page", "blocks", "made"),
    [
        ("reports.md", 6, ["rapport.html", "rapport.md", "bystyret.pptx"]),  # 3 console, 3 python
        ("howto/council-deck.md", 3, ["bystyret.pptx", "modulus.pptx"]),  # 2 console, 1 python
    ],
)
def test_docs_show_what_gevinst_prints(
    workdir: Path, page: str, blocks: int, made: list[str]
) -> None:
    from tests.test_examples import DOCS, _check_page

    text = (DOCS / page).read_text("utf-8")
    assert _check_page(text, workdir) == blocks
    for name in made:
        assert (workdir / name).stat().st_size > 1000
    assert not (workdir / "rapport.docx").exists()
    for image in re.findall(r"\]\(((?:\.\./)?img/[^)]+)\)", text):
        assert (DOCS / Path(page).parent / image).exists(), image


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(plan=plans(), at=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2060, 1, 1)))
def test_any_valid_plan_gives_well_formed_tables(plan: gv.Plan, at: dt.date) -> None:
    assume(not [f for f in gv.check(plan) if f.severity == "error"])
    text = report_bytes(plan, "md", at=at).decode()
    outside_map = re.sub(r"```mermaid\n.*?\n```", "", text, flags=re.S)
    assert "<" not in outside_map and ">" not in outside_map
    lines = outside_map.splitlines()
    for number, line in enumerate(lines):
        if line.startswith("|---") or line.startswith("|--"):
            width = len(re.split(r"(?<!\\)\|", lines[number - 1])) - 2
            for row in lines[number + 1 :]:
                if not row.startswith("| "):
                    break
                assert len(re.split(r"(?<!\\)\|", row)) - 2 == width, row
    for element in plan.elements():
        if element.kind not in ("measure", "change"):
            assert cell(element.name) in text


def test_reviews_table(bergen: gv.Plan) -> None:
    text = report_bytes(bergen, "md", at=AT).decode()
    rows = table_rows(text, "## Gevinstevalueringer: vurdering mot tall")
    assert [r[0] for r in rows] == [
        "2025-09-01",
        "2025-09-01",
        "2025-03-01",
        "2025-03-01",
        "2025-03-01",
        "2024-09-01",
    ]
    assert sum(r[4].endswith("≠") for r in rows) == 4
    # no reviews section without a date: a review is judged against the numbers
    assert "Gevinstevalueringer" not in report_bytes(bergen, "md").decode()


def test_missing_folder_is_named(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from gevinst.cli import cli

    plan = Path(__file__).resolve().parents[2] / "examples" / "minimal.yaml"
    target = tmp_path / "nope" / "r.md"
    result = CliRunner().invoke(cli, ["report", str(plan), "-o", str(target)])
    assert result.exit_code == 1
    assert f"error: {target.parent}: the folder to write the report in does not exist" in (
        result.output
    )
