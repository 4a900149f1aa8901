"""Plain data to a :class:`~gevinst.model.Plan`, with every error located in the file.

A pydantic error location such as ``('benefits', 3, 'owner')`` becomes the file's line
and column (from the YAML node tree, which JSON text has too), the element id
(``B4``), the field (``owner``) and a message that says what would be valid.
"""

from __future__ import annotations

import reprlib
from collections.abc import Sequence
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from gevinst.errors import PlanError, Said, SaidLines
from gevinst.io.fastyaml import record_lines_fast, record_lines_json
from gevinst.io.yaml import compose
from gevinst.model import (
    Baseline,
    Cost,
    Link,
    Measurement,
    Mitigation,
    Plan,
    PlanInfo,
    Target,
    Value,
)

__all__ = [
    "all_problems",
    "describe",
    "element_lines",
    "record_lines",
    "validate",
    "validator_message",
]

# Which model a nested key leads to, for listing the allowed keys of an unknown key.
_NESTED: dict[str, type[BaseModel]] = {
    "plan": PlanInfo,
    "value": Value,
    "cost": Cost,
    "baseline": Baseline,
    "targets": Target,
    "contributes_to": Link,
    "mitigates": Mitigation,
    "measurements": Measurement,
}


def _model_at(loc: Sequence[int | str]) -> type[BaseModel] | None:
    from gevinst.model import SECTIONS

    model: type[BaseModel] | None = Plan
    for part in loc:
        if isinstance(part, int):
            continue
        if model is Plan and part in SECTIONS:
            model = SECTIONS[part]
        elif model is Plan and part == "reviews":
            from gevinst.model import Review

            model = Review
        elif part in _NESTED:
            model = _NESTED[part]
        else:
            return model
    return model


def _allowed_keys(model: type[BaseModel] | None) -> str:
    if model is None:
        return ""
    names = [info.alias or name for name, info in model.model_fields.items()]
    return ", ".join(names)


_SHORT = reprlib.Repr()
_SHORT.maxstring = _SHORT.maxother = 60
_SHORT.maxlevel = 2
_SHORT.maxlist = _SHORT.maxdict = 4

#: No plan is nested deeper than this (plan > section > record > targets > item).
MAX_DEPTH = 16


def _depth_exceeds(data: Any, limit: int = MAX_DEPTH) -> bool:
    # Level by level over the containers only (scalars are most of a large plan).
    level = [data] if isinstance(data, dict | list) else []
    for depth in range(limit + 1):
        if not level:
            return False
        if depth == limit:
            return any(level)
        deeper: list[Any] = []
        for value in level:
            items = value.values() if isinstance(value, dict) else value
            deeper.extend([item for item in items if isinstance(item, dict | list)])
        level = deeper
    return False


def describe(error: Any, loc: Sequence[int | str]) -> str:
    kind = error["type"]
    given = _Shown(error.get("input"))
    last = loc[-1] if loc else None
    if kind == "extra_forbidden":
        allowed = _allowed_keys(_model_at(loc[:-1]))
        hint: str = ""
        if given.value is None and isinstance(last, str) and " " in last:
            hint = Said("load_unknown_key_hint")
        return Said("load_unknown_key", key=repr(last), hint=hint, allowed=allowed)
    if kind == "missing":
        return Said("load_missing_key", key=repr(last))
    if kind == "string_pattern_mismatch":
        return Said("load_bad_id", given=repr(given))
    if kind == "literal_error" and loc == ("schema",):
        return Said("load_unknown_schema", given=repr(given))
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return Said("load_not_allowed", given=repr(given), expected=expected)
    if len(loc) >= 2 and loc[-2] == "ramp" and kind != "list_type":
        return Said("load_not_ramp", given=repr(given))
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return Said("load_not_whole", given=repr(given))
    if kind == "value_error":
        return validator_message(error)
    if kind == "string_too_long":
        limit = error.get("ctx", {}).get("max_length")
        length = len(given.value) if isinstance(given.value, str) else "more"
        if last == "name":
            return Said("load_name_too_long", limit=limit, length=length)
        return Said("load_text_too_long", limit=limit, length=length)
    if kind in ("string_type", "string_too_short"):
        if kind == "string_too_short":
            return Said("load_text_empty")
        return Said("load_expected_text", kind=type(given.value).__name__, given=repr(given))
    if kind in ("list_type",):
        return Said("load_expected_list", given=repr(given))
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return Said("load_expected_mapping", given=repr(given))
    return f"{error['msg']} (got {given!r})"


def validator_message(error: Any) -> str:
    """The message of a pydantic ``value_error``: the validator's own (a :class:`Said`
    when it raised one, so it can be said in Norwegian too)."""
    cause = error.get("ctx", {}).get("error")
    said = cause.args[0] if isinstance(cause, ValueError) and cause.args else None
    if isinstance(said, Said):
        return said
    return str(error["msg"]).removeprefix("Value error, ")


