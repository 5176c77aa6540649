"""Parsing the corpus into Akoma Ntoso: specifications of what the law's texts contain."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

import akn_schema
from akn_schema import AKN_NS, act_to_xml, check_source, load_works, parse_text, parse_work, validate_xml

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
NS = {"a": AKN_NS}
WORKS = load_works(CORPUS)
SOURCES = [(name, lang) for name, w in WORKS.items() for lang in w.texts]


def act(name: str, lang: str) -> akn_schema.Act:
    return parse_work(WORKS[name], lang)


def xml(name: str, lang: str) -> etree._Element:
    return act_to_xml(act(name, lang), WORKS[name])


def articles(a: akn_schema.Act) -> list[str]:
    return [p.number for p in a.walk() if p.kind == "article"]


# ── the corpus ───────────────────────────────────────────────────────────────────────────

def test_the_five_seed_texts_are_in_the_corpus_byte_for_byte():
    seeds = CORPUS.parent.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    pairs = {"000_98c919bb11d3591b.txt": "law-88-V/rus.txt", "001_b69d1ca8d5feed61.txt": "law-88-V/kaz.txt",
             "002_8b623020559dc914.txt": "law-88-V/eng.txt", "003_fde00b8194b1022b.txt": "order-52/kaz.txt",
             "004_b6bb1fc30c5459cd.txt": "order-78/rus.txt"}
    for seed, target in pairs.items():
        assert (seeds / seed).read_bytes() == (CORPUS / "works" / target).read_bytes(), target


def test_works_record_their_uri_type_and_registration():
    assert WORKS["law-88-V"].uri == "/akn/kz/act/2013-04-15/88-V"
    assert WORKS["order-78"].uri == "/akn/kz/act/order/2016-12-08/78"
    assert WORKS["order-78"].registration["number"] == "14740"
    assert WORKS["order-52"].doctype == "order" and WORKS["order-52"].registration is None
    assert WORKS["law-88-V"].source("kaz").state == "original"


# ── structure ────────────────────────────────────────────────────────────────────────────

def test_the_russian_law_has_6_chapters_and_35_articles_including_the_inserted_ones():
    a = act("law-88-V", "rus")
    assert [p.number for p in a.body] == ["1", "2", "3", "4", "5", "6"]
    arts = articles(a)
    assert len(arts) == 35
    assert {"9-1", "11-1", "19-1", "21-1"} <= set(arts)
    assert a.get("chp_2__art_9-1").heading.startswith("Компетенция уполномоченного органа, определяемого")


@pytest.mark.parametrize("lang", ["kaz", "eng"])
def test_the_kazakh_and_english_texts_have_31_articles(lang):
    arts = articles(act("law-88-V", lang))
    assert arts == [str(i) for i in range(1, 32)]


def test_article_16_in_russian_is_removed_with_its_text_kept():
    a = act("law-88-V", "rus")
    art16 = a.get("chp_3__art_16")
    assert art16.status == "removed"
    assert art16.heading == "Требования к разработке регламента государственной услуги"
    assert "исключена Законом РК от 25.11.2019 № 272-VI" in art16.notes[0].text
    el = xml("law-88-V", "rus").find(".//a:article[@eId='chp_3__art_16']", NS)
    assert el.get("status") == "removed"
    assert el.findtext("a:heading", namespaces=NS).startswith("Требования к разработке")


def test_inline_repeal_notes_are_removed_points_with_their_text():
    a = act("law-88-V", "rus")
    p16 = a.get("chp_1__art_1__point_16")
    assert p16.status == "removed" and p16.text[0].startswith("исключен Законом РК от 14.07.2022 № 141-VII")
    assert a.get("chp_1__art_1__point_17").status == "in_force"


def test_a_range_repeal_note_covers_every_point_in_it():
    for lang, dash in (("rus", "-"), ("eng", "–")):
        rng = act("law-88-V", lang).get("chp_2__art_6__point_3to9")
        assert rng.num == f"3) {dash} 9)" and rng.status == "removed"
        assert rng.covers == ["3", "4", "5", "6", "7", "8", "9"]
        assert act("law-88-V", lang).find([("article", "6"), ("point", "5")]) is rng


def test_order_78_has_its_own_points_and_the_rules_as_an_attachment():
    a = act("order-78", "rus")
    assert [p.num for p in a.body] == ["1.", "2.", "3.", "4.", "5."]
    assert "ПРИКАЗЫВАЮ" in a.preamble[-1]
    (rules,) = a.attachments
    assert rules.title == "Правила государственного контроля за качеством оказания государственных услуг"
    assert [c.number for c in rules.body] == ["1", "2", "3", "4"]
    assert a.get("att_1__chp_2__subchp_1__para_6-1").num == "6-1."
    assert a.conclusions[0] == '"СОГЛАСОВАН"'


def test_order_52_rules_carry_their_approval_stamp_and_note():
    a = act("order-52", "kaz")
    (rules,) = a.attachments
    assert "бекітілген" in rules.stamp[-1]
    assert rules.title.endswith("мемлекеттік корпорациясының қызметі қағидалары")
    (note,) = a.notes
    assert note.text.startswith("Ескерту. Қағидалар жаңа редакцияда") and note.target == "att_1"
    assert a.preamble[0].endswith("БҰЙЫРАМЫН:")


def test_outline_includes_the_provisions_of_the_attached_rules():
    eids = [p.eid for p in act("order-52", "kaz").walk()]
    assert "para_1" in eids and "att_1__chp_2__para_27" in eids


# ── artefacts of the source systems ──────────────────────────────────────────────────────

def test_wrapped_headings_are_joined():
    assert act("law-88-V", "kaz").get("chp_1__art_2").heading == \
        "Қазақстан Республикасының мемлекеттік қызметтер көрсету саласындағы заңнамасы"
    assert act("law-88-V", "eng").get("chp_2__art_6").heading == \
        "The competence of the Government of the Republic of Kazakhstan in the scope of rendering of the state services"
    assert act("law-88-V", "eng").get("chp_2").heading == "THE STATE REGULATION IN THE SCOPE OF RENDERING OF THE STATE SERVICES"
    assert act("law-88-V", "rus").get("chp_3__art_15").heading.endswith(
        "правовых актов , определяющих порядок оказания государственных услуг")
    assert act("order-78", "rus").get("att_1__chp_2__subchp_1").heading.endswith("Проверяемыми субъектами.")


def test_a_footnote_broken_across_a_blank_line_and_a_date_is_one_note():
    a = act("law-88-V", "rus")
    note = a.get("chp_4__art_19-1").notes[0]
    assert note.text.endswith("30.12.2021 № 96-VII (вводится в действие по истечении шестидесяти календарных дней "
                              "после дня его первого официального опубликования).")
    assert not any(p.number == "30" for p in a.get("chp_4__art_19-1").walk())


def test_markdown_bold_and_links_leave_their_text_and_no_markup():
    root = xml("order-78", "rus")
    text = etree.tostring(root, encoding="unicode")
    assert "**" not in text and "](#)" not in text and "\\)" not in text
    assert act("order-78", "rus").preamble[0].startswith("В соответствии с подпунктом 3) статьи 7 Закона")
    note = act("law-88-V", "rus").get("chp_3__art_14").notes[1]
    assert note.text.startswith("Сноска. Статья 14 с изменениями") and note.text.endswith("опубликования).")


def test_a_dash_before_a_list_number_is_not_part_of_the_number():
    a = act("law-88-V", "rus")
    assert [p.num for p in a.get("chp_2__art_11").children][:3] == ["1)", "2)", "3)"]


def test_a_cyrillic_b_after_point_5_is_point_6():
    p = act("law-88-V", "rus").get("chp_2__art_7__point_6")
    assert p.num == "б)" and p.number == "6"
    assert p.text[0].startswith("осуществляет формирование")


def test_nbsp_indentation_leaves_no_nbsp_in_the_text():
    for p in act("law-88-V", "kaz").walk():
        assert "\xa0" not in (p.heading or "") and all("\xa0" not in t for t in p.text)


def test_a_glued_signature_table_keeps_its_words_and_its_line_breaks():
    a = act("order-52", "kaz")
    assert a.conclusions == ["Қазақстан Республикасының\nИнвестициялар және даму министрі Ә. Исекешев"]
    br = xml("order-52", "kaz").find(".//a:conclusions/a:p/a:br", NS)
    assert br is not None and br.tail == "Инвестициялар және даму министрі Ә. Исекешев"


def test_site_furniture_is_declared_non_text_by_a_named_rule():
    rules = {(s.rule, s.text) for s in act("order-78", "rus").skipped}
    assert ("site-menu", "- Текст") in rules and ("site-menu", "- Прочее") in rules
    assert {s.rule for s in act("law-88-V", "rus").skipped} == {"site-notice", "copyright"}


# ── AKN output ───────────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize(("name", "lang"), SOURCES)
def test_every_seed_validates_strictly_and_loses_no_word(name, lang):
    report = check_source(WORKS[name], lang)
    assert report.errors == []
    assert report.conservation.lost == []
    assert report.warnings == []
    assert report.conservation.source_words > 1000


def test_eids_follow_the_akn_convention():
    root = xml("law-88-V", "rus")
    assert root.find(".//a:point[@eId='chp_2__art_9-1__point_1']", NS) is not None
    assert root.find(".//a:paragraph[@eId='chp_4__art_19-1__para_2']", NS) is not None


def test_frbr_uris_name_the_work_and_the_expression():
    root = xml("law-88-V", "kaz")
    ident = root.find(".//a:identification", NS)
    assert ident.find("a:FRBRWork/a:FRBRuri", NS).get("value") == "/akn/kz/act/2013-04-15/88-V"
    assert ident.find("a:FRBRExpression/a:FRBRuri", NS).get("value") == "/akn/kz/act/2013-04-15/88-V/kaz@2013-04-15"
    assert ident.find("a:FRBRManifestation/a:FRBRthis", NS).get("value").endswith("/!main.xml")
    assert root.find("a:act", NS).get("name") == "act"
    assert xml("order-78", "rus").find("a:act", NS).get("name") == "order"


def test_footnotes_are_notes_with_a_noteref_at_their_target():
    root = xml("law-88-V", "rus")
    notes = root.findall(".//a:meta/a:notes/a:note", NS)
    assert len(notes) == 34
    art7 = root.find(".//a:article[@eId='chp_2__art_7']", NS)
    ref = art7.find("a:heading/a:noteRef", NS)
    note = root.find(f".//a:note[@eId='{ref.get('href')[1:]}']", NS)
    assert "".join(note.itertext()).startswith("Сноска. Статья 7 с изменениями")


def test_validation_reports_duplicate_eids_and_dangling_hrefs():
    root = xml("law-88-V", "eng")
    arts = root.findall(".//a:article", NS)
    arts[1].set("eId", arts[0].get("eId"))
    root.find(".//a:noteRef", NS).set("href", "#note_999")
    problems = validate_xml(root)
    assert any("duplicate eId 'chp_1__art_1'" in p for p in problems)
    assert any("'#note_999'" in p for p in problems)


def test_conservation_notices_a_lost_word():
    work = WORKS["law-88-V"]
    a = act("law-88-V", "eng")
    root = act_to_xml(a, work)
    p = root.find(".//a:article[@eId='chp_1__art_3']//a:p", NS)
    p.text = p.text.replace("principles", "")
    text = work.source("eng").path.read_text(encoding="utf-8")
    lost = akn_schema.conservation(text, a, root).lost
    assert [w for _, w in lost] == ["principles"]


# ── other acts of the same families ──────────────────────────────────────────────────────

RESOLUTION = """Об утверждении Правил ведения реестра

