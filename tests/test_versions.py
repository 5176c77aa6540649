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
def test_arts_16_and_17_in_force_in_2018_from_kazakh_or_english_and_repealed_in_2021(corpus_dir, lang):
    v2018 = version_at(corpus_dir, "law-88-V", date(2018, 6, 1), lang)
    v2021 = version_at(corpus_dir, "law-88-V", date(2021, 6, 1), lang)
    for art in ("chp_3__art_16", "chp_3__art_17"):
        p = v2018.provision(art)
        assert p.status == "in_force"
        assert p.wording_lang in ("kaz", "eng")
        assert p.wording_lang == lang or lang == "rus"          # Russian falls back, labelled
        if p.wording_lang != lang:
            assert "not in the corpus" in p.note
        assert v2021.provision(art).status == "repealed"


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
        assert after.provision(eid).status == "repealed"
    assert after.provision("chp_2__art_6__point_2").status == "in_force"
    # the English text (239-V included) gives the wording of Art. 6 between 239-V and 408-V
    assert after.provision("chp_2__art_6__point_1").wording_lang == "eng"


def test_on_2014_06_01_every_article_has_a_known_kazakh_wording(corpus_dir):
    v = version_at(corpus_dir, "law-88-V", date(2014, 6, 1), "kaz")
    articles = [p for p in v.existing() if p.kind == "article"]
    assert len(articles) >= 30
    assert all(p.wording_lang == "kaz" for p in articles)


def test_before_entry_into_force_nothing_is_in_force(corpus_dir):
    v = version_at(corpus_dir, "law-88-V", date(2013, 4, 20), "kaz")
    assert {p.status for p in v.provisions} == {"not_yet"}


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
    assert set(p) >= {"eId", "num", "heading", "status", "wording_lang", "text"}
    assert p["status"] == "in_force" and p["wording_lang"] is None


def test_show_text_labels_borrowed_and_missing_wordings(corpus_dir):
    out = _run("show", "law-88-V", "--as-of", "2018-06-01", "--lang", "rus").output
    assert "[wording in kaz:" in out and "is not in the corpus" in out


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
