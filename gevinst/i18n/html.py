"""HTML tables for notebooks, written once: every text escaped, no external assets.

The results that show themselves in Jupyter (an evaluation, a trace, an impact, a
portfolio, a simulation) write their ``_repr_html_`` with :func:`html_table`, so that a
name from a plan shows as it is and can never become markup: ``<``, ``>``, ``&`` and
quotes are escaped in every cell, caption and note. The table carries no class or
script that needs a style sheet; a cell may have a fill colour (a status) given inline.

Examples:
    >>> print(html_table("Plan <p>", ["Id", "Navn"], [["B1", "Mål & <b>midler</b>"]]))
    <table>
    <caption style="text-align:left;font-weight:bold">Plan &lt;p&gt;</caption>
    <thead><tr><th style="text-align:left">Id</th><th style="text-align:left">Navn</th></tr></thead>
    <tbody>
    <tr><td style="text-align:left">B1</td><td style="text-align:left">Mål &amp; &lt;b&gt;midler&lt;/b&gt;</td></tr>
    </tbody>
    </table>
"""  # noqa: E501

from __future__ import annotations

from html import escape
from string import hexdigits
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

__all__ = ["Cell", "html_table"]

#: A cell: its text, or its text and a fill colour (``#RRGGBB``) behind it.
Cell: TypeAlias = "str | tuple[str, str]"

#: Rows shown at most; the rest are counted in a last line (a notebook cell stays small).
MAX_ROWS = 200


def _cell(tag: str, cell: Cell, right: bool) -> str:
    text, fill = (cell, None) if isinstance(cell, str) else cell
    style = f"text-align:{'right' if right else 'left'}"
    if fill is not None:
        if not (len(fill) == 7 and fill[0] == "#" and all(c in hexdigits for c in fill[1:])):
            raise ValueError(f"{fill!r} is not a colour written #RRGGBB")
        style += f";background:{fill}"
    return f'<{tag} style="{style}">{escape(text)}</{tag}>'


def html_table(
    caption: str,
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    *,
    right: Collection[int] = (),
    note: str | None = None,
    more: str = "+{n}",
) -> str:
    """A small HTML table: ``caption`` above, ``header`` and ``rows`` escaped, columns
    ``right`` (by index) aligned right, ``note`` in a line below. Beyond
    :data:`MAX_ROWS` rows, a last row says how many were left out (``more`` with
    ``{n}``). A cell's fill is one of the theme's colours (tests/i18n/test_html.py).

    >>> html_table("T", ["a"], [["1"]], right={0}).splitlines()[4]
    '<tr><td style="text-align:right">1</td></tr>'
    """
    head = "".join(_cell("th", h, i in right) for i, h in enumerate(header))
    lines = [
        "<table>",
        f'<caption style="text-align:left;font-weight:bold">{escape(caption)}</caption>',
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
    ]
    for row in rows[:MAX_ROWS]:
        lines.append(
            "<tr>" + "".join(_cell("td", c, i in right) for i, c in enumerate(row)) + "</tr>"
        )
    if len(rows) > MAX_ROWS:
        left = more.format(n=len(rows) - MAX_ROWS)
        lines.append(f'<tr><td colspan="{len(header)}">{escape(left)}</td></tr>')
    lines.append("</tbody>")
    if note:
        lines.append(f'<tfoot><tr><td colspan="{len(header)}">{escape(note)}</td></tr></tfoot>')
    lines.append("</table>")
    return "\n".join(lines)
