"""Applying amending acts' own instructions (DESIGN §4, last bullets): Law 484-V item 8 (Russian), Laws 272-VI
item 31 and 141-VII item 48 (Russian and Kazakh), each checked word for word against the official edition after it."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from consolidator import apply_act, instructions_for, version_at
from consolidator.amending import InstructionError, amending_text
from consolidator.errors import ZanlexError
from consolidator.events import events_for_work

WORK = "law-88-V"
ART_19_1 = "chp_4__art_19-1"
SHARED = Path(__file__).resolve().parents[2] / "shared"


def test_item_8_of_484_v_yields_exactly_the_four_instructions_for_law_88_v(corpus_dir):
    ins = instructions_for(corpus_dir, "484-V", WORK)
    assert [(i.action, i.target, i.inserts, i.part) for i in ins] == [
        ("replace", (("article", "13"), ("paragraph", "1"), ("part", "3")), (), 3),   # "часть третью пункта 1 статьи 13"
        ("replace", (("article", "16"), ("paragraph", "1")), (), None),
        ("insert", (("article", "19"),), (("part", "2"),), 2),                         # "дополнить частью второй"
        ("insert", (), (("article", "19-1"),), None),
    ]
    assert [i.item for i in ins] == ["8"] * 4
    assert ins[1].new_text.startswith("1. Для организации деятельности услугодателей")
    assert ins[3].source.endswith("corpus/amending/484-V/rus.txt:58")


def test_the_amending_text_is_the_sample_unchanged_and_its_missing_header_is_recorded(corpus_dir):
    text = amending_text(corpus_dir, "484-V")
    assert text.header_missing
    assert not text.lines[0].startswith("Закон")       # the copy starts with its title
    sample = SHARED / "samples" / "amending-law-484-V-2016-04-06.rus.txt"
    if not sample.exists():
        pytest.skip("../shared/samples is not beside this checkout")
    assert text.path.read_bytes() == sample.read_bytes()


@pytest.mark.parametrize("act", ["272-VI", "141-VII"])
@pytest.mark.parametrize("lang", ["rus", "kaz"])
def test_the_amending_texts_are_the_shared_sources_unchanged(corpus_dir, act, lang):
    source = SHARED / "sources" / "amending" / act / f"{lang}.md"
    if not source.exists():
        pytest.skip("../shared/sources is not beside this checkout")
    assert amending_text(corpus_dir, act, lang).path.read_bytes() == source.read_bytes()


def test_484_v_item_8_takes_effect_as_its_own_article_2_and_its_footnotes_say(corpus_dir):
    """Статья 2 of 484-V (30 days, item 8 not among the ten-day exceptions) agrees with the footnotes."""
    app = apply_act(corpus_dir, "484-V", WORK)
    cited = {e.effective for e in events_for_work(corpus_dir, WORK) if e.act.number == "484-V"}
    assert {(e.earliest, e.latest, e.exact) for e in cited} == {
        (app.effective.earliest, app.effective.latest, app.effective.exact)}
    assert app.effective.earliest == date(2016, 5, 7) and not app.effective.exact


@pytest.mark.parametrize("act,lang,count", [("272-VI", "rus", 81), ("272-VI", "kaz", 81), ("141-VII", "rus", 38),
                                            ("141-VII", "kaz", 44)])
def test_every_instruction_of_the_items_is_read(corpus_dir, act, lang, count):
    """Numbered instructions, scope lines ("в статье 5:", "2-тармақта:"), several units in one phrase
    ("подпункты 8) и 10)", "8) және 10) тармақшалар") and two actions joined in one Kazakh clause."""
    assert len(instructions_for(corpus_dir, act, WORK, lang)) == count


def test_kazakh_instructions_name_the_same_provisions_as_the_russian(corpus_dir):
    rus = [(i.action, i.targets) for i in instructions_for(corpus_dir, "272-VI", WORK, "rus")
           if i.action in ("replace", "insert", "repeal")]
    kaz = [(i.action, i.targets) for i in instructions_for(corpus_dir, "272-VI", WORK, "kaz")
           if i.action in ("replace", "insert", "repeal")]
    assert rus == kaz


def test_272_vi_and_141_vii_take_effect_ten_days_after_publication_their_items_not_excepted(corpus_dir):
    for act in ("272-VI", "141-VII"):
        for lang in ("rus", "kaz"):
            app = apply_act(corpus_dir, act, WORK, lang)
            day = {"272-VI": date(2019, 12, 6), "141-VII": date(2022, 7, 25)}[act]
            assert app.effective.earliest == day and not app.effective.exact


@pytest.mark.parametrize("act", ["272-VI", "141-VII"])
@pytest.mark.parametrize("lang", ["rus", "kaz"])
def test_applying_the_act_reproduces_the_next_edition_for_at_least_95_percent_of_its_instructions(corpus_dir, act,
                                                                                                   lang):
    app = apply_act(corpus_dir, act, WORK, lang)
    checked = [c for c in app.checks if c.verdict in ("equal", "differs")]
    assert len(checked) >= 30
    assert app.agreement >= 0.95, [(c.instruction, c.note) for c in app.checks if c.verdict == "differs"]


def test_the_kazakh_2022_edition_repeals_art_9_p_12_3_which_141_vii_restates_and_the_check_says_so(corpus_dir):
    """The Kazakh text of 141-VII says "12-3) тармақша мынадай редакцияда жазылсын"; the official Kazakh edition
    of 2022-07-14 prints "12-3) алып тасталды … 141-VII". The Russian edition restates it."""
    kaz = apply_act(corpus_dir, "141-VII", WORK, "kaz")
    bad = [c for c in kaz.checks if "chp_2__art_9__point_12-3" in c.eids]
    assert bad and bad[0].verdict == "differs" and "removed in the edition" in bad[0].note
    rus = apply_act(corpus_dir, "141-VII", WORK, "rus")
    assert [c.verdict for c in rus.checks if "chp_2__art_9__point_12-3" in c.eids] == ["equal"]


def test_art_22_as_272_vi_gives_it_in_kazakh_equals_the_2021_edition(corpus_dir):
    app = apply_act(corpus_dir, "272-VI", WORK, "kaz")
    art22 = app.wording("chp_4__art_22")
    assert art22.wording.heading == "Мемлекеттік қызметтер көрсету процестерін оңтайландыру" and not art22.partial
    assert next(c for c in app.checks if "chp_4__art_22" in c.eids).verdict == "equal"


def test_words_are_replaced_as_whole_words_and_a_capitalised_heading_stays_capitalised(corpus_dir):
    """272-VI 15): "слово «стандарт» заменить" must not touch "стандарта"; 11): the chapter heading is in capitals."""
    app = apply_act(corpus_dir, "272-VI", WORK, "rus")
    heading = app.wording("chp_3").wording.heading
    assert heading.isupper() and "ПОДЗАКОННЫЙ НОРМАТИВНЫЙ ПРАВОВОЙ АКТ" in heading
    para2 = " ".join(app.wording("chp_3__art_15__para_2").wording.text)
    assert "стандарт" not in para2


def test_484_v_gives_art_19_1_and_the_2018_edition_agrees_word_for_word(corpus_dir):
    app = apply_act(corpus_dir, "484-V", WORK)
    checks = {c.instruction: c for c in app.checks}
    assert checks["484-V item 8, 4)"].verdict == "equal"
    assert {w.eid for w in app.wordings} >= {ART_19_1, f"{ART_19_1}__para_2__point_5"}
    v = version_at(corpus_dir, WORK, date(2017, 1, 1), "rus")
    points = [p for p in v.existing() if p.parent == f"{ART_19_1}__para_2"]
    assert [p.num for p in points] == ["1)", "2)", "3)", "4)", "5)"]    # 6) comes with 96-VII only


def test_a_part_replaced_where_the_wording_before_is_unknown_is_partial_not_invented(tmp_path, corpus_dir):
    """Without the editions, the Russian wording of Art. 13 p. 1 before 484-V is in no source: only the part the
    act gives is known."""
    copy = tmp_path / "corpus"
    shutil.copytree(corpus_dir, copy)
    toml = copy / "works" / WORK / "work.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text[:text.index("[[editions]]")], encoding="utf-8")
    v = version_at(copy, WORK, date(2017, 1, 1), "rus")
    p = v.provision("chp_3__art_13__para_1")
    assert p.partial and p.reason == "derived_partial" and p.wording_source == "484-V item 8, 1)"
    assert p.text == ["Стандарт государственной услуги разрабатывается и утверждается в течение трех месяцев "
                      "со дня утверждения реестра государственных услуг или внесения дополнений в него."]
    assert v.coverage == pytest.approx(sum(q.reason in (None, "derived") for q in v.existing()) / len(v.existing()))


def test_zanlex_apply_json_has_instructions_wordings_checks_and_agreement(corpus_dir, monkeypatch, capsys):
    import cli
    from cli import zanlex

    res = CliRunner().invoke(zanlex, ["apply", "272-VI", "--work", WORK, "--lang", "kaz", "--json"],
                             catch_exceptions=False)
    assert res.exit_code == 0
    out = json.loads(res.output)
    assert out["lang"] == "kaz" and len(out["instructions"]) == 81 and out["agreement"] >= 0.95
    assert any(c["verdict"] == "equal" and "chp_4__art_22" in c["eIds"] for c in out["checks"])
    monkeypatch.setattr("sys.argv", ["zanlex", "apply", "999-V", "--work", WORK])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and err.count("\n") == 1 and "unknown amending act '999-V'" in err


def _corpus_with_line(tmp_path, corpus_dir, rel: str, old: str, new: str):
    copy = tmp_path / "corpus"
    shutil.copytree(corpus_dir, copy)
    path = copy / "amending" / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return copy


def test_an_unknown_instruction_form_is_an_error_naming_file_and_line(tmp_path, corpus_dir):
    copy = _corpus_with_line(tmp_path, corpus_dir, "484-V/rus.txt", "2) пункт 1 статьи 16 изложить в следующей редакции:",
                             "2) пункт 1 статьи 16 приостановить в следующей редакции:")
    with pytest.raises(InstructionError) as err:
        instructions_for(copy, "484-V", WORK)
    assert str(err.value).startswith("corpus/amending/484-V/rus.txt:54:")
    assert "приостановить" in str(err.value)


def test_an_unknown_kazakh_instruction_form_is_an_error_naming_file_and_line(tmp_path, corpus_dir):
    copy = _corpus_with_line(tmp_path, corpus_dir, "272-VI/kaz.md", "6) тармақша алып тасталсын;",
                             "6) тармақша тоқтатылсын;")
    with pytest.raises(InstructionError, match=r"corpus/amending/272-VI/kaz\.md:\d+: .*тоқтатылсын"):
        instructions_for(copy, "272-VI", WORK, "kaz")


def test_an_unknown_ordinal_is_an_error_not_a_guess(tmp_path, corpus_dir):
    copy = _corpus_with_line(tmp_path, corpus_dir, "484-V/rus.txt", "часть третью пункта 1 статьи 13",
                             "часть тридцатую пункта 1 статьи 13")
    with pytest.raises(InstructionError, match=r"rus\.txt:52: unknown ordinal 'тридцатую'"):
        instructions_for(copy, "484-V", WORK)


def test_an_act_without_a_text_in_the_corpus_says_so(corpus_dir):
    with pytest.raises(ZanlexError, match="no text of it"):
        instructions_for(corpus_dir, "239-V", WORK)


@pytest.mark.parametrize("name", ["consolidator.instructions", "consolidator.grammar.instructions",
                                  "consolidator.applying"])
def test_docstring_examples(name):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_kazakh_respectively_replaces_each_word_where_it_is(corpus_dir):
    """272-VI 6): "11) және 12) тармақшалардағы «A» және «B» деген сөздер тиісінше «C» және «D» деген сөздермен
    ауыстырылсын": each point has one of the two, and each is replaced by its counterpart."""
    app = apply_act(corpus_dir, "272-VI", WORK, "kaz")
    check = next(c for c in app.checks if "chp_2__art_9__point_11" in c.eids)
    assert set(check.eids) == {"chp_2__art_9__point_11", "chp_2__art_9__point_12"} and check.verdict == "equal"


