"""``Act`` → Akoma Ntoso 3.0 XML (lxml), following DESIGN §2.

A thin layer: one function per AKN construct. Text goes in verbatim; a "\\n" inside a
paragraph (a line break restored in a table cell) becomes ``<br/>``.

    >>> from .grammar import parse_lines
    >>> from pathlib import Path
    >>> from .works import Work
    >>> act = parse_lines("Закон\\n\\nСтатья 1. Понятия\\n\\nТекст.\\n", lang="rus", doctype="law", path="x.txt")
    >>> xml = act_to_xml(act, Work.adhoc(Path("x.txt"), "rus", "law"))
    >>> xml.find(".//{*}article").get("eId"), xml.findtext(".//{*}article/{*}num")
    ('art_1', 'Статья 1.')
"""

from __future__ import annotations

import datetime as dt
import re
from xml.sax import saxutils

from lxml import etree
from lxml.builder import ElementMaker

from .model import REMOVED, Act, Attachment, Note, Provision
from .works import Work

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
E = ElementMaker(namespace=AKN_NS, nsmap={None: AKN_NS})
SOURCE = "#zanlex"
_P, _BR, _NUM, _HEADING, _INTRO, _WRAPUP, _CONTENT = (
    f"{{{AKN_NS}}}{t}" for t in ("p", "br", "num", "heading", "intro", "wrapUp", "content"))


def expression_uri(work: Work, lang: str, date: dt.date | None) -> str:
    """``/akn/kz/act/2013-04-15/88-V/rus@2016-03-01``; ``…/rus@`` when the date is not known."""
    return f"{work.uri}/{lang}@{date.isoformat() if date else ''}"


def _frbr(work: Work, lang: str, expression_date: dt.date | None, component: str = "main",
          title: str | None = None) -> etree._Element:
    wdate = work.date if work.date_known else dt.date(1, 1, 1)
    expr = expression_uri(work, lang, expression_date)
    edate, ename = (expression_date, "expression") if expression_date else (wdate, "work-date; expression date unknown")
    author = "#issuer"
    subtype = work.uri.split("/")[4] if work.doctype != "law" else None
    work_el = E.FRBRWork(
        E.FRBRthis(value=f"{work.uri}/!{component}"),
        E.FRBRuri(value=work.uri),
        *([E.FRBRalias(value=title, name="title")] if title else []),     # what cobalt's Act.title reads
        E.FRBRdate(date=wdate.isoformat(), name="enactment" if work.date_known else "unknown"),
        E.FRBRauthor(href=author),
        E.FRBRcountry(value="kz"),
        *([E.FRBRsubtype(value=subtype)] if subtype else []),
        E.FRBRnumber(value=work.number),
        *([E.FRBRname(value=work.titles[lang])] if lang in work.titles else []),
    )
    return E.identification(
        work_el,
        E.FRBRExpression(
            E.FRBRthis(value=f"{expr}/!{component}"),
            E.FRBRuri(value=expr),
            E.FRBRdate(date=edate.isoformat(), name=ename),
            E.FRBRauthor(href=author),
            E.FRBRlanguage(language=lang),
        ),
        E.FRBRManifestation(
            E.FRBRthis(value=f"{expr}/!{component}.xml"),
            E.FRBRuri(value=f"{expr}.akn"),
            E.FRBRdate(date=edate.isoformat(), name="transform"),
            E.FRBRauthor(href=SOURCE),
        ),
        source=SOURCE,
    )


def _inline(el: etree._Element, text: str) -> etree._Element:
    """Put text into an inline container; "\\n" becomes <br/>."""
    if "\n" not in text:
        el.text = text
        return el
    parts = text.split("\n")
    el.text = parts[0]
    for part in parts[1:]:
        etree.SubElement(el, _BR).tail = part
    return el


def _p(text: str) -> etree._Element:
    return _inline(E.p(), text)


