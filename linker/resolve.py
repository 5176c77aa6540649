"""Resolution: a reference found in a corpus provision → a work URI plus an eId.

Internal references resolve in the citing act itself ("настоящей статьи" relative to the
containing article, "настоящих Правил" to the containing attachment); a named act resolves to a
corpus work by its title or date and number, otherwise to an external work node named as
written. A reference that cannot be resolved is returned with status "unresolved" and a reason,
never dropped.

    >>> external_node(ActMention(kind="order", date=dt.date(2016, 2, 16), number="35"))
    '/akn/kz/act/order/2016-02-16/35'
    >>> external_node(ActMention(kind="code", title="Предпринимательский кодекс"))
    'ext:code:предпринимательский кодекс'
"""

from __future__ import annotations

import datetime as dt  # noqa: F401  (the doctests use it)
import re
from collections.abc import Iterator
from dataclasses import dataclass

from akn_schema.model import REMOVED, Act
from linker.extract import extract_references
from linker.model import ActMention, Reference, Resolution

PREAMBLE = None   # source_eid of a reference in the preamble


@dataclass(frozen=True)
class Passage:
    """One paragraph of an act's text and the provision it belongs to (None: the preamble)."""

    eid: str | None
    text: str


def passages(act: Act) -> Iterator[Passage]:
    """The preamble paragraphs, then each provision's own paragraphs, in document order.

    Repealed provisions ("3) исключен Законом РК от …") are left out."""
    for text in act.preamble:
        yield Passage(PREAMBLE, text)
    for prov in act.walk():
        if prov.status == REMOVED:
            continue    # its text is a repeal note: the consolidator's amendment events say it
        for text in [*prov.text, *prov.wrap_up]:
            yield Passage(prov.eid, text)


def resolve_act(act: Act, work, works: dict) -> list[Resolution]:
    """Every reference in ``act`` (of corpus ``work``), resolved against the corpus ``works``."""
    return [resolve(ref, act, work, works, p.eid)
            for p in passages(act) for ref in extract_references(p.text, act.lang)]


def resolve(ref: Reference, act: Act, work, works: dict, source_eid: str | None, *, corpus=None) -> Resolution:
    """Resolve one reference found in provision ``source_eid`` of ``act`` (the cited work's text is
    taken from ``corpus``, parsed once, when given)."""
    mention = ref.act
    if mention.is_internal:
        within = _scope(mention.scope, ref.path, source_eid)
        if within is False:
            return Resolution(ref, work.uri, source_eid, "unresolved", reason=f"no enclosing {mention.scope}")
        return _in_act(ref, act, work.uri, source_eid, within)
    target = corpus_work(mention, works)
    if target is None:
        node = external_node(mention)
        if node is None:
            return Resolution(ref, work.uri, source_eid, "unresolved", reason="act named without title, date or number")
        return Resolution(ref, work.uri, source_eid, "external", target=node)
    if not ref.path:
        return Resolution(ref, work.uri, source_eid, "resolved", target=target.uri)
    from akn_schema import parse_work  # the parser's public API (cached)

    # The texts differ in time (the Kazakh law is the 2013 original): take the first that has it.
    for lang in sorted(target.texts, key=lambda x: (x != act.lang, x != "rus")):
        text = corpus.act(target.name, lang) if corpus is not None else parse_work(target, lang)
        res = _in_act(ref, text, target.uri, source_eid, None, cited_from=work.uri)
        if res.status == "resolved":
            break
    return res


def _in_act(ref: Reference, act: Act | None, uri: str, source_eid, within, cited_from: str | None = None):
    found = act.find(list(ref.path), within=within) if act else None
    work_uri = cited_from or uri
    if found is None:
        where = f" within {within}" if within else ""
        return Resolution(ref, work_uri, source_eid, "unresolved", target=uri,
                          reason=f"no single {ref.path_text} in {uri}{where}")
    return Resolution(ref, work_uri, source_eid, "resolved", target=uri, eid=found.eid)


def _scope(scope: str | None, path, source_eid: str | None):
    """The eId to search within, None for the act's body, False when the text has no such enclosure.

    "настоящей статьи" → the containing article; "настоящих Правил" → the containing attachment;
    an implicit "пунктом 3" → the containing article when there is one.
    """
    document = source_eid.split("__")[0] if source_eid and source_eid.startswith("att_") else None
    if scope in ("act", "body"):
        return None
    if scope == "document" or (scope is None and path and path[0][0] in ("article", "chapter", "subchapter")):
        return document
    prefix = {"article": "art_", "paragraph": "para_", None: "art_"}[scope]
    parts = (source_eid or "").split("__")
    idx = [i for i, part in enumerate(parts) if part.startswith(prefix)]
    if idx:
        return "__".join(parts[: idx[-1] + 1])
    return document if scope is None else False


