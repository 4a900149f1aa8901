"""The risk table: each benefit's and dis-benefit's risk profile and realisation
measures (DFØ), as rows and as a table of text the writers lay out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gevinst.report.content.core import ReportCore

__all__ = [
    "RiskRow",
    "TextRow",
    "TextTable",
    "risk_rows",
    "risk_table",
]


@dataclass(frozen=True)
class RiskRow:
    """One benefit or dis-benefit's risk profile and realisation measures (DFØ)."""

    id: str
    name: str
    risk: str
    description: str
    response: str
    realisation: tuple[str, ...]


@dataclass(frozen=True)
class TextRow:
    """A row of a :class:`TextTable`: the id of the element it is about, and its cells."""

    id: str
    cells: tuple[str, ...]


@dataclass(frozen=True)
class TextTable:
    """A table as text in the report's language, for each writer to lay out as it
    lays out tables: the headings and the rows."""

    header: tuple[str, ...]
    rows: tuple[TextRow, ...]


def risk_rows(data: ReportCore) -> list[RiskRow]:
    """The benefits and dis-benefits that have a risk level, a risk description or
    response, or realisation measures, in plan order (none: no such part)."""
    rows = []
    for element in [*data.plan.benefits, *data.plan.disbenefits]:
        if not (
            element.risk or element.risk_description or element.risk_response or element.realisation
        ):
            continue
        rows.append(
            RiskRow(
                id=element.id,
                name=element.name,
                risk=data.word(element.risk) if element.risk else "",
                description=element.risk_description or "",
                response=element.risk_response or "",
                realisation=tuple(element.realisation),
            )
        )
    return rows


def risk_table(data: ReportCore, separator: str = "; ") -> TextTable:
    """The rows of :func:`risk_rows` as the reports show them: the benefit's id and
    name, its risk, the description, the response and the realisation measures
    joined by ``separator`` (a line break in a slide's cell); ``–`` where one is
    not given.

    >>> import gevinst as gv
    >>> from gevinst.report.content import report_data
    >>> plan = gv.Plan.new("p", "Plan")
    >>> _ = plan.add_benefit("B1", "Raskere svar", risk="high", realisation=["A", "B"])
    >>> table = report_data(plan).risk_table()
    >>> table.header[:3]
    ('Gevinst', 'Risiko', 'Risikobeskrivelse')
    >>> table.rows[0]
    TextRow(id='B1', cells=('B1 Raskere svar', 'Stor', '–', '–', 'A; B'))
    """
    keys = ("benefit", "risk", "risk_description", "risk_response", "realisation")
    rows = (
        TextRow(
            r.id,
            (
                f"{r.id} {r.name}",
                r.risk or "–",
                r.description or "–",
                r.response or "–",
                separator.join(r.realisation) or "–",
            ),
        )
        for r in risk_rows(data)
    )
    return TextTable(tuple(data.word(key) for key in keys), tuple(rows))
