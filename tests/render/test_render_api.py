"""render(): the suffix table, atomic writes, errors; and `gevinst render` on the command line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import gevinst as gv
from gevinst.cli import cli
from gevinst.errors import FormatError, RenderError
from gevinst.render import RENDERERS, render
from tests.mapplans import small_plan


@pytest.mark.parametrize("suffix", sorted(RENDERERS))
def test_every_format_writes_and_repeats_byte_for_byte(tmp_path: Path, suffix: str) -> None:
    first = render(small_plan(), tmp_path / f"a{suffix}")
    second = render(small_plan(), tmp_path / f"b{suffix}")
    assert first.read_bytes() == second.read_bytes()
    assert first.stat().st_size > 100


def test_unknown_suffix_lists_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(FormatError) as info:
        render(small_plan(), tmp_path / "map.txt")
    for suffix in RENDERERS:
        assert suffix in str(info.value)
    assert not (tmp_path / "map.txt").exists()


def test_a_failed_render_leaves_the_old_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "map.svg"
    target.write_text("old map")
    with pytest.raises(RenderError):
        render(small_plan(), target, focus="NOPE")
    assert target.read_text() == "old map"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.svg"]  # no temp files left


def test_render_is_public() -> None:
    assert gv.render is render
    assert "render" in gv.__all__


def test_cli_render(tmp_path: Path, bergen_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "kart.svg"
    result = runner.invoke(cli, ["render", str(bergen_path), "-o", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Measures" in out.read_text(encoding="utf-8")
    result = runner.invoke(
        cli,
        [
            "render",
            str(bergen_path),
            "-o",
            str(tmp_path / "f.mmd"),
            "--focus",
            "B4",
            "--depth",
            "1",
            "--kinds",
            "benefit,objective",
            "--group-by",
            "owner",
            "--assumptions",
        ],
    )
    assert result.exit_code == 0, result.output


def test_cli_render_with_evaluation(tmp_path: Path, bergen_path: Path) -> None:
    out = tmp_path / "status.svg"
    result = CliRunner().invoke(
        cli, ["render", str(bergen_path), "-o", str(out), "--at", "2025-10-01"]
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "Evaluert per 2025-10-01" in text
    assert "status-" in text


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["-o", "x.txt"], 1, "bruk en av filendelsene: .dot .html .json .mmd .pdf .png .svg"),
        (["-o", "x.svg", "--focus", "NOPE"], 1, "not an element"),
        (["-o", "x.svg", "--kinds", "tiltak"], 1, "known kinds"),
        (["-o", "x.svg", "--depth", "2"], 1, "focus"),
        (["-o", "x.svg", "--at", "1. oktober"], 2, "ÅÅÅÅ-MM-DD"),
        (["-o", "x.svg", "--group-by", "colour"], 2, "owner"),
    ],
)
def test_cli_render_errors(
    tmp_path: Path, bergen_path: Path, args: list[str], code: int, message: str
) -> None:
    args = [str(tmp_path / a) if a.startswith("x.") else a for a in args]
    result = CliRunner().invoke(cli, ["render", str(bergen_path), *args])
    assert result.exit_code == code
    assert message in result.output
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_the_python_example_in_docs_maps_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import re

    root = Path(__file__).resolve().parents[2]
    page = (root / "docs" / "maps.md").read_text("utf-8")
    blocks = re.findall(r"```python\n(.*?)```", page, re.S)
    assert len(blocks) == 4  # write files, bytes without a file, pages, the layout as data
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    for block in blocks:  # in order, as a reader runs them, in one namespace
        code = block.replace('"examples/', f'"{root.as_posix()}/examples/')
        exec(compile(code, "docs/maps.md", "exec"), namespace)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "b4.mmd",
        "kart-en.pdf",
        "kart.svg",
        "side1.png",
        "status.html",
    ]
    # The bytes without a file, as the page shows them: a PNG and English SVG text.
    png = namespace["png"]
    assert isinstance(png, bytes) and png[:8] == b"\x89PNG\r\n\x1a\n"
    from xml.etree import ElementTree

    svg = ElementTree.fromstring(str(namespace["svg"]).encode("utf-8"))
    texts = {t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")}
    assert "Benefits" in texts


@pytest.mark.parametrize(
    "image",
    [
        "bergen-map.png",
        "bergen-map-status.png",
        "bergen-focus-b4.png",
        "bergen-by-goal.png",
        "bergen-html.png",
        "large-map-before.png",
        "large-map-overview.png",
        "large-map-page.png",
    ],
)
def test_the_images_in_docs_maps_exist(image: str) -> None:
    root = Path(__file__).resolve().parents[2]
    assert f"img/{image}" in (root / "docs" / "maps.md").read_text("utf-8")
    assert (root / "docs" / "img" / image).read_bytes()[:4] == b"\x89PNG"


def test_kinds_may_be_one_comma_separated_string() -> None:
    from gevinst.render import render_bytes

    text = render_bytes(small_plan(), "mmd", kinds="measure,goal").decode()
    assert "Digital innmelding" in text and "Færre fristbrudd" not in text


def test_every_plan_that_loads_renders(tmp_path: Path) -> None:
    """Broken plans that still load (cycles, repeated ids, edges going down) draw a map."""
    from gevinst.errors import GevinstError
    from gevinst.render import render_bytes

    root = Path(__file__).resolve().parents[1] / "broken"
    drawn = 0
    for path in sorted(root.glob("*.yaml")):
        try:
            plan = gv.load(path)
        except GevinstError:
            continue
        if any(f.code == "GV201" for f in gv.check(plan)):  # personal data: never drawn
            with pytest.raises(gv.PersonalDataError):
                render_bytes(plan, "svg")
            continue
        for fmt in ("svg", "mmd", "html"):
            assert render_bytes(plan, fmt, assumptions=True, group_by="owner")
            drawn += 1
    assert drawn >= 3 * 5  # cycle, duplicate_id, goes_down, self_loop, ... load and draw


def test_a_repeated_id_shows_the_first_element() -> None:
    from gevinst.render import render_bytes

    plan = gv.Plan.new("d", "D")
    plan.add_goal("G1", "Først", assumptions=["første"])
    plan.add_goal("G1", "Andre", assumptions=["andre"])
    text = render_bytes(plan, "svg", assumptions=True).decode()
    assert "første" in text and "andre" not in text


def test_same_bytes_across_processes_and_hash_seeds() -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    code = (
        "import hashlib, sys\n"
        "sys.path.insert(0, '.')\n"
        "from tests.mapplans import small_plan, small_evaluation\n"
        "from gevinst.render import render_bytes\n"
        "for fmt in ('svg', 'png', 'pdf', 'dot', 'mmd', 'html'):\n"
        "    data = render_bytes(small_plan(), fmt, evaluation=small_evaluation(),\n"
        "                        group_by='owner', assumptions=True)\n"
        "    print(fmt, hashlib.sha256(data).hexdigest())\n"
    )
    outputs = []
    for seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", code],
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) == 6


def test_json_is_the_layout(bergen: gv.Plan) -> None:
    import json

    from gevinst.layout.geometry import layout
    from gevinst.render import render_bytes

    data = json.loads(render_bytes(bergen, "json"))
    lay = layout(bergen)
    assert [n["id"] for n in data["nodes"]] == [n.id for n in lay.nodes]
    assert data["nodes"][0]["x"] == lay.nodes[0].x and data["width"] == lay.width
    assert {n["id"] for n in data["nodes"]} == set(gv.build_graph(bergen).nodes)
    assert "Høyere kvalitet og bedre" in " ".join(
        line for n in data["nodes"] for line in n["lines"]
    )
    assert render_bytes(bergen, "json") == render_bytes(bergen, "json")
