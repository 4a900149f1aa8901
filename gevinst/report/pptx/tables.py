"""The table slides of the council deck: status of goals and benefits, indicators
expected against realised, and the benefit reviews beside what the numbers said. All
native PowerPoint tables, status cells coloured, split over slides of at most eleven
rows.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import gevinst.theme as theme
from gevinst.analysis.evaluate import trend_text
from gevinst.report.pptx.base import (
    _MUTED,
    SLIDE_W,
    _new_slide,
    _pages,
    _status_text,
    _table,
    _textbox,
)

if TYPE_CHECKING:
    from gevinst.report.content import ReportData, StatusRow

__all__ = ["indicator_table_slides", "review_slides", "risk_slides", "status_slides"]


def _status_slides(prs: Any, data: ReportData) -> None:
    from gevinst.i18n.formats import format_percent

    rows = data.status_rows(("goal", "objective", "benefit", "disbenefit"))
    dated = data.evaluation is not None
    header = [data.word("id"), data.word("type"), data.word("name"), data.word("owner")]
    widths = [0.6, 1.3, 4.6, 3.0]
    if dated:
        header += [data.word("status"), data.word("score"), data.word("since_last")]
        widths = [0.6, 1.3, 4.0, 2.4, 1.6, 0.9, 2.0]
    else:
        header.append(data.word("indicators"))
        widths.append(1.2)
    pages = _pages(rows)
    for number, page in enumerate(pages, start=1):
        body: list[list[str]] = []
        fills: dict[tuple[int, int], str] = {}
        for r, row in enumerate(page):
            line = [row.id, data.word(row.kind), row.name, row.owner or "–"]
            if dated:
                line += [
                    _status_text(data, row.status),
                    format_percent(row.score, data.language),
                    trend_text(row.trend, data.language, row.previous_status) or "–",
                ]
                if row.status:
                    fills[(r, 4)] = data.theme.statuses[row.status].fill
            else:
                line.append(", ".join(row.indicators) or "–")
            body.append(line)
        title = data.phrase("status_title")
        if len(pages) > 1:
            title += f" ({number}/{len(pages)})"
        slide = _new_slide(prs, data, title, _status_notes(data, page))
        _table(
            slide, (28, 76, SLIDE_W - 56, 400), header, body, widths, fills, {5} if dated else None
        )


def risk_slides(prs: Any, data: ReportData) -> None:
    """The risk profile and gevinstrealiseringstiltak of each benefit that has them
    (DFØ), five benefits a slide, for the appendix."""
    table = data.risk_table("\n")  # one realisation measure a line
    header = list(table.header)
    widths = [2.6, 1.0, 3.0, 3.0, 3.2]
    pages = _pages(list(table.rows), 5)
    for number, page in enumerate(pages, start=1):
        body = [list(row.cells) for row in page]
        title = data.word("risk_profile")
        if len(pages) > 1:
            title += f" ({number}/{len(pages)})"
        slide = _new_slide(prs, data, title, "")
        _table(slide, (28, 76, SLIDE_W - 56, 400), header, body, widths, {}, None, size=12)


def _status_notes(data: ReportData, rows: list[StatusRow]) -> str:
    if data.evaluation is None:
        return data.phrase("deck_status_notes_planned")
    text = [data.phrase("deck_status_notes")]
    behind = [r for r in rows if r.status == "off_track"]
    if behind:
        names = "; ".join(f"{r.id} {r.name}" for r in behind)
        text.append(data.phrase("deck_off_track", names=names))
    return " ".join(text)


def _indicator_table_slides(prs: Any, data: ReportData) -> None:
    rows = data.indicator_rows()
    dated = data.evaluation is not None
    header = [data.word("id"), data.word("indicator"), data.word("unit"), data.word("baseline")]
    widths = [0.6, 4.4, 1.4, 1.1]
    if dated:
        header += [data.word("expected"), data.word("realised")]
        widths += [1.1, 1.1]
    header.append(data.word("target"))
    widths.append(1.6)
    if dated:
        header.append(data.word("status"))
        widths.append(1.7)
    pages = _pages(rows)
    for number, page in enumerate(pages, start=1):
        body: list[list[str]] = []
        fills: dict[tuple[int, int], str] = {}
        for r, row in enumerate(page):
            line = [row.id, row.name, row.unit or "–", data.number(row.baseline)]
            if dated:
                line += [data.number(row.expected), data.number(row.realised)]
            target = data.number(row.target)
            if row.target_date:
                target += f" ({row.target_date.year})"
            line.append(target)
            if dated:
                line.append(_status_text(data, row.status))
                if row.status:
                    fills[(r, 7)] = data.theme.statuses[row.status].fill
            body.append(line)
        title = data.phrase("indicators_title")
        if len(pages) > 1:
            title += f" ({number}/{len(pages)})"
        notes = data.phrase("deck_indicator_table_notes")
        slide = _new_slide(prs, data, title, notes)
        _table(slide, (28, 76, SLIDE_W - 56, 400), header, body, widths, fills, {3, 4, 5, 6})


status_slides = _status_slides
indicator_table_slides = _indicator_table_slides


#: Reviews on the main story's one review slide (their rows may take two lines each).
_MAIN_REVIEWS = 8


def review_slides(prs: Any, data: ReportData, main: bool = False) -> None:
    """The benefit reviews up to the evaluation date, newest first, beside the numbers.

    ``main``: the one slide of the deck's main story, the newest reviews that fit it
    (the slide says how many of all); else every review, over as many slides as needed.
    """
    rows = data.review_rows()
    if not rows:
        return
    total = len(rows)
    if main:
        rows = rows[:_MAIN_REVIEWS]
    header = [
        data.word("date"),
        data.word("element"),
        data.word("by"),
        data.word("review_said"),
        data.word("numbers_said"),
        data.word("comment"),
    ]
    widths = [1.0, 3.6, 2.6, 1.4, 1.6, 3.0]
    optimistic = [r for r in rows if r.optimistic]
    pages = _pages(rows)
    for number, page in enumerate(pages, start=1):
        body: list[list[str]] = []
        fills: dict[tuple[int, int], str] = {}
        for r, row in enumerate(page):
            said = _status_text(data, row.status if row.status in theme.STATUS_STYLES else None)
            if row.status not in theme.STATUS_STYLES:
                said = data.status_word(row.status)
            found = _status_text(data, row.computed)
            if row.disagrees:
                found = f"{found}  ≠"
            body.append(
                [
                    _compact_date(data, row.date),
                    f"{row.element} {row.name}",
                    row.by or "–",
                    said,
                    found,
                    row.comment or "–",
                ]
            )
            if row.status in theme.STATUS_STYLES:
                fills[(r, 3)] = data.theme.statuses[row.status].fill
            if row.computed in theme.STATUS_STYLES:
                fills[(r, 4)] = data.theme.statuses[row.computed].fill
        title = data.phrase("reviews_title")
        if len(pages) > 1:
            title += f" ({number}/{len(pages)})"
        notes = [
            data.phrase("deck_reviews_notes"),
            data.phrase("reviews_optimistic", n=len(optimistic), total=len(rows)),
        ]
        slide = _new_slide(prs, data, title, " ".join(notes))
        lead = f"{data.phrase('reviews_lead')} {notes[1]}"
        if len(rows) < total:
            more = data.phrase("deck_reviews_more", n=len(rows), total=total)
            notes.append(more)
            slide.notes_slide.notes_text_frame.text = " ".join(notes)
            lead = f"{lead} {more}"
        tall = 40 if len(rows) < total else 22  # the lead then takes two lines
        _textbox(slide, (28, 64, SLIDE_W - 56, tall), [(lead, 13, False, _MUTED)], "lead")
        _table(slide, (28, 72 + tall, SLIDE_W - 56, 400), header, body, widths, fills, size=12)


def _compact_date(data: ReportData, day: dt.date) -> str:
    """``1.9.2025`` (nb) or ``1 Sep 2025`` (en): a date that fits a narrow column."""
    from gevinst.i18n.formats import format_date

    return format_date(day, data.language, compact=True)
