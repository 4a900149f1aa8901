"""gv.diff and `gevinst diff` on two real-looking versions of the Bergen plan.

examples/bergen_barnevern/plan-2024.yaml is the plan as presented after the pilot
phase (September 2024); plan.yaml is today's. The changes between them were made by
hand, so every expected difference below is known exactly.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import types
import typing
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

import gevinst as gv
from gevinst.analysis.diff import KINDS, Difference
from gevinst.analysis.diff_text import FIELD_WORDS, field_word, field_word_key
from gevinst.cli import cli
from gevinst.field_types import ID_PATTERN
from gevinst.i18n.words import WORDS
from gevinst.model import Measurement, Plan, PlanInfo, Review
from tests.strategies import DATES, TEXT, plans

ROOT = Path(__file__).resolve().parents[2]
OLD = ROOT / "examples" / "bergen_barnevern" / "plan-2024.yaml"
NEW = ROOT / "examples" / "bergen_barnevern" / "plan.yaml"


@pytest.fixture(scope="module")
def changes() -> gv.PlanDiff:
    return gv.diff(gv.load(OLD), gv.load(NEW))


def _find(changes: gv.PlanDiff, kind: str, element: str) -> list[Difference]:
    return [d for d in changes if d.kind == kind and d.element == element]


def test_the_old_version_is_a_valid_plan() -> None:
    errors = [f for f in gv.check(gv.load(OLD)) if f.severity == "error"]
    assert errors == []


def test_a_plan_has_no_differences_with_itself() -> None:
    plan = gv.load(NEW)
    result = gv.diff(plan, plan.model_copy(deep=True))
    assert not result
    assert len(result) == 0
    assert result.to_text(language="en").splitlines()[1] == "No changes."


def test_added_removed_and_renamed(changes: gv.PlanDiff) -> None:
    assert [(d.element, d.element_kind) for d in changes.added] == [("M12", "measure")]
    assert [(d.element, d.element_kind) for d in changes.removed] == [
        ("B12", "benefit"),
        ("I12", "indicator"),
    ]
    assert [(d.element, d.old, d.new) for d in changes.renamed] == [
        (
            "B5",
            "Flere undersøkelser innen fristen",
            "Flere undersøkelser avsluttet innen fristen",
        ),
        ("M3", "Digitale hjelpemidler", "Bruk av digitale hjelpemidler"),
    ]


def test_links_and_weights(changes: gv.PlanDiff) -> None:
    [added] = changes.of_kind("link_added")
    assert (added.element, added.detail) == ("C7", "B4 «Mer tid til direkte arbeid med sakene»")
    [removed] = changes.of_kind("link_removed")
    assert removed.element == "B9"
    assert removed.detail is not None and removed.detail.startswith("O1 ")
    [weight] = changes.of_kind("weight_changed")
    assert (weight.element, weight.detail, weight.old, weight.new) == ("B1", "B4", 0.3, 0.2)


def test_targets_judged_with_the_indicators_direction(changes: gv.PlanDiff) -> None:
    # I1 (decrease is better): 14 -> 16 weeks by 2025-06-30 is less ambitious.
    [i1] = _find(changes, "target_changed", "I1")
    assert (i1.detail, i1.old, i1.new, i1.judgement) == ("2025-06-30", 14.0, 16.0, "lowered")
    # I5 (increase is better): 98 % -> 95 % by 2026-12-31 is less ambitious.
    [i5] = _find(changes, "target_changed", "I5")
    assert (i5.old, i5.new, i5.judgement) == (98.0, 95.0, "lowered")
    # I8 (decrease): 5 -> 10 breaches a quarter is less ambitious.
    [i8] = _find(changes, "target_changed", "I8")
    assert (i8.old, i8.new, i8.judgement) == (5.0, 10.0, "lowered")
    # I6 (increase): 95 % -> 100 % is more ambitious.
    [i6] = _find(changes, "target_changed", "I6")
    assert (i6.old, i6.new, i6.judgement) == (95.0, 100.0, "raised")
    # I10: the same 75 % half a year later is a postponement: expectations lowered.
    [i10] = _find(changes, "target_changed", "I10")
    assert (i10.detail, i10.old, i10.new) == ("2026-06-30 → 2026-12-31", 75.0, 75.0)
    assert i10.judgement == "lowered"


def test_expectations_lowered_and_raised(changes: gv.PlanDiff) -> None:
    # Four targets, B4's value (7 -> 6 MNOK), B9's value from a later date and M6's
    # higher annual cost (3.0 -> 3.6 MNOK): seven in all. One target was raised (I6).
    lowered = {(d.kind, d.element, d.detail) for d in changes.lowered}
    assert lowered == {
        ("target_changed", "I1", "2025-06-30"),
        ("target_changed", "I5", "2026-12-31"),
        ("target_changed", "I8", "2026-12-31"),
        ("target_changed", "I10", "2026-06-30 → 2026-12-31"),
        ("value_changed", "B4", "annual_value"),
        ("value_changed", "B9", "value_from"),
        ("cost_changed", "M6", "annual_cost"),
    }
    assert [(d.kind, d.element) for d in changes.raised] == [("target_changed", "I6")]


def test_baseline_money_owner_status(changes: gv.PlanDiff) -> None:
    [baseline] = changes.of_kind("baseline_changed")
    assert (baseline.element, baseline.old, baseline.new, baseline.unit) == ("I4", 44.0, 45.0, "%")
    # B4 went from [4, 7, 8] million a year to [3, 6, 7.5] million, with a ramp-up
    b4 = {d.field: d for d in _find(changes, "value_changed", "B4")}
    assert set(b4) == {"value.annual", "value.ramp"}
    annual = b4["value.annual"]
    assert (annual.old, annual.new, annual.unit) == ([4e6, 7e6, 8e6], [3e6, 6e6, 7.5e6], "NOK")
    assert annual.judgement == "lowered"  # judged by the most likely value
    assert (b4["value.ramp"].old, b4["value.ramp"].new) == (None, [0.25, 0.5])
    [m6] = _find(changes, "cost_changed", "M6")
    assert (m6.old, m6.new) == ([2.8e6, 3e6, 3.5e6], [3.2e6, 3.6e6, 4.3e6])
    [owner] = changes.of_kind("owner_changed")
    assert (owner.element, owner.old, owner.new) == ("B3", "hr", "leder-bvt")
    [status] = changes.of_kind("status_changed")
    assert (status.element, status.old, status.new) == ("M3", "planned", "pilot")


def test_measurements_counted_per_indicator(changes: gv.PlanDiff) -> None:
    old, new = gv.load(OLD), gv.load(NEW)
    measured = changes.of_kind("measurements_changed")
    for d in measured:
        assert d.old == sum(1 for m in old.measurements if m.indicator == d.element)
        assert d.new == sum(1 for m in new.measurements if m.indicator == d.element)
    # I9 has no measurement in either version: not listed.
    assert "I9" not in {d.element for d in measured}


def test_order_is_stable_and_by_kind(changes: gv.PlanDiff) -> None:
    order = [KINDS.index(d.kind) for d in changes]
    assert order == sorted(order)
    again = gv.diff(gv.load(OLD), gv.load(NEW))
    assert again.to_json() == changes.to_json()


def test_text_in_norwegian_and_english(changes: gv.PlanDiff) -> None:
    nb = changes.to_text()
    assert nb.startswith("Endringer i «Smidige metoder i barnevernet» (ebf-smidig)\n")
    assert "7 forventninger senket, 1 forventning hevet." in nb
    assert (
        "- Indikator I5 «Andel undersøkelser avsluttet innen fristen»: målverdi for "
        "2026-12-31 fra 98\u00a0% til 95\u00a0% (økning er bedre)"
    ) in nb
    assert (
        "- Tiltak M6 «Eget team for krevende saker»: årlig kostnad fra 3\u00a0000\u00a0000 NOK"
        in nb
    )
    en = changes.to_text(language="en")
    assert "Expectations lowered (7):" in en
    assert (
        "- Indicator I10 «Andel bekymringsmeldinger via nasjonal portal»: target 75% "
        "postponed from 2026-06-30 to 2026-12-31 (higher is better)"
    ) in en
    assert (
        "- Benefit B5: name «Flere undersøkelser innen fristen» → «Flere undersøkelser avsluttet"
        in en
    )


def test_json_reads_back(changes: gv.PlanDiff) -> None:
    data = json.loads(changes.to_json())
    assert data["expectations_lowered"] == 7
    assert data["summary"]["renamed"] == 2
    assert len(data["changes"]) == len(changes)
    first = data["changes"][0]
    assert first["kind"] == "target_changed" and first["element"] == "I1"
    assert first["text"].startswith("Indikator I1")


def test_markdown_escapes_names() -> None:
    old = gv.Plan.new("p", "Plan")
    old.add_goal("G1", "Mål")
    new = old.model_copy(deep=True)
    new.goals[0].name = "Mål *viktig* <b>[1]</b> | x"
    md = gv.diff(old, new).to_markdown()
    assert "\\*viktig\\* &lt;b&gt;\\[1\\]&lt;/b&gt; \\| x" in md
    assert "<b>" not in md


def test_disbenefit_value_up_is_lowered_expectation() -> None:
    old = gv.Plan.new("p", "Plan")
    old.add_disbenefit("D1", "Mer rapportering", value={"annual": 100_000})
    new = old.model_copy(deep=True)
    assert new.disbenefits[0].value is not None
    new.disbenefits[0].value.annual = 150_000
    changes = gv.diff(old, new)
    [d] = changes.of_kind("value_changed")
    assert (d.kind, d.judgement) == ("value_changed", "lowered")
    # the money moved: the expected present value went down with it
    expected = {d.detail: (d.old, d.new) for d in changes.of_kind("npv_changed")}
    before, after = (gv.evaluate(p).npv().expected for p in (old, new))
    assert expected["expected"] == (before, after) and after < before < 0


def test_target_added_removed_and_direction_changed() -> None:
    old = gv.Plan.new("p", "Plan")
    old.add_indicator(
        "I1",
        "Andel",
        targets=[{"date": "2025-01-01", "value": 10}, {"date": "2026-01-01", "value": 20}],
    )
    new = old.model_copy(deep=True)
    new.indicators[0].targets.append(gv.Target(date="2027-01-01", value=30))
    assert [(d.kind, d.detail, d.new) for d in gv.diff(old, new)] == [
        ("target_added", "2027-01-01", 30.0)
    ]
    assert [(d.kind, d.detail, d.old) for d in gv.diff(new, old)] == [
        ("target_removed", "2027-01-01", 30.0)
    ]
    flipped = old.model_copy(deep=True)
    flipped.indicators[0].direction = "decrease"
    flipped.indicators[0].targets[0].value = 5
    found = [(d.kind, d.judgement) for d in gv.diff(old, flipped)]
    # targets in another direction are listed, not judged
    assert found == [("target_changed", None), ("direction_changed", None)]


@settings(max_examples=60, deadline=None)
@given(old=plans(), new=plans())
def test_any_two_plans_diff_to_readable_json(old: gv.Plan, new: gv.Plan) -> None:
    result = gv.diff(old, new)
    data = json.loads(result.to_json())
    assert len(data["changes"]) == len(result)
    for language in ("nb", "en"):
        # one line per difference, whatever the names hold (the plans' texts have
        # newlines, #, *, [, <, | and more): the structure is gevinst's own
        text = result.to_text(language=language).splitlines()
        assert len(text) == 2 + sum(2 + len(items) for _, items in result._groups())
        assert sum(line.startswith("- ") for line in text) == len(result)
        markdown = result.to_markdown(language=language).splitlines()
        assert [line[:2] for line in markdown if line.startswith("#")] == ["# "] + ["##"] * len(
            result._groups()
        )
        items = [line for line in markdown if line.startswith("- ")]
        assert len(items) == len(result)
        assert all(re.search(r"(?<!\\)[<>\[\]`*_|]", line[2:]) is None for line in items)
    assert not gv.diff(new, new.model_copy(deep=True))
    # added and removed swap when the versions swap
    back = gv.diff(new, old)
    assert {d.element for d in back.added} == {d.element for d in result.removed}


# -- the command line ----------------------------------------------------------------------


def test_cli_diff_text() -> None:
    result = CliRunner().invoke(cli, ["diff", str(OLD), str(NEW)])
    assert result.exit_code == 0, result.output
    assert result.output == gv.diff(gv.load(OLD), gv.load(NEW)).to_text()


@pytest.mark.parametrize("fmt", ["json", "md"])
def test_cli_diff_formats(fmt: str) -> None:
    result = CliRunner().invoke(cli, ["diff", str(OLD), str(NEW), "--format", fmt, "--lang", "en"])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert json.loads(result.output)["language"] == "en"
    else:
        assert result.output.startswith("# Changes in «Smidige metoder i barnevernet»")


def test_cli_diff_to_file_and_errors(tmp_path: Path) -> None:
    out = tmp_path / "endringer.md"
    result = CliRunner().invoke(cli, ["diff", str(OLD), str(NEW), "--format", "md", "-o", str(out)])
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# Endringer i")
    missing = CliRunner().invoke(cli, ["diff", str(OLD), str(tmp_path / "nope.yaml")])
    assert missing.exit_code == 1
    assert "nope.yaml" in missing.output and "Traceback" not in missing.output
    wrong = CliRunner().invoke(cli, ["diff", str(OLD), str(NEW), "--format", "pdf"])
    assert wrong.exit_code == 2


def test_corrected_measurement_is_reported() -> None:
    old = gv.load(NEW)
    new = old.model_copy(deep=True)
    new.measurements[0].value += 1  # I1 on 2024-06-30: 22 -> 23, as many measurements
    [d] = gv.diff(old, new)
    assert (d.kind, d.element, d.detail, d.old, d.new) == (
        "measurement_corrected",
        "I1",
        "2024-06-30",
        22.0,
        23.0,
    )
    assert str(d.to_data("en")["text"]).endswith(
        ": measurement 2024-06-30 corrected from 22 uker to 23 uker"
    )


# -- completeness: every field of every model is compared and named ------------------------


def _models_in(annotation: object) -> list[type[BaseModel]]:
    found = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        found.append(annotation)
    for arg in typing.get_args(annotation):
        found += _models_in(arg)
    return found


def _all_models() -> list[type[BaseModel]]:
    """Plan and every model reachable from its fields."""
    seen: list[type[BaseModel]] = []
    todo: list[type[BaseModel]] = [Plan]
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.append(model)
        for info in model.model_fields.values():
            todo += _models_in(info.annotation)
    return sorted(seen, key=lambda m: m.__name__)


def test_every_field_of_every_model_has_a_word() -> None:
    """A field added to the model fails here until FIELD_WORDS gives it a word."""
    models = _all_models()
    assert {"Benefit", "Link", "Value", "Cost", "Target", "Measurement", "Review"} <= {
        m.__name__ for m in models
    }
    for model in models:
        words: dict[str, str] = {}
        for name in model.model_fields:
            key = field_word_key(model, name)
            assert key in WORDS, f"{model.__name__}.{name}: add a word to diff_words.FIELD_WORDS"
            nb, en = WORDS[key]
            assert nb.strip() and en.strip(), key
            assert nb.lower() not in words, f"{model.__name__}.{name} reads as {words[nb.lower()]}"
            words[nb.lower()] = name
    # and the table names nothing that is not a field
    names = {n for m in models for n in m.model_fields} | {
        f"{m.__name__}.{n}" for m in models for n in m.model_fields
    }
    assert set(FIELD_WORDS) <= names


# Single changes the issue reported as "Ingen endringer" on main, each with the id and the
# words the text must show (nb, en).
def _plan() -> gv.Plan:
    plan = gv.load(NEW)
    return plan


def _set(path: str, value: object) -> typing.Callable[[gv.Plan], None]:
    def change(plan: gv.Plan) -> None:
        where, _, name = path.rpartition(".")
        target: object = plan
        for part in where.split("."):
            target = target[int(part)] if part.isdigit() else getattr(target, part)  # type: ignore[index]
        setattr(target, name, value)

    return change


REPORTED = [
    (
        "info.discount_rate",
        0.025,
        "ebf-smidig",
        "diskonteringsrente fra 4\u00a0% til 2,5\u00a0%",
        "discount rate from 4% to 2.5%",
    ),
    (
        "info.horizon_years",
        20,
        "ebf-smidig",
        "analyseperiode (år) fra 10 til 20",
        "horizon (years) from 10 to 20",
    ),
    ("info.organisation", "Bergen kommune", "ebf-smidig", "organisasjon fra", "organisation from"),
    (
        "info.currency",
        "EUR",
        "ebf-smidig",
        "valuta fra «NOK» til «EUR»",
        "currency from «NOK» to «EUR»",
    ),
    (
        "info.start",
        dt.date(2025, 1, 1),
        "ebf-smidig",
        "startdato for år 0 fra 2024-01-01 til 2025-01-01",
        "start of year 0 from",
    ),
    ("info.language", "en", "ebf-smidig", "språk fra", "language from"),
    (
        "measures.0.start",
        dt.date(2024, 4, 1),
        "M1",
        "start fra 2024-03-01 til 2024-04-01",
        "start from",
    ),
    (
        "measures.0.end",
        dt.date(2026, 12, 31),
        "M1",
        "slutt fra – til 2026-12-31",
        "end from – to 2026-12-31",
    ),
    (
        "indicators.0.unit",
        "dager",
        "I1",
        "enhet fra «uker» til «dager»",
        "unit from «uker» to «dager»",
    ),
    ("indicators.0.source", "Visma", "I1", "kilde fra", "source from"),
    ("indicators.0.frequency", "monthly", "I1", "frekvens fra", "frequency from"),
    (
        "indicators.0.name",
        "Opplæringstid",
        "I1",
        "navn «Opplæringstid for nyansatte» → «Opplæringstid»",
        "name «",
    ),
    (
        "benefits.0.assumptions",
        ["Mentorer får tid"],
        "B1",
        "forutsetninger fra",
        "assumptions from",
    ),
    ("benefits.0.risk", "high", "B1", "risiko fra Middels til Stor", "risk from Medium to High"),
    ("benefits.0.description", "Ny tekst", "B1", "beskrivelse fra", "description from"),
    (
        "benefits.0.contributes_to.0.note",
        "Ny merknad",
        "B1",
        "merknad på koblingen til",
        "note of the link to",
    ),
    (
        "stakeholders.0.power",
        "low",
        "etatsdirektor",
        "makt fra Stor til Liten",
        "power from High to Low",
    ),
    ("stakeholders.0.group", "Ny gruppe", "etatsdirektor", "gruppe fra", "group from"),
    ("reviews.0.status", "off_track", "B1", "status fra", "status from"),
    ("reviews.0.comment", "Ny kommentar", "B1", "kommentar fra", "comment from"),
    ("measurements.0.note", "Rettet", "I1", "merknad fra", "note from"),
]


@pytest.mark.parametrize(
    ("path", "value", "element", "nb", "en"), REPORTED, ids=[r[0] for r in REPORTED]
)
def test_a_single_change_is_named(path: str, value: object, element: str, nb: str, en: str) -> None:
    old = _plan()
    new = old.model_copy(deep=True)
    before = new.model_dump()
    _set(path, value)(new)
    assert new.model_dump() != before, "the change must change the plan"
    changes = gv.diff(old, new)
    assert changes, f"{path}: no change reported"
    for language, words in (("nb", nb), ("en", en)):
        lines = [
            line
            for line in changes.to_text(language=language).splitlines()
            if f" {element} " in line or f" {element}:" in line
        ]
        assert any(words.lower() in line.lower() for line in lines), (language, lines)


def test_money_settings_report_the_expected_present_value() -> None:
    """The issue's case: only the rate and the horizon changed, and the NPV moved."""
    old = _plan()
    new = old.model_copy(deep=True)
    new.info.discount_rate, new.info.horizon_years = 0.02, 20
    changes = gv.diff(old, new)
    assert {d.field for d in changes.of_kind("setting_changed")} == {
        "discount_rate",
        "horizon_years",
    }
    npv = {d.detail: d for d in changes.of_kind("npv_changed")}
    at = dt.date(2025, 10, 1)
    before, after = gv.evaluate(old, at=at).npv(), gv.evaluate(new, at=at).npv()
    assert (npv["expected"].old, npv["expected"].new) == (before.expected, after.expected)
    assert (npv["expected_net"].old, npv["expected_net"].new) == (
        before.expected_net,
        after.expected_net,
    )
    text = changes.to_text(language="en")
    shown = f"{before.expected:,.0f} NOK to {after.expected:,.0f} NOK"
    assert f"expected present value of benefits and dis-benefits from {shown}" in text


