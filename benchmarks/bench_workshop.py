"""How long workshop edits take on a 300-element plan, beside ``gevinst render``.

Every edit is sent to the server through Starlette's TestClient in one warm process
(the server has answered before) and timed from the request to the response: read
the file, apply the edit to the round-trip YAML, write the changed lines, read the new
text with the model, write it atomically, run ``check``, lay out and draw the map.
Four kinds of edit:

- a rename (the common edit; the issue's target is 300 ms for it);
- a delete (it also removes the links to the element from the others);
- the first edit after an undo (the file is back at an older text);
- the first edit after the file was changed on disk (a text editor renamed a measure);
- the very first edit, with and without the parse ``gevinst workshop`` makes in the
  background while the page loads (one run each).

The server is made ready as ``gevinst workshop`` makes it (``settle``: the parse for
editing, and what is alive then set aside from the garbage collector).

Beside them, in the same process and run: the warm ``gevinst render`` of the same plan
to SVG and HTML, and some parts of the edit on their own. Each figure is the median
of ``--runs`` runs, wall-clock and this process's CPU time (the machine may be shared:
CPU time and the ratios are the steadier figures; neither counts the ``dot`` process).

``--tree`` imports gevinst from another checkout (``git worktree add /tmp/old <commit>``)
so that two versions can be timed one after the other on the same machine.

Usage::

    python benchmarks/bench_workshop.py             # 150 measures: 300 map elements
    python benchmarks/bench_workshop.py --measures 15 --runs 5
    python benchmarks/bench_workshop.py --tree /tmp/old
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
    parser.add_argument("--tree", type=Path, default=HERE.parent, help="the gevinst checkout")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE.parent))
    from benchmarks.generate import portfolio_text

    sys.path.insert(0, str(args.tree.resolve()))
    from starlette.testclient import TestClient

    import gevinst as gv

    if not Path(gv.__file__).resolve().is_relative_to(args.tree.resolve()):
        raise SystemExit(f"gevinst comes from {gv.__file__}, not from {args.tree}")
    from gevinst.analysis.checks import check
    from gevinst.render import render_bytes
    from gevinst.workshop import server
    from gevinst.workshop.server import create_app

    # (an older tree, --tree, has neither: it is timed as it served)
    settle = getattr(server, "settle", lambda plan_file: None)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.yaml"
        path.write_text(portfolio_text(args.measures), "utf-8")
        plan = gv.load(path)
        elements = sum(1 for _ in plan.elements())
        benefit = plan.benefits[0].id
        app = create_app(path, "t", ("testserver",))
        client = TestClient(app)
        client.headers["X-Gevinst-Token"] = "t"
        client.get("/api/state")  # warm: imports, Graphviz compiled, first layout
        unprepared = TestClient(create_app(path, "t", ("testserver",)))
        unprepared.headers["X-Gevinst-Token"] = "t"
        first_edit = {"op": "rename", "id": benefit, "name": "B"}

        def first_unprepared(_: int) -> None:
            version = unprepared.get("/api/version").json()["version"]
            answer = unprepared.post("/api/edit", json={"version": version, "edit": first_edit})
            assert answer.status_code == 200, answer.text

        first = _median(1, first_unprepared)
        settle(getattr(app.state, "plan_file", None))  # as `gevinst workshop` does

        def post(url: str, edit: dict[str, object] | None = None) -> None:
            version = client.get("/api/version").json()["version"]
            body: dict[str, object] = {"version": version}
            if edit is not None:
                body["edit"] = edit
            answer = client.post(url, json=body)
            assert answer.status_code == 200, answer.text

        first_prepared = _median(1, lambda _: post("/api/edit", {**first_edit, "name": "P"}))

        def rename(i: int, prefix: str = "B") -> None:
            post("/api/edit", {"op": "rename", "id": benefit, "name": f"{prefix} {i}"})

        def delete(i: int) -> None:
            post("/api/edit", {"op": "delete", "id": plan.benefits[i + 1].id})

        def undo(i: int) -> None:
            post("/api/undo")

        def on_disk(i: int) -> None:
            text = path.read_text("utf-8")
            old = plan.measures[i].name
            path.write_text(text.replace(f"name: {old}\n", f"name: {old} {i}\n", 1), "utf-8")

        rows = [("rename: request to response", _median(args.runs, rename))]
        rows.append(("the first edit after opening, not prepared", first))
        rows.append(("the first edit after opening, prepared", first_prepared))
        deletes, undos, after_undo, after_disk = [], [], [], []
        for i in range(args.runs):
            deletes.append(_median(1, lambda _, i=i: delete(i)))
            undos.append(_median(1, undo))
            after_undo.append(_median(1, lambda _, i=i: rename(i, "U")))
            on_disk(i)
            after_disk.append(_median(1, lambda _, i=i: rename(i, "D")))
        for name, times in (
            ("delete (and the links to it)", deletes),
            ("undo", undos),
            ("rename, the first edit after an undo", after_undo),
            ("rename, the first edit after a change on disk", after_disk),
        ):
            walls, cpus = zip(*times, strict=True)
            rows.append((name, (statistics.median(walls), statistics.median(cpus))))
        rows += [
            ("gv.load of the plan (model)", _median(args.runs, lambda i: gv.load(path))),
            ("check", _median(args.runs, lambda i: check(plan))),
            ("render to SVG (warm)", _median(args.runs, lambda i: render_bytes(plan, "svg"))),
            ("render to HTML (warm)", _median(args.runs, lambda i: render_bytes(plan, "html"))),
        ]
    print(f"{elements} map elements, {args.measures} measures, median of {args.runs} runs\n")
    print("| step | wall ms | CPU ms |")
    print("| --- | ---: | ---: |")
    for name, (wall, cpu) in rows:
        print(f"| {name} | {wall * 1000:.0f} | {cpu * 1000:.0f} |")
    svg_wall, svg_cpu = dict(rows)["render to SVG (warm)"]
    edit_wall, edit_cpu = rows[0][1]
    ratios = f"{edit_cpu / svg_cpu:.2f} (CPU), {edit_wall / svg_wall:.2f} (wall)"
    print(f"\nrename / render to SVG: {ratios}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
