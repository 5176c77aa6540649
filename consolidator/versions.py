"""The consolidated version of a work at a date, in a language (DESIGN §4), read off its ``History``.

    >>> v = version_at(CORPUS, "law-88-V", date(2016, 2, 29), "rus")      # doctest: +SKIP
    >>> v.provision("chp_2__art_9-1").status                               # doctest: +SKIP
    'not_yet'

Status of each provision on D:
- ``not_yet`` / ``repealed``: it does not exist yet / any more;
- ``uncertain``: D falls inside the effective-date window of a change to it (its publication date is
  unknown), or its existence or wording on D is not proven (an unrecorded change may hide there);
- ``in_force`` otherwise.

``reason`` says why the wording shown is not simply proven in the language asked (None when it is):
"derived" (from an amending act's instruction, ``wording_source`` names it), "other_language"
(``wording_lang`` names the language it is borrowed from), "derived_partial" (only some parts are
known), "uncertain" (the wording last proven, not proven on D), "not_in_corpus" (no wording is known;
``after_event`` and ``before_event`` bound the gap). ``evidence`` names what proves it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from akn_schema.corpus import Corpus, as_corpus
from consolidator.diff import word_diff
from consolidator.effective import Effective
from consolidator.events import AmendmentEvent
from consolidator.grammar import registry
from consolidator.history import (
    ABSENT,
    PRESENT,
    PROVEN,
    REMOVED_STATE,
    UNCERTAIN,
    History,
    ProvisionHistory,
    Witness,
    work_history,
)

IN_FORCE, NOT_YET, REPEALED = "in_force", "not_yet", "repealed"
SHOWN = (IN_FORCE, UNCERTAIN)
REASONS = ("derived", "other_language", "derived_partial", "uncertain", "not_in_corpus")
KNOWN = (None, "derived")          # a wording proven in the language asked (a snapshot or an instruction)


@dataclass(frozen=True)
class Evidence:
    """What proves a wording: an official edition, a seed text, or an amending act's instruction."""

    kind: str                       # edition | text | instruction
    label: str                      # "rus@2018-06-13", "kaz", "272-VI item 31, 4)"
    lang: str
    url: str | None = None
    edition_label: date | None = None

    def as_json(self) -> dict:
        return {"kind": self.kind, "label": self.label, "lang": self.lang, "url": self.url,
                "edition": self.edition_label.isoformat() if self.edition_label else None}


@dataclass(frozen=True)
class EditionRef:
    """The official edition a version is checked against."""

    label: date
    lang: str
    url: str | None
    caused_by: str | None

    def as_json(self) -> dict:
        return {"label": self.label.isoformat(), "lang": self.lang, "url": self.url, "caused_by": self.caused_by}


@dataclass
class ProvisionVersion:
    """One provision of a version: its status on the date and the wording that applies."""

    eid: str
    kind: str
    num: str | None
    heading: str | None
    status: str
    wording_lang: str | None
    text: list[str] = field(default_factory=list)
    wrap_up: list[str] = field(default_factory=list)
    note: str = ""                  # for developers (English); readers get ``reason`` and the events
    parent: str | None = None
    depth: int = 0
    label: str | None = None
    wording_source: str | None = None   # an amending act's instruction, when the wording is derived
    partial: bool = False               # only some parts of the wording are known (derived)
    reason: str | None = None
    after_event: AmendmentEvent | None = None
    before_event: AmendmentEvent | None = None
    evidence: Evidence | None = None

    def as_json(self) -> dict:
        return {"eId": self.eid, "kind": self.kind, "num": self.num, "heading": self.heading,
                "status": self.status, "wording_lang": self.wording_lang,
                "text": "\n".join(self.text + self.wrap_up), "note": self.note or None,
                "reason": self.reason, "wording_source": self.wording_source, "partial": self.partial,
                "evidence": self.evidence.as_json() if self.evidence else None,
                "after_event": _event_json(self.after_event), "before_event": _event_json(self.before_event)}

    def plain(self) -> str:
        """The provision's own words on one line (heading and paragraphs), for diffs."""
        return " ".join(x for x in [self.heading or "", *self.text, *self.wrap_up] if x)