# -- the property: empty exactly when equal; any single change is named ----------------------
#
# The suite runs a modest number of examples; for a long run by hand:
#     GEVINST_DIFF_EXAMPLES=3000 python -m pytest tests/analysis/test_diff.py -k property

EXAMPLES = int(os.environ.get("GEVINST_DIFF_EXAMPLES", "40"))

ANY_ID = st.sampled_from(
    ["G0", "O0", "O1", "B0", "B1", "DB0", "CH0", "M0", "M1", "s0", "s1", "I0", "I1", "Z9"]
)
# Numbers as plans hold them: shares, amounts, some negative (the model allows them).
ANY_NUMBER = st.floats(0, 1) | st.floats(-1e9, 1e12, allow_nan=False, allow_infinity=False)


def _valid(model: type[BaseModel], data: dict[str, object]) -> BaseModel | None:
    """The model from data, or None when the drawn values break one of its rules."""
    try:
        return model.model_validate(data)
    except ValidationError:
        return None


def _strategy_for(
    annotation: object, metadata: typing.Sequence[object] = ()
) -> st.SearchStrategy[object]:
    """Valid-looking values for a field, derived from its type (so new fields get values)."""
    if any(getattr(m, "pattern", None) == ID_PATTERN for m in metadata):
        return ANY_ID
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _strategy_for(args[0], [*metadata, *annotation.__metadata__])  # type: ignore[attr-defined]
    if origin in (typing.Union, types.UnionType):
        return st.one_of([_strategy_for(a, metadata) for a in args])
    if origin is typing.Literal:
        return st.sampled_from(args)
    if origin is list:
        return st.lists(_strategy_for(args[0]), max_size=3)
    if origin is dict:
        return st.dictionaries(_strategy_for(args[0]), _strategy_for(args[1]), max_size=2)
    if annotation is type(None):
        return st.none()
    if annotation is str:
        return TEXT
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        return st.integers(1, 60)
    if annotation is float or (isinstance(annotation, type) and issubclass(annotation, float)):
        return ANY_NUMBER  # an Estimate (an amount) is a float too
    if annotation is dt.date:
        return DATES
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        fields = {
            name: _strategy_for(info.annotation, info.metadata)
            for name, info in annotation.model_fields.items()
        }
        model = annotation
        return st.fixed_dictionaries(fields).map(lambda data: _valid(model, data)).filter(bool)
    raise AssertionError(f"no values for {annotation!r}: teach _strategy_for this type")


