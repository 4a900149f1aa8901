"""The council deck (``.pptx``, python-pptx, 16:9): a story a manager can present and
still edit like any other deck.

Slides, in the order of the story: title; why the measures matter (goals, objectives
and the key numbers); the benefit map as native shapes and connectors (split by goal
when one slide would need text under 9 pt, see :mod:`gevinst.layout.split`);
when links carry notes, why they hold (a native table of the first
:data:`LINK_ROWS`, every note in the speaker notes);
status of goals, objectives, benefits and dis-benefits (a native table, status cells
coloured); indicators expected against realised (a table, then one native chart per
key indicator, its data editable in PowerPoint); the stakeholder grid (native
shapes); the money (a native table and a native bar chart); for a plan with ranges,
the uncertainty in net present value (the S-curve and what it says in words). Every
slide has speaker notes that say in plain words what it shows, in the report's language.

The same plan gives the same bytes: the document properties are fixed (dated at the
evaluation date) and the zip entries carry a fixed timestamp.

Examples:
    >>> import gevinst as gv
    >>> from gevinst.report import report_bytes
    >>> deck = report_bytes(gv.load("examples/minimal.yaml"), "pptx")
    >>> deck[:2]
    b'PK'
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import TYPE_CHECKING, Any

import gevinst.theme as theme
from gevinst.i18n.words import t
from gevinst.report.pptx.base import (
    _ACCENT,
    _INK,
    _MUTED,
    SLIDE_H,
    SLIDE_W,
    _emu,
    _font,
    _new_slide,
    _one_line,
    _rgb,
    _status_text,
    _table,
    _textbox,
)
from gevinst.report.pptx.brand import apply_brand
from gevinst.report.pptx.charts import indicator_chart_slides, money_slide, uncertainty_slide
from gevinst.report.pptx.map import draw_legend, draw_map
from gevinst.report.pptx.story import MAX_SLIDES, Chain, chains, readable_parts, select, status_of
from gevinst.report.pptx.tables import (
    indicator_table_slides,
    review_slides,
    risk_slides,
    status_slides,
)

if TYPE_CHECKING:
    from gevinst.layout.geometry import Layout
    from gevinst.report.content import ReportData, StatusRow

__all__ = ["LINK_ROWS", "MAX_SLIDES", "pptx_report"]

#: At most this many link notes in the table of the links slide (all are in its notes).
LINK_ROWS = 8


# -- title and why ------------------------------------------------------------------------


def _title_slide(prs: Any, data: ReportData) -> None:
    from pptx.enum.text import PP_ALIGN

    slide = prs.slides.add_slide(prs.slide_layouts[0])
    title, subtitle = slide.placeholders[0], slide.placeholders[1]
    title.left, title.top, title.width, title.height = (_emu(v) for v in (60, 150, 840, 120))
    title.text_frame.text = _one_line(data.plan.title)
    title.text_frame.word_wrap = True
    title.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    _font(title.text_frame.paragraphs[0].runs[0], 40, True, theme.HEADING_COLOUR)
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = (
        _emu(v) for v in (60, 290, 840, 120)
    )
    lines = [data.word("benefit_plan")]
    if data.plan.info.organisation:
        lines.append(_one_line(data.plan.info.organisation))
    if data.at is not None:
        lines.append(f"{data.word('evaluated_at')} {data.date(data.at)}")
    frame = subtitle.text_frame
    frame.text = "\n".join(lines)
    for paragraph in frame.paragraphs:
        paragraph.alignment = PP_ALIGN.LEFT
        _font(paragraph.runs[0], 20, False, _MUTED)
    band = slide.shapes.add_shape(1, _emu(60), _emu(276), _emu(120), _emu(5))
    band.name = "accent"
    band.fill.solid()
    band.fill.fore_color.rgb = _rgb(_ACCENT)
    band.line.fill.background()
    key = "deck_title_notes_at" if data.at else "deck_title_notes_planned"
    slide.notes_slide.notes_text_frame.text = data.phrase(
        key, title=data.plan.title, date=data.date(data.at)
    )


def _counted(data: ReportData) -> str:
    plan = data.plan
    items = [
        (len(plan.measures), "measure"),
        (len(plan.benefits), "benefit"),
        (len(plan.disbenefits), "disbenefit"),
        (len(plan.objectives), "objective"),
        (len(plan.goals), "goal"),
    ]
    return _listing(data, [_amount(data, n, kind) for n, kind in items if n])


def _amount(data: ReportData, count: int, kind: str) -> str:
    """``1 gevinst``, ``3 gevinster``."""
    return f"{count} {data.word(kind if count == 1 else kind + 's').lower()}"


def _status_counts(data: ReportData, rows: list[StatusRow]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for row in rows:
        if row.status:
            counts[row.status] = counts.get(row.status, 0) + 1
    order = ("on_track", "at_risk", "off_track", "not_measured", "not_due")
    return [(s, counts[s]) for s in order if s in counts]


def _why_slide(prs: Any, data: ReportData) -> None:
    from gevinst.i18n.formats import format_money

    plan = data.plan
    lines: list[tuple[str, float, bool, str]] = []
    if plan.info.description:
        lead = _one_line(plan.info.description)
        lines.append((lead if len(lead) <= 320 else lead[:317] + "…", 14, False, _MUTED))
    for kind, plural in (("goal", "goals"), ("objective", "objectives")):
        elements = [e for e in plan.elements() if e.kind == kind]
        if not elements:
            continue
        lines.append((data.word(plural), 16, True, theme.HEADING_COLOUR))
        listed = elements if len(elements) <= _WHY_LINES else elements[: _WHY_LINES - 1]
        lines += [(f"•  {_one_line(e.name)}", 15, False, _INK) for e in listed]
        if len(listed) < len(elements):  # never silently fewer than there are
            more = data.phrase("deck_and_more", n=len(elements) - len(listed))
            lines.append(
                (f"•  {more} ({data.phrase('deck_overview_title').lower()})", 15, False, _MUTED)
            )
    notes = [data.phrase("deck_why_notes")]
    slide = _new_slide(prs, data, data.phrase("why"), "")
    _textbox(slide, (28, 76, 520, 420), lines, "goals and objectives")
    cards: list[tuple[str, str, str]] = [
        (str(len(plan.measures)), data.word("measures"), _ACCENT),
        (str(len(plan.benefits)), data.word("benefits"), data.theme.kinds["benefit"].stroke),
    ]
    if data.has_money():
        net = data.money.net if data.evaluation is not None else data.money.expected_net
        label = data.word("net_realised" if data.evaluation is not None else "net_expected")
        cards.append((format_money(net, data.money.currency, data.language, True), label, _INK))
    y = 80.0
    for value, label, colour in cards:
        card = slide.shapes.add_shape(5, _emu(590), _emu(y), _emu(340), _emu(92))
        card.name = f"key figure {label}"
        card.fill.solid()
        card.fill.fore_color.rgb = _rgb(theme.PANEL_FILL)
        card.line.color.rgb = _rgb(theme.BORDER_COLOUR)
        card.shadow.inherit = False
        card.adjustments[0] = 0.08
        frame = card.text_frame
        frame.word_wrap = True
        frame.text = value
        _font(frame.paragraphs[0].runs[0], 30, True, colour)
        paragraph = frame.add_paragraph()
        _font(paragraph.add_run(), 14, False, _MUTED)
        paragraph.runs[0].text = label
        y += 104
    counts = _status_counts(data, data.status_rows(("benefit",)))
    if counts:
        said = ", ".join(f"{n} {data.status_word(s).lower()}" for s, n in counts)
        box = _textbox(slide, (590, y, 340, 60), [("", 13, False, _INK)], "benefit statuses")
        paragraph = box.text_frame.paragraphs[0]
        for status, count in counts:
            mark = paragraph.add_run()
            mark.text = f"{theme.STATUS_STYLES[status].mark} "
            _font(mark, 13, True, data.theme.mark_colour(status))  # 4.5:1 on paper
            word = paragraph.add_run()
            word.text = f"{count} {data.status_word(status).lower()}   "
            _font(word, 13, False, _INK)
        notes.append(data.phrase("deck_benefit_status", said=said))
    notes.append(data.phrase("deck_plan_has", counted=_counted(data)))
    slide.notes_slide.notes_text_frame.text = " ".join(notes)


# -- the map ------------------------------------------------------------------------------


#: Goals and objectives listed by name on the why slide; more are counted.
_WHY_LINES = 5
#: Rows of the overview table; more are counted under it.
_OVERVIEW_ROWS = 8


def _ancestors_of(data: ReportData) -> dict[str, set[str]]:
    """Every objective and goal with the elements that feed it, directly or not."""
    import networkx as nx

    from gevinst.graph import build_graph

    graph = build_graph(data.plan)
    return {
        n: nx.ancestors(graph, n)
        for n in graph.nodes
        if graph.nodes[n]["kind"] in ("objective", "goal")
    }


_RANK = {"off_track": 0, "at_risk": 1, "on_track": 2}


def _named(data: ReportData, ids: list[str], limit: int = 4) -> str:
    """Names of ``ids``, the first ``limit`` of them, then ``og 3 til``."""
    names = [_one_line(data.name_of(i)) for i in ids[:limit]]
    if len(ids) > limit:
        names.append(data.phrase("deck_and_more", n=len(ids) - limit))
    return _listing(data, names)


def _overview_slide(prs: Any, data: ReportData) -> Any:
    """The summary: each objective (or, when there are too many, each goal) with how
    many benefits and measures feed it and its status; then what is off track and at
    risk, by name. More rows than fit are counted under the table, never dropped
    silently."""
    plan = data.plan
    feeds = _ancestors_of(data)
    kinds = {e.id: e.kind for e in plan.elements()}
    by_goal = len(plan.objectives) > _OVERVIEW_ROWS or not plan.objectives
    rows: list[Any] = list(plan.goals) if by_goal else list(plan.objectives)
    dated = data.evaluation is not None
    if by_goal:
        header = [data.word("goal"), data.word("objectives")]
    else:
        header = [data.word("objective"), data.word("goals")]
    header += [data.word("benefits"), data.word("measures")]
    widths = [5.0, 1.6 if by_goal else 4.0, 1.3, 1.1]
    if dated:
        header.append(data.word("status"))
        widths.append(1.8)
    shown = rows
    if len(rows) > _OVERVIEW_ROWS:  # the furthest behind first, then plan order
        order = {r.id: n for n, r in enumerate(rows)}
        chosen = sorted(
            rows, key=lambda r: (_RANK.get(status_of(data, r.id) or "", 3), order[r.id])
        )[: _OVERVIEW_ROWS - 1]
        shown = sorted(chosen, key=lambda r: order[r.id])
    body: list[list[str]] = []
    fills: dict[tuple[int, int], str] = {}
    for index, element in enumerate(shown):
        above = feeds.get(element.id, set())
        count = {
            k: sum(1 for a in above if kinds.get(a) == k)
            for k in ("objective", "benefit", "measure")
        }
        if by_goal:
            second = str(count["objective"])
        else:
            goals = [g.id for g in plan.goals if element.id in feeds.get(g.id, set())]
            second = ", ".join(_one_line(data.name_of(g)) for g in goals) or "–"
        line = [_one_line(element.name), second, str(count["benefit"]), str(count["measure"])]
        if dated:
            status = status_of(data, element.id)
            line.append(_status_text(data, status))
            if status:
                fills[(index, 4)] = theme.STATUS_STYLES[status].fill
        body.append(line)
    notes = [data.phrase("deck_overview_goals_notes" if by_goal else "deck_overview_notes")]
    slide = _new_slide(prs, data, data.phrase("deck_overview_title"), "")
    table = _table(slide, (28, 72, SLIDE_W - 56, 300), header, body, widths, fills, {2, 3})
    table.name = "table overview"
    lines: list[tuple[str, float, bool, str]] = []
    if len(shown) < len(rows):
        lines.append(
            (data.phrase("deck_overview_rows_more", n=len(rows) - len(shown)), 12, False, _MUTED)
        )
    if dated:
        benefits = [b.id for b in plan.benefits]
        off = [b for b in benefits if status_of(data, b) == "off_track"]
        risk = [b for b in benefits if status_of(data, b) == "at_risk"]
        if not off:
            lines.append((data.phrase("deck_all_on_track"), 14, False, _INK))
        if off:
            lines.append(
                (data.phrase("deck_off_track_line", names=_named(data, off)), 14, False, _INK)
            )
        if risk:
            lines.append(
                (data.phrase("deck_at_risk_line", names=_named(data, risk)), 14, False, _INK)
            )
        if off:
            notes.append(data.phrase("deck_off_track_line", names=_named(data, off, len(off))))
        if risk:
            notes.append(data.phrase("deck_at_risk_line", names=_named(data, risk, len(risk))))
    columns = [(SLIDE_W - 56) * w / sum(widths) - 10 for w in widths]
    top = 72 + 25.2 + 14  # the header row, then each row as tall as its longest cell
    for line in body:
        wrapped = max(
            len(theme.wrap(text, room, 12)) for text, room in zip(line, columns, strict=True)
        )
        top += 25.2 + 14.4 * (wrapped - 1)
    if lines:
        _textbox(slide, (28, top, SLIDE_W - 56, SLIDE_H - 30 - top), lines, "what is behind")
    slide.notes_slide.notes_text_frame.text = " ".join(notes)
    return slide


def _map_titles(
    data: ReportData, chain: Chain, used: set[str]
) -> list[tuple[str | None, Layout, str]]:
    """The parts of ``chain`` with their titles: ``(1/2)`` and ``(2/2)`` for one
    element's parts (they follow one another); a title used before gets the goal's name."""
    parts = chain.parts
    totals: dict[str | None, int] = {}
    for root, _ in parts:
        totals[root] = totals.get(root, 0) + 1
    seen: dict[str | None, int] = {}
    out = []
    for root, lay in parts:
        seen[root] = seen.get(root, 0) + 1
        if root is None:
            title = data.phrase("map_title")
        elif root == "overview":
            title = f"{data.phrase('map_title')}: {data.phrase('overview').lower()}"
        elif root == "rest":
            title = data.phrase("map_part", name=data.phrase("other_goals").lower())
        else:
            title = data.phrase("map_part", name=_one_line(data.name_of(root)))
            if chain.key is not None and root != chain.key and title in used:
                title = f"{title} – {_one_line(data.name_of(chain.key))}"
        if totals[root] > 1:
            title += f" ({seen[root]}/{totals[root]})"
        out.append((root, lay, title))
    return out


def _map_slides(prs: Any, data: ReportData, chain: Chain, used: set[str], first: bool) -> list[Any]:
    """The slides of one drill-down; ``first`` for the first map slide of the deck."""
    names = {e.id: e.name for e in data.plan.elements()}
    slides = []
    for number, (root, lay, title) in enumerate(_map_titles(data, chain, used)):
        used.add(title)
        notes = _map_notes(data, root, lay, number if first else 1, 1)
        slide = _new_slide(prs, data, title, notes)
        draw_map(slide, lay, names, palette=data.theme)
        draw_legend(slide, lay, SLIDE_H - 26, look=data.theme)
        slides.append(slide)
    return slides


def _link_slide(prs: Any, data: ReportData) -> None:
    """Why the links hold: the plan's link notes in a table (no notes: no slide)."""
    rows = data.link_rows()
    if not rows:
        return
    spoken = " ".join(f"{r.source_name} → {r.target_name}: {r.note.rstrip('.')}." for r in rows)
    notes = f"{data.phrase('link_notes_lead')} {spoken}"
    slide = _new_slide(prs, data, data.word("link_notes"), notes)
    header = [data.phrase("from"), data.phrase("to"), data.word("note")]
    body = [
        [f"{r.source} {r.source_name}", f"{r.target} {r.target_name}", r.note]
        for r in rows[:LINK_ROWS]
    ]
    lead: list[tuple[str, float, bool, str]] = [(data.phrase("link_notes_lead"), 14, False, _MUTED)]
    _textbox(slide, (28, 72, SLIDE_W - 56, 24), lead, "lead")
    _table(slide, (28, 108, SLIDE_W - 56, 340), header, body, [3.2, 3.2, 4.6])
    if len(rows) > LINK_ROWS:
        more = data.phrase("link_notes_more", n=len(rows) - LINK_ROWS)
        _textbox(slide, (28, SLIDE_H - 64, SLIDE_W - 56, 20), [(more, 12, False, _MUTED)], "more")


