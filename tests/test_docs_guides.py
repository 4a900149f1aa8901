"""The tutorial and the how-to guides are replayed as a reader would follow them.

Each page is read top to bottom. A file block is written where the sentence before it
says so, and a console block is run and its output compared with what the page shows:

- "Save this as `NAME`:" or "Replace everything in `NAME` with this:" writes the block;
- "Add this at the end of `NAME`:" appends it;
- "In `NAME`, change this:" followed by a block, then "to this:" and a block, replaces
  the first text (which must occur once) with the second;
- a ``python`` block runs (all blocks of a page share one namespace) and what it
  prints is compared with the ``text`` block right after it (none: it prints nothing);
- ``$ gevinst ...`` runs the command line (in-process here; ``*`` expands as in a
  shell); ``$ cat FILE``, ``$ echo $?``, ``$ git ...`` (also ``git show REV:FILE >
  COPY``) and ``$ cp FILE COPY`` inside the folder run as in a shell; installing and
  moving about (pip, venv, cd, mkdir, ``cp`` from elsewhere) is the reader's own and is
  not repeated.

So a change in gevinst that alters what a page shows fails a test instead of leaving
the page wrong. Run this file as a script to follow a page with a real ``gevinst``
executable in a fresh folder, as a new user would (for example the one in a fresh
venv)::

    python tests/test_docs_guides.py docs/tutorial.md --gevinst /tmp/tut/bin/gevinst

(Python cells then run with the ``python`` beside that ``gevinst``.)
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```[ \t]*$", re.M | re.S)
SKIPPED = {"pip", "python3", "cd", "mkdir", "cp", ".", "source"}
SAVE = re.compile(
    r"(?:Save\s+this\s+as|Replace\s+everything\s+in)\s+`([^`]+)`(?:\s+with\s+this)?:$"
)
APPEND = re.compile(r"Add\s+this\s+at\s+the\s+end\s+of\s+`([^`]+)`:$")
CHANGE = re.compile(r"In\s+`([^`]+)`,\s+change\s+this:$")
TO = re.compile(r"to\s+this:$")

# (words, cwd) -> (output, exit code)
Runner = Callable[[list[str], Path], tuple[str, int]]
# (earlier cells, this cell, cwd) -> what this cell prints
PythonRunner = Callable[[list[str], str, Path], str]


@dataclass
class Step:
    """One thing the reader does: a command with its shown output, or a file edit."""

    kind: str  # "run", "python", "save", "append", "change"
    target: str  # the command line or the file name ("" for Python)
    body: str = ""  # the file text, the Python code, or a command's output shown
    old: str = ""  # for "change": the text replaced; for "python": the output shown


def steps(text: str) -> list[Step]:
    """The page as the list of things a reader does, in order."""
    result: list[Step] = []
    pending: tuple[str, str] | None = None  # (file, old text) waiting for "to this:"
    last = 0
    for match in FENCE.finditer(text):
        lang, body = match.group(1), match.group(2)
        before = text[last : match.start()].rstrip()
        last = match.end()
        if lang == "console":
            pending = None
            command: list[str] = []
            for line in body.rstrip("\n").splitlines():
                if line.startswith("$ "):
                    command = [line[2:]]
                    result.append(Step("run", line[2:]))
                elif command:
                    result[-1].body += line.rstrip() + "\n"
            continue
        if lang == "python":
            result.append(Step("python", "", body))
            continue
        if lang == "text" and result and result[-1].kind == "python" and not before:
            result[-1].old = body  # what the Python cell just above prints
            continue
        if pending is not None and TO.search(before):
            result.append(Step("change", pending[0], body, pending[1]))
            pending = None
        elif m := SAVE.search(before):
            result.append(Step("save", m.group(1), body))
        elif m := APPEND.search(before):
            result.append(Step("append", m.group(1), body))
        elif m := CHANGE.search(before):
            pending = (m.group(1), body)
    assert pending is None, f"'change this' on {pending[0]} has no 'to this'"
    return result


def _glob(word: str, cwd: Path) -> list[str]:
    """A shell's expansion of ``plans/*.yaml`` (sorted), or the word as it is."""
    if "*" not in word:
        return [word]
    return sorted(p.relative_to(cwd).as_posix() for p in cwd.glob(word)) or [word]


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.rstrip("\n").splitlines()]


