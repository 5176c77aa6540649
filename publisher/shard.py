"""An act's share of the build: two per-work tasks (``--jobs N`` processes or Dask workers), cached.

1. ``collect_task``: parse the act's texts, consolidate them (events, versions, AKN), resolve its
   references and find its share of the graph and its validation audits. The whole result is
   cached under the act's content key (``collect_key``); the task returns a ``Collected``: the
   small part the global step needs (a ``summary`` without texts, the ``LinkTarget`` other acts'
   links need, its ``WorkLinks``).
2. ``render_task``: the act's pages (HTML through mkdocs-material, ``publisher.theme``), its AKN
   downloads and its PDF/DOCX, from the cached collection and the global slice its pages show
   (``ActInputs``: its edges and audit warnings, the ``LinkTarget`` of each act it cites, the build
   date). Cached under the hash of both, so an act whose own text, links and edges did not change
   costs one read.

A collection depends on the act's own files, on what every act's references resolve against
(every ``work.toml``, the amending acts and the registry: ``shared_digest``) and on the texts of
the acts its references point into (their eIds): those are recorded with the result and checked
on every read (``_fresh``), as ``make`` checks a target's prerequisites.

    >>> summary_view(WorkView("law-1", "/akn/kz/act/2013-04-15/1", "law", date(2013, 4, 15), "1",
    ...                       {"rus": "Закон"}, texts={"rus": TextView("Закон",
    ...                       body=[ProvisionView("art_1", "article", "1", text=["Текст."])])})).units
    {'art_1': ('article', '1')}
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from publisher.model import LinkTarget, ProvisionView, TextView, WorkView  # noqa: F401  (ProvisionView: the doctest)


@dataclass
class Collected:
    """What the global step keeps of an act (the rest stays in the cache)."""

    name: str
    key: str                    # the collection's cache key
    stamp: str                  # the key and the digests of the acts it read: what its pages come from
    summary: WorkView           # without texts (``summary_view``)
    target: LinkTarget
    links: object               # linker.WorkLinks: its share of the graph
    validation: list            # its validation audits
    cited: tuple[str, ...]      # the URIs of the acts its references link to


@dataclass
class ActInputs:
    """The global slice an act's pages show, besides the act itself."""

    built: date | None
    site_url: str
    edges: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    targets: dict[str, LinkTarget] = field(default_factory=dict)
    home: str = ""              # the home page's Markdown: the theme's navigation
    printing: bool = True
    part: str | None = None     # one half of the act's pages (``pages.ACT_PARTS``), None: all of them


@dataclass
class Rendered:
    """An act's output: HTML pages and downloads by their path in the site."""

    name: str
    pages: list[tuple[str, bytes]]
    files: list[tuple[str, bytes]]
    urls: list[str]             # every page's URL (the sitemap)
    indexed: list[str]          # the URLs of the pages in the search index


@dataclass
class Stored:
    """An act's output stored as a tree in the cache under its render key (``akn_schema.trees``),
    and what the build keeps of it."""

    name: str
    key: str
    urls: list[str]
    indexed: list[str]
    pages: int
    files: int


