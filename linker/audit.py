"""Audits of the links: stale delegation, dangling and unresolved references, AKN validity.

A bylaw is *stale* when the provision it is issued under was amended after the bylaw was
adopted (a warning naming the amending acts and their effective dates); it has *lost its
basis* when that provision is repealed or does not exist on the date (an error).

    >>> a = Audit("warning", "stale_delegation", "…", "order-78")
    >>> a.as_dict()["severity"]
    'warning'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from akn_schema.corpus import as_corpus
from linker.graph import build_graph
from linker.history import Change, bears_on, changes_of, exists_on
from linker.texts import by_text, resolutions, text_references

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Audit:
    severity: str      # error | warning | info
    code: str          # stale_delegation | basis_missing | dangling_reference | unresolved_reference | invalid_akn
    message: str
    location: str      # "order-78 preamble", "law-88-V~chp_1__art_4__para_1__point_5", "law-88-V:rus"
    details: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)


def stale_delegations(corpus, as_of: dt.date | None = None, history: dict | None = None,
                      graph=None) -> list[Audit]:
    """For each ``legal_basis`` edge into a corpus provision: amended after adoption, or gone.

    ``history`` (work name → Changes) defaults to the consolidator's amendment events; ``graph``
    to the corpus's graph (a build passes the one it made).
    """
    corpus = as_corpus(corpus)
    when = as_of or dt.date.today()
    history = history if history is not None else _history(corpus)
    g = graph if graph is not None else build_graph(corpus, history=history)
    out = []
    for bylaw, target, data in g.edges(data=True):
        if data["kind"] != "legal_basis" or g.nodes[target].get("kind") != "provision":
            continue
        by, basis = g.nodes[bylaw], g.nodes[target]
        adopted = dt.date.fromisoformat(by["date"])
        changes = history.get(basis["name"], ())
        where = f"{by['name']} preamble"
        cited = f"{basis['name']} ~{basis['eid']} (“{data['text']}”)"
        if not exists_on(changes, basis["eid"], when):
            out.append(Audit("error", "basis_missing",
                             f"{by['name']} is issued under {cited}, which does not exist on {when.isoformat()}",
                             where, {"bylaw": bylaw, "basis": target, "as_of": when.isoformat()}))
        created = [c for c in changes if c.kind == "inserted" and adopted < c.effective <= when
                   and (c.target == basis["eid"] or basis["eid"].startswith(c.target + "__"))]
        for c in _by_act(created):
            out.append(Audit("warning", "basis_not_yet_in_force",
                             f"{by['name']} (adopted {adopted.isoformat()}) is issued under {cited}, which {c.act} "
                             f"created with effect from {c.effective_text}: its basis was not yet in force when it "
                             "was signed",
                             where, {"bylaw": bylaw, "basis": target, "adopted": adopted.isoformat(),
                                     "created_by": {"act": c.act, "number": c.number, "uri": c.uri,
                                                    "effective": c.effective.isoformat(),
                                                    "effective_exact": c.exact}}))
        later = [c for c in changes if bears_on(c, basis["eid"]) and adopted < c.effective <= when
                 and c not in created]
        if later:
            acts = _by_act(later)
            listed = "; ".join(f"{c.act} ({c.kind}, in force {c.effective_text})" for c in acts)
            out.append(Audit("warning", "stale_delegation",
                             f"{by['name']} (adopted {adopted.isoformat()}) is issued under {cited}, "
                             f"amended since: {listed}",
                             where, {"bylaw": bylaw, "basis": target, "adopted": adopted.isoformat(),
                                     "amending_acts": [{"act": c.act, "number": c.number, "uri": c.uri,
                                                        "kind": c.kind, "target": c.target,
                                                        "effective": c.effective.isoformat(),
                                                        "effective_exact": c.exact} for c in acts]}))
    return out


def _by_act(changes: list[Change]) -> list[Change]:
    """One change per amending act (the first to take effect), in order of effect."""
    seen: dict[str, Change] = {}
    for c in sorted(changes, key=lambda c: c.effective):
        seen.setdefault(c.uri, c)
    return list(seen.values())


def _history(corpus) -> dict:
    return {name: changes_of(corpus, name) for name in corpus.works}


def reference_audits(corpus, as_of: dt.date | None = None, history: dict | None = None,
                     found=None) -> list[Audit]:
    """Internal references to provisions that do not exist on the date; unresolved references.

    ``found`` are the corpus's resolutions when a build computed them already."""
    corpus = as_corpus(corpus)
    when = as_of or dt.date.today()
    history = history if history is not None else _history(corpus)
    names = {w.uri: name for name, w in corpus.works.items()}
    out, seen = [], set()
    for res, lang, _ in (resolutions(corpus) if found is None else found):
        name = names[res.work]
        where = f"{name}~{res.source_eid}" if res.source_eid else f"{name} preamble"
        key = (where, res.reference.raw, res.reference.path, res.status)
        if key in seen:
            continue
        seen.add(key)
        if res.status == "unresolved":
            out.append(Audit("warning", "unresolved_reference",
                             f"“{res.reference.raw}” ({lang}) does not resolve: {res.reason}", where,
                             {"lang": lang, "text": res.reference.raw, "path": [list(s) for s in res.reference.path]}))
        elif res.status == "resolved" and res.eid and res.target in names:
            source_alive = res.source_eid is None or exists_on(history.get(name, ()), res.source_eid, when)
            if source_alive and not exists_on(history.get(names[res.target], ()), res.eid, when):
                out.append(Audit("error", "dangling_reference",
                                 f"“{res.reference.raw}” ({lang}) points to {names[res.target]} ~{res.eid}, "
                                 f"which does not exist on {when.isoformat()}", where,
                                 {"lang": lang, "target": res.node, "as_of": when.isoformat()}))
    return out


