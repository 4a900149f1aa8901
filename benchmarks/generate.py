"""Realistic synthetic portfolios for the scale benchmarks (issue 6).

Per 100 measures the portfolio has about 20 changes, 60 benefits, 5 dis-benefits,
12 objectives, 3 goals and 40 stakeholders, one indicator per benefit with a
baseline, two targets and 8 quarterly measurements. The 10,000-measure portfolio
has 78,000 records and is about 7 MB of YAML as the plan writer writes it.

The plan is built in programmes of 100 measures, each with its own goals and
objectives, and linked the way real plans are: measures feed changes, changes feed
benefits, some benefits feed other benefits (with weights), benefits and
dis-benefits reach objectives, objectives reach goals. Every plan it makes loads and
has no check errors. The same seed gives the same bytes.

Usage::

    python benchmarks/generate.py 10000 portfolio.yaml   # also .json
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path
from typing import Any

__all__ = ["portfolio_data", "portfolio_plan", "portfolio_text"]

_VERBS = [
    "Innføre",
    "Styrke",
    "Digitalisere",
    "Samordne",
    "Forenkle",
    "Utvide",
    "Fornye",
    "Automatisere",
    "Kartlegge",
    "Etablere",
]
_THINGS = [
    "opplæringsprogram for nyansatte",
    "mottak av bekymringsmeldinger",
    "rutiner i kvalitetssystemet",
    "maler i fagsystemet",
    "team for krevende saker",
    "veiledning til familier",
    "samarbeid med skoler og helsestasjoner",
    "tjenestetelefon og tilgjengelighet",
    "omfordeling av saker ved fravær",
    "superbrukernettverk",
    "arkiv og dokumentflyt",
    "oppfølging av fosterhjem",
    "tiltak i hjemmet",
    "ettervern for unge voksne",
    "tverrfaglige møter",
]
_BENEFITS = [
    "Kortere saksbehandlingstid",
    "Færre fristbrudd",
    "Lavere sykefravær",
    "Lavere turnover",
    "Bedre dokumentasjonskvalitet",
    "Mer tid til direkte arbeid med barn og familier",
    "Raskere svar til samarbeidspartnere",
    "Mer likeverdige vurderinger",
    "Færre manuelle registreringer",
    "Høyere brukertilfredshet",
    "Færre klagesaker",
    "Kortere ventetid på tiltak",
]
_UNITS = ["%", "dager", "timer", "uker", "antall", "kroner per sak"]
_GROUPS = ["ledelse", "ansatte", "støttefunksjoner", "politisk", "samarbeidspartnere"]
_SCALE = ["none", "low", "medium", "high"]
_ATTITUDE = ["supportive", "supportive", "neutral", "neutral", "resistant"]
_AREAS = [
    "Årstad",
    "Bergenhus",
    "Fana",
    "Fyllingsdalen",
    "Laksevåg",
    "Ytrebygda",
    "Åsane",
    "Arna",
]


def _per(measures: int, per_hundred: int) -> int:
    return max(1, round(measures * per_hundred / 100))


def portfolio_data(measures: int = 10_000, seed: int = 2024) -> dict[str, Any]:
    """A synthetic portfolio plan as plain data (the structure of a ``gevinst/1`` file).

    Example:
        >>> data = portfolio_data(100, seed=1)
        >>> len(data["measures"]), len(data["benefits"]), len(data["measurements"])
        (100, 60, 480)
    """
    rng = random.Random(seed)
    n_goal, n_obj = _per(measures, 3), _per(measures, 12)
    n_ben, n_dis = _per(measures, 60), _per(measures, 5)
    n_chg, n_sth = _per(measures, 20), _per(measures, 40)
    programmes = max(1, measures // 100)

    def programme(index: int, count: int) -> int:
        return min(programmes - 1, index * programmes // count)

    def pick(count: int, prog: int, total_progs: int = programmes) -> int:
        """A random index among the records of one programme."""
        low = prog * count // total_progs
        high = max(low + 1, (prog + 1) * count // total_progs)
        return rng.randrange(low, high)

    start = dt.date(2024, 1, 1)
    stakeholders = []
    for i in range(n_sth):
        stakeholders.append(
            {
                "id": f"S{i + 1}",
                "name": f"{rng.choice(['Leder', 'Rådgiver', 'Team', 'Enhet'])} "
                f"{rng.choice(_AREAS)} {i + 1}",
                "group": rng.choice(_GROUPS),
                "power": rng.choice(_SCALE[1:]),
                "interest": rng.choice(_SCALE[1:]),
                "attitude": rng.choice(_ATTITUDE[:4]),
                "impacts": {},
            }
        )
    goals = []
    for i in range(n_goal):
        goals.append(
            {"id": f"G{i + 1}", "name": f"Samfunnsmål {i + 1}: Bergens barn, byens framtid"}
        )
    objectives = []
    for i in range(n_obj):
        prog = programme(i, n_obj)
        objectives.append(
            {
                "id": f"O{i + 1}",
                "name": f"Effektmål {i + 1}: raskere og likeverdig hjelp i {rng.choice(_AREAS)}",
                "owner": f"S{pick(n_sth, prog) + 1}",
                "contributes_to": [f"G{pick(n_goal, prog) + 1}"],
            }
        )
    indicators = []
    measurements = []
    benefits = []
    weighted_in: dict[int, float] = {}
    for i in range(n_ben):
        prog = programme(i, n_ben)
        owner = pick(n_sth, prog)
        links: list[Any] = [f"O{pick(n_obj, prog) + 1}"]
        low = prog * n_ben // programmes
        monetised = rng.random() < 0.3
        # One benefit in five is intermediate: it feeds an earlier benefit of its
        # programme (lower index, so no cycles), with a weight (at most 0.6 in all).
        if not monetised and i > low and rng.random() < 0.2:
            target = rng.randrange(low, i)
            if weighted_in.get(target, 0.0) <= 0.3:
                weighted_in[target] = weighted_in.get(target, 0.0) + 0.3
                links.insert(0, {"to": f"B{target + 1}", "weight": 0.3})
        benefit: dict[str, Any] = {
            "id": f"B{i + 1}",
            "name": f"{rng.choice(_BENEFITS)} i {rng.choice(_AREAS)} ({i + 1})",
            "owner": f"S{owner + 1}",
            "indicators": [f"I{i + 1}"],
            "contributes_to": links,
            "type": rng.choice(["efficiency", "quality", "other_actors"]),
            "category": "budget" if monetised else "non_priced",
            "risk": rng.choice(["low", "medium", "high"]),
        }
        if monetised:
            benefit["value"] = {
                "annual": rng.randrange(100, 5000) * 1000,
                "from": dt.date(2025, rng.choice([1, 4, 7, 10]), 1),
            }
        benefits.append(benefit)
        stakeholders[owner]["impacts"][f"B{i + 1}"] = "positive"
        direction = rng.choice(["increase", "decrease"])
        base = float(rng.randrange(20, 80))
        sign = 1 if direction == "increase" else -1
        step = rng.choice([0.5, 1.0, 1.5, 2.0])
        base_date = dt.date(2023, 12, 31)
        indicators.append(
            {
                "id": f"I{i + 1}",
                "name": f"Indikator for gevinst {i + 1}",
                "unit": rng.choice(_UNITS),
                "direction": direction,
                "baseline": {"date": base_date, "value": base},
                "targets": [
                    {"date": dt.date(2025, 12, 31), "value": base + sign * step * 6},
                    {"date": dt.date(2027, 12, 31), "value": base + sign * step * 12},
                ],
                "source": rng.choice(
                    ["Fagsystemet (Modulus Barn)", "HR-systemet", "Internkontroll"]
                ),
                "frequency": "quarterly",
            }
        )
        value = base
        for quarter in range(8):
            month = 3 * (quarter % 4) + 3
            year = 2024 + quarter // 4
            day = 31 if month in (3, 12) else 30
            value += sign * step * rng.uniform(-0.2, 1.2)
            measurements.append(
                {
                    "indicator": f"I{i + 1}",
                    "date": dt.date(year, month, day),
                    "value": round(value, 1),
                }
            )
    disbenefits = []
    for i in range(n_dis):
        prog = programme(i, n_dis)
        owner = pick(n_sth, prog)
        disbenefit: dict[str, Any] = {
            "id": f"D{i + 1}",
            "name": f"Omstillingsbelastning i {rng.choice(_AREAS)} ({i + 1})",
            "owner": f"S{owner + 1}",
            "contributes_to": [f"O{pick(n_obj, prog) + 1}"],
            "category": "non_priced",
            "risk": "medium",
        }
        disbenefits.append(disbenefit)
        stakeholders[owner]["impacts"][f"D{i + 1}"] = "negative"
    changes = []
    for i in range(n_chg):
        prog = programme(i, n_chg)
        targets = sorted({pick(n_ben, prog) for _ in range(3)})
        changes.append(
            {
                "id": f"C{i + 1}",
                "name": f"{rng.choice(_THINGS).capitalize()} er tatt i bruk ({i + 1})",
                "contributes_to": [f"B{t + 1}" for t in targets],
            }
        )
    measure_records = []
    for i in range(measures):
        prog = programme(i, measures)
        first = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 700))
        measure_records.append(
            {
                "id": f"M{i + 1}",
                "name": f"{rng.choice(_VERBS)} {rng.choice(_THINGS)} ({i + 1})",
                "status": rng.choice(["idea", "planned", "pilot", "implemented"]),
                "owner": f"S{pick(n_sth, prog) + 1}",
                "start": first,
                "cost": {
                    "one_off": rng.randrange(0, 2000) * 1000,
                    "annual": rng.randrange(0, 500) * 1000,
                },
                "contributes_to": [f"C{pick(n_chg, prog) + 1}"],
            }
        )
    for stakeholder in stakeholders:
        if not stakeholder["impacts"]:
            del stakeholder["impacts"]
    return {
        "schema": "gevinst/1",
        "plan": {
            "id": f"portefolje-{measures}",
            "title": f"Porteføljen med {measures} tiltak",
            "organisation": "Bergen kommune",
            "owner": "S1",
            "language": "nb",
            "start": start,
            "horizon_years": 10,
        },
        "goals": goals,
        "objectives": objectives,
        "benefits": benefits,
        "disbenefits": disbenefits,
        "changes": changes,
        "measures": measure_records,
        "stakeholders": stakeholders,
        "indicators": indicators,
        "measurements": measurements,
    }


def portfolio_plan(measures: int = 10_000, seed: int = 2024) -> Any:
    """The synthetic portfolio as a :class:`gevinst.Plan`."""
    import gevinst as gv

    return gv.Plan.model_validate(portfolio_data(measures, seed))


def portfolio_text(measures: int = 10_000, seed: int = 2024, format: str = "yaml") -> str:
    """The synthetic portfolio as the plan writer writes it (``yaml`` or ``json``)."""
    import gevinst as gv

    return gv.dumps(portfolio_plan(measures, seed), format)


def main(argv: list[str] | None = None) -> int:
    """Write a portfolio to a file; the format follows the suffix (.yaml, .json)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("measures", type=int, nargs="?", default=10_000)
    parser.add_argument("path", type=Path)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    import gevinst as gv

    plan = portfolio_plan(args.measures, args.seed)
    gv.save(plan, args.path)
    print(f"wrote {args.path} ({args.path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
