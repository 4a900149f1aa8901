"""The linter speaks the plan's language: the summary of ``check``, the errors of reading
a plan or a measurement file, GV007, GV300-GV302 and ``trace``, each in nb and in en.

The language is ``--lang``, else the plan's ``language`` (as far as its file could be
read), else the environment's locale (``en*`` gives en), else nb. Every expected text
below is written out by hand from the word table's sentences.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

import gevinst as gv
from gevinst.analysis.checks import refuse_errors
from gevinst.analysis.findings import check_files, refusal_message
from gevinst.cli import cli
from gevinst.errors import WorkbookError
from gevinst.i18n.words import language_for
from gevinst.io.inputs import scan_inputs

EN = {"LANG": "en_US.UTF-8"}
NB_PLAN = "schema: gevinst/1\nplan: {id: p, title: Prøve}\nmeasures:\n  - {id: M1, name: Tiltak}\n"
EN_PLAN = (
    "schema: gevinst/1\nplan: {id: q, title: Test, language: en}\n"
    "measures:\n  - {id: M1, name: Measure}\n"
)
ID_NB = (
    "'1p' er ikke en gyldig id: en id begynner med en bokstav og har bare bokstaver, "
    "sifre, '_', '.' og '-' (høyst 64 tegn)"
)
ID_EN = (
    "'1p' is not a valid id: an id starts with a letter and has only letters, digits, "
    "'_', '.' and '-' (at most 64 characters)"
)
TAB_NB = "YAML-syntaksfeil: et tabulatortegn; YAML rykkes inn med mellomrom, aldri tabulator"
TAB_EN = "YAML syntax error: a tab character; YAML is indented with spaces, never tabs"
UNREAD_NB = "0 planer kontrollert: 0 feil, 0 advarsler, 0 info; 1 fil kunne ikke leses"
UNREAD_EN = "0 plans checked: 0 error(s), 0 warning(s), 0 info; 1 file(s) could not be read"


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, list[str]]:
    result = CliRunner(env=env).invoke(cli, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output.splitlines()


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, "utf-8")
    return str(path)


# -- (a) the summary line ------------------------------------------------------------------


def test_summary_in_the_plans_language(tmp_path: Path) -> None:
    nb, en = write(tmp_path, "nb.yaml", NB_PLAN), write(tmp_path, "en.yaml", EN_PLAN)
    assert run("check", nb)[1][-1] == "1 plan kontrollert: 0 feil, 1 advarsel, 0 info"
    assert run("check", en)[1][-1] == "1 plan checked: 0 error(s), 1 warning(s), 0 info"
    assert run("check", nb, "--lang", "en")[1][-1] == (
        "1 plan checked: 0 error(s), 1 warning(s), 0 info"
    )
    assert run("check", en, "--lang", "nb")[1][-1] == (
        "1 plan kontrollert: 0 feil, 1 advarsel, 0 info"
    )
    assert run("check", nb, "--ignore", "GV101")[1] == [
        "1 plan kontrollert: 0 feil, 0 advarsler, 0 info. Alle kontroller bestått."
    ]


def test_the_folder_line_in_the_plans_language(tmp_path: Path) -> None:
    folder = tmp_path / "planer"
    folder.mkdir()
    write(folder, "nb.yaml", NB_PLAN)
    assert run("check", str(folder))[1] == [
        f"{folder}: 1 planfil lest: nb.yaml",
        f"{folder / 'nb.yaml'}:4: GV101 warning M1 tiltak M1 bidrar ikke til noe; koble det til "
        "endringen eller gevinsten det fører til (contributes_to)",
        "1 plan kontrollert: 0 feil, 1 advarsel, 0 info",
    ]
    write(folder, "en.yaml", EN_PLAN)
    assert run("check", str(folder), "--lang", "en", "--select", "GV3")[1] == [
        f"{folder}: 2 plan files read: en.yaml, nb.yaml",
        "2 plans checked: 0 error(s), 0 warning(s), 0 info. All checks passed.",
    ]
    assert check_files([str(folder)], select=["GV3"]).read == [
        f"{folder}: 2 plan files read: en.yaml, nb.yaml"  # en.yaml, first, is English
    ]


def test_summary_in_python(tmp_path: Path) -> None:
    nb, en = write(tmp_path, "nb.yaml", NB_PLAN), write(tmp_path, "en.yaml", EN_PLAN)
    assert check_files([nb, en]).summary() == "2 planer kontrollert: 0 feil, 2 advarsler, 0 info"
    assert check_files([en, nb]).summary() == "2 plans checked: 0 error(s), 2 warning(s), 0 info"
    assert check_files([nb], language="en").summary() == (
        "1 plan checked: 0 error(s), 1 warning(s), 0 info"
    )
    assert check_files([nb]).summary("en") == "1 plan checked: 0 error(s), 1 warning(s), 0 info"


# -- (b) load errors -------------------------------------------------------------------------


def test_an_unparsable_file_speaks_the_environments_language(tmp_path: Path) -> None:
    tab = write(tmp_path, "tab.yaml", "schema: gevinst/1\nplan:\n\tid: p\n")
    assert run("check", tab) == (1, [f"{tab}:3:1: {TAB_NB}", UNREAD_NB])  # C locale: nb
    assert run("check", tab, env=EN) == (1, [f"{tab}:3:1: {TAB_EN}", UNREAD_EN])
    assert run("check", tab, env={"LANG": "nb_NO.UTF-8"})[1][0] == f"{tab}:3:1: {TAB_NB}"
    assert run("check", tab, env={"LC_ALL": "en_GB.UTF-8", "LANG": "nb_NO.UTF-8"})[1][0] == (
        f"{tab}:3:1: {TAB_EN}"  # LC_ALL before LANG
    )
    assert run("check", tab, "--lang", "en")[1][0] == f"{tab}:3:1: {TAB_EN}"
    assert run("check", tab, "--lang", "nb", env=EN)[1][0] == f"{tab}:3:1: {TAB_NB}"
    # every command that reads a plan says it the same way
    assert run("trace", tab, "M1", env=EN) == (1, [f"error: {tab}:3:1: {TAB_EN}"])
    assert run("render", tab, "-o", str(tmp_path / "m.svg")) == (1, [f"error: {tab}:3:1: {TAB_NB}"])


def test_a_plan_that_names_its_language_is_read_in_it(tmp_path: Path) -> None:
    en = write(tmp_path, "en.yaml", "schema: gevinst/1\nplan: {id: 1p, title: T, language: en}\n")
    nb = write(tmp_path, "nb.yaml", "schema: gevinst/1\nplan: {id: 1p, title: T, language: nb}\n")
    assert run("check", en) == (1, [f"{en}:2:8: [plan.id] {ID_EN}", UNREAD_EN])
    assert run("check", nb, env=EN) == (1, [f"{nb}:2:8: [plan.id] {ID_NB}", UNREAD_NB])
    assert run("check", en, "--lang", "nb")[1][0] == f"{en}:2:8: [plan.id] {ID_NB}"
    assert run("convert", en, str(tmp_path / "x.json")) == (
        1,
        [f"error: {en}:2:8: [plan.id] {ID_EN}"],
    )


def test_load_errors_in_python(tmp_path: Path) -> None:
    path = write(tmp_path, "p.yaml", "schema: gevinst/1\nplan: {id: 1p, title: T, language: en}\n")
    with pytest.raises(gv.PlanError) as caught:
        scan_inputs(path)
    error = caught.value
    assert str(error) == f"{path}:2:8: [plan.id] {ID_EN}"  # str() stays English
    assert error.language == "en"  # as the file says, though it cannot be read
    assert error.in_language("nb") == f"{path}:2:8: [plan.id] {ID_NB}"
    assert error.in_language("en") == str(error)
    with pytest.raises(gv.PlanError) as caught:
        gv.load(tmp_path / "nowhere.yaml")
    assert caught.value.in_language("nb") == f"{tmp_path / 'nowhere.yaml'}: filen finnes ikke"
    assert str(caught.value) == f"{tmp_path / 'nowhere.yaml'}: no such file"
    run_ = check_files([path, str(tmp_path / "nowhere.yaml")])
    assert run_.unreadable == [
        f"{path}:2:8: [plan.id] {ID_EN}",
        f"{tmp_path / 'nowhere.yaml'}: filen finnes ikke",  # no language: the environment's
    ]
    assert [r["message"] for r in run_.rows] == [ID_EN, "filen finnes ikke"]


def test_several_problems_each_in_the_language(tmp_path: Path) -> None:
    text = "schema: gevinst/1\nplan: {id: p, title: ''}\ngoals:\n  - {id: 2G, name: Mål}\n"
    path = write(tmp_path, "p.yaml", text)
    assert run("check", path)[1][:3] == [
        f"{path}:2:15: [plan.title] teksten kan ikke være tom",
        "1 problem(er) til:",
        f"  {path}:4:6: [2G id] '2G' er ikke en gyldig id: en id begynner med en bokstav "
        "og har bare bokstaver, sifre, '_', '.' og '-' (høyst 64 tegn)",
    ]
    assert run("check", path, "--lang", "en")[1][:3] == [
        f"{path}:2:15: [plan.title] text must not be empty",
        "1 more problem(s):",
        f"  {path}:4:6: [2G id] '2G' is not a valid id: an id starts with a letter and "
        "has only letters, digits, '_', '.' and '-' (at most 64 characters)",
    ]


def test_measurement_errors_speak_the_plans_language(tmp_path: Path) -> None:
    indicator = "indicators:\n  - {id: I1, name: Ventetid}\n"
    nb = write(tmp_path, "nb.yaml", "schema: gevinst/1\nplan: {id: p, title: P}\n" + indicator)
    en = write(
        tmp_path,
        "en.yaml",
        "schema: gevinst/1\nplan: {id: p, title: P, language: en}\n" + indicator,
    )
    csv = write(tmp_path, "m.csv", "indicator,date,value\nI1,31/03/2026,5\n")
    said_nb = (
        f"{csv}:2:2: '31/03/2026' er tvetydig (dag eller måned først?); skriv den som "
        "ÅÅÅÅ-MM-DD (2026-03-31) eller DD.MM.ÅÅÅÅ (31.03.2026)"
    )
    said_en = (
        f"{csv}:2:2: '31/03/2026' is ambiguous (day or month first?); write it as "
        "YYYY-MM-DD (2026-03-31) or DD.MM.YYYY (31.03.2026)"
    )
    assert run("check", nb, "--measurements", csv, env=EN) == (1, [said_nb, UNREAD_NB])
    assert run("check", en, "--measurements", csv) == (1, [said_en, UNREAD_EN])
    assert run("check", nb, "--measurements", csv, "--lang", "en")[1][0] == said_en
    assert run("evaluate", nb, "--measurements", csv) == (1, [f"error: {said_nb}"])
    with pytest.raises(gv.PlanError) as caught:
        scan_inputs(nb, measurements=csv)
    assert caught.value.language == "nb"
    assert caught.value.in_language("nb") == said_nb
    assert str(caught.value) == said_en


def test_workbook_errors_name_sheet_row_and_column_in_the_language(tmp_path: Path) -> None:
    good = tmp_path / "plan.xlsx"
    gv.save(gv.loads(NB_PLAN), good)
    book = openpyxl.load_workbook(good)
    book["Tiltak"]["A2"] = "1p"  # the id of M1
    bad = tmp_path / "bad.xlsx"
    book.save(bad)
    nb = f"{bad}: ark Tiltak, rad 2, kolonne Id (A): {ID_NB}"
    en = f"{bad}: sheet Tiltak, row 2, column Id (A): {ID_EN}"
    assert run("check", str(bad)) == (1, [nb, UNREAD_NB])
    assert run("check", str(bad), "--lang", "en") == (1, [en, UNREAD_EN])
    with pytest.raises(WorkbookError) as caught:
        gv.load(bad)
    assert (str(caught.value), caught.value.in_language("nb")) == (en, nb)


# -- (c) GV007 and the portfolio rules -------------------------------------------------------


def test_gv007_in_the_plans_language(tmp_path: Path) -> None:
    text = "schema: gevinst/1\nplan: {id: p, title: P, start: 2024-01-01, discount_rate: 1.5}\n"
    path = write(tmp_path, "p.yaml", text)
    nb = (
        "GV007 error p discount_rate er 1.5, mer enn 1 (100 % i året); skriv realrenten som en "
        "andel (0.04 = 4 %), eller utelat den for R-109-satsene"
    )
    en = (
        "GV007 error p discount_rate is 1.5, more than 1 (100 % a year); write the real rate "
        "as a share (0.04 = 4 %), or leave it out for the R-109 rates"
    )
    assert run("check", path, "--select", "GV007")[1] == [
        f"{path}: {nb}",  # the plan's own id has no line of its own
        "1 plan kontrollert: 1 feil, 0 advarsler, 0 info",
    ]
    assert run("check", path, "--select", "GV007", "--lang", "en")[1] == [
        f"{path}: {en}",
        "1 plan checked: 1 error(s), 0 warning(s), 0 info",
    ]
    plan = gv.Plan.new("p", "P", start="2199-01-01")
    plan.add_benefit("B1", "Gevinst", value={"annual": 2e15})
    assert [f.message for f in gv.check(plan, select=["GV007"])] == [
        "value.annual er 2e+15, mer enn en plan kan holde: beløp og indikatorverdier ligger "
        "innenfor ±1e15 (1 000 000 000 000 000); sjekk antall sifre",
        "horisonten på 10 år fra 2199-01-01 går forbi 2200-12-31, den siste datoen en plan kan "
        "holde; forkort horizon_years eller sett en tidligere start",
    ]
    assert [f.message for f in gv.check(plan, select=["GV007"], language="en")] == [
        "value.annual is 2e+15, beyond what a plan can hold: amounts and indicator values lie "
        "within ±1e15 (1 000 000 000 000 000); check the number of digits",
        "the horizon of 10 years from 2199-01-01 runs past 2200-12-31, the last date a plan "
        "can hold; shorten horizon_years or set an earlier start",
    ]


def _claimed_twice(tmp_path: Path, language: str) -> tuple[str, str]:
    texts = []
    for id in ("a", "b"):
        texts.append(
            write(
                tmp_path,
                f"{id}.yaml",
                f"schema: gevinst/1\nplan: {{id: {id}, title: P, language: {language}}}\n"
                "goals:\n  - {id: G1, name: Mål}\n"
                "benefits:\n  - {id: B1, name: Færre sykedager, contributes_to: [G1], "
                "value: {annual: 1000}}\n",
            )
        )
    return texts[0], texts[1]


def test_gv300_in_nb_and_en(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", NB_PLAN)
    b = write(tmp_path, "b.yaml", NB_PLAN)
    nb = (
        f"{b}: GV300 error plan-id-en 'p' brukes av {a} og {b}; hver plan i en portefølje "
        "trenger sin egen id (to versjoner av én plan sammenlignes med gevinst diff)"
    )
    en = (
        f"{b}: GV300 error plan id 'p' is used by {a} and {b}; each plan in a portfolio "
        "needs its own id (two versions of one plan are compared with gevinst diff)"
    )
    assert run("check", a, b, "--select", "GV3") == (
        1,
        [nb, "2 planer kontrollert: 1 feil, 0 advarsler, 0 info"],
    )
    assert run("check", a, b, "--select", "GV3", "--lang", "en") == (
        1,
        [en, "2 plans checked: 1 error(s), 0 warning(s), 0 info"],
    )


def test_portfolio_findings_in_nb_and_en(tmp_path: Path) -> None:
    a, b = _claimed_twice(tmp_path, "nb")
    nb = (
        f"{a}:6: GV301 warning B1 a:B1, b:B1 gjør krav på den samme prissatte gevinsten "
        "(samme navn); opptil 1\xa0000 NOK i året kan bli telt to ganger: verdsett den bare i "
        "én plan"
    )
    en = (
        f"{a}:6: GV301 warning B1 a:B1, b:B1 claim the same monetised benefit (same name); "
        "up to 1,000 NOK a year may be counted twice: value it in one plan only"
    )
    assert run("check", a, b, "--select", "GV3")[1] == [
        nb,
        "2 planer kontrollert: 0 feil, 1 advarsel, 0 info",
    ]
    assert run("check", a, b, "--select", "GV3", "--lang", "en")[1] == [
        en,
        "2 plans checked: 0 error(s), 1 warning(s), 0 info",
    ]
    one, other = gv.Plan.new("p", "A"), gv.Plan.new("p", "B", language="en")
    portfolio = gv.Portfolio([one, other], ["a.yaml", "b.yaml"])
    tail = " (to versjoner av én plan sammenlignes med gevinst diff)"
    assert [str(f) for f in portfolio.portfolio_findings()] == [
        "p: GV300 error: plan-id-en 'p' brukes av a.yaml og b.yaml; hver plan i en portefølje "
        f"trenger sin egen id{tail}"
    ]
    assert [str(f) for f in portfolio.portfolio_findings("en")] == [
        "p: GV300 error: plan id 'p' is used by a.yaml and b.yaml; each plan in a portfolio "
        "needs its own id (two versions of one plan are compared with gevinst diff)"
    ]


def test_gv302_in_nb_and_en() -> None:
    plan = gv.Plan.new("p", "P")
    plan.add_goal("G1", "Mål")
    plan.add_benefit("B2", "Større", value={"annual": 5000}, contributes_to=["G1"])
    plan.add_benefit("B1", "Mindre", value={"annual": 2000}, contributes_to=["B2"])
    (double,) = gv.Portfolio([plan]).double_counting()
    assert double.message("nb") == (
        "p:B1, p:B2: B1 -> B2: pengene i B1 er en del av B2; 2\xa0000 NOK i året kan bli telt "
        "to ganger: verdsett bare én av dem"
    )
    assert double.message() == (
        "p:B1, p:B2: B1 -> B2: the money of B1 is part of B2; 2,000 NOK a year may be counted "
        "twice: value only one of them"
    )


# -- (d) trace ---------------------------------------------------------------------------------


def test_trace_of_an_unknown_element(tmp_path: Path) -> None:
    nb, en = write(tmp_path, "nb.yaml", NB_PLAN), write(tmp_path, "en.yaml", EN_PLAN)
    assert run("trace", nb, "X") == (
        1,
        [f"error: {nb}: 'X' er ikke et element i kartet; kjente: M1"],
    )
    assert run("trace", en, "X") == (
        1,
        [f"error: {en}: 'X' is not an element of the map; known: M1"],
    )
    assert run("trace", nb, "X", "--lang", "en")[1] == [
        f"error: {nb}: 'X' is not an element of the map; known: M1"
    ]
    assert run("trace", nb, "M1")[1] == [
        "M1: Tiltak",
        "Opp til målene (stier: 1):",  # M1 leads nowhere: the path is M1 alone
        "  M1 (Tiltak)",
        "Ned til tiltakene (stier: 1):",
        "  M1 (Tiltak)",
    ]
    assert run("trace", en, "M1")[1] == [
        "M1: Measure",
        "Up to the goals (1 path(s)):",
        "  M1 (Measure)",
        "Down to the measures (1 path(s)):",
        "  M1 (Measure)",
    ]


def test_language_for_in_order() -> None:
    assert language_for("en", "nb", {"LANG": "nb_NO"}) == "en"
    assert language_for(None, "en", {"LANG": "nb_NO"}) == "en"
    assert language_for(None, None, {"LANG": "en_US.UTF-8"}) == "en"
    assert language_for(None, None, {"LANG": "no_NO.UTF-8"}) == "nb"
    assert language_for(None, None, {"LC_MESSAGES": "en_US", "LANG": "nb_NO"}) == "en"
    assert language_for(None, None, {"LANG": "C.UTF-8"}) == "nb"
    assert language_for(None, None, {}) == "nb"


# -- (e) a plan workbook refused, and the lines around a plan's check errors ------------------

LINKED = (
    "schema: gevinst/1\nplan: {id: p, title: Prøve}\ngoals:\n  - {id: G1, name: Mål}\n"
    "measures:\n  - {id: M1, name: Tiltak, contributes_to: [G1]}\n"
)
SHEETS = (
    "Plan, Tiltak, Endringer, Gevinster, Ulemper, Effektmål, Samfunnsmål, Koblinger, "
    "Interessenter, Indikatorer, Målverdier, Målinger, Evalueringer"
)
MAP_SHEETS = "Tiltak, Endringer, Gevinster, Ulemper, Effektmål, Samfunnsmål"


def _edited(tmp_path: Path, name: str, edit: Callable[[openpyxl.Workbook], object]) -> str:
    good = tmp_path / "good.xlsx"
    if not good.exists():
        gv.save(gv.loads(LINKED), good)
    book = openpyxl.load_workbook(good)
    edit(book)
    path = tmp_path / name
    book.save(path)
    return str(path)


def _said_both(path: str) -> tuple[str, str]:
    """(nb, en) of the error of reading ``path``, from the CLI; Python says the same."""
    code, nb = run("check", path)  # a workbook names no language: the environment's (nb)
    assert (code, nb[1]) == (1, UNREAD_NB)
    assert run("check", path, env=EN)[1][0] == run("check", path, "--lang", "en")[1][0]
    en = run("check", path, "--lang", "en")[1][0]
    with pytest.raises(WorkbookError) as caught:
        gv.load(path)
    assert (caught.value.in_language("nb"), str(caught.value)) == (nb[0], en)
    return nb[0], en


def test_a_sheet_gevinst_does_not_know(tmp_path: Path) -> None:
    bad = _edited(tmp_path, "bad.xlsx", lambda book: book.create_sheet("Notater"))
    assert _said_both(bad) == (
        f"{bad}: ark Notater: ukjent ark 'Notater'; en planarbeidsbok har arkene {SHEETS} "
        "(eller de engelske navnene): gi arket nytt navn eller slett det",
        f"{bad}: sheet Notater: unknown sheet 'Notater'; a plan workbook has the sheets "
        f"{SHEETS} (or their English names): rename or delete this sheet",
    )


def test_a_formula_cell(tmp_path: Path) -> None:
    bad = _edited(tmp_path, "bad.xlsx", lambda book: book["Tiltak"].__setitem__("B2", "=1+1"))
    assert _said_both(bad) == (
        f"{bad}: ark Tiltak, rad 2, kolonne Navn (B): cellen har en formel (=1+1); gevinst "
        "leser verdier, aldri formler: erstatt den med verdien (kopier, og lim inn som verdier)",
        f"{bad}: sheet Tiltak, row 2, column Navn (B): the cell holds a formula (=1+1); "
        "gevinst reads values, never formulas: replace it by its value (copy, then paste as "
        "values)",
    )


def test_a_link_from_no_row_and_from_two(tmp_path: Path) -> None:
    bad = _edited(tmp_path, "bad.xlsx", lambda book: book["Koblinger"].__setitem__("A2", "X9"))
    place_nb, place_en = (
        "ark Koblinger, rad 2, kolonne Fra (A)",
        "sheet Koblinger, row 2, column Fra (A)",
    )
    assert _said_both(bad) == (
        f"{bad}: {place_nb}: 'X9' er ikke id-en til en rad i {MAP_SHEETS}; bruk en id derfra, "
        "eller legg til den raden",
        f"{bad}: {place_en}: 'X9' is not the id of a row in {MAP_SHEETS}; use an id from "
        "there, or add that row",
    )
    twice = _edited(
        tmp_path, "twice.xlsx", lambda book: book["Samfunnsmål"].__setitem__("A2", "M1")
    )
    assert _said_both(twice) == (
        f"{twice}: {place_nb}: id-en 'M1' brukes av mer enn én rad (Tiltak rad 2, "
        "Samfunnsmål rad 2); gi hver rad sin egen id",
        f"{twice}: {place_en}: the id 'M1' is used by more than one row (Tiltak row 2, "
        "Samfunnsmål row 2); give each row its own id",
    )


def test_a_value_not_in_the_drop_down_and_a_missing_field(tmp_path: Path) -> None:
    bad = _edited(tmp_path, "bad.xlsx", lambda book: book["Koblinger"].__setitem__("H2", "hindrer"))
    assert _said_both(bad) == (
        f"{bad}: ark Koblinger, rad 2, kolonne Kobling (H): 'hindrer' er ikke i "
        "nedtrekkslisten; velg en av bidrar til (contributes), demper (mitigates)",
        f"{bad}: sheet Koblinger, row 2, column Kobling (H): 'hindrer' is not in the drop-down "
        "list; choose one of bidrar til (contributes), demper (mitigates)",
    )
    untitled = _edited(tmp_path, "untitled.xlsx", lambda book: book["Plan"].delete_rows(4))
    assert _said_both(untitled) == (
        f"{untitled}: ark Plan: feltet 'Tittel' (Title) mangler; legg til en rad med Tittel i "
        "første kolonne og verdien i andre",
        f"{untitled}: sheet Plan: the field 'Tittel' (Title) is missing; add a row with Tittel "
        "in the first column and its value in the second",
    )


def test_a_workbook_refused_before_it_is_read(tmp_path: Path) -> None:
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    assert _said_both(str(empty)) == (
        f"{empty}: filen er tom (0 byte); skriv en arbeidsbok med 'gevinst convert plan.yaml "
        "plan.xlsx' eller lagre en fra Excel",
        f"{empty}: the file is empty (0 bytes); write a workbook with 'gevinst convert "
        "plan.yaml plan.xlsx' or save one from Excel",
    )
    text = tmp_path / "text.xlsx"
    text.write_text("name,title\n", "utf-8")
    assert _said_both(str(text)) == (
        f"{text}: er ikke en Excel-arbeidsbok; åpne den i Excel og lagre den som "
        "'Excel-arbeidsbok (*.xlsx)'",
        f"{text}: is not an Excel workbook; open it in Excel and save it as "
        "'Excel Workbook (*.xlsx)'",
    )
    far = _edited(tmp_path, "far.xlsx", lambda book: book["Tiltak"].__setitem__("A60001", "M9"))
    assert _said_both(far) == (  # 50 000 with a no-break space in nb, 50,000 in en
        f"{far}: ark Tiltak: arket sier at det bruker cellene A1:N60001, utenfor den siste "
        "raden en planarbeidsbok bruker (rad 50\xa0000); slett radene og kolonnene utenfor "
        "tabellen i Excel og lagre arbeidsboken på nytt",
        f"{far}: sheet Tiltak: the sheet says it uses the cells A1:N60001, beyond the last row "
        "a plan workbook uses (row 50,000); delete the rows and columns beyond the table in "
        "Excel and save the workbook again",
    )


FLAWED = (
    "schema: gevinst/1\nplan: {id: p, title: Prøve, start: 2025-01-01}\ngoals:\n"
    "  - {id: G1, name: Mål}\nbenefits:\n  - {id: B1, name: Gevinst, contributes_to: [G9]}\n"
)


def test_a_map_drawn_with_errors_says_so_in_the_language(tmp_path: Path) -> None:
    path = write(tmp_path, "p.yaml", FLAWED)
    out = str(tmp_path / "kart.svg")
    result = CliRunner().invoke(cli, ["render", path, "-o", out])
    assert result.stderr.splitlines()[-1] == (
        f"{path}: tegnet med 1 feil, slik planen er; `gevinst check {path}` viser alle funnene"
    )
    result = CliRunner().invoke(cli, ["render", path, "-o", out, "--lang", "en"])
    assert result.stderr.splitlines()[-1] == (
        f"{path}: drawn with 1 error(s), as the plan is; `gevinst check {path}` lists every finding"
    )


def test_an_evaluation_refused_in_the_language(tmp_path: Path) -> None:
    path = write(tmp_path, "p.yaml", FLAWED)
    csv = write(tmp_path, "m.csv", "indicator,date,value\n")
    code, lines = run("evaluate", path, "--at", "2026-01-01", "--measurements", csv)
    assert code == 1
    assert (
        lines[0]
        == f"error: {path} (med målingene i {csv}): planen har 1 feil og kan ikke evalueres:"
    )
    assert lines[2] == f"Rett dem først (gevinst check {path} --measurements {csv})."
    code, lines = run("evaluate", path, "--at", "2026-01-01", "--lang", "en")
    assert lines[0] == f"error: {path}: the plan has 1 error(s) and cannot be evaluated:"
    assert lines[1].startswith(f"  {path}:6: GV002 error B1 ")
    assert lines[2] == f"Fix them first (gevinst check {path})."
    plan = gv.load(path)
    with pytest.raises(gv.PlanCheckError) as caught:
        gv.evaluate(plan)
    said = refusal_message(path, plan, caught.value, language="nb").splitlines()
    assert (said[0], said[-1]) == (
        f"{path}: planen har 1 feil og kan ikke evalueres:",
        f"Rett dem først (gevinst check {path}).",
    )


def test_a_folder_without_plans_in_the_language(tmp_path: Path) -> None:
    assert run("check", str(tmp_path)) == (
        1,
        [
            f"error: {tmp_path}: mappen har ingen planfil (.yaml, .yml, .json, .xlsx); oppgi "
            "planfilene eller en annen mappe"
        ],
    )
    assert run("check", str(tmp_path), env=EN)[1] == [
        f"error: {tmp_path}: the folder holds no plan file (.yaml, .yml, .json, .xlsx); name "
        "the plan files or another folder"
    ]
    with pytest.raises(gv.PlanError) as caught:
        check_files([str(tmp_path)])
    assert caught.value.in_language("nb") == (
        f"{tmp_path}: mappen har ingen planfil (.yaml, .yml, .json, .xlsx); oppgi planfilene "
        "eller en annen mappe"
    )


def test_the_refusal_raised_in_python_says_itself_in_nb() -> None:
    plan = gv.loads(FLAWED)
    found = (
        "GV002 error B1: contributes_to 'G9' er ikke et element i kartet; rett id-en eller "
        "legg det til"
    )
    with pytest.raises(gv.PlanCheckError) as caught:
        gv.evaluate(plan)
    assert str(caught.value) == (  # the findings in the plan's language, nb
        f"p: the plan has 1 error(s) and cannot be evaluated: {found}. Fix them first "
        "(`gevinst check` lists them with line numbers)."
    )
    assert caught.value.in_language("nb") == (
        f"p: planen har 1 feil og kan ikke evalueres: {found}. Rett dem først "
        "(`gevinst check` viser dem med linjenumre)."
    )
    with pytest.raises(gv.PlanCheckError) as caught:
        refuse_errors(plan, "simulated")
    assert caught.value.in_language("nb").startswith("p: planen har 1 feil og kan ikke simuleres: ")
    assert str(caught.value).startswith("p: the plan has 1 error(s) and cannot be simulated: ")