@dataclass
class Linked:
    """An act's output as the build puts it into the site: its stored tree, linked from the cache
    (``place``); the output itself where the cache could not be written. ``redo`` renders it
    again when the tree turns out damaged (a file missing or cut short)."""

    stored: Stored
    cache: Path
    manifest: object = None             # akn_schema.trees.Manifest; None: read when placed
    rendered: Rendered | None = None
    redo: Callable[[], Stored | Rendered] | None = None

    @classmethod
    def of(cls, result: Stored | Rendered, cache: Path) -> Linked:
        """What a ``render_task`` returned, to be placed."""
        if isinstance(result, Rendered):
            return cls(Stored(result.name, "", result.urls, result.indexed, len(result.pages), len(result.files)),
                       cache, rendered=result)
        return cls(result, cache)

    @property
    def urls(self) -> list[str]:
        return self.stored.urls

    @property
    def indexed(self) -> list[str]:
        return self.stored.indexed

    def place(self, site: Path, made: set[Path]) -> None:
        """Put the act's files into ``site`` (``made``: the folders already made there)."""
        from akn_schema.trees import TreeBroken, drop_tree, link_tree, load_manifest
        from publisher.build import write_files

        if self.rendered is not None:
            write_files(self.rendered.pages, site)
            write_files(self.rendered.files, site)
            return
        manifest = self.manifest or load_manifest(self.cache, self.stored.key)
        try:
            if manifest is None:
                raise TreeBroken(f"the tree of {self.stored.name} is not in the cache")
            link_tree(self.cache, self.stored.key, manifest, site, made)
        except TreeBroken:
            if self.redo is None:
                raise
            drop_tree(self.cache, self.stored.key)
            again = Linked.of(self.redo(), self.cache)
            self.stored = again.stored
            again.place(site, made)


# ── content keys ─────────────────────────────────────────────────────────────────────────────

