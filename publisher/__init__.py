"""The static site: pages from every stage, built with mkdocs-material, indexed by Pagefind.

    >>> from pathlib import Path
    >>> report = build(Path("corpus"), Path("public"))      # doctest: +SKIP
    >>> report.pages, sorted(report.times)                   # doctest: +SKIP
    (412, ['mkdocs', 'pagefind', 'write'])

Modules, in the order a build uses them:

- ``collect``   stages' public APIs → ``model.SiteData`` (plain dataclasses);
- ``pages``     ``SiteData`` → ``Page``s (HTML rendered from ``site/templates``, autoescaped),
  plus downloads (AKN XML, GraphML/JSON, Atom, iCal); ``svg`` draws the timeline and graph,
  ``diffs`` pairs provisions for word diffs, ``feeds`` writes Atom;
- ``build``     pages → docs folder → mkdocs → Pagefind → atomic swap into ``--out``;
- ``mkdocs_hooks`` sets ``<html lang>`` per page (ru, kk, en) for Pagefind's per-language index;
- ``languages`` the one registry of per-language labels and codes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from publisher.build import BuildError, Page, Progress, build_site


@dataclass
class BuildReport:
    pages: int
    files: int
    times: dict[str, float]
    notices: list[str] = field(default_factory=list)
    pruned: int = 0                  # cache entries and trees removed after the build (``prune``)


def build(corpus, out: Path, progress: Progress | None = None, *, epoch: int | None = None,
          wait: Callable[[str], None] | None = None, executor=None, cache: Path | None | bool = True,
          printing: bool = True, prune: bool = False) -> BuildReport:
    """Collect, render and build the whole site from ``corpus`` into ``out`` (atomic).

    ``epoch`` is the build's "today" (default: ``SOURCE_DATE_EPOCH``, else the clock); ``out`` is
    checked first (``publisher.output``), so a refused folder costs no work. Each act is collected
    and rendered in its own tasks on ``executor`` (``akn_schema.executor``; default: this process;
    ``publisher.shard``), cached in ``cache`` (a folder; True: ``akn_schema.cache.folder_for``
    the corpus; None/False: nothing kept after the build); the global steps (graph, audits, the
    site's own pages, mkdocs, sitemap, Pagefind) run here after the gather. ``prune``: then
    remove from the cache every entry and tree this build did not use (the pages of acts since
    edited or removed, older configurations, ``validate --cache``'s entries)."""
    import shutil
    import tempfile
    import time

    from akn_schema.cache import BuildCache, folder_for
    from akn_schema.corpus import Corpus
    from akn_schema.executor import SerialExecutor
    from publisher.build import source_date_epoch
    from publisher.output import check_target
    from publisher.shard import shared_digest, site_key, work_digest

    corpus = corpus if isinstance(corpus, Corpus) else Corpus.open(corpus)    # a folder: read afresh
    check_target(out, [corpus.root])
    epoch = source_date_epoch(corpus) if epoch is None else epoch
    executor = executor if executor is not None else SerialExecutor()
    step = progress or (lambda name, done, total: None)
    if cache is True:
        cache = folder_for(corpus.root)
    scratch_cache = None
    if not cache:
        out.parent.mkdir(parents=True, exist_ok=True)
        cache = scratch_cache = Path(tempfile.mkdtemp(prefix=f".{out.name}.cache-", dir=out.parent))
    try:
        t = time.perf_counter()
        store = BuildCache(cache)
        digests = {name: work_digest(corpus.work(name)) for name in sorted(corpus.works)}
        shared = shared_digest(corpus)
        whole = None if scratch_cache else site_key(corpus, digests, shared, epoch, printing)
        report = _linked_build(store, whole, corpus, out, epoch, wait, step, t) if whole is not None else None
        if report is None:
            report = _full_build(corpus, out, progress, epoch=epoch, wait=wait, executor=executor, store=store,
                                 digests=digests, shared=shared, printing=printing, whole=whole, started=t)
        if prune and not scratch_cache:
            report.pruned = store.prune()          # ``store.used``: every entry and tree this build read or wrote
        return report
    finally:
        from publisher import jinja_cache

        jinja_cache.use(None)
        if scratch_cache is not None:
            shutil.rmtree(scratch_cache, ignore_errors=True)


@dataclass
class _SiteEntry:
    """A whole build in the cache, under ``shard.site_key``: the trees its site is made of."""

    trees: list[str]
    pages: int
    files: int
    notices: list[str]
    also: list[str] = field(default_factory=list)   # the other keys it used (``prune`` keeps them)


def _linked_build(store, whole: str, corpus, out: Path, epoch: int, wait, step, started: float):
    """The site of a corpus built before (same files, tool, date and options): its trees linked
    into a new site, nothing computed. None when the cache does not hold it whole."""
    import time

    from akn_schema.trees import TreeBroken
    from publisher.build import link_site

    entry = store.get(whole)
    if not isinstance(entry, _SiteEntry):
        return None
    times = {"collect": time.perf_counter() - started}
    try:
        times.update(link_site(store.root, entry.trees, out, corpus=corpus.root, epoch=epoch, wait=wait,
                               progress=step))
    except TreeBroken:
        return None                                   # a damaged cache: build it again
    store.used.update([*entry.trees, *entry.also])      # a later edited build needs its collections too
    return BuildReport(entry.pages, entry.files, times, list(entry.notices))


def _full_build(corpus, out: Path, progress, *, epoch, wait, executor, store, digests, shared, printing,
                whole, started) -> BuildReport:
    """Collect what the cache does not hold, then the global steps, the acts' pages and the site."""
    import time

    from akn_schema.batch import corpus_tasks
    from akn_schema.cache import content_key
    from akn_schema.trees import store_linked
    from publisher import jinja_cache
    from publisher.shard import collect_task, known_collected, summary_key

    step = progress or (lambda name, done, total: None)
    jinja_cache.use(store.root / "jinja")
    times: dict[str, float] = {}
    tasks = corpus_tasks(corpus, sorted(corpus.works))
    known = [known_collected(store, collect_key_of(t[2], digests, shared), digests) for t in tasks]
    todo = [(task, str(store.root), shared) for task, c in zip(tasks, known, strict=True) if c is None]
    fresh = iter(_map(executor, collect_task, todo, lambda done, total: step("collect", done, total)))
    _warm(executor, store.root, len(todo))          # queued behind the first collect tasks
    if getattr(executor, "kind", "serial") != "serial":
        _prepare_here()                            # while the workers collect
    collected = [c if c is not None else next(fresh) for c in known]
    times["collect"] = time.perf_counter() - started
    # The workers hold the models and the acts they collected: let them go, so that they do not
    # wait beside the global steps (at 1,000 acts the peak of memory: the graph and every act's
    # summary here, 1.2 GB, and 0.7 GB in idle workers). The render tasks start new ones, forked
    # from this process once the global steps are done.
    executor.release()
    t = time.perf_counter()
    site, inputs = _global_site(corpus, collected, epoch, printing, store)
    pages, files = _global_pages(site, store)
    times["global"] = time.perf_counter() - t
    acts = _acts(executor, tasks, collected, inputs, store.root, step, epoch)
    own_tree = content_key("publisher.site-tree", whole) if whole else None
    # what the workers read and wrote, for ``prune``: each act's collection and its summary
    store.used.update(k for c in collected for k in (c.key, summary_key(c.key)))

    def keep(site_folder: Path, rels: list[str]) -> None:
        """The site's own files (mkdocs, sitemap, search index) as a tree, and the build as a whole."""
        if own_tree is None or not all(a.key for a in acts.done):
            return
        try:
            store_linked(store.root, own_tree, site_folder, rels, epoch=epoch)
            store.used.add(own_tree)
        except (OSError, ValueError):
            return                                     # an unwritable cache costs time, never the result
        store.put(whole, _SiteEntry([own_tree, *(a.key for a in acts.done)], count(), nfiles(), list(site.notices),
                                    also=sorted(store.used)))

    def count() -> int:
        return len(pages) + sum(a.pages for a in acts.done)

    def nfiles() -> int:
        return len(files) + sum(a.files for a in acts.done)

    times.update(build_site(pages, files, out, corpus=corpus.root, epoch=epoch, wait=wait, acts=acts,
                            cache=store, keep=keep, **({"progress": progress} if progress else {})))
    store.used.update(a.key for a in acts.done)
    return BuildReport(count(), nfiles(), times, list(site.notices))


def collect_key_of(name: str, digests: dict[str, str], shared: str) -> str:
    from publisher.shard import collect_key

    return collect_key(name, digests[name], shared)


def _map(executor, fn, items: list, progress):
    """``executor.map``, except that a single task runs here: a worker would import and load
    everything this process already has (the models, the corpus) for one act."""
    from akn_schema.executor import SerialExecutor

    if len(items) == 1 and getattr(executor, "kind", "") == "process":
        executor = SerialExecutor()
    return executor.map(fn, items, progress) if items else iter(())


def _warm(executor, cache: Path, collected: int) -> None:
    """A worker compiles the templates the acts' pages use into the build's template cache
    (``shard.warm_task``; submitted behind the first collect tasks, its result not awaited), so
    that the render tasks load them compiled: it runs while the last acts are collected (the
    largest, a law with dozens of versions, takes longest, and a worker would wait idle) or while
    this process makes the graph. One worker fewer than the pool has. Only when the acts are
    collected on workers (they will be rendered there too), not for a rebuild of an act or two."""
    from publisher.shard import warm_task

    if getattr(executor, "kind", "serial") != "serial" and collected > 1:
        executor.map(warm_task, [str(cache)] * max(1, executor.jobs - 1))


def _prepare_here() -> None:
    """While the workers collect, this process, which only waits for them, loads what its own steps
    after the gather use: the modules of the graph, the drafts and mkdocs, and the site's own
    templates, compiled (into the build's template cache). The same work, done on an idle core
    rather than after the gather."""
    import mkdocs.commands.build  # noqa: F401
    import mkdocs.config  # noqa: F401

    import discussion.drafts  # noqa: F401
    import linker.graph  # noqa: F401
    import publisher.collect  # noqa: F401
    from publisher.pages import GLOBAL_TEMPLATES
    from publisher.render import environment

    for name in GLOBAL_TEMPLATES:
        environment().get_template(name)


def _global_site(corpus, collected: list, epoch: int, printing: bool, cache=None):
    """The site's own data from the acts' summaries, and each act's ``ActInputs`` (``cache``: the
    build's ``BuildCache``, for the graph's downloads)."""
    from datetime import UTC, datetime

    from discussion import astana_date
    from publisher import urls
    from publisher.collect import drafts, link_graph
    from publisher.model import SiteData
    from publisher.pages import global_pages, site_url
    from publisher.shard import ActInputs

    stamp = datetime.fromtimestamp(epoch, tz=UTC)
    site = SiteData(built=astana_date(stamp), site_url=site_url())
    site.works = [c.summary for c in collected]
    targets = {c.summary.uri: c.target for c in collected}
    link_graph(corpus, site, as_of=site.built, parts={c.name: c.links for c in collected},
               validation=[a for c in collected for a in c.validation], targets=targets, cache=cache)
    drafts(corpus, site, astana_date(stamp), stamp)
    from publisher.pages import _Pages

    home = next(p for p in global_pages(_Pages(site)) if p.url == "").markdown()
    inputs = []
    warnings = _by_work(site.graph.warnings, {urls.work_url(c.summary.uri) for c in collected})
    for c in collected:
        w = c.summary
        inputs.append(ActInputs(site.built, site.site_url, edges=w.edges,
                                warnings=warnings.get(urls.work_url(w.uri), []),
                                targets={uri: targets[uri] for uri in c.cited if uri in targets and uri != w.uri},
                                home=home, printing=printing))
    return site, inputs


def _by_work(warnings: list, works: set[str]) -> dict[str, list]:
    """The graph's warnings by the act whose page they point into (its URL starts with the act's):
    each warning's URL is cut at each "/", not compared with every act (linear, not quadratic).

    >>> from types import SimpleNamespace as W
    >>> found = _by_work([W(url="akn/a/1/rus/#art_7"), W(url=None), W(url="akn/a/2/")], {"akn/a/1/", "akn/a/2/"})
    >>> {k: [x.url for x in v] for k, v in sorted(found.items())}
    {'akn/a/1/': ['akn/a/1/rus/#art_7'], 'akn/a/2/': ['akn/a/2/']}
    """
    found: dict[str, list] = {}
    for x in warnings:
        if not x.url:
            continue
        for prefix in {x.url[:i + 1] for i, ch in enumerate(x.url) if ch == "/"} & works:
            found.setdefault(prefix, []).append(x)
    return found


def _global_pages(site, cache=None):
    from publisher.pages import _Pages, global_files, global_pages

    return list(global_pages(_Pages(site, cache))), global_files(site)


class _acts:  # noqa: N801  (an iterable the build consumes, keeping the counts)
    """Each act's output for the site, in the order of the acts: the tree of an act rendered before
    is linked from the cache (decided here, no task); the others are rendered by ``render_task``
    on the executor, which stores their trees."""

    def __init__(self, executor, tasks, collected, inputs, cache: Path, step, epoch: int):
        self.executor, self.tasks, self.collected, self.inputs = executor, tasks, collected, inputs
        self.cache, self.step, self.epoch = Path(cache), step, epoch
        self.done: list = []

    def __call__(self, scratch: Path):
        """Start the tasks of the acts the cache does not hold (on a pool, the first ones are
        submitted now), and return each act's output, in order, as it comes."""
        from akn_schema.trees import load_manifest
        from publisher.shard import act_parts, render_key, render_task

        known: dict[str, str] = {}           # the link targets' keys, each hashed once (``render_key``)
        args = [(task, str(self.cache), c.key, render_key(c, part, known), part, str(scratch), self.epoch)
                for task, c, i in zip(self.tasks, self.collected, self.inputs, strict=True)
                for part in (dataclasses.replace(i, part=p) for p in act_parts(c.summary))]
        kept = [load_manifest(self.cache, arg[3]) for arg in args]
        todo = [arg for arg, manifest in zip(args, kept, strict=True) if manifest is None]
        made = iter(_map(self.executor, render_task, todo, lambda done, total: self.step("render", done, total)))
        return self._outputs(args, kept, made)

    def _outputs(self, args: list, kept: list, made):
        from publisher.shard import Linked, render_task

        for arg, manifest in zip(args, kept, strict=True):
            out = Linked.of(next(made), self.cache) if manifest is None else Linked(manifest.meta, self.cache, manifest)
            out.redo = lambda arg=arg: render_task(arg)          # the tree is damaged: render it again here
            self.done.append(out.stored)
            yield out
        self.executor.release()              # the workers are idle from here on: free their memory


__all__ = ["BuildError", "BuildReport", "Page", "build", "build_site"]
