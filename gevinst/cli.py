"""The ``gevinst`` command line: parse, call the library, print.

Exit codes: 0 success; 1 the input is bad or a check found errors (one clear message,
never a traceback); 2 wrong usage. A command that fails writes no output file and
leaves an existing one untouched (every write goes through ``atomic_write``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from gevinst.analysis.diff import FORMATS as DIFF_FORMATS
from gevinst.analysis.findings import FORMATS as CHECK_FORMATS
from gevinst.analysis.findings import SEVERITIES
from gevinst.analysis.simulate import MAX_RUNS
from gevinst.analysis.simulate_text import WRITERS as SIMULATION_WRITERS
from gevinst.analysis.trace_text import FORMATS as TRACE_FORMATS
from gevinst.charts.figure import FORMATS as CHART_FORMATS
from gevinst.errors import GevinstError, PlanCheckError, Said
from gevinst.i18n.words import LANGUAGES, language_for
from gevinst.i18n.words import visible_controls as terminal_safe
from gevinst.render import RENDERERS
from gevinst.report.stakeholders import CHARTS
from gevinst.report.stakeholders import WRITERS as STAKEHOLDER_WRITERS
from gevinst.report.tables import WRITERS as TABLE_WRITERS

if TYPE_CHECKING:
    from gevinst.analysis.evaluate import Evaluation
    from gevinst.model import Plan

_F = TypeVar("_F", bound=Callable[..., Any])
_CHARTS = " ".join(f".{fmt}" for fmt in CHART_FORMATS)
_TABLES = " ".join(sorted(TABLE_WRITERS))
_SIMULATION_FILES = " ".join(SIMULATION_WRITERS)
_STAKEHOLDER_TABLES = " ".join(s for s in STAKEHOLDER_WRITERS if s[1:] not in CHART_FORMATS)


_plan = click.argument("plan_path", metavar="PLAN", type=click.Path(dir_okay=False))


def _output(*, help: str, required: bool = False) -> Callable[[_F], _F]:
    """The -o/--output option: a file, its suffix picks the format."""
    return click.option(
        "-o", "--output", required=required, type=click.Path(dir_okay=False), help=help
    )


#: ``-o -``: the JSON goes to stdout, and nothing else does.
_STDOUT = "-"

#: The inputs an output must not be (:func:`~gevinst.io.inputs.refuse_overwrite`).
_ROLE_PLAN = Said("output_role_plan")
_ROLE_MEASUREMENTS = Said("output_role_measurements")
_ROLE_THEME = Said("output_role_theme")
_ROLE_LOGO = Said("output_role_logo")

_theme = click.option(
    "--theme",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="A theme file (YAML): font, logo and colours of kinds and statuses.",
)


def _fail(message: str) -> None:
    raise _UserError(message)


def _echo(text: str = "", *, err: bool = False, nl: bool = True) -> None:
    """Print to the terminal: everything gevinst prints goes through here."""
    click.echo(terminal_safe(text), err=err, nl=nl)


def _date(value: str | None) -> dt.date | None:
    """The date of --at; one that is not a date is wrong usage (exit 2), one after the
    last date a plan can hold an input error (exit 1), each said in the message language."""
    from gevinst.analysis.limits import LAST_DATE

    if value is None:
        return None
    language = _language(click.get_current_context())
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        said = Said("at_not_a_date", value=f"--at {value!r}")
        raise click.UsageError(said.in_language(language)) from None
    if day > LAST_DATE:
        _fail(Said("at_after_last", what="--at", day=value, last=LAST_DATE).in_language(language))
    return day


def _refused(
    plan_path: str, plan: Plan, exc: PlanCheckError, measurements: str | None = None
) -> NoReturn:
    """Say which errors keep PLAN from being evaluated, at their places in the file."""
    from gevinst.analysis.findings import refusal_message

    language = click.get_current_context().meta.get(_LANG)  # --lang, where given
    raise _UserError(refusal_message(plan_path, plan, exc, measurements, language)) from exc


def _evaluated(plan_path: str, plan: Plan, when: dt.date, measurements: str | None) -> Evaluation:
    """The evaluation of PLAN at ``when``; a plan with check errors is refused."""
    from gevinst.analysis.evaluate import evaluate

    try:
        return evaluate(plan, at=when)
    except PlanCheckError as exc:
        _refused(plan_path, plan, exc, measurements)


def _say_errors(plan_path: str, plan: Plan) -> None:
    """Say on stderr, like a linter, which check errors the map of the plan carries."""
    from gevinst.analysis.findings import error_lines

    language = click.get_current_context().meta.get(_LANG)
    for line in error_lines(plan_path, plan, language=language):
        _echo(line, err=True)


class _UserError(click.ClickException):
    """A user's mistake: one message, exit code 1, no traceback."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        _echo(f"error: {self.format_message()}", err=True)


