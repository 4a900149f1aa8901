"""How easy a benefit map is to follow, measured on its layout (issue 14).

Three numbers, all read from :class:`gevinst.layout.geometry.Layout` (the positions
and routes every format draws), so they hold for SVG, PNG, PDF and HTML alike:

- **crossings**: pairs of arrows whose routes cross (arrows that share a box are not
  counted: they meet at it). Each Bézier segment is followed as 8 straight pieces.
- **long edges**: arrows whose route is more than 1,000 pt long (35 cm on paper), and
  the longest.
- **widest bundle**: the most arrows that pass through one gutter, the gap between two
  boxes next to each other in a column (or above the first, below the last), at the
  column's centre line. A bundle of 20 arrows in one gap cannot be told apart.

The plans are the synthetic portfolios of ``benchmarks/generate.py`` (150 and 200
measures give 300 and 400 map elements) and the two examples. Prints a Markdown table.

Usage::

    python benchmarks/map_quality.py                   # 300 and 400 elements, examples
    python benchmarks/map_quality.py plan.yaml other.yaml
    python benchmarks/map_quality.py --plan-order      # as before the ordering
"""

from __future__ import annotations

import argparse
import itertools
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from gevinst.layout.geometry import Layout

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LONG = 1000.0  # points
PIECES = 8  # straight pieces per Bézier segment


@dataclass(frozen=True)
class Quality:
    """The measures of one map."""

    elements: int
    edges: int
    crossings: int
    long_edges: int
    longest: float
    widest_bundle: int
    width: float
    height: float


