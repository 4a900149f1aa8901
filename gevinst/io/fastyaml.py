"""A fast reader for the plain block YAML that plan files are written in.

PyYAML's C loader needs about 12 s for a 7 MB portfolio: it builds a node with
marks for every scalar and then constructs it in Python. Plan files use a small,
regular part of YAML: block mappings and sequences indented with spaces, one-line
flow collections of scalars (``{date: 2025-06-30, value: 16}``, ``[O1, O2]``, and
``{one_off: [1, 2, 3], annual: 10}``),
plain, single- and double-quoted scalars, long plain text folded over several
lines, blank lines and comment lines. This module reads exactly that part, line
by line, about ten times faster.

It is strict rather than clever: whatever it is not sure of (a tag, an anchor or
alias, a block scalar ``|``/``>``, a trailing comment, a tab, a duplicate key, a
multi-line quoted text, a key that is not a simple name, a datetime...) makes
:func:`parse_fast` return :data:`NOT_FAST`, and the caller reads the text with the
safe loader, which gives the same data or the located error message. So the fast
path never accepts anything the safe loader refuses, and never gives different data
for what it accepts: scalars are resolved with the same YAML 1.2 core rules
(``true``/``false``, ``null``/``~``, ints, floats; ``no`` and dates stay text).

Examples:
    >>> parse_fast("plan: {id: p, title: Prøve}\\ngoals:\\n- id: G1\\n  name: Mål\\n")
    {'plan': {'id': 'p', 'title': 'Prøve'}, 'goals': [{'id': 'G1', 'name': 'Mål'}]}
    >>> parse_fast("a: &x 1\\n") is NOT_FAST
    True
"""

from __future__ import annotations

import math
import re
from typing import Any, Final

__all__ = [
    "MAX_NESTING",
    "NOT_FAST",
    "parse_fast",
    "record_lines_fast",
    "record_lines_json",
    "refusal",
    "too_deep",
]


class _NotFast(Exception):
    """The text leaves the part of YAML this reader handles: use the safe loader."""


class _Marker:
    def __repr__(self) -> str:
        return "NOT_FAST"


#: Returned by :func:`parse_fast` when the safe loader must read the text.
NOT_FAST: Final = _Marker()

# Characters PyYAML refuses or treats as line breaks (\r, \x85, \u2028, \u2029),
# tabs, a BOM inside the text; and document markers or directives at a line start.
_UNSUPPORTED = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
    r"|^(?:---|\.\.\.|%)",
    re.MULTILINE,
)
# A block mapping entry whose key is a simple name: "key:" or "key: value".
_MAP_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_.-]*):(?: +(.*))?")
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")
# Names the core schema would read as something other than text.
_RESERVED_KEYS = frozenset(
    {"true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL"}
)
_WORDS: dict[str, Any] = {
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
    "null": None,
    "Null": None,
    "NULL": None,
    "~": None,
}
_NUMBER_START = frozenset("-+0123456789.")
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
# First characters after which a plain scalar is not plain (or not simple).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
# Characters that end or complicate a plain scalar inside a flow collection.
_FLOW_UNSAFE = re.compile(r"[\[\]{}#?:&*!|>%@`]")
_SINGLE = re.compile(r"'((?:[^']|'')*)'")
_DOUBLE = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_ESCAPES = {
    "0": "\0",
    "a": "\x07",
    "b": "\x08",
    "t": "\t",
    "n": "\n",
    "v": "\x0b",
    "f": "\x0c",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
# A token in a flow collection that holds quotes (its lines joined by " \n", see
# _Reader.gather), and what follows it.
_FLOW_TOKEN = re.compile(
    r"[ \n]*(?P<token>'(?P<single>(?:[^']|'')*)'|\"(?P<double>(?:[^\"\\]|\\.)*)\""
    r"|(?P<plain>[^,\[\]{}#?:&*!|>%@`'\" \n-][^,\[\]{}#?:'\"]*))"
    r"[ \n]*(?P<sep>: |,|\Z)"
)
#: The longest implicit key YAML allows, in characters from the key's first character to
#: its ':' (YAML 1.2, 7.4.2; libyaml and PyYAML refuse a longer one).
MAX_KEY = 1024


def _number(text: str) -> Any:
    """The value of a plain scalar that starts like a number (core schema)."""
    if _INT.fullmatch(text):
        try:
            if text.startswith("0o"):
                return int(text[2:], 8)
            if text.startswith("0x"):
                return int(text[2:], 16)
            return int(text, 10)
        except ValueError:  # more digits than Python converts: the safe loader says so
            raise _NotFast from None
    if _FLOAT.fullmatch(text):
        lowered = text.lower()
        if lowered in (".inf", "+.inf"):
            return math.inf
        if lowered == "-.inf":
            return -math.inf
        if lowered == ".nan":
            return math.nan
        return float(text)
    return text


def _scalar(text: str) -> Any:
    """Resolve a plain scalar as the core schema does."""
    if text[0] in _NUMBER_START:
        return _number(text)
    return _WORDS.get(text, text)


def _plain(text: str) -> Any:
    """A plain scalar in block context (one line), checked and resolved."""
    if text[0] in _INDICATORS and not (text[0] == "-" and len(text) > 1 and text[1] != " "):
        raise _NotFast
    if ": " in text or " #" in text or text[-1] == ":":
        raise _NotFast
    return _scalar(text)


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1)
    if len(code) == 1:
        found = _ESCAPES.get(code)
        if found is None:
            raise _NotFast
        return found
    number = int(code[1:], 16)
    if 0xD800 <= number <= 0xDFFF or number > 0x10FFFF:
        raise _NotFast
    return chr(number)


