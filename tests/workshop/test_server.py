"""The workshop's server through Starlette's TestClient: guard, edits on disk, conflicts."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import gevinst as gv
from gevinst.cli import cli
from gevinst.errors import PlanError
from gevinst.render import render_bytes
from gevinst.render.html import readable_svg
from tests.workshop.conftest import COMMENTED, EMPTY, HOST, TOKEN, client_for


def _edit(client: Any, edit: dict[str, Any], version: str | None = None) -> Any:
    if version is None:
        version = client.get("/api/version").json()["version"]
    return client.post("/api/edit", json={"version": version, "edit": edit})


# -- the guard ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/"), ("GET", "/api/state"), ("GET", "/static/workshop.js"), ("POST", "/api/edit")],
)
def test_a_request_without_the_token_is_refused(plan_file: Path, method: str, path: str) -> None:
    with client_for(plan_file) as client:
        del client.headers["X-Gevinst-Token"]
        body = {"version": "x", "edit": {"op": "delete", "id": "G1"}}
        answer = client.request(method, path, json=body if method == "POST" else None)
        assert answer.status_code == 403
        assert "token" in answer.text
        client.headers["X-Gevinst-Token"] = "wrong"
        assert client.request(method, path).status_code == 403
    assert plan_file.read_text("utf-8") == COMMENTED


def test_the_printed_link_sets_a_cookie_and_leaves_the_address_bar(plan_file: Path) -> None:
    with client_for(plan_file) as client:
        del client.headers["X-Gevinst-Token"]
        answer = client.get(f"/?token={TOKEN}", follow_redirects=False)
        assert answer.status_code == 303 and answer.headers["location"] == "/"
        cookie = answer.headers["set-cookie"]
        assert f"gevinst_workshop={TOKEN}" in cookie
        assert "HttpOnly" in cookie and "samesite=strict" in cookie.lower()
        client.cookies.set("gevinst_workshop", TOKEN)
        assert client.get("/api/state").status_code == 200


@pytest.mark.parametrize(
    "headers",
    [
        {"Host": "evil.example:8000"},  # a DNS-rebinding site resolving to 127.0.0.1
        {"Host": f"{HOST}.evil.example"},
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
    ],
)
def test_another_host_or_origin_is_refused_even_with_the_token(
    client: Any, plan_file: Path, headers: dict[str, str]
) -> None:
    assert client.get("/api/state", headers=headers).status_code == 403
    answer = _edit_with(client, headers)
    assert answer.status_code == 403
    assert plan_file.read_text("utf-8") == COMMENTED


def _edit_with(client: Any, headers: dict[str, str]) -> Any:
    version = client.get("/api/version").json()["version"]
    body = {"version": version, "edit": {"op": "delete", "id": "G1"}}
    return client.post("/api/edit", json=body, headers=headers)


def test_the_own_origin_is_allowed(client: Any) -> None:
    assert client.get("/api/state", headers={"Origin": f"http://{HOST}"}).status_code == 200


def test_the_page_forbids_loading_from_elsewhere(client: Any) -> None:
    answer = client.get("/")
    assert answer.status_code == 200
    policy = answer.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert "http" not in answer.text.replace('"http-equiv', "")  # no address outside
    for name in ("workshop.js", "workshop.css", "map.css", "palette.css"):
        assert client.get(f"/static/{name}").status_code == 200
    assert client.get("/static/../../pyproject.toml").status_code == 404
    assert client.get("/static/nothing.js").status_code == 404


# -- reading ------------------------------------------------------------------------------


def test_the_state_has_the_map_of_gevinst_render(plan_file: Path) -> None:
    with client_for(plan_file, None) as client:  # the map in the plan's language
        state = client.get("/api/state").json()
    assert state["error"] is None
    assert [(e["kind"], e["id"]) for e in state["elements"]] == [
        ("goal", "G1"),
        ("benefit", "B1"),
        ("measure", "M1"),
    ]
    # the same drawing as `gevinst render -o map.html`: same layout, colours, data-id
    # (the width at which its text is readable comes beside it: the page's CSP refuses
    # render's style attribute)
    page = render_bytes(gv.load(plan_file), "html").decode("utf-8")
    assert readable_svg(state["svg"]) in page
    assert f'style="width:{state["svg_width"]}px"' in page
    assert 'data-id="G1"' in state["svg"] and 'data-id="M1"' in state["svg"]
    codes = {f["code"] for f in state["findings"]}
    assert {f.code for f in gv.check(gv.load(plan_file))} == codes
    assert "GV104" in codes  # B1 has neither owner nor indicator
    assert plan_file.read_text("utf-8") == COMMENTED  # reading leaves the file as it was


def test_an_edit_that_leaves_the_map_as_it_was_is_not_laid_out_again(
    plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last layout is reused only for the same view; the map is still render's."""
    from gevinst.workshop import state as workshop_state

    runs: list[object] = []
    real = workshop_state.layout_view
    monkeypatch.setattr(workshop_state, "layout_view", lambda view: runs.append(1) or real(view))
    with client_for(plan_file, None) as client:
        version = client.get("/api/state").json()["version"]
        assert len(runs) == 1

        def edit(operation: dict[str, Any]) -> dict[str, Any]:
            answer = client.post("/api/edit", json={"version": version, "edit": operation})
            assert answer.status_code == 200, answer.text
            return dict(answer.json())

        state = edit({"op": "set", "id": "B1", "field": "assumptions", "value": "Tid frigjøres"})
        version = state["version"]
        assert len(runs) == 1  # the view is the same: no new layout
        page = render_bytes(gv.load(plan_file), "html").decode("utf-8")
        assert readable_svg(state["svg"]) in page
        state = edit({"op": "rename", "id": "B1", "name": "Kortere ventetid for alle"})
        assert len(runs) == 2  # a new label: laid out again
        page = render_bytes(gv.load(plan_file), "html").decode("utf-8")
        assert readable_svg(state["svg"]) in page and "Kortere ventetid for alle" in state["svg"]


