"""Charts for evaluations and stakeholder analysis (matplotlib, nb and en labels).

Every function returns a :class:`matplotlib.figure.Figure` made without pyplot (no
global state, no window) on the Agg canvas; matplotlib is imported inside the
functions. :func:`figure_bytes` and :func:`save_figure` write PNG, SVG or PDF with no
date in the metadata, so the same input gives the same bytes.

- :func:`indicator_chart`: one indicator: expected trajectory, baseline, targets,
  measurements, forecast and the evaluation date.
- :func:`status_chart`: the score and status of every benefit, against the thresholds.
- :func:`money_chart`: a waterfall of the discounted benefits, dis-benefits and costs,
  ending in the net present value.
- :func:`stakeholder_chart`: the power/interest grid with every name readable.
- :func:`impact_chart`: who gains and who loses, stakeholder by benefit and dis-benefit.
- :func:`review_chart`: each review's judgement beside what the numbers said that day.
- :func:`s_curve` and :func:`tornado`: a simulation's net present value as a
  distribution, and the amounts that move it most.

Colours, number and date formats and the byte writers live in :mod:`gevinst.charts.figure`,
the waterfall in :mod:`gevinst.charts.money`, the stakeholder charts in
:mod:`gevinst.charts.stakeholders`, the simulation's charts in
:mod:`gevinst.charts.uncertainty`; all are re-exported here.

Examples:
    >>> import gevinst as gv
    >>> from gevinst.charts.results import figure_bytes, status_chart
    >>> ev = gv.evaluate(gv.load("examples/bergen_barnevern/plan.yaml"), at="2025-10-01")
    >>> figure_bytes(status_chart(ev), "png")[:4]
    b'\\x89PNG'
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import gevinst.theme as theme
from gevinst.charts.figure import (
    ATTITUDE_COLOURS,
    BLUE,
    FORMATS,
    HALO,
    INK,
    MUTED,
    STATUS_COLOURS,
    figure_bytes,
    plain_text,
    save_figure,
    wrap_text,
)
from gevinst.charts.figure import new_figure as _figure
from gevinst.charts.figure import style as _style
from gevinst.charts.money import money_chart
from gevinst.charts.stakeholders import impact_chart, stakeholder_chart
from gevinst.charts.uncertainty import s_curve, tornado
from gevinst.i18n.formats import format_date, format_number, format_percent
from gevinst.i18n.words import t

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from gevinst.analysis.evaluate import Evaluation

__all__ = [
    "ATTITUDE_COLOURS",
    "FORMATS",
    "STATUS_COLOURS",
    "figure_bytes",
    "format_date",
    "format_number",
    "impact_chart",
    "indicator_chart",
    "money_chart",
    "review_chart",
    "s_curve",
    "save_figure",
    "stakeholder_chart",
    "status_chart",
    "tornado",
]

# -- indicator ----------------------------------------------------------------------------


def _date_axis(ax: Axes, language: str, first: dt.date, last: dt.date) -> None:
    from matplotlib.dates import MonthLocator, num2date
    from matplotlib.ticker import FuncFormatter

    months = (last.year - first.year) * 12 + last.month - first.month
    step = 3 if months <= 24 else 6 if months <= 60 else 12
    ax.xaxis.set_major_locator(MonthLocator(bymonth=range(1, 13, step)))  # type: ignore[no-untyped-call]

    def label(value: float, _pos: int | None = None) -> str:
        day = num2date(value).date()  # type: ignore[no-untyped-call]
        return format_date(day, language, short=True)

    ax.xaxis.set_major_formatter(FuncFormatter(label))


def indicator_chart(
    evaluation: Evaluation,
    indicator: str,
    *,
    language: str | None = None,
    look: theme.Theme | None = None,
) -> Figure:
    """One indicator over time: expected trajectory (dashed), baseline and targets
    (diamonds), measurements (line with dots), the forecast (dotted trend to the last
    target date) and the evaluation date (vertical line).

    Raises:
        KeyError: no indicator has this id.
    """
    import matplotlib

    lang = language or evaluation.plan.language
    result = evaluation.indicator(indicator)
    spec = evaluation.plan_indicator(indicator)
    measured = evaluation.measurements(indicator)
    at = evaluation.at
    colours = (look or theme.DEFAULT_THEME).status_colours
    with matplotlib.rc_context(_style(look)):
        fig = _figure(11, 6.2)
        ax = fig.add_axes((0.08, 0.2, 0.88, 0.62))
        dates: list[dt.date] = [at]
        if spec.baseline is not None:
            points = [(spec.baseline.date, spec.baseline.value)]
            points += sorted((x.date, x.value) for x in spec.targets)
            end = max(points[-1][0], at)
            path = [*points, (end, points[-1][1])] if end > points[-1][0] else points
            ax.plot(
                [_dnum(d) for d, _ in path],
                [v for _, v in path],
                linestyle="--",
                color=MUTED,
                linewidth=2,
                label=t("expected_path", lang),
                zorder=2,
            )
            ax.plot(
                _dnum(spec.baseline.date),
                spec.baseline.value,
                marker="s",
                markersize=9,
                color=MUTED,
                linestyle="none",
                label=t("baseline", lang),
                zorder=4,
            )
            dates += [d for d, _ in path]
        if spec.targets:
            ax.plot(
                [_dnum(x.date) for x in spec.targets],
                [x.value for x in spec.targets],
                marker="D",
                markersize=10,
                color=BLUE,
                linestyle="none",
                label=t("targets", lang),
                zorder=4,
            )
            for target in spec.targets:
                ax.annotate(
                    format_number(target.value, lang, _decimals(target.value)),
                    (_dnum(target.date), target.value),
                    textcoords="offset points",
                    xytext=(11, 0),
                    ha="left",
                    va="center",
                    color=BLUE,
                    fontsize=12,
                    fontweight="bold",
                    bbox=HALO,
                    zorder=6,
                )
        if measured:
            ax.plot(
                [_dnum(m.date) for m in measured],
                [m.value for m in measured],
                marker="o",
                markersize=8,
                linewidth=2.5,
                color=colours.get(result.status, INK),
                label=t("measured", lang),
                zorder=5,
            )
            last = measured[-1]
            ax.annotate(
                format_number(last.value, lang, _decimals(last.value)),
                (_dnum(last.date), last.value),
                textcoords="offset points",
                xytext=(-9, 9),
                ha="right",
                va="bottom",
                fontsize=12,
                fontweight="bold",
                color=INK,  # the hue is on the line; text in it would be too faint
                bbox=HALO,
                zorder=6,
            )
            dates += [m.date for m in measured]
        if measured and result.forecast is not None and result.target_date is not None:
            xs = [measured[-1].date, result.target_date]
            ys = [measured[-1].value, result.forecast]
            ax.plot(
                [_dnum(d) for d in xs],
                ys,
                linestyle=":",
                linewidth=2.5,
                color=colours.get(result.status, INK),
                label=t("forecast", lang),
                zorder=3,
            )
            ax.plot(
                _dnum(result.target_date),
                result.forecast,
                marker="o",
                markersize=9,
                markerfacecolor=theme.BACKGROUND,
                markeredgewidth=2,
                color=colours.get(result.status, INK),
                linestyle="none",
                zorder=5,
            )
            ax.annotate(
                format_number(result.forecast, lang, 1),
                (_dnum(result.target_date), result.forecast),
                textcoords="offset points",
                xytext=(11, 0),
                ha="left",
                va="center",
                fontsize=12,
                color=INK,
                bbox=HALO,
                zorder=6,
            )
        ax.axvline(_dnum(at), color=INK, linewidth=1.2, zorder=1)
        first, latest = min(dates), max(dates)
        pad = dt.timedelta(days=max(60, (latest - first).days // 12))
        # Near the right edge the label goes on the left of the line, so it is never cut.
        right_side = (at - first).days <= 0.7 * max(1, (latest + pad - first).days)
        ax.annotate(
            f"{t('evaluation_date', lang)}\n{format_date(at, lang)}",
            (_dnum(at), 1.0),
            xycoords=("data", "axes fraction"),
            textcoords="offset points",
            xytext=(6, -4) if right_side else (-6, -4),
            ha="left" if right_side else "right",
            va="top",
            fontsize=11,
            color=INK,
            bbox=HALO,
        )
        ax.set_xlim(_dnum(first - pad), _dnum(latest + pad))
        _date_axis(ax, lang, first, latest)
        ax.margins(y=0.2)
        ax.grid(axis="y", color=theme.GRID_COLOUR, linewidth=0.8)
        ax.set_ylabel(plain_text(spec.unit or ""))
        _number_axis(ax, lang)
        fig.text(0.08, 0.93, wrap_text(spec.name, 80), fontsize=17, fontweight="bold", va="bottom")
        fig.text(
            0.08,
            0.875,
            _indicator_subtitle(evaluation, indicator, lang),
            fontsize=12,
            color=MUTED,
            va="bottom",
        )
        ax.legend(
            loc="upper center",
            bbox_to_anchor=(0.5, -0.1),
            ncol=5,
            frameon=False,
            fontsize=11,
        )
    return fig


def _dnum(day: dt.date) -> float:
    """A date as matplotlib's date number."""
    from matplotlib.dates import date2num

    number: float = date2num(day)  # type: ignore[no-untyped-call]
    return number


