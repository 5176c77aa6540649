"""The output folder of ``zanlex build``: refuse what is not ours, lock, build beside, swap atomically.

Promises, whatever happens (a failure, ``kill -9``, two builds at once, a full disk):

- **Never destroy.** ``build --out DIR`` writes only into a folder it creates, or into one that
  carries its marker file ``.zanlex-site`` (written into every complete build). Anything else
  (``--out .`` in the project root, a home folder, a file) is refused with one line, before
  anything is touched.
- **A valid site at every instant.** The new site is built in ``.<name>.build-<random>/site``
  beside ``DIR``; when complete it gets its marker and takes ``DIR``'s place in one atomic
  ``renameat2(RENAME_EXCHANGE)`` (a plain rename when ``DIR`` does not exist yet). There is no
  moment without a complete site at ``DIR``.
- **One writer per output folder.** An exclusive ``flock`` on the folder that holds ``DIR`` is
  held from the first write to the swap; a second build waits for it. The kernel releases it
  when a process dies, so a killed build leaves no stale lock.
- **No leftovers.** The build folder (which after the swap holds the old site) is removed at the
  end; one left by a killed build is removed by the next build into the same place.

    >>> import tempfile
    >>> parent = Path(tempfile.mkdtemp())
    >>> check_target(parent / "public") == (parent / "public").resolve()   # a new folder: fine
    True
    >>> (parent / "notes").mkdir(); (parent / "notes" / "mine.txt").write_text("keep me")
    7
    >>> check_target(parent / "notes")
    Traceback (most recent call last):
    ...
    publisher.output.OutputRefused: refusing to build into ... it exists and is not a zanlex site (no .zanlex-site marker in it); remove it yourself or choose another --out
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from akn_schema.errors import EnvironmentFailure, ZanlexError
from akn_schema.files import atomic_write

MARKER = ".zanlex-site"
MARKER_TEXT = "This folder is a site built by zanlex; `zanlex build --out` may replace it.\n"
BUILD_PREFIX = "build-"


class OutputRefused(ZanlexError):
    """``--out`` names something zanlex did not create: it is left untouched (exit status 2)."""


class OutputBusy(EnvironmentFailure):
    """Another build holds the output folder's lock and ``wait`` was not allowed."""


def build_prefix(out: Path) -> str:
    """The prefix of the build folders beside ``out``: ``.public.build-``.

    >>> build_prefix(Path("/srv/public"))
    '.public.build-'
    """
    return f".{out.name}.{BUILD_PREFIX}"


def is_site(folder: Path) -> bool:
    """Whether ``folder`` is a complete zanlex build (it carries the marker file)."""
    return (folder / MARKER).is_file()


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_target(out: Path, protect: Iterable[Path | None] = ()) -> Path:
    """The absolute ``out``, or ``OutputRefused`` if building there could destroy anything.

    ``protect`` lists folders (the corpus, the project) that ``out`` may not be, or contain.
    """
    raw = Path(out)
    out = raw.resolve()
    where = f"refusing to build into {raw} ({out})" if str(raw) != str(out) else f"refusing to build into {out}"
    if out == Path(out.anchor) or out == Path.home().resolve():
        raise OutputRefused(f"{where}: it is a root or home folder; choose an empty or new --out")
    for folder in protect:
        if folder is not None and _inside(Path(folder).resolve(), out):
            raise OutputRefused(f"{where}: it holds {folder}; choose a new folder for --out, e.g. public")
    if not out.exists():
        if raw.is_symlink():
            raise OutputRefused(f"{where}: it is a symbolic link to a missing folder")
        return out
    if not out.is_dir():
        raise OutputRefused(f"{where}: it is a file, not a folder")
    if not is_site(out):
        raise OutputRefused(f"{where}: it exists and is not a zanlex site (no {MARKER} marker in it); "
                            f"remove it yourself or choose another --out")
    return out


