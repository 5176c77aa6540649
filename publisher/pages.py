"""Every page and download of the site, from a ``SiteData``.

    >>> pages, files = site_pages(SiteData())
    >>> sorted(p.url for p in pages)[:4]
    ['', 'acts/', 'downloads/', 'drafts/']

The site has a section per language: its own pages (home, drafts, graph, downloads, search and
each act's overview, timeline, graph and parallel view) at ``""`` (English), ``ru/`` and
``kk/``. The text of an act, its versions and diffs are in the text's language and live at the
act's URI (``akn/…/rus@2016-03-01/``). Every page
links to the same page in the other languages (keeping the provision and the date). A draft has a
page in each section (``drafts/<id>/``, ``ru/drafts/<id>/``, ``kk/drafts/<id>/``); its title and
comments keep their own language.

One function per page type; each returns ``Page``s whose body is escaped HTML rendered from
``site/templates``. ``site_pages`` puts them together with the downloads (path → bytes).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import partial

import networkx as nx
from markupsafe import Markup

from publisher import urls
from publisher.build import Page
from publisher.diffs import text_changes
from publisher.feeds import changes_atom
from publisher.languages import LANGUAGES, Language
from publisher.model import DraftView, SiteData, TextView, VersionView, WorkView
from publisher.render import forget_fragments, parallel_row, render_page, toc_of
from publisher.svg import graph_svg, timeline_svg

PARALLEL_LANGS = ("rus", "kaz", "eng")
SECTIONS = tuple(LANGUAGES.values())


def _filters(work: WorkView, lang: str) -> dict[str, str]:
    """Pagefind's filter of an act page, named in the page's language (each language has its own index)."""
    L = LANGUAGES[lang]
    return {L.t("pagefind.filter.act"): work.title(lang) or work.name}


def _alternates(urls_by_lang: dict[str, str]) -> list[dict]:
    """The language switch of a page: the same page in each language (site-relative URLs)."""
    return [{"name": LANGUAGES[code].name, "link": url or "./", "lang": LANGUAGES[code].html}
            for code, url in urls_by_lang.items()]


def _section_alternates(url: str) -> list[dict]:
    """For a page of the site's own: the same page in each section."""
    return _alternates({L.code: L.section(url) for L in SECTIONS})


ACTS_PER_PAGE = 100


def menu(site: SiteData, L: Language) -> list[dict]:
    """The side menu of a section: home, the list of acts, drafts, the graph, downloads and the
    section's own search page. It does not name each act: a page would then depend on every act
    (adding one would change every page of the site); the acts page lists them, a page at a time."""
    return [{"title": L.t("menu.home"), "url": L.section("")},
            {"title": L.t("menu.acts"), "url": L.section("acts/")},
            {"title": L.t("menu.drafts"), "url": L.section("drafts/")},
            {"title": L.t("menu.graph"), "url": L.section("graph/")},
            {"title": L.t("menu.downloads"), "url": L.section("downloads/")},
            {"title": L.t("menu.search"), "url": L.section("search/")}]


def paged_url(number: int, list_url: str = "acts/") -> str:
    """Page ``number`` (1-based) of a paged list of acts (the acts, the downloads) in a section,
    before its language prefix.

    >>> paged_url(1), paged_url(3), paged_url(2, "downloads/")
    ('acts/', 'acts/3/', 'downloads/2/')
    """
    return list_url if number == 1 else f"{list_url}{number}/"


def page_window(number: int, count: int, around: int = 2) -> list[int | None]:
    """The page numbers a pager shows: the first, the last, and ``around`` on each side of the
    current one; ``None`` where numbers are left out. A pager naming every page would make the
    site quadratic in the number of acts (3,000 pages of acts, each linking to the 3,000).

    >>> page_window(1, 3), page_window(50, 3000), page_window(2999, 3000)
    ([1, 2, 3], [1, None, 48, 49, 50, 51, 52, None, 3000], [1, None, 2997, 2998, 2999, 3000])
    """
    shown = sorted({1, count, *range(max(1, number - around), min(count, number + around) + 1)})
    out: list[int | None] = []
    for n in shown:
        if out and n - out[-1] > 1:
            out.append(None)
        out.append(n)
    return out


