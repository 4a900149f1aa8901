"""The checks of a plan's uncertain money: ranges, ramps and correlation (SPEC section 6).

An amount given as ``[low, most_likely, high]`` must be in that order (GV020), a ramp-up
share lies between 0 and 1 (GV021) and so does ``correlation`` (GV022): the model reads
all of them as they are, so that ``gevinst check`` can report every such problem at once,
each at its element's line. A plan where most amounts have a range is told which have
none (GV023, info), since the simulation holds those fixed.

The rules are found here as ``(code, element id, field, message)``, for ``check`` (which
registers them with their codes in ``gevinst.analysis.checks.CODES``) and for
:func:`require_sound_money`, which refuses such a plan before any money is computed
(``gevinst.analysis.limits.require_within_limits`` calls it).

Examples:
    >>> import gevinst as gv
    >>> plan = gv.Plan.new("p", "P")
    >>> _ = plan.add_benefit("B1", "Gevinst", value={"annual": [900, 500, 800]})
    >>> [(code, element, field) for code, element, field, _ in money_problems(plan)]
    [('GV020', 'B1', 'value.annual')]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from gevinst.amounts import Estimate
from gevinst.errors import PlanError

if TYPE_CHECKING:
    from gevinst.model import Plan

__all__ = ["money_problems", "require_sound_money", "unranged_amounts"]

#: (code, element id, field, message)
Problem = tuple[str, str | None, str, str]


def _number(value: float) -> str:
    """A number as a plan file would hold it: 1200000, 0.25 (not 1.2e+06)."""
    return f"{value:.15g}"


def _kind_names(plan: Plan) -> dict[str, str]:
    names: dict[str, str] = {}
    for element in plan.elements():
        names.setdefault(
            element.id, "dis-benefit" if element.kind == "disbenefit" else element.kind
        )
    return names


def _misordered(element: str, field: str, amount: Estimate, kind: str) -> Problem:
    low, likely, high = amount.points
    why = (
        f"low {_number(low)} is above most likely {_number(likely)}"
        if low > likely
        else f"most likely {_number(likely)} is above high {_number(high)}"
    )
    written = ", ".join(_number(x) for x in amount.points)
    return (
        "GV020",
        element,
        field,
        f"{field} of {kind} {element} is [{written}]: {why}; write [low, most_likely, high] "
        "with low <= most_likely <= high",
    )


def money_problems(plan: Plan) -> Iterator[Problem]:
    """The errors of ``plan``'s uncertain money, as (code, element id, field, message):
    ranges out of order (GV020), ramp-up shares outside 0..1 (GV021) and a correlation
    outside 0..1 (GV022), each code in file order."""
    kinds: dict[str, str] = {}
    for element, field, amount in plan.amounts():
        # one number is always in order; NaN and infinities are GV006's
        if amount.ranged and not amount.ordered and amount.finite:
            kinds = kinds or _kind_names(plan)
            yield _misordered(element, field, amount, kinds.get(element, "element"))
    ramps = [("benefit", b) for b in plan.benefits] + [("dis-benefit", d) for d in plan.disbenefits]
    for kind, benefit in ramps:
        if benefit.value is None or not benefit.value.ramp:
            continue
        for year, share in enumerate(benefit.value.ramp):
            if not 0 <= share <= 1:  # NaN too
                field = f"value.ramp[{year}]"
                yield (
                    "GV021",
                    benefit.id,
                    field,
                    f"{field} of {kind} {benefit.id} is {_number(share)}; a "
                    "ramp-up share lies between 0 and 1 (0.25 books a quarter of annual in "
                    "that year): write it as a share, e.g. ramp: [0.25, 0.5]",
                )
    correlation = plan.info.correlation
    if correlation is not None and not 0 <= correlation <= 1:
        yield (
            "GV022",
            plan.id,
            "correlation",
            f"correlation is {_number(correlation)}; the correlation between the uncertain "
            "amounts lies between 0 (independent) and 1 (all high or low together): write "
            "e.g. correlation: 0.3, or leave it out for 0",
        )


def unranged_amounts(plan: Plan) -> Iterator[Problem]:
    """The amounts without a range in a plan where most (more than half) have one
    (GV023), as (code, element id, field, message). An amount of 0 without a range
    (a measure's cost left out) has nothing uncertain and is not counted."""
    counted = [(e, f, a) for e, f, a in plan.amounts() if a.ranged or a]  # a != 0
    ranged = sum(1 for _, _, amount in counted if amount.ranged)
    if ranged * 2 <= len(counted):
        return
    kinds = _kind_names(plan)
    for element, field, amount in counted:
        if not amount.ranged:
            yield (
                "GV023",
                element,
                field,
                f"{field} of {kinds.get(element, 'element')} {element} is one number "
                f"({_number(amount)}), while {ranged} of the plan's {len(counted)} amounts have "
                "a range; give it [low, most_likely, high] too, so the simulation counts its "
                "uncertainty",
            )


def require_sound_money(plan: Plan) -> None:
    """Raise for the first range out of order, ramp-up share or correlation outside 0..1.

    Raises:
        PlanError: naming the element and field, what is wrong and how to fix it
            (``gevinst check`` reports these as GV020, GV021 and GV022).

    Examples:
        >>> import gevinst as gv
        >>> plan = gv.Plan.new("p", "P")
        >>> plan.info.correlation = 1.5
        >>> try:
        ...     require_sound_money(plan)
        ... except gv.PlanError as error:
        ...     print(error.element, error.field, error.reason[:19])
        p correlation correlation is 1.5;
    """
    for _code, element, field, message in money_problems(plan):
        raise PlanError(message, source=plan.id, element=element, field=field)
