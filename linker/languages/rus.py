"""Russian: blank ``ru`` tokenizer, pymorphy3 lemmas, so "статьи / статьей / статье" are one word.

    >>> RULES.lemmatize("подпунктом"), RULES.units[RULES.lemmatize("пункта")]
    ('подпункт', 'paragraph')
"""

from __future__ import annotations

from functools import lru_cache

import pymorphy3

from linker.languages import (
    ACT,
    ACT_NUMBER,
    ALIAS,
    BASIS_CUE,
    DASH,
    DAY,
    DOTTED_DATE,
    INVALIDATION_CUE,
    THIS,
    TITLE,
    UNIT,
    YEAR,
    LanguageRules,
    sequences,
    unit_lists,
)

_morph = pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=65536)
def lemmatize(word: str) -> str:
    """The dictionary form of a Russian word, lowercased ("Закона" → "закон")."""
    return _morph.parse(word.lower())[0].normal_form if word.replace("-", "").isalpha() else word.lower()


UNITS = {"статья": "article", "пункт": "paragraph", "подпункт": "point", "глава": "chapter",
         "параграф": "subchapter"}
MONTHS = {m: i for i, m in enumerate(
    ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
     "ноябрь", "декабрь"], start=1)}
ACT_KINDS = {"закон": "law", "кодекс": "code", "приказ": "order", "постановление": "resolution",
             "указ": "decree", "распоряжение": "order"}

_rk = [[], [{"LOWER": "республики"}, {"LOWER": "казахстан"}], [{"ORTH": "РК"}]]
_date = [[{"LOWER": "от"}, DAY, {"LEMMA": {"IN": list(MONTHS)}}, YEAR, {"LEMMA": "год", "OP": "?"}],
         [{"LOWER": "от"}, DOTTED_DATE]]
_number = [[{"ORTH": "№"}, ACT_NUMBER], [{"ORTH": "№"}, ACT_NUMBER, {"ORTH": "/"}, {"IS_ALPHA": True}]]
_this = {"act": ["закон", "кодекс"], "document": ["правило"], "body": ["приказ", "постановление"],
         "article": ["статья"], "paragraph": ["пункт"]}

PATTERNS = {
    UNIT: unit_lists({"LEMMA": {"IN": list(UNITS)}}, number_first=False, separators=[",", "и", "или"]),
    # A law is named by its title, its date, or both: «Закона РК от 15 апреля 2013 года "О …"».
    ACT: sequences([[{"LEMMA": "закон"}]], _rk, _date, [[]] + _number, [[], TITLE])
    + sequences([[{"LEMMA": "закон"}]], _rk, [TITLE])
    + sequences([[{"TEXT": {"REGEX": r"^[А-ЯЁ][а-яё-]+$"}}, {"LEMMA": "кодекс"}]], _rk, [[]] + _date)
    + sequences([[{"LEMMA": {"IN": ["приказ", "постановление", "указ", "распоряжение"]}},
                  {"IS_PUNCT": False, "LOWER": {"NOT_IN": ["от"]}, "OP": "*"}]], _date, _number, [[], TITLE]),
    ALIAS: [[{"ORTH": "("}, {"LOWER": "далее"}, DASH, {"ORTH": {"NOT_IN": [")", "("]}, "OP": "+"}, {"ORTH": ")"}]],
    BASIS_CUE: [[{"LOWER": "в"}, {"LEMMA": "соответствие"}, {"LOWER": {"IN": ["с", "со"]}}]],
    INVALIDATION_CUE: [[{"LEMMA": "признать"}, {"LEMMA": {"IN": ["утратить", "утративший"]}}, {"LEMMA": "сила"}]],
}
for scope, heads in _this.items():
    PATTERNS[f"{THIS}_{scope}"] = [[{"LEMMA": "настоящий"}, {"LEMMA": {"IN": heads}}]]

RULES = LanguageRules(code="rus", spacy_lang="ru", lemmatize=lemmatize, units=UNITS, months=MONTHS,
                      patterns=PATTERNS, act_kinds=ACT_KINDS)

