"""Static SVG pictures that are also navigation, built with lxml at build time (text escaped by
the serializer). Every mark links to its page; every label is in the page's language.

The pictures are drawn at their natural size (one SVG unit = one CSS pixel, in a scrolling box),
so the 13-unit labels are 13 px on screen: never shrunk below 12 px to fit a narrow column.

    >>> from datetime import date
    >>> from publisher.languages import LANGUAGES
    >>> from publisher.model import ActRef, EffectiveDate, EventView
    >>> e = EventView(EffectiveDate(date(2016, 3, 1)), "Law No. 408-V <x>", "amended",
    ...               ref=ActRef("law", "408-V <x>", date(2015, 11, 17)))
    >>> svg = timeline_svg([e], LANGUAGES["rus"], start=date(2013, 5, 1))
    >>> "<svg" in svg and "408-V &lt;x&gt;" in svg and "01.03.2016" in svg
    True
"""

from __future__ import annotations

from datetime import date

import networkx as nx
from lxml import etree
from markupsafe import Markup

from publisher import words
from publisher.languages import Language
from publisher.model import EventView

FONT = 13          # label size in SVG units = CSS px (the SVG is never scaled down)


def _el(parent, tag: str, text: str | None = None, **attrs) -> etree._Element:
    el = etree.SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): str(v) for k, v in attrs.items()})
    if text is not None:
        el.text = text
    return el


def _root(width: int, height: int, label: str) -> etree._Element:
    # Inline in HTML: the HTML parser puts <svg> in the SVG namespace, no xmlns needed.
    # A group, not an image: its marks are links a keyboard reaches (axe: nested-interactive).
    return etree.Element("svg", {"viewBox": f"0 0 {width} {height}", "width": str(width), "height": str(height),
                                 "class": "zl-svg", "role": "group", "aria-label": label})


def _serialise(root: etree._Element) -> Markup:
    """Safe to inline: lxml escapes every text node and attribute value."""
    return Markup(etree.tostring(root, encoding="unicode", method="xml"))


def _link(parent, href: str | None, label: str) -> etree._Element:
    """An ``<a>`` around a mark (focusable, named for screen readers), or a plain group."""
    if not href:
        g = _el(parent, "g")
        _el(g, "title", label)
        return g
    a = _el(parent, "a", href=href, class_="zl-svg-link")
    a.set("aria-label", label)
    _el(a, "title", label)
    return a


def timeline_svg(events: list[EventView], L: Language, start: date, width: int = 880, start_exact: bool = True,
                 links: dict[date, str] | None = None, act_links: dict[str, str] | None = None) -> Markup:
    """A horizontal axis from the work's entry into force to the last change, one dot per distinct
    effective date in order (evenly spaced, so that close dates stay readable), linked to the version
    that starts then and labelled with the date and the amending acts (each linked to its row in the
    table). Labels alternate over four rows. Lower-bound dates are hollow dots."""
    links, act_links = links or {}, act_links or {}
    dates = sorted({e.effective.date for e in events} | {start})
    by_date: dict[date, list[EventView]] = {}
    for e in events:
        by_date.setdefault(e.effective.date, []).append(e)
    rows, step = 4, 2 * FONT + 16
    left = 60
    gap = 48
    width = max(width, left * 2 + gap * (len(dates) - 1))
    right = width - left
    height = 60 + rows * step + FONT
    root = _root(width, height, L.t("timeline.svg"))
    axis_y = 30
    _el(root, "line", class_="zl-axis", x1=left - 20, y1=axis_y, x2=right + 20, y2=axis_y)
    span = max(len(dates) - 1, 1)
    for i, d in enumerate(dates):
        x = left + (right - left) * i / span
        acts = by_date.get(d, [])
        exact = all(e.effective.exact for e in acts) and (d != start or start_exact)
        names = sorted({words.event_act(L, e) for e in acts}) or [L.t("timeline.entry_into_force")]
        label = L.date(d, "short") if exact else f"≥ {L.date(d, 'short')}"
        a = _link(root, links.get(d), f"{label}: " + "; ".join(names))
        _el(a, "circle", class_="zl-dot" if exact else "zl-dot-uncertain", cx=f"{x:.1f}", cy=axis_y, r=7)
        y = axis_y + 26 + (i % rows) * step
        _el(root, "line", class_="zl-tick", x1=f"{x:.1f}", y1=axis_y + 7, x2=f"{x:.1f}", y2=y - FONT)
        anchor = "start" if i == 0 else "end" if i == len(dates) - 1 else "middle"
        _el(a, "text", label, x=f"{x:.1f}", y=y, text_anchor=anchor)
        numbers = sorted({e.ref.number if e.ref else e.act: e for e in acts}.items())
        if numbers:
            line = _el(root, "text", None, x=f"{x:.1f}", y=y + FONT + 3, text_anchor=anchor, class_="zl-acts")
            for j, (n, e) in enumerate(numbers):
                if j:
                    _el(line, "tspan", ", ")
                t = _link(line, act_links.get(e.act), words.event_act(L, e))
                _el(t, "tspan", n)
    return _serialise(root)


