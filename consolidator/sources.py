"""Snapshots: every source text of a work (seed texts and official editions), what it includes and
when its text is the law (DESIGN §4).

A ``Snapshot`` is one text in one language plus the amending acts whose changes it already holds:

- a seed text whose ``work.toml`` state is ``original`` includes no act;
- any other seed text includes exactly the acts its own footnotes and repeal notes cite
  (the Russian seed of Law 88-V: 17 acts; the English seed: 239-V);
- an official edition includes the acts its footnotes cite and every act certainly in effect before
  the act that caused the edition (a restatement may have erased their footnotes);
- ``includes = ["239-V", …]`` in the text's table of ``work.toml`` overrides the inference.

``as_of`` is when the snapshot's text is the law: for an edition, the effective date (or window) of
the act that caused it (its label, the database's ``version_date``, is only its identity); for a seed
text, the effective date of the latest act it includes, or the work's entry into force.

``records`` are the changes the snapshot's own notes cite, as (act URI, kind, target eId): what its
footnote history says, which ``consolidator.history`` uses to decide how far back that history is
complete.

    >>> snaps = snapshots(CORPUS, "law-88-V")                                 # doctest: +SKIP
    >>> [(s.name, len(s.acts)) for s in snaps][:3]                            # doctest: +SKIP
    [('rus', 17), ('kaz', 0), ('eng', 1)]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from akn_schema.corpus import Corpus, as_corpus
from akn_schema.model import Act
from akn_schema.works import TextSource
from consolidator.acts import AmendingAct, load_acts
from consolidator.effective import Effective, effective_date
from consolidator.errors import ZanlexError
from consolidator.footnotes import EntryIntoForce, latin_number, parse_rule
from consolidator.grammar import registry

INCLUDES_KEY = "includes"


@dataclass(frozen=True, eq=False)
class Snapshot:
    """One source text: its language, the acts (by URI) whose changes it includes, and when it is the law."""

    work: str
    lang: str
    state: str
    acts: frozenset[str]
    basis: str
    source: TextSource | None = None
    as_of: Effective | None = None
    edition: date | None = None             # the official edition's label, None for a seed text
    records: frozenset[tuple[str, str, str]] = field(default_factory=frozenset)
    caused_by: AmendingAct | None = None

    @property
    def name(self) -> str:
        """"rus" for a seed text, "rus@2018-06-13" for an edition."""
        return f"{self.lang}@{self.edition.isoformat()}" if self.edition else self.lang

    def includes(self, event) -> bool:
        return event.act.uri in self.acts


def work_entry_into_force(corpus: Corpus | Path, work_name: str) -> Effective:
    """The work's own entry into force: ``entry_into_force`` in work.toml, else its text's clause
    ("Настоящий приказ вводится в действие по истечении десяти …"), applied like any act's."""
    corpus = as_corpus(corpus)
    return corpus.cached(("consolidator", "eif", work_name), lambda: _entry_into_force(corpus, work_name))


def _entry_into_force(corpus: Corpus, work_name: str) -> Effective:
    work = corpus.work(work_name)
    acts = load_acts(corpus)
    as_act = AmendingAct(type=work.doctype, number=work.number, date=work.date, uri=work.uri,
                         registration=(work.registration or {}).get("date"),
                         publication=(work.raw.get("publication") or {}).get("date"),
                         publication_source=(work.raw.get("publication") or {}).get("source"))
    declared = work.raw.get("entry_into_force")
    if declared:
        rule = EntryIntoForce(kind=declared["rule"], days=declared.get("days"), on=declared.get("date"),
                              not_before=declared.get("not_before"), text="work.toml entry_into_force")
        return effective_date(rule, as_act, acts.allowance)
    for lang in work.texts:
        rule = _own_rule(corpus.act(work_name, lang), lang)
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


def snapshots(corpus: Corpus | Path, work_name: str) -> list[Snapshot]:
    """Every source text of the work as a ``Snapshot``: seed texts first, then editions by label."""
    corpus = as_corpus(corpus)
    return corpus.cached(("consolidator", "snapshots", work_name), lambda: _snapshots(corpus, work_name))


def _snapshots(corpus: Corpus, work_name: str) -> list[Snapshot]:
    from consolidator.events import events_for_work, source_events

    work = corpus.work(work_name)
    registry_ = load_acts(corpus)
    events = events_for_work(corpus, work_name)
    eif = work_entry_into_force(corpus, work_name)
    effective_of = {}
    for e in events:
        effective_of.setdefault(e.act.uri, e.effective)
    result = []
    for src in work.all_texts():
        own = source_events(corpus, work_name, src)
        records = frozenset((e.act.uri, e.kind, e.target) for e in own)
        cited = frozenset(e.act.uri for e in own)
        caused_by = None
        override = (src.settings or {}).get(INCLUDES_KEY)
        if src.edition is not None:
            edition = next(e for e in work.editions if e.label == src.edition)
            caused_by = _caused_by(edition, registry_, work)
            as_of = effective_of.get(caused_by.uri) if caused_by else None
            if as_of is None:
                as_of = Effective(src.edition, src.edition, True, f"edition label {src.edition} (cause not cited)")
            before = frozenset(uri for uri, eff in effective_of.items() if eff.latest < as_of.earliest)
            chosen = cited | before | ({caused_by.uri} if caused_by else frozenset())
            basis = f"official edition {src.edition}: its footnotes, and every act in effect before its cause"
        elif src.state == "original":
            chosen, basis = frozenset(), "the original wording (work.toml state = original)"
        else:
            chosen, basis = cited, "inferred from the text's own footnotes"
        if override is not None:
            known = {e.act.number: e.act.uri for e in events}
            missing = [n for n in override if n not in known]
            if missing:
                raise ZanlexError(f"{work_name} work.toml [texts.{src.lang}] includes {missing}, "
                                  f"which no footnote of the work cites")
            chosen, basis = frozenset(known[n] for n in override), f"work.toml [texts.{src.name}] includes"
        if src.edition is None:
            dated = [effective_of[u] for u in chosen if u in effective_of]
            as_of = max(dated, key=lambda e: (e.latest, e.earliest)) if dated else eif
        result.append(Snapshot(work_name, src.lang, src.state, chosen, basis, src, as_of, src.edition,
                               records, caused_by))
    return result


def _caused_by(edition, registry_, work) -> AmendingAct | None:
    """The registered act that caused an edition (``caused_by`` in work.toml names it), or None."""
    number = edition.caused_by_number
    if number is None:
        return None
    found = [a for a in registry_.acts if latin_number(a.number) == number]
    if len(found) != 1:
        raise ZanlexError(f"{work.folder / 'work.toml'}: edition {edition.label} is caused by No. {number}, "
                          f"which {registry_.path} does not list exactly once")
    return found[0]