def _listing(data: ReportData, items: list[str]) -> str:
    """``a, b og c`` (nb) or ``a, b and c`` (en)."""
    if len(items) <= 1:
        return "".join(items)
    return data.phrase("list_and", items=", ".join(items[:-1]), last=items[-1])


def _map_notes(data: ReportData, root: str | None, lay: Layout, number: int, parts: int) -> str:
    text: list[str] = []
    if number == 0:
        text.append(data.phrase("deck_map_notes"))
        if data.evaluation is not None:
            text.append(data.phrase("deck_map_colours"))
        if parts > 1:
            text.append(data.phrase("deck_map_split", parts=parts))
    if root == "overview":
        text.append(data.phrase("deck_map_overview"))
    elif root not in (None, "rest"):
        kinds = [n.kind for n in lay.nodes]
        name = data.name_of(root)
        count = _listing(
            data,
            [
                _amount(data, kinds.count(k), k)
                for k in ("measure", "benefit", "disbenefit")
                if kinds.count(k)
            ],
        )
        text.append(data.phrase("deck_map_feeds", name=name, count=count))
    for status, key in (("off_track", "deck_off_track_here"), ("at_risk", "deck_at_risk_here")):
        behind = [n.element for n in lay.nodes if n.status == status and n.kind == "benefit"]
        if behind:
            listed = "; ".join(data.name_of(b) for b in behind)
            text.append(data.phrase(key, names=listed))
    return " ".join(text)


