"""Everything pointing to and from a provision or a work: "which bylaws are issued under Art. 7?".

    >>> parse_ref("/akn/kz/act/2013-04-15/88-V/~chp_2__art_7__point_3")
    ('/akn/kz/act/2013-04-15/88-V', 'chp_2__art_7__point_3')
    >>> parse_ref("law-88-V~art_7"), parse_ref("order-78")
    (('law-88-V', 'art_7'), ('order-78', None))
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from akn_schema.errors import ZanlexError


class UnknownReference(ZanlexError):
    """A REF that names no work or provision in the graph, or several provisions."""


@dataclass
class Link:
    kind: str
    source: str
    target: str
    attrs: dict

    def as_dict(self, g: nx.MultiDiGraph) -> dict:
        def name(node):
            d = g.nodes[node]
            return d.get("name") or d.get("title") or node
        return {"kind": self.kind, "from": self.source, "from_name": name(self.source), "to": self.target,
                "to_name": name(self.target), **self.attrs}


@dataclass
class Links:
    """The links of ``subject`` (a node) and of the provisions inside it."""

    subject: str
    nodes: list[str]
    incoming: list[Link] = field(default_factory=list)
    outgoing: list[Link] = field(default_factory=list)

    def bylaws(self) -> list[str]:
        """The works issued under the subject (sources of ``legal_basis`` edges)."""
        return sorted({link.source for link in self.incoming if link.kind == "legal_basis"})

    def as_dict(self, g: nx.MultiDiGraph) -> dict:
        return {"subject": self.subject, "bylaws": [{"uri": b, "name": g.nodes[b].get("name", ""),
                                                     "title": g.nodes[b].get("title", "")} for b in self.bylaws()],
                "incoming": [x.as_dict(g) for x in self.incoming],
                "outgoing": [x.as_dict(g) for x in self.outgoing]}


def parse_ref(ref: str) -> tuple[str, str | None]:
    """A REF → (work name or URI, eId or eId suffix or None)."""
    if "~" in ref:
        work, eid = ref.split("~", 1)
        return work.rstrip("/"), eid
    return ref.rstrip("/"), None


def find_node(g: nx.MultiDiGraph, ref: str) -> str:
    """The node a REF names; a short eId such as ``art_7`` matches the provision ending with it."""
    work, eid = parse_ref(ref)
    if not work.strip() or (eid is not None and not eid.strip()):
        raise UnknownReference(f"{ref!r}: name a work (law-88-V) or a provision (law-88-V~art_7)")
    uris = [n for n, d in g.nodes(data=True) if d.get("kind") == "work" and work in (n, d.get("name"))]
    if not uris:
        raise UnknownReference(f"{ref}: no such work in the graph")
    uri = uris[0]
    if eid is None:
        return uri
    found = [n for n, d in g.nodes(data=True) if d.get("kind") == "provision" and d.get("work") == uri
             and (d["eid"] == eid or d["eid"].endswith("__" + eid))]
    if len(found) != 1:
        which = ", ".join(sorted(g.nodes[n]["eid"] for n in found)) or "none"
        raise UnknownReference(f"{ref}: {len(found)} provisions match ({which})")
    return found[0]


def links_of(g: nx.MultiDiGraph, ref: str) -> Links:
    """Edges into and out of the REF's node and every provision inside it."""
    subject = find_node(g, ref)
    d = g.nodes[subject]
    if d["kind"] == "work":
        inside = [n for n, x in g.nodes(data=True) if x.get("work") == subject]
    else:
        inside = [n for n, x in g.nodes(data=True)
                  if x.get("work") == d["work"] and x.get("eid", "").startswith(d["eid"] + "__")]
    nodes = [subject, *inside]
    result = Links(subject, nodes)
    for n in nodes:
        result.incoming += [Link(k.split(":")[0], u, v, _plain(a)) for u, v, k, a in g.in_edges(n, keys=True, data=True)]
        result.outgoing += [Link(k.split(":")[0], u, v, _plain(a)) for u, v, k, a in g.out_edges(n, keys=True, data=True)]
    return result


def _plain(attrs: dict) -> dict:
    return {k: v for k, v in attrs.items() if k != "kind"}
