"""Reading and writing plans: YAML, JSON, Excel (by suffix), measurements from CSV.

This module holds the entry points and the files; the YAML details live in
:mod:`gevinst.io.yaml`, the located validation errors in :mod:`gevinst.io.validate` and
the parsing of measurement CSV text in :mod:`gevinst.io.measurements`.
Reading is safe (no tags, no anchors or aliases, no duplicate keys) and located: every
error names the file, the line and column where the parser can tell, the element id
and the field, and what would be valid. Writing is deterministic (same plan, same
bytes), keeps æøå readable and is atomic: a temporary file beside the target, renamed
into place.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gevinst._files import atomic_write, by_suffix, paused_gc
from gevinst.errors import FormatError, PlanError, Said, SaidNumber
from gevinst.io.measurements import parse_measurements, rows_for
from gevinst.io.validate import element_lines, record_lines, validate
from gevinst.io.yaml import dump_yaml, parse_yaml
from gevinst.model import Measurement, Plan
from gevinst.personal_data import refuse

__all__ = [
    "READERS",
    "WRITERS",
    "decode_text",
    "dumps",
    "element_lines",
    "load",
    "load_measurements",
    "loads",
    "measurements_for",
    "parse_json",
    "parse_measurements",
    "parse_yaml",
    "plan_to_data",
    "read_csv_text",
    "read_input",
    "record_lines",
    "save",
    "validate",
    "writer_for",
    "written_language",
]

MAX_BYTES = 200 * 1024 * 1024  # a plan larger than this is not a plan

#: What an input file is, as the messages about its size name it.
_WHAT = {"a plan": Said("load_a_plan"), "a measurement file": Said("load_a_measurement_file")}

#: ``language: en`` as a plan file writes it: YAML block or flow, or JSON.
_LANGUAGE = re.compile(r"""(?m)(?:^|[{,\s])["']?language["']?\s*:\s*["']?(nb|en)\b""")


def written_language(text: str) -> str | None:
    """The ``language`` a plan's text gives, read even when the plan cannot be: the
    first ``language: nb|en`` in it (YAML or JSON), else None. Says which language a
    message about a mistake in the file is in.

    Examples:
        >>> written_language("plan: {id: p, language: en, title: [")
        'en'
        >>> written_language('{"plan": {"language": "nb"}}'), written_language("plan: x")
        ('nb', None)
    """
    found = _LANGUAGE.search(text)
    return found.group(1) if found else None


# --------------------------------------------------------------------------------------
# JSON


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)  # in C; only a mapping with a repeated key takes the slow path
    if len(out) == len(pairs):
        return out
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise ValueError(Said("load_duplicate_key", key=repr(key)))
        seen.add(key)
    return out  # pragma: no cover - unreachable: fewer keys means a repeated one


def parse_json(text: str, source: str = "<string>") -> Any:
    """Parse JSON text into plain Python data, with located errors."""
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        raise PlanError(
            Said("load_json_syntax", problem=exc.msg),
            source=source,
            line=exc.lineno,
            column=exc.colno,
        ) from exc
    except ValueError as exc:
        reason = exc.args[0] if exc.args and isinstance(exc.args[0], Said) else str(exc)
        raise PlanError(reason, source=source) from exc
    except RecursionError as exc:
        raise PlanError(Said("load_too_deep"), source=source) from exc


# --------------------------------------------------------------------------------------
# Loading


def decode_text(raw: bytes, source: str) -> str:
    """The text of a plan file's bytes: UTF-8 (a BOM dropped), LF line ends.

    Raises:
        PlanError: larger than :data:`MAX_BYTES`, not UTF-8 (the line and column of the
            first byte that is not) or holding NUL bytes.
    """
    if len(raw) > MAX_BYTES:
        raise PlanError(
            Said("load_too_large_mb", size=f"{len(raw) / 1e6:.0f}", limit=MAX_BYTES // 2**20),
            source=source,
        )
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise PlanError(
            Said("load_not_utf8", byte=f"0x{raw[exc.start]:02x}"),
            source=source,
            line=line,
            column=column,
        ) from exc
    if "\x00" in text:
        raise PlanError(Said("load_nul"), source=source)
    return text.replace("\r\n", "\n")


def loads(text: str | bytes, format: str = "yaml", source: str = "<string>") -> Plan:
    """Read a plan from YAML or JSON text.

    Examples:
        >>> import gevinst as gv
        >>> plan = gv.loads("schema: gevinst/1\\nplan: {id: p, title: Prøve}\\n")
        >>> plan.title
        'Prøve'
    """
    if isinstance(text, bytes):
        text = decode_text(text, source)
    else:
        text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if format not in ("json", "yaml", "yml"):
        raise FormatError(Said("format_plan_format", format=repr(format)))
    with paused_gc():  # halves the time of a large plan; see gevinst._files
        data = parse_json(text, source) if format == "json" else parse_yaml(text, source)
        return validate(data, source, text)


def read_input(path: str | Path, what: str = "a plan") -> bytes:
    """The bytes of an input file, refused before reading when over :data:`MAX_BYTES`.

    A regular file's size is checked before a byte is read; from anything else (a pipe,
    a device such as ``/dev/zero``) at most ``MAX_BYTES + 1`` bytes are read. A named
    pipe without a writer reads as empty instead of waiting forever.

    Raises:
        PlanError: the file is larger than :data:`MAX_BYTES` (the message gives the
            limit); ``what`` names the kind of file in it.
        OSError: the file cannot be opened (no such file, a folder, permission).
    """
    path = Path(path)
    kind = _WHAT.get(what, what)
    limit = MAX_BYTES // 2**20
    nonblocking = getattr(os, "O_NONBLOCK", 0)  # opening a pipe must not wait for a writer
    fd = os.open(path, os.O_RDONLY | nonblocking | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        if stat.S_ISREG(info.st_mode) and info.st_size > MAX_BYTES:
            size = SaidNumber(round(info.st_size / 2**20))
            raise PlanError(Said("load_too_large", size=size, what=kind, limit=limit), source=path)
        if nonblocking:
            os.set_blocking(fd, True)
        raw = handle.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise PlanError(Said("load_too_much", what=kind, limit=limit), source=path)
    return raw


def _read_text_plan(path: Path, fmt: str) -> Plan:
    return loads(read_input(path), fmt, str(path))


def _read_xlsx(path: Path) -> Plan:
    from gevinst.io.excel.read import read_workbook

    return read_workbook(path)  # measured first, with the workbook's own limit


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
        suffix = repr(path.suffix) if path.suffix else Said("format_file_without_suffix")
        known = ", ".join(sorted(READERS))
        raise FormatError(Said("format_cannot_read", path=path, suffix=suffix, known=known))
    try:
        plan = reader(path)
    except FileNotFoundError as exc:
        raise PlanError(Said("load_no_file"), source=path) from exc
    except IsADirectoryError as exc:
        raise PlanError(Said("load_folder"), source=path) from exc
    except PermissionError as exc:
        raise PlanError(Said("load_permission"), source=path) from exc
    if measurements is not None:
        plan.measurements.extend(measurements_for(plan, measurements))
    return plan


# --------------------------------------------------------------------------------------
# Measurements (the CSV text is parsed in gevinst.io.measurements)


def measurements_for(plan: Plan, path: str | Path) -> list[Measurement]:
    """The measurements of a CSV file, each of an indicator the plan has."""
    path = Path(path)
    return [measurement for _, measurement in rows_for(plan, read_csv_text(path), path)]


def load_measurements(path: str | Path) -> list[Measurement]:
    """Read measurements from CSV with the columns ``indicator,date,value[,note]``.

    A semicolon-separated file with decimal commas (as Norwegian Excel writes it) is
    read too. Errors name the file, the line and the column.
    """
    path = Path(path)
    return parse_measurements(read_csv_text(path), str(path))


def read_csv_text(path: str | Path) -> str:
    """The text of a measurement file (measured before it is read, as a plan is)."""
    try:
        raw = read_input(path, "a measurement file")
    except OSError as exc:
        problem = exc.strerror or str(exc)
        raise PlanError(Said("load_csv_unreadable", problem=problem), source=path) from exc
    return decode_text(raw, str(path))


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


def dumps(plan: Plan, format: str = "yaml") -> str:
    """The plan as YAML or JSON text; the same plan always gives the same text.

    Raises:
        PersonalDataError: the plan holds a national identity number (GV201); nothing
            is written out of such a plan (also not by :func:`save`).
    """
    refuse(plan)
    if format == "json":
        return json.dumps(plan_to_data(plan, "json"), ensure_ascii=False, indent=2) + "\n"
    if format in ("yaml", "yml"):
        return dump_yaml(plan_to_data(plan))
    raise FormatError(Said("format_plan_format", format=repr(format)))


def _write_text_plan(plan: Plan, path: Path, fmt: str) -> bytes:
    return dumps(plan, fmt).encode("utf-8")


def _write_xlsx(plan: Plan, path: Path) -> bytes:
    from gevinst.io.excel.write import workbook_bytes

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
    return atomic_write(path, writer_for(path)(plan, path))


def writer_for(path: str | Path) -> Callable[[Plan, Path], bytes]:
    """The plan writer of :data:`WRITERS` for the suffix of ``path``.

    Raises:
        FormatError: an unknown suffix (the message lists the known ones).
    """
    return by_suffix(WRITERS, path, Said("load_a_plan"))
