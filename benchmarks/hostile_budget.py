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
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.hostile import cases

_RUN = "import sys; from gevinst.cli import main; main(sys.argv[1:])"

# Linux keeps a process's peak memory across exec, so a gevinst started straight from
# this script (which holds the large generated inputs) would report this script's peak.
# A small launcher is started first; gevinst is forked from it, and the launcher writes
# gevinst's own peak (KiB) to the file named by its first argument.
_LAUNCH = f"""
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.executable, [sys.executable, "-c", {_RUN!r}, *sys.argv[2:]])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as peak:
    peak.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def _run(args: list[str], timeout: float, tmp: Path) -> tuple[int | None, float, float]:
    """Exit code (None on time-out), seconds and peak MiB of one gevinst process."""
    peak = tmp / "peak-kib"
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", _LAUNCH, str(peak), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
        start_new_session=True,  # so a time-out ends gevinst too, not only the launcher
    )
    try:
        code: int | None = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:  # a case that hangs (a pipe, an endless loop)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        code = None
    seconds = time.perf_counter() - start
    kib = float(peak.read_text()) if peak.exists() and peak.read_text() else 0.0
    return code, seconds, kib / 1024


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
            code, seconds, mib = _run(case.args, options.seconds * 3, Path(tmp))
        ok = code == case.exit and seconds <= options.seconds and mib <= options.mib
        failed += not ok
        mark = "" if ok else "  <-- over budget or wrong exit"
        print(f"{name:40} {code!s:>4} {case.exit:>4} {seconds:7.2f} {mib:7.0f}{mark}")
    print(f"{failed} case(s) failed the budget" if failed else "every case within budget")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