def _pager(number: int, count: int, L: Language, list_url: str) -> list[tuple[int, str] | None]:
    """The pager's entries: (number, the page's URL in the section), ``None`` for a gap."""
    return [None if n is None else (n, L.section(paged_url(n, list_url))) for n in page_window(number, count)]


class _Pages:
    """Makes the pages of one ``SiteData``: each carries its section's menu and its alternates."""

    def __init__(self, site: SiteData, cache=None):
        self.site = site
        self.menus = {L.code: menu(site, L) for L in SECTIONS}
        self.cache = cache            # an ``akn_schema.cache.BuildCache``: bodies kept across builds (``kept``)
        self._works_key: str | None = None

    def kept(self, parts: tuple, render) -> Markup:
        """``render()``, kept in the build cache under the hash of ``parts``, which must name
        everything the body shows besides the site's acts; those are named by ``works_key``."""
        if self.cache is None:
            return render()
        return Markup(self.cache.kept(("publisher.page-body", self.works_key(), *parts), lambda: str(render())))

    def works_key(self) -> str:
        """The hash of every act as the site's own pages see it (``shard.summary_view``: names,
        titles, languages, versions, events, units, edges), computed once: an edit to an act's
        wording leaves it, and the lists of acts, as they were."""
        if self._works_key is None:
            import pickle

            from akn_schema.cache import content_key

            self._works_key = content_key(pickle.dumps(self.site.works, protocol=pickle.HIGHEST_PROTOCOL))
        return self._works_key

    def page(self, url: str, title: str, lang: str, body, *, alternates: list[dict], filters=None,
             indexed: bool = False, toc=None, wide: bool = False) -> Page:
        """``wide``: a page without a table of contents gives its width to the content."""
        return Page(url, title, lang, body, filters or {}, indexed=indexed, alternates=alternates,
                    menu=self.menus[lang], toc=toc or [], hide=["toc"] if wide or not toc else [])


def expression_alternates(work: WorkView, lang: str, date: str | None, suffix: str = "") -> list[dict]:
    """The same text in the other languages at the same date (or the current text); where a
    language has no text of the work, that section's page about the work."""
    out = {}
    for L in SECTIONS:
        if L.code in work.texts and (date is None or any(v.start.iso == date for v in work.versions.get(L.code, []))):
            out[L.code] = urls.expression_url(work.uri, L.code, date) + suffix
        else:
            out[L.code] = L.section(urls.work_url(work.uri))
    return _alternates(out)


def expression_pages(P: _Pages, work: WorkView) -> Iterator[Page]:
    """The current text and every version of ``work`` in each of its languages.

    Search indexes the current text, and the version whose wording is most fully in the page's
    own language when that is an older one (the English text is the 2014 wording: its words
    are found there, not in today's version, where most English wording is not known).
    """
    site = P.site
    for lang, text in work.texts.items():
        L = LANGUAGES[lang]
        here = urls.expression_url(work.uri, lang)
        versions = work.versions.get(lang, [])
        fullest = max(versions, key=lambda v: (v.known / v.total if v.total else 0, v.start.date), default=None)
        current = versions[-1] if versions else None
        yield P.page(here, work.title(lang), lang, render_page(
            "expression.html", site=site, work=work, lang=lang, version=None, shown=current, text=text,
            here=here, prev=versions[-2] if len(versions) > 1 else None, next=None),
            alternates=expression_alternates(work, lang, None), filters=_filters(work, lang), indexed=True,
            toc=toc_of(text, L))
        for i, v in enumerate(versions):
            here = urls.expression_url(work.uri, lang, v.start.iso)
            prev = versions[i - 1] if i else None
            nxt = versions[i + 1] if i + 1 < len(versions) else None
            title = L.t("expr.title_version", title=work.title(lang), date=v.start.date)
            yield P.page(here, title, lang, render_page(
                "expression.html", site=site, work=work, lang=lang, version=v, shown=v, text=v.text,
                here=here, prev=prev, next=nxt),
                alternates=expression_alternates(work, lang, v.start.iso), filters=_filters(work, lang),
                indexed=v is fullest and nxt is not None, toc=toc_of(v.text, L))