def _digest(paths: list[Path], base: Path) -> str:
    h = hashlib.sha256()
    for path in paths:
        h.update(str(path.relative_to(base)).encode() + b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def work_digest(work) -> str:
    """The hash of every file of a work (its ``work.toml``, texts and editions)."""
    folder = Path(work.folder) if work.folder else None
    if folder is None:
        paths = sorted({Path(src.path) for src in work.all_texts()})
        return _digest(paths, Path("/"))
    return _digest(sorted(p for p in folder.rglob("*") if p.is_file()), folder)


def shared_digest(corpus) -> str:
    """The hash of what every act's collection may read besides its own texts: every ``work.toml``
    (titles, dates, numbers: what references resolve against), the amending acts, the registry,
    the calendar. The drafts and the other acts' texts are left out."""
    root = Path(corpus.root)
    folders = {Path(w.folder).resolve() for w in corpus.works.values() if w.folder}
    paths = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if not path.is_file() or rel.parts[0] == "drafts" or rel.parts[0].startswith("."):
            continue
        if path.name != "work.toml" and any(parent in folders for parent in path.resolve().parents):
            continue
        paths.append(path)
    return _digest(paths, root)


def site_key(corpus, digests: dict[str, str], shared: str, epoch: int, printing: bool) -> str:
    """The key of a whole build: every file of the corpus (the acts' ``digests``, the ``shared``
    files, the drafts), the tool, the build's time, the options and the site's URL. A build whose
    key is in the cache is the site stored under it, linked (``publisher.build.link_site``)."""
    from akn_schema.cache import content_key
    from publisher.pages import site_url

    drafts = Path(corpus.root) / "drafts"
    paths = sorted(p for p in drafts.rglob("*") if p.is_file()) if drafts.is_dir() else []
    return content_key("publisher.site", sorted(digests.items()), shared, _digest(paths, drafts), epoch, printing,
                       site_url())


def collect_key(name: str, own: str, shared: str) -> str:
    from akn_schema.cache import content_key

    return content_key("publisher.collect", name, own, shared)


def _fresh(corpus, deps: dict[str, str]) -> bool:
    """Are the acts a collection read (name → digest) unchanged?"""
    try:
        return all(work_digest(corpus.work(n)) == d for n, d in deps.items())
    except Exception:
        return False


# ── 1. collection ────────────────────────────────────────────────────────────────────────────

def summary_view(view: WorkView) -> WorkView:
    """``view`` without its texts: what the site's own pages, the graph and the feeds read of an act
    (names, languages, the dates of its versions, its events, its units for naming graph nodes)."""
    units: dict[str, tuple[str, str]] = {}
    for text in view.texts.values():
        for p in text.walk():
            units.setdefault(p.eid, (p.kind, p.num or ""))
    return WorkView(
        view.name, view.uri, view.type, view.date, view.number, dict(view.titles),
        texts={lang: TextView(text.title) for lang, text in view.texts.items()},
        versions={lang: [dataclasses.replace(v, text=TextView(v.text.title), xml=None, unconsolidated=[])
                         for v in vs] for lang, vs in view.versions.items()},
        events=list(view.events), editions=dict(view.editions), registration=view.registration, units=units)


def collect_work(corpus, name: str) -> tuple[WorkView, dict, object, list, dict[str, str]]:
    """Everything the build computes of one act: its full view, its references (``reference_map``
    of the act), its ``WorkLinks``, its validation audits, and the acts it read (name → digest)."""
    import consolidator
    import linker
    from linker.audit import work_validation_audits
    from publisher.collect import consolidate_work, parsed_work, work_references

    work = corpus.work(name)
    view, acts = parsed_work(corpus, work)
    consolidate_work(consolidator, corpus, view, acts)
    refs = work_references(linker, work, acts, corpus.works)
    links = linker.work_links(corpus, name)
    validation = work_validation_audits(corpus, name)
    by_uri = {w.uri: n for n, w in corpus.works.items()}
    read = {uri for table in refs.values() for found in table.values() for _s, _e, uri, _eid in found}
    read |= {str(r.target).split("~")[0] for r, _lang, _cues in links.resolutions
             if r.status == "resolved" and r.target}
    deps = {by_uri[uri]: work_digest(corpus.work(by_uri[uri])) for uri in sorted(read)
            if uri in by_uri and by_uri[uri] != name}
    return view, refs, links, validation, deps


def _collection(corpus, name: str, cache, key: str):
    """The act's cached collection (``collect_work`` and its stamp), computed when missing or stale."""
    from akn_schema.cache import content_key

    entry = cache.get(key) if cache is not None else None
    if entry is None or not _fresh(corpus, entry[-1]):
        entry = collect_work(corpus, name)
        if cache is not None:
            cache.put(key, entry)
    return entry, content_key("publisher.collected", key, entry[-1])


def collect_task(arg: tuple) -> Collected:
    """Task 1 of an act (see the module docstring); ``arg`` = (corpus task, cache folder, shared digest)."""
    from akn_schema.batch import run_for_work
    from publisher.collect import cited_uris, link_target

    task, cache_root, shared = arg

    def run(corpus, name):
        cache = _cache(cache_root)
        key = collect_key(name, work_digest(corpus.work(name)), shared)
        kept = cache.get(summary_key(key)) if cache is not None else None      # (Collected, the acts it read)
        if kept is not None and _fresh(corpus, kept[1]):
            return kept[0]
        (view, refs, links, validation, deps), stamp = _collection(corpus, name, cache, key)
        collected = Collected(name, key, stamp, summary_view(view), link_target(view), links, validation,
                              tuple(cited_uris(refs)))
        if cache is not None:
            cache.put(summary_key(key), (collected, deps))
        return collected

    return run_for_work(task, run)


def summary_key(key: str) -> str:
    """The cache key of an act's ``Collected`` (and the acts it read), beside its collection's ``key``."""
    from akn_schema.cache import content_key

    return content_key("publisher.collected-summary", key)


def _current(deps: dict[str, str], digests: dict[str, str]) -> bool:
    """Are the acts a collection read unchanged, by the digests of this build (name → digest)?

    >>> _current({"law-1": "ab"}, {"law-1": "ab", "order-2": "cd"}), _current({"law-1": "ab"}, {"law-1": "ef"})
    (True, False)
    """
    return all(digests.get(name) == digest for name, digest in deps.items())


def known_collected(cache, key: str, digests: dict[str, str]) -> Collected | None:
    """What ``collect_task`` would return for an act whose cached collection is current, read
    in this process (no task); None when it must be collected."""
    kept = cache.get(summary_key(key))
    if not isinstance(kept, tuple) or len(kept) != 2 or not _current(kept[1], digests):
        return None
    return kept[0]


def _cache(root: str | None):
    from akn_schema.cache import BuildCache

    return BuildCache(Path(root)) if root else None


# ── 2. pages ─────────────────────────────────────────────────────────────────────────────────

def act_parts(summary: WorkView) -> tuple[str | None, ...]:
    """The render tasks of an act: an act with several versions (a law: dozens, each with diffs and a
    parallel view) in parts (``pages.ACT_PARTS``), so that the cores share it; a small act in one.

    >>> act_parts(WorkView("o", "/akn/kz/act/order/2020-01-01/1", "order", date(2020, 1, 1), "1", {}))
    (None,)
    """
    from publisher.pages import ACT_PARTS

    return ACT_PARTS if sum(len(vs) for vs in summary.versions.values()) > 3 else (None,)


def render_key(collected: Collected, inputs: ActInputs, known: dict[str, str] | None = None) -> str:
    """The cache key of an act's pages (one part of them): its collection and every input.
    ``known``: the keys of link targets already hashed in this build, by URI, filled as it goes
    (within a build a URI names one target): the law every order cites, tens of thousands of eIds,
    is hashed once, not once per order."""
    from akn_schema.cache import content_key

    known = {} if known is None else known
    for uri, target in inputs.targets.items():
        if uri not in known:
            known[uri] = content_key("publisher.target", repr(target))
    return content_key("publisher.render", collected.stamp, repr(dataclasses.replace(inputs, targets={})),
                       sorted((uri, known[uri]) for uri in inputs.targets))


def render_task(arg: tuple) -> Stored | Rendered:
    """Task 2 of an act; ``arg`` = (corpus task, cache folder, collection key, render key, inputs,
    scratch folder for the theme, the build's epoch). Its output is stored as a tree in the cache
    (``akn_schema.trees``: the build links its files into the site) and the task returns what the
    build keeps of it (``Stored``); where the cache cannot be written, the output itself."""
    from akn_schema.batch import run_for_work
    from akn_schema.trees import store_tree

    task, cache_root, key, rkey, inputs, scratch, epoch = arg

    def run(corpus, name):
        from publisher import jinja_cache

        cache = _cache(cache_root)
        jinja_cache.use(Path(cache_root) / "jinja")
        done = render_part(_prepared(corpus, name, cache, key, inputs), inputs, Path(scratch))
        stored = Stored(name, rkey, done.urls, done.indexed, len(done.pages), len(done.files))
        if cache is None:
            return done
        try:
            store_tree(Path(cache_root), rkey, [*done.pages, *done.files], meta=stored, epoch=epoch)
        except (OSError, ValueError):
            return done                     # an unwritable cache costs time, never the result
        return stored

    return run_for_work(task, run)


def act_site(view: WorkView, refs: dict, inputs: ActInputs):
    """The ``SiteData`` an act's pages are made from: the act, its links and edges, the build date."""
    from publisher.collect import attach_links, link_target
    from publisher.model import SiteData

    view.edges = inputs.edges
    site = SiteData(works=[view], built=inputs.built, site_url=inputs.site_url)
    site.graph.warnings = list(inputs.warnings)
    attach_links(site, refs, {**inputs.targets, view.uri: link_target(view)})
    return site


def _prepared(corpus, name: str, cache, key: str, inputs: ActInputs):
    """``act_site`` of the act from its cached collection, kept in this worker for the act's other
    parts (``act_parts``: a worker given two parts of a law reads and links it once). One act at a
    time: a worker's memory does not grow with the corpus."""
    from akn_schema.executor import worker_memo

    whole = (key, repr(dataclasses.replace(inputs, part=None)))
    kept = worker_memo(("publisher.prepared",), dict)
    if whole not in kept:
        kept.clear()
        (view, refs, _links, _validation, _deps), _stamp = _collection(corpus, name, cache, key)
        kept[whole] = act_site(view, refs, inputs)
    return kept[whole]


def render_part(site, inputs: ActInputs, scratch: Path) -> Rendered:
    """The pages of ``inputs.part`` of the act of ``site`` (``act_site``) through the theme; with
    the texts, its AKN and (with ``inputs.printing``) its PDF and DOCX."""
    from publisher.pages import ACT_PARTS, _Pages, act_pages, work_files

    view = site.works[0]
    files = work_files(view) if inputs.part in (None, ACT_PARTS[0]) else {}     # the downloads go with the texts
    if inputs.printing and inputs.part in (None, ACT_PARTS[0]):     # one Chromium tab: the acts' tasks run in parallel
        from publisher.printing import docx_files, pdf_files

        files.update(docx_files(site))
        files.update(pdf_files(site, workers=1))
    renderer = _renderer(scratch, inputs.home)
    pages, page_urls, indexed = [], [], []
    for page in act_pages(_Pages(site), view, inputs.part):
        pages.append((f"{page.url}index.html", renderer.page_html(page)))
        page_urls.append(page.url)
        if page.indexed:
            indexed.append(page.url)
    return Rendered(view.name, pages, sorted(files.items()), page_urls, indexed)


class _Theme:
    """A ``ThemeRenderer`` over a scratch docs folder holding only the home page (the navigation)."""

    def __init__(self, folder: Path, home: str):
        from publisher.build import MKDOCS_YML
        from publisher.theme import ThemeRenderer

        self.docs, self.site = folder / "docs", folder / "site"
        self.docs.mkdir(parents=True, exist_ok=True)
        (self.docs / "index.md").write_text(home, encoding="utf-8")
        self.renderer = ThemeRenderer(self.docs, self.site, MKDOCS_YML)

    def page_html(self, page) -> bytes:
        from publisher import urls

        return self.renderer.render_page(str(urls.md_path(page.url)), page.markdown(), page.sidecars(),
                                         page.front())


ACT_TEMPLATES = ("_macros.html", "work.html", "expression.html", "timeline.html", "work_graph.html", "diff.html",
                 "parallel.html", "print.html")      # what ``pages.act_pages`` and the printing render


def warm_task(cache_root: str) -> int:
    """Compile the templates an act's pages use, zanlex's and the theme's, into the build's template
    cache (``publisher.jinja_cache``), in a worker that would otherwise wait while the command's
    process makes the graph: the render tasks then load them compiled rather than each worker
    compiling them as it renders. Returns the worker's process id."""
    import os
    import shutil
    import tempfile

    from markupsafe import Markup

    from publisher import jinja_cache
    from publisher.model import SiteData
    from publisher.pages import _Pages
    from publisher.render import environment

    jinja_cache.use(Path(cache_root) / "jinja")
    for name in ACT_TEMPLATES:
        environment().get_template(name)
    folder = Path(tempfile.mkdtemp(prefix="zanlex-warm-"))
    try:
        toc = [{"level": 2, "id": "art_1", "name": "1", "children": []}]
        page = _Pages(SiteData()).page("warm/", "", "rus", Markup("<p></p>"), alternates=[], toc=toc)
        _Theme(folder, "").page_html(page)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return os.getpid()


def _renderer(scratch: Path, home: str) -> _Theme:
    """This worker's theme renderer for the build (one scratch folder per worker process and thread:
    a Dask worker may run tasks in threads, and a renderer renders one page at a time)."""
    import os
    import threading

    from akn_schema.executor import worker_memo

    worker = f"worker-{os.getpid()}-{threading.get_ident()}"
    key = ("publisher.theme", str(scratch), worker, hashlib.sha256(home.encode()).hexdigest())
    return worker_memo(key, lambda: _Theme(scratch / worker, home))


__all__ = ["ActInputs", "Collected", "Linked", "Rendered", "Stored", "collect_task", "known_collected",
           "render_task", "site_key", "shared_digest", "summary_view", "warm_task"]
