"""Plans for the map tests: a small fixed plan, a hostile one, a large one, a fake evaluation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import gevinst as gv

HOSTILE = 'Ond "navn" <script>alert(1)</script> & {x} ]] \\ `#quot;` $x$ %% end\nny linje'
#: A link's note built to break out of every format's edge label or tooltip.
HOSTILE_NOTE = 'Fordi "x" <script>alert(1)</script> ]] | -->|y| n1 {a|b}\nny linje & <!-- --> \\l'


def small_plan() -> gv.Plan:
    """Two measures, a change, two benefits, a dis-benefit, an objective and a goal."""
    plan = gv.Plan.new("liten", "Liten plan for kart", organisation="Bergen kommune")
    plan.add_stakeholder("leder", "Leder, barneverntjeneste", power="high", interest="high")
    plan.add_stakeholder("hr", "HR-sjef", power="medium", interest="high")
    plan.add_goal("G1", "Bergens barn, byens framtid")
    plan.add_objective("O1", "Raskere saksbehandling", contributes_to=["G1"], owner="leder")
    plan.add_benefit(
        "B1",
        "Kortere opplæringstid for nyansatte",
        owner="hr",
        contributes_to=[{"to": "O1", "weight": 0.6, "note": "Frigjort tid går til saksbehandling"}],
        assumptions=["Mentorer får avsatt tid"],
    )
    plan.add_benefit("B2", "Færre fristbrudd", owner="leder", contributes_to=["O1"])
    plan.add_disbenefit("D1", "Mer tid til rapportering", owner="leder", contributes_to=["O1"])
    plan.add_change("C1", "Nyansatte får fast mentor", contributes_to=["B1", "B2"])
    plan.add_measure("M1", "Innføringsprogram for nyansatte", contributes_to=["C1"])
    plan.add_measure("M2", "Digital innmelding", contributes_to=["B2", "D1"])
    return plan


def hostile_plan() -> gv.Plan:
    """Every name, title and note carries characters that mean something in some format."""
    plan = gv.Plan.new("ond", HOSTILE, organisation="</text><script>x()</script>")
    plan.add_stakeholder("eier", HOSTILE, power="high", interest="high")
    plan.add_goal("end", HOSTILE)
    plan.add_objective(
        "subgraph", '-->|x| ]]"; style\nclick n1 call alert()', contributes_to=["end"]
    )
    plan.add_benefit(
        "node",
        "<b>fet</b> & <img src=x onerror=alert(1)>",
        owner="eier",
        contributes_to=[{"to": "subgraph", "note": HOSTILE_NOTE}],
        assumptions=['"); alert(1); ("', "<!-- -->"],
    )
    plan.add_disbenefit(
        "edge", "\\\\ \\n \\l {a|b} [x] \\", owner="eier", contributes_to=["subgraph"]
    )
    plan.add_measure(
        "graph", "Tiltak ]] [[ (( )) {{ }}", owner="eier", contributes_to=["node", "edge"]
    )
    return plan


def large_plan(size: int, seed: int = 7) -> gv.Plan:
    """A synthetic plan of about ``size`` elements in the map's proportions (deterministic)."""
    import random

    rng = random.Random(seed)
    plan = gv.Plan.new("stor", f"Syntetisk plan med {size} elementer")
    n_goal = max(1, size // 60)
    n_obj = max(1, size // 15)
    n_ben = max(1, size * 3 // 10)
    n_chg = max(1, size // 4)
    n_mea = max(1, size - n_goal - n_obj - n_ben - n_chg)
    words = [
        "bedre",
        "raskere",
        "tryggere",
        "felles",
        "digital",
        "kvalitet",
        "tid",
        "saker",
        "barn",
        "familier",
    ]

    def name(prefix: str, i: int) -> str:
        return f"{prefix} {i}: " + " ".join(rng.choice(words) for _ in range(rng.randint(2, 7)))

    for i in range(n_goal):
        plan.add_goal(f"G{i}", name("Samfunnsmål", i))
    for i in range(n_obj):
        plan.add_objective(
            f"O{i}", name("Effektmål", i), contributes_to=[f"G{rng.randrange(n_goal)}"]
        )
    for i in range(n_ben):
        targets = sorted({f"O{rng.randrange(n_obj)}" for _ in range(rng.randint(1, 2))})
        plan.add_benefit(f"B{i}", name("Gevinst", i), contributes_to=targets)
    for i in range(n_chg):
        targets = sorted({f"B{rng.randrange(n_ben)}" for _ in range(rng.randint(1, 3))})
        plan.add_change(f"C{i}", name("Endring", i), contributes_to=targets)
    for i in range(n_mea):
        plan.add_measure(f"M{i}", name("Tiltak", i), contributes_to=[f"C{rng.randrange(n_chg)}"])
    return plan


@dataclass(frozen=True)
class FakeResult:
    score: float | None
    coverage: float | None
    status: str | None


class FakeEvaluation:
    """Just what the map reads from an evaluation: ``.at`` and ``.element(id)``."""

    at = dt.date(2025, 10, 1)

    def __init__(self, results: dict[str, FakeResult]) -> None:
        self.results = results

    def element(self, id: str) -> FakeResult:
        return self.results[id]


def small_evaluation() -> FakeEvaluation:
    return FakeEvaluation(
        {
            "G1": FakeResult(0.72, 1.0, "at_risk"),
            "O1": FakeResult(0.95, 1.0, "on_track"),
            "B1": FakeResult(0.3, 1.0, "off_track"),
            "B2": FakeResult(None, 0.0, "not_measured"),
            "D1": FakeResult(None, None, "not_due"),
            "C1": FakeResult(None, None, None),
        }
    )
