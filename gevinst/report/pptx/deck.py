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

This module assembles the deck: it puts in order the slides built by
:mod:`~gevinst.report.pptx.slides_text` (title, why, overview, link notes, what is left
out), :mod:`~gevinst.report.pptx.slides_map` (the map),
:mod:`~gevinst.report.pptx.tables`, :mod:`~gevinst.report.pptx.charts` and
:mod:`~gevinst.report.pptx.stakeholders`, marks the appendix, numbers the slides and
packages the file.

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

from gevinst.report.pptx.base import _MUTED, SLIDE_H, SLIDE_W, _emu, _textbox
from gevinst.report.pptx.brand import apply_brand
from gevinst.report.pptx.charts import indicator_chart_slides, money_slide, uncertainty_slide
from gevinst.report.pptx.slides_map import map_slides
from gevinst.report.pptx.slides_text import (
    LINK_ROWS,
    left_out_slide,
    link_slide,
    overview_slide,
    title_slide,
    why_slide,
)
from gevinst.report.pptx.stakeholders import stakeholder_slide
from gevinst.report.pptx.story import MAX_SLIDES, chains, readable_parts, select
from gevinst.report.pptx.tables import (
    indicator_table_slides,
    review_slides,
    risk_slides,
    status_slides,
)

if TYPE_CHECKING:
    from gevinst.report.content import ReportData

__all__ = ["LINK_ROWS", "MAX_SLIDES", "pptx_report"]


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
    title_slide(prs, data)
    why_slide(prs, data)
    overview_slide(prs, data)
    head = list(prs.slides)
    tail = _added(prs, lambda: indicator_chart_slides(prs, data, main=True))
    tail += _added(prs, lambda: review_slides(prs, data, main=True))
    tail += _added(prs, lambda: stakeholder_slide(prs, data))
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
        maps += map_slides(prs, data, chain, used, not maps)
    unreadable: list[str] = []
    if appendix_asked:  # a part that cannot have 12 pt text stays out of the appendix
        left, unreadable = readable_parts(left)
    end = []
    if left or more_tables:
        end = [left_out_slide(prs, data, left, more_tables, unreadable)]
    appendix: list[Any] = []
    if appendix_asked:
        for chain in left:
            appendix += map_slides(prs, data, chain, used, False)
        appendix += _added(prs, lambda: link_slide(prs, data))
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
