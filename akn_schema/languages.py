"""One grammar per language: every language-specific rule of the parser lives here.

A ``Grammar`` is a bundle of compiled patterns; the classifier in ``lines.py`` only ever asks
``grammar.<rule>.match(text)``. Adding a language means adding one entry to ``GRAMMARS``.

    >>> GRAMMARS["kaz"].article.match("9-1-бап. Мемлекеттік корпорация").group("num")
    '9-1'
    >>> GRAMMARS["rus"].chapter.match("Глава 2. ГОСУДАРСТВЕННОЕ РЕГУЛИРОВАНИЕ").group("num")
    '2'
    >>> GRAMMARS["eng"].footnote.match("Footnote. Article 6 as amended by …") is not None
    True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUM = r"\d+(?:-\d+)*"          # 9, 9-1, 11-1-2


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE | re.UNICODE)


@dataclass(frozen=True)
class Grammar:
    """The line patterns of one language. Every pattern is matched against a cleaned line."""

    lang: str
    chapter: re.Pattern[str]        # "Глава 1. …"        → chapter
    subchapter: re.Pattern[str]     # "Параграф § 1. …"   → subchapter
    article: re.Pattern[str]        # "Статья 9-1. …"     → article
    footnote: re.Pattern[str]       # "Сноска. …"          → meta/notes/note
    repeal: re.Pattern[str]         # "исключен …" after a number → status="removed"
    repealed_by_note: re.Pattern[str]   # a footnote "Статья 16 исключена …" removes its target
    note_mention: re.Pattern[str]   # "Статья 7", "пунктом 6-1", "7-бабы": what a note is about
    mention_start: str              # the characters a note_mention can begin with, as a class (a quick pre-test)
    unit_words: dict[str, str]      # stem of a unit word → AKN element
    enacting: re.Pattern[str]       # "ПРИКАЗЫВАЮ:" closes an order's preamble
    signature: re.Pattern[str]      # first line of a signature block
    approval: re.Pattern[str]       # "Утверждены приказом …" stamp of an attachment
    stamp_lead: re.Pattern[str]     # a stamp's first line when its keyword comes last ("… № 13/139 бұйрығымен")
    stamp_end: re.Pattern[str]      # the stamp so far is complete ("… № 100", "… № " left blank, "бекітілген")
    signatory: re.Pattern[str]      # a signatory's name ("А. Мамин", "Н. НАЗАРБАЕВ"): the signature block ends
    heading_line: re.Pattern[str]   # a numbered line that reads as a heading: "1. Общие положения", "27-1. Құзыреті"
    document_note: re.Pattern[str]  # a footnote about the whole document ("Сноска. Вводится в действие с …")
    attachment_title: re.Pattern[str]   # "Правила …" names an attached document
    editorial: re.Pattern[str]      # the publisher's editorial notice at the top ("ЗҚАИ-ның ескертпесі!")
    noise: tuple[tuple[str, re.Pattern[str]], ...]   # named non-text rules (site furniture)


# Non-text rules shared by every language: artefacts of the systems the texts were copied from.
COMMON_NOISE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("site-menu", re.compile(r"^-\s*\[[^\]]+\]\(#?[^)]*\)\s*$")),
    ("copyright", re.compile(r"^©")),
    ("dump-metadata", re.compile(r"^(Date|Author):\s")),
)

def _heading_line(upper: str) -> re.Pattern[str]:
    """A numbered line whose text starts with a capital and ends without a sentence's punctuation."""
    return re.compile(rf"^(?P<num>{NUM})\.\s+(?P<heading>[«\"(]?[{upper}][^\n]*[^\s.;:,!?…])$")


def _signatory(upper: str) -> re.Pattern[str]:
    """An initial and a surname: "А. Мамин", "Ә.Исекешев", "Н. НАЗАРБАЕВ", "A. Smith"."""
    return re.compile(rf"(?:^|\s)(?:[{upper}]\.\s?){{1,2}}[{upper}][\w-]+\.?\s*$")


RUS_UPPER, KAZ_UPPER, ENG_UPPER = "А-ЯЁ", "А-ЯЁӘІҢҒҮҰҚӨҺI", "A-Z"

