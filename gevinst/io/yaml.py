"""YAML as plan files use it: read safely, written tidily.

Reading refuses tags, anchors and aliases and duplicate keys, and resolves plain
scalars by the YAML 1.2 core rules, so ``no`` stays the text "no" (the Norway problem)
and ``1e3`` is a number; dates stay text until the model reads them as ISO 8601.
Plain block YAML (what the writer produces) goes through a fast line reader
(:mod:`gevinst.io.fastyaml`); everything else, and every error, through PyYAML's safe
loader. Writing quotes any text that YAML 1.1 or 1.2 would read as another type.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml

from gevinst.errors import PlanError, Said
from gevinst.io.fastyaml import MAX_KEY, NOT_FAST, parse_fast, refusal

__all__ = ["compose", "dump_yaml", "parse_safe", "parse_yaml"]

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

_CORE_SCALARS: list[tuple[str, str, str]] = [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (
        "tag:yaml.org,2002:int",
        r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$",
        "-+0123456789",
    ),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", "~nN\0"),
]


def _core_resolvers() -> dict[Any, list[tuple[str, re.Pattern[str]]]]:
    table: dict[Any, list[tuple[str, re.Pattern[str]]]] = {}
    for tag, pattern, first in _CORE_SCALARS:
        compiled = re.compile(pattern)
        for char in first:
            table.setdefault(None if char == "\0" else char, []).append((tag, compiled))
    table.setdefault("", []).append(("tag:yaml.org,2002:null", re.compile(r"^$")))
    return table


class _PlanLoader(_BaseLoader):  # type: ignore[misc]
    """A safe loader that refuses aliases and duplicate keys."""

    yaml_implicit_resolvers = _core_resolvers()

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                Said("load_yaml_anchor_again"),
                node.start_mark,
            )
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, Any] = {}
            for key_node, _ in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
                if key is not None and key in seen:
                    raise yaml.constructor.ConstructorError(
                        "in a mapping",
                        node.start_mark,
                        Said("load_duplicate_key_at", key=repr(key), line=seen[key].line + 1),
                        key_node.start_mark,
                    )
                if key is not None:
                    seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep=deep)


def _float_or_special(loader: Any, node: Any) -> float:
    text = str(loader.construct_scalar(node))
    lowered = text.lower()
    if lowered in (".inf", "+.inf"):
        return math.inf
    if lowered == "-.inf":
        return -math.inf
    if lowered == ".nan":
        return math.nan
    return float(text)


def _int_any_base(loader: Any, node: Any) -> int:
    text = str(loader.construct_scalar(node))
    try:
        if text.startswith("0o"):
            return int(text[2:], 8)
        if text.startswith("0x"):
            return int(text[2:], 16)
        return int(text, 10)
    except ValueError:
        raise yaml.constructor.ConstructorError(
            None, None, Said("load_yaml_digits", number=text[:20]), node.start_mark
        ) from None


_PlanLoader.add_constructor("tag:yaml.org,2002:float", _float_or_special)
_PlanLoader.add_constructor("tag:yaml.org,2002:int", _int_any_base)


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return ""


#: Characters YAML reserves, which no plain (unquoted) value may start with.
_RESERVED = ("%", "@", "`")


def _quoted(written: str) -> str:
    """``written`` as a YAML double-quoted value (``%`` -> ``"%"``)."""
    return '"' + written.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _long_key(text: str, line: int, column: int) -> bool:
    """Whether the ':' at (line, column) follows a key too long for YAML."""
    lines = text.split("\n", line + 1)
    if line >= len(lines) or lines[line][column : column + 1] != ":":
        return False
    before = lines[line][:column].lstrip(" ")
    while before.startswith("- "):
        before = before[2:].lstrip(" ")
    # a block key: nothing before it on its line (else the ':' ends a value: quotes)
    return len(before) > MAX_KEY and ": " not in before and before[:1] not in ("{", "[")


#: Why each thing :func:`gevinst.io.fastyaml.refusal` finds is refused, whichever reader
#: meets it first.
_REFUSED = {
    "deep": Said("load_too_deep"),
    "tag": Said("load_yaml_tag"),
    "anchor": Said("load_yaml_anchor"),
}


def parse_yaml(text: str, source: str = "<string>") -> Any:
    """Parse YAML text safely into plain Python data, with located errors.

    Plain block YAML (what :func:`dumps` writes) is read by a fast line reader;
    anything else, and every error, goes through :func:`parse_safe`.
    """
    data = parse_fast(text)
    if data is not NOT_FAST:
        return data
    return parse_safe(text, source)


def parse_safe(text: str, source: str = "<string>") -> Any:
    """Like :func:`parse_yaml`, with the safe loader only (never the fast reader).

    What the fast reader accepts, this gives the same data for; it is the reference
    the fast reader is tested against (``benchmarks/fuzz_fastyaml.py``).
    """
    found = refusal(text)
    if found is not None:
        kind, line, column = found
        raise PlanError(_REFUSED[kind], source=source, line=line, column=column)
    try:
        return yaml.load(text, Loader=_PlanLoader)  # noqa: S506 - _PlanLoader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem: str = exc.problem or Said("load_yaml_cannot")
        if "could not determine a constructor" in problem:
            problem = _REFUSED["tag"]
        elif mark is not None and _long_key(text, mark.line, mark.column):
            problem = Said("load_yaml_long_key", limit=MAX_KEY)
        elif mark is not None and _char_at(text, mark.line, mark.column) == "\t":
            problem = Said("load_yaml_tab")
        elif mark is not None and _char_at(text, mark.line, mark.column) in _RESERVED:
            # YAML reserves these: no plain value may start with one (``unit: %``)
            written = text.split("\n", mark.line + 1)[mark.line][mark.column :].strip()
            char = repr(_char_at(text, mark.line, mark.column))
            problem = Said("load_yaml_reserved", char=char, quoted=_quoted(written))
        elif exc.context and exc.problem and "duplicate key" not in problem:
            problem = Said("load_yaml_syntax", context=exc.context, problem=problem)
        raise PlanError(
            problem,
            source=source,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from exc
    except yaml.YAMLError as exc:
        raise PlanError(Said("load_yaml_unreadable", problem=exc), source=source) from exc
    except (ValueError, OverflowError) as exc:
        raise PlanError(Said("load_value_unreadable", problem=exc), source=source) from exc
    except RecursionError as exc:
        raise PlanError(_REFUSED["deep"], source=source) from exc


def compose(text: str) -> Any:
    """The YAML node tree of ``text`` (for line numbers), or ``None`` if it does not parse."""
    try:
        return yaml.compose(text, Loader=_BaseLoader)
    except (yaml.YAMLError, RecursionError, ValueError):
        return None


# --------------------------------------------------------------------------------------
# Writing


class _Flow(dict[str, Any]):
    """A mapping written on one line: {date: 2025-06-30, value: 16}."""


class _FlowList(list[Any]):
    """A list written on one line: [O1, O2]."""


def _quoting_resolvers() -> dict[Any, list[tuple[str, re.Pattern[str]]]]:
    """YAML 1.1's implicit types and YAML 1.2's together: text that either would read
    as something else (``no``, ``0E0``, ``2025-06-30``) is written in quotes."""
    table = {
        key: list(value) for key, value in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
    }
    for key, value in _core_resolvers().items():
        table.setdefault(key, []).extend(value)
    return table


class _PlanDumper(_BaseDumper):  # type: ignore[misc]
    """Block style for sections and records, one-line style for small leaf values."""

    yaml_implicit_resolvers = _quoting_resolvers()


_PlanDumper.add_representer(
    _Flow,
    lambda dumper, data: dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True),
)
_PlanDumper.add_representer(
    _FlowList,
    lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True),
)


def _flat(value: Any) -> bool:
    """A scalar, or a list of scalars."""
    if isinstance(value, list):
        return not any(isinstance(v, dict | list) for v in value)
    return not isinstance(value, dict)


def _leaf(value: Any) -> Any:
    if isinstance(value, dict) and all(_flat(v) for v in value.values()):
        return _Flow({k: _FlowList(v) if isinstance(v, list) else v for k, v in value.items()})
    if isinstance(value, list) and not any(isinstance(v, dict | list) for v in value):
        return _FlowList(value)
    if isinstance(value, list):
        return [_leaf(item) for item in value]
    return value


def _yaml_layout(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, section in data.items():
        if key == "measurements" and isinstance(section, list):
            out[key] = [_Flow(row) for row in section]
        elif isinstance(section, list):
            out[key] = [
                {k: _leaf(v) for k, v in record.items()} if isinstance(record, dict) else record
                for record in section
            ]
        else:
            out[key] = section
    return out


def dump_yaml(data: dict[str, Any]) -> str:
    """Plan data as YAML: block style for sections and records, one line for leaf values."""
    text: str = yaml.dump(
        _yaml_layout(data),
        Dumper=_PlanDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )
    return text
