"""The kit every part of a plan comparison uses: what was found so far, and how fields compare.

:func:`gevinst.analysis.diff.diff` walks the plan; the modules beside this one compare
its parts (:mod:`~gevinst.analysis.diff_elements`, :mod:`~gevinst.analysis.diff_money`,
:mod:`~gevinst.analysis.diff_indicators`). Each of them adds what it finds to one
:class:`Comparison` and says how many differences it found: a field that differs and
for which none was found is then reported as itself (:func:`generic`).

Examples:
    >>> keyed(["B1", "B2", "B1"], lambda id: id)
    [(('B1', 0), 'B1'), (('B2', 0), 'B2'), (('B1', 1), 'B1')]
    >>> sorted(["B10", "B2", "A"], key=natural)
    ['A', 'B2', 'B10']
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel

from gevinst.amounts import Estimate
from gevinst.analysis.diff_text import Difference, Shown, one_line
from gevinst.model import Plan

__all__ = [
    "Comparison",
    "corrected",
    "generic",
    "grouped",
    "iso",
    "keyed",
    "natural",
    "parts",
    "plain",
    "reordered",
    "same",
]


def same(a: object, b: object) -> bool:
    """Equal as pydantic compares fields (the same object is equal, even a NaN)."""
    return a is b or a == b


def plain(value: object) -> Shown:
    """A field's value as JSON-able data."""
    if isinstance(value, BaseModel):
        dumped: dict[str, Shown] = value.model_dump(mode="json", by_alias=True)
        return dumped
    if isinstance(value, Estimate):  # as the file writes it: [low, most_likely, high]
        points: list[Shown] = list(value.points)
        return points if value.ranged else float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def parts(before: BaseModel | None, after: BaseModel | None) -> list[str]:
    """The field names of a part that may be missing on one side (a value, a cost)."""
    present = after if after is not None else before
    return list(type(present).model_fields) if present is not None else []


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def keyed(items: Sequence[Any], key: Callable[[Any], Any]) -> list[tuple[tuple[Any, int], Any]]:
    """Items keyed by ``(key, n)``: the n-th item with that key (so repeats pair in order)."""
    seen: Counter[Any] = Counter()
    out = []
    for item in items:
        k = key(item)
        out.append(((k, seen[k]), item))
        seen[k] += 1
    return out


_R = TypeVar("_R")  # a kind of record: measurement or review


def grouped(
    old: Sequence[_R], new: Sequence[_R], key: Callable[[_R], str]
) -> Iterator[tuple[str, list[_R], list[_R]]]:
    """``(id, old records, new records)`` for each id whose records differ, in id order."""
    by_old: dict[str, list[_R]] = defaultdict(list)
    by_new: dict[str, list[_R]] = defaultdict(list)
    for record in old:
        by_old[key(record)].append(record)
    for record in new:
        by_new[key(record)].append(record)
    for id in sorted(set(by_old) | set(by_new), key=natural):
        if by_old[id] != by_new[id]:
            yield id, by_old[id], by_new[id]


def natural(id: str) -> tuple[Any, ...]:
    """Sort B2 before B10."""
    head = id.rstrip("0123456789")
    tail = id[len(head) :]
    return (head, int(tail) if tail else -1, id)


class Comparison:
    """Two plans being compared, and the differences found between them so far.

    Each ``emit`` (or ``add``, ``of_plan``) records one
    :class:`~gevinst.analysis.diff_text.Difference` and returns 1, so a comparison of a
    field returns how many it found.
    """

    def __init__(self, old: Plan, new: Plan) -> None:
        self.old, self.new = old, new
        self.old_records = {r.id: r for r in reversed(list(old.records()))}
        self.new_records = {r.id: r for r in reversed(list(new.records()))}
        self.currency = new.info.currency
        self.out: list[Difference] = []

    def emit(self, kind: str, element: str, element_kind: str, name: str, **kw: Any) -> int:
        self.out.append(Difference(kind, element, element_kind, name, **kw))
        return 1

    def add(self, kind: str, record: Any, **kw: Any) -> int:
        return self.emit(kind, record.id, record.kind, record.name, **kw)

    def of_plan(self, kind: str, **kw: Any) -> int:
        return self.emit(kind, self.new.id, "plan", self.new.title, **kw)

    def about(self, id: str) -> tuple[str, str]:
        """Kind and name of the record with ``id`` (new version first)."""
        record = self.new_records.get(id) or self.old_records.get(id)
        if record is None:
            return "element", id
        return record.kind, record.name

    def named(self, id: str) -> str:
        record = self.new_records.get(id) or self.old_records.get(id)
        return f"{id} «{one_line(record.name)}»" if record is not None else id


def generic(
    found: Comparison, record: Any, path: str, before: Any, after: Any, kind: str = ""
) -> int:
    """A field without a handler: its parts if it is a model, else its values."""
    if isinstance(before, BaseModel | None) and isinstance(after, BaseModel | None):
        count = 0
        for name in parts(before, after):
            a, b = getattr(before, name, None), getattr(after, name, None)
            if not same(a, b):
                count += generic(found, record, f"{path}.{name}", a, b, kind)
        if count:
            return count
    return found.add(
        kind or "field_changed", record, field=path, old=plain(before), new=plain(after)
    )


def corrected(
    found: Comparison,
    who: tuple[str, str, str],
    before: dict[Any, Any],
    new_keyed: list[tuple[tuple[Any, int], Any]],
    *,
    code: str,
    section: str,
    unit: str | None = None,
) -> int:
    """Each field that changed in a dated record kept on its date (a measurement, a
    review): one ``code`` difference each; ``unit`` goes with a changed ``value``."""
    count = 0
    for key, record in new_keyed:
        was = before.get(key)
        if was is None:
            continue
        for part in type(record).model_fields:
            a, b = getattr(was, part), getattr(record, part)
            if not same(a, b):
                count += found.emit(
                    code,
                    *who,
                    detail=key[0].isoformat(),
                    field=f"{section}.{part}",
                    old=plain(a),
                    new=plain(b),
                    unit=unit if part == "value" else None,
                )
    return count


def reordered(
    found: Comparison, who: tuple[str, str, str], old: Any, new: Any, section: str
) -> int:
    """The same dated records in another order: one ``order_changed`` difference."""
    dates = [r.date.isoformat() for r in old], [r.date.isoformat() for r in new]
    return found.emit(
        "order_changed", *who, detail=section, field=section, old=dates[0], new=dates[1]
    )
