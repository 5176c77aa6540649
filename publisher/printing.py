"""PDF and DOCX of every text and version of every act, made at build time.

- PDF: a standalone print page per text (``site/templates/print.html``: the act, the version's
  banner, the "as of" box, the text with its footnotes), printed by headless Chromium (Debian's
  ``/usr/bin/chromium`` through Playwright) with DejaVu fonts, which have every Kazakh letter
  (ә ғ қ ң ө ұ ү һ і); a running header names the act, the language and the date it is as of.
- DOCX: the same text with python-docx: headings for chapters and articles, footnotes as smaller
  paragraphs, explanations in italics.

Both are reproducible: the PDF's dates are the build date and the DOCX's zip entries carry the
build date, so two builds of the same corpus give the same bytes.

    >>> docx_bytes(TextView("Заң", body=[ProvisionView("art_1", "article", "1", "Мақсат", ["әғқңөұүһі"])]),
    ...            LANGUAGES["kaz"], "Заң", "2016 жылғы 1 наурыз", date(2016, 3, 1))[:2]
    b'PK'
"""

from __future__ import annotations

import io
import os
import re
import time
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

from publisher import urls, words
from publisher.languages import LANGUAGES, Language
from publisher.model import ProvisionView, SiteData, TextView, WorkView
from publisher.render import Run, render_page, runs

CHROMIUM = os.environ.get("ZANLEX_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-default-apps", "--disable-sync", "--no-first-run",
                 "--font-render-hinting=none"]


class PrintError(Exception):
    """Chromium is missing or failed to print."""


def documents(site: SiteData):
    """(work, lang, version or None, text) for every text and version of every act."""
    for work in site.works:
        for lang, text in work.texts.items():
            yield work, lang, None, text
            for v in work.versions.get(lang, []):
                yield work, lang, v, v.text


def _as_of(site: SiteData, work: WorkView, lang: str, version) -> date:
    if version is not None:
        return version.start.date
    return site.built or work.date


def print_html(site: SiteData, work: WorkView, lang: str, version, text: TextView) -> str:
    """The standalone page Chromium prints: no menus, no search, no switches; links absolute."""
    versions = work.versions.get(lang, [])
    shown = version or (versions[-1] if versions else None)
    here = urls.expression_url(work.uri, lang, version.start.iso if version else None)
    return str(render_page("print.html", site=site, work=work, lang=lang, version=version, shown=shown,
                           text=text, here=here, asof=_as_of(site, work, lang, version)))


def pdf_files(site: SiteData, progress=None, workers: int | None = None) -> dict[str, bytes]:
    """Every PDF, by its path in the site, printed by ``workers`` Chromium tabs at once (default:
    the number of CPUs, at most 4). Raises ``PrintError`` without Chromium."""
    if not Path(CHROMIUM).exists():
        raise PrintError(f"Chromium is not installed at {CHROMIUM} (apt-get install -y chromium fonts-dejavu-core); "
                         "it prints the PDF downloads")
    import asyncio

    from playwright.async_api import Error as PlaywrightError

    docs = [(urls.pdf_url(work.uri, lang, version.start.iso if version else None),
             print_html(site, work, lang, version, text),
             _header(LANGUAGES[lang].t("print.header", title=work.title(lang), lang=LANGUAGES[lang].name,
                                       date=_as_of(site, work, lang, version))))
            for work, lang, version, text in documents(site)]
    workers = workers or max(1, min(4, os.cpu_count() or 1))
    try:
        printed = asyncio.run(_print_all(docs, workers, progress))
    except PlaywrightError as err:
        raise PrintError(f"Chromium could not print the PDFs: {str(err).splitlines()[0]}") from err
    return {path: reproducible_pdf(pdf, site.built) for path, pdf in printed.items()}


async def _print_all(docs, workers: int, progress) -> dict[str, bytes]:
    import asyncio

    from playwright.async_api import async_playwright

    out: dict[str, bytes] = {}
    queue = list(reversed(docs))
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = await browser.new_context()

        async def guard(route):
            if route.request.url.startswith(("data:", "about:")):
                await route.continue_()
            else:
                await route.abort()

        await context.route("**/*", guard)

        async def worker():
            page = await context.new_page()
            while queue:
                path, html, header = queue.pop()
                await page.set_content(html, wait_until="load")
                out[path] = await page.pdf(format="A4", print_background=False, display_header_footer=True,
                                           margin={"top": "18mm", "bottom": "16mm", "left": "18mm", "right": "15mm"},
                                           header_template=header, footer_template=_FOOTER)
                if progress:
                    progress("pdf", len(out), len(docs))
            await page.close()

        await asyncio.gather(*(worker() for _ in range(workers)))
        await browser.close()
    return out


