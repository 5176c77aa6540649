"""Incremental builds (issue 12): a rebuild decides in the command's process what the cache holds,
runs a task only for what changed, and links the stored pages into the new site instead of writing
them again; whatever happens to the cache, the site is byte for byte the one a clean build makes."""

from __future__ import annotations

import errno
import os
import shutil
import stat
from pathlib import Path

import pytest

import publisher
import publisher.shard
from akn_schema import trees
from akn_schema.executor import SerialExecutor

ROOT = Path(__file__).resolve().parent.parent
EPOCH = int(os.environ.get("SOURCE_DATE_EPOCH", "1767225600"))
ORDER = "akn/kz/act/order/2016-12-08/78/rus/index.html"     # order-78's current Russian text


class Counting(SerialExecutor):
    """This process, recording every task it is given (the function's name and the act)."""

    def __init__(self):
        self.tasks: list[tuple[str, str]] = []
        self.releases: list[int] = []

    def map(self, fn, items, progress=None):
        items = list(items)
        self.tasks += [(fn.__name__, item[0][2]) for item in items]
        return super().map(fn, items, progress)

    def release(self):
        """The build is done with the workers for now: record after how many tasks."""
        self.releases.append(len(self.tasks))


def _tree(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _modes(site: Path) -> dict[str, int]:
    return {str(p.relative_to(site)): stat.S_IMODE(p.stat().st_mode) for p in sorted(site.rglob("*")) if p.is_file()}


def _build(corpus: Path, out: Path, cache, executor=None, epoch: int = EPOCH) -> dict[str, bytes]:
    publisher.build(corpus, out, epoch=epoch, cache=cache, executor=executor or SerialExecutor(), printing=False)
    return _tree(out)


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """The seed corpus, a cache filled by one clean build, and that build's files."""
    base = tmp_path_factory.mktemp("incremental")
    corpus = base / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    files = _build(corpus, base / "site", base / "cache")
    return corpus, base / "cache", files, _modes(base / "site")


def _copy_cache(clean, tmp_path: Path) -> Path:
    cache = tmp_path / "cache"
    shutil.copytree(clean[1], cache, symlinks=True)
    return cache


def _act_pages(cache: Path) -> list[Path]:
    return sorted(p for p in (cache / trees.FOLDER).rglob("index.html") if "/akn/" in str(p))


def test_an_unchanged_rebuild_runs_no_task_and_links_the_stored_pages(clean, tmp_path):
    corpus, _cache, files, modes = clean
    cache = _copy_cache(clean, tmp_path)
    ex = Counting()
    assert _build(corpus, tmp_path / "site", cache, ex) == files
    assert ex.tasks == [], "no act is collected or rendered again"
    page = tmp_path / "site" / ORDER
    assert page.stat().st_nlink >= 2, "the page is the cache's file, linked, not written again"
    assert any(os.path.samefile(page, p) for p in _act_pages(cache))
    assert _modes(tmp_path / "site") == modes, "linked files keep the permissions of a clean build"


def test_a_rebuild_on_another_day_reuses_every_act_without_a_task(clean, tmp_path):
    """The whole stored site does not apply (another date), yet each act's collection and pages are
    found from this process: no task, and the site is a clean build's of that day."""
    corpus, _cache, _files, _modes = clean
    cache = _copy_cache(clean, tmp_path)
    later = EPOCH + 3600                      # the same day in Astana: the acts' pages do not change
    ex = Counting()
    rebuilt = _build(corpus, tmp_path / "site", cache, ex, epoch=later)
    assert ex.tasks == []
    assert rebuilt == _build(corpus, tmp_path / "fresh", tmp_path / "fresh-cache", epoch=later)


def test_one_edited_act_is_the_only_task_and_the_stored_trees_are_never_written_into(clean, tmp_path):
    corpus_src, _cache, files, _modes = clean
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_src, corpus)
    cache = _copy_cache(clean, tmp_path)
    assert _build(corpus, tmp_path / "site", cache) == files
    stored = {p: p.read_bytes() for p in (cache / trees.FOLDER).rglob("*") if p.is_file()}
    text = corpus / "works" / "order-78" / "rus.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("прилагаемые", "прилагаемые (исправлено)", 1),
                    encoding="utf-8")
    ex = Counting()
    edited = _build(corpus, tmp_path / "site", cache, ex)
    assert ex.tasks == [("collect_task", "order-78"), ("render_task", "order-78")]
    assert ex.releases == [1, 2], "the workers are let go after collecting (the global steps run without " \
        "them) and once the last act is rendered"
    assert "(исправлено)" in edited[ORDER].decode()
    assert all(p.read_bytes() == data for p, data in stored.items() if p.exists()), \
        "a file of the previous site (linked from the cache) was rewritten in place"
    assert edited == _build(corpus, tmp_path / "fresh", tmp_path / "fresh-cache")


def test_a_cache_that_cannot_be_linked_is_copied(clean, tmp_path, monkeypatch):
    corpus, _cache, files, modes = clean
    cache = _copy_cache(clean, tmp_path)

    def other_file_system(src, dst, *a, **k):
        raise OSError(errno.EXDEV, "Invalid cross-device link", str(src))

    monkeypatch.setattr(os, "link", other_file_system)
    assert _build(corpus, tmp_path / "site", cache) == files
    assert (tmp_path / "site" / ORDER).stat().st_nlink == 1
    assert _modes(tmp_path / "site") == modes


