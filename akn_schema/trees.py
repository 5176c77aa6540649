"""Folders of files in the build cache, hard-linked into a site instead of written again.

A *tree* is a set of files by their path in the site (an act's pages and downloads, or the site's
own pages), stored once under its content key in ``<cache>/trees/<2 hex>/<62 hex>/`` with a
manifest of every file's path and size. ``link_tree`` puts the files into a site folder with
``os.link`` (no bytes are read or written; a copy where linking fails, e.g. when the cache is on
another file system), so an unchanged act costs one manifest read and a link per file.

    >>> import tempfile
    >>> cache, site = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
    >>> manifest = store_tree(cache, "ab" * 32, [("a/index.html", b"<p>1</p>")], meta=["a/"], epoch=0)
    >>> load_manifest(cache, "ab" * 32).meta, link_tree(cache, "ab" * 32, manifest, site)
    (['a/'], ['a/index.html'])
    >>> (site / "a" / "index.html").read_bytes(), (site / "a" / "index.html").stat().st_nlink
    (b'<p>1</p>', 2)

A linked file shares its inode with the cache: nothing may write into a site file in place
afterwards (the build replaces files, it never rewrites them). A tree whose manifest is unreadable,
or whose files are missing or of another size (a damaged cache), is a miss (``TreeBroken``), and
the caller makes it again; ``drop_tree`` removes it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import pickle
import secrets
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

FOLDER = "trees"
MANIFEST = "manifest.pickle"
FILES = "files"
# Linking fails with these where a copy works: another file system, no hard links, too many links.
_COPY_INSTEAD = {errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EACCES}


class TreeBroken(Exception):
    """A tree's file is missing or damaged: the entry is a miss."""


@dataclass
class Manifest:
    """A stored tree: its files (path in the site, size) and what the caller keeps with it."""

    files: list[tuple[str, int]]
    meta: object = None


def tree_path(cache: Path, key: str) -> Path:
    """Where the tree of ``key`` lives: ``<cache>/trees/ab/cdef…``."""
    return Path(cache) / FOLDER / key[:2] / key[2:]


def safe_relative(rel: str) -> bool:
    """Whether ``rel`` is a relative path that stays inside its folder.

    >>> safe_relative("akn/x/index.html"), safe_relative("../etc/passwd"), safe_relative("/etc")
    (True, False, False)
    """
    parts = rel.split("/")
    return bool(rel) and not rel.startswith("/") and "\\" not in rel and all(p not in ("", ".", "..") for p in parts)


def store_tree(cache: Path, key: str, files: Iterable[tuple[str, bytes]], meta: object = None,
               epoch: int | None = None) -> Manifest:
    """Write ``files`` (path in the site, bytes) as the tree of ``key``, atomically (a folder made
    aside and renamed into place); their mtimes set to ``epoch``. ``OSError`` when the cache cannot
    be written."""
    return _store(cache, key, meta, epoch, lambda target, rel, data: target.write_bytes(data), files)


def store_linked(cache: Path, key: str, folder: Path, rels: Iterable[str], meta: object = None,
                 epoch: int | None = None) -> Manifest:
    """The files ``rels`` of ``folder`` (already written) as the tree of ``key``, linked, not copied."""
    return _store(cache, key, meta, epoch, lambda target, rel, _none: place(folder / rel, target),
                  ((rel, None) for rel in rels))


def _store(cache, key, meta, epoch, put, files) -> Manifest:
    final = tree_path(cache, key)
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = final.with_name(f".{final.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    made: set[Path] = set()
    listed: list[tuple[str, int]] = []
    try:
        for rel, data in files:
            if not safe_relative(rel):
                raise ValueError(f"{rel!r} is not a path inside the site")
            target = tmp / FILES / rel
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            put(target, rel, data)
            if epoch is not None:
                os.utime(target, (epoch, epoch))
            listed.append((rel, target.stat().st_size))
        manifest = Manifest(sorted(listed), meta)
        (tmp / MANIFEST).write_bytes(pickle.dumps(manifest, protocol=pickle.HIGHEST_PROTOCOL))
        drop_tree(cache, key)               # a damaged entry of the same key makes way
        os.rename(tmp, final)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return manifest


def load_manifest(cache: Path, key: str) -> Manifest | None:
    """The manifest of the tree of ``key``, or None (missing or unreadable: a miss)."""
    try:
        manifest = pickle.loads((tree_path(cache, key) / MANIFEST).read_bytes())
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError, TypeError):
        return None
    return manifest if isinstance(manifest, Manifest) else None


def drop_tree(cache: Path, key: str) -> None:
    """Remove the tree of ``key`` (a damaged one), if any."""
    path = tree_path(cache, key)
    if path.exists():
        gone = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.gone")
        with contextlib.suppress(OSError):
            os.rename(path, gone)             # out of the way at once, then removed
            shutil.rmtree(gone, ignore_errors=True)


def place(src: Path, dst: Path) -> bool:
    """Hard-link ``src`` at ``dst`` (True), or copy it where linking is impossible (False).
    ``FileExistsError`` if ``dst`` exists; ``FileNotFoundError`` if ``src`` is missing."""
    try:
        os.link(src, dst)
        return True
    except OSError as err:
        if err.errno not in _COPY_INSTEAD:
            raise
    shutil.copyfile(src, dst)
    return False


def link_tree(cache: Path, key: str, manifest: Manifest, dest: Path, made: set[Path] | None = None) -> list[str]:
    """Put every file of the tree into ``dest`` (linked, or copied); returns their paths.

    ``made`` is the set of folders already made in ``dest`` (shared between calls). A missing file
    or one whose size is not the manifest's raises ``TreeBroken``, after removing from ``dest`` the
    files this call put there; a file already in ``dest`` raises ``FileExistsError``."""
    made = set() if made is None else made
    root = tree_path(cache, key) / FILES
    done: list[str] = []
    try:
        for rel, size in manifest.files:
            if not safe_relative(rel):
                raise TreeBroken(f"{rel!r} is not a path inside the site")
            target = dest / rel
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            try:
                place(root / rel, target)
            except FileNotFoundError as err:
                raise TreeBroken(f"{root / rel} is missing") from err
            done.append(rel)
            if target.stat().st_size != size:
                raise TreeBroken(f"{root / rel} is not the size it was stored with")
    except BaseException:
        for rel in done:
            with contextlib.suppress(OSError):
                (dest / rel).unlink()
        raise
    return done
