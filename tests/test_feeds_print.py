"""Feeds, sitemap and downloads of the built site (issue 10, points 7 and 9): absolute links from
``site_url``, every page in the sitemap, a PDF and a DOCX of every text and version with the
Kazakh letters in them."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from urllib.parse import unquote

import pytest
from lxml import etree

from publisher.pages import site_url

LAW = "akn/kz/act/2013-04-15/88-V/"
KAZAKH = "әғқңөұүһі"


def expression_pages(site: Path) -> list[Path]:
    """Every page of a text or version of an act (…/rus/, …/kaz@2016-03-01/)."""
    return [p.parent for p in site.glob("akn/**/index.html") if re.fullmatch(r"(rus|kaz|eng)(@[\d-]+)?", p.parent.name)]


def test_the_atom_feeds_read_back_with_absolute_links(built_site):
    import feedparser

    base = site_url()
    assert base.startswith("https://")
    for name, lang in (("changes.atom", "en"), ("changes-ru.atom", "ru"), ("changes-kk.atom", "kk")):
        feed = feedparser.parse((built_site / "feeds" / name).read_bytes())
        assert not feed.bozo, (name, feed.get("bozo_exception"))
        assert feed.feed.get("language") == lang
        assert len(feed.entries) > 10
        for entry in feed.entries:
            assert entry.link.startswith(base), entry.link
        assert any("484-V" in e.title for e in feed.entries)
    ru = feedparser.parse((built_site / "feeds" / "changes-ru.atom").read_bytes())
    assert any(e.title.startswith("О государственных услугах: Закон РК от") for e in ru.entries)


def test_the_icalendar_feed_links_each_draft_page_absolutely(built_site):
    import icalendar

    cal = icalendar.Calendar.from_ical((built_site / "feeds" / "deadlines.ics").read_bytes())
    events = list(cal.walk("VEVENT"))
    assert events
    for e in events:
        assert str(e["URL"]).startswith(site_url() + "drafts/"), e.get("URL")


def test_the_sitemap_lists_every_page_with_an_absolute_url(built_site):
    root = etree.parse(str(built_site / "sitemap.xml")).getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {unquote(loc.text) for loc in root.findall("s:url/s:loc", ns)}
    base = site_url()
    pages = {base + str(p.parent.relative_to(built_site)).replace(".", "").strip("/") + "/"
             for p in built_site.rglob("index.html") if "pagefind" not in p.parts}
    pages = {p.replace(base + "/", base) for p in pages}
    assert all(url.startswith(base) for url in listed)
    assert pages - listed == set()


def test_every_text_and_version_has_a_pdf_and_a_docx(built_site):
    pages = expression_pages(built_site)
    assert len(pages) > 60
    missing = [str(p.relative_to(built_site)) for p in pages
               if not (p / "main.pdf").exists() or not (p / "main.docx").exists()]
    assert missing == []
    assert (built_site / LAW / "rus" / "main.pdf").read_bytes().startswith(b"%PDF-")


def test_the_kazakh_pdf_and_docx_carry_the_kazakh_letters(built_site):
    import docx
    import pypdf

    pdf = pypdf.PdfReader(io.BytesIO((built_site / LAW / "kaz" / "main.pdf").read_bytes()))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "Мемлекеттік көрсетілетін қызметтер туралы" in text
    assert [ch for ch in KAZAKH if ch not in text] == ["һ"]      # the corpus has no һ: the sample test has it
    fonts = {str(f.get_object()["/BaseFont"]) for page in pdf.pages[:2]
             for f in page["/Resources"]["/Font"].values()}
    assert fonts and all("DejaVu" in f for f in fonts), fonts
    doc = docx.Document(io.BytesIO((built_site / LAW / "kaz" / "main.docx").read_bytes()))
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "1-бап. Осы Заңда пайдаланылатын негізгі ұғымдар" in body
    assert any(p.style.name.startswith("Heading") for p in doc.paragraphs)


def test_a_pdf_and_a_docx_embed_all_nine_kazakh_letters():
    """ә ғ қ ң ө ұ ү һ і, printed by Chromium with DejaVu and read back from the PDF's text."""
    import docx
    import pypdf

    from publisher.languages import LANGUAGES
    from publisher.model import EffectiveDate, ProvisionView, SiteData, TextView, VersionView, WorkView
    from publisher.printing import docx_bytes, pdf_files

    words = "Әділет, ғылым, қызмет, мұң, өтініш, ұлт, үкімет, Һ әрпі, іс"
    text = TextView("Сынақ", body=[ProvisionView("chp_1__art_1", "article", "1", "Әріптер", [words])])
    work = WorkView("t", "/akn/kz/act/2020-01-01/1", "law", date(2020, 1, 1), "1", {"kaz": "Сынақ"},
                    texts={"kaz": text},
                    versions={"kaz": [VersionView("kaz", EffectiveDate(date(2020, 1, 1)), None, text, 1, 1)]})
    site = SiteData(works=[work], built=date(2020, 1, 2), site_url="https://example.kz/")
    files = pdf_files(site, workers=1)
    pdf = pypdf.PdfReader(io.BytesIO(files["akn/kz/act/2020-01-01/1/kaz/main.pdf"]))
    extracted = "".join(p.extract_text() for p in pdf.pages)
    assert [ch for ch in KAZAKH if ch not in extracted.lower()] == []
    assert words in extracted.replace("\n", " ")
    data = docx_bytes(text, LANGUAGES["kaz"], "Сынақ", "Сынақ", date(2020, 1, 2))
    assert words in "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


