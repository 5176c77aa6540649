"""The parser on acts it has not seen: small fixtures written in the forms of real resolutions, orders
and laws (numbered section headings in Rules, approval stamps with a blank date or «бекітілген» last,
document-level footnotes, an article heading printed without its keyword)."""

from __future__ import annotations

from pathlib import Path

import pytest

from akn_schema import Work, act_to_xml, conservation, parse_text, validate_xml

RESOLUTION = """Об утверждении Правил оказания государственной услуги «Выдача справки»

Постановление Правительства Республики Казахстан от 1 марта 2021 года № 100.

Сноска. Заголовок в редакции постановления Правительства РК от 10.01.2024 № 5 (вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования).

Сноска. Вводится в действие с 01.01.2024 в соответствии с пунктом 3 настоящего постановления.

В соответствии с подпунктом 1) статьи 6 Закона Республики Казахстан «О государственных услугах» Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:

1. Утвердить прилагаемые Правила оказания государственной услуги «Выдача справки».

2. Признать утратившим силу постановление Правительства Республики Казахстан от 5 мая 2015 года № 300.

3. Настоящее постановление вводится в действие с 1 января 2024 года.

Премьер-Министр Республики Казахстан А. Мамин

Утверждены постановлением Правительства Республики Казахстан от марта 2021 года
№

Правила оказания государственной услуги «Выдача справки»

Сноска. Правила в редакции постановления Правительства РК от 10.01.2024 № 5 (вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования).

1. Общие положения

1. Настоящие Правила определяют порядок оказания государственной услуги «Выдача справки».

2. В настоящих Правилах используются следующие понятия:

1) услугополучатель – физическое лицо;

2) услугодатель – местный исполнительный орган.

2. Порядок оказания государственной услуги

3. Для получения государственной услуги услугополучатель подает заявление.

Сноска. Пункт 3 в редакции постановления Правительства РК от 10.01.2024 № 5.

4. Срок оказания государственной услуги – пять рабочих дней.

3. Порядок обжалования решений, действий (бездействия) услугодателя

5. Жалоба подается услугодателю.
"""

ORDER_KAZ = """Мемлекеттік көрсетілетін қызмет қағидаларын бекіту туралы

Қазақстан Республикасы Ақпарат және коммуникациялар министрінің 2016 жылғы 2 ақпандағы № 13/139 бұйрығы.

Ескерту. 01.01.2024 бастап қолданысқа енгізіледі - ҚР Цифрлық даму министрінің 10.01.2024 № 5/НҚ бұйрығымен.

Ескерту. Тақырып жаңа редакцияда - ҚР Цифрлық даму министрінің 10.01.2024 № 5/НҚ бұйрығымен.

"Мемлекеттік көрсетілетін қызметтер туралы" Қазақстан Республикасы Заңының 10-бабының 1) тармақшасына сәйкес БҰЙЫРАМЫН:

1. Қоса беріліп отырған Мемлекеттік көрсетілетін қызмет қағидалары бекітілсін.

2. Осы бұйрық алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.

Қазақстан Республикасының Ақпарат және коммуникациялар министрі Д. Абаев

Қазақстан Республикасы Ақпарат және коммуникациялар министрінің 2016 жылғы 2 ақпандағы № 13/139 бұйрығымен
бекітілген

Мемлекеттік көрсетілетін қызмет қағидалары

Ескерту. Қағидалар жаңа редакцияда - ҚР Цифрлық даму министрінің 10.01.2024 № 5/НҚ бұйрығымен.

1. Жалпы ережелер

1. Осы Қағидалар мемлекеттік қызмет көрсету тәртібін айқындайды.

2. Мемлекеттік көрсетілетін қызметті көрсету тәртібі

2. Көрсетілетін қызметті алушы өтініш береді.

3. Қызмет көрсету мерзімі – бес жұмыс күні.

3. Шағымдану тәртібі

1. Шағым көрсетілетін қызметті берушіге беріледі.

2. Шағым бес жұмыс күні ішінде қаралады.
"""

LAW_KAZ = """Мемлекеттік көрсетілетін қызметтер туралы

5-тарау. МЕМЛЕКЕТТІК БАҚЫЛАУ

27-бап. Мемлекеттік бақылау

1. Бақылау жүргізіледі.

2. Тексерулер жүргізіледі.

27-1. Уәкілетті органның құзыреті

Уәкілетті орган:

1) тексеру жүргізеді;

2) шешім қабылдайды.

28-бап. Қорытынды ережелер

Осы Заң қолданысқа енгізіледі.
"""


def parsed(text: str, lang: str, doctype: str, path: str = "act.txt"):
    act = parse_text(text, lang=lang, doctype=doctype, path=path)
    root = act_to_xml(act, Work.adhoc(Path(path), lang, doctype))
    assert validate_xml(root) == []
    assert conservation(text, act, root).lost == []
    return act


def outline(provisions) -> list[tuple[str, str | None]]:
    return [(p.eid, p.heading) for p in provisions if p.kind in ("chapter", "article")]


