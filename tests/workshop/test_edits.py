"""Edits on round-trip YAML: the comments between blocks stay between the same blocks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gevinst.workshop.document import RoundTrip
from gevinst.workshop.edits import EditError, apply_edit

SECTIONED = """\
schema: gevinst/1
plan: {id: p, title: P}
goals:
  - id: G1
    name: Første
  # the second goal, kept before it
  - id: G2
    name: Andre

# the benefits follow
benefits:
  - id: B1
    name: Gevinst
    contributes_to:
      - to: G1
        note: Mest
# measures last
measures:
  - {id: M1, name: Tiltak, contributes_to: [B1]}   # the only measure
"""


def _edited(text: str, *edits: dict[str, Any]) -> str:
    yaml = RoundTrip(text)
    data = yaml.load(text)
    for edit in edits:
        apply_edit(data, edit)
    return yaml.dump(data)


def test_nothing_edited_is_the_same_text() -> None:
    assert _edited(SECTIONED) == SECTIONED


def test_a_new_element_goes_before_the_comment_of_the_next_section() -> None:
    text = _edited(SECTIONED, {"op": "add", "kind": "goal", "id": "G3", "name": "Tredje"})
    assert text == SECTIONED.replace(
        "    name: Andre\n", "    name: Andre\n  - id: G3\n    name: Tredje\n"
    )


def test_a_new_link_goes_before_the_comment_after_the_block() -> None:
    text = _edited(SECTIONED, {"op": "link", "source": "B1", "target": "G2"})
    assert text == SECTIONED.replace("        note: Mest\n", "        note: Mest\n      - G2\n")


def test_a_new_field_goes_before_the_comment_after_the_element() -> None:
    text = _edited(SECTIONED, {"op": "set", "id": "B1", "field": "risk", "value": "high"})
    assert text == SECTIONED.replace("        note: Mest\n", "        note: Mest\n    risk: high\n")


def test_deleting_an_element_keeps_the_comment_after_it() -> None:
    text = _edited(SECTIONED, {"op": "delete", "id": "G2"})
    assert text == SECTIONED.replace("  - id: G2\n    name: Andre\n", "")


def test_deleting_the_last_of_a_section_keeps_the_next_sections_comment() -> None:
    text = _edited(SECTIONED, {"op": "delete", "id": "M1"})
    assert text.endswith("        note: Mest\n# measures last\n")
    assert "M1" not in text and "contributes_to" in text


def test_deleting_removes_the_links_to_it() -> None:
    text = _edited(SECTIONED, {"op": "delete", "id": "B1"})
    assert "B1" not in text
    # the comment keeps its column
    assert "  - {id: M1, name: Tiltak}                         # the only measure\n" in text
    assert "# the benefits follow\n# measures last\nmeasures:" in text
    text = _edited(SECTIONED, {"op": "delete", "id": "G1"})
    assert text == SECTIONED.replace("  - id: G1\n    name: Første\n", "").replace(
        "    contributes_to:\n      - to: G1\n        note: Mest\n", ""
    )


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        ({"op": "link", "source": "M1", "target": "M1"}, "itself"),
        ({"op": "link", "source": "M1", "target": "G1", "weight": "mye"}, "from 0 to 1"),
        ({"op": "set", "id": "M1", "field": "start", "value": "1. mai"}, "DD.MM.YYYY"),
        ({"op": "set", "id": "M1", "field": "start", "value": "31.02.2026"}, "DD.MM.YYYY"),
        ({"op": "set", "id": "M1", "field": "start", "value": "03/31/2026"}, "YYYY-MM-DD"),
        ({"op": "set", "id": "M1", "field": "cost.annual", "value": "mange"}, "a number"),
        ({"op": "set", "id": "G1", "field": "name", "value": ""}, "cannot be empty"),
        (
            {"op": "add", "kind": "gadget", "id": "X1", "name": "x"},
            "unknown kind of element; choose one of: Goal, Objective",
        ),
        ("delete G1", "JSON object"),
    ],
)
def test_a_wrong_edit_says_why_and_changes_nothing(edit: Any, message: str) -> None:
    yaml = RoundTrip(SECTIONED)
    data = yaml.load(SECTIONED)
    with pytest.raises(EditError, match=message):
        apply_edit(data, edit)
    assert yaml.dump(data) == SECTIONED


def test_amounts_dates_and_lists_are_written_as_yaml_values() -> None:
    text = _edited(
        SECTIONED,
        {"op": "set", "id": "M1", "field": "cost.one_off", "value": "100 000 / 150 000 / 250 000"},
        {"op": "set", "id": "M1", "field": "start", "value": "1.3.2025"},  # as typed in nb
        {"op": "set", "id": "B1", "field": "assumptions", "value": "Mentorer\n\n Tid  \n"},
        {"op": "set", "id": "B1", "field": "value.annual", "value": "12,5"},
    )
    assert (
        "  - {id: M1, name: Tiltak, contributes_to: [B1], cost: {one_off: [100000, 150000, "
        "250000]}, start: 2025-03-01} # the only measure\n" in text
    )
    assert (
        "    assumptions:\n      - Mentorer\n      - Tid\n    value:\n      annual: 12.5\n" in text
    )


@pytest.mark.parametrize(
    "edit",
    [
        {"op": "rename", "id": "G1", "name": "Nytt navn"},
        {"op": "rename", "id": "M1", "name": "Nytt tiltak"},
        {"op": "set", "id": "B1", "field": "risk", "value": "high"},
        {"op": "set", "id": "B1", "field": "value.annual", "value": "100"},
        {"op": "link", "source": "B1", "target": "G2", "weight": 0.2, "note": "Litt"},
        {"op": "link", "source": "M1", "target": "G1"},
        {"op": "unlink", "source": "B1", "target": "G1"},
        {"op": "add", "kind": "goal", "id": "G3", "name": "Tredje"},
        {"op": "add", "kind": "measure", "id": "M2", "name": "Nytt"},
        {"op": "add", "kind": "change", "id": "C1", "name": "Ny del"},
        {"op": "delete", "id": "G2"},
    ],
)
def test_writing_only_the_changed_lines_gives_the_whole_files_text(
    edit: dict[str, Any], tmp_path: Path
) -> None:
    """The fast path (only the edited element written anew) equals writing the whole file."""
    from gevinst.workshop.document import PlanFile

    whole = _edited(SECTIONED, edit)
    path = tmp_path / "plan.yaml"
    path.write_text(SECTIONED, "utf-8")
    plan_file = PlanFile(path)
    plan_file.edit(edit, plan_file.version())
    assert path.read_text("utf-8") == whole


def test_the_fast_path_on_a_real_plan_twice(tmp_path: Path) -> None:
    from gevinst.workshop.document import PlanFile

    text = Path("examples/bergen_barnevern/plan.yaml").read_text("utf-8")
    edits = [
        {"op": "rename", "id": "B1", "name": "Kortere opplæring"},
        {"op": "set", "id": "M1", "field": "status", "value": "pilot"},
        {"op": "add", "kind": "benefit", "id": "B99", "name": "Ny gevinst"},
        {"op": "link", "source": "B99", "target": "O1", "note": "Ny kobling"},
    ]
    path = tmp_path / "plan.yaml"
    path.write_text(text, "utf-8")
    plan_file = PlanFile(path)
    for edit in edits:
        plan_file.edit(edit, plan_file.version())
    assert path.read_text("utf-8") == _edited(text, *edits)


def test_many_edits_in_a_row_write_only_their_lines_and_equal_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deletes and adds move the lines of what follows; each later edit still finds its
    element's lines (kept from ruamel.yaml's line numbers, never composed again)."""

    text = Path("examples/bergen_barnevern/plan.yaml").read_text("utf-8")
    edits = [
        {"op": "delete", "id": "B2"},  # referred to by measures and changes
        {"op": "rename", "id": "B3", "name": "Etter sletting"},
        {"op": "add", "kind": "goal", "id": "G9", "name": "Nytt mål"},
        {"op": "link", "source": "O1", "target": "G9", "weight": 0.3},
        {"op": "delete", "id": "M1"},  # the first measure
        {"op": "set", "id": "M2", "field": "status", "value": "implemented"},
        {"op": "unlink", "source": "O1", "target": "G9"},
        {"op": "set", "id": "B3", "field": "description", "value": "To\nlinjer"},
        {"op": "rename", "id": "G9", "name": "Siste"},
    ]
    edit_each_alone(tmp_path / "plan.yaml", text, edits, monkeypatch)


