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
from pathlib import Path

from lxml import etree

from publisher.model import (
    AttachmentView,
    NoteView,
    ProvisionView,
    SiteData,
    TextView,
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


def _xml_bytes(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def parsed_works(corpus: Path, site: SiteData) -> dict[str, tuple]:
    """Every work with its parsed texts; returns name → (Work, {lang: Act}) for later stages."""
    works_api = _api("akn_schema.works", "load_works")
    parser = _api("akn_schema", "parse_work")
    akn = _api("akn_schema.akn", "act_to_xml")
    if works_api is None or parser is None:
        site.notices.append("parser (akn_schema.parse_work / works.load_works) not available: no acts published")
        return {}
    parsed: dict[str, tuple] = {}
    for name, work in sorted(works_api.load_works(corpus).items()):
        view = WorkView(name=name, uri=work.uri, type=work.type, date=work.date, number=str(work.number),
                        titles=dict(work.titles))
        acts = {}
        for lang in work.texts:
            act = parser.parse_work(work, lang)
            acts[lang] = act
            view.texts[lang] = text_view(act)
            if akn is not None:
                view.xml[lang] = _xml_bytes(akn.act_to_xml(act))
        site.works.append(view)
        parsed[name] = (work, acts)
    if akn is None:
        site.notices.append("parser AKN writer (akn_schema.akn.act_to_xml) not available: no XML downloads")
    return parsed


def text_states(parsed: dict[str, tuple]) -> dict[str, dict[str, str]]:
    """What each source text is, from its work.toml (e.g. "the original 2013 wording")."""
    return {name: {lang: f"Source text: {src.state}. {src.origin}" for lang, src in work.texts.items()}
            for name, (work, _acts) in parsed.items()}


def collect_site(corpus: Path) -> tuple[SiteData, dict[str, dict[str, str]]]:
    """Everything the site shows, and the state note of each current text."""
    site = SiteData()
    parsed = parsed_works(corpus, site)
    return site, text_states(parsed)
