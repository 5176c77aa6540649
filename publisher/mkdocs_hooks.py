"""mkdocs hook: each page's ``<html lang>`` comes from its front matter ``lang`` (ru, kk, en).

mkdocs-material takes ``<html lang>`` from ``theme.language`` for every page (it has no Kazakh);
Pagefind builds one index per ``<html lang>``, so each text page must carry its own language.

    >>> class P: meta = {"lang": "kk"}
    >>> on_post_page('<!doctype html>\\n<html lang="en" class="no-js">', page=P, config={})
    '<!doctype html>\\n<html lang="kk" class="no-js">'
"""

from __future__ import annotations

import re

_HTML_LANG = re.compile(r'<html lang="[^"]*"')


def on_post_page(output: str, page, config) -> str:
    lang = (page.meta or {}).get("lang")
    if not lang:
        return output
    if not re.fullmatch(r"[a-z]{2,3}", str(lang)):
        raise ValueError(f"{page}: front matter lang {lang!r} is not a language code")
    return _HTML_LANG.sub(f'<html lang="{lang}"', output, count=1)
