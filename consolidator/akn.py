"""AKN enrichment: amendment events into a parsed document's metadata, kept strictly XSD-valid.

For each amending act: ``references/passiveRef``; for each (act, effective date):
``lifecycle/eventRef``; for each event: ``analysis/passiveModifications/textualMod`` with its
``source`` (the act) and ``destination`` (the provision). An eventRef whose date is only a lower
bound (publication date unknown) refers to the TLCConcept ``#effective_not_before``.

    >>> from lxml import etree
    >>> meta = etree.fromstring(f'<meta xmlns="{AKN_NS}"><identification source="#z"/><references source="#z"/></meta>')
    >>> _place(meta, etree.Element(f"{{{AKN_NS}}}lifecycle"))
    >>> [etree.QName(c).localname for c in meta]
    ['identification', 'lifecycle', 'references']
"""

from __future__ import annotations

from lxml import etree

from akn_schema.akn import AKN_NS
from consolidator.events import TEXTUAL_MOD, AmendmentEvent

META_ORDER = ("identification", "publication", "classification", "lifecycle", "workflow", "analysis",
              "temporalData", "references", "notes", "proprietary", "presentation")
SOURCE = "#zanlex"
LOWER_BOUND = "effective_not_before"


def _el(tag: str, **attrs) -> etree._Element:
    return etree.Element(f"{{{AKN_NS}}}{tag}", **{k: v for k, v in attrs.items() if v is not None})


def _place(meta: etree._Element, child: etree._Element) -> None:
    """Insert a meta child where AKN 3.0 wants it (the order of ``META_ORDER``)."""
    rank = META_ORDER.index(etree.QName(child).localname)
    for i, existing in enumerate(meta):
        if META_ORDER.index(etree.QName(existing).localname) > rank:
            meta.insert(i, child)
            return
    meta.append(child)


def _child(meta: etree._Element, name: str) -> etree._Element:
    found = meta.find(f"{{{AKN_NS}}}{name}")
    if found is None:
        found = _el(name, source=SOURCE)
        _place(meta, found)
    return found


def enrich_xml(root: etree._Element, events: list[AmendmentEvent], work_uri: str) -> etree._Element:
    """Add the events to the main document's meta, in place; returns ``root``."""
    if not events:
        return root
    doc = root[0]
    meta = doc.find(f"{{{AKN_NS}}}meta")
    present = {el.get("eId") for el in root.iter() if el.get("eId")}

    references = _child(meta, "references")
    refs: dict[str, str] = {}
    for e in events:
        if e.act.uri not in refs:
            ref_id = f"ref_{e.act.eid.removeprefix('act_')}"
            refs[e.act.uri] = ref_id
            references.insert(len(refs) - 1, _el("passiveRef", eId=ref_id, href=e.act.uri, showAs=str(e.act)))
    if any(not e.effective.exact for e in events) and LOWER_BOUND not in present:
        references.append(_el("TLCConcept", eId=LOWER_BOUND, href=f"/ontology/concept/zanlex/{LOWER_BOUND}",
                              showAs="effective date is a lower bound: the publication date is not known"))

    lifecycle = _child(meta, "lifecycle")
    seen = set()
    for e in events:
        if e.eid in seen:
            continue
        seen.add(e.eid)
        lifecycle.append(_el("eventRef", eId=e.eid, date=e.effective.earliest.isoformat(),
                             source=f"#{refs[e.act.uri]}", type="amendment",
                             refersTo=None if e.effective.exact else f"#{LOWER_BOUND}"))

    analysis = _child(meta, "analysis")
    passive = analysis.find(f"{{{AKN_NS}}}passiveModifications")
    if passive is None:
        passive = _el("passiveModifications")
        analysis.insert(0, passive)
    for n, e in enumerate(events, start=len(passive) + 1):
        dest = f"#{e.target}" if e.target in present else f"{work_uri}/~{e.target}"
        mod = _el("textualMod", eId=f"pmod_{n}", type=TEXTUAL_MOD[e.kind])
        mod.append(_el("source", href=f"#{refs[e.act.uri]}"))
        mod.append(_el("destination", href=dest))
        passive.append(mod)
    return root


