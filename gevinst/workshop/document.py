"""The plan file the workshop edits: read, versioned, edited round-trip, written atomically.

A YAML plan is parsed with ``ruamel.yaml`` in round-trip mode, so an edit rewrites only
what it touches: comments, key order, quoting, flow ``{...}`` lists and indentation of
the rest of the file keep their text. Parsing and writing a whole large file with
ruamel.yaml is slow (pure Python, seconds for 300 elements), so the parse is kept from
edit to edit, with the line where each element starts (from ruamel.yaml's own line
numbers, then moved along by each edit): an edit writes the lines of the elements it
changed alone (a delete: the element before it and those that linked to it too) and
splices them into the old text; the result is the same text as writing the whole file
(tested). After an undo, a redo or a change on disk, only the elements whose lines
changed are parsed again (all this is :mod:`gevinst.workshop.splice`). The model is
built the same way: from the plain data of the last read, with the changed elements
read again. A JSON plan is edited only when ``json`` writes it back byte for byte as
it is (two-space indent or compact, UTF-8); otherwise it is
refused with the reason, as is an Excel plan (convert it to YAML first).

Every read gives the file's **version** (its modification time and a hash of its
bytes). An edit names the version it was made on; if the file has changed since
(another tab, a text editor, ``git pull``), it is refused with :class:`Conflict` and
nothing is written. Each edit is checked with the model before it is written (a plan
that was valid stays valid; one with errors may be edited towards fixing them) and
written with :func:`gevinst._files.atomic_write`: a crash leaves the old or the new
file. Undo and redo are those of each browser tab (:mod:`gevinst.workshop.history`): a
tab takes back its own last edit, and edits made since elsewhere stay.
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gevinst._files import atomic_write, paused_gc
from gevinst.errors import GevinstError, PlanError, Said, SaidLines
from gevinst.io.plans import decode_text, loads, read_input, written_language
from gevinst.io.validate import validate
from gevinst.io.yaml import parse_yaml
from gevinst.model import Plan
from gevinst.workshop.edits import EditError, apply_edit
from gevinst.workshop.history import Histories, reverted
from gevinst.workshop.splice import (
    RoundTrip,
    Starts,
    changes_of,
    composed_starts,
    element_starts,
    patched,
    resynced,
    splice,
)

__all__ = ["Conflict", "PlanFile", "Snapshot", "refusal"]


class Conflict(GevinstError, RuntimeError):
    """The file changed on disk since the page read it; nothing was written."""

    def __init__(self, current: str) -> None:
        super().__init__(Said("ws_err_changed"))
        self.current = current


@dataclass(frozen=True)
class Snapshot:
    """The file as read once: its text, version, and the plan or the reason it has none."""

    text: str
    version: str
    plan: Plan | None
    error: str | None

    @property
    def language(self) -> str:
        """The plan's language; when it does not load, the ``language`` its text gives,
        else ``nb`` (the page and its messages are in it)."""
        if self.plan is not None:
            return self.plan.info.language
        return written_language(self.text) or "nb"


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


def _round_trip(text: str) -> tuple[RoundTrip, Any, Starts | None]:
    """The round-trip parse of a YAML plan's ``text`` and where its elements start."""
    yaml = RoundTrip(text)
    try:
        data = yaml.load(text)
    except Exception as exc:  # ruamel's errors have no common base
        raise EditError(Said("ws_err_yaml")) from exc
    return yaml, data, element_starts(data, text)


def _json_style(text: str) -> int | None:
    """The indent json writes this file back with, or raises EditError if it cannot."""
    data = json.loads(text)
    for indent in (2, 4, None):
        if _json_dump(data, indent) == text:
            return indent
    raise EditError(Said("ws_err_json_layout"))


def _json_dump(data: Any, indent: int | None) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=indent, default=str)  # dates as ISO
    return text + "\n"