def _header(text: str) -> str:
    from markupsafe import escape

    return (f'<div style="font-family: \'DejaVu Sans\', sans-serif; font-size: 7.5pt; width: 100%; '
            f'margin: 0 15mm 0 18mm; color: #000;">{escape(text)}</div>')


_FOOTER = ('<div style="font-family: \'DejaVu Sans\', sans-serif; font-size: 7.5pt; width: 100%; text-align: center;">'
           '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')


def reproducible_pdf(pdf: bytes, built: date | None) -> bytes:
    """Chromium stamps each PDF with the time it printed it: the build date replaces it."""
    day = built or date(1980, 1, 1)
    stamp = f"D:{day:%Y%m%d}000000+00'00'".encode()

    def fix(m: re.Match) -> bytes:
        return m.group(1) + b"(" + stamp + b")"

    return re.sub(rb"(/(?:CreationDate|ModDate)\s*)\((D:[^)]*)\)", fix, pdf)


# ── DOCX ─────────────────────────────────────────────────────────────────────────────────────

def docx_files(site: SiteData, progress=None) -> dict[str, bytes]:
    docs = list(documents(site))
    out = {}
    for i, (work, lang, version, text) in enumerate(docs, 1):
        L = LANGUAGES[lang]
        as_of = _as_of(site, work, lang, version)
        subtitle = L.t("print.header", title=work.title(lang), lang=L.name, date=as_of)
        out[urls.docx_url(work.uri, lang, version.start.iso if version else None)] = docx_bytes(
            text, L, work.title(lang), subtitle, site.built or as_of, work=work, version=version)
        if progress:
            progress("docx", i, len(docs))
    return out


