"""The grammar of an amending act's instructions, per language (held by that language's ``Registry``).

An amending act lists, item by item, the acts it amends ("8. В Закон Республики Казахстан от 15
апреля 2013 года "О государственных услугах" (…):") and, under each item, numbered instructions
("2) пункт 1 статьи 16 изложить в следующей редакции:") followed by the new wording in quotes.

    >>> from consolidator.grammar import registry
    >>> g = registry("rus").instructions
    >>> g.unit("частью"), g.unit("статьи"), g.ordinal("третью"), g.ordinal("второй")
    ('part', 'article', 3, 2)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class InstructionGrammar:
    """What the instruction grammar knows about one language.

    - ``item_head``: an item of the amending act addressed to one act; groups ``item`` and
      ``addressee`` (the rest of the line: the act's kind, date, title and sources).
    - ``addressee_date``: how the item names the amended act's date, a format with ``{day}``,
      ``{month}`` (``months_genitive``) and ``{year}``; its title appears in ``quotes``.
    - ``instruction``: a numbered instruction, groups ``num`` and ``body``.
    - ``article_head``: an article of the amending act itself ("Статья 2."), which ends the items.
    - ``actions``: (pattern, action) tried in order on an instruction's body (its final ":", ";"
      or "." removed). Groups: ``target`` (the provision acted on, innermost unit first), ``new``
      (the unit inserted), ``old`` / ``words`` (quoted words).
    - ``target_unit``: one "unit number" step of a target phrase, groups ``unit`` and ``num``.
    - ``units``: the lemma of a unit word → AKN element (``part`` for an unnumbered paragraph).
    - ``ordinals``: the lemma of an ordinal word → its number ("третий" → 3).
    - ``lemma``: word → its dictionary forms (pymorphy3 for Russian).
    - ``quotes``: (opening, closing) quote characters that delimit new wording.
    """

    item_head: str
    addressee_date: str
    months_genitive: dict[int, str]
    instruction: str
    article_head: str
    actions: tuple[tuple[str, str], ...]
    target_unit: str
    units: dict[str, str]
    ordinals: dict[str, int]
    lemma: Callable[[str], list[str]]
    quotes: tuple[tuple[str, str], ...] = (('"', '"'),)

    def unit(self, word: str) -> str | None:
        """The AKN element a unit word names, in any case form ("статьей" → article)."""
        return next((self.units[lem] for lem in self.lemma(word.lower()) if lem in self.units), None)

    def ordinal(self, word: str) -> int | None:
        """The number an ordinal word or a digit names ("третью" → 3, "2" → 2)."""
        if word.isdigit():
            return int(word)
        return next((self.ordinals[lem] for lem in self.lemma(word.lower()) if lem in self.ordinals), None)
