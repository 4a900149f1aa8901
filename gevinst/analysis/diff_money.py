"""Money in a plan comparison: values, costs and the plan's present values, judged.

A smaller benefit, a larger dis-benefit, a later start of a value or a dearer measure
*lowers expectations*; the reverse raises them. When money moved, the expected present
value before and after is given too. Used by :func:`gevinst.analysis.diff.diff`.

Examples:
    >>> judge_amount(200, 150, more_is_better=True), judge_amount(200, 150, more_is_better=False)
    ('lowered', 'raised')
    >>> judge_amount([100, 200, 300], 200, more_is_better=True) is None  # a range: not judged
    True
"""

from __future__ import annotations

from typing import Any

from gevinst.analysis.diff_compare import Comparison, generic, iso, parts, plain, same
from gevinst.analysis.diff_text import Judgement
from gevinst.model import Plan

__all__ = ["cost", "judge_amount", "present_values", "value"]


def judge_amount(before: object, after: object, *, more_is_better: bool) -> Judgement | None:
    numbers = (int, float)
    if not (isinstance(before, numbers) and isinstance(after, numbers)):
        return None
    if float(before) == float(after):  # only a range changed: the planned figure did not
        return None
    better = (after > before) == more_is_better
    return "raised" if better else "lowered"


def value(found: Comparison, old: Any, new: Any) -> int:
    """The ``value`` of a benefit or dis-benefit: its amount and when it starts."""
    worse_if_more = new.kind == "disbenefit"
    count = 0
    for name in parts(old.value, new.value):
        before = getattr(old.value, name, None)
        after = getattr(new.value, name, None)
        if same(before, after):
            continue
        if name == "annual":
            count += found.add(
                "value_changed",
                new,
                detail="annual_value",
                field="value.annual",
                old=plain(before),
                new=plain(after),
                judgement=judge_amount(before, after, more_is_better=not worse_if_more),
                unit=found.currency,
            )
        elif name == "from_":
            judgement: Judgement | None = None
            if before is not None and after is not None:
                later = after > before
                judgement = "lowered" if later != worse_if_more else "raised"
            count += found.add(
                "value_changed",
                new,
                detail="value_from",
                field="value.from_",
                old=iso(before),
                new=iso(after),
                judgement=judgement,
            )
        else:
            count += generic(found, new, f"value.{name}", before, after, "value_changed")
    return count


def cost(found: Comparison, old: Any, new: Any) -> int:
    """The ``cost`` of a measure: one-off and annual."""
    count = 0
    for name in parts(old.cost, new.cost):
        before = getattr(old.cost, name, None)
        after = getattr(new.cost, name, None)
        if same(before, after):
            continue
        if name in ("one_off", "annual"):
            count += found.add(
                "cost_changed",
                new,
                detail=name if name == "one_off" else "annual_cost",
                field=f"cost.{name}",
                old=plain(before),
                new=plain(after),
                judgement=judge_amount(before, after, more_is_better=False),
                unit=found.currency,
            )
        else:
            count += generic(found, new, f"cost.{name}", before, after, "cost_changed")
    return count


def present_values(found: Comparison) -> None:
    """The expected present values before and after, when they differ."""
    before, after = _present_values(found.old), _present_values(found.new)
    if before is None or after is None:
        return
    for key, old_value, new_value in zip(("expected", "expected_net"), before, after, strict=True):
        if round(old_value) != round(new_value):
            found.of_plan(
                "npv_changed", detail=key, old=old_value, new=new_value, unit=found.currency
            )


def _present_values(plan: Plan) -> tuple[float, float] | None:
    """Expected present value and expected net present value, or None when the plan
    cannot be evaluated (it has check errors, or a rate with no present value)."""
    from gevinst.analysis.evaluate import evaluate

    try:
        money = evaluate(plan, at=plan.start).npv()
    except ValueError:  # PlanCheckError is one; so is a discount rate of -100 % or less
        return None
    return money.expected, money.expected_net
