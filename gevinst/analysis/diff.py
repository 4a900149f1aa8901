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

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from gevinst.amounts import Estimate
from gevinst.analysis.diff_result import KINDS, PlanDiff
from gevinst.analysis.diff_text import Difference, Judgement, Shown, one_line
from gevinst.model import SECTIONS, Indicator, Measurement, Plan, Review, Target

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


# -- comparing -------------------------------------------------------------------------------


def _same(a: object, b: object) -> bool:
    """Equal as pydantic compares fields (the same object is equal, even a NaN)."""
    return a is b or a == b


def _plain(value: object) -> Shown:
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
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _parts(before: BaseModel | None, after: BaseModel | None) -> list[str]:
    """The field names of a part that may be missing on one side (a value, a cost)."""
    present = after if after is not None else before
    return list(type(present).model_fields) if present is not None else []


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _keyed(items: Sequence[Any], key: Callable[[Any], Any]) -> list[tuple[tuple[Any, int], Any]]:
    """Items keyed by ``(key, n)``: the n-th item with that key (so repeats pair in order)."""
    seen: Counter[Any] = Counter()
    out = []
    for item in items:
        k = key(item)
        out.append(((k, seen[k]), item))
        seen[k] += 1
    return out


_R = TypeVar("_R")  # a kind of record: measurement or review


def _grouped(
    old: Sequence[_R], new: Sequence[_R], key: Callable[[_R], str]
) -> Iterator[tuple[str, list[_R], list[_R]]]:
    """``(id, old records, new records)`` for each id whose records differ, in id order."""
    by_old: dict[str, list[_R]] = defaultdict(list)
    by_new: dict[str, list[_R]] = defaultdict(list)
    for record in old:
        by_old[key(record)].append(record)
    for record in new:
        by_new[key(record)].append(record)
    for id in sorted(set(by_old) | set(by_new), key=_natural):
        if by_old[id] != by_new[id]:
            yield id, by_old[id], by_new[id]


def _natural(id: str) -> tuple[Any, ...]:
    """Sort B2 before B10."""
    head = id.rstrip("0123456789")
    tail = id[len(head) :]
    return (head, int(tail) if tail else -1, id)


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


def _judge_amount(before: object, after: object, *, more_is_better: bool) -> Judgement | None:
    numbers = (int, float)
    if not (isinstance(before, numbers) and isinstance(after, numbers)):
        return None
    if float(before) == float(after):  # only a range changed: the planned figure did not
        return None
    better = (after > before) == more_is_better
    return "raised" if better else "lowered"


def _links_text(record: Any) -> str | None:
    links = getattr(record, "contributes_to", None)
    if not links:
        return None
    return ", ".join(link.to for link in links)


def _dates(added: list[dt.date], removed: list[dt.date], limit: int = 6) -> str:
    """``+2025-03-31 −2024-06-30``: dates of measurements added and removed."""
    marks = [f"+{d.isoformat()}" for d in sorted(added)]
    marks += [f"\u2212{d.isoformat()}" for d in sorted(removed)]
    shown = " ".join(marks[:limit])
    return shown + (f" … ({len(marks)})" if len(marks) > limit else "")


Handler = Callable[[Any, Any], int]

#: What can move the expected money: the plan's settings, benefits, dis-benefits and
#: measures (and year 0, which follows the earliest date when the plan gives no start).
#: Evaluating a large plan takes a while, so the money is worked out only then.
_MONEY_KINDS = frozenset({"plan", "benefit", "disbenefit", "measure"})


