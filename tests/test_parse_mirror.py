"""The mirror markdown format: official editions of Law 88-V from the public mirror of zan.gov.kz.

The editions are read from ``../shared/sources/law-88-V/<date>/{rus,kaz}.md`` (skipped when
``../shared`` is not beside this checkout); the small fixtures below need nothing but the parser.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from akn_schema import (
    MARKUP_RULES,
    Work,
    act_to_xml,
    check_source,
    conservation,
    load_works,
    parse_text,
    parse_work,
    source_format,
    validate_xml,
)

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT.parent / "shared" / "sources" / "law-88-V"
EDITIONS = ["2018-06-13", "2021-01-02", "2022-07-14", "2024-07-22"]
SEEDS = load_works(ROOT / "corpus")["law-88-V"]

needs_sources = pytest.mark.skipif(not SOURCES.is_dir(), reason="../shared/sources (the mirror editions) "
                                   "is not beside this checkout")


def edition_path(edition: str, lang: str) -> Path:
    return SOURCES / edition / f"{lang}.md"


_CACHE: dict = {}


def edition(edition: str, lang: str):
    """The parsed edition, its text and its AKN (parsed once per test session)."""
    if (edition, lang) not in _CACHE:
        path = edition_path(edition, lang)
        text = path.read_text(encoding="utf-8")
        act = parse_text(text, lang=lang, doctype="law", path=str(path))
        _CACHE[edition, lang] = text, act, act_to_xml(act, Work.adhoc(path, lang, "law"))
    return _CACHE[edition, lang]


def articles(act) -> list[str]:
    return [p.number for p in act.walk() if p.kind == "article"]


def words(text: str) -> list[str]:
    """Words for comparing across editions: the Kazakh Latin i read as Cyrillic і, case folded."""
    return re.findall(r"\w+", text.replace("i", "і").lower())


# ── every edition file: valid, conserved, no warnings ────────────────────────────────────────

@needs_sources
@pytest.mark.parametrize("lang", ["rus", "kaz"])
@pytest.mark.parametrize("date", EDITIONS)
def test_each_edition_is_valid_akn_with_every_word_kept_and_no_warning(date, lang):
    text, act, root = edition(date, lang)
    assert validate_xml(root) == []
    kept = conservation(text, act, root)
    assert kept.lost == [] and kept.source_words > 6500
    assert act.warnings == []
    assert {s.rule for s in act.skipped} == {"mirror-anchor"}


@needs_sources
@pytest.mark.parametrize("lang", ["rus", "kaz"])
def test_zanlex_validate_reports_an_edition_in_a_corpus_as_valid(tmp_path, lang):
    work = tmp_path / "works" / "law-x"
    work.mkdir(parents=True)
    (work / f"{lang}.md").write_bytes(edition_path("2024-07-22", lang).read_bytes())
    (work / "work.toml").write_text(f'uri = "/akn/kz/act/2013-04-15/88-V"\nname = "law-x"\ntype = "law"\n'
                                    f'date = 2013-04-15\nnumber = "88-V"\n[texts.{lang}]\nfile = "{lang}.md"\n',
                                    encoding="utf-8")
    report = check_source(load_works(tmp_path)["law-x"], lang)
    assert report.valid and report.warnings == [] and report.errors == []
    assert report.conservation.lost == []
    assert len(report.skipped) == 40 and {s["rule"] for s in report.skipped} == {"mirror-anchor"}
    out = subprocess.run([sys.executable, str(ROOT / "cli.py"), "--corpus", str(tmp_path), "validate"],
                         capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stdout + out.stderr
    assert re.search(rf"ok +law-x:{lang} +\d+ words, 0 lost, 0 errors, 0 warnings", out.stdout)
    assert "non-text (mirror-anchor): 40" in out.stdout


@needs_sources
def test_zanlex_parse_reads_a_markdown_file_by_its_suffix(tmp_path):
    out = tmp_path / "law.xml"
    run = subprocess.run([sys.executable, str(ROOT / "cli.py"), "parse",
                          str(edition_path("2021-01-02", "rus")), "--lang", "rus", "-o", str(out)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0 and run.stderr == ""
    xml = out.read_text(encoding="utf-8")
    assert 'eId="chp_2__art_9-1"' in xml and "<a id=" not in xml and "###" not in xml


# ── the law's history as the editions tell it ─────────────────────────────────────────────────

@needs_sources
@pytest.mark.parametrize("lang", ["rus", "kaz"])
def test_the_2024_edition_has_articles_27_1_to_27_4_in_chapter_5(lang):
    _, act, _ = edition("2024-07-22", lang)
    assert [a for a in articles(act) if a.startswith("27")] == ["27", "27-1", "27-2", "27-3", "27-4"]
    assert act.get("chp_5__art_27-4").heading.startswith(
        {"rus": "Недействительность проверки", "kaz": "Тексерудің жарамсыздығы"}[lang])


@needs_sources
@pytest.mark.parametrize(("date", "count"), [("2018-06-13", 34), ("2021-01-02", 35), ("2022-07-14", 35),
                                             ("2024-07-22", 40)])
def test_each_edition_has_its_number_of_articles_in_six_chapters(date, count):
    for lang in ("rus", "kaz"):
        _, act, _ = edition(date, lang)
        assert [c.eid for c in act.body] == [f"chp_{n}" for n in range(1, 7)]
        assert len(articles(act)) == count


@needs_sources
@pytest.mark.parametrize(("date", "notes"), [("2018-06-13", 26), ("2021-01-02", 34), ("2022-07-14", 34),
                                             ("2024-07-22", 43)])
@pytest.mark.parametrize("lang", ["rus", "kaz"])
def test_every_footnote_of_an_edition_is_a_note_quoted_or_not(date, notes, lang):
    text, act, root = edition(date, lang)
    keyword = {"rus": "Сноска", "kaz": "Ескерту"}[lang]
    assert len(act.notes) == notes == len(re.findall(rf"^\s*(?:> )?\*{keyword}\.", text, re.M))
    assert all(n.text.startswith(f"{keyword}.") and not n.text.endswith("*") for n in act.notes)
    assert all(n.target for n in act.notes)
    assert len(root.findall(".//{*}meta/{*}notes/{*}note")) == notes


@needs_sources
def test_art_16_of_the_2021_edition_is_removed_with_its_footnote():
    _, act, root = edition("2021-01-02", "rus")
    art = act.get("chp_3__art_16")
    assert art.status == "removed" and art.children == []
    assert art.heading == "Требования к разработке регламента государственной услуги"
    assert [n.text[:61] for n in art.notes] == ["Сноска. Статья 16 исключена Законом РК от 25.11.2019 № 272-VI"]
    el = root.find(".//{*}article[@eId='chp_3__art_16']")
    assert el.get("status") == "removed" and el.find("{*}heading/{*}noteRef") is not None


@needs_sources
def test_an_unquoted_footnote_line_is_a_note_of_the_article_above_it():
    text, act, _ = edition("2024-07-22", "rus")
    assert text.splitlines()[580].startswith("*Сноска. Статья 16 исключена")     # line 581
    note = next(n for n in act.notes if n.line == 581)
    assert note.target == "chp_3__art_16" and act.get("chp_3__art_16").status == "removed"


@needs_sources
def test_a_footnote_quoted_with_four_spaces_is_a_note_not_code():
    text, act, _ = edition("2018-06-13", "rus")
    assert text.splitlines()[324].startswith("    > *Сноска. Статья 10")         # line 325
    assert next(n for n in act.notes if n.line == 325).target == "chp_2__art_10"


@needs_sources
def test_escaped_numbers_are_points_and_the_escape_is_not_text():
    text, act, _ = edition("2018-06-13", "kaz")
    assert text.splitlines()[114].startswith(r"   1\) мемлекеттік")           # line 115
    point = next(p for p in act.walk() if p.line == 115)
    assert point.kind == "point" and point.num == "1)" and point.text[0].startswith("мемлекеттік")
    assert not any("\\" in p.full_text() for p in act.walk())


@needs_sources
def test_the_bold_signature_is_the_conclusion_without_its_markup():
    _, act, _ = edition("2024-07-22", "rus")
    assert act.title == "О государственных услугах"
    assert act.conclusions == ["Президент Республики Казахстан", "Н. НАЗАРБАЕВ"]


@needs_sources
def test_the_kazakh_text_keeps_its_latin_i_bytes():
    text, act, root = edition("2018-06-13", "kaz")
    latin = [w for w in re.findall(r"\w+", text) if "i" in w and re.search("[а-яәіңғүұқөһ]", w)]
    assert latin, "the Kazakh edition mixes Latin i into Cyrillic words"
    akn = "".join(root.itertext())
    assert all(w in akn for w in latin)


@needs_sources
@pytest.mark.parametrize("date", EDITIONS)
def test_russian_and_kazakh_editions_of_a_date_have_the_same_eids(date):
    eids = {lang: [p.eid for p in edition(date, lang)[1].walk()] for lang in ("rus", "kaz")}
    assert eids["rus"] == eids["kaz"]


@needs_sources
@pytest.mark.parametrize("lang", ["rus", "kaz"])
def test_eids_of_the_2018_edition_equal_those_of_the_seed_text_for_every_article_both_have(lang):
    _, act, _ = edition("2018-06-13", lang)
    seed = parse_work(SEEDS, lang)
    ours = {p.number: p.eid for p in act.walk() if p.kind == "article"}
    theirs = {p.number: p.eid for p in seed.walk() if p.kind == "article"}
    both = ours.keys() & theirs.keys()
    assert len(both) >= 31
    assert {n: ours[n] for n in both} == {n: theirs[n] for n in both}
    # and every point or paragraph of such an article that has the same number has the same eId
    seed_eids = {p.eid for p in seed.walk()}
    for n in both:
        for p in act.get(ours[n]).walk():
            twin = seed.find([("article", n), (p.kind, p.number)]) if p.kind in ("paragraph", "point") else None
            if twin is not None and p.eid.count("__") == twin.eid.count("__"):
                assert p.eid == twin.eid and p.eid in seed_eids


@needs_sources
def test_the_2022_edition_in_russian_has_the_seeds_structure_statuses_and_notes():
    """The Russian seed is the text after 141-VII (14.07.2022): the same provisions as that edition."""
    _, act, _ = edition("2022-07-14", "rus")
    seed = parse_work(SEEDS, "rus")
    assert [(p.eid, p.status) for p in act.walk()] == [(p.eid, p.status) for p in seed.walk()]
    assert [n.target for n in act.notes] == [n.target for n in seed.notes]
    changed = [p.eid for p in act.walk() if not p.children and words(p.full_text()) != words(
        seed.get(p.eid).full_text()) and not seed.get(p.eid).full_text().startswith("б)")]
    assert len(changed) <= 6     # typo fixes and later wording; all else word for word


# ── the format, on small fixtures ────────────────────────────────────────────────────────────

LAW = """# О примере

