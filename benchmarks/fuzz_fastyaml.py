"""Differential fuzz of the fast YAML reader against the safe loader (issue 11).

``gevinst.io.fastyaml.parse_fast`` reads the plain block YAML that plan files are written
in and steps aside (``NOT_FAST``) for anything else. The reference is
``gevinst.io.yaml.parse_safe``: the safe loader with the fast path switched off (comparing
with ``parse_yaml`` would prove nothing, since it asks the fast reader first). For every
document the generator makes, one of these must hold:

* the fast reader returns ``NOT_FAST`` (the safe loader then answers), or
* both give equal data, types included (``1``, ``1.0``, ``'1'``, ``True`` and dates
  as text all differ).

A discrepancy is the fast reader accepting what the safe path refuses, giving other
data, or either of them raising anything but gevinst's own error. Documents are
mutations of dumped plans and of data dumped by PyYAML in every style: lines split
(also between a flow key and its ``:``), long keys, tags, anchors, deep nesting, odd
scalars, quotes, comments, tabs, CRLF, BOM, flow collections, indentation shifts.

    python -m benchmarks.fuzz_fastyaml --seconds 600 --seed 1 [--jobs 2]

prints the documents tried, how many the fast reader read (and so were compared), and
each discrepancy found, minimised. The exit code is 1 when there was one.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

__all__ = ["discrepancy", "document", "minimise", "same"]

ROOT = Path(__file__).resolve().parent.parent


def same(a: Any, b: Any) -> bool:
    """Equal with equal types all the way down (1, 1.0 and True differ; nan equals nan)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def discrepancy(text: str) -> str | None:
    """What is wrong with the fast reader on ``text``, or ``None`` when it holds."""
    from gevinst.errors import GevinstError
    from gevinst.io.fastyaml import NOT_FAST, parse_fast
    from gevinst.io.yaml import parse_safe

    try:
        fast = parse_fast(text)
    except Exception as exc:  # noqa: BLE001 - any crash is the finding
        return f"the fast reader raised {type(exc).__name__}"
    if fast is NOT_FAST:
        try:
            parse_safe(text)
        except GevinstError:
            pass
        except Exception as exc:  # noqa: BLE001
            return f"the safe path raised {type(exc).__name__} (not a gevinst error)"
        return None
    try:
        slow = parse_safe(text)
    except GevinstError:
        return "the fast reader accepted what the safe path refuses"
    except Exception as exc:  # noqa: BLE001
        return f"the safe path raised {type(exc).__name__} (not a gevinst error)"
    if not same(fast, slow):
        return "the fast reader gave other data than the safe path"
    return None


# -- the documents ------------------------------------------------------------------------

_SCALARS = [
    "1", "1.0", "'1'", '"1"', "1e3", "1E3", "1.5e-3", "0x1F", "0o17", "0b11", "007", "+5",
    "-0", "0.", ".5", "-.5", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "~", "null", "Null",
    "NULL", "true", "True", "TRUE", "false", "yes", "no", "on", "off", "y", "n",
    "2025-06-30", "2025-06-30T10:00:00", "2025-6-3", "1_000", "12:30", "1:2:3", "''", '""',
    "'it''s'", '"tab\\there"', '"\\u00e6\\x41\\U0001F600"', '"\\q"', '"\\ud800"', "'#'",
    "a #b", "a#b", "a: b", "a:b", "- x", "-x", "-", "--", "?", "? x", ":", "::", "x:",
    "!x", "&x", "*x", "%x", "@x", "`x", "|", ">", "|-\n  x", "'a\n  b'", '"a\\\n  b"',
    "[a, b]", "[]", "{}", "{a: 1}", "{a: 1, b: [x]}", "[a, [b]]", "{'a': 1}", '{"a": "b"}',
    "[a,b]", "[a ,b]", "[a, b,]", "{a: 1,}", "{a}", "{a: }", "{: a}", "[a: 1]", "[? a]",
    "æøå", "Ærlig talt", "Bergens barn, byens framtid", "a\u00a0b", "\u2028", "\x85",
    "x" * 1030, "9" * 30, "9" * 5000, "1e400", "-1e400", "0x" + "f" * 40, " lead", "trail ",
    "a  b", "a\tb", "\t", "\ufeff", "\x00", "\x7f", "\U0001f600", "\ud7ff",
]  # fmt: skip
_TAGS = [
    "!!binary", "!!str", "!!int", "!!float", "!!bool", "!!null", "!!map", "!!seq", "!!set",
    "!!omap", "!!timestamp", "!", "!foo", "!<tag:yaml.org,2002:str>", "!!python/name:os.system",
]  # fmt: skip
_INSERTS: list[str] = [
    *" -:#'\"{}[],&*!|>?%@`\n\tabc1.~\\",
    *(
        ": ",
        " #",
        "\n  ",
        "\n- ",
        "\r\n",
        "\r",
        "\ufeff",
        "\u2028",
        "---\n",
        "...\n",
        "%YAML 1.2\n",
    ),
]
_KEYS = ["id", "name", "a", "b_c", "x.y", "k-1", "true", "null", "No", "1", "'q'", '"q"', "? k"]


