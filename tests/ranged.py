"""A ranged copy of the Bergen example: three-point estimates on several amounts and a
correlation, for the tests of the simulation's charts and report parts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gevinst as gv

BERGEN = Path(__file__).parents[1] / "examples/bergen_barnevern/plan.yaml"


def _most_likely(value: Any) -> float:
    return float(value[1] if isinstance(value, list) else value)


def ranged_bergen(correlation: float = 0.3) -> gv.Plan:
    """Bergen with ranges on every benefit's value (half to 1.25 times the most likely)
    and on the first four measures' costs (0.9 to 1.5 times), correlation ``correlation``."""
    raw = gv.load(BERGEN).model_dump(by_alias=True, exclude_none=True)
    raw["plan"]["correlation"] = correlation
    for benefit in raw["benefits"]:
        if "value" in benefit:
            x = _most_likely(benefit["value"]["annual"])
            benefit["value"]["annual"] = [0.5 * x, x, 1.25 * x]
    costed = [m for m in raw["measures"] if "cost" in m][:4]
    for measure in costed:
        for field in ("one_off", "annual"):
            if field in measure["cost"]:
                x = _most_likely(measure["cost"][field])
                measure["cost"][field] = [0.9 * x, x, 1.5 * x]
    return gv.Plan.model_validate(raw)


def plain_bergen() -> gv.Plan:
    """Bergen with every amount a single number (the most likely), whatever the file says."""
    raw = gv.load(BERGEN).model_dump(by_alias=True, exclude_none=True)
    for benefit in [*raw["benefits"], *raw.get("disbenefits", [])]:
        if "value" in benefit:
            benefit["value"]["annual"] = _most_likely(benefit["value"]["annual"])
    for measure in raw["measures"]:
        for field in ("one_off", "annual"):
            if field in measure.get("cost", {}):
                measure["cost"][field] = _most_likely(measure["cost"][field])
    return gv.Plan.model_validate(raw)
