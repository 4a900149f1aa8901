"""A small analysis of the Bergen child-welfare benefit plan, as an analyst would write it.

Loads the plan, checks it, follows one measure up to the goals and lists what each
benefit rests on. Run it from anywhere:

    python examples/bergen_barnevern/analyse.py
"""

from __future__ import annotations

from pathlib import Path

import gevinst as gv

HERE = Path(__file__).resolve().parent
MEASURE = "M8"  # varsling ved tildeling av nye saker og opprydding i BK360


def main() -> None:
    plan = gv.load(HERE / "plan.yaml")
    graph = gv.build_graph(plan)  # built anew on each access: keep it in a local
    print(f"{plan.title} ({plan.id})")
    print(
        f"{len(plan.measures)} tiltak, {len(plan.benefits)} gevinster, "
        f"{len(plan.disbenefits)} ulemper, {len(plan.indicators)} indikatorer"
    )

    findings = gv.check(plan)
    errors = [f for f in findings if f.severity == "error"]
    print(f"\nSjekk: {len(findings)} funn, {len(errors)} feil")
    for finding in findings:
        print(f"  {finding}")
    if errors:
        raise SystemExit(1)

    result = gv.trace(plan, MEASURE)
    print(f"\nFra tiltak {MEASURE} ({graph.nodes[MEASURE]['name']}) opp til målene:")
    for path in result.up:
        print("  " + " -> ".join(path))
    print("Mål som nås: " + ", ".join(result.goals))

    print("\nGevinst, eier og tiltakene den hviler på:")
    order = {measure.id: number for number, measure in enumerate(plan.measures)}
    for benefit in plan.benefits:
        measures = sorted(gv.trace(plan, benefit.id).measures, key=order.__getitem__)
        print(f"  {benefit.id:<4} {benefit.owner or '-':<14} {', '.join(measures)}")


if __name__ == "__main__":
    main()
