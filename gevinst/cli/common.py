"""What every command of the ``gevinst`` command line shares: its options, its printing,
and its errors said once, in the plan's language.

A user's mistake is one message on stderr and exit 1 (:class:`UserError`), never a
traceback; the group (:class:`Group`) turns gevinst's own errors and file errors into
such a message, in --lang, else the language of the command's plan, else the
environment's.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from gevinst.errors import GevinstError, PlanCheckError, Said
from gevinst.i18n.words import language_for
from gevinst.i18n.words import visible_controls as terminal_safe

if TYPE_CHECKING:
    from gevinst.analysis.evaluate import Evaluation
    from gevinst.model import Plan

_F = TypeVar("_F", bound=Callable[..., Any])


plan_argument = click.argument("plan_path", metavar="PLAN", type=click.Path(dir_okay=False))


def output_option(*, help: str, required: bool = False) -> Callable[[_F], _F]:
    """The -o/--output option: a file, its suffix picks the format."""
    return click.option(
        "-o", "--output", required=required, type=click.Path(dir_okay=False), help=help
    )


#: ``-o -``: the JSON goes to stdout, and nothing else does.
STDOUT = "-"

#: The inputs an output must not be (:func:`~gevinst.io.inputs.refuse_overwrite`).
ROLE_PLAN = Said("output_role_plan")
ROLE_MEASUREMENTS = Said("output_role_measurements")
ROLE_THEME = Said("output_role_theme")
ROLE_LOGO = Said("output_role_logo")

theme_option = click.option(
    "--theme",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="A theme file (YAML): font, logo and colours of kinds and statuses.",
)


def fail(message: str) -> None:
    raise UserError(message)


def echo(text: str = "", *, err: bool = False, nl: bool = True) -> None:
    """Print to the terminal: everything gevinst prints goes through here."""
    click.echo(terminal_safe(text), err=err, nl=nl)


def at_date(value: str | None) -> dt.date | None:
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
        fail(Said("at_after_last", what="--at", day=value, last=LAST_DATE).in_language(language))
    return day


def refused(
    plan_path: str, plan: Plan, exc: PlanCheckError, measurements: str | None = None
) -> NoReturn:
    """Say which errors keep PLAN from being evaluated, at their places in the file."""
    from gevinst.analysis.findings import refusal_message

    language = click.get_current_context().meta.get(_LANG)  # --lang, where given
    raise UserError(refusal_message(plan_path, plan, exc, measurements, language)) from exc


def evaluated(plan_path: str, plan: Plan, when: dt.date, measurements: str | None) -> Evaluation:
    """The evaluation of PLAN at ``when``; a plan with check errors is refused."""
    from gevinst.analysis.evaluate import evaluate

    try:
        return evaluate(plan, at=when)
    except PlanCheckError as exc:
        refused(plan_path, plan, exc, measurements)


def say_errors(plan_path: str, plan: Plan) -> None:
    """Say on stderr, like a linter, which check errors the map of the plan carries."""
    from gevinst.analysis.findings import error_lines

    language = click.get_current_context().meta.get(_LANG)
    for line in error_lines(plan_path, plan, language=language):
        echo(line, err=True)


class UserError(click.ClickException):
    """A user's mistake: one message, exit code 1, no traceback."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        echo(f"error: {self.format_message()}", err=True)


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


class Command(click.Command):
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


class Group(click.Group):
    """Turns gevinst's own errors and file errors into one clear message and exit 1.

    Click's own messages (wrong usage) can quote what the user typed; their control
    characters are made visible like everything else gevinst prints.
    """

    command_class = Command

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
                echo(f"warning: {message}", err=True)

        try:
            with warnings.catch_warnings():
                warnings.showwarning = show  # one line of its own words, no source paths
                return super().invoke(ctx)
        except GevinstError as exc:
            raise UserError(_said(exc, ctx)) from exc
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise UserError(f"{where}{exc.strerror or exc}") from exc
        except click.ClickException as exc:
            _make_visible(exc)
            raise
