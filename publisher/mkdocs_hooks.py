"""mkdocs hooks: the generated page bodies, their tables of contents, and each page's language.

``publisher.build`` writes each page as ``index.md`` (front matter + a placeholder) and its
already-escaped HTML body beside it as ``index.md.body.html``; ``on_page_content`` puts the body
in place, so Python-Markdown does not re-parse large HTML (and cannot touch corpus text). The
table of contents (chapters and articles) comes from ``index.md.toc.json``.

The site has a section per language (ru, kk, en). Before each page is rendered,
``on_page_context`` gives mkdocs-material that section's ``theme.language`` (Kazakh from
``site/overrides/partials/languages/kk.html``: Material has none), ``site_name``, side menu and
``extra.alternate`` language switch (the same page in each language, from the front matter), so
every word of the theme is in the page's language and ``<html lang>`` is right for Pagefind's
per-language index.

    >>> class P: meta = {"lang": "kk"}
    >>> on_post_page('<!doctype html>\\n<html lang="en" class="no-js">', page=P, config={})
    '<!doctype html>\\n<html lang="kk" class="no-js">'
"""

from __future__ import annotations

import json
import re
from pathlib import Path

BODY_PLACEHOLDER = "<!--zanlex-body-->"
BODY_SUFFIX = ".body.html"
TOC_SUFFIX = ".toc.json"
_HTML_LANG = re.compile(r'<html lang="[^"]*"')


def _language(page):
    from publisher.languages import BY_HTML

    return BY_HTML.get(str((page.meta or {}).get("lang", "en")), BY_HTML["en"])


def on_page_context(context, page, config, nav):
    L = _language(page)
    config.theme["language"] = L.theme
    config["site_name"] = L.t("site_name")
    config.extra["alternate"] = (page.meta or {}).get("alternate") or [
        {"name": x.name, "link": x.section("") or "./", "lang": x.html} for x in _languages()]
    config.extra["homepage"] = L.section("") or "./"
    context["zl_menu"] = (page.meta or {}).get("menu") or []
    context["zl_lang"] = L
    return context


def on_template_context(context, template_name, config):
    """The theme's own pages (404): the words of every language, the English menu."""
    from publisher.languages import LANGUAGES

    context["zl_404"] = {code: {"html": L.html, "title": L.t("e404.title"), "text": L.t("e404.text"),
                                "link": L.t("e404.home"), "home": L.section("") or "./"}
                         for code, L in LANGUAGES.items()}
    context.setdefault("zl_menu", [])
    return context


def _languages():
    from publisher.languages import LANGUAGES

    return LANGUAGES.values()


def on_post_page(output: str, page, config) -> str:
    lang = (page.meta or {}).get("lang")
    if not lang:
        return output
    if not re.fullmatch(r"[a-z]{2,3}", str(lang)):
        raise ValueError(f"{page}: front matter lang {lang!r} is not a language code")
    return _HTML_LANG.sub(f'<html lang="{lang}"', output, count=1)


def on_page_content(html: str, page, config, files) -> str:
    """The body and table of contents: given in memory (``ThemeRenderer.render_page``: the file's
    ``zl_sidecars``), else read from the files beside the page's Markdown."""
    given = getattr(page.file, "zl_sidecars", None)
    if given is not None:
        body, toc = given.get("body"), given.get("toc")
    else:
        body_file = Path(page.file.abs_src_path + BODY_SUFFIX)
        toc_file = Path(page.file.abs_src_path + TOC_SUFFIX)
        body = body_file.read_text(encoding="utf-8") if body_file.exists() else None
        toc = toc_file.read_text(encoding="utf-8") if toc_file.exists() else None
    if toc:
        from mkdocs.structure.toc import get_toc

        page.toc = get_toc(json.loads(toc))
    if BODY_PLACEHOLDER not in html or body is None:
        return html
    return html.replace(BODY_PLACEHOLDER, body, 1)


def on_env(env, config, files):
    """Keep the theme's compiled templates where the build says (``publisher.jinja_cache``)."""
    from publisher.jinja_cache import bytecode_cache

    kept = bytecode_cache("mkdocs")
    if kept is not None:
        env.bytecode_cache = kept
    return env
