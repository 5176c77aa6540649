"""Applying an amending act's instructions, in each language, to the wording valid just before it takes
effect, and checking the result against the official edition after it (DESIGN §4).

The result is the next wording of each provision the act touches (a ``DerivedWording``). It fills gaps
that no source text covers, and each instruction is also an ``AmendmentEvent``: the act's footnote says
only "Статья 5 с изменениями …"; its instructions say exactly which points changed, so a wording of the
other points stays proven across it.

    >>> app = apply_act(CORPUS, "272-VI", "law-88-V", "kaz")                    # doctest: +SKIP
    >>> app.wording("chp_4__art_22").wording.heading                            # doctest: +SKIP
    'Мемлекеттік қызметтер көрсету процестерін оңтайландыру'

How honestly:
- an instruction that replaces or inserts a whole provision yields its complete wording (the new text
  parsed with the project's parser, eIds under the provision's place in the work);
- one that replaces or inserts a paragraph of a provision's own text ("часть третья", "бірінші абзац"),
  its heading, or changes words, yields a wording only when the wording before the act is proven in the
  act's language; otherwise it is ``partial`` (only the part the act gives), or not derived at all, and
  the application says why (``notes``);
- ``checks`` compare each derived wording, word by word, with the first official edition in that language
  that includes the act, where no later change to the provision lies between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import akn_schema
from akn_schema.corpus import Corpus, as_corpus
from akn_schema.model import Provision
from consolidator.acts import AmendingAct, load_acts
from consolidator.amending import AmendingText, InstructionError, amending_texts, item_for
from consolidator.effective import Effective, effective_date
from consolidator.entry import entry_into_force
from consolidator.events import AmendmentEvent, merge
from consolidator.grammar import registry
from consolidator.history import (
    ABSENT,
    PRESENT,
    PROVEN,
    REMOVED_STATE,
    History,
    Witness,
)
from consolidator.instructions import (
    INSERT,
    NO_CHANGE,
    REPEAL,
    REPLACE,
    TEXT_UNITS,
    Instruction,
    instructions_for,
)
from consolidator.sources import snapshots
from consolidator.wording import Wording
from consolidator.words import change_words, words_pattern

if TYPE_CHECKING:
    from consolidator.checking import Check

_PREFIX = {"chapter": "chp", "subchapter": "subchp", "article": "art", "paragraph": "para", "point": "point"}


@dataclass(frozen=True)
class DerivedWording:
    """The state and wording of provision ``eid`` in ``lang`` that an instruction yields.

    ``partial``: only some of its parts are known (``wording`` holds those); ``note`` says which.
    """

    eid: str
    lang: str
    state: str
    wording: Wording | None
    instruction: Instruction
    effective: Effective
    partial: bool = False
    note: str = ""

    @property
    def source(self) -> str:
        return self.instruction.label

    def witness(self) -> Witness:
        return Witness(self.instruction.label, "instruction", self.lang, self.effective, self.state, self.wording,
                       None, partial=self.partial)

    def plain(self) -> str:
        return self.wording.plain() if self.wording else ""

    def as_json(self) -> dict:
        w = self.wording
        return {"eId": self.eid, "lang": self.lang, "state": self.state, "source": self.source,
                "partial": self.partial, "note": self.note or None, "num": w.num if w else None,
                "heading": w.heading if w else None, "text": "\n".join((w.text + w.wrap_up) if w else ()),
                "effective": self.effective.as_json()}


@dataclass
class Application:
    """An amending act applied to one work in one language: instructions, events, wordings, checks."""

    act: AmendingAct
    work: str
    lang: str
    source: str                     # "272-VI item 31"
    effective: Effective
    instructions: list[Instruction]
    events: list[AmendmentEvent]
    wordings: list[DerivedWording]
    notes: list[str] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)      # instruction seq → why it could not be applied

    def wording(self, eid: str) -> DerivedWording | None:
        return next((w for w in self.wordings if w.eid == eid), None)

    @property
    def agreement(self) -> float | None:
        """Share of the checked instructions whose result equals the edition word for word."""
        checked = [c for c in self.checks if c.verdict in ("equal", "differs")]
        return sum(c.equal for c in checked) / len(checked) if checked else None

    def as_json(self) -> dict:
        return {"act": str(self.act), "work": self.work, "lang": self.lang, "source": self.source,
                "effective": self.effective.as_json(), "instructions": [i.as_json() for i in self.instructions],
                "events": [e.as_json() for e in self.events], "wordings": [w.as_json() for w in self.wordings],
                "notes": self.notes, "checks": [c.as_json() for c in self.checks],
                "agreement": None if self.agreement is None else round(self.agreement, 4)}


# ── which acts, which texts ────────────────────────────────────────────────────────────────────

def _texts_for(corpus: Corpus, work_name: str, applicable: bool = True) -> list[AmendingText]:
    """Every amending-act text in the corpus with an [[amends]] entry for the work in its language (with
    ``applicable``, only those in a language whose instruction grammar exists: one that has none does not
    stop the others; ``zanlex check`` reports it)."""
    found = []
    for act in load_acts(corpus).acts:
        if not act.text:
            continue
        for lang, text in amending_texts(corpus, act.number).items():
            addressed = any(a.work == work_name and a.lang == lang for a in text.amends)
            if addressed and (not applicable or registry(lang).instructions is not None):
                found.append(text)
    return found


def _effectives(corpus: Corpus, text: AmendingText, work_name: str) -> dict[str, Effective]:
    """Each instruction's effective date (by instruction number; "" for the rest of the item)."""
    key = ("consolidator", "eif", text.act.number, text.lang, work_name)

    def compute() -> dict[str, Effective]:
        item = item_for(text, corpus.work(work_name), work_name)
        rules = entry_into_force(text, item, text.amends_work(work_name).rule)
        allowance = load_acts(corpus).allowance
        return {num: effective_date(rule, text.act, allowance) for num, rule in rules.items()}
    return corpus.cached(key, compute)