def polyline(points: tuple[tuple[float, float], ...]) -> np.ndarray:
    """The route of an arrow as a polyline (``n x 2``), 8 pieces per Bézier segment."""
    import numpy as np

    ctrl = np.asarray(points, dtype=float)
    if len(ctrl) < 4:
        return ctrl
    u = np.linspace(0.0, 1.0, PIECES + 1)[:, None]
    parts = [ctrl[:1]]
    for k in range((len(ctrl) - 1) // 3):
        p0, p1, p2, p3 = ctrl[3 * k : 3 * k + 4]
        v = 1 - u
        curve = v**3 * p0 + 3 * v * v * u * p1 + 3 * v * u * u * p2 + u**3 * p3
        parts.append(curve[1:])
    return np.concatenate(parts)


def _crossings(routes: list[np.ndarray], ends: list[tuple[str, str]]) -> int:
    """Pairs of routes that cross at least once (pairs sharing an end are left out)."""
    import numpy as np

    segs = []
    owner = []
    for index, line in enumerate(routes):
        if len(line) < 2:
            continue
        segs.append(np.hstack([line[:-1], line[1:]]))
        owner.append(np.full(len(line) - 1, index))
    if not segs:
        return 0
    s = np.concatenate(segs)
    who = np.concatenate(owner)
    lo_x, hi_x = np.minimum(s[:, 0], s[:, 2]), np.maximum(s[:, 0], s[:, 2])
    lo_y, hi_y = np.minimum(s[:, 1], s[:, 3]), np.maximum(s[:, 1], s[:, 3])
    crossing: set[tuple[int, int]] = set()
    for i, line in enumerate(routes):
        if len(line) < 2:
            continue
        mine = np.hstack([line[:-1], line[1:]])
        for a in mine:
            ax0, ax1 = min(a[0], a[2]), max(a[0], a[2])
            ay0, ay1 = min(a[1], a[3]), max(a[1], a[3])
            near = (who > i) & (lo_x <= ax1) & (hi_x >= ax0) & (lo_y <= ay1) & (hi_y >= ay0)
            if not near.any():
                continue
            b = s[near]
            d1 = _orient(a[:2], a[2:], b[:, :2])
            d2 = _orient(a[:2], a[2:], b[:, 2:])
            d3 = _orient(b[:, :2], b[:, 2:], a[:2])
            d4 = _orient(b[:, :2], b[:, 2:], a[2:])
            # touching counts (two curves crossing at a sample point), lying along not
            hit = (d1 * d2 <= 0) & (d3 * d4 <= 0) & ~((d1 == 0) & (d2 == 0))
            for j in set(who[near][hit].tolist()):
                if set(ends[i]) & set(ends[j]):
                    continue
                crossing.add((i, j))
    return len(crossing)


def _orient(p: np.ndarray, q: np.ndarray, r: np.ndarray) -> np.ndarray:
    """The sign of the turn p -> q -> r (vectorised over the rows of whichever is 2-D)."""
    import numpy as np

    p, q, r = np.atleast_2d(p), np.atleast_2d(q), np.atleast_2d(r)
    value = (q[:, 0] - p[:, 0]) * (r[:, 1] - p[:, 1]) - (q[:, 1] - p[:, 1]) * (r[:, 0] - p[:, 0])
    result: np.ndarray = np.sign(value)
    return result


def _widest_bundle(lay: Layout, routes: list[np.ndarray]) -> int:
    """The most routes side by side in one gutter (the space between two columns).

    Every 10 pt down the page, count the arrows whose routes cross that height between
    the right edge of one column of boxes and the left edge of the next.
    """
    import numpy as np

    columns: dict[int, list[float]] = {}
    for node in lay.nodes:
        if node.kind != "assumption":
            columns.setdefault(node.level, []).extend([node.left, node.right])
    spans = sorted((min(xs), max(xs)) for xs in columns.values())
    gutters = [(a[1], b[0]) for a, b in itertools.pairwise(spans) if b[0] > a[1]]
    segs = [np.hstack([line[:-1], line[1:]]) for line in routes if len(line) > 1]
    owners = [np.full(len(line) - 1, i) for i, line in enumerate(routes) if len(line) > 1]
    if not segs or not gutters:
        return 0
    s, who = np.concatenate(segs), np.concatenate(owners)
    slanted = s[:, 1] != s[:, 3]
    s, who = s[slanted], who[slanted]
    widest = 0
    top, bottom = lay.graph_box[1], lay.graph_box[1] + lay.graph_box[3]
    for y in np.arange(top, bottom, 10.0):
        across = (s[:, 1] - y) * (s[:, 3] - y) <= 0
        if not across.any():
            continue
        part, owner = s[across], who[across]
        x = part[:, 0] + (y - part[:, 1]) / (part[:, 3] - part[:, 1]) * (part[:, 2] - part[:, 0])
        for left, right in gutters:
            inside = (x > left) & (x < right)
            widest = max(widest, len(set(owner[inside].tolist())))
    return widest


def measure(lay: Layout) -> Quality:
    """The quality measures of one laid-out map."""
    import numpy as np

    routes = [polyline(edge.points) for edge in lay.edges]
    lengths = [
        float(np.hypot(*np.diff(line, axis=0).T).sum()) if len(line) > 1 else 0.0 for line in routes
    ]
    ends = [(edge.source, edge.target) for edge in lay.edges]
    return Quality(
        elements=sum(1 for n in lay.nodes if n.kind != "assumption"),
        edges=len(lay.edges),
        crossings=_crossings(routes, ends),
        long_edges=sum(1 for length in lengths if length > LONG),
        longest=max(lengths, default=0.0),
        widest_bundle=_widest_bundle(lay, routes),
        width=lay.width,
        height=lay.height,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plans", nargs="*", type=Path, help="plan files (default: see above)")
    parser.add_argument(
        "--plan-order",
        action="store_true",
        help="leave the columns in plan order, as before gevinst ordered them (to compare)",
    )
    args = parser.parse_args(argv)
    if args.plan_order:
        import gevinst.layout.dot

        gevinst.layout.dot._ORDER_FROM = sys.maxsize
    sys.path.insert(0, str(HERE))
    from generate import portfolio_plan

    import gevinst as gv
    from gevinst.layout.geometry import layout

    plans = [(str(p), gv.load(p)) for p in args.plans]
    if not plans:
        plans = [
            ("generated, 150 measures", portfolio_plan(150)),
            ("generated, 200 measures", portfolio_plan(200)),
            ("Bergen", gv.load(ROOT / "examples/bergen_barnevern/plan.yaml")),
            ("Modulus Barn", gv.load(ROOT / "examples/modulus_barn/plan.yaml")),
        ]
    print("| plan | elements | arrows | crossings | > 1000 pt | longest | widest bundle | size |")
    print("|---|---|---|---|---|---|---|---|")
    for name, plan in plans:
        q = measure(layout(plan))
        print(
            f"| {name} | {q.elements} | {q.edges} | {q.crossings} | {q.long_edges} "
            f"| {q.longest:.0f} pt | {q.widest_bundle} | {q.width:.0f} x {q.height:.0f} pt |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
