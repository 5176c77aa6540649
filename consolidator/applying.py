"""Applying an amending act's instructions to the wording valid just before it takes effect (DESIGN §4).

The result is the next wording of each provision the act touches, a ``DerivedWording`` valid from
the act's effective date until the next event on that provision. It fills gaps that no source text
covers: the Russian wording of Art. 16 p. 1 of Law 88-V between 484-V and 272-VI is known only
from 484-V's own instruction, and no footnote records that 484-V changed it at all::

    >>> app = apply_act(CORPUS, "484-V", "law-88-V")                          # doctest: +SKIP
    >>> w = app.wording("chp_3__art_16__para_1")                              # doctest: +SKIP
    >>> w.lang, w.source, w.partial, str(w.interval.end_event.act)            # doctest: +SKIP
    ('rus', '484-V item 8, 2)', False, 'Law 272-VI of 2019-11-25')

What is derived, and how honestly:
- an instruction that replaces or inserts a whole provision yields its complete wording (the new
  text parsed with the project's parser, eIds under the provision's place in the work);
- one that replaces or inserts a part ("часть третья") of a provision, or substitutes words, yields
  a complete wording only when the pre-act wording in the act's language is in the corpus;
  otherwise the wording is ``partial``: only the part the act gives is shown, nothing invented;
- each instruction is also an ``AmendmentEvent`` (derived), so that the texts that do not include
  the act stop being valid where it changed them, even if no footnote says so.

``check`` compares each derived wording with any source text of the same language that is valid
afterwards, word by word, and lists the later events that explain a difference.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import akn_schema
from akn_schema.model import Act, Provision
from consolidator.acts import AmendingAct, load_acts
from consolidator.diff import word_diff
from consolidator.effective import Effective, effective_date
from consolidator.events import AmendmentEvent, events_for_work, merge
from consolidator.instructions import (
    DELETE_WORDS,
    INSERT,
    REPEAL,
    REPLACE,
    SUBSTITUTE,
    Instruction,
    InstructionError,
    amending_text,
    instructions_for,
)
from consolidator.timeline import WordingInterval, snapshots, wording_interval, work_entry_into_force
from consolidator.works import corpus_acts, corpus_work

# the kind of event each instruction is (DESIGN §3), by action and by whether it addresses a part
EVENT_KIND = {(REPLACE, False): "new_wording", (REPLACE, True): "amended", (INSERT, False): "inserted",
              (INSERT, True): "amended", (REPEAL, False): "repealed", (SUBSTITUTE, False): "amended",
              (DELETE_WORDS, False): "amended", (SUBSTITUTE, True): "amended", (DELETE_WORDS, True): "amended"}


@dataclass(frozen=True)
class DerivedWording:
    """The wording of provision ``eid`` in ``lang`` that an amending act's instruction yields.

    ``partial``: only some of its parts are known (``text`` holds those); ``note`` says which.
    """

    eid: str
    lang: str
    num: str | None
    heading: str | None
    label: str | None
    text: tuple[str, ...]
    wrap_up: tuple[str, ...]
    interval: WordingInterval
    source: str
    partial: bool = False
    note: str = ""
    parts: tuple[int, ...] = ()     # partial: the ordinals of the parts ``text`` holds
    subtree: bool = False           # the whole provision was given: a descendant it lacks does not exist

    def valid_on(self, when: date) -> bool:
        return self.interval.valid_on(when)

    def plain(self) -> str:
        return " ".join(x for x in [self.heading or "", *self.text, *self.wrap_up] if x)

    def as_json(self) -> dict:
        iv = self.interval
        return {"eId": self.eid, "lang": self.lang, "num": self.num, "heading": self.heading,
                "text": "\n".join(self.text + self.wrap_up), "source": self.source, "partial": self.partial,
                "note": self.note or None, "from": iv.start.as_json(), "to": iv.end.as_json() if iv.end else None,
                "until_event": f"{iv.end_event.kind} by {iv.end_event.act}" if iv.end_event else None}


@dataclass(frozen=True)
class Check:
    """A derived wording against a source text valid afterwards (same language), word by word."""

    eid: str
    lang: str
    derived: str | None             # None: the later text has a provision the act did not give
    later: str | None               # None: the later text no longer has it
    ops: tuple[tuple[int, str], ...]
    later_events: tuple[str, ...]   # events between the act and the later text that cover the eId

    @property
    def equal(self) -> bool:
        return self.derived is not None and self.derived == self.later

    @property
    def explained(self) -> bool:
        """Equal, or different only where a later event on the provision may have changed it."""
        return self.equal or bool(self.later_events)

    def as_json(self) -> dict:
        return {"eId": self.eid, "lang": self.lang, "equal": self.equal, "explained": self.explained,
                "later_events": list(self.later_events), "ops": [list(o) for o in self.ops]}


@dataclass
class Application:
    """An amending act applied to one work: its instructions, events, derived wordings and checks."""

    act: AmendingAct
    work: str
    source: str                     # "484-V item 8"
    effective: Effective
    instructions: list[Instruction]
    events: list[AmendmentEvent]
    wordings: list[DerivedWording]
    notes: list[str] = field(default_factory=list)

    def wording(self, eid: str) -> DerivedWording | None:
        return next((w for w in self.wordings if w.eid == eid), None)

    def as_json(self) -> dict:
        return {"act": str(self.act), "work": self.work, "source": self.source, "effective": self.effective.as_json(),
                "instructions": [i.as_json() for i in self.instructions],
                "events": [e.as_json() for e in self.events],
                "wordings": [w.as_json() for w in self.wordings], "notes": self.notes}


@lru_cache(maxsize=16)
def apply_act(corpus_dir: Path, number: str, work_name: str) -> Application:
    """Apply the instructions of amending act ``number`` addressed to ``work_name`` (module docstring)."""
    corpus_dir = Path(corpus_dir).resolve()
    text = amending_text(corpus_dir, number)
    amends = text.amends_work(work_name)
    effective = effective_date(amends.rule, text.act, load_acts(corpus_dir).allowance)
    instructions = instructions_for(corpus_dir, number, work_name)
    ctx = _Context(corpus_dir, work_name, text.lang, effective)
    source = f"{number} item {instructions[0].item}" if instructions else number
    events, pending, notes = [], [], []
    for ins in instructions:
        evs, wordings, note = _apply(ins, ctx, text.act, effective)
        events += evs
        pending += wordings
        notes += [note] if note else []
    all_events = merge(list(events_for_work(corpus_dir, work_name)) + events)
    wordings = [replace(w, interval=_interval(w.eid, w.lang, ev, effective, all_events)) for w, ev in pending]
    return Application(text.act, work_name, source, effective, instructions, merge(events), wordings, notes)


def _interval(eid: str, lang: str, event: AmendmentEvent, effective: Effective,
              events: list[AmendmentEvent]) -> WordingInterval:
    """From the act's effective date until the next event of another act on the provision."""
    later = [e for e in events if e.covers(eid) and e.act.uri != event.act.uri
             and e.effective.earliest >= effective.earliest]
    end = min(later, key=lambda e: (e.effective.earliest, e.effective.latest), default=None)
    return WordingInterval(eid, lang, effective, end.effective if end else None, event, end)


