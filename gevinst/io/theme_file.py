r"""Theme files: a municipality's font, logo and colours, read safely from YAML.

A theme file has at most four keys::

    name: Eksempel kommune        # whose look it is: the logo's alternative text
    font: Source Sans 3           # a font family name
    logo: logo.png                # PNG, JPEG or SVG, relative to the theme file
    colours:                      # kinds and statuses: a fill, or a fill and a border
      goal: "#RRGGBB"
      measure: {fill: "#RRGGBB", stroke: "#RRGGBB"}
      off_track: {fill: "#RRGGBB", stroke: "#RRGGBB"}

(``examples/theme/bergen-like.yaml`` is a whole one.)

The YAML is read like a plan file (no tags, anchors or aliases, no duplicate keys), so
a hostile file cannot run code or blow up in memory. Every problem is a
:class:`~gevinst.errors.ThemeError` that names the file and line, says what is wrong
and how to fix it: an unknown key (with the keys that exist), a colour not written
``"#RRGGBB"``, a fill on which text would fall under 4.5:1, a border (also the colour
of status marks) under 3:1 on the paper, a logo that is missing or not a PNG, JPEG or
SVG picture.

Examples:
    >>> from gevinst.io.theme_file import parse_theme
    >>> look = parse_theme("name: Eksempel kommune\nfont: Source Sans 3\n")
    >>> look.name, look.font, look.office_font
    ('Eksempel kommune', 'Source Sans 3', 'Source Sans 3')
    >>> parse_theme("name: Eksempel kommune\ncolour: {}\n", source="t.yaml")
    Traceback (most recent call last):
    ...
    gevinst.errors.ThemeError: t.yaml:2: unknown key 'colour' (did you mean 'colours'?); ...
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from pathlib import Path
from typing import Any

from gevinst.errors import GevinstError, PlanError, Said, SaidNumber, ThemeError
from gevinst.theme import (
    BACKGROUND,
    FONT_NAME,
    KIND_STYLES,
    MIN_LINE_CONTRAST,
    MIN_TEXT_CONTRAST,
    STATUS_STYLES,
    KindStyle,
    Logo,
    StatusStyle,
    Theme,
    contrast,
    fill_contrast,
    fill_problem,
    readable_tint,
    stroke_problem,
)

__all__ = ["MAX_LOGO_BYTES", "MAX_THEME_BYTES", "as_theme", "load_theme", "parse_theme"]

#: A theme file larger than this is refused before it is parsed.
MAX_THEME_BYTES = 64 * 1024
#: A logo larger than this is refused (it goes into every deck and page).
MAX_LOGO_BYTES = 2 * 1024 * 1024

_KEYS = ("name", "font", "logo", "colours")
_PARTS = ("fill", "stroke")
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
#: The plan reader's refusals of YAML, said of a theme file.
_IN_A_THEME = {
    "load_yaml_tag": "theme_yaml_tag",
    "load_yaml_anchor": "theme_yaml_anchor",
    "load_yaml_anchor_again": "theme_yaml_anchor_again",
}


def _lines(text: str) -> dict[tuple[str, ...], int]:
    """The 1-based line of every key (and of every value, under its path plus ``"="``)
    of the mapping in ``text``, by its path of keys."""
    from gevinst.io.yaml import compose

    found: dict[tuple[str, ...], int] = {}

    def walk(node: Any, path: tuple[str, ...]) -> None:
        if getattr(node, "id", None) != "mapping":
            return
        for key, value in node.value:
            here = (*path, str(key.value))
            found[here] = key.start_mark.line + 1
            found[(*here, "=")] = value.start_mark.line + 1
            walk(value, here)

    walk(compose(text), ())
    return found


class _Reader:
    """Reads one theme file, raising located errors."""

    def __init__(self, text: str, source: str, folder: Path | None) -> None:
        self.text = text
        self.source = source
        self.folder = folder
        self.lines: dict[tuple[str, ...], int] = {}

    def fail(self, reason: Said, *path: str, value: bool = False) -> ThemeError:
        line = self.lines.get((*path, "=") if value else path)
        return ThemeError(reason, source=self.source, line=line)

    def read(self) -> Theme:
        from gevinst.io.yaml import parse_safe

        try:
            data = parse_safe(self.text, self.source)
        except PlanError as exc:
            reason = exc.reason
            if isinstance(reason, Said) and reason.key in _IN_A_THEME:
                reason = Said(_IN_A_THEME[reason.key], **reason.fields)
            raise ThemeError(reason, source=self.source, line=exc.line) from exc
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise self.fail(Said("theme_not_mapping"))
        self.lines = _lines(self.text)
        for key in data:
            if key not in _KEYS:
                raise self.fail(_unknown(key, _KEYS, Said("theme_file_has")), str(key))
        name = self.name(data.get("name"))
        font = self.font(data.get("font"))
        logo = self.logo(data.get("logo"))
        kinds, statuses = self.colours(data.get("colours"))
        try:
            return Theme(name=name, font=font, logo=logo, kinds=kinds, statuses=statuses)
        except ValueError as exc:  # pragma: no cover - every value was checked above
            raise ThemeError(str(exc), source=self.source) from exc

    def name(self, value: Any) -> str:
        if value is None:
            return ""
        if not isinstance(value, str) or not value.strip() or len(value) > 100:
            raise self.fail(Said("theme_name"), "name", value=True)
        return " ".join(value.split())

    def font(self, value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str) or not FONT_NAME.fullmatch(" ".join(value.split())):
            raise self.fail(Said("theme_font", value=repr(value)), "font", value=True)
        return " ".join(value.split())

    def logo(self, value: Any) -> Logo | None:
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(Said("theme_logo_path"), "logo", value=True)
        path = Path(value.strip())
        if not path.is_absolute() and self.folder is not None:
            path = self.folder / path
        if not path.is_file():
            raise self.fail(Said("theme_logo_missing", path=repr(str(path))), "logo", value=True)
        size = path.stat().st_size
        if size > MAX_LOGO_BYTES:
            said = Said(
                "theme_logo_large",
                name=repr(path.name),
                size=size // 1024,
                limit=MAX_LOGO_BYTES // 1024,
            )
            raise self.fail(said, "logo", value=True)
        data = path.read_bytes()
        media_type = _media_type(data)
        if media_type is None:
            said = Said("theme_logo_not_picture", name=repr(path.name))
            raise self.fail(said, "logo", value=True)
        return Logo(data, media_type, str(path))

    def colours(self, value: Any) -> tuple[dict[str, KindStyle], dict[str, StatusStyle]]:
        kinds: dict[str, KindStyle] = {}
        statuses: dict[str, StatusStyle] = {}
        if value is None:
            return kinds, statuses
        if not isinstance(value, dict):
            raise self.fail(Said("theme_colours_not_mapping"), "colours", value=True)
        known = (*KIND_STYLES, *STATUS_STYLES)
        for key, given in value.items():
            if key not in known:
                have = Said("theme_colours_for")
                raise self.fail(_unknown(key, known, have), "colours", str(key))
            parts = self.parts(key, given)
            where = ("colours", key, "fill") if isinstance(given, dict) else ("colours", key)
            fill = parts.get("fill", _default_fill(key))
            if fill_problem(key, fill):
                raise self.fail(_fill_said(key, fill), *where, value=True)
            if "stroke" in parts and stroke_problem(key, parts["stroke"]):
                where = ("colours", key, "stroke")
                raise self.fail(_stroke_said(key, parts["stroke"]), *where, value=True)
            if key in KIND_STYLES:
                base = KIND_STYLES[key]
                fill, stroke = parts.get("fill", base.fill), parts.get("stroke", base.stroke)
                kinds[key] = dataclasses.replace(base, fill=fill, stroke=stroke)
            else:
                status = STATUS_STYLES[key]
                fill, stroke = parts.get("fill", status.fill), parts.get("stroke", status.stroke)
                statuses[key] = dataclasses.replace(status, fill=fill, stroke=stroke)
        return kinds, statuses

    def parts(self, key: str, given: Any) -> dict[str, str]:
        """The fill and stroke given for ``key``: a colour (the fill) or a mapping."""
        if not isinstance(given, dict):
            return {"fill": self.colour(given, "colours", key)}
        parts = {}
        for part, colour in given.items():
            if part not in _PARTS:
                have = Said("theme_parts_of", key=key)
                raise self.fail(_unknown(part, _PARTS, have), "colours", key, str(part))
            parts[str(part)] = self.colour(colour, "colours", key, str(part))
        return parts

    def colour(self, value: Any, *path: str) -> str:
        where = ".".join(path)
        if value is None:
            raise self.fail(Said("theme_colour_empty", where=where), *path, value=True)
        if not isinstance(value, str) or not _COLOUR.fullmatch(value.strip()):
            said = Said("theme_not_colour", where=where, value=repr(value))
            raise self.fail(said, *path, value=True)
        return value.strip().upper()


def _default_fill(key: str) -> str:
    return KIND_STYLES[key].fill if key in KIND_STYLES else STATUS_STYLES[key].fill


def _unknown(key: object, known: tuple[str, ...], have: Said) -> Said:
    close = difflib.get_close_matches(str(key), known, n=1)
    hint = Said("theme_did_you_mean", key=repr(close[0])) if close else ""
    return Said(
        "theme_unknown_key", key=repr(str(key)), close=hint, have=have, known=", ".join(known)
    )


def _fill_said(key: str, fill: str) -> Said:
    """Why ``fill`` is refused (:func:`~gevinst.theme.fill_problem`), in the table's words."""
    worst, texts = fill_contrast(key, fill)
    return Said(
        "theme_fill_contrast",
        key=key,
        fill=fill,
        ratio=SaidNumber(worst, 1),
        least=SaidNumber(MIN_TEXT_CONTRAST, 1),
        tint=readable_tint(fill, texts),
    )