GRAMMARS: dict[str, Grammar] = {
    "rus": Grammar(
        lang="rus",
        chapter=_re(rf"^(?P<label>Глава\s+(?P<num>{NUM})(?!\w)\.?)\s*(?P<heading>.*)$"),
        subchapter=_re(rf"^(?P<label>(?:Параграф\s*)?§\s*(?P<num>{NUM})(?!\w)\.?)\s*(?P<heading>.*)$"),
        article=_re(rf"^(?P<label>Статья\s+(?P<num>{NUM})\.)\s*(?P<heading>.*)$"),
        footnote=_re(r"^Сноска\s*\."),
        repeal=_re(r"^(?:исключен[аоы]?|утратил[аои]?\s+силу)\b"),
        repealed_by_note=_re(r"^Сноска\.\s*(?:Стать[яи]|Глав[аы]|Пункт|Подпункт|Параграф)\s+[\d§\s,-]+\s+исключен"),
        note_mention=_re(rf"(?P<word>стать\w*|глав\w*|пункт\w*|подпункт\w*|параграф\w*|правил\w*)\s*(?:§\s*)?(?P<num>{NUM})?"),
        mention_start="[сгп]",
        unit_words={"стать": "article", "глав": "chapter", "подпункт": "point", "пункт": "paragraph",
                    "параграф": "subchapter", "правил": "attachment"},
        enacting=_re(r"(ПРИКАЗЫВАЮ|ПОСТАНОВЛЯЕТ|ПОСТАНОВЛЯЮ|РЕШИЛ|ПРИКАЗЫВАЕМ)\s*:?\s*$"),
        signature=_re(r"^(Президент|Премьер-Министр|Министр|Председатель|Руководитель|Аким|Заместитель|Первый\s+заместитель|Исполняющий\s+обязанности|\"?СОГЛАСОВАН)"),
        approval=_re(r"^(Утвержден[аыо]?|Приложение)\b"),
        stamp_lead=re.compile(r"(?!)"),       # a Russian stamp starts with its keyword
        stamp_end=_re(r"№\s*[\w./-]*\s*$"),
        signatory=_signatory(RUS_UPPER),
        heading_line=_heading_line(RUS_UPPER),
        document_note=_re(r"^Сноска\.\s*(?:Вводится\s+в\s+действие|Заголовок\s+(?!стать|глав|параграф|пункт|подпункт|раздел)"
                          r"|Наименование\s+в\s+редакции|Преамбула|По\s+всему\s+тексту|Текст\s+в\s+редакции"
                          r"|(?:Закон|Приказ|Постановление|Решение)\s+в\s+редакции)"),
        editorial=_re(r"^Примечание\s+(РЦПИ|ИЗПИ|редакции)"),
        attachment_title=_re(r"^(Правила|Положение|Порядок|Инструкция|Методика|Перечень|Стандарт|Регламент)\b"),
        noise=COMMON_NOISE + (
            ("site-notice", re.compile(r"^(Вниманию пользователей!|Для удобства пользования .*ОГЛАВЛЕНИЕ)$")),
        ),
    ),
    "kaz": Grammar(
        lang="kaz",
        chapter=_re(rf"^(?P<label>(?P<num>{NUM})-тарау\.?)\s*(?P<heading>.*)$"),
        subchapter=_re(rf"^(?P<label>(?:(?P<num>{NUM})-параграф\.?|§\s*(?P<num2>{NUM})(?!\w)\.?))\s*(?P<heading>.*)$"),
        article=_re(rf"^(?P<label>(?P<num>{NUM})-бап\.)\s*(?P<heading>.*)$"),
        footnote=_re(r"^Ескерту\s*\."),
        repeal=_re(r"^(?:алып\s+тасталды|күші\s+жойылды)"),
        repealed_by_note=_re(r"^Ескерту\.\s*[\d§\s,()-]+-?(?:бап|тарау|тармақ|тармақша|параграф)\w*\s+алып\s+тасталды"),
        note_mention=_re(rf"(?P<num>{NUM})\)?-?(?P<word>бап\w*|тарау\w*|тармақша\w*|тармақ\w*|параграф\w*)|(?P<word2>қағидалар\w*)"),
        mention_start=r"[\dқ]",
        unit_words={"бап": "article", "тарау": "chapter", "тармақша": "point", "тармақ": "paragraph",
                    "параграф": "subchapter", "қағидалар": "attachment"},
        enacting=_re(r"(БҰЙЫРАМЫН|ҚАУЛЫ\s+ЕТЕДІ|ШЕШІМ\s+ҚАБЫЛДАДЫ)\s*:?\s*$"),
        signature=_re(r"^(Қазақстан\s+Республикасы(ның)?\s*$|Қазақстан\s+Республикасы(ның)?.*(Президенті|Премьер-Министрі|министрі|Төрағасы)|Президенті|Премьер-Министрі|\"?КЕЛІСІЛДІ)"),
        approval=_re(r"(бекітілген|бекітілді|Қосымша)\s*$"),
        stamp_lead=_re(r"(бұйрығымен|қаулысымен|шешімімен|бұйрығына|қаулысына|шешіміне)\s*$"),
        stamp_end=_re(r"(бекітілген|бекітілді|қосымша)\s*$"),
        signatory=_signatory(KAZ_UPPER),
        heading_line=_heading_line(KAZ_UPPER),
        document_note=_re(r"^Ескерту\.\s*(?:\d{2}\.\d{2}\.\d{4}\s+бастап\s+қолданысқа|Тақырып|Атауы|Кіріспе|Бүкіл\s+мәтін"
                          r"|(?:Заң|Бұйрық|Қаулы|Шешім)\w*\s+жаңа\s+редакцияда)"),
        editorial=_re(r"^(ҚР\s+)?(ЗҚАИ|РҚАО)-ның\s+ескертпесі"),
        attachment_title=_re(r"(қағидалары|ережесі|тәртібі|нұсқаулығы|әдістемесі|тізбесі|стандарты|регламенті)\s*$"),
        noise=COMMON_NOISE + (
            ("toc-label", re.compile(r"^МАЗМҰНЫ$")),
        ),
    ),
    "eng": Grammar(
        lang="eng",
        chapter=_re(rf"^(?P<label>Chapter\s+(?P<num>{NUM})(?!\w)\.?)\s*(?P<heading>.*)$"),
        subchapter=_re(rf"^(?P<label>(?:Paragraph\s*)?§\s*(?P<num>{NUM})(?!\w)\.?)\s*(?P<heading>.*)$"),
        article=_re(rf"^(?P<label>Article\s+(?P<num>{NUM})\.)\s*(?P<heading>.*)$"),
        footnote=_re(r"^Footnote\s*\."),
        repeal=_re(r"^(?:(?:is|are)\s+)?excluded\b"),
        repealed_by_note=_re(r"^Footnote\.\s*(?:Article|Chapter|Paragraph|Item)\s+[\d\s,-]+\s+(?:is\s+)?excluded"),
        note_mention=_re(rf"(?P<word>article\w*|chapter\w*|sub-?paragraph\w*|paragraph\w*|item\w*|rules)\s*(?P<num>{NUM})?"),
        mention_start="[acspir]",
        unit_words={"article": "article", "chapter": "chapter", "subparagraph": "point", "sub-paragraph": "point",
                    "paragraph": "paragraph", "item": "paragraph", "rules": "attachment"},
        enacting=_re(r"(HEREBY\s+ORDER|ORDER|RESOLVES|DECREE)\s*:\s*$"),
        signature=_re(r"^(The\s+President|President\s+of|Prime\s+Minister|Minister|Chairman|\"?AGREED)"),
        approval=_re(r"^(Approved\s+by|Appendix|Annex)\b"),
        stamp_lead=re.compile(r"(?!)"),
        stamp_end=_re(r"No\.?\s*[\w./-]*\s*$"),
        signatory=_signatory(ENG_UPPER),
        heading_line=_heading_line(ENG_UPPER),
        document_note=_re(r"^Footnote\.\s*(?:(?:Is\s+)?(?:put|enforced)\s+into\s+effect|(?:The\s+)?(?:title|heading)\s+"
                          r"(?!of\s+(?:article|chapter|paragraph))|Throughout\s+the\s+text|(?:The\s+)?preamble)"),
        editorial=_re(r"^(Note\s+of\s+the\s+(RCLI|ILLI)|Editor'?s\s+note)"),
        attachment_title=_re(r"^(Rules|Regulations|Procedure|Instruction|Methodology|List|Standard)\b"),
        noise=COMMON_NOISE,
    ),
}

# Two-letter BCP 47 tags for <html lang> and the like.
HTML_LANG = {"rus": "ru", "kaz": "kk", "eng": "en"}


def grammar_for(lang: str) -> Grammar:
    """The grammar of an ISO 639-2 language code; KeyError names the known ones."""
    try:
        return GRAMMARS[lang]
    except KeyError:
        raise KeyError(f"unknown language {lang!r}; known: {', '.join(sorted(GRAMMARS))}") from None