Постановление Правительства Республики Казахстан от 1 марта 2020 года № 100.

В соответствии с подпунктом 2) статьи 6 Закона Республики Казахстан «О государственных услугах» Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:

1. Утвердить прилагаемые Правила ведения реестра.

2. Настоящее постановление вводится в действие со дня его первого официального опубликования.

Премьер-Министр
Республики Казахстан\tА. Мамин

Утверждены
постановлением Правительства

Правила ведения реестра

Глава 1. Общие положения

1. Настоящие Правила определяют порядок:

1) включения услуг;
2) исключения услуг.

Глава 2. Порядок ведения

2. Реестр ведется в электронной форме.

2-1. Сведения обновляются ежеквартально.
"""


def test_a_government_resolution_with_attached_rules_parses_without_warnings():
    a = parse_text(RESOLUTION, lang="rus", doctype="resolution", path="resolution.txt")
    assert a.warnings == []
    assert a.title == "Об утверждении Правил ведения реестра"
    assert a.preamble[0].endswith("ПОСТАНОВЛЯЕТ:")
    assert [p.num for p in a.body] == ["1.", "2."]
    assert a.conclusions[0].startswith("Премьер-Министр")
    (rules,) = a.attachments
    assert rules.stamp == ["Утверждены постановлением Правительства"]
    assert [p.eid for p in rules.walk()] == ["att_1__chp_1", "att_1__chp_1__para_1", "att_1__chp_1__para_1__point_1",
                                             "att_1__chp_1__para_1__point_2", "att_1__chp_2",
                                             "att_1__chp_2__para_2", "att_1__chp_2__para_2-1"]


KAZ_LAW = """Жер туралы
Қазақстан Республикасының 2003 жылғы 20 маусымдағы № 442 Кодексі
      1-тарау. ЖАЛПЫ ЕРЕЖЕЛЕР
      1-бап. Осы Кодексте пайдаланылатын
             негізгі ұғымдар
      1. Осы Кодексте мынадай ұғымдар пайдаланылады:
      1) жер – мемлекеттік меншік;
      2) алып тасталды - ҚР 2011.01.06 № 378-IV Заңымен.
      2-бап. Жер заңнамасы
      Жер заңнамасы Конституцияға негізделеді.