def test_a_plan_that_does_not_load_opens_with_its_located_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("schema: gevinst/1\nplan: {id: p, title: P}\ngoals:\n  - {id: G1}\n", "utf-8")
    with client_for(path) as client:
        assert client.get("/").status_code == 200
        state = client.get("/api/state").json()
    assert state["svg"] == "" and state["elements"] == []
    assert "broken.yaml:4" in state["error"] and "name" in state["error"]


def test_an_excel_plan_is_refused_with_the_way_out(tmp_path: Path) -> None:
    from gevinst.workshop.server import create_app

    with pytest.raises(PlanError, match=r"gevinst convert .*plan.xlsx .*plan.yaml"):
        create_app(tmp_path / "plan.xlsx", TOKEN, (HOST,))


# -- edits on disk ------------------------------------------------------------------------


def test_each_edit_changes_only_its_lines(client: Any, plan_file: Path) -> None:
    answer = _edit(client, {"op": "add", "kind": "objective", "id": "O1", "name": "Raskere hjelp"})
    assert answer.status_code == 200
    expected = COMMENTED.replace(
        "benefits:\n", "objectives:\n  - id: O1\n    name: Raskere hjelp\nbenefits:\n"
    )
    assert plan_file.read_text("utf-8") == expected
    assert answer.json()["version"] == client.get("/api/version").json()["version"]
    assert "O1" in [e["id"] for e in answer.json()["elements"]]

    assert _edit(client, {"op": "link", "source": "B1", "target": "O1"}).status_code == 200
    # the comment stays in its column, so the longer list leaves it one space
    expected = expected.replace("contributes_to: [G1]   #", "contributes_to: [G1, O1] #")
    assert plan_file.read_text("utf-8") == expected

    link = {"op": "link", "source": "O1", "target": "G1", "weight": 0.6, "note": "Mest"}
    assert _edit(client, link).status_code == 200
    expected = expected.replace(
        "    name: Raskere hjelp\n",
        "    name: Raskere hjelp\n    contributes_to:\n      - to: G1\n"
        "        weight: 0.6\n        note: Mest\n",
    )
    assert plan_file.read_text("utf-8") == expected
    plan = gv.load(plan_file)
    assert gv.build_graph(plan).edges["O1", "G1"]["weight"] == 0.6

    assert (
        _edit(client, {"op": "rename", "id": "M1", "name": "Innmelding på nett"}).status_code == 200
    )
    expected = expected.replace("name: Digital innmelding", "name: Innmelding på nett")
    assert plan_file.read_text("utf-8") == expected

    owner = {"op": "set", "id": "B1", "field": "value.annual", "value": "1 200 000"}
    assert _edit(client, owner).status_code == 200
    expected = expected.replace(
        "contributes_to: [G1, O1] # straight to the goal\n",
        "contributes_to: [G1, O1] # straight to the goal\n    value:\n      annual: 1200000\n",
    )
    assert plan_file.read_text("utf-8") == expected
    assert gv.load(plan_file).benefits[0].value.annual == 1_200_000  # type: ignore[union-attr]

    assert _edit(client, {"op": "unlink", "source": "B1", "target": "G1"}).status_code == 200
    # the comment keeps the column it has in the file (as a fresh read of the file has it)
    expected = expected.replace("contributes_to: [G1, O1] #", "contributes_to: [O1]     #")
    assert plan_file.read_text("utf-8") == expected

    assert _edit(client, {"op": "delete", "id": "O1"}).status_code == 200
    text = plan_file.read_text("utf-8")
    assert "O1" not in text and "objectives" not in text, text
    assert "# Plan for the workshop (kept comment)" in text and "# measures come last here" in text
    assert "  - {id: G1, name: 'Bergens barn, byens framtid'}   # quote text with commas" in text


