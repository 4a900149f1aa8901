"""Norwegian national identity numbers: how GV201 recognises personal data in a plan.

Benefit plans are about services, never about a child or a family, so a fødselsnummer
or D-number must never be in one. An 11-digit run counts only when its date part is a
real date (D-number: day + 40; H-number: month + 40) and both check digits are right,
so phone numbers, organisation numbers and amounts do not raise the alarm.

Three ways in, one rule:

* :func:`find_in_text` scans the raw text of a file (a YAML or JSON plan, a measurements
  CSV), comments included, and says where: file, line and column;
* :func:`find_in_plan` walks the texts and numbers of a :class:`~gevinst.model.Plan`
  (the GV201 rule of :func:`gevinst.check`, and the writers' guard :func:`refuse`);
* the workbook reader scans every cell of a plan workbook
  (:func:`gevinst.io.excel.scan.find_in_workbook`).

Every place is a :class:`Hit`, and no message built here ever holds the number itself
(:func:`mask`).
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gevinst.errors import PersonalDataError

if TYPE_CHECKING:
    from gevinst.model import Plan

__all__ = [
    "ELEVEN_DIGITS",
    "Hit",
    "dotted",
    "find_in_data",
    "find_in_plan",
    "find_in_text",
    "is_national_id",
    "mask",
    "may_hold_digit_runs",
    "refusal",
    "refuse",
    "texts",
]

# The weights of the two check digits of a fødselsnummer / D-number.
_K1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_K2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
ELEVEN_DIGITS = re.compile(r"(?<!\d)(\d{6})[ .-]?(\d{5})(?!\d)")


def is_national_id(digits: str) -> bool:
    """True when 11 digits form a valid fødselsnummer, D-number or H-number.

    Checks the date part (D-number: day + 40; H-number: month + 40) and both check
    digits.

    >>> is_national_id("01010112345")
    False
    """
    if len(digits) != 11 or not digits.isdigit():
        return False
    d = [int(c) for c in digits]
    day, month = int(digits[0:2]), int(digits[2:4])
    if day > 40:
        day -= 40
    if month > 40:
        month -= 40
    if not (1 <= month <= 12) or not (1 <= day <= calendar.monthrange(2000, month)[1]):
        return False
    k1 = 11 - sum(w * x for w, x in zip(_K1, d[:9], strict=True)) % 11
    k1 = 0 if k1 == 11 else k1
    if k1 == 10 or k1 != d[9]:
        return False
    k2 = 11 - sum(w * x for w, x in zip(_K2, d[:10], strict=True)) % 11
    k2 = 0 if k2 == 11 else k2
    return k2 != 10 and k2 == d[10]


def texts(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """Every text in plain plan data, and every whole number of 10-11 digits as text."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, bool):
        return
    elif isinstance(value, int | float):
        # A number written without quotes loses its leading zero: pad it back to 11.
        if math.isfinite(value) and value == int(value) and 10**9 <= abs(value) < 10**11:
            yield path, f"{abs(int(value)):011d}"
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(key, f"{path}.{key}" if path else str(key))
            yield from texts(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for number, item in enumerate(value):
            yield from texts(item, f"{path}[{number}]")


# Every text and number the walk below can flag holds a run of 10 digits, or of 6 and 5
# digits with ' ', '.' or '-' between; the plan's JSON keeps digits and those separators
# as they are. Finding no such run with fast byte operations rules most plans out (the
# walk would take most of check() on a large portfolio).
_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")
_ASCII = bytes(range(128))
_RUNS = (b"0" * 10, b"000000 00000", b"000000.00000", b"000000-00000")


def may_hold_digit_runs(json_text: str) -> bool:
    """False when the plan's JSON surely holds no run of digits :func:`texts` can flag."""
    raw = json_text.encode("utf-8")
    beyond_ascii = raw.translate(None, _ASCII).decode("utf-8")
    if any(char.isdigit() for char in set(beyond_ascii)):
        return True  # digits of other scripts: let the walk judge
    zeros = raw.translate(_DIGITS_AS_ZERO)
    return any(run in zeros for run in _RUNS)


# --------------------------------------------------------------------------------------
# Where: hits in files and in plans, and the refusal that names them


@dataclass(frozen=True)
class Hit:
    """Where an identity number was found; never the number itself.

    Attributes:
        source: the file, or ``None`` for a plan object built in Python.
        line: the 1-based line of a text file, or the row of a workbook cell.
        column: the 1-based column of the number's first digit (a workbook: of the cell).
        sheet: the workbook sheet (``line`` and ``column`` are then its row and column).
        element: the id of the element holding it, when known.
        field: the dotted path of the field, e.g. ``benefits[0].name``.
    """

    source: str | None
    line: int | None = None
    column: int | None = None
    sheet: str | None = None
    element: str | None = None
    field: str | None = None

    def place(self) -> str:
        """The place as a person finds it: ``plan.yaml:12:9``, ``plan.xlsx: sheet
        Gevinster, cell C4`` or ``<plan> [B1 benefits[0].name]``.

        >>> Hit("plan.xlsx", line=4, column=3, sheet="Gevinster").place()
        'plan.xlsx: sheet Gevinster, cell C4'
        """
        where = self.source or "<plan>"
        if self.sheet is not None:
            cell = f", cell {_column_letters(self.column)}{self.line}" if self.line else ""
            where += f": sheet {mask(self.sheet)}{cell}"
        elif self.line is not None:
            where += f":{self.line}" + (f":{self.column}" if self.column is not None else "")
        parts = [mask(part) for part in (self.element, self.field) if part]
        return where + (f" [{' '.join(parts)}]" if parts else "")


def _column_letters(number: int | None) -> str:
    """1 -> A, 27 -> AA (a workbook's column letters)."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def mask(text: str) -> str:
    """``text`` with every identity number in it replaced, so a message never repeats one.

    >>> mask("sak 150190 10063")
    'sak <fødselsnummer>'
    """
    return ELEVEN_DIGITS.sub(
        lambda m: "<fødselsnummer>" if is_national_id(m.group(1) + m.group(2)) else m.group(0),
        text,
    )


def find_in_text(text: str, source: str) -> list[Hit]:
    """Every identity number in the raw text of a file, comments included, by line and column.

    >>> find_in_text("a: 1\\n# barn 150190 10063\\n", "plan.yaml")
    [Hit(source='plan.yaml', line=2, column=8, sheet=None, element=None, field=None)]
    """
    if not may_hold_digit_runs(text):
        return []
    if "\r" in text:  # lines end as YAML and CSV readers see them end: CR LF, CR or LF
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    hits = []
    line, line_start, counted = 1, 0, 0
    for match in ELEVEN_DIGITS.finditer(text):
        if not is_national_id(match.group(1) + match.group(2)):
            continue
        start = match.start()
        newlines = text.count("\n", counted, start)
        if newlines:
            line += newlines
            line_start = text.rindex("\n", counted, start) + 1
        counted = start
        hits.append(Hit(source, line=line, column=start - line_start + 1))
    return hits


Location = tuple[str | int, ...]


def dotted(loc: Location) -> str:
    """A field path as people write it: ``('benefits', 0, 'name')`` -> ``benefits[0].name``.

    >>> dotted(("benefits", 0, "value", "annual"))
    'benefits[0].value.annual'
    """
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _walk(value: Any, loc: Location) -> Iterator[tuple[Location, str]]:
    """Like :func:`texts`, with the location as a tuple of keys and indices."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(key, (*loc, key))
            yield from _walk(item, (*loc, key))
    elif isinstance(value, list):
        for number, item in enumerate(value):
            yield from _walk(item, (*loc, number))
    else:
        for _, text in texts(value, ""):
            yield loc, text


def _written(text: str) -> list[str]:
    """The identity numbers in ``text`` as written there (with their separators)."""
    return [m.group(0) for m in ELEVEN_DIGITS.finditer(text) if is_national_id(m[1] + m[2])]


def find_in_data(data: dict[str, Any]) -> Iterator[tuple[str | None, Location, str]]:
    """(element id, field location, the number as written) of every identity number in
    plain plan data.

    Numbers count too: an 11-digit number, or a 10-digit one that lost its leading zero
    (then given with the zero).
    """
    for section, content in data.items():
        records = content if isinstance(content, list) else [content]
        for number, record in enumerate(records):
            element = record.get("id") if isinstance(record, dict) else None
            where: Location = (section, number) if isinstance(content, list) else (section,)
            for loc, text in _walk(record, where):
                for written in _written(text):
                    yield (element if isinstance(element, str) else None), loc, written


def find_in_plan(plan: Plan) -> list[tuple[str | None, Location, str]]:
    """(element id, field location, the number as written) of every identity number in a
    plan's texts and numbers."""
    if not may_hold_digit_runs(plan.model_dump_json()):
        return []
    data = plan.model_dump(mode="python", by_alias=True, exclude_none=True)
    return list(find_in_data(data))


_REASON = (
    "an 11-digit number here looks like a Norwegian national identity number "
    "(fødselsnummer or D-number with a valid checksum; GV201). Personal data must not be "
    "in a plan: remove it"
)


def refusal(hits: Sequence[Hit], doing: str = "nothing was written") -> PersonalDataError:
    """The error for identity numbers at ``hits`` (at least one), naming up to ten places."""
    places = [hit.place() for hit in hits]
    also = ""
    if len(places) > 1:
        shown = ", ".join(places[1:10])
        more = f" and {len(places) - 10} more" if len(places) > 10 else ""
        also = f" (also at {shown}{more})"
    first = hits[0]
    return PersonalDataError(
        f"{_REASON}{also}; {doing}",
        places=places,
        source=first.source,
        line=first.line if first.sheet is None else None,
        column=first.column if first.sheet is None else None,
    )


def refuse(plan: Plan) -> None:
    """Raise :class:`~gevinst.errors.PersonalDataError` when ``plan`` holds an identity number.

    Every writer of the library calls this first, so a plan holding personal data is never
    written out, whether it came from a file or was built in Python.
    """
    found = [Hit(None, element=e, field=dotted(loc)) for e, loc, _ in find_in_plan(plan)]
    if found:
        raise refusal(found, "it is not written out")
