"""What a report is about and how it writes: the part of
:class:`~gevinst.report.content.ReportData` that every section of a report uses.

The section modules (:mod:`.status`, :mod:`.money`, ...) make their rows from a
:class:`ReportCore`; :class:`~gevinst.report.content.ReportData` adds each section's
rows as methods, so the sections never need the package that gathers them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Self

from gevinst.i18n.formats import format_date, format_number
from gevinst.i18n.words import t
from gevinst.theme import DEFAULT_THEME, Theme

if TYPE_CHECKING:
    from gevinst.analysis.evaluate import Evaluation
    from gevinst.analysis.money import Money
    from gevinst.analysis.simulate import Simulation
    from gevinst.analysis.stakeholders import StakeholderRow
    from gevinst.model import Plan

__all__ = ["SIMULATION_RUNS", "SIMULATION_SEED", "ReportCore"]

#: The simulation behind every report's uncertainty part: runs and seed (same plan,
#: same numbers).
SIMULATION_RUNS = 10_000
SIMULATION_SEED = 0


@dataclass
class ReportCore:
    """What a report is about (the plan, its evaluation, the language, the money, the
    look) and the words, numbers and dates every section writes with."""

    plan: Plan
    evaluation: Evaluation | None
    language: str
    money: Money
    #: The look (font, logo, colours of kinds and statuses) of every part of the report.
    theme: Theme = field(default=DEFAULT_THEME, repr=False)
    _names: dict[str, str] = field(default_factory=dict, repr=False)
    #: The simulation once computed (one item; ``None`` in it for a plan without
    #: ranges), shared with a copy of the report made by :meth:`sharing_simulation`.
    _simulation: list[Simulation | None] = field(default_factory=list, repr=False)
    #: The council deck adds its appendix (every map part, table and chart that the
    #: main story of at most 20 slides leaves out).
    appendix: bool = False

    @property
    def at(self) -> dt.date | None:
        """The evaluation date, or ``None`` for a report of the plan alone."""
        return self.evaluation.at if self.evaluation is not None else None

    def word(self, key: str) -> str:
        """One word from :func:`gevinst.i18n.words.t` in the report's language."""
        return t(key, self.language)

    def phrase(self, key: str, **fields: object) -> str:
        """A sentence of :data:`gevinst.i18n.words.WORDS` in the report's language, its
        ``{fields}`` filled in."""
        text = t(key, self.language)
        return text.format(**fields) if fields else text

    def number(self, value: float | None, decimals: int | None = None) -> str:
        """A number in the reader's style; decimals as needed when not given."""
        if value is None:
            return "–"
        if decimals is None:
            decimals = 0 if float(value).is_integer() else 1
        return format_number(value, self.language, decimals)

    def date(self, day: dt.date | None, short: bool = False) -> str:
        """A date as the reader writes it (``1. oktober 2025``)."""
        return "–" if day is None else format_date(day, self.language, short=short)

    def status_word(self, status: str | None) -> str:
        """The status in words; an en dash for none."""
        return t(status, self.language) if status else "–"

    def name_of(self, id: str) -> str:
        """The name of an element or stakeholder, or the id itself."""
        if not self._names:
            self._names.update({s.id: s.name for s in self.plan.stakeholders})
            self._names.update({e.id: e.name for e in self.plan.elements()})
            self._names.update({i.id: i.name for i in self.plan.indicators})
        return self._names.get(id, id)

    @property
    def subtitle(self) -> str:
        """Organisation, the plan's owner (gevinstansvarlig) and, when evaluated, the
        date: one line under the title."""
        parts = []
        if self.plan.info.organisation:
            parts.append(self.plan.info.organisation)
        if self.plan.info.owner:
            parts.append(f"{self.word('plan_owner')}: {self.name_of(self.plan.info.owner)}")
        if self.at is not None:
            parts.append(f"{self.word('evaluated_at')} {self.date(self.at)}")
        return " · ".join(parts)

    def counts(self) -> str:
        """How many elements of each kind, in one line."""
        plan = self.plan
        return self.phrase(
            "counts",
            measures=len(plan.measures),
            benefits=len(plan.benefits),
            disbenefits=len(plan.disbenefits),
            objectives=len(plan.objectives),
            goals=len(plan.goals),
        )

    def quadrants(self) -> dict[str, list[StakeholderRow]]:
        """The power/interest grid (:func:`gevinst.analysis.stakeholders.grid`)."""
        from gevinst.analysis.stakeholders import grid

        return grid(self.plan)

    def has_ranges(self) -> bool:
        """True when some amount of the plan is a range ``[low, most_likely, high]``."""
        return any(amount.ranged for _, _, amount in self.plan.amounts())

    def simulation(self) -> Simulation | None:
        """The simulation of the plan's money (:data:`SIMULATION_RUNS` runs, seed
        :data:`SIMULATION_SEED`), computed once per report and shared by every part of
        it; ``None`` for a plan without ranges (its reports have no uncertainty part)."""
        if not self._simulation:
            result = None
            if self.has_ranges():
                from gevinst.analysis.simulate import simulate

                result = simulate(self.plan, runs=SIMULATION_RUNS, seed=SIMULATION_SEED)
            self._simulation.append(result)
        return self._simulation[0]

    def sharing_simulation(self, other: ReportCore) -> Self:
        """This report, using ``other``'s simulation (the same plan's money, with texts
        cleaned), so that it is computed once, and ``other``'s theme."""
        self._simulation = other._simulation
        self.theme = other.theme
        return self
