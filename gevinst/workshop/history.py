"""Undo and redo per browser tab: each tab takes back its own edits, never another's.

Every edit made through the workshop is kept as the text of the file before and after
it, in the history of the tab that made it. An undo takes back that tab's last edit as
``git revert`` does: when the file is still as the edit left it, the text before is
written back; otherwise (another tab or a text editor changed it since) the lines the
edit changed are put back as they were, in the file as it is now, provided nothing
since changed those lines (:func:`reverted`). A redo makes the edit again in the same
way. So two tabs on one plan do not lose each other's edits.
"""

from __future__ import annotations

import difflib
import re
from collections import OrderedDict

from gevinst.errors import Said
from gevinst.workshop.edits import EditError
from gevinst.workshop.splice import line_opcodes

__all__ = ["MAX_EDITS", "MAX_TABS", "TAB", "Histories", "reverted"]

#: A tab's id: made by the page (random), sent with every request; short token characters.
TAB = re.compile(r"[A-Za-z0-9_-]{1,64}")
#: The edits kept per tab, and the tabs kept (the least recently used go first).
MAX_EDITS = 200
MAX_TABS = 50

#: One edit: the file's text before it and after it.
Edit = tuple[str, str]
#: The line where an element's id is: ``- id: M1``, ``- {id: M1, …}``, ``"id": "M1",``.
_ID = re.compile(r"""^\s*(?:-\s+)?\{?\s*["']?id["']?\s*:\s*["']?([^"',\s#{}]+)""")


class Histories:
    """The undo and redo stacks of each tab, bounded (:data:`MAX_EDITS`, :data:`MAX_TABS`).

    Examples:
        >>> histories = Histories()
        >>> histories.record("a", ("old\\n", "new\\n"))
        >>> histories.can("a"), histories.can("b")
        ({'undo': True, 'redo': False}, {'undo': False, 'redo': False})
    """

    def __init__(self) -> None:
        self._tabs: OrderedDict[str, tuple[list[Edit], list[Edit]]] = OrderedDict()

    def _of(self, tab: str) -> tuple[list[Edit], list[Edit]]:
        stacks = self._tabs.get(tab)
        if stacks is None:
            stacks = self._tabs[tab] = ([], [])
            while len(self._tabs) > MAX_TABS:
                self._tabs.popitem(last=False)
        self._tabs.move_to_end(tab)
        return stacks

    def record(self, tab: str, edit: Edit) -> None:
        """``tab`` made ``edit``: it can be undone, and the tab's redo is gone."""
        undo, redo = self._of(tab)
        undo.append(edit)
        del undo[:-MAX_EDITS]
        redo.clear()

    def last(self, tab: str, undo: bool) -> Edit | None:
        """The edit an undo (or redo) of ``tab`` would take back (or make again)."""
        stacks = self._tabs.get(tab)
        stack = stacks[0 if undo else 1] if stacks is not None else []
        return stack[-1] if stack else None

    def done(self, tab: str, undo: bool) -> None:
        """The undo (or redo) of ``tab`` was written: its edit goes to the other stack."""
        undo_stack, redo_stack = self._of(tab)
        stack, other = (undo_stack, redo_stack) if undo else (redo_stack, undo_stack)
        other.append(stack.pop())

    def can(self, tab: str) -> dict[str, bool]:
        """Whether an undo and a redo of ``tab`` have anything to do."""
        stacks = self._tabs.get(tab, ([], []))
        return {"undo": bool(stacks[0]), "redo": bool(stacks[1])}


def _opcodes(old: list[str], new: list[str], chunked: bool) -> list[tuple[str, int, int, int, int]]:
    if chunked:
        return line_opcodes(old, new)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [(tag, i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes()]


def _element_at(lines: list[str], lo: int, hi: int) -> str | None:
    """The id of the element whose lines include ``lines[lo:hi]`` (the nearest one up)."""
    for number in [*range(lo, min(hi, len(lines))), *range(min(lo, len(lines)) - 1, -1, -1)]:
        found = _ID.match(lines[number])
        if found:
            return found.group(1)
    return None


def reverted(text: str, now: str, then: str, *, chunked: bool = True, undo: bool = True) -> str:
    """``text`` with the change from ``now`` to ``then`` made in it (three-way, by lines).

    ``now`` is the file as an edit left it and ``then`` as it was before (an undo; the
    other way round for a redo); ``text`` is the file as it is. Each run of lines the
    change replaces must be in ``text`` as in ``now`` (nothing since touched it), and
    then it is replaced there. ``chunked``: compare YAML lines in chunks (a list item,
    a key; quick), else line by line (JSON).

    Raises:
        EditError: lines the change replaces were changed since; it names the element.

    Examples:
        >>> before = "a: 1\\nb: 2\\nc: 3\\n"
        >>> after = "a: 1\\nb: 20\\nc: 3\\n"  # an edit of b
        >>> print(reverted("a: 10\\nb: 20\\nc: 3\\n", after, before, chunked=False), end="")
        a: 10
        b: 2
        c: 3
    """
    base, target, current = (t.splitlines(keepends=True) for t in (now, then, text))
    since = _opcodes(base, current, chunked)
    kept = [op for op in since if op[0] == "equal"]
    inserted = {op[1] for op in since if op[0] == "insert"}
    places: list[tuple[int, int, int, int]] = []  # current [lo, hi) <- target [lo, hi)
    for tag, i1, i2, j1, j2 in _opcodes(base, target, chunked):
        if tag == "equal":
            continue
        at = next((k + (i1 - b1) for _, b1, b2, k, _ in kept if b1 <= i1 and i2 <= b2), None)
        if at is None or (i1 == i2 and i1 in inserted):
            element = _element_at(base, i1, i2) or _element_at(target, j1, j2)
            where = element if element is not None else Said("ws_err_line", line=i1 + 1)
            raise EditError(
                Said("ws_err_undo_refused" if undo else "ws_err_redo_refused", where=where)
            )
        places.append((at, at + i2 - i1, j1, j2))
    for lo, hi, j1, j2 in reversed(places):
        current[lo:hi] = target[j1:j2]
    return "".join(current)