@dataclass
class _Context:
    """The work as it stood just before the act: its texts, snapshots and footnote events."""

    corpus_dir: Path
    work: str
    lang: str
    effective: Effective

    def __post_init__(self) -> None:
        self.acts: dict[str, Act] = corpus_acts(self.corpus_dir, self.work)
        self.doctype = corpus_work(self.corpus_dir, self.work).doctype
        self.snaps = snapshots(self.corpus_dir, self.work)
        self.events = events_for_work(self.corpus_dir, self.work)
        self.eif = work_entry_into_force(self.corpus_dir, self.work)
        self.before = self.effective.earliest - timedelta(days=1)
        self.order = [self.lang] + [lang for lang in self.acts if lang != self.lang]

    def find(self, path) -> str | None:
        """The eId of a path such as (("article", "16"), ("paragraph", "1")), in any text of the work."""
        for lang in self.order:
            found = self.acts[lang].find(list(path))
            if found is not None:
                return found.eid
        return None

    def wording_before(self, eid: str, lang: str) -> Provision | None:
        """The ``lang`` text's provision if its wording is valid the day before the act takes effect."""
        act, snap = self.acts.get(lang), self.snaps.get(lang)
        if act is None or snap is None:
            return None
        prov = act.get(eid)
        if prov is None:
            return None
        covering = [e for e in self.events if e.covers(eid)]
        return prov if wording_interval(snap, eid, covering, self.eif).valid_on(self.before) else None