def _effective(effs: dict[str, Effective], ins: Instruction) -> Effective:
    return effs.get(ins.num, effs[""])


# ── targets → eIds ─────────────────────────────────────────────────────────────────────────────

@dataclass
class _Structure:
    """The work's provisions as the snapshots give them, to find what an instruction names."""

    acts: list                      # parsed Acts, the preferred ones first
    index: dict[str, Provision]

    @classmethod
    def before(cls, corpus: Corpus, work_name: str, lang: str, when: date) -> _Structure:
        snaps = snapshots(corpus, work_name)
        # the texts nearest the act in time first (before it, then after it), its own language first
        ranked = sorted(snaps, key=lambda s: (s.as_of.earliest >= when, abs((s.as_of.earliest - when).days),
                                              s.lang != lang))
        acts = [corpus.act(work_name, s.source) for s in ranked]
        index: dict[str, Provision] = {}
        for act in reversed(acts):
            index.update({p.eid: p for p in act.walk()})
        return cls(acts, index)

    def find(self, steps: list[tuple[str, str]], where) -> str | None:
        """The eId of a structural path (article / paragraph / part / point); a "part N" step before a
        point picks the N-th list of the paragraph ("подпункт 1) части второй пункта 2")."""
        occurrence = {}
        plain = []
        for kind, num in steps:
            if kind == "part":
                occurrence[len(plain)] = int(num)
            else:
                plain.append((kind, num))
        if not plain:
            return None
        for act in self.acts:
            found = act.find(plain)
            if found is None:
                continue
            eid = found.eid
            k = occurrence.get(len(plain) - 1)
            if k and k > 1:
                alt = f"{eid}_{k}"
                if alt in self.index:
                    return alt
                if not any(e.startswith(eid + "_") and e[len(eid) + 1:].isdigit() for e in self.index):
                    return eid                  # the numbering does not restart: the point is unique
                raise InstructionError(*where, f"no list {k} of points in {eid.rsplit('__', 1)[0]}")
            return eid
        return None

    def article_container(self, num: str) -> str:
        """Where a new article goes: beside the article before it ("21-1" → the chapter of 21)."""
        stem, _, last = num.rpartition("-")
        prev = (stem if last == "1" else f"{stem}-{int(last) - 1}") if stem else str(int(num) - 1)
        eid = self.find([("article", prev)], ("", 0))
        if eid is None:
            return ""
        return eid.rsplit("__", 1)[0] if "__" in eid else ""


def _split_target(path) -> tuple[list, list, bool]:
    """(structural steps, own-text steps (part / abzac), heading?) of an instruction's path."""
    steps, text_steps, heading = list(path), [], False
    if steps and steps[-1][0] == "heading":
        heading = True
        steps.pop()
    while steps and steps[-1][0] in TEXT_UNITS:
        text_steps.insert(0, steps.pop())
    return steps, text_steps, heading