def test_a_second_list_of_points_keeps_its_own_introduction(corpus_dir):
    """Art. 5 p. 2 has two lists; "Услугодатели не вправе требовать …:" opens the second, it is not the last
    words of point 14) of the first — so 141-VII's new point 14) equals the 2022 edition."""
    from akn_schema.corpus import Corpus

    act = Corpus.open(corpus_dir).act(WORK, "rus")
    para = next(p for p in act.walk() if p.eid == "chp_1__art_5__para_2")
    kinds = [c.kind for c in para.children]
    assert kinds.count("hcontainer") == 1 and kinds.index("hcontainer") == kinds.index("point") + 14
    rus = apply_act(corpus_dir, "141-VII", WORK, "rus")
    assert next(c for c in rus.checks if "chp_1__art_5__para_2__point_14" in c.eids).verdict == "equal"


def test_an_unseen_kazakh_amending_act_is_read_and_applied(tmp_path, corpus_dir):
    """A one-law Kazakh act (tests/fixtures/kaz-amending-act, written in the forms of real ones) applied to the
    2024 Kazakh edition: every form it uses is understood, and each derived wording is what it says."""
    copy = tmp_path / "corpus"
    shutil.copytree(corpus_dir, copy)
    folder = copy / "amending" / "900-VIII"
    folder.mkdir()
    shutil.copy(Path(__file__).parent / "fixtures" / "kaz-amending-act" / "kaz.md", folder / "kaz.md")
    (folder / "act.toml").write_text('type = "law"\nnumber = "900-VIII"\ndate = 2025-03-14\n'
                                     'uri = "/akn/kz/act/2025-03-14/900-VIII"\n[texts.kaz]\nfile = "kaz.md"\n'
                                     '[[amends]]\nwork = "law-88-V"\nlang = "kaz"\n', encoding="utf-8")
    registry = copy / "amending-acts.toml"
    registry.write_text(registry.read_text(encoding="utf-8") + '\n[[act]]\ntype = "law"\nnumber = "900-VIII"\n'
                        'date = 2025-03-14\nuri = "/akn/kz/act/2025-03-14/900-VIII"\n'
                        'text = "amending/900-VIII/act.toml"\n', encoding="utf-8")
    app = apply_act(copy, "900-VIII", WORK, "kaz")
    assert app.effective.earliest == date(2025, 3, 25) and not app.notes
    assert [i.action for i in app.instructions] == ["replace", "substitute", "insert", "insert_words", "insert",
                                                    "delete_words", "insert_words", "repeal", "substitute"]
    words = {w.eid: w for w in app.wordings}
    assert words["chp_1__art_4__para_1__point_2"].wording.text == ("мемлекеттік көрсетілетін қызметті цифрлық "
                                                                   "нысанда алуға;",)
    assert "Мемлекеттік корпорация мен көрсетілетін қызметті берушілердің қызметін" in \
        words["chp_2__art_9__point_12-1"].wording.text[0]
    assert words["chp_2__art_9__point_12-5"].wording.text == ("мемлекеттік көрсетілетін қызметтердің тізілімін "
                                                              "жүргізеді;",)
    assert "он жұмыс күні, бірақ күнтізбелік он бес күннен кем емес мерзім ішінде" in \
        words["chp_3__art_15__para_3"].wording.text[0]
    assert words["chp_4__art_20__para_1"].wording.text[1] == ("Мемлекеттік корпорация қабылданған құжаттардың "
                                                              "тізімдемесін көрсетілетін қызметті алушыға береді.")
    six = words["chp_4__art_20__para_6"].wording.text[0]
    assert "келісімін алуға міндетті" not in six and "пайдалануға жазбаша" in six
    assert words["chp_2__art_8__point_6"].state == "removed"
    # "бүкіл мәтін бойынша": wherever the words stand as words (not "…органмен", another form), a capital kept
    throughout = {w.eid: " ".join(w.wording.text) for w in app.wordings if w.instruction.num == "6)"}
    assert set(throughout) == {"chp_1__art_5__para_2__point_11", "chp_2__art_9", "chp_2__art_11-1__para_4__point_3-1"}
    assert throughout["chp_2__art_9"] == "Цифрлық даму саласындағы уәкілетті орган:"
    assert all("ақпараттандыру саласындағы уәкілетті орган " not in t for t in throughout.values())
    v = version_at(copy, WORK, date(2025, 6, 1), "kaz")
    assert v.provision("chp_2__art_9__point_12-5").reason == "derived"
    assert v.provision("chp_2__art_8__point_6").status == "repealed"


