"""Stakeholder analysis: grid quadrants, impact matrix, ownership, CSV and Markdown."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

import gevinst as gv
from gevinst.analysis.stakeholders import (
    QUADRANTS,
    analyse,
    grid,
    impact_matrix,
    is_high,
    ownership,
    quadrant,
    to_csv,
    to_markdown,
)
from gevinst.i18n.markdown import markdown_escape

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("power", "interest", "expected"),
    [
        ("high", "high", "manage_closely"),
        ("medium", "medium", "manage_closely"),  # medium counts as high
        ("high", "low", "keep_satisfied"),
        ("medium", "none", "keep_satisfied"),
        ("low", "medium", "keep_informed"),
        ("none", "high", "keep_informed"),
        ("low", "low", "monitor"),
        (None, None, "monitor"),  # not set counts as low
    ],
)
def test_quadrant(power: str | None, interest: str | None, expected: str) -> None:
    s = gv.Stakeholder(id="s", name="S", power=power, interest=interest)
    assert quadrant(s) == expected


def test_norwegian_scale_words() -> None:
    s = gv.Stakeholder(id="s", name="S", power="middels", interest="liten")
    assert (s.power, quadrant(s)) == ("medium", "keep_satisfied")
    assert is_high("medium") and not is_high("low") and not is_high(None)


def test_quadrant_names_in_both_languages() -> None:
    assert gv.i18n.words.t("manage_closely", "nb") == "Nøkkelaktører som må involveres"
    assert gv.i18n.words.t("keep_satisfied", "nb") == "Holdes tilfreds"
    assert gv.i18n.words.t("keep_informed", "en") == "Keep informed"
    assert gv.i18n.words.t("monitor", "nb") == "Følges med på"


def test_bergen_grid(bergen: gv.Plan) -> None:
    cells = {q: [r.id for r in rows] for q, rows in grid(bergen).items()}
    assert list(cells) == list(QUADRANTS)
    # power first (high before medium), then interest, then plan order
    assert cells["manage_closely"] == [
        "etatsdirektor",
        "leder-bvt",
        "byradet",
        "leder-mottak",
        "tillitsvalgte",
        "hr",
        "it",
    ]
    assert cells["keep_satisfied"] == ["bystyret"]
    assert cells["monitor"] == ["barnevernsvakten"]
    assert len(cells["keep_informed"]) == 5


def test_gains_losses_and_ownership(bergen: gv.Plan) -> None:
    rows = {r.id: r for r in analyse(bergen)}
    assert rows["leder-bvt"].gains == ("B4", "B5")
    assert rows["leder-bvt"].losses == ("D1",)
    assert rows["etatsdirektor"].owns[0] == "ebf-smidig"  # owns the plan
    assert "B1" in rows["leder-bvt"].owns and "M1" in rows["leder-bvt"].owns
    assert ownership(bergen)["bystyret"] == []


def test_impact_matrix(bergen: gv.Plan) -> None:
    matrix = impact_matrix(bergen)
    assert matrix.elements[:2] == ("B1", "B2")
    assert matrix.elements[-2:] == ("D1", "D2")
    assert "G1" not in matrix.elements  # benefits and dis-benefits only by default
    assert matrix.get("erfarne", "D1") == "negative"
    assert matrix.get("erfarne", "B3") == "positive"
    assert matrix.get("erfarne", "B1") is None
    goals = impact_matrix(bergen, kinds=("goal",))
    assert goals.get("bystyret", "G1") == "positive"


def test_csv_reads_back(bergen: gv.Plan) -> None:
    rows = list(csv.reader(io.StringIO(to_csv(bergen))))
    assert rows[0][:3] == ["Id", "Navn", "Gruppe"]
    assert rows[1][0] == "etatsdirektor"
    assert rows[1][1] == "Etatsdirektør, Etat for barn og familie"  # comma kept by quoting
    assert rows[1][6] == "Nøkkelaktører som må involveres"
    assert len(rows) == 1 + len(bergen.stakeholders)
    english = list(csv.reader(io.StringIO(to_csv(bergen, "en"))))
    assert english[1][6] == "Manage closely"


def test_markdown_escapes_labels() -> None:
    plan = gv.Plan.new("p", "P <&>")
    plan.add_stakeholder("s", 'A | "B" <i>&\n[x]{y}\\', power="high", interest="low")
    text = to_markdown(plan)
    line = next(row for row in text.splitlines() if row.startswith("| s |"))
    assert line.count(" | ") == 9  # ten cells, no pipe leaked from the name
    assert "&lt;i&gt;&amp;" in line and "<i>" not in text
    assert "\\[x\\]\\{y\\}\\\\" in line
    assert "P &lt;&amp;&gt;" in text.splitlines()[0]
    assert markdown_escape("a\nb") == "a b"
    assert "## Holdes tilfreds" in text
    assert "*Ingen*" in text  # empty quadrants say so


def test_docs_stakeholders_page_shows_what_gevinst_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/stakeholders.md: every Python cell and command is run and compared."""
    from tests.test_examples import _check_page

    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    text = (ROOT / "docs" / "stakeholders.md").read_text("utf-8")
    assert _check_page(text, tmp_path) == 4  # 3 Python cells, 1 console block


def test_markdown_has_the_impact_matrix(bergen: gv.Plan) -> None:
    text = to_markdown(bergen)
    section = text.split("## Hvem vinner og hvem taper", 1)[1].split("## Interessenter", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    assert rows[0].startswith("| Interessent | B1 | B2 |")
    erfarne = next(row for row in rows if row.startswith("| Erfarne saksbehandlere"))
    cells = [c.strip() for c in erfarne.strip("|").split("|")]
    # B3 (column 3) gains, D1 (column 12) loses
    assert cells[3] == "+" and cells[12] == "\u2212"
    assert not any(row.startswith("| Bystyret") for row in rows)  # no impact on B*/D*
