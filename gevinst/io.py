"""Reading and writing plans: YAML, JSON, measurements from CSV.

Reading is safe (no tags, no anchors or aliases, no duplicate keys) and located:
every error names the file, the line and column where the parser can tell, the
element id and the field, and what would be valid. YAML is read with the YAML 1.2
core scalars, so ``no`` stays the text "no" (the Norway problem) and ``1e3`` is a
number; dates stay text until the model reads them as ISO 8601, so a bad date is
reported at its place like any other value. Writing is deterministic (same plan, same
bytes), keeps æøå readable and is atomic: a temporary file beside the target, renamed
into place.
"""

from __future__ import annotations

import csv
import datetime as dt
import io as _io
import json
import math
import os
import re
import reprlib
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from gevinst._fastyaml import (
    NOT_FAST,
    parse_fast,
    paused_gc,
    record_lines_fast,
    record_lines_json,
    too_deep,
)
from gevinst.errors import FormatError, PlanError
from gevinst.model import (
    Baseline,
    Cost,
    Link,
    Measurement,
    Plan,
    PlanInfo,
    Target,
    Value,
)

__all__ = [
    "READERS",
    "WRITERS",
    "atomic_write",
    "dumps",
    "element_lines",
    "load",
    "load_measurements",
    "loads",
    "parse_yaml",
    "plan_to_data",
    "save",
    "validate",
]

MAX_BYTES = 200 * 1024 * 1024  # a plan larger than this is not a plan

# --------------------------------------------------------------------------------------
# YAML: safe, YAML 1.2 core scalars, no aliases, no duplicate keys

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
                "anchors and aliases (&name, *name) are not allowed in a plan file; "
                "write the value out where it is used (this anchor is used again)",
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
                        f"duplicate key {key!r} (first on line {seen[key].line + 1}); "
                        "each key may appear once",
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
            None, None, f"the number {text[:20]}... has too many digits", node.start_mark
        ) from None


_PlanLoader.add_constructor("tag:yaml.org,2002:float", _float_or_special)
_PlanLoader.add_constructor("tag:yaml.org,2002:int", _int_any_base)


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return ""


def parse_yaml(text: str, source: str = "<string>") -> Any:
    """Parse YAML text safely into plain Python data, with located errors.

    Plain block YAML (what :func:`dumps` writes) is read by a fast line reader;
    anything else, and every error, goes through the safe loader below.
    """
    data = parse_fast(text)
    if data is not NOT_FAST:
        return data
    deep = too_deep(text)
    if deep is not None:
        raise PlanError(
            "the file is nested too deeply to be a plan",
            source=source,
            line=deep[0],
            column=deep[1],
        )
    try:
        return yaml.load(text, Loader=_PlanLoader)  # noqa: S506 - _PlanLoader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "cannot be read"
        if "could not determine a constructor" in problem:
            problem = (
                "YAML tags (!!python/..., !custom) are not allowed in a plan file; remove the tag"
            )
        elif mark is not None and _char_at(text, mark.line, mark.column) == "\t":
            problem = "YAML syntax error: a tab character; YAML is indented with spaces, never tabs"
        elif exc.context and exc.problem and "duplicate key" not in problem:
            problem = f"YAML syntax error: {exc.context}, {problem}"
            problem += (
                "; text with ': ', '#' or starting with '{', '[', '&', '*' or '!' "
                "must be put in quotes"
            )
        raise PlanError(
            problem,
            source=source,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from exc
    except yaml.YAMLError as exc:
        raise PlanError(f"YAML cannot be read: {exc}", source=source) from exc
    except (ValueError, OverflowError) as exc:
        raise PlanError(f"a value cannot be read: {exc}", source=source) from exc
    except RecursionError as exc:
        raise PlanError("the file is nested too deeply to be a plan", source=source) from exc


# --------------------------------------------------------------------------------------
# JSON


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)  # in C; only a mapping with a repeated key takes the slow path
    if len(out) == len(pairs):
        return out
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise ValueError(f"duplicate key {key!r}; each key may appear once")
        seen.add(key)
    return out  # pragma: no cover - unreachable: fewer keys means a repeated one


def parse_json(text: str, source: str = "<string>") -> Any:
    """Parse JSON text into plain Python data, with located errors."""
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        raise PlanError(
            f"JSON syntax error: {exc.msg}", source=source, line=exc.lineno, column=exc.colno
        ) from exc
    except ValueError as exc:
        raise PlanError(str(exc), source=source) from exc
    except RecursionError as exc:
        raise PlanError("the file is nested too deeply to be a plan", source=source) from exc


