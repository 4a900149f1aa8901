"""The report as Markdown (``.md``): tables and a Mermaid map, for wikis and git.

Sections: the plan in short, the benefit map (a ``mermaid`` block, drawn by GitHub,
GitLab and most wikis, each link's note on its arrow) with a table of the links that
carry a note (why they hold), status of goals, objectives, benefits and dis-benefits,
indicators expected against realised, money, the uncertainty (a plan with ranges: the
simulation's percentiles and the amounts that matter most), and the stakeholders by
quadrant.
Every cell goes through :func:`cell`, so ``|``, ``*``, ``<`` and the like stay text.

Examples:
    >>> import gevinst as gv
    >>> from gevinst.report import report_bytes
    >>> plan = gv.Plan.new("p", "Demo | test")
    >>> _ = plan.add_goal("G1", "Mål <b>")
    >>> text = report_bytes(plan, "md").decode()
    >>> text.splitlines()[0]
    '# Demo \\\\| test'
    >>> "Mål &lt;b&gt;" in text
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gevinst.analysis.evaluate import trend_text
from gevinst.i18n.markdown import markdown_escape, markdown_table

if TYPE_CHECKING:
    from collections.abc import Sequence

    from gevinst.report.content import ReportData

__all__ = ["cell", "markdown_report", "markdown_text"]

_MARKS = ("on_track", "at_risk", "off_track", "not_measured", "not_due")

_KIND_SECTIONS = (
    ("goal", "goals"),
    ("objective", "objectives"),
    ("benefit", "benefits"),
    ("disbenefit", "disbenefits"),
)


def cell(text: str) -> str:
    """Text safe in a Markdown table cell or heading: one line, specials escaped."""
    return markdown_escape(text)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> list[str]:
    return markdown_table(header, rows, right=right)


def _status(data: ReportData, status: str | None) -> str:
    if status is None:
        return "–"
    from gevinst.theme import STATUS_STYLES

    mark = STATUS_STYLES[status].mark if status in STATUS_STYLES else ""
    return f"{mark} {data.status_word(status)}".strip()


def _map(data: ReportData) -> list[str]:
    """The map as one Mermaid block, or one per goal when one would exceed Mermaid's
    limits (a part still too large is said in words, pointing to the SVG/HTML map)."""
    from gevinst.layout.options import MapOptions
    from gevinst.layout.view import map_view
    from gevinst.render.mermaid import MAX_EDGES, MAX_TEXT_SIZE, mermaid_parts

    options = MapOptions(evaluation=data.evaluation, language=data.language)
    parts = mermaid_parts(map_view(data.plan, options))
    if len(parts) == 1 and parts[0].text is not None:
        return ["```mermaid", parts[0].text.rstrip("\n"), "```"]
    out: list[str] = []
    if len(parts) > 1:
        edges, chars = data.number(MAX_EDGES, 0), data.number(MAX_TEXT_SIZE, 0)
        out += [cell(data.phrase("mermaid_split", edges=edges, chars=chars)), ""]
    for part in parts:
        if len(parts) > 1:
            heading = f"{part.goal} {part.name}" if part.goal else data.word("mermaid_no_goal")
            out += [f"### {cell(heading)}", ""]
        if part.text is None:
            n, links = data.number(len(part.elements), 0), data.number(part.edges, 0)
            out += [cell(data.phrase("mermaid_too_large", n=n, links=links)), ""]
        else:
            out += ["```mermaid", part.text.rstrip("\n"), "```", ""]
    return out[:-1]


def _link_section(data: ReportData) -> list[str]:
    """The links with a note: from, to, the weight given and the note (none: nothing)."""
    from gevinst.i18n.formats import format_percent

    rows = data.link_rows()
    if not rows:
        return []
    header = [data.phrase("from"), data.phrase("to"), data.word("weight"), data.word("note")]
    body = [
        [
            f"{r.source} {r.source_name}",
            f"{r.target} {r.target_name}",
            format_percent(r.weight, data.language),
            r.note,
        ]
        for r in rows
    ]
    return [
        "",
        f"### {cell(data.word('link_notes'))}",
        "",
        cell(data.phrase("link_notes_lead")),
        "",
        *_table(header, body, {2}),
    ]


def _risk_section(data: ReportData) -> list[str]:
    """Each benefit's risk and its gevinstrealiseringstiltak (none given: nothing)."""
    table = data.risk_table()
    if not table.rows:
        return []
    body = [row.cells for row in table.rows]
    return ["", f"## {cell(data.word('risk_profile'))}", "", *_table(table.header, body, set())]


