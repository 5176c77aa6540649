"""From the stages' public APIs to ``SiteData``: the only module that imports other stages.

    site, _ = collect_site(Path("corpus"))

- parser (``akn_schema``): works, the parsed text of each language, its AKN XML;
- consolidator: amendment events, points in time, versions with coverage, their AKN XML, why a
  wording is unknown or borrowed (``reason``), the events bounding an unknown stretch, the edition
  each text is checked against and the changes not yet consolidated into it;
- linker: the references each text makes (resolved ones become links), the graph, per-provision
  edges, the audits, GraphML/JSON;
- discussion: drafts, windows, statuses, comments, the iCalendar feed.

Everything is kept as data (acts, dates, kinds, message keys): the pages word it in each
language. The consolidator's ``note`` strings are developer text and never reach a page.
A stage whose public API is not there is reported in ``SiteData.notices`` (printed by the CLI)
and ``missing_stages`` (named on the home page); it never disappears silently.
"""

from __future__ import annotations

import importlib
import json
import re
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path

from discussion import astana_date
from publisher import urls
from publisher.languages import guess_language
from publisher.model import (
    ActRef,
    AttachmentView,
    CommentView,
    DraftView,
    EdgeView,
    EditionView,
    EffectiveDate,
    EventView,
    Explanation,
    LinkTarget,
    NodeRef,
    NoteView,
    ProvisionView,
    SiteData,
    TextView,
    VersionView,
    WarningView,
    WorkView,
)

# The consolidator's ProvisionVersion.reason values (CONTRACTS.md), derived here when it has none.
OTHER_LANGUAGE, DERIVED, DERIVED_PARTIAL, NOT_IN_CORPUS, UNCERTAIN = (
    "other_language", "derived", "derived_partial", "not_in_corpus", "uncertain")
_HOST = re.compile(r"\b((?:[a-z0-9-]+\.)+kz)\b")


def _api(module: str, *names: str):
    """The module if it exports every name in ``names``, else None."""
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return None
    return mod if all(hasattr(mod, n) for n in names) else None


def _missing_stage(site: SiteData, stage: str, notice: str) -> None:
    site.notices.append(notice)
    site.missing_stages.append(stage)


def provision_view(p) -> ProvisionView:
    """``akn_schema.model.Provision`` → ``ProvisionView`` (footnotes under their provision)."""
    return ProvisionView(
        eid=p.eid, kind=p.kind, num=p.num, heading=p.heading, text=list(p.text),
        children=[provision_view(c) for c in p.children], wrap_up=list(p.wrap_up),
        repealed=p.status == "removed", notes=[NoteView(n.eid, n.text) for n in p.notes])


def text_view(act) -> TextView:
    """``akn_schema.model.Act`` → ``TextView``. Notes whose target is not on a provision's
    ``notes`` list are attached to their target here, so none is lost."""
    body = [provision_view(p) for p in act.body]
    attachments = [AttachmentView(a.eid, a.title, list(a.stamp), list(a.preamble),
                                  [provision_view(p) for p in a.body]) for a in act.attachments]
    text = TextView(act.title, list(act.preface), list(act.preamble), body, list(act.conclusions), attachments)
    placed = {n.eid for p in text.walk() for n in p.notes}
    by_eid = {p.eid: p for p in text.walk()}
    for n in act.notes:
        if n.eid not in placed:
            target = by_eid.get(n.target)
            if target is not None:
                target.notes.append(NoteView(n.eid, n.text))
            else:
                text.preamble.append(n.text)
    return text


def act_ref(act) -> ActRef:
    """A consolidator ``AmendingAct`` (or anything with type, number, date, uri) → ``ActRef``."""
    return ActRef(act.type, str(act.number), act.date, getattr(act, "uri", None))


def source_host(*texts: str | None) -> str | None:
    """The official site a text names as its source ("adilet.zan.kz"), from a URL or a note.

    >>> source_host(None, "Эталонный контрольный банк НПА РК (adilet.zan.kz), seed 000.txt")
    'adilet.zan.kz'
    >>> source_host("https://zan.gov.kz/client/#!/doc/72060/rus/13.06.2018")
    'zan.gov.kz'
    """
    for text in texts:
        if text and (m := re.search(r"https?://([^/#?]+)", text)):
            return m.group(1)
        if text and (m := _HOST.search(text)):
            return m.group(1)
    return None


def parsed_works(corpus: Path, site: SiteData) -> dict[str, tuple]:
    """Every work with its parsed texts; returns name → (Work, {lang: Act}) for later stages."""
    parser = _api("akn_schema", "load_works", "parse_work", "act_to_xml", "to_bytes")
    if parser is None:
        _missing_stage(site, "akn_schema", "parser (akn_schema.load_works / parse_work / act_to_xml) not "
                                           "available: no acts")
        return {}
    parsed: dict[str, tuple] = {}
    for name, work in sorted(parser.load_works(corpus).items()):
        view, acts = parsed_work(corpus, work)
        site.works.append(view)
        parsed[name] = (work, acts)
    return parsed


