"""The consolidated version of a work at a date, in a language (DESIGN §4).

    >>> v = version_at(CORPUS, "law-88-V", date(2016, 2, 29), "rus")      # doctest: +SKIP
    >>> v.provision("chp_2__art_9-1").status                               # doctest: +SKIP
    'not_yet'

Status of each provision on D:
- ``repealed`` / ``not_yet``: a repeal has certainly taken effect / an insertion certainly not yet;
- ``uncertain``: D falls inside the effective-date window of its insertion or repeal (or of the
  work's entry into force), or it appears only in a later text and no record says when;
- ``in_force`` otherwise. Its wording comes from the language asked for where that text's
  wording is valid on D, else from another language's valid wording (``wording_lang`` says
  which), else it is not in the corpus (``wording_lang`` None) and ``note`` names the bounding
  events. Where no source text's wording is valid on D (or none in L), a wording derived from an
  amending act's own instructions fills the gap (``consolidator.applying``): ``wording_source``
  names it ("484-V item 8, 2)"), and ``partial`` says when only some of its parts are known.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from akn_schema.model import Act, Provision
from consolidator.applying import DerivedWording, absent_under_derived, derived_events, derived_wordings
from consolidator.diff import word_diff
from consolidator.effective import Effective
from consolidator.events import AmendmentEvent, events_for_work, merge
from consolidator.grammar import registry
from consolidator.timeline import (
    Snapshot,
    WordingInterval,
    snapshots,
    wording_interval,
    work_entry_into_force,
)
from consolidator.works import corpus_acts, corpus_work

IN_FORCE, NOT_YET, REPEALED, UNCERTAIN = "in_force", "not_yet", "repealed", "uncertain"
SHOWN = (IN_FORCE, UNCERTAIN)


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
    note: str = ""
    parent: str | None = None
    depth: int = 0
    label: str | None = None
    wording_source: str | None = None   # an amending act's instruction, when the wording is derived
    partial: bool = False               # only some parts of the wording are known (derived)

    def as_json(self) -> dict:
        return {"eId": self.eid, "kind": self.kind, "num": self.num, "heading": self.heading,
                "status": self.status, "wording_lang": self.wording_lang,
                "text": "\n".join(self.text + self.wrap_up), "note": self.note or None,
                "wording_source": self.wording_source, "partial": self.partial}

    def plain(self) -> str:
        """The provision's own words on one line (heading and paragraphs), for diffs."""
        return " ".join(x for x in [self.heading or "", *self.text, *self.wrap_up] if x)


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

    @property
    def expression_uri(self) -> str:
        return f"{self.work_uri}/{self.lang}@{self.date.isoformat()}"

    def provision(self, eid: str) -> ProvisionVersion | None:
        return next((p for p in self.provisions if p.eid == eid), None)

    def existing(self) -> list[ProvisionVersion]:
        return [p for p in self.provisions if p.status in SHOWN]

    @property
    def coverage(self) -> float:
        """Share of provisions in force (or possibly so: ``uncertain``) whose wording in the
        version's language is known (a partial wording does not count)."""
        live = self.existing()
        return sum(p.wording_lang == self.lang and not p.partial for p in live) / len(live) if live else 0.0

    @property
    def coverage_any(self) -> float:
        """The same share, with a wording known in any language."""
        live = self.existing()
        return sum(p.wording_lang is not None and not p.partial for p in live) / len(live) if live else 0.0

    def as_json(self) -> dict:
        return {"work": self.work, "expression": self.expression_uri, "date": self.date.isoformat(),
                "lang": self.lang, "coverage": round(self.coverage, 4),
                "coverage_any_language": round(self.coverage_any, 4),
                "entry_into_force": self.entry_into_force.as_json(),
                "provisions": [p.as_json() for p in self.provisions]}

    def as_text(self) -> str:
        lines = [self.title, f"{self.expression_uri} — coverage {self.coverage:.0%} in {self.lang} "
                 f"({self.coverage_any:.0%} in any language)", ""]
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
            if p.wording_lang != self.lang:
                lines.append(f"{pad}[wording in {p.wording_lang}: {p.note}]")
            elif p.wording_source:
                lines.append(f"{pad}[{p.note}]")
            lines += [pad + t for t in p.text + p.wrap_up]
        return "\n".join(lines)