def version_xml(corpus_dir, version, expression_date=None) -> etree._Element:
    """A ``Version`` as a strictly valid AKN expression ``…/rus@YYYY-MM-DD``.

    ``expression_date`` (default: the version's date) is the date the expression is published
    under, e.g. the first day of a window of entry into force when the version is computed at
    its last day: the document's URI must be the address it is published at.

    Provisions that exist on the date are kept; a wording taken from another language, or not in
    the corpus, carries an editorial note saying so. The events in effect by the date are added
    as lifecycle and passive modifications.
    """
    from akn_schema.akn import act_to_xml
    from akn_schema.corpus import as_corpus
    from akn_schema.model import Act, Attachment, Note, Provision
    from consolidator.events import events_for_work

    corpus = as_corpus(corpus_dir)
    work = corpus.work(version.work)
    sources = [s for s in work.all_texts() if s.lang == version.lang] or work.all_texts()
    base = corpus.act(version.work, sources[-1])
    built: dict[str, Provision] = {}
    roots: list[Provision] = []
    notes: list[Note] = []
    for pv in version.existing():
        prov = Provision(pv.kind, pv.eid, num=pv.num, heading=pv.heading, label=pv.label,
                         text=list(pv.text), wrap_up=list(pv.wrap_up))
        label = _label(pv, version.lang)
        if label:
            note = Note(f"note_{len(notes) + 1}", label, 0, pv.eid)
            notes.append(note)
            prov.notes.append(note)
        built[pv.eid] = prov
        parent = built.get(pv.parent) if pv.parent else None
        (parent.children if parent is not None else roots).append(prov)
    attachments = []
    for att in base.attachments:
        body = [p for p in roots if p.eid.startswith(att.eid + "__")]
        attachments.append(Attachment(att.eid, att.name, stamp=list(att.stamp), title=att.title,
                                      preamble=list(att.preamble), body=body))
    in_att = {p.eid for a in attachments for p in a.body}
    act = Act(work=version.work, lang=version.lang, doctype=base.doctype, title=version.title,
              preface=list(base.preface), preface_lead=base.preface_lead, preamble=list(base.preamble),
              body=[p for p in roots if p.eid not in in_att], conclusions=list(base.conclusions),
              attachments=attachments, notes=notes, path=base.path)
    root = act_to_xml(act, work, expression_date=expression_date or version.date)
    happened = [e for e in events_for_work(corpus, version.work) if e.effective.has_happened(version.date)]
    return enrich_xml(root, happened, work.uri)


def _label(pv, lang: str) -> str:
    if pv.status == "uncertain":
        return f"Uncertain: {pv.note}"
    if pv.wording_lang is None:
        return f"[{pv.note}]"
    if pv.wording_lang != lang:
        return f"Wording in {pv.wording_lang}: {pv.note}"
    return ""


def source_expression_date(corpus_dir, work_name: str, lang: str):
    """The date of the expression a seed text is: the work's date for an original text, else when
    its text became the law (its snapshot's ``as_of``: the latest act it includes, not before).

    >>> from pathlib import Path
    >>> corpus = Path(__file__).resolve().parents[1] / "corpus"
    >>> source_expression_date(corpus, "law-88-V", "kaz").isoformat()
    '2013-04-15'
    """
    from akn_schema.corpus import as_corpus
    from consolidator.sources import snapshots

    corpus = as_corpus(corpus_dir)
    work = corpus.work(work_name)
    if work.source(lang).state == "original":
        return work.date
    snap = next((s for s in snapshots(corpus, work_name) if s.lang == lang and s.edition is None), None)
    return snap.as_of.earliest if snap is not None and snap.as_of is not None else work.date


def source_xml(corpus_dir, work_name: str, lang: str) -> etree._Element:
    """A seed text as the AKN ``zanlex parse`` writes: dated by ``source_expression_date``, with
    the amendment events the text itself includes (lifecycle, passive modifications)."""
    from akn_schema.akn import act_to_xml
    from akn_schema.corpus import as_corpus
    from consolidator.events import events_for_work
    from consolidator.sources import snapshots

    corpus = as_corpus(corpus_dir)
    work = corpus.work(work_name)
    root = act_to_xml(corpus.act(work_name, lang), work,
                      expression_date=source_expression_date(corpus, work_name, lang))
    snap = next((s for s in snapshots(corpus, work_name) if s.lang == lang and s.edition is None), None)
    included = [e for e in events_for_work(corpus, work_name) if snap is not None and snap.includes(e)]
    return enrich_xml(root, included, work.uri)
