"""Two checkouts of gevinst side by side: the same workloads, interleaved, in one run.

Each measurement is a new Python process with ``PYTHONPATH`` set to one checkout (the
process checks that ``gevinst`` really comes from there); it times only its workload,
after any setup, and prints the seconds. The checkouts take turns (which one goes
first alternates each round), so a machine that gets busier slows both alike. Every
workload runs ``--repeat`` times per checkout, after ``--warmup`` unmeasured rounds
that fill the bytecode cache (kept outside both trees); the table gives the medians,
the ratio new / old (above 1: the new checkout is slower) and every run, so the
spread on a busy machine can be judged.

The inputs are made once, with the new checkout's ``benchmarks/generate.py`` and read
by both: the 10,000-measure portfolio (YAML and JSON), a 300-element map (150
measures) and the Bergen example. Only the public API (``import gevinst as gv``) is
used, so any two versions that have it can be compared.

Usage (from the repository root)::

    git worktree add /tmp/old 45eefd2
    python -m benchmarks.compare_commits /tmp/old .             # old first, then new
    python -m benchmarks.compare_commits /tmp/old . --repeat 3 --only check evaluate

A round took about 3.5 minutes on a 2-core machine with a load average of 10.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

AT = "2025-10-01"  # the date every evaluation and deck is made at
PYCACHE = Path(tempfile.gettempdir()) / "gevinst-compare-pycache"

# Every workload starts with this: it imports gevinst from the checkout it was given
# and refuses to measure another copy (an installed one, say).
_PRELUDE = """
import json, sys, time
from pathlib import Path
tree, data = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
"""
_IMPORT = """
import gevinst as gv
assert Path(gv.__file__).resolve().is_relative_to(tree), (gv.__file__, tree)
"""


@dataclass(frozen=True)
class Workload:
    """One process's worth of work: its code prints a JSON object of name -> seconds."""

    name: str
    code: str


def _timed(name: str, setup: str, steps: list[tuple[str, str]]) -> Workload:
    """A workload that runs ``setup``, then times each (name, code) step in turn."""
    code = f"{_PRELUDE}{_IMPORT}{setup}\nout = {{}}\n"
    for label, step in steps:
        code += f"start = time.perf_counter()\n{step}\n"
        code += f"out[{label!r}] = time.perf_counter() - start\n"
    return Workload(name, code + "print(json.dumps(out))\n")


WORKLOADS = [
    Workload(
        "import gevinst",
        f"""{_PRELUDE}
start = time.perf_counter()
import gevinst as gv
seconds = time.perf_counter() - start
assert Path(gv.__file__).resolve().is_relative_to(tree), (gv.__file__, tree)
print(json.dumps({{"import gevinst": seconds}}))
""",
    ),
    _timed(
        "load YAML",
        "",
        [("load YAML, 10,000 measures", "plan = gv.load(data / 'portfolio.yaml')")],
    ),
    # one process: the plan loaded from JSON is then checked and evaluated
    _timed(
        "load JSON, check, evaluate",
        "",
        [
            ("load JSON, 10,000 measures", "plan = gv.load(data / 'portfolio.json')"),
            ("check, 10,000 measures", "findings = gv.check(plan)"),
            ("evaluate, 10,000 measures", f"review = gv.evaluate(plan, at={AT!r})"),
        ],
    ),
    _timed(
        "render SVG",
        "plan = gv.load(data / 'map300.yaml')",
        [
            ("render SVG, 300 elements, first", "gv.render(plan, data / 'map.svg')"),
            ("render SVG, 300 elements, warm", "gv.render(plan, data / 'map.svg')"),
        ],
    ),
    _timed(
        "council deck",
        "plan = gv.load(data / 'bergen.yaml')",
        [("council deck of Bergen", f"gv.report(plan, data / 'deck.pptx', at={AT!r})")],
    ),
]


def _inputs(new: Path, folder: Path) -> None:
    """Write the plans both checkouts read, with the new checkout's generator."""
    script = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import gevinst as gv
from benchmarks.generate import portfolio_plan
folder = Path(sys.argv[2])
big = portfolio_plan(10_000)
gv.save(big, folder / "portfolio.yaml")
gv.save(big, folder / "portfolio.json")
gv.save(portfolio_plan(150), folder / "map300.yaml")
"""
    subprocess.run([sys.executable, "-c", script, str(new), str(folder)], check=True, cwd=folder)
    bergen = new / "examples" / "bergen_barnevern" / "plan.yaml"
    (folder / "bergen.yaml").write_bytes(bergen.read_bytes())


def _run(workload: Workload, tree: Path, folder: Path) -> dict[str, float]:
    """Seconds of each timed part of one run of ``workload`` against ``tree``."""
    # bytecode is cached (outside both trees) so that imports are timed, not compiling
    env = dict(os.environ, PYTHONPATH=str(tree), PYTHONPYCACHEPREFIX=str(PYCACHE))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    done = subprocess.run(
        [sys.executable, "-c", workload.code, str(tree), str(folder)],
        capture_output=True,
        text=True,
        check=False,
        cwd=folder,
        env=env,
    )
    if done.returncode != 0:
        raise SystemExit(f"{workload.name} failed in {tree}:\n{done.stderr}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    """Compare two checkouts; print a Markdown table of medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path, help="the checkout to compare against")
    parser.add_argument("new", type=Path, help="the checkout being judged")
    parser.add_argument("--repeat", type=int, default=5, help="runs per workload and checkout")
    parser.add_argument("--warmup", type=int, default=1, help="unmeasured rounds first")
    parser.add_argument("--only", nargs="*", default=[], help="workloads whose name has this")
    args = parser.parse_args(argv)
    old, new = args.old.resolve(), args.new.resolve()
    chosen = [w for w in WORKLOADS if not args.only or any(o in w.name for o in args.only)]
    began = time.perf_counter()
    times: dict[str, dict[Path, list[float]]] = {}
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        _inputs(new, folder)
        for _ in range(args.warmup):  # unmeasured: fills the bytecode cache
            for workload in chosen:
                for tree in (old, new):
                    _run(workload, tree, folder)
        for round_ in range(args.repeat):
            for workload in chosen:
                order = (old, new) if round_ % 2 == 0 else (new, old)
                for tree in order:
                    for name, seconds in _run(workload, tree, folder).items():
                        times.setdefault(name, {old: [], new: []})[tree].append(seconds)
            print(f"round {round_ + 1} of {args.repeat} done", file=sys.stderr, flush=True)
    print(f"old: {old}\nnew: {new}\n")
    print("| workload | old (s) | new (s) | new / old | old, all runs | new, all runs |")
    print("|---|---:|---:|---:|---|---|")
    for name, sides in times.items():
        a, b = statistics.median(sides[old]), statistics.median(sides[new])
        runs_a = " ".join(f"{s:.3f}" for s in sides[old])
        runs_b = " ".join(f"{s:.3f}" for s in sides[new])
        print(f"| {name} | {a:.3f} | {b:.3f} | {b / a:.2f} | {runs_a} | {runs_b} |")
    load = os.getloadavg()
    print(f"\n{args.repeat} runs each, medians; load average at the end {load[0]:.2f}; ", end="")
    print(f"took {time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