def _apply(ins: Instruction, ctx: _Context, act: AmendingAct, effective: Effective):
    """One instruction → (events, [(DerivedWording without interval, its event)], note)."""
    where = ins.source.rsplit(":", 1)
    kind = EVENT_KIND[(ins.action, ins.part is not None)]

    def event(target: str, k: str = kind) -> AmendmentEvent:
        return AmendmentEvent(act=act, kind=k, target=target, effective=effective, sources=(ins.source,),
                              rule=f"{ins.label}: {ins.line_text}")

    if ins.action == INSERT and ins.part is None:
        parent = _container(ins, ctx, where)
        provs = _parse_new(ins, ctx, parent, where)
        ev = event(provs[0].eid)
        return [ev], [(_whole(p, ins, ctx.lang), ev) for p in provs], ""
    eid = ctx.find(ins.target)
    if eid is None:
        raise InstructionError(where[0], int(where[1]), f"{ins.describe()}: no text of {ctx.work} has that provision")
    ev = event(eid)
    if ins.action == REPEAL:
        return [ev], [], ""
    if ins.action == REPLACE and ins.part is None:
        parent = eid.rsplit("__", 1)[0] if "__" in eid else ""
        provs = _parse_new(ins, ctx, parent, where)
        if provs[0].eid != eid:
            raise InstructionError(where[0], int(where[1]), f"the new wording is {provs[0].eid}, not {eid}")
        new_eids = {p.eid for p in provs}
        gone = sorted({d.eid for lang in ctx.order if (old := ctx.wording_before(eid, lang))
                       for d in old.walk() if d.eid not in new_eids})
        evs = [ev] + [event(g, "repealed") for g in gone]      # replaced as a whole: the rest is gone
        return evs, [(_whole(p, ins, ctx.lang), ev) for p in provs], ""
    before = ctx.wording_before(eid, ctx.lang)
    if ins.part is not None:
        return [ev], [(_with_part(ins, eid, before, ctx), ev)], ""
    # substitute / delete words: only on a known wording in the act's language
    if before is None:
        return [ev], [], (f"{ins.label}: the {ctx.lang} wording of {eid} before {act.number} is not in the "
                          "corpus, so the words cannot be substituted")
    result = []
    for p in before.walk():
        new = [t.replace(ins.old_words, ins.new_text) for t in p.text]
        wrap = [t.replace(ins.old_words, ins.new_text) for t in p.wrap_up]
        result.append((DerivedWording(p.eid, ctx.lang, p.num, p.heading, p.label, tuple(new), tuple(wrap),
                                      None, ins.label), ev))
    if not any(ins.old_words in t for p in before.walk() for t in p.text + p.wrap_up):
        raise InstructionError(where[0], int(where[1]), f"the words {ins.old_words!r} are not in {eid}")
    return [ev], result, ""


def _whole(p: Provision, ins: Instruction, lang: str) -> DerivedWording:
    return DerivedWording(p.eid, lang, p.num, p.heading, p.label, tuple(p.text), tuple(p.wrap_up), None, ins.label,
                          subtree=True)


def _with_part(ins: Instruction, eid: str, before: Provision | None, ctx: _Context) -> DerivedWording:
    """Part N replaced or inserted: complete if the pre-act wording in the act's language is known,
    else partial (only part N), with what the other languages' pre-act wordings say."""
    n = ins.part
    if before is not None and (len(before.text) >= n if ins.action == REPLACE else len(before.text) >= n - 1):
        parts = list(before.text)
        if ins.action == REPLACE:
            parts[n - 1] = ins.new_text
        else:
            parts.insert(n - 1, ins.new_text)
        return DerivedWording(eid, ctx.lang, before.num, before.heading, before.label, tuple(parts),
                              tuple(before.wrap_up), None, ins.label)
    others = [f"the {lang} wording valid then has {len(p.text)} part(s)" for lang in ctx.order[1:]
              if (p := ctx.wording_before(eid, lang)) is not None]
    verb = "replaced" if ins.action == REPLACE else "inserted"
    note = (f"partial: only part {n}, {verb} by {ins.label}, is known; the {ctx.lang} wording of the other "
            f"parts valid before {ins.act} is not in the corpus" + (f" ({'; '.join(others)})" if others else ""))
    num = next((p.num for lang in ctx.order if (p := ctx.acts[lang].get(eid)) is not None), None)
    return DerivedWording(eid, ctx.lang, num, None, None, (ins.new_text,), (), None, ins.label, True, note, (n,))


def _container(ins: Instruction, ctx: _Context, where) -> str:
    """Where a new unit goes: inside its parent ("статью 53 дополнить пунктом 6") or, for a unit of
    the act itself ("дополнить статьей 19-1"), beside the unit it follows (19 → chp_4)."""
    if len(ins.target) > 1:
        parent = ctx.find(ins.target[:-1])
        if parent is None:
            raise InstructionError(where[0], int(where[1]), f"{ins.describe()}: the parent is not in any text")
        return parent
    kind, num = ins.target[0]
    stem, _, last = num.rpartition("-")
    prev = (stem if last == "1" else f"{stem}-{int(last) - 1}") if stem else str(int(num) - 1)
    eid = ctx.find([(kind, prev)])
    if eid is None:
        raise InstructionError(where[0], int(where[1]), f"{ins.describe()}: {kind} {prev}, which it follows, "
                               "is in no text")
    return eid.rsplit("__", 1)[0] if "__" in eid else ""