def _plan_texts() -> list[str]:
    """Dumped plans: the Bergen example and small synthetic portfolios."""
    import gevinst as gv
    from benchmarks.generate import portfolio_text

    texts = [gv.dumps(gv.load(ROOT / "examples" / "bergen_barnevern" / "plan.yaml"))]
    texts += [portfolio_text(measures, seed=seed) for measures, seed in ((3, 1), (5, 2))]
    return texts


_PLANS: list[str] = []


_LEAVES: list[Callable[[random.Random], Any]] = [
    lambda rng: None,
    lambda rng: rng.random() < 0.5,
    lambda rng: rng.randint(-(10**6), 10**6),
    lambda rng: rng.uniform(-1e6, 1e6),
    lambda rng: rng.choice([0.1, 1.0, 1e20, math.inf, -math.inf, math.nan, -0.0]),
    lambda rng: rng.choice(["x", "1", "no", "2025-01-01", "a b", "1e3", "0x1F", "~", "null"]),
    lambda rng: "".join(rng.choice(" abcæø:#-,{}[]'\"!&*\\1.") for _ in range(rng.randint(0, 12))),
    lambda rng: rng.choice(["Bergens barn, byens framtid", "a: b", "it's", "#1", "- x", ""]),
]


def _random_data(rng: random.Random, depth: int = 0) -> Any:
    roll = rng.random()
    if depth > 3 or roll < 0.45:
        return rng.choice(_LEAVES)(rng)
    if roll < 0.7:
        return [_random_data(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {
        rng.choice(["id", "name", "a", "b", "c_d", "e.f", "g-h", "x" * rng.randint(1, 20)]): (
            _random_data(rng, depth + 1)
        )
        for _ in range(rng.randint(0, 4))
    }


def _dumped(rng: random.Random) -> str:
    """Random data as PyYAML writes it, in a random style."""
    data = {f"k{n}": _random_data(rng) for n in range(rng.randint(1, 5))}
    return str(
        yaml.dump(
            data,
            Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
            default_flow_style=rng.choice([None, False, True]),
            width=rng.choice([20, 40, 80, 1000]),
            indent=rng.choice([2, 3, 4]),
            allow_unicode=rng.random() < 0.8,
            sort_keys=False,
        )
    )


def _excerpt(rng: random.Random, text: str) -> str:
    """A run of whole lines of a plan, starting at a top-level key, so mutations stay close."""
    lines = text.split("\n")
    starts = [n for n, line in enumerate(lines) if line[:1].isalpha()]
    first = rng.choice(starts)
    return "\n".join(lines[first : first + rng.randint(1, 40)]) + "\n"


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _split_line(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    n = rng.randrange(len(lines))
    line = lines[n]
    if len(line) < 2:
        return text
    cut = rng.randrange(1, len(line))
    indent = " " * rng.choice([0, 1, 2, 4, 6, 8, len(line) - len(line.lstrip(" ")) + 2])
    lines[n : n + 1] = [
        line[:cut].rstrip(" ") if rng.random() < 0.7 else line[:cut],
        indent + line[cut:].lstrip(" "),
    ]
    return "\n".join(lines)


def _split_key(rng: random.Random, text: str) -> str:
    """Move the ':' after a key (or a space around it) to the next line."""
    spots = [i for i in range(len(text) - 1) if text[i] == ":" and text[i + 1] in " \n"]
    if not spots:
        return text
    i = rng.choice(spots)
    indent = " " * rng.choice([0, 1, 2, 3, 4, 8])
    before = " " if rng.random() < 0.3 else ""
    return text[:i] + before + "\n" + indent + text[i:]


def _long_key(rng: random.Random, text: str) -> str:
    spots = [i for i in range(1, len(text) - 1) if text[i] == ":" and text[i + 1] == " "]
    if not spots:
        return text
    i = rng.choice(spots)
    start = i
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_.-"):
        start -= 1
    if start == i:
        return text
    length = rng.choice([1000, 1020, 1022, 1023, 1024, 1025, 1026, 1030, 2000])
    length -= rng.choice([0, 0, 1, 2, 4])  # leave room for quotes, spaces, '- '
    key = "k" * length
    quote = rng.choice(["", "", "'", '"'])
    spaces = " " * rng.choice([0, 0, 0, 1, 3])
    return text[:start] + quote + key + quote + spaces + text[i:]


def _tag(rng: random.Random, text: str) -> str:
    spots = [i + 1 for i in range(len(text) - 1) if text[i] in " [,{-" and text[i + 1] != " "]
    spots += [i + 2 for i in range(len(text) - 2) if text[i : i + 2] == ": "]
    if not spots:
        return text
    i = rng.choice(spots)
    return text[:i] + rng.choice(_TAGS) + " " + text[i:]


def _anchor(rng: random.Random, text: str) -> str:
    spots = [i + 2 for i in range(len(text) - 2) if text[i : i + 2] in (": ", "- ")]
    if not spots:
        return text
    i = rng.choice(spots)
    return text[:i] + rng.choice(["&a ", "*a", "&a1 x ", "*a "]) + text[i:]


def _deep(rng: random.Random, text: str) -> str:
    depth = rng.choice([3, 150, 197, 198, 199, 200, 201, 202, 210])
    style = rng.randrange(4)
    if style == 0:  # block mappings
        body = "".join(" " * n + f"k{n}:\n" for n in range(depth)) + " " * depth + "z: 1\n"
    elif style == 1:  # block sequences of mappings
        body = "k:\n" + "".join(" " * (2 * n) + "- a:\n" for n in range(depth // 2))
        body += " " * (depth // 2 * 2) + "- 1\n"
    elif style == 2:  # a flow collection at the bottom
        body = "".join(" " * n + f"k{n}:\n" for n in range(depth)) + " " * depth
        body += rng.choice(["z: [1, 2]\n", "z: {a: 1}\n", "z: ['a', 2]\n"])
    else:  # nested flow
        body = "k: " + "[" * depth + "1" + "]" * depth + "\n"
    return body if rng.random() < 0.5 else text + body


def _scalar(rng: random.Random, text: str) -> str:
    spots = [i + 2 for i in range(len(text) - 2) if text[i : i + 2] in (": ", "- ", ", ", "[")]
    spots = [i - 1 if text[i - 1] == "[" else i for i in spots]
    if not spots:
        return text
    i = rng.choice(spots)
    end = i
    while end < len(text) and text[end] not in ",]}\n":
        end += 1
    return text[:i] + rng.choice(_SCALARS) + text[end:]


def _key(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    n = rng.randrange(len(lines))
    line = lines[n]
    head, sep, rest = line.partition(": ")
    if not sep:
        return text
    stripped = head.lstrip(" -")
    lines[n] = head[: len(head) - len(stripped)] + rng.choice(_KEYS) + sep + rest
    return "\n".join(lines)


def _quote(rng: random.Random, text: str) -> str:
    spots = [i + 2 for i in range(len(text) - 2) if text[i : i + 2] in (": ", "- ", ", ")]
    if not spots:
        return text
    i = rng.choice(spots)
    end = i
    while end < len(text) and text[end] not in ",]}\n":
        end += 1
    value = text[i:end]
    q = rng.choice(["'", '"'])
    if q == "'":
        value = value.replace("'", "''")
    else:
        value = value.replace("\\", "\\\\").replace('"', '\\"')
    if rng.random() < 0.2:
        value = value[: len(value) // 2] + "\n" + " " * rng.randint(0, 6) + value[len(value) // 2 :]
    return text[:i] + q + value + (q if rng.random() < 0.95 else "") + text[end:]


def _comment(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    n = rng.randrange(len(lines) + 1)
    if rng.random() < 0.5:
        lines.insert(n, " " * rng.randint(0, 6) + rng.choice(["# c", "#", "#: x", ""]))
    elif n < len(lines):
        lines[n] += rng.choice([" # c", "#c", "  #", " #: x"])
    return "\n".join(lines)


def _insert(rng: random.Random, text: str) -> str:
    i = rng.randrange(len(text) + 1)
    cut = rng.choice([0, 0, 1, 2])
    return text[:i] + rng.choice(_INSERTS) + text[i + cut :]


def _indent(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    n = rng.randrange(len(lines))
    shift = rng.choice([-2, -1, 1, 2])
    if shift < 0:
        lines[n] = lines[n][min(-shift, len(lines[n]) - len(lines[n].lstrip(" "))) :]
    else:
        lines[n] = " " * shift + lines[n]
    return "\n".join(lines)


def _flow(rng: random.Random, text: str) -> str:
    """Write a block list on one line, or break a flow collection over lines."""
    if rng.random() < 0.5:
        spots = [i for i in range(len(text)) if text[i] == "," and "[" in text[max(0, i - 200) : i]]
        if not spots:
            return text
        i = rng.choice(spots) + 1
        return text[:i] + "\n" + " " * rng.randint(0, 8) + text[i:].lstrip(" ")
    lines = _lines(text)
    n = rng.randrange(len(lines))
    items: list[str] = []
    while n + len(items) < len(lines) and lines[n + len(items)].lstrip(" ").startswith("- "):
        items.append(lines[n + len(items)].lstrip(" ")[2:])
    if not items:
        return text
    lines[n : n + len(items)] = [" " * rng.randint(2, 4) + "[" + ", ".join(items) + "]"]
    return "\n".join(lines)


def _crlf(rng: random.Random, text: str) -> str:
    if rng.random() < 0.5:
        return text.replace("\n", "\r\n")
    i = text.find("\n", rng.randrange(len(text) + 1))
    return text if i < 0 else text[:i] + "\r" + text[i:]


def _bom(rng: random.Random, text: str) -> str:
    i = 0 if rng.random() < 0.6 else rng.randrange(len(text) + 1)
    return text[:i] + "\ufeff" + text[i:]


def _tab(rng: random.Random, text: str) -> str:
    i = rng.randrange(len(text) + 1)
    return text[:i] + "\t" + text[i:]


def _blank(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    lines.insert(rng.randrange(len(lines) + 1), " " * rng.randint(0, 4))
    return "\n".join(lines)


def _drop_line(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    del lines[rng.randrange(len(lines))]
    return "\n".join(lines)


_MUTATIONS: list[tuple[Callable[[random.Random, str], str], int]] = [
    (_split_line, 6),
    (_split_key, 6),
    (_long_key, 3),
    (_tag, 3),
    (_anchor, 1),
    (_deep, 2),
    (_scalar, 10),
    (_key, 3),
    (_quote, 5),
    (_comment, 3),
    (_insert, 8),
    (_indent, 4),
    (_flow, 5),
    (_crlf, 1),
    (_bom, 1),
    (_tab, 1),
    (_blank, 2),
    (_drop_line, 2),
]
_FUNCTIONS = [function for function, _ in _MUTATIONS]
_WEIGHTS = [weight for _, weight in _MUTATIONS]


def document(rng: random.Random) -> str:
    """One YAML document near the fast reader's grammar."""
    if not _PLANS:
        _PLANS.extend(_plan_texts())
    roll = rng.random()
    if roll < 0.45:
        text = _excerpt(rng, rng.choice(_PLANS))
    elif roll < 0.5:
        text = rng.choice(_PLANS)
    else:
        text = _dumped(rng)
    for function in rng.choices(_FUNCTIONS, _WEIGHTS, k=rng.choice([0, 1, 1, 2, 2, 3, 4])):
        text = function(rng, text)
    return text


# -- minimising a discrepancy --------------------------------------------------------------


def minimise(text: str, deadline: float = 30.0) -> str:
    """A shorter text with the same discrepancy (whole lines first, then characters)."""
    wanted = discrepancy(text)
    stop = time.monotonic() + deadline
    for unit in ("lines", "chars"):
        pieces: list[str] = text.splitlines(keepends=True) if unit == "lines" else list(text)
        size = max(1, len(pieces) // 2)
        while size >= 1 and time.monotonic() < stop:
            start = 0
            while start < len(pieces) and time.monotonic() < stop:
                trial = pieces[:start] + pieces[start + size :]
                if trial and discrepancy("".join(trial)) == wanted:
                    pieces = trial
                else:
                    start += size
            size //= 2
        text = "".join(pieces)
    return text


# -- running -------------------------------------------------------------------------------


Found = dict[str, list[str]]


def run(seed: int, seconds: float) -> tuple[int, int, Found]:
    """Documents tried, documents the fast reader read, and the discrepancies found
    (by kind, the shortest few minimised documents of each)."""
    from gevinst.io.fastyaml import NOT_FAST, parse_fast

    rng = random.Random(seed)
    tried = read = 0
    found: Found = {}
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        text = document(rng)
        tried += 1
        problem = discrepancy(text)
        if problem is None:
            read += parse_fast(text) is not NOT_FAST
            continue
        examples = found.setdefault(problem, [])
        if len(examples) < 5:
            examples.append(minimise(text, deadline=10.0))
    return tried, read, found


def _job(args: tuple[int, float]) -> tuple[int, int, Found]:
    return run(*args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=1, help="processes (seeds seed, seed+1, ...)")
    options = parser.parse_args(argv)
    started = time.monotonic()
    jobs = [(options.seed + n, options.seconds) for n in range(options.jobs)]
    if options.jobs == 1:
        results = [run(*jobs[0])]
    else:
        with multiprocessing.Pool(options.jobs) as pool:
            results = pool.map(_job, jobs)
    tried = sum(r[0] for r in results)
    read = sum(r[1] for r in results)
    found: Found = {}
    for _, _, part in results:
        for problem, examples in part.items():
            found.setdefault(problem, []).extend(examples)
    elapsed = time.monotonic() - started
    print(
        f"{tried} documents in {elapsed:.0f} s ({options.jobs} process(es), seed {options.seed}): "
        f"the fast reader read {read} ({read / max(tried, 1):.0%}) and stepped aside for the rest"
    )
    for problem, examples in sorted(found.items()):
        print(f"DISCREPANCY: {problem}; the shortest documents, minimised:")
        for example in sorted(set(examples), key=len)[:3]:
            print(f"    {example!r}")
    print(f"{len(found)} kind(s) of discrepancy" if found else "no discrepancy")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
