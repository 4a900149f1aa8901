"""The paths through one element of the map as text or JSON (``gevinst trace``).

Examples:
    >>> import gevinst as gv
    >>> plan = gv.Plan.new("p", "P")
    >>> _ = plan.add_goal("G1", "Mål")
    >>> _ = plan.add_benefit("B1", "Gevinst", contributes_to=["G1"])
    >>> print(trace_text(plan, "B1", language="en"))
    B1: Gevinst
    Up to the goals (1 path(s)):
      B1 (Gevinst) -> G1 (Mål)
    Down to the measures (1 path(s)):
      B1 (Gevinst)
    >>> print(trace_text(plan, "B1").splitlines()[1])
    Opp til målene (stier: 1):
"""

from __future__ import annotations

import json

from gevinst.errors import PlanError, Said
from gevinst.graph import BenefitMap, Trace, trace
from gevinst.i18n.words import t
from gevinst.model import Plan

__all__ = ["FORMATS", "trace_text"]

#: The forms of a trace.
FORMATS = ("text", "json")


def _traced(bmap: BenefitMap, element: str, source: str, language: str) -> Trace:
    try:
        return trace(bmap, element)
    except KeyError:
        known = ", ".join(sorted(bmap.graph.nodes)[:20])
        error = PlanError(Said("trace_unknown", element=repr(element), known=known), source=source)
        error.language = language  # the command line says it in the trace's language
        raise error from None


def trace_text(
    plan: Plan,
    element: str,
    *,
    format: str = "text",
    source: str = "<plan>",
    language: str | None = None,
) -> str:
    """Every path from ``element`` up to the goals and down to the measures, as lines of
    ``id (name) -> ...`` or (``format="json"``) as JSON of the ids; the text in
    ``language`` (default: the plan's).

    Raises:
        PlanError: ``element`` is not an element of the map (the message names some
            that are, and ``source``).
    """
    bmap = BenefitMap(plan)
    result = _traced(bmap, element, source, language or plan.language)
    if format == "json":
        data = {"element": element, "up": result.up, "down": result.down}
        return json.dumps(data, ensure_ascii=False, indent=2)
    names = bmap.graph.nodes

    def show(path: tuple[str, ...]) -> str:
        return " -> ".join(f"{n} ({names[n]['name']})" for n in path)

    lang = language or plan.language
    lines = [f"{element}: {names[element]['name']}"]
    lines.append(t("trace_up", lang).format(n=len(result.up)) + ":")
    lines += [f"  {show(path)}" for path in result.up]
    lines.append(t("trace_down", lang).format(n=len(result.down)) + ":")
    lines += [f"  {show(path)}" for path in result.down]
    if result.truncated:
        lines.append(f"  ({t('trace_truncated', lang)})")
    return "\n".join(lines)
