"""Amendment events: every footnote and inline repeal note of a parsed ``Act`` → ``AmendmentEvent``s.

Targets are resolved to eIds through the parser's public ``Act.find``, scoped to where the
note sits: in an order, "Пункт 6" is point 6 of the Rules attachment the note belongs to.

    >>> evs = events_for_work(CORPUS, "law-88-V")                      # doctest: +SKIP
    >>> e = next(e for e in evs if e.target == "chp_2__art_9-1" and e.kind == "inserted")  # doctest: +SKIP
    >>> str(e.act), str(e.effective)                                    # doctest: +SKIP
    ('Law 408-V of 2015-11-17', '2016-03-01')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from akn_schema.corpus import Corpus, as_corpus
from akn_schema.model import REMOVED, Act, Provision
from akn_schema.works import TextSource
from consolidator.acts import ActRegistry, AmendingAct, load_acts
from consolidator.effective import Effective, effective_date
from consolidator.errors import FootnoteError
from consolidator.footnotes import Clause, clean, is_repeal_note, parse_footnote, parse_repeal_note
from consolidator.grammar import registry

_RANGE_TAIL = re.compile(r"^[-–—]\s*\d+(?:-\d+)?\)\s*")     # "- 9)" when "3)" is the num
_STRAY = re.compile(r"^\)\s+")           # "13) ) алып тасталды …": a doubled bracket in the 2024 Kazakh edition

# AKN textualMod/@type for each kind of change (DESIGN §3)
TEXTUAL_MOD = {"amended": "substitution", "new_wording": "substitution", "heading_changed": "substitution",
               "inserted": "insertion", "repealed": "repeal"}


@dataclass(frozen=True)
class AmendmentEvent:
    """One change to one provision by one act, with its effective date (exact or a window).

    ``sources`` are the ``file:line`` of every footnote that records it (a change cited in the
    Russian and the English text is one event with two sources).
    """

    act: AmendingAct
    kind: str
    target: str
    effective: Effective
    sources: tuple[str, ...]
    rule: str = ""

    @property
    def eid(self) -> str:
        return f"evt_{self.effective.earliest:%Y-%m-%d}_{self.act.eid.removeprefix('act_')}"

    def covers(self, eid: str) -> bool:
        """Does this event change the wording of provision ``eid``? An event on a unit covers its
        descendants; a change of heading covers the heading's own unit only."""
        if eid == self.target:
            return True
        return self.kind != "heading_changed" and eid.startswith(self.target + "__")

    def as_json(self) -> dict:
        return {
            "act": {"type": self.act.type, "number": self.act.number, "date": self.act.date.isoformat(),
                    "uri": self.act.uri, "issuing_body": self.act.issuing_body},
            "kind": self.kind,
            "target": self.target,
            "effective": self.effective.as_json(),
            "source": self.sources[0],
            "sources": list(self.sources),
            "rule": self.rule,
        }


def events_from_act(act: Act, acts: ActRegistry, path: str | None = None) -> list[AmendmentEvent]:
    """The events recorded in one source text: its footnotes and its inline repeal notes.
    ``path`` is how sources are named (default: the act's own path)."""
    found: list[AmendmentEvent] = []
    path = path or act.path
    for note in act.notes:
        fn = parse_footnote(note.text, act.lang, path, note.line)
        scope = _scope(act, note.target)
        for clause in fn.clauses:
            target = _resolve(act, clause, note.target, scope, fn.where)
            found.append(_event(clause, target, fn.where, acts))
    reg = registry(act.lang)
    for prov in act.walk():
        own = _STRAY.sub("", _RANGE_TAIL.sub("", clean(" ".join(prov.text))))
        if not (prov.status == REMOVED or is_repeal_note(own, act.lang)):
            continue
        if not own:
            continue        # "Статья 16" kept with its heading: its footnote records the repeal
        where = f"{path}:{prov.line}"
        if not is_repeal_note(own, act.lang):
            raise FootnoteError(path, prov.line, f"removed provision without a repeal note: {own[:60]!r}")
        for clause in parse_repeal_note(own, act.lang, (), path, prov.line):
            for eid in _range_eids(prov, reg.compiled(reg.range_num)):
                found.append(_event(clause, eid, where, acts))
    return found


def merge(events: list[AmendmentEvent]) -> list[AmendmentEvent]:
    """One event per (act, kind, target), sources pooled; ordered by effective date, not act date."""
    merged: dict[tuple, AmendmentEvent] = {}
    for e in events:
        key = (e.act.uri, e.kind, e.target)
        if key in merged:
            old = merged[key]
            merged[key] = replace(old, sources=old.sources + tuple(s for s in e.sources if s not in old.sources))
        else:
            merged[key] = e
    return sorted(merged.values(), key=lambda e: (e.effective.earliest, e.effective.latest, e.act.date, e.target))


def source_events(corpus: Corpus | Path, work_name: str, source: TextSource) -> list[AmendmentEvent]:
    """The events one source text of the work records (its footnotes and inline repeal notes)."""
    corpus = as_corpus(corpus)

    def compute() -> list[AmendmentEvent]:
        act = corpus.act(work_name, source)
        return merge(events_from_act(act, load_acts(corpus), _source_name(corpus, source)))
    return corpus.cached(("consolidator", "source_events", work_name, str(source.path)), compute)


