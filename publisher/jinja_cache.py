"""Compiled Jinja templates kept in the build cache, so that a rebuild does not compile them again.

Compiling the templates (zanlex's own and mkdocs-material's, ≈ 70) costs seconds in every process
that renders a page; a rebuild that renders one act paid it in full. ``use(folder)`` makes this
process keep them in ``folder`` (in the build cache): Jinja's ``FileSystemBytecodeCache``, which
checks each template's source against the compiled one, so an edited template is compiled again.
One folder per environment (``kind``), since the compiled code also depends on its options.

    >>> import tempfile
    >>> use(Path(tempfile.mkdtemp())); bytecode_cache("zanlex") is not None
    True
    >>> use(None); bytecode_cache("zanlex") is None
    True
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import jinja2

_FOLDER: list[Path | None] = [None]


class _Tolerant(jinja2.FileSystemBytecodeCache):
    """A cache that cannot be written costs time, never the page."""

    def dump_bytecode(self, bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)

    def load_bytecode(self, bucket) -> None:
        with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
            super().load_bytecode(bucket)


def use(folder: Path | None) -> None:
    """Keep the compiled templates of this process in ``folder`` from now on (None: nowhere);
    zanlex's own environment (``publisher.render``) takes it at once, mkdocs' when it is made."""
    _FOLDER[0] = Path(folder) if folder is not None else None
    render = sys.modules.get("publisher.render")
    if render is not None:
        render.environment().bytecode_cache = bytecode_cache("zanlex")


def bytecode_cache(kind: str) -> jinja2.BytecodeCache | None:
    """The bytecode cache of the environment ``kind`` ("zanlex", "mkdocs"), if ``use`` gave a folder."""
    if _FOLDER[0] is None:
        return None
    folder = _FOLDER[0] / kind
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _Tolerant(str(folder))
