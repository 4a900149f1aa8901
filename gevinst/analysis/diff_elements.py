"""One element, stakeholder or indicator in a plan comparison, field by field; and reviews.

Every field is compared; a field with a handler in :data:`HANDLERS` (names, links,
owners, targets, money ...) is told in the words of the domain, by this module or by
:mod:`~gevinst.analysis.diff_money` and :mod:`~gevinst.analysis.diff_indicators`. When
a field differs and no handler named the change, the field itself is reported with its
value before and after: nothing unequal goes unsaid. Links are matched by the element
they lead to, reviews by element and date. Used by :func:`gevinst.analysis.diff.diff`.

Examples:
    >>> import gevinst as gv
    >>> old = gv.Plan.new("p", "Plan")
    >>> _ = old.add_goal("G1", "Gode tjenester")
    >>> new = old.model_copy(deep=True)
    >>> new.goals[0].name = "Bedre tjenester"
    >>> found = Comparison(old, new)
    >>> record(found, old.goals[0], new.goals[0]), found.out[0].kind
    (1, 'renamed')
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gevinst.analysis import diff_indicators, diff_money
from gevinst.analysis.diff_compare import (
    Comparison,
    corrected,
    generic,
    grouped,
    keyed,
    natural,
    plain,
    reordered,
    same,
)
from gevinst.model import Review

__all__ = ["HANDLERS", "links_text", "record", "reviews"]


def record(found: Comparison, old: Any, new: Any) -> int:
    """Every field of one element, stakeholder or indicator, kept under the same id."""
    count = 0
    for name in type(new).model_fields:
        before, after = getattr(old, name), getattr(new, name)
        if same(before, after):
            continue
        handler = HANDLERS.get(name)
        counted = handler(found, old, new) if handler is not None else 0
        count += counted or generic(found, new, name, before, after)
    return count


def links_text(record: Any) -> str | None:
    """The ids an element contributes to, for an element added or removed."""
    links = getattr(record, "contributes_to", None)
    if not links:
        return None
    return ", ".join(link.to for link in links)


def _renamed(found: Comparison, old: Any, new: Any) -> int:
    return found.add("renamed", new, field="name", old=old.name, new=new.name)


def _owner(found: Comparison, old: Any, new: Any) -> int:
    return found.add(
        "owner_changed", new, detail="owner", field="owner", old=old.owner, new=new.owner
    )


def _status(found: Comparison, old: Any, new: Any) -> int:
    return found.add(
        "status_changed", new, detail="status", field="status", old=old.status, new=new.status
    )


def _impacts(found: Comparison, old: Any, new: Any) -> int:
    count = 0
    for id in sorted(set(old.impacts) | set(new.impacts), key=natural):
        before, after = old.impacts.get(id), new.impacts.get(id)
        if before != after:
            count += found.add(
                "field_changed", new, field="impacts", detail=id, old=before, new=after
            )
    return count


def _mitigations(found: Comparison, old: Any, new: Any) -> int:
    """Mitigations (``mitigates``) told like links, with ``field`` ``mitigates...``."""
    return _links(found, old, new, "mitigates")


def _links(found: Comparison, old: Any, new: Any, field: str = "contributes_to") -> int:
    old_keyed = keyed(getattr(old, field), lambda link: link.to)
    new_keyed = keyed(getattr(new, field), lambda link: link.to)
    before, after = dict(old_keyed), dict(new_keyed)
    count = 0
    for key, link in new_keyed:
        if key not in before:
            count += found.add("link_added", new, field=f"{field}.to", detail=found.named(link.to))
    for key, link in old_keyed:
        if key not in after:
            count += found.add(
                "link_removed", new, field=f"{field}.to", detail=found.named(link.to)
            )
    for key, link in new_keyed:
        if key not in before:
            continue
        was = before[key]
        for name in type(link).model_fields:
            a, b = getattr(was, name), getattr(link, name)
            if same(a, b):
                continue
            kind = "weight_changed" if name == "weight" else "link_changed"
            count += found.add(
                kind,
                new,
                detail=link.to,
                field=f"{field}.{name}",
                old=plain(a),
                new=plain(b),
            )
    kept_old = [key[0] for key, _ in old_keyed if key in after]
    kept_new = [key[0] for key, _ in new_keyed if key in before]
    if kept_old != kept_new:
        count += found.add(
            "order_changed",
            new,
            detail="links",
            field=field,
            old=kept_old,
            new=kept_new,
        )
    return count


#: Field name -> what tells its change in the words of the domain (any other field:
#: :func:`~gevinst.analysis.diff_compare.generic`).
HANDLERS: dict[str, Callable[[Comparison, Any, Any], int]] = {
    "name": _renamed,
    "contributes_to": _links,
    "mitigates": _mitigations,
    "owner": _owner,
    "status": _status,
    "value": diff_money.value,
    "cost": diff_money.cost,
    "baseline": diff_indicators.baseline,
    "targets": diff_indicators.targets,
    "direction": diff_indicators.direction,
    "impacts": _impacts,
}


# -- reviews ---------------------------------------------------------------------------------


def reviews(found: Comparison, old: list[Review], new: list[Review]) -> int:
    """The plan's reviews, matched by element and date."""
    return sum(
        _reviewed(found, id, was, now) for id, was, now in grouped(old, new, lambda r: r.element)
    )


def _reviewed(found: Comparison, id: str, old: list[Review], new: list[Review]) -> int:
    kind, name = found.about(id)
    old_keyed = keyed(old, lambda r: r.date)
    new_keyed = keyed(new, lambda r: r.date)
    before, after = dict(old_keyed), dict(new_keyed)
    count = 0
    for key, r in new_keyed:
        if key not in before:
            count += found.emit(
                "review_added",
                id,
                kind,
                name,
                detail=key[0].isoformat(),
                field="reviews",
                new=r.status,
            )
    for key, r in old_keyed:
        if key not in after:
            count += found.emit(
                "review_removed",
                id,
                kind,
                name,
                detail=key[0].isoformat(),
                field="reviews",
                old=r.status,
            )
    who = (id, kind, name)
    count += corrected(found, who, before, new_keyed, code="review_changed", section="reviews")
    if not count:  # the same reviews in another order
        count += reordered(found, who, old, new, "reviews")
    return count