def parsed_work(corpus: Path, work) -> tuple[WorkView, dict]:
    """One work's view with its texts and their published AKN, and its parsed texts ({lang: Act})."""
    from akn_schema import parse_work, to_bytes

    view = WorkView(name=work.name, uri=work.uri, type=work.doctype, date=work.date, number=str(work.number),
                    titles=dict(work.titles))
    reg = work.registration or {}
    if reg.get("number") and reg.get("date"):
        view.registration = ActRef("registration", str(reg["number"]), reg["date"])
    acts = {}
    for lang, src in work.texts.items():
        act = corpus.act(work.name, lang) if hasattr(corpus, "act") else parse_work(work, lang)
        acts[lang] = act
        view.texts[lang] = text_view(act)
        view.xml[lang] = to_bytes(published_xml(corpus, act, work))
        view.editions[lang] = EditionView(
            state=src.state, source=source_host(getattr(src, "url", None), src.origin),
            url=getattr(src, "url", None))
    return view, acts


def published_xml(corpus: Path, act, work):
    """The AKN a lawyer downloads: the parsed text, enriched with its amendment events
    (lifecycle, passiveModifications, passiveRef) and with its references as ``<ref href>``.
    Each stage adds only through its public API, and the result must stay strictly valid."""
    from akn_schema import ZanlexError, act_to_xml, load_works, validate_xml

    consolidator = _api("consolidator", "events_for_work", "enrich_xml")
    dated = getattr(consolidator, "source_expression_date", None)
    root = act_to_xml(act, work, expression_date=dated(corpus, work.name, act.lang) if dated else None)
    linker = _api("linker", "add_refs")
    if consolidator is not None:
        consolidator.enrich_xml(root, consolidator.events_for_work(corpus, work.name), work.uri)
    if linker is not None and hasattr(corpus, "works") and hasattr(linker, "text_references"):
        # the references found once per text (linker.text_references), with the command's Corpus
        from linker.texts import by_text

        linker.add_refs(root, act, work, corpus.works,
                        found=by_text(linker.text_references(corpus, work.name, act.lang)), corpus=corpus)
    elif linker is not None:
        linker.add_refs(root, act, work, load_works(corpus))
    problems = validate_xml(root)
    if problems:   # never publish invalid AKN: the build fails and the previous site stays
        raise ZanlexError(f"{work.name}:{act.lang}: the published AKN is not valid: {problems[0]}")
    return root


def effective_date(eff) -> EffectiveDate:
    """``consolidator.Effective`` (earliest, latest, exact) → ``EffectiveDate``."""
    if eff.exact:
        return EffectiveDate(eff.earliest)
    return EffectiveDate(eff.earliest, exact=False, latest=eff.latest if eff.latest != eff.earliest else None)


def event_view(e) -> EventView:
    """One ``AmendmentEvent`` as the site shows it."""
    return EventView(effective_date(e.effective), str(e.act), e.kind, [e.target], e.act.uri, act_ref(e.act))


def event_views(events) -> list[EventView]:
    """One row per amending act, kind and effective date, with every provision it touches."""
    grouped: dict[tuple, EventView] = {}
    for e in events:
        key = (e.effective.earliest, e.effective.latest, str(e.act), e.kind)
        view = grouped.setdefault(key, EventView(effective_date(e.effective), str(e.act), e.kind, [],
                                                 e.act.uri, act_ref(e.act)))
        if e.target not in view.targets:
            view.targets.append(e.target)
    return sorted(grouped.values(), key=lambda v: (v.effective.date, v.effective.latest or v.effective.date,
                                                   v.act, v.kind))


def reason_of(pv, lang: str) -> str | None:
    """The consolidator's ``reason`` (CONTRACTS.md), or the same derived from the older fields."""
    if hasattr(pv, "reason"):
        return pv.reason
    if pv.status == "uncertain":
        return UNCERTAIN
    if pv.wording_lang is None:
        return NOT_IN_CORPUS if pv.status == "in_force" else None
    if getattr(pv, "wording_source", None):
        return DERIVED_PARTIAL if getattr(pv, "partial", False) else DERIVED
    if pv.wording_lang != lang:
        return OTHER_LANGUAGE
    return None