EDGE_STYLE = {"legal_basis": "zl-edge-legal_basis", "cites": "zl-edge-cites", "part_of": "zl-edge-part_of",
              "declares_invalid": "zl-edge-declares_invalid"}


def _columns(graph: nx.DiGraph) -> dict[str, int]:
    """Nodes in three columns: bylaws and their citing provisions (left), the law's provisions
    they point to (middle), the works (right): every edge runs left to right."""
    col = {}
    for n in graph.nodes:
        ref = graph.nodes[n]["ref"]
        targets = {graph.edges[n, m]["kind"] for m in graph.successors(n)} - {"part_of"}
        if ref.kind in ("work", "other") and not targets:
            col[n] = 2
        elif targets:
            col[n] = 0
        else:
            col[n] = 1
    return col


def graph_svg(graph: nx.DiGraph, L: Language, here: str, width: int = 920) -> Markup:
    """The law–bylaw graph in columns (see ``_columns``), each node a labelled link to its page;
    node attribute ``ref`` is its ``NodeRef``, edge attribute ``kind`` the edge's class."""
    from publisher import urls

    col = _columns(graph)
    per = {c: sorted((n for n in graph.nodes if col[n] == c),
                     key=lambda n: (graph.nodes[n]["ref"].work_uri or n, n)) for c in range(3)}
    row = 2 * FONT + 14
    height = max(len(v) for v in per.values()) * row + 40 if graph.number_of_nodes() else 60
    root = _root(width, height, L.t("graph.svg"))
    xs = {0: 12, 1: 320, 2: 620}
    pos = {}
    for c, nodes in per.items():
        top = (height - len(nodes) * row) / 2
        for i, n in enumerate(nodes):
            pos[n] = (xs[c], top + i * row + row / 2)
    labels = {n: _wrap(words.node_label(L, graph.nodes[n]["ref"]), 38) for n in graph.nodes}
    edges = _el(root, "g", class_="zl-edges")
    for u, v, attrs in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1])):
        (x1, y1), (x2, y2) = pos[u], pos[v]
        kind = attrs.get("kind", "cites")
        if x2 > x1:         # leave from the end of the label, not across it
            x1 += 14 + 6.6 * max(len(line) for line in labels[u])
        _el(edges, "path", class_=f"zl-edge {EDGE_STYLE.get(kind, 'zl-edge-other')}",
            d=f"M{x1 + 8:.1f},{y1:.1f} C{(x1 + x2) / 2:.1f},{y1:.1f} {(x1 + x2) / 2:.1f},{y2:.1f} {x2 - 8:.1f},{y2:.1f}",
            marker_end="url(#zl-arrow)")
    defs = etree.Element("defs")
    root.insert(0, defs)
    marker = _el(defs, "marker", id="zl-arrow", viewBox="0 0 10 10", refX=10, refY=5, markerWidth=7, markerHeight=7,
                 orient="auto-start-reverse")
    _el(marker, "path", d="M 0 0 L 10 5 L 0 10 z", class_="zl-arrow")
    for n in sorted(graph.nodes):
        ref = graph.nodes[n]["ref"]
        x, y = pos[n]
        label = words.node_label(L, ref)
        a = _link(root, urls.relative(here, ref.url) if ref.url else None, label)
        _el(a, "circle", class_=f"zl-node-{ref.kind}", cx=f"{x:.1f}", cy=f"{y:.1f}", r=8 if ref.kind == "work" else 6)
        text = _wrap(label, 38)
        t = _el(a, "text", None, x=f"{x + 14:.1f}", y=f"{y - (len(text) - 1) * (FONT + 1) / 2 + FONT / 3:.1f}")
        for i, line in enumerate(text):
            _el(t, "tspan", line, x=f"{x + 14:.1f}", dy="0" if i == 0 else str(FONT + 1))
    return _serialise(root)


def _wrap(text: str, width: int) -> list[str]:
    """At most two lines of about ``width`` characters (the full label is in the link's title)."""
    out, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    out.append(line)
    if len(out) > 2:
        out = [out[0], (out[1] + "…") if len(out[1]) < width else out[1][: width - 1] + "…"]
    return out