def _parse_new(ins: Instruction, ctx: _Context, parent: str, where) -> list[Provision]:
    """The new wording, parsed like any text of the corpus, its eIds placed under ``parent``."""
    act = akn_schema.parse_text(ins.new_text, lang=ctx.lang, doctype=ctx.doctype, path=ins.source,
                                work=ctx.work, strict=True)
    if len(act.body) != 1 or act.preamble or act.conclusions:
        raise InstructionError(where[0], int(where[1]), "the new wording is not exactly one provision")
    prefix = f"{parent}__" if parent else ""
    provs = [replace(p, eid=prefix + p.eid, children=[]) for p in act.body[0].walk()]
    top = provs[0]
    kind, num = ins.target[-1]
    if (top.kind, top.number) != (kind, num):
        raise InstructionError(where[0], int(where[1]), f"the new wording is {top.kind} {top.number}, "
                               f"but the instruction names {kind} {num}")
    return provs


# ── The derived events and wordings of every amending act in the corpus, for one work ─────────────

@lru_cache(maxsize=16)
def applications(corpus_dir: Path, work_name: str) -> tuple[Application, ...]:
    """Every amending act with a text in the corpus that amends ``work_name``, applied."""
    corpus_dir = Path(corpus_dir).resolve()
    found = []
    for act in load_acts(corpus_dir).acts:
        if act.text and any(a.work == work_name for a in amending_text(corpus_dir, act.number).amends):
            found.append(apply_act(corpus_dir, act.number, work_name))
    return tuple(found)


def derived_events(corpus_dir: Path, work_name: str) -> list[AmendmentEvent]:
    return [e for app in applications(Path(corpus_dir).resolve(), work_name) for e in app.events]


def derived_wordings(corpus_dir: Path, work_name: str) -> dict[str, list[DerivedWording]]:
    """eId → the wordings derived for it from amending acts' instructions."""
    result: dict[str, list[DerivedWording]] = {}
    for app in applications(Path(corpus_dir).resolve(), work_name):
        for w in app.wordings:
            result.setdefault(w.eid, []).append(w)
    return result


def absent_under_derived(eid: str, derived: dict[str, list[DerivedWording]], when: date) -> bool:
    """Is ``eid`` inside a provision whose whole wording on ``when`` is derived, and not in it? (Point 6)
    of Art. 19-1 p. 2, added by 96-VII, does not exist while 484-V's wording of the article is valid.)"""
    if eid in derived:
        return False
    parts = eid.split("__")
    ancestors = ("__".join(parts[:i]) for i in range(len(parts) - 1, 0, -1))
    return any(d.subtree and d.valid_on(when) for a in ancestors for d in derived.get(a, ()))


def check(corpus_dir: Path, app: Application) -> list[Check]:
    """Each derived wording against every source text of its language that includes the act (valid
    afterwards), per eId; eIds under a derived provision that only the later text has are listed too."""
    corpus_dir = Path(corpus_dir).resolve()
    acts = corpus_acts(corpus_dir, app.work)
    snaps = snapshots(corpus_dir, app.work)
    events = merge(list(events_for_work(corpus_dir, app.work)) + app.events)
    out = []
    for lang, snap in snaps.items():
        if app.act.uri not in snap.acts:
            continue
        mine = [w for w in app.wordings if w.lang == lang]
        seen = {w.eid for w in mine}
        for w in mine:
            later = acts[lang].get(w.eid)
            out.append(_check(w.eid, lang, w, later, events, snap, app))
            for d in (later.walk() if later and not w.partial else []):
                if d.eid not in seen:
                    seen.add(d.eid)
                    out.append(_check(d.eid, lang, None, d, events, snap, app))
    return out


def _check(eid, lang, w: DerivedWording | None, later: Provision | None, events, snap, app) -> Check:
    if w is not None and w.partial:                 # the known part against the same part later
        known = " ".join(w.text)
        n = w.parts[0]
        later_text = (later.text[n - 1] if len(later.text) >= n else " ".join(later.text)) if later else None
    else:
        known = w.plain() if w else None
        later_text = " ".join(x for x in [later.heading or "", *later.text, *later.wrap_up] if x) if later else None
    between = tuple(f"{e.kind} by {e.act}, in effect {e.effective}" for e in events
                    if e.covers(eid) and e.act.uri != app.act.uri and e.act.uri in snap.acts
                    and e.effective.earliest >= app.effective.earliest)
    ops = tuple(word_diff(known or "", later_text or ""))
    return Check(eid, lang, known, later_text, ops, between)
