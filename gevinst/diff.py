"""What changed between two versions of a plan, in words a manager reads, and as data.

Plans change at every phase; the council must see what was promised before and what
is promised now. :func:`diff` compares two plans element by element (by id) and lists:
elements added, removed and renamed; links added and removed and weights changed;
targets moved, judged with the indicator's direction (a lower target on an indicator
where higher is better means *expectations lowered*; so does the same target at a
later date); baselines changed; benefit values and measure costs changed; owners
changed; measure status changed; measurements added or removed.

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

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from gevinst.i18n import t
from gevinst.model import Indicator, Plan, Record, Target

__all__ = ["Difference", "Judgement", "PlanDiff", "diff"]

Judgement = Literal["lowered", "raised"]

#: The kinds of difference, in the order they are shown (most important first).
KINDS: tuple[str, ...] = (
    "target_changed",
    "target_added",
    "target_removed",
    "direction_changed",
    "baseline_changed",
    "value_changed",
    "cost_changed",
    "added",
    "removed",
    "renamed",
    "link_added",
    "link_removed",
    "weight_changed",
    "owner_changed",
    "status_changed",
    "measurements_changed",
)

Scalar = str | float | int | None


@dataclass(frozen=True)
class Difference:
    """One thing that changed.

    Attributes:
        kind: what changed, one of :data:`KINDS` (``"renamed"``, ``"target_changed"``...).
        element: the id of the element (or stakeholder, indicator) it concerns.
        element_kind: ``measure``, ``benefit``, ``indicator``, ``stakeholder``... .
        name: the element's name (the new one if it still exists).
        detail: what within the element: a link's target, a target's date, a field.
        old: the value before (text, number or None).
        new: the value after.
        judgement: ``"lowered"`` when expectations went down (a less ambitious target,
            a later date, a smaller benefit, a larger cost or dis-benefit),
            ``"raised"`` when they went up, ``None`` when neither can be said.
        unit: the indicator's unit, for targets and baselines.
        direction: the indicator's direction (``increase``/``decrease``) for targets.
    """

    kind: str
    element: str
    element_kind: str
    name: str
    detail: str | None = None
    old: Scalar = None
    new: Scalar = None
    judgement: Judgement | None = None
    unit: str | None = None
    direction: str | None = None

    def to_data(self, language: str = "nb") -> dict[str, Any]:
        """The difference as JSON-able data, with its sentence in ``language``."""
        return {
            "kind": self.kind,
            "element": self.element,
            "element_kind": self.element_kind,
            "name": self.name,
            "detail": self.detail,
            "old": self.old,
            "new": self.new,
            "judgement": self.judgement,
            "unit": self.unit,
            "direction": self.direction,
            "text": sentence(self, language),
        }


@dataclass(frozen=True)
class PlanDiff:
    """Every difference between two versions of a plan, in a stable order.

    ``bool(plan_diff)`` is false when nothing changed; ``len`` counts the differences.
    """

    old_id: str
    new_id: str
    old_title: str
    new_title: str
    language: str
    differences: list[Difference] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.differences)

    def __len__(self) -> int:
        return len(self.differences)

    def __iter__(self) -> Iterator[Difference]:
        return iter(self.differences)

    def of_kind(self, *kinds: str) -> list[Difference]:
        """The differences of the given kinds."""
        return [d for d in self.differences if d.kind in kinds]

    @property
    def added(self) -> list[Difference]:
        """Elements, stakeholders and indicators that are new."""
        return self.of_kind("added")

    @property
    def removed(self) -> list[Difference]:
        """Elements, stakeholders and indicators that are gone."""
        return self.of_kind("removed")

    @property
    def renamed(self) -> list[Difference]:
        """Same id, new name."""
        return self.of_kind("renamed")

    @property
    def lowered(self) -> list[Difference]:
        """Expectations lowered: what the council was promised before and is not now."""
        return [d for d in self.differences if d.judgement == "lowered"]

    @property
    def raised(self) -> list[Difference]:
        """Expectations raised."""
        return [d for d in self.differences if d.judgement == "raised"]

    def summary(self) -> dict[str, int]:
        """How many differences of each kind (kinds without any left out)."""
        counts = Counter(d.kind for d in self.differences)
        return {kind: counts[kind] for kind in KINDS if counts[kind]}

    def to_data(self, language: str | None = None) -> dict[str, Any]:
        """The whole diff as JSON-able data (``json.dumps`` takes it as it is)."""
        lang = language or self.language
        return {
            "old": {"id": self.old_id, "title": self.old_title},
            "new": {"id": self.new_id, "title": self.new_title},
            "language": lang,
            "summary": self.summary(),
            "expectations_lowered": len(self.lowered),
            "expectations_raised": len(self.raised),
            "changes": [d.to_data(lang) for d in self.differences],
        }

    def to_json(self, language: str | None = None) -> str:
        """:meth:`to_data` as indented JSON text (æøå kept as they are)."""
        return json.dumps(self.to_data(language), ensure_ascii=False, indent=2) + "\n"

    def _groups(self) -> list[tuple[str, list[Difference]]]:
        groups: list[tuple[str, list[Difference]]] = [
            ("diff_lowered", self.lowered),
            ("diff_raised", self.raised),
        ]
        rest = [d for d in self.differences if d.judgement is None]
        for key, kinds in (
            ("diff_targets", ("target_changed", "target_added", "target_removed")),
            ("diff_indicators", ("direction_changed", "baseline_changed")),
            ("diff_money", ("value_changed", "cost_changed")),
            ("diff_added", ("added",)),
            ("diff_removed", ("removed",)),
            ("diff_renamed", ("renamed",)),
            ("diff_links", ("link_added", "link_removed", "weight_changed")),
            ("diff_owners", ("owner_changed",)),
            ("diff_status", ("status_changed",)),
            ("diff_measurements", ("measurements_changed",)),
        ):
            groups.append((key, [d for d in rest if d.kind in kinds]))
        return [(key, items) for key, items in groups if items]

    def _heading(self, lang: str) -> str:
        title = _one_line(self.new_title)
        heading = f"{t('diff_heading', lang)} «{title}» ({self.new_id})"
        if self.old_id != self.new_id or self.old_title != self.new_title:
            heading += f" {t('diff_compared_with', lang)} «{_one_line(self.old_title)}»"
            heading += f" ({self.old_id})"
        return heading

    def _summary_line(self, lang: str) -> str:
        if not self.differences:
            return t("diff_none", lang)
        parts = [f"{len(self.differences)} {t('diff_count', lang)}"]
        if self.lowered:
            parts.append(f"{len(self.lowered)} {t('diff_lowered', lang).lower()}")
        if self.raised:
            parts.append(f"{len(self.raised)} {t('diff_raised', lang).lower()}")
        return ", ".join(parts) + "."

    def to_text(self, language: str | None = None) -> str:
        """Plain text for a terminal or an e-mail, in the plan's language."""
        lang = language or self.language
        lines = [self._heading(lang), self._summary_line(lang)]
        for key, items in self._groups():
            lines.append("")
            lines.append(f"{t(key, lang)} ({len(items)}):")
            lines.extend(f"- {sentence(d, lang)}" for d in items)
        return "\n".join(lines) + "\n"

    def to_markdown(self, language: str | None = None) -> str:
        """Markdown with a heading per group (names escaped)."""
        lang = language or self.language
        lines = [f"# {_md(self._heading(lang))}", "", _md(self._summary_line(lang))]
        for key, items in self._groups():
            lines += ["", f"## {t(key, lang)} ({len(items)})", ""]
            lines.extend(f"- {_md(sentence(d, lang))}" for d in items)
        return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_{}[]<>#|!"})


