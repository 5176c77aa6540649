"""From the stages' public APIs to ``SiteData``: the only module that imports other stages.

    site = collect_site(Path("corpus"))

- parser (``akn_schema``): works, the parsed text of each language, its AKN XML;
- consolidator: amendment events, points in time, versions with coverage, their AKN XML;
- linker: the graph, per-provision edges, stale-delegation warnings, GraphML/JSON;
- discussion: drafts, windows, statuses, comments, the iCalendar feed.

A stage whose public API is not there yet is reported in ``SiteData.notices`` (printed by the
CLI and shown on the home page); it never disappears silently.
"""

from __future__ import annotations

import importlib
import json
from datetime import UTC, date, datetime
from pathlib import Path

from discussion import astana_date
from publisher import urls
from publisher.languages import guess_language
from publisher.model import (
    AttachmentView,
    CommentView,
    DraftView,
    EdgeView,
    EffectiveDate,
    EventView,
    NoteView,
    ProvisionView,
    SiteData,
    TextView,
    VersionView,
    WarningView,
    WorkView,
)


def _api(module: str, *names: str):
    """The module if it exports every name in ``names``, else None."""
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return None
    return mod if all(hasattr(mod, n) for n in names) else None


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


def parsed_works(corpus: Path, site: SiteData) -> dict[str, tuple]:
    """Every work with its parsed texts; returns name → (Work, {lang: Act}) for later stages."""
    parser = _api("akn_schema", "load_works", "parse_work", "act_to_xml", "to_bytes")
    if parser is None:
        site.notices.append("parser (akn_schema.load_works / parse_work / act_to_xml) not available: no acts")
        return {}
    parsed: dict[str, tuple] = {}
    for name, work in sorted(parser.load_works(corpus).items()):
        view = WorkView(name=name, uri=work.uri, type=work.doctype, date=work.date, number=str(work.number),
                        titles=dict(work.titles))
        acts = {}
        for lang in work.texts:
            act = parser.parse_work(work, lang)
            acts[lang] = act
            view.texts[lang] = text_view(act)
            view.xml[lang] = parser.to_bytes(published_xml(corpus, act, work))
        site.works.append(view)
        parsed[name] = (work, acts)
    return parsed


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
    if linker is not None:
        linker.add_refs(root, act, work, load_works(corpus))
    problems = validate_xml(root)
    if problems:   # never publish invalid AKN: the build fails and the previous site stays
        raise ZanlexError(f"{work.name}:{act.lang}: the published AKN is not valid: {problems[0]}")
    return root


def text_states(parsed: dict[str, tuple]) -> dict[str, dict[str, str]]:
    """What each source text is, from its work.toml (e.g. "the original 2013 wording")."""
    return {name: {lang: f"Source text: {src.state}. {src.origin}" for lang, src in work.texts.items()}
            for name, (work, _acts) in parsed.items()}


def effective_date(eff) -> EffectiveDate:
    """``consolidator.Effective`` (earliest, latest, exact) → ``EffectiveDate``."""
    if eff.exact:
        return EffectiveDate(eff.earliest)
    return EffectiveDate(eff.earliest, exact=False, latest=eff.latest if eff.latest != eff.earliest else None)


def event_views(events) -> list[EventView]:
    """One row per amending act, kind and effective date, with every provision it touches."""
    grouped: dict[tuple, EventView] = {}
    for e in events:
        key = (e.effective.earliest, e.effective.latest, str(e.act), e.kind)
        view = grouped.setdefault(key, EventView(effective_date(e.effective), str(e.act), e.kind, [],
                                                 e.act.uri))
        if e.target not in view.targets:
            view.targets.append(e.target)
    return sorted(grouped.values(), key=lambda v: (v.effective.date, v.effective.latest or v.effective.date,
                                                   v.act, v.kind))


