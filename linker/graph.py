"""The law–bylaw graph: a networkx MultiDiGraph of works and provisions.

Nodes are works (their URI) and provisions (``URI~eId``). Edges, each with ``valid_from`` and,
when it ends, ``valid_to`` (ISO dates; ``valid_from_exact`` is False for a "not before" date):

- ``legal_basis``: a bylaw → the provision it is issued under (its preamble's "В соответствии с …");
- ``cites``: a provision → a provision or a work;
- ``amends`` / ``inserts`` / ``repeals``: an amending act → a provision;
- ``declares_invalid``: an order → the order it declares invalid.

    >>> g = build_graph(corpus_dir)                                   # doctest: +SKIP
    >>> [u for u, v, k in g.in_edges("/akn/kz/act/2013-04-15/88-V~chp_2__art_7__point_3", keys=True)
    ...  if k == "legal_basis"]                                      # doctest: +SKIP
    ['/akn/kz/act/order/2016-12-08/78']
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import networkx as nx

from linker.extract import cues_in, extract_references
from linker.history import KIND_TO_EDGE, changes_of, inserted_on, repealed_on
from linker.languages import BASIS_CUE, INVALIDATION_CUE
from linker.model import Resolution
from linker.resolve import passages, resolve, unit_eid

EDGE_KINDS = ("legal_basis", "cites", "amends", "inserts", "repeals", "declares_invalid")


@dataclass(frozen=True)
class Corpus:
    """The parsed corpus the graph is built from (through the parser's public API)."""

    works: dict
    acts: dict          # (work name, lang) → Act


@cache
def load_corpus(corpus_dir: Path) -> Corpus:
    from akn_schema import parse_work
    from akn_schema.works import load_works

    works = load_works(corpus_dir)
    acts = {(name, lang): parse_work(w, lang) for name, w in works.items() for lang in w.texts}
    return Corpus(works, acts)


@cache
def resolutions(corpus_dir: Path) -> tuple[tuple[Resolution, str, frozenset[str]], ...]:
    """Every reference in the corpus, resolved, with its language and the cues of its paragraph
    (and, for an order's point, the cues anywhere in that point)."""
    corpus = load_corpus(Path(corpus_dir))
    out = []
    for (name, lang), act in corpus.acts.items():
        work = corpus.works[name]
        items = [(p, cues_in(p.text, lang)) for p in passages(act)]
        point_cues: dict[str, set[str]] = {}
        for p, cues in items:
            if p.eid:
                point_cues.setdefault(p.eid.split("__")[0], set()).update(cues)
        for p, cues in items:
            top = point_cues.get(p.eid.split("__")[0], set()) if p.eid else set()
            for ref in extract_references(p.text, lang):
                out.append((resolve(ref, act, work, corpus.works, p.eid), lang, frozenset(cues | top)))
    return tuple(out)


def build_graph(corpus_dir: Path, as_of: dt.date | None = None, history: dict | None = None) -> nx.MultiDiGraph:
    """The graph of the corpus; with ``as_of``, only the edges that hold on that date.

    ``history`` (work name → Changes) defaults to the consolidator's amendment events.
    """
    corpus_dir = Path(corpus_dir)
    corpus = load_corpus(corpus_dir)
    g = nx.MultiDiGraph(as_of=as_of.isoformat() if as_of else "")
    by_uri = {w.uri: w for w in corpus.works.values()}
    for name, w in corpus.works.items():
        g.add_node(w.uri, kind="work", name=name, type=w.doctype, date=w.date.isoformat(), number=w.number,
                   title=next(iter(w.titles.values()), ""), in_corpus=True)
    for (name, lang), act in corpus.acts.items():
        uri = corpus.works[name].uri
        for p in act.walk():
            node = f"{uri}~{p.eid}"
            if node not in g:
                g.add_node(node, kind="provision", work=uri, name=name, eid=p.eid, num=p.num or "",
                           heading=p.heading or "", langs=lang)
            elif lang not in g.nodes[node]["langs"].split(","):
                g.nodes[node]["langs"] += f",{lang}"
    if history is None:
        history = {name: changes_of(corpus_dir, name) for name in corpus.works}
    _amendment_edges(g, corpus, history)
    _reference_edges(g, corpus_dir, by_uri, history)
    if as_of:
        _keep_valid(g, as_of.isoformat())
    return g


def _amendment_edges(g, corpus: Corpus, history) -> None:
    for name, changes in history.items():
        uri = corpus.works[name].uri
        for i, c in enumerate(changes):
            if c.uri not in g:
                g.add_node(c.uri, kind="work", name=c.number, type=c.act_type, date=c.act_date.isoformat(),
                           number=c.number, title=c.act, in_corpus=False)
            target = f"{uri}~{c.target}"
            if target not in g:
                g.add_node(target, kind="provision", work=uri, name=name, eid=c.target, num="", heading="", langs="")
            attrs = {"valid_from": c.effective.isoformat(), "valid_from_exact": c.exact, "act": c.act}
            later = [n for n in changes[i + 1:] if n.target == c.target]
            if later and KIND_TO_EDGE[c.kind] != "repeals":
                attrs["valid_to"] = later[0].effective.isoformat()
            g.add_edge(c.uri, target, key=KIND_TO_EDGE[c.kind], kind=KIND_TO_EDGE[c.kind], change=c.kind, **attrs)


def _reference_edges(g, corpus_dir: Path, by_uri: dict, history) -> None:
    for res, lang, cues in resolutions(corpus_dir):
        if res.status == "unresolved":
            continue
        citing = by_uri[res.work]
        target = res.node
        if res.status == "external":
            _external_node(g, res)
        kind = "cites"
        source = f"{res.work}~{res.source_eid}" if res.source_eid else res.work
        if res.source_eid is None and citing.doctype != "law" and BASIS_CUE in cues:
            kind, source = "legal_basis", res.work
        elif (INVALIDATION_CUE in cues and res.reference.act.kind == citing.doctype and not res.reference.path
              and res.source_eid and not res.source_eid.startswith("att_")):
            kind, source = "declares_invalid", res.work
        attrs = {"valid_from": citing.date.isoformat(), "valid_from_exact": True, "text": res.reference.raw}
        if res.status == "external" and res.reference.path:
            attrs["unit"] = unit_eid(res.reference.path)
        ends = [d for d in (_repeal(history, citing.name, res.source_eid), _repeal_of_target(g, res, history)) if d]
        if ends:
            attrs["valid_to"] = min(ends).isoformat()
        if res.status == "resolved" and res.eid and (ins := _inserted(g, res, history)):
            attrs["valid_from"] = max(attrs["valid_from"], ins.isoformat())
        edge_key = f"{kind}:{attrs.get('unit', '')}"
        if g.has_edge(source, target, edge_key):
            data = g.edges[source, target, edge_key]
            if lang not in data["langs"].split(","):
                data["langs"] += f",{lang}"
            continue
        g.add_edge(source, target, key=edge_key, kind=kind, langs=lang, **attrs)


def _external_node(g, res: Resolution) -> None:
    if res.target not in g:
        m = res.reference.act
        g.add_node(res.target, kind="work", name="", type=m.kind or "", date=m.date.isoformat() if m.date else "",
                   number=m.number or "", title=m.title or m.raw, in_corpus=False)
    elif res.reference.act.date and not g.nodes[res.target]["date"]:
        g.nodes[res.target]["date"] = res.reference.act.date.isoformat()


def _repeal(history, name: str, eid: str | None):
    return repealed_on(history.get(name, ()), eid) if eid else None


def _repeal_of_target(g, res: Resolution, history):
    if res.status != "resolved" or not res.eid:
        return None
    return _repeal(history, g.nodes[res.target]["name"], res.eid)


def _inserted(g, res: Resolution, history):
    return inserted_on(history.get(g.nodes[res.target]["name"], ()), res.eid)


def _keep_valid(g, when: str) -> None:
    drop = [(u, v, k) for u, v, k, d in g.edges(keys=True, data=True)
            if d.get("valid_from", "") > when or ("valid_to" in d and d["valid_to"] <= when)]
    g.remove_edges_from(drop)


def unresolved(corpus_dir: Path) -> list[Resolution]:
    """References that could not be resolved: listed, never dropped."""
    return [res for res, _, _ in resolutions(Path(corpus_dir)) if res.status == "unresolved"]




def graph_json(g: nx.MultiDiGraph) -> dict:
    """The node-link form (``networkx.node_link_data``)."""
    return nx.node_link_data(g, edges="edges")


def graph_graphml(g: nx.MultiDiGraph) -> bytes:
    """GraphML; every attribute is a string, a number or a boolean."""
    return "\n".join(nx.generate_graphml(g)).encode("utf-8")