class _Shown:
    """A value shown briefly in a message, however large or deep it is."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __repr__(self) -> str:
        return _SHORT.repr(self.value)

    def __eq__(self, other: object) -> bool:
        return bool(self.value == other)

    __hash__ = None  # type: ignore[assignment]


def all_problems(problems: Sequence[Any]) -> str:
    """The reason of a file with ``problems`` (each with a ``reason``): the first one's,
    then the next 19 a line each and how many more there are."""
    reason: str = problems[0].reason
    if len(problems) > 1:
        listed: list[object] = [Said("load_problem_line", problem=p) for p in problems[1:20]]
        if len(problems) > 20:
            listed.append(Said("load_and_more", count=len(problems) - 20))
        more = SaidLines(listed)
        reason = Said("load_more_problems", first=reason, count=len(problems) - 1, more=more)
    return reason


def _field_path(loc: Sequence[int | str], start: int) -> str:
    out = ""
    for part in loc[start:]:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _element_of(data: Any, loc: Sequence[int | str]) -> tuple[str | None, int]:
    """The id of the record the error is in and where in ``loc`` its fields begin."""
    if len(loc) >= 2 and isinstance(loc[0], str) and isinstance(loc[1], int):
        try:
            record = data[loc[0]][loc[1]]
        except (KeyError, IndexError, TypeError):
            return None, 0
        if isinstance(record, dict) and isinstance(record.get("id"), str):
            return record["id"], 2
        return f"{loc[0]}[{loc[1]}]", 2
    return None, 0


def validate(data: Any, source: str = "<string>", text: str | None = None) -> Plan:
    """Turn parsed data into a :class:`Plan`, or raise a located :class:`PlanError`."""
    if data is None:
        raise PlanError(
            Said("load_empty"),
            source=source,
            line=1,
        )
    if not isinstance(data, dict):
        raise PlanError(
            Said("load_not_mapping", kind=type(data).__name__),
            source=source,
            line=1,
        )
    try:
        return Plan.model_validate(data)
    except ValidationError as exc:
        # A valid plan is at most five levels deep, so deeper data always ends here;
        # checking only now keeps the walk off the path of every plan that loads.
        if _depth_exceeds(data):
            raise PlanError(
                Said("load_deeper_than", depth=MAX_DEPTH),
                source=source,
            ) from None
        lines = element_lines(text, source) if text is not None else None
        problems = []
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            element, start = _element_of(data, loc)
            line, column = _locate(lines, loc)
            problems.append(
                PlanError(
                    describe(error, loc),
                    source=source,
                    line=line,
                    column=column,
                    element=element,
                    field=_field_path(loc, start) or None,
                )
            )
        first = problems[0]
        reason = all_problems(problems)
        raise PlanError(
            reason,
            source=source,
            line=first.line,
            column=first.column,
            element=first.element,
            field=first.field,
        ) from exc


# --------------------------------------------------------------------------------------
class _Locations:
    """Line and column of every mapping key and sequence item, by path."""

    def __init__(self, root: Any) -> None:
        self.root = root

    def find(self, loc: Sequence[int | str]) -> tuple[int, int] | None:
        node = self.root
        mark = node.start_mark if node is not None else None
        for part in loc:
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if getattr(key_node, "value", None) == part:
                        mark = key_node.start_mark
                        node = value_node
                        break
                else:
                    break
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if 0 <= part < len(node.value):
                    node = node.value[part]
                    mark = node.start_mark
                else:
                    break
            else:
                break
        if mark is None:
            return None
        return mark.line + 1, mark.column + 1


def element_lines(text: str | None, source: str = "<string>") -> _Locations | None:
    """Locations of keys and items in a YAML or JSON text (None if it does not parse)."""
    if text is None:
        return None
    root = compose(text)
    return _Locations(root) if root is not None else None


def _locate(lines: _Locations | None, loc: Sequence[int | str]) -> tuple[int | None, int | None]:
    if lines is None:
        return None, None
    found = lines.find(loc)
    return found if found else (None, None)


def record_lines(text: str) -> dict[str, int]:
    """The 1-based line of each record id in a plan text (for check output)."""
    fast = record_lines_fast(text)
    if fast is None:
        fast = record_lines_json(text)
    if fast is not None:
        return fast
    root = compose(text)
    out: dict[str, int] = {}
    if not isinstance(root, yaml.MappingNode):
        return out
    for _key, section in root.value:
        if not isinstance(section, yaml.SequenceNode):
            continue
        for item in section.value:
            if not isinstance(item, yaml.MappingNode):
                continue
            for key_node, value_node in item.value:
                if getattr(key_node, "value", None) == "id" and isinstance(
                    value_node, yaml.ScalarNode
                ):
                    out.setdefault(value_node.value, item.start_mark.line + 1)
    return out