def edit_each_alone(
    path: Path, text: str, edits: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Write ``text`` to ``path`` and make ``edits`` one by one through the file: after
    each, the file is what a whole rewrite would give and the kept data that of a fresh
    read, and no edit wrote the whole file."""
    from gevinst.workshop import document
    from gevinst.workshop.document import PlanFile

    path.write_text(text, "utf-8")
    plan_file = PlanFile(path)
    whole: list[str] = []
    monkeypatch.setattr(document, "composed_starts", lambda new: whole.append(new))
    for count, edit in enumerate(edits, 1):
        snapshot = plan_file.edit(edit, plan_file.version())
        assert path.read_text("utf-8") == _edited(text, *edits[:count]), edit
        _kept_as_read(plan_file, snapshot)
    assert whole == []  # no edit wrote the whole file


def _kept_as_read(plan_file: Any, snapshot: Any) -> None:
    """The data and plan kept for the file are those of reading its text afresh."""
    import gevinst as gv
    from gevinst.io.yaml import parse_yaml

    text = plan_file.path.read_text("utf-8")
    assert plan_file._parsed[1] == text
    assert plan_file._parsed[5] == parse_yaml(text)
    assert snapshot.plan == gv.loads(text)


def test_after_undo_redo_or_a_change_on_disk_only_the_changed_elements_are_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The next edit starts from the kept parse brought up to the file's text; what it
    writes is what a fresh parse of that text and the edit would write."""
    from gevinst.workshop import document
    from gevinst.workshop.document import PlanFile

    text = Path("examples/bergen_barnevern/plan.yaml").read_text("utf-8")
    path = tmp_path / "plan.yaml"
    path.write_text(text, "utf-8")
    plan_file = PlanFile(path)
    plan_file.edit({"op": "rename", "id": "B1", "name": "Først"}, plan_file.version())
    full_parses: list[str] = []
    monkeypatch.setattr(
        document,
        "element_starts",
        lambda data, new: full_parses.append(new),  # type: ignore[func-returns-value]
    )

    def then(edit: dict[str, Any]) -> None:
        before = path.read_text("utf-8")
        snapshot = plan_file.edit(edit, plan_file.version())
        assert path.read_text("utf-8") == _edited(before, edit), edit
        _kept_as_read(plan_file, snapshot)

    _kept_as_read(plan_file, plan_file.undo(plan_file.version()))
    then({"op": "set", "id": "B1", "field": "risk", "value": "high"})
    plan_file.undo(plan_file.version())
    plan_file.redo(plan_file.version())
    then({"op": "delete", "id": "G2"})  # the last goal, its comment lines stay
    plan_file.undo(plan_file.version())
    then({"op": "add", "kind": "goal", "id": "G3", "name": "Tredje"})
    plan_file.undo(plan_file.version())  # the new last goal goes again
    then({"op": "rename", "id": "G2", "name": "Andre"})
    # a text editor changes one benefit's lines and adds a measure with a comment
    edited = path.read_text("utf-8").replace("name: Andre\n", "name: Andre # fra editoren\n")
    edited = edited.replace("\nmeasures:\n", "\nmeasures:\n  - id: M0\n    name: Nytt\n    # hei\n")
    assert edited != path.read_text("utf-8")
    path.write_text(edited, "utf-8")
    then({"op": "rename", "id": "M0", "name": "Null"})
    then({"op": "rename", "id": "G2", "name": "Andre igjen"})
    assert "name: Andre igjen # fra editoren\n" in path.read_text("utf-8")
    assert full_parses == []


def test_dates_are_shown_as_the_plans_language_writes_them_and_stored_as_iso() -> None:
    import gevinst as gv
    from gevinst.workshop.state import elements

    plan = gv.loads(
        "schema: gevinst/1\nplan: {id: p, title: P}\n"
        "benefits:\n  - {id: B1, name: G, value: {annual: 10, from: 2026-01-05}}\n"
        "measures:\n  - {id: M1, name: T, start: 2026-03-31, contributes_to: [B1]}\n"
    )
    nb = {e["id"]: e for e in elements(plan, "nb")}
    en = {e["id"]: e for e in elements(plan, "en")}
    assert nb["M1"]["dates"] == {"start": "31.03.2026"}
    assert nb["B1"]["dates"] == {"value.from": "05.01.2026"}
    assert en["M1"]["dates"] == {"start": "2026-03-31"}
    assert nb["M1"]["start"] == "2026-03-31"  # the value itself as in the file
    text = _edited(SECTIONED, {"op": "set", "id": "M1", "field": "end", "value": "05.01.2027"})
    assert "end: 2027-01-05}" in text


def test_the_first_element_of_a_new_section_writes_only_that_section(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A section the file lacks goes where a whole rewrite puts it (before the next key,
    after the comment lines above that key; or at the end), and the edits after it
    write only their lines too."""
    edits = [
        {"op": "add", "kind": "objective", "id": "O1", "name": "Effekt"},
        {"op": "add", "kind": "disbenefit", "id": "D1", "name": "Ulempe"},
        {"op": "add", "kind": "stakeholder", "id": "S1", "name": "Ansatte"},
        {"op": "rename", "id": "M1", "name": "Tiltaket"},  # the section before, now ended
        {"op": "link", "source": "O1", "target": "G1", "weight": 0.5},
        {"op": "add", "kind": "disbenefit", "id": "D2", "name": "Ulempe to"},
        {"op": "rename", "id": "D1", "name": "Første ulempe"},
        {"op": "add", "kind": "change", "id": "C1", "name": "Endring"},
        {"op": "link", "source": "C1", "target": "D2", "relation": "mitigates"},
    ]
    edit_each_alone(tmp_path / "plan.yaml", SECTIONED, edits, monkeypatch)
    text = (tmp_path / "plan.yaml").read_text("utf-8")
    # worked out by hand: each new section sits just above the key that follows it
    assert "  # the second goal, kept before it\n" in text
    assert "# the benefits follow\nobjectives:\n  - id: O1\n" in text
    assert "# measures last\ndisbenefits:\n  - id: D1\n    name: Første ulempe\n" in text
    assert text.endswith("stakeholders:\n  - id: S1\n    name: Ansatte\n")


def test_a_plan_is_built_from_a_file_with_no_sections(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edits = [
        {"op": "add", "kind": "goal", "id": "G1", "name": "Mål"},
        {"op": "add", "kind": "objective", "id": "O1", "name": "Effekt"},
        {"op": "add", "kind": "benefit", "id": "B1", "name": "Gevinst"},
        {"op": "add", "kind": "measure", "id": "M1", "name": "Tiltak"},
        {"op": "link", "source": "O1", "target": "G1"},
        {"op": "link", "source": "B1", "target": "O1", "weight": 0.5},
        {"op": "link", "source": "M1", "target": "B1"},
    ]
    empty = "schema: gevinst/1\n# a plan to build\nplan: {id: tom, title: Tom plan}\n"
    edit_each_alone(tmp_path / "plan.yaml", empty, edits, monkeypatch)


def test_an_empty_section_in_the_file_is_filled_by_a_whole_rewrite(tmp_path: Path) -> None:
    from gevinst.workshop.document import PlanFile

    text = SECTIONED.replace("# measures last\n", "disbenefits: []\n# measures last\n")
    path = tmp_path / "plan.yaml"
    path.write_text(text, "utf-8")
    plan_file = PlanFile(path)
    edit = {"op": "add", "kind": "disbenefit", "id": "D1", "name": "Ulempe"}
    plan_file.edit(edit, plan_file.version())
    assert path.read_text("utf-8") == _edited(text, edit)
    assert path.read_text("utf-8").count("disbenefits:") == 1


def test_a_prepared_file_is_not_parsed_again_by_its_first_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gevinst.workshop import document
    from gevinst.workshop.document import PlanFile

    text = Path("examples/bergen_barnevern/plan.yaml").read_text("utf-8")
    path = tmp_path / "plan.yaml"
    path.write_text(text, "utf-8")
    plan_file = PlanFile(path)
    plan_file.prepare()
    parses: list[str] = []
    real = document._round_trip
    monkeypatch.setattr(document, "_round_trip", lambda t: parses.append(t) or real(t))
    edit = {"op": "rename", "id": "B1", "name": "Forberedt"}
    snapshot = plan_file.edit(edit, plan_file.version())
    assert parses == []
    assert path.read_text("utf-8") == _edited(text, edit)
    _kept_as_read(plan_file, snapshot)
    # a file changed on disk after it was prepared is followed, never overwritten
    path.write_text(path.read_text("utf-8").replace("name: Forberedt\n", "name: Endret\n"))
    later = plan_file.edit({"op": "rename", "id": "B2", "name": "Også"}, plan_file.version())
    assert "name: Endret\n" in path.read_text("utf-8")
    _kept_as_read(plan_file, later)


def test_preparing_a_file_that_is_not_yaml_leaves_the_error_to_the_first_edit(
    tmp_path: Path,
) -> None:
    from gevinst.workshop.document import PlanFile

    path = tmp_path / "plan.yaml"
    path.write_text("schema: gevinst/1\nplan: {id: p\n", "utf-8")
    plan_file = PlanFile(path)
    plan_file.prepare()
    assert plan_file._parsed is None
    with pytest.raises(EditError, match="cannot be read as YAML"):
        plan_file.edit({"op": "add", "kind": "goal", "id": "G1", "name": "M"}, plan_file.version())
    assert path.read_text("utf-8") == "schema: gevinst/1\nplan: {id: p\n"


_PREFIX = {"goal": "G", "objective": "O", "benefit": "B", "disbenefit": "D", "change": "C"}
_PREFIX |= {"measure": "M", "stakeholder": "S", "indicator": "I"}
_IDS = [f"{prefix}{n}" for prefix in _PREFIX.values() for n in (1, 2)]


def _edit_strategy() -> Any:
    from hypothesis import strategies as st

    from tests.strategies import TEXT

    ids = st.sampled_from(_IDS)
    kinds = st.sampled_from(sorted(_PREFIX))
    # links as a plan has them (most others are refused, which the test checks too)
    ladder = [("O", "G"), ("B", "O"), ("B", "G"), ("C", "B"), ("M", "C"), ("M", "B")]
    pairs = [
        {"source": f"{a}{i}", "target": f"{b}{j}"}
        for a, b in ladder
        for i in (1, 2)
        for j in (1, 2)
    ] + [
        {"source": f"{a}{i}", "target": f"D{j}", "relation": "mitigates"}
        for a in "MC"
        for i in (1, 2)
        for j in (1, 2)
    ]
    links = st.sampled_from(pairs) | st.builds(lambda a, b: {"source": a, "target": b}, ids, ids)
    adds = st.builds(
        lambda kind, n, name: {
            "op": "add",
            "kind": kind,
            "id": f"{_PREFIX[kind]}{n}",
            "name": name,
        },
        kinds,
        st.sampled_from([1, 2]),
        TEXT,
    )
    return st.one_of(
        adds,
        adds,
        adds,  # (three times as likely: the other edits need elements)
        st.builds(lambda i, name: {"op": "rename", "id": i, "name": name}, ids, TEXT),
        links.map(lambda link: {"op": "link", **link}),
        links.map(lambda link: {"op": "unlink", **link}),
        st.builds(lambda i: {"op": "delete", "id": i}, ids),
        st.sampled_from([{"op": "undo"}, {"op": "redo"}]),
    )


def test_any_run_of_edits_writes_what_a_whole_rewrite_writes() -> None:
    """Property: whatever the edits (new sections, links, deletes, awkward names, undo
    and redo), the file after each is what parsing the file before it and writing it
    whole gives (an undo: the text before the edit), and the kept data and plan are
    those of reading it afresh. A refused edit changes nothing."""
    import tempfile

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    import gevinst as gv
    from gevinst.io.yaml import parse_yaml
    from gevinst.workshop.document import PlanFile

    start = (  # some sections there, the others made by the edits
        "schema: gevinst/1\n# built by edits\nplan: {id: p, title: P}\ngoals:\n"
        "  - {id: G1, name: Mål}\n# the benefits\nbenefits:\n  - id: B1\n"
        "    name: Gevinst  # kept\n    contributes_to: [G1]\nmeasures:\n"
        "  - id: M1\n    name: Tiltak\n    contributes_to:\n      - to: B1\n"
    )

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(_edit_strategy(), min_size=1, max_size=12))
    def run(edits: list[dict[str, Any]]) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "plan.yaml"
            path.write_text(start, "utf-8")
            plan_file = PlanFile(path)
            done: list[tuple[str, str]] = []  # (before, after) of each edit, for undo
            undone: list[tuple[str, str]] = []
            for edit in edits:
                before = path.read_text("utf-8")
                step = {"undo": plan_file.undo, "redo": plan_file.redo}.get(edit["op"])
                try:
                    if step is not None:
                        snapshot = step(plan_file.version())
                    else:
                        snapshot = plan_file.edit(edit, plan_file.version())
                except EditError:
                    assert path.read_text("utf-8") == before, edit
                    assert (done if edit["op"] == "undo" else undone) == [] or step is None
                    continue
                after = path.read_text("utf-8")
                if edit["op"] == "undo":
                    undone.append(done.pop())
                    assert after == undone[-1][0]
                elif edit["op"] == "redo":
                    done.append(undone.pop())
                    assert after == done[-1][1]
                else:
                    assert after == _edited(before, edit), edit
                    if after != before:
                        done.append((before, after))
                        undone.clear()
                kept = plan_file._parsed  # (None: the next edit reads the file)
                assert kept is None or kept[1] == after
                assert kept is None or kept[5] is None or kept[5] == parse_yaml(after)
                assert snapshot.plan == gv.loads(after)

    run()


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_two_tabs_undoing_in_any_order_never_lose_each_others_edits(suffix: str) -> None:
    """Property: two tabs rename and add their own measures and undo and redo in any
    interleaving; after every step each measure has the name its tab's edits not undone
    give it (the other tab's edits stay). Only the undo or redo of an add may be refused
    (the other tab added at the same place since), and then nothing changes."""
    import tempfile

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    import gevinst as gv
    from gevinst.workshop.document import PlanFile
    from tests.strategies import TEXT

    start = (
        "schema: gevinst/1\nplan: {id: p, title: P}\ngoals:\n  - {id: G1, name: Mål}\n"
        "measures:\n  - id: M1\n    name: Første\n  - id: M2\n    name: Andre\n"
        "# after the measures\n"
    )
    if suffix == ".json":  # texts are texts: compared line by line
        start = gv.dumps(gv.loads(start), "json")
    own = {"A": ("M1", "M3"), "B": ("M2", "M4")}
    steps = st.tuples(
        st.sampled_from(sorted(own)),
        st.sampled_from(["rename", "rename", "add", "undo", "undo", "redo"]),
        st.sampled_from([0, 1]),
        TEXT,
    )

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(steps, min_size=2, max_size=14))
    def run(script: list[tuple[str, str, int, str]]) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"plan{suffix}"
            path.write_text(start, "utf-8")
            plan_file = PlanFile(path)
            names: dict[str, str | None] = {"M1": "Første", "M2": "Andre", "M3": None}
            names["M4"] = None
            # each tab's edits: (measure, name before, name after)
            stacks: dict[str, tuple[list[Any], list[Any]]] = {t: ([], []) for t in own}
            for tab, op, which, text in script:
                element = own[tab][which]
                before = path.read_text("utf-8")
                undo, redo = stacks[tab]
                try:
                    if op in ("undo", "redo"):
                        step = plan_file.undo if op == "undo" else plan_file.redo
                        step(plan_file.version(), tab)
                        edit = (undo if op == "undo" else redo).pop()
                        (redo if op == "undo" else undo).append(edit)
                        names[edit[0]] = edit[1] if op == "undo" else edit[2]
                    else:
                        if (op == "add") != (names[element] is None):
                            continue  # rename what is there, add what is not
                        kind = {"kind": "measure"} if op == "add" else {}
                        edit_ = {"op": op, "id": element, "name": text, **kind}
                        plan_file.edit(edit_, plan_file.version(), tab)
                        if path.read_text("utf-8") != before:
                            undo.append((element, names[element], text.strip()))
                            redo.clear()
                            names[element] = undo[-1][2]
                except EditError as exc:
                    assert path.read_text("utf-8") == before, (tab, op, exc)
                    if "not possible" in str(exc):  # only an add's place can be taken
                        assert None in (undo if op == "undo" else redo)[-1], script
                    continue
                plan = gv.load(path)
                found = {m.id: m.name for m in plan.measures}
                assert found == {k: v for k, v in names.items() if v is not None}, script
                assert plan_file.can(tab) == {"undo": bool(undo), "redo": bool(redo)}

    run()