def version_at(corpus_dir: Path, work_name: str, when: date, lang: str) -> Version:
    """The version of ``work_name`` on ``when`` in ``lang`` (see the module docstring)."""
    corpus_dir = Path(corpus_dir).resolve()
    registry(lang)                                  # unknown language → one-line error
    work = corpus_work(corpus_dir, work_name)
    acts = corpus_acts(corpus_dir, work_name)
    snaps = snapshots(corpus_dir, work_name)
    eif = work_entry_into_force(corpus_dir, work_name)
    order = [lang] + [lang_ for lang_ in acts if lang_ != lang]
    index = {lang_: {p.eid: p for p in act.walk()} for lang_, act in acts.items()}
    eids = _document_order(acts, lang)
    known = set(eids)
    relevant = _relevant_events(corpus_dir, work_name)
    derived = derived_wordings(corpus_dir, work_name)
    provisions = []
    for eid in eids:
        if absent_under_derived(eid, derived, when):
            continue
        pv = _provision_on(eid, when, order, index, snaps, relevant.get(eid, []), eif, derived.get(eid, []))
        if pv is None:
            continue
        pv.parent = _parent(eid, known)
        provisions.append(pv)
    depth = {}
    for pv in provisions:
        pv.depth = depth[pv.parent] + 1 if pv.parent in depth else 0
        depth[pv.eid] = pv.depth
    title = work.titles.get(lang) or next(iter(work.titles.values()), work_name)
    return Version(work_name, work.uri, lang, when, provisions, eif, title)


@lru_cache(maxsize=16)
def _relevant_events(corpus_dir: Path, work_name: str) -> dict[str, list[AmendmentEvent]]:
    """For each eId, the events that can bear on it: those covering it, and insertions and
    repeals of it, its ancestors, or the points a range note of it stands for. The events of
    amending acts' instructions count too (a change no footnote records ends a text's validity)."""
    events = merge(events_for_work(corpus_dir, work_name) + derived_events(corpus_dir, work_name))
    acts = corpus_acts(corpus_dir, work_name)
    result: dict[str, list[AmendmentEvent]] = {}
    for eid in _document_order(acts, ""):
        aliases = _aliases(eid, [a.get(eid) for a in acts.values() if a.get(eid) is not None])
        result[eid] = [e for e in events if e.covers(eid) or e.target in aliases]
    return result


def _provision_on(eid, when, order, index, snaps: dict[str, Snapshot], events, eif,
                  derived: list[DerivedWording] = ()) -> ProvisionVersion | None:
    any_prov = next(index[lang][eid] for lang in order if eid in index.get(lang, {}))
    pv = ProvisionVersion(eid, any_prov.kind, any_prov.num, None, IN_FORCE, None, label=any_prov.label)
    aliases = _aliases(eid, [index[lang][eid] for lang in order if eid in index.get(lang, {})])
    status, note = _existence(eid, when, events, eif, aliases)
    intervals = {lang: wording_interval(snaps[lang], eid, events, eif) for lang in order if lang in snaps}
    valid = [lang for lang, iv in intervals.items() if iv.valid_on(when)]
    derived = [d for d in derived if d.valid_on(when)]
    if status is None and not derived:
        if valid and not any(eid in index[lang] for lang in valid):
            return None                             # the texts valid on D do not have it
        if not valid:
            status, note = _existence_from_history(eid, when, intervals, index)
            if status is None:
                return None
    pv.status, pv.note = status or IN_FORCE, note
    if pv.status in (NOT_YET, REPEALED):
        return pv
    source = next((lang for lang in valid if eid in index[lang]), None)
    pick = _derived_pick(derived, order, source)
    if pick is not None:
        return _from_derived(pv, pick, order[0], when)
    if source is None:
        pv.note = "; ".join(x for x in [pv.note, _missing(eid, when, events)] if x)
        return pv
    prov: Provision = index[source][eid]
    pv.wording_lang, pv.num, pv.heading, pv.label = source, prov.num, prov.heading, prov.label
    pv.text, pv.wrap_up = list(prov.text), list(prov.wrap_up)
    if source != order[0]:
        pv.note = "; ".join(x for x in [pv.note, f"the {order[0]} wording valid on {when} is not in the corpus"] if x)
    return pv