def _event_json(e: AmendmentEvent | None) -> dict | None:
    return None if e is None else {"act": str(e.act), "number": e.act.number, "kind": e.kind,
                                   "effective": e.effective.as_json()}


@dataclass
class Version:
    """A point-in-time version. ``provisions`` are in document order and include repealed and
    not-yet-inserted ones with that status; ``existing()`` gives those that exist on the date."""

    work: str
    work_uri: str
    lang: str
    date: date
    provisions: list[ProvisionVersion]
    entry_into_force: Effective
    title: str = ""
    edition: EditionRef | None = None
    unconsolidated: list[AmendmentEvent] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_eid = {p.eid: p for p in self.provisions}

    @property
    def expression_uri(self) -> str:
        return f"{self.work_uri}/{self.lang}@{self.date.isoformat()}"

    def provision(self, eid: str) -> ProvisionVersion | None:
        return self._by_eid.get(eid)

    def existing(self) -> list[ProvisionVersion]:
        return [p for p in self.provisions if p.status in SHOWN]

    @property
    def coverage(self) -> float:
        """Share of provisions in force (or possibly so) whose wording in the version's language is
        proven on the date, by a snapshot or by an applied instruction."""
        live = self.existing()
        return sum(p.reason in KNOWN for p in live) / len(live) if live else 0.0

    @property
    def coverage_any(self) -> float:
        """The same share, with a proven wording in any language."""
        live = self.existing()
        return sum(p.reason in (*KNOWN, "other_language") for p in live) / len(live) if live else 0.0

    def as_json(self) -> dict:
        return {"work": self.work, "expression": self.expression_uri, "date": self.date.isoformat(),
                "lang": self.lang, "coverage": round(self.coverage, 4),
                "coverage_any_language": round(self.coverage_any, 4),
                "entry_into_force": self.entry_into_force.as_json(),
                "edition": self.edition.as_json() if self.edition else None,
                "unconsolidated": [_event_json(e) for e in self.unconsolidated],
                "provisions": [p.as_json() for p in self.provisions]}

    def as_text(self) -> str:
        checked = f"; checked against the {self.edition.lang} edition of {self.edition.label}" if self.edition else ""
        if not self.existing():
            # adopted, not yet in force: nothing to show but when it will be
            waiting = next((p.note for p in self.provisions if p.status == NOT_YET), "")
            return "\n".join([self.title, f"{self.expression_uri} — not in force on {self.date}"
                               + (f": {waiting}" if waiting else ""), ""])
        lines = [self.title, f"{self.expression_uri} — coverage {self.coverage:.0%} in {self.lang} "
                 f"({self.coverage_any:.0%} in any language){checked}", ""]
        for p in self.provisions:
            if p.status not in (IN_FORCE, UNCERTAIN, REPEALED):
                continue
            pad = "  " * p.depth
            head = " ".join(x for x in [p.label or p.num or "", p.heading or ""] if x)
            if p.status == REPEALED:
                lines.append(f"{pad}{p.num or p.eid} [{p.note}]")
                continue
            if head:
                lines.append(pad + head)
            if p.wording_lang is None:
                lines.append(f"{pad}[{'uncertain: ' if p.status == UNCERTAIN else ''}{p.note}]")
                continue
            if p.status == UNCERTAIN:
                lines.append(f"{pad}[uncertain: {p.note}]")
            elif p.reason == "other_language":
                lines.append(f"{pad}[wording in {p.wording_lang}: {p.note}]")
            elif p.wording_source:
                lines.append(f"{pad}[{p.note}]")
            lines += [pad + t for t in p.text + p.wrap_up]
        return "\n".join(lines)


def version_at(corpus: Corpus | Path, work_name: str, when: date, lang: str) -> Version:
    """The version of ``work_name`` on ``when`` in ``lang`` (see the module docstring), computed once per corpus:
    ``points_in_time`` reads its coverage from the very version the site later shows."""
    corpus = as_corpus(corpus)
    registry(lang)                                  # unknown language → one-line error
    return corpus.cached(("consolidator", "version", work_name, when, lang),
                         lambda: _version_at(corpus, work_name, when, lang))


