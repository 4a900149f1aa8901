"""The server's messages in the page's language: --lang, else the plan's.

Every text below is written by hand, in the words a consultant should read; the
status codes are those the page and other callers rely on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.workshop.conftest import COMMENTED, client_for

#: The plan of the tests in English: the same elements, ``language: en``.
ENGLISH = COMMENTED.replace("# the title\n", "# the title\n  language: en\n", 1)
assert "  language: en\n" in ENGLISH

#: (the plan's language, --lang) -> the language the page and its messages are in.
SETUPS = {
    "nb plan": ("nb", None, "nb"),
    "en plan": ("en", None, "en"),
    "nb plan, --lang en": ("nb", "en", "en"),
    "en plan, --lang nb": ("en", "nb", "nb"),
}


@pytest.fixture(params=list(SETUPS))
def setup(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Any, Path, str]]:
    written, chosen, spoken = SETUPS[request.param]
    path = tmp_path / "plan.yaml"
    path.write_text(COMMENTED if written == "nb" else ENGLISH, "utf-8")
    with client_for(path, chosen) as client:
        yield client, path, spoken


def _version(client: Any) -> str:
    return str(client.get("/api/version").json()["version"])


def _edit(client: Any, edit: dict[str, Any], tab: str = "") -> Any:
    headers = {"X-Gevinst-Tab": tab} if tab else {}
    body = {"version": _version(client), "edit": edit}
    return client.post("/api/edit", json=body, headers=headers)


def _json(client: Any, url: str, content: bytes) -> Any:
    return client.post(url, content=content, headers={"Content-Type": "application/json"})


#: name -> (what to send, the status, the message in nb, in en).
EDITS: dict[str, tuple[dict[str, Any], int, str, str]] = {
    "unknown element": (
        {"op": "delete", "id": "G9"},
        422,
        "det finnes ikke noe element «G9» i planen; last inn siden på nytt for å se planen "
        "slik den er nå",
        "there is no element 'G9' in the plan; reload the page to see the plan as it is",
    ),
    "taken id": (
        {"op": "add", "kind": "goal", "id": "B1", "name": "Nytt mål"},
        422,
        "id-en «B1» er allerede i bruk; velg en annen",
        "the id 'B1' is taken; choose another",
    ),
    "empty name": (
        {"op": "add", "kind": "goal", "id": "G2", "name": " "},
        422,
        "«Navn» kan ikke være tomt; skriv noe i feltet",
        "'Name' must be a non-empty text; write something in it",
    ),
    "empty link end": (
        {"op": "link", "source": "", "target": "G1"},
        422,
        "«source» kan ikke være tomt; skriv noe i feltet",
        "'source' must be a non-empty text; write something in it",
    ),
    "bad kind": (
        {"op": "add", "kind": "risk", "id": "R1", "name": "Risiko"},
        422,
        "ukjent type element; velg en av disse: Samfunnsmål, Effektmål, Gevinst, Ulempe, "
        "Endring, Tiltak, Interessent, Indikator",
        "unknown kind of element; choose one of: Goal, Objective, Benefit, Dis-benefit, "
        "Change, Measure, Stakeholder, Indicator",
    ),
    "bad date": (
        {"op": "set", "id": "M1", "field": "start", "value": "31.02.2026"},
        422,
        "«Start» må være en dato skrevet DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD (31.03.2026 eller "
        "2026-03-31), ikke «31.02.2026»",
        "'Start' must be a date as DD.MM.YYYY or YYYY-MM-DD (31.03.2026 or 2026-03-31), "
        "not '31.02.2026'",
    ),
    "bad date of a value": (
        {"op": "set", "id": "B1", "field": "value.from", "value": "neste år"},
        422,
        "«Verdi fra (dato)» må være en dato skrevet DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD (31.03.2026 "
        "eller 2026-03-31), ikke «neste år»",
        "'Value from (date)' must be a date as DD.MM.YYYY or YYYY-MM-DD (31.03.2026 or "
        "2026-03-31), not 'neste år'",
    ),
    "bad number": (
        {"op": "set", "id": "M1", "field": "cost.one_off", "value": "mye"},
        422,
        "«Engangskostnad» må være et tall, ikke «mye»; skriv for eksempel 250 000 eller 1,5 "
        "(eller lav / sannsynlig / høy: 100 / 150 / 200)",
        "'One-off cost' must be a number, not 'mye'; write e.g. 250000 or 1.5 "
        "(or low / likely / high: 100 / 150 / 200)",
    ),
    "bad weight": (
        {"op": "link", "source": "B1", "target": "G1", "weight": "mye"},
        422,
        "vekten må være et tall fra 0 til 1, ikke «mye»; skriv for eksempel 0,5",
        "the weight must be a number from 0 to 1, not 'mye'; write e.g. 0.5",
    ),
    "not a dis-benefit": (
        {"op": "link", "source": "M1", "target": "B1", "relation": "mitigates"},
        422,
        "«B1» er en gevinst, ikke en ulempe: bare en ulempe kan dempes; koble heller med "
        "«bidrar til»",
        "'B1' is a benefit, not a dis-benefit: only a dis-benefit can be mitigated; link it "
        "with 'contributes to' instead",
    ),
    "no such field": (
        {"op": "set", "id": "G1", "field": "owner", "value": "Etatsdirektør"},
        422,
        "et samfunnsmål har ikke feltet «owner» her; bruk et av disse: Navn, Beskrivelse, "
        "Forutsetninger, Indikatorer",
        "a goal has no field 'owner' to edit here; use Name, Description, Assumptions, Indicators",
    ),
}


@pytest.mark.parametrize("name", list(EDITS))
def test_a_refused_edit_says_why_in_the_pages_language(
    setup: tuple[Any, Path, str], name: str
) -> None:
    client, path, spoken = setup
    before = path.read_text("utf-8")
    edit, status, nb, en = EDITS[name]
    answer = _edit(client, edit)
    assert answer.status_code == status
    assert answer.json()["message"] == (nb if spoken == "nb" else en)
    assert path.read_text("utf-8") == before


def test_nothing_to_undo_or_redo(setup: tuple[Any, Path, str]) -> None:
    client, _, spoken = setup
    undo = client.post("/api/undo", json={"version": _version(client)})
    redo = client.post("/api/redo", json={"version": _version(client)})
    assert undo.status_code == redo.status_code == 422
    assert [undo.json()["message"], redo.json()["message"]] == (
        ["det er ingenting å angre i denne fanen", "det er ingenting å gjøre om i denne fanen"]
        if spoken == "nb"
        else ["there is nothing to undo", "there is nothing to redo"]
    )


def test_an_undo_after_another_tab_changed_the_element_is_refused(
    setup: tuple[Any, Path, str],
) -> None:
    client, path, spoken = setup
    assert _edit(client, {"op": "rename", "id": "M1", "name": "A-navn"}, "tab-A").status_code == 200
    assert _edit(client, {"op": "rename", "id": "M1", "name": "B-navn"}, "tab-B").status_code == 200
    before = path.read_text("utf-8")
    body = {"version": _version(client)}
    answer = client.post("/api/undo", json=body, headers={"X-Gevinst-Tab": "tab-A"})
    assert answer.status_code == 422
    assert answer.json()["message"] == (
        "kan ikke angre: M1 er endret etterpå i en annen fane eller i filen; "
        "gjør endringen for hånd"
        if spoken == "nb"
        else "undo is not possible: M1 was changed since in another tab or in the file; "
        "make the change by hand"
    )
    assert path.read_text("utf-8") == before


def test_an_edit_on_an_old_version_is_refused_with_409(setup: tuple[Any, Path, str]) -> None:
    client, path, spoken = setup
    old = _version(client)
    path.write_text(path.read_text("utf-8") + "# changed in a text editor\n", "utf-8")
    body = {"version": old, "edit": {"op": "delete", "id": "G1"}}
    answer = client.post("/api/edit", json=body)
    assert answer.status_code == 409
    assert answer.json()["version"] == _version(client)
    assert answer.json()["message"] == (
        "planfilen er endret etter at siden ble lastet inn; last inn på nytt for å se "
        "endringen (endringen din er ikke lagret)"
        if spoken == "nb"
        else "the plan file has changed on disk since the page loaded it; reload to see the "
        "change (your edit was not saved)"
    )


#: name -> (send it, the status, the message in nb, in en).
REQUESTS: dict[str, tuple[Callable[[Any], Any], int, str, str]] = {
    "a form, not JSON": (
        lambda client: client.post("/api/edit", data={"version": "x"}),
        415,
        "send endringen som JSON (Content-Type: application/json)",
        "send the edit as JSON (Content-Type: application/json)",
    ),
    "broken JSON": (
        lambda client: _json(client, "/api/undo", b"{not json"),
        400,
        "forespørselen er ikke gyldig JSON: Expecting property name enclosed in double "
        "quotes: line 1 column 2 (char 1)",
        "the request is not valid JSON: Expecting property name enclosed in double "
        "quotes: line 1 column 2 (char 1)",
    ),
    "too large": (
        lambda client: _json(client, "/api/edit", b" " * 1_000_001),
        413,
        "forespørselen er for stor (over 1\u00a0000\u00a0000 byte); del endringen opp i mindre "
        "deler",
        "the request is too large (over 1,000,000 bytes); split the edit into smaller ones",
    ),
    "no version": (
        lambda client: _json(client, "/api/edit", b"[1, 2]"),
        422,
        "forespørselen må være et JSON-objekt med filens «version»; last inn siden på nytt",
        "the request must be a JSON object with the file's 'version'; reload the page",
    ),
    "bad tab": (
        lambda client: client.get("/api/state", headers={"X-Gevinst-Tab": "tab med mellomrom"}),
        422,
        "fane-id-en (X-Gevinst-Tab) må være 1 til 64 tegn av A-Z a-z 0-9 - _; last inn siden "
        "på nytt",
        "the tab id (X-Gevinst-Tab) must be 1 to 64 of A-Z a-z 0-9 - _; reload the page",
    ),
}


@pytest.mark.parametrize("name", list(REQUESTS))
def test_a_malformed_request_is_refused_in_the_pages_language(
    setup: tuple[Any, Path, str], name: str
) -> None:
    client, path, spoken = setup
    before = path.read_text("utf-8")
    send, status, nb, en = REQUESTS[name]
    answer = send(client)
    assert answer.status_code == status
    assert answer.json()["message"] == (nb if spoken == "nb" else en)
    assert path.read_text("utf-8") == before


def test_a_read_only_file_is_not_saved_and_says_how_to_fix_it(
    setup: tuple[Any, Path, str],
) -> None:
    client, path, spoken = setup
    before = path.read_text("utf-8")
    os.chmod(path, 0o444)
    try:
        answer = _edit(client, {"op": "rename", "id": "G1", "name": "Nytt navn"})
    finally:
        os.chmod(path, 0o644)
    assert answer.status_code == 500
    assert answer.json()["message"] == (
        f"{path}: filen er skrivebeskyttet; gjør den skrivbar (chmod u+w) eller velg en annen fil"
        if spoken == "nb"
        else f"{path}: the file is read-only; make it writable (chmod u+w) or choose another file"
    )
    assert path.read_text("utf-8") == before


def test_a_refused_token_is_said_in_the_language_of_the_page_shown(
    setup: tuple[Any, Path, str],
) -> None:
    client, _, spoken = setup
    assert client.get("/").status_code == 200  # the page, in its language
    client.headers["X-Gevinst-Token"] = "wrong"
    answer = client.get("/api/state")
    assert answer.status_code == 403
    assert answer.text == (
        "åpne verkstedet med lenken det skrev ut (tokenet mangler eller er feil)"
        if spoken == "nb"
        else "open the workshop with the link it printed (the token is missing or wrong)"
    )


def test_a_plan_that_does_not_load_says_why_in_its_own_language(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    for language, said in [
        ("nb", "påkrevd nøkkel 'name' mangler"),
        ("en", "required key 'name' is missing"),
    ]:
        path.write_text(
            f"schema: gevinst/1\nplan: {{id: p, title: P, language: {language}}}\n"
            "goals:\n  - {id: G1}\n",
            "utf-8",
        )
        with client_for(path, None) as client:
            page = client.get("/").text
            state = client.get("/api/state").json()
        assert f'<html lang="{language}">' in page
        assert state["error"] == f"{path}:4:5: [G1 name] {said}"


def test_str_of_an_edit_error_stays_english() -> None:
    from gevinst.workshop.edits import EditError, apply_edit

    data = {"schema": "gevinst/1", "plan": {"id": "p", "title": "P"}}
    with pytest.raises(EditError) as caught:
        apply_edit(data, {"op": "delete", "id": "G9"})
    assert str(caught.value) == (
        "there is no element 'G9' in the plan; reload the page to see the plan as it is"
    )
    assert caught.value.in_language("nb") == (
        "det finnes ikke noe element «G9» i planen; last inn siden på nytt for å se planen "
        "slik den er nå"
    )


@pytest.mark.parametrize("language", ["nb", "en"])
def test_a_file_the_workshop_cannot_edit_says_how_to_fix_it(tmp_path: Path, language: str) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        f"schema: gevinst/1\nplan: {{id: p, language: {language}, title: [\n", "utf-8"
    )
    laid_out = tmp_path / "plan.json"
    plan = f'"plan": {{"id": "p", "title": "P", "language": "{language}"}}'
    laid_out.write_text(f'{{"schema": "gevinst/1",\n {plan}}}\n', "utf-8")
    edit = {"op": "add", "kind": "goal", "id": "G1", "name": "Mål"}
    with client_for(broken, None) as client:
        yaml = _edit(client, edit)
    with client_for(laid_out, None) as client:
        json = _edit(client, edit)
    assert yaml.status_code == json.status_code == 422
    assert [yaml.json()["message"], json.json()["message"]] == (
        [
            "planfilen kan ikke leses som YAML; rett den i en teksteditor først",
            "denne JSON-planen er ikke satt opp slik gevinst skriver JSON (innrykk på 2), så "
            "en endring ville endre linjer du ikke har rørt; gjør den om til YAML (gevinst "
            "convert) eller formater den med: python -m json.tool --indent 2 --no-ensure-ascii",
        ]
        if language == "nb"
        else [
            "the plan file cannot be read as YAML; fix it in a text editor first",
            "this JSON plan is not laid out as gevinst writes JSON (2-space indent), so editing "
            "it would change lines you did not touch; convert it to YAML (gevinst convert) or "
            "reformat it with: python -m json.tool --indent 2 --no-ensure-ascii",
        ]
    )


def test_the_findings_are_in_the_pages_language(setup: tuple[Any, Path, str]) -> None:
    client, _, spoken = setup
    findings = client.get("/api/state").json()["findings"]
    assert [(f["code"], f["message"]) for f in findings] == (
        [
            (
                "GV104",
                "gevinst B1 har ingen eier; oppgi interessenten (gevinsteier) som svarer for "
                "å realisere den (owner)",
            ),
            (
                "GV105",
                "gevinst B1 har ingen indikator; legg til hvordan den skal måles (indicators)",
            ),
        ]
        if spoken == "nb"
        else [
            (
                "GV104",
                "benefit B1 has no owner; name the stakeholder (gevinsteier) who answers for "
                "realising it (owner)",
            ),
            ("GV105", "benefit B1 has no indicator; add how it will be measured (indicators)"),
        ]
    )
