"""The editor page: one template, its words in the page's language, its script and style.

The page is ``templates/workshop.html.j2`` (autoescaped), with ``static/workshop.js``
and ``static/workshop.css`` served beside it from the package: the page loads nothing
from the network. The words the script needs travel as JSON in a data block that
cannot end its ``<script>`` (:func:`gevinst.render._templates.script_json`); the script
writes every text from the plan with ``textContent``.
"""

from __future__ import annotations

import functools

from jinja2 import Environment, PackageLoader, StrictUndefined

from gevinst.field_types import CLOSED
from gevinst.i18n.words import t
from gevinst.render._templates import script_json
from gevinst.workshop.edits import FIELDS, KINDS, LABELS

__all__ = ["CHOICES", "page_html", "page_words"]

#: The values a field can take, shown as a list to choose from: the model's closed lists
#: (:data:`gevinst.field_types.CLOSED`), so a value added there is offered here too.
CHOICES: dict[str, tuple[str, ...]] = {
    "status": CLOSED["status"],
    "type": CLOSED["type"],
    "category": CLOSED["category"],
    "risk": CLOSED["risk"],
    "power": CLOSED["scale"],
    "interest": CLOSED["scale"],
    "attitude": CLOSED["attitude"],
    "direction": CLOSED["direction"],
}
_PAGE_WORDS = (
    "ws_title",
    "ws_choose",
    "ws_none_selected",
    "ws_unlink",
    "ws_unmitigate",
    "ws_edit_link",
    "mitigates",
    "ws_no_links",
    "ws_no_findings",
    "ws_saved",
    "ws_not_saved",
    "ws_empty_map",
    "ws_date_hint",
    "name",
    "description",
    "assumptions",
)
#: The words the template writes itself.
_TEMPLATE_WORDS = (
    "ws_title",
    "ws_undo",
    "ws_redo",
    "ws_reload",
    "ws_conflict",
    "ws_plan_error",
    "benefit_map",
    "ws_findings",
    "ws_add",
    "ws_kind",
    "id",
    "name",
    "ws_add_button",
    "ws_element",
    "ws_fields",
    "ws_save",
    "ws_links",
    "ws_link_target",
    "ws_relation",
    "ws_contributes_to",
    "mitigates",
    "ws_weight",
    "note",
    "ws_link",
    "ws_delete",
    "ws_list_hint",
    "ws_keys",
    "description",
    "assumptions",
)


@functools.cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("gevinst.workshop", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def page_words(lang: str) -> dict[str, object]:
    """What the page's script needs to say, in ``lang``."""
    fields = sorted({field for kind in KINDS for field in FIELDS[kind]})
    return {
        "words": {key: t(key, lang) for key in _PAGE_WORDS},
        "kinds": {kind: t(kind, lang) for kind in KINDS},
        "labels": {field: t(LABELS.get(field, field), lang) for field in fields},
        "choices": {
            field: [[value, t(value, lang)] for value in values]
            for field, values in CHOICES.items()
        },
        "lang": lang,
    }


def page_html(lang: str) -> bytes:
    """The editor page in ``lang`` (the map and the rest come from the API)."""
    html = (
        _environment()
        .get_template("workshop.html.j2")
        .render(
            lang=lang,
            w={key: t(key, lang) for key in _TEMPLATE_WORDS},
            kinds=[(kind, t(kind, lang)) for kind in KINDS],
            data=script_json(page_words(lang)),
        )
    )
    return html.encode("utf-8")
