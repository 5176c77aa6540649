"""The site of the real corpus (built once per session by ``built_site``): every page type for the
three works and three languages, with the law's own facts on them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html as lhtml

import publisher

LAW = "akn/kz/act/2013-04-15/88-V/"
WORKS = {"akn/kz/act/2013-04-15/88-V/": ("rus", "kaz", "eng"),
         "akn/kz/act/order/2016-12-08/78/": ("rus",),
         "akn/kz/act/order/2016-01-22/52/": ("kaz",)}
HTML_LANG = {"rus": "ru", "kaz": "kk", "eng": "en"}


def doc(site: Path, url: str):
    return lhtml.fromstring((site / url / "index.html").read_bytes())


def provision(page, eid: str):
    """The section of provision ``eid`` (an article's id is on its heading)."""
    return page.xpath(f"//*[@id='{eid}']/ancestor-or-self::section[1]")[0]


def versions(site: Path, work: str, lang: str) -> list[str]:
    return sorted(p.name.split("@")[1] for p in (site / work).glob(f"{lang}@*"))


@pytest.mark.parametrize("work,langs", WORKS.items())
def test_every_work_has_each_page_type_in_each_language(built_site, work, langs):
    assert (built_site / work / "index.html").exists()
    assert (built_site / work / "parallel" / "index.html").exists()
    assert (built_site / work / "graph" / "index.html").exists()
    for lang in langs:
        page = doc(built_site, f"{work}{lang}/")
        assert page.get("lang") == HTML_LANG[lang]
        assert (built_site / work / lang / "main.xml").read_bytes().startswith(b"<?xml")
        dates = versions(built_site, work, lang)
        assert dates, f"{work}{lang}: no versions"
        for d in dates:
            assert (built_site / work / f"{lang}@{d}" / "main.xml").exists()
            assert doc(built_site, f"{work}{lang}@{d}/").get("lang") == HTML_LANG[lang]
        assert (built_site / work / f"{lang}@{dates[-1]}" / "diff-current" / "index.html").exists()
        if len(dates) > 1:
            assert (built_site / work / f"{lang}@{dates[-1]}" / "diff-previous" / "index.html").exists()


def test_the_law_has_a_timeline_with_an_svg_and_per_article_events(built_site):
    page = doc(built_site, LAW + "timeline/")
    assert page.cssselect("figure svg circle")
    art1 = page.get_element_by_id("chp_1__art_1")
    assert "417-V" in art1.text_content() and "141-VII" in art1.text_content()


def test_article_9_1_does_not_exist_on_29_02_2016_and_exists_from_01_03_2016(built_site):
    dates = versions(built_site, LAW, "rus")
    before = max(d for d in dates if d <= "2016-02-29")
    assert doc(built_site, f"{LAW}rus@{before}/").xpath("//*[@id='chp_2__art_9-1']") == []
    assert doc(built_site, f"{LAW}rus@2016-03-01/").get_element_by_id("chp_2__art_9-1") is not None


def test_the_current_russian_text_prints_footnotes_under_their_provision_and_greys_repeals(built_site):
    page = doc(built_site, LAW + "rus/")
    art1 = provision(page, "chp_1__art_1")
    notes = [n.text_content() for n in art1.cssselect(":scope > .zl-note")]
    assert any(n.startswith("Сноска. Статья 1 с изменениями") for n in notes)
    point6 = provision(page, "chp_1__art_1__point_6")
    assert "zl-repealed" in point6.get("class")
    assert "исключен Законом РК от 25.11.2019 № 272-VI" in point6.text_content()


def test_a_version_labels_wording_taken_from_another_language(built_site):
    oldest = versions(built_site, LAW, "rus")[0]
    page = doc(built_site, f"{LAW}rus@{oldest}/")
    borrowed = page.cssselect(".zl-other-lang")              # the 2013 wording is known in Kazakh only
    assert borrowed
    assert "известен только на казахском языке" in borrowed[0].cssselect("details.zl-why summary")[0].text_content()
    assert borrowed[0].cssselect("p[lang=kk]"), "borrowed wording carries its own language"
    assert re.search(r"Текст на русском языке известен для \d+ из \d+ стат(ьи|ей)\.",
                     page.cssselect(".zl-banner")[0].text_content())


def test_the_graph_shows_order_78_under_article_7_and_warns_of_stale_delegation(built_site):
    law_graph = doc(built_site, "ru/" + LAW + "graph/")
    art7 = law_graph.get_element_by_id("chp_2__art_7__point_3").text_content()
    assert "на его основании издан" in art7 and "Приказ от 08.12.2016 № 78" in art7
    warnings = doc(built_site, "ru/graph/").cssselect(".zl-warning")
    assert any("Приказ от 08.12.2016 № 78 издан на основании нормы «Закон РК от 15.04.2013 № 88-V, статья 7, "
               "подпункт 3)»" in " ".join(w.text_content().split()) for w in warnings)
    assert (built_site / "downloads" / "graph.graphml").exists() and (built_site / "downloads" / "graph.json").exists()


def test_drafts_feeds_and_home(built_site):
    drafts = doc(built_site, "drafts/")
    assert len(drafts.cssselect("tbody tr")) >= 3
    assert (built_site / "feeds" / "deadlines.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    atom = (built_site / "feeds" / "changes.atom").read_text(encoding="utf-8")
    assert "484-V" in atom
    home = doc(built_site, "")
    assert len(home.cssselect("ul.zl-acts > li")) == 3 and home.cssselect("ul.zl-latest li")


def test_no_page_refers_to_an_outside_url_for_a_script_style_or_font(built_site):
    for path in built_site.rglob("*.html"):
        page = lhtml.fromstring(path.read_bytes())
        for el in page.iter("script", "link", "img", "iframe", "source"):
            for attr in ("src", "href"):
                assert "//" not in (el.get(attr) or ""), f"{path}: <{el.tag} {attr}={el.get(attr)}>"
    for css in built_site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8", errors="replace"))


def test_two_builds_of_the_corpus_are_byte_identical(built_site, corpus_dir, tmp_path):
    again = tmp_path / "public"
    publisher.build(corpus_dir, again)
    a = sorted(p.relative_to(built_site) for p in built_site.rglob("*") if p.is_file())
    b = sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert a == b
    assert [p for p in a if (built_site / p).read_bytes() != (again / p).read_bytes()] == []


def test_the_downloadable_akn_carries_events_and_references_and_is_strictly_valid(built_site):
    from lxml import etree

    from akn_schema import validate_xml

    root = etree.parse(str(built_site / LAW / "rus" / "main.xml")).getroot()
    assert validate_xml(root) == []
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    assert len(root.findall(".//a:lifecycle/a:eventRef", ns)) == 23          # one per amending act (17 + 6 after 2022)
    mods = root.findall(".//a:passiveModifications/a:textualMod", ns)
    assert any(m.find("a:destination", ns).get("href") == "#chp_2__art_9-1" for m in mods)
    art4_refs = root.findall(".//a:article[@eId='chp_1__art_4']//a:ref", ns)
    assert "#chp_3__art_15" in {r.get("href") for r in art4_refs}             # "статьей 15 настоящего Закона"


def test_diff_pages_name_each_change_in_the_language_of_the_text(built_site):
    words = {"rus": {"добавлено", "исключено", "изменено", "текст недоступен"},
             "kaz": {"толықтырылды", "алып тасталды", "өзгертілді", "мәтіні қолжетімсіз"}}
    for lang, allowed in words.items():
        seen = set()
        for d in versions(built_site, LAW, lang):
            page = built_site / LAW / f"{lang}@{d}" / "diff-current" / "index.html"
            seen |= {s.text_content() for s in lhtml.fromstring(page.read_bytes()).cssselect(".zl-diff-status")}
        assert seen and seen <= allowed, (lang, seen - allowed)


def test_a_draft_page_flags_an_unjustified_decision_and_links_the_bylaw_it_amends(built_site):
    page = doc(built_site, "drafts/example-amend-order-78/")
    assert page.get("lang") == "en"                      # the draft's title is English: so is its page
    comments = page.cssselect(".zl-comment")
    flagged = [c for c in comments if "no justification given" in c.text_content()]
    assert len(flagged) == 1 and "rejected" in flagged[0].text_content()
    (link,) = [a for a in page.cssselect("a") if a.text_content() == "Order No. 78 of 8 December 2016"]
    assert link.get("href").rstrip("/").endswith("akn/kz/act/order/2016-12-08/78")


def test_order_78_links_its_basis_to_article_7_subparagraph_3_in_force_on_the_same_date(built_site):
    """References the linker resolved are links: order 78's preamble "подпунктом 3) статьи 7 Закона …"."""
    page = doc(built_site, "akn/kz/act/order/2016-12-08/78/rus/")
    (link,) = [a for a in page.cssselect(".zl-preamble a.zl-ref") if a.text_content().startswith("подпунктом 3) статьи 7")]
    assert link.get("href").endswith("2013-04-15/88-V/rus/#chp_2__art_7__point_3")
    dates = versions(built_site, "akn/kz/act/order/2016-12-08/78/", "rus")
    old = doc(built_site, f"akn/kz/act/order/2016-12-08/78/rus@{dates[0]}/")
    href = [a.get("href") for a in old.cssselect(".zl-preamble a.zl-ref")][0]
    law_dates = [d for d in versions(built_site, LAW, "rus") if d <= dates[0]]
    assert href.endswith(f"88-V/rus@{law_dates[-1]}/#chp_2__art_7__point_3"), href     # the law as it was then


def test_a_version_collapses_unknown_wordings_into_lines_naming_the_bounding_changes(built_site):
    dates = versions(built_site, LAW, "rus")
    gaps = []
    for d in dates:
        gaps += [" ".join(g.text_content().split()) for g in doc(built_site, f"{LAW}rus@{d}/").cssselect(".zl-gap")]
    assert gaps, "some version has provisions whose Russian wording is not known"
    assert all("текст, действовавший на эту дату, по имеющимся источникам не установлен." in g for g in gaps)
    assert any(re.search(r"^(Статьи|Пункты|Подпункты) [\w)-]+–[\w)-]+:", g) for g in gaps), "a run is one line"
    assert any(re.search(r"(Предыдущее|Следующее) изменение — Закон РК от \d\d\.\d\d\.\d{4} № [\w-]+ \(", g)
               for g in gaps)


def test_every_act_page_says_what_its_text_is_checked_against_and_what_is_not_yet_in_it(built_site):
    for lang, words in (("rus", ("Состояние текста", "Сайт собран", "Официальный источник")),
                        ("kaz", ("Мәтіннің жай-күйі", "құрастырылды", "Ресми дереккөз"))):
        box = doc(built_site, f"{LAW}{lang}/").cssselect("aside.zl-asof")[0]
        text = " ".join(box.text_content().split())
        assert all(w in text for w in words), text
        assert box.cssselect("details.zl-outstanding summary")
    kk = " ".join(doc(built_site, f"{LAW}kaz/").cssselect("aside.zl-asof")[0].text_content().split())
    assert re.search(r"Мәтін \d{4} жылғы \d+ \w+ ресми редакциямен салыстырылды", kk), kk
    outstanding = []
    for d in versions(built_site, LAW, "eng"):
        outstanding += doc(built_site, f"{LAW}eng@{d}/").cssselect("details.zl-outstanding li")
    assert outstanding and all(re.search(r"(Law|Order) No\. .+, in force (from|not before) .+: \d+ provisions?",
                                         " ".join(li.text_content().split())) for li in outstanding)


def test_a_diff_counts_only_known_changes_and_gathers_unknown_wordings_in_one_closed_list(built_site):
    page = doc(built_site, f"{LAW}rus@2016-03-01/diff-previous/")
    banner = " ".join(page.cssselect(".zl-diff-banner")[0].text_content().split())
    rows = page.cssselect("section.zl-diff-row")
    unknown = page.cssselect("details#zl-diff-unknown li.zl-diff-not_available")
    counted = re.search(r"(\d+) изменённ\w+ положени\w+; текст (\d+) положени\w+ неизвестен", banner)
    assert counted, banner
    assert int(counted[1]) == len(rows) > 0 and int(counted[2]) == len(unknown) > 0
    assert not any(r.get("class").endswith("not_available") for r in rows)
    assert page.cssselect("details#zl-diff-unknown")[0].get("open") is None      # closed until asked
    hrefs = [li.cssselect("a")[0].get("href") for li in unknown]      # to the new text, or the old one if only it has it
    assert all(h.startswith(("../#", "../../rus@2016-01-01/#")) for h in hrefs) and any(h.startswith("../#") for h in hrefs)


@pytest.mark.parametrize("lang,foreign", [("rus", r"[әғқңөұүһі]|[A-Za-z]{4}"), ("kaz", r"[A-Za-z]{4}")])
def test_a_versions_table_of_contents_is_in_its_own_language_even_where_the_wording_is_borrowed(
        built_site, lang, foreign):
    borrowed = 0
    for d in versions(built_site, LAW, lang):
        page = doc(built_site, f"{LAW}{lang}@{d}/")
        for a in page.cssselect("nav.md-nav--secondary a.md-nav__link"):
            text = " ".join(a.text_content().split())
            assert not re.search(foreign, text), (d, text)
            borrowed += "только" in text or "тек" in text
    assert borrowed, "some article of some version is known only in another language"


def test_an_orders_coverage_counts_its_provisions_not_articles(built_site):
    page = doc(built_site, "akn/kz/act/order/2016-01-22/52/kaz@2016-03-01/")
    banner = " ".join(page.cssselect(".zl-coverage")[0].text_content().split())
    assert re.fullmatch(r"\d+ ереженің \d+ ережесінің қазақ тіліндегі мәтіні белгілі\.", banner), banner


def test_the_parallel_view_prints_each_articles_heading_in_its_column_and_never_repeats_a_column(built_site):
    page = doc(built_site, f"ru/{LAW}parallel@2016-03-01/")
    head = [th.text_content() for th in page.cssselect("table.zl-parallel thead th")]
    assert head == ["Положение", "русский", "казахский", "английский"], head
    row = page.get_element_by_id("chp_3__art_15")
    rus, kaz, eng = (" ".join(td.text_content().split()) for td in row.findall("td"))
    assert rus.startswith("Статья 15. ") and kaz.startswith("15-бап. ") and eng.startswith("Article 15. "), (rus, kaz)
    borrowed = page.cssselect("td.zl-other-lang")
    assert borrowed and all(" ".join(td.text_content().split()).startswith("Текст на эту дату известен только на ")
                            for td in borrowed)


def test_every_link_to_a_provision_lands_on_it(built_site):
    """A link with a fragment (a graph node, a diff row, a reference) finds its anchor on the page."""
    from urllib.parse import unquote, urljoin, urlparse

    anchors: dict[Path, set[str]] = {}
    missing = []
    for page in sorted(built_site.rglob("index.html")):
        here = "/" + page.parent.relative_to(built_site).as_posix() + "/"
        for a in lhtml.fromstring(page.read_bytes()).xpath("//a[contains(@href, '#')]"):
            url = urlparse(urljoin("http://site" + here.replace("/./", "/"), a.get("href")))
            if url.netloc != "site" or not url.fragment or url.fragment.startswith("__"):
                continue
            target = built_site / unquote(url.path).lstrip("/")
            target = target if target.suffix else target / "index.html"
            if target not in anchors:
                anchors[target] = (set(lhtml.fromstring(target.read_bytes()).xpath("//@id"))
                                   if target.exists() else set())
            if url.fragment not in anchors[target]:
                missing.append((here, a.get("href")))
    assert not missing, missing[:10]


@pytest.mark.parametrize("section", ["ru/", "kk/", ""])
def test_a_timeline_lists_each_change_of_an_article_once(built_site, section):
    page = doc(built_site, f"{section}{LAW}timeline/")
    sections = page.cssselect("section.zl-prov")
    assert len(sections) > 20
    for s in sections:
        lines = [" ".join(li.text_content().split()) for li in s.cssselect("li")]
        assert len(lines) == len(set(lines)), (s.get("id"), lines)
