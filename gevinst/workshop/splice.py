"""Only the changed lines: where each element of a YAML plan starts in its text, and
writing (or reading again) the lines of the changed elements alone.

Parsing and writing a whole large file with ruamel.yaml is slow (pure Python, seconds
for 300 elements). The workshop keeps the round-trip parse from edit to edit with the
line where each element starts (from ruamel.yaml's own line numbers, then moved along
by each edit). An edit writes the lines of the elements it changed alone (a delete: the
element before it and those that linked to it too) and splices them into the old text
(:func:`splice`); the result is the same text as writing the whole file (tested).
After an undo, a redo or a change on disk, only the elements whose lines changed are
parsed again (:func:`resynced`), and the plain data the model is built from is patched
the same way (:func:`patched`).
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any

from gevinst.errors import GevinstError
from gevinst.io.yaml import parse_yaml
from gevinst.workshop.edits import RELATIONS, SECTIONS

__all__ = [
    "Change",
    "Part",
    "RoundTrip",
    "Starts",
    "changes_of",
    "composed_starts",
    "element_starts",
    "line_opcodes",
    "patched",
    "resynced",
    "splice",
]

if TYPE_CHECKING:
    from collections.abc import Callable

_NESTED_KEY = re.compile(r"^[A-Za-z_]\S*:[ \t]*(?:#.*)?\n( +)[A-Za-z_]", re.MULTILINE)
#: The first item of a block list under a top-level key: its dash's indent is the offset.
_BLOCK_ITEM = re.compile(r"^[A-Za-z_]\S*:[ \t]*(?:#.*)?\n(?:[ \t]*#.*\n)*( *)- ", re.MULTILINE)


class RoundTrip:
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

#: Where the elements of a YAML plan's text are: section -> the first line of each of its
#: elements, then the line after the section (the next top-level key, or the file's end).
Starts = dict[str, list[int]]
#: Elements written anew: section, old elements [lo, hi) and new elements [lo, hi).
Change = tuple[str, int, int, int, int]
#: Elements whose text changed: section, old elements [lo, hi), the new elements' lines.
Part = tuple[str, int, int, str]


def element_starts(data: Any, text: str) -> Starts | None:
    """Where each element of the freshly parsed ``data`` of ``text`` starts (0-based lines).

    From the line numbers ruamel.yaml keeps on what it parsed; None when the text is not
    a case the splice handles (then an edit writes the whole file).
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if not isinstance(data, CommentedMap) or not text.endswith("\n"):
        return None
    keys = list(data)
    total = text.count("\n")
    out: Starts = {}
    for position, key in enumerate(keys):
        items = data[key]
        if not isinstance(items, CommentedSeq) or items.fa.flow_style() or not items:
            continue
        if not all(isinstance(item, CommentedMap) for item in items):
            return None
        end = data.lc.key(keys[position + 1])[0] if position + 1 < len(keys) else total
        out[str(key)] = [items.lc.item(i)[0] for i in range(len(items))] + [end]
    return out


def composed_starts(text: str) -> Starts | None:
    """:func:`element_starts` from PyYAML's C composer, for a text ruamel.yaml wrote whole."""
    import yaml as pyyaml

    from gevinst.io.yaml import compose

    if not text.endswith("\n"):
        return None
    root = compose(text)
    if not isinstance(root, pyyaml.MappingNode):
        return None
    out: Starts = {}
    for key, section in root.value:
        if not isinstance(section, pyyaml.SequenceNode) or section.flow_style:
            continue
        if not section.value:
            continue
        if not all(isinstance(item, pyyaml.MappingNode) for item in section.value):
            return None
        starts = [item.start_mark.line for item in section.value]
        out[str(key.value)] = [*starts, section.end_mark.line]
    return out


def _position(data: Any, element_id: str) -> tuple[str, int] | None:
    """The section and index of the element ``element_id`` in the parsed data."""
    for section in SECTIONS.values():
        items = data.get(section)
        if not isinstance(items, list):
            continue
        for index, item in enumerate(items):
            if isinstance(item, dict) and item.get("id") == element_id:
                return section, index
    return None


def _referring(data: Any, element_id: str) -> list[tuple[str, int]]:
    """The elements that name ``element_id`` (in a link, mitigation, impact or indicator list)."""
    out = []
    for section in SECTIONS.values():
        items = data.get(section)
        if not isinstance(items, list):
            continue
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            impacts = item.get("impacts")
            refs = item.get("indicators")
            if (
                any(
                    isinstance(links, list)
                    and any(
                        (link.get("to") if isinstance(link, dict) else link) == element_id
                        for link in links
                    )
                    for links in (item.get(key) for key in RELATIONS.values())
                )
                or (isinstance(impacts, dict) and element_id in impacts)
                or (isinstance(refs, list) and element_id in refs)
            ):
                out.append((section, index))
    return out


