"""The build: pages → docs folder → mkdocs-material → Pagefind → atomic swap into ``--out``.

    build_site(pages, files, Path("public"))

1. Every ``Page`` becomes a Markdown file (front matter + one raw HTML block) in a temporary
   docs folder; every download (AKN XML, GraphML, feeds) is copied beside them.
2. mkdocs builds with ``site/mkdocs.yml`` (``publisher.resources``), its ``docs_dir`` and ``site_dir``
   pointed at the temporary folders.
3. Pagefind indexes the result, one index per ``<html lang>``.
4. The new site replaces ``--out`` in one atomic exchange (``publisher.output``: only a new
   folder or one zanlex built, under a lock); until then the old site stays untouched, and a
   failed or killed build leaves it as it was.

Builds are deterministic: the reference time (``--today``, else ``SOURCE_DATE_EPOCH``, else the
clock) fixes the sitemap dates and gzip headers; files are written in sorted order.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from markupsafe import Markup, escape

from akn_schema.config import inside
from akn_schema.errors import EnvironmentFailure, ZanlexError
from akn_schema.today import reference_epoch
from publisher import resources, urls
from publisher.languages import LANGUAGES
from publisher.mkdocs_hooks import BODY_PLACEHOLDER, BODY_SUFFIX, TOC_SUFFIX
from publisher.output import Output

ROOT = Path(__file__).resolve().parent.parent
MKDOCS_YML = resources.mkdocs_config()       # site/mkdocs.yml (zanlex_site/ when installed from a wheel)
ASSETS = resources.assets()


class BuildError(ZanlexError):
    """mkdocs or Pagefind failed; the previous site is left in place."""


@dataclass
class Page:
    """One generated page. ``lang`` is ISO 639-2 (rus/kaz/eng); ``body`` is escaped HTML.

    ``alternates`` is the language switch (the same page in each language, site-relative links),
    ``menu`` the side menu of the page's section, ``toc`` its table of contents (mkdocs
    ``toc_tokens``: chapters and articles, with the ids of their headings).
    """

    url: str
    title: str
    lang: str
    body: Markup
    filters: dict[str, str] = field(default_factory=dict)   # Pagefind filters (act, language)

    indexed: bool = True          # in the Pagefind index (versions and diffs are not: they repeat the text)
    alternates: list[dict] = field(default_factory=list)
    menu: list[dict] = field(default_factory=list)
    toc: list[dict] = field(default_factory=list)
    hide: list[str] = field(default_factory=list)     # mkdocs-material's "hide" (e.g. "toc": a wider page)

    def markdown(self) -> str:
        """The page's Markdown file: front matter and a placeholder for the body.

        The body (``html()``) goes in a sidecar file that the mkdocs hook puts in place of the
        placeholder, so Python-Markdown never parses the large, already-escaped HTML.

        >>> print(Page("x/", "a <b>", "kaz", Markup("<p>&lt;i&gt;</p>")).markdown())
        ---
        title: "a &lt;b&gt;"
        lang: kk
        ---
        <BLANKLINE>
        <!--zanlex-body-->
        <BLANKLINE>
        """
        head = "\n".join(f"{k}: {v if k == 'lang' else json.dumps(v, ensure_ascii=False, sort_keys=True)}"
                         for k, v in self.front().items())
        return f"---\n{head}\n---\n\n{BODY_PLACEHOLDER}\n"

    def front(self) -> dict:
        """The front matter of ``markdown()``, as mkdocs reads it (a test checks): what the theme
        renderer of the act tasks is given, rather than parsing the YAML of every page again.

        >>> Page("x/", "a <b>", "kaz", Markup(""), hide=["toc"]).front()
        {'title': 'a &lt;b&gt;', 'lang': 'kk', 'hide': ['toc']}
        """
        # Theme templates print page titles unescaped, so the title is escaped here, once.
        front: dict = {"title": str(escape(self.title)), "lang": LANGUAGES[self.lang].html}
        if self.alternates:
            front["alternate"] = self.alternates
        if self.menu:
            front["menu"] = self.menu
        if self.hide:
            front["hide"] = self.hide
        return front

    def html(self) -> str:
        """The page body: one ``div``, marked for Pagefind when ``indexed``, with its filters.

        >>> Page("x/", "t", "rus", Markup("<p>x</p>"), {"act": "A&B"}).html()
        '<div class="zl-page" data-pagefind-body><span hidden data-pagefind-filter="act">A&amp;B</span><p>x</p></div>'
        """
        filters = "".join(
            f'<span hidden data-pagefind-filter="{escape(k)}">{escape(v)}</span>'
            for k, v in sorted(self.filters.items())) if self.indexed else ""
        mark = " data-pagefind-body" if self.indexed else ""
        return f'<div class="zl-page"{mark}>{filters}{self.body.strip()}</div>'

    def toc_json(self) -> str | None:
        """The table of contents for the mkdocs hook, when the page has one."""
        return json.dumps(self.toc, ensure_ascii=False, sort_keys=True) if self.toc else None

    def sidecars(self) -> dict[str, str | None]:
        """What ``publisher.mkdocs_hooks`` puts into the page besides its Markdown."""
        return {"body": self.html(), "toc": self.toc_json()}


Progress = Callable[[str, int, int], None]    # (step, done, total)


def _no_progress(step: str, done: int, total: int) -> None:
    return None


def source_date_epoch(corpus: Path | None = None) -> int:
    """The build's reference time: ``SOURCE_DATE_EPOCH`` if set, else the clock (never 1980).

    ``zanlex build --today`` passes its own epoch instead (``akn_schema.today``)."""
    return reference_epoch()


def write_docs(pages: Iterable[Page], files: dict[str, bytes], docs: Path,
               progress: Progress = _no_progress) -> int:
    """Write the Markdown pages, the downloads and the site's own assets into ``docs``."""
    pages = sorted(pages, key=lambda p: p.url)
    seen: set[str] = set()
    for i, page in enumerate(pages, 1):
        if page.url in seen:
            raise BuildError(f"two pages claim the URL /{page.url}")
        seen.add(page.url)
        write_page(page, docs)
        progress("pages", i, len(pages))
    write_files(sorted(files.items()), docs)
    shutil.copytree(ASSETS, docs / "assets", dirs_exist_ok=True)
    return len(pages)


