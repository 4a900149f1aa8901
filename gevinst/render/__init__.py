"""Benefit maps in every format, drawn from one layout.

:func:`render` picks a renderer from the output file's suffix (:data:`RENDERERS`),
builds the whole file in memory and only then writes it (atomically), so a failed
render writes nothing and leaves an existing file untouched. The public functions take
the view options as keywords and make one :class:`~gevinst.layout.options.MapOptions`
of them; :func:`map_bytes` and :func:`write_map` take that object itself.

======== ==================================================================
suffix   what
======== ==================================================================
``.svg`` vector map (also what Jupyter shows: ``Plan._repr_svg_``)
``.png`` picture for slides and documents (matplotlib, no cairo needed)
``.pdf`` vector map for print (matplotlib)
``.dot`` the Graphviz source, for people who want to restyle it
``.mmd`` a Mermaid flowchart for wikis, GitHub and GitLab
``.html`` one offline page: hover for details, click to follow the chain
``.json`` the layout itself: boxes, routes and headings in points, to draw elsewhere
======== ==================================================================

Examples:
    >>> from gevinst.render import RENDERERS
    >>> sorted(RENDERERS)
    ['.dot', '.html', '.json', '.mmd', '.pdf', '.png', '.svg']
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from gevinst.errors import FormatError, Said
from gevinst.layout.options import MapOptions
from gevinst.layout.request import MapRequest
from gevinst.personal_data import refuse
from gevinst.theme import DEFAULT_THEME

if TYPE_CHECKING:
    from gevinst.layout.view import EvaluationLike
    from gevinst.model import Plan
    from gevinst.theme import Theme

__all__ = [
    "RENDERERS",
    "UNTHEMED",
    "map_bytes",
    "render",
    "render_bytes",
    "to_inline_html",
    "to_svg",
    "write_map",
]


Renderer = Callable[[MapRequest], bytes]

#: Output suffix -> "module:function" of the renderer (imported when used).
RENDERERS: dict[str, str] = {
    ".svg": "gevinst.render.svg:render_svg",
    ".png": "gevinst.render.mpl:render_png",
    ".pdf": "gevinst.render.mpl:render_pdf",
    ".dot": "gevinst.render.dot:render_dot",
    ".mmd": "gevinst.render.mermaid:render_mermaid",
    ".html": "gevinst.render.html:render_html",
    ".json": "gevinst.render.layout_json:render_json",
}


#: Formats that are sources for other tools or plain data: drawn without the theme.
UNTHEMED = (".dot", ".mmd", ".json")


def _renderer(suffix: str, path: str | Path | None = None) -> Renderer:
    target = RENDERERS.get(suffix.lower())
    if target is None:
        raise FormatError.unknown_suffix(Said("format_a_map"), suffix, RENDERERS, path=path)
    module, name = target.split(":")
    function: Renderer = getattr(importlib.import_module(module), name)
    return function


def _suffix(fmt: str) -> str:
    return fmt if fmt.startswith(".") else f".{fmt}"


def map_bytes(plan: Plan, fmt: str, options: MapOptions, page: str | None = None) -> bytes:
    """The benefit map of ``plan`` with ``options`` as the bytes of format ``fmt``.

    ``page`` picks one printed page of a large map as PNG (see :func:`render`).

    Raises:
        FormatError: an unknown format (the message lists the known ones).
        PersonalDataError: the plan holds a national identity number (GV201).
        RenderError: ``options.focus`` is not an element, ``page`` is not a page of
            the map, or Graphviz failed.
    """
    renderer = _renderer(_suffix(fmt))
    refuse(plan)
    if _suffix(fmt).lower() in UNTHEMED and options.theme != DEFAULT_THEME:
        import warnings

        warnings.warn(
            f"a {_suffix(fmt).lower()} map keeps gevinst's own look: the theme is used by "
            f"{', '.join(s for s in RENDERERS if s not in UNTHEMED)}",
            UserWarning,
            stacklevel=2,
        )
    return renderer(MapRequest(plan, options, page=page))


def write_map(plan: Plan, path: str | Path, options: MapOptions, page: str | None = None) -> Path:
    """Draw the benefit map of ``plan`` with ``options`` to ``path`` (see :func:`render`).

    ``page="all"`` with a ``.png`` path writes every printed page of a large map:
    ``map.png`` (the overview) and ``map-<key>.png`` beside it. Every file is made in
    memory first, so a failure writes none.
    """
    from gevinst._files import atomic_write

    target = Path(path)
    _renderer(target.suffix, target)  # the message names the file
    if page != "all" or target.suffix.lower() not in _PAGED:
        return atomic_write(target, map_bytes(plan, target.suffix, options, page))
    refuse(plan)
    module, name = _PAGED[target.suffix.lower()].split(":")
    pages: Callable[[MapRequest], list[tuple[str, bytes]]] = getattr(
        importlib.import_module(module), name
    )
    files = [
        (target.with_name(f"{target.stem}{key}{target.suffix}"), data)
        for key, data in pages(MapRequest(plan, options))
    ]
    for file, data in files:
        atomic_write(file, data)
    return target


#: Formats that write one file per printed page with ``page="all"``.
_PAGED = {".png": "gevinst.render.mpl:png_pages"}


def render_bytes(
    plan: Plan,
    fmt: str,
    *,
    evaluation: EvaluationLike | None = None,
    focus: str | None = None,
    kinds: Iterable[str] | None = None,
    depth: int | None = None,
    group_by: str | None = None,
    language: str | None = None,
    assumptions: bool = False,
    theme: Theme | str | Path | None = None,
    paper: str = "A3",
) -> bytes:
    """The benefit map of ``plan`` as the bytes of format ``fmt`` (``"svg"``, ``".png"``...).

    Raises:
        FormatError: an unknown format (the message lists the known ones).
        PersonalDataError: the plan holds a national identity number (GV201).
        ThemeError: ``theme`` is a file that is not a usable theme.
    """
    from gevinst.io.theme_file import as_theme

    _renderer(_suffix(fmt))  # an unknown format fails before the options are read
    options = MapOptions(
        evaluation=evaluation,
        focus=focus,
        kinds=kinds,
        depth=depth,
        group_by=group_by,
        language=language,
        assumptions=assumptions,
        theme=as_theme(theme),
        paper=paper,
    )
    return map_bytes(plan, fmt, options)


def render(
    plan: Plan,
    path: str | Path,
    *,
    evaluation: EvaluationLike | None = None,
    focus: str | None = None,
    kinds: Iterable[str] | None = None,
    depth: int | None = None,
    group_by: str | None = None,
    language: str | None = None,
    assumptions: bool = False,
    theme: Theme | str | Path | None = None,
    page: str | int | None = None,
    paper: str = "A3",
) -> Path:
    """Draw the benefit map of ``plan`` to ``path``; the format follows the suffix.

    Args:
        plan: the plan.
        path: the output file: ``.svg .png .pdf .dot .mmd .html``.
        evaluation: an evaluation (``gv.evaluate(plan, at=...)``): colour by status.
        focus: show only this element, what feeds it and what it feeds.
        kinds: show only these kinds (``["measure", "benefit", "goal"]``).
        depth: with ``focus``, at most this many steps from it.
        group_by: ``"owner"`` or ``"goal"``: frames around groups of elements.
        language: ``"nb"`` or ``"en"`` (default: the plan's language).
        assumptions: show assumptions as notes beside their elements.
        theme: a municipality's look: a :class:`~gevinst.theme.Theme` or the path of a
            theme file (font, logo, colours of kinds and statuses; see
            :func:`gevinst.load_theme`). Default: gevinst's own look.
        page: a map too large for one A3 page with 9 pt labels prints as pages (an
            overview, then a page per goal; see :mod:`gevinst.layout.pages`): a
            ``.pdf`` holds them all, a ``.png`` is the overview, or the page named
            here (its number from 1, or its goal id); ``"all"`` writes every page,
            ``map.png`` and ``map-<goal id>.png`` beside it.
        paper: ``"A3"`` or ``"A4"``: the landscape sheet of those pages; on A4 the
            labels wrap narrower and a page holds fewer boxes, still at 9 pt or more.

    Returns:
        The path written.

    Raises:
        FormatError: an unknown suffix (the message lists the known ones).
        RenderError: an unknown element, kind or grouping, or Graphviz failed.
        PersonalDataError: the plan holds a national identity number (GV201); nothing
            is drawn from such a plan.
        ThemeError: ``theme`` is a file that is not a usable theme (nothing is written).

    Examples:
        >>> import gevinst as gv, tempfile, pathlib
        >>> plan = gv.load("examples/minimal.yaml")  # doctest: +SKIP
        >>> gv.render(plan, "kart.svg")  # doctest: +SKIP
        PosixPath('kart.svg')
    """
    from gevinst.io.theme_file import as_theme

    _renderer(Path(path).suffix, path)  # an unknown suffix fails before any work
    options = MapOptions(
        evaluation=evaluation,
        focus=focus,
        kinds=kinds,
        depth=depth,
        group_by=group_by,
        language=language,
        assumptions=assumptions,
        theme=as_theme(theme),
        paper=paper,
    )
    return write_map(plan, path, options, None if page is None else str(page))


def to_svg(plan: Plan, **options: object) -> str:
    """The benefit map of ``plan`` as SVG text (used by ``Plan._repr_svg_``)."""
    return map_bytes(plan, ".svg", MapOptions(**options)).decode("utf-8")  # type: ignore[arg-type]


#: The root element's size as the SVG renderer writes it (points).
_SVG_SIZE = re.compile(r'<svg ([^>]*?)width="([0-9.]+)pt" height="([0-9.]+)pt"')


def to_inline_html(plan: Plan, **options: object) -> str:
    """The benefit map as SVG to put inside an HTML page, scaled to fit its container
    (a notebook cell): never wider than the cell, never larger than drawn (used by
    ``Plan._repr_html_``).

    Examples:
        >>> import gevinst as gv
        >>> plan = gv.Plan.new("p", "P")
        >>> _ = plan.add_goal("G1", "Mål")
        >>> html = to_inline_html(plan)
        >>> html.startswith("<svg "), 'style="max-width:min(100%,' in html
        (True, True)
    """
    svg = to_svg(plan, **options)
    svg = svg[svg.index("<svg ") :]  # no XML declaration inside HTML
    return _SVG_SIZE.sub(
        r'<svg \1width="100%" style="max-width:min(100%,\2pt);height:auto"',
        svg,
        count=1,
    )