@contextlib.contextmanager
def output_lock(out: Path, wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the exclusive lock of ``out``'s place (a ``flock`` on its parent folder).

    ``wait`` is told once if another build holds it; without ``wait`` a held lock is an error.
    """
    fd = os.open(out.parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if wait is None:
                raise OutputBusy(f"{out}: another zanlex build is writing it; try again when it ends") from None
            wait(f"another zanlex build is writing {out}; waiting for it to finish")
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)      # closing the descriptor releases the lock


def stale_builds(out: Path) -> list[Path]:
    """The build folders beside ``out`` (left by killed or failed builds)."""
    prefix = build_prefix(out)
    with contextlib.suppress(OSError):
        return sorted(p for p in out.parent.iterdir() if p.name.startswith(prefix) and not p.is_symlink())
    return []


def remove_tree(path: Path) -> None:
    """Remove a build folder; a folder made read-only is made writable first."""
    def _retry(func, target, _exc):
        with contextlib.suppress(OSError):
            os.chmod(os.path.dirname(target), 0o700)
            func(target)
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    elif path.exists():
        if sys.version_info >= (3, 12):
            shutil.rmtree(path, onexc=_retry)
        else:
            shutil.rmtree(path, onerror=_retry)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2``); False where it is unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def swap_in(site: Path, out: Path) -> None:
    """Put the complete ``site`` at ``out``; the old site (if any) ends up at ``site``'s path."""
    if not out.exists():
        os.rename(site, out)
        return
    if _exchange(site, out):
        return
    # No atomic exchange on this system: two renames, the old site moved aside first.
    aside = site.with_name(site.name + ".old")
    os.rename(out, aside)
    os.rename(site, out)
    os.rename(aside, site)


class Output:
    """The output folder of one build, used as a context manager around the whole build::

        with Output(Path("public"), protect=[corpus]) as output:
            site = output.folder / "site"      # build here (``output.folder`` is private)
            ...
            output.publish(site)               # marker + atomic swap into public

    Entering refuses a foreign ``out``, takes the lock and removes stale build folders; leaving
    removes this build's folder (and with it the old site), whether or not the build succeeded.
    """

    def __init__(self, out: Path, *, protect: Iterable[Path | None] = (),
                 wait: Callable[[str], None] | None = lambda message: None):
        self.requested = Path(out)
        self.protect = list(protect)
        self.wait = wait
        self.out = check_target(self.requested, self.protect)
        self.folder: Path | None = None
        self._lock = None

    def __enter__(self) -> Output:
        try:
            self.out.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise EnvironmentFailure(f"{self.out.parent}: cannot create the output's folder: "
                                     f"{err.strerror}") from None
        self._lock = output_lock(self.out, self.wait)
        self._lock.__enter__()
        try:
            check_target(self.out, self.protect)      # again, now that no other build runs
            for stale in stale_builds(self.out):
                remove_tree(stale)
            self.folder = Path(tempfile.mkdtemp(prefix=build_prefix(self.out), dir=self.out.parent))
        except BaseException:
            self._lock.__exit__(None, None, None)
            raise
        return self

    def publish(self, site: Path) -> None:
        """Mark ``site`` complete and swap it into ``out`` atomically."""
        atomic_write(site / MARKER, MARKER_TEXT)
        os.sync()                      # the new site is on disk before it becomes visible
        swap_in(site, self.out)

    def __exit__(self, *exc) -> None:
        try:
            if self.folder is not None:
                remove_tree(self.folder)
        finally:
            self._lock.__exit__(*exc)


def served_folder(out: Path) -> tuple[Path, str | None]:
    """The folder ``serve`` should serve for ``out``, and a notice if it is not ``out`` itself.

    ``out`` when it is a complete site; else the newest complete build left beside it (a build
    killed just before its swap); else ``OutputRefused``.
    """
    out = Path(out).resolve()
    if out.is_dir() and is_site(out):
        return out, None
    candidates = [b / "site" for b in stale_builds(out) if is_site(b / "site")]
    if candidates:
        newest = max(candidates, key=lambda p: (p / MARKER).stat().st_mtime)
        return newest, f"{out} is missing or incomplete; serving the last complete build, {newest}"
    if out.is_dir():
        raise OutputRefused(f"{out} is not a site built by zanlex (no {MARKER} marker); run zanlex build --out {out}")
    raise OutputRefused(f"no site at {out}: run zanlex build --out {out} first")