"""


def test_an_unseen_kazakh_act_parses_with_wrapped_heading_and_repeal_note():
    a = parse_text(KAZ_LAW, lang="kaz", doctype="law", path="kodeks.txt")
    assert a.warnings == []
    art1 = a.get("chp_1__art_1")
    assert art1.heading == "Осы Кодексте пайдаланылатын негізгі ұғымдар"
    assert a.get("chp_1__art_1__para_1__point_2").status == "removed"
    assert a.get("chp_1__art_2").text == ["Жер заңнамасы Конституцияға негізделеді."]


def test_a_line_the_grammar_cannot_place_is_a_warning_and_an_error_under_strict():
    text = "Приказ\n\nВ соответствии с Законом ПРИКАЗЫВАЮ:\n\nНе пункт, а просто текст.\n\n1. Пункт.\n"
    a = parse_text(text, lang="rus", doctype="order", path="p.txt")
    assert [str(w) for w in a.warnings] == ["p.txt:5: text outside any provision; kept as an unnumbered block"]
    assert a.body[0].kind == "hcontainer" and a.body[0].text == ["Не пункт, а просто текст."]
    with pytest.raises(akn_schema.ParseError, match=r"p\.txt:5: text outside any provision"):
        parse_text(text, lang="rus", doctype="order", path="p.txt", strict=True)
    assert validate_xml(act_to_xml(a, akn_schema.Work.adhoc(Path("p.txt"), "rus", "order"))) == []
