"""Make Pagefind's output byte-identical across runs.

Pagefind lists each language's filters (here the act) and the languages in
``pagefind-entry.json`` in hash-map order, which changes from run to run; the content-hashed file
names change with it. This module sorts those lists and renames the files after the hash of
their sorted content. Pagefind files are gzip(b"pagefind_dcd" + CBOR), read with ``cbor2``.

    >>> obj = ["act", [["b", [1]], ["a", [0]]]]
    >>> _load(_dump(obj)) == obj
    True
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

HEADER = b"pagefind_dcd"


class PagefindFormatError(Exception):
    """Pagefind wrote something this module does not know (a new Pagefind version?)."""


def _load(data: bytes):
    raw = gzip.decompress(data)
    if not raw.startswith(HEADER):
        raise PagefindFormatError("no pagefind_dcd signature")
    return cbor2.loads(raw[len(HEADER):])


def _dump(obj) -> bytes:
    return gzip.compress(HEADER + cbor2.dumps(obj), compresslevel=9, mtime=0)


def _digest(data: bytes, n: int) -> str:
    return hashlib.sha256(data).hexdigest()[:n]


def canonicalise(bundle: Path) -> None:
    """Rewrite the Pagefind bundle folder ``bundle`` (``<site>/pagefind``) in canonical order."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for lang, info in sorted(entry.get("languages", {}).items()):
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _load(meta_path.read_bytes())
        try:
            filters = meta[3]
            if not all(isinstance(f, list) and len(f) == 2 and isinstance(f[0], str) for f in filters):
                raise TypeError
        except (IndexError, TypeError) as err:
            raise PagefindFormatError(f"{meta_path.name}: unexpected meta layout") from err
        renamed = []
        for name, old in filters:
            path = bundle / "filter" / f"{old}.pf_filter"
            values = _load(path.read_bytes())
            values[1].sort(key=lambda v: v[0])
            data = _dump(values)
            new = f"{lang}_{_digest(data, 7)}"
            path.unlink()
            (bundle / "filter" / f"{new}.pf_filter").write_bytes(data)
            renamed.append([name, new])
        meta[3] = sorted(renamed)
        data = _dump(meta)
        info["hash"] = f"{lang}_{_digest(data, 10)}"
        meta_path.unlink()
        (bundle / f"pagefind.{info['hash']}.pf_meta").write_bytes(data)
    entry["languages"] = dict(sorted(entry.get("languages", {}).items()))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
