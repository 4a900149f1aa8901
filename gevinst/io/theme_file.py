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

from gevinst.errors import GevinstError, PlanError, ThemeError
from gevinst.theme import (
    FONT_NAME,
    KIND_STYLES,
    STATUS_STYLES,
    KindStyle,
    Logo,
    StatusStyle,
    Theme,
    fill_problem,
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

    def fail(self, reason: str, *path: str, value: bool = False) -> ThemeError:
        line = self.lines.get((*path, "=") if value else path)
        return ThemeError(reason, source=self.source, line=line)

    def read(self) -> Theme:
        from gevinst.io.yaml import parse_safe

        try:
            data = parse_safe(self.text, self.source)
        except PlanError as exc:
            reason = exc.reason.replace("a plan file", "a theme file")
            raise ThemeError(reason, source=self.source, line=exc.line) from exc
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise self.fail(
                "a theme file is a YAML mapping of name, font, logo and colours "
                "(see docs/theme.md), not a single value or a list"
            )
        self.lines = _lines(self.text)
        for key in data:
            if key not in _KEYS:
                raise self.fail(_unknown(key, _KEYS, "a theme file has"), str(key))
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
            raise self.fail(
                "name is the organisation's name, text of 1 to 100 characters "
                "(name: Eksempel kommune)",
                "name",
                value=True,
            )
        return " ".join(value.split())

    def font(self, value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str) or not FONT_NAME.fullmatch(" ".join(value.split())):
            raise self.fail(
                f"font must be one font family name of letters, digits, spaces and "
                f"hyphens (font: Source Sans 3), not {value!r}",
                "font",
                value=True,
            )
        return " ".join(value.split())

    def logo(self, value: Any) -> Logo | None:
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(
                "logo is the path of a PNG, JPEG or SVG file, relative to the theme "
                "file (logo: logo.png)",
                "logo",
                value=True,
            )
        path = Path(value.strip())
        if not path.is_absolute() and self.folder is not None:
            path = self.folder / path
        if not path.is_file():
            raise self.fail(
                f"the logo {str(path)!r} does not exist; give the path of a PNG, JPEG or "
                "SVG file, relative to the theme file",
                "logo",
                value=True,
            )
        size = path.stat().st_size
        if size > MAX_LOGO_BYTES:
            raise self.fail(
                f"the logo {path.name!r} is {size // 1024} KB; at most "
                f"{MAX_LOGO_BYTES // 1024} KB goes into every deck and page: make it smaller",
                "logo",
                value=True,
            )
        data = path.read_bytes()
        media_type = _media_type(data)
        if media_type is None:
            raise self.fail(
                f"the logo {path.name!r} is not a PNG, JPEG or SVG picture; save it as one "
                "of those",
                "logo",
                value=True,
            )
        return Logo(data, media_type, str(path))

    def colours(self, value: Any) -> tuple[dict[str, KindStyle], dict[str, StatusStyle]]:
        kinds: dict[str, KindStyle] = {}
        statuses: dict[str, StatusStyle] = {}
        if value is None:
            return kinds, statuses
        if not isinstance(value, dict):
            raise self.fail(
                'colours is a mapping of kinds and statuses to colours (goal: "#RRGGBB")',
                "colours",
                value=True,
            )
        known = (*KIND_STYLES, *STATUS_STYLES)
        for key, given in value.items():
            if key not in known:
                raise self.fail(_unknown(key, known, "colours are given for"), "colours", str(key))
            parts = self.parts(key, given)
            where = ("colours", key, "fill") if isinstance(given, dict) else ("colours", key)
            problem = fill_problem(key, parts.get("fill", _default_fill(key)))
            if problem:
                raise self.fail(f"colours.{key}.fill: {problem}", *where, value=True)
            if "stroke" in parts:
                problem = stroke_problem(key, parts["stroke"])
                if problem:
                    where = ("colours", key, "stroke")
                    raise self.fail(f"colours.{key}.stroke: {problem}", *where, value=True)
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
                raise self.fail(
                    _unknown(part, _PARTS, f"colours.{key} has"), "colours", key, str(part)
                )
            parts[str(part)] = self.colour(colour, "colours", key, str(part))
        return parts

    def colour(self, value: Any, *path: str) -> str:
        where = ".".join(path)
        if value is None:
            raise self.fail(
                f'{where} is empty: a colour is written in quotes, "#RRGGBB" (unquoted, '
                "YAML reads # as the start of a comment)",
                *path,
                value=True,
            )
        if not isinstance(value, str) or not _COLOUR.fullmatch(value.strip()):
            raise self.fail(
                f'{where}: {value!r} is not a colour; write it as "#RRGGBB", six hex '
                "digits in quotes",
                *path,
                value=True,
            )
        return value.strip().upper()


def _default_fill(key: str) -> str:
    return KIND_STYLES[key].fill if key in KIND_STYLES else STATUS_STYLES[key].fill


def _unknown(key: object, known: tuple[str, ...], have: str) -> str:
    close = difflib.get_close_matches(str(key), known, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown key {str(key)!r}{hint}; {have}: {', '.join(known)}"


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
            raise ThemeError(
                f"{size // 1024} KB is too large for a theme file (at most "
                f"{MAX_THEME_BYTES // 1024} KB); a theme has only name, font, logo and colours",
                source=target,
            )
        raw = target.read_bytes()
    except GevinstError:
        raise
    except OSError as exc:
        raise ThemeError(
            f"the theme file cannot be read ({exc.strerror or exc}); check the path",
            source=target,
        ) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ThemeError(
            "a theme file is YAML text in UTF-8; this file is not text (is it the logo?)",
            source=target,
        ) from exc
    return parse_theme(text, str(target), target.parent)


def as_theme(theme: Theme | str | Path | None) -> Theme | None:
    """``theme`` as a :class:`~gevinst.theme.Theme`: a theme file is read (see
    :func:`load_theme`), a theme or ``None`` (gevinst's own look) is kept."""
    if theme is None or isinstance(theme, Theme):
        return theme
    if isinstance(theme, (str, Path)):
        return load_theme(theme)
    raise TypeError(f"theme must be a Theme or the path of a theme file, not {theme!r}")
