"""An act's pages rendered on their own (in a worker, for the cache) are byte for byte the pages
that a whole ``mkdocs build`` of the site makes."""

from __future__ import annotations

import os

from markupsafe import Markup

from publisher.build import MKDOCS_YML, Page, run_mkdocs, write_docs
from publisher.theme import ThemeRenderer

EPOCH = int(os.environ.get("SOURCE_DATE_EPOCH", "1767225600"))


def _pages() -> list[Page]:
    own = [Page(url, title, "eng", Markup(f"<p>{title}</p>"))
           for url, title in [("", "Home"), ("drafts/", "Drafts"), ("graph/", "Graph"),
                              ("downloads/", "Downloads"), ("search/", "Search")]]
    act = [Page("akn/kz/act/2013-04-15/88-V/rus/", "О государственных услугах", "rus",
                Markup("<h2 id='art_1'>Статья 1.</h2><p>Настоящий Закон &lt;регулирует&gt;…</p>"),
                toc=[{"level": 2, "id": "art_1", "name": "Статья 1. Сфера", "children": []}]),
           Page("akn/kz/act/2013-04-15/88-V/kaz@2016-03-01/", "Мемлекеттік көрсетілетін қызметтер туралы", "kaz",
                Markup("<p>Осы Заң …</p>"), indexed=False),
           # what the act pages carry: the language switch, the side menu, a wide page, a title
           # that YAML and HTML would both read otherwise if it were not escaped
           Page("akn/kz/act/2013-04-15/88-V/rus@2016-03-01/diff/", 'Изменения: «О "гос." <услугах>» & \\n: yes',
                "rus", Markup("<p>x</p>"), indexed=False, hide=["toc"],
                alternates=[{"name": "Қазақша", "link": "../../kaz@2016-03-01/diff/", "lang": "kk"},
                            {"name": "English", "link": "../../../", "lang": "en"}],
                menu=[{"title": "Закон № 88-V", "url": "ru/akn/kz/act/2013-04-15/88-V/", "active": True,
                       "children": [{"title": "Редакции: 2016-03-01", "url": "#x", "children": []}]}])]
    return own + act


def test_the_front_matter_given_to_the_theme_is_the_one_mkdocs_reads():
    """The act tasks give the theme each page's front matter already read (``Page.front``) rather
    than parsing its YAML again: it must be what mkdocs reads from the page's Markdown."""
    from mkdocs.utils.meta import get_data

    for page in _pages():
        body, front = get_data(page.markdown())
        assert front == page.front(), page.url
        assert body.strip() == "<!--zanlex-body-->"


def test_a_page_rendered_alone_is_the_page_of_the_whole_mkdocs_build(tmp_path):
    docs, whole, alone = tmp_path / "docs", tmp_path / "whole", tmp_path / "alone"
    docs.mkdir()
    pages = _pages()
    write_docs(pages, {}, docs)
    run_mkdocs(docs, whole, EPOCH)
    renderer = ThemeRenderer(docs, alone, MKDOCS_YML)
    for page in pages[5:]:
        out = renderer.render(f"{page.url}index.md")
        assert out == alone / page.url / "index.html"
        assert out.read_bytes() == (whole / page.url / "index.html").read_bytes(), page.url


def test_a_page_rendered_in_memory_is_the_page_of_the_whole_mkdocs_build(tmp_path):
    """``render_page`` (the act tasks' way: nothing written per page) gives the same bytes,
    table of contents included."""
    docs, whole, alone = tmp_path / "docs", tmp_path / "whole", tmp_path / "alone"
    docs.mkdir()
    pages = _pages()
    write_docs(pages, {}, docs)
    run_mkdocs(docs, whole, EPOCH)
    nav_only = tmp_path / "nav"
    write_docs(pages[:5], {}, nav_only)
    renderer = ThemeRenderer(nav_only, alone, MKDOCS_YML)
    for page in pages[5:]:
        html = renderer.render_page(f"{page.url}index.md", page.markdown(), page.sidecars())
        assert html == (whole / page.url / "index.html").read_bytes(), page.url
        given = renderer.render_page(f"{page.url}index.md", page.markdown(), page.sidecars(), page.front())
        assert given == html, page.url                               # the act tasks' way: front matter given
    assert "Статья 1. Сфера".encode() in (whole / pages[5].url / "index.html").read_bytes()   # the TOC is in the page
    assert not list(alone.rglob("*.html"))                          # nothing written
