"""Russian: "Сноска. Статья 1 с изменениями, внесенными законами РК от 23.11.2015 № 417-V (…); …".

    >>> RUS.unit_kind("статьей"), RUS.unit_kind("Пункт"), RUS.unit_kind("подпунктом")
    ('article', 'paragraph', 'point')
"""

from functools import lru_cache

from consolidator.grammar import Registry
from consolidator.grammar.instructions import InstructionGrammar

_NUM = r"(?P<num>\d+(?:-\d+)?)"
_ACT = r"(?P<acttype>законами|законом|закона|приказами|приказом|приказа|постановлением|постановления)"
_BODY = r"(?:\s+РК)?(?:\s+(?P<body>.+))?"


@lru_cache(maxsize=4096)
def _lemmas(word: str) -> list[str]:
    """pymorphy3's dictionary forms of a word, most likely first, "ё" read as "е"."""
    return [p.normal_form.replace("ё", "е") for p in _morph().parse(word.replace("ё", "е"))]


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


_Q = r'"[^"]*"|«[^»]*»'
_UNIT = r"[а-яё]+\s+(?:\d+(?:-\d+)?\)?|[а-яё]+)"

# "8. В Закон Республики Казахстан от 15 апреля 2013 года "О государственных услугах" (…):" and the
# instructions under it: "2) пункт 1 статьи 16 изложить в следующей редакции:" + the new wording in quotes.
RUS_INSTRUCTIONS = InstructionGrammar(
    item_head=r"^(?P<item>\d+)\.\s+В\s+(?P<addressee>.+):$",
    addressee_date="от {day} {month} {year} года",
    months_genitive={1: "января", 2: "февраля", 3: "марта", 4: "апреля", 5: "мая", 6: "июня", 7: "июля",
                     8: "августа", 9: "сентября", 10: "октября", 11: "ноября", 12: "декабря"},
    instruction=r"^(?P<num>\d+)\)\s+(?P<body>.+)$",
    article_head=r"^Статья\s+\d+(?:-\d+)?\.",
    actions=(
        # "в пункте 1 статьи 13 слова "…" заменить словами "…""
        (rf"^(?:в\s+(?P<target>.+?)\s+)?слова\s+(?P<old>{_Q})\s+заменить\s+словами\s+(?P<words>{_Q})$", "substitute"),
        # "в статье 19 слова "…" исключить"
        (rf"^(?:в\s+(?P<target>.+?)\s+)?слова\s+(?P<old>{_Q})\s+исключить$", "delete_words"),
        # "часть третью пункта 1 статьи 13 изложить в следующей редакции"
        (r"^(?P<target>.+?)\s+изложить\s+в\s+следующей\s+редакции$", "replace"),
        # "статью 19 дополнить частью второй …", "дополнить статьей 19-1 следующего содержания"
        (rf"^(?:(?P<target>.+?)\s+)?дополнить\s+(?P<new>{_UNIT})\s+следующего\s+содержания$", "insert"),
        # "подпункт 11) статьи 787 исключить"
        (r"^(?P<target>.+?)\s+исключить$", "repeal"),
    ),
    target_unit=r"(?P<unit>[а-яё]+)\s+(?P<num>\d+(?:-\d+)?\)?|[а-яё]+)",
    units={"статья": "article", "глава": "chapter", "параграф": "subchapter", "пункт": "paragraph",
           "подпункт": "point", "часть": "part", "абзац": "part"},
    ordinals={"первый": 1, "второй": 2, "третий": 3, "четвертый": 4, "пятый": 5, "шестой": 6,
              "седьмой": 7, "восьмой": 8, "девятый": 9, "десятый": 10},
    lemma=_lemmas,
    quotes=(('"', '"'), ("«", "»")),
)

RUS = Registry(
    lang="rus",
    note_prefix=r"Сноска\s*\.",
    subjects=(
        # "Заголовок статьи 15", "Заголовок параграфа § 1", "Статья 1", "Глава 2", "Пункт 4"
        rf"(?P<heading>Заголовок\s+)?(?P<unit>стать[яи]|глав[аы]|подпункт[а]?|пункт[а]?|параграф[а]?)\s+(?:§\s*)?{_NUM}\)?",
        r"(?P<unit>Правила)",
    ),
    units={"стать": "article", "глав": "chapter", "пункт": "paragraph", "подпункт": "point",
           "параграф": "subchapter", "правила": "attachment"},
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
