"""Feeds: the Atom feed of changes (one entry per amendment event, dated by when it takes effect,
one feed per language) and the iCalendar feed of discussion deadlines with each draft's page.
Links are absolute, from the site's URL (``site_url`` in mkdocs.yml), so a feed reader can follow them.

    >>> from datetime import date
    >>> from publisher.model import ActRef, EffectiveDate, EventView, WorkView
    >>> w = WorkView("law-88-V", "/akn/kz/act/2013-04-15/88-V", "law", date(2013, 4, 15), "88-V",
    ...              {"eng": "About state services"},
    ...              events=[EventView(EffectiveDate(date(2016, 3, 1)), "Law No. 408-V", "amended", ["art_1"],
    ...                                ref=ActRef("law", "408-V", date(2015, 11, 17)))])
    >>> feed = changes_atom([w], "https://example.kz/")
    >>> b"<updated>2016-03-01T00:00:00+05:00</updated>" in feed
    True
    >>> b'href="https://example.kz/akn/kz/act/2013-04-15/88-V/timeline/"' in feed
    True
"""

from __future__ import annotations

from lxml import etree

from publisher import urls, words
from publisher.languages import LANGUAGES, Language
from publisher.model import SiteData, WorkView

ATOM = "http://www.w3.org/2005/Atom"


def _sub(parent, tag: str, text: str | None = None, **attrs) -> etree._Element:
    el = etree.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def absolute(base: str, url: str) -> str:
    """A site-relative URL made absolute with ``base`` (the site's URL, ending in "/")."""
    return (base.rstrip("/") + "/" if base else "") + url


def changes_atom(works: list[WorkView], base: str, L: Language | None = None) -> bytes:
    """Newest first, in the language ``L`` (default English). ``base`` is the site's URL."""
    L = L or LANGUAGES["eng"]
    entries = sorted(((e.effective.date, w, e) for w in works for e in w.events),
                     key=lambda t: (t[0], t[1].uri, t[2].act), reverse=True)
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    feed.set("{http://www.w3.org/XML/1998/namespace}lang", L.html)
    _sub(feed, "title", L.t("feed.title"))
    _sub(feed, "id", f"tag:zanlex,2013:changes:{L.html}")
    _sub(feed, "link", href=absolute(base, L.section("")))
    _sub(feed, "link", rel="self", href=absolute(base, f"feeds/changes-{L.html}.atom"))
    newest = entries[0][0].isoformat() if entries else "2013-04-15"
    _sub(feed, "updated", f"{newest}T00:00:00+05:00")
    author = _sub(feed, "author")
    _sub(author, "name", "zanlex")
    for when, work, event in entries:
        entry = _sub(feed, "entry")
        title = work.title(L.code) if L.code in work.titles else words.act_name(L, words.work_act(work))
        _sub(entry, "title", L.t("feed.entry", work=title, act=words.event_act(L, event),
                                 kind=words.kind(L, event.kind)))
        _sub(entry, "id", f"tag:zanlex,2013:{work.uri}/{when.isoformat()}/{event.act}/{event.kind}")
        _sub(entry, "updated", f"{when.isoformat()}T00:00:00+05:00")
        _sub(entry, "link", href=absolute(base, L.section(urls.timeline_url(work.uri))))
        _sub(entry, "summary", L.t("feed.summary", eff=words.effective(L, event.effective),
                                   count=len(event.targets)))
    return etree.tostring(feed, xml_declaration=True, encoding="utf-8", pretty_print=True)


def ical_with_urls(feed: bytes, site: SiteData) -> bytes:
    """The discussion stage's iCalendar feed with each event's ``URL``: its draft's page on the site."""
    import icalendar

    cal = icalendar.Calendar.from_ical(feed)
    langs = {d.id: d.lang for d in site.drafts}
    for event in cal.walk("VEVENT"):
        draft_id = str(event.get("UID", "")).split("@")[0]
        if draft_id and "URL" not in event and site.site_url:
            # the page whose interface is in the draft's own language
            section = LANGUAGES.get(langs.get(draft_id, "eng"), LANGUAGES["eng"])
            event.add("url", absolute(site.site_url, section.section(urls.draft_url(draft_id))))
    return cal.to_ical()