@pytest.mark.parametrize("suffix", ["pdf", "docx"])
def test_pdf_and_docx_are_reproducible(suffix):
    from publisher.model import EffectiveDate, ProvisionView, SiteData, TextView, VersionView, WorkView
    from publisher.printing import docx_files, pdf_files

    text = TextView("T", body=[ProvisionView("art_1", "article", "1", "Цель", ["текст"])])
    work = WorkView("t", "/akn/kz/act/2020-01-01/1", "law", date(2020, 1, 1), "1", {"rus": "T"}, texts={"rus": text},
                    versions={"rus": [VersionView("rus", EffectiveDate(date(2020, 1, 1)), None, text, 1, 1)]})
    make = pdf_files if suffix == "pdf" else docx_files
    runs = [make(SiteData(works=[work], built=date(2020, 1, 2), site_url="https://e.kz/")) for _ in range(2)]
    assert runs[0] == runs[1]


# An IRI (RFC 3987) as an Atom id must be: a scheme, then only unreserved / reserved characters,
# percent-escapes or non-ASCII letters — no spaces, no control characters.
IRI = re.compile(r"[a-z][a-z0-9+.-]*:(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2}|[\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef])+")
ENUMS = re.compile(r"\b[a-z]+_[a-z_]+\b")


def test_atom_entries_have_unique_iri_ids_one_per_amending_act_and_work_with_the_kinds_in_words(built_site):
    import feedparser

    for name, lang, kinds_word in (("changes-ru.atom", "ru", "новая редакция"),
                                   ("changes-kk.atom", "kk", "жаңа редакция"),
                                   ("changes-en.atom", "en", "new wording"), ("changes.atom", "en", "new wording")):
        feed = feedparser.parse((built_site / "feeds" / name).read_bytes())
        assert not feed.bozo, (name, feed.get("bozo_exception"))
        assert feed.feed.get("language") == lang
        ids = [e.id for e in feed.entries]
        assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1][:3]       # unique
        for i in [feed.feed.id, *ids]:
            assert IRI.fullmatch(i), i                                                  # a valid IRI: no spaces
            assert not ENUMS.search(i), i                                               # no internal values
            assert i.startswith(("tag:zanlex,2013:", site_url())), i
        # one entry per amending act and work: the titles (work: act) do not repeat
        titles = [e.title for e in feed.entries]
        assert len(titles) == len(set(titles)), [t for t in titles if titles.count(t) > 1][:3]
        contents = [e.content[0].value for e in feed.entries]
        assert any(kinds_word in c for c in contents), (name, contents[:3])
        assert not any(ENUMS.search(c) for c in contents)
    # Order 213 of 2018-08-29 changed order 78 in three ways on one date: one entry that says so.
    ru = feedparser.parse((built_site / "feeds" / "changes-ru.atom").read_bytes())
    (entry,) = [e for e in ru.entries if "№ 213" in e.title and "2016-12-08/78" in e.link]
    text = entry.content[0].value
    assert "новая редакция" in text and "дополнение" in text and "изменение заголовка" in text, text
    assert entry.id.startswith("tag:zanlex,2013:ru/akn/kz/act/order/2016-12-08/78/amended-by/")
    assert entry.id.endswith("/213")
