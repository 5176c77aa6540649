"""The corpus, loaded once per command and passed down to every stage (DESIGN §1).

A ``Corpus`` holds the works (each ``work.toml`` read once), parses each source text at most
once, and keeps a memo in which later stages store what they derive from it (the registry of
amending acts, a work's events, its wording history), so that no stage re-reads a file or
re-parses a text it was given.

    >>> corpus = Corpus.open(Path(__file__).resolve().parent.parent / "corpus")
    >>> corpus.work("law-88-V").uri
    '/akn/kz/act/2013-04-15/88-V'
    >>> corpus.act("law-88-V", "kaz") is corpus.act("law-88-V", "kaz")     # parsed once
    True
    >>> corpus.cached(("answer",), lambda: 42), corpus.cached(("answer",), lambda: 0)
    (42, 42)

Functions of the later stages accept either a ``Corpus`` or the corpus folder; ``as_corpus``
turns a folder into the same ``Corpus`` for as long as none of its configuration files changes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from .errors import UnknownWork
from .model import Act
from .works import TextSource, Work, load_works

T = TypeVar("T")


@dataclass(eq=False)
class Corpus:
    """Works by short name, their parsed texts, and a memo for derived data."""

    root: Path
    works: dict[str, Work]
    _memo: dict[Any, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def open(cls, root: Path | str) -> Corpus:
        root = Path(root).resolve()
        return cls(root, load_works(root))

    def __fspath__(self) -> str:
        """A Corpus stands for its folder where a path is expected (``Path(corpus)``, ``load_works``),
        so a stage written for a folder can be handed the command's one Corpus.

        >>> Path(Corpus(Path("/srv/corpus"), {})), str(Corpus(Path("/srv/corpus"), {}))
        (PosixPath('/srv/corpus'), '/srv/corpus')
        """
        return str(self.root)

    def __str__(self) -> str:
        return str(self.root)

    def work(self, name: str) -> Work:
        """The work called ``name``, or a one-line ``UnknownWork`` listing the corpus."""
        try:
            return self.works[name]
        except KeyError:
            raise UnknownWork(f"unknown work {name!r}: the corpus holds {', '.join(sorted(self.works))}") from None

    def act(self, work_name: str, source: str | TextSource) -> Act:
        """The parsed text of a work: its seed text in a language, or any of its ``TextSource``s."""
        from . import parse_source

        work = self.work(work_name)
        src = source if isinstance(source, TextSource) else work.source(source)
        return self.cached(("act", work_name, str(src.path)), lambda: parse_source(work, src))

    def cached(self, key: tuple, compute: Callable[[], T]) -> T:
        """The value memoised under ``key``, computed once (later stages keep their results here)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def forget(self, work_name: str) -> int:
        """Drop what the memo holds for one work (every key naming it), so that a worker running
        one task per work keeps bounded memory; returns how many entries went.

        >>> c = Corpus(Path("."), {})
        >>> c.cached(("x", "law-1"), list), c.cached(("x", "law-2"), list), c.forget("law-1")
        ([], [], 1)
        """
        gone = [k for k in list(self._memo) if isinstance(k, tuple) and work_name in k]   # (threads of a Dask worker)
        for k in gone:
            del self._memo[k]
        return len(gone)


_OPEN: dict[Path, tuple[tuple, Corpus]] = {}


def _fingerprint(root: Path) -> tuple:
    """What, if changed, makes a loaded corpus stale: every ``.toml`` file's size and mtime."""
    found = []
    for dirpath, _dirs, files in os.walk(root):
        for f in files:
            if f.endswith(".toml"):
                st = os.stat(os.path.join(dirpath, f))
                found.append((dirpath, f, st.st_size, st.st_mtime_ns))
    return tuple(sorted(found))


def as_corpus(corpus: Corpus | Path | str) -> Corpus:
    """A ``Corpus`` as given, or the one loaded from a folder (reused while its configuration is unchanged)."""
    if isinstance(corpus, Corpus):
        return corpus
    root = Path(corpus).resolve()
    mark = _fingerprint(root)
    hit = _OPEN.get(root)
    if hit is None or hit[0] != mark:
        hit = (mark, Corpus.open(root))
        _OPEN[root] = hit
    return hit[1]
