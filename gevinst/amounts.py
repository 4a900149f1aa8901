"""Amounts of money that may be three-point estimates (trippelanslag, SPEC section 6).

Wherever a plan takes ``value.annual``, ``cost.one_off`` or ``cost.annual`` it may give
one number or ``[low, most_likely, high]``. Both are read as an :class:`Estimate`: a
number (its most likely value, so every planned figure and every sum works as before)
that also carries its range.

    >>> cost = Estimate(500_000, low=400_000, high=800_000)
    >>> cost + 100_000, cost.low, cost.high, cost.ranged
    (600000.0, 400000.0, 800000.0, True)
    >>> Estimate(500_000).ranged, Estimate(500_000).low
    (False, 500000.0)
    >>> estimate([1, 2, 4]) == estimate([1, 2, 3])  # a different range is a different amount
    False
"""

from __future__ import annotations

import math
from typing import Any

__all__ = ["Estimate", "as_written", "estimate", "number"]


class Estimate(float):
    """An amount: a ``float`` equal to its most likely value, with ``low`` and ``high``.

    Attributes:
        low, high: the range; both equal the number itself when none was given.
        ranged: ``True`` when the plan gave ``[low, most_likely, high]`` (even three
            equal numbers), so that writing the plan back gives what was read.

    Two estimates are equal when their three numbers and ``ranged`` are; an estimate
    and a plain number are equal when the most likely value is the number.
    """

    __slots__ = ("high", "low", "ranged")
    low: float
    high: float
    ranged: bool

    def __new__(
        cls, most_likely: float, low: float | None = None, high: float | None = None
    ) -> Estimate:
        self = super().__new__(cls, most_likely)
        self.ranged = low is not None or high is not None
        self.low = float(most_likely) if low is None else float(low)
        self.high = float(most_likely) if high is None else float(high)
        return self

    @property
    def most_likely(self) -> float:
        """The most likely value, as a plain ``float``."""
        return float(self)

    @property
    def points(self) -> tuple[float, float, float]:
        """``(low, most_likely, high)``."""
        return (self.low, float(self), self.high)

    @property
    def ordered(self) -> bool:
        """``low <= most_likely <= high`` (SPEC section 6; GV020 reports the others)."""
        return self.low <= float(self) <= self.high

    @property
    def finite(self) -> bool:
        """All three numbers are finite (no NaN, no infinity)."""
        return all(math.isfinite(x) for x in self.points)

    def _key(self) -> tuple[float, float, float, bool]:
        return (self.low, float(self), self.high, self.ranged)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Estimate):
            return self._key() == other._key()
        return float(self) == other

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return float.__hash__(self)

    def __reduce__(self) -> tuple[Any, ...]:
        if self.ranged:
            return (Estimate, (float(self), self.low, self.high))
        return (Estimate, (float(self),))

    def __repr__(self) -> str:
        if self.ranged:
            return f"Estimate({float(self)!r}, low={self.low!r}, high={self.high!r})"
        return float.__repr__(self)


def number(value: object, what: str = "") -> float:
    """``value`` as a float: int and float only (not bool, not text); ``what`` ends the
    message."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{value!r} is not a number{what}")
    if isinstance(value, float):
        return value
    try:
        return float(value)
    except OverflowError:  # an int beyond any float: hundreds of digits
        digits = int(value.bit_length() * 0.30103) + 1  # log10(2); str() of it may refuse
        raise ValueError(
            f"a whole number of about {digits} digits is too large for a plan: amounts and "
            "indicator values lie within ±1e15 (docs/limits.md); check the number"
        ) from None


def estimate(value: object) -> Estimate:
    """An :class:`Estimate` from what a plan file holds: a number or three numbers.

    Raises:
        ValueError: not a number, or a list that is not three numbers; the message says
            how to write it.
    """
    if isinstance(value, Estimate):
        return value
    if isinstance(value, list | tuple):
        if len(value) != 3:
            raise ValueError(
                f"{list(value)!r} is not a three-point estimate: write one number, or three "
                "as [low, most_likely, high], e.g. [400000, 500000, 800000]"
            )
        what = " (a three-point estimate is [low, most_likely, high])"
        low, likely, high = (number(x, what) for x in value)
        return Estimate(likely, low=low, high=high)
    return Estimate(number(value, ": an amount is one number, or [low, most_likely, high]"))


def as_written(value: Estimate) -> float | list[float]:
    """What a plan file holds for ``value``: the number, or ``[low, most_likely, high]``."""
    if isinstance(value, Estimate) and value.ranged:
        return list(value.points)
    return float(value)