def write_page(page: Page, docs: Path) -> list[Path]:
    """One page's Markdown file and its sidecars (body, table of contents); returns the files."""
    target = docs / urls.md_path(page.url)
    _confined(target, docs, page.url)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page.markdown(), encoding="utf-8")
    written = [target]
    for suffix, content in ((BODY_SUFFIX, page.html()), (TOC_SUFFIX, page.toc_json())):
        if content is not None:
            written.append(target.with_name(target.name + suffix))
            written[-1].write_text(content, encoding="utf-8")
    return written


def write_files(files: Iterable[tuple[str, bytes]], folder: Path) -> None:
    """Files by their path in ``folder`` (never outside it: each folder on the way is checked once)."""
    checked: set[Path] = set()
    for rel, content in files:
        target = folder / rel
        if ".." in Path(rel).parts or Path(rel).is_absolute():
            raise BuildError(f"the page or file /{rel} would be written outside the site; refusing")
        if target.parent not in checked:
            _confined(target.parent, folder, rel)
            target.parent.mkdir(parents=True, exist_ok=True)
            checked.add(target.parent)
        target.write_bytes(content)


def _confined(target: Path, docs: Path, url: str) -> None:
    """Nothing is written outside the build folder, whatever a URL holds (``..``, ``/``)."""
    if ".." in Path(url).parts or Path(url).is_absolute() or not inside(target, docs):
        raise BuildError(f"the page or file /{url} would be written outside the site; refusing")