def version_text(version, base, lang: str, *, repealed: bool = False,
                 source: dict[str, ProvisionView] | None = None) -> TextView:
    """A ``consolidator.Version`` as a tree of ``ProvisionView``s.

    ``base`` is the parsed text of the same language (title block, attachments' headings);
    ``repealed`` keeps repealed provisions (greyed, with their note); ``source`` maps eId → the
    provision in the source text of this language: its footnotes are printed under the provision,
    and a repealed provision keeps the source's own words ("2) исключен Законом РК от …").
    """
    built: dict[str, ProvisionView] = {}
    roots: list[ProvisionView] = []
    for pv in version.provisions:
        if pv.status not in ("in_force", "uncertain") and not (repealed and pv.status == "repealed"):
            continue
        view = ProvisionView(
            pv.eid, pv.kind, pv.num, pv.heading, list(pv.text), wrap_up=list(pv.wrap_up),
            repealed=pv.status == "repealed",
            notes=list(src.notes) if (src := (source or {}).get(pv.eid)) else [],
            source_lang=pv.wording_lang if pv.wording_lang not in (None, lang) else None,
            missing=(pv.note or "—") if pv.wording_lang is None and pv.status != "repealed" else None,
            uncertain=(pv.note or "—") if pv.status == "uncertain" else None)
        if view.repealed and src is not None and src.repealed and src.text:
            view.text = list(src.text)
        elif view.repealed and not view.text and pv.note:
            view.text = [pv.note]
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


def _articles(version) -> tuple[int, int]:
    """(articles whose wording in the version's language is known, articles in force)."""
    live = [p for p in version.existing() if p.kind == "article"] or version.existing()
    return sum(p.wording_lang == version.lang for p in live), len(live)


def consolidate(corpus: Path, site: SiteData, parsed: dict[str, tuple]) -> None:
    """Events, versions per language (with AKN XML), and the current consolidated text."""
    api = _api("consolidator", "events_for_work", "points_in_time", "version_at", "version_xml")
    if api is None:
        site.notices.append("consolidator (events_for_work / points_in_time / version_at) not available: "
                            "no versions, diffs or timelines")
        return
    from akn_schema import to_bytes

    for view in site.works:
        work, acts = parsed[view.name]
        view.events = event_views(api.events_for_work(corpus, view.name))
        points = api.points_in_time(corpus, view.name)
        for lang in view.texts:
            base = acts[lang]
            source = {p.eid: p for p in text_view(base).walk()}
            versions: list[VersionView] = []
            for i, point in enumerate(points):
                v = api.version_at(corpus, view.name, point.effective.latest, lang)
                known, total = _articles(v)
                end = effective_date(points[i + 1].effective) if i + 1 < len(points) else None
                versions.append(VersionView(lang, effective_date(point.effective), end,
                                            version_text(v, base, lang), known, total,
                                            # dated as its address: the first day of the point
                                            xml=to_bytes(api.version_xml(corpus, v, point.effective.earliest))))
                if end is None:     # the latest version is the current consolidated text
                    view.texts[lang] = version_text(v, base, lang, repealed=True, source=source)
            view.versions[lang] = versions


def _node_label(g, node: str) -> str:
    attrs = g.nodes[node] if node in g else {}
    if attrs.get("kind") == "provision":
        head = " ".join(x for x in [attrs.get("num") or "", attrs.get("heading") or ""] if x)
        return f"{attrs.get('name', '')} {head} ({attrs.get('eid', '')})".strip()
    if attrs.get("name") and attrs.get("title"):
        return f"{attrs['name']} — {attrs['title']}"
    return str(attrs.get("title") or attrs.get("name") or node)


def _node_url(g, node: str) -> str | None:
    attrs = g.nodes[node] if node in g else {}
    if attrs.get("kind") == "provision":
        lang = (attrs.get("langs") or "rus").split(",")[0]
        return urls.expression_url(attrs["work"], lang) + "#" + attrs["eid"]
    if attrs.get("kind") == "work" and attrs.get("in_corpus"):
        return urls.work_url(node)
    return None


