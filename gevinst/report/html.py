"""The report as one self-contained, offline HTML page (``.html``).

The page holds, in the order of the council deck: the plan in short with key
figures; the interactive benefit map of :mod:`gevinst.render.html` (hover for details,
click to follow the chain, search); status tables of goals, objectives, benefits and
dis-benefits; indicators expected against realised; the stakeholder grid; the money.
Charts are inline SVG from :mod:`gevinst.charts.results`. Everything is inline and a content
security policy forbids loading anything from elsewhere, so the file opens from an
e-mail attachment with no network. Print styles lay it out for A4 (print to PDF).

All text is HTML-escaped; the same plan gives the same bytes.

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

import re
from html import escape
from typing import TYPE_CHECKING

from gevinst import theme

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from gevinst.layout.geometry import Layout
    from gevinst.report.content import ReportData, StatusRow

__all__ = ["html_report"]

_CSS = """
.report { max-width: 1180px; margin: 0 auto; padding: 16px 24px 48px; line-height: 1.45; }
.report h1 { font-size: 30px; margin: 12px 0 2px; color: #24313F; }
.report h2 { font-size: 22px; margin: 36px 0 10px; color: #24313F;
  border-bottom: 2px solid #0072B2; padding-bottom: 4px; }
.report h3 { font-size: 17px; margin: 22px 0 8px; color: #24313F; }
.report .subtitle { color: #4D4D4D; font-size: 17px; margin: 0 0 10px; }
.report .muted { color: #4D4D4D; }
.report nav { margin: 10px 0 0; font-size: 15px; }
.report nav a { margin-right: 14px; color: #0072B2; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 14px 0; }
.card { flex: 1 1 100px; background: #F4F6F8; border: 1px solid #D0D6DC; border-radius: 8px;
  padding: 10px 14px; }
.card .value { font-size: 28px; font-weight: bold; }
.card.wide { flex: 2 1 190px; }
.card .label { color: #4D4D4D; }
table.data { border-collapse: collapse; width: 100%; margin: 6px 0 14px; font-size: 14px; }
table.data th { background: #24313F; color: #FFFFFF; text-align: left; padding: 5px 8px; }
table.data td { padding: 4px 8px; border-bottom: 1px solid #E1E5EA; vertical-align: top; }
table.data tr:nth-child(even) td { background: #F7F8FA; }
table.data td.num, table.data th.num { text-align: right; white-space: nowrap; }
table.data td.status { white-space: nowrap; }
#money table.data { max-width: 720px; }
.chart svg, .figure svg { max-width: 100%; height: auto; display: block; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 16px; }
.quadrants { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 24px; }
.quadrants ul { margin: 4px 0 8px; padding-left: 20px; }
#map header { position: static; border: 1px solid #D5DBE2; border-radius: 6px 6px 0 0; }
#map main { border: 1px solid #D5DBE2; border-top: none; border-radius: 0 0 6px 6px; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  .report { max-width: none; padding: 0; }
  .report nav, #map header, #tooltip { display: none !important; }
  #map main { border: none; overflow: visible; padding: 0; }
  #map main svg { max-height: 165mm; max-width: 100%; width: auto; height: auto; }
  .report h2 { break-before: page; break-after: avoid; margin-top: 0; }
  .report h3 { break-after: avoid; }
  .chart, .figure, table.data tr, .card, #map main { break-inside: avoid; }
  .figure svg { max-height: 160mm; width: auto; max-width: 100%; }
  .charts { grid-template-columns: 1fr 1fr; gap: 8px; }
  table.data th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  td.status, .card { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _inline_svg(svg: str) -> str:
    """SVG for inside HTML: no XML prolog, DOCTYPE or namespace URLs (HTML knows SVG)."""
    start = svg.find("<svg")
    body = svg[start:]
    body = re.sub(r"<metadata>.*?</metadata>", "", body, flags=re.S)
    body = re.sub(r'\s+xmlns(?::xlink)?="[^"]*"', "", body, count=2)
    return body.strip()


def _figure_svg(fig: Figure) -> str:
    from gevinst.charts.results import figure_bytes

    return _inline_svg(figure_bytes(fig, "svg").decode("utf-8"))


def _status_cell(data: ReportData, status: str | None) -> str:
    if status is None:
        return '<td class="status">–</td>'
    look = theme.STATUS_STYLES[status]
    text = f"{look.mark} {data.status_word(status)}"
    return f'<td class="status" style="background:{look.fill}">{_e(text)}</td>'


def _table(header: list[tuple[str, bool]], rows: list[str]) -> str:
    head = "".join(f"<th{' class=num' if num else ''}>{_e(h)}</th>" for h, num in header)
    return (
        f'<table class="data"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def _status_rows(data: ReportData, rows: list[StatusRow]) -> str:
    from gevinst.report.content import percent_text

    dated = data.evaluation is not None
    header = [(data.word("id"), False), (data.word("name"), False), (data.word("owner"), False)]
    if dated:
        header += [(data.word("status"), False), (data.word("score"), True)]
    header.append((data.word("indicators"), False))
    body = []
    for row in rows:
        cells = f"<td>{_e(row.id)}</td><td>{_e(row.name)}</td><td>{_e(row.owner or '–')}</td>"
        if dated:
            cells += _status_cell(data, row.status)
            cells += f'<td class="num">{_e(percent_text(row.score, data.language))}</td>'
        cells += f"<td>{_e(', '.join(row.indicators) or '–')}</td>"
        body.append(f'<tr data-id="{_e(row.id)}">{cells}</tr>')
    return _table(header, body)


def _summary(data: ReportData) -> list[str]:
    from gevinst.report.content import money_text

    plan = data.plan
    out = [f"<h1>{_e(plan.title)}</h1>"]
    if data.subtitle:
        out.append(f'<p class="subtitle">{_e(data.subtitle)}</p>')
    if plan.info.description:
        out.append(f"<p>{_e(plan.info.description)}</p>")
    cards = [
        (str(len(plan.measures)), data.word("measures")),
        (str(len(plan.benefits)), data.word("benefits")),
    ]
    if data.has_money():
        dated = data.evaluation is not None
        net = data.money.net if dated else data.money.expected_net
        cards.append(
            (
                money_text(net, data.money.currency, data.language, True),
                data.word("net_realised" if dated else "net_expected"),
            )
        )
    counts: dict[str, int] = {}
    for row in data.status_rows(("benefit",)):
        if row.status:
            counts[row.status] = counts.get(row.status, 0) + 1
    for status in ("on_track", "at_risk", "off_track", "not_measured", "not_due"):
        if status in counts:
            mark = theme.STATUS_STYLES[status].mark
            cards.append((f"{mark} {counts[status]}", data.status_word(status)))
    out.append('<div class="cards">')
    out += [
        f'<div class="card{" wide" if len(v) > 6 else ""}"><div class="value">{_e(v)}</div>'
        f'<div class="label">{_e(k)}</div></div>'
        for v, k in cards
    ]
    out.append("</div>")
    out.append(f'<p class="muted">{_e(data.counts())}</p>')
    return out


def _map_section(data: ReportData) -> tuple[list[str], str]:
    """The interactive map of :mod:`gevinst.render.html`: (HTML, its CSS and script)."""
    from gevinst.layout.options import MapRequest
    from gevinst.render import html as map_html
    from gevinst.render.svg import layout_svg

    request = MapRequest(data.plan, evaluation=data.evaluation, language=data.language)
    lay = request.layout()
    hint = data.phrase("map_hint")
    search = data.word("search")
    body = [
        f'<section id="map"><h2>{_e(data.phrase("map_title"))}</h2>',
        f'<p class="muted">{_e(data.phrase("map_lead"))}</p>',
        "<header>",
        f'<label for="search">{_e(search)}</label>',
        f'<input id="search" type="search" autocomplete="off" placeholder="{_e(search)} …">',
        f'<span class="hint">{_e(hint)}</span>',
        "</header>",
        f"<main>{_inline_svg(layout_svg(lay, standalone=False))}</main>",
        '<div id="tooltip" role="tooltip"></div>',
        '<script type="application/json" id="gevinst-data">'
        f"{map_html._json_for_script(map_html._facts(data.plan, lay))}</script>",
        *_link_notes(data, lay),
        "</section>",
    ]
    return body, map_html._JS


def _link_notes(data: ReportData, lay: Layout) -> list[str]:
    """The notes of the map's links as a table, numbered as on the map (none: nothing)."""
    if not lay.link_notes:
        return []
    header = [
        ("#", True),
        (data.phrase("from"), False),
        (data.phrase("to"), False),
        (data.word("note"), False),
    ]
    rows = [
        f'<tr data-source="{_e(n.source)}" data-target="{_e(n.target)}">'
        f'<td class="num">{n.number}</td>'
        f"<td>{_e(n.source)} {_e(data.name_of(n.source))}</td>"
        f"<td>{_e(n.target)} {_e(data.name_of(n.target))}</td>"
        f"<td>{_e(n.note)}</td></tr>"
        for n in lay.link_notes
    ]
    return [
        f"<h3>{_e(lay.link_notes_title)}</h3>",
        f'<p class="muted">{_e(data.phrase("link_notes_lead"))}</p>',
        _table(header, rows),
    ]


def _status_section(data: ReportData) -> list[str]:
    from gevinst.charts.results import status_chart

    out = [f'<section id="status"><h2>{_e(data.phrase("status_title"))}</h2>']
    if data.evaluation is None:
        out.append(f'<p class="muted">{_e(data.phrase("not_evaluated"))}</p>')
    else:
        out.append(f'<p class="muted">{_e(data.word("score_explained"))}.</p>')
        fig = status_chart(data.evaluation, language=data.language)
        out.append(f'<div class="figure">{_figure_svg(fig)}</div>')
    for kind, plural in (
        ("goal", "goals"),
        ("objective", "objectives"),
        ("benefit", "benefits"),
        ("disbenefit", "disbenefits"),
    ):
        rows = data.status_rows((kind,))
        if rows:
            out += [f"<h3>{_e(data.word(plural))}</h3>", _status_rows(data, rows)]
    out.append("</section>")
    return out


def _indicator_section(data: ReportData) -> list[str]:
    from gevinst.charts.results import indicator_chart

    rows = data.indicator_rows()
    if not rows:
        return []
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
        cells = (
            f"<td>{_e(row.id)}</td><td>{_e(row.name)}</td><td>{_e(row.unit or '–')}</td>"
            f'<td class="num">{_e(data.number(row.baseline))}</td>'
        )
        if dated:
            realised = data.number(row.realised)
            if row.realised_date:
                realised += f" ({row.realised_date.isoformat()})"
            cells += f'<td class="num">{_e(data.number(row.expected))}</td>'
            cells += f'<td class="num">{_e(realised)}</td>'
        cells += f'<td class="num">{_e(target)}</td>'
        if dated:
            cells += _status_cell(data, row.status)
        body.append(f"<tr>{cells}</tr>")
    out = [f'<section id="indicators"><h2>{_e(data.phrase("indicators_title"))}</h2>']
    out.append(_table(header, body))
    if data.evaluation is not None:
        evaluation, lang = data.evaluation, data.language
        svgs = [
            _figure_svg(indicator_chart(evaluation, r.id, language=lang))
            for r in data.key_indicators()
        ]
        charts = [f'<div class="chart">{svg}</div>' for svg in svgs]
        if charts:
            out += ['<div class="charts">', *charts, "</div>"]
    out.append("</section>")
    return out


def _review_section(data: ReportData) -> list[str]:
    rows = data.review_rows()
    if not rows:
        return []
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
        cells = (
            f"<td>{_e(row.date.isoformat())}</td><td>{_e(row.element)} {_e(row.name)}</td>"
            f"<td>{_e(row.by or '–')}</td>"
        )
        cells += (
            _status_cell(data, said) if said else f"<td>{_e(data.status_word(row.status))}</td>"
        )
        found = _status_cell(data, row.computed)
        if row.disagrees:
            found = found.replace("</td>", " ≠</td>")
        cells += found + f"<td>{_e(row.comment or '–')}</td>"
        body.append(f"<tr>{cells}</tr>")
    optimistic = sum(1 for row in rows if row.optimistic)
    lead = f"{data.phrase('reviews_lead')} " + data.phrase(
        "reviews_optimistic", n=optimistic, total=len(rows)
    )
    return [
        f'<section id="reviews"><h2>{_e(data.phrase("reviews_title"))}</h2>',
        f'<p class="muted">{_e(lead)}</p>',
        _table(header, body),
        "</section>",
    ]


def _stakeholder_section(data: ReportData) -> list[str]:
    from gevinst.charts.results import stakeholder_chart

    if not data.plan.stakeholders:
        return []
    out = [f'<section id="stakeholders"><h2>{_e(data.phrase("stakeholder_title"))}</h2>']
    grid = _figure_svg(stakeholder_chart(data.plan, language=data.language))
    out.append(f'<div class="figure">{grid}</div>')
    out.append('<div class="quadrants">')
    for key, rows in data.quadrants().items():
        names = (
            "".join(f"<li>{_e(r.name)}</li>" for r in rows) or f"<li>{_e(data.word('nobody'))}</li>"
        )
        out.append(f"<div><h3>{_e(data.word(key))}</h3><ul>{names}</ul></div>")
    out += ["</div>", "</section>"]
    return out


def _money_section(data: ReportData) -> list[str]:
    from gevinst.charts.results import money_chart
    from gevinst.report.content import money_text

    out = [f'<section id="money"><h2>{_e(data.phrase("money_title"))}</h2>']
    if not data.has_money():
        return [*out, f"<p>{_e(data.phrase('no_money'))}</p>", "</section>"]
    dated = data.evaluation is not None
    currency = data.money.currency
    header = [("", False), (data.phrase("expected_col"), True)]
    if dated:
        header.append((data.phrase("realised_col"), True))
    body = []
    for label, expected, realised in data.money_rows():
        cells = f"<td>{_e(label)}</td>"
        for value in (expected, realised):
            if value is not None:
                amount = money_text(value, currency, data.language)
                cells += f'<td class="num">{_e(amount)}</td>'
        body.append(f"<tr>{cells}</tr>")
    basis = f"{data.money_basis()} {data.phrase('money_lead')}" if dated else data.money_basis()
    out += [f'<p class="muted">{_e(basis)}</p>', _table(header, body)]
    if dated and data.evaluation is not None and data.money.lines:
        fig = money_chart(data.evaluation, language=data.language)
        out.append(f'<div class="figure">{_figure_svg(fig)}</div>')
    out.append("</section>")
    return out


def html_report(data: ReportData) -> bytes:
    """The HTML report as UTF-8 bytes (the writer of ``.html``)."""
    from gevinst.render import html as map_html

    map_body, script = _map_section(data)
    sections = [
        ("map", data.phrase("map_title")),
        ("status", data.phrase("status_title")),
        ("indicators", data.phrase("indicators_title")),
        *([("reviews", data.phrase("reviews_title"))] if data.review_rows() else []),
        ("stakeholders", data.phrase("stakeholder_title")),
        ("money", data.phrase("money_title")),
    ]
    nav = "".join(f'<a href="#{key}">{_e(label)}</a>' for key, label in sections)
    body = [
        '<div class="report">',
        *_summary(data),
        f"<nav>{nav}</nav>",
        *map_body,
        *_status_section(data),
        *_indicator_section(data),
        *_review_section(data),
        *_stakeholder_section(data),
        *_money_section(data),
        "</div>",
    ]
    page = [
        "<!DOCTYPE html>",
        f'<html lang="{data.language}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(data.plan.title)} · {_e(data.phrase('report'))}</title>",
        f"<style>{map_html._CSS}{_CSS}</style>",
        "</head>",
        "<body>",
        *body,
        f"<script>{script}</script>",
        "</body>",
        "</html>",
    ]
    return ("\n".join(page) + "\n").encode("utf-8")
