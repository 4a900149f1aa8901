"""The money waterfall as a matplotlib figure (re-exported by :mod:`gevinst.charts.results`).

Present values from :meth:`gevinst.Evaluation.npv`: each monetised benefit up, each
dis-benefit and the costs down, ending in the net present value; the expected value
of each benefit as a dashed outline beside the realised one.

Examples:
    >>> import gevinst as gv
    >>> ev = gv.evaluate(gv.load("examples/bergen_barnevern/plan.yaml"), at="2025-10-01")
    >>> fig = money_chart(ev)
    >>> "Kostnader" in [label.get_text() for label in fig.axes[0].get_yticklabels()]
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import gevinst.theme as theme
from gevinst.charts.figure import BLUE, INK, MUTED, wrap_text
from gevinst.charts.figure import new_figure as _figure
from gevinst.charts.figure import style as _style
from gevinst.i18n.formats import format_date, format_number, format_rate, format_signed
from gevinst.i18n.words import t

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from gevinst.analysis.evaluate import Evaluation

__all__ = ["money_chart"]


def money_chart(
    evaluation: Evaluation,
    *,
    basis: str = "realised",
    language: str | None = None,
    look: theme.Theme | None = None,
) -> Figure:
    """A waterfall of present values: each monetised benefit (up), each dis-benefit and
    the costs (down), ending in the net present value. ``basis`` is ``"realised"`` (at
    the evaluation date; the expected value shows as an outline) or ``"expected"``.
    """
    import matplotlib
    from matplotlib.patches import Patch

    if basis not in ("realised", "expected"):
        raise ValueError(f"basis {basis!r}: use 'realised' or 'expected'")
    colours = (look or theme.DEFAULT_THEME).status_colours
    lang = language or evaluation.plan.language
    money = evaluation.npv()
    steps: list[tuple[str, float, float | None, str]] = []  # label, value, outline, colour
    for line in money.lines.values():
        value = line.realised if basis == "realised" else line.expected
        outline = line.expected if basis == "realised" else None
        colour = colours["on_track"] if line.kind == "benefit" else colours["off_track"]
        steps.append((f"{line.id}  {line.name}", value, outline, colour))
    steps.append((t("costs", lang), -money.costs, None, theme.COST_COLOUR))
    net = money.net if basis == "realised" else money.expected_net
    scale, unit = _money_scale(
        max([abs(s[1]) for s in steps] + [abs(net), 1.0]), money.currency, lang
    )
    with matplotlib.rc_context(_style(look)):
        height = max(4.0, 1.9 + 0.55 * (len(steps) + 1))
        fig = _figure(12, height)
        top = 1 - 1.05 / height
        bottom = 0.85 / height
        ax = fig.add_axes((0.34, bottom, 0.58, top - bottom))
        running = 0.0
        labels = []
        extent = [0.0]
        for n, (label, value, outline, colour) in enumerate(steps):
            left = running if value >= 0 else running + value
            ax.barh(n, abs(value) / scale, left=left / scale, height=0.62, color=colour, zorder=3)
            if outline is not None and abs(outline - value) > 1e-9 * max(1.0, abs(outline)):
                o_left = running if outline >= 0 else running + outline
                ax.barh(
                    n,
                    abs(outline) / scale,
                    left=o_left / scale,
                    height=0.62,
                    fill=False,
                    edgecolor=colour,
                    linestyle="--",
                    linewidth=1.5,
                    zorder=4,
                )
                extent += [o_left, o_left + abs(outline)]
            if n:
                ax.plot(
                    [running / scale] * 2,
                    [n - 1.31, n - 0.31],
                    color=theme.RULE_COLOUR,
                    lw=1,
                    zorder=2,
                )
            running += value
            extent += [left, left + abs(value)]
            labels.append(wrap_text(label, 38))
        n = len(steps)
        net_colour = BLUE
        ax.barh(n, net / scale, height=0.62, color=net_colour, zorder=3)
        ax.plot(
            [running / scale] * 2, [n - 1.31, n - 0.31], color=theme.RULE_COLOUR, lw=1, zorder=2
        )
        extent += [0.0, net]
        labels.append(t("net_realised" if basis == "realised" else "net_expected", lang))
        low, high = min(extent) / scale, max(extent) / scale
        span = max(high - low, 1e-9)
        ax.set_xlim(low - 0.04 * span, high + 0.42 * span)
        running = 0.0
        for i, (_label, value, outline, _c) in enumerate(steps):
            end = max(running, running + value)
            text = _signed(value / scale, lang)
            if outline is not None and abs(outline - value) > 1e-9 * max(1.0, abs(outline)):
                end = max(end, running + outline)
                text += f"  ({t('expected', lang).lower()} {_signed(outline / scale, lang)})"
            ax.text(end / scale + 0.01 * span, i, text, va="center", fontsize=11)
            running += value
        ax.text(
            max(net, 0.0) / scale + 0.01 * span,
            n,
            _signed(net / scale, lang),
            va="center",
            fontsize=12,
            fontweight="bold",
            color=net_colour,
        )
        if basis == "realised":
            ax.annotate(
                f"{t('expected', lang).lower()} {_signed(money.expected_net / scale, lang)}",
                (max(net, 0.0) / scale + 0.01 * span, n),
                textcoords="offset points",
                xytext=(0, -15),
                va="center",
                fontsize=10,
                color=MUTED,
            )
        ax.axvline(0, color=INK, linewidth=1)
        ax.set_yticks(range(n + 1), labels, fontsize=11)
        ax.get_yticklabels()[-1].set_fontweight("bold")
        ax.set_ylim(n + 0.75, -0.5)
        ax.tick_params(axis="y", length=0)
        ax.spines["left"].set_visible(False)
        ax.grid(axis="x", color=theme.GRID_COLOUR, zorder=0)
        _number_axis_x(ax, lang)
        ax.set_xlabel(unit)
        fig.text(
            0.02, 1 - 0.3 / height, t("npv_title", lang), fontsize=17, fontweight="bold", va="top"
        )
        rate = format_rate(money.discount_rate, lang)
        fig.text(
            0.02,
            1 - 0.68 / height,
            f"{wrap_text(evaluation.plan.title, 200)}  ·  {t('evaluated_at', lang).lower()} "
            f"{format_date(evaluation.at, lang)}  ·  {t('horizon', lang).lower()} "
            f"{money.horizon_years} {t('years', lang)} {t('from_date', lang)} "
            f"{format_date(money.start, lang)}  ·  "
            f"{t('calculation_rate', lang).lower()} {rate}",
            fontsize=11.5,
            color=MUTED,
            va="top",
        )
        handles = [
            Patch(color=colours["on_track"], label=t("benefits", lang)),
            Patch(color=colours["off_track"], label=t("disbenefits", lang)),
            Patch(color=theme.COST_COLOUR, label=t("costs", lang)),
        ]
        if basis == "realised":
            handles.append(
                Patch(fill=False, edgecolor=MUTED, linestyle="--", label=t("expected", lang))
            )
        fig.legend(
            handles=handles,
            loc="lower center",
            ncol=len(handles),
            frameon=False,
            fontsize=11,
            bbox_to_anchor=(0.5, 0.0),
        )
    return fig


def _money_scale(largest: float, currency: str, lang: str) -> tuple[float, str]:
    kroner = "kr" if currency == "NOK" and lang != "en" else currency
    if largest >= 1e6:
        return 1e6, (f"mill. {kroner}" if lang != "en" else f"{currency} million")
    if largest >= 1e3:
        return 1e3, (f"tusen {kroner}" if lang != "en" else f"{currency} thousand")
    return 1.0, kroner


def _signed(value: float, lang: str) -> str:
    return format_signed(value, lang, 1 if abs(value) < 100 else 0)


def _number_axis_x(ax: Axes, language: str) -> None:
    from matplotlib.ticker import FuncFormatter

    def label(value: float, _pos: int | None = None) -> str:
        return format_number(value, language, 0 if float(value).is_integer() else 1)

    ax.xaxis.set_major_formatter(FuncFormatter(label))