# ── instruction events (for the history's boundaries) ─────────────────────────────────────────

EVENT_KIND = {REPLACE: "new_wording", INSERT: "inserted", REPEAL: "repealed"}


def instruction_events(corpus: Corpus | Path, work_name: str) -> tuple[frozenset[str], list[AmendmentEvent]]:
    """The acts whose every change to the work is known from their own text, and the events their
    instructions are (in every language the corpus holds; the same change in two languages is one event)."""
    corpus = as_corpus(corpus)

    def compute():
        events, precise = [], set()
        for text in _texts_for(corpus, work_name):
            precise.add(text.act.uri)
            effs = _effectives(corpus, text, work_name)
            structure = _Structure.before(corpus, work_name, text.lang, effs[""].earliest)
            for ins in instructions_for(corpus, text.act.number, work_name, text.lang):
                for target, kind in _event_targets(ins, structure):
                    events.append(AmendmentEvent(text.act, kind, target, _effective(effs, ins), (ins.source,),
                                                 rule=f"{ins.label}: {ins.line_text}"))
        return frozenset(precise), merge(events)
    return corpus.cached(("consolidator", "instruction_events", work_name), compute)


def _event_targets(ins: Instruction, structure: _Structure) -> list[tuple[str, str]]:
    where = tuple(ins.source.rsplit(":", 1))
    where = (where[0], int(where[1]))
    if ins.action == NO_CHANGE:
        return []
    if _throughout(ins):
        return [(eid, "amended") for eid in _having_words(ins, structure)]
    out = []
    for path in ins.targets:
        steps, text_steps, heading = _split_target(path)
        if ins.action == INSERT:
            container = _container_eid(ins, structure, where)
            if ins.inserts[0][0] in TEXT_UNITS:
                out.append((container, "amended"))
            else:
                out += [(_child_eid(container, kind, num), "inserted") for kind, num in ins.inserts]
            continue
        eid = structure.find(steps, where)
        if eid is None:
            raise InstructionError(*where, f"{ins.describe()}: no text of the work has that provision")
        if heading:
            out.append((eid, "heading_changed"))
        elif text_steps or ins.action not in EVENT_KIND:
            out.append((eid, "amended"))
        else:
            out.append((eid, EVENT_KIND[ins.action]))
    return out


def _throughout(ins: Instruction) -> bool:
    """"по всему тексту" / "бүкіл мәтін бойынша": the words change wherever the act has them."""
    return ins.target == (("document", ""),)


def _having_words(ins: Instruction, structure: _Structure) -> list[str]:
    """The provisions whose heading or own words hold any of the instruction's words (in the structure's text)."""
    words = ins.old_words or ((ins.anchor,) if ins.anchor else ())
    patterns = [re.compile(words_pattern(w), re.IGNORECASE) for w in words]
    found = []
    for eid, p in structure.index.items():
        own = "\n".join([p.heading or "", *p.text, *p.wrap_up])
        if any(pat.search(own) for pat in patterns):
            found.append(eid)
    return found


def _container_eid(ins: Instruction, structure: _Structure, where) -> str:
    steps, _text_steps, _ = _split_target(ins.target)
    if not [s for s in steps if s[0] != "part"]:
        kind, num = ins.inserts[0]
        if kind == "article":
            return structure.article_container(num)
        if kind in TEXT_UNITS:
            raise InstructionError(*where, f"{ins.describe()}: a paragraph of what?")
        return ""
    eid = structure.find(steps, where)
    if eid is None:
        raise InstructionError(*where, f"{ins.describe()}: the provision it adds to is in no text of the work")
    return eid


def _child_eid(container: str, kind: str, num: str) -> str:
    return f"{container}__{_PREFIX[kind]}_{num}" if container else f"{_PREFIX[kind]}_{num}"


# ── applying ──────────────────────────────────────────────────────────────────────────────────

