"""The commands on the benefit map of a plan: draw it (``render``), follow an element
along it up to the goals and down to the measures (``trace``), and what falls away
without an element (``impact``)."""

from __future__ import annotations

import dataclasses

import click

from gevinst.analysis.trace_text import FORMATS as TRACE_FORMATS
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
    say_errors,
    theme_option,
)
from gevinst.errors import PlanCheckError
from gevinst.i18n.words import LANGUAGES
from gevinst.render import RENDERERS

# -- trace --------------------------------------------------------------------------------


@click.command(cls=Command)
@plan_argument
@click.argument("element")
@click.option("--format", "fmt", type=click.Choice(TRACE_FORMATS), default="text")
@click.option("--lang", type=click.Choice(LANGUAGES), help="Text language (default: the plan's).")
def trace(plan_path: str, element: str, fmt: str, lang: str | None) -> None:
    """Show every path from ELEMENT up to the goals, and down to the measures."""
    from gevinst.analysis.trace_text import trace_text
    from gevinst.io.inputs import load_inputs

    plan = load_inputs(plan_path)
    echo(trace_text(plan, element, format=fmt, source=plan_path, language=lang))


# -- render -------------------------------------------------------------------------------


@click.command(cls=Command)
@plan_argument
@output_option(
    required=True, help=f"Output file: {' '.join(RENDERERS)} (the suffix picks the format)."
)
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
@theme_option
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
    inputs: dict[str, str | None] = {ROLE_PLAN: plan_path, ROLE_MEASUREMENTS: measurements}
    logo = look.logo.path if look and look.logo else None
    refuse_overwrite(output, {**inputs, ROLE_THEME: theme, ROLE_LOGO: logo})
    when = at_date(at)
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
    say_errors(plan_path, plan)
    if when is not None:
        evaluation = evaluated(plan_path, plan, when, measurements)
        options = dataclasses.replace(options, evaluation=evaluation)
    written = write_map(plan, output, options, page)
    echo(f"wrote {written}")


# -- impact -------------------------------------------------------------------------------


@click.command(cls=Command)
@plan_argument
@click.argument("element")
@click.option(
    "--at", "at", metavar="DATE", help="Also the scores that change at DATE (YYYY-MM-DD)."
)
@click.option("--measurements", type=click.Path(dir_okay=False), help="Add measurements (CSV).")
@output_option(help="Write to a file instead: .json .md (the suffix picks the format); - for JSON.")
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

    if output is not None and output != STDOUT:
        writer_for(output)  # an unknown suffix is refused before any work
    refuse_overwrite(output, {ROLE_PLAN: plan_path, ROLE_MEASUREMENTS: measurements})
    when = at_date(at)
    plan = load_inputs(plan_path, measurements=measurements)
    try:
        result = checked_impact(plan, element, at=when, source=plan_path)
    except PlanCheckError as exc:  # scores need an evaluation: errors stop it
        refused(plan_path, plan, exc, measurements)
    if output is None:
        echo(impact_text(plan, result, language=lang), nl=False)
    elif output == STDOUT:
        echo(impact_json(plan, result, language=lang), nl=False)
    else:
        echo(f"wrote {write_impact(plan, result, output, lang)}")