def _places(plan: gv.Plan) -> list[tuple[str, BaseModel, str]]:
    """Every model object of a plan: (the id a reader finds it under, object, holder field)."""
    out: list[tuple[str, BaseModel, str]] = [(plan.id, plan.info, "")]
    for record in plan.records():
        out.append((record.id, record, ""))
        for part in ("value", "cost", "baseline"):
            held = getattr(record, part, None)
            if held is not None:
                out.append((record.id, held, part))
        for link in getattr(record, "contributes_to", []):
            out.append((record.id, link, "contributes_to"))
        for target in getattr(record, "targets", []):
            out.append((record.id, target, "targets"))
    out += [(m.indicator, m, "measurements") for m in plan.measurements]
    out += [(r.element, r, "reviews") for r in plan.reviews]
    return out


def _word(
    place: BaseModel, holder: str, name: str, holder_model: type[BaseModel], lang: str
) -> str:
    if isinstance(place, Measurement):
        return "måling" if lang == "nb" else "measurement"
    if isinstance(place, Review):
        return "vurdering" if lang == "nb" else "review"
    if holder:
        return field_word(holder_model, holder, lang)
    return field_word(type(place), name, lang)


@st.composite
def changed_once(draw: st.DrawFn) -> tuple[gv.Plan, gv.Plan, str, str, dict[str, str]]:
    """A plan, the same plan with one field of one object changed, and what must be named."""
    old = draw(plans())
    new = old.model_copy(deep=True)
    places = _places(new)
    owner, place, holder = draw(st.sampled_from(places))
    name = draw(st.sampled_from(sorted(type(place).model_fields)))
    info = type(place).model_fields[name]
    value = draw(_strategy_for(info.annotation, info.metadata))
    try:
        setattr(place, name, value)
    except ValidationError:
        assume(False)
    assume(new != old)
    holder_model = next((type(r) for r in new.records() if r.id == owner), PlanInfo)
    words = {lang: _word(place, holder, name, holder_model, lang) for lang in ("nb", "en")}
    if holder in ("value", "cost"):  # a part of a value or cost is named by its own word
        nested = {lang: field_word(type(place), name, lang) for lang in ("nb", "en")}
        words = {lang: f"{words[lang]}|{nested[lang]}" for lang in words}
    return old, new, owner, name, words


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(case=changed_once())
def test_property_any_single_change_is_named(
    case: tuple[gv.Plan, gv.Plan, str, str, dict[str, str]],
) -> None:
    old, new, owner, name, words = case
    changes = gv.diff(old, new)
    assert changes, "a change the diff does not see"
    for lang in ("nb", "en"):
        lines = changes.to_text(language=lang).splitlines()
        if name == "id" and owner not in (old.id, new.id):
            # a new id: the old one is removed (or kept by a twin) and the new one added
            assert any(owner in line for line in lines), lines
            continue
        mentions = [line for line in lines if f" {owner} " in line or f" {owner}:" in line]
        said = words[lang].split("|")  # the word, or either of two
        assert any(word in line.lower() for word in said for line in mentions), (
            owner,
            name,
            words[lang],
            lines,
        )


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(old=plans(), new=plans())
def test_property_the_diff_is_empty_exactly_when_the_plans_are_equal(
    old: gv.Plan, new: gv.Plan
) -> None:
    assert bool(gv.diff(old, new)) == (old != new)
    assert bool(gv.diff(new, old)) == (old != new)
    assert not gv.diff(old, old.model_copy(deep=True))