def _make_visible(exc: click.ClickException) -> None:
    """Click's message may quote what was typed (an extra argument): controls made visible.

    ``message`` is typed final in click, but click reads it only when showing the error.
    """
    setattr(exc, "message", terminal_safe(exc.message))  # noqa: B010 - final for mypy only


#: Where a command keeps its --lang for the message of an error (``ctx.meta`` is shared).
_LANG = "gevinst.lang"
#: Where a command keeps the plan it reads (for ``diff``: the new plan), whose language
#: an error says itself in when the error does not know it.
_PLAN = "gevinst.plan"


class _Command(click.Command):
    """A command that leaves its --lang and its plan where the group finds them when an
    error is said."""

    def invoke(self, ctx: click.Context) -> Any:
        ctx.meta[_LANG] = ctx.params.get("lang")
        names = ("plan_path", "source", "new")
        ctx.meta[_PLAN] = next((ctx.params[n] for n in names if ctx.params.get(n)), None)
        return super().invoke(ctx)


def _written_language(path: str | None) -> str | None:
    """The ``language`` the plan file at ``path`` names (YAML or JSON), else None: a
    workbook, or a file that cannot be read."""
    from gevinst.io.plans import decode_text, read_input, written_language

    if path is None or Path(path).suffix.lower() not in (".yaml", ".yml", ".json"):
        return None
    try:
        return written_language(decode_text(read_input(path), path))
    except (OSError, GevinstError):
        return None


def _language(ctx: click.Context, written: str | None = None) -> str:
    """The language of a message: --lang, else ``written`` (the plan's language as its
    error knows it), else the language the command's plan file names, else the
    environment's (:func:`~gevinst.i18n.words.language_for`)."""
    chosen = ctx.meta.get(_LANG)
    if chosen is None and written is None:
        written = _written_language(ctx.meta.get(_PLAN))
    return language_for(chosen, written)


def _said(exc: GevinstError, ctx: click.Context) -> str:
    """The error's message in --lang, else in the plan's language as far as its file
    could be read, else the environment's (:func:`_language`)."""
    return exc.in_language(_language(ctx, getattr(exc, "language", None)))


class _Group(click.Group):
    """Turns gevinst's own errors and file errors into one clear message and exit 1.

    Click's own messages (wrong usage) can quote what the user typed; their control
    characters are made visible like everything else gevinst prints.
    """

    command_class = _Command

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.ClickException as exc:
            _make_visible(exc)
            raise

    def invoke(self, ctx: click.Context) -> Any:
        told: set[str] = set()  # a report's charts may each warn of the same thing

        def show(message: Warning | str, *args: Any, **kwargs: Any) -> None:
            if str(message) not in told:
                told.add(str(message))
                _echo(f"warning: {message}", err=True)

        try:
            with warnings.catch_warnings():
                warnings.showwarning = show  # one line of its own words, no source paths
                return super().invoke(ctx)
        except GevinstError as exc:
            raise _UserError(_said(exc, ctx)) from exc
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise _UserError(f"{where}{exc.strerror or exc}") from exc
        except click.ClickException as exc:
            _make_visible(exc)
            raise


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="gevinst")
def cli() -> None:
    """gevinst: benefit plans (gevinstrealiseringsplaner) as checked graphs."""


# -- check --------------------------------------------------------------------------------


