"""The edits the workshop page can make, applied to a plan file's parsed data in place.

The data is what a round-trip parser gave (``ruamel.yaml``'s commented maps and
lists for YAML, plain ``dict`` and ``list`` for JSON): an edit changes only the
entries it names, so the rest of the file keeps its text when it is written back.
Each edit is a JSON object with an ``op``; :func:`apply_edit` checks its shape and
raises :class:`EditError` (a message for the page) before it changes anything.

Examples:
    >>> data = {"schema": "gevinst/1", "plan": {"id": "p", "title": "P"}}
    >>> apply_edit(data, {"op": "add", "kind": "goal", "id": "G1", "name": "Mål"})
    'G1'
    >>> apply_edit(data, {"op": "add", "kind": "objective", "id": "O1", "name": "Effekt"})
    'O1'
    >>> apply_edit(data, {"op": "link", "source": "O1", "target": "G1", "weight": 0.5})
    'O1'
    >>> data["objectives"]
    [{'id': 'O1', 'name': 'Effekt', 'contributes_to': [{'to': 'G1', 'weight': 0.5}]}]
    >>> apply_edit(data, {"op": "delete", "id": "G1"})
    'G1'
    >>> data["objectives"], "goals" in data
    ([{'id': 'O1', 'name': 'Effekt'}], False)

A measure or change that reduces a dis-benefit is linked with ``"relation": "mitigates"``
(no weight; a note and assumptions as a link has), kept in its ``mitigates`` list:

    >>> apply_edit(data, {"op": "add", "kind": "disbenefit", "id": "D1", "name": "Ulempe"})
    'D1'
    >>> apply_edit(data, {"op": "add", "kind": "measure", "id": "M1", "name": "Tiltak"})
    'M1'
    >>> apply_edit(data, {"op": "link", "source": "M1", "target": "D1", "relation": "mitigates"})
    'M1'
    >>> data["measures"]
    [{'id': 'M1', 'name': 'Tiltak', 'mitigates': ['D1']}]
    >>> apply_edit(data, {"op": "unlink", "source": "M1", "target": "D1", "relation": "mitigates"})
    'M1'
    >>> data["measures"]
    [{'id': 'M1', 'name': 'Tiltak'}]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, MutableMapping, MutableSequence
from typing import Any

from gevinst.errors import GevinstError, Said, SaidLines, SaidNumber
from gevinst.workshop.comments import add_to, commented, put, remove_from

__all__ = [
    "DATES",
    "FIELDS",
    "KINDS",
    "LABELS",
    "RELATIONS",
    "SECTIONS",
    "EditError",
    "apply_edit",
]

#: Kinds of element the page can add, each with the section of the plan that holds it.
SECTIONS: dict[str, str] = {
    "goal": "goals",
    "objective": "objectives",
    "benefit": "benefits",
    "disbenefit": "disbenefits",
    "change": "changes",
    "measure": "measures",
    "stakeholder": "stakeholders",
    "indicator": "indicators",
}
KINDS = tuple(SECTIONS)
#: Kinds that take part in the map (have ``contributes_to``).
_LINKED = ("goal", "objective", "benefit", "disbenefit", "change", "measure")
#: What a link says, each with the list it is kept in: ``mitigates`` only from a
#: measure or a change to a dis-benefit (:class:`gevinst.model.Mitigation`).
RELATIONS: dict[str, str] = {"contributes": "contributes_to", "mitigates": "mitigates"}
_MITIGATING = ("measure", "change")

_BENEFIT = (
    "owner",
    "indicators",
    "type",
    "category",
    "value.annual",
    "value.from",
    "risk",
    "cashable",
)
#: The fields the page can set, by kind (``a.b`` is field ``b`` of the mapping ``a``).
FIELDS: dict[str, tuple[str, ...]] = {
    "goal": ("indicators",),
    "objective": ("owner", "indicators"),
    "benefit": _BENEFIT,
    "disbenefit": _BENEFIT,
    "change": ("owner",),
    "measure": ("owner", "status", "start", "end", "cost.one_off", "cost.annual"),
    "stakeholder": ("group", "power", "interest", "attitude"),
    "indicator": ("unit", "direction", "source", "frequency"),
}
_COMMON = ("name", "description", "assumptions")
#: The word (:mod:`gevinst.i18n.words`) of each field's label where it is not the
#: field's own name (``a.b`` fields have their own).
LABELS = {
    "value.annual": "ws_value_annual",
    "value.from": "ws_value_from",
    "cost.one_off": "one_off",
    "cost.annual": "ws_cost_annual",
}
_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,63}$")
_LISTS = ("assumptions", "indicators")
#: The fields that hold a date (written to the file as ISO ``YYYY-MM-DD``). The page
#: shows and takes them as ``format_date(numeric=True)`` writes them in the plan's
#: language (31.03.2026 in Norwegian); both forms are understood in either language.
DATES = ("start", "end", "value.from")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_AMOUNTS = ("value.annual", "cost.one_off", "cost.annual")
_MAX_TEXT = 10_000

Data = MutableMapping[str, Any]


class EditError(GevinstError, ValueError):
    """An edit that cannot be made as asked; the message says why (shown in the page).

    Raised with a :class:`~gevinst.errors.Said`: ``str(error)`` is English and
    :meth:`in_language` gives the page's language.

    Examples:
        >>> error = EditError(Said("ws_err_taken", id="M1"))
        >>> print(error)
        the id 'M1' is taken; choose another
        >>> print(error.in_language("nb"))
        id-en «M1» er allerede i bruk; velg en annen
    """


#: The words of each kind with its article, as a sentence names it ("not a benefit").
_A_KIND = {
    "goal": "ws_a_goal",
    "objective": "ws_a_objective",
    "benefit": "ws_a_benefit",
    "disbenefit": "ws_a_disbenefit",
    "change": "ws_a_change",
    "measure": "ws_a_measure",
    "stakeholder": "ws_a_stakeholder",
    "indicator": "ws_a_indicator",
}


def _a(kind: str) -> Said:
    """An element of ``kind``, as a sentence names it: "a benefit", "en gevinst"."""
    return Said(_A_KIND[kind])


def _label(field: str) -> object:
    """The field as the page labels it, for a message (a request's own keys as they are)."""
    if field in _COMMON or any(field in fields for fields in FIELDS.values()):
        return Said(LABELS.get(field, field))
    return field


def _listed(names: Iterable[object]) -> SaidLines:
    """``names`` (words or texts as they are) for a message, joined by commas."""
    return SaidLines(names, ", ")


def _text(edit: dict[str, Any], key: str, *, optional: bool = False) -> str | None:
    value = edit.get(key)
    if value is None and optional:
        return None
    named = _label(key) if key in _COMMON else key  # a link's "source" is no indicator's
    if not isinstance(value, str) or not value.strip():
        raise EditError(Said("ws_err_empty", field=named))
    if len(value) > _MAX_TEXT:
        raise EditError(Said("ws_err_too_long", field=named, limit=SaidNumber(_MAX_TEXT)))
    return value.strip()


def _id(edit: dict[str, Any], key: str) -> str:
    value = _text(edit, key)
    assert value is not None
    if not _ID.match(value):
        raise EditError(Said("ws_err_bad_id", id=value))
    return value


def _section(data: Data, kind: str, *, create: bool = False) -> MutableSequence[Any]:
    name = SECTIONS[kind]
    items = data.get(name)
    if items is None:
        if not create:
            return []
        items = commented([], data)  # ruamel's list, so later edits write only their lines
        _insert_section(data, name, items)
    if not isinstance(items, MutableSequence):
        raise EditError(Said("ws_err_not_a_list", name=name))
    return items


#: The order of a plan's sections, where a new one is put.
_ORDER = ("schema", "plan", *SECTIONS.values(), "measurements", "reviews")


def _insert_section(data: Data, name: str, items: list[Any]) -> None:
    """Put a new section after those that come before it in a plan."""
    keys = list(data)
    rank = _ORDER.index(name)
    before = [i for i, key in enumerate(keys) if key in _ORDER and _ORDER.index(key) < rank]
    position = before[-1] + 1 if before else len(keys)
    insert = getattr(data, "insert", None)
    if callable(insert):  # ruamel's commented map: comments stay where they are
        insert(position, name, items)
        return
    entries = list(data.items())
    entries.insert(position, (name, items))
    data.clear()
    data.update(entries)


def _find(data: Data, element_id: str) -> tuple[str, MutableMapping[str, Any]]:
    for kind in KINDS:
        for item in _section(data, kind):
            if isinstance(item, MutableMapping) and item.get("id") == element_id:
                return kind, item
    raise EditError(Said("ws_err_no_element", id=element_id))


def _link_target(link: Any) -> Any:
    return link.get("to") if isinstance(link, MutableMapping) else link


def _add(data: Data, edit: dict[str, Any]) -> str:
    kind = edit.get("kind")
    if kind not in SECTIONS:
        raise EditError(Said("ws_err_kind", kinds=_listed(Said(kind) for kind in KINDS)))
    element_id = _id(edit, "id")
    name = _text(edit, "name")
    for other in KINDS:
        if any(
            isinstance(item, MutableMapping) and item.get("id") == element_id
            for item in _section(data, other)
        ):
            raise EditError(Said("ws_err_taken", id=element_id))
    items = _section(data, kind, create=True)
    if not items and hasattr(items, "fa"):  # an empty `goals: []` becomes a block list
        items.fa.set_block_style()
    add_to(items, {"id": element_id, "name": name})
    return element_id


def _rename(data: Data, edit: dict[str, Any]) -> str:
    element_id = _id(edit, "id")
    _, element = _find(data, element_id)
    element["name"] = _text(edit, "name")
    return element_id


def _value(field: str, value: Any) -> Any:
    """The value to store for ``field``; None removes the field."""
    if value is None or value == "" or value == []:
        return None
    if field in _LISTS:
        items = value.splitlines() if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            raise EditError(Said("ws_err_list", field=_label(field)))
        kept = [v.strip() for v in items if v.strip()]
        return kept or None
    if isinstance(value, bool | int | float):
        return value
    if not isinstance(value, str):
        raise EditError(Said("ws_err_text_or_number", field=_label(field)))
    if len(value) > _MAX_TEXT:
        raise EditError(Said("ws_err_too_long", field=_label(field), limit=SaidNumber(_MAX_TEXT)))
    text = value.strip()
    if field in DATES:
        return _date(field, text)
    if field in _AMOUNTS:  # one number, or low / likely / high
        numbers = [_number(field, part) for part in text.split("/")]
        return numbers[0] if len(numbers) == 1 else numbers
    if field == "cashable":
        if text not in ("true", "false"):
            raise EditError(Said("ws_err_true_false", field=_label(field)))
        return text == "true"
    return text


def _date(field: str, text: str) -> dt.date:
    """A typed date: ``31.03.2026`` (also ``31.3.2026``) or ISO ``2026-03-31``.

    Examples:
        >>> _date("start", "31.3.2026"), _date("start", "2026-03-31")
        (datetime.date(2026, 3, 31), datetime.date(2026, 3, 31))
    """
    dotted = _DOTTED.match(text)
    try:
        if dotted:
            day, month, year = (int(part) for part in dotted.groups())
            return dt.date(year, month, day)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise EditError(Said("ws_err_date", field=_label(field), text=text))


def _number(field: str, text: str) -> int | float:
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "").replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        raise EditError(Said("ws_err_number", field=_label(field), text=text.strip())) from None
    return int(number) if number.is_integer() else number


