"""A picture of a plan with errors says which errors it carries, on stderr, like a
linter (FILE:LINE: CODE error ELEMENT MESSAGE): ``render`` still draws and exits 0;
``report`` evaluates, so the errors stop it, with the same lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import gevinst as gv
from gevinst.cli import cli
from tests.conftest import BERGEN

FLAWED = """\
schema: gevinst/1
plan: {id: p, title: Prøve}
goals:
  - {id: G1, name: Mål}
objectives:
  - {id: O1, name: Effekt, contributes_to: [G1]}
benefits:
  - {id: B1, name: Gevinst, contributes_to: [{to: O1, weight: 0.8}, B2]}
  - {id: B2, name: Gevinst to, contributes_to: [{to: O1, weight: 0.7}, B1]}
"""


@pytest.fixture
def flawed(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(FLAWED, "utf-8")
    return path


@pytest.mark.parametrize("suffix", [".svg", ".html", ".png", ".dot", ".mmd", ".json"])
def test_render_names_the_errors_it_draws(flawed: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"kart{suffix}"
    result = CliRunner().invoke(cli, ["render", str(flawed), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists() and out.stat().st_size > 0
    errors = [line for line in result.stderr.splitlines() if " error " in line]
    assert errors[:2] == [
        # in the plan's language, as the map is (nb)
        f"{flawed}:6: GV005 error O1 vektene inn i O1 summerer til 1.5 (B1=0.8, B2=0.7); "
        "en vekt er en andel av målet, så til sammen kan de være høyst 1",
        f"{flawed}:8: GV003 error B1 sirkel B1 -> B2 -> B1: et element kan ikke, gjennom "
        "andre, bidra til seg selv; fjern en av disse koblingene",
    ]
    assert f"{flawed}: tegnet med 2 feil, slik planen er; " in result.stderr
    assert result.stdout == f"wrote {out}\n"  # stdout stays what it was


def test_report_names_the_errors_that_stop_it(flawed: Path, tmp_path: Path) -> None:
    out = tmp_path / "rapport.md"
    result = CliRunner().invoke(cli, ["report", str(flawed), "-o", str(out)])
    assert result.exit_code == 1
    assert f"{flawed}:8: GV003 error B1 sirkel" in result.stderr
    assert f"{flawed}:6: GV005 error O1" in result.stderr
    assert not out.exists()


def test_a_workbook_is_named_by_sheet_and_row(tmp_path: Path) -> None:
    plan = gv.loads(FLAWED)
    book = tmp_path / "plan.xlsx"
    gv.save(plan, book)
    result = CliRunner().invoke(cli, ["render", str(book), "-o", str(tmp_path / "k.svg")])
    assert result.exit_code == 0
    assert f"{book}: sheet Gevinster, row 2: GV003 error B1" in result.stderr


def test_a_plan_without_errors_draws_quietly(tmp_path: Path) -> None:
    out = tmp_path / "kart.svg"
    result = CliRunner().invoke(cli, ["render", str(BERGEN), "-o", str(out)])
    assert result.exit_code == 0 and result.stderr == ""
