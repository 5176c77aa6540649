"""Which provisions changed between two texts of one language, each with its word-level diff.

The word diff itself is the consolidator's (``consolidator.word_diff``, diff-match-patch over
word tokens); this module pairs provisions by eId and decides what may be compared. Only
wordings in the page's own language are compared: where either side's wording is unknown, or
known only in another language, the change is "wording not available" — never a deletion or an
insertion, which a lawyer would read as a repeal or a new provision.

    >>> from publisher.model import ProvisionView, TextView
    >>> old = TextView("t", body=[ProvisionView("art_1", "article", "1", "Понятия", ["a b c"]),
    ...                           ProvisionView("art_3", "article", "3", None, missing="not_in_corpus")])
    >>> new = TextView("t", body=[ProvisionView("art_1", "article", "1", "Понятия", ["a x c"]),
    ...                           ProvisionView("art_2", "article", "2", "Цель"),
    ...                           ProvisionView("art_3", "article", "3", "Сфера", ["y"])])
    >>> [(c.eid, c.status) for c in text_changes(old, new, "rus")]
    [('art_1', 'changed'), ('art_2', 'inserted'), ('art_3', 'not_available')]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from consolidator import word_diff
from publisher.languages import LANGUAGES
from publisher.model import ProvisionView, TextView
from publisher.render import memo
from publisher.words import path_of, printed_heading, printed_words, provision_label


@dataclass
class ProvisionChange:
    eid: str
    label: str                      # the provision, named in the page's language ("статья 7, подпункт 3)")
    status: str                     # inserted | removed | changed | not_available
    ops: list[tuple[int, str]]      # word diff (changed), or the whole wording (inserted / removed)
    article: str | None = None      # the enclosing article: its number and heading, for context
    context: str | None = None      # the enclosing provision's own words (e.g. "Уполномоченный орган:")
    old: str = ""                   # the two wordings, for the side-by-side view
    new: str = ""
    old_lang: str | None = None     # the language of a wording shown from another language's text
    new_lang: str | None = None
    old_known: bool = True
    new_known: bool = True
    note: str | None = None         # a repealed provision's own words ("исключен Законом РК от …")
    heading: str | None = None      # its own heading, where known in the page's language
    in_new: bool = True             # the newer text has it (else a link goes to the older one)
    removed_ops: list = field(default_factory=list)


def text_changes(old: TextView, new: TextView, lang: str) -> list[ProvisionChange]:
    """The provisions whose own words differ between two texts, in the new text's order
    (provisions only in the old text come after their predecessor)."""
    L = LANGUAGES[lang]
    before, after = _by_eid(old), _by_eid(new)
    changes: list[ProvisionChange] = []
    parents: dict[str, ProvisionView] | None = None
    order = list(after) + [e for e in before if e not in after]
    for eid in order:
        a, b = before.get(eid), after.get(eid)
        if a is not None and a.repealed:
            a = None                           # shown greyed in a current text: not in force
        if b is not None and b.repealed and a is None:
            continue                           # repealed on both sides
        if a is not None and b is not None and not b.repealed and _same_words(a, b):
            continue                           # most provisions: their own words untouched
        if parents is None:
            parents = {**before, **{k: v for k, v in after.items() if _known(v) or k not in before}}
        known_a, known_b = _known(a), _known(b)
        wa, wb = _words(a, L), _words(b, L)
        if a is None and b is None:
            continue
        if wa == wb and (a and a.source_lang) == (b and b.source_lang) and bool(a and a.missing) == bool(
                b and b.missing) and not (b and b.repealed):
            continue                           # the same words from the same text: nothing changed
        p = b or a
        change = ProvisionChange(eid, provision_label(L, path_of(p, parents)) or (p.num or ""), "changed", [],
                                 old=wa, new=wb, old_lang=a.source_lang if a else None,
                                 new_lang=b.source_lang if b else None,
                                 old_known=a is None or known_a, new_known=b is None or known_b)
        change.article, change.context = _context(p, parents, L)
        change.heading = p.heading if p.heading and not p.source_lang and not p.missing else None
        change.in_new = b is not None
        if b is not None and b.repealed:
            # Repealed: its words are struck out only when they are known in this language.
            change.status, change.note = "removed", " ".join(b.text) or None
            change.ops = [(-1, wa)] if known_a and wa else []
            change.old, change.new = (wa if known_a else ""), ""
        elif (a is not None and not known_a) or (b is not None and not known_b):
            if (not (known_a or known_b) and a is not None and b is not None and a.source_lang == b.source_lang
                    and (wa == wb or not (wa and wb))):
                continue                       # neither side known in this language, nothing new learnt
            change.status = "not_available"
            change.old = wa if known_a else ""
            change.new = wb if known_b else ""
        elif a is None:
            change.status, change.ops = "inserted", [(1, wb)]
        elif b is None:
            change.status, change.ops = "removed", [(-1, wa)]
        else:
            change.ops = _word_diff(wa, wb)
        changes.append(change)
    return _outermost_unavailable(changes)


def _by_eid(text: TextView) -> dict[str, ProvisionView]:
    """A text's provisions by eId, made once per text while its act's pages are rendered (the
    current text is compared with every version): kept with the fragments of ``render``."""
    return memo(("diffs.by_eid", id(text)), lambda: (text, {p.eid: p for p in text.walk()}))[1]


def _same_words(a: ProvisionView, b: ProvisionView) -> bool:
    """The two print the same own words from the same kind of source (``_words`` of both equal,
    without building them): no change to list."""
    return a is b or (a.num == b.num and a.heading == b.heading and a.text == b.text and a.wrap_up == b.wrap_up
                      and a.kind == b.kind and a.source_lang == b.source_lang and bool(a.missing) == bool(b.missing))


def _outermost_unavailable(changes: list[ProvisionChange]) -> list[ProvisionChange]:
    """A provision whose wording is not available is listed once: not again for each unit inside it."""
    unavailable = {c.eid for c in changes if c.status == "not_available"}

    def inside_another(eid: str) -> bool:
        parts = eid.split("__")
        return any("__".join(parts[:n]) in unavailable for n in range(1, len(parts)))

    return [c for c in changes if not (c.status == "not_available" and inside_another(c.eid))]


@lru_cache(maxsize=4096)
def _word_diff(old: str, new: str) -> list[tuple[int, str]]:
    """The same provision pair recurs across many versions: diff each pair once."""
    return word_diff(old, new)


def _known(p: ProvisionView | None) -> bool:
    """Its wording is known in the text's own language (not missing, not borrowed, not partial)."""
    return p is not None and not p.missing and not p.source_lang and not p.partial


def _words(p: ProvisionView | None, L) -> str:
    """A provision's own words as its text prints them: an article's number as the law writes it
    ("Статья 28.", "28-бап."), then its heading and text.

    >>> _words(ProvisionView("art_28", "article", "28", "Порядок", ["Текст."]), LANGUAGES["rus"])
    'Статья 28. Порядок Текст.'
    >>> _words(ProvisionView("art_1__point_3", "point", "3)", None, ["текст;"]), LANGUAGES["kaz"])
    '3) текст;'
    """
    return "" if p is None or p.missing else printed_words(L, p)


def _context(p: ProvisionView, parents: dict[str, ProvisionView], L) -> tuple[str | None, str | None]:
    """The enclosing article ("Статья 7. Компетенция …") and the enclosing provision's own words."""
    parts = p.eid.split("__")
    article, context = None, None
    for n in range(len(parts) - 1, 0, -1):
        q = parents.get("__".join(parts[:n]))
        if q is None:
            continue
        if context is None and q.text and q.kind not in ("chapter", "subchapter"):
            context = " ".join(q.text)
        if q.kind == "article":
            article = printed_heading(L, q)
            break
    if p.kind == "article":
        article = None
    return article, context
