"""``gevinst simulate``: a simulation as the terminal shows it, and as JSON, CSV or Markdown.

The figures are those of :class:`~gevinst.analysis.simulate.Simulation`; this module
only words and formats them, in the plan's language or the one asked for.

Examples:
    >>> import gevinst as gv
    >>> plan = gv.load("examples/bergen_barnevern/plan.yaml")
    >>> text = simulation_text(plan, gv.simulate(plan, runs=100), "en")
    >>> text.splitlines()[0]
    'Simulation of «Smidige metoder i barnevernet» (ebf-smidig)'
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from gevinst._files import atomic_write, by_suffix
from gevinst.analysis.simulate import OF, Driver, Simulation, simulate
from gevinst.errors import Said
from gevinst.i18n.formats import (
    format_money,
    format_number,
    format_percent,
    format_quantity,
    format_rate,
)
from gevinst.i18n.markdown import markdown_escape, markdown_table
from gevinst.i18n.words import t
from gevinst.io.cells import csv_text
from gevinst.model import Plan

__all__ = [
    "DRIVERS_SHOWN",
    "PERCENTILES",
    "WRITERS",
    "checked_simulation",
    "simulation_csv",
    "simulation_json",
    "simulation_markdown",
    "simulation_text",
    "write_simulation",
    "writer_for",
]

#: The percentiles shown: P50 is the budget's figure and P85 the cost frame's in the
#: state's quality assurance; P10 and P90 mark the range of likely outcomes.
PERCENTILES = (10, 50, 85, 90)
#: How many of the amounts that move the net present value most are shown.
DRIVERS_SHOWN = 5

#: A figure's row label, by the ``of`` of :data:`OF`.
_LABELS = {"benefits": "sim_benefits", "costs": "costs", "net": "sim_net"}
#: An amount's field as a word.
_FIELDS = {"value.annual": "annual_value", "cost.one_off": "one_off", "cost.annual": "annual_cost"}


def checked_simulation(plan: Plan, runs: int = 10_000, seed: int = 0) -> Simulation:
    """:func:`~gevinst.analysis.simulate.simulate` of a plan without check errors.

    Raises:
        PlanCheckError: ``gv.check(plan)`` finds errors (as an evaluation refuses them).
        ValueError, PlanError: as :func:`~gevinst.analysis.simulate.simulate`.
    """
    from gevinst.analysis.checks import refuse_errors

    refuse_errors(plan, "simulated")
    return simulate(plan, runs=runs, seed=seed)


def _language(plan: Plan, language: str | None) -> str:
    return language or plan.info.language


def _heading(plan: Plan, sim: Simulation, lang: str) -> list[str]:
    return [
        t("sim_heading", lang).format(title=plan.title, id=plan.id),
        t("sim_settings", lang).format(
            runs=format_number(sim.runs, lang),
            seed=sim.seed,
            correlation=format_quantity(sim.correlation, lang),
            rate=format_rate(sim.discount_rate, lang),
            uncertain=format_number(sim.uncertain, lang),
        ),
    ]


def _figure_rows(sim: Simulation, lang: str) -> tuple[list[str], list[list[str]]]:
    header = [
        t("present_value_total", lang),
        t("planned", lang),
        t("sim_mean", lang),
        *(f"P{p}" for p in PERCENTILES),
    ]
    rows = [
        [
            t(_LABELS[of], lang),
            *(
                format_number(v, lang)
                for v in (
                    sim.planned[of],
                    sim.mean(of),
                    *(sim.percentile(p, of) for p in PERCENTILES),
                )
            ),
        ]
        for of in OF
    ]
    return header, rows


def _negative(sim: Simulation, lang: str) -> str:
    share = format_percent(sim.probability_below(0.0, "net"), lang, 1)
    return t("sim_negative", lang).format(share=share)


def _driver(driver: Driver, currency: str, lang: str) -> str:
    return t("sim_driver", lang).format(
        name=driver.name,
        id=driver.id,
        field=t(_FIELDS[driver.field], lang),
        low=format_money(driver.low, currency, lang),
        high=format_money(driver.high, currency, lang),
    )


def _aligned(header: list[str], rows: list[list[str]]) -> list[str]:
    """A plain text table: the first column left, the numbers right."""
    table = [header, *rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    return [
        "  ".join(
            cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)
        ).rstrip()
        for row in table
    ]


def simulation_text(plan: Plan, sim: Simulation, language: str | None = None) -> str:
    """What ``gevinst simulate`` prints: settings, P10 to P90 and mean of benefits, costs
    and net present value, the probability of a loss, the amounts that move it most."""
    lang = _language(plan, language)
    lines = _heading(plan, sim, lang)
    if not sim.uncertain:
        lines.append(t("sim_no_ranges", lang))
    lines += ["", t("amounts_in", lang).format(unit=sim.currency)]
    lines += _aligned(*_figure_rows(sim, lang))
    lines += ["", _negative(sim, lang)]
    if sim.drivers:
        lines += ["", t("sim_drivers", lang)]
        lines += [f"  {_driver(d, sim.currency, lang)}" for d in sim.drivers[:DRIVERS_SHOWN]]
    return "\n".join(lines) + "\n"


def simulation_markdown(plan: Plan, sim: Simulation, language: str | None = None) -> str:
    """The simulation as a Markdown section: settings, the figures and the drivers as
    tables."""
    lang = _language(plan, language)
    heading, settings = _heading(plan, sim, lang)
    lines = [f"# {markdown_escape(heading)}", "", markdown_escape(settings), ""]
    if not sim.uncertain:
        lines += [markdown_escape(t("sim_no_ranges", lang)), ""]
    header, rows = _figure_rows(sim, lang)
    lines += [t("amounts_in", lang).format(unit=sim.currency), ""]
    lines += markdown_table(header, rows, right=range(1, len(header)))
    lines += ["", markdown_escape(_negative(sim, lang))]
    if sim.drivers:
        lines += ["", markdown_escape(t("sim_drivers", lang)), ""]
        lines += markdown_table(
            [t("element", lang), t("sim_field", lang), t("sim_at_low", lang),
             t("sim_at_high", lang), t("sim_swing", lang)],
            [
                [f"{d.name} ({d.id})", t(_FIELDS[d.field], lang),
                 *(format_number(v, lang) for v in (d.low, d.high, d.swing))]
                for d in sim.drivers[:DRIVERS_SHOWN]
            ],
            right={2, 3, 4},
        )  # fmt: skip
    return "\n".join(lines) + "\n"


def simulation_json(plan: Plan, sim: Simulation, language: str | None = None) -> str:
    """:meth:`Simulation.summary` as JSON (keys and numbers, no words: any language)."""
    return json.dumps(sim.summary(), indent=2, ensure_ascii=False) + "\n"


def simulation_csv(plan: Plan, sim: Simulation, language: str | None = None) -> str:
    """One row per run: ``run,benefits,costs,net`` (present values, the run from 1)."""
    columns = [sim.values(of) for of in OF]
    rows = ([i + 1, *(float(c[i]) for c in columns)] for i in range(sim.runs))
    return csv_text(["run", *OF], rows)


#: Output suffix -> the text of a simulation in that format.
WRITERS: dict[str, Callable[[Plan, Simulation, str | None], str]] = {
    ".csv": simulation_csv,
    ".json": simulation_json,
    ".md": simulation_markdown,
}


def writer_for(path: str | Path) -> Callable[[Plan, Simulation, str | None], str]:
    """The writer of :data:`WRITERS` for the suffix of ``path``.

    Raises:
        FormatError: an unknown suffix (the message lists the known ones).
    """
    return by_suffix(WRITERS, path, Said("format_a_simulation"))


def write_simulation(
    plan: Plan, sim: Simulation, path: str | Path, language: str | None = None
) -> Path:
    """Write ``sim`` to ``path`` in the format of its suffix (:data:`WRITERS`)."""
    text = writer_for(path)(plan, sim, language)
    return atomic_write(path, text)