def diff_pages(P: _Pages, work: WorkView) -> Iterator[Page]:
    """For each version: the changes from the previous version and to the current text."""
    for lang, versions in work.versions.items():
        L = LANGUAGES[lang]
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
                    old_label, new_label = L.date(other.start.date), L.date(v.start.date)
                else:
                    old, new = v.text, other_text
                    old_url, new_url = this_url, urls.expression_url(work.uri, lang)
                    old_label, new_label = L.date(v.start.date), L.t("expr.current")
                changes = text_changes(old, new, lang)
                title = L.t("diff.title", title=work.title(lang), old=old_label, new=new_label)
                yield P.page(here, title, lang, render_page(
                    "diff.html", work=work, lang=lang, here=here, changes=changes, old_url=old_url,
                    new_url=new_url, old_label=old_label, new_label=new_label, title=title),
                    alternates=expression_alternates(work, lang, v.start.iso, f"diff-{against}/"))


def _main_lang(work: WorkView, L: Language) -> str:
    return L.code if L.code in work.texts else next(iter(work.texts), "rus")


def _labels(work: WorkView) -> dict[str, tuple]:
    """eId → its units outermost first, for every provision of any of the work's texts."""
    from publisher.words import path_of

    parents = {}
    for text in work.texts.values():
        for p in text.walk():
            parents.setdefault(p.eid, p)
    return {eid: path_of(p, parents) for eid, p in parents.items()}


def _article_of(eid: str, paths: dict[str, tuple]) -> str:
    """The closest enclosing article of ``eid`` (``chp_1__art_4__point_2`` → ``chp_1__art_4``), else
    the closest enclosing unit the work has."""
    parts = eid.split("__")
    for n in range(len(parts), 0, -1):
        candidate = "__".join(parts[:n])
        if candidate in paths and paths[candidate] and paths[candidate][-1][0] == "article":
            return candidate
    for n in range(len(parts), 0, -1):
        if "__".join(parts[:n]) in paths:
            return "__".join(parts[:n])
    return eid


def _document_order(work: WorkView) -> dict[str, int]:
    order: dict[str, int] = {}
    for text in work.texts.values():
        for p in text.walk():
            order.setdefault(p.eid, len(order))
    return order


def timeline_pages(P: _Pages, work: WorkView) -> Iterator[Page]:
    paths = _labels(work)
    order = _document_order(work)
    per: dict[str, dict] = {}           # article → (act, kind, effective) → (event, its targets there)
    for e in work.events:
        for target in e.targets:
            line = per.setdefault(_article_of(target, paths), {}).setdefault((e.act, e.kind, e.effective), (e, []))
            if target not in line[1]:
                line[1].append(target)      # "3) - 9) исключены" is one line, naming each point
    per = {eid: list(lines.values()) for eid, lines in per.items()}
    per_article = [(eid, paths.get(eid, ()), evs)
                   for eid, evs in sorted(per.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))]
    first = min((v.start for vs in work.versions.values() for v in vs), key=lambda e: e.date, default=None)
    for L in SECTIONS:
        here = L.section(urls.timeline_url(work.uri))
        lang = _main_lang(work, L)
        starts = {v.start.date: urls.expression_url(work.uri, lang, v.start.iso)
                  for v in work.versions.get(lang, [])}
        svg = timeline_svg(work.events, L, start=work.start(), start_exact=first.exact if first else True,
                           links={d: urls.relative(here, u) for d, u in starts.items()},
                           act_links={e.act: urls.relative(here, here) + f"#{_event_anchor(e)}" for e in work.events})
        yield P.page(here, f"{work.title(lang)}: {L.t('timeline.title')}", L.code, render_page(
            "timeline.html", work=work, here=here, svg=svg, per_article=per_article, main_lang=lang, L=L,
            starts=starts, paths=paths, event_anchor=_event_anchor),
            alternates=_section_alternates(urls.timeline_url(work.uri)))


