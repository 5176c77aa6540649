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


def build(corpus, out: Path, progress: Progress | None = None, *, epoch: int | None = None,
          wait: Callable[[str], None] | None = None, executor=None, cache: Path | None | bool = True,
          printing: bool = True) -> BuildReport:
    """Collect, render and build the whole site from ``corpus`` into ``out`` (atomic).

    ``epoch`` is the build's "today" (default: ``SOURCE_DATE_EPOCH``, else the clock); ``out`` is
    checked first (``publisher.output``), so a refused folder costs no work. Each act is collected
    and rendered in its own tasks on ``executor`` (``akn_schema.executor``; default: this process;
    ``publisher.shard``), cached in ``cache`` (a folder; True: ``akn_schema.cache.folder_for``
    the corpus; None/False: nothing kept after the build); the global steps (graph, audits, the
    site's own pages, mkdocs, sitemap, Pagefind) run here after the gather."""
    import shutil
    import tempfile
    import time

    from akn_schema.batch import corpus_tasks
    from akn_schema.cache import BuildCache, folder_for
    from akn_schema.corpus import Corpus
    from akn_schema.executor import SerialExecutor
    from publisher.build import source_date_epoch
    from publisher.output import check_target
    from publisher.shard import collect_task, shared_digest

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
        times: dict[str, float] = {}
        t = time.perf_counter()
        tasks = corpus_tasks(corpus, sorted(corpus.works))
        shared = shared_digest(corpus)
        collected = list(executor.map(collect_task, [(task, str(cache), shared) for task in tasks],
                                      lambda done, total: step("collect", done, total)))
        times["collect"] = time.perf_counter() - t
        t = time.perf_counter()
        site, inputs = _global_site(corpus, collected, epoch, printing)
        pages, files = _global_pages(site)
        times["global"] = time.perf_counter() - t
        acts = _acts(executor, tasks, collected, inputs, cache, step)
        times.update(build_site(pages, files, out, corpus=corpus.root, epoch=epoch, wait=wait, acts=acts,
                                cache=None if scratch_cache else BuildCache(cache),
                                **({"progress": progress} if progress else {})))
        count = len(pages) + sum(c.pages for c in acts.done)
        return BuildReport(count, len(files) + sum(c.files for c in acts.done), times, list(site.notices))
    finally:
        if scratch_cache is not None:
            shutil.rmtree(scratch_cache, ignore_errors=True)


def _global_site(corpus, collected: list, epoch: int, printing: bool):
    """The site's own data from the acts' summaries, and each act's ``ActInputs``."""
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
               validation=[a for c in collected for a in c.validation], targets=targets)
    drafts(corpus, site, astana_date(stamp), stamp)
    from publisher.pages import _Pages

    home = next(p for p in global_pages(_Pages(site)) if p.url == "").markdown()
    inputs = []
    for c in collected:
        w = c.summary
        mine = urls.work_url(w.uri)
        inputs.append(ActInputs(site.built, site.site_url, edges=w.edges,
                                warnings=[x for x in site.graph.warnings if x.url and x.url.startswith(mine)],
                                targets={uri: targets[uri] for uri in c.cited if uri in targets and uri != w.uri},
                                home=home, printing=printing))
    return site, inputs


def _global_pages(site):
    from publisher.pages import _Pages, global_files, global_pages

    return list(global_pages(_Pages(site))), global_files(site)


class _acts:  # noqa: N801  (an iterable the build consumes, keeping the counts)
    """The acts' rendered output, produced by ``render_task`` on the executor as the build reads it."""

    def __init__(self, executor, tasks, collected, inputs, cache, step):
        self.executor, self.tasks, self.collected, self.inputs = executor, tasks, collected, inputs
        self.cache, self.step = cache, step
        self.done: list = []

    def __call__(self, scratch: Path):
        from publisher.shard import render_key, render_task

        args = [(task, str(self.cache), c.key, render_key(c, i), i, str(scratch))
                for task, c, i in zip(self.tasks, self.collected, self.inputs, strict=True)]
        for rendered in self.executor.map(render_task, args, lambda done, total: self.step("render", done, total)):
            self.done.append(_Count(len(rendered.urls), len(rendered.files)))
            yield rendered


@dataclass
class _Count:
    pages: int
    files: int


__all__ = ["BuildError", "BuildReport", "Page", "build", "build_site"]
