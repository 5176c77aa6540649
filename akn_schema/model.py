"""The parsed act: plain dataclasses between the line grammar and the AKN writer.

Every later stage reads an ``Act``; none of them reads the text files again.

    >>> art = Provision("article", "chp_2__art_9-1", num="9-1", heading="Компетенция …")
    >>> art.children.append(Provision("point", "chp_2__art_9-1__point_1", num="1)", text=["…"]))
    >>> act = Act(work="law-88-V", lang="rus", doctype="law", body=[Provision("chapter", "chp_2", num="2",
    ...           children=[art])])
    >>> act.find([("article", "9-1"), ("point", "1")]).eid
    'chp_2__art_9-1__point_1'
    >>> act.get("chp_2__art_9-1").num, act.get("chp_9") is None
    ('9-1', True)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

IN_FORCE = "in_force"
REMOVED = "removed"


@dataclass
class Note:
    """A publisher's footnote ("Сноска." / "Ескерту." / "Footnote."), verbatim, markup removed.

    ``target`` is the eId of the provision it annotates (the one it follows, or the heading it
    sits under); ``line`` is the 1-based source line where it starts.
    """

    eid: str
    text: str
    line: int
    target: str


@dataclass
class Provision:
    """One numbered or headed unit. ``kind`` is its AKN element name.

    kinds: chapter, subchapter (§), article, paragraph ("1."), point ("1)"), and
    hcontainer for unnumbered blocks that still need a home.
    ``num`` is the number as printed: "9-1" for chapters/articles, "1." / "3)" for
    paragraphs/points (a range repeal note prints "3) - 9)"); ``label`` is the whole printed
    designation ("Статья 9-1."), kept so that no word is lost; ``number`` is the bare number.
    ``text`` holds its own paragraphs before any child (AKN ``content`` or ``intro``),
    ``wrap_up`` those after its last child.
    """

    kind: str
    eid: str
    num: str | None = None
    heading: str | None = None
    label: str | None = None        # the printed designation, e.g. "Статья 9-1." or "9-бап."
    text: list[str] = field(default_factory=list)
    children: list[Provision] = field(default_factory=list)
    wrap_up: list[str] = field(default_factory=list)
    status: str = IN_FORCE
    notes: list[Note] = field(default_factory=list)
    line: int = 0
    number: str | None = None       # bare number: "9-1", "3"; "6" for a printed "б)"
    covers: list[str] = field(default_factory=list)  # a range note "3) - 9)" covers 3…9
    name: str | None = None         # an hcontainer's kind of block, e.g. "list_intro" (the intro of a second list)

    def __post_init__(self) -> None:
        if self.number is None and self.num:
            self.number = self.num.rstrip(".)")

    def walk(self) -> Iterator[Provision]:
        yield self
        for child in self.children:
            yield from child.walk()

    def full_text(self) -> str:
        """All words of the provision and its descendants, one paragraph per line."""
        parts = [p for p in ([f"{self.num or ''} {self.heading or ''}".strip()] if self.heading else [])]
        first = " ".join(self.text)
        if self.num and not self.heading:
            first = f"{self.num} {first}".strip()
        if first:
            parts.append(first)
        parts += [c.full_text() for c in self.children]
        parts += self.wrap_up
        return "\n".join(p for p in parts if p)


@dataclass
class Attachment:
    """An annex such as the Rules approved by an order (AKN ``attachment/doc``)."""

    eid: str
    name: str                       # AKN doc/@name, e.g. "rules"
    stamp: list[str] = field(default_factory=list)    # "Утверждены приказом …" lines
    title: str | None = None
    preamble: list[str] = field(default_factory=list)
    body: list[Provision] = field(default_factory=list)
    line: int = 0

    def walk(self) -> Iterator[Provision]:
        for p in self.body:
            yield from p.walk()


@dataclass
class SkippedLine:
    """A source line, or a span of one, that a named rule declares as non-text (site menu,
    copyright, a markdown anchor …). ``column`` is the 0-based offset of a span in its line as
    written; None means the whole line."""

    line: int
    text: str
    rule: str
    column: int | None = None


@dataclass
class Warning_:
    """A line the grammar could not place; kept as a paragraph of its container."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Act:
    """One source text of one work in one language, parsed."""

    work: str                       # short name, e.g. "law-88-V"
    lang: str                       # rus | kaz | eng
    doctype: str                    # law | order | resolution
    title: str = ""
    preface: list[str] = field(default_factory=list)      # title block lines (after the title but the lead)
    preface_lead: int = 0                                  # preface lines printed before the title ("ЗҚАИ-ның ескертпесі!")
    preamble: list[str] = field(default_factory=list)
    body: list[Provision] = field(default_factory=list)
    conclusions: list[str] = field(default_factory=list)  # signature block
    attachments: list[Attachment] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)       # all footnotes, in source order
    skipped: list[SkippedLine] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)
    path: str = ""
    note_lines: set[int] = field(default_factory=set)     # source lines that belong to notes

    def walk(self) -> Iterator[Provision]:
        """Every provision in document order, the attachments' provisions last."""
        for p in self.body:
            yield from p.walk()
        for att in self.attachments:
            yield from att.walk()

    def index(self) -> dict[str, Provision]:
        """eId → provision, built once (an ``Act`` is read-only once parsed; ``reindex`` after changing it)."""
        found = self.__dict__.get("_index")
        if found is None:
            found = {}
            for p in self.walk():
                found.setdefault(p.eid, p)       # document order: the first of equal eIds wins
            self.__dict__["_index"] = found
        return found

    def reindex(self) -> None:
        self.__dict__.pop("_index", None)
        self.__dict__.pop("_by_number", None)

    def get(self, eid: str) -> Provision | None:
        """The provision with this eId, in constant time (from ``index()``); a provision whose eId was
        changed in place is noticed and the index rebuilt."""
        found = self.index().get(eid)
        if found is not None and found.eid != eid:
            self.reindex()
            found = self.index().get(eid)
        return found

    def _numbered(self) -> dict[tuple[str, str], list[Provision]]:
        found = self.__dict__.get("_by_number")
        if found is None:
            found = {}
            for p in self.walk():
                for number in {p.number, *p.covers} - {None}:
                    found.setdefault((p.kind, number), []).append(p)
            self.__dict__["_by_number"] = found
        return found

    def find(self, path: list[tuple[str, str]], within: str | None = None) -> Provision | None:
        """Resolve a reference path such as ``[("article", "7"), ("point", "3")]``.

        Each step matches a descendant of the previous one (levels in between may be
        skipped: "подпункт 3) статьи 7" finds ``art_7__point_3`` as well as
        ``art_7__para_1__point_3`` when unambiguous). ``within`` limits the search to the
        subtree of that eId (e.g. an attachment's provisions). Returns None when the path does
        not resolve to exactly one provision. Each step looks the unit up by kind and number.
        """
        numbered = self._numbered()
        if within:
            scopes = [within + "__"]
        else:
            inside = {a.eid + "__" for a in self.attachments}
            scopes = None
        found: list[Provision] = []
        for kind, number in path:
            hits = numbered.get((kind, number), [])
            if scopes is None:
                hits = [h for h in hits if not any(h.eid.startswith(a) for a in inside)]
            else:
                hits = [h for h in hits if any(h.eid.startswith(sc) for sc in scopes)]
            found = _outermost(hits)
            if not found:
                return None
            scopes = [f.eid + "__" for f in found]
        return found[0] if len(found) == 1 else None


def _outermost(provisions: list[Provision]) -> list[Provision]:
    """Drop matches nested inside another match (keeps the first level that matches)."""
    eids = [p.eid for p in provisions]
    return [p for p in provisions if not any(p.eid.startswith(e + "__") for e in eids if e != p.eid)]
