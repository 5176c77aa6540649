"""Every page and download of the site, from a ``SiteData``.

    >>> pages, files = site_pages(SiteData())
    >>> sorted(p.url for p in pages)[:3]
    ['', 'downloads/', 'drafts/']

One function per page type; each returns ``Page``s whose body is escaped HTML rendered from
``site/templates``. ``site_pages`` puts them together with the downloads (path → bytes).
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from publisher import urls
from publisher.build import Page
from publisher.diffs import text_changes
from publisher.feeds import changes_atom
from publisher.languages import LANGUAGES, SITE
from publisher.model import DraftView, SiteData, TextView, VersionView, WorkView
from publisher.render import render_page
from publisher.svg import graph_svg, timeline_svg

PARALLEL_LANGS = ("rus", "kaz", "eng")


def _filters(work: WorkView, lang: str) -> dict[str, str]:
    return {"act": work.title(lang) or work.name, "language": LANGUAGES[lang].name}


def expression_pages(work: WorkView, state: dict[str, str] | None = None) -> Iterator[Page]:
    """The current text and every version of ``work`` in each of its languages.

    Search indexes the current text, and the version whose wording is most fully in the page's
    own language when that is an older one (the English text is the 2014 wording: its words
    are found there, not in today's version, where most English wording is not known).
    """
    for lang, text in work.texts.items():
        here = urls.expression_url(work.uri, lang)
        versions = work.versions.get(lang, [])
        fullest = max(versions, key=lambda v: (v.known / v.total if v.total else 0, v.start.date), default=None)
        yield Page(here, work.title(lang), lang, render_page(
            "expression.html", work=work, lang=lang, version=None, text=text, here=here,
            prev=versions[-1] if versions else None, next=None,
            state=(state or {}).get(lang), xml=urls.xml_url(work.uri, lang) if lang in work.xml else None),
            _filters(work, lang))
        for i, v in enumerate(versions):
            here = urls.expression_url(work.uri, lang, v.start.iso)
            prev = versions[i - 1] if i else None
            nxt = versions[i + 1] if i + 1 < len(versions) else None
            yield Page(here, f"{work.title(lang)} ({v.start.iso})", lang, render_page(
                "expression.html", work=work, lang=lang, version=v, text=v.text, here=here,
                prev=prev, next=nxt, state=None,
                xml=urls.xml_url(work.uri, lang, v.start.iso) if v.xml else None), _filters(work, lang),
                indexed=v is fullest and nxt is not None)


def diff_pages(work: WorkView) -> Iterator[Page]:
    """For each version: the changes from the previous version and to the current text."""
    for lang, versions in work.versions.items():
        current = work.texts.get(lang)
        for i, v in enumerate(versions):
            pairs: list[tuple[str, VersionView | None, TextView | None]] = []
            if i:
                pairs.append(("previous", versions[i - 1], versions[i - 1].text))
            if current is not None:
                pairs.append(("current", None, current))
            for against, other, other_text in pairs:
                here = urls.diff_url(work.uri, lang, v.start.iso, against)
                this_url = urls.expression_url(work.uri, lang, v.start.iso)
                if against == "previous":
                    old, new = other_text, v.text
                    old_url, new_url = urls.expression_url(work.uri, lang, other.start.iso), this_url
                    old_label, new_label = other.start.iso, v.start.iso
                else:
                    old, new = v.text, other_text
                    old_url, new_url = this_url, urls.expression_url(work.uri, lang)
                    old_label, new_label = v.start.iso, LANGUAGES[lang].label("current")
                changed = [
                    {"eid": c.eid, "label": c.label, "status": c.status, "ops": c.ops,
                     "url": f"{new_url if c.status != 'removed' else old_url}#{c.eid}"}
                    for c in text_changes(old, new)]
                yield Page(here, f"{work.title(lang)}: {old_label} → {new_label}", lang, render_page(
                    "diff.html", work=work, lang=lang, here=here, changed=changed, old_url=old_url,
                    new_url=new_url, old_label=old_label, new_label=new_label), indexed=False)


def _main_lang(work: WorkView) -> str:
    return next(iter(work.texts), "rus")


def _articles(work: WorkView) -> dict[str, str]:
    """eId → label of every provision of the work's main text, in document order:
    ``chp_2__art_7__point_3`` → "Article 7 › 3)"; articles keep their heading."""
    text = work.texts.get(_main_lang(work))
    if text is None:
        return {}
    labels: dict[str, str] = {"": work.title()}
    for p in text.walk():
        parent = labels.get(p.eid.rsplit("__", 1)[0], "") if "__" in p.eid else ""
        if p.kind in ("chapter", "subchapter"):
            labels[p.eid] = f"{SITE.unit(p.kind, p.num)} {p.heading or ''}".strip() or p.eid
        elif p.kind == "article":
            labels[p.eid] = f"{SITE.unit(p.kind, p.num)} {p.heading or ''}".strip()
        else:
            own = p.num or p.eid.rsplit("__", 1)[-1]
            stem = parent if parent and not parent.startswith(("Chapter", "Paragraph")) else ""
            labels[p.eid] = f"{stem.split('.')[0]} › {own}" if stem else own
    return labels


def _article_of(eid: str, articles: dict[str, str]) -> str:
    """The closest enclosing unit of ``eid`` that has a label (``chp_1__art_4__point_2`` → ``chp_1__art_4``)."""
    parts = eid.split("__")
    for n in range(len(parts), 0, -1):
        candidate = "__".join(parts[:n])
        if candidate in articles and "art_" in candidate.rsplit("__", 1)[-1]:
            return candidate
    for n in range(len(parts), 0, -1):
        if "__".join(parts[:n]) in articles:
            return "__".join(parts[:n])
    return eid


def timeline_page(work: WorkView) -> Page:
    here = urls.timeline_url(work.uri)
    articles = _articles(work)
    per: dict[str, list] = {}
    for e in work.events:
        for target in e.targets:
            per.setdefault(_article_of(target, articles), []).append((e, target))
    order = {eid: i for i, eid in enumerate(articles)}
    per_article = [(eid, articles.get(eid, eid), evs)
                   for eid, evs in sorted(per.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))]
    first = min((v.start for vs in work.versions.values() for v in vs), key=lambda e: e.date, default=None)
    svg = timeline_svg(work.events, start=work.start(), start_exact=first.exact if first else True)
    return Page(here, f"{work.title()}: timeline", "eng", render_page(
        "timeline.html", work=work, here=here, svg=svg, per_article=per_article, main_lang=_main_lang(work)))


def parallel_pages(work: WorkView) -> Iterator[Page]:
    """Current texts, and each point in time, side by side; rows are eIds in document order."""
    langs = [lang for lang in PARALLEL_LANGS if lang in work.texts]
    dates = sorted({v.start.iso for vs in work.versions.values() for v in vs})
    snapshots: list[tuple[str | None, dict[str, TextView]]] = [(None, dict(work.texts))]
    for d in dates:
        snapshots.append((d, {lang: v.text for lang in langs
                              for v in work.versions.get(lang, []) if v.start.iso == d}))
    for date, texts in snapshots:
        by_lang = {lang: {p.eid: p for p in texts[lang].walk()} for lang in langs if lang in texts}
        order: list[str] = []
        for lang in langs:
            for eid in by_lang.get(lang, {}):
                if eid not in order:
                    order.append(eid)
        rows = [(eid, [(lang, by_lang.get(lang, {}).get(eid)) for lang in langs]) for eid in order]
        here = urls.parallel_url(work.uri, date)
        yield Page(here, f"{work.title()}: ru · kk · en{' ' + date if date else ''}", "eng", render_page(
            "parallel.html", work=work, here=here, langs=langs, rows=rows, date=date, dates=dates),
            indexed=False)


def work_page(work: WorkView) -> Page:
    here = urls.work_url(work.uri)
    return Page(here, work.title(), "eng", render_page("work.html", work=work, here=here))


def work_graph_page(site: SiteData, work: WorkView) -> Page:
    here = urls.graph_url(work.uri)
    articles = _articles(work)
    order = {eid: i for i, eid in enumerate(articles)}
    rows = [(eid, articles.get(eid, eid), edges)
            for eid, edges in sorted(work.edges.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))]
    warnings = [w for w in site.graph.warnings if w.url and w.url.startswith(urls.work_url(work.uri))]
    return Page(here, f"{work.title()}: bylaws and references", "eng", render_page(
        "work_graph.html", work=work, here=here, rows=rows, warnings=warnings, main_lang=_main_lang(work)))


def graph_page(site: SiteData) -> Page:
    here = "graph/"
    g = nx.DiGraph()
    for n in site.graph.nodes:
        g.add_node(n["id"], **{k: v for k, v in n.items() if k != "id"})
    for e in site.graph.edges:
        g.add_edge(e["source"], e["target"], kind=e.get("kind", "link"))
    return Page(here, "The law–bylaw graph", "eng", render_page(
        "graph.html", site=site, here=here, svg=graph_svg(g)))


def draft_pages(site: SiteData) -> Iterator[Page]:
    yield Page("drafts/", "Drafts under public discussion", "eng",
               render_page("drafts.html", site=site, here="drafts/"))
    for d in site.drafts:
        here = urls.draft_url(d.id)
        yield Page(here, d.title, d.lang, render_page("draft.html", draft=d, here=here))


def home_page(site: SiteData) -> Page:
    latest = sorted(((w, e) for w in site.works for e in w.events),
                    key=lambda we: (we[1].effective.date, we[0].uri, we[1].act), reverse=True)
    seen, unique = set(), []
    for w, e in latest:        # one line per amending act and work
        if (w.uri, e.act) not in seen:
            seen.add((w.uri, e.act))
            unique.append((w, e))
    open_drafts: list[DraftView] = [d for d in site.drafts if d.status in ("open", "not yet open")]
    return Page("", "zanlex", "eng", render_page(
        "home.html", site=site, here="", latest=unique[:10], open_drafts=open_drafts))


def downloads_page(site: SiteData, files: dict[str, bytes]) -> Page:
    xml_files = [(path, path.rsplit("/", 2)[-2] if path.endswith("main.xml") else path)
                 for path in sorted(files) if path.endswith(".xml") and path.startswith("akn/")]
    labelled = [(p, "/" + p.rsplit("/", 1)[0]) for p, _ in xml_files]
    return Page("downloads/", "Downloads", "eng", render_page(
        "downloads.html", site=site, here="downloads/", xml_files=labelled))


def search_pages() -> Iterator[Page]:
    for code, lang in LANGUAGES.items():
        here = urls.search_url(lang.html)
        yield Page(here, lang.label("search"), code, render_page("search.html", lang=code, here=here))


def downloads(site: SiteData) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for w in site.works:
        for lang, xml in w.xml.items():
            files[urls.xml_url(w.uri, lang)] = xml
        for lang, versions in w.versions.items():
            for v in versions:
                if v.xml:
                    files[urls.xml_url(w.uri, lang, v.start.iso)] = v.xml
    if site.graph.graphml:
        files["downloads/graph.graphml"] = site.graph.graphml
    if site.graph.json:
        files["downloads/graph.json"] = site.graph.json
    if site.ical:
        files["feeds/deadlines.ics"] = site.ical
    files["feeds/changes.atom"] = changes_atom(site.works, "")
    return files


def site_pages(site: SiteData, states: dict[str, dict[str, str]] | None = None
               ) -> tuple[list[Page], dict[str, bytes]]:
    """All pages and downloads. ``states``: work name → lang → a note on what the current text is."""
    files = downloads(site)
    pages: list[Page] = [home_page(site), downloads_page(site, files), graph_page(site),
                         *draft_pages(site), *search_pages()]
    for w in site.works:
        pages.append(work_page(w))
        pages.extend(expression_pages(w, (states or {}).get(w.name)))
        pages.extend(diff_pages(w))
        pages.extend(parallel_pages(w))
        if w.events:
            pages.append(timeline_page(w))
        if w.edges:
            pages.append(work_graph_page(site, w))
    return pages, files
