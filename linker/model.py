"""What the linker finds: plain dataclasses shared by extraction, resolution and the graph.

    >>> ref = Reference(lang="rus", start=84, end=110, raw="статьей 15 настоящего Закона",
    ...                 path=(("article", "15"),), act=ActMention(scope="act"))
    >>> ref.path_text
    'article 15'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ActMention:
    """The act a reference points into, as written.

    ``scope`` is set for the citing act's own units: "act" (настоящего Закона / осы Заңның /
    this Law), "document" (настоящих Правил: the attachment or body the reference sits in),
    "body" (настоящего приказа), "article" (настоящей статьи), "paragraph" (настоящего пункта).
    Otherwise ``kind`` (law, code, order), ``title``, ``date`` and ``number`` are as printed.
    ``scope`` and ``kind`` both None means the text names no act (an implicit internal reference).
    """

    scope: str | None = None
    kind: str | None = None
    title: str | None = None
    date: dt.date | None = None
    number: str | None = None
    raw: str = ""

    @property
    def is_internal(self) -> bool:
        return self.kind is None


@dataclass(frozen=True)
class Reference:
    """One reference in a text: ``text[start:end] == raw``.

    ``path`` runs from the outermost unit to the innermost, whatever the word order of the
    language ("подпунктом 3) статьи 7" and "7-бабының 3) тармақшасы" both give
    ``(("article", "7"), ("point", "3"))``). A list ("пунктам 2 и 3 статьи 145") yields one
    Reference per listed number, all with the same span.
    """

    lang: str
    start: int
    end: int
    raw: str
    path: tuple[tuple[str, str], ...] = ()
    act: ActMention = field(default_factory=ActMention)

    @property
    def path_text(self) -> str:
        return ", ".join(f"{kind} {number}" for kind, number in self.path)


@dataclass(frozen=True)
class Resolution:
    """Where a reference found in a corpus provision leads.

    ``status`` is "resolved" (``target`` is a corpus work URI, ``eid`` the provision, or None
    for the whole work), "external" (``target`` is an external work node id, title and date as
    written), or "unresolved" (``reason`` says why; the reference is still listed).
    """

    reference: Reference
    work: str                 # the citing work's URI
    source_eid: str | None    # the citing provision (None: preamble)
    status: str
    target: str | None = None
    eid: str | None = None
    reason: str = ""

    @property
    def node(self) -> str | None:
        """The graph node of the target: ``URI~eId`` for a provision, the URI for a work."""
        if self.target is None:
            return None
        return f"{self.target}~{self.eid}" if self.eid else self.target