def _version_at(corpus: Corpus, work_name: str, when: date, lang: str) -> Version:
    work = corpus.work(work_name)
    hist = work_history(corpus, work_name)
    provisions = []
    for eid in hist.order:
        pv = _provision_on(hist.provisions[eid], when, lang, hist)
        if pv is not None:
            provisions.append(pv)
    provisions = _drop_range_members(provisions, hist)
    known = {p.eid for p in provisions}
    depth: dict[str, int] = {}
    for pv in provisions:
        pv.parent = next((a for a in _ancestors(pv.eid) if a in known), None)
        pv.depth = depth[pv.parent] + 1 if pv.parent in depth else 0
        depth[pv.eid] = pv.depth
    title = work.titles.get(lang) or next(iter(work.titles.values()), work_name)
    unconsolidated = _unconsolidated(provisions)
    return Version(work_name, work.uri, lang, when, provisions, hist.entry_into_force, title,
                   _edition(hist, when, lang), unconsolidated)


def _ancestors(eid: str) -> list[str]:
    parts = eid.split("__")
    return ["__".join(parts[:i]) for i in range(len(parts) - 1, 0, -1)]


def _drop_range_members(provisions: list[ProvisionVersion], hist: History) -> list[ProvisionVersion]:
    """A range note "3) - 9) исключены" shown as repealed stands for points 3 to 9: they are not
    listed again one by one."""
    present = {p.eid for p in provisions}
    ranges = {eid for eid in present if "to" in eid.rsplit("_", 1)[-1]}
    if not ranges:
        return provisions
    members = set()
    for r in ranges:
        stem, last = r.rsplit("_", 1)
        a, _, b = last.partition("to")
        if a.isdigit() and b.isdigit():
            members |= {f"{stem}_{n}" for n in range(int(a), int(b) + 1)}
    return [p for p in provisions if not (p.eid in members and p.status == REPEALED)]


def _provision_on(ph: ProvisionHistory, when: date, lang: str, hist: History) -> ProvisionVersion | None:
    eif = hist.entry_into_force
    seg, window = ph.locate(when)
    ex = seg.stretch(seg.existence, when)
    state = ex.value if ex else ABSENT
    kind, num, heading, label = _shape(ph, lang)
    pv = ProvisionVersion(ph.eid, kind, num, heading, IN_FORCE, None, label=label)
    if eif.not_yet(when):
        if state != PRESENT and not _exists_later(ph, seg.index):
            return None
        pv.status, pv.note = NOT_YET, f"the work enters into force {eif}"
        return pv
    if state == ABSENT:
        later = _exists_later(ph, seg.index)
        if later is None:
            return None
        unproven = ex is not None and ex.status != PROVEN     # it may already exist: when it came is not recorded
        pv.status = UNCERTAIN if unproven or (window is not None and later.opened_by is window) else NOT_YET
        pv.note = f"inserted by {later.opened_by.act}, in effect {later.start}" if later.opened_by else ""
        if pv.status == NOT_YET:
            return pv
        if unproven:
            first = _first_witness(later)
            pv.note = (f"it is in {first.name}, and it may have been added earlier: when, no record says"
                       if first else "when it was added is not recorded")
        pv = _wording(pv, ph, later, later.start.latest, lang, hist)   # the wording it comes with
        pv.status = UNCERTAIN
        pv.reason = pv.reason if pv.reason in ("other_language", "not_in_corpus", "derived_partial") else "uncertain"
        return pv
    if state == REMOVED_STATE:
        pv.status = REPEALED
        last = seg.opened_by
        pv.note = f"repealed by {last.act}, in effect {last.effective}" if last else "removed"
        pv.after_event = last.events[0] if last else None
        if window is None:
            return pv
        pv.status = UNCERTAIN
    if eif.window_contains(when):
        pv.status, pv.note = UNCERTAIN, f"the work enters into force {eif}"
    elif ex is not None and ex.status != PROVEN:
        pv.status, pv.note = UNCERTAIN, ex.why or "its existence on this date is not proven"
    if window is not None and not _unchanged_across(ph, seg, window, lang):
        pv.status = UNCERTAIN
        pv.note = "; ".join(x for x in [pv.note, f"changed by {window.act}, in effect {window.effective}"] if x)
    return _wording(pv, ph, seg, when, lang, hist)


