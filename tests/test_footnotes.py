"""The footnote grammar, as specifications of what each footnote says."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consolidator.acts import AmendingAct
from consolidator.effective import effective_date
from consolidator.errors import FootnoteError
from consolidator.footnotes import EntryIntoForce, parse_footnote, parse_repeal_note, parse_rule
from consolidator.grammar import registry

TEN = "вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования"


def test_article_amended_by_several_laws_keeps_each_act_and_rule():
    fn = parse_footnote(f"Сноска. Статья 4 с изменениями, внесенными законами РК от 17.11.2015 № 408-V "
                        f"(вводится в действие с 01.03.2016); от 25.11.2019 № 272-VI ({TEN}).", "rus")
    assert [(c.kind, c.path, c.act.number) for c in fn.clauses] == [
        ("amended", (("article", "4"),), "408-V"), ("amended", (("article", "4"),), "272-VI")]
    assert fn.clauses[0].act.rule == EntryIntoForce("date", on=date(2016, 3, 1), text="вводится в действие с 01.03.2016")
    assert (fn.clauses[1].act.rule.kind, fn.clauses[1].act.rule.days) == ("after_publication", 10)


def test_inserted_article_then_amended_targets_the_inserted_article():
    fn = parse_footnote("Сноска. Глава 4 дополнена статьей 21-1 в соответствии с Законом РК от 25.11.2019 "
                        f"№ 272-VI ({TEN}); в редакции Закона РК от 14.07.2022 № 141-VII ({TEN}).", "rus")
    assert [(c.kind, c.path) for c in fn.clauses] == [
        ("inserted", (("chapter", "4"), ("article", "21-1"))),
        ("new_wording", (("chapter", "4"), ("article", "21-1")))]


def test_heading_footnote_split_over_lines_and_in_bold():
    text = ("**Сноска. Заголовок статьи 15 - в редакции Закона РК от 25.11.2019 № 272-VI (вводится в действие "
            "по истечении десяти календарных дней после дня его первого\nофициального опубликования).**")
    (clause,) = parse_footnote(text, "rus").clauses
    assert (clause.kind, clause.path, clause.act.rule.days) == ("heading_changed", (("article", "15"),), 10)


def test_order_footnote_names_issuing_body_and_markdown_link_number():
    (clause,) = parse_footnote(
        "Сноска. Параграф § 1 дополнен пунктом 6-1 в соответствии с приказом Председателя Агентства РК по "
        "делам государственной службы и противодействию коррупции от 29.08.2018 [№ 213](#) "
        f"({TEN}).", "rus").clauses
    assert clause.kind == "inserted"
    assert clause.path == (("subchapter", "1"), ("paragraph", "6-1"))
    assert (clause.act.act_type, clause.act.number) == ("order", "213")
    assert clause.act.body.startswith("Председателя Агентства")


def test_kazakh_rules_restated_by_order():
    (clause,) = parse_footnote(
        "Ескерту. Қағидалар жаңа редакцияда – ҚР Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі "
        "министрінің 01.04.2024 № 189/НҚ (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн "
        "өткен соң қолданысқа енгізіледі) бұйрығымен.", "kaz").clauses
    assert (clause.kind, clause.path, clause.act.act_type, clause.act.number) == (
        "new_wording", (("attachment", ""),), "order", "189/НҚ")
    assert clause.act.rule.days == 10


def test_english_footnote_with_capitalised_phrase():
    (clause,) = parse_footnote(
        "Footnote. Article 10 As amended by the Law of the Republic of Kazakhstan dated 29.09.2014 No. 239-V "
        "(shall be enforced upon expiry of ten calendar days after its first official publication).", "eng").clauses
    assert (clause.kind, clause.path, clause.act.number, clause.act.rule.days) == (
        "amended", (("article", "10"),), "239-V", 10)


def test_inline_repeal_note_in_bold():
    (clause,) = parse_repeal_note(f"**исключен Законом РК от 14.07.2022 № 141-VII ({TEN});**", "rus",
                                  (("article", "1"), ("point", "16")))
    assert (clause.kind, clause.act.number) == ("repealed", "141-VII")


def test_kazakh_not_before_clause_takes_the_later_date():
    rule = parse_rule("Осы бұйрық оның алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң, "
                      "бірақ 2016 жылдың 1 наурызынан бұрын емес қолданысқа енгізіледі.", registry("kaz"))
    assert (rule.days, rule.not_before) == (10, date(2016, 3, 1))
    order52 = AmendingAct("order", "52", date(2016, 1, 22), "/akn/kz/act/order/2016-01-22/52")
    eff = effective_date(rule, order52, {"order": 90})
    # +10+1 from 22.01.2016 is 02.02.2016 at the earliest: "not before 1 March" wins
    assert eff.earliest == date(2016, 3, 1)
    assert not eff.exact and eff.latest == date(2016, 1, 22) + timedelta(days=101)


@pytest.mark.parametrize("text", [
    "Сноска. Статья 5 приостановлена Законом РК от 17.11.2015 № 408-V (вводится в действие с 01.03.2016).",
    "Сноска. Статья 5 с изменениями, внесенными законами РК от 17.11.2015 № 408-V (вводится в действие когда-нибудь).",
    "Сноска. Раздел 5 исключен Законом РК от 17.11.2015 № 408-V (вводится в действие с 01.03.2016).",
    "Сноска. Статья 5 с изменениями, внесенными законами РК.",
])
def test_unknown_footnote_form_is_an_error_naming_file_and_line(text):
    with pytest.raises(FootnoteError, match=r"^corpus/x\.txt:77: "):
        parse_footnote(text, "rus", "corpus/x.txt", 77)


@given(st.lists(st.tuples(st.dates(date(2000, 1, 1), date(2030, 12, 31)), st.integers(1, 999),
                          st.sampled_from([("десяти", 10), ("тридцати", 30), ("шестидесяти", 60)])),
                min_size=1, max_size=6))
def test_any_list_of_laws_in_any_order_yields_one_clause_each(acts):
    cites = "; ".join(
        f"от {d:%d.%m.%Y} № {n}-V (вводится в действие по истечении {w} календарных дней после дня его "
        "первого официального опубликования)" for d, n, (w, _) in acts)
    fn = parse_footnote(f"Сноска. Статья 7 с изменениями, внесенными законами РК {cites}.", "rus")
    assert [(c.act.date, c.act.number, c.act.rule.days) for c in fn.clauses] == [
        (d, f"{n}-V", days) for d, n, (_, days) in acts]


def _corpus_footnotes(corpus_dir):
    """Footnote starts in the raw texts: the parser must find each of them as a note."""
    for path in sorted((corpus_dir / "works").glob("*/*.txt")):
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(r"^\s*\**\s*(Сноска|Ескерту|Footnote)\.", line):
                yield path, i


def test_every_footnote_in_the_corpus_is_parsed_as_a_note_and_recognised(corpus_dir):
    from akn_schema.corpus import Corpus
    from consolidator.events import events_for_work

    expected = {(p.parent.name, p.stem, i) for p, i in _corpus_footnotes(corpus_dir)}
    assert len([e for e in expected if e[:2] == ("law-88-V", "rus")]) == 34
    assert len([e for e in expected if e[0] == "order-78"]) == 30
    found = set()
    corpus = Corpus.open(corpus_dir)
    for work in ("law-88-V", "order-78", "order-52"):
        for lang in corpus.work(work).texts:
            act = corpus.act(work, lang)
            for note in act.notes:
                fn = parse_footnote(note.text, lang, act.path, note.line)    # raises if unknown
                assert fn.clauses
                found.add((work, lang, note.line))
        events = events_for_work(corpus_dir, work)
        for key in [e for e in expected if e[0] == work]:
            src = f"corpus/works/{key[0]}/{key[1]}.txt:{key[2]}"
            assert any(src in ev.sources for ev in events), f"no event from {src}"
    assert expected == found


def test_every_footnote_of_every_official_edition_is_understood_and_recorded(corpus_dir):
    """Each "Сноска." / "Ескерту." of the editions (quoted or not) becomes events; an unknown form would raise."""
    from akn_schema.corpus import Corpus
    from consolidator.events import events_for_work

    corpus = Corpus.open(corpus_dir)
    work = corpus.work("law-88-V")
    sources = {s for e in events_for_work(corpus, "law-88-V") for s in e.sources}
    for edition in work.editions:
        for lang, src in edition.texts.items():
            lines = src.path.read_text(encoding="utf-8").splitlines()
            starts = [i for i, line in enumerate(lines, 1)
                      if re.match(r"^\s*>?\s*\*?(Сноска|Ескерту)\.", line)]
            assert len(starts) >= 26, (src.path, len(starts))
            rel = f"corpus/works/law-88-V/editions/{edition.label}/{lang}.md"
            assert all(f"{rel}:{i}" in sources for i in starts), rel


@pytest.mark.parametrize("text,lang,expected", [
    # the Kazakh list form: one act type closes the list, "- ҚР" after the kind, a missing bracket
    ("Ескерту. 7-бапқа өзгерістер енгізілді - ҚР 23.11.2015 № 417-V (алғашқы ресми жарияланған күнінен кейін "
     "күнтізбелік он күн өткен соң қолданысқа енгізіледі); 02.11.2015 № 384-V 01.01.2016 бастап қолданысқа "
     "енгізіледі) заңдарымен.", "kaz", [("amended", "417-V", "law"), ("amended", "384-V", "law")]),
    ("Ескерту. Заң 21-1-баппен толықтырылды - ҚР 25.11.2019 № 272-VI (алғашқы ресми жарияланған күнінен кейін "
     "күнтізбелік он күн өткен соң қолданысқа енгізіледі) Заңымен.", "kaz", [("inserted", "272-VI", "law")]),
    ("Сноска. Закон дополнен статьей 27-1 в соответствии с Законом РК от 06.04.2024 № 71-VIII (вводится в действие "
     "по истечении шестидесяти календарных дней после дня его первого официального опубликования).", "rus",
     [("inserted", "71-VIII", "law")]),
    ("Сноска. Статья 22 в редакции законов РК от 25.11.2019 № 272-VI (вводится в действие по истечении десяти "
     "календарных дней после дня его первого официального опубликования); от 14.07.2022 № 141-VII (вводится в "
     "действие по истечении десяти календарных дней после дня его первого официального опубликования).", "rus",
     [("new_wording", "272-VI", "law"), ("new_wording", "141-VII", "law")]),
    # a Cyrillic "І" in a Roman numeral is the act's Latin number
    ("Сноска. Статья 11-1 с изменениями, внесенными Законом РК от 02.04.2019 № 241-VІ (вводится в действие с "
     "01.07.2019).", "rus", [("amended", "241-VI", "law")]),
])
def test_edition_footnote_forms(text, lang, expected):
    fn = parse_footnote(text, lang)
    assert [(c.kind, c.act.number, c.act.act_type) for c in fn.clauses] == expected