def _norm(title: str | None) -> str:
    return re.sub(r"\W+", " ", (title or "").lower().replace("ё", "е")).strip()


def corpus_work(mention: ActMention, works: dict):
    """The corpus work a mention names: same type, and the same title or the same date and number
    (looked up in an index of ``works``, built once: linear in the corpus, not quadratic)."""
    index = _index(works)
    candidates = []
    if mention.date is not None and mention.number is not None:
        candidates += index.by_number.get((mention.date, mention.number), [])
    if mention.title:
        candidates += index.by_title.get(_norm(mention.title), [])
    for w in sorted({w.name: w for w in candidates}.values(), key=lambda w: index.order[w.name]):
        if mention.kind and mention.kind != w.doctype:
            continue
        same_title = mention.title and _norm(mention.title) in index.titles[w.name]
        same_date = mention.date is not None and mention.date == w.date
        same_number = mention.number is not None and mention.number == w.number
        if (same_title and (mention.date is None or same_date)) or (same_date and same_number):
            return w
    return None


@dataclass
class _WorkIndex:
    works: dict
    order: dict            # work name → position in ``works`` (the first match wins, as before)
    titles: dict           # name → normalised titles
    by_title: dict         # normalised title → works
    by_number: dict        # (date, number) → works


_INDEXES: dict[int, _WorkIndex] = {}


def _index(works: dict) -> _WorkIndex:
    hit = _INDEXES.get(id(works))
    if hit is not None and hit.works is works and len(hit.order) == len(works):
        return hit
    titles = {w.name: {_norm(t) for t in w.titles.values()} for w in works.values()}
    by_title: dict = {}
    by_number: dict = {}
    for w in works.values():
        for t in titles[w.name]:
            by_title.setdefault(t, []).append(w)
        by_number.setdefault((w.date, w.number), []).append(w)
    index = _WorkIndex(works, {w.name: i for i, w in enumerate(works.values())}, titles, by_title, by_number)
    if len(_INDEXES) > 8:
        _INDEXES.clear()
    _INDEXES[id(works)] = index
    return index


def external_node(mention: ActMention) -> str | None:
    """The node of a work outside the corpus, built only from what the text says.

    With a date and a number it is the AKN work URI (``uri_number``: "39/НҚ" → "39-NK"); otherwise
    ``ext:<kind>:<title>``.
    """
    kind = mention.kind or "act"
    if mention.date and mention.number:
        subtype = "" if kind == "law" else f"{kind}/"
        return f"/akn/kz/act/{subtype}{mention.date.isoformat()}/{uri_number(mention.number)}"
    if mention.title:
        return f"ext:{kind}:{_norm(mention.title)}"
    return None


_LATIN = str.maketrans({**dict(zip("АБВГҒДЕЁЗИЙІКҚЛМНҢОӨПРСТУҰҮФҺЫЭ", "ABVGGDEEZIIIKKLMNNOOPRSTUUUFHYE", strict=True)),
                        "Ж": "ZH", "Х": "KH", "Ц": "TS", "Ч": "CH", "Ш": "SH", "Щ": "SHCH", "Ю": "YU", "Я": "YA",
                        "Ә": "A", "Ъ": "", "Ь": "", "/": "-"})


def uri_number(number: str) -> str:
    """An act's number as a component of its work URI: no slash, Latin letters, as the registry writes
    them (``corpus/amending-acts.toml``: "189/НҚ" is ``…/189-NK``).

    >>> uri_number("39/НҚ"), uri_number("88-V"), uri_number("13/139")
    ('39-NK', '88-V', '13-139')
    """
    return number.upper().translate(_LATIN) if any("А" <= c <= "ӿ" for c in number.upper()) else \
        number.replace("/", "-")


def unit_eid(path) -> str:
    """An AKN-style eId for a unit path as written, for units of external works.

    >>> unit_eid((("article", "134"), ("paragraph", "1")))
    'art_134__para_1'
    """
    short = {"chapter": "chp", "subchapter": "subchp", "article": "art", "paragraph": "para", "point": "point"}
    return "__".join(f"{short[k]}_{n}" for k, n in path)