# -- tables -------------------------------------------------------------------------------


# -- charts -------------------------------------------------------------------------------


# -- stakeholders and money ---------------------------------------------------------------


class _More:
    """The last chip of a full quadrant: how many more there are."""

    def __init__(self, count: int, language: str) -> None:
        self.id = "more"
        self.name = t("deck_more", language).format(count=count)
        self.attitude = "unknown"


#: The size of a stakeholder's chip text: 12 pt, the least on a slide (SPEC section 8).
_CHIP_SIZE = 12.0


def _chip_grid(
    names: list[str], width: float, height: float
) -> tuple[int, int, float, float, float, int]:
    """Columns, rows per column, chip width and height, font size and how many chips fit.

    The fewest columns at which every name fits its chip in :data:`_CHIP_SIZE` text
    (measured with DejaVu metrics, wider than Arial, so there is room to spare); at
    worst three columns, as many chips as fit (never smaller text).
    """
    size = _CHIP_SIZE
    for columns in range(1 if len(names) <= 4 else 2, 4):
        per_column = -(-len(names) // columns)
        chip_w = (width - (columns - 1) * 6) / columns
        lines = max(len(theme.wrap(n, chip_w - 10, size * 0.9)) for n in names)
        chip_h = lines * size * 1.2 + 6
        if per_column * (chip_h + 4) <= height:
            return columns, per_column, chip_w, chip_h, size, len(names)
    chip_w = (width - 12) / 3
    chip_h = size * 1.2 * 2 + 6  # room for two lines; a longer name is cut
    per_column = max(1, int(height // (chip_h + 4)))
    shown = min(len(names), per_column * 3)
    return 3, per_column, chip_w, chip_h, size, shown


def _stakeholder_slide(prs: Any, data: ReportData) -> None:
    if not data.plan.stakeholders:
        return
    cells = data.quadrants()
    notes = data.phrase("deck_stakeholder_notes")
    slide = _new_slide(prs, data, data.phrase("stakeholder_title"), notes)
    left, top, width, height = 70.0, 74.0, SLIDE_W - 98, 400.0
    half_w, half_h = width / 2, height / 2
    where = {
        "keep_satisfied": (0, 0),
        "manage_closely": (1, 0),
        "monitor": (0, 1),
        "keep_informed": (1, 1),
    }
    for key, (col, row) in where.items():
        x, y = left + col * half_w, top + row * half_h
        quad = slide.shapes.add_shape(
            1, _emu(x + 2), _emu(y + 2), _emu(half_w - 4), _emu(half_h - 4)
        )
        quad.name = f"quadrant {key}"
        quad.fill.solid()
        quad.fill.fore_color.rgb = _rgb(theme.QUADRANT_FILLS[key])
        quad.line.fill.background()
        quad.shadow.inherit = False
        heading = data.word(key)
        _textbox(
            slide,
            (x + 8, y + 4, half_w - 16, 22),
            [(heading, 13, True, _ACCENT if key == "manage_closely" else _INK)],
            f"quadrant label {key}",
        )
        people: list[Any] = list(cells[key])
        if not people:
            continue
        _columns, per_column, chip_w, chip_h, size, shown = _chip_grid(
            [_one_line(p.name) for p in people], half_w - 16, half_h - 34
        )
        if shown < len(people):  # the rest are named in the speaker notes
            rest = ", ".join(_one_line(p.name) for p in people[shown - 1 :])
            notes += f" {data.word(key)}: {rest}."
            people = [*people[: shown - 1], _More(len(people) - shown + 1, data.language)]
        for index, person in enumerate(people):
            c, r = divmod(index, per_column)
            cx = x + 8 + c * (chip_w + 6)
            cy = y + 30 + r * (chip_h + 4)
            fill, edge = theme.ATTITUDE_COLOURS.get(
                person.attitude or "unknown", theme.ATTITUDE_COLOURS["unknown"]
            )
            chip = slide.shapes.add_shape(5, _emu(cx), _emu(cy), _emu(chip_w), _emu(chip_h))
            chip.name = f"stakeholder {person.id}"
            chip.fill.solid()
            chip.fill.fore_color.rgb = _rgb(fill)
            chip.line.color.rgb = _rgb(edge)
            chip.shadow.inherit = False
            frame = chip.text_frame
            frame.word_wrap = True
            frame.margin_left = frame.margin_right = _emu(4)
            frame.margin_top = frame.margin_bottom = _emu(1)
            frame.text = _one_line(person.name)
            from pptx.enum.text import MSO_ANCHOR

            frame.vertical_anchor = MSO_ANCHOR.MIDDLE
            _font(frame.paragraphs[0].runs[0], size, False, _INK)
    axis = [
        ((left, top + height + 4, width, 20), f"{data.word('interest')} →", "center"),
    ]
    for box, text, align in axis:
        _textbox(slide, box, [(text, 13, True, _INK)], "axis interest", align)
    slide.notes_slide.notes_text_frame.text = notes
    power = _textbox(
        slide,
        (left - 250, top + half_h - 10, 440, 20),
        [(f"{data.word('power')} →", 13, True, _INK)],
        "axis power",
        "center",
    )
    power.rotation = 270.0
    legend = _textbox(
        slide,
        (SLIDE_W - 380, 52, 352, 18),
        [(f"{data.word('attitude')}:", 12, True, _MUTED)],
        "legend attitude",
    )
    paragraph = legend.text_frame.paragraphs[0]
    from pptx.enum.text import PP_ALIGN

    paragraph.alignment = PP_ALIGN.RIGHT
    for attitude in ("supportive", "neutral", "resistant"):
        swatch = paragraph.add_run()
        swatch.text = "  ■ "
        _font(swatch, 12, False, theme.ATTITUDE_COLOURS[attitude][1])
        word = paragraph.add_run()
        word.text = data.word(attitude)
        _font(word, 12, False, _MUTED)


# -- the deck -----------------------------------------------------------------------------


def _fixed_zip(blob: bytes, inner: bool = False) -> bytes:
    """The same zip with every entry dated 1980-01-01; embedded chart workbooks get the
    same treatment and a fixed creation date (xlsxwriter dates them "now")."""
    import re
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            payload = source.read(info.filename)
            if info.filename.endswith(".xlsx"):
                payload = _fixed_zip(payload, inner=True)
            elif inner and info.filename == "docProps/core.xml":
                payload = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                    rb"\g<1>2000-01-01T00:00:00Z",
                    payload,
                )
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, payload)
    return out.getvalue()


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(data: ReportData) -> ReportData:
    """The same report on a copy of the plan whose texts hold no character XML forbids
    (control characters, U+FFFE, U+FFFF): they become spaces."""
    from gevinst.model import Plan
    from gevinst.report.content import report_data

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return _NOT_XML.sub(" ", value)
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    raw = data.plan.model_dump(by_alias=True, exclude_none=True)
    cleaned = clean(raw)
    if cleaned == raw:
        return data
    plan = Plan.model_validate(cleaned)
    return report_data(plan, at=data.at, language=data.language).sharing_simulation(data)


def _added(prs: Any, make: Any) -> list[Any]:
    """The slides ``make()`` adds to ``prs``."""
    before = len(prs.slides)
    make()
    return list(prs.slides)[before:]


def _left_out_slide(
    prs: Any, data: ReportData, left: list[Chain], has_more: bool, unreadable: list[str]
) -> Any:
    """What the main story leaves out, and where to find it; ``unreadable`` names the
    map parts that no slide can show with 12 pt text (they are in the HTML report)."""
    lines: list[tuple[str, float, bool, str]] = [
        (data.phrase("deck_left_out_lead", max=MAX_SLIDES), 16, False, _INK)
    ]
    named = [c.key for c in left if c.key not in (None, "overview", "rest")]
    if any(c.key == "rest" and c.known for c in left):
        named.append("rest")
    if named:
        names = _named(data, [k for k in named if k != "rest"], 6)
        if "rest" in named:
            names = _listing(data, [n for n in (names, data.phrase("other_goals").lower()) if n])
        lines.append((f"•  {data.phrase('deck_left_out_maps', names=names)}", 15, False, _INK))
    if has_more:
        lines.append((f"•  {data.phrase('deck_left_out_tables')}", 15, False, _INK))
    if unreadable:
        said = data.phrase("deck_left_out_unreadable", names=_named(data, unreadable, 6))
        lines.append((f"•  {said}", 15, False, _INK))
    lines.append((data.phrase("deck_left_out_where"), 15, False, _MUTED))
    slide = _new_slide(
        prs, data, data.phrase("deck_left_out_title"), data.phrase("deck_left_out_notes")
    )
    _textbox(slide, (28, 80, SLIDE_W - 56, 400), lines, "what is left out")
    return slide


def _finish(prs: Any, data: ReportData, appendix: list[Any]) -> None:
    """For every slide: the title first in reading order (and, in the appendix, marked
    as such), the language on every text run, a footer with the slide number."""
    from pptx.oxml.ns import qn

    lang = data.word("deck_language_tag")
    total = len(prs.slides)
    in_appendix = {id(s._element) for s in appendix}
    for number, slide in enumerate(prs.slides, start=1):
        title = slide.shapes.title
        if title is not None:
            tree = slide.shapes._spTree
            tree.remove(title._element)
            tree.insert(2, title._element)  # after the group's own properties
            if id(slide._element) in in_appendix:
                run = title.text_frame.paragraphs[0].runs[0]
                run.text = data.phrase("deck_in_appendix", title=run.text)
        if number > 1:
            _textbox(
                slide,
                (SLIDE_W - 128, SLIDE_H - 22, 100, 16),
                [(f"{number} / {total}", 10, False, _MUTED)],
                "slide number",
                "right",
            )
        for part in (slide._element, slide.notes_slide._element):
            for tag in ("a:r", "a:fld"):
                for run in part.iter(qn(tag)):
                    run.get_or_add_rPr().set("lang", lang)
            for end in part.iter(qn("a:endParaRPr")):
                end.set("lang", lang)


def pptx_report(data: ReportData) -> bytes:
    """The council deck as ``.pptx`` bytes (the writer of ``.pptx``).

    The main story has at most :data:`MAX_SLIDES` slides whatever the size of the plan:
    title; why; an overview of goals and status; the map, drill-downs chosen by what
    matters (off-track and at-risk chains first, then the largest goals, each goal's
    slides together or not at all); the key indicators; the newest reviews;
    stakeholders; money; uncertainty; and, when something did not fit, a slide that
    says what and where it is. With ``data.appendix`` the rest follows as an appendix.
    """
    try:
        from pptx import Presentation
    except ImportError as exc:  # pragma: no cover - python-pptx is a dependency
        from gevinst.errors import MissingDependencyError

        raise MissingDependencyError(
            "the council deck needs python-pptx: pip install python-pptx"
        ) from exc
    appendix_asked = data.appendix
    data = _xml_safe(data)
    prs = Presentation()
    from pptx.util import Emu

    prs.slide_width, prs.slide_height = Emu(_emu(SLIDE_W)), Emu(_emu(SLIDE_H))
    _title_slide(prs, data)
    _why_slide(prs, data)
    _overview_slide(prs, data)
    head = list(prs.slides)
    tail = _added(prs, lambda: indicator_chart_slides(prs, data, main=True))
    tail += _added(prs, lambda: review_slides(prs, data, main=True))
    tail += _added(prs, lambda: _stakeholder_slide(prs, data))
    tail += _added(prs, lambda: money_slide(prs, data))
    tail += _added(prs, lambda: uncertainty_slide(prs, data))
    more_tables = bool(
        data.link_rows()
        or data.status_rows(("goal", "objective", "benefit", "disbenefit"))
        or data.indicator_rows()
    )
    room = MAX_SLIDES - len(head) - len(tail) - 1  # one for what is left out
    shown, left = select(chains(data), room)
    used: set[str] = set()
    maps: list[Any] = []
    for chain in shown:
        maps += _map_slides(prs, data, chain, used, not maps)
    unreadable: list[str] = []
    if appendix_asked:  # a part that cannot have 12 pt text stays out of the appendix
        left, unreadable = readable_parts(left)
    end = []
    if left or more_tables:
        end = [_left_out_slide(prs, data, left, more_tables, unreadable)]
    appendix: list[Any] = []
    if appendix_asked:
        for chain in left:
            appendix += _map_slides(prs, data, chain, used, False)
        appendix += _added(prs, lambda: _link_slide(prs, data))
        appendix += _added(prs, lambda: status_slides(prs, data))
        appendix += _added(prs, lambda: risk_slides(prs, data))
        appendix += _added(prs, lambda: indicator_table_slides(prs, data))
        appendix += _added(prs, lambda: indicator_chart_slides(prs, data, main=False))
        appendix += _added(prs, lambda: review_slides(prs, data, main=False))
    order = head + maps + tail + end + appendix
    ids = prs.slides._sldIdLst
    by_slide = {int(e.get("id")): e for e in ids}
    wanted = [by_slide[slide.slide_id] for slide in order]
    for element in list(ids):
        ids.remove(element)
    for element in wanted:
        ids.append(element)
    _finish(prs, data, appendix)
    apply_brand(prs, data)  # the theme's font on every run, its logo on the title slide
    when = data.at or data.plan.start
    stamp = dt.datetime(when.year, when.month, when.day, 12, 0, 0)
    props = prs.core_properties
    props.title = _core_text(data.plan.title)
    props.subject = _core_text(data.word("benefit_plan"))
    props.author = _core_text(data.plan.info.organisation or "gevinst")
    props.last_modified_by = "gevinst"
    props.created = props.modified = stamp
    props.revision = 1
    props.language = "nb-NO" if data.language == "nb" else "en-GB"
    buffer = io.BytesIO()
    prs.save(buffer)
    return _fixed_zip(buffer.getvalue())


_CORE_MAX = 255  # characters of a document property (title, author) in OOXML


def _core_text(text: str) -> str:
    """Text for a document property: at most 255 characters (the slides keep the whole
    text; the property is cut with an ellipsis), without characters XML cannot hold."""
    text = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", "", text)
    return text if len(text) <= _CORE_MAX else text[: _CORE_MAX - 1] + "\u2026"