@cli.command()
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
@_output(help="Write the findings as JSON to a .json file, or to stdout with -o -.")
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

    if output not in (None, _STDOUT) and Path(output).suffix.lower() != ".json":
        _fail(f"{output}: check writes JSON; name a .json file, or - for stdout")
    run = check_files(plans, measurements=measurements, select=select, ignore=ignore, language=lang)
    if output is not None or fmt == "json":
        for line in [*run.read, *run.unreadable]:
            _echo(line, err=True)
        _json_out(run.to_json() + "\n", output or _STDOUT)
    else:
        for line in run.read:
            _echo(line)
        for message in run.unreadable:
            _echo(message, err=True)
        for line in run.lines():
            _echo(line)
        _echo(run.summary())
    if run.fails(fail_on):
        raise SystemExit(1)


def _json_out(text: str, output: str) -> None:
    """JSON to stdout (``-o -``, nothing else is printed there) or to a file."""
    from gevinst._files import atomic_write

    if output == _STDOUT:
        _echo(text, nl=False)
    else:
        atomic_write(output, text)
        _echo(f"wrote {output}", err=True)


# -- init ---------------------------------------------------------------------------------


@cli.command()
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
        _fail(f"{target} exists; use --force to overwrite it")
    text = starter_plan(lang)
    loads(text, source=str(target))  # the starter must always be a valid plan
    atomic_write(target, text)
    _echo(f"wrote {target}; next: gevinst check {target}")


# -- trace --------------------------------------------------------------------------------


@cli.command()
@_plan
@click.argument("element")
@click.option("--format", "fmt", type=click.Choice(TRACE_FORMATS), default="text")
@click.option("--lang", type=click.Choice(LANGUAGES), help="Text language (default: the plan's).")
def trace(plan_path: str, element: str, fmt: str, lang: str | None) -> None:
    """Show every path from ELEMENT up to the goals, and down to the measures."""
    from gevinst.analysis.trace_text import trace_text
    from gevinst.io.inputs import load_inputs

    plan = load_inputs(plan_path)
    _echo(trace_text(plan, element, format=fmt, source=plan_path, language=lang))


# -- render -------------------------------------------------------------------------------


@cli.command()
@_plan
@_output(required=True, help=f"Output file: {' '.join(RENDERERS)} (the suffix picks the format).")
@click.option("--focus", metavar="ID", help="Only this element, what feeds it and what it feeds.")
@click.option(
    "--kinds",
    multiple=True,
    metavar="KINDS",
    help="Only these kinds, e.g. measure,benefit,goal (paths through the rest are dotted).",
)
@click.option("--depth", type=click.IntRange(min=0), help="With --focus: at most N steps away.")
@click.option("--group-by", type=click.Choice(["owner", "goal"]), help="Frame groups of elements.")
@click.option("--lang", type=click.Choice(LANGUAGES), help="Label language.")
@click.option("--at", "at", metavar="DATE", help="Colour by status at DATE (YYYY-MM-DD).")
@click.option("--assumptions", is_flag=True, help="Show assumptions as notes.")
@click.option(
    "--measurements",
    type=click.Path(dir_okay=False),
    help="Add measurements from CSV (indicator,date,value[,note]) before --at.",
)
@_theme
@click.option(
    "--page",
    help="A large map prints as A3 pages (the PDF has them all); as PNG: the page "
    "number or goal id to draw (default: 1, the overview), or 'all': MAP-<id>.png each.",
)
@click.option(
    "--paper",
    type=click.Choice(["A3", "A4"], case_sensitive=False),
    default="A3",
    show_default=True,
    help="The landscape sheet a large map prints on (PDF, PNG); on A4 labels wrap "
    "narrower and a page holds fewer boxes, still at 9 pt or more.",
)
def render(
    plan_path: str,
    output: str,
    focus: str | None,
    kinds: tuple[str, ...],
    depth: int | None,
    group_by: str | None,
    lang: str | None,
    at: str | None,
    assumptions: bool,
    measurements: str | None,
    theme: str | None,
    page: str | None,
    paper: str,
) -> None:
    """Draw the benefit map of PLAN to a file (gevinstkart)."""
    from gevinst.io.inputs import load_inputs, refuse_overwrite
    from gevinst.io.theme_file import load_theme
    from gevinst.layout.options import MapOptions
    from gevinst.render import write_map

    look = load_theme(theme) if theme else None
    inputs: dict[str, str | None] = {_ROLE_PLAN: plan_path, _ROLE_MEASUREMENTS: measurements}
    logo = look.logo.path if look and look.logo else None
    refuse_overwrite(output, {**inputs, _ROLE_THEME: theme, _ROLE_LOGO: logo})
    when = _date(at)
    # the options are checked before the plan is read
    options = MapOptions(
        focus=focus,
        kinds=kinds or None,
        depth=depth,
        group_by=group_by,
        language=lang,
        assumptions=assumptions,
        theme=look,
        paper=paper,
    )
    plan = load_inputs(plan_path, measurements=measurements)
    _say_errors(plan_path, plan)
    if when is not None:
        evaluation = _evaluated(plan_path, plan, when, measurements)
        options = dataclasses.replace(options, evaluation=evaluation)
    written = write_map(plan, output, options, page)
    _echo(f"wrote {written}")


