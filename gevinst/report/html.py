"""The report as one self-contained, offline HTML page (``.html``).

The page holds, in the order of the council deck: the plan in short with key
figures; the interactive benefit map of :mod:`gevinst.render.html` (hover for details,
click to follow the chain, search); status tables of goals, objectives, benefits and
dis-benefits; indicators expected against realised; the stakeholder grid; the money;
for a plan with ranges, the uncertainty (S-curve, percentiles, the amounts that matter).
Charts are inline SVG from :mod:`gevinst.charts.results`. Everything is inline and a content
security policy forbids loading anything from elsewhere, so the file opens from an
e-mail attachment with no network. Print styles lay it out for A4 (print to PDF).

The page is the template ``templates/report.html.j2`` (style in ``report.css``), with
the map's parts shared with the map page. The functions here gather plain text and
numbers; the template escapes all of it (autoescape), and only SVG made by our own
writers passes as markup. The same plan gives the same bytes.

Examples:
    >>> import gevinst as gv
    >>> from gevinst.report import report_bytes
    >>> plan = gv.Plan.new("p", "Demo <b>")
    >>> _ = plan.add_goal("G1", "Mål & mening")
    >>> page = report_bytes(plan, "html").decode()
    >>> "<h1>Demo &lt;b&gt;</h1>" in page, "http://" in page
    (True, False)
"""

from __future__ import annotations

import base64
import re
from typing import TYPE_CHECKING, Any, NamedTuple

from markupsafe import Markup

import gevinst.theme as theme
from gevinst.analysis.evaluate import trend_text
from gevinst.render._templates import render_page

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from gevinst.layout.geometry import Layout
    from gevinst.render.html import MapUI
    from gevinst.report.content import ReportData, StatusRow

__all__ = ["html_report"]


class _Cell(NamedTuple):
    """A table cell: text, and the class and background (a CSS value) of a number or status."""

    text: str
    cls: str = ""
    fill: str = ""


class _Row(NamedTuple):
    cells: list[_Cell]
    attrs: tuple[tuple[str, str], ...] = ()  # data-* attributes of the <tr>


class _Table(NamedTuple):
    header: list[tuple[str, bool]]  # (heading, is a number column)
    rows: list[_Row]
    caption: str = ""
    #: On a phone each row becomes a card of "heading: value" lines (report.css), so
    #: that no column, such as the status, is out of sight to the right.
    stacked: bool = False


def _inline_svg(svg: str) -> Markup:
    """SVG for inside HTML: no XML prolog, DOCTYPE or namespace URLs (HTML knows SVG).

    Only SVG that gevinst wrote (our map writer, matplotlib's SVG backend) comes here:
    both escape every text, so it passes the template as markup.
    """
    start = svg.find("<svg")
    body = svg[start:]
    body = re.sub(r"<metadata>.*?</metadata>", "", body, flags=re.S)
    body = re.sub(r'\s+xmlns(?::xlink)?="[^"]*"', "", body, count=2)
    return Markup(body.strip())  # noqa: S704 - generated SVG, labels escaped by its writer


def _figure_svg(fig: Figure) -> Markup:
    from gevinst.charts.results import figure_bytes

    return _inline_svg(figure_bytes(fig, "svg").decode("utf-8"))


def _status_cell(data: ReportData, status: str | None, after: str = "") -> _Cell:
    if status is None:
        return _Cell(f"–{after}", "status")
    look = theme.STATUS_STYLES[status]
    fill = f"var(--status-{status.replace('_', '-')})"  # theme.css_variables, in :root
    return _Cell(f"{look.mark} {data.status_word(status)}{after}", "status", fill)


def _status_rows(data: ReportData, rows: list[StatusRow]) -> _Table:
    from gevinst.i18n.formats import format_percent

    dated = data.evaluation is not None
    # a benefit's owner is its gevinsteier (DFØ); other elements just have an owner
    owner = "benefit_owner" if rows and all(row.kind == "benefit" for row in rows) else "owner"
    header = [(data.word("id"), False), (data.word("name"), False), (data.word(owner), False)]
    if dated:
        header += [
            (data.word("status"), False),
            (data.word("score"), True),
            (data.word("since_last"), False),
        ]
    header.append((data.word("indicators"), False))
    body = []
    for row in rows:
        cells = [_Cell(row.id), _Cell(row.name), _Cell(row.owner or "–")]
        if dated:
            cells.append(_status_cell(data, row.status))
            cells.append(_Cell(format_percent(row.score, data.language), "num"))
            since = trend_text(row.trend, data.language, row.previous_status)
            cells.append(_Cell(since or "–", "trend"))
        cells.append(_Cell(", ".join(row.indicators) or "–"))
        body.append(_Row(cells, (("data-id", row.id),)))
    return _Table(header, body, stacked=True)