def _derived_pick(derived: list[DerivedWording], order: list[str], source: str | None) -> DerivedWording | None:
    """A derived wording beats no wording, and another language's text when it is complete and in
    the language asked for; the asked language's own valid text beats it."""
    if source == order[0] or not derived:
        return None
    ranked = sorted(derived, key=lambda d: (d.partial, order.index(d.lang) if d.lang in order else len(order)))
    best = ranked[0]
    if source is not None and (best.partial or best.lang != order[0]):
        return None
    return best


def _from_derived(pv: ProvisionVersion, d: DerivedWording, lang: str, when: date) -> ProvisionVersion:
    pv.wording_lang, pv.wording_source, pv.partial = d.lang, d.source, d.partial
    pv.num, pv.heading, pv.label = d.num or pv.num, d.heading, d.label or pv.label
    pv.text, pv.wrap_up = list(d.text), list(d.wrap_up)
    label = d.note or f"derived from {d.source}: the act's instruction applied; no source text gives this wording"
    if d.lang != lang:
        label = f"the {lang} wording valid on {when} is not in the corpus; {label}"
    pv.note = "; ".join(x for x in [pv.note, label] if x)
    return pv


def _aliases(eid: str, provs: list[Provision]) -> set[str]:
    """The eIds a range note stands for: "3) - 9)" (``point_3to9``) → ``point_3`` … ``point_9``."""
    stem = eid.rsplit("_", 1)[0]
    return {f"{stem}_{n}" for p in provs for n in (getattr(p, "covers", None) or [])}


def _existence(eid: str, when: date, events: list[AmendmentEvent], eif: Effective,
               aliases: set[str] = frozenset()) -> tuple[str | None, str]:
    """The status that insertions, repeals and the entry into force decide alone (None: they don't)."""
    if eif.not_yet(when):
        return NOT_YET, f"the work enters into force {eif}"
    if eif.window_contains(when):
        return UNCERTAIN, f"the work enters into force {eif}"
    mine = [e for e in events if e.kind in ("inserted", "repealed")
            and (eid == e.target or eid.startswith(e.target + "__") or e.target in aliases)]
    for e in mine:
        if e.kind == "repealed" and e.effective.has_happened(when):
            return REPEALED, f"repealed by {e.act}, in effect {e.effective}"
    for e in mine:
        if e.effective.window_contains(when):
            return UNCERTAIN, f"{e.kind} by {e.act}, in effect {e.effective}"
    for e in mine:
        if e.kind == "inserted" and e.effective.not_yet(when):
            return NOT_YET, f"inserted by {e.act}, in effect {e.effective}"
    if any(e.kind == "inserted" for e in mine):
        return IN_FORCE, ""                         # inserted, and certainly in effect by now
    return None, ""


def _existence_from_history(eid, when, intervals: dict[str, WordingInterval], index) -> tuple[str | None, str]:
    """No text is valid on D: it existed if an earlier text has it; if only a later one does,
    when it was added is not recorded."""
    before = [lang for lang, iv in intervals.items() if iv.end is not None and iv.end.earliest <= when]
    after = [lang for lang, iv in intervals.items() if iv.start.earliest > when]
    if any(eid in index[lang] for lang in before):
        return IN_FORCE, ""
    later = [lang for lang in after if eid in index[lang]]
    if later:
        iv = intervals[later[0]]
        return UNCERTAIN, (f"it is in the {later[0]} text, valid from {iv.start}; "
                           "when it was added is not recorded")
    return None, ""


def _missing(eid: str, when: date, events: list[AmendmentEvent]) -> str:
    covering = [e for e in events if e.covers(eid)]
    last = [e for e in covering if e.effective.earliest <= when]
    nxt = [e for e in covering if e.effective.earliest > when]
    parts = ["the wording in force on", when.isoformat(), "is not in the corpus"]
    if last:
        e = last[-1]
        parts.append(f"(after {e.kind} by {e.act}, in effect {e.effective}")
        parts.append(f"; before {nxt[0].kind} by {nxt[0].act}, in effect {nxt[0].effective})" if nxt else ")")
    elif nxt:
        parts.append(f"(before {nxt[0].kind} by {nxt[0].act}, in effect {nxt[0].effective})")
    return " ".join(parts).replace(" ;", ";").replace(" )", ")")


