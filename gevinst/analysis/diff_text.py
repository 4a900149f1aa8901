"""One difference between two plans, and its sentence: a readable name for each field.

Every field of every model a plan is made of (:class:`~gevinst.model.PlanInfo`, the
elements, :class:`~gevinst.model.Stakeholder`, :class:`~gevinst.model.Indicator`,
:class:`~gevinst.model.Link`, :class:`~gevinst.model.Value`, :class:`~gevinst.model.Cost`,
:class:`~gevinst.model.Baseline`, :class:`~gevinst.model.Target`,
:class:`~gevinst.model.Measurement`, :class:`~gevinst.model.Review`) has a word in
:data:`FIELD_WORDS`, looked up as ``"Model.field"`` first and then as ``"field"``; the word
is a key of :data:`gevinst.i18n.words.WORDS`, so it reads in Norwegian and in English. A test
walks the models and fails for a field without a word, so a field added to the model is
named before it is released. How a value is shown (a code translated, an id as it is, a
text in «quotes») follows from the field's type.

Examples:
    >>> from gevinst.model import Measure, PlanInfo
    >>> field_word(PlanInfo, "discount_rate", "nb"), field_word(Measure, "cost.one_off", "en")
    ('diskonteringsrente', 'one-off cost')
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import typing
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

from pydantic import BaseModel

from gevinst.field_types import ID_PATTERN
from gevinst.i18n.formats import format_money, format_quantity, format_rate, with_unit
from gevinst.i18n.words import t, visible_controls
from gevinst.model import (
    Benefit,
    Change,
    Disbenefit,
    Goal,
    Indicator,
    Measure,
    Measurement,
    Objective,
    PlanInfo,
    Review,
    Stakeholder,
)

__all__ = [
    "FIELD_WORDS",
    "RECORD_MODELS",
    "Difference",
    "Judgement",
    "Shown",
    "field_word",
    "field_word_key",
    "sentence",
]

Judgement = Literal["lowered", "raised"]


Scalar: TypeAlias = str | float | int | bool | None


#: A value before or after, as JSON-able data (dates as ISO text, parts as dicts).
Shown: TypeAlias = Scalar | list["Shown"] | dict[str, "Shown"]


@dataclass(frozen=True)
class Difference:
    """One thing that changed.

    Attributes:
        kind: what changed, one of :data:`gevinst.analysis.diff_result.KINDS` (``"renamed"``,
            ``"target_changed"``...).
        element: the id of the element (or stakeholder, indicator) it concerns; the
            plan's id for the plan's settings; the indicator's id for measurements.
        element_kind: ``measure``, ``benefit``, ``indicator``, ``stakeholder``, ``plan``...
        name: the element's name (the new one if it still exists).
        detail: what within the element: a link's target, a target's or a
            measurement's date, a stakeholder's impacted element.
        old: the value before (text, number, list, or None).
        new: the value after.
        judgement: ``"lowered"`` when expectations went down (a less ambitious target,
            a later date, a smaller benefit, a larger cost or dis-benefit),
            ``"raised"`` when they went up, ``None`` when neither can be said.
        unit: the indicator's unit, for targets and baselines; the currency for money.
        direction: the indicator's direction (``increase``/``decrease``) for targets.
        field: the field that changed, as a dotted path in the element's model
            (``discount_rate``, ``value.from_``, ``contributes_to.note``).
    """

    kind: str
    element: str
    element_kind: str
    name: str
    detail: str | None = None
    old: Shown = None
    new: Shown = None
    judgement: Judgement | None = None
    unit: str | None = None
    direction: str | None = None
    field: str | None = None

    def to_data(self, language: str = "nb") -> dict[str, Shown]:
        """The difference as JSON-able data, with its sentence in ``language``."""
        return {
            "kind": self.kind,
            "element": self.element,
            "element_kind": self.element_kind,
            "name": self.name,
            "field": self.field,
            "detail": self.detail,
            "old": self.old,
            "new": self.new,
            "judgement": self.judgement,
            "unit": self.unit,
            "direction": self.direction,
            "text": sentence(self, language),
        }


#: The word (a key of :data:`gevinst.i18n.words.WORDS`) for each field: ``"Model.field"`` first,
#: then ``"field"``.
FIELD_WORDS: dict[str, str] = {
    # fields many models share
    "id": "id",
    "name": "name",
    "description": "description",
    "assumptions": "assumptions",
    "contributes_to": "link",
    "mitigates": "mitigates",
    "indicators": "indicators",
    "owner": "owner",
    "type": "type",
    "category": "category",
    "value": "value",
    "cashable": "cashable",
    "risk": "risk",
    "risk_description": "risk_description",
    "risk_response": "risk_response",
    "realisation": "realisation",
    "status": "status",
    "start": "start",
    "end": "end",
    "cost": "cost",
    "group": "group",
    "power": "power",
    "interest": "interest",
    "attitude": "attitude",
    "impacts": "impacts",
    "unit": "unit",
    "direction": "direction",
    "baseline": "baseline",
    "targets": "target",
    "source": "source",
    "frequency": "frequency",
    "date": "date",
    "note": "note",
    "comment": "comment",
    "weight": "weight",
    "indicator": "indicator",
    "element": "element",
    # the plan header (plan:)
    "title": "title",
    "organisation": "organisation",
    "language": "language",
    "currency": "currency",
    "discount_rate": "discount_rate",
    "horizon_years": "horizon_years",
    "PlanInfo.start": "plan_start",
    # the plan's sections
    "Plan.schema_": "schema",
    "Plan.info": "plan",
    "goals": "goals",
    "objectives": "objectives",
    "benefits": "benefits",
    "disbenefits": "disbenefits",
    "changes": "changes",
    "measures": "measures",
    "stakeholders": "stakeholders",
    "measurements": "measurements",
    "reviews": "reviews",
    "Plan.indicators": "indicators",
    # parts of a field
    "Link.to": "contributes_to",
    "Mitigation.to": "mitigates",
    "PlanInfo.correlation": "plan_correlation",
    "PlanInfo.optimism_bias": "optimism_bias",
    "OptimismBias.costs": "optimism_costs",
    "OptimismBias.benefits": "optimism_benefits",
    "Value.annual": "annual_value",
    "Value.from_": "value_from",
    "Value.ramp": "value_ramp",
    "Cost.one_off": "one_off",
    "Cost.annual": "annual_cost",
    "Baseline.date": "baseline_date",
    "Baseline.value": "baseline",
    "Target.date": "target_date",
    "Target.value": "target",
    "Review.by": "reviewed_by",
    "Review.date": "review_date",
    "Measurement.date": "measurement_date",
}

#: The model behind each ``element_kind`` of a difference.
RECORD_MODELS: dict[str, type[BaseModel]] = {
    "plan": PlanInfo,
    "goal": Goal,
    "objective": Objective,
    "benefit": Benefit,
    "disbenefit": Disbenefit,
    "change": Change,
    "measure": Measure,
    "stakeholder": Stakeholder,
    "indicator": Indicator,
}

#: Fields whose numbers are shown otherwise than as plain numbers.
_NUMBER_STYLES: dict[str, str] = {
    "PlanInfo.discount_rate": "rate",
    "Value.annual": "money",
    "Cost.one_off": "money",
    "Cost.annual": "money",
}

#: The words for the present values in a difference of kind ``npv_changed``.
_NPV_WORDS = {"expected": "npv_expected", "expected_net": "net_expected"}

Style = Literal["text", "id", "code", "date", "number", "money", "rate"]


def field_word_key(model: type[BaseModel], name: str) -> str:
    """The key in :data:`gevinst.i18n.words.WORDS` of the word for ``model``'s field ``name``.

    A field without a word in :data:`FIELD_WORDS` is shown by its own name (and fails
    the test that every field has one).
    """
    return FIELD_WORDS.get(f"{model.__name__}.{name}") or FIELD_WORDS.get(name) or name


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model a field holds (``Value`` in ``Value | None``, ``Link`` in a list)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


@functools.cache
def _resolve(model: type[BaseModel], path: str) -> tuple[type[BaseModel], str]:
    """The model and field name at the end of a dotted ``path`` (``value.annual``)."""
    *parents, name = path.split(".")
    for part in parents:
        info = model.model_fields.get(part)
        inner = _inner_model(info.annotation) if info is not None else None
        if inner is None:
            return model, part
        model = inner
    return model, name


@functools.cache
def field_word(model: type[BaseModel], path: str, language: str = "nb") -> str:
    """The word for the field at ``path`` of ``model``, lower case, in ``language``."""
    inner, name = _resolve(model, path)
    return t(field_word_key(inner, name), language).lower()


def _types(annotation: Any) -> typing.Iterator[Any]:
    """Every type and metadata object inside an annotation, depth first."""
    yield annotation
    yield from getattr(annotation, "__metadata__", ())
    for arg in typing.get_args(annotation):
        yield from _types(arg)


@functools.cache
def _style(model: type[BaseModel], name: str) -> Style:
    """How values of a field are shown, from its type (and :data:`_NUMBER_STYLES`)."""
    special = _NUMBER_STYLES.get(f"{model.__name__}.{name}")
    if special == "rate":
        return "rate"
    if special == "money":
        return "money"
    info = model.model_fields.get(name)
    if info is None:
        return "text"
    found = [*info.metadata, *_types(info.annotation)]
    if any(typing.get_origin(item) is Literal for item in found):
        return "code"
    if any(getattr(item, "pattern", None) == ID_PATTERN for item in found):
        return "id"
    if dt.date in found:
        return "date"
    if int in found or float in found:
        return "number"
    return "text"


def style_of(element_kind: str, path: str) -> Style:
    """How the values of the field at ``path`` of an element of ``element_kind`` show."""
    model = RECORD_MODELS.get(element_kind)
    if model is None:
        return "text"
    return _style(*_resolve(model, path))


# -- showing values ----------------------------------------------------------------------


def one_line(text: str) -> str:
    r"""Text from a plan on one line: line breaks and tabs become spaces, and any other
    control character is made visible (``\u0007``), so that it neither acts on a
    terminal nor hides a change (a unit that only gained a bell still differs).

    >>> print(one_line("uker\n# Overskrift\x1b]0;x\x07"))
    uker # Overskrift\u001b]0;x\u0007
    """
    if not text.isprintable():  # fast in C; also false for a no-break space
        text = visible_controls(_LAYOUT.sub(" ", text))
    if "  " in text:
        text = _SPACES.sub(" ", text)
    return text.strip(" ")


#: The characters that lay text out on lines: line breaks, tabs, separators.
_LAYOUT = re.compile("[\t\n\v\f\r\u2028\u2029\x85]+")
_SPACES = re.compile(" {2,}")


def number(value: float, lang: str) -> str:
    """A number as written in ``lang`` (:func:`gevinst.i18n.formats.format_quantity`).

    >>> number(1234567.0, "en"), number(0.25, "nb"), number(float("nan"), "nb")
    ('1,234,567', '0,25', 'nan')
    """
    return format_quantity(value, lang)


def show(value: Shown, lang: str, style: Style = "text", unit: str | None = None) -> str:
    """A value of a difference as a reader sees it (``–`` for nothing)."""
    if value is None:
        return t("diff_r109", lang) if style == "rate" else "–"
    if isinstance(value, list):
        if not value:
            return "–"
        points = [float(v) for v in value if isinstance(v, int | float)]
        if style == "money" and len(value) == len(points) == 3:  # a three-point estimate
            low, likely, high = (number(v, lang) for v in points)
            return f"{with_unit(likely, one_line(unit) if unit else None, lang)} ({low}–{high})"
        if unit and all(isinstance(v, int | float) for v in value):
            return ", ".join(show(v, lang, style) for v in value) + f" {one_line(unit)}"
        return ", ".join(show(v, lang, style, unit) for v in value)
    if isinstance(value, dict):
        if not value:
            return "–"
        return ", ".join(f"{key}: {show(v, lang, style, unit)}" for key, v in value.items())
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if isinstance(value, int | float):
        if style == "rate":
            return format_rate(value, lang)
        return with_unit(number(float(value), lang), one_line(unit) if unit else None, lang)
    if style == "code":
        return t(value, lang)
    if style in ("id", "date"):
        return one_line(value)
    return f"«{one_line(value)}»"


def money(value: float, currency: str, lang: str) -> str:
    """A present value in whole units of ``currency``."""
    return format_money(value, one_line(currency), lang)


# -- sentences ---------------------------------------------------------------------------


def _subject(d: Difference, lang: str) -> str:
    return f"{t(d.element_kind, lang)} {d.element} «{one_line(d.name)}»"


def _direction(d: Difference, lang: str) -> str:
    return f" ({t(d.direction, lang).lower()})" if d.direction else ""


#: The sentence (a key of :data:`gevinst.i18n.words.WORDS`) of each kind of difference
#: that is told the same way for every field.
_SENTENCES = {
    "link_added": "diff_link_added",
    "link_removed": "diff_link_removed",
    "target_added": "diff_target_added",
    "target_removed": "diff_target_removed",
    "review_added": "diff_review_added",
    "review_removed": "diff_review_removed",
}

#: The same for a mitigation (``field`` ``mitigates.to``).
_MITIGATION_SENTENCES = {
    "link_added": "diff_mitigation_added",
    "link_removed": "diff_mitigation_removed",
}


def sentence(d: Difference, lang: str = "nb") -> str:
    """One difference as one line of text in ``lang`` (``nb`` or ``en``)."""
    return one_line(_sentence(d, lang))


def _sentence(d: Difference, lang: str) -> str:
    who = _subject(d, lang)
    style = style_of(d.element_kind, d.field) if d.field else "text"
    old, new = show(d.old, lang, style, d.unit), show(d.new, lang, style, d.unit)
    word = field_word(RECORD_MODELS.get(d.element_kind, PlanInfo), d.field or "", lang)
    direction = _direction(d, lang)

    def say(key: str, **fields: object) -> str:
        return t(key, lang).format(who=who, old=old, new=new, direction=direction, **fields)

    if d.kind in ("added", "removed"):
        return say("diff_with_links", links=d.detail) if d.detail else who
    if d.kind == "renamed":
        return say("diff_renamed_to", kind=t(d.element_kind, lang), id=d.element)
    if d.kind in ("link_added", "link_removed"):
        if (d.field or "").startswith("mitigates"):
            return say(_MITIGATION_SENTENCES[d.kind], target=d.detail)
        return say(_SENTENCES[d.kind], target=d.detail)
    if d.kind in ("weight_changed", "link_changed"):
        part = field_word(RECORD_MODELS[d.element_kind], d.field or "contributes_to.weight", lang)
        return say("diff_on_link", field=part, target=d.detail)
    if d.kind == "target_changed" and d.old == d.new and d.detail and "→" in d.detail:
        before, after = (part.strip() for part in d.detail.split("→"))
        moved = "diff_target_postponed" if after > before else "diff_target_brought_forward"
        return say(moved, before=before, after=after)
    if d.kind == "target_changed":
        return say("diff_target_changed", date=d.detail)
    if d.kind in ("target_added", "target_removed"):
        return say(
            _SENTENCES[d.kind], date=d.detail, value=new if d.kind == "target_added" else old
        )
    if d.kind == "measurements_changed":
        return say(
            "diff_measurement_count_dated" if d.detail else "diff_measurement_count", dates=d.detail
        )
    if d.kind == "measurement_corrected":
        if d.field == "measurements.value":
            return say("diff_measurement_corrected", date=d.detail)
        name = (d.field or "").removeprefix("measurements.")
        style = _style(*_resolve(Measurement, name))
        old, new = show(d.old, lang, style), show(d.new, lang, style)
        return say(
            "diff_measurement_field", date=d.detail, field=field_word(Measurement, name, lang)
        )
    if d.kind in ("review_added", "review_removed", "review_changed"):
        status_old, status_new = (t(str(v), lang) if v else "–" for v in (d.old, d.new))
        if d.kind in _SENTENCES:
            status = status_new if d.kind == "review_added" else status_old
            return say(_SENTENCES[d.kind], date=d.detail, status=status)
        name = (d.field or "").removeprefix("reviews.")
        style = _style(*_resolve(Review, name))
        old, new = show(d.old, lang, style), show(d.new, lang, style)
        return say("diff_review_changed", date=d.detail, field=field_word(Review, name, lang))
    if d.kind == "order_changed":
        return say("diff_order", section=t(d.detail or "", lang).lower())
    if d.kind == "npv_changed":
        currency = d.unit or ""
        old, new = (
            money(float(v), currency, lang) if isinstance(v, float) else "–" for v in (d.old, d.new)
        )
        what = t(_NPV_WORDS.get(d.detail or "", d.detail or ""), lang).lower()
        return say("diff_field_changed", field=what)
    if d.detail in ("value_from", "baseline_date"):
        return f"{who}: {word} {old} → {new}"
    if d.kind == "field_changed" and d.detail:
        return say("diff_field_changed_on", field=word, on=d.detail)
    return say("diff_field_changed", field=word)
