"""The plan file the workshop edits: read, versioned, edited round-trip, written atomically.

A YAML plan is parsed with ``ruamel.yaml`` in round-trip mode, so an edit rewrites only
what it touches: comments, key order, quoting, flow ``{...}`` lists and indentation of
the rest of the file keep their text. Writing a whole large file with ruamel.yaml is
slow (pure Python), so an edit of one element (rename, set, link, unlink, add) writes
that element's lines alone and splices them into the old text at the lines PyYAML's
composer gives; the result is the same text as writing the whole file (tested), and
any other edit writes the whole file. A JSON plan is edited only when ``json`` writes
it back byte for byte as it is (two-space indent or compact, UTF-8); otherwise it is
refused with the reason, as is an Excel plan (convert it to YAML first).

Every read gives the file's **version** (its modification time and a hash of its
bytes). An edit names the version it was made on; if the file has changed since
(another tab, a text editor, ``git pull``), it is refused with :class:`Conflict` and
nothing is written. Each edit is checked with the model before it is written (a plan
that was valid stays valid; one with errors may be edited towards fixing them) and
written with :func:`gevinst._files.atomic_write`: a crash leaves the old or the new
file. Undo and redo write back the text before and after an edit made here.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gevinst._files import atomic_write
from gevinst.errors import GevinstError, PlanError
from gevinst.io.plans import decode_text, loads, read_input
from gevinst.model import Plan
from gevinst.workshop.edits import SECTIONS, EditError, apply_edit

__all__ = ["Conflict", "PlanFile", "Snapshot", "refusal"]

_NESTED_KEY = re.compile(r"^[A-Za-z_]\S*:[ \t]*(?:#.*)?\n( +)[A-Za-z_]", re.MULTILINE)
#: The first item of a block list under a top-level key: its dash's indent is the offset.
_BLOCK_ITEM = re.compile(r"^[A-Za-z_]\S*:[ \t]*(?:#.*)?\n(?:[ \t]*#.*\n)*( *)- ", re.MULTILINE)


class Conflict(GevinstError, RuntimeError):
    """The file changed on disk since the page read it; nothing was written."""

    def __init__(self, current: str) -> None:
        super().__init__(
            "the plan file has changed on disk since the page loaded it; "
            "reload to see the change (your edit was not saved)"
        )
        self.current = current


@dataclass(frozen=True)
class Snapshot:
    """The file as read once: its text, version, and the plan or the reason it has none."""

    text: str
    version: str
    plan: Plan | None
    error: str | None


def refusal(path: Path) -> str | None:
    """Why the workshop cannot edit the plan file at ``path`` (None: it can).

    Examples:
        >>> refusal(Path("plan.yaml")) is None
        True
        >>> print(refusal(Path("plan.xlsx")).split("; ")[1])
        convert it first: gevinst convert plan.xlsx plan.yaml
    """
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml", ".json"):
        return None
    if suffix == ".xlsx":
        return (
            f"{path}: the workshop edits YAML and JSON plans, not Excel workbooks; "
            f"convert it first: gevinst convert {path} {path.with_suffix('.yaml')}"
        )
    return f"{path}: the workshop edits .yaml, .yml and .json plans"


def _version(raw: bytes, mtime_ns: int) -> str:
    return f"{mtime_ns:x}-{hashlib.sha256(raw).hexdigest()[:16]}"


class _Yaml:
    """Round-trip YAML in the indentation the file already uses."""

    def __init__(self, text: str) -> None:
        from ruamel.yaml import YAML

        self.yaml = YAML(typ="rt")
        self.yaml.preserve_quotes = True
        self.yaml.width = 4096  # long lines are not wrapped anew
        nested = _NESTED_KEY.search(text)
        item = _BLOCK_ITEM.search(text)
        offset = len(item.group(1)) if item else 2
        self.yaml.indent(
            mapping=len(nested.group(1)) if nested else 2,
            sequence=offset + 2,
            offset=offset,
        )

    def load(self, text: str) -> Any:
        return self.yaml.load(text)

    def dump(self, data: Any) -> str:
        out = io.StringIO()
        self.yaml.dump(data, out)
        return out.getvalue()


#: The edits that change one element's own lines (the element with the returned id).
_ONE_ELEMENT = ("rename", "set", "link", "unlink")


def _item_ranges(text: str, edit: Any) -> dict[str, tuple[str, int, list[int]]] | None:
    """Where each element of the plan text starts: id -> (section, index, [start, end) lines).

    From PyYAML's C composer (fast); None when the text or the edit is not a case the
    splice handles (then the whole file is written by ruamel.yaml).
    """
    if not isinstance(edit, dict) or edit.get("op") not in (*_ONE_ELEMENT, "add"):
        return None
    import yaml as pyyaml

    from gevinst.io.yaml import compose

    root = compose(text)
    if not isinstance(root, pyyaml.MappingNode):
        return None
    out: dict[str, tuple[str, int, list[int]]] = {}
    for key, section in root.value:
        if not isinstance(section, pyyaml.SequenceNode) or section.flow_style:
            continue
        items = section.value
        for index, item in enumerate(items):
            if not isinstance(item, pyyaml.MappingNode):
                return None
            end = items[index + 1].start_mark.line if index + 1 < len(items) else None
            if end is None:
                end = section.end_mark.line
                if section.end_mark.column != 0:  # the file ends without a newline
                    return None
            ids = [v.value for k, v in item.value if getattr(k, "value", None) == "id"]
            if len(ids) == 1 and isinstance(ids[0], str):
                out.setdefault(ids[0], (str(key.value), index, [item.start_mark.line, end]))
        if items:
            out.setdefault(f"\0last:{key.value}", (str(key.value), len(items) - 1, [0, 0]))
    return out


def _spliced(
    text: str,
    yaml: _Yaml,
    data: Any,
    edit: dict[str, Any],
    touched: str,
    ranges: dict[str, tuple[str, int, list[int]]] | None,
) -> str | None:
    """The new text with only the lines of the elements the edit changed written anew.

    ruamel.yaml writes those elements alone (in a copy of their section) and the lines
    are put in place of the old ones; everything else is the old text as it was. None
    when the edit is not one the splice handles.
    """
    if ranges is None:
        return None
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if edit["op"] == "add":
        section_name = SECTIONS.get(str(edit.get("kind")))
        last = ranges.get(f"\0last:{section_name}")
        if last is None:
            return None
        old_last = [
            key
            for key, (section, position, _) in ranges.items()
            if section == section_name and position == last[1] and not key.startswith("\0")
        ]
        if len(old_last) != 1:
            return None
        name, index, (start, end) = ranges[old_last[0]]
        count = 2  # the old last element (its comment lines moved) and the new one
    else:
        if touched not in ranges:
            return None
        name, index, (start, end) = ranges[touched]
        count = 1
    items = data.get(name)
    if not isinstance(items, CommentedSeq) or len(items) < index + count:
        return None
    part = CommentedSeq(items[index : index + count])
    for i in range(count):
        if index + i in items.ca.items:
            part.ca.items[i] = items.ca.items[index + i]
    wrapper = CommentedMap([(name, part)])
    written = yaml.dump(wrapper)
    head = f"{name}:\n"
    if not written.startswith(head):
        return None
    lines = text.splitlines(keepends=True)
    return "".join([*lines[:start], written[len(head) :], *lines[end:]])


def _json_style(text: str) -> int | None:
    """The indent json writes this file back with, or raises EditError if it cannot."""
    data = json.loads(text)
    for indent in (2, 4, None):
        if _json_dump(data, indent) == text:
            return indent
    raise EditError(
        "this JSON plan is not laid out as gevinst writes JSON (2-space indent), so editing "
        "it would change lines you did not touch; convert it to YAML (gevinst convert) or "
        "reformat it with: python -m json.tool --indent 2 --no-ensure-ascii"
    )


def _json_dump(data: Any, indent: int | None) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=indent, default=str)  # dates as ISO
    return text + "\n"


class PlanFile:
    """One plan file being edited: versioned reads, checked atomic edits, undo and redo.

    The methods may be called from several threads (the server's workers): a lock
    makes each read-check-write one step.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        reason = refusal(self.path)
        if reason is not None:
            raise PlanError(reason)
        self.format = "json" if self.path.suffix.lower() == ".json" else "yaml"
        self._lock = threading.Lock()
        self._undo: list[tuple[str, str]] = []
        self._redo: list[tuple[str, str]] = []
        self._cached: Snapshot | None = None
        #: The round-trip parse of the version last written here (parsing is the slow part).
        self._parsed: tuple[str, _Yaml, Any] | None = None
        self._pending: tuple[_Yaml, Any] | None = None

    # -- reading ---------------------------------------------------------------------

    def _read(self) -> tuple[str, str]:
        raw = read_input(self.path)
        mtime = self.path.stat().st_mtime_ns
        return decode_text(raw, str(self.path)), _version(raw, mtime)

    def version(self) -> str:
        """The file's version now (cheap: for polling)."""
        with self._lock:
            return self._read()[1]

    def snapshot(self) -> Snapshot:
        """The file now, with its plan (None and the located error when it does not load)."""
        with self._lock:
            text, version = self._read()
            return self._snapshot(text, version)

    def _snapshot(self, text: str, version: str) -> Snapshot:
        cached = self._cached
        if cached is not None and cached.version == version:
            return cached
        try:
            plan: Plan | None = loads(text, self.format, str(self.path))
            error = None
        except GevinstError as exc:
            plan, error = None, str(exc)
        self._cached = Snapshot(text, version, plan, error)
        return self._cached

    # -- writing ---------------------------------------------------------------------

    def _write(self, text: str) -> Snapshot:
        atomic_write(self.path, text)  # OutputError: read-only, disk full ... nothing changed
        return self._snapshot(*self._read())

    def _edited_text(self, text: str, version: str, edit: Any) -> str:
        if self.format == "json":
            indent = _json_style(text)
            data = json.loads(text)
            apply_edit(data, edit)
            return _json_dump(data, indent)
        cached, self._parsed = self._parsed, None  # an edit that fails leaves no cache
        if cached is not None and cached[0] == version:
            yaml, data = cached[1], cached[2]
        else:
            yaml = _Yaml(text)
            try:
                data = yaml.load(text)
            except Exception as exc:  # ruamel's errors have no common base
                raise EditError(
                    "the plan file cannot be read as YAML; fix it in a text editor first"
                ) from exc
        before = _item_ranges(text, edit)
        touched = apply_edit(data, edit)
        self._pending = (yaml, data)
        spliced = _spliced(text, yaml, data, edit, touched, before)
        return spliced if spliced is not None else yaml.dump(data)

    def edit(self, edit: Any, base: str) -> Snapshot:
        """Apply ``edit`` made on version ``base``; the new state of the file.

        Raises:
            Conflict: the file is no longer at version ``base``.
            EditError: the edit is malformed, or would make a valid plan invalid.
            OutputError: the file cannot be written (read-only, disk full).
        """
        with self._lock:
            text, version = self._read()
            if version != base:
                raise Conflict(version)
            before = self._snapshot(text, version)
            self._pending = None
            new_text = self._edited_text(text, version, edit)
            if new_text == text:
                return before
            try:
                plan: Plan | None = loads(new_text, self.format, str(self.path))
                error = None
            except PlanError as exc:
                if before.plan is not None:  # a valid plan stays valid
                    raise EditError(f"not saved: {exc}") from exc
                plan, error = None, str(exc)
            atomic_write(self.path, new_text)  # OutputError: read-only, disk full: unchanged
            written, version = self._read()
            if written == new_text:  # the plan just read is the file's (no one wrote since)
                self._cached = Snapshot(new_text, version, plan, error)
            after = self._snapshot(written, version)
            if self._pending is not None:  # the next edit starts from the parsed text
                self._parsed = (after.version, *self._pending)
            self._undo.append((text, new_text))
            self._redo.clear()
            return after

    def _step(self, base: str, undo: bool) -> Snapshot:
        with self._lock:
            text, version = self._read()
            if version != base:
                raise Conflict(version)
            stack, other = (self._undo, self._redo) if undo else (self._redo, self._undo)
            if not stack:
                raise EditError("there is nothing to undo" if undo else "there is nothing to redo")
            old, new = stack[-1]
            now, then = (new, old) if undo else (old, new)
            if text != now:
                raise EditError(
                    "the file was changed elsewhere since; undo and redo are not possible"
                )
            after = self._write(then)
            other.append(stack.pop())
            return after

    def undo(self, base: str) -> Snapshot:
        """Put back the text before the last edit made here (if the file is as it left it)."""
        return self._step(base, undo=True)

    def redo(self, base: str) -> Snapshot:
        """Make again the last edit undone here."""
        return self._step(base, undo=False)

    def can(self) -> dict[str, bool]:
        """Whether undo and redo have anything to do."""
        return {"undo": bool(self._undo), "redo": bool(self._redo)}