def bounds(pv, events, when: date) -> tuple[EventView | None, EventView | None]:
    """The events bounding an unknown wording on ``when``: the consolidator's ``after_event`` /
    ``before_event`` when it gives them, else the last event covering it on or before ``when`` and
    the next one after."""
    if hasattr(pv, "after_event") or hasattr(pv, "before_event"):
        after, before = getattr(pv, "after_event", None), getattr(pv, "before_event", None)
    else:
        covering = sorted((e for e in events if e.covers(pv.eid)), key=lambda e: e.effective.earliest)
        after = next((e for e in reversed(covering) if e.effective.earliest <= when), None)
        before = next((e for e in covering if e.effective.earliest > when), None)
    return (event_view(after) if after else None), (event_view(before) if before else None)


def uncertainty(pv, events, when: date, eif) -> Explanation:
    """Why a provision's existence on ``when`` is not established: the insertion or repeal (of it
    or of a unit containing it) whose effective window holds the date; the work's own entry into
    force; or its appearing only in a later text."""
    mine = [e for e in events if e.kind in ("inserted", "repealed")
            and (pv.eid == e.target or pv.eid.startswith(e.target + "__"))
            and e.effective.earliest <= when < e.effective.latest]
    if mine:
        return Explanation("event", event=event_view(mine[0]))
    if eif is not None and not eif.exact and eif.earliest <= when < eif.latest:
        return Explanation("eif", effective=effective_date(eif))
    return Explanation("history")


def version_text(version, base, lang: str, *, repealed: bool = False,
                 source: dict[str, ProvisionView] | None = None, events=(), eif=None) -> TextView:
    """A ``consolidator.Version`` as a tree of ``ProvisionView``s.

    ``base`` is the parsed text of the same language (title block, attachments' headings);
    ``repealed`` keeps repealed provisions (greyed, with their note); ``source`` maps eId → the
    provision in the source text of this language: its footnotes are printed under the provision,
    and a repealed provision keeps the source's own words ("2) исключен Законом РК от …").
    ``events`` (the work's amendment events) name what bounds an unknown wording.
    """
    built: dict[str, ProvisionView] = {}
    roots: list[ProvisionView] = []
    for pv in version.provisions:
        if pv.status not in ("in_force", "uncertain") and not (repealed and pv.status == "repealed"):
            continue
        reason = reason_of(pv, lang)
        src = (source or {}).get(pv.eid)
        view = ProvisionView(
            pv.eid, pv.kind, pv.num, pv.heading, list(pv.text), wrap_up=list(pv.wrap_up),
            repealed=pv.status == "repealed",
            notes=list(src.notes) if src else [],
            source_lang=pv.wording_lang if pv.wording_lang not in (None, lang) else None,
            missing=NOT_IN_CORPUS if pv.wording_lang is None and pv.status != "repealed" else None,
            uncertain=UNCERTAIN if pv.status == "uncertain" else None,
            derived_from=_act_number(getattr(pv, "wording_source", None)) if reason in (DERIVED, DERIVED_PARTIAL)
            else None,
            partial=reason == DERIVED_PARTIAL)
        if view.missing:
            view.after, view.before = bounds(pv, events, version.date)
        if view.uncertain:
            view.why = uncertainty(pv, events, version.date, eif)
        elif reason == UNCERTAIN and pv.wording_lang is not None:
            # in force, but whether this wording still applied on the date is not proven
            view.uncertain, view.why = UNCERTAIN, Explanation("wording", event=view.after)
        if view.repealed and src is not None and src.repealed and src.text:
            view.text = list(src.text)
        built[pv.eid] = view
        parent = built.get(pv.parent) if pv.parent else None
        (parent.children if parent is not None else roots).append(view)
    attachments = []
    for att in getattr(base, "attachments", []):
        body = [p for p in roots if p.eid.startswith(att.eid + "__")]
        attachments.append(AttachmentView(att.eid, att.title, list(att.stamp), list(att.preamble), body))
    inside = {p.eid for a in attachments for p in a.body}
    return TextView(version.title or getattr(base, "title", ""), list(getattr(base, "preface", [])),
                    list(getattr(base, "preamble", [])), [p for p in roots if p.eid not in inside],
                    list(getattr(base, "conclusions", [])), attachments)


_ACT_LABEL = re.compile(r"^(Law|Order|Resolution|Code) (\S+) of (\d{4}-\d{2}-\d{2})$")


def parse_act_label(label) -> ActRef | None:
    """The consolidator's ``str(AmendingAct)`` ("Law 160-VI of 2018-06-13") as an ``ActRef``.

    >>> parse_act_label("Law 160-VI of 2018-06-13")
    ActRef(type='law', number='160-VI', date=datetime.date(2018, 6, 13), uri=None)
    """
    m = _ACT_LABEL.match(str(label or ""))
    return ActRef(m.group(1).lower(), m.group(2), date.fromisoformat(m.group(3))) if m else None


