"""Russian: "Сноска. Статья 1 с изменениями, внесенными законами РК от 23.11.2015 № 417-V (…); …".

    >>> RUS.unit_kind("статьей"), RUS.unit_kind("Пункт"), RUS.unit_kind("подпунктом")
    ('article', 'paragraph', 'point')
"""

from functools import lru_cache

from consolidator.grammar import Registry
from consolidator.grammar.instructions import InstructionGrammar

_NUM = r"(?P<num>\d+(?:-\d+)?)"
_ACT = r"(?P<acttype>законами|законов|законом|закона|приказами|приказом|приказа|постановлением|постановления)"
_BODY = r"(?:\s+РК)?(?:\s+(?P<body>.+))?"


@lru_cache(maxsize=4096)
def _lemmas(word: str) -> list[str]:
    """pymorphy3's dictionary forms of a word, most likely first, "ё" read as "е"."""
    return [p.normal_form.replace("ё", "е") for p in _morph().parse(word.replace("ё", "е"))]


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


_Q = r"«.+»|\".+\""                       # quoted words (possibly several: «A» и «B»)

# "31. В Закон Республики Казахстан от 15 апреля 2013 года «О государственных услугах» (…):" and the
# instructions under it: "2) пункт 1 статьи 16 изложить в следующей редакции:" + the new wording in quotes;
# "в статье 5:" opens a scope for the lines that follow it.
RUS_INSTRUCTIONS = InstructionGrammar(
    item_head=r"^(?P<item>\d+)\.\s+В\s+(?P<addressee>.+):$",
    addressee_date="от {day} {month} {year} года",
    months_genitive={1: "января", 2: "февраля", 3: "марта", 4: "апреля", 5: "мая", 6: "июня", 7: "июля",
                     8: "августа", 9: "сентября", 10: "октября", 11: "ноября", 12: "декабря"},
    instruction=r"^(?P<num>\d+)\)\s+(?P<body>.+)$",
    article_head=r"^Статья\s+\d+(?:-\d+)?\.",
    scope=(r"^в\s+(?P<target>[^«»\"]+?)\s*:$",),
    actions=(
        # "в пункте 1 статьи 13 слова «…» заменить словами «…»"; "слова «A» и «B» заменить словами «C»"
        (rf"^(?:в\s+(?P<target>[^«»\"]+?)\s+)?слов[аоы]?\s+(?P<old>{_Q})\s+заменить\s+слов(?:ами|ом)\s+"
         rf"(?P<words>{_Q})$", "substitute"),
        # "в статье 19 слова «…» исключить"
        (rf"^(?:в\s+(?P<target>[^«»\"]+?)\s+)?слов[аоы]?\s+(?P<old>{_Q})\s+исключить$", "delete_words"),
        # "подпункт 5) после слова «обращению» дополнить словами «или без обращения»"
        (rf"^(?P<target>[^«»\"]*?)\s*после\s+слов[аоы]?\s+(?P<anchor>«[^»]+»|\"[^\"]+\")\s+дополнить\s+"
         rf"слов(?:ами|ом)\s+(?P<words>{_Q})$", "insert_words"),
        # "дополнить словами «и направляют в Единый контакт-центр»"
        (rf"^(?:(?P<target>[^«»\"]+?)\s+)?дополнить\s+слов(?:ами|ом)\s+(?P<words>{_Q})$", "append_words"),
        # "часть третью пункта 1 статьи 13 изложить в следующей редакции", "заголовок изложить …"
        (r"^(?P<target>[^«»\"]+?)\s+изложить\s+в\s+следующей\s+редакции$", "replace"),
        # "статью 19 дополнить частью второй …", "дополнить подпунктами 17-1) и 17-2) следующего содержания"
        (r"^(?:(?P<target>[^«»\"]+?)\s+)?дополнить\s+(?P<new>[^«»\"]+?)\s+следующего\s+содержания$", "insert"),
        # "подпункт 11) статьи 787 исключить", "статьи 16 и 17 исключить"
        (r"^(?P<target>[^«»\"]+?)\s+исключить$", "repeal"),
    ),
    units={"статья": "article", "глава": "chapter", "параграф": "subchapter", "пункт": "paragraph",
           "подпункт": "point", "часть": "part", "абзац": "abzac", "заголовок": "heading"},
    ordinals={"первый": 1, "второй": 2, "третий": 3, "четвертый": 4, "пятый": 5, "шестой": 6,
              "седьмой": 7, "восьмой": 8, "девятый": 9, "десятый": 10, "одиннадцатый": 11,
              "двенадцатый": 12, "тринадцатый": 13, "четырнадцатый": 14, "пятнадцатый": 15},
    lemma=_lemmas,
    connectors=("и",),
    entry_into_force=r"вводится\s+в\s+действие",
)

