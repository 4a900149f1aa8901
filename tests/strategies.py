"""Hypothesis strategies for whole plans: valid models with awkward content."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

import gevinst as gv

# Text as people write it: æøå, quotes, YAML/JSON/Markdown/HTML specials, newlines.
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
    | st.sampled_from(list("æøåÆØÅ:#{}[],&*!|>'\"%@`-?<>\\=+;\n\t")),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() != "")

DATES = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2060, 12, 31))
AMOUNTS = st.floats(min_value=0, max_value=1e12, allow_nan=False, allow_infinity=False)
SHARES = st.floats(min_value=0, max_value=1, allow_nan=False, allow_infinity=False)
NUMBERS = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)
SCALE = st.sampled_from(["none", "low", "medium", "high", "ingen", "liten", "middels", "stor"])


@st.composite
def money(draw: st.DrawFn) -> float | list[float]:
    """An amount as a plan file gives it: one number, or [low, most_likely, high] in order."""
    if draw(st.booleans()):
        return draw(AMOUNTS)
    return sorted(draw(st.lists(AMOUNTS, min_size=3, max_size=3)))


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@st.composite
def plan_data(draw: st.DrawFn) -> dict[str, Any]:
    """Plain data for a plan (as from a file): ids unique, links among them."""
    n = draw(st.integers(min_value=0, max_value=4))
    kinds = ["goals", "objectives", "benefits", "disbenefits", "changes", "measures"]
    counts = {kind: draw(st.integers(min_value=0, max_value=n)) for kind in kinds}
    ids = {kind: [f"{kind[0].upper()}{i}" for i in range(counts[kind])] for kind in kinds}
    ids["disbenefits"] = [f"DB{i}" for i in range(counts["disbenefits"])]
    ids["changes"] = [f"CH{i}" for i in range(counts["changes"])]
    stakeholders = [f"s{i}" for i in range(draw(st.integers(0, 3)))]
    indicators = [f"I{i}" for i in range(draw(st.integers(0, 3)))]
    everything = [i for kind in kinds for i in ids[kind]]

    def links() -> list[Any]:
        if not everything:
            return []
        targets = draw(st.lists(st.sampled_from(everything), max_size=3, unique=True))
        out: list[Any] = []
        for target in targets:
            form = draw(st.integers(0, 2))
            if form == 0:
                out.append(target)
            else:
                link: dict[str, Any] = {"to": target}
                weight = draw(_maybe(st.floats(0, 1)))
                if weight is not None:
                    link["weight"] = weight
                note = draw(_maybe(TEXT))
                if note is not None:
                    link["note"] = note
                assumptions = draw(st.lists(TEXT, max_size=2))
                if assumptions:
                    link["assumptions"] = assumptions
                out.append(link)
        return out

    def element(id: str, kind: str) -> dict[str, Any]:
        data: dict[str, Any] = {"id": id, "name": draw(TEXT)}
        if draw(st.booleans()):
            data["description"] = draw(TEXT)
        if draw(st.booleans()):
            data["assumptions"] = draw(st.lists(TEXT, max_size=2))
        if kind != "goals" or draw(st.booleans()):
            data["contributes_to"] = links()
        if kind in ("measures", "changes") and ids["disbenefits"] and draw(st.booleans()):
            targets = draw(st.lists(st.sampled_from(ids["disbenefits"]), max_size=2, unique=True))
            data["mitigates"] = [
                target if draw(st.booleans()) else {"to": target, "note": draw(TEXT)}
                for target in targets
            ]
        if kind in ("benefits", "disbenefits"):
            if stakeholders and draw(st.booleans()):
                data["owner"] = draw(st.sampled_from(stakeholders))
            if indicators:
                data["indicators"] = draw(st.lists(st.sampled_from(indicators), unique=True))
            data["type"] = draw(_maybe(st.sampled_from(["efficiency", "quality", "other_actors"])))
            data["category"] = draw(
                _maybe(st.sampled_from(["budget", "redeployment", "public_sector", "non_priced"]))
            )
            if draw(st.booleans()):
                data["value"] = {"annual": draw(money()), "from": draw(DATES)}
                ramp = draw(_maybe(st.lists(SHARES, max_size=4)))
                if ramp is not None:
                    data["value"]["ramp"] = ramp
            data["risk"] = draw(_maybe(st.sampled_from(["low", "medium", "high"])))
            data["cashable"] = draw(_maybe(st.booleans()))
        if kind == "measures":
            data["status"] = draw(
                _maybe(st.sampled_from(["idea", "planned", "pilot", "implemented", "stopped"]))
            )
            data["start"] = draw(_maybe(DATES))
            if data["start"] is not None and draw(st.booleans()):  # end on or after start
                data["end"] = data["start"] + dt.timedelta(days=draw(st.integers(0, 4000)))
            if draw(st.booleans()):
                data["cost"] = {"one_off": draw(money()), "annual": draw(money())}
        return {k: v for k, v in data.items() if v is not None}

    data: dict[str, Any] = {
        "schema": "gevinst/1",
        "plan": {
            "id": "plan-1",
            "title": draw(TEXT),
            "language": draw(st.sampled_from(["nb", "en"])),
            "discount_rate": draw(_maybe(st.floats(0, 0.2))),  # None: the R-109 rates
            "correlation": draw(_maybe(SHARES)),
            "optimism_bias": draw(
                _maybe(st.fixed_dictionaries({"costs": st.floats(0, 2), "benefits": SHARES}))
            ),
            "horizon_years": draw(st.integers(1, 40)),
        },
    }
    if draw(st.booleans()):
        data["plan"]["start"] = draw(DATES)
    for kind in kinds:
        data[kind] = [element(id, kind) for id in ids[kind]]
    data["stakeholders"] = [
        {
            "id": sid,
            "name": draw(TEXT),
            "power": draw(SCALE),
            "interest": draw(SCALE),
            "attitude": draw(st.sampled_from(["supportive", "neutral", "resistant"])),
            "impacts": {
                ref: draw(st.sampled_from(["positive", "negative"]))
                for ref in draw(st.lists(st.sampled_from(everything), max_size=2, unique=True))
            }
            if everything
            else {},
        }
        for sid in stakeholders
    ]
    data["indicators"] = []
    for iid in indicators:
        dates = draw(st.lists(DATES, min_size=1, max_size=3, unique=True))
        data["indicators"].append(
            {
                "id": iid,
                "name": draw(TEXT),
                "unit": draw(_maybe(TEXT)),
                "direction": draw(st.sampled_from(["increase", "decrease"])),
                "baseline": {"date": min(dates), "value": draw(NUMBERS)},
                "targets": [{"date": d, "value": draw(NUMBERS)} for d in sorted(dates)[1:]],
                "source": draw(_maybe(TEXT)),
                "frequency": draw(
                    _maybe(st.sampled_from(["weekly", "monthly", "quarterly", "half-yearly"]))
                ),
            }
        )
    data["measurements"] = [
        {"indicator": iid, "date": draw(DATES), "value": draw(NUMBERS), "note": draw(_maybe(TEXT))}
        for iid in (draw(st.lists(st.sampled_from(indicators), max_size=4)) if indicators else [])
    ]
    data["reviews"] = [
        {
            "date": draw(DATES),
            "element": ref,
            "status": draw(st.sampled_from(["on_track", "at_risk", "off_track", "not_measured"])),
            "comment": draw(_maybe(TEXT)),
        }
        for ref in (draw(st.lists(st.sampled_from(everything), max_size=2)) if everything else [])
    ]
    return data


def plans() -> st.SearchStrategy[gv.Plan]:
    """Valid plans (the model's rules hold; GV findings may exist)."""
    return plan_data().map(gv.Plan.model_validate)