def test_undo_and_redo_write_back_the_texts(client: Any, plan_file: Path) -> None:
    assert client.get("/api/state").json()["can"] == {"undo": False, "redo": False}
    answer = _edit(client, {"op": "add", "kind": "change", "id": "C1", "name": "Ny rutine"})
    after = plan_file.read_text("utf-8")
    assert answer.json()["can"] == {"undo": True, "redo": False}
    answer = client.post("/api/undo", json={"version": answer.json()["version"]})
    assert answer.status_code == 200 and answer.json()["can"] == {"undo": False, "redo": True}
    assert plan_file.read_text("utf-8") == COMMENTED
    answer = client.post("/api/redo", json={"version": answer.json()["version"]})
    assert answer.status_code == 200
    assert plan_file.read_text("utf-8") == after
    nothing = client.post("/api/redo", json={"version": answer.json()["version"]})
    assert nothing.status_code == 422 and "nothing to redo" in nothing.json()["message"]


def test_an_edit_on_an_old_version_is_refused_with_409(client: Any, plan_file: Path) -> None:
    old = client.get("/api/version").json()["version"]
    plan_file.write_text(COMMENTED + "# changed in a text editor\n", "utf-8")
    answer = _edit(client, {"op": "delete", "id": "G1"}, version=old)
    assert answer.status_code == 409
    assert "changed on disk" in answer.json()["message"]
    assert answer.json()["version"] == client.get("/api/version").json()["version"] != old
    assert plan_file.read_text("utf-8") == COMMENTED + "# changed in a text editor\n"
    assert client.post("/api/undo", json={"version": old}).status_code == 409