def run_mkdocs(docs: Path, site: Path, epoch: int) -> None:
    """mkdocs-material over ``docs`` into ``site`` (Python API, config from ``mkdocs.yml``)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with _environ(SOURCE_DATE_EPOCH=str(epoch)):
        try:
            config = load_config(str(MKDOCS_YML), docs_dir=str(docs), site_dir=str(site))
            build(config)
        except MkDocsException as err:
            raise BuildError(f"mkdocs: {err}") from err
    _fix_sitemap_gzip(site, epoch)


def pagefind_glob(pages: Iterable[Page]) -> str:
    """The Pagefind ``--glob`` naming exactly the indexed pages (Pagefind reads only those).

    >>> pagefind_glob([Page("", "h", "eng", Markup("")), Page("drafts/x/", "d", "rus", Markup("")),
    ...                Page("a@b/", "v", "rus", Markup(""), indexed=False)])
    '{drafts/x/index.html,index.html}'
    """
    return glob_of(p.url for p in pages if p.indexed)


def glob_of(page_urls: Iterable[str]) -> str:
    """The Pagefind ``--glob`` naming the pages at ``page_urls``."""
    paths = sorted(f"{url}index.html" for url in page_urls)
    for path in paths:
        if any(c in path for c in "{}[]*?,\\!"):
            raise BuildError(f"page URL {path!r} cannot be named in a Pagefind glob")
    return "{" + ",".join(paths) + "}"


def run_pagefind(site: Path, glob: str = "**/*.html", bundle: Path | None = None) -> None:
    """Index ``site`` with the Pagefind binary of the ``pagefind`` wheel, into ``bundle``
    (default: ``site/pagefind``)."""
    where = ["--output-path", str(bundle.resolve())] if bundle is not None else []
    proc = subprocess.run([*pagefind_command(), "--site", str(site), "--glob", glob, *where, "--silent"],
                          capture_output=True, text=True)
    if proc.returncode:
        said = " ".join((proc.stderr or proc.stdout).split())[-500:]
        if any(m in said for m in ("No space left", "Read-only file system", "Disk quota")):
            raise EnvironmentFailure(f"{site}: cannot write the search index: {said}")   # exit 3, not bad input
        raise BuildError(f"pagefind failed: {said}")


@cache
def pagefind_command() -> list[str]:
    """How to run Pagefind: its binary, as ``python -m pagefind`` finds it (the wheel's, or
    ``PAGEFIND_BINARY_PATH``), run directly: a Python start less per index (one per language);
    ``python -m pagefind`` itself where the binary is not found, which then says why."""
    try:
        from pagefind.service import get_executable

        found = get_executable()
    except ImportError:
        found = None
    return [str(found)] if found is not None and found.is_file() else [sys.executable, "-m", "pagefind"]


def build_site(pages: list[Page], files: dict[str, bytes], out: Path, *, corpus: Path | None = None,
               progress: Progress = _no_progress, mkdocs: Callable = run_mkdocs,
               pagefind: Callable = run_pagefind, epoch: int | None = None,
               wait: Callable[[str], None] | None = None,
               acts: Callable[[Path], Iterable] | None = None, cache=None,
               keep: Callable[[Path, list[str]], None] | None = None) -> dict[str, float]:
    """Build the whole site into ``out`` atomically; returns the seconds each step took.

    ``out`` must be new or a site zanlex built (``publisher.output``: marker, lock, swap);
    ``epoch`` is the build's reference time (default: ``source_date_epoch``).

    ``pages`` and ``files`` go through ``mkdocs build``; ``acts(scratch)``, when given, starts the
    acts' tasks, which run while mkdocs builds those pages, and gives an iterator of each act's
    output already rendered (``publisher.shard.Linked``: its URLs, and ``place(site, made)``
    linking its pages and downloads from the cache), which is put into the site as it comes (never
    held all at once) and added to the sitemap and the search index. ``scratch`` is a folder inside
    the build folder for the act tasks' theme. With ``cache`` (an ``akn_schema.cache.BuildCache``)
    the search index of the same indexed pages is reused (``search_index``). ``keep(site, paths)``
    is shown the site's own files (everything but the acts') when the site is complete, before
    the swap.
    """
    pages = list(pages)
    epoch = source_date_epoch(corpus) if epoch is None else epoch
    times: dict[str, float] = {}
    with Output(out, protect=[corpus, ROOT],
                wait=wait or (lambda message: None)) as output:
        docs, site = output.folder / "docs", output.folder / "site"
        docs.mkdir()
        t = time.perf_counter()
        arriving = acts(output.folder / "theme") if acts is not None else None   # their tasks run meanwhile
        started = time.perf_counter() - t
        t = time.perf_counter()
        write_docs(pages, files, docs, progress)
        times["write"] = time.perf_counter() - t
        progress("mkdocs", 0, 1)
        t = time.perf_counter()
        mkdocs(docs, site, epoch)
        times["mkdocs"] = time.perf_counter() - t
        progress("mkdocs", 1, 1)
        indexed = [p.url for p in pages if p.indexed]
        own = files_in(site)
        if arriving is not None:
            t = time.perf_counter()
            listed, found = write_acts(arriving, site, {p.url for p in pages})
            indexed += found
            add_to_sitemap(site, listed, epoch)
            times["acts"] = started + time.perf_counter() - t
        progress("pagefind", 0, 1)
        t = time.perf_counter()
        search_index(site, indexed, pagefind, cache)
        times["pagefind"] = time.perf_counter() - t
        progress("pagefind", 1, 1)
        if keep is not None:
            keep(site, sorted({*own, *(f"pagefind/{rel}" for rel in files_in(site / "pagefind"))}))
        _normalise_mtimes(site, epoch)
        output.publish(site)
    return times


def link_site(cache: Path, trees: list[str], out: Path, *, corpus: Path | None = None, epoch: int,
              wait: Callable[[str], None] | None = None, progress: Progress = _no_progress) -> dict[str, float]:
    """Make the site at ``out`` (atomically, as ``build_site``) of trees stored in the cache
    (``akn_schema.trees``), linked: a site built before from the same inputs, nothing computed.
    ``TreeBroken`` (the old site left in place) when a tree is missing or damaged."""
    from akn_schema.trees import TreeBroken, link_tree, load_manifest

    times: dict[str, float] = {}
    with Output(out, protect=[corpus, ROOT], wait=wait or (lambda message: None)) as output:
        t = time.perf_counter()
        site = output.folder / "site"
        site.mkdir()
        made = {site}
        for i, key in enumerate(trees, 1):
            manifest = load_manifest(cache, key)
            if manifest is None:
                raise TreeBroken(f"the tree {key} is not in the cache")
            link_tree(cache, key, manifest, site, made)
            progress("link", i, len(trees))
        times["link"] = time.perf_counter() - t
        _normalise_mtimes(site, epoch)
        output.publish(site)
    return times


def files_in(folder: Path) -> list[str]:
    """The files under ``folder``, by their path in it (sorted); none when it does not exist."""
    found = []
    for dirpath, _dirs, names in os.walk(folder):
        rel = os.path.relpath(dirpath, folder)
        found += [name if rel == "." else f"{rel}/{name}" for name in names]
    return sorted(found)


def search_index(site: Path, indexed: list[str], pagefind: Callable = run_pagefind, cache=None) -> None:
    """Pagefind over the ``indexed`` pages into ``site/pagefind``, made reproducible, one language
    at a time.

    Pagefind keeps one index per language (a reader searches the index of the page's language),
    so the bundles of the three runs, put together, are byte for byte the bundle of one run over
    every page (a test checks), made with a third of the memory. With ``cache``, each language's
    index is stored as a tree (``akn_schema.trees``) under the hash of its pages' bytes and linked
    when they are unchanged: an edited Russian text does not index the Kazakh pages again.
    Neither the pages nor the index are ever held in memory whole."""
    bundle = site / "pagefind"
    bundle.mkdir()
    entry: dict = {}
    for lang, pages in sorted((pages_by_language(site, indexed) or {"": []}).items()):
        part = site.parent / f".pagefind-{lang or 'other'}"
        shutil.rmtree(part, ignore_errors=True)
        _language_index(site, pages, part, pagefind, cache)
        this = json.loads((part / "pagefind-entry.json").read_text(encoding="utf-8"))
        clash = set(entry.get("languages", {})) & set(this.get("languages", {}))
        if clash:
            raise BuildError(f"pagefind indexed pages of {sorted(clash)} in two runs: their <html lang> differ")
        entry = {**this, **entry, "languages": {**entry.get("languages", {}), **this.get("languages", {})}}
        _merge_bundle(part, bundle)
    if entry:
        entry["languages"] = dict(sorted(entry["languages"].items()))
        (bundle / "pagefind-entry.json").write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                                                    encoding="utf-8")


def pages_by_language(site: Path, urls: list[str]) -> dict[str, list[str]]:
    """The pages ``urls`` of ``site`` by the language of their ``<html lang>``, as Pagefind reads it
    ("" when a page has none).

    >>> import tempfile
    >>> site = Path(tempfile.mkdtemp())
    >>> for url, lang in [("a/", "ru"), ("b/", "kk"), ("c/", "ru")]:
    ...     (site / url).mkdir()
    ...     _ = (site / url / "index.html").write_text(f'<!doctype html><html lang="{lang}" class="no-js">')
    >>> pages_by_language(site, ["a/", "b/", "c/"])
    {'ru': ['a/', 'c/'], 'kk': ['b/']}
    """
    found: dict[str, list[str]] = {}
    for url in urls:
        with open(site / url / "index.html", "rb") as f:
            m = _HTML_LANG.search(f.read(2048))
        found.setdefault(m.group(1).decode("ascii", "replace") if m else "", []).append(url)
    return found


_HTML_LANG = re.compile(rb"<html\b[^>]*?\blang=[\"']?([\w-]+)", re.IGNORECASE)


def _language_index(site: Path, urls: list[str], part: Path, pagefind: Callable, cache) -> None:
    """The canonical Pagefind bundle of the pages ``urls`` (one language) in the folder ``part``:
    linked from the cache when the pages are unchanged, else made (and stored)."""
    from akn_schema.trees import TreeBroken, link_tree, load_manifest, store_linked

    key = None
    if cache is not None:
        from akn_schema.cache import content_key

        key = content_key("publisher.pagefind-language", [(url, file_digest(site / url / "index.html"))
                                                          for url in sorted(urls)])
        cache.used.add(key)
        manifest = load_manifest(cache.root, key)
        if manifest is not None:
            try:
                link_tree(cache.root, key, manifest, part)
                return
            except TreeBroken:
                shutil.rmtree(part, ignore_errors=True)   # made afresh below
    pagefind(site, glob_of(urls), part)
    _canonical_pagefind(part)
    if key is not None:
        with suppress(OSError, ValueError):          # an unwritable cache costs time, never the result
            store_linked(cache.root, key, part, files_in(part))


def _merge_bundle(part: Path, bundle: Path) -> None:
    """Move a language's bundle into the site's: its index files are its own (named by their
    content's hash); Pagefind's scripts, identical in every run, are kept once."""
    for rel in files_in(part):
        if rel == "pagefind-entry.json":
            continue
        target = bundle / rel
        if target.exists():
            if target.read_bytes() != (part / rel).read_bytes():
                raise BuildError(f"pagefind wrote two different {rel} for two languages")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(part / rel, target)
    shutil.rmtree(part)


def write_acts(acts: Iterable, site: Path, taken: set[str]) -> tuple[list[str], list[str]]:
    """Put each act's pages and downloads into ``site`` as they come (``act.place``: linked from
    the cache, or written); returns the URLs of every page and of those in the search index."""
    listed: list[str] = []
    indexed: list[str] = []
    made: set[Path] = {site}
    for act in acts:
        for url in act.urls:
            if url in taken:
                raise BuildError(f"two pages claim the URL /{url}")
            taken.add(url)
        try:
            act.place(site, made)
        except FileExistsError as err:
            raise BuildError(f"two acts' outputs claim {err.filename}") from None
        listed += act.urls
        indexed += act.indexed
    return listed, indexed


def add_to_sitemap(site: Path, page_urls: list[str], epoch: int) -> None:
    """Add pages rendered outside ``mkdocs build`` to its sitemap, in mkdocs' own form."""
    from datetime import UTC, datetime

    from publisher.pages import site_url

    xml = site / "sitemap.xml"
    if not xml.exists() or not page_urls:
        return
    base = site_url()
    day = datetime.fromtimestamp(epoch, tz=UTC).strftime("%Y-%m-%d")
    text = xml.read_text(encoding="utf-8")
    entries = "".join(f"\n    <url>\n         <loc>{escape(base + url)}</loc>\n         <lastmod>{day}</lastmod>\n"
                      f"    </url>" for url in sorted(page_urls))
    head, _, _tail = text.rpartition("</urlset>")
    xml.write_text(head.rstrip() + entries + "\n</urlset>", encoding="utf-8")
    _fix_sitemap_gzip(site, epoch)


def _fix_sitemap_gzip(site: Path, epoch: int) -> None:
    """Re-pack sitemap.xml.gz with a fixed gzip header (no file name, mtime = epoch)."""
    xml = site / "sitemap.xml"
    if not xml.exists():
        return
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=epoch, compresslevel=9) as gz:
        gz.write(xml.read_bytes())
    (site / "sitemap.xml.gz").write_bytes(buf.getvalue())