def _set(data: Data, edit: dict[str, Any]) -> str:
    element_id = _id(edit, "id")
    kind, element = _find(data, element_id)
    field = edit.get("field")
    allowed = _COMMON + FIELDS[kind]
    if field not in allowed:
        raise EditError(
            Said(
                "ws_err_no_field",
                kind=_a(kind),
                field=field,
                fields=_listed(_label(name) for name in allowed),
            )
        )
    value = _value(field, edit.get("value"))
    if field == "name" and value is None:
        raise EditError(Said("ws_err_no_name"))
    if "." not in field:
        if value is not None:
            put(element, field, value)
        elif field in element:
            remove_from(element, field)
        return element_id
    outer, key = field.split(".", 1)
    inner = element.get(outer)
    if not isinstance(inner, MutableMapping):
        if value is not None:
            put(element, outer, {key: value})
        elif outer in element:
            remove_from(element, outer)
    elif value is not None:
        put(inner, key, value)
    elif key in inner:
        remove_from(inner, key, element, outer)
        if not inner:
            remove_from(element, outer)
    return element_id


def _links(element: MutableMapping[str, Any], key: str = "contributes_to") -> Any:
    links = element.get(key)
    if links is not None and not isinstance(links, MutableSequence):
        raise EditError(Said("ws_err_links_not_a_list", key=key, id=element.get("id")))
    return links


