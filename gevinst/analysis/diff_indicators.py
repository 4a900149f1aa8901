"""Indicators in a plan comparison: direction, baseline, targets (judged) and measurements.

A lower target on an indicator where higher is better *lowers expectations*; so does
the same target at a later date. Measurements are matched by indicator and date: those
added and removed are counted, a value corrected is named. Used by
:func:`gevinst.analysis.diff.diff`.

Examples:
    >>> import datetime as dt
    >>> from gevinst.model import Target
    >>> old = Target(date=dt.date(2025, 12, 31), value=20)
    >>> judge_target(old, Target(date=dt.date(2025, 12, 31), value=25), sign=-1)
    'lowered'
    >>> judge_target(old, Target(date=dt.date(2025, 6, 30), value=20), sign=-1)
    'raised'
"""

from __future__ import annotations

import datetime as dt

from gevinst.analysis.diff_compare import (
    Comparison,
    corrected,
    grouped,
    iso,
    keyed,
    parts,
    plain,
    reordered,
    same,
)
from gevinst.analysis.diff_text import Judgement
from gevinst.model import Indicator, Measurement, Target

__all__ = ["baseline", "direction", "judge_target", "measurements", "targets"]


def _sign(indicator: Indicator) -> int:
    return 1 if indicator.direction == "increase" else -1


def judge_target(old: Target, new: Target, sign: int) -> Judgement | None:
    """Lowered: less ambitious or later with no more ambition; raised: the reverse."""
    ambition = sign * (new.value - old.value)
    later = (new.date - old.date).days
    if (ambition < 0 and later >= 0) or (ambition == 0 and later > 0):
        return "lowered"
    if (ambition > 0 and later <= 0) or (ambition == 0 and later < 0):
        return "raised"
    return None


def _dates(added: list[dt.date], removed: list[dt.date], limit: int = 6) -> str:
    """``+2025-03-31 −2024-06-30``: dates of measurements added and removed."""
    marks = [f"+{d.isoformat()}" for d in sorted(added)]
    marks += [f"\u2212{d.isoformat()}" for d in sorted(removed)]
    shown = " ".join(marks[:limit])
    return shown + (f" … ({len(marks)})" if len(marks) > limit else "")


def direction(found: Comparison, old: Indicator, new: Indicator) -> int:
    return found.add(
        "direction_changed",
        new,
        detail="direction",
        field="direction",
        old=old.direction,
        new=new.direction,
    )


def baseline(found: Comparison, old: Indicator, new: Indicator) -> int:
    ob, nb = old.baseline, new.baseline
    count = 0
    for name in parts(ob, nb):
        before, after = getattr(ob, name, None), getattr(nb, name, None)
        if same(before, after):
            continue
        detail = {"date": "baseline_date", "value": "baseline"}.get(name)
        count += found.add(
            "baseline_changed",
            new,
            detail=detail,
            field=f"baseline.{name}",
            old=plain(before),
            new=plain(after),
            unit=new.unit if name == "value" else None,
        )
    return count


def targets(found: Comparison, old: Indicator, new: Indicator) -> int:
    # Targets in another direction cannot be judged against the old ones: listed only.
    judged = old.direction == new.direction
    sign, unit, direction = _sign(new), new.unit, new.direction
    old_keyed = sorted(keyed(old.targets, lambda target: target.date), key=lambda kv: kv[0])
    new_keyed = sorted(keyed(new.targets, lambda target: target.date), key=lambda kv: kv[0])
    before, after = dict(old_keyed), dict(new_keyed)
    lost = [target for key, target in old_keyed if key not in after]
    gained = [target for key, target in new_keyed if key not in before]
    pairs = [(target, after[key]) for key, target in old_keyed if key in after]
    moved = list(zip(lost, gained, strict=False))  # to another date: paired in date order
    count = 0
    for old_target, new_target in pairs + moved:
        if old_target == new_target:
            continue
        detail = iso(old_target.date)
        if old_target.date != new_target.date:
            detail = f"{iso(old_target.date)} → {iso(new_target.date)}"
        count += found.add(
            "target_changed",
            new,
            detail=detail,
            field="targets",
            old=old_target.value,
            new=new_target.value,
            judgement=judge_target(old_target, new_target, sign) if judged else None,
            unit=unit,
            direction=direction,
        )
    for target in lost[len(moved) :]:
        count += found.add(
            "target_removed",
            new,
            detail=iso(target.date),
            field="targets",
            old=target.value,
            unit=unit,
            direction=direction,
        )
    for target in gained[len(moved) :]:
        count += found.add(
            "target_added",
            new,
            detail=iso(target.date),
            field="targets",
            new=target.value,
            unit=unit,
            direction=direction,
        )
    return count


def measurements(found: Comparison, old: list[Measurement], new: list[Measurement]) -> int:
    """The plan's measurements, matched by indicator and date."""
    return sum(
        _measured(found, id, was, now) for id, was, now in grouped(old, new, lambda m: m.indicator)
    )


def _measured(found: Comparison, id: str, old: list[Measurement], new: list[Measurement]) -> int:
    kind, name = found.about(id)
    record = found.new_records.get(id) or found.old_records.get(id)
    unit = record.unit if isinstance(record, Indicator) else None
    old_keyed = keyed(old, lambda m: m.date)
    new_keyed = keyed(new, lambda m: m.date)
    before, after = dict(old_keyed), dict(new_keyed)
    added = [key[0] for key, _ in new_keyed if key not in before]
    removed = [key[0] for key, _ in old_keyed if key not in after]
    count = 0
    if added or removed:
        count += found.emit(
            "measurements_changed",
            id,
            kind,
            name,
            field="measurements",
            detail=_dates(added, removed),
            old=len(old),
            new=len(new),
        )
    who = (id, kind, name)
    count += corrected(
        found,
        who,
        before,
        new_keyed,
        code="measurement_corrected",
        section="measurements",
        unit=unit,
    )
    if not count:  # the same measurements in another order
        count += reordered(found, who, old, new, "measurements")
    return count
