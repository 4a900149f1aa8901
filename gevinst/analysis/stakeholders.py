"""Stakeholder analysis (interessentanalyse): power/interest grid, impacts, ownership.

- **Power/interest grid**: a power or interest of ``medium`` or ``high`` counts as high
  (SPEC section 1); one not set counts as low. The four quadrants are *manage closely*
  (high power, high interest; nb: nøkkelaktører som må involveres), *keep satisfied*
  (high power, low interest), *keep informed* (low power, high interest) and *monitor*
  (low, low).
- **Impact matrix**: stakeholder by benefit and dis-benefit, ``positive`` (gains) or
  ``negative`` (loses), from each stakeholder's ``impacts``.
- **Ownership**: what each stakeholder owns (benefits, measures, ... and the plan).

Examples:
    >>> import gevinst as gv
    >>> from gevinst.analysis.stakeholders import grid
    >>> plan = gv.load("examples/bergen_barnevern/plan.yaml")
    >>> [row.id for row in grid(plan)["keep_satisfied"]]
    ['bystyret']
"""

from __future__ import annotations

from dataclasses import dataclass

from gevinst.i18n.markdown import markdown_escape, markdown_table
from gevinst.i18n.words import t
from gevinst.io.cells import csv_text
from gevinst.model import Plan, Stakeholder
from gevinst.personal_data import refuse

__all__ = [
    "LEVELS",
    "QUADRANTS",
    "ImpactMatrix",
    "StakeholderRow",
    "analyse",
    "grid",
    "impact_matrix",
    "is_high",
    "ownership",
    "quadrant",
    "to_csv",
    "to_markdown",
]

#: The quadrants of the power/interest grid, in reading order.
QUADRANTS: tuple[str, ...] = ("manage_closely", "keep_satisfied", "keep_informed", "monitor")

#: The scale of power and interest, lowest first.
LEVELS: tuple[str, ...] = ("none", "low", "medium", "high")


def is_high(level: str | None) -> bool:
    """``medium`` and ``high`` count as high on the grid; ``none``, ``low`` and unset as low."""
    return level in ("medium", "high")


def quadrant(stakeholder: Stakeholder) -> str:
    """The quadrant of the power/interest grid the stakeholder falls in.

    >>> import gevinst as gv
    >>> quadrant(gv.Stakeholder(id="s", name="S", power="medium", interest="low"))
    'keep_satisfied'
    """
    power, interest = is_high(stakeholder.power), is_high(stakeholder.interest)
    if power and interest:
        return "manage_closely"
    if power:
        return "keep_satisfied"
    if interest:
        return "keep_informed"
    return "monitor"


@dataclass(frozen=True)
class StakeholderRow:
    """One stakeholder with everything the analysis says about it.

    Attributes:
        id, name, group, power, interest, attitude: as in the plan.
        quadrant: one of :data:`QUADRANTS`.
        gains: ids of the elements it is positively affected by (plan order).
        losses: ids of the elements it is negatively affected by (plan order).
        owns: ids of what it owns: the plan's id when it owns the plan, then elements.
    """

    id: str
    name: str
    group: str | None
    power: str | None
    interest: str | None
    attitude: str | None
    quadrant: str
    gains: tuple[str, ...]
    losses: tuple[str, ...]
    owns: tuple[str, ...]


def ownership(plan: Plan) -> dict[str, list[str]]:
    """What each stakeholder owns: ``{stakeholder id: [plan id and element ids]}``.

    Every stakeholder is a key (an empty list when it owns nothing), in plan order.
    """
    out: dict[str, list[str]] = {s.id: [] for s in plan.stakeholders}
    if plan.info.owner in out:
        out[plan.info.owner].append(plan.id)
    for element in plan.elements():
        owner = getattr(element, "owner", None)
        if owner in out and element.id not in out[owner]:
            out[owner].append(element.id)
    return out


def _element_order(plan: Plan) -> dict[str, int]:
    order: dict[str, int] = {}
    for element in plan.elements():
        order.setdefault(element.id, len(order))
    return order


