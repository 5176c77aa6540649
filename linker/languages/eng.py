"""English: blank ``en`` tokenizer; lemmas are lowercase words with the plural of unit words folded.

    >>> RULES.lemmatize("Articles"), RULES.lemmatize("Law")
    ('article', 'law')
"""

from __future__ import annotations

from linker.languages import (
    ACT,
    ACT_NUMBER,
    ALIAS,
    BASIS_CUE,
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

UNITS = {"article": "article", "paragraph": "paragraph", "subparagraph": "point", "chapter": "chapter",
         "section": "subchapter"}
MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
ACT_KINDS = {"law": "law", "code": "code", "order": "order", "resolution": "resolution"}


def lemmatize(word: str) -> str:
    """Lowercase, with "Articles" → "article" for the unit and act words."""
    low = word.lower()
    return low[:-1] if low.endswith("s") and low[:-1] in {**UNITS, **ACT_KINDS, "rule": 1} else low


_rk = [[{"LOWER": "of"}, {"LOWER": "the"}, {"LOWER": "republic"}, {"LOWER": "of"}, {"LOWER": "kazakhstan"}]]
_date = [[{"LOWER": "dated"}, DOTTED_DATE], [{"LOWER": "dated"}, DAY, {"LEMMA": {"IN": list(MONTHS)}}, YEAR],
         [{"LOWER": "dated"}, {"LEMMA": {"IN": list(MONTHS)}}, DAY, {"ORTH": ",", "OP": "?"}, YEAR]]
_number = [[{"LOWER": {"IN": ["no", "no."]}}, {"ORTH": ".", "OP": "?"}, ACT_NUMBER]]
_this = {"act": ["law", "code"], "document": ["rule"], "body": ["order", "resolution"],
         "article": ["article"], "paragraph": ["paragraph"]}

PATTERNS = {
    UNIT: unit_lists({"LEMMA": {"IN": list(UNITS)}}, number_first=False, separators=[",", "and", "or"]),
    ACT: sequences([[{"LEMMA": "law"}]], _rk, _date, [[]] + _number, [[], TITLE])
    + sequences([[{"LEMMA": "law"}]], _rk, [TITLE])
    + sequences([[{"IS_TITLE": True}, {"LEMMA": "code"}]], [[]] + _rk, [[]] + _date)
    + sequences([[{"LEMMA": "order"}, {"IS_PUNCT": False, "LOWER": {"NOT_IN": ["dated"]}, "OP": "*"}]], _date,
                _number),
    ALIAS: [[{"ORTH": "("}, {"LOWER": "hereinafter"}, {"ORTH": {"NOT_IN": [")", "("]}, "OP": "+"}, {"ORTH": ")"}]],
    BASIS_CUE: [[{"LOWER": "in"}, {"LOWER": "accordance"}, {"LOWER": "with"}], [{"LOWER": "pursuant"}, {"LOWER": "to"}]],
    INVALIDATION_CUE: [[{"LOWER": "recognize"}, {"LOWER": "as"}, {"LOWER": "invalid"}]],
}
for scope, heads in _this.items():
    PATTERNS[f"{THIS}_{scope}"] = [[{"LOWER": {"IN": ["this", "these"]}}, {"LEMMA": {"IN": heads}}]]

RULES = LanguageRules(code="eng", spacy_lang="en", lemmatize=lemmatize, units=UNITS, months=MONTHS,
                      patterns=PATTERNS, gap_lemmas=frozenset({"of"}), act_kinds=ACT_KINDS)