# -- the exit code, and the page that promises it --------------------------------------------


def test_cli_exit_code_says_whether_the_plans_differ(tmp_path: Path) -> None:
    runner = CliRunner()
    differ = runner.invoke(cli, ["diff", str(OLD), str(NEW), "--exit-code"])
    assert differ.exit_code == 1 and differ.exception is not None
    assert differ.output == gv.diff(gv.load(OLD), gv.load(NEW)).to_text()
    same = runner.invoke(cli, ["diff", str(NEW), str(NEW), "--exit-code"])
    assert (same.exit_code, same.output.splitlines()[1]) == (0, "Ingen endringer.")
    quiet = runner.invoke(cli, ["diff", str(OLD), str(NEW), "-q"])
    assert (quiet.exit_code, quiet.output) == (1, "")
    assert runner.invoke(cli, ["diff", str(NEW), str(NEW), "--quiet"]).exit_code == 0
    # without the flag: 0 either way, as before
    assert runner.invoke(cli, ["diff", str(OLD), str(NEW)]).exit_code == 0
    # written to a file, and still 1: the plans differ
    out = tmp_path / "endringer.json"
    written = runner.invoke(cli, ["diff", str(OLD), str(NEW), "--exit-code", "-o", str(out)])
    assert written.exit_code == 1 and json.loads(out.read_text("utf-8"))["changes"]
    # an unreadable plan is still an error (1, message on stderr), usage still 2
    broken = tmp_path / "broken.yaml"
    broken.write_text("schema: gevinst/1\nplan: {id: p}\n", "utf-8")
    failed = runner.invoke(cli, ["diff", str(broken), str(NEW), "--exit-code"])
    assert failed.exit_code == 1 and str(broken) in failed.output
    assert "Traceback" not in failed.output
    assert runner.invoke(cli, ["diff", str(NEW), "--exit-code"]).exit_code == 2


