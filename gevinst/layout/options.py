"""The options of one map: what it shows, checked once.

:class:`MapOptions` says what a map shows (focus, kinds, depth, grouping, language,
assumptions, status from an evaluation) and checks those values when it is made, so
every format, slide and command refuses a bad option with the same message. The view
(:mod:`gevinst.layout.view`) and the layout (:mod:`gevinst.layout.geometry`) are made
from a plan and its options; :class:`gevinst.layout.request.MapRequest` keeps both.

Examples:
    >>> from gevinst.layout.options import MapOptions
    >>> MapOptions(kinds=["goals", "measure,benefit"]).kinds
    ('measure', 'benefit', 'goal')
    >>> MapOptions(group_by="colour")
    Traceback (most recent call last):
    ...
    gevinst.errors.RenderError: unknown grouping 'colour'; use one of: owner, goal
    >>> MapOptions(paper="a4").paper
    'A4'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from gevinst.errors import RenderError
from gevinst.model import KINDS
from gevinst.theme import DEFAULT_THEME, Theme

__all__ = ["GROUPINGS", "LANGUAGES", "PAPERS", "ElementResult", "EvaluationLike", "MapOptions"]

#: What ``group_by`` may be: frames around the elements of one owner, or of one goal.
GROUPINGS = ("owner", "goal")
#: The languages of a map's words.
LANGUAGES = ("nb", "en")
#: The paper a large map is printed on (see :mod:`gevinst.layout.pages`): landscape
#: width and height in points (A3: 420 x 297 mm, A4: 297 x 210 mm).
PAPERS = {"A3": (1190.55, 841.89), "A4": (841.89, 595.28)}


class ElementResult(Protocol):
    """What the map reads from ``evaluation.element(id)`` (SPEC section 5)."""

    @property
    def score(self) -> float | None: ...

    @property
    def coverage(self) -> float | None: ...

    @property
    def status(self) -> str | None: ...


class EvaluationLike(Protocol):
    """An evaluation of the plan at a date, e.g. :func:`gevinst.analysis.evaluate.evaluate`."""

    def element(self, id: str) -> ElementResult: ...


def _kinds(kinds: Iterable[str] | str | None) -> tuple[str, ...] | None:
    """The chosen kinds in plan order; ``"measures,goal"`` and plurals are read too."""
    if kinds is None:
        return None
    chosen: set[str] = set()
    for raw in (kinds,) if isinstance(kinds, str) else kinds:
        for part in raw.split(","):
            name = part.strip().lower()
            if not name:
                continue
            if name.endswith("s") and name[:-1] in KINDS:
                name = name[:-1]
            if name not in KINDS:
                raise RenderError(f"unknown kind {part.strip()!r}; known kinds: {', '.join(KINDS)}")
            chosen.add(name)
    if not chosen:
        raise RenderError(f"no kinds chosen; known kinds: {', '.join(KINDS)}")
    return tuple(kind for kind in KINDS if kind in chosen)


@dataclass(frozen=True, init=False)
class MapOptions:
    """What one benefit map shows; the values are checked once, here.

    Args:
        evaluation: an evaluation (``gv.evaluate(plan, at=...)``): colour by status.
        focus: show only this element, what feeds it and what it feeds, a mitigation
            counting as a step from the measure to the dis-benefit (whether it is
            an element of the plan is checked when the map is made).
        kinds: show only these kinds (``["measure", "benefit"]``, ``"measures,goal"``);
            kept as a tuple in plan order, each kind once. ``None``: every kind.
        depth: with ``focus``, at most this many steps from it.
        group_by: ``"owner"`` or ``"goal"``: frames around groups of elements.
        language: ``"nb"`` or ``"en"``; ``None`` (or ``""``): the plan's language.
        assumptions: show assumptions as notes beside their elements.
        theme: the look (font, logo, colours of kinds and statuses); how the map is
            drawn, not what it shows: the layout is the same with every theme.
        paper: ``"A3"`` (the default) or ``"A4"``: the landscape sheet a map too large
            for one page is printed on, as pages (PDF and PNG).

    Raises:
        RenderError: an unknown kind, grouping, language or paper, a negative depth, or
            a depth without a focus; the message lists the values that are allowed.
    """

    evaluation: EvaluationLike | None = None
    focus: str | None = None
    kinds: tuple[str, ...] | None = None
    depth: int | None = None
    group_by: str | None = None
    language: str | None = None
    assumptions: bool = False
    theme: Theme = DEFAULT_THEME
    paper: str = "A3"

    def __init__(
        self,
        *,
        evaluation: EvaluationLike | None = None,
        focus: str | None = None,
        kinds: Iterable[str] | str | None = None,
        depth: int | None = None,
        group_by: str | None = None,
        language: str | None = None,
        assumptions: bool = False,
        theme: Theme | None = None,
        paper: str = "A3",
    ) -> None:
        if language and language not in LANGUAGES:
            raise RenderError(f"unknown language {language!r}; use nb or en")
        if group_by is not None and group_by not in GROUPINGS:
            raise RenderError(f"unknown grouping {group_by!r}; use one of: {', '.join(GROUPINGS)}")
        if paper.upper() not in PAPERS:
            raise RenderError(f"unknown paper {paper!r}; use one of: {', '.join(PAPERS)}")
        chosen = _kinds(kinds)
        if depth is not None and depth < 0:
            raise RenderError(f"depth must be 0 or more, not {depth}")
        if depth is not None and focus is None:
            raise RenderError("depth counts steps from an element: give focus (--focus ID) too")
        values = {
            "evaluation": evaluation,
            "focus": focus,
            "kinds": chosen,
            "depth": depth,
            "group_by": group_by,
            "language": language or None,
            "assumptions": assumptions,
            "theme": theme or DEFAULT_THEME,
            "paper": paper.upper(),
        }
        for name, value in values.items():
            object.__setattr__(self, name, value)  # frozen: set once, here
