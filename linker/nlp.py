"""spaCy pipelines per language: tokenizer adjustments, a lemma component, and the Matcher.

    >>> doc = pipeline("rus")("подпунктом 3) статьи 9-1")
    >>> [t.text for t in doc], doc[3].lemma_
    (['подпунктом', '3', ')', 'статьи', '9-1'], 'статья')
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.util import compile_infix_regex

from linker.languages import REGISTRY

# Default infixes that split "9-1" (digit-hyphen-digit) and hyphenated words; numbers like
# "9-1" and words like "Уголовно-процессуальным" stay whole.
_HYPHEN_INFIXES = (r"(?<=[0-9])[+\-\*^](?=[0-9-])", "(?:-|–|—|--|---|——|~)")


@Language.factory("zanlex_lemmas", default_config={"lang": "rus"})
def _lemma_component(nlp: Language, name: str, lang: str):
    """Set ``token.lemma_`` from the language registry (pymorphy3 for Russian)."""
    lemmatize = REGISTRY[lang].lemmatize

    def set_lemmas(doc):
        for token in doc:
            token.lemma_ = lemmatize(token.text)
        return doc

    return set_lemmas


@cache
def pipeline(lang: str) -> Language:
    """The blank spaCy pipeline of a language, with "9-1" kept whole and lemmas set."""
    rules = REGISTRY[lang]
    nlp = spacy.blank(rules.spacy_lang)
    infixes = [i for i in (nlp.Defaults.infixes or []) if not any(h in i for h in _HYPHEN_INFIXES)]
    nlp.tokenizer.infix_finditer = compile_infix_regex([*infixes, *rules.extra_infixes]).finditer
    # spaCy's emoticon exceptions read "8)" as a smiley; here it is point 8.
    nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if not k[:1].isdigit()}
    nlp.add_pipe("zanlex_lemmas", config={"lang": lang})
    return nlp


@cache
def matcher(lang: str) -> Matcher:
    """The Matcher with every pattern of the language's registry, one label per part."""
    m = Matcher(pipeline(lang).vocab, validate=True)
    for label, patterns in REGISTRY[lang].patterns.items():
        m.add(label, patterns, greedy="LONGEST")
    return m
