"""The commands on what a plan achieves: expected versus realised at a date
(``evaluate``), the spread of its money (``simulate``), its stakeholders
(``stakeholders``), and the documents of all of it (``report``)."""

from __future__ import annotations

import datetime as dt

import click

from gevinst.analysis.simulate import MAX_RUNS
from gevinst.analysis.simulate_text import WRITERS as SIMULATION_WRITERS
from gevinst.charts.figure import FORMATS as CHART_FORMATS
from gevinst.cli.common import (
    ROLE_LOGO,
    ROLE_MEASUREMENTS,
    ROLE_PLAN,
    ROLE_THEME,
    STDOUT,
    Command,
    at_date,
    echo,
    evaluated,
    output_option,
    plan_argument,
    refused,
    theme_option,
)
from gevinst.errors import PlanCheckError
from gevinst.i18n.words import LANGUAGES
from gevinst.report.stakeholders import CHARTS
from gevinst.report.stakeholders import WRITERS as STAKEHOLDER_WRITERS
from gevinst.report.tables import WRITERS as TABLE_WRITERS

_CHARTS = " ".join(f".{fmt}" for fmt in CHART_FORMATS)
_TABLES = " ".join(sorted(TABLE_WRITERS))
_SIMULATION_FILES = " ".join(SIMULATION_WRITERS)
_STAKEHOLDER_TABLES = " ".join(s for s in STAKEHOLDER_WRITERS if s[1:] not in CHART_FORMATS)


# -- report -------------------------------------------------------------------------------


@click.command(cls=Command)
@plan_argument
@output_option(
    required=True,
    help="Output file: .pptx (council deck), .html or .md (the suffix picks the format).",
)
@click.option("--at", "at", metavar="DATE", help="Evaluate at DATE (YYYY-MM-DD): status, charts.")
@click.option("--lang", type=click.Choice(LANGUAGES), help="Language (default: the plan's).")
@click.option("--measurements", type=click.Path(dir_okay=False), help="Add measurements (CSV).")
@theme_option
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
    inputs: dict[str, str | None] = {ROLE_PLAN: plan_path, ROLE_MEASUREMENTS: measurements}
    logo = look.logo.path if look and look.logo else None
    refuse_overwrite(output, {**inputs, ROLE_THEME: theme, ROLE_LOGO: logo})
    when = at_date(at)
    plan = load_inputs(plan_path, measurements=measurements)
    try:
        written = run_report(plan, output, at=when, language=lang, theme=look, appendix=appendix)
    except PlanCheckError as exc:  # the report evaluates: errors stop it
        refused(plan_path, plan, exc, measurements)
    echo(f"wrote {written}")


# -- evaluate -----------------------------------------------------------------------------


@click.command(cls=Command)
@plan_argument
@click.option("--at", "at", metavar="DATE", help="Evaluation date (YYYY-MM-DD); default today.")
@click.option("--measurements", type=click.Path(dir_okay=False), help="Add measurements (CSV).")
@output_option(
    help=f"Write to a file instead: {_TABLES} (the suffix picks the format); - for JSON."
)
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

    if output is not None and output != STDOUT:
        writer_for(output)  # an unknown suffix is refused before any work
    refuse_overwrite(output, {ROLE_PLAN: plan_path, ROLE_MEASUREMENTS: measurements})
    when = at_date(at) or dt.date.today()
    plan = load_inputs(plan_path, measurements=measurements)
    result = evaluated(plan_path, plan, when, measurements)
    if output is None:
        echo(text_table(result, lang))
        return
    if output == STDOUT:
        echo(json_text(result), nl=False)
        return
    written = write(result, output, lang)
    echo(f"wrote {written}")


# -- simulate -----------------------------------------------------------------------------


@click.command(cls=Command)
@plan_argument
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
@output_option(
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

    if output is not None and output != STDOUT:
        writer_for(output)  # an unknown suffix is refused before any work
    refuse_overwrite(output, {ROLE_PLAN: plan_path})
    plan = load_inputs(plan_path)
    try:
        result = checked_simulation(plan, runs=runs, seed=seed)
    except PlanCheckError as exc:
        refused(plan_path, plan, exc)
    if output is None:
        echo(simulation_text(plan, result, lang), nl=False)
        return
    if output == STDOUT:
        echo(simulation_json(plan, result, lang), nl=False)
        return
    written = write_simulation(plan, result, output, lang)
    echo(f"wrote {written}")


# -- stakeholders -------------------------------------------------------------------------


@click.command(cls=Command)
@plan_argument
@output_option(
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
    refuse_overwrite(output, {ROLE_PLAN: plan_path})
    written = write_stakeholders(load_inputs(plan_path), output, chart=chart, language=lang)
    echo(f"wrote {written}")