def events_for_work(corpus: Corpus | Path, work_name: str) -> list[AmendmentEvent]:
    """All events of a work, from every source text (seed texts and editions), merged (one event per
    act, kind and target, its sources pooled) and ordered by effective date."""
    corpus = as_corpus(corpus)

    def compute() -> list[AmendmentEvent]:
        found = []
        for src in corpus.work(work_name).all_texts():
            found += source_events(corpus, work_name, src)
        return merge(found)
    return list(corpus.cached(("consolidator", "events", work_name), compute))


def event_conflicts(events: list[AmendmentEvent]) -> list[str]:
    """Where the sources disagree about one act's change to one provision: two kinds of change (other
    than a restatement also recorded as an amendment), or two entry-into-force dates. Reported by
    ``zanlex check``, never resolved silently.

    >>> from datetime import date
    >>> from consolidator.acts import AmendingAct
    >>> a = AmendingAct("law", "1-V", date(2015, 1, 1), "/akn/kz/act/2015-01-01/1-V")
    >>> e1 = AmendmentEvent(a, "amended", "art_1", Effective(date(2015, 2, 1), date(2015, 2, 1), True), ("x:1",))
    >>> e2 = AmendmentEvent(a, "amended", "art_1", Effective(date(2015, 3, 1), date(2015, 3, 1), True), ("y:2",))
    >>> event_conflicts([e1, e2])
    ['No. 1-V on art_1: in effect 2015-02-01 (x:1) but 2015-03-01 (y:2)']
    """
    by_target: dict[tuple[str, str], list[AmendmentEvent]] = {}
    for e in events:
        by_target.setdefault((e.act.uri, e.target), []).append(e)
    found = []
    for (_uri, target), evs in sorted(by_target.items()):
        dates = sorted({(e.effective.earliest, e.effective.latest) for e in evs})
        if len(dates) > 1:
            a, b = (next(e for e in evs if (e.effective.earliest, e.effective.latest) == d) for d in dates[:2])
            found.append(f"No. {a.act.number} on {target}: in effect {a.effective} ({a.sources[0]}) "
                         f"but {b.effective} ({b.sources[0]})")
        kinds = {e.kind for e in evs} - {"amended"}
        if {"inserted", "repealed"} <= kinds:
            found.append(f"No. {evs[0].act.number} on {target}: both inserted and repealed")
    return found


def _source_name(corpus: Corpus, source: TextSource) -> str:
    """A source's file as cited in messages: relative to the corpus's parent when possible."""
    path = Path(source.path).resolve()
    try:
        return str(path.relative_to(corpus.root.parent))
    except ValueError:
        return str(path)


def _event(clause: Clause, target: str, where: str, acts: ActRegistry) -> AmendmentEvent:
    cited = clause.act
    act = acts.act(cited.act_type, cited.number, cited.date, where)
    return AmendmentEvent(act=act, kind=clause.kind, target=target,
                          effective=effective_date(cited.rule, act, acts.allowance),
                          sources=(where,), rule=cited.rule.text if cited.rule else "")


def _scope(act: Act, note_target: str) -> str | None:
    """The attachment a note sits in (its provisions' eIds start with the attachment's eId)."""
    for att in act.attachments:
        if note_target == att.eid or note_target.startswith(att.eid + "__"):
            return att.eid
    return None


def _resolve(act: Act, clause: Clause, note_target: str, scope: str | None, where: str) -> str:
    path = list(clause.path)
    if path and path[0][0] == "attachment":
        if scope:
            return scope
        if len(act.attachments) == 1:
            return act.attachments[0].eid
        raise FootnoteError(*_split(where), "the footnote names the Rules, but which?")
    found = act.find(path, within=scope)
    if found is None:
        # the unit the note sits under may itself be the one named (e.g. a repealed article kept
        # as a heading only), or the path may be rooted at it
        near = act.get(note_target)
        if near is not None and (near.kind, near.number) == path[-1]:
            found = near
    if found is None:
        names = ", ".join(f"{k} {n}" for k, n in path)
        raise FootnoteError(*_split(where),
                            f"the footnote names {names}, which this text does not have")
    return found.eid


def _range_eids(prov: Provision, range_num: re.Pattern) -> list[str]:
    """An inline note "3) - 9) исключены …" repeals each of points 3 to 9."""
    covers = getattr(prov, "covers", None)
    if covers:
        stem = prov.eid.rsplit("_", 1)[0]
        return [f"{stem}_{n}" for n in covers]
    head = f"{prov.num or ''} {' '.join(prov.text)}"
    m = range_num.match(clean(head))
    if not m or not (m["first"].isdigit() and m["last"].isdigit()):
        return [prov.eid]
    stem = prov.eid.rsplit("_", 1)[0]
    return [f"{stem}_{n}" for n in range(int(m["first"]), int(m["last"]) + 1)]


def _split(where: str) -> tuple[str, int]:
    path, line = where.rsplit(":", 1)
    return path, int(line)