# -- report -------------------------------------------------------------------------------


@cli.command()
@_plan
@_output(
    required=True,
    help="Output file: .pptx (council deck), .html or .md (the suffix picks the format).",
)
@click.option("--at", "at", metavar="DATE", help="Evaluate at DATE (YYYY-MM-DD): status, charts.")
@click.option("--lang", type=click.Choice(LANGUAGES), help="Language (default: the plan's).")
@click.option("--measurements", type=click.Path(dir_okay=False), help="Add measurements (CSV).")
@_theme
@click.option(
    "--appendix",
    is_flag=True,
    help="Council deck: add an appendix of everything its 20 slides leave out.",
)
def report(
    plan_path: str,
    output: str,
    at: str | None,
    lang: str | None,
    measurements: str | None,
    theme: str | None,
    appendix: bool,
) -> None:
    """Write a report on PLAN: the council deck, an HTML report or Markdown."""
    from gevinst.io.inputs import load_inputs, refuse_overwrite
    from gevinst.io.theme_file import load_theme
    from gevinst.report import report as run_report

    look = load_theme(theme) if theme else None  # a bad theme fails before any work
    inputs: dict[str, str | None] = {_ROLE_PLAN: plan_path, _ROLE_MEASUREMENTS: measurements}
    logo = look.logo.path if look and look.logo else None
    refuse_overwrite(output, {**inputs, _ROLE_THEME: theme, _ROLE_LOGO: logo})
    when = _date(at)
    plan = load_inputs(plan_path, measurements=measurements)
    try:
        written = run_report(plan, output, at=when, language=lang, theme=look, appendix=appendix)
    except PlanCheckError as exc:  # the report evaluates: errors stop it
        _refused(plan_path, plan, exc, measurements)
    _echo(f"wrote {written}")


# -- evaluate -----------------------------------------------------------------------------


@cli.command()
@_plan
@click.option("--at", "at", metavar="DATE", help="Evaluation date (YYYY-MM-DD); default today.")
@click.option("--measurements", type=click.Path(dir_okay=False), help="Add measurements (CSV).")
@_output(help=f"Write to a file instead: {_TABLES} (the suffix picks the format); - for JSON.")
@click.option("--lang", type=click.Choice(LANGUAGES), help="Language (default: the plan's).")
def evaluate(
    plan_path: str,
    at: str | None,
    measurements: str | None,
    output: str | None,
    lang: str | None,
) -> None:
    """Expected versus realised for PLAN at a date (gevinstevaluering).

    Prints a table of scores, indicators, money and reviews, or writes it to -o FILE.
    """
    from gevinst.io.inputs import load_inputs, refuse_overwrite
    from gevinst.report.tables import json_text, text_table, write, writer_for

    if output is not None and output != _STDOUT:
        writer_for(output)  # an unknown suffix is refused before any work
    refuse_overwrite(output, {_ROLE_PLAN: plan_path, _ROLE_MEASUREMENTS: measurements})
    when = _date(at) or dt.date.today()
    plan = load_inputs(plan_path, measurements=measurements)
    result = _evaluated(plan_path, plan, when, measurements)
    if output is None:
        _echo(text_table(result, lang))
        return
    if output == _STDOUT:
        _echo(json_text(result), nl=False)
        return
    written = write(result, output, lang)
    _echo(f"wrote {written}")