def _key_comment(data: Any, key: str) -> str | None:
    entry = data.ca.items.get(key) if hasattr(data, "ca") else None
    token = entry[2] if entry is not None and len(entry) > 2 else None
    return None if token is None else str(token.value)


def changes_of(
    data: Any, edit: dict[str, Any], starts: Starts | None
) -> Callable[[str], list[Change] | None]:
    """Look at ``data`` before ``edit`` is applied; the function that, given the id the
    edit touched, says which elements it wrote anew (None: write the whole file)."""
    op = edit.get("op")
    if starts is None:
        return lambda touched: None
    if op in _ONE_ELEMENT:

        def one(touched: str) -> list[Change] | None:
            where = _position(data, touched)
            if where is None or where[0] not in starts:
                return None
            section, index = where
            return [(section, index, index + 1, index, index + 1)]

        return one
    if op == "add":
        section = SECTIONS.get(str(edit.get("kind")), "")

        def add(touched: str) -> list[Change] | None:
            if section not in starts:  # the section's first element: the section is new
                return [(section, 0, 0, 0, 1)]
            count = len(starts[section]) - 1  # the old last element keeps its place
            return [(section, count - 1, count, count - 1, count + 1)]

        return add
    if op == "delete" and isinstance(edit.get("id"), str):
        where = _position(data, edit["id"])
        if where is None or where[0] not in starts:
            return lambda touched: None
        section, index = where
        referring = [spot for spot in _referring(data, edit["id"]) if spot[0] in starts]
        key_comment = _key_comment(data, section)

        def delete(touched: str) -> list[Change] | None:
            if section not in data:
                return None  # the section went with its last element
            if index == 0 and _key_comment(data, section) != key_comment:
                return None  # its comment lines went to the section's key
            changes: list[Change] = [
                (section, index - 1, index + 1, index - 1, index)
                if index
                else (section, 0, 1, 0, 0)
            ]
            covered = {(section, index - 1), (section, index)}
            for other, old in referring:
                if (other, old) in covered:
                    continue
                new = old - 1 if other == section and old > index else old
                changes.append((other, old, old + 1, new, new + 1))
            return changes

        return delete
    return lambda touched: None


