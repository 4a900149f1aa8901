"""Errors in the plan data of a workbook mapped back to their sheet, row and column.

The rows of a workbook are read into plain data and validated as a :class:`Plan` at
once; each pydantic error then names a path in that data (``benefits.3.value.annual``).
:class:`Origins` knows where every part came from, and turns the errors into one
:class:`~gevinst.errors.WorkbookError` at the cell of the first, listing the others.
Used by :mod:`gevinst.io.excel.read`.

Examples:
    >>> from pydantic import ValidationError
    >>> from gevinst.io.excel.sheets import Place
    >>> from gevinst.model import Plan
    >>> data = {"schema": "gevinst/1", "plan": {"id": "p", "title": "P"}, "goals": [{"id": "G1"}]}
    >>> goal = Place("Samfunnsmål", 2, {("id",): (1, "Id", "id"), ("name",): (2, "Navn", "text")})
    >>> origins = Origins("plan.xlsx", data, {("goals", 0): goal}, {}, Place("Plan", 0, {}))
    >>> try:
    ...     Plan.model_validate(data)
    ... except ValidationError as exc:
    ...     error = origins.located(exc)
    >>> error.sheet, error.line, error.column, error.header, error.element
    ('Samfunnsmål', 2, 2, 'Navn', 'G1')
    >>> print(error.reason)
    the cell is empty, but Navn is required here
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from gevinst.errors import Said, WorkbookError
from gevinst.i18n.words import t
from gevinst.io.excel.schema import CHOICES, PLAN_ROWS, label
from gevinst.io.excel.sheets import Place
from gevinst.io.validate import all_problems, validator_message

__all__ = ["Origins"]


@dataclass
class Origins:
    """Where the plan data read from one workbook came from."""

    source: str
    #: the plan data as read, before validation
    data: dict[str, Any]
    #: ``(section, i)`` of a row, ``(section, i, field, j)`` of a link or target -> its place
    places: dict[tuple[int | str, ...], Place]
    #: the rows of the plan sheet: field word -> row
    plan_rows: dict[str, int]
    #: the plan sheet, with the column of its values
    plan_place: Place

    def error(self, reason: str, **where: Any) -> WorkbookError:
        return WorkbookError(reason, source=self.source, **where)

    def located(self, exc: ValidationError) -> WorkbookError:
        """Each pydantic error mapped back to its sheet, row and column."""
        problems = [self.locate(error) for error in exc.errors(include_url=False)]
        first = problems[0]
        reason = all_problems(problems)
        return WorkbookError(
            reason,
            source=self.source,
            sheet=first.sheet,
            row=first.line,
            column=first.column,
            header=first.header,
            element=first.element,
            field=first.field,
        )

    def locate(self, error: Any) -> WorkbookError:
        """One pydantic error as a located :class:`WorkbookError`."""
        loc = tuple(error["loc"])
        field = ".".join(str(p) for p in loc)
        element: str | None = None
        rest: tuple[str, ...]
        if loc[0] in ("plan", "schema"):
            place = self.plan_place
            rest = ("schema",) if loc[0] == "schema" else tuple(str(p) for p in loc[1:])
            specs = [s for s in PLAN_ROWS if s.path[: len(rest)] == rest[: len(s.path)]]
            spec = next((s for s in specs if s.word in self.plan_rows), None)
            word = spec.word if spec else specs[0].word if specs else "".join(rest[:1])
            row = self.plan_rows.get(word)
            if row is None:
                label = t(word, "nb")
                return self.error(
                    Said("xl_field_missing", label=repr(label), english=t(word, "en"), name=label),
                    sheet=place.sheet,
                    field=field,
                )
        else:
            key = next((loc[:n] for n in (4, 2) if loc[:n] in self.places), None)
            if key is None:
                return self.error(_reason(error, None, None), field=field)
            place, rest = self.places[key], tuple(str(p) for p in loc[len(key) :])
            row = place.row
            record = self.data[str(loc[0])][int(loc[1])]
            element = record.get("id") if isinstance(record.get("id"), str) else None
        match = _column_for(place.columns, rest)
        if match is None:
            return self.error(
                _reason(error, None, None), sheet=place.sheet, row=row, element=element
            )
        number, header, kind = match
        return self.error(
            _reason(error, header, kind),
            sheet=place.sheet,
            row=row,
            column=number,
            header=header,
            element=element,
            field=field,
        )


def _column_for(
    columns: dict[tuple[str, ...], tuple[int, str, str]], rest: tuple[str, ...]
) -> tuple[int, str, str] | None:
    best = None
    for path, found in columns.items():
        if rest[: len(path)] == path and (best is None or len(path) > best[0]):
            best = (len(path), found)
    if best is not None:
        return best[1]
    for path, found in columns.items():
        if path[: len(rest)] == rest:
            return found
    return None


def _reason(error: Any, header: str | None, kind: str | None) -> str:
    kind_of_error = error["type"]
    given = error.get("input")
    if kind_of_error == "missing":
        return Said("xl_missing", header=header or Said("xl_this_value"))
    if (
        kind
        and kind.startswith("choice:")
        and kind_of_error
        in (
            "literal_error",
            "bool_parsing",
            "bool_type",
        )
    ):
        codes = CHOICES[kind.removeprefix("choice:")]
        labels = ", ".join(f"{label(c, 'nb')} ({label(c, 'en')})" for c in codes)
        return Said("xl_not_in_list", given=repr(given), labels=labels)
    if kind == "impacts" and kind_of_error == "literal_error":
        return Said("xl_not_impact", given=repr(given))
    if kind_of_error == "string_pattern_mismatch":
        return Said("load_bad_id", given=repr(given))
    if kind_of_error == "string_too_short":
        return Said("xl_text_empty")
    if kind_of_error == "string_too_long":  # a name (a label): not echoed, it is long
        limit = error.get("ctx", {}).get("max_length")
        return Said("xl_name_too_long", limit=limit)
    if kind_of_error == "value_error":
        return validator_message(error)
    if kind_of_error.startswith("int_"):
        return Said("load_not_whole", given=repr(given))
    if kind_of_error == "string_type":
        return Said("xl_expected_text", given=repr(given))
    if kind_of_error == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return Said("xl_not_allowed", given=repr(given), expected=expected)
    return f"{error['msg']} (got {given!r})"
