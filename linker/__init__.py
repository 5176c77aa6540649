"""Links: references in three languages, the law–bylaw graph, and stale-delegation alerts.

Public API (everything else is internal)::

    >>> from linker import extract_references
    >>> [(r.raw, r.path) for r in extract_references("предусмотренном статьей 15 настоящего Закона", "rus")]
    [('статьей 15 настоящего Закона', (('article', '15'),))]

- ``extract_references(text, lang) -> list[Reference]``: spaCy Matcher over tokens, per-language
  registries in ``linker.languages`` (rus: pymorphy3 lemmas; kaz: own tokenizer; eng).
"""

from linker.extract import cues_in, extract_references
from linker.model import ActMention, Reference, Resolution

__all__ = ["ActMention", "Reference", "Resolution", "cues_in", "extract_references"]
