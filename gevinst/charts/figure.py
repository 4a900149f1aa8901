"""Figures as bytes, and the look shared by every chart: colours, fonts, wrapped text.

:func:`figure_bytes` and :func:`save_figure` write a matplotlib figure as PNG, SVG or
PDF with no date in the metadata (same figure, same bytes). Numbers and dates come from
:mod:`gevinst.i18n.formats`. matplotlib is imported inside the functions only.

Examples:
    >>> print(wrap_text("Færre akutte plasseringer", 12))
    Færre akutte
    plasseringer
"""

from __future__ import annotations

import logging
import re
import textwrap
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gevinst.theme as theme
from gevinst.errors import FormatError, Said

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "ATTITUDE_COLOURS",
    "BLUE",
    "FORMATS",
    "HALO",
    "INK",
    "MUTED",
    "STATUS_COLOURS",
    "figure_bytes",
    "new_figure",
    "plain_text",
    "save_figure",
    "style",
    "wrap_text",
]

#: The palette of :mod:`gevinst.theme`, under the names the charts use.
STATUS_COLOURS: dict[str, str] = theme.STATUS_COLOURS
ATTITUDE_COLOURS: dict[str, tuple[str, str]] = theme.ATTITUDE_COLOURS
INK = theme.TEXT_COLOUR
MUTED = theme.MUTED_TEXT
BLUE = theme.ACCENT
HALO = {
    "boxstyle": "square,pad=0.15",
    "facecolor": theme.BACKGROUND,
    "edgecolor": "none",
    "alpha": 0.85,
}

#: Output formats of :func:`figure_bytes` and :func:`save_figure`.
FORMATS = ("png", "svg", "pdf")


# -- formatting ---------------------------------------------------------------------------


def plain_text(text: str) -> str:
    """User text shown as written: a ``$`` would otherwise start matplotlib's math mode."""
    return text.replace("$", "\\$")


class _LinearWrapper(textwrap.TextWrapper):
    """:class:`textwrap.TextWrapper` in time linear in the text.

    TextWrapper breaks a word longer than a line by cutting a line off the front and
    keeping the rest as a new string, again for every line: time quadratic in the
    word (a 1.6 MB word took 11 s). Here such a word comes in one-character chunks,
    which TextWrapper packs into lines the same way (a line filled to the width, the
    next line on), each character handled once. Words that fit on a line, and words
    with a hyphen (TextWrapper prefers to break after it), are left as they are.
    """

    def _split(self, text: str) -> list[str]:
        chunks: list[str] = super()._split(text)
        if all(len(chunk) <= self.width for chunk in chunks):
            return chunks
        out: list[str] = []
        for chunk in chunks:
            if len(chunk) > self.width and chunk.strip() and "-" not in chunk:
                out.extend(chunk)
            else:
                out.append(chunk)
        return out


def wrap_text(text: str, width: int) -> str:
    """Wrapped at ``width`` characters, and shown as written (see :func:`plain_text`)."""
    flat = " ".join(text.splitlines())
    lines = _LinearWrapper(width=width, break_long_words=True).wrap(flat)
    return plain_text("\n".join(lines) or flat)


# -- figures and bytes --------------------------------------------------------------------


