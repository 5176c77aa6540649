"""Static SVG pictures, built with lxml at build time (text nodes escaped by the serializer).

    >>> from datetime import date
    >>> from publisher.model import EffectiveDate, EventView
    >>> svg = timeline_svg([EventView(EffectiveDate(date(2016, 3, 1)), "Law No. 408-V <x>", "amended")],
    ...                    start=date(2013, 5, 1))
    >>> "<svg" in svg and "&lt;x&gt;" in svg
    True
"""

from __future__ import annotations

from datetime import date

import networkx as nx
from lxml import etree
from markupsafe import Markup

from publisher.model import EventView


def _el(parent, tag: str, text: str | None = None, **attrs) -> etree._Element:
    el = etree.SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): str(v) for k, v in attrs.items()})
    if text is not None:
        el.text = text
    return el


def _root(width: int, height: int, label: str) -> etree._Element:
    # Inline in HTML: the HTML parser puts <svg> in the SVG namespace, no xmlns needed.
    return etree.Element("svg", {"viewBox": f"0 0 {width} {height}", "class": "zl-svg",
                                 "role": "img", "aria-label": label})


def _serialise(root: etree._Element) -> Markup:
    """Safe to inline: lxml escapes every text node and attribute value."""
    return Markup(etree.tostring(root, encoding="unicode", method="xml"))


def timeline_svg(events: list[EventView], start: date, width: int = 900, start_exact: bool = True) -> Markup:
    """A horizontal axis from the work's entry into force to the last event; one tick per distinct
    effective date, labelled with the amending acts. Lower-bound dates are hollow dots."""
    dates = sorted({e.effective.date for e in events} | {start})
    first, last = dates[0], dates[-1]
    span = max((last - first).days, 1)
    by_date: dict[date, list[EventView]] = {}
    for e in events:
        by_date.setdefault(e.effective.date, []).append(e)
    rows = 4
    height = 70 + rows * 34
    root = _root(width, height, "timeline of amending acts by effective date")
    left, right, axis_y = 40, width - 40, 40
    _el(root, "line", class_="zl-axis", x1=left, y1=axis_y, x2=right, y2=axis_y)
    for i, d in enumerate(dates):
        x = left + (right - left) * (d - first).days / span
        acts = by_date.get(d, [])
        exact = all(e.effective.exact for e in acts) and (d != start or start_exact)
        g = _el(root, "g")
        _el(g, "title", f"{d.isoformat()}: " + "; ".join(sorted({e.act for e in acts}) or ["entry into force"]))
        _el(g, "circle", class_="zl-dot" if exact else "zl-dot-uncertain", cx=f"{x:.1f}", cy=axis_y, r=5)
        y = axis_y + 22 + (i % rows) * 34
        _el(g, "line", class_="zl-tick", x1=f"{x:.1f}", y1=axis_y + 5, x2=f"{x:.1f}", y2=y - 11)
        label = d.isoformat() if exact else f"≥ {d.isoformat()}"
        _el(g, "text", label, x=f"{x:.1f}", y=y, text_anchor="middle")
        names = sorted({e.act.split(" of ")[0].replace("Law No. ", "") for e in acts})
        if names:
            _el(g, "text", ", ".join(names)[:40], x=f"{x:.1f}", y=y + 13, text_anchor="middle")
    return _serialise(root)


def graph_svg(graph: nx.DiGraph, width: int = 900, height: int = 640) -> Markup:
    """Nodes at a seeded spring layout (deterministic), edges as lines; node attribute ``label``
    is the text, ``kind`` one of work / provision / other; edge attribute ``kind`` its class."""
    root = _root(width, height, "graph of works, provisions and their links")
    if not graph.number_of_nodes():
        return _serialise(root)
    order = sorted(graph.nodes)
    stable = nx.DiGraph()
    stable.add_nodes_from(order)
    stable.add_edges_from(sorted(graph.edges()))
    pos = nx.spring_layout(stable, seed=88, iterations=80)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    pad = 60

    def at(n):
        x, y = pos[n]
        sx = pad + (width - 2 * pad) * ((x - min(xs)) / ((max(xs) - min(xs)) or 1))
        sy = pad / 2 + (height - pad) * ((y - min(ys)) / ((max(ys) - min(ys)) or 1))
        return sx, sy

    for u, v, attrs in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1])):
        (x1, y1), (x2, y2) = at(u), at(v)
        _el(root, "line", class_=f"zl-edge zl-edge-{attrs.get('kind', 'link')}",
            x1=f"{x1:.1f}", y1=f"{y1:.1f}", x2=f"{x2:.1f}", y2=f"{y2:.1f}")
    for n in order:
        x, y = at(n)
        attrs = graph.nodes[n]
        kind = attrs.get("kind", "other")
        g = _el(root, "g")
        _el(g, "title", str(attrs.get("title") or n))
        _el(g, "circle", class_=f"zl-node-{kind}", cx=f"{x:.1f}", cy=f"{y:.1f}", r=9 if kind == "work" else 5)
        if kind == "work" or attrs.get("show_label"):
            _el(g, "text", str(attrs.get("label") or n), x=f"{x + 8:.1f}", y=f"{y - 8:.1f}")
    return _serialise(root)