def link_graph(corpus: Path, site: SiteData) -> None:
    """The linker's graph: per-provision edges on each work, a drawable subgraph, the audits."""
    api = _api("linker", "build_graph", "graph_json", "graph_graphml", "audits")
    if api is None:
        site.notices.append("linker (build_graph / audits) not available: no graph pages")
        return
    g = api.build_graph(corpus)
    by_uri = {w.uri: w for w in site.works}
    for u, v, attrs in sorted(g.edges(data=True), key=lambda e: (e[0], e[1], e[2].get("kind", ""))):
        for node, other, incoming in ((u, v, False), (v, u, True)):
            nattrs = g.nodes[node]
            work = by_uri.get(nattrs.get("work") if nattrs.get("kind") == "provision" else node)
            if work is None:
                continue
            eid = nattrs.get("eid", "") if nattrs.get("kind") == "provision" else ""
            work.edges.setdefault(eid, []).append(EdgeView(
                attrs.get("kind", "link"), _node_label(g, other), _node_url(g, other),
                attrs.get("valid_from"), attrs.get("valid_to"), incoming))
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
    for node in drawn:
        attrs = g.nodes[node]
        kind = attrs.get("kind") if attrs.get("kind") in ("work", "provision") else "other"
        if kind == "work" and not attrs.get("in_corpus"):
            kind = "other"
        site.graph.nodes.append({"id": node, "kind": kind, "title": _node_label(g, node),
                                 "label": attrs.get("name") or _node_label(g, node),
                                 "show_label": kind == "work"})
    for w in site.works:
        if w.uri in drawn:
            site.graph.edges.extend({"source": f"{w.uri}~{p.eid}", "target": w.uri, "kind": "part_of"}
                                    for p in w.texts[next(iter(w.texts))].walk()
                                    if f"{w.uri}~{p.eid}" in drawn)
    site.graph.nodes.sort(key=lambda n: n["id"])
    site.graph.edges.sort(key=lambda e: (e["source"], e["target"], e["kind"]))
    graph_json = api.graph_json(g)
    site.graph.json = (graph_json if isinstance(graph_json, bytes) else
                       json.dumps(graph_json, ensure_ascii=False, indent=1, sort_keys=True, default=str)
                       .encode("utf-8"))
    site.graph.graphml = api.graph_graphml(g)
    for a in api.audits(corpus):
        bylaw = (a.details or {}).get("bylaw") or (a.details or {}).get("basis", "").split("~")[0]
        url = urls.graph_url(bylaw) if bylaw in by_uri else None
        site.graph.warnings.append(WarningView(a.severity, f"{a.code}: {a.message} [{a.location}]", url))


def drafts(corpus: Path, site: SiteData, today: date, stamp: datetime) -> None:
    """Drafts with their windows, statuses and comments; the iCalendar feed of deadlines."""
    api = _api("discussion", "load_drafts", "draft_status", "ics_feed")
    if api is None:
        site.notices.append("discussion (load_drafts / draft_status / ics_feed) not available: no drafts")
        return
    loaded = api.load_drafts(corpus)
    for d in loaded:
        st = api.draft_status(d, today)
        comments = []
        for c in st.comments:
            decision = None
            if c.comment.decision:
                decision = c.comment.decision + (f": {c.comment.justification}" if c.comment.justification else "")
            comments.append(CommentView(c.comment.author_kind, c.comment.received, c.comment.text,
                                        late=c.consideration == "not_subject_to_consideration",
                                        decision=decision, missing_justification=c.missing_justification))
        report = None
        if d.report is not None:
            report = f"Completion report posted {d.report.posted_at.isoformat()}: {d.report.where}"
        posted = d.posted.at.date() if isinstance(d.posted.at, datetime) else d.posted.at
        site.drafts.append(DraftView(
            d.id, d.title, guess_language(d.title), posted, d.window.closes_at, st.status,
            last_day=d.window.deadline,
            amends=d.linked_work_uri or d.amends, amends_corpus_work=bool(d.linked_work_uri),
            comments=comments, report=report,
            warnings=list(st.warnings) + list(d.window.warnings), url=d.posted.where))
    site.ical = api.ics_feed(loaded, stamp=stamp)


def collect_site(corpus: Path, epoch: int | None = None) -> tuple[SiteData, dict[str, dict[str, str]]]:
    """Everything the site shows, and the state note of each current text.

    ``epoch`` (``SOURCE_DATE_EPOCH``) is "today" for the drafts' status and the feed's stamp,
    so that a rebuild of the same corpus is identical; the browser recomputes days left.
    """
    from publisher.build import source_date_epoch

    stamp = datetime.fromtimestamp(source_date_epoch(corpus) if epoch is None else epoch, tz=UTC)
    site = SiteData()
    parsed = parsed_works(corpus, site)
    consolidate(corpus, site, parsed)
    link_graph(corpus, site)

    drafts(corpus, site, astana_date(stamp), stamp)
    return site, text_states(parsed)