def _blocks(parent: etree._Element, texts: list[str]) -> etree._Element:
    """Append one <p> per text (an empty <p/> when there is none) and return the parent."""
    for text in texts or [""]:
        _inline(etree.SubElement(parent, _P), text)
    return parent


def _note_refs(notes: list[Note]) -> list[etree._Element]:
    return [E.noteRef(href=f"#{n.eid}", marker=n.eid.split("_")[-1], placement="bottom") for n in notes]


_TAGS = {k: f"{{{AKN_NS}}}{k}" for k in ("chapter", "subchapter", "article", "paragraph", "point", "hcontainer")}


def _provision(prov: Provision, parent: etree._Element) -> etree._Element:
    """A hierarchical unit; its footnote markers go in its heading, else its num, else its text."""
    el = etree.SubElement(parent, _TAGS.get(prov.kind) or f"{{{AKN_NS}}}{prov.kind}", eId=prov.eid)
    if prov.kind == "hcontainer":
        el.set("name", prov.name or "unplaced")     # else: a block the grammar could not place (a warning)
    if prov.status == REMOVED:
        el.set("status", "removed")
    homes = []
    if prov.label or prov.num:
        homes.append(_inline(etree.SubElement(el, _NUM), prov.label or prov.num))
    if prov.heading is not None:
        homes.append(_inline(etree.SubElement(el, _HEADING), prov.heading))
    if prov.children:
        if prov.text:
            _blocks(etree.SubElement(el, _INTRO), prov.text)
        for child in prov.children:
            _provision(child, el)
        if prov.wrap_up:
            _blocks(etree.SubElement(el, _WRAPUP), prov.wrap_up)
    else:
        _blocks(etree.SubElement(el, _CONTENT), prov.text + prov.wrap_up)
    if prov.notes:
        home = homes[-1] if homes else el.find(f".//{_P}")
        home.extend(_note_refs(prov.notes))
    return el


def _publication(work: Work) -> list[etree._Element]:
    """``meta/publication`` when work.toml records where the act was first published."""
    pub = (work.raw or {}).get("publication") or {}
    if not pub.get("date"):
        return []
    name = str(pub.get("name") or pub.get("source") or "official publication")
    number = {"number": str(pub["number"])} if pub.get("number") is not None else {}
    return [E.publication(date=pub["date"].isoformat(), name=name, showAs=name, **number)]


def _title(act: Act, work: Work) -> str | None:
    """The short title: the work's in the text's language, else the text's own, else any."""
    return work.titles.get(act.lang) or act.title or next(iter(work.titles.values()), None)


def _meta(act: Act, work: Work, expression_date: dt.date | None, notes: list[Note]) -> etree._Element:
    meta = E.meta(
        _frbr(work, act.lang, expression_date, title=_title(act, work)),
        *_publication(work),
        E.references(
            E.TLCOrganization(eId="zanlex", href="/ontology/organization/zanlex", showAs="zanlex"),
            E.TLCOrganization(eId="issuer", href="/ontology/organization/kz/issuer",
                              showAs=work.issuing_body or ("Парламент Республики Казахстан" if work.doctype == "law"
                                                           else "issuing body")),
            source=SOURCE,
        ),
    )
    if notes:
        meta.append(E.notes(*[E.note(_p(n.text), eId=n.eid) for n in notes], source=SOURCE))
    return meta


def _front(doc: etree._Element, *, stamp: list[str], title: str | None, preface: list[str],
           preamble: list[str], notes: list[Note], lead: int = 0) -> None:
    """The preface (approval stamp, the ``lead`` preface lines printed before the title, long
    title with its note markers, identification lines) and the preamble of a document or an
    attachment."""
    parts = [_p(s) for s in stamp] + [_p(t) for t in preface[:lead]]
    preface = preface[lead:]
    if title:
        parts.append(E.longTitle(E.p(_inline(E.docTitle(), title), *_note_refs(notes))))
    elif notes:
        parts.append(E.p(*_note_refs(notes)))
    parts += [_p(t) for t in preface]
    if parts:
        doc.append(E.preface(*parts))
    if preamble:
        _blocks(etree.SubElement(doc, f"{{{AKN_NS}}}preamble"), preamble)


