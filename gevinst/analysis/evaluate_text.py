"""An evaluation as plain rows, a pandas DataFrame and a Jupyter table; its trends in words.

The figures are those of :class:`~gevinst.analysis.evaluate.Evaluation`; this module
only lays them out (:meth:`Evaluation.rows <gevinst.analysis.evaluate.Evaluation.rows>`,
``to_frame()`` and ``_repr_html_()`` call it) and words the trend since the last
period (:func:`trend_text`), in the plan's language or the one asked for.

Examples:
    >>> import gevinst as gv
    >>> ev = gv.evaluate(gv.load("examples/bergen_barnevern/plan.yaml"), at="2025-10-01")
    >>> row = element_rows(ev.elements)[0]
    >>> row["id"], row["kind"], row["status"], trend_text(row["trend"], "en")
    ('G1', 'goal', 'at_risk', '→ unchanged')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from gevinst.analysis.indicators import IndicatorResult
from gevinst.analysis.reviews import ReviewResult
from gevinst.analysis.scores import SCORED_KINDS, ElementResult
from gevinst.i18n.formats import NO_VALUE, format_date, format_percent
from gevinst.i18n.html import Cell, html_table
from gevinst.i18n.words import t
from gevinst.model import Plan
from gevinst.theme import STATUS_STYLES, TREND_MARKS

if TYPE_CHECKING:
    import pandas as pd

    from gevinst.analysis.money import Money

__all__ = [
    "element_rows",
    "evaluation_frame",
    "evaluation_html",
    "indicator_rows",
    "money_rows",
    "review_rows",
    "trend_text",
]


def trend_text(trend: str | None, language: str = "nb", previous: str | None = None) -> str:
    """A trend as tables write it: its glyph and word, never colour alone, and the
    status it moved from when it moved; empty without a trend.

    >>> trend_text("worsened", "nb", "on_track"), trend_text("unchanged", "en", "at_risk")
    ('↓ verre (fra I rute)', '→ unchanged')
    >>> trend_text("new", "nb"), trend_text(None, "nb")
    ('ny', '')
    """
    if not trend:
        return ""
    text = f"{TREND_MARKS.get(trend, '')} {t(trend, language)}".strip()
    if trend in ("improved", "worsened") and previous:
        text += f" ({t('was_status', language).format(status=t(previous, language))})"
    return text


def evaluation_html(plan: Plan, at: dt.date, elements: Mapping[str, ElementResult]) -> str:
    """The status table, so an evaluation shows itself in Jupyter: each scored
    element with its kind, name, status (mark, word and colour), score, coverage and
    trend since the previous measurement period, in the plan's language."""
    lang = plan.language
    rows: list[list[Cell]] = []
    for r in elements.values():
        if r.kind not in SCORED_KINDS:
            continue
        style = STATUS_STYLES.get(r.status or "")
        status: Cell = (f"{style.mark} {t(r.status or '', lang)}", style.fill) if style else ""
        score = NO_VALUE if r.score is None else format_percent(r.score, lang)
        since = trend_text(r.trend, lang, r.previous_status)
        rows.append(
            [
                r.id,
                t(r.kind, lang),
                r.name,
                status,
                score,
                format_percent(r.coverage, lang),
                since,
            ]
        )
    caption = t("html_evaluation", lang).format(plan=plan.title, date=format_date(at, lang))
    keys = ("id", "type", "name", "status", "score", "coverage", "since_last")
    header = [t(k, lang) for k in keys]
    return html_table(caption, header, rows, right={4, 5}, more=t("html_rows_left_out", lang))


def element_rows(elements: Mapping[str, ElementResult]) -> list[dict[str, Any]]:
    """One row per scored element (goals, objectives, benefits, dis-benefits)."""
    return [
        {
            "id": r.id,
            "kind": r.kind,
            "name": r.name,
            "score": r.score,
            "coverage": r.coverage,
            "status": r.status,
            "basis": r.basis,
            "indicators": ", ".join(r.indicators),
            "disbenefits": ", ".join(r.disbenefits),
            "previous_date": r.previous_date,
            "previous_status": r.previous_status,
            "trend": r.trend,
        }
        for r in elements.values()
        if r.kind in SCORED_KINDS
    ]


def indicator_rows(indicators: Mapping[str, IndicatorResult]) -> list[dict[str, Any]]:
    """One row per indicator."""
    return [
        {
            "id": r.id,
            "name": r.name,
            "unit": r.unit,
            "direction": r.direction,
            "baseline": r.baseline,
            "baseline_date": r.baseline_date,
            "target": r.target,
            "target_date": r.target_date,
            "expected": r.expected,
            "realised": r.realised,
            "realised_date": r.realised_date,
            "progress": r.progress,
            "attainment": r.attainment,
            "status": r.status,
            "forecast": r.forecast,
            "previous_date": r.previous_date,
            "previous_status": r.previous_status,
            "trend": r.trend,
        }
        for r in indicators.values()
    ]


def review_rows(reviews: Iterable[ReviewResult]) -> list[dict[str, Any]]:
    """One row per review."""
    return [
        {
            "date": r.date,
            "element": r.element,
            "by": r.by,
            "status": r.status,
            "computed": r.computed,
            "score": r.score,
            "disagrees": r.disagrees,
            "optimistic": r.optimistic,
            "comment": r.comment,
        }
        for r in reviews
    ]


def money_rows(money: Money) -> list[dict[str, Any]]:
    """One row per monetised benefit or dis-benefit, present values."""
    return [
        {
            "id": line.id,
            "kind": line.kind,
            "name": line.name,
            "category": line.category,
            "score": line.score,
            "expected": line.expected,
            "realised": line.realised,
        }
        for line in money.lines.values()
    ]


def evaluation_frame(what: str, rows: Callable[[str], list[dict[str, Any]]]) -> pd.DataFrame:
    """The table ``what`` (rows from ``rows(what)``) as a pandas DataFrame indexed by
    id; the reviews, which have no id, keep a plain index.

    pandas is imported only here (``pip install gevinst[pandas]``).
    """
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - pandas is in the test extras
        from gevinst.errors import MissingDependencyError

        raise MissingDependencyError(
            "to_frame() needs pandas; install it with: pip install 'gevinst[pandas]'"
        ) from exc
    frame = pd.DataFrame(rows(what))
    if what == "reviews":
        return frame
    if frame.empty:
        return frame
    return frame.set_index("id")
