"""The workbook layout: every word exists in both languages and every drop-down reads back."""

from __future__ import annotations

from typing import Literal, get_args, get_origin

import pytest
from pydantic import BaseModel

from gevinst import model
from gevinst.i18n.words import WORDS
from gevinst.io.excel.schema import (
    CHOICE_TABLES,
    CHOICES,
    ORDER,
    PLAN_ROWS,
    SHEETS,
    TABLES,
    Column,
    column_words,
    label,
    words,
)


def test_every_sheet_and_column_has_words_in_both_languages() -> None:
    keys = set(ORDER) | {c.word for cols in (*SHEETS.values(), *TABLES.values()) for c in cols}
    keys |= {row.word for row in PLAN_ROWS}
    missing = sorted(key for key in keys if key not in WORDS)
    assert missing == []


def test_sheet_names_are_distinct_and_valid_in_excel() -> None:
    for language in ("nb", "en"):
        names = [label(key, language) for key in ORDER]
        assert len(set(names)) == len(names)
        for name in names:
            assert len(name) <= 31 and not set(name) & set("[]:*?/\\'")
    # a sheet name in one language never means another sheet in the other
    seen: dict[str, str] = {}
    for key in ORDER:
        for word in words(key):
            assert seen.setdefault(word, key) == key


@pytest.mark.parametrize("name", sorted(CHOICES))
def test_drop_down_lists_read_back_in_either_language(name: str) -> None:
    for language in ("nb", "en"):
        labels = [label(code, language) for code in CHOICES[name]]
        assert len(set(labels)) == len(labels)
        # Excel's quoted list: no commas inside a value, at most 255 characters
        assert not any("," in item for item in labels)
        assert len(",".join(labels)) + 2 <= 255
        for code, item in zip(CHOICES[name], labels, strict=True):
            assert CHOICE_TABLES[name][" ".join(item.split()).casefold()] == code


def test_column_headers_are_unambiguous_within_a_sheet() -> None:
    for columns in (*SHEETS.values(), *TABLES.values(), PLAN_ROWS):
        seen: dict[str, str] = {}
        for column in columns:  # the words of older workbooks (gevinst 0.2) too
            for word in column_words(column):
                assert seen.setdefault(word, column.word) == column.word, word


def _closed_codes(annotation: object) -> tuple[object, ...]:
    """The codes of the Literal inside a field's type (through Optional, Annotated and
    dict values), in the model's order; none for an open field."""
    if get_origin(annotation) is Literal:
        return get_args(annotation)
    return tuple(code for arg in get_args(annotation) for code in _closed_codes(arg))


def _is_flag(annotation: object) -> bool:
    return annotation is bool or any(_is_flag(arg) for arg in get_args(annotation))


#: Each record of the model and the columns (or the plan sheet's rows) that hold it.
_RECORDS: list[tuple[type[BaseModel], tuple[Column, ...]]] = [
    *((model.SECTIONS[name], columns) for name, columns in SHEETS.items()),
    (model.Link, TABLES["links"]),
    (model.Target, TABLES["targets"]),
    (model.Measurement, TABLES["measurements"]),
    (model.Review, TABLES["reviews"]),
    (model.PlanInfo, PLAN_ROWS),
]


def _models(root: type[BaseModel]) -> list[type[BaseModel]]:
    return [root, *(m for sub in root.__subclasses__() for m in _models(sub))]


def test_every_closed_field_of_the_model_has_its_drop_down() -> None:
    """A field of closed values in the model is a drop-down of exactly its codes, in the
    model's order (the stakeholder's impacts, several ``id: effect`` pairs in one cell,
    are read through the same list); a yes/no flag is a yes/no drop-down."""
    checked = set()
    for record, columns in _RECORDS:
        for name, info in record.model_fields.items():
            codes, flag = _closed_codes(info.annotation), _is_flag(info.annotation)
            if not codes and not flag:
                continue
            where = f"{record.__name__}.{name}"
            found = [c for c in columns if c.path[0] == (info.alias or name)]
            assert found, f"{where}: no column in the workbook"
            kind = found[0].kind
            if get_origin(info.annotation) is dict:
                assert kind == "impacts", where
                assert CHOICES["impact"] == codes, where
            elif flag:
                assert kind == "choice:bool", where
            else:
                assert kind.startswith("choice:"), f"{where}: {kind}, not a drop-down"
                assert CHOICES[kind.removeprefix("choice:")] == codes, where
            checked.add(where)
    # hand-counted: measure status; benefit and dis-benefit type, category, cashable,
    # risk; stakeholder power, interest, attitude, impacts; indicator direction,
    # frequency; review status; the plan's language
    assert len(checked) == 1 + 2 * 4 + 4 + 2 + 1 + 1
    # and no closed field hides in a model that is not one of those records (a part of
    # one: a value, a cost, a baseline); the plan's schema is a version, not a choice
    records = [record for record, _ in _RECORDS]
    for part in _models(BaseModel):
        if part.__module__ != "gevinst.model" or part is model.Plan:
            continue
        if any(
            _closed_codes(info.annotation) or _is_flag(info.annotation)
            for info in part.model_fields.values()
        ):
            assert any(issubclass(record, part) for record in records), part.__name__