# --------------------------------------------------------------------------------------
# Validation with located errors

# Which model a nested key leads to, for listing the allowed keys of an unknown key.
_NESTED: dict[str, type[BaseModel]] = {
    "plan": PlanInfo,
    "value": Value,
    "cost": Cost,
    "baseline": Baseline,
    "targets": Target,
    "contributes_to": Link,
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


def _describe(error: Any, loc: Sequence[int | str]) -> str:
    kind = error["type"]
    given = _Shown(error.get("input"))
    last = loc[-1] if loc else None
    if kind == "extra_forbidden":
        allowed = _allowed_keys(_model_at(loc[:-1]))
        hint = ""
        if given.value is None and isinstance(last, str) and " " in last:
            hint = " (is it the end of a text with a comma? put that text in quotes)"
        return f"unknown key {last!r}{hint}; allowed keys here: {allowed}"
    if kind == "missing":
        return f"required key {last!r} is missing"
    if kind == "string_pattern_mismatch":
        return (
            f"{given!r} is not a valid id: an id starts with a letter and has only "
            "letters, digits, '_', '.' and '-' (at most 64 characters)"
        )
    if kind == "literal_error" and loc == ("schema",):
        return f"unknown schema {given!r}; this version of gevinst reads 'gevinst/1'"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"{given!r} is not allowed here; use one of {expected}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{given!r} is not a whole number"
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    if kind in ("string_type", "string_too_short"):
        if kind == "string_too_short":
            return "text must not be empty"
        return f"expected text, got {type(given.value).__name__} {given!r}"
    if kind in ("list_type",):
        return f"expected a list ([a, b] or lines starting with '- '), got {given!r}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a mapping of keys to values, got {given!r}"
    return f"{error['msg']} (got {given!r})"


class _Shown:
    """A value shown briefly in a message, however large or deep it is."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __repr__(self) -> str:
        return _SHORT.repr(self.value)

    def __eq__(self, other: object) -> bool:
        return bool(self.value == other)

    __hash__ = None  # type: ignore[assignment]


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
            "the file is empty; a plan starts with 'schema: gevinst/1' and a 'plan:' header "
            "(`gevinst init` writes a starter plan)",
            source=source,
            line=1,
        )
    if not isinstance(data, dict):
        raise PlanError(
            f"a plan is a mapping with 'schema:' and 'plan:' at the top, not a "
            f"{type(data).__name__}",
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
                f"the file is nested more than {MAX_DEPTH} levels deep; a plan is not",
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
                    _describe(error, loc),
                    source=source,
                    line=line,
                    column=column,
                    element=element,
                    field=_field_path(loc, start) or None,
                )
            )
        first = problems[0]
        reason = first.reason
        if len(problems) > 1:
            more = "\n".join(f"  {p}" for p in problems[1:20])
            extra = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
            reason += f"\n{len(problems) - 1} more problem(s):\n{more}{extra}"
        raise PlanError(
            reason,
            source=source,
            line=first.line,
            column=first.column,
            element=first.element,
            field=first.field,
        ) from exc


# --------------------------------------------------------------------------------------
# Locations: map a path in the data to a line in the text


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


def _compose(text: str) -> Any:
    try:
        return yaml.compose(text, Loader=_BaseLoader)
    except (yaml.YAMLError, RecursionError, ValueError):
        return None


def element_lines(text: str | None, source: str = "<string>") -> _Locations | None:
    """Locations of keys and items in a YAML or JSON text (None if it does not parse)."""
    if text is None:
        return None
    root = _compose(text)
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
    root = _compose(text)
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


# --------------------------------------------------------------------------------------
# Loading


def _decode(raw: bytes, source: str) -> str:
    if len(raw) > MAX_BYTES:
        raise PlanError(
            f"the file is {len(raw) / 1e6:.0f} MB; a plan is at most {MAX_BYTES // 2**20} MiB",
            source=source,
        )
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise PlanError(
            f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x} cannot be read); "
            "save it as UTF-8 in your editor",
            source=source,
            line=line,
            column=column,
        ) from exc
    if "\x00" in text:
        raise PlanError("the file contains NUL bytes; is it a binary file?", source=source)
    return text.replace("\r\n", "\n")


def loads(text: str | bytes, format: str = "yaml", source: str = "<string>") -> Plan:
    """Read a plan from YAML or JSON text.

    Example:
        >>> import gevinst as gv
        >>> plan = gv.loads("schema: gevinst/1\\nplan: {id: p, title: Prøve}\\n")
        >>> plan.title
        'Prøve'
    """
    if isinstance(text, bytes):
        text = _decode(text, source)
    else:
        text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if format not in ("json", "yaml", "yml"):
        raise FormatError(f"unknown plan format {format!r}; use 'yaml' or 'json'")
    with paused_gc():  # halves the time of a large plan; see gevinst._fastyaml
        data = parse_json(text, source) if format == "json" else parse_yaml(text, source)
        return validate(data, source, text)


def _read_text_plan(path: Path, fmt: str) -> Plan:
    return loads(path.read_bytes(), fmt, str(path))


def _read_xlsx(path: Path) -> Plan:
    from gevinst.excel import read_workbook

    return read_workbook(path)


#: Plan readers by suffix.
READERS: dict[str, Callable[[Path], Plan]] = {
    ".yaml": lambda p: _read_text_plan(p, "yaml"),
    ".yml": lambda p: _read_text_plan(p, "yaml"),
    ".json": lambda p: _read_text_plan(p, "json"),
    ".xlsx": _read_xlsx,
}


def load(path: str | Path, *, measurements: str | Path | None = None) -> Plan:
    """Read a plan file (.yaml, .yml, .json, .xlsx); optionally add measurements from CSV.

    Raises:
        PlanError: the file cannot be read or is not a valid plan; the message says
            where and how to fix it.
    """
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise FormatError(
            f"{path}: cannot read a plan from {path.suffix or 'a file without suffix'!r}; "
            f"use one of {', '.join(sorted(READERS))}"
        )
    try:
        plan = reader(path)
    except FileNotFoundError as exc:
        raise PlanError("no such file", source=path) from exc
    except IsADirectoryError as exc:
        raise PlanError("this is a folder, not a plan file", source=path) from exc
    except PermissionError as exc:
        raise PlanError("permission denied: the file cannot be read", source=path) from exc
    if measurements is not None:
        plan.measurements.extend(_measurements_for(plan, Path(measurements)))
    return plan


def _measurements_for(plan: Plan, path: Path) -> list[Measurement]:
    """The measurements of a CSV file, each of an indicator the plan has."""
    known = {indicator.id for indicator in plan.indicators}
    rows = _measurement_rows(_read_csv_text(path), str(path))
    for line, measurement in rows:
        if measurement.indicator not in known:
            listed = ", ".join(sorted(known)[:12]) or "none"
            raise PlanError(
                f"{measurement.indicator!r} is not an indicator of plan {plan.id!r} "
                f"(its indicators: {listed}); fix the id in the CSV or add the indicator",
                source=path,
                line=line,
                column=1,
            )
    return [measurement for _, measurement in rows]


def load_measurements(path: str | Path) -> list[Measurement]:
    """Read measurements from CSV with the columns ``indicator,date,value[,note]``.

    A semicolon-separated file with decimal commas (as Norwegian Excel writes it) is
    read too. Errors name the file, the line and the column.
    """
    path = Path(path)
    return parse_measurements(_read_csv_text(path), str(path))


def _read_csv_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PlanError(f"cannot read measurements: {exc.strerror}", source=path) from exc
    return _decode(raw, str(path))


def parse_measurements(text: str, source: str = "<string>") -> list[Measurement]:
    """Parse measurement CSV text (see :func:`load_measurements`)."""
    return [measurement for _, measurement in _measurement_rows(text, source)]


def _measurement_rows(text: str, source: str) -> list[tuple[int, Measurement]]:
    """(line, measurement) for each row of measurement CSV text."""
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(_io.StringIO(text), delimiter=delimiter)
    rows = [(reader.line_num, row) for row in reader]
    if not rows:
        raise PlanError("the measurement file is empty", source=source, line=1)
    header = [h.strip().lower() for h in rows[0][1]]
    required = ["indicator", "date", "value"]
    if header[:3] != required or len(header) > 4 or (len(header) == 4 and header[3] != "note"):
        raise PlanError(
            f"the header is {','.join(rows[0][1])!r}; it must be 'indicator,date,value' "
            "with an optional ',note'",
            source=source,
            line=1,
        )
    out: list[tuple[int, Measurement]] = []
    for number, row in rows[1:]:
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) < 3 or len(row) > len(header):
            raise PlanError(
                f"expected {len(header)} columns, found {len(row)}", source=source, line=number
            )
        indicator, date_text, value_text = (cell.strip() for cell in row[:3])
        note = row[3].strip() if len(row) > 3 and row[3].strip() else None
        try:
            date = dt.date.fromisoformat(date_text)
        except ValueError:
            raise PlanError(
                f"{date_text!r} is not a date; write it as YYYY-MM-DD",
                source=source,
                line=number,
                column=2,
            ) from None
        number_text = value_text.replace("\u00a0", "").replace(" ", "")
        if delimiter == ";":
            number_text = number_text.replace(",", ".")
        try:
            value = float(number_text)
        except ValueError:
            raise PlanError(
                f"{value_text!r} is not a number", source=source, line=number, column=3
            ) from None
        try:
            out.append(
                (number, Measurement(indicator=indicator, date=date, value=value, note=note))
            )
        except ValidationError as exc:
            reason = "; ".join(_describe(e, tuple(e["loc"])) for e in exc.errors())
            raise PlanError(reason, source=source, line=number, column=1) from exc
    return out


# --------------------------------------------------------------------------------------
# Writing


def _tidy(value: Any) -> Any:
    """Drop empty lists and mappings, write whole floats as ints, links as plain ids."""
    if isinstance(value, dict):
        if set(value) == {"to"}:
            return value["to"]
        out = {}
        for key, item in value.items():
            tidy = _tidy(item)
            if tidy == [] or tidy == {}:
                continue
            out[key] = tidy
        return out
    if isinstance(value, list):
        return [_tidy(item) for item in value]
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def plan_to_data(plan: Plan, mode: str = "python") -> dict[str, Any]:
    """The plan as plain data in file order, without empty sections or unset fields."""
    data = plan.model_dump(mode=mode, by_alias=True, exclude_none=True)
    tidy: dict[str, Any] = _tidy(data)
    return tidy


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


def _leaf(value: Any) -> Any:
    if isinstance(value, dict) and not any(isinstance(v, dict | list) for v in value.values()):
        return _Flow(value)
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


def dumps(plan: Plan, format: str = "yaml") -> str:
    """The plan as YAML or JSON text; the same plan always gives the same text."""
    if format == "json":
        return json.dumps(plan_to_data(plan, "json"), ensure_ascii=False, indent=2) + "\n"
    if format in ("yaml", "yml"):
        text: str = yaml.dump(
            _yaml_layout(plan_to_data(plan)),
            Dumper=_PlanDumper,
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=False,
            width=100,
        )
        return text
    raise FormatError(f"unknown plan format {format!r}; use 'yaml' or 'json'")


def atomic_write(path: str | Path, data: bytes | str) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename.

    Either the whole new file is there afterwards, or the old one is untouched. A new
    file gets the usual permissions (0666 less the umask); a replaced file keeps its own.
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise FileNotFoundError(2, "no such folder to write into", str(folder))
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _write_text_plan(plan: Plan, path: Path, fmt: str) -> bytes:
    return dumps(plan, fmt).encode("utf-8")


def _write_xlsx(plan: Plan, path: Path) -> bytes:
    from gevinst.excel import workbook_bytes

    return workbook_bytes(plan)


#: Plan writers by suffix: each returns the bytes of the file.
WRITERS: dict[str, Callable[[Plan, Path], bytes]] = {
    ".yaml": lambda plan, p: _write_text_plan(plan, p, "yaml"),
    ".yml": lambda plan, p: _write_text_plan(plan, p, "yaml"),
    ".json": lambda plan, p: _write_text_plan(plan, p, "json"),
    ".xlsx": _write_xlsx,
}


def save(plan: Plan, path: str | Path) -> Path:
    """Write ``plan`` to ``path`` (.yaml, .yml, .json, .xlsx), atomically."""
    path = Path(path)
    writer = WRITERS.get(path.suffix.lower())
    if writer is None:
        raise FormatError(
            f"{path}: cannot save a plan as {path.suffix or 'a file without suffix'!r}; "
            f"use one of {', '.join(sorted(WRITERS))}"
        )
    return atomic_write(path, writer(plan, path))


def merge_measurements(plan: Plan, measurements: Iterable[Measurement]) -> Plan:
    """A copy of ``plan`` with ``measurements`` added."""
    copy = plan.model_copy(deep=True)
    copy.measurements.extend(measurements)
    return copy