def _decimals(value: float) -> int:
    return 0 if float(value).is_integer() else 1


def _number_axis(ax: Axes, language: str) -> None:
    from matplotlib.ticker import FuncFormatter

    def label(value: float, _pos: int | None = None) -> str:
        return format_number(value, language, 0 if float(value).is_integer() else 1)

    ax.yaxis.set_major_formatter(FuncFormatter(label))


def _indicator_subtitle(evaluation: Evaluation, indicator: str, lang: str) -> str:
    r = evaluation.indicator(indicator)
    parts = [f"{t('status', lang)}: {t(r.status, lang)}"]
    if r.progress is not None:
        parts.append(f"{t('progress', lang)}: {format_percent(r.progress, lang)}")
    if r.attainment is not None:
        parts.append(f"{t('attainment', lang)}: {format_percent(r.attainment, lang)}")
    parts.append(t(r.direction, lang))
    return "   ·   ".join(parts)


# -- status overview ----------------------------------------------------------------------


def status_chart(
    evaluation: Evaluation,
    *,
    kinds: tuple[str, ...] = ("benefit",),
    language: str | None = None,
    look: theme.Theme | None = None,
) -> Figure:
    """The score of each benefit (or other ``kinds``) as a bar coloured by its status,
    against the thresholds; unmeasured benefits say so instead of showing a bar."""
    import matplotlib
    from matplotlib.patches import Patch

    lang = language or evaluation.plan.language
    rows = [r for r in evaluation.elements.values() if r.kind in kinds]
    on, risk = evaluation.thresholds
    cap = max(evaluation.cap, 1.0)
    colours = (look or theme.DEFAULT_THEME).status_colours
    with matplotlib.rc_context(_style(look)):
        height = max(3.5, 1.6 + 0.55 * len(rows))
        fig = _figure(12, height)
        top = 1 - 1.05 / height
        bottom = 0.75 / height
        ax = fig.add_axes((0.36, bottom, 0.44, top - bottom))
        ax.axvspan(0, risk, color=colours["off_track"], alpha=0.07, lw=0)
        ax.axvspan(risk, on, color=colours["at_risk"], alpha=0.09, lw=0)
        ax.axvspan(on, cap, color=colours["on_track"], alpha=0.08, lw=0)
        labels = []
        for n, r in enumerate(rows):
            labels.append(wrap_text(f"{r.id}  {r.name}", 42))
            status = r.status or "not_measured"
            colour = colours[status]
            if r.score is not None:
                ax.barh(n, r.score, height=0.62, color=colour, zorder=3)
                note = f"{format_percent(r.score, lang)}   {t(status, lang)}"
            else:
                note = t(status, lang)
            partial = r.coverage is not None and 0 < r.coverage < 1
            if partial and r.coverage is not None:
                ax.annotate(
                    f"{t('coverage', lang).lower()} {format_percent(r.coverage, lang)}",
                    (1.0, n),
                    xycoords=("axes fraction", "data"),
                    textcoords="offset points",
                    xytext=(10, -7),
                    va="center",
                    ha="left",
                    fontsize=10,
                    color=MUTED,
                    annotation_clip=False,
                )
            ax.annotate(
                note,
                (1.0, n),
                xycoords=("axes fraction", "data"),
                textcoords="offset points",
                xytext=(10, 6 if partial else 0),
                va="center",
                ha="left",
                fontsize=11,
                linespacing=1.1,
                color=INK if r.score is not None else MUTED,
                fontweight="bold" if r.score is not None else "normal",
                annotation_clip=False,
            )
        ax.set_yticks(range(len(rows)), labels, fontsize=11)
        ax.set_ylim(max(len(rows), 1) - 0.5, -0.5)
        if not rows:
            ax.text(0.5, 0, t("nobody", lang), ha="center", va="center", color=MUTED)
        ax.set_xlim(0, cap)
        ticks = [0.0, risk, on] + [x for x in (1.0, cap) if x - on >= 0.15 * cap]
        ax.set_xticks(sorted(set(ticks)))
        ax.xaxis.set_major_formatter(
            matplotlib.ticker.FuncFormatter(lambda v, _p: format_percent(v, lang))
        )
        for x in (risk, on):
            ax.axvline(x, color=theme.RULE_COLOUR, linestyle="--", linewidth=1, zorder=2)
        ax.tick_params(axis="y", length=0)
        ax.spines["left"].set_visible(False)
        ax.set_xlabel(t("score_explained", lang), fontsize=11, color=MUTED)
        fig.text(
            0.02,
            1 - 0.3 / height,
            t("status_overview" if set(kinds) <= {"benefit"} else "status_overview_all", lang),
            fontsize=17,
            fontweight="bold",
            va="top",
        )
        fig.text(
            0.02,
            1 - 0.68 / height,
            f"{wrap_text(evaluation.plan.title, 200)}  ·  {t('evaluated_at', lang).lower()} "
            f"{format_date(evaluation.at, lang)}",
            fontsize=12,
            color=MUTED,
            va="top",
        )
        handles = [
            Patch(color=colours[s], label=t(s, lang)) for s in ("on_track", "at_risk", "off_track")
        ]
        fig.legend(
            handles=handles,
            loc="upper right",
            bbox_to_anchor=(0.99, 1 - 0.2 / height),
            frameon=False,
            fontsize=11,
            ncol=3,
        )
    return fig


