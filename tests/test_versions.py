"""Point-in-time versions: what the law was on a date, in a language."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from akn_schema.validate import validate_xml
from consolidator import diff_html, version_at, version_diff, version_xml, word_diff

LANGS = ("rus", "kaz", "eng")


def _run(*args):
    from cli import zanlex
    return CliRunner().invoke(zanlex, list(args), catch_exceptions=False)


@pytest.mark.parametrize("lang", LANGS)
def test_art_9_1_does_not_exist_on_2016_02_29_and_is_in_force_on_2016_03_01(corpus_dir, lang):
    assert version_at(corpus_dir, "law-88-V", date(2016, 2, 29), lang).provision("chp_2__art_9-1").status == "not_yet"
    assert version_at(corpus_dir, "law-88-V", date(2016, 3, 1), lang).provision("chp_2__art_9-1").status == "in_force"


@pytest.mark.parametrize("lang", LANGS)
def test_arts_16_and_17_in_force_in_2018_as_the_2018_edition_gives_them_and_repealed_in_2021(corpus_dir, lang):
    v2018 = version_at(corpus_dir, "law-88-V", date(2018, 6, 1), lang)
    v2021 = version_at(corpus_dir, "law-88-V", date(2021, 6, 1), lang)
    for art in ("chp_3__art_16", "chp_3__art_17"):
        p = v2018.provision(art)
        assert p.status == "in_force"
        if lang == "eng":                                   # no English edition: borrowed, and labelled
            assert p.reason == "other_language" and "not in the corpus" in p.note
        else:
            assert p.reason is None and p.wording_lang == lang
            assert p.evidence.kind == "edition" and p.evidence.label == f"{lang}@2018-06-13"
        assert v2021.provision(art).status == "repealed"


def test_art_17_p_4_in_2017_reads_as_the_2018_edition_never_as_the_2013_wording(corpus_dir):
    """408-V replaced the population service centre (ЦОН) by the State Corporation from 01.03.2016; Art. 17's
    footnote in the current text says only "исключена", but the 2018 edition records 408-V."""
    for lang, old, new in (("rus", "центр", "Государственной корпорацией"),
                           ("kaz", "халыққа қызмет көрсету орталығы", "Мемлекеттік корпорация")):
        p = version_at(corpus_dir, "law-88-V", date(2017, 1, 1), lang).provision("chp_3__art_17__point_4")
        assert p.status == "in_force" and p.reason is None
        assert new in p.text[0] and old not in p.text[0]
    before = version_at(corpus_dir, "law-88-V", date(2015, 1, 1), "kaz").provision("chp_3__art_17__point_4")
    assert "халыққа қызмет көрсету орталығы" in before.text[0] and before.reason is None


def test_without_the_editions_art_17_p_4_in_2017_is_uncertain_not_in_force_in_its_2013_wording(tmp_path, corpus_dir):
    """Only the seeds: the current text's "Статья 17 исключена" erased the footnote history before it, so the
    2013 wording may have been changed unrecorded before the repeal: uncertain."""
    copy = _without_editions(tmp_path, corpus_dir)
    p = version_at(copy, "law-88-V", date(2017, 1, 1), "kaz").provision("chp_3__art_17__point_4")
    assert p.status == "uncertain" and p.reason == "uncertain"
    assert "no later footnote history reaches back" in p.note


def _without_editions(tmp_path, corpus_dir):
    import shutil

    copy = tmp_path / "corpus"
    shutil.copytree(corpus_dir, copy)
    toml = copy / "works" / "law-88-V" / "work.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text[:text.index("[[editions]]")], encoding="utf-8")
    return copy


def test_art_22_in_kazakh_on_2020_03_01_is_the_272_vi_wording(corpus_dir):
    p = version_at(corpus_dir, "law-88-V", date(2020, 3, 1), "kaz").provision("chp_4__art_22")
    assert p.status == "in_force" and p.reason is None and p.wording_lang == "kaz"
    assert p.heading == "Мемлекеттік қызметтер көрсету процестерін оңтайландыру"
    assert p.text[0].startswith("Мемлекеттік қызметтер көрсету процестерін оңтайландыруды орталық")
    # and from 141-VII the reengineering wording; in 2019, before 272-VI, not the 2013 wording as plainly in force
    assert "реинжиниринг" in version_at(corpus_dir, "law-88-V", date(2023, 1, 1), "kaz").provision("chp_4__art_22").heading
    before = version_at(corpus_dir, "law-88-V", date(2019, 9, 1), "kaz").provision("chp_4__art_22")
    assert before.status == "uncertain"         # 241-VI (01.07.2019) came before 272-VI's restatement


def test_inline_repeals_of_hyphenated_points_are_events_and_the_points_are_repealed(corpus_dir):
    """"2-1) исключен Законом РК от 14.07.2022 № 141-VII" (Art. 6) and "8-1) исключен …" (Art. 9)."""
    from consolidator import events_for_work

    repealed = {e.target for e in events_for_work(corpus_dir, "law-88-V")
                if e.kind == "repealed" and e.act.number == "141-VII"}
    assert {"chp_2__art_6__point_2-1", "chp_2__art_9__point_8-1"} <= repealed
    for eid in ("chp_2__art_6__point_2-1", "chp_2__art_9__point_8-1"):
        assert version_at(corpus_dir, "law-88-V", date(2022, 7, 1), "rus").provision(eid).status == "in_force"
        assert version_at(corpus_dir, "law-88-V", date(2022, 9, 1), "rus").provision(eid).status == "repealed"


def test_the_range_3_to_9_is_listed_once_after_its_repeal(corpus_dir):
    v = version_at(corpus_dir, "law-88-V", date(2015, 1, 1), "rus")
    assert v.provision("chp_2__art_6__point_3to9").status == "repealed"
    assert all(v.provision(f"chp_2__art_6__point_{n}") is None for n in range(3, 10))
    before = version_at(corpus_dir, "law-88-V", date(2014, 6, 1), "rus")
    assert before.provision("chp_2__art_6__point_3to9") is None
    assert all(before.provision(f"chp_2__art_6__point_{n}").status == "in_force" for n in range(3, 10))


def test_on_the_day_of_entry_into_force_the_kazakh_original_is_shown_not_missing(corpus_dir):
    v = version_at(corpus_dir, "law-88-V", date(2013, 5, 16), "kaz")
    p = v.provision("chp_2__art_6")
    assert p.status == "uncertain" and p.wording_lang == "kaz" and p.text
    assert "not in the corpus" not in p.note and "enters into force" in p.note


def test_coverage_of_each_point_in_time_is_taken_on_a_day_of_that_version(corpus_dir):
    from consolidator import points_in_time

    points = points_in_time(corpus_dir, "law-88-V")
    for p, nxt in zip(points, points[1:], strict=False):
        assert p.effective.earliest <= p.on < nxt.effective.latest
        assert p.on < nxt.effective.earliest or p.on == p.effective.earliest
    # 417-V: in effect from 04.12.2015 at the latest by 03.01.2016, before 2016-01-01's acts
    row = next(p for p in points if any(e.act.number == "417-V" for e in p.events))
    assert row.on == date(2015, 12, 4)


@pytest.mark.parametrize("lang", ("rus", "kaz"))
@pytest.mark.parametrize("when", ["2018-07-24", "2019-01-01", "2020-01-05", "2020-08-05", "2021-02-12",
                                  "2021-06-01", "2022-03-31", "2022-08-24", "2022-10-03"])
def test_between_editions_2018_and_2022_at_least_95_percent_of_the_wording_is_proven(corpus_dir, lang, when):
    v = version_at(corpus_dir, "law-88-V", date.fromisoformat(when), lang)
    assert v.coverage >= 0.95, (when, lang, v.coverage)


def test_every_version_states_the_edition_it_is_checked_against(corpus_dir):
    v = version_at(corpus_dir, "law-88-V", date(2020, 3, 1), "kaz")
    assert v.edition.label == date(2018, 6, 13) and v.edition.lang == "kaz"
    assert v.edition.url == "https://zan.gov.kz/client/#!/doc/72060/kaz/13.06.2018"
    current = version_at(corpus_dir, "law-88-V", date(2025, 1, 1), "kaz")
    assert current.edition.label == date(2024, 7, 22) and current.coverage == 1.0
    # the current Kazakh text is Kazakh, from the 2024 edition
    assert all(p.wording_lang == "kaz" for p in current.existing())


@pytest.mark.parametrize("lang", LANGS)
def test_art_19_1_appears_only_after_484_v(corpus_dir, lang):
    before = version_at(corpus_dir, "law-88-V", date(2016, 5, 6), lang).provision("chp_4__art_19-1")
    window = version_at(corpus_dir, "law-88-V", date(2016, 5, 20), lang).provision("chp_4__art_19-1")
    after = version_at(corpus_dir, "law-88-V", date(2016, 6, 6), lang).provision("chp_4__art_19-1")
    assert before.status == "not_yet"       # 06.04.2016 + 30 + 1 = 07.05.2016 at the earliest
    assert window.status == "uncertain"     # publication date unknown: inside the window
    assert after.status == "in_force"


def test_art_6_points_3_to_9_removed_after_239_v(corpus_dir):
    before = version_at(corpus_dir, "law-88-V", date(2014, 6, 1), "kaz")
    after = version_at(corpus_dir, "law-88-V", date(2015, 1, 1), "kaz")
    for n in range(3, 10):
        eid = f"chp_2__art_6__point_{n}"
        assert before.provision(eid).status == "in_force" and before.provision(eid).wording_lang == "kaz"
    assert after.provision("chp_2__art_6__point_3to9").status == "repealed"
    assert after.provision("chp_2__art_6__point_2").status == "in_force"
    # between 239-V and 408-V the Kazakh wording of Art. 6 p. 1 is the 2013 one: the 2018 edition has the same
    # words, and the footnotes between name only the article
    p1 = after.provision("chp_2__art_6__point_1")
    assert p1.wording_lang == "kaz" and p1.reason is None


def test_on_2014_06_01_every_article_has_a_known_kazakh_wording(corpus_dir):
    v = version_at(corpus_dir, "law-88-V", date(2014, 6, 1), "kaz")
    articles = [p for p in v.existing() if p.kind == "article"]
    assert len(articles) >= 30
    assert all(p.wording_lang == "kaz" for p in articles)


def test_before_entry_into_force_nothing_is_in_force(corpus_dir):
    v = version_at(corpus_dir, "law-88-V", date(2013, 4, 20), "kaz")
    assert {p.status for p in v.provisions} == {"not_yet"}


def test_show_between_adoption_and_entry_into_force_says_the_law_is_not_yet_in_force(corpus_dir):
    # adopted 15.04.2013; in force 30 days after its publication, whose date the corpus does not give
    out = _run("show", "law-88-V", "--as-of", "2013-04-20", "--lang", "rus").output
    assert "not in force on 2013-04-20: the work enters into force not before 2013-05-16 (by 2013-06-15)" in out
    assert "coverage" not in out
    assert "coverage 100% in rus" in _run("show", "law-88-V", "--as-of", "2023-01-01", "--lang", "rus").output


def test_current_russian_text_covers_the_law_after_134_vii(corpus_dir):
    v = version_at(corpus_dir, "law-88-V", date(2023, 1, 1), "rus")
    assert v.coverage == 1.0
    assert v.provision("chp_4__art_21-1").wording_lang == "rus"


def test_order_78_point_6_1_exists_only_after_order_213(corpus_dir):
    eid = "att_1__chp_2__subchp_1__para_6-1"
    assert version_at(corpus_dir, "order-78", date(2018, 9, 1), "rus").provision(eid).status == "not_yet"
    assert version_at(corpus_dir, "order-78", date(2019, 1, 1), "rus").provision(eid).status == "in_force"


@pytest.mark.parametrize("work,when,lang", [("law-88-V", "2016-03-01", "rus"), ("law-88-V", "2014-06-01", "kaz"),
                                            ("law-88-V", "2015-01-01", "eng"), ("order-78", "2019-01-01", "rus"),
                                            ("order-52", "2024-12-01", "kaz")])
def test_every_emitted_expression_is_strictly_valid(corpus_dir, work, when, lang):
    v = version_at(corpus_dir, work, date.fromisoformat(when), lang)
    root = version_xml(corpus_dir, v)
    assert validate_xml(root) == []
    assert root.find(".//{*}FRBRExpression/{*}FRBRuri").get("value").endswith(f"/{lang}@{when}")


def test_show_json_lists_provisions_with_status_and_wording_language(corpus_dir):
    out = json.loads(_run("show", "law-88-V", "--as-of", "2016-03-01", "--lang", "kaz", "--format", "json").output)
    assert out["expression"] == "/akn/kz/act/2013-04-15/88-V/kaz@2016-03-01"
    p = next(p for p in out["provisions"] if p["eId"] == "chp_2__art_9-1")
    assert set(p) >= {"eId", "num", "heading", "status", "wording_lang", "text", "reason", "evidence"}
    assert p["status"] == "in_force" and p["wording_lang"] == "kaz" and p["reason"] is None
    assert p["evidence"]["edition"] == "2018-06-13"
    assert out["edition"]["label"] == "2018-06-13"


def test_show_text_labels_borrowed_and_missing_wordings(corpus_dir):
    out = _run("show", "law-88-V", "--as-of", "2018-06-01", "--lang", "eng").output
    assert "[wording in rus:" in out and "is not in the corpus" in out
    assert "checked against the rus edition of 2018-06-13" in out


@pytest.mark.parametrize("args,message", [
    (["show", "law-88-V", "--as-of", "2016-02-30", "--lang", "rus"], "bad date '2016-02-30'"),
    (["show", "law-88-V", "--as-of", "2016-03-01", "--lang", "deu"], "unknown language 'deu'"),
    (["show", "law-99", "--as-of", "2016-03-01", "--lang", "rus"], "unknown work 'law-99'"),
    (["diff", "law-88-V", "--from", "yesterday", "--to", "2016-03-01", "--lang", "rus"], "bad date 'yesterday'"),
])
def test_bad_input_is_one_line_error(args, message, capsys, monkeypatch):
    import sys

    import cli
    monkeypatch.setattr(sys, "argv", ["zanlex", *args])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and message in err and err.count("\n") == 1


def test_diff_shows_point_6_1_of_order_78_as_wholly_inserted_by_order_213(corpus_dir):
    diffs = {d.eid: d for d in version_diff(corpus_dir, "order-78", date(2018, 1, 1), date(2019, 1, 1), "rus")}
    new = diffs["att_1__chp_2__subchp_1__para_6-1"]
    assert new.before is None and all(op == 1 for op, _ in new.ops)


def test_word_diff_keeps_numbers_whole_and_html_escapes():
    ops = word_diff("подпункт 9-1 статьи", "подпункт 9-2 статьи")
    assert (-1, "9-1") in ops and (1, "9-2") in ops
    html = diff_html(word_diff("<script>", "x & y"))
    assert "<script>" not in html and "&lt;script&gt;" in html and 'class="zl-ins"' in html
    assert "style=" not in html


@pytest.mark.parametrize("lang", ("rus", "kaz"))
def test_without_the_2021_edition_the_versions_it_covers_contradict_it_nowhere(tmp_path, corpus_dir, lang):
    """Leave the official edition of 2021-01-02 out: on 2021-03-01 (399-VI in force, 96-VII not yet) every
    wording the version shows as proven is the edition's, and every provision the edition has is shown."""
    import shutil

    from akn_schema.corpus import Corpus
    from consolidator.wording import Wording

    copy = tmp_path / "corpus"
    shutil.copytree(corpus_dir, copy)
    toml = copy / "works" / "law-88-V" / "work.toml"
    head, *blocks = toml.read_text(encoding="utf-8").split("[[editions]]")
    toml.write_text(head + "".join("[[editions]]" + b for b in blocks if "label = 2021-01-02" not in b),
                    encoding="utf-8")
    full = Corpus.open(corpus_dir)
    edition = next(e for e in full.work("law-88-V").editions if str(e.label) == "2021-01-02")
    official = {p.eid: p for p in full.act("law-88-V", edition.texts[lang]).walk()}
    v = version_at(copy, "law-88-V", date(2021, 3, 1), lang)
    shown = {p.eid: p for p in v.existing()}
    assert {eid for eid, p in official.items() if p.status != "removed"} <= set(shown)
    proven = [p for p in shown.values() if p.reason in (None, "derived")]
    assert len(proven) >= 0.9 * len(shown)
    for p in proven:
        assert official[p.eid].status != "removed", p.eid
        assert Wording.of(official[p.eid]).key == Wording(p.num, p.heading, p.label, tuple(p.text),
                                                          tuple(p.wrap_up)).key, p.eid


def test_there_is_no_version_of_the_law_before_its_adoption_and_a_diff_runs_forward(corpus_dir):
    before = _run("show", "law-88-V", "--as-of", "2000-01-01", "--lang", "rus")
    assert before.exit_code == 2 and "law-88-V was adopted on 2013-04-15: it has no text on 2000-01-01" in before.output
    backwards = _run("diff", "law-88-V", "--from", "2020-01-01", "--to", "2016-01-01", "--lang", "rus")
    assert backwards.exit_code == 2 and "--to 2016-01-01 is before --from 2020-01-01" in backwards.output
    assert _run("show", "law-88-V", "--as-of", "2013-04-15", "--lang", "kaz").exit_code == 0
