"""A command's inputs: a plan file and its measurements, refused when they hold personal data.

Every ``gevinst`` command that reads a plan reads it here (SPEC section 5). Besides the
plan as read (the GV201 rule of :func:`gevinst.check`), the raw text of every input file
is searched for national identity numbers: a YAML or JSON plan and a measurements CSV
with their comments, a workbook cell by cell (hidden sheets and cells outside the table
included). One found anywhere and the command stops with
:class:`~gevinst.errors.PersonalDataError` before anything is derived from the plan; the
message names each place (file and line, or sheet and cell) and never the number.

Examples:
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "plan.yaml"
    >>> _ = path.write_text(
    ...     "schema: gevinst/1\\nplan: {id: p, title: Prøve}  # sak 150190 10063\\n", "utf-8"
    ... )
    >>> load_inputs(path)  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    gevinst.errors.PersonalDataError: .../plan.yaml:2:41: holds an 11-digit number ...
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gevinst._files import same_file
from gevinst.errors import GevinstError, OverwriteError, PlanError
from gevinst.io.measurements import rows_for
from gevinst.io.plans import decode_text, load, read_csv_text, read_input, written_language
from gevinst.io.validate import element_lines
from gevinst.model import Plan
from gevinst.personal_data import (
    Hit,
    dotted,
    find_in_data,
    find_in_plan,
    find_in_text,
    mask,
    refusal,
)

__all__ = ["load_inputs", "refuse_overwrite", "scan_inputs"]


@contextmanager
def _unechoed(path: Path) -> Iterator[None]:
    """A reading error whose message would repeat an identity number becomes the refusal.

    The number is the worse problem, and the message must not show it. The cause is
    dropped on purpose: its message holds the number.
    """
    try:
        yield
    except GevinstError as exc:
        text = str(exc)
        if mask(text) == text:
            raise
        source = getattr(exc, "source", None) or str(path)
        line, column = getattr(exc, "line", None), getattr(exc, "column", None)
        sheet = getattr(exc, "sheet", None)
        raise refusal([Hit(source, line=line, column=column, sheet=sheet)]) from None


@contextmanager
def _in_language(language: str) -> Iterator[None]:
    """A measurement file's errors are said in the language of the plan they are for."""
    try:
        yield
    except PlanError as exc:
        exc.language = exc.language or language
        raise


def _raw(path: Path) -> bytes | None:
    """The file's bytes for the scan, or None when reading it is :func:`load`'s to refuse
    (missing, unreadable, larger than a plan can be: read no more than that)."""
    try:  # measured before it is read; a pipe without a writer does not wait
        return read_input(path)
    except (OSError, PlanError):
        return None


def _in_file(path: Path, raw: bytes) -> tuple[str | None, list[Hit]]:
    """The text of a plan file (None for a workbook or one that is not UTF-8) and the
    identity numbers in it, comments included (a workbook: in every cell)."""
    source = str(path)
    if path.suffix.lower() == ".xlsx":
        from gevinst.io.excel.scan import find_in_workbook

        try:
            return None, find_in_workbook(raw, source)
        except PlanError:
            return None, []  # not a workbook, or a damaged one: load() says which
    try:
        text = decode_text(raw, source)
    except PlanError:
        return None, []  # load() says what is wrong with it
    return text, find_in_text(text, source)


def _in_plan(path: Path, plan: Plan, text: str | None, hits: list[Hit]) -> list[Hit]:
    """Identity numbers in the plan as read that the file's text does not show as they
    were read: a number that lost its leading zero, an escaped or folded string (a
    workbook's cells are scanned as they are read). Located by their field."""
    unseen = [
        (element, loc)
        for element, loc, written in find_in_plan(plan)
        if (written not in text if text is not None else not hits)
    ]
    lines = element_lines(text, str(path)) if unseen and text is not None else None
    found = []
    for element, loc in unseen:
        at = lines.find(loc) if lines is not None else None
        line, column = at if at else (None, None)
        found.append(Hit(str(path), line=line, column=column, element=element, field=dotted(loc)))
    return found


def scan_inputs(
    path: str | Path, *, measurements: str | Path | None = None
) -> tuple[Plan | None, list[Hit]]:
    """The plan of ``path`` (with the measurements of a CSV file added) and every place
    in these files that holds a national identity number.

    The raw text is scanned before it is parsed, so no message about a mistake in the
    file can repeat a number found there. Used by ``gevinst check`` to list the places;
    other commands use :func:`load_inputs`.

    Returns:
        The plan, or ``None`` when it holds an identity number and cannot be read either;
        and the places. The measurements of a file that holds an identity number are not
        read.

    Raises:
        PlanError: a file cannot be read or is not valid (located, as by
            :func:`gevinst.load`); :class:`~gevinst.errors.PersonalDataError` when that
            message would repeat an identity number.
    """
    path = Path(path)
    raw = _raw(path)
    text, hits = _in_file(path, raw) if raw is not None else (None, [])
    try:
        with _unechoed(path):
            plan = load(path)
    except PlanError as exc:
        if hits:
            return None, hits  # the identity number first; the rest once it is gone
        if exc.language is None and text is not None:  # its messages in the plan's words
            exc.language = written_language(text)
        raise
    hits += _in_plan(path, plan, text, hits)
    if measurements is None:
        return plan, hits
    table = Path(measurements)
    with _unechoed(table), _in_language(plan.language):
        csv_text = read_csv_text(table)
    in_table = find_in_text(csv_text, str(table))
    if in_table:
        return plan, [*hits, *in_table]
    with _unechoed(table), _in_language(plan.language):
        rows = rows_for(plan, csv_text, table)
    for line, measurement in rows:
        data = {"measurements": [measurement.model_dump(mode="python", exclude_none=True)]}
        hits += [
            Hit(str(table), line=line, field=dotted(loc)[len("measurements[0].") :])
            for _, loc, _ in find_in_data(data)
        ]
    plan.measurements.extend(measurement for _, measurement in rows)
    return plan, hits


def load_inputs(path: str | Path, *, measurements: str | Path | None = None) -> Plan:
    """Read a command's plan (and measurements), refusing one that holds personal data.

    Raises:
        PersonalDataError: an identity number in a plan file, its comments or the
            measurements file; the message lists the places.
        PlanError: a file cannot be read or is not valid.
    """
    plan, hits = scan_inputs(path, measurements=measurements)
    if plan is None or hits:
        raise refusal(hits)
    return plan


def refuse_overwrite(output: str | Path | None, inputs: dict[str, str | Path | None]) -> None:
    """Refuse, before any work, an ``output`` that is one of the ``inputs`` (role -> path).

    The same file is found also through symbolic and hard links, so that no command
    writes over the plan or the measurements it reads.

    Raises:
        OverwriteError: ``output`` is one of the inputs; the message names its role.

    Examples:
        >>> refuse_overwrite("plan.yaml", {"the input plan": "./plan.yaml"})  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        gevinst.errors.OverwriteError: plan.yaml is the input plan; choose another output file ...
    """
    if output is None:
        return
    for role, path in inputs.items():
        if path is not None and same_file(output, path):
            raise OverwriteError(output, role)