def test_two_tabs_do_not_lose_each_others_edits(plan_file: Path) -> None:
    with client_for(plan_file) as first, client_for(plan_file) as second:
        version = first.get("/api/version").json()["version"]
        assert second.get("/api/version").json()["version"] == version
        add = {"op": "add", "kind": "change", "id": "C1", "name": "A"}
        assert _edit(first, add, version).status_code == 200
        other = {"op": "add", "kind": "change", "id": "C2", "name": "B"}
        assert _edit(second, other, version).status_code == 409
        assert _edit(second, other).status_code == 200  # after reloading
    ids = [c.id for c in gv.load(plan_file).changes]
    assert ids == ["C1", "C2"]


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        (b"{not json", 400, "not valid JSON"),
        (b"[1, 2]", 422, "'version'"),
        (b'{"edit": {"op": "delete", "id": "G1"}}', 422, "'version'"),
        (b'{"version": "V", "edit": "delete G1"}', 422, "'edit'"),
        (b'{"version": "V", "edit": {"op": "explode"}}', 422, "'op' must be one of"),
        (b'{"version": "V", "edit": {"op": "delete", "id": "G9"}}', 422, "no element 'G9'"),
        (
            b'{"version": "V", "edit": {"op": "add", "kind": "goal", "id": "1x", "name": "a"}}',
            422,
            "not a valid id",
        ),
        (
            b'{"version": "V", "edit": {"op": "add", "kind": "goal", "id": "B1", "name": "a"}}',
            422,
            "is taken",
        ),
        (
            b'{"version": "V", "edit": {"op": "add", "kind": "goal", "id": "G2", "name": " "}}',
            422,
            "'Name' must be a non-empty text",
        ),
        (
            b'{"version": "V", "edit": {"op": "set", "id": "M1", "field": "status", "value": "x"}}',
            422,
            "would make the plan invalid",
        ),
        (
            b'{"version": "V", "edit": {"op": "set", "id": "G1", "field": "owner", "value": "x"}}',
            422,
            "no field 'owner'",
        ),
        (
            b'{"version": "V", "edit": {"op": "link", "source": "B1", "target": "G1", '
            b'"weight": 2}}',
            422,
            "from 0 to 1",
        ),
        (
            b'{"version": "V", "edit": {"op": "unlink", "source": "M1", "target": "G1"}}',
            422,
            "no link",
        ),
    ],
)
def test_a_malformed_request_changes_nothing(
    client: Any, plan_file: Path, body: bytes, status: int, words: str
) -> None:
    version = client.get("/api/version").json()["version"]
    data = body.replace(b'"V"', json.dumps(version).encode())
    answer = client.post("/api/edit", content=data, headers={"Content-Type": "application/json"})
    assert answer.status_code == status
    assert words in answer.json()["message"]
    assert plan_file.read_text("utf-8") == COMMENTED
    assert client.get("/api/version").json()["version"] == version


def test_an_edit_must_be_sent_as_json(client: Any, plan_file: Path) -> None:
    answer = client.post("/api/edit", data={"version": "x"})  # a form another page could post
    assert answer.status_code == 415
    assert plan_file.read_text("utf-8") == COMMENTED


def test_a_read_only_file_shows_an_error_and_is_untouched(client: Any, plan_file: Path) -> None:
    os.chmod(plan_file, 0o444)
    try:
        answer = _edit(client, {"op": "add", "kind": "goal", "id": "G2", "name": "Nytt mål"})
    finally:
        os.chmod(plan_file, 0o644)
    assert answer.status_code == 500
    assert "read-only" in answer.json()["message"]
    assert plan_file.read_text("utf-8") == COMMENTED
    assert client.get("/api/state").json()["can"]["undo"] is False