def _document_order(acts: dict[str, Act], lang: str) -> list[str]:
    """Every eId of every text, merged in document order (the fullest text leads)."""
    seqs = sorted(([p.eid for p in act.walk()] for act in acts.values()), key=len, reverse=True)
    merged = list(seqs[0]) if seqs else []
    for seq in seqs[1:]:
        seen = set(merged)
        prev = None
        for eid in seq:
            if eid not in seen:
                at = merged.index(prev) + 1 if prev is not None else 0
                merged.insert(at, eid)
                seen.add(eid)
            prev = eid
    return merged


def _parent(eid: str, known: set[str]) -> str | None:
    parts = eid.split("__")
    for i in range(len(parts) - 1, 0, -1):
        cand = "__".join(parts[:i])
        if cand in known:
            return cand
    return None


@dataclass
class PointInTime:
    """A date (or window) at which the work changes, with the events that take effect then and the
    coverage per language of the version on that date (on the window's last day)."""

    effective: Effective
    events: list[AmendmentEvent]
    coverage: dict[str, float]
    entry_into_force: bool = False

    def as_json(self) -> dict:
        return {"date": self.effective.as_json(), "entry_into_force": self.entry_into_force,
                "events": [{"act": str(e.act), "kind": e.kind, "target": e.target} for e in self.events],
                "coverage": {k: round(v, 4) for k, v in self.coverage.items()}}


def points_in_time(corpus_dir: Path, work_name: str) -> list[PointInTime]:
    corpus_dir = Path(corpus_dir).resolve()
    events = events_for_work(corpus_dir, work_name)
    eif = work_entry_into_force(corpus_dir, work_name)
    langs = list(corpus_acts(corpus_dir, work_name))
    groups: dict[Effective, list[AmendmentEvent]] = {eif: []}
    for e in events:
        key = Effective(e.effective.earliest, e.effective.latest, e.effective.exact)
        groups.setdefault(key, []).append(e)
    result = []
    for eff in sorted(groups, key=lambda x: (x.earliest, x.latest)):
        on = eff.latest
        cov = {lang: version_at(corpus_dir, work_name, on, lang).coverage for lang in langs}
        result.append(PointInTime(eff, groups[eff], cov, entry_into_force=eff == eif))
    return result


@dataclass
class ProvisionDiff:
    eid: str
    num: str | None
    before: ProvisionVersion | None
    after: ProvisionVersion | None
    ops: list[tuple[int, str]]
    note: str = ""

    def as_json(self) -> dict:
        return {"eId": self.eid, "num": self.num,
                "from": _side(self.before), "to": _side(self.after),
                "ops": [[op, text] for op, text in self.ops], "note": self.note or None}


def _side(p: ProvisionVersion | None) -> dict | None:
    return None if p is None else {"status": p.status, "wording_lang": p.wording_lang}


def version_diff(corpus_dir: Path, work_name: str, d1: date, d2: date, lang: str) -> list[ProvisionDiff]:
    """Per provision, the word-level difference between the versions on ``d1`` and ``d2``."""
    a = version_at(corpus_dir, work_name, d1, lang)
    b = version_at(corpus_dir, work_name, d2, lang)
    before = {p.eid: p for p in a.provisions if p.status in SHOWN}
    after = {p.eid: p for p in b.provisions if p.status in SHOWN}
    out = []
    for eid in [p.eid for p in b.provisions] + [e for e in before if e not in {p.eid for p in b.provisions}]:
        x, y = before.get(eid), after.get(eid)
        if x is None and y is None:
            continue
        tx, ty = (x.plain() if x else ""), (y.plain() if y else "")
        same_source = (x and y and x.wording_lang == y.wording_lang)
        if tx == ty and same_source:
            continue
        langs = (x.wording_lang if x else None, y.wording_lang if y else None)
        if x and y and langs[0] != langs[1]:
            # different languages (or a wording not in the corpus) cannot be compared word by word
            out.append(ProvisionDiff(eid, y.num, x, y, [], f"wording from {langs[0] or 'nowhere'} on {d1}, "
                                                         f"from {langs[1] or 'nowhere'} on {d2}"))
            continue
        out.append(ProvisionDiff(eid, (y or x).num, x, y, word_diff(tx, ty)))
    return out