def _unchanged_across(ph: ProvisionHistory, seg, window, lang: str) -> bool:
    """Inside the window of a change whose date is not known exactly: the provision is the same on both sides of
    it (its proven wording in ``lang`` before and after agree, and it exists on both), so the date does not matter."""
    k = ph.boundaries.index(window) + 1 if window in ph.boundaries else None
    if k is None or k >= len(ph.segments):
        return False
    after = ph.segments[k]
    left = [s for s in ph.segments[k - 1].wordings.get(lang, []) if s.value is not None]
    right = [s for s in after.wordings.get(lang, []) if s.value is not None]
    exists = [s.value for s in (ph.segments[k - 1].existence[-1:] + after.existence[:1])]
    return bool(left and right) and left[-1].status == right[0].status == PROVEN \
        and left[-1].value.key == right[0].value.key and exists == [PRESENT, PRESENT]

def _first_witness(seg) -> Witness | None:
    return next((w for st in seg.existence for w in st.witnesses), None)


def _exists_later(ph: ProvisionHistory, k: int):
    return next((s for s in ph.segments[k + 1:] if s.existence and s.existence[0].value == PRESENT), None)


def _shape(ph: ProvisionHistory, lang: str):
    """Kind, number, heading and label of the provision from any witness (the asked language first)."""
    asked = (w for s in ph.segments for st in s.wordings.get(lang, []) for w in st.witnesses)
    every = (w for s in ph.segments for ws in s.wordings.values() for st in ws for w in st.witnesses)
    found = next((w for w in itertools.chain(asked, every) if w.wording is not None), None)   # the first only
    if found is not None:
        return _kind(ph.eid), found.wording.num, None, found.wording.label
    return _kind(ph.eid), None, None, None


_PREFIX_KIND = {"chp": "chapter", "subchp": "subchapter", "art": "article", "para": "paragraph", "point": "point",
                "hcontainer": "hcontainer", "sec": "section"}


def _kind(eid: str) -> str:
    last = eid.rsplit("__", 1)[-1]
    return _PREFIX_KIND.get(last.split("_", 1)[0], "hcontainer")


def _wording(pv: ProvisionVersion, ph: ProvisionHistory, seg, when: date, lang: str,
             hist: History) -> ProvisionVersion:
    st = seg.stretch(seg.wordings.get(lang, []), when)
    if st is not None and st.value is not None:
        _fill(pv, st.value, lang, _best(st.witnesses, when))
        if st.status == PROVEN and pv.status == IN_FORCE:
            pv.reason = "derived" if pv.evidence and pv.evidence.kind == "instruction" else None
        else:
            pv.reason = "uncertain"
            pv.status = UNCERTAIN
            pv.note = "; ".join(x for x in [pv.note, st.why] if x)
        if pv.reason == "derived":
            pv.note = f"derived from {pv.wording_source}: the act's instruction applied; no source text gives this wording"
        return pv
    if pv.status == UNCERTAIN and st is not None:
        pv.reason = "uncertain"
    for other in hist.languages:
        if other == lang:
            continue
        ot = seg.stretch(seg.wordings.get(other, []), when)
        if ot is not None and ot.value is not None and ot.status == PROVEN:
            _fill(pv, ot.value, other, _best(ot.witnesses, when))
            pv.reason = "other_language" if pv.status == IN_FORCE else "uncertain"
            pv.note = "; ".join(x for x in [pv.note, f"the {lang} wording valid on {when} is not in the corpus"] if x)
            return pv
    partial = seg.wordings.get("_partial", [])
    mine = [p for p in partial if p.witnesses and p.witnesses[0].lang == lang] or partial
    if mine:
        w = mine[0].witnesses[0]
        _fill(pv, w.wording, w.lang, w)
        pv.partial, pv.reason = True, "derived_partial"
        pv.note = "; ".join(x for x in [pv.note, mine[0].why] if x)
        return pv
    pv.reason = "not_in_corpus"
    pv.after_event = seg.opened_by.events[0] if seg.opened_by else None
    pv.before_event = seg.closed_by.events[0] if seg.closed_by else None
    pv.note = "; ".join(x for x in [pv.note, _missing(when, pv.after_event, pv.before_event)] if x)
    return pv