# -- simulate -----------------------------------------------------------------------------


@cli.command()
@_plan
@click.option(
    "--runs",
    type=click.IntRange(1, MAX_RUNS),
    default=10_000,
    show_default=True,
    help="How many runs to draw.",
)
@click.option(
    "--seed",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Seed of the random numbers: the same seed gives the same runs.",
)
@_output(
    help=f"Write to a file instead: {_SIMULATION_FILES} (the suffix picks the format); - for JSON."
)
@click.option("--lang", type=click.Choice(LANGUAGES), help="Language (default: the plan's).")
def simulate(plan_path: str, runs: int, seed: int, output: str | None, lang: str | None) -> None:
    """Monte Carlo simulation of PLAN's money from its [low, most_likely, high] amounts.

    Prints P10, P50, P85, P90 and the mean of the net present value (and of benefits
    and costs), the probability that it is negative, and the amounts that move it most.
    """
    from gevinst.analysis.simulate_text import (
        checked_simulation,
        simulation_json,
        simulation_text,
        write_simulation,
        writer_for,
    )
    from gevinst.io.inputs import load_inputs, refuse_overwrite

    if output is not None and output != _STDOUT:
        writer_for(output)  # an unknown suffix is refused before any work
    refuse_overwrite(output, {_ROLE_PLAN: plan_path})
    plan = load_inputs(plan_path)
    try:
        result = checked_simulation(plan, runs=runs, seed=seed)
    except PlanCheckError as exc:
        _refused(plan_path, plan, exc)
    if output is None:
        _echo(simulation_text(plan, result, lang), nl=False)
        return
    if output == _STDOUT:
        _echo(simulation_json(plan, result, lang), nl=False)
        return
    written = write_simulation(plan, result, output, lang)
    _echo(f"wrote {written}")


# -- stakeholders -------------------------------------------------------------------------


@cli.command()
@_plan
@_output(
    required=True, help=f"Output file: {_CHARTS} (the grid) or {_STAKEHOLDER_TABLES} (the table)."
)
@click.option(
    "--chart",
    type=click.Choice(CHARTS),
    default="grid",
    show_default=True,
    help=f"For {_CHARTS}: the power/interest grid, or who gains and who loses.",
)
@click.option("--lang", type=click.Choice(LANGUAGES), help="Language (default: the plan's).")
def stakeholders(plan_path: str, output: str, chart: str, lang: str | None) -> None:
    """Stakeholder analysis of PLAN: the power/interest grid or the impact matrix as a
    picture, or a table of quadrants, who gains, who loses and who owns what
    (interessentanalyse)."""
    from gevinst.io.inputs import load_inputs, refuse_overwrite
    from gevinst.report.stakeholders import write_stakeholders, writer_for

    writer_for(output)  # an unknown suffix is refused before any work
    refuse_overwrite(output, {_ROLE_PLAN: plan_path})
    written = write_stakeholders(load_inputs(plan_path), output, chart=chart, language=lang)
    _echo(f"wrote {written}")


# -- diff ---------------------------------------------------------------------------------


@cli.command()
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(DIFF_FORMATS)),
    help="Plain text, JSON data or Markdown [default: from the suffix of -o, else text].",
)
@click.option("--lang", type=click.Choice(LANGUAGES), help="Words in this language.")
@_output(help="Write to this file, not the screen; - writes JSON to stdout.")
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
    if output == _STDOUT:
        fmt, output = fmt or "json", None
    text = DIFF_FORMATS[diff_format(fmt, output)](result)
    if output:
        atomic_write(output, text)
        _echo(f"wrote {output}")
    else:
        _echo(text, nl=False)
    if exit_code and result:
        sys.exit(1)


# -- convert ------------------------------------------------------------------------------