def _act_number(wording_source: str | None) -> str | None:
    """ "484-V item 8, 2)" → "484-V": the amending act a derived wording comes from."""
    return wording_source.split()[0] if wording_source else None


def _articles(version) -> tuple[int, int, str]:
    """(units whose wording in the version's language is known, units in force, their kind): the
    articles of a law, or every provision of an act without articles (an order's points)."""
    articles = [p for p in version.existing() if p.kind == "article"]
    live, unit = (articles, "article") if articles else (version.existing(), "provision")
    if all(hasattr(p, "reason") for p in live):
        return sum(p.reason in (None, DERIVED) for p in live), len(live), unit
    return sum(p.wording_lang == version.lang and not getattr(p, "partial", False) for p in live), len(live), unit


def edition_of(version, seed: EditionView, snapshot, events) -> EditionView:
    """What ``version``'s text is checked against: the consolidator's ``Version.edition`` when it
    gives one, else the seed text of its language (the latest change that text includes)."""
    ed = getattr(version, "edition", None)
    if ed is not None:
        cause = getattr(ed, "caused_by_act", None) or getattr(ed, "caused_by", None)
        cause_act = act_ref(cause) if hasattr(cause, "number") else parse_act_label(cause)
        return EditionView(state="edition", label=ed.label, cause=None if cause_act else cause, cause_act=cause_act,
                           lang=getattr(ed, "lang", None),
                           source=source_host(getattr(ed, "url", None)) or seed.source, url=getattr(ed, "url", None))
    last = None
    if snapshot is not None and seed.state != "original":
        included = [e for e in events if snapshot.includes(e)]
        if included:
            last = act_ref(max(included, key=lambda e: (e.effective.earliest, e.act.date)).act)
    return EditionView(state=seed.state, last_act=last, source=seed.source, url=seed.url)


def unconsolidated(version, text: TextView, events) -> list[EventView]:
    """Changes in effect by the version's date whose effect on the shown text is not known: the
    consolidator's ``Version.unconsolidated`` when it gives it, else the events covering a
    provision whose wording in the version's language is not proven."""
    given = getattr(version, "unconsolidated", None)
    if given is not None:
        return event_views(given)
    unproven = [p.eid for p in text.walk() if p.missing or p.source_lang or p.partial]
    found = [e for e in events if e.effective.earliest <= version.date and any(e.covers(eid) for eid in unproven)]
    return event_views(found)


def consolidate(corpus: Path, site: SiteData, parsed: dict[str, tuple]) -> None:
    """Events, versions per language (with AKN XML), and the current consolidated text."""
    api = _api("consolidator", "events_for_work", "points_in_time", "version_at", "version_xml")
    if api is None:
        _missing_stage(site, "consolidator", "consolidator (events_for_work / points_in_time / version_at) not "
                                             "available: no versions, diffs or timelines")
        return
    for view in site.works:
        work, acts = parsed[view.name]
        consolidate_work(api, corpus, view, acts)


def consolidate_work(api, corpus: Path, view: WorkView, acts: dict) -> None:
    """One work's events and versions per language (``api``: the consolidator module)."""
    from akn_schema import to_bytes

    events = api.events_for_work(corpus, view.name)
    view.events = event_views(events)
    points = api.points_in_time(corpus, view.name)
    snaps = api.snapshots(corpus, view.name) if hasattr(api, "snapshots") else {}
    if isinstance(snaps, list):     # every source text: the seed text of each language
        snaps = {s.lang: s for s in snaps if getattr(s, "edition", None) is None}
    eif = api.work_entry_into_force(corpus, view.name) if hasattr(api, "work_entry_into_force") else None
    for lang in view.texts:
        base = acts[lang]
        source = {p.eid: p for p in text_view(base).walk()}
        versions: list[VersionView] = []
        for i, point in enumerate(points):
            v = api.version_at(corpus, view.name, point.effective.latest, lang)
            known, total, unit = _articles(v)
            end = effective_date(points[i + 1].effective) if i + 1 < len(points) else None
            text = version_text(v, base, lang, events=events, eif=eif)
            version = VersionView(lang, effective_date(point.effective), end, text, known, total, unit=unit,
                                  # dated as its address: the first day of the point
                                  xml=to_bytes(api.version_xml(corpus, v, point.effective.earliest)),
                                  edition=edition_of(v, view.editions[lang], snaps.get(lang), events))
            if end is None:     # the latest version is the current consolidated text
                view.texts[lang] = version_text(v, base, lang, repealed=True, source=source,
                                                events=events, eif=eif)
            version.unconsolidated = unconsolidated(v, view.texts[lang] if end is None else text, events)
            versions.append(version)
        view.versions[lang] = versions
        if versions:
            view.editions[lang] = versions[-1].edition


# ── references as links ──────────────────────────────────────────────────────────────────────

