"""The workbook layout: every word exists in both languages and every drop-down reads back."""

from __future__ import annotations

import pytest

from gevinst.i18n.words import WORDS
from gevinst.io.excel.schema import (
    CHOICE_TABLES,
    CHOICES,
    ORDER,
    PLAN_ROWS,
    SHEETS,
    TABLES,
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