def _summary(data: ReportData) -> dict[str, Any]:
    from gevinst.i18n.formats import format_money

    plan = data.plan
    cards: list[tuple[str, str, str]] = [  # (value, label, the mark's colour or "")
        (str(len(plan.measures)), data.word("measures"), ""),
        (str(len(plan.benefits)), data.word("benefits"), ""),
    ]
    if data.has_money():
        dated = data.evaluation is not None
        net = data.money.net if dated else data.money.expected_net
        cards.append(
            (
                format_money(net, data.money.currency, data.language, True),
                data.word("net_realised" if dated else "net_expected"),
                "",
            )
        )
    counts: dict[str, int] = {}
    for row in data.status_rows(("benefit",)):
        if row.status:
            counts[row.status] = counts.get(row.status, 0) + 1
    for status in ("on_track", "at_risk", "off_track", "not_measured", "not_due"):
        if status in counts:
            mark = theme.STATUS_STYLES[status].mark
            colour = f"var(--status-{status.replace('_', '-')}-mark)"  # theme.css_variables
            cards.append((f"{mark} {counts[status]}", data.status_word(status), colour))
    return {
        "title": plan.title,
        "subtitle": data.subtitle,
        "description": plan.info.description,
        "cards": cards,
        "counts": data.counts(),
    }


def _map_section(data: ReportData) -> tuple[dict[str, Any], MapUI]:
    """The interactive map of :mod:`gevinst.render.html`: (the section, the map's parts)."""
    from gevinst.layout.options import MapOptions
    from gevinst.layout.request import MapRequest
    from gevinst.render import html as map_html
    from gevinst.render.svg import layout_svg

    options = MapOptions(evaluation=data.evaluation, language=data.language, theme=data.theme)
    request = MapRequest(data.plan, options)
    lay = request.layout()
    map_ui = map_html.MapUI(
        search=data.word("search"),
        hint=data.phrase("map_hint"),
        svg=_inline_svg(map_html.readable_svg(layout_svg(lay, standalone=False, look=data.theme))),
        facts=map_html.facts(data.plan, lay),
        label=data.phrase("map_part", name=lay.title),
        fit=data.word("map_fit"),
    )
    section = {
        "title": data.phrase("map_title"),
        "lead": data.phrase("map_lead"),
        "notes_title": lay.link_notes_title,
        "notes_lead": data.phrase("link_notes_lead"),
        "notes": _link_notes(data, lay),
    }
    return section, map_ui


def _link_notes(data: ReportData, lay: Layout) -> _Table | None:
    """The notes of the map's links as a table, numbered as on the map (none: None)."""
    if not lay.link_notes:
        return None
    header = [
        ("#", True),
        (data.phrase("from"), False),
        (data.phrase("to"), False),
        (data.word("note"), False),
    ]
    rows = [
        _Row(
            [
                _Cell(str(n.number), "num"),
                _Cell(f"{n.source} {data.name_of(n.source)}"),
                _Cell(f"{n.target} {data.name_of(n.target)}"),
                _Cell(n.note),
            ],
            (("data-source", n.source), ("data-target", n.target)),
        )
        for n in lay.link_notes
    ]
    return _Table(header, rows)


def _status_chart_alt(data: ReportData) -> str:
    """The status chart in words: how many benefits have each status."""
    counts = {"on_track": 0, "at_risk": 0, "off_track": 0, "other": 0}
    for row in data.status_rows(("benefit",)):
        key = row.status if row.status in counts else "other"
        counts[str(key)] += 1
    return data.phrase(
        "status_chart_alt",
        on=counts["on_track"],
        risk=counts["at_risk"],
        off=counts["off_track"],
        other=counts["other"],
    )