def reference_map(parsed: dict[str, tuple]) -> dict[tuple[str, str], dict[tuple, list[tuple]]]:
    """(work URI, lang) → {(eId or None, paragraph) → [(start, end, target work URI, target eId)]}
    for every reference the linker resolved to a corpus work (unresolved ones stay text)."""
    linker = _api("linker", "resolve_act")
    if linker is None:
        return {}
    works = {name: work for name, (work, _acts) in parsed.items()}
    out: dict[tuple[str, str], dict[tuple, list[tuple]]] = {}
    for _name, (work, acts) in parsed.items():
        out.update(work_references(linker, work, acts, works))
    return out


def work_references(linker, work, acts: dict, works: dict) -> dict[tuple[str, str], dict[tuple, list[tuple]]]:
    """``reference_map`` of one work (``linker``: the linker module; ``works``: every corpus work)."""
    out: dict[tuple[str, str], dict[tuple, list[tuple]]] = {}
    for lang, act in acts.items():
        table = out.setdefault((work.uri, lang), {})
        for res in linker.resolve_act(act, work, works):
            if res.status != "resolved" or not res.target:
                continue
            ref = res.reference
            table.setdefault((res.source_eid, _passage(act, res.source_eid, ref)), []).append(
                (ref.start, ref.end, res.target, res.eid))
    return out


def _passage(act, eid: str | None, ref) -> str:
    """The paragraph a reference was found in (its offsets are within it)."""
    paragraphs = act.preamble if eid is None else [*act.get(eid).text, *act.get(eid).wrap_up]
    for text in paragraphs:
        if text[ref.start:ref.end] == ref.raw:
            return text
    return ""


def link_target(work: WorkView) -> LinkTarget:
    """What a link into ``work`` needs of it (``LinkTarget``): computed where the work is collected,
    so that the pages of the works citing it do not need its texts."""
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}

    def eids(text: TextView) -> tuple[str, ...]:
        found = tuple(sorted({p.eid for p in text.walk()}))
        return shared.setdefault(found, found)

    out = {(lang, None): eids(text) for lang, text in work.texts.items()}
    for lang, versions in work.versions.items():
        out.update({(lang, v.start.iso): eids(v.text) for v in versions})
    return LinkTarget(work.uri, tuple(work.texts),
                      {lang: tuple((v.start.date, v.start.iso) for v in vs) for lang, vs in work.versions.items()},
                      out)


def attach_links(site: SiteData, refs: dict, targets: dict[str, LinkTarget] | None = None) -> None:
    """Turn each resolved reference into a link: to the provision on the same page (same work) or
    to the other work's text in force on the page's date, in the page's language if it has one.

    ``targets`` (work URI → ``LinkTarget``) are the works links may lead to (default: ``site.works``)."""
    targets = targets if targets is not None else {w.uri: link_target(w) for w in site.works}
    sets: dict[tuple[str, ...], frozenset[str]] = {}
    for work in site.works:
        for lang in work.texts:
            pages = [(None, work.texts[lang])] + [(v.start.date, v.text) for v in work.versions.get(lang, [])]
            for when, text in pages:
                eids = {p.eid for p in text.walk()}
                for p in text.walk():
                    table = refs.get((work.uri, p.source_lang or lang), {})
                    links = []
                    for i, para in enumerate([*p.text, *p.wrap_up]):
                        for start, end, uri, eid in table.get((p.eid, para), []):
                            url = _link(targets, sets, work, lang, when, uri, eid, eids)
                            if url:
                                links.append((i, start, end, url))
                    p.links = tuple(sorted(set(links)))
                table = refs.get((work.uri, lang), {})
                text.preamble_links = tuple(sorted({
                    (i, start, end, url)
                    for i, para in enumerate(text.preamble)
                    for start, end, uri, eid in table.get((None, para), [])
                    if (url := _link(targets, sets, work, lang, when, uri, eid, eids))}))


def cited_uris(refs: dict) -> list[str]:
    """The works a ``reference_map`` links to (sorted URIs)."""
    return sorted({uri for table in refs.values() for found in table.values() for _s, _e, uri, _eid in found})


def _link(targets: dict[str, LinkTarget], sets: dict, work: WorkView, lang: str, when: date | None, uri: str,
          eid: str | None, eids: set[str]) -> str | None:
    if uri == work.uri:
        anchor = _nearest(eid, eids)
        return f"#{anchor}" if anchor else None
    other = targets.get(uri)
    if other is None or not other.langs:
        return None
    other_lang = lang if lang in other.langs else other.langs[0]
    versions = other.versions.get(other_lang, ())
    at = None
    if when is not None:
        earlier = [iso for start, iso in versions if start <= when]
        at = earlier[-1] if earlier and len(earlier) < len(versions) else None
    if eid:
        found = other.eids.get((other_lang, at), ())
        anchor = _nearest(eid, sets.setdefault(found, frozenset(found)) if found else set())
    else:
        anchor = None
    url = urls.expression_url(other.uri, other_lang, at)
    return url + (f"#{anchor}" if anchor else "")