def in_process(words: list[str], cwd: Path) -> tuple[str, int]:
    """Run ``gevinst`` in this interpreter (click's CliRunner), in cwd."""
    from click.testing import CliRunner

    from gevinst.cli import cli

    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, words[1:], prog_name="gevinst")
    finally:
        os.chdir(old)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.output, result.exit_code


def python_in_process() -> PythonRunner:
    """Run a page's Python cells in this interpreter, one namespace per page."""
    namespace: dict[str, object] = {}

    def run(_earlier: list[str], code: str, cwd: Path) -> str:
        out = io.StringIO()
        old = Path.cwd()
        os.chdir(cwd)
        try:
            with contextlib.redirect_stdout(out):
                exec(compile(code, "<docs>", "exec"), namespace)
        finally:
            os.chdir(old)
        return out.getvalue()

    return run


def python_program(program: str) -> PythonRunner:
    """Run each cell with a real Python, after the page's earlier cells (their output hidden)."""

    def run(earlier: list[str], code: str, cwd: Path) -> str:
        script = (
            "import contextlib, io\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    exec(compile({chr(10).join(earlier)!r}, '<docs>', 'exec'))\n"
            f"exec(compile({code!r}, '<docs>', 'exec'))\n"
        )
        done = subprocess.run(
            [program, "-c", script],
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            check=False,
            env=dict(os.environ, PYTHONIOENCODING="utf-8"),
        )
        return done.stdout

    return run


def executable(program: str) -> Runner:
    """Run a real ``gevinst`` program (stdout and stderr as a terminal shows them)."""

    def run(words: list[str], cwd: Path) -> tuple[str, int]:
        done = subprocess.run(
            [program, *words[1:]],
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            check=False,
            env=dict(os.environ, PYTHONIOENCODING="utf-8", COLUMNS="200"),
        )
        return done.stdout, done.returncode

    return run


# git with a fixed author and date, so commits, hashes and logs are the same every run
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Kari Rådgiver",
    "GIT_AUTHOR_EMAIL": "kari@example.no",
    "GIT_COMMITTER_NAME": "Kari Rådgiver",
    "GIT_COMMITTER_EMAIL": "kari@example.no",
    "GIT_AUTHOR_DATE": "2025-10-03T12:00:00+02:00",
    "GIT_COMMITTER_DATE": "2025-10-03T12:00:00+02:00",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "LC_ALL": "C.UTF-8",
}


def _git(words: list[str], cwd: Path) -> tuple[str, int]:
    done = subprocess.run(
        ["git", "-c", "init.defaultBranch=main", "-c", "core.pager=cat", *words[1:]],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        check=False,
        env=dict(os.environ, **GIT_ENV),
    )
    return done.stdout, done.returncode


def replay(
    text: str,
    cwd: Path,
    gevinst: Runner = in_process,
    outputs: list[tuple[Step, str]] | None = None,
    python: PythonRunner | None = None,
) -> list[str]:
    """Follow the page in cwd; return one message per difference (empty: all as shown).

    ``outputs``, when given, collects every command with the output it really printed.
    """
    problems: list[str] = []
    code = 0
    cells: list[str] = []
    python = python or python_in_process()
    for step in steps(text):
        path = cwd / step.target
        if step.kind == "python":
            got = python(cells, step.body, cwd)
            cells.append(step.body)
            if _lines(got) != _lines(step.old):
                problems.append(f"python:\n{step.body}--- shown:\n{step.old}--- got:\n{got}")
        elif step.kind == "save":
            path.write_text(step.body, "utf-8")
        elif step.kind == "append":
            old = path.read_text("utf-8")
            path.write_text(old.rstrip("\n") + "\n" + step.body, "utf-8")
        elif step.kind == "change":
            old = path.read_text("utf-8")
            if old.count(step.old) != 1:
                problems.append(f"{step.target}: the text to change is not there once:\n{step.old}")
                continue
            path.write_text(old.replace(step.old, step.body), "utf-8")
        else:
            words = shlex.split(step.target)
            if words[0] == "cp" and len(words) == 3 and (cwd / words[1]).is_file():
                shutil.copyfile(cwd / words[1], cwd / words[2])  # cp FILE COPY, in the folder
                continue
            if words[0] in SKIPPED:
                continue
            if words[0] == "gevinst":
                words = [w for word in words for w in _glob(word, cwd)]
                got, code = gevinst(words, cwd)
            elif words[0] == "cat":
                got, code = (cwd / words[1]).read_text("utf-8"), 0
            elif words[0] == "git" and ">" in words:  # git show REV:FILE > COPY
                where = words.index(">")
                got, code = _git(words[:where], cwd)
                (cwd / words[where + 1]).write_text(got, "utf-8")
                got = ""
            elif words[0] == "git":
                got, code = _git(words, cwd)
            elif step.target == "echo $?":
                got = f"{code}\n"
            else:
                problems.append(f"the page runs a command this test cannot: {step.target}")
                continue
            if outputs is not None:
                outputs.append((step, got))
            if _lines(got) != _lines(step.body):
                problems.append(f"$ {step.target}\n--- shown:\n{step.body}--- got:\n{got}")
    return problems