def test_a_text_in_a_language_without_an_instruction_grammar_breaks_nothing_and_is_reported(tmp_path, corpus_dir):
    """An English text of 141-VII beside the Russian and Kazakh ones: versions in every language still work;
    the audit says the English text is not applied."""
    from consolidator.audit import consolidation_audits

    copy = tmp_path / "corpus"
    shutil.copytree(corpus_dir, copy)
    folder = copy / "amending" / "141-VII"
    (folder / "eng.txt").write_text("On amendments …\n\n48. To the Law … «On state services»:\n", encoding="utf-8")
    toml = folder / "act.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        '[[amends]]', '[texts.eng]\nfile = "eng.txt"\n\n[[amends]]', 1) +
        '\n[[amends]]\nwork = "law-88-V"\nlang = "eng"\nitem = "48"\n', encoding="utf-8")
    for lang in ("rus", "kaz", "eng"):
        assert version_at(copy, WORK, date(2023, 1, 1), lang).provision("chp_4__art_22").status == "in_force"
    found = [f for f in consolidation_audits(copy) if f.code == "no_instruction_grammar"]
    assert [f.details["lang"] for f in found] == ["eng"]


def test_a_work_without_a_title_in_the_items_language_is_a_config_error_naming_its_work_toml(tmp_path, corpus_dir):
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir, corpus)
    toml = corpus / "works" / "law-88-V" / "work.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text("\n".join(ln for ln in text.splitlines() if not ln.startswith("rus = \"О ")) + "\n",
                    encoding="utf-8")
    with pytest.raises(ZanlexError, match=r"works/law-88-V/work\.toml: \[titles\] gives no rus title, which is "
                                          r"needed to find the item of .*484-V.* addressed to law-88-V"):
        instructions_for(corpus, "484-V", WORK)