def _nearest(eid: str | None, eids: set[str]) -> str | None:
    """``eid`` if the page has it, else its closest enclosing unit that it has."""
    parts = (eid or "").split("__")
    for n in range(len(parts), 0, -1):
        if "__".join(parts[:n]) in eids:
            return "__".join(parts[:n])
    return None


# ── the graph ────────────────────────────────────────────────────────────────────────────────

def _path(work: WorkView | None, eid: str) -> tuple[tuple[str, str], ...]:
    """The units of ``eid`` outermost first, as (kind, number): from the work's text when it has
    them, else from the eId (``chp_2__art_7__point_3``)."""
    known = dict(work.units or {}) if work is not None else {}
    if work is not None:
        for text in work.texts.values():
            for p in text.walk():
                known.setdefault(p.eid, (p.kind, p.num or ""))
    parts = eid.split("__")
    out = []
    for n in range(1, len(parts) + 1):
        sub = "__".join(parts[:n])
        kind, num = known.get(sub) or _kind_of(parts[n - 1])
        out.append((kind, num))
    return tuple(out)


_EID_KINDS = {"chp": "chapter", "subchp": "subchapter", "art": "article", "para": "paragraph", "point": "point",
              "att": "attachment"}


def _kind_of(part: str) -> tuple[str, str]:
    stem, _, num = part.partition("_")
    kind = _EID_KINDS.get(stem, "provision")
    return kind, num + (")" if kind == "point" and num else "")


def _anchor(g, work: WorkView, lang: str, eid: str, target: LinkTarget | None = None) -> str:
    """``eid`` if the work's current text in ``lang`` has it, else its nearest unit that it has: a
    provision of the graph may be one that a later amendment removed, and its article is where the
    reader lands. The text decides, or the eIds of its ``LinkTarget`` where the step has only that;
    else the graph (its node lists the languages of the source texts that print it)."""
    text = work.texts.get(lang)
    if text is not None:
        shown = text.eids().__contains__
    elif target is not None and (lang, None) in target.eids:
        shown = frozenset(target.eids[(lang, None)]).__contains__
    else:
        def shown(e: str) -> bool:
            node = g.nodes.get(f"{work.uri}~{e}")
            return node is not None and lang in (node.get("langs") or "").split(",")
    return urls.nearest_unit(eid, shown)