def test_a_plan_with_errors_can_be_edited_towards_fixing_them(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("schema: gevinst/1\nplan: {id: p, title: P}\ngoals:\n  - {id: G1}\n", "utf-8")
    with client_for(path) as client:
        answer = _edit(client, {"op": "rename", "id": "G1", "name": "Fikset"})
        assert answer.status_code == 200
        assert answer.json()["error"] is None
    assert path.read_text("utf-8").endswith("  - {id: G1, name: Fikset}\n")


def test_a_hostile_name_is_text_in_the_map(client: Any) -> None:
    name = "<script>alert(1)</script> & <b>"
    answer = _edit(client, {"op": "add", "kind": "goal", "id": "G2", "name": name})
    svg = answer.json()["svg"]
    assert "<script" not in svg and "<b>" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;" in svg
    assert [e["name"] for e in answer.json()["elements"] if e["id"] == "G2"] == [name]


# -- JSON plans ---------------------------------------------------------------------------


def test_a_json_plan_as_gevinst_writes_it_is_edited_losslessly(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    gv.save(gv.loads(COMMENTED), path)
    before = json.loads(path.read_text("utf-8"))
    with client_for(path) as client:
        answer = _edit(client, {"op": "add", "kind": "change", "id": "C1", "name": "Ny rutine"})
        assert answer.status_code == 200
    after = json.loads(path.read_text("utf-8"))
    before["changes"] = [{"id": "C1", "name": "Ny rutine"}]
    assert after == before
    assert path.read_text("utf-8") == json.dumps(after, ensure_ascii=False, indent=2) + "\n"


def test_a_json_plan_laid_out_otherwise_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    text = '{"schema": "gevinst/1",\n "plan": {"id": "p", "title": "P"}}\n'
    path.write_text(text, "utf-8")
    with client_for(path) as client:
        answer = _edit(client, {"op": "add", "kind": "goal", "id": "G1", "name": "Mål"})
    assert answer.status_code == 422 and "gevinst convert" in answer.json()["message"]
    assert path.read_text("utf-8") == text


# -- the command --------------------------------------------------------------------------


def test_the_command_refuses_what_it_cannot_edit(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["workshop", str(tmp_path / "plan.xlsx"), "--no-browser"])
    assert result.exit_code == 1 and "gevinst convert" in result.output
    result = runner.invoke(cli, ["workshop", str(tmp_path / "none.yaml"), "--no-browser"])
    assert result.exit_code == 1 and "--new" in result.output
    (tmp_path / "plan.yaml").write_text(EMPTY, "utf-8")
    result = runner.invoke(cli, ["workshop", "--new", str(tmp_path / "plan.yaml")])
    assert result.exit_code == 1 and "exists" in result.output
    assert (tmp_path / "plan.yaml").read_text("utf-8") == EMPTY


def test_the_command_starts_a_new_plan_and_prints_the_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gevinst.workshop.server as server

    served: list[tuple[Path, dict[str, Any]]] = []

    def fake_serve(path: Path, **options: Any) -> None:
        served.append((path, options))
        options["on_ready"]("http://127.0.0.1:1234/?token=abc")

    monkeypatch.setattr(server, "serve", fake_serve)
    target = tmp_path / "ny.yaml"
    result = CliRunner().invoke(cli, ["workshop", "--new", str(target), "--no-browser"])
    assert result.exit_code == 0, result.output
    assert result.output == "workshop on http://127.0.0.1:1234/?token=abc  (Ctrl-C stops)\n"
    assert served == [(target, {"port": 0, "language": None, "on_ready": served[0][1]["on_ready"]})]
    assert gv.load(target).goals[0].id == "G1"  # the starter plan


def test_a_full_disk_shows_an_error_and_keeps_the_file(
    client: Any, plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    import gevinst.workshop.document as document
    from gevinst.errors import OutputError

    def full(path: Any, data: Any) -> None:
        raise OutputError(path, "the disk is full; free some space", errno.ENOSPC)

    monkeypatch.setattr(document, "atomic_write", full)
    answer = _edit(client, {"op": "rename", "id": "G1", "name": "Nytt navn"})
    assert answer.status_code == 500
    assert (
        answer.json()["message"].startswith(str(plan_file))
        and "disk is full" in answer.json()["message"]
    )
    assert plan_file.read_text("utf-8") == COMMENTED
    monkeypatch.undo()
    # the next try, with room on the disk, starts from the file as it is
    assert _edit(client, {"op": "rename", "id": "G1", "name": "Nytt navn"}).status_code == 200
    assert gv.load(plan_file).goals[0].name == "Nytt navn"


def test_settle_parses_the_plan_for_editing_and_sets_it_aside_from_the_collector(
    tmp_path: Path,
) -> None:
    import gc

    from gevinst.workshop.document import PlanFile
    from gevinst.workshop.server import settle

    path = tmp_path / "plan.yaml"
    path.write_text(Path("examples/bergen_barnevern/plan.yaml").read_text("utf-8"), "utf-8")
    plan_file = PlanFile(path)
    assert plan_file._parsed is None
    try:
        settle(plan_file)
        assert plan_file._parsed is not None and plan_file._parsed[1] == path.read_text("utf-8")
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    # an edit after it is as any edit: only its lines change
    plan_file.edit({"op": "rename", "id": "B1", "name": "Ferdig"}, plan_file.version())
    assert "name: Ferdig\n" in path.read_text("utf-8")
