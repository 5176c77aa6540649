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
import io
from dataclasses import dataclass

import networkx as nx

from linker.history import KIND_TO_EDGE, changes_of, inserted_on, repealed_on
from linker.languages import BASIS_CUE, INVALIDATION_CUE
from linker.model import Resolution
from linker.resolve import unit_eid
from linker.texts import resolutions, work_resolutions

EDGE_KINDS = ("legal_basis", "cites", "amends", "inserts", "repeals", "declares_invalid")


def _provisions(corpus, name: str) -> tuple[tuple[str, str, str, str], ...]:
    """(lang, eId, num, heading) of every provision of a work's texts: its nodes in the graph."""
    work = corpus.work(name)
    return tuple((lang, p.eid, p.num or "", p.heading or "") for lang in work.texts
                 for p in corpus.act(name, lang).walk())


@dataclass(frozen=True)
class WorkLinks:
    """What the graph needs of one work, computed by a per-work task: its provisions, its
    resolved references and its amendment history."""

    name: str
    provisions: tuple[tuple[str, str, str, str], ...]
    resolutions: tuple
    changes: tuple


def work_links(corpus, name: str) -> WorkLinks:
    """One work's share of the graph (``build_graph`` joins them: the global step)."""
    from akn_schema.corpus import as_corpus

    corpus = as_corpus(corpus)
    return WorkLinks(name, _provisions(corpus, name), work_resolutions(corpus, name), changes_of(corpus, name))


def build_graph(corpus, as_of: dt.date | None = None, history: dict | None = None,
                parts: dict[str, WorkLinks] | None = None) -> nx.MultiDiGraph:
    """The graph of the corpus (a ``Corpus`` or its folder); with ``as_of``, only the edges that
    hold on that date.

    ``history`` (work name → Changes) defaults to the consolidator's amendment events; ``parts``
    (work name → ``WorkLinks``) are the per-work results when a build computed them already.
    """
    from akn_schema.corpus import as_corpus

    corpus = as_corpus(corpus)
    works = corpus.works
    parts = parts if parts is not None else {name: work_links(corpus, name) for name in works}
    if history is None:
        history = {name: parts[name].changes for name in works}
    return graph_from(works, parts, history, as_of)


def graph_from(works: dict, parts: dict[str, WorkLinks], history: dict,
               as_of: dt.date | None = None) -> nx.MultiDiGraph:
    """The graph from the works' metadata and their per-work ``WorkLinks``."""
    g = nx.MultiDiGraph(as_of=as_of.isoformat() if as_of else "")
    by_uri = {w.uri: w for w in works.values()}
    for name, w in works.items():
        g.add_node(w.uri, kind="work", name=name, type=w.doctype, date=w.date.isoformat(), number=w.number,
                   title=next(iter(w.titles.values()), ""), in_corpus=True)
    for name, w in works.items():
        for lang, eid, num, heading in parts[name].provisions:
            node = f"{w.uri}~{eid}"
            if node not in g:
                g.add_node(node, kind="provision", work=w.uri, name=name, eid=eid, num=num,
                           heading=heading, langs=lang)
            elif lang not in g.nodes[node]["langs"].split(","):
                g.nodes[node]["langs"] += f",{lang}"
    _amendment_edges(g, works, history)
    _reference_edges(g, [r for name in works for r in parts[name].resolutions], by_uri, history)
    _one_node_per_untitled_act(g)
    if as_of:
        _keep_valid(g, as_of.isoformat())
    return g


def _amendment_edges(g, works: dict, history) -> None:
    for name, changes in history.items():
        uri = works[name].uri
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


def _reference_edges(g, found, by_uri: dict, history) -> None:
    for res, lang, cues in found:
        if res.status == "unresolved":
            continue
        citing = by_uri[res.work]
        target = res.node
        if res.status == "external":
            _external_node(g, res, lang)
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


def _external_node(g, res: Resolution, lang: str) -> None:
    if res.target not in g:
        m = res.reference.act
        # An act cited by date and number is named from them in each language; an act cited by its
        # title only keeps that title in the language of the text ("title_rus").
        title = m.title or ("" if m.date and m.number else m.raw)
        g.add_node(res.target, kind="work", name="", type=m.kind or "", date=m.date.isoformat() if m.date else "",
                   number=m.number or "", title=title, in_corpus=False)
        if res.target.startswith("ext:"):
            g.nodes[res.target][f"title_{lang}"] = title
    elif res.reference.act.date and not g.nodes[res.target]["date"]:
        g.nodes[res.target]["date"] = res.reference.act.date.isoformat()


def _one_node_per_untitled_act(g) -> None:
    """An act outside the corpus cited only by its title is one node in every language.

    The same provision of two language texts of one work is the same rule: where each cites just
    one act of a kind by title only ("Законом «О персональных данных и их защите»", "«Дербес
    деректер және оларды қорғау туралы» Заңымен"), the two titles name one act, and their nodes
    are merged (the first language's node stays, with ``title_<lang>`` for each language).
    """
    cited: dict[tuple[str, str], dict[str, set[str]]] = {}      # (source, kind) → lang → ext nodes
    for u, v, data in g.edges(data=True):
        if v.startswith("ext:"):
            for lang in data.get("langs", "").split(","):
                cited.setdefault((u, g.nodes[v]["type"]), {}).setdefault(lang, set()).add(v)
    merged: dict[str, str] = {}                                  # dropped node → the node kept
    for _, by_lang in sorted(cited.items()):
        single = sorted((lang, next(iter(nodes))) for lang, nodes in by_lang.items() if len(nodes) == 1)
        for (lang, first), (other_lang, other) in zip(single, single[1:], strict=False):
            keep, drop = _final(merged, first), _final(merged, other)
            if (keep != drop and not g.nodes[keep].get(f"title_{other_lang}")
                    and not g.nodes[drop].get(f"title_{lang}")):
                _merge_into(g, keep, drop)
                merged[drop] = keep


def _final(merged: dict[str, str], node: str) -> str:
    while node in merged:
        node = merged[node]
    return node


def _merge_into(g, keep: str, drop: str) -> None:
    """Move ``drop``'s titles and edges to ``keep``; an edge both have is one, in both languages."""
    for key, value in g.nodes[drop].items():
        if key.startswith("title_"):
            g.nodes[keep][key] = value
    for u, _, key, data in list(g.in_edges(drop, keys=True, data=True)):
        if g.has_edge(u, keep, key):
            have = g.edges[u, keep, key]
            have["langs"] = ",".join(sorted(set(have["langs"].split(",")) | set(data["langs"].split(","))))
        else:
            g.add_edge(u, keep, key=key, **data)
    g.remove_node(drop)


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


def unresolved(corpus) -> list[Resolution]:
    """References that could not be resolved: listed, never dropped."""
    return [res for res, _, _ in resolutions(corpus) if res.status == "unresolved"]


def graph_json(g: nx.MultiDiGraph) -> dict:
    """The node-link form (``networkx.node_link_data``)."""
    return nx.node_link_data(g, edges="edges")


def graph_graphml(g: nx.MultiDiGraph) -> bytes:
    """GraphML; every attribute is a string, a number or a boolean. networkx's lxml writer
    (streamed, with its XML declaration): a third of the time of its ElementTree one."""
    out = io.BytesIO()
    nx.write_graphml_lxml(g, out)
    return out.getvalue()