def node_ref(g, node: str, by_uri: dict[str, WorkView], targets: dict[str, LinkTarget] | None = None) -> NodeRef:
    """A graph node as the site names it (see ``NodeRef``)."""
    a = g.nodes[node] if node in g else {}
    if a.get("kind") == "provision":
        work = by_uri.get(a.get("work"))
        langs = [x for x in (a.get("langs") or "").split(",") if x]
        lang = next((x for x in langs if work and x in work.texts), None) or (next(iter(work.texts)) if work else None)
        url = urls.expression_url(work.uri, lang) + "#" + _anchor(g, work, lang, a["eid"], (targets or {}).get(work.uri)) if work and lang else None
        act = ActRef(work.type, work.number, work.date, work.uri) if work else None
        return NodeRef(node, "provision", act, tuple(work.titles.items()) if work else (),
                       _path(work, a["eid"]), a.get("heading"), url, bool(work), a.get("work"))
    work = by_uri.get(node)
    if work is not None:
        return NodeRef(node, "work", ActRef(work.type, work.number, work.date, work.uri),
                       tuple(work.titles.items()), url=urls.work_url(work.uri), in_corpus=True, work_uri=work.uri)
    act = None
    if a.get("number") and a.get("date"):
        act = ActRef(a.get("type") or "other", a["number"], date.fromisoformat(a["date"]), node)
    title = a.get("title") or a.get("name") or node
    by_lang = tuple(sorted((k[len("title_"):], v) for k, v in a.items() if k.startswith("title_") and v))
    titles = () if act else (by_lang or ((guess_language(title), title),))
    return NodeRef(node, "other", act, titles, in_corpus=False, type=a.get("type") or "other")


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def link_graph(corpus: Path, site: SiteData, as_of: date | None = None, parts: dict | None = None,
               validation: list | None = None, targets: dict[str, LinkTarget] | None = None,
               cache=None) -> None:
    """The linker's graph: per-provision edges on each work, a drawable subgraph, the audits.

    ``parts`` (work name → ``linker.WorkLinks``, in the corpus's order) and ``validation`` (the
    works' validation audits) are the per-work results when the build's tasks computed them.
    ``cache`` (an ``akn_schema.cache.BuildCache``) keeps the GraphML download under the hash of
    the graph's node-link JSON, which holds every node, edge and attribute: a rebuild after an
    edit that leaves the graph as it was does not write it again (the slowest of the global
    steps at 200 acts)."""
    api = _api("linker", "build_graph", "graph_json", "graph_graphml", "audits")
    if api is None:
        _missing_stage(site, "linker", "linker (build_graph / audits) not available: no graph pages")
        return
    g = api.build_graph(corpus) if parts is None else api.build_graph(corpus, parts=parts)
    by_uri = {w.uri: w for w in site.works}
    refs: dict[str, NodeRef] = {}

    def ref(node: str) -> NodeRef:
        if node not in refs:
            refs[node] = node_ref(g, node, by_uri, targets)
        return refs[node]

    for u, v, attrs in sorted(g.edges(data=True), key=lambda e: (e[0], e[1], e[2].get("kind", ""))):
        for node, other, incoming in ((u, v, False), (v, u, True)):
            nattrs = g.nodes[node]
            work = by_uri.get(nattrs.get("work") if nattrs.get("kind") == "provision" else node)
            if work is None:
                continue
            eid = nattrs.get("eid", "") if nattrs.get("kind") == "provision" else ""
            work.edges.setdefault(eid, []).append(EdgeView(
                attrs.get("kind", "cites"), ref(other), _day(attrs.get("valid_from")), _day(attrs.get("valid_to")),
                incoming))
    # The picture: works, and the provisions that link across works (legal basis, citations).
    drawn = set()
    for u, v, attrs in g.edges(data=True):
        kind = attrs.get("kind")
        if kind == "legal_basis" or (kind == "cites" and g.nodes[u].get("work", u) != g.nodes[v].get("work", v)):
            site.graph.edges.append({"source": u, "target": v, "kind": kind})
            drawn.update((u, v))
    for node, attrs in g.nodes(data=True):
        if attrs.get("kind") == "work" and attrs.get("in_corpus"):
            drawn.add(node)
    site.graph.nodes = sorted((ref(n) for n in drawn), key=lambda n: n.id)
    for r in site.graph.nodes:
        if r.kind == "provision" and r.work_uri in drawn:
            site.graph.edges.append({"source": r.id, "target": r.work_uri, "kind": "part_of"})
    site.graph.edges.sort(key=lambda e: (e["source"], e["target"], e["kind"]))
    graph_json = api.graph_json(g)
    # compact, so that the C encoder writes it (an indented dump is Python's, several times slower)
    site.graph.json = (graph_json if isinstance(graph_json, bytes) else
                       json.dumps(graph_json, ensure_ascii=False, separators=(",", ":"), sort_keys=True, default=str)
                       .encode("utf-8"))
    graphml = partial(api.graph_graphml, g)
    site.graph.graphml = cache.kept(("publisher.graphml", site.graph.json), graphml) if cache else graphml()
    names = {w.name: w for w in site.works}
    if parts is not None:
        found = _audits(api, corpus, as_of, parts, g, validation or [])
    else:
        try:
            found = api.audits(corpus, as_of=as_of)
        except TypeError:
            found = api.audits(corpus)
    for a in found:
        site.graph.warnings.append(warning_view(a, ref, names, g))


def _audits(api, corpus, as_of: date | None, parts: dict, g, validation: list) -> list:
    """``linker.audits`` from the per-work results: the same findings in the same order."""
    from linker.audit import SEVERITIES

    history = {name: part.changes for name, part in parts.items()}
    resolved = tuple(r for part in parts.values() for r in part.resolutions)
    found = api.audits(corpus, as_of=as_of, validation=False, history=history, graph=g, found=resolved)
    return sorted([*found, *validation], key=lambda a: SEVERITIES.index(a.severity))


def warning_view(a, ref, names: dict[str, WorkView], g) -> WarningView:
    """An ``Audit`` as data the pages word in each language."""
    d = a.details or {}
    w = WarningView(a.severity, a.code)
    if d.get("bylaw") in g:
        w.bylaw = ref(d["bylaw"])
        w.url = urls.graph_url(d["bylaw"]) if w.bylaw.in_corpus else None
    if d.get("basis") in g:
        w.basis = ref(d["basis"])
    w.adopted, w.on = _day(d.get("adopted")), _day(d.get("as_of"))
    for x in d.get("amending_acts", []):
        uri = x.get("uri", "")
        act = ActRef(x.get("type") or ("order" if "/order/" in uri else "law"), x.get("number", ""),
                     _day(uri.rstrip("/").rsplit("/", 2)[-2]) or date.min, uri)
        eff = _day(x.get("effective"))
        w.acts.append((act, EffectiveDate(eff, exact=bool(x.get("effective_exact"))) if eff else None, x.get("kind")))
    if d.get("text"):
        w.text, w.text_lang = d["text"], d.get("lang")
    name, _, eid = a.location.partition("~")
    name = name.split(" ")[0].split(":")[0]
    work = names.get(name)
    if work is not None:
        node = f"{work.uri}~{eid}" if eid else work.uri
        w.where = ref(node) if node in g else NodeRef(node, "provision" if eid else "work",
                                                      ActRef(work.type, work.number, work.date, work.uri),
                                                      tuple(work.titles.items()), _path(work, eid) if eid else (),
                                                      url=urls.work_url(work.uri), in_corpus=True,
                                                      work_uri=work.uri)
        if w.url is None:
            w.url = urls.graph_url(work.uri)
    return w