def work_validation_audits(corpus, name: str) -> list[Audit]:
    """``zanlex validate`` for each text of one work, and its linked AKN (with ``<ref>``) against
    the strict XSD (a per-work task)."""
    from akn_schema import act_to_xml, check_source, validate_xml
    from linker.akn import add_refs

    corpus = as_corpus(corpus)
    work = corpus.work(name)
    out = []
    for lang in work.texts:
        act = corpus.act(name, lang)
        report = check_source(work, lang)
        problems = report.errors + [f"word lost at {report.path}:{n}: {w}" for n, w in report.conservation.lost]
        root = act_to_xml(act, work)
        add_refs(root, act, work, corpus.works, found=by_text(text_references(corpus, name, lang)), corpus=corpus)
        problems += [f"with references: {e}" for e in validate_xml(root)]
        out += [Audit("error", "invalid_akn", p, f"{name}:{lang}") for p in problems]
    return out


def validation_task(task: tuple[str, str, str]) -> list[Audit]:
    """``work_validation_audits`` as a per-work task (``akn_schema.batch.corpus_tasks``)."""
    from akn_schema.batch import run_for_work

    return run_for_work(task, work_validation_audits)


def validation_audits(corpus) -> list[Audit]:
    """``work_validation_audits`` for every work."""
    corpus = as_corpus(corpus)
    return [a for name in corpus.works for a in work_validation_audits(corpus, name)]


def audits(corpus, as_of: dt.date | None = None, validation: bool = True,
           history: dict | None = None, graph=None, found=None) -> list[Audit]:
    """Every audit, errors first (``corpus``: a ``Corpus`` or its folder; a build passes the
    ``graph`` and the resolutions it made, and the per-work validation audits it ran)."""
    corpus = as_corpus(corpus)
    history = history if history is not None else _history(corpus)
    out = stale_delegations(corpus, as_of, history, graph) + reference_audits(corpus, as_of, history, found)
    if validation:
        out += validation_audits(corpus)
    return sorted(out, key=lambda a: SEVERITIES.index(a.severity))
