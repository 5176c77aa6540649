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
from functools import lru_cache


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
    """A link from the page at ``from_url`` to ``to_url`` (both site-relative, directory URLs;
    "" is the home page).

    >>> relative("ru/", ""), relative("", "ru/"), relative("", ""), relative("ru/search/", "ru/#x")
    ('../', 'ru/', './', '../#x')
    """
    path, _, anchor = to_url.partition("#")
    link = _relative_path(from_url, path, bool(anchor))
    return link + (f"#{anchor}" if anchor else "")


@lru_cache(maxsize=65536)
def _relative_path(from_url: str, path: str, anchored: bool) -> str:
    """``relative`` without the fragment (a page links to few pages, at many anchors)."""
    here = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    if path == here:
        return "" if anchored else "./"
    link = _relpath(path, here)
    if path.endswith("/") or not path:
        link = link.rstrip("/") + "/"
    if link == "./" and anchored:
        link = ""
    return link


def _relpath(path: str, here: str) -> str:
    """``posixpath.relpath(path or ".", here or ".")`` for site URLs (no "." or ".." in them), by
    their segments alone: ``relpath`` makes both absolute from the working directory first (a
    system call each), which cost seconds over the links of a large site (a test compares them).

    >>> _relpath("akn/a/1/rus/", "ru/akn/a/1/"), _relpath("", "ru/"), _relpath("ru/x", "")
    ('../../../../akn/a/1/rus', '..', 'ru/x')
    """
    to = path.strip("/").split("/") if path.strip("/") else []
    start = here.strip("/").split("/") if here.strip("/") else []
    common = len(posixpath.commonprefix([to, start]))          # of the segment lists, element-wise
    return "/".join([".."] * (len(start) - common) + to[common:]) or "."


def md_path(url: str) -> str:
    """The Markdown file in the docs folder that mkdocs turns into the page at ``url``."""
    return f"{url}index.md" if url else "index.md"


def pdf_url(uri: str, lang: str, date: str | None = None) -> str:
    """The PDF of an expression, next to its page."""
    return f"{expression_url(uri, lang, date)}main.pdf"


def docx_url(uri: str, lang: str, date: str | None = None) -> str:
    """The DOCX of an expression, next to its page."""
    return f"{expression_url(uri, lang, date)}main.docx"


def download_name(uri: str, lang: str, date: str | None, suffix: str) -> str:
    """The file name a download is saved under: ``88-V_rus_2016-03-01.pdf``.

    >>> download_name("/akn/kz/act/order/2016-12-08/78", "rus", None, "docx")
    'order-78_rus.docx'
    """
    parts = uri.strip("/").split("/")
    stem = f"{parts[3]}-{parts[-1]}" if len(parts) > 5 else parts[-1]
    return f"{stem}_{lang}{'_' + date if date else ''}.{suffix}".replace("/", "-")


def nearest_unit(eid: str, shown) -> str:
    """``eid``, or its nearest containing unit for which ``shown`` is true.

    >>> nearest_unit("chp_2__art_6__point_2", {"chp_2__art_6"}.__contains__)
    'chp_2__art_6'
    """
    while "__" in eid and not shown(eid):
        eid = eid.rsplit("__", 1)[0]
    return eid
