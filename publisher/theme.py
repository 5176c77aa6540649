"""mkdocs-material's theme applied to chosen pages, exactly as ``mkdocs build`` applies it.

``mkdocs build`` renders every page of the docs folder in one process, every time. The pages of
an act depend only on the act and on the site's navigation, so they can be rendered where the
act is processed (a worker of ``--jobs`` or Dask) and cached with it; the global ``mkdocs build``
is then left with the site's own pages. ``ThemeRenderer`` reads the configuration and the
navigation's pages once, and renders any page of the docs folder on request, through the same
hooks (``on_page_markdown`` … ``on_post_page``) and templates, to the same bytes.

    renderer = ThemeRenderer(docs, site, config_file=MKDOCS_YML)
    renderer.render("akn/kz/act/2013-04-15/88-V/rus/index.md")     # → site/akn/…/rus/index.html
    renderer.render_page("akn/…/rus/index.md", markdown, {"body": html, "toc": toc}, front)   # → bytes

``render_page`` takes the page's Markdown and sidecars (``publisher.mkdocs_hooks``) in memory and
returns the HTML: nothing is written, read back or removed per page (on a slow file system that
costs as much as the theme itself); given the front matter already read (``front``), it does not
parse it again, and the body placeholder is converted once, not per page (``_Given``).

The pages it renders must be outside the navigation (generated pages are: the nav lists only
the site's own pages), so that no other page's previous/next links change with them.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import _build_page, _populate_page, get_context
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import YAML_RE

from publisher.mkdocs_hooks import BODY_PLACEHOLDER


class ThemeRenderer:
    """Renders pages of ``docs`` into ``site`` one at a time (see the module docstring)."""

    def __init__(self, docs: Path, site: Path, config_file: Path):
        self.docs, self.site = Path(docs), Path(site)
        config = load_config(str(config_file), docs_dir=str(self.docs), site_dir=str(self.site))
        self.config = config.plugins.on_config(config)
        self.use_urls = self.config.use_directory_urls
        self.env = self.config.theme.get_env()
        nav_sources = [src for src in _nav_sources(self.config.nav) if (self.docs / src).is_file()]
        self.files = Files([self._file(src) for src in nav_sources])
        self.files = self.config.plugins.on_files(self.files, config=self.config)
        self.nav = get_navigation(self.files, self.config)
        self.nav = self.config.plugins.on_nav(self.nav, config=self.config, files=self.files)
        for file in self.files.documentation_pages():
            if file.page is None:
                Page(None, file, self.config)
            _populate_page(file.page, self.config, self.files)
        self.env = self.config.plugins.on_env(self.env, config=self.config, files=self.files)
        self._placeholder: dict = {}           # the body placeholder's conversion (``_Given``)

    def _file(self, src: str) -> File:
        return File(src, str(self.docs), str(self.site), self.use_urls)

    def render(self, src: str) -> Path:
        """Render ``docs/src`` (a page outside the navigation) into the site; returns the HTML file."""
        file = self._file(src)
        file.inclusion = InclusionLevel.NOT_IN_NAV
        page = Page(None, file, self.config)
        files = Files([*self.files, file])
        _populate_page(page, self.config, files)
        _build_page(page, self.config, files.documentation_pages(), self.nav, self.env)
        return Path(file.abs_dest_path)

    def render_page(self, src: str, markdown: str, sidecars: dict[str, str], front: dict | None = None) -> bytes:
        """The HTML of the page ``src`` whose Markdown and sidecars are given (not read from the docs
        folder), as ``mkdocs build`` would write it (``_build_page`` without the write).

        ``front``: the front matter of ``markdown`` already read (``publisher.build.Page.front``),
        which is then not parsed again (``_Given``)."""
        file = File.generated(self.config, src, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV)
        file.zl_sidecars = sidecars
        page = _Given(file, self.config, front, self._placeholder)
        files = Files([*self.files, file])
        _populate_page(page, self.config, files)
        config = self.config
        config._current_page = page
        page.active = True
        try:
            context = get_context(self.nav, files.documentation_pages(), config, page)
            template = self.env.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(context, page=page, config=config, nav=self.nav)
            output = config.plugins.on_post_page(template.render(context), page=page, config=config)
        finally:
            page.active = False
            config._current_page = None
        return output.encode("utf-8", errors="xmlcharrefreplace")


class _Given(Page):
    """A page given in memory, read as ``mkdocs build`` reads it, less two steps whose result is
    known: its front matter, given already read, is not parsed from YAML; a body that is only
    ``publisher.mkdocs_hooks``' placeholder is not converted by Python-Markdown again, its
    conversion (the same for every page) being kept from the first page (``placeholder``). The
    plugin events run as for any page. The theme's time per page of the seed law falls from 4.3 ms
    to 1.8 ms; a test checks the bytes are those of ``mkdocs build``."""

    def __init__(self, file: File, config, front: dict | None, placeholder: dict):
        super().__init__(None, file, config)
        self.zl_front, self.zl_placeholder = front, placeholder

    def read_source(self, config) -> None:
        source = self.file.content_string
        found = YAML_RE.match(source) if self.zl_front is not None else None
        if found is None or config.plugins.on_page_read_source(page=self, config=config) is not None:
            return super().read_source(config)
        self.markdown, self.meta = source[found.end():].lstrip("\n"), dict(self.zl_front)

    def render(self, config, files) -> None:
        if self.markdown.strip() != BODY_PLACEHOLDER:
            return super().render(config, files)
        kept = self.zl_placeholder
        if not kept:
            super().render(config, files)
            if self.toc or self.links_to_anchors:      # never: the placeholder has no heading, no link
                raise RuntimeError(f"the body placeholder {BODY_PLACEHOLDER} converts to headings or links")
            kept.update(content=self.content, title=self._title_from_render,
                        anchors=frozenset(self.present_anchor_ids or ()), links=self.links_to_anchors)
        self.content, self.toc, self._title_from_render = kept["content"], get_toc([]), kept["title"]
        self.present_anchor_ids = set(kept["anchors"])
        self.links_to_anchors = None if kept["links"] is None else {}


def _nav_sources(nav) -> list[str]:
    """The Markdown files a ``nav`` configuration names (titles and nesting dropped).

    >>> _nav_sources([{"Home": "index.md"}, "drafts/index.md", {"More": [{"Graph": "graph/index.md"}]}])
    ['index.md', 'drafts/index.md', 'graph/index.md']
    """
    out: list[str] = []
    for item in nav or []:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                out += [value] if isinstance(value, str) else _nav_sources(value)
    return [s for s in out if s.endswith(".md")]
