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
from gevinst.i18n.words import t

if TYPE_CHECKING:
    from gevinst.model import Plan

__all__ = ["money_problems", "require_sound_money", "unranged_amounts"]

#: (code, element id, field, message)
Problem = tuple[str, str | None, str, str]


def _number(value: float) -> str:
    """A number as a plan file would hold it: 1200000, 0.25 (not 1.2e+06)."""
    return f"{value:.15g}"


def _kind_names(plan: Plan, language: str) -> dict[str, str]:
    names: dict[str, str] = {}
    for element in plan.elements():
        names.setdefault(element.id, t(element.kind, language).lower())
    return names


def _misordered(element: str, field: str, amount: Estimate, kind: str, language: str) -> Problem:
    low, likely, high = amount.points
    key = "gv020_low" if low > likely else "gv020_high"
    written = ", ".join(_number(x) for x in amount.points)
    message = t(key, language).format(
        field=field,
        kind=kind,
        id=element,
        written=written,
        low=_number(low),
        likely=_number(likely),
        high=_number(high),
    )
    return ("GV020", element, field, message)


def money_problems(plan: Plan, language: str = "en") -> Iterator[Problem]:
    """The errors of ``plan``'s uncertain money, as (code, element id, field, message):
    ranges out of order (GV020), ramp-up shares outside 0..1 (GV021) and a correlation
    outside 0..1 (GV022), each code in file order; the messages in ``language``."""
    kinds: dict[str, str] = {}
    for element, field, amount in plan.amounts():
        # one number is always in order; NaN and infinities are GV006's
        if amount.ranged and not amount.ordered and amount.finite:
            kinds = kinds or _kind_names(plan, language)
            kind = kinds.get(element, t("element", language).lower())
            yield _misordered(element, field, amount, kind, language)
    ramps = [("benefit", b) for b in plan.benefits] + [("disbenefit", d) for d in plan.disbenefits]
    for kind_key, benefit in ramps:
        if benefit.value is None or not benefit.value.ramp:
            continue
        kind = t(kind_key, language).lower()
        for year, share in enumerate(benefit.value.ramp):
            if not 0 <= share <= 1:  # NaN too
                field = f"value.ramp[{year}]"
                message = t("gv021_share", language).format(
                    field=field, kind=kind, id=benefit.id, share=_number(share)
                )
                yield ("GV021", benefit.id, field, message)
    correlation = plan.info.correlation
    if correlation is not None and not 0 <= correlation <= 1:
        message = t("gv022_outside", language).format(value=_number(correlation))
        yield ("GV022", plan.id, "correlation", message)


def unranged_amounts(plan: Plan, language: str = "en") -> Iterator[Problem]:
    """The amounts without a range in a plan where most (more than half) have one
    (GV023), as (code, element id, field, message in ``language``). An amount of 0
    without a range (a measure's cost left out) has nothing uncertain and is not
    counted."""
    counted = [(e, f, a) for e, f, a in plan.amounts() if a.ranged or a]  # a != 0
    ranged = sum(1 for _, _, amount in counted if amount.ranged)
    if ranged * 2 <= len(counted):
        return
    kinds = _kind_names(plan, language)
    for element, field, amount in counted:
        if not amount.ranged:
            message = t("gv023_one_number", language).format(
                field=field,
                kind=kinds.get(element, t("element", language).lower()),
                id=element,
                value=_number(amount),
                ranged=ranged,
                counted=len(counted),
            )
            yield ("GV023", element, field, message)


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
