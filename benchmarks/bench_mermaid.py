"""How the Mermaid map (``render -o map.mmd``) grows with the plan: 1,000, 5,000 and
10,000 elements, this tree against a baseline checkout, side by side in one run.

The plans are the synthetic portfolios of ``benchmarks/generate.py`` (500, 2,500 and
5,000 measures give 1,000, 5,000 and 10,000 map elements). Each measurement is a new
process that loads the plan and times ``render_bytes(plan, "mmd")`` alone (choosing
what the map shows, wrapping the labels, writing the text; no Graphviz; maps above
Mermaid's limits are refused after the text is written, and the refusal is timed): the best of
``--repeat`` runs. Trees alternate, so a busy machine slows both alike. Prints a
Markdown table with the ratio.

Usage::

    git -C . worktree add /tmp/baseline main      # or: git archive main | tar -x -C DIR
    python -m benchmarks.bench_mermaid --baseline /tmp/baseline
    python -m benchmarks.bench_mermaid             # this tree only
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEASURES = {1000: 500, 5000: 2500, 10000: 5000}

_TIMED = """
import sys, time
sys.path.insert(0, sys.argv[1])
import gevinst as gv
from gevinst.render import render_bytes
plan = gv.load(sys.argv[2])
start = time.perf_counter()
try:
    render_bytes(plan, "mmd")
except gv.GevinstError:
    pass
print(time.perf_counter() - start)
"""


def _seconds(tree: Path, plan: Path, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        done = subprocess.run(
            [sys.executable, "-c", _TIMED, str(tree), str(plan)],
            capture_output=True,
            text=True,
            check=True,
            cwd=tree,
        )
        runs.append(float(done.stdout.strip().splitlines()[-1]))
    return min(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="a checkout to compare with (e.g. main)")
    parser.add_argument("--sizes", type=int, nargs="*", default=sorted(MEASURES))
    parser.add_argument("--repeat", type=int, default=1)
    options = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from benchmarks.generate import portfolio_text

    header = "| elements | this tree (s) |"
    rule = "|---:|---:|"
    if options.baseline:
        header += " baseline (s) | baseline / this tree |"
        rule += "---:|---:|"
    print(header)
    print(rule)
    with tempfile.TemporaryDirectory() as folder:
        for size in options.sizes:
            plan = Path(folder) / f"plan{size}.yaml"
            plan.write_text(portfolio_text(MEASURES.get(size, size // 2), seed=1), "utf-8")
            ours = _seconds(ROOT, plan, options.repeat)
            row = f"| {size:,} | {ours:.2f} |"
            if options.baseline:
                theirs = _seconds(options.baseline.resolve(), plan, options.repeat)
                row += f" {theirs:.2f} | {theirs / ours:.1f} |"
            print(row, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