def _status_section(data: ReportData) -> dict[str, Any]:
    from gevinst.charts.results import status_chart

    if data.evaluation is None:
        lead, chart = data.phrase("not_evaluated"), None
    else:
        lead = f"{data.word('score_explained')}."
        chart = _labelled_svg(
            _figure_svg(status_chart(data.evaluation, language=data.language, look=data.theme)),
            _status_chart_alt(data),
        )
    tables = []
    for kind, plural in (
        ("goal", "goals"),
        ("objective", "objectives"),
        ("benefit", "benefits"),
        ("disbenefit", "disbenefits"),
    ):
        rows = data.status_rows((kind,))
        if rows:
            tables.append((data.word(plural), _status_rows(data, rows)))
    return {
        "title": data.phrase("status_title"),
        "lead": lead,
        "chart_svg": chart,
        "tables": tables,
    }


def _indicator_section(data: ReportData) -> dict[str, Any] | None:
    from gevinst.charts.results import indicator_chart

    rows = data.indicator_rows()
    if not rows:
        return None
    dated = data.evaluation is not None
    header = [
        (data.word("id"), False),
        (data.word("indicator"), False),
        (data.word("unit"), False),
        (data.word("baseline"), True),
    ]
    if dated:
        header += [(data.word("expected"), True), (data.word("realised"), True)]
    header.append((data.word("target"), True))
    if dated:
        header.append((data.word("status"), False))
    body = []
    for row in rows:
        target = data.number(row.target)
        if row.target_date:
            target += f" ({row.target_date.isoformat()})"
        cells = [
            _Cell(row.id),
            _Cell(row.name),
            _Cell(row.unit or "–"),
            _Cell(data.number(row.baseline), "num"),
        ]
        if dated:
            realised = data.number(row.realised)
            if row.realised_date:
                realised += f" ({row.realised_date.isoformat()})"
            cells += [_Cell(data.number(row.expected), "num"), _Cell(realised, "num")]
        cells.append(_Cell(target, "num"))
        if dated:
            cells.append(_status_cell(data, row.status))
        body.append(_Row(cells))
    charts = []
    if data.evaluation is not None:
        evaluation, lang = data.evaluation, data.language
        charts = [
            _labelled_svg(
                _figure_svg(indicator_chart(evaluation, r.id, language=lang, look=data.theme)),
                data.phrase(
                    "indicator_chart_alt",
                    id=r.id,
                    name=r.name,
                    baseline=data.number(r.baseline),
                    target=data.number(r.target),
                    realised=data.number(r.realised),
                    status=data.status_word(r.status),
                ),
            )
            for r in data.key_indicators()
        ]
    return {
        "title": data.phrase("indicators_title"),
        "table": _Table(header, body),
        "chart_svgs": charts,
    }


def _review_section(data: ReportData) -> dict[str, Any] | None:
    rows = data.review_rows()
    if not rows:
        return None
    header = [
        (data.word("date"), False),
        (data.word("element"), False),
        (data.word("by"), False),
        (data.word("review_said"), False),
        (data.word("numbers_said"), False),
        (data.word("comment"), False),
    ]
    body = []
    for row in rows:
        said = row.status if row.status in theme.STATUS_STYLES else None
        cells = [
            _Cell(row.date.isoformat()),
            _Cell(f"{row.element} {row.name}"),
            _Cell(row.by or "–"),
            _status_cell(data, said) if said else _Cell(data.status_word(row.status)),
            _status_cell(data, row.computed, " ≠" if row.disagrees else ""),
            _Cell(row.comment or "–"),
        ]
        body.append(_Row(cells))
    optimistic = sum(1 for row in rows if row.optimistic)
    lead = f"{data.phrase('reviews_lead')} " + data.phrase(
        "reviews_optimistic", n=optimistic, total=len(rows)
    )
    return {"title": data.phrase("reviews_title"), "lead": lead, "table": _Table(header, body)}


def _stakeholder_section(data: ReportData) -> dict[str, Any] | None:
    from gevinst.charts.results import stakeholder_chart

    if not data.plan.stakeholders:
        return None
    return {
        "title": data.phrase("stakeholder_title"),
        "grid_svg": _labelled_svg(
            _figure_svg(stakeholder_chart(data.plan, language=data.language, look=data.theme)),
            data.phrase("stakeholder_chart_alt", n=len(data.plan.stakeholders)),
        ),
        "quadrants": [
            (data.word(key), [r.name for r in rows]) for key, rows in data.quadrants().items()
        ],
        "nobody": data.word("nobody"),
    }


