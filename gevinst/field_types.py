"""What each field of a plan accepts, and how a value is read as people write it.

The types of :mod:`gevinst.model`'s fields, each a pydantic ``Annotated`` type that
carries its own reading: dates as ISO 8601 text, numbers as numbers (never text), an
amount as one number or ``[low, most_likely, high]``, one text where a list of texts
is expected, and the closed value lists (:data:`CLOSED`), each code also read from its
nb and en words (:data:`CLOSED_WORDS`, docs/format.md). The model keeps the code, so a
plan written back holds ``planned``, not ``planlagt``::

    >>> from pydantic import TypeAdapter
    >>> TypeAdapter(MeasureStatus).validate_python("planlagt")
    'planned'
    >>> TypeAdapter(Frequency).validate_python("Hvert_kvartal")
    'quarterly'
    >>> TypeAdapter(Date).validate_python(" 2024-03-01 ")
    datetime.date(2024, 3, 1)
    >>> TypeAdapter(TextList).validate_python("one assumption")
    ['one assumption']
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, TypeAlias, TypeVar

from pydantic import (
    BeforeValidator,
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
)

from gevinst.amounts import Estimate, as_written, estimate, number
from gevinst.errors import Said
from gevinst.i18n.words import t

__all__ = [
    "CLOSED",
    "CLOSED_WORDS",
    "ID_PATTERN",
    "MAX_NAME",
    "Amount",
    "Attitude",
    "BenefitType",
    "Category",
    "Date",
    "Direction",
    "Frequency",
    "Id",
    "IdShorthand",
    "Impact",
    "Language",
    "MeasureStatus",
    "Name",
    "Number",
    "OptionalNumber",
    "ReviewStatus",
    "Risk",
    "Scale",
    "Section",
    "Share",
    "Text",
    "TextList",
]

ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"
#: The longest name (of an element, stakeholder or indicator), in characters. A name is
#: a label in maps, charts, tables and slides; longer text belongs in ``description``.
MAX_NAME = 500


def _iso_date(value: object) -> object:
    """Accept a date or an ISO 8601 date string; refuse datetimes, numbers and the rest."""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0) and value.tzinfo is None:
            return value.date()
        raise ValueError(Said("load_date_time"))
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(Said("load_not_a_date", given=repr(value))) from None
    raise ValueError(Said("load_not_a_date", given=repr(value)))


def _number(value: object) -> object:
    """Accept int and float (not bool, not text): plans hold numbers, not strings."""
    return number(value)


def _number_or_none(value: object) -> object:
    return value if value is None else _number(value)


#: The closed value lists of the file format: name -> the codes, as written back.
CLOSED: dict[str, tuple[str, ...]] = {
    "status": ("idea", "planned", "pilot", "implemented", "stopped"),
    "type": ("efficiency", "quality", "other_actors"),
    "category": ("budget", "redeployment", "public_sector", "non_priced"),
    "risk": ("low", "medium", "high"),
    "scale": ("none", "low", "medium", "high"),
    "attitude": ("supportive", "neutral", "resistant"),
    "impact": ("positive", "negative"),
    "direction": ("increase", "decrease"),
    "review_status": ("on_track", "at_risk", "off_track", "not_measured", "not_due"),
    "frequency": ("weekly", "monthly", "quarterly", "half-yearly", "yearly"),
}

#: Words read as a code besides the code itself (``_`` or ``-`` may be spaces) and its
#: nb and en labels in :data:`gevinst.i18n.words.WORDS`.
_MORE_WORDS: dict[str, dict[str, str]] = {
    "status": {"ide": "idea", "planlegges": "planned", "gjennomført": "implemented"},
    "type": {"effektivitet": "efficiency"},
    "category": {"budsjett": "budget", "offentlig sektor": "public_sector"},
    "risk": {"lav": "low", "høy": "high"},
    "scale": {"lav": "low", "høy": "high"},
    "attitude": {"støttende": "supportive", "negativ": "resistant", "motstander": "resistant"},
    "impact": {},
    "direction": {
        "økning": "increase",
        "øke": "increase",
        "opp": "increase",
        "nedgang": "decrease",
        "reduksjon": "decrease",
        "redusere": "decrease",
        "ned": "decrease",
    },
    "review_status": {},
    "frequency": {
        "hver uke": "weekly",
        "hver måned": "monthly",
        "hvert kvartal": "quarterly",
        "kvartal": "quarterly",
        "hvert halvår": "half-yearly",
        "halvårsvis": "half-yearly",
        "semi-annually": "half-yearly",
        "semiannual": "half-yearly",
        "hvert år": "yearly",
        "annually": "yearly",
        "annual": "yearly",
    },
}


def _fold(text: str) -> str:
    """Text as compared: ``_`` and ``-`` read as spaces, spaces collapsed, case folded
    (``" Ikke_i  Rute"`` -> ``"ikke i rute"``)."""
    return " ".join(text.replace("_", " ").replace("-", " ").split()).casefold()


def _words_for(name: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for code in CLOSED[name]:
        for word in (code, t(code, "nb"), t(code, "en")):
            table[_fold(word)] = code
    table |= {_fold(word): code for word, code in _MORE_WORDS[name].items()}
    return table


#: name -> {folded word -> code}: every word a closed value is read as (docs/format.md).
CLOSED_WORDS: dict[str, dict[str, str]] = {name: _words_for(name) for name in CLOSED}


def _closed(name: str) -> BeforeValidator:
    """Read a closed value given as its code or a word for it (``planlagt``, ``nedgang``).

    The model keeps the code, so a file written back holds ``planned``, ``decrease``.
    A word not in the list is passed on as it is, for the model to refuse with the list.
    """
    table = CLOSED_WORDS[name]

    def read(value: object) -> object:
        if isinstance(value, str):
            return table.get(_fold(value), value.strip())
        return value

    return BeforeValidator(read)


def _link(value: object) -> object:
    if isinstance(value, str):
        return {"to": value}
    return value


def _text_list(value: object) -> object:
    if isinstance(value, str):
        return [value]
    return value


def _none_is_empty(value: object) -> object:
    return [] if value is None else value


_T = TypeVar("_T")

Id: TypeAlias = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Date: TypeAlias = Annotated[dt.date, BeforeValidator(_iso_date)]
Number: TypeAlias = Annotated[float, BeforeValidator(_number)]
#: A number, or ``None`` where the field is not given.
OptionalNumber: TypeAlias = Annotated[float | None, BeforeValidator(_number_or_none)]
#: An amount of money: one number or ``[low, most_likely, high]`` (SPEC section 6).
Amount: TypeAlias = Annotated[
    Estimate, PlainValidator(estimate), PlainSerializer(as_written, when_used="always")
]
#: A share of a whole, 0 to 1 (0.25 for a quarter).
Share: TypeAlias = Annotated[float, BeforeValidator(_number), Field(ge=0, le=1)]
Text: TypeAlias = str
#: The name of an element, stakeholder or indicator: 1 to :data:`MAX_NAME` characters.
Name: TypeAlias = Annotated[str, Field(min_length=1, max_length=MAX_NAME)]
TextList: TypeAlias = Annotated[list[str], BeforeValidator(_text_list)]
#: A record with a ``to`` (a link, a mitigation) that may also be written as that id
#: alone: ``- B1`` reads as ``- to: B1``.
IdShorthand: TypeAlias = Annotated[_T, BeforeValidator(_link)]
#: A section of the plan (``goals``, ``measures``, ...): a list, also where the file
#: leaves it empty (``goals:`` with nothing after it reads as ``[]``).
Section: TypeAlias = Annotated[list[_T], BeforeValidator(_none_is_empty)]
Scale: TypeAlias = Annotated[Literal["none", "low", "medium", "high"], _closed("scale")]
Risk: TypeAlias = Annotated[Literal["low", "medium", "high"], _closed("risk")]
Language: TypeAlias = Literal["nb", "en"]
Direction: TypeAlias = Annotated[Literal["increase", "decrease"], _closed("direction")]
ReviewStatus: TypeAlias = Annotated[
    Literal["on_track", "at_risk", "off_track", "not_measured", "not_due"],
    _closed("review_status"),
]
MeasureStatus: TypeAlias = Annotated[
    Literal["idea", "planned", "pilot", "implemented", "stopped"], _closed("status")
]
BenefitType: TypeAlias = Annotated[
    Literal["efficiency", "quality", "other_actors"], _closed("type")
]
Category: TypeAlias = Annotated[
    Literal["budget", "redeployment", "public_sector", "non_priced"], _closed("category")
]
Attitude: TypeAlias = Annotated[Literal["supportive", "neutral", "resistant"], _closed("attitude")]
Impact: TypeAlias = Annotated[Literal["positive", "negative"], _closed("impact")]
#: How often an indicator is measured (``check`` flags one far behind: GV114).
Frequency: TypeAlias = Annotated[
    Literal["weekly", "monthly", "quarterly", "half-yearly", "yearly"], _closed("frequency")
]