def _md(text: str) -> str:
    return text.translate(_MD_SPECIAL)


# -- words ---------------------------------------------------------------------------------


def _number(value: float, lang: str) -> str:
    if value == int(value) and abs(value) < 1e15:
        text = f"{int(value):,}"
        return text.replace(",", "\u00a0") if lang == "nb" else text
    text = f"{value:.6g}"
    return text.replace(".", ",") if lang == "nb" else text


def _show(value: Scalar, lang: str, unit: str | None = None) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if isinstance(value, int | float):
        shown = _number(float(value), lang)
        if unit:
            shown += f" {unit}" if unit != "%" else " %"
        return shown
    return f"«{_one_line(value)}»"


def _subject(d: Difference, lang: str) -> str:
    return f"{t(d.element_kind, lang)} {d.element} «{_one_line(d.name)}»"


def sentence(d: Difference, lang: str = "nb") -> str:
    """One difference as a sentence in ``lang`` (``nb`` or ``en``)."""
    who = _subject(d, lang)
    old, new = _show(d.old, lang, d.unit), _show(d.new, lang, d.unit)
    if d.kind in ("added", "removed"):
        links = f" ({t('contributes_to', lang).lower()} {d.detail})" if d.detail else ""
        return f"{who}{links}"
    if d.kind == "status_changed":
        old, new = (t(str(v), lang) if v else "–" for v in (d.old, d.new))
    elif d.kind == "owner_changed":
        old, new = (str(v) if v else "–" for v in (d.old, d.new))
    if d.kind == "renamed":
        return f"{t(d.element_kind, lang)} {d.element}: {old} → {new}"
    if d.kind in ("link_added", "link_removed"):
        return f"{who} {t(d.kind, lang)} {d.detail}"
    if d.kind == "weight_changed":
        return (
            f"{who}: {t('weight', lang).lower()} {t('to', lang).lower()} {d.detail} {old} → {new}"
        )
    if d.kind == "target_changed" and d.old == d.new and d.detail and "→" in d.detail:
        before, after = (part.strip() for part in d.detail.split("→"))
        moved = "diff_postponed" if after > before else "diff_brought_forward"
        return (
            f"{who}: {t('target', lang).lower()} {new} {t(moved, lang)} {before} "
            f"{t('diff_to', lang)} {after}{_direction(d, lang)}"
        )
    if d.kind == "target_changed":
        return (
            f"{who}: {t('target', lang).lower()} {t('diff_for', lang)} {d.detail} "
            f"{t('diff_from', lang)} {old} {t('diff_to', lang)} {new}{_direction(d, lang)}"
        )
    if d.kind in ("target_added", "target_removed"):
        value = new if d.kind == "target_added" else old
        return f"{who}: {t(d.kind, lang)} {d.detail}: {value}{_direction(d, lang)}"
    if d.kind == "measurements_changed":
        if d.old == d.new:  # as many as before, but some dates or values differ
            return f"{who}: {t('diff_measurements_edited', lang)}"
        return f"{who}: {t('diff_measurements_word', lang)} {old} → {new}"
    if d.detail in ("value_from", "baseline_date"):
        return f"{who}: {t(d.detail, lang).lower()} {d.old or '–'} → {d.new or '–'}"
    field_name = t(d.detail, lang).lower() if d.detail else ""
    return f"{who}: {field_name} {t('diff_from', lang)} {old} {t('diff_to', lang)} {new}".replace(
        ":  ", ": "
    )


