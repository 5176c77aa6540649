"""Arbitrary text either parses to valid AKN or raises zanlex's own error; it never crashes."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from akn_schema import Work, ZanlexError, act_to_xml, conservation, parse_text, validate_xml
from akn_schema.text import decode_source

# Lines that look like the grammar's units, so the fuzzer reaches deep states quickly.
SHAPES = st.sampled_from([
    "Глава 1. ОБЩИЕ", "Статья 9-1. Заголовок", "1. Пункт.", "1)", "3) - 9) исключены", "б) шесть;",
    "Сноска. Статья 1 с изменениями (вводится", "Сноска. Статья 16 исключена Законом РК.", "исключен",
    "Параграф § 1.", "§ 2", "ПРИКАЗЫВАЮ:", "Президент", "Утверждены приказом", "Правила контроля",
    "- [Текст](#)", "© 2012", "**", "*", "[ссылка](#)", "\\)", "\t|\t", "1-тарау. ЖАЛПЫ", "9-1-бап. Бап",
    "Ескерту. 1-бап алып тасталды", "Chapter 2. X", "Article 3. Y", "Footnote. Article 6 as amended",
    "30.12.2021 № 96-VII", "МАЗМҰНЫ", "Date: 2017", "", " ", "\u00a0\u00a0", "text", "текст,", "мәтін;",
    "1. Общие положения", "2. Жалпы ережелер", "27-1. Уәкілетті органның құзыреті", "28. Итоги", "А. Мамин",
    "№ 13/139 бұйрығымен", "бекітілген", "от марта 2021 года", "№", "Правила оказания услуги",
    "Сноска. Вводится в действие с 01.01.2024.", "Ескерту. 01.01.2024 бастап қолданысқа енгізіледі.",
    "Сноска. Правила в редакции приказа.", "Ескерту. Қағидалар жаңа редакцияда.", "Сноска. Заголовок в редакции.",
])
LINE = st.one_of(SHAPES, st.text(max_size=40), st.lists(SHAPES, max_size=3).map(" ".join))
TEXTS = st.lists(LINE, min_size=0, max_size=25).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, lang=st.sampled_from(["rus", "kaz", "eng"]), doctype=st.sampled_from(["law", "order"]))
def test_any_text_parses_to_valid_akn_or_raises_a_zanlex_error(text, lang, doctype):
    try:
        checked = decode_source(text.encode("utf-8"), "fuzz.txt")
        act = parse_text(checked, lang=lang, doctype=doctype, path="fuzz.txt")
    except ZanlexError:
        return
    root = act_to_xml(act, Work.adhoc(Path("fuzz.txt"), lang, doctype))
    assert validate_xml(root) == []


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=200))
def test_arbitrary_bytes_decode_or_raise_a_zanlex_error(data):
    try:
        decode_source(data, "fuzz.bin")
    except ZanlexError as err:
        assert str(err).startswith("fuzz.bin")


# The mirror markdown format: the same units written as the mirror writes them, and markdown's own syntax.
MD_SHAPES = st.sampled_from([
    "# О государственных услугах", "## Глава 1. ОБЩИЕ", "## 1-тарау. ЖАЛПЫ", "### Статья 9-1. Заголовок",
    "### 9-1-бап. Бап", "### 27-1. Без слова", "> *Сноска. Статья 1 с изменениями (вводится*",
    "*Сноска. Статья 16 исключена Законом РК.*", "> *Ескерту. 1-бап алып тасталды*", "    > *Сноска.",
    '<a id="st1"></a>', "</a>", "<b>", "1\\) первое;", "   2) второе;", "*3) исключен Законом РК;*",
    "1. Пункт.", "2\\. Пункт", "**Президент Республики Казахстан**", "**", "*", "_", "__x__", "&laquo;",
    "&#1040;", "&nbsp;", "[ссылка](#st1)", "![образ](x.png)", "<http://x.kz>", "`код`", "```", "***", "---",
    "===", "- пункт", "+ x", "[a]: /b", "\\", ">", "#", "    отступ", "\t|\t", "<!-- x -->", "ПРИКАЗЫВАЮ:",
    "Утверждены приказом", "", " ",
])
MD_LINE = st.one_of(MD_SHAPES, SHAPES, st.text(max_size=30), st.lists(MD_SHAPES, max_size=3).map(" ".join))
MD_TEXTS = st.lists(MD_LINE, min_size=0, max_size=25).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=MD_TEXTS, lang=st.sampled_from(["rus", "kaz", "eng"]), doctype=st.sampled_from(["law", "order"]))
# found by Hypothesis: a stamp-like line after an attachment's preamble went back into the stamp, out of order
@example(text="### Статья 9-1. Заголовок\nУтверждены приказом\nб) шесть;\n# О государственных услугах",
         lang="rus", doctype="order")
def test_any_markdown_parses_to_valid_akn_keeping_every_word_or_raises_a_zanlex_error(text, lang, doctype):
    try:
        checked = decode_source(text.encode("utf-8"), "fuzz.md")
        act = parse_text(checked, lang=lang, doctype=doctype, path="fuzz.md")
    except ZanlexError:
        return
    root = act_to_xml(act, Work.adhoc(Path("fuzz.md"), lang, doctype))
    assert validate_xml(root) == []
    assert conservation(checked, act, root).lost == []


# The mirror's blocks are read directly where their shape is plain; they must be exactly what markdown-it reads.
BLOCK_SYNTAX = st.text(alphabet=st.sampled_from(["#", "#", ">", ">", " ", " ", "\t", "\n", "\n", "а", "1", ")",
                                                 "*", "\\", "\u00a0", "\u2003", "\u200b", "<", "-", "="]),
                       max_size=40)
BLOCK_TEXTS = st.lists(st.one_of(MD_LINE, BLOCK_SYNTAX), max_size=12).map("\n".join)


@settings(max_examples=1000, deadline=None)
@given(text=st.one_of(MD_TEXTS, BLOCK_TEXTS))
@example(text="## ##\n\n#  #  #\n\n##\t#\n\n> \n\n>\tx\n\n  > x\n\n####### x\n\n# a #\u00a0\n\nx\n> y\nz")
def test_the_mirror_s_blocks_are_read_as_markdown_it_reads_them(text):
    from akn_schema.mirror import _blocks, _normalised, _parsed_blocks

    src = _normalised(text)
    assert _blocks(src) == _parsed_blocks(src)