# ── drafts ───────────────────────────────────────────────────────────────────────────────────

# The discussion stage's warnings are English sentences; each known one becomes a message key.
_DRAFT_WARNINGS = [
    (re.compile(r"no government decree moving days off is recorded for (?P<year>\d{4})"), "warn.no_decree"),
    (re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2}) .*the date is estimated"), "warn.estimated_holiday"),
    (re.compile(r"^comment (?P<number>\d+) was received before the draft was posted"), "warn.before_posted"),
    (re.compile(r"^comment (?P<number>\d+) came after the close"), "warn.late_decided"),
    (re.compile(r"^the completion report is dated before the window closed"), "warn.report_early"),
    (re.compile(r"^the report gives no decision on comment\(s\) (?P<numbers>[\d, ]+)"), "warn.undecided"),
]


def draft_warning(text: str) -> tuple[str, dict]:
    """A discussion warning → (message key, arguments).

    >>> draft_warning("no government decree moving days off is recorded for 2026 (holidays package …)")
    ('warn.no_decree', {'year': '2026'})
    """
    for pattern, key in _DRAFT_WARNINGS:
        if m := pattern.search(text):
            args = m.groupdict()
            if "date" in args:
                args["date"] = date.fromisoformat(args["date"])
            return key, args
    return "warn.other", {}


def drafts(corpus: Path, site: SiteData, today: date, stamp: datetime) -> None:
    """Drafts with their windows, statuses and comments; the iCalendar feed of deadlines."""
    api = _api("discussion", "load_drafts", "draft_status", "ics_feed")
    if api is None:
        _missing_stage(site, "discussion", "discussion (load_drafts / draft_status / ics_feed) not available: "
                                           "no drafts")
        return
    loaded = api.load_drafts(corpus)
    for d in loaded:
        st = api.draft_status(d, today)
        comments = [CommentView(c.comment.author_kind, c.comment.received, c.comment.text,
                                late=c.consideration == "not_subject_to_consideration",
                                decision=c.comment.decision, missing_justification=c.missing_justification,
                                justification=c.comment.justification,
                                lang=guess_language(f"{c.comment.text} {c.comment.justification or ''}"))
                    for c in st.comments]
        report = None
        if d.report is not None:
            posted = d.report.posted_at
            report = (astana_date(posted) if isinstance(posted, datetime) else posted, d.report.where)
        posted = d.posted.at.date() if isinstance(d.posted.at, datetime) else d.posted.at
        warnings = list(dict.fromkeys(list(st.warnings) + list(d.window.warnings)))
        site.drafts.append(DraftView(
            d.id, d.title, guess_language(d.title), posted, d.window.closes_at, st.status,
            last_day=d.window.deadline,
            amends=d.linked_work_uri or d.amends, amends_corpus_work=bool(d.linked_work_uri),
            comments=comments, report=report,
            warnings=[draft_warning(w) for w in warnings], url=d.posted.where,
            days_left=st.days_left, working_days=tuple(d.window.working_days)))
    site.ical = api.ics_feed(loaded, stamp=stamp)


def collect_site(corpus: Path, epoch: int | None = None) -> tuple[SiteData, dict[str, dict[str, str]]]:
    """Everything the site shows (and, for older callers, an empty second value).

    ``epoch`` (``SOURCE_DATE_EPOCH``) is "today" for the drafts' status, the audits, the feed's
    stamp and the build date printed on act pages, so that a rebuild of the same corpus is
    identical; the browser recomputes days left.
    """
    from publisher.build import source_date_epoch

    stamp = datetime.fromtimestamp(source_date_epoch(corpus) if epoch is None else epoch, tz=UTC)
    site = SiteData(built=astana_date(stamp))
    parsed = parsed_works(corpus, site)
    consolidate(corpus, site, parsed)
    attach_links(site, reference_map(parsed))
    link_graph(corpus, site, as_of=site.built)
    drafts(corpus, site, astana_date(stamp), stamp)
    return site, {}