def analyse(plan: Plan) -> list[StakeholderRow]:
    """Every stakeholder (plan order) with quadrant, gains, losses and what it owns."""
    owned = ownership(plan)
    order = _element_order(plan)
    rows = []
    seen: set[str] = set()
    for s in plan.stakeholders:
        if s.id in seen:
            continue
        seen.add(s.id)
        impacts = sorted(s.impacts.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
        rows.append(
            StakeholderRow(
                id=s.id,
                name=s.name,
                group=s.group,
                power=s.power,
                interest=s.interest,
                attitude=s.attitude,
                quadrant=quadrant(s),
                gains=tuple(e for e, sign in impacts if sign == "positive"),
                losses=tuple(e for e, sign in impacts if sign == "negative"),
                owns=tuple(owned.get(s.id, [])),
            )
        )
    return rows


def _rank(level: str | None) -> int:
    return LEVELS.index(level) if level in LEVELS else 0


def grid(plan: Plan) -> dict[str, list[StakeholderRow]]:
    """The power/interest grid: ``{quadrant: [rows]}`` for all four quadrants.

    Within a quadrant, stakeholders come by power (highest first), then interest,
    then plan order: a deterministic order, used for drawing.
    """
    rows = analyse(plan)
    out: dict[str, list[StakeholderRow]] = {q: [] for q in QUADRANTS}
    position = {row.id: n for n, row in enumerate(rows)}
    for row in sorted(rows, key=lambda r: (-_rank(r.power), -_rank(r.interest), position[r.id])):
        out[row.quadrant].append(row)
    return out


@dataclass(frozen=True)
class ImpactMatrix:
    """Stakeholders (rows) by elements (columns): who gains and who loses.

    Attributes:
        stakeholders: stakeholder ids, plan order.
        elements: element ids (benefits, then dis-benefits by default), plan order.
        cells: ``{(stakeholder id, element id): "positive" | "negative"}``; a missing
            pair means no stated impact.
    """

    stakeholders: tuple[str, ...]
    elements: tuple[str, ...]
    cells: dict[tuple[str, str], str]

    def get(self, stakeholder: str, element: str) -> str | None:
        """``"positive"``, ``"negative"`` or ``None``."""
        return self.cells.get((stakeholder, element))


def impact_matrix(plan: Plan, kinds: tuple[str, ...] = ("benefit", "disbenefit")) -> ImpactMatrix:
    """Who gains and who loses: stakeholders by the elements of ``kinds``."""
    elements: list[str] = []
    for element in plan.elements():
        if element.kind in kinds and element.id not in elements:
            elements.append(element.id)
    wanted = set(elements)
    stakeholders: list[str] = []
    cells: dict[tuple[str, str], str] = {}
    for s in plan.stakeholders:
        if s.id in stakeholders:
            continue
        stakeholders.append(s.id)
        for target, sign in s.impacts.items():
            if target in wanted:
                cells[(s.id, target)] = sign
    return ImpactMatrix(tuple(stakeholders), tuple(elements), cells)


# -- tables ---------------------------------------------------------------------------------


def _language(plan: Plan, language: str | None) -> str:
    return language or plan.language


def _header(lang: str) -> list[str]:
    return [
        t("id", lang),
        t("name", lang),
        t("group", lang),
        t("power", lang),
        t("interest", lang),
        t("attitude", lang),
        t("quadrant", lang),
        t("gains", lang),
        t("losses", lang),
        t("owns", lang),
    ]


def _cells(row: StakeholderRow, lang: str) -> list[str]:
    def word(value: str | None) -> str:
        return t(value, lang) if value else ""

    return [
        row.id,
        row.name,
        row.group or "",
        word(row.power),
        word(row.interest),
        word(row.attitude),
        t(row.quadrant, lang),
        ", ".join(row.gains),
        ", ".join(row.losses),
        ", ".join(row.owns),
    ]


def to_csv(plan: Plan, language: str | None = None) -> str:
    """The stakeholder analysis as CSV text (one row per stakeholder, grid order).

    Every cell is quoted text that never starts a formula (:mod:`gevinst.io.cells`).

    Raises:
        PersonalDataError: the plan holds a national identity number (GV201).
    """
    refuse(plan)
    lang = _language(plan, language)
    rows = [_cells(row, lang) for rows in grid(plan).values() for row in rows]
    return csv_text(_header(lang), rows)


def to_markdown(plan: Plan, language: str | None = None) -> str:
    """The stakeholder analysis as Markdown: the grid by quadrant, then the table.

    Raises:
        PersonalDataError: the plan holds a national identity number (GV201).
    """
    refuse(plan)
    lang = _language(plan, language)
    names = {s.id: s.name for s in plan.stakeholders}
    lines = [f"# {markdown_escape(t('stakeholder_analysis', lang))}: {markdown_escape(plan.title)}"]
    for key, rows in grid(plan).items():
        lines += ["", f"## {markdown_escape(t(key, lang))}", ""]
        if not rows:
            lines.append(f"*{markdown_escape(t('nobody', lang))}*")
        for row in rows:
            lines.append(f"- {markdown_escape(names[row.id])} ({markdown_escape(row.id)})")
    matrix = impact_matrix(plan)
    if matrix.cells:
        marks = {"positive": "+", "negative": "\u2212"}
        lines += ["", f"## {markdown_escape(t('impact_matrix_title', lang))}", ""]
        head = [t("stakeholder", lang), *matrix.elements]
        body = []
        for who in matrix.stakeholders:
            cells = [marks.get(matrix.get(who, e) or "", "") for e in matrix.elements]
            if any(cells):
                body.append([names[who], *cells])
        lines += markdown_table(head, body, centre=range(1, len(head)))
    lines += ["", f"## {markdown_escape(t('stakeholders', lang))}", ""]
    body = [_cells(row, lang) for rows in grid(plan).values() for row in rows]
    lines += markdown_table(_header(lang), body)
    return "\n".join(lines) + "\n"
