"""The council deck's slides in words: the title; why the measures matter (goals,
objectives and the key numbers); the overview of goals or objectives with their status;
why the links hold (a native table of the first :data:`LINK_ROWS` link notes, every
note in the speaker notes); and what the main story leaves out. Also the few ways of
saying a count or a list of names that the map slides use too (:func:`listing`,
:func:`amount`).

Every slide has speaker notes that say in plain words what it shows, in the report's
language. :mod:`gevinst.report.pptx.deck` puts the slides in order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import gevinst.theme as theme
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
from gevinst.report.pptx.story import MAX_SLIDES, status_of

if TYPE_CHECKING:
    from gevinst.report.content import ReportData, StatusRow
    from gevinst.report.pptx.story import Chain

__all__ = [
    "LINK_ROWS",
    "amount",
    "left_out_slide",
    "link_slide",
    "listing",
    "overview_slide",
    "title_slide",
    "why_slide",
]


#: At most this many link notes in the table of the links slide (all are in its notes).
LINK_ROWS = 8


#: Goals and objectives listed by name on the why slide; more are counted.
_WHY_LINES = 5
#: Rows of the overview table; more are counted under it.
_OVERVIEW_ROWS = 8


# -- title and why ------------------------------------------------------------------------


def title_slide(prs: Any, data: ReportData) -> None:
    """The title slide: the plan's title, its organisation and the evaluation date."""
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
    return listing(data, [amount(data, n, kind) for n, kind in items if n])


def amount(data: ReportData, count: int, kind: str) -> str:
    """``1 gevinst``, ``3 gevinster``."""
    return f"{count} {data.word(kind if count == 1 else kind + 's').lower()}"


def _status_counts(data: ReportData, rows: list[StatusRow]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for row in rows:
        if row.status:
            counts[row.status] = counts.get(row.status, 0) + 1
    order = ("on_track", "at_risk", "off_track", "not_measured", "not_due")
    return [(s, counts[s]) for s in order if s in counts]


def why_slide(prs: Any, data: ReportData) -> None:
    """Why the measures matter: goals and objectives by name, beside the key numbers."""
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


# -- lists of names and the overview ----------------------------------------------------


def listing(data: ReportData, items: list[str]) -> str:
    """``a, b og c`` (nb) or ``a, b and c`` (en)."""
    if len(items) <= 1:
        return "".join(items)
    return data.phrase("list_and", items=", ".join(items[:-1]), last=items[-1])


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
    return listing(data, names)


def overview_slide(prs: Any, data: ReportData) -> Any:
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


# -- link notes and what is left out ----------------------------------------------------


def link_slide(prs: Any, data: ReportData) -> None:
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


def left_out_slide(
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
            names = listing(data, [n for n in (names, data.phrase("other_goals").lower()) if n])
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
