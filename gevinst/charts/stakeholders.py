"""The stakeholder power/interest grid as a matplotlib figure (re-exported by
:mod:`gevinst.charts.results`).

Four quadrants; every stakeholder's name in a box coloured by attitude, stacked in a
grid of fixed slots inside its quadrant. The slots are computed (largest font, fewest
columns, no word broken), never random, so names never overlap and the same plan
gives the same picture.

Examples:
    >>> import gevinst as gv
    >>> fig = stakeholder_chart(gv.load("examples/bergen_barnevern/plan.yaml"))
    >>> fig.get_size_inches().tolist()
    [13.33, 7.5]
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

import gevinst.theme as theme
from gevinst.charts.figure import (
    ATTITUDE_COLOURS,
    BLUE,
    INK,
    MUTED,
    STATUS_COLOURS,
    plain_text,
    wrap_text,
)
from gevinst.charts.figure import new_figure as _figure
from gevinst.charts.figure import style as _style
from gevinst.i18n.formats import format_number
from gevinst.i18n.words import t
from gevinst.personal_data import refuse

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from gevinst.analysis.stakeholders import ImpactMatrix
    from gevinst.model import Plan

__all__ = ["IMPACT_COLUMNS", "IMPACT_ROWS", "impact_chart", "stakeholder_chart"]

#: The most benefits and dis-benefits (columns) the impact chart shows legibly.
IMPACT_COLUMNS = 20
#: The most stakeholders (rows) the impact chart shows legibly.
IMPACT_ROWS = 20


def stakeholder_chart(
    plan: Plan, *, language: str | None = None, look: theme.Theme | None = None
) -> Figure:
    """The power/interest grid: four quadrants, every stakeholder's name in a box
    coloured by attitude, stacked in columns inside its quadrant (never on top of each
    other; the order is power, then interest, then plan order).

    Raises:
        PersonalDataError: the plan holds a national identity number (GV201).
    """
    import matplotlib
    from matplotlib.patches import Patch, Rectangle

    from gevinst.analysis.stakeholders import grid

    refuse(plan)
    lang = language or plan.language
    cells = grid(plan)
    width, height = 13.33, 7.5
    left, bottom, ax_w, ax_h = 0.075, 0.1, 0.9, 0.76
    quadrant_of = {  # (column, row) with row 1 on top
        "manage_closely": (1, 1),
        "keep_satisfied": (0, 1),
        "keep_informed": (1, 0),
        "monitor": (0, 0),
    }
    fills = theme.QUADRANT_FILLS
    with matplotlib.rc_context(_style(look)):
        fig = _figure(width, height)
        ax = fig.add_axes((left, bottom, ax_w, ax_h))
        ax.set_xlim(0, 2)
        ax.set_ylim(0, 2)
        cell_w_pt = ax_w * width * 72 / 2  # one quadrant's width in points
        cell_h_pt = ax_h * height * 72 / 2
        for key, (col, row) in quadrant_of.items():
            ax.add_patch(
                Rectangle(
                    (col, row),
                    1,
                    1,
                    facecolor=fills[key],
                    edgecolor=theme.BACKGROUND,
                    linewidth=4,
                    zorder=0,
                )
            )
            ax.text(
                col + 0.02,
                row + 0.975,
                t(key, lang),
                ha="left",
                va="top",
                fontsize=14,
                fontweight="bold",
                color=BLUE if key == "manage_closely" else INK,
            )
            _place_names(ax, cells[key], col, row, cell_w_pt, cell_h_pt)
        ax.set_xticks([0.5, 1.5], [_level_label("low", lang), _level_label("high", lang)])
        ax.set_yticks(
            [0.5, 1.5],
            [_level_label("low", lang), _level_label("high", lang)],
            rotation=90,
            va="center",
        )
        ax.tick_params(length=0, labelsize=11, colors=MUTED)
        for side in ("left", "bottom", "top", "right"):
            ax.spines[side].set_visible(False)
        ax.set_xlabel(f"{t('interest', lang)} \u2192", fontsize=13, fontweight="bold")
        ax.set_ylabel(f"{t('power', lang)} \u2192", fontsize=13, fontweight="bold")
        fig.text(
            left,
            0.965,
            f"{t('stakeholder_analysis', lang)}: {t('power_interest_grid', lang).lower()}",
            fontsize=17,
            fontweight="bold",
            va="top",
        )
        fig.text(left, 0.915, wrap_text(plan.title, 200), fontsize=12, color=MUTED, va="top")
        attitudes = ["supportive", "neutral", "resistant"]
        handles = [
            Patch(
                facecolor=ATTITUDE_COLOURS[a][0], edgecolor=ATTITUDE_COLOURS[a][1], label=t(a, lang)
            )
            for a in attitudes
        ]
        fig.legend(
            handles=handles,
            loc="upper right",
            bbox_to_anchor=(left + ax_w, 0.975),
            ncol=3,
            frameon=False,
            fontsize=11,
            title=t("attitude", lang),
            title_fontsize=11,
            alignment="right",
        )
    return fig


def _level_label(level: str, lang: str) -> str:
    if level == "low":
        return f"{t('none', lang)} / {t('low', lang).lower()}"
    return f"{t('medium', lang)} / {t('high', lang).lower()}"


def _box_height(lines: int, size: float) -> float:
    """Height in points of a name box: text lines (line spacing 1.1) plus its padding."""
    return lines * size * 1.1 + 2 * 0.3 * size + 2


def _place_names(
    ax: Axes, rows: list[Any], col: int, row: int, cell_w_pt: float, cell_h_pt: float
) -> None:
    """Stack the names in columns inside one quadrant: a grid of fixed slots, each
    taller and wider than its box, so boxes never overlap. The largest font size and
    fewest columns that fit win; when nothing fits, names are cut to one line."""
    if not rows:
        return
    title_pt = 34.0
    pad_pt = 8.0
    room = cell_h_pt - title_pt - pad_pt
    for size in (12.0, 11.0, 10.0, 9.0, 8.0, 7.0):
        for columns in (1, 2, 3, 4):
            slot_w = (cell_w_pt - 2 * pad_pt) / columns
            chars = int((slot_w - 2 * 0.3 * size - 10) / (0.55 * size))
            if chars < 10:
                break
            split = [
                textwrap.wrap(" ".join(r.name.splitlines()), chars, break_long_words=False)
                or [r.name]
                for r in rows
            ]
            if any(len(line) > chars for parts in split for line in parts):
                continue  # a word longer than the slot: never break inside a word
            lines = max(len(parts) for parts in split)
            if lines > 3:
                continue
            wrapped = [plain_text("\n".join(parts)) for parts in split]
            slot_h = _box_height(lines, size) + 6
            per_column = -(-len(rows) // columns)
            if per_column * slot_h <= room:
                _draw_slots(
                    ax,
                    rows,
                    wrapped,
                    col,
                    row,
                    per_column,
                    slot_w,
                    slot_h,
                    size,
                    cell_w_pt,
                    cell_h_pt,
                    title_pt,
                    pad_pt,
                )
                return
    size = 7.0
    slot_h = _box_height(1, size) + 2
    per_column = max(1, int(room // slot_h))
    columns = -(-len(rows) // per_column)
    slot_w = (cell_w_pt - 2 * pad_pt) / columns
    chars = max(3, int((slot_w - 2 * 0.3 * size - 10) / (0.55 * size)))
    cut = [r.name if len(r.name) <= chars else r.name[: chars - 1] + "\u2026" for r in rows]
    wrapped = [plain_text(" ".join(name.splitlines())) for name in cut]
    _draw_slots(
        ax,
        rows,
        wrapped,
        col,
        row,
        per_column,
        slot_w,
        slot_h,
        size,
        cell_w_pt,
        cell_h_pt,
        title_pt,
        pad_pt,
    )


def _draw_slots(
    ax: Axes,
    rows: list[Any],
    wrapped: list[str],
    col: int,
    row: int,
    per_column: int,
    slot_w: float,
    slot_h: float,
    size: float,
    cell_w_pt: float,
    cell_h_pt: float,
    title_pt: float,
    pad_pt: float,
) -> None:
    for n, (item, text) in enumerate(zip(rows, wrapped, strict=True)):
        c, r = divmod(n, per_column)
        x_pt = pad_pt + c * slot_w + 0.3 * size + 2
        y_pt = title_pt + r * slot_h + slot_h / 2
        x = col + x_pt / cell_w_pt
        y = row + 1 - y_pt / cell_h_pt
        fill, edge = ATTITUDE_COLOURS.get(item.attitude or "unknown", ATTITUDE_COLOURS["unknown"])
        ax.text(
            x,
            y,
            text,
            ha="left",
            va="center",
            fontsize=size,
            color=INK,
            linespacing=1.1,
            bbox={
                "boxstyle": "round,pad=0.3",
                "facecolor": fill,
                "edgecolor": edge,
                "linewidth": 1.2,
            },
            zorder=3,
        )


def impact_chart(
    plan: Plan,
    *,
    kinds: tuple[str, ...] = ("benefit", "disbenefit"),
    language: str | None = None,
) -> Figure:
    """Who gains and who loses: stakeholders (rows) by benefits and dis-benefits
    (columns), a green ``+`` where a stakeholder gains and a red ``−`` where it loses.

    Column headings are the element's id and the start of its name, slanted; rows are
    the stakeholders' names in plan order.

    Raises:
        PersonalDataError: the plan holds a national identity number (GV201).
    """
    import matplotlib

    from gevinst.analysis.stakeholders import impact_matrix

    refuse(plan)
    lang = language or plan.language
    matrix = impact_matrix(plan, kinds)
    names = {s.id: s.name for s in plan.stakeholders}
    elements = {e.id: e for e in plan.elements()}
    rows, cols = _shown(matrix)
    cut = len(rows) < len(matrix.stakeholders) or len(cols) < len(matrix.elements)
    width = min(22.0, max(10.0, 6.6 + 0.55 * len(cols)))
    height = min(14.0, max(4.5, 3.6 + 0.42 * len(rows))) + (0.5 if cut else 0.0)
    with matplotlib.rc_context(_style()):
        fig = _figure(width, height)
        left, right = 3.9 / width, 1 - 2.3 / width
        top, bottom = 1 - (3.1 if cut else 2.6) / height, 0.55 / height
        ax = fig.add_axes((left, bottom, right - left, top - bottom))
        ax.set_xlim(-0.5, max(len(cols), 1) - 0.5)
        ax.set_ylim(max(len(rows), 1) - 0.5, -0.5)
        for y in range(len(rows)):
            if y % 2 == 0:
                ax.axhspan(y - 0.5, y + 0.5, color=theme.STRIPE_FILL, lw=0, zorder=0)
        for x, element in enumerate(cols):
            if elements[element].kind == "disbenefit":
                ax.axvspan(x - 0.5, x + 0.5, color=theme.DISBENEFIT_TINT, lw=0, zorder=0)
        for (who, what), sign in matrix.cells.items():
            if what not in cols or who not in rows:
                continue  # left out (said in the subtitle)
            x, y = cols.index(what), rows.index(who)
            colour = (
                STATUS_COLOURS["on_track"] if sign == "positive" else STATUS_COLOURS["off_track"]
            )
            ax.plot(x, y, "o", markersize=21, color=colour, zorder=2)
            mark = "+" if sign == "positive" else "\u2212"
            ax.text(
                x,
                y,
                mark,
                ha="center",
                va="center",
                color=theme.BACKGROUND,
                fontsize=14,  # bold 14 pt is large text: 3:1 on the status hue (WCAG)
                fontweight="bold",
                zorder=3,
            )
        ax.set_yticks(range(len(rows)), [wrap_text(names[r], 34) for r in rows], fontsize=10.5)
        heads = []
        for element in cols:
            name = elements[element].name
            short = name if len(name) <= 26 else name[:25] + "\u2026"
            heads.append(plain_text(f"{element}  {short}"))
        ax.set_xticks(
            range(len(cols)), heads, rotation=40, ha="left", rotation_mode="anchor", fontsize=10
        )
        ax.xaxis.tick_top()
        ax.tick_params(length=0)
        for side in ("left", "bottom", "top", "right"):
            ax.spines[side].set_visible(False)
        fig.text(
            0.02,
            1 - 0.25 / height,
            t("impact_matrix_title", lang),
            fontsize=16,
            fontweight="bold",
            va="top",
            color=INK,
        )
        fig.text(
            0.02,
            1 - 0.62 / height,
            f"{wrap_text(plan.title, 120)}  ·  + {t('gains', lang).lower()}"
            f"   \u2212 {t('losses', lang).lower()}",
            fontsize=11,
            color=MUTED,
            va="top",
        )
        if cut:
            count = {
                "shown": len(cols),
                "total": len(matrix.elements),
                "people": len(rows),
                "everyone": len(matrix.stakeholders),
                "left": len(matrix.elements) - len(cols),
                "left_people": len(matrix.stakeholders) - len(rows),
            }
            words = {k: format_number(v, lang) for k, v in count.items()}
            fig.text(
                0.02,
                1 - 0.95 / height,
                wrap_text(t("impact_chart_cut", lang).format(**words), int(width * 11)),
                fontsize=11,
                color=INK,
                va="top",
                linespacing=1.3,
            )
    return fig


def _shown(matrix: ImpactMatrix) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The stakeholders and elements the impact chart shows, in plan order.

    All of them up to :data:`IMPACT_ROWS` stakeholders and :data:`IMPACT_COLUMNS`
    elements. Beyond, the elements that most stakeholders lose by, then gain from (plan
    order on a tie), and of the stakeholders with a mark there those who lose most, then
    gain most; an element left without a mark is dropped.

    Examples:
        >>> from gevinst.analysis.stakeholders import ImpactMatrix
        >>> people, things = [f"S{i}" for i in range(30)], [f"B{i}" for i in range(30)]
        >>> cells = {(p, b): "positive" for p, b in zip(people, things)}
        >>> cells["S29", "B5"] = "negative"  # B5 first, then B0-B18 (B19 is 20th)
        >>> rows, cols = _shown(ImpactMatrix(tuple(people), tuple(things), cells))
        >>> rows[:2], rows[-2:], len(rows)  # S29 loses: first; S19 (B19) is 21st: out
        (('S0', 'S1'), ('S18', 'S29'), 20)
        >>> cols[-2:], len(cols)  # B19 has no mark left: dropped
        (('B17', 'B18'), 19)
    """
    rows, cols = matrix.stakeholders, matrix.elements
    if len(rows) <= IMPACT_ROWS and len(cols) <= IMPACT_COLUMNS:
        return rows, cols

    def rank(counted: dict[str, list[str]], order: tuple[str, ...]) -> dict[str, int]:
        place = {key: n for n, key in enumerate(order)}
        score = {
            key: (-signs.count("negative"), -len(signs), place[key])
            for key, signs in counted.items()
        }
        return {key: n for n, key in enumerate(sorted(order, key=score.__getitem__))}

    by_element: dict[str, list[str]] = {e: [] for e in cols}
    for (_, element), sign in matrix.cells.items():
        by_element[element].append(sign)
    col_rank = rank(by_element, cols)
    kept_cols = {e for e in cols if col_rank[e] < IMPACT_COLUMNS}
    by_person: dict[str, list[str]] = {s: [] for s in rows}
    for (person, element), sign in matrix.cells.items():
        if element in kept_cols:
            by_person[person].append(sign)
    marked = tuple(s for s in rows if by_person[s])
    row_rank = rank({s: by_person[s] for s in marked}, marked)
    kept_rows = {s for s in marked if row_rank[s] < IMPACT_ROWS}
    used = {e for (person, e) in matrix.cells if person in kept_rows}
    return (
        tuple(s for s in rows if s in kept_rows),
        tuple(e for e in cols if e in kept_cols and e in used),
    )
