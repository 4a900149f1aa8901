"""How the benefit map looks: colours, lines, fonts and text measuring.

One place for every visual choice, so SVG, PNG/PDF, HTML and PowerPoint look alike.

- **Kinds** use Paul Tol's *light* scheme (colour-blind safe, dark text stays
  readable on every fill), and differ in shape too: measures square, the rest
  rounded, objectives and goals with a heavier border.
- **Dis-benefits** are pink with a dashed red border; their arrows are dashed red.
- **Status** (with an evaluation) uses Okabe-Ito hues: a light fill behind text (map
  boxes, table cells) and the full hue for lines, bars and marks (charts). The same
  palette serves the map, the charts, the council deck, the HTML report and the
  workbook, and a status is always written (with its mark) as well, so colour is never
  the only signal. Every text colour keeps a contrast of at least 4.5:1 (WCAG AA) on
  the fills it is drawn on (``tests/test_theme.py`` checks each pair).
- **Everything else** (ink, headings, the accent blue, panels, rules, stakeholder
  attitudes, money) is named here too: no other module spells a colour. The HTML
  pages get the palette as CSS custom properties (:func:`css_variables`).

Text is measured with the advance widths of DejaVu Sans (the font matplotlib ships),
so the layout is the same on every machine and every renderer fits its text.

Examples:
    >>> from gevinst.theme import KIND_STYLES, text_width, wrap
    >>> KIND_STYLES["benefit"].fill
    '#44BB99'
    >>> wrap("Kortere opplæringstid for nyansatte", 80.0, 10.0)
    ('Kortere', 'opplæringstid', 'for nyansatte')
    >>> round(text_width("Tiltak", 10.0), 1)
    27.5
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = [
    "ACCENT",
    "ACCENT_PALE",
    "ACCENT_TINT",
    "ATTITUDE_COLOURS",
    "BACKGROUND",
    "BORDER_COLOUR",
    "CHART_FONT",
    "CLUSTER_FILL",
    "CLUSTER_STROKE",
    "COST_COLOUR",
    "DASHES",
    "DEFAULT_THEME",
    "DISBENEFIT_EDGE",
    "DISBENEFIT_TINT",
    "EDGE_COLOUR",
    "FONT_FAMILY",
    "FONT_SIZE",
    "GRID_COLOUR",
    "HEADING_COLOUR",
    "KIND_STYLES",
    "LEGEND_LINES",
    "LINE_HEIGHT",
    "MUTED_TEXT",
    "NOTE_FILL",
    "NOTE_STROKE",
    "OFFICE_DASHES",
    "OFFICE_FONT",
    "PANEL_FILL",
    "QUADRANT_FILLS",
    "RULE_COLOUR",
    "SELECTED_COLOUR",
    "SHEET_FONT",
    "STATUS_COLOURS",
    "STATUS_MARK_COLOURS",
    "STATUS_STYLES",
    "STRIPE_FILL",
    "TEXT_COLOUR",
    "TREND_MARKS",
    "KindStyle",
    "Logo",
    "StatusStyle",
    "Theme",
    "clean_text",
    "contrast",
    "css_variables",
    "edge_width",
    "fill_contrast",
    "fill_problem",
    "readable_tint",
    "stroke_problem",
    "text_width",
    "wrap",
]

#: Font stack for SVG and HTML; matplotlib uses DejaVu Sans, which it ships.
FONT_FAMILY = "DejaVu Sans, Arial, Helvetica, sans-serif"  # fallbacks are narrower, never wider
CHART_FONT = "DejaVu Sans"  # matplotlib charts (fallbacks for other scripts added there)
OFFICE_FONT = "Arial"  # the council deck: on every machine that opens PowerPoint files
SHEET_FONT = "Calibri"  # the workbook: Excel's own
FONT_SIZE = 10.0  # points, node labels
LINE_HEIGHT = 1.25  # times the font size
TEXT_COLOUR = "#1A1A1A"
MUTED_TEXT = "#4D4D4D"
EDGE_COLOUR = "#5F6B7A"
DISBENEFIT_EDGE = "#CC3311"
NOTE_FILL = "#FFF7D6"
NOTE_STROKE = "#B8A14A"
BACKGROUND = "#FFFFFF"
HEADING_COLOUR = "#24313F"
CLUSTER_FILL = "#F4F6F8"
CLUSTER_STROKE = "#B7C0CA"
#: Okabe-Ito blue: links, the title band, targets, the net value, key players.
ACCENT = "#0072B2"
ACCENT_TINT = "#E8F1FA"  # behind the key players' quadrant
ACCENT_PALE = "#9DB3C8"  # the expected columns beside the realised (ACCENT) ones
PANEL_FILL = CLUSTER_FILL  # title and legend panels, cards, the map page's header
BORDER_COLOUR = "#D0D6DC"  # around panels and cards
RULE_COLOUR = "#8C8C8C"  # chart axes, threshold and connector lines, input borders
GRID_COLOUR = "#E1E5EA"  # grid lines of charts, rules between table rows
STRIPE_FILL = "#F2F4F6"  # every other table row, row bands, quiet quadrants
SELECTED_COLOUR = "#000000"  # the border of the selected box on the map page
COST_COLOUR = "#8C564B"  # costs in the money charts (neither benefit nor dis-benefit)
DISBENEFIT_TINT = "#FDF0E8"  # behind dis-benefit columns


@dataclass(frozen=True)
class KindStyle:
    """Fill, border and shape of one kind of element."""

    fill: str
    stroke: str
    stroke_width: float = 1.0
    dashed: bool = False
    rounded: bool = True
    bold: bool = False


#: Paul Tol's light scheme, one hue per kind.
KIND_STYLES: dict[str, KindStyle] = {
    "measure": KindStyle("#77AADD", "#3A6C9E", rounded=False),
    "change": KindStyle("#99DDFF", "#3F8DB3"),
    "benefit": KindStyle("#44BB99", "#1F7A60"),
    "disbenefit": KindStyle("#FFAABB", "#CC3311", stroke_width=1.6, dashed=True),
    "objective": KindStyle("#EEDD88", "#A08A20", stroke_width=2.0, bold=True),
    "goal": KindStyle("#EE8866", "#A8461F", stroke_width=2.4, bold=True),
    "assumption": KindStyle(NOTE_FILL, NOTE_STROKE, rounded=False),
}


@dataclass(frozen=True)
class StatusStyle:
    """The look of an evaluation status (SPEC section 3): ``fill`` behind text (map
    boxes, table cells, workbook cells), ``stroke`` the full hue (borders, chart lines
    and bars) and ``mark``, written before the status word everywhere."""

    fill: str
    stroke: str
    mark: str  # a symbol that tells the status without colour


#: Okabe-Ito hues as light fills; the mark and the written status carry it too.
STATUS_STYLES: dict[str, StatusStyle] = {
    "on_track": StatusStyle("#A7DCC9", "#009E73", "●"),
    "at_risk": StatusStyle("#F7D99A", "#E69F00", "▲"),
    "off_track": StatusStyle("#F3B48F", "#D55E00", "■"),
    "not_measured": StatusStyle("#E4E4E4", "#8C8C8C", "○"),
    "not_due": StatusStyle("#F2F2F2", "#B0B0B0", "◇"),
}

#: The glyph written before the word of a status trend (since the previous measurement
#: period): arrows up, down and level, none for new. Arrows, not the status marks'
#: triangles and square (● ▲ ■), so a trend is not read as a status; the word follows.
TREND_MARKS: dict[str, str] = {"improved": "↑", "worsened": "↓", "unchanged": "→", "new": ""}

#: The full hue of each status, for lines, bars and marks (the strokes above).
STATUS_COLOURS: dict[str, str] = {key: look.stroke for key, look in STATUS_STYLES.items()}

#: A status mark drawn in colour on paper or a panel (the HTML report's key figures):
#: each hue darkened until the mark keeps 4.5:1 there. The full hues above fall to
#: 2.1:1 (at risk, not due); WCAG 1.4.11 asks at least 3:1 of a mark that tells something.
STATUS_MARK_COLOURS: dict[str, str] = {
    "on_track": "#007A58",
    "at_risk": "#8F6200",
    "off_track": "#B34700",
    "not_measured": "#5C5C5C",
    "not_due": "#6F6F6F",
}

#: Fill and edge of a stakeholder by attitude; the hues are those of the statuses.
ATTITUDE_COLOURS: dict[str, tuple[str, str]] = {
    "supportive": ("#D9F0E6", STATUS_STYLES["on_track"].stroke),
    "neutral": ("#EEEEEE", "#777777"),
    "resistant": ("#FBE0D2", STATUS_STYLES["off_track"].stroke),
    "unknown": (BACKGROUND, "#777777"),
}

#: Behind each quadrant of the power/interest grid: the key players stand out.
QUADRANT_FILLS: dict[str, str] = {
    "manage_closely": ACCENT_TINT,
    "keep_satisfied": STRIPE_FILL,
    "keep_informed": STRIPE_FILL,
    "monitor": "#FAFAFA",
}


def css_variables() -> dict[str, str]:
    """The palette and the font stack as CSS custom properties (names without ``--``).

    The HTML pages write these in a ``:root`` block and their style sheets use
    ``var(--name)``, so a colour is still defined only here. A status has its fill
    (``status-off-track``), its full hue (``status-off-track-line``) and the colour of
    its mark (``status-off-track-mark``). A page drawn with a :class:`Theme` takes
    :meth:`Theme.css_variables` instead.

    Examples:
        >>> css_variables()["status-off-track"], css_variables()["accent"]
        ('#F3B48F', '#0072B2')
    """
    return DEFAULT_THEME.css_variables()


# -- a municipality's own look ---------------------------------------------------------------


def _luminance(colour: str) -> float:
    """Relative luminance of an sRGB ``#RRGGBB`` colour (WCAG 2.x)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two ``#RRGGBB`` colours, from 1 to 21.

    Examples:
        >>> round(contrast(TEXT_COLOUR, BACKGROUND), 1)
        17.4
    """
    lighter, darker = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


#: A font family name: letters (æ, ø, å too), digits, spaces and hyphens, never CSS or markup.
FONT_NAME = re.compile(r"[^\W_][\w \-]{0,62}")
#: A colour as every output writes it.
HEX_COLOUR = re.compile(r"#[0-9A-F]{6}")

#: The least contrast of text on a fill (WCAG 2.1 AA, 1.4.3, normal text).
MIN_TEXT_CONTRAST = 4.5


def _lighter(colour: str, share: float) -> str:
    """``colour`` mixed with white: ``share`` 0 gives the colour, 1 gives white."""
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c + (255 - c) * share):02X}" for c in channels)


def readable_tint(fill: str, texts: tuple[str, ...] = (TEXT_COLOUR,)) -> str:
    """The darkest tint of ``fill`` (mixed with white in steps of 5 %) on which every
    colour in ``texts`` keeps a contrast of :data:`MIN_TEXT_CONTRAST`.

    Examples:
        >>> readable_tint("#003B73")
        '#6689AB'
    """
    for step in range(21):
        tint = _lighter(fill, step / 20)
        if all(contrast(text, tint) >= MIN_TEXT_CONTRAST for text in texts):
            return tint
    return BACKGROUND  # pragma: no cover - white always passes with the palette's inks


#: The least contrast of a border, line or status mark on the paper (WCAG 2.1, 1.4.11).
MIN_LINE_CONTRAST = 3.0


def stroke_problem(key: str, stroke: str) -> str | None:
    """Why ``stroke`` cannot be the border of kind or status ``key``, or ``None`` if it
    can: a colour a theme chooses for borders, lines and status marks (the deck writes
    the marks in it) must keep :data:`MIN_LINE_CONTRAST` on the paper. gevinst's own
    strokes are left as they are (their marks and lines are judged with their shapes).

    Examples:
        >>> stroke_problem("measure", KIND_STYLES["measure"].stroke) is None
        True
        >>> print(stroke_problem("measure", "#E0E0E0"))
        #E0E0E0 on the paper has a contrast of 1.3:1, under 3.0:1 (WCAG 1.4.11); use a darker colour
    """
    default = KIND_STYLES[key].stroke if key in KIND_STYLES else STATUS_STYLES[key].stroke
    ratio = contrast(stroke, BACKGROUND)
    if stroke == default or ratio >= MIN_LINE_CONTRAST:
        return None
    return (
        f"{stroke} on the paper has a contrast of {round(ratio, 1)}:1, under "
        f"{MIN_LINE_CONTRAST}:1 (WCAG 1.4.11); use a darker colour"
    )


def fill_contrast(key: str, fill: str) -> tuple[float, tuple[str, ...]]:
    """The texts a fill of kind or status ``key`` carries (the map's text; on a status
    also the muted status line) and the lowest contrast of them on ``fill``."""
    texts = (TEXT_COLOUR, MUTED_TEXT) if key in STATUS_STYLES else (TEXT_COLOUR,)
    return min(contrast(text, fill) for text in texts), texts


def fill_problem(key: str, fill: str) -> str | None:
    """Why ``fill`` cannot be the fill of kind or status ``key``, or ``None`` if it can:
    the map's text (and, on a status, the muted status line) must keep a contrast of
    :data:`MIN_TEXT_CONTRAST` on it. The message names a lighter tint that passes.

    Examples:
        >>> fill_problem("benefit", "#44BB99") is None
        True
        >>> print(fill_problem("on_track", "#009E73"))  # the muted status line: 2.5:1
        text on #009E73 has a contrast of 2.5:1, under 4.5:1 (WCAG AA); use a lighter ...
        >>> readable_tint("#009E73", (TEXT_COLOUR, MUTED_TEXT))
        '#80CEB9'
    """
    worst, texts = fill_contrast(key, fill)
    if worst >= MIN_TEXT_CONTRAST:
        return None
    return (
        f"text on {fill} has a contrast of {round(worst, 1)}:1, under {MIN_TEXT_CONTRAST}:1 "
        f"(WCAG AA); use a lighter fill such as {readable_tint(fill, texts)}"
    )


@dataclass(frozen=True)
class Logo:
    """An organisation's logo as read from its file: the bytes, their media type
    (``image/png``, ``image/jpeg`` or ``image/svg+xml``) and the file's path."""

    data: bytes = field(repr=False)
    media_type: str
    path: str

    @property
    def suffix(self) -> str:
        """The file suffix that fits the bytes: ``.png``, ``.jpg`` or ``.svg``."""
        return {"image/png": ".png", "image/jpeg": ".jpg"}.get(self.media_type, ".svg")


