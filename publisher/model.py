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


@dataclass(frozen=True)
class ActRef:
    """An act named on the site: its type (law | code | order | resolution), number and date.
    The site names it in the page's language ("Закон РК от 06.04.2016 № 484-V")."""

    type: str
    number: str
    date: date
    uri: str | None = None


@dataclass
class NoteView:
    """A footnote as printed under its provision, verbatim."""

    eid: str
    text: str


@dataclass
class ProvisionView:
    """One provision as the site prints it.

    ``source_lang`` is set when the wording shown comes from another language's text;
    ``missing`` is set (to the consolidator's reason) when no wording in force is known, and
    ``after`` / ``before`` are then the events that bound the unknown stretch; ``uncertain`` is
    set when its existence on the date is not established, ``why`` says what makes it so.
    ``derived_from`` names the amending act whose instructions gave the wording (``partial``:
    only some of it). ``links`` are the references the linker resolved, as
    (paragraph index in ``text + wrap_up``, start, end, site URL).
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
    uncertain: str | None = None            # set when its existence on the date is uncertain
    after: EventView | None = None          # the last change before the unknown stretch
    before: EventView | None = None         # the next change after it
    why: Explanation | None = None          # why it is uncertain, in data the site words per language
    derived_from: str | None = None         # the number of the amending act whose instructions gave the wording
    partial: bool = False
    links: tuple[tuple[int, int, int, str], ...] = ()

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()

    def fingerprint(self) -> tuple:
        """Everything the page prints of it and its subtree: equal fingerprints, equal HTML."""
        return (self.eid, self.kind, self.num, self.heading, tuple(self.text), tuple(self.wrap_up),
                self.repealed, tuple((n.eid, n.text) for n in self.notes), self.source_lang, self.missing,
                self.uncertain, _event_key(self.after), _event_key(self.before),
                self.why.key if self.why else None, _event_key(self.why.event if self.why else None),
                self.derived_from, self.partial, self.links, tuple(c.fingerprint() for c in self.children))

    @property
    def unknown(self) -> bool:
        """No wording in force is known for it, nor for anything inside it."""
        return bool(self.missing) and all(c.unknown for c in self.children)


def _event_key(e: EventView | None) -> tuple | None:
    return None if e is None else (e.act, e.kind, e.effective)


@dataclass(frozen=True)
class Explanation:
    """Why a provision's status on a date is uncertain: a kind of reason (``event``: an insertion
    or repeal whose date is a window; ``eif``: the work's own entry into force; ``history``: it
    appears only in a later text; ``generic``) and the event or date that makes it so."""

    key: str
    event: EventView | None = None
    effective: EffectiveDate | None = None


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
    preamble_links: tuple[tuple[int, int, int, str], ...] = ()

    def walk(self):
        for p in self.body:
            yield from p.walk()
        for a in self.attachments:
            for p in a.body:
                yield from p.walk()

    def eids(self) -> frozenset[str]:
        """The eIds the text's page has anchors for (computed once per text)."""
        found = self.__dict__.get("_eids")
        if found is None:
            found = self.__dict__["_eids"] = frozenset(p.eid for p in self.walk())
        return found


@dataclass
class EventView:
    """An amendment event: an amending act touching provisions of a work on a date."""

    effective: EffectiveDate
    act: str                            # "Law No. 484-V of 06.04.2016"
    kind: str                           # amended | new wording | inserted | repealed | heading changed
    targets: list[str] = field(default_factory=list)     # eIds
    act_uri: str | None = None
    ref: ActRef | None = None           # the act as data, for the site to name it in each language


@dataclass
class VersionView:
    """The consolidated text of a work in one language at one point in time."""

    lang: str
    start: EffectiveDate
    end: EffectiveDate | None               # None: still in force
    text: TextView
    known: int = 0                          # units (articles, or provisions of an act without articles)
    total: int = 0                          # whose wording is known, of all in force
    unit: str = "article"                   # article | provision
    xml: bytes | None = None                # its AKN expression
    edition: EditionView | None = None      # the official edition its text is checked against
    unconsolidated: list[EventView] = field(default_factory=list)   # in effect, effect on the text unknown


