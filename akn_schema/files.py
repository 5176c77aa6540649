"""Atomic output: a reader sees the old file or the new one, never half of either.

Every file zanlex writes (``parse -o``, ``graph -o``, ``discussion ics -o``, a draft after
``add-comment``, the pages of a build) goes through ``atomic_write``:

1. the bytes go to a temporary file beside the target (``.<name>.<pid>-<token>.zanlex-tmp``), which is
   flushed and fsynced;
2. it gets normal permissions: the mode of the file it replaces, else ``0666 & ~umask``
   (``0644`` under the usual umask), never mkstemp's ``0600``;
3. one ``os.replace`` puts it in place, and the folder is fsynced.

A failure (full or read-only disk) removes the temporary file and leaves the old file as it
was. A temporary file left by a process that was killed (its pid no longer runs) is removed by
the next write into the same folder.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.xml"
    >>> atomic_write(target, b"<a/>"); target.read_bytes()
    b'<a/>'
    >>> oct(target.stat().st_mode & 0o777) == oct(0o666 & ~current_umask())
    True
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

TMP_SUFFIX = ".zanlex-tmp"


def current_umask() -> int:
    """The process umask (read without changing it for good)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def temp_name(path: Path, pid: int | None = None, token: str | None = None) -> Path:
    """The temporary file used while writing ``path``: ``.out.xml.<pid>-<token>.zanlex-tmp``.

    >>> temp_name(Path("/x/out.xml"), 1234, "ab12").name
    '.out.xml.1234-ab12.zanlex-tmp'
    """
    pid = os.getpid() if pid is None else pid
    token = secrets.token_hex(4) if token is None else token
    return path.with_name(f".{path.name}.{pid}-{token}{TMP_SUFFIX}")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temps(folder: Path) -> list[Path]:
    """Remove the temporary files in ``folder`` left by zanlex processes that no longer run
    (a write killed with ``kill -9``), whatever file they were for."""
    removed = []
    with contextlib.suppress(OSError):
        for entry in Path(folder).iterdir():
            name = entry.name
            if not (name.startswith(".") and name.endswith(TMP_SUFFIX)):
                continue
            pid = name[:-len(TMP_SUFFIX)].rsplit(".", 1)[-1].partition("-")[0]
            if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
                with contextlib.suppress(OSError):
                    entry.unlink()
                    removed.append(entry)
    return removed


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes | str, *, mode: int | None = None, make_parents: bool = True) -> None:
    """Write ``data`` to ``path`` atomically, with normal permissions (see the module docstring).

    ``mode`` overrides the permissions; by default an existing file keeps its own, and a new
    one gets ``0666 & ~umask``. With ``make_parents=False`` a missing folder is an error
    (``FileNotFoundError`` naming it), as for ``discussion ics -o missing/feed.ics``.
    """
    path = Path(path)
    if make_parents:
        path.parent.mkdir(parents=True, exist_ok=True)
    elif not path.parent.is_dir():
        raise FileNotFoundError(2, "No such folder", str(path.parent))
    if path.is_dir():
        raise IsADirectoryError(21, "Is a folder", str(path))
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if mode is None:
        try:
            mode = path.stat().st_mode & 0o7777
        except OSError:
            mode = 0o666 & ~current_umask()
    remove_stale_temps(path.parent)
    tmp = temp_name(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
            os.fchmod(f.fileno(), mode)
        os.replace(tmp, path)
    except BaseException as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(err, OSError) and err.filename is None and err.errno is not None:
            err.filename = str(path)           # "disk full" names the file it was writing
        raise
    fsync_folder(path.parent)
