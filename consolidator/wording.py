"""A provision's own words, and how two copies of them are compared.

    >>> w = Wording("1)", None, None, ("услугодатель «ЦОН»;",), ())
    >>> w.key == Wording("1)", None, None, ('услугодатель "ЦОН".',), ()).key
    True
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

from akn_schema.model import Provision

_QUOTES = re.compile(r"[«»“”„\"']")
_DASHES = re.compile(r"[‐‑‒–—―-]")
_SPACE = re.compile(r"\s+")
_EDGE_PUNCT = re.compile(r"[\s.;,:]+$")
_SPACE_BEFORE = re.compile(r" ([,.;:)»])")
_BULLET = re.compile(r"^\s*[-–—]\s+")


@lru_cache(maxsize=65536)
def comparable(text: str) -> str:
    """A wording as compared across snapshots: quotes, dashes, spaces, look-alike letters and the final
    punctuation (";" becomes "." when a point becomes the last) do not count.

    >>> comparable("услугодатель – «ЦОН»;") == comparable('услугодатель - "ЦОН".')
    True
    >>> comparable("күнтiзбелiк") == comparable("күнтізбелік")
    True
    """
    text = unicodedata.normalize("NFC", text).replace("i", "і").replace("ё", "е")
    text = _DASHES.sub("-", _QUOTES.sub('"', text))
    text = _SPACE.sub(" ", text).strip()
    return _EDGE_PUNCT.sub("", _SPACE_BEFORE.sub(r"\1", text))


@dataclass(frozen=True)
class Wording:
    """A provision's own words: number, heading and paragraphs (its children are provisions of their own)."""

    num: str | None
    heading: str | None
    label: str | None
    text: tuple[str, ...]
    wrap_up: tuple[str, ...]

    @classmethod
    def of(cls, p: Provision) -> Wording:
        return cls(p.num, p.heading, p.label, tuple(p.text), tuple(p.wrap_up))

    @cached_property
    def key(self) -> str:
        """The words as compared; a copy's list dashes ("- обеспечение …") do not count."""
        lines = [_BULLET.sub("", x) for x in [self.heading or "", *self.text, *self.wrap_up] if x]
        return comparable(" ".join(x for x in lines if x))

    def plain(self) -> str:
        return " ".join(x for x in [self.heading or "", *self.text, *self.wrap_up] if x)