def _event_anchor(e) -> str:
    """The id of an amending act's row in the timeline table."""
    number = e.ref.number if e.ref else e.act
    return "act-" + "".join(ch if ch.isalnum() or ch == "-" else "-" for ch in f"{number}-{e.effective.iso}-{e.kind}")


def parallel_pages(P: _Pages, work: WorkView) -> Iterator[Page]:
    """Current texts, and each point in time, side by side; rows are eIds in document order."""
    langs = [lang for lang in PARALLEL_LANGS if lang in work.texts]
    dates = sorted({v.start.iso for vs in work.versions.values() for v in vs})
    snapshots: list[tuple[str | None, dict[str, TextView]]] = [(None, dict(work.texts))]
    for d in dates:
        snapshots.append((d, {lang: v.text for lang in langs
                              for v in work.versions.get(lang, []) if v.start.iso == d}))
    paths = _labels(work)
    for date, texts in snapshots:
        by_lang = {lang: {p.eid: p for p in texts[lang].walk()} for lang in langs if lang in texts}
        order = dict.fromkeys(eid for lang in langs for eid in by_lang.get(lang, {}))   # first seen, once
        rows = [(eid, paths.get(eid, ()), [(lang, by_lang.get(lang, {}).get(eid)) for lang in langs])
                for eid in order]
        version = next((v for vs in work.versions.values() for v in vs if v.start.iso == date), None)
        for L in SECTIONS:
            here = L.section(urls.parallel_url(work.uri, date))
            rows_html = Markup("\n").join(parallel_row(*row, langs, L) for row in rows)
            yield P.page(here, f"{work.title(_main_lang(work, L))}: {L.t('parallel.title')}", L.code, render_page(
                "parallel.html", work=work, here=here, langs=langs, rows_html=rows_html, date=date, dates=dates, L=L,
                version=version, main_lang=_main_lang(work, L)),
                alternates=_section_alternates(urls.parallel_url(work.uri, date)))


def work_pages(P: _Pages, work: WorkView) -> Iterator[Page]:
    for L in SECTIONS:
        here = L.section(urls.work_url(work.uri))
        yield P.page(here, work.title(_main_lang(work, L)), L.code, render_page(
            "work.html", work=work, here=here, L=L, main_lang=_main_lang(work, L)),
            alternates=_section_alternates(urls.work_url(work.uri)))


def work_graph_pages(P: _Pages, work: WorkView) -> Iterator[Page]:
    paths = _labels(work)
    order = _document_order(work)
    rows = [(eid, paths.get(eid, ()), edges)
            for eid, edges in sorted(work.edges.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))]
    warnings = [w for w in P.site.graph.warnings if w.url and w.url.startswith(urls.work_url(work.uri))]
    for L in SECTIONS:
        here = L.section(urls.graph_url(work.uri))
        lang = _main_lang(work, L)
        text = work.texts.get(lang)
        shown = text.eids().__contains__ if text else (lambda eid: True)
        anchors = {eid: urls.nearest_unit(eid, shown) for eid, _, _ in rows if eid}   # a removed provision: its unit
        yield P.page(here, f"{work.title(lang)}: {L.t('work_graph.title')}", L.code, render_page(
            "work_graph.html", work=work, here=here, rows=rows, warnings=warnings, main_lang=lang,
            anchors=anchors, L=L), alternates=_section_alternates(urls.graph_url(work.uri)))


def graph_pages(P: _Pages) -> Iterator[Page]:
    site = P.site
    g = nx.DiGraph()
    for n in site.graph.nodes:
        g.add_node(n.id, ref=n)
    for e in site.graph.edges:
        g.add_edge(e["source"], e["target"], kind=e.get("kind", "cites"))
    kinds = sorted({e.get("kind", "cites") for e in site.graph.edges})
    for L in SECTIONS:
        here = L.section("graph/")
        yield P.page(here, L.t("graph.title"), L.code, render_page(
            "graph.html", site=site, here=here, svg=graph_svg(g, L, here), L=L, edge_kinds=kinds),
            alternates=_section_alternates("graph/"))


