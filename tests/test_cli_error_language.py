"""The last errors to speak the plan's language: an output suffix gevinst cannot write or
a plan file it cannot read (FormatError), a theme file that cannot be used (ThemeError),
an output file that cannot be written or is one of the inputs (OutputError), and an
``--at`` date that is no date or lies after the last date a plan can hold.

Each is run through the command line with a Norwegian plan, with ``--lang en``, and with
an English plan in a Norwegian environment (the plan's language comes before the
environment's, also for an error raised before the plan is read). The prefixes
``error:`` and click's ``Error:`` stay English. Every expected text is written out by
hand from the word table's sentences.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

import gevinst as gv
from gevinst import _files
from gevinst.errors import said_in
from tests.test_cli_language import EN, run, write

NB_PLAN = "schema: gevinst/1\nplan: {id: p, title: Prøve, language: nb}\n"
EN_PLAN = "schema: gevinst/1\nplan: {id: p, title: Test, language: en}\n"
MAP_SUFFIXES = ".dot .html .json .mmd .pdf .png .svg"


def plans(folder: Path) -> tuple[str, str]:
    return write(folder, "nb.yaml", NB_PLAN), write(folder, "en.yaml", EN_PLAN)


# -- FormatError -----------------------------------------------------------------------------


def test_an_output_suffix_gevinst_cannot_write(tmp_path: Path) -> None:
    nb, en = plans(tmp_path)
    out = str(tmp_path / "kart.txt")
    said_nb = f"error: {out}: kan ikke lagre et gevinstkart som .txt; bruk en av filendelsene: "
    said_en = f"error: {out}: cannot write a benefit map as .txt; use one of: "
    assert run("render", nb, "-o", out, env=EN) == (1, [said_nb + MAP_SUFFIXES])
    assert run("render", nb, "-o", out, "--lang", "en") == (1, [said_en + MAP_SUFFIXES])
    assert run("render", en, "-o", out) == (1, [said_en + MAP_SUFFIXES])  # LANG=C, plan: en
    table = str(tmp_path / "tabell.doc")
    assert run("evaluate", nb, "-o", table)[1] == [
        f"error: {table}: kan ikke lagre en evaluering som .doc; bruk en av filendelsene: "
        ".csv .json .md .xlsx"
    ]
    deck = str(tmp_path / "rapport.docx")
    assert run("report", en, "-o", deck, "--lang", "nb")[1] == [
        f"error: {deck}: kan ikke lagre en rapport som .docx; bruk en av filendelsene: .html "
        ".md .pptx (Excel-arbeidsboken til en plan lages med: gevinst convert PLAN plan.xlsx)"
    ]
    assert not any(p.suffix in (".txt", ".doc", ".docx") for p in tmp_path.iterdir())


def test_a_plan_file_of_a_suffix_gevinst_cannot_read(tmp_path: Path) -> None:
    path = write(tmp_path, "plan.txt", NB_PLAN)  # the suffix is not read: no plan language
    out = str(tmp_path / "kart.svg")
    assert run("render", path, "-o", out) == (
        1,
        [
            f"error: {path}: kan ikke lese en plan fra '.txt'; gi filen en av filendelsene "
            ".json, .xlsx, .yaml, .yml"
        ],
    )
    assert run("render", path, "-o", out, env=EN)[1] == [
        f"error: {path}: cannot read a plan from '.txt'; use one of .json, .xlsx, .yaml, .yml"
    ]
    bare = write(tmp_path, "plan", NB_PLAN)
    assert run("render", bare, "-o", out, "--lang", "en")[1] == [
        f"error: {bare}: cannot read a plan from a file without suffix; use one of .json, "
        ".xlsx, .yaml, .yml"
    ]


def test_format_errors_in_python(tmp_path: Path) -> None:
    plan = gv.loads(NB_PLAN)
    with pytest.raises(gv.FormatError) as caught:
        gv.save(plan, tmp_path / "plan.txt")
    where = tmp_path / "plan.txt"
    assert str(caught.value) == f"{where}: cannot write a plan as .txt; use one of: .json " + (
        ".xlsx .yaml .yml"
    )
    assert caught.value.in_language("nb") == (
        f"{where}: kan ikke lagre en plan som .txt; bruk en av filendelsene: .json .xlsx .yaml .yml"
    )
    with pytest.raises(gv.FormatError) as caught:
        gv.dumps(plan, "toml")
    assert str(caught.value) == "unknown plan format 'toml'; use 'yaml' or 'json'"
    assert caught.value.in_language("nb") == "ukjent planformat 'toml'; bruk 'yaml' eller 'json'"


# -- ThemeError ------------------------------------------------------------------------------


def test_a_theme_with_a_dark_fill(tmp_path: Path) -> None:
    nb, en = plans(tmp_path)
    theme = write(tmp_path, "tema.yaml", 'name: X\ncolours:\n  goal: "#A8461F"\n')
    out = str(tmp_path / "kart.svg")
    # #A8461F under the ink #1A1A1A: 2.95:1, one decimal 3.0 (3,0 in nb); 25 % white: #BE7457
    said_nb = (
        f"error: {theme}:3: colours.goal.fill: tekst på #A8461F har en kontrast på 3,0:1, "
        "under 4,5:1 (WCAG AA); bruk en lysere fyllfarge, for eksempel #BE7457"
    )
    said_en = (
        f"error: {theme}:3: colours.goal.fill: text on #A8461F has a contrast of 3.0:1, "
        "under 4.5:1 (WCAG AA); use a lighter fill such as #BE7457"
    )
    assert run("render", nb, "-o", out, "--theme", theme, env=EN) == (1, [said_nb])
    assert run("render", nb, "-o", out, "--theme", theme, "--lang", "en") == (1, [said_en])
    assert run("report", en, "-o", str(tmp_path / "r.html"), "--theme", theme) == (1, [said_en])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["en.yaml", "nb.yaml", "tema.yaml"]


def test_a_theme_with_an_unknown_key_a_pale_border_and_a_bad_logo(tmp_path: Path) -> None:
    nb, _ = plans(tmp_path)
    out = str(tmp_path / "kart.svg")
    key = write(tmp_path, "nokkel.yaml", "name: X\ncolour: {}\n")
    assert run("render", nb, "-o", out, "--theme", key)[1] == [
        f"error: {key}:2: ukjent nøkkel 'colour' (mente du 'colours'?); en temafil har: "
        "name, font, logo, colours"
    ]
    assert run("render", nb, "-o", out, "--theme", key, "--lang", "en")[1] == [
        f"error: {key}:2: unknown key 'colour' (did you mean 'colours'?); a theme file has: "
        "name, font, logo, colours"
    ]
    # #E0E0E0 on white: (1 + 0.05) / (0.745 + 0.05) = 1.32, under 3:1
    pale = write(tmp_path, "blek.yaml", 'colours:\n  measure: {stroke: "#E0E0E0"}\n')
    assert run("render", nb, "-o", out, "--theme", pale)[1] == [
        f"error: {pale}:2: colours.measure.stroke: #E0E0E0 har en kontrast på 1,3:1 mot "
        "papiret, under 3,0:1 (WCAG 1.4.11); bruk en mørkere farge"
    ]
    logo = write(tmp_path, "logo.yaml", "logo: borte.png\n")
    missing = tmp_path / "borte.png"
    assert run("render", nb, "-o", out, "--theme", logo)[1] == [
        f"error: {logo}:1: logoen '{missing}' finnes ikke; oppgi stien til en PNG-, JPEG- "
        "eller SVG-fil, regnet fra mappen til temafilen"
    ]
    gone = str(tmp_path / "finnes-ikke.yaml")
    assert run("render", nb, "-o", out, "--theme", gone)[1] == [
        f"error: {gone}: temafilen kan ikke leses (filen finnes ikke); sjekk stien til filen"
    ]
    assert run("render", nb, "-o", out, "--theme", gone, "--lang", "en")[1] == [
        f"error: {gone}: the theme file cannot be read (no such file); check the path"
    ]


def test_a_theme_with_an_alias_names_the_theme_file(tmp_path: Path) -> None:
    theme = write(tmp_path, "tema.yaml", "name: &a X\nfont: *a\n")
    with pytest.raises(gv.ThemeError) as caught:
        gv.load_theme(theme)
    assert str(caught.value).startswith(
        f"{theme}:1: anchors and aliases (&name, *name) are not allowed in a theme file; "
    )
    assert caught.value.in_language("nb").startswith(
        f"{theme}:1: ankere og aliaser (&navn, *navn) er ikke tillatt i en temafil; "
    )


# -- OutputError -----------------------------------------------------------------------------


def test_a_read_only_output_and_an_output_that_is_the_plan(tmp_path: Path) -> None:
    nb, en = plans(tmp_path)
    out = tmp_path / "kart.svg"
    out.write_text("old", "utf-8")
    out.chmod(0o444)
    said_nb = f"error: {out}: filen er skrivebeskyttet; gjør den skrivbar (chmod u+w) eller "
    said_en = f"error: {out}: the file is read-only; make it writable (chmod u+w) or choose "
    assert run("render", nb, "-o", str(out), env=EN) == (1, [said_nb + "velg en annen fil"])
    assert run("render", nb, "-o", str(out), "--lang", "en")[1] == [said_en + "another file"]
    assert run("render", en, "-o", str(out))[1] == [said_en + "another file"]
    assert out.read_text("utf-8") == "old"
    assert run("render", nb, "-o", nb)[1] == [
        f"error: {nb} er planen som leses inn; velg en annen fil å skrive til (ingenting er "
        "skrevet)"
    ]
    csv = write(tmp_path, "m.csv", "indicator,date,value\n")
    assert run("evaluate", en, "--measurements", csv, "-o", csv)[1] == [
        f"error: {csv} is the measurements file; choose another output file (nothing written)"
    ]
    assert run("evaluate", nb, "--measurements", csv, "-o", csv)[1] == [
        f"error: {csv} er målingsfilen; velg en annen fil å skrive til (ingenting er skrevet)"
    ]
    assert (tmp_path / "nb.yaml").read_text("utf-8") == NB_PLAN


def test_a_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    nb, _ = plans(tmp_path)
    monkeypatch.setattr(_files.os, "fsync", full)
    out = tmp_path / "plan.json"
    assert run("convert", nb, str(out)) == (
        1,
        [f"error: {out}: disken er full (ingenting er skrevet)"],
    )
    assert run("convert", nb, str(out), "--lang", "en")[1] == [
        f"error: {out}: the disk is full (nothing written)"
    ]
    with pytest.raises(gv.OutputError) as caught:
        _files.atomic_write(out, "x")
    assert str(caught.value) == f"{out}: the disk is full (nothing written)"  # str(): English
    assert caught.value.in_language("nb") == f"{out}: disken er full (ingenting er skrevet)"
    assert not out.exists()


# -- the --at date ---------------------------------------------------------------------------


def test_an_at_that_is_not_a_date(tmp_path: Path) -> None:
    nb, en = plans(tmp_path)
    code, lines = run("evaluate", nb, "--at", "1.10.2025", env=EN)
    assert (code, lines[-1]) == (
        2,  # wrong usage
        "Error: --at '1.10.2025' er ikke en dato; skriv den som ÅÅÅÅ-MM-DD (f.eks. 2025-10-01)",
    )
    code, lines = run(
        "render", nb, "-o", str(tmp_path / "k.svg"), "--at", "1.10.2025", "--lang", "en"
    )
    assert (code, lines[-1]) == (
        2,
        "Error: --at '1.10.2025' is not a date; write it as YYYY-MM-DD (e.g. 2025-10-01)",
    )
    assert run("impact", en, "M1", "--at", "i morgen")[1][-1] == (
        "Error: --at 'i morgen' is not a date; write it as YYYY-MM-DD (e.g. 2025-10-01)"
    )


def test_an_at_after_the_last_date_a_plan_can_hold(tmp_path: Path) -> None:
    nb, en = plans(tmp_path)
    out = tmp_path / "r.html"
    assert run("report", nb, "-o", str(out), "--at", "9999-12-31", env=EN) == (
        1,
        [
            "error: --at 9999-12-31 er etter 2200-12-31, den siste datoen en plan kan holde "
            "(docs/limits.md); oppgi en dato innenfor planens år"
        ],
    )
    assert run("report", en, "-o", str(out), "--at", "9999-12-31") == (
        1,
        [
            "error: --at 9999-12-31 is after 2200-12-31, the last date a plan can hold "
            "(docs/limits.md); give a date within the plan's years"
        ],
    )
    assert not out.exists()


def test_the_evaluation_date_in_python() -> None:
    plan = gv.loads(NB_PLAN)
    with pytest.raises(ValueError) as caught:
        gv.evaluate(plan, at="2201-01-01")
    assert str(caught.value) == (
        "the evaluation date 2201-01-01 is after 2200-12-31, the last date a plan can hold "
        "(docs/limits.md); give a date within the plan's years"
    )
    assert said_in(caught.value.args[0], "nb") == (
        "evalueringsdatoen 2201-01-01 er etter 2200-12-31, den siste datoen en plan kan holde "
        "(docs/limits.md); oppgi en dato innenfor planens år"
    )
    with pytest.raises(ValueError) as caught:
        gv.evaluate(plan, at="31.12.2025")
    assert said_in(caught.value.args[0], "nb") == (
        "'31.12.2025' er ikke en dato; skriv den som ÅÅÅÅ-MM-DD (f.eks. 2025-10-01)"
    )
