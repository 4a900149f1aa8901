"""The benefit plan as typed objects (file format ``gevinst/1``, SPEC section 1).

The model checks what one object can check on its own: types, closed value lists,
the id pattern, unknown keys. Rules across objects (references, cycles, weights,
personal data) live in :mod:`gevinst.analysis.checks`, each with its GV code, so that a plan
with mistakes still loads and ``check`` can report all of them at once. What each field
accepts, and how a value is read as people write it, is in :mod:`gevinst.field_types`.

A plan is built from a file (:func:`gevinst.load`) or in code::

    >>> import gevinst as gv
    >>> plan = gv.Plan.new("demo", "Demo")
    >>> _ = plan.add_goal("G1", "Bergens barn, byens framtid")
    >>> _ = plan.add_benefit("B1", "Kortere ventetid", contributes_to=["G1"])
    >>> _ = plan.add_measure("M1", "Digital innmelding", contributes_to=["B1"])
    >>> sorted(gv.build_graph(plan).edges)
    [('B1', 'G1'), ('M1', 'B1')]
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, TypeAlias, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, field_validator

from gevinst.amounts import Estimate
from gevinst.errors import Said
from gevinst.field_types import (
    Amount,
    Attitude,
    BenefitType,
    Category,
    Date,
    Direction,
    Frequency,
    Id,
    IdShorthand,
    Impact,
    Language,
    MeasureStatus,
    Name,
    Number,
    OptionalNumber,
    ReviewStatus,
    Risk,
    Scale,
    Section,
    Share,
    Text,
    TextList,
)

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "KINDS",
    "LEVELS",
    "SCHEMA",
    "Baseline",
    "Benefit",
    "Change",
    "Cost",
    "Disbenefit",
    "Element",
    "Goal",
    "Indicator",
    "Link",
    "Measure",
    "Measurement",
    "Measurements",
    "Mitigation",
    "Objective",
    "OptimismBias",
    "Plan",
    "PlanInfo",
    "Review",
    "Stakeholder",
    "Target",
    "Value",
]

SCHEMA = "gevinst/1"

#: The six kinds of element on the map, bottom to top, with their level.
LEVELS: dict[str, int] = {
    "measure": 0,
    "change": 1,
    "benefit": 2,
    "disbenefit": 2,
    "objective": 3,
    "goal": 4,
}
KINDS: tuple[str, ...] = tuple(LEVELS)


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        coerce_numbers_to_str=True,
        str_strip_whitespace=True,
    )


class Link(_Model):
    """One arrow on the map: this element contributes to ``to``.

    ``weight`` is this element's share of ``to`` (0 to 1); ``None`` shares the rest
    equally with the other unweighted links into ``to``. ``assumptions`` are what must
    hold for this element to lead to ``to`` (one sentence each), as an element's own.
    """

    to: Id
    weight: OptionalNumber = None
    note: Text | None = None
    assumptions: TextList = Field(default_factory=list)

    @field_validator("weight")
    @classmethod
    def _weight_in_range(cls, value: float | None) -> float | None:
        if value is not None and not (0.0 <= value <= 1.0):
            raise ValueError(Said("load_weight", weight=value))
        return value


Links: TypeAlias = Annotated[list[IdShorthand[Link]], Field()]


class Mitigation(_Model):
    """This measure or change reduces (demper) the dis-benefit ``to``.

    Not a contribution: it carries no weight, adds nothing to the dis-benefit's score
    and is drawn as its own kind of arrow (dashed, with a flat bar for a head).
    ``note`` and ``assumptions`` work as on a :class:`Link`.
    """

    to: Id
    note: Text | None = None
    assumptions: TextList = Field(default_factory=list)


Mitigations: TypeAlias = Annotated[list[IdShorthand[Mitigation]], Field()]


class Element(_Model):
    """What every element with an id has."""

    id: Id
    name: Name
    description: Text | None = None
    assumptions: TextList = Field(default_factory=list)


class Goal(Element):
    """Samfunnsmål: a political or societal goal, the top of the map."""

    kind: ClassVar[str] = "goal"
    contributes_to: Links = Field(default_factory=list)
    indicators: list[Id] = Field(default_factory=list)


class Objective(Element):
    """Effektmål: an objective of the organisation."""

    kind: ClassVar[str] = "objective"
    contributes_to: Links = Field(default_factory=list)
    indicators: list[Id] = Field(default_factory=list)
    owner: Id | None = None


class Value(_Model):
    """The money a benefit is expected to bring: ``annual`` per full year from ``from``.

    ``ramp`` (opptrapping, SPEC section 6) lists the share of ``annual`` booked in each
    full year counted from ``from``: ``[0.25, 0.5]`` books a quarter in the first year,
    half in the second and all of it from the third. ``None`` or ``[]``: no ramp.

    ``annual`` is an :class:`~gevinst.amounts.Estimate`: a number, which may carry a
    range when the file gives ``annual: [low, most_likely, high]``.
    """

    annual: Amount
    from_: Date | None = Field(default=None, alias="from")
    #: Any numbers: a share outside 0..1 is reported by ``check`` (GV021), with the rest.
    ramp: Annotated[list[Number] | None, BeforeValidator(lambda v: None if v == [] else v)] = None


class _BenefitLike(Element):
    """The fields benefits and dis-benefits share."""

    owner: Id | None = None
    indicators: list[Id] = Field(default_factory=list)
    contributes_to: Links = Field(default_factory=list)
    type: BenefitType | None = None
    category: Category | None = None
    value: Value | None = None
    cashable: StrictBool | None = None
    risk: Risk | None = None
    #: The risk profile DFØ asks for: what could stop the benefit, and what is done about it.
    risk_description: Text | None = None
    risk_response: Text | None = None
    #: Gevinstrealiseringstiltak: the work that turns the change into the benefit
    #: (redeploy the freed hours, change a routine, cut a budget line), one per item.
    realisation: TextList = Field(default_factory=list)

    @property
    def monetised(self) -> bool:
        """Prissatt: the benefit carries an expected money value."""
        return self.value is not None


class Benefit(_BenefitLike):
    """Gevinst: a measurable improvement that a measure leads to."""

    kind: ClassVar[str] = "benefit"


class Disbenefit(_BenefitLike):
    """Ulempe: a negative effect of the change, shown, not hidden."""

    kind: ClassVar[str] = "disbenefit"


class Change(Element):
    """Endring: an enabling change or output between measures and benefits."""

    kind: ClassVar[str] = "change"
    owner: Id | None = None
    contributes_to: Links = Field(default_factory=list)
    mitigates: Mitigations = Field(default_factory=list)


class Cost(_Model):
    """What a measure costs: once (in the year it starts) and per year.

    Both are :class:`~gevinst.amounts.Estimate` amounts, so either may be a range.
    """

    one_off: Amount = Estimate(0.0)
    annual: Amount = Estimate(0.0)


class Measure(Element):
    """Tiltak: what the organisation does, the bottom of the map."""

    kind: ClassVar[str] = "measure"
    status: MeasureStatus | None = None
    owner: Id | None = None
    start: Date | None = None
    end: Date | None = None
    cost: Cost | None = None
    contributes_to: Links = Field(default_factory=list)
    mitigates: Mitigations = Field(default_factory=list)


class Stakeholder(_Model):
    """Interessent: who has power over, interest in, or is affected by the plan."""

    kind: ClassVar[str] = "stakeholder"
    id: Id
    name: Name
    description: Text | None = None
    assumptions: TextList = Field(default_factory=list)
    group: Text | None = None
    power: Scale | None = None
    interest: Scale | None = None
    attitude: Attitude | None = None
    impacts: dict[Id, Impact] = Field(default_factory=dict)


class Baseline(_Model):
    """Nullpunktsmåling: the value before the change, and when it was measured."""

    date: Date
    value: Number


class Target(_Model):
    """Målverdi: the value the indicator should reach by a date."""

    date: Date
    value: Number


class Indicator(_Model):
    """Indikator: how a benefit (or objective, goal) is measured."""

    kind: ClassVar[str] = "indicator"
    id: Id
    name: Name
    description: Text | None = None
    assumptions: TextList = Field(default_factory=list)
    unit: Text | None = None
    direction: Direction = "increase"
    baseline: Baseline | None = None
    targets: list[Target] = Field(default_factory=list)
    source: Text | None = None
    frequency: Frequency | None = None


class Measurement(_Model):
    """Måling: one observed value of an indicator."""

    indicator: Id
    date: Date
    value: Number
    note: Text | None = None


Measurements: TypeAlias = list[Measurement]


class Review(_Model):
    """Gevinstevaluering: a dated judgement of one element, kept as history."""

    date: Date
    element: Id
    by: Id | None = None
    status: ReviewStatus
    comment: Text | None = None


class OptimismBias(_Model):
    """Optimism bias adjustment (the UK Green Book's way): shares to add and take off.

    ``costs: 0.2`` adds 20 % to every cost; ``benefits: 0.1`` takes 10 % off every
    benefit (no generic share exists for benefits: the plan sets it). The adjusted
    figures are shown beside the unadjusted ones, never instead of them.
    """

    costs: Annotated[Number, Field(ge=0, le=10)] = 0.0
    benefits: Share = 0.0


class PlanInfo(_Model):
    """The ``plan:`` header: who, what, and the money settings."""

    id: Id
    title: Text = Field(min_length=1)
    description: Text | None = None
    organisation: Text | None = None
    owner: Id | None = None
    language: Language = "nb"
    currency: Text = "NOK"
    #: A flat real rate per year; ``None`` (not given): the R-109 rates, 4 % for years
    #: 0-39, 3 % for 40-74, 2 % from 75 (SPEC section 6).
    discount_rate: OptionalNumber = None
    start: Date | None = None
    horizon_years: Annotated[int, Field(ge=1, le=200, strict=True)] = 10
    #: The correlation between all uncertain amounts in :func:`gevinst.simulate`, 0
    #: (independent, the default) to 1 (all at the same quantile); SPEC section 6.
    #: The model takes any number so that ``check`` can report one outside 0..1 (GV022).
    correlation: OptionalNumber = None
    optimism_bias: OptimismBias | None = None


#: The plan's element sections, in file order, with the model each holds.
SECTIONS: dict[str, type[_Model]] = {
    "goals": Goal,
    "objectives": Objective,
    "benefits": Benefit,
    "disbenefits": Disbenefit,
    "changes": Change,
    "measures": Measure,
    "stakeholders": Stakeholder,
    "indicators": Indicator,
}

MapElement: TypeAlias = Goal | Objective | Benefit | Disbenefit | Change | Measure
Record: TypeAlias = MapElement | Stakeholder | Indicator


_R = TypeVar("_R", bound=BaseModel)


#: Functions of the layers above the model, by name (``graph``, ``save``, ``dumps``,
#: ``svg``, ``inline_html``), for the Plan shortcuts and Jupyter's display. Filled by
#: ``gevinst/__init__.py``.
ABOVE: dict[str, Callable[..., Any]] = {}


def _deprecated(name: str, instead: str) -> Callable[..., Any]:
    warnings.warn(
        f"Plan.{name} is deprecated and goes in gevinst 0.3; use {instead}",
        DeprecationWarning,
        stacklevel=3,
    )
    return ABOVE[name]


class Plan(_Model):
    """A benefit plan (gevinstrealiseringsplan): one file, one graph.

    The sections are plain lists in file order. ``plan.graph`` is the benefit map
    as a :class:`networkx.DiGraph` (built anew on each access, so edits show).
    """

    schema_: Literal["gevinst/1"] = Field(alias="schema")
    info: PlanInfo = Field(alias="plan")
    goals: Section[Goal] = Field(default_factory=list)
    objectives: Section[Objective] = Field(default_factory=list)
    benefits: Section[Benefit] = Field(default_factory=list)
    disbenefits: Section[Disbenefit] = Field(default_factory=list)
    changes: Section[Change] = Field(default_factory=list)
    measures: Section[Measure] = Field(default_factory=list)
    stakeholders: Section[Stakeholder] = Field(default_factory=list)
    indicators: Section[Indicator] = Field(default_factory=list)
    measurements: Section[Measurement] = Field(default_factory=list)
    reviews: Section[Review] = Field(default_factory=list)

    # -- building in code -------------------------------------------------------------

    @classmethod
    def new(cls, id: str, title: str, **info: Any) -> Plan:
        """An empty plan with the given id and title; ``info`` sets other header fields."""
        return cls.model_validate({"schema": SCHEMA, "plan": {"id": id, "title": title, **info}})

    def _add(self, section: str, record: _R) -> _R:
        getattr(self, section).append(record)
        return record

    def add_goal(self, id: str, name: str, **fields: Any) -> Goal:
        """Add a goal (samfunnsmål) and return it."""
        return self._add("goals", Goal(id=id, name=name, **fields))

    def add_objective(self, id: str, name: str, **fields: Any) -> Objective:
        """Add an objective (effektmål) and return it."""
        return self._add("objectives", Objective(id=id, name=name, **fields))

    def add_benefit(self, id: str, name: str, **fields: Any) -> Benefit:
        """Add a benefit (gevinst) and return it."""
        return self._add("benefits", Benefit(id=id, name=name, **fields))

    def add_disbenefit(self, id: str, name: str, **fields: Any) -> Disbenefit:
        """Add a dis-benefit (ulempe) and return it."""
        return self._add("disbenefits", Disbenefit(id=id, name=name, **fields))

    def add_change(self, id: str, name: str, **fields: Any) -> Change:
        """Add a change (endring) and return it."""
        return self._add("changes", Change(id=id, name=name, **fields))

    def add_measure(self, id: str, name: str, **fields: Any) -> Measure:
        """Add a measure (tiltak) and return it."""
        return self._add("measures", Measure(id=id, name=name, **fields))

    def add_stakeholder(self, id: str, name: str, **fields: Any) -> Stakeholder:
        """Add a stakeholder (interessent) and return it."""
        return self._add("stakeholders", Stakeholder(id=id, name=name, **fields))

    def add_indicator(self, id: str, name: str, **fields: Any) -> Indicator:
        """Add an indicator and return it."""
        return self._add("indicators", Indicator(id=id, name=name, **fields))

    def add_measurement(
        self, indicator: str, date: dt.date | str, value: float, note: str | None = None
    ) -> Measurement:
        """Add one measured value of an indicator and return it."""
        return self._add(
            "measurements",
            Measurement(indicator=indicator, date=date, value=value, note=note),
        )

    def add_review(self, date: dt.date | str, element: str, status: str, **fields: Any) -> Review:
        """Add a review (gevinstevaluering) of one element and return it."""
        return self._add("reviews", Review(date=date, element=element, status=status, **fields))

    def link(
        self, source: str, target: str, weight: float | None = None, note: str | None = None
    ) -> Link:
        """Make ``source`` contribute to ``target`` (an arrow on the map)."""
        element = self.get(source)
        if element is None or not hasattr(element, "contributes_to"):
            raise KeyError(f"no element {source!r} that can contribute to anything")
        link = Link(to=target, weight=weight, note=note)
        element.contributes_to.append(link)
        return link

    # -- reading ----------------------------------------------------------------------

    def elements(self) -> Iterator[MapElement]:
        """Every element of the map, goals first, measures last (file order within)."""
        yield from self.goals
        yield from self.objectives
        yield from self.benefits
        yield from self.disbenefits
        yield from self.changes
        yield from self.measures

    def amounts(self) -> Iterator[tuple[str, str, Estimate]]:
        """Every amount of money as ``(element id, field, estimate)``, in file order:
        ``value.annual`` of benefits and dis-benefits, then ``cost.one_off`` and
        ``cost.annual`` of measures."""
        for element in (*self.benefits, *self.disbenefits):
            if element.value is not None:
                yield element.id, "value.annual", element.value.annual
        for measure in self.measures:
            if measure.cost is not None:
                yield measure.id, "cost.one_off", measure.cost.one_off
                yield measure.id, "cost.annual", measure.cost.annual

    def records(self) -> Iterator[Record]:
        """Every record with an id: map elements, stakeholders and indicators."""
        yield from self.elements()
        yield from self.stakeholders
        yield from self.indicators

    def get(self, id: str) -> Record | None:
        """The record with this id, or ``None`` (the first one if ids repeat)."""
        for record in self.records():
            if record.id == id:
                return record
        return None

    def __getitem__(self, id: str) -> Record:
        found = self.get(id)
        if found is None:
            raise KeyError(id)
        return found

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def title(self) -> str:
        return self.info.title

    @property
    def language(self) -> str:
        return self.info.language

    @property
    def start(self) -> dt.date:
        """Year 0 for discounting: ``plan.start``, else 1 January of the earliest date."""
        if self.info.start is not None:
            return self.info.start
        dates = list(self._dates())
        year = min(d.year for d in dates) if dates else dt.date.today().year
        return dt.date(year, 1, 1)

    def _dates(self) -> Iterator[dt.date]:
        for benefit in (*self.benefits, *self.disbenefits):
            if benefit.value is not None and benefit.value.from_ is not None:
                yield benefit.value.from_
        for measure in self.measures:
            if measure.start is not None:
                yield measure.start
            if measure.end is not None:
                yield measure.end
        for indicator in self.indicators:
            if indicator.baseline is not None:
                yield indicator.baseline.date
            for target in indicator.targets:
                yield target.date
        for measurement in self.measurements:
            yield measurement.date
        for review in self.reviews:
            yield review.date

    # -- shortcuts to the layers above ----------------------------------------------------
    # The model imports nothing above it: these call functions that gevinst/__init__.py
    # puts in ABOVE when the package is imported (always before any Plan exists).

    @property
    def graph(self) -> nx.DiGraph:
        """Deprecated since 0.2: use ``gv.build_graph(plan)`` (removed in 0.3)."""
        graph: nx.DiGraph = _deprecated("graph", "gv.build_graph(plan)")(self)
        return graph

    def save(self, path: str | Path) -> Path:
        """Deprecated since 0.2: use ``gv.save(plan, path)`` (removed in 0.3)."""
        saved: Path = _deprecated("save", "gv.save(plan, path)")(self, path)
        return saved

    def dumps(self, format: str = "yaml") -> str:
        """Deprecated since 0.2: use ``gv.dumps(plan, format)`` (removed in 0.3)."""
        text: str = _deprecated("dumps", "gv.dumps(plan, format)")(self, format)
        return text

    def _repr_svg_(self) -> str:
        """The benefit map as SVG, so a plan shows itself in Jupyter."""
        svg: str = ABOVE["svg"](self)
        return svg

    def _repr_html_(self) -> str:
        """The benefit map as SVG inside HTML, scaled to the notebook cell (Jupyter
        prefers this to :meth:`_repr_svg_`, which shows the map at its drawn size)."""
        html: str = ABOVE["inline_html"](self)
        return html