@cli.command()
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

    del lang  # the language of an error's message: said where errors are (_Group)

    out = Path(target)
    writer_for(out)  # an unknown suffix is refused before reading a large source
    if not out.parent.is_dir():
        _fail(f"{target}: the folder {out.parent} does not exist; create it first")
    refuse_overwrite(target, {Said("output_role_to_convert"): source})
    plan = load_inputs(source)
    save(plan, out)
    _echo(f"wrote {target}")


# -- impact -------------------------------------------------------------------------------


@cli.command()
@_plan
@click.argument("element")
@click.option(
    "--at", "at", metavar="DATE", help="Also the scores that change at DATE (YYYY-MM-DD)."
)
@click.option("--measurements", type=click.Path(dir_okay=False), help="Add measurements (CSV).")
@_output(help="Write to a file instead: .json .md (the suffix picks the format); - for JSON.")
@click.option("--lang", type=click.Choice(LANGUAGES), help="Language (default: the plan's).")
def impact(
    plan_path: str,
    element: str,
    at: str | None,
    measurements: str | None,
    output: str | None,
    lang: str | None,
) -> None:
    """What PLAN loses without ELEMENT (a measure to stop): the elements that lose all
    support, those that keep other support, the scores that change (with --at) and the
    money as planned: the costs saved and the benefits lost (present values)."""
    from gevinst.analysis.impact_text import (
        checked_impact,
        impact_json,
        impact_text,
        write_impact,
        writer_for,
    )
    from gevinst.io.inputs import load_inputs, refuse_overwrite

    if output is not None and output != _STDOUT:
        writer_for(output)  # an unknown suffix is refused before any work
    refuse_overwrite(output, {_ROLE_PLAN: plan_path, _ROLE_MEASUREMENTS: measurements})
    when = _date(at)
    plan = load_inputs(plan_path, measurements=measurements)
    try:
        result = checked_impact(plan, element, at=when, source=plan_path)
    except PlanCheckError as exc:  # scores need an evaluation: errors stop it
        _refused(plan_path, plan, exc, measurements)
    if output is None:
        _echo(impact_text(plan, result, language=lang), nl=False)
    elif output == _STDOUT:
        _echo(impact_json(plan, result, language=lang), nl=False)
    else:
        _echo(f"wrote {write_impact(plan, result, output, lang)}")


# -- workshop -----------------------------------------------------------------------------


@cli.command()
@_plan
@click.option("--new", "new", is_flag=True, help="Start PLAN from the starter plan (gevinst init).")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=0, help="Port (default: any free one)."
)
@click.option("--no-browser", is_flag=True, help="Print the link only; do not open a browser.")
@click.option("--lang", type=click.Choice(LANGUAGES), help="Page language (default: the plan's).")
def workshop(plan_path: str, new: bool, port: int, no_browser: bool, lang: str | None) -> None:
    """Edit PLAN in the browser: the map, its checks, every edit saved to PLAN.

    Serves on 127.0.0.1 only; the printed link carries a secret token. Ctrl-C stops.
    Needs the extra: pip install 'gevinst[workshop]'.
    """
    from gevinst.workshop import INSTALL_HINT
    from gevinst.workshop.document import refusal

    target = Path(plan_path)
    reason = refusal(target)
    if reason is not None:
        _fail(reason)
    if new:
        from gevinst._files import atomic_write
        from gevinst.io.starter import starter_plan

        if target.exists():
            _fail(f"{target} exists; leave out --new to open it")
        if target.suffix.lower() == ".json":
            _fail("--new writes a YAML plan; name it .yaml")
        atomic_write(target, starter_plan(lang or "nb", target.name))
    elif not target.is_file():
        _fail(f"{target}: no such file; use --new to start it from the starter plan")
    try:
        from gevinst.workshop.server import serve
    except ImportError as exc:
        raise _UserError(f"{INSTALL_HINT} ({exc.name} is missing)") from exc

    def ready(url: str) -> None:
        _echo(f"workshop on {url}  (Ctrl-C stops)")
        if not no_browser:
            import webbrowser

            webbrowser.open(url)

    serve(target, port=port, language=lang, on_ready=ready)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``gevinst`` command."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="gevinst")


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
