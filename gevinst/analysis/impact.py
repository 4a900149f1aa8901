"""What a plan loses without one element: the support that goes, the scores that change.

The question a manager asks before stopping a measure: which benefits would no
measure feed any more (``orphaned``), which keep other support (``weakened``), and
how the scores would move (from an evaluation). The support comes from the graph
(:class:`~gevinst.graph.BenefitMap`); the scores from :mod:`gevinst.analysis.evaluate`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from gevinst.analysis.evaluate import Evaluation, evaluate
from gevinst.graph import BenefitMap
from gevinst.model import Plan

__all__ = ["Impact", "impact"]


@dataclass(frozen=True)
class Impact:
    """What happens to the map without one element.

    ``orphaned``: elements that are fed by some measure now and by none without it.
    ``weakened``: elements it feeds directly that keep other support.
    ``scores``: for each element whose score changes, (score now, score without it),
    when an evaluation date was given.
    """

    element: str
    orphaned: list[str]
    weakened: list[str]
    scores: dict[str, tuple[float | None, float | None]] = field(default_factory=dict)


def impact(
    plan: Plan | BenefitMap,
    id: str,
    evaluation: Evaluation | None = None,
    *,
    at: dt.date | str | None = None,
) -> Impact:
    """What loses support, and which scores change, if element ``id`` is dropped.

    Args:
        plan: the plan (or its map).
        id: the element to drop.
        evaluation: an evaluation of the plan; when given, ``scores`` lists each element
            whose score changes as (score now, score without ``id``).
        at: instead of ``evaluation``: evaluate the plan at this date for ``scores``.

    Examples:
        >>> import gevinst as gv
        >>> plan = gv.load("examples/bergen_barnevern/plan.yaml")
        >>> result = gv.impact(plan, "B6", at="2025-10-01")
        >>> result.orphaned, sorted(result.scores)[:3]
        ([], ['G1', 'G2', 'O1'])

    Raises:
        KeyError: ``id`` is not an element of the map.
    """
    bmap = plan if isinstance(plan, BenefitMap) else BenefitMap(plan)
    if id not in bmap.graph:
        raise KeyError(f"{id!r} is not an element of the benefit map")
    before = bmap.supported()
    after = bmap.supported(without=[id])
    orphaned = sorted(before - after - {id})
    weakened = sorted(v for v in bmap.graph.successors(id) if v in after)
    scores: dict[str, tuple[float | None, float | None]] = {}
    if evaluation is None and at is not None:
        evaluation = evaluate(bmap.plan, at=at)
    if evaluation is not None:
        scores = evaluation.without(id)
    return Impact(element=id, orphaned=orphaned, weakened=weakened, scores=scores)