def _stroke_said(key: str, stroke: str) -> Said:
    """Why ``stroke`` is refused (:func:`~gevinst.theme.stroke_problem`), in the table's words."""
    return Said(
        "theme_stroke_contrast",
        key=key,
        stroke=stroke,
        ratio=SaidNumber(contrast(stroke, BACKGROUND), 1),
        least=SaidNumber(MIN_LINE_CONTRAST, 1),
    )


def _media_type(data: bytes) -> str | None:
    """``image/png``, ``image/jpeg`` or ``image/svg+xml`` by the bytes themselves, or
    ``None``. An SVG must be XML whose root is ``<svg>``, without a DOCTYPE or entities
    (the way an XML bomb grows)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    head = data[:4096].lstrip().lower()
    if not (head.startswith(b"<?xml") or head.startswith(b"<svg") or head.startswith(b"<!--")):
        return None
    if b"<!doctype" in data.lower() or b"<!entity" in data.lower():
        return None
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(data)
    except (ParseError, DefusedXmlException):
        return None
    return "image/svg+xml" if root.tag.rsplit("}", 1)[-1] == "svg" else None


def parse_theme(text: str, source: str = "<theme>", folder: Path | None = None) -> Theme:
    """The theme in YAML ``text``; a logo path is read relative to ``folder``.

    Raises:
        ThemeError: the text is not a theme (the message says where and how to fix it).
    """
    return _Reader(text, source, folder).read()


def load_theme(path: str | Path) -> Theme:
    """Read a theme file (see the module docs for its keys).

    Args:
        path: the YAML file; its ``logo`` is found relative to the file's folder.

    Returns:
        The :class:`~gevinst.theme.Theme`, checked: colours ``#RRGGBB`` and readable,
        the logo a PNG, JPEG or SVG picture.

    Raises:
        ThemeError: the file is missing, too large, not YAML or not a theme; the
            message names the file and line, what is wrong and how to fix it.

    Examples:
        >>> import gevinst as gv
        >>> gv.load_theme("examples/theme/bergen-like.yaml").name
        'Eksempel kommune'
    """
    target = Path(path)
    try:
        size = target.stat().st_size
        if size > MAX_THEME_BYTES:
            said = Said("theme_too_large", size=size // 1024, limit=MAX_THEME_BYTES // 1024)
            raise ThemeError(said, source=target)
        raw = target.read_bytes()
    except GevinstError:
        raise
    except OSError as exc:
        problem = Said("load_no_file") if isinstance(exc, FileNotFoundError) else exc.strerror
        said = Said("theme_unreadable", problem=problem or str(exc))
        raise ThemeError(said, source=target) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ThemeError(Said("theme_not_text"), source=target) from exc
    return parse_theme(text, str(target), target.parent)


def as_theme(theme: Theme | str | Path | None) -> Theme | None:
    """``theme`` as a :class:`~gevinst.theme.Theme`: a theme file is read (see
    :func:`load_theme`), a theme or ``None`` (gevinst's own look) is kept."""
    if theme is None or isinstance(theme, Theme):
        return theme
    if isinstance(theme, (str, Path)):
        return load_theme(theme)
    raise TypeError(f"theme must be a Theme or the path of a theme file, not {theme!r}")
