"""Norwegian national identity numbers: how GV201 recognises personal data in a plan.

Benefit plans are about services, never about a child or a family, so a fødselsnummer
or D-number must never be in one. An 11-digit run counts only when its date part is a
real date (D-number: day + 40; H-number: month + 40) and both check digits are right,
so phone numbers, organisation numbers and amounts do not raise the alarm.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Iterator
from typing import Any

__all__ = ["ELEVEN_DIGITS", "is_national_id", "may_hold_digit_runs", "texts"]

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