def splice(
    text: str, starts: Starts, yaml: RoundTrip, data: Any, changes: list[Change]
) -> tuple[str, Starts, list[Part]] | None:
    """The new text with only the lines of the changed elements written anew.

    ruamel.yaml writes each changed element alone (in a copy of its section) and its
    lines go in place of the old ones; everything else is the old text as it was. Also
    where each element starts in the new text, and the parts written (last first). None
    when the text is not as expected.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if any(change[0] not in starts for change in changes):
        return _new_section(text, starts, yaml, data, changes[0][0]) if len(changes) == 1 else None
    lines = text.splitlines(keepends=True)
    new_starts = {section: list(values) for section, values in starts.items()}
    order = sorted(changes, key=lambda change: starts[change[0]][change[1]], reverse=True)
    parts: list[Part] = []
    for section, old_lo, old_hi, new_lo, new_hi in order:
        items = data.get(section)
        if not isinstance(items, CommentedSeq) or len(items) < new_hi:
            return None
        places = new_starts[section]
        first, last = places[old_lo], places[old_hi]
        if not lines[first].lstrip().startswith("-"):
            return None  # the lines are not where they were thought to be
        written: list[str] = []
        item_starts: list[int] = []
        for index in range(new_lo, new_hi):
            part = CommentedSeq([items[index]])
            if index in items.ca.items:
                part.ca.items[0] = items.ca.items[index]
            if index == len(items) - 1:  # the lines after a section's last element
                part.ca.comment = [None, None]  # (ruamel writes the end only with these)
                part.ca.end = items.ca.end
            dumped = yaml.dump(CommentedMap([(section, part)]))
            head = f"{section}:\n"
            if not dumped.startswith(head):
                return None
            item_starts.append(first + len(written))
            written.extend(dumped[len(head) :].splitlines(keepends=True))
        if new_hi > new_lo:  # kept as a fresh read of the file has them (quotes and all)
            fresh = _read_part(yaml, section, "".join(written))
            if fresh is None or len(fresh) != new_hi - new_lo:
                return None
            _put(items, new_lo, new_hi, fresh)
        delta = len(written) - (last - first)
        parts.append((section, old_lo, old_hi, "".join(written)))
        lines[first:last] = written
        for values in new_starts.values():
            for i, value in enumerate(values):
                if value >= last:
                    values[i] = value + delta
        places[old_lo:old_hi] = item_starts
    return "".join(lines), new_starts, parts


def _key_lines(lines: list[str], key: str) -> list[int]:
    """The lines where the top-level key ``key`` is (block YAML: at the first column)."""
    pattern = re.compile(rf"{re.escape(key)}[ \t]*:(\s|$)")
    return [number for number, line in enumerate(lines) if pattern.match(line)]


def _new_section(
    text: str, starts: Starts, yaml: RoundTrip, data: Any, section: str
) -> tuple[str, Starts, list[Part]] | None:
    """:func:`splice` for the first element of a section the text does not have yet.

    The section's lines go where ruamel.yaml would write them: just before the next
    top-level key (after the comment lines above that key, which ruamel keeps with the
    section before), or at the end of the file.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    items = data.get(section)
    if not isinstance(items, CommentedSeq) or not items:
        return None
    lines = text.splitlines(keepends=True)
    if _key_lines(lines, section):
        return None  # the key is there already (an empty `goals: []`): write it all
    keys = [str(key) for key in data]
    after = keys[keys.index(section) + 1 :]
    at = len(lines)
    if after:
        found = _key_lines(lines, after[0])
        if len(found) != 1:
            return None
        at = found[0]
    written = yaml.dump(CommentedMap([(section, items)])).splitlines(keepends=True)
    if not written or written[0] != f"{section}:\n" or len(written) < 2:
        return None
    indent = len(written[1]) - len(written[1].lstrip())
    firsts = [
        at + number
        for number, line in enumerate(written)
        if line.startswith(" " * indent + "- ") and not line[:indent].strip()
    ]
    if len(firsts) != len(items):
        return None
    new_starts = {  # (a section that ended at line ``at`` still ends there)
        name: [place + len(written) if place > at else place for place in places]
        for name, places in starts.items()
    }
    fresh = _read_part(yaml, section, "".join(written[1:]))
    if fresh is None or len(fresh) != len(items):
        return None
    _put(items, 0, len(items), fresh)
    new_starts[section] = [*firsts, at + len(written)]
    lines[at:at] = written
    return "".join(lines), new_starts, [(section, 0, 0, "".join(written[1:]))]


def _chunks(lines: list[str]) -> tuple[list[str], list[int]]:
    """The lines cut where a list item or a top-level key begins, and each cut's line."""
    chunks: list[str] = []
    firsts: list[int] = []
    for number, line in enumerate(lines):
        if not firsts or not line[:1].isspace() or line.lstrip().startswith("- "):
            chunks.append(line)
            firsts.append(number)
        else:
            chunks[-1] += line
    return chunks, [*firsts, len(lines)]