def _direction(d: Difference, lang: str) -> str:
    return f" ({t(d.direction, lang).lower()})" if d.direction else ""


# -- comparing -------------------------------------------------------------------------------


def _by_id(plan: Plan) -> dict[str, Record]:
    out: dict[str, Record] = {}
    for record in plan.records():
        out.setdefault(record.id, record)
    return out


def _sign(indicator: Indicator) -> int:
    return 1 if indicator.direction == "increase" else -1


def _judge_target(old: Target, new: Target, sign: int) -> Judgement | None:
    """Lowered: less ambitious or later with no more ambition; raised: the reverse."""
    ambition = sign * (new.value - old.value)
    later = (new.date - old.date).days
    if (ambition < 0 and later >= 0) or (ambition == 0 and later > 0):
        return "lowered"
    if (ambition > 0 and later <= 0) or (ambition == 0 and later < 0):
        return "raised"
    return None


class _Differ:
    """Collects the differences between two plans, element by element."""

    def __init__(self, old: Plan, new: Plan) -> None:
        self.old, self.new = old, new
        self.old_records, self.new_records = _by_id(old), _by_id(new)
        self.out: list[Difference] = []

    def add(self, kind: str, record: Record, **fields: Any) -> None:
        self.out.append(Difference(kind, record.id, record.kind, record.name, **fields))

    def run(self) -> list[Difference]:
        for id, record in self.new_records.items():
            before = self.old_records.get(id)
            if before is None or before.kind != record.kind:
                self.add("added", record, detail=_links_text(record))
        for id, record in self.old_records.items():
            after = self.new_records.get(id)
            if after is None or after.kind != record.kind:
                self.add("removed", record, detail=_links_text(record))
        for id, record in self.new_records.items():
            before = self.old_records.get(id)
            if before is not None and before.kind == record.kind:
                self.compare(before, record)
        self.owner_of_plan()
        self.measurements()
        order = {kind: number for number, kind in enumerate(KINDS)}
        return sorted(
            self.out,
            key=lambda d: (order[d.kind], _natural(d.element), d.detail or ""),
        )

    def compare(self, old: Any, new: Any) -> None:
        if old.name != new.name:
            self.add("renamed", new, old=old.name, new=new.name)
        if hasattr(new, "contributes_to"):
            self.links(old, new)
        if getattr(old, "owner", None) != getattr(new, "owner", None):
            self.add("owner_changed", new, detail="owner", old=old.owner, new=new.owner)
        if hasattr(new, "status") and old.status != new.status:
            self.add("status_changed", new, detail="status", old=old.status, new=new.status)
        if hasattr(new, "value"):
            self.money_value(old, new)
        if hasattr(new, "cost"):
            self.money_cost(old, new)
        if isinstance(new, Indicator):
            self.indicator(old, new)

    def links(self, old: Any, new: Any) -> None:
        before = {link.to: link for link in old.contributes_to}
        after = {link.to: link for link in new.contributes_to}
        for to in after:
            if to not in before:
                self.add("link_added", new, detail=_named(to, self.new_records))
        for to in before:
            if to not in after:
                self.add("link_removed", new, detail=_named(to, self.old_records))
        for to, link in after.items():
            if to in before and before[to].weight != link.weight:
                self.add(
                    "weight_changed",
                    new,
                    detail=to,
                    old=before[to].weight,
                    new=link.weight,
                )

    def money_value(self, old: Any, new: Any) -> None:
        before = old.value.annual if old.value else None
        after = new.value.annual if new.value else None
        worse_if_more = new.kind == "disbenefit"
        if before != after:
            self.add(
                "value_changed",
                new,
                detail="annual_value",
                old=before,
                new=after,
                judgement=_judge_amount(before, after, more_is_better=not worse_if_more),
                unit=self.new.info.currency,
            )
        start_before = old.value.from_ if old.value else None
        start_after = new.value.from_ if new.value else None
        if old.value and new.value and start_before != start_after:
            judgement: Judgement | None = None
            if start_before and start_after:
                later = start_after > start_before
                judgement = "lowered" if later != worse_if_more else "raised"
            self.add(
                "value_changed",
                new,
                detail="value_from",
                old=_iso(start_before),
                new=_iso(start_after),
                judgement=judgement,
            )

    def money_cost(self, old: Any, new: Any) -> None:
        for part in ("one_off", "annual"):
            before = getattr(old.cost, part) if old.cost else None
            after = getattr(new.cost, part) if new.cost else None
            if (before or 0.0) != (after or 0.0):
                self.add(
                    "cost_changed",
                    new,
                    detail=part if part == "one_off" else "annual_cost",
                    old=before,
                    new=after,
                    judgement=_judge_amount(before, after, more_is_better=False),
                    unit=self.new.info.currency,
                )

    def indicator(self, old: Indicator, new: Indicator) -> None:
        unit = new.unit
        if old.direction != new.direction:
            self.add(
                "direction_changed", new, detail="direction", old=old.direction, new=new.direction
            )
        ob, nb = old.baseline, new.baseline
        if ob != nb:
            detail = "baseline"
            if ob is not None and nb is not None and ob.value == nb.value:
                self.add(
                    "baseline_changed",
                    new,
                    detail="baseline_date",
                    old=_iso(ob.date),
                    new=_iso(nb.date),
                )
            else:
                if ob is not None and nb is not None and ob.date != nb.date:
                    detail = f"baseline ({_iso(ob.date)} → {_iso(nb.date)})"
                self.add(
                    "baseline_changed",
                    new,
                    detail=detail,
                    old=ob.value if ob else None,
                    new=nb.value if nb else None,
                    unit=unit,
                )
        if old.direction != new.direction:
            return  # targets in another direction cannot be judged against the old ones
        self.targets(old, new)

    def targets(self, old: Indicator, new: Indicator) -> None:
        sign, unit, direction = _sign(new), new.unit, new.direction
        before = {target.date: target for target in old.targets}
        after = {target.date: target for target in new.targets}
        lost = [before[d] for d in sorted(before) if d not in after]
        gained = [after[d] for d in sorted(after) if d not in before]
        pairs = [(before[d], after[d]) for d in sorted(before) if d in after]
        # Targets that moved to another date pair up in date order.
        moved = list(zip(lost, gained, strict=False))
        for old_target, new_target in pairs + moved:
            if old_target == new_target:
                continue
            detail = _iso(old_target.date)
            if old_target.date != new_target.date:
                detail = f"{_iso(old_target.date)} → {_iso(new_target.date)}"
            self.add(
                "target_changed",
                new,
                detail=detail,
                old=old_target.value,
                new=new_target.value,
                judgement=_judge_target(old_target, new_target, sign),
                unit=unit,
                direction=direction,
            )
        for target in lost[len(moved) :]:
            self.add(
                "target_removed",
                new,
                detail=_iso(target.date),
                old=target.value,
                unit=unit,
                direction=direction,
            )
        for target in gained[len(moved) :]:
            self.add(
                "target_added",
                new,
                detail=_iso(target.date),
                new=target.value,
                unit=unit,
                direction=direction,
            )

    def owner_of_plan(self) -> None:
        if self.old.info.owner != self.new.info.owner:
            self.out.append(
                Difference(
                    "owner_changed",
                    self.new.id,
                    "plan",
                    self.new.title,
                    detail="owner",
                    old=self.old.info.owner,
                    new=self.new.info.owner,
                )
            )

    def measurements(self) -> None:
        before = Counter(m.indicator for m in self.old.measurements)
        after = Counter(m.indicator for m in self.new.measurements)
        old_set = Counter((m.indicator, m.date, m.value) for m in self.old.measurements)
        new_set = Counter((m.indicator, m.date, m.value) for m in self.new.measurements)
        changed = {key[0] for key in (old_set - new_set) + (new_set - old_set)}
        for indicator in sorted(changed, key=_natural):
            record = self.new_records.get(indicator) or self.old_records.get(indicator)
            name = record.name if record is not None else indicator
            self.out.append(
                Difference(
                    "measurements_changed",
                    indicator,
                    "indicator",
                    name,
                    old=before[indicator],
                    new=after[indicator],
                )
            )


def _judge_amount(
    before: float | None, after: float | None, *, more_is_better: bool
) -> Judgement | None:
    if before is None or after is None or before == after:
        return None
    better = (after > before) == more_is_better
    return "raised" if better else "lowered"


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _named(id: str, records: dict[str, Record]) -> str:
    record = records.get(id)
    return f"{id} «{_one_line(record.name)}»" if record is not None else id


def _links_text(record: Record) -> str | None:
    links = getattr(record, "contributes_to", None)
    if not links:
        return None
    return ", ".join(link.to for link in links)


def _natural(id: str) -> tuple[Any, ...]:
    """Sort B2 before B10."""
    head = id.rstrip("0123456789")
    tail = id[len(head) :]
    return (head, int(tail) if tail else -1, id)


def diff(old: Plan, new: Plan, *, language: str | None = None) -> PlanDiff:
    """Compare two versions of a plan: what was promised before and what is promised now.

    Elements are matched by id: the same id with another name is *renamed*; an id
    that moved to another kind (a change that became a benefit) is removed and added.

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
        differences=_Differ(old, new).run(),
    )
