"""gevinst: benefit plans (gevinstrealiseringsplaner) as typed, checked graphs.

The whole public API is here; use it as ``import gevinst as gv``.

Examples:
    >>> import gevinst as gv
    >>> plan = gv.loads('''
    ... schema: gevinst/1
    ... plan: {id: demo, title: Demo}
    ... goals: [{id: G1, name: 'Bergens barn, byens framtid'}]
    ... ''')
    >>> [f.code for f in gv.check(plan)]
    ['GV103']
"""

from __future__ import annotations

from gevinst.checks import CODES, Finding, check
from gevinst.diff import PlanDiff, diff
from gevinst.errors import (
    FormatError,
    GevinstError,
    MissingDependencyError,
    OutputError,
    PersonalDataError,
    PlanCheckError,
    PlanError,
    RenderError,
)
from gevinst.evaluate import (
    ElementResult,
    Evaluation,
    IndicatorResult,
    ReviewResult,
    evaluate,
)
from gevinst.graph import BenefitMap, Impact, Trace, build_graph, impact, trace
from gevinst.io import load, load_measurements, loads, save
from gevinst.model import (
    Baseline,
    Benefit,
    Change,
    Cost,
    Disbenefit,
    Goal,
    Indicator,
    Link,
    Measure,
    Measurement,
    Objective,
    Plan,
    PlanInfo,
    Review,
    Stakeholder,
    Target,
    Value,
)
from gevinst.money import Money
from gevinst.portfolio import Portfolio, load_many
from gevinst.render import render
from gevinst.report import report

__version__ = "0.1.0"

__all__ = [
    "CODES",
    "Baseline",
    "Benefit",
    "BenefitMap",
    "Change",
    "Cost",
    "Disbenefit",
    "ElementResult",
    "Evaluation",
    "Finding",
    "FormatError",
    "GevinstError",
    "Goal",
    "Impact",
    "Indicator",
    "IndicatorResult",
    "Link",
    "Measure",
    "Measurement",
    "MissingDependencyError",
    "Money",
    "Objective",
    "OutputError",
    "PersonalDataError",
    "Plan",
    "PlanCheckError",
    "PlanDiff",
    "PlanError",
    "PlanInfo",
    "Portfolio",
    "RenderError",
    "Review",
    "ReviewResult",
    "Stakeholder",
    "Target",
    "Trace",
    "Value",
    "__version__",
    "build_graph",
    "check",
    "diff",
    "evaluate",
    "impact",
    "load",
    "load_many",
    "load_measurements",
    "loads",
    "render",
    "report",
    "save",
    "trace",
]
