"""References in Akoma Ntoso: wrap each reference's words in ``<ref href="…">`` inside the
parser's ``<p>`` elements. Words are never changed, only wrapped, so the text is conserved and
the document stays strictly XSD-valid.

- same work: ``href="#chp_3__art_15"``;
- another corpus work: ``href="/akn/kz/act/2013-04-15/88-V/~chp_2__art_7__point_3"``;
- an external work known by date and number: its URI (plus ``/~art_16`` … when a unit is named).

External works named only by title, and unresolved references, are left unwrapped (the graph
and ``zanlex check`` list them).

    >>> root = linked_xml(corpus_dir, "order-78", "rus")                       # doctest: +SKIP
    >>> root.find(".//{*}preamble//{*}ref").get("href")                         # doctest: +SKIP
    '/akn/kz/act/2013-04-15/88-V/~chp_2__art_7__point_3'
"""

from __future__ import annotations

from lxml import etree

from linker.extract import extract_references
from linker.model import Resolution
from linker.resolve import resolve, unit_eid


def ref_href(res: Resolution) -> str | None:
    """The href of a resolved or external reference, None when there is no URI to point to."""
    if res.status == "resolved":
        if res.eid is None:
            return res.target
        return f"#{res.eid}" if res.target == res.work else f"{res.target}/~{res.eid}"
    if res.status == "external" and res.target and res.target.startswith("/akn/"):
        return f"{res.target}/~{unit_eid(res.reference.path)}" if res.reference.path else res.target
    return None


def add_refs(root: etree._Element, act, work, works: dict, *, found: dict | None = None, corpus=None) -> int:
    """Wrap the references of every body/preamble ``<p>`` of ``root`` in place; returns how many.

    ``found`` (paragraph text → references, ``linker.texts.by_text``) are the references a build
    extracted already; a paragraph it does not hold is analysed here."""
    ns = etree.QName(root).namespace
    count = 0
    for p in list(root.iter(f"{{{ns}}}p")):
        if _in(p, {"meta", "num", "heading", "preface"}) or p.find(f"{{{ns}}}ref") is not None:
            continue
        text = "".join(_segments_text(p))
        if not text.strip():
            continue
        source = _source_eid(p)
        done: set[tuple[int, int]] = set()
        refs = found.get(text) if found is not None else None
        if refs is None:
            refs = extract_references(text, act.lang)
        for ref in sorted(refs, key=lambda r: -r.start):
            if (ref.start, ref.end) in done:
                continue       # a list ("пунктам 2 и 3") is one span: wrapped once
            href = ref_href(resolve(ref, act, work, works, source, corpus=corpus))
            if href and _wrap(p, ref.start, ref.end, href, ns):
                done.add((ref.start, ref.end))
                count += 1
    return count


def linked_xml(corpus, name: str, lang: str) -> etree._Element:
    """The parser's AKN for one text (``corpus``: a ``Corpus`` or its folder), with its references
    wrapped (extracted once per text: ``linker.texts``)."""
    from akn_schema import act_to_xml
    from akn_schema.corpus import as_corpus
    from linker.texts import by_text, text_references

    corpus = as_corpus(corpus)
    work = corpus.work(name)
    act = corpus.act(name, lang)
    root = act_to_xml(act, work)
    add_refs(root, act, work, corpus.works, found=by_text(text_references(corpus, name, lang)), corpus=corpus)
    return root


def _in(el, names: set[str]) -> bool:
    return any(etree.QName(a).localname in names for a in el.iterancestors())


def _source_eid(p) -> str | None:
    for a in p.iterancestors():
        if etree.QName(a).localname in ("preamble", "attachment", "doc"):
            return None
        if a.get("eId"):
            return a.get("eId")
    return None


def _segments(p):
    """(owner, is_tail, text) for p.text and each child's tail, in order."""
    out = [(p, False, p.text or "")]
    out += [(child, True, child.tail or "") for child in p]
    return out


def _segments_text(p):
    return [t for _, _, t in _segments(p)]


def _wrap(p, start: int, end: int, href: str, ns: str) -> bool:
    """Wrap text[start:end] of ``p`` in a ref when it lies inside one text node."""
    offset = 0
    for owner, is_tail, text in _segments(p):
        if offset <= start and end <= offset + len(text):
            a, b = start - offset, end - offset
            ref = etree.Element(f"{{{ns}}}ref", href=href)
            ref.text, ref.tail = text[a:b], text[b:]
            if is_tail:
                owner.tail = text[:a]
                owner.addnext(ref)
            else:
                p.text = text[:a]
                p.insert(0, ref)
            return True
        offset += len(text)
    return False