def _double(body: str) -> str:
    return _ESCAPE.sub(_unescape, body) if "\\" in body else body


def _unfold(text: str) -> str:
    """Plain text of a flow collection gathered over lines, each line break folded.

    Lines are joined with ``" \\n"`` (see :meth:`_Reader.gather`): dropping the ``"\\n"``
    leaves the single space that YAML folds a line break into.
    """
    return text.replace("\n", "").strip(" ")


def _flow_key(region: str) -> None:
    """Step aside unless ``region`` (from a key's first character to its ':') is a key.

    YAML allows an implicit key only on one line and at most :data:`MAX_KEY` characters
    before its ':'; the safe loader refuses anything else with its place.
    """
    if "\n" in region or len(region) > MAX_KEY:
        raise _NotFast


def _flow_plain(text: str) -> Any:
    """A plain scalar inside a flow collection (no quotes in the collection)."""
    text = _unfold(text)
    if not text:
        raise _NotFast
    if text[0] in _INDICATORS and not (text[0] == "-" and text[1:2] not in ("", " ")):
        raise _NotFast
    return _scalar(text)


def _flow(text: str) -> Any:
    """A flow mapping or sequence of scalars, on one line or gathered over several."""
    closer = "}" if text[0] == "{" else "]"
    if text[-1] != closer:
        raise _NotFast
    inner = text[1:-1]
    if "'" in inner or '"' in inner:
        return _flow_quoted(text)
    parts = inner.split(",") if closer == "]" else _mapping_parts(inner)
    # joined with their commas, so that a part ending in ':' and the next one's space do
    # not pass for a key's ': ' ("[40000, 5:, 80000]" is not a plain sequence)
    if _FLOW_UNSAFE.search(",".join(_NESTED.sub("", part) for part in parts).replace(": ", "")):
        raise _NotFast
    if closer == "]":
        if len(parts) == 1 and not _unfold(parts[0]):
            return []
        if ": " in inner:
            raise _NotFast
        return [_flow_plain(part) for part in parts]
    if len(parts) == 1 and not _unfold(parts[0]):
        return {}
    out: dict[str, Any] = {}
    for part in parts:
        region, sep, value = part.partition(": ")
        region = region.lstrip(" \n")
        _flow_key(region)
        key = region.rstrip(" ")
        if not sep or ": " in value or key in out or key in _RESERVED_KEYS:
            raise _NotFast
        if not _KEY.fullmatch(key):
            raise _NotFast
        stripped = value.strip(" \n")
        nested = stripped[:1] == "[" and _NESTED.fullmatch(stripped)
        out[key] = _flow(stripped) if nested else _flow_plain(value)
    return out


#: A flow sequence of plain scalars inside a flow mapping: ``[400000, 500000, 800000]``.
_NESTED = re.compile(r"\[[^\[\]{}]*\]")