def _status_section(data: ReportData) -> list[str]:
    out = ["", f"## {cell(data.phrase('status_title'))}"]
    if data.evaluation is None:
        out += ["", cell(data.phrase("not_evaluated"))]
    for kind, plural in _KIND_SECTIONS:
        rows = data.status_rows((kind,))
        if not rows:
            continue
        owner = "benefit_owner" if kind == "benefit" else "owner"  # gevinsteier (DFØ)
        header = [data.word("id"), data.word("name"), data.word(owner)]
        if data.evaluation is not None:
            header += [
                data.word("status"),
                data.word("score"),
                data.word("coverage"),
                data.word("since_last"),
            ]
        header.append(data.word("indicators"))
        body = []
        for row in rows:
            line = [row.id, row.name, row.owner or "–"]
            if data.evaluation is not None:
                line += [
                    _status(data, row.status),
                    _percent(data, row.score),
                    _percent(data, row.coverage),
                    trend_text(row.trend, data.language, row.previous_status) or "–",
                ]
            line.append(", ".join(row.indicators) or "–")
            body.append(line)
        right = {4, 5} if data.evaluation is not None else set()
        out += ["", f"### {cell(data.word(plural))}", "", *_table(header, body, right)]
    return out


def _percent(data: ReportData, value: float | None) -> str:
    from gevinst.i18n.formats import format_percent

    return format_percent(value, data.language)


def _indicator_section(data: ReportData) -> list[str]:
    rows = data.indicator_rows()
    if not rows:
        return []
    header = [
        data.word("id"),
        data.word("name"),
        data.word("unit"),
        data.word("baseline"),
        data.word("target"),
    ]
    if data.evaluation is not None:
        header += [
            data.word("expected"),
            data.word("realised"),
            data.word("progress"),
            data.word("status"),
        ]
    body = []
    for row in rows:
        target = data.number(row.target)
        if row.target_date is not None:
            target += f" ({row.target_date.isoformat()})"
        line = [row.id, row.name, row.unit or "–", data.number(row.baseline), target]
        if data.evaluation is not None:
            realised = data.number(row.realised)
            if row.realised_date is not None:
                realised += f" ({row.realised_date.isoformat()})"
            line += [
                data.number(row.expected),
                realised,
                _percent(data, row.progress),
                _status(data, row.status),
            ]
        body.append(line)
    right = {3, 4, 5, 6, 7}
    return ["", f"## {cell(data.phrase('indicators_title'))}", "", *_table(header, body, right)]


def _review_section(data: ReportData) -> list[str]:
    rows = data.review_rows()
    if not rows:
        return []
    header = [
        data.word("date"),
        data.word("element"),
        data.word("by"),
        data.word("review_said"),
        data.word("numbers_said"),
        data.word("comment"),
    ]
    body = [
        [
            row.date.isoformat(),
            f"{row.element} {row.name}",
            row.by or "–",
            _status(data, row.status) if row.status in _MARKS else data.status_word(row.status),
            _status(data, row.computed) + (" ≠" if row.disagrees else ""),
            row.comment or "–",
        ]
        for row in rows
    ]
    optimistic = sum(1 for row in rows if row.optimistic)
    lead = f"{data.phrase('reviews_lead')} " + data.phrase(
        "reviews_optimistic", n=optimistic, total=len(rows)
    )
    return [
        "",
        f"## {cell(data.phrase('reviews_title'))}",
        "",
        cell(lead),
        "",
        *_table(header, body, set()),
    ]


def _money_section(data: ReportData) -> list[str]:
    from gevinst.i18n.formats import format_money, format_money_range, format_number

    out = ["", f"## {cell(data.phrase('money_title'))}", ""]
    if not data.has_money():
        return [*out, cell(data.phrase("no_money"))]
    currency = data.money.currency
    ranged = data.money.ranged
    adjusted = data.money.adjusted is not None
    dated = data.evaluation is not None

    def money(value: float) -> str:
        return format_money(value, currency, data.language)

    def span(low: float | None, high: float | None) -> str:
        if low is None or high is None:
            return "–"
        return format_money_range(low, high, currency, data.language)

    header = ["", data.phrase("expected_col")]
    header += [data.phrase("range_col")] if ranged else []
    header += [data.phrase("realised_col")] if dated else []
    if adjusted:
        header.append(data.phrase("adjusted_expected_col"))
        header += [data.phrase("adjusted_realised_col")] if dated else []
    body = []
    for row in data.money_table():
        line = [row.label, money(row.expected)]
        line += [span(row.low, row.high)] if ranged else []
        line += [money(row.realised)] if row.realised is not None else []
        if row.adjusted_expected is not None:
            line.append(money(row.adjusted_expected))
        if row.adjusted_realised is not None:
            line.append(money(row.adjusted_realised))
        body.append(line)
    basis = data.money_basis()
    if dated:
        basis += f" {data.phrase('money_lead')}"
    out += [cell(basis), "", *_table(header, body, set(range(1, len(header))))]
    notes = [data.phrase("range_note")] if ranged else []
    label = data.optimism_label()
    if label is not None:
        notes.append(data.phrase("optimism_note", adjusted=label))
    if notes:
        out += ["", cell(" ".join(notes))]
    lines = list(data.money.lines.values())
    if lines:
        header = [data.word("id"), data.word("name"), data.word("category")]
        header.append(data.phrase("expected_col"))
        header += [data.phrase("range_col")] if ranged else []
        if dated:
            header.append(data.phrase("realised_col"))
        body = []
        for money_line in lines:
            line = [
                money_line.id,
                money_line.name,
                data.word(money_line.category) if money_line.category else "–",
                money(money_line.expected),
            ]
            if ranged:
                low, high = money_line.low, money_line.high  # signed: high < low for a loss
                if low is not None and high is not None:
                    low, high = min(low, high), max(low, high)
                line.append(span(low, high))
            if dated:
                line.append(money(money_line.realised))
            body.append(line)
        out += ["", *_table(header, body, set(range(3, len(header))))]
    out += ["", f"### {cell(data.phrase('year_by_year'))}", ""]
    dated = data.evaluation is not None
    header = [data.word("year"), data.word("period"), data.phrase("expected_col")]
    if dated:
        header.append(data.phrase("realised_col"))
    header += [data.word("costs"), data.word("net")]
    header += [data.word("discount_factor"), data.word("discounted_net")]
    body = []
    for year in data.money_years():
        line = [year.label, data.period(year), format_money(year.expected, currency, data.language)]
        if year.realised is not None:
            line.append(format_money(year.realised, currency, data.language))
        line += [
            format_money(year.costs, currency, data.language),
            format_money(year.net, currency, data.language),
            "" if year.factor is None else format_number(year.factor, data.language, 4),
            format_money(year.discounted, currency, data.language),
        ]
        body.append(line)
    out += _table(header, body, set(range(2, len(header))))
    return out