def test_the_docs_page_shows_what_gevinst_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_examples import _check_page

    monkeypatch.chdir(tmp_path)
    text = (ROOT / "docs" / "diff.md").read_text("utf-8")
    assert _check_page(text, tmp_path) == 4  # two console blocks, two python cells


def test_a_plan_that_cannot_be_evaluated_is_still_compared() -> None:
    """A cycle (GV003) stops evaluate, so no present values; every change is still named."""
    old = gv.Plan.new("p", "Plan", discount_rate=0.04)
    old.add_benefit("B1", "En", contributes_to=["B2"], value={"annual": 1000})
    old.add_benefit("B2", "To", contributes_to=["B1"])
    new = old.model_copy(deep=True)
    new.info.discount_rate = 0.05
    new.benefits[1].risk = "high"
    changes = gv.diff(old, new)
    assert [(d.kind, d.element, d.field) for d in changes] == [
        ("setting_changed", "p", "discount_rate"),
        ("field_changed", "B2", "risk"),
    ]


def test_a_range_that_changes_alone_is_a_difference_shown_with_its_ends() -> None:
    """SPEC 6: [low, most_likely, high]; a diff that compared only the most likely value
    would miss a widened range."""
    old = gv.Plan.new("p", "T")
    old.add_measure("M1", "Tiltak", cost={"one_off": 500000})
    new = old.model_copy(deep=True)
    assert new.measures[0].cost is not None
    new.measures[0].cost.one_off = [400000, 500000, 800000]  # type: ignore[assignment]
    found = gv.diff(old, new).differences
    cost = [d for d in found if d.kind == "cost_changed"]
    assert len(cost) == 1
    assert cost[0].old == 500000 and cost[0].new == [400000, 500000, 800000]
    assert cost[0].judgement is None  # the planned figure (most likely) did not move
    text = gv.diff(old, new).to_text("nb").replace("\u00a0", " ")
    assert "engangskostnad fra 500 000 NOK til 500 000 NOK (400 000–800 000)" in text


