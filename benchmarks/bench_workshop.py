"""How long one workshop edit takes on a 300-element plan, beside ``gevinst render``.

The edit is a rename sent to ``POST /api/edit`` through Starlette's TestClient in one
warm process (the server has answered before): from the request to the response, it
reads the file, applies the edit with ruamel.yaml round-trip, checks the new text
with the model, writes it atomically, runs ``check`` and lays out and draws the map.
Beside it, in the same process and run: the warm ``gevinst render`` of the same plan
to SVG and HTML (layout and drawing), and the parts of the edit on their own.

Each figure is the median of ``--runs`` runs, as wall-clock and as this process's CPU
time (the machine may be shared: CPU time and the ratios are the steadier figures).
The target (issue 15) is 300 ms from request to response. Prints a Markdown table.

Usage::

    python benchmarks/bench_workshop.py             # 150 measures: 300 map elements
    python benchmarks/bench_workshop.py --measures 15 --runs 5
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _median(runs: int, work: Callable[[int], object]) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of ``work(i)`` over ``runs`` runs."""
    walls, cpus = [], []
    for i in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        work(i)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=150)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE.parent))
    from starlette.testclient import TestClient

    import gevinst as gv
    from benchmarks.generate import portfolio_text
    from gevinst.analysis.checks import check
    from gevinst.render import render_bytes
    from gevinst.workshop.document import _Yaml
    from gevinst.workshop.server import create_app

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.yaml"
        path.write_text(portfolio_text(args.measures), "utf-8")
        plan = gv.load(path)
        elements = sum(1 for _ in plan.elements())
        benefit = plan.benefits[0].id
        client = TestClient(create_app(path, "t", ("testserver",)))
        client.headers["X-Gevinst-Token"] = "t"
        client.get("/api/state")  # warm: imports, Graphviz compiled, first layout

        def edit(i: int) -> None:
            version = client.get("/api/version").json()["version"]
            body = {"version": version, "edit": {"op": "rename", "id": benefit, "name": f"B {i}"}}
            answer = client.post("/api/edit", json=body)
            assert answer.status_code == 200, answer.text

        def text_edit(i: int) -> None:
            text = path.read_text("utf-8")
            yaml = _Yaml(text)
            data = yaml.load(text)
            data["benefits"][0]["name"] = f"C {i}"
            yaml.dump(data)

        text = path.read_text("utf-8")
        yaml = _Yaml(text)
        data = yaml.load(text)
        rows = [
            ("edit: request to response (POST /api/edit)", _median(args.runs, edit)),
            (
                "  of which ruamel.yaml dump of the whole file",
                _median(args.runs, lambda i: yaml.dump(data)),
            ),
            (
                "  (ruamel.yaml parse + dump: an edit after undo or a change on disk)",
                _median(args.runs, text_edit),
            ),
            ("  of which gv.loads (model)", _median(args.runs, lambda i: gv.load(path))),
            ("  of which check", _median(args.runs, lambda i: check(plan))),
            ("render to SVG (warm)", _median(args.runs, lambda i: render_bytes(plan, "svg"))),
            ("render to HTML (warm)", _median(args.runs, lambda i: render_bytes(plan, "html"))),
        ]
    print(f"{elements} map elements, {args.measures} measures, median of {args.runs} runs\n")
    print("| step | wall ms | CPU ms |")
    print("| --- | ---: | ---: |")
    for name, (wall, cpu) in rows:
        print(f"| {name} | {wall * 1000:.0f} | {cpu * 1000:.0f} |")
    svg_cpu = rows[5][1][1]
    print(f"\nedit / render SVG (CPU): {rows[0][1][1] / svg_cpu:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