def _mapping_parts(inner: str) -> list[str]:
    """The ``key: value`` parts of a flow mapping, split at the commas outside a nested
    flow sequence (``one_off: [1, 2, 3], annual: 10``); deeper nesting steps aside."""
    parts, depth, start = [], 0, 0
    for at, char in enumerate(inner):
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(inner[start:at])
            start = at + 1
        if not 0 <= depth <= 1:
            raise _NotFast
    if depth:
        raise _NotFast
    parts.append(inner[start:])
    return parts


def _flow_quoted(text: str) -> Any:
    """A flow collection with quoted scalars, read token by token."""
    mapping = text[0] == "{"
    inner = text[1:-1]
    broken = "\n" in inner  # gathered over lines
    values: list[tuple[Any, str]] = []
    position = 0
    while position < len(inner):
        match = _FLOW_TOKEN.match(inner, position)
        if match is None:
            raise _NotFast
        _, single, double, plain, sep = match.groups()
        if sep == ": ":
            _flow_key(inner[match.start(1) : match.start(5)])
        if single is not None:
            value: Any = (single.replace("\n", "") if broken else single).replace("''", "'")
        elif double is not None:
            value = _double(double.replace("\n", "") if broken else double)
        else:
            value = _scalar(_unfold(plain) if broken else plain.rstrip(" "))
        values.append((value, sep))
        position = match.end()
    if not values:
        if inner.strip(" "):
            raise _NotFast
        return {} if mapping else []
    if values[-1][1] == ",":
        raise _NotFast  # a trailing comma
    if not mapping:
        if any(sep == ": " for _, sep in values):
            raise _NotFast
        return [value for value, _ in values]
    out: dict[str, Any] = {}
    if len(values) % 2:
        raise _NotFast
    for number in range(0, len(values), 2):
        key, key_sep = values[number]
        value, value_sep = values[number + 1]
        if key_sep != ": " or value_sep == ": ":
            raise _NotFast
        if not isinstance(key, str) or not _KEY.fullmatch(key) or key in _RESERVED_KEYS:
            raise _NotFast
        if key in out:
            raise _NotFast
        out[key] = value
    return out