#: What an edit starts from: the version and text last parsed, the round-trip parse
#: (kept up to date edit by edit), where its elements start, and the plain data the
#: model read it from (patched element by element too; None: read the text again).
_Parsed = tuple[str, str, RoundTrip, Any, Starts | None, dict[str, Any] | None]


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
        #: Each tab's edits, to undo and redo (the tab "" is that of a caller without tabs).
        self._histories = Histories()
        self._cached: Snapshot | None = None
        #: The round-trip parse of the version last written here (parsing is the slow part).
        self._parsed: _Parsed | None = None
        self._pending: tuple[RoundTrip, Any, Starts | None, dict[str, Any] | None] | None = None

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

    def _snapshot(self, text: str, version: str, plain: dict[str, Any] | None = None) -> Snapshot:
        cached = self._cached
        if cached is not None and cached.version == version:
            return cached
        plan, error, _ = self._model(text, plain)
        self._cached = Snapshot(text, version, plan, error)
        return self._cached

    def _model(
        self, text: str, plain: dict[str, Any] | None = None
    ) -> tuple[Plan | None, str | None, dict[str, Any] | None]:
        """The plan in ``text`` (or the located reason it has none), and its plain data.

        ``plain`` is the data of ``text`` as :func:`gevinst.io.yaml.parse_yaml` reads it,
        kept and patched by the edits: then only the model is built (reading 100 kB of
        YAML again is most of the time). Any error is that of reading the whole text.
        """
        source = str(self.path)
        try:
            if self.format == "json":
                return loads(text, self.format, source), None, None
            with paused_gc():
                if plain is None:
                    read = parse_yaml(text, source)
                    plain = read if isinstance(read, dict) else None
                    return validate(read, source, text), None, plain
                return validate(plain, source, text), None, plain
        except GevinstError:
            pass
        try:  # the located error of reading the whole text, as `gevinst check` gives it
            return loads(text, self.format, source), None, None
        except GevinstError as exc:  # the reason, in English and in the page's language
            return None, SaidLines([exc]), None

    def prepare(self) -> None:
        """Parse the file for editing now, so that the first edit is as quick as the next.

        The round-trip parse of a large plan takes a second or more; the server calls
        this in the background when it starts. A file that cannot be parsed is left for
        the first edit to report.
        """
        with self._lock:
            if self.format != "yaml" or self._parsed is not None:
                return
            text, version = self._read()
            try:
                yaml, data, starts = _round_trip(text)
            except EditError:
                return
            plan, error, plain = self._model(text)
            self._cached = Snapshot(text, version, plan, error)
            self._parsed = (version, text, yaml, data, starts, plain)

    # -- writing ---------------------------------------------------------------------

    def _write(self, text: str, checked: tuple[Plan | None, str | None] | None = None) -> Snapshot:
        atomic_write(self.path, text)  # OutputError: read-only, disk full ... nothing changed
        written, version = self._read()
        if checked is not None and written == text:  # the model of ``text`` is built already
            self._cached = Snapshot(text, version, *checked)
        self._follow(written, version)
        return self._snapshot(written, version, self._parsed[5] if self._parsed else None)

    def _follow(self, text: str, version: str) -> None:
        """Bring the kept parse to ``text`` (undo, redo, a change on disk), parsing only
        the elements whose lines changed; drop it when that cannot be done."""
        cached, self._parsed = self._parsed, None
        if cached is None or cached[0] == version:
            self._parsed = cached
            return
        old, starts, yaml, data, plain = cached[1], cached[4], cached[2], cached[3], cached[5]
        followed = resynced(old, starts, yaml, data, text) if starts is not None else None
        if followed is None:
            return
        new_starts, parts = followed
        if plain is not None and not patched(plain, parts, str(self.path)):
            plain = None
        self._parsed = (version, text, yaml, data, new_starts, plain)

    def _edited_text(self, text: str, version: str, edit: Any) -> str:
        if self.format == "json":
            indent = _json_style(text)
            data = json.loads(text)
            apply_edit(data, edit)
            return _json_dump(data, indent)
        self._follow(text, version)
        cached, self._parsed = self._parsed, None  # an edit that fails leaves no cache
        plain: dict[str, Any] | None = None
        if cached is not None:
            _, _, yaml, data, starts, plain = cached
            self._snapshot(text, version, plain)  # (kept: an undo or the last edit made it)
        else:
            yaml, data, starts = _round_trip(text)
        changed = changes_of(data, edit, starts) if isinstance(edit, dict) else None
        touched = apply_edit(data, edit)
        changes = changed(touched) if changed is not None else None
        spliced = None
        if changes is not None and starts is not None:
            spliced = splice(text, starts, yaml, data, changes)
        new_starts: Starts | None
        if spliced is not None:
            new_text, new_starts, parts = spliced
            if plain is not None and not patched(plain, parts, str(self.path)):
                plain = None
        else:
            new_text = yaml.dump(data)
            new_starts, plain = composed_starts(new_text), None
        self._pending = (yaml, data, new_starts, plain)
        return new_text

    def edit(self, edit: Any, base: str, tab: str = "") -> Snapshot:
        """Apply ``edit`` made on version ``base`` in the page ``tab``; the new state of the file.

        Raises:
            Conflict: the file is no longer at version ``base``.
            EditError: the edit is malformed, or would make a valid plan invalid.
            OutputError: the file cannot be written (read-only, disk full).
        """
        with self._lock:
            text, version = self._read()
            if version != base:
                raise Conflict(version)
            self._pending = None
            new_text = self._edited_text(text, version, edit)
            before = self._snapshot(text, version)
            pending = self._pending
            if new_text == text:
                if pending is not None:  # nothing changed: the parse is still the file's
                    yaml, data, starts, plain = pending
                    self._parsed = (version, text, yaml, data, starts, plain)
                return before
            plan, error, plain = self._model(new_text, pending[3] if pending else None)
            if error is not None and before.plan is not None:  # a valid plan stays valid
                raise EditError(Said("ws_err_invalid", error=error))
            atomic_write(self.path, new_text)  # OutputError: read-only, disk full: unchanged
            written, version = self._read()
            if written == new_text:  # the plan just read is the file's (no one wrote since)
                self._cached = Snapshot(new_text, version, plan, error)
            after = self._snapshot(written, version)
            if pending is not None and written == new_text:
                yaml, data, starts, _ = pending  # the next edit starts here
                self._parsed = (after.version, new_text, yaml, data, starts, plain)
            self._histories.record(tab, (text, new_text))
            return after

    def _step(self, base: str, tab: str, undo: bool) -> Snapshot:
        with self._lock:
            text, version = self._read()
            if version != base:
                raise Conflict(version)
            last = self._histories.last(tab, undo)
            if last is None:
                raise EditError(
                    Said("ws_err_nothing_to_undo" if undo else "ws_err_nothing_to_redo")
                )
            old, new = last
            now, then = (new, old) if undo else (old, new)
            if text == now:  # the file is as the edit (or its undo) left it
                after = self._write(then)
            else:  # changed since (another tab, a text editor): revert the edit's lines alone
                wanted = reverted(text, now, then, chunked=self.format == "yaml", undo=undo)
                before = self._snapshot(text, version)
                plan, error, _ = self._model(wanted)
                if error is not None and before.plan is not None:  # a valid plan stays valid
                    raise EditError(Said("ws_err_invalid", error=error))
                after = self._write(wanted, (plan, error))
            self._histories.done(tab, undo)
            return after

    def undo(self, base: str, tab: str = "") -> Snapshot:
        """Take back the last edit made in the page ``tab``, in the file as it is now.

        When the file is as that edit left it, the text before it is written back;
        otherwise only the lines it changed, if nothing since changed them
        (:func:`gevinst.workshop.history.reverted`): edits made in other tabs or in a
        text editor stay.

        Raises:
            Conflict: the file is no longer at version ``base``.
            EditError: nothing to undo; its lines were changed since; a valid plan would
                become invalid. Nothing is written.
        """
        return self._step(base, tab, undo=True)

    def redo(self, base: str, tab: str = "") -> Snapshot:
        """Make again the last edit undone in the page ``tab`` (as :meth:`undo` does)."""
        return self._step(base, tab, undo=False)

    def can(self, tab: str = "") -> dict[str, bool]:
        """Whether undo and redo of the page ``tab`` have anything to do."""
        return self._histories.can(tab)
