"""Reference extraction, as a lawyer reads the citations (clean text, markup already stripped)."""

import datetime as dt

import pytest

from linker import extract_references
from linker.nlp import pipeline

ORDER_78_PREAMBLE = (
    "В соответствии с подпунктом 3) статьи 7 Закона Республики Казахстан от 15 апреля 2013 года "
    '"О государственных услугах", подпунктом 2) пункта 3 статьи 16 Закона Республики Казахстан от '
    '19 марта 2010 года "О государственной статистике", ПРИКАЗЫВАЮ:'
)
ORDER_52_PREAMBLE = (
    '"Мемлекеттік көрсетілетін қызметтер туралы" 2013 жылғы 15 сәуірдегі Қазақстан Республикасы '
    "Заңының 9-1-бабының 1) тармақшасына сәйкес, БҰЙЫРАМЫН:"
)


@pytest.mark.parametrize("lang, text", [
    ("rus", "статьи 9-1"), ("eng", "Article 9-1"), ("kaz", "9-1-бабының 1) тармақшасына")])
def test_a_hyphenated_article_number_is_one_token(lang, text):
    assert "9-1" in [t.text for t in pipeline(lang)(text)]


@pytest.mark.parametrize("form", ["статьи", "статьей", "статье", "статьям"])
def test_russian_case_forms_of_article_all_match(form):
    refs = extract_references(f"в соответствии со {form} 15 настоящего Закона", "rus")
    assert [(r.path, r.act.scope) for r in refs] == [((("article", "15"),), "act")]


def test_order_78_preamble_cites_law_88_v_and_the_statistics_law():
    refs = extract_references(ORDER_78_PREAMBLE, "rus")
    assert [r.path for r in refs] == [(("article", "7"), ("point", "3")),
                                      (("article", "16"), ("paragraph", "3"), ("point", "2"))]
    law, stats = (r.act for r in refs)
    assert (law.kind, law.title, law.date) == ("law", "О государственных услугах", dt.date(2013, 4, 15))
    assert (stats.title, stats.date) == ("О государственной статистике", dt.date(2010, 3, 19))


def test_spans_are_exact_slices_of_the_text():
    for ref in extract_references(ORDER_78_PREAMBLE, "rus"):
        assert ORDER_78_PREAMBLE[ref.start:ref.end] == ref.raw
    assert extract_references(ORDER_78_PREAMBLE, "rus")[0].raw.startswith("подпунктом 3) статьи 7 Закона")


def test_order_52_preamble_in_kazakh_reads_outer_unit_first():
    (ref,) = extract_references(ORDER_52_PREAMBLE, "kaz")
    assert ref.path == (("article", "9-1"), ("point", "1"))
    assert (ref.act.kind, ref.act.title, ref.act.date) == (
        "law", "Мемлекеттік көрсетілетін қызметтер туралы", dt.date(2013, 4, 15))


def test_kazakh_internal_reference_to_this_law():
    (ref,) = extract_references("5) осы Заңның 15-бабында көзделген тәртіппен", "kaz")
    assert (ref.path, ref.act.scope, ref.raw) == ((("article", "15"),), "act", "осы Заңның 15-бабында")


def test_kazakh_list_of_points_gives_one_reference_per_point():
    refs = extract_references("осы бұйрықтың 3-тармағының 1), 2) және 3) тармақшаларында көзделген", "kaz")
    assert [r.path for r in refs] == [(("paragraph", "3"), ("point", n)) for n in "123"]
    assert {r.act.scope for r in refs} == {"body"}


def test_relative_reference_to_this_article():
    (ref,) = extract_references("в сроки, указанные в пункте 3 настоящей статьи, не подлежат", "rus")
    assert (ref.path, ref.act.scope) == ((("paragraph", "3"),), "article")


def test_points_8_and_3_are_not_read_as_smileys():
    refs = extract_references("подпунктами 3) и 8) пункта 8 настоящих Правил", "rus")
    assert [r.path for r in refs] == [(("paragraph", "8"), ("point", "3")), (("paragraph", "8"), ("point", "8"))]
    assert refs[0].act.scope == "document"


def test_code_and_order_are_external_acts_as_written():
    code, = extract_references("со статьей 134 Предпринимательского кодекса Республики Казахстан от "
                               "29 октября 2015 года (далее – Предпринимательский кодекс)", "rus")
    assert (code.act.kind, code.act.title, code.act.date) == ("code", "Предпринимательский кодекс",
                                                              dt.date(2015, 10, 29))
    order, = extract_references("Признать утратившим силу приказ Министра по делам государственной службы "
                                'Республики Казахстан от 16 февраля 2016 года № 35 "Об утверждении Правил"', "rus")
    assert (order.path, order.act.kind, order.act.number, order.act.date) == ((), "order", "35", dt.date(2016, 2, 16))


def test_kazakh_alias_parenthetical_does_not_break_the_reference():
    (ref,) = extract_references('"Мемлекеттік көрсетілетін қызметтер туралы" Қазақстан Республикасы Заңының '
                                "(бұдан әрі – Заң) 9-1-бабы 1-тармақшасына сәйкес әзірленді", "kaz")
    assert ref.path == (("article", "9-1"), ("point", "1"))
    assert ref.act.title == "Мемлекеттік көрсетілетін қызметтер туралы"


def test_english_references():
    refs = extract_references("in the manner provided by Article 15 of this Law, specified in "
                              "paragraph 3 of this Article", "eng")
    assert [(r.path, r.act.scope) for r in refs] == [((("article", "15"),), "act"),
                                                     ((("paragraph", "3"),), "article")]


def test_this_law_alone_names_no_unit_and_is_not_a_reference():
    assert extract_references("иные функции, предусмотренные настоящим Законом", "rus") == []
