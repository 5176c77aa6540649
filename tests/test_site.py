"""The site as a specification, on a small hand-made ``SiteData`` (no corpus needed).

A law with two Russian versions (the second one's date only a lower bound), a Kazakh text
lacking Art. 2, and a draft whose comment tries to inject a script, markdown and a
``javascript:`` link.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from lxml import html as lhtml

from publisher.build import BuildError, build_site
from publisher.model import (
    CommentView,
    DraftView,
    EffectiveDate,
    EventView,
    NoteView,
    ProvisionView,
    SiteData,
    TextView,
    VersionView,
    WorkView,
)
from publisher.pages import site_pages

ASTANA = timezone(timedelta(hours=5))
EVIL = '<script>alert("x")</script> **bold** [click](javascript:alert(1)) <img src=x onerror=alert(2)>'
LAW = "akn/kz/act/2013-04-15/88-V"


def _art(n: str, words: str, **kw) -> ProvisionView:
    return ProvisionView(f"chp_1__art_{n}", "article", n, f"Статья {n}", [words], **kw)


def sample_site() -> SiteData:
    old = TextView("О государственных услугах", body=[ProvisionView("chp_1", "chapter", "1", "Общие положения", children=[
        _art("1", "услугодатель отказывается в приеме документов")])])
    new = TextView("О государственных услугах", body=[ProvisionView("chp_1", "chapter", "1", "Общие положения", children=[
        _art("1", "услугодатель отказывает в приеме документов",
             notes=[NoteView("note_1", "Сноска. Статья 1 с изменениями, внесенными Законом РК от 17.11.2015 № 408-V.")]),
        _art("2", "публичное обсуждение **проекта**"),
        _art("3", "исключен Законом РК от 25.11.2019 № 272-VI", repealed=True)])])
    kaz = TextView("Мемлекеттік көрсетілетін қызметтер туралы", body=[
        ProvisionView("chp_1", "chapter", "1", "Жалпы ережелер", children=[_art("1", "көрсетілетін қызмет")])])
    law = WorkView(
        "law-88-V", "/" + LAW, "law", date(2013, 4, 15), "88-V",
        {"rus": "О государственных услугах", "kaz": "Мемлекеттік көрсетілетін қызметтер туралы"},
        texts={"rus": new, "kaz": kaz}, xml={"rus": b"<akomaNtoso/>"},
        versions={"rus": [
            VersionView("rus", EffectiveDate(date(2013, 5, 21)), EffectiveDate(date(2016, 3, 1), exact=False), old, 1, 1),
            VersionView("rus", EffectiveDate(date(2016, 3, 1), exact=False), None, new, 2, 3, xml=b"<akomaNtoso/>"),
        ]},
        events=[EventView(EffectiveDate(date(2016, 3, 1), exact=False), "Law No. 408-V of 17.11.2015", "amended",
                          ["chp_1__art_1"])])
    draft = DraftView(
        "evil", "Проект <b>приказа</b>", "rus", date(2025, 3, 5), datetime(2025, 3, 19, 23, 59, 59, tzinfo=ASTANA),
        "closed", comments=[
            CommentView("individual", datetime(2025, 3, 12, 9, 15, tzinfo=ASTANA), EVIL),
            CommentView("legal_entity", datetime(2025, 3, 20, 10, 0, tzinfo=ASTANA), "поздно", late=True)])
    return SiteData(works=[law], drafts=[draft])


@pytest.fixture(scope="module")
def sample_out(tmp_path_factory) -> Path:
    pages, files = site_pages(sample_site())
    out = tmp_path_factory.mktemp("sample") / "public"
    build_site(pages, files, out)
    return out


def page(out: Path, url: str):
    return lhtml.fromstring((out / url / "index.html").read_bytes())


def provision(doc, eid: str):
    """The provision ``eid`` of a page: its section (an article's id is on its heading, for the
    table of contents and Pagefind's sub-results)."""
    return doc.xpath(f"//*[@id='{eid}']/ancestor-or-self::section[1]")[0]


@pytest.mark.parametrize("section", ["", "ru/", "kk/"])
def test_a_comment_with_script_markdown_and_javascript_link_is_rendered_inert(sample_out, section):
    doc = page(sample_out, f"{section}drafts/evil/")
    comment = doc.cssselect(".zl-comment-text")[0]
    assert comment.text_content() == EVIL                      # shown verbatim, as text
    assert len(comment) == 0                                   # … and nothing in it became an element
    assert not [s for s in doc.iter("script") if "alert" in (s.text or "")]
    assert not [a for a in doc.iter("a") if (a.get("href") or "").startswith("javascript:")]
    assert not [i for i in doc.iter("img") if i.get("onerror")]
    assert not doc.xpath("//strong[text()='bold']")
    assert doc.findtext(".//title").startswith("Проект <b>приказа</b>")   # the title is text too
    assert not doc.xpath("//b[text()='приказа']")


def test_markdown_in_corpus_text_stays_literal(sample_out):
    art2 = provision(page(sample_out, f"{LAW}/rus/"), "chp_1__art_2")
    assert "**проекта**" in art2.text_content()


def test_each_page_carries_its_language(sample_out):
    assert page(sample_out, f"{LAW}/rus/").get("lang") == "ru"
    assert page(sample_out, f"{LAW}/kaz/").get("lang") == "kk"
    assert page(sample_out, "").get("lang") == "en"
    assert page(sample_out, "kk/search/").get("lang") == "kk"
    # a draft has a page in each section; its own words keep their language (issue 10: drafts)
    assert page(sample_out, "ru/drafts/evil/").get("lang") == "ru"
    assert page(sample_out, "drafts/evil/").get("lang") == "en"
    assert page(sample_out, "kk/drafts/evil/").get("lang") == "kk"
    for section in ("", "ru/", "kk/"):
        assert page(sample_out, f"{section}drafts/evil/").cssselect("h1")[0].get("lang") == "ru"


def test_a_russian_draft_is_searched_in_the_russian_section_only(sample_out):
    # each section's Pagefind index holds its own language: "Поиск по текстам на русском языке"
    indexed = {section: bool(page(sample_out, f"{section}drafts/evil/").cssselect("[data-pagefind-body]"))
               for section in ("", "ru/", "kk/")}
    assert indexed == {"": False, "ru/": True, "kk/": False}


def test_the_search_index_made_one_language_at_a_time_is_pagefinds_index_of_all_of_them(sample_out, tmp_path):
    import shutil

    from publisher.build import _canonical_pagefind, glob_of, pages_by_language, run_pagefind

    indexed = sorted(f"{p.parent.relative_to(sample_out)}/".removeprefix("./") for p in sample_out.rglob("index.html")
                     if b"data-pagefind-body" in p.read_bytes())
    assert set(pages_by_language(sample_out, indexed)) == {"ru", "kk"}     # two runs, one bundle
    site = tmp_path / "site"
    shutil.copytree(sample_out, site, ignore=shutil.ignore_patterns("pagefind"))
    run_pagefind(site, glob_of(indexed))                      # one run over every language
    _canonical_pagefind(site / "pagefind")
    files = sorted(p.relative_to(site / "pagefind") for p in (site / "pagefind").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(sample_out / "pagefind") for p in (sample_out / "pagefind").rglob("*")
                           if p.is_file())
    for rel in files:
        assert (site / "pagefind" / rel).read_bytes() == (sample_out / "pagefind" / rel).read_bytes(), rel


def test_every_provision_has_a_permalink_and_its_footnote_and_repeal_show(sample_out):
    doc = page(sample_out, f"{LAW}/rus/")
    art1 = provision(doc, "chp_1__art_1")
    assert art1.cssselect("a.zl-anchor")[0].get("href") == "#chp_1__art_1"
    assert "408-V" in art1.cssselect(".zl-note")[0].text_content()
    art3 = provision(doc, "chp_1__art_3")
    assert "zl-repealed" in art3.get("class") and "исключен" in art3.text_content()


def test_a_version_banner_gives_its_window_coverage_and_uncertain_dates(sample_out):
    first = " ".join(page(sample_out, f"{LAW}/rus@2013-05-21/").cssselect(".zl-banner")[0].text_content().split())
    assert "Действует с 21.05.2013; следующая редакция — не ранее 01.03.2016." in first
    assert "известен для 1 из 1 статьи" in first
    second = " ".join(page(sample_out, f"{LAW}/rus@2016-03-01/").cssselect(".zl-banner")[0].text_content().split())
    assert "Действует не ранее чем с 01.03.2016; действует по настоящее время." in second
    assert "известен для 2 из 3 статей" in second


def test_versions_link_to_each_other_and_to_their_diffs(sample_out):
    doc = page(sample_out, f"{LAW}/rus@2016-03-01/")
    assert doc.cssselect("a.zl-prev")[0].get("href") == "../rus@2013-05-21/"
    assert {a.get("href") for a in doc.cssselect("a.zl-diff-link")} == {"diff-previous/", "diff-current/"}
    options = [o.get("value") for o in doc.cssselect("select.zl-switcher option")]
    assert options == ["../rus/", "./", "../rus@2013-05-21/"]
    assert [o.text_content() for o in doc.cssselect("select.zl-switcher option")] == [
        "Действующая редакция", "≥ 01.03.2016", "21.05.2013"]


def test_a_diff_marks_changed_words_with_ins_and_del(sample_out):
    doc = page(sample_out, f"{LAW}/rus@2016-03-01/diff-previous/")
    row = doc.get_element_by_id("chp_1__art_1").cssselect(".zl-diff-inline")[0]
    assert [d.text for d in row.cssselect("del.zl-del")] == ["отказывается"]
    assert [i.text for i in row.cssselect("ins.zl-ins")] == ["отказывает"]
    assert doc.get_element_by_id("chp_1__art_2").cssselect(".zl-diff-inline ins.zl-ins")   # a new article


def test_the_parallel_view_marks_a_provision_missing_in_a_language(sample_out):
    row = page(sample_out, f"ru/{LAW}/parallel/").get_element_by_id("chp_1__art_2")
    cells = row.findall("td")
    assert "публичное обсуждение" in cells[0].text_content() and cells[0].get("lang") == "ru"
    assert "zl-absent" in cells[1].get("class") and cells[1].text_content() == "нет в тексте на этом языке"
    assert row.find("th").text_content() == "статья 2"


def test_the_timeline_draws_lower_bound_dates_as_such(sample_out):
    doc = page(sample_out, f"{LAW}/timeline/")
    svg = doc.cssselect("svg.zl-svg")[0]
    assert "≥ 1 Mar 2016" in svg.text_content()
    assert "≥ 01.03.2016" in page(sample_out, f"ru/{LAW}/timeline/").cssselect("svg.zl-svg")[0].text_content()
    assert doc.get_element_by_id("chp_1__art_1").cssselect("li")


def test_a_late_comment_is_kept_and_marked(sample_out):
    comments = page(sample_out, "ru/drafts/evil/").cssselect(".zl-comment")
    assert [("zl-late" in c.get("class")) for c in comments] == [False, True]
    assert "поступило после срока: не подлежит рассмотрению" in comments[1].text_content()
    assert "юридическое лицо" in comments[1].text_content()


def test_downloads_and_feeds_are_published(sample_out):
    assert (sample_out / LAW / "rus" / "main.xml").read_bytes() == b"<akomaNtoso/>"
    assert (sample_out / LAW / "rus@2016-03-01" / "main.xml").exists()
    atom = (sample_out / "feeds" / "changes.atom").read_text(encoding="utf-8")
    assert "Law No. 408-V" in atom and "Takes effect not before 1 March 2016" in atom
    ru = (sample_out / "feeds" / "changes-ru.atom").read_text(encoding="utf-8")
    assert "Вступает в силу не ранее 01.03.2016" in ru


def test_no_page_refers_to_an_outside_script_style_or_font(sample_out):
    for path in sample_out.rglob("*.html"):
        doc = lhtml.fromstring(path.read_bytes())
        for el, attr in ((e, a) for e in doc.iter() for a in ("src", "href") if e.get(a)):
            if el.tag in ("script", "link", "img", "iframe", "source"):
                assert "//" not in el.get(attr), f"{path}: {el.tag} {attr}={el.get(attr)}"
    for css in sample_out.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8", errors="replace")


def test_two_builds_are_byte_identical(tmp_path):
    outs = []
    for name in ("a", "b"):
        pages, files = site_pages(sample_site())
        build_site(pages, files, tmp_path / name)
        outs.append(tmp_path / name)
    files_a = sorted(p.relative_to(outs[0]) for p in outs[0].rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(outs[1]) for p in outs[1].rglob("*") if p.is_file())
    assert files_a == files_b
    assert "sitemap.xml.gz" in {p.name for p in files_a}
    different = [p for p in files_a if (outs[0] / p).read_bytes() != (outs[1] / p).read_bytes()]
    assert different == []


def test_a_failed_build_leaves_the_previous_site_intact(tmp_path, sample_out):
    out = tmp_path / "public"
    pages, files = site_pages(sample_site())
    build_site(pages, files, out)
    before = (out / "index.html").read_bytes()

    def broken_mkdocs(docs, site, epoch):
        (site / "index.html").parent.mkdir(parents=True)
        (site / "index.html").write_text("half a site")
        raise BuildError("mkdocs: simulated failure")

    with pytest.raises(BuildError):
        build_site(pages[:1], {}, out, mkdocs=broken_mkdocs)
    assert (out / "index.html").read_bytes() == before
    assert (out / LAW / "rus" / "index.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]     # no temporary folder left over
