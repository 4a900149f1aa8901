"""Markdown, written once: escaping a piece of text and writing a table.

Every Markdown output (the report, the evaluation tables, the stakeholder analysis, a
plan diff) puts text from a plan through :func:`markdown_escape` and writes its tables
with :func:`markdown_table`, so a name shows as it is everywhere: it cannot start a
heading, a list, a link, emphasis or HTML, nor break a table row.

Examples:
    >>> markdown_escape("Mål *1* | <b>")
    'Mål \\\\*1\\\\* \\\\| &lt;b&gt;'
    >>> print("\\n".join(markdown_table(["Id", "Andel"], [["G1", "61\\u00a0%"]], right={1})))
    | Id | Andel |
    |---|---:|
    | G1 | 61\xa0% |
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from gevinst.i18n.words import visible_controls

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

__all__ = ["markdown_escape", "markdown_table"]

#: Characters that mean something to Markdown: escaped with a backslash.
_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_{}[]#|!~"})
#: Characters that mean something to HTML inside Markdown: written as entities.
_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
#: The characters that lay text out on lines: line breaks, tabs, separators.
_LAYOUT = re.compile("[\t\n\v\f\r\u2028\u2029\x85]+")
_SPACES = re.compile(" {2,}")


def markdown_escape(text: str) -> str:
    r"""``text`` as one line of Markdown that shows it as it is, safe in a table cell, a
    heading or a list item: line breaks and tabs become spaces, other control
    characters are made visible (``\u0007``), ``\`*_{}[]#|!~`` get a backslash and
    ``&<>`` become entities.

    >>> markdown_escape("a\nb"), markdown_escape("[x](y) & 1_000")
    ('a b', '\\[x\\](y) &amp; 1\\_000')
    """
    if not text.isprintable():  # fast in C; also false for a no-break space
        text = visible_controls(_LAYOUT.sub(" ", text))
    if "  " in text:
        text = _SPACES.sub(" ", text)
    return text.strip(" ").translate(_SPECIAL).translate(_HTML)


def markdown_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    right: Collection[int] = (),
    centre: Collection[int] = (),
) -> list[str]:
    """The lines of a Markdown table; every cell escaped, columns ``right`` aligned
    right and ``centre`` centred (by index), the others left.

    >>> markdown_table(["a", "b"], [["1 | 2", "x"]], centre={1})
    ['| a | b |', '|---|:---:|', '| 1 \\\\| 2 | x |']
    """

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(markdown_escape(c) for c in cells) + " |"

    rule = "".join(
        "---:|" if i in right else ":---:|" if i in centre else "---|" for i in range(len(header))
    )
    return [line(header), "|" + rule, *(line(row) for row in rows)]