@dataclass(frozen=True)
class Theme:
    """A look for maps and reports: font, logo and the colours of kinds and statuses.

    ``Theme()`` is gevinst's own look; a municipality's profile is usually read from a
    YAML file with :func:`gevinst.load_theme`. Every renderer takes its kind and status
    colours and its font from the theme it is given; the rest of the palette (ink,
    panels, rules) stays, so text keeps its contrast.

    Args:
        name: whose look it is (``"Eksempel kommune"``): the logo's alternative text.
        font: a font family name (``"Source Sans 3"``) for every text; where it is not
            installed, SVG and HTML fall back to :data:`FONT_FAMILY`, PNG and PDF to
            DejaVu Sans (with a warning), PowerPoint to the font of the machine that
            shows the deck. Text is still measured with DejaVu Sans, one of the widest
            common fonts, so a narrower font fits its boxes.
        logo: the logo (see :class:`Logo`), on the deck's title slide and in the
            header of the HTML report.
        kinds: the look of each kind of element (missing kinds keep the default).
        statuses: the look of each evaluation status (missing ones keep the default).

    Raises:
        ValueError: an unknown kind or status, a colour not ``#RRGGBB`` (upper case), a
            font name with other characters than letters, digits, spaces and hyphens, or
            a fill on which the map's text would fall under a contrast of 4.5:1
            (WCAG AA); the message names a lighter tint of it that passes. Colours are
            refused rather than given another text colour, so every box of every map
            keeps the same dark text.

    Examples:
        >>> look = Theme(kinds={"goal": KindStyle("#F2B8A0", "#A8461F")})
        >>> look.kinds["goal"].fill, look.kinds["measure"].fill, look.office_font
        ('#F2B8A0', '#77AADD', 'Arial')
        >>> Theme(kinds={"goal": KindStyle("#A8461F", "#A8461F")})  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: colours.goal.fill: ... of 3.0:1, ... such as #BE7457
    """

    name: str = ""
    font: str | None = None
    logo: Logo | None = None
    kinds: Mapping[str, KindStyle] = field(default_factory=lambda: dict(KIND_STYLES))
    statuses: Mapping[str, StatusStyle] = field(default_factory=lambda: dict(STATUS_STYLES))

    def __hash__(self) -> int:
        kinds, statuses = sorted(self.kinds.items()), sorted(self.statuses.items())
        return hash((self.name, self.font, self.logo, tuple(kinds), tuple(statuses)))

    def __post_init__(self) -> None:
        kinds = {**KIND_STYLES, **self.kinds}
        statuses = {**STATUS_STYLES, **self.statuses}
        object.__setattr__(self, "kinds", kinds)  # frozen: completed once, here
        object.__setattr__(self, "statuses", statuses)
        for key in [*self.kinds.keys() - KIND_STYLES.keys(), *self.statuses - STATUS_STYLES.keys()]:
            known = ", ".join([*KIND_STYLES, *STATUS_STYLES])
            raise ValueError(f"colours: unknown kind or status {key!r}; use one of: {known}")
        if self.font is not None and not FONT_NAME.fullmatch(self.font):
            raise ValueError(
                f"font: {self.font!r} is not a font family name; use letters, digits, "
                "spaces and hyphens (Source Sans 3)"
            )
        styles: list[tuple[str, KindStyle | StatusStyle]] = [*kinds.items(), *statuses.items()]
        for key, style in styles:
            for part in ("fill", "stroke"):
                if not HEX_COLOUR.fullmatch(getattr(style, part)):
                    raise ValueError(
                        f"colours.{key}.{part}: {getattr(style, part)!r} is not a colour; "
                        'write it as "#RRGGBB" (six hex digits, upper case)'
                    )
        for key, style in styles:
            problem = fill_problem(key, style.fill)
            if problem:
                raise ValueError(f"colours.{key}.fill: {problem}")
            problem = stroke_problem(key, style.stroke)
            if problem:
                raise ValueError(f"colours.{key}.stroke: {problem}")

    @property
    def font_family(self) -> str:
        """The font stack of SVG and HTML: the theme's font, then gevinst's own."""
        return f"'{self.font}', {FONT_FAMILY}" if self.font else FONT_FAMILY

    @property
    def office_font(self) -> str:
        """The font of the council deck."""
        return self.font or OFFICE_FONT

    @property
    def chart_font(self) -> str:
        """The font matplotlib is asked for (PNG and PDF maps)."""
        return self.font or CHART_FONT

    @property
    def status_colours(self) -> dict[str, str]:
        """The full hue of each status (lines, bars, marks)."""
        return {key: look.stroke for key, look in self.statuses.items()}

    def css_variables(self) -> dict[str, str]:
        """The palette and font stack as CSS custom properties (see :func:`css_variables`)."""
        names = {
            "font": self.font_family,
            "ink": TEXT_COLOUR,
            "muted": MUTED_TEXT,
            "heading": HEADING_COLOUR,
            "paper": BACKGROUND,
            "accent": ACCENT,
            "edge": EDGE_COLOUR,
            "panel": PANEL_FILL,
            "border": BORDER_COLOUR,
            "rule": RULE_COLOUR,
            "grid": GRID_COLOUR,
            "stripe": STRIPE_FILL,
            "selected": SELECTED_COLOUR,
        }
        for key, look in self.statuses.items():
            name = "status-" + key.replace("_", "-")
            names[name] = look.fill
            names[f"{name}-line"] = look.stroke
            names[f"{name}-mark"] = self.mark_colour(key)
        return names

    def mark_colour(self, status: str) -> str:
        """The colour of ``status``'s mark (■ ▲ ●) written on paper: gevinst's own hues
        are too light for that, so their darker shade (:data:`STATUS_MARK_COLOURS`); a
        theme's own stroke keeps 3:1 on paper (:func:`stroke_problem`) and is its mark.

        >>> DEFAULT_THEME.mark_colour("off_track") == STATUS_MARK_COLOURS["off_track"]
        True
        """
        stroke = self.statuses[status].stroke
        return STATUS_MARK_COLOURS[status] if stroke == STATUS_STYLES[status].stroke else stroke