# -- reviews ------------------------------------------------------------------------------


def review_chart(evaluation: Evaluation, *, language: str | None = None) -> Figure:
    """The reviews over time: for each reviewed element (a row) and review date, a
    square for what the reviewer said and a dot for what the numbers said, coloured by
    status; a ring marks where they disagree."""
    import matplotlib
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.transforms import offset_copy

    lang = language or evaluation.plan.language
    reviews = evaluation.reviews()
    rows: list[str] = []
    for r in reviews:
        if r.element not in rows:
            rows.append(r.element)
    names = {e.id: e.name for e in evaluation.plan.elements()}
    with matplotlib.rc_context(_style()):
        height = max(3.6, 2.2 + 0.62 * len(rows))
        fig = _figure(12, height)
        top, bottom = 1 - 1.05 / height, 1.0 / height
        ax = fig.add_axes((0.34, bottom, 0.62, top - bottom))
        left_of = offset_copy(ax.transData, fig=fig, x=-7, y=0, units="points")
        right_of = offset_copy(ax.transData, fig=fig, x=7, y=0, units="points")
        for r in reviews:
            x, y = _dnum(r.date), rows.index(r.element)
            said = STATUS_COLOURS.get(r.status, MUTED)
            found = STATUS_COLOURS.get(r.computed or "not_measured", MUTED)
            ax.plot(x, y, "s", markersize=12, color=said, transform=left_of, zorder=3)
            ax.plot(x, y, "o", markersize=12, color=found, transform=right_of, zorder=3)
            if r.disagrees:
                ax.plot(
                    x,
                    y,
                    "o",
                    markersize=34,
                    markerfacecolor="none",
                    zorder=2,
                    markeredgecolor=STATUS_COLOURS["off_track"],
                    markeredgewidth=1.5,
                )
        ax.axvline(_dnum(evaluation.at), color=INK, linewidth=1.2)
        dates = [r.date for r in reviews] or [evaluation.at]
        first, last = min([*dates, evaluation.at]), max([*dates, evaluation.at])
        pad = dt.timedelta(days=max(45, (last - first).days // 10))
        ax.set_xlim(_dnum(first - pad), _dnum(last + pad))
        _date_axis(ax, lang, first, last)
        ax.set_yticks(
            range(len(rows)), [wrap_text(f"{e}  {names.get(e, e)}", 40) for e in rows], fontsize=11
        )
        ax.set_ylim(max(len(rows), 1) - 0.5, -0.5)
        ax.tick_params(axis="y", length=0)
        ax.spines["left"].set_visible(False)
        ax.grid(axis="y", color=theme.STRIPE_FILL, linewidth=14, zorder=0)
        if not rows:
            ax.text(0.5, 0, t("nobody", lang), ha="center", va="center", color=MUTED)
        fig.text(
            0.02,
            1 - 0.3 / height,
            t("reviews_chart_title", lang),
            fontsize=17,
            fontweight="bold",
            va="top",
        )
        fig.text(
            0.02,
            1 - 0.68 / height,
            f"{wrap_text(evaluation.plan.title, 200)}  ·  {t('evaluated_at', lang).lower()} "
            f"{format_date(evaluation.at, lang)}",
            fontsize=12,
            color=MUTED,
            va="top",
        )
        handles: list[Any] = [
            Line2D(
                [],
                [],
                marker="s",
                linestyle="none",
                color=MUTED,
                markersize=10,
                label=t("review_said", lang),
            ),
            Line2D(
                [],
                [],
                marker="o",
                linestyle="none",
                color=MUTED,
                markersize=10,
                label=t("numbers_said", lang),
            ),
            Line2D(
                [],
                [],
                marker="o",
                linestyle="none",
                markersize=14,
                markerfacecolor="none",
                markeredgecolor=STATUS_COLOURS["off_track"],
                label=t("disagrees", lang),
            ),
        ] + [
            Patch(color=STATUS_COLOURS[s], label=t(s, lang))
            for s in ("on_track", "at_risk", "off_track")
        ]
        fig.legend(
            handles=handles,
            loc="lower center",
            ncol=6,
            frameon=False,
            fontsize=10.5,
            bbox_to_anchor=(0.5, 0.0),
        )
    return fig