def draft_pages(P: _Pages) -> Iterator[Page]:
    """The list of drafts and each draft's page, in every section: the interface in the section's
    language, the draft's own words (title, comments) in theirs, marked with ``lang``."""
    site = P.site
    for L in SECTIONS:
        yield P.page(L.section("drafts/"), L.t("drafts.title"), L.code,
                     render_page("drafts.html", site=site, here=L.section("drafts/"), L=L),
                     alternates=_section_alternates("drafts/"))
    for d in site.drafts:
        for L in SECTIONS:
            here = L.section(urls.draft_url(d.id))
            # searched in its own language's section only: each section's index holds that language
            yield P.page(here, d.title, L.code, render_page("draft.html", draft=d, here=here, L=L, site=site),
                         alternates=_section_alternates(urls.draft_url(d.id)), indexed=L is LANGUAGES[d.lang])


def home_pages(P: _Pages) -> Iterator[Page]:
    site = P.site
    latest = sorted(((w, e) for w in site.works for e in w.events),
                    key=lambda we: (we[1].effective.date, we[0].uri, we[1].act), reverse=True)
    seen, unique = set(), []
    for w, e in latest:        # one line per amending act and work
        if (w.uri, e.act) not in seen:
            seen.add((w.uri, e.act))
            unique.append((w, e))
    open_drafts: list[DraftView] = [d for d in site.drafts if d.status in ("open", "not_yet_posted", "not_yet_open")]
    for L in SECTIONS:
        yield P.page(L.section(""), L.t("menu.home"), L.code, render_page(
            "home.html", site=site, here=L.section(""), works=site.works[:ACTS_PER_PAGE], latest=unique[:10],
            open_drafts=open_drafts, L=L),
            alternates=_section_alternates(""))


def acts_pages(P: _Pages) -> Iterator[Page]:
    """The acts of the corpus in each section, ``ACTS_PER_PAGE`` to a page, with a pager."""
    yield from _paged(P, "acts/", "acts.html", "home.acts")


def downloads_pages(P: _Pages) -> Iterator[Page]:
    """Every download, ``ACTS_PER_PAGE`` acts to a page (the graph and the feeds on the first)."""
    yield from _paged(P, "downloads/", "downloads.html", "downloads.title")


