"""Time and memory budget of every command in the hostile catalogue (tests/hostile/).

Each case runs as its own ``gevinst`` process, as a user would run it; the script
reports its wall time and peak memory (maximum resident set) and fails when a case
takes more than the budget (10 s, 1 GiB by default) or gives another exit code than
the catalogue promises.

    python -m benchmarks.hostile_budget            # every case
    python -m benchmarks.hostile_budget deep_flow  # the cases whose name contains this
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.hostile import cases

_RUN = "import sys; from gevinst.cli import main; main(sys.argv[1:])"


def _run(args: list[str], timeout: float) -> tuple[int | None, float, float]:
    """Exit code (None on time-out), seconds and peak MiB of one gevinst process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", _RUN, *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    code: int | None
    try:
        while True:  # a case that hangs (a pipe, an endless loop) is killed at the timeout
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout:
                process.kill()
                _, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.01)
        code = os.waitstatus_to_exitcode(status)
    except KeyboardInterrupt:  # pragma: no cover - interactive
        process.kill()
        raise
    seconds = time.perf_counter() - start
    if seconds > timeout:
        code = None
    return code, seconds, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("only", nargs="*", help="run the cases whose name contains one of these")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--mib", type=float, default=1024.0)
    options = parser.parse_args()
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    failed = 0
    print(f"{'case':40} {'exit':>4} {'want':>4} {'s':>7} {'MiB':>7}")
    for name, make in sorted(cases().items()):
        if options.only and not any(part in name for part in options.only):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            case = make(Path(tmp))
            code, seconds, mib = _run(case.args, options.seconds * 3)
        ok = code == case.exit and seconds <= options.seconds and mib <= options.mib
        failed += not ok
        mark = "" if ok else "  <-- over budget or wrong exit"
        print(f"{name:40} {code!s:>4} {case.exit:>4} {seconds:7.2f} {mib:7.0f}{mark}")
    print(f"{failed} case(s) failed the budget" if failed else "every case within budget")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
