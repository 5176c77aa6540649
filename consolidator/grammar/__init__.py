"""Per-language footnote grammars: one ``Registry`` per language, nothing language-specific elsewhere.

    >>> registry("rus").unit_kind("статья")
    'article'
    >>> registry("kaz").numeral("он"), registry("eng").numeral("thirty")
    (10, 30)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from consolidator.errors import UnknownLanguage


@dataclass(frozen=True)
class Registry:
    """Everything the footnote grammar knows about one language.

    Regexes are matched case-insensitively on text whose markup was removed
    (see ``consolidator.footnotes.clean``).

    - ``note_prefix``: the publisher's word that opens a footnote ("Сноска.").
    - ``subjects``: patterns for the unit a footnote starts with; named groups ``unit``,
      ``num`` and optionally ``heading``.
    - ``units``: a unit word (lower case, any case ending stripped to the key by
      ``unit_kind``) → AKN element; ``attachment`` for the Rules an order approves.
    - ``kinds``: (pattern, kind) for the phrase before an act citation; named groups
      ``acttype`` and ``body`` (the issuing body of an order), ``unit``/``num`` for insertions.
    - ``citation``: one cited act; groups ``date``, ``number``, ``rule`` / ``rule2``, and
      optionally ``acttype`` / ``body`` when the language puts them after the number.
    - ``act_types``: a stem of the act's name → law | order.
    - ``rules``: (pattern, kind) for entry-into-force clauses; groups ``days`` (a numeral word),
      ``on`` (a date), ``nb_day``/``nb_month``/``nb_year`` or ``nb`` (a "not before" date).
    - ``numerals`` and ``months``: the words those clauses use.
    - ``repeal_inline``: how an inline repeal note ("3) исключен …") starts.
    - ``range_num``: a range of repealed numbers ("3) - 9)").
    - ``instructions``: the grammar of amending acts' instructions in this language
      (``consolidator.grammar.instructions.InstructionGrammar``), None where none is written yet.
    - ``act_type_after``: the kind of act follows the citations it closes ("… № 408-V (…) заңдарымен").
    - ``letters``: look-alike letters to read as the language's own before matching.
    """

    lang: str
    note_prefix: str
    subjects: tuple[str, ...]
    units: dict[str, str]
    kinds: tuple[tuple[str, str], ...]
    citation: str
    act_types: dict[str, str]
    rules: tuple[tuple[str, str], ...]
    numerals: dict[str, int]
    months: dict[str, int] = field(default_factory=dict)
    repeal_inline: str = ""
    range_num: str = r"(?P<first>\d+(?:-\d+)?)\)\s*[-–—]\s*(?P<last>\d+(?:-\d+)?)\)"
    instructions: object | None = None
    act_type_after: bool = False    # the act's kind closes a list of citations ("… заңдарымен")
    letters: dict[str, str] = field(default_factory=dict)   # look-alike letters read as the language's own

    def normalise(self, text: str) -> str:
        """Text as the grammar reads it: look-alike letters unified (Kazakh copies mix Latin "i" and "і").

        >>> registry("kaz").normalise("күнтiзбелiк 272-VI")
        'күнтізбелік 272-VI'
        """
        return text.translate(str.maketrans(self.letters)) if self.letters else text

    def unit_kind(self, word: str) -> str | None:
        """The AKN element for a unit word in any case form: the longest matching stem wins."""
        word = word.lower().strip()
        stems = sorted((s for s in self.units if word.startswith(s)), key=len, reverse=True)
        return self.units[stems[0]] if stems else None

    def act_type(self, word: str) -> str | None:
        word = word.lower().strip()
        return next((t for stem, t in self.act_types.items() if word.startswith(stem)), None)

    def numeral(self, word: str) -> int | None:
        word = word.lower().strip()
        if word.isdigit():
            return int(word)
        return self.numerals.get(word)

    def month(self, word: str) -> int | None:
        word = word.lower()
        return next((m for stem, m in self.months.items() if word.startswith(stem)), None)

    def compiled(self, pattern: str) -> re.Pattern:
        return _compile(pattern)


def parse_dotted_date(text: str) -> date:
    """'01.03.2016' → 2016-03-01; '2015.11.23' → 2015-11-23 (the Kazakh site's form)."""
    a, b, c = text.split(".")
    return date(int(a), int(b), int(c)) if len(a) == 4 else date(int(c), int(b), int(a))


_CACHE: dict[str, re.Pattern] = {}


def _compile(pattern: str) -> re.Pattern:
    if pattern not in _CACHE:
        _CACHE[pattern] = re.compile(pattern, re.IGNORECASE | re.UNICODE)
    return _CACHE[pattern]


def registry(lang: str) -> Registry:
    from consolidator.grammar import eng, kaz, rus

    found = {"rus": rus.RUS, "kaz": kaz.KAZ, "eng": eng.ENG}.get(lang)
    if found is None:
        raise UnknownLanguage(f"unknown language {lang!r}: use rus, kaz or eng")
    return found