#: gevinst's own look: what every output uses when no theme is given.
DEFAULT_THEME = Theme()


#: Dash patterns (on, off) in points: arrows from dis-benefits, the links of notes,
#: implied arrows (a focused map), dashed box borders and the legend's small swatches.
DASHES: dict[str, tuple[float, float]] = {
    "disbenefit": (6.0, 4.0),
    "note": (3.0, 3.0),
    "implied": (2.0, 3.0),
    "mitigates": (8.0, 3.0),
    "border": (5.0, 3.0),
    "swatch": (4.0, 2.0),
}
#: The same in PowerPoint, which has preset dashes only.
OFFICE_DASHES: dict[str, str] = {
    "disbenefit": "dash",
    "note": "dash",
    "implied": "sysDot",
    "mitigates": "lgDash",
    "border": "dash",
    "swatch": "sysDash",
}

#: Legend lines for the kinds of arrow: colour, width, dash pattern (on, off) or None.
LEGEND_LINES: dict[str, tuple[str, float, tuple[float, float] | None]] = {
    "contributes": (EDGE_COLOUR, 3.0, None),
    "implied": (EDGE_COLOUR, 1.5, DASHES["implied"]),
    "mitigates": (EDGE_COLOUR, 1.5, DASHES["mitigates"]),
}