# ── Rules whose sections are numbered headings ───────────────────────────────────────────────

def test_numbered_section_headings_of_rules_are_chapters_and_the_points_keep_their_numbers():
    act = parsed(RESOLUTION, "rus", "resolution")
    rules = act.attachments[0]
    assert [(c.eid, c.num, c.heading) for c in rules.body] == [
        ("att_1__chp_1", "1.", "Общие положения"),
        ("att_1__chp_2", "2.", "Порядок оказания государственной услуги"),
        ("att_1__chp_3", "3.", "Порядок обжалования решений, действий (бездействия) услугодателя")]
    paragraphs = [p for p in rules.walk() if p.kind == "paragraph"]
    assert [p.number for p in paragraphs] == ["1", "2", "3", "4", "5"]
    assert [p.eid for p in paragraphs] == ["att_1__chp_1__para_1", "att_1__chp_1__para_2", "att_1__chp_2__para_3",
                                           "att_1__chp_2__para_4", "att_1__chp_3__para_5"]
    assert [p.eid for p in rules.walk() if p.kind == "point"] == ["att_1__chp_1__para_2__point_1",
                                                                   "att_1__chp_1__para_2__point_2"]
    assert act.find([("paragraph", "4")], within="att_1").eid == "att_1__chp_2__para_4"
    assert act.warnings == []


def test_kazakh_rules_sections_are_chapters_even_when_each_restarts_its_numbering():
    act = parsed(ORDER_KAZ, "kaz", "order")
    rules = act.attachments[0]
    assert [(c.eid, c.heading) for c in rules.body] == [
        ("att_1__chp_1", "Жалпы ережелер"), ("att_1__chp_2", "Мемлекеттік көрсетілетін қызметті көрсету тәртібі"),
        ("att_1__chp_3", "Шағымдану тәртібі")]
    assert [p.eid for p in rules.walk() if p.kind == "paragraph"] == [
        "att_1__chp_1__para_1", "att_1__chp_2__para_2", "att_1__chp_2__para_3", "att_1__chp_3__para_1",
        "att_1__chp_3__para_2"]
    assert act.warnings == []


def test_a_numbered_paragraph_without_a_full_stop_is_not_taken_for_a_section():
    text = ("Об утверждении Правил\n\nПРИКАЗЫВАЮ:\n\n1. Утвердить Правила.\n\nМинистр А. Б\n\n"
            "Утверждены приказом Министра от 1 марта 2021 года № 5\n\nПравила проверки\n\n"
            "1. Проверка проводится ежегодно\n\n2. Проверка длится пять дней.\n\n"
            "3. Результат оформляется актом\n\n5. Акт подписывается.\n")
    act = parsed(text, "rus", "order")
    assert [(p.kind, p.number) for p in act.attachments[0].walk()] == [
        ("paragraph", "1"), ("paragraph", "2"), ("paragraph", "3"), ("paragraph", "5")]


# ── approval stamps ─────────────────────────────────────────────────────────────────────────

def test_a_stamp_with_its_date_left_blank_is_the_stamp_and_the_rules_keep_their_title():
    act = parsed(RESOLUTION, "rus", "resolution")
    rules = act.attachments[0]
    assert " ".join(rules.stamp) == "Утверждены постановлением Правительства Республики Казахстан от марта 2021 года №"
    assert rules.title == "Правила оказания государственной услуги «Выдача справки»"
    assert rules.preamble == []
    assert act.conclusions == ["Премьер-Министр Республики Казахстан А. Мамин"]


def test_a_kazakh_stamp_with_bekitilgen_last_is_one_stamp():
    act = parsed(ORDER_KAZ, "kaz", "order")
    rules = act.attachments[0]
    assert " ".join(rules.stamp) == ("Қазақстан Республикасы Ақпарат және коммуникациялар министрінің 2016 жылғы "
                                     "2 ақпандағы № 13/139 бұйрығымен бекітілген")
    assert rules.title == "Мемлекеттік көрсетілетін қызмет қағидалары"
    assert act.conclusions == ["Қазақстан Республикасының Ақпарат және коммуникациялар министрі Д. Абаев"]
    assert [p.eid for p in act.body] == ["para_1", "para_2"]


@pytest.mark.parametrize("stamp", [
    "Қазақстан Республикасы\nАқпарат және коммуникациялар министрінің\n2016 жылғы 2 ақпандағы\n№ 13/139 бұйрығымен\nбекітілген",
    "Қазақстан Республикасы Ақпарат және коммуникациялар министрінің 2016 жылғы 2 ақпандағы № 13/139 бұйрығымен бекітілген",
])
def test_a_kazakh_stamp_over_several_lines_after_the_signature_is_the_stamp(stamp):
    text = ORDER_KAZ.replace("Қазақстан Республикасы Ақпарат және коммуникациялар министрінің 2016 жылғы 2 "
                             "ақпандағы № 13/139 бұйрығымен\nбекітілген", stamp)
    act = parsed(text, "kaz", "order")
    assert " ".join(act.attachments[0].stamp) == stamp.replace("\n", " ")
    assert act.conclusions == ["Қазақстан Республикасының Ақпарат және коммуникациялар министрі Д. Абаев"]


