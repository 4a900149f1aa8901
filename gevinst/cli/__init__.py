"""The ``gevinst`` command line: parse, call the library, print.

Exit codes: 0 success; 1 the input is bad or a check found errors (one clear message,
never a traceback); 2 wrong usage. A command that fails writes no output file and
leaves an existing one untouched (every write goes through ``atomic_write``).

The commands live by what they work on: plan files (:mod:`gevinst.cli.plans`), the
map (:mod:`gevinst.cli.maps`), what a plan achieves (:mod:`gevinst.cli.reports`) and
the workshop (:mod:`gevinst.cli.editor`); what they share is in
:mod:`gevinst.cli.common`.
"""

from __future__ import annotations

from collections.abc import Sequence

import click

from gevinst.cli.common import Group
from gevinst.cli.editor import workshop
from gevinst.cli.maps import impact, render, trace
from gevinst.cli.plans import check, convert, diff, init
from gevinst.cli.reports import evaluate, report, simulate, stakeholders


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="gevinst")
def cli() -> None:
    """gevinst: benefit plans (gevinstrealiseringsplaner) as checked graphs."""


for _command in (
    check,
    init,
    trace,
    render,
    report,
    evaluate,
    simulate,
    stakeholders,
    diff,
    convert,
    impact,
    workshop,
):
    cli.add_command(_command)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``gevinst`` command."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="gevinst")