def edge_width(weight: float | None) -> float:
    """Line width in points for an arrow carrying ``weight`` (share 0..1)."""
    if weight is None:
        return 1.4
    return round(0.8 + 3.2 * max(0.0, min(1.0, weight)), 2)


# Advance widths of DejaVu Sans in thousandths of an em (regular, bold), measured
# from the font file matplotlib ships. Characters not listed count as ``_DEFAULT``.
_CHARS = (
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
    "abcdefghijklmnopqrstuvwxyz{|}~æøåÆØÅéèüöäÉ–—’“”«»§%€"
)
_REGULAR = (
    "32,40,46,84,64,95,78,27,39,39,50,84,32,36,32,34,64,64,64,64,64,64,64,64,64,64,34,34,"
    "84,84,84,53,100,68,69,70,77,63,58,77,75,29,29,66,56,86,75,79,60,79,69,63,61,73,68,99,"
    "69,61,69,39,34,39,84,50,50,61,63,55,63,62,35,63,63,28,28,58,28,97,63,61,63,63,41,52,"
    "39,63,59,82,59,59,52,64,34,64,84,98,61,61,97,79,68,62,62,63,61,61,63,50,100,32,52,52,"
    "61,61,50,95,64"
)
_BOLD = (
    "35,46,52,84,70,100,87,31,46,46,52,84,38,42,38,37,70,70,70,70,70,70,70,70,70,70,40,40,"
    "84,84,84,58,100,77,76,73,83,68,68,82,84,37,37,77,64,100,84,85,73,85,77,72,68,81,77,"
    "110,77,72,73,46,37,46,84,50,50,67,72,59,72,68,44,72,71,34,34,67,34,104,71,69,72,72,49,"
    "60,48,71,65,92,65,65,58,71,37,71,84,105,69,67,108,85,77,68,68,71,69,67,68,50,100,38,"
    "66,66,65,65,50,100,70"
)
_WIDTHS = {
    False: dict(zip(_CHARS, (int(w) / 100 for w in _REGULAR.split(",")), strict=True)),
    True: dict(zip(_CHARS, (int(w) / 100 for w in _BOLD.split(",")), strict=True)),
}
_DEFAULT = 0.7


