"""Run the catalogue of hostile inputs (tests/hostile/): the promised exit code and
message, no traceback, nothing written and nothing overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from gevinst.cli import cli
from tests.hostile import cases

CASES = cases()


def test_catalogue_is_not_empty() -> None:
    assert len(CASES) >= 1


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input(name: str, tmp_path: Path) -> None:
    case = CASES[name](tmp_path)
    before = {path: path.read_bytes() for path in case.unchanged}
    # the cases quote the English messages: --lang en where the command has it, and an
    # English environment for a file whose language cannot be read
    args = list(case.args)
    command = cli.commands.get(args[0]) if args else None
    if command is not None and any(p.name == "lang" for p in command.params):
        args += [] if "--lang" in args else ["--lang", "en"]
    result = CliRunner(env={"LANG": "en_US.UTF-8"}).invoke(cli, args)
    output = result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"unexpected exception: {result.exception!r}\n{output}"
    )
    assert "Traceback" not in output
    assert result.exit_code == case.exit, output
    for text in case.contains:
        assert text in output, f"expected {text!r} in:\n{output}"
    for text in case.absent:
        assert text not in output, f"{text!r} must not be in:\n{output}"
    for path in case.not_written:
        assert not path.exists(), f"{path} was written"
    for path, data in before.items():
        assert path.read_bytes() == data, f"{path} was changed"
    if case.check is not None:
        case.check(output)