def file_digest(path: Path) -> bytes:
    """The sha256 of a file's bytes, read in blocks (never the whole file in memory)."""
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").digest()


def _canonical_pagefind(bundle: Path) -> None:
    from publisher.pagefind_canon import PagefindFormatError, canonicalise

    try:
        canonicalise(bundle)
    except PagefindFormatError as err:
        raise BuildError(f"pagefind output not reproducible: {err}") from err
    except ValueError as err:
        # Pagefind exits 0 when the disk fills under it, leaving empty index files
        if shutil.disk_usage(bundle).free < 1 << 20:
            raise EnvironmentFailure(f"{bundle}: cannot write the search index: the disk is full "
                                     "(No space left on device)") from err
        raise BuildError(f"pagefind output unreadable: {err}") from err


def _normalise_mtimes(site: Path, epoch: int) -> None:
    """Every file and folder of ``site`` dated ``epoch``. A file already dated so is left alone:
    a page linked from the cache shares its inode, which is then not touched."""
    for dirpath, _dirs, names in os.walk(site, topdown=False):
        for name in names:
            path = os.path.join(dirpath, name)
            if os.lstat(path).st_mtime != epoch:
                os.utime(path, (epoch, epoch), follow_symlinks=False)
        if dirpath != str(site):
            os.utime(dirpath, (epoch, epoch), follow_symlinks=False)


@contextmanager
def _environ(**values: str):
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
