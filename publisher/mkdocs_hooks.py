"""mkdocs hooks: the generated page bodies, and each page's ``<html lang>`` (ru, kk, en).

``publisher.build`` writes each page as ``index.md`` (front matter + a placeholder) and its
already-escaped HTML body beside it as ``index.md.body.html``; ``on_page_content`` puts the body
in place, so Python-Markdown does not re-parse large HTML (and cannot touch corpus text).

mkdocs-material takes ``<html lang>`` from ``theme.language`` for every page (it has no Kazakh);
Pagefind builds one index per ``<html lang>``, so each text page must carry its own language.

    >>> class P: meta = {"lang": "kk"}
    >>> on_post_page('<!doctype html>\\n<html lang="en" class="no-js">', page=P, config={})
    '<!doctype html>\\n<html lang="kk" class="no-js">'
"""

from __future__ import annotations

import re
from pathlib import Path

BODY_PLACEHOLDER = "<!--zanlex-body-->"
BODY_SUFFIX = ".body.html"
_HTML_LANG = re.compile(r'<html lang="[^"]*"')


def on_post_page(output: str, page, config) -> str:
    lang = (page.meta or {}).get("lang")
    if not lang:
        return output
    if not re.fullmatch(r"[a-z]{2,3}", str(lang)):
        raise ValueError(f"{page}: front matter lang {lang!r} is not a language code")
    return _HTML_LANG.sub(f'<html lang="{lang}"', output, count=1)


def on_page_content(html: str, page, config, files) -> str:
    sidecar = Path(page.file.abs_src_path + BODY_SUFFIX)
    if BODY_PLACEHOLDER not in html or not sidecar.exists():
        return html
    return html.replace(BODY_PLACEHOLDER, sidecar.read_text(encoding="utf-8"), 1)
