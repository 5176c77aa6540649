"""Kazakh: spaCy has no Kazakh, so a blank multi-language tokenizer that splits a number from
its agglutinated unit word ("9-1-бабының" → "9-1", "-", "бабының") and a stem table for lemmas.

    >>> [RULES.lemmatize(w) for w in ["бабының", "тармағының", "тармақшасына", "Заңының", "заңнамасы"]]
    ['бап', 'тармақ', 'тармақша', 'заң', 'заңнамасы']
"""

from __future__ import annotations

from functools import lru_cache

from linker.languages import (
    ACT,
    ACT_NUMBER,
    ALIAS,
    BASIS_CUE,
    DASH,
    DAY,
    DOTTED_DATE,
    INVALIDATION_CUE,
    NUM,
    THIS,
    TITLE,
    UNIT,
    YEAR,
    LanguageRules,
    sequences,
    unit_lists,
)

# (stem, lemma), longest first; a stem matches a word that starts with it.
_STEMS = [
    ("тармақша", "тармақша"), ("тармақ", "тармақ"), ("тармағ", "тармақ"), ("бап", "бап"), ("баб", "бап"),
    ("тарау", "тарау"), ("параграф", "параграф"), ("кодекс", "кодекс"), ("бұйрық", "бұйрық"),
    ("бұйрығ", "бұйрық"), ("қаулы", "қаулы"), ("қағида", "қағида"), ("республика", "республика"),
    ("жыл", "жыл"), ("сәйкес", "сәйкес"), ("заң", "заң"),
    ("қаңтар", "қаңтар"), ("ақпан", "ақпан"), ("наурыз", "наурыз"), ("сәуір", "сәуір"), ("мамыр", "мамыр"),
    ("маусым", "маусым"), ("шілде", "шілде"), ("тамыз", "тамыз"), ("қыркүйек", "қыркүйек"),
    ("қазан", "қазан"), ("қараша", "қараша"), ("желтоқсан", "желтоқсан"),
]
# Words that begin like a stem but are other words: legislation, legal, …
_NOT = ("заңнама", "заңды", "заңсыз", "жылдам", "бабы-", "қазанғап")


@lru_cache(maxsize=65536)
def lemmatize(word: str) -> str:
    """The stem-table lemma of a Kazakh word, lowercased; unknown words are just lowercased."""
    low = word.lower()
    if low.startswith(_NOT):
        return low
    return next((lemma for stem, lemma in _STEMS if low.startswith(stem)), low)


UNITS = {"бап": "article", "тармақ": "paragraph", "тармақша": "point", "тарау": "chapter",
         "параграф": "subchapter"}
MONTHS = {m: i for i, m in enumerate(
    ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
     "қараша", "желтоқсан"], start=1)}
ACT_KINDS = {"заң": "law", "кодекс": "code", "бұйрық": "order", "қаулы": "resolution"}

_rk = [[], [{"LOWER": "қазақстан"}, {"LEMMA": "республика"}]]
# "2013 жылғы 15 сәуірдегі", "29.10.2015"
_date = [[YEAR, {"LEMMA": "жыл"}, DAY, {"LEMMA": {"IN": list(MONTHS)}}], [DOTTED_DATE]]
_this = {"act": ["заң", "кодекс"], "document": ["қағида"], "body": ["бұйрық", "қаулы"],
         "article": ["бап"], "paragraph": ["тармақ"]}
_hyphen = {"ORTH": "-"}

PATTERNS = {
    # "15-бабында", "1) тармақшасына", "1), 2) және 3) тармақшаларында", "1-тармақшасына"
    UNIT: unit_lists({"LEMMA": {"IN": list(UNITS)}}, number_first=True, separators=[",", "және", "немесе"])
    + [[NUM, _hyphen, {"LEMMA": {"IN": list(UNITS)}}]],
    ACT: sequences([TITLE], [[]] + _date, _rk, [[{"LEMMA": "заң"}]])
    + sequences(_rk, [[{"TEXT": {"REGEX": r"^[А-ЯӘҒҚҢӨҰҮҺІЁ][^\W\d_]+$"}}, {"LEMMA": "кодекс"}]])
    + sequences(_date, [[{"ORTH": "№"}, ACT_NUMBER]], [[], [{"ORTH": "/"}, {"IS_ALPHA": True}]],
                [[{"LEMMA": {"IN": ["бұйрық", "қаулы"]}}]]),
    ALIAS: [[{"ORTH": "("}, {"LOWER": "бұдан"}, {"LOWER": "әрі"}, DASH, {"ORTH": {"NOT_IN": [")", "("]}, "OP": "+"},
             {"ORTH": ")"}]],
    BASIS_CUE: [[{"LEMMA": "сәйкес"}]],
    INVALIDATION_CUE: [[{"LOWER": "күші"}, {"LOWER": "жойылды"}, {"LOWER": "деп"}]],
}
for scope, heads in _this.items():
    PATTERNS[f"{THIS}_{scope}"] = [[{"LOWER": "осы"}, {"LEMMA": {"IN": heads}}]]

RULES = LanguageRules(code="kaz", spacy_lang="xx", lemmatize=lemmatize, units=UNITS, months=MONTHS,
                      patterns=PATTERNS, outer_first=True, act_kinds=ACT_KINDS,
                      # split a number from the word glued to it by a hyphen: "9-1-бабының"
                      extra_infixes=(r"(?<=[0-9])-(?=[^\W\d_])",))
