"""The uncertainty part: the simulation of the plan's money as percentiles, the
amounts that move it most, and what it says in plain sentences.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from gevinst.i18n.formats import format_number

if TYPE_CHECKING:
    from gevinst.analysis.simulate import Driver
    from gevinst.report.content.core import ReportCore

__all__ = [
    "UncertaintyRow",
    "drivers",
    "field_word",
    "uncertainty_basis",
    "uncertainty_rows",
    "uncertainty_sentences",
]


@dataclass(frozen=True)
class UncertaintyRow:
    """Benefits, costs or net (``of``) as planned and as simulated: P10, P50, P85, P90
    and the mean of the present value over the runs."""

    of: str
    label: str
    planned: float
    p10: float
    p50: float
    p85: float
    p90: float
    mean: float


def uncertainty_rows(data: ReportCore) -> list[UncertaintyRow]:
    """Benefits, costs and net: planned, P10, P50, P85, P90 and mean (none without
    ranges)."""
    sim = data.simulation()
    if sim is None:
        return []
    labels = {"benefits": "benefits_pv", "costs": "costs_pv", "net": "net_pv"}
    return [
        UncertaintyRow(
            of=of,
            label=data.phrase(key),
            planned=sim.planned[of],
            p10=sim.percentile(10, of),
            p50=sim.percentile(50, of),
            p85=sim.percentile(85, of),
            p90=sim.percentile(90, of),
            mean=sim.mean(of),
        )
        for of, key in labels.items()
    ]


def drivers(data: ReportCore, top: int = 10) -> list[Driver]:
    """The ``top`` amounts that move net present value most (largest swing first)."""
    sim = data.simulation()
    return [] if sim is None else list(sim.drivers[:top])


def field_word(data: ReportCore, field_name: str) -> str:
    """An amount's field in words: ``Årlig verdi``, ``Engangskostnad``, ``Årlig kostnad``."""
    from gevinst.charts.uncertainty import FIELD_WORDS

    return data.word(FIELD_WORDS.get(field_name, field_name))


def uncertainty_sentences(data: ReportCore) -> list[str]:
    """What the simulation says, in plain sentences (amounts in millions): P50 and
    P15 of net, P85 of the costs, the chance of a negative net, the planned net."""
    from gevinst.charts.uncertainty import chance_text
    from gevinst.i18n.formats import format_money

    sim = data.simulation()
    if sim is None:
        return []

    def money(value: float) -> str:
        return format_money(value, sim.currency, data.language, True)

    return [
        data.phrase("unc_p50", value=money(sim.percentile(50))),
        data.phrase("unc_net_85", value=money(sim.percentile(15))),
        data.phrase("unc_costs_85", value=money(sim.percentile(85, "costs"))),
        data.phrase("unc_negative", value=chance_text(sim.probability_below(0.0), data.language)),
        data.phrase("unc_planned", value=money(sim.planned["net"])),
    ]


def uncertainty_basis(data: ReportCore) -> str:
    """Runs, uncertain amounts, correlation and seed, in one sentence."""
    sim = data.simulation()
    if sim is None:
        return ""
    return data.phrase(
        "unc_basis",
        runs=format_number(sim.runs, data.language),
        uncertain=sim.uncertain,
        correlation=format_number(sim.correlation, data.language, 1),
        seed=sim.seed,
    )
