"""The commands on plan files: start one (``init``), check them like a linter
(``check``), convert between YAML, JSON and Excel (``convert``), and say what changed
from one version to the next (``diff``)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from gevinst.analysis.diff import FORMATS as DIFF_FORMATS
from gevinst.analysis.findings import FORMATS as CHECK_FORMATS
from gevinst.analysis.findings import SEVERITIES
from gevinst.cli.common import STDOUT, Command, echo, fail, output_option
from gevinst.errors import Said
from gevinst.i18n.words import LANGUAGES

# -- check --------------------------------------------------------------------------------


@click.command(cls=Command)
@click.argument("plans", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(CHECK_FORMATS),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("--select", multiple=True, help="Only these codes or prefixes (GV104,GV2).")
@click.option("--ignore", multiple=True, help="Leave out these codes or prefixes.")
@click.option("--measurements", type=click.Path(dir_okay=False), help="Add measurements (CSV).")
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES[::-1]),
    default="error",
    show_default=True,
    help="Exit 1 when a finding of this severity or above is found.",
)
@output_option(help="Write the findings as JSON to a .json file, or to stdout with -o -.")
@click.option(
    "--lang", type=click.Choice(LANGUAGES), help="Message language (default: the plan's)."
)
def check(
    plans: tuple[str, ...],
    fmt: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    measurements: str | None,
    fail_on: str,
    output: str | None,
    lang: str | None,
) -> None:
    """Check plan files against the GV rules, like a linter; with two or more plans (a
    folder stands for every plan file in it) also across them: GV300-GV302.

    Prints one line per finding (FILE:LINE: CODE SEVERITY ELEMENT MESSAGE) and a
    summary. Exits 1 when there are errors (--fail-on: warnings, info) or a file cannot
    be read.
    """
    from gevinst.analysis.findings import check_files

    if output not in (None, STDOUT) and Path(output).suffix.lower() != ".json":
        fail(f"{output}: check writes JSON; name a .json file, or - for stdout")
    run = check_files(plans, measurements=measurements, select=select, ignore=ignore, language=lang)
    if output is not None or fmt == "json":
        for line in [*run.read, *run.unreadable]:
            echo(line, err=True)
        _json_out(run.to_json() + "\n", output or STDOUT)
    else:
        for line in run.read:
            echo(line)
        for message in run.unreadable:
            echo(message, err=True)
        for line in run.lines():
            echo(line)
        echo(run.summary())
    if run.fails(fail_on):
        raise SystemExit(1)


def _json_out(text: str, output: str) -> None:
    """JSON to stdout (``-o -``, nothing else is printed there) or to a file."""
    from gevinst._files import atomic_write

    if output == STDOUT:
        echo(text, nl=False)
    else:
        atomic_write(output, text)
        echo(f"wrote {output}", err=True)


# -- init ---------------------------------------------------------------------------------


@click.command(cls=Command)
@click.argument("path", type=click.Path(dir_okay=False), default="plan.yaml")
@click.option("--lang", type=click.Choice(LANGUAGES), default="nb", show_default=True)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init(path: str, lang: str, force: bool) -> None:
    """Write a starter plan to PATH (default plan.yaml)."""
    from gevinst._files import atomic_write
    from gevinst.io.plans import loads
    from gevinst.io.starter import starter_plan

    target = Path(path)
    if target.exists() and not force:
        fail(f"{target} exists; use --force to overwrite it")
    text = starter_plan(lang)
    loads(text, source=str(target))  # the starter must always be a valid plan
    atomic_write(target, text)
    echo(f"wrote {target}; next: gevinst check {target}")


# -- diff ---------------------------------------------------------------------------------


@click.command(cls=Command)
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(DIFF_FORMATS)),
    help="Plain text, JSON data or Markdown [default: from the suffix of -o, else text].",
)
@click.option("--lang", type=click.Choice(LANGUAGES), help="Words in this language.")
@output_option(help="Write to this file, not the screen; - writes JSON to stdout.")
@click.option(
    "--exit-code",
    is_flag=True,
    help="Exit 1 when the plans differ, 0 when they are equal (as git diff --exit-code).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing; implies --exit-code.")
def diff(
    old: str,
    new: str,
    fmt: str | None,
    lang: str | None,
    output: str | None,
    exit_code: bool,
    quiet: bool,
) -> None:
    """Show what changed from plan OLD to plan NEW: every change that makes them unequal,
    with targets moved the wrong way, smaller benefits and dearer measures first.

    Exits 0 (or, with --exit-code, 0 when equal and 1 when they differ); 1 when a plan
    cannot be read; 2 on wrong usage.
    """
    from gevinst._files import atomic_write
    from gevinst.analysis.diff import diff as run_diff
    from gevinst.analysis.diff import diff_format
    from gevinst.io.inputs import load_inputs, refuse_overwrite

    refuse_overwrite(output, {Said("output_role_old_plan"): old, Said("output_role_new_plan"): new})
    result = run_diff(load_inputs(old), load_inputs(new), language=lang)
    if quiet:
        sys.exit(1 if result else 0)
    if output == STDOUT:
        fmt, output = fmt or "json", None
    text = DIFF_FORMATS[diff_format(fmt, output)](result)
    if output:
        atomic_write(output, text)
        echo(f"wrote {output}")
    else:
        echo(text, nl=False)
    if exit_code and result:
        sys.exit(1)


# -- convert ------------------------------------------------------------------------------


@click.command(cls=Command)
@click.argument("source", type=click.Path(dir_okay=False))
@click.argument("target", type=click.Path(dir_okay=False))
@click.option(
    "--lang", type=click.Choice(LANGUAGES), help="Message language (default: the plan's)."
)
def convert(source: str, target: str, lang: str | None) -> None:
    """Convert a plan between YAML, JSON and Excel (formats from the suffixes).

    The whole plan is carried over (comments in a YAML file are not part of it). A
    source with mistakes is refused with its place (for a workbook: sheet, row and
    column) and no file is written.
    """
    from gevinst.io.inputs import load_inputs, refuse_overwrite
    from gevinst.io.plans import save, writer_for

    del lang  # the language of an error's message: said where errors are (Group)

    out = Path(target)
    writer_for(out)  # an unknown suffix is refused before reading a large source
    if not out.parent.is_dir():
        fail(f"{target}: the folder {out.parent} does not exist; create it first")
    refuse_overwrite(target, {Said("output_role_to_convert"): source})
    plan = load_inputs(source)
    save(plan, out)
    echo(f"wrote {target}")
