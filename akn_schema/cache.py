"""A content-addressed cache of per-work results, for incremental builds (DESIGN §9).

A result is stored under the hash of everything it is computed from: the source bytes, the
configuration it reads, and the tool itself (``tool_fingerprint``: zanlex's own code and
templates and the versions of the libraries whose output it keeps). Change any of them and the
key changes, so a cached result is never stale, and a rebuild that finds every key gives the
same bytes as a clean build.

    >>> import tempfile
    >>> cache = BuildCache(Path(tempfile.mkdtemp()))
    >>> k = content_key("parse", b"1. Text.", {"lang": "rus"})
    >>> cache.memo(k, lambda: ["parsed once"]), cache.memo(k, lambda: ["not again"])
    (['parsed once'], ['parsed once'])
    >>> cache.hits, cache.misses
    (1, 1)

Entries are files ``<root>/<2 hex>/<62 hex>`` written atomically; a build keeps a list of the keys
it used, and ``prune`` removes the others, so the folder holds one build's worth of results.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from functools import cache as _once
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

ROOT = Path(__file__).resolve().parent.parent
# What the tool's output depends on besides the input: its packages, templates and theme overrides,
# the site configuration, and the libraries that shape the output (their versions).
CODE = ("akn_schema", "consolidator", "linker", "discussion", "publisher", "site")
CODE_SUFFIXES = {".py", ".html", ".css", ".js", ".json", ".toml", ".yml", ".yaml", ".txt", ".po"}
LIBRARIES = ("lxml", "cobalt", "spacy", "pymorphy3", "pymorphy3-dicts-ru", "diff-match-patch", "networkx",
             "mkdocs", "mkdocs-material", "pagefind", "jinja2", "markdown-it-py", "holidays", "icalendar")

DEFAULT_FOLDER = ".zanlex-cache"


def _feed(h, part: Any) -> None:
    """Hash ``part`` unambiguously: its type, its length, then its content."""
    if isinstance(part, bytes | bytearray | memoryview):
        data = bytes(part)
        h.update(b"b%d:" % len(data) + data)
    elif isinstance(part, str):
        _feed(h, part.encode("utf-8"))
        h.update(b"s")
    elif isinstance(part, bool | int | float) or part is None:
        h.update(f"v{part!r};".encode())
    elif isinstance(part, dict):
        h.update(b"d%d:" % len(part))
        for k in sorted(part, key=repr):
            _feed(h, repr(k))
            _feed(h, part[k])
    elif isinstance(part, list | tuple):
        h.update(b"l%d:" % len(part))
        for x in part:
            _feed(h, x)
    elif isinstance(part, Path):
        _feed(h, ("path", str(part)))
    else:
        _feed(h, ("repr", repr(part)))


def content_key(*parts: Any) -> str:
    """The sha256 (hex) of the parts (bytes, str, numbers, dates, dicts, lists), and of the tool.

    >>> content_key("a", b"x") == content_key("a", b"x") != content_key("a", b"y")
    True
    """
    h = hashlib.sha256()
    _feed(h, tool_fingerprint())
    for part in parts:
        _feed(h, part)
    return h.hexdigest()


@_once
def tool_fingerprint() -> str:
    """The hash of zanlex's own files (code, templates, assets, mkdocs.yml) and of the versions of
    the libraries that shape its output: any change to the tool invalidates every cached result."""
    from importlib import metadata

    h = hashlib.sha256()
    files = [ROOT / "mkdocs.yml"]
    for package in CODE:
        for dirpath, dirs, names in os.walk(ROOT / package):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            files += [Path(dirpath) / n for n in sorted(names) if Path(n).suffix in CODE_SUFFIXES]
    for path in files:
        if path.is_file():
            _feed(h, str(path.relative_to(ROOT)))
            _feed(h, path.read_bytes())
    for lib in LIBRARIES:
        try:
            _feed(h, (lib, metadata.version(lib)))
        except metadata.PackageNotFoundError:
            _feed(h, (lib, None))
    return h.hexdigest()


class BuildCache:
    """Results by content key under ``root`` (pickled), with hit and miss counts."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.hits = 0
        self.misses = 0
        self.unwritable = 0
        self.used: set[str] = set()

    def path(self, key: str) -> Path:
        return self.root / key[:2] / key[2:]

    def get(self, key: str) -> Any | None:
        """The value stored under ``key``, or None (a missing or unreadable entry is a miss)."""
        self.used.add(key)
        try:
            data = self.path(key).read_bytes()
            value = pickle.loads(data)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def kept(self, parts: tuple, make: Callable[[], Any]) -> Any:
        """``make()``, stored under the hash of ``parts`` (and of the tool) and read back from then
        on: for results that are cheaper to read than to make (``make`` never returns None)."""
        key = content_key(*parts)
        found = self.get(key)
        if found is None:
            found = make()
            self.put(key, found)
        return found

    def put(self, key: str, value: Any) -> None:
        """Store ``value`` (atomically: a killed build leaves no half-written entry)."""
        from .files import atomic_write

        self.used.add(key)
        path = self.path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), make_parents=False)
        except OSError:
            self.unwritable += 1            # a cache that cannot be written costs time, never the result

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """The value under ``key``; computed and stored when missing."""
        value = self.get(key)
        if value is None:
            value = compute()
            self.put(key, value)
        return value

    def prune(self, keep: Iterable[str] | None = None) -> int:
        """Remove every entry and every stored tree (``akn_schema.trees``) not in ``keep`` (default:
        the keys this cache used); returns how many. One being written (a dot name) is left alone.

        >>> import tempfile
        >>> from akn_schema.trees import store_tree, load_manifest
        >>> cache = BuildCache(Path(tempfile.mkdtemp()))
        >>> cache.put("aa" * 32, 1); cache.put("bb" * 32, 2)
        >>> _ = store_tree(cache.root, "cc" * 32, [("a/index.html", b"1")])
        >>> _ = store_tree(cache.root, "dd" * 32, [("b/index.html", b"2")])
        >>> cache.prune(keep={"aa" * 32, "cc" * 32})
        2
        >>> cache.get("bb" * 32), load_manifest(cache.root, "dd" * 32), load_manifest(cache.root, "cc" * 32) is None
        (None, None, False)
        """
        from .trees import FOLDER, drop_tree

        keep = set(self.used if keep is None else keep)
        removed = 0
        for folder, remove in ((self.root, lambda key, entry: entry.unlink(missing_ok=True)),
                               (self.root / FOLDER, lambda key, entry: drop_tree(self.root, key))):
            if not folder.is_dir():
                continue
            for sub in sorted(folder.iterdir()):
                if not sub.is_dir() or len(sub.name) != 2:
                    continue
                for entry in sorted(sub.iterdir()):
                    if sub.name + entry.name not in keep and not entry.name.startswith("."):
                        remove(sub.name + entry.name, entry)
                        removed += 1
        return removed


class NoCache(BuildCache):
    """The cache of ``--no-cache``: never hits, stores nothing."""

    def __init__(self):
        super().__init__(Path(os.devnull))

    def get(self, key: str) -> Any | None:
        self.misses += 1
        return None

    def put(self, key: str, value: Any) -> None:
        return None

    def prune(self, keep=None) -> int:
        return 0


def folder_for(corpus_root: Path) -> Path:
    """Where a corpus's cache lives by default: ``.zanlex-cache`` beside the corpus folder
    (ignored by git), or ``$ZANLEX_CACHE`` when set."""
    env = os.environ.get("ZANLEX_CACHE")
    return Path(env) if env else Path(corpus_root).resolve().parent / DEFAULT_FOLDER


def pickled_size(value: Any) -> int:
    """Bytes a value takes in the cache (for the benchmark's storage figures)."""
    return len(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
