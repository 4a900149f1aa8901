"""Charts of a simulation (:func:`gevinst.analysis.simulate.simulate`): the S-curve of
the net present value and the tornado of the amounts that move it most.

- :func:`s_curve`: the cumulative distribution of net present value: for each amount
  on the x axis, the probability that net present value is at most that. P10, P50,
  P85 and P90 are marked and written out, the planned (most likely) net is a line,
  and zero is always on the axis.
- :func:`tornado`: one bar per uncertain amount, from the net present value with that
  amount at its low estimate to the net with it at its high estimate (every other
  amount at its most likely), largest swing on top; both ends written out.

Both say everything in words and numbers as well as in colour. Amounts are in millions
(or thousands) of the plan's currency, written by :mod:`gevinst.i18n.formats`.

Examples:
    >>> import gevinst as gv
    >>> from gevinst.analysis.simulate import simulate
    >>> plan = gv.load("examples/bergen_barnevern/plan.yaml")
    >>> fig = s_curve(simulate(plan, runs=500), "en")
    >>> fig.texts[0].get_text()
    'How likely is each net present value?'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import gevinst.theme as theme
from gevinst.charts.figure import BLUE, HALO, INK, MUTED, new_figure, style, wrap_text
from gevinst.i18n.formats import format_number, format_percent
from gevinst.i18n.words import t

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from gevinst.analysis.simulate import Simulation

__all__ = ["FIELD_WORDS", "MARKED", "chance_text", "money_unit", "s_curve", "tornado"]

#: The percentiles the S-curve marks.
MARKED = (10, 50, 85, 90)

#: An amount's field -> the key of its name in :mod:`gevinst.i18n.words`.
FIELD_WORDS = {
    "value.annual": "annual_value",
    "cost.one_off": "one_off",
    "cost.annual": "annual_cost",
}


def money_unit(largest: float, currency: str, language: str) -> tuple[float, str]:
    """(scale, unit) for amounts up to ``largest``: millions, thousands or the currency.

    >>> money_unit(43e6, "NOK", "nb"), money_unit(43e6, "NOK", "en")
    ((1000000.0, 'mill. kr'), (1000000.0, 'NOK million'))
    >>> money_unit(5e4, "EUR", "nb")
    (1000.0, 'tusen EUR')
    """
    shown = t("currency_nok", language) if currency == "NOK" else currency
    if largest >= 1e6:
        return 1e6, t("unit_millions", language).format(currency=shown)
    if largest >= 1e3:
        return 1e3, t("unit_thousands", language).format(currency=shown)
    return 1.0, shown


def chance_text(share: float, language: str) -> str:
    """A probability in whole percent; one that rounds to 0 but is not 0 is "under 1 %".

    >>> chance_text(0.0312, "nb"), chance_text(0.004, "en"), chance_text(0.0, "en")
    ('3\\xa0%', 'under 1%', '0%')
    """
    if 0 < share < 0.005:
        return t("below_one_percent", language)
    return format_percent(share, language)


def _amount(value: float, scale: float, language: str) -> str:
    shown = value / scale
    return format_number(shown, language, 1 if abs(shown) < 1000 else 0)


def _number_axis_x(ax: Axes, language: str) -> None:
    from matplotlib.ticker import FuncFormatter

    def label(value: float, _pos: int | None = None) -> str:
        return format_number(value, language, 0 if float(value).is_integer() else 1)

    ax.xaxis.set_major_formatter(FuncFormatter(label))


def _heading(fig: Figure, height: float, title: str, subtitle: str) -> None:
    fig.text(0.02, 1 - 0.22 / height, title, fontsize=17, fontweight="bold", va="top")
    fig.text(0.02, 1 - 0.6 / height, subtitle, fontsize=12, color=MUTED, va="top")


def _basis(sim: Simulation, language: str) -> str:
    return t("simulation_basis", language).format(
        runs=format_number(sim.runs, language),
        uncertain=sim.uncertain,
        correlation=format_number(sim.correlation, language, 1),
        negative=chance_text(sim.probability_below(0.0), language),
    )


def s_curve(
    sim: Simulation, language: str = "nb", *, width: float = 8.0, look: theme.Theme | None = None
) -> Figure:
    """The S-curve of net present value: y is the probability (0–100 %) that net
    present value is at most x. P10, P50, P85 and P90 are marked and labelled with
    their amounts, the planned net is a solid line, and zero is on the axis.

    ``width`` is in inches (the height follows); the deck places it at its own size,
    so the text keeps its size in points: every text is 12 pt or more.
    """
    import matplotlib
    import numpy as np

    values = np.sort(sim.values("net"))
    planned = sim.planned["net"]
    marks = {p: sim.percentile(p) for p in MARKED}
    low = min(float(values[0]), 0.0, planned)
    high = max(float(values[-1]), 0.0, planned)
    scale, unit = money_unit(max(abs(low), abs(high), 1.0), sim.currency, language)
    span = max(high - low, 1e-9 * max(1.0, abs(high)), 1.0) / scale
    height = width * 0.68
    with matplotlib.rc_context(style(look)):
        fig = new_figure(width, height)
        top = 1 - 1.45 / height
        bottom = 0.75 / height
        ax = fig.add_axes((0.13, bottom, 0.83, top - bottom))
        share = np.arange(1, len(values) + 1) / len(values) * 100
        xs = values / scale
        ax.set_xlim(low / scale - 0.05 * span, high / scale + 0.05 * span)
        ax.set_ylim(0, 100)
        left = ax.get_xlim()[0]
        ax.axvline(0, color=INK, linewidth=1.6, zorder=2)
        ax.plot(
            np.concatenate(([xs[0]], xs)),
            np.concatenate(([0.0], share)),
            color=BLUE,
            linewidth=2.6,
            drawstyle="steps-post",
            zorder=4,
        )
        for p, value in marks.items():
            x = value / scale
            ax.plot([left, x], [p, p], color=MUTED, linewidth=1, linestyle=":", zorder=3)
            ax.plot([x, x], [0, p], color=MUTED, linewidth=1, linestyle=":", zorder=3)
            ax.plot([x], [p], marker="o", markersize=7, color=BLUE, zorder=5)
            above = p != 85  # P85 written under its line, so it never meets P90's
            ax.annotate(
                f"P{p}: {_amount(value, scale, language)}",
                (left, p),
                xytext=(6, 3 if above else -3),
                textcoords="offset points",
                va="bottom" if above else "top",
                fontsize=12,
                fontweight="bold",
                bbox=HALO,
                zorder=6,
            )
        x = planned / scale
        ax.axvline(x, color=theme.COST_COLOUR, linewidth=2, linestyle="--", zorder=3)
        ax.annotate(
            t("planned_net", language).format(value=_amount(planned, scale, language)),
            (x, 100),
            xytext=(0, 4),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=12,
            color=theme.COST_COLOUR,
            annotation_clip=False,
        )
        ax.set_yticks(range(0, 101, 10))
        ax.set_yticklabels([format_percent(v / 100, language) for v in range(0, 101, 10)])
        ax.grid(color=theme.GRID_COLOUR, zorder=0)
        _number_axis_x(ax, language)
        ax.set_xlabel(t("npv_axis", language).format(unit=unit))
        ax.set_ylabel(t("scurve_axis", language), fontsize=12)
        _heading(fig, height, t("scurve_title", language), wrap_text(_basis(sim, language), 95))
    return fig


def tornado(
    sim: Simulation, language: str = "nb", top: int = 10, *, look: theme.Theme | None = None
) -> Figure:
    """The ``top`` amounts that move net present value most, as bars from the net with
    the amount at its low estimate to the net with it at its high estimate (every other
    amount at its most likely); the line is the planned net. Each bar's label says the
    element and the amount in words; both ends carry their amounts.
    """
    import matplotlib
    from matplotlib.patches import Patch

    drivers = list(sim.drivers[:top])
    planned = sim.planned["net"]
    ends = [planned] + [v for d in drivers for v in (d.low, d.high)]
    scale, unit = money_unit(max(max(abs(v) for v in ends), 1.0), sim.currency, language)
    low, high = min(ends) / scale, max(ends) / scale
    span = max(high - low, 1e-9 * max(1.0, abs(high)), 1e-6)
    height = max(3.6, 2.1 + 0.62 * max(len(drivers), 1))
    with matplotlib.rc_context(style(look)):
        fig = new_figure(12, height)
        top_edge = 1 - 1.2 / height
        bottom = 1.05 / height
        ax = fig.add_axes((0.3, bottom, 0.66, top_edge - bottom))
        centre = planned / scale
        labels = []
        for n, driver in enumerate(drivers):
            for end, colour in ((driver.low, theme.ACCENT_PALE), (driver.high, BLUE)):
                x = end / scale
                ax.barh(n, x - centre, left=centre, height=0.6, color=colour, zorder=3)
            for end, key in ((driver.low, "low_end"), (driver.high, "high_end")):
                x = end / scale
                right = x > centre or (x == centre and key == "high_end")
                ax.annotate(
                    t(key, language).format(value=_amount(end, scale, language)),
                    (x, n),
                    xytext=(5 if right else -5, 0),
                    textcoords="offset points",
                    ha="left" if right else "right",
                    va="center",
                    fontsize=11,
                    zorder=6,
                )
            field = t(FIELD_WORDS.get(driver.field, driver.field), language)
            labels.append(f"{wrap_text(f'{driver.id}  {driver.name}', 40)}\n{field}")
        ax.axvline(centre, color=INK, linewidth=1.6, zorder=4)
        ax.set_xlim(low - 0.3 * span, high + 0.3 * span)
        ax.set_yticks(range(len(drivers)), labels, fontsize=11)
        ax.set_ylim(len(drivers) - 0.4, -0.6)
        ax.tick_params(axis="y", length=0)
        ax.spines["left"].set_visible(False)
        ax.grid(axis="x", color=theme.GRID_COLOUR, zorder=0)
        _number_axis_x(ax, language)
        ax.set_xlabel(t("npv_axis", language).format(unit=unit))
        planned_text = t("planned_net", language).format(value=_amount(planned, scale, language))
        ax.annotate(
            planned_text,
            (centre, -0.6),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=11,
            annotation_clip=False,
        )
        _heading(fig, height, t("tornado_title", language), t("tornado_basis", language))
        fig.legend(
            handles=[
                Patch(color=theme.ACCENT_PALE, label=t("amount_low", language)),
                Patch(color=BLUE, label=t("amount_high", language)),
            ],
            loc="lower center",
            ncol=2,
            frameon=False,
            fontsize=11,
            bbox_to_anchor=(0.5, 0.0),
        )
    return fig
