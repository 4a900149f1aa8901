"""Files, paths and the terminal: no command writes over its input, write errors name
the output, symbolic links are written through, inputs are measured before they are
read, and nothing printed can drive the terminal."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

import gevinst as gv
from gevinst import _files
from gevinst.cli import cli
from gevinst.cli.common import terminal_safe
from gevinst.io import plans as gio

EXAMPLES = Path(__file__).parent.parent / "examples"
MINIMAL = EXAMPLES / "minimal.yaml"


def run(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [str(arg) for arg in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    shutil.copy(MINIMAL, path)
    return path


@pytest.fixture
def plan_json(tmp_path: Path, plan: Path) -> Path:
    path = tmp_path / "plan.json"
    gv.save(gv.load(plan), path)
    return path


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    path = tmp_path / "m.csv"
    path.write_text("indicator,date,value\nI1,2024-06-30,25\n", "utf-8")
    return path


# -- no command writes over one of its inputs ---------------------------------------------


def _cases(tmp: Path, plan: Path, plan_json: Path, csv_file: Path) -> list[tuple[list[str], str]]:
    link = tmp / "link.csv"
    link.symlink_to(plan.name)
    hard = tmp / "hard.json"
    os.link(plan_json, hard)
    elsewhere = tmp / "sub"
    elsewhere.mkdir()
    p, j, m, md = str(plan), str(plan_json), str(csv_file), str(tmp / "m.md")
    return [
        (["render", j, "-o", j], "er planen som leses inn"),
        (["render", j, "-o", str(hard), "--measurements", m], "er planen som leses inn"),
        (["evaluate", j, "-o", j], "er planen som leses inn"),
        (["evaluate", p, "--measurements", m, "-o", m], "er målingsfilen"),
        (["diff", p, j, "-o", p], "er den gamle planen"),
        (["diff", p, j, "-o", str(hard)], "er den nye planen"),
        (["stakeholders", p, "-o", str(link)], "er planen som leses inn"),
        (["convert", p, p], "er planen som skal konverteres"),
        (["convert", j, str(hard)], "er planen som skal konverteres"),
        (["convert", p, str(elsewhere / ".." / plan.name)], "er planen som skal konverteres"),
        (["report", p, "--measurements", md, "-o", md], "er målingsfilen"),
    ]


def test_no_command_writes_over_its_input(
    tmp_path: Path, plan: Path, plan_json: Path, csv_file: Path
) -> None:
    shutil.copy(csv_file, tmp_path / "m.md")
    for args, says in _cases(tmp_path, plan, plan_json, csv_file):
        before = {p: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
        code, output = run(*args)
        assert code == 1, (args, output)
        # the plan is Norwegian: so is the message
        assert "velg en annen fil å skrive til" in output and says in output, (args, output)
        after = {p: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
        assert after == before, args


def test_a_different_output_is_still_written(plan: Path, tmp_path: Path) -> None:
    code, output = run("evaluate", plan, "-o", tmp_path / "plan.csv")
    assert code == 0, output
    header = (tmp_path / "plan.csv").read_text("utf-8").splitlines()[0]
    assert header.replace('"', "").startswith("id,kind,")


def test_same_file() -> None:
    assert _files.same_file("a/../b.yaml", "b.yaml")  # neither exists: resolved paths
    assert not _files.same_file("a.yaml", "b.yaml")


# -- write errors name the output ----------------------------------------------------------


def _fail_with(code: int) -> object:
    def fail(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    return fail


def test_disk_full_names_the_output(
    plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "kart.svg"
    old.write_text("old", "utf-8")
    monkeypatch.setattr(_files.os, "fsync", _fail_with(errno.ENOSPC))
    code, output = run("render", plan, "-o", old)
    assert code == 1
    assert f"{old}: disken er full (ingenting er skrevet; den gamle filen er urørt)" in output
    assert old.read_text("utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kart.svg", "plan.yaml"]


def test_disk_full_without_an_old_file(
    plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_files.os, "fsync", _fail_with(errno.ENOSPC))
    code, output = run("convert", plan, tmp_path / "ny.json")
    assert code == 1
    assert f"{tmp_path / 'ny.json'}: disken er full (ingenting er skrevet)" in output
    assert not (tmp_path / "ny.json").exists()


def test_disk_full_in_python_is_an_oserror(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_files.os, "fsync", _fail_with(errno.ENOSPC))
    with pytest.raises(OSError, match="the disk is full") as caught:
        _files.atomic_write(tmp_path / "x.txt", "x")
    assert isinstance(caught.value, gv.OutputError)
    assert caught.value.errno == errno.ENOSPC
    assert caught.value.filename == str(tmp_path / "x.txt")


def test_read_only_folder_names_the_output_not_the_temporary_file(
    plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(prefix: str, suffix: str, dir: Path) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied", f"{dir}/{prefix}abc{suffix}")

    monkeypatch.setattr(_files.tempfile, "mkstemp", refuse)
    out = tmp_path / "kart.svg"
    code, output = run("render", plan, "-o", out)
    assert code == 1
    assert f"{out}: ingen tilgang: kan ikke skrive i mappen {tmp_path}" in output
    assert ".kart.svg" not in output and ".tmp" not in output


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in a read-only folder")
def test_read_only_folder_for_real(plan: Path, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        code, output = run("render", plan, "-o", folder / "kart.svg")
    finally:
        folder.chmod(0o755)
    assert code == 1
    assert f"{folder / 'kart.svg'}: ingen tilgang" in output
    assert ".tmp" not in output


def test_read_only_file_is_not_replaced(plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "kart.svg"
    out.write_text("old", "utf-8")
    out.chmod(0o444)
    code, output = run("render", plan, "-o", out)
    assert code == 1
    assert f"{out}: filen er skrivebeskyttet" in output
    assert out.read_text("utf-8") == "old"


def test_missing_folder_names_the_output(plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "nowhere" / "kart.svg"
    code, output = run("render", plan, "-o", out)
    assert code == 1
    assert f"{out.parent}: no such folder to write kart.svg into; create it first" in output


def test_long_output_name_fits(plan: Path, tmp_path: Path) -> None:
    out = tmp_path / ("k" * 250 + ".svg")  # 254 characters; the temporary name must fit too
    code, output = run("render", plan, "-o", out)
    assert code == 0, output
    assert out.read_bytes().startswith(b"<?xml") or b"<svg" in out.read_bytes()[:200]


def test_pipe_as_output_is_refused(plan: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    code, output = run("evaluate", plan, "-o", fifo)
    assert code == 1
    assert f"{fifo}: er ikke en vanlig fil" in output
    assert stat.S_ISFIFO(fifo.stat().st_mode)


# -- symbolic links are written through; modes stay sane -----------------------------------


def test_output_through_a_symlink_replaces_the_target_and_keeps_the_link(
    plan: Path, tmp_path: Path
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    target = shared / "evaluering.csv"
    target.write_text("old", "utf-8")
    target.chmod(0o640)
    link = tmp_path / "siste.csv"
    link.symlink_to(target)
    code, output = run("evaluate", plan, "-o", link)
    assert code == 0, output
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text("utf-8").replace('"', "").startswith("id,kind,")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in shared.iterdir()) == ["evaluering.csv"]


def test_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to("target.txt")
    _files.atomic_write(link, "ny")
    assert link.is_symlink()
    assert (tmp_path / "target.txt").read_text("utf-8") == "ny"


def test_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        _files.atomic_write(tmp_path / "ny.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "ny.txt").stat().st_mode) == 0o640


def test_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("old", "utf-8")
    path.chmod(0o664)
    _files.atomic_write(path, "ny")
    assert stat.S_IMODE(path.stat().st_mode) == 0o664
    assert path.read_text("utf-8") == "ny"


# -- inputs are measured before they are read ----------------------------------------------


def test_sparse_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(5 * 2**30)  # 5 GiB of holes: nothing on the disk
    code, output = run("check", big)
    assert code == 1
    # nothing of it is read, so not its language: the environment's (C: nb)
    assert f"{big}: filen er 5\xa0120 MiB; en plan er høyst 200 MiB" in output


@pytest.mark.parametrize("suffix", [".json", ".xlsx"])
def test_every_plan_format_is_measured_first(
    tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gevinst.io.excel import guard

    monkeypatch.setattr(gio, "MAX_BYTES", 100)
    monkeypatch.setattr(guard, "MAX_UNPACKED", 100)
    path = tmp_path / f"plan{suffix}"
    path.write_bytes(b"x" * 101)
    with pytest.raises(gv.PlanError, match=r"a plan is at most 0 MiB|larger than 100 bytes"):
        gv.load(path)


def test_large_measurement_file_is_refused_and_named(
    plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gio, "MAX_BYTES", 1000)
    csv = tmp_path / "m.csv"
    csv.write_text("indicator,date,value\n" + "I1,2024-06-30,25\n" * 100, "utf-8")
    code, output = run("evaluate", plan, "--measurements", csv)
    assert code == 1
    assert f"{csv}: filen er 0 MiB; en målingsfil er høyst 0 MiB" in output  # the plan's nb


def test_endless_device_is_read_only_up_to_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gio, "MAX_BYTES", 2**20)
    zero = tmp_path / "zero.yaml"
    zero.symlink_to("/dev/zero")
    with pytest.raises(gv.PlanError, match="more than 1 MiB came from it; a plan is at most 1 MiB"):
        gv.load(zero)


def test_pipe_without_writer_does_not_wait(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []

    def load() -> None:
        try:
            gv.load(fifo)
        except gv.PlanError as exc:
            outcome.append(exc)

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(10)
    if worker.is_alive():  # unblock the reader so the suite goes on, then fail
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("reading a pipe without a writer waited for one")
    assert outcome and "the file is empty" in str(outcome[0])


def test_pipe_with_a_writer_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    text = MINIMAL.read_bytes()

    def write() -> None:
        with fifo.open("wb") as handle:
            handle.write(text)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    fd = os.open(fifo, os.O_RDONLY)  # wait for the writer here, as a shell pipe would
    try:
        plan = gv.load(fifo)  # a second reader while the writer writes
    finally:
        os.close(fd)
    writer.join(10)
    assert plan.id == "minimal"


# -- nothing printed can drive the terminal ------------------------------------------------

HOSTILE = "Tiltak \x1b]0;eid\x07 \x1b]8;;http://x\x1b\\lenke\x1b]8;;\x1b\\ slett\x08\x08 \r \x9b2J"


def test_terminal_safe_makes_controls_visible() -> None:
    assert terminal_safe("a\x1bb\x07c\x08d\x9be\x7ff\tg\nh") == (
        "a\\u001bb\\u0007c\\u0008d\\u009be\\u007ff\tg\nh"
    )
    assert terminal_safe("Måløy æøå ÆØÅ 🚀") == "Måløy æøå ÆØÅ 🚀"


@pytest.fixture
def hostile_plan(tmp_path: Path) -> Path:
    plan = gv.load(MINIMAL)
    plan.measures[0].name = HOSTILE
    plan.indicators[0].unit = HOSTILE
    plan.goals[0].name = "Mål\x1b[2J"
    path = tmp_path / "hostile.json"
    gv.save(plan, path)
    return path


def _assert_tame(output: str) -> None:
    for char in ("\x1b", "\x07", "\x08", "\r", "\x9b"):
        assert char not in output, (char, output)


@pytest.mark.parametrize(
    "args",
    [
        ["trace", "{plan}", "M1"],
        ["trace", "{plan}", "M1", "--format", "json"],
        ["evaluate", "{plan}", "--at", "2025-01-01"],
        ["diff", "{minimal}", "{plan}"],
        ["diff", "{minimal}", "{plan}", "--format", "md"],
        ["check", "{plan}"],
        ["check", "{plan}", "--format", "json"],
        ["trace", "{plan}", "\x1b]0;x\x07"],
        ["trace", "{plan}", "M1", "\x1b]0;extra\x07"],
        ["check", "\x1b]0;nofile\x07.yaml"],
        ["render", "{plan}", "-o", "{tmp}/\x1b]0;x\x07.svg"],
    ],
)
def test_nothing_printed_drives_the_terminal(
    hostile_plan: Path, tmp_path: Path, args: list[str]
) -> None:
    filled = [
        a.format(plan=hostile_plan, minimal=MINIMAL, tmp=tmp_path) if "{" in a else a for a in args
    ]
    result = CliRunner().invoke(cli, filled)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    _assert_tame(result.output)


def test_controls_are_shown_not_dropped(hostile_plan: Path) -> None:
    code, output = run("trace", hostile_plan, "M1")
    assert code == 0
    assert "Tiltak \\u001b]0;eid\\u0007 \\u001b]8;;http://x\\u001b\\lenke" in output
    assert "slett\\u0008\\u0008 \\u000d \\u009b2J" in output


def test_json_output_stays_json(hostile_plan: Path) -> None:
    import json

    plan = gv.load(hostile_plan)
    plan.measures[0].name = "Tiltak \x7f\x85\x9b"  # C1 and DEL: JSON leaves them raw
    gv.save(plan, hostile_plan)
    _, output = run("diff", MINIMAL, hostile_plan, "--format", "json")
    _assert_tame(output)
    assert "Tiltak \x7f\x85\x9b" in json.dumps(json.loads(output), ensure_ascii=False)


# -- matplotlib's warnings become one line of gevinst's own -------------------------------


@pytest.mark.filterwarnings("always::UserWarning")
def test_missing_glyphs_are_one_warning_without_paths(tmp_path: Path) -> None:
    plan = gv.load(MINIMAL)
    plan.stakeholders[0].name = "Leder 🚀🛸 ᚠ"
    path = tmp_path / "odd.yaml"
    gv.save(plan, path)
    for chart in ("grid", "impacts"):
        out = tmp_path / f"{chart}.png"
        code, output = run("stakeholders", path, "-o", out, "--chart", chart)
        assert code == 0, output
        assert "site-packages" not in output and ".py:" not in output, output
        assert output.count("warning: ") == 1, output
        assert "no glyph in the fonts found" in output and "🚀" in output


@pytest.mark.skipif(os.geteuid() != 0, reason="only root may give a file to another owner")
def test_replaced_file_keeps_its_owner(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("old", "utf-8")
    os.chown(path, 12345, 23456)
    _files.atomic_write(path, "ny")
    assert (path.stat().st_uid, path.stat().st_gid) == (12345, 23456)


def _has_cjk_fallback() -> bool:
    from gevinst.charts.figure import _fonts

    return len(_fonts()) > 1 and any(name != "DejaVu Sans" for name in _fonts())


@pytest.mark.skipif(not _has_cjk_fallback(), reason="no fallback font installed")
@pytest.mark.parametrize("fmt", ["png", "pdf", "svg"])
def test_cjk_is_drawn_with_a_fallback_font(fmt: str) -> None:
    from gevinst.charts.results import figure_bytes, stakeholder_chart

    plan = gv.load(MINIMAL)
    plan.stakeholders[0].name = "Bergen 卑尔根 ベルゲン"
    data = figure_bytes(stakeholder_chart(plan), fmt)  # warnings are errors in the suite
    assert len(data) > 1000


def test_write_errors_keep_their_builtin_class(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(src: str, dst: str) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(_files.os, "replace", refuse)
    with pytest.raises(PermissionError) as caught:
        _files.atomic_write(tmp_path / "x.txt", "x")
    assert isinstance(caught.value, gv.OutputError) and isinstance(caught.value, gv.GevinstError)
    assert str(caught.value) == (
        f"{tmp_path / 'x.txt'}: permission denied: cannot write in the folder {tmp_path} "
        "(nothing written)"
    )
