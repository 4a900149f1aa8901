"""Comments stay where the reader put them when an edit adds or removes at the end of a block.

``ruamel.yaml`` keeps a comment on the line after a block (``# measures come last here``
before the next section) as part of the comment at the end of the block's *last*
entry. Appending after that entry would put the new entry below the comment, and
removing the entry would lose it. So before such an edit the lines after the last
entry's own end of line are taken off (:func:`take_tail`) and given back to the block's
new last entry afterwards (:func:`give_tail`). With plain ``dict`` and ``list`` data
(a JSON plan) these do nothing.
"""

from __future__ import annotations

from collections.abc import MutableMapping, MutableSequence
from typing import Any

__all__ = [
    "add_to",
    "commented",
    "give_tail",
    "give_tail_at",
    "give_to_key",
    "put",
    "remove_from",
    "take_tail",
]


def _end(node: Any) -> tuple[list[Any], int] | None:
    """The comment slot at the very end of ``node`` (entry list and index), if any."""
    ca = getattr(node, "ca", None)
    if ca is None or not node:
        return None
    if isinstance(node, MutableMapping):
        last: Any = list(node)[-1]
        slot, index = 2, last
    else:
        last, slot, index = len(node) - 1, 0, len(node) - 1
    inner = node[last]
    if getattr(inner, "ca", None) is not None and inner and not _flow(inner):
        return _end(inner)
    entry = ca.items.get(index)
    if entry is None:
        entry = ca.items[index] = [None, None, None, None]
    return entry, slot


def _flow(node: Any) -> bool:
    fa = getattr(node, "fa", None)
    return bool(fa is not None and fa.flow_style())


def take_tail(node: Any) -> str:
    """Take off the comment lines after the end of ``node``'s last line; return them."""
    end = _end(node)
    if end is None:
        return ""
    entry, slot = end
    return _split_tail(entry[slot])


def _split_tail(token: Any) -> str:
    """Leave ``token`` (a comment) its own line; return the lines after it, blank ones too."""
    if token is None:
        return ""
    first, _, rest = token.value.partition("\n")
    if not rest:
        return ""
    token.value = first + "\n"
    return str(rest)


def give_tail(node: Any, rest: str) -> None:
    """Put comment lines ``rest`` after the end of ``node``'s last line."""
    if not rest:
        return
    end = _end(node)
    if end is None:
        return
    entry, slot = end
    if entry[slot] is not None:
        entry[slot].value = entry[slot].value + rest
        return
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    entry[slot] = CommentToken("\n" + rest, CommentMark(0), None)


def give_to_key(mapping: Any, key: str, rest: str) -> None:
    """Put comment lines ``rest`` after the line of ``key`` (its value is empty now)."""
    ca = getattr(mapping, "ca", None)
    if not rest or ca is None:
        return
    entry = ca.items.setdefault(key, [None, None, None, None])
    if entry[2] is not None:
        entry[2].value = entry[2].value + rest
        return
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    entry[2] = CommentToken("\n" + rest, CommentMark(0), None)


def commented(value: Any, like: Any) -> Any:
    """``value`` as ruamel's commented types when ``like`` is one (so comments can attach)."""
    if getattr(like, "ca", None) is None:
        return value
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        return CommentedMap((k, commented(v, like)) for k, v in value.items())
    if isinstance(value, list):
        return CommentedSeq(commented(v, like) for v in value)
    return value


def add_to(items: MutableSequence[Any], item: Any) -> None:
    """Append ``item``, keeping the comment lines after the list after it."""
    rest = take_tail(items)
    items.append(commented(item, items))
    give_tail(items, rest)


def put(mapping: MutableMapping[str, Any], key: str, value: Any) -> None:
    """Set ``mapping[key]``; a new key keeps the comment lines after the mapping after it."""
    if key in mapping:
        mapping[key] = commented(value, mapping)
        return
    rest = take_tail(mapping)
    mapping[key] = commented(value, mapping)
    give_tail(mapping, rest)


def _slot(container: Any) -> int:
    return 2 if isinstance(container, MutableMapping) else 0


def _is_block(item: Any) -> bool:
    return getattr(item, "ca", None) is not None and bool(item) and not _flow(item)


def _take_entry_tail(container: Any, index: Any) -> str:
    item = container[index]
    if _is_block(item):
        return take_tail(item)
    return _split_tail(container.ca.items.get(index, [None] * 4)[_slot(container)])


def give_tail_at(container: Any, index: Any, rest: str) -> None:
    """Put comment lines ``rest`` after the end of entry ``index`` (list index or key)."""
    item = container[index]
    if _is_block(item):
        give_tail(item, rest)
        return
    entry = container.ca.items.setdefault(index, [None, None, None, None])
    slot = _slot(container)
    if entry[slot] is not None:
        entry[slot].value = entry[slot].value + rest
        return
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    entry[slot] = CommentToken("\n" + rest, CommentMark(0), None)


def remove_from(container: Any, index: Any, parent: Any = None, key: str | None = None) -> None:
    """Remove an entry; the comment lines after it go after the entry before it (or the key
    ``key`` of ``parent`` that holds the container, when it was the first)."""
    ca = getattr(container, "ca", None)
    if ca is None:
        del container[index]
        return
    rest = _take_entry_tail(container, index)
    if isinstance(container, MutableMapping):
        keys = list(container)
        position = keys.index(index)
        before: Any = keys[position - 1] if position else None
    else:
        before = index - 1 if index else None
    del container[index]  # ruamel moves the comments of later entries up
    if isinstance(container, MutableMapping):
        ca.items.pop(index, None)
    if not rest:
        return
    if before is not None:
        give_tail_at(container, before, rest)
    elif parent is not None and key is not None:
        give_to_key(parent, key, rest)