def _paged(P: _Pages, list_url: str, template: str, title_key: str) -> Iterator[Page]:
    works = P.site.works
    count = max(1, -(-len(works) // ACTS_PER_PAGE))
    for number in range(1, count + 1):
        shown = works[(number - 1) * ACTS_PER_PAGE:number * ACTS_PER_PAGE]
        for L in SECTIONS:
            here = L.section(paged_url(number, list_url))
            title = L.t(title_key) + (f" ({number}/{count})" if count > 1 else "")
            graph = P.site.graph
            body = P.kept((template, here, number, count, L.code, P.site.site_url, bool(graph.graphml),
                           bool(graph.json), bool(P.site.ical)), partial(
                render_page, template, site=P.site, works=shown, here=here, L=L, number=number,
                pages_nav=_pager(number, count, L, list_url) if count > 1 else []))
            yield P.page(here, title, L.code, body, alternates=_section_alternates(paged_url(number, list_url)))


def search_pages(P: _Pages) -> Iterator[Page]:
    for L in SECTIONS:
        here = urls.search_url(L.html)
        yield P.page(here, L.t("search.title"), L.code, render_page("search.html", lang=L.code, here=here, L=L),
                     alternates=_section_alternates("search/"))


def i18n_script(L: Language) -> bytes:
    """The words the browser needs (Pagefind's interface, drafts' statuses, counted results) for one language,
    as ``assets/i18n-<lang>.js``; plurals are chosen in the browser by ``Intl.PluralRules``."""
    keys = [k for k in L.messages if k.startswith(("pagefind.", "js.", "status."))
            or k in ("search.results", "nav.go", "draft.status")]
    words = {k: L.messages[k] for k in sorted(keys)}
    body = json.dumps({"lang": L.html, "words": words}, ensure_ascii=False, sort_keys=True, indent=1)
    return f"window.zanlexI18n = {body};\n".encode()


def work_files(w: WorkView) -> dict[str, bytes]:
    """An act's AKN downloads: the current text and every version in each language."""
    files: dict[str, bytes] = {}
    for lang, xml in w.xml.items():
        files[urls.xml_url(w.uri, lang)] = xml
    for lang, versions in w.versions.items():
        for v in versions:
            if v.xml:
                files[urls.xml_url(w.uri, lang, v.start.iso)] = v.xml
    return files


def global_files(site: SiteData) -> dict[str, bytes]:
    """The downloads of the whole site: the graph, the feeds, the browser's words."""
    files: dict[str, bytes] = {}
    if site.graph.graphml:
        files["downloads/graph.graphml"] = site.graph.graphml
    if site.graph.json:
        files["downloads/graph.json"] = site.graph.json
    if site.ical:
        from publisher.feeds import ical_with_urls

        files["feeds/deadlines.ics"] = ical_with_urls(site.ical, site)
    files["feeds/changes.atom"] = changes_atom(site.works, site.site_url)
    for L in SECTIONS:
        files[f"assets/i18n-{L.html}.js"] = i18n_script(L)
        files[f"feeds/changes-{L.html}.atom"] = changes_atom(site.works, site.site_url, L)
    return files


def downloads(site: SiteData) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for w in site.works:
        files.update(work_files(w))
    files.update(global_files(site))
    return files


def site_url() -> str:
    """The site's URL from mkdocs.yml (``ZANLEX_SITE_URL`` overrides it), ending in "/"."""
    from mkdocs.utils.yaml import yaml_load

    from publisher.build import MKDOCS_YML

    with open(MKDOCS_YML, encoding="utf-8") as f:
        url = str(yaml_load(f).get("site_url") or "")
    return url.rstrip("/") + "/" if url else ""


def site_pages(site: SiteData, states: dict | None = None, *, printing: bool = True
               ) -> tuple[list[Page], dict[str, bytes]]:
    """All pages and downloads; with ``printing`` also the PDF and DOCX of every text and version
    (``publisher.printing``; ``bench/site.py`` times them on their own).
    (``states`` is accepted for older callers and not used.)"""
    if not site.site_url:
        site.site_url = site_url()
    files = downloads(site)
    if printing:
        from publisher.printing import print_files

        files.update(print_files(site)[0])
    P = _Pages(site)
    pages: list[Page] = list(global_pages(P))
    for w in site.works:
        pages.extend(act_pages(P, w))
    return pages, files


GLOBAL_TEMPLATES = ("_macros.html", "home.html", "acts.html", "downloads.html", "graph.html", "drafts.html",
                    "draft.html", "search.html")        # what ``global_pages`` renders


def global_pages(P: _Pages) -> Iterator[Page]:
    """The site's own pages: home, the acts, downloads, the graph, drafts, search."""
    yield from home_pages(P)
    yield from acts_pages(P)
    yield from downloads_pages(P)
    yield from graph_pages(P)
    yield from draft_pages(P)
    yield from search_pages(P)


ACT_PARTS = ("texts", "diffs", "parallel")    # an act's pages in parts, rendered as separate tasks


def act_pages(P: _Pages, w: WorkView, part: str | None = None) -> Iterator[Page]:
    """Every page of one act (or of one ``part`` of ``ACT_PARTS``: its texts, versions, timeline
    and graph; its diffs; its parallel views): they depend on the act, its links and edges, and
    the build date only. A law's parts cost about 1 : 1.3 : 0.6 (seed law: 1.1 s, 1.4 s, 0.6 s),
    so two cores share a law and an order or two evenly, and more cores more of it."""
    forget_fragments()
    if part in (None, "texts"):
        yield from work_pages(P, w)
        yield from expression_pages(P, w)
        if w.events:
            yield from timeline_pages(P, w)
        if w.edges:
            yield from work_graph_pages(P, w)
    if part in (None, "diffs"):
        yield from diff_pages(P, w)
    if part in (None, "parallel"):
        yield from parallel_pages(P, w)
