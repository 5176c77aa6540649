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


def build(corpus: Path, out: Path, progress: Progress | None = None, *, epoch: int | None = None,
          wait: Callable[[str], None] | None = None) -> BuildReport:
    """Collect, render and build the whole site from ``corpus`` into ``out`` (atomic).

    ``epoch`` is the build's "today" (default: ``SOURCE_DATE_EPOCH``, else the clock); ``out`` is
    checked first (``publisher.output``), so a refused folder costs no work."""
    from publisher.build import source_date_epoch
    from publisher.collect import collect_site
    from publisher.output import check_target
    from publisher.pages import site_pages

    check_target(out, [corpus])
    epoch = source_date_epoch(corpus) if epoch is None else epoch
    site, states = collect_site(corpus, epoch)
    pages, files = site_pages(site, states)
    kwargs = {"progress": progress} if progress else {}
    times = build_site(pages, files, out, corpus=corpus, epoch=epoch, wait=wait, **kwargs)
    return BuildReport(len(pages), len(files), times, list(site.notices))


__all__ = ["BuildError", "BuildReport", "Page", "build", "build_site"]