def _money_section(data: ReportData) -> dict[str, Any]:
    from gevinst.charts.results import money_chart
    from gevinst.i18n.formats import format_money, format_money_range

    title = data.phrase("money_title")
    if not data.has_money():
        return {"title": title, "lead": data.phrase("no_money"), "table": None}
    dated = data.evaluation is not None
    currency = data.money.currency
    ranged = data.money.ranged
    header = [(data.word("item_col"), False), (data.phrase("expected_col"), True)]
    if ranged:
        header.append((data.phrase("range_col"), True))
    if dated:
        header.append((data.phrase("realised_col"), True))
    if data.money.adjusted is not None:
        header.append((data.phrase("adjusted_expected_col"), True))
        if dated:
            header.append((data.phrase("adjusted_realised_col"), True))
    body = []
    for row in data.money_table():
        cells = [
            _Cell(row.label),
            _Cell(format_money(row.expected, currency, data.language), "num"),
        ]
        if ranged:
            text = "–"
            if row.low is not None and row.high is not None:
                text = format_money_range(row.low, row.high, currency, data.language)
            cells.append(_Cell(text, "num"))
        for value in (row.realised, row.adjusted_expected, row.adjusted_realised):
            if value is not None:
                cells.append(_Cell(format_money(value, currency, data.language), "num"))
        body.append(_Row(cells))
    notes = [data.phrase("range_note")] if ranged else []
    label = data.optimism_label()
    if label is not None:
        notes.append(data.phrase("optimism_note", adjusted=label))
    basis = f"{data.money_basis()} {data.phrase('money_lead')}" if dated else data.money_basis()
    chart = None
    if dated and data.evaluation is not None and data.money.lines:
        chart = _labelled_svg(
            _figure_svg(money_chart(data.evaluation, language=data.language, look=data.theme)),
            data.phrase("money_chart_alt"),
        )
    return {
        "title": title,
        "lead": basis,
        "note": " ".join(notes),
        "table": _Table(header, body),
        "years": _years_table(data),
        "chart_svg": chart,
    }


def _years_table(data: ReportData) -> _Table:
    """The money year by year (:meth:`ReportData.money_years`), with a caption."""
    from gevinst.i18n.formats import format_money, format_number

    currency = data.money.currency
    header = [(data.word("year"), False), (data.word("period"), False)]
    header.append((data.phrase("expected_col"), True))
    if data.evaluation is not None:
        header.append((data.phrase("realised_col"), True))
    header += [(data.word("costs"), True), (data.word("net"), True)]
    header += [(data.word("discount_factor"), True), (data.word("discounted_net"), True)]
    body = []
    for year in data.money_years():
        amounts = [year.expected, year.realised, year.costs, year.net]
        cells = [_Cell(year.label), _Cell(data.period(year))]
        cells += [
            _Cell(format_money(value, currency, data.language), "num")
            for value in amounts
            if value is not None
        ]
        factor = "" if year.factor is None else format_number(year.factor, data.language, 4)
        cells.append(_Cell(factor, "num"))
        cells.append(_Cell(format_money(year.discounted, currency, data.language), "num"))
        body.append(_Row(cells))
    return _Table(header, body, data.phrase("year_by_year"))


def _labelled_svg(svg: Markup, label: str) -> Markup:
    """An inline SVG chart announced as one image with ``label`` as its text alternative."""
    from markupsafe import escape

    tag = f'<svg role="img" aria-label="{escape(label)}"'
    return Markup(str(svg).replace("<svg", tag, 1))  # noqa: S704 - our SVG, label escaped