@dataclass
class EditionView:
    """The official text a version is checked against: a dated edition (``label``) or a seed text
    (``state`` original | consolidated, ``last_act`` the latest change it includes); ``source`` is
    where it is published (a host name), ``url`` its page there."""

    state: str = "consolidated"
    label: date | None = None
    cause: str | None = None                # the edition's "caused by" requisite, as the database prints it
    cause_act: ActRef | None = None         # … or the act itself
    lang: str | None = None                 # the edition's language (when another than the page's)
    last_act: ActRef | None = None
    source: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class NodeRef:
    """A node of the graph as the site names it in any language: a work (``act`` when its type,
    number and date are known, else ``title`` as written) or a provision of one (``path``: its
    units outermost first, e.g. (("article", "7"), ("point", "3)"))), and the page it leads to."""

    id: str
    kind: str                               # work | provision | other
    act: ActRef | None = None
    titles: tuple[tuple[str, str], ...] = ()    # (lang, title) of the work
    path: tuple[tuple[str, str], ...] = ()
    heading: str | None = None
    url: str | None = None                  # site-relative (a text page + #eId, or a work page)
    in_corpus: bool = False
    work_uri: str | None = None             # the work a provision belongs to
    type: str = "other"                     # law | code | order | … (an act known only by its title)

    def title(self, lang: str) -> str:
        d = dict(self.titles)
        return d.get(lang) or next(iter(d.values()), "")


@dataclass
class EdgeView:
    """A graph edge seen from one provision: kind, the other end, validity."""

    kind: str
    other: NodeRef
    since: date | None = None
    until: date | None = None
    incoming: bool = False


@dataclass
class WarningView:
    """A finding of the linker's audits, as data: ``code`` (stale_delegation, basis_missing,
    dangling_reference, unresolved_reference, invalid_akn) with the nodes, acts and dates it names."""

    severity: str                           # warning | error | info
    code: str
    url: str | None = None
    bylaw: NodeRef | None = None
    basis: NodeRef | None = None
    adopted: date | None = None
    on: date | None = None
    acts: list[tuple[ActRef, EffectiveDate, str]] = field(default_factory=list)   # (act, effective, kind)
    text: str | None = None                 # the reference as written
    text_lang: str | None = None
    where: NodeRef | None = None            # the provision (or work) the finding is about


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
    editions: dict[str, EditionView] = field(default_factory=dict)   # what each current text is checked against
    registration: ActRef | None = None      # an order's state registration (number, date)
    units: dict[str, tuple[str, str]] | None = None   # eId → (kind, number), when the texts are not held

    @property
    def langs(self) -> list[str]:
        return list(self.texts)

    def start(self) -> date:
        """The first point in time: the earliest version, or the work's date."""
        starts = [v.start.date for vs in self.versions.values() for v in vs]
        return min(starts, default=self.date)

    def title(self, lang: str | None = None) -> str:
        return self.titles.get(lang or "", "") or next(iter(self.titles.values()), self.name)


@dataclass(frozen=True)
class LinkTarget:
    """What a link into a work needs of it, without its texts: its languages, the start of each
    version ((date, ISO date) per language, in order) and the eIds of each text
    (``(lang, None)``: the current text; ``(lang, iso)``: the version from that date)."""

    uri: str
    langs: tuple[str, ...]
    versions: dict[str, tuple[tuple[date, str], ...]]
    eids: dict[tuple[str, str | None], tuple[str, ...]]


@dataclass
class CommentView:
    author: str                             # individual | legal_entity
    received: datetime | date
    text: str
    late: bool = False
    decision: str | None = None             # accepted | rejected, from the report
    missing_justification: bool = False     # a decision the report does not justify
    justification: str | None = None
    lang: str = "rus"                       # the language the comment is written in (its text's ``lang``)


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
    report: tuple[date, str] | None = None  # (posted, where) of the completion report
    warnings: list[tuple[str, dict]] = field(default_factory=list)   # (message key, arguments)
    url: str | None = None                  # where the draft is published
    days_left: int | None = None            # working days left on the build date, while ``open``
    working_days: tuple[date, ...] = ()     # the window's ten working days (the browser counts what is left)


@dataclass
class GraphView:
    """The graph as the site draws it: nodes (``NodeRef``), edges ``{source, target, kind}``;
    downloads as the linker exports them."""

    nodes: list[NodeRef] = field(default_factory=list)
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
    notices: list[str] = field(default_factory=list)   # what the build could not show, and why (for the CLI)
    missing_stages: list[str] = field(default_factory=list)   # the stages whose API was not there
    built: date | None = None               # the build date (from SOURCE_DATE_EPOCH: deterministic)
    site_url: str = ""                      # absolute base URL for feeds and the sitemap
