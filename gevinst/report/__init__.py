"""Reports made of several parts: the council deck, the HTML report, Markdown.

:func:`report` picks a writer from the output file's suffix (:data:`REPORTS`), builds
the whole file in memory and only then writes it (atomically), so a failed report
writes nothing and leaves an existing file untouched.

========= ==========================================================================
suffix    what
========= ==========================================================================
``.pptx`` the council deck: map as editable shapes, status table, native charts,
          stakeholders, money, speaker notes (python-pptx)
``.html`` one offline page: interactive map, status tables, charts as inline SVG,
          print styles for PDF
``.md``   tables and a Mermaid map, for wikis and git
========= ==========================================================================

The Excel workbook of a plan is written by :func:`gevinst.save` (``plan.xlsx``).

Examples:
    >>> from gevinst.report import REPORTS
    >>> sorted(REPORTS)
    ['.html', '.md', '.pptx']
"""

from __future__ import annotations

import datetime as dt
import errno
import importlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from gevinst.errors import FormatError, Said
from gevinst.personal_data import refuse

if TYPE_CHECKING:
    from gevinst.model import Measurement, Plan
    from gevinst.report.content import ReportData
    from gevinst.theme import Theme

__all__ = ["REPORTS", "report", "report_bytes"]

Writer = Callable[["ReportData"], bytes]

#: Output suffix -> "module:function" of the writer (imported when used).
REPORTS: dict[str, str] = {
    ".md": "gevinst.report.markdown:markdown_report",
    ".pptx": "gevinst.report.pptx.deck:pptx_report",
    ".html": "gevinst.report.html:html_report",
}


def _writer(suffix: str, path: Path | None = None) -> Writer:
    target = REPORTS.get(suffix.lower())
    if target is None:
        raise FormatError.unknown_suffix(
            Said("format_a_report"),
            suffix,
            REPORTS,
            path=path,
            hint=Said("format_report_hint"),
        )
    module, name = target.split(":")
    function: Writer = getattr(importlib.import_module(module), name)
    return function


def report_bytes(
    plan: Plan,
    fmt: str,
    *,
    at: dt.date | str | None = None,
    language: str | None = None,
    measurements: Iterable[Measurement] | str | Path | None = None,
    theme: Theme | str | Path | None = None,
    appendix: bool = False,
) -> bytes:
    """The report of ``plan`` as the bytes of format ``fmt`` (``"md"``, ``".pptx"``...).

    ``appendix``: the council deck adds, after its main story of at most 20 slides, an
    appendix of everything left out (the other formats always hold everything).

    Raises:
        FormatError: an unknown format (the message lists the known ones).
        PersonalDataError: the plan holds a national identity number (GV201).
        PlanCheckError: the plan has errors and cannot be evaluated.
        ThemeError: ``theme`` is a file that is not a usable theme.
    """
    from gevinst.io.theme_file import as_theme
    from gevinst.report.content import report_data

    suffix = fmt if fmt.startswith(".") else f".{fmt}"
    writer = _writer(suffix)
    refuse(plan)
    look = as_theme(theme)
    data = report_data(plan, at=at, language=language, measurements=measurements, theme=look)
    data.appendix = appendix
    return writer(data)


def report(
    plan: Plan,
    path: str | Path,
    *,
    at: dt.date | str | None = None,
    language: str | None = None,
    measurements: Iterable[Measurement] | str | Path | None = None,
    theme: Theme | str | Path | None = None,
    appendix: bool = False,
) -> Path:
    """Write a report on ``plan`` to ``path``; the format follows the suffix.

    Args:
        plan: the plan.
        path: ``.pptx`` (council deck), ``.html`` (offline report) or ``.md``.
        at: evaluate at this date (``"2025-10-01"`` or a date): status, charts of
            expected against realised, realised money. Without it the report shows
            the plan as planned.
        language: ``"nb"`` or ``"en"`` (default: the plan's language).
        measurements: more measurements: a CSV path (``indicator,date,value[,note]``)
            or a list of :class:`~gevinst.model.Measurement`.
        theme: a municipality's look: a :class:`~gevinst.theme.Theme` or the path of a
            theme file (see :func:`gevinst.load_theme`): the font of every text, the
            colours of kinds and statuses, the logo on the deck's title slide and in
            the HTML report's header. Default: gevinst's own look.
        appendix: the council deck (``.pptx``) tells its story in at most 20 slides;
            with ``appendix=True`` everything it leaves out follows as an appendix
            (every part of the map, the status and indicator tables, every chart).

    Returns:
        The path written.

    Raises:
        FormatError: an unknown suffix (the message lists the known ones).
        PersonalDataError: the plan holds a national identity number (GV201); no
            report is written of such a plan.
        PlanCheckError: the plan has errors and cannot be evaluated.
        ThemeError: ``theme`` is a file that is not a usable theme (nothing is written).

    Examples:
        >>> import gevinst as gv
        >>> plan = gv.load("examples/bergen_barnevern/plan.yaml")  # doctest: +SKIP
        >>> gv.report(plan, "bystyret.pptx", at="2025-10-01")  # doctest: +SKIP
        PosixPath('bystyret.pptx')
    """
    from gevinst._files import atomic_write

    target = Path(path)
    _writer(target.suffix, target)  # an unknown suffix fails before any work
    folder = target.parent
    if not folder.is_dir():
        raise FileNotFoundError(
            errno.ENOENT, "the folder to write the report in does not exist", str(folder)
        )
    data = report_bytes(
        plan,
        target.suffix,
        at=at,
        language=language,
        measurements=measurements,
        appendix=appendix,
        theme=theme,
    )
    return atomic_write(target, data)
