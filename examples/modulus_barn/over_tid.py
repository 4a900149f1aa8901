"""Expected against realised over time for the Modulus Barn plan (gevinstevaluering).

Evaluates the plan at each review date and at the end of 2025 (with the measurements
from measurements.csv) and prints, per indicator, what was expected on that date next
to what was measured. Run it from anywhere:

    python examples/modulus_barn/over_tid.py
"""

from __future__ import annotations

from pathlib import Path

import gevinst as gv

HERE = Path(__file__).resolve().parent
DATES = ["2024-06-30", "2024-12-31", "2025-06-30", "2025-12-31"]


def _number(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def main() -> None:
    plan = gv.load(HERE / "plan.yaml")
    evaluations = [
        gv.evaluate(plan, at=date, measurements=HERE / "measurements.csv") for date in DATES
    ]
    print(f"{plan.title}: forventet mot oppnådd")
    for indicator in plan.indicators:
        print(f"\n{indicator.id} {indicator.name} ({indicator.unit})")
        print(f"  {'dato':<10} {'forventet':>9} {'målt':>7} {'framdrift':>9}  status")
        for date, evaluation in zip(DATES, evaluations, strict=True):
            result = evaluation.indicator(indicator.id)
            print(
                f"  {date:<10} {_number(result.expected):>9} {_number(result.realised):>7}"
                f" {_number(result.progress, 2):>9}  {result.status}"
            )

    print("\nGevinster (score per dato):")
    print(f"  {'':<4} " + " ".join(f"{date:>10}" for date in DATES))
    for benefit in plan.benefits:
        scores = [_number(ev.element(benefit.id).score, 2) for ev in evaluations]
        print(f"  {benefit.id:<4} " + " ".join(f"{score:>10}" for score in scores))


if __name__ == "__main__":
    main()
