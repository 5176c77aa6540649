"""One registry of reference rules per language: ``REGISTRY["rus" | "kaz" | "eng"]``.

Each registry says how to tokenize and lemmatize, which words name units and acts, and the
spaCy Matcher patterns. Everything language-specific lives in ``rus.py``, ``kaz.py`` and
``eng.py``; the extractor itself never asks which language it is reading.

    >>> REGISTRY["kaz"].lemmatize("тармақшасына"), REGISTRY["rus"].lemmatize("статьей")
    ('тармақша', 'статья')
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

# Token-level building blocks shared by the registries (regexes apply to one token's text).
NUM = {"TEXT": {"REGEX": r"^\d+(?:-\d+)*$"}}
PAREN = {"ORTH": ")", "OP": "?"}
QUOTES = ['"', "«", "»", "“", "”", "„"]
QUOTE = {"ORTH": {"IN": QUOTES}}
NOT_QUOTE = {"ORTH": {"NOT_IN": QUOTES}, "OP": "+"}
TITLE = [QUOTE, NOT_QUOTE, QUOTE]
DAY = {"TEXT": {"REGEX": r"^\d{1,2}$"}}
YEAR = {"TEXT": {"REGEX": r"^(19|20)\d\d$"}}
DOTTED_DATE = {"TEXT": {"REGEX": r"^\d{2}\.\d{2}\.\d{4}$"}}
ACT_NUMBER = {"TEXT": {"REGEX": r"^\d[\w-]*$"}}
DASH = {"ORTH": {"IN": ["-", "–", "—"]}}

# Labels of reference parts; CUE labels mark phrases that give a reference its role.
UNIT, ACT, ALIAS = "UNIT", "ACT", "ALIAS"
THIS = "THIS"           # label prefix: THIS_act, THIS_article, …
BASIS_CUE, INVALIDATION_CUE = "BASIS_CUE", "INVALIDATION_CUE"
CUES = (BASIS_CUE, INVALIDATION_CUE)


@dataclass(frozen=True)
class LanguageRules:
    """The rules of one language. ``outer_first``: Kazakh names the act, then the article,
    then the point ("Заңының 9-1-бабының 1) тармақшасына"); Russian and English go inwards-out."""

    code: str
    spacy_lang: str
    lemmatize: Callable[[str], str]
    units: dict[str, str]                    # lemma → AKN element
    months: dict[str, int]                   # lemma → month
    patterns: dict[str, list[list[dict]]]    # Matcher label → token patterns
    outer_first: bool = False
    gap_lemmas: frozenset[str] = frozenset()  # words allowed between the parts ("of")
    extra_infixes: tuple[str, ...] = ()
    act_kinds: dict[str, str] = field(default_factory=dict)  # lemma → law | code | order


def sequences(*parts: Iterable[list[dict]]) -> list[list[dict]]:
    """Every concatenation of one alternative per part; ``[]`` as an alternative makes a part optional.

    >>> len(sequences([[{"ORTH": "a"}]], [[], [{"ORTH": "b"}]]))
    2
    """
    return [[tok for alt in combo for tok in alt] for combo in itertools.product(*parts)]


def unit_lists(word: dict, number_first: bool, separators: list[str], up_to: int = 3) -> list[list[dict]]:
    """Patterns for a unit word with one to ``up_to`` numbers ("пунктам 2 и 3", "1), 2) және 3) тармақшалары")."""
    sep = {"LOWER": {"IN": separators}, "OP": "+"}
    patterns = []
    for n in range(1, up_to + 1):
        numbers = [NUM, PAREN]
        for _ in range(n - 1):
            numbers += [sep, NUM, PAREN]
        patterns.append(numbers + [word] if number_first else [word] + numbers)
    return patterns


def _registry() -> dict[str, LanguageRules]:
    from linker.languages import eng, kaz, rus

    return {r.code: r for r in (rus.RULES, kaz.RULES, eng.RULES)}


REGISTRY: dict[str, LanguageRules] = _registry()