def _follow(page: str, tmp_path: Path) -> Path:
    work = tmp_path / "work"
    work.mkdir()
    problems = replay((DOCS / page).read_text("utf-8"), work)
    assert not problems, "\n\n".join(problems)
    return work


def _pictures(page: str) -> list[str]:
    return re.findall(r"!\[[^\]]*\]\(([^)]+)\)", (DOCS / page).read_text("utf-8"))


# -- the tutorial ---------------------------------------------------------------------------


def test_tutorial_steps_are_found() -> None:
    """The parser must not silently find nothing: the tutorial's own count of steps."""
    found = steps((DOCS / "tutorial.md").read_text("utf-8"))
    kinds = [s.kind for s in found]
    assert kinds.count("save") == 2  # the first plan and the CSV
    assert kinds.count("append") == 5
    assert kinds.count("change") == 3 + 5  # fixes in step 7, ranges and correlation in 15
    commands = [s.target.split()[1] for s in found if s.target.startswith("gevinst ")]
    for command in ["init", "check", "trace", "render", "evaluate", "stakeholders", "report",
                    "simulate"]:  # fmt: skip
        assert command in commands, command


def test_tutorial_shows_what_gevinst_prints(tmp_path: Path) -> None:
    """Follow the tutorial in an empty folder: every command prints what the page shows."""
    work = _follow("tutorial.md", tmp_path)
    plan_text = (work / "plan.yaml").read_text("utf-8")
    # The plan built step by step is a smaller Bergen plan with nothing left to fix.
    import gevinst as gv

    plan = gv.load(work / "plan.yaml", measurements=work / "maalinger-2025-09.csv")
    assert gv.check(plan) == []
    assert [g.id for g in plan.goals] == ["G1", "G2"]
    assert "weight: 0.3" in plan_text and "weight: 0.5" not in plan_text
    # The files the page makes, read back with the library of their format.
    from pptx import Presentation

    deck = Presentation(str(work / "rapport.pptx"))
    assert len(deck.slides) >= 5
    assert (work / "gevinstkart.png").read_bytes()[:4] == b"\x89PNG"
    assert (work / "interessenter.png").read_bytes()[:4] == b"\x89PNG"
    assert "<html" in (work / "rapport.html").read_text("utf-8").lower()
    # The pictures the page shows are in the docs (docs/gallery.py makes them).
    for picture in _pictures("tutorial.md"):
        assert (DOCS / picture).read_bytes()[:4] == b"\x89PNG", picture


# -- the how-to guides ------------------------------------------------------------------