# ── footnotes about the whole document or about the Rules ─────────────────────────────────────

def test_document_level_footnotes_attach_to_the_document_without_a_warning():
    act = parsed(RESOLUTION, "rus", "resolution")
    assert [(n.target, n.text[:30]) for n in act.notes[:2]] == [
        ("", "Сноска. Заголовок в редакции п"), ("", "Сноска. Вводится в действие с ")]
    kaz = parsed(ORDER_KAZ, "kaz", "order")
    assert [n.target for n in kaz.notes[:2]] == ["", ""]
    assert act.warnings == [] and kaz.warnings == []


def test_a_rules_level_footnote_attaches_to_the_rules_and_a_point_footnote_to_its_point():
    act = parsed(RESOLUTION, "rus", "resolution")
    assert [n.target for n in act.notes[2:]] == ["att_1", "att_1__chp_2__para_3"]
    assert act.get("para_3").notes == []
    assert [n.target for n in parsed(ORDER_KAZ, "kaz", "order").notes[2:]] == ["att_1"]


def test_a_rules_level_footnote_right_after_the_rules_title_with_no_stamp_opens_the_rules():
    text = RESOLUTION.replace("Утверждены постановлением Правительства Республики Казахстан от марта 2021 года\n№\n\n", "")
    act = parsed(text, "rus", "resolution")
    assert act.get("para_3").notes == [] and act.get("para_3").text == [
        "Настоящее постановление вводится в действие с 1 января 2024 года."]
    assert act.attachments[0].title == "Правила оказания государственной услуги «Выдача справки»"
    assert act.notes[2].target == "att_1"


def test_a_footnote_that_names_no_provision_in_the_body_is_still_warned_about():
    text = "Закон\n\nСтатья 1. Понятия\n\n1) первое;\n\nСноска. С изменениями, внесенными Законом РК.\n"
    act = parsed(text, "rus", "law")
    assert len(act.warnings) == 1 and "does not name an open provision" in act.warnings[0].message


# ── an article heading printed without its keyword ──────────────────────────────────────────

def test_an_article_heading_without_its_keyword_is_an_article_with_a_warning():
    act = parsed(LAW_KAZ, "kaz", "law")
    assert outline(act.walk()) == [
        ("chp_5", "МЕМЛЕКЕТТІК БАҚЫЛАУ"), ("chp_5__art_27", "Мемлекеттік бақылау"),
        ("chp_5__art_27-1", "Уәкілетті органның құзыреті"), ("chp_5__art_28", "Қорытынды ережелер")]
    art = act.get("chp_5__art_27-1")
    assert art.label == "27-1." and [c.eid for c in art.children] == ["chp_5__art_27-1__point_1",
                                                                      "chp_5__art_27-1__point_2"]
    assert art.text == ["Уәкілетті орган:"]
    assert [w.line for w in act.warnings] == [11]
    assert "article heading without its keyword" in act.warnings[0].message


def test_in_the_mirror_markdown_a_level_3_heading_without_its_keyword_is_an_article_with_a_warning():
    md = LAW_KAZ.replace("5-тарау", "## 5-тарау").replace("27-бап", "### 27-бап").replace(
        "27-1.", "### 27-1.").replace("28-бап", "### 28-бап")
    act = parsed(md, "kaz", "law", path="kaz.md")
    assert [p.eid for p in act.walk() if p.kind == "article"] == ["chp_5__art_27", "chp_5__art_27-1",
                                                                   "chp_5__art_28"]
    assert len(act.warnings) == 1 and "without its keyword" in act.warnings[0].message


def test_numbered_paragraphs_of_an_article_are_not_taken_for_articles():
    text = ("Закон\n\nСтатья 27. Контроль\n\n1. Контроль проводится.\n\n2. Порядок контроля\n\n"
            "3. Проверки бывают плановые.\n\nСтатья 28. Итоги\n\nТекст.\n")
    act = parsed(text, "rus", "law")
    assert [p.eid for p in act.walk()] == ["art_27", "art_27__para_1", "art_27__para_2", "art_27__para_3",
                                           "art_28"]
    assert act.warnings == []


def test_an_editorial_note_printed_before_the_title_stays_before_it():
    text = "ЗҚАИ-ның ескертпесі! Бұйрықтың қолданысқа енгізілу тәртібін 2-тармақтан қараңыз!\n\n" + ORDER_KAZ
    act = parsed(text, "kaz", "order")
    assert act.title == "Мемлекеттік көрсетілетін қызмет қағидаларын бекіту туралы"
    root = act_to_xml(act, Work.adhoc(Path("act.txt"), "kaz", "order"))
    preface = root.find(".//{*}act/{*}preface")
    assert [el.tag.split("}")[1] for el in preface][:2] == ["p", "longTitle"]
    assert preface[0].text.startswith("ЗҚАИ-ның ескертпесі!")
