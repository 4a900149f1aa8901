"""The catalogue of broken plans: each gives exit 1, one clear located message, no traceback.

Each file in tests/broken/ states in its header what the message must say
(``# expect: ...``) and, where the parser can tell, the line (``# line: N``).
Plans that parse but break a rule report the GV code from ``gevinst check``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from gevinst.cli import cli

BROKEN = Path(__file__).parents[1] / "broken"

# Files that cannot carry a comment header.
EXPECT = {
    "empty.yaml": ("the file is empty", None),
    "json_trailing_comma.json": ("JSON syntax error", 4),
    "json_unknown_key.json": ("unknown key 'extra'", None),
}


def _expectation(path: Path) -> tuple[str, int | None]:
    if path.name in EXPECT:
        return EXPECT[path.name]
    head = path.read_text("utf-8").splitlines()[:3]
    expect = next(line.split(":", 1)[1].strip() for line in head if line.startswith("# expect:"))
    line = next((int(h.split(":")[1]) for h in head if h.startswith("# line:")), None)
    return expect, line


CASES = sorted(BROKEN.iterdir())


def test_catalogue_is_large() -> None:
    assert len(CASES) >= 25


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner(env=env).invoke(cli, ["check", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"unexpected exception: {result.exception!r}"
    )
    return result.exit_code, result.output


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_broken_plan_gives_clear_error(path: Path) -> None:
    expect, line = _expectation(path)
    # the catalogue quotes the English texts: a file that cannot be read says its
    # message in the environment's language (a plan that can, in its own)
    code, output = _run(str(path), env={"LANG": "en_US.UTF-8"})
    assert code == 1, output
    assert "Traceback" not in output
    assert str(path) in output, f"the message must name the file:\n{output}"
    assert expect in output, f"expected {expect!r} in:\n{output}"
    if line is not None:
        assert re.search(rf"{re.escape(str(path))}:{line}(:|\b)", output), (
            f"expected line {line} in:\n{output}"
        )


def test_identity_number_is_never_echoed() -> None:
    _, output = _run(str(BROKEN / "identity_number.yaml"))
    assert "10063" not in output and "15019010063" not in output


def test_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("schema: gevinst/1\nplan: {id: p, title: Pr\u00f8ve}\n".encode("latin-1"))
    code, output = _run(str(path), "--lang", "en")
    assert code == 1
    assert f"{path}:2:" in output and "not UTF-8" in output


def test_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "binary.yaml"
    path.write_bytes(b"schema: gevinst/1\x00\x00\x01")
    code, output = _run(str(path))
    assert code == 1 and "NUL" in output


def test_missing_file(tmp_path: Path) -> None:
    code, output = _run(str(tmp_path / "nowhere.yaml"))
    assert code == 1 and f"{tmp_path / 'nowhere.yaml'}: filen finnes ikke\n" in output


def test_folder_instead_of_file(tmp_path: Path) -> None:
    folder = tmp_path / "plan.yaml"
    folder.mkdir()
    result = CliRunner().invoke(cli, ["check", str(folder)])
    assert result.exit_code in (1, 2)
    assert "Traceback" not in result.output


def test_unknown_suffix(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("schema: gevinst/1\n", "utf-8")
    code, output = _run(str(path))
    assert code == 1 and ".yaml" in output and ".json" in output


def test_deep_nesting(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("schema: gevinst/1\nplan: " + "[" * 5000 + "]" * 5000 + "\n", "utf-8")
    code, output = _run(str(path))
    assert code == 1 and "Traceback" not in output


def test_bom_and_crlf_load(tmp_path: Path) -> None:
    path = tmp_path / "windows.yaml"
    text = "schema: gevinst/1\r\nplan: {id: p, title: Prøve}\r\ngoals: [{id: G1, name: Mål}]\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    code, output = _run(str(path))
    assert code == 0, output
    assert "GV103" in output