def _fill(pv: ProvisionVersion, wording, lang: str, witness: Witness | None) -> None:
    pv.wording_lang = lang
    pv.num, pv.heading, pv.label = wording.num or pv.num, wording.heading, wording.label or pv.label
    pv.text, pv.wrap_up = list(wording.text), list(wording.wrap_up)
    if witness is not None:
        pv.evidence = Evidence(witness.kind, witness.name, witness.lang, witness.url, witness.edition)
        if witness.kind == "instruction":
            pv.wording_source = witness.name


def _best(witnesses: tuple[Witness, ...], when: date) -> Witness | None:
    """The witness to cite: an edition nearest the date (at or before it first), else a text, else an instruction."""
    if not witnesses:
        return None
    rank = {"edition": 0, "text": 1, "instruction": 2}
    return min(witnesses, key=lambda w: (rank.get(w.kind, 3), w.when > when, abs((w.when - when).days)))


def _missing(when: date, after: AmendmentEvent | None, before: AmendmentEvent | None) -> str:
    parts = [f"the wording in force on {when.isoformat()} is not in the corpus"]
    if after is not None:
        parts.append(f"(after {after.kind} by {after.act}, in effect {after.effective}"
                     + (f"; before {before.kind} by {before.act}, in effect {before.effective})" if before else ")"))
    elif before is not None:
        parts.append(f"(before {before.kind} by {before.act}, in effect {before.effective})")
    return " ".join(parts)


def _unconsolidated(provisions: list[ProvisionVersion]) -> list[AmendmentEvent]:
    """The changes in effect by the date whose effect on the shown text is not known."""
    found: dict[tuple, AmendmentEvent] = {}
    for p in provisions:
        if p.status in SHOWN and p.reason not in KNOWN and p.reason != "other_language":
            e = p.after_event
            if e is not None:
                found.setdefault((e.act.uri, e.effective), e)
    return sorted(found.values(), key=lambda e: (e.effective.earliest, e.act.date))


def _edition(hist: History, when: date, lang: str) -> EditionRef | None:
    """The official edition the version is checked against: the latest one in force by the date (in the
    language asked if it has one), else the earliest."""
    editions = [s for s in hist.snapshots if s.edition is not None]
    if not editions:
        return None
    mine = [s for s in editions if s.lang == lang] or editions
    before = [s for s in mine if s.as_of.earliest <= when]
    s = max(before, key=lambda s: s.edition) if before else min(mine, key=lambda s: s.edition)
    return EditionRef(s.edition, s.lang, s.source.url if s.source else None,
                      str(s.caused_by) if s.caused_by else None)


@dataclass
class PointInTime:
    """A date (or window) at which the work changes, with the events that take effect then and the
    coverage per language of the version in force from then on (on ``on``: the first day by which the
    events have certainly taken effect and the next ones certainly not)."""

    effective: Effective
    events: list[AmendmentEvent]
    coverage: dict[str, float]
    entry_into_force: bool = False
    on: date | None = None
    editions: dict[str, EditionRef] = field(default_factory=dict)     # per language: the edition checked against

    def as_json(self) -> dict:
        return {"date": self.effective.as_json(), "entry_into_force": self.entry_into_force,
                "on": self.on.isoformat() if self.on else None,
                "editions": {k: v.as_json() for k, v in self.editions.items()},
                "events": [{"act": str(e.act), "kind": e.kind, "target": e.target} for e in self.events],
                "coverage": {k: round(v, 4) for k, v in self.coverage.items()}}


def points_in_time(corpus: Corpus | Path, work_name: str) -> list[PointInTime]:
    corpus = as_corpus(corpus)
    return corpus.cached(("consolidator", "points", work_name), lambda: _points_in_time(corpus, work_name))