class _Reader:
    """Block structure over the significant lines of the text."""

    def __init__(self, text: str) -> None:
        indents: list[int] = []
        contents: list[str] = []
        gaps: list[bool] = []
        numbers: list[int] = []
        gap = False
        for number, line in enumerate(text.split("\n")):
            content = line.lstrip(" ")
            if not content or content[0] == "#":
                gap = True
                continue
            indents.append(len(line) - len(content))
            contents.append(content.rstrip(" "))
            gaps.append(gap)
            numbers.append(number)
            gap = False
        self.indents = indents
        self.contents = contents
        self.gaps = gaps
        self.numbers = numbers
        self.count = len(contents)
        #: id() of each block sequence read -> the 0-based line of each of its items
        self.item_lines: dict[int, list[int]] = {}

    def document(self) -> Any:
        if not self.count or self.indents[0] != 0:
            raise _NotFast
        first = self.contents[0]
        if first[0] in "{['\"" or not _MAP_LINE.fullmatch(first):
            raise _NotFast
        value, end = self.mapping(0, 0, 1)
        if end != self.count:
            raise _NotFast
        return value

    def block(self, index: int, indent: int, depth: int) -> tuple[Any, int]:
        content = self.contents[index]
        if content == "-" or content.startswith("- "):
            return self.sequence(index, indent, depth)
        return self.mapping(index, indent, depth)

    def inline(self, text: str, index: int, indent: int, depth: int) -> tuple[Any, int]:
        """A value written after 'key: ' or '- ' on line ``index - 1``; follow folded lines.

        ``depth`` is the depth a collection written here would have.
        """
        first = text[0]
        if first == "{" or first == "[":
            if depth > MAX_NESTING:
                raise _NotFast
            if index < self.count and self.indents[index] > indent:
                text, index = self.gather(text, index, indent, " \n")
                if "\\ " in text:  # a line break escaped in a double-quoted text
                    raise _NotFast
            value: Any = _flow(text)
        elif first == "'":
            match = _SINGLE.fullmatch(text)
            if match is None:
                raise _NotFast
            value = match.group(1).replace("''", "'")
        elif first == '"':
            match = _DOUBLE.fullmatch(text)
            if match is None:
                raise _NotFast
            value = _double(match.group(1))
        else:
            indents = self.indents
            if index < self.count and indents[index] > indent:
                return self.folded(text, index, indent)
            return _plain(text), index
        if index < self.count and self.indents[index] > indent:
            raise _NotFast
        return value, index

    def gather(self, text: str, index: int, indent: int, joiner: str = " ") -> tuple[str, int]:
        """The text with the more indented lines after it, joined with ``joiner``.

        YAML folds a plain scalar over several lines into one with single spaces (a
        blank or comment line in between would mean more; the safe loader reads it). A
        flow collection keeps its line breaks (``joiner`` ``" \\n"``): a key may not
        span two lines.
        """
        parts = [text]
        while index < self.count and self.indents[index] > indent:
            if self.gaps[index]:
                raise _NotFast
            parts.append(self.contents[index])
            index += 1
        return joiner.join(parts), index

    def folded(self, text: str, index: int, indent: int) -> tuple[Any, int]:
        """A plain scalar over several lines."""
        first = index
        joined, index = self.gather(text, index, indent)
        if any(self.contents[n][0] in _INDICATORS for n in range(first, index)):
            raise _NotFast
        if joined[0] in _INDICATORS or ": " in joined or " #" in joined or joined[-1] == ":":
            raise _NotFast
        return _scalar(joined), index

    def mapping(self, index: int, indent: int, depth: int) -> tuple[dict[str, Any], int]:
        if depth > MAX_NESTING:  # the safe path refuses it with its place (too_deep)
            raise _NotFast
        out: dict[str, Any] = {}
        indents, contents, count = self.indents, self.contents, self.count
        while index < count and indents[index] == indent:
            match = _MAP_LINE.fullmatch(contents[index])
            if match is None:
                raise _NotFast
            key, rest = match.groups()
            if key in out or key in _RESERVED_KEYS or len(key) > MAX_KEY:
                raise _NotFast
            index += 1
            if rest:
                out[key], index = self.inline(rest, index, indent, depth + 1)
            elif index < count and indents[index] > indent:
                out[key], index = self.block(index, indents[index], depth + 1)
            elif index < count and indents[index] == indent and contents[index][0] == "-":
                out[key], index = self.sequence(index, indent, depth + 1)
            else:
                out[key] = None
        if index < count and indents[index] > indent:
            raise _NotFast
        return out, index

    def sequence(self, index: int, indent: int, depth: int) -> tuple[list[Any], int]:
        if depth > MAX_NESTING:
            raise _NotFast
        out: list[Any] = []
        lines: list[int] = []
        self.item_lines[id(out)] = lines
        indents, contents, count = self.indents, self.contents, self.count
        while index < count and indents[index] == indent:
            content = contents[index]
            if not content.startswith("- "):
                if content == "-":
                    raise _NotFast
                break
            lines.append(self.numbers[index])
            rest = content[2:]
            spaces = len(rest) - len(rest.lstrip(" "))
            rest = rest[spaces:]
            if rest[0] not in "{['\"-" and _MAP_LINE.fullmatch(rest):
                inner = indent + 2 + spaces
                indents[index] = inner
                contents[index] = rest
                value, index = self.mapping(index, inner, depth + 1)
            else:
                value, index = self.inline(rest, index + 1, indent, depth + 1)
            out.append(value)
        if index < count and indents[index] > indent:
            raise _NotFast
        return out, index


def record_lines_fast(text: str) -> dict[str, int] | None:
    """The 1-based line of each record id, for texts :func:`parse_fast` reads; else None.

    The same answer as locating the records with the safe composer (each id's first
    occurrence, at the line where its item starts), without composing.
    """
    if text.lstrip()[:1] in ("{", "[") or _UNSUPPORTED.search(text):
        return None
    reader = _Reader(text)
    try:
        data = reader.document()
    except (_NotFast, RecursionError):
        return None
    out: dict[str, int] = {}
    for section in data.values():
        if not isinstance(section, list) or id(section) not in reader.item_lines:
            continue
        for item, line in zip(section, reader.item_lines[id(section)], strict=True):
            if not isinstance(item, dict) or "id" not in item:
                continue
            if not isinstance(item["id"], str):
                return None  # the composer keeps the text as written: let it answer
            out.setdefault(item["id"], line + 1)
    return out