def docx_bytes(text: TextView, L: Language, title: str, subtitle: str, built: date, *, work: WorkView | None = None,
               version=None) -> bytes:
    """One text as a Word document (see the module docstring). The body is written as WordprocessingML
    directly (python-docx's paragraph API costs ~1 ms a paragraph); python-docx does the package."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    doc = Document()
    styles = doc.styles
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4"):
        style = styles[name]
        font = "DejaVu Serif" if name == "Normal" else "DejaVu Sans"
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.insert(0, fonts)
        for attr in list(fonts.attrib):
            del fonts.attrib[attr]
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), font)
        if name != "Normal":
            style.font.color.rgb = RGBColor(0, 0, 0)
    _set_language(styles["Normal"], TAGS[L.code])
    doc.core_properties.title = title
    doc.core_properties.language = TAGS[L.code]
    doc.core_properties.author = "zanlex"
    stamp = datetime.combine(built, datetime.min.time(), tzinfo=UTC)
    doc.core_properties.created = stamp
    doc.core_properties.modified = stamp
    doc.core_properties.last_modified_by = "zanlex"
    doc.core_properties.revision = 1

    body = doc.element.body
    sect = body[-1]                               # the section properties stay last
    W = WordML(body, sect)
    W.para(subtitle, size=16)
    W.para(title, style="Title")
    if version is not None:
        start = "banner.from.exact" if version.start.exact else "banner.from.lower"
        line = L.t(start, date=version.start.date) + "; " + (
            L.t("banner.next.exact" if version.end.exact else "banner.next.lower", date=version.end.date)
            if version.end else L.t("banner.current")) + "."
        W.para(line, bold=True)
        if version.total:
            W.para(L.t("banner.coverage" if version.unit == "article" else "banner.coverage.provisions",
                       known=version.known, count=version.total))
    for line in [*text.preface, *text.preamble]:
        W.para(line)

    def add(items, level, borrowed=None):
        for item in runs(items):
            if isinstance(item, Run):
                parts = [L.t("run.missing", units=words.run_label(L, list(item.provisions)))]
                parts += [words.event_sentence(L, key, e) for key, e in (("run.after", item.after),
                                                                         ("run.before", item.before)) if e]
                W.para(" ".join(parts), italic=True, size=19)
                continue
            add_provision(item, level, borrowed)

    def add_provision(p: ProvisionView, level: int, borrowed: str | None):
        lang = TAGS[p.source_lang] if p.source_lang else None
        headed = p.heading or (p.num and L.has(f"unit.{p.kind}"))
        if headed:
            W.para(" ".join(x for x in [L.unit(p.kind, p.num), p.heading or ""] if x),
                   style=f"Heading{min(level, 4)}", lang=lang)
        notes = []
        if p.source_lang and p.source_lang != borrowed:
            notes.append(L.t("prov.other_lang", **words.other_language(L, L.code, p.source_lang)))
        if p.derived_from:
            notes.append(L.t("prov.derived.more", act=p.derived_from))
        if p.uncertain:
            notes.append(words.uncertainty(L, p.why))
        if p.missing:
            notes.append(L.t("prov.missing"))
        for n in notes:
            W.para(n, italic=True, size=18)
        indent = 240 * min(level - 2, 4) if level > 2 and not headed else 0
        for j, t in enumerate([*p.text, *p.wrap_up]):
            prefix = f"{p.num} " if j == 0 and p.num and not headed else ""
            W.para(prefix + t, lang=lang, color="595959" if p.repealed else None, indent=indent)
        add(p.children, level + 1 if headed else level, p.source_lang)
        for n in p.notes:
            W.para(n.text, size=17, indent=240)

    add(text.body, 1)
    for line in text.conclusions:
        W.para(line)
    for a in text.attachments:
        W.page_break()
        W.para(L.t("attachment") + (f": {a.title}" if a.title else ""), style="Heading1")
        for line in [*a.stamp, *a.preamble]:
            W.para(line)
        add(a.body, 2)
    buf = io.BytesIO()
    doc.save(buf)
    return reproducible_zip(buf.getvalue(), built)


class WordML:
    """Paragraphs appended to a document body as WordprocessingML elements (before ``sect``)."""

    def __init__(self, body, sect):
        from docx.oxml.ns import qn

        self.body, self.sect, self.qn = body, sect, qn

    def _el(self, parent, tag: str, **attrs):
        from lxml import etree

        el = etree.SubElement(parent, self.qn(tag))
        for k, v in attrs.items():
            el.set(self.qn(k), str(v))
        return el

    def para(self, text: str, *, style: str | None = None, bold: bool = False, italic: bool = False,
             size: int | None = None, lang: str | None = None, color: str | None = None, indent: int = 0) -> None:
        from lxml import etree

        p = etree.Element(self.qn("w:p"))
        if style or indent:
            ppr = self._el(p, "w:pPr")
            if style:
                self._el(ppr, "w:pStyle", **{"w:val": style})
            if indent:
                self._el(ppr, "w:ind", **{"w:left": indent})
        r = self._el(p, "w:r")
        if bold or italic or size or lang or color:
            rpr = self._el(r, "w:rPr")
            if bold:
                self._el(rpr, "w:b")
            if italic:
                self._el(rpr, "w:i")
            if color:
                self._el(rpr, "w:color", **{"w:val": color})
            if size:
                self._el(rpr, "w:sz", **{"w:val": size})
            if lang:
                self._el(rpr, "w:lang", **{"w:val": lang})
        t = self._el(r, "w:t")
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = _xml_safe(text)
        self.sect.addprevious(p)

    def page_break(self) -> None:
        from lxml import etree

        p = etree.Element(self.qn("w:p"))
        self._el(self._el(p, "w:r"), "w:br", **{"w:type": "page"})
        self.sect.addprevious(p)


def _xml_safe(text: str) -> str:
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)


TAGS = {"rus": "ru-RU", "kaz": "kk-KZ", "eng": "en-GB"}


def _set_language(style_or_run, tag: str) -> None:
    """``w:lang`` on a style or a run: Word spell-checks borrowed wording in its own language."""
    from docx.oxml.ns import qn

    element = getattr(style_or_run, "element", None)
    if element is None:
        element = style_or_run._element
    rpr = element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)
    lang.set(qn("w:val"), tag)


def reproducible_zip(data: bytes, built: date) -> bytes:
    """The same zip with every entry dated ``built`` and written in order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(max(built.year, 1980), built.month, built.day, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def print_files(site: SiteData, progress=None) -> tuple[dict[str, bytes], dict[str, float]]:
    """PDF and DOCX of every text and version, and the seconds each took."""
    t = time.perf_counter()
    files = docx_files(site, progress)
    t_docx = time.perf_counter() - t
    t = time.perf_counter()
    files.update(pdf_files(site, progress))
    t_pdf = time.perf_counter() - t
    return files, {"docx": t_docx, "pdf": t_pdf}


__all__ = ["PrintError", "docx_bytes", "docx_files", "pdf_files", "print_files", "print_html"]