def _points_in_time(corpus: Corpus, work_name: str) -> list[PointInTime]:
    hist = work_history(corpus, work_name)
    eif = hist.entry_into_force
    events: dict[tuple, AmendmentEvent] = {}
    for ph in hist.provisions.values():
        for b in ph.boundaries:
            for e in b.events:
                events.setdefault((e.act.uri, e.kind, e.target), e)
    groups: dict[Effective, list[AmendmentEvent]] = {eif: []}
    for e in sorted(events.values(), key=lambda e: (e.effective.earliest, e.effective.latest, e.target)):
        key = Effective(e.effective.earliest, e.effective.latest, e.effective.exact)
        groups.setdefault(key, []).append(e)
    keys = sorted(groups, key=lambda x: (x.earliest, x.latest))
    result = []
    for i, eff in enumerate(keys):
        nxt = keys[i + 1] if i + 1 < len(keys) else None
        on = eff.latest if nxt is None or eff.latest < nxt.earliest else eff.earliest
        versions = {lang: version_at(corpus, work_name, on, lang) for lang in hist.languages}
        cov = {lang: v.coverage for lang, v in versions.items()}
        editions = {lang: v.edition for lang, v in versions.items() if v.edition is not None}
        result.append(PointInTime(eff, groups[eff], cov, entry_into_force=eff == eif, on=on, editions=editions))
    return result


@dataclass
class ProvisionDiff:
    eid: str
    num: str | None
    before: ProvisionVersion | None
    after: ProvisionVersion | None
    ops: list[tuple[int, str]]
    note: str = ""

    @property
    def comparable(self) -> bool:
        """Both sides have a wording proven in the language of the diff (or one side does not exist)."""
        return not self.note

    def as_json(self) -> dict:
        return {"eId": self.eid, "num": self.num,
                "from": _side(self.before), "to": _side(self.after),
                "ops": [[op, text] for op, text in self.ops], "note": self.note or None}


def _side(p: ProvisionVersion | None) -> dict | None:
    return None if p is None else {"status": p.status, "wording_lang": p.wording_lang, "reason": p.reason}


def version_diff(corpus: Corpus | Path, work_name: str, d1: date, d2: date, lang: str) -> list[ProvisionDiff]:
    """Per provision, the word-level difference between the versions on ``d1`` and ``d2``: only wordings
    proven in ``lang`` on both sides are compared; a wording not available on either side is said so
    (``note``), never shown as deleted or inserted."""
    a = version_at(corpus, work_name, d1, lang)
    b = version_at(corpus, work_name, d2, lang)
    before = {p.eid: p for p in a.provisions if p.status in SHOWN}
    after = {p.eid: p for p in b.provisions if p.status in SHOWN}
    out = []
    order = [p.eid for p in b.provisions] + [p.eid for p in a.provisions if p.eid not in b._by_eid]
    for eid in order:
        x, y = before.get(eid), after.get(eid)
        if x is None and y is None:
            continue
        known_x = x is None or (x.reason in KNOWN and x.wording_lang == lang)
        known_y = y is None or (y.reason in KNOWN and y.wording_lang == lang)
        if not (known_x and known_y):
            if x is not None and y is not None and x.plain() == y.plain() and x.wording_lang == y.wording_lang:
                continue
            out.append(ProvisionDiff(eid, (y or x).num, x, y, [],
                                     f"wording not available in {lang} on "
                                     f"{' and '.join(str(d) for d, k in ((d1, known_x), (d2, known_y)) if not k)}"))
            continue
        tx, ty = (x.plain() if x else ""), (y.plain() if y else "")
        if tx == ty:
            continue
        out.append(ProvisionDiff(eid, (y or x).num, x, y, word_diff(tx, ty)))
    return out


__all__ = ["IN_FORCE", "KNOWN", "NOT_YET", "PRESENT", "REASONS", "REPEALED", "SHOWN", "UNCERTAIN", "EditionRef",
           "Evidence", "PointInTime", "ProvisionDiff", "ProvisionVersion", "Version", "points_in_time", "version_at",
           "version_diff"]