class _Differ:
    """Collects the differences between two plans, field by field.

    Every field of every model is compared; where a field has a handler below (names,
    links, targets, money ...), the handler says what changed in the words of the
    domain. When a field differs and no handler named the change, the field itself is
    reported with its value before and after: nothing unequal goes unsaid.
    """

    def __init__(self, old: Plan, new: Plan) -> None:
        self.old, self.new = old, new
        self.old_records = {r.id: r for r in reversed(list(old.records()))}
        self.new_records = {r.id: r for r in reversed(list(new.records()))}
        self.currency = new.info.currency
        self.out: list[Difference] = []
        self.record_handlers: dict[str, Callable[[Any, Any], int]] = {
            "name": self.renamed,
            "contributes_to": self.links,
            "mitigates": self.mitigations,
            "owner": self.owner,
            "status": self.status,
            "value": self.money_value,
            "cost": self.money_cost,
            "baseline": self.baseline,
            "targets": self.targets,
            "direction": self.direction,
            "impacts": self.impacts,
        }

    # -- emitting --

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

    # -- the plan --

    def run(self) -> list[Difference]:
        handlers: dict[str, Handler] = {
            "info": self.settings,
            "measurements": self.measurements,
            "reviews": self.reviews,
        }
        for name in Plan.model_fields:
            before, after = getattr(self.old, name), getattr(self.new, name)
            if _same(before, after):
                continue
            if name in SECTIONS:
                count = self.section(name, before, after)
            else:
                count = handlers[name](before, after) if name in handlers else 0
            if not count:
                self.of_plan("setting_changed", field=name, old=_plain(before), new=_plain(after))
        if self.old.start != self.new.start or any(
            d.element_kind in _MONEY_KINDS for d in self.out
        ):
            self.money()
        order = {kind: number for number, kind in enumerate(KINDS)}
        return sorted(
            self.out,
            key=lambda d: (order[d.kind], _natural(d.element), d.detail or "", d.field or ""),
        )

    def settings(self, old: Any, new: Any) -> int:
        count = 0
        for name in type(new).model_fields:
            before, after = getattr(old, name), getattr(new, name)
            if _same(before, after):
                continue
            kind = "owner_changed" if name == "owner" else "setting_changed"
            count += self.of_plan(kind, field=name, old=_plain(before), new=_plain(after))
        return count

    def section(self, name: str, old: list[Any], new: list[Any]) -> int:
        old_keyed = _keyed(old, lambda r: r.id)
        new_keyed = _keyed(new, lambda r: r.id)
        before, after = dict(old_keyed), dict(new_keyed)
        count = 0
        for key, record in new_keyed:
            if key not in before:
                count += self.add("added", record, detail=_links_text(record))
        for key, record in old_keyed:
            if key not in after:
                count += self.add("removed", record, detail=_links_text(record))
        for key, record in new_keyed:
            if key in before:
                count += self.record(before[key], record)
        kept_old = [key[0] for key, _ in old_keyed if key in after]
        kept_new = [key[0] for key, _ in new_keyed if key in before]
        if kept_old != kept_new:
            count += self.of_plan(
                "order_changed", detail=name, field=name, old=list(kept_old), new=list(kept_new)
            )
        return count

    def money(self) -> None:
        """The expected present values before and after, when they differ."""
        before, after = _present_values(self.old), _present_values(self.new)
        if before is None or after is None:
            return
        for key, old_value, new_value in zip(
            ("expected", "expected_net"), before, after, strict=True
        ):
            if round(old_value) != round(new_value):
                self.of_plan(
                    "npv_changed", detail=key, old=old_value, new=new_value, unit=self.currency
                )

    # -- one element, stakeholder or indicator --

    def record(self, old: Any, new: Any) -> int:
        count = 0
        for name in type(new).model_fields:
            before, after = getattr(old, name), getattr(new, name)
            if _same(before, after):
                continue
            handler = self.record_handlers.get(name)
            found = handler(old, new) if handler is not None else 0
            count += found or self.generic(new, name, before, after)
        return count

    def generic(self, record: Any, path: str, before: Any, after: Any, kind: str = "") -> int:
        """A field without a handler: its parts if it is a model, else its values."""
        if isinstance(before, BaseModel | None) and isinstance(after, BaseModel | None):
            count = 0
            for name in _parts(before, after):
                a, b = getattr(before, name, None), getattr(after, name, None)
                if not _same(a, b):
                    count += self.generic(record, f"{path}.{name}", a, b, kind)
            if count:
                return count
        return self.add(
            kind or "field_changed", record, field=path, old=_plain(before), new=_plain(after)
        )

    def renamed(self, old: Any, new: Any) -> int:
        return self.add("renamed", new, field="name", old=old.name, new=new.name)

    def owner(self, old: Any, new: Any) -> int:
        return self.add(
            "owner_changed", new, detail="owner", field="owner", old=old.owner, new=new.owner
        )

    def status(self, old: Any, new: Any) -> int:
        return self.add(
            "status_changed", new, detail="status", field="status", old=old.status, new=new.status
        )

    def direction(self, old: Any, new: Any) -> int:
        return self.add(
            "direction_changed",
            new,
            detail="direction",
            field="direction",
            old=old.direction,
            new=new.direction,
        )

    def impacts(self, old: Any, new: Any) -> int:
        count = 0
        for id in sorted(set(old.impacts) | set(new.impacts), key=_natural):
            before, after = old.impacts.get(id), new.impacts.get(id)
            if before != after:
                count += self.add(
                    "field_changed", new, field="impacts", detail=id, old=before, new=after
                )
        return count

    def mitigations(self, old: Any, new: Any) -> int:
        """Mitigations (``mitigates``) told like links, with ``field`` ``mitigates...``."""
        return self.links(old, new, "mitigates")

    def links(self, old: Any, new: Any, field: str = "contributes_to") -> int:
        old_keyed = _keyed(getattr(old, field), lambda link: link.to)
        new_keyed = _keyed(getattr(new, field), lambda link: link.to)
        before, after = dict(old_keyed), dict(new_keyed)
        count = 0
        for key, link in new_keyed:
            if key not in before:
                count += self.add(
                    "link_added", new, field=f"{field}.to", detail=self.named(link.to)
                )
        for key, link in old_keyed:
            if key not in after:
                count += self.add(
                    "link_removed", new, field=f"{field}.to", detail=self.named(link.to)
                )
        for key, link in new_keyed:
            if key not in before:
                continue
            was = before[key]
            for name in type(link).model_fields:
                a, b = getattr(was, name), getattr(link, name)
                if _same(a, b):
                    continue
                kind = "weight_changed" if name == "weight" else "link_changed"
                count += self.add(
                    kind,
                    new,
                    detail=link.to,
                    field=f"{field}.{name}",
                    old=_plain(a),
                    new=_plain(b),
                )
        kept_old = [key[0] for key, _ in old_keyed if key in after]
        kept_new = [key[0] for key, _ in new_keyed if key in before]
        if kept_old != kept_new:
            count += self.add(
                "order_changed",
                new,
                detail="links",
                field=field,
                old=kept_old,
                new=kept_new,
            )
        return count

    def named(self, id: str) -> str:
        record = self.new_records.get(id) or self.old_records.get(id)
        return f"{id} «{one_line(record.name)}»" if record is not None else id

    # -- money --

    def money_value(self, old: Any, new: Any) -> int:
        worse_if_more = new.kind == "disbenefit"
        count = 0
        for name in _parts(old.value, new.value):
            before = getattr(old.value, name, None)
            after = getattr(new.value, name, None)
            if _same(before, after):
                continue
            if name == "annual":
                count += self.add(
                    "value_changed",
                    new,
                    detail="annual_value",
                    field="value.annual",
                    old=_plain(before),
                    new=_plain(after),
                    judgement=_judge_amount(before, after, more_is_better=not worse_if_more),
                    unit=self.currency,
                )
            elif name == "from_":
                judgement: Judgement | None = None
                if before is not None and after is not None:
                    later = after > before
                    judgement = "lowered" if later != worse_if_more else "raised"
                count += self.add(
                    "value_changed",
                    new,
                    detail="value_from",
                    field="value.from_",
                    old=_iso(before),
                    new=_iso(after),
                    judgement=judgement,
                )
            else:
                count += self.generic(new, f"value.{name}", before, after, "value_changed")
        return count

    def money_cost(self, old: Any, new: Any) -> int:
        count = 0
        for name in _parts(old.cost, new.cost):
            before = getattr(old.cost, name, None)
            after = getattr(new.cost, name, None)
            if _same(before, after):
                continue
            if name in ("one_off", "annual"):
                count += self.add(
                    "cost_changed",
                    new,
                    detail=name if name == "one_off" else "annual_cost",
                    field=f"cost.{name}",
                    old=_plain(before),
                    new=_plain(after),
                    judgement=_judge_amount(before, after, more_is_better=False),
                    unit=self.currency,
                )
            else:
                count += self.generic(new, f"cost.{name}", before, after, "cost_changed")
        return count

    # -- indicators --

    def baseline(self, old: Indicator, new: Indicator) -> int:
        ob, nb = old.baseline, new.baseline
        count = 0
        for name in _parts(ob, nb):
            before, after = getattr(ob, name, None), getattr(nb, name, None)
            if _same(before, after):
                continue
            detail = {"date": "baseline_date", "value": "baseline"}.get(name)
            count += self.add(
                "baseline_changed",
                new,
                detail=detail,
                field=f"baseline.{name}",
                old=_plain(before),
                new=_plain(after),
                unit=new.unit if name == "value" else None,
            )
        return count

    def targets(self, old: Indicator, new: Indicator) -> int:
        # Targets in another direction cannot be judged against the old ones: listed only.
        judged = old.direction == new.direction
        sign, unit, direction = _sign(new), new.unit, new.direction
        old_keyed = sorted(_keyed(old.targets, lambda target: target.date), key=lambda kv: kv[0])
        new_keyed = sorted(_keyed(new.targets, lambda target: target.date), key=lambda kv: kv[0])
        before, after = dict(old_keyed), dict(new_keyed)
        lost = [target for key, target in old_keyed if key not in after]
        gained = [target for key, target in new_keyed if key not in before]
        pairs = [(target, after[key]) for key, target in old_keyed if key in after]
        moved = list(zip(lost, gained, strict=False))  # to another date: paired in date order
        count = 0
        for old_target, new_target in pairs + moved:
            if old_target == new_target:
                continue
            detail = _iso(old_target.date)
            if old_target.date != new_target.date:
                detail = f"{_iso(old_target.date)} → {_iso(new_target.date)}"
            count += self.add(
                "target_changed",
                new,
                detail=detail,
                field="targets",
                old=old_target.value,
                new=new_target.value,
                judgement=_judge_target(old_target, new_target, sign) if judged else None,
                unit=unit,
                direction=direction,
            )
        for target in lost[len(moved) :]:
            count += self.add(
                "target_removed",
                new,
                detail=_iso(target.date),
                field="targets",
                old=target.value,
                unit=unit,
                direction=direction,
            )
        for target in gained[len(moved) :]:
            count += self.add(
                "target_added",
                new,
                detail=_iso(target.date),
                field="targets",
                new=target.value,
                unit=unit,
                direction=direction,
            )
        return count

    # -- measurements and reviews --

    def measurements(self, old: list[Measurement], new: list[Measurement]) -> int:
        return sum(
            self.measured(id, was, now)
            for id, was, now in _grouped(old, new, lambda m: m.indicator)
        )

    def measured(self, id: str, old: list[Measurement], new: list[Measurement]) -> int:
        kind, name = self.about(id)
        record = self.new_records.get(id) or self.old_records.get(id)
        unit = record.unit if isinstance(record, Indicator) else None
        old_keyed = _keyed(old, lambda m: m.date)
        new_keyed = _keyed(new, lambda m: m.date)
        before, after = dict(old_keyed), dict(new_keyed)
        added = [key[0] for key, _ in new_keyed if key not in before]
        removed = [key[0] for key, _ in old_keyed if key not in after]
        count = 0
        if added or removed:
            count += self.emit(
                "measurements_changed",
                id,
                kind,
                name,
                field="measurements",
                detail=_dates(added, removed),
                old=len(old),
                new=len(new),
            )
        for key, m in new_keyed:
            if key not in before:
                continue
            was = before[key]
            for part in type(m).model_fields:
                a, b = getattr(was, part), getattr(m, part)
                if not _same(a, b):
                    count += self.emit(
                        "measurement_corrected",
                        id,
                        kind,
                        name,
                        detail=key[0].isoformat(),
                        field=f"measurements.{part}",
                        old=_plain(a),
                        new=_plain(b),
                        unit=unit if part == "value" else None,
                    )
        if not count:  # the same measurements in another order
            dates = [m.date.isoformat() for m in old], [m.date.isoformat() for m in new]
            count += self.emit(
                "order_changed",
                id,
                kind,
                name,
                detail="measurements",
                field="measurements",
                old=dates[0],
                new=dates[1],
            )
        return count

    def reviews(self, old: list[Review], new: list[Review]) -> int:
        return sum(
            self.reviewed(id, was, now) for id, was, now in _grouped(old, new, lambda r: r.element)
        )

    def reviewed(self, id: str, old: list[Review], new: list[Review]) -> int:
        kind, name = self.about(id)
        old_keyed = _keyed(old, lambda r: r.date)
        new_keyed = _keyed(new, lambda r: r.date)
        before, after = dict(old_keyed), dict(new_keyed)
        count = 0
        for key, r in new_keyed:
            if key not in before:
                count += self.emit(
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
                count += self.emit(
                    "review_removed",
                    id,
                    kind,
                    name,
                    detail=key[0].isoformat(),
                    field="reviews",
                    old=r.status,
                )
        for key, r in new_keyed:
            if key not in before:
                continue
            was = before[key]
            for part in type(r).model_fields:
                a, b = getattr(was, part), getattr(r, part)
                if not _same(a, b):
                    count += self.emit(
                        "review_changed",
                        id,
                        kind,
                        name,
                        detail=key[0].isoformat(),
                        field=f"reviews.{part}",
                        old=_plain(a),
                        new=_plain(b),
                    )
        if not count:  # the same reviews in another order
            dates = [r.date.isoformat() for r in old], [r.date.isoformat() for r in new]
            count += self.emit(
                "order_changed",
                id,
                kind,
                name,
                detail="reviews",
                field="reviews",
                old=dates[0],
                new=dates[1],
            )
        return count


def _present_values(plan: Plan) -> tuple[float, float] | None:
    """Expected present value and expected net present value, or None when the plan
    cannot be evaluated (it has check errors, or a rate with no present value)."""
    from gevinst.analysis.evaluate import evaluate

    try:
        money = evaluate(plan, at=plan.start).npv()
    except ValueError:  # PlanCheckError is one; so is a discount rate of -100 % or less
        return None
    return money.expected, money.expected_net


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
        differences=_Differ(old, new).run(),
    )
