"""The Atom feed of changes, one entry per amendment event, dated by when it takes effect.

    >>> from datetime import date
    >>> from publisher.model import EffectiveDate, EventView, WorkView
    >>> w = WorkView("law-88-V", "/akn/kz/act/2013-04-15/88-V", "law", date(2013, 4, 15), "88-V",
    ...              {"eng": "About state services"},
    ...              events=[EventView(EffectiveDate(date(2016, 3, 1)), "Law No. 408-V", "amended", ["art_1"])])
    >>> b"<updated>2016-03-01T00:00:00+05:00</updated>" in changes_atom([w], "https://example.kz/")
    True
"""

from __future__ import annotations

from lxml import etree

from publisher import urls
from publisher.model import WorkView

ATOM = "http://www.w3.org/2005/Atom"


def _sub(parent, tag: str, text: str | None = None, **attrs) -> etree._Element:
    el = etree.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def changes_atom(works: list[WorkView], base: str) -> bytes:
    """Newest first. ``base`` is the site's URL (or "" for relative links)."""
    entries = sorted(((e.effective.date, w, e) for w in works for e in w.events),
                     key=lambda t: (t[0], t[1].uri, t[2].act), reverse=True)
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    _sub(feed, "title", "zanlex: changes as they take effect")
    _sub(feed, "id", "tag:zanlex,2013:changes")
    newest = entries[0][0].isoformat() if entries else "2013-04-15"
    _sub(feed, "updated", f"{newest}T00:00:00+05:00")
    author = _sub(feed, "author")
    _sub(author, "name", "zanlex")
    for when, work, event in entries:
        entry = _sub(feed, "entry")
        _sub(entry, "title", f"{work.title()}: {event.act} ({event.kind})")
        _sub(entry, "id", f"tag:zanlex,2013:{work.uri}/{when.isoformat()}/{event.act}")
        _sub(entry, "updated", f"{when.isoformat()}T00:00:00+05:00")
        _sub(entry, "link", href=base + urls.timeline_url(work.uri))
        bound = "" if event.effective.exact else " (not before this date: publication date unknown)"
        targets = ", ".join(event.targets)
        _sub(entry, "summary", f"Takes effect {when.isoformat()}{bound}. Provisions: {targets}")
    return etree.tostring(feed, xml_declaration=True, encoding="utf-8", pretty_print=True)
