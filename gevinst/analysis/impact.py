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
from gevinst.graph import BenefitMap, mitigations
from gevinst.i18n.formats import NO_VALUE, format_percent
from gevinst.i18n.html import Cell, html_table
from gevinst.i18n.words import t
from gevinst.model import Plan

__all__ = ["Impact", "impact"]


@dataclass(frozen=True)
class Impact:
    """What happens to the map without one element.

    ``orphaned``: elements that are fed by some measure now and by none without it.
    ``weakened``: elements it feeds directly that keep other support.
    ``scores``: for each element whose score changes, (score now, score without it),
    when an evaluation date was given.
    ``unmitigated``: dis-benefits it mitigates (``mitigates``) that nothing else does.
    """

    element: str
    orphaned: list[str]
    weakened: list[str]
    scores: dict[str, tuple[float | None, float | None]] = field(default_factory=dict)
    #: The name of each element of the map, and the plan's language (for display).
    names: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    language: str = field(default="nb", compare=False, repr=False)
    unmitigated: list[str] = field(default_factory=list)

    def _repr_html_(self) -> str:
        """A table of what changes without the element, so an impact shows itself in
        Jupyter: elements that lose all support, those weakened, and score changes."""
        lang = self.language

        def pct(score: float | None) -> str:
            return NO_VALUE if score is None else format_percent(score, lang)

        rows: list[list[Cell]] = []
        for key, ids in (
            ("orphaned", self.orphaned),
            ("weakened", self.weakened),
            ("unmitigated", self.unmitigated),
        ):
            rows += [[i, self.names.get(i, ""), t(key, lang), "", ""] for i in ids]
        for i, (now, without) in sorted(self.scores.items()):
            rows.append(
                [i, self.names.get(i, ""), t("score_changes", lang), pct(now), pct(without)]
            )
        caption = t("html_impact", lang).format(
            element=f"{self.element} ({self.names[self.element]})"
            if self.element in self.names
            else self.element
        )
        header = [t(k, lang) for k in ("id", "name", "effect", "score_now", "score_without")]
        note = None if rows else t("html_impact_none", lang)
        return html_table(
            caption, header, rows, right={3, 4}, note=note, more=t("html_rows_left_out", lang)
        )


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
    names = {n: str(name) for n, name in bmap.graph.nodes(data="name")}
    mitigated_by: dict[str, set[str]] = {}
    for source, target, _ in mitigations(bmap.plan):
        mitigated_by.setdefault(target, set()).add(source)
    unmitigated = sorted(d for d, by in mitigated_by.items() if by == {id})
    return Impact(
        element=id,
        orphaned=orphaned,
        weakened=weakened,
        scores=scores,
        names=names,
        language=bmap.plan.language,
        unmitigated=unmitigated,
    )