# The lines of JSON as the plan writer writes it (indent=2) that locate records.
_JSON_LINES = re.compile(
    r'^(?:  "((?:[^"\\\n]|\\.)*)": \[|    (\{)|      "id": ("(?:[^"\\\n]|\\.)*"),?)$',
    re.MULTILINE,
)


def record_lines_json(text: str) -> dict[str, int] | None:
    """Like :func:`record_lines_fast`, for JSON laid out as the plan writer writes it.

    The records are found from the layout (a section at two spaces, its items at four,
    their ids at six) and the answer is used only when the ids found are, section by
    section, exactly those of the parsed data; otherwise ``None``.
    """
    import json

    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    found: dict[str, list[tuple[str, int]]] = {}
    section: str | None = None
    item_line: int | None = None
    line, position = 0, 0
    for match in _JSON_LINES.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        name, brace, id_text = match.groups()
        if name is not None:
            section = json.loads(f'"{name}"')
            if section in found:
                return None
            found[section] = []
            item_line = None
        elif brace is not None:
            item_line = line
        elif section is not None and item_line is not None:
            found[section].append((json.loads(id_text), item_line))
            item_line = None
    out: dict[str, int] = {}
    for key, value in data.items():
        if not isinstance(value, list):
            continue
        ids = [item["id"] for item in value if isinstance(item, dict) and "id" in item]
        if any(not isinstance(id, str) for id in ids):
            return None
        located = found.get(key, [])
        if [id for id, _ in located] != ids:
            return None
        for id, number in located:
            out.setdefault(id, number + 1)
    return out


def parse_fast(text: str) -> Any:
    """Plain data for ``text`` if it is in the simple part of YAML, else :data:`NOT_FAST`.

    The data is what the safe plan loader gives for the same text.
    """
    if _UNSUPPORTED.search(text):
        return NOT_FAST
    try:
        return _Reader(text).document()
    except (_NotFast, RecursionError):
        return NOT_FAST


#: Deeper than this, the safe loader is not even asked: libyaml's C composer recurses
#: once per level and overflows the C stack (a crash, not an error) some ten thousand
#: levels down. No plan comes near (validation allows 16).
MAX_NESTING = 200


def too_deep(text: str, limit: int = MAX_NESTING) -> tuple[int, int] | None:
    """Where (1-based line, column) ``text`` nests collections more than ``limit`` deep.

    ``None`` when the text stays within the limit, or when :func:`refusal` finds
    something else first or a syntax error before it gets that deep.
    """
    found = refusal(text, limit)
    return found[1:] if found is not None and found[0] == "deep" else None


def refusal(text: str, limit: int = MAX_NESTING) -> tuple[str, int, int] | None:
    """The first thing in ``text`` that a plan file may not hold, and where it is.

    ``("deep", line, column)`` where collections nest more than ``limit`` deep,
    ``("tag", ...)`` at a tag (``!!binary``, ``!!str``, ``!custom``, even ``!``) and
    ``("anchor", ...)`` at an anchor or alias (``&a``, ``*a``); lines and columns are
    1-based. Uses libyaml's event parser, which keeps its own stack and cannot
    overflow. ``None`` when there is none, or when a syntax error comes first (the safe
    loader then reports that error with its place).
    """
    import yaml

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    opening = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
    closing = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    nodes = (yaml.ScalarEvent, *opening)
    depth = 0
    kind = ""
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, nodes):
                if event.tag is not None:
                    kind = "tag"
                elif event.anchor is not None:
                    kind = "anchor"
                elif isinstance(event, opening):
                    depth += 1
                    if depth > limit:
                        kind = "deep"
            elif isinstance(event, yaml.AliasEvent):
                kind = "anchor"
            elif isinstance(event, closing):
                depth -= 1
            if kind:
                mark = event.start_mark
                return (kind, mark.line + 1, mark.column + 1) if mark else (kind, 1, 1)
    except yaml.MarkedYAMLError as exc:
        # libyaml >= 0.2.5 (PyYAML 6.0.4 wheels) refuses deep nesting itself: that is
        # our finding too, reported at libyaml's place
        mark = exc.problem_mark
        if "nesting depth" in (exc.problem or "") and mark is not None:
            return ("deep", mark.line + 1, mark.column + 1)
        return None  # any other syntax error: the safe loader reports it with its place
    except (yaml.YAMLError, ValueError):
        return None
    return None
