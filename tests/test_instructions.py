"""Applying Law 484-V's own instructions (item 8 of Article 1) to Law 88-V (DESIGN §4, last bullet)."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest
from click.testing import CliRunner

from consolidator import apply_act, check_application, instructions_for, version_at
from consolidator.errors import ZanlexError
from consolidator.events import events_for_work
from consolidator.instructions import InstructionError, amending_text

WORK = "law-88-V"
ART_19_1 = "chp_4__art_19-1"


def test_item_8_of_484_v_yields_exactly_the_four_instructions_for_law_88_v(corpus_dir):
    ins = instructions_for(corpus_dir, "484-V", WORK)
    assert [(i.action, i.target, i.part) for i in ins] == [
        ("replace", (("article", "13"), ("paragraph", "1")), 3),      # "часть третью пункта 1 статьи 13"
        ("replace", (("article", "16"), ("paragraph", "1")), None),
        ("insert", (("article", "19"),), 2),                            # "дополнить частью второй"
        ("insert", (("article", "19-1"),), None),
    ]
    assert [i.item for i in ins] == ["8"] * 4
    assert ins[1].new_text.startswith("1. Для организации деятельности услугодателей")
    assert ins[3].source.endswith("corpus/amending/484-V/rus.txt:58")


def test_the_amending_text_is_the_sample_unchanged_and_its_missing_header_is_recorded(corpus_dir):
    text = amending_text(corpus_dir, "484-V")
    assert text.header_missing
    assert not text.lines[0].startswith("Закон")       # the copy starts with its title
    sample = "/work/shared/samples/amending-law-484-V-2016-04-06.rus.txt"
    try:
        with open(sample, "rb") as fh:
            assert text.path.read_bytes() == fh.read()
    except FileNotFoundError:
        pytest.skip("the shared sample is not on this machine")


def test_484_v_item_8_takes_effect_as_its_footnotes_say(corpus_dir):
    """Статья 2 of 484-V (30 days, item 8 not among the ten-day exceptions) agrees with the footnotes."""
    app = apply_act(corpus_dir, "484-V", WORK)
    cited = {e.effective for e in events_for_work(corpus_dir, WORK) if e.act.number == "484-V"}
    assert {(e.earliest, e.latest, e.exact) for e in cited} == {
        (app.effective.earliest, app.effective.latest, app.effective.exact)}
    assert app.effective.earliest == date(2016, 5, 7) and not app.effective.exact


def test_art_19_1_after_484_v_and_before_96_vii_has_a_russian_wording_derived_from_484_v(corpus_dir):
    v = version_at(corpus_dir, WORK, date(2017, 1, 1), "rus")
    art = v.provision(ART_19_1)
    assert art.status == "in_force" and art.wording_lang == "rus" and not art.partial
    assert art.wording_source == "484-V item 8, 4)"
    assert art.heading == "Отказ в оказании государственных услуг услугодателями"
    paras = [p for p in v.provisions if p.parent == ART_19_1]
    assert [p.eid for p in paras] == [f"{ART_19_1}__para_{n}" for n in range(1, 6)]
    points = [p for p in v.provisions if p.parent == f"{ART_19_1}__para_2"]
    assert [p.num for p in points] == ["1)", "2)", "3)", "4)", "5)"]    # 6) comes with 96-VII only
    assert all(p.wording_source == "484-V item 8, 4)" for p in paras + points)
    # before, its wording was in no text at all; from 96-VII the consolidated text is valid
    later = version_at(corpus_dir, WORK, date(2022, 4, 1), "rus")
    assert later.provision(f"{ART_19_1}__para_2__point_6").wording_lang == "rus"
    assert later.provision(ART_19_1).wording_source is None


def test_derived_art_19_1_matches_the_consolidated_text_where_96_vii_left_it_alone(corpus_dir):
    checks = {c.eid: c for c in check_application(corpus_dir, apply_act(corpus_dir, "484-V", WORK))}
    untouched = [ART_19_1] + [f"{ART_19_1}__para_{n}" for n in (1, 2, 3, 4, 5)] + \
                [f"{ART_19_1}__para_2__point_{n}" for n in range(1, 6)]
    for eid in untouched:
        assert checks[eid].equal, (eid, checks[eid].ops)
    added = checks[f"{ART_19_1}__para_2__point_6"]
    assert added.derived is None and [op for op, _ in added.ops] == [1]
    assert any("96-VII" in e for e in added.later_events)
    # every difference is explained by a later event on that provision
    assert all(c.explained for c in checks.values())
    # Art. 19 part 2 as 484-V gave it, then reworded by 272-VI: a word-level diff, not an equality
    art19 = checks["chp_4__art_19"]
    assert not art19.equal and (-1, "стандартом") in art19.ops and any("272-VI" in e for e in art19.later_events)


def test_art_16_p1_on_2017_01_01_reads_as_484_v_gave_it_and_the_2013_wording_is_no_longer_valid(corpus_dir):
    rus = version_at(corpus_dir, WORK, date(2017, 1, 1), "rus").provision("chp_3__art_16__para_1")
    assert rus.status == "in_force" and rus.wording_lang == "rus" and rus.wording_source == "484-V item 8, 2)"
    assert rus.text[0].startswith("Для организации деятельности услугодателей в течение тридцати календарных дней")
    kaz = version_at(corpus_dir, WORK, date(2017, 1, 1), "kaz").provision("chp_3__art_16__para_1")
    assert kaz.wording_lang == "rus"                        # the Kazakh 2013 wording is not shown as valid
    assert "kaz wording valid on 2017-01-01 is not in the corpus" in kaz.note
    # before 484-V the Kazakh original is still the law
    before = version_at(corpus_dir, WORK, date(2016, 5, 1), "kaz").provision("chp_3__art_16__para_1")
    assert before.wording_lang == "kaz" and before.wording_source is None
    # and Art. 16 is repealed by 272-VI all the same
    assert version_at(corpus_dir, WORK, date(2021, 6, 1), "rus").provision("chp_3__art_16").status == "repealed"


def test_replacing_a_part_of_a_paragraph_whose_other_parts_are_unknown_is_partial_not_invented(corpus_dir):
    v = version_at(corpus_dir, WORK, date(2017, 1, 1), "rus")
    p = v.provision("chp_3__art_13__para_1")
    assert p.partial and p.wording_lang == "rus" and p.wording_source == "484-V item 8, 1)"
    assert p.text == ["Стандарт государственной услуги разрабатывается и утверждается в течение трех месяцев "
                      "со дня утверждения реестра государственных услуг или внесения дополнений в него."]
    assert "only part 3" in p.note and "not in the corpus" in p.note
    assert "eng wording valid then has 3 part(s)" in p.note     # the target part exists in English
    # a partial wording does not count as known
    same = [q for q in v.existing() if q.wording_lang == "rus" and not q.partial]
    assert v.coverage == pytest.approx(len(same) / len(v.existing()))
    art19 = v.provision("chp_4__art_19")
    assert art19.partial and art19.text[0].startswith("В случаях представления услугополучателем")


def test_zanlex_apply_prints_instructions_wordings_and_checks(corpus_dir, monkeypatch, capsys):
    import cli
    from cli import zanlex

    res = CliRunner().invoke(zanlex, ["apply", "484-V", "--work", WORK, "--json"], catch_exceptions=False)
    assert res.exit_code == 0
    out = json.loads(res.output)
    assert len(out["instructions"]) == 4
    assert {w["eId"] for w in out["wordings"] if not w["partial"]} >= {"chp_3__art_16__para_1", ART_19_1}
    assert any(c["eId"] == f"{ART_19_1}__para_4" and c["equal"] for c in out["checks"])
    monkeypatch.setattr("sys.argv", ["zanlex", "apply", "999-V", "--work", WORK])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and err.count("\n") == 1 and "unknown amending act '999-V'" in err


def _corpus_with_item_8_line(tmp_path, corpus_dir, old: str, new: str):
    copy = tmp_path / "corpus"
    shutil.copytree(corpus_dir, copy)
    path = copy / "amending" / "484-V" / "rus.txt"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return copy


def test_an_unknown_instruction_form_is_an_error_naming_file_and_line(tmp_path, corpus_dir):
    copy = _corpus_with_item_8_line(tmp_path, corpus_dir, "2) пункт 1 статьи 16 изложить в следующей редакции:",
                                    "2) пункт 1 статьи 16 приостановить в следующей редакции:")
    with pytest.raises(InstructionError) as err:
        instructions_for(copy, "484-V", WORK)
    assert str(err.value).startswith("corpus/amending/484-V/rus.txt:54:")
    assert "приостановить" in str(err.value)


def test_an_unknown_ordinal_is_an_error_not_a_guess(tmp_path, corpus_dir):
    copy = _corpus_with_item_8_line(tmp_path, corpus_dir, "часть третью пункта 1 статьи 13",
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