def test_reviews_kept_on_their_date_show_each_changed_field_and_a_new_order_alone() -> None:
    """Worked by hand from the Bergen reviews: B1's 2025-03-01 review says at risk now
    with a new comment (two review_changed); B5's review is gone (review_removed); B6
    gets a second one (review_added). B1's two reviews in another order, nothing else
    changed: one order_changed."""
    text = Path("examples/bergen_barnevern/plan.yaml").read_text("utf-8")
    b1_old = (
        "  - {date: 2024-09-01, element: B1, by: leder-bvt, status: at_risk, comment: "
        "Mentorordningen kom sent i gang i to enheter}\n"
    )
    b1_new = (
        "  - {date: 2025-03-01, element: B1, by: leder-bvt, status: on_track, comment: "
        "Alle nyansatte har mentor}\n"
    )
    b5 = "  - {date: 2025-03-01, element: B5, by: leder-bvt, status: on_track}\n"
    assert b1_old in text and b1_new in text and b5 in text
    old = gv.loads(text)
    changed = text.replace(
        b1_new,
        b1_new.replace("status: on_track", "status: at_risk").replace("mentor}", "mentor nå}"),
    ).replace(b5, "  - {date: 2025-06-01, element: B6, status: at_risk}\n")
    result = gv.diff(old, gv.loads(changed))
    reviews = sorted(
        (d.kind, d.element, d.detail, d.field, d.old, d.new)
        for d in result
        if d.kind.startswith("review") or d.kind == "order_changed"
    )
    assert reviews == [
        ("review_added", "B6", "2025-06-01", "reviews", None, "at_risk"),
        (
            "review_changed",
            "B1",
            "2025-03-01",
            "reviews.comment",
            "Alle nyansatte har mentor",
            "Alle nyansatte har mentor nå",
        ),
        ("review_changed", "B1", "2025-03-01", "reviews.status", "on_track", "at_risk"),
        ("review_removed", "B5", "2025-03-01", "reviews", "on_track", None),
    ]
    swapped = gv.diff(old, gv.loads(text.replace(b1_old + b1_new, b1_new + b1_old)))
    assert [(d.kind, d.element, d.old, d.new) for d in swapped] == [
        ("order_changed", "B1", ["2024-09-01", "2025-03-01"], ["2025-03-01", "2024-09-01"])
    ]