def test_quarterly_review_shows_what_gevinst_prints(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    work = tmp_path / "work"
    shutil.copytree(ROOT / "examples" / "bergen_barnevern", work)
    text = (DOCS / "howto" / "quarterly-review.md").read_text("utf-8")
    assert [s.kind for s in steps(text)].count("run") >= 8
    problems = replay(text, work)
    assert not problems, "\n\n".join(problems)
    for picture in _pictures("howto/quarterly-review.md"):
        assert (DOCS / "howto" / picture).read_bytes()[:4] == b"\x89PNG", picture
    # The plan now holds the quarter: 7 new measurements and 4 new reviews, committed.
    import gevinst as gv

    plan = gv.load(work / "plan.yaml")
    original = gv.load(ROOT / "examples" / "bergen_barnevern" / "plan.yaml")
    assert len(plan.measurements) == len(original.measurements) + 7
    assert len(plan.reviews) == len(original.reviews) + 4
    assert _git(["git", "status", "--porcelain", "plan.yaml"], work) == ("", 0)
    # What the page says of the meeting: B8 judged on track twice while the numbers
    # said off track; B3 judged at risk, as the numbers said.
    reviews = gv.evaluate(plan, at="2026-01-15").reviews()
    b8 = [(r.status, r.computed) for r in reviews if r.element == "B8"]
    assert b8 == [("on_track", "off_track"), ("on_track", "off_track")]
    b3 = [(r.status, r.computed, r.disagrees) for r in reviews if r.element == "B3"]
    assert b3 == [("at_risk", "at_risk", False)]


def test_compare_versions_shows_what_gevinst_prints(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    work = tmp_path / "work"
    shutil.copytree(ROOT / "examples" / "bergen_barnevern", work)
    text = (DOCS / "howto" / "compare-versions.md").read_text("utf-8")
    problems = replay(text, work)
    assert not problems, "\n\n".join(problems)
    # The Markdown file the page writes holds the lowered expectations first.
    written = (work / "endringer-siden-bystyret-2024.md").read_text("utf-8")
    headings = [line for line in written.splitlines() if line.startswith("## ")]
    assert headings[0] == "## Forventninger senket (7)"
    # git gives back the tagged version byte for byte: it is the 2024 example.
    old = (ROOT / "examples" / "bergen_barnevern" / "plan-2024.yaml").read_bytes()
    assert (work / "bystyret-2024.yaml").read_bytes() == old


def test_measurements_csv_shows_what_gevinst_prints(tmp_path: Path) -> None:
    """The page copies the Modulus Barn example into a folder and makes every other file."""
    work = tmp_path / "work"
    shutil.copytree(ROOT / "examples" / "modulus_barn", work)
    text = (DOCS / "howto" / "measurements-csv.md").read_text("utf-8")
    found = steps(text)
    made = {s.target for s in found if s.kind == "save"}
    assert made == {"målinger.csv", "feil-id.csv", "feil-dato.csv"}
    problems = replay(text, work)
    assert not problems, "\n\n".join(problems)
    # The page made the Windows-1252 file it shows gevinst refusing: "ø" is one byte.
    assert "i sør".encode("cp1252") in (work / "ansi.csv").read_bytes()
    import gevinst as gv

    assert len(gv.load(work / "plan-2025-12.yaml").measurements) == 34


def test_portfolio_shows_what_gevinst_prints(tmp_path: Path) -> None:
    """The page copies three plans into planer/ (the reader's own step, done here)."""
    work = tmp_path / "work"
    (work / "planer").mkdir(parents=True)
    for source, name in [
        (ROOT / "examples" / "bergen_barnevern" / "plan.yaml", "smidig.yaml"),
        (ROOT / "examples" / "modulus_barn" / "plan.yaml", "modulus-barn.yaml"),
        (ROOT / "tests" / "data" / "bergen_naervaer.yaml", "naervaer.yaml"),
    ]:
        shutil.copyfile(source, work / "planer" / name)
    text = (DOCS / "howto" / "portfolio.md").read_text("utf-8")
    found = steps(text)
    assert [s.kind for s in found].count("python") == 4
    assert sum(1 for s in found if s.kind == "python" and s.old) == 3  # cells with output
    problems = replay(text, work)
    assert not problems, "\n\n".join(problems)
    # The CSV the page writes is read back: one row per plan, nets summing to the
    # portfolio's net that the page prints (12.7 million kroner).
    import csv

    with (work / "portefolje-2025-10-01.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [r["plan"] for r in rows] == ["modulus-barn", "ebf-naervaer", "ebf-smidig"]
    assert round(sum(int(r["net"]) for r in rows) / 1e6, 1) == 12.7


# -- every page in a folder of its own ----------------------------------------------------
#
# A reader follows one page after another. Two pages that make the same folder mix: the
# second `cp -r SRC bergen` copies into the first's `bergen/`, and its commands then run
# on the first page's files and git history. So each page makes its own folder, under a
# name no other page uses, and goes only into folders it made itself.

GUIDED = [
    "tutorial.md",
    "kom-i-gang.md",
    *sorted(p.relative_to(DOCS).as_posix() for p in (DOCS / "howto").glob("*.md")),
]
SOURCE_TREE = "gevinst"  # the source the reader installed from (Kom i gang, the tutorial)


def folders(text: str) -> tuple[list[str], list[str]]:
    """(folders the page makes, folders it goes into), in order, from its console blocks."""
    made: list[str] = []
    entered: list[str] = []
    for match in FENCE.finditer(text):
        if match.group(1) != "console":
            continue
        for line in match.group(2).splitlines():
            if not line.startswith("$ "):
                continue
            for command in line[2:].split("&&"):
                words = [w for w in shlex.split(command) if not w.startswith("-")]
                if not words:
                    continue
                if words[0] == "mkdir":
                    made += words[1:]
                elif words[0] == "cp" and "-r" in command.split() and len(words) == 3:
                    made.append(words[2])
                elif words[0] == "git" and words[1:2] == ["clone"]:
                    made.append(words[3] if len(words) > 3 else words[2].rsplit("/", 1)[-1])
                elif words[0] == "cd" and len(words) == 2:
                    entered.append(words[1])
    return [m.rstrip("/") for m in made], [e.rstrip("/") for e in entered]


def test_folders_are_found() -> None:
    """Discovery must not silently find nothing: the folders the guides are known to make."""
    made = {name for page in GUIDED for name in folders((DOCS / page).read_text("utf-8"))[0]}
    assert {"bergen-plan", "min-plan", "kvartal", "versjoner", "maalinger", "planer"} <= made
    assert folders("```console\n$ mkdir a && cd a\n$ cp -r x/y b\n```\n") == (["a", "b"], ["a"])


def test_every_page_works_in_a_folder_it_made() -> None:
    for page in GUIDED:
        made, entered = folders((DOCS / page).read_text("utf-8"))
        for folder in entered:
            if folder in ("..", SOURCE_TREE):
                continue
            assert folder in made, f"{page}: cd {folder}, a folder this page did not make"


def test_no_two_pages_make_the_same_folder() -> None:
    owner: dict[str, str] = {}
    for page in GUIDED:
        for folder in folders((DOCS / page).read_text("utf-8"))[0]:
            other = owner.setdefault(folder, page)
            assert other == page, f"{other} and {page} both make {folder}/: they would mix"


def main(argv: list[str]) -> int:
    """Follow a page with a real gevinst program in a fresh folder; print differences."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("page", type=Path)
    parser.add_argument("--gevinst", default=shutil.which("gevinst") or "gevinst")
    parser.add_argument("--copy", type=Path, help="copy this folder in first")
    parser.add_argument("--keep", type=Path, help="work here instead of a temporary folder")
    parser.add_argument(
        "--update", action="store_true", help="write the real output into the page (review it!)"
    )
    args = parser.parse_args(argv)
    text = args.page.read_text("utf-8")
    outputs: list[tuple[Step, str]] = []
    with tempfile.TemporaryDirectory() as temp:
        work = args.keep or Path(temp)
        if args.copy:
            shutil.copytree(args.copy, work, dirs_exist_ok=True)
        work.mkdir(parents=True, exist_ok=True)
        python = python_program(str(Path(args.gevinst).with_name("python")))
        problems = replay(text, work, executable(args.gevinst), outputs, python)
    if args.update and problems:
        for step, got in outputs:
            shown = f"$ {step.target}\n{step.body}"
            real = "".join(line + "\n" for line in _lines(got) if got.strip())
            if shown != f"$ {step.target}\n{real}" and text.count(shown) == 1:
                text = text.replace(shown, f"$ {step.target}\n{real}")
        args.page.write_text(text, "utf-8")
        print(f"{args.page}: updated; review the changes with git diff")
    for problem in problems:
        print(problem, end="\n\n")
    print(f"{args.page}: {len(problems)} difference(s), run with {args.gevinst}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