def text_width(text: str, size: float = FONT_SIZE, bold: bool = False) -> float:
    """Width of ``text`` in points at ``size`` points (DejaVu Sans metrics)."""
    return _ems(text, _WIDTHS[bold]) * size


def _ems(text: str, table: dict[str, float], start: float = 0.0) -> float:
    """``start`` plus the widths of the characters of ``text`` in ems, added one by one
    from the left (so a text measured in parts gives exactly the sum of the whole)."""
    return functools.reduce(operator.add, map(table.get, text, itertools.repeat(_DEFAULT)), start)


def clean_text(text: str) -> str:
    """Text with control characters removed and whitespace runs made single spaces.

    Newlines are kept: they are where the author wants a line break.
    """
    lines = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        kept = (
            line if line.isprintable() else "".join(ch if ch.isprintable() else " " for ch in line)
        )
        lines.append(" ".join(kept.split()))
    return "\n".join(line for line in lines if line)


def wrap(text: str, width: float, size: float = FONT_SIZE, bold: bool = False) -> tuple[str, ...]:
    """Break ``text`` into lines no wider than ``width`` points (long words are split).

    Explicit newlines in ``text`` always break the line. The time is linear in the
    length of the text: each word is measured once onto the line it may join, and a
    word too wide for a line is cut piece by piece, each measured from where the last
    one ended.
    """
    table = _WIDTHS[bold]
    space = table.get(" ", _DEFAULT)
    lines: list[str] = []
    for paragraph in clean_text(text).split("\n"):
        current = ""
        current_ems = 0.0  # text_width(current) / size
        for word in paragraph.split(" "):
            candidate = _ems(word, table, current_ems + space if current else 0.0)
            if candidate * size <= width:
                current = f"{current} {word}" if current else word
                current_ems = candidate
                continue
            if current:
                lines.append(current)
            current, current_ems = _split_long_word(word, width, size, table, lines)
        if current:
            lines.append(current)
    return tuple(lines) or ("",)


def _split_long_word(
    word: str, width: float, size: float, table: dict[str, float], lines: list[str]
) -> tuple[str, float]:
    """Append to ``lines`` the hyphenated pieces of ``word`` while the rest is wider than
    ``width``; return the rest that fits and its width in ems.

    A piece is the longest start of the rest (at least one character, never all of it)
    that fits with a hyphen. The running widths are summed over a window only somewhat
    longer than a line (doubled while too short), so a word costs time linear in its
    length however long it is.
    """
    hyphen = table.get("-", _DEFAULT)
    widths = functools.partial(map, table.get)
    start, end, window = 0, len(word), 64
    while True:
        piece = word[start : start + window]
        running = list(itertools.accumulate(widths(piece, itertools.repeat(_DEFAULT))))
        if not running or running[-1] * size <= width:
            if start + window >= end:  # the rest fits on a line
                return word[start:], running[-1] if running else 0.0
            window *= 2  # the rest may still fit: look further
            continue
        fitting = bisect.bisect_right(running, width, key=lambda ems: (ems + hyphen) * size)
        cut = max(1, min(fitting, end - start - 1))
        lines.append(word[start : start + cut] + "-")
        start += cut
        window = max(16, cut + 8)  # the next piece is about as long