@pytest.mark.parametrize("damage", ["missing page", "cut page", "manifest", "whole site"])
def test_a_damaged_cache_still_gives_the_clean_site(clean, tmp_path, damage):
    corpus, _cache, files, _modes = clean
    cache = _copy_cache(clean, tmp_path)
    page = _act_pages(cache)[0]
    if damage == "missing page":
        page.unlink()
    elif damage == "cut page":
        page.write_bytes(page.read_bytes()[:100])
    elif damage == "manifest":
        for manifest in (cache / trees.FOLDER).rglob(trees.MANIFEST):
            manifest.write_bytes(b"not a pickle")
    else:
        shutil.rmtree(cache / trees.FOLDER)
    assert _build(corpus, tmp_path / "site", cache) == files
    assert _build(corpus, tmp_path / "site", cache) == files, "the cache was repaired"


def test_store_and_link_a_tree_refuse_paths_outside_the_site(tmp_path):
    with pytest.raises(ValueError):
        trees.store_tree(tmp_path / "cache", "ab" * 32, [("../escape.html", b"x")])
    assert not (tmp_path / "escape.html").exists()
    manifest = trees.store_tree(tmp_path / "cache", "cd" * 32, [("a/index.html", b"x")])
    manifest.files = [("../../escape.html", 1)]
    with pytest.raises(trees.TreeBroken):
        trees.link_tree(tmp_path / "cache", "cd" * 32, manifest, tmp_path / "site")
    assert not (tmp_path / "escape.html").exists()


def _edit(corpus: Path, work: str, lang: str, old: str, new: str) -> None:
    text = corpus / "works" / work / f"{lang}.txt"
    text.write_text(text.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def test_a_pruned_cache_holds_only_what_the_build_used_and_the_next_builds_still_need_nothing_else(clean, tmp_path):
    corpus_src = clean[0]
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_src, corpus)
    cache = _copy_cache(clean, tmp_path)
    _edit(corpus, "order-78", "rus", "прилагаемые", "прилагаемые (исправлено)")
    report = publisher.build(corpus, tmp_path / "site", epoch=EPOCH, cache=cache, executor=SerialExecutor(),
                             printing=False, prune=True)
    assert report.pruned > 0
    kept = [p.read_text(encoding="utf-8") for p in (cache / trees.FOLDER).rglob(ORDER)]
    assert kept and all("(исправлено)" in page for page in kept), "order 78's page before the edit is gone"
    # an unchanged rebuild of the pruned cache is still linked whole, and pruning after it keeps
    # the acts' collections: editing order 52 then collects and renders order 52 alone
    ex = Counting()
    publisher.build(corpus, tmp_path / "site", epoch=EPOCH, cache=cache, executor=ex, printing=False, prune=True)
    assert ex.tasks == []
    _edit(corpus, "order-52", "kaz", "Мыналардың:", "Мыналардың (исправлено):")
    ex = Counting()
    edited = _build(corpus, tmp_path / "site", cache, ex)
    assert ex.tasks == [("collect_task", "order-52"), ("render_task", "order-52")]
    assert edited == _build(corpus, tmp_path / "fresh", tmp_path / "fresh-cache")


def test_the_graphml_of_a_graph_unchanged_since_the_last_build_is_read_from_the_cache(tmp_path, monkeypatch):
    """GraphML, the slowest of the global steps at scale, is kept under the hash of the graph's
    node-link JSON: a rebuild whose graph did not change reads it back (the same bytes) instead
    of writing it again."""
    import linker
    from akn_schema.cache import BuildCache
    from akn_schema.corpus import Corpus
    from publisher.collect import link_graph
    from publisher.model import SiteData

    corpus, store = Corpus.open(ROOT / "corpus"), BuildCache(tmp_path / "cache")
    first = SiteData()
    link_graph(corpus, first, cache=store)
    assert first.graph.graphml.startswith(b"<?xml") and b"<graphml" in first.graph.graphml

    def not_again(g):
        raise AssertionError("the GraphML of an unchanged graph was written again")

    monkeypatch.setattr(linker, "graph_graphml", not_again)
    again = SiteData()
    link_graph(corpus, again, cache=store)
    assert again.graph.graphml == first.graph.graphml
    with pytest.raises(AssertionError, match="written again"):
        link_graph(corpus, SiteData(), cache=BuildCache(tmp_path / "another"))   # nothing kept: made


def test_the_lists_of_acts_are_read_from_the_cache_while_no_act_changes_as_they_show_it(tmp_path, monkeypatch):
    """The pages that list every act (the acts, the downloads) are kept under the hash of every
    act as the site's own pages see it: read back while it is unchanged, made again when an act's
    title changes."""
    import dataclasses

    import publisher.pages as pages
    from akn_schema.cache import BuildCache
    from publisher.collect import collect_site
    from publisher.shard import summary_view

    site, _states = collect_site(ROOT / "corpus")
    site.works = [summary_view(w) for w in site.works]
    store = BuildCache(tmp_path / "cache")
    lists = ("acts/", "downloads/")

    def listed(site):
        return {p.url: p.html() for p in pages.global_pages(pages._Pages(site, store)) if p.url.endswith(lists)}

    first = listed(site)
    assert len(first) == 6 and all(first.values())
    made = []
    render = pages.render_page
    monkeypatch.setattr(pages, "render_page", lambda template, **kw: made.append(template) or render(template, **kw))
    assert listed(site) == first
    assert "acts.html" not in made and "downloads.html" not in made
    site.works[0] = dataclasses.replace(site.works[0], titles={**site.works[0].titles, "rus": "Новое название"})
    again = listed(site)
    assert "acts.html" in made and "downloads.html" in made
    assert "Новое название" in again["ru/acts/"] and again != first
