"""The stakeholder analysis of a plan written to a file; the suffix picks the form.

suffix              what
``.csv`` ``.md``    the table: quadrants, who gains, who loses, who owns what
``.png`` ``.svg`` ``.pdf``  a chart: the power/interest grid, or who gains and who loses

Examples:
    >>> sorted(WRITERS)
    ['.csv', '.md', '.pdf', '.png', '.svg']
    >>> writer_for("grid.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    gevinst.errors.FormatError: grid.txt: cannot write a stakeholder analysis as .txt; use ...
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gevinst.analysis.stakeholders import to_csv, to_markdown
from gevinst.charts.figure import FORMATS as CHART_FORMATS
from gevinst.model import Plan

__all__ = ["CHARTS", "WRITERS", "write_stakeholders", "writer_for"]

#: The charts of the analysis, by name.
CHARTS = ("grid", "impacts")

Writer = Callable[[Plan, str, str | None], str | bytes]


def _chart(fmt: str) -> Writer:
    def write(plan: Plan, chart: str, language: str | None) -> bytes:
        from gevinst.charts.figure import figure_bytes
        from gevinst.charts.stakeholders import impact_chart, stakeholder_chart

        draw = impact_chart if chart == "impacts" else stakeholder_chart
        return figure_bytes(draw(plan, language=language), fmt)

    return write


#: Output suffix -> writer (plan, chart, language) of the file's text or bytes.
WRITERS: dict[str, Writer] = {
    ".csv": lambda plan, _chart, language: to_csv(plan, language),
    ".md": lambda plan, _chart, language: to_markdown(plan, language),
    **{f".{fmt}": _chart(fmt) for fmt in CHART_FORMATS},
}


def writer_for(path: str | Path) -> Writer:
    """The writer for the suffix of ``path``.

    Raises:
        FormatError: an unknown suffix (the message lists the known ones).
    """
    from gevinst._files import by_suffix
    from gevinst.errors import Said

    return by_suffix(WRITERS, path, Said("format_a_stakeholder_analysis"))


def write_stakeholders(
    plan: Plan, path: str | Path, *, chart: str = "grid", language: str | None = None
) -> Path:
    """Write the stakeholder analysis of ``plan`` to ``path``, atomically: the table
    (.csv, .md) or the chart named ``chart`` (.png, .svg, .pdf; see :data:`CHARTS`).

    Raises:
        FormatError: an unknown suffix (the message lists the known ones).
        PersonalDataError: the plan holds a national identity number (GV201).
    """
    from gevinst._files import atomic_write

    target = Path(path)
    atomic_write(target, writer_for(target)(plan, chart, language))
    return target
