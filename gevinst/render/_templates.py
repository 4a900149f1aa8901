"""The templates of the HTML pages (the map page and the HTML report), autoescaped.

The pages are Jinja templates in ``gevinst/templates/``. Autoescape is on for every
one of them, so text from a plan is escaped wherever a template puts it, with no
escaper to remember. The only markup that passes unescaped is what gevinst made
itself: SVG from our own writers (which escape every label), wrapped in
:class:`markupsafe.Markup` where it is made, and the data JSON, which the
``script_json`` filter writes so that it cannot end its ``<script>`` block.

The environment holds no state of a run (only the templates, loaded once), so it is
built once and shared.

Examples:
    >>> from markupsafe import Markup
    >>> environment().from_string("<b>{{ name }}</b>").render(name="<script>")
    '<b>&lt;script&gt;</b>'
    >>> script_json({"name": "</script><b>"})
    Markup('{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}')
"""

from __future__ import annotations

import functools
import json

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

import gevinst.theme as theme

__all__ = ["environment", "render_page", "script_json"]

#: Characters that must not appear as themselves in JSON inside ``<script>``: ``<``
#: could start ``</script>`` or ``<!--``, ``>`` and ``&`` are escaped with it as the
#: usual set; U+2028 and U+2029 end a line in older JavaScript.
_SCRIPT_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def script_json(value: object) -> Markup:
    """JSON that cannot end a ``<script>`` block or open a comment inside it.

    Keys sorted, no spaces, non-ASCII as itself: the same value gives the same bytes.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, code in _SCRIPT_ESCAPES:
        text = text.replace(char, code)
    return Markup(text)  # noqa: S704 - no <, > or & left: cannot be markup in <script>


@functools.cache
def environment() -> Environment:
    """The one Jinja environment of the pages: autoescape on, unknown names an error."""
    env = Environment(
        loader=PackageLoader("gevinst", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,  # a line with only a {% tag %} leaves no empty line
        lstrip_blocks=True,
    )
    env.filters["script_json"] = script_json
    env.globals["palette"] = theme.css_variables()  # the colours, for the pages' :root
    return env


def render_page(name: str, look: theme.Theme = theme.DEFAULT_THEME, **context: object) -> bytes:
    """Template ``name`` rendered with ``context``, as UTF-8 bytes; ``look`` gives the
    page's palette and font (CSS custom properties in its ``:root``)."""
    # a Theme holds only checked values (#RRGGBB colours, a font name of letters,
    # digits, spaces and hyphens), so they go into the style sheet as they are
    palette = {key: Markup(value) for key, value in look.css_variables().items()}  # noqa: S704
    page = environment().get_template(name).render(**{"palette": palette, **context})
    return page.encode("utf-8")
