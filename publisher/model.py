"""What the site shows, as plain dataclasses: filled from the stages' public APIs by
``publisher.collect`` and rendered into pages by ``publisher.pages``.

The publisher never renders another stage's objects directly; tests build a ``SiteData`` by hand
(e.g. a draft whose comment holds ``<script>``) and check the pages.

    >>> d = EffectiveDate(date(2016, 3, 1))
    >>> d.exact, d.iso
    (True, '2016-03-01')
    >>> EffectiveDate(date(2022, 7, 25), exact=False).exact
    False
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class EffectiveDate:
    """A date on which something takes effect; ``exact=False`` makes it a lower bound
    ("not before"); ``latest`` (optional) closes a window of uncertainty."""

    date: date
    exact: bool = True
    latest: date | None = None

    @property
    def iso(self) -> str:
        return self.date.isoformat()


@dataclass
class NoteView:
    """A footnote as printed under its provision, verbatim."""

    eid: str
    text: str


@dataclass
class ProvisionView:
    """One provision as the site prints it.

    ``source_lang`` is set when the wording shown comes from another language's text;
    ``missing`` (the bounding events, in words) when no wording in force is known.
    """

    eid: str
    kind: str
    num: str | None = None
    heading: str | None = None
    text: list[str] = field(default_factory=list)
    children: list[ProvisionView] = field(default_factory=list)
    wrap_up: list[str] = field(default_factory=list)
    repealed: bool = False
    notes: list[NoteView] = field(default_factory=list)
    source_lang: str | None = None
    missing: str | None = None
    uncertain: str | None = None            # why its existence on the date is uncertain

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()

    def fingerprint(self) -> tuple:
        """Everything the page prints of it and its subtree: equal fingerprints, equal HTML."""
        return (self.eid, self.kind, self.num, self.heading, tuple(self.text), tuple(self.wrap_up),
                self.repealed, tuple((n.eid, n.text) for n in self.notes), self.source_lang, self.missing,
                self.uncertain, tuple(c.fingerprint() for c in self.children))

    def words(self) -> str:
        """Its own words (number, heading, text) — what a diff compares."""
        return " ".join(x for x in [self.num or "", self.heading or "", *self.text, *self.wrap_up] if x)


@dataclass
class AttachmentView:
    eid: str
    title: str | None
    stamp: list[str] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    body: list[ProvisionView] = field(default_factory=list)


@dataclass
class TextView:
    """A whole text of a work in one language: the current one or a point-in-time version."""

    title: str
    preface: list[str] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    body: list[ProvisionView] = field(default_factory=list)
    conclusions: list[str] = field(default_factory=list)
    attachments: list[AttachmentView] = field(default_factory=list)

    def walk(self):
        for p in self.body:
            yield from p.walk()
        for a in self.attachments:
            for p in a.body:
                yield from p.walk()


@dataclass
class EventView:
    """An amendment event: an amending act touching provisions of a work on a date."""

    effective: EffectiveDate
    act: str                            # "Law No. 484-V of 06.04.2016"
    kind: str                           # amended | new wording | inserted | repealed | heading changed
    targets: list[str] = field(default_factory=list)     # eIds
    act_uri: str | None = None


@dataclass
class VersionView:
    """The consolidated text of a work in one language at one point in time."""

    lang: str
    start: EffectiveDate
    end: EffectiveDate | None               # None: still in force
    text: TextView
    known: int = 0                          # articles whose wording is known
    total: int = 0
    xml: bytes | None = None                # its AKN expression


@dataclass
class EdgeView:
    """A graph edge seen from one provision: kind, the other end (label + link), validity."""

    kind: str
    other: str
    other_url: str | None = None
    since: str | None = None
    until: str | None = None
    incoming: bool = False


@dataclass
class WarningView:
    severity: str                           # warning | error
    message: str
    url: str | None = None


@dataclass
class WorkView:
    name: str                               # law-88-V
    uri: str                                # /akn/kz/act/2013-04-15/88-V
    type: str
    date: date
    number: str
    titles: dict[str, str]
    texts: dict[str, TextView] = field(default_factory=dict)          # current text per language
    xml: dict[str, bytes] = field(default_factory=dict)               # current AKN per language
    versions: dict[str, list[VersionView]] = field(default_factory=dict)   # ordered by start
    events: list[EventView] = field(default_factory=list)
    edges: dict[str, list[EdgeView]] = field(default_factory=dict)    # eId → edges

    @property
    def langs(self) -> list[str]:
        return list(self.texts)

    def start(self) -> date:
        """The first point in time: the earliest version, or the work's date."""
        starts = [v.start.date for vs in self.versions.values() for v in vs]
        return min(starts, default=self.date)

    def title(self, lang: str | None = None) -> str:
        return self.titles.get(lang or "", "") or next(iter(self.titles.values()), self.name)


@dataclass
class CommentView:
    author: str
    received: datetime | date
    text: str
    late: bool = False
    decision: str | None = None             # accepted / rejected + reason, from the report
    missing_justification: bool = False     # a decision the report does not justify


@dataclass
class DraftView:
    id: str
    title: str
    lang: str
    posted: date
    deadline: datetime                      # the instant the window closes, aware (Asia/Almaty)
    status: str
    last_day: date | None = None            # the 10th working day (the window closes at its end)
    amends: str | None = None
    amends_corpus_work: bool = False        # the amended bylaw is in the corpus: link to it
    comments: list[CommentView] = field(default_factory=list)
    report: str | None = None
    warnings: list[str] = field(default_factory=list)
    url: str | None = None                  # where the draft is published


@dataclass
class GraphView:
    """The graph as the site draws it: nodes ``{id, label, kind, title, url}``, edges
    ``{source, target, kind}``; downloads as the linker exports them."""

    nodes: list[dict] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)
    warnings: list[WarningView] = field(default_factory=list)
    graphml: bytes | None = None
    json: bytes | None = None


@dataclass
class SiteData:
    works: list[WorkView] = field(default_factory=list)
    drafts: list[DraftView] = field(default_factory=list)
    graph: GraphView = field(default_factory=GraphView)
    ical: bytes | None = None
    notices: list[str] = field(default_factory=list)   # what the build could not show, and why