def _uncertainty_section(data: ReportData) -> list[str]:
    """The simulation, for a plan with ranges (none: nothing): what it says, what P50
    and P85 mean, the percentiles of benefits, costs and net, the amounts that matter."""
    from gevinst.i18n.formats import format_money

    sim = data.simulation()
    if sim is None:
        return []
    lang, currency = data.language, sim.currency
    out = ["", f"## {cell(data.word('uncertainty'))}", ""]
    out += [f"- {cell(sentence)}" for sentence in data.uncertainty_sentences()]
    out += ["", cell(f"{data.phrase('unc_p50_means')} {data.phrase('unc_p85_means')}"), ""]
    header = ["", data.word("planned_col"), "P10", "P50", "P85", "P90", data.word("mean")]
    body = [
        [row.label]
        + [
            format_money(value, currency, lang)
            for value in (row.planned, row.p10, row.p50, row.p85, row.p90, row.mean)
        ]
        for row in data.uncertainty_rows()
    ]
    out += _table(header, body, set(range(1, 7)))
    drivers = data.drivers()
    if drivers:
        header = [
            data.word("id"),
            data.word("name"),
            data.word("amount_field"),
            data.word("net_if_low"),
            data.word("net_if_high"),
            data.word("swing"),
        ]
        body = [
            [
                d.id,
                d.name,
                data.field_word(d.field),
                format_money(d.low, currency, lang),
                format_money(d.high, currency, lang),
                format_money(d.swing, currency, lang),
            ]
            for d in drivers
        ]
        out += ["", f"### {cell(data.phrase('unc_drivers_caption'))}", ""]
        out += [cell(data.phrase("tornado_basis")), ""]
        out += _table(header, body, {3, 4, 5})
    out += ["", cell(data.uncertainty_basis())]
    return out


def _stakeholder_section(data: ReportData) -> list[str]:
    if not data.plan.stakeholders:
        return []
    out = ["", f"## {cell(data.phrase('stakeholder_title'))}"]
    for key, rows in data.quadrants().items():
        out += ["", f"### {cell(data.word(key))}", ""]
        if not rows:
            out.append(f"*{cell(data.word('nobody'))}*")
        for row in rows:
            attitude = f", {data.word(row.attitude).lower()}" if row.attitude else ""
            out.append(f"- {cell(row.name)} ({cell(row.id)}{cell(attitude)})")
    return out


def markdown_text(data: ReportData) -> str:
    """The whole report as Markdown text."""
    plan = data.plan
    out = [f"# {cell(plan.title)}", ""]
    if data.subtitle:
        out += [f"*{cell(data.subtitle)}*", ""]
    if plan.info.description:
        out += [cell(plan.info.description), ""]
    out.append(cell(data.counts()))
    out += ["", f"## {cell(data.phrase('map_title'))}", "", cell(data.phrase("map_lead")), ""]
    out += _map(data)
    out += _link_section(data)
    out += _status_section(data)
    out += _risk_section(data)
    out += _indicator_section(data)
    out += _review_section(data)
    out += _money_section(data)
    out += _uncertainty_section(data)
    out += _stakeholder_section(data)
    return "\n".join(out) + "\n"


def markdown_report(data: ReportData) -> bytes:
    """The Markdown report as UTF-8 bytes (the writer of ``.md``)."""
    return markdown_text(data).encode("utf-8")