RUS = Registry(
    lang="rus",
    note_prefix=r"Сноска\s*\.",
    subjects=(
        # "Заголовок статьи 15", "Заголовок параграфа § 1", "Статья 1", "Глава 2", "Пункт 4"
        rf"(?P<heading>Заголовок\s+)?(?P<unit>стать[яию]|глав[аы]|подпункт[а]?|пункт[а]?|параграф[а]?)\s+(?:§\s*)?{_NUM}\)?",
        r"(?P<unit>Правила)",
        # "Закон дополнен статьей 21-1", "Глава дополнена статьей 19-1" (the chapter the note is in)
        r"(?P<unit>Закон|Глава)(?=\s+дополнен)",
    ),
    units={"стать": "article", "глав": "chapter", "пункт": "paragraph", "подпункт": "point",
           "параграф": "subchapter", "правила": "attachment", "закон": "act"},
    kinds=(
        (rf"с\s+изменени(?:ями|ем)\s*,\s*внесенн(?:ыми|ым)\s+{_ACT}{_BODY}", "amended"),
        (rf"в\s+редакции\s+{_ACT}{_BODY}", "new_wording"),
        (rf"дополнен[аоы]?\s+(?P<unit>статьей|главой|пунктом|подпунктом|параграфом)\s+(?:§\s*)?{_NUM}\)?"
         rf"\s+в\s+соответствии\s+с\s+{_ACT}{_BODY}", "inserted"),
        (rf"исключен[аоы]?\s+{_ACT}{_BODY}", "repealed"),
    ),
    citation=r"от\s+(?P<date>\d{2}\.\d{2}\.\d{4})\s*(?:года\s*)?№\s*(?P<number>[\w/-]+)\s*(?:\((?P<rule>[^()]*)\))?",
    act_types={"закон": "law", "приказ": "order", "постановлен": "resolution"},
    rules=(
        (r"вводится\s+в\s+действие\s+с\s+(?P<on>\d{2}\.\d{2}\.\d{4})", "date"),
        (r"вводится\s+в\s+действие\s+по\s+истечении\s+(?P<days>[\w ]+?)\s+календарных\s+дней\s+после\s+"
         r"(?:дня\s+)?(?:его\s+)?первого\s+официального\s+опубликования"
         r"(?:\s*,?\s*но\s+не\s+ранее\s+(?P<nb>\d{2}\.\d{2}\.\d{4}))?", "after_publication"),
        (r"вводится\s+в\s+действие\s+со\s+дня\s+(?:его\s+)?первого\s+официального\s+опубликования", "on_publication"),
    ),
    numerals={"пяти": 5, "семи": 7, "десяти": 10, "пятнадцати": 15, "двадцати": 20, "тридцати": 30,
              "сорока": 40, "сорока пяти": 45, "шестидесяти": 60, "девяноста": 90},
    repeal_inline=r"исключен[аоы]?\s",
    instructions=RUS_INSTRUCTIONS,
)
