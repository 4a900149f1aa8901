"""The workbook's layout: sheets, columns, drop-down values and their words.

Defined once for :mod:`gevinst.io.excel.write` (writing) and :mod:`gevinst.io.excel.read`
(reading), so the two cannot drift apart. Pure data and small lookups; no openpyxl.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from gevinst.field_types import CLOSED, Language
from gevinst.i18n.words import t

__all__ = [
    "BULLET",
    "CHOICES",
    "CHOICE_TABLES",
    "COLUMN_HELP",
    "MAP_SECTIONS",
    "ORDER",
    "PLAN_HEADER",
    "PLAN_HELP",
    "PLAN_ROWS",
    "POINTS",
    "REFERENCES",
    "REQUIRED",
    "SHEETS",
    "SHOWN_HELP",
    "TABLES",
    "Column",
    "column_words",
    "label",
    "norm",
    "words",
]

#: Several assumptions in one cell each begin with a bullet.
BULLET = "\u2022"

#: Closed value lists: name -> codes, in drop-down order. Those of the plan file come
#: from the model (:data:`gevinst.field_types.CLOSED`), so a new value gets its drop-down;
#: the plan's language and yes/no (a flag such as ``cashable``) are added here.
CHOICES: dict[str, tuple[str, ...]] = {
    **CLOSED,
    "language": get_args(Language),
    "bool": ("yes", "no"),
    "relation": ("contributes", "mitigates"),
}
# Synonyms the model also accepts, so a hand-typed "høy" is not refused here.
SYNONYMS = {"ingen": "none", "lav": "low", "liten": "low", "middels": "medium", "stor": "high"}
SYNONYMS |= {"høy": "high", "ja": "yes", "nei": "no", "true": "yes", "false": "no"}


@dataclass(frozen=True)
class Column:
    """One column: its header word (i18n key), where its value lives, how it is typed.

    ``path`` is the field inside the record (``("value", "annual")``); ``kind`` is one
    of text, id, ids, lines, impacts, number, money, int, date, shares (``0,25; 0,5``:
    decimal comma in a Norwegian workbook, point in an English one, ``25 %`` also read)
    or ``choice:NAME``.

    An amount that may be a three-point estimate has three money columns with the same
    ``path``: ``point`` is ``"low"`` or ``"high"`` for the ends of the range and empty
    for the most likely value. ``also`` lists words of older workbooks read as this
    column (gevinst 0.2 wrote "Årlig verdi" where it now writes "Årlig verdi, mest
    sannsynlig").
    """

    word: str
    path: tuple[str, ...]
    kind: str = "text"
    width: int = 14
    point: str = ""
    also: tuple[str, ...] = ()


def _c(word: str, kind: str = "text", width: int = 14, path: str | None = None) -> Column:
    return Column(word, tuple((path or word).split(".")), kind, width)


#: Where each number of a three-point estimate ``[low, most_likely, high]`` is.
POINTS = {"low": 0, "": 1, "high": 2}


def _estimate(low: str, likely: str, high: str, old: str, path: str) -> tuple[Column, ...]:
    """Three money columns side by side: low, most likely, high (trippelanslag)."""
    where = tuple(path.split("."))
    return (
        Column(low, where, "money", 12, point="low"),
        Column(likely, where, "money", 14, also=(old,)),
        Column(high, where, "money", 12, point="high"),
    )


_ID = _c("id", "id", 10)
_NAME = _c("name", "text", 40)
_DESC = _c("description", "text", 40)
_ASSUME = _c("assumptions", "lines", 36)
_OWNER = _c("owner", "id", 14)
_INDICATORS = _c("indicators", "ids", 12)

#: Element sheets in workbook order (bottom of the map first, as a consultant reads it).
SHEETS: dict[str, tuple[Column, ...]] = {
    "measures": (
        _ID,
        _NAME,
        _c("status", "choice:status", 12),
        _OWNER,
        _c("start", "date", 12),
        _c("end", "date", 12),
        *_estimate("one_off_low", "one_off_likely", "one_off_high", "one_off", "cost.one_off"),
        *_estimate(
            "annual_cost_low",
            "annual_cost_likely",
            "annual_cost_high",
            "annual_cost",
            "cost.annual",
        ),
        _DESC,
        _ASSUME,
    ),
    "changes": (_ID, _NAME, _OWNER, _DESC, _ASSUME),
    "benefits": (
        _ID,
        _NAME,
        _OWNER,
        _INDICATORS,
        _c("type", "choice:type", 16),
        _c("category", "choice:category", 20),
        *_estimate(
            "annual_value_low",
            "annual_value_likely",
            "annual_value_high",
            "annual_value",
            "value.annual",
        ),
        _c("value_from", "date", 12, "value.from"),
        _c("value_ramp", "shares", 14, "value.ramp"),
        _c("cashable", "choice:bool", 12),
        _c("risk", "choice:risk", 10),
        _c("risk_description", "text", 30),
        _c("risk_response", "text", 30),
        _c("realisation", "lines", 36),
        _DESC,
        _ASSUME,
    ),
    "objectives": (_ID, _NAME, _OWNER, _INDICATORS, _DESC, _ASSUME),
    "goals": (_ID, _NAME, _INDICATORS, _DESC, _ASSUME),
    "stakeholders": (
        _ID,
        _NAME,
        _c("group", "text", 16),
        _c("power", "choice:scale", 10),
        _c("interest", "choice:scale", 10),
        _c("attitude", "choice:attitude", 12),
        _c("impacts", "impacts", 24),
        _DESC,
        _ASSUME,
    ),
    "indicators": (
        _ID,
        _NAME,
        _c("unit", "text", 10),
        _c("direction", "choice:direction", 17),
        _c("baseline", "number", 11, "baseline.value"),
        _c("baseline_date", "date", 14, "baseline.date"),
        _c("source", "text", 28),
        _c("frequency", "choice:frequency", 12),
        _DESC,
        _ASSUME,
    ),
}
SHEETS["disbenefits"] = SHEETS["benefits"]
MAP_SECTIONS = ("measures", "changes", "benefits", "disbenefits", "objectives", "goals")

#: Sheets of rows that belong to other records or stand alone.
TABLES: dict[str, tuple[Column, ...]] = {
    "links": (
        _c("from", "id", 10),
        _c("from_name", "shown", 30),
        _c("to", "id", 10),
        _c("to_name", "shown", 30),
        _c("weight", "number", 8),
        _c("note", "text", 40),
        _c("assumptions", "lines", 36),
        _c("relation", "choice:relation", 14),
    ),
    "targets": (
        _c("indicator", "id", 11),
        _c("indicator_name", "shown", 30),
        _c("date", "date", 12),
        _c("value", "number", 10),
    ),
    "measurements": (
        _c("indicator", "id", 11),
        _c("indicator_name", "shown", 30),
        _c("date", "date", 12),
        _c("value", "number", 10),
        _c("note", "text", 40),
    ),
    "reviews": (
        _c("date", "date", 12),
        _c("element", "id", 11),
        _c("element_name", "shown", 30),
        _c("by", "id", 14),
        _c("status", "choice:review_status", 14),
        _c("comment", "text", 50),
    ),
}
# "shown" columns repeat the name of the record an id points to, so a row can be read
# without looking it up; they are written for the reader's eyes and ignored on reading.

#: The sheet order of the workbook.
ORDER = (
    "plan",
    *MAP_SECTIONS,
    "links",
    "stakeholders",
    "indicators",
    "targets",
    "measurements",
    "reviews",
)

#: Rows of the Plan sheet: (field, word, kind).
PLAN_ROWS: tuple[Column, ...] = (
    _c("schema", "text", path="schema"),
    _c("id", "id"),
    _c("title", "text"),
    _c("organisation", "text"),
    _c("owner", "id"),
    _c("language", "choice:language"),
    _c("currency", "text"),
    _c("discount_rate", "number"),
    _c("start", "date"),
    _c("horizon_years", "int"),
    _c("plan_correlation", "number", path="correlation"),
    _c("optimism_costs", "number", path="optimism_bias.costs"),
    _c("optimism_benefits", "number", path="optimism_bias.benefits"),
    _c("description", "text"),
)
#: Notes beside the rows of the Plan sheet: field -> key of a text in
#: :data:`gevinst.i18n.words.WORDS`.
PLAN_HELP = {
    "schema": "help_plan_schema",
    "id": "help_plan_id",
    "title": "help_plan_title",
    "owner": "help_owner",
    "language": "help_plan_language",
    "discount_rate": "help_plan_discount_rate",
    "start": "help_plan_start",
    "horizon_years": "help_plan_horizon_years",
    "plan_correlation": "help_plan_correlation",
    "optimism_costs": "help_plan_optimism_costs",
    "optimism_benefits": "help_plan_optimism_benefits",
}

#: Notes on column headers: how to fill in the cells below (keys of texts in WORDS).
COLUMN_HELP = {
    "id": "help_column_id",
    "owner": "help_owner",
    "indicators": "help_column_indicators",
    "assumptions": "help_column_assumptions",
    "realisation": "help_column_realisation",
    "impacts": "help_column_impacts",
    "annual_value_low": "help_column_low",
    "annual_value_likely": "help_column_annual_value",
    "annual_value_high": "help_column_high",
    "one_off_low": "help_column_low",
    "one_off_likely": "help_column_one_off",
    "one_off_high": "help_column_high",
    "annual_cost_low": "help_column_low",
    "annual_cost_likely": "help_column_annual_cost",
    "annual_cost_high": "help_column_high",
    "value_from": "help_column_value_from",
    "value_ramp": "help_column_value_ramp",
    "from": "help_column_from",
    "to": "help_column_to",
    "weight": "help_column_weight",
    "relation": "help_column_relation",
    "baseline": "help_column_baseline",
}
#: The note on a column that is only shown (a key of a text in WORDS).
SHOWN_HELP = "help_shown"

#: Id columns that get a drop-down of the ids in another sheet.
REFERENCES = {"owner": "stakeholders", "by": "stakeholders", "indicator": "indicators"}

#: The hidden sheet of every element's id and name that the links sheet's from and to
#: offer as drop-downs (the elements are on six sheets, a drop-down reads one range).
#: It is made from the other sheets, so reading skips it.
ID_LIST = "id_list"


def label(code: str, language: str) -> str:
    """The word for a drop-down code in ``language`` (language codes stay as they are)."""
    if code == "yes":
        return t("yes", language)
    if code == "no":
        return t("no", language)
    if code in ("nb", "en"):
        return code
    return t(code, language)


def norm(text: str) -> str:
    """Text as compared when reading: spaces collapsed, case folded."""
    return " ".join(text.split()).casefold()


REQUIRED: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(SHEETS, ("id", "name")),
    "links": ("from", "to"),
    "targets": ("indicator", "date", "value"),
    "measurements": ("indicator", "date", "value"),
    "reviews": ("date", "element", "status"),
    "plan": ("field", "value"),
}
PLAN_HEADER = (_c("field", "text"), _c("value", "text"), _c("help", "text"))


def words(key: str) -> set[str]:
    return {norm(t(key, "nb")), norm(t(key, "en")), norm(key)}


def column_words(column: Column) -> set[str]:
    """Every header a column is read under: its words, and those of older workbooks."""
    return words(column.word).union(*(words(old) for old in column.also))


def _choice_table(name: str) -> dict[str, str]:
    table = {}
    for code in CHOICES[name]:
        for word in (code, label(code, "nb"), label(code, "en")):
            table[norm(word)] = code
    if name in ("scale", "risk", "bool"):
        table |= {k: v for k, v in SYNONYMS.items() if v in CHOICES[name]}
    return table


CHOICE_TABLES = {name: _choice_table(name) for name in CHOICES}