def line_opcodes(old: list[str], new: list[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes between two lists of lines, found on chunks of lines (a list
    item, a key): a few hundred chunks to compare instead of thousands of lines."""
    import difflib

    old_chunks, old_at = _chunks(old)
    new_chunks, new_at = _chunks(new)
    matcher = difflib.SequenceMatcher(None, old_chunks, new_chunks, autojunk=False)
    return [
        (tag, old_at[a1], old_at[a2], new_at[b1], new_at[b2])
        for tag, a1, a2, b1, b2 in matcher.get_opcodes()
    ]


def resynced(
    old: str, starts: Starts, yaml: RoundTrip, data: Any, text: str
) -> tuple[Starts, list[Part]] | None:
    """Bring ``data`` parsed from ``old`` to the new ``text`` by parsing only what changed.

    An undo, a redo, or an edit in a text editor usually changes the lines of a few
    elements: those elements alone are parsed (each run of them as a section of its
    own) and put in place of the old ones. Where each element starts in ``text`` and
    the parts parsed anew (last first); None
    (parse the whole text) when a change is not within whole elements of a section;
    ``data`` is then as it was.
    """
    from ruamel.yaml.comments import CommentedSeq

    if not text.endswith("\n"):
        return None
    if old == text:
        return starts, []
    old_lines = old.splitlines(keepends=True)
    new_lines = text.splitlines(keepends=True)
    opcodes = line_opcodes(old_lines, new_lines)

    def moved(line: int, before: bool = False) -> int | None:
        """Where an old line is in the new text (``before`` lines put in before it)."""
        if before:
            for _, i1, _, j1, _ in opcodes:
                if i1 == line:
                    return j1
        if line == len(old_lines):
            return len(new_lines)
        for tag, i1, i2, j1, _ in opcodes:
            if i1 <= line < i2:
                return j1 + line - i1 if tag == "equal" or line == i1 else None
        return None

    runs: dict[str, list[list[int]]] = {}  # section -> [lo, hi) of elements changed
    for tag, i1, i2, _, _ in opcodes:
        if tag == "equal":
            continue
        end = max(i2, i1 + 1)
        around = [
            (name, places)
            for name, places in starts.items()
            if places[0] <= i1 and end <= places[-1]
        ]
        if not around:
            return None
        name, places = around[0]
        lo = max(k for k, place in enumerate(places[:-1]) if place <= i1)
        hi = min(k for k, place in enumerate(places) if place >= end)
        if lo and places[lo] == i1:  # whole elements come or go: parse the one before too
            lo -= 1
        runs.setdefault(name, []).append([lo, hi])
    fresh_runs: list[tuple[str, int, int, int, Any, str]] = []
    for name, spans in runs.items():
        spans.sort()
        merged: list[list[int]] = []
        for lo, hi in spans:
            if merged and lo <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        items = data.get(name)
        if not isinstance(items, CommentedSeq):
            return None
        for lo, hi in merged:
            first, last = moved(starts[name][lo], before=True), moved(starts[name][hi])
            if first is None or last is None or last <= first:
                return None
            if not new_lines[first].lstrip().startswith("-"):
                return None
            lines = "".join(new_lines[first:last])
            fresh = _read_part(yaml, name, lines)
            if fresh is None or not fresh or fresh.lc.item(0)[0] != 1:
                return None
            fresh_runs.append((name, lo, hi, first, fresh, lines))
    new_starts: dict[str, list[Any]] = {
        name: [moved(place) for place in places] for name, places in starts.items()
    }
    order = sorted(fresh_runs, key=lambda run: -run[1])  # the last elements first
    for name, lo, hi, first, fresh, _ in order:
        new_starts[name][lo:hi] = [first + fresh.lc.item(k)[0] - 1 for k in range(len(fresh))]
    if any(place is None for places in new_starts.values() for place in places):
        return None  # cannot be: every line left is outside the changes (a safety net)
    parts: list[Part] = []
    for name, lo, hi, _, fresh, lines in order:
        parts.append((name, lo, hi, lines))
        _put(data[name], lo, hi, fresh)
    return new_starts, parts


def _read_part(yaml: RoundTrip, section: str, lines: str) -> Any:
    """The elements in ``lines`` (a run of a section's elements) as round-trip data;
    None when they do not read as a list of elements."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    try:
        part = yaml.load(f"{section}:\n{lines}")
    except Exception:  # noqa: BLE001 - ruamel's errors have no common base
        return None
    fresh = part.get(section) if isinstance(part, CommentedMap) and len(part) == 1 else None
    if not isinstance(fresh, CommentedSeq):
        return None
    if not all(isinstance(item, CommentedMap) for item in fresh):
        return None
    return fresh


def _put(items: Any, lo: int, hi: int, fresh: Any) -> None:
    """Put the ``fresh`` elements, with their comments, in place of ``items[lo:hi]``."""
    at_end = hi == len(items)
    for _ in range(hi - lo):
        del items[lo]
    for k, item in enumerate(fresh):
        items.insert(lo + k, item)
        if k in fresh.ca.items:
            items.ca.items[lo + k] = fresh.ca.items[k]
    if at_end:
        items.ca.end = fresh.ca.end


def patched(plain: dict[str, Any], parts: list[Part], source: str) -> bool:
    """Put the changed parts, read as plain data, in place in ``plain`` (the data of the
    old text read by :func:`gevinst.io.yaml.parse_yaml`); False when a part does not read
    as a list of elements (then read the whole text)."""
    for section, lo, hi, lines in parts:
        try:
            part = parse_yaml(f"{section}:\n{lines}", source)
        except GevinstError:
            return False
        items = plain.setdefault(section, []) if lo == hi == 0 else plain.get(section)
        fresh = part.get(section) if isinstance(part, dict) and len(part) == 1 else None
        if not isinstance(items, list) or not isinstance(fresh, list) or len(items) < hi:
            return False
        items[lo:hi] = fresh
    return True