def _main(doc: etree._Element, tag: str, provisions: list[Provision], empty_eid: str) -> None:
    if not provisions:
        main = etree.SubElement(doc, f"{{{AKN_NS}}}{tag}")
        main.append(E.hcontainer(E.content(E.p()), eId=empty_eid, name="empty"))
        return
    doc.append(_provisions(tag, provisions))


# ── the provisions, written as XML text and parsed once ─────────────────────────────────────────
# Most of a document is its provisions: writing them as one XML string that libxml2 parses is
# several times faster than an element and a text setter per unit in Python. The tree (and so its
# serialisation) is the one ``_provision`` builds; a text with a character that lxml refuses or
# that XML parsing would change (a control character, "\r") is built by ``_provision``, which
# raises lxml's own error for it.
_XML_TEXT_UNSAFE = re.compile("[^\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NAME = re.compile(r"[A-Za-z_][\w.-]*", re.ASCII)
_PARSER = etree.XMLParser(huge_tree=True)     # no limit on a text's length that lxml's builder has not
_EMPTY_TEXT = "<![CDATA[]]>"      # parses to an empty text node, as lxml makes for ``el.text = ""``: "<p></p>"


class _Unwritable(Exception):
    """A provision the XML writer leaves to the element builder."""


def _provisions(tag: str, provisions: list[Provision]) -> etree._Element:
    r"""``<body>`` (or ``<mainBody>``) with its provisions, as ``_provision`` builds them.

    >>> p = Provision("article", "art_1", num="1", label="Статья 1.", heading="A & B", text=["x\ny", ""])
    >>> p.notes.append(Note("note_1", "Сноска.", 3, "art_1"))
    >>> built = etree.tostring(_provisions("body", [p]), encoding="unicode")
    >>> print(built.replace(AKN_NS, "…"))  # doctest: +NORMALIZE_WHITESPACE
    <body xmlns="…"><article eId="art_1"><num>Статья 1.</num><heading>A &amp; B<noteRef href="#note_1"
      marker="1" placement="bottom"/></heading><content><p>x<br/>y</p><p></p></content></article></body>
    >>> slow = etree.Element(f"{{{AKN_NS}}}body", nsmap={None: AKN_NS})
    >>> etree.tostring(_provision(p, slow).getparent(), encoding="unicode") == built
    True
    """
    out = [f'<{tag} xmlns="{AKN_NS}">']
    try:
        for prov in provisions:
            _write_provision(prov, out)
    except _Unwritable:
        out = []
    out.append(f"</{tag}>")
    xml = "".join(out)
    if not out[:-1] or (not xml.isprintable() and _XML_TEXT_UNSAFE.search(xml)):
        main = etree.Element(f"{{{AKN_NS}}}{tag}", nsmap={None: AKN_NS})
        for prov in provisions:
            _provision(prov, main)
        return main
    return etree.fromstring(xml.encode(), _PARSER)


_escape = saxutils.escape                       # & < > as XML text needs them
_ATTRIBUTE = {'"': "&quot;", "\t": "&#9;", "\n": "&#10;"}     # and in a quoted attribute, kept as written


def _attribute(value: str) -> str:
    return saxutils.escape(value, _ATTRIBUTE)


def _text(text: str) -> str:
    return _escape(text) if text else _EMPTY_TEXT


def _write_inline(tag: str, text: str) -> str:
    """An inline container as XML; "\n" becomes <br/> (as ``_inline``)."""
    if "\n" in text:
        return f"<{tag}>{'<br/>'.join(map(_text, text.split(chr(10))))}</{tag}>"
    return f"<{tag}>{_text(text)}</{tag}>"


def _write_blocks(tag: str, texts: list[str], out: list[str]) -> None:
    out.append(f"<{tag}>")
    out += [_write_inline("p", text) for text in texts or [""]]
    out.append(f"</{tag}>")


def _write_provision(prov: Provision, out: list[str]) -> None:
    """One provision as XML, appended to ``out`` (``_provision``, in text)."""
    kind = prov.kind
    if not _NAME.fullmatch(kind):
        raise _Unwritable(kind)
    attributes = f' eId="{_attribute(prov.eid)}"'
    if kind == "hcontainer":
        attributes += f' name="{_attribute(prov.name or "unplaced")}"'
    if prov.status == REMOVED:
        attributes += ' status="removed"'
    out.append(f"<{kind}{attributes}>")
    start = home = len(out)
    if prov.label or prov.num:
        out.append(_write_inline("num", prov.label or prov.num))
    if prov.heading is not None:
        out.append(_write_inline("heading", prov.heading))
    home = len(out) - 1 if len(out) > start else -1
    if prov.children:
        if prov.text:
            _write_blocks("intro", prov.text, out)
        for child in prov.children:
            _write_provision(child, out)
        if prov.wrap_up:
            _write_blocks("wrapUp", prov.wrap_up, out)
    else:
        _write_blocks("content", prov.text + prov.wrap_up, out)
    if prov.notes:
        if home < 0:      # the first <p> of the provision
            home = next(i for i in range(start, len(out)) if out[i].startswith("<p>"))
        fragment = out[home]
        close = fragment.rindex("</")
        refs = "".join(f'<noteRef href="#{_attribute(n.eid)}" marker="{_attribute(n.eid.split("_")[-1])}" '
                       f'placement="bottom"/>' for n in prov.notes)
        out[home] = f"{fragment[:close]}{refs}{fragment[close:]}"
    out.append(f"</{kind}>")


def _attachment(att: Attachment, act: Act, work: Work, expression_date: dt.date | None) -> etree._Element:
    doc = E.doc(E.meta(_frbr(work, act.lang, expression_date, component=att.eid,
                             title=att.title or _title(act, work))), name=att.name)
    _front(doc, stamp=att.stamp, title=att.title, preface=[], preamble=att.preamble,
           notes=[n for n in act.notes if n.target == att.eid])
    _main(doc, "mainBody", att.body, f"{att.eid}__hcontainer_empty")
    return E.attachment(doc, eId=att.eid)


def act_to_xml(act: Act, work: Work, expression_date: dt.date | None = None) -> etree._Element:
    """The whole AKN document of one parsed text.

    ``expression_date`` is the date of the version the text represents; by default the work's
    date for an original text, 0001-01-01 for a file outside the corpus (its date unknown), and
    unknown ("rus@") for a consolidated one: whoever writes such a document out passes the date
    (``consolidator.source_expression_date``). Notes that annotate the document as a whole are
    referenced from its title.
    """
    if expression_date is None and not work.date_known:
        expression_date = dt.date(1, 1, 1)
    elif expression_date is None and work.source(act.lang).state == "original":
        expression_date = work.date
    name = "act" if work.doctype == "law" else work.doctype
    doc = E.act(_meta(act, work, expression_date, act.notes), name=name)
    _front(doc, stamp=[], title=act.title, preface=act.preface, preamble=act.preamble, lead=act.preface_lead,
           notes=[n for n in act.notes if not n.target])
    _main(doc, "body", act.body, "hcontainer_empty")
    if act.conclusions:
        _blocks(etree.SubElement(doc, f"{{{AKN_NS}}}conclusions"), act.conclusions)
    if act.attachments:
        doc.append(E.attachments(*[_attachment(a, act, work, expression_date) for a in act.attachments]))
    return E.akomaNtoso(doc)


def to_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