Настоящий Закон регулирует пример.

## Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ

<a id="st1"></a>

### Статья 1. Основные понятия

В настоящем Законе используются следующие понятия:

1) первое &laquo;понятие&raquo;;

   1-1) второе <b>понятие</b>;

    2) третье, с [ссылкой](https://adilet.zan.kz/rus/docs/Z1300000088) и __жирным__;

*3) исключен Законом РК от 14.07.2022 № 141-VII;*

> *Сноска. Статья 1 с изменениями, внесенными Законом РК
> от 14.07.2022 № 141-VII.*

1. Пункт первый.

2\\. Пункт второй.

**Президент Республики Казахстан**
"""


def test_the_law_s_numbering_is_not_read_as_markdown_lists_or_code():
    act = parse_text(LAW, lang="rus", doctype="law", path="law.md")
    assert [(p.eid, p.num, p.status) for p in act.walk()] == [
        ("chp_1", "1", "in_force"), ("chp_1__art_1", "1", "in_force"),
        ("chp_1__art_1__point_1", "1)", "in_force"), ("chp_1__art_1__point_1-1", "1-1)", "in_force"),
        ("chp_1__art_1__point_2", "2)", "in_force"), ("chp_1__art_1__point_3", "3)", "removed"),
        ("chp_1__art_1__para_1", "1.", "in_force"), ("chp_1__art_1__para_2", "2.", "in_force")]
    assert act.get("chp_1__art_1__point_1-1").text == ["второе понятие;"]
    assert act.get("chp_1__art_1__point_2").text == ["третье, с ссылкой и жирным;"]
    assert act.conclusions == ["Президент Республики Казахстан"]


def test_a_footnote_quoted_over_two_lines_is_one_note_of_its_article():
    act = parse_text(LAW, lang="rus", doctype="law", path="law.md")
    assert [(n.target, n.text) for n in act.notes] == [
        ("chp_1__art_1", "Сноска. Статья 1 с изменениями, внесенными Законом РК от 14.07.2022 № 141-VII.")]
    assert act.note_lines == {21, 22}


def test_markup_with_letters_is_declared_non_text_by_named_rules_and_every_word_is_kept():
    act = parse_text(LAW, lang="rus", doctype="law", path="law.md")
    rules = [(s.line, s.rule, s.text) for s in act.skipped]
    assert rules == [
        (7, "mirror-anchor", '<a id="st1"></a>'),
        (13, "html-entity", "&laquo;"), (13, "html-entity", "&raquo;"),
        (15, "html-tag", "<b>"), (15, "html-tag", "</b>"),
        (17, "link-target", "](https://adilet.zan.kz/rus/docs/Z1300000088)"),
        (17, "md-emphasis", "__"), (17, "md-emphasis", "__")]
    assert {r for _, r, _ in rules} <= MARKUP_RULES.keys()
    root = act_to_xml(act, Work.adhoc(Path("law.md"), "rus", "law"))
    assert validate_xml(root) == []
    assert conservation(LAW, act, root).lost == []


def test_the_same_text_as_a_plain_dump_and_as_markdown_gives_the_same_eids():
    plain = re.sub(r"^(#+ |> |\s+)|\*|<[^>]+>|\\", "", LAW, flags=re.M)
    md = parse_text(LAW, lang="rus", doctype="law", path="law.md")
    txt = parse_text(plain, lang="rus", doctype="law", path="law.txt")
    assert [p.eid for p in md.walk()] == [p.eid for p in txt.walk()]
    assert [n.target for n in md.notes] == [n.target for n in txt.notes]


def test_the_format_follows_the_file_suffix_unless_it_is_given():
    assert source_format("editions/2018-06-13/rus.md") == "mirror-md" and source_format("rus.txt") == "text"
    text = "# Закон\n\n### Статья 1. Понятия\n\nТекст.\n"
    assert parse_text(text, lang="rus", doctype="law", path="x.md").title == "Закон"
    assert parse_text(text, lang="rus", doctype="law", path="x.txt").title == "# Закон"
    assert parse_text(text, lang="rus", doctype="law", path="x.txt", fmt="mirror-md").title == "Закон"


def test_a_word_lost_from_the_akn_is_named_with_its_markdown_line_in_the_body_or_in_a_note():
    act = parse_text(LAW, lang="rus", doctype="law", path="law.md")
    root = act_to_xml(act, Work.adhoc(Path("law.md"), "rus", "law"))
    point = root.find(".//{*}point[@eId='chp_1__art_1__point_1-1']/{*}content/{*}p")
    point.text = point.text.replace("второе ", "")
    note = root.find(".//{*}meta/{*}notes/{*}note/{*}p")
    note.text = note.text.replace("Законом", "")
    assert conservation(LAW, act, root).lost == [(15, "второе"), (21, "Законом")]
