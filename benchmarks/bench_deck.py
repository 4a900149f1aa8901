"""How long the council deck takes for a 400-element plan, beside ``dot -Tsvg`` of the
same map in the same run (issue 14: at most 10 s).

The plan is the synthetic portfolio of ``benchmarks/generate.py`` with 200 measures
(400 elements). Three figures, each the median of ``--runs`` runs in this process,
in CPU seconds (the machine may be shared: CPU time is what the deck costs, wall time
is printed beside it):

- the council deck (``report_bytes(plan, "pptx")``), main story only;
- with ``--appendix``, the deck with its appendix (``appendix=True``: every map part,
  table and chart);
- ``dot -Tsvg`` of the whole map's DOT source (the system ``dot``, as a child process:
  its CPU time is the child's).

Usage::

    python benchmarks/bench_deck.py            # 200 measures, 3 runs
    python benchmarks/bench_deck.py --measures 100 --runs 1
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _timed(work: Callable[[], object]) -> tuple[float, float]:
    """CPU seconds (this process and its children) and wall seconds of ``work()``."""

    def cpu() -> float:
        own = time.process_time()
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return own + children.ru_utime + children.ru_stime

    cpu0, wall0 = cpu(), time.perf_counter()
    work()
    return cpu() - cpu0, time.perf_counter() - wall0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--measures", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--appendix", action="store_true", help="also time the appendix")
    args = parser.parse_args(argv)

    import gevinst as gv
    from benchmarks.generate import portfolio_data
    from gevinst.layout.dot import to_dot
    from gevinst.layout.options import MapOptions
    from gevinst.layout.view import map_view
    from gevinst.report import report_bytes

    plan = gv.Plan.model_validate(portfolio_data(args.measures))
    elements = len(list(plan.elements()))
    source = to_dot(map_view(plan, MapOptions(language=plan.language)))
    dot = shutil.which("dot")
    jobs: dict[str, Callable[[], object]] = {
        "council deck (.pptx, at most 20 slides)": lambda: report_bytes(plan, "pptx"),
    }
    if args.appendix:
        jobs["council deck with --appendix"] = lambda: report_bytes(plan, "pptx", appendix=True)
    if dot is not None:
        jobs["dot -Tsvg of the same map"] = lambda: subprocess.run(
            [dot, "-Tsvg"], input=source.encode(), capture_output=True, check=True
        )
    report_bytes(gv.load(Path(__file__).parents[1] / "examples/minimal.yaml"), "pptx")  # imports
    print(f"{elements} elements, median of {args.runs} runs, {os.cpu_count()} CPUs")
    print()
    print("| what | CPU s | wall s |")
    print("|---|---:|---:|")
    for name, work in jobs.items():
        times = [_timed(work) for _ in range(args.runs)]
        cpu = statistics.median(t[0] for t in times)
        wall = statistics.median(t[1] for t in times)
        print(f"| {name} | {cpu:.1f} | {wall:.1f} |", flush=True)
    if dot is None:
        print("| dot -Tsvg | (no dot on PATH) | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
