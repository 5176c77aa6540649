"""Feeds: the Atom feed of changes (one entry per amending act and work, dated by when it takes
effect, one feed per language) and the iCalendar feed of discussion deadlines with each draft's page.
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

import re
from urllib.parse import quote

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


def act_key(event) -> str:
    """The amending act of an event as a path that identifies it: its AKN work URI when known.

    >>> from datetime import date
    >>> from publisher.model import ActRef, EffectiveDate, EventView
    >>> act_key(EventView(EffectiveDate(date(2016, 3, 1)), "Law 408-V of 2015-11-17", "amended",
    ...                   ref=ActRef("law", "408-V", date(2015, 11, 17))))
    '/akn/kz/act/2015-11-17/408-V'
    >>> act_key(EventView(EffectiveDate(date(2018, 12, 9)), "Order 264 of 2018-11-28", "new_wording",
    ...                   ref=ActRef("order", "264", date(2018, 11, 28))))
    '/akn/kz/act/order/2018-11-28/264'
    >>> act_key(EventView(EffectiveDate(date(2016, 3, 1)), "Закон № 1 от 01.02.2015", "amended"))
    '/unnamed/Закон-№-1-от-01.02.2015'
    """
    ref = getattr(event, "ref", None)
    if ref is not None and ref.uri:
        return "/" + ref.uri.strip("/")
    if ref is not None:
        kind = "" if ref.type == "law" else f"/{ref.type}"
        return f"/akn/kz/act{kind}/{ref.date.isoformat()}/{ref.number}"
    return "/unnamed/" + re.sub(r"[^\w.№-]+", "-", event.act).strip("-")


def entry_id(L: Language, work: WorkView, event) -> str:
    """A stable ``tag:`` URI for what one amending act did to one work, in the feed of one language:
    no spaces, no dates that may be revised, no internal values; non-ASCII letters percent-encoded.

    >>> from datetime import date
    >>> from publisher.model import ActRef, EffectiveDate, EventView
    >>> e = EventView(EffectiveDate(date(2024, 7, 21)), "Law 86-VIII of 2024-05-21", "heading_changed",
    ...               ref=ActRef("law", "86-VIII", date(2024, 5, 21)))
    >>> w = WorkView("law-88-V", "/akn/kz/act/2013-04-15/88-V", "law", date(2013, 4, 15), "88-V", {})
    >>> entry_id(LANGUAGES["rus"], w, e)
    'tag:zanlex,2013:ru/akn/kz/act/2013-04-15/88-V/amended-by/akn/kz/act/2024-05-21/86-VIII'
    """
    path = f"{L.html}/{work.uri.strip('/')}/amended-by{act_key(event)}"
    return "tag:zanlex,2013:" + quote(path, safe="/-._~")


def entry_content(L: Language, events: list) -> str:
    """What one amending act does to a work, in words: per date it takes effect, the kinds of change
    and how many provisions they touch.

    >>> from datetime import date
    >>> from publisher.model import EffectiveDate, EventView
    >>> on = EffectiveDate(date(2016, 3, 1))
    >>> entry_content(LANGUAGES["rus"], [EventView(on, "a", "amended", ["art_1", "art_2"]),
    ...                                  EventView(on, "a", "heading_changed", ["art_2"])])
    'Вступает в силу с 01.03.2016: изменения, изменение заголовка. Затронуто положений: 2.'
    """
    by_date: dict = {}
    for e in events:
        kinds, targets = by_date.setdefault((e.effective.date, e.effective.exact), (e.effective, [], set()))[1:]
        if e.kind not in kinds:
            kinds.append(e.kind)
        targets.update(e.targets)
    return " ".join(L.t("feed.summary", eff=words.effective(L, eff), kinds=", ".join(words.kind(L, k) for k in kinds),
                        count=len(targets))
                    for eff, kinds, targets in (by_date[k] for k in sorted(by_date)))


def changes_atom(works: list[WorkView], base: str, L: Language | None = None) -> bytes:
    """Newest first, in the language ``L`` (default English). ``base`` is the site's URL.

    One entry per amending act and work (whatever kinds of change it makes, on whatever dates),
    dated by the latest date it takes effect; the kinds are said in words in its content."""
    L = L or LANGUAGES["eng"]
    acts: dict[tuple[str, str], tuple[WorkView, list]] = {}
    for w in works:
        for e in w.events:
            acts.setdefault((w.uri, act_key(e)), (w, []))[1].append(e)
    entries = sorted(((max(e.effective.date for e in evs), w, evs) for w, evs in acts.values()),
                     key=lambda t: (t[0], t[1].uri, act_key(t[2][0])), reverse=True)
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
    for when, work, events in entries:
        entry = _sub(feed, "entry")
        title = work.title(L.code) if L.code in work.titles else words.act_name(L, words.work_act(work))
        _sub(entry, "title", L.t("feed.entry", work=title, act=words.event_act(L, events[0])))
        _sub(entry, "id", entry_id(L, work, events[0]))
        _sub(entry, "updated", f"{when.isoformat()}T00:00:00+05:00")
        _sub(entry, "link", href=absolute(base, L.section(urls.timeline_url(work.uri))))
        _sub(entry, "content", entry_content(L, events), type="text")
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
