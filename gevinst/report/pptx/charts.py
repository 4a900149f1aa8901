"""The native charts of the council deck: one XY chart per key indicator (expected
trajectory, measurements, targets; dates on the x axis as Excel day numbers, so the
data stays editable in PowerPoint), the money slide (a table and a column chart) and,
for a plan with ranges, the uncertainty slide (the S-curve of
:func:`gevinst.charts.uncertainty.s_curve` as a picture, and what it says in words).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import gevinst.theme as theme
from gevinst.report.pptx.base import (
    _ACCENT,
    _INK,
    _MUTED,
    SLIDE_W,
    _emu,
    _font,
    _new_slide,
    _one_line,
    _pt,
    _rgb,
    _status_text,
    _table,
    _textbox,
)
from gevinst.report.pptx.map import FONT

if TYPE_CHECKING:
    from gevinst.report.content import IndicatorRow, ReportData

__all__ = ["SCURVE_WIDTH", "indicator_chart_slides", "money_slide", "uncertainty_slide"]

#: The width of the S-curve on the uncertainty slide, in inches: the figure is drawn at
#: the size it is placed at, so its text (12 pt and more) is that size on the slide.
SCURVE_WIDTH = 8.3


def _excel_day(day: dt.date) -> float:
    return float((day - dt.date(1899, 12, 30)).days)


def _indicator_chart(
    slide: Any, data: ReportData, row: IndicatorRow, box: tuple[float, ...]
) -> None:
    from pptx.chart.data import XyChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_MARKER_STYLE

    spec = data.evaluation.plan_indicator(row.id) if data.evaluation else None
    assert spec is not None and spec.baseline is not None and data.at is not None
    points = [(spec.baseline.date, spec.baseline.value)]
    points += sorted((x.date, x.value) for x in spec.targets)
    end = max(points[-1][0], data.at)
    expected = [*points, (end, points[-1][1])] if end > points[-1][0] else points
    colour = data.theme.status_colours.get(row.status or "", _INK)
    # (name, points, colour, dash, marker); the longest series goes first, because
    # LibreOffice drops a first XY series that is shorter than a later one
    series_specs = [
        (data.word("expected_path"), expected, _MUTED, "dash", XL_MARKER_STYLE.NONE),
        (
            data.word("measured"),
            [(m.date, m.value) for m in row.measurements],
            colour,
            None,
            XL_MARKER_STYLE.CIRCLE,
        ),
        (
            data.word("targets"),
            [(x.date, x.value) for x in spec.targets],
            _ACCENT,
            None,
            XL_MARKER_STYLE.DIAMOND,
        ),
    ]
    values = [v for _, points_, _, _, _ in series_specs for _, v in points_]
    low, high = min(0.0, *values), max(values)
    series_specs.append(  # a vertical line at the evaluation date
        (
            data.word("evaluation_date"),
            [(data.at, low), (data.at, high)],
            _INK,
            None,
            XL_MARKER_STYLE.NONE,
        )
    )
    series_specs.sort(key=lambda spec_: -len(spec_[1]))
    chart_data = XyChartData()  # type: ignore[no-untyped-call]
    for name, points_, _, _, _ in series_specs:
        series = chart_data.add_series(name)  # type: ignore[no-untyped-call]
        for day, value in points_:
            series.add_data_point(_excel_day(day), value)
    left, top, width, height = box
    frame = slide.shapes.add_chart(
        XL_CHART_TYPE.XY_SCATTER_LINES, *(_emu(v) for v in box), chart_data
    )
    frame.name = f"chart {row.id}"
    chart = frame.chart
    chart.font.size = _pt(12)
    chart.font.name = FONT
    chart.has_title = True
    chart.chart_title.text_frame.text = _one_line(row.name)
    _font(chart.chart_title.text_frame.paragraphs[0].runs[0], 14, True, theme.HEADING_COLOUR)
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    for plot_series, (_, _, tint, dash, marker) in zip(
        chart.plots[0].series, series_specs, strict=True
    ):
        plot_series.smooth = False
        line = plot_series.format.line
        if marker == XL_MARKER_STYLE.DIAMOND:
            line.fill.background()
        else:
            line.color.rgb = _rgb(tint)
            line.width = _emu(1.0 if tint == _INK else 2.25)
            if dash:
                from pptx.oxml.ns import qn

                ln = line._get_or_add_ln()
                ln.append(ln.makeelement(qn("a:prstDash"), {"val": dash}))
        plot_series.marker.style = marker
        if marker != XL_MARKER_STYLE.NONE:
            plot_series.marker.size = 8
            plot_series.marker.format.fill.solid()
            plot_series.marker.format.fill.fore_color.rgb = _rgb(tint)
            plot_series.marker.format.line.color.rgb = _rgb(tint)
    days = [d for d, _ in expected] + [m.date for m in row.measurements] + [data.at]
    first, last = min(days), max(days)
    x_axis = chart.category_axis
    # ticks every 365.25 days from 1 January + 1 day land on 1 or 2 January each year
    x_axis.minimum_scale = _excel_day(dt.date(first.year, 1, 1)) + 1
    x_axis.maximum_scale = _excel_day(dt.date(last.year + 1, 1, 1)) + 1
    x_axis.major_unit = 365.25
    x_axis.tick_labels.number_format = "yyyy"
    x_axis.tick_labels.number_format_is_linked = False
    x_axis.has_major_gridlines = False
    y_axis = chart.value_axis
    y_axis.has_major_gridlines = True
    y_axis.major_gridlines.format.line.color.rgb = _rgb(theme.GRID_COLOUR)
    y_axis.tick_labels.number_format = (
        "0" if all(float(v).is_integer() for _, v in expected) else "0.0"
    )
    y_axis.tick_labels.number_format_is_linked = False
    if row.unit:
        y_axis.has_title = True
        y_axis.axis_title.text_frame.text = _one_line(row.unit)
        _font(y_axis.axis_title.text_frame.paragraphs[0].runs[0], 12, False, _MUTED)
    caption = _indicator_caption(data, row)
    alt = data.phrase("deck_chart_alt", name=_one_line(row.name), caption=caption)
    frame._element.nvGraphicFramePr.cNvPr.set("descr", alt)
    _textbox(slide, (left, top + height + 2, width, 40), [(caption, 12, False, _MUTED)], "caption")


def _indicator_caption(data: ReportData, row: IndicatorRow) -> str:
    unit = f" {row.unit}" if row.unit else ""
    parts = [f"{data.word('baseline')} {data.number(row.baseline)}{unit}"]
    if row.target is not None and row.target_date is not None:
        parts.append(f"{data.word('target')} {data.number(row.target)} ({row.target_date.year})")
    if row.realised is not None and row.realised_date is not None:
        measured = data.phrase("measured_on", date=data.date(row.realised_date))
        parts.append(f"{data.number(row.realised)} {measured}")
    parts.append(_status_text(data, row.status))
    return " · ".join(parts)


def _indicator_notes(data: ReportData, row: IndicatorRow) -> str:
    unit = f" {row.unit}" if row.unit else ""
    key = "deck_indicator_lower" if row.direction == "decrease" else "deck_indicator_higher"
    return data.phrase(
        key,
        name=row.name,
        baseline=f"{data.number(row.baseline)}{unit}",
        target=f"{data.number(row.target)}{unit}",
        expected=f"{data.number(row.expected)}{unit}",
        realised=f"{data.number(row.realised)}{unit}",
        status=data.status_word(row.status).lower(),
    )


def _indicator_chart_slides(prs: Any, data: ReportData, main: bool = False) -> None:
    """Charts of the key indicators, two a slide; ``main``: one slide, the two furthest
    behind (the deck's main story)."""
    if data.evaluation is None:
        return
    rows = data.key_indicators(2) if main else data.key_indicators()
    pairs = [rows[i : i + 2] for i in range(0, len(rows), 2)]
    for number, pair in enumerate(pairs, start=1):
        title = data.phrase("indicators_title")
        if len(pairs) > 1:
            title += f" ({number}/{len(pairs)})"
        notes = " ".join(_indicator_notes(data, row) for row in pair)
        if len(data.indicator_rows()) > len(rows) and number == len(pairs):
            notes += " " + data.phrase("more_indicators")
        slide = _new_slide(prs, data, title, notes)
        width = (SLIDE_W - 56 - 24) / 2
        for index, row in enumerate(pair):
            _indicator_chart(slide, data, row, (28 + index * (width + 24), 72, width, 380))


def _money_slide(prs: Any, data: ReportData) -> None:
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION

    from gevinst.i18n.formats import format_money, format_number

    if not data.has_money():
        return
    rows = data.money_rows()
    dated = data.evaluation is not None
    currency = data.money.currency
    header = ["", data.phrase("expected_col")] + ([data.phrase("realised_col")] if dated else [])
    body = []
    for label, expected, realised in rows:
        line = [label, format_money(expected, currency, data.language, True)]
        if realised is not None:
            line.append(format_money(realised, currency, data.language, True))
        body.append(line)
    net_value = data.money.net if dated else data.money.expected_net
    notes = data.phrase(
        "deck_money_notes",
        basis=data.money_basis(),
        net=format_money(net_value, currency, data.language, True),
    )
    slide = _new_slide(prs, data, data.phrase("money_title"), notes)
    _table(
        slide,
        (28, 84, 400, 200),
        header,
        body,
        [1.6, 1.3] + ([1.3] if dated else []),
        right={1, 2},
        size=14,
    )
    _textbox(
        slide,
        (28, 84 + 5 * 29.4 + 16, 400, 80),
        [(data.money_basis(), 12, False, _MUTED)],
        "money basis",
    )
    chart_data = CategoryChartData(number_format="0.0")  # type: ignore[no-untyped-call]
    chart_data.categories = [label for label, _, _ in rows]
    add = chart_data.add_series
    add(data.phrase("expected_col"), [round(e / 1e6, 1) for _, e, _ in rows])  # type: ignore[no-untyped-call]
    if dated:
        realised_values = [round((r or 0) / 1e6, 1) for _, _, r in rows]
        add(data.phrase("realised_col"), realised_values)  # type: ignore[no-untyped-call]
    frame = slide.shapes.add_chart(
        XL_CHART_TYPE.COLUMN_CLUSTERED, _emu(450), _emu(70), _emu(482), _emu(400), chart_data
    )
    frame.name = "chart money"
    said = "; ".join(
        f"{label}: {format_number(e / 1e6, data.language, 1)}"
        + ("" if r is None else f" / {format_number(r / 1e6, data.language, 1)}")
        for label, e, r in rows
    )
    frame._element.nvGraphicFramePr.cNvPr.set("descr", data.phrase("deck_money_alt", values=said))
    chart = frame.chart
    chart.font.size = _pt(12)
    chart.font.name = FONT
    chart.has_title = True
    unit = data.phrase("millions") if currency == "NOK" else f"{currency} mill."
    chart.chart_title.text_frame.text = data.phrase("present_value_in", unit=unit)
    _font(chart.chart_title.text_frame.paragraphs[0].runs[0], 14, True, theme.HEADING_COLOUR)
    chart.has_legend = dated
    if dated:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    plot = chart.plots[0]
    plot.gap_width = 60
    plot.has_data_labels = True
    plot.data_labels.number_format = "0.0"
    plot.data_labels.number_format_is_linked = False
    plot.data_labels.font.size = _pt(12)
    from pptx.enum.chart import XL_LABEL_POSITION, XL_TICK_LABEL_POSITION

    plot.data_labels.position = XL_LABEL_POSITION.OUTSIDE_END
    for series, colour in zip(plot.series, (theme.ACCENT_PALE, _ACCENT), strict=False):
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = _rgb(colour)
        series.invert_if_negative = False
        # Each label is the formatter's text, not a number format that the viewer's
        # locale would write as 78.8 beside the table's 78,8.
        for index, value in enumerate(series.values):
            label = series.points[index].data_label
            label.text_frame.text = format_number(value, data.language, 1)
            label.text_frame.paragraphs[0].runs[0].font.size = _pt(12)
            label.position = XL_LABEL_POSITION.OUTSIDE_END
    chart.category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    chart.value_axis.has_major_gridlines = True
    chart.value_axis.major_gridlines.format.line.color.rgb = _rgb(theme.GRID_COLOUR)
    chart.value_axis.tick_labels.number_format = "0"
    chart.value_axis.tick_labels.number_format_is_linked = False
    _money_adjusted_slide(prs, data)
    _years_slide(prs, data)


def _money_adjusted_slide(prs: Any, data: ReportData) -> None:
    """The money table again with its ranges and its figures adjusted for optimism bias
    beside the planned ones (never instead); only for a plan that has either."""
    from gevinst.i18n.formats import format_money, format_money_range

    money = data.money
    ranged, adjusted = money.ranged, money.adjusted is not None
    if not ranged and not adjusted:
        return
    dated = data.evaluation is not None
    currency = data.money.currency

    def amount(value: float) -> str:
        return format_money(value, currency, data.language, True)

    header = ["", data.phrase("expected_col")]
    widths = [1.5, 1.35]
    if ranged:
        header.append(data.phrase("range_col"))
        widths.append(2.0)
    if dated:
        header.append(data.phrase("realised_col"))
        widths.append(1.35)
    if adjusted:
        header.append(data.phrase("adjusted_expected_col"))
        widths.append(1.45)
        if dated:
            header.append(data.phrase("adjusted_realised_col"))
            widths.append(1.45)
    body = []
    for row in data.money_table():
        line = [row.label, amount(row.expected)]
        if ranged:
            line.append(
                "–"
                if row.low is None or row.high is None
                else format_money_range(row.low, row.high, currency, data.language, True)
            )
        for value in (row.realised, row.adjusted_expected, row.adjusted_realised):
            if value is not None:
                line.append(amount(value))
        body.append(line)
    notes = [data.phrase("range_note")] if ranged else []
    label = data.optimism_label()
    if label is not None:
        notes.append(data.phrase("optimism_note", adjusted=label))
    title = "money_adjusted_title" if ranged and adjusted else "money_ranges_title"
    if not ranged:
        title = "money_optimism_title"
    slide = _new_slide(prs, data, data.phrase(title), " ".join([data.money_basis(), *notes]))
    shape = _table(
        slide,
        (28, 84, min(SLIDE_W - 56, 100 * sum(widths)), 200),  # 1 = 100 pt: 14 pt text fits
        header,
        body,
        widths,
        right=set(range(1, len(header))),
        size=14,
    )
    shape.name = "table money adjusted"
    _textbox(
        slide,
        (28, 84 + 5 * 14 * 2.1 + 24, SLIDE_W - 56, 160),
        [(text, 14, False, _MUTED) for text in [*notes, data.money_basis()]],
        "money adjusted notes",
    )


#: Years shown one by one on the deck's year slide; later years share one row.
DECK_YEARS = 10


def _years_slide(prs: Any, data: ReportData) -> None:
    """The money year by year: the first :data:`DECK_YEARS` years, the rest summed in
    one row, then the present values; amounts in millions, text 14 pt."""
    from gevinst.i18n.formats import format_money, format_number

    dated = data.evaluation is not None
    currency = data.money.currency
    rows = data.money_years(first=DECK_YEARS)

    def amount(value: float) -> str:  # in millions, the unit said below the table
        return format_number(value / 1e6, data.language, 1)

    header = [data.word("year"), data.word("period"), data.phrase("expected_col")]
    header += [data.phrase("realised_col")] if dated else []
    header += [data.word("costs"), data.word("net")]
    header += [data.word("discount_factor"), data.word("discounted_net")]
    body = []
    for row in rows:
        line = [row.label, data.period(row), amount(row.expected)]
        if row.realised is not None:
            line.append(amount(row.realised))
        line += [amount(row.costs), amount(row.net)]
        line.append("" if row.factor is None else format_number(row.factor, data.language, 4))
        line.append(amount(row.discounted))
        body.append(line)
    net = format_money(rows[-1].discounted, currency, data.language, True)
    notes = data.phrase("deck_years_notes", net=net)
    slide = _new_slide(prs, data, data.phrase("year_by_year"), notes)
    widths = [1.25, 1.2, 1.3] + ([1.3] if dated else []) + [1.3, 1.15, 1.95, 1.75]
    shape = _table(
        slide,
        (28, 84, SLIDE_W - 56, 400),
        header,
        body,
        widths,
        right=set(range(2, len(header))),
        size=14,
    )
    shape.name = "table years"
    unit = data.phrase("millions") if currency == "NOK" else f"{currency} mill."
    _textbox(
        slide,
        (28, 84 + (len(body) + 1) * 14 * 2.1 + 8, 600, 24),
        [(data.phrase("amounts_in", unit=unit), 12, False, _MUTED)],
        "years unit",
    )


def uncertainty_slide(prs: Any, data: ReportData) -> None:
    """The uncertainty in net present value (no ranges in the plan: no slide): the
    S-curve as a picture with alternative text, and beside it what it says in plain
    sentences, then the amounts that matter most. Text 12 pt and more."""
    import io

    from gevinst.charts.figure import figure_bytes
    from gevinst.charts.uncertainty import chance_text, s_curve
    from gevinst.i18n.formats import format_money

    sim = data.simulation()
    if sim is None:
        return

    def money(value: float) -> str:
        return format_money(value, sim.currency, data.language, True)

    drivers = data.drivers(3)
    named = ", ".join(f"{_one_line(d.name)} ({data.field_word(d.field).lower()})" for d in drivers)
    said = data.phrase("unc_drivers", names=named) if drivers else ""
    notes = data.phrase("deck_uncertainty_notes", drivers=said)
    slide = _new_slide(prs, data, data.phrase("uncertainty_title"), notes)
    figure = s_curve(sim, data.language, width=SCURVE_WIDTH, look=data.theme)
    width, height = (72 * inches for inches in figure.get_size_inches())
    png = figure_bytes(figure, "png", dpi=150)
    # placed at the figure's own size (1 in = 72 pt), so its 12 pt text stays 12 pt
    picture = slide.shapes.add_picture(
        io.BytesIO(png), _emu(20), _emu(66), _emu(width), _emu(height)
    )
    picture.name = "chart uncertainty"
    alt = data.phrase(
        "unc_scurve_alt",
        p10=money(sim.percentile(10)),
        p50=money(sim.percentile(50)),
        p85=money(sim.percentile(85)),
        p90=money(sim.percentile(90)),
        planned=money(sim.planned["net"]),
        negative=chance_text(sim.probability_below(0.0), data.language),
    )
    picture._element.nvPicPr.cNvPr.set("descr", alt)
    lines: list[tuple[str, float, bool, str]] = [
        (text, 15, index == 0, _INK) for index, text in enumerate(data.uncertainty_sentences())
    ]
    if said:
        lines.append((said, 14, False, _INK))
    lines.append((data.uncertainty_basis(), 12, False, _MUTED))
    left = 20 + width + 14
    _textbox(slide, (left, 74, SLIDE_W - left - 24, 420), lines, "uncertainty in words")


indicator_chart_slides = _indicator_chart_slides
money_slide = _money_slide