def apply_in_order(corpus: Corpus, work_name: str, base: History, rebuild) -> tuple:
    """Every amending act with a text in the corpus, applied in order of effect, each to the history that
    the ones before it left; returns the derived witnesses as (eId, ``Witness``)."""
    texts = sorted(_texts_for(corpus, work_name), key=lambda t: (_effectives(corpus, t, work_name)[""].earliest,
                                                                 t.act.date, t.lang))
    history, derived = base, []
    for act_uri in dict.fromkeys(t.act.uri for t in texts):
        for text in (t for t in texts if t.act.uri == act_uri):
            app = _application(corpus, work_name, text, history)
            derived += [(w.eid, w.witness()) for w in app.wordings]
        history = rebuild(tuple(derived))
    return tuple(derived)


def apply_act(corpus: Corpus | Path, number: str, work_name: str, lang: str | None = None) -> Application:
    """Apply the instructions of amending act ``number`` addressed to ``work_name`` in ``lang`` (default:
    the act's first text) to the wording valid just before them, and check the result (module docstring)."""
    from consolidator.history import work_history

    corpus = as_corpus(corpus)
    texts = amending_texts(corpus, number)
    if lang is None:
        lang = next(iter(texts))
    if lang not in texts:
        raise InstructionError(texts[next(iter(texts))].name, 0,
                               f"{number} has no {lang} text in the corpus (it has: {', '.join(texts)})")
    text = texts[lang]
    text.amends_work(work_name)
    history = work_history(corpus, work_name)
    app = _application(corpus, work_name, text, history)
    from consolidator.checking import check

    app.checks = check(corpus, app, history)
    return app


def _application(corpus: Corpus, work_name: str, text: AmendingText, history: History) -> Application:
    effs = _effectives(corpus, text, work_name)
    instructions = instructions_for(corpus, text.act.number, work_name, text.lang)
    structure = _Structure.before(corpus, work_name, text.lang, effs[""].earliest)
    doctype = corpus.work(work_name).doctype
    events, wordings, notes = [], [], []
    failed: dict[int, str] = {}
    current: dict[str, DerivedWording] = {}        # what earlier instructions of the act already made
    for ins in instructions:
        eff = _effective(effs, ins)
        where = tuple(ins.source.rsplit(":", 1))
        where = (where[0], int(where[1]))
        for target, kind in _event_targets(ins, structure):
            events.append(AmendmentEvent(text.act, kind, target, eff, (ins.source,), rule=f"{ins.label}: {ins.line_text}"))
        made, note = _apply_one(ins, structure, history, current, text.lang, doctype, eff, where, text.act.uri)
        for d in made:
            current[d.eid] = d
        if note:
            notes.append(note)
            failed[ins.seq] = note
    wordings = list(current.values())
    source = f"{text.act.number} item {instructions[0].item}" if instructions else text.act.number
    return Application(text.act, work_name, text.lang, source, effs[""], instructions, merge(events), wordings, notes,
                       failed=failed)


def wording_before(history: History, eid: str, lang: str, act_uri: str) -> Wording | None:
    """The wording of ``eid`` in ``lang`` proven just before the act changes it (None if not proven)."""
    ph = history.of(eid)
    if ph is None:
        return None
    i = next((k for k, b in enumerate(ph.boundaries) if b.act.uri == act_uri), None)
    seg = ph.segments[i] if i is not None else ph.segments[-1]
    stretches = [s for s in seg.wordings.get(lang, []) if s.value is not None]
    if not stretches or stretches[-1].status != PROVEN:
        return None
    existence = seg.existence[-1] if seg.existence else None
    if existence is not None and existence.value != PRESENT:
        return None
    return stretches[-1].value


