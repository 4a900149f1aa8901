"""``gevinst impact``: what a plan loses without one element, in words, Markdown or JSON.

:func:`~gevinst.analysis.impact.impact` says which elements lose all support and which
scores move; this module adds the money (:func:`impact_money`) and words it all in the
plan's language or the one asked for.

The money is counted as planned (expected present values, :func:`~gevinst.analysis.money.npv`
with the plan's rate): dropping a measure saves its costs, and every monetised benefit
that no measure feeds any more is lost (a dis-benefit that loses its cause is a loss
that goes away, so it counts negative). The net present value as planned changes by
the costs saved less the benefits lost. Elements that keep other support keep their
value. In the text and Markdown each line is what it does to the net present value:
costs saved count up, benefits lost down, a dis-benefit gone up.

Examples:
    >>> import gevinst as gv
    >>> plan = gv.load("examples/bergen_barnevern/plan.yaml")
    >>> text = impact_text(plan, gv.impact(plan, "M9"), language="en")
    >>> print(text.splitlines()[5])
      Costs saved                      96,154 NOK
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from gevinst._files import atomic_write, by_suffix
from gevinst.analysis.impact import Impact, impact
from gevinst.analysis.money import npv
from gevinst.errors import PlanError, Said
from gevinst.i18n.formats import format_money, format_percent
from gevinst.i18n.markdown import markdown_escape, markdown_table
from gevinst.i18n.words import t
from gevinst.model import Plan

__all__ = [
    "WRITERS",
    "ImpactMoney",
    "checked_impact",
    "impact_json",
    "impact_markdown",
    "impact_money",
    "impact_text",
    "write_impact",
    "writer_for",
]


@dataclass(frozen=True)
class ImpactMoney:
    """The money of a plan without one element, as planned (present values).

    Attributes:
        currency: the plan's currency.
        costs_saved: the present value of the dropped measure's costs (0 for others).
        benefits_lost: element id -> the expected present value lost with it, for the
            dropped element and every element that loses all support, if monetised
            (a dis-benefit's is negative: its loss goes away).
        expected_net: the plan's net present value as planned, with the element.
    """

    currency: str
    costs_saved: float
    benefits_lost: dict[str, float]
    expected_net: float

    @property
    def lost(self) -> float:
        """The present value of every benefit lost (dis-benefits gone count negative)."""
        return math.fsum(self.benefits_lost.values())

    @property
    def net_change(self) -> float:
        """How the net present value as planned changes: costs saved less benefits lost."""
        return self.costs_saved - self.lost

    @property
    def expected_net_without(self) -> float:
        """The net present value as planned without the element."""
        return self.expected_net + self.net_change


def impact_money(plan: Plan, result: Impact) -> ImpactMoney:
    """The money of dropping ``result.element`` from ``plan`` (see the module's rules).

    Examples:
        >>> import gevinst as gv
        >>> plan = gv.Plan.new("p", "Demo", start="2024-01-01", horizon_years=2,
        ...                    discount_rate=0.25)
        >>> _ = plan.add_goal("G1", "Mål")
        >>> _ = plan.add_benefit("B1", "Gevinst", value={"annual": 1000}, contributes_to=["G1"])
        >>> _ = plan.add_measure("M1", "Tiltak", cost={"one_off": 500, "annual": 100},
        ...                      contributes_to=["B1"])
        >>> money = impact_money(plan, gv.impact(plan, "M1"))
        >>> money.costs_saved, money.benefits_lost, money.net_change
        (680.0, {'B1': 1800.0}, -1120.0)
    """
    money = npv(plan, {})
    gone = [result.element, *result.orphaned]
    lost = {id: money.lines[id].expected for id in gone if id in money.lines}
    cost = money.costs_by_measure.get(result.element)
    saved = cost.costs if cost is not None else 0.0
    return ImpactMoney(money.currency, saved, lost, money.expected_net)


def checked_impact(
    plan: Plan, id: str, at: dt.date | str | None = None, source: str | None = None
) -> Impact:
    """:func:`~gevinst.analysis.impact.impact` with a user's message for an unknown id.

    Raises:
        PlanError: ``id`` is not an element of the plan (the message names some that are,
            and ``source``, the plan's file, when given).
        PlanCheckError: ``at`` is given and the plan has check errors.
    """
    try:
        return impact(plan, id, at=at)
    except KeyError:
        known = [e.id for e in plan.elements()]
        shown = ", ".join(known[:12]) + (", …" if len(known) > 12 else "")
        raise PlanError(
            f"{id!r} is not an element of plan {plan.id!r}; give one of its ids: {shown}",
            source=source,
        ) from None


def _language(plan: Plan, language: str | None) -> str:
    return language or plan.info.language


def _named(plan: Plan, id: str) -> str:
    names = {e.id: e.name for e in plan.elements()}
    return f"{id} «{names[id]}»" if id in names else id


def _money_rows(plan: Plan, money: ImpactMoney, lang: str) -> list[tuple[str, str]]:
    """(label, amount) for the money lines: each what it does to the net present value
    (costs saved count up, benefits lost down, dis-benefits gone up), then the sums."""

    def amount(value: float) -> str:
        return format_money(value, money.currency, lang)

    kinds = {e.id: e.kind for e in plan.elements()}
    rows = [(t("impact_costs_saved", lang), amount(money.costs_saved))]
    rows += [
        (
            t(
                "impact_disbenefit_gone" if kinds.get(id) == "disbenefit" else "impact_value_lost",
                lang,
            ).format(element=_named(plan, id)),
            amount(-value),
        )
        for id, value in money.benefits_lost.items()
    ]
    rows += [
        (t("impact_net_change", lang), amount(money.net_change)),
        (t("impact_net_before", lang), amount(money.expected_net)),
        (t("impact_net_after", lang), amount(money.expected_net_without)),
    ]
    return rows


def _score_rows(plan: Plan, result: Impact, lang: str) -> list[tuple[str, str, str]]:
    return [
        (_named(plan, id), format_percent(now, lang), format_percent(without, lang))
        for id, (now, without) in sorted(result.scores.items())
    ]


def _heading(plan: Plan, result: Impact, lang: str) -> str:
    return t("impact_heading", lang).format(
        element=_named(plan, result.element), title=plan.title, id=plan.id
    )


def _unpriced(plan: Plan, result: Impact, money: ImpactMoney) -> list[str]:
    """The benefits and dis-benefits that go without a value in money (not in the sums)."""
    kinds = {e.id: e.kind for e in plan.elements()}
    gone = [result.element, *result.orphaned]
    return [
        id
        for id in gone
        if kinds.get(id) in ("benefit", "disbenefit") and id not in money.benefits_lost
    ]


def _listing(plan: Plan, ids: list[str], lang: str) -> str:
    return ", ".join(_named(plan, id) for id in ids) if ids else t("impact_none", lang)


def impact_text(
    plan: Plan, result: Impact, money: ImpactMoney | None = None, language: str | None = None
) -> str:
    """What ``gevinst impact`` prints: what loses all support, what keeps other support,
    the scores that move (when evaluated) and the money as planned."""
    lang = _language(plan, language)
    money = money if money is not None else impact_money(plan, result)
    lines = [
        _heading(plan, result, lang),
        f"{t('impact_orphaned', lang)}: {_listing(plan, result.orphaned, lang)}",
        f"{t('impact_weakened', lang)}: {_listing(plan, result.weakened, lang)}",
    ]
    if result.unmitigated:
        lines.append(f"{t('impact_unmitigated', lang)}: {_listing(plan, result.unmitigated, lang)}")
    if result.scores:
        lines += ["", t("impact_scores", lang)]
        lines += [
            f"  {who}: {now} → {without}" for who, now, without in _score_rows(plan, result, lang)
        ]
    lines += ["", t("impact_money", lang)]
    rows = _money_rows(plan, money, lang)
    width = max(len(label) for label, _ in rows)
    amount_width = max(len(value) for _, value in rows)
    lines += [f"  {label.ljust(width)}  {value.rjust(amount_width)}" for label, value in rows]
    if unpriced := _unpriced(plan, result, money):
        lines.append(t("impact_unpriced", lang).format(elements=_listing(plan, unpriced, lang)))
    return "\n".join(lines) + "\n"


def impact_markdown(
    plan: Plan, result: Impact, money: ImpactMoney | None = None, language: str | None = None
) -> str:
    """The impact as a Markdown section: the lists, then the scores and money as tables."""
    lang = _language(plan, language)
    money = money if money is not None else impact_money(plan, result)
    lines = [
        f"# {markdown_escape(_heading(plan, result, lang))}",
        "",
        f"- {t('impact_orphaned', lang)}: {markdown_escape(_listing(plan, result.orphaned, lang))}",
        f"- {t('impact_weakened', lang)}: {markdown_escape(_listing(plan, result.weakened, lang))}",
    ]
    if result.unmitigated:
        listing = markdown_escape(_listing(plan, result.unmitigated, lang))
        lines.append(f"- {t('impact_unmitigated', lang)}: {listing}")
    if result.scores:
        lines += ["", f"## {t('impact_scores', lang).rstrip(':')}", ""]
        lines += markdown_table(
            [t("element", lang), t("impact_score_now", lang), t("impact_score_without", lang)],
            [list(row) for row in _score_rows(plan, result, lang)],
            right={1, 2},
        )
    lines += ["", f"## {t('impact_money', lang).rstrip(':')}", ""]
    lines += markdown_table(
        [t("impact_item", lang), t("present_value_total", lang)],
        [list(row) for row in _money_rows(plan, money, lang)],
        right={1},
    )
    if unpriced := _unpriced(plan, result, money):
        listing = _listing(plan, unpriced, lang)
        lines += ["", markdown_escape(t("impact_unpriced", lang).format(elements=listing))]
    return "\n".join(lines) + "\n"


def impact_json(
    plan: Plan, result: Impact, money: ImpactMoney | None = None, language: str | None = None
) -> str:
    """The impact as JSON: ids and numbers (no words, so any language)."""
    money = money if money is not None else impact_money(plan, result)
    data = {
        "plan": plan.id,
        "element": result.element,
        "orphaned": result.orphaned,
        "weakened": result.weakened,
        "unmitigated": result.unmitigated,
        "scores": {
            id: {"now": now, "without": without}
            for id, (now, without) in sorted(result.scores.items())
        },
        "money": {
            "currency": money.currency,
            "costs_saved": money.costs_saved,
            "benefits_lost": money.benefits_lost,
            "net_change": money.net_change,
            "expected_net": money.expected_net,
            "expected_net_without": money.expected_net_without,
        },
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


_Writer = Callable[[Plan, Impact, ImpactMoney | None, str | None], str]

#: Output suffix -> the text of an impact in that format.
WRITERS: dict[str, _Writer] = {".json": impact_json, ".md": impact_markdown}


def writer_for(path: str | Path) -> _Writer:
    """The writer of :data:`WRITERS` for the suffix of ``path``.

    Raises:
        FormatError: an unknown suffix (the message lists the known ones).
    """
    return by_suffix(WRITERS, path, Said("format_an_impact"))


def write_impact(plan: Plan, result: Impact, path: str | Path, language: str | None = None) -> Path:
    """Write the impact to ``path`` in the format of its suffix (:data:`WRITERS`)."""
    text = writer_for(path)(plan, result, None, language)
    return atomic_write(path, text)
