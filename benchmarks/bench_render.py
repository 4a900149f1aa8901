"""How long a benefit map takes to draw: 30, 300 and 3,000 elements, cold and warm.

- **cold, no cache**: the whole of ``gevinst render plan.yaml -o map.svg`` in a new
  process with an empty module cache: Python starting, imports, reading the plan,
  compiling Graphviz's WebAssembly, layout and the SVG; a first run on a new laptop.
- **cold, cached**: the same again, with the compiled module on disk (every later
  ``gevinst render``).
- **warm**: in one process after a first render (a notebook, a server): the median of
  three runs of the layout alone and of each format end to end.

The plans are the synthetic portfolios of ``benchmarks/generate.py`` (15, 150 and
1,500 measures give 31, 300 and 3,000 map elements). Graphviz is the embedded
WebAssembly build unless ``--system-dot`` is given. Prints a Markdown table.

With ``--png-vs-dot`` it times instead, in new processes, ``gevinst render plan.yaml
-o map.png`` (Graphviz on PATH) beside ``dot -Tsvg`` of the same map's DOT source, in
the same run: wall clock and CPU seconds (the process and its children, so ``dot``
counts), the median of ``--runs``. On a machine shared with other work, compare the
CPU seconds and the ratio, not the wall clock.

Usage::

    python benchmarks/bench_render.py                 # 30, 300, 3000 elements
    python benchmarks/bench_render.py --sizes 30 300 --formats svg png
    python benchmarks/bench_render.py --png-vs-dot --sizes 300 400
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
MEASURES = {30: 15, 300: 150, 400: 200, 3000: 1500}


def _cold(plan_file: Path, cache: Path, out: Path, env: dict[str, str]) -> float:
    """Wall-clock seconds of a whole ``gevinst render PLAN -o OUT`` in a new process."""
    command = [sys.executable, "-c", "from gevinst.cli import main; main()"]
    start = time.perf_counter()
    subprocess.run(
        [*command, "render", str(plan_file), "-o", str(out)],
        env={**env, "GEVINST_CACHE_DIR": str(cache)},
        capture_output=True,
        check=True,
    )
    return time.perf_counter() - start


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system, children included) of one command."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, capture_output=True, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def png_vs_dot(sizes: list[int], runs: int) -> None:
    """``gevinst render -o map.png`` beside ``dot -Tsvg`` of the same DOT, as a table."""
    import shutil

    sys.path.insert(0, str(HERE))
    from generate import portfolio_plan

    import gevinst as gv

    dot = shutil.which("dot")
    if dot is None:
        raise SystemExit("--png-vs-dot needs Graphviz dot on PATH")
    env = dict(os.environ, GEVINST_GRAPHVIZ="dot")
    gevinst = [sys.executable, "-c", "from gevinst.cli import main; main()", "render"]
    print("| elements | render -o map.png: wall | CPU | dot -Tsvg: wall | CPU | CPU ratio |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        for size in sizes:
            plan = portfolio_plan(MEASURES.get(size, max(1, size // 2)))
            plan_file = gv.save(plan, tmp / f"plan-{size}.yaml")
            dot_file = gv.render(plan, tmp / f"map-{size}.dot")
            png: list[tuple[float, float]] = []
            svg: list[tuple[float, float]] = []
            for _ in range(runs):
                png.append(_timed([*gevinst, str(plan_file), "-o", str(tmp / "m.png")], env))
                svg.append(_timed([dot, "-Tsvg", str(dot_file), "-o", str(tmp / "m.svg")], env))
            p_wall, p_cpu = (statistics.median(v) for v in zip(*png, strict=True))
            d_wall, d_cpu = (statistics.median(v) for v in zip(*svg, strict=True))
            count = len(list(plan.elements()))
            print(
                f"| {count} | {p_wall:.2f} s | {p_cpu:.2f} s | {d_wall:.2f} s | {d_cpu:.2f} s "
                f"| {p_cpu / d_cpu:.1f} x |",
                flush=True,
            )


def _median(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[30, 300, 3000])
    parser.add_argument("--formats", nargs="+", default=["svg", "png", "pdf", "html", "mmd"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--system-dot", action="store_true", help="use dot on PATH")
    parser.add_argument(
        "--png-vs-dot", action="store_true", help="render -o map.png beside dot -Tsvg"
    )
    args = parser.parse_args(argv)
    if args.png_vs_dot:
        png_vs_dot(args.sizes, args.runs)
        return 0
    env = dict(os.environ, GEVINST_GRAPHVIZ="dot" if args.system_dot else "wasm")
    os.environ.update(GEVINST_GRAPHVIZ=env["GEVINST_GRAPHVIZ"])

    sys.path.insert(0, str(HERE))
    from generate import portfolio_plan

    import gevinst as gv
    from gevinst.layout.geometry import layout

    header = ["elements", "cold, no cache", "cold, cached", "layout (warm)"]
    header += [f".{fmt} (warm)" for fmt in args.formats]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        for size in args.sizes:
            measures = MEASURES.get(size, max(1, size // 2))
            cache = tmp / f"cache-{size}"
            plan = portfolio_plan(measures)
            plan_file = gv.save(plan, tmp / f"plan-{size}.yaml")
            cold = _cold(plan_file, cache, tmp / f"cold-{size}.svg", env)
            cached = _cold(plan_file, cache, tmp / f"cached-{size}.svg", env)
            count = len(list(plan.elements()))
            gv.render(plan, tmp / "first.svg")  # warm up: module compiled, imports done
            row = [str(count), f"{cold:.2f} s", f"{cached:.2f} s"]
            row.append(f"{_median(args.runs, partial(layout, plan)):.2f} s")
            for fmt in args.formats:
                target = tmp / f"map-{size}.{fmt}"
                seconds = _median(args.runs, partial(gv.render, plan, target))
                row.append(f"{seconds:.2f} s")
            print("| " + " | ".join(row) + " |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