def _relation(edit: dict[str, Any]) -> str:
    """The list a link or unlink edit is about (``contributes_to`` unless it says)."""
    relation = edit.get("relation") or "contributes"
    if relation not in RELATIONS:
        raise EditError(Said("ws_err_relation", relations=_listed(RELATIONS)))
    return RELATIONS[relation]


def _weight(edit: dict[str, Any]) -> float | int | None:
    weight = edit.get("weight")
    if weight is None or weight == "":
        return None
    if isinstance(weight, str):
        try:
            weight = float(weight.replace(",", "."))
        except ValueError:
            raise EditError(Said("ws_err_weight_text", weight=weight)) from None
    if isinstance(weight, bool) or not isinstance(weight, int | float) or not 0 <= weight <= 1:
        raise EditError(Said("ws_err_weight"))
    return weight


def _link(data: Data, edit: dict[str, Any]) -> str:
    source, target = _id(edit, "source"), _id(edit, "target")
    key = _relation(edit)
    kind, element = _find(data, source)
    if kind not in _LINKED:
        raise EditError(Said("ws_err_not_linked", kind=_a(kind)))
    target_kind, _ = _find(data, target)
    if target_kind not in _LINKED:
        raise EditError(Said("ws_err_link_target", kind=_a(target_kind)))
    if source == target:
        raise EditError(Said("ws_err_self_link"))
    weight = _weight(edit)
    if key == "mitigates":
        if kind not in _MITIGATING:
            raise EditError(Said("ws_err_mitigator", kind=_a(kind)))
        if target_kind != "disbenefit":
            raise EditError(Said("ws_err_mitigated", target=target, kind=_a(target_kind)))
        if weight is not None:
            raise EditError(Said("ws_err_mitigation_weight"))
    note = _text(edit, "note", optional=True) if edit.get("note") not in (None, "") else None
    assumptions = _value("assumptions", edit.get("assumptions"))
    link: Any = target
    if weight is not None or note is not None or assumptions is not None:
        link = {"to": target}
        if weight is not None:
            link["weight"] = weight
        if note is not None:
            link["note"] = note
        if assumptions is not None:
            link["assumptions"] = assumptions
    links = _links(element, key)
    if links is None:
        put(element, key, [link])
        return source
    for i, old in enumerate(links):
        if _link_target(old) == target:
            links[i] = commented(link, links)
            break
    else:
        add_to(links, link)
    return source


