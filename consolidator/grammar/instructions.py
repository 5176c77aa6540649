"""The grammar of an amending act's instructions, per language (held by that language's ``Registry``).

An amending act lists, item by item, the acts it amends ("31. В Закон Республики Казахстан от 15 апреля
2013 года «О государственных услугах» (…):", "31. «Мемлекеттік көрсетілетін қызметтер туралы» 2013 жылғы
15 сәуірдегі Қазақстан Республикасының Заңына (…):") and, under each item, instructions: numbered ones
("2) пункт 1 статьи 16 изложить в следующей редакции:"), lines that open a scope for the lines after them
("в статье 5:", "2-тармақта:"), and the new wordings in quotes.

    >>> from consolidator.grammar import registry
    >>> g = registry("rus").instructions
    >>> g.unit("частью"), g.unit("статьи"), g.ordinal("третью"), g.ordinal("второй")
    ('part', 'article', 3, 2)
    >>> k = registry("kaz").instructions
    >>> k.unit("тармағының"), k.unit("тармақшасындағы"), k.unit("бөлігі"), k.ordinal("тоғызыншы")
    ('paragraph', 'point', 'part', 9)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

# the unit kinds an instruction can name, outermost first; "part" (часть / бөлік) and "abzac" (абзац) are
# unnumbered paragraphs of a provision's own text, "heading" its heading
LEVELS = {"document": 0, "chapter": 1, "subchapter": 2, "article": 3, "paragraph": 4, "part": 5, "point": 6, "abzac": 7,
          "heading": 8}


@dataclass(frozen=True)
class InstructionGrammar:
    """What the instruction grammar knows about one language.

    - ``item_head``: an item of the amending act addressed to one act; groups ``item`` and ``addressee``.
    - ``article_item``: an article of an act that amends one act only, addressed to it ("Статья 1. Внести в
      Закон … следующие изменения:", "1-бап. «…» … Заңына мынадай өзгерістер енгізілсін:"); same groups.
    - ``addressee_date``: how the item names the amended act's date, a format with ``{day}``,
      ``{month}`` (``months_genitive``) and ``{year}``; its title appears in ``quotes``.
    - ``instruction``: a numbered instruction, groups ``num`` and ``body``.
    - ``article_head``: an article of the amending act itself ("Статья 2.", "2-бап."), which ends the items.
    - ``scope``: a line that opens a scope for the lines after it ("в статье 5:", "4-баптың 1-тармағында:");
      group ``target``.
    - ``actions``: (pattern, action) tried in order on a clause (its final ":", ";" or "." removed).
      Groups: ``target`` (the provision acted on), ``new`` (the units inserted), ``old`` / ``words`` /
      ``anchor`` (quoted words).
    - ``joiners``: (pattern, finite verb): a clause that joins two actions ("… ауыстырылып, 2) тармақшасы
      алып тасталсын") is split there, the first part ending with the finite verb.
    - ``units``: a unit word's stem or lemma → unit kind (see ``LEVELS``); ``number_first``: the number
      comes before the unit word ("25-баптың", "3) тармақшасы") and the phrase names the outermost unit
      first; otherwise it follows ("подпункт 3) пункта 2 статьи 5") and the innermost comes first.
    - ``ordinals``: an ordinal's stem or lemma → its number ("третий" → 3, "тоғызыншы" → 9).
    - ``connectors``: words joining several numbers ("и", "және").
    - ``lemma``: word → its dictionary forms (pymorphy3 for Russian); ``stems``: match by prefix instead.
    - ``quotes``: the (opening, closing) quote characters that delimit new wording and words.
    - ``entry_into_force``: what marks the act's own article on its entry into force (to find it); its
      exceptions are read with the same unit words ("подпунктов 7), 8) пункта 31 статьи 1").
    - ``no_change``: a clause saying that this language's text does not change (the Kazakh text of an
      item may say so where only the Russian text is corrected).
    - ``tens``: words that make a two-word ordinal with the next ("он бірінші" → 11).
    - ``whole_text``: the phrase that makes words change throughout the act ("по всему тексту", "бүкіл мәтін
      бойынша"); such an instruction's target is ``(("document", ""),)``.
    """

    item_head: str
    addressee_date: str
    article_item: str
    months_genitive: dict[int, str]
    instruction: str
    article_head: str
    scope: tuple[str, ...]
    actions: tuple[tuple[str, str], ...]
    units: dict[str, str]
    ordinals: dict[str, int]
    lemma: Callable[[str], list[str]]
    connectors: tuple[str, ...] = ("и",)
    number_first: bool = False
    stems: bool = False
    joiners: tuple[tuple[str, str], ...] = ()
    quotes: tuple[tuple[str, str], ...] = (("«", "»"), ('"', '"'))
    entry_into_force: str = ""
    no_change: str = ""
    tens: dict[str, int] = field(default_factory=dict)
    whole_text: str = ""

    def _forms(self, word: str) -> list[str]:
        return self.lemma(word.lower()) if not self.stems else [word.lower()]

    def unit(self, word: str) -> str | None:
        """The unit kind a unit word names, in any case form ("статьей" → article, "тармағының" → paragraph)."""
        for form in self._forms(word):
            if form in self.units:
                return self.units[form]
            if self.stems:
                stems = sorted((s for s in self.units if form.startswith(s)), key=len, reverse=True)
                if stems:
                    return self.units[stems[0]]
        return None

    def ordinal(self, word: str) -> int | None:
        """The number an ordinal word or a digit names ("третью" → 3, "2" → 2)."""
        if word.isdigit():
            return int(word)
        for form in self._forms(word):
            if form in self.ordinals:
                return self.ordinals[form]
            if self.stems:
                stems = sorted((s for s in self.ordinals if form.startswith(s)), key=len, reverse=True)
                if stems:
                    return self.ordinals[stems[0]]
        return None
