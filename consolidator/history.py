"""Each provision's history: from the snapshots' wordings and the amending acts' instructions to the
stretches of time over which a wording is proven, uncertain or unknown (DESIGN §4).

For a provision P the known changes (``Boundary``: one per amending act whose event covers P, ordered
by effective date) cut time into segments. Every snapshot falls in one segment of P: the one after
the last change it includes. Its state of P there (absent, removed, or present with a ``Wording``)
is a ``Witness``; so is a wording derived from an amending act's own instruction.

Within a segment the witnesses give ``Stretch``es:

- a wording is *proven* from the segment's start up to its last witness: a snapshot's footnotes
  record every change since the provision's last restatement, so no change can hide between the
  change that opened the segment and the snapshot;
- two witnesses of one segment that differ reveal an *unrecorded change* between them: the time
  between them is *uncertain*, bounded by their dates (``zanlex check`` reports it);
- after the last witness, up to the change that closes the segment, the wording is proven only if
  no unrecorded change can hide there: some later snapshot's footnote history of P reaches back
  before the witness (it does not start with a restatement that may have erased it), or no act
  that amends the work takes effect in between (the registry lists every act any footnote cites).
  Otherwise the stretch is *uncertain*: a later restatement may have been preceded by unrecorded
  changes.

Existence (absent / present / removed) is judged the same way from the witnesses of every language;
wordings per language.

    >>> seg = Segment(0, None, None, None, None, existence=[Stretch(None, None, PROVEN, PRESENT)])
    >>> seg.stretch(seg.existence, None).value
    'present'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from akn_schema.corpus import Corpus, as_corpus
from akn_schema.model import REMOVED, Provision
from consolidator.acts import AmendingAct, load_acts
from consolidator.effective import Effective
from consolidator.events import AmendmentEvent, events_for_work, merge
from consolidator.sources import Snapshot, snapshots, work_entry_into_force
from consolidator.wording import Wording

PRESENT, ABSENT, REMOVED_STATE = "present", "absent", "removed"
PROVEN, UNCERTAIN, UNKNOWN = "proven", "uncertain", "unknown"
ERASING = ("new_wording", "repealed", "inserted")      # a footnote that may drop the history before it

@dataclass(frozen=True)
class Witness:
    """What one source says of a provision: its state, and its wording when present.

    ``kind``: "edition" (an official edition), "text" (a seed text) or "instruction" (derived from an
    amending act's instruction); ``name`` how it is cited ("rus@2018-06-13", "272-VI item 31, 4)").
    """

    name: str
    kind: str
    lang: str
    as_of: Effective
    state: str
    wording: Wording | None = None
    snapshot: Snapshot | None = None
    partial: bool = False
    url: str | None = None
    edition: date | None = None

    @property
    def when(self) -> date:
        """The date at which the witness certainly shows the law."""
        return self.as_of.latest


@dataclass(frozen=True)
class Boundary:
    """One amending act's change to a provision: the events of that act that cover it."""

    act: AmendingAct
    effective: Effective
    events: tuple[AmendmentEvent, ...]

    @property
    def kinds(self) -> set[str]:
        return {e.kind for e in self.events}


@dataclass(frozen=True)
class Stretch:
    """A run of days [start, end) inside a segment (None: the segment's own bound) with one status.

    ``value`` is the state (existence) or the ``Wording`` (a language's wording); ``witnesses`` prove
    it; ``why`` says, for developers, what makes it uncertain.
    """

    start: date | None
    end: date | None
    status: str
    value: object
    witnesses: tuple[Witness, ...] = ()
    why: str = ""

    def holds_on(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


@dataclass
class Segment:
    """The time between two consecutive changes of a provision, with what is known of it."""

    index: int
    start: Effective
    end: Effective | None
    opened_by: Boundary | None
    closed_by: Boundary | None
    existence: list[Stretch] = field(default_factory=list)
    wordings: dict[str, list[Stretch]] = field(default_factory=dict)

    def stretch(self, stretches: list[Stretch], when: date) -> Stretch | None:
        return next((s for s in stretches if s.holds_on(when)), None)


@dataclass
class UnrecordedChange:
    """Two witnesses of one segment that differ: a change that no footnote records, between their dates."""

    eid: str
    lang: str | None            # None: existence (inserted or removed without a record)
    before: Witness
    after: Witness
    variant: bool = False       # a copy that reads otherwise than the editions around it

    def describe(self) -> str:
        what = f"the {self.lang} wording" if self.lang else "its existence"
        if self.variant:
            return (f"{self.eid}: {self.after.name} reads otherwise than {self.before.name} and the editions after it, "
                    "with no amendment in between: a variant of that copy")
        return (f"{self.eid}: {what} changed between {self.before.name} ({self.before.when}) and "
                f"{self.after.name} ({self.after.when}) with no recorded amendment in between")


@dataclass
class ProvisionHistory:
    """Everything known about one provision over time."""

    eid: str
    boundaries: list[Boundary]
    segments: list[Segment]

    def locate(self, when: date) -> tuple[Segment, Boundary | None]:
        """The segment in force on ``when`` and, if ``when`` falls inside the effective-date window of
        the next change, that change (its publication date being unknown)."""
        passed = [b.effective.has_happened(when) for b in self.boundaries]
        k = sum(passed)
        window = next((b for b in self.boundaries[k:] if b.effective.window_contains(when)), None)
        return self.segments[k], window


@dataclass
class History:
    """The history of every provision of a work, and what its sources disagree on."""

    work: str
    entry_into_force: Effective
    provisions: dict[str, ProvisionHistory]
    order: list[str]
    unrecorded: list[UnrecordedChange]
    snapshots: list[Snapshot]
    languages: list[str]

    def of(self, eid: str) -> ProvisionHistory | None:
        return self.provisions.get(eid)


# ── building it ──────────────────────────────────────────────────────────────────────────────

def work_history(corpus: Corpus | Path, work_name: str) -> History:
    """The history of ``work_name``, from its snapshots and the instructions of the amending acts the
    corpus holds (applied in order of effect, each to the wording valid just before it)."""
    corpus = as_corpus(corpus)
    return corpus.cached(("consolidator", "history", work_name), lambda: _work_history(corpus, work_name))


def _work_history(corpus: Corpus, work_name: str) -> History:
    from consolidator.applying import apply_in_order, instruction_events

    precise, instr_events = instruction_events(corpus, work_name)
    builder = _Builder(corpus, work_name, instr_events, precise)
    base = builder.build(())
    derived = apply_in_order(corpus, work_name, base, builder.build)
    return builder.build(derived) if derived else base


def build_history(corpus: Corpus, work_name: str, instr_events: list[AmendmentEvent], precise: frozenset[str],
                  derived: tuple) -> History:
    """The history given the events of instructions (``precise``: the acts whose every change to the work
    is known from their own text) and the wordings derived from them (``Witness``es with their eIds)."""
    return _Builder(corpus, work_name, instr_events, precise).build(derived)


class _Builder:
    """Everything a history is built from, read once; ``build`` recomputes only the provisions whose derived
    wordings changed since its last call (each amending act applied adds a few)."""

    def __init__(self, corpus: Corpus, work_name: str, instr_events, precise: frozenset[str]):
        self.work_name, self.precise = work_name, precise
        self.snaps = snapshots(corpus, work_name)
        self.eif = work_entry_into_force(corpus, work_name)
        events = merge(list(events_for_work(corpus, work_name)) + list(instr_events))
        acts = {s.name: corpus.act(work_name, s.source) for s in self.snaps}
        self.index = {name: _index(act) for name, act in acts.items()}
        self.aliases = _aliases(self.index)
        self.by_target = _events_by_target(events)
        self.amending = _amending_acts(events, load_acts(corpus))
        self.effective = {a.uri: eff for a, eff in self.amending}
        self.records = [_records_by_target(s) for s in self.snaps]
        self.languages = list(dict.fromkeys(s.lang for s in self.snaps))
        self._done: dict[str, tuple[tuple, ProvisionHistory, list]] = {}

    def build(self, derived: tuple) -> History:
        order = _document_order([list(ix) for ix in self.index.values()] + [[eid for eid, _w in derived]])
        derived_by_eid: dict[str, list[Witness]] = {}
        for eid, w in derived:
            derived_by_eid.setdefault(eid, []).append(w)
        history = History(self.work_name, self.eif, {}, order, [], self.snaps, self.languages)
        for eid in order:
            mine = tuple(derived_by_eid.get(eid, ()))
            done = self._done.get(eid)
            if done is None or done[0] != mine:
                unrecorded: list[UnrecordedChange] = []
                ph = _provision_history(
                    eid, _covering(eid, self.by_target, self.aliases.get(eid, ()), self.precise), self.snaps,
                    self.index, self.eif, self.amending, self.precise, list(mine), unrecorded,
                    self.aliases.get(eid, ()), _Trust(eid, self.snaps, self.amending, self.precise,
                                                      self.records, self.effective))
                done = (mine, ph, unrecorded)
                self._done[eid] = done
            history.provisions[eid] = done[1]
            history.unrecorded += done[2]
        return history


def _records_by_target(s: Snapshot) -> dict[str, list[tuple[str, str]]]:
    """A snapshot's footnote records by target eId: [(act URI, kind)]."""
    found: dict[str, list[tuple[str, str]]] = {}
    for uri, kind, target in s.records:
        found.setdefault(target, []).append((uri, kind))
    return found


def _index(act) -> dict[str, Provision]:
    return {p.eid: p for p in act.walk()}


def _document_order(seqs: list[list[str]]) -> list[str]:
    """Every eId of every source, merged in document order (the fullest source leads): an eId that only
    a shorter source has goes right after the eId it follows there. Linear time.

    >>> _document_order([["a", "b", "c"], ["a", "x", "c"]])
    ['a', 'x', 'b', 'c']
    """
    seqs = sorted((s for s in seqs if s), key=len, reverse=True)
    if not seqs:
        return []
    after: dict[str | None, list[str]] = {}
    seen = set(seqs[0])
    for seq in seqs[1:]:
        prev = None
        for eid in seq:
            if eid not in seen:
                after.setdefault(prev, []).append(eid)
                seen.add(eid)
            prev = eid
    out: list[str] = []
    stack: list[str | None] = [eid for eid in reversed(seqs[0])] + [None]
    while stack:
        eid = stack.pop()
        if eid is not None:
            out.append(eid)
        stack.extend(reversed(after.get(eid, ())))
    return out


def _aliases(index: dict[str, dict[str, Provision]]) -> dict[str, tuple[str, ...]]:
    """A range note "3) - 9)" (``point_3to9``) stands for ``point_3`` … ``point_9``, and they for it."""
    found: dict[str, set[str]] = {}
    for ix in index.values():
        for eid, p in ix.items():
            if p.covers:
                stem = eid.rsplit("_", 1)[0]
                members = {f"{stem}_{n}" for n in p.covers}
                found.setdefault(eid, set()).update(members)
                for m in members:
                    found.setdefault(m, set()).add(eid)
    return {k: tuple(sorted(v)) for k, v in found.items()}


def _events_by_target(events: list[AmendmentEvent]) -> dict[str, list[AmendmentEvent]]:
    result: dict[str, list[AmendmentEvent]] = {}
    for e in events:
        result.setdefault(e.target, []).append(e)
    return result


def _ancestors(eid: str) -> list[str]:
    parts = eid.split("__")
    return ["__".join(parts[:i]) for i in range(len(parts) - 1, 0, -1)]


def _covering(eid: str, by_target: dict[str, list[AmendmentEvent]], aliases: tuple[str, ...],
              precise: frozenset[str]) -> list[AmendmentEvent]:
    """The events that may change P: those on P (or a unit a range note stands for), and those on an
    ancestor, except a precise act's footnote on an ancestor (its instructions say exactly what changed)
    and heading changes of an ancestor."""
    found = list(by_target.get(eid, ()))
    for a in aliases:
        found += [e for e in by_target.get(a, ()) if e.kind in ("inserted", "repealed")]
    for anc in _ancestors(eid):
        for e in by_target.get(anc, ()):
            if e.kind == "heading_changed":
                continue
            if e.act.uri in precise and e.kind not in ("inserted", "repealed", "new_wording"):
                continue        # the act's own text says what changed: a change to the unit's own words only
            found.append(e)
    return found


def _is_instruction(e: AmendmentEvent) -> bool:
    return bool(e.rule) and " item " in e.rule


def _boundaries(events: list[AmendmentEvent]) -> list[Boundary]:
    grouped: dict[str, list[AmendmentEvent]] = {}
    for e in events:
        grouped.setdefault(e.act.uri, []).append(e)
    result = []
    for evs in grouped.values():
        eff = min((e.effective for e in evs), key=lambda x: (x.earliest, x.latest))
        result.append(Boundary(evs[0].act, eff, tuple(evs)))
    return sorted(result, key=lambda b: (b.effective.earliest, b.effective.latest, b.act.date))


def _amending_acts(events: list[AmendmentEvent], registry) -> list[tuple[AmendingAct, Effective]]:
    """Every act that amends the work, with its effective date, sorted (for the "nothing can hide" check)."""
    seen: dict[str, tuple[AmendingAct, Effective]] = {}
    for e in events:
        seen.setdefault(e.act.uri, (e.act, e.effective))
    return sorted(seen.values(), key=lambda x: (x[1].earliest, x[1].latest))


def _state(p: Provision | None) -> str:
    if p is None:
        return ABSENT
    return REMOVED_STATE if p.status == REMOVED else PRESENT


def _provision_history(eid, covering, snaps, index, eif, amending, precise, derived, unrecorded,
                       aliases, ctx) -> ProvisionHistory:
    bounds = _boundaries(covering)
    position = {b.act.uri: i for i, b in enumerate(bounds)}
    segments = [Segment(k, bounds[k - 1].effective if k else eif, bounds[k].effective if k < len(bounds) else None,
                        bounds[k - 1] if k else None, bounds[k] if k < len(bounds) else None)
                for k in range(len(bounds) + 1)]
    witnesses: list[list[Witness]] = [[] for _ in segments]
    for s in snaps:
        k = 1 + max((position[u] for u in s.acts if u in position), default=-1)
        p = index[s.name].get(eid)
        state = _state(p)
        if state == ABSENT and any(a in index[s.name] for a in aliases):
            state = REMOVED_STATE if any(index[s.name][a].status == REMOVED for a in aliases
                                         if a in index[s.name]) else ABSENT
        witnesses[k].append(Witness(s.name, "edition" if s.edition else "text", s.lang, s.as_of, state,
                                    Wording.of(p) if p is not None and state == PRESENT else None, s,
                                    url=s.source.url if s.source else None, edition=s.edition))
    for w in derived:
        k = 1 + max((i for i, b in enumerate(bounds) if b.effective == w.as_of and
                     any(e.act.uri in w.name for e in b.events)), default=-1)
        if k == 0:
            k = 1 + max((i for i, b in enumerate(bounds) if b.effective.earliest <= w.as_of.earliest), default=-1)
        witnesses[k].append(w)
    hist = ProvisionHistory(eid, bounds, segments)

    container = any(eid in ix and ix[eid].children for ix in index.values())

    def direct(b: Boundary | None) -> bool:
        """Does the change name the provision itself (or come from an act whose instructions we hold)? A footnote
        "Статья 1 с изменениями …" on an article with points names the article, not its own words."""
        if b is None:
            return False
        if b.act.uri in precise:
            return True
        mine = [e for e in b.events if e.target == eid or e.target in aliases]
        return any(not (container and e.kind in ("amended", "new_wording")) for e in mine)
    langs = list(dict.fromkeys(s.lang for s in snaps))
    variants = {id(w) for lang in langs for w in _copy_variants(witnesses, segments, lang, direct, eid, unrecorded)}
    for seg, found in zip(segments, witnesses, strict=True):
        ordered = sorted(found, key=lambda w: (w.when, w.kind != "instruction"))
        seg.existence = _stretches(seg, ordered, lambda w: w.state, ctx, unrecorded, None)
        for lang in langs:
            mine = [w for w in ordered if w.lang == lang and w.state == PRESENT and w.wording is not None
                    and not w.partial and id(w) not in variants]
            seg.wordings[lang] = _stretches(seg, mine, lambda w: w.wording.key, ctx, unrecorded, lang)
        partial = [w for w in ordered if w.partial]
        if partial:
            seg.wordings.setdefault("_partial", []).extend(
                Stretch(None, None, UNCERTAIN, w.wording, (w,), "partial: only some parts are known")
                for w in partial)
    _fill_existence(segments)
    for lang in langs:
        _bridge(segments, lang, direct)
    return hist


@dataclass
class _Trust:
    """Decides whether a wording seen last at a witness may be carried forward to the next change."""

    eid: str
    snaps: list[Snapshot]
    amending: list[tuple[AmendingAct, Effective]]
    precise: frozenset[str]
    records: list[dict[str, list[tuple[str, str]]]]
    effective: dict[str, Effective]
    _starts: dict[int, Effective | None] = field(default_factory=dict, repr=False)   # per snapshot, once

    def carries(self, seg: Segment, last: Witness) -> tuple[bool, str]:
        if seg.end is None:
            return True, ""
        w = last.when
        closing = seg.closed_by
        for i, (t, records) in enumerate(zip(self.snaps, self.records, strict=True)):
            if closing.act.uri not in t.acts:
                continue
            if i not in self._starts:
                self._starts[i] = self._history_start(records)
            start = self._starts[i]
            if start is None or start.latest <= w:
                return True, ""
        suspects = [a for a, eff in self.amending
                    if eff.latest > w and eff.earliest < seg.end.earliest and a.uri != closing.act.uri
                    and a.uri not in self.precise]
        if not suspects:
            return True, ""
        first = min(suspects, key=lambda a: a.date)
        return False, (f"after {last.name} ({w}), before {closing.act}: no later footnote history reaches back "
                       f"that far, and {first} took effect in between")

    def _history_start(self, records: dict[str, list[tuple[str, str]]]) -> Effective | None:
        """Where a snapshot's footnote history of the provision begins: at its earliest recorded change if that
        change is a restatement, repeal or insertion (earlier footnotes may have been dropped), else at
        the beginning (None)."""
        mine = [r for unit in (self.eid, *_ancestors(self.eid)) for r in records.get(unit, ())]
        if not mine:
            return None
        earliest = min(mine, key=lambda r: (self.effective[r[0]].earliest, r[1] not in ERASING))
        return self.effective[earliest[0]] if earliest[1] in ERASING else None


def _stretches(seg: Segment, witnesses: list[Witness], key, trust: _Trust, unrecorded: list, lang) -> list[Stretch]:
    if not witnesses:
        return [Stretch(None, None, UNKNOWN, None, (), "no source shows this stretch")]
    runs: list[list[Witness]] = []
    for w in witnesses:
        if runs and key(runs[-1][-1]) == key(w):
            runs[-1].append(w)
        else:
            runs.append([w])
    runs = _drop_variants(runs, key, unrecorded, trust.eid, lang)
    out: list[Stretch] = []
    start: date | None = None
    for i, run in enumerate(runs):
        value = run[0].state if lang is None else run[0].wording
        end = run[-1].when + timedelta(days=1)
        if seg.end is not None and end > seg.end.earliest:
            end = None
        out.append(Stretch(start, end, PROVEN, value, tuple(run)))
        if i + 1 < len(runs):
            nxt = runs[i + 1][0]
            unrecorded.append(UnrecordedChange(trust.eid, lang, run[-1], nxt))
            out.append(Stretch(end, nxt.when, UNCERTAIN, value, (run[-1], nxt),
                               f"changed between {run[-1].name} and {nxt.name}; no footnote records it"))
            start = nxt.when
        elif end is not None:
            if lang is None and seg.closed_by is not None and seg.closed_by.kinds & {"inserted", "repealed"}:
                ok, why = True, ""      # the insertion (repeal) that closes the stretch says when it began (ended)
            else:
                ok, why = trust.carries(seg, run[-1])
            out.append(Stretch(end, None, PROVEN if ok else UNCERTAIN, value, tuple(run), why))
    return out


def _copy_variants(witnesses: list[list[Witness]], segments: list[Segment], lang: str, direct, eid: str,
                   unrecorded: list) -> list[Witness]:
    """Copies (seed texts, not official editions) whose wording differs from the editions (or instructions) just
    before and just after them, when those agree and only changes to a containing unit lie between: variant
    readings of the copy ("выработывает" for "вырабатывает"), reported, not taken for changes of the law."""
    timeline = [(k, w) for k, found in enumerate(witnesses) for w in found
                if w.lang == lang and w.state == PRESENT and w.wording is not None and not w.partial]
    timeline.sort(key=lambda kw: (kw[1].when, kw[1].kind != "instruction"))
    found = []
    for i, (_k, w) in enumerate(timeline):
        if w.kind != "text":
            continue
        before = next(((kk, p) for kk, p in reversed(timeline[:i]) if p.kind != "text"), None)
        after = next(((kk, n) for kk, n in timeline[i + 1:] if n.kind != "text"), None)
        if before is None or after is None or before[1].wording.key != after[1].wording.key \
                or w.wording.key == before[1].wording.key:
            continue
        if any(direct(segments[m].opened_by) for m in range(before[0] + 1, after[0] + 1)):
            continue
        found.append(w)
        unrecorded.append(UnrecordedChange(eid, lang, before[1], w, variant=True))
    return found


def _drop_variants(runs: list[list[Witness]], key, unrecorded: list, eid: str, lang) -> list[list[Witness]]:
    """A copy that is not an official edition and reads otherwise than the editions on both sides of it
    ("отказывается" in one copy, "отказывает" in the editions before and after) is a variant reading of that
    copy, not two changes of the law: it is reported, and the editions' wording stands."""
    i = 1
    while i + 1 < len(runs):
        before, middle, after = runs[i - 1], runs[i], runs[i + 1]
        if key(before[-1]) == key(after[0]) and all(w.kind == "text" for w in middle) \
                and any(w.kind == "edition" for w in before + after):
            unrecorded.append(UnrecordedChange(eid, lang, before[-1], middle[0], variant=True))
            runs[i - 1:i + 2] = [before + after]
            continue
        i += 1
    return runs


def _fill_existence(segments: list[Segment]) -> None:
    """A segment no source shows: as the change that opens it says (an insertion, a repeal); else as
    before it, when the next thing known is the same state or a change that explains the difference (an
    insertion or repeal right after it); else uncertain.

    >>> seg = lambda k, opened=None: Segment(k, None, None, opened, None)
    >>> a, b, c = seg(0), seg(1), seg(2)
    >>> a.existence = [Stretch(None, None, PROVEN, ABSENT)]
    >>> c.existence = [Stretch(None, None, PROVEN, PRESENT)]
    >>> _fill_existence([a, b, c]); b.existence[0].status
    'uncertain'
    """
    def opened(seg: Segment) -> str | None:
        kinds = seg.opened_by.kinds if seg.opened_by else set()
        return REMOVED_STATE if "repealed" in kinds else PRESENT if "inserted" in kinds else None

    state: Stretch | None = None
    for i, seg in enumerate(segments):
        if seg.existence and seg.existence[0].status != UNKNOWN:
            state = seg.existence[-1]
            continue
        implied = opened(seg)
        if implied is not None:
            seg.existence = [Stretch(None, None, PROVEN, implied, (), "the change that opens it says so")]
            state = seg.existence[0]
            continue
        nxt = next((s for s in segments[i + 1:] if opened(s) is not None or
                    (s.existence and s.existence[0].status != UNKNOWN)), None)
        explained = nxt is not None and opened(nxt) is not None
        if state is None:
            value = ABSENT if (nxt is None or explained or nxt.existence[0].value == ABSENT) else nxt.existence[0].value
            status = PROVEN if value == ABSENT else UNCERTAIN
            seg.existence = [Stretch(None, None, status, value, (), "not yet in any source")]
        elif nxt is None or explained or nxt.existence[0].value == state.value:
            seg.existence = [Stretch(None, None, state.status, state.value, (), "as before, and nothing says otherwise")]
        else:
            seg.existence = [Stretch(None, None, UNCERTAIN, state.value, (), "no source shows this stretch")]
        state = seg.existence[-1]


def _bridge(segments: list[Segment], lang: str, direct) -> None:
    """A wording seen before and after changes recorded only for a containing unit ("Статья 7 с
    изменениями …") was not changed by them: two editions agree, and no record names the provision itself.
    The segments in between get that wording as proven."""
    n = len(segments)
    i = 0
    while i < n:
        left_list = segments[i].wordings.get(lang) or []
        if not left_list or left_list[-1].value is None:
            i += 1
            continue
        j = i + 1
        while j < n and not any(st.value is not None for st in segments[j].wordings.get(lang) or []):
            j += 1
        if j >= n:
            return
        left = left_list[-1]
        right = next(st for st in segments[j].wordings[lang] if st.value is not None)
        coarse = all(not direct(segments[m].opened_by) for m in range(i + 1, j + 1))
        if coarse and right.status == PROVEN and left.value.key == right.value.key:
            why = ("unchanged: the sources before and after agree, and the changes recorded in between name only "
                   "a unit that contains it")
            if left.status != PROVEN:
                left_list[-1] = Stretch(left.start, left.end, PROVEN, left.value, left.witnesses + right.witnesses, why)
            for m in range(i + 1, j):
                segments[m].wordings[lang] = [Stretch(None, None, PROVEN, left.value,
                                                      left.witnesses + right.witnesses, why)]
        i = j
