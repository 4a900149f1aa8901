"""What changed between two versions of a plan, in words a manager reads, and as data.

Plans change at every phase; the council must see what was promised before and what
is promised now. :func:`diff` walks every field of both plans (the plan's settings,
every element, stakeholder and indicator matched by id, their links, targets, values
and costs, the measurements and the reviews) and reports every change that makes the
two plans unequal: the diff is empty exactly when ``old == new``. Some changes get a
judgement: a lower target on an indicator where higher is better means *expectations
lowered*; so does the same target at a later date, a smaller benefit or a dearer
measure. When money moved, the expected present value before and after is given too.
The result, and its text, Markdown and JSON forms, is a
:class:`~gevinst.analysis.diff_result.PlanDiff`.

Examples:
    >>> import gevinst as gv
    >>> old = gv.Plan.new("p", "Plan")
    >>> _ = old.add_indicator("I1", "Ventetid", direction="decrease",
    ...                       baseline={"date": "2024-01-01", "value": 30},
    ...                       targets=[{"date": "2025-12-31", "value": 20}])
    >>> new = old.model_copy(deep=True)
    >>> new.indicators[0].targets[0].value = 25
    >>> changes = gv.diff(old, new)
    >>> [c.kind for c in changes.lowered]
    ['target_changed']
    >>> print(changes.to_text(language="en").splitlines()[4])
    - Indicator I1 «Ventetid»: target for 2025-12-31 from 20 to 25 (lower is better)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from gevinst.analysis import diff_elements, diff_indicators, diff_money
from gevinst.analysis.diff_compare import Comparison, keyed, natural, plain, same
from gevinst.analysis.diff_result import KINDS, PlanDiff
from gevinst.analysis.diff_text import Difference, Judgement
from gevinst.model import SECTIONS, Plan

__all__ = [
    "FORMATS",
    "KINDS",
    "SUFFIXES",
    "Difference",
    "Judgement",
    "PlanDiff",
    "diff",
    "diff_format",
]


Handler = Callable[[Comparison, Any, Any], int]

#: What can move the expected money: the plan's settings, benefits, dis-benefits and
#: measures (and year 0, which follows the earliest date when the plan gives no start).
#: Evaluating a large plan takes a while, so the money is worked out only then.
_MONEY_KINDS = frozenset({"plan", "benefit", "disbenefit", "measure"})


def _differences(old: Plan, new: Plan) -> list[Difference]:
    """The differences between two plans, field by field, in the order they are shown.

    Every field of the plan is compared: its settings here, each section's elements,
    stakeholders and indicators by :mod:`~gevinst.analysis.diff_elements`, the
    measurements and reviews by their own handlers. When a field differs and no handler
    named the change, the field itself is reported: nothing unequal goes unsaid.
    """
    found = Comparison(old, new)
    handlers: dict[str, Handler] = {
        "info": _settings,
        "measurements": diff_indicators.measurements,
        "reviews": diff_elements.reviews,
    }
    for name in Plan.model_fields:
        before, after = getattr(old, name), getattr(new, name)
        if same(before, after):
            continue
        if name in SECTIONS:
            count = _section(found, name, before, after)
        else:
            count = handlers[name](found, before, after) if name in handlers else 0
        if not count:
            found.of_plan("setting_changed", field=name, old=plain(before), new=plain(after))
    if old.start != new.start or any(d.element_kind in _MONEY_KINDS for d in found.out):
        diff_money.present_values(found)
    order = {kind: number for number, kind in enumerate(KINDS)}
    return sorted(
        found.out,
        key=lambda d: (order[d.kind], natural(d.element), d.detail or "", d.field or ""),
    )


def _settings(found: Comparison, old: Any, new: Any) -> int:
    count = 0
    for name in type(new).model_fields:
        before, after = getattr(old, name), getattr(new, name)
        if same(before, after):
            continue
        kind = "owner_changed" if name == "owner" else "setting_changed"
        count += found.of_plan(kind, field=name, old=plain(before), new=plain(after))
    return count


def _section(found: Comparison, name: str, old: list[Any], new: list[Any]) -> int:
    """One list of the plan (goals, benefits, stakeholders ...): records matched by id."""
    old_keyed = keyed(old, lambda r: r.id)
    new_keyed = keyed(new, lambda r: r.id)
    before, after = dict(old_keyed), dict(new_keyed)
    count = 0
    for key, record in new_keyed:
        if key not in before:
            count += found.add("added", record, detail=diff_elements.links_text(record))
    for key, record in old_keyed:
        if key not in after:
            count += found.add("removed", record, detail=diff_elements.links_text(record))
    for key, record in new_keyed:
        if key in before:
            count += diff_elements.record(found, before[key], record)
    kept_old = [key[0] for key, _ in old_keyed if key in after]
    kept_new = [key[0] for key, _ in new_keyed if key in before]
    if kept_old != kept_new:
        count += found.of_plan(
            "order_changed", detail=name, field=name, old=list(kept_old), new=list(kept_new)
        )
    return count


#: The forms of a diff: name -> the :class:`PlanDiff` method that writes it.
FORMATS: dict[str, Callable[[PlanDiff], str]] = {
    "text": PlanDiff.to_text,
    "json": PlanDiff.to_json,
    "md": PlanDiff.to_markdown,
}

#: Output suffix -> the form of a diff written to such a file (any other suffix: text).
SUFFIXES: dict[str, str] = {".json": "json", ".md": "md"}


def diff_format(format: str | None, output: str | Path | None = None) -> str:
    """The form of a diff: ``format`` if given, else the one the suffix of ``output``
    picks (:data:`SUFFIXES`), else text.

    Examples:
        >>> diff_format(None, "changes.md"), diff_format(None, "x.txt"), diff_format("json")
        ('md', 'text', 'json')
    """
    if format is not None:
        return format
    suffix = Path(output).suffix.lower() if output else ""
    return SUFFIXES.get(suffix, "text")


def diff(old: Plan, new: Plan, *, language: str | None = None) -> PlanDiff:
    """Compare two versions of a plan: what was promised before and what is promised now.

    Every field of both plans is compared, so the result is empty exactly when
    ``old == new``. Elements, stakeholders and indicators are matched by id: the same
    id with another name is *renamed*; an id that moved to another kind (a change that
    became a benefit) is removed and added. Measurements are matched by indicator and
    date, reviews by element and date.

    Args:
        old: the earlier version.
        new: the later version.
        language: ``nb`` or ``en`` for the words; the new plan's language by default.

    Returns:
        A :class:`PlanDiff`; ``.to_text()``, ``.to_markdown()`` and ``.to_json()`` show it.
    """
    return PlanDiff(
        old_id=old.id,
        new_id=new.id,
        old_title=old.title,
        new_title=new.title,
        language=language or new.language,
        differences=_differences(old, new),
    )