def _uncertainty_section(data: ReportData) -> dict[str, Any] | None:
    """The simulation (a plan with ranges only): what it says in sentences, the S-curve,
    the percentiles of benefits, costs and net, and the amounts that matter most."""
    from gevinst.charts.uncertainty import chance_text, s_curve, tornado
    from gevinst.i18n.formats import format_money

    sim = data.simulation()
    if sim is None:
        return None
    lang, currency = data.language, sim.currency

    def money(value: float, millions: bool = False) -> str:
        return format_money(value, currency, lang, millions)

    header = [(data.word("item_col"), False), (data.word("planned_col"), True)]
    header += [(f"P{p}", True) for p in (10, 50, 85, 90)] + [(data.word("mean"), True)]
    body = [
        _Row(
            [_Cell(row.label)]
            + [
                _Cell(money(value), "num")
                for value in (row.planned, row.p10, row.p50, row.p85, row.p90, row.mean)
            ],
            (("data-of", row.of),),
        )
        for row in data.uncertainty_rows()
    ]
    caption = data.phrase("unc_table_caption", runs=data.number(sim.runs))
    drivers = data.drivers()
    driver_header = [
        (data.word("id"), False),
        (data.word("name"), False),
        (data.word("amount_field"), False),
        (data.word("net_if_low"), True),
        (data.word("net_if_high"), True),
        (data.word("swing"), True),
    ]
    driver_rows = [
        _Row(
            [
                _Cell(d.id),
                _Cell(d.name),
                _Cell(data.field_word(d.field)),
                _Cell(money(d.low), "num"),
                _Cell(money(d.high), "num"),
                _Cell(money(d.swing), "num"),
            ],
            (("data-id", d.id), ("data-field", d.field)),
        )
        for d in drivers
    ]
    alt = data.phrase(
        "unc_scurve_alt",
        p10=money(sim.percentile(10), True),
        p50=money(sim.percentile(50), True),
        p85=money(sim.percentile(85), True),
        p90=money(sim.percentile(90), True),
        planned=money(sim.planned["net"], True),
        negative=chance_text(sim.probability_below(0.0), lang),
    )
    tornado_svg = None
    if drivers:
        tornado_alt = f"{data.phrase('tornado_title')}. {data.phrase('tornado_basis')}"
        tornado_svg = _labelled_svg(_figure_svg(tornado(sim, lang, look=data.theme)), tornado_alt)
    return {
        "title": data.word("uncertainty"),
        "sentences": data.uncertainty_sentences(),
        "meanings": [data.phrase("unc_p50_means"), data.phrase("unc_p85_means")],
        "scurve_svg": _labelled_svg(_figure_svg(s_curve(sim, lang, look=data.theme)), alt),
        "table": _Table(header, body, caption),
        "drivers_title": data.phrase("unc_drivers_caption"),
        "tornado_svg": tornado_svg,
        "drivers": _Table(driver_header, driver_rows) if driver_rows else None,
        "basis": data.uncertainty_basis(),
    }


def _logo(data: ReportData) -> dict[str, str] | None:
    """The theme's logo for the page's header: a ``data:`` address (the page loads
    nothing from elsewhere) and its alternative text; ``None`` without a logo."""
    logo = data.theme.logo
    if logo is None:
        return None
    name = data.theme.name
    alt = data.phrase("logo_of", name=name) if name else data.word("logo")
    encoded = base64.b64encode(logo.data).decode("ascii")
    return {"src": f"data:{logo.media_type};base64,{encoded}", "alt": alt}


def _risk_section(data: ReportData) -> dict[str, Any] | None:
    """Each benefit's risk profile and gevinstrealiseringstiltak (none given: no section)."""
    table = data.risk_table()
    if not table.rows:
        return None
    header = [(heading, False) for heading in table.header]
    body = [_Row([_Cell(text) for text in row.cells], (("data-id", row.id),)) for row in table.rows]
    return {"title": data.word("risk_profile"), "table": _Table(header, body)}


def html_report(data: ReportData) -> bytes:
    """The HTML report as UTF-8 bytes (the writer of ``.html``)."""
    map_section, map_ui = _map_section(data)
    reviews = _review_section(data)
    risks = _risk_section(data)
    uncertainty = _uncertainty_section(data)
    nav = [
        ("map", data.phrase("map_title")),
        ("status", data.phrase("status_title")),
        *([("risks", data.word("risk_profile"))] if risks else []),
        ("indicators", data.phrase("indicators_title")),
        *([("reviews", data.phrase("reviews_title"))] if reviews else []),
        ("stakeholders", data.phrase("stakeholder_title")),
        ("money", data.phrase("money_title")),
        *([("uncertainty", data.word("uncertainty"))] if uncertainty else []),
    ]
    return render_page(
        "report.html.j2",
        data.theme,
        logo=_logo(data),
        lang=data.language,
        title=data.plan.title,
        kind=data.phrase("report"),
        contents=data.word("contents"),
        summary=_summary(data),
        nav=nav,
        map_section=map_section,
        map_ui=map_ui,
        status=_status_section(data),
        risks=risks,
        indicators=_indicator_section(data),
        reviews=reviews,
        stakeholders=_stakeholder_section(data),
        money=_money_section(data),
        uncertainty=uncertainty,
    )