def new_figure(width: float, height: float) -> Figure:
    """A figure of ``width`` x ``height`` inches on the Agg canvas, without pyplot."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100)
    FigureCanvasAgg(fig)
    return fig


#: Fonts that draw what DejaVu Sans lacks (Chinese, Japanese, Korean, symbols), used
#: per character where installed as TrueType files. Colour emoji fonts, font collections
#: (.ttc) and CFF OpenType fonts are left out: matplotlib cannot draw the first or embed
#: the others in a PDF as TrueType.
FALLBACK_FONTS = (
    "Noto Sans JP",
    "Droid Sans Fallback",
    "Noto Sans Symbols 2",
    "Noto Emoji",
    "Symbola",
    "Segoe UI Symbol",
    "Arial Unicode MS",
)


def _fonts(font: str | None = None) -> list[str]:
    """``font`` where this machine has it as a TrueType file, DejaVu Sans, then the
    fallback fonts this machine has as TrueType files."""
    from matplotlib import font_manager

    found = {
        entry.name
        for entry in font_manager.fontManager.ttflist
        if str(entry.fname).lower().endswith(".ttf")
    }
    first = [font] if font and font in found and font != theme.CHART_FONT else []
    return [*first, theme.CHART_FONT, *(name for name in FALLBACK_FONTS if name in found)]


def style(look: theme.Theme | None = None) -> Any:  # Any: matplotlib types keys as literals
    """The rcParams of every chart; with ``look``, its font first (where installed as
    TrueType; else DejaVu Sans, as without a theme)."""
    return {
        "font.family": _fonts(look.font if look is not None else None),
        "font.size": 12,
        "axes.titlesize": 16,
        "axes.labelsize": 12,
        "axes.edgecolor": theme.RULE_COLOUR,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "xtick.color": INK,
        "ytick.color": INK,
        "text.color": INK,
        "svg.hashsalt": "gevinst",
        "svg.fonttype": "path",
        "pdf.fonttype": 42,
    }


_MISSING_GLYPH = re.compile(r"Glyph (\d+) .*missing from font")


def _no_weight_substitution(record: logging.LogRecord) -> bool:
    """A fallback font without bold is drawn regular: matplotlib logs that; not worth it."""
    return "Failed to find font weight" not in record.getMessage()


@contextmanager
def missing_glyphs_told() -> Iterator[None]:
    """Say once which characters the fonts lack, instead of matplotlib's own warnings.

    matplotlib warns once per missing character, with the path of its own source file
    (a site-packages path) in the text. Inside this block those warnings are gathered
    into one :class:`UserWarning` that names the characters and the remedy; every other
    warning is passed on unchanged. matplotlib's log line that a fallback font has no
    bold (it draws those characters regular) is left out.
    """
    fonts = logging.getLogger("matplotlib.font_manager")
    fonts.addFilter(_no_weight_substitution)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.filterwarnings("always", message=_MISSING_GLYPH.pattern, category=UserWarning)
            yield
    finally:
        fonts.removeFilter(_no_weight_substitution)
    missing: dict[str, None] = {}
    for seen in caught:
        found = _MISSING_GLYPH.match(str(seen.message))
        if found and issubclass(seen.category, UserWarning):
            missing[chr(int(found.group(1)))] = None
        else:
            warnings.warn_explicit(seen.message, seen.category, seen.filename, seen.lineno)
    if missing:
        shown = " ".join(sorted(missing)[:12]) + (" …" if len(missing) > 12 else "")
        warnings.warn(
            f"{len(missing)} character(s) in the names have no glyph in the fonts found "
            f"({shown}); the chart shows them as empty boxes. Install a font that has "
            "them (such as Noto Sans JP, Droid Sans Fallback or Noto Emoji) or leave them "
            "out of the names",
            UserWarning,
            stacklevel=3,
        )


def figure_bytes(fig: Figure, format: str = "png", *, dpi: int = 150) -> bytes:
    """The figure as PNG, SVG or PDF bytes; no dates in the metadata (same in, same out).

    Raises:
        FormatError: an unknown format.
    """
    import io

    import matplotlib

    fmt = format.lower().lstrip(".")
    if fmt not in FORMATS:
        known = [f".{known}" for known in FORMATS]
        raise FormatError.unknown_suffix(Said("format_a_chart"), f".{fmt}" if fmt else "", known)
    metadata: dict[str, Any] = {
        "png": {"Software": None},
        "svg": {"Date": None, "Creator": None},
        "pdf": {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None},
    }[fmt]
    buffer = io.BytesIO()
    with matplotlib.rc_context(style()), missing_glyphs_told():
        fig.savefig(buffer, format=fmt, dpi=dpi, metadata=metadata, facecolor=theme.BACKGROUND)
    return buffer.getvalue()


def save_figure(fig: Figure, path: str | Path, *, dpi: int = 150) -> Path:
    """Write the figure to ``path`` (format from the suffix: .png, .svg, .pdf), atomically."""
    from gevinst._files import atomic_write

    target = Path(path)
    data = figure_bytes(fig, target.suffix or "png", dpi=dpi)
    atomic_write(target, data)
    return target
