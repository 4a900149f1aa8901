"""Files: the one way gevinst writes them, and the few things every layer shares about them.

:func:`atomic_write` is the only place the package opens a file for writing (renderers,
charts and reports return bytes); :func:`deterministic_zip` makes the Office files the
same bytes for the same plan; :func:`cache_dir` is where compiled Graphviz is kept;
:func:`paused_gc` lets a large plan be read without the garbage collector walking it.

Examples:
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> atomic_write(folder / "a.txt", "æøå").read_text(encoding="utf-8")
    'æøå'
"""

from __future__ import annotations

import contextlib
import errno
import gc
import io
import os
import stat
import sys
import tempfile
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TypeVar

from gevinst.errors import FormatError, OutputError, Said

__all__ = ["atomic_write", "cache_dir", "deterministic_zip", "paused_gc", "same_file"]


_WRITE_PROBLEMS = {
    errno.ENOSPC: Said("output_disk_full"),
    errno.EDQUOT: Said("output_quota"),
    errno.EROFS: Said("output_read_only_disk"),
    errno.EFBIG: Said("output_too_large"),
    errno.ENAMETOOLONG: Said("output_name_too_long"),
}


def _write_problem(path: Path, folder: Path, exc: OSError, existed: bool) -> OutputError:
    """The error for a write that failed: the output's name, never the temporary file's."""
    problem: str
    if exc.errno in (errno.EACCES, errno.EPERM):
        problem = Said("output_permission", folder=folder)
    else:
        problem = _WRITE_PROBLEMS.get(exc.errno or 0) or (exc.strerror or str(exc))
    kept = Said("output_old_untouched" if existed else "output_nothing_written")
    return OutputError.replacing(exc, path, Said("output_problem", problem=problem, kept=kept))


def _keep_owner(tmp: str, old: os.stat_result) -> None:
    """The new file keeps the old one's owner and group where we may set them (root may)."""
    if (old.st_uid, old.st_gid) != (os.geteuid(), os.getegid()):
        with contextlib.suppress(PermissionError):
            os.chown(tmp, old.st_uid, old.st_gid)


def _umask_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write(path: str | Path, data: bytes | str) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename.

    Either the whole new file is there afterwards, or the old one is untouched. A new
    file gets the usual permissions (0666 less the umask); a replaced file keeps its own
    and, where allowed, its owner. When ``path`` is a symbolic link, the file it points
    to is replaced (atomically) and the link stays, as editors do. A read-only file, a
    folder, a device or a pipe is refused.

    Raises:
        FileNotFoundError: the folder to write in does not exist (``filename`` is the folder).
        OutputError: the file cannot be written; the message names ``path`` (never the
            temporary file) and says why: permission, disk full, a read-only file.
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise FileNotFoundError(
            errno.ENOENT, f"no such folder to write {path.name} into; create it first", str(folder)
        )
    info: os.stat_result | None
    try:
        info = target.stat()
    except FileNotFoundError:
        info, existed, mode = None, False, _umask_mode()
    except OSError as exc:
        raise _write_problem(path, folder, exc, existed=False) from exc
    else:
        existed, mode = True, stat.S_IMODE(info.st_mode)
        if not stat.S_ISREG(info.st_mode):
            raise OutputError(path, Said("output_not_regular"))
        if not mode & 0o222:
            raise OutputError(path, Said("output_read_only"), errno.EACCES)
    try:  # a short prefix: the temporary name must fit where the output's name fits
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:32]}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _write_problem(path, folder, exc, existed) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            if info is not None and hasattr(os, "chown"):
                _keep_owner(tmp, info)  # before chmod: a change of owner clears set-id bits
            os.chmod(tmp, mode)
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _write_problem(path, folder, exc, existed) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


_W = TypeVar("_W")


def by_suffix(table: Mapping[str, _W], path: str | Path, what: str) -> _W:
    """The entry of ``table`` (suffix -> writer) for the suffix of ``path``.

    Raises:
        FormatError: an unknown suffix; the message names the file, ``what`` it was to
            hold and the known suffixes (:meth:`FormatError.unknown_suffix`).
    """
    suffix = Path(path).suffix
    found = table.get(suffix.lower())
    if found is None:
        raise FormatError.unknown_suffix(what, suffix, table, path=path)
    return found


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether ``a`` and ``b`` name the same file, also through symbolic and hard links.

    Files that both exist are compared by device and inode; otherwise by their paths
    with every link resolved.
    """
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def deterministic_zip(raw: bytes, core_xml: bytes) -> bytes:
    """The same archive with fixed timestamps and document properties."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = core_xml if info.filename == "docProps/core.xml" else source.read(info)
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, data)
    return out.getvalue()


def cache_dir() -> Path:
    """Where the compiled WebAssembly module is cached."""
    if os.environ.get("GEVINST_CACHE_DIR"):
        return Path(os.environ["GEVINST_CACHE_DIR"])
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "gevinst"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gevinst"


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a large plan is read.

    Reading builds hundreds of thousands of small objects that all stay alive; the
    collector would walk them again and again (about half the time of a large load).
    Nothing read from a plan forms reference cycles, so nothing is lost by waiting:
    the collector runs as usual afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
