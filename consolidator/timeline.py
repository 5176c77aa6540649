"""Snapshots and wording intervals: which events each source text already includes, and so from
when until when its wording of each provision is the law (DESIGN §4).

A source text is a ``Snapshot``: a language plus the set of amending acts whose changes it
already contains. By default this is inferred:

- a text whose ``work.toml`` state is ``original`` includes no event;
- any other text includes exactly the acts its own footnotes and repeal notes cite
  (the Russian law text: all 17; the English text: 239-V; order 78: orders 213 and 264).

``work.toml`` overrides the inference with the key ``includes`` in the text's table, a list of
act numbers: ``[texts.eng] includes = ["239-V"]`` (``includes = []`` for none).

    >>> eif = Effective(date(2013, 5, 16), date(2013, 6, 15), False)
    >>> iv = WordingInterval("chp_2__art_6", "kaz", eif, None, None, None)
    >>> iv.valid_on(date(2014, 6, 1))
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from akn_schema.model import Act
from consolidator.acts import AmendingAct, load_acts
from consolidator.effective import Effective, effective_date
from consolidator.errors import ZanlexError
from consolidator.events import AmendmentEvent, events_for_work
from consolidator.footnotes import EntryIntoForce, parse_rule
from consolidator.grammar import registry
from consolidator.works import corpus_acts, corpus_work, source_name

INCLUDES_KEY = "includes"


@dataclass(frozen=True)
class Snapshot:
    """One source text: its language and the amending acts (by URI) whose changes it includes."""

    work: str
    lang: str
    state: str
    acts: frozenset[str]
    basis: str

    def includes(self, event: AmendmentEvent) -> bool:
        return event.act.uri in self.acts


@dataclass(frozen=True)
class WordingInterval:
    """A snapshot's wording of provision ``eid`` is the law from ``start`` until ``end`` (open: None).

    ``start_event`` is None when the interval starts at the work's entry into force.
    """

    eid: str
    lang: str
    start: Effective
    end: Effective | None
    start_event: AmendmentEvent | None
    end_event: AmendmentEvent | None

    def valid_on(self, when: date) -> bool:
        return self.start.has_happened(when) and (self.end is None or self.end.not_yet(when))


@lru_cache(maxsize=16)
def work_entry_into_force(corpus_dir: Path, work_name: str) -> Effective:
    """The work's own entry into force: ``entry_into_force`` in work.toml, else its text's clause
    ("Настоящий приказ вводится в действие по истечении десяти …"), applied like any act's."""
    work = corpus_work(corpus_dir, work_name)
    acts = load_acts(corpus_dir)
    as_act = AmendingAct(type=work.doctype, number=work.number, date=work.date, uri=work.uri,
                         registration=(work.registration or {}).get("date"),
                         publication=(work.raw.get("publication") or {}).get("date"),
                         publication_source=(work.raw.get("publication") or {}).get("source"))
    declared = work.raw.get("entry_into_force")
    if declared:
        rule = EntryIntoForce(kind=declared["rule"], days=declared.get("days"), on=declared.get("date"),
                              not_before=declared.get("not_before"), text="work.toml entry_into_force")
        return effective_date(rule, as_act, acts.allowance)
    for lang, act in corpus_acts(corpus_dir, work_name).items():
        rule = _own_rule(act, lang)
        if rule:
            return effective_date(rule, as_act, acts.allowance)
    raise ZanlexError(f"{work_name}: no entry-into-force clause found; add entry_into_force to its work.toml")


def _own_rule(act: Act, lang: str) -> EntryIntoForce | None:
    reg = registry(lang)
    for prov in (p for top in act.body for p in top.walk()):
        for para in prov.text:
            if any(reg.compiled(pattern).search(para) for pattern, _ in reg.rules):
                return parse_rule(para, reg, act.path, prov.line)
    return None


@lru_cache(maxsize=16)
def snapshots(corpus_dir: Path, work_name: str) -> dict[str, Snapshot]:
    """The snapshot of each source text of a work (see the module docstring)."""
    work = corpus_work(corpus_dir, work_name)
    acts = corpus_acts(corpus_dir, work_name)
    events = events_for_work(corpus_dir, work_name)
    result = {}
    for lang, src in work.texts.items():
        override = (src.settings or {}).get(INCLUDES_KEY)
        if override is not None:
            known = {e.act.number: e.act.uri for e in events}
            missing = [n for n in override if n not in known]
            if missing:
                raise ZanlexError(f"{work_name} work.toml [texts.{lang}] includes {missing}, "
                                  f"which no footnote of the work cites")
            chosen, basis = frozenset(known[n] for n in override), f"work.toml [texts.{lang}] includes"
        elif src.state == "original":
            chosen, basis = frozenset(), "the original wording (work.toml state = original)"
        else:
            own = source_name(corpus_dir, acts[lang]) + ":"
            chosen = frozenset(e.act.uri for e in events if any(s.startswith(own) for s in e.sources))
            basis = "inferred from the text's own footnotes"
        result[lang] = Snapshot(work_name, lang, src.state, chosen, basis)
    return result


def wording_interval(snapshot: Snapshot, eid: str, events: list[AmendmentEvent],
                     entry_into_force: Effective) -> WordingInterval:
    """From the last covering event the snapshot includes (or the entry into force) until the
    first covering event it does not include. (If windows overlap, it is valid on no date.)"""
    covering = [e for e in events if e.covers(eid)]
    included = [e for e in covering if snapshot.includes(e)]
    excluded = [e for e in covering if not snapshot.includes(e)]
    start_event = max(included, key=lambda e: (e.effective.latest, e.effective.earliest), default=None)
    end_event = min(excluded, key=lambda e: (e.effective.earliest, e.effective.latest), default=None)
    start = start_event.effective if start_event else entry_into_force
    end = end_event.effective if end_event else None
    return WordingInterval(eid, snapshot.lang, start, end, start_event, end_event)
