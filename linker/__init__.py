"""Links: references in three languages, the law–bylaw graph, and stale-delegation alerts.

Public API (everything else is internal)::

    >>> from linker import extract_references
    >>> [(r.raw, r.path) for r in extract_references("предусмотренном статьей 15 настоящего Закона", "rus")]
    [('статьей 15 настоящего Закона', (('article', '15'),))]

- ``extract_references(text, lang) -> list[Reference]``: spaCy Matcher over tokens; per-language
  registries in ``linker.languages`` (rus: pymorphy3 lemmas; kaz: own tokenizer; eng).
  ``Reference``: ``start``/``end``/``raw`` (``text[start:end] == raw``), ``path`` (outermost unit
  first, e.g. ``(("article", "7"), ("point", "3"))``), ``act`` (``ActMention``: ``scope`` for the
  citing act's own units, else ``kind``/``title``/``date``/``number`` as written).
- ``resolve_act(act, work, works) -> list[Resolution]``: each reference of a parsed act → work URI
  + eId ("resolved"), an external work node ("external"), or "unresolved" with a reason.
Every function that reads the corpus takes the command's ``akn_schema.corpus.Corpus`` (or, for a
one-off call, the corpus folder): each text's references are extracted once and kept in its memo
(``linker.texts``), and reused by the published AKN, the graph and the audits.

- ``build_graph(corpus, as_of=None) -> networkx.MultiDiGraph``: nodes are works (URI) and
  provisions (``URI~eId``); edges keyed ``legal_basis``, ``cites``, ``amends``, ``inserts``,
  ``repeals``, ``declares_invalid`` (attribute ``kind``), with ``valid_from`` / ``valid_to``.
  ``graph_json(g)`` (node-link) and ``graph_graphml(g)`` serialise it. ``work_links(corpus, name)`` is
  one work's share (a per-work task); ``graph_from(works, parts, history)`` joins them.
- ``links_of(g, ref) -> Links``: edges into and out of a provision (and what it contains) or a
  work; ``Links.bylaws()`` answers "which bylaws are issued under Art. 7?" for ``law-88-V~art_7``.
- ``audits(corpus, as_of=None) -> list[Audit]``: stale delegation (warning, naming the
  amending acts), basis missing (error), dangling (error) and unresolved (warning) references, and
  AKN validity with ``<ref>`` added. ``Audit``: severity, code, message, location, details.
- ``linked_xml(corpus, name, lang)`` / ``add_refs(root, act, work, works, found=)``: the parser's AKN
  with references wrapped in ``<ref href>``, text conserved and strictly XSD-valid.
"""

from linker.akn import add_refs, linked_xml
from linker.audit import (
    SEVERITIES,
    Audit,
    audits,
    reference_audits,
    stale_delegations,
    validation_task,
    work_validation_audits,
)
from linker.extract import cues_in, extract_references
from linker.graph import (
    EDGE_KINDS,
    WorkLinks,
    build_graph,
    graph_from,
    graph_graphml,
    graph_json,
    unresolved,
    work_links,
)
from linker.model import ActMention, Reference, Resolution
from linker.query import Links, UnknownReference, links_of
from linker.resolve import resolve_act
from linker.texts import text_references, work_resolutions

__all__ = [
    "EDGE_KINDS", "SEVERITIES", "ActMention", "Audit", "Links", "Reference", "Resolution", "UnknownReference", "WorkLinks", "add_refs",
    "audits", "build_graph", "cues_in", "extract_references", "graph_graphml", "graph_json", "linked_xml",
    "graph_from", "links_of", "reference_audits", "resolve_act", "stale_delegations", "text_references",
    "unresolved", "validation_task", "work_links", "work_resolutions", "work_validation_audits",
]