def _apply_one(ins: Instruction, structure: _Structure, history: History, current: dict, lang: str, doctype: str,
               eff: Effective, where, act_uri: str) -> tuple[list[DerivedWording], str]:
    """One instruction → the derived wordings it yields, and a note when it cannot be applied in full."""
    if ins.action == NO_CHANGE:
        return [], ""

    def before(eid: str) -> Wording | None:
        if eid in current:                 # an earlier instruction of the same act changed it already
            d = current[eid]
            return None if d.partial or d.wording is None else d.wording
        return wording_before(history, eid, lang, act_uri)

    def made(eid, wording, state=PRESENT, partial=False, note=""):
        return DerivedWording(eid, lang, state, wording, ins, eff, partial, note)

    if _throughout(ins):
        results, notes = [], []
        for eid in _having_words(ins, structure):
            pre = before(eid)
            if pre is None:
                notes.append(f"{ins.label}: the {lang} wording of {eid} before the act is not proven")
                continue
            heading, _ = change_words(ins, pre.heading or "", some=True) if pre.heading else (pre.heading, None)
            body, _ = change_words(ins, "\n".join(pre.text + pre.wrap_up), some=True)
            lines = body.split("\n")
            results.append(made(eid, replace(pre, heading=heading, text=tuple(lines[:len(pre.text)]),
                                             wrap_up=tuple(lines[len(pre.text):]))))
        return results, "; ".join(notes)
    if ins.action == INSERT:
        container = _container_eid(ins, structure, where)
        if ins.inserts[0][0] in TEXT_UNITS:
            pre = before(container)
            n = int(ins.inserts[0][1])
            if pre is None or len(pre.text) < n - 1:
                return [made(container, Wording(None, None, None, (ins.new_text,), ()), partial=True,
                             note=f"only the new paragraph {n} is known")], \
                    f"{ins.label}: the {lang} wording of {container} before the act is not proven; only its new paragraph {n} is known"
            lines = list(pre.text)
            lines[n - 1:n - 1] = ins.new_text.split("\n")
            return [made(container, replace(pre, text=tuple(lines)))], ""
        provs = _parse_new(ins, lang, doctype, container, where)
        return [made(p.eid, Wording.of(p)) for p in provs], ""
    results, notes = [], []
    edits: dict[str, list] = {}             # eId → the paragraphs of its own text to change
    new_provs = None
    for k, path in enumerate(ins.targets):
        steps, text_steps, heading = _split_target(path)
        eid = structure.find(steps, where)
        if eid is None:
            raise InstructionError(*where, f"{ins.describe()}: no text of the work has that provision")
        if ins.action == REPEAL and not text_steps and not heading:
            results.append(made(eid, None, REMOVED_STATE))
            continue
        if ins.action == REPLACE and not text_steps and not heading:
            if new_provs is None:
                new_provs = _parse_tops(ins, lang, doctype, where)
            kind, num = steps[-1]
            top = next((p for p in new_provs if (p.kind, p.number) == (kind, num)), None)
            if top is None:
                raise InstructionError(*where, f"the new wording does not give the {kind} {num} it replaces")
            mine = [_rebased(d, top.eid, eid) for d in top.walk()]
            results += [made(p.eid, Wording.of(p)) for p in mine]
            old = structure.index.get(eid)
            gone = [d.eid for d in old.walk() if d.eid not in {p.eid for p in mine}] if old is not None else []
            results += [made(g, None, ABSENT) for g in gone]
            continue
        pre = before(eid)
        if heading:
            new_heading = _heading_text(ins, lang) if ins.action == REPLACE else None
            if pre is None:
                if new_heading is not None:
                    results.append(made(eid, Wording(None, new_heading, None, (), ()), partial=True,
                                        note="only the new heading is known"))
                notes.append(f"{ins.label}: the {lang} wording of {eid} before the act is not proven"
                             + ("; only its new heading is known" if new_heading else ""))
                continue
            if ins.action == REPLACE:
                results.append(made(eid, replace(pre, heading=new_heading)))
            else:
                changed, missing = change_words(ins, pre.heading or "")
                if missing:
                    notes.append(f"{ins.label}: the words {missing!r} are not in the heading of {eid}")
                    continue
                results.append(made(eid, replace(pre, heading=changed)))
            continue
        edits.setdefault(eid, []).append((text_steps, k))
    for eid, wanted in edits.items():
        pre = before(eid)
        if pre is None:
            if ins.action == REPLACE and all(t for t, _ in wanted):
                pieces = _pieces(ins.new_text, len(ins.targets))
                results.append(made(eid, Wording(None, None, None, tuple(pieces[k] for _, k in wanted
                                                                         if k < len(pieces)), ()),
                                    partial=True, note="only the replaced paragraphs are known"))
            notes.append(f"{ins.label}: the {lang} wording of {eid} before the act is not proven, so the instruction "
                         "cannot be applied in full")
            continue
        lines = list(pre.text) + list(pre.wrap_up)
        spans = []
        for text_steps, k in wanted:
            span = _own_text_span(lines, text_steps) if text_steps else (0, len(lines))
            if span is None:
                notes.append(f"{ins.label}: {eid} has no {' / '.join(f'{a} {b}' for a, b in text_steps)}")
                break
            spans.append((span, k))
        else:
            ok = True
            for (a, b), k in sorted(spans, reverse=True):     # the last first: earlier spans keep their place
                if ins.action == REPLACE:
                    pieces = _pieces(ins.new_text, len(ins.targets))
                    piece = pieces[k] if len(pieces) == len(ins.targets) else ins.new_text
                    if a == 0 and pre.num and piece.startswith(pre.num + " "):
                        piece = piece[len(pre.num) + 1:]      # "абзац первый" restated with its number "3-1)"
                    lines[a:b] = piece.split("\n")
                elif ins.action == REPEAL:
                    del lines[a:b]
                else:
                    changed, missing = change_words(ins, "\n".join(lines[a:b]), some=len(ins.targets) > 1)
                    if missing:
                        notes.append(f"{ins.label}: the words {missing!r} are not in the {lang} wording of {eid} "
                                     "before the act")
                        ok = False
                        break
                    lines[a:b] = changed.split("\n")
            if not ok:
                continue
            delta = len(lines) - len(pre.text) - len(pre.wrap_up)
            last = max(b for (a, b), _ in spans)
            cut = len(pre.text) + (delta if last <= len(pre.text) else 0)
            results.append(made(eid, replace(pre, text=tuple(lines[:cut]), wrap_up=tuple(lines[cut:]))))
    return results, "; ".join(notes)


