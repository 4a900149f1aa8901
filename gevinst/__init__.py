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

from gevinst import model as _model
from gevinst.analysis.checks import CODES, Finding, check
from gevinst.analysis.diff import PlanDiff, diff
from gevinst.analysis.evaluate import (
    ElementResult,
    Evaluation,
    IndicatorResult,
    ReviewResult,
    evaluate,
)
from gevinst.analysis.impact import Impact, impact
from gevinst.analysis.money import Money
from gevinst.analysis.portfolio import Portfolio, load_many
from gevinst.analysis.simulate import Simulation, simulate
from gevinst.errors import (
    FormatError,
    GevinstError,
    MissingDependencyError,
    OutputError,
    PersonalDataError,
    PlanCheckError,
    PlanError,
    RenderError,
    ThemeError,
)
from gevinst.graph import BenefitMap, Trace, build_graph, trace
from gevinst.io.plans import dumps, load, load_measurements, loads, save
from gevinst.io.theme_file import load_theme
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
from gevinst.render import render, render_bytes
from gevinst.render import to_inline_html as _to_inline_html
from gevinst.render import to_svg as _to_svg
from gevinst.report import report
from gevinst.theme import Theme

__version__ = "0.2.0"

# The Plan shortcuts and Jupyter's display call the layers above the model through this
# table, so that the model imports nothing above it (see gevinst.model.ABOVE).
_model.ABOVE.update(
    graph=build_graph, save=save, dumps=dumps, svg=_to_svg, inline_html=_to_inline_html
)

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
    "Simulation",
    "Stakeholder",
    "Target",
    "Theme",
    "ThemeError",
    "Trace",
    "Value",
    "__version__",
    "build_graph",
    "check",
    "diff",
    "dumps",
    "evaluate",
    "impact",
    "load",
    "load_many",
    "load_measurements",
    "load_theme",
    "loads",
    "render",
    "render_bytes",
    "report",
    "save",
    "simulate",
    "trace",
]