def _drop_links(
    element: MutableMapping[str, Any], target: str, key: str = "contributes_to"
) -> bool:
    links = element.get(key)
    if not isinstance(links, MutableSequence):
        return False
    found = False
    for i in reversed(range(len(links))):
        if _link_target(links[i]) == target:
            remove_from(links, i, element, key)
            found = True
    if found and not links:
        remove_from(element, key)
    return found


def _unlink(data: Data, edit: dict[str, Any]) -> str:
    source, target = _id(edit, "source"), _id(edit, "target")
    key = _relation(edit)
    _, element = _find(data, source)
    if not _drop_links(element, target, key):
        if key == "mitigates":
            raise EditError(Said("ws_err_not_mitigating", source=source, target=target))
        raise EditError(Said("ws_err_no_link", source=source, target=target))
    return source


def _delete(data: Data, edit: dict[str, Any]) -> str:
    element_id = _id(edit, "id")
    kind, element = _find(data, element_id)
    items = _section(data, kind)
    position = next(i for i, item in enumerate(items) if item is element)
    remove_from(items, position, data, SECTIONS[kind])
    if not items:  # a section emptied here goes, as it was before its first element
        remove_from(data, SECTIONS[kind])
    for other in KINDS:  # nothing is left pointing at the deleted element
        for item in _section(data, other):
            if not isinstance(item, MutableMapping):
                continue
            for key in RELATIONS.values():
                _drop_links(item, element_id, key)
            impacts = item.get("impacts")
            if isinstance(impacts, MutableMapping) and element_id in impacts:
                remove_from(impacts, element_id, item, "impacts")
            refs = item.get("indicators")
            if isinstance(refs, MutableSequence) and element_id in refs:
                remove_from(refs, list(refs).index(element_id), item, "indicators")
                if not refs:
                    remove_from(item, "indicators")
    return element_id


_OPERATIONS: dict[str, Callable[[Data, dict[str, Any]], str]] = {
    "add": _add,
    "rename": _rename,
    "set": _set,
    "link": _link,
    "unlink": _unlink,
    "delete": _delete,
}
OPERATIONS = tuple(_OPERATIONS)


def apply_edit(data: Data, edit: Any) -> str:
    """Apply one edit to the plan's data in place; return the id of the element it touched.

    Raises:
        EditError: the edit is malformed or names what is not there; ``data`` is unchanged
            unless the file itself is malformed where the edit goes.
    """
    if not isinstance(edit, dict):
        raise EditError(Said("ws_err_not_an_edit"))
    if not isinstance(data, MutableMapping):
        raise EditError(Said("ws_err_not_a_mapping"))
    operation = _OPERATIONS.get(edit.get("op"))  # type: ignore[arg-type]
    if operation is None:
        raise EditError(Said("ws_err_op", ops=_listed(OPERATIONS)))
    return operation(data, edit)