def _pieces(new_text: str, n: int) -> list[str]:
    """A new wording for ``n`` paragraphs split into ``n`` pieces (one per blank-line paragraph)."""
    parts = [p for p in new_text.split("\n") if p.strip()]
    return parts if len(parts) == n else [new_text]


def _own_text_span(lines: list[str], text_steps: list[tuple[str, str]]) -> tuple[int, int] | None:
    """The lines of a provision's own text that "часть N" / "абзац M" (or "часть N, абзац M") name.

    A part runs to the line that ends a sentence; an abzac is one line.

    >>> _own_text_span(["Первая.", "Вторая:", "а;", "б.", "Третья."], [("part", "2"), ("abzac", "3")])
    (3, 4)
    """
    parts: list[tuple[int, int]] = []
    start = 0
    for i, line in enumerate(lines):
        if line.rstrip().endswith((".", ".»", ".\"")) or i == len(lines) - 1:
            parts.append((start, i + 1))
            start = i + 1
    a, b = 0, len(lines)
    for kind, num in text_steps:
        n = int(num)
        if kind == "part":
            if n > len(parts):
                return None
            a, b = parts[n - 1]
        else:
            if a + n > b:
                return None
            a, b = a + n - 1, a + n
    return a, b


def _heading_text(ins: Instruction, lang: str) -> str:
    """The new heading from "«Статья 14. Требования …»" / "«14-бап. …»": the article's label goes."""
    first = ins.new_text.split("\n")[0]
    grammar = akn_schema.GRAMMARS[lang]
    for pattern in (grammar.article, grammar.chapter, grammar.subchapter):
        m = pattern.match(first)
        if m:
            return m.group("heading")
    return first


def _rebased(p: Provision, old_prefix: str, new_prefix: str) -> Provision:
    """A provision of a new wording moved to the eId it replaces (``point_1`` → ``…__point_1_2``)."""
    return replace(p, eid=new_prefix + p.eid[len(old_prefix):], children=[])


def _parse_tops(ins: Instruction, lang: str, doctype: str, where) -> list[Provision]:
    """The top-level provisions of a new wording, parsed like any text of the corpus (eIds from its root)."""
    try:
        act = akn_schema.parse_text(ins.new_text, lang=lang, doctype=doctype, path=ins.source, work="", strict=True)
    except akn_schema.ParseError as err:
        raise InstructionError(*where, f"the new wording does not parse: {err.message}") from None
    if act.preamble or act.conclusions or not act.body:
        raise InstructionError(*where, "the new wording is not a list of provisions")
    return list(act.body)


def _parse_new(ins: Instruction, lang: str, doctype: str, container: str, where) -> list[Provision]:
    """The new wording, parsed like any text of the corpus, its eIds placed under ``container``."""
    prefix = f"{container}__" if container else ""
    return [replace(p, eid=prefix + p.eid, children=[])
            for top in _parse_tops(ins, lang, doctype, where) for p in top.walk()]


__all__ = ["Application", "DerivedWording", "apply_act", "apply_in_order", "instruction_events",
           "wording_before"]

