"""Where each page lives. Permalinks follow the AKN URIs and eIds.

    >>> expression_url("/akn/kz/act/2013-04-15/88-V", "rus")
    'akn/kz/act/2013-04-15/88-V/rus/'
    >>> expression_url("/akn/kz/act/2013-04-15/88-V", "rus", "2016-03-01")
    'akn/kz/act/2013-04-15/88-V/rus@2016-03-01/'
    >>> relative("akn/kz/act/2013-04-15/88-V/rus/", "drafts/")
    '../../../../../../drafts/'
    >>> relative("akn/kz/act/2013-04-15/88-V/rus/", "akn/kz/act/2013-04-15/88-V/rus/#chp_1__art_1")
    '#chp_1__art_1'

URLs are site-relative ("" is the home page); pages link with ``relative`` so the site works
from any folder of a plain file server.
"""

from __future__ import annotations

import posixpath


def work_url(uri: str) -> str:
    return uri.strip("/") + "/"


def expression_url(uri: str, lang: str, date: str | None = None) -> str:
    return f"{work_url(uri)}{lang}{'@' + date if date else ''}/"


def diff_url(uri: str, lang: str, date: str, against: str = "previous") -> str:
    """``against`` is "previous" (consecutive versions) or "current"."""
    return f"{expression_url(uri, lang, date)}diff-{against}/"


def timeline_url(uri: str) -> str:
    return f"{work_url(uri)}timeline/"


def parallel_url(uri: str, date: str | None = None) -> str:
    return f"{work_url(uri)}parallel{'@' + date if date else ''}/"


def graph_url(uri: str) -> str:
    return f"{work_url(uri)}graph/"


def xml_url(uri: str, lang: str, date: str | None = None) -> str:
    """The AKN XML file of an expression, next to its page."""
    return f"{expression_url(uri, lang, date)}main.xml"


def draft_url(draft_id: str) -> str:
    return f"drafts/{draft_id}/"


def search_url(lang_html: str) -> str:
    return "search/" if lang_html == "en" else f"{lang_html}/search/"


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url`` (both site-relative, directory URLs)."""
    path, _, anchor = to_url.partition("#")
    here = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    if path == here or not path:
        link = "" if anchor else "./"
    else:
        link = posixpath.relpath(path or ".", here or ".")
        if path.endswith("/") or not path:
            link = link.rstrip("/") + "/"
        if link == "./":
            link = "./"
    return link + (f"#{anchor}" if anchor else "")


def md_path(url: str) -> str:
    """The Markdown file in the docs folder that mkdocs turns into the page at ``url``."""
    return f"{url}index.md" if url else "index.md"
